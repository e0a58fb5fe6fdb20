//! The help overlay, generated from the key map the TUI runs with (the
//! config's remaps included), so it always says what the keys really do.
//! It scrolls with the moving keys and the wheel, and its bottom border
//! says where the view is and whether more follows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::wrap::{fit, truncate, width as width_of, wrap};
use crate::i18n::{Help, Tui};
use crate::tui::action::{Action, Focus};
use crate::tui::keymap::{keys_label, Scope};
use crate::tui::ui::Ui;

const KEY_CELLS: usize = 20;

/// The help text at a comfortable width, one line per binding.
pub fn help_lines(ui: &Ui) -> Vec<(String, bool)> {
    help_rows(usize::from(u8::MAX), ui)
}

/// The help text fitted to `width` cells: headings in table order, each
/// binding's keys in a column and its description wrapped beside them
/// (keys too long for the column get a row of their own).
pub fn help_rows(width: usize, ui: &Ui) -> Vec<(String, bool)> {
    let lang = ui.lang;
    let entries = ui.keys.entries();
    // Browsing first: it is what a reader opening help wants to see.
    let mut scopes: Vec<Scope> = vec![
        Scope::Scroll,
        Scope::Normal,
        Scope::Focused(Focus::List),
        Scope::Panes,
        Scope::Focused(Focus::Links),
        Scope::Search,
    ];
    for e in entries {
        if !scopes.contains(&e.binding.scope) {
            scopes.push(e.binding.scope);
        }
    }
    let key_cells = KEY_CELLS.min(width / 3).max(1);
    let indent = " ".repeat(2 + key_cells);
    let mut rows = Vec::new();
    let row = |keys: &str, text: &str, rows: &mut Vec<(String, bool)>| {
        let mut first = if width_of(keys) < key_cells {
            format!("  {}", fit(keys, key_cells))
        } else {
            rows.push((format!("  {keys}"), false));
            indent.clone()
        };
        for part in wrap(text, width.saturating_sub(2 + key_cells).max(1)) {
            first.push_str(&part);
            rows.push((std::mem::replace(&mut first, indent.clone()), false));
        }
    };
    for scope in scopes {
        // A section whose every key the config took away says nothing.
        let shown: Vec<_> = entries
            .iter()
            .filter(|e| e.binding.scope == scope && !e.keys.is_empty())
            .collect();
        if shown.is_empty() {
            continue;
        }
        if !rows.is_empty() {
            rows.push((String::new(), false));
        }
        rows.push((scope.heading().text(lang).to_string(), true));
        for e in shown {
            row(
                &keys_label(&e.keys, lang),
                e.binding.help.text(lang),
                &mut rows,
            );
        }
    }
    rows.push((String::new(), false));
    rows.push((Help::HeadMouse.text(lang).to_string(), true));
    for line in [Help::MouseClick, Help::MouseWheel] {
        row("", line.text(lang), &mut rows);
    }
    rows
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

pub struct HelpView<'a> {
    pub scroll: usize,
    pub ui: &'a Ui,
}

/// The overlay's box on `area` and the rows it holds; None when the
/// screen has no room for it.
fn geometry(area: Rect, ui: &Ui) -> Option<(Rect, Vec<(String, bool)>)> {
    let width = area.width.saturating_sub(4).min(78);
    let lines = help_rows(usize::from(width.saturating_sub(2)), ui);
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
pub fn max_scroll(area: Rect, ui: &Ui) -> usize {
    geometry(area, ui).map_or(0, |(rect, lines)| {
        lines
            .len()
            .saturating_sub(usize::from(rect.height.saturating_sub(2)))
    })
}

/// How many rows of help show at once on a screen of `area`.
pub fn visible_rows(area: Rect, ui: &Ui) -> usize {
    geometry(area, ui).map_or(0, |(rect, _)| usize::from(rect.height.saturating_sub(2)))
}

/// The title: which keys close and scroll, as the key map has them.
fn title(ui: &Ui) -> String {
    let close = ui
        .keys
        .first_label(Scope::Help, Action::CloseHelp, ui.lang)
        .unwrap_or_default();
    let scroll = format!(
        "{}/{}",
        ui.keys.label_of("move_down", ui.lang),
        ui.keys.label_of("move_up", ui.lang)
    );
    ui.say(Tui::HelpTitle { close, scroll })
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Some((rect, lines)) = geometry(area, self.ui) else {
            return;
        };
        let theme = &self.ui.theme;
        let width = rect.width;
        forget_wide_chars_left_of(rect, buf);
        Clear.render(rect, buf);
        let inner_height = usize::from(rect.height.saturating_sub(2));
        let scroll = self.scroll.min(lines.len().saturating_sub(inner_height));
        let last = (scroll + inner_height).min(lines.len());
        let position = self.ui.say(Tui::HelpPosition {
            first: scroll + 1,
            last,
            total: lines.len(),
            more: last < lines.len(),
        });
        let cells = usize::from(width - 2);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(theme.border_type(true))
            .border_style(theme.border(true))
            .title(truncate(&title(self.ui), cells))
            .title_bottom(Line::from(truncate(&position, cells)).right_aligned());
        let inner = block.inner(rect);
        block.render(rect, buf);
        for (y, (text, heading)) in (inner.y..inner.bottom()).zip(lines.iter().skip(scroll)) {
            let style = if *heading { theme.heading } else { theme.text };
            let line = Line::styled(truncate(text, usize::from(inner.width)), style);
            buf.set_line(inner.x, y, &line, inner.width);
        }
    }
}
