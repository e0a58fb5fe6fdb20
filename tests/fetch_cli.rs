//! `zhoubao fetch` as a user runs it, against the loopback fixture server:
//! the summary, the failure lines and exit status, both languages, and a
//! proxy in the environment that must not catch loopback requests.

mod cli_fixture;
mod fetch_fixture;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use cli_fixture::stderr;
use fetch_fixture::{FixtureServer, ISSUES};

/// Runs zhoubao with a proxy set that would refuse every connection: the
/// loopback server must be reached directly all the same.
fn zhoubao(db: &Path, lang: &str, args: &[&str]) -> Output {
    cli_fixture::command()
        .arg("--db")
        .arg(db)
        .args(args)
        .env("ZHOUBAO_LANG", lang)
        .env("HTTP_PROXY", "http://127.0.0.1:1")
        .env("HTTPS_PROXY", "http://127.0.0.1:1")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .output()
        .unwrap()
}

#[test]
fn fetch_follow_5_stores_the_newest_issue_and_the_five_before_it() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao(
        &db,
        "en",
        &[
            "fetch",
            "--follow",
            "5",
            "--delay",
            "0.5",
            "--verbose",
            &server.newest_url(),
        ],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.ends_with(
            "2 more not-cached issues beyond --follow; run the same command again to go on\n\
             6 pages: 6 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 0 failed\n"
        ),
        "{err}"
    );
    let verbose = String::from_utf8(out.stdout).unwrap();
    let first = verbose.lines().next().unwrap();
    let newest = &server.issues()[ISSUES - 1];
    assert!(
        first.starts_with(&format!("new\t{}\thttp://127.0.0.1:", newest.key)),
        "{verbose}"
    );
    assert_eq!(verbose.lines().count(), 6);

    let seen = server.requests();
    for pair in seen.windows(2) {
        let gap = pair[1].at - pair[0].at;
        assert!(gap >= Duration::from_millis(480), "{gap:?}");
    }

    for issue in &server.issues()[ISSUES - 6..] {
        let show = zhoubao(&db, "en", &["show", &issue.key.to_string(), "--json"]);
        assert!(show.status.success(), "{}", stderr(&show));
        let json: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
        assert_eq!(json["cached"], true, "{}", issue.key);
        assert_eq!(
            json["events_handled"],
            serde_json::json!(issue.figures.events_handled),
            "{}",
            issue.key
        );
    }
}

#[test]
fn failures_are_one_line_each_and_the_exit_status_is_1() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let (missing, image, to_file) = (
        server.url("/missing"),
        server.url("/image.png"),
        server.url("/to-file"),
    );
    let out = zhoubao(
        &db,
        "en",
        &["fetch", "--delay", "0.5", &missing, &image, &to_file],
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "failed  {missing}: HTTP status 404 Not Found\n\
             failed  {image}: not an HTML page: the server sent image/png\n\
             failed  {to_file}: redirect refused: to file:///etc/passwd (only http and https are followed)\n\
             3 pages: 0 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 3 failed\n"
        )
    );
    let list = zhoubao(&db, "en", &["list", "--json"]);
    assert_eq!(String::from_utf8_lossy(&list.stdout).trim(), "[]");
}

#[test]
fn the_wall_and_the_summary_speak_chinese_by_default() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let wall = server.url("/wall");
    let out = zhoubao(&db, "zh", &["fetch", &wall]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!(
            "失败  {wall}：微信要求验证（环境异常）：页面要人来完成验证\n"
        )),
        "{err}"
    );
    assert!(err.contains(&format!("请在浏览器中打开 {wall}")), "{err}");
    assert!(err.contains("zhoubao import"), "{err}");
    assert!(err.ends_with("失败 1\n"), "{err}");
}

#[test]
fn the_demo_never_fetches() {
    let dir = tempfile::tempdir().unwrap();
    let out = zhoubao(
        &dir.path().join("c.db"),
        "en",
        &["--demo", "fetch", "http://127.0.0.1:1/s"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("fetch into a cache without --demo"));
}
