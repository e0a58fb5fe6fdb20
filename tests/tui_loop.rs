//! The event loop on a scripted frontend with its own clock: timers run
//! while input keeps arriving, and input that changes nothing draws nothing.

mod tui_fixture;

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::io;
use std::rc::Rc;
use std::time::{Duration, Instant};

use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::Terminal;

use tui_fixture::{cached, figures, key, ui_in};
use zhoubao::i18n::Lang;
use zhoubao::model::{IssueDetail, IssueKey, IssueSummary};
use zhoubao::tui::app_loop::{run_loop, Frontend, REFRESH_EVERY};
use zhoubao::tui::library::LibraryResult;
use zhoubao::tui::{
    action::Action, app::App, library::Library, library::MemoryLibrary, update::update,
};

/// How long each scripted event takes to arrive.
const EVENT_GAP: Duration = Duration::from_millis(2);

/// A frontend that plays `script` one event every [`EVENT_GAP`] on a fake
/// clock, runs `at` hooks when the clock passes their time, and counts
/// frames. When the script is over it sends Ctrl-C.
struct Scripted {
    term: Terminal<TestBackend>,
    start: Instant,
    elapsed: Duration,
    script: VecDeque<Event>,
    hooks: Vec<(Duration, Box<dyn FnMut()>)>,
    draws: usize,
}

impl Scripted {
    fn new(script: impl IntoIterator<Item = Event>) -> Scripted {
        Scripted {
            term: Terminal::new(TestBackend::new(100, 30)).expect("test terminal"),
            start: Instant::now(),
            elapsed: Duration::ZERO,
            script: script.into_iter().collect(),
            hooks: Vec::new(),
            draws: 0,
        }
    }

    fn advance(&mut self, by: Duration) {
        self.elapsed += by;
        for (at, hook) in &mut self.hooks {
            if *at <= self.elapsed {
                hook();
                *at = Duration::MAX;
            }
        }
    }
}

impl Frontend for Scripted {
    fn now(&self) -> Instant {
        self.start + self.elapsed
    }

    fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
        // Events arrive every EVENT_GAP whatever the timeout: a stream.
        let _ = timeout;
        self.advance(EVENT_GAP);
        Ok(true)
    }

    fn read(&mut self) -> io::Result<Event> {
        Ok(self.script.pop_front().unwrap_or(Event::Key(KeyEvent::new(
            KeyCode::Char('c'),
            KeyModifiers::CONTROL,
        ))))
    }

    fn size(&mut self) -> io::Result<(u16, u16)> {
        let Ok(size) = self.term.size();
        Ok((size.width, size.height))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        self.draws += 1;
        let Ok(_) = self.term.draw(|f| zhoubao::tui::draw::draw(f, app));
        Ok(())
    }

    fn copy(&mut self, _text: &str) -> io::Result<()> {
        Ok(())
    }
}

fn motion(n: usize) -> impl Iterator<Item = Event> {
    (0..n).map(|i| {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Moved,
            column: u16::try_from(i % 100).unwrap_or(0),
            row: 3,
            modifiers: KeyModifiers::NONE,
        })
    })
}

fn typed(s: &str) -> impl Iterator<Item = Event> + '_ {
    s.chars()
        .map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)))
}

/// A library another "process" (a hook of the test) writes to: it bumps
/// the generation when it inserts.
#[derive(Clone, Default)]
struct Shared {
    inner: Rc<RefCell<MemoryLibrary>>,
    generation: Rc<Cell<i64>>,
    /// Reads fail as busy this many more times.
    busy_reads: Rc<Cell<u32>>,
    /// Issues loaded in full so far.
    details: Rc<Cell<usize>>,
    /// Searches run so far.
    searches: Rc<Cell<usize>>,
}

impl Shared {
    fn insert(&self, detail: IssueDetail) {
        self.inner.borrow_mut().insert(detail);
        self.generation.set(self.generation.get() + 1);
    }
}

impl Library for Shared {
    fn summaries(&self) -> LibraryResult<Vec<IssueSummary>> {
        if let Some(n) = self.busy_reads.get().checked_sub(1) {
            self.busy_reads.set(n);
            return Err(zhoubao::store::StoreError::Busy.into());
        }
        self.inner.borrow().summaries()
    }
    fn detail(&self, key: IssueKey) -> LibraryResult<Option<IssueDetail>> {
        self.details.set(self.details.get() + 1);
        self.inner.borrow().detail(key)
    }
    /// A summary is no full load: the same-week line reads these.
    fn summary(&self, key: IssueKey) -> LibraryResult<Option<IssueSummary>> {
        self.inner.borrow().summary(key)
    }
    fn key_for_url(&self, url: &str) -> LibraryResult<Option<IssueKey>> {
        self.inner.borrow().key_for_url(url)
    }
    fn search(&self, query: &str) -> LibraryResult<Vec<IssueKey>> {
        self.searches.set(self.searches.get() + 1);
        self.inner.borrow().search(query)
    }
    fn set_read(&self, key: IssueKey, read: bool) -> LibraryResult<()> {
        self.inner.borrow().set_read(key, read)
    }
    fn last_selected(&self) -> LibraryResult<Option<IssueKey>> {
        Ok(None)
    }
    fn set_last_selected(&self, _key: IssueKey) -> LibraryResult<()> {
        Ok(())
    }
    fn generation(&self) -> LibraryResult<i64> {
        Ok(self.generation.get())
    }
}

fn shared(issues: u32) -> Shared {
    let lib = Shared::default();
    for n in 1..=issues {
        lib.insert(cached(n, (1, 1), (1, 7), figures([Some(1); 5])));
    }
    lib
}

fn app_on(lib: &Shared) -> App {
    let mut app =
        App::with_ui(Box::new(lib.clone()), Some(key(2024, 1)), ui_in(Lang::En)).expect("app");
    app.set_url_opener(Box::new(|_| Ok(())));
    app
}

#[test]
fn a_deferred_search_runs_while_the_mouse_keeps_moving() {
    let lib = shared(30);
    let mut app = app_on(&lib);
    // A budget this small defers every search: it waits for the pause.
    app.set_search_budget(1);
    let script = typed("/")
        .chain(typed("第2"))
        // 400 motion events, 2 ms apart: 0.8 s with no pause in the input.
        .chain(motion(400));
    let mut frontend = Scripted::new(script);
    run_loop(&mut app, &mut frontend).expect("the loop runs");
    let search = app.search.as_ref().expect("the search is still on");
    assert!(!search.is_pending(), "the deferred search never finished");
    assert!(!search.hits.is_empty(), "no hits for 第2");
    assert_eq!(
        app.current_key(),
        search.hits.first().copied(),
        "the first hit is shown"
    );
}

#[test]
fn another_process_s_import_shows_up_while_the_mouse_keeps_moving() {
    let lib = shared(3);
    let mut app = app_on(&lib);
    let writer = lib.clone();
    // 1,000 motion events: 2 s of input without a pause, the import lands
    // after 0.2 s.
    let mut frontend = Scripted::new(motion(1000));
    frontend.hooks.push((
        Duration::from_millis(200),
        Box::new(move || writer.insert(cached(4, (1, 22), (1, 28), figures([Some(9); 5])))),
    ));
    assert!(EVENT_GAP * 1000 > REFRESH_EVERY + Duration::from_millis(200));
    run_loop(&mut app, &mut frontend).expect("the loop runs");
    assert_eq!(
        app.catalog.summaries.len(),
        4,
        "the new issue was never loaded"
    );
    assert_eq!(app.loaded_generation(), lib.generation.get());
}

#[test]
fn input_that_changes_nothing_is_not_drawn_again() {
    let lib = shared(3);
    let mut app = app_on(&lib);
    let k = Event::Key(KeyEvent::new(KeyCode::Char('k'), KeyModifiers::NONE));
    let script = motion(300).chain([k]).chain(motion(300));
    let mut frontend = Scripted::new(script);
    run_loop(&mut app, &mut frontend).expect("the loop runs");
    // The first frame and the one after `k`; motion draws nothing, and an
    // unchanged cache checked now and then neither.
    assert_eq!(frontend.draws, 2, "frames drawn");
    assert_eq!(app.current_key(), Some(key(2024, 2)), "k moved up the list");
}

#[test]
fn a_reload_the_busy_cache_refused_is_tried_again_on_the_next_check() {
    let lib = shared(3);
    let mut app = app_on(&lib);
    update(&mut app, Action::Resize(100, 30));
    lib.insert(cached(4, (1, 22), (1, 28), figures([Some(9); 5])));
    lib.busy_reads.set(1);
    update(&mut app, Action::Refresh);
    assert_eq!(app.catalog.summaries.len(), 3, "the reload failed");
    let status = app.status.message.clone().expect("a status line");
    assert!(status.text.contains("busy"), "{}", status.text);
    update(&mut app, Action::Refresh);
    assert_eq!(app.catalog.summaries.len(), 4, "the next check reloads");
    assert_eq!(app.loaded_generation(), lib.generation.get());
}

#[test]
fn nothing_is_loaded_or_laid_out_before_the_screen_has_a_size() {
    let lib = shared(3);
    let mut app = app_on(&lib);
    assert_eq!(
        lib.details.get(),
        0,
        "an issue was loaded before the first size"
    );
    assert_eq!(app.charts.laid_out(), 0);
    assert!(app.detail.rows.is_empty() && app.charts.pane.layout.is_none());
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(lib.details.get(), 1, "the start issue, once");
    assert_eq!(app.charts.laid_out(), 1, "the charts, once, at the size");
    assert_eq!(app.current_key(), Some(key(2024, 1)));
    let g = &app
        .charts
        .pane
        .layout
        .as_ref()
        .expect("the chart pane")
        .geometry;
    assert_eq!(Some(g.area), app.panes.chart);
}

#[test]
fn each_change_lays_the_charts_out_once_and_the_hidden_pane_not_at_all() {
    let lib = shared(3);
    let mut app = app_on(&lib);
    update(&mut app, Action::Resize(100, 30));
    let laid_out = |app: &App| app.charts.laid_out();
    let before = laid_out(&app);
    update(&mut app, Action::MoveUp);
    assert_eq!(laid_out(&app), before + 1, "a new selection");
    let before = laid_out(&app);
    lib.insert(cached(4, (1, 22), (1, 28), figures([Some(9); 5])));
    update(&mut app, Action::Refresh);
    assert_eq!(app.catalog.summaries.len(), 4);
    assert_eq!(laid_out(&app), before + 1, "a reload");
    let before = laid_out(&app);
    update(&mut app, Action::Resize(100, 30));
    assert_eq!(
        laid_out(&app),
        before,
        "the same size again changes nothing"
    );

    update(&mut app, Action::OpenChart);
    assert!(
        app.charts.pane.layout.is_none(),
        "the pane is hidden under the view"
    );
    update(&mut app, Action::Resize(120, 40));
    assert!(
        app.charts.pane.layout.is_none(),
        "and not laid out for the new size"
    );
    assert!(app.charts.view.plot.is_some());
    update(&mut app, Action::CloseChart);
    let g = &app
        .charts
        .pane
        .layout
        .as_ref()
        .expect("the pane is back")
        .geometry;
    assert_eq!(Some(g.area), app.panes.chart, "at the new size");
}

#[test]
fn characters_typed_faster_than_frames_are_drawn_are_searched_once_per_frame() {
    let lib = shared(30);
    let mut app = app_on(&lib);
    // A paste in a terminal without bracketed paste: 2,000 keys in a row.
    let text = "网络安全周报".repeat(333) + "周报";
    let script = typed("/").chain(typed(&text));
    let mut frontend = Scripted::new(script);
    run_loop(&mut app, &mut frontend).expect("the loop runs");
    let search = app.search.as_ref().expect("the search is still on");
    assert_eq!(search.query, text, "every character, in order");
    // One edit per frame of up to 64 keys, not one search per key.
    let searches = lib.searches.get();
    assert!(searches <= 2_000 / 64 + 3, "{searches} searches");
}
