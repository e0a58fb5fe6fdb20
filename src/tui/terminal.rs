//! Puts the terminal into TUI mode and guarantees it comes back: a guard
//! restores on drop (quit and error paths), a panic hook restores before
//! the previous hook prints, so a panic message lands on a sane screen, and
//! SIGTERM, SIGHUP and SIGINT restore it before the process ends as that
//! signal would have ended it. A terminal that vanishes without a SIGHUP
//! reaching us ends the process too (see [`watch_hangup`]).

use std::io::{self, Write};
use std::panic::{self, PanicHookInfo};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread::JoinHandle;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::{Handle, Signals};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    disable_raw_mode, enable_raw_mode, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{execute, queue};

type PanicHook = dyn Fn(&PanicHookInfo<'_>) + Sync + Send + 'static;

/// Whether the terminal is in TUI mode, so restoring twice is harmless.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// The signals that end a TUI from outside: `kill`, a closed terminal
/// window, `kill -INT` (Ctrl-C itself is a key in raw mode).
const ENDING_SIGNALS: [i32; 3] = [SIGTERM, SIGHUP, SIGINT];

pub struct TerminalGuard {
    previous_hook: Arc<PanicHook>,
    signals: Option<(Handle, JoinHandle<()>)>,
}

impl TerminalGuard {
    pub fn enter() -> io::Result<TerminalGuard> {
        let previous_hook: Arc<PanicHook> = Arc::from(panic::take_hook());
        let chained = Arc::clone(&previous_hook);
        panic::set_hook(Box::new(move |info| {
            restore();
            chained(info);
        }));
        // Listening before the terminal changes: a signal at any moment
        // after this finds a restorer.
        let signals = watch_signals()?;
        let guard = TerminalGuard {
            previous_hook,
            signals: Some(signals),
        };
        ACTIVE.store(true, Ordering::SeqCst);
        enable_raw_mode()?;
        execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
        watch_hangup();
        Ok(guard)
    }
}

/// A thread that waits for an ending signal, restores the terminal and
/// ends the process with that signal's default action, so the shell sees
/// "terminated" (exit status 128 + signal) as it would without zhoubao's
/// terminal handling.
fn watch_signals() -> io::Result<(Handle, JoinHandle<()>)> {
    let mut signals = Signals::new(ENDING_SIGNALS)?;
    let handle = signals.handle();
    let thread = std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            let Some(signal) = signals.forever().next() else {
                return;
            };
            restore_now();
            // Ends the process at once, as the signal would have: no
            // unwinding, no flush of a half-written frame after the restore.
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        })?;
    Ok((handle, thread))
}

/// How often the hang-up watch looks at the terminal.
#[cfg(unix)]
const HANGUP_CHECK: std::time::Duration = std::time::Duration::from_secs(1);

/// crossterm 0.29 spins at full speed inside `event::poll`, never
/// returning, once its terminal is gone (the pty's other end closed, e.g. a
/// killed tmux pane whose SIGHUP went to another process group:
/// crossterm-rs/crossterm#793). So a thread asks poll(2) about stdin now
/// and then, without reading from it, and ends the process as a hang-up
/// would when the terminal reports hang-up or error.
#[cfg(unix)]
fn watch_hangup() {
    let watch = std::thread::Builder::new().name("hangup".into()).spawn(|| {
        while ACTIVE.load(Ordering::SeqCst) {
            std::thread::sleep(HANGUP_CHECK);
            if terminal_gone() {
                restore_now();
                std::process::exit(128 + SIGHUP);
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

/// Leaves raw mode, the alternate screen and mouse capture; errors are
/// ignored because there is nothing better to do while leaving.
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
        #[cfg(unix)]
        {
            use std::os::fd::AsFd;
            let bytes = leave_sequence();
            let mut rest = &bytes[..];
            while !rest.is_empty() {
                match rustix::io::write(io::stdout().as_fd(), rest) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => rest = &rest[n..],
                }
            }
        }
        #[cfg(not(unix))]
        {
            let mut out = io::stdout();
            let _ = out.write_all(&leave_sequence());
            let _ = out.flush();
        }
    }
}

fn leave_sequence() -> Vec<u8> {
    // CAN ends an escape sequence that a signal cut in half, so the
    // terminal reads what follows as the commands they are.
    let mut bytes = b"\x18".to_vec();
    let _ = queue!(bytes, DisableMouseCapture, LeaveAlternateScreen, Show);
    bytes
}
