//! Keyboard and mouse navigation: following 近期回顾 links and walking the
//! history, the series keys, search, read state, the browser key and the
//! selection remembered between runs.

mod tui_fixture;

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use tui_fixture::*;
use zhoubao::tui::action::{Action, Focus, InputMode};
use zhoubao::tui::state::detail::Target;
use zhoubao::tui::view::detail::Item;
use zhoubao::tui::{library::Library, library::MemoryLibrary, update::update};

#[test]
fn enter_on_a_link_follows_it_and_backspace_and_l_walk_the_history() {
    let mut app = app(120, 40);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::Links);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    assert!(screen(&app, 120, 40).contains("Detail 2024-16"));
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    insta::assert_snapshot!(screen(&app, 120, 40));
}

#[test]
fn digit_follows_the_numbered_line_from_any_pane() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.current_key(), Some(key(2024, 15)));
    assert_eq!(app.list.selected, 2, "the list cursor follows to 2024-15");
    assert!(screen(&app, 120, 40).contains(NOT_CACHED_NOTE));
    press_with(&mut app, KeyCode::Char('H'), KeyModifiers::SHIFT);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
}

#[test]
fn following_after_going_back_drops_the_forward_history() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('1')); // 17 -> 16
    press(&mut app, KeyCode::Char('1')); // 16 -> 15
    press(&mut app, KeyCode::Backspace); // back to 16
    assert_eq!(app.detail.history_len(), (1, 1));
    press(&mut app, KeyCode::Backspace); // back to 17
    press(&mut app, KeyCode::Char('4')); // 17 -> 13 by URL
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    assert_eq!(app.detail.history_len(), (1, 0));
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(
        app.current_key(),
        Some(key(2024, 13)),
        "nothing to go forward to"
    );
    assert!(app
        .status
        .message
        .as_ref()
        .is_some_and(|s| s.text.contains("no later")));
}

#[test]
fn a_link_to_an_issue_the_cache_does_not_know_shows_the_reference() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.current_key(), Some(key(2024, 14)));
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("网络安全信息与动态周报2024年第14期（4月1日-4月7日）"),
        "{text}"
    );
    assert!(text.contains(&url(14)) && text.contains(NOT_CACHED_NOTE));
    insta::assert_snapshot!(text);
    // A line with neither number nor link still opens, saying what is known.
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Char('5'));
    assert!(matches!(app.detail.current, Some(Target::Reference(_))));
    assert!(screen(&app, 120, 40).contains("一条没有链接的回顾"));
}

#[test]
fn digit_beyond_the_lines_is_an_error_in_the_status_line() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('9'));
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    assert!(screen(&app, 120, 40).contains("no 近期回顾 line 9"));
}

#[test]
fn brackets_step_through_the_series_by_key_order() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('['));
    assert_eq!(
        app.current_key(),
        Some(key(2024, 13)),
        "14 is not known, so 15 is followed by 13"
    );
    press(&mut app, KeyCode::Char(']'));
    assert_eq!(app.current_key(), Some(key(2024, 15)));
    // From an issue outside the list, ] still finds the next newer one.
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char(']'));
    press(&mut app, KeyCode::Char('3')); // 16 has one link only: error, stays
    assert_eq!(app.current_key(), Some(key(2024, 16)));
}

#[test]
fn list_moves_with_vim_keys_arrows_home_end_and_pages() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Down);
    assert_eq!(app.current_key(), Some(key(2024, 15)));
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.current_key(), Some(key(2024, 12)));
    press(&mut app, KeyCode::Home);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.current_key(), Some(key(2024, 12)));
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.current_key(), Some(key(2024, 13)));
}

#[test]
fn detail_focus_scrolls_instead_of_changing_issue() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.detail.scroll, 2);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    press(&mut app, KeyCode::End);
    assert_eq!(app.detail.scroll, app.detail.max_scroll());
    assert!(screen(&app, 80, 24).contains("一条没有链接的回顾"));
}

#[test]
fn incremental_search_jumps_as_you_type_and_esc_restores() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), InputMode::Search);
    chars(&mut app, "第13");
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    let text = screen(&app, 120, 40);
    assert!(text.contains("/第13▏ 1 hit"), "{text}");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), InputMode::Normal);
    assert_eq!(
        app.current_key(),
        Some(key(2024, 16)),
        "Esc goes back to where the search began"
    );
}

#[test]
fn kept_search_is_walked_with_n_and_shift_n() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "自拟");
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), InputMode::Normal);
    assert!(screen(&app, 120, 40).contains("4 hits (1/4)"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(
        app.current_key(),
        Some(key(2024, 12)),
        "N wraps around to the last hit"
    );
    // While typing, command letters are text, and Backspace edits.
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "qj");
    assert_eq!(app.search.as_ref().map(|s| s.query.as_str()), Some("qj"));
    assert!(screen(&app, 120, 40).contains("no match"));
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert!(!app.quit);
}

#[test]
fn m_toggles_read_and_persists_it_and_opening_marks_read() {
    let mut app = app(120, 40);
    assert!(screen(&app, 120, 40).contains("3 unread"));
    press(&mut app, KeyCode::Char('m'));
    assert!(app.catalog.summaries[0].read);
    assert_eq!(
        app.library().summaries().map(|s| s[0].read).ok(),
        Some(true),
        "stored"
    );
    assert!(screen(&app, 120, 40).contains("2 unread"));
    press(&mut app, KeyCode::Char('m'));
    assert!(!app.catalog.summaries[0].read);
    press(&mut app, KeyCode::Char('j'));
    assert!(
        !app.catalog.summaries[1].read,
        "moving the cursor does not mark read"
    );
    press(&mut app, KeyCode::Enter);
    assert!(app.catalog.summaries[1].read, "opening does");
    assert_eq!(app.focus, Focus::Detail);
}

#[test]
fn o_opens_only_web_urls_through_the_opener() {
    let opened = Rc::new(RefCell::new(Vec::<String>::new()));
    let mut lib = library();
    let mut odd = cached(30, (7, 22), (7, 28), figures([None; 5]));
    odd.url = Some("file:///etc/passwd".to_string());
    odd.aliases.clear();
    lib.insert(odd);
    let mut app = app_with(lib, Some(key(2024, 17)), 120, 40);
    let log = Rc::clone(&opened);
    app.set_url_opener(Box::new(move |u| {
        log.borrow_mut().push(u.to_string());
        Ok(())
    }));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(opened.borrow().as_slice(), [url(17)]);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.current_key(), Some(key(2024, 30)));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(opened.borrow().len(), 1);
    assert!(screen(&app, 120, 40).contains("not opening a URL that is not http(s)"));
}

#[test]
fn selection_is_remembered_on_quit_and_used_next_time_unless_open_is_given() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('['));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
    assert_eq!(
        app.library().last_selected().ok().flatten(),
        Some(key(2024, 16))
    );

    let lib = library();
    lib.set_last_selected(key(2024, 13)).ok();
    let app = app_with(lib, None, 120, 40);
    assert_eq!(app.current_key(), Some(key(2024, 13)));

    let lib = library();
    lib.set_last_selected(key(2024, 13)).ok();
    let app = app_with(lib, Some(key(2024, 12)), 120, 40);
    assert_eq!(app.current_key(), Some(key(2024, 12)));
}

#[test]
fn ctrl_c_quits_even_while_searching() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
}

#[test]
fn mouse_click_selects_rows_and_links_and_the_wheel_scrolls_the_pane_under_it() {
    let mut app = app_zh(library(), None, 120, 40);
    // List rows start inside the border at y = 1; row 4 is the line
    // marking the unknown week 2024-14, which selects nothing.
    update(&mut app, Action::Click { column: 5, row: 4 });
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    update(&mut app, Action::Click { column: 5, row: 5 });
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    update(&mut app, Action::Click { column: 5, row: 1 });
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    let link_row = screen(&app, 120, 40)
        .lines()
        .position(|l| l.contains("1. 网络安全信息与动态周报2024年第16期"))
        .and_then(|y| u16::try_from(y).ok())
        .unwrap_or(0);
    update(
        &mut app,
        Action::Click {
            column: 60,
            row: link_row,
        },
    );
    assert_eq!(app.focus, Focus::Links);
    assert_eq!(
        app.current_key(),
        Some(key(2024, 17)),
        "the first click selects"
    );
    update(
        &mut app,
        Action::Click {
            column: 60,
            row: link_row,
        },
    );
    assert_eq!(
        app.current_key(),
        Some(key(2024, 16)),
        "the second click follows"
    );
    update(
        &mut app,
        Action::Scroll {
            column: 60,
            row: 10,
            down: true,
        },
    );
    assert_eq!(app.detail.scroll, 3.min(app.detail.max_scroll()));
    update(
        &mut app,
        Action::Scroll {
            column: 5,
            row: 3,
            down: true,
        },
    );
    assert_eq!(app.current_key(), Some(key(2024, 12)));
}

#[test]
fn an_empty_cache_still_draws_and_keys_do_nothing_harmful() {
    let mut app = app_with(MemoryLibrary::new(), None, 80, 24);
    for code in [
        KeyCode::Char('j'),
        KeyCode::Char('G'),
        KeyCode::Char('['),
        KeyCode::Char('1'),
        KeyCode::Enter,
        KeyCode::Char('m'),
        KeyCode::Char('o'),
        KeyCode::Tab,
        KeyCode::Tab,
    ] {
        press(&mut app, code);
    }
    assert!(screen(&app, 80, 24).contains("zhoubao import"));
}

#[test]
fn search_hits_are_highlighted_in_the_detail() {
    use ratatui::style::Color;
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "自拟");
    let buf = draw(&app, 120, 40);
    let area = zhoubao::tui::view::layout::panes(buf.area).detail;
    let hit_cells: Vec<(u16, u16)> = (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| {
            buf[(x, y)].symbol() == "自" && x + 2 < area.right() && buf[(x + 2, y)].symbol() == "拟"
        })
        .collect();
    assert!(!hit_cells.is_empty());
    for (x, y) in hit_cells {
        assert_eq!(
            buf[(x, y)].bg,
            Color::Yellow,
            "hit at ({x},{y}) is highlighted"
        );
        assert_eq!(buf[(x + 2, y)].bg, Color::Yellow);
        assert_ne!(buf[(x - 2, y)].bg, Color::Yellow, "only the hit");
    }
    press(&mut app, KeyCode::Esc);
    let buf = draw(&app, 120, 40);
    assert!(
        buf.content().iter().all(|c| c.bg != Color::Yellow),
        "no highlight after cancel"
    );
}

#[test]
fn going_back_returns_to_the_same_scroll_position_and_link() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    let (scroll, link) = (app.detail.scroll, app.detail.link);
    // The image address comes first among the selectable lines.
    assert!(scroll > 0 && app.detail.doc.items.get(link) == Some(&Item::Link(2)));
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(key(2024, 14)));
    press(&mut app, KeyCode::Backspace);
    assert_eq!((app.detail.scroll, app.detail.link), (scroll, link));
    assert_eq!(
        app.focus,
        Focus::Links,
        "back in the links, ready to follow the next"
    );
}

#[test]
fn the_highlight_folds_ascii_case_as_the_search_does() {
    use ratatui::style::Color;
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "cncert");
    let buf = draw(&app, 120, 40);
    let area = zhoubao::tui::view::layout::panes(buf.area).detail;
    let highlighted_c = (area.top()..area.bottom())
        .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
        .filter(|&(x, y)| buf[(x, y)].symbol() == "C" && buf[(x, y)].bg == Color::Yellow)
        .count();
    assert!(
        highlighted_c >= 2,
        "CNCERT in the source line is highlighted"
    );
}

#[test]
fn n_and_shift_n_go_to_the_hit_below_and_above_the_cursor() {
    let mut app = app(120, 40);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "周报");
    press(&mut app, KeyCode::Enter);
    let hits = hits(&app);
    assert!(hits.len() >= 3, "{hits:?}");
    press(&mut app, KeyCode::Char('G'));
    let bottom = app.current_key().expect("an issue at the bottom");
    press(&mut app, KeyCode::Char('N'));
    let above = hits.iter().copied().filter(|k| *k > bottom).min();
    assert_eq!(app.current_key(), above, "the nearest hit above the cursor");
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.current_key(), hits.first().copied(), "wraps to the top");
}

#[test]
fn n_after_a_search_without_hits_says_there_was_no_match() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "不存在的词");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    assert!(screen(&app, 80, 24).contains("“不存在的词”: no match"));
}

#[test]
fn m_on_an_issue_that_is_not_cached_marks_nothing() {
    let mut app = app_with(library(), Some(key(2024, 15)), 80, 24);
    press(&mut app, KeyCode::Char('m'));
    assert!(
        !app.catalog
            .summaries
            .iter()
            .any(|s| s.key == key(2024, 15) && s.read),
        "no read mark on an issue nobody could read"
    );
    assert!(screen(&app, 80, 24).contains("not cached: nothing to mark"));
}

#[test]
fn opening_an_unknown_issue_says_so_and_starts_on_a_real_one() {
    let app = app_with(library(), Some(key(2030, 1)), 80, 24);
    assert_eq!(
        app.current_key(),
        Some(key(2024, 17)),
        "the newest cached issue"
    );
    assert!(screen(&app, 80, 24).contains("2030-1 is not in the cache"));
}

#[test]
fn help_stops_scrolling_at_its_last_row_so_k_moves_back_at_once() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('?'));
    // Wrapped at 80 columns the help has more rows than its lines.
    for _ in 0..2 * zhoubao::tui::view::help::help_lines(&app.ui).len() {
        press(&mut app, KeyCode::Char('j'));
    }
    let end = zhoubao::tui::view::help::max_scroll(app.panes.screen, &app.ui);
    assert!(end > 0, "the key list is longer than an 80x24 screen");
    assert_eq!(app.help.scroll, end);
    let before = screen(&app, 80, 24);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.help.scroll, end - 1);
    assert_ne!(screen(&app, 80, 24), before, "k moved the help at once");
}
