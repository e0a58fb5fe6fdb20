//! Re-deriving everything from the stored files: parsed again on every
//! core, then each issue merged once from all its claims. This is the full
//! recompute that the incremental merge of an import must agree with.

use rusqlite::{params, Connection, TransactionBehavior};

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
        tx.execute_batch(
            "DELETE FROM claims; DELETE FROM recent_refs; DELETE FROM issue_texts;
             DELETE FROM issues;",
        )?;
        let mut counts = Reindexed::default();
        let work =
            |(id, sha, raw): (i64, String, Vec<u8>)| (id, parse(&raw).map(|b| Said::of(b, sha)));
        std::thread::scope(|scope| -> Result<(), StoreError> {
            let mut pool = Ordered::start(scope, crate::pool::threads(), &work);
            let mut record = |done: Result<(i64, Option<Said>), String>| {
                counts.sources += 1;
                // A crash outside what `parse` catches yields nothing, as
                // an unparsable file does.
                if let Ok((id, Some(said))) = done {
                    record_source(&tx, id, &said)?;
                    counts.bulletins += 1;
                }
                Ok::<_, StoreError>(())
            };
            let mut sources = tx.prepare("SELECT id, sha256, raw FROM sources ORDER BY id")?;
            let mut rows = sources.query([])?;
            while let Some(row) = rows.next()? {
                if pool.in_flight() >= AHEAD {
                    if let Some(done) = pool.take() {
                        record(done)?;
                    }
                }
                pool.submit((row.get(0)?, row.get(1)?, row.get(2)?));
            }
            while let Some(done) = pool.take() {
                record(done)?;
            }
            Ok(())
        })?;
        rederive_all(&tx)?;
        tx.commit()?;
        Ok(counts)
    }
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
