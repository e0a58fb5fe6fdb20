//! Bytes to text: size and binary checks, format sniffing, character sets.
//!
//! Markdown archives are UTF-8. Saved web pages declare their charset in a
//! `<meta>` tag and pages from Chinese sites may be GBK / GB2312 / GB18030;
//! a declaration can also be wrong, so the bytes get the last word.

use std::borrow::Cow;
use std::sync::LazyLock;

use encoding_rs::{Encoding, GB18030, UTF_8};
use regex::bytes::Regex;

use super::{ParseError, Unreadable};

pub use crate::model::MAX_FILE_BYTES;

/// How far into a page the charset declaration is looked for; the HTML
/// standard's prescan uses 1024 bytes, real pages put long `<head>`s first.
const CHARSET_PRESCAN_BYTES: usize = 8 * 1024;

/// How the content of a file is laid out, decided by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    Markdown,
    Html,
}

/// Refuses what cannot be text: empty, oversized or binary input.
pub(crate) fn check_readable(bytes: &[u8]) -> Result<(), ParseError> {
    if bytes.is_empty() {
        return Err(ParseError::Unreadable(Unreadable::Empty));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ParseError::Unreadable(Unreadable::TooLarge {
            bytes: bytes.len(),
        }));
    }
    if utf16_bom(bytes).is_none() && looks_binary(bytes) {
        return Err(ParseError::Unreadable(Unreadable::Binary));
    }
    Ok(())
}

/// UTF-16 text is full of NUL bytes, so it is recognised by its BOM first.
fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match Encoding::for_bom(bytes) {
        Some((enc, _)) if enc != UTF_8 => Some(enc),
        _ => None,
    }
}

fn looks_binary(bytes: &[u8]) -> bool {
    let head = bytes.get(..64 * 1024).unwrap_or(bytes);
    if head.contains(&0) {
        return true;
    }
    let sample = bytes.get(..8 * 1024).unwrap_or(bytes);
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b))
        .count();
    controls * 10 > sample.len()
}

/// Decides the layout from the first non-blank bytes: front matter or plain
/// text is Markdown, a tag soup start is HTML.
pub(crate) fn layout(text_start: &[u8]) -> Layout {
    let start = skip_bom_and_space(text_start);
    let head = start.get(..1024).unwrap_or(start);
    if head.starts_with(b"---") || !head.starts_with(b"<") {
        return Layout::Markdown;
    }
    let lower = head.to_ascii_lowercase();
    const MARKERS: [&[u8]; 7] = [
        b"<!doctype html",
        b"<html",
        b"<head",
        b"<body",
        b"<meta",
        b"<title",
        b"<div",
    ];
    if MARKERS
        .iter()
        .any(|m| lower.windows(m.len()).any(|w| w == *m))
    {
        Layout::Html
    } else {
        Layout::Markdown
    }
}

fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let rest = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let blank = rest.iter().take_while(|b| b.is_ascii_whitespace()).count();
    rest.get(blank..).unwrap_or(rest)
}

/// Text of a file that has no charset declaration: UTF-8 (BOM dropped) or
/// UTF-16 with a BOM. Invalid sequences become U+FFFD so the rest survives.
pub(crate) fn decode_plain(bytes: &[u8]) -> Result<Cow<'_, str>, ParseError> {
    let (text, encoding, had_errors) = UTF_8.decode(bytes);
    if had_errors && encoding == UTF_8 && mostly_replaced(&text) {
        // A GBK text file: nearly every non-ASCII character is broken as
        // UTF-8 yet the bytes decode cleanly as GB18030. A UTF-8 file with
        // a few bad bytes keeps its UTF-8 reading.
        if let Some(gbk) = GB18030.decode_without_bom_handling_and_without_replacement(bytes) {
            return Ok(gbk);
        }
    }
    reject_garbage(text)
}

/// More than a quarter of the non-ASCII characters are U+FFFD.
fn mostly_replaced(text: &str) -> bool {
    let (mut non_ascii, mut replaced) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_ascii()) {
        non_ascii += 1;
        replaced += usize::from(c == char::REPLACEMENT_CHARACTER);
    }
    replaced * 4 > non_ascii
}

/// Text of a web page: BOM first, then the declared charset, unless the
/// declaration is unknown or plainly wrong for these bytes.
pub(crate) fn decode_html(bytes: &[u8]) -> Result<Cow<'_, str>, ParseError> {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        let (text, _, _) = enc.decode(bytes);
        return reject_garbage(text);
    }
    let declared = declared_charset(bytes).map(|e| e.output_encoding());
    let primary = declared.unwrap_or(UTF_8);
    if let Some(text) = primary.decode_without_bom_handling_and_without_replacement(bytes) {
        // Declared legacy charset, but the bytes are valid UTF-8: a page
        // re-saved as UTF-8 keeps its old <meta>; for ASCII both agree.
        if primary != UTF_8 {
            if let Ok(utf8) = std::str::from_utf8(bytes) {
                return Ok(Cow::Borrowed(utf8));
            }
        }
        return Ok(text);
    }
    // The primary decoding is malformed: try the other likely one before
    // settling for replacement characters.
    let fallback = if primary == UTF_8 { GB18030 } else { UTF_8 };
    if let Some(text) = fallback.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok(text);
    }
    let (text, _) = primary.decode_without_bom_handling(bytes);
    reject_garbage(text)
}

/// Lossy decoding of something that is mostly not text yields mostly U+FFFD;
/// that is binary data, not a document with a few bad bytes.
fn reject_garbage(text: Cow<'_, str>) -> Result<Cow<'_, str>, ParseError> {
    // Nearly every file: no U+FFFD at all, found by a byte search rather
    // than by counting characters.
    if !text.contains(char::REPLACEMENT_CHARACTER) {
        return Ok(text);
    }
    let mut total = 0usize;
    let mut bad = 0usize;
    for c in text.chars().take(64 * 1024) {
        total += 1;
        if c == char::REPLACEMENT_CHARACTER {
            bad += 1;
        }
    }
    if total > 0 && bad * 3 > total {
        return Err(ParseError::Unreadable(Unreadable::MostlyInvalid));
    }
    Ok(text)
}

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta\b[^>]*?charset\s*=\s*["']?\s*([a-z0-9_\-:.]+)"#)
        .expect("static regex")
});
static XML_ENCODING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<\?xml\b[^>]*?encoding\s*=\s*["']([a-z0-9_\-:.]+)"#).expect("static regex")
});

/// The charset named by `<meta charset>`, `<meta http-equiv=content-type>`
/// or an XML declaration near the start; None when absent or unknown.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..CHARSET_PRESCAN_BYTES).unwrap_or(bytes);
    let label = META_CHARSET
        .captures(head)
        .or_else(|| XML_ENCODING.captures(head))
        .and_then(|c| c.get(1))?;
    Encoding::for_label(label.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_and_plain_text_are_markdown() {
        assert_eq!(layout(b"---\ntitle: x\n---\n"), Layout::Markdown);
        assert_eq!(layout(b"\xEF\xBB\xBF  # heading"), Layout::Markdown);
    }

    #[test]
    fn tag_soup_is_html_whatever_its_case() {
        assert_eq!(layout(b"\n<!DOCTYPE html><html>"), Layout::Html);
        assert_eq!(layout(b"<HTML><HEAD>"), Layout::Html);
        assert_eq!(layout(b"<note>not a page</note>"), Layout::Markdown);
    }

    #[test]
    fn declared_gbk_is_honoured() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<meta charset=\"gbk\"><p>周报</p>");
        assert_eq!(
            decode_html(&gbk).unwrap(),
            "<meta charset=\"gbk\"><p>周报</p>"
        );
    }

    #[test]
    fn http_equiv_declaration_is_honoured() {
        let page = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=GB2312\">周报";
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        assert_eq!(decode_html(&gbk).unwrap(), page);
    }

    #[test]
    fn utf8_bytes_win_over_a_lying_gbk_declaration() {
        let page = "<meta charset=\"gbk\"><p>网络安全信息与动态周报</p>";
        assert_eq!(decode_html(page.as_bytes()).unwrap(), page);
    }

    #[test]
    fn gbk_bytes_win_over_a_lying_utf8_declaration() {
        let page = "<meta charset=\"utf-8\"><p>网络安全信息与动态周报</p>";
        let (gbk, _, _) = encoding_rs::GBK.encode(page);
        assert_eq!(decode_html(&gbk).unwrap(), page);
    }

    #[test]
    fn unknown_charset_label_falls_back_to_utf8() {
        let page = "<meta charset=\"x-klingon\"><p>周报</p>";
        assert_eq!(decode_html(page.as_bytes()).unwrap(), page);
    }

    #[test]
    fn nul_bytes_mean_binary() {
        let err = check_readable(b"abc\0def").unwrap_err();
        assert_eq!(err.to_string(), "binary data, not a text file");
    }

    #[test]
    fn utf16_with_bom_is_not_binary() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "# 周报".encode_utf16() {
            bytes.extend_from_slice(&unit.to_le_bytes());
        }
        assert!(check_readable(&bytes).is_ok());
        assert_eq!(decode_html(&bytes).unwrap(), "# 周报");
    }

    #[test]
    fn invalid_utf8_is_replaced_not_fatal() {
        let text = decode_plain(b"# \xE5\x91\xA8\xFF\xE6\x8A\xA5 ok").unwrap();
        assert_eq!(text, "# 周\u{FFFD}报 ok");
    }

    #[test]
    fn gbk_text_without_declaration_is_recognised() {
        let (gbk, _, _) = encoding_rs::GBK.encode("---\ntitle: 网络安全信息与动态周报\n---\n");
        assert_eq!(
            decode_plain(&gbk).unwrap(),
            "---\ntitle: 网络安全信息与动态周报\n---\n"
        );
    }

    #[test]
    fn mostly_invalid_bytes_are_binary() {
        let junk: Vec<u8> = (0..300).map(|i| 0x80 + (i % 0x3f) as u8).collect();
        assert!(decode_plain(&junk).is_err());
    }
}
