//! Downloading a bulletin's pictures from a loopback server through the
//! library: good ones of each format kept with their bytes, each hostile
//! one refused with its reason while the good ones beside it are kept, no
//! Referer ever sent, nothing asked twice, failures asked again only when
//! asked, and the pictures kept through reindex and recover and shown
//! with no network.

mod image_fixture;

use std::collections::BTreeMap;
use std::time::Duration;

use image_fixture::{drip, good, hostile, ImageServer};
use zhoubao::fetch::{self, Cancel, Client, FetchError, FetchOptions, PageResult, SystemClock};
use zhoubao::images::{
    self, decode::decode_bounded, fetch_missing, ImageError, ImageEvent, ImageFetch, ImageKind,
    ImageState, IssueImage, MAX_IMAGE_BYTES, MAX_SIDE,
};
use zhoubao::model::IssueKey;
use zhoubao::store::Store;

/// The drip needs 200 ms a byte: this limit ends it long before the end.
const TIMEOUT: Duration = Duration::from_secs(3);

fn client() -> Client {
    let options = FetchOptions {
        delay: Duration::from_millis(5),
        connect_timeout: Duration::from_secs(2),
        timeout: TIMEOUT,
        ..FetchOptions::default()
    };
    // No proxy from the environment: the loopback server is asked directly.
    Client::with_parts(options, Box::new(SystemClock), Box::new(|_| None))
}

/// Fetches the `index`-th page into `store`: its issue's key.
fn fetch_page(
    server: &ImageServer,
    store: &mut Store,
    client: &mut Client,
    index: usize,
) -> IssueKey {
    let (result, _) = fetch::fetch_page(
        client,
        store,
        &server.page_url(index),
        &Cancel::new(),
        &mut |_| {},
    );
    match result {
        PageResult::Stored { key, .. } => key,
        other => panic!("the page was not stored: {other:?}"),
    }
}

/// The name a picture is served under (`chart.png`), from its address.
fn name(url: &str) -> &str {
    url.rsplit('/').next().unwrap_or(url)
}

fn by_name(list: &[IssueImage]) -> BTreeMap<String, ImageState> {
    list.iter()
        .map(|i| (name(&i.url).to_string(), i.state.clone()))
        .collect()
}

#[test]
fn good_pictures_are_kept_and_each_hostile_one_refused_with_its_reason() {
    let pictures: Vec<_> = good()
        .into_iter()
        .chain(hostile())
        .chain([drip()])
        .collect();
    let server = ImageServer::start(pictures);
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client();
    let key = fetch_page(&server, &mut store, &mut client, 1);

    let mut asked = Vec::new();
    let summary = fetch_missing(
        &mut store,
        &mut client,
        &[key],
        ImageFetch::default(),
        &Cancel::new(),
        &mut |e| {
            if let ImageEvent::Image { url, done, planned } = e {
                asked.push((name(url).to_string(), done, planned));
            }
        },
    );
    assert_eq!(asked.len(), 13, "{asked:?}");
    assert_eq!(asked[12].1, 13);
    assert!(asked.iter().all(|a| a.2 == 13));
    assert_eq!(summary.stored, 5, "{summary:#?}");
    let failed: BTreeMap<&str, &ImageError> =
        summary.failed.iter().map(|(u, e)| (name(u), e)).collect();
    assert_eq!(failed["empty.png"], &ImageError::Empty);
    assert_eq!(
        failed["truncated.png"],
        &ImageError::Truncated { kind: "PNG".into() }
    );
    assert_eq!(
        failed["bomb.png"],
        &ImageError::TooManyPixels {
            width: 100_000,
            height: 100_000,
            max: MAX_SIDE
        }
    );
    assert_eq!(failed["page.png"], &ImageError::Html);
    for big in ["big.png", "big-announced.png"] {
        assert_eq!(
            failed[big],
            &ImageError::TooLarge {
                limit: MAX_IMAGE_BYTES
            },
            "{big}"
        );
    }
    assert!(
        matches!(
            failed["to-file.png"],
            ImageError::Fetch(FetchError::RedirectRefused { .. })
        ),
        "{:?}",
        failed["to-file.png"]
    );
    assert_eq!(
        failed["drip.png"],
        &ImageError::Fetch(FetchError::TimedOut { after: TIMEOUT })
    );
    assert_eq!(failed.len(), 8);

    // What the cache holds: the good ones with their bytes, the reasons.
    let list = images::issue_images(&store, key).unwrap();
    let states = by_name(&list);
    let cached = |kind, width, height| ImageState::Cached {
        kind,
        width,
        height,
        bytes: 0,
    };
    for (file, expected) in [
        ("chart.png", cached(ImageKind::Png, 40, 30)),
        ("chart.jpg", cached(ImageKind::Jpeg, 48, 32)),
        ("chart.gif", cached(ImageKind::Gif, 20, 10)),
        ("chart.webp", cached(ImageKind::Webp, 12, 12)),
        // The redirect's target, under the page's address.
        ("moved.png", cached(ImageKind::Png, 24, 24)),
    ] {
        match (&states[file], expected) {
            (
                ImageState::Cached {
                    kind,
                    width,
                    height,
                    bytes,
                },
                ImageState::Cached {
                    kind: k,
                    width: w,
                    height: h,
                    ..
                },
            ) => {
                assert_eq!((*kind, *width, *height), (k, w, h), "{file}");
                assert!(*bytes > 0);
            }
            (other, _) => panic!("{file}: {other:?}"),
        }
    }
    for file in ["chart.png", "chart.jpg", "chart.gif", "chart.webp"] {
        let image = list.iter().find(|i| name(&i.url) == file).unwrap();
        let kept = images::cached_bytes(&store, image).unwrap().unwrap();
        assert_eq!(kept, server.bytes_of(file), "{file} is kept byte for byte");
    }
    match &states["page.png"] {
        ImageState::Failed { reason } => {
            assert_eq!(reason.en, "not an image: the server sent a web page");
            assert_eq!(reason.zh, "不是图片：服务器发来的是网页");
        }
        other => panic!("{other:?}"),
    }

    // No request carried a Referer; each said who asked.
    let requests = server.picture_requests();
    assert!(!requests.is_empty());
    for r in &requests {
        assert_eq!(r.referer, None, "{}", r.target);
        assert!(r
            .user_agent
            .as_deref()
            .is_some_and(|ua| ua.starts_with("zhoubao/")));
    }
}

#[test]
fn a_second_download_asks_nothing_and_failures_are_asked_again_only_when_asked() {
    let pictures: Vec<_> = good()
        .into_iter()
        .take(2)
        .chain(hostile().into_iter().take(2))
        .collect();
    let server = ImageServer::start(pictures);
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client();
    let key = fetch_page(&server, &mut store, &mut client, 1);
    let first = fetch_missing(
        &mut store,
        &mut client,
        &[key],
        ImageFetch::default(),
        &Cancel::new(),
        &mut |_| {},
    );
    assert_eq!((first.stored, first.failed.len()), (2, 2));
    let asked = server.picture_requests().len();
    assert_eq!(asked, 4);

    let again = fetch_missing(
        &mut store,
        &mut client,
        &[key],
        ImageFetch::default(),
        &Cancel::new(),
        &mut |_| {},
    );
    assert_eq!(
        server.picture_requests().len(),
        asked,
        "nothing asked twice"
    );
    assert_eq!((again.stored, again.cached, again.not_retried), (0, 2, 2));
    assert!(!again.did_anything());

    let retried = fetch_missing(
        &mut store,
        &mut client,
        &[key],
        ImageFetch { retry_failed: true },
        &Cancel::new(),
        &mut |_| {},
    );
    let asked_again: Vec<String> = server.picture_requests()[asked..]
        .iter()
        .map(|r| r.target.clone())
        .collect();
    assert_eq!(asked_again, ["/img/empty.png", "/img/truncated.png"]);
    assert_eq!((retried.cached, retried.failed.len()), (2, 2));
}

#[test]
fn a_picture_two_issues_show_is_asked_for_once() {
    let server = ImageServer::start(good().into_iter().take(1).collect());
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client();
    let newer = fetch_page(&server, &mut store, &mut client, 1);
    let older = fetch_page(&server, &mut store, &mut client, 0);
    let summary = fetch_missing(
        &mut store,
        &mut client,
        &[newer, older],
        ImageFetch::default(),
        &Cancel::new(),
        &mut |_| {},
    );
    assert_eq!(summary.stored, 2, "chart.png and older.png");
    let targets: Vec<String> = server
        .picture_requests()
        .into_iter()
        .map(|r| r.target)
        .collect();
    assert_eq!(targets, ["/img/chart.png", "/img/older.png"]);
}

#[test]
fn a_cancelled_download_stops_and_records_nothing_for_what_it_did_not_ask() {
    let server = ImageServer::start(good());
    let mut store = Store::open_in_memory().unwrap();
    let mut client = client();
    let key = fetch_page(&server, &mut store, &mut client, 1);
    let cancel = Cancel::new();
    let summary = fetch_missing(
        &mut store,
        &mut client,
        &[key],
        ImageFetch::default(),
        &cancel,
        &mut |e| {
            if let ImageEvent::Finished { .. } = e {
                cancel.cancel();
            }
        },
    );
    assert!(summary.cancelled);
    assert_eq!(summary.stored, 1);
    let missing = images::issue_images(&store, key)
        .unwrap()
        .into_iter()
        .filter(|i| i.state == ImageState::Missing)
        .count();
    assert_eq!(missing, 4, "not asked: still missing, not failed");
}

#[test]
fn pictures_are_kept_through_reindex_and_recover_and_shown_without_a_network() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.db");
    let key;
    {
        let server = ImageServer::start(
            good()
                .into_iter()
                .take(3)
                .chain(hostile().into_iter().take(1))
                .collect(),
        );
        let mut store = Store::create_or_open(&db).unwrap();
        let mut client = client();
        key = fetch_page(&server, &mut store, &mut client, 1);
        let summary = fetch_missing(
            &mut store,
            &mut client,
            &[key],
            ImageFetch::default(),
            &Cancel::new(),
            &mut |_| {},
        );
        assert_eq!((summary.stored, summary.failed.len()), (3, 1));
        // The server is gone from here on.
    }
    let parse = |raw: &[u8]| zhoubao::parse::parse(raw).ok();
    let before = {
        let store = Store::open_existing(&db).unwrap();
        images::issue_images(&store, key).unwrap()
    };
    {
        let mut store = Store::open_existing(&db).unwrap();
        store.reindex(parse).unwrap();
        assert_eq!(
            images::issue_images(&store, key).unwrap(),
            before,
            "reindex keeps them"
        );
    }
    let to = dir.path().join("recovered.db");
    let report = Store::recover(&db, &to, parse).unwrap();
    assert_eq!((report.images, report.images_lost), (3, 0));
    assert!(
        report.to_string().contains("kept 3 cached images"),
        "{report}"
    );
    let store = Store::open_existing(&to).unwrap();
    let after = images::issue_images(&store, key).unwrap();
    assert_eq!(after, before, "recover keeps them");
    for image in after.iter().filter(|i| i.is_cached()) {
        let bytes = images::cached_bytes(&store, image).unwrap().unwrap();
        assert!(decode_bounded(&bytes).is_ok(), "{} shows", image.url);
    }
}
