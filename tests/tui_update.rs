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

/// The list row of `key`, from its mark on.
fn row_of(text: &str, key: IssueKey) -> String {
    let key = format!("{key} ");
    text.lines()
        .filter_map(|l| l.strip_prefix('│'))
        .find(|row| row.chars().skip(2).collect::<String>().starts_with(&key))
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
    assert!(row_of(&text, key(4)).starts_with("+ 2025-4 "), "{text}");
    assert!(
        row_of(&text, key(1)).starts_with("  2025-1 ")
            || row_of(&text, key(1)).starts_with("● 2025-1 "),
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
    assert!(row_of(&text, key(4)).starts_with("+ 2025-4 "), "{text}");
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
    app.start_update();
    assert!(!app.is_updating());
    assert_eq!(
        status_text(&app),
        "--demo never touches the network: feeds update a real cache"
    );
}

#[test]
fn esc_cancels_the_update_and_its_end_is_said() {
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
