//! What `zhoubao fetch` makes of bad settings before and while it asks:
//! a User-Agent that cannot be a header, a delay that is no number, a
//! proxy that refuses or is misspelt, and credentials in a proxy, a link
//! or a redirect, which are never printed or stored. Against the loopback
//! fixture server, or a closed loopback port; never the real network.

mod cli_fixture;
mod fetch_fixture;

use std::path::Path;
use std::process::Output;

use cli_fixture::stderr;
use fetch_fixture::FixtureServer;

fn zhoubao(db: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    cli_fixture::command()
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("HTTP_PROXY")
        .env_remove("HTTPS_PROXY")
        .env_remove("ALL_PROXY")
        .env_remove("http_proxy")
        .env_remove("https_proxy")
        .env_remove("all_proxy")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .envs(env.iter().copied())
        .output()
        .unwrap()
}

#[test]
fn a_user_agent_flag_with_a_control_character_is_refused_in_one_line() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    for agent in ["zb\u{1b}", "a\r\nX-Injected: yes"] {
        let out = zhoubao(
            &db,
            &["fetch", "--user-agent", agent, &server.newest_url()],
            &[],
        );
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(
            err,
            "zhoubao: --user-agent: the User-Agent must be printable ASCII (letters, digits, \
             punctuation and spaces), without control characters\n"
        );
    }
    assert!(server.requests().is_empty(), "nothing was asked");
    assert!(!db.exists(), "no cache was made for nothing");
}

#[test]
fn a_config_user_agent_with_a_control_character_stops_fetch_before_it_asks() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let config = dir.path().join("config.toml");
    std::fs::write(
        &config,
        "[fetch]\nuser_agent = \"a\\r\\nX-Injected: yes\"\n",
    )
    .unwrap();
    let out = zhoubao(
        &db,
        &["fetch", &server.newest_url()],
        &[("ZHOUBAO_CONFIG", config.to_str().unwrap())],
    );
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "zhoubao: {}:2: fetch.user_agent: the User-Agent must be printable ASCII",
            config.display()
        )),
        "{err}"
    );
    assert!(server.requests().is_empty());
}

#[test]
fn an_endless_delay_is_refused_not_made_the_minimum() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    for (value, shown) in [("inf", "inf"), ("infinity", "inf"), ("NaN", "NaN")] {
        let out = zhoubao(&db, &["fetch", "--delay", value, &server.newest_url()], &[]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stderr(&out),
            format!("zhoubao: --delay: {shown} is not a number of seconds (at least 0.5)\n")
        );
    }
    assert!(server.requests().is_empty());
}
