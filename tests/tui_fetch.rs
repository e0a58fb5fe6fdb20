//! `F` in the TUI against the loopback fixture server: the status line
//! shows the fetch, then the detail pane and the list show the issue;
//! a selected 近期回顾 line is followed once fetched; Esc cancels; a cached
//! issue, the demo and a failure each say so; after a cancelled fetch the
//! next says it waits for the connection.

mod fetch_fixture;
mod tui_fixture;

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;

use fetch_fixture::{FixtureServer, ISSUES};
use tui_fixture::{app_with_library, cached, fig, not_cached, press, reference, screen};
use zhoubao::fetch::{self, Cancel, Client, FetchOptions, Walk};
use zhoubao::i18n::Lang;
use zhoubao::model::{Alias, Figures, IssueDetail, IssueKey};
use zhoubao::store::Store;
use zhoubao::tui::fetcher::{CacheFetcher, PageFetcher};
use zhoubao::tui::{action::Action, app::App, library::MemoryLibrary, update::update};

/// A cache file holding the fixture's newest issue, fetched from the
/// server: its 近期回顾 lines name five issues the cache does not hold.
fn cache_with_newest(server: &FixtureServer, db: &Path) {
    let mut store = Store::create_or_open(db).unwrap();
    let mut client = Client::with_parts(
        FetchOptions::default(),
        Box::new(fetch::SystemClock),
        Box::new(|_| None),
    );
    let summary = fetch::run(
        &mut store,
        &mut client,
        &[server.newest_url()],
        Walk::default(),
        &Cancel::new(),
        &mut |_| {},
    );
    assert_eq!(summary.new, 1, "{summary:?}");
}

/// The fixture server and, in a temporary folder (dropped with the
/// returned guard), a cache holding its newest issue.
fn served_cache() -> (FixtureServer, tempfile::TempDir, std::path::PathBuf) {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    cache_with_newest(&server, &db);
    (server, dir, db)
}

fn app_on(db: &Path, open: IssueKey, width: u16, height: u16) -> App {
    let store = Store::open_existing(db).unwrap();
    let mut app = app_with_library(Box::new(store), Some(open), width, height);
    app.set_language(Lang::Zh);
    app
}

/// Polls as the event loop does until the fetch is over (or 10 s pass).
fn wait_for_fetch(app: &mut App) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.is_fetching() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
        update(app, Action::PollFetch);
    }
    assert!(!app.is_fetching(), "the fetch did not end");
}

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn f_on_a_not_cached_issue_shows_the_fetch_then_the_issue() {
    let (server, _dir, db) = served_cache();
    for (width, height, index) in [(80, 24, ISSUES - 2), (40, 12, ISSUES - 4)] {
        let target = &server.issues()[index];
        let mut app = app_on(&db, target.key, width, height);
        let before = screen(&app, width, height);
        assert!(!app
            .catalog
            .summaries
            .iter()
            .any(|s| s.key == target.key && s.cached));
        if height >= 24 {
            assert!(before.contains("未缓存"), "{before}");
        }

        press(&mut app, KeyCode::Char('F'));
        let during = screen(&app, width, height);
        assert!(
            status_line(&during).starts_with(&format!("正在获取 {}", target.key)),
            "{during}"
        );
        assert!(app.is_fetching());

        wait_for_fetch(&mut app);
        let after = screen(&app, width, height);
        assert!(!after.contains("未缓存"), "{after}");
        assert!(after.contains(&format!("详情 {}", target.key)), "{after}");
        // The detail pane shows the issue, its figures among them.
        let events = target
            .figures
            .count(fig("events_handled"))
            .unwrap()
            .to_string();
        if height >= 24 {
            assert!(after.contains("处理事件"), "{after}");
            assert!(after.contains(&events), "{after}");
            assert!(
                after.contains(&format!("第{}期", target.key.number)),
                "{after}"
            );
        }
        assert!(
            status_line(&after).starts_with(&format!("已获取 {}", target.key)),
            "{after}"
        );
        assert!(
            app.status
                .message
                .as_ref()
                .is_some_and(|s| s.text == format!("已获取 {}（新）", target.key)),
            "{:?}",
            app.status.message
        );
        // The list knows it is cached now.
        let row = app
            .catalog
            .summaries
            .iter()
            .find(|s| s.key == target.key)
            .unwrap();
        assert!(row.cached);
        assert_eq!(row.figures, target.figures);
        assert_eq!(app.current_key(), Some(target.key));
    }
}

#[test]
fn f_on_a_selected_link_fetches_its_issue_and_follows_it() {
    let (server, _dir, db) = served_cache();
    let newest = server.issues()[ISSUES - 1].key;
    let second = &server.issues()[ISSUES - 3];
    let mut app = app_on(&db, newest, 80, 24);
    // Tab to the links, then to the second 近期回顾 line (after the charts).
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    let lines = app.detail.doc.links.len();
    assert_eq!(lines, 5);
    while app.detail.doc.links[1].key != Some(second.key) || !selected_is_link(&app, 1) {
        press(&mut app, KeyCode::Char('j'));
    }
    press(&mut app, KeyCode::Char('F'));
    wait_for_fetch(&mut app);
    assert_eq!(app.current_key(), Some(second.key));
    let after = screen(&app, 80, 24);
    assert!(after.contains(&format!("详情 {}", second.key)), "{after}");
    // Back returns to the issue whose line was fetched.
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.current_key(), Some(newest));
}

fn selected_is_link(app: &App, n: usize) -> bool {
    matches!(
        app.detail.doc.items.get(app.detail.link),
        Some(zhoubao::tui::view::detail::Item::Link(i)) if *i == n
    )
}

#[test]
fn f_on_a_cached_issue_and_in_the_demo_says_so() {
    let (server, _dir, db) = served_cache();
    let newest = server.issues()[ISSUES - 1].key;
    let mut app = app_on(&db, newest, 80, 24);
    let asked = server.requests().len();
    press(&mut app, KeyCode::Char('F'));
    assert!(!app.is_fetching());
    let text = screen(&app, 80, 24);
    assert!(
        status_line(&text).starts_with(&format!("{newest} 已完整缓存，无需获取")),
        "{text}"
    );
    assert_eq!(server.requests().len(), asked);

    // A memory library (the demo's kind) has no fetcher.
    let mut lib = MemoryLibrary::new();
    lib.insert(not_cached(15));
    let mut demo = app_with_library(Box::new(lib), None, 80, 24);
    demo.set_language(Lang::En);
    press(&mut demo, KeyCode::Char('F'));
    let text = screen(&demo, 80, 24);
    assert!(
        status_line(&text).starts_with("--demo never touches the network: F works on a real cache"),
        "{text}"
    );
}

/// A memory library whose only issue is not cached and lives at `url`,
/// fetched into a cache file of its own.
fn app_fetching_from(url: &str, db: &Path, timeout: Duration) -> App {
    app_and_fetcher(url, db, timeout).0
}

/// [`app_fetching_from`], and the fetcher: its count of owners says
/// whether a fetch thread still runs.
fn app_and_fetcher(url: &str, db: &Path, timeout: Duration) -> (App, Arc<dyn PageFetcher>) {
    Store::create_or_open(db).unwrap();
    let mut issue = not_cached(15);
    issue.url = Some(url.to_string());
    let mut lib = MemoryLibrary::new();
    lib.insert(issue);
    let mut app = app_with_library(Box::new(lib), None, 80, 24);
    app.set_language(Lang::Zh);
    let options = FetchOptions {
        timeout,
        ..FetchOptions::default()
    };
    let fetcher: Arc<dyn PageFetcher> = Arc::new(CacheFetcher::new(db.to_path_buf(), options));
    app.set_fetcher(Some(Arc::clone(&fetcher)));
    (app, fetcher)
}

/// Waits until the server has been asked `n` times (or 10 s pass).
fn wait_for_requests(server: &FixtureServer, n: usize) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while server.requests().len() < n && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(server.requests().len(), n, "the server was not asked");
}

/// Waits until no fetch thread holds the fetcher (or 10 s pass).
fn wait_for_threads(fetcher: &Arc<dyn PageFetcher>) {
    let deadline = Instant::now() + Duration::from_secs(10);
    // The test's handle and the app's.
    while Arc::strong_count(fetcher) > 2 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(Arc::strong_count(fetcher), 2, "a fetch thread still runs");
}

#[test]
fn esc_cancels_a_fetch_and_the_page_that_arrives_after_is_not_stored() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let (mut app, fetcher) = app_and_fetcher(&server.slow_url(), &db, Duration::from_secs(10));
    let rows = |db: &Path| {
        let store = Store::open_existing(db).unwrap();
        (
            store.source_count().unwrap(),
            store.summaries().unwrap().len(),
        )
    };
    assert_eq!(rows(&db), (0, 0));
    press(&mut app, KeyCode::Char('F'));
    wait_for_requests(&server, 1);
    // Typing goes on while the fetch waits: the UI is not blocked.
    press(&mut app, KeyCode::Tab);
    update(&mut app, Action::PollFetch);
    assert!(status_line(&screen(&app, 80, 24)).starts_with("正在获取 2024-15"));
    press(&mut app, KeyCode::Esc);
    assert!(!app.is_fetching());
    // The server sends the whole page after the Esc; the thread ends.
    wait_for_threads(&fetcher);
    update(&mut app, Action::PollFetch);
    let text = screen(&app, 80, 24);
    assert!(
        status_line(&text).starts_with("已取消获取 2024-15 · "),
        "{text}"
    );
    assert_eq!(rows(&db), (0, 0), "the page that arrived was not stored");
    assert!(app.catalog.summaries.iter().all(|s| !s.cached));
}

#[test]
fn f_after_a_cancelled_fetch_says_it_waits_for_the_previous_one_then_goes_on() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let (mut app, fetcher) = app_and_fetcher(&server.slow_url(), &db, Duration::from_secs(10));
    press(&mut app, KeyCode::Char('F'));
    // The first fetch's request is under way: it holds the connection.
    wait_for_requests(&server, 1);
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('F'));
    assert!(app.is_fetching());
    let deadline = Instant::now() + Duration::from_secs(1);
    let mut text = screen(&app, 80, 24);
    while !status_line(&text).contains("等待上一次") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        update(&mut app, Action::PollFetch);
        text = screen(&app, 80, 24);
    }
    assert!(
        status_line(&text).starts_with("2024-15：等待上一次（已取消的）获取结束后开始（Esc 取消）"),
        "{text}"
    );
    // When the cancelled one ends, this one asks and stores the page.
    wait_for_fetch(&mut app);
    wait_for_threads(&fetcher);
    assert_eq!(server.requests().len(), 2);
    let newest = server.issues()[ISSUES - 1].key;
    let text = screen(&app, 80, 24);
    assert!(
        status_line(&text).starts_with(&format!("已获取 {newest}（新）")),
        "{text}"
    );
    assert_eq!(
        Store::open_existing(&db).unwrap().source_count().unwrap(),
        1
    );
}

#[test]
fn a_failed_fetch_says_why_on_the_status_line() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    for (path, words) in [
        (
            "/missing",
            "获取 2024-15 失败：服务器回应 HTTP 404 Not Found",
        ),
        ("/wall", "微信要求验证：按 o 在浏览器中打开 2024-15"),
    ] {
        let db = dir.path().join(format!("c{}.db", path.len()));
        let mut app = app_fetching_from(&server.url(path), &db, Duration::from_secs(5));
        press(&mut app, KeyCode::Char('F'));
        wait_for_fetch(&mut app);
        let text = screen(&app, 80, 24);
        assert!(status_line(&text).starts_with(words), "{text}");
        assert_eq!(
            Store::open_existing(&db).unwrap().source_count().unwrap(),
            0
        );
    }
}

/// The fixture's 2024 第7期 as the real archive knows most issues: its
/// own copy a repost (whose URL here answers 404), the CNCERT original
/// among its aliases.
fn known_through_a_repost(server: &FixtureServer) -> IssueDetail {
    let index = ISSUES - 2;
    let mut issue = not_cached(server.issues()[index].key.number);
    let repost = server.url("/missing");
    issue.url = Some(repost.clone());
    issue.source = Some("Doonsec's feed".into());
    issue.aliases = vec![
        Alias {
            url: Some(repost),
            source: Some("Doonsec's feed".into()),
        },
        Alias {
            url: Some(server.page_url(index)),
            source: Some("国家互联网应急中心CNCERT".into()),
        },
    ];
    issue
}

fn with_fetcher(lib: MemoryLibrary, open: IssueKey, db: &Path) -> App {
    Store::create_or_open(db).unwrap();
    let mut app = app_with_library(Box::new(lib), Some(open), 80, 24);
    app.set_language(Lang::Zh);
    let options = FetchOptions {
        timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    };
    app.set_fetcher(Some(Arc::new(CacheFetcher::new(db.to_path_buf(), options))));
    app
}

/// The mids the server was asked for, in order.
fn asked_mids(server: &FixtureServer) -> Vec<String> {
    server
        .requests()
        .iter()
        .map(|r| {
            r.target.split("mid=").nth(1).map_or(r.target.clone(), |m| {
                m.split('&').next().unwrap_or(m).to_string()
            })
        })
        .collect()
}

#[test]
fn f_on_a_not_cached_issue_asks_for_the_cncert_original_not_the_repost() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let issue = known_through_a_repost(&server);
    let key = issue.summary.key;
    let mut lib = MemoryLibrary::new();
    lib.insert(issue);
    let mut app = with_fetcher(lib, key, &db);
    press(&mut app, KeyCode::Char('F'));
    wait_for_fetch(&mut app);
    let original = &server.issues()[ISSUES - 2].article.mid;
    assert_eq!(asked_mids(&server), vec![original.to_string()]);
    let text = screen(&app, 80, 24);
    assert!(
        status_line(&text).starts_with(&format!("已获取 {key}（新）")),
        "{text}"
    );
    assert!(Store::open_existing(&db).unwrap().is_cached(key).unwrap());
}

#[test]
fn f_on_a_line_without_a_link_fetches_its_issue_from_the_url_the_cache_knows() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let target = known_through_a_repost(&server);
    let key = target.summary.key;
    let mut host = cached(20, (5, 13), (5, 19), Figures::default());
    host.recent = vec![reference(1, Some(key), "2024年第7期（没有链接）", None)];
    let host_key = host.summary.key;
    let mut lib = MemoryLibrary::new();
    lib.insert(target);
    lib.insert(host);
    let mut app = with_fetcher(lib, host_key, &db);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    for _ in 0..20 {
        if selected_is_link(&app, 0) {
            break;
        }
        press(&mut app, KeyCode::Char('j'));
    }
    assert!(selected_is_link(&app, 0));
    assert_eq!(app.detail.doc.links[0].url, None);
    press(&mut app, KeyCode::Char('F'));
    wait_for_fetch(&mut app);
    let original = &server.issues()[ISSUES - 2].article.mid;
    assert_eq!(asked_mids(&server), vec![original.to_string()]);
    let text = screen(&app, 80, 24);
    assert!(
        status_line(&text).starts_with(&format!("已获取 {key}（新）")),
        "{text}"
    );
    assert_eq!(app.current_key(), Some(key));
    assert!(Store::open_existing(&db).unwrap().is_cached(key).unwrap());
}

#[test]
fn f_fetches_with_the_configs_user_agent() {
    let (server, _dir, db) = served_cache();
    let target = server.issues()[ISSUES - 2].key;
    let mut app = app_on(&db, target, 80, 24);
    app.set_fetch_options(&FetchOptions {
        user_agent: "analyst-desk/2.0".into(),
        ..FetchOptions::default()
    });
    press(&mut app, KeyCode::Char('F'));
    wait_for_fetch(&mut app);
    assert_eq!(app.current_key(), Some(target));
    let asked = server.requests();
    let last = asked.last().expect("the fetch asked the server");
    assert_eq!(last.user_agent.as_deref(), Some("analyst-desk/2.0"));
}

/// A fetcher with a bug: it panics on whichever thread runs it.
struct Panicking;

impl PageFetcher for Panicking {
    fn fetch(
        &self,
        _url: &str,
        _cancel: &Cancel,
        _progress: &mut dyn FnMut(zhoubao::tui::fetcher::Progress),
    ) -> zhoubao::fetch::PageResult {
        let empty: Vec<u8> = Vec::new();
        let _ = empty[3];
        unreachable!()
    }
}

#[test]
fn a_panic_in_the_fetch_thread_is_an_error_on_the_status_line_and_the_app_goes_on() {
    let server = FixtureServer::start();
    let issue = known_through_a_repost(&server);
    let key = issue.summary.key;
    let mut lib = MemoryLibrary::new();
    lib.insert(issue);
    let mut app = app_with_library(Box::new(lib), Some(key), 80, 24);
    app.set_language(Lang::Zh);
    app.set_fetcher(Some(Arc::new(Panicking)));
    press(&mut app, KeyCode::Char('F'));
    wait_for_fetch(&mut app);
    let text = screen(&app, 160, 24);
    let status = status_line(&text);
    assert!(
        status.starts_with(&format!(
            "获取 {key} 失败：zhoubao 程序出错（index out of bounds"
        )),
        "{text}"
    );
    assert!(status.contains("什么也没有保存"), "{text}");
    // The app takes keys as before.
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), zhoubao::tui::action::InputMode::Help);
    assert!(server.requests().is_empty());
}
