//! `e` with `$EDITOR`, end to end in tmux: the variable split into a
//! program (a path with a space, quoted) and its argument, run without a
//! shell on a file holding the note; while it runs the terminal is the
//! shell's (main screen, no mouse reporting, cooked tty); after it the TUI
//! has the terminal back, drawn whole, the note stored exactly as the
//! editor left it (control characters too) and on quitting the terminal
//! is restored. Skips without tmux.

mod cli_fixture;
mod tmux_fixture;

use std::path::{Path, PathBuf};

use cli_fixture::{stderr, zhoubao};
use tmux_fixture::{assert_restored, session_with, tmux_available};
use zhoubao::model::IssueKey;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// An editor that notes what it was given and how the terminal was, adds a
/// line with an escape sequence to the file, says it runs, and waits for
/// the test's go-ahead (so the test can look at the terminal meanwhile).
fn editor_script(dir: &Path) -> PathBuf {
    let script = dir.join("my editor.sh");
    let body = format!(
        r#"#!/bin/sh
d='{dir}'
[ "$1" = --from-test ] || exit 3
stty -a > "$d/stty.txt"
cp "$2" "$d/seen.txt"
printf '第二行\033[31m红\n' >> "$2"
echo EDITOR-RUNNING
i=0
while [ ! -e "$d/go" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done
exit 0
"#,
        dir = dir.display()
    );
    std::fs::write(&script, body).unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

#[test]
fn e_runs_the_editor_on_the_note_with_the_terminal_lent_and_taken_back() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.db");
    let out = zhoubao(
        &db,
        &[
            "import",
            "--quiet",
            fixtures().join("full.md").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(zhoubao(&db, &["note", "2023-20", "旧笔记"])
        .status
        .success());
    let script = editor_script(dir.path());

    // VISUAL set but blank: EDITOR is the one used.
    let command = format!(
        "VISUAL= EDITOR=\"'{}' --from-test\" '{{bin}}' --db '{}' --open 2023-20",
        script.display(),
        db.display()
    );
    let Some(s) = session_with("note-editor", &command) else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("2023-20"), "{}", s.screen());
    assert_eq!(s.format("#{alternate_on}"), "1");
    s.keys("e");
    assert!(s.wait_for("EDITOR-RUNNING"), "{}", s.screen());

    // While the editor runs, the terminal is as the shell had it.
    assert_eq!(s.format("#{alternate_on}"), "0", "main screen");
    assert_eq!(
        s.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}"),
        "000",
        "no mouse reporting"
    );
    let stty = std::fs::read_to_string(dir.path().join("stty.txt")).unwrap();
    let words: Vec<&str> = stty.split_whitespace().collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "the editor gets a cooked tty: {stty}"
    );
    let seen = std::fs::read_to_string(dir.path().join("seen.txt")).unwrap();
    assert_eq!(seen, "旧笔记\n", "the file holds the note");

    std::fs::write(dir.path().join("go"), "").unwrap();
    assert!(s.wait_for("已保存 2023-20 的笔记"), "{}", s.screen());
    // Taken back and drawn whole: the alternate screen, mouse reporting,
    // the panes' borders.
    assert_eq!(s.format("#{alternate_on}"), "1");
    let mouse = s.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}");
    assert!(mouse.contains('1'), "mouse reporting: {mouse}");
    let screen = s.screen();
    assert!(
        screen.contains('┌') && screen.contains("2023-20"),
        "{screen}"
    );
    assert!(!screen.contains("EDITOR-RUNNING"), "{screen}");
    // Raw mode again: a key acts without Enter.
    s.keys("q");
    assert!(s.wait_for("EXIT=0"), "{}", s.screen());
    assert_restored(&s);

    let store = zhoubao::store::Store::open(&db).unwrap();
    assert_eq!(
        store.note(IssueKey::new(2023, 20)).unwrap().as_deref(),
        Some("旧笔记\n第二行\x1b[31m红"),
        "kept exactly as the editor left it, the last line end aside"
    );
}

#[test]
fn an_editor_that_fails_leaves_the_note_and_says_so() {
    if !tmux_available() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.db");
    let out = zhoubao(
        &db,
        &[
            "import",
            "--quiet",
            fixtures().join("full.md").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(zhoubao(&db, &["note", "2023-20", "旧笔记"])
        .status
        .success());
    let command = format!(
        "EDITOR=false VISUAL= '{{bin}}' --db '{}' --open 2023-20",
        db.display()
    );
    let Some(s) = session_with("note-editor-fails", &command) else {
        eprintln!("tmux cannot start a session here: skipping");
        return;
    };
    assert!(s.wait_for("2023-20"), "{}", s.screen());
    s.keys("e");
    assert!(s.wait_for("编辑器 false 以失败结束"), "{}", s.screen());
    assert_eq!(s.format("#{alternate_on}"), "1");
    s.keys("q");
    assert!(s.wait_for("EXIT=0"), "{}", s.screen());
    assert_restored(&s);
    let store = zhoubao::store::Store::open(&db).unwrap();
    assert_eq!(
        store.note(IssueKey::new(2023, 20)).unwrap().as_deref(),
        Some("旧笔记")
    );
}
