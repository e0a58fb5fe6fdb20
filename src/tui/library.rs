//! What the TUI needs from the cache, as a trait so the views can be tested
//! against an in-memory library and run against the SQLite store.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{DateTime, Utc};

use super::fetcher::{CacheFetcher, PageFetcher};

use crate::i18n::{english_display, Lang, Localized, Mine, Msg};
use crate::images::{ImageState, IssueImage};
use crate::model::{IssueDetail, IssueKey, IssueSummary, SeriesId};

/// Any error a library can report, as the message the TUI shows in the
/// status line in the session's language; `Display` is the English text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LibraryError {
    msg: Msg,
    /// Another process holds the cache's lock: worth trying again later.
    busy: bool,
}

impl LibraryError {
    pub fn new(msg: impl Into<Msg>) -> LibraryError {
        LibraryError {
            msg: msg.into(),
            busy: false,
        }
    }

    /// The message itself, not a copy of its words (here as well as through
    /// [`Localized`], so the TUI's call sites need no import).
    pub fn message(&self) -> Msg {
        self.msg.clone()
    }
}

english_display!(LibraryError);

impl Localized for LibraryError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        self.msg.text(lang)
    }

    fn message(&self) -> Msg {
        LibraryError::message(self)
    }

    #[cfg(test)]
    fn samples() -> Vec<LibraryError> {
        vec![LibraryError::new(crate::i18n::Screen::CacheBusy)]
    }
}

impl From<crate::store::StoreError> for LibraryError {
    fn from(e: crate::store::StoreError) -> LibraryError {
        LibraryError {
            busy: matches!(e, crate::store::StoreError::Busy),
            msg: e.message(),
        }
    }
}

pub type LibraryResult<T> = Result<T, LibraryError>;

/// The cache as the TUI sees it. Every method takes `&self`: the store keeps
/// its own interior state, and the TUI never needs two borrows at once.
pub trait Library {
    /// Every known issue of every series, cached or not.
    fn summaries(&self) -> LibraryResult<Vec<IssueSummary>>;
    /// Every known issue of `series`: what the TUI lists. This default
    /// filters [`Library::summaries`]; a library that can read one series
    /// alone should override it.
    fn summaries_of(&self, series: SeriesId) -> LibraryResult<Vec<IssueSummary>> {
        let mut all = self.summaries()?;
        all.retain(|s| s.key.series == series);
        Ok(all)
    }
    /// The newest `limit` issues of `series` and the series' counts, so
    /// a large cache's first screen is drawn before the rest is read; None
    /// when this library reads a series whole anyway (the default).
    fn summaries_head(
        &self,
        _series: SeriesId,
        _limit: usize,
    ) -> LibraryResult<Option<crate::store::SummariesHead>> {
        Ok(None)
    }
    /// Everything known of one issue (the double issue whose numbers
    /// include `key`, when that is what names it).
    fn detail(&self, key: IssueKey) -> LibraryResult<Option<IssueDetail>>;
    /// [`Library::detail`]'s summary alone: what the detail pane says of
    /// the same week of another series. This default loads the detail.
    fn summary(&self, key: IssueKey) -> LibraryResult<Option<IssueSummary>> {
        Ok(self.detail(key)?.map(|d| d.summary))
    }
    /// Resolves a 近期回顾 line that names no issue number by its URL.
    fn key_for_url(&self, url: &str) -> LibraryResult<Option<IssueKey>>;
    /// Issues whose title, body or note contains `query`, newest first. An issue
    /// that matches a query must match every non-blank part of it: the TUI
    /// narrows a longer query from the hits of a shorter one it contains.
    fn search(&self, query: &str) -> LibraryResult<Vec<IssueKey>>;
    /// [`Library::search`] within `series`, the one the TUI shows. This
    /// default filters a full search; override it.
    fn search_of(&self, series: SeriesId, query: &str) -> LibraryResult<Vec<IssueKey>> {
        let mut hits = self.search(query)?;
        hits.retain(|k| k.series == series);
        Ok(hits)
    }
    /// Those of `candidates` that `search(query)` would find, in the order
    /// given. The TUI uses it to narrow earlier hits and to search a large
    /// cache a slice at a time; this default runs a full search, so a
    /// library that can check single issues cheaply should override it.
    fn search_within(&self, query: &str, candidates: &[IssueKey]) -> LibraryResult<Vec<IssueKey>> {
        let hits: HashSet<IssueKey> = self.search(query)?.into_iter().collect();
        Ok(candidates
            .iter()
            .copied()
            .filter(|k| hits.contains(k))
            .collect())
    }
    /// The issues from `oldest` to `newest` (inclusive) that `search(query)`
    /// would find, newest first: the TUI searches a large cache a slice at
    /// a time. This default runs a full search; override it.
    fn search_between(
        &self,
        query: &str,
        newest: IssueKey,
        oldest: IssueKey,
    ) -> LibraryResult<Vec<IssueKey>> {
        let mut hits = self.search(query)?;
        hits.retain(|k| *k <= newest && *k >= oldest);
        Ok(hits)
    }
    fn set_read(&self, key: IssueKey, read: bool) -> LibraryResult<()>;
    /// Flags or unflags an issue. This default keeps none: a library
    /// that can should say so.
    fn set_flag(&self, _key: IssueKey, _flagged: bool) -> LibraryResult<()> {
        Err(LibraryError::new(Mine::NoMarksHere))
    }
    /// Sets an issue's note as typed; None or a blank text clears it.
    fn set_note(&self, _key: IssueKey, _note: Option<&str>) -> LibraryResult<()> {
        Err(LibraryError::new(Mine::NoMarksHere))
    }
    fn last_selected(&self) -> LibraryResult<Option<IssueKey>>;
    fn set_last_selected(&self, key: IssueKey) -> LibraryResult<()>;
    /// Marks every cached issue read and returns how many were unread.
    /// This default marks them one by one; the store and the memory
    /// library do it at once, so a failure leaves no half-marked cache.
    fn mark_all_read(&self) -> LibraryResult<usize> {
        let unread: Vec<IssueKey> = self
            .summaries()?
            .into_iter()
            .filter(|s| s.cached && !s.read)
            .map(|s| s.key)
            .collect();
        for key in &unread {
            self.set_read(*key, true)?;
        }
        Ok(unread.len())
    }
    /// [`Library::mark_all_read`] for the cached issues of `series` only:
    /// `A` marks the series shown. This default marks them one by one.
    fn mark_all_read_of(&self, series: SeriesId) -> LibraryResult<usize> {
        let unread: Vec<IssueKey> = self
            .summaries_of(series)?
            .into_iter()
            .filter(|s| s.cached && !s.read)
            .map(|s| s.key)
            .collect();
        for key in &unread {
            self.set_read(*key, true)?;
        }
        Ok(unread.len())
    }
    /// What arrived since the last session ended; None when no session
    /// has ended yet (the first start) or the library cannot tell.
    fn since_last_session(&self) -> LibraryResult<Option<LastVisit>> {
        Ok(None)
    }
    /// Records that this session ends now, for the next start's count.
    fn end_session(&self) -> LibraryResult<()> {
        Ok(())
    }
    /// The library cannot be written (a read-only cache): the TUI keeps
    /// read marks for the session only instead of failing on each one.
    fn read_only(&self) -> bool {
        false
    }
    /// Changes when someone else (an import in another process) has written
    /// to the library; constant for a library nobody else writes.
    fn generation(&self) -> LibraryResult<i64> {
        Ok(0)
    }
    /// How long a read or write waits for another process's lock before it
    /// fails as busy: the TUI keeps this short so an import holding the
    /// lock never freezes it, and tries again later.
    fn set_lock_wait(&self, _wait: std::time::Duration) -> LibraryResult<()> {
        Ok(())
    }
    /// What `F` fetches with, writing where this library reads (so the
    /// generation changes when a page arrives); None when the library
    /// never touches the network or the disk, as the demo. `options` are
    /// the config's `[fetch]` settings, as `zhoubao fetch` uses them.
    fn fetcher(&self, _options: &crate::fetch::FetchOptions) -> Option<Arc<dyn PageFetcher>> {
        None
    }
    /// How many stored copies of `key` are its own but held no article
    /// text (an empty page, a title-only repost): the detail pane of an
    /// issue not held in full then says its imported copy was empty rather
    /// than only that it is not cached.
    fn empty_copies(&self, _key: IssueKey) -> LibraryResult<usize> {
        Ok(0)
    }
    /// The pictures of `key`'s shown copy, in order, with what the cache
    /// holds of each and, as `captions` asks, the heading and caption near
    /// each. This default knows only the detail's addresses, none of them
    /// downloaded: a library without a picture store.
    fn images(&self, key: IssueKey, _captions: Captions) -> LibraryResult<Vec<IssueImage>> {
        let urls = self.detail(key)?.map(|d| d.images).unwrap_or_default();
        Ok(not_downloaded(&urls))
    }
    /// The detail pane's list of `key`'s pictures, whose addresses `urls`
    /// the caller has just read with its detail: read on every move, so
    /// this default (a library without a picture store) reads nothing
    /// again; a cache says what it holds of each, with the words near
    /// each only where they are cheap to read.
    fn detail_images(&self, _key: IssueKey, urls: &[String]) -> LibraryResult<Vec<IssueImage>> {
        Ok(not_downloaded(urls))
    }
    /// A cached picture's bytes; None when the cache does not have them.
    fn image_bytes(&self, _image: &IssueImage) -> LibraryResult<Option<Vec<u8>>> {
        Ok(None)
    }
    /// The cache file `R`'s update stores into through a connection of
    /// its own (so the generation changes as issues arrive); None when the
    /// library is no file, as the demo.
    fn cache_path(&self) -> Option<std::path::PathBuf> {
        None
    }
}

/// How much of the words near an issue's pictures [`Library::images`] reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Captions {
    /// Always: for the image view, read once when it opens.
    Read,
    /// Only when the file they are read from is at most
    /// [`CHEAP_CAPTIONS_BYTES`]: for the detail pane, loaded on every move.
    IfCheap,
}

/// The largest stored file whose words near the pictures are read again
/// on a key press: a Markdown bulletin (5 KB) parses in tens of
/// microseconds, a WeChat page (150 KB and up) in several milliseconds.
pub const CHEAP_CAPTIONS_BYTES: u64 = 32 * 1024;

/// Whether `error` is another process holding the cache's lock: worth
/// trying again in a moment, not a fault.
pub fn is_busy(error: &LibraryError) -> bool {
    error.busy
}

/// What the library received since the last session ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LastVisit {
    /// Issues whose full copy arrived since, newest first.
    pub new_issues: Vec<IssueKey>,
    /// When the last session ended, when known.
    pub ended: Option<DateTime<Utc>>,
}

/// Pictures known only by their addresses, none downloaded.
fn not_downloaded(urls: &[String]) -> Vec<IssueImage> {
    urls.iter()
        .enumerate()
        .map(|(i, url)| {
            let identity = crate::images::image_identity(url);
            let state = match identity {
                Some(_) => ImageState::Missing,
                None => ImageState::BadAddress,
            };
            IssueImage {
                index: i + 1,
                url: url.clone(),
                identity,
                heading: None,
                caption: None,
                state,
            }
        })
        .collect()
}

/// A library held in memory: for tests, benchmarks and demos that do not
/// want a database file.
#[derive(Debug, Default)]
pub struct MemoryLibrary {
    details: HashMap<IssueKey, IssueDetail>,
    urls: HashMap<String, IssueKey>,
    read: RefCell<HashMap<IssueKey, bool>>,
    flags: RefCell<HashMap<IssueKey, bool>>,
    notes: RefCell<HashMap<IssueKey, Option<String>>>,
    last_selected: RefCell<Option<IssueKey>>,
    /// When each issue's first full copy was inserted, in insertions.
    arrived: HashMap<IssueKey, u64>,
    insertions: u64,
    /// Insertions seen and the time when the last session ended.
    session: RefCell<Option<(u64, DateTime<Utc>)>>,
}

impl MemoryLibrary {
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces an issue; its own URL and its aliases' URLs resolve to it.
    pub fn insert(&mut self, detail: IssueDetail) {
        let key = detail.summary.key;
        for url in detail
            .url
            .iter()
            .chain(detail.aliases.iter().filter_map(|a| a.url.as_ref()))
        {
            self.urls.insert(url.clone(), key);
        }
        self.insertions += 1;
        let held_in_full = self.details.get(&key).is_some_and(|d| d.summary.cached);
        if detail.summary.cached && !held_in_full {
            self.arrived.insert(key, self.insertions);
        }
        self.details.insert(key, detail);
    }

    /// Marks read every cached issue whose key `admits`; how many were not.
    fn mark_where(&self, admits: impl Fn(IssueKey) -> bool) -> LibraryResult<usize> {
        let mut read = self.read.borrow_mut();
        let mut marked = 0;
        for d in self
            .details
            .values()
            .filter(|d| d.summary.cached && admits(d.summary.key))
        {
            let was = read.insert(d.summary.key, true).unwrap_or(d.summary.read);
            marked += usize::from(!was);
        }
        Ok(marked)
    }

    fn is_read(&self, key: IssueKey, stored: bool) -> bool {
        self.read.borrow().get(&key).copied().unwrap_or(stored)
    }

    /// The summary with the reader's marks set since it was inserted.
    fn marked(&self, mut s: IssueSummary) -> IssueSummary {
        s.read = self.is_read(s.key, s.read);
        if let Some(&flagged) = self.flags.borrow().get(&s.key) {
            s.flagged = flagged;
        }
        if let Some(note) = self.notes.borrow().get(&s.key) {
            s.note = note.clone();
        }
        s
    }

    /// Whether `d` holds `query` in its title, body or (current) note.
    fn mentions(&self, d: &IssueDetail, query: &str) -> bool {
        mentions(d, query)
            || self
                .marked(d.summary.clone())
                .note
                .is_some_and(|n| n.contains(query))
    }

    /// The issue `key` names, as the store resolves it: itself, else the
    /// double issue of its year whose numbers include it.
    fn resolve(&self, key: IssueKey) -> Option<&IssueDetail> {
        self.details.get(&key).or_else(|| {
            self.details.values().find(|d| {
                let s = &d.summary;
                s.key.series == key.series
                    && s.key.year == key.year
                    && s.key.number < key.number
                    && s.last_number.is_some_and(|last| last >= key.number)
            })
        })
    }
}

impl Library for MemoryLibrary {
    fn summaries(&self) -> LibraryResult<Vec<IssueSummary>> {
        let mut all: Vec<IssueSummary> = self
            .details
            .values()
            .map(|d| self.marked(d.summary.clone()))
            .collect();
        all.sort_by_key(|s| std::cmp::Reverse(s.key));
        Ok(all)
    }

    fn detail(&self, key: IssueKey) -> LibraryResult<Option<IssueDetail>> {
        Ok(self.resolve(key).map(|d| {
            let mut d = d.clone();
            d.summary = self.marked(d.summary);
            for r in &mut d.recent {
                r.cached = r
                    .key
                    .and_then(|k| self.details.get(&k))
                    .is_some_and(|t| t.summary.cached);
            }
            d
        }))
    }

    fn key_for_url(&self, url: &str) -> LibraryResult<Option<IssueKey>> {
        Ok(self.urls.get(url).copied())
    }

    fn search(&self, query: &str) -> LibraryResult<Vec<IssueKey>> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits: Vec<IssueKey> = self
            .details
            .values()
            .filter(|d| self.mentions(d, query))
            .map(|d| d.summary.key)
            .collect();
        hits.sort_by(|a, b| b.cmp(a));
        Ok(hits)
    }

    fn summary(&self, key: IssueKey) -> LibraryResult<Option<IssueSummary>> {
        Ok(self.resolve(key).map(|d| {
            let mut s = d.summary.clone();
            s.read = self.is_read(s.key, s.read);
            s
        }))
    }

    fn search_between(
        &self,
        query: &str,
        newest: IssueKey,
        oldest: IssueKey,
    ) -> LibraryResult<Vec<IssueKey>> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits: Vec<IssueKey> = self
            .details
            .values()
            .filter(|d| {
                d.summary.key <= newest && d.summary.key >= oldest && self.mentions(d, query)
            })
            .map(|d| d.summary.key)
            .collect();
        hits.sort_by(|a, b| b.cmp(a));
        Ok(hits)
    }

    fn search_within(&self, query: &str, candidates: &[IssueKey]) -> LibraryResult<Vec<IssueKey>> {
        if query.is_empty() {
            return Ok(Vec::new());
        }
        Ok(candidates
            .iter()
            .copied()
            .filter(|k| self.details.get(k).is_some_and(|d| self.mentions(d, query)))
            .collect())
    }

    fn set_read(&self, key: IssueKey, read: bool) -> LibraryResult<()> {
        self.read.borrow_mut().insert(key, read);
        Ok(())
    }

    fn set_flag(&self, key: IssueKey, flagged: bool) -> LibraryResult<()> {
        self.flags.borrow_mut().insert(key, flagged);
        Ok(())
    }

    fn set_note(&self, key: IssueKey, note: Option<&str>) -> LibraryResult<()> {
        let note = note.filter(|n| !n.trim().is_empty()).map(str::to_string);
        self.notes.borrow_mut().insert(key, note);
        Ok(())
    }

    fn last_selected(&self) -> LibraryResult<Option<IssueKey>> {
        Ok(*self.last_selected.borrow())
    }

    fn set_last_selected(&self, key: IssueKey) -> LibraryResult<()> {
        *self.last_selected.borrow_mut() = Some(key);
        Ok(())
    }

    fn mark_all_read(&self) -> LibraryResult<usize> {
        self.mark_where(|_| true)
    }

    fn mark_all_read_of(&self, series: SeriesId) -> LibraryResult<usize> {
        self.mark_where(|k| k.series == series)
    }

    fn since_last_session(&self) -> LibraryResult<Option<LastVisit>> {
        let Some((seen, ended)) = *self.session.borrow() else {
            return Ok(None);
        };
        let mut new_issues: Vec<IssueKey> = self
            .arrived
            .iter()
            .filter(|(_, &at)| at > seen)
            .map(|(k, _)| *k)
            .collect();
        new_issues.sort_by(|a, b| b.cmp(a));
        Ok(Some(LastVisit {
            new_issues,
            ended: Some(ended),
        }))
    }

    fn end_session(&self) -> LibraryResult<()> {
        *self.session.borrow_mut() = Some((self.insertions, Utc::now()));
        Ok(())
    }
}

fn mentions(detail: &IssueDetail, query: &str) -> bool {
    detail
        .summary
        .title
        .as_deref()
        .is_some_and(|t| t.contains(query))
        || detail.body.iter().any(|p| p.contains(query))
}

impl Library for crate::store::Store {
    fn summaries(&self) -> LibraryResult<Vec<IssueSummary>> {
        Ok(crate::store::Store::summaries(self)?)
    }

    fn summaries_of(&self, series: SeriesId) -> LibraryResult<Vec<IssueSummary>> {
        Ok(crate::store::Store::summaries_of(self, series)?)
    }

    fn summaries_head(
        &self,
        series: SeriesId,
        limit: usize,
    ) -> LibraryResult<Option<crate::store::SummariesHead>> {
        Ok(Some(crate::store::Store::summaries_head(
            self, series, limit,
        )?))
    }

    fn detail(&self, key: IssueKey) -> LibraryResult<Option<IssueDetail>> {
        Ok(crate::store::Store::detail(self, key)?)
    }

    fn summary(&self, key: IssueKey) -> LibraryResult<Option<IssueSummary>> {
        Ok(crate::store::Store::summary(self, key)?)
    }

    fn key_for_url(&self, url: &str) -> LibraryResult<Option<IssueKey>> {
        Ok(crate::store::Store::key_for_url(self, url)?)
    }

    fn search(&self, query: &str) -> LibraryResult<Vec<IssueKey>> {
        Ok(crate::store::Store::search(self, query)?)
    }

    fn search_of(&self, series: SeriesId, query: &str) -> LibraryResult<Vec<IssueKey>> {
        Ok(crate::store::Store::search_of(self, series, query)?)
    }

    fn search_within(&self, query: &str, candidates: &[IssueKey]) -> LibraryResult<Vec<IssueKey>> {
        Ok(crate::store::Store::search_within(self, query, candidates)?)
    }

    fn search_between(
        &self,
        query: &str,
        newest: IssueKey,
        oldest: IssueKey,
    ) -> LibraryResult<Vec<IssueKey>> {
        Ok(crate::store::Store::search_between(
            self, query, newest, oldest,
        )?)
    }

    fn set_read(&self, key: IssueKey, read: bool) -> LibraryResult<()> {
        Ok(crate::store::Store::set_read(self, key, read)?)
    }

    fn set_flag(&self, key: IssueKey, flagged: bool) -> LibraryResult<()> {
        Ok(crate::store::Store::set_flag(self, key, flagged)?)
    }

    fn set_note(&self, key: IssueKey, note: Option<&str>) -> LibraryResult<()> {
        Ok(crate::store::Store::set_note(self, key, note)?)
    }

    fn last_selected(&self) -> LibraryResult<Option<IssueKey>> {
        Ok(crate::store::Store::last_selected(self)?)
    }

    fn set_last_selected(&self, key: IssueKey) -> LibraryResult<()> {
        Ok(crate::store::Store::set_last_selected(self, key)?)
    }

    fn generation(&self) -> LibraryResult<i64> {
        Ok(self.data_version()?)
    }

    fn set_lock_wait(&self, wait: std::time::Duration) -> LibraryResult<()> {
        Ok(self.set_busy_timeout(wait)?)
    }

    fn fetcher(&self, options: &crate::fetch::FetchOptions) -> Option<Arc<dyn PageFetcher>> {
        // A read-only cache gets one too: it refuses the write before any
        // request is made, and says why.
        let path = self.path()?.to_path_buf();
        Some(Arc::new(CacheFetcher::new(path, options.clone())))
    }

    fn cache_path(&self) -> Option<std::path::PathBuf> {
        self.path().map(std::path::Path::to_path_buf)
    }

    fn empty_copies(&self, key: IssueKey) -> LibraryResult<usize> {
        Ok(crate::store::Store::empty_copies(self, key)?)
    }

    fn detail_images(&self, key: IssueKey, _urls: &[String]) -> LibraryResult<Vec<IssueImage>> {
        Library::images(self, key, Captions::IfCheap)
    }

    fn images(&self, key: IssueKey, captions: Captions) -> LibraryResult<Vec<IssueImage>> {
        let mut images = crate::images::issue_images(self, key)?;
        match captions {
            Captions::Read => crate::images::with_words(self, key, &mut images)?,
            Captions::IfCheap => {
                crate::images::with_words_within(self, key, &mut images, CHEAP_CAPTIONS_BYTES)?;
            }
        }
        Ok(images)
    }

    fn image_bytes(&self, image: &IssueImage) -> LibraryResult<Option<Vec<u8>>> {
        Ok(crate::images::cached_bytes(self, image)?)
    }

    fn read_only(&self) -> bool {
        self.is_read_only()
    }

    fn mark_all_read(&self) -> LibraryResult<usize> {
        Ok(crate::store::Store::mark_all_read(self)?)
    }

    fn mark_all_read_of(&self, series: SeriesId) -> LibraryResult<usize> {
        Ok(crate::store::Store::mark_all_read_of(self, series)?)
    }

    fn since_last_session(&self) -> LibraryResult<Option<LastVisit>> {
        let Some((seen, ended)) = self.last_session()? else {
            return Ok(None);
        };
        // Every series': the greeting names each key with its series.
        let new_issues = self.first_full_copies_after(seen)?;
        Ok(Some(LastVisit { new_issues, ended }))
    }

    fn end_session(&self) -> LibraryResult<()> {
        Ok(crate::store::Store::end_session(self, Utc::now())?)
    }
}

#[cfg(test)]
mod tests;
