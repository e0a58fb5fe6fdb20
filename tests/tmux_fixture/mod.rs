//! Driving the real binary in a tmux pane and reading the terminal's
//! modes back (alternate screen, mouse reporting, cursor, the tty's
//! settings): what the terminal tests share. Each test skips (passes with
//! a message) where tmux is missing or cannot start a session.
#![allow(dead_code)]

use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

pub struct Session {
    pub name: String,
}

impl Session {
    pub fn start(name: &str, shell_command: &str) -> Option<Session> {
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

    pub fn format(&self, fmt: &str) -> String {
        Command::new("tmux")
            .args(["display-message", "-p", "-t", &self.name, fmt])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    }

    pub fn screen(&self) -> String {
        Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).to_string())
            .unwrap_or_default()
    }

    pub fn keys(&self, keys: &str) {
        let _ = Command::new("tmux")
            .args(["send-keys", "-t", &self.name, keys])
            .status();
    }

    /// Waits until the screen contains `text`.
    pub fn wait_for(&self, text: &str) -> bool {
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

pub fn tmux_available() -> bool {
    Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs the binary on the cache `db` (created empty when missing) in tmux,
/// then prints the exit code and the tty settings once it has ended, and
/// stays open to be inspected.
pub fn session(tag: &str, env: &str, db: &Path) -> Option<Session> {
    if !db.exists() {
        drop(zhoubao::store::Store::create_or_open(db).expect("an empty cache"));
    }
    session_with(tag, &format!("{env} '{{bin}}' --db '{}'", db.display()))
}

/// [`session`] for any command line; `{bin}` stands for the binary.
pub fn session_with(tag: &str, command: &str) -> Option<Session> {
    let bin = env!("CARGO_BIN_EXE_zhoubao");
    let name = format!("zhoubao-restore-{tag}-{}", std::process::id());
    let command = format!(
        "{} RUST_BACKTRACE=0 ZHOUBAO_LANG=zh {}; echo \"EXIT=$?\"; stty -a | tr ' ' '\\n' | grep -x -e -icanon -e icanon -e echo -e -echo; sleep 30",
        super::cli_fixture::shell_env(),
        command.replace("{bin}", bin)
    );
    Session::start(&name, &command)
}

/// The zhoubao process running in the pane (a descendant of its shell),
/// found in /proc (Linux).
pub fn zhoubao_pid(s: &Session) -> Option<u32> {
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

pub fn assert_restored(s: &Session) {
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

impl Session {
    /// Pastes `text` as tmux's `paste-buffer -p` does: inside bracketed
    /// paste markers when the program asked for them, else as typed.
    pub fn paste(&self, text: &str) {
        let buffer = format!("{}-paste", self.name);
        let _ = Command::new("tmux")
            .args(["set-buffer", "-b", &buffer, "--", text])
            .status();
        let _ = Command::new("tmux")
            .args(["paste-buffer", "-p", "-d", "-b", &buffer, "-t", &self.name])
            .status();
    }

    /// Types `text` as keys, character by character, in one burst.
    pub fn type_text(&self, text: &str) {
        let _ = Command::new("tmux")
            .args(["send-keys", "-l", "-t", &self.name, "--", text])
            .status();
    }

    /// Waits until `check` holds for the screen, or 20 s pass.
    pub fn wait_until(&self, check: impl Fn(&str) -> bool) -> bool {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if check(&self.screen()) {
                return true;
            }
            sleep(Duration::from_millis(100));
        }
        false
    }
}

/// An interactive shell with job control (bash without its startup files,
/// in the clean environment), for what only a job can do: Ctrl-Z and `fg`.
pub fn shell_session(tag: &str) -> Option<Session> {
    let name = format!("zhoubao-shell-{tag}-{}", std::process::id());
    let command = format!(
        "{} PS1='zb$ ' bash --norc --noprofile -i",
        super::cli_fixture::shell_env()
    );
    let s = Session::start(&name, &command)?;
    // capture-pane drops the prompt's trailing space.
    s.wait_for("zb$").then_some(s)
}

/// The binary's path as a shell word.
pub fn bin() -> String {
    format!("'{}'", env!("CARGO_BIN_EXE_zhoubao"))
}
