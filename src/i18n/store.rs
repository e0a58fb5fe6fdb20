//! The cache's words ([`crate::store::StoreError`]), in both languages
//! side by side: each names the file and says what the user can do.

use std::borrow::Cow;

use super::Lang;

/// What went wrong with the cache. Paths are held sanitized, as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreMsg {
    NoCache {
        path: String,
    },
    IsFolder {
        path: String,
        example: String,
    },
    NotAFile {
        path: String,
    },
    NoFolder {
        path: String,
        folder: String,
    },
    FolderIsFile {
        path: String,
        folder: String,
    },
    CannotReadCache {
        path: String,
        reason: super::Os,
    },
    Create {
        path: String,
        reason: Box<super::Msg>,
    },
    /// Why a cache could not be created: its folder is a file.
    FolderNotAFolder {
        folder: String,
    },
    FolderMissing {
        folder: String,
    },
    FolderNotWritable {
        folder: String,
        why: super::Os,
    },
    InMemory {
        path: String,
    },
    Foreign {
        path: String,
    },
    Corrupt {
        path: String,
        reason: String,
    },
    Damaged {
        path: String,
        reason: String,
    },
    Unrecoverable {
        path: String,
        reason: String,
    },
    DamagedPage {
        reason: String,
    },
    TooNew {
        path: String,
        found: i64,
        known: i64,
    },
    TooOldToRead {
        path: String,
        found: i64,
    },
    Migrate {
        path: String,
        from: i64,
        reason: String,
    },
    ReadOnly {
        path: String,
    },
    FolderReadOnly {
        path: String,
        folder: String,
    },
    UnreadableJournal {
        path: String,
        wal: String,
    },
    Locked {
        path: String,
    },
    Exists {
        path: String,
    },
    Open {
        path: String,
        reason: String,
    },
    Busy,
    Sql(String),
    Malformed(String),
}

impl StoreMsg {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use StoreMsg::*;
        match (self, lang) {
            (NoCache { path }, Zh) => format!("{path} 处没有缓存；请先导入周报").into(),
            (NoCache { path }, En) => format!("no cache at {path}; import bulletins first").into(),
            (IsFolder { path, example }, Zh) => {
                format!("{path} 是文件夹，不是缓存文件；请给出缓存文件的路径，例如 {example}")
                    .into()
            }
            (IsFolder { path, example }, En) => format!(
                "{path} is a folder, not a cache file; pass the cache file's path, e.g. {example}"
            )
            .into(),
            (NotAFile { path }, Zh) => format!("{path} 不是普通文件，不能用作缓存").into(),
            (NotAFile { path }, En) => {
                format!("{path} is not a regular file, so it cannot be a cache").into()
            }
            (NoFolder { path, folder }, Zh) => {
                format!("{path}：所在的文件夹 {folder} 不存在").into()
            }
            (NoFolder { path, folder }, En) => {
                format!("{path}: its folder {folder} does not exist").into()
            }
            (FolderIsFile { path, folder }, Zh) => {
                format!("{path}：{folder} 不是文件夹").into()
            }
            (FolderIsFile { path, folder }, En) => {
                format!("{path}: {folder} is not a folder").into()
            }
            (CannotReadCache { path, reason }, Zh) => {
                format!("{path}：无法读取缓存（{}）", reason.text(Zh)).into()
            }
            (CannotReadCache { path, reason }, En) => {
                format!("{path}: cannot read the cache ({})", reason.text(En)).into()
            }
            (Create { path, reason }, Zh) => {
                format!("{path}：无法创建缓存（{}）", reason.text(Zh)).into()
            }
            (Create { path, reason }, En) => {
                format!("{path}: cannot create the cache ({})", reason.text(En)).into()
            }
            (FolderNotAFolder { folder }, Zh) => format!("{folder} 不是文件夹").into(),
            (FolderNotAFolder { folder }, En) => format!("{folder} is not a folder").into(),
            (FolderMissing { folder }, Zh) => format!("所在的文件夹 {folder} 不存在").into(),
            (FolderMissing { folder }, En) => {
                format!("its folder {folder} does not exist").into()
            }
            (FolderNotWritable { folder, why }, Zh) => {
                format!("所在的文件夹 {folder} 是只读的：{}", why.text(Zh)).into()
            }
            (FolderNotWritable { folder, why }, En) => {
                format!("its folder {folder} is read-only: {}", why.text(En)).into()
            }
            (InMemory { path }, Zh) => format!(
                "--db {path} 在 zhoubao 退出后什么也不会保留；请给出缓存文件的路径"
            )
            .into(),
            (InMemory { path }, En) => format!(
                "--db {path} keeps nothing after zhoubao exits; pass the path of a cache file"
            )
            .into(),
            (Foreign { path }, Zh) => format!(
                "{path}：不是 zhoubao 的缓存（是别的程序的 SQLite 数据库），不予改动"
            )
            .into(),
            (Foreign { path }, En) => format!(
                "{path}: not a zhoubao cache (another program's SQLite database); refusing to touch it"
            )
            .into(),
            (Corrupt { path, reason }, Zh) => {
                format!("{path}：不是数据库或已损坏（{reason}）；文件未作改动").into()
            }
            (Corrupt { path, reason }, En) => format!(
                "{path}: not a database or corrupt ({reason}); it was left as it is"
            )
            .into(),
            (Damaged { path, reason }, Zh) => format!(
                "{path}：缓存已损坏（{reason}），未写入任何内容。\
                 `zhoubao recover` 可用其中仍能读取的文件重建一个新缓存"
            )
            .into(),
            (Damaged { path, reason }, En) => format!(
                "{path}: the cache is damaged ({reason}); nothing was written to it. \
                 `zhoubao recover` builds a fresh cache from the files it still holds"
            )
            .into(),
            (Unrecoverable { path, reason }, Zh) => {
                format!("{path}：没有可恢复的内容（{reason}）；文件未作改动").into()
            }
            (Unrecoverable { path, reason }, En) => format!(
                "{path}: nothing can be recovered ({reason}); the file was left as it is"
            )
            .into(),
            (DamagedPage { reason }, Zh) => format!(
                "缓存已损坏（{reason}）；`zhoubao recover` 可用其中仍能读取的文件重建一个新缓存"
            )
            .into(),
            (DamagedPage { reason }, En) => format!(
                "the cache is damaged ({reason}); `zhoubao recover` builds a fresh cache from the files it still holds"
            )
            .into(),
            (TooNew { path, found, known }, Zh) => format!(
                "{path}：由更新版本的 zhoubao 写入（结构版本 {found}，本版本最高认得 {known}）；\
                 请升级 zhoubao，缓存未作改动"
            )
            .into(),
            (TooNew { path, found, known }, En) => format!(
                "{path}: written by a newer zhoubao (schema {found}, this build knows up to {known}); \
                 upgrade zhoubao, the cache was left as it is"
            )
            .into(),
            (TooOldToRead { path, found }, Zh) => format!(
                "{path}：由旧版 zhoubao 写入（结构版本 {found}），在这里又是只读的；\
                 请以可写方式打开一次，以便升级"
            )
            .into(),
            (TooOldToRead { path, found }, En) => format!(
                "{path}: written by an older zhoubao (schema {found}) and read-only here; \
                 open it once with write access so it can be upgraded"
            )
            .into(),
            (Migrate { path, from, reason }, Zh) => {
                format!("{path}：无法从结构版本 {from} 升级缓存（{reason}）；缓存保持原样").into()
            }
            (Migrate { path, from, reason }, En) => format!(
                "{path}: cannot upgrade the cache from schema {from} ({reason}); it was left as it was"
            )
            .into(),
            (ReadOnly { path }, Zh) => format!("{path}：缓存是只读的，而 zhoubao 需要写入").into(),
            (ReadOnly { path }, En) => {
                format!("{path}: the cache is read-only; zhoubao needs to write to it").into()
            }
            (FolderReadOnly { path, folder }, Zh) => format!(
                "{path}：缓存不可写：所在文件夹 {folder} 是只读的，\
                 而 zhoubao 要在那里写日志文件（{path}-wal）"
            )
            .into(),
            (FolderReadOnly { path, folder }, En) => format!(
                "{path}: the cache is read-only: its folder {folder} is, \
                 and zhoubao writes its journal ({path}-wal) there"
            )
            .into(),
            (UnreadableJournal { path, wal }, Zh) => format!(
                "{path}：{wal} 里有尚未写入缓存的改动，读取它们需要对所在文件夹有写权限；\
                 请以可写方式打开缓存一次"
            )
            .into(),
            (UnreadableJournal { path, wal }, En) => format!(
                "{path}: {wal} holds changes not yet in the cache, and reading them needs \
                 write access to the folder; open the cache once with write access"
            )
            .into(),
            (Locked { path }, Zh) => {
                format!("{path}：缓存被另一个进程锁住；请等它结束后再试").into()
            }
            (Locked { path }, En) => format!(
                "{path}: the cache is locked by another process; try again when it finishes"
            )
            .into(),
            (Exists { path }, Zh) => format!(
                "{path}：已经存在；recover 从不覆盖文件：请用 --to 给出新路径，或把它移走"
            )
            .into(),
            (Exists { path }, En) => format!(
                "{path}: already exists; recover never overwrites a file: pass --to NEW, or move it away"
            )
            .into(),
            (Open { path, reason }, Zh) => format!(
                "{path}：无法打开缓存（{reason}）；文件或其所在文件夹是否只读或不存在？"
            )
            .into(),
            (Open { path, reason }, En) => format!(
                "{path}: cannot open the cache ({reason}); is the file or its folder read-only or missing?"
            )
            .into(),
            (Busy, Zh) => "缓存正忙：另一个进程持有它的锁；请等它结束后再试".into(),
            (Busy, En) => {
                "the cache is busy: another process holds its lock; try again when it finishes"
                    .into()
            }
            (Sql(e), Zh) => format!("缓存出错：{e}").into(),
            (Sql(e), En) => format!("cache: {e}").into(),
            (Malformed(v), Zh) => format!("缓存里有一个格式不对的值：{v}").into(),
            (Malformed(v), En) => format!("cache holds a malformed value: {v}").into(),
        }
    }

    #[cfg(test)]
    pub(super) fn samples() -> Vec<StoreMsg> {
        use StoreMsg::*;
        let p = || "/tmp/c.db".to_string();
        vec![
            NoCache { path: p() },
            IsFolder {
                path: "/tmp".into(),
                example: p(),
            },
            NotAFile { path: p() },
            NoFolder {
                path: p(),
                folder: "/tmp".into(),
            },
            FolderIsFile {
                path: p(),
                folder: "/tmp".into(),
            },
            CannotReadCache {
                path: p(),
                reason: super::Os::PermissionDenied,
            },
            Create {
                path: p(),
                reason: Box::new(super::Msg::Os(super::Os::PermissionDenied)),
            },
            FolderNotAFolder {
                folder: "/tmp/x".into(),
            },
            FolderMissing {
                folder: "/tmp/x".into(),
            },
            FolderNotWritable {
                folder: "/tmp/x".into(),
                why: super::Os::PermissionDenied,
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
                folder: "/tmp".into(),
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
            Sql("no such table".into()),
            Malformed("x".into()),
        ]
    }
}
