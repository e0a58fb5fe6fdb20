//! The list pane: which issues it shows (the filter), the cursor, the
//! scroll offset and where the pane is on screen, with the moves and clicks
//! that change them.
//!
//! The filter is applied when it is chosen, when the cache reloads and
//! after everything is marked read, not on every mark: an issue read while
//! only unread ones are listed stays in the list, so rows never move under
//! the cursor. When the shown issue is not in the filtered list (a link,
//! `:` or `[`/`]` led there), no row is highlighted and the cursor waits
//! where the issue would be: j goes to the nearest older row, k to the
//! nearest newer one. Separator lines between rows (weeks no issue is
//! known of, `list_gaps`) take screen lines but are never a row.

use ratatui::layout::Rect;

use super::catalog::Catalog;
use crate::i18n::{Mine, Msg, Screen};
use crate::model::{IssueKey, IssueSummary};
use crate::tui::view::layout::{contains, inner};
use crate::tui::view::list_gaps::{self, ListLine};

/// Which issues the list shows; the series, `[`/`]`, search and the charts
/// always use every issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ListFilter {
    #[default]
    All,
    /// Issues the cache holds in full.
    Cached,
    /// Cached issues not read yet.
    Unread,
    /// Issues the reader flagged (`*`).
    Flagged,
}

impl ListFilter {
    /// `f` goes all → cached → unread → flagged → all.
    pub fn next(self) -> ListFilter {
        match self {
            ListFilter::All => ListFilter::Cached,
            ListFilter::Cached => ListFilter::Unread,
            ListFilter::Unread => ListFilter::Flagged,
            ListFilter::Flagged => ListFilter::All,
        }
    }

    pub fn admits(self, s: &IssueSummary) -> bool {
        match self {
            ListFilter::All => true,
            ListFilter::Cached => s.cached,
            ListFilter::Unread => s.cached && !s.read,
            ListFilter::Flagged => s.flagged,
        }
    }

    /// How the list title names the filter; None when nothing is hidden.
    pub fn label(self) -> Option<Msg> {
        match self {
            ListFilter::All => None,
            ListFilter::Cached => Some(Screen::FilterCached.into()),
            ListFilter::Unread => Some(Screen::FilterUnread.into()),
            ListFilter::Flagged => Some(Mine::FilterFlagged.into()),
        }
    }

    /// What the list says when the filter leaves no row; `key` is the key
    /// that changes the filter.
    pub fn empty_text(self, key: String) -> Msg {
        match self {
            ListFilter::All => Screen::EmptyCache.into(),
            ListFilter::Cached => Screen::NoCachedIssue { key }.into(),
            ListFilter::Unread => Screen::NoUnreadIssue { key }.into(),
            ListFilter::Flagged => Mine::NoFlaggedIssue { key }.into(),
        }
    }

    /// The status line's note when the filter is chosen.
    pub fn chosen(self, rows: usize, total: usize) -> Msg {
        match self {
            ListFilter::All => Screen::ShowingAll(total).into(),
            ListFilter::Cached => Screen::ShowingCached { rows, total }.into(),
            ListFilter::Unread => Screen::ShowingUnread { rows, total }.into(),
            ListFilter::Flagged => Mine::ShowingFlagged { rows, total }.into(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListPane {
    /// The issues shown, newest first: the catalog as the filter admits it.
    pub rows: Vec<IssueKey>,
    /// Per row, the weeks no known issue covers between it and the row
    /// above: a separator line there when not 0 (see `list_gaps`).
    pub gaps: Vec<u32>,
    /// The cursor's row.
    pub selected: usize,
    /// The first row on screen.
    pub offset: usize,
    pub filter: ListFilter,
    /// The pane on screen, border included.
    pub area: Rect,
}

impl ListPane {
    /// Rows on screen.
    pub fn height(&self) -> usize {
        usize::from(inner(self.area).height)
    }

    /// One page of j/k: all the rows on screen but one.
    pub fn page(&self) -> usize {
        self.height().saturating_sub(1).max(1)
    }

    pub fn keep_selection_visible(&mut self) {
        let h = self.height().max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if !list_gaps::visible(&self.gaps, self.offset, self.selected, h) {
            self.offset = list_gaps::offset_ending_at(&self.gaps, self.selected, h);
        }
        // Never leave empty rows below the last issue while earlier ones are hidden.
        let last = self.rows.len().saturating_sub(1);
        self.offset = self
            .offset
            .min(list_gaps::offset_ending_at(&self.gaps, last, h));
    }

    /// Scrolls so that row `row` is about mid-list.
    fn centre_on(&mut self, row: usize) {
        let h = self.height().max(1);
        self.offset = list_gaps::offset_ending_at(&self.gaps, row, h / 2 + 1);
    }

    /// Recomputes the rows the filter admits and puts the cursor on the
    /// `shown` issue (or where it would be).
    pub fn rebuild(&mut self, catalog: &Catalog, shown: Option<IssueKey>) {
        let filter = self.filter;
        self.rows = catalog
            .summaries
            .iter()
            .filter(|s| filter.admits(s))
            .map(|s| s.key)
            .collect();
        self.gaps = std::iter::once(0)
            .chain(
                self.rows
                    .windows(2)
                    .map(|w| list_gaps::unknown_weeks(w[0], w[1], &catalog.weeks)),
            )
            .take(self.rows.len())
            .collect();
        self.selected = 0;
        match shown {
            Some(key) => self.place_cursor(key),
            None => self.keep_selection_visible(),
        }
    }

    /// `f`: the next filter, and what the status line says of it.
    pub fn cycle_filter(&mut self, catalog: &Catalog, shown: Option<IssueKey>) -> Msg {
        self.filter = self.filter.next();
        self.rebuild(catalog, shown);
        self.filter.chosen(self.rows.len(), catalog.summaries.len())
    }

    /// The issue on row `row`.
    pub fn row_key(&self, row: usize) -> Option<IssueKey> {
        self.rows.get(row).copied()
    }

    /// The row showing `key`, or Err with the row of the nearest older
    /// issue (`rows.len()` when every row is newer).
    pub fn row_of(&self, key: IssueKey) -> Result<usize, usize> {
        // Newest first: a row sorts before `key` when its issue is newer.
        self.rows.binary_search_by(|row| key.cmp(row))
    }

    /// Whether the cursor row holds the `shown` issue.
    pub fn cursor_on(&self, shown: Option<IssueKey>) -> bool {
        shown.is_some_and(|k| self.row_key(self.selected) == Some(k))
    }

    /// Puts the cursor on `key`'s row, or where it would be.
    pub fn place_cursor(&mut self, key: IssueKey) {
        let row = match self.row_of(key) {
            Ok(row) | Err(row) => row,
        };
        self.selected = row.min(self.rows.len().saturating_sub(1));
        // A jump far from the rows on screen (a search hit, `u`, `:`, a
        // followed link) puts the row mid-list, with issues either side; a
        // step just past an edge scrolls one row, as j/k do.
        let h = self.height().max(1);
        let row = self.selected;
        if row + 1 < self.offset || row > self.offset + h {
            self.centre_on(row);
        }
        self.keep_selection_visible();
    }

    /// Puts the cursor and the scroll back where they were.
    pub fn return_to(&mut self, selected: usize, offset: usize) {
        self.selected = selected;
        self.offset = offset;
    }

    /// Scrolls the cursor's row to mid-list, issues either side: the
    /// first screen.
    pub fn centre_on_cursor(&mut self) {
        self.centre_on(self.selected);
        self.keep_selection_visible();
    }

    /// The row j/k (`down` or not, `n` rows) go to from the `shown` issue.
    /// From a shown issue the filter hides, the first step lands on its
    /// nearest neighbour; None when there is no row that way.
    pub fn step(&self, shown: Option<IssueKey>, n: usize, down: bool) -> Option<usize> {
        let last = self.rows.len().checked_sub(1)?;
        let between = match shown {
            Some(key) if !self.cursor_on(shown) => self.row_of(key).err(),
            _ => None,
        };
        let more = n.saturating_sub(1);
        Some(match (between, down) {
            (Some(older), true) if older > last => return None,
            (Some(older), true) => older.saturating_add(more).min(last),
            (Some(older), false) => older.checked_sub(1)?.saturating_sub(more),
            (None, true) => self.selected.saturating_add(n).min(last),
            (None, false) => self.selected.saturating_sub(n),
        })
    }

    /// Moves the cursor to row `i` (clamped); the issue there, None when
    /// the list is empty.
    pub fn select(&mut self, i: usize) -> Option<IssueKey> {
        let last = self.rows.len().checked_sub(1)?;
        self.selected = i.min(last);
        self.keep_selection_visible();
        self.row_key(self.selected)
    }

    /// Whether a screen position is on the pane, border included (the
    /// wheel scrolls it there).
    pub fn covers(&self, column: u16, row: u16) -> bool {
        contains(self.area, column, row)
    }

    /// A click at a screen position: None outside the rows' area, else the
    /// row clicked when it shows an issue (not a separator).
    pub fn clicked(&self, column: u16, row: u16) -> Option<Option<usize>> {
        let rows = inner(self.area);
        if !contains(rows, column, row) {
            return None;
        }
        let line = usize::from(row - rows.y);
        let lines = list_gaps::lines(&self.gaps, self.rows.len(), self.offset, self.height());
        Some(match lines.get(line) {
            Some(ListLine::Issue(i)) => Some(*i),
            Some(ListLine::Gap(_)) | None => None,
        })
    }

    /// Where the list is, for the status line: ` 3/140` when the cursor is
    /// on the `shown` issue, ` –/140` when the filter hides it.
    /// `total`: the series' issues, more than the rows while a start's
    /// head is all the catalog has read.
    pub fn position(&self, shown: Option<IssueKey>, total: usize) -> String {
        let rows = match self.filter {
            ListFilter::All => self.rows.len().max(total),
            _ => self.rows.len(),
        };
        match rows {
            0 => String::new(),
            n if self.cursor_on(shown) => format!(" {}/{n}", self.selected + 1),
            n => format!(" –/{n}"),
        }
    }
}
