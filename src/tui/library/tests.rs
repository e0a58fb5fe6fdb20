//! The pictures as the TUI reads them through a [`Library`]: the store's
//! with their state, words and bytes (the words only where the stored
//! file is small enough to parse on a key press, unless asked), and a
//! memory library's, which has no picture store.

use super::*;
use crate::images::samples::png;
use crate::images::{image_identity, ImageKind};
use crate::store::{NewImage, Store};
use crate::synth;

/// A store holding one synthetic issue whose first chart is cached;
/// `padding` characters of body text make its stored file larger.
fn store_with_issue(padding: usize) -> (Store, IssueKey, Vec<String>) {
    let mut store = Store::open_in_memory().unwrap();
    let issue = synth::series(2024, 1, 7).remove(0);
    let mut md = synth::full_markdown(&issue, &[]);
    let filler = format!("\n\n{}。\n\n", "测".repeat(padding));
    let at = md.find("近期回顾").unwrap();
    md.insert_str(at, &filler);
    let result = crate::import::import_bytes(&mut store, "a.md", md.as_bytes());
    assert!(
        !matches!(result, crate::import::FileResult::Failed(_)),
        "{result:?}"
    );
    let first = &issue.charts[0];
    let bytes = png(8, 8);
    store
        .store_image(&NewImage {
            identity: &image_identity(first).unwrap(),
            url: first,
            kind: "png",
            width: 8,
            height: 8,
            bytes: &bytes,
        })
        .unwrap();
    (store, issue.key, issue.charts)
}

#[test]
fn the_store_gives_each_picture_its_state_heading_and_bytes() {
    let (store, key, charts) = store_with_issue(0);
    let images = Library::images(&store, key, Captions::IfCheap).unwrap();
    assert_eq!(images.len(), charts.len());
    assert_eq!(images[0].url, charts[0]);
    assert!(matches!(
        images[0].state,
        ImageState::Cached {
            kind: ImageKind::Png,
            width: 8,
            height: 8,
            ..
        }
    ));
    assert_eq!(images[1].state, ImageState::Missing);
    assert_eq!(images[0].heading.as_deref(), Some("本周网络安全基本态势"));
    assert_eq!(
        Library::image_bytes(&store, &images[0]).unwrap(),
        Some(png(8, 8))
    );
    assert_eq!(Library::image_bytes(&store, &images[1]).unwrap(), None);
}

#[test]
fn a_large_stored_file_is_parsed_for_words_only_when_asked() {
    let padding = usize::try_from(CHEAP_CAPTIONS_BYTES).unwrap() / 3 + 100;
    let (store, key, _) = store_with_issue(padding);
    let cheap = Library::images(&store, key, Captions::IfCheap).unwrap();
    assert!(cheap.iter().all(|i| i.heading.is_none()), "{cheap:?}");
    assert!(cheap[0].is_cached(), "the state is read all the same");
    let read = Library::images(&store, key, Captions::Read).unwrap();
    assert_eq!(read[0].heading.as_deref(), Some("本周网络安全基本态势"));
}

#[test]
fn a_memory_library_lists_the_addresses_none_downloaded() {
    let mut lib = MemoryLibrary::new();
    let issue = synth::series(2024, 1, 7).remove(0);
    let mut detail = crate::model::IssueDetail {
        summary: crate::model::IssueSummary {
            last_number: None,
            key: issue.key,
            title: Some(issue.title()),
            period: Some(issue.period),
            published: Some(issue.published),
            assessment: None,
            figures: crate::model::Figures::default(),
            cached: true,
            read: false,
            flagged: false,
            note: None,
        },
        source: None,
        url: None,
        body: Vec::new(),
        images: issue.charts.clone(),
        recent: Vec::new(),
        aliases: Vec::new(),
        truncated: false,
        conflicts: Vec::new(),
    };
    detail.images.push("file:///etc/passwd".into());
    lib.insert(detail);
    let images = lib.images(issue.key, Captions::Read).unwrap();
    assert_eq!(images.len(), issue.charts.len() + 1);
    assert!(images[..issue.charts.len()]
        .iter()
        .all(|i| i.state == ImageState::Missing));
    assert_eq!(images.last().unwrap().state, ImageState::BadAddress);
    assert_eq!(lib.image_bytes(&images[0]).unwrap(), None);
}
