//! The brief overlay (`b`): the shown issue's weekly brief
//! ([`crate::brief`]) in a box over the screen, its lines wrapped to the
//! box's width when the screen's size changes (the address cut to one
//! row: `y` sends the whole brief, as Markdown, to the clipboard). It
//! scrolls with the moving keys, and its bottom border says where the
//! view is, as the help's does.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line as TextLine, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use super::wrap::{truncate, width as text_width, wrap_styled_by_phrase};
use crate::brief::render::Line;
use crate::i18n::{Lang, Screen};

/// A wrapped row: its pieces and their styles.
pub type BriefRow = Vec<(String, Style)>;

/// The overlay laid out for a screen: its box (None when the screen has
/// no room for one), its rows and title.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BriefLayout {
    pub rect: Option<Rect>,
    pub rows: Vec<BriefRow>,
    pub title: String,
}

/// The brief's lines as styled pieces, before wrapping; `one_row` for
/// the address.
fn pieces(line: &Line, theme: &Theme) -> (Vec<(String, Style)>, bool) {
    match line {
        Line::Title(t) => (vec![(t.clone(), theme.title)], false),
        Line::Plain(t) => (vec![(t.clone(), theme.dim)], false),
        Line::Heading(h) => (vec![(h.clone(), theme.heading)], false),
        Line::Item(ps) => {
            let mut out = vec![("· ".to_string(), theme.dim)];
            out.extend(ps.iter().map(|p| {
                let style = if p.strong { theme.title } else { theme.text };
                (p.text.clone(), style)
            }));
            (out, false)
        }
        // Set in from the box's border, or its bar reads as a second one.
        Line::Quote(q) => (
            vec![(" ▌ ".into(), theme.dim), (q.clone(), theme.text)],
            false,
        ),
        Line::Link { label, url } => (
            vec![(label.clone(), theme.dim), (url.clone(), theme.link)],
            true,
        ),
        Line::Blank => (Vec::new(), false),
    }
}

impl BriefLayout {
    /// The box centred on `area`, as wide as the help's (78 cells at
    /// most) and as tall as the brief or the screen allows.
    pub fn new(area: Rect, lines: &[Line], title: String, theme: &Theme) -> BriefLayout {
        let width = area.width.saturating_sub(4).min(78);
        let cells = usize::from(width.saturating_sub(2)).max(1);
        let mut rows: Vec<BriefRow> = Vec::new();
        for line in lines {
            let (pieces, one_row) = pieces(line, theme);
            if pieces.is_empty() {
                rows.push(Vec::new());
            } else if one_row {
                let text: String = pieces.iter().map(|(t, _)| t.as_str()).collect();
                let label = pieces.first().map_or(0, |(t, _)| t.chars().count());
                let cut = truncate(&text, cells);
                let (head, tail) =
                    cut.split_at(cut.char_indices().nth(label).map_or(cut.len(), |(i, _)| i));
                rows.push(vec![
                    (head.to_string(), pieces[0].1),
                    (tail.to_string(), theme.link),
                ]);
            } else if let (Line::Item(_) | Line::Quote(_), Some((mark, text))) =
                (line, pieces.split_first())
            {
                // An item's phrases wrap whole, under its text; a quote
                // keeps its bar on every row.
                let indent = text_width(&mark.0);
                let rows_of_text = wrap_styled_by_phrase(text, cells.saturating_sub(indent).max(1));
                for (n, mut row) in rows_of_text.into_iter().enumerate() {
                    let lead = match line {
                        Line::Item(_) if n > 0 => " ".repeat(indent),
                        _ => mark.0.clone(),
                    };
                    row.insert(0, (lead, mark.1));
                    rows.push(row);
                }
            } else {
                rows.extend(wrap_styled_by_phrase(&pieces, cells));
            }
        }
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
        BriefLayout { rect, rows, title }
    }

    /// How many rows show at once.
    pub fn visible_rows(&self) -> usize {
        self.rect
            .map_or(0, |r| usize::from(r.height.saturating_sub(2)))
    }

    /// How far the brief can scroll: to its last row, no further.
    pub fn max_scroll(&self) -> usize {
        match self.rect {
            Some(_) => self.rows.len().saturating_sub(self.visible_rows()),
            None => 0,
        }
    }
}

pub struct BriefView<'a> {
    pub layout: &'a BriefLayout,
    pub scroll: usize,
    pub theme: &'a Theme,
    pub lang: Lang,
}

impl Widget for BriefView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let layout = self.layout;
        // Laid out for another size: the resize lays it out again.
        let Some(rect) = layout.rect.filter(|r| area.intersection(*r) == *r) else {
            return;
        };
        let theme = self.theme;
        // Everything above the status line is cleared, as under the help:
        // the panes' corners beside the box would read as part of it. The
        // status line stays: it says what `y` did.
        let under = Rect {
            height: rect.bottom().saturating_sub(area.y),
            ..area
        };
        super::help::forget_wide_chars_left_of(under, buf);
        Clear.render(under, buf);
        let inner_height = usize::from(rect.height.saturating_sub(2));
        let rows = &layout.rows;
        let scroll = self.scroll.min(rows.len().saturating_sub(inner_height));
        let last = (scroll + inner_height).min(rows.len());
        let position = Screen::HelpPosition {
            first: scroll + 1,
            last,
            total: rows.len(),
            more: last < rows.len(),
        }
        .text(self.lang);
        let cells = usize::from(rect.width - 2);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(theme.border_type(true))
            .border_style(theme.border(true))
            .title(truncate(&layout.title, cells))
            .title_bottom(TextLine::from(truncate(&position, cells)).right_aligned());
        let inner = block.inner(rect);
        block.render(rect, buf);
        for (y, row) in (inner.y..inner.bottom()).zip(rows.iter().skip(scroll)) {
            let spans: Vec<Span> = row
                .iter()
                .map(|(t, s)| Span::styled(t.clone(), *s))
                .collect();
            buf.set_line(inner.x, y, &TextLine::from(spans), inner.width);
        }
    }
}
