//! The reader's own layer: read marks, flags and notes, in `user_state`,
//! which no import, reindex or migration writes. A row may name an issue
//! the cache does not know yet: its marks wait for it. Notes are stored
//! as typed; an empty one is no note.

use rusqlite::{params, OptionalExtension};

use super::read::series_at;
use super::{Store, StoreError};
use crate::model::{IssueKey, UserMarks};

/// What merging another cache's marks (`zhoubao import FILE.json`) did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MarksMerged {
    /// Issues the file names.
    pub issues: usize,
    /// Marks newly set: an issue read, flagged, or given a note here for
    /// the first time.
    pub read: usize,
    pub flagged: usize,
    pub notes: usize,
    /// Issues whose note here differs from the file's: the cache's is
    /// kept (the file still holds the other).
    pub conflicts: Vec<IssueKey>,
    /// Issues this cache does not know yet: their marks are kept and show
    /// when the issue arrives.
    pub waiting: Vec<IssueKey>,
}

/// A note as stored: None for a blank one.
fn stored_note(note: Option<&str>) -> Option<&str> {
    note.filter(|n| !n.trim().is_empty())
}

impl Store {
    /// Flags or unflags an issue.
    pub fn set_flag(&self, key: IssueKey, flagged: bool) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .prepare_cached(
                "INSERT INTO user_state (series, year, number, flagged) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (series, year, number) DO UPDATE SET flagged = excluded.flagged",
            )?
            .execute(params![key.series.id(), key.year, key.number, flagged])?;
        Ok(())
    }

    /// Sets the issue's note, as typed; None or a blank text clears it.
    pub fn set_note(&self, key: IssueKey, note: Option<&str>) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .prepare_cached(
                "INSERT INTO user_state (series, year, number, note) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (series, year, number) DO UPDATE SET note = excluded.note",
            )?
            .execute(params![
                key.series.id(),
                key.year,
                key.number,
                stored_note(note)
            ])?;
        Ok(())
    }

    /// The issue's note, as typed; None when it has none.
    pub fn note(&self, key: IssueKey) -> Result<Option<String>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT note FROM user_state WHERE series = ?1 AND year = ?2 AND number = ?3",
            )?
            .query_row(params![key.series.id(), key.year, key.number], |r| {
                r.get::<_, Option<String>>(0)
            })
            .optional()?
            .flatten())
    }

    /// Every issue with a mark of the reader's (read, flagged or noted),
    /// known to the cache or not, oldest first.
    pub fn user_marks(&self) -> Result<Vec<UserMarks>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT series, year, number, read, flagged, note FROM user_state
             WHERE read <> 0 OR flagged <> 0 OR note IS NOT NULL
             ORDER BY series, year, number",
        )?;
        let rows = stmt.query_map([], |r| {
            let Some(series) = series_at(r, 0)? else {
                return Ok(None);
            };
            Ok(Some(UserMarks {
                key: IssueKey::of(series, r.get(1)?, r.get(2)?),
                read: r.get(3)?,
                flagged: r.get(4)?,
                note: r.get(5)?,
            }))
        })?;
        let mut out = Vec::new();
        for row in rows {
            out.extend(row?);
        }
        // Series by declaration, not by id: cncert before cnvd as listed.
        out.sort_by_key(|m| m.key);
        Ok(out)
    }

    /// Adds another cache's marks, in one transaction: a read mark or a
    /// flag is set where the file sets it (never cleared: a mark set on
    /// either side stays); a note is taken where this cache has none, and
    /// a different note here is kept and reported. Nothing is lost.
    pub fn merge_user_marks(&mut self, marks: &[UserMarks]) -> Result<MarksMerged, StoreError> {
        self.writable()?;
        let tx = self.conn.transaction()?;
        let mut merged = MarksMerged {
            issues: marks.len(),
            ..MarksMerged::default()
        };
        {
            let mut current = tx.prepare_cached(
                "SELECT read, flagged, note FROM user_state
                 WHERE series = ?1 AND year = ?2 AND number = ?3",
            )?;
            let mut known = tx.prepare_cached(
                "SELECT 1 FROM issues WHERE series = ?1 AND year = ?2 AND number = ?3",
            )?;
            let mut write = tx.prepare_cached(
                "INSERT INTO user_state (series, year, number, read, flagged, note)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (series, year, number) DO UPDATE SET read = excluded.read,
                    flagged = excluded.flagged, note = excluded.note",
            )?;
            for m in marks {
                let k = params![m.key.series.id(), m.key.year, m.key.number];
                let (read, flagged, note): (bool, bool, Option<String>) = current
                    .query_row(k, |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                    .optional()?
                    .unwrap_or_default();
                let theirs = stored_note(m.note.as_deref());
                let new_note = match (note.as_deref(), theirs) {
                    (None, Some(t)) => {
                        merged.notes += 1;
                        Some(t.to_string())
                    }
                    (Some(ours), Some(t)) if ours != t => {
                        merged.conflicts.push(m.key);
                        note.clone()
                    }
                    _ => note.clone(),
                };
                merged.read += usize::from(m.read && !read);
                merged.flagged += usize::from(m.flagged && !flagged);
                write.execute(params![
                    m.key.series.id(),
                    m.key.year,
                    m.key.number,
                    read || m.read,
                    flagged || m.flagged,
                    new_note
                ])?;
                if known.query_row(k, |_| Ok(())).optional()?.is_none() {
                    merged.waiting.push(m.key);
                }
            }
        }
        tx.commit()?;
        Ok(merged)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: u32) -> IssueKey {
        IssueKey::new(2024, n)
    }

    fn marks(n: u32, read: bool, flagged: bool, note: Option<&str>) -> UserMarks {
        UserMarks {
            key: key(n),
            read,
            flagged,
            note: note.map(str::to_string),
        }
    }

    #[test]
    fn a_note_is_kept_as_typed_and_a_blank_one_clears_it() {
        let s = Store::open_in_memory().unwrap();
        let typed = "第一行\n\x1b[31m红\x1b[0m\t制表\u{202e}";
        s.set_note(key(17), Some(typed)).unwrap();
        assert_eq!(s.note(key(17)).unwrap().as_deref(), Some(typed));
        s.set_note(key(17), Some("  \n ")).unwrap();
        assert_eq!(s.note(key(17)).unwrap(), None);
        assert_eq!(s.note(key(18)).unwrap(), None);
    }

    #[test]
    fn marks_of_issues_the_cache_does_not_know_are_kept_and_listed() {
        let s = Store::open_in_memory().unwrap();
        s.set_flag(key(3), true).unwrap();
        s.set_note(key(2), Some("以后再看")).unwrap();
        s.set_read(key(1), true).unwrap();
        s.set_flag(key(4), true).unwrap();
        s.set_flag(key(4), false).unwrap();
        assert_eq!(
            s.user_marks().unwrap(),
            vec![
                marks(1, true, false, None),
                marks(2, false, false, Some("以后再看")),
                marks(3, false, true, None),
            ],
            "a row with nothing set is not listed"
        );
    }

    #[test]
    fn merging_sets_marks_never_clears_them_and_keeps_a_different_note() {
        let mut s = Store::open_in_memory().unwrap();
        s.set_read(key(1), true).unwrap();
        s.set_note(key(2), Some("mine")).unwrap();
        s.set_note(key(3), Some("same")).unwrap();
        let merged = s
            .merge_user_marks(&[
                marks(1, false, true, Some("theirs")),
                marks(2, true, false, Some("theirs")),
                marks(3, false, false, Some("same")),
            ])
            .unwrap();
        assert_eq!(
            merged,
            MarksMerged {
                issues: 3,
                read: 1,
                flagged: 1,
                notes: 1,
                conflicts: vec![key(2)],
                waiting: vec![key(1), key(2), key(3)],
            }
        );
        assert_eq!(
            s.user_marks().unwrap(),
            vec![
                marks(1, true, true, Some("theirs")),
                marks(2, true, false, Some("mine")),
                marks(3, false, false, Some("same")),
            ]
        );
    }
}
