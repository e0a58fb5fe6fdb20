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

/// A loopback port nothing listens on.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// Any address that is not the loopback machine goes through the proxy;
/// a proxy that refuses means this one is never connected to.
const FAR: &str = "https://203.0.113.9/s?mid=1";

#[test]
fn a_refused_socks_proxy_is_said_to_refuse() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let port = closed_port();
    for scheme in ["socks5", "socks5h", "socks4"] {
        let proxy = format!("{scheme}://127.0.0.1:{port}");
        let out = zhoubao(&db, &["fetch", FAR], &[("ALL_PROXY", &proxy)]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert_eq!(
            err.lines().next(),
            Some(
                format!(
                    "failed  {FAR}: the proxy 127.0.0.1:{port} refused the connection (ALL_PROXY)"
                )
                .as_str()
            ),
            "{scheme}: {err}"
        );
    }
}

#[test]
fn a_proxys_password_is_never_printed_and_a_bad_port_names_the_proxy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    for (proxy, shown) in [
        (
            "http://reader:s3cret@proxy.lan:99999",
            "http://proxy.lan:99999",
        ),
        ("http://reader:s3cret@pro xy:3128", "http://pro xy:3128"),
        ("reader:s3cret@proxy.lan:99999", "proxy.lan:99999"),
    ] {
        let out = zhoubao(&db, &["fetch", FAR], &[("HTTPS_PROXY", proxy)]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(!err.contains("s3cret") && !err.contains("reader"), "{err}");
        assert_eq!(
            err.lines().next(),
            Some(
                format!(
                    "failed  {FAR}: the proxy \"{shown}\" is not a usable proxy URL \
                     (see HTTPS_PROXY / HTTP_PROXY)"
                )
                .as_str()
            ),
            "{proxy}: {err}"
        );
    }
}

#[test]
fn credentials_in_a_url_or_a_redirect_are_neither_printed_nor_stored() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let named = server
        .url("/missing")
        .replacen("http://", "http://reader:s3cret@", 1);
    let redirected = server.url("/to-credentials");
    let out = zhoubao(
        &db,
        &["fetch", "-v", "--delay", "0.5", &named, &redirected],
        &[],
    );
    let printed = format!("{}{}", String::from_utf8_lossy(&out.stdout), stderr(&out));
    assert_eq!(out.status.code(), Some(1), "{printed}");
    assert!(
        printed.contains("stored") || printed.contains("new"),
        "{printed}"
    );
    assert!(
        !printed.contains("s3cret") && !printed.contains("reader"),
        "{printed}"
    );
    for args in [vec!["list", "--json"], vec!["export", "--format", "json"]] {
        let out = zhoubao(&db, &args, &[]);
        assert!(out.status.success(), "{}", stderr(&out));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(!text.contains("s3cret"), "{args:?}: {text}");
    }
    // The page's own address as the cache keeps it, without them.
    let conn = rusqlite::Connection::open(&db).unwrap();
    let paths: Vec<String> = conn
        .prepare("SELECT path FROM sources")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert!(!paths.is_empty());
    for path in paths {
        assert!(!path.contains("s3cret"), "{path}");
    }
}

#[test]
fn credentials_in_a_bulletins_links_are_not_kept() {
    let dir = tempfile::tempdir().unwrap();
    let series = zhoubao::synth::series(2024, 3, 3);
    let text = zhoubao::synth::full_markdown(&series[2], &zhoubao::synth::recent_for(&series, 2))
        .replace(
            "https://mp.weixin.qq.com/",
            "https://reader:s3cret@mp.weixin.qq.com/",
        );
    assert!(text.contains("s3cret"));
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    std::fs::write(input.join(series[2].file_name()), text).unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao(&db, &["import", "--quiet", input.to_str().unwrap()], &[]);
    assert!(out.status.success(), "{}", stderr(&out));
    let key = series[2].key.to_string();
    for args in [
        vec!["show", key.as_str()],
        vec!["show", key.as_str(), "--json"],
        vec!["list", "--json"],
    ] {
        let out = zhoubao(&db, &args, &[]);
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(text.contains("mp.weixin.qq.com"), "{args:?}: {text}");
        assert!(!text.contains("s3cret"), "{args:?}: {text}");
    }
}
