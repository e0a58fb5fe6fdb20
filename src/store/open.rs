//! Opening a cache: `import` may create one, other writers need one that
//! exists, and readers can open one read-only without leaving `-wal` or
//! `-shm` files behind. Nothing is written to a file before its header
//! shows it is a zhoubao cache (or an empty file nobody has claimed).

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior, MAIN_DB};

use super::error::FolderProblem;
use super::schema::{self, Header, Owner};
use super::{classify, current_version, sqlite_reason, Store, StoreError};
use crate::i18n::{Localized, Msg, Os};

/// The page size of a new cache, in bytes.
const PAGE_SIZE: i64 = 16384;

/// How long one statement waits for another process's lock.
pub const LOCK_WAIT: Duration = Duration::from_secs(5);

impl Store {
    /// Opens the cache at `path` for writing, creating the file when it
    /// does not exist (the folder must). An existing cache is checked with
    /// [`Store::check_sound`] before anything is written to it.
    pub fn create_or_open(path: &Path) -> Result<Store, StoreError> {
        refuse_memory(path)?;
        match fs::metadata(path) {
            Ok(m) => check_file(path, &m)?,
            Err(e) if e.kind() == ErrorKind::NotFound => {
                create_file(path)?;
            }
            Err(e) => return Err(unreadable(path, &e)),
        }
        Store::open_writable(path, true, Empty::Claim)
    }

    /// Opens an existing cache for reading and writing (read marks); a
    /// missing file is an error, never a new cache, and so is an empty
    /// file: nothing is written into it.
    pub fn open_existing(path: &Path) -> Result<Store, StoreError> {
        refuse_memory(path)?;
        check_existing(path)?;
        Store::open_writable(path, false, Empty::Refuse)
    }

    /// Opens an existing cache that this process cannot (or must not)
    /// write: every write is refused with a message naming it. Without a
    /// pending journal it is opened as an immutable file, so nothing is
    /// created beside it, even in a read-only folder.
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let conn = read_only_connection(path, Sees::Writers)?;
        let header = read_header(&conn, path)?;
        match header.owner() {
            Owner::Foreign => return Err(StoreError::Foreign { path: path.into() }),
            Owner::Unclaimed => return Err(StoreError::NoCache { path: path.into() }),
            Owner::Ours => {}
        }
        match header.version {
            v if v > current_version() => Err(too_new(path, v)),
            v if v < current_version() => Err(StoreError::TooOldToRead {
                path: path.into(),
                found: v,
            }),
            _ => Ok(Store {
                conn,
                path: Some(path.into()),
                read_only: true,
            }),
        }
    }

    fn open_writable(path: &Path, check: bool, empty: Empty) -> Result<Store, StoreError> {
        // Our own URI, so a path that looks like one ("file:x?mode=memory")
        // is still a file name; mode=rw never creates a file.
        let conn = Connection::open_with_flags(
            uri(path, "mode=rw")?,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| classify(path, e))?;
        // SQLite falls back to read-only when the file cannot be written.
        if conn.is_readonly(MAIN_DB).unwrap_or(true) {
            return Err(StoreError::ReadOnly { path: path.into() });
        }
        let mut store = Store::prepare_writable(conn, Some(path), check, empty)?;
        store.path = Some(path.into());
        Ok(store)
    }

    pub(super) fn prepare_writable(
        conn: Connection,
        path: Option<&Path>,
        check: bool,
        empty: Empty,
    ) -> Result<Store, StoreError> {
        let shown = path.unwrap_or(Path::new(":memory:"));
        let err = |e: rusqlite::Error| writable_error(shown, e);
        conn.busy_timeout(LOCK_WAIT).map_err(err)?;
        // Only reads until the header shows the file is ours.
        let header = Header::read(&conn).map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
                corrupt_or_damaged(&conn, shown, e)
            }
            _ => writable_error(shown, e),
        })?;
        claim(&header, shown)?;
        if empty == Empty::Refuse && header.owner() == Owner::Unclaimed {
            return Err(StoreError::NoCache { path: shown.into() });
        }
        let store = Store {
            conn,
            path: path.map(Path::to_path_buf),
            read_only: false,
        };
        if check && header.version > 0 {
            store.check_sound()?;
        }
        let conn = &store.conn;
        // A new cache gets pages of 8 KiB: a stored file of a few KiB then
        // fits its row instead of spilling into a half-empty overflow page,
        // which made the cache twice the files' size and every import and
        // checkpoint write it all. Only possible before the first table
        // and before WAL; an existing cache keeps its pages.
        if !header.has_tables {
            conn.pragma_update(None, "page_size", PAGE_SIZE)
                .map_err(err)?;
        }
        // WAL lets the TUI read while an import writes.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        let mut store = store;
        // A current cache needs no write lock to open, so a reader or an
        // import opens it while another process writes.
        if header.version < current_version() {
            store.migrate(shown, header.version)?;
        }
        Ok(store)
    }

    /// Brings the schema up to date, one step per transaction. Each step
    /// reads the version inside its IMMEDIATE transaction, so two
    /// processes opening a new cache at once never run the same step.
    /// Errors name `from`, the version the cache had when it was opened.
    pub(super) fn migrate(&mut self, path: &Path, from: i64) -> Result<(), StoreError> {
        while self.migrate_step(path, from)? {}
        Ok(())
    }

    /// One migration step, or false when the schema is current.
    fn migrate_step(&mut self, path: &Path, from: i64) -> Result<bool, StoreError> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| writable_error(path, e))?;
        let header = Header::read(&tx).map_err(|e| writable_error(path, e))?;
        claim(&header, path)?;
        let Some(sql) = schema::MIGRATIONS.get(header.version as usize) else {
            return Ok(false);
        };
        let run = || -> rusqlite::Result<()> {
            tx.execute_batch(sql)?;
            // A new cache is merged under this build's rules from its
            // first file on.
            if header.version == 0 {
                super::reindex::mark_current_rules(&tx)?;
            }
            tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", header.version + 1)
        };
        run().map_err(|e| migrate_error(path, from, e))?;
        tx.commit().map_err(|e| migrate_error(path, from, e))?;
        Ok(true)
    }
}

/// What a writer does with an empty file nobody has claimed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Empty {
    /// Makes it a cache: `import` into a new (or just truncated) file.
    Claim,
    /// Leaves it as it is: an empty file holds no cache to read or fix.
    Refuse,
}

/// What a read-only connection must see of other processes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sees {
    /// Their commits, as they come (the TUI, the read commands).
    Writers,
    /// The file as it is: `recover` reads a damaged cache, which every
    /// writer refuses, and must leave nothing beside it.
    Snapshot,
}

/// A connection that cannot write to `path`. It reads through SQLite's
/// locks and journal (`mode=ro`), so a writer that appears later (an
/// import in another terminal) is seen and never read half-written,
/// whenever the file can change: a `-wal` or `-shm` beside it, or a folder
/// a writer can create them in (a reader may then leave an empty pair
/// behind: SQLite needs them to read a WAL cache safely). Otherwise, with
/// no journal and a folder this process cannot write, it is opened
/// immutable, which creates nothing: `mode=ro` cannot open a WAL file
/// there at all, and a writer would first have to create a `-wal` there,
/// whatever the file's own mode (another account that can write the
/// folder could still start one: immutable is then the only way in).
pub(super) fn read_only_connection(path: &Path, sees: Sees) -> Result<Connection, StoreError> {
    refuse_memory(path)?;
    check_existing(path)?;
    let wal = fs::metadata(beside(path, "-wal")).ok();
    let shm = beside(path, "-shm").exists();
    // An empty `-wal` without `-shm` holds nothing, and no writer can add
    // the `-shm` it needs in a folder nobody can write.
    let journal = shm || wal.is_some_and(|m| m.len() > 0);
    let immutable = !journal && (sees == Sees::Snapshot || !folder_writable(path));
    let mode = if immutable {
        "mode=ro&immutable=1"
    } else {
        "mode=ro"
    };
    let conn = Connection::open_with_flags(
        uri(path, mode)?,
        OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| classify(path, e))?;
    conn.busy_timeout(LOCK_WAIT)
        .map_err(|e| classify(path, e))?;
    Ok(conn)
}

/// The header through a read-only connection.
pub(super) fn read_header(conn: &Connection, path: &Path) -> Result<Header, StoreError> {
    Header::read(conn).map_err(|e| match e.sqlite_error_code() {
        Some(ErrorCode::CannotOpen) => StoreError::UnreadableJournal {
            path: path.into(),
            wal: beside(path, "-wal"),
        },
        _ => corrupt_or_damaged(conn, path, e),
    })
}

/// Refuses what is not ours before anything is written.
fn claim(header: &Header, path: &Path) -> Result<(), StoreError> {
    if header.owner() == Owner::Foreign {
        return Err(StoreError::Foreign { path: path.into() });
    }
    if header.version > current_version() {
        return Err(too_new(path, header.version));
    }
    Ok(())
}

fn too_new(path: &Path, found: i64) -> StoreError {
    StoreError::TooNew {
        path: path.into(),
        found,
        known: current_version(),
    }
}

fn migrate_error(path: &Path, from: i64, e: rusqlite::Error) -> StoreError {
    match writable_error(path, e) {
        StoreError::Open { path, reason } | StoreError::Corrupt { path, reason } => {
            StoreError::Migrate { path, from, reason }
        }
        other => other,
    }
}

/// A writer that cannot open the journal beside the cache: its folder is
/// read-only.
fn writable_error(path: &Path, e: rusqlite::Error) -> StoreError {
    if e.sqlite_error_code() == Some(ErrorCode::CannotOpen) && !folder_writable(path) {
        return StoreError::FolderReadOnly {
            path: path.into(),
            folder: folder_of(path),
        };
    }
    classify(path, e)
}

/// A corrupt page in what the header says is our cache is damage that
/// `recover` can work around; anything else is not a cache at all.
fn corrupt_or_damaged(conn: &Connection, path: &Path, e: rusqlite::Error) -> StoreError {
    if schema::application_id(conn).is_ok_and(|id| id == schema::APPLICATION_ID) {
        return StoreError::Damaged {
            path: path.into(),
            reason: sqlite_reason(&e),
        };
    }
    classify(path, e)
}

pub(super) fn refuse_memory(path: &Path) -> Result<(), StoreError> {
    if path.as_os_str().is_empty() || path == Path::new(":memory:") {
        return Err(StoreError::InMemory { path: path.into() });
    }
    Ok(())
}

/// A cache that must already exist: a regular file this process can read.
fn check_existing(path: &Path) -> Result<(), StoreError> {
    match fs::metadata(path) {
        Ok(m) => check_file(path, &m),
        Err(e) if matches!(e.kind(), ErrorKind::NotFound | ErrorKind::NotADirectory) => {
            let folder = folder_of(path);
            Err(match fs::metadata(&folder) {
                Ok(m) if !m.is_dir() => StoreError::FolderIsFile {
                    path: path.into(),
                    folder,
                },
                Err(_) => StoreError::NoFolder {
                    path: path.into(),
                    folder,
                },
                Ok(_) => StoreError::NoCache { path: path.into() },
            })
        }
        Err(e) => Err(unreadable(path, &e)),
    }
}

fn check_file(path: &Path, meta: &fs::Metadata) -> Result<(), StoreError> {
    if meta.is_dir() {
        return Err(StoreError::IsFolder { path: path.into() });
    }
    if !meta.is_file() {
        return Err(StoreError::NotAFile { path: path.into() });
    }
    fs::File::open(path)
        .map(drop)
        .map_err(|e| unreadable(path, &e))
}

/// Creates a cache at `path`, or returns false when a file is already
/// there. The new cache is built whole under a temporary name in the same
/// folder and then linked into place without replacing anything, so a
/// second process opening the same new path at once finds either nothing
/// or a complete cache, never a half-made one.
pub(super) fn create_file(path: &Path) -> Result<bool, StoreError> {
    let folder = folder_of(path);
    let cannot = |reason: Msg| StoreError::Create {
        path: path.into(),
        reason: Box::new(reason),
    };
    let shown = crate::sanitize::line(&folder.display().to_string());
    match fs::metadata(&folder) {
        Ok(m) if m.is_dir() => {}
        Ok(_) => {
            return Err(cannot(
                FolderProblem::NotAFolder { folder: shown }.message(),
            ))
        }
        Err(_) => return Err(cannot(FolderProblem::Missing { folder: shown }.message())),
    }
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temp = tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".creating")
        .tempfile_in(&folder)
        .map_err(|e| {
            cannot(if folder_writable(path) {
                Msg::Os(Os::of(&e))
            } else {
                FolderProblem::NotWritable {
                    folder: shown.clone(),
                    why: Os::of(&e),
                }
                .message()
            })
        })?
        .into_temp_path();
    // SQLite's journals beside the temporary file go with it, whatever
    // happens: a full disk left them behind, two more at every retry.
    let journals = JournalsOf(temp.to_path_buf());
    let store =
        Store::open_writable(&temp, false, Empty::Claim).map_err(|e| cannot(e.message()))?;
    // Closing checkpoints the journal into the file and removes it; a
    // journal still there means the checkpoint failed and the file alone
    // is not the cache (it would be an empty one).
    drop(store);
    if beside(&temp, "-wal").exists() {
        let full = std::io::Error::from(ErrorKind::StorageFull);
        return Err(cannot(Msg::Os(Os::of(&full))));
    }
    drop(journals);
    match temp.persist_noclobber(path) {
        Ok(()) => Ok(true),
        Err(e) if e.error.kind() == ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(cannot(Msg::Os(Os::of(&e.error)))),
    }
}

/// Removes the `-wal`, `-shm` and `-journal` files of a cache being
/// created when dropped.
struct JournalsOf(PathBuf);

impl Drop for JournalsOf {
    fn drop(&mut self) {
        for suffix in ["-wal", "-shm", "-journal"] {
            let _ = fs::remove_file(beside(&self.0, suffix));
        }
    }
}

fn unreadable(path: &Path, e: &std::io::Error) -> StoreError {
    StoreError::Unreadable {
        path: path.into(),
        reason: Os::of(e),
    }
}

pub(super) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `cache.db` -> `cache.db-wal`.
pub(super) fn beside(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// Asks the kernel rather than reading permission bits, which root
/// ignores and which say nothing of immutable files or read-only mounts.
fn folder_writable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        rustix::fs::access(folder_of(path), rustix::fs::Access::WRITE_OK).is_ok()
    }
    #[cfg(not(unix))]
    {
        fs::metadata(folder_of(path)).is_ok_and(|m| !m.permissions().readonly())
    }
}

/// A `file:` URI for `path` with the given query, every byte that could
/// mean something to a URI percent-encoded.
pub(super) fn uri(path: &Path, query: &str) -> Result<String, StoreError> {
    let absolute = std::path::absolute(path).map_err(|e| StoreError::Open {
        path: path.into(),
        reason: e.to_string(),
    })?;
    #[cfg(unix)]
    let bytes = std::os::unix::ffi::OsStrExt::as_bytes(absolute.as_os_str()).to_vec();
    #[cfg(not(unix))]
    let bytes = absolute.to_string_lossy().replace('\\', "/").into_bytes();
    let mut out = String::from("file:");
    if !bytes.starts_with(b"/") {
        out.push('/');
    }
    for b in bytes {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'/' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out.push('?');
    out.push_str(query);
    Ok(out)
}
