//! Small flows: a search that finds nothing, help over the chart view, the
//! 1-9 hint only where there is a line to follow, and the chart pane on a
//! small screen.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;

use tui_fixture::*;
use zhoubao::i18n::Lang;
use zhoubao::tui::action::InputMode;
use zhoubao::tui::keymap::binding::Scope;

#[test]
fn a_search_that_ends_with_no_hits_returns_to_the_issue_it_started_from() {
    let mut app = app(100, 30);
    let start = app.current_key();
    assert_eq!(start, Some(key(2024, 17)));
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第16期正文");
    assert_eq!(app.current_key(), Some(key(2024, 16)), "the hit is shown");
    chars(&mut app, "没有这句话");
    assert!(hits(&app).is_empty());
    assert_eq!(app.current_key(), start, "no hit: back where it began");
    assert!(screen(&app, 100, 30).contains("Detail 2024-17"));
}

#[test]
fn a_deferred_search_that_finds_nothing_also_returns() {
    let mut app = app(100, 30);
    app.set_search_budget(0);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第16期正文");
    while app.search_wait().is_some() {
        zhoubao::tui::update::update(&mut app, zhoubao::tui::action::Action::RunPendingSearch);
    }
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    chars(&mut app, "没有这句话");
    while app.search_wait().is_some() {
        zhoubao::tui::update::update(&mut app, zhoubao::tui::action::Action::RunPendingSearch);
    }
    assert_eq!(app.current_key(), Some(key(2024, 17)));
}

#[test]
fn help_over_the_chart_view_opens_at_the_chart_view_s_keys() {
    let mut app = app_zh(library(), None, 80, 24);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), InputMode::Help);
    let at = app.help.layout.scroll_to(Scope::Chart);
    assert!(at > 0, "the chart section is not the first");
    assert_eq!(app.help.scroll, at);
    let text = screen(&app, 80, 24);
    let heading = Scope::Chart.heading().text(Lang::Zh);
    let first_row = text
        .lines()
        .find(|l| l.contains(&*heading))
        .expect("the chart heading shows");
    // At the top of the overlay, or as near as the help scrolls.
    let rect = app.help.layout.rect.expect("the overlay");
    let row = text.lines().position(|l| l == first_row).unwrap_or(0);
    assert!(
        (usize::from(rect.y) + 1..usize::from(rect.bottom()) - 1).contains(&row),
        "in the overlay:\n{text}"
    );
    assert!(at == app.help.layout.max_scroll() || row == usize::from(rect.y) + 1);
    // Closing goes back to the view; from the main screen help opens at the top.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), InputMode::Chart);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.help.scroll, 0);
}

#[test]
fn the_follow_hint_shows_only_where_there_is_a_line_to_follow() {
    let mut app = app(120, 40);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    let status =
        |app: &zhoubao::tui::app::App| screen(app, 120, 40).lines().last().unwrap().to_string();
    assert!(status(&app).contains("1-9 follow"), "{}", status(&app));
    // 2024-15 is not cached: nothing to follow.
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "2024-15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(key(2024, 15)));
    assert!(!status(&app).contains("follow"), "{}", status(&app));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    assert!(status(&app).contains("1-9 follow"), "{}", status(&app));
}

#[test]
fn the_chart_pane_shows_at_60x20_in_chinese() {
    let app = app_zh(library(), None, 60, 20);
    let area = app.panes.chart.expect("room for the chart pane at 60x20");
    let text = screen(&app, 60, 20);
    let title = text.lines().nth(usize::from(area.y)).unwrap_or_default();
    assert!(title.contains("每周趋势"), "{text}");
    // Stacked at 60x20 the list keeps its rows first: the first three
    // figures show, the last ones give way.
    for label in ["处理事件", "仿冒投诉"] {
        assert!(text.contains(label), "{label}:\n{text}");
    }
    assert!(!text.contains("恶意URL"), "{text}");
    insta::assert_snapshot!(text);
}
