//! Pasting: with bracketed paste a paste is one event, inserted into the
//! open prompt (`/` or `:`) at once and as one line, and never taken as
//! keys while browsing; in a real terminal (tmux) a long paste lands whole,
//! Ctrl-C right after it is read at once, and a burst of typed keys is
//! read to its end without waiting for another key. Terminal tests skip
//! without tmux.

mod cli_fixture;
mod tmux_fixture;
mod tui_fixture;

use ratatui::crossterm::event::{Event, KeyCode};

use tmux_fixture::{session_with, tmux_available};
use tui_fixture::{app, press, screen};
use zhoubao::tui::action::{Action, InputMode};
use zhoubao::tui::app::App;
use zhoubao::tui::update::update;

/// What the key map makes of `event` now, applied.
fn feed(app: &mut App, event: Event) -> Option<Action> {
    let action = app.ui.keys.event(&event, app.mode(), app.focus)?;
    update(app, action.clone());
    Some(action)
}

#[test]
fn a_paste_into_the_search_prompt_is_one_edit_of_one_line() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char('/'));
    let action = feed(&mut app, Event::Paste("跨境\r\n网络\n".into()));
    assert_eq!(action, Some(Action::Paste("跨境\r\n网络\n".into())));
    let search = app.search.as_ref().expect("searching");
    assert_eq!(search.query, "跨境 网络");
    assert_eq!(app.mode(), InputMode::Search, "the prompt stays open");
    assert!(
        screen(&app, 80, 24)
            .lines()
            .last()
            .unwrap()
            .starts_with("/跨境 网络▏"),
        "{}",
        screen(&app, 80, 24)
    );
}

#[test]
fn a_paste_into_the_go_to_prompt_goes_there() {
    let mut app = app(80, 24);
    press(&mut app, KeyCode::Char(':'));
    feed(&mut app, Event::Paste("2024-15\n".into()));
    assert_eq!(app.prompt.goto_input(), "2024-15");
    press(&mut app, KeyCode::Enter);
    assert_eq!(
        app.current_key().map(|k| k.to_string()).as_deref(),
        Some("2024-15")
    );
}

#[test]
fn a_paste_while_browsing_is_not_taken_as_keys() {
    let mut app = app(80, 24);
    let before = app.current_key();
    // As keys, "q" would quit and "j" move.
    assert_eq!(feed(&mut app, Event::Paste("jjq".into())), None);
    assert!(!app.quit);
    assert_eq!(app.current_key(), before);
}

/// 3,000 Chinese characters and a marker at the end.
fn long_text() -> String {
    "网络安全信息与动态周报".repeat(273) + "完END"
}

#[test]
fn a_long_paste_lands_whole_in_the_prompt_and_ctrl_c_is_read_at_once() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let Some(s) = session_with("paste", "'{bin}' --demo") else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("周报"), "the TUI came up:\n{}", s.screen());
    s.keys("/");
    assert!(s.wait_for("/▏"), "{}", s.screen());
    s.paste(&long_text());
    assert!(s.wait_for("完END▏"), "the paste landed:\n{}", s.screen());
    s.keys("C-c");
    assert!(s.wait_for("EXIT=0"), "Ctrl-C was read:\n{}", s.screen());
    // Bracketed paste is off again: a paste into the shell's terminal
    // comes without the markers (the tty echoes them as ^[[200~).
    s.paste("after");
    assert!(s.wait_for("after"), "{}", s.screen());
    assert!(!s.screen().contains("200~"), "{}", s.screen());
}

#[test]
fn a_burst_of_typed_keys_is_read_to_its_end_without_another_key() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let Some(s) = session_with("burst", "'{bin}' --demo") else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("周报"), "the TUI came up:\n{}", s.screen());
    s.keys("/");
    assert!(s.wait_for("/▏"), "{}", s.screen());
    // Keys, not a paste: what a terminal without bracketed paste sends.
    s.type_text(&long_text());
    assert!(
        s.wait_for("完END▏"),
        "the last keys were read without another key:\n{}",
        s.screen()
    );
    s.keys("C-c");
    assert!(s.wait_for("EXIT=0"), "{}", s.screen());
}
