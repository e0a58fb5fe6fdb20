//! What the status line asks for while keys type into it: a search query
//! (`/`), an issue key (`:`), a note (`e` without an outside editor) or a
//! y/n answer. There is at most one at a
//! time, and the input mode comes from it (`App::mode`), never stored
//! beside it.

use super::detail::Target;
use crate::i18n::Screen;
use crate::model::{IssueKey, SeriesId};
use crate::tui::action::InputMode;

/// Where the reader was when a search began, to go back to on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub list_selected: usize,
    pub list_offset: usize,
    pub current: Option<Target>,
    pub scroll: usize,
}

/// A y/n question waiting on the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Mark every cached issue read; this many are unread.
    MarkAllRead(usize),
}

impl Question {
    pub fn text(self) -> Screen {
        match self {
            Question::MarkAllRead(n) => Screen::AskMarkAllRead(n),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Prompt {
    #[default]
    None,
    /// Typing a search (the query is the search's, it outlives the prompt).
    Search(Saved),
    /// Typing an issue key after `:`.
    Goto(String),
    /// Typing the note of an issue, from what it held.
    Note(NoteDraft),
    Confirm(Question),
}

/// The note being typed in the one-line editor, and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteDraft {
    pub key: IssueKey,
    pub typed: String,
}

impl Prompt {
    /// The keys' mode while this prompt is open; None when there is none.
    pub fn mode(&self) -> Option<InputMode> {
        match self {
            Prompt::None => None,
            Prompt::Search(_) => Some(InputMode::Search),
            Prompt::Goto(_) => Some(InputMode::Goto),
            Prompt::Note(_) => Some(InputMode::Note),
            Prompt::Confirm(_) => Some(InputMode::Confirm),
        }
    }

    /// What the `:` prompt holds; empty when it is not open.
    pub fn goto_input(&self) -> &str {
        match self {
            Prompt::Goto(typed) => typed,
            _ => "",
        }
    }

    /// Edits what the `:` prompt holds, while it is open.
    pub fn edit_goto(&mut self, edit: impl FnOnce(&mut String)) {
        if let Prompt::Goto(typed) = self {
            edit(typed);
        }
    }
}

impl Prompt {
    /// Edits the note being typed, while the note editor is open.
    pub fn edit_note(&mut self, edit: impl FnOnce(&mut String)) {
        if let Prompt::Note(draft) = self {
            edit(&mut draft.typed);
        }
    }
}

/// The issue a `:` prompt's text names: `2024-17` of the `series` shown,
/// `cnvd:2024-17` of the series it names, or a number alone (`17`),
/// meaning that issue of the `shown` issue's year.
pub fn goto_key(typed: &str, shown: Option<IssueKey>, series: SeriesId) -> Option<IssueKey> {
    match (typed.parse::<u32>(), shown) {
        (Ok(number), Some(shown)) if number > 0 => Some(IssueKey::of(series, shown.year, number)),
        _ if typed.contains(':') => typed.parse::<IssueKey>().ok(),
        _ => typed.parse::<IssueKey>().ok().map(|k| k.in_series(series)),
    }
}
