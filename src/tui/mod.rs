//! The interactive browser: a list of issues, the selected issue's detail
//! and weekly charts, and a full-screen chart of one figure (`c`). One flow
//! per input: event → `Action` (action.rs) → `update` (update.rs) → `draw`,
//! which only reads the `App`. A pause in typing is an input too: it
//! becomes `Action::RunPendingSearch` (the loop and its timers are in
//! app_loop.rs).
//!
//! State and input live here (app, action, keys and keymap, update and the
//! flows they drive: review, search, open); what draws lives in `view/`,
//! which reads the state and never changes it. The language, theme and
//! key map the user chose travel together as a [`Ui`].

pub mod action;
pub mod app;
pub mod app_loop;
pub mod browser;
pub mod fetch;
mod fetch_state;
pub mod filter;
pub mod keymap;
pub mod keys;
pub mod library;
pub mod open;
pub mod paste;
pub mod review;
pub mod search;
pub mod search_state;
pub mod signals;
pub mod target;
pub mod terminal;
pub mod ui;
pub mod update;
pub mod view;

// The widgets keep their short paths (`tui::detail`, `tui::chart` ...).
pub use view::{
    chart, chart_axis, chart_plot, chart_view, detail, help, layout, list, status, theme, wrap,
};

use std::io;

use anyhow::Context;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::Frame;
use ratatui::Terminal;

pub use action::{Action, Focus, InputMode};
pub use app::App;
pub use keymap::KeyMap;
pub use library::{LastVisit, Library, LibraryError, MemoryLibrary};
pub use ui::{Options, Ui};
pub use update::update;

use crate::i18n::Tui;
use crate::model::IssueKey;

/// Runs the TUI until the user quits. `open` selects that issue at start;
/// otherwise the last selected one, else the newest.
pub fn run(
    library: impl Library + 'static,
    open: Option<IssueKey>,
    options: Options,
) -> anyhow::Result<()> {
    let Options { ui, browser, fetch } = options;
    let lang = ui.lang;
    require_terminal(lang)?;
    let mut app = App::with_ui(Box::new(library), open, ui).map_err(|e| {
        anyhow::anyhow!("{}", Tui::CannotReadCache(Box::new(e.message())).text(lang))
    })?;
    app.set_fetch_options(&fetch);
    if browser.is_some() {
        app.set_url_opener(Box::new(move |url| {
            browser::open_in_browser(browser.as_deref(), url)
        }));
    }
    let guard = terminal::TerminalGuard::enter()
        .with_context(|| Tui::CannotSetUpTerminal.text(lang).into_owned())?;
    let result = event_loop(&mut app);
    drop(guard);
    // Remember the marks and the selection even when the loop failed: the
    // next start should come back to the same issue.
    app.finish_session();
    for failed in app.take_exit_errors() {
        eprintln!("zhoubao: {failed}");
    }
    result
}

/// Refuses to start, without writing a byte to stdout, when stdin or
/// stdout is not a terminal (`zhoubao > file`, a pipe, a cron job).
pub fn require_terminal(lang: crate::i18n::Lang) -> anyhow::Result<()> {
    use std::io::IsTerminal;
    let (stdin, stdout) = (io::stdin().is_terminal(), io::stdout().is_terminal());
    if stdin && stdout {
        return Ok(());
    }
    anyhow::bail!("{}", Tui::NeedsTerminal { stdin, stdout }.text(lang))
}

fn event_loop(app: &mut App) -> anyhow::Result<()> {
    let mut frontend = app_loop::Terminal {
        term: Terminal::new(CrosstermBackend::new(io::stdout()))?,
        panic_after_draw: std::env::var_os("ZHOUBAO_TEST_PANIC").is_some_and(|v| v == "1"),
    };
    Ok(app_loop::run_loop(app, &mut frontend)?)
}

/// Draws the whole screen from the app state.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let panes = layout::panes(area);
    let buf = frame.buffer_mut();
    let (ui, theme) = (&app.ui, &app.ui.theme);
    if panes.too_small {
        draw_too_small(area, buf, ui);
        return;
    }
    use ratatui::widgets::Widget;
    if app.chart_view.open {
        chart_view::ChartScreen {
            view: &app.chart_view,
            theme,
            lang: ui.lang,
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
        empty: ui.say(if app.summaries.is_empty() {
            Tui::EmptyCache
        } else {
            app.filter.empty_text(ui.keys.label_of("filter", ui.lang))
        }),
        theme,
        lang: ui.lang,
    }
    .render(panes.list, buf);
    let detail_title = ui.say(Tui::DetailTitle(app.current_key()));
    detail::DetailView {
        doc: &app.doc,
        rows: &app.rows,
        rows_width: app.rows_width,
        scroll: app.detail_scroll,
        selected_link: (app.focus == Focus::Links).then_some(app.link_selected),
        focused: app.focus != Focus::List,
        title: detail_title,
        highlight: app.search.as_ref().map(|s| s.query.as_str()),
        theme,
    }
    .render(panes.detail, buf);
    if let Some(chart_area) = panes.chart {
        chart::ChartPane {
            chart: &app.chart,
            theme,
            empty: ui.say(Tui::NoFiguresYet),
        }
        .render(chart_area, buf);
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
            layout: &app.help,
            theme: &app.ui.theme,
            lang: app.ui.lang,
        }
        .render(area, buf);
    }
}

/// Says the terminal is too small, whole at any size: the longest form
/// that fits without cutting a word, wrapped and centred.
fn draw_too_small(area: Rect, buf: &mut ratatui::buffer::Buffer, ui: &Ui) {
    if area.is_empty() {
        return;
    }
    let (min_width, min_height) = (layout::MIN_WIDTH, layout::MIN_HEIGHT);
    let forms = [
        ui.say(Tui::TooSmall {
            width: area.width,
            height: area.height,
            min_width,
            min_height,
        }),
        ui.say(Tui::TooSmallShort {
            min_width,
            min_height,
        }),
        format!("{min_width}x{min_height}"),
    ];
    let cells = usize::from(area.width);
    let rows = usize::from(area.height);
    let lines = too_small_lines(&forms, cells, rows);
    let top = area.y + u16::try_from(rows.saturating_sub(lines.len()) / 2).unwrap_or(0);
    for (y, line) in (top..area.bottom()).zip(&lines) {
        let x = area.x + u16::try_from(cells.saturating_sub(wrap::width(line)) / 2).unwrap_or(0);
        buf.set_stringn(x, y, line, cells, ui.theme.error);
    }
}

/// The first form whose wrapped rows fit `rows` without splitting a Latin
/// word or number; else the last form broken anywhere; else cut.
fn too_small_lines(forms: &[String], cells: usize, rows: usize) -> Vec<String> {
    let whole_words = |text: &str, lines: &[String]| {
        text.split(|c: char| !c.is_ascii_alphanumeric() && c != '.')
            .filter(|w| !w.is_empty())
            .all(|w| lines.iter().any(|l| l.contains(w)))
    };
    for form in forms {
        let lines = wrap::wrap(form, cells);
        if lines.len() <= rows && whole_words(form, &lines) {
            return lines;
        }
    }
    let last = forms.last().map(String::as_str).unwrap_or_default();
    let lines = wrap::wrap(last, cells);
    if lines.len() <= rows {
        return lines;
    }
    vec![wrap::truncate(last, cells)]
}
