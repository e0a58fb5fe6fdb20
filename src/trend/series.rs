//! Every known issue placed on the calendar of weeks ([`crate::calendar`]):
//! a week the cache does not know is a gap, never a zero, and a year
//! boundary is no boundary at all, since weeks are indexed continuously.

use std::collections::HashMap;
use std::ops::Range;

use crate::calendar;
use crate::model::{Figures, IssueKey, IssueSummary, Metric, SeriesId, Value};

/// One known issue on the calendar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Week {
    /// [`calendar::week_index`] of the issue.
    pub index: i64,
    /// The last week it covers: `index` but for a double issue (第40、41期
    /// covers two), which is one issue, counted once, and no gap.
    pub end: i64,
    pub key: IssueKey,
    pub figures: Figures,
    /// A full copy is in the cache (its figures are the issue's own).
    pub cached: bool,
    /// The days the issue says it covers, when it says: a series not
    /// numbered by the calendar's weeks (CNVD漏洞周报 since 2023) dates its
    /// weeks by this, not by its number.
    pub period: Option<crate::model::Period>,
}

impl Week {
    /// `metric`'s value in the units the charts draw (see [`chart_units`]).
    fn units(&self, metric: Metric) -> Option<i64> {
        chart_units(metric, self.figures.get(metric)?)
    }
}

/// A value as the charts draw it: an integer in units of the figure's
/// last declared decimal (6.18 is 618 for a two-decimal score), so every
/// value of a figure is on one integer scale; None for a value with more
/// decimals than its figure declares, which no chart can place exactly.
pub fn chart_units(metric: Metric, v: Value) -> Option<i64> {
    v.units_at(metric.kind().decimals())
}

/// The value of [`chart_units`]' units.
pub fn from_chart_units(metric: Metric, units: i64) -> Option<Value> {
    Value::from_units(units, metric.kind().decimals())
}

/// The known issues of one series in calendar order. Sparse: only known
/// weeks are held, so a stray key decades away costs one entry, not a
/// slot per week.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WeekSeries {
    /// The series of the weeks.
    series: Option<SeriesId>,
    /// Where each issue of a series not numbered by week was placed (by
    /// its stated days): empty for a series whose numbers are its weeks.
    placed: HashMap<IssueKey, i64>,
    /// Sorted by `index`, one entry per index, spans not overlapping.
    weeks: Vec<Week>,
    /// Keys the calendar has no week for (第53期 of a 52-week year):
    /// listed by the cache but kept out of every statistic.
    off_calendar: Vec<IssueKey>,
}

impl WeekSeries {
    /// `summaries` of one series in any order (the series of the first;
    /// other series' rows are left out); a key listed twice keeps its
    /// first row, and a week a double issue covers is that issue's.
    pub fn build(summaries: &[IssueSummary]) -> Self {
        let series = summaries.first().map(|s| s.key.series);
        let mut weeks = Vec::with_capacity(summaries.len());
        let mut off_calendar = Vec::new();
        let placed = match series {
            Some(id) if !id.decl().numbered_by_week => place_by_period(summaries, id),
            _ => HashMap::new(),
        };
        let index_of = |key: IssueKey| match placed.get(&key) {
            Some(&i) => Some(i),
            None => calendar::week_index(key),
        };
        for s in summaries.iter().filter(|s| Some(s.key.series) == series) {
            match index_of(s.key) {
                Some(index) => {
                    let by_days = (!placed.is_empty())
                        .then(|| s.period.and_then(|p| calendar::week_index_of_day(p.end)))
                        .flatten();
                    let end = by_days
                        .or_else(|| {
                            s.last_number
                                .map(|n| IssueKey::of(s.key.series, s.key.year, n))
                                .and_then(calendar::week_index)
                                .map(|e| e + (index - calendar::week_index(s.key).unwrap_or(index)))
                        })
                        .filter(|&e| e > index)
                        .unwrap_or(index);
                    weeks.push(Week {
                        index,
                        end,
                        key: s.key,
                        figures: s.figures.clone(),
                        cached: s.cached,
                        period: s.period,
                    })
                }
                None => off_calendar.push(s.key),
            }
        }
        // Stable, so the first row of a duplicated key is the one kept; a
        // cached issue before a reference placed in its week.
        weeks.sort_by_key(|w| (w.index, !w.cached));
        weeks.dedup_by_key(|w| w.index);
        // A week inside a double issue's span is that issue's (a stray
        // reference to 第41期 of 第40、41期 is no second issue).
        let mut kept: Vec<Week> = Vec::with_capacity(weeks.len());
        for w in weeks {
            match kept.last_mut() {
                Some(last) if w.index <= last.end => {
                    if !last.cached && w.cached {
                        *last = w;
                    }
                }
                _ => kept.push(w),
            }
        }
        off_calendar.sort();
        off_calendar.dedup();
        WeekSeries {
            series,
            placed,
            weeks: kept,
            off_calendar,
        }
    }

    /// The week `key`'s issue is in: by its stated days for a series not
    /// numbered by week, else (and for an issue the weeks do not hold) the
    /// calendar's week of its number.
    pub fn index_of(&self, key: IssueKey) -> Option<i64> {
        match self.placed.get(&key) {
            Some(&i) => Some(i),
            None => calendar::week_index(key),
        }
    }

    /// The key that names week `index`: its own issue's when one is known
    /// (a series not numbered by week has other numbers than the
    /// calendar's), else the calendar's number in this series.
    pub fn key_at(&self, index: i64) -> Option<IssueKey> {
        if let Some(week) = self.get(index) {
            return Some(week.key);
        }
        calendar::key_at(index).map(|k| self.series.map_or(k, |s| k.in_series(s)))
    }

    /// The series of the weeks (None when there are none).
    pub fn series(&self) -> Option<SeriesId> {
        self.series
    }

    /// The headline figures of the weeks' series (网络安全信息与动态周报's
    /// when there are no weeks): what a chart of the series shows.
    pub fn headline(&self) -> &'static [Metric] {
        self.series.unwrap_or(SeriesId::CNCERT).headline()
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
            (Some(a), Some(b)) => a.index..b.end + 1,
            _ => 0..0,
        }
    }

    /// The known issue that covers week `index`.
    pub fn get(&self, index: i64) -> Option<&Week> {
        let at = self.weeks.partition_point(|w| w.index <= index);
        let w = self.weeks.get(at.checked_sub(1)?)?;
        (w.end >= index).then_some(w)
    }

    /// The known issue `key` (or the double issue whose span holds it),
    /// if it is on the calendar.
    pub fn week_of(&self, key: IssueKey) -> Option<&Week> {
        if Some(key.series) != self.series {
            return None;
        }
        self.get(self.index_of(key)?)
    }

    /// The known issues that start in `range`, oldest first: each once.
    pub fn between(&self, range: Range<i64>) -> &[Week] {
        let from = self.weeks.partition_point(|w| w.index < range.start);
        let to = self.weeks.partition_point(|w| w.index < range.end);
        &self.weeks[from..to.max(from)]
    }

    /// The known issues that cover any week of `range`, oldest first: a
    /// double issue that begins before it is among them.
    pub fn overlapping(&self, range: Range<i64>) -> &[Week] {
        let from = self.weeks.partition_point(|w| w.end < range.start);
        let to = self.weeks.partition_point(|w| w.index < range.end);
        &self.weeks[from..to.max(from)]
    }

    /// `metric`'s value in week `index`, in chart units ([`chart_units`]):
    /// None for a gap or an unknown figure.
    pub fn value(&self, index: i64, metric: Metric) -> Option<i64> {
        self.get(index).and_then(|w| w.units(metric))
    }

    /// One value per calendar week of `range` in chart units, gaps as
    /// None: what a chart draws, one cell per week (both weeks of a double
    /// issue hold its value).
    pub fn values(&self, range: Range<i64>, metric: Metric) -> Vec<Option<i64>> {
        self.per_week(range, |w| w.units(metric))
    }

    /// `of` each week of `range` (its known issue's), None for a gap.
    fn per_week<T: Clone>(
        &self,
        range: Range<i64>,
        of: impl Fn(&Week) -> Option<T>,
    ) -> Vec<Option<T>> {
        let mut out = vec![None; usize::try_from(range.end - range.start).unwrap_or(0)];
        let from = self.weeks.partition_point(|w| w.end < range.start);
        for w in self.weeks[from..]
            .iter()
            .take_while(|w| w.index < range.end)
        {
            let v = of(w);
            for i in w.index.max(range.start)..=w.end.min(range.end - 1) {
                if let Ok(i) = usize::try_from(i - range.start) {
                    out[i] = v.clone();
                }
            }
        }
        out
    }

    /// The known issue nearest week `index`: the one holding it, else the
    /// closest before or after (the older on a tie).
    pub fn nearest(&self, index: i64) -> Option<&Week> {
        let distance = |w: &Week| {
            if index < w.index {
                w.index - index
            } else {
                (index - w.end).max(0)
            }
        };
        let after = self.weeks.partition_point(|w| w.end < index);
        let candidates = [after.checked_sub(1), Some(after)];
        candidates
            .into_iter()
            .flatten()
            .filter_map(|i| self.weeks.get(i))
            .min_by_key(|w| distance(w))
    }

    /// One entry per calendar week of `range`: the first week of the known
    /// issue that holds it (both weeks of a double issue name the same),
    /// None for a gap. What tells a double issue's two weeks from two
    /// issues of equal value.
    pub fn holders(&self, range: Range<i64>) -> Vec<Option<i64>> {
        self.per_week(range, |w| Some(w.index))
    }

    /// The last issue ending before week `index` whose `metric` is known.
    pub fn previous_known(&self, index: i64, metric: Metric) -> Option<&Week> {
        let end = self.weeks.partition_point(|w| w.end < index);
        self.weeks[..end]
            .iter()
            .rev()
            .find(|w| w.figures.get(metric).is_some())
    }
}

/// How far a series not numbered by week drifts from the calendar's
/// numbers (CNVD漏洞周报: one week in 2023 and after its 2025 double issue).
const MAX_SHIFT_WEEKS: i64 = 3;

/// The week of each issue of `series` (a series not numbered by week): the
/// week its stated days start in; an issue that states none (a reference,
/// a title-only copy) is as far from its number's calendar week as the
/// nearest older issue that does (else the nearest newer one), so it
/// stays beside its neighbours.
fn place_by_period(summaries: &[IssueSummary], series: SeriesId) -> HashMap<IssueKey, i64> {
    let mut keys: Vec<&IssueSummary> = summaries
        .iter()
        .filter(|s| s.key.series == series)
        .collect();
    keys.sort_by_key(|s| s.key);
    // Days more than a few weeks from the number's week are a typo the
    // parser could not mend, not the series' numbering.
    let shift = |s: &IssueSummary| -> Option<i64> {
        let by_days = calendar::week_index_of_day(s.period?.start)?;
        Some(by_days - calendar::week_index(s.key)?).filter(|d| d.abs() <= MAX_SHIFT_WEEKS)
    };
    let shifts: Vec<Option<i64>> = keys.iter().map(|s| shift(s)).collect();
    let mut placed = HashMap::with_capacity(keys.len());
    let mut last = None;
    for (i, s) in keys.iter().enumerate() {
        let own = shifts[i];
        if own.is_some() {
            last = own;
        }
        let offset = own
            .or(last)
            .or_else(|| shifts[i..].iter().flatten().next().copied())
            .unwrap_or(0);
        if let Some(week) = calendar::week_index(s.key) {
            placed.insert(s.key, week + offset);
        }
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Period;

    fn ev() -> Metric {
        SeriesId::CNCERT.metric("events_handled").unwrap()
    }

    fn summary(year: i32, number: u32, events: Option<i64>) -> IssueSummary {
        let mut figures = Figures::default();
        figures.set_count(ev(), events);
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
            s.values(s.span(), ev()),
            vec![Some(10), None, None, Some(20)]
        );
        let prev = s.previous_known(start + 3, ev()).unwrap();
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
        assert_eq!(s.values(i + 5..i + 7, ev()), vec![None, None]);
        assert!(s.between(i + 1..i).is_empty());
    }

    #[test]
    fn a_double_issue_is_counted_once_and_leaves_no_gap() {
        let cnvd = |n: u32, last: Option<u32>, v: i64| {
            let m = SeriesId::CNVD.metric("vulns").unwrap();
            let mut f = Figures::default();
            f.set_count(m, Some(v));
            IssueSummary {
                last_number: last,
                ..IssueSummary::with_figures(IssueKey::of(SeriesId::CNVD, 2024, n), f)
            }
        };
        let vulns = SeriesId::CNVD.metric("vulns").unwrap();
        let s = WeekSeries::build(&[
            cnvd(39, None, 300),
            cnvd(40, Some(41), 500),
            // A stray row for the second number of the double issue.
            IssueSummary {
                cached: false,
                ..cnvd(41, None, 1)
            },
            cnvd(42, None, 200),
        ]);
        assert_eq!(s.weeks().len(), 3);
        let i = calendar::week_index(IssueKey::new(2024, 39)).unwrap();
        assert_eq!(s.span(), i..i + 4);
        assert_eq!(
            s.values(s.span(), vulns),
            vec![Some(300), Some(500), Some(500), Some(200)]
        );
        let prev = s.previous_known(i + 3, vulns).unwrap();
        assert_eq!((prev.key.number, i + 3 - prev.end), (40, 1));
        assert_eq!(
            s.week_of(IssueKey::of(SeriesId::CNVD, 2024, 41))
                .map(|w| w.key.number),
            Some(40)
        );
        assert_eq!(s.between(i..i + 4).len(), 3);
    }

    #[test]
    fn a_decimal_figure_is_charted_in_units_of_its_decimals() {
        let score = SeriesId::CNVD.metric("avg_score").unwrap();
        let mut f = Figures::default();
        f.set(score, Value::parse("6.18"));
        let s = WeekSeries::build(&[IssueSummary::with_figures(
            IssueKey::of(SeriesId::CNVD, 2024, 17),
            f,
        )]);
        assert_eq!(s.values(s.span(), score), vec![Some(618)]);
        assert_eq!(from_chart_units(score, 618), Value::parse("6.18"));
    }

    fn cnvd(year: i32, number: u32, days: Option<(&str, &str)>, vulns: i64) -> IssueSummary {
        let metric = SeriesId::CNVD.metric("vulns").unwrap();
        let mut figures = Figures::default();
        figures.set_count(metric, Some(vulns));
        IssueSummary {
            period: days.map(|(start, end)| Period {
                start: start.parse().unwrap(),
                end: end.parse().unwrap(),
            }),
            ..IssueSummary::with_figures(IssueKey::of(SeriesId::CNVD, year, number), figures)
        }
    }

    #[test]
    fn the_nearest_issue_holds_the_week_else_is_the_closest_older_on_a_tie() {
        let s = WeekSeries::build(&[
            summary(2024, 10, Some(1)),
            summary(2024, 14, Some(2)),
            summary(2024, 20, Some(3)),
        ]);
        let at = |n| calendar::week_index(IssueKey::new(2024, n)).unwrap();
        let nearest = |n| s.nearest(at(n)).map(|w| w.key.number);
        assert_eq!(nearest(14), Some(14));
        assert_eq!(nearest(12), Some(10), "a tie goes to the older");
        assert_eq!(nearest(13), Some(14));
        assert_eq!(nearest(1), Some(10));
        assert_eq!(nearest(40), Some(20));
        assert_eq!(WeekSeries::build(&[]).nearest(at(1)), None);
    }

    #[test]
    fn a_series_not_numbered_by_week_is_placed_by_the_days_its_issues_state() {
        // CNVD漏洞周报 numbers 2023 by ISO week (第30期 is 7月24日-7月30日),
        // 2024 like the calendar: 39 weeks apart, where the numbers say 40.
        let s = WeekSeries::build(&[
            cnvd(2024, 17, Some(("2024-04-22", "2024-04-28")), 623),
            cnvd(2023, 31, None, 500),
            cnvd(2023, 30, Some(("2023-07-24", "2023-07-30")), 521),
        ]);
        let newer = IssueKey::of(SeriesId::CNVD, 2024, 17);
        let older = IssueKey::of(SeriesId::CNVD, 2023, 30);
        let (n, o) = (s.index_of(newer).unwrap(), s.index_of(older).unwrap());
        assert_eq!(n - o, 39);
        assert_eq!(
            Some(o),
            calendar::week_index_of_day("2023-07-24".parse().unwrap())
        );
        // An issue stating no days sits beside its older neighbour.
        assert_eq!(
            s.index_of(IssueKey::of(SeriesId::CNVD, 2023, 31)),
            Some(o + 1)
        );
        assert_eq!(s.key_at(o), Some(older));
        // Days a year off are a typo: the issue stays after its neighbour.
        let typo = WeekSeries::build(&[
            cnvd(2024, 18, Some(("2023-04-29", "2024-05-05")), 1),
            cnvd(2024, 17, Some(("2024-04-22", "2024-04-28")), 623),
        ]);
        assert_eq!(
            typo.index_of(IssueKey::of(SeriesId::CNVD, 2024, 18)),
            typo.index_of(newer).map(|i| i + 1)
        );
        assert_eq!(s.week_of(newer).map(|w| w.key), Some(newer));
        // 网络安全信息与动态周报 keeps its numbers' weeks.
        let c = WeekSeries::build(&[summary(2023, 30, Some(1))]);
        assert_eq!(
            c.index_of(IssueKey::new(2023, 30)),
            calendar::week_index(IssueKey::new(2023, 30))
        );
    }
}
