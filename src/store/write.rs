//! Imports: one file per transaction, or a batch of files per
//! transaction; and the other writes (read marks, session, selection).

use rusqlite::{params, Connection, TransactionBehavior};

use super::apply::apply;
use super::source::SourceFile;
use super::{Store, StoreError};
use crate::model::{Bulletin, IssueKey, SeriesId};

pub use crate::model::ImportOutcome;

/// The page cache while a batch is open, in KiB: a batch of the import's
/// size (a few hundred files, a few MB) and the index pages it touches.
const BATCH_CACHE_KIB: u32 = 32 * 1024;
const STATEMENT_CACHE: usize = 64;
/// WAL pages between two checkpoints while importing (SQLite's default is
/// 1,000): the index pages every file touches are then copied into the
/// cache once per 64 MiB or so of 16 KiB pages, not once per 16 MiB, and
/// synced as rarely. The journal grows that much at most before it is
/// folded back.
const BATCH_CHECKPOINT_PAGES: u32 = 4096;

impl Store {
    /// Stores one parsed file and everything it says, in one transaction:
    /// if anything fails, the cache is as it was.
    pub fn import_file(
        &mut self,
        label: &str,
        raw: &[u8],
        bulletin: &Bulletin,
    ) -> Result<ImportOutcome, StoreError> {
        self.import_source(&SourceFile::new(
            label.into(),
            raw.to_vec(),
            bulletin.clone(),
        ))
    }

    /// [`Store::import_file`] for a file prepared already.
    pub fn import_source(&mut self, file: &SourceFile) -> Result<ImportOutcome, StoreError> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let outcome = store_source(&tx, file)?;
        tx.commit()?;
        Ok(outcome)
    }

    /// Starts a batch: one transaction that stores several files. Nothing
    /// of it is in the cache before [`Store::commit_batch`] returns, so a
    /// caller reports its files as stored only then.
    pub fn begin_batch(&mut self) -> Result<(), StoreError> {
        self.writable()?;
        // A batch's pages stay in memory until its commit: SQLite's
        // default 2 MB cache would spill them into the journal half-way
        // and write the busiest ones again at the commit; statement
        // journals stay in memory too.
        self.conn.execute_batch(&format!(
            "PRAGMA cache_size = -{BATCH_CACHE_KIB}; PRAGMA temp_store = MEMORY;
             PRAGMA wal_autocheckpoint = {BATCH_CHECKPOINT_PAGES}"
        ))?;
        // The batch's statements (inserts of 1 to 8 rows among them) stay
        // prepared, rather than pushing each other out of rusqlite's 16.
        self.conn
            .set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        self.conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
        Ok(())
    }

    /// [`Store::import_source`] inside the open batch. On an error the
    /// whole batch is undone (SQLite itself ends the transaction after
    /// some errors, a full disk or an I/O error): the caller stores the
    /// batch's files again, each in its own transaction, so that only the
    /// failing one fails.
    pub fn import_in_batch(&mut self, file: &SourceFile) -> Result<ImportOutcome, StoreError> {
        store_source(&self.conn, file).inspect_err(|_| {
            let _ = self.rollback_batch();
        })
    }

    /// Whether a batch is open.
    pub fn batch_open(&self) -> bool {
        !self.conn.is_autocommit()
    }

    pub fn commit_batch(&mut self) -> Result<(), StoreError> {
        self.conn.prepare_cached("COMMIT")?.execute([])?;
        Ok(())
    }

    /// Undoes the open batch, if any.
    pub fn rollback_batch(&mut self) -> Result<(), StoreError> {
        if self.batch_open() {
            self.conn.execute_batch("ROLLBACK")?;
        }
        Ok(())
    }

    /// Stores a bulletin that has no file behind it (tests, generated data):
    /// its JSON form stands in for the raw source.
    pub fn import_bulletin(&mut self, bulletin: &Bulletin) -> Result<ImportOutcome, StoreError> {
        let raw = serde_json::to_vec(bulletin).map_err(|e| StoreError::Malformed(e.to_string()))?;
        self.import_file("<generated>", &raw, bulletin)
    }

    /// Marks an issue read or unread. Import never touches this state.
    pub fn set_read(&self, key: IssueKey, read: bool) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .prepare_cached(
                "INSERT INTO user_state (series, year, number, read) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (series, year, number) DO UPDATE SET read = excluded.read",
            )?
            .execute(params![key.series.id(), key.year, key.number, read])?;
        Ok(())
    }

    /// Marks every cached issue read, in one statement (so one
    /// transaction); returns how many were unread. Issues known only by
    /// reference get no mark, as `set_read` callers ensure one by one.
    pub fn mark_all_read(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "INSERT INTO user_state (series, year, number, read)
                 SELECT i.series, i.year, i.number, 1 FROM issues i
                 WHERE i.cached = 1 AND NOT EXISTS (SELECT 1 FROM user_state u
                     WHERE u.series = i.series AND u.year = i.year AND u.number = i.number
                        AND u.read = 1)
                 ON CONFLICT (series, year, number) DO UPDATE SET read = 1",
            )?
            .execute([])?)
    }

    /// [`Store::mark_all_read`] for the issues of `series` only: the TUI's
    /// `A` marks the series it shows.
    pub fn mark_all_read_of(&self, series: SeriesId) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "INSERT INTO user_state (series, year, number, read)
                 SELECT i.series, i.year, i.number, 1 FROM issues i
                 WHERE i.series = ?1 AND i.cached = 1 AND NOT EXISTS (SELECT 1 FROM user_state u
                     WHERE u.series = i.series AND u.year = i.year AND u.number = i.number
                        AND u.read = 1)
                 ON CONFLICT (series, year, number) DO UPDATE SET read = 1",
            )?
            .execute([series.id()])?)
    }

    /// Records that a TUI session ends at `at` having seen every source
    /// stored so far: the next start counts full copies that arrive later.
    pub fn end_session(&self, at: chrono::DateTime<chrono::Utc>) -> Result<(), StoreError> {
        self.conn
            .prepare_cached(
                "INSERT INTO meta (key, value) VALUES
                    ('session_last_source', (SELECT ifnull(max(id), 0) FROM sources)),
                    ('session_ended_at', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute([at.to_rfc3339()])?;
        Ok(())
    }

    /// Remembers the issue the TUI showed last.
    pub fn set_last_selected(&self, key: IssueKey) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .prepare_cached(
                "INSERT INTO meta (key, value) VALUES ('last_selected', ?1)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            )?
            .execute([key.to_string()])?;
        Ok(())
    }
}

/// Stores one source unless its bytes are stored already, and says what
/// it did to its issue.
pub(super) fn store_source(
    conn: &Connection,
    file: &SourceFile,
) -> Result<ImportOutcome, StoreError> {
    // A file stored before (by its hash, the unique key) is left alone.
    let stored = conn
        .prepare_cached(
            "INSERT INTO sources (sha256, path, format, imported_at, raw)
             VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (sha256) DO NOTHING",
        )?
        .execute(params![
            file.sha256(),
            file.label,
            file.format,
            chrono::Utc::now().to_rfc3339(),
            file.raw
        ])?;
    if stored == 0 {
        return Ok(ImportOutcome::Unchanged);
    }
    let (before, after) = apply(conn, conn.last_insert_rowid(), &file.said)?;
    Ok(match before {
        _ if file.said.stub => ImportOutcome::StubMerged,
        None => ImportOutcome::New,
        Some(b) if !b.cached => ImportOutcome::New,
        // New bytes, but another copy still wins the issue.
        Some(b) if b == after => ImportOutcome::LowerCopy,
        _ => ImportOutcome::Updated,
    })
}
