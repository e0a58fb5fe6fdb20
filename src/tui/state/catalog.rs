//! Every issue the cache knows, newest first, whatever the list filter
//! shows: what the list filters, the charts and comparisons are computed
//! from, and what `[`/`]`, `u` and the search walk. Loaded whole at start
//! and again when another process changes the cache.

use std::collections::HashMap;

use crate::model::{IssueKey, IssueSummary};
use crate::trend::WeekSeries;
use crate::tui::library::{Library, LibraryError};

pub struct Catalog {
    /// Every known issue, newest first.
    pub summaries: Vec<IssueSummary>,
    index: HashMap<IssueKey, usize>,
    /// Every known issue on the calendar of weeks: what comparisons and
    /// charts are computed from (never the filtered list).
    pub weeks: WeekSeries,
    /// Cached issues not read, over every issue (not only the shown rows).
    pub unread: usize,
}

impl Catalog {
    /// The library's summaries in list order (newest first, one per key)
    /// and their week series.
    pub fn load(library: &dyn Library) -> Result<Catalog, LibraryError> {
        let mut summaries = library.summaries()?;
        summaries.sort_by_key(|s| std::cmp::Reverse(s.key));
        summaries.dedup_by_key(|s| s.key);
        let index = summaries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key, i))
            .collect();
        let weeks = WeekSeries::build(&summaries);
        let mut catalog = Catalog {
            summaries,
            index,
            weeks,
            unread: 0,
        };
        catalog.recount();
        Ok(catalog)
    }

    pub fn get(&self, key: IssueKey) -> Option<&IssueSummary> {
        self.summaries.get(*self.index.get(&key)?)
    }

    pub fn contains(&self, key: IssueKey) -> bool {
        self.index.contains_key(&key)
    }

    /// Whether the cache holds `key` in full.
    pub fn holds(&self, key: IssueKey) -> bool {
        self.get(key).is_some_and(|s| s.cached)
    }

    /// Shows `key` read or unread, whether or not the cache has the mark yet.
    pub fn set_read(&mut self, key: IssueKey, read: bool) {
        if let Some(s) = self
            .index
            .get(&key)
            .and_then(|&i| self.summaries.get_mut(i))
        {
            s.read = read;
        }
        self.recount();
    }

    /// Shows `key` flagged or not.
    pub fn set_flag(&mut self, key: IssueKey, flagged: bool) {
        if let Some(s) = self.get_mut(key) {
            s.flagged = flagged;
        }
    }

    /// Shows `key`'s note (None: no note).
    pub fn set_note(&mut self, key: IssueKey, note: Option<String>) {
        if let Some(s) = self.get_mut(key) {
            s.note = note;
        }
    }

    fn get_mut(&mut self, key: IssueKey) -> Option<&mut IssueSummary> {
        let i = *self.index.get(&key)?;
        self.summaries.get_mut(i)
    }

    /// Shows every cached issue read.
    pub fn mark_all_read(&mut self) {
        for s in self.summaries.iter_mut().filter(|s| s.cached) {
            s.read = true;
        }
        self.recount();
    }

    fn recount(&mut self) {
        self.unread = self
            .summaries
            .iter()
            .filter(|s| s.cached && !s.read)
            .count();
    }

    /// The issue after (`newer`) or before `key` in key order, even when
    /// the catalog does not know `key`.
    pub fn step(&self, key: IssueKey, newer: bool) -> Option<IssueKey> {
        let next = if newer {
            let i = self.summaries.partition_point(|s| s.key > key);
            i.checked_sub(1).and_then(|i| self.summaries.get(i))
        } else {
            let i = self.summaries.partition_point(|s| s.key >= key);
            self.summaries.get(i)
        };
        next.map(|s| s.key)
    }

    /// `u`: the next older unread cached issue from `from` (itself first:
    /// unread on screen is the first to read), wrapping to the newest as
    /// newsboat's `n` does; and whether it wrapped.
    pub fn next_unread(&self, from: Option<IssueKey>) -> Option<(IssueKey, bool)> {
        let unread = |s: &&IssueSummary| s.cached && !s.read;
        let older = from.map_or(0, |k| self.summaries.partition_point(|s| s.key > k));
        let after = self
            .summaries
            .get(older..)
            .unwrap_or(&[])
            .iter()
            .find(unread);
        match after {
            Some(s) => Some((s.key, false)),
            None => self.summaries.iter().find(unread).map(|s| (s.key, true)),
        }
    }
}
