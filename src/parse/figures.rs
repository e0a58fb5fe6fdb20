//! The assessment and the five weekly figures, read from the article text.
//!
//! The wording drifts between issues and mirrors: dropped characters
//! (`跨境网络安全事149起`, `重点处332起`), older phrasings (`共处理了…`,
//! `其中跨境…`, `重点处理了451起网页仿冒投诉`, `恶意URL链16个`) and stray
//! spaces inside or around the numbers. A clause that is not there is
//! unknown, never 0.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Assessment, Figures, Metric};

/// Blanks that web pages put between a figure and its words, including the
/// zero-width ones `\s` does not cover.
macro_rules! gap {
    () => {
        r"[\s\u{200B}\u{FEFF}]*"
    };
}

/// A figure: digits, possibly split by stray blanks or thousands commas.
macro_rules! num {
    () => {
        r"([0-9]+(?:[,\s\u{200B}\u{FEFF}]+[0-9]+)*)"
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
/// number does not fit an i64, stays None.
pub(crate) fn read_figures(text: &str) -> Figures {
    let mut figures = Figures::default();
    if !text.contains('起') && !text.contains('个') {
        return figures;
    }
    for (metric, phrase) in PHRASES.iter() {
        let value = phrase
            .captures(text)
            .and_then(|c| c.get(1))
            .and_then(|m| parse_number(m.as_str()));
        figures.set(*metric, value);
    }
    figures
}

fn parse_number(raw: &str) -> Option<i64> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    digits.parse().ok()
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
    fn assessment_word_is_read() {
        assert_eq!(read_assessment("整体评价为良。"), Some(Assessment::Good));
        assert_eq!(read_assessment("整体评价为 差"), Some(Assessment::Poor));
        assert_eq!(read_assessment("整体评价为好"), None);
    }
}
