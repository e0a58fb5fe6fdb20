//! The status line: the search prompt while typing, else the last message or
//! error, else the key hints for the current focus; position on the right.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::action::{hints, InputMode};
use super::app::App;
use super::search::SearchState;
use super::theme;
use super::wrap::{truncate, truncate_start, width};
use crate::sanitize;

pub struct StatusView<'a> {
    pub app: &'a App,
}

fn hit_count(search: &SearchState) -> String {
    let hits = search.hits.len();
    if search.is_pending() {
        return match hits {
            0 => "searching…".to_string(),
            1 => "searching… 1 hit so far".to_string(),
            n => format!("searching… {n} hits so far"),
        };
    }
    match hits {
        0 => "no match".to_string(),
        1 => "1 hit".to_string(),
        n => format!("{n} hits ({}/{n})", search.index + 1),
    }
}

impl StatusView<'_> {
    fn left(&self) -> (String, Style) {
        let app = self.app;
        if let (InputMode::Search, Some(s)) = (app.mode, &app.search) {
            let count = if s.query.is_empty() {
                String::new()
            } else {
                hit_count(s)
            };
            return (
                format!("/{}▏ {count}", sanitize::line(&s.query)),
                theme::base(),
            );
        }
        if let Some(status) = &app.status {
            let style = if status.error {
                theme::error()
            } else {
                theme::base()
            };
            return (sanitize::line(&status.text), style);
        }
        let mut parts: Vec<String> = Vec::new();
        if let Some(s) = app.search.as_ref().filter(|s| !s.query.is_empty()) {
            parts.push(format!(
                "“{}” {} n/N",
                sanitize::line(&s.query),
                hit_count(s)
            ));
        }
        parts.extend(
            hints(app.mode, app.focus)
                .into_iter()
                .map(|(k, what)| format!("{k} {what}")),
        );
        (parts.join(" · "), theme::dim())
    }

    fn right(&self) -> String {
        let app = self.app;
        match app.summaries.len() {
            0 => String::new(),
            n => format!(" {}/{n}", app.list_selected + 1),
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
        let (text, style) = self.left();
        let left_cells = cells - right_cells;
        // While typing a query the end of it is what the user looks at.
        let text = if self.app.mode == InputMode::Search {
            truncate_start(&text, left_cells)
        } else {
            truncate(&text, left_cells)
        };
        buf.set_stringn(area.x, area.y, text, left_cells, style);
        if right_cells > 0 {
            let x = area.x + u16::try_from(left_cells).unwrap_or(0);
            buf.set_stringn(x, area.y, right, right_cells, theme::dim());
        }
    }
}
