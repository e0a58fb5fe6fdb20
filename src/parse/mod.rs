//! Pure parsers: the bytes of one file in, one [`Bulletin`] out, no IO.
//!
//! The format is chosen by content, never by file name. Each format has its
//! own reader (`markdown`, `wechat`) that yields metadata and format-neutral
//! `text::Line`s; `article` turns those into a bulletin the same way for
//! all of them. A further page format (cert.org.cn reports) needs only its
//! own reader and one more arm in `parse_html_text`.

mod article;
mod attr_scan;
mod captions;
mod date;
mod decode;
mod error;
mod figures;
mod html;
mod html_guard;
mod identity;
mod inline;
mod markdown;
mod series;
mod text;
mod wechat;

use crate::model::Bulletin;

pub use captions::{image_contexts, ImageContext};
pub use decode::MAX_FILE_BYTES;
pub use identity::article_id;
pub use wechat::WechatPage;

// The reasons are plain data in `model`; their words are error.rs.
pub use crate::model::{ParseError, Skip, Unreadable};

impl ParseError {
    /// Skipped files are expected in an archive; failed ones are not.
    pub fn is_skip(&self) -> bool {
        matches!(self, ParseError::NotBulletin(_))
    }
}

/// Parses one file's bytes, whatever its format.
pub fn parse(bytes: &[u8]) -> Result<Bulletin, ParseError> {
    decode::check_readable(bytes)?;
    let mut bulletin = match decode::layout(bytes) {
        decode::Layout::Markdown => parse_markdown(bytes),
        decode::Layout::Html => parse_html(bytes),
    }?;
    forget_credentials(&mut bulletin);
    Ok(bulletin)
}

/// A link's `user:password@` is never kept: the addresses are stored,
/// printed, shown and copied.
fn forget_credentials(b: &mut Bulletin) {
    let strip = |u: &mut String| {
        if let std::borrow::Cow::Owned(clean) = crate::sanitize::without_userinfo(u) {
            *u = clean;
        }
    };
    b.url.iter_mut().for_each(strip);
    b.urls.iter_mut().for_each(strip);
    b.images.iter_mut().for_each(strip);
    b.recent
        .iter_mut()
        .filter_map(|r| r.url.as_mut())
        .for_each(strip);
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
