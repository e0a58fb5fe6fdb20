//! Checks the parser against the real archive in `../shared` (corpus,
//! corpus-2026, seeds, wechat-pages). Skips with a message when it is absent.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use zhoubao::model::{Assessment, Bulletin, Completeness, IssueKey};
use zhoubao::parse::{parse, read_wechat_page, ParseError};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("corpus").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} not present", dir.display());
        None
    }
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut list: Vec<PathBuf> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == ext))
                .collect()
        })
        .unwrap_or_default();
    list.sort();
    list
}

fn parse_all(paths: &[PathBuf]) -> Vec<(PathBuf, Result<Bulletin, ParseError>)> {
    paths
        .iter()
        .map(|p| {
            (
                p.clone(),
                parse(&fs::read(p).expect("readable corpus file")),
            )
        })
        .collect()
}

fn archive(root: &Path) -> Vec<(PathBuf, Result<Bulletin, ParseError>)> {
    let mut paths = files(&root.join("corpus"), "md");
    paths.extend(files(&root.join("seeds"), "txt"));
    parse_all(&paths)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn every_archive_file_parses_and_only_the_unnumbered_one_is_skipped() {
    let Some(root) = shared() else { return };
    let results = archive(&root);
    assert_eq!(results.len(), 117);
    let mut skipped = Vec::new();
    for (path, result) in &results {
        match result {
            Ok(b) => {
                let what = path.display();
                assert!(b.published.is_some(), "{what}: no date");
                assert!(b.source.is_some(), "{what}: no source");
                assert!(b.article.is_some(), "{what}: no identity");
                assert!(
                    b.urls.first() == b.url.as_ref(),
                    "{what}: own url not first"
                );
            }
            Err(e @ ParseError::NotBulletin(_)) => skipped.push((path, e.to_string())),
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    assert_eq!(skipped.len(), 1, "{skipped:?}");
    let (path, reason) = &skipped[0];
    assert!(path
        .to_string_lossy()
        .contains("国家互联应急中心-网络安全信息与动态周报"));
    assert!(reason.contains("no issue number"), "{reason}");
}

#[test]
fn full_copies_carry_figures_period_and_five_refs_matching_their_text() {
    let Some(root) = shared() else { return };
    let results = archive(&root);
    let mut full_in_corpus = 0;
    let mut full_keys = BTreeSet::new();
    for (path, result) in &results {
        let Ok(b) = result else { continue };
        if b.completeness != Completeness::Full {
            assert!(b.body.is_empty(), "stub with body: {}", path.display());
            continue;
        }
        if path.starts_with(root.join("corpus")) {
            full_in_corpus += 1;
        }
        full_keys.insert(b.key);
        for &m in zhoubao::model::SeriesId::CNCERT.headline() {
            // 2024 第40期 stops after the phishing clause: neither the
            // mobile-app platforms nor the malicious URLs are in its text.
            let expect_missing = b.key == IssueKey::new(2024, 40)
                && [fig("malicious_app_platforms"), fig("malicious_urls")].contains(&m);
            assert_eq!(
                b.figures.get(m).is_none(),
                expect_missing,
                "{} {m:?}",
                path.display()
            );
        }
        assert!(b.period.is_some(), "{}", path.display());
        assert_eq!(b.assessment, Some(Assessment::Good), "{}", path.display());
        let text = fs::read_to_string(path).expect("utf-8 corpus file");
        let bullet_lines: Vec<&str> = text.lines().filter(|l| l.starts_with('●')).collect();
        assert_eq!(b.recent.len(), 5, "{}", path.display());
        assert_eq!(bullet_lines.len(), 5, "{}", path.display());
        for (line, r) in bullet_lines.iter().zip(&b.recent) {
            assert!(line.contains(&r.title), "{line} vs {}", r.title);
            assert_eq!(r.url.is_some(), line.contains("]("), "{line}");
            assert!(r.key.is_some(), "{line}");
        }
        assert!(!b.images.is_empty(), "{}", path.display());
        assert!(
            !b.images.iter().any(|i| i.contains("wx_fmt=jpeg")),
            "cover among charts"
        );
        assert!(b
            .body
            .iter()
            .all(|p| !p.starts_with('●') && !p.contains("](")));
    }
    assert_eq!(full_in_corpus, 34);
    assert_eq!(full_keys.len(), 34);
}

#[test]
fn seed_2024_17_gives_its_known_values() {
    let Some(root) = shared() else { return };
    let bytes = fs::read(root.join("seeds/000_95f26e5095d0912a.txt")).expect("seed");
    let b = parse(&bytes).expect("seed parses");
    assert_eq!(b.key, IssueKey::new(2024, 17));
    assert_eq!(b.completeness, Completeness::Full);
    assert_eq!(
        counts5(&b),
        [Some(381), Some(149), Some(332), Some(5), Some(5)]
    );
    let period = b.period.expect("period");
    assert_eq!(
        (period.start, period.end),
        (date(2024, 4, 22), date(2024, 4, 27))
    );
    assert_eq!(b.published, Some(date(2024, 5, 4)));
    assert_eq!(b.assessment, Some(Assessment::Good));
    assert_eq!(b.source.as_deref(), Some("国家互联网应急中心CNCERT"));
    let keys: Vec<Option<IssueKey>> = b.recent.iter().map(|r| r.key).collect();
    let expected: Vec<Option<IssueKey>> = (12..=16)
        .rev()
        .map(|n| Some(IssueKey::new(2024, n)))
        .collect();
    assert_eq!(keys, expected);
    let article = b.article.expect("identity");
    assert_eq!(
        (article.mid.as_str(), article.idx.as_str()),
        ("2247499123", "1")
    );
    assert_eq!(b.images.len(), 5);
    assert_eq!(
        b.body.first().map(String::as_str),
        Some("本周网络安全基本态势")
    );
    assert!(!b
        .body
        .iter()
        .any(|p| p.contains("近期回顾") || p == "原创" || p == "CNCERT"));
}

#[test]
fn issue_35_has_three_refs_without_link() {
    let Some(root) = shared() else { return };
    let results = archive(&root);
    let b = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .find(|b| b.key == IssueKey::new(2024, 35) && b.completeness == Completeness::Full)
        .expect("2024-35 full copy");
    assert_eq!(b.recent.iter().filter(|r| r.url.is_none()).count(), 3);
    assert_eq!(b.recent[0].key, Some(IssueKey::new(2024, 34)));
}

#[test]
fn doonsec_stub_shares_the_identity_of_the_cncert_original() {
    let Some(root) = shared() else { return };
    let results = archive(&root);
    let copies: Vec<&Bulletin> = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .filter(|b| b.key == IssueKey::new(2024, 17))
        .collect();
    let full = copies.iter().find(|b| b.completeness == Completeness::Full);
    let stub = copies
        .iter()
        .find(|b| b.source.as_deref() == Some("Doonsec's feed"));
    let (full, stub) = (full.expect("full copy"), stub.expect("doonsec copy"));
    assert_eq!(stub.completeness, Completeness::Stub);
    assert!(stub.figures.is_empty());
    assert_eq!(stub.article, full.article);
}

fn named_keys(results: &[(PathBuf, Result<Bulletin, ParseError>)]) -> BTreeSet<IssueKey> {
    let mut keys = BTreeSet::new();
    for b in results.iter().filter_map(|(_, r)| r.as_ref().ok()) {
        keys.insert(b.key);
        keys.extend(b.recent.iter().filter_map(|r| r.key));
    }
    keys
}

#[test]
fn titles_and_refs_name_107_issues_and_140_with_2026() {
    let Some(root) = shared() else { return };
    let mut results = archive(&root);
    let keys = named_keys(&results);
    assert_eq!(keys.len(), 107);
    assert_eq!(keys.first(), Some(&IssueKey::new(2022, 36)));
    assert_eq!(keys.last(), Some(&IssueKey::new(2025, 43)));
    let later = parse_all(&files(&root.join("corpus-2026"), "md"));
    for (path, result) in &later {
        let b = result
            .as_ref()
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(b.completeness, Completeness::Stub, "{}", path.display());
    }
    results.extend(later);
    assert_eq!(named_keys(&results).len(), 140);
}

#[test]
fn year_crossing_titles_get_their_period() {
    let Some(root) = shared() else { return };
    let results = archive(&root);
    let b = results
        .iter()
        .filter_map(|(_, r)| r.as_ref().ok())
        .find(|b| b.key == IssueKey::new(2025, 3) && b.completeness == Completeness::Full)
        .expect("2025-3 full copy");
    assert_eq!(b.figures.count(fig("phishing_complaints")), Some(640));
    let r = b
        .recent
        .iter()
        .find(|r| r.key == Some(IssueKey::new(2025, 1)))
        .expect("ref to 2025-1");
    let p = r.period.expect("period of 2025-1");
    assert_eq!((p.start, p.end), (date(2024, 12, 30), date(2025, 1, 5)));
}

#[test]
fn wechat_pages_are_skipped_with_a_reason() {
    let Some(root) = shared() else { return };
    let pages = files(&root.join("wechat-pages"), "html");
    assert_eq!(pages.len(), 10);
    for path in &pages {
        let bytes = fs::read(path).expect("page");
        match parse(&bytes) {
            Err(ParseError::NotBulletin(reason)) => {
                let reason = reason.to_string();
                assert!(!reason.is_empty() && !reason.contains('\n'), "{reason}")
            }
            other => panic!("{}: {other:?}", path.display()),
        }
    }
}

#[test]
fn expired_and_deleted_pages_say_they_hold_no_article() {
    let Some(root) = shared() else { return };
    for name in [
        "airyland+we-extract__links__expire.html",
        "wechat-article+wechat-article-exporter__samples__作者已删除__01.html",
        "wechat-article+wechat-article-exporter__samples__该内容暂时无法查看__01.html",
    ] {
        let bytes = fs::read(root.join("wechat-pages").join(name)).expect("page");
        let reason = parse(&bytes).expect_err("no article").to_string();
        assert!(reason.contains("holds no article"), "{name}: {reason}");
    }
}

#[test]
fn a_real_article_page_yields_its_own_fields() {
    let Some(root) = shared() else { return };
    let path = root.join("wechat-pages/airyland+we-extract__test__mp-link.html");
    let page = read_wechat_page(&fs::read(path).expect("page")).expect("readable page");
    assert_eq!(page.title.as_deref(), Some("两家大行行长空缺"));
    assert_eq!(page.account.as_deref(), Some("轻金融"));
    assert_eq!(page.published, Some(date(2020, 12, 24)));
    let id = page.article.expect("identity");
    assert_eq!(
        (id.biz.as_str(), id.mid.as_str(), id.idx.as_str()),
        ("MzIwNjU2ODk1MQ==", "2247497639", "1")
    );
    assert_eq!(page.unavailable, None);
    let modern = root
        .join("wechat-pages/wechat-article+wechat-article-exporter__samples__普通图文__02.html");
    let page = read_wechat_page(&fs::read(modern).expect("page")).expect("readable page");
    assert_eq!(page.account.as_deref(), Some("阮一峰的网络日志"));
    assert_eq!(page.published, Some(date(2025, 11, 7)));
    assert_eq!(page.article.map(|a| a.mid), Some("2650242275".to_string()));
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
