//! The brief overlay's state (`b`): whether it is open, which issue's
//! brief it holds, its lines (drawn) and its Markdown (what `y` sends to
//! the clipboard), how far it is scrolled, and its rows laid out for the
//! screen (view/brief.rs lays them out and draws them). The brief itself
//! is assembled by [`crate::brief`] when it opens.

use ratatui::layout::Rect;

use super::step;
use crate::brief::render::Line;
use crate::i18n::Briefing;
use crate::model::IssueKey;
use crate::tui::action::Action;
use crate::tui::keymap::binding::Scope;
use crate::tui::ui::Ui;
use crate::tui::view::brief::BriefLayout;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BriefPane {
    pub open: bool,
    /// The first row shown.
    pub scroll: usize,
    /// The issue briefed.
    pub key: Option<IssueKey>,
    pub lines: Vec<Line>,
    /// The brief as Markdown: what `y` sends.
    pub markdown: String,
    pub layout: BriefLayout,
}

impl BriefPane {
    /// Opens the overlay on `key`'s brief, scrolled to its top.
    pub fn show(
        &mut self,
        key: IssueKey,
        lines: Vec<Line>,
        markdown: String,
        screen: Rect,
        ui: &Ui,
    ) {
        self.key = Some(key);
        self.lines = lines;
        self.markdown = markdown;
        self.scroll = 0;
        self.open = true;
        self.fit(screen, ui);
    }

    /// Lays the overlay out for a new screen size.
    pub fn fit(&mut self, screen: Rect, ui: &Ui) {
        if self.key.is_none() {
            return;
        }
        self.layout = BriefLayout::new(screen, &self.lines, self.title(ui), &ui.theme);
        self.scroll = self.scroll.min(self.layout.max_scroll());
    }

    /// The title: the issue, and the keys that copy and close, as the key
    /// map has them.
    fn title(&self, ui: &Ui) -> String {
        let label = |action| {
            ui.keys
                .first_label(Scope::Brief, action, ui.lang)
                .unwrap_or_default()
        };
        let title = Briefing::OverlayTitle {
            key: self.key.unwrap_or(IssueKey::new(0, 0)),
            copy: label(Action::CopyBrief),
            close: label(Action::CloseBrief),
        };
        format!(" {} ", ui.say(title))
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

    /// How many lines the Markdown has: what the copy says it sent.
    pub fn markdown_lines(&self) -> usize {
        self.markdown.lines().count()
    }
}
