//! Values at the edges of their ranges: publish times and dates that chrono
//! cannot hold or that no bulletin carries, years at the ends of the range
//! a key may have, numbers written the way Chinese text writes them, and
//! 近期回顾 links whose text or address holds brackets.

use std::fs;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use zhoubao::model::{Bulletin, IssueKey};
use zhoubao::parse::{parse, read_wechat_page, ParseError};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fixture page with its publish time (`var ct`, `var create_time`)
/// replaced by `seconds`.
fn page_published_at(seconds: &str) -> String {
    fixture("wechat_article.html").replace("1688522400", seconds)
}

fn markdown(title: &str, date: &str, body: &str) -> Vec<u8> {
    format!(
        "---\ntitle: {title}\nurl: https://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1\nsource: t\ndate: {date}\n---\n\n{body}\n"
    )
    .into_bytes()
}

const TITLE: &str = "网络安全信息与动态周报2024年第17期（4月22日-4月27日）";

fn in_key_range(d: NaiveDate) -> bool {
    IssueKey::YEARS.contains(&d.year())
}

#[test]
fn a_publish_time_beyond_chronos_range_is_unknown_not_a_panic() {
    let b = parse(page_published_at("8210266876799").as_bytes()).expect("bulletin");
    assert_eq!(b.key, IssueKey::new(2023, 26));
    assert_eq!(b.published, None);
}

#[test]
fn publish_times_at_every_edge_are_unknown_or_plausible() {
    for seconds in [
        "0",
        "-1",
        "-62135596800",         // 0001-01-01
        "-8334632851200",       // chrono's first day
        "253402300800",         // 10000-01-01, shown as +10000-01-01
        "8210266876799",        // near chrono's last day
        "8210298412799",        // chrono's last second
        "8210298412800",        // one past it
        "9223372036854775807",  // i64::MAX
        "-9223372036854775808", // i64::MIN
        "99999999999999999999", // beyond i64
    ] {
        let page = page_published_at(seconds);
        let result = std::panic::catch_unwind(|| parse(page.as_bytes()));
        let b = result
            .unwrap_or_else(|_| panic!("ct = {seconds} panicked"))
            .expect("bulletin");
        assert!(
            b.published.is_none_or(in_key_range),
            "ct = {seconds}: {:?}",
            b.published
        );
        let own = read_wechat_page(page.as_bytes()).expect("page");
        assert_eq!(own.published, b.published, "ct = {seconds}");
    }
}

#[test]
fn a_plausible_publish_time_is_still_read() {
    // 2024-05-03 16:30 UTC is 4 May in Beijing.
    let b = parse(page_published_at("1714753800").as_bytes()).expect("bulletin");
    assert_eq!(b.published, NaiveDate::from_ymd_opt(2024, 5, 4));
}

#[test]
fn legacy_publish_dates_outside_the_key_range_are_unknown() {
    for day in ["0000-01-01", "0999-12-31", "9999-12-31", "5001-01-01"] {
        let page = fixture("wechat_article.html")
            .replace(
                "var ct = \"1688522400\";",
                &format!("var publish_time = \"{day}\";"),
            )
            .replace("var create_time = \"1688522400\" * 1;", "");
        let b = parse(page.as_bytes()).expect("bulletin");
        assert_eq!(b.published, None, "{day}");
    }
}

#[test]
fn front_matter_dates_at_the_edges_are_unknown() {
    for date in [
        "+10000-01-01",
        "-0001-01-01",
        "0000-01-01",
        "9999-12-31",
        "0999-12-31",
        "2024-13-01",
        "２０２４-05-04",
    ] {
        let b = parse(&markdown(TITLE, date, "")).expect("bulletin");
        assert_eq!(b.published, None, "{date}");
    }
    let b = parse(&markdown(TITLE, "2024-05-04T10:00:00+08:00", "")).expect("bulletin");
    assert_eq!(b.published, NaiveDate::from_ymd_opt(2024, 5, 4));
}

#[test]
fn a_period_with_years_far_from_the_issue_is_unknown() {
    for title in [
        "网络安全信息与动态周报2024年第17期（0000年4月22日-0000年4月27日）",
        "网络安全信息与动态周报2024年第17期（9999年4月22日-9999年4月27日）",
        "网络安全信息与动态周报2024年第1期（2019年12月30日-2020年1月5日）",
    ] {
        let b = parse(&markdown(title, "2024-05-04", "")).expect("bulletin");
        assert_eq!(b.key.year, 2024, "{title}");
        assert_eq!(b.period, None, "{title}");
    }
    let b = parse(&markdown(
        "网络安全信息与动态周报2025年第1期（2024年12月30日-2025年1月5日）",
        "2025-01-09",
        "",
    ))
    .expect("bulletin");
    assert_eq!(
        b.period.map(|p| p.start),
        NaiveDate::from_ymd_opt(2024, 12, 30)
    );
}

#[test]
fn a_period_at_the_first_year_of_the_range_is_kept() {
    let first = *IssueKey::YEARS.start();
    let title = format!("网络安全信息与动态周报{first}年第1期（12月30日-1月5日）");
    let b = parse(&markdown(&title, "", "")).expect("bulletin");
    let p = b.period.expect("period");
    assert_eq!(p.end, NaiveDate::from_ymd_opt(first, 1, 5).unwrap());
    assert_eq!(p.start, NaiveDate::from_ymd_opt(first - 1, 12, 30).unwrap());
}

/// Every key a title can give is a key `show` and `--open` accept, and
/// the other way round.
#[test]
fn every_importable_key_can_be_shown_and_opened() {
    let (first, last) = (*IssueKey::YEARS.start(), *IssueKey::YEARS.end());
    let (low, high) = (*IssueKey::NUMBERS.start(), *IssueKey::NUMBERS.end());
    for year in [first, first + 1, 1024, 1900, 2024, last - 1, last] {
        for number in [low, 17, high] {
            let title = format!("网络安全信息与动态周报{year}年第{number}期");
            let b = parse(&markdown(&title, "", "")).unwrap_or_else(|e| panic!("{title}: {e}"));
            assert_eq!(b.key, IssueKey::new(year, number));
            let text = b.key.to_string();
            assert_eq!(text.parse::<IssueKey>(), Ok(b.key), "{text}");
        }
    }
}

#[test]
fn years_and_numbers_outside_the_range_are_refused_by_titles_and_keys_alike() {
    let (first, last) = (*IssueKey::YEARS.start(), *IssueKey::YEARS.end());
    let high = *IssueKey::NUMBERS.end();
    for (year, number) in [(first - 1, 1), (last + 1, 1), (2024, 0), (2024, high + 1)] {
        let title = format!("网络安全信息与动态周报{year:04}年第{number}期");
        let err = parse(&markdown(&title, "", "")).expect_err("refused");
        assert!(matches!(err, ParseError::NotBulletin(_)), "{title}: {err}");
        let key = format!("{year}-{number}");
        assert!(key.parse::<IssueKey>().is_err(), "{key} accepted");
    }
}

#[test]
fn the_key_parser_names_the_range_it_accepts() {
    let err = "9999-1".parse::<IssueKey>().expect_err("out of range");
    let msg = err.to_string();
    let (first, last) = (IssueKey::YEARS.start(), IssueKey::YEARS.end());
    assert!(msg.contains(&format!("{first} to {last}")), "{msg}");
}

fn handling(text: &str) -> Bulletin {
    parse(&markdown(
        TITLE,
        "2024-05-04",
        &format!("本周事件处理情况\n\n{text}"),
    ))
    .expect("bulletin")
}

fn five(b: &Bulletin) -> [Option<i64>; 5] {
    counts5(b)
}

const PLAIN: &str = "本周共处理网络安全事件1234起，含跨境网络安全事件321起。\
    重点处理12000起仿冒投诉事件。协调5个提供恶意移动应用程序下载服务的平台，恶意URL链接7个。";

#[test]
fn full_width_digits_give_the_same_figures() {
    let wide = PLAIN
        .replace("1234", "１２３４")
        .replace("321", "３２１")
        .replace("12000", "１２０００")
        .replace("5个", "５个")
        .replace("7个", "７个");
    assert_eq!(five(&handling(&wide)), five(&handling(PLAIN)));
    assert_eq!(
        handling(PLAIN).figures.count(fig("cross_border")),
        Some(321)
    );
}

#[test]
fn thousands_separators_give_the_same_figures() {
    for (events, phishing) in [
        ("1,234", "12,000"),
        ("1，234", "12，000"),
        ("１，２３４", "１２，０００"),
        ("1, 234", "12 ,000"),
    ] {
        let text = PLAIN.replace("1234", events).replace("12000", phishing);
        assert_eq!(five(&handling(&text)), five(&handling(PLAIN)), "{text}");
    }
}

#[test]
fn spaces_inside_a_number_give_the_same_figures() {
    let text = PLAIN
        .replace("1234", "1 234")
        .replace("321", "3\u{a0}2\u{3000}1")
        .replace("12000", "12 000");
    assert_eq!(five(&handling(&text)), five(&handling(PLAIN)));
}

#[test]
fn wan_multiplies_by_ten_thousand() {
    let text = PLAIN.replace("12000", "1.2万");
    assert_eq!(five(&handling(&text)), five(&handling(PLAIN)));
    let text = PLAIN.replace("12000", "１．２万");
    assert_eq!(five(&handling(&text)), five(&handling(PLAIN)));
    let text = PLAIN.replace("1234", "0.1234万");
    assert_eq!(
        handling(&text).figures.count(fig("events_handled")),
        Some(1234)
    );
    let text = PLAIN.replace("12000", "1.2 万");
    assert_eq!(
        handling(&text).figures.count(fig("phishing_complaints")),
        Some(12000)
    );
}

#[test]
fn a_comma_between_clauses_is_no_thousands_separator() {
    // `381起，含` and `5个，恶意`: the comma ends a clause.
    let text = "本周共处理网络安全事件381，含跨境网络安全事件149起。";
    assert_eq!(handling(text).figures.count(fig("events_handled")), None);
    let text = "共处理网络安全事件12,34起，含跨境网络安全事件1,2345起。";
    let b = handling(text);
    assert_eq!(b.figures.count(fig("events_handled")), None);
    assert_eq!(b.figures.count(fig("cross_border")), None);
    let b = handling(PLAIN);
    assert_eq!(
        five(&b),
        [Some(1234), Some(321), Some(12000), Some(5), Some(7)]
    );
}

#[test]
fn a_fraction_of_a_figure_is_unknown() {
    // 1.23456万 is not a whole number of events.
    let text = PLAIN.replace("12000", "1.23456万");
    assert_eq!(
        handling(&text).figures.count(fig("phishing_complaints")),
        None
    );
    let text = PLAIN.replace("12000", "1.2");
    assert_eq!(
        handling(&text).figures.count(fig("phishing_complaints")),
        None
    );
}

fn refs(lines: &str) -> Vec<zhoubao::model::RecentRef> {
    parse(&markdown(
        TITLE,
        "2024-05-04",
        &format!("本周网络安全基本态势\n\n近期回顾\n\n{lines}"),
    ))
    .expect("bulletin")
    .recent
}

#[test]
fn a_javascript_link_keeps_its_title_and_loses_its_address() {
    let r = refs("●[网络安全信息与动态周报2024年第16期](javascript:alert(1))");
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].title, "网络安全信息与动态周报2024年第16期");
    assert_eq!(r[0].key, Some(IssueKey::new(2024, 16)));
    assert_eq!(r[0].url, None);
}

#[test]
fn only_web_addresses_are_kept_as_links() {
    for url in [
        "javascript:alert(1)",
        "JavaScript:void(0)",
        "data:text/html,<b>x</b>",
        "file:///etc/passwd",
        "vbscript:msgbox",
        "mp.weixin.qq.com/s?x=1",
    ] {
        let r = refs(&format!("●[周报](<{url}>)\n●[周报]({url})"));
        assert!(r.iter().all(|r| r.url.is_none()), "{url}: {r:?}");
    }
    let r = refs("●[周报](HTTPS://mp.weixin.qq.com/s?__biz=QQ==&mid=2&idx=1)");
    assert_eq!(
        r[0].url.as_deref(),
        Some("HTTPS://mp.weixin.qq.com/s?__biz=QQ==&mid=2&idx=1")
    );
}

#[test]
fn parentheses_inside_a_link_address_are_balanced() {
    let r = refs("●[周报第16期](http://x.example/a_(b)_c?d=(1)) 尾");
    assert_eq!(r[0].url.as_deref(), Some("http://x.example/a_(b)_c?d=(1)"));
    assert_eq!(r[0].title, "周报第16期 尾");
}

#[test]
fn brackets_inside_link_text_are_balanced() {
    let r = refs("●[[转载]网络安全信息与动态周报2024年第16期[图]](http://x.example/16)");
    assert_eq!(r[0].title, "[转载]网络安全信息与动态周报2024年第16期[图]");
    assert_eq!(r[0].key, Some(IssueKey::new(2024, 16)));
    assert_eq!(r[0].url.as_deref(), Some("http://x.example/16"));
}

#[test]
fn a_stray_bracket_before_a_link_stays_text_and_the_link_is_read() {
    let r = refs("●[注] [网络安全信息与动态周报2024年第16期](http://x.example/16)");
    assert_eq!(r[0].title, "[注] 网络安全信息与动态周报2024年第16期");
    assert_eq!(r[0].url.as_deref(), Some("http://x.example/16"));
    let r = refs("●[ 网络安全信息与动态周报2024年第15期](http://x.example/15)");
    assert_eq!(r[0].title, "网络安全信息与动态周报2024年第15期");
}

#[test]
fn a_javascript_link_in_a_page_keeps_its_title_and_loses_its_address() {
    let page = fixture("wechat_article.html").replace(
        "http://mp.weixin.qq.com/s?__biz=Rml4dHVyZUJpeg==&amp;mid=1000000025&amp;idx=1&amp;sn=25&amp;scene=21#wechat_redirect",
        "javascript:alert(document.cookie)",
    );
    let b = parse(page.as_bytes()).expect("bulletin");
    let r = &b.recent[0];
    assert_eq!(r.key, Some(IssueKey::new(2023, 25)));
    assert_eq!(r.url, None);
    assert!(
        b.urls.iter().all(|u| !u.starts_with("javascript")),
        "{:?}",
        b.urls
    );
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
