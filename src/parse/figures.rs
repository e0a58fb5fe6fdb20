//! The assessment and the five weekly figures, read from the article text.
//!
//! The wording drifts between issues and mirrors: dropped characters
//! (`跨境网络安全事149起`, `重点处332起`), older phrasings (`共处理了…`,
//! `其中跨境…`, `重点处理了451起网页仿冒投诉`, `恶意URL链16个`) and stray
//! spaces inside or around the numbers. A clause that is not there is
//! unknown, never 0.

use std::sync::LazyLock;

use regex::Regex;

use super::text::ascii_digits;
use crate::model::{Assessment, Figures, Metric};

/// Blanks that web pages put between a figure and its words, including the
/// zero-width ones `\s` does not cover.
macro_rules! gap {
    () => {
        r"[\s\u{200B}\u{FEFF}]*"
    };
}

/// A figure as Chinese text writes it (full-width digits are made ASCII
/// first): digits split by stray blanks or by thousands separators, `,` or
/// `，`, the latter only before exactly three digits because `，` also ends
/// clauses (`381起，含`); then an optional fraction and 万 (`1.2万`).
macro_rules! num {
    () => {
        concat!(
            r"([0-9]+(?:",
            gap!(),
            r"[,，]",
            gap!(),
            r"[0-9]{3}|[\s\u{200B}\u{FEFF}]+[0-9]+)*(?:\.[0-9]+)?(?:",
            gap!(),
            "万)?)"
        )
    };
}

static PHRASES: LazyLock<[(Metric, Regex); 5]> = LazyLock::new(|| {
    let re = |p: &str| Regex::new(p).expect("static regex");
    [
        (
            Metric::EventsHandled,
            re(concat!(
                "共处理了?",
                gap!(),
                "网络安全事件?",
                gap!(),
                num!(),
                gap!(),
                "起"
            )),
        ),
        (
            Metric::CrossBorder,
            re(concat!(
                "(?:含|其中)",
                gap!(),
                "跨境网络安全事件?",
                gap!(),
                num!(),
                gap!(),
                "起"
            )),
        ),
        (
            Metric::PhishingComplaints,
            re(concat!(
                "重点处理?了?",
                gap!(),
                num!(),
                gap!(),
                "起",
                gap!(),
                "(?:网页)?仿冒"
            )),
        ),
        (
            Metric::MaliciousAppPlatforms,
            re(concat!(
                "协调",
                gap!(),
                num!(),
                gap!(),
                "个",
                gap!(),
                "提供恶意移动应用"
            )),
        ),
        (
            Metric::MaliciousUrls,
            re(concat!(
                "(?i:url)",
                gap!(),
                "链接?",
                gap!(),
                num!(),
                gap!(),
                "个"
            )),
        ),
    ]
});

static ASSESSMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!("整体评价为", gap!(), "([优良中差])")).expect("static regex")
});

/// The five figures found in `text`; a clause that is absent, or whose
/// number is no whole count that fits an i64, stays None.
pub(crate) fn read_figures(text: &str) -> Figures {
    let mut figures = Figures::default();
    if !text.contains('起') && !text.contains('个') {
        return figures;
    }
    let text = ascii_digits(text);
    for (metric, phrase) in PHRASES.iter() {
        let value = phrase
            .captures(&text)
            .and_then(|c| c.get(1))
            .and_then(|m| parse_number(m.as_str()));
        figures.set(*metric, value);
    }
    figures
}

/// What [`num!`] matched, as a count: separators and blanks dropped, 万
/// times 10,000; a fraction that leaves no whole number is unknown.
fn parse_number(raw: &str) -> Option<i64> {
    let wan = raw.ends_with('万');
    let digits: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let whole: i64 = whole.parse().ok()?;
    if !wan {
        return fraction.is_empty().then_some(whole);
    }
    const WAN_DIGITS: usize = 4;
    let fraction = fraction.trim_end_matches('0');
    if fraction.len() > WAN_DIGITS {
        return None;
    }
    let fraction: i64 = format!("{fraction:0<WAN_DIGITS$}").parse().ok()?;
    whole.checked_mul(10_000)?.checked_add(fraction)
}

/// The word after 整体评价为.
pub(crate) fn read_assessment(text: &str) -> Option<Assessment> {
    let word = ASSESSMENT.captures(text)?.get(1)?;
    word.as_str()
        .chars()
        .next()
        .and_then(Assessment::from_chinese)
}

#[cfg(test)]
mod tests {
    use super::*;

    const CURRENT: &str = "本周，CNCERT协调各方共处理网络安全事件381起，含跨境网络安全事件149起。\
        其中，协调境外CERT等机构重点处理332起仿冒投诉事件。协调5个提供恶意移动应用程序下载服务的平台\
        开展处理工作，共处理传播移动互联网恶意代码的恶意URL链接7个。";

    fn all(f: &Figures) -> [Option<i64>; 5] {
        Metric::ALL.map(|m| f.get(m))
    }

    #[test]
    fn current_wording_gives_all_five() {
        let f = read_figures(CURRENT);
        assert_eq!(all(&f), [Some(381), Some(149), Some(332), Some(5), Some(7)]);
    }

    #[test]
    fn semicolons_between_clauses_change_nothing() {
        let text = CURRENT
            .replace("事件。协调", "事件；协调")
            .replace("起。其中", "起;其中");
        assert_eq!(all(&read_figures(&text)), all(&read_figures(CURRENT)));
    }

    #[test]
    fn dropped_character_typos_are_tolerated() {
        let text = CURRENT
            .replace("跨境网络安全事件149起", "跨境网络安全事149起")
            .replace("重点处理332起", "重点处332起");
        assert_eq!(all(&read_figures(&text)), all(&read_figures(CURRENT)));
    }

    #[test]
    fn older_wording_is_read() {
        let text = "本周共处理了网络安全事件494起，其中跨境网络安全事件202起。重点处理了451起网页仿冒投诉。\
            协调3个提供恶意移动应用程序下载服务的平台，处理恶意URL链16个。";
        let f = read_figures(text);
        assert_eq!(
            all(&f),
            [Some(494), Some(202), Some(451), Some(3), Some(16)]
        );
    }

    #[test]
    fn stray_blanks_around_and_inside_numbers_are_tolerated() {
        let text = "共处理网络安全事件 368起，含跨境网络安全事件\u{a0}1 200 起，恶意URL链接5460 个";
        let f = read_figures(text);
        assert_eq!(f.events_handled, Some(368));
        assert_eq!(f.cross_border, Some(1200));
        assert_eq!(f.malicious_urls, Some(5460));
    }

    #[test]
    fn a_missing_clause_is_unknown_not_zero() {
        let text = "共处理网络安全事件73起，含跨境网络安全事件14起。重点处理70起仿冒投诉事件。";
        let f = read_figures(text);
        assert_eq!(f.malicious_app_platforms, None);
        assert_eq!(f.malicious_urls, None);
        assert_eq!(f.events_handled, Some(73));
    }

    #[test]
    fn a_number_too_large_for_i64_is_unknown() {
        let f = read_figures("共处理网络安全事件99999999999999999999999起，含跨境网络安全事件3起");
        assert_eq!(f.events_handled, None);
        assert_eq!(f.cross_border, Some(3));
    }

    #[test]
    fn numbers_read_as_whole_counts() {
        for (raw, value) in [
            ("1234", Some(1234)),
            ("1,234", Some(1234)),
            ("1，234,567", Some(1234567)),
            ("1 234", Some(1234)),
            ("1.2万", Some(12000)),
            ("18.4万", Some(184000)),
            ("0.0001万", Some(1)),
            ("1.00001万", None),
            ("2万", Some(20000)),
            ("1.5", None),
            ("99999999999999999万", None),
        ] {
            assert_eq!(parse_number(raw), value, "{raw}");
        }
    }

    #[test]
    fn assessment_word_is_read() {
        assert_eq!(read_assessment("整体评价为良。"), Some(Assessment::Good));
        assert_eq!(read_assessment("整体评价为 差"), Some(Assessment::Poor));
        assert_eq!(read_assessment("整体评价为好"), None);
    }
}
