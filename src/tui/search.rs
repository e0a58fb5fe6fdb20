//! Incremental search: every edit searches for the query and jumps to the
//! first hit; Esc goes back to where the search began, n / N walk the hits.
//!
//! Typing never waits on a large cache. A longer query re-checks only the
//! hits of a shorter one it contains (a match of "跨境" is a match of "跨"),
//! and finished queries are kept, so Backspace back to one is instant.
//! A search dearer than one update may spend is left pending; once typing
//! pauses, the event loop sends `RunPendingSearch`, which searches one slice
//! of issues per update, newest first, so the first hit shows at once and a
//! key typed meanwhile is handled between slices.

use std::time::Duration;

use super::action::InputMode;
use super::app::App;
use super::search_state::{Pending, Saved, Scope, LOOKUP_COST, SLICE_COST};
pub use super::search_state::{SearchState, SEARCH_BUDGET, SEARCH_PAUSE};
use crate::i18n::Screen;
use crate::model::IssueKey;

impl App {
    fn saved_view(&self) -> Saved {
        Saved {
            list_selected: self.list_selected,
            list_offset: self.list_offset,
            current: self.current.clone(),
            scroll: self.detail_scroll,
        }
    }

    fn restore(&mut self, saved: Saved) {
        if self.current != saved.current {
            if let Some(t) = saved.current {
                self.show(t);
            }
        }
        self.list_selected = saved.list_selected;
        self.list_offset = saved.list_offset;
        self.detail_scroll = saved.scroll;
        self.clamp_scroll();
    }

    /// Sets what one update may spend on searching, in issues scanned (see
    /// `SEARCH_BUDGET`); a dearer search waits for typing to pause. Tests
    /// set a small budget to make a small library behave like a large one.
    pub fn set_search_budget(&mut self, issues_scanned: usize) {
        self.search_budget = issues_scanned;
    }

    /// What one update may spend on searching, in issues scanned.
    pub fn search_budget(&self) -> usize {
        self.search_budget
    }

    /// How long the event loop may wait for input before it should send
    /// `RunPendingSearch`: the typing pause before a deferred search, no
    /// time once one has begun, None when nothing is pending.
    pub fn search_wait(&self) -> Option<Duration> {
        let pending = self.search.as_ref()?.pending.as_ref()?;
        Some(if pending.checked == 0 {
            SEARCH_PAUSE
        } else {
            Duration::ZERO
        })
    }

    pub fn start_search(&mut self) {
        let saved = Some(self.saved_view());
        self.search = Some(SearchState {
            query: String::new(),
            hits: Vec::new(),
            index: 0,
            saved,
            origin: self.current_key(),
            shown: false,
            pending: None,
            finished: Vec::new(),
        });
        self.mode = InputMode::Search;
    }

    /// Searches for the edited query and jumps to the first hit, at once
    /// when that is cheap, else after a pause; an empty query goes back to
    /// where the search started.
    pub fn edit_search(&mut self, edit: impl FnOnce(&mut String)) {
        let budget = self.search_budget;
        let Some(search) = self.search.as_mut() else {
            return;
        };
        edit(&mut search.query);
        search.pending = None;
        search.hits.clear();
        search.index = 0;
        search.shown = false;
        let query = search.query.clone();
        if query.is_empty() {
            if let Some(saved) = search.saved.clone() {
                self.restore(saved);
            }
            return;
        }
        if let Some((_, hits)) = search.finished.iter().find(|(q, _)| *q == query) {
            let hits = hits.clone();
            self.found(hits);
            return;
        }
        // The cheaper of a full scan and checking the earlier hits by key.
        let candidates = search
            .narrowest_candidates()
            .filter(|c| c.len().saturating_mul(LOOKUP_COST) < self.summaries.len())
            .cloned();
        let cost = candidates.as_ref().map_or(self.summaries.len(), |c| {
            c.len().saturating_mul(LOOKUP_COST)
        });
        if cost > budget {
            search.pending = Some(Pending {
                scope: candidates.map_or(Scope::Everything, Scope::Among),
                checked: 0,
            });
            return;
        }
        let result = match &candidates {
            Some(c) => self.library().search_within(&query, c),
            None => self.library().search(&query),
        };
        match result {
            Ok(hits) => self.found(hits),
            Err(e) => self.set_error(self.ui.say(Screen::SearchFailed(Box::new(e.message())))),
        }
    }

    /// Complete hits for the current query: keep them and show the first
    /// from where the search began.
    fn found(&mut self, hits: Vec<IssueKey>) {
        let origin = self.search.as_ref().and_then(|s| s.origin);
        let index = first_from(&hits, origin).unwrap_or(0);
        let first = hits.get(index).copied();
        if let Some(search) = self.search.as_mut() {
            search.hits = hits;
            search.index = index;
            search.shown = first.is_some();
            search.remember();
        }
        match first {
            Some(k) => self.select_key(k),
            None => self.back_to_start(),
        }
    }

    /// A query that finds nothing goes back to where the search began, not
    /// to the last hit of a shorter one.
    fn back_to_start(&mut self) {
        if let Some(saved) = self.search.as_ref().and_then(|s| s.saved.clone()) {
            self.restore(saved);
        }
    }

    /// Searches the next slice of a deferred search; the first hit is shown
    /// as soon as it is found.
    pub fn run_pending_search(&mut self) {
        let slice_cost = self.search_budget.clamp(1, SLICE_COST);
        let Some(search) = self.search.as_mut() else {
            return;
        };
        let Some(mut pending) = search.pending.take() else {
            return;
        };
        let query = search.query.clone();
        let start = pending.checked;
        let (result, end, total) = match &pending.scope {
            Scope::Everything => {
                let total = self.summaries.len();
                let end = start.saturating_add(slice_cost).min(total);
                let slice = self.summaries.get(start..end).unwrap_or(&[]);
                let result = match (slice.first(), slice.last()) {
                    (Some(newest), Some(oldest)) => self
                        .library()
                        .search_between(&query, newest.key, oldest.key),
                    _ => Ok(Vec::new()),
                };
                (result, end, total)
            }
            Scope::Among(candidates) => {
                let total = candidates.len();
                let lookups = (slice_cost / LOOKUP_COST).max(1);
                let end = start.saturating_add(lookups).min(total);
                let slice = candidates.get(start..end).unwrap_or(&[]);
                (self.library().search_within(&query, slice), end, total)
            }
        };
        let found = match result {
            Ok(found) => found,
            Err(e) => {
                self.set_error(self.ui.say(Screen::SearchFailed(Box::new(e.message()))));
                return;
            }
        };
        pending.checked = end;
        let Some(search) = self.search.as_mut() else {
            return;
        };
        search.hits.extend(found);
        let done = end >= total;
        let none = done && search.hits.is_empty();
        let first = match first_from(&search.hits, search.origin) {
            _ if search.shown => None,
            Some(i) => Some(i),
            // Nothing at or below the origin: wrap to the newest hit.
            None if done && !search.hits.is_empty() => Some(0),
            None => None,
        };
        if let Some(i) = first {
            search.index = i;
            search.shown = true;
        }
        let first = first.and_then(|i| search.hits.get(i).copied());
        if done {
            search.remember();
        } else {
            search.pending = Some(pending);
        }
        if let Some(k) = first {
            self.select_key(k);
        } else if none {
            self.back_to_start();
        }
    }

    /// Enter keeps the search. A deferred one goes on in the background
    /// (n / N walk the hits found so far), begun now: typing has ended.
    pub fn accept_search(&mut self) {
        if self.search_wait() == Some(SEARCH_PAUSE) {
            self.run_pending_search();
        }
        self.mode = InputMode::Normal;
        if let Some(s) = self.search.as_mut() {
            s.saved = None;
            if s.query.is_empty() {
                self.search = None;
            }
        }
    }

    pub fn cancel_search(&mut self) {
        self.mode = InputMode::Normal;
        if let Some(saved) = self.search.take().and_then(|s| s.saved) {
            self.restore(saved);
        }
    }

    /// `n` / `N`: the next hit below (or above) the issue on screen, as in
    /// vim and newsboat, wrapping at the ends. Hits are in list order.
    pub fn step_hit(&mut self, forward: bool) {
        let current = self.current_key();
        let Some(s) = self.search.as_mut().filter(|s| !s.hits.is_empty()) else {
            let message = match &self.search {
                Some(s) if s.is_pending() => Screen::StillSearching,
                Some(s) if !s.query.is_empty() => Screen::NoMatch(s.query.clone()),
                _ => Screen::NoSearch {
                    key: self.ui.keys.label_of("search", self.ui.lang),
                },
            };
            self.set_message(self.ui.say(message));
            return;
        };
        let n = s.hits.len();
        s.index = match current {
            Some(c) if forward => {
                let i = s.hits.partition_point(|h| *h >= c);
                if i >= n {
                    0
                } else {
                    i
                }
            }
            Some(c) => match s.hits.partition_point(|h| *h > c) {
                0 => n - 1,
                j => j - 1,
            },
            None if forward => (s.index + 1) % n,
            None => (s.index + n - 1) % n,
        };
        if let Some(k) = s.hits.get(s.index).copied() {
            self.select_key(k);
        }
    }
}

/// The index of the first hit (hits are newest first) at or below
/// `origin`; None when every hit found so far is above it, and the caller
/// wraps to the newest.
fn first_from(hits: &[IssueKey], origin: Option<IssueKey>) -> Option<usize> {
    match origin {
        Some(o) => Some(hits.partition_point(|h| *h > o)).filter(|&i| i < hits.len()),
        None => Some(0).filter(|_| !hits.is_empty()),
    }
}
