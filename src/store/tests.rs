//! Cache tests: merge rules in both orders, user state, open errors.

use chrono::NaiveDate;

use super::*;
use crate::model::{
    Assessment, Bulletin, Completeness, Figures, IssueKey, Metric, Period, RecentRef, SeriesId,
    SourceFormat,
};

fn fig(id: &str) -> Metric {
    SeriesId::CNCERT.figure(id)
}

const OFFICIAL: &str = "https://mp.weixin.qq.com/s?__biz=QUJDREVG&mid=100&idx=1&sn=aa#rd";
const REPOST: &str = "http://mp.weixin.qq.com/s?__biz=QUJDREVG&mid=100&idx=1&sn=bb&scene=21";

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).unwrap()
}

fn key(n: u32) -> IssueKey {
    IssueKey::new(2024, n)
}

pub(super) fn full(n: u32) -> Bulletin {
    Bulletin {
        format: SourceFormat::Markdown,
        key: key(n),
        title: format!("网络安全信息与动态周报2024年第{n}期（4月22日-4月27日）"),
        period: Some(Period {
            start: day(4, 22),
            end: day(4, 27),
        }),
        published: Some(day(5, 4)),
        source: Some("国家互联网应急中心CNCERT".into()),
        url: Some(OFFICIAL.into()),
        article: crate::parse::article_id(OFFICIAL),
        urls: vec![OFFICIAL.into()],
        assessment: Some(Assessment::Good),
        figures: Figures::headline(
            SeriesId::CNCERT,
            &[Some(381), Some(149), Some(332), Some(5), Some(5)],
        ),
        images: vec!["https://img.example/1.png".into()],
        body: vec![
            "本周，互联网网络安全态势整体评价为良。".into(),
            "本周共处理网络安全事件381起，含跨境网络安全事件149起。".into(),
        ],
        recent: vec![
            RecentRef {
                key: Some(key(n - 1)),
                title: format!(
                    "网络安全信息与动态周报2024年第{}期（4月15日-4月21日）",
                    n - 1
                ),
                period: Some(Period {
                    start: day(4, 15),
                    end: day(4, 21),
                }),
                url: Some("http://mp.weixin.qq.com/s?__biz=QUJDREVG&mid=99&idx=1".into()),
            },
            RecentRef {
                key: None,
                title: "一行没有期号的回顾".into(),
                period: None,
                url: None,
            },
        ],
        completeness: Completeness::Full,
        last_number: None,
        truncated: false,
    }
}

fn stub(n: u32) -> Bulletin {
    Bulletin {
        source: Some("Doonsec's feed".into()),
        url: Some(REPOST.into()),
        published: None,
        assessment: None,
        figures: Figures::default(),
        images: vec![],
        body: vec![],
        recent: vec![],
        title: format!("网络安全信息与动态周报2024年第{n}期（转载）"),
        completeness: Completeness::Stub,
        ..full(n)
    }
}

pub(super) fn import(store: &mut Store, b: &Bulletin, raw: &str) -> ImportOutcome {
    store.import_file("test.md", raw.as_bytes(), b).unwrap()
}

#[test]
fn stub_after_full_and_full_after_stub_give_the_same_issue() {
    let mut a = Store::open_in_memory().unwrap();
    assert_eq!(import(&mut a, &full(17), "full"), ImportOutcome::New);
    assert_eq!(import(&mut a, &stub(17), "stub"), ImportOutcome::StubMerged);

    let mut b = Store::open_in_memory().unwrap();
    assert_eq!(import(&mut b, &stub(17), "stub"), ImportOutcome::StubMerged);
    assert_eq!(import(&mut b, &full(17), "full"), ImportOutcome::New);

    let da = a.detail(key(17)).unwrap().unwrap();
    let db = b.detail(key(17)).unwrap().unwrap();
    assert_eq!(da, db);
    assert!(da.summary.cached);
    assert_eq!(da.summary.figures.count(fig("events_handled")), Some(381));
    assert_eq!(da.source.as_deref(), Some("国家互联网应急中心CNCERT"));
    assert_eq!(da.url.as_deref(), Some(OFFICIAL));
    assert_eq!(da.body.len(), 2);
    assert_eq!(da.recent.len(), 2);
}

#[test]
fn every_copy_is_kept_as_an_alias() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &stub(17), "stub");
    import(&mut s, &full(17), "full");
    let aliases = s.detail(key(17)).unwrap().unwrap().aliases;
    let urls: Vec<_> = aliases.iter().filter_map(|a| a.url.as_deref()).collect();
    let sources: Vec<_> = aliases.iter().filter_map(|a| a.source.as_deref()).collect();
    assert!(
        urls.contains(&OFFICIAL) && urls.contains(&REPOST),
        "{aliases:?}"
    );
    assert!(sources.contains(&"Doonsec's feed") && sources.contains(&"国家互联网应急中心CNCERT"));
}

#[test]
fn reimporting_the_same_file_changes_nothing() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "same bytes");
    let before = s.detail(key(17)).unwrap();
    assert_eq!(
        import(&mut s, &full(17), "same bytes"),
        ImportOutcome::Unchanged
    );
    assert_eq!(s.detail(key(17)).unwrap(), before);
    assert_eq!(s.source_count().unwrap(), 1);
}

#[test]
fn a_different_file_with_the_same_content_is_a_lower_copy() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "copy one");
    // Other bytes that lose to the copy shown: kept, the issue unchanged.
    assert_eq!(
        import(&mut s, &full(17), "copy two"),
        ImportOutcome::LowerCopy
    );
}

#[test]
fn a_repost_beside_the_publishers_copy_is_a_lower_copy_not_unchanged() {
    let mut s = Store::open_in_memory().unwrap();
    assert_eq!(import(&mut s, &full(17), "official"), ImportOutcome::New);
    // A repost that lost a paragraph on the way: the fuller copy wins.
    let mut poorer = full(17);
    poorer.body.pop();
    let repost = Bulletin {
        source: Some("Doonsec's feed".into()),
        url: Some(REPOST.into()),
        article: crate::parse::article_id(REPOST),
        urls: vec![REPOST.into()],
        ..poorer
    };
    let before = s.detail(key(17)).unwrap();
    assert_eq!(import(&mut s, &repost, "repost"), ImportOutcome::LowerCopy);
    assert_eq!(
        s.detail(key(17)).unwrap().map(|d| d.url),
        before.map(|d| d.url)
    );
    // The same bytes again are what "unchanged" means.
    assert_eq!(import(&mut s, &repost, "repost"), ImportOutcome::Unchanged);
}

#[test]
fn a_fuller_copy_updates_the_issue() {
    let mut s = Store::open_in_memory().unwrap();
    let mut poorer = full(17);
    poorer.figures.set(fig("malicious_urls"), None);
    poorer.body.pop();
    import(&mut s, &poorer, "poorer");
    assert_eq!(import(&mut s, &full(17), "fuller"), ImportOutcome::Updated);
    let d = s.detail(key(17)).unwrap().unwrap();
    assert_eq!(d.summary.figures.count(fig("malicious_urls")), Some(5));
    assert_eq!(d.body.len(), 2);
    // And the poorer copy arriving later does not take the body back.
    let mut t = Store::open_in_memory().unwrap();
    import(&mut t, &full(17), "fuller");
    import(&mut t, &poorer, "poorer");
    assert_eq!(t.detail(key(17)).unwrap().unwrap().body.len(), 2);
}

#[test]
fn referenced_issues_are_known_but_not_cached() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "full");
    let list = s.summaries().unwrap();
    let keys: Vec<_> = list.iter().map(|i| i.key).collect();
    assert_eq!(keys, vec![key(17), key(16)], "newest first");
    assert!(list[0].cached);
    assert!(!list[1].cached);
    let d16 = s.detail(key(16)).unwrap().unwrap();
    assert!(d16.body.is_empty());
    assert_eq!(d16.summary.period.unwrap().start, day(4, 15));
    let refs = s.detail(key(17)).unwrap().unwrap().recent;
    assert_eq!(refs[0].key, Some(key(16)));
    assert!(!refs[0].cached);
    assert_eq!(refs[1].key, None);
}

#[test]
fn what_an_issue_says_of_itself_beats_what_others_say() {
    let mut s = Store::open_in_memory().unwrap();
    let mut later = full(18);
    later.recent[0].period = Some(Period {
        start: day(4, 22),
        end: day(4, 28),
    });
    later.recent[0].title = "网络安全信息与动态周报2024年第17期（4月22日-4月28日）".into();
    for order in [[&later, &full(17)], [&full(17), &later]] {
        let mut s2 = Store::open_in_memory().unwrap();
        import(&mut s2, order[0], &order[0].title);
        import(&mut s2, order[1], &order[1].title);
        let p = s2.detail(key(17)).unwrap().unwrap().summary.period.unwrap();
        assert_eq!(p.end, day(4, 27));
    }
    import(&mut s, &later, "later");
    assert_eq!(
        s.detail(key(17))
            .unwrap()
            .unwrap()
            .summary
            .period
            .unwrap()
            .end,
        day(4, 28)
    );
}

#[test]
fn import_never_touches_read_marks() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &stub(17), "stub");
    s.set_read(key(17), true).unwrap();
    import(&mut s, &full(17), "full");
    assert!(s.summaries().unwrap()[0].read);
    s.set_read(key(17), false).unwrap();
    assert!(!s.summaries().unwrap()[0].read);
}

/// A CNVD漏洞周报 double issue, 2024 第40、41期, with its own URL.
fn cnvd_double() -> Bulletin {
    let url = "https://mp.weixin.qq.com/s?__biz=Q05WRA&mid=400&idx=1&sn=cc#rd";
    Bulletin {
        key: IssueKey::of(SeriesId::CNVD, 2024, 40),
        last_number: Some(41),
        title: "CNVD漏洞周报2024年第40、41期".into(),
        url: Some(url.into()),
        article: crate::parse::article_id(url),
        urls: vec![url.into()],
        assessment: None,
        figures: Figures::new(),
        images: Vec::new(),
        recent: Vec::new(),
        ..full(17)
    }
}

#[test]
fn a_summary_is_found_by_either_number_of_a_double_issue() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "full");
    import(&mut s, &cnvd_double(), "double");
    let cnvd = |n| IssueKey::of(SeriesId::CNVD, 2024, n);
    for asked in [cnvd(40), cnvd(41)] {
        let found = s.summary(asked).unwrap().expect("the double issue");
        assert_eq!((found.key, found.last_number), (cnvd(40), Some(41)));
    }
    assert_eq!(s.summary(cnvd(42)).unwrap(), None);
    assert_eq!(s.summary(key(17)).unwrap().map(|s| s.key), Some(key(17)));
}

#[test]
fn marking_one_series_read_leaves_the_other_unread() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "full");
    import(&mut s, &cnvd_double(), "double");
    assert_eq!(s.mark_all_read_of(SeriesId::CNVD).unwrap(), 1);
    assert!(s.summaries_of(SeriesId::CNVD).unwrap()[0].read);
    assert!(!s.summaries_of(SeriesId::CNCERT).unwrap()[0].read);
}

#[test]
fn links_resolve_by_article_identity_not_by_exact_url() {
    let mut s = Store::open_in_memory().unwrap();
    import(&mut s, &full(17), "full");
    let other_copy =
        "https://mp.weixin.qq.com/s?__biz=QUJDREVG&amp;mid=100&amp;idx=1&amp;sn=zz#wechat_redirect";
    assert_eq!(s.key_for_url(other_copy).unwrap(), Some(key(17)));
    assert_eq!(s.key_for_url("https://example.org/").unwrap(), None);
}

mod search;

#[test]
fn last_selected_round_trips() {
    let s = Store::open_in_memory().unwrap();
    assert_eq!(s.last_selected().unwrap(), None);
    s.set_last_selected(key(3)).unwrap();
    assert_eq!(s.last_selected().unwrap(), Some(key(3)));
}

#[test]
fn a_foreign_database_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute_batch("CREATE TABLE notes (x TEXT); INSERT INTO notes VALUES ('mine');")
        .unwrap();
    drop(c);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::Foreign { .. }), "{err}");
    assert!(err.to_string().contains("other.db"));
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_newer_schema_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    drop(Store::open(&path).unwrap());
    let c = rusqlite::Connection::open(&path).unwrap();
    c.pragma_update(None, "user_version", current_version() + 1)
        .unwrap();
    drop(c);
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::TooNew { .. }), "{err}");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.txt");
    let text =
        "这不是数据库 / not a database, just text that is long enough to have a header".repeat(20);
    std::fs::write(&path, &text).unwrap();
    let err = Store::open(&path).err().expect("must refuse");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_reopened_cache_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    {
        let mut s = Store::open(&path).unwrap();
        import(&mut s, &full(17), "full");
        s.set_read(key(17), true).unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), current_version());
    assert_eq!(s.integrity_check().unwrap(), "ok");
    let list = s.summaries().unwrap();
    assert!(list[0].read && list[0].cached);
}

/// A cache at schema version 1, as the first release created it.
fn first_release_cache(path: &std::path::Path) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(schema::MIGRATIONS[0]).unwrap();
    c.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    c.pragma_update(None, "user_version", 1).unwrap();
    c
}

#[test]
fn an_older_schema_migrates_without_losing_read_marks_or_bodies() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    {
        // A cache as the first release wrote it: bodies as JSON in the row.
        let c = first_release_cache(&path);
        c.execute_batch(
            r#"INSERT INTO user_state (year, number, read) VALUES (2024, 17, 1);
               INSERT INTO issues (year, number, title, cached, body, images)
               VALUES (2024, 17, '第17期', 1, '["第一段，含\"引号\"","第二段"]', '["https://img/1.png"]'),
                      (2024, 16, '第16期', 0, '[]', '[]');"#,
        )
        .unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), current_version());
    let d = s.detail(key(17)).unwrap().unwrap();
    assert!(d.summary.read);
    assert_eq!(d.body, vec!["第一段，含\"引号\"", "第二段"]);
    assert_eq!(d.images, vec!["https://img/1.png"]);
    assert!(s.detail(key(16)).unwrap().unwrap().body.is_empty());
    assert_eq!(
        s.search("含\"引号").unwrap(),
        vec![key(17)],
        "quotes are searchable now"
    );
    assert_eq!(s.integrity_check().unwrap(), "ok");
}

#[test]
fn reindex_rebuilds_the_same_issues_from_stored_sources_and_keeps_read_marks() {
    let mut s = Store::open_in_memory().unwrap();
    let (f, st) = (full(17), stub(17));
    let raw_full = serde_json::to_vec(&f).unwrap();
    let raw_stub = serde_json::to_vec(&st).unwrap();
    s.import_file("full.md", &raw_full, &f).unwrap();
    s.import_file("stub.md", &raw_stub, &st).unwrap();
    s.set_read(key(17), true).unwrap();
    let before = s.detail(key(17)).unwrap();
    let counts = s
        .reindex(|raw| {
            serde_json::from_slice::<serde_json::Value>(raw)
                .ok()
                .map(|v| {
                    if v["completeness"] == "Full" {
                        full(17)
                    } else {
                        stub(17)
                    }
                })
        })
        .unwrap();
    assert_eq!(
        counts,
        Reindexed {
            sources: 2,
            bulletins: 2
        }
    );
    assert_eq!(s.detail(key(17)).unwrap(), before);
    // A parser that now rejects everything leaves no issue, but the sources stay.
    s.reindex(|_| None).unwrap();
    assert!(s.summaries().unwrap().is_empty());
    assert_eq!(s.source_count().unwrap(), 2);
}

#[test]
fn a_cache_locked_by_another_process_gives_a_clear_error_and_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let mut s = Store::open(&path).unwrap();
    import(&mut s, &full(17), "full");
    let other = rusqlite::Connection::open(&path).unwrap();
    other.execute_batch("BEGIN EXCLUSIVE").unwrap();
    s.set_busy_timeout(std::time::Duration::from_millis(50))
        .unwrap();
    let err = s.import_file("b.md", b"other", &full(18)).unwrap_err();
    assert!(matches!(err, StoreError::Busy), "{err}");
    assert!(err.to_string().contains("another process"));
    other.execute_batch("ROLLBACK").unwrap();
    assert_eq!(
        s.summaries().unwrap().len(),
        2,
        "17 and its reference 16 only"
    );
    import(&mut s, &full(18), "later");
    assert_eq!(s.summaries().unwrap().len(), 3);
}

// The same guard as the binary's tests use.
#[path = "../../tests/cli_fixture/unwritable.rs"]
mod unwritable;
pub(super) use unwritable::Unwritable;

#[test]
fn a_read_only_cache_is_reported_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    {
        let mut s = Store::open(&path).unwrap();
        import(&mut s, &full(17), "full");
    }
    let before = std::fs::read(&path).unwrap();
    let Some(guard) = Unwritable::new(&[&path, dir.path()]) else {
        eprintln!("skipped: cannot make the cache unwritable here");
        return;
    };
    let result = Store::open(&path).and_then(|mut s| s.import_file("x.md", b"x", &full(18)));
    drop(guard);
    let err = result.expect_err("a read-only cache cannot take an import");
    assert!(err.is_read_only(), "{err}");
    assert!(
        err.to_string().contains("cache.db"),
        "names the file: {err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_failed_upgrade_says_so_and_leaves_the_cache_at_its_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    {
        let c = first_release_cache(&path);
        // A body no release could have written: the 2 -> 3 move cannot read it.
        c.execute_batch(
            "INSERT INTO issues (year, number, cached, body) VALUES (2024, 17, 1, 'not json');
             INSERT INTO user_state (year, number, read) VALUES (2024, 17, 1);",
        )
        .unwrap();
    }
    let err = Store::open(&path).err().expect("the upgrade fails");
    assert!(matches!(err, StoreError::Migrate { from: 1, .. }), "{err}");
    assert!(err.to_string().contains("cache.db"), "{err}");
    let c = rusqlite::Connection::open(&path).unwrap();
    let version: i64 = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        version, 2,
        "steps that succeeded stay; the failed one left nothing"
    );
    let read: i64 = c
        .query_row("SELECT read FROM user_state", [], |r| r.get(0))
        .unwrap();
    assert_eq!(read, 1);
}

#[test]
fn reindex_keeps_notes_flags_and_read_marks_even_of_issues_it_drops() {
    let mut s = Store::open_in_memory().unwrap();
    s.import_bulletin(&full(17)).unwrap();
    s.set_read(key(17), true).unwrap();
    s.set_flag(key(17), true).unwrap();
    s.set_note(key(17), Some("跨境事件下降，\n下周再看"))
        .unwrap();
    s.set_note(key(30), Some("not imported yet")).unwrap();
    s.reindex(|_| Some(full(17))).unwrap();
    let d = s.detail(key(17)).unwrap().unwrap();
    assert!(d.summary.read && d.summary.flagged);
    assert_eq!(d.summary.note.as_deref(), Some("跨境事件下降，\n下周再看"));
    // A parser that rejects everything drops the issue, not the marks.
    s.reindex(|_| None).unwrap();
    assert!(s.summaries().unwrap().is_empty());
    s.reindex(|_| Some(full(17))).unwrap();
    let d = s.detail(key(17)).unwrap().unwrap();
    assert!(d.summary.read && d.summary.flagged);
    assert_eq!(
        s.note(key(30)).unwrap().as_deref(),
        Some("not imported yet")
    );
}

#[test]
fn importing_the_same_issue_again_keeps_its_notes_and_flags() {
    let mut s = Store::open_in_memory().unwrap();
    s.import_bulletin(&full(17)).unwrap();
    s.set_flag(key(17), true).unwrap();
    s.set_note(key(17), Some("mine")).unwrap();
    let mut newer = full(17);
    newer.body.push("更正：补充一段。".into());
    s.import_bulletin(&newer).unwrap();
    s.import_bulletin(&stub(17)).unwrap();
    let d = s.detail(key(17)).unwrap().unwrap();
    assert!(d.body.iter().any(|p| p.contains("更正")), "the import took");
    assert!(d.summary.flagged);
    assert_eq!(d.summary.note.as_deref(), Some("mine"));
}

/// A cache file at schema `version`, made by this build's own first
/// `version` migrations.
fn cache_at_version(path: &std::path::Path, version: usize) -> rusqlite::Connection {
    let c = rusqlite::Connection::open(path).unwrap();
    for sql in &schema::MIGRATIONS[..version] {
        c.execute_batch(sql).unwrap();
    }
    c.pragma_update(None, "application_id", schema::APPLICATION_ID)
        .unwrap();
    c.pragma_update(None, "user_version", version as i64)
        .unwrap();
    c
}

#[test]
fn the_migration_to_notes_and_flags_keeps_every_read_mark() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    cache_at_version(&path, 7)
        .execute_batch(
            "INSERT INTO user_state (series, year, number, read) VALUES
                ('cncert', 2024, 17, 1), ('cnvd', 2024, 17, 1), ('cncert', 2024, 16, 0);",
        )
        .unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), current_version());
    let cnvd = IssueKey::of(SeriesId::CNVD, 2024, 17);
    let marks = s.user_marks().unwrap();
    let keys: Vec<IssueKey> = marks.iter().map(|m| m.key).collect();
    assert_eq!(keys, vec![key(17), cnvd]);
    assert!(marks
        .iter()
        .all(|m| m.read && !m.flagged && m.note.is_none()));
}

#[test]
fn notes_and_flags_survive_every_later_migration() {
    // Written at the schema that brought them; whatever migrations come
    // after must carry them over.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    let at = schema::MIGRATIONS
        .iter()
        .position(|sql| sql.contains("ADD COLUMN note"))
        .unwrap()
        + 1;
    cache_at_version(&path, at)
        .execute_batch(
            "INSERT INTO user_state (series, year, number, read, flagged, note) VALUES
                ('cncert', 2024, 17, 1, 1, '第一行' || char(10) || '第二行'),
                ('cnvd', 2025, 6, 0, 1, NULL);",
        )
        .unwrap();
    let s = Store::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), current_version());
    let marks = s.user_marks().unwrap();
    assert_eq!(marks.len(), 2);
    assert_eq!(marks[0].note.as_deref(), Some("第一行\n第二行"));
    assert!(marks[0].read && marks[0].flagged);
    assert!(marks[1].flagged && !marks[1].read);
}
