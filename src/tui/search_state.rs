//! The search's state, apart from the flow that drives it (search.rs), so
//! the App can hold it without the two files depending on each other: the
//! query, its hits, where the search began and a deferred search's progress.

use std::time::Duration;

use super::target::Target;
use crate::model::IssueKey;

/// What one update may spend on searching, in issues scanned. A full scan
/// of a 10,000-issue cache took 16 ms warm and 25 ms cold (release, bench
/// cache, shared 2-core machine), so half of that fits the 16 ms a key
/// press may take with its redraw; 20,000 would take two or three frames.
/// Dearer searches wait for typing to pause and then go a slice at a time.
pub const SEARCH_BUDGET: usize = 5_000;

/// Checking one issue by key costs about five scanned ones (70 ms against
/// 16 ms for 10,000 issues: a B-tree descent per key instead of a
/// sequential read), so narrowing only pays when the earlier hits are few.
pub(super) const LOOKUP_COST: usize = 5;

/// What one slice of a deferred search may spend, in issues scanned:
/// 2,000 scanned or 400 checked by key. Only large caches defer, and there
/// each issue costs more: at 100,000 issues in the bench, ~3 µs scanned
/// when warm but ~7 µs on the first pass, ~12 µs by key. So this is sized
/// for a cold large cache: about 15 ms, inside one frame.
pub(super) const SLICE_COST: usize = 2_000;

/// How long typing must pause before a deferred search starts: longer than
/// the gap between the keys of a word, short enough to feel immediate.
pub const SEARCH_PAUSE: Duration = Duration::from_millis(120);

/// Finished queries kept for narrowing and Backspace. Each holds at most
/// one 8-byte key per issue: at most 6.4 MB on a 100,000-issue cache.
pub(super) const KEPT_RESULTS: usize = 8;

/// Where the user was before a search started, to restore on Esc.
#[derive(Debug, Clone)]
pub(super) struct Saved {
    pub(super) list_selected: usize,
    pub(super) list_offset: usize,
    pub(super) current: Option<Target>,
    pub(super) scroll: usize,
}

/// A search too large for one update, done a slice at a time, newest
/// issues first, so the first hit found is the first hit of the search.
#[derive(Debug, Clone)]
pub(super) struct Pending {
    pub(super) scope: Scope,
    /// How many issues of the scope have been checked.
    pub(super) checked: usize,
}

/// The issues a deferred search has to check.
#[derive(Debug, Clone)]
pub(super) enum Scope {
    /// Every issue in the list: scanned a key range at a time.
    Everything,
    /// Only these (an earlier query's hits), newest first: checked by key.
    Among(Vec<IssueKey>),
}

#[derive(Debug, Clone)]
pub struct SearchState {
    pub query: String,
    /// Hits so far, newest first; all of them unless `is_pending`.
    pub hits: Vec<IssueKey>,
    /// Which hit is shown.
    pub index: usize,
    pub(super) saved: Option<Saved>,
    /// The issue shown when the search began: the first hit is it or the
    /// next one below it (older), wrapping to the newest, as `/` in less.
    pub(super) origin: Option<IssueKey>,
    /// Whether a hit of the current query was shown yet.
    pub(super) shown: bool,
    pub(super) pending: Option<Pending>,
    /// Earlier queries of this search and their complete hits, latest last.
    pub(super) finished: Vec<(String, Vec<IssueKey>)>,
}

impl SearchState {
    /// Whether `hits` are still being gathered.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    pub(super) fn remember(&mut self) {
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
    pub(super) fn narrowest_candidates(&self) -> Option<&Vec<IssueKey>> {
        self.finished
            .iter()
            .filter(|(q, _)| !q.trim().is_empty() && self.query.contains(q.as_str()))
            .map(|(_, hits)| hits)
            .min_by_key(|hits| hits.len())
    }
}
