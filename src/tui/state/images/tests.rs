//! state/images.rs's tests: flipping through an issue's pictures, asking
//! the worker and taking what it drew, `F`'s download with a fetcher of
//! the test's own (its progress, its end, Esc), and which pictures need
//! the screen cleared when they go.

use std::sync::Mutex;
use std::time::Instant;

use super::*;
use crate::i18n::Lang;
use crate::images::samples::png;
use crate::images::{image_identity, ImageState};
use crate::store::{NewImage, Store};
use crate::tui::library::Captions;

/// A store holding one synthetic issue, its first chart cached.
fn store() -> (Store, IssueKey) {
    let mut store = Store::open_in_memory().unwrap();
    let issue = crate::synth::series(2024, 1, 3).remove(0);
    let md = crate::synth::full_markdown(&issue, &[]);
    crate::import::import_bytes(&mut store, "a.md", md.as_bytes());
    let first = &issue.charts[0];
    store
        .store_image(&NewImage {
            identity: &image_identity(first).unwrap(),
            url: first,
            kind: "png",
            width: 8,
            height: 8,
            bytes: &png(8, 8),
        })
        .unwrap();
    (store, issue.key)
}

fn opened(store: &Store, key: IssueKey, number: usize) -> Pictures {
    let mut pictures = Pictures::default();
    pictures.fit(Rect::new(0, 0, 40, 20));
    let images = Library::images(store, key, Captions::Read).unwrap();
    pictures.open(key, images, number);
    pictures
}

/// Polls as the event loop does until the worker has drawn (or 20 s).
fn until_drawn(pictures: &mut Pictures) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while pictures.wait().is_some() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        pictures.poll();
    }
    assert!(pictures.wait().is_none(), "the worker did not answer");
}

#[test]
fn the_view_opens_at_the_picture_asked_for_and_flips_within_the_issue() {
    let (store, key) = store();
    let mut pictures = opened(&store, key, 3);
    let view = pictures.view().unwrap();
    assert_eq!(view.position().map(|p| p.0), Some(3));
    let count = view.images().len();
    assert!(pictures.back());
    assert!(pictures.select(count) && !pictures.forward());
    assert!(!pictures.select(count + 1));
    assert!(pictures
        .url()
        .unwrap()
        .starts_with("https://mmbiz.qpic.cn/"));
    // A number that is no picture opens at the first.
    let pictures = opened(&store, key, 99);
    assert_eq!(pictures.view().unwrap().position(), Some((1, count)));
    let mut closed = pictures;
    closed.close();
    assert!(!closed.is_open() && closed.url().is_err());
}

#[test]
fn a_requested_picture_is_drawn_by_the_worker_and_taken_in_by_a_poll() {
    let (store, key) = store();
    let mut pictures = opened(&store, key, 1);
    assert_eq!(pictures.wait(), None, "nothing asked yet");
    pictures.request(&store);
    assert_eq!(pictures.wait(), Some(DRAWN_POLL_EVERY));
    until_drawn(&mut pictures);
    let (view, renderer) = (pictures.view().unwrap(), pictures.renderer().unwrap());
    assert!(ImageView::drawn_at(view, renderer, pictures.area()).is_some());
    // A picture not downloaded asks the worker for nothing.
    assert!(pictures.forward());
    pictures.request(&store);
    assert_eq!(pictures.wait(), None);
}

#[test]
fn an_address_that_is_not_web_is_neither_opened_nor_copied() {
    let (store, key) = store();
    let mut images = Library::images(&store, key, Captions::Read).unwrap();
    images[0].url = "javascript:alert(1)".into();
    images[0].state = ImageState::BadAddress;
    let mut pictures = Pictures::default();
    pictures.open(key, images, 1);
    assert_eq!(pictures.url(), Err(NoUrl::NotWeb));
}

/// A fetcher that says it downloads `planned` pictures, one per step the
/// test allows, and records what it was asked.
struct Stepping {
    planned: usize,
    steps: Mutex<Receiver<()>>,
    asked: Mutex<Vec<(Vec<IssueKey>, ImageFetch)>>,
}

impl PageFetcher for Stepping {
    fn fetch(
        &self,
        _url: &str,
        _cancel: &Cancel,
        _progress: &mut dyn FnMut(Progress),
    ) -> crate::fetch::PageResult {
        unreachable!("the image view fetches no page")
    }

    fn fetch_images(
        &self,
        keys: &[IssueKey],
        options: ImageFetch,
        cancel: &Cancel,
        progress: &mut dyn FnMut(Progress),
    ) -> ImagesSummary {
        self.asked.lock().unwrap().push((keys.to_vec(), options));
        let steps = self.steps.lock().unwrap();
        let mut summary = ImagesSummary::default();
        for done in 1..=self.planned {
            if steps.recv().is_err() || cancel.is_cancelled() {
                summary.cancelled = true;
                break;
            }
            progress(Progress::Image {
                done,
                planned: self.planned,
            });
            summary.stored += 1;
        }
        summary
    }
}

fn running(polled: Polled) -> Fetch {
    match polled.fetch {
        FetchPolled::Running { now, .. } => now,
        FetchPolled::Idle => panic!("idle"),
        FetchPolled::Lost => panic!("lost"),
        FetchPolled::Done { summary, .. } => panic!("done: {summary:?}"),
    }
}

#[test]
fn f_downloads_the_missing_pictures_saying_which_then_how_it_ended() {
    let (store, key) = store();
    let mut pictures = opened(&store, key, 1);
    let missing = pictures.view().unwrap().missing();
    assert!(missing > 1);
    let (step, steps) = mpsc::channel();
    let fetcher = Arc::new(Stepping {
        planned: missing,
        steps: Mutex::new(steps),
        asked: Mutex::new(Vec::new()),
    });
    let (said, error) = pictures.start_fetch(Some(fetcher.clone()));
    assert!(!error);
    assert_eq!(
        said.text(Lang::Zh),
        format!("正在下载 {key} 的图片 1/{missing}（Esc 取消）")
    );
    assert_eq!(pictures.wait(), Some(FETCH_POLL_EVERY));
    // A second F while it runs starts nothing.
    let (again, _) = pictures.start_fetch(Some(fetcher.clone()));
    assert!(
        again.text(Lang::En).starts_with("still fetching"),
        "{again:?}"
    );
    step.send(()).unwrap();
    step.send(()).unwrap();
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut now = running(pictures.poll());
    while !matches!(&now, Fetch::TuiImages { done: 2, .. }) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(5));
        now = running(pictures.poll());
    }
    assert_eq!(
        now.text(Lang::En),
        format!("downloading {key}'s images 2/{missing} (Esc cancels)")
    );
    for _ in 2..missing {
        step.send(()).unwrap();
    }
    let summary = loop {
        assert!(Instant::now() < deadline, "the download did not end");
        std::thread::sleep(Duration::from_millis(5));
        if let FetchPolled::Done { summary, key: done } = pictures.poll().fetch {
            assert_eq!(done, key);
            break summary;
        }
    };
    assert_eq!(summary.stored, missing);
    assert!(!pictures.is_fetching() && pictures.wait().is_none());
    let asked = fetcher.asked.lock().unwrap().clone();
    assert_eq!(asked, [(vec![key], ImageFetch { retry_failed: true })]);
}

#[test]
fn esc_cancels_the_download_and_the_demo_never_starts_one() {
    let (store, key) = store();
    let mut pictures = opened(&store, key, 1);
    let (said, _) = pictures.start_fetch(None);
    assert_eq!(
        said.text(Lang::En),
        "--demo never touches the network: F works on a real cache"
    );
    let (_step, steps) = mpsc::channel();
    let fetcher = Arc::new(Stepping {
        planned: 3,
        steps: Mutex::new(steps),
        asked: Mutex::new(Vec::new()),
    });
    pictures.start_fetch(Some(fetcher));
    let said = pictures.cancel().unwrap();
    assert_eq!(said.text(Lang::Zh), format!("已取消下载 {key} 的图片"));
    assert!(!pictures.is_fetching() && pictures.cancel().is_none());
}

#[test]
fn nothing_is_downloaded_when_every_picture_is_cached() {
    let (store, key) = store();
    let mut images = Library::images(&store, key, Captions::Read).unwrap();
    images.truncate(1);
    let mut pictures = Pictures::default();
    pictures.open(key, images, 1);
    let (said, _) = pictures.start_fetch(None);
    assert!(
        said.text(Lang::En).contains("--demo"),
        "the demo says so first"
    );
    let (_step, steps) = mpsc::channel();
    let fetcher = Arc::new(Stepping {
        planned: 1,
        steps: Mutex::new(steps),
        asked: Mutex::new(Vec::new()),
    });
    let (said, _) = pictures.start_fetch(Some(fetcher.clone()));
    assert_eq!(
        said.text(Lang::En),
        format!("{key}'s images are all downloaded")
    );
    assert!(fetcher.asked.lock().unwrap().is_empty());
}

#[test]
fn only_sixel_and_iterm2_pictures_ask_for_the_screen_to_be_cleared() {
    let (store, key) = store();
    for (protocol, clears) in [
        (ProtocolType::Halfblocks, false),
        (ProtocolType::Kitty, false),
        (ProtocolType::Sixel, true),
        (ProtocolType::Iterm2, true),
    ] {
        let mut picker = Picker::halfblocks();
        picker.set_protocol_type(protocol);
        let mut pictures = Pictures::default();
        pictures.set_picker(picker);
        pictures.fit(Rect::new(0, 0, 40, 20));
        let images = Library::images(&store, key, Captions::Read).unwrap();
        pictures.open(key, images, 1);
        pictures.request(&store);
        until_drawn(&mut pictures);
        let on = pictures.graphics_on_screen(false);
        assert_eq!(on.is_some(), clears, "{protocol:?}");
        if let Some((identity, at)) = on {
            assert_eq!(
                Some(identity),
                pictures.view().unwrap().current().unwrap().identity
            );
            assert!(Rect::new(0, 0, 40, 20).contains(at.as_position()));
        }
        assert_eq!(
            pictures.graphics_on_screen(true),
            None,
            "covered: not drawn"
        );
    }
}

#[test]
fn the_terminal_is_asked_for_its_protocol_once_when_the_view_first_opens() {
    let (store, key) = store();
    let asked = std::rc::Rc::new(std::cell::Cell::new(0));
    let counting = asked.clone();
    let mut pictures = Pictures::default();
    pictures.fit(Rect::new(0, 0, 40, 20));
    pictures.ask_when_first_opened(move || {
        counting.set(counting.get() + 1);
        Picker::halfblocks()
    });
    assert_eq!(asked.get(), 0, "not before the view opens");
    pictures.open_on(&store, key, 1).unwrap();
    assert_eq!(asked.get(), 1);
    assert!(pictures.renderer().is_some());
    pictures.close();
    pictures.open_on(&store, key, 2).unwrap();
    assert_eq!(asked.get(), 1, "asked once a session");
}
