//! The review flow in the TUI: the list filter, the next unread issue,
//! marking everything read after a question, the `:` prompt, the status
//! line's pinned hints, and what `o` and `y` act on.

mod tui_fixture;

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::crossterm::event::KeyCode;

use tui_fixture::*;
use zhoubao::tui::action::{Action, Focus, InputMode};
use zhoubao::tui::app::App;
use zhoubao::tui::state::list::ListFilter;
use zhoubao::tui::view::detail::Item;
use zhoubao::tui::{library::Library, library::MemoryLibrary, update::update};

fn status(app: &App) -> String {
    app.status
        .message
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn last_line(app: &App, width: u16, height: u16) -> String {
    screen(app, width, height)
        .lines()
        .last()
        .unwrap_or("")
        .to_string()
}

fn listed(app: &App) -> Vec<String> {
    (0..app.list.rows.len())
        .filter_map(|r| app.list.row_key(r))
        .map(|k| k.to_string())
        .collect()
}

/// The fixture plus 2024 第18、19期, cached and unread, so the unread
/// issues are 19, 18, 17, 16 and 13 (12 is read, 15 not cached).
fn longer_library() -> MemoryLibrary {
    let mut lib = library();
    lib.insert(cached(
        18,
        (4, 29),
        (5, 5),
        figures([Some(276), Some(132), Some(215), Some(5), Some(7)]),
    ));
    lib.insert(cached(
        19,
        (5, 6),
        (5, 12),
        figures([Some(495), Some(140), Some(300), Some(3), Some(2)]),
    ));
    lib
}

#[test]
fn f_cycles_all_cached_unread_flagged_and_names_the_filter_in_the_list_title() {
    let mut app = app(80, 24);
    assert_eq!(
        listed(&app),
        ["2024-17", "2024-16", "2024-15", "2024-13", "2024-12"]
    );
    assert!(screen(&app, 80, 24).contains("CNCERT · 5 issues · 3 unread"));
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.list.filter, ListFilter::Cached);
    assert_eq!(listed(&app), ["2024-17", "2024-16", "2024-13", "2024-12"]);
    assert!(screen(&app, 150, 40).contains("┌ CNCERT · 5 · 3 unread · cached only ─"));
    // A narrower pane drops the name before the filter.
    assert!(screen(&app, 80, 24).contains("┌ 5 · 3 unread · cached only ─"));
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(listed(&app), ["2024-17", "2024-16", "2024-13"]);
    assert!(screen(&app, 150, 40).contains("┌ CNCERT · 5 · 3 unread · unread only ─"));
    let text = screen(&app, 80, 24);
    assert!(text.contains("┌ 5 · 3 unread · unread only ─"), "{text}");
    assert!(text.contains("showing the 3 unread issues of 5"), "{text}");
    insta::assert_snapshot!(text);
    // Then the flagged ones: none yet, and the list says how to flag.
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.list.filter, ListFilter::Flagged);
    assert!(app.list.rows.is_empty());
    let text = screen(&app, 80, 24);
    assert!(text.contains("┌ 5 · 3 unread · flagged ─"), "{text}");
    assert!(text.contains("showing the 0 flagged of 5 issues"), "{text}");
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.list.filter, ListFilter::All);
    assert_eq!(app.list.rows.len(), 5);
}

#[test]
fn the_filtered_list_keeps_the_selection_and_moves_by_its_own_rows() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('j')); // 16
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    assert_eq!(app.current_key(), Some(key(2024, 16)), "selection kept");
    assert_eq!(app.list.selected, 1);
    assert!(app.cursor_on_shown());
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.current_key(), Some(key(2024, 13)), "15 is not listed");
    assert!(last_line(&app, 80, 24).ends_with("3/3"));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.current_key(), Some(key(2024, 13)), "the last row");
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.current_key(), Some(key(2024, 17)));
}

#[test]
fn an_issue_the_filter_hides_stays_shown_and_j_k_go_to_its_neighbours() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f')); // unread: 17, 16, 13
    press(&mut app, KeyCode::Char('2')); // 17's second line: 15, not cached
    assert_eq!(app.current_key(), Some(key(2024, 15)));
    let text = screen(&app, 80, 24);
    assert!(text.contains("Detail 2024-15"), "{text}");
    assert!(!app.cursor_on_shown());
    assert!(
        last_line(&app, 80, 24).ends_with("–/3"),
        "no row is the shown one"
    );
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(
        app.current_key(),
        Some(key(2024, 16)),
        "the nearest newer row"
    );
    assert!(app.cursor_on_shown());
    // [ and ] walk the whole series, not the filtered rows.
    press(&mut app, KeyCode::Char('['));
    assert_eq!(app.current_key(), Some(key(2024, 15)));
    assert!(!app.cursor_on_shown());
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(
        app.current_key(),
        Some(key(2024, 13)),
        "the nearest older row"
    );
}

#[test]
fn search_hits_outside_the_filter_are_still_reached() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f')); // unread: 12 (read) is hidden
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第12期");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(key(2024, 12)));
    assert!(screen(&app, 80, 24).contains("Detail 2024-12"));
}

#[test]
fn an_issue_read_under_the_unread_filter_stays_listed_until_the_filter_is_chosen_again() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Enter); // opens 17: read
    assert_eq!(app.catalog.unread, 2);
    assert_eq!(
        listed(&app),
        ["2024-17", "2024-16", "2024-13"],
        "no row moved"
    );
    assert!(screen(&app, 80, 24).contains("2 unread · unread only"));
    // Round the four filters (all, cached, unread, flagged) to unread.
    for _ in 0..4 {
        press(&mut app, KeyCode::Char('f'));
    }
    assert_eq!(listed(&app), ["2024-16", "2024-13"]);
    // Nothing selected would leave a read issue in the detail: the
    // cursor's row (the nearest older) is shown instead.
    assert_eq!(app.current_key(), Some(key(2024, 16)), "the cursor's row");
    assert!(app.cursor_on_shown());
}

#[test]
fn u_opens_the_shown_issue_when_unread_then_the_next_older_and_wraps_to_the_newest() {
    let mut app = app_with(longer_library(), Some(key(2024, 17)), 80, 24);
    // The shown issue is unread: it is the first one to read.
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    assert!(app
        .catalog
        .summaries
        .iter()
        .any(|s| s.key == key(2024, 17) && s.read));
    assert_eq!(status(&app), "2024-17: 4 more unread");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    assert_eq!(status(&app), "2024-16: 3 more unread");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        app.current_key(),
        Some(key(2024, 13)),
        "15 is not cached, 14 unknown"
    );
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        app.current_key(),
        Some(key(2024, 19)),
        "wraps past 12 (read)"
    );
    assert_eq!(
        status(&app),
        "2024-19: 1 more unread (wrapped to the newest)"
    );
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.current_key(), Some(key(2024, 18)));
    assert_eq!(status(&app), "2024-18: that was the last unread issue");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.current_key(), Some(key(2024, 18)));
    assert!(last_line(&app, 80, 24).starts_with("no unread issues"));
}

#[test]
fn shift_a_asks_before_marking_everything_and_anything_but_y_cancels() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(app.mode(), InputMode::Confirm);
    assert!(last_line(&app, 80, 24).starts_with("Mark all 3 unread issues read? y/n"));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.mode(), InputMode::Normal);
    assert_eq!(app.current_key(), Some(key(2024, 17)), "j only answered no");
    assert_eq!(app.catalog.unread, 3);
    assert_eq!(status(&app), "cancelled: nothing marked");
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.catalog.unread, 3);
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.catalog.unread, 0);
    assert_eq!(status(&app), "marked 3 issues read");
    let stored = app.library().summaries().expect("summaries");
    assert!(stored.iter().filter(|s| s.cached).all(|s| s.read));
    assert!(
        stored.iter().filter(|s| !s.cached).all(|s| !s.read),
        "not-cached issues get no mark"
    );
    press(&mut app, KeyCode::Char('A'));
    assert_eq!(app.mode(), InputMode::Normal, "nothing to ask");
    assert_eq!(status(&app), "no unread issues: nothing to mark");
}

#[test]
fn marking_all_read_under_the_unread_filter_empties_the_list_and_says_so() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('y'));
    assert!(app.list.rows.is_empty());
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("no unread issue (f changes the filter)"),
        "{text}"
    );
    // No row is selected: the detail shows no (now read) issue either.
    assert!(!text.contains("Detail 2024-17"), "{text}");
    assert_eq!(app.current_key(), None);
    // Keys on an empty list do nothing harmful.
    for code in [KeyCode::Char('j'), KeyCode::Char('G'), KeyCode::Char('u')] {
        press(&mut app, code);
    }
    update(&mut app, Action::Click { column: 3, row: 3 });
    assert_eq!(app.current_key(), None);
    assert!(screen(&app, 40, 12).contains("no unread issue (f changes the filter)"));
}

#[test]
fn colon_goes_to_an_issue_by_key_and_back_returns() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char(':'));
    assert_eq!(app.mode(), InputMode::Goto);
    chars(&mut app, "2024-133");
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert!(last_line(&app, 80, 24).starts_with(":2024-1▏"));
    chars(&mut app, "3");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), InputMode::Normal);
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    assert!(app
        .catalog
        .summaries
        .iter()
        .any(|s| s.key == key(2024, 13) && s.read));
    assert_eq!(app.detail.history_len(), (1, 0));
    press(&mut app, KeyCode::Char('H'));
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    // A number alone is that issue of the shown year.
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(key(2024, 15)));
}

#[test]
fn colon_with_a_bad_or_unknown_key_says_why_and_esc_cancels() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "周报");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    assert!(app.status.message.as_ref().is_some_and(|s| s.error));
    assert!(
        status(&app).contains("“周报” is not an issue key: type YEAR-NUMBER, e.g. 2024-17"),
        "{}",
        status(&app)
    );
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "2031-7");
    press(&mut app, KeyCode::Enter);
    assert!(status(&app).starts_with("2031-7 is not in the cache"));
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "2024-13");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), InputMode::Normal);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    assert_eq!(app.detail.history_len(), (0, 0));
    // q in the prompt is typed, not quit.
    press(&mut app, KeyCode::Char(':'));
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    assert_eq!(app.prompt.goto_input(), "q");
}

#[test]
fn status_line_at_60_columns_keeps_help_and_quit() {
    let app = app(60, 20);
    let text = screen(&app, 60, 20);
    insta::assert_snapshot!(text);
    let line = text.lines().last().unwrap_or("");
    assert!(line.contains("? help · q quit"), "{line}");
    assert!(!line.contains('…'), "hints are dropped whole: {line}");
}

#[test]
fn status_line_at_40_columns_drops_other_hints_first_even_beside_a_message() {
    let mut app = app(40, 12);
    let line = last_line(&app, 40, 12);
    assert!(line.contains("? help · q quit"), "{line}");
    assert!(line.ends_with("1/5"), "{line}");
    // Off the list, q goes back to it, and the pinned hint says so.
    for (focus_change, q) in [(0, "q quit"), (1, "q list"), (2, "q list")] {
        let line = last_line(&app, 40, 12);
        assert!(
            line.contains(&format!("? help · {q}")),
            "focus {focus_change}: {line}"
        );
        press(&mut app, KeyCode::Tab);
    }
    press(&mut app, KeyCode::Char('9')); // a long error message
    let line = last_line(&app, 40, 12);
    assert!(
        line.contains("no 近期回顾") && line.contains("? help · q quit"),
        "{line}"
    );
    // Narrower, the message stays whole and the pinned hints give way
    // to it (the next key brings them back) rather than cut it.
    for width in [30u16, 33, 35] {
        update(&mut app, Action::Resize(width, 12));
        let line = last_line(&app, width, 12);
        assert!(line.contains("no 近期回顾 line 9"), "{width}: {line}");
        assert!(!line.contains('…'), "{width}: {line}");
    }
    press(&mut app, KeyCode::Char('j'));
    let line = last_line(&app, 30, 12);
    assert!(line.contains("? help · q quit"), "{line}");
}

#[test]
fn the_help_lists_every_new_key() {
    let lines = zhoubao::tui::view::help::help_lines(&ui_in(zhoubao::i18n::Lang::En));
    for (keys, words) in [
        ("u", "next unread"),
        ("A", "mark every cached issue read"),
        ("f", "filter the list"),
        (":", "go to an issue by key"),
        ("y", "clipboard"),
        ("o", "chart's address"),
    ] {
        assert!(
            lines
                .iter()
                .any(|(l, _)| l.trim_start().starts_with(&format!("{keys} ")) && l.contains(words)),
            "{keys}: {words}"
        );
    }
}

fn recording_app(lib: MemoryLibrary) -> (App, Rc<RefCell<Vec<String>>>) {
    let opened = Rc::new(RefCell::new(Vec::<String>::new()));
    let mut app = app_with(lib, Some(key(2024, 17)), 100, 40);
    let log = Rc::clone(&opened);
    app.set_url_opener(Box::new(move |u| {
        log.borrow_mut().push(u.to_string());
        Ok(())
    }));
    (app, opened)
}

#[test]
fn o_opens_the_selected_link_else_the_issue_url() {
    let (mut app, opened) = recording_app(library());
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Tab); // detail: still the issue's own
    press(&mut app, KeyCode::Char('o'));
    press(&mut app, KeyCode::Tab); // links: the first 近期回顾 line
    assert_eq!(app.focus, Focus::Links);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(opened.borrow().as_slice(), [url(17), url(17), url(15)]);
    assert!(status(&app).contains(&url(15)));
    assert_eq!(app.current_key(), Some(key(2024, 17)), "o does not follow");
    // The fifth line has no link: said, nothing opened.
    press(&mut app, KeyCode::Char('G'));
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(opened.borrow().len(), 3);
    assert_eq!(status(&app), "this 近期回顾 line has no link");
}

#[test]
fn chart_lines_are_selectable_enter_shows_the_chart_and_o_opens_its_address() {
    let (mut app, opened) = recording_app(library());
    let image = "https://mmbiz.qpic.cn/fixture/17/chart1.png".to_string();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(
        app.detail.doc.items.get(app.detail.link),
        Some(&Item::Link(0))
    );
    press(&mut app, KeyCode::Char('k')); // up from the first line: the image
    assert_eq!(
        app.detail.doc.items.get(app.detail.link),
        Some(&Item::Image(0))
    );
    let text = screen(&app, 100, 40);
    assert!(
        // The line says whether it is downloaded, then the address, cut
        // where the pane ends.
        text.contains("Charts")
            && text.contains("image 1 not downloaded  https://mmbiz.qpic.cn/fixture/17/chart1"),
        "{text}"
    );
    // Enter shows the chart in the image view, over the same issue.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), InputMode::Image);
    assert!(screen(&app, 100, 40).contains("image 1/1"));
    assert!(opened.borrow().is_empty(), "Enter opens no browser");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), InputMode::Normal);
    assert_eq!(
        app.current_key(),
        Some(key(2024, 17)),
        "Enter on an image does not navigate"
    );
    press(&mut app, KeyCode::Char('o'));
    assert_eq!(opened.borrow().first(), Some(&image));
    assert_eq!(opened.borrow().len(), 1);
    // Digits still follow 近期回顾 lines, not images.
    press(&mut app, KeyCode::Char('1'));
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    // A click selects the image line, a second click shows it.
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, Focus::List);
    let rows = text_rows(&draw(&app, 100, 40));
    let y = rows
        .iter()
        .position(|r| r.contains("fixture/17/chart1"))
        .expect("image row");
    let y = u16::try_from(y).expect("on screen");
    update(&mut app, Action::Click { column: 40, row: y });
    assert_eq!(
        app.mode(),
        InputMode::Normal,
        "the first click only selects"
    );
    update(&mut app, Action::Click { column: 40, row: y });
    assert_eq!(app.mode(), InputMode::Image);
    assert_eq!(opened.borrow().len(), 1);
}

fn text_rows(buf: &ratatui::buffer::Buffer) -> Vec<String> {
    text(buf).lines().map(str::to_string).collect()
}

#[test]
fn y_asks_the_loop_to_copy_the_selected_url_once_and_says_so() {
    let (mut app, _) = recording_app(library());
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        status(&app),
        format!(
            "sent to the terminal's clipboard (OSC 52: the terminal does not confirm): {}",
            url(17)
        )
    );
    assert!(last_line(&app, 100, 40).starts_with("sent to the terminal's clipboard"));
    assert_eq!(app.take_clipboard_request(), Some(url(17)));
    assert_eq!(app.take_clipboard_request(), None, "written once");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(
        app.take_clipboard_request().as_deref(),
        Some("https://mmbiz.qpic.cn/fixture/17/chart1.png")
    );
}

#[test]
fn y_refuses_what_o_refuses() {
    let mut lib = library();
    let mut odd = cached(30, (7, 22), (7, 28), figures([None; 5]));
    odd.url = Some("javascript:alert(1)".to_string());
    odd.aliases.clear();
    lib.insert(odd);
    let mut app = app_with(lib, Some(key(2024, 30)), 100, 40);
    press(&mut app, KeyCode::Char('y'));
    assert_eq!(app.take_clipboard_request(), None);
    assert!(status(&app).contains("not copying a URL that is not http(s)"));
}

#[test]
fn prompts_and_filters_draw_at_any_size_without_panic() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char('f'));
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "二〇二四年第十七期很长很长的输入");
    for w in (0..=130).step_by(9).chain([30, 31, 40, 60]) {
        for h in (0..=40).step_by(7).chain([8, 12, 20]) {
            update(&mut app, Action::Resize(w, h));
            draw(&app, w, h);
        }
    }
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('A'));
    for w in [30u16, 40, 60, 80] {
        update(&mut app, Action::Resize(w, 12));
        assert!(screen(&app, w, 12).contains("Mark all"), "{w}");
    }
}

#[test]
fn the_first_session_says_nothing_and_the_next_says_what_arrived() {
    let lib = library();
    let app = app_with(lib, None, 80, 24);
    assert_eq!(app.status.message, None, "nothing to compare with yet");

    let mut lib = library();
    lib.end_session().expect("end");
    lib.insert(cached(18, (4, 29), (5, 5), figures([Some(276); 5])));
    lib.insert(cached(19, (5, 6), (5, 12), figures([Some(495); 5])));
    // A second copy of an issue already held in full is not news.
    lib.insert(cached(17, (4, 22), (4, 27), figures([Some(381); 5])));
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let app = app_with(lib, None, 120, 40);
    assert_eq!(
        status(&app),
        format!("2 new issues since your last visit ({today}): 2024-18 … 2024-19")
    );
    assert!(screen(&app, 120, 40).contains("2 new issues since your last visit"));
}

/// Issue 18, items 7 and 12: a lower copy that says otherwise is not
/// dropped: the detail pane says what it says, as `show` does, with its
/// link.
#[test]
fn the_detail_pane_says_what_another_copy_says_otherwise() {
    use zhoubao::model::{Conflict, Disagreement};
    let mut lib = library();
    let mut i17 = lib.detail(key(2024, 17)).unwrap().unwrap();
    i17.conflicts = vec![Conflict {
        source: Some("网安资讯转载".into()),
        url: Some("http://127.0.0.1:8080/copy".into()),
        published: chrono::NaiveDate::from_ymd_opt(2024, 5, 6),
        says: vec![Disagreement::Figure(fig("events_handled"), 103.into())],
    }];
    lib.insert(i17);
    let app = app_zh(lib, Some(key(2024, 17)), 100, 30);
    let s = screen(&app, 100, 30);
    assert!(
        s.contains("另一份副本（网安资讯转载，2024-05-06）说：处理事件 103"),
        "{s}"
    );
    assert!(s.contains("http://127.0.0.1:8080/copy"), "{s}");
}

#[test]
fn a_filter_that_lists_nothing_does_not_lose_the_issue_shown_before_it() {
    let mut app = app_with(library(), Some(key(2024, 13)), 80, 24);
    // Everything read: the unread filter will list nothing.
    press(&mut app, KeyCode::Char('A'));
    press(&mut app, KeyCode::Char('y'));
    press(&mut app, KeyCode::Char('f')); // cached: 2024-13 stays
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    press(&mut app, KeyCode::Char('f')); // unread: nothing listed
    assert_eq!(app.current_key(), None, "the detail says the list is empty");
    press(&mut app, KeyCode::Char('f')); // flagged: nothing either
    press(&mut app, KeyCode::Char('f')); // all again
                                         // The issue shown before the empty lists, not the list's first row.
    assert_eq!(app.current_key(), Some(key(2024, 13)));
    assert!(app.cursor_on_shown());
}
