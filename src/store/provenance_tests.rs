//! Copies ranked by provenance (issue 18, items 7 and 12): the publisher's
//! own article, a file or a 近期回顾 link to it, gives an issue's link,
//! account and date over reposts, and its figures over a page from another
//! host; in any import order.

use chrono::NaiveDate;

use super::tests::full;
use super::Store;
use crate::model::{
    Bulletin, Completeness, Disagreement, Figures, IssueDetail, IssueKey, RecentRef, SeriesId,
};

/// 国家互联网应急中心CNCERT's `__biz` (and CNCERT风险评估's before it).
const CNCERT: &str = "https://mp.weixin.qq.com/s?__biz=MzIwNDk0MDgxMw==&mid=2247500537&idx=1&sn=49";
/// A repost account's article of the same issue.
const REPOST: &str = "https://mp.weixin.qq.com/s?__biz=Mzg2NjgzNjA5NQ==&mid=2247524710&idx=2&sn=75";

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, m, d).unwrap()
}

fn key(n: u32) -> IssueKey {
    IssueKey::new(2025, n)
}

/// An issue's own copy without a body: a title, an account, a link.
fn stub(n: u32, source: &str, url: &str, published: NaiveDate) -> Bulletin {
    Bulletin {
        key: key(n),
        title: format!("网络安全信息与动态周报2025年第{n}期（9月8日-9月14日）"),
        source: Some(source.into()),
        url: Some(url.into()),
        article: crate::parse::article_id(url),
        urls: vec![url.into()],
        published: Some(published),
        assessment: None,
        figures: Figures::default(),
        images: vec![],
        body: vec![],
        recent: vec![],
        completeness: Completeness::Stub,
        ..full(n)
    }
}

/// Imports `files` (label, bulletin) in both orders; the two caches must
/// agree, and the issue `n` is returned as both show it.
fn both_orders(files: &[(&str, Bulletin)], n: u32) -> IssueDetail {
    let mut shown = Vec::new();
    for reversed in [false, true] {
        let mut s = Store::open_in_memory().unwrap();
        let mut order: Vec<_> = files.iter().enumerate().collect();
        if reversed {
            order.reverse();
        }
        for (i, (label, b)) in order {
            s.import_file(label, format!("file {i}").as_bytes(), b)
                .unwrap();
        }
        shown.push(s.detail(key(n)).unwrap().unwrap());
    }
    assert_eq!(shown[0], shown[1], "the same issue in either order");
    shown.remove(0)
}

#[test]
fn the_publishers_stub_gives_link_account_and_date_over_a_richer_repost() {
    // `show 2025-37`: CNCERT's own copy is dated 9-18, Doonsec's repost
    // (of another account's article) 9-20; neither has a body.
    let own = stub(37, "国家互联网应急中心CNCERT", CNCERT, day(9, 18));
    let mut repost = stub(37, "Doonsec's feed", REPOST, day(9, 20));
    repost.images = vec!["https://img.example/share-card.png".into()];
    let d = both_orders(&[("own.md", own), ("repost.md", repost)], 37);
    assert_eq!(d.summary.published, Some(day(9, 18)));
    assert_eq!(d.source.as_deref(), Some("国家互联网应急中心CNCERT"));
    assert_eq!(d.url.as_deref(), Some(CNCERT));
}

#[test]
fn a_recent_link_to_the_publishers_article_beats_a_reposts_own_link() {
    // 2024-30: only Doonsec's repost of it was imported, but the next
    // issue's 近期回顾 links to CNCERT's article.
    let repost = stub(30, "Doonsec's feed", REPOST, day(8, 2));
    let mut next = full(31);
    next.key = key(31);
    next.url = Some(CNCERT.replace("mid=2247500537", "mid=2247500600"));
    next.article = next.url.as_deref().and_then(crate::parse::article_id);
    let link = CNCERT.replace("mid=2247500537", "mid=2247500500");
    next.recent = vec![RecentRef {
        key: Some(key(30)),
        title: "网络安全信息与动态周报2025年第30期（7月21日-7月27日）".into(),
        period: None,
        url: Some(link.clone()),
    }];
    let d = both_orders(&[("repost.md", repost), ("next.md", next)], 30);
    assert_eq!(d.url.as_deref(), Some(link.as_str()));
    assert_eq!(d.source.as_deref(), Some("国家互联网应急中心CNCERT"));
    // What the issue says of itself still wins over what others say.
    assert_eq!(
        d.summary.title.as_deref(),
        Some("网络安全信息与动态周报2025年第30期（9月8日-9月14日）")
    );
}

fn events(d: &IssueDetail) -> Option<i64> {
    d.summary
        .figures
        .count(SeriesId::CNCERT.figure("events_handled"))
}

/// A full copy saying what the publisher's does not: other figures, a
/// width-changed title, a later date, and more text.
fn impostor(n: u32) -> Bulletin {
    let mut b = full(n);
    b.key = key(n);
    b.title = "网络安全信息与动态周报２０２５年第１７期".into();
    b.figures = Figures::headline(SeriesId::CNCERT, &[Some(103), Some(1), Some(1), None, None]);
    b.published = Some(day(12, 1));
    b.body
        .push("多出来的一段文字，让这一份显得更丰富。".repeat(20));
    b
}

fn publishers_full(n: u32) -> Bulletin {
    let mut b = full(n);
    b.key = key(n);
    b.url = Some(CNCERT.into());
    b.article = crate::parse::article_id(CNCERT);
    b.published = Some(day(4, 30));
    b
}

#[test]
fn a_page_from_another_host_never_takes_over_the_publishers_issue() {
    // The page claims CNCERT's account and article, but was read from
    // 127.0.0.1: it stays a lower copy.
    let mut page = impostor(17);
    page.url = Some(CNCERT.into());
    page.article = crate::parse::article_id(CNCERT);
    let d = both_orders(
        &[
            ("corpus/2025-17.md", publishers_full(17)),
            ("http://127.0.0.1:8080/s?__biz=MzIwNDk0MDgxMw==", page),
        ],
        17,
    );
    assert_eq!(events(&d), Some(381));
    assert_eq!(d.summary.published, Some(day(4, 30)));
    assert_eq!(d.summary.title, Some(publishers_full(17).title));
    assert_eq!(d.body, publishers_full(17).body, "the publisher's text");
    // Kept, and shown as another copy saying otherwise.
    assert_eq!(d.conflicts.len(), 1, "{:?}", d.conflicts);
    let says = &d.conflicts[0].says;
    let events = SeriesId::CNCERT.figure("events_handled");
    assert!(
        says.contains(&Disagreement::Figure(events, 103.into())),
        "{says:?}"
    );
    assert!(
        says.contains(&Disagreement::Title(impostor(17).title)),
        "{says:?}"
    );
    // Its date is its own, not a disagreement: it is not the publisher's
    // article, whatever it claims.
    assert_eq!(d.conflicts[0].published, Some(day(12, 1)));
    assert!(!says.iter().any(|s| matches!(s, Disagreement::Published(_))));
}

#[test]
fn a_richer_repost_never_takes_figures_from_the_publishers_full_copy() {
    let mut repost = impostor(17);
    repost.url = Some(REPOST.into());
    repost.article = crate::parse::article_id(REPOST);
    let d = both_orders(
        &[("own.md", publishers_full(17)), ("repost.md", repost)],
        17,
    );
    assert_eq!(events(&d), Some(381));
    assert_eq!(d.url.as_deref(), Some(CNCERT));
    assert_eq!(d.body, publishers_full(17).body);
}

#[test]
fn a_cache_merged_under_older_rules_is_re_derived_once() {
    let own = stub(37, "国家互联网应急中心CNCERT", CNCERT, day(9, 18));
    let repost = stub(37, "Doonsec's feed", REPOST, day(9, 20));
    let files = [(b"own".to_vec(), own), (b"repost".to_vec(), repost)];
    let mut s = Store::open_in_memory().unwrap();
    for (raw, b) in &files {
        s.import_file("f.md", raw, b).unwrap();
    }
    let parse = |raw: &[u8]| files.iter().find(|(r, _)| r == raw).map(|(_, b)| b.clone());
    assert_eq!(
        s.rederive_if_merged_by_older_rules(parse).unwrap(),
        None,
        "a new cache is merged under the current rules"
    );
    // As an older build left it: the repost's date shown, no rules kept.
    s.conn
        .execute_batch(
            "UPDATE issues SET published = '2025-09-20', url = 'x';
             DELETE FROM meta WHERE key = 'merge_rules';",
        )
        .unwrap();
    let counts = s.rederive_if_merged_by_older_rules(parse).unwrap();
    assert_eq!(counts.map(|c| c.sources), Some(2));
    let d = s.detail(key(37)).unwrap().unwrap();
    assert_eq!(d.summary.published, Some(day(9, 18)));
    assert_eq!(d.url.as_deref(), Some(CNCERT));
    assert_eq!(s.rederive_if_merged_by_older_rules(parse).unwrap(), None);
}
