//! What can go wrong with the cache, and its words in both languages side
//! by side: each names the file and says what the user can do.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::i18n::{english_display, sqlite_aside, sqlite_in_chinese, Lang, Localized, Msg, Os};

/// What can go wrong with the cache. Its words (below) name the file and
/// say what the user can do; `Display` is their English.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    NoCache {
        path: PathBuf,
    },
    IsFolder {
        path: PathBuf,
    },
    NotAFile {
        path: PathBuf,
    },
    NoFolder {
        path: PathBuf,
        folder: PathBuf,
    },
    FolderIsFile {
        path: PathBuf,
        folder: PathBuf,
    },
    Unreadable {
        path: PathBuf,
        reason: Os,
    },
    Create {
        path: PathBuf,
        reason: Box<Msg>,
    },
    InMemory {
        path: PathBuf,
    },
    Foreign {
        path: PathBuf,
    },
    Corrupt {
        path: PathBuf,
        reason: String,
    },
    Damaged {
        path: PathBuf,
        reason: String,
    },
    Unrecoverable {
        path: PathBuf,
        reason: String,
    },
    DamagedPage {
        reason: String,
    },
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    TooOldToRead {
        path: PathBuf,
        found: i64,
    },
    Migrate {
        path: PathBuf,
        from: i64,
        reason: String,
    },
    ReadOnly {
        path: PathBuf,
    },
    FolderReadOnly {
        path: PathBuf,
        folder: PathBuf,
    },
    UnreadableJournal {
        path: PathBuf,
        wal: PathBuf,
    },
    Locked {
        path: PathBuf,
    },
    Exists {
        path: PathBuf,
    },
    Open {
        path: PathBuf,
        reason: String,
    },
    Busy,
    Sql(rusqlite::Error),
    Malformed(String),
}

english_display!(StoreError);

/// A path as one printable line.
fn shown(p: &Path) -> String {
    crate::sanitize::line(&p.display().to_string())
}

impl Localized for StoreError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use StoreError::*;
        let text = match self {
            NoCache { path } => {
                let path = shown(path);
                match lang {
                    Zh => format!("{path} 处没有缓存；请先导入周报"),
                    En => format!("no cache at {path}; import bulletins first"),
                }
            }
            IsFolder { path } => {
                let example = shown(&path.join("cache.db"));
                let path = shown(path);
                match lang {
                    Zh => format!("{path} 是文件夹，不是缓存文件；请给出缓存文件的路径，例如 {example}"),
                    En => format!(
                        "{path} is a folder, not a cache file; pass the cache file's path, e.g. {example}"
                    ),
                }
            }
            NotAFile { path } => {
                let path = shown(path);
                match lang {
                    Zh => format!("{path} 不是普通文件，不能用作缓存"),
                    En => format!("{path} is not a regular file, so it cannot be a cache"),
                }
            }
            NoFolder { path, folder } => {
                let path = shown(path);
                let folder = shown(folder);
                match lang {
                    Zh => format!("{path}：所在的文件夹 {folder} 不存在"),
                    En => format!("{path}: its folder {folder} does not exist"),
                }
            }
            FolderIsFile { path, folder } => {
                let path = shown(path);
                let folder = shown(folder);
                match lang {
                    Zh => format!("{path}：{folder} 不是文件夹"),
                    En => format!("{path}: {folder} is not a folder"),
                }
            }
            Unreadable { path, reason } => {
                let path = shown(path);
                match lang {
                    Zh => format!("{path}：无法读取缓存（{}）", reason.text(Zh)),
                    En => format!("{path}: cannot read the cache ({})", reason.text(En)),
                }
            }
            Create { path, reason } => {
                let path = shown(path);
                match lang {
                    Zh => format!("{path}：无法创建缓存（{}）", reason.text(Zh)),
                    En => format!("{path}: cannot create the cache ({})", reason.text(En)),
                }
            }
            InMemory { path } => {
                let path = shown(path);
                match lang {
                    Zh => format!(
                        "--db {path} 在 zhoubao 退出后什么也不会保留；请给出缓存文件的路径"
                    ),
                    En => format!(
                        "--db {path} keeps nothing after zhoubao exits; pass the path of a cache file"
                    ),
                }
            }
            Foreign { path } => {
                let path = shown(path);
                match lang {
                    Zh => format!(
                        "{path}：不是 zhoubao 的缓存（是别的程序的 SQLite 数据库），不予改动"
                    ),
                    En => format!(
                        "{path}: not a zhoubao cache (another program's SQLite database); refusing to touch it"
                    ),
                }
            }
            Corrupt { path, reason } => {
                let path = shown(path);
                let reason = crate::sanitize::line(reason);
                match lang {
                    Zh => format!(
                        "{path}：不是数据库或已损坏{}；文件未作改动",
                        sqlite_aside(&reason, Zh)
                    ),
                    En => format!(
                        "{path}: not a database or corrupt ({reason}); it was left as it is"
                    ),
                }
            }
            Damaged { path, reason } => {
                let path = shown(path);
                let reason = crate::sanitize::line(reason);
                match lang {
                    Zh => format!(
                        "{path}：缓存已损坏{}，未写入任何内容。\
                         `zhoubao recover` 可用其中仍能读取的文件重建一个新缓存",
                        sqlite_aside(&reason, Zh)
                    ),
                    En => format!(
                        "{path}: the cache is damaged ({reason}); nothing was written to it. \
                         `zhoubao recover` builds a fresh cache from the files it still holds"
                    ),
                }
            }
            Unrecoverable { path, reason } => {
                let path = shown(path);
                let reason = crate::sanitize::line(reason);
                match lang {
                    Zh => format!(
                        "{path}：没有可恢复的内容（{}）；文件未作改动",
                        sqlite_in_chinese(&reason).unwrap_or(&reason)
                    ),
                    En => format!(
                        "{path}: nothing can be recovered ({reason}); the file was left as it is"
                    ),
                }
            }
            DamagedPage { reason } => {
                let reason = crate::sanitize::line(reason);
                match lang {
                    Zh => format!(
                        "缓存已损坏{}；`zhoubao recover` 可用其中仍能读取的文件重建一个新缓存",
                        sqlite_aside(&reason, Zh)
                    ),
                    En => format!(
                        "the cache is damaged ({reason}); `zhoubao recover` builds a fresh cache from the files it still holds"
                    ),
                }
            }
            TooNew { path, found, known } => {
                let path = shown(path);
                match lang {
                    Zh => format!(
                        "{path}：由更新版本的 zhoubao 写入（结构版本 {found}，本版本最高认得 {known}）；\
                         请升级 zhoubao，缓存未作改动"
                    ),
                    En => format!(
                        "{path}: written by a newer zhoubao (schema {found}, this build knows up to {known}); \
                         upgrade zhoubao, the cache was left as it is"
                    ),
                }
            }
            TooOldToRead { path, found } => {
                let path = shown(path);
                match lang {
                    Zh => format!(
                        "{path}：由旧版 zhoubao 写入（结构版本 {found}），在这里又是只读的；\
                         请以可写方式打开一次，以便升级"
                    ),
                    En => format!(
                        "{path}: written by an older zhoubao (schema {found}) and read-only here; \
                         open it once with write access so it can be upgraded"
                    ),
                }
            }
            Migrate { path, from, reason } => {
                let path = shown(path);
                let reason = crate::sanitize::line(reason);
                match lang {
                    Zh => format!("{path}：无法从结构版本 {from} 升级缓存（{reason}）；缓存保持原样"),
                    En => format!(
                        "{path}: cannot upgrade the cache from schema {from} ({reason}); it was left as it was"
                    ),
                }
            }
            ReadOnly { path } => {
                let path = shown(path);
                match lang {
                    Zh => format!("{path}：缓存是只读的，而 zhoubao 需要写入"),
                    En => format!("{path}: the cache is read-only; zhoubao needs to write to it"),
                }
            }
            FolderReadOnly { path, folder } => {
                let path = shown(path);
                let folder = shown(folder);
                match lang {
                    Zh => format!(
                        "{path}：缓存不可写：所在文件夹 {folder} 是只读的，\
                         而 zhoubao 要在那里写日志文件（{path}-wal）"
                    ),
                    En => format!(
                        "{path}: the cache is read-only: its folder {folder} is, \
                         and zhoubao writes its journal ({path}-wal) there"
                    ),
                }
            }
            UnreadableJournal { path, wal } => {
                let path = shown(path);
                let wal = shown(wal);
                match lang {
                    Zh => format!(
                        "{path}：{wal} 里有尚未写入缓存的改动，读取它们需要对所在文件夹有写权限；\
                         请以可写方式打开缓存一次"
                    ),
                    En => format!(
                        "{path}: {wal} holds changes not yet in the cache, and reading them needs \
                         write access to the folder; open the cache once with write access"
                    ),
                }
            }
            Locked { path } => {
                let path = shown(path);
                match lang {
                    Zh => format!("{path}：缓存被另一个进程锁住；请等它结束后再试"),
                    En => format!(
                        "{path}: the cache is locked by another process; try again when it finishes"
                    ),
                }
            }
            Exists { path } => {
                let path = shown(path);
                match lang {
                    Zh => format!(
                        "{path}：已经存在；recover 从不覆盖文件：请用 --to 给出新路径，或把它移走"
                    ),
                    En => format!(
                        "{path}: already exists; recover never overwrites a file: pass --to NEW, or move it away"
                    ),
                }
            }
            Open { path, reason } => {
                let path = shown(path);
                let reason = crate::sanitize::line(reason);
                match lang {
                    Zh => format!(
                        "{path}：无法打开缓存（{reason}）；文件或其所在文件夹是否只读或不存在？"
                    ),
                    En => format!(
                        "{path}: cannot open the cache ({reason}); is the file or its folder read-only or missing?"
                    ),
                }
            }
            Busy => match lang {
                Zh => "缓存正忙：另一个进程持有它的锁；请等它结束后再试".to_string(),
                En => {
                    "the cache is busy: another process holds its lock; try again when it finishes"
                        .to_string()
                }
            },
            Sql(e) => {
                let e = crate::sanitize::line(&e.to_string());
                match lang {
                    Zh => format!("缓存出错：{e}"),
                    En => format!("cache: {e}"),
                }
            }
            Malformed(v) => {
                let v = crate::sanitize::line(v);
                match lang {
                    Zh => format!("缓存里有一个格式不对的值：{v}"),
                    En => format!("cache holds a malformed value: {v}"),
                }
            }
        };
        text.into()
    }

    #[cfg(test)]
    fn samples() -> Vec<StoreError> {
        use StoreError::*;
        let p = || PathBuf::from("/tmp/c.db");
        let tmp = || PathBuf::from("/tmp");
        vec![
            NoCache { path: p() },
            IsFolder { path: tmp() },
            NotAFile { path: p() },
            NoFolder {
                path: p(),
                folder: tmp(),
            },
            FolderIsFile {
                path: p(),
                folder: tmp(),
            },
            Unreadable {
                path: p(),
                reason: Os::PermissionDenied,
            },
            Create {
                path: p(),
                reason: Box::new(Msg::Os(Os::PermissionDenied)),
            },
            InMemory {
                path: ":memory:".into(),
            },
            Foreign { path: p() },
            Corrupt {
                path: p(),
                reason: "file is not a database".into(),
            },
            Damaged {
                path: p(),
                reason: "malformed".into(),
            },
            Unrecoverable {
                path: p(),
                reason: "malformed".into(),
            },
            DamagedPage {
                reason: "malformed".into(),
            },
            TooNew {
                path: p(),
                found: 9,
                known: 3,
            },
            TooOldToRead {
                path: p(),
                found: 1,
            },
            Migrate {
                path: p(),
                from: 1,
                reason: "disk full".into(),
            },
            ReadOnly { path: p() },
            FolderReadOnly {
                path: p(),
                folder: tmp(),
            },
            UnreadableJournal {
                path: p(),
                wal: "/tmp/c.db-wal".into(),
            },
            Locked { path: p() },
            Exists { path: p() },
            Open {
                path: p(),
                reason: "unable to open".into(),
            },
            Busy,
            Sql(rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(1),
                Some("no such table: issues".into()),
            )),
            Malformed("x".into()),
        ]
    }
}

impl StoreError {
    /// Whether the cache (file or folder) cannot be written, so a reader
    /// may still open it read-only.
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            StoreError::ReadOnly { .. } | StoreError::FolderReadOnly { .. }
        )
    }

    /// Names the file in an error that a query reported without one.
    pub fn at(self, path: &Path) -> StoreError {
        match self {
            StoreError::DamagedPage { reason } => StoreError::Damaged {
                path: path.into(),
                reason,
            },
            StoreError::Busy => StoreError::Locked { path: path.into() },
            other => other,
        }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DatabaseCorrupt) | Some(ErrorCode::NotADatabase) => {
                StoreError::DamagedPage {
                    reason: super::sqlite_reason(&e),
                }
            }
            _ => StoreError::Sql(e),
        }
    }
}

/// Why a cache could not be created in its folder: the reason
/// [`StoreError::Create`] quotes. Folders are held as one printable line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum FolderProblem {
    NotAFolder { folder: String },
    Missing { folder: String },
    NotWritable { folder: String, why: Os },
}

impl Localized for FolderProblem {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use FolderProblem::*;
        use Lang::{En, Zh};
        let text = match self {
            NotAFolder { folder } => match lang {
                Zh => format!("{folder} 不是文件夹"),
                En => format!("{folder} is not a folder"),
            },
            Missing { folder } => match lang {
                Zh => format!("所在的文件夹 {folder} 不存在"),
                En => format!("its folder {folder} does not exist"),
            },
            NotWritable { folder, why } => match lang {
                Zh => format!("所在的文件夹 {folder} 是只读的：{}", why.text(Zh)),
                En => format!("its folder {folder} is read-only: {}", why.text(En)),
            },
        };
        text.into()
    }

    #[cfg(test)]
    fn samples() -> Vec<FolderProblem> {
        let folder = || "/tmp/x".to_string();
        vec![
            FolderProblem::NotAFolder { folder: folder() },
            FolderProblem::Missing { folder: folder() },
            FolderProblem::NotWritable {
                folder: folder(),
                why: Os::PermissionDenied,
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_reasons_have_words_in_each_language() {
        let wrong = crate::i18n::missing_words::<FolderProblem>();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }
}
