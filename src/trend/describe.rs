//! Which phrase puts a comparison into words: [`pane`] for the TUI's
//! detail pane, short, [`cli`] for `zhoubao show`, both from the same
//! [`IssueComparisons`] and the same number formats, in either language.
//! The words are the message table's ([`crate::i18n::Compare`]); this
//! module picks the message and formats the numbers. Phrases come as
//! [`Part`]s so a renderer can colour the parts that rise or fall; the
//! text alone always carries the sign.

use super::compare::{
    Against, AgainstMean, Direction, End, IssueComparisons, MetricComparison, Rank, Source,
    MEAN_WEEKS, RANK_WEEKS,
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

fn against_change(a: &Against, m: Metric, new: &str) -> Vec<Part> {
    let absolute = a.change.map_or_else(|| "?".into(), |c| signed_value(c, m));
    // A share moves by percentage points: a percentage of one says little.
    if m.kind() == crate::series::Kind::Share {
        let d = a.direction();
        return match d {
            Direction::Flat => vec![moved(absolute, d)],
            _ => vec![moved(format!("{absolute} pp"), d)],
        };
    }
    change(absolute, a.percent, a.direction(), new)
}

/// Just the percentage (`−27.6%`), or the difference from a zero mean.
fn mean_change(m: &AgainstMean, metric: Metric) -> Part {
    let d = m.direction();
    match (d, m.percent) {
        (Direction::Flat, _) => moved("±0", d),
        (_, Some(p)) => moved(percent(p), d),
        (_, None) => moved(signed_amount(m.difference, metric), d),
    }
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
                let mut parts = against_change(p, c.metric, &new_word(lang));
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

    /// `4周均 381 −27.6%`, `4周均(仅2周) 362 −55.8%`, `4周均 —`: the
    /// mean of the known weeks among the four before this one.
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
        Some(match &c.mean {
            None => vec![plain(format!("{} —", label(MEAN_WEEKS)))],
            Some(m) => vec![
                plain(format!(
                    "{} {} ",
                    label(m.weeks_known),
                    amount(m.mean, c.metric)
                )),
                mean_change(m, c.metric),
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
                    change: text(&against_change(p, c.metric, &new_word(lang))),
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

    /// `vs the 4-week mean 381 (2 of the 4 weeks known): −105 (−27.6%)`.
    pub fn mean(c: &MetricComparison, lang: Lang) -> Option<String> {
        c.value?;
        Some(match &c.mean {
            None => say(Compare::CliNoMean { weeks: MEAN_WEEKS }, lang),
            Some(m) => say(
                Compare::CliMean {
                    weeks: MEAN_WEEKS,
                    known: m.weeks_known,
                    mean: amount(m.mean, c.metric),
                    change: text(&change(
                        signed_amount(m.difference, c.metric),
                        m.percent,
                        m.direction(),
                        &new_word(lang),
                    )),
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
                    change: text(&against_change(y, c.metric, &new_word(lang))),
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
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::{Figures, IssueSummary, Metric, Value};
    use crate::trend::WeekSeries;

    fn key(y: i32, n: u32) -> IssueKey {
        IssueKey::new(y, n)
    }

    fn fig(id: &str) -> Metric {
        crate::model::SeriesId::CNCERT.figure(id)
    }

    fn events(y: i32, n: u32, v: i64) -> IssueSummary {
        let figures: Figures = [(fig("events_handled"), Value::count(v))]
            .into_iter()
            .collect();
        IssueSummary::with_figures(key(y, n), figures)
    }

    fn compared(series: &[IssueSummary]) -> (IssueComparisons, MetricComparison) {
        let last = series.last().unwrap();
        let c = IssueComparisons::compute(&WeekSeries::build(series), last.key, &last.figures);
        let m = *c.get(fig("events_handled")).unwrap();
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
        let ev = fig("events_handled");
        assert_eq!(amount(381.5, ev), "381.5");
        assert_eq!(amount(200.0, ev), "200");
        assert_eq!(amount(25.26, ev), "25.3");
        assert_eq!(signed_amount(-105.5, ev), "−105.5");
        assert_eq!(signed_amount(0.01, ev), "±0");
        // A score's mean keeps one digit more than its two.
        let score = crate::model::SeriesId::CNVD.figure("avg_score");
        assert_eq!(amount(6.3925, score), "6.393");
        assert_eq!(amount(6.39, score), "6.39");
        assert_eq!(signed_amount(-0.34, score), "−0.34");
        assert_eq!(signed_amount(-0.0004, score), "±0");
        assert_eq!(signed_value(Value::parse("-0.42").unwrap(), score), "−0.42");
        assert_eq!(signed_value(Value::parse("0.4").unwrap(), score), "+0.40");
        // A share's change is in percentage points.
        let share = crate::model::SeriesId::CNVD.figure("zero_day_share");
        let week = |n: u32, v: i64| {
            let f: Figures = [(share, Value::count(v))].into_iter().collect();
            IssueSummary::with_figures(IssueKey::of(crate::model::SeriesId::CNVD, 2025, n), f)
        };
        let series = [week(5, 10), week(6, 22)];
        let c = IssueComparisons::compute(
            &WeekSeries::build(&series),
            series[1].key,
            &series[1].figures,
        );
        let m = c.get(share).unwrap();
        assert_eq!(pane::value(m), "22%");
        assert_eq!(
            text(&pane::previous(m, None, Lang::En)),
            "+12 pp vs cnvd:2025-5"
        );
    }

    #[test]
    fn a_non_adjacent_issue_is_named_in_both_languages() {
        let (c, m) = compared(&[events(2025, 3, 657), events(2025, 7, 160)]);
        assert_eq!(
            cli::previous(&m, Lang::En),
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
            cli::previous(&m, Lang::En),
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
        assert!(cli::previous(&m, Lang::En).starts_with("+5 (new) vs 2024-1"));
        assert_eq!(
            text(&pane::mean(&m, Lang::Zh).unwrap()),
            "4周均(仅1周) 0 +5"
        );
        assert_eq!(
            cli::mean(&m, Lang::En).unwrap(),
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
            cli::mean(&m, Lang::En).unwrap(),
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
            cli::year_earlier(&m, Lang::En).unwrap(),
            "vs a year earlier, 2024-18 (250): +26 (+10.4%)"
        );
        let (_, absent) = compared(&[events(2025, 7, 160)]);
        assert_eq!(
            text(&pane::year_earlier(&absent, Lang::Zh).unwrap()),
            "去年同期 —"
        );
        assert_eq!(
            cli::year_earlier(&absent, Lang::En).unwrap(),
            "a year earlier, 2024-7: not known"
        );
        let (_, week53) = compared(&[events(2023, 53, 80)]);
        assert_eq!(
            text(&pane::year_earlier(&week53, Lang::Zh).unwrap()),
            "去年无此期"
        );
        assert_eq!(
            cli::year_earlier(&week53, Lang::En).unwrap(),
            "a year earlier: no such week (the year before had 52)"
        );
    }

    #[test]
    fn ranks_name_the_end_ties_and_how_many_weeks_are_known() {
        let full: Vec<_> = (1..=52).map(|n| events(2024, n, i64::from(n))).collect();
        let (_, top) = compared(&full);
        assert_eq!(cli::rank(&top, Lang::En).unwrap(), "highest in 52 weeks");
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
            cli::rank(&third, Lang::En).unwrap(),
            "3rd lowest of 6 known in 52 weeks"
        );
        assert_eq!(text(&pane::rank(&third, Lang::Zh).unwrap()), "已知6周第3低");

        let (_, joint) = compared(&[events(2024, 1, 9), events(2024, 2, 4), events(2024, 3, 9)]);
        assert_eq!(
            cli::rank(&joint, Lang::En).unwrap(),
            "joint highest of 3 known in 52 weeks"
        );
        assert_eq!(
            text(&pane::rank(&joint, Lang::Zh).unwrap()),
            "已知3周并列最高"
        );

        let (_, same) = compared(&[events(2024, 1, 4), events(2024, 2, 4)]);
        assert_eq!(
            cli::rank(&same, Lang::En).unwrap(),
            "equal to all 2 known weeks in 52"
        );
        assert_eq!(text(&pane::rank(&same, Lang::Zh).unwrap()), "已知2周持平");

        let (c, first) = compared(&[events(2022, 41, 443)]);
        assert_eq!(
            cli::rank(&first, Lang::En).unwrap(),
            "the only known week in 52"
        );
        assert_eq!(
            text(&pane::rank(&first, Lang::Zh).unwrap()),
            "52周内仅本周有数据"
        );
        assert_eq!(
            cli::previous(&first, Lang::En),
            "no earlier issue has this figure"
        );
        assert_eq!(pane::heading(&c, Lang::Zh), "本周数据 · 无更早数据可比");
    }

    #[test]
    fn an_unknown_figure_says_so_and_nothing_more() {
        let s = WeekSeries::build(&[events(2024, 1, 3)]);
        let c = IssueComparisons::compute(&s, key(2024, 2), &Figures::default());
        let m = c.get(fig("malicious_urls")).unwrap();
        assert_eq!(pane::value(m), "—");
        assert_eq!(text(&pane::previous(m, None, Lang::Zh)), "本期无此项");
        assert_eq!(cli::previous(m, Lang::En), "not in this issue");
        assert!(
            pane::mean(m, Lang::Zh).is_none()
                && pane::year_earlier(m, Lang::Zh).is_none()
                && pane::rank(m, Lang::Zh).is_none()
        );
        assert!(
            cli::mean(m, Lang::En).is_none()
                && cli::year_earlier(m, Lang::En).is_none()
                && cli::rank(m, Lang::En).is_none()
        );
    }

    #[test]
    fn beyond_the_gap_the_week_before_is_not_known_and_the_older_value_stands_apart() {
        // 2024-9 after 2023-13, 49 weeks before, as in the real archive.
        let (c, m) = compared(&[events(2023, 13, 682), events(2024, 9, 103)]);
        assert_eq!(
            pane::heading(&c, Lang::Zh),
            "本周数据 · 上周不详（前4周无数据）"
        );
        assert_eq!(text(&pane::previous(&m, None, Lang::Zh)), "上周不详");
        let last = pane::last_known(&m, Lang::En).unwrap();
        assert_eq!(text(&last), "last known: 2023-13 (49 weeks before) 682");
        assert!(
            last.iter().all(|p| p.direction.is_none()),
            "no rise or fall colour: it is no change"
        );
        assert_eq!(cli::previous(&m, Lang::En), "the week before: not known");
        assert_eq!(
            cli::last_known(&m, Lang::Zh).unwrap(),
            "最近已知：2023-13（49周前）682"
        );
        assert_eq!(
            cli::heading(&c, Lang::En),
            "figures (change vs the last issue with the figure at most 4 weeks before):"
        );
        // Within the gap there is nothing apart.
        let (_, near) = compared(&[events(2025, 3, 657), events(2025, 7, 160)]);
        assert_eq!(pane::last_known(&near, Lang::En), None);
        assert_eq!(cli::last_known(&near, Lang::En), None);
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
