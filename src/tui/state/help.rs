//! The help overlay's state: whether it is open, how far it is scrolled,
//! and its rows laid out for the screen (view/help.rs builds and draws
//! them). It covers whatever is showing, the chart view included.

use ratatui::layout::Rect;

use super::step;
use crate::tui::ui::Ui;
use crate::tui::view::help::HelpLayout;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HelpPane {
    pub open: bool,
    /// The first row shown.
    pub scroll: usize,
    /// The overlay laid out for the screen.
    pub layout: HelpLayout,
}

impl HelpPane {
    /// Lays the overlay out for a new screen size.
    pub fn fit(&mut self, screen: Rect, ui: &Ui) {
        self.layout = HelpLayout::new(screen, ui);
    }

    /// Opens the overlay scrolled to `scroll`.
    pub fn open_at(&mut self, scroll: usize) {
        self.scroll = scroll;
        self.open = true;
    }

    pub fn close(&mut self) {
        self.open = false;
    }

    /// Scrolls `n` rows, stopping at the last row.
    pub fn scroll_by(&mut self, n: usize, down: bool) {
        self.scroll = step(self.scroll, n, down, self.layout.max_scroll());
    }

    /// One page: the rows shown but one.
    pub fn page(&self) -> usize {
        self.layout.visible_rows().saturating_sub(1).max(1)
    }
}
