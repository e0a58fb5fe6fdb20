//! The reader's layer in the TUI: flags and notes in the list (`*`, `✎`)
//! and the detail pane, the flagged filter, a note kept as typed but drawn
//! clean, `e`'s one-line editor (an unchanged note writes nothing), and
//! what a read-only or busy cache does with them.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;

use tui_fixture::{app_with_library, app_zh, chars, draw, key, library, press, screen, text};
use zhoubao::tui::library::Library;
use zhoubao::tui::state::list::ListFilter;
use zhoubao::tui::state::session::Change;

/// Escape sequences (colour, clear screen, a title), a bidi override and
/// a tab: kept in the library, never drawn.
const TYPED: &str = "跨境事件回落\n\x1b[31m红字\x1b[0m\x1b]0;x\x07\u{202e}反向\t末\x1b[2J";

fn row_of(text: &str, wanted: &str) -> String {
    text.lines()
        .find(|l| l.contains(wanted))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn a_note_with_control_characters_is_kept_as_typed_and_drawn_clean() {
    let lib = library();
    lib.set_note(key(2024, 17), Some(TYPED)).unwrap();
    let app = app_zh(lib, Some(key(2024, 17)), 80, 24);
    let buf = draw(&app, 80, 24);
    let shown = text(&buf);
    assert!(shown.contains("│笔记"), "{shown}");
    assert!(shown.contains("│跨境事件回落"), "{shown}");
    assert!(shown.contains("│红字反向 末"), "{shown}");
    for cell in buf.content() {
        assert!(
            !cell
                .symbol()
                .chars()
                .any(|c| c.is_control() || c == '\u{202e}'),
            "{:?} drawn",
            cell.symbol()
        );
    }
    // The list marks it; the library still holds it as typed.
    assert!(
        row_of(&shown, "2024-17 04-22").starts_with("│● ✎2024-17"),
        "{shown}"
    );
    let kept = app.library().detail(key(2024, 17)).unwrap().unwrap();
    assert_eq!(kept.summary.note.as_deref(), Some(TYPED));
}

#[test]
fn a_flag_shows_in_the_list_and_the_detail_and_the_flagged_filter_lists_it() {
    let mut app = tui_fixture::app_with(library(), Some(key(2024, 16)), 80, 24);
    assert!(app.save_change(key(2024, 16), Change::Flag(true)));
    let shown = screen(&app, 80, 24);
    assert!(
        row_of(&shown, "2024-16 04-15").starts_with("│●* 2024-16"),
        "{shown}"
    );
    assert!(
        shown.contains("· * flagged"),
        "the detail's facts say so: {shown}"
    );
    for _ in 0..3 {
        press(&mut app, KeyCode::Char('f'));
    }
    assert_eq!(app.list.filter, ListFilter::Flagged);
    assert_eq!(app.list.rows, vec![key(2024, 16)]);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("· flagged ─"), "{shown}");
    assert!(
        shown.contains("showing the 1 flagged of 5 issues"),
        "{shown}"
    );
    assert!(app.library().summaries().unwrap().iter().any(|s| s.flagged));
    // Unflagged: it stays listed until the filter is chosen again.
    assert!(app.save_change(key(2024, 16), Change::Flag(false)));
    assert!(!app.catalog.get(key(2024, 16)).unwrap().flagged);
}

#[test]
fn a_read_only_cache_refuses_flags_and_notes_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    {
        let mut s = zhoubao::store::Store::open(&path).unwrap();
        let (name, bytes) = zhoubao::demo::files()[0];
        zhoubao::import::import_bytes(&mut s, name, bytes);
    }
    let store = zhoubao::store::Store::open_read_only(&path).unwrap();
    let mut app = app_with_library(Box::new(store), None, 80, 24);
    let shown = app.current_key().unwrap();
    assert!(!app.save_change(shown, Change::Note(Some("x".into()))));
    let status = app.status.message.clone().unwrap();
    assert!(status.error);
    assert!(
        status
            .text
            .contains("the cache is read-only: flags and notes cannot be saved"),
        "{}",
        status.text
    );
    assert!(app.catalog.get(shown).unwrap().note.is_none());
}

#[test]
fn star_flags_the_shown_issue_and_again_unflags_it() {
    let mut app = tui_fixture::app_with(library(), Some(key(2024, 13)), 80, 24);
    press(&mut app, KeyCode::Char('*'));
    assert!(app.catalog.get(key(2024, 13)).unwrap().flagged);
    assert_eq!(app.status.message.clone().unwrap().text, "flagged 2024-13");
    let flagged = app.library().detail(key(2024, 13)).unwrap().unwrap();
    assert!(flagged.summary.flagged, "written to the library");
    assert!(row_of(&screen(&app, 80, 24), "2024-13 03-25").starts_with("│●* 2024-13"));
    // From the detail pane too.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('*'));
    assert!(!app.catalog.get(key(2024, 13)).unwrap().flagged);
    assert_eq!(
        app.status.message.clone().unwrap().text,
        "unflagged 2024-13"
    );
}

#[test]
fn e_without_an_outside_editor_edits_the_note_on_the_status_line() {
    let lib = library();
    lib.set_note(key(2024, 17), Some(TYPED)).unwrap();
    let mut app = tui_fixture::app_with(lib, Some(key(2024, 17)), 80, 24);
    press(&mut app, KeyCode::Char('e'));
    assert_eq!(app.mode(), zhoubao::tui::action::InputMode::Note);
    // The note as it is, drawn clean on one line.
    let shown = screen(&app, 80, 24);
    let last = shown.lines().last().unwrap_or_default().to_string();
    assert!(
        last.starts_with("note of 2024-17: 跨境事件回落 红字"),
        "{last}"
    );
    assert!(last.contains("末▏"), "{last}");
    // Enter on what it held writes nothing.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), zhoubao::tui::action::InputMode::Normal);
    assert_eq!(
        app.status.message.clone().unwrap().text,
        "the note of 2024-17 is unchanged"
    );
    // A character taken back and two typed: saved as typed, the rest of
    // the note (its escape sequences too) kept.
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Backspace);
    chars(&mut app, "尾 ");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.status.message.clone().unwrap().text,
        "saved the note of 2024-17"
    );
    let typed = format!("{}尾 ", TYPED.strip_suffix('J').expect("TYPED ends in J"));
    let kept = app.library().detail(key(2024, 17)).unwrap().unwrap();
    assert_eq!(kept.summary.note.as_deref(), Some(typed.as_str()));
    assert_eq!(app.catalog.get(key(2024, 17)).unwrap().note, Some(typed));
    // Esc leaves it; emptied, it is cleared.
    press(&mut app, KeyCode::Char('e'));
    chars(&mut app, "不要");
    press(&mut app, KeyCode::Esc);
    assert!(app
        .catalog
        .get(key(2024, 17))
        .unwrap()
        .note
        .as_deref()
        .unwrap()
        .ends_with("尾 "));
    press(&mut app, KeyCode::Char('e'));
    for _ in 0..200 {
        press(&mut app, KeyCode::Backspace);
    }
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.status.message.clone().unwrap().text,
        "cleared the note of 2024-17"
    );
    assert_eq!(
        app.library()
            .detail(key(2024, 17))
            .unwrap()
            .unwrap()
            .summary
            .note,
        None
    );
}

#[test]
fn an_unchanged_note_writes_nothing_even_to_a_read_only_cache() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("c.db");
    let shown = {
        let mut s = zhoubao::store::Store::open(&path).unwrap();
        let (name, bytes) = zhoubao::demo::files()[0];
        zhoubao::import::import_bytes(&mut s, name, bytes);
        let key = s.summaries().unwrap()[0].key;
        s.set_note(key, Some("旧")).unwrap();
        key
    };
    let store = zhoubao::store::Store::open_read_only(&path).unwrap();
    let mut app = app_with_library(Box::new(store), Some(shown), 80, 24);
    press(&mut app, KeyCode::Char('e'));
    press(&mut app, KeyCode::Enter);
    let status = app.status.message.clone().unwrap();
    assert!(!status.error, "{}", status.text);
    assert_eq!(status.text, format!("the note of {shown} is unchanged"));
    // A change is tried, and the read-only cache refuses it.
    press(&mut app, KeyCode::Char('e'));
    chars(&mut app, "新");
    press(&mut app, KeyCode::Enter);
    assert!(app.status.message.clone().unwrap().error);
}

#[test]
fn star_e_m_o_y_and_f_with_no_issue_shown_say_so() {
    for key in ['*', 'e', 'm', 'o', 'y', 'F'] {
        let mut app = app_zh(zhoubao::tui::library::MemoryLibrary::new(), None, 80, 24);
        press(&mut app, KeyCode::Char(key));
        let said = app.status.message.as_ref().map(|m| m.text.clone());
        assert_eq!(
            said.as_deref(),
            Some("没有显示哪一期：先在列表里选一期"),
            "{key}"
        );
    }
}
