//! Every issue of one series the cache knows, newest first, whatever the
//! list filter shows: what the list filters, the charts and comparisons
//! are computed from, and what `[`/`]`, `u` and the search walk. Loaded
//! whole when the reader first switches to the series and again when
//! another process changes the cache; at start, a large series' newest
//! issues first ([`Catalog::load_start`]), the rest once the first screen
//! is drawn ([`Catalog::is_complete`]).

use std::collections::HashMap;

use crate::model::{IssueKey, IssueSummary, SeriesId};
use crate::trend::WeekSeries;
use crate::tui::library::{Library, LibraryError};

pub struct Catalog {
    /// The series whose issues these are.
    series: SeriesId,
    /// Every known issue of the series, newest first.
    pub summaries: Vec<IssueSummary>,
    index: HashMap<IssueKey, usize>,
    /// Every known issue on the calendar of weeks: what comparisons and
    /// charts are computed from (never the filtered list).
    pub weeks: WeekSeries,
    /// Cached issues not read, over every issue (not only the shown rows).
    pub unread: usize,
    /// How many issues the series has: more than `summaries` holds until
    /// a start's head is completed.
    total: usize,
}

/// How many of a series' newest issues the first screen reads before the
/// rest: the list's first page, and the year and more that the charts and
/// comparisons of the newest issues reach back to, at any terminal width.
pub const START_HEAD: usize = 600;

impl Catalog {
    /// The library's summaries of `series` in list order (newest first,
    /// one per key) and their week series.
    pub fn load(library: &dyn Library, series: SeriesId) -> Result<Catalog, LibraryError> {
        let mut summaries = library.summaries_of(series)?;
        summaries.retain(|s| s.key.series == series);
        summaries.sort_by_key(|s| std::cmp::Reverse(s.key));
        summaries.dedup_by_key(|s| s.key);
        let index = summaries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key, i))
            .collect();
        let weeks = WeekSeries::build(&summaries);
        let mut catalog = Catalog {
            series,
            total: summaries.len(),
            summaries,
            index,
            weeks,
            unread: 0,
        };
        catalog.recount();
        Ok(catalog)
    }

    /// [`Catalog::load`] for the first screen: a series larger than
    /// [`START_HEAD`] gives only its newest issues and its counts, when the
    /// library can read them apart; the App completes it after the first
    /// frame.
    pub fn load_start(library: &dyn Library, series: SeriesId) -> Result<Catalog, LibraryError> {
        let Some(head) = library.summaries_head(series, START_HEAD)? else {
            return Catalog::load(library, series);
        };
        if head.total <= head.summaries.len() {
            return Catalog::load(library, series);
        }
        let summaries = head.summaries;
        let index = summaries
            .iter()
            .enumerate()
            .map(|(i, s)| (s.key, i))
            .collect();
        let weeks = WeekSeries::build(&summaries);
        Ok(Catalog {
            series,
            summaries,
            index,
            weeks,
            unread: head.unread,
            total: head.total,
        })
    }

    /// Whether a start's head is enough for the first screen: it has text
    /// to open among its first half, and `wanted` (the issue to open), if
    /// any, there too, with the weeks its comparisons reach behind it.
    pub fn serves_start(&self, wanted: Option<IssueKey>) -> bool {
        let near = |key: IssueKey| self.index.get(&key).is_some_and(|&i| i < START_HEAD / 2);
        let text = self.opening().is_some_and(|k| self.holds(k) && near(k));
        text && wanted.is_none_or(|k| self.resolve(k).is_some_and(near))
    }

    /// Whether every issue of the series is here (not only a start's head).
    pub fn is_complete(&self) -> bool {
        self.summaries.len() >= self.total
    }

    /// How many issues the series has, read or not yet.
    pub fn total(&self) -> usize {
        self.total.max(self.summaries.len())
    }

    /// The series whose issues these are.
    pub fn series(&self) -> SeriesId {
        self.series
    }

    /// The start's catalog ([`Catalog::load_start`]) of `series`, else of
    /// the first series (in declaration order) that has issues, else of
    /// the first series: where a session starts when no issue names its
    /// series.
    pub fn load_first(
        library: &dyn Library,
        series: Option<SeriesId>,
    ) -> Result<Catalog, LibraryError> {
        if let Some(series) = series {
            return Catalog::load_start(library, series);
        }
        let mut first = None;
        for series in SeriesId::all() {
            let catalog = Catalog::load_start(library, series)?;
            if !catalog.summaries.is_empty() {
                return Ok(catalog);
            }
            first.get_or_insert(catalog);
        }
        first.map_or_else(|| Catalog::load(library, SeriesId::CNCERT), Ok)
    }

    pub fn get(&self, key: IssueKey) -> Option<&IssueSummary> {
        self.summaries.get(*self.index.get(&key)?)
    }

    pub fn contains(&self, key: IssueKey) -> bool {
        self.index.contains_key(&key)
    }

    /// The issue `key` names: itself, or the double issue whose numbers
    /// include it (第41期 of 第40、41期); None when the catalog has neither.
    pub fn resolve(&self, key: IssueKey) -> Option<IssueKey> {
        if self.contains(key) {
            return Some(key);
        }
        // Newest first: the first issue older than `key` is the one whose
        // span could hold it.
        let older = self.summaries.partition_point(|s| s.key > key);
        let s = self.summaries.get(older)?;
        let covers = s.key.series == key.series
            && s.key.year == key.year
            && s.last_number.is_some_and(|last| last >= key.number);
        covers.then_some(s.key)
    }

    /// Where the series opens when nothing else says: its newest cached
    /// issue (the newest issues are often known only by reference), else
    /// its newest.
    pub fn opening(&self) -> Option<IssueKey> {
        let cached = self.summaries.iter().find(|s| s.cached);
        cached.or(self.summaries.first()).map(|s| s.key)
    }

    /// Whether the cache holds `key` in full.
    pub fn holds(&self, key: IssueKey) -> bool {
        self.get(key).is_some_and(|s| s.cached)
    }

    /// Shows `key` read or unread, whether or not the cache has the mark yet.
    pub fn set_read(&mut self, key: IssueKey, read: bool) {
        // Counted by the change, not recounted: a start's head holds the
        // count of issues it has not read yet.
        if let Some(s) = self.get_mut(key) {
            let unread_before = s.cached && !s.read;
            s.read = read;
            let unread_now = s.cached && !s.read;
            match (unread_before, unread_now) {
                (true, false) => self.unread = self.unread.saturating_sub(1),
                (false, true) => self.unread += 1,
                _ => {}
            }
        }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figures, IssueDetail};
    use crate::tui::library::MemoryLibrary;

    fn issue(key: IssueKey, last_number: Option<u32>) -> IssueDetail {
        IssueDetail {
            summary: IssueSummary {
                last_number,
                ..IssueSummary::with_figures(key, Figures::new())
            },
            source: None,
            url: None,
            body: Vec::new(),
            images: Vec::new(),
            recent: Vec::new(),
            aliases: Vec::new(),
            truncated: false,
            conflicts: Vec::new(),
        }
    }

    fn cnvd(number: u32) -> IssueKey {
        IssueKey::of(SeriesId::CNVD, 2024, number)
    }

    fn library(with_cncert: bool) -> MemoryLibrary {
        let mut lib = MemoryLibrary::new();
        if with_cncert {
            lib.insert(issue(IssueKey::new(2024, 41), None));
        }
        lib.insert(issue(cnvd(39), None));
        lib.insert(issue(cnvd(40), Some(41)));
        lib.insert(issue(cnvd(42), None));
        lib
    }

    #[test]
    fn a_catalog_holds_one_series_and_both_numbers_of_a_double_issue_reach_it() {
        let lib = library(true);
        let c = Catalog::load(&lib, SeriesId::CNVD).unwrap();
        assert_eq!(c.series(), SeriesId::CNVD);
        let keys: Vec<IssueKey> = c.summaries.iter().map(|s| s.key).collect();
        assert_eq!(keys, [cnvd(42), cnvd(40), cnvd(39)]);
        assert_eq!(c.resolve(cnvd(41)), Some(cnvd(40)));
        assert_eq!(c.resolve(cnvd(40)), Some(cnvd(40)));
        assert_eq!(c.resolve(cnvd(43)), None);
        assert_eq!(c.resolve(IssueKey::new(2024, 40)), None, "another series");
        assert_eq!(
            lib.summary(cnvd(41)).unwrap().map(|s| s.key),
            Some(cnvd(40)),
            "the library resolves it too"
        );
        let cncert = Catalog::load(&lib, SeriesId::CNCERT).unwrap();
        assert_eq!(cncert.summaries.len(), 1);
    }

    #[test]
    fn without_a_series_to_start_in_the_first_with_issues_is_taken() {
        let lib = library(false);
        let c = Catalog::load_first(&lib, None).unwrap();
        assert_eq!(c.series(), SeriesId::CNVD);
        let named = Catalog::load_first(&lib, Some(SeriesId::CNCERT)).unwrap();
        assert!(
            named.summaries.is_empty(),
            "a named series is kept, empty or not"
        );
        let empty = Catalog::load_first(&MemoryLibrary::new(), None).unwrap();
        assert_eq!(empty.series(), SeriesId::CNCERT);
    }

    #[test]
    fn marking_a_series_read_leaves_the_others_unread() {
        let lib = library(true);
        assert_eq!(lib.mark_all_read_of(SeriesId::CNVD).unwrap(), 3);
        let cncert = Catalog::load(&lib, SeriesId::CNCERT).unwrap();
        assert_eq!(cncert.unread, 1);
        assert_eq!(Catalog::load(&lib, SeriesId::CNVD).unwrap().unread, 0);
    }
}
