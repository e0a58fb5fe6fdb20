//! The chart pane: one sparkline per weekly figure over the series, oldest
//! left, with missing weeks drawn as gaps (never as zero bars), the selected
//! week highlighted and the latest value, minimum and maximum beside it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Sparkline, SparklineBar, Widget};

use super::theme;
use super::wrap::{fit, fit_right, truncate, width};
use crate::model::{IssueKey, IssueSummary, Metric};

/// Drawn for a week whose figure is unknown or whose issue is missing.
pub const ABSENT_SYMBOL: &str = "·";

/// Under the selected week, in the pane's bottom border.
pub const SELECTED_MARK: &str = "▲";

/// Longest run of missing numbers filled with gap slots; a larger jump is
/// more likely a bad number than missing weeks.
const MAX_FILLED_GAP: u32 = 60;

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub metric: Metric,
    /// One value per slot; None is a gap.
    pub values: Vec<Option<u64>>,
    pub latest: Option<u64>,
    pub min: Option<u64>,
    pub max: Option<u64>,
}

/// All series, computed once when the summaries are loaded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Charts {
    /// Oldest first, including missing numbers between known issues of a year.
    pub slots: Vec<IssueKey>,
    pub series: Vec<Series>,
}

impl Charts {
    /// `summaries` in any order.
    pub fn build(summaries: &[IssueSummary]) -> Self {
        let mut known: Vec<&IssueSummary> = summaries.iter().collect();
        known.sort_by_key(|s| s.key);
        known.dedup_by_key(|s| s.key);
        let mut slots = Vec::with_capacity(known.len());
        let mut rows: Vec<Option<&IssueSummary>> = Vec::with_capacity(known.len());
        for s in known {
            if let Some(prev) = slots.last().copied() {
                let IssueKey { year, number } = prev;
                let jump = s.key.number.saturating_sub(number);
                if s.key.year == year && jump > 1 && jump <= MAX_FILLED_GAP {
                    for n in number + 1..s.key.number {
                        slots.push(IssueKey::new(year, n));
                        rows.push(None);
                    }
                }
            }
            slots.push(s.key);
            rows.push(Some(s));
        }
        let series = Metric::ALL
            .iter()
            .map(|&metric| {
                let values: Vec<Option<u64>> = rows
                    .iter()
                    .map(|r| {
                        r.and_then(|s| s.figures.get(metric))
                            .and_then(|v| u64::try_from(v).ok())
                    })
                    .collect();
                let known = values.iter().flatten().copied();
                Series {
                    metric,
                    latest: values.iter().rev().flatten().next().copied(),
                    min: known.clone().min(),
                    max: known.max(),
                    values,
                }
            })
            .collect();
        Charts { slots, series }
    }

    pub fn slot_of(&self, key: IssueKey) -> Option<usize> {
        self.slots.binary_search(&key).ok()
    }

    /// The slots shown in `cells` columns: all of them if they fit, else a
    /// window that keeps the selected week about three quarters along.
    pub fn window(&self, selected: Option<usize>, cells: usize) -> std::ops::Range<usize> {
        let n = self.slots.len();
        if n <= cells {
            return 0..n;
        }
        let sel = selected.unwrap_or(n - 1);
        let start = sel.saturating_sub(cells * 3 / 4).min(n - cells);
        start..start + cells
    }
}

fn show(v: Option<u64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| v.to_string())
}

/// `latest  min N  max N`, numbers right-aligned across all series.
fn stats_lines(series: &[Series]) -> Vec<String> {
    let cells = |f: fn(&Series) -> Option<u64>| {
        series.iter().map(|s| width(&show(f(s)))).max().unwrap_or(1)
    };
    let (wl, wn, wx) = (cells(|s| s.latest), cells(|s| s.min), cells(|s| s.max));
    series
        .iter()
        .map(|s| {
            format!(
                "latest {}  min {}  max {}",
                fit_right(&show(s.latest), wl),
                fit_right(&show(s.min), wn),
                fit_right(&show(s.max), wx)
            )
        })
        .collect()
}

pub struct ChartView<'a> {
    pub charts: &'a Charts,
    pub selected: Option<IssueKey>,
}

const LABEL_CELLS: usize = 12;

/// Widest a week's bar gets when the series is short.
pub const MAX_BAR_CELLS: usize = 3;

impl Widget for ChartView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border(false));
        let inner = block.inner(area);
        let rows_per_metric: u16 = if inner.height >= 10 { 2 } else { 1 };
        let stats = stats_lines(&self.charts.series);
        let stats_cells = stats.iter().map(|s| width(s)).max().unwrap_or(0);
        let total = usize::from(inner.width);
        let with_stats = total >= LABEL_CELLS + stats_cells + 1 + 8;
        let spark_cells = total
            .saturating_sub(LABEL_CELLS)
            .saturating_sub(if with_stats { stats_cells + 1 } else { 0 });
        let selected = self.selected.and_then(|k| self.charts.slot_of(k));
        // Short series get wider bars so they do not huddle at the left.
        let bar_cells = (spark_cells / self.charts.slots.len().max(1)).clamp(1, MAX_BAR_CELLS);
        let window = self.charts.window(selected, spark_cells / bar_cells);
        let title = match (
            self.charts.slots.get(window.start),
            window
                .end
                .checked_sub(1)
                .and_then(|e| self.charts.slots.get(e)),
        ) {
            (Some(first), Some(last)) => format!(" 每周趋势 {first} … {last} "),
            _ => " 每周趋势 ".to_string(),
        };
        block
            .title(truncate(&title, usize::from(area.width.saturating_sub(2))))
            .render(area, buf);
        if self.charts.slots.is_empty() {
            buf.set_stringn(inner.x, inner.y, "no figures yet", total, theme::dim());
            return;
        }
        let spark_x = inner
            .x
            .saturating_add(u16::try_from(LABEL_CELLS).unwrap_or(u16::MAX));
        let spark_width = u16::try_from(spark_cells).unwrap_or(0);
        let mut y = inner.y;
        for (series, stats) in self.charts.series.iter().zip(stats) {
            if y.saturating_add(rows_per_metric) > inner.bottom() {
                break;
            }
            buf.set_stringn(
                inner.x,
                y,
                fit(series.metric.label(), LABEL_CELLS - 1),
                total,
                theme::base(),
            );
            if spark_width > 0 {
                let bars = bars(series, window.clone(), selected, rows_per_metric, bar_cells);
                Sparkline::default()
                    .data(bars)
                    .max(u64::from(rows_per_metric) * 8)
                    .style(theme::spark())
                    .absent_value_symbol(ABSENT_SYMBOL)
                    .absent_value_style(theme::spark_absent())
                    .render(Rect::new(spark_x, y, spark_width, rows_per_metric), buf);
            }
            if with_stats {
                let x = spark_x.saturating_add(spark_width).saturating_add(1);
                buf.set_stringn(x, y, stats, stats_cells, theme::dim());
            }
            y += rows_per_metric;
        }
        let marker = Marker {
            spark_x,
            spark_width,
            bar_cells,
        };
        marker.render(area, window, selected, buf);
    }
}

/// Where the bars are, to put a `▲` in the bottom border under the
/// selected week so the selection shows without colour too.
struct Marker {
    spark_x: u16,
    spark_width: u16,
    bar_cells: usize,
}

impl Marker {
    fn render(
        &self,
        area: Rect,
        window: std::ops::Range<usize>,
        selected: Option<usize>,
        buf: &mut Buffer,
    ) {
        let Some(offset) = selected
            .filter(|s| window.contains(s))
            .map(|s| (s - window.start) * self.bar_cells + self.bar_cells / 2)
        else {
            return;
        };
        let Ok(offset) = u16::try_from(offset) else {
            return;
        };
        if offset < self.spark_width && area.height >= 2 {
            let x = self.spark_x.saturating_add(offset);
            buf.set_stringn(
                x,
                area.bottom() - 1,
                SELECTED_MARK,
                1,
                theme::spark_selected(),
            );
        }
    }
}

/// Scales present values between the window's minimum (one tick, a sliver,
/// so even a zero stays distinct from a gap) and its maximum (full height):
/// weekly figures move by a few percent, which bars from zero would hide.
fn bars(
    series: &Series,
    window: std::ops::Range<usize>,
    selected: Option<usize>,
    rows: u16,
    bar_cells: usize,
) -> Vec<SparklineBar> {
    let ticks = u64::from(rows) * 8;
    let shown = series.values.get(window.clone()).unwrap_or_default();
    let max = shown.iter().flatten().copied().max().unwrap_or(0);
    let min = shown.iter().flatten().copied().min().unwrap_or(0);
    shown
        .iter()
        .zip(window)
        .flat_map(|(v, slot)| {
            let scaled = v.map(|v| {
                if max == min {
                    (ticks / 2).max(1)
                } else {
                    let t = u128::from(v - min) * u128::from(ticks - 1) / u128::from(max - min);
                    1 + u64::try_from(t).unwrap_or(ticks - 1)
                }
            });
            let bar = SparklineBar::from(scaled);
            let bar = if Some(slot) == selected {
                bar.style(theme::spark_selected())
            } else {
                bar
            };
            std::iter::repeat_n(bar, bar_cells)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Figures;

    fn summary(year: i32, number: u32, events: Option<i64>) -> IssueSummary {
        IssueSummary {
            key: IssueKey::new(year, number),
            title: None,
            period: None,
            published: None,
            assessment: None,
            figures: Figures {
                events_handled: events,
                ..Figures::default()
            },
            cached: events.is_some(),
            read: false,
        }
    }

    #[test]
    fn missing_numbers_and_unknown_figures_become_gaps_not_zeros() {
        let charts = Charts::build(&[
            summary(2024, 17, Some(381)),
            summary(2024, 14, Some(300)),
            summary(2024, 15, None),
        ]);
        let nums: Vec<u32> = charts.slots.iter().map(|k| k.number).collect();
        assert_eq!(nums, vec![14, 15, 16, 17]);
        let events = &charts.series[0];
        assert_eq!(events.values, vec![Some(300), None, None, Some(381)]);
        assert_eq!(
            (events.latest, events.min, events.max),
            (Some(381), Some(300), Some(381))
        );
    }

    #[test]
    fn window_keeps_the_selected_week_in_view() {
        let all: Vec<IssueSummary> = (1..=50)
            .map(|n| summary(2024, n, Some(i64::from(n))))
            .collect();
        let charts = Charts::build(&all);
        assert_eq!(charts.window(None, 100), 0..50);
        assert_eq!(charts.window(None, 10), 40..50);
        let w = charts.window(Some(5), 10);
        assert!(w.contains(&5) && w.len() == 10);
    }
}
