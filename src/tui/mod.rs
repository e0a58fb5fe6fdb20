//! The interactive browser: a list of issues, the selected issue's detail
//! and weekly charts, and a full-screen chart of one figure (`c`). One flow
//! per input: event → key map (keymap/) → `Action` (action.rs) → `update`
//! (update.rs) → the state's owners (state/) → `draw` (draw.rs), which only
//! reads the `App`. A pause in typing is an input too: it becomes
//! `Action::RunPendingSearch` (the loop and its timers are in app_loop.rs).
//!
//! Three rooms: input (action, keys, keymap, update, app_loop), state (app
//! and state/: one owner per piece, with the methods that change it) and
//! view (widgets that take props, never the App); draw.rs puts the state
//! into the widgets. The language, theme and key map the user chose
//! travel together as a [`ui::Ui`]. ARCHITECTURE.md has the map.

pub mod action;
pub mod app;
pub mod app_loop;
pub mod browser;
pub mod draw;
pub mod editor;
pub mod fetcher;
pub mod keymap;
pub mod keys;
pub mod library;
pub mod paste;
pub mod signals;
pub mod state;
pub mod terminal;
pub mod ui;
pub mod update;
pub mod view;

use std::io::{self, Write};

use anyhow::Context;
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use app::App;
use library::Library;
use ui::Options;

use crate::i18n::Screen;
use crate::model::IssueKey;

/// Runs the TUI until the user quits. `open` selects that issue at start;
/// otherwise the last selected one, else the newest.
pub fn run(
    library: impl Library + 'static,
    open: Option<IssueKey>,
    options: Options,
) -> anyhow::Result<()> {
    let Options {
        ui,
        browser,
        fetch,
        images,
        feeds,
        max_gap_weeks,
    } = options;
    let lang = ui.lang;
    require_terminal(lang)?;
    let mut app = App::with_ui(Box::new(library), open, ui).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            Screen::CannotReadCache(Box::new(e.message())).text(lang)
        )
    })?;
    app.set_fetch_options(&fetch);
    app.set_editor(editor::EditorCommand::from_env());
    app.set_fetch_images(images);
    if let Some(weeks) = max_gap_weeks {
        app.set_max_gap_weeks(weeks);
    }
    // With update_on_start this starts the update: its thread only
    // writes to the cache, never to the terminal set up below.
    app.set_feeds(feeds);
    if browser.is_some() {
        app.set_url_opener(Box::new(move |url| {
            browser::open_in_browser(browser.as_deref(), url)
        }));
    }
    let guard = terminal::TerminalGuard::enter()
        .with_context(|| Screen::CannotSetUpTerminal.text(lang).into_owned())?;
    // Asked once, when the image view first opens: in raw mode on the
    // alternate screen (the answer comes on stdin, and the query must not
    // show), between two events, so the first screen never waits for it.
    app.images
        .ask_when_first_opened(crate::images::render::detect_picker);
    let result = event_loop(&mut app);
    drop(guard);
    // Remember the marks and the selection even when the loop failed: the
    // next start should come back to the same issue.
    app.finish_session();
    for failed in app.take_exit_errors() {
        let _ = writeln!(std::io::stderr(), "zhoubao: {failed}");
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
    anyhow::bail!("{}", Screen::NeedsTerminal { stdin, stdout }.text(lang))
}

fn event_loop(app: &mut App) -> anyhow::Result<()> {
    let mut frontend = app_loop::Terminal {
        term: Terminal::new(CrosstermBackend::new(io::stdout()))?,
        panic_after_draw: std::env::var_os("ZHOUBAO_TEST_PANIC").is_some_and(|v| v == "1"),
        graphics: None,
    };
    Ok(app_loop::run_loop(app, &mut frontend)?)
}
