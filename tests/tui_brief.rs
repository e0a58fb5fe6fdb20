//! The brief overlay (`b`): the shown issue's brief over the screen, in
//! Chinese at 80x24 and 40x12 (snapshots), its note drawn clean, `y`
//! handing the whole Markdown to the event loop for OSC 52 with words that
//! say it went to the terminal's clipboard, and Esc closing it.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;

use tui_fixture::{app_with, app_zh, key, library, press, screen};
use zhoubao::tui::action::InputMode;
use zhoubao::tui::library::{Library, MemoryLibrary};

/// A note with an escape sequence and a bidi override: kept, never drawn.
const NOTE: &str = "跨境事件回落\x1b[31m，下周再看\u{202e}";

fn noted_library() -> MemoryLibrary {
    let lib = library();
    lib.set_note(key(2024, 17), Some(NOTE)).unwrap();
    lib
}

#[test]
fn b_shows_the_brief_in_chinese_at_80x24() {
    let mut app = app_zh(noted_library(), Some(key(2024, 17)), 80, 24);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.mode(), InputMode::Brief);
    let shown = screen(&app, 80, 24);
    assert!(shown.contains("2024年第17期"), "{shown}");
    assert!(shown.contains("跨境事件回落，下周再看"), "{shown}");
    assert!(!shown.contains('\x1b') && !shown.contains('\u{202e}'));
    insta::assert_snapshot!("brief_overlay_zh_80x24", shown);
}

#[test]
fn b_shows_the_brief_in_chinese_at_40x12_and_scrolls_to_its_end() {
    let mut app = app_zh(noted_library(), Some(key(2024, 17)), 40, 12);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.mode(), InputMode::Brief);
    let shown = screen(&app, 40, 12);
    // A fact between two `·` is one phrase: never 评 │ 价.
    assert!(shown.contains("评价 良"), "{shown}");
    insta::assert_snapshot!("brief_overlay_zh_40x12", shown);
    // Too tall for 12 rows: G goes to its last row, the note's.
    press(&mut app, KeyCode::Char('G'));
    assert!(app.brief().scroll > 0);
    let end = screen(&app, 40, 12);
    assert!(end.contains("下周再看"), "{end}");
    // The note's bar stands apart from the box's border.
    let note = end
        .lines()
        .find(|l| l.contains("跨境事件"))
        .unwrap_or_default();
    assert!(!note.contains("││"), "{note}");
}

#[test]
fn y_in_the_brief_sends_the_whole_markdown_and_says_it_went_to_the_terminals_clipboard() {
    let mut app = app_with(noted_library(), Some(key(2024, 17)), 80, 24);
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Char('y'));
    let sent = app.take_clipboard_request().expect("y asks for a copy");
    assert_eq!(sent, app.brief().markdown);
    assert!(sent.starts_with("### "), "{sent}");
    assert!(sent.contains("跨境事件回落，下周再看"), "{sent}");
    assert!(
        !sent.contains('\x1b'),
        "the Markdown is clean too: {sent:?}"
    );
    let status = app.status.message.clone().unwrap();
    assert!(!status.error);
    assert!(
        status.text.contains(&format!(
            "sent the brief (Markdown, {} lines) to the terminal's clipboard",
            sent.lines().count()
        )),
        "{}",
        status.text
    );
    assert!(!status.text.contains("copied"), "{}", status.text);
    // Still open; Esc closes it and keys browse again.
    assert_eq!(app.mode(), InputMode::Brief);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), InputMode::Normal);
    assert!(app.take_clipboard_request().is_none(), "sent once");
    // The note in the library is still as typed.
    let kept = app.library().detail(key(2024, 17)).unwrap().unwrap();
    assert_eq!(kept.summary.note.as_deref(), Some(NOTE));
}

#[test]
fn b_on_an_issue_not_cached_briefs_what_the_cache_knows_of_it() {
    let mut app = app_with(library(), Some(key(2024, 15)), 80, 24);
    press(&mut app, KeyCode::Char('b'));
    assert_eq!(app.mode(), InputMode::Brief);
    let shown = screen(&app, 80, 24);
    assert!(
        shown.contains("┌ Brief 2024-15 · y to clipboard"),
        "{shown}"
    );
    assert!(
        shown.contains("not cached: only its title and period are known"),
        "{shown}"
    );
}

#[test]
fn a_long_note_keeps_its_bar_on_every_row() {
    let lib = library();
    let long = "跨境事件回落，仿冒投诉仍高，下周看是否回到均值以上，另外留意恶意APP平台的走势";
    lib.set_note(key(2024, 17), Some(long)).unwrap();
    let mut app = app_zh(lib, Some(key(2024, 17)), 40, 24);
    press(&mut app, KeyCode::Char('b'));
    press(&mut app, KeyCode::Char('G'));
    let shown = screen(&app, 40, 24);
    let rows: Vec<&str> = shown.lines().filter(|l| l.contains(" ▌ ")).collect();
    assert!(rows.len() >= 2, "{shown}");
    let kept: String = rows
        .iter()
        .map(|l| {
            l.split(" ▌ ")
                .nth(1)
                .unwrap_or_default()
                .trim_end_matches(['│', ' '])
        })
        .collect();
    assert_eq!(kept, long, "{shown}");
}
