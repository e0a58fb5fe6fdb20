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
//!
//! The search only finds; where the reader goes is the App's: each step
//! returns a [`Jump`].

use std::time::Duration;

use super::catalog::Catalog;
use crate::i18n::Screen;
use crate::model::IssueKey;
use crate::tui::library::{Library, LibraryError};

/// What one update may spend on searching, in issues scanned. A full scan
/// of a 10,000-issue cache took 16 ms warm and 25 ms cold (release, bench
/// cache, shared 2-core machine), so half of that fits the 16 ms a key
/// press may take with its redraw; 20,000 would take two or three frames.
/// Dearer searches wait for typing to pause and then go a slice at a time.
pub const SEARCH_BUDGET: usize = 5_000;

/// Checking one issue by key costs about five scanned ones (70 ms against
/// 16 ms for 10,000 issues: a B-tree descent per key instead of a
/// sequential read), so narrowing only pays when the earlier hits are few.
const LOOKUP_COST: usize = 5;

/// What one slice of a deferred search may spend, in issues scanned:
/// 2,000 scanned or 400 checked by key. Only large caches defer, and there
/// each issue costs more: at 100,000 issues in the bench, ~3 µs scanned
/// when warm but ~7 µs on the first pass, ~12 µs by key. So this is sized
/// for a cold large cache: about 15 ms, inside one frame.
const SLICE_COST: usize = 2_000;

/// How long typing must pause before a deferred search starts: longer than
/// the gap between the keys of a word, short enough to feel immediate.
pub const SEARCH_PAUSE: Duration = Duration::from_millis(120);

/// Finished queries kept for narrowing and Backspace. Each holds at most
/// one 8-byte key per issue: at most 6.4 MB on a 100,000-issue cache.
const KEPT_RESULTS: usize = 8;

/// A search too large for one update, done a slice at a time, newest
/// issues first, so the first hit found is the first hit of the search.
#[derive(Debug, Clone)]
struct Pending {
    scope: Scope,
    /// How many issues of the scope have been checked.
    checked: usize,
}

/// The issues a deferred search has to check.
#[derive(Debug, Clone)]
enum Scope {
    /// Every issue in the list: scanned a key range at a time.
    Everything,
    /// Only these (an earlier query's hits), newest first: checked by key.
    Among(Vec<IssueKey>),
}

/// Where a step of the search takes the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// Nowhere (yet).
    Stay,
    /// To this hit.
    To(IssueKey),
    /// Back to where the search began: the query is empty or finds nothing.
    Start,
}

#[derive(Debug, Clone)]
pub struct SearchState {
    pub query: String,
    /// Hits so far, newest first; all of them unless `is_pending`.
    pub hits: Vec<IssueKey>,
    /// Which hit is shown.
    pub index: usize,
    /// The issue shown when the search began: the first hit is it or the
    /// next one below it (older), wrapping to the newest, as `/` in less.
    origin: Option<IssueKey>,
    /// Whether a hit of the current query was shown yet.
    shown: bool,
    pending: Option<Pending>,
    /// Earlier queries of this search and their complete hits, latest last.
    finished: Vec<(String, Vec<IssueKey>)>,
}

impl SearchState {
    /// A search begun with `origin` shown.
    pub fn new(origin: Option<IssueKey>) -> SearchState {
        SearchState {
            query: String::new(),
            hits: Vec::new(),
            index: 0,
            origin,
            shown: false,
            pending: None,
            finished: Vec::new(),
        }
    }

    /// Whether `hits` are still being gathered.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// How long the event loop may wait for input before it should send
    /// `RunPendingSearch`: the typing pause before a deferred search, no
    /// time once one has begun, None when nothing is pending.
    pub fn wait(&self) -> Option<Duration> {
        let pending = self.pending.as_ref()?;
        Some(if pending.checked == 0 {
            SEARCH_PAUSE
        } else {
            Duration::ZERO
        })
    }

    fn remember(&mut self) {
        if self.finished.iter().any(|(q, _)| *q == self.query) {
            return;
        }
        if self.finished.len() >= KEPT_RESULTS {
            self.finished.remove(0);
        }
        self.finished.push((self.query.clone(), self.hits.clone()));
    }

    /// The fewest issues `query` can match, when an earlier query says so:
    /// the hits of the smallest finished query it contains. A blank query
    /// finds nothing, so it bounds nothing.
    fn narrowest_candidates(&self) -> Option<&Vec<IssueKey>> {
        self.finished
            .iter()
            .filter(|(q, _)| !q.trim().is_empty() && self.query.contains(q.as_str()))
            .map(|(_, hits)| hits)
            .min_by_key(|hits| hits.len())
    }

    /// Searches for the edited query, at once when that is cheap (`budget`
    /// issues scanned), else after a pause; an empty query goes back to
    /// where the search started.
    pub fn edit(
        &mut self,
        edit: impl FnOnce(&mut String),
        library: &dyn Library,
        catalog: &Catalog,
        budget: usize,
    ) -> Result<Jump, LibraryError> {
        edit(&mut self.query);
        self.pending = None;
        self.hits.clear();
        self.index = 0;
        self.shown = false;
        if self.query.is_empty() {
            return Ok(Jump::Start);
        }
        if let Some((_, hits)) = self.finished.iter().find(|(q, _)| *q == self.query) {
            let hits = hits.clone();
            return Ok(self.found(hits));
        }
        let issues = catalog.summaries.len();
        // The cheaper of a full scan and checking the earlier hits by key.
        let candidates = self
            .narrowest_candidates()
            .filter(|c| c.len().saturating_mul(LOOKUP_COST) < issues)
            .cloned();
        let cost = candidates
            .as_ref()
            .map_or(issues, |c| c.len().saturating_mul(LOOKUP_COST));
        if cost > budget {
            self.pending = Some(Pending {
                scope: candidates.map_or(Scope::Everything, Scope::Among),
                checked: 0,
            });
            return Ok(Jump::Stay);
        }
        let hits = match &candidates {
            Some(c) => library.search_within(&self.query, c)?,
            None => library.search_of(catalog.series(), &self.query)?,
        };
        Ok(self.found(hits))
    }

    /// Complete hits for the current query: keep them and go to the first
    /// from where the search began.
    fn found(&mut self, hits: Vec<IssueKey>) -> Jump {
        let index = first_from(&hits, self.origin).unwrap_or(0);
        let first = hits.get(index).copied();
        self.hits = hits;
        self.index = index;
        self.shown = first.is_some();
        self.remember();
        match first {
            Some(k) => Jump::To(k),
            None => Jump::Start,
        }
    }

    /// Searches the next slice of a deferred search (`budget` as for
    /// [`SearchState::edit`]); the first hit is gone to as soon as it is
    /// found. A failed slice ends the deferred search.
    pub fn run_pending(
        &mut self,
        library: &dyn Library,
        catalog: &Catalog,
        budget: usize,
    ) -> Result<Jump, LibraryError> {
        let slice_cost = budget.clamp(1, SLICE_COST);
        let Some(mut pending) = self.pending.take() else {
            return Ok(Jump::Stay);
        };
        let start = pending.checked;
        let (found, end, total) = match &pending.scope {
            Scope::Everything => {
                let total = catalog.summaries.len();
                let end = start.saturating_add(slice_cost).min(total);
                let slice = catalog.summaries.get(start..end).unwrap_or(&[]);
                let found = match (slice.first(), slice.last()) {
                    (Some(newest), Some(oldest)) => {
                        library.search_between(&self.query, newest.key, oldest.key)?
                    }
                    _ => Vec::new(),
                };
                (found, end, total)
            }
            Scope::Among(candidates) => {
                let total = candidates.len();
                let lookups = (slice_cost / LOOKUP_COST).max(1);
                let end = start.saturating_add(lookups).min(total);
                let slice = candidates.get(start..end).unwrap_or(&[]);
                (library.search_within(&self.query, slice)?, end, total)
            }
        };
        pending.checked = end;
        self.hits.extend(found);
        let done = end >= total;
        let none = done && self.hits.is_empty();
        let first = match first_from(&self.hits, self.origin) {
            _ if self.shown => None,
            Some(i) => Some(i),
            // Nothing at or below the origin: wrap to the newest hit.
            None if done && !self.hits.is_empty() => Some(0),
            None => None,
        };
        if let Some(i) = first {
            self.index = i;
            self.shown = true;
        }
        let first = first.and_then(|i| self.hits.get(i).copied());
        if done {
            self.remember();
        } else {
            self.pending = Some(pending);
        }
        Ok(match first {
            Some(k) => Jump::To(k),
            None if none => Jump::Start,
            None => Jump::Stay,
        })
    }

    /// `n` / `N`: the next hit below (or above) the `shown` issue, as in
    /// vim and newsboat, wrapping at the ends; None without hits. Hits are
    /// in list order.
    pub fn step_hit(&mut self, shown: Option<IssueKey>, forward: bool) -> Option<IssueKey> {
        let n = self.hits.len();
        if n == 0 {
            return None;
        }
        self.index = match shown {
            Some(c) if forward => {
                let i = self.hits.partition_point(|h| *h >= c);
                if i >= n {
                    0
                } else {
                    i
                }
            }
            Some(c) => match self.hits.partition_point(|h| *h > c) {
                0 => n - 1,
                j => j - 1,
            },
            None if forward => (self.index + 1) % n,
            None => (self.index + n - 1) % n,
        };
        self.hits.get(self.index).copied()
    }

    /// Why `n` found no hit: still searching, or nothing matches; None
    /// when there is no query to search for.
    pub fn no_hit(&self) -> Option<Screen> {
        if self.is_pending() {
            Some(Screen::StillSearching)
        } else if !self.query.is_empty() {
            Some(Screen::NoMatch(self.query.clone()))
        } else {
            None
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
