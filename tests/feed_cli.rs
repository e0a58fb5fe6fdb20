//! `zhoubao update` and `zhoubao feeds` as a user runs them, against the
//! loopback feed server: feeds from the config or the command line, the
//! report and exit status, `on_new`, and what `feeds` lists afterwards.

mod cli_fixture;
mod feed_fixture;

use std::path::Path;
use std::process::Output;

use cli_fixture::stderr;
use feed_fixture::{atom, rss, FeedServer, Item, Route, Style};

fn zhoubao(db: &Path, config: Option<&Path>, lang: &str, args: &[&str]) -> Output {
    let mut cmd = cli_fixture::command();
    cmd.arg("--db").arg(db);
    if let Some(config) = config {
        cmd.arg("--config").arg(config);
    }
    cmd.args(args)
        .env("ZHOUBAO_LANG", lang)
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .output()
        .unwrap()
}

fn items(server: &FeedServer) -> Vec<Item> {
    let mut items: Vec<Item> = (0..server.issues.len())
        .map(|i| server.item(i, Style::Wewe))
        .collect();
    items.push(Item::other(1));
    items
}

#[test]
fn named_feeds_are_read_once_each_failure_in_one_line_and_exit_1() {
    let server = FeedServer::start(3);
    server.set(
        "/f.atom",
        Route::ok("application/atom+xml", atom(&items(&server), false)),
    );
    server.set("/gone.xml", Route::status("404 Not Found"));
    server.set(
        "/home.html",
        Route::ok("text/html", "<html><body>主页</body></html>"),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let (gone, home) = (server.url("/gone.xml"), server.url("/home.html"));
    let out = zhoubao(
        &db,
        None,
        "en",
        &[
            "update",
            "--delay",
            "0.5",
            &gone,
            &server.url("/f.atom"),
            &home,
        ],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[..4],
        [
            format!("failed  {gone}: HTTP status 404 Not Found").as_str(),
            format!(
                "failed  {home}: not a feed: a web page (give its RSS, Atom or JSON Feed address)"
            )
            .as_str(),
            "3 feeds: 0 not modified, 2 failed; 4 items: 3 bulletins, 1 other article",
            "3 new: 2025-1, 2025-2, 2025-3",
        ],
        "{err}"
    );
    let list = zhoubao(&db, None, "en", &["list", "--cached"]);
    let listed = String::from_utf8(list.stdout).unwrap();
    for issue in &server.issues {
        assert!(listed.contains(&issue.key.to_string()), "{listed}");
    }
}

#[test]
fn the_configured_feeds_are_read_on_new_hears_the_keys_and_feeds_lists_them() {
    let server = FeedServer::start(2);
    server.set(
        "/cncert.xml",
        Route::ok("application/rss+xml", rss(&items(&server), false))
            .tap(|r| r.etag = Some("\"a1\"".into())),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let heard = dir.path().join("heard");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        format!(
            "on_new = [\"sh\", \"-c\", \"printf '%s\\\\n' \\\"$@\\\" > '{}'\", \"notify\"]\n\
             [fetch]\ndelay = 0.5\n\n[[feed]]\nname = \"应急中心\"\nurl = \"{}\"\n",
            heard.display(),
            server.url("/cncert.xml")
        ),
    )
    .unwrap();
    let out = zhoubao(&db, Some(&config), "zh", &["update", "--quiet"]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("新增 2 期：2025-1, 2025-2"), "{err}");
    assert_eq!(std::fs::read_to_string(&heard).unwrap(), "2025-1\n2025-2\n");

    std::fs::remove_file(&heard).unwrap();
    let again = zhoubao(&db, Some(&config), "en", &["update", "--quiet"]);
    let err = stderr(&again);
    assert!(again.status.success(), "{err}");
    assert!(err.contains("1 feed: 1 not modified, 0 failed\n"), "{err}");
    assert!(err.contains("nothing new"), "{err}");
    assert!(!heard.exists(), "on_new runs only when something is new");

    let feeds = zhoubao(&db, Some(&config), "en", &["feeds"]);
    let text = String::from_utf8(feeds.stdout).unwrap();
    let row = text.lines().nth(1).unwrap_or_default();
    assert!(row.starts_with("应急中心  "), "{text}");
    assert!(row.contains("  not modified  "), "{text}");
    assert!(
        row.ends_with(&format!("3          2  {}", server.url("/cncert.xml"))),
        "{text}"
    );
    let json = zhoubao(&db, Some(&config), "en", &["feeds", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(v[0]["name"], "应急中心");
    assert_eq!(v[0]["result"], "not-modified");
    assert_eq!(v[0]["items"], 3);
    assert_eq!(v[0]["bulletins"], 2);
}

#[test]
fn without_a_feed_update_says_how_to_add_one_and_makes_no_cache() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao(&db, None, "en", &["update"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("add a [[feed]] table"),
        "{}",
        stderr(&out)
    );
    assert!(!db.exists());
    // Listing no feeds is an answer, not a failure.
    let feeds = zhoubao(&db, None, "en", &["feeds"]);
    assert_eq!(feeds.status.code(), Some(0));
    assert!(stderr(&feeds).contains("no feeds in the config"));
    assert!(stderr(&feeds).contains("[[feed]]"));
    assert!(feeds.stdout.is_empty());
    let json = zhoubao(&db, None, "en", &["feeds", "--json"]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    assert_eq!(String::from_utf8_lossy(&json.stdout).trim(), "[]");
    assert!(!db.exists());
}

#[test]
fn a_cache_still_behind_after_the_update_says_so() {
    // The feed brings only the newest issue; its 近期回顾 names older ones
    // that the cache then knows by title only. Nothing is behind: the
    // newest known has text. A title-only item of a later issue is.
    let server = FeedServer::start(3);
    let mut items = vec![server.item(1, Style::Wewe)];
    items.push(server.item(2, Style::TitleOnly));
    server.set(
        "/f.xml",
        Route::ok("application/rss+xml", rss(&items, false)),
    );
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao(
        &db,
        None,
        "en",
        &["update", "--no-pages", &server.url("/f.xml")],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("1 new: 2025-2\nnewest with text 2025-2, 1 behind 2025-3\n"),
        "{err}"
    );
}
