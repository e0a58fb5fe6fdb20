//! The words of import and the cache, in both languages side by side: each
//! file's verdict and reason, the import summary, `reindex` and `recover`.
//! The cache's errors and the parser's reasons word themselves beside their
//! types (store/error.rs, parse/error.rs) and are quoted here as [`Msg`]s.

use std::borrow::Cow;

use super::{Lang, Msg};

#[cfg(test)]
mod samples;
use crate::model::MAX_FILE_BYTES;

/// Something import, the cache or the parser says. Paths and quoted text
/// are held already sanitized, as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cache {
    // --- one file of an import
    /// The word `import --verbose` prints for a file.
    Verdict(Verdict),
    CannotRead {
        error: super::Os,
    },
    CannotReadFolder {
        error: super::Os,
    },
    NotRegular(FileKind),
    TooLarge {
        bytes: u64,
    },
    GrewPastLimit,
    /// One of the cache's own files inside an imported folder.
    OwnFile(OwnFile),
    /// A panic in the parser, with its message (empty when it had none)
    /// and where it happened.
    ParserCrashed {
        detail: String,
        at: Option<String>,
    },
    // --- the import summary
    SkippedLine {
        path: String,
        why: Box<Msg>,
    },
    FailedLine {
        path: String,
        why: Box<Msg>,
    },
    Summary {
        files: usize,
        new: usize,
        updated: usize,
        unchanged: usize,
        /// Copies of issues a better copy already shows (reposts beside
        /// the publisher's); named only when there are some.
        lower: usize,
        stubs: usize,
        /// Files that held no article text, whose issue has none either;
        /// named in the line only when there are some.
        empty: usize,
        skipped: usize,
        failed: usize,
    },
    /// What the files without article text mean, and what to do.
    NoTextHint {
        files: usize,
    },
    /// The run gave up: why, how many files it did not get to, what to do.
    Stopped {
        reason: Box<Msg>,
        not_imported: usize,
        of: usize,
        hint: Box<Msg>,
    },
    StopLocked {
        cache: String,
        secs: u64,
    },
    StopDamaged {
        cache: String,
        reason: String,
    },
    HintRunAgain,
    HintRecover,
    /// `import` of paths that hold no file at all.
    NoFiles {
        paths: String,
    },
    /// `import` of paths none of which could be read (a mistyped path):
    /// each path with why, so no cache is made for nothing.
    NothingReadable {
        paths: Vec<(String, Box<Msg>)>,
    },
    // --- reindex and recover
    /// `issues` distinct issues in the cache, from `parsed` of `files`.
    Reindexed {
        issues: usize,
        files: usize,
        parsed: usize,
    },
    /// The cache was merged under older rules and re-derived on opening
    /// (the publisher's own article now ranks first).
    Reranked {
        issues: usize,
        files: usize,
    },
    RecoverSaved {
        saved: usize,
        of: usize,
        to: String,
        issues: usize,
        marks: usize,
    },
    /// The flags and notes `recover` carried over with the read marks.
    RecoverKeptMarks {
        flags: usize,
        notes: usize,
    },
    /// `recover` on a cache that is not damaged.
    RecoverHealthy {
        cache: String,
    },
    RecoverLost {
        files: usize,
    },
    /// A line of a list under a heading: a path, shown as it is.
    Indented(String),
    RecoverLostUnnamed {
        files: usize,
    },
    RecoverEndUnknown,
    /// The verdict of `recover`: everything was saved, or not (exit 1).
    RecoverComplete,
    RecoverIncomplete,
    RecoverMarksDamaged {
        lost: usize,
    },
    RecoverSettingsLost {
        settings: usize,
    },
    /// How to put the new cache in place.
    RecoverNext {
        cache: String,
        to: String,
    },
    /// The damaged cache's journal files, which go with it.
    RecoverJournals {
        files: Vec<String>,
    },
}

/// What happened to one imported file, as one word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    New,
    Updated,
    Unchanged,
    /// A copy of an issue a better copy already shows.
    LowerCopy,
    Stub,
    /// A copy without article text of an issue no copy has text for.
    NoText,
    Skipped,
    Failed,
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Fifo,
    Socket,
    CharDevice,
    BlockDevice,
    Folder,
    Other,
}

/// The cache's own files, which an import never reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnFile {
    Database,
    Wal,
    Shm,
    Journal,
}

impl From<Cache> for Msg {
    fn from(m: Cache) -> Msg {
        Msg::Cache(m)
    }
}

fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 {
        one
    } else {
        many
    }
}

impl Cache {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Cache::*;
        use Lang::{En, Zh};
        match (self, lang) {
            // --- one file of an import
            (Verdict(v), lang) => verdict_text(*v, lang).into(),
            (CannotRead { error }, Zh) => format!("读取失败：{}", error.text(Zh)).into(),
            (CannotRead { error }, En) => format!("cannot read: {}", error.text(En)).into(),
            (CannotReadFolder { error }, Zh) => {
                format!("读取文件夹失败：{}", error.text(Zh)).into()
            }
            (CannotReadFolder { error }, En) => {
                format!("cannot read folder: {}", error.text(En)).into()
            }
            (NotRegular(kind), Zh) => format!("不是普通文件：{}", kind_text(*kind, Zh)).into(),
            (NotRegular(kind), En) => {
                format!("not a regular file: {}", kind_text(*kind, En)).into()
            }
            (TooLarge { bytes }, Zh) => {
                format!("文件太大：{bytes} 字节（上限 {MAX_FILE_BYTES} 字节，即 16 MiB）").into()
            }
            (TooLarge { bytes }, En) => {
                format!("file too large: {bytes} bytes (limit {MAX_FILE_BYTES} bytes = 16 MiB)")
                    .into()
            }
            (GrewPastLimit, Zh) => {
                format!("文件太大：读取期间增长到超过 {MAX_FILE_BYTES} 字节（16 MiB）的上限").into()
            }
            (GrewPastLimit, En) => format!(
                "file too large: it grew past the limit of {MAX_FILE_BYTES} bytes (16 MiB) while being read"
            )
            .into(),
            (OwnFile(f), lang) => own_file_text(*f, lang).into(),
            (ParserCrashed { detail, at }, Zh) => {
                // A panic without a message says nothing of its own.
                let detail = if detail.is_empty() { "没有说明" } else { detail };
                let at = at.as_ref().map_or(String::new(), |a| format!("，位置 {a}"));
                format!("解析器处理此文件时崩溃（{detail}{at}）；这是 zhoubao 的缺陷，请报告").into()
            }
            (ParserCrashed { detail, at }, En) => {
                let detail = if detail.is_empty() { "no message" } else { detail };
                let at = at.as_ref().map_or(String::new(), |a| format!(" at {a}"));
                format!(
                    "the parser crashed on this file ({detail}{at}); a bug in zhoubao, please report it"
                )
                .into()
            }
            // --- the import summary
            (SkippedLine { path, why }, Zh) => format!("跳过 {path}：{}", why.text(Zh)).into(),
            (SkippedLine { path, why }, En) => {
                format!("skipped {path}: {}", why.text(En)).into()
            }
            (FailedLine { path, why }, Zh) => format!("失败 {path}：{}", why.text(Zh)).into(),
            (FailedLine { path, why }, En) => {
                format!("failed  {path}: {}", why.text(En)).into()
            }
            (
                Summary {
                    files,
                    new,
                    updated,
                    unchanged,
                    lower,
                    stubs,
                    empty,
                    skipped,
                    failed,
                },
                Zh,
            ) => {
                let lower = lower_copies(*lower, Zh);
                let empty = if *empty > 0 {
                    format!("无正文 {empty}，")
                } else {
                    String::new()
                };
                format!(
                    "{}：新增 {new}，更新 {updated}，未变 {unchanged}，{lower}合并存根 {stubs}，\
                     {empty}跳过 {skipped}，失败 {failed}",
                    Msg::Files(*files).text(Zh)
                )
                .into()
            }
            (
                Summary {
                    files,
                    new,
                    updated,
                    unchanged,
                    lower,
                    stubs,
                    empty,
                    skipped,
                    failed,
                },
                En,
            ) => {
                let lower = lower_copies(*lower, En);
                let empty = if *empty > 0 {
                    format!("{empty} without article text, ")
                } else {
                    String::new()
                };
                format!(
                    "{}: {new} new, {updated} updated, {unchanged} unchanged, {lower}\
                     {stubs} {} merged, {empty}{skipped} skipped, {failed} failed",
                    Msg::Files(*files).text(En),
                    plural(*stubs, "stub", "stubs"),
                )
                .into()
            }
            (NoTextHint { files }, Zh) => format!(
                "{files} 个文件没有正文（空白页面或只有标题的转载），它们的那几期仍然没有正文；\
                 zhoubao update 或 zhoubao fetch URL 可以取来有正文的一份"
            )
            .into(),
            (NoTextHint { files }, En) => format!(
                "{} no article text (an empty page or a title-only repost): \
                 their issues still have none; zhoubao update or zhoubao fetch URL \
                 brings a copy with text",
                if *files == 1 {
                    "1 file held".to_string()
                } else {
                    format!("{files} files held")
                }
            )
            .into(),
            (
                Stopped {
                    reason,
                    not_imported,
                    of,
                    hint,
                },
                Zh,
            ) => format!(
                "{}；{of} 个文件中有 {not_imported} 个未导入；{}",
                reason.text(Zh),
                hint.text(Zh)
            )
            .into(),
            (
                Stopped {
                    reason,
                    not_imported,
                    of,
                    hint,
                },
                En,
            ) => format!(
                "{}; {not_imported} of {of} {} {} not imported; {}",
                reason.text(En),
                plural(*of, "file", "files"),
                plural(*not_imported, "was", "were"),
                hint.text(En)
            )
            .into(),
            (StopLocked { cache, secs }, Zh) => {
                format!("{cache}：缓存被另一个进程锁住超过 {secs} 秒，导入放弃").into()
            }
            (StopLocked { cache, secs }, En) => format!(
                "{cache}: the cache stayed locked by another process for {secs} s, so the import gave up"
            )
            .into(),
            (StopDamaged { cache, reason }, Zh) => {
                format!("{cache}：缓存已损坏{}，导入停止", super::sqlite_aside(reason, Zh)).into()
            }
            (StopDamaged { cache, reason }, En) => {
                format!("{cache}: the cache is damaged ({reason}), so the import stopped").into()
            }
            (HintRunAgain, Zh) => "等那个进程结束后再运行一次".into(),
            (HintRunAgain, En) => "run it again when that process finishes".into(),
            (HintRecover, Zh) => "`zhoubao recover` 可用其中保存的文件重建一个新缓存".into(),
            (HintRecover, En) => {
                "`zhoubao recover` builds a fresh cache from the files it holds".into()
            }
            (NoFiles { paths }, Zh) => {
                format!("没有可导入的文件：{paths} 里没有文件（隐藏的文件和文件夹不算）").into()
            }
            (NoFiles { paths }, En) => format!(
                "nothing to import: {paths} holds no files (hidden files and folders are left out)"
            )
            .into(),
            (NothingReadable { paths }, lang) => {
                let said: Vec<String> = paths
                    .iter()
                    .map(|(path, why)| unreadable_path(path, why, lang))
                    .collect();
                match lang {
                    Zh => format!("没有可导入的文件：{}", said.join("；")).into(),
                    En => format!("nothing to import: {}", said.join("; ")).into(),
                }
            }
            // --- reindex and recover
            (Reranked { issues, files }, Zh) => format!(
                "缓存按新的出处规则重新合并（出版者自己的文章优先于转载）：{files} 个文件，{issues} 期"
            )
            .into(),
            (Reranked { issues, files }, En) => format!(
                "re-merged the cache under the new provenance rules (the publisher's own articles \
                 before reposts): {} from {files} stored {}",
                Msg::Issues(*issues).text(En),
                plural(*files, "file", "files")
            )
            .into(),
            (
                Reindexed {
                    issues,
                    files,
                    parsed,
                },
                Zh,
            ) => {
                let unread = files - parsed.min(files);
                let tail = if unread > 0 {
                    format!("；其中 {unread} 个文件本版本不再当作周报读取")
                } else {
                    String::new()
                };
                format!("已从存储的 {files} 个文件重新导出 {issues} 期{tail}").into()
            }
            (
                Reindexed {
                    issues,
                    files,
                    parsed,
                },
                En,
            ) => {
                let unread = files - parsed.min(files);
                let tail = if unread > 0 {
                    format!(
                        "; {unread} of them {} no longer read as a bulletin",
                        plural(unread, "is", "are")
                    )
                } else {
                    String::new()
                };
                format!(
                    "re-derived {} from {} stored {}{tail}",
                    Msg::Issues(*issues).text(En),
                    files,
                    plural(*files, "file", "files")
                )
                .into()
            }
            (
                RecoverSaved {
                    saved,
                    of,
                    to,
                    issues,
                    marks,
                },
                Zh,
            ) => format!(
                "已把 {of} 个存储文件中的 {saved} 个保存到 {to}：{issues} 期，{marks} 个已读标记"
            )
            .into(),
            (
                RecoverSaved {
                    saved,
                    of,
                    to,
                    issues,
                    marks,
                },
                En,
            ) => format!(
                "saved {saved} of {of} stored {} into {to}: {}, {marks} {}",
                plural(*of, "file", "files"),
                Msg::Issues(*issues).text(En),
                plural(*marks, "read mark", "read marks")
            )
            .into(),
            (RecoverKeptMarks { flags, notes }, Zh) => {
                format!("另保留了 {flags} 个旗标、{notes} 条笔记").into()
            }
            (RecoverKeptMarks { flags, notes }, En) => format!(
                "also kept {flags} {} and {notes} {}",
                plural(*flags, "flag", "flags"),
                plural(*notes, "note", "notes")
            )
            .into(),
            (RecoverHealthy { cache }, Zh) => {
                format!("{cache} 完好：检查没有发现损坏，无需恢复，什么也没有写").into()
            }
            (RecoverHealthy { cache }, En) => format!(
                "{cache} is healthy: the check found no damage, so there is nothing to recover and nothing was written"
            )
            .into(),
            (RecoverLost { files }, Zh) => format!("有 {files} 个存储文件未能保存：").into(),
            (RecoverLost { files }, En) => format!(
                "could not save {files} {}:",
                plural(*files, "stored file", "stored files")
            )
            .into(),
            (Indented(line), _) => format!("  {line}").into(),
            (RecoverLostUnnamed { files }, Zh) => {
                format!("  另有 {files} 个文件，连路径也读不出来").into()
            }
            (RecoverLostUnnamed { files }, En) => format!(
                "  {files} {} whose path could not be read either",
                plural(*files, "file", "files")
            )
            .into(),
            (RecoverEndUnknown, Zh) => {
                "损坏的缓存没有说明它存了多少文件：最后一个可读文件之后的可能有遗漏".into()
            }
            (RecoverEndUnknown, En) => {
                "the damaged cache does not say how many files it held: some after the last readable one may be missing".into()
            }
            (RecoverMarksDamaged { lost }, Zh) => format!(
                "已读标记已损坏：已逐期查找所保存各期的标记，其中 {lost} 期的读不出来"
            )
            .into(),
            (RecoverMarksDamaged { lost }, En) => format!(
                "the read marks are damaged: those of the saved issues were looked up one by one, and {lost} {} could not be read",
                plural(*lost, "issue's", "issues'")
            )
            .into(),
            (RecoverSettingsLost { settings }, Zh) => {
                format!("有 {settings} 项设置读不出来").into()
            }
            (RecoverSettingsLost { settings }, En) => format!(
                "could not read {settings} {}",
                plural(*settings, "setting", "settings")
            )
            .into(),
            (RecoverComplete, Zh) => "已全部保存：没有丢失任何文件、已读标记或设置".into(),
            (RecoverComplete, En) => {
                "everything was saved: no file, read mark or setting was lost".into()
            }
            (RecoverIncomplete, Zh) => "未能全部保存：丢失的内容见上文".into(),
            (RecoverIncomplete, En) => "not everything could be saved: see above for what was lost".into(),
            (RecoverNext { cache, to }, Zh) => format!(
                "原缓存未作改动；要改用新缓存，请在没有 zhoubao 运行时执行：\n  \
                 mv {cache} {cache}.old && mv {to} {cache}"
            )
            .into(),
            (RecoverNext { cache, to }, En) => format!(
                "the original cache was left unchanged; to use the new one, with no zhoubao running:\n  \
                 mv {cache} {cache}.old && mv {to} {cache}"
            )
            .into(),
            (RecoverJournals { files }, Zh) => format!(
                "  并把 {} 一起移走：它们属于原缓存",
                files.join(" 和 ")
            )
            .into(),
            (RecoverJournals { files }, En) => format!(
                "  and move {} away with the original cache: they belong to it",
                files.join(" and ")
            )
            .into(),
        }
    }
}

/// `较低的副本 18，` / `18 lower copies, ` in a summary line, nothing when
/// there are none: a repost beside the publisher's copy is not "unchanged"
/// on a first import, and most runs have none.
pub(in crate::i18n) fn lower_copies(files: usize, lang: Lang) -> String {
    match (files, lang) {
        (0, _) => String::new(),
        (n, Lang::Zh) => format!("较低的副本 {n}，"),
        (1, Lang::En) => "1 lower copy, ".into(),
        (n, Lang::En) => format!("{n} lower copies, "),
    }
}

fn verdict_text(v: Verdict, lang: Lang) -> &'static str {
    use Lang::{En, Zh};
    match (v, lang) {
        (Verdict::New, Zh) => "新增",
        (Verdict::New, En) => "new",
        (Verdict::Updated, Zh) => "更新",
        (Verdict::Updated, En) => "updated",
        (Verdict::Unchanged, Zh) => "未变",
        (Verdict::Unchanged, En) => "unchanged",
        (Verdict::LowerCopy, Zh) => "较低的副本",
        (Verdict::LowerCopy, En) => "lower copy",
        (Verdict::Stub, Zh) => "存根",
        (Verdict::Stub, En) => "stub",
        (Verdict::NoText, Zh) => "无正文",
        (Verdict::NoText, En) => "no text",
        (Verdict::Skipped, Zh) => "跳过",
        (Verdict::Skipped, En) => "skipped",
        (Verdict::Failed, Zh) => "失败",
        (Verdict::Failed, En) => "failed",
    }
}

fn kind_text(kind: FileKind, lang: Lang) -> &'static str {
    use Lang::{En, Zh};
    match (kind, lang) {
        (FileKind::Fifo, Zh) => "FIFO（命名管道）",
        (FileKind::Fifo, En) => "a FIFO (named pipe)",
        (FileKind::Socket, Zh) => "套接字",
        (FileKind::Socket, En) => "a socket",
        (FileKind::CharDevice, Zh) => "字符设备",
        (FileKind::CharDevice, En) => "a character device",
        (FileKind::BlockDevice, Zh) => "块设备",
        (FileKind::BlockDevice, En) => "a block device",
        (FileKind::Folder, Zh) => "文件夹",
        (FileKind::Folder, En) => "a folder",
        (FileKind::Other, Zh) => "不是文件",
        (FileKind::Other, En) => "not a file",
    }
}

fn own_file_text(f: OwnFile, lang: Lang) -> &'static str {
    use Lang::{En, Zh};
    match (f, lang) {
        (OwnFile::Database, Zh) => "这是本次导入正在写入的缓存",
        (OwnFile::Database, En) => "the cache this import writes to",
        (OwnFile::Wal, Zh) => "这是本次导入正在写入的缓存的预写日志",
        (OwnFile::Wal, En) => "the write-ahead log of the cache this import writes to",
        (OwnFile::Shm, Zh) => "这是本次导入正在写入的缓存的共享内存索引",
        (OwnFile::Shm, En) => "the shared-memory index of the cache this import writes to",
        (OwnFile::Journal, Zh) => "这是本次导入正在写入的缓存的回滚日志",
        (OwnFile::Journal, En) => "the rollback journal of the cache this import writes to",
    }
}

/// One path `import` could not read: a missing one said plainly ("X 不存在"),
/// any other reason quoted after the path.
fn unreadable_path(path: &str, why: &Msg, lang: Lang) -> String {
    let missing = matches!(
        why,
        Msg::Cache(Cache::CannotRead {
            error: super::Os::NotFound
        })
    );
    match (missing, lang) {
        (true, Lang::Zh) => format!("{path} 不存在"),
        (true, Lang::En) => format!("{path} does not exist"),
        (false, Lang::Zh) => format!("{path}：{}", why.text(lang)),
        (false, Lang::En) => format!("{path}: {}", why.text(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_in_english_are_grammatical() {
        let one = Cache::Stopped {
            reason: Box::new(Msg::Cache(Cache::HintRunAgain)),
            not_imported: 1,
            of: 1,
            hint: Box::new(Msg::Cache(Cache::HintRunAgain)),
        };
        assert!(one.text(Lang::En).contains("1 of 1 file was not imported"));
        let reindexed = Cache::Reindexed {
            issues: 140,
            files: 147,
            parsed: 147,
        };
        assert_eq!(
            reindexed.text(Lang::En),
            "re-derived 140 issues from 147 stored files"
        );
        assert_eq!(
            reindexed.text(Lang::Zh),
            "已从存储的 147 个文件重新导出 140 期"
        );
        let single = Cache::Reindexed {
            issues: 1,
            files: 2,
            parsed: 1,
        };
        assert_eq!(
            single.text(Lang::En),
            "re-derived 1 issue from 2 stored files; 1 of them is no longer read as a bulletin"
        );
    }
}
