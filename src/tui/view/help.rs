//! The help overlay, generated from the key map the TUI runs with (the
//! config's remaps included), so it always says what the keys really do.
//! It scrolls with the moving keys and the wheel, and its bottom border
//! says where the view is and whether more follows.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::wrap::{fit, truncate, width as width_of, wrap};
use crate::i18n::{Screen, Words};
use crate::tui::action::{Action, Focus};
use crate::tui::keymap::binding::Scope;
use crate::tui::keymap::keys_label;
use crate::tui::ui::Ui;

const KEY_CELLS: usize = 20;

/// The mouse's section of the help: not bindings of the key map.
const MOUSE: Words = Words::new("鼠标", "Mouse");
const MOUSE_CLICK: Words = Words::new(
    "点击：选中一期、图表中的一周或一条链接；再点选中的链接就跟随它",
    "click: select an issue, a week of the chart or a link; click a selected link again to follow it",
);
const MOUSE_WHEEL: Words = Words::new(
    "滚轮：滚动列表、详情、本帮助或简报",
    "wheel: scroll the list, the detail, this help or the brief",
);

/// The help text at a comfortable width, one line per binding.
pub fn help_lines(ui: &Ui) -> Vec<(String, bool)> {
    help_rows(usize::from(u8::MAX), ui)
}

/// The help text fitted to `width` cells: headings in table order, each
/// binding's keys in a column and its description wrapped beside them
/// (keys too long for the column get a row of their own).
pub fn help_rows(width: usize, ui: &Ui) -> Vec<(String, bool)> {
    help_sections(width, ui).0
}

/// One help row: its text, and whether it is a heading.
pub type HelpRow = (String, bool);

/// [`help_rows`], and the row each scope's heading is on.
fn help_sections(width: usize, ui: &Ui) -> (Vec<HelpRow>, Vec<(Scope, usize)>) {
    let lang = ui.lang;
    let mut sections = Vec::new();
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
        sections.push((scope, rows.len()));
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
    rows.push((MOUSE.text(lang).to_string(), true));
    for line in [MOUSE_CLICK, MOUSE_WHEEL] {
        row("", line.text(lang), &mut rows);
    }
    (rows, sections)
}

/// A wide character just left of the overlay would have its second half
/// covered by the border; blank it so no half character is drawn.
pub(super) fn forget_wide_chars_left_of(rect: Rect, buf: &mut Buffer) {
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

/// The overlay laid out for a screen: its box (None when the screen has no
/// room for it), its rows and title, built when the screen size changes so
/// drawing only reads them (the key map and language are the session's).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpLayout {
    pub rect: Option<Rect>,
    pub rows: Vec<HelpRow>,
    /// The row each scope's heading is on.
    pub sections: Vec<(Scope, usize)>,
    pub title: String,
}

impl HelpLayout {
    pub fn new(area: Rect, ui: &Ui) -> HelpLayout {
        let width = area.width.saturating_sub(4).min(78);
        let (rows, sections) = help_sections(usize::from(width.saturating_sub(2)), ui);
        let wanted = u16::try_from(rows.len() + 2).unwrap_or(u16::MAX);
        let height = area.height.saturating_sub(2).min(wanted);
        let rect = (width >= 4 && height >= 3).then(|| {
            Rect::new(
                area.x + (area.width - width) / 2,
                area.y + (area.height - height) / 2,
                width,
                height,
            )
        });
        HelpLayout {
            rect,
            rows,
            sections,
            title: title(ui),
        }
    }

    /// How many rows show at once.
    pub fn visible_rows(&self) -> usize {
        self.rect
            .map_or(0, |r| usize::from(r.height.saturating_sub(2)))
    }

    /// How far the help can scroll: scrolling stops at the last row, so
    /// `k` moves back at once.
    pub fn max_scroll(&self) -> usize {
        match self.rect {
            Some(_) => self.rows.len().saturating_sub(self.visible_rows()),
            None => 0,
        }
    }

    /// The scroll that puts `scope`'s heading at the top, as far as the
    /// help scrolls.
    pub fn scroll_to(&self, scope: Scope) -> usize {
        self.sections
            .iter()
            .find(|(s, _)| *s == scope)
            .map_or(0, |(_, row)| (*row).min(self.max_scroll()))
    }
}

/// How far the help can scroll on a screen of `area`.
pub fn max_scroll(area: Rect, ui: &Ui) -> usize {
    HelpLayout::new(area, ui).max_scroll()
}

/// How many rows of help show at once on a screen of `area`.
pub fn visible_rows(area: Rect, ui: &Ui) -> usize {
    HelpLayout::new(area, ui).visible_rows()
}

pub struct HelpView<'a> {
    pub scroll: usize,
    pub layout: &'a HelpLayout,
    pub theme: &'a super::theme::Theme,
    pub lang: crate::i18n::Lang,
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
    ui.say(Screen::HelpTitle { close, scroll })
}

impl Widget for HelpView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let layout = self.layout;
        // Laid out for another size (the terminal changed before its resize
        // event was handled): the resize lays it out again.
        let Some(rect) = layout.rect.filter(|r| area.intersection(*r) == *r) else {
            return;
        };
        let lines = &layout.rows;
        let theme = self.theme;
        let width = rect.width;
        // The whole screen under the box is cleared: the panes' corners
        // and cut words around it would read as part of the help.
        forget_wide_chars_left_of(area, buf);
        Clear.render(area, buf);
        let inner_height = usize::from(rect.height.saturating_sub(2));
        let scroll = self.scroll.min(lines.len().saturating_sub(inner_height));
        let last = (scroll + inner_height).min(lines.len());
        let position = Screen::HelpPosition {
            first: scroll + 1,
            last,
            total: lines.len(),
            more: last < lines.len(),
        }
        .text(self.lang);
        let cells = usize::from(width - 2);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(theme.border_type(true))
            .border_style(theme.border(true))
            .title(truncate(&layout.title, cells))
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
