//! Writing `export -o FILE` where a shell's `> FILE` would write, but a
//! regular file whole or not at all: a symlink is followed to its target
//! (the link stays), a FIFO or a device is written into as it is (never
//! replaced by a regular file), a folder is refused as a folder, and a
//! regular file is written beside itself under a temporary name, with the
//! old file's mode and owner, then renamed over it. tempfile makes the
//! temporary file; the rest is what no crate does for a single write.

use std::fs::{self, Metadata, OpenOptions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};

/// The longest file name Linux file systems (ext4, xfs, btrfs, tmpfs)
/// allow, in bytes: the temporary name must fit it too.
const NAME_MAX: usize = 255;

/// What the temporary name adds to the file's own: `.`, `.`, six random
/// characters and `.part`.
const TEMP_EXTRA: usize = 1 + 1 + RANDOM_CHARS + TEMP_SUFFIX.len();
const RANDOM_CHARS: usize = 6;
const TEMP_SUFFIX: &str = ".part";

/// How many symlinks in a row are followed, as the kernel's limit.
const MAX_LINKS: usize = 40;

/// Writes `bytes` to `path` as described above. The error is the
/// system's, about the user's path (never the temporary one's).
pub fn write_export(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = follow_links(path)?;
    match fs::metadata(&target) {
        Ok(m) if m.is_dir() => Err(ErrorKind::IsADirectory.into()),
        Ok(m) if !m.is_file() => write_in_place(&target, bytes),
        Ok(m) => replace(&target, bytes, Some(&m)),
        Err(e) if e.kind() == ErrorKind::NotFound => replace(&target, bytes, None),
        Err(e) => Err(e),
    }
}

/// The path a chain of symlinks at `path` ends at; that path need not
/// exist (a link to a file not written yet).
fn follow_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..MAX_LINKS {
        match fs::symlink_metadata(&current) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&current)?;
                current = match current.parent() {
                    Some(folder) if to.is_relative() => folder.join(to),
                    _ => to,
                };
            }
            _ => return Ok(current),
        }
    }
    Err(too_many_links())
}

#[cfg(unix)]
fn too_many_links() -> io::Error {
    rustix::io::Errno::LOOP.into()
}

#[cfg(not(unix))]
fn too_many_links() -> io::Error {
    io::Error::other("too many levels of symbolic links")
}

/// A FIFO, a terminal or another device: opened and written, as `>` does.
/// Renaming a file over it would leave a FIFO's reader waiting for ever.
fn write_in_place(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).open(target)?;
    file.write_all(bytes)?;
    file.flush()
}

/// A regular file (or none yet): a temporary file beside it, renamed over
/// it once complete.
fn replace(target: &Path, bytes: &[u8], old: Option<&Metadata>) -> io::Result<()> {
    let folder = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // The folder's own error first (missing, not a folder); tempfile's
    // would name the temporary file, which the user never asked for.
    fs::metadata(folder)?;
    if let Some(old) = old {
        refuse_read_only(target, old)?;
    }
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let prefix = temp_prefix(&name);
    let mut builder = tempfile::Builder::new();
    builder
        .prefix(&prefix)
        .suffix(TEMP_SUFFIX)
        .rand_bytes(RANDOM_CHARS);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A new file: 0666 less the umask, as `>` creates it.
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder
        .tempfile_in(folder)
        .map_err(|e| io::Error::from(e.kind()))?;
    if let Some(old) = old {
        keep_mode_and_owner(temp.as_file(), old)?;
    }
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(target).map_err(|e| e.error)?;
    Ok(())
}

/// `.NAME.` cut (at a character) so the whole temporary name fits in
/// [`NAME_MAX`] bytes whatever the length of NAME.
fn temp_prefix(name: &str) -> String {
    let room = NAME_MAX - TEMP_EXTRA;
    let mut end = name.len().min(room);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    format!(".{}.", &name[..end])
}

/// The replacement gets the old file's permission bits exactly (the umask
/// applied at creation would widen nothing but could narrow them) and, when
/// this process may give it, its owner.
#[cfg(unix)]
fn keep_mode_and_owner(file: &fs::File, old: &Metadata) -> io::Result<()> {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    // Only root may give a file away; anyone else keeps their own.
    let _ = std::os::unix::fs::fchown(file, Some(old.uid()), Some(old.gid()));
    file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o777))
}

#[cfg(not(unix))]
fn keep_mode_and_owner(file: &fs::File, old: &Metadata) -> io::Result<()> {
    file.set_permissions(old.permissions())
}

/// A file its owner made read-only stays unwritten, as `>` would leave
/// it: renaming over it would need only the folder's permission.
#[cfg(unix)]
fn refuse_read_only(target: &Path, _old: &Metadata) -> io::Result<()> {
    use rustix::fs::{access, Access};
    match access(target, Access::WRITE_OK) {
        Err(e) if e == rustix::io::Errno::ACCESS => Err(ErrorKind::PermissionDenied.into()),
        _ => Ok(()),
    }
}

#[cfg(not(unix))]
fn refuse_read_only(_target: &Path, old: &Metadata) -> io::Result<()> {
    if old.permissions().readonly() {
        return Err(ErrorKind::PermissionDenied.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_temporary_name_fits_the_longest_name_allowed() {
        for name in ["a".repeat(255), "周".repeat(85), "x.csv".to_string()] {
            let prefix = temp_prefix(&name);
            assert!(prefix.len() + RANDOM_CHARS + TEMP_SUFFIX.len() <= NAME_MAX);
            assert!(prefix.starts_with('.') && prefix.ends_with('.'));
        }
        assert_eq!(temp_prefix("x.csv"), ".x.csv.");
    }

    #[test]
    fn a_loop_of_links_is_an_error_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a"), dir.path().join("b"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&b, &a).unwrap();
            std::os::unix::fs::symlink(&a, &b).unwrap();
            assert!(write_export(&a, b"x").is_err());
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_file_is_refused_unless_root() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("keep.csv");
        fs::write(&file, "mine").unwrap();
        fs::set_permissions(&file, fs::Permissions::from_mode(0o444)).unwrap();
        let result = write_export(&file, b"new");
        if rustix::process::geteuid().is_root() {
            return;
        }
        assert_eq!(result.unwrap_err().kind(), ErrorKind::PermissionDenied);
        assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
    }
}
