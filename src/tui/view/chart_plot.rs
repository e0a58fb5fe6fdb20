//! What the chart view draws, worked out once per change of figure, zoom,
//! selection, series or size: the weeks shown, the weekly line, its 4-week
//! moving average and the same weeks a year earlier, as braille dots, with
//! dated x-axis and value y-axis labels at the columns and rows they name.
//!
//! ratatui's `Chart` joins every consecutive pair of a dataset's points, so
//! a line drawn with it would bridge a missing week; one dataset per run of
//! known weeks would cost the canvas a full layer each. Instead the lines
//! are rasterised here, only between weeks that are both known, into the
//! canvas's own dot grid: the chart's bounds are set to that grid, so each
//! point given to it is exactly one braille dot, and a whole line is one
//! scatter dataset whose size is bounded by the screen, not by the weeks.

use std::ops::Range;

use ratatui::layout::Rect;

use super::chart::window;
use super::chart_axis::XLabel;
use super::chart_axis::{x_labels, y_axis, y_label, y_labels};
use super::chart_raster::Raster;
use super::wrap::width;
use crate::calendar;
use crate::i18n::Lang;
use crate::model::{IssueKey, Metric};
use crate::trend::window::{moving_average_by_issue, Scale};
use crate::trend::WeekSeries;

/// Weeks the moving average spans; it needs every one of them known.
pub const AVERAGE_WEEKS: usize = 4;

/// The spans `+`/`-` step through, narrowest first; None is every week of
/// the series.
pub const ZOOMS: [Option<usize>; 5] = [Some(13), Some(26), Some(52), Some(104), None];

use super::chart_raster::Cell;

/// The lines of the plot, as canvas dots (x, y from the bottom).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lines {
    pub cursor: Vec<(f64, f64)>,
    pub earlier: Vec<(f64, f64)>,
    pub average: Vec<(f64, f64)>,
    pub weekly: Vec<(f64, f64)>,
}

/// The selected week's figures, for the header.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub key: IssueKey,
    /// The days the week's issue says it covers, when it is known and
    /// says; else the calendar's week of `key`.
    pub period: Option<crate::model::Period>,
    pub value: Option<i64>,
    pub average: Option<f64>,
    /// The same issue number a year earlier and its value, when that year
    /// has the number.
    pub earlier: Option<(IssueKey, Option<i64>)>,
}

/// Everything the chart view draws.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    pub metric: Metric,
    /// The weeks shown, as [`calendar::week_index`]es.
    pub window: Range<i64>,
    pub reading: Option<Reading>,
    /// Where the `Chart` widget goes; its bounds are `dots`.
    pub graph: Rect,
    /// Braille dots across and up the graph.
    pub dots: (usize, usize),
    pub lines: Lines,
    /// Cells holding a weekly value (or a year-earlier one) marked with a
    /// point symbol: every week when there is room between them, else only
    /// weeks without a known neighbour.
    pub points: Vec<Cell>,
    pub earlier_points: Vec<Cell>,
    pub selected: Option<Cell>,
    /// Column of the y axis and row of the x axis.
    pub axis: Cell,
    /// y labels: the row, and the value right-aligned before the axis.
    pub y_labels: Vec<(u16, String)>,
    /// x labels under the axis.
    pub x_labels: Vec<XLabel>,
    /// Said in the graph when the weeks shown hold no value.
    pub empty: bool,
    /// Some week (or its moving average) lies above the scale: the week
    /// is drawn on the top edge, the average not at all.
    pub clipped: bool,
    /// Where: the top row of each such week's column, marked there.
    pub clipped_cells: Vec<Cell>,
    /// The bottom row of each week below zero (the axis' start), marked.
    pub below_cells: Vec<Cell>,
    /// Every weekly value has its point symbol (else only lone weeks).
    pub roomy: bool,
}

impl Raster {
    /// The cells of the weeks of `values` to mark with a point symbol: all
    /// of them when `all`, else only weeks with no known neighbour, which
    /// would otherwise be a lone braille dot.
    fn points(&self, values: &[Option<f64>], all: bool) -> Vec<Cell> {
        let known = |i: Option<usize>| i.and_then(|i| values.get(i).copied().flatten()).is_some();
        values
            .iter()
            .enumerate()
            .filter_map(|(r, v)| {
                let lone = !known(r.checked_sub(1)) && !known(r.checked_add(1));
                let v = (*v).filter(|_| all || lone)?;
                Some(self.cell(self.x(r), self.y(v)))
            })
            .collect()
    }
}

/// The values of `metric` for the weeks of `window`, and their moving
/// average (which reads the weeks just before the window too).
fn weekly_and_average(
    weeks: &WeekSeries,
    window: &Range<i64>,
    metric: Metric,
) -> (Vec<Option<i64>>, Vec<Option<f64>>) {
    let before = i64::try_from(AVERAGE_WEEKS - 1).unwrap_or(0);
    let range = window.start.saturating_sub(before)..window.end;
    let wide = weeks.values(range.clone(), metric);
    let holders = weeks.holders(range);
    let lead = wide
        .len()
        .saturating_sub(usize::try_from(window.end - window.start).unwrap_or(0));
    let average = moving_average_by_issue(&wide, &holders, AVERAGE_WEEKS).split_off(lead);
    (wide[lead..].to_vec(), average)
}

/// The same issue numbers a year earlier ([`calendar::year_earlier`]), one
/// per week of `window`. Walks the keys instead of converting each week,
/// so a window of thousands of weeks costs one lookup per week.
fn earlier_values(weeks: &WeekSeries, window: &Range<i64>, metric: Metric) -> Vec<Option<i64>> {
    let Some(mut key) = calendar::key_at(window.start) else {
        return vec![None; usize::try_from(window.end - window.start).unwrap_or(0)];
    };
    let mut this_year = calendar::weeks_in_year(key.year);
    let mut last_year = key.year.checked_sub(1).and_then(calendar::weeks_in_year);
    window
        .clone()
        .map(|i| {
            let value = last_year
                .filter(|n| key.number <= *n)
                .and_then(|n| weeks.value(i - i64::from(n), metric));
            key.number += 1;
            if this_year.is_none_or(|n| key.number > n) {
                key = IssueKey::new(key.year.saturating_add(1), 1);
                last_year = this_year;
                this_year = calendar::weeks_in_year(key.year);
            }
            value
        })
        .collect()
}

/// What the view shows of `metric` at zoom `zoom` (an index into
/// [`ZOOMS`]) around `selected`, else the newest week, in `area` (the
/// frame's inside below the header). None when the area is too small to
/// plot anything.
pub fn build(
    weeks: &WeekSeries,
    metric: Metric,
    zoom: usize,
    year_earlier: bool,
    selected: Option<IssueKey>,
    area: Rect,
    lang: Lang,
) -> Option<Plot> {
    let span = weeks.span();
    let selected_index = selected.and_then(|k| weeks.index_of(k));
    // A double issue's window reaches its second week.
    let last_week = |i: i64| weeks.get(i).map_or(i, |w| w.end.max(i));
    let anchor = selected_index.map_or(span.end - 1, last_week);
    let window = match ZOOMS.get(zoom).copied().flatten() {
        Some(n) => window(&span, anchor, n),
        None => span.clone(),
    };
    let shown = usize::try_from(window.end - window.start).unwrap_or(0);
    let (weekly, average) = weekly_and_average(weeks, &window, metric);
    let earlier = if year_earlier {
        earlier_values(weeks, &window, metric)
    } else {
        Vec::new()
    };
    // The top of the scale is the highest shown week of the weekly line
    // that is not an outlier: one far-out week, and the year-earlier line
    // (often a busier or a quieter year), must not flatten the weeks the
    // view is about. A week above it, of either line, is drawn on the top
    // edge, marked there, and the title says so. Only a view with no
    // weekly value at all is scaled to the year earlier.
    let max = Scale::of(&weekly)
        .or_else(|| Scale::of(&earlier))
        .map_or(0.0, |s| s.high as f64);
    // Rows for the plot: all but the x axis and its labels.
    let high_cells = area.height.checked_sub(2).filter(|h| *h >= 2)?;
    let intervals = if high_cells >= 5 {
        i64::from(high_cells / 4).clamp(2, 5)
    } else {
        1
    };
    let (step, steps) = y_axis(max, intervals);
    let label_cells = (0..=steps)
        .map(|i| width(&y_label(metric, step, i.saturating_mul(step))))
        .max()
        .unwrap_or(1);
    let label_cells = u16::try_from(label_cells).ok()?;
    let graph = Rect::new(
        area.x + label_cells + 1,
        area.y,
        area.width
            .checked_sub(label_cells + 1)
            .filter(|w| *w >= 4)?,
        high_cells,
    );
    let raster = Raster {
        graph,
        wide: usize::from(graph.width) * 2,
        high: usize::from(graph.height) * 4,
        weeks: shown,
        top: step.saturating_mul(steps) as f64,
    };
    let to_f64 = |v: &Vec<Option<i64>>| v.iter().map(|v| v.map(|v| v as f64)).collect::<Vec<_>>();
    let (weekly_f, earlier_f) = (to_f64(&weekly), to_f64(&earlier));
    let above = |values: &[Option<f64>]| -> Vec<Cell> {
        values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some_and(|v| v > raster.top))
            .map(|(r, _)| (raster.column_of(r), graph.y))
            .collect()
    };
    let mut clipped_cells = above(&weekly_f);
    clipped_cells.extend(above(&earlier_f));
    // The moving average above the scale is marked too, and not drawn
    // there: flat along the top it would read as the top's value.
    clipped_cells.extend(above(&average));
    clipped_cells.sort_unstable();
    clipped_cells.dedup();
    // The axis starts at zero, as the chart pane's bars do: a week below
    // it (no count is, but nothing forbids it) sits on the bottom edge,
    // marked there.
    let below = |values: &[Option<f64>]| -> Vec<Cell> {
        values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_some_and(|v| v < 0.0))
            .map(|(r, _)| (raster.column_of(r), graph.bottom().saturating_sub(1)))
            .collect()
    };
    let mut below_cells = below(&weekly_f);
    below_cells.extend(below(&earlier_f));
    below_cells.sort_unstable();
    below_cells.dedup();
    let average_within: Vec<Option<f64>> = average
        .iter()
        .map(|a| a.filter(|a| *a <= raster.top))
        .collect();
    let selected_r = selected_index
        .filter(|i| window.contains(i))
        .and_then(|i| usize::try_from(i - window.start).ok());
    let cursor = selected_r.map_or_else(Vec::new, |r| {
        let x = raster.x(r) as f64;
        (0..raster.high).step_by(2).map(|y| (x, y as f64)).collect()
    });
    let lines = Lines {
        cursor,
        earlier: raster.line(&earlier_f, true),
        average: raster.line(&average_within, false),
        weekly: raster.line(&weekly_f, false),
    };
    // Every point only where a cell lies between two weeks, or they would
    // hide the line.
    let roomy = shown * 2 <= usize::from(graph.width);
    let points = raster.points(&weekly_f, roomy);
    let earlier_points = raster.points(&earlier_f, roomy);
    let selected_cell = selected_r.and_then(|r| {
        let v = weekly.get(r).copied().flatten()?;
        Some(raster.cell(raster.x(r), raster.y(v as f64)))
    });
    let reading = selected_index
        .or((!span.is_empty()).then_some(anchor))
        .and_then(|i| {
            // The week's own issue names it (a series not numbered by week
            // has other numbers than the calendar's).
            let key = weeks.key_at(i)?;
            // The moving average of a double issue is the one that ends
            // with its last week, as for any issue.
            let r = usize::try_from(last_week(i) - window.start)
                .ok()
                .filter(|r| *r < shown);
            let earlier = calendar::year_earlier(key).map(|k| {
                let v = weeks.index_of(k).and_then(|w| weeks.value(w, metric));
                (k, v)
            });
            Some(Reading {
                key,
                period: weeks.get(i).and_then(|w| w.period),
                value: weeks.value(i, metric),
                average: r.and_then(|r| average.get(r).copied().flatten()),
                earlier,
            })
        });
    let y_labels = y_labels(&raster, metric, step, steps);
    let x_labels = x_labels(&window, &raster, area.right(), lang);
    Some(Plot {
        metric,
        window,
        reading,
        graph,
        dots: (raster.wide, raster.high),
        lines,
        points,
        earlier_points,
        selected: selected_cell,
        axis: (area.x + label_cells, graph.bottom()),
        y_labels,
        x_labels,
        empty: !weekly.iter().any(Option::is_some),
        clipped: !clipped_cells.is_empty(),
        clipped_cells,
        below_cells,
        roomy,
    })
}

#[cfg(test)]
mod tests {
    use super::super::chart_raster::bresenham;
    use super::*;

    fn raster(weeks: usize) -> Raster {
        Raster {
            graph: Rect::new(10, 2, 20, 5),
            wide: 40,
            high: 20,
            weeks,
            top: 100.0,
        }
    }

    #[test]
    fn a_gap_breaks_the_line_and_a_lone_week_still_shows() {
        let r = raster(11);
        let dots = r.line(
            &[
                Some(0.0),
                Some(0.0),
                None,
                None,
                Some(50.0),
                None,
                None,
                None,
            ],
            false,
        );
        let xs: Vec<usize> = dots.iter().map(|d| d.0 as usize).collect();
        // Weeks 0 and 1 sit at dots 0 and 4 and are joined; week 4 (dot
        // 16) is alone: one dot, and marked as a point; nothing between.
        assert!(xs.iter().all(|&x| x <= 4 || x == 16), "{xs:?}");
        assert_eq!(xs.iter().filter(|&&x| x <= 4).count(), 5);
        assert_eq!(xs.iter().filter(|&&x| x == 16).count(), 1);
        let values = [Some(0.0), Some(0.0), None, None, Some(50.0), None];
        assert_eq!(r.points(&values, false), vec![r.cell(16, r.y(50.0))]);
        assert_eq!(r.points(&values, true).len(), 3);
    }

    #[test]
    fn a_line_between_known_weeks_is_unbroken() {
        let r = raster(2);
        let dots = r.line(&[Some(0.0), Some(100.0)], false);
        let mut ys: Vec<usize> = dots.iter().map(|d| d.1 as usize).collect();
        ys.sort_unstable();
        ys.dedup();
        assert_eq!(ys, (0..20).collect::<Vec<_>>());
        // 40 dots across; dotted keeps every other one along the path (the
        // first is drawn twice, ending a stroke and starting a segment).
        let dotted = r.line(&[Some(0.0), Some(100.0)], true);
        assert!(
            (20..=21).contains(&dotted.len()),
            "every other dot: {dotted:?}"
        );
    }

    #[test]
    fn weeks_on_one_dot_column_make_one_stroke_and_the_line_goes_on() {
        // 40 weeks on 40 dots... of which 20 columns: two weeks a column.
        let r = Raster {
            graph: Rect::new(0, 0, 10, 5),
            wide: 20,
            high: 20,
            weeks: 39,
            top: 19.0,
        };
        let values: Vec<Option<f64>> = (0..39).map(|i| Some(f64::from(i % 20))).collect();
        let dots = r.line(&values, false);
        let mut expected = Vec::new();
        let mut put = |x, y| expected.push((x, y));
        for i in 0..38 {
            let a = (r.x(i), r.y(values[i].unwrap()));
            let b = (r.x(i + 1), r.y(values[i + 1].unwrap()));
            bresenham(a, b, &mut put);
        }
        let mut got: Vec<(usize, usize)> =
            dots.iter().map(|d| (d.0 as usize, d.1 as usize)).collect();
        expected.sort_unstable();
        expected.dedup();
        got.sort_unstable();
        assert_eq!(got, expected, "the same dots as joining every pair");
    }

    #[test]
    fn the_year_earlier_line_reads_the_same_issue_numbers_across_a_53_week_year() {
        use crate::model::{Figures, IssueSummary, SeriesId};
        let summary = |y, n, v| {
            IssueSummary::with_figures(
                IssueKey::new(y, n),
                Figures::headline(SeriesId::CNCERT, &[Some(v)]),
            )
        };
        let weeks = WeekSeries::build(&[
            summary(2023, 52, 1),
            summary(2023, 53, 2),
            summary(2024, 1, 3),
            summary(2024, 52, 4),
            summary(2025, 1, 5),
        ]);
        let from = calendar::week_index(IssueKey::new(2024, 51)).unwrap();
        let got = earlier_values(
            &weeks,
            &(from..from + 3),
            SeriesId::CNCERT.figure("events_handled"),
        );
        // 2024-51, 2024-52, 2025-1 a year earlier: 2023-51 (unknown),
        // 2023-52, 2024-1; 2023-53 has no counterpart in 2024.
        assert_eq!(got, vec![None, Some(1), Some(3)]);
        let from = calendar::week_index(IssueKey::new(2023, 52)).unwrap();
        let got = earlier_values(
            &weeks,
            &(from..from + 3),
            SeriesId::CNCERT.figure("events_handled"),
        );
        assert_eq!(
            got,
            vec![None, None, None],
            "2022 is unknown, 2022-53 does not exist"
        );
    }

    #[test]
    fn a_far_out_week_a_year_earlier_is_clipped_not_the_top_of_the_scale() {
        use crate::model::{Figures, IssueSummary, SeriesId};
        let summary = |k: IssueKey, v| {
            IssueSummary::with_figures(k, Figures::headline(SeriesId::CNCERT, &[Some(v)]))
        };
        // Two years of weeks between 100 and 190, and one of 5000 in the
        // first: a year later, the 52-week view shows it as year-earlier.
        let first = calendar::week_index(IssueKey::new(2023, 1)).unwrap();
        let all: Vec<IssueSummary> = (0..104)
            .map(|i| {
                let key = calendar::key_at(first + i).unwrap();
                summary(key, if i == 30 { 5000 } else { 100 + i % 10 * 10 })
            })
            .collect();
        let weeks = WeekSeries::build(&all);
        let last = calendar::key_at(first + 103);
        let area = Rect::new(0, 0, 78, 20);
        let zoom_52 = ZOOMS.iter().position(|z| *z == Some(52)).unwrap();
        let plot = build(
            &weeks,
            SeriesId::CNCERT.figure("events_handled"),
            zoom_52,
            true,
            last,
            area,
            Lang::En,
        )
        .expect("room to plot");
        assert!(plot.clipped, "the 5000 week lies above the scale");
        let top: i64 = plot
            .y_labels
            .iter()
            .filter_map(|(_, l)| l.trim().parse().ok())
            .max()
            .unwrap();
        assert!(
            top < 1000,
            "the scale follows the ordinary weeks: top {top}"
        );
        let plain = build(
            &weeks,
            SeriesId::CNCERT.figure("events_handled"),
            zoom_52,
            false,
            last,
            area,
            Lang::En,
        )
        .expect("room to plot");
        assert!(!plain.clipped, "without the year earlier nothing is beyond");
    }

    /// Issue 18, item 14: a moving average above the scale was drawn
    /// flat along the top with no mark, as if it were the top's value.
    #[test]
    fn a_moving_average_above_the_scale_is_marked_and_not_drawn_flat_on_top() {
        use crate::model::{Figures, IssueSummary, SeriesId};
        let first = calendar::week_index(IssueKey::new(2023, 1)).unwrap();
        // Weeks of 100 to 190, and one of 5000 that lifts the four moving
        // averages from it on far above the ordinary weeks' scale.
        let all: Vec<IssueSummary> = (0..104)
            .map(|i| {
                let key = calendar::key_at(first + i).unwrap();
                let v = if i == 80 { 5000 } else { 100 + i % 10 * 10 };
                IssueSummary::with_figures(key, Figures::headline(SeriesId::CNCERT, &[Some(v)]))
            })
            .collect();
        let weeks = WeekSeries::build(&all);
        let zoom_52 = ZOOMS.iter().position(|z| *z == Some(52)).unwrap();
        let plot = build(
            &weeks,
            SeriesId::CNCERT.figure("events_handled"),
            zoom_52,
            false,
            calendar::key_at(first + 103),
            Rect::new(0, 0, 78, 20),
            Lang::En,
        )
        .expect("room to plot");
        let raster = Raster {
            graph: plot.graph,
            wide: plot.dots.0,
            high: plot.dots.1,
            weeks: 52,
            top: 0.0,
        };
        // Week 80 is row 28 of the window (52..104); its average and the
        // next three are above the scale.
        for r in 28..32 {
            let mark = (raster.column_of(r), plot.graph.y);
            assert!(plot.clipped_cells.contains(&mark), "{r}: {mark:?}");
        }
        let (from, to) = (raster.x(27), raster.x(32));
        let drawn: Vec<_> = plot
            .lines
            .average
            .iter()
            .filter(|(x, _)| (from as f64) < *x && *x < to as f64)
            .collect();
        assert!(
            drawn.is_empty(),
            "the average above the scale is not drawn: {drawn:?}"
        );
        assert!(
            plot.lines.average.iter().any(|(x, _)| *x >= to as f64),
            "and goes on once it is back within"
        );
    }

    #[test]
    fn values_map_to_the_rows_their_labels_name() {
        let r = raster(10);
        assert_eq!(r.row_of(100.0), 2);
        assert_eq!(r.row_of(0.0), 6);
        assert_eq!(r.column_of(0), 10);
        assert_eq!(r.column_of(9), 29);
    }

    #[test]
    fn a_double_issues_moving_average_ends_with_its_last_week() {
        use crate::model::{Figures, IssueSummary, SeriesId};
        let summary = |n: u32, v| {
            IssueSummary::with_figures(
                IssueKey::new(2024, n),
                Figures::headline(SeriesId::CNCERT, &[Some(v)]),
            )
        };
        // 第40、41期 is one issue; its four weeks are 38 to 41.
        let double = IssueSummary {
            last_number: Some(41),
            ..summary(40, 900)
        };
        let all = vec![summary(37, 100), summary(38, 200), summary(39, 300), double];
        let weeks = WeekSeries::build(&all);
        let plot = build(
            &weeks,
            SeriesId::CNCERT.figure("events_handled"),
            0,
            false,
            Some(IssueKey::new(2024, 40)),
            Rect::new(0, 0, 78, 20),
            Lang::En,
        )
        .expect("room to plot");
        let reading = plot.reading.expect("a reading");
        assert_eq!(reading.average, Some((200.0 + 300.0 + 900.0) / 3.0));
    }
}
