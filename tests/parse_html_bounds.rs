//! The HTML parse is bounded however the markup hides its nesting: pages
//! generated from deep nesting and from everything that hides tags from a
//! naive scan (comments and their odd ends, bogus comments, CDATA, quoted
//! attributes, raw-text elements) each parse or fail within a generous time,
//! with a one-line reason.
//!
//! The issue (#8) asks for this one time bound in a test: before the
//! bounds, such pages took html5ever minutes. The bound is generous so a
//! loaded machine or a debug build cannot trip it; the benchmark
//! `benches/hostile.rs` holds the real target (2 s at the size limit).

use std::time::{Duration, Instant};

use proptest::prelude::*;
use zhoubao::parse::{parse, ParseError};

/// Far above what any generated page takes with the bounds (well under a
/// second), far below what one took without them.
const BOUND: Duration = Duration::from_secs(5);

/// Elements that nest, in every insertion mode the tree builder has.
const OPENERS: &[&str] = &[
    "<div>",
    "<span>",
    "<b>",
    "<a href=x>",
    "<ul><li>",
    "<table><tr><td>",
    "<table>",
    "<svg>",
    "<math><mi>",
    "<template>",
    "<select><option>",
    "<object>",
    "<p><b>",
    "<font color=red>",
    "<section><span style=\"color:red\">",
];

/// What hides tags from a scan that does not tokenize as html5ever does.
const HIDERS: &[&str] = &[
    "<!--",
    "-->",
    "--!>",
    "<!-->",
    "<!--->",
    "<!",
    "<?php ",
    "</ x>",
    "</3>",
    "<![CDATA[",
    "]]>",
    "<script>",
    "</script>",
    "<script><!--",
    "<style>",
    "</style>",
    "<textarea>",
    "</textarea>",
    "<title>",
    "</title>",
    "<xmp>",
    "<noscript>",
    "<iframe>",
    "<p title=\"",
    "<p title='",
    "\"",
    "'",
    ">",
    "<",
    "</div>",
    "</b>",
    "</p>",
    "</li></ul>",
    "</table>",
    "x",
    "本周共处理网络安全事件381起",
];

#[derive(Debug, Clone)]
enum Piece {
    /// An opener repeated: nesting.
    Nest(usize, usize),
    /// A hider, possibly repeated.
    Hide(usize, usize),
    /// One tag with many distinct attributes.
    Attributes(usize),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        4 => (0..OPENERS.len(), 1usize..3000).prop_map(|(i, n)| Piece::Nest(i, n)),
        5 => (0..HIDERS.len(), prop_oneof![3 => 1usize..4, 1 => 1usize..2000])
            .prop_map(|(i, n)| Piece::Hide(i, n)),
        1 => (1usize..6000).prop_map(Piece::Attributes),
    ]
}

fn write(pieces: &[Piece], wechat: bool) -> String {
    let mut page = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
    if wechat {
        page.push_str(
            "<h1 id=\"activity-name\">网络安全信息与动态周报2024年第17期</h1><div id=\"js_content\">",
        );
    }
    for p in pieces {
        match *p {
            Piece::Nest(i, n) => page.push_str(&OPENERS[i].repeat(n)),
            Piece::Hide(i, n) => page.push_str(&HIDERS[i].repeat(n)),
            Piece::Attributes(n) => {
                page.push_str("<div");
                for a in 0..n {
                    page.push_str(&format!(" a{a:x}"));
                }
                page.push('>');
            }
        }
    }
    page
}

fn assert_bounded(page: &str) -> Result<(), TestCaseError> {
    let start = Instant::now();
    let result = parse(page.as_bytes());
    let took = start.elapsed();
    prop_assert!(
        took < BOUND,
        "{} bytes took {took:?} (bound {BOUND:?}): {:?}",
        page.len(),
        result.as_ref().err()
    );
    if let Err(e) = &result {
        let msg = e.to_string();
        prop_assert!(!msg.contains('\n') && msg.chars().count() < 300, "{msg}");
        if let ParseError::Unreadable(why) = e {
            prop_assert!(
                why.contains("not a page this tool reads") || why.contains("binary"),
                "{why}"
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn nested_and_tag_hiding_html_parses_or_fails_in_bounded_time(
        pieces in prop::collection::vec(piece(), 1..12),
        wechat in any::<bool>(),
    ) {
        assert_bounded(&write(&pieces, wechat))?;
    }
}

/// The shapes that fooled the old estimate, each at a size that took
/// html5ever tens of seconds.
#[test]
fn nesting_hidden_from_a_text_scan_is_bounded() {
    let deep = "<div>".repeat(120_000);
    for page in [
        format!("<html><body><!-- --!>{deep}-->"),
        format!("<html><body><p title=\"</div></div>\">{deep}"),
        format!("<html><body><svg><![CDATA[ ]]>{deep}"),
        format!("<html><body>{}", "<p title=\"</p>\"><span>".repeat(60_000)),
        format!("<html><body><svg><title>{deep}"),
    ] {
        assert_bounded(&page).unwrap();
    }
}
