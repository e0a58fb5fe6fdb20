//! Reading the config file's bytes without trusting its path: a FIFO
//! would block the start for ever and `/dev/zero` never ends, so only a
//! regular file of at most [`MAX_CONFIG_MB`] MB is read. The null device
//! reads as an empty file: `--config /dev/null` is how a script says "no
//! settings".

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Read};
use std::path::Path;

use super::error::{FileType, Problem, MAX_CONFIG_MB};
use crate::i18n::Os;

const MAX_BYTES: u64 = MAX_CONFIG_MB * 1_000_000;

/// What reading the config path gave.
pub(super) enum Contents {
    Bytes(Vec<u8>),
    /// The null device: no settings, and no file was read.
    Null,
    /// Nothing at the path.
    Missing,
}

/// The bytes at `path`, checked on the file opened (not on the path
/// before opening, which could change in between).
pub(super) fn read_config(path: &Path) -> Result<Contents, Problem> {
    let file = match open_without_waiting(path) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Contents::Missing),
        Err(e) => return Err(Problem::Unreadable(Os::of(&e))),
    };
    let meta = file
        .metadata()
        .map_err(|e| Problem::Unreadable(Os::of(&e)))?;
    if is_null_device(&meta) {
        return Ok(Contents::Null);
    }
    if meta.is_dir() {
        return Err(Problem::Unreadable(Os::IsADirectory));
    }
    if !meta.is_file() {
        return Err(Problem::NotRegular(file_type(&meta)));
    }
    if meta.len() > MAX_BYTES {
        return Err(Problem::TooLarge { bytes: meta.len() });
    }
    // The file may grow while it is read: the cap holds then too.
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Problem::Unreadable(Os::of(&e)))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(Problem::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    Ok(Contents::Bytes(bytes))
}

/// Opens for reading without waiting for a FIFO's writer (O_NONBLOCK
/// only changes how opening a FIFO or a device behaves; a regular file
/// reads the same).
#[cfg(unix)]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_waiting(path: &Path) -> io::Result<File> {
    OpenOptions::new().read(true).open(path)
}

#[cfg(unix)]
fn is_null_device(meta: &Metadata) -> bool {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    meta.file_type().is_char_device()
        && std::fs::metadata("/dev/null")
            .is_ok_and(|null| null.file_type().is_char_device() && null.rdev() == meta.rdev())
}

#[cfg(not(unix))]
fn is_null_device(_meta: &Metadata) -> bool {
    false
}

#[cfg(unix)]
fn file_type(meta: &Metadata) -> FileType {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        FileType::Folder
    } else if t.is_fifo() {
        FileType::Fifo
    } else if t.is_char_device() || t.is_block_device() {
        FileType::Device
    } else if t.is_socket() {
        FileType::Socket
    } else {
        FileType::Other
    }
}

#[cfg(not(unix))]
fn file_type(meta: &Metadata) -> FileType {
    if meta.is_dir() {
        FileType::Folder
    } else {
        FileType::Other
    }
}
