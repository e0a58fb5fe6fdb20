//! Files -> parser -> cache, with a progress bar and one summary.
//!
//! Files are read and parsed on every core while one writer stores them a
//! batch per transaction (writer.rs): a file that fails leaves the cache
//! as it was and the rest go on. Only regular files are read, never past
//! the parser's size limit, and a panic in the parser fails that one file
//! instead of the whole run.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::fs::File;
use std::io::{IsTerminal, Read};
use std::panic;
use std::path::{Path, PathBuf};
use std::sync::Once;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::i18n::{Cache, FileKind, Lang, Localized, Msg, OwnFile, Verdict};
use crate::model::Bulletin;
use crate::parse::{self, ParseError, MAX_FILE_BYTES};
use crate::pool::{Next, Ordered};
use crate::store::{ImportOutcome, SourceFile, Store, StoreError};

mod writer;

use writer::{Prepared, Writer};

/// What happened to one file; a skipped or failed file says why (the
/// parser's, the cache's or import's own words).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FileResult {
    Stored(ImportOutcome),
    /// Stored, but the file held no article text (an empty page, a
    /// title-only repost) and no copy of its issue has any: the issue is
    /// still without a body. A stub of an issue held in full is
    /// `Stored(StubMerged)`.
    NoText,
    Skipped(Msg),
    Failed(Msg),
}

impl FileResult {
    /// The one word `import --verbose` prints.
    pub fn verdict(&self) -> Verdict {
        match self {
            FileResult::Stored(ImportOutcome::New) => Verdict::New,
            FileResult::Stored(ImportOutcome::Updated) => Verdict::Updated,
            FileResult::Stored(ImportOutcome::Unchanged) => Verdict::Unchanged,
            FileResult::Stored(ImportOutcome::LowerCopy) => Verdict::LowerCopy,
            FileResult::Stored(ImportOutcome::StubMerged) => Verdict::Stub,
            FileResult::NoText => Verdict::NoText,
            FileResult::Skipped(_) => Verdict::Skipped,
            FileResult::Failed(_) => Verdict::Failed,
        }
    }
}

/// The English word, for logs and tests.
impl fmt::Display for FileResult {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Msg::Cache(Cache::Verdict(self.verdict())).text(Lang::En))
    }
}

/// The end-of-import report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Copies of issues a better copy already shows (see
    /// [`ImportOutcome::LowerCopy`]).
    pub lower: usize,
    pub stubs: usize,
    /// Files that held no article text, for an issue no copy has text
    /// for (see [`FileResult::NoText`]).
    pub empty: usize,
    pub skipped: Vec<(PathBuf, Msg)>,
    pub failed: Vec<(PathBuf, Msg)>,
    /// Why the run stopped before its last file, if it did.
    pub stopped: Option<Stopped>,
}

/// A run that gave up: the cache stayed locked, or turned out damaged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stopped {
    pub reason: Msg,
    /// What the user can do about it.
    pub hint: Msg,
    pub not_imported: usize,
    pub of: usize,
}

impl ImportSummary {
    pub fn files(&self) -> usize {
        self.new
            + self.updated
            + self.unchanged
            + self.lower
            + self.stubs
            + self.empty
            + self.skipped.len()
            + self.failed.len()
    }

    fn record(&mut self, path: &Path, result: FileResult) {
        match result {
            FileResult::Stored(ImportOutcome::New) => self.new += 1,
            FileResult::Stored(ImportOutcome::Updated) => self.updated += 1,
            FileResult::Stored(ImportOutcome::Unchanged) => self.unchanged += 1,
            FileResult::Stored(ImportOutcome::LowerCopy) => self.lower += 1,
            FileResult::Stored(ImportOutcome::StubMerged) => self.stubs += 1,
            FileResult::NoText => self.empty += 1,
            FileResult::Skipped(why) => self.skipped.push((path.to_path_buf(), why)),
            FileResult::Failed(why) => self.failed.push((path.to_path_buf(), why)),
        }
    }
}

impl ImportSummary {
    /// Nothing was there to import: the paths hold no file at all.
    pub fn found_nothing(&self) -> bool {
        self.files() == 0 && self.stopped.is_none()
    }

    /// The report in `lang`: each skipped and failed file, then the counts,
    /// then why the run stopped, if it did.
    pub fn render(&self, lang: Lang) -> String {
        let shown = |p: &Path| crate::sanitize::line(&p.display().to_string());
        let mut lines: Vec<Msg> = Vec::new();
        for (path, why) in &self.skipped {
            lines.push(Msg::Cache(Cache::SkippedLine {
                path: shown(path),
                why: Box::new(why.clone()),
            }));
        }
        for (path, why) in &self.failed {
            lines.push(Msg::Cache(Cache::FailedLine {
                path: shown(path),
                why: Box::new(why.clone()),
            }));
        }
        lines.push(Msg::Cache(Cache::Summary {
            files: self.files(),
            new: self.new,
            updated: self.updated,
            unchanged: self.unchanged,
            lower: self.lower,
            stubs: self.stubs,
            empty: self.empty,
            skipped: self.skipped.len(),
            failed: self.failed.len(),
        }));
        if self.empty > 0 {
            lines.push(Msg::Cache(Cache::NoTextHint { files: self.empty }));
        }
        if let Some(s) = &self.stopped {
            lines.push(Msg::Cache(Cache::Stopped {
                reason: Box::new(s.reason.clone()),
                not_imported: s.not_imported,
                of: s.of,
                hint: Box::new(s.hint.clone()),
            }));
        }
        lines
            .iter()
            .map(|m| m.text(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The English report, for logs and tests.
impl fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Parses and stores one file's bytes.
pub fn import_bytes(store: &mut Store, label: &str, bytes: &[u8]) -> FileResult {
    match parse_caught(bytes) {
        Ok(parsed) => store_parsed(store, label, bytes, parsed),
        Err(crash) => FileResult::Failed(crash),
    }
}

fn store_parsed(
    store: &mut Store,
    label: &str,
    bytes: &[u8],
    parsed: Result<Bulletin, ParseError>,
) -> FileResult {
    try_store(store, label, bytes, parsed).unwrap_or_else(|e| FileResult::Failed(e.message()))
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
        Err(e) => writer::parse_result(&e),
    })
}

/// Why a store error ends the whole run, and what to do about it; None
/// when only the file fails. Each statement already waited
/// [`crate::store::LOCK_WAIT`] for the lock: the whole run waits that
/// long once, not once per file.
fn stop_reason(cache: &str, e: &StoreError) -> Option<(Msg, Msg)> {
    let cache = cache.to_owned();
    match e {
        StoreError::Busy | StoreError::Locked { .. } => Some((
            Msg::Cache(Cache::StopLocked {
                cache,
                secs: crate::store::LOCK_WAIT.as_secs(),
            }),
            Msg::Cache(Cache::HintRunAgain),
        )),
        StoreError::DamagedPage { reason } => Some((
            Msg::Cache(Cache::StopDamaged {
                cache,
                reason: crate::sanitize::line(reason),
            }),
            Msg::Cache(Cache::HintRecover),
        )),
        _ => None,
    }
}

/// [`parse::parse`], with a panic anywhere in it turned into the reason
/// this one file failed. `reindex` re-parses stored files the same way.
pub fn parse_caught(bytes: &[u8]) -> Result<Result<Bulletin, ParseError>, Msg> {
    caught(|| {
        if let Some(marker) = TEST_PANIC_MARKER.as_deref() {
            if bytes.windows(marker.len()).any(|w| w == marker.as_bytes()) {
                panic!("ZHOUBAO_TEST_PARSER_PANIC: deliberate panic on a marked file");
            }
        }
        parse::parse(bytes)
    })
}

/// Test hook, like the TUI's ZHOUBAO_TEST_PANIC: the parser panics on
/// files holding this text, so an end-to-end test can see what a user
/// sees when the parser has a bug.
static TEST_PANIC_MARKER: std::sync::LazyLock<Option<String>> = std::sync::LazyLock::new(|| {
    std::env::var("ZHOUBAO_TEST_PARSER_PANIC")
        .ok()
        .filter(|m| !m.is_empty())
});

/// Runs `f`; its panic becomes a one-line reason naming the message and
/// where it happened, and prints nothing.
fn caught<T>(f: impl FnOnce() -> T + panic::UnwindSafe) -> Result<T, Msg> {
    install_quiet_panic_hook();
    let was_quiet = QUIET_PANICS.with(|q| q.replace(true));
    let result = panic::catch_unwind(f);
    QUIET_PANICS.with(|q| q.set(was_quiet));
    result.map_err(|payload| {
        let at = PANIC_LOCATION
            .with(|l| l.borrow_mut().take())
            .map(|l| crate::sanitize::line(&l));
        let detail = panic_message(payload.as_ref());
        Msg::Cache(Cache::ParserCrashed { detail, at })
    })
}

/// A caught panic's message as one printable line of at most 160
/// characters: what a parser's, or a worker thread's, bug tells the user.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    crate::sanitize::line(&message).chars().take(160).collect()
}

thread_local! {
    /// Set while this thread runs a parse whose panics are caught and
    /// reported in the summary: the hook then prints nothing.
    static QUIET_PANICS: Cell<bool> = const { Cell::new(false) };
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Without this the default hook would print "thread panicked" and a
/// backtrace note across the progress bar for a failure the summary
/// reports anyway. Panics elsewhere still reach the previous hook (the
/// TUI's terminal restore, then the default message).
fn install_quiet_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET_PANICS.with(Cell::get) {
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()));
                PANIC_LOCATION.with(|l| *l.borrow_mut() = at);
            } else {
                previous(info);
            }
        }));
    });
}

/// The cache's own files: an import folder may hold them, and reading the
/// database while this import writes it is neither useful nor safe.
struct CacheFiles {
    paths: Vec<(PathBuf, OwnFile)>,
    /// Device and inode of those that exist as the import starts: a file
    /// is recognised from the `stat` its reading needs anyway, not by
    /// resolving every path it is reached by.
    ids: Vec<(FileId, OwnFile)>,
}

impl CacheFiles {
    fn of(store: &Store) -> Self {
        let mut paths = Vec::new();
        // The path the cache was opened by and the canonical one: they
        // differ when it is relative or a folder on the way is a symlink.
        let given = store.path().map(Path::to_path_buf);
        let canonical = given.as_ref().and_then(|p| std::fs::canonicalize(p).ok());
        for db in given.into_iter().chain(canonical) {
            for (suffix, what) in [
                ("", OwnFile::Database),
                ("-wal", OwnFile::Wal),
                ("-shm", OwnFile::Shm),
                ("-journal", OwnFile::Journal),
            ] {
                let mut name = db.clone().into_os_string();
                name.push(suffix);
                paths.push((PathBuf::from(name), what));
            }
        }
        let ids = paths
            .iter()
            .filter_map(|(path, what)| Some((file_id(&std::fs::metadata(path).ok()?)?, *what)))
            .collect();
        CacheFiles { paths, ids }
    }

    /// What `path` (whose `metadata` is `meta`) is, when it is, or links
    /// to, one of the cache's files.
    fn what(&self, path: &Path, meta: &std::fs::Metadata) -> Option<OwnFile> {
        if self.paths.is_empty() {
            return None;
        }
        if let Some(id) = file_id(meta) {
            if let Some((_, what)) = self.ids.iter().find(|(known, _)| *known == id) {
                return Some(*what);
            }
            // One created since the start (a journal, which a WAL cache
            // does not use) has no known id yet: it is found by its name.
            let named = |p: &Path| p.file_name().is_some() && p.file_name() == path.file_name();
            if !self.paths.iter().any(|(p, _)| named(p)) {
                return None;
            }
        }
        let target = std::fs::canonicalize(path).ok()?;
        self.paths
            .iter()
            .find(|(file, _)| *file == target)
            .map(|(_, what)| *what)
    }
}

/// A file's identity on its file system, where the platform has one.
type FileId = (u64, u64);

#[cfg(unix)]
fn file_id(meta: &std::fs::Metadata) -> Option<FileId> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_id(_: &std::fs::Metadata) -> Option<FileId> {
    None
}

/// Reads one file for the parser: only a regular file, and never more than
/// the parser's limit plus one byte, so `/dev/zero` or a growing file
/// cannot fill the memory and a FIFO cannot block the import.
fn read_file(path: &Path, cache: &CacheFiles) -> Result<Vec<u8>, FileResult> {
    let cannot = |e: std::io::Error| FileResult::Failed(cannot_read(&e));
    // The walk saw the kind already, but the file can be replaced since;
    // the check on the open handle below is the one that counts.
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if let Some(what) = cache.what(path, &meta) {
        return Err(FileResult::Skipped(Msg::Cache(Cache::OwnFile(what))));
    }
    if !meta.is_file() {
        return Err(FileResult::Skipped(not_regular(&meta.file_type())));
    }
    let file = open_without_blocking(path).map_err(cannot)?;
    let meta = file.metadata().map_err(cannot)?;
    if !meta.is_file() {
        return Err(FileResult::Skipped(not_regular(&meta.file_type())));
    }
    if meta.len() > MAX_FILE_BYTES as u64 {
        return Err(FileResult::Failed(too_large(meta.len())));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(cannot)?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileResult::Failed(Msg::Cache(Cache::GrewPastLimit)));
    }
    Ok(bytes)
}

fn too_large(bytes: u64) -> Msg {
    Msg::Cache(Cache::TooLarge { bytes })
}

fn cannot_read(e: &std::io::Error) -> Msg {
    Msg::Cache(Cache::CannotRead {
        error: crate::i18n::Os::of(e),
    })
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    // Opening a FIFO for reading waits for a writer unless non-blocking.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<File> {
    File::open(path)
}

fn not_regular(kind: &std::fs::FileType) -> Msg {
    #[cfg(unix)]
    let what = {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            FileKind::Fifo
        } else if kind.is_socket() {
            FileKind::Socket
        } else if kind.is_char_device() {
            FileKind::CharDevice
        } else if kind.is_block_device() {
            FileKind::BlockDevice
        } else if kind.is_dir() {
            FileKind::Folder
        } else {
            FileKind::Other
        }
    };
    #[cfg(not(unix))]
    let what = if kind.is_dir() {
        FileKind::Folder
    } else {
        FileKind::Other
    };
    Msg::Cache(Cache::NotRegular(what))
}

/// Reads and parses one file on a worker, and works out what the cache
/// will store of it. `Err` is the file's result when it never reaches the
/// cache.
fn prepare(path: &Path, cache: &CacheFiles) -> Prepared {
    let bytes = read_file(path, cache)?;
    let bulletin = parse_caught(&bytes)
        .map_err(FileResult::Failed)?
        .map_err(|e| writer::parse_result(&e))?;
    Ok(SourceFile::new(path.display().to_string(), bytes, bulletin))
}

/// Every file under `paths` (folders recursively, hidden entries and
/// folder symlinks left out so a loop cannot trap the walk), sorted.
pub fn collect_files(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<(PathBuf, Msg)>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for p in paths {
        match std::fs::metadata(p) {
            Ok(m) if m.is_dir() => walk(p, &mut files, &mut errors),
            Ok(_) => files.push(p.clone()),
            Err(e) => errors.push((p.clone(), cannot_read(&e))),
        }
    }
    (files, errors)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<(PathBuf, Msg)>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let error = crate::i18n::Os::of(&e);
            return errors.push((
                dir.to_path_buf(),
                Msg::Cache(Cache::CannotReadFolder { error }),
            ));
        }
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
            Err(e) => errors.push((path, cannot_read(&e))),
        }
    }
}

/// Files read and parsed ahead of the writer: enough to keep every core
/// busy, few enough that the memory they hold stays small.
const AHEAD: usize = 64;

/// Imports every file under `paths`. A progress bar is drawn on stderr
/// when `progress` is set and stderr is a terminal.
pub fn import_paths(store: &mut Store, paths: &[PathBuf], progress: bool) -> ImportSummary {
    import_paths_with(store, paths, progress, |_, _| {})
}

/// [`import_paths`], calling `on_file` for each file, in the order of the
/// walk, once the transaction that stored it has committed.
pub fn import_paths_with(
    store: &mut Store,
    paths: &[PathBuf],
    progress: bool,
    on_file: impl FnMut(&Path, &FileResult),
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
            ProgressStyle::with_template("{bar:30} {pos}/{len}  {per_sec}  {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar
    } else {
        ProgressBar::hidden()
    };
    // Files are read and parsed on every core while the one writer
    // stores them in the walk's order.
    let cache = CacheFiles::of(store);
    let cache_name = store
        .path()
        .map(|p| crate::sanitize::line(&p.display().to_string()))
        .unwrap_or_else(|| ":memory:".into());
    let total = files.len();
    let work = |path: PathBuf| prepare(&path, &cache);
    let stopped = std::thread::scope(|scope| {
        let mut pool = Ordered::start(scope, crate::pool::threads(), &work);
        let mut queue = files.into_iter();
        let mut in_flight = VecDeque::new();
        let mut writer = Writer::new(store, cache_name, bar.clone(), on_file, &mut summary, total);
        loop {
            while pool.in_flight() < AHEAD {
                let Some(path) = queue.next() else { break };
                in_flight.push_back(path.clone());
                pool.submit(path);
            }
            let step = match pool.next_until(writer.deadline()) {
                Next::Ready(done) => {
                    let path = in_flight.pop_front().unwrap_or_default();
                    let prepared = done.unwrap_or_else(|panic| {
                        Err(FileResult::Failed(Msg::Cache(Cache::ParserCrashed {
                            detail: crate::sanitize::line(&panic).chars().take(160).collect(),
                            at: None,
                        })))
                    });
                    writer.take(path, prepared)
                }
                Next::Late => writer.flush(),
                Next::Empty => break writer.flush().err(),
            };
            if let Err(stopped) = step {
                break Some(stopped);
            }
        }
    });
    summary.stopped = stopped.map(|s| *s);
    bar.finish_and_clear();
    summary
}

fn short_name(path: &Path) -> String {
    crate::sanitize::line(&path.file_name().unwrap_or_default().to_string_lossy())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_reason_naming_message_and_place() {
        let line = line!() + 2;
        let reason = caught(|| -> u8 {
            panic!("index 7 out of range\n\x1b[31mred");
        })
        .unwrap_err()
        .text(Lang::En);
        assert!(
            reason.starts_with(
                "the parser crashed on this file (index 7 out of rangered at src/import.rs:"
            ),
            "{reason}"
        );
        assert!(reason.contains(&format!(":{line})")), "{reason}");
        assert!(!reason.contains('\n') && !reason.contains('\x1b'));
    }

    #[test]
    fn without_a_panic_the_value_passes_through() {
        assert_eq!(caught(|| 5), Ok(5));
    }

    #[test]
    fn panics_outside_a_caught_parse_still_reach_the_previous_hook() {
        install_quiet_panic_hook();
        assert!(!QUIET_PANICS.with(Cell::get));
        let _ = caught(|| panic!("inner"));
        assert!(!QUIET_PANICS.with(Cell::get));
    }
}
