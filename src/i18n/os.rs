//! The operating system's errors in the user's language: an `io::Error`
//! is shown by its kind (不存在, 没有权限, 磁盘已满 …), since the system's
//! own words are English whatever the locale; a kind with no wording of
//! its own keeps the system's text.

use std::borrow::Cow;
use std::io;

use super::Lang;

/// What the system said went wrong, as one of the kinds users meet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Os {
    NotFound,
    PermissionDenied,
    AlreadyExists,
    ReadOnlyFilesystem,
    StorageFull,
    QuotaExceeded,
    FileTooLarge,
    IsADirectory,
    NotADirectory,
    DirectoryNotEmpty,
    ResourceBusy,
    InvalidFilename,
    TimedOut,
    Interrupted,
    BrokenPipe,
    UnexpectedEof,
    InvalidData,
    OutOfMemory,
    Unsupported,
    /// Any other kind: the system's own words, sanitized, on one line.
    Other(String),
}

impl Os {
    pub fn of(e: &io::Error) -> Os {
        use io::ErrorKind as K;
        match e.kind() {
            K::NotFound => Os::NotFound,
            K::PermissionDenied => Os::PermissionDenied,
            K::AlreadyExists => Os::AlreadyExists,
            K::ReadOnlyFilesystem => Os::ReadOnlyFilesystem,
            K::StorageFull => Os::StorageFull,
            K::QuotaExceeded => Os::QuotaExceeded,
            K::FileTooLarge => Os::FileTooLarge,
            K::IsADirectory => Os::IsADirectory,
            K::NotADirectory => Os::NotADirectory,
            K::DirectoryNotEmpty => Os::DirectoryNotEmpty,
            K::ResourceBusy | K::ExecutableFileBusy => Os::ResourceBusy,
            K::InvalidFilename => Os::InvalidFilename,
            K::TimedOut => Os::TimedOut,
            K::Interrupted => Os::Interrupted,
            K::BrokenPipe => Os::BrokenPipe,
            K::UnexpectedEof => Os::UnexpectedEof,
            K::InvalidData => Os::InvalidData,
            K::OutOfMemory => Os::OutOfMemory,
            K::Unsupported => Os::Unsupported,
            _ => Os::Other(crate::sanitize::line(&e.to_string())),
        }
    }

    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use Os::*;
        match (self, lang) {
            (NotFound, Zh) => "不存在".into(),
            (NotFound, En) => "no such file or directory".into(),
            (PermissionDenied, Zh) => "没有权限".into(),
            (PermissionDenied, En) => "permission denied".into(),
            (AlreadyExists, Zh) => "已经存在".into(),
            (AlreadyExists, En) => "it already exists".into(),
            (ReadOnlyFilesystem, Zh) => "文件系统是只读的".into(),
            (ReadOnlyFilesystem, En) => "read-only file system".into(),
            (StorageFull, Zh) => "磁盘已满".into(),
            (StorageFull, En) => "no space left on the device".into(),
            (QuotaExceeded, Zh) => "超出磁盘配额".into(),
            (QuotaExceeded, En) => "disk quota exceeded".into(),
            (FileTooLarge, Zh) => "文件太大".into(),
            (FileTooLarge, En) => "file too large".into(),
            (IsADirectory, Zh) => "这是文件夹".into(),
            (IsADirectory, En) => "it is a folder".into(),
            (NotADirectory, Zh) => "路径中有一段不是文件夹".into(),
            (NotADirectory, En) => "a part of the path is not a folder".into(),
            (DirectoryNotEmpty, Zh) => "文件夹不是空的".into(),
            (DirectoryNotEmpty, En) => "the folder is not empty".into(),
            (ResourceBusy, Zh) => "正被占用".into(),
            (ResourceBusy, En) => "it is busy".into(),
            (InvalidFilename, Zh) => "文件名无效或太长".into(),
            (InvalidFilename, En) => "invalid or too long a file name".into(),
            (TimedOut, Zh) => "超时".into(),
            (TimedOut, En) => "timed out".into(),
            (Interrupted, Zh) => "被中断".into(),
            (Interrupted, En) => "interrupted".into(),
            (BrokenPipe, Zh) => "对方已关闭（管道断开）".into(),
            (BrokenPipe, En) => "broken pipe".into(),
            (UnexpectedEof, Zh) => "内容意外结束".into(),
            (UnexpectedEof, En) => "unexpected end of the data".into(),
            (InvalidData, Zh) => "数据无效".into(),
            (InvalidData, En) => "invalid data".into(),
            (OutOfMemory, Zh) => "内存不足".into(),
            (OutOfMemory, En) => "out of memory".into(),
            (Unsupported, Zh) => "本系统不支持此操作".into(),
            (Unsupported, En) => "not supported on this system".into(),
            (Other(detail), Zh) => format!("系统错误：{detail}").into(),
            (Other(detail), En) => detail.clone().into(),
        }
    }

    #[cfg(test)]
    pub(super) fn samples() -> Vec<Os> {
        use Os::*;
        vec![
            NotFound,
            PermissionDenied,
            AlreadyExists,
            ReadOnlyFilesystem,
            StorageFull,
            QuotaExceeded,
            FileTooLarge,
            IsADirectory,
            NotADirectory,
            DirectoryNotEmpty,
            ResourceBusy,
            InvalidFilename,
            TimedOut,
            Interrupted,
            BrokenPipe,
            UnexpectedEof,
            InvalidData,
            OutOfMemory,
            Unsupported,
            Other("Too many levels of symbolic links (os error 40)".into()),
        ]
    }
}

/// SQLite's reason for refusing a cache in Chinese, for the reasons a
/// damaged or foreign file meets; None for any other. SQLite words its
/// errors in English whatever the locale.
pub fn sqlite_in_chinese(reason: &str) -> Option<&'static str> {
    let reason = reason.trim();
    if reason == "file is not a database" {
        Some("不是数据库")
    } else if reason.starts_with("database disk image is malformed") {
        Some("数据库文件已损坏")
    } else {
        None
    }
}

/// SQLite's `reason` in brackets after words that already say the cache is
/// not a database or is damaged: `（…）` or ` (…)`, and nothing in Chinese
/// when the reason is one of those (it would only repeat them in English).
pub fn sqlite_aside(reason: &str, lang: Lang) -> String {
    match lang {
        Lang::Zh if sqlite_in_chinese(reason).is_some() => String::new(),
        Lang::Zh => format!("（{reason}）"),
        Lang::En => format!(" ({reason})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_read_in_chinese_by_their_kind() {
        let denied = io::Error::from_raw_os_error(13);
        assert_eq!(Os::of(&denied).text(Lang::Zh), "没有权限");
        let full = io::Error::new(io::ErrorKind::StorageFull, "No space left on device");
        assert_eq!(Os::of(&full).text(Lang::Zh), "磁盘已满");
        assert_eq!(
            Os::of(&io::Error::from(io::ErrorKind::NotFound)).text(Lang::En),
            "no such file or directory"
        );
    }

    #[test]
    fn sqlites_known_reasons_are_not_repeated_in_english_inside_chinese() {
        assert_eq!(sqlite_aside("file is not a database", Lang::Zh), "");
        assert_eq!(
            sqlite_aside("database disk image is malformed", Lang::Zh),
            ""
        );
        assert_eq!(
            sqlite_aside("disk I/O error", Lang::Zh),
            "（disk I/O error）"
        );
        assert_eq!(
            sqlite_aside("file is not a database", Lang::En),
            " (file is not a database)"
        );
        assert_eq!(
            sqlite_in_chinese("file is not a database"),
            Some("不是数据库")
        );
    }

    #[test]
    fn a_kind_without_words_keeps_the_systems_text_sanitized() {
        let odd = io::Error::other("odd\u{1b}[31m\nfailure");
        let os = Os::of(&odd);
        assert_eq!(os.text(Lang::En), "oddfailure");
        assert_eq!(os.text(Lang::Zh), "系统错误：oddfailure");
    }
}
