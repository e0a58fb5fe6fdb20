//! The parser's rules, one behaviour per test, on the hand-written files in
//! tests/fixtures (Markdown variants and a WeChat article page).

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use zhoubao::model::{ArticleId, Assessment, Bulletin, Completeness, IssueKey, SourceFormat};
use zhoubao::parse::{article_id, parse, read_wechat_page, ParseError, Skip};

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn bulletin(name: &str) -> Bulletin {
    parse(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn figures(b: &Bulletin) -> [Option<i64>; 5] {
    counts5(b)
}

fn fixture_id(mid: &str) -> Option<ArticleId> {
    Some(ArticleId {
        biz: "Rml4dHVyZUJpeg==".into(),
        mid: mid.into(),
        idx: "1".into(),
    })
}

#[test]
fn full_markdown_bulletin_yields_every_field() {
    let b = bulletin("full.md");
    assert_eq!(b.format, SourceFormat::Markdown);
    assert_eq!(b.key, IssueKey::new(2023, 20));
    assert_eq!(
        b.title,
        "网络安全信息与动态周报2023年第20期（5月15日-5月21日）"
    );
    let p = b.period.expect("period");
    assert_eq!((p.start, p.end), (date(2023, 5, 15), date(2023, 5, 21)));
    assert_eq!(b.published, Some(date(2023, 5, 25)));
    assert_eq!(b.source.as_deref(), Some("测试应急中心"));
    assert_eq!(b.article, fixture_id("1000000020"));
    assert_eq!(b.assessment, Some(Assessment::Good));
    assert_eq!(
        figures(&b),
        [Some(420), Some(210), Some(300), Some(12), Some(34)]
    );
    assert_eq!(b.completeness, Completeness::Full);
}

#[test]
fn chart_images_exclude_cover_and_chrome() {
    let b = bulletin("full.md");
    assert_eq!(
        b.images,
        [
            "https://img.example.test/chart/1.png",
            "https://img.example.test/chart/2.png",
            "https://img.example.test/chart/3.png"
        ]
    );
}

#[test]
fn body_is_clean_paragraphs_without_title_byline_refs_or_chrome() {
    let b = bulletin("full.md");
    assert_eq!(b.body.len(), 4, "{:#?}", b.body);
    assert_eq!(b.body[0], "本周网络安全基本态势");
    assert_eq!(b.body[2], "本周事件处理情况");
    for p in &b.body {
        assert!(!p.contains("周报2023年"), "title or ref in body: {p}");
        assert!(
            !p.contains("![") && !p.contains("]("),
            "markup in body: {p}"
        );
        assert!(!["原创", "编辑部", "测试应急中心", "赞", "：", "近期回顾"].contains(&p.as_str()));
    }
}

#[test]
fn recent_refs_come_in_order_with_keys_periods_and_links() {
    let b = bulletin("full.md");
    let keys: Vec<Option<IssueKey>> = b.recent.iter().map(|r| r.key).collect();
    let expected: Vec<Option<IssueKey>> = (15..=19)
        .rev()
        .map(|n| Some(IssueKey::new(2023, n)))
        .collect();
    assert_eq!(keys, expected);
    let first = &b.recent[0];
    assert_eq!(
        first.title,
        "网络安全信息与动态周报2023年第19期（5月8日-5月14日）"
    );
    assert_eq!(first.period.map(|p| p.start), Some(date(2023, 5, 8)));
    assert_eq!(
        first.url.as_deref().and_then(article_id),
        fixture_id("1000000019")
    );
    assert_eq!(
        b.recent[3]
            .url
            .as_deref()
            .and_then(article_id)
            .map(|a| a.idx),
        Some("2".to_string())
    );
}

#[test]
fn urls_hold_own_link_images_and_links_once_each() {
    let b = bulletin("full.md");
    assert_eq!(b.urls.first(), b.url.as_ref());
    assert!(b
        .urls
        .contains(&"https://img.example.test/cover/0?wx_fmt=jpeg".to_string()));
    assert!(b
        .urls
        .contains(&"http://img.example.test/avatar/0?wx_fmt=png".to_string()));
    let mut sorted = b.urls.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), b.urls.len());
    assert_eq!(b.urls.len(), 1 + 1 + 3 + 5 + 1);
}

#[test]
fn semicolons_between_clauses_give_the_same_figures() {
    let b = bulletin("semicolon.md");
    assert_eq!(
        figures(&b),
        [Some(500), Some(250), Some(400), Some(9), Some(21)]
    );
    assert_eq!(b.assessment, Some(Assessment::Fair));
}

#[test]
fn dropped_characters_and_stray_spaces_are_tolerated() {
    let b = bulletin("typos.md");
    assert_eq!(
        figures(&b),
        [Some(368), Some(149), Some(332), Some(7), Some(5460)]
    );
}

#[test]
fn missing_mobile_app_clause_is_unknown_not_zero() {
    let b = bulletin("no_app_clause.md");
    assert_eq!(b.figures.count(fig("malicious_app_platforms")), None);
    assert_eq!(figures(&b), [Some(80), Some(16), Some(75), None, Some(3)]);
    assert_eq!(b.completeness, Completeness::Full);
}

#[test]
fn old_wording_is_read() {
    let b = bulletin("old_wording.md");
    assert_eq!(
        figures(&b),
        [Some(494), Some(202), Some(451), Some(6), Some(16)]
    );
}

#[test]
fn both_spellings_of_a_year_crossing_period_agree() {
    let explicit = bulletin("year_explicit.md");
    let implicit = bulletin("year_implicit.md");
    assert_eq!(explicit.key, IssueKey::new(2026, 1));
    assert_eq!(implicit.key, explicit.key);
    let p = explicit.period.expect("period");
    assert_eq!((p.start, p.end), (date(2025, 12, 29), date(2026, 1, 4)));
    assert_eq!(implicit.period, explicit.period);
    assert_eq!(implicit.article, explicit.article);
}

#[test]
fn ref_lines_without_link_are_kept_without_url() {
    let b = bulletin("refs_without_link.md");
    let shape: Vec<(Option<u32>, bool)> = b
        .recent
        .iter()
        .map(|r| (r.key.map(|k| k.number), r.url.is_some()))
        .collect();
    assert_eq!(
        shape,
        [(Some(23), false), (Some(22), true), (Some(21), false)]
    );
}

#[test]
fn doonsec_repost_is_a_stub_with_the_originals_identity() {
    let stub = bulletin("doonsec_stub.md");
    let full = bulletin("full.md");
    assert_eq!(stub.completeness, Completeness::Stub);
    assert_eq!(stub.key, full.key);
    assert_eq!(stub.article, full.article);
    assert!(stub.body.is_empty() && stub.figures.is_empty() && stub.recent.is_empty());
    assert_eq!(stub.source.as_deref(), Some("Doonsec's feed"));
}

#[test]
fn share_card_is_a_stub_without_body_or_charts() {
    let b = bulletin("share_card.md");
    assert_eq!(b.completeness, Completeness::Stub);
    assert!(b.body.is_empty(), "{:?}", b.body);
    assert!(b.images.is_empty());
    assert_eq!(b.article.map(|a| a.idx), Some("3".to_string()));
}

#[test]
fn anti_bot_wall_is_a_stub() {
    let b = bulletin("antibot.md");
    assert_eq!(b.completeness, Completeness::Stub);
    assert!(b.body.is_empty(), "{:?}", b.body);
    assert_eq!(b.key, IssueKey::new(2023, 25));
}

#[test]
fn unnumbered_title_is_skipped_with_its_reason() {
    let err = parse(&fixture("unnumbered.md")).expect_err("no issue number");
    assert!(err.is_skip());
    let msg = err.to_string();
    assert!(msg.contains("测试应急中心-网络安全信息与动态周报"), "{msg}");
    assert!(msg.contains("no issue number"), "{msg}");
}

#[test]
fn wechat_page_yields_title_account_time_and_identity() {
    let b = bulletin("wechat_article.html");
    assert_eq!(b.format, SourceFormat::WechatHtml);
    assert_eq!(
        b.title,
        "网络安全信息与动态周报2023年第26期（6月26日-7月2日）"
    );
    assert_eq!(b.key, IssueKey::new(2023, 26));
    assert_eq!(b.period.map(|p| p.end), Some(date(2023, 7, 2)));
    assert_eq!(b.source.as_deref(), Some("测试应急中心"));
    assert_eq!(b.published, Some(date(2023, 7, 5)));
    assert_eq!(b.article, fixture_id("1000000026"));
    let url = b.url.as_deref().expect("own url");
    assert!(
        url.contains("&mid=1000000026&idx=1") && !url.contains("&amp;"),
        "{url}"
    );
    assert_eq!(b.urls.first().map(String::as_str), Some(url));
    assert!(b
        .urls
        .contains(&"https://mp.weixin.qq.com/s/FixtureShortToken".to_string()));
}

#[test]
fn wechat_page_figures_split_across_spans_are_read() {
    let b = bulletin("wechat_article.html");
    assert_eq!(b.assessment, Some(Assessment::Good));
    assert_eq!(
        figures(&b),
        [Some(512), Some(256), Some(128), Some(8), Some(64)]
    );
    assert_eq!(b.completeness, Completeness::Full);
}

#[test]
fn wechat_page_charts_come_from_data_src_not_the_cover() {
    let b = bulletin("wechat_article.html");
    assert_eq!(
        b.images,
        [
            "https://img.example.test/chart/26-1.png",
            "https://img.example.test/chart/26-2.png"
        ]
    );
}

#[test]
fn wechat_page_refs_have_unescaped_links() {
    let b = bulletin("wechat_article.html");
    assert_eq!(b.recent.len(), 3);
    assert_eq!(b.recent[0].key, Some(IssueKey::new(2023, 25)));
    let url = b.recent[0].url.as_deref().expect("link");
    assert!(!url.contains("&amp;"), "{url}");
    assert_eq!(article_id(url), fixture_id("1000000025"));
    assert_eq!(b.recent[2].url, None);
    assert!(!b
        .body
        .iter()
        .any(|p| p.contains("近期回顾") || p.contains('●')));
}

#[test]
fn gbk_encoded_page_reads_like_the_utf8_one() {
    let utf8 = String::from_utf8(fixture("wechat_article.html")).expect("utf-8 fixture");
    let declared_gbk = utf8.replace(r#"<meta charset="utf-8">"#, r#"<meta charset="gbk">"#);
    assert_ne!(declared_gbk, utf8);
    let (gbk_bytes, _, unmappable) = encoding_rs::GBK.encode(&declared_gbk);
    assert!(!unmappable);
    assert_ne!(&gbk_bytes[..], declared_gbk.as_bytes());
    let from_gbk = parse(&gbk_bytes).expect("gbk page parses");
    assert_eq!(from_gbk, bulletin("wechat_article.html"));
}

#[test]
fn utf8_page_that_claims_gbk_still_reads_as_utf8() {
    let utf8 = String::from_utf8(fixture("wechat_article.html")).expect("utf-8 fixture");
    let lying = utf8.replace(r#"<meta charset="utf-8">"#, r#"<meta charset="gb2312">"#);
    assert_eq!(
        parse(lying.as_bytes()).expect("parses"),
        bulletin("wechat_article.html")
    );
}

#[test]
fn wechat_page_of_another_article_is_skipped_naming_it() {
    let utf8 = String::from_utf8(fixture("wechat_article.html")).expect("utf-8 fixture");
    let other = utf8.replace(
        "网络安全信息与动态周报2023年第26期（6月26日-7月2日）",
        "每周读书笔记 第3期",
    );
    let err = parse(other.as_bytes()).expect_err("not the series");
    assert_eq!(
        err,
        ParseError::NotBulletin(Skip::NotSeries {
            title: "每周读书笔记 第3期".into(),
            by: Some("测试应急中心".into())
        })
    );
    assert_eq!(
        err.to_string(),
        "not a bulletin of the series: article '每周读书笔记 第3期' by 测试应急中心 is not an issue of the series"
    );
    let page = read_wechat_page(other.as_bytes()).expect("still a readable page");
    assert_eq!(page.title.as_deref(), Some("每周读书笔记 第3期"));
    assert_eq!(page.account.as_deref(), Some("测试应急中心"));
}

#[test]
fn wechat_page_without_article_says_so() {
    let page = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title></title></head>
        <body><div class="weui-msg"><h2 class="weui-msg__title"> 此内容因违规无法查看 </h2></div>
        <script src="https://res.wx.qq.com/x.js"></script></body></html>"#;
    let err = parse(page.as_bytes()).expect_err("no article");
    assert_eq!(
        err,
        ParseError::NotBulletin(Skip::NoArticle {
            message: "此内容因违规无法查看".into()
        })
    );
    assert_eq!(
        err.to_string(),
        "not a bulletin of the series: WeChat page holds no article (expired or deleted): '此内容因违规无法查看'"
    );
}

#[test]
fn html_that_is_not_from_wechat_is_skipped() {
    let err = parse(b"<html><body><p>hello</p></body></html>").expect_err("not wechat");
    assert!(
        err.is_skip() && err.to_string().contains("not a WeChat article"),
        "{err}"
    );
}

#[test]
fn gbk_markdown_without_declaration_reads_like_the_utf8_one() {
    let utf8 = String::from_utf8(fixture("full.md")).expect("utf-8 fixture");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&utf8);
    assert!(!unmappable);
    assert_eq!(parse(&gbk).expect("gbk parses"), bulletin("full.md"));
}

/// One of 网络安全信息与动态周报's figures, by id.
fn fig(id: &str) -> zhoubao::model::Metric {
    zhoubao::model::SeriesId::CNCERT.figure(id)
}

/// 网络安全信息与动态周报's five figures of `b`, in their order.
fn counts5(b: &zhoubao::model::Bulletin) -> [Option<i64>; 5] {
    let h = zhoubao::model::SeriesId::CNCERT.headline();
    std::array::from_fn(|i| b.figures.count(h[i]))
}
