//! The chart view's axes: round value steps from 0 with labels at the rows
//! they name, and month (or year) labels at the week holding each month's
//! first day, thinned until they do not touch. Pure functions of the weeks
//! shown and the plot's [`Raster`].

use std::ops::Range;

use chrono::{Datelike, Duration, NaiveDate};

use super::chart_raster::Raster;
use super::wrap::width;
use crate::calendar;
use crate::i18n::{Lang, Screen};
use crate::model::{Metric, Value};
use crate::series::Kind;

/// A month or year on the x axis: the tick at the column of the week
/// holding its first day, the label from `at` (the tick's column, unless
/// the label had to move left to fit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XLabel {
    pub tick: u16,
    pub at: u16,
    pub text: String,
    /// The label names a year (January's), in any language.
    pub year: bool,
}

/// The smallest of 1, 2, 2.5, 5 × 10ⁿ (integers only) at least `raw`.
fn nice_step(raw: i64) -> i64 {
    let mut p: i64 = 1;
    loop {
        let candidates = [p, 2 * p, if p >= 10 { p / 2 * 5 } else { 5 * p }, 5 * p];
        if let Some(&c) = candidates.iter().find(|&&c| c >= raw) {
            return c;
        }
        match p.checked_mul(10) {
            Some(next) if next.checked_mul(5).is_some() => p = next,
            _ => return i64::MAX,
        }
    }
}

/// Axis values from 0: the smallest round step that reaches `max` in at
/// most `intervals` + 1 steps, and how many steps that takes.
pub(super) fn y_axis(max: f64, intervals: i64) -> (i64, i64) {
    let max = max.ceil().max(1.0) as i64;
    let most = intervals.max(1) + 1;
    let step = nice_step(max.saturating_add(most - 1) / most);
    let steps = (max.saturating_add(step - 1) / step).max(1);
    (step, steps)
}

fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// Labels for the first day of each month in the weeks shown, every
/// `step` months (every `step / 12` years from a year on), at the column of
/// the week holding that day. The first label names its year. The smallest
/// step whose labels do not touch wins.
pub(super) fn x_labels(
    window: &Range<i64>,
    raster: &Raster,
    right: u16,
    lang: Lang,
) -> Vec<XLabel> {
    let first = calendar::key_at(window.start).and_then(calendar::week_start);
    let last = window
        .end
        .checked_sub(1)
        .and_then(calendar::key_at)
        .and_then(calendar::week_start)
        .and_then(|d| d.checked_add_signed(Duration::days(6)));
    let (Some(first), Some(last)) = (first, last) else {
        return Vec::new();
    };
    let mut months = Vec::new();
    let (mut y, mut m) = (first.year(), first.month());
    while let Some(day) = month_start(y, m).filter(|d| *d <= last) {
        if day >= first {
            let week = calendar::key_of_day(day).and_then(calendar::week_index);
            if let Some(r) = week.and_then(|w| usize::try_from(w - window.start).ok()) {
                months.push((raster.column_of(r), y, m));
            }
        }
        (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    }
    const STEPS: [u32; 12] = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400];
    for step in STEPS {
        let chosen = months.iter().filter(|(_, y, m)| {
            if step < 12 {
                (m - 1) % step == 0
            } else {
                *m == 1 && y.rem_euclid(i32::try_from(step / 12).unwrap_or(1)) == 0
            }
        });
        let mut labels: Vec<XLabel> = Vec::new();
        for (i, &(x, y, m)) in chosen.enumerate() {
            let text = match (i, m) {
                (_, 1) => Screen::AxisYear(y),
                (0, _) => Screen::AxisYearMonth(y, m),
                _ => Screen::AxisMonth(m),
            }
            .text(lang)
            .into_owned();
            labels.push(XLabel {
                tick: x,
                at: x,
                text,
                year: m == 1,
            });
        }
        let fits = labels.windows(2).all(|p| {
            let end = usize::from(p[0].at) + width(&p[0].text);
            end < usize::from(p[1].at)
        });
        if fits {
            fit_last(&mut labels, right);
            return labels;
        }
    }
    Vec::new()
}

/// A last label running past the right edge moves left to end there; if
/// it then touches the one before, a year gives way to nothing (it is the
/// newest year, the one a reader looks for) and the one before goes, while
/// a month is dropped.
fn fit_last(labels: &mut Vec<XLabel>, right: u16) {
    let Some(last) = labels.last() else {
        return;
    };
    let cells = u16::try_from(width(&last.text)).unwrap_or(u16::MAX);
    if last.at.saturating_add(cells) <= right {
        return;
    }
    let is_year = last.year;
    let n = labels.len();
    let Some(moved) = right.checked_sub(cells) else {
        labels.pop();
        return;
    };
    let touches = n >= 2 && {
        let before = &labels[n - 2];
        usize::from(before.at) + width(&before.text) >= usize::from(moved)
    };
    match (touches, is_year) {
        (false, _) => labels[n - 1].at = moved,
        (true, true) => {
            labels[n - 1].at = moved;
            labels.remove(n - 2);
        }
        (true, false) => {
            labels.pop();
        }
    }
}

/// The y axis' label for `units` (chart units) of `metric` on an axis of
/// `step`: a count's digits, a share's with `%`, a score's with the
/// decimals the step needs, at least one (a score's axis reads as one:
/// `6.0`, `6.5`), every label of the axis with the same.
pub(super) fn y_label(metric: Metric, step: i64, units: i64) -> String {
    match metric.kind() {
        Kind::Count => units.to_string(),
        Kind::Share => format!("{units}%"),
        Kind::Score { decimals } => {
            let shown = Value::from_units(step, decimals).map_or(decimals, |s| s.scale().max(1));
            Value::from_units(units, decimals).map_or_else(|| units.to_string(), |v| v.text(shown))
        }
    }
}

/// Labels for 0, step, 2·step … steps·step at their rows: 0 and the top
/// always (when on different rows), the others only with a free row to
/// either side, so no two numbers run together.
pub(super) fn y_labels(
    raster: &Raster,
    metric: Metric,
    step: i64,
    steps: i64,
) -> Vec<(u16, String)> {
    let label = |i: i64| {
        let v = i.saturating_mul(step);
        (raster.row_of(v as f64), y_label(metric, step, v))
    };
    let top = label(steps);
    let mut labels = vec![label(0)];
    for i in 1..steps {
        let (row, text) = label(i);
        let below = labels.last().map_or(u16::MAX, |l| l.0);
        if row + 2 <= below && row >= top.0 + 2 {
            labels.push((row, text));
        }
    }
    if labels.last().is_some_and(|l| l.0 > top.0) {
        labels.push(top);
    }
    labels
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::IssueKey;
    use ratatui::layout::Rect;

    #[test]
    fn y_axis_steps_are_round_numbers_reaching_the_largest_value() {
        assert_eq!(y_axis(2410.0, 4), (500, 5));
        assert_eq!(y_axis(2410.0, 2), (1000, 3));
        assert_eq!(y_axis(811.0, 4), (200, 5));
        assert_eq!(y_axis(7.0, 2), (5, 2));
        assert_eq!(y_axis(0.0, 4), (1, 1));
        assert_eq!(nice_step(3), 5);
        assert_eq!(nice_step(21), 25);
        assert_eq!(nice_step(i64::MAX), i64::MAX);
    }

    #[test]
    fn a_year_at_the_right_edge_is_kept_in_either_language() {
        // Weeks up to 2025-1: January (a year label) is the last label, at
        // the right edge, whatever the width and the language.
        let end = calendar::week_index(IssueKey::new(2025, 1)).unwrap() + 1;
        let window = end - 14..end;
        for lang in [Lang::Zh, Lang::En] {
            let year = Screen::AxisYear(2025).text(lang).into_owned();
            for cells in 12..60u16 {
                let r = Raster {
                    graph: Rect::new(0, 0, cells, 10),
                    wide: usize::from(cells) * 2,
                    high: 40,
                    weeks: 14,
                    top: 10.0,
                };
                let labels = x_labels(&window, &r, cells, lang);
                let Some(last) = labels.last() else {
                    continue;
                };
                assert_eq!(last.text, year, "{lang:?} at {cells} cells: {labels:?}");
                assert!(last.year);
            }
        }
    }

    #[test]
    fn month_labels_sit_at_the_week_holding_the_first_of_the_month() {
        let start = calendar::week_index(IssueKey::new(2024, 14)).unwrap();
        let window = start..start + 13;
        let r = Raster {
            graph: Rect::new(5, 0, 60, 10),
            wide: 120,
            high: 40,
            weeks: 13,
            top: 10.0,
        };
        // 1 April is in 2024-14 (week 0), 1 May in 2024-18 (it began on 29
        // April), 1 June in 2024-22.
        let labels = x_labels(&window, &r, 65, Lang::Zh);
        let got: Vec<(u16, &str)> = labels.iter().map(|l| (l.tick, l.text.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (r.column_of(0), "2024年4月"),
                (r.column_of(4), "5月"),
                (r.column_of(8), "6月")
            ]
        );
        // Across a new year the year is named where it begins, and labels
        // thin out (every second month, then every quarter) when narrow.
        let start = calendar::week_index(IssueKey::new(2023, 40)).unwrap();
        let window = start..start + 30;
        let narrow = Raster {
            graph: Rect::new(0, 0, 24, 10),
            wide: 48,
            high: 40,
            weeks: 30,
            top: 10.0,
        };
        let texts: Vec<String> = x_labels(&window, &narrow, 24, Lang::Zh)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert!(texts.contains(&"2024年".to_string()), "{texts:?}");
        assert!(texts.len() < 7, "{texts:?}");
    }
}
