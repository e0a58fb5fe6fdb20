//! The chart pane: one sparkline per weekly figure over the series, oldest
//! left, with missing weeks drawn as gaps (never as zero bars), the selected
//! week highlighted and its value, with the minimum and maximum of the
//! weeks shown (the range the bars are scaled to) beside it.

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
    pub min: Option<u64>,
    pub max: Option<u64>,
}

/// All series, computed once when the summaries are loaded.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Charts {
    /// Oldest first, including missing numbers between known issues of a year.
    pub slots: Vec<IssueKey>,
    pub series: Vec<Series>,
    /// Cells the widest value of any series takes.
    pub value_cells: usize,
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
                    min: known.clone().min(),
                    max: known.max(),
                    values,
                }
            })
            .collect::<Vec<Series>>();
        // Every value is at most its series' maximum, so this bounds them all.
        let value_cells = series
            .iter()
            .map(|s| width(&show(s.max)))
            .max()
            .unwrap_or(1);
        Charts {
            slots,
            series,
            value_cells,
        }
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

/// `本期 N  min N  max N`, each number right-aligned in `cells`: the
/// selected week's value and the range of the weeks shown.
fn stats_text(value: Option<u64>, min: Option<u64>, max: Option<u64>, cells: usize) -> String {
    format!(
        "本期 {}  min {}  max {}",
        fit_right(&show(value), cells),
        fit_right(&show(min), cells),
        fit_right(&show(max), cells)
    )
}

pub struct ChartView<'a> {
    pub charts: &'a Charts,
    pub selected: Option<IssueKey>,
}

const LABEL_CELLS: usize = 12;

/// Widest a week's bar gets when the series is short.
pub const MAX_BAR_CELLS: usize = 3;

/// Where everything in the chart pane goes; shared by drawing and by mouse
/// clicks so a click lands on the week drawn under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Geometry {
    pub inner: Rect,
    pub rows_per_metric: u16,
    pub spark_x: u16,
    pub spark_width: u16,
    /// Cells per week.
    pub bar_cells: usize,
    pub window: std::ops::Range<usize>,
    pub stats_cells: usize,
    pub with_stats: bool,
    pub selected: Option<usize>,
}

impl Charts {
    /// Lays the pane out for `area` (including its border).
    pub fn geometry(&self, area: Rect, selected: Option<IssueKey>) -> Geometry {
        let inner = super::layout::inner(area);
        let rows_per_metric: u16 = if inner.height >= 10 { 2 } else { 1 };
        let stats_cells = width(&stats_text(None, None, None, self.value_cells));
        let total = usize::from(inner.width);
        let with_stats = total >= LABEL_CELLS + stats_cells + 1 + 8;
        let spark_cells = total
            .saturating_sub(LABEL_CELLS)
            .saturating_sub(if with_stats { stats_cells + 1 } else { 0 });
        let selected = selected.and_then(|k| self.slot_of(k));
        // Short series get wider bars so they do not huddle at the left.
        let bar_cells = (spark_cells / self.slots.len().max(1)).clamp(1, MAX_BAR_CELLS);
        let window = self.window(selected, spark_cells / bar_cells);
        Geometry {
            inner,
            rows_per_metric,
            spark_x: inner
                .x
                .saturating_add(u16::try_from(LABEL_CELLS).unwrap_or(u16::MAX)),
            spark_width: u16::try_from(spark_cells).unwrap_or(0),
            bar_cells,
            window,
            stats_cells,
            with_stats,
            selected,
        }
    }

    /// The week drawn at a screen position, if any.
    pub fn week_at(
        &self,
        area: Rect,
        selected: Option<IssueKey>,
        column: u16,
        row: u16,
    ) -> Option<IssueKey> {
        let g = self.geometry(area, selected);
        let bars = Rect::new(g.spark_x, g.inner.y, g.spark_width, g.inner.height);
        if !super::layout::contains(bars, column, row) {
            return None;
        }
        let offset = usize::from(column - g.spark_x) / g.bar_cells.max(1);
        let slot = g.window.start + offset;
        if slot < g.window.end {
            self.slots.get(slot).copied()
        } else {
            None
        }
    }
}

impl Widget for ChartView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let charts = self.charts;
        let g = charts.geometry(area, self.selected);
        let last_shown = g
            .window
            .end
            .checked_sub(1)
            .and_then(|e| charts.slots.get(e));
        let title = match (charts.slots.get(g.window.start), last_shown) {
            (Some(first), Some(last)) => format!(" 每周趋势 {first} … {last} "),
            _ => " 每周趋势 ".to_string(),
        };
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border(false))
            .title(truncate(&title, usize::from(area.width.saturating_sub(2))))
            .render(area, buf);
        let total = usize::from(g.inner.width);
        if charts.slots.is_empty() {
            buf.set_stringn(g.inner.x, g.inner.y, "no figures yet", total, theme::dim());
            return;
        }
        let mut y = g.inner.y;
        for series in &charts.series {
            if y.saturating_add(g.rows_per_metric) > g.inner.bottom() {
                break;
            }
            let label = fit(series.metric.label(), LABEL_CELLS - 1);
            buf.set_stringn(g.inner.x, y, label, total, theme::base());
            if g.spark_width > 0 {
                let bars = bars(series, &g);
                Sparkline::default()
                    .data(bars)
                    .max(u64::from(g.rows_per_metric) * 8)
                    .style(theme::spark())
                    .absent_value_symbol(ABSENT_SYMBOL)
                    .absent_value_style(theme::spark_absent())
                    .render(
                        Rect::new(g.spark_x, y, g.spark_width, g.rows_per_metric),
                        buf,
                    );
            }
            if g.with_stats {
                let x = g.spark_x.saturating_add(g.spark_width).saturating_add(1);
                let value = g
                    .selected
                    .and_then(|i| series.values.get(i).copied().flatten());
                let shown = series.values.get(g.window.clone()).unwrap_or_default();
                let (min, max) = (
                    shown.iter().flatten().min().copied(),
                    shown.iter().flatten().max().copied(),
                );
                let text = stats_text(value, min, max, charts.value_cells);
                buf.set_stringn(x, y, text, g.stats_cells, theme::dim());
            }
            y += g.rows_per_metric;
        }
        mark_selected_week(area, &g, buf);
    }
}

/// A `▲` in the bottom border under the selected week, so the selection
/// shows without colour too.
fn mark_selected_week(area: Rect, g: &Geometry, buf: &mut Buffer) {
    let Some(slot) = g.selected.filter(|s| g.window.contains(s)) else {
        return;
    };
    let offset = (slot - g.window.start) * g.bar_cells + g.bar_cells / 2;
    let Ok(offset) = u16::try_from(offset) else {
        return;
    };
    if offset < g.spark_width && area.height >= 2 {
        let x = g.spark_x.saturating_add(offset);
        buf.set_stringn(
            x,
            area.bottom() - 1,
            SELECTED_MARK,
            1,
            theme::spark_selected(),
        );
    }
}

/// Scales present values between the window's minimum (one tick, a sliver,
/// so even a zero stays distinct from a gap) and its maximum (full height):
/// weekly figures move by a few percent, which bars from zero would hide.
fn bars(series: &Series, g: &Geometry) -> Vec<SparklineBar> {
    let (window, selected, bar_cells) = (g.window.clone(), g.selected, g.bar_cells);
    let ticks = u64::from(g.rows_per_metric) * 8;
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
        assert_eq!((events.min, events.max), (Some(300), Some(381)));
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
