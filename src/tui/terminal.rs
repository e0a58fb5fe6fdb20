//! Puts the terminal into TUI mode and guarantees it comes back: a guard
//! restores on drop (quit and error paths); a panic on the UI thread
//! restores before the previous hook prints, so its message lands on a
//! sane screen, while a panic on a worker thread (a fetch) leaves the
//! terminal alone and prints nothing over the screen (the worker reports
//! it on the status line); every catchable signal that would end the
//! process restores it first and then ends it by that signal; Ctrl-Z,
//! SIGTSTP, SIGTTIN and SIGTTOU suspend it like any full-screen program
//! and resume it fully redrawn (signals.rs says which); `hand_over` lends
//! it to the note's editor the same way. A terminal that
//! vanishes without a SIGHUP reaching us ends the process too (see
//! [`watch_hangup`]).
//!
//! The modes: raw input, the alternate screen, mouse reporting and
//! bracketed paste (a paste arrives as one event, never as keys).

use std::io::{self, Write};
use std::panic::{self, PanicHookInfo};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, TryLockError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT};
use signal_hook::iterator::{Handle, Signals};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::queue;
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};

use super::signals;

type PanicHook = dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static;

/// Whether the terminal is in TUI mode, so restoring twice is harmless.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Set when the guard is dropped: a suspended TUI that is continued
/// after that does not take the terminal back.
static ENDED: AtomicBool = AtomicBool::new(false);

/// Set when the screen was left (a suspension): the next frame clears
/// and draws everything, since ratatui only sends what changed.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// Set while the terminal is lent to the editor: Ctrl-C and Ctrl-\\ there
/// are the editor's (the whole foreground group gets them), as `git
/// commit` ignores them while its editor runs.
static LENT: AtomicBool = AtomicBool::new(false);

/// Held while a frame is drawn, and while the TUI is suspended: a frame
/// never lands on the shell's screen, nor a suspension in mid-frame.
static FRAME: Mutex<()> = Mutex::new(());

/// How long a suspension waits for the frame being drawn to end.
const FRAME_WAIT: Duration = Duration::from_millis(200);

pub struct TerminalGuard {
    previous_hook: Arc<PanicHook>,
    signals: Option<(Handle, JoinHandle<()>)>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        let previous_hook: Arc<PanicHook> = Arc::from(panic::take_hook());
        let chained = Arc::clone(&previous_hook);
        let ui_thread = std::thread::current().id();
        panic::set_hook(Box::new(move |info| {
            // A worker's panic is its own to report (as an error on the
            // status line); printed here it would land on the TUI's
            // screen, and restoring would leave the UI running on a
            // cooked terminal.
            if std::thread::current().id() != ui_thread && ACTIVE.load(Ordering::SeqCst) {
                return;
            }
            restore();
            chained(info);
        }));
        ENDED.store(false, Ordering::SeqCst);
        // Listening before the terminal changes: a signal at any moment
        // after this finds a restorer.
        let signals = watch_signals()?;
        let guard = TerminalGuard {
            previous_hook,
            signals: Some(signals),
        };
        enter_modes()?;
        watch_hangup();
        Ok(guard)
    }
}

/// Raw mode and the screen modes; `ACTIVE` from just before, so a signal
/// arriving half-way restores what was set.
fn enter_modes() -> io::Result<()> {
    ACTIVE.store(true, Ordering::SeqCst);
    enable_raw_mode()?;
    write_now(&enter_sequence())
}

/// A thread that waits for the signals signals.rs lists: an ending one
/// restores the terminal and ends the process by that signal, so the shell
/// sees "terminated" (exit status 128 + signal) as it would without
/// zhoubao's terminal handling; a stopping one suspends.
fn watch_signals() -> io::Result<(Handle, JoinHandle<()>)> {
    signals::watch_continue()?;
    let mut watched = signals::ending();
    watched.extend(signals::SUSPENDING);
    let mut signals = Signals::new(watched)?;
    let handle = signals.handle();
    let thread = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if signals::SUSPENDING.contains(&signal) {
                    suspend();
                    continue;
                }
                if LENT.load(Ordering::SeqCst) && [SIGINT, SIGQUIT].contains(&signal) {
                    continue;
                }
                // Waits for a frame in progress, so nothing is drawn after
                // the restore; never released: the process ends.
                let _frame = frame_lock();
                restore_now();
                signals::die_by(signal);
            }
        })?;
    Ok((handle, thread))
}

/// Leaves the terminal as the shell had it, stops (the whole process
/// group, as the shell expects of a job), and once continued in the
/// foreground takes the terminal back, to be drawn again whole. Runs on
/// the signal thread for SIGTSTP and friends, and on the UI thread for
/// Ctrl-Z (raw mode makes it a key).
pub fn suspend() {
    let frame = frame_lock();
    let was_active = ACTIVE.load(Ordering::SeqCst);
    // In the background the terminal is not ours to change (trying
    // would stop us with SIGTTOU, over and over).
    if signals::is_foreground() {
        restore_now();
    }
    signals::stop_until_foreground();
    if was_active && !ENDED.load(Ordering::SeqCst) {
        let _ = enter_modes();
        REDRAW.store(true, Ordering::SeqCst);
    }
    drop(frame);
    signals::wake_event_loop();
}

/// Lends the terminal to a program (the note's editor) as `git commit`
/// does: the TUI's modes left, the program run by `run` and waited for,
/// then the modes taken back and the next frame drawn whole, whatever
/// `run` came to.
pub fn hand_over<T>(run: impl FnOnce() -> T) -> T {
    let was_active = ACTIVE.load(Ordering::SeqCst);
    restore();
    LENT.store(true, Ordering::SeqCst);
    let result = run();
    LENT.store(false, Ordering::SeqCst);
    if was_active && !ENDED.load(Ordering::SeqCst) {
        // Taken back even when the editor broke the terminal's settings:
        // raw mode is set afresh, not restored from before.
        let _ = enter_modes();
        REDRAW.store(true, Ordering::SeqCst);
    }
    result
}

/// The frame lock, for drawing: blocks while the TUI is suspended.
pub fn frame() -> MutexGuard<'static, ()> {
    FRAME.lock().unwrap_or_else(|p| p.into_inner())
}

/// Whether the screen must be cleared and drawn whole before the next
/// frame (it was left and taken back); asking clears the request.
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// The frame lock for the signal thread: waits for a frame in progress,
/// but not for ever (a frame blocked on a stuck terminal must not keep
/// the process from ending or stopping).
fn frame_lock() -> Option<MutexGuard<'static, ()>> {
    let deadline = Instant::now() + FRAME_WAIT;
    loop {
        match FRAME.try_lock() {
            Ok(guard) => return Some(guard),
            Err(TryLockError::Poisoned(p)) => return Some(p.into_inner()),
            Err(TryLockError::WouldBlock) if Instant::now() >= deadline => return None,
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(2)),
        }
    }
}

/// How often the hang-up watch looks at the terminal.
#[cfg(unix)]
const HANGUP_CHECK: std::time::Duration = std::time::Duration::from_secs(1);

/// crossterm 0.29 spins inside `event::poll`, never returning, once its
/// terminal is gone (the pty's other end closed, e.g. a killed tmux pane
/// whose SIGHUP went to another process group: crossterm-rs/crossterm#793).
/// So a thread asks poll(2) about stdin now and then, without reading from
/// it, and ends the process as a hang-up would when the terminal reports
/// hang-up or error.
#[cfg(unix)]
fn watch_hangup() {
    let watch = std::thread::Builder::new().name("hangup".into()).spawn(|| {
        while !ENDED.load(Ordering::SeqCst) {
            std::thread::sleep(HANGUP_CHECK);
            if ACTIVE.load(Ordering::SeqCst) && terminal_gone() {
                restore_now();
                signals::die_by(SIGHUP);
            }
        }
    });
    // Without the watch the TUI still works; it only loses this rescue.
    drop(watch);
}

#[cfg(not(unix))]
fn watch_hangup() {}

/// Whether stdin, the terminal the TUI reads, has hung up.
#[cfg(unix)]
fn terminal_gone() -> bool {
    use rustix::event::{poll, PollFd, PollFlags, Timespec};
    let stdin = io::stdin();
    let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
    let now = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    match poll(&mut fds, Some(&now)) {
        Ok(_) => fds[0]
            .revents()
            .intersects(PollFlags::HUP | PollFlags::ERR | PollFlags::NVAL),
        Err(_) => false,
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        ENDED.store(true, Ordering::SeqCst);
        restore();
        if let Some((handle, thread)) = self.signals.take() {
            handle.close();
            let _ = thread.join();
        }
        // set_hook panics on a panicking thread; the hook stays chained then,
        // which is harmless because restore() is idempotent.
        if !std::thread::panicking() {
            let previous = Arc::clone(&self.previous_hook);
            panic::set_hook(Box::new(move |info| previous(info)));
        }
    }
}

/// Leaves raw mode, the alternate screen, mouse reporting and bracketed
/// paste; errors are ignored because there is nothing better to do while
/// leaving.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let mut out = io::stdout();
        let _ = out.write_all(&leave_sequence());
        let _ = out.flush();
    }
}

/// [`restore`] from another thread while the drawing thread may hold
/// stdout's lock (or be blocked in the middle of a frame): the sequence
/// goes straight to the file descriptor, past the lock and the buffer.
fn restore_now() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = disable_raw_mode();
        let _ = write_now(&leave_sequence());
    }
}

/// Writes to stdout's file descriptor directly, past the lock and buffer
/// of `io::stdout()` (which the drawing thread may hold).
fn write_now(bytes: &[u8]) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::fd::AsFd;
        let mut rest = bytes;
        while !rest.is_empty() {
            match rustix::io::write(io::stdout().as_fd(), rest) {
                Ok(0) => return Err(io::ErrorKind::WriteZero.into()),
                Ok(n) => rest = &rest[n..],
                Err(rustix::io::Errno::INTR) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(())
    }
    #[cfg(not(unix))]
    {
        let mut out = io::stdout();
        out.write_all(bytes)?;
        out.flush()
    }
}

fn enter_sequence() -> Vec<u8> {
    let mut bytes = Vec::new();
    let _ = queue!(
        bytes,
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste
    );
    bytes
}

fn leave_sequence() -> Vec<u8> {
    // CAN ends an escape sequence that a signal cut in half, so the
    // terminal reads what follows as the commands they are.
    let mut bytes = b"\x18".to_vec();
    let _ = queue!(
        bytes,
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    bytes
}
