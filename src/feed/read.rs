//! A feed's bytes → its items: RSS 2.0, Atom 1.0 and JSON Feed 1.0/1.1,
//! told apart by the body (never the Content-Type or the address) and
//! parsed by feed-rs; this file only picks, from what feed-rs read, the
//! title, link, date and the article's HTML wherever the item carries it.

use chrono::{DateTime, Utc};
use feed_rs::parser::{ParseErrorKind, ParseFeedError};

use super::FeedError;
use crate::model::NotFeed;

/// One item of a feed, as zhoubao uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub title: Option<String>,
    /// The article's address, absolute (relative links resolved against
    /// the feed's own address).
    pub link: Option<String>,
    pub published: Option<DateTime<Utc>>,
    /// Who posted it: the item's author, else the feed's title (a feed of
    /// one account is titled with the account's name).
    pub author: Option<String>,
    /// The article's HTML: the fuller of the item's content
    /// (`content:encoded`, Atom `content`, `content_html`) and its
    /// summary (`description`, Atom `summary`, JSON Feed `summary`), a
    /// plain-text one turned into paragraphs. None when both are empty.
    pub html: Option<String>,
}

/// What the body looks like before any parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Xml,
    Json,
    /// A web page: the address is the account's page, not its feed.
    Html,
    Other,
}

/// Reads the items of the feed in `body`, fetched from `url`.
pub fn entries(body: &[u8], url: &str) -> Result<Vec<Entry>, FeedError> {
    match shape(body) {
        Shape::Html => {
            return Err(FeedError::NotAFeed {
                what: NotFeed::Html,
            })
        }
        Shape::Other => {
            return Err(FeedError::NotAFeed {
                what: NotFeed::Other,
            })
        }
        Shape::Xml | Shape::Json => {}
    }
    let feed = feed_rs::parser::Builder::new()
        .base_uri(Some(url))
        .build()
        .parse(body)
        .map_err(|e| match e {
            ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => FeedError::NotAFeed {
                what: NotFeed::OtherXml,
            },
            ParseFeedError::JsonUnsupportedVersion(_) => FeedError::NotAFeed {
                what: NotFeed::OtherJson,
            },
            other => FeedError::Malformed {
                detail: crate::sanitize::line(&other.to_string())
                    .chars()
                    .take(200)
                    .collect(),
            },
        })?;
    let feed_title = feed
        .title
        .map(|t| t.content.trim().to_string())
        .filter(|t| !t.is_empty());
    let base = url::Url::parse(url).ok();
    Ok(feed
        .entries
        .into_iter()
        .map(|e| {
            let link = e
                .links
                .iter()
                .filter(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
                .chain(&e.links)
                .map(|l| l.href.as_str())
                .chain(std::iter::once(e.id.as_str()))
                .find_map(|href| absolute(base.as_ref(), href));
            let author = e
                .authors
                .iter()
                .filter_map(|p| p.name.as_deref().map(str::trim))
                .find(|n| !n.is_empty() && *n != "unknown")
                .map(str::to_string)
                .or_else(|| feed_title.clone());
            let content = e.content.and_then(|c| {
                let html = c.content_type.to_string().contains("html");
                c.body.map(|b| (b, html))
            });
            let summary = e.summary.map(|t| {
                let html = t.content_type.to_string().contains("html");
                (t.content, html)
            });
            Entry {
                title: e
                    .title
                    .map(|t| t.content.trim().to_string())
                    .filter(|t| !t.is_empty()),
                link,
                published: e.published.or(e.updated),
                author,
                html: fuller(content, summary),
            }
        })
        .collect())
}

/// The first thing in the body after a byte-order mark and white space:
/// `{` is JSON, `<` XML unless it is an HTML page (`<!DOCTYPE html`,
/// `<html`).
fn shape(body: &[u8]) -> Shape {
    let body = body.strip_prefix(b"\xef\xbb\xbf").unwrap_or(body);
    let start = body
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(body.len());
    let head: Vec<u8> = body[start..]
        .iter()
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    if head.starts_with(b"{") {
        Shape::Json
    } else if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") {
        Shape::Html
    } else if head.starts_with(b"<") {
        Shape::Xml
    } else {
        Shape::Other
    }
}

/// `href` as an absolute http(s) address, when it is one.
fn absolute(base: Option<&url::Url>, href: &str) -> Option<String> {
    let href = href.trim();
    if href.is_empty() {
        return None;
    }
    let url = match url::Url::parse(href) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(href).ok()?,
        Err(_) => return None,
    };
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

/// The longer of the item's content and summary (a feed that has both
/// puts the article in one and an excerpt in the other), as HTML.
fn fuller(content: Option<(String, bool)>, summary: Option<(String, bool)>) -> Option<String> {
    let pick = |c: Option<(String, bool)>| c.filter(|(t, _)| !t.trim().is_empty());
    let (text, html) = match (pick(content), pick(summary)) {
        (Some(c), Some(s)) => {
            if s.0.len() > c.0.len() {
                s
            } else {
                c
            }
        }
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => return None,
    };
    // JSON Feed's `summary` is plain text by the spec, but WeWe-RSS puts
    // the article's HTML there: markup decides, not the declared type.
    Some(if html || looks_like_html(&text) {
        text
    } else {
        paragraphs(&text)
    })
}

fn looks_like_html(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/' || w[1] == b'!'))
}

/// Plain text as HTML paragraphs, one per line.
fn paragraphs(text: &str) -> String {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| format!("<p>{}</p>", escape(l)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Text as HTML text or a double-quoted attribute value.
pub(super) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const URL: &str = "http://127.0.0.1:9/feeds/cncert.xml";

    #[test]
    fn rss_description_and_content_encoded_the_fuller_wins() {
        let rss = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>测试账号</title><link>http://x/</link><description>d</description>
<item><title>网络安全信息与动态周报2025年第3期</title><link>/s/abc</link>
<description>摘要</description>
<content:encoded><![CDATA[<p>本周网络安全基本态势</p><p>全文</p>]]></content:encoded>
<pubDate>Wed, 22 Jan 2025 02:00:00 GMT</pubDate></item>
</channel></rss>"#;
        let items = entries(rss.as_bytes(), URL).unwrap();
        assert_eq!(items.len(), 1);
        let e = &items[0];
        assert_eq!(
            e.title.as_deref(),
            Some("网络安全信息与动态周报2025年第3期")
        );
        assert_eq!(e.link.as_deref(), Some("http://127.0.0.1:9/s/abc"));
        assert_eq!(e.author.as_deref(), Some("测试账号"));
        assert_eq!(
            e.html.as_deref(),
            Some("<p>本周网络安全基本态势</p><p>全文</p>")
        );
        assert_eq!(
            e.published.unwrap().to_rfc3339(),
            "2025-01-22T02:00:00+00:00"
        );
    }

    #[test]
    fn json_feed_summary_with_markup_is_html_and_plain_text_becomes_paragraphs() {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[
            {"id":"a","url":"https://mp.weixin.qq.com/s/a","title":"一","summary":"<p>甲</p>"},
            {"id":"b","url":"https://mp.weixin.qq.com/s/b","title":"二","summary":"乙 < 丙\n丁"}]}"#;
        let items = entries(json.as_bytes(), URL).unwrap();
        assert_eq!(items[0].html.as_deref(), Some("<p>甲</p>"));
        assert_eq!(
            items[1].html.as_deref(),
            Some("<p>乙 &lt; 丙</p>\n<p>丁</p>")
        );
        let v10 = json.replace("version/1.1", "version/1");
        assert_eq!(entries(v10.as_bytes(), URL).unwrap().len(), 2);
    }

    #[test]
    fn a_web_page_or_other_xml_or_json_is_not_a_feed() {
        let not = |body: &str| match entries(body.as_bytes(), URL) {
            Err(FeedError::NotAFeed { what }) => what,
            other => panic!("{body}: {other:?}"),
        };
        assert_eq!(
            not("<!DOCTYPE html><html><body>hi</body></html>"),
            NotFeed::Html
        );
        assert_eq!(not("\u{feff}  <HTML><p>x"), NotFeed::Html);
        assert_eq!(not("<?xml version=\"1.0\"?><svg></svg>"), NotFeed::OtherXml);
        assert_eq!(
            not(r#"{"version":"https://jsonfeed.org/version/2","title":"x","items":[]}"#),
            NotFeed::OtherJson
        );
        assert_eq!(not("hello"), NotFeed::Other);
        assert_eq!(not(""), NotFeed::Other);
    }

    #[test]
    fn a_broken_feed_is_malformed_with_the_parsers_words() {
        let broken = "<rss version=\"2.0\"><channel><item><title>x</title></chan";
        match entries(broken.as_bytes(), URL) {
            Err(FeedError::Malformed { detail }) => assert!(!detail.is_empty()),
            other => panic!("{other:?}"),
        }
        match entries(b"{\"version\": ", URL) {
            Err(FeedError::Malformed { .. }) => {}
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn only_http_links_are_kept() {
        assert_eq!(absolute(None, "javascript:alert(1)"), None);
        assert_eq!(absolute(None, "/relative"), None);
        let base = url::Url::parse(URL).unwrap();
        assert_eq!(
            absolute(Some(&base), "../s/x").as_deref(),
            Some("http://127.0.0.1:9/s/x")
        );
    }
}
