//! The import's one writer: files arrive read and parsed, in order, and
//! are stored a batch per transaction; each is reported only once its
//! batch is committed, so every file reported as stored survives a crash.
//! A file that fails undoes its batch, whose files are then stored again
//! one per transaction: only the failing one fails, and the cache is as
//! it was without it. (A savepoint per file did the same at every file's
//! cost, for a case that comes only with a full disk or a broken cache.)

use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::ProgressBar;

use super::{short_name, stop_reason, FileResult, ImportSummary, Stopped};
use crate::i18n::Localized;
use crate::parse::ParseError;
use crate::store::{ImportOutcome, SourceFile, Store, StoreError};

/// Files in one transaction at most: a commit writes each page the batch
/// changed once, so files that share index pages share the writing.
const BATCH_FILES: usize = 256;

/// Why the run stops, boxed: it is rare and large, and every stored file
/// passes through these results.
pub(super) type Halt = Box<Stopped>;
/// Raw bytes kept for a batch at most (a lost batch is stored again).
const BATCH_BYTES: usize = 8 << 20;
/// A batch is committed at least this often, so an open TUI sees a slow
/// import arrive and the report is never far behind the work.
const BATCH_TIME: Duration = Duration::from_millis(200);

/// A file read and parsed, or its result when it never reaches the cache.
pub(super) type Prepared = Result<SourceFile, FileResult>;

/// A file of the open batch, waiting for the commit to be reported.
struct Pending {
    path: PathBuf,
    result: FileResult,
    /// What to store again should the batch be undone.
    file: Option<SourceFile>,
}

pub(super) struct Writer<'a, F> {
    store: &'a mut Store,
    /// The cache's name, for the reason a run stops.
    cache: String,
    bar: ProgressBar,
    on_file: F,
    summary: &'a mut ImportSummary,
    total: usize,
    reported: usize,
    pending: Vec<Pending>,
    bytes: usize,
    /// When the oldest pending file arrived.
    oldest: Option<Instant>,
}

impl<'a, F: FnMut(&std::path::Path, &FileResult)> Writer<'a, F> {
    pub(super) fn new(
        store: &'a mut Store,
        cache: String,
        bar: ProgressBar,
        on_file: F,
        summary: &'a mut ImportSummary,
        total: usize,
    ) -> Self {
        Writer {
            store,
            cache,
            bar,
            on_file,
            summary,
            total,
            reported: 0,
            pending: Vec::new(),
            bytes: 0,
            oldest: None,
        }
    }

    /// When the pending files must be committed and reported.
    pub(super) fn deadline(&self) -> Option<Instant> {
        self.oldest.map(|t| t + BATCH_TIME)
    }

    /// Takes the next file in order. `Err` ends the run. Nothing is
    /// written yet: the batch is written at [`Writer::flush`], so the
    /// cache's lock is held only while writing, never while the parsers
    /// work, and a TUI or a fetch gets in between batches.
    pub(super) fn take(&mut self, path: PathBuf, prepared: Prepared) -> Result<(), Halt> {
        self.oldest.get_or_insert_with(Instant::now);
        let pending = match prepared {
            Err(result) => Pending {
                path,
                result,
                file: None,
            },
            Ok(file) => {
                self.bytes += file.len();
                Pending {
                    path,
                    // Set when the batch is written.
                    result: FileResult::Stored(ImportOutcome::Unchanged),
                    file: Some(file),
                }
            }
        };
        self.pending.push(pending);
        let due = self.pending.len() >= BATCH_FILES
            || self.bytes >= BATCH_BYTES
            || self.deadline().is_some_and(|d| Instant::now() >= d);
        if due {
            self.flush()?;
        }
        Ok(())
    }

    /// Writes the pending files in one transaction, commits it and
    /// reports them.
    pub(super) fn flush(&mut self) -> Result<(), Halt> {
        if self.pending.iter().any(|p| p.file.is_some()) {
            if let Err(e) = self.write_batch() {
                // The batch is undone: its files are stored again one by
                // one, so that only a file that fails alone fails.
                self.stop_on(&e)?;
                return self.store_again();
            }
        }
        for p in std::mem::take(&mut self.pending) {
            let result = self.said_nothing(p.result, p.file.as_ref());
            self.report(p.path, result);
        }
        self.bytes = 0;
        self.oldest = None;
        Ok(())
    }

    /// The pending files in one transaction; on an error none of them is
    /// in the cache.
    fn write_batch(&mut self) -> Result<(), StoreError> {
        self.store.begin_batch()?;
        for p in &mut self.pending {
            if let Some(file) = &p.file {
                // On an error the store has undone the batch already.
                p.result = FileResult::Stored(self.store.import_in_batch(file)?);
            }
        }
        self.store.commit_batch().inspect_err(|_| {
            let _ = self.store.rollback_batch();
        })
    }

    /// After the batch was lost: each of its files in its own transaction.
    fn store_again(&mut self) -> Result<(), Halt> {
        let pending = std::mem::take(&mut self.pending);
        self.bytes = 0;
        self.oldest = None;
        let mut rest = pending.into_iter();
        while let Some(p) = rest.next() {
            let result = match &p.file {
                Some(file) => match self.store_alone(file) {
                    Ok(result) => result,
                    Err(stopped) => {
                        // What never needed the cache is still true.
                        for q in rest.filter(|q| q.file.is_none()) {
                            self.report(q.path, q.result);
                        }
                        return Err(Box::new(self.stopped(*stopped)));
                    }
                },
                None => p.result,
            };
            self.report(p.path, result);
        }
        Ok(())
    }

    fn store_alone(&mut self, file: &SourceFile) -> Result<FileResult, Halt> {
        match self.store.import_source(file) {
            Ok(outcome) => Ok(self.said_nothing(FileResult::Stored(outcome), Some(file))),
            Err(e) => {
                self.stop_on(&e)?;
                Ok(FileResult::Failed(e.message()))
            }
        }
    }

    /// A stub stored for an issue that no copy holds in full: the file
    /// held no article text, and the issue still has none. Asked once
    /// its batch is committed: a full copy later in the same batch
    /// already counts, one in a later batch not yet.
    fn said_nothing(&self, result: FileResult, file: Option<&SourceFile>) -> FileResult {
        match (result, file) {
            (FileResult::Stored(ImportOutcome::StubMerged), Some(file))
                if !self.store.is_cached(file.key()).unwrap_or(true) =>
            {
                FileResult::NoText
            }
            (result, _) => result,
        }
    }

    /// Ends the run when `e` is a reason to (the cache stayed locked or
    /// is damaged): the open batch is undone, and what the pending files
    /// were told without the cache (skipped, failed to parse) is reported.
    fn stop_on(&mut self, e: &StoreError) -> Result<(), Halt> {
        let Some((reason, hint)) = stop_reason(&self.cache, e) else {
            return Ok(());
        };
        let _ = self.store.rollback_batch();
        for p in std::mem::take(&mut self.pending) {
            if p.file.is_none() {
                self.report(p.path, p.result);
            }
        }
        Err(Box::new(self.stopped(Stopped {
            reason,
            hint,
            not_imported: 0,
            of: 0,
        })))
    }

    /// Counts, at the moment the run stops, the files it did not import.
    fn stopped(&self, s: Stopped) -> Stopped {
        Stopped {
            not_imported: self.total - self.reported,
            of: self.total,
            ..s
        }
    }

    fn report(&mut self, path: PathBuf, result: FileResult) {
        self.reported += 1;
        self.bar.set_message(short_name(&path));
        self.bar.inc(1);
        (self.on_file)(&path, &result);
        self.summary.record(&path, result);
    }
}

/// What a parse error means for the file: skipped when the file is not
/// a bulletin, failed when it cannot be read.
pub(super) fn parse_result(e: &ParseError) -> FileResult {
    if e.is_skip() {
        FileResult::Skipped(e.message())
    } else {
        FileResult::Failed(e.message())
    }
}
