//! The terminal comes back after the TUI ends, by quitting, by panicking or
//! by a signal: raw mode, the alternate screen and mouse capture are all
//! undone. Also what the TUI says instead of starting (no cache, no
//! terminal) and on a read-only cache. Drives the real binary inside tmux;
//! skips (passes with a message) without tmux.

mod cli_fixture;
mod tmux_fixture;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use tmux_fixture::{assert_restored, session, session_with, tmux_available, zhoubao_pid};

#[test]
fn quitting_restores_the_terminal() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping the terminal restore test");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(s) = session("quit", "", &dir.path().join("cache.db")) else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("周报 0 期"), "the TUI came up:\n{}", s.screen());
    assert_eq!(
        s.format("#{alternate_on}"),
        "1",
        "the TUI runs on the alternate screen"
    );
    let mouse = s.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}");
    assert!(mouse.contains('1'), "the TUI captures the mouse: {mouse}");
    s.keys("q");
    assert!(s.wait_for("EXIT=0"), "quit with success:\n{}", s.screen());
    assert_restored(&s);
}

#[test]
fn a_panic_restores_the_terminal_before_the_message_is_printed() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping the terminal restore test");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(s) = session(
        "panic",
        "ZHOUBAO_TEST_PANIC=1",
        &dir.path().join("cache.db"),
    ) else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(
        s.wait_for("EXIT=101"),
        "the test hook panicked:\n{}",
        s.screen()
    );
    let screen = s.screen();
    assert!(
        screen.contains("deliberate panic"),
        "the panic message is readable:\n{screen}"
    );
    assert_restored(&s);
}

#[test]
fn sigterm_sighup_and_sigint_restore_the_terminal_and_end_as_the_signal_would() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping the terminal restore test");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    for (signal, status) in [("TERM", 143), ("HUP", 129), ("INT", 130)] {
        // `sh -c` as a launcher or a script would run it.
        let command = format!(
            "sh -c \"'{{bin}}' --db '{}'\"",
            dir.path().join("cache.db").display()
        );
        if !dir.path().join("cache.db").exists() {
            drop(zhoubao::store::Store::create_or_open(&dir.path().join("cache.db")).unwrap());
        }
        let Some(s) = session_with(&signal.to_lowercase(), &command) else {
            eprintln!("tmux cannot start a session here: skipping");
            return;
        };
        assert!(s.wait_for("周报 0 期"), "the TUI came up:\n{}", s.screen());
        assert_eq!(s.format("#{alternate_on}"), "1");
        assert_eq!(s.format("#{cursor_flag}"), "0", "the TUI hides the cursor");
        let pid = zhoubao_pid(&s).expect("the TUI's process");
        let sent = Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .is_ok_and(|st| st.success());
        assert!(sent, "kill -{signal} {pid}");
        assert!(
            s.wait_for(&format!("EXIT={status}")),
            "SIG{signal} ends it as the signal would:\n{}",
            s.screen()
        );
        assert_restored(&s);
    }
}

#[test]
fn without_a_cache_the_tui_says_so_and_points_at_the_demo() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("typo.db");
    let Some(s) = session_with(
        "nocache",
        &format!("ZHOUBAO_LANG=en '{{bin}}' --db '{}'", db.display()),
    ) else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("EXIT=1"), "{}", s.screen());
    let screen = s.screen().replace('\n', "");
    assert!(
        screen.contains(&format!("no cache at {}", db.display()))
            && screen.contains("zhoubao --demo"),
        "{screen}"
    );
    assert!(!db.exists(), "nothing was created");
    assert_restored(&s);
}

#[test]
fn with_stdin_not_a_terminal_the_tui_says_so_on_a_clean_screen() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let Some(s) = session_with("stdin", "echo input | ZHOUBAO_LANG=en '{bin}' --demo") else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("EXIT=1"), "{}", s.screen());
    let screen = s.screen();
    assert!(
        screen.contains("the browser needs a terminal (stdin is not one)"),
        "{screen}"
    );
    assert_eq!(
        s.format("#{alternate_on}"),
        "0",
        "never entered the alternate screen"
    );
    assert_restored(&s);
}

#[test]
fn on_a_read_only_cache_the_tui_says_so_once_and_keeps_marks_for_the_session() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("cache.db");
    {
        let mut store = zhoubao::store::Store::create_or_open(&db).unwrap();
        let series = zhoubao::synth::series(2024, 3, 3);
        for (i, issue) in series.iter().enumerate() {
            let text =
                zhoubao::synth::full_markdown(issue, &zhoubao::synth::recent_for(&series, i));
            let r = zhoubao::import::import_bytes(&mut store, &issue.file_name(), text.as_bytes());
            assert!(matches!(r, zhoubao::import::FileResult::Stored(_)), "{r:?}");
        }
    }
    // Every file in the folder, and the folder.
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&folder)
        .expect("the cache's folder")
        .flatten()
        .map(|e| e.path())
        .collect();
    paths.push(folder.clone());
    let paths: Vec<&Path> = paths.iter().map(|p| p.as_path()).collect();
    let Some(_guard) = cli_fixture::Unwritable::new(&paths) else {
        eprintln!("skipped: cannot make the folder read-only here");
        return;
    };
    let Some(s) = session("readonly", "", &db) else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(
        s.wait_for("周报 3 期 · 3 未读"),
        "the TUI came up:\n{}",
        s.screen()
    );
    let status = s.screen().lines().last().unwrap_or_default().to_string();
    assert!(status.contains("缓存只读"), "said once at start: {status}");
    // Marks still work, for the session, instead of an error per issue.
    s.keys("m");
    assert!(s.wait_for("周报 3 期 · 2 未读"), "{}", s.screen());
    s.keys("q");
    assert!(s.wait_for("EXIT=0"), "{}", s.screen());
    let names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names, vec!["cache.db"], "no journal left");
}

#[test]
fn a_terminal_that_vanishes_without_a_sighup_ends_the_tui_instead_of_spinning() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    // `setsid` puts the TUI in a session of its own: when the pane closes,
    // its hang-up goes to the pane's shell, not to the TUI, which is left
    // reading a dead terminal (crossterm then spins inside `poll`).
    let Some(s) = session_with("vanish", "setsid '{bin}' --demo") else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("周报"), "the TUI came up:\n{}", s.screen());
    let Some(pid) = zhoubao_pid(&s) else {
        panic!("cannot find the TUI's process");
    };
    let _ = Command::new("tmux")
        .args(["kill-session", "-t", &s.name])
        .status();
    let deadline = Instant::now() + Duration::from_secs(10);
    while Path::new(&format!("/proc/{pid}")).exists() && Instant::now() < deadline {
        sleep(Duration::from_millis(100));
    }
    let alive = Path::new(&format!("/proc/{pid}")).exists();
    if alive {
        let _ = Command::new("kill").args(["-9", &pid.to_string()]).status();
    }
    assert!(!alive, "the TUI outlived its terminal by 10 s");
}

/// A cache of three synthetic issues in `folder`, of which the oldest is
/// known only from the others' 近期回顾 lines (with its link): `F` on it
/// fetches.
fn cache_missing_the_oldest(folder: &Path) -> std::path::PathBuf {
    let db = folder.join("cache.db");
    let mut store = zhoubao::store::Store::create_or_open(&db).unwrap();
    let series = zhoubao::synth::series(2024, 3, 3);
    for (i, issue) in series.iter().enumerate().skip(1) {
        let text = zhoubao::synth::full_markdown(issue, &zhoubao::synth::recent_for(&series, i));
        let r = zhoubao::import::import_bytes(&mut store, &issue.file_name(), text.as_bytes());
        assert!(matches!(r, zhoubao::import::FileResult::Stored(_)), "{r:?}");
    }
    db
}

#[test]
fn a_panic_on_the_fetch_thread_is_said_on_the_status_line_and_leaves_the_terminal_alone() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = cache_missing_the_oldest(dir.path());
    let command = format!(
        "ZHOUBAO_TEST_PANIC=fetch '{{bin}}' --db '{}' --open 2024-1",
        db.display()
    );
    let Some(s) = session_with("worker", &command) else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("2024-1"), "the TUI came up:\n{}", s.screen());
    s.keys("F");
    assert!(
        s.wait_for("程序出错（ZHOUBAO_TEST_PANIC"),
        "the panic is an error on the status line:\n{}",
        s.screen()
    );
    assert_eq!(
        s.format("#{alternate_on}"),
        "1",
        "still on the TUI's screen"
    );
    assert!(!s.screen().contains("panicked at"), "{}", s.screen());
    // Still in raw mode: a key acts at once, without Enter, unechoed.
    s.keys("/");
    s.keys("abc");
    assert!(s.wait_for("/abc▏"), "{}", s.screen());
    s.keys("Escape");
    s.keys("C-c");
    assert!(s.wait_for("EXIT=0"), "{}", s.screen());
    assert_restored(&s);
}

#[test]
fn every_catchable_ending_signal_restores_the_terminal_and_ends_as_the_signal_would() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cache.db");
    drop(zhoubao::store::Store::create_or_open(&db).expect("an empty cache"));
    let mut signals = vec![
        ("USR1", libc::SIGUSR1),
        ("USR2", libc::SIGUSR2),
        ("QUIT", libc::SIGQUIT),
        ("ALRM", libc::SIGALRM),
        ("VTALRM", libc::SIGVTALRM),
        ("PROF", libc::SIGPROF),
        ("XCPU", libc::SIGXCPU),
        ("XFSZ", libc::SIGXFSZ),
        ("ABRT", libc::SIGABRT),
    ];
    #[cfg(target_os = "linux")]
    signals.extend([
        ("IO", libc::SIGIO),
        ("PWR", libc::SIGPWR),
        ("RTMIN", libc::SIGRTMIN()),
        ("RTMIN+3", libc::SIGRTMIN() + 3),
        ("RTMAX", libc::SIGRTMAX()),
    ]);
    // All at once: each waits for its TUI, which takes a moment to start.
    // No core files: QUIT, ABRT, XCPU and XFSZ dump one by default.
    let sessions: Vec<_> = signals
        .iter()
        .filter_map(|(name, number)| {
            let command = format!(
                "sh -c \"ulimit -c 0; exec '{{bin}}' --db '{}'\"",
                db.display()
            );
            let tag = name.to_lowercase().replace('+', "-");
            Some((*name, *number, session_with(&tag, &command)?))
        })
        .collect();
    if sessions.len() < signals.len() {
        eprintln!("tmux cannot start sessions here: skipping");
        return;
    }
    for (name, number, s) in &sessions {
        assert!(
            s.wait_for("周报 0 期"),
            "{name}: the TUI came up:\n{}",
            s.screen()
        );
        let pid = zhoubao_pid(s).expect("the TUI's process");
        let sent = Command::new("kill")
            .arg(format!("-{number}"))
            .arg(pid.to_string())
            .status()
            .is_ok_and(|st| st.success());
        assert!(sent, "kill -{number} {pid}");
    }
    for (name, number, s) in &sessions {
        assert!(
            s.wait_for(&format!("EXIT={}", 128 + number)),
            "SIG{name} ends it as the signal would:\n{}",
            s.screen()
        );
        assert_restored(s);
    }
}
