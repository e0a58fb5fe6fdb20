//! The terminal comes back after the TUI ends, by quitting, by panicking or
//! by a signal: raw mode, the alternate screen and mouse capture are all
//! undone. Also what the TUI says instead of starting (no cache, no
//! terminal) and on a read-only cache. Drives the real binary inside tmux;
//! skips (passes with a message) without tmux.

mod cli_fixture;

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Session {
    name: String,
}

impl Session {
    fn start(name: &str, shell_command: &str) -> Option<Session> {
        let ok = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                "80",
                "-y",
                "24",
                shell_command,
            ])
            .status()
            .ok()?
            .success();
        ok.then(|| Session {
            name: name.to_string(),
        })
    }

    fn format(&self, fmt: &str) -> String {
        Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.name, fmt])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    }

    fn screen(&self) -> String {
        Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
            .unwrap_or_default()
    }

    fn keys(&self, keys: &str) {
        let _ = Command::new("tmux")
            .args(["send-keys", "-t", &self.name, keys])
            .status();
    }

    /// Waits until the screen contains `text`.
    fn wait_for(&self, text: &str) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if self.screen().contains(text) {
                return true;
            }
            sleep(Duration::from_millis(100));
        }
        false
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the binary on the cache `db` (created empty when missing) in tmux,
/// then prints the exit code and the tty settings once it has ended, and
/// stays open to be inspected.
fn session(tag: &str, env: &str, db: &Path) -> Option<Session> {
    if !db.exists() {
        drop(zhoubao::store::Store::create_or_open(db).expect("an empty cache"));
    }
    session_with(tag, &format!("{env} '{{bin}}' --db '{}'", db.display()))
}

/// [`session`] for any command line; `{bin}` stands for the binary.
fn session_with(tag: &str, command: &str) -> Option<Session> {
    let bin = env!("CARGO_BIN_EXE_zhoubao");
    let name = format!("zhoubao-restore-{tag}-{}", std::process::id());
    let command = format!(
        "{} RUST_BACKTRACE=0 ZHOUBAO_LANG=zh {}; echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e -icanon -e icanon -e echo -e -echo; sleep 30",
        cli_fixture::shell_env(),
        command.replace("{bin}", bin)
    );
    Session::start(&name, &command)
}

/// The zhoubao process running in the pane (a descendant of its shell),
/// found in /proc (Linux).
fn zhoubao_pid(s: &Session) -> Option<u32> {
    let shell: u32 = s.format("#{pane_pid}").parse().ok()?;
    let deadline = Instant::now() + Duration::from_secs(10);
    while Instant::now() < deadline {
        // pid -> (parent, command name)
        let mut procs = std::collections::HashMap::new();
        for entry in std::fs::read_dir("/proc").ok()?.flatten() {
            let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
                continue;
            };
            let Ok(stat) = std::fs::read_to_string(entry.path().join("stat")) else {
                continue;
            };
            // "pid (comm) state ppid ...": comm may hold spaces.
            let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
                continue;
            };
            let comm = stat[open + 1..close].to_string();
            let ppid = stat[close + 1..]
                .split_whitespace()
                .nth(1)
                .and_then(|p| p.parse::<u32>().ok());
            if let Some(ppid) = ppid {
                procs.insert(pid, (ppid, comm));
            }
        }
        let descends = |mut pid: u32| {
            for _ in 0..16 {
                match procs.get(&pid) {
                    Some(&(parent, _)) if parent == shell => return true,
                    Some(&(parent, _)) => pid = parent,
                    None => return false,
                }
            }
            false
        };
        if let Some((&pid, _)) = procs
            .iter()
            .find(|(&pid, (_, comm))| comm == "zhoubao" && descends(pid))
        {
            return Some(pid);
        }
        sleep(Duration::from_millis(100));
    }
    None
}

fn assert_restored(s: &Session) {
    assert_eq!(s.format("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(
        s.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"),
        "000",
        "mouse capture off"
    );
    assert_eq!(s.format("#{cursor_flag}"), "1", "cursor shown");
    // `stty` prints just after the exit status: wait for both of its lines.
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut screen = s.screen();
    let printed = |screen: &str| {
        let lines: Vec<&str> = screen.lines().map(str::trim).collect();
        let any = |words: [&str; 2]| words.iter().any(|w| lines.contains(w));
        any(["icanon", "-icanon"]) && any(["echo", "-echo"])
    };
    while !printed(&screen) && Instant::now() < deadline {
        sleep(Duration::from_millis(100));
        screen = s.screen();
    }
    let lines: Vec<&str> = screen.lines().map(str::trim).collect();
    assert!(
        lines.contains(&"icanon") && lines.contains(&"echo"),
        "raw mode left:\n{screen}"
    );
}

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
