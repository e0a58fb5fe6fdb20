//! The status line's state: the last message or error, and the key hints
//! for the mode and focus (laid out when those change, so drawing only
//! reads them). The prompts it shows belong to the prompt and the search.

use super::notice::Notice;
use crate::tui::action::{Focus, InputMode};
use crate::tui::ui::Ui;
use crate::tui::view::status::StatusHints;

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    /// Shorter forms of `text`, longest first, for a line too narrow for
    /// it: the line shows the longest that fits.
    pub shorter: Vec<String>,
    pub error: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusLine {
    /// What the line says until the next key press clears it.
    pub message: Option<Status>,
    /// The key hints for the mode, focus and shown issue.
    pub hints: StatusHints,
}

impl StatusLine {
    pub fn new(ui: &Ui) -> StatusLine {
        StatusLine {
            message: None,
            hints: StatusHints::new(ui, InputMode::Normal, Focus::List, false),
        }
    }

    pub fn set_message(&mut self, text: impl Into<String>) {
        self.set(text.into(), Vec::new(), false);
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.set(text.into(), Vec::new(), true);
    }

    /// A message with shorter forms (longest first) for a narrow line.
    pub fn set(&mut self, text: String, shorter: Vec<String>, error: bool) {
        self.message = Some(Status {
            text,
            shorter,
            error,
        });
    }

    /// Shows `notice` in the session's language.
    pub fn notice(&mut self, ui: &Ui, notice: &Notice) {
        let mut forms = notice.forms.iter().map(|m| ui.say(m.clone()));
        let text = forms.next().unwrap_or_default();
        self.set(text, forms.collect(), notice.error);
    }

    /// Whether the line says `notice` (and nothing has replaced it).
    pub fn says(&self, ui: &Ui, notice: &Notice) -> bool {
        let first = notice.forms.first().map(|m| ui.say(m.clone()));
        self.message
            .as_ref()
            .is_some_and(|s| s.error == notice.error && Some(&s.text) == first.as_ref())
    }

    /// A key press clears what the line said.
    pub fn clear(&mut self) {
        self.message = None;
    }

    /// Rebuilds the hints when what they depend on changed: after every
    /// update, so drawing only reads them.
    pub fn sync_hints(&mut self, ui: &Ui, mode: InputMode, focus: Focus, links: bool) {
        let h = &self.hints;
        if (h.mode, h.focus, h.links) != (mode, focus, links) {
            self.hints = StatusHints::new(ui, mode, focus, links);
        }
    }
}
