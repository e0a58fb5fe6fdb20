//! What storing one source does to the issues it names: its claims are
//! added and each issue touched is merged from its current winners and
//! the new claims (merge.rs), so the cost of a file does not grow with how
//! many claims its issues have gathered.

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, ToSql};

use super::figures_json;
use super::merge::{self, Claim, Merged, Strength};
use super::provenance::is_publisher;
use super::read::{claim_from_row_at, date_at, CLAIM_COLUMNS};
use super::source::{NewClaim, Said, Text};
use super::StoreError;
use crate::model::{Figures, IssueKey};

/// What the issue row shows that decides whether an import changed it.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Shown {
    title: Option<String>,
    period_start: Option<NaiveDate>,
    published: Option<NaiveDate>,
    assessment: Option<String>,
    figures: Figures,
    last_number: Option<u32>,
    body_sha256: String,
    pub cached: bool,
}

impl Shown {
    fn update(&mut self, m: &Merged) {
        self.title = m.title.clone();
        self.period_start = m.period.map(|p| p.start);
        self.published = m.published;
        self.assessment = m.assessment.map(|a| a.chinese().to_string());
        self.figures.clone_from(&m.figures);
        self.last_number = m.last_number;
        self.cached = m.cached;
    }
}

/// An issue row as it was before a source was applied.
pub(super) struct Before {
    shown: Shown,
    pub body: Strength,
}

/// Records what one stored source says: its own claim, a claim for each
/// issue its 近期回顾 names, the merged row of each issue touched and its
/// body if this copy is the strongest. Returns what the source's own issue
/// showed before and shows after.
pub(super) fn apply(
    conn: &Connection,
    source_id: i64,
    said: &Said,
) -> Result<(Option<Shown>, Shown), StoreError> {
    let key = said.key;
    let before = issue_before(conn, key)?;

    // The new claims of each touched issue, in the source's order (of two
    // equally strong claims the earlier wins, as in a full merge).
    let mut touched: Vec<(IssueKey, Vec<usize>)> = Vec::new();
    let mut slot: HashMap<IssueKey, usize> = HashMap::new();
    for (i, c) in said.claims.iter().enumerate() {
        let at = *slot.entry(c.key).or_insert_with(|| {
            touched.push((c.key, Vec::new()));
            touched.len() - 1
        });
        touched[at].1.push(i);
    }
    let mut wins = vec![false; said.claims.len()];
    let mut merged = Vec::with_capacity(touched.len());
    let mut losers = Vec::new();
    for (k, new) in &touched {
        let winners = current_winners(conn, *k)?;
        let all: Vec<&Claim> = winners
            .iter()
            .map(|(_, c)| c)
            .chain(new.iter().map(|&i| &said.claims[i].claim))
            .collect();
        let (m, won) = merge::merge_winners(&all);
        let (old, fresh) = won.split_at(winners.len());
        losers.extend(
            winners
                .iter()
                .zip(old)
                .filter(|(_, w)| !**w)
                .map(|((rowid, _), _)| *rowid),
        );
        for (&i, &w) in new.iter().zip(fresh) {
            wins[i] = w;
        }
        // Merging the winners alone gave the row as it is; it changes
        // only when a new claim takes a field.
        if fresh.iter().any(|w| *w) {
            merged.push((*k, m));
        }
    }
    insert_claims(conn, source_id, &said.claims, &wins)?;
    for rowid in losers {
        conn.prepare_cached("UPDATE claims SET wins = 0 WHERE rowid = ?1")?
            .execute([rowid])?;
    }
    let mut after = before.as_ref().map(|b| b.shown.clone()).unwrap_or_default();
    for (k, m) in &merged {
        write_issue(conn, *k, m)?;
        if *k == key {
            after.update(m);
        }
    }
    if replace_body_if_stronger(conn, said, before.as_ref().map(|b| &b.body))? {
        after.body_sha256.clone_from(&said.strength.sha256);
    }
    Ok((before.map(|b| b.shown), after))
}

/// The claims of an issue that supply one of its fields, oldest first.
fn current_winners(conn: &Connection, key: IssueKey) -> Result<Vec<(i64, Claim)>, StoreError> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT rowid, {CLAIM_COLUMNS} FROM claims INDEXED BY claims_winning
         WHERE series = ?1 AND year = ?2 AND number = ?3 AND wins = 1 ORDER BY rowid"
    ))?;
    let rows = stmt.query_map(params![key.series.id(), key.year, key.number], |r| {
        Ok((r.get(0)?, claim_from_row_at(r, 1, key.series)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// A date as the cache stores it (`YYYY-MM-DD`, as rusqlite writes a
/// date), without a format string for each one.
fn day(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Claims go in with one statement for up to this many.
const CLAIMS_PER_INSERT: usize = 8;
const CLAIM_INSERT_COLUMNS: usize = 20;

/// Inserts `claims` in their order, `wins[i]` marking the winners.
pub(super) fn insert_claims(
    conn: &Connection,
    source_id: i64,
    claims: &[NewClaim],
    wins: &[bool],
) -> Result<(), StoreError> {
    for (chunk, wins) in claims
        .chunks(CLAIMS_PER_INSERT)
        .zip(wins.chunks(CLAIMS_PER_INSERT))
    {
        let mut stmt = conn.prepare_cached(&INSERT_CLAIMS[chunk.len() - 1])?;
        let mut at = 1;
        for (new, wins) in chunk.iter().zip(wins) {
            let (key, c, id) = (new.key, &new.claim, new.article.as_ref());
            let figures = figures_json::encode(&c.figures);
            let values: [&dyn ToSql; CLAIM_INSERT_COLUMNS] = [
                &source_id,
                &key.series.id(),
                &key.year,
                &key.number,
                &c.strength.rank,
                &c.strength.richness,
                &c.strength.sha256,
                &c.title,
                &day(c.period.map(|p| p.start)),
                &day(c.period.map(|p| p.end)),
                &day(c.published),
                &c.source,
                &c.url,
                &id.map(|i| &i.biz),
                &id.map(|i| &i.mid),
                &id.map(|i| &i.idx),
                &c.assessment.map(|a| a.chinese()),
                &figures,
                &c.last_number,
                wins,
            ];
            for v in values {
                stmt.raw_bind_parameter(at, v)?;
                at += 1;
            }
        }
        stmt.raw_execute()?;
    }
    Ok(())
}

/// The statements inserting 1 to [`CLAIMS_PER_INSERT`] claims, written
/// once: their text is also what finds them in the statement cache.
static INSERT_CLAIMS: LazyLock<Vec<String>> =
    LazyLock::new(|| (1..=CLAIMS_PER_INSERT).map(insert_claims_sql).collect());

fn insert_claims_sql(rows: usize) -> String {
    let row = |r: usize| {
        let first = r * CLAIM_INSERT_COLUMNS + 1;
        let params: Vec<String> = (first..first + CLAIM_INSERT_COLUMNS)
            .map(|i| format!("?{i}"))
            .collect();
        format!("({})", params.join(", "))
    };
    let values: Vec<String> = (0..rows).map(row).collect();
    format!(
        "INSERT INTO claims (source_id, series, year, number, rank, richness, sha256, title,
            period_start, period_end, published, source, url, biz, mid, idx, assessment,
            figures, last_number, wins)
         VALUES {}",
        values.join(", ")
    )
}

/// Writes an issue's merged small fields; its body columns stay.
pub(super) fn write_issue(conn: &Connection, key: IssueKey, m: &Merged) -> Result<(), StoreError> {
    conn.prepare_cached(
        "INSERT INTO issues (series, year, number, last_number, title, period_start, period_end,
            published, source, url, assessment, figures, cached)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
         ON CONFLICT (series, year, number) DO UPDATE SET
            last_number = excluded.last_number, title = excluded.title,
            period_start = excluded.period_start, period_end = excluded.period_end,
            published = excluded.published, source = excluded.source, url = excluded.url,
            assessment = excluded.assessment, figures = excluded.figures,
            cached = excluded.cached",
    )?
    .execute(params![
        key.series.id(),
        key.year,
        key.number,
        m.last_number,
        m.title,
        day(m.period.map(|p| p.start)),
        day(m.period.map(|p| p.end)),
        day(m.published),
        m.source,
        m.url,
        m.assessment.map(|a| a.chinese()),
        figures_json::encode(&m.figures),
        m.cached,
    ])?;
    Ok(())
}

/// The body, images and 近期回顾 come whole from the strongest copy.
/// `current` is the strength of the copy shown now (None: no issue row
/// yet). Returns whether this copy's replaced it.
pub(super) fn replace_body_if_stronger(
    conn: &Connection,
    said: &Said,
    current: Option<&Strength>,
) -> Result<bool, StoreError> {
    let Some(text) = &said.text else {
        return Ok(false);
    };
    if current.is_some_and(|c| *c >= said.strength) {
        return Ok(false);
    }
    let (key, strength) = (said.key, &said.strength);
    let series = key.series.id();
    conn.prepare_cached(
        "UPDATE issues SET body_rank = ?4, body_richness = ?5, body_sha256 = ?6
         WHERE series = ?1 AND year = ?2 AND number = ?3",
    )?
    .execute(params![
        series,
        key.year,
        key.number,
        strength.rank,
        strength.richness,
        strength.sha256,
    ])?;
    conn.prepare_cached(
        "INSERT INTO issue_texts (series, year, number, body, images, truncated)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT (series, year, number) DO UPDATE SET body = excluded.body,
            images = excluded.images, truncated = excluded.truncated",
    )?
    .execute(params![
        series,
        key.year,
        key.number,
        text.body,
        text.images,
        text.truncated
    ])?;
    // 近期回顾 lines are stored only with a body: none to remove before
    // the first.
    if current.is_some_and(|c| !c.sha256.is_empty()) {
        conn.prepare_cached(
            "DELETE FROM recent_refs WHERE series = ?1 AND year = ?2 AND number = ?3",
        )?
        .execute(params![series, key.year, key.number])?;
    }
    insert_recent(conn, key, text)
}

const REFS_PER_INSERT: usize = 8;
const REF_COLUMNS: usize = 9;

fn insert_recent(conn: &Connection, key: IssueKey, text: &Text) -> Result<bool, StoreError> {
    for (n, chunk) in text.recent.chunks(REFS_PER_INSERT).enumerate() {
        let mut stmt = conn.prepare_cached(&INSERT_RECENT[chunk.len() - 1])?;
        let mut at = 1;
        for (i, r) in chunk.iter().enumerate() {
            let position = (n * REFS_PER_INSERT + i) as i64 + 1;
            let values: [&dyn ToSql; REF_COLUMNS] = [
                &key.series.id(),
                &key.year,
                &key.number,
                &position,
                &r.key.map(|k| k.series.id()),
                &r.key.map(|k| k.year),
                &r.key.map(|k| k.number),
                &r.title,
                &r.url,
            ];
            for v in values {
                stmt.raw_bind_parameter(at, v)?;
                at += 1;
            }
        }
        stmt.raw_execute()?;
    }
    Ok(true)
}

static INSERT_RECENT: LazyLock<Vec<String>> =
    LazyLock::new(|| (1..=REFS_PER_INSERT).map(insert_recent_sql).collect());

fn insert_recent_sql(rows: usize) -> String {
    let values: Vec<String> = (0..rows)
        .map(|r| {
            let first = r * REF_COLUMNS + 1;
            let params: Vec<String> = (first..first + REF_COLUMNS)
                .map(|i| format!("?{i}"))
                .collect();
            format!("({})", params.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO recent_refs (series, year, number, position, ref_series, ref_year,
            ref_number, title, url)
         VALUES {}",
        values.join(", ")
    )
}

/// What an issue row shows and whose body it holds; None without a row.
pub(super) fn issue_before(conn: &Connection, key: IssueKey) -> Result<Option<Before>, StoreError> {
    Ok(conn
        .prepare_cached(
            "SELECT title, period_start, published, assessment, figures, last_number, cached,
                body_rank, body_richness, body_sha256,
                (SELECT c.biz FROM sources s JOIN claims c ON c.source_id = s.id
                 WHERE s.sha256 = issues.body_sha256 AND c.series = issues.series
                    AND c.year = issues.year AND c.number = issues.number AND c.rank > 0
                 LIMIT 1),
                (SELECT s.path FROM sources s WHERE s.sha256 = issues.body_sha256)
             FROM issues WHERE series = ?1 AND year = ?2 AND number = ?3",
        )?
        .query_row(params![key.series.id(), key.year, key.number], |r| {
            let body_sha256: String = r.get(9)?;
            let figures: String = r.get(4)?;
            // Whose the shown text is, as its claim says (provenance.rs).
            let biz: Option<String> = r.get(10)?;
            let label: Option<String> = r.get(11)?;
            Ok(Before {
                shown: Shown {
                    title: r.get(0)?,
                    period_start: date_at(r, 1)?,
                    published: date_at(r, 2)?,
                    assessment: r.get(3)?,
                    figures: figures_json::decode(key.series, &figures),
                    last_number: r.get(5)?,
                    cached: r.get(6)?,
                    body_sha256: body_sha256.clone(),
                },
                body: Strength {
                    rank: r.get(7)?,
                    publisher: is_publisher(key.series, biz.as_deref(), label.as_deref()),
                    richness: r.get(8)?,
                    sha256: body_sha256,
                },
            })
        })
        .optional()?)
}
