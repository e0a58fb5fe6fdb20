//! `feed::update` against a loopback server: every feed shape the
//! services write stores the same issues with the same figures as
//! importing the pages; a second read of an unchanged feed is a
//! conditional request that writes nothing; a new item is exactly one new
//! issue; other articles are not stored; a bad feed fails alone.

mod feed_fixture;

use std::time::Duration;

use feed_fixture::{atom, json_feed, rss, FeedServer, Item, Route, Style};
use zhoubao::feed::{self, FeedError, FeedOutcome, Subscription, UpdateOptions, UpdateReport};
use zhoubao::fetch::{Cancel, Client, FetchError, FetchOptions};
use zhoubao::model::{ImportOutcome, IssueKey, NotFeed, SeriesId};
use zhoubao::store::{FeedResult, Store};

const ISSUES: usize = 4;

fn options() -> FetchOptions {
    FetchOptions {
        delay: Duration::from_millis(1),
        timeout: Duration::from_secs(10),
        ..FetchOptions::default()
    }
}

fn run(store: &mut Store, urls: &[String], update: UpdateOptions) -> UpdateReport {
    run_with(store, urls, update, options())
}

fn run_with(
    store: &mut Store,
    urls: &[String],
    update: UpdateOptions,
    fetch: FetchOptions,
) -> UpdateReport {
    let feeds: Vec<Subscription> = urls.iter().map(Subscription::new).collect();
    let mut client = Client::new(fetch);
    feed::update(
        store,
        &mut client,
        &feeds,
        update,
        &Cancel::new(),
        &mut |_| {},
    )
}

/// What the cache shows of every issue: the list, and each cached one's
/// body and charts.
fn shown(store: &Store) -> Vec<String> {
    store
        .summaries()
        .unwrap()
        .into_iter()
        .map(|s| {
            let detail = store.detail(s.key).unwrap().unwrap();
            format!("{:?} body={:?} images={:?}", s, detail.body, detail.images)
        })
        .collect()
}

/// The pages imported from files: what every feed must give.
fn imported(server: &FeedServer) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    for i in 0..ISSUES {
        let path = dir.path().join(format!("{i}.html"));
        std::fs::write(&path, server.page(i)).unwrap();
        paths.push(path);
    }
    let mut store = Store::open_in_memory().unwrap();
    let summary = zhoubao::import::import_paths(&mut store, &paths, false);
    assert_eq!(summary.new, ISSUES, "{summary}");
    let shown = shown(&store);
    // Full copies with their figures and text, and the issues their
    // 近期回顾 lines name: a comparison with something in it.
    let full = shown.iter().filter(|s| s.contains("cached: true"));
    assert_eq!(full.clone().count(), ISSUES, "{shown:#?}");
    let events = SeriesId::CNCERT.figure("events_handled");
    let summaries = store.summaries().unwrap();
    let full_figures = summaries.iter().filter(|s| s.cached);
    assert!(full_figures
        .clone()
        .all(|s| s.figures.count(events).is_some()));
    assert!(full.clone().all(|s| !s.contains("body=[]")));
    assert!(full.clone().all(|s| !s.contains("images=[]")));
    shown
}

fn items(server: &FeedServer, style: Style) -> Vec<Item> {
    let mut items: Vec<Item> = (0..ISSUES).map(|i| server.item(i, style)).collect();
    items.insert(1, Item::other(1));
    items
}

#[test]
fn every_feed_shape_stores_the_same_issues_and_figures_as_importing_the_pages() {
    let server = FeedServer::start(ISSUES);
    let expected = imported(&server);
    let wewe = items(&server, Style::Wewe);
    let plain = items(&server, Style::Plain);
    let mut linked: Vec<Item> = (0..ISSUES).map(|i| server.linked_item(i)).collect();
    linked.push(Item::other(2));
    let shapes = [
        (
            "/rss-description.xml",
            "application/rss+xml",
            rss(&wewe, false),
        ),
        ("/rss-encoded.xml", "application/rss+xml", rss(&plain, true)),
        (
            "/atom-summary.atom",
            "application/atom+xml",
            atom(&wewe, false),
        ),
        (
            "/atom-content.atom",
            "application/atom+xml",
            atom(&plain, true),
        ),
        (
            "/feed-summary.json",
            "application/feed+json",
            json_feed(&wewe, false),
        ),
        (
            "/feed-content.json",
            "application/json",
            json_feed(&plain, true),
        ),
        // The type says HTML: the body decides.
        ("/summary-only.xml", "text/html", rss(&linked, false)),
    ];
    for (path, content_type, body) in shapes {
        server.set(path, Route::ok(content_type, body));
        let mut store = Store::open_in_memory().unwrap();
        let report = run(&mut store, &[server.url(path)], UpdateOptions::default());
        assert!(
            !report.failed_any(),
            "{path}: {}",
            report.render(Default::default())
        );
        assert_eq!(report.feeds[0].items, ISSUES + 1, "{path}");
        assert_eq!(
            report.feeds[0].skipped.len(),
            1,
            "{path}: the other article"
        );
        let all: Vec<IssueKey> = server.issues.iter().map(|i| i.key).collect();
        assert_eq!(report.new, all, "{path}");
        assert_eq!(shown(&store), expected, "{path}");
    }
}

#[test]
fn the_items_link_is_an_alias_and_its_date_the_publication_date() {
    let server = FeedServer::start(ISSUES);
    let items = items(&server, Style::Wewe);
    server.set(
        "/f.xml",
        Route::ok("application/rss+xml", rss(&items, false)),
    );
    let mut store = Store::open_in_memory().unwrap();
    run(
        &mut store,
        &[server.url("/f.xml")],
        UpdateOptions::default(),
    );
    let issue = &server.issues[2];
    let d = store.detail(issue.key).unwrap().unwrap();
    let link = format!("https://mp.weixin.qq.com/s/Tok{}", issue.article.mid);
    assert!(
        d.aliases
            .iter()
            .any(|a| a.url.as_deref() == Some(link.as_str())),
        "{:?}",
        d.aliases
    );
    assert_eq!(d.summary.published, Some(issue.published));
    assert_eq!(d.source.as_deref(), Some(feed_fixture::ACCOUNT));
}

#[test]
fn a_second_read_of_an_unchanged_feed_asks_conditionally_and_writes_nothing() {
    let server = FeedServer::start(ISSUES);
    let body = rss(&items(&server, Style::Wewe), false);
    server.set(
        "/etag.xml",
        Route::ok("application/rss+xml", body.clone()).tap(|r| r.etag = Some("\"v1\"".into())),
    );
    server.set(
        "/dated.xml",
        Route::ok("application/rss+xml", body.clone())
            .tap(|r| r.last_modified = Some("Mon, 03 Mar 2025 02:00:00 GMT".into())),
    );
    server.set("/plain.xml", Route::ok("application/rss+xml", body));
    let urls = [
        server.url("/etag.xml"),
        server.url("/dated.xml"),
        server.url("/plain.xml"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("cache.db")).unwrap();
    let first = run(&mut store, &urls, UpdateOptions::default());
    assert_eq!(first.new.len(), ISSUES);
    let sources = store.source_count().unwrap();
    let before = shown(&store);

    let second = run(&mut store, &urls, UpdateOptions::default());
    let etag = server.requests_to("/etag.xml");
    assert_eq!(etag[0].if_none_match, None, "the first read asks for all");
    assert_eq!(etag[1].if_none_match.as_deref(), Some("\"v1\""));
    let dated = server.requests_to("/dated.xml");
    assert_eq!(
        dated[1].if_modified_since.as_deref(),
        Some("Mon, 03 Mar 2025 02:00:00 GMT")
    );
    assert_eq!(second.feeds[0].outcome, FeedOutcome::NotModified);
    assert_eq!(second.feeds[1].outcome, FeedOutcome::NotModified);
    // A server without validators sends it all again: nothing is new.
    assert_eq!(second.feeds[2].outcome, FeedOutcome::Read);
    assert!(second.feeds[2]
        .stored
        .iter()
        .all(|(_, o)| *o == ImportOutcome::Unchanged));
    assert_eq!(second.new, []);
    assert_eq!(store.source_count().unwrap(), sources);
    assert_eq!(shown(&store), before);
    let state = store.feed_state(&urls[0]).unwrap().unwrap();
    assert_eq!(state.result, Some(FeedResult::NotModified));
    assert_eq!((state.items, state.bulletins), (ISSUES + 1, ISSUES));
}

#[test]
fn one_new_item_gives_exactly_one_new_issue() {
    let server = FeedServer::start(ISSUES);
    let mut older: Vec<Item> = (0..ISSUES - 1)
        .map(|i| server.item(i, Style::Wewe))
        .collect();
    server.set(
        "/f.json",
        Route::ok("application/json", json_feed(&older, false)),
    );
    let mut store = Store::open_in_memory().unwrap();
    let first = run(
        &mut store,
        &[server.url("/f.json")],
        UpdateOptions::default(),
    );
    assert_eq!(first.new.len(), ISSUES - 1);
    older.insert(0, server.item(ISSUES - 1, Style::Wewe));
    server.set(
        "/f.json",
        Route::ok("application/json", json_feed(&older, false)),
    );
    let second = run(
        &mut store,
        &[server.url("/f.json")],
        UpdateOptions::default(),
    );
    assert_eq!(second.new, [server.issues[ISSUES - 1].key]);
    let outcomes: Vec<ImportOutcome> = second.feeds[0].stored.iter().map(|(_, o)| *o).collect();
    assert_eq!(
        outcomes
            .iter()
            .filter(|o| **o == ImportOutcome::New)
            .count(),
        1
    );
    assert_eq!(
        second.render(Default::default()).lines().last(),
        Some("新增 1 期：2025-4")
    );
}

#[test]
fn an_article_that_is_no_bulletin_is_counted_and_not_stored() {
    let server = FeedServer::start(1);
    let items = vec![Item::other(1), server.item(0, Style::Wewe), Item::other(2)];
    server.set(
        "/f.atom",
        Route::ok("application/atom+xml", atom(&items, false)),
    );
    let mut store = Store::open_in_memory().unwrap();
    let report = run(
        &mut store,
        &[server.url("/f.atom")],
        UpdateOptions::default(),
    );
    assert_eq!(report.feeds[0].skipped.len(), 2);
    assert_eq!(store.source_count().unwrap(), 1, "only the bulletin");
    assert_eq!(
        store
            .feed_state(&server.url("/f.atom"))
            .unwrap()
            .unwrap()
            .bulletins,
        1
    );
    assert!(!report.render(zhoubao::i18n::Lang::En).contains("培训"));
}

#[test]
fn title_only_items_are_fetched_from_their_link_unless_no_pages_says_not() {
    let server = FeedServer::start(2);
    let items: Vec<Item> = (0..2).map(|i| server.linked_item(i)).collect();
    server.set(
        "/f.xml",
        Route::ok("application/rss+xml", rss(&items, false)).tap(|r| r.etag = Some("\"1\"".into())),
    );
    let mut store = Store::open_in_memory().unwrap();
    let no_pages = UpdateOptions {
        pages: false,
        ..UpdateOptions::default()
    };
    let report = run(&mut store, &[server.url("/f.xml")], no_pages);
    assert_eq!(report.new, []);
    assert!(server.requests_to(&server.page_target(0)).is_empty());
    assert!(
        store.summaries().unwrap().iter().all(|s| !s.cached),
        "titles only"
    );
    // The feed has not changed, but its title-only items are still wanted.
    let report = run(
        &mut store,
        &[server.url("/f.xml")],
        UpdateOptions::default(),
    );
    assert_eq!(report.feeds[0].outcome, FeedOutcome::NotModified);
    let keys: Vec<IssueKey> = server.issues.iter().map(|i| i.key).collect();
    assert_eq!(report.new, keys);
    assert_eq!(report.pages.new, 2);
    // Held in full now: not fetched again.
    run(
        &mut store,
        &[server.url("/f.xml")],
        UpdateOptions::default(),
    );
    assert_eq!(server.requests_to(&server.page_target(0)).len(), 1);
}

#[test]
fn follow_walks_back_from_the_new_bulletins() {
    let server = FeedServer::start(ISSUES);
    // Only the newest is in the feed; its 近期回顾 names the others.
    let items = vec![server.item(ISSUES - 1, Style::Wewe)];
    server.set(
        "/f.xml",
        Route::ok("application/rss+xml", rss(&items, false)),
    );
    let mut store = Store::open_in_memory().unwrap();
    let follow = UpdateOptions {
        follow: 2,
        ..UpdateOptions::default()
    };
    let report = run(&mut store, &[server.url("/f.xml")], follow);
    assert_eq!(report.new.len(), 3, "{}", report.render(Default::default()));
    assert_eq!(report.pages.left, 1, "one more for the next run");
}

#[test]
fn each_bad_feed_fails_in_one_line_while_the_good_ones_are_stored() {
    let server = FeedServer::start(ISSUES);
    let good = rss(&items(&server, Style::Wewe), false);
    server.set("/good.xml", Route::ok("application/rss+xml", good.clone()));
    server.set("/missing.xml", Route::status("404 Not Found"));
    server.set(
        "/broken-server.xml",
        Route::status("500 Internal Server Error"),
    );
    server.set(
        "/page.html",
        Route::ok(
            "text/html",
            "<!DOCTYPE html><html><body>公众号主页</body></html>",
        ),
    );
    server.set(
        "/malformed.xml",
        Route::ok("application/rss+xml", &good.as_bytes()[..good.len() / 2]),
    );
    server.set(
        "/large.xml",
        Route::ok("application/rss+xml", vec![b' '; 300_000]),
    );
    server.set(
        "/slow.xml",
        Route::ok("application/rss+xml", good.clone()).tap(|r| r.delay = Duration::from_secs(3)),
    );
    server.set("/loop.xml", Route::redirect("/loop.xml"));
    server.set("/to-file.xml", Route::redirect("file:///etc/passwd"));
    let refused = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = l.local_addr().unwrap();
        drop(l);
        format!("http://{addr}/feed.xml")
    };
    let tls = feed_fixture::plain_http_as_https();
    let urls = [
        server.url("/missing.xml"),
        server.url("/broken-server.xml"),
        server.url("/page.html"),
        server.url("/good.xml"),
        server.url("/malformed.xml"),
        server.url("/large.xml"),
        server.url("/slow.xml"),
        server.url("/loop.xml"),
        server.url("/to-file.xml"),
        refused,
        tls,
    ];
    let fetch = FetchOptions {
        max_body: 200_000,
        timeout: Duration::from_secs(1),
        ..options()
    };
    let mut store = Store::open_in_memory().unwrap();
    let report = run_with(&mut store, &urls, UpdateOptions::default(), fetch);
    assert!(report.failed_any());
    let outcome = |i: usize| &report.feeds[i].outcome;
    let fetch_error = |i: usize| match outcome(i) {
        FeedOutcome::Failed(FeedError::Fetch(e)) => e.clone(),
        other => panic!("{}: {other:?}", urls[i]),
    };
    assert!(matches!(
        fetch_error(0),
        FetchError::Status { code: 404, .. }
    ));
    assert!(matches!(
        fetch_error(1),
        FetchError::Status { code: 500, .. }
    ));
    assert_eq!(
        outcome(2),
        &FeedOutcome::Failed(FeedError::NotAFeed {
            what: NotFeed::Html
        })
    );
    assert_eq!(outcome(3), &FeedOutcome::Read);
    assert!(matches!(
        outcome(4),
        FeedOutcome::Failed(FeedError::Malformed { .. })
    ));
    assert!(matches!(fetch_error(5), FetchError::TooLarge { .. }));
    assert!(matches!(fetch_error(6), FetchError::TimedOut { .. }));
    assert!(matches!(fetch_error(7), FetchError::RedirectLoop { .. }));
    assert!(matches!(fetch_error(8), FetchError::RedirectRefused { .. }));
    assert!(matches!(fetch_error(9), FetchError::Refused { .. }));
    let tls = fetch_error(10);
    assert!(
        matches!(tls, FetchError::Network { .. } | FetchError::ClosedEarly),
        "{tls:?}"
    );
    // The good feed's bulletins are all there, nothing of the others.
    assert_eq!(report.new.len(), ISSUES);
    assert_eq!(store.source_count().unwrap(), ISSUES as i64);
    let text = report.render(zhoubao::i18n::Lang::En);
    let failed: Vec<&str> = text.lines().filter(|l| l.starts_with("failed")).collect();
    assert_eq!(failed.len(), urls.len() - 1, "{text}");
    for (line, url) in failed.iter().zip(
        urls.iter()
            .filter(|u| !u.ends_with("/good.xml") || u.starts_with("https")),
    ) {
        assert!(line.starts_with(&format!("failed  {url}: ")), "{line}");
    }
    // Each failure is recorded for `zhoubao feeds`.
    let state = store.feed_state(&urls[0]).unwrap().unwrap();
    assert!(matches!(state.result, Some(FeedResult::Failed(why)) if why.contains("404")));
}

#[test]
fn an_update_on_its_own_thread_reports_through_the_channel_then_ends() {
    let server = FeedServer::start(2);
    let items: Vec<Item> = (0..2).map(|i| server.item(i, Style::Wewe)).collect();
    server.set(
        "/f.xml",
        Route::ok("application/rss+xml", rss(&items, false)),
    );
    let dir = tempfile::tempdir().unwrap();
    let cache = dir.path().join("cache.db");
    // The TUI's own connection stays open meanwhile.
    let tui = Store::open(&cache).unwrap();
    let feeds = vec![Subscription {
        name: Some("应急中心".into()),
        url: server.url("/f.xml"),
    }];
    let running = feed::spawn(cache.clone(), feeds, UpdateOptions::default(), options()).unwrap();
    let news: Vec<feed::News> = running.news.iter().collect();
    let Some(feed::News::Done(report)) = news.last() else {
        panic!("{news:?}");
    };
    assert_eq!(report.new.len(), 2);
    let feed_started = news.iter().position(|n| {
        matches!(n, feed::News::Event(feed::Event::Feed { index: 1, of: 1, feed })
            if feed.starts_with("应急中心 (http://127.0.0.1:"))
    });
    let stored: Vec<IssueKey> = news
        .iter()
        .filter_map(|n| match n {
            feed::News::Event(feed::Event::Stored { key, .. }) => Some(*key),
            _ => None,
        })
        .collect();
    assert_eq!(feed_started, Some(0), "{news:?}");
    assert_eq!(stored, report.new);
    assert_eq!(
        tui.summaries().unwrap().len(),
        2,
        "the other connection sees them"
    );

    let gone = feed::spawn(
        dir.path().join("missing.db"),
        Vec::new(),
        UpdateOptions::default(),
        options(),
    )
    .unwrap();
    let news: Vec<feed::News> = gone.news.iter().collect();
    assert!(
        matches!(news.as_slice(), [feed::News::Failed(_)]),
        "{news:?}"
    );
}

#[test]
fn a_cancelled_update_asks_nothing_more() {
    let server = FeedServer::start(1);
    server.set("/f.xml", Route::ok("application/rss+xml", rss(&[], false)));
    let mut store = Store::open_in_memory().unwrap();
    let cancel = Cancel::new();
    cancel.cancel();
    let mut client = Client::new(options());
    let feeds = [Subscription::new(server.url("/f.xml"))];
    let report = feed::update(
        &mut store,
        &mut client,
        &feeds,
        UpdateOptions::default(),
        &cancel,
        &mut |_| {},
    );
    assert!(report.cancelled);
    assert!(report.feeds.is_empty());
    assert!(server.requests().is_empty());
}

#[test]
fn a_reindex_reads_the_stored_items_as_the_update_did() {
    let server = FeedServer::start(ISSUES);
    let items = items(&server, Style::Wewe);
    server.set(
        "/f.json",
        Route::ok("application/json", json_feed(&items, false)),
    );
    let mut store = Store::open_in_memory().unwrap();
    run(
        &mut store,
        &[server.url("/f.json")],
        UpdateOptions::default(),
    );
    let before = shown(&store);
    let counts = store
        .reindex(|raw| zhoubao::import::parse_caught(raw).ok().and_then(Result::ok))
        .unwrap();
    assert_eq!((counts.sources, counts.bulletins), (ISSUES, ISSUES));
    assert_eq!(shown(&store), before);
}
