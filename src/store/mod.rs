//! The local SQLite cache: owns the connection, migrates the schema, and
//! offers typed queries and one-transaction-per-file imports.
//!
//! How a cache is opened is explicit (open.rs): `import` may create one,
//! other writers need an existing one, and readers can open it read-only.

mod apply;
mod conflicts;
mod error;
mod feeds;
mod figures_json;
mod images;
mod merge;
mod open;
mod provenance;
mod read;
mod recover;
mod reindex;
mod schema;
mod source;
mod text_lines;
mod user;
mod write;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

pub use error::StoreError;
pub use feeds::{FeedItem, FeedRead, FeedResult, FeedState};
pub use images::{ImageRow, ImageRowState, NewImage};
pub use open::LOCK_WAIT;
pub use read::SummariesHead;
pub use recover::{default_recovery_path, Recovered};
pub use reindex::Reindexed;
pub use schema::current_version;
pub use source::SourceFile;
pub use user::MarksMerged;
pub use write::ImportOutcome;

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
mod provenance_tests;
#[cfg(test)]
mod tests;
