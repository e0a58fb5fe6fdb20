//! A guard that makes files and folders unwritable for one test, shared by
//! the binary's tests (through `cli_fixture`) and the cache's unit tests
//! (src/store/tests.rs includes this file by path).

use std::path::{Path, PathBuf};
use std::process::Command;

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
