//! `zhoubao recover`: a fresh cache from what a damaged one still holds.
//! Every imported file's raw bytes are kept (table `sources`), so the new
//! cache is re-derived from them with this build's parser; read marks and
//! settings are carried over where their rows can still be read. The
//! damaged file is only ever opened read-only.
//!
//! SQLite's own `.recover` lives in the sqlite3 shell, not in the library
//! rusqlite bundles, hence the row-by-row reading here: a damaged page
//! loses the rows on it, not the rows after it.

use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{params, Connection, OptionalExtension};

use super::open::{beside, read_header, read_only_connection, refuse_memory, Sees};
use super::schema::Owner;
use super::source::hex_sha256;
use super::{current_version, Reindexed, Store, StoreError};
use crate::i18n::{Cache, Images, Lang, Msg};
use crate::model::{Bulletin, IssueKey};

/// When the damaged file cannot say how many sources it held, probing
/// for readable rows past a damaged page stops after this many misses.
const PROBE_LIMIT: i64 = 10_000;
/// Sources copied per transaction of the new cache.
const BATCH: usize = 500;

/// What `recover` saved and what it could not.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Recovered {
    /// The new cache.
    pub to: PathBuf,
    /// Stored files copied to the new cache.
    pub sources: usize,
    /// Stored files that could not be read whole (or whose bytes no longer
    /// match their checksum), by the path they were imported from.
    pub lost_paths: Vec<String>,
    /// Stored files that could not be read, path included.
    pub lost_unnamed: usize,
    /// The damaged file could not tell how many files it held: some past
    /// the last readable one may be missing from the counts.
    pub end_unknown: bool,
    /// Re-deriving the new cache from the saved files.
    pub reindexed: Reindexed,
    /// Issues in the new cache (cached or only referenced).
    pub issues: usize,
    pub marks: usize,
    /// Flagged issues and notes carried over with the read marks.
    pub flags: usize,
    pub notes: usize,
    /// Read marks of issues in the new cache that could not be read.
    pub marks_lost: usize,
    /// The table of read marks could not be read whole.
    pub marks_incomplete: bool,
    pub settings: usize,
    pub settings_lost: usize,
    /// Downloaded pictures (and recorded failures) copied.
    pub images: usize,
    /// Pictures that could not be read whole.
    pub images_lost: usize,
}

impl Recovered {
    /// Whether anything could not be saved.
    pub fn lost_anything(&self) -> bool {
        !self.lost_paths.is_empty()
            || self.lost_unnamed > 0
            || self.end_unknown
            || self.marks_lost > 0
            || self.marks_incomplete
            || self.settings_lost > 0
            || self.images_lost > 0
    }
}

impl Recovered {
    /// The report, one message per line (the lost paths as they are).
    pub fn lines(&self) -> Vec<Msg> {
        let shown = |p: &Path| crate::sanitize::line(&p.display().to_string());
        let lost = self.lost_paths.len() + self.lost_unnamed;
        let mut lines = vec![Msg::Cache(Cache::RecoverSaved {
            saved: self.sources,
            of: self.sources + lost,
            to: shown(&self.to),
            issues: self.issues,
            marks: self.marks,
        })];
        if self.flags + self.notes > 0 {
            lines.push(Msg::Cache(Cache::RecoverKeptMarks {
                flags: self.flags,
                notes: self.notes,
            }));
        }
        if lost > 0 {
            lines.push(Msg::Cache(Cache::RecoverLost { files: lost }));
            for path in &self.lost_paths {
                lines.push(Msg::Cache(Cache::Indented(crate::sanitize::line(path))));
            }
            if self.lost_unnamed > 0 {
                lines.push(Msg::Cache(Cache::RecoverLostUnnamed {
                    files: self.lost_unnamed,
                }));
            }
        }
        if self.end_unknown {
            lines.push(Msg::Cache(Cache::RecoverEndUnknown));
        }
        if self.marks_incomplete {
            lines.push(Msg::Cache(Cache::RecoverMarksDamaged {
                lost: self.marks_lost,
            }));
        }
        if self.settings_lost > 0 {
            lines.push(Msg::Cache(Cache::RecoverSettingsLost {
                settings: self.settings_lost,
            }));
        }
        if self.images + self.images_lost > 0 {
            lines.push(Msg::Images(Images::RecoverKept {
                images: self.images,
                lost: self.images_lost,
            }));
        }
        lines
    }

    /// The report in `lang`, a line each.
    pub fn render(&self, lang: Lang) -> String {
        self.lines()
            .iter()
            .map(|m| format!("{}\n", m.text(lang)))
            .collect()
    }
}

/// The English report, for logs and tests.
impl fmt::Display for Recovered {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Where `recover` writes unless told: beside the cache.
pub fn default_recovery_path(cache: &Path) -> PathBuf {
    beside(cache, ".recovered")
}

impl Store {
    /// Whether `path` is a zhoubao cache that SQLite's quick check finds
    /// sound, read as a snapshot so nothing is left beside it: `recover`
    /// has nothing to do for one.
    pub fn is_sound(path: &Path) -> bool {
        let Ok(conn) = read_only_connection(path, Sees::Snapshot) else {
            return false;
        };
        let ours = matches!(read_header(&conn, path), Ok(h) if h.owner() == Owner::Ours);
        ours && conn
            .query_row("PRAGMA quick_check", [], |r| r.get::<_, String>(0))
            .is_ok_and(|first| first == "ok")
    }

    /// Builds a new cache at `to` (which must not exist) from every source
    /// row of the cache at `damaged` that can still be read, re-derived
    /// with `parse`, with the read marks and settings that can be read.
    /// `damaged` is opened read-only and never written.
    pub fn recover(
        damaged: &Path,
        to: &Path,
        parse: impl Fn(&[u8]) -> Option<Bulletin> + Sync,
    ) -> Result<Recovered, StoreError> {
        refuse_memory(to)?;
        let old = read_only_connection(damaged, Sees::Snapshot)?;
        match read_header(&old, damaged) {
            Ok(h) if h.owner() == Owner::Foreign => {
                return Err(StoreError::Foreign {
                    path: damaged.into(),
                })
            }
            Ok(h) if h.owner() == Owner::Unclaimed => {
                return Err(StoreError::NoCache {
                    path: damaged.into(),
                })
            }
            Ok(h) if h.version > current_version() => {
                return Err(StoreError::TooNew {
                    path: damaged.into(),
                    found: h.version,
                    known: current_version(),
                })
            }
            // A damaged table list still has the header's mark.
            Ok(_) | Err(StoreError::Damaged { .. }) => {}
            Err(e) => return Err(e),
        }
        let unrecoverable = |e: rusqlite::Error| StoreError::Unrecoverable {
            path: damaged.into(),
            reason: super::sqlite_reason(&e),
        };
        // Fails when the table list itself is unreadable.
        old.prepare("SELECT id FROM sources WHERE id = ?1")
            .map_err(unrecoverable)?;

        if fs::symlink_metadata(to).is_ok() || !super::open::create_file(to)? {
            return Err(StoreError::Exists { path: to.into() });
        }
        let mut cleanup = RemoveOnDrop(Some(to.to_path_buf()));
        let mut new = Store::create_or_open(to)?;
        let mut report = Recovered {
            to: to.into(),
            ..Recovered::default()
        };
        let copied = copy_sources(&old, &mut new, &mut report)?;
        report.reindexed = new.reindex(parse)?;
        report.issues = new.summaries()?.len();
        copy_marks(&old, &mut new, &mut report)?;
        copy_settings(&old, &new, &copied, &mut report)?;
        (report.images, report.images_lost) = super::images::copy_images(&old, &mut new)?;
        // Closing checkpoints the journal into the file: one file to move.
        drop(new);
        cleanup.0 = None;
        Ok(report)
    }
}

/// Removes a half-built cache (and its journal) when recovery fails.
struct RemoveOnDrop(Option<PathBuf>);

impl Drop for RemoveOnDrop {
    fn drop(&mut self) {
        if let Some(path) = self.0.take() {
            for suffix in ["-wal", "-shm", "-journal"] {
                let _ = fs::remove_file(beside(&path, suffix));
            }
            let _ = fs::remove_file(path);
        }
    }
}

/// One stored file as the damaged cache holds it.
struct Source {
    sha256: String,
    path: String,
    format: String,
    imported_at: String,
    raw: Vec<u8>,
}

/// Copies every readable source row; returns (old id, new id) of each row
/// copied, in order: the new cache numbers its rows afresh.
fn copy_sources(
    old: &Connection,
    new: &mut Store,
    report: &mut Recovered,
) -> Result<Vec<(i64, i64)>, StoreError> {
    let mut copied = Vec::new();
    let (ids, unreachable, end_unknown) = readable_ids(old);
    report.lost_unnamed += unreachable;
    report.end_unknown = end_unknown;
    for chunk in ids.chunks(BATCH) {
        let tx = new.conn.transaction()?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT OR IGNORE INTO sources (sha256, path, format, imported_at, raw)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            for &id in chunk {
                let path: Option<String> = old
                    .query_row("SELECT path FROM sources WHERE id = ?1", [id], |r| r.get(0))
                    .ok();
                let source = old.query_row(
                    "SELECT sha256, format, imported_at, raw FROM sources WHERE id = ?1",
                    [id],
                    |r| {
                        Ok(Source {
                            sha256: r.get(0)?,
                            path: path.clone().unwrap_or_default(),
                            format: r.get(1)?,
                            imported_at: r.get(2)?,
                            raw: r.get(3)?,
                        })
                    },
                );
                // Bytes from a damaged page may read back as other bytes.
                match source {
                    Ok(s) if path.is_some() && hex_sha256(&s.raw) == s.sha256 => {
                        let inserted = insert.execute(params![
                            s.sha256,
                            s.path,
                            s.format,
                            s.imported_at,
                            s.raw
                        ])?;
                        if inserted > 0 {
                            copied.push((id, tx.last_insert_rowid()));
                        }
                        report.sources += 1;
                    }
                    _ => match path {
                        Some(p) => report.lost_paths.push(p),
                        None => report.lost_unnamed += 1,
                    },
                }
            }
        }
        tx.commit()?;
    }
    Ok(copied)
}

/// The ids of every source row that can be reached, in order; how many
/// ids could not be looked up (rows on a damaged page); and whether the
/// highest id is unknown, so some rows past the last one found may be
/// missing from both. A scan that fails goes on past the damage by
/// looking ids up one at a time.
fn readable_ids(old: &Connection) -> (Vec<i64>, usize, bool) {
    let max: Option<i64> = old
        .query_row("SELECT max(id) FROM sources", [], |r| r.get(0))
        .ok()
        .flatten();
    let mut ids = Vec::new();
    let mut unreachable = 0;
    let mut from = 1;
    loop {
        if scan_ids(old, from, &mut ids).is_ok() {
            return (ids, unreachable, false);
        }
        let mut id = ids.last().map_or(from, |last| last + 1).max(from);
        let mut misses = 0;
        let mut failed = 0;
        let resume = loop {
            if max.map_or(misses >= PROBE_LIMIT, |m| id > m) {
                break None;
            }
            match old
                .query_row("SELECT 1 FROM sources WHERE id = ?1", [id], |_| Ok(()))
                .optional()
            {
                Ok(Some(())) => break Some(id),
                Ok(None) => misses += 1,
                Err(_) => {
                    failed += 1;
                    misses += 1;
                }
            }
            id += 1;
        };
        match resume {
            Some(id) => {
                unreachable += failed;
                from = id;
            }
            // Without a known end, failed lookups past the last row found
            // may be rows or may be nothing.
            None if max.is_none() => return (ids, unreachable, true),
            None => return (ids, unreachable + failed, false),
        }
    }
}

fn scan_ids(old: &Connection, from: i64, ids: &mut Vec<i64>) -> rusqlite::Result<()> {
    let mut stmt = old.prepare("SELECT id FROM sources WHERE id >= ?1 ORDER BY id")?;
    let mut rows = stmt.query([from])?;
    while let Some(row) = rows.next()? {
        ids.push(row.get(0)?);
    }
    Ok(())
}

/// The read marks' table has a series column from schema 5 on; an older
/// damaged cache's marks are all 网络安全信息与动态周报's.
fn marks_series(old: &Connection) -> &'static str {
    match old.prepare("SELECT series FROM user_state LIMIT 0") {
        Ok(_) => "series",
        Err(_) => "'cncert'",
    }
}

/// Flags and notes came with schema 8; an older damaged cache has none.
fn marks_extra(old: &Connection) -> &'static str {
    match old.prepare("SELECT flagged, note FROM user_state LIMIT 0") {
        Ok(_) => "flagged, note",
        Err(_) => "0, NULL",
    }
}

/// One row of the reader's marks: series, year, number, read, flagged,
/// note.
type MarkRow = (String, i64, i64, i64, i64, Option<String>);

fn mark_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<MarkRow> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
    ))
}

/// The reader's marks (read, flags, notes) of the damaged cache, every
/// row that can be read: a scan, and where the scan fails a look-up of
/// each issue the new cache knows. Rows of issues neither cache knows
/// are kept when the scan reaches them (their marks wait for the issue).
fn copy_marks(old: &Connection, new: &mut Store, report: &mut Recovered) -> Result<(), StoreError> {
    let mut marks: Vec<MarkRow> = Vec::new();
    let (series, extra) = (marks_series(old), marks_extra(old));
    let scanned = (|| -> rusqlite::Result<()> {
        let mut stmt = old.prepare(&format!(
            "SELECT {series}, year, number, read, {extra} FROM user_state"
        ))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            marks.push(mark_row(r)?);
        }
        Ok(())
    })();
    if scanned.is_err() {
        // Look up the mark of every issue the new cache knows instead.
        report.marks_incomplete = true;
        let have: std::collections::HashSet<(String, i64, i64)> =
            marks.iter().map(|m| (m.0.clone(), m.1, m.2)).collect();
        let keys: Vec<IssueKey> = new.summaries()?.into_iter().map(|s| s.key).collect();
        for key in keys {
            let k = (
                key.series.id().to_string(),
                i64::from(key.year),
                i64::from(key.number),
            );
            if have.contains(&k) {
                continue;
            }
            match old
                .query_row(
                    &format!(
                        "SELECT {series}, year, number, read, {extra} FROM user_state
                         WHERE {series} = ?1 AND year = ?2 AND number = ?3"
                    ),
                    params![k.0, k.1, k.2],
                    mark_row,
                )
                .optional()
            {
                Ok(Some(row)) => marks.push(row),
                Ok(None) => {}
                Err(_) => report.marks_lost += 1,
            }
        }
    }
    let tx = new.conn.transaction()?;
    {
        let mut insert = tx.prepare_cached(
            "INSERT OR REPLACE INTO user_state (series, year, number, read, flagged, note)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for (series, year, number, read, flagged, note) in &marks {
            insert.execute(params![series, year, number, read, flagged, note])?;
        }
    }
    tx.commit()?;
    report.marks = marks.iter().filter(|m| m.3 != 0).count();
    report.flags = marks.iter().filter(|m| m.4 != 0).count();
    report.notes = marks.iter().filter(|m| m.5.is_some()).count();
    Ok(())
}

/// The `meta` rows this build knows. The issue last shown is kept when
/// the new cache still knows it. The last session's "seen up to" source
/// id is an id of the old cache: it becomes the new id of the last row
/// copied from at or below it, so the next start still counts as new
/// exactly the files stored after that session. Anything else is not
/// carried over: it could name rows the new cache numbers differently.
fn copy_settings(
    old: &Connection,
    new: &Store,
    copied: &[(i64, i64)],
    report: &mut Recovered,
) -> Result<(), StoreError> {
    let mut rows: Vec<(String, String)> = Vec::new();
    let scanned = (|| -> rusqlite::Result<()> {
        let mut stmt = old.prepare("SELECT key, value FROM meta")?;
        let mut q = stmt.query([])?;
        while let Some(r) = q.next()? {
            rows.push((r.get(0)?, r.get(1)?));
        }
        Ok(())
    })();
    if scanned.is_err() {
        for key in SETTINGS {
            if rows.iter().any(|(k, _)| k == key) {
                continue;
            }
            match old
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
            {
                Ok(Some(value)) => rows.push((key.to_string(), value)),
                Ok(None) => {}
                Err(_) => report.settings_lost += 1,
            }
        }
    }
    let value = |key: &str| rows.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
    let mut kept: Vec<(&str, String)> = Vec::new();
    if let Some(key) = value("last_selected").and_then(|v| v.parse::<IssueKey>().ok()) {
        if new.summaries()?.iter().any(|s| s.key == key) {
            kept.push(("last_selected", key.to_string()));
        }
    }
    if let Some(seen) = value("session_last_source").and_then(|v| v.parse::<i64>().ok()) {
        let now = copied
            .iter()
            .take_while(|&&(old_id, _)| old_id <= seen)
            .last()
            .map_or(0, |&(_, new_id)| new_id);
        kept.push(("session_last_source", now.to_string()));
        if let Some(at) = value("session_ended_at") {
            kept.push(("session_ended_at", at.to_string()));
        }
    }
    for (key, value) in &kept {
        new.conn.execute(
            "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
            params![key, value],
        )?;
    }
    report.settings = kept.len();
    Ok(())
}

/// The `meta` keys recover looks up one by one when the table is damaged.
const SETTINGS: [&str; 3] = ["last_selected", "session_last_source", "session_ended_at"];
