//! The detail pane's figures compared with earlier weeks, as a reader sees
//! them: every kind of comparison at 80x24 and 40x12, laid out at the
//! pane's inner widths, with rises and falls told apart by colour and sign.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;

use tui_fixture::*;
use zhoubao::tui::app::App;

/// The app on 2025-6 with the detail pane focused and scrolled so the
/// figures heading is the top row.
fn on_figures(width: u16, height: u16) -> App {
    let mut app = app_zh(comparisons_library(), Some(key(2025, 6)), width, height);
    press(&mut app, KeyCode::Tab);
    let heading = app
        .detail
        .rows
        .iter()
        .position(|r| {
            r.spans
                .first()
                .is_some_and(|(t, _)| t.starts_with("本周数据"))
        })
        .expect("the figures heading is in the document");
    for _ in 0..heading {
        press(&mut app, KeyCode::Char('j'));
    }
    app
}

/// The figures block (heading to the blank row after it) at `width`.
fn figures_block(app: &App, width: usize) -> String {
    let rows: Vec<String> = app
        .detail
        .doc
        .wrap(width)
        .iter()
        .map(|r| r.spans.iter().map(|(t, _)| t.as_str()).collect())
        .collect();
    let from = rows
        .iter()
        .position(|r| r.starts_with("本周数据"))
        .unwrap_or(0);
    let to = rows[from..]
        .iter()
        .position(String::is_empty)
        .map_or(rows.len(), |n| from + n);
    rows[from..to].join("\n")
}

#[test]
fn detail_figures_show_every_kind_of_comparison_80x24() {
    let app = on_figures(80, 24);
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    assert!(text.contains("本周数据 · 较上周 2025-5"), "{text}");
}

#[test]
fn detail_figures_show_every_kind_of_comparison_40x12() {
    let app = on_figures(40, 12);
    insta::assert_snapshot!(screen(&app, 40, 12));
}

#[test]
fn the_figures_block_at_the_detail_pane_widths() {
    let app = on_figures(80, 24);
    // 46 cells: the pane at 80x24; 38: stacked at 40x12; 82: at 120x40.
    for width in [46, 38, 82] {
        insta::assert_snapshot!(format!("figures_{width}"), figures_block(&app, width));
    }
    let wide = figures_block(&app, 82);
    for phrase in [
        "620  +233 (+60.2%)",
        "52周最高",
        "去年同期 300 +107%",
        "52周并列最低",
        "去年同期 —",
        "较2025-2",
        "前4周均 —(仅1周有数)",
        "+3 (新增)",
        "52周第2低",
        "本期无此项",
    ] {
        assert!(wide.contains(phrase), "{phrase} missing in\n{wide}");
    }
}

#[test]
fn rises_are_red_and_falls_green_and_both_carry_a_sign() {
    let app = on_figures(120, 40);
    let buf = draw(&app, 120, 40);
    let text = screen(&app, 120, 40);
    let colour_of = |needle: &str| {
        let (y, line) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle} not on screen:\n{text}"));
        let before = &line[..line.find(needle).unwrap_or(0)];
        let x = unicode_width::UnicodeWidthStr::width(before);
        buf[(x as u16, y as u16)].fg
    };
    assert_eq!(colour_of("+233 (+60.2%)"), Color::Red);
    assert_eq!(colour_of("−4 (−3.8%)"), Color::Green);
    assert_eq!(colour_of("+3 (新增)"), Color::Red);
}

/// Issue 18, item 11: 2024-9 after 2023-13, 49 weeks before, as in the
/// real archive. No change is headlined; the week before is said to be
/// unknown and the older value is given apart, dim.
#[test]
fn a_change_beyond_the_gap_is_not_headlined_in_the_detail_pane() {
    let lib = weeks_library(&[(2023, 13, events(682)), (2024, 9, events(103))]);
    let app = app_zh(lib, Some(key(2024, 9)), 100, 30);
    let block = figures_block(&app, 96);
    assert!(!block.contains("−579"), "{block}");
    assert!(
        block.starts_with("本周数据 · 上周不详（前4周无数据）"),
        "{block}"
    );
    assert!(
        block.contains("103  上周不详  最近已知：2023-13（49周前）682"),
        "{block}"
    );
    let row = app
        .detail
        .rows
        .iter()
        .find(|r| r.spans.iter().any(|(t, _)| t.starts_with("最近已知")))
        .expect("the last known value is shown");
    let (_, style) = row
        .spans
        .iter()
        .find(|(t, _)| t.starts_with("最近已知"))
        .unwrap();
    assert_eq!(*style, app.ui.theme.dim, "dim, apart from the changes");
    // A gap of a year from the config headlines it again.
    let lib = weeks_library(&[(2023, 13, events(682)), (2024, 9, events(103))]);
    let mut app = app_zh(lib, Some(key(2024, 9)), 100, 30);
    app.set_max_gap_weeks(52);
    assert!(figures_block(&app, 96).contains("−579"));
}
