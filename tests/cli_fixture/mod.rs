//! What every test that runs the binary shares: a clean environment that
//! the user's own config, cache, language and colour settings cannot
//! reach, and the few ways the tests read what a run printed.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

/// HOME and the XDG folders of a run that names its cache: a path under a
/// file, which nothing (not even root) can create, so a run that would
/// fall back to the platform folders fails loudly instead of using them.
pub const NOWHERE: &str = "/dev/null/zhoubao-test-home";

/// The binary with no config file (`ZHOUBAO_CONFIG=/dev/null`), HOME and
/// the XDG folders out of reach, no `ZHOUBAO_DB`, `NO_COLOR` or
/// `BROWSER`, English, and stdin empty. Callers add their own `--db`.
pub fn command() -> Command {
    command_at_home(Path::new(NOWHERE))
}

/// As [`command`], with HOME at `home` and the XDG folders under it (which
/// need not exist): a first run on a fresh account.
pub fn command_at_home(home: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_zhoubao"));
    cmd.env("ZHOUBAO_CONFIG", "/dev/null")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"))
        .env("XDG_STATE_HOME", home.join(".local/state"))
        .env("ZHOUBAO_LANG", "en")
        .env_remove("ZHOUBAO_DB")
        .env_remove("NO_COLOR")
        .env_remove("BROWSER")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("RUST_BACKTRACE")
        .stdin(Stdio::null());
    cmd
}

/// Runs `zhoubao --db DB ARGS...` in the clean environment, in English.
pub fn zhoubao(db: &Path, args: &[&str]) -> Output {
    command()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("zhoubao runs")
}

/// What a run printed to stderr.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// What a run that must succeed printed to stdout.
pub fn stdout(o: &Output) -> String {
    assert!(o.status.success(), "stderr: {}", stderr(o));
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The names in `dir`, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("folder is readable")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
