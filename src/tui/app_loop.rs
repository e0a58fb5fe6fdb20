//! The event loop: input and timers become Actions, and the screen is drawn
//! again only when something changed. Periodic work (a deferred search
//! after a pause in typing, a running fetch's or feed update's news, the
//! check for another process's import) runs from due times checked on every pass, so a stream
//! of input (mouse motion with any-motion reporting, a held key) cannot
//! starve it. What the loop reads from and draws on is a [`Frontend`], so
//! tests drive it with a script of events and a clock of their own.
//!
//! Characters typed into a prompt faster than frames are drawn (a paste
//! in a terminal without bracketed paste, a held key) are applied as one
//! edit per frame: one search for the lot, not one per character, which
//! for a long paste would cost seconds.

use std::io;
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self, Event};

use super::action::Action;
use super::app::App;
use super::editor::{Edited, EditorCommand};
use super::update::update;

/// How often the cache is checked for another process's changes.
pub const REFRESH_EVERY: Duration = Duration::from_secs(1);

/// Most queued events applied between two frames: a held key or a burst
/// of wheel events is applied before drawing, but never so many that the
/// timers wait for the queue to empty.
const DRAIN_AT_MOST: usize = 64;

/// Characters typed into a prompt count apart: each only waits in a
/// string for the burst's one edit, so a frame may gather this many.
const TYPED_AT_MOST: usize = 4096;

/// While characters are arriving faster than anyone types (a paste
/// without bracketed paste), the loop waits this long for the next before
/// drawing: the burst becomes a few edits, not one per chunk the terminal
/// happened to write. Typing by hand, keys are tens of milliseconds apart.
const BURST_GAP: Duration = Duration::from_millis(3);

/// What the loop reads input from, draws on and tells the time by: the
/// terminal, or a test's script.
pub trait Frontend {
    fn now(&self) -> Instant;
    /// Whether an event is ready within `timeout`.
    fn poll(&mut self, timeout: Duration) -> io::Result<bool>;
    fn read(&mut self) -> io::Result<Event>;
    /// The terminal's size, columns then rows.
    fn size(&mut self) -> io::Result<(u16, u16)>;
    fn draw(&mut self, app: &App) -> io::Result<()>;
    /// Sends the OSC 52 sequence that copies `text`, between frames.
    fn copy(&mut self, text: &str) -> io::Result<()>;
    /// `e`: runs the note's outside editor; the terminal lends it the
    /// screen and takes it back, drawn whole.
    fn edit(&mut self, editor: &EditorCommand, note: &str) -> Edited {
        editor.edit(note)
    }
    /// Ctrl-Z: gives the terminal back until the job is continued, then
    /// takes it back; the next frame is drawn whole.
    fn suspend(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// When each piece of periodic work is next due.
struct Timers {
    /// The last edit of the search query: a deferred search waits for a
    /// pause after it.
    typed: Instant,
    /// The last look at a running fetch's news (or its start).
    fetch: Option<Instant>,
    /// The last look at a running feed update's news (or its start).
    update: Option<Instant>,
    /// The last look at the image worker's pictures and the image view's
    /// download (or when either began).
    images: Option<Instant>,
    /// The last check for another process's changes.
    refresh: Instant,
}

impl Timers {
    fn new(now: Instant) -> Timers {
        Timers {
            typed: now,
            fetch: None,
            update: None,
            images: None,
            refresh: now,
        }
    }

    /// The earliest due time: what the loop may wait for input until.
    fn next(&mut self, app: &App, now: Instant) -> Instant {
        let search = app.search_wait().map(|w| self.typed + w);
        if app.fetch_wait().is_none() {
            self.fetch = None;
        } else if self.fetch.is_none() {
            self.fetch = Some(now);
        }
        let fetch = self.fetch.zip(app.fetch_wait()).map(|(at, w)| at + w);
        if app.update_wait().is_none() {
            self.update = None;
        } else if self.update.is_none() {
            self.update = Some(now);
        }
        let update = self.update.zip(app.update_wait()).map(|(at, w)| at + w);
        if app.images.wait().is_none() {
            self.images = None;
        } else if self.images.is_none() {
            self.images = Some(now);
        }
        let images = self.images.zip(app.images.wait()).map(|(at, w)| at + w);
        [search, fetch, update, images]
            .into_iter()
            .flatten()
            .fold(self.refresh + REFRESH_EVERY, Instant::min)
    }

    /// Runs whatever is due at `now`; true when the screen may have changed.
    fn run_due(&mut self, app: &mut App, now: Instant) -> bool {
        let mut changed = false;
        if app.search_wait().is_some_and(|w| self.typed + w <= now) {
            update(app, Action::RunPendingSearch);
            changed = true;
        }
        if let Some(w) = app.fetch_wait() {
            if self.fetch.is_some_and(|at| at + w <= now) {
                update(app, Action::PollFetch);
                self.fetch = Some(now);
                changed = true;
            }
        }
        if let Some(w) = app.update_wait() {
            if self.update.is_some_and(|at| at + w <= now) {
                update(app, Action::PollUpdate);
                self.update = Some(now);
                changed = true;
            }
        }
        if let Some(w) = app.images.wait() {
            if self.images.is_some_and(|at| at + w <= now) {
                update(app, Action::PollImages);
                self.images = Some(now);
                changed = true;
            }
        }
        if self.refresh + REFRESH_EVERY <= now {
            self.refresh = now;
            let before = (app.loaded_generation(), app.status.message.clone());
            update(app, Action::Refresh);
            changed |= (app.loaded_generation(), app.status.message.clone()) != before;
        }
        changed
    }
}

/// Characters typed into the open prompt, not applied yet.
#[derive(Default)]
struct Typed(String);

impl Typed {
    /// Applies what was typed as one edit; true when there was any.
    fn flush(&mut self, app: &mut App, timers: &mut Timers, now: Instant) -> bool {
        if self.0.is_empty() {
            return false;
        }
        timers.typed = now;
        update(app, Action::Paste(std::mem::take(&mut self.0)));
        true
    }
}

/// Maps one event to an action and applies it (a typed character waits in
/// `typed` for the rest of the burst); true when it did anything.
fn handle(
    app: &mut App,
    event: &Event,
    timers: &mut Timers,
    typed: &mut Typed,
    frontend: &mut impl Frontend,
) -> io::Result<bool> {
    let Some(action) = app.ui.keys.event(event, app.mode(), app.focus) else {
        return Ok(false);
    };
    let now = frontend.now();
    if let Action::SearchInput(c) | Action::GotoInput(c) | Action::NoteInput(c) = action {
        typed.0.push(c);
        return Ok(true);
    }
    typed.flush(app, timers, now);
    if matches!(action, Action::SearchBackspace | Action::Paste(_)) {
        timers.typed = now;
    }
    if action == Action::Suspend {
        frontend.suspend()?;
    }
    update(app, action);
    Ok(true)
}

/// Runs the app on `frontend` until the user quits. The first frame is
/// drawn at the frontend's size, laid out before anything is shown.
pub fn run_loop(app: &mut App, frontend: &mut impl Frontend) -> io::Result<()> {
    let (width, height) = frontend.size()?;
    update(app, Action::Resize(width, height));
    let mut timers = Timers::new(frontend.now());
    let mut typed = Typed::default();
    let mut dirty = true;
    while !app.quit {
        // `y` only recorded the copy; the sequence is sent between frames
        // so it never lands inside a drawn line.
        if let Some(url) = app.take_clipboard_request() {
            if let Err(e) = frontend.copy(&url) {
                let why = Box::new(crate::i18n::Os::of(&e).into());
                let error = app.ui.say(crate::i18n::Screen::CannotCopy(why));
                app.status.set_error(error);
                dirty = true;
            }
        }
        // `e` only asked for the editor; it runs here, between frames,
        // since the loop owns the terminal it borrows.
        if let Some(request) = app.take_editor_request() {
            let edited = frontend.edit(&request.editor, &request.note);
            app.note_edited(request, edited);
            dirty = true;
        }
        if dirty {
            frontend.draw(app)?;
            dirty = false;
            // The first frame drew a large series' newest issues: the rest
            // now, before any key is read.
            if !app.catalog.is_complete() {
                update(app, Action::CompleteCatalog);
                dirty = true;
            }
        }
        let now = frontend.now();
        let due = timers.next(app, now);
        if frontend.poll(due.saturating_duration_since(now))? {
            let event = frontend.read()?;
            dirty |= handle(app, &event, &mut timers, &mut typed, frontend)?;
            // Apply queued input before the next frame so drawing never
            // falls behind typing, but not past a due timer.
            let mut drained = 0;
            while !app.quit
                && drained < DRAIN_AT_MOST
                && typed.0.len() < TYPED_AT_MOST
                && frontend.now() < due
                && frontend.poll(if typed.0.is_empty() {
                    Duration::ZERO
                } else {
                    BURST_GAP
                })?
            {
                let event = frontend.read()?;
                let before = typed.0.len();
                dirty |= handle(app, &event, &mut timers, &mut typed, frontend)?;
                if typed.0.len() == before {
                    drained += 1;
                }
            }
            dirty |= typed.flush(app, &mut timers, frontend.now());
        }
        if !app.quit {
            dirty |= timers.run_due(app, frontend.now());
        }
    }
    Ok(())
}

/// The real terminal, through crossterm.
pub struct Terminal<W: io::Write> {
    pub term: ratatui::Terminal<ratatui::backend::CrosstermBackend<W>>,
    /// Test hook: ZHOUBAO_TEST_PANIC=1 panics after the first frame so an
    /// end-to-end test can check the terminal is restored on panic.
    pub panic_after_draw: bool,
    /// The picture a sixel or iTerm2 terminal showed over the cells after
    /// the last frame, and where (`Pictures::graphics_on_screen`).
    pub graphics: Option<(String, ratatui::layout::Rect)>,
}

impl<W: io::Write> Frontend for Terminal<W> {
    fn now(&self) -> Instant {
        Instant::now()
    }

    fn poll(&mut self, timeout: Duration) -> io::Result<bool> {
        event::poll(timeout)
    }

    fn read(&mut self) -> io::Result<Event> {
        event::read()
    }

    fn size(&mut self) -> io::Result<(u16, u16)> {
        let size = self.term.size()?;
        Ok((size.width, size.height))
    }

    fn draw(&mut self, app: &App) -> io::Result<()> {
        // Waits while the TUI is suspended: never a frame on the shell's
        // screen.
        let _frame = super::terminal::frame();
        // A sixel or iTerm2 picture is drawn over the cells, which ratatui
        // skips; when it goes or moves, only clearing the screen takes it
        // away where the next frame writes nothing new.
        let graphics = app.images.graphics_on_screen(app.help.open);
        let gone = self.graphics.is_some() && graphics != self.graphics;
        self.graphics = graphics;
        if super::terminal::take_redraw() || gone {
            self.term.clear()?;
        }
        self.term.draw(|frame| super::draw::draw(frame, app))?;
        if self.panic_after_draw {
            panic!("ZHOUBAO_TEST_PANIC=1: deliberate panic after the first frame");
        }
        Ok(())
    }

    fn copy(&mut self, text: &str) -> io::Result<()> {
        super::browser::write_clipboard(self.term.backend_mut(), text)
    }

    fn suspend(&mut self) -> io::Result<()> {
        super::terminal::suspend();
        Ok(())
    }

    fn edit(&mut self, editor: &EditorCommand, note: &str) -> Edited {
        super::terminal::hand_over(|| editor.edit(note))
    }
}
