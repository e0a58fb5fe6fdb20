//! The words of the TUI's series: the list title that names the series
//! shown, the status line after `s` switches it, and the detail pane's
//! line naming the same week of another series, in both languages side by
//! side. A series' names are its declaration's ([`crate::series`]); same
//! rules as messages.rs.

use std::borrow::Cow;

use super::{Lang, Msg};
use crate::model::{Metric, SeriesId};

/// Something the TUI says about the series it shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SeriesTui {
    /// The list title's name and count: the series named in full or
    /// (`short`) by its short name, `total` issues; `counted`: with the
    /// word for issues, else the bare number.
    Total {
        series: SeriesId,
        short: bool,
        total: usize,
        counted: bool,
    },
    /// The status line after `s`: the series now shown, how many issues
    /// it has, and the key that switches on (None when unbound).
    Shown {
        series: SeriesId,
        issues: usize,
        key: Option<String>,
        /// The narrow screen's form: the series' short name.
        short: bool,
    },
    /// After `s`, when the series has no issue of the shown one's `week`:
    /// the issue `shown` instead is the nearest.
    Nearest {
        series: SeriesId,
        week: String,
        shown: String,
    },
    /// A search of the shown series found nothing, and `series` has
    /// `hits` for it; `key` switches series (None when unbound).
    HitsElsewhere {
        query: String,
        series: SeriesId,
        hits: usize,
        key: Option<String>,
        /// The narrow screen's form: no query, the series' short name.
        short: bool,
    },
    /// After `s`, when the cache holds no issue of the series.
    Empty {
        series: SeriesId,
        key: Option<String>,
    },
    /// Reading the series from the cache failed; the series shown stays.
    CannotSwitch { series: SeriesId, error: Box<Msg> },
    /// The detail pane's line naming the same week's issue of another
    /// series, by its short name: its key (`2024-40/41` for a double
    /// issue), the
    /// series' first headline figure and its value when known, whether
    /// the cache holds it in full.
    SameWeek {
        series: SeriesId,
        key: String,
        figure: Option<(Metric, String)>,
        cached: bool,
    },
}

impl From<SeriesTui> for Msg {
    fn from(m: SeriesTui) -> Msg {
        Msg::SeriesTui(m)
    }
}

/// The series' name in `lang`, in full or short.
fn name(series: SeriesId, short: bool, lang: Lang) -> &'static str {
    let d = series.decl();
    match (lang, short) {
        (Lang::Zh, false) => d.zh,
        (Lang::Zh, true) => d.short_zh,
        (Lang::En, false) => d.en,
        (Lang::En, true) => d.short_en,
    }
}

impl SeriesTui {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use SeriesTui::*;
        match (self, lang) {
            (
                Total {
                    series,
                    short,
                    total,
                    counted,
                },
                Zh,
            ) => {
                let name = name(*series, *short, Zh);
                match counted {
                    true => format!("{name} {total} 期").into(),
                    false => format!("{name} {total}").into(),
                }
            }
            (
                Total {
                    series,
                    short,
                    total,
                    counted,
                },
                En,
            ) => {
                let name = name(*series, *short, En);
                match (counted, total) {
                    (true, 1) => format!("{name} · 1 issue").into(),
                    (true, _) => format!("{name} · {total} issues").into(),
                    (false, _) => format!("{name} · {total}").into(),
                }
            }
            (
                Shown {
                    series,
                    issues,
                    key,
                    short,
                },
                Zh,
            ) => {
                let next = key
                    .as_ref()
                    .map_or_else(String::new, |k| format!("；{k} 换下一个系列"));
                format!("现在浏览 {}，{issues} 期{next}", name(*series, *short, Zh)).into()
            }
            (
                Shown {
                    series,
                    issues,
                    key,
                    short,
                },
                En,
            ) => {
                let next = key
                    .as_ref()
                    .map_or_else(String::new, |k| format!("; {k} for the next series"));
                format!(
                    "now browsing the {} ({}){next}",
                    name(*series, *short, En),
                    Msg::Issues(*issues).text(En)
                )
                .into()
            }
            (
                Nearest {
                    series,
                    week,
                    shown,
                },
                Zh,
            ) => format!(
                "{} 无 {week} 同周一期，显示最近的 {shown}",
                name(*series, true, Zh)
            )
            .into(),
            (
                Nearest {
                    series,
                    week,
                    shown,
                },
                En,
            ) => format!(
                "the {} has no issue for the week of {week}: showing the nearest, {shown}",
                name(*series, false, En)
            )
            .into(),
            (
                HitsElsewhere {
                    query,
                    series,
                    hits,
                    key,
                    short,
                },
                Zh,
            ) => {
                let then = key
                    .as_ref()
                    .map_or_else(String::new, |k| format!("：{k} 换过去再搜"));
                let there = name(*series, *short, Zh);
                if *short {
                    let then = key
                        .as_ref()
                        .map_or_else(String::new, |k| format!("：按 {k}"));
                    format!("{there}有 {hits} 期{then}").into()
                } else {
                    format!("“{query}” 此处无，{there} 有 {hits} 期{then}").into()
                }
            }
            (
                HitsElsewhere {
                    query,
                    series,
                    hits,
                    key,
                    short,
                },
                En,
            ) => {
                let then = key.as_ref().map_or_else(String::new, |k| {
                    format!(": {k} switches there, then search again")
                });
                let there = name(*series, *short, En);
                let hits = Msg::Issues(*hits).text(En);
                if *short {
                    let then = key.as_ref().map_or_else(String::new, |k| format!(": {k}"));
                    format!("{hits} in the {there}{then}").into()
                } else {
                    format!("“{query}”: no match here, {hits} in the {there}{then}").into()
                }
            }
            (Empty { series, key }, Zh) => {
                let next = key
                    .as_ref()
                    .map_or_else(String::new, |k| format!("；{k} 换下一个系列"));
                format!(
                    "缓存里还没有 {} 的期次：用 zhoubao import 导入{next}",
                    name(*series, false, Zh)
                )
                .into()
            }
            (Empty { series, key }, En) => {
                let next = key
                    .as_ref()
                    .map_or_else(String::new, |k| format!("; {k} for the next series"));
                format!(
                    "the cache holds no issue of the {} yet: zhoubao import brings them{next}",
                    name(*series, false, En)
                )
                .into()
            }
            (CannotSwitch { series, error }, Zh) => {
                format!("无法读取 {}：{}", name(*series, false, Zh), error.text(Zh)).into()
            }
            (CannotSwitch { series, error }, En) => format!(
                "cannot read the {}: {}",
                name(*series, false, En),
                error.text(En)
            )
            .into(),
            (
                SameWeek {
                    series,
                    key,
                    figure,
                    cached,
                },
                Zh,
            ) => {
                let mut line = format!("同周 {} {key}", name(*series, true, Zh));
                if let Some((m, value)) = figure {
                    line.push_str(&format!(" · {} {value}", m.label()));
                }
                if !cached {
                    line.push_str("（未缓存）");
                }
                line.into()
            }
            (
                SameWeek {
                    series,
                    key,
                    figure,
                    cached,
                },
                En,
            ) => {
                let mut line = format!("Same week, {} {key}", name(*series, true, En));
                if let Some((m, value)) = figure {
                    line.push_str(&format!(" · {} {value}", m.info().en));
                }
                if !cached {
                    line.push_str(" (not cached)");
                }
                line.into()
            }
        }
    }

    /// One of each message, for the test that checks both languages exist.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<SeriesTui> {
        use crate::model::{IssueKey, SeriesId as S};
        let cnvd = S::CNVD;
        vec![
            SeriesTui::Total {
                series: cnvd,
                short: false,
                total: 95,
                counted: true,
            },
            SeriesTui::Total {
                series: S::CNCERT,
                short: true,
                total: 1,
                counted: true,
            },
            SeriesTui::Total {
                series: S::CNCERT,
                short: true,
                total: 140,
                counted: false,
            },
            SeriesTui::HitsElsewhere {
                query: "CNVD-2024-19326".into(),
                series: cnvd,
                hits: 1,
                key: Some("s".into()),
                short: false,
            },
            SeriesTui::HitsElsewhere {
                query: "CNVD-2024-19326".into(),
                series: cnvd,
                hits: 1,
                key: None,
                short: true,
            },
            SeriesTui::Nearest {
                series: cnvd,
                week: "2024-47".into(),
                shown: "cnvd:2024-36".into(),
            },
            SeriesTui::Shown {
                series: cnvd,
                issues: 62,
                key: Some("s".into()),
                short: false,
            },
            SeriesTui::Shown {
                series: S::CNCERT,
                issues: 1,
                key: None,
                short: true,
            },
            SeriesTui::Empty {
                series: cnvd,
                key: Some("s".into()),
            },
            SeriesTui::CannotSwitch {
                series: cnvd,
                error: Box::new(Msg::Os(super::Os::PermissionDenied)),
            },
            SeriesTui::SameWeek {
                series: cnvd,
                key: "2024-40/41".into(),
                figure: Some((cnvd.headline()[0], "623".into())),
                cached: true,
            },
            SeriesTui::SameWeek {
                series: S::CNCERT,
                key: IssueKey::new(2024, 17).to_string(),
                figure: None,
                cached: false,
            },
        ]
    }
}
