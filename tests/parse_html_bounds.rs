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
const BOUND: Duration = Duration::from_secs(10);

/// Mixed pages are cut here: a debug build parses a flat page of this
/// size in about a second.
const MAX_PAGE: usize = 400 * 1024;

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

/// Nesting written so that a scan of the raw text misses it, `n` levels.
const HIDDEN: &[fn(usize) -> String] = &[
    // The comment ends at `--!>`; a scan looking for `-->` skips all.
    |n| format!("<!-- --!>{}", "<div>".repeat(n)),
    // An SVG <title> is no raw text; <div> breaks out of the SVG.
    |n| format!("<svg><title>{}", "<div>".repeat(n)),
    // Each `</div>` in the attribute cancels a `<div>` for a scan.
    |n| "<div><p title=\"</div></div>\">".repeat(n),
    // `</textarea >` and the like end a raw-text element, and a scan
    // also takes them for the end of an element that nests.
    |n| "<div><textarea></textarea >".repeat(n),
    |n| "<section><script></script >".repeat(n),
];

#[derive(Debug, Clone)]
enum Piece {
    /// A hidden nesting, `HIDDEN[i]` with this many levels.
    Hidden(usize, usize),
    /// An opener repeated: nesting.
    Nest(usize, usize),
    /// A hider, possibly repeated.
    Hide(usize, usize),
    /// One tag with many distinct attributes.
    Attributes(usize),
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        // Deep enough that html5ever alone would take many seconds.
        4 => (0..OPENERS.len(), prop_oneof![1 => 1usize..100, 2 => 10_000usize..40_000])
            .prop_map(|(i, n)| Piece::Nest(i, n)),
        5 => (0..HIDERS.len(), prop_oneof![3 => 1usize..4, 1 => 1usize..2000])
            .prop_map(|(i, n)| Piece::Hide(i, n)),
        // A debug build's tokenizer checks attributes ~100 times slower
        // than a release build; the benchmark covers thousands.
        1 => (1usize..1500).prop_map(Piece::Attributes),
        1 => (0..HIDDEN.len(), 1usize..3000).prop_map(|(i, n)| Piece::Hidden(i, n)),
    ]
}

/// The page of `pieces`, cut at [`MAX_PAGE`].
fn write(pieces: &[Piece], wechat: bool) -> String {
    let mut page = write_unbounded(pieces, wechat);
    if page.len() > MAX_PAGE {
        let mut end = MAX_PAGE;
        while !page.is_char_boundary(end) {
            end -= 1;
        }
        page.truncate(end);
    }
    page
}

fn write_unbounded(pieces: &[Piece], wechat: bool) -> String {
    let mut page = String::from("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
    if wechat {
        page.push_str(
            "<h1 id=\"activity-name\">网络安全信息与动态周报2024年第17期</h1><div id=\"js_content\">",
        );
    }
    for p in pieces {
        match *p {
            Piece::Hidden(i, n) => page.push_str(&HIDDEN[i](n)),
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
            let why = why.to_string();
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
        pieces in prop::collection::vec(piece(), 1..8),
        wechat in any::<bool>(),
    ) {
        assert_bounded(&write(&pieces, wechat))?;
    }

    #[test]
    fn hidden_nesting_parses_or_fails_in_bounded_time(
        before in prop::collection::vec((0..HIDERS.len(), 1usize..4).prop_map(|(i, n)| Piece::Hide(i, n)), 0..3),
        // Deep enough that html5ever alone takes tens of seconds.
        hidden in (0..HIDDEN.len(), 40_000usize..70_000).prop_map(|(i, n)| Piece::Hidden(i, n)),
        after in prop::collection::vec((0..HIDERS.len(), 1usize..4).prop_map(|(i, n)| Piece::Hide(i, n)), 0..3),
        wechat in any::<bool>(),
    ) {
        let pieces: Vec<Piece> = before.into_iter().chain([hidden]).chain(after).collect();
        assert_bounded(&write_unbounded(&pieces, wechat))?;
    }
}

/// Every shape that fooled the old estimate of the nesting, deep enough
/// that html5ever alone takes tens of seconds.
#[test]
fn nesting_hidden_from_a_text_scan_is_bounded() {
    for hidden in HIDDEN {
        assert_bounded(&format!("<html><body>{}", hidden(40_000))).unwrap();
    }
}
