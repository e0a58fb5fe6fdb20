//! What the cache keeps of the feeds `zhoubao update` reads: each feed's
//! validators (ETag, Last-Modified) and last result, and the issues its
//! items named; and the one transaction that stores a feed's items with
//! its new state, so a feed is stored whole or not at all.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, TransactionBehavior};

use super::merge::Rank;
use super::source::SourceFile;
use super::write::store_source;
use super::{Store, StoreError};
use crate::model::{ImportOutcome, IssueKey, SeriesId};

/// How the last update that reached (or tried) a feed ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedResult {
    /// Read, and its items stored.
    Ok,
    /// The server said nothing changed since the last read.
    NotModified,
    /// Why it failed, as it was said then (in that run's language).
    Failed(String),
}

/// A feed as the cache knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedState {
    pub url: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When an update last reached or tried it.
    pub checked_at: Option<DateTime<Utc>>,
    pub result: Option<FeedResult>,
    /// Items it held when it was last read.
    pub items: usize,
    /// Issues of the series its items have named.
    pub bulletins: usize,
}

/// What a feed said when it was read: its validators and how many items
/// it held.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedRead {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub items: usize,
}

/// An item that is a bulletin, ready to store: its page (the raw the
/// parser reads again at a reindex) and the link it gave.
#[derive(Debug, Clone)]
pub struct FeedItem {
    pub file: SourceFile,
    pub link: Option<String>,
}

impl FeedItem {
    pub fn key(&self) -> IssueKey {
        self.file.said.key
    }

    /// Whether the item carried the article (not only its title).
    pub fn has_text(&self) -> bool {
        !self.file.said.stub
    }
}

impl Store {
    /// What the cache knows of the feed at `url`; None before its first
    /// update.
    pub fn feed_state(&self, url: &str) -> Result<Option<FeedState>, StoreError> {
        let state = self
            .conn
            .prepare_cached(
                "SELECT etag, last_modified, checked_at, result, error, items,
                    (SELECT count(*) FROM feed_items WHERE feed_url = feeds.url)
                 FROM feeds WHERE url = ?1",
            )?
            .query_row([url], |r| {
                let checked: Option<String> = r.get(2)?;
                let result: Option<String> = r.get(3)?;
                let error: Option<String> = r.get(4)?;
                Ok(FeedState {
                    url: url.to_string(),
                    etag: r.get(0)?,
                    last_modified: r.get(1)?,
                    checked_at: checked
                        .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
                        .map(|t| t.with_timezone(&Utc)),
                    result: match result.as_deref() {
                        Some("ok") => Some(FeedResult::Ok),
                        Some("not-modified") => Some(FeedResult::NotModified),
                        Some("failed") => Some(FeedResult::Failed(error.unwrap_or_default())),
                        _ => None,
                    },
                    items: r.get::<_, i64>(5)?.try_into().unwrap_or(0),
                    bulletins: r.get::<_, i64>(6)?.try_into().unwrap_or(0),
                })
            })
            .optional()?;
        Ok(state)
    }

    /// Records an update of the feed that stored nothing: it was not
    /// modified, or it failed. Its validators and items are kept, so a
    /// failure never makes the next update read the feed as new.
    pub fn record_feed_check(
        &self,
        url: &str,
        at: DateTime<Utc>,
        result: &FeedResult,
    ) -> Result<(), StoreError> {
        self.writable()?;
        let (word, error) = match result {
            FeedResult::Ok => ("ok", None),
            FeedResult::NotModified => ("not-modified", None),
            FeedResult::Failed(why) => ("failed", Some(why.as_str())),
        };
        self.conn
            .prepare_cached(
                "INSERT INTO feeds (url, checked_at, result, error) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (url) DO UPDATE SET checked_at = excluded.checked_at,
                    result = excluded.result, error = excluded.error",
            )?
            .execute(params![url, at.to_rfc3339(), word, error])?;
        Ok(())
    }

    /// Stores a feed that was read: every bulletin item, the issues they
    /// name and the feed's new validators, in one transaction, so an
    /// error leaves the cache as it was and the next update reads the
    /// feed again. An item whose page is stored already (the same bytes)
    /// costs no write. Returns each item's outcome, in order.
    pub fn store_feed(
        &mut self,
        url: &str,
        at: DateTime<Utc>,
        read: &FeedRead,
        items: &[FeedItem],
    ) -> Result<Vec<ImportOutcome>, StoreError> {
        self.writable()?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut outcomes = Vec::with_capacity(items.len());
        for item in items {
            let stored = tx
                .prepare_cached("SELECT 1 FROM sources WHERE sha256 = ?1")?
                .query_row([item.file.sha256()], |_| Ok(()))
                .optional()?
                .is_some();
            outcomes.push(if stored {
                ImportOutcome::Unchanged
            } else {
                store_source(&tx, &item.file)?
            });
            let key = item.key();
            tx.prepare_cached(
                "INSERT INTO feed_items (feed_url, series, year, number, link, has_text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (feed_url, series, year, number) DO UPDATE SET
                    link = coalesce(excluded.link, link),
                    has_text = max(has_text, excluded.has_text)
                 WHERE (excluded.link IS NOT NULL AND link IS NOT excluded.link)
                    OR has_text < excluded.has_text",
            )?
            .execute(params![
                url,
                key.series.id(),
                key.year,
                key.number,
                item.link,
                item.has_text()
            ])?;
        }
        let items_seen = i64::try_from(read.items).unwrap_or(i64::MAX);
        tx.prepare_cached(
            "INSERT INTO feeds (url, etag, last_modified, checked_at, result, error, items)
             VALUES (?1, ?2, ?3, ?4, 'ok', NULL, ?5)
             ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,
                last_modified = excluded.last_modified, checked_at = excluded.checked_at,
                result = 'ok', error = NULL, items = excluded.items",
        )?
        .execute(params![
            url,
            read.etag,
            read.last_modified,
            at.to_rfc3339(),
            items_seen
        ])?;
        tx.commit()?;
        Ok(outcomes)
    }

    /// The issues the feed's items named by title and link only, which
    /// the cache does not hold in full: the pages an update fetches.
    /// Oldest first.
    pub fn pending_pages(&self, url: &str) -> Result<Vec<(IssueKey, String)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT f.series, f.year, f.number, f.link FROM feed_items f
             LEFT JOIN issues i
                ON i.series = f.series AND i.year = f.year AND i.number = f.number
             WHERE f.feed_url = ?1 AND f.has_text = 0 AND f.link IS NOT NULL
                AND ifnull(i.cached, 0) = 0
             ORDER BY f.year, f.number, f.series",
        )?;
        let rows = stmt.query_map([url], |r| {
            let series: String = r.get(0)?;
            Ok((series, r.get(1)?, r.get(2)?, r.get::<_, String>(3)?))
        })?;
        let mut pending = Vec::new();
        for row in rows {
            let (series, year, number, link) = row?;
            // A series this build does not know is left for the build that does.
            if let Some(series) = SeriesId::from_id(&series) {
                pending.push((IssueKey::of(series, year, number), link));
            }
        }
        Ok(pending)
    }

    /// How many stored copies of the issue are its own but held no
    /// article text (an empty page, a title-only repost): `show` says the
    /// imported copy was empty rather than asking for one.
    pub fn empty_copies(&self, key: IssueKey) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .prepare_cached(
                "SELECT count(DISTINCT source_id) FROM claims
                 WHERE series = ?1 AND year = ?2 AND number = ?3 AND rank = ?4",
            )?
            .query_row(
                params![key.series.id(), key.year, key.number, Rank::Stub as i64],
                |r| r.get(0),
            )?;
        Ok(n.try_into().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Bulletin, Completeness, Figures, SourceFormat};

    fn bulletin(number: u32, full: bool) -> Bulletin {
        Bulletin {
            format: SourceFormat::WechatHtml,
            key: IssueKey::new(2025, number),
            last_number: None,
            truncated: false,
            title: format!("网络安全信息与动态周报2025年第{number}期"),
            period: None,
            published: None,
            source: Some("测试账号".into()),
            url: Some(format!("https://mp.weixin.qq.com/s/token{number}")),
            article: None,
            urls: Vec::new(),
            assessment: None,
            figures: if full {
                let mut figures = Figures::default();
                let events = crate::model::SeriesId::CNCERT.figure("events_handled");
                figures.set_count(events, Some(100 + i64::from(number)));
                figures
            } else {
                Figures::default()
            },
            images: Vec::new(),
            body: if full {
                vec![format!("第{number}期的正文")]
            } else {
                Vec::new()
            },
            recent: Vec::new(),
            completeness: if full {
                Completeness::Full
            } else {
                Completeness::Stub
            },
        }
    }

    fn item(number: u32, full: bool) -> FeedItem {
        let b = bulletin(number, full);
        let raw = format!("<p>item {number} {full}</p>").into_bytes();
        FeedItem {
            link: b.url.clone(),
            file: SourceFile::new(format!("item{number}"), raw, b),
        }
    }

    const FEED: &str = "http://127.0.0.1:9/feed.xml";

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-07T02:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_feed_read_stores_its_items_its_validators_and_the_issues_it_named() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.feed_state(FEED).unwrap(), None);
        let read = FeedRead {
            etag: Some("\"v1\"".into()),
            last_modified: None,
            items: 3,
        };
        let outcomes = s
            .store_feed(FEED, now(), &read, &[item(3, true), item(4, false)])
            .unwrap();
        assert_eq!(
            outcomes,
            [ImportOutcome::New, ImportOutcome::StubMerged],
            "a full item is new, a title-only one a stub"
        );
        let state = s.feed_state(FEED).unwrap().unwrap();
        assert_eq!(state.etag.as_deref(), Some("\"v1\""));
        assert_eq!(state.result, Some(FeedResult::Ok));
        assert_eq!((state.items, state.bulletins), (3, 2));
        assert_eq!(state.checked_at, Some(now()));
        assert_eq!(
            s.pending_pages(FEED).unwrap(),
            [(
                IssueKey::new(2025, 4),
                "https://mp.weixin.qq.com/s/token4".to_string()
            )],
            "only the title-only item's page is still wanted"
        );
        assert_eq!(s.empty_copies(IssueKey::new(2025, 4)).unwrap(), 1);
        assert_eq!(s.empty_copies(IssueKey::new(2025, 3)).unwrap(), 0);
    }

    #[test]
    fn the_same_items_again_write_no_source() {
        let mut s = Store::open_in_memory().unwrap();
        let read = FeedRead::default();
        s.store_feed(FEED, now(), &read, &[item(3, true)]).unwrap();
        let sources = s.source_count().unwrap();
        let again = s.store_feed(FEED, now(), &read, &[item(3, true)]).unwrap();
        assert_eq!(again, [ImportOutcome::Unchanged]);
        assert_eq!(s.source_count().unwrap(), sources);
    }

    #[test]
    fn a_failure_keeps_the_validators_of_the_last_read() {
        let mut s = Store::open_in_memory().unwrap();
        let read = FeedRead {
            etag: None,
            last_modified: Some("Mon, 07 Dec 2026 01:00:00 GMT".into()),
            items: 1,
        };
        s.store_feed(FEED, now(), &read, &[item(3, true)]).unwrap();
        s.record_feed_check(FEED, now(), &FeedResult::Failed("HTTP 500".into()))
            .unwrap();
        let state = s.feed_state(FEED).unwrap().unwrap();
        assert_eq!(state.result, Some(FeedResult::Failed("HTTP 500".into())));
        assert_eq!(state.last_modified, read.last_modified);
        assert_eq!((state.items, state.bulletins), (1, 1));
        s.record_feed_check(FEED, now(), &FeedResult::NotModified)
            .unwrap();
        let state = s.feed_state(FEED).unwrap().unwrap();
        assert_eq!(state.result, Some(FeedResult::NotModified));
    }

    #[test]
    fn a_page_stored_in_full_is_no_longer_pending() {
        let mut s = Store::open_in_memory().unwrap();
        s.store_feed(FEED, now(), &FeedRead::default(), &[item(4, false)])
            .unwrap();
        assert_eq!(s.pending_pages(FEED).unwrap().len(), 1);
        s.import_bulletin(&bulletin(4, true)).unwrap();
        assert_eq!(s.pending_pages(FEED).unwrap(), []);
    }
}
