//! Which signals the TUI answers and how it ends or stops by them. Every
//! catchable signal whose default is to end the process restores the
//! terminal first and then ends it by that same signal (so the shell's
//! status says so); SIGTSTP, SIGTTIN and SIGTTOU suspend it like any
//! full-screen program. The thread that waits for them, and the terminal
//! modes, are terminal.rs's.
//!
//! The faults (SEGV, BUS, ILL, FPE, SYS, TRAP) are left alone: caught and
//! returned from, a fault runs again, for ever. KILL and STOP cannot be
//! caught.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use signal_hook::consts::signal::{
    SIGABRT, SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGIO, SIGPROF, SIGQUIT, SIGTERM, SIGTSTP, SIGTTIN,
    SIGTTOU, SIGUSR1, SIGUSR2, SIGVTALRM, SIGWINCH, SIGXCPU, SIGXFSZ,
};

/// The signals that stop a full-screen program: Ctrl-Z's, and a
/// background job's reading or writing the terminal.
pub const SUSPENDING: [i32; 3] = [SIGTSTP, SIGTTIN, SIGTTOU];

/// Every catchable signal whose default action ends the process (with or
/// without a core dump), the real-time ones included.
pub fn ending() -> Vec<i32> {
    let mut signals = vec![
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM, SIGPROF,
        SIGXCPU, SIGXFSZ,
    ];
    // SIGIO ends the process on Linux (it is SIGPOLL there); the BSDs
    // ignore it.
    #[cfg(target_os = "linux")]
    signals.extend([SIGIO, libc::SIGPWR, libc::SIGSTKFLT]);
    #[cfg(not(target_os = "linux"))]
    let _ = SIGIO;
    #[cfg(target_os = "linux")]
    signals.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    signals
}

/// Ends the process by `signal` as if zhoubao had never caught it: its
/// default action again, then the signal raised. The exit status a shell
/// sees is then "killed by `signal`" (128 + its number), core dump and
/// all where the default makes one.
pub fn die_by(signal: i32) -> ! {
    #[cfg(unix)]
    {
        // SAFETY: SIG_DFL is a valid disposition for any signal number;
        // nothing else in the process relies on this signal's handler any
        // more: the process ends here.
        unsafe {
            libc::signal(signal, libc::SIG_DFL);
        }
        let _ = signal_hook::low_level::raise(signal);
    }
    // A signal whose default the system does not make fatal.
    std::process::exit(128 + signal)
}

/// Set by SIGCONT (see [`watch_continue`]).
static CONTINUED: OnceLock<Arc<AtomicBool>> = OnceLock::new();

/// How many times a stop that did not take is tried again.
const STOP_TRIES: usize = 5;

/// Notes each SIGCONT from now on. Besides telling a real stop from one
/// that did not take, catching SIGCONT matters in itself: with its default
/// disposition, a SIGSTOP sent from the signal thread soon after an `fg`
/// was lost about half the time on Linux (the job went on running, the
/// terminal given back to the shell).
pub fn watch_continue() -> std::io::Result<()> {
    if CONTINUED.get().is_none() {
        let flag = Arc::new(AtomicBool::new(false));
        signal_hook::flag::register(SIGCONT, Arc::clone(&flag))?;
        let _ = CONTINUED.set(flag);
    }
    Ok(())
}

/// Stops the whole process group (a shell script that started zhoubao
/// too, or the shell would wait on it for ever) and, once continued,
/// stops again until zhoubao is the terminal's foreground job: in the
/// background (`bg`) it could neither read nor draw.
pub fn stop_until_foreground() {
    let mut tries = 0;
    loop {
        if let Some(continued) = CONTINUED.get() {
            continued.store(false, Ordering::SeqCst);
        }
        // SIGSTOP, not SIGTSTP: zhoubao catches SIGTSTP itself.
        let _ = rustix::process::kill_current_process_group(rustix::process::Signal::STOP);
        if !was_continued() && tries < STOP_TRIES {
            tries += 1;
            continue;
        }
        if is_foreground() {
            return;
        }
    }
}

/// Whether a SIGCONT came since the flag was cleared: the stop took and
/// was ended. The handler runs on whichever thread the system picks, so
/// it is given a moment after the process runs again.
fn was_continued() -> bool {
    let Some(continued) = CONTINUED.get() else {
        return true;
    };
    let deadline = Instant::now() + Duration::from_millis(50);
    while !continued.load(Ordering::SeqCst) {
        if Instant::now() >= deadline {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    true
}

/// Whether this process's group is the terminal's foreground job (or
/// there is no job control to say otherwise).
pub fn is_foreground() -> bool {
    let stdin = std::io::stdin();
    match rustix::termios::tcgetpgrp(&stdin) {
        Ok(group) => group == rustix::process::getpgrp(),
        Err(_) => true,
    }
}

/// Makes the event loop wake up and lay out again: crossterm turns it
/// into a resize event.
pub fn wake_event_loop() {
    let _ = signal_hook::low_level::raise(SIGWINCH);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catchable_ending_signal_is_answered_and_no_fault() {
        let ending = ending();
        for named in [
            SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGABRT, SIGUSR1, SIGUSR2, SIGALRM, SIGVTALRM,
            SIGPROF, SIGXCPU, SIGXFSZ,
        ] {
            assert!(ending.contains(&named), "{named}");
        }
        #[cfg(target_os = "linux")]
        {
            for named in [SIGIO, libc::SIGPWR, libc::SIGRTMIN(), libc::SIGRTMAX()] {
                assert!(ending.contains(&named), "{named}");
            }
        }
        for fault in signal_hook::consts::FORBIDDEN.iter().chain(&[
            libc::SIGBUS,
            libc::SIGSYS,
            libc::SIGTRAP,
        ]) {
            assert!(!ending.contains(fault), "{fault}");
        }
        for stop in SUSPENDING {
            assert!(!ending.contains(&stop));
        }
    }
}
