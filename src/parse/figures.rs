//! A series' assessment and figures, read from the article text with the
//! phrases its declaration gives ([`crate::series`]): each figure's
//! number is the first match of its phrases, a family's list (`WEB应用219
//! 个，应用程序155个…`) gives a figure per item. A phrase that is not
//! there leaves its figure unknown, never 0.
//!
//! The wording drifts between issues and mirrors (dropped characters,
//! older phrasings, stray spaces inside or around the numbers, full-width
//! digits): the declared phrases allow for it, the numbers here.

use std::sync::LazyLock;

use regex::Regex;

use super::text::ascii_digits;
use crate::model::{Assessment, Figures, Metric, SeriesId, Value};
use crate::series::{Carrier, Family, Kind};

/// Blanks that web pages put between a figure and its words, including the
/// zero-width ones `\s` does not cover.
const GAP: &str = r"[\s\u{200B}\u{FEFF}]*";

/// A count as Chinese text writes it (full-width digits are made ASCII
/// first): digits split by stray blanks or by thousands separators, `,` or
/// `，`, the latter only before exactly three digits because `，` also ends
/// clauses (`381起，含`); then an optional fraction and 万 (`1.2万`).
const COUNT: &str = r"([0-9]+(?:[\s\u{200B}\u{FEFF}]*[,，][\s\u{200B}\u{FEFF}]*[0-9]{3}|[\s\u{200B}\u{FEFF}]+[0-9]+)*(?:\.[0-9]+)?(?:[\s\u{200B}\u{FEFF}]*万)?)";

/// A score or a share: digits and one point at most.
const DECIMAL: &str = r"([0-9]+(?:\.[0-9]+)?)";

/// A declared pattern made a regex: `{_}` a gap, `{n}` the number.
fn expand(pattern: &str, kind: Kind) -> Regex {
    let number = match kind {
        Kind::Count => COUNT,
        Kind::Score { .. } | Kind::Share => DECIMAL,
    };
    let text = pattern.replace("{_}", GAP).replace("{n}", number);
    Regex::new(&text).unwrap_or_else(|e| panic!("declared pattern {pattern:?}: {e}"))
}

/// One series' patterns, compiled once.
struct Compiled {
    assessment: Regex,
    phrases: Vec<(Metric, Kind, Vec<Regex>)>,
    families: Vec<(&'static Family, Regex)>,
}

static COMPILED: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    SeriesId::all()
        .map(|series| {
            let decl = series.decl();
            let phrases = series
                .figures()
                .iter()
                .filter_map(|&m| match m.info().declared?.carrier {
                    Carrier::Phrases(p) => {
                        Some((m, m.kind(), p.iter().map(|p| expand(p, m.kind())).collect()))
                    }
                    Carrier::Item { .. } => None,
                })
                .collect();
            Compiled {
                assessment: expand(decl.assessment, Kind::Count),
                phrases,
                families: decl
                    .families
                    .iter()
                    .map(|f| (f, expand(f.list, Kind::Count)))
                    .collect(),
            }
        })
        .collect()
});

fn compiled(series: SeriesId) -> &'static Compiled {
    &COMPILED[SeriesId::all().position(|s| s == series).unwrap_or(0)]
}

/// The figures of `series` found in `text`; a phrase that is absent, or
/// whose number is not one the figure can have, leaves it unknown.
pub(crate) fn read_figures(series: SeriesId, text: &str) -> Figures {
    read_figures_besides(series, text, &Figures::default())
}

/// [`read_figures`] of the figures `known` lacks, with `known`'s.
pub(crate) fn read_figures_besides(series: SeriesId, text: &str, known: &Figures) -> Figures {
    let mut figures = known.clone();
    if !text.contains(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        return figures;
    }
    let text = ascii_digits(text);
    let c = compiled(series);
    for (metric, kind, phrases) in c.phrases.iter().filter(|(m, _, _)| known.get(*m).is_none()) {
        let value = phrases.iter().find_map(|p| {
            let raw = p.captures(&text)?.get(1)?.as_str();
            parse_value(raw, *kind)
        });
        figures.set(*metric, value);
    }
    for (family, list) in &c.families {
        if let Some(items) = list.captures(&text).and_then(|c| c.get(1)) {
            for (name, value) in family_items(items.as_str()) {
                if let Some(m) = series.family_item(family.id, &name) {
                    if figures.get(m).is_none() {
                        figures.set(m, Some(Value::count(value)));
                    }
                }
            }
        }
    }
    figures
}

/// `WEB应用219个，网络设备（交换机、路由器等网络端设备）117个，车联网1个`
/// as (name, count) pairs: remarks in brackets dropped, items split at
/// `，`, `、` or `；`; a piece that is no `NAME N个` is skipped.
fn family_items(list: &str) -> Vec<(String, i64)> {
    static ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:包括|其中|以及|和|及)?\s*([^0-9]+?)\s*([0-9]+)\s*个$")
            .expect("static regex")
    });
    let mut plain = String::with_capacity(list.len());
    let mut depth = 0usize;
    for c in list.chars() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    plain
        .split(['，', ',', '、', '；', ';'])
        .filter_map(|piece| {
            let caps = ITEM.captures(piece.trim())?;
            let name = caps.get(1)?.as_str().trim().to_string();
            let value = caps.get(2)?.as_str().parse().ok()?;
            Some((name, value))
        })
        .collect()
}

/// What a phrase's number matched, as a value of the figure's kind.
fn parse_value(raw: &str, kind: Kind) -> Option<Value> {
    match kind {
        Kind::Count => parse_number(raw).map(Value::count),
        Kind::Score { .. } | Kind::Share => Value::parse(raw),
    }
}

/// What [`COUNT`] matched, as a count: separators and blanks dropped, 万
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

/// The word of `series`' assessment sentence.
pub(crate) fn read_assessment(series: SeriesId, text: &str) -> Option<Assessment> {
    let word = compiled(series).assessment.captures(text)?.get(1)?;
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

    fn m(id: &str) -> Metric {
        SeriesId::CNCERT.metric(id).unwrap()
    }

    fn read(text: &str) -> Figures {
        read_figures(SeriesId::CNCERT, text)
    }

    fn all(f: &Figures) -> Vec<Option<i64>> {
        SeriesId::CNCERT
            .headline()
            .iter()
            .map(|m| f.count(*m))
            .collect()
    }

    #[test]
    fn current_wording_gives_all_five() {
        let f = read(CURRENT);
        assert_eq!(all(&f), [Some(381), Some(149), Some(332), Some(5), Some(7)]);
    }

    #[test]
    fn semicolons_between_clauses_change_nothing() {
        let text = CURRENT
            .replace("事件。协调", "事件；协调")
            .replace("起。其中", "起;其中");
        assert_eq!(all(&read(&text)), all(&read(CURRENT)));
    }

    #[test]
    fn dropped_character_typos_are_tolerated() {
        let text = CURRENT
            .replace("跨境网络安全事件149起", "跨境网络安全事149起")
            .replace("重点处理332起", "重点处332起");
        assert_eq!(all(&read(&text)), all(&read(CURRENT)));
    }

    #[test]
    fn older_wording_is_read() {
        let text = "本周共处理了网络安全事件494起，其中跨境网络安全事件202起。重点处理了451起网页仿冒投诉。\
            协调3个提供恶意移动应用程序下载服务的平台，处理恶意URL链16个。";
        let f = read(text);
        assert_eq!(
            all(&f),
            [Some(494), Some(202), Some(451), Some(3), Some(16)]
        );
    }

    #[test]
    fn stray_blanks_around_and_inside_numbers_are_tolerated() {
        let text = "共处理网络安全事件 368起，含跨境网络安全事件\u{a0}1 200 起，恶意URL链接5460 个";
        let f = read(text);
        assert_eq!(f.count(m("events_handled")), Some(368));
        assert_eq!(f.count(m("cross_border")), Some(1200));
        assert_eq!(f.count(m("malicious_urls")), Some(5460));
    }

    #[test]
    fn a_missing_clause_is_unknown_not_zero() {
        let text = "共处理网络安全事件73起，含跨境网络安全事件14起。重点处理70起仿冒投诉事件。";
        let f = read(text);
        assert_eq!(f.get(m("malicious_app_platforms")), None);
        assert_eq!(f.get(m("malicious_urls")), None);
        assert_eq!(f.count(m("events_handled")), Some(73));
    }

    #[test]
    fn a_number_too_large_for_i64_is_unknown() {
        let f = read("共处理网络安全事件99999999999999999999999起，含跨境网络安全事件3起");
        assert_eq!(f.get(m("events_handled")), None);
        assert_eq!(f.count(m("cross_border")), Some(3));
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
        let read = |t| read_assessment(SeriesId::CNCERT, t);
        assert_eq!(read("整体评价为良。"), Some(Assessment::Good));
        assert_eq!(read("整体评价为 差"), Some(Assessment::Poor));
        assert_eq!(read("整体评价为好"), None);
    }

    #[test]
    fn the_older_issues_situation_in_words_gives_cncerts_further_figures() {
        let text = "本周境内感染网络病毒的主机数量约为18.4万个。境内被篡改网站数量为1865个，\
            其中被篡改政府网站数量为26个；境内被植入后门的网站数量为717个；针对境内网站的仿冒页面数量为187个。\
            国家信息安全漏洞共享平台（CNVD）新收录网络安全漏洞284个。";
        let f = read(text);
        assert_eq!(f.count(m("infected_hosts")), Some(184_000));
        assert_eq!(f.count(m("defaced_sites")), Some(1865));
        assert_eq!(f.count(m("backdoored_sites")), Some(717));
        assert_eq!(f.count(m("phishing_pages")), Some(187));
        assert_eq!(f.count(m("cnvd_vulns")), Some(284));
        // and the newer issues, which state none of these, leave them unknown
        let now = read(CURRENT);
        assert!([
            "infected_hosts",
            "defaced_sites",
            "backdoored_sites",
            "phishing_pages",
            "cnvd_vulns"
        ]
        .iter()
        .all(|id| now.get(m(id)).is_none()));
    }

    const CNVD: &str = "本周信息安全漏洞威胁整体评价级别为**中**。\n\
        国家信息安全漏洞共享平台（以下简称CNVD）本周共收集、整理信息安全漏洞623个，其中高危漏洞240个、中危漏洞361个、低危漏洞22个。\
        漏洞平均分值为6.18。本周收录的漏洞中，涉及0day漏洞466个（占75%），其中互联网上出现“X”等零日代码攻击漏洞。\
        本周CNVD接到的涉及党政机关和企事业单位的漏洞总数7766个，与上周（19674个）环比减少61%。\n\
        本周，CNVD向银行、保险、能源等重要行业单位通报漏洞事件12起，向基础电信企业通报漏洞事件0起，\
        协调CNCERT各分中心验证和处置涉及地方重要部门漏洞事件907起，协调教育行业应急组织验证和处置高校科研院所系统漏洞事件78起。\n\
        本周，CNVD收录了351个漏洞。WEB应用185个，应用程序80个，网络设备（交换机、路由器等网络端设备）53个，\
        智能设备（物联网终端设备）25个，数据库4个，操作系统2个，安全产品1个，车联网1个。\n\
        本周，CNVD收录了77个电信行业漏洞，24个移动互联网行业漏洞，10个工控行业漏洞（如下图所示）。";

    #[test]
    fn a_cnvd_report_gives_every_declared_figure_it_states() {
        let s = SeriesId::CNVD;
        let f = read_figures(s, CNVD);
        let get = |id: &str| f.get(s.metric(id).unwrap()).map(|v| v.to_string());
        for (id, want) in [
            ("vulns", "623"),
            ("vulns_high", "240"),
            ("vulns_medium", "361"),
            ("vulns_low", "22"),
            ("avg_score", "6.18"),
            ("zero_day", "466"),
            ("zero_day_share", "75"),
            ("gov_vulns", "7766"),
            ("gov_vulns_last_week", "19674"),
            ("events_industry", "12"),
            ("events_telecom", "0"),
            ("events_branches", "907"),
            ("events_education", "78"),
            ("type_web", "185"),
            ("type_app", "80"),
            ("type_network", "53"),
            ("type_iot", "25"),
            ("type_database", "4"),
            ("type_os", "2"),
            ("type_security", "1"),
            ("type:车联网", "1"),
            ("ind_telecom", "77"),
            ("ind_mobile", "24"),
            ("ind_ics", "10"),
        ] {
            assert_eq!(get(id).as_deref(), Some(want), "{id}");
        }
        // The clause that is not there is unknown; a stated 0 is a 0.
        assert_eq!(get("events_superior"), None);
        assert_eq!(read_assessment(s, CNVD), Some(Assessment::Fair));
        assert_eq!(
            read_assessment(s, "整体评价级别为高。"),
            Some(Assessment::High)
        );
    }

    #[test]
    fn a_type_list_with_its_own_wording_still_gives_its_items() {
        let s = SeriesId::CNVD;
        let f = read_figures(
            s,
            "本周，CNVD收录了329个漏洞。按类型划分包括WEB应用177个，智能设备21个， 区块链公链2个。",
        );
        let get = |id: &str| f.count(s.metric(id).unwrap());
        assert_eq!(get("type_web"), Some(177));
        assert_eq!(get("type_iot"), Some(21));
        assert_eq!(get("type:区块链公链"), Some(2));
        assert_eq!(get("type_os"), None);
    }
}
