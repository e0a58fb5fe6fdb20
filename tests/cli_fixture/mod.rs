//! What every test that runs the binary shares: a clean environment that
//! the user's own config, cache, language and colour settings cannot
//! reach, and the few ways the tests read what a run printed.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
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

/// Makes paths unwritable for the test and undoes it on drop; root ignores
/// permission bits, so as root the immutable attribute is used as well.
pub struct Unwritable(Vec<PathBuf>);

impl Unwritable {
    /// None when the paths cannot be made unwritable here: the caller
    /// skips its test.
    pub fn new(paths: &[&Path]) -> Option<Unwritable> {
        use std::os::unix::fs::PermissionsExt;
        let guard = Unwritable(paths.iter().map(|p| p.to_path_buf()).collect());
        for p in paths {
            let mode = if p.is_dir() { 0o555 } else { 0o444 };
            std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).ok()?;
        }
        let dir = paths.iter().find(|p| p.is_dir())?;
        if std::fs::write(dir.join("probe"), b"x").is_ok() {
            let _ = std::fs::remove_file(dir.join("probe"));
            for p in paths {
                let ok = Command::new("chattr")
                    .arg("+i")
                    .arg(p)
                    .status()
                    .is_ok_and(|s| s.success());
                if !ok {
                    return None;
                }
            }
        }
        Some(guard)
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        for p in &self.0 {
            let _ = Command::new("chattr").arg("-i").arg(p).status();
            let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o755));
        }
    }
}
