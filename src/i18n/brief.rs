//! The words of the weekly brief (`zhoubao brief`, the TUI's `b`), in
//! both languages side by side. The figures' own phrases are the
//! comparisons' (compare.rs, through `trend::describe`); these are the
//! brief's headings, its notable lines and the overlay's lines.

use std::borrow::Cow;

use super::Lang;
use crate::model::IssueKey;

/// Something the brief says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Briefing {
    /// Before the week's dates.
    PeriodLabel,
    PublishedLabel,
    /// Before the assessment word (良, 中 …).
    AssessmentLabel,
    /// The issue is known only by its title and period.
    NotCached,
    NotableHeading,
    /// `figure` is the highest (or lowest) of `weeks` calendar weeks, of
    /// which `known` have it; `since`: no earlier week passes it, the
    /// first known one being that issue.
    Extreme {
        figure: String,
        highest: bool,
        weeks: i64,
        known: u32,
        since: Option<IssueKey>,
    },
    /// The largest changes against the baseline, already phrased.
    Changes(String),
    /// The other series' issue of the same week.
    SameWeekHeading {
        series: String,
        key: IssueKey,
        period: Option<String>,
    },
    NoteHeading,
    /// Before the issue's address, with its separator.
    LinkLabel,
    /// The overlay's title: the issue, and the keys that copy and close.
    OverlayTitle {
        key: IssueKey,
        copy: String,
        close: String,
    },
    /// `y` in the overlay: the brief went to the terminal, which may or
    /// may not put it on the clipboard (OSC 52 cannot tell).
    SentToTerminal {
        lines: usize,
    },
    /// The brief is longer than a terminal takes in one OSC 52 sequence.
    TooLongToSend {
        bytes: usize,
        limit: usize,
    },
    /// `b` on something that is no issue (a 近期回顾 line the cache does
    /// not know).
    NoIssueShown,
}

impl Briefing {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Briefing::*;
        use Lang::{En, Zh};
        match (self, lang) {
            (PeriodLabel, Zh) => "周期".into(),
            (PeriodLabel, En) => "week".into(),
            (PublishedLabel, Zh) => "发布".into(),
            (PublishedLabel, En) => "published".into(),
            (AssessmentLabel, Zh) => "评价".into(),
            (AssessmentLabel, En) => "rated".into(),
            (NotCached, Zh) => "未缓存：只知道标题和周期".into(),
            (NotCached, En) => "not cached: only its title and period are known".into(),
            (NotableHeading, Zh) => "值得注意".into(),
            (NotableHeading, En) => "Notable".into(),
            (
                Extreme {
                    figure,
                    highest,
                    weeks,
                    known,
                    since,
                },
                Zh,
            ) => {
                let end = if *highest { "最高" } else { "最低" };
                match since {
                    Some(first) => {
                        format!("{figure}为有数据以来{end}（自 {first} 起已知 {known} 周）").into()
                    }
                    None if i64::from(*known) == *weeks => {
                        format!("{figure}为 {weeks} 周来{end}").into()
                    }
                    None => format!("{figure}为 {weeks} 周来{end}（其中已知 {known} 周）").into(),
                }
            }
            (
                Extreme {
                    figure,
                    highest,
                    weeks,
                    known,
                    since,
                },
                En,
            ) => {
                let end = if *highest { "highest" } else { "lowest" };
                match since {
                    Some(first) => format!(
                        "{figure}: the {end} on record ({known} known weeks since {first})"
                    )
                    .into(),
                    None if i64::from(*known) == *weeks => {
                        format!("{figure}: the {end} in {weeks} weeks").into()
                    }
                    None => {
                        format!("{figure}: the {end} in {weeks} weeks ({known} of them known)")
                            .into()
                    }
                }
            }
            (Changes(list), Zh) => format!("变化最大：{list}").into(),
            (Changes(list), En) => format!("largest changes: {list}").into(),
            (
                SameWeekHeading {
                    series,
                    key,
                    period,
                },
                Zh,
            ) => match period {
                Some(p) => format!("同周的{series}：{key}（{p}）").into(),
                None => format!("同周的{series}：{key}").into(),
            },
            (
                SameWeekHeading {
                    series,
                    key,
                    period,
                },
                En,
            ) => match period {
                Some(p) => format!("The same week's {series}: {key} ({p})").into(),
                None => format!("The same week's {series}: {key}").into(),
            },
            (NoteHeading, Zh) => "分析笔记".into(),
            (NoteHeading, En) => "Analyst's note".into(),
            (LinkLabel, Zh) => "原文：".into(),
            (LinkLabel, En) => "Source: ".into(),
            (OverlayTitle { key, copy, close }, Zh) => {
                format!("简报 {key} · {copy} 发往剪贴板 · {close} 关闭").into()
            }
            (OverlayTitle { key, copy, close }, En) => {
                format!("Brief {key} · {copy} to clipboard · {close} close").into()
            }
            (SentToTerminal { lines }, Zh) => format!(
                "简报（Markdown，{lines} 行）已发往终端的剪贴板（OSC 52；tmux 需要 set-clipboard on）"
            )
            .into(),
            (SentToTerminal { lines }, En) => format!(
                "sent the brief (Markdown, {lines} lines) to the terminal's clipboard (OSC 52; tmux needs set-clipboard on)"
            )
            .into(),
            (TooLongToSend { bytes, limit }, Zh) => format!(
                "简报有 {bytes} 字节，超过终端一次能收的 {limit} 字节：请用 zhoubao brief 输出"
            )
            .into(),
            (TooLongToSend { bytes, limit }, En) => format!(
                "the brief is {bytes} bytes, more than a terminal takes at once ({limit}): use zhoubao brief"
            )
            .into(),
            (NoIssueShown, Zh) => "这里没有可做简报的一期".into(),
            (NoIssueShown, En) => "no issue shown to brief".into(),
        }
    }

    #[cfg(test)]
    pub(super) fn samples() -> Vec<Briefing> {
        use Briefing::*;
        let k = IssueKey::new(2025, 7);
        let extreme = |weeks, known, since| Extreme {
            figure: "处理事件".into(),
            highest: false,
            weeks,
            known,
            since,
        };
        vec![
            PeriodLabel,
            PublishedLabel,
            AssessmentLabel,
            NotCached,
            NotableHeading,
            extreme(26, 26, None),
            extreme(26, 9, None),
            extreme(40, 30, Some(IssueKey::new(2022, 41))),
            Changes("仿冒投诉 −86.4%".into()),
            SameWeekHeading {
                series: "CNVD漏洞周报".into(),
                key: k,
                period: Some("2025-02-10 ~ 2025-02-16".into()),
            },
            SameWeekHeading {
                series: "CNVD漏洞周报".into(),
                key: k,
                period: None,
            },
            NoteHeading,
            LinkLabel,
            OverlayTitle {
                key: k,
                copy: "y".into(),
                close: "Esc".into(),
            },
            SentToTerminal { lines: 22 },
            TooLongToSend {
                bytes: 90000,
                limit: 65536,
            },
            NoIssueShown,
        ]
    }
}
