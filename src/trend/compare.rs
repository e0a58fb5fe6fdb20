//! How each figure of an issue compares with earlier weeks, computed once
//! from the [`WeekSeries`]: against the last earlier issue that has the
//! figure, the mean of the four calendar weeks before, the same issue a
//! year earlier, and its rank in the last 52 weeks. Pure data: the CLI and
//! the TUI both render it through [`super::describe`], so they cannot
//! disagree.

mod against;
mod rank;

pub use against::{Against, AgainstMean, Direction, Source, Stated};
pub use rank::{End, Rank};

use crate::calendar;
use crate::model::{Figures, IssueKey, Metric, Value};

use super::series::WeekSeries;
use against::percent;

/// The mean is of the known weeks among this many calendar weeks before.
pub const MEAN_WEEKS: u32 = 4;
/// Fewer known weeks than this make no mean worth showing: the mean of one
/// week is that week, and would repeat the change against it.
pub const MIN_MEAN_WEEKS: u32 = 2;
/// The rank is among the known weeks of this many calendar weeks, this
/// one included.
pub const RANK_WEEKS: u32 = 52;
/// A change is headlined only against an issue at most this many calendar
/// weeks back (config `[compare] max_gap_weeks`); an older one is kept
/// apart as [`MetricComparison::last_known`].
pub const MAX_GAP_WEEKS: u32 = 4;

/// One figure of the issue and everything it is compared with. When the
/// issue does not have the figure (`value` is None), every comparison is
/// None too: there is nothing to compare.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MetricComparison {
    pub metric: Metric,
    pub value: Option<Value>,
    /// The week before's own figure, else what the issue says of it, else
    /// the last earlier issue that has the figure, at most
    /// [`IssueComparisons::max_gap_weeks`] back: what the change is
    /// headlined against.
    pub previous: Option<Against>,
    /// The last earlier issue that has the figure when it is further back
    /// than the gap (its `weeks_before` says how far): the previous week
    /// is not known, and this is only shown apart, never headlined.
    pub last_known: Option<Against>,
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
    /// How many calendar weeks back a change is still headlined.
    pub max_gap_weeks: u32,
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
        IssueComparisons::compute_within(series, key, figures, MAX_GAP_WEEKS)
    }

    /// [`IssueComparisons::compute`], headlining a change only against an
    /// issue at most `max_gap_weeks` calendar weeks back (at least 1).
    pub fn compute_within(
        series: &WeekSeries,
        key: IssueKey,
        figures: &Figures,
        max_gap_weeks: u32,
    ) -> Self {
        let max_gap_weeks = max_gap_weeks.max(1);
        let index = series.index_of(key);
        let metrics = listed(key, figures)
            .into_iter()
            .map(|m| match (index, figures.get(m)) {
                (Some(i), Some(v)) => {
                    let mut c = compare(series, key, i, m, v, figures);
                    if let Some(p) = c
                        .previous
                        .filter(|p| p.weeks_before > i64::from(max_gap_weeks))
                    {
                        c.previous = None;
                        c.last_known = Some(p);
                    }
                    c
                }
                (_, value) => MetricComparison {
                    metric: m,
                    value,
                    previous: None,
                    last_known: None,
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
            max_gap_weeks,
        }
    }

    /// Whether some figure's previous week is not known within the gap,
    /// though an older issue has it: what a heading then says.
    pub fn beyond_gap(&self) -> bool {
        self.metrics.iter().any(|c| c.last_known.is_some())
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

    // The mean is over issues, each once; how many of the weeks are known
    // counts the weeks they cover (a double issue covers two).
    let start = index - i64::from(MEAN_WEEKS);
    let window: Vec<(f64, i64)> = series
        .overlapping(start..index)
        .iter()
        .filter_map(|w| {
            let covered = w.end.min(index - 1) - w.index.max(start) + 1;
            Some((w.figures.get(metric)?.to_f64(), covered))
        })
        .collect();
    let mean = (!window.is_empty()).then(|| {
        let weeks_known = u32::try_from(window.iter().map(|(_, c)| c).sum::<i64>())
            .unwrap_or(MEAN_WEEKS)
            .min(MEAN_WEEKS);
        let mean = window.iter().map(|(v, _)| v).sum::<f64>() / window.len() as f64;
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
        last_known: None,
        stated,
        mean,
        year_earlier_key,
        year_earlier,
        rank,
    }
}

#[cfg(test)]
mod tests;
