//! The words that put a figure's comparisons into a phrase, in both
//! languages side by side: the detail pane's short ones and `zhoubao
//! show`'s, which name what each line compares with. A section of the
//! message table ([`super::Msg::Compare`]); `trend::describe` picks the
//! message and formats the numbers (signs, percentages), which are the
//! same in both languages.

use std::borrow::Cow;

use super::Lang;
use crate::model::IssueKey;

/// A week's place among the known weeks of a window, told from its
/// nearer end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The only known week of the `window` weeks.
    Only { window: u32 },
    /// Every one of the `of` known weeks has the same value.
    AllEqual { of: u32, window: u32 },
    /// `position` from the top (`highest`) or the bottom; `joint` when
    /// other weeks share it; `of` known weeks of `window`.
    Place {
        position: u32,
        highest: bool,
        joint: bool,
        of: u32,
        window: u32,
    },
}

/// A comparison phrase, or a word of one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Compare {
    /// What a rise from nothing is called instead of a percentage.
    New,
    /// A share's change in percentage points, `amount` signed (`−3`).
    Points {
        amount: String,
    },
    /// The issue does not have the figure.
    NotInIssue,
    // --- the detail pane
    /// The heading when the key has no week on the calendar.
    PaneOffCalendar,
    /// The heading when no earlier issue has any figure.
    PaneNothingEarlier,
    PaneVsLastWeek(IssueKey),
    PaneVsWeeksBefore {
        key: IssueKey,
        weeks: i64,
    },
    /// The heading when no figure has an issue within `weeks` before,
    /// though an older one has.
    PaneNoneWithin {
        weeks: u32,
    },
    /// A row whose figure no earlier issue has.
    PaneNoEarlier,
    /// A row whose figure no issue within the gap has, an older one has.
    PaneLastWeekUnknown,
    /// The older issue's value, shown apart and dim: `key`, `weeks` before.
    LastKnown {
        key: IssueKey,
        weeks: i64,
        value: String,
    },
    /// A row compared with another issue than the heading's.
    PaneVs(IssueKey),
    /// After a change against what this issue says of last week.
    PaneStated,
    /// What this issue says of last week, when last week says otherwise.
    PaneStatedDiffers {
        value: String,
    },
    /// The mean's label: `known` of the `weeks` before have the figure.
    /// Not the chart view's moving average, which includes this week.
    PaneMean {
        weeks: u32,
        known: u32,
    },
    /// Too few of the `weeks` before have the figure for a mean (one
    /// would only repeat the change against it).
    PaneMeanTooFew {
        weeks: u32,
        known: u32,
    },
    PaneYearEarlier,
    PaneNoSuchWeek,
    PaneRank(Standing),
    // --- zhoubao show
    /// `max_gap`: how many weeks back a change is still headlined.
    CliHeading {
        on_calendar: bool,
        max_gap: u32,
    },
    CliNoEarlier,
    /// The week before is not known, an older issue is (see `LastKnown`).
    CliWeekBeforeUnknown,
    /// `change` against issue `key`'s `value`, `weeks_before` weeks before;
    /// `stated`: the value is what this issue says of that week.
    CliPrevious {
        change: String,
        key: IssueKey,
        value: String,
        weeks_before: i64,
        stated: bool,
    },
    /// This issue says `value` of issue `key`, whose own figure is `own`.
    CliStatedDiffers {
        key: IssueKey,
        value: String,
        own: String,
    },
    CliNoMean {
        weeks: u32,
    },
    /// Only `known` (one) of the `weeks` before has the figure: no mean.
    CliMeanTooFew {
        weeks: u32,
        known: u32,
    },
    CliMean {
        weeks: u32,
        known: u32,
        mean: String,
        change: String,
    },
    CliYearEarlier {
        key: IssueKey,
        value: String,
        change: String,
    },
    CliYearUnknown(IssueKey),
    CliNoSuchWeek,
    CliRank(Standing),
}

impl Compare {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Compare::*;
        use Lang::{En, Zh};
        match (self, lang) {
            (New, Zh) => "新增".into(),
            (New, En) => "new".into(),
            (Points { amount }, Zh) => format!("{amount} 个百分点").into(),
            (Points { amount }, En) => format!("{amount} pp").into(),
            (NotInIssue, Zh) => "本期无此项".into(),
            (NotInIssue, En) => "not in this issue".into(),
            // --- the detail pane
            (PaneOffCalendar, Zh) => "本周数据 · 本期不在周历上，无从比较".into(),
            (PaneOffCalendar, En) => {
                "Figures · this issue is not on the calendar: nothing to compare".into()
            }
            (PaneNothingEarlier, Zh) => "本周数据 · 无更早数据可比".into(),
            (PaneNothingEarlier, En) => "Figures · nothing earlier to compare with".into(),
            (PaneVsLastWeek(k), Zh) => format!("本周数据 · 较上周 {k}").into(),
            (PaneVsLastWeek(k), En) => format!("Figures · vs last week {k}").into(),
            (PaneVsWeeksBefore { key, weeks }, Zh) => {
                format!("本周数据 · 较{key}（{weeks}周前）").into()
            }
            (PaneVsWeeksBefore { key, weeks }, En) => {
                format!("Figures · vs {key} ({weeks} weeks before)").into()
            }
            (PaneNoneWithin { weeks }, Zh) => {
                format!("本周数据 · 上周不详（前{weeks}周无数据）").into()
            }
            (PaneNoneWithin { weeks }, En) => {
                format!("Figures · last week not known (none in the {weeks} before)").into()
            }
            (PaneNoEarlier, Zh) => "无更早数据".into(),
            (PaneNoEarlier, En) => "nothing earlier".into(),
            (PaneLastWeekUnknown, Zh) => "上周不详".into(),
            (PaneLastWeekUnknown, En) => "last week not known".into(),
            (LastKnown { key, weeks, value }, Zh) => {
                format!("最近已知：{key}（{weeks}周前）{value}").into()
            }
            (LastKnown { key, weeks, value }, En) => {
                format!("last known: {key} ({weeks} weeks before) {value}").into()
            }
            (PaneVs(k), Zh) => format!(" 较{k}").into(),
            (PaneVs(k), En) => format!(" vs {k}").into(),
            (PaneStated, Zh) => "（据本期所述上周）".into(),
            (PaneStated, En) => " (last week as this issue states)".into(),
            (PaneStatedDiffers { value }, Zh) => format!("（本期称上周 {value}）").into(),
            (PaneStatedDiffers { value }, En) => {
                format!(" (this issue says {value} of last week)").into()
            }
            (PaneMean { weeks, known }, Zh) if known < weeks => {
                format!("前{weeks}周均(仅{known}周)").into()
            }
            (PaneMean { weeks, .. }, Zh) => format!("前{weeks}周均").into(),
            (PaneMean { weeks, known }, En) if known >= weeks => {
                format!("prior {weeks}-wk mean").into()
            }
            (PaneMean { weeks, known }, En) => {
                format!("prior {weeks}-wk mean ({known} wks)").into()
            }
            (PaneMeanTooFew { weeks, known: 0 }, Zh) => format!("前{weeks}周均 —").into(),
            (PaneMeanTooFew { weeks, known }, Zh) => {
                format!("前{weeks}周均 —(仅{known}周有数)").into()
            }
            (PaneMeanTooFew { weeks, known: 0 }, En) => format!("prior {weeks}-wk mean —").into(),
            (PaneMeanTooFew { weeks, known }, En) => {
                format!("prior {weeks}-wk mean — (only {known} known)").into()
            }
            (PaneYearEarlier, Zh) => "去年同期".into(),
            (PaneYearEarlier, En) => "a year ago".into(),
            (PaneNoSuchWeek, Zh) => "去年无此期".into(),
            (PaneNoSuchWeek, En) => "no such week a year ago".into(),
            (PaneRank(s), Zh) => pane_rank_zh(*s).into(),
            (PaneRank(s), En) => pane_rank_en(*s).into(),
            // --- zhoubao show
            (
                CliHeading {
                    on_calendar: true,
                    max_gap,
                },
                Zh,
            ) => format!("本周数据（与 {max_gap} 周内有该项数据的上一期相比）：").into(),
            (
                CliHeading {
                    on_calendar: true,
                    max_gap,
                },
                En,
            ) => format!(
                "figures (change vs the last issue with the figure at most {max_gap} weeks before):"
            )
            .into(),
            (
                CliHeading {
                    on_calendar: false, ..
                },
                Zh,
            ) => "本周数据（此期号不在周历上，无从比较）：".into(),
            (
                CliHeading {
                    on_calendar: false, ..
                },
                En,
            ) => "figures (this key has no week on the calendar: nothing to compare):".into(),
            (CliNoEarlier, Zh) => "更早的期次都没有此项".into(),
            (CliNoEarlier, En) => "no earlier issue has this figure".into(),
            (CliWeekBeforeUnknown, Zh) => "上一周不详".into(),
            (CliWeekBeforeUnknown, En) => "the week before: not known".into(),
            (
                CliPrevious {
                    change,
                    key,
                    value,
                    weeks_before,
                    stated,
                },
                Zh,
            ) => {
                let when = if *weeks_before == 1 {
                    "上一周".to_string()
                } else {
                    format!("{weeks_before} 周前")
                };
                let said = if *stated { "，据本期所述" } else { "" };
                format!("{change}，较 {key}（{value}{said}），{when}").into()
            }
            (
                CliPrevious {
                    change,
                    key,
                    value,
                    weeks_before,
                    stated,
                },
                En,
            ) => {
                let when = if *weeks_before == 1 {
                    "the week before".to_string()
                } else {
                    format!("{weeks_before} weeks before")
                };
                let said = if *stated {
                    ", as this issue states"
                } else {
                    ""
                };
                format!("{change} vs {key} ({value}{said}), {when}").into()
            }
            (CliStatedDiffers { key, value, own }, Zh) => {
                format!("本期称 {key} 为 {value}，该期自述 {own}（以该期为准）").into()
            }
            (CliStatedDiffers { key, value, own }, En) => {
                format!("this issue says {value} of {key}, which says {own} of itself (used)")
                    .into()
            }
            (CliNoMean { weeks }, Zh) => format!("此前 {weeks} 周都没有此项：无均值").into(),
            (CliNoMean { weeks }, En) => {
                format!("none of the {weeks} weeks before has this figure: no mean").into()
            }
            (CliMeanTooFew { weeks, known }, Zh) => {
                format!("此前 {weeks} 周仅 {known} 周有此项：不算均值").into()
            }
            (CliMeanTooFew { weeks, known }, En) => {
                format!("only {known} of the {weeks} weeks before has this figure: no mean").into()
            }
            (
                CliMean {
                    weeks,
                    known,
                    mean,
                    change,
                },
                Zh,
            ) => {
                let known = if known < weeks {
                    format!("（{weeks} 周中仅知 {known} 周）")
                } else {
                    String::new()
                };
                format!("较此前 {weeks} 周均值 {mean}{known}：{change}").into()
            }
            (
                CliMean {
                    weeks,
                    known,
                    mean,
                    change,
                },
                En,
            ) => {
                let known = if known < weeks {
                    format!(" ({known} of the {weeks} weeks known)")
                } else {
                    String::new()
                };
                format!("vs the mean of the {weeks} weeks before, {mean}{known}: {change}").into()
            }
            (CliYearEarlier { key, value, change }, Zh) => {
                format!("较去年同期 {key}（{value}）：{change}").into()
            }
            (CliYearEarlier { key, value, change }, En) => {
                format!("vs a year earlier, {key} ({value}): {change}").into()
            }
            (CliYearUnknown(k), Zh) => format!("去年同期 {k}：不详").into(),
            (CliYearUnknown(k), En) => format!("a year earlier, {k}: not known").into(),
            (CliNoSuchWeek, Zh) => "去年同期：无此周（上一年只有 52 周）".into(),
            (CliNoSuchWeek, En) => "a year earlier: no such week (the year before had 52)".into(),
            (CliRank(s), Zh) => cli_rank_zh(*s).into(),
            (CliRank(s), En) => cli_rank_en(*s).into(),
        }
    }

    #[cfg(test)]
    pub(super) fn samples() -> Vec<Compare> {
        use Compare::*;
        let k = IssueKey::new(2025, 3);
        let standings = [
            Standing::Only { window: 52 },
            Standing::AllEqual { of: 2, window: 52 },
            Standing::Place {
                position: 1,
                highest: true,
                joint: false,
                of: 52,
                window: 52,
            },
            Standing::Place {
                position: 3,
                highest: false,
                joint: true,
                of: 6,
                window: 52,
            },
        ];
        let mut all = vec![
            New,
            Points {
                amount: "−3".into(),
            },
            NotInIssue,
            PaneOffCalendar,
            PaneNothingEarlier,
            PaneVsLastWeek(k),
            PaneVsWeeksBefore { key: k, weeks: 4 },
            PaneNoneWithin { weeks: 4 },
            PaneNoEarlier,
            PaneLastWeekUnknown,
            LastKnown {
                key: IssueKey::new(2023, 13),
                weeks: 49,
                value: "682".into(),
            },
            PaneVs(k),
            PaneStated,
            PaneStatedDiffers {
                value: "437".into(),
            },
            PaneMean { weeks: 4, known: 4 },
            PaneMeanTooFew { weeks: 4, known: 1 },
            PaneMeanTooFew { weeks: 4, known: 0 },
            PaneMean { weeks: 4, known: 2 },
            PaneYearEarlier,
            PaneNoSuchWeek,
            CliHeading {
                on_calendar: true,
                max_gap: 4,
            },
            CliHeading {
                on_calendar: false,
                max_gap: 4,
            },
            CliNoEarlier,
            CliWeekBeforeUnknown,
            CliPrevious {
                change: "−497 (−75.6%)".into(),
                key: k,
                value: "657".into(),
                weeks_before: 1,
                stated: false,
            },
            CliPrevious {
                change: "−497 (−75.6%)".into(),
                key: k,
                value: "657".into(),
                weeks_before: 4,
                stated: false,
            },
            CliPrevious {
                change: "+655 (+150%)".into(),
                key: k,
                value: "437".into(),
                weeks_before: 1,
                stated: true,
            },
            CliStatedDiffers {
                key: k,
                value: "437".into(),
                own: "415".into(),
            },
            CliNoMean { weeks: 4 },
            CliMeanTooFew { weeks: 4, known: 1 },
            CliMean {
                weeks: 4,
                known: 2,
                mean: "381".into(),
                change: "−105 (−27.6%)".into(),
            },
            CliYearEarlier {
                key: k,
                value: "265".into(),
                change: "+11 (+4.2%)".into(),
            },
            CliYearUnknown(k),
            CliNoSuchWeek,
        ];
        all.extend(standings.into_iter().map(PaneRank));
        all.extend(standings.into_iter().map(CliRank));
        all
    }
}

/// `22nd`, `13th`: English ordinals.
fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `highest`, `3rd lowest`, with `joint ` before it for a tie.
fn place_en(position: u32, highest: bool, joint: bool) -> String {
    let end = if highest { "highest" } else { "lowest" };
    let joint = if joint { "joint " } else { "" };
    if position == 1 {
        format!("{joint}{end}")
    } else {
        format!("{joint}{} {end}", ordinal_en(position))
    }
}

/// `最高`, `第3高` (`spaced`: `第 3 高`), with `并列` before it for a tie.
fn place_zh(position: u32, highest: bool, joint: bool, spaced: bool) -> String {
    let end = if highest { "高" } else { "低" };
    let joint = if joint { "并列" } else { "" };
    match (position, spaced) {
        (1, _) => format!("{joint}最{end}"),
        (n, false) => format!("{joint}第{n}{end}"),
        (n, true) => format!("{joint}第 {n} {end}"),
    }
}

fn pane_rank_zh(s: Standing) -> String {
    match s {
        Standing::Only { window } => format!("{window}周内仅本周有数据"),
        Standing::AllEqual { of, .. } => format!("已知{of}周持平"),
        Standing::Place {
            position,
            highest,
            joint,
            of,
            window,
        } => {
            let place = place_zh(position, highest, joint, false);
            if of == window {
                format!("{window}周{place}")
            } else {
                format!("已知{of}周{place}")
            }
        }
    }
}

fn pane_rank_en(s: Standing) -> String {
    match s {
        Standing::Only { window } => format!("only week known in {window}"),
        Standing::AllEqual { of, .. } => format!("same as all {of} known"),
        Standing::Place {
            position,
            highest,
            joint,
            of,
            window,
        } => {
            let place = place_en(position, highest, joint);
            if of == window {
                format!("{place} in {window} wks")
            } else {
                format!("{place} of {of} known")
            }
        }
    }
}

fn cli_rank_zh(s: Standing) -> String {
    match s {
        Standing::Only { window } => format!("{window} 周内唯一有数据的一周"),
        Standing::AllEqual { of, window } => format!("与 {window} 周内已知的 {of} 周全都持平"),
        Standing::Place {
            position,
            highest,
            joint,
            of,
            window,
        } => {
            let place = place_zh(position, highest, joint, true);
            if of == window {
                format!("{window} 周内{place}")
            } else {
                format!("{window} 周内已知 {of} 周中{place}")
            }
        }
    }
}

fn cli_rank_en(s: Standing) -> String {
    match s {
        Standing::Only { window } => format!("the only known week in {window}"),
        Standing::AllEqual { of, window } => format!("equal to all {of} known weeks in {window}"),
        Standing::Place {
            position,
            highest,
            joint,
            of,
            window,
        } => {
            let place = place_en(position, highest, joint);
            if of == window {
                format!("{place} in {window} weeks")
            } else {
                format!("{place} of {of} known in {window} weeks")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_ordinals_take_th_for_the_teens() {
        assert_eq!(ordinal_en(22), "22nd");
        assert_eq!(ordinal_en(13), "13th");
        assert_eq!(ordinal_en(1), "1st");
        assert_eq!(ordinal_en(103), "103rd");
    }
}
