//! The weekly brief: one issue in about thirty lines for an analyst's
//! report, assembled here as plain data from the same comparisons `show`
//! and the detail pane read ([`IssueComparisons`]) and the same series
//! statistics ([`crate::trend::extremes`]); nothing is computed again.
//! What to call notable and which issue of the other series is the same
//! week are this module's choices; the words are [`render`]'s (Markdown or
//! plain text, for `zhoubao brief` and the TUI's overlay) and JSON is
//! `output/`'s.

pub mod render;

use chrono::NaiveDate;

use crate::model::{Assessment, IssueDetail, IssueKey, IssueSummary, Period, SeriesId};
use crate::series::Kind;
use crate::trend::compare::{Against, End, IssueComparisons, MetricComparison};
use crate::trend::extremes::{self, Extreme};
use crate::trend::WeekSeries;

/// A record is notable from this many known weeks in its run.
pub const NOTABLE_KNOWN_WEEKS: u32 = 8;
/// A change is notable from this share of its baseline, in percent.
pub const NOTABLE_PERCENT: f64 = 25.0;
/// The largest changes named at most.
pub const CHANGES_NAMED: usize = 2;

/// One issue, briefly.
#[derive(Debug, Clone, PartialEq)]
pub struct Brief {
    pub key: IssueKey,
    pub title: Option<String>,
    pub period: Option<Period>,
    pub published: Option<NaiveDate>,
    pub assessment: Option<Assessment>,
    pub cached: bool,
    pub flagged: bool,
    /// The reader's note, as typed.
    pub note: Option<String>,
    /// The issue's own address, else a copy's.
    pub url: Option<String>,
    /// Every figure compared, as `show` has them: the brief lists the
    /// series' headline figures ([`Brief::headline`]).
    pub comparisons: IssueComparisons,
    /// What stands out: records, then the largest changes.
    pub notable: Notable,
    /// The other series' issue of the same week, when it is cached.
    pub same_week: Option<SameWeek>,
}

/// What stands out this week.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notable {
    /// Headline figures that are the highest or lowest of a run of at
    /// least [`NOTABLE_KNOWN_WEEKS`] known weeks, the longest runs first.
    pub extremes: Vec<Extreme>,
    /// The largest changes against each figure's baseline, at least
    /// [`NOTABLE_PERCENT`], the largest first: at most [`CHANGES_NAMED`].
    pub changes: Vec<(crate::model::Metric, Against)>,
}

impl Notable {
    pub fn is_empty(&self) -> bool {
        self.extremes.is_empty() && self.changes.is_empty()
    }
}

/// Another series' issue of the same week, by its headline figures.
#[derive(Debug, Clone, PartialEq)]
pub struct SameWeek {
    pub key: IssueKey,
    pub title: Option<String>,
    pub period: Option<Period>,
    pub assessment: Option<Assessment>,
    pub figures: Vec<(crate::model::Metric, Option<crate::model::Value>)>,
}

impl Brief {
    /// The brief of `detail`, its figures compared with `weeks` (the
    /// weeks of its series, as `show` builds them); `others` are the
    /// issues of the other series, the same week's taken when cached.
    pub fn assemble(detail: &IssueDetail, weeks: &WeekSeries, others: &[IssueSummary]) -> Brief {
        Brief::assemble_within(detail, weeks, others, crate::trend::compare::MAX_GAP_WEEKS)
    }

    /// [`Brief::assemble`], headlining a change only against an issue at
    /// most `max_gap_weeks` back (the config's `[compare] max_gap_weeks`),
    /// as `show` and the detail pane do.
    pub fn assemble_within(
        detail: &IssueDetail,
        weeks: &WeekSeries,
        others: &[IssueSummary],
        max_gap_weeks: u32,
    ) -> Brief {
        let s = &detail.summary;
        let comparisons = IssueComparisons::compute_within(weeks, s.key, &s.figures, max_gap_weeks);
        let notable = notable(weeks, &comparisons);
        let url = detail
            .url
            .clone()
            .or_else(|| detail.aliases.iter().find_map(|a| a.url.clone()));
        Brief {
            key: s.key,
            title: s.title.clone(),
            period: s.period,
            published: s.published,
            assessment: s.assessment,
            cached: s.cached,
            flagged: s.flagged,
            note: s.note.clone(),
            url,
            comparisons,
            notable,
            same_week: same_week(s, others).map(|o| SameWeek {
                key: o.key,
                title: o.title.clone(),
                period: o.period,
                assessment: o.assessment,
                figures: o
                    .key
                    .series
                    .headline()
                    .iter()
                    .map(|m| (*m, o.figures.get(*m)))
                    .collect(),
            }),
        }
    }

    /// The comparisons of the series' headline figures, in their order.
    pub fn headline(&self) -> impl Iterator<Item = &MetricComparison> {
        self.comparisons
            .metrics
            .iter()
            .filter(|c| c.metric.is_headline())
    }

    /// Whether the brief has figures to list: a cached issue always (its
    /// unknown ones say so), one known only by reference when it has some.
    pub fn has_figures(&self) -> bool {
        self.cached || self.headline().any(|c| c.value.is_some())
    }
}

/// The records and the largest changes of the headline figures.
fn notable(weeks: &WeekSeries, c: &IssueComparisons) -> Notable {
    let mut extremes: Vec<Extreme> = Vec::new();
    for m in c.metrics.iter().filter(|m| m.metric.is_headline()) {
        let Some(now) = m.value else { continue };
        let Some((high, low)) = extremes::runs(weeks, c.key, m.metric, now) else {
            continue;
        };
        // A flat figure can lead both ways; the longer run says more.
        let best = if high.known >= low.known { high } else { low };
        if best.known >= NOTABLE_KNOWN_WEEKS {
            extremes.push(best);
        }
    }
    extremes.sort_by_key(|e| std::cmp::Reverse((e.known, e.end == End::Highest)));
    let mut changes: Vec<(crate::model::Metric, Against)> = c
        .metrics
        .iter()
        .filter(|m| m.metric.is_headline() && m.metric.kind() != Kind::Share)
        .filter_map(|m| Some((m.metric, m.previous?)))
        .filter(|(_, a)| a.percent.is_some_and(|p| p.abs() >= NOTABLE_PERCENT))
        .collect();
    changes.sort_by(|a, b| {
        let size = |x: &(crate::model::Metric, Against)| x.1.percent.unwrap_or(0.0).abs();
        size(b).total_cmp(&size(a))
    });
    changes.truncate(CHANGES_NAMED);
    Notable { extremes, changes }
}

/// Days two periods share.
fn overlap(a: Period, b: Period) -> i64 {
    let (start, end) = (a.start.max(b.start), a.end.min(b.end));
    (end - start).num_days() + 1
}

/// The cached issue of another series that covers `this` issue's week:
/// the one whose period overlaps it most (the series number their weeks
/// apart at times: CNVD漏洞周报's 2025 第5期 covers two weeks, so its
/// later numbers run a week behind), else, without periods to compare,
/// the issue of the same key.
pub fn same_week<'a>(this: &IssueSummary, others: &'a [IssueSummary]) -> Option<&'a IssueSummary> {
    let cached = others
        .iter()
        .filter(|o| o.cached && o.key.series != this.key.series);
    match this.period {
        Some(p) => {
            let by_period = cached
                .clone()
                .filter_map(|o| Some((overlap(p, o.period?), o)))
                .filter(|(days, _)| *days > 0)
                // The most days shared; on a tie the same number.
                .max_by_key(|(days, o)| (*days, o.key.number == this.key.number));
            by_period.map(|(_, o)| o).or_else(|| {
                cached
                    .clone()
                    .find(|o| o.key.week() == this.key.week() && o.period.is_none())
            })
        }
        None => cached.clone().find(|o| o.key.week() == this.key.week()),
    }
}

/// The series a brief of `series` looks to for the same week.
pub fn other_series(series: SeriesId) -> Vec<SeriesId> {
    SeriesId::all().filter(|s| *s != series).collect()
}

#[cfg(test)]
mod tests;
