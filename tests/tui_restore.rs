//! The terminal comes back after the TUI ends, by quitting or by panicking:
//! raw mode, the alternate screen and mouse capture are all undone. Drives
//! the real binary inside tmux; skips (passes with a message) without tmux.

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

/// Runs the binary on an empty cache in tmux, then prints the exit code and
/// the tty settings once it has ended, and stays open to be inspected.
fn session(tag: &str, env: &str, db: &Path) -> Option<Session> {
    let bin = env!("CARGO_BIN_EXE_zhoubao");
    let name = format!("zhoubao-restore-{tag}-{}", std::process::id());
    let command = format!(
        "RUST_BACKTRACE=0 ZHOUBAO_LANG=zh ZHOUBAO_CONFIG=/dev/null {env} '{bin}' --db '{}'; echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e -icanon -e icanon -e echo -e -echo; sleep 30",
        db.display()
    );
    Session::start(&name, &command)
}

fn assert_restored(s: &Session) {
    assert_eq!(s.format("#{alternate_on}"), "0", "alternate screen left");
    assert_eq!(
        s.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"),
        "000",
        "mouse capture off"
    );
    assert_eq!(s.format("#{cursor_flag}"), "1", "cursor shown");
    let screen = s.screen();
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
