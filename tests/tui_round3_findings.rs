//! Issue 18's findings 15–18 and 21 in the TUI, in Chinese at 80x24 and a
//! small size: runs of unknown weeks marked in the list, the review keys
//! leading the hints, 60x20, what `y` says and copies, the unread filter's
//! detail, `:`'s forms, the help overlay's background and short 近期回顾
//! lines.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;

use tui_fixture::*;
use zhoubao::tui::action::{Action, Focus};
use zhoubao::tui::app::App;
use zhoubao::tui::update::update;

fn status_line(app: &App, width: u16, height: u16) -> String {
    screen(app, width, height)
        .lines()
        .last()
        .unwrap_or("")
        .to_string()
}

/// 2024-6, 5, 4, then 2023-13, 12, 11: 43 weeks unknown between 2024-4
/// and 2023-13 (2023-14 … 2023-53, 2024-1 … 2024-3: the series' 2023 has
/// 53 weeks).
fn gap_library() -> zhoubao::tui::library::MemoryLibrary {
    weeks_library(&[
        (2024, 6, events(310)),
        (2024, 5, events(300)),
        (2024, 4, events(290)),
        (2023, 13, events(682)),
        (2023, 12, events(650)),
        (2023, 11, events(640)),
    ])
}

fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.lines().position(|l| l.contains(needle))
}

#[test]
fn a_run_of_unknown_weeks_is_a_separator_line_between_the_issues_around_it() {
    let app = app_zh(gap_library(), None, 80, 24);
    let text = screen(&app, 80, 24);
    let above = line_of(&text, "2024-4 ").expect("2024-4 listed");
    let gap = line_of(&text, "… 43 周无记录").expect("the separator");
    let below = line_of(&text, "2023-13").expect("2023-13 listed");
    assert_eq!((above + 1, gap + 1), (gap, below), "{text}");
    insta::assert_snapshot!("unknown_weeks_80x24", text);
    let small = app_zh(gap_library(), Some(key(2023, 13)), 40, 12);
    let text = screen(&small, 40, 12);
    assert!(text.contains("… 43 周无记录"), "{text}");
    insta::assert_snapshot!("unknown_weeks_40x12", text);
    let english = app_with(gap_library(), None, 80, 24);
    assert!(screen(&english, 80, 24).contains("… 43 weeks without issues"));
}

#[test]
fn moving_clicking_paging_and_the_wheel_skip_the_separator() {
    let mut app = app_zh(gap_library(), None, 80, 24);
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.current_key(), Some(key(2024, 4)));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.current_key(), Some(key(2023, 13)), "j steps over it");
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.current_key(), Some(key(2024, 4)), "k too");
    // Screen rows: the list's border, 2024-6, 5, 4, the separator, 2023-13.
    let text = screen(&app, 80, 24);
    assert!(
        text.lines().nth(4).unwrap_or("").contains("43 周无记录"),
        "{text}"
    );
    update(&mut app, Action::Click { column: 5, row: 4 });
    assert_eq!(
        app.current_key(),
        Some(key(2024, 4)),
        "a click on it selects nothing"
    );
    update(&mut app, Action::Click { column: 5, row: 5 });
    assert_eq!(
        app.current_key(),
        Some(key(2023, 13)),
        "the row under it is 2023-13"
    );
    update(&mut app, Action::Click { column: 5, row: 6 });
    assert_eq!(app.current_key(), Some(key(2023, 12)));
    press(&mut app, KeyCode::Char('g'));
    update(
        &mut app,
        Action::Scroll {
            column: 5,
            row: 2,
            down: true,
        },
    );
    assert_eq!(
        app.current_key(),
        Some(key(2023, 13)),
        "three rows, not lines"
    );
    // Small: every step keeps the selected issue on screen, the
    // separator never pushing it below the pane.
    let mut small = app_zh(gap_library(), None, 40, 12);
    press(&mut small, KeyCode::Char('g'));
    for _ in 0..6 {
        let shown = small.current_key().expect("an issue is shown").to_string();
        let text = screen(&small, 40, 12);
        let list = inner_rows(&text, small.list.area);
        assert!(
            list.iter().any(|l| l.contains(&format!("{shown} "))),
            "{shown}:\n{text}"
        );
        press(&mut small, KeyCode::Char('j'));
    }
    press(&mut small, KeyCode::Char('g'));
    press(&mut small, KeyCode::PageDown);
    let shown = small.current_key().expect("an issue is shown").to_string();
    let text = screen(&small, 40, 12);
    assert!(
        inner_rows(&text, small.list.area)
            .iter()
            .any(|l| l.contains(&shown)),
        "{text}"
    );
}

/// The text rows inside a pane's border.
fn inner_rows(text: &str, area: ratatui::layout::Rect) -> Vec<String> {
    text.lines()
        .skip(usize::from(area.y) + 1)
        .take(usize::from(area.height.saturating_sub(2)))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_review_keys_lead_the_status_line_hints_at_80_columns() {
    let app = app_zh(library(), None, 80, 24);
    let line = status_line(&app, 80, 24);
    assert!(
        line.starts_with("c 图表 · u 未读 · f 筛选 · : 转到期号 · "),
        "{line}"
    );
    assert!(line.contains("? 帮助 · q 退出"), "{line}");
    let english = app_with(library(), None, 80, 24);
    let line = status_line(&english, 80, 24);
    assert!(
        line.starts_with("c chart · u unread · f filter · : go to · "),
        "{line}"
    );
}

/// Weeks 2023-40 … 2024-17 of 处理事件 near 100, and 2024-17 at 675: far
/// above the others, drawn clipped with `↑`.
fn outlier_library() -> zhoubao::tui::library::MemoryLibrary {
    let first = zhoubao::calendar::week_index(key(2023, 40)).expect("on the calendar");
    let last = zhoubao::calendar::week_index(key(2024, 17)).expect("on the calendar");
    let weeks: Vec<(i32, u32, zhoubao::model::Figures)> = (first..=last)
        .map(|i| {
            let k = zhoubao::calendar::key_at(i).expect("on the calendar");
            let v = if i == last {
                675
            } else {
                100 + (i - first) % 9
            };
            (k.year, k.number, events(v))
        })
        .collect();
    weeks_library(&weeks)
}

#[test]
fn at_60x20_the_charts_give_way_to_the_list_and_keep_the_beyond_scale_note() {
    let app = app_zh(library(), None, 60, 20);
    let text = screen(&app, 60, 20);
    let rows = inner_rows(&text, app.list.area);
    // Four lines: 17, 16, 15, and the week 14 nobody knows.
    assert!(rows.len() >= 4, "{text}");
    for k in ["2024-17", "2024-16", "2024-15"] {
        assert!(rows.iter().any(|r| r.contains(k)), "{k}:\n{text}");
    }
    insta::assert_snapshot!("sixty_by_twenty", text);
    let app = app_zh(outlier_library(), None, 60, 20);
    let text = screen(&app, 60, 20);
    let chart = app.panes.chart.expect("a chart pane at 60x20");
    let title = text.lines().nth(usize::from(chart.y)).unwrap_or("");
    assert!(text.contains("↑675"), "{text}");
    assert!(title.contains("↑ 超出刻度"), "{title}\n{text}");
    insta::assert_snapshot!("sixty_by_twenty_beyond_scale", text);
    let line = text.lines().last().unwrap_or("");
    assert!(!line.contains('…'), "{line}");
}

#[test]
fn y_says_the_link_was_sent_and_copies_a_clean_wechat_link() {
    let mut lib = library();
    let mut i18 = cached(18, (4, 29), (5, 5), figures([Some(300); 5]));
    i18.url = Some(
        "https://mp.weixin.qq.com/s?__biz=FIXTURE&mid=18&idx=1&sn=5f3a&chksm=9b7e&scene=21#wechat_redirect"
            .to_string(),
    );
    lib.insert(i18);
    let mut app = app_zh(lib, Some(key(2024, 18)), 80, 24);
    press(&mut app, KeyCode::Char('y'));
    let clean = "https://mp.weixin.qq.com/s?__biz=FIXTURE&mid=18&idx=1&sn=5f3a";
    assert_eq!(app.take_clipboard_request().as_deref(), Some(clean));
    let line = status_line(&app, 80, 24);
    let said = app.status.message.as_ref().map(|m| m.text.clone());
    assert_eq!(
        said.as_deref(),
        Some(format!("已发送到终端的剪贴板（OSC 52，终端不回告是否收到）：{clean}").as_str())
    );
    // 80 columns: the short form, still "sent" and "unconfirmed".
    assert!(line.starts_with("已发往终端剪贴板（无法确认）："), "{line}");
    assert!(!line.contains("已复制"), "{line}");
}

#[test]
fn the_unread_filter_never_leaves_a_read_issue_in_the_detail() {
    let mut app = app_zh(library(), None, 80, 24);
    press(&mut app, KeyCode::Enter); // 17 opened: read
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    assert!(app.cursor_on_shown(), "a row is selected");
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    let text = screen(&app, 80, 24);
    assert!(text.contains("详情 2024-16"), "{text}");
    assert!(!text.contains("详情 2024-17"), "{text}");
}

#[test]
fn colon_takes_the_titles_forms_and_full_width_digits() {
    let mut app = app_zh(library(), None, 80, 24);
    for (typed, want) in [
        ("2024第13期", key(2024, 13)),
        ("2024/16", key(2024, 16)),
        ("２０２４第１２期", key(2024, 12)),
        ("２０２４／１７", key(2024, 17)),
    ] {
        press(&mut app, KeyCode::Char(':'));
        chars(&mut app, typed);
        press(&mut app, KeyCode::Enter);
        assert_eq!(app.current_key(), Some(want), "{typed}");
    }
}

#[test]
fn the_help_overlay_hides_the_panes_under_it_at_80x24() {
    let mut app = app_zh(library(), None, 80, 24);
    press(&mut app, KeyCode::Char('?'));
    let text = screen(&app, 80, 24);
    // Nothing of the panes shows: no corner or side of theirs beside the box.
    let rect = app.help.layout.rect.expect("the help is laid out");
    for (y, line) in text.lines().enumerate() {
        let y = u16::try_from(y).unwrap_or(u16::MAX);
        if y >= rect.y && y < rect.bottom() {
            continue;
        }
        assert!(line.trim().is_empty(), "row {y}: {line:?}\n{text}");
    }
    insta::assert_snapshot!("help_80x24", text);
}

#[test]
fn recent_lines_show_key_and_dates_and_the_selected_one_in_full() {
    let mut app = app_zh(library(), Some(key(2024, 17)), 80, 24);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('G')); // the detail's end: 近期回顾
    let text = screen(&app, 80, 24);
    assert!(text.contains("1. 2024-16 4月15日-4月21日"), "{text}");
    assert!(!text.contains("1. 网络安全信息与动态周报"), "{text}");
    insta::assert_snapshot!("recent_short_80x24", text);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Links);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("1. 网络安全信息与动态周报2024年第16期"),
        "{text}"
    );
    assert!(text.contains("2. 2024-15 4月8日-4月14日"), "{text}");
    insta::assert_snapshot!("recent_selected_80x24", text);
    press(&mut app, KeyCode::Char('j'));
    let text = screen(&app, 80, 24);
    assert!(text.contains("1. 2024-16 4月15日-4月21日"), "{text}");
    assert!(
        text.contains("2. 网络安全信息与动态周报2024年第15期"),
        "{text}"
    );
    let mut small = app_zh(library(), Some(key(2024, 17)), 40, 12);
    press(&mut small, KeyCode::Tab);
    press(&mut small, KeyCode::Tab);
    insta::assert_snapshot!("recent_selected_40x12", screen(&small, 40, 12));
}
