//! Pure parsers: the bytes of one file in, one [`Bulletin`] out, no IO.
//!
//! The format is chosen by content, never by file name.

use crate::model::Bulletin;

/// Why a file did not yield a bulletin.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Readable, but not an issue of the series (another article, an
    /// expired page, an unnumbered title): the import skips it.
    #[error("not a bulletin of the series: {0}")]
    NotBulletin(String),
    /// Not something the parser can read at all (binary, truncated,
    /// undecodable): the import reports it as failed.
    #[error("{0}")]
    Unreadable(String),
}

impl ParseError {
    /// Skipped files are expected in an archive; failed ones are not.
    pub fn is_skip(&self) -> bool {
        matches!(self, ParseError::NotBulletin(_))
    }
}

/// Parses one file's bytes, whatever its format.
pub fn parse(bytes: &[u8]) -> Result<Bulletin, ParseError> {
    let _ = bytes;
    Err(ParseError::Unreadable("parser not written yet".into()))
}

/// An article's identity from its mp.weixin.qq.com URL.
pub fn article_id(url: &str) -> Option<crate::model::ArticleId> {
    let query = url.split_once('?')?.1;
    let query = query.split('#').next().unwrap_or(query);
    let mut biz = None;
    let mut mid = None;
    let mut idx = None;
    for pair in query.split('&') {
        let pair = pair.strip_prefix("amp;").unwrap_or(pair);
        match pair.split_once('=') {
            Some(("__biz", v)) => biz = Some(v.to_string()),
            Some(("mid", v)) => mid = Some(v.to_string()),
            Some(("idx", v)) => idx = Some(v.to_string()),
            _ => {}
        }
    }
    Some(crate::model::ArticleId {
        biz: biz?,
        mid: mid?,
        idx: idx?,
    })
}
