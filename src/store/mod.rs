//! The local SQLite cache: owns the connection, migrates the schema, and
//! offers typed queries and one-transaction-per-file imports.

mod merge;
mod read;
mod schema;
mod text_lines;
mod write;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

pub use schema::current_version;
pub use write::{ImportOutcome, Reindexed};

/// What can go wrong with the cache. Messages name the file and say what
/// the user can do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "{path}: not a zhoubao cache (another program's SQLite database); refusing to touch it"
    )]
    Foreign { path: PathBuf },
    #[error("{path}: not a database or corrupt ({reason}); it was left as it is")]
    Corrupt { path: PathBuf, reason: String },
    #[error("{path}: written by a newer zhoubao (schema {found}, this build knows up to {known}); upgrade zhoubao, the cache was left as it is")]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
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
    #[error("{path}: the cache is locked by another process; try again when it finishes")]
    Locked { path: PathBuf },
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

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            _ => StoreError::Sql(e),
        }
    }
}

/// The cache. One per process; the TUI and an import may share the file.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (creating if needed) the cache at `path` and migrates it.
    /// Anything that is not a zhoubao cache of this or an older version is
    /// refused without being written.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|source| classify(path, source))?;
        Store::prepare(conn, path)
    }

    /// A cache that lives only as long as the value: the demo and tests.
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let conn = Connection::open_in_memory()?;
        Store::prepare(conn, Path::new(":memory:"))
    }

    fn prepare(conn: Connection, path: &Path) -> Result<Store, StoreError> {
        let err = |source| classify(path, source);
        conn.busy_timeout(Duration::from_secs(5)).map_err(err)?;
        // Reading the header first: a corrupt or foreign file fails here,
        // before anything is written to it.
        let has_tables = schema::has_tables(&conn).map_err(err)?;
        let app_id = schema::application_id(&conn).map_err(err)?;
        let version = schema::user_version(&conn).map_err(err)?;
        if has_tables && app_id != schema::APPLICATION_ID {
            return Err(StoreError::Foreign { path: path.into() });
        }
        if version > current_version() {
            return Err(StoreError::TooNew {
                path: path.into(),
                found: version,
                known: current_version(),
            });
        }
        // WAL lets the TUI read while an import writes.
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        let mut store = Store { conn };
        store
            .migrate(version)
            .map_err(|e| match classify(path, e) {
                StoreError::Open { path, reason } | StoreError::Corrupt { path, reason } => {
                    StoreError::Migrate {
                        path,
                        from: version,
                        reason,
                    }
                }
                other => other,
            })?;
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> rusqlite::Result<()> {
        for (i, sql) in schema::MIGRATIONS.iter().enumerate().skip(from as usize) {
            let tx = self
                .conn
                .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "application_id", schema::APPLICATION_ID)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    /// The cache file, or None for an in-memory cache: a background fetch
    /// opens its own connection to it.
    pub fn path(&self) -> Option<PathBuf> {
        self.conn
            .path()
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
    }

    /// How long a write waits for another process's lock before giving up.
    pub fn set_busy_timeout(&self, wait: Duration) -> Result<(), StoreError> {
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
}

fn classify(path: &Path, source: rusqlite::Error) -> StoreError {
    use rusqlite::ErrorCode;
    let path = path.to_path_buf();
    // SQLite's own sentence, without the numeric code rusqlite appends.
    let reason = match &source {
        rusqlite::Error::SqliteFailure(e, Some(msg)) if !msg.is_empty() => msg.clone(),
        rusqlite::Error::SqliteFailure(e, _) => e.to_string(),
        other => other.to_string(),
    };
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
mod tests;
