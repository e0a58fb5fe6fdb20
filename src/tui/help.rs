//! The help overlay, generated from the key-map table so it always says what
//! the keys really do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::action::{Binding, Focus, Scope, KEYMAP};
use super::theme;
use super::wrap::{fit, truncate};

const KEY_CELLS: usize = 20;

/// One line per binding, grouped under its scope's heading in table order.
pub fn help_lines() -> Vec<(String, bool)> {
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
    let mut lines = Vec::new();
    for scope in scopes {
        if !lines.is_empty() {
            lines.push((String::new(), false));
        }
        lines.push((scope.heading().to_string(), true));
        for b in KEYMAP.iter().filter(|b| b.scope == scope) {
            lines.push((
                format!("  {}{}", fit(&keys_label(b), KEY_CELLS), b.help),
                false,
            ));
        }
    }
    lines
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

impl Widget for HelpView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = help_lines();
        let width = area.width.saturating_sub(4).min(78);
        let wanted = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
        let height = area.height.saturating_sub(2).min(wanted);
        if width < 4 || height < 3 {
            return;
        }
        let rect = Rect::new(
            area.x + (area.width - width) / 2,
            area.y + (area.height - height) / 2,
            width,
            height,
        );
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
