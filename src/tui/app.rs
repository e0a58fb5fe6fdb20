//! The App: one owner of each piece of the TUI's state (state/), and the
//! moves that span several of them: showing an issue (the detail pane loads
//! it, the list's cursor follows, the charts are laid out again), the
//! followed-link history, read marks, and reloading what another process
//! changed. Loading and wrapping happen here, when the selection or the
//! size changes, so drawing only reads. Which action calls what is
//! update.rs's. The moves of one kind have a file of their own: between
//! series (app/series.rs), the reader's marks, notes and brief
//! (app/mine.rs), the image view (app/pictures.rs), reading the catalog
//! again (app/reload.rs).

mod mine;
mod pictures;
mod reload;
mod series;

use std::sync::Arc;
use std::time::Duration;

use ratatui::layout::Rect;

use super::action::{Focus, InputMode};
use super::fetcher::PageFetcher;
use super::library::{Library, LibraryError};
use super::state::brief::BriefPane;
use super::state::catalog::Catalog;
use super::state::charts::Charts;
use super::state::detail::{DetailPane, Target, Visit};
use super::state::fetching::Fetching;
use super::state::help::HelpPane;
use super::state::images::Pictures;
use super::state::list::{ListFilter, ListPane};
use super::state::note_edit::{EditRequest, NoteEditor};
use super::state::prompt::{Prompt, Saved};
use super::state::search::{SearchState, SEARCH_BUDGET};
use super::state::session::Session;
use super::state::shelf::Shelf;
use super::state::status::StatusLine;
use super::state::updating::{FeedSettings, Updating};
use super::ui::Ui;
use super::view::detail::{DetailDoc, LinkTarget};
use super::view::layout::{self, Panes};
use crate::i18n::Screen;
use crate::model::IssueKey;
use crate::trend::IssueComparisons;

/// How long the TUI's reads and writes wait for another process's lock.
pub const LOCK_WAIT: Duration = Duration::from_millis(200);

/// Opens a URL outside the TUI; replaceable so tests never start a browser.
pub type UrlOpener = Box<dyn FnMut(&str) -> Result<(), super::browser::OpenError>>;

pub struct App {
    /// The language, theme and key map of this session.
    pub ui: Ui,
    /// Every known issue, whatever the list shows.
    pub catalog: Catalog,
    pub list: ListPane,
    pub detail: DetailPane,
    /// Which pane keys act on.
    pub focus: Focus,
    /// The chart pane and the chart view.
    pub charts: Charts,
    /// The help overlay.
    pub help: HelpPane,
    /// The brief overlay (`b`).
    pub(super) brief: BriefPane,
    /// What the status line asks for while keys type into it.
    pub prompt: Prompt,
    /// The last search: its hits outlive its prompt (n / N, highlight).
    pub search: Option<SearchState>,
    pub status: StatusLine,
    /// Where each pane is on the screen, and the screen.
    pub panes: Panes,
    pub quit: bool,
    /// The library and what the session writes to it.
    pub(super) session: Session,
    /// `F`: the fetcher and the fetch under way.
    pub(super) fetching: Fetching,
    /// `R`: the feeds, the update under way, the issues it brought.
    pub(super) updating: Updating,
    /// The image view, the pictures' renderer and the view's `F`.
    pub(super) images: Pictures,
    pub(super) opener: UrlOpener,
    /// A URL `y` asked to copy; the event loop writes the OSC 52 sequence.
    pub(super) clipboard: Option<String>,
    /// `e`: the outside editor, and the run of it the event loop is asked for.
    notes: NoteEditor,
    /// `s`: what each series not shown keeps until it is shown again.
    shelf: Shelf,
    /// What one update may spend on searching; see `SEARCH_BUDGET`.
    search_budget: usize,
    /// The issue to show once the screen has a size.
    start: Option<IssueKey>,
    /// How far back the detail pane headlines a change.
    max_gap_weeks: u32,
}

impl App {
    /// [`App::with_ui`] with the default language, theme and keys.
    pub fn new(library: Box<dyn Library>, open: Option<IssueKey>) -> Result<App, LibraryError> {
        App::with_ui(library, open, Ui::default())
    }

    /// Loads the summaries of one series and selects `open`, else the
    /// last selected issue, else the newest cached one (the newest issues
    /// are often known only by reference), else the newest; the series is
    /// that issue's (`open`'s, the last selected one's), else the first
    /// that has issues. Call `resize` before drawing.
    pub fn with_ui(
        library: Box<dyn Library>,
        open: Option<IssueKey>,
        ui: Ui,
    ) -> Result<App, LibraryError> {
        // A short lock wait: an import holding the lock must never freeze
        // the screen; what the lock refuses is tried again later.
        library.set_lock_wait(LOCK_WAIT)?;
        let session = Session::new(library);
        let series = open.or(session.saved_selection()).map(|k| k.series);
        let mut catalog = Catalog::load_first(session.library(), series)?;
        // A large series starts from its newest issues, the rest read
        // after the first frame; unless the start is not among them.
        if !catalog.is_complete() && !catalog.serves_start(open.or(session.saved_selection())) {
            catalog = session.load_whole(catalog.series())?;
        }
        let fetcher = session
            .library()
            .fetcher(&crate::fetch::FetchOptions::default());
        let mut app = App {
            detail: DetailPane::new(DetailDoc::empty(&ui)),
            status: StatusLine::new(&ui),
            charts: Charts::new(&catalog.weeks, catalog.series()),
            ui,
            catalog,
            list: ListPane::default(),
            focus: Focus::List,
            help: HelpPane::default(),
            brief: BriefPane::default(),
            prompt: Prompt::None,
            search: None,
            panes: Panes::default(),
            quit: false,
            session,
            fetching: Fetching::new(fetcher),
            updating: Updating::default(),
            images: Pictures::default(),
            opener: Box::new(|url| super::browser::open_in_browser(None, url)),
            clipboard: None,
            notes: NoteEditor::default(),
            shelf: Shelf::default(),
            search_budget: SEARCH_BUDGET,
            start: None,
            max_gap_weeks: crate::trend::compare::MAX_GAP_WEEKS,
        };
        app.list.rebuild(&app.catalog, None);
        app.greet();
        app.say_if_behind();
        if app.session.read_only() && app.status.message.is_none() {
            app.status.set_message(app.ui.say(Screen::ReadOnlyMarks));
        }
        // A double issue's second number (第41期 of 第40、41期) opens it.
        let resolve = |k: IssueKey| app.catalog.resolve(k);
        let unknown_open = open.filter(|k| resolve(*k).is_none());
        let start = open
            .and_then(resolve)
            .or(app.session.saved_selection().and_then(resolve))
            .or(app.catalog.opening());
        // Shown at the first size (`resize`): wrapping and charts need it.
        app.start = start;
        if let Some(key) = unknown_open {
            app.status.set_error(app.ui.say(Screen::NotInCache(key)));
        }
        Ok(app)
    }

    /// The start-up line: what arrived since the last session. Nothing on
    /// the first session, when there is nothing to compare with.
    fn greet(&mut self) {
        let visit = match self.session.since_last_visit() {
            Ok(Some(visit)) => visit,
            Ok(None) => return,
            Err(e) => {
                let error = Screen::CannotReadLastSession(Box::new(e.message()));
                return self.status.set_error(self.ui.say(error));
            }
        };
        let when = visit.ended.map(|t| {
            let local = t.with_timezone(&chrono::Local);
            local.format("%Y-%m-%d").to_string()
        });
        // The library lists them newest first.
        let mut new = visit.new_issues;
        new.reverse();
        self.status
            .set_message(self.ui.say(Screen::Greeting { new, when }));
    }

    /// The start-up line when the cache is behind: how far, and what to do
    /// (`R`, `F`). It says more than the greeting, which it replaces.
    fn say_if_behind(&mut self) {
        let (keys, lang) = (&self.ui.keys, self.ui.lang);
        let (update, fetch) = (keys.label_of("update", lang), keys.label_of("fetch", lang));
        if let Some(notice) =
            super::state::updating::behind_notice(&self.catalog.summaries, &update, &fetch)
        {
            self.status.notice(&self.ui, &notice);
        }
    }

    /// Fetches (`F`) and updates (`R`) with the config's `[fetch]`
    /// settings from now on.
    pub fn set_fetch_options(&mut self, options: &crate::fetch::FetchOptions) {
        let fetcher = self.session.library().fetcher(options);
        self.fetching.set_fetcher(fetcher);
        self.updating.set_fetch_options(options.clone());
    }

    /// Whether `F` and `R` download the pictures of the issues they store
    /// (the config's `[fetch] images`).
    pub fn set_fetch_images(&mut self, images: bool) {
        self.fetching.set_images(images);
        self.updating.set_images(images);
    }

    /// The feeds `R` updates, and what to do around an update; with
    /// `update_on_start`, the update starts now, as the TUI opens (never
    /// on a library that is no file: the demo stays off the network).
    pub fn set_feeds(&mut self, settings: FeedSettings) {
        let start = settings.update_on_start;
        self.updating.configure(settings);
        if start && self.session.library().cache_path().is_some() {
            self.start_update();
        }
    }

    /// `R`: starts updating every configured feed in the background,
    /// unless `F`'s fetch or another update runs; the status line says
    /// which, or why it does not start.
    pub fn start_update(&mut self) {
        if let Some(busy) = self.fetching.busy().or_else(|| self.images.busy()) {
            return self.status.set_message(self.ui.say(busy));
        }
        let cache = self.session.library().cache_path();
        let read_only = self.session.read_only();
        let said = self.updating.start(cache, read_only, self.ui.lang);
        self.status.notice(&self.ui, &said);
    }

    /// Replaces the fetcher `F` uses (None: fetching is off, as in the demo).
    pub fn set_fetcher(&mut self, fetcher: Option<Arc<dyn PageFetcher>>) {
        self.fetching.set_fetcher(fetcher);
    }

    /// How many calendar weeks back the detail pane still headlines a
    /// change (the config's `[compare] max_gap_weeks`); the shown issue is
    /// compared again.
    pub fn set_max_gap_weeks(&mut self, weeks: u32) {
        self.max_gap_weeks = weeks;
        if let Some(target) = self.detail.current.clone() {
            let scroll = self.detail.scroll;
            self.show(target);
            self.detail.scroll_to(scroll);
        }
    }

    /// Replaces how `o` opens URLs (tests record instead of starting a browser).
    pub fn set_url_opener(&mut self, opener: UrlOpener) {
        self.opener = opener;
    }

    /// Sets what one update may spend on searching, in issues scanned (see
    /// `SEARCH_BUDGET`); a dearer search waits for typing to pause. Tests
    /// set a small budget to make a small library behave like a large one.
    pub fn set_search_budget(&mut self, issues_scanned: usize) {
        self.search_budget = issues_scanned;
    }

    /// What one update may spend on searching, in issues scanned.
    pub fn search_budget(&self) -> usize {
        self.search_budget
    }

    /// How long the event loop may wait for input before it should send
    /// `RunPendingSearch`; None when no search is pending.
    pub fn search_wait(&self) -> Option<Duration> {
        self.search.as_ref()?.wait()
    }

    /// How long the event loop may wait for input before polling the fetch.
    pub fn fetch_wait(&self) -> Option<Duration> {
        self.fetching.wait()
    }

    pub fn is_fetching(&self) -> bool {
        self.fetching.is_running()
    }

    /// How long the event loop may wait for input before polling the
    /// feed update (or `on_new` after it).
    pub fn update_wait(&self) -> Option<Duration> {
        self.updating.wait()
    }

    pub fn is_updating(&self) -> bool {
        self.updating.is_running()
    }

    /// A fetch, a feed update or a picture download of this session runs:
    /// the cache changes under the list because of it, not of another
    /// process.
    pub fn works_in_background(&self) -> bool {
        self.updating.is_running() || self.fetching.is_running() || self.images.is_fetching()
    }

    /// The issues this session's updates brought in full for the first
    /// time (the list marks them).
    pub fn new_this_session(&self) -> &std::collections::HashSet<IssueKey> {
        self.updating.new_issues()
    }

    pub fn library(&self) -> &dyn Library {
        self.session.library()
    }

    /// The brief overlay (`b`), to read: the App keeps twelve public
    /// fields, and only `update` and `draw` reach the overlay itself.
    pub fn brief(&self) -> &BriefPane {
        &self.brief
    }

    /// Read marks shown but not yet written: the cache was busy.
    pub fn unsaved_marks(&self) -> &[(IssueKey, bool)] {
        self.session.unsaved_marks()
    }

    /// The library's generation the shown list was loaded at.
    pub fn loaded_generation(&self) -> i64 {
        self.session.generation()
    }

    /// What went wrong while quitting, in the session's language.
    pub fn take_exit_errors(&mut self) -> Vec<String> {
        self.session.take_exit_errors()
    }

    /// The outside editor `e` runs on the note (`tui::run` gives it
    /// `$VISUAL` or `$EDITOR`); None, as tests start: the one-line editor.
    pub fn set_editor(&mut self, editor: Option<crate::tui::editor::EditorCommand>) {
        self.notes.set_editor(editor);
    }

    /// The run of the outside editor `e` asked for, once: the event loop
    /// runs it, since it owns the terminal the editor borrows.
    pub fn take_editor_request(&mut self) -> Option<EditRequest> {
        self.notes.take_request()
    }

    /// The copy `y` asked for, once: the event loop writes it.
    pub fn take_clipboard_request(&mut self) -> Option<String> {
        self.clipboard.take()
    }

    /// The key of the issue the detail pane shows.
    pub fn current_key(&self) -> Option<IssueKey> {
        self.detail.current_key()
    }

    /// What keys mean now, from what is open: the help over everything,
    /// else the brief, else a prompt, else the chart view, else browsing.
    pub fn mode(&self) -> InputMode {
        if self.help.open {
            return InputMode::Help;
        }
        if self.brief.open {
            return InputMode::Brief;
        }
        match self.prompt.mode() {
            Some(mode) => mode,
            None if self.charts.view.open => InputMode::Chart,
            None if self.images.is_open() => InputMode::Image,
            None => InputMode::Normal,
        }
    }

    /// Whether the list's cursor row holds the issue the detail pane shows.
    pub fn cursor_on_shown(&self) -> bool {
        self.list.cursor_on(self.current_key())
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        let screen = Rect::new(0, 0, width, height);
        if screen == self.panes.screen && self.start.is_none() {
            return;
        }
        self.lay_out(screen);
    }

    /// Places the panes on `screen` for the series shown (the chart pane
    /// has a row per headline figure) and fits what they show to them.
    fn lay_out(&mut self, screen: Rect) {
        self.panes = layout::panes_for(screen, self.catalog.series().headline().len());
        self.list.area = self.panes.list;
        self.detail.area = self.panes.detail;
        self.help.fit(screen, &self.ui);
        self.brief.fit(screen, &self.ui);
        self.images.fit(layout::image_view(&self.panes).1);
        self.show_picture();
        if let Some(key) = self.start.take() {
            // The first size: show the start issue, wrapped and charted at
            // it, mid-list so the weeks around it show too.
            self.detail.fit_width();
            self.show(Target::Issue(key));
            self.list.centre_on_cursor();
            return;
        }
        self.detail.fit_width();
        self.list.keep_selection_visible();
        self.refresh_charts();
    }

    /// Lays out what shows of the charts for the shown issue. After every
    /// change of selection, size, series or view setting, so drawing only
    /// reads them.
    pub fn refresh_charts(&mut self) {
        let selected = self.current_key();
        let (screen, pane) = (self.panes.screen, self.panes.chart);
        self.charts
            .refresh(&self.catalog.weeks, selected, screen, pane, &self.ui);
    }

    /// Rebuilds what follows the mode and focus when they changed: the
    /// status line's hints, and the detail's rows (the selected 近期回顾
    /// line in full); after every update, so drawing only reads them.
    pub fn sync_hints(&mut self) {
        self.detail.sync_selected(self.focus == Focus::Links);
        let links = !self.detail.doc.links.is_empty();
        let (mode, focus) = (self.mode(), self.focus);
        self.status.sync_hints(&self.ui, mode, focus, links);
    }

    /// Switches the UI's language, redrawing the shown issue in it.
    pub fn set_language(&mut self, lang: crate::i18n::Lang) {
        self.ui.lang = lang;
        if let Some(target) = self.detail.current.clone() {
            let scroll = self.detail.scroll;
            self.show(target);
            self.detail.scroll_to(scroll);
        }
    }

    /// Shows `target` in the detail pane and moves the list cursor to it,
    /// or to where it would be when the filter hides it. Does not touch the
    /// history.
    pub fn show(&mut self, target: Target) {
        // A link, `:`, the same-week line or the history into another
        // series shows that series first.
        let key = match &target {
            Target::Issue(k) => Some(*k),
            Target::Reference(r) => r.key,
        };
        if let Some(series) = key.map(|k| k.series).filter(|s| *s != self.series()) {
            if self.bring_series(series).is_none() {
                return;
            }
        }
        let target = match target {
            // 第41期 of 第40、41期 is 第40期's page.
            Target::Issue(key) => Target::Issue(self.catalog.resolve(key).unwrap_or(key)),
            other => other,
        };
        let doc = match &target {
            Target::Issue(key) => self.doc_for_key(*key, None),
            Target::Reference(r) => match r.key {
                Some(key) => self.doc_for_key(key, Some(r)),
                None => DetailDoc::from_reference(r, &self.ui),
            },
        };
        if let Some(key) = doc.key {
            self.list.place_cursor(key);
        }
        self.detail.open(target, doc);
        if self.focus == Focus::Links && !self.detail.has_items() {
            self.focus = Focus::Detail;
        }
        self.refresh_charts();
    }

    fn doc_for_key(&mut self, key: IssueKey, reference: Option<&LinkTarget>) -> DetailDoc {
        match self.session.library().detail(key) {
            Ok(Some(d)) => {
                // Once per selection, never per frame.
                let weeks = &self.catalog.weeks;
                let figures = &d.summary.figures;
                let comparisons =
                    IssueComparisons::compute_within(weeks, key, figures, self.max_gap_weeks);
                // A count the cache cannot give leaves the plain note.
                let empty = if d.summary.cached {
                    0
                } else {
                    self.session.library().empty_copies(key).unwrap_or(0)
                };
                let same_week = self.same_week(&d.summary);
                // Without the list (a busy cache), the chart lines are
                // the addresses alone.
                let images = self.session.library().detail_images(key, &d.images);
                let images = images.unwrap_or_default();
                DetailDoc::from_detail_noting(
                    &d,
                    &comparisons,
                    empty,
                    &same_week,
                    &images,
                    &self.ui,
                )
            }
            Ok(None) => match self.catalog.get(key) {
                Some(s) => DetailDoc::from_summary(s, &self.ui),
                None => {
                    let target = reference.cloned().unwrap_or(LinkTarget {
                        key: Some(key),
                        title: self.ui.say(Screen::FallbackTitle(key)),
                        url: None,
                        cached: false,
                    });
                    DetailDoc::from_reference(&target, &self.ui)
                }
            },
            Err(e) => {
                let error = Box::new(e.message());
                self.status
                    .set_error(self.ui.say(Screen::CannotLoad { key, error }));
                DetailDoc::empty(&self.ui)
            }
        }
    }

    /// `f`: the next filter, and what the status line says of it; the
    /// detail then shows what the list selects (`show_what_the_list_selects`).
    pub fn cycle_filter(&mut self) -> crate::i18n::Msg {
        // A filter that listed nothing cleared the detail: the issue shown
        // before it is where the cursor goes back to.
        let anchor = self.current_key().or(self.detail.cleared_key());
        let note = self.list.cycle_filter(&self.catalog, anchor);
        self.show_what_the_list_selects();
        note
    }

    /// After the filter is applied (chosen, or everything marked read):
    /// an issue the filter hides gives way to the cursor's row (where it
    /// would be), or to the list's empty note, so the unread filter never
    /// leaves a read issue in the detail with no row selected. Only a
    /// link, `:`, `[`/`]` or a search show an issue the list hides.
    pub fn show_what_the_list_selects(&mut self) {
        // With no issue shown (a filter that listed none, passed on the
        // way round), the cursor's row comes back whatever the filter.
        let shown = self.current_key().is_some();
        if shown && (self.list.filter == ListFilter::All || self.cursor_on_shown()) {
            return;
        }
        match self.list.row_key(self.list.selected) {
            Some(key) => self.show(Target::Issue(key)),
            None => {
                let label = self.ui.keys.label_of("filter", self.ui.lang);
                let empty = self.list.filter.empty_text(label);
                self.detail.clear(DetailDoc::said(empty, &self.ui));
                self.refresh_charts();
            }
        }
    }

    /// Moves the list cursor to row `i` (clamped) and shows that issue.
    pub fn select_row(&mut self, i: usize) {
        let Some(key) = self.list.select(i) else {
            return;
        };
        let shown = matches!(self.detail.current, Some(Target::Issue(k)) if k == key);
        if !shown {
            self.show(Target::Issue(key));
        }
    }

    /// Shows `key`, through the list when it has it.
    pub fn select_key(&mut self, key: IssueKey) {
        match self.list.row_of(key) {
            Ok(row) => self.select_row(row),
            Err(_) => self.show(Target::Issue(key)),
        }
    }

    /// The issue after (`newer`) or before the shown one in key order, even
    /// when the shown one is not in the list.
    pub fn step_issue(&mut self, newer: bool) {
        let Some(key) = self.current_key() else {
            return;
        };
        match self.catalog.step(key, newer) {
            Some(k) => self.select_key(k),
            None => {
                let end = if newer {
                    Screen::NewestIssue
                } else {
                    Screen::OldestIssue
                };
                self.status.set_message(self.ui.say(end));
            }
        }
    }

    /// Follows the `n`-th (0-based) 近期回顾 line: by issue key first, by URL
    /// second; records the history like a browser.
    pub fn follow(&mut self, n: usize) {
        let Some(link) = self.detail.doc.links.get(n).cloned() else {
            return self
                .status
                .set_error(self.ui.say(Screen::NoLinkLine(n + 1)));
        };
        let key = match (link.key, &link.url) {
            (Some(k), _) => Some(k),
            (None, Some(url)) => match self.session.library().key_for_url(url) {
                Ok(k) => k,
                Err(e) => {
                    let error = Screen::CannotLookUpLink(Box::new(e.message()));
                    return self.status.set_error(self.ui.say(error));
                }
            },
            (None, None) => None,
        };
        let target = match key {
            Some(k) if self.catalog.contains(k) => Target::Issue(k),
            _ => Target::Reference(LinkTarget { key, ..link }),
        };
        self.go_to(target);
    }

    /// Shows `target` and opens it, recording where the reader was in the
    /// history like a browser: following a link, `:`.
    pub fn go_to(&mut self, target: Target) {
        self.detail.leave(self.focus);
        self.show(target);
        self.mark_opened();
    }

    fn revisit(&mut self, visit: Visit) {
        self.show(visit.target);
        self.return_to(visit.scroll, visit.link, visit.focus);
    }

    /// Back to a place in the shown document: its scroll, the selected
    /// line and the focus (not the links when it has none).
    fn return_to(&mut self, scroll: usize, link: usize, focus: Focus) {
        self.detail.return_to(scroll, link);
        if focus != Focus::Links || self.detail.has_items() {
            self.focus = focus;
        }
    }

    pub fn go_back(&mut self) {
        match self.detail.back(self.focus) {
            Some(visit) => self.revisit(visit),
            None => self.status.set_message(self.ui.say(Screen::NoEarlierPage)),
        }
    }

    pub fn go_forward(&mut self) {
        match self.detail.forward(self.focus) {
            Some(visit) => self.revisit(visit),
            None => self.status.set_message(self.ui.say(Screen::NoLaterPage)),
        }
    }

    /// Where the reader is, for a search to come back to.
    pub fn saved_view(&self) -> Saved {
        Saved {
            list_selected: self.list.selected,
            list_offset: self.list.offset,
            current: self.detail.current.clone(),
            scroll: self.detail.scroll,
        }
    }

    /// Back to where a search began.
    pub fn restore(&mut self, saved: Saved) {
        if self.detail.current != saved.current {
            if let Some(t) = saved.current {
                self.show(t);
            }
        }
        self.list.return_to(saved.list_selected, saved.list_offset);
        self.detail.scroll_to(saved.scroll);
    }
}
