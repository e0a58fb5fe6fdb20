//! Typed queries over the cache.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, types::ValueRef, OptionalExtension, Row};

use super::figures_json;
use super::merge::{Claim, Rank, Strength};
use super::provenance::is_publisher;
use super::{Store, StoreError};
use crate::model::{
    Alias, Assessment, IssueDetail, IssueKey, IssueRow, IssueSummary, IssueText, Period, SeriesId,
    StoredRef,
};
use crate::parse::article_id;

/// The highest source id a TUI session had seen when it ended, and when it
/// ended (None when the time is unreadable).
pub type SessionEnd = (i64, Option<DateTime<Utc>>);

pub const CLAIM_COLUMNS: &str = "rank, richness, sha256, title, period_start, period_end, \
     published, source, url, assessment, figures, last_number, biz, \
     (SELECT path FROM sources WHERE sources.id = claims.source_id)";

/// Where in [`CLAIM_COLUMNS`] the label of the claim's file is.
const CLAIM_LABEL: usize = 13;

/// A claim of an issue of `series` read from [`CLAIM_COLUMNS`] starting
/// at column `from`.
pub fn claim_from_row_at(r: &Row<'_>, from: usize, series: SeriesId) -> rusqlite::Result<Claim> {
    let biz: Option<String> = r.get(from + 12)?;
    let label: Option<String> = r.get(from + CLAIM_LABEL)?;
    Ok(Claim {
        strength: Strength {
            rank: r.get(from)?,
            publisher: is_publisher(series, biz.as_deref(), label.as_deref()),
            richness: r.get(from + 1)?,
            sha256: r.get(from + 2)?,
        },
        title: r.get(from + 3)?,
        period: period(date_at(r, from + 4)?, date_at(r, from + 5)?),
        published: date_at(r, from + 6)?,
        source: r.get(from + 7)?,
        url: r.get(from + 8)?,
        assessment: assessment(r.get(from + 9)?),
        figures: figures_at(r, from + 10, series)?,
        last_number: r.get(from + 11)?,
    })
}

/// The series a row names; None for one this build does not know (a
/// later build's), whose rows it leaves alone.
pub fn series_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<SeriesId>> {
    Ok(match r.get_ref(i)? {
        ValueRef::Text(t) => std::str::from_utf8(t).ok().and_then(SeriesId::from_id),
        _ => None,
    })
}

/// The key of a row whose series, year and number start at column `from`.
fn key_at(r: &Row<'_>, from: usize) -> rusqlite::Result<Option<IssueKey>> {
    let Some(series) = series_at(r, from)? else {
        return Ok(None);
    };
    Ok(Some(IssueKey::of(
        series,
        r.get(from + 1)?,
        r.get(from + 2)?,
    )))
}

fn figures_at(r: &Row<'_>, i: usize, series: SeriesId) -> rusqlite::Result<crate::model::Figures> {
    Ok(match r.get_ref(i)? {
        ValueRef::Text(t) => figures_json::decode(series, std::str::from_utf8(t).unwrap_or("")),
        _ => crate::model::Figures::default(),
    })
}

/// A stored date. `YYYY-MM-DD` (every date the parser keeps) is read
/// directly; anything else as rusqlite reads a date, errors included. The
/// merge reads a few dates per claim, and a format string for each cost
/// more than the rest of reading the claim.
pub fn date_at(r: &Row<'_>, i: usize) -> rusqlite::Result<Option<NaiveDate>> {
    if let ValueRef::Text(t) = r.get_ref(i)? {
        if let Some(d) = plain_date(t) {
            return Ok(Some(d));
        }
    }
    r.get(i)
}

fn plain_date(t: &[u8]) -> Option<NaiveDate> {
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        t.get(range)?.iter().try_fold(0u32, |n, b| {
            b.is_ascii_digit().then(|| n * 10 + u32::from(b - b'0'))
        })
    };
    if t.len() != 10 || t[4] != b'-' || t[7] != b'-' {
        return None;
    }
    NaiveDate::from_ymd_opt(digits(0..4)? as i32, digits(5..7)?, digits(8..10)?)
}

const SUMMARY_COLUMNS: &str = "i.series, i.year, i.number, i.last_number, i.title, \
     i.period_start, i.period_end, i.published, i.assessment, i.figures, i.cached, \
     ifnull(u.read, 0), ifnull(u.flagged, 0), u.note";

/// The join every summary query makes.
const SUMMARY_FROM: &str = "FROM issues i LEFT JOIN user_state u
     ON u.series = i.series AND u.year = i.year AND u.number = i.number";

/// How many columns [`SUMMARY_COLUMNS`] has: further ones start here.
const AFTER_SUMMARY: usize = 14;

/// A summary; None for a row of a series this build does not know.
fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<Option<IssueSummary>> {
    let Some(key) = key_at(r, 0)? else {
        return Ok(None);
    };
    Ok(Some(IssueSummary {
        key,
        last_number: r.get(3)?,
        title: r.get(4)?,
        period: period(date_at(r, 5)?, date_at(r, 6)?),
        published: date_at(r, 7)?,
        assessment: assessment(r.get(8)?),
        figures: figures_at(r, 9, key.series)?,
        cached: r.get(10)?,
        read: r.get(11)?,
        flagged: r.get(12)?,
        note: r.get(13)?,
    }))
}

/// The newest issues of a series and its counts ([`Store::summaries_head`]).
#[derive(Debug, Clone, Default)]
pub struct SummariesHead {
    pub summaries: Vec<IssueSummary>,
    /// Every issue of the series, cached or not.
    pub total: usize,
    /// Cached issues of the series not read.
    pub unread: usize,
}

/// Newest week first; one week's issues in series order.
const NEWEST_FIRST: &str = "ORDER BY i.year DESC, i.number DESC, i.series";

fn period(start: Option<NaiveDate>, end: Option<NaiveDate>) -> Option<Period> {
    Some(Period {
        start: start?,
        end: end?,
    })
}

fn assessment(s: Option<String>) -> Option<Assessment> {
    s.and_then(|s| s.chars().next())
        .and_then(Assessment::from_chinese)
}

impl Store {
    /// Every known issue of every series, cached or not, newest first.
    pub fn summaries(&self) -> Result<Vec<IssueSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} {SUMMARY_FROM} {NEWEST_FIRST}"
        ))?;
        let rows = stmt.query_map([], summary_from_row)?;
        Ok(flatten(rows)?)
    }

    /// Every known issue of `series`, newest first.
    pub fn summaries_of(&self, series: SeriesId) -> Result<Vec<IssueSummary>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} {SUMMARY_FROM} WHERE i.series = ?1 {NEWEST_FIRST}"
        ))?;
        let rows = stmt.query_map([series.id()], summary_from_row)?;
        Ok(flatten(rows)?)
    }

    /// The newest `limit` issues of `series` (as [`Store::summaries_of`]
    /// orders them), with how many issues the series has and how many of
    /// them are cached and unread: what the TUI's first screen needs of a
    /// large cache before the rest is read.
    pub fn summaries_head(
        &self,
        series: SeriesId,
        limit: usize,
    ) -> Result<SummariesHead, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} {SUMMARY_FROM} WHERE i.series = ?1 {NEWEST_FIRST} LIMIT ?2"
        ))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt.query_map(rusqlite::params![series.id(), limit], summary_from_row)?;
        let summaries = flatten(rows)?;
        let (total, unread): (i64, i64) = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*), ifnull(sum(i.cached AND NOT ifnull(u.read, 0)), 0) {SUMMARY_FROM}
             WHERE i.series = ?1"
            ))?
            .query_row([series.id()], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(SummariesHead {
            summaries,
            total: usize::try_from(total).unwrap_or(0),
            unread: usize::try_from(unread).unwrap_or(0),
        })
    }

    /// [`Store::summaries`] with each issue's own URL, for `list` and
    /// `export`: one more column of the same scan. Kept apart from
    /// [`IssueSummary`], which the TUI holds for every issue.
    pub fn rows(&self) -> Result<Vec<IssueRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS}, i.url {SUMMARY_FROM} {NEWEST_FIRST}"
        ))?;
        let rows = stmt.query_map([], |r| {
            let url = r.get(AFTER_SUMMARY)?;
            Ok(summary_from_row(r)?.map(|summary| IssueRow { summary, url }))
        })?;
        Ok(flatten(rows)?)
    }

    /// How many issues the cache knows, cached or only referenced.
    pub fn issue_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM issues", [], |r| r.get(0))?;
        Ok(usize::try_from(n).unwrap_or(0))
    }

    /// The issues `search(query)` finds, newest first, with the title and
    /// body the match is in, so a hit can be shown in context.
    pub fn search_texts(&self, query: &str) -> Result<Vec<IssueText>, StoreError> {
        let Some(pattern) = like_pattern(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.series, i.year, i.number, ifnull(i.title, ''), ifnull(t.body, ''), u.note
             FROM issues i
             LEFT JOIN issue_texts t ON t.series = i.series AND t.year = i.year
                AND t.number = i.number
             LEFT JOIN user_state u ON u.series = i.series AND u.year = i.year
                AND u.number = i.number
             WHERE i.title LIKE ?1 ESCAPE '\\' OR t.body LIKE ?1 ESCAPE '\\'
                OR u.note LIKE ?1 ESCAPE '\\'
             ORDER BY i.year DESC, i.number DESC, i.series",
        )?;
        let rows = stmt.query_map([pattern], |r| {
            let title = r.get(3)?;
            let body = super::text_lines::split(&r.get::<_, String>(4)?);
            let note = r.get(5)?;
            Ok(key_at(r, 0)?.map(|key| IssueText {
                key,
                title,
                body,
                note,
            }))
        })?;
        Ok(flatten(rows)?)
    }

    /// The issue a key names: its own, or the double issue that covers its
    /// number (`cnvd:2024-41` is `cnvd:2024-40`, 第40、41期); None when
    /// nothing names it.
    pub fn resolve(&self, key: IssueKey) -> Result<Option<IssueKey>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT number FROM issues WHERE series = ?1 AND year = ?2
                    AND (number = ?3 OR (number < ?3 AND last_number >= ?3))
                 ORDER BY number = ?3 DESC, number DESC LIMIT 1",
            )?
            .query_row(params![key.series.id(), key.year, key.number], |r| {
                Ok(IssueKey::of(key.series, key.year, r.get(0)?))
            })
            .optional()?)
    }

    /// The summary of one issue (the double issue that covers `key`, if
    /// that is what names it), without its text: what the TUI says of the
    /// same week of another series.
    pub fn summary(&self, key: IssueKey) -> Result<Option<IssueSummary>, StoreError> {
        let Some(key) = self.resolve(key)? else {
            return Ok(None);
        };
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} {SUMMARY_FROM}
                 WHERE i.series = ?1 AND i.year = ?2 AND i.number = ?3"
            ))?
            .query_row(
                params![key.series.id(), key.year, key.number],
                summary_from_row,
            )
            .optional()?
            .flatten())
    }

    /// Everything known of one issue (the double issue that covers `key`,
    /// if that is what names it), or None when nothing names it.
    pub fn detail(&self, key: IssueKey) -> Result<Option<IssueDetail>, StoreError> {
        let Some(key) = self.resolve(key)? else {
            return Ok(None);
        };
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS}, i.source, i.url, ifnull(t.body, ''),
                    ifnull(t.images, ''), ifnull(t.truncated, 0)
                 {SUMMARY_FROM}
                 LEFT JOIN issue_texts t ON t.series = i.series AND t.year = i.year
                    AND t.number = i.number
                 WHERE i.series = ?1 AND i.year = ?2 AND i.number = ?3"
            ))?
            .query_row(params![key.series.id(), key.year, key.number], |r| {
                let a = AFTER_SUMMARY;
                Ok((
                    summary_from_row(r)?,
                    r.get::<_, Option<String>>(a)?,
                    r.get::<_, Option<String>>(a + 1)?,
                    r.get::<_, String>(a + 2)?,
                    r.get::<_, String>(a + 3)?,
                    r.get::<_, bool>(a + 4)?,
                ))
            })
            .optional()?;
        let Some((Some(summary), source, url, body, images, truncated)) = row else {
            return Ok(None);
        };
        let conflicts = super::conflicts::conflicts(&self.own_claims(key)?, &summary);
        Ok(Some(IssueDetail {
            summary,
            source,
            url,
            body: super::text_lines::split(&body),
            images: super::text_lines::split(&images),
            recent: self.recent_refs(key)?,
            aliases: self.aliases(key)?,
            truncated,
            conflicts,
        }))
    }

    /// The claims the issue's own copies make (not what 近期回顾 lines of
    /// other issues say of it), each with the label of its file.
    fn own_claims(&self, key: IssueKey) -> Result<Vec<(Claim, Option<String>)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {CLAIM_COLUMNS} FROM claims INDEXED BY claims_by_key
             WHERE series = ?1 AND year = ?2 AND number = ?3 AND rank > ?4"
        ))?;
        let own = Rank::Reference as i64;
        let rows = stmt.query_map(params![key.series.id(), key.year, key.number, own], |r| {
            Ok((claim_from_row_at(r, 0, key.series)?, r.get(CLAIM_LABEL)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn recent_refs(&self, key: IssueKey) -> Result<Vec<StoredRef>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT r.position, r.ref_series, r.ref_year, r.ref_number, r.title, r.url,
                ifnull(i.cached, 0)
             FROM recent_refs r
             LEFT JOIN issues i ON i.series = r.ref_series AND i.year = r.ref_year
                AND i.number = r.ref_number
             WHERE r.series = ?1 AND r.year = ?2 AND r.number = ?3 ORDER BY r.position",
        )?;
        let rows = stmt.query_map(params![key.series.id(), key.year, key.number], |r| {
            let year: Option<i32> = r.get(2)?;
            let number: Option<u32> = r.get(3)?;
            let series = series_at(r, 1)?;
            Ok(StoredRef {
                position: r.get(0)?,
                key: series
                    .zip(year.zip(number))
                    .map(|(s, (y, n))| IssueKey::of(s, y, n)),
                title: r.get(4)?,
                url: r.get(5)?,
                cached: r.get(6)?,
            })
        })?;
        let mut refs: Vec<StoredRef> = rows.collect::<Result<_, _>>()?;
        // A line without an issue number can still name a cached issue by URL.
        for r in refs.iter_mut().filter(|r| r.key.is_none()) {
            if let Some(url) = r.url.clone() {
                if let Some(k) = self.key_for_url(&url)? {
                    r.cached = self.is_cached(k)?;
                }
            }
        }
        Ok(refs)
    }

    /// Whether the cache holds the issue in full (a fetch walk passes it).
    pub fn is_cached(&self, key: IssueKey) -> Result<bool, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT cached FROM issues WHERE series = ?1 AND year = ?2 AND number = ?3",
            )?
            .query_row(params![key.series.id(), key.year, key.number], |r| r.get(0))
            .optional()?
            .unwrap_or(false))
    }

    /// Every copy of the issue: its own files' URLs and accounts, then the
    /// URLs other issues use for it.
    fn aliases(&self, key: IssueKey) -> Result<Vec<Alias>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT url, source FROM claims WHERE series = ?1 AND year = ?2 AND number = ?3
                AND (url IS NOT NULL OR source IS NOT NULL)
             GROUP BY url, source ORDER BY max(rank) DESC, url, source",
        )?;
        let rows = stmt.query_map(params![key.series.id(), key.year, key.number], |r| {
            Ok(Alias {
                url: r.get(0)?,
                source: r.get(1)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The issue an article URL belongs to, by its identity (`__biz`,
    /// `mid`, `idx`), whatever the URL's other parameters.
    pub fn key_for_url(&self, url: &str) -> Result<Option<IssueKey>, StoreError> {
        let Some(id) = article_id(url) else {
            return Ok(None);
        };
        Ok(self
            .conn
            .prepare_cached(
                // Ties broken by key, not by row order, so the answer does
                // not depend on the order the files were imported in.
                "SELECT series, year, number FROM claims WHERE biz = ?1 AND mid = ?2 AND idx = ?3
                 ORDER BY rank DESC, year, number, series LIMIT 1",
            )?
            .query_row(params![id.biz, id.mid, id.idx], |r| key_at(r, 0))
            .optional()?
            .flatten())
    }

    /// Issues whose title or body contains `query` (ASCII case folded),
    /// newest first. Substring search, so two-character Chinese works.
    pub fn search(&self, query: &str) -> Result<Vec<IssueKey>, StoreError> {
        let Some(pattern) = like_pattern(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.series, i.year, i.number FROM issues i
             LEFT JOIN issue_texts t ON t.series = i.series AND t.year = i.year
                AND t.number = i.number
             LEFT JOIN user_state u ON u.series = i.series AND u.year = i.year
                AND u.number = i.number
             WHERE i.title LIKE ?1 ESCAPE '\\' OR t.body LIKE ?1 ESCAPE '\\'
                OR u.note LIKE ?1 ESCAPE '\\'
             ORDER BY i.year DESC, i.number DESC, i.series",
        )?;
        let rows = stmt.query_map([pattern], |r| key_at(r, 0))?;
        Ok(flatten(rows)?)
    }

    /// [`Store::search`] within one series: only its rows are read.
    pub fn search_of(&self, series: SeriesId, query: &str) -> Result<Vec<IssueKey>, StoreError> {
        let Some(pattern) = like_pattern(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.series, i.year, i.number FROM issues i
             LEFT JOIN issue_texts t ON t.series = i.series AND t.year = i.year
                AND t.number = i.number
             LEFT JOIN user_state u ON u.series = i.series AND u.year = i.year
                AND u.number = i.number
             WHERE i.series = ?2 AND (i.title LIKE ?1 ESCAPE '\\' OR t.body LIKE ?1 ESCAPE '\\'
                OR u.note LIKE ?1 ESCAPE '\\')
             ORDER BY i.year DESC, i.number DESC",
        )?;
        let rows = stmt.query_map(params![pattern, series.id()], |r| key_at(r, 0))?;
        Ok(flatten(rows)?)
    }

    /// The issues of `newest`'s series from `oldest` to `newest`
    /// (inclusive) that `search(query)` would find, newest first: a slice of a full search, read as one range
    /// of the primary key, so a large search can be done a slice at a time.
    pub fn search_between(
        &self,
        query: &str,
        newest: IssueKey,
        oldest: IssueKey,
    ) -> Result<Vec<IssueKey>, StoreError> {
        let Some(pattern) = like_pattern(query) else {
            return Ok(Vec::new());
        };
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.series, i.year, i.number FROM issues i
             LEFT JOIN issue_texts t ON t.series = i.series AND t.year = i.year
                AND t.number = i.number
             LEFT JOIN user_state u ON u.series = i.series AND u.year = i.year
                AND u.number = i.number
             WHERE i.series = ?6 AND (i.year, i.number) <= (?1, ?2)
                AND (i.year, i.number) >= (?3, ?4)
                AND (i.title LIKE ?5 ESCAPE '\\' OR t.body LIKE ?5 ESCAPE '\\'
                OR u.note LIKE ?5 ESCAPE '\\')
             ORDER BY i.year DESC, i.number DESC",
        )?;
        let rows = stmt.query_map(
            params![
                newest.year,
                newest.number,
                oldest.year,
                oldest.number,
                pattern,
                newest.series.id()
            ],
            |r| key_at(r, 0),
        )?;
        Ok(flatten(rows)?)
    }

    /// Those of `candidates` that `search(query)` would find, in the order
    /// given. Looks up only those rows (by primary key, in one statement:
    /// a statement per key costs more than its lookup), so narrowing to
    /// earlier hits, or searching a slice of the list at a time, costs what
    /// the slice costs rather than a scan of every issue.
    pub fn search_within(
        &self,
        query: &str,
        candidates: &[IssueKey],
    ) -> Result<Vec<IssueKey>, StoreError> {
        let Some(pattern) = like_pattern(query).filter(|_| !candidates.is_empty()) else {
            return Ok(Vec::new());
        };
        let keys = candidates
            .iter()
            .map(|k| format!("[\"{}\",{},{}]", k.series.id(), k.year, k.number))
            .collect::<Vec<_>>()
            .join(",");
        let mut stmt = self.conn.prepare_cached(
            "SELECT i.series, i.year, i.number FROM json_each(?1) AS k
             CROSS JOIN issues AS i ON i.series = k.value ->> 0 AND i.year = k.value ->> 1
                AND i.number = k.value ->> 2
             LEFT JOIN issue_texts t ON t.series = i.series AND t.year = i.year
                AND t.number = i.number
             LEFT JOIN user_state u ON u.series = i.series AND u.year = i.year
                AND u.number = i.number
             WHERE i.title LIKE ?2 ESCAPE '\\' OR t.body LIKE ?2 ESCAPE '\\'
                OR u.note LIKE ?2 ESCAPE '\\'",
        )?;
        let rows = stmt.query_map(params![format!("[{keys}]"), pattern], |r| key_at(r, 0))?;
        let found: HashSet<IssueKey> = flatten(rows)?.into_iter().collect();
        Ok(candidates
            .iter()
            .copied()
            .filter(|k| found.contains(k))
            .collect())
    }

    /// The issue the TUI showed last, if any.
    pub fn last_selected(&self) -> Result<Option<IssueKey>, StoreError> {
        let v: Option<String> = self
            .conn
            .prepare_cached("SELECT value FROM meta WHERE key = 'last_selected'")?
            .query_row([], |r| r.get(0))
            .optional()?;
        Ok(v.and_then(|v| v.parse().ok()))
    }

    /// Where the last TUI session ended: the highest source id it had seen
    /// and when; None before the first session ends.
    pub fn last_session(&self) -> Result<Option<SessionEnd>, StoreError> {
        let value = |key: &str| -> Result<Option<String>, StoreError> {
            Ok(self
                .conn
                .prepare_cached("SELECT value FROM meta WHERE key = ?1")?
                .query_row([key], |r| r.get(0))
                .optional()?)
        };
        let Some(seen) = value("session_last_source")? else {
            return Ok(None);
        };
        let seen: i64 = seen
            .parse()
            .map_err(|_| StoreError::Malformed(format!("session_last_source {seen:?}")))?;
        let ended = value("session_ended_at")?
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc));
        Ok(Some((seen, ended)))
    }

    /// Issues whose first full copy came from a source stored after
    /// `source_id`, newest first: what a reader has not seen yet. A second
    /// copy of an issue already held in full is not news.
    pub fn first_full_copies_after(&self, source_id: i64) -> Result<Vec<IssueKey>, StoreError> {
        let full = Rank::Full as i64;
        let mut stmt = self.conn.prepare_cached(
            "SELECT DISTINCT c.series, c.year, c.number FROM claims c
             WHERE c.source_id > ?1 AND c.rank = ?2 AND NOT EXISTS (
                 SELECT 1 FROM claims d WHERE d.series = c.series AND d.year = c.year
                     AND d.number = c.number AND d.rank = ?2 AND d.source_id <= ?1)
             ORDER BY c.year DESC, c.number DESC, c.series",
        )?;
        let rows = stmt.query_map(params![source_id, full], |r| key_at(r, 0))?;
        Ok(flatten(rows)?)
    }

    /// Changes whenever another connection (another zhoubao process) has
    /// committed to the cache since this one last looked.
    pub fn data_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// How many source files the cache keeps.
    pub fn source_count(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT count(*) FROM sources", [], |r| r.get(0))?)
    }
}

/// The rows a query gave, without those of a series this build does not know.
fn flatten<T>(rows: impl Iterator<Item = rusqlite::Result<Option<T>>>) -> rusqlite::Result<Vec<T>> {
    let mut out = Vec::new();
    for row in rows {
        if let Some(v) = row? {
            out.push(v);
        }
    }
    Ok(out)
}

/// The LIKE pattern for a substring search; None for a blank query, which
/// finds nothing.
fn like_pattern(query: &str) -> Option<String> {
    let query = query.trim();
    (!query.is_empty()).then(|| format!("%{}%", escape_like(query)))
}

/// `%`, `_` and `\` are LIKE wildcards.
fn escape_like(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
