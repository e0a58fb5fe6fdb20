//! Fetching from the loopback fixture server through the library: the
//! 近期回顾 walk, politeness, the limits, and one result per way a fetch
//! can fail, with nothing stored from a failed page.

mod fetch_fixture;

use std::time::{Duration, Instant};

use fetch_fixture::{refused_url, FixtureServer, Setup, ISSUES};
use zhoubao::fetch::{self, Cancel, Client, Event, FetchError, FetchOptions, Step, Walk};
use zhoubao::i18n::Lang;
use zhoubao::store::Store;

/// Short waits so the suite is quick; the spacing checks use this delay.
const DELAY: Duration = Duration::from_millis(200);

fn options() -> FetchOptions {
    FetchOptions {
        delay: DELAY,
        connect_timeout: Duration::from_secs(2),
        timeout: Duration::from_secs(5),
        ..FetchOptions::default()
    }
}

/// A client that sees no proxy variables, whatever the test process has.
fn client(options: FetchOptions) -> Client {
    Client::with_parts(options, Box::new(fetch::SystemClock), Box::new(|_| None))
}

struct Run {
    summary: fetch::FetchSummary,
    /// When the client started each request (after any wait), and where.
    requested: Vec<(Instant, String)>,
    /// Each page's (done, planned) as the progress line shows it.
    counts: Vec<(usize, usize)>,
}

fn walk(store: &mut Store, client: &mut Client, urls: &[String], walk: Walk) -> Run {
    let mut requested = Vec::new();
    let mut counts = Vec::new();
    let summary = fetch::run(
        store,
        client,
        urls,
        walk,
        &Cancel::new(),
        &mut |e| match e {
            Event::Step(Step::Requesting { url }) => {
                requested.push((Instant::now(), url.to_string()))
            }
            Event::Page { done, planned, .. } => counts.push((done, planned)),
            _ => {}
        },
    );
    Run {
        summary,
        requested,
        counts,
    }
}

fn fetch_one(url: &str) -> (fetch::FetchSummary, Store) {
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client(options());
    let run = walk(&mut store, &mut client, &[url.to_string()], Walk::default());
    (run.summary, store)
}

#[test]
fn follow_five_from_the_newest_page_stores_it_and_the_five_before_with_their_figures() {
    let server = FixtureServer::start();
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client(options());
    let run = walk(
        &mut store,
        &mut client,
        &[server.newest_url()],
        Walk {
            follow: 5,
            refresh: false,
        },
    );
    let s = &run.summary;
    assert_eq!((s.new, s.failed.len(), s.skipped.len()), (6, 0, 0), "{s:?}");
    for issue in &server.issues()[ISSUES - 6..] {
        let detail = store.detail(issue.key).unwrap().expect("stored");
        assert!(detail.summary.cached, "{} held in full", issue.key);
        assert_eq!(detail.summary.figures, issue.figures, "{}", issue.key);
        assert_eq!(detail.summary.period, Some(issue.period));
    }
    // The two oldest are named by the fetched pages but beyond --follow 5.
    assert_eq!(s.left, 2, "{s:?}");
    for issue in &server.issues()[..ISSUES - 6] {
        assert!(!store.is_cached(issue.key).unwrap());
    }
    let seen = server.requests();
    assert_eq!(seen.len(), 6);
    assert!(seen.iter().all(|r| r
        .user_agent
        .as_deref()
        .is_some_and(|ua| ua.starts_with("zhoubao/"))));
    // The progress line counts to six from the second page on (the first
    // knows only itself).
    assert_eq!(
        run.counts,
        vec![(1, 1), (2, 6), (3, 6), (4, 6), (5, 6), (6, 6)]
    );
    // Breadth-first: the newest, then its 近期回顾 lines in order.
    let mids: Vec<&str> = seen
        .iter()
        .map(|r| {
            r.target
                .split("mid=")
                .nth(1)
                .unwrap()
                .split('&')
                .next()
                .unwrap()
        })
        .collect();
    let expected: Vec<&str> = server.issues()[ISSUES - 6..]
        .iter()
        .rev()
        .map(|i| i.article.mid.as_str())
        .collect();
    assert_eq!(mids, expected);
    // Spaced by the delay: exactly as started by the client, and as
    // received by the server (allowing for the loopback's own jitter).
    for pair in run.requested.windows(2) {
        assert!(
            pair[1].0 - pair[0].0 >= DELAY,
            "{:?}",
            pair[1].0 - pair[0].0
        );
    }
    for pair in seen.windows(2) {
        let gap = pair[1].at - pair[0].at;
        assert!(gap >= DELAY - Duration::from_millis(20), "{gap:?}");
    }
}

#[test]
fn an_interrupted_walk_goes_on_where_it_stopped_and_refresh_fetches_again() {
    let server = FixtureServer::start();
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client(options());
    let newest = [server.newest_url()];
    let first = walk(
        &mut store,
        &mut client,
        &newest,
        Walk {
            follow: 2,
            refresh: false,
        },
    );
    assert_eq!(first.summary.new, 3);
    let before = server.requests().len();

    let second = walk(
        &mut store,
        &mut client,
        &newest,
        Walk {
            follow: 3,
            refresh: false,
        },
    );
    // The named page is asked for again (its loopback URL names no issue);
    // the two stored behind it are passed over, the next three fetched.
    assert_eq!(
        (second.summary.unchanged, second.summary.new),
        (1, 3),
        "{:?}",
        second.summary
    );
    let asked: Vec<String> = server.requests()[before..]
        .iter()
        .map(|r| r.target.clone())
        .collect();
    assert_eq!(asked.len(), 4, "{asked:?}");
    for issue in &server.issues()[ISSUES - 3..ISSUES - 1] {
        let mid = format!("mid={}&", issue.article.mid);
        assert!(
            !asked.iter().any(|t| t.contains(&mid)),
            "{} asked again",
            issue.key
        );
    }
    assert_eq!(second.summary.left, 2, "the two oldest are left");
    for (i, issue) in server.issues().iter().enumerate() {
        assert_eq!(store.is_cached(issue.key).unwrap(), i >= 2, "{}", issue.key);
    }

    let before = server.requests().len();
    let refreshed = walk(
        &mut store,
        &mut client,
        &newest,
        Walk {
            follow: 2,
            refresh: true,
        },
    );
    assert_eq!(refreshed.summary.unchanged, 3, "{:?}", refreshed.summary);
    assert_eq!(server.requests().len() - before, 3);
}

#[test]
fn each_failure_is_one_line_naming_the_url_and_stores_nothing() {
    let server = FixtureServer::start();
    let cases = [
        (
            server.url("/missing"),
            FetchError::Status {
                code: 404,
                reason: "Not Found".into(),
            },
            "HTTP status 404 Not Found",
        ),
        (
            server.url("/wall"),
            FetchError::Wall,
            "WeChat's verification wall (环境异常): the page asks a person to verify",
        ),
        (
            server.url("/to-file"),
            FetchError::RedirectRefused {
                to: "file:///etc/passwd".into(),
            },
            "redirect refused: to file:///etc/passwd (only http and https are followed)",
        ),
        (
            server.url("/loop"),
            FetchError::RedirectLoop {
                to: server.url("/loop"),
            },
            &format!("redirect loop: back to {}", server.url("/loop")),
        ),
        (
            server.url("/hops?n=6"),
            FetchError::TooManyRedirects { max: 5 },
            "more than 5 redirects",
        ),
        (
            server.url("/image.png"),
            FetchError::NotHtml {
                content_type: "image/png".into(),
            },
            "not an HTML page: the server sent image/png",
        ),
        (
            server.url("/huge"),
            FetchError::TooLarge {
                limit: 16 * 1024 * 1024,
            },
            "too large: more than 16 MiB, stopped reading",
        ),
        (
            server.url("/gzip-bomb"),
            FetchError::TooLarge {
                limit: 16 * 1024 * 1024,
            },
            "too large: more than 16 MiB, stopped reading",
        ),
        (
            refused_url(),
            FetchError::Refused {
                host: "127.0.0.1".into(),
            },
            "connection refused by 127.0.0.1",
        ),
        (
            "file:///etc/passwd".to_string(),
            FetchError::BadUrl {
                reason: "file:///etc/passwd".into(),
            },
            "not an http(s) URL: file:///etc/passwd",
        ),
    ];
    for (url, error, words) in cases {
        let (summary, store) = fetch_one(&url);
        assert_eq!(summary.failed, vec![(url.clone(), error)], "{url}");
        assert_eq!(store.source_count().unwrap(), 0, "{url}: nothing stored");
        assert!(store.summaries().unwrap().is_empty(), "{url}");
        let report = summary.render(Lang::En);
        let lines: Vec<&str> = report.lines().collect();
        assert_eq!(lines[0], format!("failed  {url}: {words}"), "{report}");
    }
}

#[test]
fn exactly_five_redirects_are_followed() {
    let server = FixtureServer::start();
    let (summary, store) = fetch_one(&server.url("/hops?n=4"));
    assert_eq!(summary.new, 1, "{summary:?}");
    assert!(store.is_cached(server.issues()[ISSUES - 1].key).unwrap());
}

#[test]
fn a_silent_server_fails_within_the_timeout() {
    let server = FixtureServer::start();
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client(FetchOptions {
        timeout: Duration::from_secs(1),
        ..options()
    });
    let started = Instant::now();
    let run = walk(
        &mut store,
        &mut client,
        &[server.silent_url()],
        Walk::default(),
    );
    let took = started.elapsed();
    assert_eq!(
        run.summary.failed,
        vec![(
            server.silent_url(),
            FetchError::TimedOut {
                after: Duration::from_secs(1)
            }
        )]
    );
    assert!(took < Duration::from_secs(4), "{took:?}");
    assert_eq!(
        run.summary.render(Lang::En).lines().next().unwrap(),
        format!(
            "failed  {}: timed out: no complete response within 1 s",
            server.silent_url()
        )
    );
}

#[test]
fn an_endless_body_stops_at_the_cap_and_the_connection_is_dropped() {
    let server = FixtureServer::start();
    let cap = 16 * 1024 * 1024;
    let (summary, store) = fetch_one(&server.url("/endless"));
    assert_eq!(
        summary.failed,
        vec![(server.url("/endless"), FetchError::TooLarge { limit: cap })]
    );
    assert_eq!(store.source_count().unwrap(), 0);
    // The client hung up: the server's writes fail soon after, having sent
    // about the cap and what the sockets' buffers hold, not more.
    let deadline = Instant::now() + Duration::from_secs(10);
    while !server.endless().1 && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    let (written, closed) = server.endless();
    assert!(closed, "the server is still writing");
    assert!(written as usize >= cap, "{written}");
    assert!(written as usize <= cap + 16 * 1024 * 1024, "{written}");
}

#[test]
fn a_gzip_page_is_decoded_and_a_header_only_gbk_page_is_read_right() {
    let server = FixtureServer::start();
    let newest = &server.issues()[ISSUES - 1];
    let query = server.newest_url();
    let query = query.split_once("/s?").unwrap().1;
    for path in ["/gzip/s?", "/gbk/s?"] {
        let url = server.url(&format!("{path}{query}"));
        let (summary, store) = fetch_one(&url);
        assert_eq!(summary.new, 1, "{path}: {summary:?}");
        let detail = store.detail(newest.key).unwrap().unwrap();
        assert_eq!(
            detail.summary.title.as_deref(),
            Some(newest.title().as_str())
        );
        assert_eq!(detail.summary.figures, newest.figures);
    }
    let asked = server.requests();
    assert!(asked[0]
        .accept_encoding
        .as_deref()
        .is_some_and(|a| a.contains("gzip")));
}

#[test]
fn a_page_that_is_not_a_bulletin_is_skipped_not_stored() {
    let server = FixtureServer::start();
    let (summary, store) = fetch_one(&server.url("/other-article"));
    assert_eq!(summary.skipped.len(), 1, "{summary:?}");
    assert!(summary.failed.is_empty());
    assert_eq!(store.source_count().unwrap(), 0);
}

#[test]
fn the_verification_wall_stops_the_walk_at_once() {
    // The second 近期回顾 line of the newest issue leads to the wall.
    let server = FixtureServer::start_with(Setup {
        wall_at: Some(ISSUES - 3),
        ..Setup::default()
    });
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client(options());
    let run = walk(
        &mut store,
        &mut client,
        &[server.newest_url()],
        Walk {
            follow: 5,
            refresh: false,
        },
    );
    let s = &run.summary;
    assert_eq!(server.requests().len(), 3, "nothing asked after the wall");
    assert_eq!(s.new, 2);
    assert_eq!(
        s.wall.as_deref(),
        Some(server.page_url(ISSUES - 3).as_str())
    );
    assert_eq!(
        s.failed,
        vec![(server.page_url(ISSUES - 3), FetchError::Wall)]
    );
    assert_eq!(s.not_tried, 3);
    assert!(!store.is_cached(server.issues()[ISSUES - 3].key).unwrap());
    let report = s.render(Lang::En);
    assert!(report.contains("zhoubao import"), "{report}");
    assert!(
        report.contains(&format!(
            "Open {} in a browser",
            server.page_url(ISSUES - 3)
        )),
        "{report}"
    );
}

#[test]
fn a_proxy_in_the_environment_carries_other_hosts_but_never_loopback() {
    let server = FixtureServer::start();
    let proxy = server.url("");
    let env = move |name: &str| (name == "HTTP_PROXY").then(|| proxy.clone());
    let mut client = Client::with_parts(options(), Box::new(fetch::SystemClock), Box::new(env));
    let mut store = Store::open_in_memory().unwrap();
    // Loopback goes direct although HTTP_PROXY is set.
    let run = walk(
        &mut store,
        &mut client,
        &[server.newest_url()],
        Walk::default(),
    );
    assert_eq!(run.summary.new, 1, "{:?}", run.summary);
    // Another host goes to the proxy (here the fixture server, which
    // refuses the tunnel): nothing is looked up or sent elsewhere.
    let run = walk(
        &mut store,
        &mut client,
        &["http://weixin.example/s?__biz=QQ==&mid=1&idx=1".to_string()],
        Walk::default(),
    );
    assert_eq!(run.summary.failed.len(), 1, "{:?}", run.summary);
    let asked = server.requests();
    assert_eq!(asked.len(), 2);
    assert!(asked[1].target.starts_with("weixin.example"), "{asked:?}");
}

/// Old 近期回顾 lines write WeChat links with http; proxies refuse a tunnel
/// to port 80, so they are asked over https (through HTTPS_PROXY).
#[test]
fn a_wechat_link_written_with_http_is_asked_over_https() {
    let server = FixtureServer::start();
    let proxy = server.url("");
    let refused = refused_url().trim_end_matches("/s?mid=1").to_string();
    let env = move |name: &str| match name {
        "HTTPS_PROXY" => Some(proxy.clone()),
        "HTTP_PROXY" => Some(refused.clone()),
        _ => None,
    };
    let mut client = Client::with_parts(options(), Box::new(fetch::SystemClock), Box::new(env));
    let mut store = Store::open_in_memory().unwrap();
    let run = walk(
        &mut store,
        &mut client,
        &["http://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1#rd".to_string()],
        Walk::default(),
    );
    assert_eq!(run.summary.failed.len(), 1, "{:?}", run.summary);
    let asked: Vec<String> = server.requests().into_iter().map(|r| r.target).collect();
    assert_eq!(asked, ["mp.weixin.qq.com:443"]);
}

#[test]
fn a_cancelled_fetch_asks_for_nothing() {
    let server = FixtureServer::start();
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client(options());
    let cancel = Cancel::new();
    cancel.cancel();
    let summary = fetch::run(
        &mut store,
        &mut client,
        &[server.newest_url()],
        Walk::default(),
        &cancel,
        &mut |_| {},
    );
    assert_eq!(summary.pages(), 0);
    assert!(server.requests().is_empty());
}

#[test]
fn a_named_page_whose_issue_is_cached_is_passed_over_but_its_lines_are_followed() {
    let server = FixtureServer::start();
    // Anything sent to another host would reach the fixture server as a
    // proxy tunnel request, never the network.
    let proxy = server.url("");
    let env = move |name: &str| name.ends_with("_PROXY").then(|| proxy.clone());
    let mut client = Client::with_parts(options(), Box::new(fetch::SystemClock), Box::new(env));
    let mut store = Store::open_in_memory().unwrap();
    walk(
        &mut store,
        &mut client,
        &[server.newest_url()],
        Walk::default(),
    );
    let newest = &server.issues()[ISSUES - 1];
    let a = &newest.article;
    // The article's own address, as WeChat writes it: the same identity.
    let wechat = format!(
        "https://mp.weixin.qq.com/s?__biz={}&mid={}&idx={}&sn=other#rd",
        a.biz, a.mid, a.idx
    );
    let run = walk(
        &mut store,
        &mut client,
        &[wechat],
        Walk {
            follow: 1,
            refresh: false,
        },
    );
    assert_eq!(run.summary.already_cached, vec![newest.key]);
    assert_eq!(run.summary.new, 1, "{:?}", run.summary);
    assert!(store.is_cached(server.issues()[ISSUES - 2].key).unwrap());
    let asked = server.requests();
    assert_eq!(asked.len(), 2, "{asked:?}");
    assert!(
        asked.iter().all(|r| r.target.starts_with("/s?")),
        "{asked:?}"
    );
    assert!(run
        .summary
        .render(Lang::En)
        .starts_with(&format!("{} is already cached in full", newest.key)));
}

#[test]
fn a_proxy_that_refuses_is_named_in_the_failure() {
    let refused = refused_url();
    let proxy = refused.trim_end_matches("/s?mid=1").to_string();
    let address = proxy.trim_start_matches("http://").to_string();
    let env = move |name: &str| (name == "HTTPS_PROXY").then(|| proxy.clone());
    let mut client = Client::with_parts(options(), Box::new(fetch::SystemClock), Box::new(env));
    let mut store = Store::open_in_memory().unwrap();
    let url = "https://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1".to_string();
    let run = walk(
        &mut store,
        &mut client,
        std::slice::from_ref(&url),
        Walk::default(),
    );
    assert_eq!(
        run.summary.failed,
        vec![(
            url.clone(),
            FetchError::ProxyRefused {
                proxy: address.clone(),
                var: "HTTPS_PROXY".into()
            }
        )]
    );
    for (lang, words) in [
        (
            Lang::En,
            format!("failed  {url}: the proxy {address} refused the connection (HTTPS_PROXY)"),
        ),
        (
            Lang::Zh,
            format!("失败  {url}：代理 {address} 拒绝连接（HTTPS_PROXY）"),
        ),
    ] {
        let report = run.summary.render(lang);
        assert_eq!(report.lines().next(), Some(words.as_str()), "{report}");
    }
}

/// A locked cache stores no page: the walk stops at the first one, as
/// import does, and says how many pages were not stored.
#[test]
fn a_locked_cache_stops_the_walk_with_the_count_of_pages_not_stored() {
    let server = FixtureServer::start();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut store = Store::create_or_open(&db).unwrap();
    store.set_busy_timeout(Duration::from_millis(50)).unwrap();
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let mut client = client(options());
    let urls = [
        server.newest_url(),
        server.page_url(ISSUES - 2),
        server.page_url(ISSUES - 3),
    ];
    let follow = Walk {
        follow: 5,
        refresh: false,
    };
    let run = walk(&mut store, &mut client, &urls, follow);
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    let s = &run.summary;
    assert_eq!(server.requests().len(), 1, "nothing asked after the lock");
    assert!(s.failed.is_empty(), "no page is reported failed: {s:?}");
    assert_eq!(s.stopped.as_ref().map(|c| c.not_stored), Some(3), "{s:?}");
    assert!(s.failed_any());
    let report = s.render(Lang::En);
    assert_eq!(
        report.lines().last(),
        Some(
            format!(
                "{}: the cache stayed locked by another process for 5 s; \
                 the fetch stopped with 3 pages not stored; run it again when that process finishes",
                db.display()
            )
            .as_str()
        ),
        "{report}"
    );
    assert_eq!(store.source_count().unwrap(), 0);
    // Once the lock is gone the same command stores them.
    let again = walk(&mut store, &mut client, &urls, Walk::default());
    assert_eq!(again.summary.new, 3, "{:?}", again.summary);
    assert!(again.summary.stopped.is_none());
}
