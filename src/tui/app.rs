//! The TUI's state and the navigation it supports: what is selected, what
//! the detail pane shows, the followed-link history and the search (the
//! review flow, filter and prompts are in review.rs; `o` and `y` in
//! open.rs; reloads, read marks and the session in app/session.rs).
//! Loading and wrapping happen here, when the selection or the size
//! changes, so drawing only reads.

use std::collections::HashMap;

use ratatui::layout::Rect;

use super::action::{Focus, InputMode};
use super::fetch_state::FetchSlot;
use super::filter::{ListFilter, Question};
use super::library::{is_busy, Library, LibraryError};
use super::search_state::{SearchState, SEARCH_BUDGET};
pub use super::target::Target;
use super::ui::Ui;
use super::view::chart::PaneChart;
use super::view::chart_view::ChartViewState;
use super::view::detail::{DetailDoc, LinkTarget, Row};
use super::view::help::HelpLayout;
use super::view::layout::{self, Panes};
use super::view::status::StatusHints;
use crate::i18n::Screen;
use crate::model::{IssueKey, IssueSummary};
use crate::trend::{IssueComparisons, WeekSeries};

mod session;

/// How long the TUI's reads and writes wait for another process's lock.
pub const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(200);

/// A history entry: where the reader was, down to the scroll position and
/// the selected link, so going back lands where they left.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Visit {
    target: Target,
    scroll: usize,
    link: usize,
    focus: Focus,
}

/// A message for the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// Opens a URL outside the TUI; replaceable so tests never start a browser.
pub type UrlOpener = Box<dyn FnMut(&str) -> Result<(), super::browser::OpenError>>;

pub struct App {
    library: Box<dyn Library>,
    /// The language, theme and key map of this session.
    pub ui: Ui,
    /// Every known issue, newest first, whatever the list filter shows.
    pub summaries: Vec<IssueSummary>,
    pub(super) index: HashMap<IssueKey, usize>,
    /// What the list shows: indices into `summaries`, ascending (so newest
    /// first). `list_selected` and `list_offset` count these rows.
    pub list_rows: Vec<usize>,
    pub filter: ListFilter,
    /// Cached issues not read, over every issue (not only the shown rows).
    pub unread: usize,
    /// The chart pane, laid out for the selection and the size.
    pub chart: PaneChart,
    /// The chart view (`c`): what it shows and its plot.
    pub chart_view: ChartViewState,
    /// Every known issue on the calendar of weeks: what comparisons and
    /// charts are computed from (never the filtered list).
    pub weeks: WeekSeries,
    /// The whole terminal, for overlays.
    pub screen: Rect,
    pub panes: Panes,
    pub list_selected: usize,
    pub list_offset: usize,
    pub current: Option<Target>,
    pub doc: DetailDoc,
    pub rows: Vec<Row>,
    pub rows_width: usize,
    pub detail_scroll: usize,
    pub link_selected: usize,
    pub focus: Focus,
    pub mode: InputMode,
    pub help_scroll: usize,
    /// What the `:` prompt holds while typing.
    pub goto_input: String,
    /// The y/n question the status line asks.
    pub question: Option<Question>,
    /// A URL `y` asked to copy; the event loop writes the OSC 52 sequence.
    pub(super) clipboard_request: Option<String>,
    session_ended: bool,
    pub search: Option<SearchState>,
    /// What one update may spend on searching; see `search::SEARCH_BUDGET`.
    pub(super) search_budget: usize,
    back: Vec<Visit>,
    forward: Vec<Visit>,
    pub status: Option<Status>,
    pub quit: bool,
    pub(super) opener: UrlOpener,
    saved_selection: Option<IssueKey>,
    /// The library's generation when the summaries were loaded.
    generation: i64,
    /// `F`: the fetcher and the fetch under way (fetch.rs).
    pub(super) fetch: FetchSlot,
    /// Read marks a busy cache refused, written on a later check.
    unsaved_marks: Vec<(IssueKey, bool)>,
    /// The issue to show once the screen has a size.
    start: Option<IssueKey>,
    /// The help overlay laid out for the screen.
    pub help: HelpLayout,
    /// The status line's key hints for the mode, focus and shown issue.
    pub hints: StatusHints,
    /// How many times the charts were laid out: once per change.
    charts_laid_out: u64,
    /// Failures while quitting, printed after the terminal is restored.
    exit_errors: Vec<String>,
}

impl App {
    /// [`App::with_ui`] with the default language, theme and keys.
    pub fn new(library: Box<dyn Library>, open: Option<IssueKey>) -> Result<App, LibraryError> {
        App::with_ui(library, open, Ui::default())
    }

    /// Loads the summaries once and selects `open`, else the last selected
    /// issue, else the newest cached one (the newest issues are often known
    /// only by reference), else the newest. Call `resize` before drawing.
    pub fn with_ui(
        library: Box<dyn Library>,
        open: Option<IssueKey>,
        ui: Ui,
    ) -> Result<App, LibraryError> {
        // A short lock wait: an import holding the lock must never freeze
        // the screen; what the lock refuses is tried again later.
        library.set_lock_wait(LOCK_WAIT)?;
        let (summaries, index, weeks) = load(library.as_ref())?;
        let generation = library.generation().unwrap_or(0);
        // Not remembering the last issue is no reason to refuse to start.
        let saved_selection = library.last_selected().unwrap_or(None);
        let fetch = FetchSlot::new(library.fetcher(&crate::fetch::FetchOptions::default()));
        let doc = DetailDoc::empty(&ui);
        let hints = StatusHints::new(&ui, InputMode::Normal, Focus::List, false);
        let mut app = App {
            library,
            ui,
            summaries,
            index,
            list_rows: Vec::new(),
            filter: ListFilter::All,
            unread: 0,
            chart: PaneChart::new(&weeks),
            chart_view: ChartViewState::default(),
            weeks,
            screen: Rect::default(),
            panes: Panes::default(),
            list_selected: 0,
            list_offset: 0,
            current: None,
            doc,
            rows: Vec::new(),
            rows_width: 0,
            detail_scroll: 0,
            link_selected: 0,
            focus: Focus::List,
            mode: InputMode::Normal,
            help_scroll: 0,
            goto_input: String::new(),
            question: None,
            clipboard_request: None,
            session_ended: false,
            search: None,
            search_budget: SEARCH_BUDGET,
            back: Vec::new(),
            forward: Vec::new(),
            status: None,
            quit: false,
            opener: Box::new(|url| super::browser::open_in_browser(None, url)),
            saved_selection,
            generation,
            fetch,
            unsaved_marks: Vec::new(),
            start: None,
            help: HelpLayout::default(),
            hints,
            charts_laid_out: 0,
            exit_errors: Vec::new(),
        };
        app.rebuild_rows();
        app.greet();
        if app.library.read_only() && app.status.is_none() {
            app.set_message(app.ui.say(Screen::ReadOnlyMarks));
        }
        let unknown_open = open.filter(|k| !app.index.contains_key(k));
        let start = open
            .filter(|k| app.index.contains_key(k))
            .or(saved_selection.filter(|k| app.index.contains_key(k)))
            .or(app.summaries.iter().find(|s| s.cached).map(|s| s.key))
            .or(app.summaries.first().map(|s| s.key));
        // Shown at the first size (`resize`): wrapping and charts need it.
        app.start = start;
        if let Some(key) = unknown_open {
            app.set_error(app.ui.say(Screen::NotInCache(key)));
        }
        Ok(app)
    }

    /// Fetches (`F`) with the config's `[fetch]` settings from now on.
    pub fn set_fetch_options(&mut self, options: &crate::fetch::FetchOptions) {
        self.fetch = FetchSlot::new(self.library.fetcher(options));
    }

    /// Replaces how `o` opens URLs (tests record instead of starting a browser).
    pub fn set_url_opener(&mut self, opener: UrlOpener) {
        self.opener = opener;
    }

    pub fn library(&self) -> &dyn Library {
        self.library.as_ref()
    }

    pub fn current_key(&self) -> Option<IssueKey> {
        match &self.current {
            Some(Target::Issue(k)) => Some(*k),
            Some(Target::Reference(r)) => r.key,
            None => None,
        }
    }

    pub fn history_len(&self) -> (usize, usize) {
        (self.back.len(), self.forward.len())
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        let screen = Rect::new(0, 0, width, height);
        if screen == self.screen && self.start.is_none() {
            return;
        }
        self.screen = screen;
        self.panes = layout::panes(self.screen);
        self.help = HelpLayout::new(self.screen, &self.ui);
        let wrap_width = usize::from(layout::inner(self.panes.detail).width);
        if let Some(key) = self.start.take() {
            // The first size: show the start issue, wrapped and charted at
            // it, mid-list so the weeks around it show too.
            self.rows_width = wrap_width;
            self.show(Target::Issue(key));
            self.list_offset = self.list_selected.saturating_sub(self.list_height() / 2);
            self.keep_list_selection_visible();
            return;
        }
        if wrap_width != self.rows_width {
            self.rows = self.doc.wrap(wrap_width);
            self.rows_width = wrap_width;
        }
        self.clamp_scroll();
        self.keep_list_selection_visible();
        self.refresh_charts();
    }

    /// Lays out what shows of the charts for the shown issue: the chart
    /// view's plot while it is open, else the chart pane (hidden under the
    /// view, it is laid out when the view closes). After every change of
    /// selection, size, series or view setting, so drawing only reads them.
    pub fn refresh_charts(&mut self) {
        self.charts_laid_out += 1;
        let selected = self.current_key();
        let lang = self.ui.lang;
        if self.chart_view.open {
            self.chart.layout = None;
            let theme = &self.ui.theme;
            self.chart_view
                .refresh(&self.weeks, selected, self.screen, theme, lang);
        } else {
            self.chart
                .update(&self.weeks, selected, self.panes.chart, lang);
        }
    }

    /// How many times the charts have been laid out (see `refresh_charts`).
    pub fn charts_laid_out(&self) -> u64 {
        self.charts_laid_out
    }

    /// Rebuilds the status line's hints when what they depend on changed:
    /// after every update, so drawing only reads them.
    pub fn sync_hints(&mut self) {
        let links = !self.doc.links.is_empty();
        let h = &self.hints;
        if (h.mode, h.focus, h.links) != (self.mode, self.focus, links) {
            self.hints = StatusHints::new(&self.ui, self.mode, self.focus, links);
        }
    }

    pub fn list_height(&self) -> usize {
        usize::from(layout::inner(self.panes.list).height)
    }

    pub fn detail_height(&self) -> usize {
        usize::from(layout::inner(self.panes.detail).height)
    }

    pub(super) fn keep_list_selection_visible(&mut self) {
        let h = self.list_height().max(1);
        if self.list_selected < self.list_offset {
            self.list_offset = self.list_selected;
        } else if self.list_selected >= self.list_offset + h {
            self.list_offset = self.list_selected + 1 - h;
        }
        // Never leave empty rows below the last issue while earlier ones are hidden.
        self.list_offset = self.list_offset.min(self.list_rows.len().saturating_sub(h));
    }

    pub fn max_scroll(&self) -> usize {
        self.rows.len().saturating_sub(self.detail_height())
    }

    pub fn clamp_scroll(&mut self) {
        self.detail_scroll = self.detail_scroll.min(self.max_scroll());
    }

    pub fn set_error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    /// Switches the UI's language, redrawing the shown issue in it.
    pub fn set_language(&mut self, lang: crate::i18n::Lang) {
        self.ui.lang = lang;
        if let Some(target) = self.current.clone() {
            let scroll = self.detail_scroll;
            self.show(target);
            self.detail_scroll = scroll;
            self.clamp_scroll();
        }
    }

    pub fn set_message(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    /// Shows `target` in the detail pane and moves the list cursor to it,
    /// or to where it would be when the filter hides it. Does not touch the
    /// history.
    pub fn show(&mut self, target: Target) {
        let doc = match &target {
            Target::Issue(key) => self.doc_for_key(*key, None),
            Target::Reference(r) => match r.key {
                Some(key) => self.doc_for_key(key, Some(r)),
                None => DetailDoc::from_reference(r, &self.ui),
            },
        };
        if let Some(key) = doc.key {
            self.place_cursor(key);
        }
        self.doc = doc;
        self.rows = self.doc.wrap(self.rows_width);
        self.detail_scroll = 0;
        self.link_selected = self.doc.first_link_item();
        self.current = Some(target);
        if self.focus == Focus::Links && self.doc.items.is_empty() {
            self.focus = Focus::Detail;
        }
        self.refresh_charts();
    }

    fn doc_for_key(&mut self, key: IssueKey, reference: Option<&LinkTarget>) -> DetailDoc {
        match self.library.detail(key) {
            Ok(Some(d)) => {
                // Once per selection, never per frame.
                let comparisons = IssueComparisons::compute(&self.weeks, key, &d.summary.figures);
                DetailDoc::from_detail(&d, &comparisons, &self.ui)
            }
            Ok(None) => match self.index.get(&key).and_then(|&i| self.summaries.get(i)) {
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
                self.set_error(self.ui.say(Screen::CannotLoad {
                    key,
                    error: Box::new(e.message()),
                }));
                DetailDoc::empty(&self.ui)
            }
        }
    }

    /// Moves the list cursor to row `i` (clamped) and shows that issue.
    pub fn select_row(&mut self, i: usize) {
        let Some(last) = self.list_rows.len().checked_sub(1) else {
            return;
        };
        let i = i.min(last);
        self.list_selected = i;
        self.keep_list_selection_visible();
        if let Some(key) = self.row_key(i) {
            if self.current_key() != Some(key) || !matches!(self.current, Some(Target::Issue(_))) {
                self.show(Target::Issue(key));
            }
        }
    }

    /// Shows `key`, through the list when it has it.
    pub fn select_key(&mut self, key: IssueKey) {
        match self.row_of(key) {
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
        let next = if newer {
            let i = self.summaries.partition_point(|s| s.key > key);
            i.checked_sub(1).and_then(|i| self.summaries.get(i))
        } else {
            let i = self.summaries.partition_point(|s| s.key >= key);
            self.summaries.get(i)
        };
        match next.map(|s| s.key) {
            Some(k) => self.select_key(k),
            None => self.set_message(self.ui.say(if newer {
                Screen::NewestIssue
            } else {
                Screen::OldestIssue
            })),
        }
    }

    /// Follows the `n`-th (0-based) 近期回顾 line: by issue key first, by URL
    /// second; records the history like a browser.
    pub fn follow(&mut self, n: usize) {
        let Some(link) = self.doc.links.get(n).cloned() else {
            self.set_error(self.ui.say(Screen::NoLinkLine(n + 1)));
            return;
        };
        let key = match (link.key, &link.url) {
            (Some(k), _) => Some(k),
            (None, Some(url)) => match self.library.key_for_url(url) {
                Ok(k) => k,
                Err(e) => {
                    self.set_error(self.ui.say(Screen::CannotLookUpLink(Box::new(e.message()))));
                    return;
                }
            },
            (None, None) => None,
        };
        let target = match key {
            Some(k) if self.index.contains_key(&k) => Target::Issue(k),
            _ => Target::Reference(LinkTarget { key, ..link }),
        };
        self.go_to(target);
    }

    /// Shows `target` and opens it, recording where the reader was in the
    /// history like a browser: following a link, `:`.
    pub(super) fn go_to(&mut self, target: Target) {
        if let Some(here) = self.here() {
            self.back.push(here);
        }
        self.forward.clear();
        self.show(target);
        self.mark_opened();
    }

    fn here(&self) -> Option<Visit> {
        self.current.clone().map(|target| Visit {
            target,
            scroll: self.detail_scroll,
            link: self.link_selected,
            focus: self.focus,
        })
    }

    fn revisit(&mut self, visit: Visit) {
        self.show(visit.target);
        self.detail_scroll = visit.scroll;
        self.clamp_scroll();
        self.link_selected = visit.link.min(self.doc.items.len().saturating_sub(1));
        if visit.focus != Focus::Links || !self.doc.items.is_empty() {
            self.focus = visit.focus;
        }
    }

    pub fn go_back(&mut self) {
        match self.back.pop() {
            Some(visit) => {
                if let Some(here) = self.here() {
                    self.forward.push(here);
                }
                self.revisit(visit);
            }
            None => self.set_message(self.ui.say(Screen::NoEarlierPage)),
        }
    }

    pub fn go_forward(&mut self) {
        match self.forward.pop() {
            Some(visit) => {
                if let Some(here) = self.here() {
                    self.back.push(here);
                }
                self.revisit(visit);
            }
            None => self.set_message(self.ui.say(Screen::NoLaterPage)),
        }
    }
}

type Loaded = (Vec<IssueSummary>, HashMap<IssueKey, usize>, WeekSeries);

/// The summaries in list order (newest first), their rows by key, and the
/// week series: everything the list and charts draw from.
fn load(library: &dyn Library) -> Result<Loaded, LibraryError> {
    let mut summaries = library.summaries()?;
    summaries.sort_by_key(|s| std::cmp::Reverse(s.key));
    summaries.dedup_by_key(|s| s.key);
    let index = summaries
        .iter()
        .enumerate()
        .map(|(i, s)| (s.key, i))
        .collect();
    let weeks = WeekSeries::build(&summaries);
    Ok((summaries, index, weeks))
}
