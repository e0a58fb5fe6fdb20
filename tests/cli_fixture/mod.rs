//! What every test that runs the binary shares: a clean environment that
//! the user's own config, cache, language and colour settings cannot
//! reach, and the few ways the tests read what a run printed.
#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output, Stdio};

mod unwritable;
// Each test file includes this module; only some lock paths.
#[allow(unused_imports)]
pub use unwritable::Unwritable;

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
    isolate(&mut cmd, home).stdin(Stdio::null());
    cmd
}

/// The variables a clean run sets, HOME and the XDG folders at `home`.
pub fn clean_env(home: &Path) -> Vec<(&'static str, std::ffi::OsString)> {
    let under = |p: &str| home.join(p).into_os_string();
    vec![
        ("ZHOUBAO_CONFIG", "/dev/null".into()),
        ("HOME", home.as_os_str().to_owned()),
        ("XDG_CONFIG_HOME", under(".config")),
        ("XDG_DATA_HOME", under(".local/share")),
        ("XDG_CACHE_HOME", under(".cache")),
        ("XDG_STATE_HOME", under(".local/state")),
        ("ZHOUBAO_LANG", "en".into()),
    ]
}

/// The variables a clean run goes without.
pub const UNSET: [&str; 6] = [
    "ZHOUBAO_DB",
    "NO_COLOR",
    "BROWSER",
    "LC_ALL",
    "LC_MESSAGES",
    "RUST_BACKTRACE",
];

/// Gives any command (the binary, or `script` or `tmux` running it) the
/// clean environment, HOME at `home`.
pub fn isolate<'a>(cmd: &'a mut Command, home: &Path) -> &'a mut Command {
    cmd.envs(clean_env(home));
    for name in UNSET {
        cmd.env_remove(name);
    }
    cmd
}

/// The clean environment as a shell prefix (`env -u ... K='v' ...`), for
/// a command line that a terminal multiplexer runs.
pub fn shell_env() -> String {
    let mut out = String::from("env");
    for name in UNSET {
        out.push_str(&format!(" -u {name}"));
    }
    for (k, v) in clean_env(Path::new(NOWHERE)) {
        out.push_str(&format!(" {k}='{}'", v.to_string_lossy()));
    }
    out
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
