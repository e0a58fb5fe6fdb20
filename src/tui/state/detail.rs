//! The detail pane: what it shows (an issue, or a 近期回顾 line whose issue
//! the cache cannot name), the document wrapped to its width, the scroll,
//! the selected link, and the followed-link history, with the moves and
//! clicks that change them. The document itself is built in
//! view/detail.rs; loading it is the App's (it reads the library).

use ratatui::layout::Rect;

use super::step;
use crate::i18n::Screen;
use crate::model::IssueKey;
use crate::tui::action::Focus;
use crate::tui::browser::is_web_url;
use crate::tui::view::detail::{DetailDoc, Item, LinkTarget, Row};
use crate::tui::view::layout::{contains, inner};

/// What the detail pane shows: an issue by key, or a 近期回顾 line whose
/// issue the cache cannot name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Issue(IssueKey),
    Reference(LinkTarget),
}

/// A history entry: where the reader was, down to the scroll position and
/// the selected link, so going back lands where they left.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub target: Target,
    pub scroll: usize,
    pub link: usize,
    pub focus: Focus,
}

/// Why `o` or `y` has nothing to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoUrl {
    Missing,
    LineWithoutLink,
    NotWeb,
}

impl NoUrl {
    /// The status line's words, for opening or `copying`.
    pub fn message(self, copying: bool) -> Screen {
        match self {
            NoUrl::Missing => Screen::NoUrl,
            NoUrl::LineWithoutLink => Screen::NoLinkOnLine,
            NoUrl::NotWeb => Screen::NotWeb { copying },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DetailPane {
    /// What is shown; None before the first issue (an empty cache).
    pub current: Option<Target>,
    pub doc: DetailDoc,
    /// `doc` wrapped to `rows_width` cells.
    pub rows: Vec<Row>,
    pub rows_width: usize,
    /// The first row on screen.
    pub scroll: usize,
    /// The selected item (an index into `doc.items`), shown while the
    /// links have focus.
    pub link: usize,
    /// The pane on screen, border included.
    pub area: Rect,
    /// The selectable line `rows` show in full (see `sync_selected`).
    expanded: Option<usize>,
    /// The issue shown before [`DetailPane::clear`]: where the list's
    /// cursor goes back to when a filter lists it again.
    cleared: Option<IssueKey>,
    back: Vec<Visit>,
    forward: Vec<Visit>,
}

impl DetailPane {
    pub fn new(doc: DetailDoc) -> DetailPane {
        DetailPane {
            current: None,
            doc,
            rows: Vec::new(),
            rows_width: 0,
            scroll: 0,
            link: 0,
            area: Rect::default(),
            expanded: None,
            cleared: None,
            back: Vec::new(),
            forward: Vec::new(),
        }
    }

    /// The key of the issue shown, when it has one.
    pub fn current_key(&self) -> Option<IssueKey> {
        match &self.current {
            Some(Target::Issue(k)) => Some(*k),
            Some(Target::Reference(r)) => r.key,
            None => None,
        }
    }

    /// The width the document wraps to: inside the border.
    fn text_width(&self) -> usize {
        usize::from(inner(self.area).width)
    }

    /// Rows on screen.
    pub fn height(&self) -> usize {
        usize::from(inner(self.area).height)
    }

    /// One page of scrolling: all the rows on screen but one.
    pub fn page(&self) -> usize {
        self.height().saturating_sub(1).max(1)
    }

    pub fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.height())
    }

    pub fn clamp_scroll(&mut self) {
        self.scroll = self.scroll.min(self.max_scroll());
    }

    /// Scrolls to `row` (as far as the document goes).
    pub fn scroll_to(&mut self, row: usize) {
        self.scroll = row;
        self.clamp_scroll();
    }

    /// Back to a place in the document: its scroll and the selected line.
    pub fn return_to(&mut self, scroll: usize, link: usize) {
        self.scroll_to(scroll);
        self.link = link;
        self.clamp_link();
    }

    /// Wraps the document again when the pane's width changed.
    pub fn fit_width(&mut self) {
        let width = self.text_width();
        if width != self.rows_width {
            self.rows_width = width;
            self.rewrap();
        }
        self.clamp_scroll();
    }

    fn rewrap(&mut self) {
        self.rows = self.doc.wrap_selected(self.rows_width, self.expanded);
    }

    /// Shows the selected line in full while the links have focus (a
    /// 近期回顾 line's whole title), the others as they fit; after every
    /// update, so drawing only reads the rows.
    pub fn sync_selected(&mut self, links_focused: bool) {
        let expanded = links_focused.then_some(self.link);
        if expanded != self.expanded {
            // A line on screen stays whole on screen as it grows; one
            // below the fold (a page just opened) leaves the scroll alone.
            let h = self.height().max(1);
            let on_screen = self
                .rows
                .iter()
                .skip(self.scroll)
                .take(h)
                .any(|r| r.link.is_some() && r.link == expanded);
            self.expanded = expanded;
            self.rewrap();
            self.clamp_scroll();
            if on_screen {
                self.scroll_link_into_view();
            }
        }
    }

    /// Shows `doc` as `target`: wrapped, from the top, its first 近期回顾
    /// line selected. Does not touch the history.
    pub fn open(&mut self, target: Target, doc: DetailDoc) {
        self.doc = doc;
        self.expanded = None;
        self.rewrap();
        self.scroll = 0;
        self.link = self.doc.first_link_item();
        self.current = Some(target);
    }

    /// Shows no issue, only `doc` (a note); the history stays.
    pub fn clear(&mut self, doc: DetailDoc) {
        self.cleared = self.current_key().or(self.cleared);
        self.doc = doc;
        self.expanded = None;
        self.rewrap();
        self.scroll = 0;
        self.link = 0;
        self.current = None;
    }

    /// The issue shown before the pane was cleared (see `cleared`).
    pub fn cleared_key(&self) -> Option<IssueKey> {
        self.cleared
    }

    /// Whether the document has selectable lines (image addresses, 近期回顾).
    pub fn has_items(&self) -> bool {
        !self.doc.items.is_empty()
    }

    /// The selected line, when `links_focused`.
    pub fn selected_item(&self, links_focused: bool) -> Option<Item> {
        links_focused
            .then(|| self.doc.items.get(self.link).copied())
            .flatten()
    }

    /// Selects line `n` of the document's selectable lines.
    pub fn select_item(&mut self, n: usize) {
        self.link = n;
    }

    /// Keeps the selected line on the document.
    pub fn clamp_link(&mut self) {
        self.link = self.link.min(self.doc.items.len().saturating_sub(1));
    }

    pub fn scroll_by(&mut self, n: usize, down: bool) {
        self.scroll = step(self.scroll, n, down, self.max_scroll());
    }

    /// The next (or previous) selectable line, `n` lines on, scrolled into view.
    pub fn step_link(&mut self, n: usize, down: bool) {
        let last = self.doc.items.len().saturating_sub(1);
        self.link = step(self.link, n, down, last);
        self.scroll_link_into_view();
    }

    pub fn scroll_link_into_view(&mut self) {
        let selected = Some(self.link);
        let first = self.rows.iter().position(|r| r.link == selected);
        let last = self.rows.iter().rposition(|r| r.link == selected);
        let (Some(first), Some(last)) = (first, last) else {
            return;
        };
        let h = self.height().max(1);
        if first < self.scroll {
            self.scroll = first;
        } else if last >= self.scroll + h {
            self.scroll = (last + 1).saturating_sub(h).min(first);
        }
    }

    /// Whether a screen position is on the pane, border included (the
    /// wheel scrolls it there).
    pub fn covers(&self, column: u16, row: u16) -> bool {
        contains(self.area, column, row)
    }

    /// A click at a screen position: None outside the text, else the
    /// selectable line clicked, if it is one.
    pub fn clicked(&self, column: u16, row: u16) -> Option<Option<usize>> {
        let text = inner(self.area);
        if !contains(text, column, row) {
            return None;
        }
        let at = self.scroll + usize::from(row - text.y);
        Some(self.rows.get(at).and_then(|r| r.link))
    }

    /// The URL `o` and `y` act on: the selected image address or 近期回顾
    /// line while the links have focus, else the shown issue's own URL.
    pub fn selected_url(&self, links_focused: bool) -> Result<String, NoUrl> {
        let url = match self.selected_item(links_focused) {
            Some(Item::Image(i)) => self.doc.images.get(i).cloned(),
            Some(Item::Link(i)) => match self.doc.links.get(i) {
                Some(link) => match &link.url {
                    Some(url) => Some(url.clone()),
                    None => return Err(NoUrl::LineWithoutLink),
                },
                None => None,
            },
            // Another series' issue, gone to inside zhoubao.
            Some(Item::SameWeek(_)) => return Err(NoUrl::LineWithoutLink),
            None => self.doc.url.clone(),
        };
        let Some(url) = url else {
            return Err(NoUrl::Missing);
        };
        if !is_web_url(&url) {
            return Err(NoUrl::NotWeb);
        }
        Ok(url)
    }

    /// Where the reader is, for the history.
    pub fn here(&self, focus: Focus) -> Option<Visit> {
        self.current.clone().map(|target| Visit {
            target,
            scroll: self.scroll,
            link: self.link,
            focus,
        })
    }

    /// Before following a link: where the reader is goes on the back list,
    /// and the forward list is dropped, as in a browser.
    pub fn leave(&mut self, focus: Focus) {
        if let Some(here) = self.here(focus) {
            self.back.push(here);
        }
        self.forward.clear();
    }

    /// The page before, with where the reader is kept to come forward to.
    pub fn back(&mut self, focus: Focus) -> Option<Visit> {
        let visit = self.back.pop()?;
        if let Some(here) = self.here(focus) {
            self.forward.push(here);
        }
        Some(visit)
    }

    /// The page after, with where the reader is kept to go back to.
    pub fn forward(&mut self, focus: Focus) -> Option<Visit> {
        let visit = self.forward.pop()?;
        if let Some(here) = self.here(focus) {
            self.back.push(here);
        }
        Some(visit)
    }

    /// How many pages are behind and ahead.
    pub fn history_len(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }
}
