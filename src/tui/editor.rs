//! The note's outside editor (`e`): `$VISUAL`, else `$EDITOR`, split into
//! a program and its arguments by shell quoting rules (shlex) but run
//! without a shell, on a temporary file holding the note; what the file
//! holds when the editor ends well is the new note. Handing the terminal
//! over and taking it back is terminal.rs's (`hand_over`).

use std::io::{self, Write};
use std::process::{Command, ExitStatus};

/// A program and its arguments, as the user's variable names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorCommand {
    pub program: String,
    pub args: Vec<String>,
}

/// What a run of the editor came to.
#[derive(Debug)]
pub enum Edited {
    /// The file as the editor left it, line ends trimmed from its end.
    Text(String),
    /// The program could not be started.
    CannotStart(io::Error),
    /// It ran and failed (`:cq` in vim): its exit, as the OS words it.
    Failed(ExitStatus),
    /// The temporary file could not be written or read back.
    File(io::Error),
}

impl EditorCommand {
    /// `$VISUAL`, else `$EDITOR`, as `git commit` picks; None when neither
    /// names a program (unset, blank, or quotes that do not close).
    pub fn from_env() -> Option<EditorCommand> {
        ["VISUAL", "EDITOR"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find_map(|value| EditorCommand::parse(&value))
    }

    /// `code --wait`, `"/opt/my editor/bin/ed" -n`: the first word is the
    /// program, the rest its arguments; the file's path is added last.
    pub fn parse(value: &str) -> Option<EditorCommand> {
        let mut words = shlex::split(value.trim())?.into_iter();
        let program = words.next().filter(|p| !p.is_empty())?;
        Some(EditorCommand {
            program,
            args: words.collect(),
        })
    }

    /// Runs the editor on a temporary file that holds `note` (with a line
    /// end, as editors keep files) and waits for it, with the terminal as
    /// it is: the caller hands the terminal over first.
    pub fn edit(&self, note: &str) -> Edited {
        let file = match write_draft(note) {
            Ok(file) => file,
            Err(e) => return Edited::File(e),
        };
        let status = Command::new(&self.program)
            .args(&self.args)
            .arg(file.path())
            .status();
        match status {
            Err(e) => Edited::CannotStart(e),
            Ok(status) if !status.success() => Edited::Failed(status),
            // Read by path: editors that save by renaming leave a new file.
            Ok(_) => match std::fs::read(file.path()) {
                Ok(bytes) => Edited::Text(trim_line_ends(&String::from_utf8_lossy(&bytes))),
                Err(e) => Edited::File(e),
            },
        }
    }
}

fn write_draft(note: &str) -> io::Result<tempfile::NamedTempFile> {
    let mut file = tempfile::Builder::new()
        .prefix("zhoubao-note-")
        .suffix(".txt")
        .tempfile()?;
    file.write_all(note.as_bytes())?;
    if !note.is_empty() {
        file.write_all(b"\n")?;
    }
    file.flush()?;
    Ok(file)
}

/// The line ends an editor adds at the end of a file are not part of the
/// note; everything else is kept as typed.
fn trim_line_ends(text: &str) -> String {
    text.trim_end_matches(['\n', '\r']).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_splits_into_a_program_and_arguments_by_shell_quoting() {
        let c = EditorCommand::parse("  code --wait ").unwrap();
        assert_eq!(c.program, "code");
        assert_eq!(c.args, ["--wait"]);
        let c = EditorCommand::parse("'/opt/my editor/ed' -n \"a b\"").unwrap();
        assert_eq!(c.program, "/opt/my editor/ed");
        assert_eq!(c.args, ["-n", "a b"]);
        // Nothing a shell would expand: `$HOME` and `;` are plain words.
        let c = EditorCommand::parse("vi ; rm $HOME").unwrap();
        assert_eq!(c.args, [";", "rm", "$HOME"]);
        assert_eq!(EditorCommand::parse("   "), None);
        assert_eq!(EditorCommand::parse("'unclosed"), None);
        assert_eq!(EditorCommand::parse("''"), None);
    }

    #[test]
    fn only_the_line_ends_at_the_end_are_trimmed() {
        assert_eq!(trim_line_ends("a\n\nb \t\r\n\n"), "a\n\nb \t");
        assert_eq!(trim_line_ends("\n"), "");
    }

    #[cfg(unix)]
    #[test]
    fn the_edited_file_comes_back_and_a_failing_editor_changes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("ed.sh");
        // Appends its first argument to the file it is given (the last).
        std::fs::write(&script, "#!/bin/sh\nprintf '%s\\n' \"$1\" >> \"$2\"\n").unwrap();
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let editor = EditorCommand {
            program: script.to_string_lossy().into_owned(),
            args: vec!["第二行 \x1b[31m".into()],
        };
        match editor.edit("第一行") {
            Edited::Text(t) => assert_eq!(t, "第一行\n第二行 \x1b[31m"),
            other => panic!("{other:?}"),
        }
        let failing = EditorCommand::parse("false").unwrap();
        assert!(matches!(failing.edit("x"), Edited::Failed(_)));
        let missing = EditorCommand::parse("/nonexistent/zhoubao-editor").unwrap();
        assert!(matches!(missing.edit("x"), Edited::CannotStart(_)));
    }
}
