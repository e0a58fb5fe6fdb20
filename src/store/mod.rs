//! The local SQLite cache: owns the connection, migrates the schema, and
//! offers typed queries and one-transaction-per-file imports.
//!
//! How a cache is opened is explicit (open.rs): `import` may create one,
//! other writers need an existing one, and readers can open it read-only.

mod apply;
mod figures_json;
mod merge;
mod open;
mod read;
mod recover;
mod reindex;
mod schema;
mod source;
mod text_lines;
mod write;

use std::fmt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::i18n::{Cache, Lang, Msg, StoreMsg};

pub use open::LOCK_WAIT;
pub use recover::{default_recovery_path, Recovered};
pub use reindex::Reindexed;
pub use schema::current_version;
pub use source::SourceFile;
pub use write::ImportOutcome;

/// What can go wrong with the cache. Messages name the file and say what
/// the user can do; their words are the message table's
/// ([`StoreError::message`]), and `Display` is the English text.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    NoCache {
        path: PathBuf,
    },
    IsFolder {
        path: PathBuf,
    },
    NotAFile {
        path: PathBuf,
    },
    NoFolder {
        path: PathBuf,
        folder: PathBuf,
    },
    FolderIsFile {
        path: PathBuf,
        folder: PathBuf,
    },
    Unreadable {
        path: PathBuf,
        reason: crate::i18n::Os,
    },
    Create {
        path: PathBuf,
        reason: Box<Msg>,
    },
    InMemory {
        path: PathBuf,
    },
    Foreign {
        path: PathBuf,
    },
    Corrupt {
        path: PathBuf,
        reason: String,
    },
    Damaged {
        path: PathBuf,
        reason: String,
    },
    Unrecoverable {
        path: PathBuf,
        reason: String,
    },
    DamagedPage {
        reason: String,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    TooOldToRead {
        path: PathBuf,
        found: i64,
    },
    Migrate {
        path: PathBuf,
        from: i64,
        reason: String,
    },
    ReadOnly {
        path: PathBuf,
    },
    FolderReadOnly {
        path: PathBuf,
        folder: PathBuf,
    },
    UnreadableJournal {
        path: PathBuf,
        wal: PathBuf,
    },
    Locked {
        path: PathBuf,
    },
    Exists {
        path: PathBuf,
    },
    Open {
        path: PathBuf,
        reason: String,
    },
    Busy,
    Sql(rusqlite::Error),
    Malformed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

impl StoreError {
    /// What the user reads, in their language.
    pub fn message(&self) -> Msg {
        let shown = |p: &Path| crate::sanitize::line(&p.display().to_string());
        Msg::Cache(Cache::Store(match self {
            StoreError::NoCache { path } => StoreMsg::NoCache { path: shown(path) },
            StoreError::IsFolder { path } => StoreMsg::IsFolder {
                path: shown(path),
                example: shown(&path.join("cache.db")),
            },
            StoreError::NotAFile { path } => StoreMsg::NotAFile { path: shown(path) },
            StoreError::NoFolder { path, folder } => StoreMsg::NoFolder {
                path: shown(path),
                folder: shown(folder),
            },
            StoreError::FolderIsFile { path, folder } => StoreMsg::FolderIsFile {
                path: shown(path),
                folder: shown(folder),
            },
            StoreError::Unreadable { path, reason } => StoreMsg::CannotReadCache {
                path: shown(path),
                reason: reason.clone(),
            },
            StoreError::Create { path, reason } => StoreMsg::Create {
                path: shown(path),
                reason: reason.clone(),
            },
            StoreError::InMemory { path } => StoreMsg::InMemory { path: shown(path) },
            StoreError::Foreign { path } => StoreMsg::Foreign { path: shown(path) },
            StoreError::Corrupt { path, reason } => StoreMsg::Corrupt {
                path: shown(path),
                reason: crate::sanitize::line(reason),
            },
            StoreError::Damaged { path, reason } => StoreMsg::Damaged {
                path: shown(path),
                reason: crate::sanitize::line(reason),
            },
            StoreError::Unrecoverable { path, reason } => StoreMsg::Unrecoverable {
                path: shown(path),
                reason: crate::sanitize::line(reason),
            },
            StoreError::DamagedPage { reason } => StoreMsg::DamagedPage {
                reason: crate::sanitize::line(reason),
            },
            StoreError::TooNew { path, found, known } => StoreMsg::TooNew {
                path: shown(path),
                found: *found,
                known: *known,
            },
            StoreError::TooOldToRead { path, found } => StoreMsg::TooOldToRead {
                path: shown(path),
                found: *found,
            },
            StoreError::Migrate { path, from, reason } => StoreMsg::Migrate {
                path: shown(path),
                from: *from,
                reason: crate::sanitize::line(reason),
            },
            StoreError::ReadOnly { path } => StoreMsg::ReadOnly { path: shown(path) },
            StoreError::FolderReadOnly { path, folder } => StoreMsg::FolderReadOnly {
                path: shown(path),
                folder: shown(folder),
            },
            StoreError::UnreadableJournal { path, wal } => StoreMsg::UnreadableJournal {
                path: shown(path),
                wal: shown(wal),
            },
            StoreError::Locked { path } => StoreMsg::Locked { path: shown(path) },
            StoreError::Exists { path } => StoreMsg::Exists { path: shown(path) },
            StoreError::Open { path, reason } => StoreMsg::Open {
                path: shown(path),
                reason: crate::sanitize::line(reason),
            },
            StoreError::Busy => StoreMsg::Busy,
            StoreError::Sql(e) => StoreMsg::Sql(crate::sanitize::line(&e.to_string())),
            StoreError::Malformed(v) => StoreMsg::Malformed(crate::sanitize::line(v)),
        }))
    }

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
        Store::prepare_writable(conn, None, false, open::Empty::Claim)
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
mod incremental_tests;
#[cfg(test)]
mod open_tests;
#[cfg(test)]
mod tests;
