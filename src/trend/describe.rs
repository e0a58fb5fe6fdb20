//! Which phrase puts a comparison into words: [`pane`] for the TUI's
//! detail pane, short, [`cli`] for `zhoubao show`, both from the same
//! [`IssueComparisons`] and the same number formats, in either language.
//! The words are the message table's ([`crate::i18n::Compare`]); this
//! module picks the message and formats the numbers. Phrases come as
//! [`Part`]s so a renderer can colour the parts that rise or fall; the
//! text alone always carries the sign.

use super::compare::{
    Against, AgainstMean, Direction, End, IssueComparisons, MetricComparison, Rank, Source,
    MEAN_WEEKS, MIN_MEAN_WEEKS, RANK_WEEKS,
};
use crate::i18n::{Compare, Lang, Msg, Standing};
use crate::model::{IssueKey, Metric, Value};

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

/// A change of a figure's value, exact, with its decimals: `+12`,
/// `−0.42` (a real minus sign), `±0`.
pub fn signed_value(v: Value, m: Metric) -> String {
    let digits = v
        .abs()
        .map_or_else(|| "?".into(), |a| a.text(m.kind().decimals()));
    match v.signum() {
        1 => format!("+{digits}"),
        -1 => format!("−{digits}"),
        _ => "±0".to_string(),
    }
}

/// A mean or a difference from one: whole numbers plain, else one decimal
/// (for a count) or one more than the figure's own (a score's mean 6.393
/// is `6.393`, its two decimals and one).
pub fn amount(x: f64, m: Metric) -> String {
    let own = usize::from(m.kind().decimals());
    let mut s = format!("{:.*}", own + 1, x.abs());
    // The extra digit only when it says something: 6.390 is 6.39, and a
    // count's 200.0 is 200.
    if s.ends_with('0') {
        s.pop();
        if own == 0 {
            s.pop();
        }
    }
    let zero = s.chars().all(|c| c == '0' || c == '.');
    if x < 0.0 && !zero {
        format!("−{s}")
    } else {
        s
    }
}

fn signed_amount(x: f64, m: Metric) -> String {
    match amount(x, m).as_str() {
        s if s.chars().all(|c| c == '0' || c == '.') => "±0".to_string(),
        s if s.starts_with('−') => s.to_string(),
        s => format!("+{s}"),
    }
}

/// A mean as its figure reads: a share with its `%` (`48%`).
fn mean_amount(x: f64, m: Metric) -> String {
    match m.kind() {
        crate::series::Kind::Share => format!("{}%", amount(x, m)),
        _ => amount(x, m),
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

fn against_change(a: &Against, m: Metric, lang: Lang) -> Vec<Part> {
    let absolute = a.change.map_or_else(|| "?".into(), |c| signed_value(c, m));
    // A share moves by percentage points: a percentage of one says little.
    if m.kind() == crate::series::Kind::Share {
        let d = a.direction();
        return match d {
            Direction::Flat => vec![moved(absolute, d)],
            _ => vec![moved(points(absolute, lang), d)],
        };
    }
    change(absolute, a.percent, a.direction(), &new_word(lang))
}

/// Just the percentage (`−27.6%`), or the difference from a zero mean; a
/// share's in percentage points (`−26 pp`), as its weekly change is.
fn mean_change(m: &AgainstMean, metric: Metric, lang: Lang) -> Part {
    let d = m.direction();
    if metric.kind() == crate::series::Kind::Share && d != Direction::Flat {
        return moved(points(signed_amount(m.difference, metric), lang), d);
    }
    match (d, m.percent) {
        (Direction::Flat, _) => moved("±0", d),
        (_, Some(p)) => moved(percent(p), d),
        (_, None) => moved(signed_amount(m.difference, metric), d),
    }
}

/// A change in percentage points: `−3 个百分点`, `−3 pp`.
fn points(amount: String, lang: Lang) -> String {
    say(Compare::Points { amount }, lang)
}

/// The word for a rise from nothing.
fn new_word(lang: Lang) -> String {
    Msg::from(Compare::New).text(lang).into_owned()
}

fn say(c: Compare, lang: Lang) -> String {
    Msg::from(c).text(lang).into_owned()
}

/// The older issue's value beyond the gap, the same words in the pane
/// and in `show`.
fn last_known_words(c: &MetricComparison, lang: Lang) -> Option<String> {
    let l = c.last_known.as_ref()?;
    Some(say(
        Compare::LastKnown {
            key: l.key,
            weeks: l.weeks_before,
            value: c.metric.show(l.value),
        },
        lang,
    ))
}

/// Where the rank stands, for the message table.
fn standing(r: &Rank) -> Standing {
    if r.of == 1 {
        Standing::Only { window: RANK_WEEKS }
    } else if r.all_equal() {
        Standing::AllEqual {
            of: r.of,
            window: RANK_WEEKS,
        }
    } else {
        Standing::Place {
            position: r.position,
            highest: r.end == End::Highest,
            joint: r.joint(),
            of: r.of,
            window: RANK_WEEKS,
        }
    }
}

/// The detail pane's words, short, in the TUI's language.
pub mod pane {
    use super::*;

    /// What the figures are compared with: the issue most of them are
    /// compared with, "last week" only when it is the adjacent week.
    pub fn heading(c: &IssueComparisons, lang: Lang) -> String {
        let heading = match (c.on_calendar, c.main_previous()) {
            (false, _) => Compare::PaneOffCalendar,
            (true, None) if c.beyond_gap() => Compare::PaneNoneWithin {
                weeks: c.max_gap_weeks,
            },
            (true, None) => Compare::PaneNothingEarlier,
            (true, Some((k, 1))) => Compare::PaneVsLastWeek(k),
            (true, Some((key, weeks))) => Compare::PaneVsWeeksBefore { key, weeks },
        };
        say(heading, lang)
    }

    /// The figure itself, `—` when the issue does not have it.
    pub fn value(c: &MetricComparison) -> String {
        c.metric.show_or(c.value, crate::model::UNKNOWN_FIGURE)
    }

    /// The change against the previous known issue, naming that issue when
    /// it is not `named` (the heading's); what to say when there is none.
    pub fn previous(c: &MetricComparison, named: Option<IssueKey>, lang: Lang) -> Vec<Part> {
        match (&c.value, &c.previous) {
            (None, _) => vec![plain(say(Compare::NotInIssue, lang))],
            (Some(_), None) if c.last_known.is_some() => {
                vec![plain(say(Compare::PaneLastWeekUnknown, lang))]
            }
            (Some(_), None) => vec![plain(say(Compare::PaneNoEarlier, lang))],
            (Some(_), Some(p)) => {
                let mut parts = against_change(p, c.metric, lang);
                if Some(p.key) != named {
                    parts.push(plain(say(Compare::PaneVs(p.key), lang)));
                }
                if p.source == Source::Stated {
                    parts.push(plain(say(Compare::PaneStated, lang)));
                }
                if let Some(s) = c.stated.filter(|s| s.disagrees()) {
                    let value = c.metric.show(s.value);
                    parts.push(plain(say(Compare::PaneStatedDiffers { value }, lang)));
                }
                parts
            }
        }
    }

    /// `最近已知：2023-13（49周前）682`: an older issue's value when the
    /// week before is not known, never a change: shown apart, dim.
    pub fn last_known(c: &MetricComparison, lang: Lang) -> Option<Vec<Part>> {
        c.value?;
        Some(vec![plain(last_known_words(c, lang)?)])
    }

    /// `前4周均 381 −27.6%`, `前4周均(仅2周) 362 −55.8%`, `前4周均 —`,
    /// `前4周均 —(仅1周有数)`: the mean of the known weeks among the four
    /// before this one (not the chart view's moving average, which
    /// includes it), when at least [`MIN_MEAN_WEEKS`] are known.
    pub fn mean(c: &MetricComparison, lang: Lang) -> Option<Vec<Part>> {
        c.value?;
        let label = |known| {
            say(
                Compare::PaneMean {
                    weeks: MEAN_WEEKS,
                    known,
                },
                lang,
            )
        };
        let too_few = |known| {
            let words = Compare::PaneMeanTooFew {
                weeks: MEAN_WEEKS,
                known,
            };
            vec![plain(say(words, lang))]
        };
        Some(match &c.mean {
            None => too_few(0),
            Some(m) if m.weeks_known < MIN_MEAN_WEEKS => too_few(m.weeks_known),
            Some(m) => vec![
                plain(format!(
                    "{} {} ",
                    label(m.weeks_known),
                    mean_amount(m.mean, c.metric)
                )),
                mean_change(m, c.metric, lang),
            ],
        })
    }

    /// `去年同期 265 +4.2%`, `去年同期 —`, `去年无此期`.
    pub fn year_earlier(c: &MetricComparison, lang: Lang) -> Option<Vec<Part>> {
        c.value?;
        let label = say(Compare::PaneYearEarlier, lang);
        Some(match (&c.year_earlier_key, &c.year_earlier) {
            (_, Some(y)) => {
                let mut parts = vec![plain(format!("{label} {} ", c.metric.show(y.value)))];
                let d = y.direction();
                let absolute = y
                    .change
                    .map_or_else(|| "?".into(), |v| signed_value(v, c.metric));
                parts.push(match (d, y.percent) {
                    (Direction::Flat, _) => moved("±0", d),
                    (_, Some(p)) => moved(percent(p), d),
                    (_, None) => moved(format!("{absolute} ({})", new_word(lang)), d),
                });
                parts
            }
            (Some(_), None) => vec![plain(format!("{label} —"))],
            // Only a 53rd week has none: the year before had 52.
            (None, None) => vec![plain(say(Compare::PaneNoSuchWeek, lang))],
        })
    }

    /// Among the known weeks of the last 52: `52周最高` when all 52 are
    /// known, else `已知21周第3低`; `并列` for a tie.
    pub fn rank(c: &MetricComparison, lang: Lang) -> Option<Vec<Part>> {
        let r = c.rank.as_ref()?;
        Some(vec![plain(say(Compare::PaneRank(standing(r)), lang))])
    }
}

/// `zhoubao show`'s words: each line names what it compares with, as a
/// line of `show` is read on its own.
pub mod cli {
    use super::*;

    pub fn heading(c: &IssueComparisons, lang: Lang) -> String {
        say(
            Compare::CliHeading {
                on_calendar: c.on_calendar,
                max_gap: c.max_gap_weeks,
            },
            lang,
        )
    }

    /// `last known: 2023-13 (49 weeks before) 682`, when the week before
    /// is not known within the gap and an older issue is.
    pub fn last_known(c: &MetricComparison, lang: Lang) -> Option<String> {
        c.value?;
        last_known_words(c, lang)
    }

    pub fn value(c: &MetricComparison) -> String {
        c.metric
            .show_or(c.value, crate::model::UNKNOWN_FIGURE_ASCII)
    }

    /// `−497 (−75.6%) vs 2025-3 (657), 4 weeks before`,
    /// `−497 (−75.6%)，较 2025-3（657），4 周前`.
    pub fn previous(c: &MetricComparison, lang: Lang) -> String {
        match (&c.value, &c.previous) {
            (None, _) => say(Compare::NotInIssue, lang),
            (Some(_), None) if c.last_known.is_some() => say(Compare::CliWeekBeforeUnknown, lang),
            (Some(_), None) => say(Compare::CliNoEarlier, lang),
            (Some(_), Some(p)) => say(
                Compare::CliPrevious {
                    change: text(&against_change(p, c.metric, lang)),
                    key: p.key,
                    value: c.metric.show(p.value),
                    weeks_before: p.weeks_before,
                    stated: p.source == Source::Stated,
                },
                lang,
            ),
        }
    }

    /// `this issue says 437 of 2025-5 (that issue's own 415 is used)`:
    /// only when the two differ.
    pub fn stated(c: &MetricComparison, lang: Lang) -> Option<String> {
        let s = c.stated.filter(|s| s.disagrees())?;
        Some(say(
            Compare::CliStatedDiffers {
                key: s.key,
                value: c.metric.show(s.value),
                own: c.metric.show(s.own?),
            },
            lang,
        ))
    }

    /// `vs the mean of the 4 weeks before, 381 (2 of the 4 weeks known):
    /// −105 (−27.6%)`; no mean of one week.
    pub fn mean(c: &MetricComparison, lang: Lang) -> Option<String> {
        c.value?;
        Some(match &c.mean {
            None => say(Compare::CliNoMean { weeks: MEAN_WEEKS }, lang),
            Some(m) if m.weeks_known < MIN_MEAN_WEEKS => say(
                Compare::CliMeanTooFew {
                    weeks: MEAN_WEEKS,
                    known: m.weeks_known,
                },
                lang,
            ),
            Some(m) => say(
                Compare::CliMean {
                    weeks: MEAN_WEEKS,
                    known: m.weeks_known,
                    mean: mean_amount(m.mean, c.metric),
                    change: if c.metric.kind() == crate::series::Kind::Share {
                        text(&[mean_change(m, c.metric, lang)])
                    } else {
                        text(&change(
                            signed_amount(m.difference, c.metric),
                            m.percent,
                            m.direction(),
                            &new_word(lang),
                        ))
                    },
                },
                lang,
            ),
        })
    }

    /// `vs a year earlier, 2023-18 (265): +11 (+4.2%)`.
    pub fn year_earlier(c: &MetricComparison, lang: Lang) -> Option<String> {
        c.value?;
        Some(match (&c.year_earlier_key, &c.year_earlier) {
            (_, Some(y)) => say(
                Compare::CliYearEarlier {
                    key: y.key,
                    value: c.metric.show(y.value),
                    change: text(&against_change(y, c.metric, lang)),
                },
                lang,
            ),
            (Some(k), None) => say(Compare::CliYearUnknown(*k), lang),
            (None, None) => say(Compare::CliNoSuchWeek, lang),
        })
    }

    /// `highest in 52 weeks`, `3rd lowest of 21 known in 52 weeks`.
    pub fn rank(c: &MetricComparison, lang: Lang) -> Option<String> {
        let r = c.rank.as_ref()?;
        Some(say(Compare::CliRank(standing(r)), lang))
    }
}

#[cfg(test)]
mod tests;
