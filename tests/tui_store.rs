//! End to end on the real SQLite store (in memory): issues imported as
//! parsed bulletins, browsed, followed, searched and marked read.

mod tui_fixture;

use chrono::NaiveDate;
use ratatui::crossterm::event::KeyCode;

use tui_fixture::{app_with_library, chars, key, press, screen, url};
use zhoubao::model::{
    ArticleId, Assessment, Bulletin, Completeness, Figures, Period, RecentRef, SeriesId,
    SourceFormat,
};
use zhoubao::store::Store;

fn date(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, m, d).expect("valid fixture date")
}

fn bulletin(number: u32, start: (u32, u32), end: (u32, u32), events: i64) -> Bulletin {
    let title = format!(
        "网络安全信息与动态周报2024年第{number}期（{}月{}日-{}月{}日）",
        start.0, start.1, end.0, end.1
    );
    Bulletin {
        format: SourceFormat::Markdown,
        key: key(2024, number),
        title,
        period: Some(Period {
            start: date(start.0, start.1),
            end: date(end.0, end.1),
        }),
        published: Some(date(end.0, end.1) + chrono::Days::new(3)),
        source: Some("国家互联网应急中心CNCERT".to_string()),
        url: Some(url(number)),
        article: Some(ArticleId {
            biz: "FIXTURE".into(),
            mid: number.to_string(),
            idx: "1".into(),
        }),
        urls: vec![url(number)],
        assessment: Some(Assessment::Good),
        figures: Figures::headline(
            SeriesId::CNCERT,
            &[
                Some(events),
                Some(events / 3),
                Some(events - 40),
                None,
                Some(4),
            ],
        ),
        images: vec![format!("https://mmbiz.qpic.cn/fixture/{number}.png")],
        body: vec![format!("第{number}期的自拟正文，检索词：蜜罐演练。")],
        recent: Vec::new(),
        completeness: Completeness::Full,
        last_number: None,
        truncated: false,
    }
}

fn store() -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store");
    let mut b17 = bulletin(17, (4, 22), (4, 27), 381);
    b17.recent = vec![
        RecentRef {
            key: Some(key(2024, 16)),
            title: "网络安全信息与动态周报2024年第16期（4月15日-4月21日）".into(),
            period: None,
            url: Some(url(16)),
        },
        RecentRef {
            key: Some(key(2024, 15)),
            title: "网络安全信息与动态周报2024年第15期（4月8日-4月14日）".into(),
            period: Some(Period {
                start: date(4, 8),
                end: date(4, 14),
            }),
            url: Some(url(15)),
        },
        RecentRef {
            key: None,
            title: "没有期号的回顾".into(),
            period: None,
            url: Some(format!("{}&sn=other#rd", url(16))),
        },
    ];
    b17.body.push("另一段：不含检索词。".into());
    store
        .import_bulletin(&bulletin(16, (4, 15), (4, 21), 369))
        .expect("import 16");
    store.import_bulletin(&b17).expect("import 17");
    store
}

#[test]
fn store_backed_tui_lists_references_as_not_cached_and_follows_links() {
    let mut app = app_with_library(Box::new(store()), None, 120, 40);
    let text = screen(&app, 120, 40);
    assert!(
        text.contains("2024-15"),
        "the referenced issue is listed: {text}"
    );
    assert!(
        text.contains("Detail 2024-17") && text.contains("+12"),
        "{text}"
    );
    insta::assert_snapshot!(text);
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.current_key(), Some(key(2024, 15)));
    assert!(screen(&app, 120, 40).contains(tui_fixture::NOT_CACHED_NOTE));
    press(&mut app, KeyCode::Backspace);
    // The keyless line resolves by URL identity despite other parameters.
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    assert!(
        app.catalog
            .summaries
            .iter()
            .any(|s| s.key == key(2024, 16) && s.read),
        "following marks read"
    );
}

#[test]
fn read_state_search_and_selection_reach_the_store() {
    let mut app = app_with_library(Box::new(store()), None, 100, 30);
    press(&mut app, KeyCode::Char('m'));
    let stored = app.library().summaries().expect("summaries");
    assert!(stored.iter().any(|s| s.key == key(2024, 17) && s.read));
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "蜜罐");
    assert!(screen(&app, 100, 30).contains("2 hits (1/2)"));
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    press(&mut app, KeyCode::Char('q'));
    assert_eq!(
        app.library().last_selected().ok().flatten(),
        Some(key(2024, 16))
    );
}

/// A cache file holding 2024 第16期, the importing process's connection to
/// it, and a TUI on a connection of its own.
fn cache_of_2024_16() -> (tempfile::TempDir, Store, zhoubao::tui::app::App) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cache.db");
    let mut importer = Store::open(&path).expect("cache");
    importer
        .import_bulletin(&bulletin(16, (4, 15), (4, 21), 369))
        .expect("import");
    let reader = Store::open(&path).expect("the TUI's own connection");
    let app = app_with_library(Box::new(reader), None, 100, 30);
    (dir, importer, app)
}

#[test]
fn an_import_by_another_process_shows_up_without_a_restart() {
    let (_dir, mut importer, mut app) = cache_of_2024_16();
    assert_eq!(app.current_key(), Some(key(2024, 16)));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    let scroll = app.detail.scroll;

    // Idle with nothing new: nothing changes, nothing is said.
    zhoubao::tui::update::update(&mut app, zhoubao::tui::action::Action::Refresh);
    assert_eq!(app.catalog.summaries.len(), 1);
    assert!(app.status.message.is_none());

    importer
        .import_bulletin(&bulletin(17, (4, 22), (4, 27), 381))
        .expect("import");
    zhoubao::tui::update::update(&mut app, zhoubao::tui::action::Action::Refresh);
    let keys: Vec<_> = app.catalog.summaries.iter().map(|s| s.key).collect();
    assert_eq!(keys, vec![key(2024, 17), key(2024, 16)]);
    assert_eq!(
        app.current_key(),
        Some(key(2024, 16)),
        "the reader stays put"
    );
    assert_eq!(app.detail.scroll, scroll);
    let status = app
        .status
        .message
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default();
    assert!(status.contains("2 issues, 1 new"), "{status}");
    assert!(screen(&app, 100, 30).contains("2024-17"));
}

#[test]
fn an_empty_cache_shows_the_first_import_when_it_lands() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cache.db");
    let mut importer = Store::open(&path).expect("cache");
    let reader = Store::open(&path).expect("the TUI's own connection");
    let mut app = app_with_library(Box::new(reader), None, 100, 30);
    assert_eq!(app.current_key(), None);
    importer
        .import_bulletin(&bulletin(17, (4, 22), (4, 27), 381))
        .expect("import");
    zhoubao::tui::update::update(&mut app, zhoubao::tui::action::Action::Refresh);
    assert_eq!(app.current_key(), Some(key(2024, 17)));
}

#[test]
fn a_read_mark_the_locked_cache_refuses_shows_at_once_and_is_written_once_the_lock_is_free() {
    let (dir, importer, mut app) = cache_of_2024_16();
    let path = dir.path().join("cache.db");
    assert_eq!(app.catalog.unread, 1);

    // Another process (an import) holds the write lock.
    let writer = rusqlite::Connection::open(&path).expect("a second connection");
    writer
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the lock");
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.catalog.unread, 0, "the mark shows at once");
    let status = app.status.message.clone().expect("a status line");
    assert!(!status.error, "busy is not a fault: {}", status.text);
    assert!(status.text.contains("busy"), "{}", status.text);
    assert_eq!(app.unsaved_marks(), &[(key(2024, 16), true)]);
    zhoubao::tui::update::update(&mut app, zhoubao::tui::action::Action::Refresh);
    assert_eq!(app.unsaved_marks().len(), 1, "still locked: kept for later");

    writer.execute_batch("COMMIT").expect("release the lock");
    zhoubao::tui::update::update(&mut app, zhoubao::tui::action::Action::Refresh);
    assert!(app.unsaved_marks().is_empty());
    let stored = importer.summaries().expect("summaries");
    assert!(
        stored.iter().any(|s| s.key == key(2024, 16) && s.read),
        "the mark reached the cache"
    );
}

#[test]
fn a_read_mark_the_locked_cache_refused_is_written_when_the_user_quits() {
    let (dir, importer, mut app) = cache_of_2024_16();
    let path = dir.path().join("cache.db");

    let writer = rusqlite::Connection::open(&path).expect("a second connection");
    writer
        .execute_batch("BEGIN IMMEDIATE")
        .expect("take the lock");
    press(&mut app, KeyCode::Char('m'));
    assert_eq!(app.unsaved_marks().len(), 1, "refused while locked");
    // The import ends a moment after the user quits.
    let release = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(600));
        writer.execute_batch("COMMIT").expect("release the lock");
    });
    press(&mut app, KeyCode::Char('q'));
    release.join().expect("the writer thread");
    assert!(app.quit);
    assert!(app.unsaved_marks().is_empty());
    assert!(app.take_exit_errors().is_empty());
    let stored = importer.summaries().expect("summaries");
    assert!(
        stored.iter().any(|s| s.key == key(2024, 16) && s.read),
        "the mark reached the cache before the TUI ended"
    );
}
