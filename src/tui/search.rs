//! Incremental search: every edit re-runs the query and jumps to the first
//! hit; Esc goes back to where the search began, n / N walk the hits.

use super::action::InputMode;
use super::app::{App, Target};
use crate::model::IssueKey;

/// Where the user was before a search started, to restore on Esc.
#[derive(Debug, Clone)]
pub(super) struct Saved {
    list_selected: usize,
    list_offset: usize,
    current: Option<Target>,
    scroll: usize,
}

#[derive(Debug, Clone)]
pub struct SearchState {
    pub query: String,
    pub hits: Vec<IssueKey>,
    /// Which hit is shown.
    pub index: usize,
    pub(super) saved: Option<Saved>,
}

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

    pub fn start_search(&mut self) {
        let saved = Some(self.saved_view());
        self.search = Some(SearchState {
            query: String::new(),
            hits: Vec::new(),
            index: 0,
            saved,
        });
        self.mode = InputMode::Search;
    }

    /// Re-runs the search for the edited query and jumps to the first hit;
    /// an empty query goes back to where the search started.
    pub fn edit_search(&mut self, edit: impl FnOnce(&mut String)) {
        let Some(search) = self.search.as_mut() else {
            return;
        };
        edit(&mut search.query);
        let query = search.query.clone();
        if query.is_empty() {
            search.hits.clear();
            if let Some(saved) = search.saved.clone() {
                self.restore(saved);
            }
            return;
        }
        let hits = match self.library().search(&query) {
            Ok(h) => h,
            Err(e) => {
                self.set_error(format!("search failed: {e}"));
                return;
            }
        };
        let first = hits.first().copied();
        if let Some(search) = self.search.as_mut() {
            search.hits = hits;
            search.index = 0;
        }
        if let Some(k) = first {
            self.select_key(k);
        }
    }

    pub fn accept_search(&mut self) {
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

    pub fn step_hit(&mut self, forward: bool) {
        let Some(s) = self.search.as_mut().filter(|s| !s.hits.is_empty()) else {
            self.set_message("no search: press / to search");
            return;
        };
        let n = s.hits.len();
        s.index = if forward {
            (s.index + 1) % n
        } else {
            (s.index + n - 1) % n
        };
        if let Some(k) = s.hits.get(s.index).copied() {
            self.select_key(k);
        }
    }
}
