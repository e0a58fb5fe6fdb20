//! How far back a week's value is the highest (or the lowest): "the most
//! since 2024-40", "the fewest in 26 weeks". A series statistic beside the
//! comparisons (compare.rs), read from the same [`WeekSeries`], so what a
//! brief calls notable is computed once, here, not by its renderer.
//!
//! A run ends at the last earlier week whose value equals or passes this
//! one: "highest in N weeks" means above every known week of those N.

use crate::model::{IssueKey, Metric, Value};

use super::compare::End;
use super::series::WeekSeries;

/// This week's value is the highest (or lowest) of a run of weeks ending
/// with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Extreme {
    pub metric: Metric,
    pub end: End,
    /// Calendar weeks of the run, this one included: from the week after
    /// the last one that equalled or passed it, or from the first known
    /// week.
    pub weeks: i64,
    /// Known weeks with the figure in the run, this one included.
    pub known: u32,
    /// Set when no earlier week equals or passes it: the first known
    /// week of the figure, where the run starts.
    pub since_first: Option<IssueKey>,
}

/// The runs over which `now` (issue `key`'s value of `metric`) is the
/// highest and the lowest, from the weeks of `series` before `key`; None
/// when the key has no week on the calendar.
pub fn runs(
    series: &WeekSeries,
    key: IssueKey,
    metric: Metric,
    now: Value,
) -> Option<(Extreme, Extreme)> {
    let index = series.index_of(key)?;
    let before = series.between(i64::MIN..index);
    let run = |end: End| {
        let passes = |v: Value| match end {
            End::Highest => v >= now,
            End::Lowest => v <= now,
        };
        let mut known = 1u32;
        let mut first = None;
        for w in before.iter().rev().filter(|w| w.end < index) {
            let Some(v) = w.figures.get(metric) else {
                continue;
            };
            if passes(v) {
                return Extreme {
                    metric,
                    end,
                    weeks: index - w.end,
                    known,
                    since_first: None,
                };
            }
            known += 1;
            first = Some(w);
        }
        Extreme {
            metric,
            end,
            weeks: first.map_or(1, |w| index - w.index + 1),
            known,
            since_first: Some(first.map_or(key, |w| w.key)),
        }
    };
    Some((run(End::Highest), run(End::Lowest)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figures, IssueSummary, SeriesId};

    fn events(n: u32, v: i64) -> IssueSummary {
        let m = SeriesId::CNCERT.figure("events_handled");
        let figures: Figures = [(m, Value::count(v))].into_iter().collect();
        IssueSummary::with_figures(IssueKey::new(2024, n), figures)
    }

    fn runs_of(weeks: &[IssueSummary], n: u32, v: i64) -> (Extreme, Extreme) {
        let m = SeriesId::CNCERT.figure("events_handled");
        runs(
            &WeekSeries::build(weeks),
            IssueKey::new(2024, n),
            m,
            Value::count(v),
        )
        .unwrap()
    }

    #[test]
    fn a_run_ends_at_the_last_week_that_equals_or_passes_it_and_counts_gaps() {
        // 2024-3 is higher; 2024-5 and 2024-6 unknown.
        let weeks = [
            events(1, 50),
            events(3, 900),
            events(4, 100),
            events(7, 300),
        ];
        let (high, low) = runs_of(&weeks, 8, 400);
        assert_eq!((high.weeks, high.known, high.since_first), (5, 3, None));
        // Lower than nothing before: the run of the lowest is this week.
        assert_eq!((low.weeks, low.known), (1, 1));
        let (_, low) = runs_of(&weeks, 8, 10);
        assert_eq!(
            (low.weeks, low.known, low.since_first),
            (8, 5, Some(IssueKey::new(2024, 1)))
        );
        // An equal week ends the run: a tie is no record.
        let (high, _) = runs_of(&weeks, 8, 300);
        assert_eq!((high.weeks, high.known), (1, 1));
    }

    #[test]
    fn only_weeks_before_the_issue_count_and_the_first_one_is_its_own_start() {
        let weeks = [events(1, 5), events(2, 999)];
        let (high, low) = runs_of(&weeks, 1, 5);
        assert_eq!((high.weeks, high.known), (1, 1));
        assert_eq!(high.since_first, Some(IssueKey::new(2024, 1)));
        assert_eq!(low.since_first, Some(IssueKey::new(2024, 1)));
        let m = SeriesId::CNCERT.figure("events_handled");
        let off = IssueKey::new(2025, 53);
        assert!(runs(&WeekSeries::build(&weeks), off, m, Value::count(1)).is_none());
    }
}
