//! Pure parsers: the bytes of one file in, one [`Bulletin`] out, no IO.
//!
//! The format is chosen by content, never by file name. Each format has its
//! own reader (`markdown`, `wechat`) that yields metadata and format-neutral
//! `text::Line`s; `article` turns those into a bulletin the same way for
//! all of them. A further page format (cert.org.cn reports) needs only its
//! own reader and one more arm in `parse_html_text`.

mod article;
mod attr_scan;
mod date;
mod decode;
mod figures;
mod html;
mod html_guard;
mod identity;
mod inline;
mod markdown;
mod series;
mod text;
mod wechat;

use std::fmt;

use crate::i18n::{Cache, Lang, Msg};
use crate::model::Bulletin;

pub use decode::MAX_FILE_BYTES;
pub use identity::article_id;
pub use wechat::WechatPage;

/// Why a file did not yield a bulletin. The words are the message
/// table's ([`crate::i18n`]): `Display` is the English text, for logs and
/// tests; what the user reads is [`ParseError::message`] in their language.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Readable, but not an issue of the series (another article, an
    /// expired page, an unnumbered title): the import skips it.
    NotBulletin(Skip),
    /// Not something the parser can read at all (binary, truncated,
    /// undecodable): the import reports it as failed.
    Unreadable(Unreadable),
}

/// Why a readable file is not an issue of the series. Quoted titles and
/// accounts are already shortened to one sanitized line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Skip {
    /// No title at all: not an article.
    NoTitle,
    /// Another article altogether, and the account that published it.
    NotSeries { title: String, by: Option<String> },
    /// The series name without `YYYY年第N期`.
    Unnumbered { title: String },
    /// `第0期`, `第999期`: the number as written.
    BadNumber(String),
    /// A year outside [`crate::model::IssueKey::YEARS`].
    BadYear(i32),
    /// An HTML page that is not a WeChat article.
    NotWechat,
    /// A WeChat page saying the article is gone, and what it says.
    NoArticle { message: String },
}

/// Why a file cannot be read as a document at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Unreadable {
    Empty,
    /// Past [`MAX_FILE_BYTES`].
    TooLarge {
        bytes: usize,
    },
    /// NUL bytes or control characters: not text.
    Binary,
    /// Decodes, but mostly to replacement characters.
    MostlyInvalid,
    /// A front matter block opened with `---` and never closed.
    UnclosedFrontMatter,
    /// HTML nesting at least `depth` deep, past `limit`.
    TooDeep {
        depth: usize,
        limit: usize,
    },
    /// Tree-building work past the budget, `percent` of the way through.
    TooCostly {
        percent: usize,
    },
    /// The most attributes found in one tag, past the limit.
    TooManyAttributes {
        most: u64,
    },
    /// Past a time limit (in tenths of a second), `percent` of the way.
    /// The HTML guard counts work instead of reading a clock and no
    /// longer gives this; its words stay in the message table until that
    /// drops them.
    TooSlow {
        tenths: u64,
        percent: usize,
    },
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message().text(Lang::En))
    }
}

/// The reason alone, without "not a bulletin of the series".
impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&Msg::Cache(Cache::SkipReason(self.clone())).text(Lang::En))
    }
}

impl fmt::Display for Unreadable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        ParseError::Unreadable(self.clone()).fmt(f)
    }
}

impl ParseError {
    /// Skipped files are expected in an archive; failed ones are not.
    pub fn is_skip(&self) -> bool {
        matches!(self, ParseError::NotBulletin(_))
    }

    /// What the user reads, in their language.
    pub fn message(&self) -> Msg {
        Msg::from(self.clone())
    }
}

/// Parses one file's bytes, whatever its format.
pub fn parse(bytes: &[u8]) -> Result<Bulletin, ParseError> {
    decode::check_readable(bytes)?;
    match decode::layout(bytes) {
        decode::Layout::Markdown => parse_markdown(bytes),
        decode::Layout::Html => parse_html(bytes),
    }
}

fn parse_markdown(bytes: &[u8]) -> Result<Bulletin, ParseError> {
    let text = decode::decode_plain(bytes)?;
    // UTF-16 files are only recognisable after decoding.
    if decode::layout(text.as_bytes()) == decode::Layout::Html {
        return parse_html_text(&text);
    }
    let (meta, lines) = markdown::read(&text)?;
    article::assemble(meta, &lines)
}

fn parse_html(bytes: &[u8]) -> Result<Bulletin, ParseError> {
    let text = decode::decode_html(bytes)?;
    parse_html_text(&text)
}

fn parse_html_text(text: &str) -> Result<Bulletin, ParseError> {
    let doc = html::parse_page(text)?;
    if !wechat::is_wechat_page(&doc, text) {
        return Err(ParseError::NotBulletin(Skip::NotWechat));
    }
    let (page, lines) = wechat::read(&doc, text);
    if let Some(message) = &page.unavailable {
        return Err(ParseError::NotBulletin(Skip::NoArticle {
            message: text::excerpt(message, 60),
        }));
    }
    article::assemble(page.meta(), &lines)
}

/// Reads a WeChat article page's own fields (title, account, time,
/// identity) without checking that it belongs to the series.
pub fn read_wechat_page(bytes: &[u8]) -> Result<WechatPage, ParseError> {
    decode::check_readable(bytes)?;
    let text = decode::decode_html(bytes)?;
    let doc = html::parse_page(&text)?;
    if !wechat::is_wechat_page(&doc, &text) {
        return Err(ParseError::NotBulletin(Skip::NotWechat));
    }
    Ok(wechat::read(&doc, &text).0)
}
