//! The TUI's state, one owner per piece, each with the methods that change
//! it: the catalog of issues, the list and detail panes, the prompt, the
//! search, the charts, the help overlay, the brief overlay, the note being edited, the status line, the fetch and
//! the feed update under way and the session with the cache. The App (app.rs) holds one of each
//! and moves between them; `update` (update.rs) routes every Action to the
//! owner that answers it. Widgets (view/) draw from what the owners hold.

pub mod brief;
pub mod catalog;
pub mod charts;
pub mod detail;
pub mod fetching;
pub mod help;
pub mod images;
pub mod list;
pub mod note_edit;
pub mod notice;
pub mod prompt;
pub mod search;
pub mod session;
pub mod shelf;
pub mod status;
pub mod updating;

/// A cursor or scroll position moved `n` steps down (up when not `down`),
/// kept within `0..=last`: how every pane moves.
pub fn step(at: usize, n: usize, down: bool, last: usize) -> usize {
    if down {
        at.saturating_add(n).min(last)
    } else {
        at.saturating_sub(n)
    }
}
