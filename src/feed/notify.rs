//! The config's `on_new`: a program run after an update that stored new
//! issues, with their keys as its last arguments (newsboat's
//! `notify-program`). Run directly, never through a shell, so a key or
//! an argument is never read as a command.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::i18n::{FeedMsg, Msg, Os};
use crate::model::IssueKey;

/// How long zhoubao waits for the program before leaving it to finish on
/// its own: a notifier returns at once, and a slow one must not hold up
/// the command line or the TUI.
pub const NOTIFY_WAIT: Duration = Duration::from_secs(30);

/// How the program ended, when it did not go as asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotifyProblem {
    /// It could not be started (not found, not executable).
    Start { program: String, why: Os },
    /// It ended with a failure status (or a signal: `code` None).
    Status { program: String, code: Option<i32> },
    /// Still running after [`NOTIFY_WAIT`]: left to finish on its own.
    StillRunning { program: String },
}

impl NotifyProblem {
    pub fn message(&self) -> Msg {
        match self {
            NotifyProblem::Start { program, why } => FeedMsg::NotifyStart {
                program: program.clone(),
                why: why.clone(),
            },
            NotifyProblem::Status { program, code } => FeedMsg::NotifyStatus {
                program: program.clone(),
                code: *code,
            },
            NotifyProblem::StillRunning { program } => FeedMsg::NotifyRunning {
                program: program.clone(),
                secs: NOTIFY_WAIT.as_secs(),
            },
        }
        .into()
    }
}

/// Runs `program` (the program, then its arguments) with `keys` appended,
/// waiting up to `wait` for it. `quiet` sends its output nowhere (the TUI
/// owns the terminal); otherwise it shares zhoubao's. Nothing is run for
/// no keys or an empty program.
pub fn notify(
    program: &[String],
    keys: &[IssueKey],
    quiet: bool,
    wait: Duration,
) -> Result<(), NotifyProblem> {
    let Some((name, args)) = program.split_first() else {
        return Ok(());
    };
    if keys.is_empty() || name.trim().is_empty() {
        return Ok(());
    }
    let shown = crate::sanitize::line(name);
    let mut command = Command::new(name);
    command
        .args(args)
        .args(keys.iter().map(IssueKey::to_string))
        .stdin(Stdio::null());
    if quiet {
        command.stdout(Stdio::null()).stderr(Stdio::null());
    }
    let mut child = command.spawn().map_err(|e| NotifyProblem::Start {
        program: shown.clone(),
        why: Os::of(&e),
    })?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                return Err(NotifyProblem::Status {
                    program: shown,
                    code: status.code(),
                })
            }
            Ok(None) if started.elapsed() < wait => std::thread::sleep(Duration::from_millis(20)),
            // Left running: it is not zhoubao's to kill, and the system
            // reaps it once zhoubao exits.
            Ok(None) | Err(_) => return Err(NotifyProblem::StillRunning { program: shown }),
        }
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn keys() -> Vec<IssueKey> {
        vec![IssueKey::new(2025, 3), IssueKey::new(2025, 4)]
    }

    #[test]
    fn the_keys_are_the_last_arguments_and_no_shell_reads_them() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("args");
        // sh is the program here, so the test can see its arguments; the
        // `;` in an argument stays an argument.
        let program = vec![
            "sh".to_string(),
            "-c".to_string(),
            "printf '%s\\n' \"$@\" > \"$0\"".to_string(),
            out.display().to_string(),
            "a;touch x".to_string(),
        ];
        notify(&program, &keys(), true, NOTIFY_WAIT).unwrap();
        let written = std::fs::read_to_string(&out).unwrap();
        assert_eq!(written, "a;touch x\n2025-3\n2025-4\n");
        assert!(!dir.path().join("x").exists());
    }

    #[test]
    fn a_missing_program_and_a_failing_one_are_said() {
        let missing = vec!["/nonexistent/zhoubao-notifier".to_string()];
        assert!(matches!(
            notify(&missing, &keys(), true, NOTIFY_WAIT),
            Err(NotifyProblem::Start { .. })
        ));
        let failing = vec!["false".to_string()];
        assert_eq!(
            notify(&failing, &keys(), true, NOTIFY_WAIT),
            Err(NotifyProblem::Status {
                program: "false".into(),
                code: Some(1)
            })
        );
    }

    #[test]
    fn nothing_is_run_without_new_issues_and_a_slow_program_is_left_running() {
        let missing = vec!["/nonexistent/zhoubao-notifier".to_string()];
        assert_eq!(notify(&missing, &[], true, NOTIFY_WAIT), Ok(()));
        let slow = vec!["sh".to_string(), "-c".to_string(), "sleep 5".to_string()];
        assert!(matches!(
            notify(&slow, &keys(), true, Duration::from_millis(50)),
            Err(NotifyProblem::StillRunning { .. })
        ));
    }
}
