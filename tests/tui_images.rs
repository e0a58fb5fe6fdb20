//! The bulletins' pictures in the TUI, against the loopback image server:
//! `F` on an issue stores its page and then its pictures (the status line
//! says which of how many), a failed picture never fails the page, and
//! `F` in the image view downloads the shown issue's pictures, then shows
//! them.

mod image_fixture;
mod tui_fixture;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;

use image_fixture::{good, hostile, ImageServer};
use tui_fixture::{app_with_library, press, screen};
use zhoubao::fetch::{self, Cancel, Client, FetchOptions, Walk};
use zhoubao::i18n::Lang;
use zhoubao::images::{issue_images, ImageState};
use zhoubao::model::IssueKey;
use zhoubao::store::Store;
use zhoubao::tui::{action::Action, app::App, update::update};

/// A short delay between requests (the server is this machine), long
/// enough for the status line to be seen between two pictures.
fn quick() -> FetchOptions {
    FetchOptions {
        delay: Duration::from_millis(150),
        ..FetchOptions::default()
    }
}

/// A cache holding the server's newer issue (its page only, no pictures):
/// its 近期回顾 names the older one, which the cache does not hold.
fn cache_with_newer(server: &ImageServer, dir: &Path) -> PathBuf {
    let db = dir.join("c.db");
    let mut store = Store::create_or_open(&db).unwrap();
    let mut client = Client::new(quick());
    let summary = fetch::run(
        &mut store,
        &mut client,
        &[server.page_url(1)],
        Walk::default(),
        &Cancel::new(),
        &mut |_| {},
    );
    assert_eq!(summary.new, 1, "{summary:?}");
    db
}

fn app_on(db: &Path, open: IssueKey, width: u16, height: u16) -> App {
    let store = Store::open_existing(db).unwrap();
    let mut app = app_with_library(Box::new(store), Some(open), width, height);
    app.set_language(Lang::Zh);
    app.set_fetch_options(&quick());
    app.set_fetch_images(true);
    app
}

/// Polls as the event loop does until the fetch is over (or 20 s pass),
/// keeping every status line seen.
fn wait_for_fetch(app: &mut App, width: u16, height: u16) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut lines = Vec::new();
    while app.is_fetching() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        update(app, Action::PollFetch);
        let shown = screen(app, width, height);
        lines.push(shown.lines().last().unwrap_or_default().to_string());
    }
    assert!(!app.is_fetching(), "the fetch did not end");
    lines
}

#[test]
fn f_stores_the_page_then_its_pictures_saying_which_of_how_many() {
    let server = ImageServer::start(good());
    let dir = tempfile::tempdir().unwrap();
    let db = cache_with_newer(&server, dir.path());
    let older = server.issues()[0].key;
    let mut app = app_on(&db, older, 80, 24);

    press(&mut app, KeyCode::Char('F'));
    let lines = wait_for_fetch(&mut app, 80, 24);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("正在下载 {older} 的图片 2/2"))),
        "{lines:#?}"
    );
    let after = screen(&app, 80, 24);
    assert!(
        after
            .lines()
            .last()
            .unwrap()
            .starts_with(&format!("已获取 {older}")),
        "{after}"
    );
    let store = Store::open_existing(&db).unwrap();
    let images = issue_images(&store, older).unwrap();
    assert_eq!(images.len(), 2);
    assert!(images.iter().all(|i| i.is_cached()), "{images:?}");
    assert!(server
        .picture_requests()
        .iter()
        .all(|r| r.referer.is_none()));
}

#[test]
fn a_picture_that_fails_leaves_the_page_stored_with_the_reason_kept() {
    let chart = good().remove(0);
    let page = hostile()
        .into_iter()
        .find(|p| p.name == "page.png")
        .unwrap();
    let server = ImageServer::start_with_older(good(), vec![page, chart]);
    let dir = tempfile::tempdir().unwrap();
    let db = cache_with_newer(&server, dir.path());
    let older = server.issues()[0].key;
    let mut app = app_on(&db, older, 80, 24);

    press(&mut app, KeyCode::Char('F'));
    wait_for_fetch(&mut app, 80, 24);
    let after = screen(&app, 80, 24);
    assert!(
        after
            .lines()
            .last()
            .unwrap()
            .starts_with(&format!("已获取 {older}")),
        "{after}"
    );
    let store = Store::open_existing(&db).unwrap();
    let images = issue_images(&store, older).unwrap();
    assert!(
        matches!(&images[0].state, ImageState::Failed { reason } if reason.en.contains("web page")),
        "{images:?}"
    );
    assert!(images[1].is_cached(), "{images:?}");
}

/// Polls as the event loop does until the image view's download is over
/// and the worker has drawn (or 20 s pass), keeping every status line.
fn wait_for_view(app: &mut App, width: u16, height: u16) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut lines = Vec::new();
    loop {
        std::thread::sleep(Duration::from_millis(5));
        update(app, Action::PollImages);
        // The loop's tick looks for another process's writes too.
        update(app, Action::Refresh);
        let shown = screen(app, width, height);
        lines.push(shown.lines().last().unwrap_or_default().to_string());
        let busy = shown.contains("正在下载") || shown.contains("正在绘制图片");
        if !busy || Instant::now() > deadline {
            return lines;
        }
    }
}

#[test]
fn f_in_the_image_view_downloads_the_issues_pictures_and_then_shows_them() {
    let server = ImageServer::start(good());
    let dir = tempfile::tempdir().unwrap();
    let db = cache_with_newer(&server, dir.path());
    let newer = server.issues()[1].key;
    let mut app = app_on(&db, newer, 80, 24);

    press(&mut app, KeyCode::Char('i'));
    let before = screen(&app, 80, 24);
    assert!(before.contains("还没有下载"), "{before}");
    press(&mut app, KeyCode::Char('F'));
    let lines = wait_for_view(&mut app, 80, 24);
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with(&format!("正在下载 {newer} 的图片"))),
        "{lines:#?}"
    );
    // The download's own writes are no other process's.
    assert!(
        !lines.iter().any(|l| l.contains("另一个进程")),
        "{lines:#?}"
    );
    let after = screen(&app, 80, 24);
    assert!(!after.contains("还没有下载"), "{after}");
    let of = server.issues()[1].charts.len();
    assert!(after.contains(&format!("图 1/{of}")), "{after}");
    assert!(
        after.contains(&format!("已下载 {newer} 的 {of} 张图片")),
        "{after}"
    );
    // The picture is drawn: half blocks where the message was.
    assert!(after.contains('▀') || after.contains('▄'), "{after}");
    let store = Store::open_existing(&db).unwrap();
    assert!(issue_images(&store, newer)
        .unwrap()
        .iter()
        .all(|i| i.is_cached()));
}
