//! The chart pane: one sparkline per weekly figure, one cell per calendar
//! week (across year boundaries, 53-week years included; a week the cache
//! has no figure for is a gap, marked on the baseline and never drawn as a
//! zero bar), ending at the selected week, with the first week of each
//! year ticked in the bottom border and the selected week marked there.
//!
//! The figures beside each line, and the top of its bars' scale, come from
//! one fixed span: the [`STATS_WEEKS`] weeks up to the selected week, so
//! they do not change with the terminal's width. Bars start from zero, as
//! the chart view's axis does, and the title says so: zero is one tick (so
//! it stays distinct from a gap), the span's highest week that is not an
//! outlier ([`crate::trend::window::Scale`]) full height. A week above that
//! is drawn full height and marked [`ABOVE_MARK`], a week below zero one
//! tick high and marked [`BELOW_MARK`], and the title names the marks on
//! screen. Everything is laid out when the selection, the size or the
//! series changes ([`PaneChart::update`]); drawing only reads it.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Sparkline, SparklineBar, Widget};

use super::layout::{contains, inner};
use super::theme::Theme;
use super::wrap::{fit, fit_right, truncate, width};
use crate::calendar;
use crate::i18n::{Lang, Screen};
use crate::model::{IssueKey, Metric, SeriesId};
use crate::trend::series::from_chart_units;
use crate::trend::window::{min_max, Scale};
use crate::trend::WeekSeries;

/// Drawn on the baseline for a week whose figure is unknown or whose issue
/// is missing.
pub const ABSENT_SYMBOL: &str = "·";

/// Under the selected week, in the pane's bottom border.
pub const SELECTED_MARK: &str = "▲";

/// On top of a bar clipped at the top of the scale.
pub const ABOVE_MARK: &str = "↑";

/// On the baseline of a week below the bottom of the scale.
pub const BELOW_MARK: &str = "↓";

/// In the bottom border under the first week (第1期) of a year.
pub const YEAR_TICK: &str = "┴";

/// The weeks up to and including the selected one that the figures beside
/// the lines and the bars' scale are taken from.
pub const STATS_WEEKS: i64 = 52;

/// Widest a week's bar gets when the series is short.
pub const MAX_BAR_CELLS: usize = 3;

/// The labels' column: the widest figure name in the language, and a gap.
fn label_cells(figures: &[Metric], lang: Lang) -> usize {
    figures
        .iter()
        .map(|&m| width(&Screen::Metric(m).text(lang)))
        .max()
        .unwrap_or(0)
        + 1
}

/// How a week's bar is drawn against the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Within,
    Above,
    Below,
}

/// One figure's line: a bar per week of the window (None for a gap) and
/// the text beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MetricLine {
    pub metric: Metric,
    /// The figure's name in the TUI's language.
    pub label: String,
    /// Eighths of a cell, and how the week stands against the scale.
    pub bars: Vec<Option<(u64, Mark)>>,
    pub stats: String,
}

/// Where everything in the pane goes; shared by drawing and by mouse clicks
/// so a click lands on the week drawn under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Geometry {
    /// The pane, border included.
    pub area: Rect,
    pub inner: Rect,
    pub rows_per_metric: u16,
    pub spark_x: u16,
    pub spark_width: u16,
    /// Cells per week.
    pub bar_cells: usize,
    /// The weeks shown, as [`calendar::week_index`]es.
    pub window: Range<i64>,
    pub stats_cells: usize,
    pub with_stats: bool,
    /// The selected week's index, when it is on the calendar.
    pub selected: Option<i64>,
}

/// Everything the pane draws, computed by [`PaneChart::update`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaneLayout {
    pub geometry: Geometry,
    pub title: String,
    pub lines: Vec<MetricLine>,
    /// Columns of the bottom border holding a year tick, with the year and
    /// the column it starts at when there is room to print it: after the
    /// tick, else (the selected-week mark or the next tick in the way)
    /// just before it.
    pub ticks: Vec<(u16, Option<(u16, String)>)>,
    /// Column of the selected-week mark in the bottom border.
    pub selected_column: Option<u16>,
}

/// The chart pane's state: the series charted, the width of the widest
/// value (fixed per series so the columns beside the lines do not shift as
/// the selection moves), and the current layout, if the pane is on screen.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaneChart {
    /// None before any week is known.
    series: Option<SeriesId>,
    value_cells: usize,
    pub layout: Option<PaneLayout>,
}

/// A value in chart units ([`crate::trend::series::chart_units`]) as its
/// figure shows it: `6.18` for a score, `75%` for a share, `—` unknown.
pub fn figure_text(metric: Metric, units: Option<i64>) -> String {
    let value = units.and_then(|u| from_chart_units(metric, u));
    metric.show_or(value, crate::model::UNKNOWN_FIGURE)
}

/// A mean in chart units: one decimal more than the figure has (a count's
/// `385.5`, a score's `6.393`), and a share's `%`.
pub fn average_text(metric: Metric, units: f64) -> String {
    let decimals = metric.kind().decimals();
    let value = units / 10f64.powi(i32::from(decimals));
    let digits = usize::from(decimals) + 1;
    format!("{value:.digits$}{}", metric.kind().unit())
}

/// `本期 N  LOW–HIGH ↑MAX`: the week's value, the span's lowest week and
/// the top of the bars' scale, and the span's highest week when the scale
/// clips it, as `metric` shows them (the numbers are chart units); each
/// number in `cells`, so the columns line up whatever the values.
fn stats_text(
    metric: Metric,
    value: Option<i64>,
    scale: Option<&Scale>,
    max: Option<i64>,
    cells: usize,
    lang: Lang,
) -> String {
    let show = |v: Option<i64>| figure_text(metric, v);
    let clipped = max.filter(|m| scale.is_some_and(|s| s.above(*m)));
    let above = clipped.map_or_else(String::new, |m| format!("{ABOVE_MARK}{}", show(Some(m))));
    let range = match scale {
        Some(s) => format!(
            "{}–{}",
            fit_right(&show(Some(s.low)), cells),
            fit(&show(Some(s.high)), cells)
        ),
        None => format!("{} {}", fit_right(&show(None), cells), fit("", cells)),
    };
    format!(
        "{} {}  {range} {}",
        Screen::ThisWeek.text(lang),
        fit_right(&show(value), cells),
        fit(&above, cells + 1)
    )
}

/// The `ticks` (eighths) of `value` on `scale`, from zero; see the module
/// comment.
fn bar(value: i64, scale: &Scale, ticks: u64) -> (u64, Mark) {
    if scale.above(value) {
        return (ticks, Mark::Above);
    }
    if value < 0 {
        return (1, Mark::Below);
    }
    if scale.high <= 0 {
        return (1, Mark::Within);
    }
    let steps = i128::from(ticks.saturating_sub(1));
    let t = i128::from(value) * steps / i128::from(scale.high);
    (1 + u64::try_from(t).unwrap_or(0), Mark::Within)
}

/// The `capacity` weeks shown: those ending at `anchor`, unless the series
/// holds fewer weeks before it, then from the series' first week on. The
/// chart view zooms with the same rule.
pub(crate) fn window(span: &Range<i64>, anchor: i64, capacity: usize) -> Range<i64> {
    let cap = i64::try_from(capacity).unwrap_or(i64::MAX);
    if span.is_empty() || cap == 0 {
        return anchor..anchor;
    }
    let end = anchor.clamp(span.start, span.end - 1) + 1;
    let start = end.saturating_sub(cap).max(span.start);
    start..start.saturating_add(cap).min(span.end)
}

impl PaneChart {
    /// The pane for a (re)loaded series; call [`PaneChart::update`] to lay it out.
    pub fn new(weeks: &WeekSeries) -> Self {
        let value_cells = weeks
            .weeks()
            .iter()
            .flat_map(|w| weeks.headline().iter().map(|m| (*m, w.figures.get(*m))))
            .map(|(m, v)| v.map_or(1, |v| width(&m.show(v))))
            .max()
            .unwrap_or(1);
        PaneChart {
            series: weeks.series(),
            value_cells,
            layout: None,
        }
    }

    /// Lays the pane out in `area` (border included; None when the screen
    /// has no room for it) around `selected`, else the newest week.
    pub fn update(
        &mut self,
        weeks: &WeekSeries,
        selected: Option<IssueKey>,
        area: Option<Rect>,
        lang: Lang,
    ) {
        self.layout = area.map(|area| self.lay_out(weeks, selected, area, lang));
    }

    fn lay_out(
        &self,
        weeks: &WeekSeries,
        selected: Option<IssueKey>,
        area: Rect,
        lang: Lang,
    ) -> PaneLayout {
        let inner = inner(area);
        let rows_per_metric: u16 = if inner.height >= 10 { 2 } else { 1 };
        let figures = weeks.headline();
        let stats_cells = figures
            .iter()
            .map(|&m| width(&stats_text(m, None, None, None, self.value_cells, lang)))
            .max()
            .unwrap_or(0);
        let total = usize::from(inner.width);
        let label_cells = label_cells(figures, lang);
        let with_stats = total >= label_cells + stats_cells + 1 + 8;
        let spark_cells = total
            .saturating_sub(label_cells)
            .saturating_sub(if with_stats { stats_cells + 1 } else { 0 });
        let span = weeks.span();
        let weeks_known = usize::try_from(span.end - span.start).unwrap_or(0);
        // Short series get wider bars so they do not huddle at the left.
        let bar_cells = (spark_cells / weeks_known.max(1)).clamp(1, MAX_BAR_CELLS);
        let selected_index = selected.and_then(|k| weeks.index_of(k));
        let anchor = selected_index.unwrap_or(span.end - 1);
        let window = window(&span, anchor, spark_cells / bar_cells);
        let geometry = Geometry {
            area,
            inner,
            rows_per_metric,
            spark_x: inner
                .x
                .saturating_add(u16::try_from(label_cells).unwrap_or(u16::MAX)),
            spark_width: u16::try_from(spark_cells).unwrap_or(0),
            bar_cells,
            window: window.clone(),
            stats_cells,
            with_stats,
            selected: selected_index,
        };
        let stats_span = anchor.saturating_sub(STATS_WEEKS - 1)..anchor.saturating_add(1);
        let ticks = u64::from(rows_per_metric) * 8;
        let lines: Vec<MetricLine> = figures
            .iter()
            .map(|&metric| {
                let span_values = weeks.values(stats_span.clone(), metric);
                let shown = weeks.values(window.clone(), metric);
                // A span without any known week still draws what is shown.
                let scale = Scale::of(&span_values).or_else(|| Scale::of(&shown));
                let bars = shown
                    .iter()
                    .map(|v| Some(bar((*v)?, scale.as_ref()?, ticks)))
                    .collect();
                let value = selected_index.and_then(|i| weeks.value(i, metric));
                let max = min_max(&span_values).map(|r| r.1);
                MetricLine {
                    metric,
                    label: Screen::Metric(metric).text(lang).into_owned(),
                    bars,
                    stats: stats_text(metric, value, scale.as_ref(), max, self.value_cells, lang),
                }
            })
            .collect();
        // Only the lines that fit are on screen, and only they are explained.
        let on_screen = usize::from(inner.height / rows_per_metric).min(lines.len());
        let title = title(
            &window,
            weeks,
            &lines[..on_screen],
            with_stats,
            usize::from(area.width.saturating_sub(2)),
            lang,
        );
        let selected_column = selected_column(&geometry);
        let ticks = year_ticks(&geometry, selected_column);
        PaneLayout {
            geometry,
            title,
            lines,
            ticks,
            selected_column,
        }
    }

    /// The week drawn at a screen position, if any (gaps included): its
    /// own issue's key when `weeks` knows one (a series not numbered by
    /// week has other numbers than the calendar's).
    pub fn week_at(&self, column: u16, row: u16, weeks: &WeekSeries) -> Option<IssueKey> {
        let g = &self.layout.as_ref()?.geometry;
        let bars = Rect::new(g.spark_x, g.inner.y, g.spark_width, g.inner.height);
        if !contains(bars, column, row) {
            return None;
        }
        let offset = usize::from(column - g.spark_x) / g.bar_cells.max(1);
        let index = g.window.start + i64::try_from(offset).ok()?;
        if index >= g.window.end {
            return None;
        }
        weeks.key_at(index)
    }
}

/// ` 每周趋势 first … last · 刻度：至本期 52 周 `, and what the marks mean
/// when any line on screen carries one (a bar, or `↑MAX` beside it when
/// `with_stats`); fitted to `cells`. The note outranks the span and then
/// the weeks shown: a `↑` on screen is never left unexplained.
fn title(
    window: &Range<i64>,
    weeks: &WeekSeries,
    lines: &[MetricLine],
    with_stats: bool,
    cells: usize,
    lang: Lang,
) -> String {
    // The weeks' own numbers, without the series the list's title names.
    let week_key = |i: i64| weeks.key_at(i).map(|k| IssueKey::new(k.year, k.number));
    let first = week_key(window.start);
    let last = window.end.checked_sub(1).and_then(week_key);
    let forms = match (first, last) {
        (Some(first), Some(last)) if !window.is_empty() => vec![
            Screen::PaneTitle {
                first,
                last,
                weeks: STATS_WEEKS,
            },
            Screen::PaneTitleShort { first, last },
            Screen::PaneTitleEmpty,
        ],
        _ => vec![Screen::PaneTitleEmpty],
    };
    let forms: Vec<String> = forms
        .into_iter()
        .map(|f| f.text(lang).into_owned())
        .collect();
    let marked = |m: Mark| {
        lines
            .iter()
            .flat_map(|l| l.bars.iter().flatten())
            .any(|b| b.1 == m)
            || (m == Mark::Above
                && with_stats
                && lines.iter().any(|l| l.stats.contains(ABOVE_MARK)))
    };
    let marks: String = [(Mark::Above, ABOVE_MARK), (Mark::Below, BELOW_MARK)]
        .iter()
        .filter(|(m, _)| marked(*m))
        .map(|(_, s)| *s)
        .collect();
    if !marks.is_empty() {
        let legend = Screen::BeyondScale(marks).text(lang).into_owned();
        if let Some(form) = forms.iter().find(|f| width(f) + width(&legend) <= cells) {
            return format!("{form}{legend}");
        }
    }
    truncate(&forms[0], cells)
}

fn column_of(g: &Geometry, index: i64) -> Option<u16> {
    if !g.window.contains(&index) {
        return None;
    }
    let offset = usize::try_from(index - g.window.start).ok()? * g.bar_cells;
    let offset = u16::try_from(offset).ok()?;
    (offset < g.spark_width).then(|| g.spark_x.saturating_add(offset))
}

fn selected_column(g: &Geometry) -> Option<u16> {
    let left = column_of(g, g.selected?)?;
    let mid = u16::try_from(g.bar_cells / 2).ok()?;
    Some(left.saturating_add(mid))
}

/// A tick under each 第1期 shown, with its year after it where the cells up
/// to the next tick (and the selected-week mark) leave room, else before it
/// where the cells since the last tick and label do: a year beginning just
/// before the selected week is still named.
fn year_ticks(g: &Geometry, selected: Option<u16>) -> Vec<(u16, Option<(u16, String)>)> {
    let columns: Vec<(u16, i32)> = g
        .window
        .clone()
        .filter_map(|i| {
            let key = calendar::key_at(i)?;
            (key.number == 1).then_some((column_of(g, i)?, key.year))
        })
        .collect();
    let right = g.spark_x.saturating_add(g.spark_width);
    // The first column a label may use: past the last tick and label.
    let mut free = g.spark_x;
    let mut out = Vec::with_capacity(columns.len());
    for (n, &(x, year)) in columns.iter().enumerate() {
        let label = year.to_string();
        let cells = u16::try_from(width(&label)).unwrap_or(u16::MAX);
        let limit = columns.get(n + 1).map_or(right, |next| next.0.min(right));
        let fits = |from: u16, to: u16, lowest: u16, highest: u16| {
            from >= lowest && to <= highest && !selected.is_some_and(|s| (from..to).contains(&s))
        };
        let after = x.saturating_add(1);
        let at = if fits(after, after.saturating_add(cells), free, limit) {
            Some(after)
        } else {
            x.checked_sub(cells).filter(|&from| fits(from, x, free, x))
        };
        free = match at {
            Some(from) => from.saturating_add(cells).max(x.saturating_add(1)),
            None => x.saturating_add(1),
        };
        out.push((x, at.map(|from| (from, label))));
    }
    out
}

pub struct ChartPane<'a> {
    pub chart: &'a PaneChart,
    pub theme: &'a Theme,
    /// Said when the series has no week at all.
    pub empty: String,
}

impl Widget for ChartPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some(layout) = &self.chart.layout else {
            return;
        };
        let g = &layout.geometry;
        let theme = self.theme;
        // Laid out for another size (the terminal changed before its resize
        // event was handled): draw nothing rather than out of place; the
        // resize lays it out again.
        if g.area != area {
            return;
        }
        Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border)
            .title(layout.title.as_str())
            .render(area, buf);
        let total = usize::from(g.inner.width);
        if g.window.is_empty() {
            buf.set_stringn(g.inner.x, g.inner.y, &self.empty, total, theme.dim);
            return;
        }
        let mut y = g.inner.y;
        for line in &layout.lines {
            if y.saturating_add(g.rows_per_metric) > g.inner.bottom() {
                break;
            }
            let label_cells = usize::from(g.spark_x.saturating_sub(g.inner.x));
            let label = fit(&line.label, label_cells.saturating_sub(1));
            buf.set_stringn(g.inner.x, y, label, total, theme.text);
            let rows = Rect::new(g.spark_x, y, g.spark_width, g.rows_per_metric);
            draw_bars(line, g, rows, buf, theme);
            if g.with_stats {
                let x = g.spark_x.saturating_add(g.spark_width).saturating_add(1);
                buf.set_stringn(x, y, &line.stats, g.stats_cells, theme.dim);
            }
            y += g.rows_per_metric;
        }
        if area.height >= 2 {
            let bottom = area.bottom() - 1;
            for (x, label) in &layout.ticks {
                buf.set_stringn(*x, bottom, YEAR_TICK, 1, theme.border);
                if let Some((at, label)) = label {
                    buf.set_stringn(*at, bottom, label, width(label), theme.dim);
                }
            }
            if let Some(x) = layout.selected_column {
                buf.set_stringn(x, bottom, SELECTED_MARK, 1, theme.spark_selected);
            }
        }
    }
}

/// The bars through ratatui's sparkline (gaps left blank), then the marks
/// it cannot draw: gaps and weeks below the scale on the baseline row only,
/// clipped weeks on the top row.
fn draw_bars(line: &MetricLine, g: &Geometry, rows: Rect, buf: &mut Buffer, theme: &Theme) {
    if rows.is_empty() {
        return;
    }
    let data: Vec<SparklineBar> = line
        .bars
        .iter()
        .zip(g.window.clone())
        .flat_map(|(b, index)| {
            let bar = SparklineBar::from(b.map(|b| b.0));
            let bar = if Some(index) == g.selected {
                bar.style(theme.spark_selected)
            } else {
                bar
            };
            std::iter::repeat_n(bar, g.bar_cells)
        })
        .collect();
    Sparkline::default()
        .data(data)
        .max(u64::from(g.rows_per_metric) * 8)
        .style(theme.spark)
        .absent_value_symbol(" ")
        .render(rows, buf);
    let (top, baseline) = (rows.y, rows.bottom() - 1);
    for (b, index) in line.bars.iter().zip(g.window.clone()) {
        let (row, symbol, style) = match b {
            None => (baseline, ABSENT_SYMBOL, theme.spark_absent),
            Some((_, Mark::Above)) => (top, ABOVE_MARK, theme.spark_clipped),
            Some((_, Mark::Below)) => (baseline, BELOW_MARK, theme.spark_clipped),
            Some((_, Mark::Within)) => continue,
        };
        let Some(x) = column_of(g, index) else {
            continue;
        };
        for dx in 0..u16::try_from(g.bar_cells).unwrap_or(0) {
            let x = x.saturating_add(dx);
            if x < rows.right() {
                buf.set_stringn(x, row, symbol, 1, style);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scale(low: i64, high: i64) -> Scale {
        Scale {
            low,
            high,
            bound: None,
        }
    }

    /// Issue 18, item 13: the bars were scaled from the span's lowest
    /// week (2, 5, 5 drew `▁██`) while the chart view starts at zero.
    #[test]
    fn bars_run_from_one_tick_at_zero_to_full_at_the_top_of_the_scale() {
        let s = scale(100, 500);
        assert_eq!(bar(0, &s, 16), (1, Mark::Within));
        assert_eq!(bar(100, &s, 16), (4, Mark::Within));
        assert_eq!(bar(500, &s, 16), (16, Mark::Within));
        assert_eq!(bar(250, &s, 16), (8, Mark::Within));
        assert_eq!(bar(2410, &s, 16), (16, Mark::Above));
        assert_eq!(bar(-3, &s, 16), (1, Mark::Below));
        assert_eq!(bar(7, &scale(7, 7), 8), (8, Mark::Within));
        assert_eq!(bar(0, &scale(0, 0), 8), (1, Mark::Within));
        // The issue's 2, 5, 5: two fifths of the way up, not one tick.
        let s = scale(2, 5);
        assert_eq!(bar(2, &s, 16), (7, Mark::Within));
        assert_eq!(bar(5, &s, 16), (16, Mark::Within));
    }

    #[test]
    fn the_title_says_the_bars_start_from_zero_and_names_the_marks() {
        use crate::model::{Figures, IssueSummary, SeriesId};
        let summary = |n, v| {
            IssueSummary::with_figures(
                IssueKey::new(2024, n),
                Figures::headline(SeriesId::CNCERT, &[Some(v)]),
            )
        };
        let mut all: Vec<IssueSummary> = (1..=10).map(|n| summary(n, 100)).collect();
        all.push(summary(11, -5));
        let weeks = WeekSeries::build(&all);
        let mut pane = PaneChart::new(&weeks);
        let area = Rect::new(0, 0, 100, 9);
        for (lang, words) in [(Lang::Zh, "自0起"), (Lang::En, "from 0")] {
            pane.update(&weeks, Some(IssueKey::new(2024, 11)), Some(area), lang);
            let layout = pane.layout.as_ref().unwrap();
            assert!(layout.title.contains(words), "{}", layout.title);
            assert!(layout.title.contains(BELOW_MARK), "{}", layout.title);
        }
    }

    #[test]
    fn the_window_ends_at_the_anchor_unless_the_series_is_shorter_before_it() {
        let span = 100..200;
        assert_eq!(window(&span, 150, 30), 121..151);
        assert_eq!(window(&span, 110, 30), 100..130);
        assert_eq!(window(&span, 500, 30), 170..200);
        assert_eq!(window(&span, 150, 1000), 100..200);
        assert!(window(&(0..0), 5, 30).is_empty());
    }
}
