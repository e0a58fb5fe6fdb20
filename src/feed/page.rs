//! A feed item as the page the cache stores: the item's HTML is the
//! article (the body element is `#js_content`, as the WeChat reader
//! expects), and what only the feed says (title, link, account, date) is
//! written where the reader looks for a page's own: `og:url`, then script
//! variables after the article. The reader takes a page's own fields
//! first, so the item's HTML keeps the last word when it carries them
//! (a full page from RSSHub does); the feed's fill the gaps (WeWe-RSS's
//! items are a `<style>` and the `rich_media_content` element, nothing
//! else). Stored as raw, the page reads the same at a reindex.

use chrono::{DateTime, Utc};

use super::read::{escape, Entry};

/// The page for `entry` of the feed at `feed`. Deterministic: the same
/// item gives the same bytes, so an item stored before costs no write.
pub fn item_page(entry: &Entry, feed: &str) -> String {
    let mut page = String::with_capacity(entry.html.as_deref().map_or(0, str::len) + 512);
    page.push_str("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n");
    page.push_str(&format!(
        "<meta name=\"zhoubao-feed\" content=\"{}\">\n",
        escape(feed)
    ));
    if let Some(link) = &entry.link {
        page.push_str(&format!(
            "<meta property=\"og:url\" content=\"{}\">\n",
            escape(link)
        ));
    }
    // The body itself is the article: markup in the item that closes
    // more than it opened cannot leave it.
    page.push_str("</head>\n<body id=\"js_content\" class=\"rich_media_content\">\n");
    if let Some(html) = &entry.html {
        page.push_str(html);
        page.push('\n');
    }
    // Read by the reader's scan of the raw text, wherever the markup
    // above left the parser.
    page.push_str("<script>\n");
    if let Some(title) = &entry.title {
        page.push_str(&format!("var msg_title = \"{}\";\n", literal(title)));
    }
    if let Some(author) = &entry.author {
        page.push_str(&format!("var nickname = \"{}\";\n", literal(author)));
    }
    if let Some(at) = entry.published.as_ref().and_then(unix_seconds) {
        page.push_str(&format!("var ct = \"{at}\";\n"));
    }
    page.push_str("</script>\n</body></html>\n");
    page
}

/// Text as a script string the reader reads back: entities it undoes,
/// no quote, no line break, no `<` that could end the script.
fn literal(text: &str) -> String {
    escape(text)
        .chars()
        .map(|c| if c.is_control() || c == '\\' { ' ' } else { c })
        .collect()
}

fn unix_seconds(at: &DateTime<Utc>) -> Option<i64> {
    Some(at.timestamp()).filter(|s| *s > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Completeness, IssueKey, SeriesId};

    /// A WeWe-RSS full-text item: a `<style>`, then the article element
    /// with unquoted attributes, `src` where WeChat has `data-src`, white
    /// space collapsed. Our own words around the series' phrases.
    const WEWE: &str = "<style>.rich_media_content{color:#333}p{margin:0}</style>\
<div class=rich_media_content id=js_content><section><p><strong>本周网络安全基本态势</strong></p>\
<p>本周，互联网网络安全态势整体评价为良。</p><p><img src=https://mmbiz.qpic.cn/sz_mmbiz_png/abc/640?wx_fmt=png&from=appmsg></p>\
<p><strong>本周事件处理情况</strong></p><p>本周，国家互联网应急中心（CNCERT）共处理网络安全事件412起，\
其中含跨境网络安全事件150起。重点处理321起仿冒投诉事件；协调6个提供恶意移动应用程序下载服务的平台，\
处置恶意URL链接9个。</p><p>近期回顾</p></section></div>";

    fn entry(html: Option<&str>) -> Entry {
        Entry {
            title: Some("网络安全信息与动态周报2025年第3期（1月13日-1月19日）".into()),
            link: Some("https://mp.weixin.qq.com/s/TokenAbc".into()),
            published: DateTime::parse_from_rfc3339("2025-01-21T18:30:00Z")
                .ok()
                .map(|t| t.with_timezone(&Utc)),
            author: Some("测试\"账号\"".into()),
            html: html.map(str::to_string),
        }
    }

    #[test]
    fn a_wewe_rss_item_reads_as_a_full_bulletin_with_the_feeds_fields() {
        let page = item_page(&entry(Some(WEWE)), "http://127.0.0.1:9/feed.atom");
        let b = crate::parse::parse(page.as_bytes()).expect("a bulletin");
        assert_eq!(b.key, IssueKey::new(2025, 3));
        assert_eq!(b.completeness, Completeness::Full);
        assert_eq!(
            b.figures.count(SeriesId::CNCERT.figure("events_handled")),
            Some(412)
        );
        assert_eq!(
            b.figures.count(SeriesId::CNCERT.figure("malicious_urls")),
            Some(9)
        );
        assert_eq!(
            b.images,
            ["https://mmbiz.qpic.cn/sz_mmbiz_png/abc/640?wx_fmt=png&from=appmsg"]
        );
        assert!(
            b.body.iter().all(|p| !p.contains("margin")),
            "the style is no text: {:?}",
            b.body
        );
        assert_eq!(
            b.url.as_deref(),
            Some("https://mp.weixin.qq.com/s/TokenAbc")
        );
        assert_eq!(b.source.as_deref(), Some("测试\"账号\""));
        // 18:30 UTC is the next morning in Beijing.
        assert_eq!(b.published, chrono::NaiveDate::from_ymd_opt(2025, 1, 22));
    }

    #[test]
    fn an_item_without_its_article_is_a_stub_of_its_issue() {
        let page = item_page(&entry(None), "http://127.0.0.1:9/feed.xml");
        let b = crate::parse::parse(page.as_bytes()).expect("a bulletin");
        assert_eq!(b.completeness, Completeness::Stub);
        assert_eq!(b.key, IssueKey::new(2025, 3));
    }

    #[test]
    fn the_articles_own_date_and_title_win_over_the_feeds() {
        let own = format!(
            "{WEWE}<script>var ct = \"1736812800\"; var msg_title = \"网络安全信息与动态周报2025年第2期\";</script>"
        );
        let page = item_page(&entry(Some(&own)), "http://127.0.0.1:9/f");
        let b = crate::parse::parse(page.as_bytes()).expect("a bulletin");
        assert_eq!(b.key, IssueKey::new(2025, 2));
        assert_eq!(b.published, chrono::NaiveDate::from_ymd_opt(2025, 1, 14));
    }

    #[test]
    fn unbalanced_markup_cannot_hide_the_article_or_break_out_of_the_script() {
        let mut e = entry(Some(&format!("</div></div></section>{WEWE}</body></html>")));
        e.title = Some("网络安全信息与动态周报2025年第3期\"</script><script>x".into());
        let page = item_page(&e, "http://127.0.0.1:9/f");
        let b = crate::parse::parse(page.as_bytes()).expect("a bulletin");
        assert_eq!(
            b.figures.count(SeriesId::CNCERT.figure("events_handled")),
            Some(412)
        );
        assert_eq!(page.matches("</script>").count(), 1);
        assert_eq!(page, item_page(&e, "http://127.0.0.1:9/f"), "deterministic");
    }
}
