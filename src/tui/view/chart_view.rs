//! The chart view (`c`): one figure full screen with ratatui's `Chart`, the
//! weeks up to the selected one (13, 26, 52 or 104 of them, or the whole
//! series): the weekly line, its 4-week moving average and the same issue
//! numbers a year earlier, gaps left open, on an axis from zero as the
//! chart pane's bars are (the title says so), under a header that reads the
//! selected week's figures in the lines' colours. Its state lives in the
//! App and changes only in `update`; the plot is rebuilt from it on every
//! change ([`ChartViewState::refresh`]) and drawing only reads it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::Marker;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, GraphType, Widget};

use super::chart::{average_text, figure_text};
use super::chart_plot::{self, Plot, Reading, ZOOMS};
use super::layout::inner;
use super::theme::Theme;
use super::wrap::{fit_right, truncate, width};
use crate::calendar;
use crate::i18n::{Lang, Screen};
use crate::model::{IssueKey, Metric, SeriesId};
use crate::trend::WeekSeries;

/// The zoom the view opens at: the 52 weeks up to the selected week, the
/// span the chart pane's figures are taken from.
pub const DEFAULT_ZOOM: usize = 2;

/// On the selected week's value.
pub const SELECTED_POINT: &str = "◆";

/// On each weekly value when the weeks are far enough apart (and on a week
/// with no known neighbour, which would otherwise be a lone dot).
pub const POINT: &str = "•";

/// The same, for the year-earlier line: a different symbol so the two read
/// apart without colour.
pub const EARLIER_POINT: &str = "×";

/// The weekly line in the legend when not every week has its point: the
/// braille it is drawn with.
pub const WEEKLY_LINE: &str = "⠤";

/// The moving average is drawn in quadrant blocks, not braille, so it
/// reads apart from the weekly line without colour; its legend symbol.
pub const AVERAGE_LINE: &str = "▞";

/// The marker the moving average is drawn with.
pub const AVERAGE_MARKER: Marker = Marker::Quadrant;

/// On the top edge of a week (of either line) above the scale.
pub const CLIPPED_MARK: &str = super::chart::ABOVE_MARK;

/// On the bottom edge of a week below zero, where the axis starts.
pub const BELOW_ZERO_MARK: &str = super::chart::BELOW_MARK;

/// What the view shows and the plot drawn from it.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartViewState {
    pub open: bool,
    /// The series whose figures the view steps through.
    pub series: SeriesId,
    /// Its figures the view steps through ([`charted_figures`]).
    pub figures: Vec<Metric>,
    pub metric: Metric,
    /// Index into [`ZOOMS`].
    pub zoom: usize,
    pub year_earlier: bool,
    pub title: String,
    pub header: Vec<(String, Style)>,
    /// The screen the plot was built for.
    pub screen: Rect,
    /// None while closed, or when the screen is too small to plot.
    pub plot: Option<Plot>,
}

impl Default for ChartViewState {
    fn default() -> Self {
        let series = SeriesId::CNCERT;
        ChartViewState {
            open: false,
            series,
            figures: series.headline().to_vec(),
            metric: series.headline()[0],
            zoom: DEFAULT_ZOOM,
            year_earlier: true,
            title: String::new(),
            header: Vec::new(),
            screen: Rect::default(),
            plot: None,
        }
    }
}

/// Where the view's parts go on a screen: the frame (all but the status
/// line), the header row inside it, and the plot below the header.
pub fn areas(screen: Rect) -> (Rect, Rect, Rect) {
    let frame = Rect::new(
        screen.x,
        screen.y,
        screen.width,
        screen.height.saturating_sub(1),
    );
    let inside = inner(frame);
    let header = Rect::new(inside.x, inside.y, inside.width, inside.height.min(1));
    let plot = Rect::new(
        inside.x,
        inside.y.saturating_add(1),
        inside.width,
        inside.height.saturating_sub(1),
    );
    (frame, header, plot)
}

/// The zoom's name in the title: `52周`, or `全部`.
fn zoom_label(zoom: usize, lang: Lang) -> String {
    match ZOOMS.get(zoom).copied().flatten() {
        Some(n) => Screen::Weeks(n).text(lang).into_owned(),
        None => Screen::AllWeeks.text(lang).into_owned(),
    }
}

/// The figures of `series` the view reaches, in this order: the headline
/// ones, then every other figure some week of `weeks` states (declared
/// ones in declaration order, then the names met in a family's list). A
/// figure that states last week's value of another is that one's
/// comparison, not a week's own figure: left out.
pub fn charted_figures(weeks: &WeekSeries, series: SeriesId) -> Vec<Metric> {
    let mut out: Vec<Metric> = series.headline().to_vec();
    let mut known: Vec<Metric> = Vec::new();
    for w in weeks.weeks() {
        for (m, _) in w.figures.iter() {
            if !known.contains(&m) {
                known.push(m);
            }
        }
    }
    let stated_of_last_week =
        |m: Metric| m.info().declared.is_some_and(|d| d.previous_of.is_some());
    known.retain(|m| m.series() == series && !out.contains(m) && !stated_of_last_week(*m));
    // Handles are given out in declaration order, met names after.
    known.sort_unstable();
    out.extend(known);
    out
}

/// The header's pieces, separators included: the fullest form that fits
/// in `cells`, dropping the date, then the year-earlier key, then spaces,
/// then the moving average's full name.
fn header(
    metric: Metric,
    reading: &Reading,
    roomy: bool,
    year_earlier: bool,
    cells: usize,
    theme: &Theme,
    lang: Lang,
) -> Vec<(String, Style)> {
    let say = |m: Screen| m.text(lang).into_owned();
    let points = roomy;
    let (this, before) = (say(Screen::ThisWeek), say(Screen::YearBefore));
    let mean = |short: bool| {
        say(if short {
            Screen::MovingAverageShort
        } else {
            Screen::MovingAverageLabel
        })
    };
    let period = reading
        .period
        .or_else(|| calendar::period_of_key(reading.key));
    let date = period.map(|p| {
        say(Screen::Days {
            start: p.start,
            end: p.end,
            with_years: calendar::crosses_year(p),
        })
    });
    let number = |v: Option<i64>| figure_text(metric, v);
    let average = reading
        .average
        .map_or_else(|| "—".to_string(), |a| average_text(metric, a));
    let earlier = |full: bool| match reading.earlier {
        Some((k, v)) if full => format!("{before} {}-{} {}", k.year, k.number, number(v)),
        Some((_, v)) => format!("{before} {}", number(v)),
        None => format!("{before} {}", say(Screen::NoSuchWeek)),
    };
    // Each piece starts with the symbol its line is drawn with, so the
    // header is the legend, with or without colour.
    let mark = |symbol: &'static str, roomy: bool| {
        if roomy {
            format!("{symbol} ")
        } else {
            symbol.to_string()
        }
    };
    let build = |roomy: bool, with_date: bool, full_earlier: bool, short: bool| {
        // The view's title names the series; the key here is its week.
        let key = format!("{}-{}", reading.key.year, reading.key.number);
        let mut parts = vec![(key, theme.title)];
        if let Some(d) = date.clone().filter(|_| with_date) {
            parts.push((d, theme.dim));
        }
        let weekly = if points { POINT } else { WEEKLY_LINE };
        parts.push((
            format!("{}{this} {}", mark(weekly, roomy), number(reading.value)),
            theme.chart_line,
        ));
        parts.push((
            format!("{}{} {average}", mark(AVERAGE_LINE, roomy), mean(short)),
            theme.chart_average,
        ));
        if year_earlier {
            parts.push((
                format!("{}{}", mark(EARLIER_POINT, roomy), earlier(full_earlier)),
                theme.chart_earlier,
            ));
        }
        parts
    };
    let joined = |(roomy, with_date, full, short): (bool, bool, bool, bool)| {
        let gap = if roomy { "  " } else { " " };
        let mut out = Vec::new();
        for part in build(roomy, with_date, full, short) {
            if !out.is_empty() {
                out.push((gap.to_string(), theme.text));
            }
            out.push(part);
        }
        out
    };
    let forms = [
        (true, true, true, false),
        (true, false, true, false),
        (true, false, false, false),
        (false, false, false, false),
        (false, false, false, true),
    ];
    for form in forms {
        let parts = joined(form);
        if parts.iter().map(|(t, _)| width(t)).sum::<usize>() <= cells {
            return parts;
        }
    }
    joined((false, false, false, true))
}

impl ChartViewState {
    pub fn open(&mut self) {
        self.open = true;
    }

    pub fn close(&mut self) {
        self.open = false;
        self.plot = None;
    }

    /// The figures the view steps through.
    fn figures(&self) -> &[Metric] {
        &self.figures
    }

    /// Steps through `figures` of `series` from now on (the series shown
    /// changed, or its weeks); the figure shown stays when it is one of
    /// them, else the first is shown.
    pub fn set_figures(&mut self, series: SeriesId, figures: Vec<Metric>) {
        self.series = series;
        self.figures = figures;
        if !self.figures.contains(&self.metric) {
            self.metric = self
                .figures
                .first()
                .copied()
                .unwrap_or(series.headline()[0]);
        }
    }

    /// Figure `n` (1-based, in the series' declaration order); false when
    /// there is none.
    pub fn set_figure(&mut self, n: u8) -> bool {
        match usize::from(n)
            .checked_sub(1)
            .and_then(|i| self.figures().get(i))
        {
            Some(&m) => {
                self.metric = m;
                true
            }
            None => false,
        }
    }

    /// The next (or previous) figure, round.
    pub fn step_figure(&mut self, next: bool) {
        let figures = self.figures();
        let n = figures.len().max(1);
        let i = figures.iter().position(|m| *m == self.metric).unwrap_or(0);
        let i = if next { (i + 1) % n } else { (i + n - 1) % n };
        if let Some(m) = figures.get(i) {
            self.metric = *m;
        }
    }

    /// Fewer weeks (`narrower`) or more; false at either end.
    pub fn zoom(&mut self, narrower: bool) -> bool {
        let to = if narrower {
            self.zoom.checked_sub(1)
        } else {
            Some(self.zoom + 1).filter(|z| *z < ZOOMS.len())
        };
        match to {
            Some(z) => {
                self.zoom = z;
                true
            }
            None => false,
        }
    }

    pub fn toggle_year_earlier(&mut self) {
        self.year_earlier = !self.year_earlier;
    }

    /// Rebuilds the plot for the series, the selected week and the screen;
    /// nothing while the view is closed.
    pub fn refresh(
        &mut self,
        weeks: &WeekSeries,
        selected: Option<IssueKey>,
        screen: Rect,
        theme: &Theme,
        lang: Lang,
    ) {
        if !self.open {
            return;
        }
        self.screen = screen;
        let (frame, header_area, plot_area) = areas(screen);
        self.plot = chart_plot::build(
            weeks,
            self.metric,
            self.zoom,
            self.year_earlier,
            selected,
            plot_area,
            lang,
        );
        let figure = self
            .figures()
            .iter()
            .position(|m| *m == self.metric)
            .unwrap_or(0);
        let span = |sep: &str| {
            let p = self.plot.as_ref()?;
            // The weeks' own numbers, without the series the view names.
            let key = |i: i64| weeks.key_at(i).map(|k| format!("{}-{}", k.year, k.number));
            let first = key(p.window.start)?;
            let last = key(p.window.end.checked_sub(1)?)?;
            (!p.window.is_empty()).then(|| format!(" {first}{sep}{last}"))
        };
        let cells = usize::from(frame.width.saturating_sub(2));
        let label = Screen::Metric(self.metric).text(lang);
        let zoom = zoom_label(self.zoom, lang);
        let marks: String = match &self.plot {
            Some(p) => [
                (p.clipped, CLIPPED_MARK),
                (!p.below_cells.is_empty(), BELOW_ZERO_MARK),
            ]
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, m)| *m)
            .collect(),
            None => String::new(),
        };
        let beyond = if marks.is_empty() {
            String::new()
        } else {
            Screen::BeyondScale(marks).text(lang).into_owned()
        };
        // The axis' start, said as the chart pane's title says it.
        let zero = Screen::FromZero.text(lang);
        let full = format!(
            " {}/{} {label} · {zoom}{} · {zero} {beyond}",
            figure + 1,
            self.figures().len(),
            span(" … ").unwrap_or_default()
        );
        let compact = format!(" {label} {zoom}{} {zero} ", span("…").unwrap_or_default());
        let tight = format!(" {label} {zoom}{} ", span("…").unwrap_or_default());
        self.title = [full, compact]
            .into_iter()
            .find(|t| width(t) <= cells)
            .unwrap_or_else(|| truncate(&tight, cells));
        self.header = self
            .plot
            .as_ref()
            .and_then(|p| Some((p.reading.as_ref()?, p.roomy)))
            .map(|(r, roomy)| {
                let cells = usize::from(header_area.width);
                header(self.metric, r, roomy, self.year_earlier, cells, theme, lang)
            })
            .unwrap_or_default();
    }
}

/// The view, drawn on the whole screen but the status line.
pub struct ChartScreen<'a> {
    pub view: &'a ChartViewState,
    pub theme: &'a Theme,
    pub lang: Lang,
}

fn dataset(dots: &[(f64, f64)], marker: Marker, style: Style) -> Dataset<'_> {
    Dataset::default()
        .data(dots)
        .marker(marker)
        .graph_type(GraphType::Scatter)
        .style(style)
}

impl Widget for ChartScreen<'_> {
    fn render(self, screen: Rect, buf: &mut Buffer) {
        let view = self.view;
        let theme = self.theme;
        // Built for another size (the terminal changed before its resize
        // event was handled): the resize rebuilds it; until then nothing
        // is drawn out of place.
        if screen != view.screen {
            return;
        }
        let (frame, header_area, plot_area) = areas(screen);
        Block::default()
            .borders(Borders::ALL)
            .border_type(theme.border_type(true))
            .border_style(theme.border(true))
            .title(view.title.as_str())
            .render(frame, buf);
        let spans: Vec<Span> = view
            .header
            .iter()
            .map(|(text, style)| Span::styled(text.as_str(), *style))
            .collect();
        buf.set_line(
            header_area.x,
            header_area.y,
            &Line::from(spans),
            header_area.width,
        );
        let Some(plot) = &view.plot else {
            let text = truncate(
                &Screen::ChartTooSmall.text(self.lang),
                usize::from(plot_area.width),
            );
            buf.set_stringn(
                plot_area.x,
                plot_area.y,
                text,
                usize::from(plot_area.width),
                theme.dim,
            );
            return;
        };
        let (wide, high) = plot.dots;
        let braille = Marker::Braille;
        let mut datasets = vec![dataset(&plot.lines.cursor, braille, theme.chart_cursor)];
        if view.year_earlier {
            datasets.push(dataset(&plot.lines.earlier, braille, theme.chart_earlier));
        }
        datasets.push(dataset(
            &plot.lines.average,
            AVERAGE_MARKER,
            theme.chart_average,
        ));
        datasets.push(dataset(&plot.lines.weekly, braille, theme.chart_line));
        // Bounds are the dot grid itself: each point is one braille dot.
        Chart::new(datasets)
            .x_axis(Axis::default().bounds([0.0, wide.saturating_sub(1) as f64]))
            .y_axis(Axis::default().bounds([0.0, high.saturating_sub(1) as f64]))
            .legend_position(None)
            .render(plot.graph, buf);
        draw_axes(plot, plot_area, buf, theme);
        if view.year_earlier {
            for &(x, y) in &plot.earlier_points {
                buf.set_stringn(x, y, EARLIER_POINT, 1, theme.chart_earlier);
            }
        }
        for &(x, y) in &plot.points {
            buf.set_stringn(x, y, POINT, 1, theme.chart_line);
        }
        for &(x, y) in &plot.clipped_cells {
            buf.set_stringn(x, y, CLIPPED_MARK, 1, theme.spark_clipped);
        }
        for &(x, y) in &plot.below_cells {
            buf.set_stringn(x, y, BELOW_ZERO_MARK, 1, theme.spark_clipped);
        }
        if let Some((x, y)) = plot.selected {
            buf.set_stringn(x, y, SELECTED_POINT, 1, theme.spark_selected);
        }
        if plot.empty {
            let text = truncate(
                &Screen::NoFigureInSpan(plot.metric).text(self.lang),
                usize::from(plot.graph.width),
            );
            let y = plot.graph.y + plot.graph.height / 2;
            // A label on a cleared strip, centred: the year-earlier line
            // may be drawn under it, and must not run through the words.
            let cells = u16::try_from(width(&text)).unwrap_or(u16::MAX);
            let strip = cells.saturating_add(2).min(plot.graph.width);
            let left = plot.graph.x + (plot.graph.width - strip) / 2;
            buf.set_stringn(
                left,
                y,
                " ".repeat(usize::from(strip)),
                usize::from(strip),
                theme.text,
            );
            buf.set_stringn(
                left + (strip - cells.min(strip)) / 2,
                y,
                text,
                usize::from(plot.graph.width),
                theme.dim,
            );
        }
    }
}

/// The y axis with its labels and the x axis with month ticks and labels.
fn draw_axes(plot: &Plot, area: Rect, buf: &mut Buffer, theme: &Theme) {
    let (axis_x, axis_y) = plot.axis;
    let style = theme.border;
    for y in plot.graph.top()..plot.graph.bottom() {
        buf.set_stringn(axis_x, y, "│", 1, style);
    }
    let label_cells = usize::from(axis_x.saturating_sub(area.x));
    for (row, label) in &plot.y_labels {
        buf.set_stringn(
            area.x,
            *row,
            fit_right(label, label_cells),
            label_cells,
            theme.dim,
        );
        buf.set_stringn(axis_x, *row, "┤", 1, style);
    }
    for x in plot.graph.left()..plot.graph.right() {
        buf.set_stringn(x, axis_y, "─", 1, style);
    }
    buf.set_stringn(axis_x, axis_y, "└", 1, style);
    let right = usize::from(area.right());
    for label in &plot.x_labels {
        buf.set_stringn(label.tick, axis_y, "┬", 1, style);
        let cells = right.saturating_sub(usize::from(label.at));
        buf.set_stringn(label.at, axis_y + 1, &label.text, cells, theme.dim);
    }
}
