//! Incremental search on a large cache: narrowing a longer query from the
//! hits of a shorter one finds what a full search finds, a search too dear
//! for one key press waits for typing to pause and runs in slices, and Esc,
//! Enter, Backspace and n / N behave as they do on a small cache.

mod tui_fixture;

use std::cell::RefCell;
use std::rc::Rc;

use proptest::prelude::*;
use ratatui::crossterm::event::KeyCode;

use tui_fixture::{app_with_library, cached, chars, figures, hits, key, press, screen};
use zhoubao::model::{Bulletin, Completeness, IssueDetail, IssueKey, IssueSummary, SourceFormat};
use zhoubao::store::Store;
use zhoubao::tui::state::search::SEARCH_PAUSE;
use zhoubao::tui::{
    action::Action, action::InputMode, app::App, library::Library, library::MemoryLibrary,
    update::update,
};

/// Words the generated bodies are made of; which ones an issue has depends
/// on its number, so queries hit different sets. Mixed-case ASCII checks
/// that narrowing keeps the store's case folding.
const WORDS: [&str; 6] = [
    "蜜罐演练",
    "跨境事件",
    "钓鱼网站",
    "漏洞通报",
    "Botnet",
    "botNET 样本",
];

fn body_of(number: u32) -> Vec<String> {
    let mut body = vec![format!("第{number}期的自拟正文。")];
    for (bit, word) in WORDS.iter().enumerate() {
        if (number >> bit) & 1 == 1 {
            body.push(format!("本周出现{word}，编号{}。", number * 7 % 10));
        }
    }
    body
}

fn bulletin(number: u32) -> Bulletin {
    Bulletin {
        format: SourceFormat::Markdown,
        key: key(2023, number),
        title: format!("网络安全信息与动态周报2023年第{number}期"),
        period: None,
        published: None,
        source: None,
        url: None,
        article: None,
        urls: Vec::new(),
        assessment: None,
        figures: Default::default(),
        images: Vec::new(),
        body: body_of(number),
        recent: Vec::new(),
        completeness: Completeness::Full,
        last_number: None,
        truncated: false,
    }
}

fn store_with(issues: u32) -> Store {
    let mut store = Store::open_in_memory().expect("in-memory store");
    for n in 1..=issues {
        store.import_bulletin(&bulletin(n)).expect("import");
    }
    store
}

/// Queries and longer queries that contain them, from the generated words.
const NESTED_QUERIES: [(&str, &str); 9] = [
    ("蜜", "蜜罐"),
    ("蜜罐", "蜜罐演练"),
    ("第", "第1"),
    ("第1", "第13期"),
    ("bot", "botnet"),
    ("BOT", "botnet 样"),
    ("事", "跨境事件，编号"),
    ("编号", "编号3"),
    ("网", "钓鱼网站"),
];

#[test]
fn narrowing_earlier_hits_in_the_store_finds_what_a_full_search_finds() {
    let store = store_with(60);
    for (short, long) in NESTED_QUERIES {
        assert!(long.to_lowercase().contains(&short.to_lowercase()));
        let earlier = store.search(short).expect("search");
        let narrowed = store.search_within(long, &earlier).expect("search_within");
        let full = store.search(long).expect("search");
        assert!(!full.is_empty(), "{long:?} should hit something");
        assert!(full.len() < 60, "{long:?} should not hit everything");
        assert_eq!(narrowed, full, "{short:?} -> {long:?}");
    }
}

/// What the user does next while searching.
#[derive(Debug, Clone)]
enum Step {
    Type(char),
    Backspace,
    /// Typing paused long enough for one slice of a deferred search.
    Pause,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => prop::sample::select(vec!['第', '1', '3', '期', '蜜', '罐', 'b', 'O', 't', '编', '号', ' '])
            .prop_map(Step::Type),
        1 => Just(Step::Backspace),
        2 => Just(Step::Pause),
    ]
}

fn full_search(app: &App) -> Vec<IssueKey> {
    let query = app
        .search
        .as_ref()
        .map(|s| s.query.clone())
        .unwrap_or_default();
    app.library().search(&query).expect("full search")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever is typed, with whatever pauses and budget, complete hits are
    /// the full search's, both while typing and after Enter.
    #[test]
    fn typed_queries_end_with_the_full_search_hits(
        steps in prop::collection::vec(step(), 1..14),
        budget in 0usize..60,
    ) {
        let mut app = app_with_library(Box::new(store_with(40)), None, 120, 40);
        app.set_search_budget(budget);
        press(&mut app, KeyCode::Char('/'));
        for s in &steps {
            match s {
                Step::Type(c) => update(&mut app, Action::SearchInput(*c)),
                Step::Backspace => update(&mut app, Action::SearchBackspace),
                Step::Pause => update(&mut app, Action::RunPendingSearch),
            }
            let search = app.search.as_ref().expect("still searching");
            if !search.is_pending() && !search.query.is_empty() {
                prop_assert_eq!(&search.hits, &full_search(&app), "query {:?}", search.query);
            }
        }
        let expected = full_search(&app);
        press(&mut app, KeyCode::Enter);
        run_until_done(&mut app);
        let hits = hits(&app);
        prop_assert_eq!(hits, expected);
        prop_assert_eq!(app.search_wait(), None);
    }
}

/// A library call the TUI made.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Call {
    Search(String),
    Within(String, Vec<IssueKey>),
    Between(String, IssueKey, IssueKey),
}

/// A MemoryLibrary that records its search calls.
struct Counting {
    inner: MemoryLibrary,
    calls: Rc<RefCell<Vec<Call>>>,
}

impl Library for Counting {
    fn summaries(&self) -> Result<Vec<IssueSummary>, zhoubao::tui::library::LibraryError> {
        self.inner.summaries()
    }
    fn detail(
        &self,
        key: IssueKey,
    ) -> Result<Option<IssueDetail>, zhoubao::tui::library::LibraryError> {
        self.inner.detail(key)
    }
    fn key_for_url(
        &self,
        url: &str,
    ) -> Result<Option<IssueKey>, zhoubao::tui::library::LibraryError> {
        self.inner.key_for_url(url)
    }
    fn search(&self, query: &str) -> Result<Vec<IssueKey>, zhoubao::tui::library::LibraryError> {
        self.calls
            .borrow_mut()
            .push(Call::Search(query.to_string()));
        self.inner.search(query)
    }
    fn search_within(
        &self,
        query: &str,
        candidates: &[IssueKey],
    ) -> Result<Vec<IssueKey>, zhoubao::tui::library::LibraryError> {
        self.calls
            .borrow_mut()
            .push(Call::Within(query.to_string(), candidates.to_vec()));
        self.inner.search_within(query, candidates)
    }
    fn search_between(
        &self,
        query: &str,
        newest: IssueKey,
        oldest: IssueKey,
    ) -> Result<Vec<IssueKey>, zhoubao::tui::library::LibraryError> {
        self.calls
            .borrow_mut()
            .push(Call::Between(query.to_string(), newest, oldest));
        self.inner.search_between(query, newest, oldest)
    }
    fn set_read(
        &self,
        key: IssueKey,
        read: bool,
    ) -> Result<(), zhoubao::tui::library::LibraryError> {
        self.inner.set_read(key, read)
    }
    fn last_selected(&self) -> Result<Option<IssueKey>, zhoubao::tui::library::LibraryError> {
        self.inner.last_selected()
    }
    fn set_last_selected(&self, key: IssueKey) -> Result<(), zhoubao::tui::library::LibraryError> {
        self.inner.set_last_selected(key)
    }
}

/// 2024 第1–`issues`期, each body naming its own number ("第N期正文").
fn counting_app(issues: u32, budget: usize) -> (App, Rc<RefCell<Vec<Call>>>) {
    let mut inner = MemoryLibrary::new();
    for n in 1..=issues {
        inner.insert(cached(n, (1, 1), (1, 7), figures([Some(1); 5])));
    }
    let calls = Rc::new(RefCell::new(Vec::new()));
    let lib = Counting {
        inner,
        calls: Rc::clone(&calls),
    };
    let mut app = app_with_library(Box::new(lib), Some(key(2024, 1)), 120, 40);
    app.set_search_budget(budget);
    (app, calls)
}

fn run_until_done(app: &mut App) -> usize {
    let mut slices = 0;
    while app.search_wait().is_some() {
        update(app, Action::RunPendingSearch);
        slices += 1;
        assert!(slices < 10_000, "the deferred search never finishes");
    }
    slices
}

#[test]
fn on_a_large_library_typing_searches_nothing_until_the_pause() {
    let (mut app, calls) = counting_app(30, 10);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第2");
    assert!(
        calls.borrow().is_empty(),
        "typing searched: {:?}",
        calls.borrow()
    );
    assert_eq!(app.search_wait(), Some(SEARCH_PAUSE));
    assert_eq!(app.current_key(), Some(key(2024, 1)), "nothing found yet");
    assert!(screen(&app, 120, 40).contains("/第2▏ searching…"));

    update(&mut app, Action::RunPendingSearch);
    assert_eq!(
        app.search_wait(),
        Some(std::time::Duration::ZERO),
        "once begun, the search goes on without waiting for another pause"
    );
    let slices = 1 + run_until_done(&mut app);
    assert!(slices > 1, "a budget of 10 splits 30 issues into slices");
    {
        // Slices of 10 issues (the budget), as key ranges of the list.
        let calls = calls.borrow();
        let mut checked = 0;
        for c in calls.iter() {
            let Call::Between(q, newest, oldest) = c else {
                panic!("not a slice of a full search: {c:?}");
            };
            assert_eq!(q, "第2");
            let issues = (newest.number - oldest.number + 1) as usize;
            assert!(issues <= 10, "{c:?}");
            checked += issues;
        }
        assert_eq!(checked, 30, "every issue is searched once");
    }
    let hits = hits(&app);
    assert_eq!(hits, app.library().search("第2").expect("search"));
    assert_eq!(
        app.current_key(),
        hits.first().copied(),
        "shows the first hit"
    );
    assert!(screen(&app, 120, 40).contains(&format!("/第2▏ {} hits (1/", hits.len())));
}

#[test]
fn the_first_hit_shows_before_the_search_finishes() {
    let (mut app, _) = counting_app(30, 10);
    // From the newest issue, the first hit below it is in the first slice.
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.current_key(), Some(key(2024, 30)));
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第29期");
    update(&mut app, Action::RunPendingSearch);
    assert_eq!(
        app.current_key(),
        Some(key(2024, 29)),
        "newest issues are searched first"
    );
    assert!(app.search.as_ref().is_some_and(|s| s.is_pending()));
    assert!(screen(&app, 120, 40).contains("searching… 1 hit so far"));
}

#[test]
fn a_key_typed_during_a_deferred_search_starts_over_after_the_next_pause() {
    let (mut app, calls) = counting_app(30, 10);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第1");
    update(&mut app, Action::RunPendingSearch);
    let before = calls.borrow().len();
    chars(&mut app, "2");
    assert_eq!(calls.borrow().len(), before, "typing did not search");
    assert_eq!(app.search_wait(), Some(SEARCH_PAUSE));
    run_until_done(&mut app);
    let search = app.search.as_ref().expect("searching");
    assert_eq!(search.hits, vec![key(2024, 12)]);
}

#[test]
fn longer_queries_check_only_the_earlier_hits() {
    let (mut app, calls) = counting_app(100, 10_000);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第1");
    let first_hits = hits(&app);
    // 1, 10–19 and 100 (the bodies also say 第N期 but titles do too).
    assert_eq!(first_hits.len(), 12);
    chars(&mut app, "3");
    let calls = calls.borrow();
    assert!(calls.contains(&Call::Search("第1".into())));
    assert!(!calls.contains(&Call::Search("第13".into())));
    assert_eq!(
        calls.last(),
        Some(&Call::Within("第13".into(), first_hits)),
        "narrowed from the hits of 第1, not a full search"
    );
    assert_eq!(app.current_key(), Some(key(2024, 13)));
}

#[test]
fn a_deferred_narrowing_checks_the_earlier_hits_a_few_at_a_time() {
    let (mut app, calls) = counting_app(100, 10);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第1");
    run_until_done(&mut app);
    let first_hits = hits(&app);
    assert_eq!(first_hits.len(), 12);
    let before = calls.borrow().len();
    chars(&mut app, "3");
    assert_eq!(calls.borrow().len(), before, "typing searched");
    run_until_done(&mut app);
    let calls = calls.borrow();
    let mut checked = Vec::new();
    for c in calls.iter().skip(before) {
        let Call::Within(q, keys) = c else {
            panic!("not a check of earlier hits: {c:?}");
        };
        assert_eq!(q, "第13");
        assert!(keys.len() <= 2, "the budget of 10 allows 2 lookups: {c:?}");
        checked.extend(keys.iter().copied());
    }
    assert_eq!(checked, first_hits);
    assert_eq!(
        app.search.as_ref().map(|s| s.hits.clone()),
        Some(vec![key(2024, 13)])
    );
}

#[test]
fn backspace_to_a_finished_query_searches_nothing() {
    let (mut app, calls) = counting_app(30, 10);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第2");
    run_until_done(&mut app);
    let hits = hits(&app);
    chars(&mut app, "9");
    run_until_done(&mut app);
    let before = calls.borrow().len();
    press(&mut app, KeyCode::Backspace);
    assert_eq!(calls.borrow().len(), before);
    assert_eq!(app.search_wait(), None);
    assert_eq!(app.search.as_ref().map(|s| s.hits.clone()), Some(hits));
}

#[test]
fn esc_during_a_deferred_search_cancels_it_and_goes_back() {
    let (mut app, calls) = counting_app(30, 10);
    press(&mut app, KeyCode::Char('g'));
    let start = app.current_key();
    assert_eq!(start, Some(key(2024, 30)));
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第2");
    update(&mut app, Action::RunPendingSearch);
    assert_ne!(app.current_key(), start, "jumped to the first hit");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), InputMode::Normal);
    assert!(app.search.is_none());
    assert_eq!(
        app.search_wait(),
        None,
        "nothing left for the event loop to run"
    );
    assert_eq!(app.current_key(), start, "back where the search began");
    let before = calls.borrow().len();
    update(&mut app, Action::RunPendingSearch);
    assert_eq!(
        calls.borrow().len(),
        before,
        "a late pause searches nothing"
    );
    assert_eq!(app.current_key(), start);
}

#[test]
fn after_enter_a_deferred_search_goes_on_and_n_walks_its_hits() {
    let (mut app, _) = counting_app(30, 10);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第2");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), InputMode::Normal);
    assert_eq!(
        app.search_wait(),
        Some(std::time::Duration::ZERO),
        "Enter ends typing, so the search has begun"
    );
    assert!(screen(&app, 120, 40).contains("“第2” searching…"));
    run_until_done(&mut app);
    let hits = hits(&app);
    // 2, 20–29.
    assert_eq!(hits.len(), 11);
    assert_eq!(app.current_key(), hits.first().copied());
    assert!(screen(&app, 120, 40).contains("11 hits (1/11)"));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.current_key(), hits.get(1).copied());
    press(&mut app, KeyCode::Char('N'));
    press(&mut app, KeyCode::Char('N'));
    assert_eq!(app.current_key(), hits.last().copied(), "N wraps around");
}

#[test]
fn n_before_the_first_hit_says_the_search_is_still_running() {
    let (mut app, _) = counting_app(30, 10);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第1期");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    assert!(screen(&app, 120, 40).contains("still searching: no hit yet"));
    run_until_done(&mut app);
    assert_eq!(
        app.current_key(),
        Some(key(2024, 1)),
        "the only hit, found last"
    );
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.current_key(), Some(key(2024, 1)));
}

#[test]
fn esc_after_enter_stops_a_background_search() {
    let (mut app, calls) = counting_app(30, 10);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第1期");
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Esc);
    assert!(app.search.is_none());
    assert_eq!(app.search_wait(), None);
    let before = calls.borrow().len();
    update(&mut app, Action::RunPendingSearch);
    assert_eq!(calls.borrow().len(), before);
}

#[test]
fn the_first_hit_is_where_the_search_began_or_below_it_wrapping_to_the_newest() {
    let (mut app, _) = counting_app(30, 1_000);
    // 2024-25: hits are 2 and 20–29, newest first.
    press(&mut app, KeyCode::Char('g'));
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.current_key(), Some(key(2024, 25)));
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第2");
    assert_eq!(
        app.current_key(),
        Some(key(2024, 25)),
        "the shown issue is a hit"
    );
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(app.current_key(), Some(key(2024, 24)));

    // From 2024-19 the next hit below is 2024-2, not the newest, 2024-29.
    press(&mut app, KeyCode::Esc);
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('j'));
    }
    assert_eq!(app.current_key(), Some(key(2024, 19)));
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第2");
    assert_eq!(app.current_key(), Some(key(2024, 2)));
    press(&mut app, KeyCode::Esc);

    // Below the last hit, the search wraps to the newest.
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.current_key(), Some(key(2024, 1)));
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "第2");
    assert_eq!(app.current_key(), Some(key(2024, 29)));
}

#[test]
fn a_jump_far_down_the_list_puts_the_issue_mid_list_not_on_its_last_row() {
    let (mut app, _) = counting_app(60, 1_000);
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, KeyCode::Char('g'));
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "2024-10");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(key(2024, 10)));
    let h = app.list.height();
    let row = app.list.selected - app.list.offset;
    assert!(
        row >= 2 && row + 3 <= h,
        "row {row} of {h}: issues on both sides"
    );
    // One step past the bottom edge scrolls one row, as j does.
    press(&mut app, KeyCode::Char('g'));
    for _ in 1..h {
        press(&mut app, KeyCode::Char('j'));
    }
    let bottom = app.current_key().expect("an issue");
    press(&mut app, KeyCode::Char('['));
    assert_eq!(
        app.current_key(),
        Some(IssueKey::new(2024, bottom.number - 1))
    );
    assert_eq!(app.list.offset, 1);
}
