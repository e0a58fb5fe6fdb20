//! How each figure of an issue compares with earlier weeks, computed once
//! from the [`WeekSeries`]: against the last earlier issue that has the
//! figure, the mean of the four calendar weeks before, the same issue a
//! year earlier, and its rank in the last 52 weeks. Pure data: the CLI and
//! the TUI both render it through [`super::describe`], so they cannot
//! disagree.

use crate::calendar;
use crate::model::{Figures, IssueKey, Metric, Value};

use super::series::WeekSeries;

/// The mean is of the known weeks among this many calendar weeks before.
pub const MEAN_WEEKS: u32 = 4;
/// The rank is among the known weeks of this many calendar weeks, this
/// one included.
pub const RANK_WEEKS: u32 = 52;

/// Which way a figure moved against what it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rise,
    Fall,
    Flat,
}

impl Direction {
    fn of(difference: f64) -> Self {
        if difference > 0.0 {
            Direction::Rise
        } else if difference < 0.0 {
            Direction::Fall
        } else {
            Direction::Flat
        }
    }
}

/// `100 × (now − base) / base`; None when `base` is 0: a percentage of
/// nothing is meaningless, so the text says "new" (0 → n) or "±0" (0 → 0)
/// instead, and JSON gives `null`.
fn percent(difference: f64, base: f64) -> Option<f64> {
    (base != 0.0).then(|| difference / base * 100.0)
}

/// Where a value compared with comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// That issue's own figure.
    Own,
    /// What this issue says of the week before (`与上周（19674个）`),
    /// because the cache does not know that week's own figure.
    Stated,
}

/// This week's value against one earlier week's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Against {
    pub key: IssueKey,
    pub value: Value,
    /// Calendar weeks from that issue to this one (1 = the week before).
    pub weeks_before: i64,
    /// This week's value minus `value`, exact; None when it does not fit.
    pub change: Option<Value>,
    pub percent: Option<f64>,
    pub source: Source,
}

impl Against {
    fn new(key: IssueKey, value: Value, weeks_before: i64, now: Value) -> Self {
        let change = now.checked_sub(value);
        Against {
            key,
            value,
            weeks_before,
            change,
            percent: percent(now.to_f64() - value.to_f64(), value.to_f64()),
            source: Source::Own,
        }
    }

    /// The previous calendar week (2025-1 after 2024-52, 2024-1 after 2023-53).
    pub fn adjacent(&self) -> bool {
        self.weeks_before == 1
    }

    pub fn direction(&self) -> Direction {
        match self.change {
            Some(c) => Direction::of(c.signum() as f64),
            None => Direction::Flat,
        }
    }
}

/// This week's value against the mean of the known weeks among the
/// [`MEAN_WEEKS`] calendar weeks before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AgainstMean {
    pub mean: f64,
    /// How many of the [`MEAN_WEEKS`] weeks have the figure (1 to 4).
    pub weeks_known: u32,
    /// This week's value minus `mean`.
    pub difference: f64,
    pub percent: Option<f64>,
}

impl AgainstMean {
    pub fn direction(&self) -> Direction {
        Direction::of(self.difference)
    }
}

/// Which end of the ranking this week is nearer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Highest,
    Lowest,
}

/// This week's place among the known weeks of the last [`RANK_WEEKS`]
/// calendar weeks (this one included), counted from the nearer end: 1 is
/// the highest (or lowest). Weeks with an equal value share a place, the
/// way sports tables count ties: two joint highest, then 3rd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rank {
    pub position: u32,
    /// Known weeks in the window, this one included.
    pub of: u32,
    pub end: End,
    /// Known weeks with this week's value, this one included.
    pub tied: u32,
}

impl Rank {
    /// Every week of the window is known.
    pub fn complete(&self) -> bool {
        self.of == RANK_WEEKS
    }

    pub fn joint(&self) -> bool {
        self.tied > 1
    }

    /// Every known week of the window has this value (at least two weeks).
    pub fn all_equal(&self) -> bool {
        self.of > 1 && self.tied == self.of
    }

    fn among(now: Value, others: impl Iterator<Item = Value>) -> Rank {
        let (mut higher, mut lower, mut tied) = (0u32, 0u32, 1u32);
        for v in others {
            match v.cmp(&now) {
                std::cmp::Ordering::Greater => higher += 1,
                std::cmp::Ordering::Less => lower += 1,
                std::cmp::Ordering::Equal => tied += 1,
            }
        }
        let of = higher + lower + tied;
        // A week exactly in the middle is told from the top.
        if higher <= lower {
            Rank {
                position: higher + 1,
                of,
                end: End::Highest,
                tied,
            }
        } else {
            Rank {
                position: lower + 1,
                of,
                end: End::Lowest,
                tied,
            }
        }
    }
}

/// What an issue says of the week before's figure, and that week's own
/// figure when the cache knows it (what an issue says of itself wins: the
/// comparison is with the own one, and this tells the two apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    /// The week before.
    pub key: IssueKey,
    pub value: Value,
    pub own: Option<Value>,
}

impl Stated {
    /// The week's own figure is known and says otherwise.
    pub fn disagrees(&self) -> bool {
        self.own.is_some_and(|own| own != self.value)
    }
}

/// One figure of the issue and everything it is compared with. When the
/// issue does not have the figure (`value` is None), every comparison is
/// None too: there is nothing to compare.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricComparison {
    pub metric: Metric,
    pub value: Option<Value>,
    /// The week before's own figure, else what the issue says of it, else
    /// the last earlier issue that has the figure, however far back.
    pub previous: Option<Against>,
    /// What the issue says of the week before, when it says so.
    pub stated: Option<Stated>,
    /// None when none of the four weeks before has the figure.
    pub mean: Option<AgainstMean>,
    /// The same issue number a year earlier ([`calendar::year_earlier`]);
    /// None when the earlier year has no such week (a 53rd week).
    pub year_earlier_key: Option<IssueKey>,
    /// Set when `year_earlier_key`'s issue has the figure.
    pub year_earlier: Option<Against>,
    pub rank: Option<Rank>,
}

/// Every figure of one issue, compared.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueComparisons {
    pub key: IssueKey,
    /// False for a key the calendar has no week for (第53期 of a 52-week
    /// year): no week to compare from, so every comparison is None.
    pub on_calendar: bool,
    /// The series' headline figures, then every other figure the issue
    /// has, in declaration order (a figure that states last week's value
    /// of another is that one's [`MetricComparison::stated`] instead).
    pub metrics: Vec<MetricComparison>,
}

/// The figures [`IssueComparisons`] lists for an issue with `figures`.
pub fn listed(key: IssueKey, figures: &Figures) -> Vec<Metric> {
    let series = key.series;
    let stated_elsewhere = |m: Metric| m.info().declared.is_some_and(|d| d.previous_of.is_some());
    let mut out: Vec<Metric> = series.headline().to_vec();
    out.extend(
        figures
            .iter()
            .map(|(m, _)| m)
            .filter(|m| !m.is_headline() && !stated_elsewhere(*m)),
    );
    out
}

impl IssueComparisons {
    /// Compares `figures` (issue `key`'s own) with the earlier weeks of
    /// `series` (the weeks of `key`'s series). Only weeks before `key` are
    /// read, plus `figures` itself for the rank, so `series` may or may
    /// not hold `key`.
    pub fn compute(series: &WeekSeries, key: IssueKey, figures: &Figures) -> Self {
        let index = calendar::week_index(key);
        let metrics = listed(key, figures)
            .into_iter()
            .map(|m| match (index, figures.get(m)) {
                (Some(i), Some(v)) => compare(series, key, i, m, v, figures),
                (_, value) => MetricComparison {
                    metric: m,
                    value,
                    previous: None,
                    stated: None,
                    mean: None,
                    year_earlier_key: None,
                    year_earlier: None,
                    rank: None,
                },
            })
            .collect();
        IssueComparisons {
            key,
            on_calendar: index.is_some(),
            metrics,
        }
    }

    pub fn get(&self, metric: Metric) -> Option<&MetricComparison> {
        self.metrics.iter().find(|c| c.metric == metric)
    }

    /// The earlier issue most figures are compared with (the newer one on a
    /// tie), and how many weeks before it is: what a heading names, so rows
    /// need to name their issue only when it is another one.
    pub fn main_previous(&self) -> Option<(IssueKey, i64)> {
        let mut counts: Vec<((IssueKey, i64), usize)> = Vec::new();
        for p in self.metrics.iter().filter_map(|c| c.previous) {
            match counts.iter_mut().find(|(k, _)| k.0 == p.key) {
                Some((_, n)) => *n += 1,
                None => counts.push(((p.key, p.weeks_before), 1)),
            }
        }
        counts
            .into_iter()
            .max_by_key(|&((key, _), n)| (n, key))
            .map(|(k, _)| k)
    }
}

fn compare(
    series: &WeekSeries,
    key: IssueKey,
    index: i64,
    metric: Metric,
    now: Value,
    figures: &Figures,
) -> MetricComparison {
    let own_previous = series.previous_known(index, metric).and_then(|w| {
        Some(Against::new(
            w.key,
            w.figures.get(metric)?,
            index - w.end,
            now,
        ))
    });
    let stated = key.series.previous_of(metric).and_then(|p| {
        let value = figures.get(p)?;
        let before = calendar::key_at(index - 1)?.in_series(key.series);
        let own = series.get(index - 1).and_then(|w| w.figures.get(metric));
        Some(Stated {
            key: series.get(index - 1).map_or(before, |w| w.key),
            value,
            own,
        })
    });
    // The week before's own figure first; what the issue says of it when
    // the cache does not know it; else the last week that has the figure.
    let previous = match (own_previous, stated) {
        (Some(p), _) if p.adjacent() => Some(p),
        (_, Some(s)) if s.own.is_none() => Some(Against {
            source: Source::Stated,
            ..Against::new(s.key, s.value, 1, now)
        }),
        (p, _) => p,
    };

    let window: Vec<f64> = series
        .between(index - i64::from(MEAN_WEEKS)..index)
        .iter()
        .filter_map(|w| w.figures.get(metric))
        .map(Value::to_f64)
        .collect();
    let mean = (!window.is_empty()).then(|| {
        let weeks_known = window.len() as u32;
        let mean = window.iter().sum::<f64>() / f64::from(weeks_known);
        let difference = now.to_f64() - mean;
        AgainstMean {
            mean,
            weeks_known,
            difference,
            percent: percent(difference, mean),
        }
    });

    let year_earlier_key = calendar::year_earlier(key);
    let year_earlier = year_earlier_key.and_then(|k| {
        let w = series.week_of(k)?;
        Some(Against::new(
            w.key,
            w.figures.get(metric)?,
            index - w.end,
            now,
        ))
    });

    let earlier = series
        .between(index - i64::from(RANK_WEEKS) + 1..index)
        .iter()
        .filter_map(|w| w.figures.get(metric));
    let rank = Some(Rank::among(now, earlier));

    MetricComparison {
        metric,
        value: Some(now),
        previous,
        stated,
        mean,
        year_earlier_key,
        year_earlier,
        rank,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{IssueSummary, SeriesId};

    fn key(y: i32, n: u32) -> IssueKey {
        IssueKey::new(y, n)
    }

    fn m(id: &str) -> Metric {
        crate::model::SeriesId::CNCERT.metric(id).unwrap()
    }

    fn v(n: i64) -> Value {
        Value::count(n)
    }

    /// An issue with only 处理事件 (`events`) and 恶意URL (`urls`) known.
    fn issue(y: i32, n: u32, events: Option<i64>, urls: Option<i64>) -> IssueSummary {
        let mut figures = Figures::default();
        figures.set_count(m("events_handled"), events);
        figures.set_count(m("malicious_urls"), urls);
        IssueSummary::with_figures(key(y, n), figures)
    }

    fn events(y: i32, n: u32, v: i64) -> IssueSummary {
        issue(y, n, Some(v), None)
    }

    /// Compares the series' own issue `(y, n)`.
    fn compare_in(series: &[IssueSummary], y: i32, n: u32) -> IssueComparisons {
        let s = WeekSeries::build(series);
        let figures = series
            .iter()
            .find(|i| i.key == key(y, n))
            .map(|i| i.figures.clone())
            .unwrap_or_default();
        IssueComparisons::compute(&s, key(y, n), &figures)
    }

    fn ev(c: &IssueComparisons) -> MetricComparison {
        *c.get(m("events_handled")).unwrap()
    }

    #[test]
    fn a_missing_adjacent_week_compares_with_the_last_known_and_names_how_far() {
        // 2025-4 … 2025-6 unknown, as in the real archive.
        let c = ev(&compare_in(
            &[events(2025, 3, 657), events(2025, 7, 160)],
            2025,
            7,
        ));
        let p = c.previous.unwrap();
        assert_eq!(
            (p.key, p.value, p.change),
            (key(2025, 3), v(657), Some(v(-497)))
        );
        assert_eq!(p.weeks_before, 4);
        assert!(!p.adjacent());
        assert!((p.percent.unwrap() - (-75.647)).abs() < 0.001);
        assert_eq!(p.direction(), Direction::Fall);
    }

    #[test]
    fn the_previous_comparison_skips_weeks_that_lack_the_figure() {
        // 2024-40 has no 恶意URL clause: 2024-41 compares it with 2024-39.
        let c = compare_in(
            &[
                issue(2024, 39, Some(742), Some(7)),
                issue(2024, 40, Some(73), None),
                issue(2024, 41, Some(271), Some(15)),
            ],
            2024,
            41,
        );
        assert_eq!(ev(&c).previous.unwrap().key, key(2024, 40));
        let urls = c.get(m("malicious_urls")).unwrap().previous.unwrap();
        assert_eq!(
            (urls.key, urls.change, urls.weeks_before),
            (key(2024, 39), Some(v(8)), 2)
        );
        assert_eq!(c.main_previous(), Some((key(2024, 40), 1)));
    }

    #[test]
    fn the_mean_uses_the_known_weeks_of_the_four_and_counts_them() {
        let c = ev(&compare_in(
            &[
                events(2024, 10, 1000), // five weeks before: outside the mean
                events(2024, 12, 100),
                events(2024, 14, 300),
                events(2024, 15, 250),
            ],
            2024,
            15,
        ));
        let m = c.mean.unwrap();
        assert_eq!(m.weeks_known, 2);
        assert_eq!(m.mean, 200.0);
        assert_eq!(m.difference, 50.0);
        assert_eq!(m.percent, Some(25.0));
        assert_eq!(m.direction(), Direction::Rise);

        let four = ev(&compare_in(
            &[
                events(2024, 1, 10),
                events(2024, 2, 20),
                events(2024, 3, 30),
                events(2024, 4, 41),
                events(2024, 5, 20),
            ],
            2024,
            5,
        ));
        let m = four.mean.unwrap();
        assert_eq!((m.weeks_known, m.mean), (4, 25.25));
    }

    #[test]
    fn no_known_week_among_the_four_gives_no_mean() {
        let c = ev(&compare_in(
            &[events(2024, 10, 5), events(2024, 15, 6)],
            2024,
            15,
        ));
        assert!(c.mean.is_none());
        assert_eq!(c.previous.unwrap().key, key(2024, 10));
    }

    #[test]
    fn weeks_run_on_across_the_new_year() {
        let c = ev(&compare_in(
            &[
                events(2024, 50, 400),
                events(2024, 51, 476),
                events(2024, 52, 300),
                events(2025, 1, 67),
            ],
            2025,
            1,
        ));
        let p = c.previous.unwrap();
        assert_eq!((p.key, p.weeks_before), (key(2024, 52), 1));
        assert!(p.adjacent());
        let m = c.mean.unwrap();
        assert_eq!(m.weeks_known, 3);
        assert_eq!(m.mean, (400.0 + 476.0 + 300.0) / 3.0);
        assert_eq!(c.year_earlier_key, Some(key(2024, 1)));
    }

    #[test]
    fn a_53rd_week_is_adjacent_to_the_next_years_first_and_has_no_year_earlier() {
        let series = [
            events(2023, 1, 704),
            events(2023, 52, 90),
            events(2023, 53, 80),
            events(2024, 1, 120),
        ];
        let first = ev(&compare_in(&series, 2024, 1));
        let p = first.previous.unwrap();
        assert_eq!((p.key, p.weeks_before), (key(2023, 53), 1));
        // 2024-1's year-earlier is 2023-1, 53 weeks before it.
        let y = first.year_earlier.unwrap();
        assert_eq!((y.key, y.value, y.weeks_before), (key(2023, 1), v(704), 53));
        assert_eq!(y.change, Some(v(120 - 704)));

        let last = ev(&compare_in(&series, 2023, 53));
        assert_eq!(last.previous.unwrap().key, key(2023, 52));
        assert_eq!(last.year_earlier_key, None);
        assert_eq!(last.year_earlier, None);
    }

    #[test]
    fn a_year_earlier_week_the_cache_does_not_know_is_named_but_absent() {
        let c = ev(&compare_in(&[events(2025, 7, 160)], 2025, 7));
        assert_eq!(c.year_earlier_key, Some(key(2024, 7)));
        assert_eq!(c.year_earlier, None);
    }

    #[test]
    fn a_zero_previous_value_gives_a_change_but_no_percentage() {
        let c = ev(&compare_in(
            &[events(2024, 1, 0), events(2024, 2, 5)],
            2024,
            2,
        ));
        let p = c.previous.unwrap();
        assert_eq!((p.change, p.percent), (Some(v(5)), None));
        assert_eq!(p.direction(), Direction::Rise);
        assert_eq!(c.mean.unwrap().percent, None);

        let flat = ev(&compare_in(
            &[events(2024, 1, 0), events(2024, 2, 0)],
            2024,
            2,
        ));
        let p = flat.previous.unwrap();
        assert_eq!(
            (p.change, p.percent, p.direction()),
            (Some(v(0)), None, Direction::Flat)
        );
    }

    #[test]
    fn rank_counts_from_the_nearer_end_among_the_known_weeks_of_52() {
        let mut series: Vec<IssueSummary> =
            (1..=52).map(|n| events(2024, n, i64::from(n))).collect();
        let top = ev(&compare_in(&series, 2024, 52)).rank.unwrap();
        assert_eq!((top.position, top.of, top.end), (1, 52, End::Highest));
        assert!(top.complete() && !top.joint());

        // 2025-3: the window is 2024-4 … 2025-3, so 2024-1 … 2024-3 drop out.
        series.push(events(2025, 3, 3));
        let low = ev(&compare_in(&series, 2025, 3)).rank.unwrap();
        assert_eq!((low.position, low.of, low.end), (1, 50, End::Lowest));
        assert!(!low.complete());

        let sparse = [
            events(2024, 10, 5),
            events(2024, 11, 1),
            events(2024, 12, 9),
            events(2024, 13, 7),
            events(2024, 14, 2),
        ];
        let third = ev(&compare_in(&sparse, 2024, 14)).rank.unwrap();
        assert_eq!((third.position, third.of, third.end), (2, 5, End::Lowest));
        // The window holds no week before 2024-10: it is the only one.
        let only = ev(&compare_in(&sparse, 2024, 10)).rank.unwrap();
        assert_eq!((only.position, only.of, only.end), (1, 1, End::Highest));
    }

    #[test]
    fn equal_values_share_a_rank() {
        let series = [
            events(2024, 1, 9),
            events(2024, 2, 9),
            events(2024, 3, 4),
            events(2024, 4, 9),
        ];
        let r = ev(&compare_in(&series, 2024, 4)).rank.unwrap();
        assert_eq!((r.position, r.of, r.end, r.tied), (1, 4, End::Highest, 3));
        assert!(r.joint() && !r.all_equal());

        let same = [events(2024, 1, 3), events(2024, 2, 3), events(2024, 3, 3)];
        let r = ev(&compare_in(&same, 2024, 3)).rank.unwrap();
        assert!(r.all_equal());

        // 8 8 5 5 5 1: a 5 is joint 2nd lowest (1 below it), not 3rd.
        let tied_middle = [
            events(2024, 1, 8),
            events(2024, 2, 8),
            events(2024, 3, 5),
            events(2024, 4, 5),
            events(2024, 5, 1),
            events(2024, 6, 5),
        ];
        let r = ev(&compare_in(&tied_middle, 2024, 6)).rank.unwrap();
        assert_eq!((r.position, r.end, r.tied), (2, End::Lowest, 3));
    }

    #[test]
    fn the_first_issue_ever_has_nothing_to_compare_but_its_own_rank() {
        let c = ev(&compare_in(&[events(2022, 41, 443)], 2022, 41));
        assert_eq!(c.value, Some(v(443)));
        assert!(c.previous.is_none() && c.mean.is_none() && c.year_earlier.is_none());
        assert_eq!(c.rank.unwrap().of, 1);
        assert_eq!(
            compare_in(&[events(2022, 41, 443)], 2022, 41).main_previous(),
            None
        );
    }

    #[test]
    fn an_unknown_figure_this_week_is_compared_with_nothing() {
        let c = compare_in(
            &[
                issue(2024, 39, Some(1), Some(7)),
                issue(2024, 40, Some(2), None),
            ],
            2024,
            40,
        );
        let urls = c.get(m("malicious_urls")).unwrap();
        assert_eq!(urls.value, None);
        assert!(urls.previous.is_none() && urls.mean.is_none() && urls.rank.is_none());
        assert!(urls.year_earlier_key.is_none());
    }

    #[test]
    fn a_key_off_the_calendar_is_compared_with_nothing() {
        let s = WeekSeries::build(&[events(2024, 52, 5)]);
        let c = IssueComparisons::compute(
            &s,
            key(2024, 53),
            &[(m("events_handled"), v(9))].into_iter().collect(),
        );
        assert!(!c.on_calendar);
        assert_eq!(ev(&c).value, Some(v(9)));
        assert!(ev(&c).previous.is_none() && ev(&c).rank.is_none());
    }

    #[test]
    fn the_main_previous_issue_is_the_most_common_then_the_newest() {
        let c = compare_in(
            &[
                issue(2024, 1, Some(1), None),
                issue(2024, 2, None, Some(1)),
                issue(2024, 3, Some(2), Some(2)),
            ],
            2024,
            3,
        );
        assert_eq!(c.main_previous(), Some((key(2024, 2), 1)));
    }

    #[test]
    fn the_series_own_row_for_this_week_is_not_compared_with_itself() {
        // The series holds 2024-5 with other figures: only `figures` counts.
        let s = WeekSeries::build(&[events(2024, 4, 10), events(2024, 5, 999)]);
        let f: Figures = [(m("events_handled"), v(20))].into_iter().collect();
        let c = IssueComparisons::compute(&s, key(2024, 5), &f);
        let r = ev(&c).rank.unwrap();
        assert_eq!((r.position, r.of, r.end), (1, 2, End::Highest));
        assert_eq!(ev(&c).previous.unwrap().change, Some(v(10)));
    }

    fn cnvd(n: u32, gov: Option<i64>, stated: Option<i64>) -> IssueSummary {
        let s = SeriesId::CNVD;
        let mut f = Figures::default();
        f.set_count(s.metric("gov_vulns").unwrap(), gov);
        f.set_count(s.metric("gov_vulns_last_week").unwrap(), stated);
        IssueSummary::with_figures(IssueKey::of(s, 2025, n), f)
    }

    fn gov(c: &IssueComparisons) -> MetricComparison {
        *c.get(SeriesId::CNVD.metric("gov_vulns").unwrap()).unwrap()
    }

    fn compare_cnvd(series: &[IssueSummary], n: u32) -> IssueComparisons {
        let s = WeekSeries::build(series);
        let this = series.iter().find(|i| i.key.number == n).unwrap();
        IssueComparisons::compute(&s, this.key, &this.figures)
    }

    #[test]
    fn what_an_issue_says_of_last_week_is_the_baseline_when_that_week_is_unknown() {
        // 2025-6 says last week had 437; 2025-5 is not cached, 2025-4 is.
        let c = gov(&compare_cnvd(
            &[cnvd(4, Some(6125), None), cnvd(6, Some(1092), Some(437))],
            6,
        ));
        let p = c.previous.unwrap();
        assert_eq!(
            (p.source, p.value, p.weeks_before),
            (Source::Stated, v(437), 1)
        );
        assert_eq!(p.key, IssueKey::of(SeriesId::CNVD, 2025, 5));
        assert_eq!(p.change, Some(v(1092 - 437)));
        assert!(!c.stated.unwrap().disagrees());
    }

    #[test]
    fn a_known_last_week_wins_over_what_the_issue_says_of_it_and_both_are_kept() {
        // 2025-5 itself says 415; 2025-6 says 437 of it.
        let c = gov(&compare_cnvd(
            &[cnvd(5, Some(415), None), cnvd(6, Some(1092), Some(437))],
            6,
        ));
        let p = c.previous.unwrap();
        assert_eq!((p.source, p.value), (Source::Own, v(415)));
        let stated = c.stated.unwrap();
        assert_eq!((stated.value, stated.own), (v(437), Some(v(415))));
        assert!(stated.disagrees());
        // The stated figure is no row of its own.
        let listed = compare_cnvd(&[cnvd(6, Some(1092), Some(437))], 6);
        assert!(listed
            .metrics
            .iter()
            .all(|m| m.metric.id() != "gov_vulns_last_week"));
    }

    #[test]
    fn decimal_figures_compare_exactly() {
        let s = SeriesId::CNVD;
        let score = s.metric("avg_score").unwrap();
        let week = |n: u32, x: &str| {
            let mut f = Figures::default();
            f.set(score, Value::parse(x));
            IssueSummary::with_figures(IssueKey::of(s, 2024, n), f)
        };
        let c = compare_cnvd(&[week(16, "6.60"), week(17, "6.18")], 17);
        let p = c.get(score).unwrap().previous.unwrap();
        assert_eq!(p.change.unwrap().to_string(), "-0.42");
        assert_eq!(p.direction(), Direction::Fall);
    }
}
