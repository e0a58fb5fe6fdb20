//! Imports: one file, one transaction.

use rusqlite::{params, OptionalExtension, Transaction, TransactionBehavior};
use sha2::{Digest, Sha256};

use super::merge::{self, Claim, Rank, Strength};
use super::read::{claim_from_row, CLAIM_COLUMNS};
use super::{Store, StoreError};
use crate::model::{ArticleId, Bulletin, IssueKey, Metric, Period, RecentRef};
use crate::parse::article_id;

/// What importing one file did to the cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportOutcome {
    /// A full copy of an issue the cache did not hold in full before.
    New,
    /// A full copy that changed what the cache shows of its issue.
    Updated,
    /// The file was imported before, or adds nothing.
    Unchanged,
    /// A stub (repost, empty page): merged as an alias and title.
    StubMerged,
}

/// The issue row's fields that decide whether an import changed it.
type Snapshot = (Option<String>, Option<String>, bool);

impl Store {
    /// Stores one parsed file and everything it says, in one transaction:
    /// if anything fails, the cache is as it was.
    pub fn import_file(
        &mut self,
        label: &str,
        raw: &[u8],
        bulletin: &Bulletin,
    ) -> Result<ImportOutcome, StoreError> {
        self.writable()?;
        let sha = hex_sha256(raw);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let known: bool = tx
            .prepare_cached("SELECT 1 FROM sources WHERE sha256 = ?1")?
            .exists([&sha])?;
        if known {
            return Ok(ImportOutcome::Unchanged);
        }
        let key = bulletin.key;
        let before = snapshot(&tx, key)?;
        tx.prepare_cached(
            "INSERT INTO sources (sha256, path, format, imported_at, raw) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            sha,
            label,
            bulletin.format.as_str(),
            chrono::Utc::now().to_rfc3339(),
            raw
        ])?;
        apply(&tx, tx.last_insert_rowid(), &sha, bulletin)?;
        let after = snapshot(&tx, key)?;
        tx.commit()?;

        Ok(match (bulletin.completeness, before, after) {
            (crate::model::Completeness::Stub, _, _) => ImportOutcome::StubMerged,
            (_, None, _) => ImportOutcome::New,
            (_, Some((_, _, false)), _) => ImportOutcome::New,
            (_, b, a) if b == a => ImportOutcome::Unchanged,
            _ => ImportOutcome::Updated,
        })
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
                "INSERT INTO user_state (year, number, read) VALUES (?1, ?2, ?3)
                 ON CONFLICT (year, number) DO UPDATE SET read = excluded.read",
            )?
            .execute(params![key.year, key.number, read])?;
        Ok(())
    }

    /// Marks every cached issue read, in one statement (so one
    /// transaction); returns how many were unread. Issues known only by
    /// reference get no mark, as `set_read` callers ensure one by one.
    pub fn mark_all_read(&self) -> Result<usize, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "INSERT INTO user_state (year, number, read)
                 SELECT i.year, i.number, 1 FROM issues i
                 WHERE i.cached = 1 AND NOT EXISTS (SELECT 1 FROM user_state u
                     WHERE u.year = i.year AND u.number = i.number AND u.read = 1)
                 ON CONFLICT (year, number) DO UPDATE SET read = 1",
            )?
            .execute([])?)
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

/// Records what one stored source says: its own claim, a claim for each
/// issue its 近期回顾 names, then the merged rows of every issue touched.
fn apply(
    tx: &Transaction<'_>,
    source_id: i64,
    sha: &str,
    bulletin: &Bulletin,
) -> Result<(), StoreError> {
    let key = bulletin.key;
    let strength = Strength {
        rank: Rank::of(bulletin) as i64,
        richness: merge::richness(bulletin),
        sha256: sha.to_string(),
    };
    let own = Claim {
        strength: strength.clone(),
        title: Some(bulletin.title.clone()),
        period: bulletin.period,
        published: bulletin.published,
        source: bulletin.source.clone(),
        url: bulletin.url.clone(),
        assessment: bulletin.assessment,
        figures: bulletin.figures,
    };
    insert_claim(tx, source_id, key, &own, bulletin.article.as_ref())?;
    let mut touched = vec![key];
    for r in &bulletin.recent {
        let Some(ref_key) = r.key else { continue };
        let claim = reference_claim(r, sha);
        let id = r.url.as_deref().and_then(article_id);
        insert_claim(tx, source_id, ref_key, &claim, id.as_ref())?;
        if !touched.contains(&ref_key) {
            touched.push(ref_key);
        }
    }
    for k in &touched {
        rederive(tx, *k)?;
    }
    replace_body_if_stronger(tx, bulletin, &strength)
}

/// Counts from re-deriving the cache from its stored sources.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reindexed {
    pub sources: usize,
    pub bulletins: usize,
}

impl Store {
    /// Rebuilds every issue from the raw sources the cache keeps, with the
    /// given parser (normally this build's). Reading state is kept; the
    /// whole rebuild is one transaction.
    pub fn reindex(
        &mut self,
        parse: impl Fn(&[u8]) -> Option<Bulletin>,
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
        {
            let mut sources = tx.prepare("SELECT id, sha256, raw FROM sources ORDER BY id")?;
            let mut rows = sources.query([])?;
            while let Some(row) = rows.next()? {
                counts.sources += 1;
                let raw: Vec<u8> = row.get(2)?;
                if let Some(b) = parse(&raw) {
                    let sha: String = row.get(1)?;
                    apply(&tx, row.get(0)?, &sha, &b)?;
                    counts.bulletins += 1;
                }
            }
        }
        tx.commit()?;
        Ok(counts)
    }
}

pub fn hex_sha256(raw: &[u8]) -> String {
    let digest = Sha256::digest(raw);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn reference_claim(r: &RecentRef, sha: &str) -> Claim {
    Claim {
        strength: Strength {
            rank: Rank::Reference as i64,
            richness: 0,
            sha256: sha.to_string(),
        },
        title: Some(r.title.clone()),
        period: r.period,
        url: r.url.clone(),
        ..Claim::default()
    }
}

fn insert_claim(
    tx: &Transaction<'_>,
    source_id: i64,
    key: IssueKey,
    c: &Claim,
    id: Option<&ArticleId>,
) -> Result<(), StoreError> {
    tx.prepare_cached(
        "INSERT INTO claims (source_id, year, number, rank, richness, sha256, title,
            period_start, period_end, published, source, url, biz, mid, idx, assessment,
            events_handled, cross_border, phishing_complaints, malicious_app_platforms, malicious_urls)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
    )?
    .execute(params![
        source_id,
        key.year,
        key.number,
        c.strength.rank,
        c.strength.richness,
        c.strength.sha256,
        c.title,
        c.period.map(|p| p.start),
        c.period.map(|p| p.end),
        c.published,
        c.source,
        c.url,
        id.map(|i| &i.biz),
        id.map(|i| &i.mid),
        id.map(|i| &i.idx),
        c.assessment.map(|a| a.chinese()),
        c.figures.get(Metric::EventsHandled),
        c.figures.get(Metric::CrossBorder),
        c.figures.get(Metric::PhishingComplaints),
        c.figures.get(Metric::MaliciousAppPlatforms),
        c.figures.get(Metric::MaliciousUrls),
    ])?;
    Ok(())
}

/// Recomputes an issue's small fields from all its claims.
fn rederive(tx: &Transaction<'_>, key: IssueKey) -> Result<(), StoreError> {
    let claims = {
        let mut stmt = tx.prepare_cached(&format!(
            "SELECT {CLAIM_COLUMNS} FROM claims WHERE year = ?1 AND number = ?2"
        ))?;
        let rows = stmt.query_map(params![key.year, key.number], claim_from_row)?;
        rows.collect::<Result<Vec<_>, _>>()?
    };
    let m = merge::merge(&claims);
    let f = m.figures;
    tx.prepare_cached(
        "INSERT INTO issues (year, number, title, period_start, period_end, published, source, url,
            assessment, events_handled, cross_border, phishing_complaints, malicious_app_platforms,
            malicious_urls, cached)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
         ON CONFLICT (year, number) DO UPDATE SET
            title = excluded.title, period_start = excluded.period_start,
            period_end = excluded.period_end, published = excluded.published,
            source = excluded.source, url = excluded.url, assessment = excluded.assessment,
            events_handled = excluded.events_handled, cross_border = excluded.cross_border,
            phishing_complaints = excluded.phishing_complaints,
            malicious_app_platforms = excluded.malicious_app_platforms,
            malicious_urls = excluded.malicious_urls, cached = excluded.cached",
    )?
    .execute(params![
        key.year,
        key.number,
        m.title,
        m.period.map(|p: Period| p.start),
        m.period.map(|p: Period| p.end),
        m.published,
        m.source,
        m.url,
        m.assessment.map(|a| a.chinese()),
        f.events_handled,
        f.cross_border,
        f.phishing_complaints,
        f.malicious_app_platforms,
        f.malicious_urls,
        m.cached,
    ])?;
    Ok(())
}

/// The body, images and 近期回顾 come whole from the strongest copy.
fn replace_body_if_stronger(
    tx: &Transaction<'_>,
    b: &Bulletin,
    strength: &Strength,
) -> Result<(), StoreError> {
    if b.body.is_empty() && b.images.is_empty() && b.recent.is_empty() {
        return Ok(());
    }
    let current: Option<Strength> = tx
        .prepare_cached(
            "SELECT body_rank, body_richness, body_sha256 FROM issues WHERE year = ?1 AND number = ?2",
        )?
        .query_row(params![b.key.year, b.key.number], |r| {
            Ok(Strength {
                rank: r.get(0)?,
                richness: r.get(1)?,
                sha256: r.get(2)?,
            })
        })
        .optional()?;
    if current.is_some_and(|c| c >= *strength) {
        return Ok(());
    }
    tx.prepare_cached(
        "UPDATE issues SET body_rank = ?3, body_richness = ?4, body_sha256 = ?5
         WHERE year = ?1 AND number = ?2",
    )?
    .execute(params![
        b.key.year,
        b.key.number,
        strength.rank,
        strength.richness,
        strength.sha256,
    ])?;
    tx.prepare_cached(
        "INSERT INTO issue_texts (year, number, body, images) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (year, number) DO UPDATE SET body = excluded.body, images = excluded.images",
    )?
    .execute(params![
        b.key.year,
        b.key.number,
        super::text_lines::join(&b.body),
        super::text_lines::join(&b.images),
    ])?;
    tx.prepare_cached("DELETE FROM recent_refs WHERE year = ?1 AND number = ?2")?
        .execute(params![b.key.year, b.key.number])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO recent_refs (year, number, position, ref_year, ref_number, title, url)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (i, r) in b.recent.iter().enumerate() {
        insert.execute(params![
            b.key.year,
            b.key.number,
            i as i64 + 1,
            r.key.map(|k| k.year),
            r.key.map(|k| k.number),
            r.title,
            r.url,
        ])?;
    }
    Ok(())
}

fn snapshot(tx: &Transaction<'_>, key: IssueKey) -> Result<Option<Snapshot>, StoreError> {
    Ok(tx
        .prepare_cached(
            "SELECT title || '|' || ifnull(period_start,'') || '|' || ifnull(published,'') || '|' ||
                    ifnull(assessment,'') || '|' || ifnull(events_handled,'') || '|' ||
                    ifnull(cross_border,'') || '|' || ifnull(phishing_complaints,'') || '|' ||
                    ifnull(malicious_app_platforms,'') || '|' || ifnull(malicious_urls,''),
                    body_sha256, cached
             FROM issues WHERE year = ?1 AND number = ?2",
        )?
        .query_row(params![key.year, key.number], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .optional()?)
}
