//! Hostile and broken input: the parser never panics, never hangs, and
//! either returns a bulletin with unknown parts left None or an error whose
//! message is one clear line.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use zhoubao::model::{Bulletin, IssueKey};
use zhoubao::parse::{parse, ParseError};

const FIXTURES: [&str; 4] = [
    "full.md",
    "refs_without_link.md",
    "share_card.md",
    "wechat_article.html",
];

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Ok, or an error that fits on one line and says something.
fn assert_sane(result: &Result<Bulletin, ParseError>) {
    if let Err(e) = result {
        let msg = e.to_string();
        assert!(!msg.trim().is_empty(), "empty message");
        assert!(
            !msg.contains('\n') && !msg.contains('\r'),
            "multi-line: {msg:?}"
        );
        assert!(msg.chars().count() < 300, "too long: {msg}");
    }
}

fn unreadable(result: Result<Bulletin, ParseError>) -> String {
    assert_sane(&result);
    match result {
        Err(ParseError::Unreadable(why)) => why.to_string(),
        other => panic!("expected Unreadable, got {other:?}"),
    }
}

fn markdown(title: &str, body: &str) -> Vec<u8> {
    format!("---\ntitle: {title}\nurl: https://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1\nsource: t\ndate: 2024-01-01\n---\n\n{body}\n")
        .into_bytes()
}

/// Runs `f` and fails if it took longer than `limit` (debug build).
fn timed<T>(limit: Duration, f: impl FnOnce() -> T) -> T {
    let start = Instant::now();
    let out = f();
    let took = start.elapsed();
    assert!(took < limit, "took {took:?}, limit {limit:?}");
    out
}

#[test]
fn empty_file_is_unreadable() {
    assert_eq!(unreadable(parse(b"")), "empty file (0 bytes)");
}

#[test]
fn blank_file_is_no_article() {
    let result = parse(b" \n\n\t\n");
    assert_sane(&result);
    assert!(result.expect_err("nothing to read").is_skip());
}

#[test]
fn binary_data_is_unreadable() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    assert_eq!(unreadable(parse(png)), "binary data, not a text file");
}

#[test]
fn mostly_invalid_utf8_is_unreadable() {
    let junk: Vec<u8> = (0..4096u32).map(|i| 0x80 | (i * 7 % 0x7f) as u8).collect();
    assert!(unreadable(parse(&junk)).contains("binary data"));
}

#[test]
fn truncated_front_matter_is_unreadable() {
    let full = fixture("full.md");
    let msg = unreadable(parse(&full[..60]));
    assert!(msg.contains("never closed"), "{msg}");
}

#[test]
fn truncated_body_keeps_what_is_there() {
    let full = fixture("full.md");
    let text = String::from_utf8(full.clone()).expect("utf-8");
    let cut = text.find("恶意URL链接").expect("clause present");
    let b = parse(&full[..cut]).expect("still a bulletin");
    assert_eq!(b.key, IssueKey::new(2023, 20));
    assert_eq!(b.figures.count(fig("events_handled")), Some(420));
    assert_eq!(b.figures.count(fig("malicious_urls")), None);
    assert!(b.recent.is_empty());
}

#[test]
fn every_truncation_is_sane() {
    for name in FIXTURES {
        let bytes = fixture(name);
        // Includes cuts inside multi-byte characters.
        for end in (0..bytes.len()).step_by(41) {
            assert_sane(&parse(&bytes[..end]));
        }
    }
}

#[test]
fn invalid_utf8_in_markdown_is_replaced_and_parsing_goes_on() {
    let mut bytes = fixture("full.md");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    let at = text.find("这是为测试而写").expect("overview present");
    bytes[at] = 0xFF;
    bytes[at + 4] = 0xC0;
    let b = parse(&bytes).expect("lossy decoding");
    assert_eq!(b.key, IssueKey::new(2023, 20));
    assert_eq!(b.figures.count(fig("events_handled")), Some(420));
    assert!(b.body.iter().any(|p| p.contains('\u{FFFD}')));
}

#[test]
fn utf16_markdown_with_bom_is_decoded() {
    let text = String::from_utf8(fixture("full.md")).expect("utf-8");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    assert_eq!(
        parse(&bytes).expect("utf-16 parses"),
        parse(text.as_bytes()).expect("parses")
    );
}

#[test]
fn unknown_declared_charset_falls_back_sanely() {
    let page = String::from_utf8(fixture("wechat_article.html")).expect("utf-8");
    let odd = page.replace(
        r#"<meta charset="utf-8">"#,
        r#"<meta charset="x-no-such-charset">"#,
    );
    assert_eq!(
        parse(odd.as_bytes()).expect("parses"),
        parse(page.as_bytes()).expect("parses")
    );
}

#[test]
fn gbk_bytes_declared_as_utf8_are_read_as_gbk() {
    let page = String::from_utf8(fixture("wechat_article.html")).expect("utf-8");
    let (gbk, _, _) = encoding_rs::GBK.encode(&page);
    assert_eq!(
        parse(&gbk).expect("parses"),
        parse(page.as_bytes()).expect("parses")
    );
}

#[test]
fn fifty_megabytes_fail_fast_naming_the_size() {
    let big = vec![b'a'; 50 * 1024 * 1024];
    let msg = timed(Duration::from_millis(500), || unreadable(parse(&big)));
    assert!(msg.contains("52428800"), "{msg}");
}

#[test]
fn a_million_nested_tags_fail_fast() {
    let page = format!("<html><body>{}</body></html>", "<div>".repeat(1_000_000));
    let msg = timed(Duration::from_secs(5), || {
        unreadable(parse(page.as_bytes()))
    });
    assert!(msg.contains("deep"), "{msg}");
}

#[test]
fn pathological_markup_stays_linear() {
    let inputs = [
        format!("<html>{}", "<a".repeat(1_000_000)),
        format!("<html><body>{}", "<p><b>".repeat(200_000)),
        format!("<html><script>{}", "<div>".repeat(500_000)),
        format!("<html><!--{}", "<div>".repeat(500_000)),
    ];
    for page in &inputs {
        timed(Duration::from_secs(10), || {
            assert_sane(&parse(page.as_bytes()))
        });
    }
    let brackets = [
        "[".repeat(1_000_000),
        "](".repeat(500_000),
        "![x](".repeat(200_000),
        "●".repeat(300_000),
    ];
    for body in &brackets {
        let bytes = markdown("网络安全信息与动态周报2024年第1期（1月1日-1月7日）", body);
        timed(Duration::from_secs(5), || assert_sane(&parse(&bytes)));
    }
}

#[test]
fn numbers_too_large_for_i64_are_unknown() {
    let bytes = markdown(
        "网络安全信息与动态周报2024年第2期（1月8日-1月14日）",
        "本周事件处理情况\n\n本周共处理网络安全事件123456789012345678901234567890起，含跨境网络安全事件12起。",
    );
    let b = parse(&bytes).expect("bulletin");
    assert_eq!(b.figures.count(fig("events_handled")), None);
    assert_eq!(b.figures.count(fig("cross_border")), Some(12));
}

#[test]
fn a_day_that_does_not_exist_leaves_the_period_unknown() {
    let bytes = markdown("网络安全信息与动态周报2024年第9期（2月30日-3月3日）", "");
    let b = parse(&bytes).expect("bulletin");
    assert_eq!(b.key, IssueKey::new(2024, 9));
    assert_eq!(b.period, None);
}

#[test]
fn issue_number_zero_and_999_are_skipped() {
    for (number, shown) in [("0", "0"), ("999", "999"), ("00", "0")] {
        let title = format!("网络安全信息与动态周报2024年第{number}期（1月1日-1月7日）");
        let result = parse(&markdown(&title, ""));
        assert_sane(&result);
        let err = result.expect_err("bad number");
        assert!(err.is_skip(), "{err}");
        assert_eq!(
            err.to_string(),
            format!(
                "not a bulletin of the series: issue number {shown} is not valid (expected 1 to 60)"
            )
        );
    }
}

#[test]
fn control_characters_in_a_title_do_not_break_the_message() {
    let result = parse(&markdown("恶意\u{1b}]0;标题\u{7}文章\r", ""));
    assert_sane(&result);
    assert!(result.expect_err("not the series").is_skip());
}

/// One way of damaging a file.
#[derive(Debug, Clone)]
enum Damage {
    Flip(usize, u8),
    Truncate(usize),
    Insert(usize, Vec<u8>),
}

fn damage() -> impl Strategy<Value = Damage> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Damage::Flip(at, b)),
        any::<usize>().prop_map(Damage::Truncate),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..64))
            .prop_map(|(at, bytes)| Damage::Insert(at, bytes)),
    ]
}

fn apply(bytes: &mut Vec<u8>, damage: &Damage) {
    if bytes.is_empty() {
        return;
    }
    match damage {
        Damage::Flip(at, b) => {
            let i = at % bytes.len();
            bytes[i] ^= b | 1;
        }
        Damage::Truncate(at) => bytes.truncate(at % bytes.len()),
        Damage::Insert(at, new) => {
            let i = at % bytes.len();
            bytes.splice(i..i, new.iter().copied());
        }
    }
}

/// Pieces of WeChat pages and bulletins, shuffled into tag soup.
const SOUP: &[&str] = &[
    "<html>",
    "<body>",
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<section>",
    "</section>",
    "<span>",
    "</span>",
    "<br>",
    "<a href=\"http://mp.weixin.qq.com/s?__biz=QQ==&amp;mid=1&amp;idx=1\">",
    "</a>",
    "<img data-src=\"https://img.example/1.png\">",
    "<div id=\"js_content\">",
    "<h1 id=\"activity-name\">",
    "</h1>",
    "<a id=\"js_name\">",
    "<script>",
    "</script>",
    "<!--",
    "-->",
    "<meta charset=\"gbk\">",
    "var biz = \"QQ==\";",
    "var ct = \"99999999999999\";",
    "网络安全信息与动态周报2024年第5期（1月29日-2月4日）",
    "本周网络安全基本态势",
    "本周事件处理情况",
    "近期回顾",
    "●",
    "整体评价为良。",
    "共处理网络安全事件",
    "12",
    "起",
    "恶意URL链接",
    "个",
    "&amp;",
    "&nbsp;",
    "\u{FFFD}",
    "\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        assert_sane(&parse(&bytes));
    }

    #[test]
    fn arbitrary_text_never_panics(text in "(?s).{0,600}") {
        assert_sane(&parse(text.as_bytes()));
        let with_front = markdown("网络安全信息与动态周报2024年第3期（1月15日-1月21日）", &text);
        assert_sane(&parse(&with_front));
    }

    #[test]
    fn tag_soup_never_panics(pieces in prop::collection::vec(0..SOUP.len(), 0..300)) {
        let page: String = std::iter::once("<!DOCTYPE html>")
            .chain(pieces.iter().map(|&i| SOUP[i]))
            .collect();
        assert_sane(&parse(page.as_bytes()));
    }

    #[test]
    fn damaged_fixtures_never_panic(
        which in 0..FIXTURES.len(),
        damages in prop::collection::vec(damage(), 1..6),
    ) {
        let mut bytes = fixture(FIXTURES[which]);
        for d in &damages {
            apply(&mut bytes, d);
        }
        assert_sane(&parse(&bytes));
    }
}

/// One of 网络安全信息与动态周报's figures, by id.
fn fig(id: &str) -> zhoubao::model::Metric {
    zhoubao::model::SeriesId::CNCERT.figure(id)
}
