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

/// `zhoubao --db DB import DIR` with every file write limited to `blocks`
/// (of the shell's unit, 512 or 1024 bytes).
fn import_with_room(db: &Path, input: &Path, blocks: u32) -> Output {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!(
            r#"trap '' XFSZ; ulimit -f {blocks} || exit 99; exec "$0" --db "$1" import --quiet "$2""#
        ))
        .arg(env!("CARGO_BIN_EXE_zhoubao"))
        .arg(db)
        .arg(input);
    cli_fixture::isolate(&mut command, Path::new(cli_fixture::NOWHERE))
        .stdin(std::process::Stdio::null())
        .output()
        .expect("sh runs")
}

#[test]
fn a_cache_that_cannot_be_created_for_lack_of_room_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let series = zhoubao::synth::series(2024, 3, 1);
    let text = zhoubao::synth::full_markdown(&series[0], &[]);
    std::fs::write(input.join(series[0].file_name()), text).unwrap();
    // From no room at all to room for the schema but not the journal.
    for blocks in (0..=64).step_by(4) {
        let folder = dir.path().join(format!("room-{blocks}"));
        std::fs::create_dir(&folder).unwrap();
        let db = folder.join("cache.db");
        let out = import_with_room(&db, &input, blocks);
        if out.status.code() == Some(99) {
            eprintln!("this shell has no ulimit -f: skipping");
            return;
        }
        let names = cli_fixture::listing(&folder);
        if out.status.success() {
            assert_eq!(names, ["cache.db"], "{blocks} blocks");
            continue;
        }
        assert!(
            names.is_empty(),
            "{blocks} blocks: {names:?} left after {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
