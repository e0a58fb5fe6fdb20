//! Ctrl-Z, SIGTSTP, SIGTTIN and SIGTTOU suspend the TUI like any
//! full-screen program: the shell gets its terminal back as it was (main
//! screen, no mouse reporting, cursor shown, cooked tty), and after `fg`
//! the TUI is in raw mode again and drawn whole. Drives the binary from an
//! interactive shell in tmux (job control needs one); skips without tmux.

mod cli_fixture;
mod tmux_fixture;

use std::process::Command;

use tmux_fixture::{bin, shell_session, tmux_available, zhoubao_pid, Session};

/// The tty's canonical mode and echo as `stty` shows them, in the shell.
fn tty_is_cooked(s: &Session) -> bool {
    s.keys("clear");
    s.keys("Enter");
    // `ST""TY` prints as STTY: the typed line itself does not match.
    s.type_text(
        "stty -a | tr ' ' '\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' '; echo ST\"\"TY",
    );
    s.keys("Enter");
    s.wait_until(|screen| screen.lines().any(|l| l.trim_end().ends_with("STTY")))
        && s.screen()
            .lines()
            .any(|l| l.trim_end() == "icanon echo STTY")
}

fn assert_shell_has_the_terminal(s: &Session, how: &str) {
    assert_eq!(s.format("#{alternate_on}"), "0", "{how}: main screen");
    assert_eq!(
        s.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"),
        "000",
        "{how}: no mouse reporting"
    );
    assert_eq!(s.format("#{cursor_flag}"), "1", "{how}: cursor shown");
    assert!(tty_is_cooked(s), "{how}: cooked tty\n{}", s.screen());
}

fn assert_tui_is_back(s: &Session, how: &str) {
    // Drawn whole: the list's title is on the screen again, not a blank
    // alternate screen waiting for a change.
    assert!(
        s.wait_for("周报 0 期"),
        "{how}: redrawn (alternate screen {})\n{}",
        s.format("#{alternate_on}"),
        s.screen()
    );
    assert_eq!(s.format("#{alternate_on}"), "1", "{how}: alternate screen");
    let mouse = s.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}");
    assert!(mouse.contains('1'), "{how}: mouse reporting: {mouse}");
    // Raw mode: a key acts at once, without Enter.
    s.keys("?");
    assert!(
        s.wait_for("按键 — Esc 关闭"),
        "{how}: keys act at once\n{}",
        s.screen()
    );
    s.keys("Escape");
    // A key right after Esc would be read as Alt and that key.
    assert!(s.wait_until(|screen| !screen.contains("按键 — Esc 关闭")));
}

#[test]
fn ctrl_z_and_the_stop_signals_suspend_and_fg_brings_the_tui_back_whole() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cache.db");
    drop(zhoubao::store::Store::create_or_open(&db).expect("an empty cache"));
    let Some(s) = shell_session("suspend") else {
        eprintln!("tmux cannot start an interactive shell here: skipping");
        return;
    };
    s.type_text(&format!(
        "ZHOUBAO_LANG=zh {} --db '{}'",
        bin(),
        db.display()
    ));
    s.keys("Enter");
    assert!(s.wait_for("周报 0 期"), "the TUI came up:\n{}", s.screen());
    let pid = zhoubao_pid(&s).expect("the TUI's process");
    for how in ["C-z", "TSTP", "TTIN", "TTOU"] {
        if how == "C-z" {
            s.keys("C-z");
        } else {
            let sent = Command::new("kill")
                .args([&format!("-{how}"), &pid.to_string()])
                .status()
                .is_ok_and(|st| st.success());
            assert!(sent, "kill -{how}");
        }
        assert!(
            s.wait_for("Stopped"),
            "{how}: the job stopped\n{}",
            s.screen()
        );
        assert_shell_has_the_terminal(&s, how);
        s.keys("clear");
        s.keys("Enter");
        s.keys("fg");
        s.keys("Enter");
        assert_tui_is_back(&s, how);
    }
    s.keys("q");
    // A job list stopped once is not resumed past the job: ask for the
    // status of `fg`, which is the TUI's.
    assert!(
        s.wait_until(|_| s.format("#{alternate_on}") == "0"),
        "{}",
        s.screen()
    );
    s.type_text("echo EXIT=$?");
    s.keys("Enter");
    assert!(s.wait_for("EXIT=0"), "{}", s.screen());
}
