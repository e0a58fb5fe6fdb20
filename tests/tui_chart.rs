//! The chart pane: one cell per calendar week across year boundaries,
//! unknown weeks are gaps on the baseline (never zero bars), an outlier is
//! clipped and marked, the figures beside the lines come from a fixed span
//! whatever the width, the selected week is marked and the window follows it.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;

use tui_fixture::*;
use zhoubao::tui::library::MemoryLibrary;
use zhoubao::tui::view::chart::{
    ABOVE_MARK, ABSENT_SYMBOL, MAX_BAR_CELLS, SELECTED_MARK, STATS_WEEKS, YEAR_TICK,
};
use zhoubao::tui::view::layout::{inner, panes};

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
    let app = app_zh(lib, None, 120, 40);
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
    // In the two-row form a gap is marked on the baseline only.
    assert_eq!(column(1), [" ", ABSENT_SYMBOL], "unknown figure");
    assert_eq!(column(2), [" ", ABSENT_SYMBOL], "missing issue");
    let zero = column(0);
    assert_ne!(zero[1], ABSENT_SYMBOL, "a zero is a value, not a gap");
    assert_ne!(zero[1], " ", "a zero still shows a sliver");
    assert_eq!(column(3)[0], "█", "the largest value fills the column");
}

#[test]
fn selected_week_is_marked_under_its_column_and_moves_with_the_selection() {
    let mut app = app_zh(library(), None, 120, 40);
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
fn a_long_series_shows_the_weeks_up_to_the_selected_one() {
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
    let mut app = app_zh(lib, None, 80, 24);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("… 2024-52"),
        "the newest week is in view: {text}"
    );
    assert!(
        text.contains("本期 520   10–520"),
        "the 52 weeks up to 2024-52 are the whole series: {text}"
    );
    press(&mut app, KeyCode::Char('G'));
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("每周趋势 2024-1 …"),
        "the oldest week is in view: {text}"
    );
    assert!(
        text.contains("本期  10   10–10 "),
        "the figures are those of the 52 weeks up to 2024-1, not of the weeks shown: {text}"
    );
}

#[test]
fn clicking_a_week_in_the_chart_selects_that_issue() {
    let mut app = app_zh(library(), None, 120, 40);
    let (x, y, _) = spark_origin(120, 40);
    let bar = MAX_BAR_CELLS as u16;
    // Slot 1 is 2024-13.
    zhoubao::tui::update::update(
        &mut app,
        zhoubao::tui::action::Action::Click {
            column: x + bar + 1,
            row: y + 2,
        },
    );
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    // Slot 2 (2024-14) is a gap: not in the cache at all, shown as such.
    zhoubao::tui::update::update(
        &mut app,
        zhoubao::tui::action::Action::Click {
            column: x + 2 * bar,
            row: y,
        },
    );
    assert_eq!(app.current_key(), Some(key(2024, 14)));
    assert!(screen(&app, 120, 40).contains("未缓存"));
}

/// The cells of week `slot` of the first metric's line: (top, baseline).
fn cells(buf: &ratatui::buffer::Buffer, x: u16, y: u16, slot: u16, bar: u16) -> [String; 2] {
    let left = x + slot * bar;
    [
        buf[(left, y)].symbol().to_string(),
        buf[(left, y + 1)].symbol().to_string(),
    ]
}

/// 2023-50, 51, 53 (2023 has 53 weeks), 2024-1, 3 and 5: 2023-52, 2024-2
/// and 2024-4 are not in the cache.
fn across_new_year() -> MemoryLibrary {
    weeks_library(&[
        (2023, 50, events(300)),
        (2023, 51, events(340)),
        (2023, 53, events(280)),
        (2024, 1, events(410)),
        (2024, 3, events(360)),
        (2024, 5, events(390)),
    ])
}

#[test]
fn the_pane_has_one_cell_per_calendar_week_across_a_new_year_and_a_53_week_year() {
    let mut app = app_zh(across_new_year(), None, 120, 40);
    let buf = draw(&app, 120, 40);
    let text = text(&buf);
    assert!(text.contains("每周趋势 2023-50 … 2024-5"), "{text}");
    let (x, y, chart) = spark_origin(120, 40);
    let bar = MAX_BAR_CELLS as u16;
    // 50 51 52 53 | 1 2 3 4 5: nine weeks, the gaps at 52, 2 and 4.
    for (slot, gap) in [false, false, true, false, false, true, false, true, false]
        .into_iter()
        .enumerate()
    {
        let [top, baseline] = cells(&buf, x, y, slot as u16, bar);
        if gap {
            assert_eq!(
                [top.as_str(), baseline.as_str()],
                [" ", ABSENT_SYMBOL],
                "slot {slot}"
            );
        } else {
            assert_ne!(baseline, ABSENT_SYMBOL, "slot {slot} is a known week");
            assert_ne!(baseline, " ", "slot {slot} is a known week");
        }
    }
    assert_eq!(
        buf[(x + 9 * bar, y + 1)].symbol(),
        " ",
        "nothing after 2024-5"
    );
    // The year begins at 2024-1, the fifth week: a tick and the year under it.
    let bottom = chart.bottom() - 1;
    let tick = x + 4 * bar;
    assert_eq!(buf[(tick, bottom)].symbol(), YEAR_TICK);
    let year: String = (1..5).map(|dx| buf[(tick + dx, bottom)].symbol()).collect();
    assert_eq!(year, "2024");
    // A click on the week after the new year selects it.
    zhoubao::tui::update::update(
        &mut app,
        zhoubao::tui::action::Action::Click {
            column: tick + 1,
            row: y,
        },
    );
    assert_eq!(app.current_key(), Some(key(2024, 1)));
}

#[test]
fn chart_pane_across_a_new_year_80x24() {
    let app = app_zh(across_new_year(), Some(key(2024, 3)), 80, 24);
    insta::assert_snapshot!(screen(&app, 80, 24));
}

/// Twenty weeks of 2024 between 100 and 700, and 2024-10 at 2410 (the
/// shape of the real 处理事件 series around 2023-7).
fn with_outlier() -> MemoryLibrary {
    let values = [
        443, 289, 704, 682, 103, 381, 276, 495, 239, 2410, 177, 192, 415, 224, 285, 612, 350, 120,
        530, 460,
    ];
    let weeks: Vec<(i32, u32, zhoubao::model::Figures)> = values
        .iter()
        .zip(1..)
        .map(|(&v, n)| (2024, n, events(v)))
        .collect();
    weeks_library(&weeks)
}

#[test]
fn a_week_far_above_the_rest_is_clipped_and_marked_and_does_not_flatten_them() {
    let app = app_zh(with_outlier(), None, 120, 40);
    let buf = draw(&app, 120, 40);
    let text = text(&buf);
    let (x, y, _) = spark_origin(120, 40);
    let bar = MAX_BAR_CELLS as u16;
    let outlier = cells(&buf, x, y, 9, bar);
    assert_eq!(outlier[0], ABOVE_MARK, "marked on top: {text}");
    assert_eq!(outlier[1], "█");
    assert!(
        text.contains("↑ 超出刻度"),
        "the title says what ↑ means: {text}"
    );
    assert!(
        text.contains("103–704  ↑2410"),
        "beside: the scale drawn to and the clipped week's real figure: {text}"
    );
    let others: std::collections::BTreeSet<[String; 2]> = (0..20)
        .filter(|&slot| slot != 9)
        .map(|slot| cells(&buf, x, y, slot, bar))
        .collect();
    assert!(
        others.len() >= 8,
        "the other weeks keep distinct heights, not all ▁: {others:?}"
    );
    assert!(
        others.contains(&["█".to_string(), "█".to_string()]),
        "the highest ordinary week (704) fills the line: {others:?}"
    );
    // One row per figure at 80x24: the outlier's cell is the mark itself.
    let app = app_zh(with_outlier(), None, 80, 24);
    let small = draw(&app, 80, 24);
    let (x, y, _) = spark_origin(80, 24);
    let bar = u16::try_from((36 / 20usize).clamp(1, MAX_BAR_CELLS)).unwrap();
    assert_eq!(small[(x + 9 * bar, y)].symbol(), ABOVE_MARK);
}

/// Figure `metric` of week `week` (0 = 2022-1) of the long series.
fn long_value(week: usize, metric: usize) -> i64 {
    50 + ((week * (37 + metric * 11)) % 600) as i64
}

/// 150 weeks from 2022-1 on, every figure known ([`long_value`]), and
/// their keys, oldest first.
fn long_series() -> (MemoryLibrary, Vec<(i32, u32)>) {
    let value = long_value;
    let mut keys = Vec::new();
    let mut weeks = Vec::new();
    let first = zhoubao::calendar::week_index(key(2022, 1)).unwrap();
    for i in 0..150 {
        let k = zhoubao::calendar::key_at(first + i as i64).unwrap();
        let f = figures([0, 1, 2, 3, 4].map(|m| Some(value(i, m))));
        weeks.push((k.year, k.number, f));
        keys.push((k.year, k.number));
    }
    (weeks_library(&weeks), keys)
}

/// The text beside each figure's line, from `本期` on.
fn stats(text: &str) -> Vec<String> {
    zhoubao::model::SeriesId::CNCERT
        .headline()
        .iter()
        .map(|m| {
            let line = text
                .lines()
                .find(|l| l.starts_with(&format!("│{}", m.label())))
                .unwrap_or_else(|| panic!("no line for {}: {text}", m.label()));
            let from = line.find("本期").expect("figures beside the line");
            line[from..].trim_end_matches('│').trim().to_string()
        })
        .collect()
}

#[test]
fn the_figures_beside_the_lines_are_the_same_at_80x24_and_160x48() {
    let (lib, keys) = long_series();
    let value = long_value;
    let selected = 120; // 2024-17: 2023 had 53 weeks.
    let (year, number) = keys[selected];
    let app = app_zh(lib, Some(key(year, number)), 80, 24);
    let small = screen(&app, 80, 24);
    let (lib, _) = long_series();
    let app = app_zh(lib, Some(key(year, number)), 160, 48);
    let large = screen(&app, 160, 48);
    let title = |t: &str| {
        t.lines()
            .find(|l| l.contains("每周趋势"))
            .unwrap()
            .to_string()
    };
    assert_ne!(
        title(&small),
        title(&large),
        "the wide pane shows more weeks"
    );
    assert_eq!(stats(&small), stats(&large));
    // And they are those of the 52 weeks up to the selected one.
    let span = selected + 1 - STATS_WEEKS as usize..=selected;
    for (m, text) in stats(&small).iter().enumerate() {
        let v: Vec<Option<i64>> = span.clone().map(|w| Some(value(w, m))).collect();
        let scale = zhoubao::trend::window::Scale::of(&v).unwrap();
        let max = v.iter().flatten().max().unwrap();
        let words: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        let mut expected = vec![
            "本期".to_string(),
            value(selected, m).to_string(),
            format!("{}–{}", scale.low, scale.high),
        ];
        if *max > scale.high {
            expected.push(format!("↑{max}"));
        }
        assert_eq!(words, expected, "{text}");
    }
}

#[test]
fn the_year_is_named_when_the_selected_week_sits_just_after_its_first_week() {
    // 2025-3 selected: its mark is two cells after 2025-1's tick, where
    // the year would go; it goes before the tick instead.
    let mut weeks: Vec<(i32, u32, zhoubao::model::Figures)> = (1..=52)
        .map(|n| (2024, n, events(300 + i64::from(n))))
        .collect();
    weeks.extend((1..=3).map(|n| (2025, n, events(400))));
    for (w, h) in [(80, 24), (120, 40)] {
        let app = app_zh(weeks_library(&weeks), Some(key(2025, 3)), w, h);
        let text = screen(&app, w, h);
        let area = app.panes.chart.expect("the chart pane");
        let bottom = text
            .lines()
            .nth(usize::from(area.bottom() - 1))
            .expect("the pane's bottom border");
        assert!(bottom.contains("▲"), "{w}x{h}: {bottom}");
        assert!(
            bottom.contains("2025┴") || bottom.contains("┴2025"),
            "{w}x{h}: the year 2025 is named: {bottom}"
        );
    }
}
