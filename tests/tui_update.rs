//! The TUI's update of the feeds against the loopback feed server: the
//! status line follows it (which feed of how many, the issues new so far)
//! and sums it up, the list grows while it runs and marks what it brought
//! for the rest of the session, Esc cancels, `F` waits for it, and a
//! config without feeds, the demo or a failed feed each say so.

mod feed_fixture;
mod tui_fixture;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;

use feed_fixture::{rss, FeedServer, Item, Route, Style};
use tui_fixture::{app_with_ui, press, screen, ui_in};
use zhoubao::feed::Subscription;
use zhoubao::fetch::FetchOptions;
use zhoubao::i18n::Lang;
use zhoubao::model::IssueKey;
use zhoubao::store::Store;
use zhoubao::tui::state::updating::FeedSettings;
use zhoubao::tui::{action::Action, app::App, update::update};

/// Issues the server holds: the cache starts with the first.
const ISSUES: usize = 4;

fn options() -> FetchOptions {
    FetchOptions {
        delay: Duration::from_millis(1),
        timeout: Duration::from_secs(10),
        ..FetchOptions::default()
    }
}

fn key(number: u32) -> IssueKey {
    IssueKey::new(2025, number)
}

/// A cache in `dir` holding the server's first issue, imported from its
/// page as a saved file.
fn cache_with_first(server: &FeedServer, dir: &Path) -> PathBuf {
    let page = dir.join("first.html");
    std::fs::write(&page, server.page(0)).unwrap();
    let db = dir.join("cache.db");
    let mut store = Store::create_or_open(&db).unwrap();
    let summary = zhoubao::import::import_paths(&mut store, &[page], false);
    assert_eq!(summary.new, 1, "{summary}");
    db
}

/// The feed of the server's issues `from..to`, as WeWe-RSS writes it.
fn feed_of(server: &FeedServer, from: usize, to: usize) -> Route {
    let items: Vec<Item> = (from..to).map(|i| server.item(i, Style::Wewe)).collect();
    Route::ok("application/rss+xml", rss(&items, false))
}

fn settings(server: &FeedServer, paths: &[(&str, &str)]) -> FeedSettings {
    FeedSettings {
        feeds: paths
            .iter()
            .map(|(name, path)| Subscription {
                name: Some(name.to_string()),
                url: server.url(path),
            })
            .collect(),
        ..FeedSettings::default()
    }
}

fn app_on(db: &Path, lang: Lang, width: u16, height: u16) -> App {
    let store = Store::open_existing(db).unwrap();
    let mut app = app_with_ui(Box::new(store), None, width, height, ui_in(lang));
    app.set_fetch_options(&options());
    app
}

/// Polls as the event loop does until `done` holds (or 10 s pass).
fn poll_until(app: &mut App, what: &str, mut done: impl FnMut(&App) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while !done(app) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        update(app, Action::PollUpdate);
    }
    assert!(done(app), "{what}: {:?}", app.status.message);
}

fn wait_for_update(app: &mut App) {
    poll_until(app, "the update ends", |app| !app.is_updating());
}

fn status_text(app: &App) -> String {
    app.status
        .message
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

/// The screen with the server's port taken out, so a snapshot does not
/// depend on it.
fn shown(app: &App, server: &FeedServer, width: u16, height: u16) -> String {
    screen(app, width, height).replace(&server.base(), "http://127.0.0.1:PORT")
}

/// The list row of `key`, from its mark on.
fn row_of(text: &str, key: IssueKey) -> String {
    let key = format!("{key} ");
    text.lines()
        .filter_map(|l| l.strip_prefix('│'))
        // The marks (update/unread, flag, note) take the first three cells.
        .find(|row| row.chars().skip(3).collect::<String>().starts_with(&key))
        .unwrap_or_default()
        .to_string()
}

#[test]
fn an_update_started_as_the_tui_opens_grows_the_list_and_marks_what_it_brought() {
    let server = FeedServer::start(ISSUES);
    server.set("/f.xml", feed_of(&server, 1, ISSUES));
    let dir = tempfile::tempdir().unwrap();
    let db = cache_with_first(&server, dir.path());
    let mut app = app_on(&db, Lang::Zh, 80, 24);
    assert_eq!(app.catalog.summaries.iter().filter(|s| s.cached).count(), 1);
    let mut feeds = settings(&server, &[("应急中心", "/f.xml")]);
    feeds.update_on_start = true;
    app.set_feeds(feeds);
    assert!(app.is_updating(), "update_on_start starts it at once");
    assert!(
        status_text(&app).starts_with("正在更新订阅源"),
        "{:?}",
        app.status.message
    );

    wait_for_update(&mut app);
    assert_eq!(
        status_text(&app),
        "新增 3 期：2025-2, 2025-3, 2025-4",
        "the summary names them"
    );
    for n in 2..=4 {
        let s = app.catalog.get(key(n)).expect("the list grew");
        assert!(s.cached, "{n}");
    }
    let text = screen(&app, 80, 24);
    assert!(row_of(&text, key(4)).starts_with("+  2025-4 "), "{text}");
    assert!(
        row_of(&text, key(1)).starts_with("   2025-1 ")
            || row_of(&text, key(1)).starts_with("●  2025-1 "),
        "{text}"
    );
    assert!(
        status_line(&text).starts_with("新增 3 期：2025-2, 2025-3, 2025-4"),
        "{text}"
    );

    // The mark stays for the session: reading the issue, another reload.
    app.select_key(key(4));
    app.mark_opened();
    update(&mut app, Action::Refresh);
    let text = screen(&app, 80, 24);
    assert!(row_of(&text, key(4)).starts_with("+  2025-4 "), "{text}");
}

#[test]
fn the_demo_never_starts_an_update_even_when_asked_to_on_start() {
    let mut app = tui_fixture::app(80, 24);
    app.set_feeds(FeedSettings {
        feeds: vec![Subscription::new("http://127.0.0.1:9/f.xml")],
        on_new: None,
        update_on_start: true,
    });
    assert!(!app.is_updating());
    press(&mut app, KeyCode::Char('R'));
    assert!(!app.is_updating());
    assert_eq!(
        status_text(&app),
        "--demo never touches the network: feeds update a real cache"
    );
}

#[test]
fn esc_cancels_r_and_its_end_is_said() {
    let server = FeedServer::start(ISSUES);
    // The feed answers late, so Esc comes while it is asked.
    server.set(
        "/slow.xml",
        feed_of(&server, 1, ISSUES).tap(|r| r.delay = Duration::from_millis(1500)),
    );
    server.set("/never.xml", feed_of(&server, 1, ISSUES));
    let dir = tempfile::tempdir().unwrap();
    let db = cache_with_first(&server, dir.path());
    let mut app = app_on(&db, Lang::En, 80, 24);
    app.set_feeds(settings(
        &server,
        &[("slow", "/slow.xml"), ("never", "/never.xml")],
    ));
    app.start_update();
    poll_until(&mut app, "the first feed is asked", |app| {
        status_text(app).starts_with("updating feed 1/2")
    });
    press(&mut app, KeyCode::Esc);
    assert_eq!(
        status_text(&app),
        "update cancelled: it stops once the request under way ends"
    );
    // F waits for it rather than racing it.
    press(&mut app, KeyCode::Char('F'));
    assert_eq!(
        status_text(&app),
        "update cancelled: it stops once the request under way ends"
    );
    wait_for_update(&mut app);
    assert!(
        status_text(&app).starts_with("update cancelled"),
        "{:?}",
        app.status.message
    );
    assert!(
        server.requests_to("/never.xml").is_empty(),
        "nothing more is asked"
    );
}

#[test]
fn r_shows_the_update_on_the_status_line_while_it_runs_then_sums_it_up() {
    for (width, height) in [(80, 24), (40, 12)] {
        let server = FeedServer::start(ISSUES);
        server.set("/a.xml", feed_of(&server, 1, 3));
        // The second feed answers late: the screen is read meanwhile.
        server.set(
            "/b.xml",
            feed_of(&server, 3, ISSUES).tap(|r| r.delay = Duration::from_secs(2)),
        );
        let dir = tempfile::tempdir().unwrap();
        let db = cache_with_first(&server, dir.path());
        let mut app = app_on(&db, Lang::Zh, width, height);
        app.set_feeds(settings(&server, &[("甲", "/a.xml"), ("乙", "/b.xml")]));
        press(&mut app, KeyCode::Char('R'));
        assert!(app.is_updating());
        poll_until(&mut app, "the second feed is asked", |app| {
            status_text(app).starts_with("正在更新订阅源 2/2，已新增 2 期（Esc 取消）：乙 (")
        });
        let during = shown(&app, &server, width, height);
        insta::assert_snapshot!(format!("r_during_{width}x{height}"), during);
        // The list grew above the issue shown; at 40x12 the newest row is
        // above the two that fit.
        let newest = if height >= 24 { 3 } else { 2 };
        assert!(
            row_of(&during, key(newest)).starts_with(&format!("+  2025-{newest} ")),
            "{during}"
        );
        // A key press clears the line; the next look brings the update back.
        press(&mut app, KeyCode::Tab);
        assert_eq!(app.status.message, None);
        update(&mut app, Action::PollUpdate);
        assert!(
            status_text(&app).starts_with("正在更新订阅源 2/2"),
            "{:?}",
            app.status.message
        );

        wait_for_update(&mut app);
        let after = shown(&app, &server, width, height);
        insta::assert_snapshot!(format!("r_after_{width}x{height}"), after);
        assert_eq!(status_text(&app), "新增 3 期：2025-2, 2025-3, 2025-4");
        let oldest_shown = if height >= 24 { 4 } else { 2 };
        for n in 2..=oldest_shown {
            assert!(
                row_of(&after, key(n)).starts_with(&format!("+  2025-{n} ")),
                "{after}"
            );
        }
    }
}

#[test]
fn r_without_a_feed_in_the_config_says_how_to_add_one() {
    let server = FeedServer::start(1);
    let dir = tempfile::tempdir().unwrap();
    let db = cache_with_first(&server, dir.path());
    for (lang, width, line) in [
        (
            Lang::Zh,
            80,
            "配置文件里没有订阅源：加一个 [[feed]]（zhoubao config 有示例） · ? 帮助 · q 退出",
        ),
        (Lang::Zh, 40, "配置里没有 [[feed]] · ? 帮助 · q 退出"),
        (
            Lang::En,
            80,
            "no feeds: zhoubao config shows [[feed]] · ? help · q quit",
        ),
        (Lang::En, 40, "no [[feed]] in config · ? help · q quit"),
    ] {
        let mut app = app_on(&db, lang, width, 24);
        press(&mut app, KeyCode::Char('R'));
        assert!(!app.is_updating());
        let text = screen(&app, width, 24);
        assert!(status_line(&text).starts_with(line), "{text}");
    }
}

#[test]
fn a_failed_feed_is_named_in_the_summary_and_the_others_are_stored() {
    let server = FeedServer::start(ISSUES);
    server.set("/f.xml", feed_of(&server, 1, ISSUES));
    server.set("/gone.xml", Route::status("404 Not Found"));
    let dir = tempfile::tempdir().unwrap();
    let db = cache_with_first(&server, dir.path());
    let mut app = app_on(&db, Lang::Zh, 120, 30);
    app.set_feeds(settings(&server, &[("坏", "/gone.xml"), ("好", "/f.xml")]));
    press(&mut app, KeyCode::Char('R'));
    wait_for_update(&mut app);
    let said = app.status.message.clone().expect("a summary");
    assert!(said.error, "a failure shows as an error");
    assert_eq!(
        said.text,
        format!(
            "新增 3 期：2025-2, 2025-3, 2025-4；1 个订阅源失败：坏 ({}/gone.xml)：\
             服务器回应 HTTP 404 Not Found",
            server.base()
        )
    );
    assert_eq!(
        said.shorter.last().map(String::as_str),
        Some("新增 3 期；1 项失败")
    );
    let text = screen(&app, 40, 12);
    assert!(
        status_line(&text).starts_with("新增 3 期；1 项失败"),
        "{text}"
    );
}

#[test]
fn r_and_f_each_wait_for_the_other() {
    let server = FeedServer::start(ISSUES);
    server.set("/f.xml", feed_of(&server, 1, ISSUES));
    // The second issue's page answers late: F is still fetching it.
    let slow = server.page_target(1);
    server.set(
        &slow,
        Route::ok("text/html; charset=utf-8", server.page(1))
            .tap(|r| r.delay = Duration::from_millis(800)),
    );
    let dir = tempfile::tempdir().unwrap();
    // The cache holds the third issue, whose 近期回顾 names the second.
    let page = dir.path().join("third.html");
    std::fs::write(&page, server.page(2)).unwrap();
    let db = dir.path().join("cache.db");
    let mut store = Store::create_or_open(&db).unwrap();
    zhoubao::import::import_paths(&mut store, &[page], false);
    drop(store);
    let store = Store::open_existing(&db).unwrap();
    let mut app = app_with_ui(Box::new(store), Some(key(2)), 80, 24, ui_in(Lang::En));
    app.set_fetch_options(&options());
    app.set_feeds(settings(&server, &[("feed", "/f.xml")]));
    press(&mut app, KeyCode::Char('F'));
    assert!(app.is_fetching(), "{:?}", app.status.message);
    press(&mut app, KeyCode::Char('R'));
    assert_eq!(status_text(&app), "still fetching 2025-2; Esc cancels it");
    assert!(!app.is_updating());
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.is_fetching() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        update(&mut app, Action::PollFetch);
    }
    press(&mut app, KeyCode::Char('R'));
    assert!(app.is_updating());
    press(&mut app, KeyCode::Char('F'));
    assert_eq!(
        status_text(&app),
        "still updating the feeds; Esc cancels it"
    );
    press(&mut app, KeyCode::Char('R'));
    assert_eq!(
        status_text(&app),
        "still updating the feeds; Esc cancels it"
    );
    wait_for_update(&mut app);
    // 2025-2 came by F, and 2025-3 was there before.
    assert_eq!(status_text(&app), "1 new: 2025-4");
}

/// `on_new` runs after an update that stored new issues, with their keys,
/// and nothing it prints reaches the screen: its output goes nowhere.
#[cfg(target_os = "linux")]
#[test]
fn on_new_hears_the_new_keys_quietly() {
    let server = FeedServer::start(ISSUES);
    server.set("/f.xml", feed_of(&server, 1, ISSUES));
    let dir = tempfile::tempdir().unwrap();
    let db = cache_with_first(&server, dir.path());
    let heard = dir.path().join("heard");
    let mut feeds = settings(&server, &[("feed", "/f.xml")]);
    feeds.on_new = Some(vec![
        "sh".into(),
        "-c".into(),
        // The shell's own descriptors, read before any redirection.
        "out=$(readlink /proc/$$/fd/1); err=$(readlink /proc/$$/fd/2); \
         printf '%s\\n' \"$out\" \"$err\" \"$@\" > \"$0\""
            .into(),
        heard.display().to_string(),
    ]);
    let mut app = app_on(&db, Lang::En, 80, 24);
    app.set_feeds(feeds);
    press(&mut app, KeyCode::Char('R'));
    wait_for_update(&mut app);
    poll_until(&mut app, "on_new ends", |app| app.update_wait().is_none());
    assert_eq!(
        std::fs::read_to_string(&heard).unwrap(),
        "/dev/null\n/dev/null\n2025-2\n2025-3\n2025-4\n"
    );
    assert_eq!(status_text(&app), "3 new: 2025-2, 2025-3, 2025-4");
}
