//! `feed::update` with `images` (the config's `[fetch] images`, as
//! `zhoubao update` and the TUI's `R` pass it): the pictures of the issues
//! it brings are downloaded after them with the same client, a picture
//! that fails is kept with its reason and fails neither the feed nor the
//! update, and an update that brings nothing new asks for no picture.

mod cli_fixture;
mod feed_fixture;

use std::time::Duration;

use feed_fixture::{json_feed, FeedServer, Item, Route, Style};
use zhoubao::feed::{self, Event, Subscription, UpdateOptions, UpdateReport};
use zhoubao::fetch::{Cancel, Client, FetchOptions};
use zhoubao::i18n::Lang;
use zhoubao::images::{issue_images, samples, ImageState};
use zhoubao::store::Store;

fn run(store: &mut Store, server: &FeedServer, images: bool) -> (UpdateReport, Vec<Event>) {
    let mut client = Client::new(FetchOptions {
        delay: Duration::from_millis(1),
        timeout: Duration::from_secs(10),
        ..FetchOptions::default()
    });
    let mut events = Vec::new();
    let report = feed::update(
        store,
        &mut client,
        &[Subscription::new(server.url("/f.json"))],
        UpdateOptions {
            images,
            lang: Lang::En,
            ..UpdateOptions::default()
        },
        &Cancel::new(),
        &mut |e| events.push(e.clone()),
    );
    (report, events)
}

/// A server whose feed holds two issues, each chart served as a PNG but
/// the newer issue's first, which is a web page.
fn server() -> FeedServer {
    let server = FeedServer::start(2);
    let items: Vec<Item> = (0..2).map(|i| server.item(i, Style::Wewe)).collect();
    server.set(
        "/f.json",
        Route::ok("application/json", json_feed(&items, false)),
    );
    for (i, issue) in server.issues.iter().enumerate() {
        for n in 0..issue.charts.len() {
            let route = if i == 1 && n == 0 {
                Route::ok(
                    "image/png",
                    "<!DOCTYPE html><html><body>不可引用</body></html>",
                )
            } else {
                Route::ok("image/png", samples::png(12, 8))
            };
            server.set(&format!("/img/{}-{n}.png", issue.key), route);
        }
    }
    server
}

fn picture_requests(server: &FeedServer) -> usize {
    server
        .requests()
        .iter()
        .filter(|r| r.target.starts_with("/img/"))
        .count()
}

#[test]
fn the_new_issues_pictures_are_downloaded_and_a_failed_one_fails_nothing() {
    let server = server();
    let charts: usize = server.issues.iter().map(|i| i.charts.len()).sum();
    let mut store = Store::open_in_memory().unwrap();
    let (report, events) = run(&mut store, &server, true);
    assert_eq!(report.new.len(), 2);
    assert_eq!(report.images.stored, charts - 1, "{:?}", report.images);
    assert_eq!(report.images.failed.len(), 1);
    assert!(!report.failed_any(), "a picture fails no feed: {report:?}");
    let planned: Vec<(usize, usize)> = events
        .iter()
        .filter_map(|e| match e {
            Event::Image { done, planned, .. } => Some((*done, *planned)),
            _ => None,
        })
        .collect();
    assert_eq!(planned.len(), charts);
    assert_eq!(planned.last(), Some(&(charts, charts)));
    let text = report.images.render(Lang::En);
    assert!(
        text.contains(&format!("{charts} images: {} downloaded", charts - 1)),
        "{text}"
    );
    assert!(
        text.contains("not an image: the server sent a web page"),
        "{text}"
    );
    let newer = issue_images(&store, server.issues[1].key).unwrap();
    assert!(
        matches!(newer[0].state, ImageState::Failed { .. }),
        "{newer:?}"
    );
    assert!(newer[1..].iter().all(|i| i.is_cached()), "{newer:?}");

    // Nothing new: no picture is asked for, not even the failed one.
    let asked = picture_requests(&server);
    let (again, _) = run(&mut store, &server, true);
    assert!(again.new.is_empty());
    assert_eq!(picture_requests(&server), asked);
    assert!(!again.images.did_anything());
}

#[test]
fn without_images_no_picture_is_asked_for() {
    let server = server();
    let mut store = Store::open_in_memory().unwrap();
    let (report, _) = run(&mut store, &server, false);
    assert_eq!(report.new.len(), 2);
    assert_eq!(picture_requests(&server), 0);
    assert_eq!(report.images, Default::default());
}

/// `zhoubao update` as a user runs it, with the config at `config` (none:
/// the defaults, pictures included).
fn zhoubao_update(
    db: &std::path::Path,
    config: Option<&std::path::Path>,
    url: &str,
) -> std::process::Output {
    let mut cmd = cli_fixture::command();
    cmd.arg("--db").arg(db);
    if let Some(config) = config {
        cmd.arg("--config").arg(config);
    }
    cmd.args(["update", "--delay", "0.5", url])
        .env("ZHOUBAO_LANG", "en")
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .output()
        .unwrap()
}

#[test]
fn zhoubao_update_reports_the_pictures_last_and_a_failed_one_is_no_failure() {
    let server = server();
    let charts: usize = server.issues.iter().map(|i| i.charts.len()).sum();
    let dir = tempfile::tempdir().unwrap();
    let out = zhoubao_update(&dir.path().join("c.db"), None, &server.url("/f.json"));
    let err = cli_fixture::stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.trim_end().ends_with(&format!(
            "{charts} images: {} downloaded, 0 already cached, 1 failed",
            charts - 1
        )),
        "{err}"
    );
    assert_eq!(picture_requests(&server), charts);

    // `[fetch] images = false`: the next cache's update asks for none.
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[fetch]\nimages = false\n").unwrap();
    let out = zhoubao_update(
        &dir.path().join("d.db"),
        Some(&config),
        &server.url("/f.json"),
    );
    assert!(out.status.success(), "{}", cli_fixture::stderr(&out));
    assert!(!cli_fixture::stderr(&out).contains("images"));
    assert_eq!(picture_requests(&server), charts);
}
