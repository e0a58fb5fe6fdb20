//! The status line: the search or `:` prompt while typing, the y/n question,
//! else the last message or error, else the key hints for the current
//! focus; `? help` and `q quit` stay whatever else is dropped for room, and
//! the list position is on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::wrap::{truncate, truncate_start, width};
use crate::i18n::Screen;
use crate::sanitize;
use crate::tui::action::{Focus, InputMode};
use crate::tui::app::App;
use crate::tui::keymap::Bound;
use crate::tui::search_state::SearchState;
use crate::tui::ui::Ui;

pub struct StatusView<'a> {
    pub app: &'a App,
}

fn hit_count(search: &SearchState, ui: &Ui) -> String {
    let hits = search.hits.len();
    if search.is_pending() {
        return ui.say(Screen::Searching(hits));
    }
    ui.say(Screen::Hits {
        hits,
        index: search.index,
    })
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
        let app = self.app;
        let theme = &app.ui.theme;
        let pinned = app.hints.pinned.clone();
        let mut hints = app.hints.hints.clone();
        let prompt = |text: String, hints: Vec<String>| Left {
            text,
            style: theme.text,
            typing: true,
            hints,
            pinned: String::new(),
        };
        match (app.mode, &app.search, app.question) {
            (InputMode::Search, Some(s), _) => {
                let count = if s.query.is_empty() {
                    String::new()
                } else {
                    hit_count(s, &app.ui)
                };
                return prompt(
                    format!("/{}▏ {count}", sanitize::line(&s.query)),
                    Vec::new(),
                );
            }
            (InputMode::Goto, _, _) => {
                return prompt(format!(":{}▏", sanitize::line(&app.goto_input)), hints);
            }
            (InputMode::Confirm, _, Some(q)) => {
                return Left {
                    text: app.ui.say(q.text()),
                    style: theme.title,
                    typing: false,
                    hints: Vec::new(),
                    pinned: String::new(),
                };
            }
            _ => {}
        }
        if let Some(status) = &app.status {
            let style = if status.error {
                theme.error
            } else {
                theme.text
            };
            return Left {
                text: sanitize::line(&status.text),
                style,
                typing: false,
                hints: Vec::new(),
                pinned,
            };
        }
        let mut text = String::new();
        if let Some(s) = app.search.as_ref().filter(|s| !s.query.is_empty()) {
            let keys = &app.ui.keys;
            text = format!(
                "“{}” {} {}/{}",
                sanitize::line(&s.query),
                hit_count(s, &app.ui),
                keys.label_of("next_hit", app.ui.lang),
                keys.label_of("prev_hit", app.ui.lang)
            );
        } else if !hints.is_empty() {
            text = hints.remove(0);
        }
        Left {
            text,
            style: theme.dim,
            typing: false,
            hints,
            pinned,
        }
    }

    fn right(&self) -> String {
        let app = self.app;
        match app.list_rows.len() {
            0 => String::new(),
            n if app.cursor_on_shown() => format!(" {}/{n}", app.list_selected + 1),
            n => format!(" –/{n}"),
        }
    }
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cells = usize::from(area.width);
        let right = self.right();
        let right_cells = if width(&right) + 20 <= cells {
            width(&right)
        } else {
            0
        };
        let left = self.left();
        let theme = &self.app.ui.theme;
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
