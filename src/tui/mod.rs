//! The interactive browser: a list of issues, the selected issue's detail
//! and weekly charts, and a full-screen chart of one figure (`c`). One flow
//! per input: event → `Action` (action.rs) → `update` (update.rs) → `draw`,
//! which only reads the `App`. A pause in typing is an input too: it
//! becomes `Action::RunPendingSearch`.
//!
//! State and input live here (app, action, keymap, update and the flows
//! they drive: review, search, open); what draws lives in `view/`, which
//! reads the state and never changes it.

pub mod action;
pub mod app;
pub mod fetch;
pub mod keymap;
pub mod library;
pub mod open;
pub mod review;
pub mod search;
pub mod terminal;
pub mod update;
pub mod view;

// The widgets keep their short paths (`tui::detail`, `tui::chart` ...).
pub use view::{
    chart, chart_axis, chart_plot, chart_view, detail, help, layout, list, status, theme, wrap,
};

use std::io;
use std::time::Duration;

use anyhow::Context;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event;
use ratatui::layout::Rect;
use ratatui::Frame;
use ratatui::Terminal;

pub use action::{Action, Focus, InputMode};
pub use app::App;
pub use library::{LastVisit, Library, LibraryError, MemoryLibrary};
pub use update::update;

use crate::model::IssueKey;

/// Runs the TUI until the user quits. `open` selects that issue at start;
/// otherwise the last selected one, else the newest.
pub fn run(library: impl Library + 'static, open: Option<IssueKey>) -> anyhow::Result<()> {
    require_terminal()?;
    let mut app = App::new(Box::new(library), open)
        .map_err(|e| anyhow::anyhow!("cannot read the cache: {e}"))?;
    let guard = terminal::TerminalGuard::enter().context("cannot set up the terminal")?;
    let result = event_loop(&mut app);
    drop(guard);
    // Remember the selection even when the loop failed: the next start
    // should come back to the same issue.
    app.persist_selection();
    app.end_session();
    result
}

/// Refuses to start, without writing a byte to stdout, when stdin or
/// stdout is not a terminal (`zhoubao > file`, a pipe, a cron job).
pub fn require_terminal() -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let not = match (io::stdin().is_terminal(), io::stdout().is_terminal()) {
        (true, true) => return Ok(()),
        (false, false) => "stdin and stdout are not one",
        (false, true) => "stdin is not one",
        (true, false) => "stdout is not one",
    };
    anyhow::bail!("the browser needs a terminal ({not}); try `zhoubao list` for text")
}

/// How long input must be idle before the cache is checked for changes.
const REFRESH_EVERY: Duration = Duration::from_secs(1);

fn event_loop(app: &mut App) -> anyhow::Result<()> {
    let mut term = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let size = term.size()?;
    update(app, Action::Resize(size.width, size.height));
    // Test hook: ZHOUBAO_TEST_PANIC=1 panics after the first frame so an
    // end-to-end test can check the terminal is restored on panic.
    let panic_for_test = std::env::var_os("ZHOUBAO_TEST_PANIC").is_some_and(|v| v == "1");
    while !app.quit {
        // `y` only recorded the copy; the terminal layer sends it, between
        // frames, so the sequence never lands inside a drawn line.
        if let Some(url) = app.take_clipboard_request() {
            if let Err(e) = open::write_clipboard(term.backend_mut(), &url) {
                app.set_error(format!("cannot copy to the clipboard: {e}"));
            }
        }
        term.draw(|frame| draw(frame, app))?;
        if panic_for_test {
            panic!("ZHOUBAO_TEST_PANIC=1: deliberate panic after the first frame");
        }
        // A deferred search waits for typing to pause, then runs a slice
        // per pass, so a key pressed meanwhile is read between slices.
        // When idle, look now and then whether an import in another
        // process changed the cache.
        // While a fetch runs, its news is looked for every tick.
        let search_wait = app.search_wait();
        let fetch_wait = app.fetch_wait();
        let wait = [search_wait, fetch_wait]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(REFRESH_EVERY);
        if event::poll(wait)? {
            handle(app, &event::read()?);
        } else if search_wait.is_some() {
            update(app, Action::RunPendingSearch);
        } else if fetch_wait.is_some() {
            update(app, Action::PollFetch);
        } else {
            update(app, Action::Refresh);
        }
        // Apply queued input (a held key, a burst of wheel events) before
        // the next frame so drawing never falls behind typing.
        while !app.quit && event::poll(Duration::ZERO)? {
            handle(app, &event::read()?);
        }
    }
    Ok(())
}

fn handle(app: &mut App, event: &event::Event) {
    if let Some(action) = action::map_event(event, app.mode, app.focus) {
        update(app, action);
    }
}

/// Draws the whole screen from the app state.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = layout::panes(area);
    let buf = frame.buffer_mut();
    if panes.too_small {
        draw_too_small(area, buf);
        return;
    }
    use ratatui::widgets::Widget;
    if app.chart_view.open {
        chart_view::ChartScreen {
            view: &app.chart_view,
        }
        .render(area, buf);
        status::StatusView { app }.render(panes.status, buf);
        draw_help(app, area, buf);
        return;
    }
    list::ListView {
        summaries: &app.summaries,
        rows: &app.list_rows,
        selected: app.list_selected,
        highlight: app.cursor_on_shown(),
        offset: app.list_offset,
        focused: app.focus == Focus::List,
        unread: app.unread,
        filter: app.filter,
    }
    .render(panes.list, buf);
    let detail_title = match app.current_key() {
        Some(k) => format!(" 详情 {k} "),
        None => " 详情 ".to_string(),
    };
    detail::DetailView {
        doc: &app.doc,
        rows: &app.rows,
        rows_width: app.rows_width,
        scroll: app.detail_scroll,
        selected_link: (app.focus == Focus::Links).then_some(app.link_selected),
        focused: app.focus != Focus::List,
        title: detail_title,
        highlight: app.search.as_ref().map(|s| s.query.as_str()),
    }
    .render(panes.detail, buf);
    if let Some(chart_area) = panes.chart {
        chart::ChartPane { chart: &app.chart }.render(chart_area, buf);
    }
    status::StatusView { app }.render(panes.status, buf);
    draw_help(app, area, buf);
}

/// The help overlay, over whichever screen is showing.
fn draw_help(app: &App, area: Rect, buf: &mut ratatui::buffer::Buffer) {
    use ratatui::widgets::Widget;
    if app.mode == InputMode::Help {
        help::HelpView {
            scroll: app.help_scroll,
        }
        .render(area, buf);
    }
}

fn draw_too_small(area: Rect, buf: &mut ratatui::buffer::Buffer) {
    if area.is_empty() {
        return;
    }
    let message = format!(
        "terminal too small: {}x{}, need {}x{}",
        area.width,
        area.height,
        layout::MIN_WIDTH,
        layout::MIN_HEIGHT
    );
    let cells = usize::from(area.width);
    let text = wrap::truncate(&message, cells);
    let x = area.x + u16::try_from(cells.saturating_sub(wrap::width(&text)) / 2).unwrap_or(0);
    buf.set_stringn(x, area.y + area.height / 2, text, cells, theme::error());
}
