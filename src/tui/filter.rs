//! The review flow's state, apart from the flow (review.rs), so the App can
//! hold it without the two files depending on each other: the list filter
//! and the y/n question on the status line.

use crate::i18n::Screen;
use crate::model::IssueSummary;

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
}

impl ListFilter {
    /// `f` goes all → cached → unread → all.
    pub fn next(self) -> ListFilter {
        match self {
            ListFilter::All => ListFilter::Cached,
            ListFilter::Cached => ListFilter::Unread,
            ListFilter::Unread => ListFilter::All,
        }
    }

    pub fn admits(self, s: &IssueSummary) -> bool {
        match self {
            ListFilter::All => true,
            ListFilter::Cached => s.cached,
            ListFilter::Unread => s.cached && !s.read,
        }
    }

    /// How the list title names the filter; None when nothing is hidden.
    pub fn label(self) -> Option<Screen> {
        match self {
            ListFilter::All => None,
            ListFilter::Cached => Some(Screen::FilterCached),
            ListFilter::Unread => Some(Screen::FilterUnread),
        }
    }

    /// What the list says when the filter leaves no row; `key` is the key
    /// that changes the filter.
    pub fn empty_text(self, key: String) -> Screen {
        match self {
            ListFilter::All => Screen::EmptyCache,
            ListFilter::Cached => Screen::NoCachedIssue { key },
            ListFilter::Unread => Screen::NoUnreadIssue { key },
        }
    }

    /// The status line's note when the filter is chosen.
    pub fn chosen(self, rows: usize, total: usize) -> Screen {
        match self {
            ListFilter::All => Screen::ShowingAll(total),
            ListFilter::Cached => Screen::ShowingCached { rows, total },
            ListFilter::Unread => Screen::ShowingUnread { rows, total },
        }
    }
}

/// A y/n question waiting on the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Mark every cached issue read; this many are unread.
    MarkAllRead(usize),
}

impl Question {
    pub fn text(self) -> Screen {
        match self {
            Question::MarkAllRead(n) => Screen::AskMarkAllRead(n),
        }
    }
}
