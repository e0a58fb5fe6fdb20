//! `zhoubao fetch` as a user runs it, against the loopback fixture server:
//! the summary, the failure lines and exit status, both languages, and a
//! proxy in the environment that must not catch loopback requests. Pages
//! only (`[fetch] images = false`): the pictures are tests/images_cli.rs's.

mod cli_fixture;
mod fetch_fixture;

use std::path::Path;
use std::process::Output;
use std::time::Duration;

use cli_fixture::stderr;
use fetch_fixture::{FixtureServer, Setup, ISSUES, PANIC_MARKER};

/// Runs zhoubao with a proxy set that would refuse every connection: the
/// loopback server must be reached directly all the same.
fn zhoubao(db: &Path, lang: &str, args: &[&str]) -> Output {
    zhoubao_with(db, lang, args, &[])
}

fn zhoubao_with(db: &Path, lang: &str, args: &[&str], env: &[(&str, &str)]) -> Output {
    // These tests are about pages: the pictures a fetch downloads after
    // them are tests/images_cli.rs's.
    let config = db.with_file_name("pages-only.toml");
    std::fs::write(&config, "[fetch]\nimages = false\n").unwrap();
    cli_fixture::command()
        .arg("--db")
        .arg(db)
        .arg("--config")
        .arg(&config)
        .args(args)
        .env("ZHOUBAO_LANG", lang)
        .env("HTTP_PROXY", "http://127.0.0.1:1")
        .env("HTTPS_PROXY", "http://127.0.0.1:1")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .envs(env.iter().copied())
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
    // The new issues by name, newest first, as `update` names them.
    let stored: Vec<String> = (ISSUES - 6..ISSUES)
        .rev()
        .map(|i| server.issues()[i].key.to_string())
        .collect();
    assert!(
        err.ends_with(&format!(
            "2 more not-cached issues beyond --follow; run the same command again to go on\n\
             6 pages: 6 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 0 failed\n\
             6 new: {}\n",
            stored.join(", ")
        )),
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
            serde_json::json!(issue.figures.count(fig("events_handled"))),
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

/// A parser bug on one page of a walk fails that page, in import's words,
/// and the walk goes on to the rest.
#[test]
fn a_parser_panic_fails_that_page_and_the_walk_goes_on() {
    let server = FixtureServer::start_with(Setup {
        panic_at: Some(ISSUES - 3),
        ..Setup::default()
    });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao_with(
        &db,
        "en",
        &[
            "fetch",
            "--follow",
            "5",
            "--delay",
            "0.5",
            &server.newest_url(),
        ],
        &[("ZHOUBAO_TEST_PARSER_PANIC", PANIC_MARKER)],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    let crashed = server.page_url(ISSUES - 3);
    let lines: Vec<&str> = err.lines().collect();
    assert!(
        lines[0].starts_with(&format!(
            "failed  {crashed}: unreadable page: the parser crashed on this file"
        )),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        lines[lines.len() - 2],
        "6 pages: 5 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 1 failed",
        "{err}"
    );
    // The crashed page's issue is not among the new ones named.
    let named = lines[lines.len() - 1];
    assert!(named.starts_with("5 new: "), "{err}");
    let crashed_key = server.issues()[ISSUES - 3].key.to_string();
    assert!(!named.contains(&crashed_key), "{err}");
    let list = zhoubao(&db, "en", &["list", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    let crashed_key = server.issues()[ISSUES - 3].key.to_string();
    let cached: Vec<String> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|row| row["cached"] == true)
        .map(|row| row["key"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(cached.len(), 5, "{cached:?}");
    assert!(!cached.contains(&crashed_key), "{cached:?}");
}

/// With a proxy in the environment, a refused connection is the proxy's:
/// the line names it and the variable that set it, in the user's language.
#[test]
fn a_refusing_proxy_is_named_with_its_variable() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    // Goes to the proxy zhoubao() sets, 127.0.0.1:1, which refuses.
    let url = "https://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1";
    let out = zhoubao(&db, "zh", &["fetch", url]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.lines().next(),
        Some(format!("失败  {url}：代理 127.0.0.1:1 拒绝连接（HTTPS_PROXY）").as_str()),
        "{err}"
    );
}

/// `--verbose` says each page's verdict in import --verbose's words, in
/// the user's language.
#[test]
fn verbose_prints_each_pages_verdict_in_imports_words() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let missing = server.url("/missing");
    let newest = server.newest_url();
    let out = zhoubao(
        &db,
        "zh",
        &["fetch", "--verbose", "--delay", "0.5", &newest, &missing],
    );
    assert_eq!(out.status.code(), Some(1));
    let key = server.issues()[ISSUES - 1].key;
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("新增\t{key}\t{newest}\n失败\t-\t{missing}\n")
    );
    // The summary names the new issue, as `update` does.
    let err = stderr(&out);
    assert!(err.ends_with(&format!("新增 1 期：{key}\n")), "{err}");
}

/// A cache another process holds locked: one line, exit 1.
#[test]
fn a_locked_cache_stops_fetch_in_one_line_with_exit_1() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    assert!(zhoubao(&db, "en", &["fetch", &server.url("/missing")])
        .status
        .code()
        .is_some());
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let out = zhoubao(
        &db,
        "en",
        &[
            "fetch",
            "--delay",
            "0.5",
            &server.newest_url(),
            &server.page_url(ISSUES - 2),
        ],
    );
    holder.execute_batch("ROLLBACK").unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let locked: Vec<&str> = err.lines().filter(|l| l.contains("locked")).collect();
    assert_eq!(locked.len(), 1, "{err}");
    assert!(
        locked[0].contains("2 pages not stored") && locked[0].contains(&db.display().to_string()),
        "{err}"
    );
    assert!(!err.contains("failed  "), "{err}");
}

/// One of 网络安全信息与动态周报's figures, by id.
fn fig(id: &str) -> zhoubao::model::Metric {
    zhoubao::model::SeriesId::CNCERT.figure(id)
}
