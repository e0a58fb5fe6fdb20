//! The library methods behind the review flow, on both implementations:
//! marking every cached issue read at once, and counting the issues whose
//! full copy arrived since the last session ended.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;

use tui_fixture::{app_with_library, key, press, screen, url};
use zhoubao::model::{
    ArticleId, Bulletin, Completeness, Figures, IssueKey, RecentRef, SeriesId, SourceFormat,
};
use zhoubao::store::Store;
use zhoubao::tui::{library::Library, library::MemoryLibrary};

/// A bulletin of 2025 with its own (made-up) text; `full` or a stub.
fn bulletin(number: u32, full: bool) -> Bulletin {
    Bulletin {
        format: SourceFormat::Markdown,
        key: key(2025, number),
        title: format!("网络安全信息与动态周报2025年第{number}期"),
        period: None,
        published: None,
        source: Some("自拟来源".to_string()),
        url: Some(url(100 + number)),
        article: Some(ArticleId {
            biz: "FIXTURE".into(),
            mid: (100 + number).to_string(),
            idx: "1".into(),
        }),
        urls: vec![url(100 + number)],
        assessment: None,
        figures: Figures::headline(SeriesId::CNCERT, &[Some(i64::from(number) * 10)]),
        images: Vec::new(),
        body: if full {
            vec![format!("第{number}期：测试用的自拟正文。")]
        } else {
            Vec::new()
        },
        recent: Vec::new(),
        completeness: if full {
            Completeness::Full
        } else {
            Completeness::Stub
        },
        last_number: None,
        truncated: false,
    }
}

fn import(store: &mut Store, b: &Bulletin, tag: &str) {
    // A distinct raw text per call: the same bulletin twice is two files.
    let raw = format!(
        "{tag}\n{}",
        serde_json::to_string(&b.title).unwrap_or_default()
    );
    store.import_file(tag, raw.as_bytes(), b).expect("import");
}

fn unread(lib: &dyn Library) -> Vec<IssueKey> {
    let all = lib.summaries().expect("summaries");
    all.iter()
        .filter(|s| s.cached && !s.read)
        .map(|s| s.key)
        .collect()
}

/// 2025 第1、2、3期 in full, 第4期 only referenced by 第3期; 第1期 read.
fn store() -> Store {
    let mut store = Store::open_in_memory().expect("store");
    import(&mut store, &bulletin(1, true), "a");
    import(&mut store, &bulletin(2, true), "b");
    let mut b3 = bulletin(3, true);
    b3.recent = vec![RecentRef {
        key: Some(key(2025, 4)),
        title: "网络安全信息与动态周报2025年第4期".into(),
        period: None,
        url: None,
    }];
    import(&mut store, &b3, "c");
    store.set_read(key(2025, 1), true).expect("read");
    store
}

fn memory() -> MemoryLibrary {
    let mut lib = MemoryLibrary::new();
    for n in 1..=3 {
        let mut d = tui_fixture::cached(n, (1, 1), (1, 7), Figures::default());
        d.summary.key = key(2025, n);
        d.summary.read = n == 1;
        lib.insert(d);
    }
    let mut referenced = tui_fixture::not_cached(4);
    referenced.summary.key = key(2025, 4);
    lib.insert(referenced);
    lib
}

fn marks_every_cached_issue_read(lib: &dyn Library) {
    assert_eq!(unread(lib), [key(2025, 3), key(2025, 2)]);
    assert_eq!(lib.mark_all_read().expect("mark"), 2, "two were unread");
    assert!(unread(lib).is_empty());
    let all = lib.summaries().expect("summaries");
    let four = all.iter().find(|s| s.key == key(2025, 4)).expect("2025-4");
    assert!(
        !four.cached && !four.read,
        "a referenced issue gets no mark"
    );
    assert_eq!(lib.mark_all_read().expect("again"), 0);
}

#[test]
fn mark_all_read_marks_only_cached_issues_and_counts_the_unread_ones() {
    marks_every_cached_issue_read(&store());
    marks_every_cached_issue_read(&memory());
}

#[test]
fn mark_all_read_is_one_statement_that_a_locked_cache_refuses_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cache.db");
    let mut writer = Store::open(&path).expect("cache");
    import(&mut writer, &bulletin(1, true), "a");
    import(&mut writer, &bulletin(2, true), "b");
    let tui = Store::open(&path).expect("the TUI's connection");
    tui.set_busy_timeout(std::time::Duration::from_millis(50))
        .expect("timeout");
    let lock = rusqlite::Connection::open(&path).expect("another process");
    lock.execute_batch("BEGIN IMMEDIATE").expect("lock");
    assert!(Library::mark_all_read(&tui).is_err());
    lock.execute_batch("ROLLBACK").expect("unlock");
    assert_eq!(unread(&tui).len(), 2, "nothing half-marked");
    assert_eq!(Library::mark_all_read(&tui).expect("mark"), 2);
}

#[test]
fn the_first_session_has_nothing_to_compare_and_the_next_counts_first_full_copies() {
    let mut store = store();
    assert_eq!(store.since_last_session().expect("since"), None);
    Library::end_session(&store).expect("end");
    let visit = store
        .since_last_session()
        .expect("since")
        .expect("a session");
    assert!(visit.new_issues.is_empty());
    assert!(visit.ended.is_some());

    // News: 4 (known only by reference before) and 5 arrive in full.
    import(&mut store, &bulletin(4, true), "d");
    import(&mut store, &bulletin(5, true), "e");
    // Not news: another full copy of 2, a stub of 1, a stub of a new 6.
    import(&mut store, &bulletin(2, true), "b2");
    import(&mut store, &bulletin(1, false), "a-stub");
    import(&mut store, &bulletin(6, false), "f-stub");
    let visit = store
        .since_last_session()
        .expect("since")
        .expect("a session");
    assert_eq!(visit.new_issues, [key(2025, 5), key(2025, 4)]);

    Library::end_session(&store).expect("end");
    let visit = store
        .since_last_session()
        .expect("since")
        .expect("a session");
    assert!(
        visit.new_issues.is_empty(),
        "counted from the latest session"
    );
}

#[test]
fn the_memory_library_counts_arrivals_the_same_way() {
    let mut lib = memory();
    assert_eq!(lib.since_last_session().expect("since"), None);
    lib.end_session().expect("end");
    let mut four = tui_fixture::cached(4, (1, 22), (1, 28), Figures::default());
    four.summary.key = key(2025, 4);
    lib.insert(four);
    let mut two = tui_fixture::cached(2, (1, 8), (1, 14), Figures::default());
    two.summary.key = key(2025, 2);
    lib.insert(two);
    let visit = lib.since_last_session().expect("since").expect("a session");
    assert_eq!(visit.new_issues, [key(2025, 4)]);
}

#[test]
fn quitting_records_the_session_and_the_next_start_says_what_arrived() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cache.db");
    let mut importer = Store::open(&path).expect("cache");
    import(&mut importer, &bulletin(1, true), "a");
    let mut app = app_with_library(Box::new(Store::open(&path).expect("tui")), None, 80, 24);
    assert_eq!(app.status.message, None, "the first session says nothing");
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);

    import(&mut importer, &bulletin(2, true), "b");
    import(&mut importer, &bulletin(3, true), "c");
    let app = app_with_library(Box::new(Store::open(&path).expect("tui")), None, 80, 24);
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let text = screen(&app, 80, 24);
    let line = text.lines().last().unwrap_or("");
    assert!(
        line.starts_with(&format!("2 new issues since your last visit ({today})")),
        "{line}"
    );
    // Whole: the pinned hints give way to a message that fits alone.
    assert!(line.trim_end().ends_with("2025-2 … 2025-3"), "{line}");

    // A session that saw nothing new says so.
    let mut app = app;
    press(&mut app, KeyCode::Char('q'));
    let app = app_with_library(Box::new(Store::open(&path).expect("tui")), None, 80, 24);
    assert_eq!(
        app.status.message.map(|s| s.text),
        Some(format!("no new issues since your last visit ({today})"))
    );
}

#[test]
fn a_session_that_never_quits_still_moves_the_mark_to_its_start() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cache.db");
    let mut importer = Store::open(&path).expect("cache");
    import(&mut importer, &bulletin(1, true), "a");
    // The terminal window is closed: no `q`, no end of session.
    let killed = app_with_library(Box::new(Store::open(&path).expect("tui")), None, 80, 24);
    drop(killed);

    import(&mut importer, &bulletin(2, true), "b");
    let app = app_with_library(Box::new(Store::open(&path).expect("tui")), None, 80, 24);
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    assert_eq!(
        app.status.message.map(|s| s.text),
        Some(format!(
            "1 new issue since your last visit ({today}): 2025-2"
        ))
    );
}
