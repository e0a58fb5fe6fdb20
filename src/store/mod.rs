//! The local SQLite cache: owns the connection, migrates the schema, and
//! offers typed queries and one-transaction-per-file imports.
//!
//! How a cache is opened is explicit (open.rs): `import` may create one,
//! other writers need an existing one, and readers can open it read-only.

mod merge;
mod open;
mod read;
mod recover;
mod schema;
mod text_lines;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use open::LOCK_WAIT;
pub use recover::{default_recovery_path, Recovered};
pub use schema::current_version;
pub use write::{ImportOutcome, Reindexed};

/// What can go wrong with the cache. Messages name the file and say what
/// the user can do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no cache at {path}; import bulletins first")]
    NoCache { path: PathBuf },
    #[error("{path} is a folder, not a cache file; pass the cache file's path, e.g. {}", path.join("cache.db").display())]
    IsFolder { path: PathBuf },
    #[error("{path} is not a regular file, so it cannot be a cache")]
    NotAFile { path: PathBuf },
    #[error("{path}: its folder {folder} does not exist")]
    NoFolder { path: PathBuf, folder: PathBuf },
    #[error("{path}: {folder} is not a folder")]
    FolderIsFile { path: PathBuf, folder: PathBuf },
    #[error("{path}: cannot read the cache ({reason})")]
    Unreadable { path: PathBuf, reason: String },
    #[error("{path}: cannot create the cache ({reason})")]
    Create { path: PathBuf, reason: String },
    #[error("--db {path} keeps nothing after zhoubao exits; pass the path of a cache file")]
    InMemory { path: PathBuf },
    #[error(
        "{path}: not a zhoubao cache (another program's SQLite database); refusing to touch it"
    )]
    Foreign { path: PathBuf },
    #[error("{path}: not a database or corrupt ({reason}); it was left as it is")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path}: the cache is damaged ({reason}); nothing was written to it. `zhoubao recover` builds a fresh cache from the files it still holds")]
    Damaged { path: PathBuf, reason: String },
    #[error("{path}: nothing can be recovered ({reason}); the file was left as it is")]
    Unrecoverable { path: PathBuf, reason: String },
    #[error("the cache is damaged ({reason}); `zhoubao recover` builds a fresh cache from the files it still holds")]
    DamagedPage { reason: String },
    #[error("{path}: written by a newer zhoubao (schema {found}, this build knows up to {known}); upgrade zhoubao, the cache was left as it is")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    #[error("{path}: written by an older zhoubao (schema {found}) and read-only here; open it once with write access so it can be upgraded")]
    TooOldToRead { path: PathBuf, found: i64 },
    #[error(
        "{path}: cannot upgrade the cache from schema {from} ({reason}); it was left as it was"
    )]
    Migrate {
        path: PathBuf,
        from: i64,
        reason: String,
    },
    #[error("{path}: the cache is read-only; zhoubao needs to write to it")]
    ReadOnly { path: PathBuf },
    #[error("{path}: the cache is read-only: its folder {folder} is, and zhoubao writes its journal ({path}-wal) there")]
    FolderReadOnly { path: PathBuf, folder: PathBuf },
    #[error("{path}: {wal} holds changes not yet in the cache, and reading them needs write access to the folder; open the cache once with write access")]
    UnreadableJournal { path: PathBuf, wal: PathBuf },
    #[error("{path}: the cache is locked by another process; try again when it finishes")]
    Locked { path: PathBuf },
    #[error(
        "{path}: already exists; recover never overwrites a file: pass --to NEW, or move it away"
    )]
    Exists { path: PathBuf },
    #[error(
        "{path}: cannot open the cache ({reason}); is the file or its folder read-only or missing?"
    )]
    Open { path: PathBuf, reason: String },
    #[error("the cache is busy: another process holds its lock; try again when it finishes")]
    Busy,
    #[error("cache: {0}")]
    Sql(rusqlite::Error),
    #[error("cache holds a malformed value: {0}")]
    Malformed(String),
}

impl StoreError {
    /// Whether the cache (file or folder) cannot be written, so a reader
    /// may still open it read-only.
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            StoreError::ReadOnly { .. } | StoreError::FolderReadOnly { .. }
        )
    }

    /// Names the file in an error that a query reported without one.
    pub fn at(self, path: &Path) -> StoreError {
        match self {
            StoreError::DamagedPage { reason } => StoreError::Damaged {
                path: path.into(),
                reason,
            },
            StoreError::Busy => StoreError::Locked { path: path.into() },
            other => other,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
                StoreError::DamagedPage {
                    reason: sqlite_reason(&e),
                }
            }
            _ => StoreError::Sql(e),
        }
    }
}

/// The cache. One per process; the TUI and an import may share the file.
pub struct Store {
    conn: Connection,
    /// None for an in-memory cache.
    path: Option<PathBuf>,
    read_only: bool,
}

impl Store {
    /// Opens (creating if needed) the cache at `path`, as [`Store::create_or_open`].
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::create_or_open(path)
    }

    /// A cache that lives only as long as the value: the demo and tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        Store::prepare_writable(conn, None, false)
    }

    /// The cache file, or None for an in-memory cache.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the cache was opened read-only: every write is refused.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Refuses a write on a read-only cache with the message naming it,
    /// rather than SQLite's bare "attempt to write a readonly database".
    pub(crate) fn writable(&self) -> Result<(), StoreError> {
        match (&self.path, self.read_only) {
            (Some(path), true) => Err(StoreError::ReadOnly { path: path.clone() }),
            _ => Ok(()),
        }
    }

    /// How long a write waits for another process's lock before giving up.
    pub fn set_busy_timeout(&self, wait: std::time::Duration) -> Result<(), StoreError> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// The schema version of the open cache.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(schema::user_version(&self.conn)?)
    }

    /// `PRAGMA integrity_check`, "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Refuses a damaged cache before anything is written to it.
    /// `PRAGMA quick_check` reads every page once (about a second per
    /// 1.5 GB of cache on the 2-core build machine), so `import` and
    /// `reindex` run it, and readers, who report a damaged page when they
    /// meet it, do not.
    pub fn check_sound(&self) -> Result<(), StoreError> {
        let path = self.path.clone().unwrap_or_else(|| ":memory:".into());
        let first: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| StoreError::from(e).at(&path))?;
        if first == "ok" {
            return Ok(());
        }
        // The first problem is enough to say the file is damaged.
        let problem = first
            .trim_start_matches("*** in database main ***")
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("quick_check failed");
        Err(StoreError::Damaged {
            path,
            reason: crate::sanitize::line(problem),
        })
    }
}

/// SQLite's own sentence, without the numeric code rusqlite appends.
fn sqlite_reason(source: &rusqlite::Error) -> String {
    match source {
        rusqlite::Error::SqliteFailure(_, Some(msg)) if !msg.is_empty() => msg.clone(),
        rusqlite::Error::SqliteFailure(e, _) => e.to_string(),
        other => other.to_string(),
    }
}

fn classify(path: &Path, source: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let path = path.to_path_buf();
    let reason = sqlite_reason(&source);
    match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) | Some(ErrorCode::DatabaseCorrupt) => {
            StoreError::Corrupt { path, reason }
        }
        Some(ErrorCode::ReadOnly) => StoreError::ReadOnly { path },
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => {
            StoreError::Locked { path }
        }
        _ => StoreError::Open { path, reason },
    }
}

#[cfg(test)]
mod open_tests;
#[cfg(test)]
mod tests;
