//! The bulletins' pictures in the cache: one row per picture, by the
//! identity of its address (computed by the caller, images/identity.rs),
//! with its bytes, or, for a download that failed, its reason. Which
//! pictures an issue shows is its `issue_texts.images` list, read here as
//! it is; the join on identity is the caller's, so this file knows
//! nothing of addresses.

use rusqlite::{params, OptionalExtension};

use super::source::hex_sha256;
use super::{Store, StoreError};
use crate::model::IssueKey;

/// A picture to keep: the caller has checked its type and size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewImage<'a> {
    pub identity: &'a str,
    /// The address it was asked for.
    pub url: &'a str,
    /// `png`, `jpeg`, `gif` or `webp`.
    pub kind: &'a str,
    pub width: u32,
    pub height: u32,
    pub bytes: &'a [u8],
}

/// What the cache holds for one picture (its bytes apart: [`Store::image_bytes`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRow {
    pub identity: String,
    pub url: String,
    /// RFC 3339, when it was stored or when the download failed.
    pub fetched_at: String,
    pub state: ImageRowState,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageRowState {
    Cached {
        kind: String,
        width: u32,
        height: u32,
        size: u64,
        sha256: String,
    },
    /// The download's failure in both languages.
    Failed { zh: String, en: String },
}

impl Store {
    /// The image addresses of an issue's shown copy, in order (empty for
    /// an issue the cache does not hold).
    pub fn issue_image_urls(&self, key: IssueKey) -> Result<Vec<String>, StoreError> {
        let images: Option<String> = self
            .conn
            .prepare_cached(
                "SELECT images FROM issue_texts WHERE series = ?1 AND year = ?2 AND number = ?3",
            )?
            .query_row(params![key.series.id(), key.year, key.number], |r| r.get(0))
            .optional()?;
        Ok(super::text_lines::split(&images.unwrap_or_default()))
    }

    /// The bytes of the file the issue's body was read from, to read again
    /// what the cache does not keep (the text around each picture).
    pub fn body_source(&self, key: IssueKey) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT s.raw FROM issues i JOIN sources s ON s.sha256 = i.body_sha256
                 WHERE i.series = ?1 AND i.year = ?2 AND i.number = ?3",
            )?
            .query_row(params![key.series.id(), key.year, key.number], |r| r.get(0))
            .optional()?)
    }

    /// How many bytes [`Store::body_source`] would read: whether reading
    /// the words around the pictures again is cheap enough to do on a key
    /// press (a WeChat page takes milliseconds to parse, a Markdown file
    /// microseconds).
    pub fn body_source_size(&self, key: IssueKey) -> Result<Option<u64>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT length(s.raw) FROM issues i JOIN sources s ON s.sha256 = i.body_sha256
                 WHERE i.series = ?1 AND i.year = ?2 AND i.number = ?3",
            )?
            .query_row(params![key.series.id(), key.year, key.number], |r| r.get(0))
            .optional()?)
    }

    /// The rows the cache has for these identities, in no set order; an
    /// identity without a row is missing from the answer.
    pub fn image_rows(&self, identities: &[&str]) -> Result<Vec<ImageRow>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT identity, url, fetched_at, kind, width, height, size, sha256,
                failed_zh, failed_en
             FROM images WHERE identity = ?1",
        )?;
        let mut rows = Vec::new();
        for identity in identities {
            let row = stmt
                .query_row([identity], |r| {
                    let failed_en: Option<String> = r.get(9)?;
                    let state = match failed_en {
                        Some(en) => ImageRowState::Failed {
                            zh: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
                            en,
                        },
                        None => ImageRowState::Cached {
                            kind: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                            width: r.get::<_, Option<u32>>(4)?.unwrap_or(0),
                            height: r.get::<_, Option<u32>>(5)?.unwrap_or(0),
                            size: r.get::<_, Option<u64>>(6)?.unwrap_or(0),
                            sha256: r.get::<_, Option<String>>(7)?.unwrap_or_default(),
                        },
                    };
                    Ok(ImageRow {
                        identity: r.get(0)?,
                        url: r.get(1)?,
                        fetched_at: r.get(2)?,
                        state,
                    })
                })
                .optional()?;
            rows.extend(row);
        }
        Ok(rows)
    }

    /// A cached picture's bytes; None when there are none (not fetched,
    /// or failed).
    pub fn image_bytes(&self, identity: &str) -> Result<Option<Vec<u8>>, StoreError> {
        Ok(self
            .conn
            .prepare_cached("SELECT bytes FROM images WHERE identity = ?1 AND bytes IS NOT NULL")?
            .query_row([identity], |r| r.get(0))
            .optional()?)
    }

    /// Keeps a picture, in place of an earlier failure or copy.
    pub fn store_image(&mut self, image: &NewImage<'_>) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .prepare_cached(
                "INSERT INTO images (identity, url, fetched_at, kind, width, height, size,
                    sha256, failed_zh, failed_en, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, NULL, NULL, ?9)
                 ON CONFLICT (identity) DO UPDATE SET url = excluded.url,
                    fetched_at = excluded.fetched_at, kind = excluded.kind,
                    width = excluded.width, height = excluded.height, size = excluded.size,
                    sha256 = excluded.sha256, failed_zh = NULL, failed_en = NULL,
                    bytes = excluded.bytes",
            )?
            .execute(params![
                image.identity,
                image.url,
                chrono::Utc::now().to_rfc3339(),
                image.kind,
                image.width,
                image.height,
                image.bytes.len() as i64,
                hex_sha256(image.bytes),
                image.bytes,
            ])?;
        Ok(())
    }

    /// Records why a picture could not be downloaded. A picture already
    /// cached is never replaced by a failure: its bytes stay.
    pub fn store_image_failure(
        &mut self,
        identity: &str,
        url: &str,
        zh: &str,
        en: &str,
    ) -> Result<(), StoreError> {
        self.writable()?;
        self.conn
            .prepare_cached(
                "INSERT INTO images (identity, url, fetched_at, failed_zh, failed_en)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (identity) DO UPDATE SET url = excluded.url,
                    fetched_at = excluded.fetched_at, failed_zh = excluded.failed_zh,
                    failed_en = excluded.failed_en
                 WHERE images.bytes IS NULL",
            )?
            .execute(params![
                identity,
                url,
                chrono::Utc::now().to_rfc3339(),
                zh,
                en
            ])?;
        Ok(())
    }

    /// Pictures cached and downloads failed, over the whole cache.
    pub fn image_counts(&self) -> Result<(usize, usize), StoreError> {
        let (cached, failed): (i64, i64) = self.conn.query_row(
            "SELECT count(bytes), count(*) - count(bytes) FROM images",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((cached as usize, failed as usize))
    }
}

/// Copies every readable picture from a damaged cache (`recover`), in one
/// transaction; a row that cannot be read, or whose bytes no longer match
/// their checksum, is left out. Returns (pictures copied, rows lost);
/// recorded failures are copied too, and not counted.
pub(super) fn copy_images(
    old: &rusqlite::Connection,
    new: &mut Store,
) -> Result<(usize, usize), StoreError> {
    let ids: Vec<i64> = match old.prepare("SELECT id FROM images ORDER BY id") {
        Ok(mut stmt) => match stmt.query_map([], |r| r.get(0)) {
            Ok(rows) => rows.filter_map(Result::ok).collect(),
            Err(_) => return Ok((0, 0)),
        },
        // A cache from before the table, or one whose table list is damaged.
        Err(_) => return Ok((0, 0)),
    };
    let tx = new.conn.transaction()?;
    let (mut copied, mut lost) = (0, 0);
    {
        let mut insert = tx.prepare_cached(
            "INSERT OR IGNORE INTO images (identity, url, fetched_at, kind, width, height, size,
                sha256, failed_zh, failed_en, bytes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        )?;
        for id in ids {
            let row = old.query_row(
                "SELECT identity, url, fetched_at, kind, width, height, size, sha256,
                    failed_zh, failed_en, bytes FROM images WHERE id = ?1",
                [id],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                        r.get::<_, Option<i64>>(4)?,
                        r.get::<_, Option<i64>>(5)?,
                        r.get::<_, Option<i64>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, Option<Vec<u8>>>(10)?,
                    ))
                },
            );
            let Ok(row) = row else {
                lost += 1;
                continue;
            };
            let sound = match (&row.10, &row.7) {
                (Some(bytes), Some(sha)) => hex_sha256(bytes) == *sha,
                (None, _) => row.9.is_some(),
                (Some(_), None) => false,
            };
            if !sound {
                lost += 1;
                continue;
            }
            let picture = row.10.is_some();
            insert.execute(params![
                row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8, row.9, row.10
            ])?;
            copied += usize::from(picture);
        }
    }
    tx.commit()?;
    Ok((copied, lost))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image<'a>(identity: &'a str, bytes: &'a [u8]) -> NewImage<'a> {
        NewImage {
            identity,
            url: "http://img.example/a.png",
            kind: "png",
            width: 3,
            height: 2,
            bytes,
        }
    }

    #[test]
    fn a_picture_is_kept_with_its_size_and_checksum() {
        let mut s = Store::open_in_memory().unwrap();
        s.store_image(&image("img.example/a.png", b"\x89PNG-bytes"))
            .unwrap();
        let rows = s
            .image_rows(&["img.example/a.png", "img.example/none"])
            .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            rows[0].state,
            ImageRowState::Cached {
                kind: "png".into(),
                width: 3,
                height: 2,
                size: 10,
                sha256: hex_sha256(b"\x89PNG-bytes"),
            }
        );
        assert_eq!(
            s.image_bytes("img.example/a.png").unwrap().as_deref(),
            Some(&b"\x89PNG-bytes"[..])
        );
        assert_eq!(s.image_bytes("img.example/none").unwrap(), None);
        assert_eq!(s.image_counts().unwrap(), (1, 0));
    }

    #[test]
    fn a_failure_is_kept_with_its_words_and_never_replaces_a_picture() {
        let mut s = Store::open_in_memory().unwrap();
        s.store_image_failure(
            "img.example/b.png",
            "http://img.example/b.png",
            "空的",
            "empty",
        )
        .unwrap();
        let rows = s.image_rows(&["img.example/b.png"]).unwrap();
        assert_eq!(
            rows[0].state,
            ImageRowState::Failed {
                zh: "空的".into(),
                en: "empty".into()
            }
        );
        assert_eq!(s.image_bytes("img.example/b.png").unwrap(), None);
        // A retry that succeeds replaces the failure.
        s.store_image(&image("img.example/b.png", b"bytes"))
            .unwrap();
        assert!(matches!(
            s.image_rows(&["img.example/b.png"]).unwrap()[0].state,
            ImageRowState::Cached { .. }
        ));
        // A later failure leaves the picture as it was.
        s.store_image_failure("img.example/b.png", "http://x/b.png", "坏", "bad")
            .unwrap();
        assert!(matches!(
            s.image_rows(&["img.example/b.png"]).unwrap()[0].state,
            ImageRowState::Cached { .. }
        ));
        assert_eq!(
            s.image_bytes("img.example/b.png").unwrap().as_deref(),
            Some(&b"bytes"[..])
        );
        assert_eq!(s.image_counts().unwrap(), (1, 0));
    }
}
