//! When stdout cannot be written (a full disk, a file size limit), every
//! command says so on stderr and exits non-zero, `--help` and `--version`
//! included: a script must not take an empty file for the output. The
//! limit is the shell's `ulimit -f 0` on a file in a scratch folder, which
//! fails every write to it as a full disk would.

mod cli_fixture;

use std::path::Path;
use std::process::{Command, Output};

/// `zhoubao ARGS > FILE` with writes to FILE failing (EFBIG); stderr is a
/// pipe, which the limit does not touch.
fn run_into_full_file(file: &Path, args: &[&str]) -> Output {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(r#"trap '' XFSZ; ulimit -f 0 || exit 99; out="$1"; shift; exec "$0" "$@" > "$out""#)
        .arg(env!("CARGO_BIN_EXE_zhoubao"))
        .arg(file)
        .args(args);
    cli_fixture::isolate(&mut command, Path::new(cli_fixture::NOWHERE))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("sh runs")
}

#[test]
fn help_version_and_every_printing_command_fail_when_stdout_cannot_be_written() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("out.txt");
    for args in [
        vec!["--help"],
        vec!["-h"],
        vec!["export", "--help"],
        vec!["--version"],
        vec!["config"],
        vec!["man"],
        vec!["completions", "bash"],
        vec!["--demo", "list"],
    ] {
        let out = run_into_full_file(&file, &args);
        if out.status.code() == Some(99) {
            eprintln!("this shell has no ulimit -f: skipping");
            return;
        }
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert_eq!(err, "zhoubao: file too large\n", "{args:?}");
    }
}
