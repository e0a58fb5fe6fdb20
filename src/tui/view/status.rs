//! The status line: the search or `:` prompt while typing, the y/n question,
//! else the last message or error, else the key hints for the current
//! focus; `? help` and `q quit` stay whatever else is dropped for room, and
//! the list position is on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::theme::Theme;
use super::wrap::{truncate, truncate_start, width};
use crate::sanitize;
use crate::tui::action::{Focus, InputMode};
use crate::tui::keymap::binding::Bound;
use crate::tui::ui::Ui;

/// What the left of the status line shows, in the order it wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said<'a> {
    /// The search prompt: the query typed and the hits so far.
    Searching { query: &'a str, hits: String },
    /// The `:` prompt and what it holds.
    Goto { typed: &'a str },
    /// A y/n question.
    Asking(String),
    /// The last message or error.
    Message { text: &'a str, error: bool },
    /// Nothing else to say: the kept search (its query, hits and the keys
    /// that walk them), else the hints.
    Idle {
        search: Option<(&'a str, String, String)>,
    },
}

/// The status line's props: what it says, the key hints, and where the
/// list's cursor is (` 3/140`) for the right.
pub struct StatusView<'a> {
    pub said: Said<'a>,
    pub hints: &'a StatusHints,
    pub position: String,
    pub theme: &'a Theme,
}

/// What the left of the status line says, and how the pinned hints follow.
struct Left {
    text: String,
    style: Style,
    /// The text is a prompt being typed: keep its end visible.
    typing: bool,
    /// Hints to drop from the end until the line fits, after `text`.
    hints: Vec<String>,
    /// `? help · q quit`: always shown while they apply.
    pinned: String,
}

const SEPARATOR: &str = " · ";

/// The key hints for a mode and focus, worked out when they change so
/// drawing only reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusHints {
    pub mode: InputMode,
    pub focus: Focus,
    /// The shown issue has 近期回顾 lines to follow.
    pub links: bool,
    /// `? help · q quit`.
    pub pinned: String,
    /// The others, most useful first.
    pub hints: Vec<String>,
}

impl StatusHints {
    pub fn new(ui: &Ui, mode: InputMode, focus: Focus, links: bool) -> StatusHints {
        let mut all = ui.keys.hints(mode, focus, ui.lang);
        all.retain(|h| links || h.bound != Bound::FollowDigit);
        let pinned = all
            .iter()
            .filter(|h| h.pinned)
            .map(|h| format!("{} {}", h.keys, h.what))
            .collect::<Vec<_>>()
            .join(SEPARATOR);
        let hints = all
            .iter()
            .filter(|h| !h.pinned)
            .map(|h| format!("{} {}", h.keys, h.what))
            .collect();
        StatusHints {
            mode,
            focus,
            links,
            pinned,
            hints,
        }
    }
}

impl StatusView<'_> {
    fn left(&self) -> Left {
        let theme = self.theme;
        let pinned = self.hints.pinned.clone();
        let mut hints = self.hints.hints.clone();
        let prompt = |text: String, hints: Vec<String>| Left {
            text,
            style: theme.text,
            typing: true,
            hints,
            pinned: String::new(),
        };
        match &self.said {
            Said::Searching { query, hits } => {
                prompt(format!("/{}▏ {hits}", sanitize::line(query)), Vec::new())
            }
            Said::Goto { typed } => prompt(format!(":{}▏", sanitize::line(typed)), hints),
            Said::Asking(question) => Left {
                text: question.clone(),
                style: theme.title,
                typing: false,
                hints: Vec::new(),
                pinned: String::new(),
            },
            Said::Message { text, error } => Left {
                text: sanitize::line(text),
                style: if *error { theme.error } else { theme.text },
                typing: false,
                hints: Vec::new(),
                pinned,
            },
            Said::Idle { search } => {
                let text = match search {
                    Some((query, hits, keys)) => {
                        format!("“{}” {hits} {keys}", sanitize::line(query))
                    }
                    None if !hints.is_empty() => hints.remove(0),
                    None => String::new(),
                };
                Left {
                    text,
                    style: theme.dim,
                    typing: false,
                    hints,
                    pinned,
                }
            }
        }
    }
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cells = usize::from(area.width);
        let right = self.position.clone();
        let right_cells = if width(&right) + 20 <= cells {
            width(&right)
        } else {
            0
        };
        let left = self.left();
        let theme = self.theme;
        let left_cells = cells - right_cells;
        // The pinned hints first, then the message or prompt, then as many
        // other hints as fit, whole, in key-map order.
        let pinned = truncate(&left.pinned, left_cells);
        let mut room = left_cells - width(&pinned);
        if !pinned.is_empty() && !left.text.is_empty() {
            room = room.saturating_sub(width(SEPARATOR));
        }
        let mut text = if left.typing {
            truncate_start(&left.text, room)
        } else {
            truncate(&left.text, room)
        };
        let mut extra = String::new();
        for hint in &left.hints {
            let more = if text.is_empty() && extra.is_empty() {
                hint.clone()
            } else {
                format!("{SEPARATOR}{hint}")
            };
            if width(&text) + width(&extra) + width(&more) > room {
                break;
            }
            extra.push_str(&more);
        }
        buf.set_stringn(area.x, area.y, &text, room, left.style);
        let x = area.x + u16::try_from(width(&text)).unwrap_or(0);
        buf.set_stringn(x, area.y, &extra, room - width(&text), theme.dim);
        text.push_str(&extra);
        if !pinned.is_empty() {
            let sep = if text.is_empty() { "" } else { SEPARATOR };
            let x = area.x + u16::try_from(width(&text)).unwrap_or(0);
            let line = format!("{sep}{pinned}");
            buf.set_stringn(x, area.y, &line, left_cells - width(&text), theme.dim);
        }
        if right_cells > 0 {
            let x = area.x + u16::try_from(left_cells).unwrap_or(0);
            buf.set_stringn(x, area.y, right, right_cells, theme.dim);
        }
    }
}
