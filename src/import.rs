//! Files -> parser -> cache, with a progress bar and one summary.
//!
//! Each file is read and parsed on a worker thread while the cache writes
//! the previous one, and each file is its own transaction: a file that
//! fails leaves the cache as it was and the rest go on.

use std::fmt;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::parse::{self, ParseError};
use crate::store::{ImportOutcome, Store, StoreError};

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileResult {
    Stored(ImportOutcome),
    Skipped(String),
    Failed(String),
}

impl fmt::Display for FileResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileResult::Stored(ImportOutcome::New) => write!(f, "new"),
            FileResult::Stored(ImportOutcome::Updated) => write!(f, "updated"),
            FileResult::Stored(ImportOutcome::Unchanged) => write!(f, "unchanged"),
            FileResult::Stored(ImportOutcome::StubMerged) => write!(f, "stub"),
            FileResult::Skipped(_) => write!(f, "skipped"),
            FileResult::Failed(_) => write!(f, "failed"),
        }
    }
}

/// The end-of-import report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub stubs: usize,
    pub skipped: Vec<(PathBuf, String)>,
    pub failed: Vec<(PathBuf, String)>,
    /// Why the run stopped before its last file, if it did.
    pub stopped: Option<Stopped>,
}

/// A run that gave up: the cache stayed locked, or turned out damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    pub reason: String,
    /// What the user can do about it.
    pub hint: String,
    pub not_imported: usize,
    pub of: usize,
}

impl ImportSummary {
    pub fn files(&self) -> usize {
        self.new
            + self.updated
            + self.unchanged
            + self.stubs
            + self.skipped.len()
            + self.failed.len()
    }

    fn record(&mut self, path: &Path, result: FileResult) {
        match result {
            FileResult::Stored(ImportOutcome::New) => self.new += 1,
            FileResult::Stored(ImportOutcome::Updated) => self.updated += 1,
            FileResult::Stored(ImportOutcome::Unchanged) => self.unchanged += 1,
            FileResult::Stored(ImportOutcome::StubMerged) => self.stubs += 1,
            FileResult::Skipped(why) => self.skipped.push((path.to_path_buf(), why)),
            FileResult::Failed(why) => self.failed.push((path.to_path_buf(), why)),
        }
    }
}

impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (path, why) in &self.skipped {
            writeln!(
                f,
                "skipped {}: {}",
                crate::sanitize::line(&path.display().to_string()),
                why
            )?;
        }
        for (path, why) in &self.failed {
            writeln!(
                f,
                "failed  {}: {}",
                crate::sanitize::line(&path.display().to_string()),
                why
            )?;
        }
        write!(
            f,
            "{} files: {} new, {} updated, {} unchanged, {} stubs merged, {} skipped, {} failed",
            self.files(),
            self.new,
            self.updated,
            self.unchanged,
            self.stubs,
            self.skipped.len(),
            self.failed.len()
        )?;
        if let Some(s) = &self.stopped {
            write!(
                f,
                "\n{}; {} of {} files were not imported; {}",
                s.reason, s.not_imported, s.of, s.hint
            )?;
        }
        Ok(())
    }
}

/// Parses and stores one file's bytes.
pub fn import_bytes(store: &mut Store, label: &str, bytes: &[u8]) -> FileResult {
    store_parsed(store, label, bytes, parse::parse(bytes))
}

fn store_parsed(
    store: &mut Store,
    label: &str,
    bytes: &[u8],
    parsed: Result<crate::model::Bulletin, ParseError>,
) -> FileResult {
    try_store(store, label, bytes, parsed).unwrap_or_else(|e| FileResult::Failed(e.to_string()))
}

/// [`store_parsed`], with the cache's errors left to the caller, which
/// stops a run on a lock or a damaged page rather than failing every file.
fn try_store(
    store: &mut Store,
    label: &str,
    bytes: &[u8],
    parsed: Result<crate::model::Bulletin, ParseError>,
) -> Result<FileResult, StoreError> {
    Ok(match parsed {
        Ok(b) => FileResult::Stored(store.import_file(label, bytes, &b)?),
        Err(e) if e.is_skip() => FileResult::Skipped(crate::sanitize::line(&e.to_string())),
        Err(e) => FileResult::Failed(crate::sanitize::line(&e.to_string())),
    })
}

/// Why a store error ends the whole run, and what to do about it; None
/// when only the file fails. Each statement already waited
/// [`crate::store::LOCK_WAIT`] for the lock: the whole run waits that
/// long once, not once per file.
fn stop_reason(store: &Store, e: &StoreError) -> Option<(String, String)> {
    let cache = store
        .path()
        .map(|p| crate::sanitize::line(&p.display().to_string()))
        .unwrap_or_else(|| ":memory:".into());
    match e {
        StoreError::Busy | StoreError::Locked { .. } => Some((
            format!(
                "{cache}: the cache stayed locked by another process for {} s, so the import gave up",
                crate::store::LOCK_WAIT.as_secs()
            ),
            "run it again when that process finishes".into(),
        )),
        StoreError::DamagedPage { reason } => Some((
            format!("{cache}: the cache is damaged ({reason}), so the import stopped"),
            "`zhoubao recover` builds a fresh cache from the files it holds".into(),
        )),
        _ => None,
    }
}

/// Every file under `paths` (folders recursively, hidden entries and
/// folder symlinks left out so a loop cannot trap the walk), sorted.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, String)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut errors),
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push((p.clone(), format!("cannot read: {e}"))),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<(PathBuf, String)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => return errors.push((dir.to_path_buf(), format!("cannot read folder: {e}"))),
    };
    let mut children: Vec<_> = entries.filter_map(Result::ok).collect();
    children.sort_by_key(|e| e.file_name());
    for entry in children {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, files, errors),
            Ok(t) if t.is_symlink() && path.is_dir() => {}
            Ok(_) => files.push(path),
            Err(e) => errors.push((path, format!("cannot read: {e}"))),
        }
    }
}

/// Imports every file under `paths`. A progress bar is drawn on stderr
/// when `progress` is set and stderr is a terminal.
pub fn import_paths(store: &mut Store, paths: &[PathBuf], progress: bool) -> ImportSummary {
    import_paths_with(store, paths, progress, |_, _| {})
}

/// [`import_paths`], calling `on_file` after each file's transaction ended.
pub fn import_paths_with(
    store: &mut Store,
    paths: &[PathBuf],
    progress: bool,
    mut on_file: impl FnMut(&Path, &FileResult),
) -> ImportSummary {
    let (files, errors) = collect_files(paths);
    let mut summary = ImportSummary::default();
    for (path, why) in errors {
        summary.record(&path, FileResult::Failed(why));
    }
    let bar = if progress && std::io::stderr().is_terminal() {
        let bar = ProgressBar::with_draw_target(
            Some(files.len() as u64),
            ProgressDrawTarget::stderr_with_hz(10),
        );
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} files  {per_sec}  {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    // Reading and parsing overlap with the cache's writes.
    let total = files.len();
    let mut done = 0;
    let (tx, rx) = mpsc::sync_channel(64);
    std::thread::scope(|scope| {
        scope.spawn(move || {
            for path in files {
                let item = match std::fs::read(&path) {
                    Ok(bytes) => {
                        let parsed = parse::parse(&bytes);
                        Ok((bytes, parsed))
                    }
                    Err(e) => Err(format!("cannot read: {e}")),
                };
                if tx.send((path, item)).is_err() {
                    break;
                }
            }
        });
        for (path, item) in rx {
            let label = path.display().to_string();
            let result = match item {
                Ok((bytes, parsed)) => match try_store(store, &label, &bytes, parsed) {
                    Ok(result) => result,
                    Err(e) => match stop_reason(store, &e) {
                        Some((reason, hint)) => {
                            summary.stopped = Some(Stopped {
                                reason,
                                hint,
                                not_imported: total - done,
                                of: total,
                            });
                            // Dropping the receiver stops the reader.
                            break;
                        }
                        None => FileResult::Failed(e.to_string()),
                    },
                },
                Err(why) => FileResult::Failed(why),
            };
            done += 1;
            bar.set_message(short_name(&path));
            bar.inc(1);
            on_file(&path, &result);
            summary.record(&path, result);
        }
    });
    bar.finish_and_clear();
    summary
}

fn short_name(path: &Path) -> String {
    crate::sanitize::line(&path.file_name().unwrap_or_default().to_string_lossy())
}
