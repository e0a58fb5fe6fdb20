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
