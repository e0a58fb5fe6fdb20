//! A large series' first screen comes from its newest issues alone, the
//! rest read after that frame: the screen is the same either way, and a
//! start the newest issues do not reach reads the whole series at once.

mod tui_fixture;

use tui_fixture::{app_with_library, screen};
use zhoubao::store::Store;
use zhoubao::synth;
use zhoubao::tui::action::Action;
use zhoubao::tui::state::catalog::START_HEAD;
use zhoubao::tui::update::update;

const ISSUES: usize = START_HEAD + 150;

/// A cache of `ISSUES` generated bulletins, as an import stores them.
fn large_store() -> (Store, Vec<zhoubao::model::IssueKey>) {
    let series = synth::series(2000, ISSUES, 7);
    assert_eq!(series.len(), ISSUES);
    let mut store = Store::open_in_memory().expect("in-memory store");
    for (i, issue) in series.iter().enumerate() {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        let bulletin = zhoubao::parse::parse(text.as_bytes()).expect("generated text parses");
        store
            .import_file(&issue.file_name(), text.as_bytes(), &bulletin)
            .expect("stored");
    }
    let mut keys: Vec<_> = series.iter().map(|s| s.key).collect();
    keys.reverse();
    (store, keys)
}

#[test]
fn the_first_frame_of_a_large_series_reads_its_newest_issues_and_looks_the_same_once_whole() {
    let (store, newest_first) = large_store();
    let mut app = app_with_library(Box::new(store), None, 80, 24);
    assert!(
        !app.catalog.is_complete(),
        "only the newest issues at start"
    );
    assert_eq!(app.catalog.summaries.len(), START_HEAD);
    assert_eq!(app.catalog.total(), ISSUES);
    assert_eq!(app.current_key(), Some(newest_first[0]));
    let first = screen(&app, 80, 24);
    // The title counts the whole series, every issue unread.
    assert!(
        first.contains(&format!("{ISSUES} · {ISSUES} unread")),
        "{first}"
    );
    assert!(first.contains(&format!("1/{ISSUES}")), "{first}");

    update(&mut app, Action::CompleteCatalog);
    assert!(app.catalog.is_complete());
    assert_eq!(app.catalog.summaries.len(), ISSUES);
    assert_eq!(
        screen(&app, 80, 24),
        first,
        "completing changes nothing seen"
    );
    // The oldest issue is reachable once the rest is read.
    let oldest = *newest_first.last().unwrap();
    assert!(app.catalog.contains(oldest));
}

#[test]
fn a_start_older_than_the_newest_issues_reads_the_whole_series_at_once() {
    let (store, newest_first) = large_store();
    let old = newest_first[START_HEAD + 20];
    let app = app_with_library(Box::new(store), Some(old), 80, 24);
    assert!(app.catalog.is_complete());
    assert_eq!(app.current_key(), Some(old));
    assert!(screen(&app, 80, 24).contains(&format!("Detail {old}")));
}
