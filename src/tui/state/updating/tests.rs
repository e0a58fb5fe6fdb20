//! state/updating.rs's tests: news from a channel of the test's own
//! taken into progress, summary, cancellation and on_new.

use super::*;
use crate::feed::FeedReport;
use crate::i18n::Lang;

fn said(notice: &Notice, lang: Lang) -> Vec<String> {
    notice
        .forms
        .iter()
        .map(|m| m.text(lang).into_owned())
        .collect()
}

/// An update whose news the test sends.
fn watched() -> (Updating, mpsc::Sender<News>, Cancel) {
    let (tx, news) = mpsc::channel();
    let cancel = Cancel::new();
    let mut updating = Updating::default();
    updating.watch(Running {
        news,
        cancel: cancel.clone(),
    });
    (updating, tx, cancel)
}

fn running(polled: Polled) -> (Option<Notice>, Option<Notice>, bool) {
    match polled {
        Polled::Running {
            before,
            now,
            stored,
        } => (before, now, stored),
        Polled::Idle => panic!("idle"),
        Polled::Done(n) => panic!("done: {n:?}"),
    }
}

fn key(n: u32) -> IssueKey {
    IssueKey::new(2025, n)
}

#[test]
fn progress_follows_the_feeds_the_waits_and_the_pages_and_counts_what_is_new() {
    let (mut updating, tx, _) = watched();
    let (before, now, stored) = running(updating.poll());
    assert_eq!(before, now);
    assert!(!stored);
    assert_eq!(
        said(&now.unwrap(), Lang::En),
        ["updating the feeds (Esc cancels)", "updating · Esc cancels"]
    );
    let feed = "应急中心 (http://127.0.0.1:9/f.xml)".to_string();
    tx.send(News::Event(Event::Feed {
        index: 1,
        of: 2,
        feed: feed.clone(),
    }))
    .unwrap();
    tx.send(News::Event(Event::Waiting {
        host: "127.0.0.1".into(),
        wait: Duration::from_millis(900),
    }))
    .unwrap();
    let (_, now, _) = running(updating.poll());
    assert_eq!(
        said(&now.unwrap(), Lang::Zh),
        [
            "正在更新订阅源 1/2：等待 0.9 秒再请求 127.0.0.1（Esc 取消）",
            "正在更新订阅源 1/2（Esc 取消）",
            "订阅源 1/2 · Esc 取消"
        ]
    );
    // Said until the wait is over: the request after it says nothing.
    tx.send(News::Event(Event::Waiting {
        host: "127.0.0.1".into(),
        wait: Duration::from_millis(1),
    }))
    .unwrap();
    running(updating.poll());
    std::thread::sleep(Duration::from_millis(5));
    let (_, now, _) = running(updating.poll());
    assert_eq!(
        said(&now.unwrap(), Lang::En)[0],
        format!("updating feed 1/2 (Esc cancels): {feed}")
    );
    for (n, outcome) in [
        (3, ImportOutcome::New),
        (2, ImportOutcome::Unchanged),
        (4, ImportOutcome::New),
    ] {
        tx.send(News::Event(Event::Stored {
            key: key(n),
            outcome,
        }))
        .unwrap();
    }
    let (_, now, stored) = running(updating.poll());
    assert!(stored, "a new issue is the point to reload");
    assert_eq!(
        said(&now.unwrap(), Lang::En)[0],
        format!("updating feed 1/2, 2 new so far (Esc cancels): {feed}")
    );
    assert_eq!(
        updating.new_issues(),
        &HashSet::from([key(3), key(4)]),
        "the list marks them"
    );
    tx.send(News::Event(Event::Stored {
        key: key(2),
        outcome: ImportOutcome::Unchanged,
    }))
    .unwrap();
    assert!(!running(updating.poll()).2, "nothing changed, no reload");
    tx.send(News::Event(Event::Page {
        url: "http://127.0.0.1:9/s?\u{1b}[31mx".into(),
        done: 1,
        planned: 3,
    }))
    .unwrap();
    let (_, now, _) = running(updating.poll());
    assert_eq!(
        said(&now.unwrap(), Lang::En),
        [
            "updating: page 1/3, 2 new so far (Esc cancels): http://127.0.0.1:9/s?x",
            "updating: page 1/3, 2 new so far (Esc cancels)",
            "page 1/3 · Esc cancels"
        ]
    );
    // Then the new issues' pictures.
    tx.send(News::Event(Event::Image {
        url: "http://127.0.0.1:9/img/a.png".into(),
        done: 2,
        planned: 6,
    }))
    .unwrap();
    let (_, now, stored) = running(updating.poll());
    assert!(!stored, "a picture changes no list");
    assert_eq!(
        said(&now.unwrap(), Lang::Zh),
        [
            "正在更新：图片 2/6，已新增 2 期（Esc 取消）：http://127.0.0.1:9/img/a.png",
            "正在更新：图片 2/6，已新增 2 期（Esc 取消）",
            "图片 2/6 · Esc 取消"
        ]
    );
}

#[test]
fn the_summary_names_the_new_issues_and_the_first_failed_feed() {
    let (mut updating, tx, _) = watched();
    let ok = FeedReport {
        feed: Subscription::new("http://127.0.0.1:9/a.xml"),
        outcome: FeedOutcome::Read,
        items: 2,
        stored: vec![(key(6), ImportOutcome::New), (key(7), ImportOutcome::New)],
        skipped: Vec::new(),
        unreadable: Vec::new(),
    };
    let bad = FeedReport {
        feed: Subscription {
            name: Some("应急中心".into()),
            url: "http://127.0.0.1:9/gone".into(),
        },
        outcome: FeedOutcome::Failed(feed::FeedError::Fetch(FetchError::Status {
            code: 404,
            reason: "Not Found".into(),
        })),
        items: 0,
        stored: Vec::new(),
        skipped: Vec::new(),
        unreadable: Vec::new(),
    };
    let report = UpdateReport {
        feeds: vec![ok, bad],
        new: vec![key(6), key(7)],
        ..UpdateReport::default()
    };
    tx.send(News::Done(Box::new(report))).unwrap();
    let Polled::Done(summary) = updating.poll() else {
        panic!("not done");
    };
    assert!(summary.error, "a failed feed shows as an error");
    assert_eq!(
        said(&summary, Lang::En),
        [
            "2 new: 2025-6, 2025-7; 1 feed failed: 应急中心 (http://127.0.0.1:9/gone): \
             HTTP status 404 Not Found",
            "2 new: 2025-6, 2025-7; 1 feed failed",
            "2 new; 1 failed"
        ]
    );
    assert_eq!(said(&summary, Lang::Zh)[2], "新增 2 期；1 项失败");
    assert!(!updating.is_running());
    assert_eq!(updating.wait(), None, "no on_new configured");
    assert_eq!(updating.new_issues().len(), 2);
    assert!(matches!(updating.poll(), Polled::Idle));
}

#[test]
fn esc_cancels_and_the_update_is_followed_until_its_report() {
    let (mut updating, tx, cancel) = watched();
    assert_eq!(
        updating.busy().map(|b| said(&b, Lang::En)),
        Some(vec![
            "still updating the feeds; Esc cancels it".to_string(),
            "still updating · Esc".to_string()
        ])
    );
    let said_then = updating.cancel().unwrap();
    assert!(cancel.is_cancelled(), "the thread is told");
    assert_eq!(said_then.forms[0], FeedTui::Cancelling.into());
    assert_eq!(updating.busy(), Some(said_then), "R and F wait for it");
    let (_, now, _) = running(updating.poll());
    assert_eq!(now, None, "no progress over the cancellation");
    tx.send(News::Done(Box::new(UpdateReport {
        cancelled: true,
        ..UpdateReport::default()
    })))
    .unwrap();
    let Polled::Done(summary) = updating.poll() else {
        panic!("not done");
    };
    assert_eq!(
        said(&summary, Lang::En),
        ["update cancelled: nothing new", "cancelled: nothing new"]
    );
    assert!(!summary.error);
    assert_eq!(updating.busy(), None);
}

#[test]
fn a_thread_that_ends_without_a_report_or_cannot_open_the_cache_says_so() {
    let (mut updating, tx, _) = watched();
    drop(tx);
    let Polled::Done(lost) = updating.poll() else {
        panic!("not done");
    };
    assert_eq!(lost, Notice::error(FeedTui::Lost));
    let (mut updating, tx, _) = watched();
    tx.send(News::Failed(Msg::Issues(1))).unwrap();
    let Polled::Done(failed) = updating.poll() else {
        panic!("not done");
    };
    assert!(failed.error);
    assert!(said(&failed, Lang::En)[0].starts_with("cannot update the feeds: "));
}

#[test]
fn nothing_starts_without_a_file_feeds_or_a_writable_cache() {
    let mut updating = Updating::default();
    let cache = || Some(PathBuf::from("/nonexistent/zhoubao-test/cache.db"));
    assert_eq!(
        updating.start(None, false, Lang::En),
        Notice::with_short(FeedTui::Demo, FeedTui::DemoShort, false)
    );
    let no_feeds = updating.start(cache(), false, Lang::En);
    assert_eq!(
        said(&no_feeds, Lang::En)[1],
        "no feeds: zhoubao config shows [[feed]]"
    );
    updating.configure(FeedSettings {
        feeds: vec![Subscription::new("http://127.0.0.1:9/f.xml")],
        ..FeedSettings::default()
    });
    assert_eq!(
        updating.start(cache(), true, Lang::En),
        Notice::with_short(FeedTui::ReadOnly, FeedTui::ReadOnlyShort, true)
    );
    assert!(!updating.is_running());
}

#[cfg(unix)]
#[test]
fn on_new_hears_the_new_keys_after_the_update_and_a_failure_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("keys");
    let program = vec![
        "sh".to_string(),
        "-c".to_string(),
        "printf '%s\\n' \"$@\" > \"$0\"; echo noise; echo noise >&2".to_string(),
        out.display().to_string(),
    ];
    let (mut updating, tx, _) = watched();
    updating.configure(FeedSettings {
        on_new: Some(program),
        ..FeedSettings::default()
    });
    let report = UpdateReport {
        new: vec![key(6), key(7)],
        ..UpdateReport::default()
    };
    tx.send(News::Done(Box::new(report))).unwrap();
    assert!(matches!(updating.poll(), Polled::Done(_)));
    assert_eq!(updating.wait(), Some(POLL_EVERY), "on_new is watched");
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while updating.wait().is_some() && std::time::Instant::now() < deadline {
        assert_eq!(updating.poll_notify(), None);
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "2025-6\n2025-7\n");

    let (mut updating, tx, _) = watched();
    updating.configure(FeedSettings {
        on_new: Some(vec!["false".to_string()]),
        ..FeedSettings::default()
    });
    let report = UpdateReport {
        new: vec![key(8)],
        ..UpdateReport::default()
    };
    tx.send(News::Done(Box::new(report))).unwrap();
    assert!(matches!(updating.poll(), Polled::Done(_)));
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    let mut problem = None;
    while problem.is_none() && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
        problem = updating.poll_notify();
    }
    assert_eq!(
        problem,
        Some(NotifyProblem::Status {
            program: "false".into(),
            code: Some(1)
        })
    );
}
