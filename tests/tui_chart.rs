//! The chart pane: unknown weeks are gaps drawn with the absent symbol (never
//! zero bars), the selected week is marked, and the window follows it.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use tui_fixture::*;
use zhoubao::tui::chart::{ABSENT_SYMBOL, MAX_BAR_CELLS, SELECTED_MARK};
use zhoubao::tui::layout::{inner, panes};
use zhoubao::tui::MemoryLibrary;

/// Where the sparkline of the first metric starts (after its 12-cell label).
fn spark_origin(width: u16, height: u16) -> (u16, u16, Rect) {
    let chart = panes(Rect::new(0, 0, width, height))
        .chart
        .expect("room for charts");
    let area = inner(chart);
    (area.x + 12, area.y, chart)
}

#[test]
fn missing_and_unknown_weeks_are_gaps_and_zero_is_a_bar() {
    let mut lib = MemoryLibrary::new();
    lib.insert(cached(
        10,
        (3, 4),
        (3, 10),
        figures([Some(0), None, None, None, None]),
    ));
    lib.insert(cached(
        11,
        (3, 11),
        (3, 17),
        figures([None, None, None, None, None]),
    ));
    // 12 is missing entirely.
    lib.insert(cached(
        13,
        (3, 25),
        (3, 31),
        figures([Some(400), None, None, None, None]),
    ));
    let app = app_with(lib, None, 120, 40);
    let buf = draw(&app, 120, 40);
    let (x, y, _) = spark_origin(120, 40);
    // A short series gets the widest bars; two rows per metric at this height.
    let bar = MAX_BAR_CELLS as u16;
    let column = |slot: u16| {
        let left = x + slot * bar;
        for dx in 1..bar {
            assert_eq!(
                buf[(left + dx, y + 1)].symbol(),
                buf[(left, y + 1)].symbol(),
                "one week, one bar"
            );
        }
        [buf[(left, y)].symbol(), buf[(left, y + 1)].symbol()]
    };
    assert_eq!(column(1), [ABSENT_SYMBOL; 2], "unknown figure");
    assert_eq!(column(2), [ABSENT_SYMBOL; 2], "missing issue");
    let zero = column(0);
    assert_ne!(zero[1], ABSENT_SYMBOL, "a zero is a value, not a gap");
    assert_ne!(zero[1], " ", "a zero still shows a sliver");
    assert_eq!(column(3)[0], "█", "the largest value fills the column");
}

#[test]
fn selected_week_is_marked_under_its_column_and_moves_with_the_selection() {
    let mut app = app(120, 40);
    let (x, _, chart) = spark_origin(120, 40);
    let bottom = chart.bottom() - 1;
    // Slots 12, 13, 14 (gap), 15, 16, 17, each a bar MAX_BAR_CELLS wide;
    // the mark sits under the middle of the selected bar.
    let bar = MAX_BAR_CELLS as u16;
    let under = |slot: u16| x + slot * bar + bar / 2;
    assert_eq!(
        draw(&app, 120, 40)[(under(5), bottom)].symbol(),
        SELECTED_MARK
    );
    press(&mut app, KeyCode::Char('G'));
    let buf = draw(&app, 120, 40);
    assert_eq!(buf[(under(0), bottom)].symbol(), SELECTED_MARK);
    assert_ne!(buf[(under(5), bottom)].symbol(), SELECTED_MARK);
}

#[test]
fn a_long_series_shows_a_window_around_the_selected_week() {
    let mut lib = MemoryLibrary::new();
    for n in 1..=52 {
        let v = i64::from(n) * 10;
        lib.insert(cached(
            n,
            (1, 1),
            (1, 7),
            figures([Some(v), Some(v), Some(v), Some(v), Some(v)]),
        ));
    }
    let mut app = app_with(lib, None, 80, 24);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("… 2024-52"),
        "the newest week is in view: {text}"
    );
    press(&mut app, KeyCode::Char('G'));
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("每周趋势 2024-1 …"),
        "the oldest week is in view: {text}"
    );
    assert!(
        text.contains("本期  10  min  10  max 390"),
        "the selected week's value beside the range of the weeks shown (1-39): {text}"
    );
}

#[test]
fn clicking_a_week_in_the_chart_selects_that_issue() {
    let mut app = app(120, 40);
    let (x, y, _) = spark_origin(120, 40);
    let bar = MAX_BAR_CELLS as u16;
    // Slot 1 is 2024-13.
    zhoubao::tui::update(
        &mut app,
        zhoubao::tui::Action::Click {
            column: x + bar + 1,
            row: y + 2,
        },
    );
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    // Slot 2 (2024-14) is a gap: not in the cache at all, shown as such.
    zhoubao::tui::update(
        &mut app,
        zhoubao::tui::Action::Click {
            column: x + 2 * bar,
            row: y,
        },
    );
    assert_eq!(app.current_key(), Some(key(2024, 14)));
    assert!(screen(&app, 120, 40).contains("未缓存"));
}
