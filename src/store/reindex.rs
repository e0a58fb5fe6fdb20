//! Re-deriving everything from the stored files: parsed again on every
//! core, then each issue merged once from all its claims. This is the full
//! recompute that the incremental merge of an import must agree with.

use rusqlite::{params, Connection, OptionalExtension, TransactionBehavior};

use super::apply::{insert_claims, issue_before, replace_body_if_stronger, write_issue};
use super::merge::{self, Claim};
use super::read::{claim_from_row_at, series_at, CLAIM_COLUMNS};
use super::source::Said;
use super::{Store, StoreError};
use crate::model::{Bulletin, IssueKey};
use crate::pool::Ordered;

/// Counts from re-deriving the cache from its stored sources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reindexed {
    pub sources: usize,
    pub bulletins: usize,
}

/// Stored files handed to the parsers ahead of the writer: enough to keep
/// every core busy, few enough that the memory they take stays small.
const AHEAD: usize = 64;

/// The rules merge.rs ranks copies by, kept in `meta` as `merge_rules`:
/// 1 (or none) ranked by rank, richness and hash; 2 puts the publisher's
/// own article first (provenance.rs). A cache merged under older rules is
/// re-derived once, by [`Store::rederive_if_merged_by_older_rules`].
pub const MERGE_RULES: i64 = 2;

const MERGE_RULES_KEY: &str = "merge_rules";

impl Store {
    /// Rebuilds every issue from the raw sources the cache keeps, with the
    /// given parser (normally this build's), parsing on every core.
    /// Reading state is kept; the whole rebuild is one transaction.
    pub fn reindex(
        &mut self,
        parse: impl Fn(&[u8]) -> Option<Bulletin> + Sync,
    ) -> Result<Reindexed, StoreError> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let counts = reindex_in(&tx, parse)?;
        tx.commit()?;
        Ok(counts)
    }

    /// Re-derives the cache when it was merged under older rules than
    /// [`MERGE_RULES`] (an upgrade that ranks copies differently), in one
    /// transaction with the mark that it was: None when it is current.
    /// The rules are read inside the transaction, so two processes opening
    /// the same cache re-derive it once.
    pub fn rederive_if_merged_by_older_rules(
        &mut self,
        parse: impl Fn(&[u8]) -> Option<Bulletin> + Sync,
    ) -> Result<Option<Reindexed>, StoreError> {
        if self.read_only || merge_rules(&self.conn)? >= MERGE_RULES {
            return Ok(None);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if merge_rules(&tx)? >= MERGE_RULES {
            return Ok(None);
        }
        let counts = reindex_in(&tx, parse)?;
        mark_current_rules(&tx)?;
        tx.commit()?;
        Ok(Some(counts))
    }
}

/// The rules the cache was last merged under (1 before they were kept).
fn merge_rules(conn: &Connection) -> Result<i64, StoreError> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = ?1",
            [MERGE_RULES_KEY],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(1))
}

/// Marks the cache merged under this build's rules: a new cache, or one
/// just re-derived.
pub(super) fn mark_current_rules(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        params![MERGE_RULES_KEY, MERGE_RULES.to_string()],
    )?;
    Ok(())
}

/// Every issue rebuilt from the stored files, inside `tx`.
fn reindex_in(
    tx: &Connection,
    parse: impl Fn(&[u8]) -> Option<Bulletin> + Sync,
) -> Result<Reindexed, StoreError> {
    tx.execute_batch(
        "DELETE FROM claims; DELETE FROM recent_refs; DELETE FROM issue_texts;
         DELETE FROM issues;",
    )?;
    let mut counts = Reindexed::default();
    let work = |(id, sha, label, raw): (i64, String, String, Vec<u8>)| {
        (id, parse(&raw).map(|b| Said::of(b, sha, &label)))
    };
    std::thread::scope(|scope| -> Result<(), StoreError> {
        let mut pool = Ordered::start(scope, crate::pool::threads(), &work);
        let mut record = |done: Result<(i64, Option<Said>), String>| {
            counts.sources += 1;
            // A crash outside what `parse` catches yields nothing, as
            // an unparsable file does.
            if let Ok((id, Some(said))) = done {
                record_source(tx, id, &said)?;
                counts.bulletins += 1;
            }
            Ok::<_, StoreError>(())
        };
        let mut sources = tx.prepare("SELECT id, sha256, path, raw FROM sources ORDER BY id")?;
        let mut rows = sources.query([])?;
        while let Some(row) = rows.next()? {
            if pool.in_flight() >= AHEAD {
                if let Some(done) = pool.take() {
                    record(done)?;
                }
            }
            pool.submit((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?));
        }
        while let Some(done) = pool.take() {
            record(done)?;
        }
        Ok(())
    })?;
    rederive_all(tx)?;
    Ok(counts)
}

/// The first pass: a source's claims (none marked a winner yet) and its
/// body, when it is the strongest so far.
fn record_source(conn: &Connection, source_id: i64, said: &Said) -> Result<(), StoreError> {
    insert_claims(
        conn,
        source_id,
        &said.claims,
        &vec![false; said.claims.len()],
    )?;
    let key = said.key;
    conn.prepare_cached(
        "INSERT INTO issues (series, year, number) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
    )?
    .execute(params![key.series.id(), key.year, key.number])?;
    let current = issue_before(conn, key)?.map(|b| b.body);
    replace_body_if_stronger(conn, said, current.as_ref())?;
    Ok(())
}

/// The second pass: every issue merged from all its claims, each claim
/// read once, and the winners marked for later imports.
fn rederive_all(conn: &Connection) -> Result<(), StoreError> {
    let mut winners = Vec::new();
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT rowid, series, year, number, {CLAIM_COLUMNS} FROM claims
             INDEXED BY claims_by_key ORDER BY series, year, number, rowid"
        ))?;
        let mut rows = stmt.query([])?;
        let mut key = None;
        let mut group: Vec<(i64, Claim)> = Vec::new();
        let mut flush = |key: Option<IssueKey>, group: &mut Vec<(i64, Claim)>| {
            let Some(key) = key else { return Ok(()) };
            let (rowids, claims): (Vec<i64>, Vec<Claim>) = group.drain(..).unzip();
            let (m, wins) = merge::merge_winners(&claims.iter().collect::<Vec<_>>());
            winners.extend(
                rowids
                    .iter()
                    .zip(&wins)
                    .filter(|(_, w)| **w)
                    .map(|(r, _)| *r),
            );
            write_issue(conn, key, &m)
        };
        while let Some(r) = rows.next()? {
            // Claims of a series this build does not know stay as they are.
            let Some(series) = series_at(r, 1)? else {
                continue;
            };
            let k = IssueKey::of(series, r.get(2)?, r.get(3)?);
            if key != Some(k) {
                flush(key, &mut group)?;
                key = Some(k);
            }
            group.push((r.get(0)?, claim_from_row_at(r, 4, series)?));
        }
        flush(key, &mut group)?;
    }
    let mut mark = conn.prepare_cached("UPDATE claims SET wins = 1 WHERE rowid = ?1")?;
    for rowid in winners {
        mark.execute([rowid])?;
    }
    Ok(())
}
