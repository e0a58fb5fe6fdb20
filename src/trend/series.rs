//! Every known issue placed on the calendar of weeks ([`crate::calendar`]):
//! a week the cache does not know is a gap, never a zero, and a year
//! boundary is no boundary at all, since weeks are indexed continuously.

use std::ops::Range;

use crate::calendar;
use crate::model::{Figures, IssueKey, IssueSummary, Metric};

/// One known issue on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Week {
    /// [`calendar::week_index`] of the issue.
    pub index: i64,
    pub key: IssueKey,
    pub figures: Figures,
    /// A full copy is in the cache (its figures are the issue's own).
    pub cached: bool,
}

/// The known issues in calendar order. Sparse: only known weeks are held,
/// so a stray key decades away costs one entry, not a slot per week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeekSeries {
    /// Sorted by `index`, one entry per index.
    weeks: Vec<Week>,
    /// Keys the calendar has no week for (第53期 of a 52-week year):
    /// listed by the cache but kept out of every statistic.
    off_calendar: Vec<IssueKey>,
}

impl WeekSeries {
    /// `summaries` in any order; a key listed twice keeps its first row.
    pub fn build(summaries: &[IssueSummary]) -> Self {
        let mut weeks = Vec::with_capacity(summaries.len());
        let mut off_calendar = Vec::new();
        for s in summaries {
            match calendar::week_index(s.key) {
                Some(index) => weeks.push(Week {
                    index,
                    key: s.key,
                    figures: s.figures,
                    cached: s.cached,
                }),
                None => off_calendar.push(s.key),
            }
        }
        // Stable, so the first row of a duplicated key is the one kept.
        weeks.sort_by_key(|w| w.index);
        weeks.dedup_by_key(|w| w.index);
        off_calendar.sort();
        off_calendar.dedup();
        WeekSeries {
            weeks,
            off_calendar,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.weeks.is_empty()
    }

    /// Known weeks, oldest first.
    pub fn weeks(&self) -> &[Week] {
        &self.weeks
    }

    pub fn off_calendar(&self) -> &[IssueKey] {
        &self.off_calendar
    }

    /// The week index span from the oldest to the newest known issue
    /// (end exclusive); empty when nothing is known.
    pub fn span(&self) -> Range<i64> {
        match (self.weeks.first(), self.weeks.last()) {
            (Some(a), Some(b)) => a.index..b.index + 1,
            _ => 0..0,
        }
    }

    /// The known issue of week `index`.
    pub fn get(&self, index: i64) -> Option<&Week> {
        self.weeks
            .binary_search_by_key(&index, |w| w.index)
            .ok()
            .map(|i| &self.weeks[i])
    }

    /// The known issue `key`, if it is on the calendar.
    pub fn week_of(&self, key: IssueKey) -> Option<&Week> {
        self.get(calendar::week_index(key)?)
            .filter(|w| w.key == key)
    }

    /// The known weeks with an index in `range`, oldest first.
    pub fn between(&self, range: Range<i64>) -> &[Week] {
        let from = self.weeks.partition_point(|w| w.index < range.start);
        let to = self.weeks.partition_point(|w| w.index < range.end);
        &self.weeks[from..to.max(from)]
    }

    /// `metric`'s value in week `index`: None for a gap or an unknown figure.
    pub fn value(&self, index: i64, metric: Metric) -> Option<i64> {
        self.get(index).and_then(|w| w.figures.get(metric))
    }

    /// One value per calendar week of `range`, gaps as None: what a chart
    /// draws, one cell per week.
    pub fn values(&self, range: Range<i64>, metric: Metric) -> Vec<Option<i64>> {
        let mut out = vec![None; usize::try_from(range.end - range.start).unwrap_or(0)];
        for w in self.between(range.clone()) {
            if let Ok(i) = usize::try_from(w.index - range.start) {
                out[i] = w.figures.get(metric);
            }
        }
        out
    }

    /// The last week before `index` (exclusive) whose `metric` is known.
    pub fn previous_known(&self, index: i64, metric: Metric) -> Option<&Week> {
        let end = self.weeks.partition_point(|w| w.index < index);
        self.weeks[..end]
            .iter()
            .rev()
            .find(|w| w.figures.get(metric).is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(year: i32, number: u32, events: Option<i64>) -> IssueSummary {
        let figures = Figures {
            events_handled: events,
            ..Figures::default()
        };
        IssueSummary {
            cached: events.is_some(),
            ..IssueSummary::with_figures(IssueKey::new(year, number), figures)
        }
    }

    #[test]
    fn weeks_run_on_across_the_new_year_with_gaps_for_unknown_weeks() {
        let s = WeekSeries::build(&[
            summary(2025, 2, Some(20)),
            summary(2024, 51, Some(10)),
            summary(2025, 1, None),
        ]);
        let start = calendar::week_index(IssueKey::new(2024, 51)).unwrap();
        assert_eq!(s.span(), start..start + 4);
        assert_eq!(
            s.values(s.span(), Metric::EventsHandled),
            vec![Some(10), None, None, Some(20)]
        );
        let prev = s.previous_known(start + 3, Metric::EventsHandled).unwrap();
        assert_eq!(prev.key, IssueKey::new(2024, 51));
    }

    #[test]
    fn keys_without_a_calendar_week_are_kept_apart() {
        let s = WeekSeries::build(&[summary(2024, 53, Some(1)), summary(2024, 52, Some(2))]);
        assert_eq!(s.weeks().len(), 1);
        assert_eq!(s.off_calendar(), &[IssueKey::new(2024, 53)]);
        assert!(s.week_of(IssueKey::new(2024, 53)).is_none());
    }

    #[test]
    fn a_range_outside_the_known_weeks_is_all_gaps() {
        let s = WeekSeries::build(&[summary(2024, 10, Some(1))]);
        let i = calendar::week_index(IssueKey::new(2024, 10)).unwrap();
        assert_eq!(
            s.values(i + 5..i + 7, Metric::EventsHandled),
            vec![None, None]
        );
        assert!(s.between(i + 1..i).is_empty());
    }
}
