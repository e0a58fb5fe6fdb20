//! The help overlay, generated from the key-map table so it always says what
//! the keys really do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme;
use super::wrap::{fit, truncate, width as width_of, wrap};
use crate::tui::action::{Binding, Focus, Scope, KEYMAP};

const KEY_CELLS: usize = 20;

/// The help text at a comfortable width, one line per binding.
pub fn help_lines() -> Vec<(String, bool)> {
    help_rows(usize::from(u8::MAX))
}

/// The help text fitted to `width` cells: headings in table order, each
/// binding's keys in a column and its description wrapped beside them
/// (keys too long for the column get a row of their own).
pub fn help_rows(width: usize) -> Vec<(String, bool)> {
    // Browsing first: it is what a reader opening help wants to see.
    let mut scopes: Vec<Scope> = vec![
        Scope::Normal,
        Scope::Focused(Focus::List),
        Scope::Focused(Focus::Links),
        Scope::Search,
    ];
    for b in KEYMAP {
        if !scopes.contains(&b.scope) {
            scopes.push(b.scope);
        }
    }
    let key_cells = KEY_CELLS.min(width / 3).max(1);
    let indent = " ".repeat(2 + key_cells);
    let mut rows = Vec::new();
    for scope in scopes {
        if !rows.is_empty() {
            rows.push((String::new(), false));
        }
        rows.push((scope.heading().to_string(), true));
        for b in KEYMAP.iter().filter(|b| b.scope == scope) {
            let keys = keys_label(b);
            let mut first = if width_of(&keys) < key_cells {
                format!("  {}", fit(&keys, key_cells))
            } else {
                rows.push((format!("  {keys}"), false));
                indent.clone()
            };
            for part in wrap(b.help, width.saturating_sub(2 + key_cells).max(1)) {
                first.push_str(&part);
                rows.push((std::mem::replace(&mut first, indent.clone()), false));
            }
        }
    }
    rows
}

fn keys_label(b: &Binding) -> String {
    b.keys
        .iter()
        .map(|k| k.label())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A wide character just left of the overlay would have its second half
/// covered by the border; blank it so no half character is drawn.
fn forget_wide_chars_left_of(rect: Rect, buf: &mut Buffer) {
    let Some(x) = rect.x.checked_sub(1) else {
        return;
    };
    for y in rect.top()..rect.bottom() {
        if let Some(cell) = buf.cell_mut((x, y)) {
            if super::wrap::width(cell.symbol()) > 1 {
                cell.set_symbol(" ");
            }
        }
    }
}

pub struct HelpView {
    pub scroll: usize,
}

/// The overlay's box on `area` and the rows it holds; None when the
/// screen has no room for it.
fn geometry(area: Rect) -> Option<(Rect, Vec<(String, bool)>)> {
    let width = area.width.saturating_sub(4).min(78);
    let lines = help_rows(usize::from(width.saturating_sub(2)));
    let wanted = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let height = area.height.saturating_sub(2).min(wanted);
    if width < 4 || height < 3 {
        return None;
    }
    let rect = Rect::new(
        area.x + (area.width - width) / 2,
        area.y + (area.height - height) / 2,
        width,
        height,
    );
    Some((rect, lines))
}

/// How far the help can scroll on a screen of `area`: scrolling stops at
/// the last row, so `k` moves back at once.
pub fn max_scroll(area: Rect) -> usize {
    geometry(area).map_or(0, |(rect, lines)| {
        lines
            .len()
            .saturating_sub(usize::from(rect.height.saturating_sub(2)))
    })
}

impl Widget for HelpView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some((rect, lines)) = geometry(area) else {
            return;
        };
        let width = rect.width;
        forget_wide_chars_left_of(rect, buf);
        Clear.render(rect, buf);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border(true))
            .title(truncate(
                " Keys — Esc closes, j/k scroll ",
                usize::from(width - 2),
            ));
        let inner = block.inner(rect);
        block.render(rect, buf);
        let visible = usize::from(inner.height);
        let scroll = self.scroll.min(lines.len().saturating_sub(visible));
        for (y, (text, heading)) in (inner.y..inner.bottom()).zip(lines.iter().skip(scroll)) {
            let style = if *heading {
                theme::heading()
            } else {
                theme::base()
            };
            let line = Line::styled(truncate(text, usize::from(inner.width)), style);
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}
