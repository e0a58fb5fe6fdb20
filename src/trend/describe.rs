//! Every phrase that puts a comparison into words, in one place: [`pane`]
//! for the TUI's detail pane, short, in the TUI's language, [`en`] for the
//! CLI's English-labelled `show`, both from the same [`IssueComparisons`] and the
//! same number formats. Phrases come as [`Part`]s so a renderer can colour
//! the parts that rise or fall; the text alone always carries the sign.

use super::compare::{
    Against, AgainstMean, Direction, End, IssueComparisons, MetricComparison, Rank, MEAN_WEEKS,
    RANK_WEEKS,
};
use crate::model::IssueKey;

/// A piece of a phrase; `direction` is set on the numbers that rose or fell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub text: String,
    pub direction: Option<Direction>,
}

fn plain(text: impl Into<String>) -> Part {
    Part {
        text: text.into(),
        direction: None,
    }
}

fn moved(text: impl Into<String>, d: Direction) -> Part {
    Part {
        text: text.into(),
        direction: Some(d),
    }
}

/// The parts as one string.
pub fn text(parts: &[Part]) -> String {
    parts.iter().map(|p| p.text.as_str()).collect()
}

/// `+12`, `−3` (a real minus sign), `±0`.
pub fn signed(n: i64) -> String {
    match n.signum() {
        1 => format!("+{n}"),
        -1 => format!("−{}", n.unsigned_abs()),
        _ => "±0".to_string(),
    }
}

/// A mean or a difference from one: whole numbers plain, else one decimal.
pub fn amount(x: f64) -> String {
    let s = format!("{:.1}", x.abs());
    let s = s.strip_suffix(".0").unwrap_or(&s).to_string();
    if x < 0.0 && s != "0" {
        format!("−{s}")
    } else {
        s
    }
}

fn signed_amount(x: f64) -> String {
    match amount(x).as_str() {
        "0" => "±0".to_string(),
        s if s.starts_with('−') => s.to_string(),
        s => format!("+{s}"),
    }
}

/// `+3.3%`, `−75.6%`; whole percent from 100% on (`+3497%`).
pub fn percent(p: f64) -> String {
    let digits = if p.abs() >= 99.95 { 0 } else { 1 };
    let s = format!("{:.*}", digits, p.abs());
    if p == 0.0 {
        format!("±{s}%")
    } else if p < 0.0 {
        format!("−{s}%")
    } else {
        format!("+{s}%")
    }
}

/// `−497 (−75.6%)`; `±0` alone; from a zero base `+5 (new)`, since a
/// percentage of nothing means nothing.
fn change(absolute: String, pct: Option<f64>, d: Direction, new: &str) -> Vec<Part> {
    match (d, pct) {
        (Direction::Flat, _) => vec![moved(absolute, d)],
        (_, Some(p)) => vec![moved(format!("{absolute} ({})", percent(p)), d)],
        (_, None) => vec![moved(format!("{absolute} ({new})"), d)],
    }
}

fn against_change(a: &Against, new: &str) -> Vec<Part> {
    change(signed(a.change), a.percent, a.direction(), new)
}

/// Just the percentage (`−27.6%`), or the difference from a zero mean.
fn mean_change(m: &AgainstMean) -> Part {
    let d = m.direction();
    match (d, m.percent) {
        (Direction::Flat, _) => moved("±0", d),
        (_, Some(p)) => moved(percent(p), d),
        (_, None) => moved(signed_amount(m.difference), d),
    }
}

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

/// The detail pane's words, short, in the TUI's language.
pub mod pane {
    use super::*;
    use crate::i18n::Lang;

    /// What the figures are compared with: the issue most of them are
    /// compared with, "last week" only when it is the adjacent week.
    pub fn heading(c: &IssueComparisons, lang: Lang) -> String {
        if !c.on_calendar {
            return match lang {
                Lang::Zh => "本周数据 · 本期不在周历上，无从比较".to_string(),
                Lang::En => {
                    "Figures · this issue is not on the calendar: nothing to compare".to_string()
                }
            };
        }
        match (c.main_previous(), lang) {
            (None, Lang::Zh) => "本周数据 · 无更早数据可比".to_string(),
            (None, Lang::En) => "Figures · nothing earlier to compare with".to_string(),
            (Some((k, 1)), Lang::Zh) => format!("本周数据 · 较上周 {k}"),
            (Some((k, 1)), Lang::En) => format!("Figures · vs last week {k}"),
            (Some((k, weeks)), Lang::Zh) => format!("本周数据 · 较{k}（{weeks}周前）"),
            (Some((k, weeks)), Lang::En) => format!("Figures · vs {k} ({weeks} weeks before)"),
        }
    }

    /// The figure itself, `—` when the issue does not have it.
    pub fn value(c: &MetricComparison) -> String {
        c.value.map_or_else(|| "—".to_string(), |v| v.to_string())
    }

    fn new_word(lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => "新增",
            Lang::En => "new",
        }
    }

    /// The change against the previous known issue, naming that issue when
    /// it is not `named` (the heading's); what to say when there is none.
    pub fn previous(c: &MetricComparison, named: Option<IssueKey>, lang: Lang) -> Vec<Part> {
        match (&c.value, &c.previous, lang) {
            (None, _, Lang::Zh) => vec![plain("本期无此项")],
            (None, _, Lang::En) => vec![plain("not in this issue")],
            (Some(_), None, Lang::Zh) => vec![plain("无更早数据")],
            (Some(_), None, Lang::En) => vec![plain("nothing earlier")],
            (Some(_), Some(p), _) => {
                let mut parts = against_change(p, new_word(lang));
                if Some(p.key) != named {
                    parts.push(plain(match lang {
                        Lang::Zh => format!(" 较{}", p.key),
                        Lang::En => format!(" vs {}", p.key),
                    }));
                }
                parts
            }
        }
    }

    /// `4周均 381 −27.6%`, `4周均(仅2周) 362 −55.8%`, `4周均 —`: the
    /// mean of the known weeks among the four before this one.
    pub fn mean(c: &MetricComparison, lang: Lang) -> Option<Vec<Part>> {
        c.value?;
        let label = match lang {
            Lang::Zh => format!("{MEAN_WEEKS}周均"),
            Lang::En => format!("{MEAN_WEEKS}-wk mean"),
        };
        Some(match &c.mean {
            None => vec![plain(format!("{label} —"))],
            Some(m) => {
                let label = match (m.weeks_known < MEAN_WEEKS, lang) {
                    (false, _) => label,
                    (true, Lang::Zh) => format!("{label}(仅{}周)", m.weeks_known),
                    (true, Lang::En) if m.weeks_known == 1 => format!("{label} (1 wk)"),
                    (true, Lang::En) => format!("{label} ({} wks)", m.weeks_known),
                };
                vec![
                    plain(format!("{label} {} ", amount(m.mean))),
                    mean_change(m),
                ]
            }
        })
    }

    /// `去年同期 265 +4.2%`, `去年同期 —`, `去年无此期`.
    pub fn year_earlier(c: &MetricComparison, lang: Lang) -> Option<Vec<Part>> {
        c.value?;
        let label = match lang {
            Lang::Zh => "去年同期",
            Lang::En => "a year ago",
        };
        Some(match (&c.year_earlier_key, &c.year_earlier) {
            (_, Some(y)) => {
                let mut parts = vec![plain(format!("{label} {} ", y.value))];
                let d = y.direction();
                parts.push(match (d, y.percent) {
                    (Direction::Flat, _) => moved("±0", d),
                    (_, Some(p)) => moved(percent(p), d),
                    (_, None) => moved(format!("{} ({})", signed(y.change), new_word(lang)), d),
                });
                parts
            }
            (Some(_), None) => vec![plain(format!("{label} —"))],
            // Only a 53rd week has none: the year before had 52.
            (None, None) => vec![plain(match lang {
                Lang::Zh => "去年无此期",
                Lang::En => "no such week a year ago",
            })],
        })
    }

    /// Among the known weeks of the last 52: `52周最高` when all 52 are
    /// known, else `已知21周第3低`; `并列` for a tie.
    pub fn rank(c: &MetricComparison, lang: Lang) -> Option<Vec<Part>> {
        let r: &Rank = c.rank.as_ref()?;
        let text = match lang {
            Lang::Zh => rank_zh(r),
            Lang::En => rank_en(r),
        };
        Some(vec![plain(text)])
    }

    fn rank_zh(r: &Rank) -> String {
        if r.of == 1 {
            return format!("{RANK_WEEKS}周内仅本周有数据");
        }
        if r.all_equal() {
            return format!("已知{}周持平", r.of);
        }
        let end = match r.end {
            End::Highest => "高",
            End::Lowest => "低",
        };
        let place = if r.position == 1 {
            format!("最{end}")
        } else {
            format!("第{}{end}", r.position)
        };
        let joint = if r.joint() { "并列" } else { "" };
        if r.complete() {
            format!("{RANK_WEEKS}周{joint}{place}")
        } else {
            format!("已知{}周{joint}{place}", r.of)
        }
    }

    fn rank_en(r: &Rank) -> String {
        if r.of == 1 {
            return format!("only week known in {RANK_WEEKS}");
        }
        if r.all_equal() {
            return format!("same as all {} known", r.of);
        }
        let end = match r.end {
            End::Highest => "highest",
            End::Lowest => "lowest",
        };
        let place = if r.position == 1 {
            end.to_string()
        } else {
            format!("{} {end}", ordinal_en(r.position))
        };
        let joint = if r.joint() { "joint " } else { "" };
        if r.complete() {
            format!("{joint}{place} in {RANK_WEEKS} wks")
        } else {
            format!("{joint}{place} of {} known", r.of)
        }
    }
}

/// The CLI's words (English, like the rest of `zhoubao show`).
pub mod en {
    use super::*;

    pub fn heading(c: &IssueComparisons) -> String {
        if c.on_calendar {
            "figures (change vs the last earlier issue that has the figure):".to_string()
        } else {
            "figures (this key has no week on the calendar: nothing to compare):".to_string()
        }
    }

    pub fn value(c: &MetricComparison) -> String {
        c.value.map_or_else(|| "-".to_string(), |v| v.to_string())
    }

    /// `−497 (−75.6%) vs 2025-3 (657), 4 weeks before`, always naming the
    /// issue: a line of `show` is read on its own.
    pub fn previous(c: &MetricComparison) -> String {
        match (&c.value, &c.previous) {
            (None, _) => "not in this issue".to_string(),
            (Some(_), None) => "no earlier issue has this figure".to_string(),
            (Some(_), Some(p)) => {
                let when = if p.adjacent() {
                    "the week before".to_string()
                } else {
                    format!("{} weeks before", p.weeks_before)
                };
                format!(
                    "{} vs {} ({}), {when}",
                    text(&against_change(p, "new")),
                    p.key,
                    p.value
                )
            }
        }
    }

    /// `vs the 4-week mean 381 (2 of the 4 weeks known): −105 (−27.6%)`.
    pub fn mean(c: &MetricComparison) -> Option<String> {
        c.value?;
        Some(match &c.mean {
            None => format!("none of the {MEAN_WEEKS} weeks before has this figure: no mean"),
            Some(m) => {
                let known = if m.weeks_known < MEAN_WEEKS {
                    format!(" ({} of the {MEAN_WEEKS} weeks known)", m.weeks_known)
                } else {
                    String::new()
                };
                format!(
                    "vs the {MEAN_WEEKS}-week mean {}{known}: {}",
                    amount(m.mean),
                    text(&change(
                        signed_amount(m.difference),
                        m.percent,
                        m.direction(),
                        "new"
                    ))
                )
            }
        })
    }

    /// `vs a year earlier, 2023-18 (265): +11 (+4.2%)`.
    pub fn year_earlier(c: &MetricComparison) -> Option<String> {
        c.value?;
        Some(match (&c.year_earlier_key, &c.year_earlier) {
            (_, Some(y)) => format!(
                "vs a year earlier, {} ({}): {}",
                y.key,
                y.value,
                text(&against_change(y, "new"))
            ),
            (Some(k), None) => format!("a year earlier, {k}: not known"),
            (None, None) => "a year earlier: no such week (the year before had 52)".to_string(),
        })
    }

    /// `highest in 52 weeks`, `3rd lowest of 21 known in 52 weeks`.
    pub fn rank(c: &MetricComparison) -> Option<String> {
        let r = c.rank.as_ref()?;
        Some(if r.of == 1 {
            format!("the only known week in {RANK_WEEKS}")
        } else if r.all_equal() {
            format!("equal to all {} known weeks in {RANK_WEEKS}", r.of)
        } else {
            let end = match r.end {
                End::Highest => "highest",
                End::Lowest => "lowest",
            };
            let place = if r.position == 1 {
                end.to_string()
            } else {
                format!("{} {end}", ordinal_en(r.position))
            };
            let joint = if r.joint() { "joint " } else { "" };
            if r.complete() {
                format!("{joint}{place} in {RANK_WEEKS} weeks")
            } else {
                format!("{joint}{place} of {} known in {RANK_WEEKS} weeks", r.of)
            }
        })
    }
}

/// The CLI's words in Chinese: `zhoubao show` when the language is
/// Chinese, each line naming what it compares with, as [`en`] does.
pub mod cli_zh {
    use super::*;

    pub fn heading(c: &IssueComparisons) -> String {
        if c.on_calendar {
            "本周数据（与有该项数据的上一期相比）：".to_string()
        } else {
            "本周数据（此期号不在周历上，无从比较）：".to_string()
        }
    }

    /// `−497 (−75.6%)，较 2025-3（657），4 周前`.
    pub fn previous(c: &MetricComparison) -> String {
        match (&c.value, &c.previous) {
            (None, _) => "本期无此项".to_string(),
            (Some(_), None) => "更早的期次都没有此项".to_string(),
            (Some(_), Some(p)) => {
                let when = if p.adjacent() {
                    "上一周".to_string()
                } else {
                    format!("{} 周前", p.weeks_before)
                };
                format!(
                    "{}，较 {}（{}），{when}",
                    text(&against_change(p, "新增")),
                    p.key,
                    p.value
                )
            }
        }
    }

    /// `较 4 周均值 381（4 周中仅知 2 周）：−105 (−27.6%)`.
    pub fn mean(c: &MetricComparison) -> Option<String> {
        c.value?;
        Some(match &c.mean {
            None => format!("此前 {MEAN_WEEKS} 周都没有此项：无均值"),
            Some(m) => {
                let known = if m.weeks_known < MEAN_WEEKS {
                    format!("（{MEAN_WEEKS} 周中仅知 {} 周）", m.weeks_known)
                } else {
                    String::new()
                };
                format!(
                    "较 {MEAN_WEEKS} 周均值 {}{known}：{}",
                    amount(m.mean),
                    text(&change(
                        signed_amount(m.difference),
                        m.percent,
                        m.direction(),
                        "新增"
                    ))
                )
            }
        })
    }

    /// `较去年同期 2023-18（265）：+11 (+4.2%)`.
    pub fn year_earlier(c: &MetricComparison) -> Option<String> {
        c.value?;
        Some(match (&c.year_earlier_key, &c.year_earlier) {
            (_, Some(y)) => format!(
                "较去年同期 {}（{}）：{}",
                y.key,
                y.value,
                text(&against_change(y, "新增"))
            ),
            (Some(k), None) => format!("去年同期 {k}：不详"),
            (None, None) => "去年同期：无此周（上一年只有 52 周）".to_string(),
        })
    }

    /// `52 周内最高`, `52 周内已知 21 周中第 3 低`.
    pub fn rank(c: &MetricComparison) -> Option<String> {
        let r = c.rank.as_ref()?;
        Some(if r.of == 1 {
            format!("{RANK_WEEKS} 周内唯一有数据的一周")
        } else if r.all_equal() {
            format!("与 {RANK_WEEKS} 周内已知的 {} 周全都持平", r.of)
        } else {
            let end = match r.end {
                End::Highest => "高",
                End::Lowest => "低",
            };
            let place = if r.position == 1 {
                format!("最{end}")
            } else {
                format!("第 {} {end}", r.position)
            };
            let joint = if r.joint() { "并列" } else { "" };
            if r.complete() {
                format!("{RANK_WEEKS} 周内{joint}{place}")
            } else {
                format!("{RANK_WEEKS} 周内已知 {} 周中{joint}{place}", r.of)
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Figures, IssueSummary, Metric};
    use crate::trend::WeekSeries;

    fn key(y: i32, n: u32) -> IssueKey {
        IssueKey::new(y, n)
    }

    fn events(y: i32, n: u32, v: i64) -> IssueSummary {
        let figures = Figures {
            events_handled: Some(v),
            ..Figures::default()
        };
        IssueSummary::with_figures(key(y, n), figures)
    }

    fn compared(series: &[IssueSummary]) -> (IssueComparisons, MetricComparison) {
        let last = series.last().unwrap();
        let c = IssueComparisons::compute(&WeekSeries::build(series), last.key, &last.figures);
        let m = *c.get(Metric::EventsHandled).unwrap();
        (c, m)
    }

    #[test]
    fn numbers_carry_a_real_minus_and_percent_drops_decimals_from_100() {
        assert_eq!(signed(12), "+12");
        assert_eq!(signed(-497), "−497");
        assert_eq!(signed(0), "±0");
        assert_eq!(percent(-75.647), "−75.6%");
        assert_eq!(percent(3.33), "+3.3%");
        assert_eq!(percent(3497.01), "+3497%");
        assert_eq!(percent(99.96), "+100%");
        // The sign follows the change even where the digits round to 0.
        assert_eq!(percent(-0.01), "−0.0%");
        assert_eq!(amount(381.5), "381.5");
        assert_eq!(amount(200.0), "200");
        assert_eq!(amount(25.26), "25.3");
        assert_eq!(signed_amount(-105.5), "−105.5");
        assert_eq!(signed_amount(0.01), "±0");
    }

    #[test]
    fn a_non_adjacent_issue_is_named_in_both_languages() {
        let (c, m) = compared(&[events(2025, 3, 657), events(2025, 7, 160)]);
        assert_eq!(
            en::previous(&m),
            "−497 (−75.6%) vs 2025-3 (657), 4 weeks before"
        );
        assert_eq!(pane::heading(&c, Lang::Zh), "本周数据 · 较2025-3（4周前）");
        // Named by the heading, so the row need not name it again …
        assert_eq!(
            text(&pane::previous(&m, Some(key(2025, 3)), Lang::Zh)),
            "−497 (−75.6%)"
        );
        // … but does when the heading names another issue.
        assert_eq!(
            text(&pane::previous(&m, Some(key(2025, 6)), Lang::Zh)),
            "−497 (−75.6%) 较2025-3"
        );
        assert_eq!(
            pane::previous(&m, None, Lang::Zh)[0].direction,
            Some(Direction::Fall)
        );
    }

    #[test]
    fn the_adjacent_week_is_last_week() {
        let (c, m) = compared(&[events(2024, 52, 100), events(2025, 1, 110)]);
        assert_eq!(pane::heading(&c, Lang::Zh), "本周数据 · 较上周 2024-52");
        assert_eq!(
            en::previous(&m),
            "+10 (+10.0%) vs 2024-52 (100), the week before"
        );
    }

    #[test]
    fn a_zero_base_says_new_and_equal_zeros_say_no_change() {
        let (_, m) = compared(&[events(2024, 1, 0), events(2024, 2, 5)]);
        assert_eq!(
            text(&pane::previous(&m, None, Lang::Zh)),
            "+5 (新增) 较2024-1"
        );
        assert!(en::previous(&m).starts_with("+5 (new) vs 2024-1"));
        assert_eq!(
            text(&pane::mean(&m, Lang::Zh).unwrap()),
            "4周均(仅1周) 0 +5"
        );
        assert_eq!(
            en::mean(&m).unwrap(),
            "vs the 4-week mean 0 (1 of the 4 weeks known): +5 (new)"
        );
        let (_, flat) = compared(&[events(2024, 1, 0), events(2024, 2, 0)]);
        assert_eq!(text(&pane::previous(&flat, None, Lang::Zh)), "±0 较2024-1");
        assert_eq!(
            pane::previous(&flat, None, Lang::Zh)[0].direction,
            Some(Direction::Flat)
        );
    }

    #[test]
    fn fewer_than_four_weeks_are_counted_in_the_mean() {
        let (_, m) = compared(&[
            events(2024, 12, 100),
            events(2024, 14, 300),
            events(2024, 15, 250),
        ]);
        assert_eq!(
            text(&pane::mean(&m, Lang::Zh).unwrap()),
            "4周均(仅2周) 200 +25.0%"
        );
        assert_eq!(
            en::mean(&m).unwrap(),
            "vs the 4-week mean 200 (2 of the 4 weeks known): +50 (+25.0%)"
        );
        let (_, alone) = compared(&[events(2024, 10, 1), events(2024, 15, 2)]);
        assert_eq!(text(&pane::mean(&alone, Lang::Zh).unwrap()), "4周均 —");
    }

    #[test]
    fn a_year_earlier_is_given_named_or_explained() {
        let (_, m) = compared(&[events(2024, 18, 250), events(2025, 18, 276)]);
        assert_eq!(
            text(&pane::year_earlier(&m, Lang::Zh).unwrap()),
            "去年同期 250 +10.4%"
        );
        assert_eq!(
            en::year_earlier(&m).unwrap(),
            "vs a year earlier, 2024-18 (250): +26 (+10.4%)"
        );
        let (_, absent) = compared(&[events(2025, 7, 160)]);
        assert_eq!(
            text(&pane::year_earlier(&absent, Lang::Zh).unwrap()),
            "去年同期 —"
        );
        assert_eq!(
            en::year_earlier(&absent).unwrap(),
            "a year earlier, 2024-7: not known"
        );
        let (_, week53) = compared(&[events(2023, 53, 80)]);
        assert_eq!(
            text(&pane::year_earlier(&week53, Lang::Zh).unwrap()),
            "去年无此期"
        );
        assert_eq!(
            en::year_earlier(&week53).unwrap(),
            "a year earlier: no such week (the year before had 52)"
        );
    }

    #[test]
    fn ranks_name_the_end_ties_and_how_many_weeks_are_known() {
        let full: Vec<_> = (1..=52).map(|n| events(2024, n, i64::from(n))).collect();
        let (_, top) = compared(&full);
        assert_eq!(en::rank(&top).unwrap(), "highest in 52 weeks");
        assert_eq!(text(&pane::rank(&top, Lang::Zh).unwrap()), "52周最高");

        let (_, third) = compared(&[
            events(2024, 1, 1),
            events(2024, 2, 2),
            events(2024, 3, 9),
            events(2024, 4, 8),
            events(2024, 5, 7),
            events(2024, 6, 3),
        ]);
        assert_eq!(
            en::rank(&third).unwrap(),
            "3rd lowest of 6 known in 52 weeks"
        );
        assert_eq!(text(&pane::rank(&third, Lang::Zh).unwrap()), "已知6周第3低");

        let (_, joint) = compared(&[events(2024, 1, 9), events(2024, 2, 4), events(2024, 3, 9)]);
        assert_eq!(
            en::rank(&joint).unwrap(),
            "joint highest of 3 known in 52 weeks"
        );
        assert_eq!(
            text(&pane::rank(&joint, Lang::Zh).unwrap()),
            "已知3周并列最高"
        );

        let (_, same) = compared(&[events(2024, 1, 4), events(2024, 2, 4)]);
        assert_eq!(en::rank(&same).unwrap(), "equal to all 2 known weeks in 52");
        assert_eq!(text(&pane::rank(&same, Lang::Zh).unwrap()), "已知2周持平");

        let (c, first) = compared(&[events(2022, 41, 443)]);
        assert_eq!(en::rank(&first).unwrap(), "the only known week in 52");
        assert_eq!(
            text(&pane::rank(&first, Lang::Zh).unwrap()),
            "52周内仅本周有数据"
        );
        assert_eq!(en::previous(&first), "no earlier issue has this figure");
        assert_eq!(pane::heading(&c, Lang::Zh), "本周数据 · 无更早数据可比");
        assert_eq!(ordinal_en(22), "22nd");
        assert_eq!(ordinal_en(13), "13th");
    }

    #[test]
    fn an_unknown_figure_says_so_and_nothing_more() {
        let s = WeekSeries::build(&[events(2024, 1, 3)]);
        let c = IssueComparisons::compute(&s, key(2024, 2), &Figures::default());
        let m = c.get(Metric::MaliciousUrls).unwrap();
        assert_eq!(pane::value(m), "—");
        assert_eq!(text(&pane::previous(m, None, Lang::Zh)), "本期无此项");
        assert_eq!(en::previous(m), "not in this issue");
        assert!(
            pane::mean(m, Lang::Zh).is_none()
                && pane::year_earlier(m, Lang::Zh).is_none()
                && pane::rank(m, Lang::Zh).is_none()
        );
        assert!(en::mean(m).is_none() && en::year_earlier(m).is_none() && en::rank(m).is_none());
    }

    #[test]
    fn the_pane_speaks_english_too_with_the_same_numbers() {
        let (c, m) = compared(&[events(2025, 3, 657), events(2025, 7, 160)]);
        assert_eq!(
            pane::heading(&c, Lang::En),
            "Figures · vs 2025-3 (4 weeks before)"
        );
        assert_eq!(
            text(&pane::previous(&m, Some(key(2025, 6)), Lang::En)),
            "−497 (−75.6%) vs 2025-3"
        );
        let (_, m) = compared(&[events(2024, 1, 0), events(2024, 2, 5)]);
        assert_eq!(
            text(&pane::previous(&m, None, Lang::En)),
            "+5 (new) vs 2024-1"
        );
        assert_eq!(
            text(&pane::mean(&m, Lang::En).unwrap()),
            "4-wk mean (1 wk) 0 +5"
        );
        let (_, m) = compared(&[events(2024, 18, 250), events(2025, 18, 276)]);
        assert_eq!(
            text(&pane::year_earlier(&m, Lang::En).unwrap()),
            "a year ago 250 +10.4%"
        );
        let full: Vec<_> = (1..=52).map(|n| events(2024, n, i64::from(n))).collect();
        let (_, top) = compared(&full);
        assert_eq!(
            text(&pane::rank(&top, Lang::En).unwrap()),
            "highest in 52 wks"
        );
    }
}
