//! The issue list pane: one row per issue, newest first. Only the visible
//! rows are built each frame, so ten thousand issues cost what twenty do.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::theme;
use super::wrap::{fit, fit_right, truncate};
use crate::model::IssueSummary;

/// Marks a cached issue not yet read.
pub const UNREAD: &str = "●";

/// `04-22~04-27`: the year is already in the key.
fn short_period(s: &IssueSummary) -> String {
    s.period
        .map(|p| format!("{}~{}", p.start.format("%m-%d"), p.end.format("%m-%d")))
        .unwrap_or_default()
}

/// The row text, exactly `cells` wide.
pub fn row_text(s: &IssueSummary, cells: usize) -> String {
    let mark = if s.cached && !s.read { UNREAD } else { " " };
    let assessment = s.assessment.map_or("", |a| a.chinese());
    let events = s
        .figures
        .events_handled
        .map(|v| v.to_string())
        .unwrap_or_default();
    let text = format!(
        "{mark} {} {} {} {}",
        fit(&s.key.to_string(), 7),
        fit(&short_period(s), 11),
        fit(assessment, 2),
        fit_right(&events, 5),
    );
    fit(&text, cells)
}

pub struct ListView<'a> {
    pub summaries: &'a [IssueSummary],
    pub selected: usize,
    pub offset: usize,
    pub focused: bool,
}

impl Widget for ListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let unread = self
            .summaries
            .iter()
            .filter(|s| s.cached && !s.read)
            .count();
        let title = format!(" 周报 {} 期 · {} 未读 ", self.summaries.len(), unread);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme::border(self.focused))
            .title(truncate(&title, usize::from(area.width.saturating_sub(2))));
        let inner = block.inner(area);
        block.render(area, buf);
        let height = usize::from(inner.height);
        // The cursor must be visible even when the app's offset is for another size.
        let offset = if self.selected >= self.offset + height.max(1) {
            self.selected + 1 - height.max(1)
        } else {
            self.offset.min(self.selected)
        };
        let cells = usize::from(inner.width);
        for (y, (i, s)) in
            (inner.y..inner.bottom()).zip(self.summaries.iter().enumerate().skip(offset))
        {
            let mut style = if s.cached {
                theme::base()
            } else {
                theme::dim()
            };
            if i == self.selected {
                style = style.patch(theme::selected_row(self.focused));
            }
            buf.set_stringn(inner.x, y, row_text(s, cells), cells, style);
            if s.cached && !s.read {
                buf.set_stringn(inner.x, y, UNREAD, 1, style.patch(theme::unread_marker()));
            }
        }
        if self.summaries.is_empty() {
            buf.set_stringn(inner.x, inner.y, "(empty cache)", cells, theme::dim());
        }
    }
}
