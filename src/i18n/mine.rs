//! The words of the reader's own layer, in both languages side by side:
//! flags and notes where `show`, `list` and `search` print them, `zhoubao
//! note`, and carrying the layer to another cache (`export --notes`,
//! `import FILE.json`). Keys and paths are held already as printable text.

use std::borrow::Cow;

use super::words::plural;
use super::{Lang, Msg};
use crate::model::IssueKey;

/// Something said about the reader's flags, notes and read marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mine {
    /// `show`: the issue is flagged.
    Flagged,
    /// `show`: the heading above the note.
    NoteHeading,
    /// `search`: a match in the note, in context.
    NoteSnippet(String),
    /// `zhoubao note KEY TEXT`.
    NoteSaved { key: String },
    /// `zhoubao note KEY ""`.
    NoteCleared { key: String },
    /// `zhoubao note KEY` of an issue without one.
    NoNote { key: String },
    /// A note for an issue the cache does not know yet.
    NoteWaits { key: String },
    /// `export --notes --output FILE`.
    MarksWritten { issues: usize, path: String },
    /// `import FILE.json`: what the file's marks did here.
    MarksImported {
        file: String,
        issues: usize,
        read: usize,
        flagged: usize,
        notes: usize,
    },
    /// An issue whose note here differs from the file's.
    MarksConflict { key: String },
    /// Issues the cache does not know yet, some named.
    MarksWaiting { issues: usize, keys: String },
    // --- the TUI
    /// A library that keeps no flags or notes.
    NoMarksHere,
    /// `*`, `e` or `m` with no issue shown (an empty cache, a filter that
    /// lists nothing).
    NoIssueShown,
    /// The list title's name of the flagged filter.
    FilterFlagged,
    /// `f` chose the flagged filter: `rows` of `total` shown.
    ShowingFlagged { rows: usize, total: usize },
    /// The flagged filter left no row; `key` changes the filter.
    NoFlaggedIssue { key: String },
    /// `*`: the issue is flagged now, or not.
    FlagSet { key: IssueKey, flagged: bool },
    /// A flag or a note the cache refused: what and why.
    CannotSaveMark { key: IssueKey, why: Box<Msg> },
    /// The cache is busy: the change is kept and saved in a moment.
    MarkWaits { key: IssueKey },
    /// A read-only cache takes no flags or notes.
    ReadOnlyMarks,
    /// The note's heading in the detail pane, and the key that edits it
    /// (None when no key does).
    NotePane { edit: Option<String> },
    /// `e` without `$VISUAL` or `$EDITOR`: the one-line editor's label.
    NotePrompt { key: IssueKey },
    /// `e`: the note saved, or cleared (saved empty).
    NoteEdited { key: IssueKey, cleared: bool },
    /// `e`: the note came back as it was; nothing written.
    NoteUnchanged { key: IssueKey },
    /// `$VISUAL`/`$EDITOR` could not be started.
    EditorCannotStart { program: String, why: Box<Msg> },
    /// The editor ended with a failure (as `git commit` takes it).
    EditorFailed { program: String, status: String },
    /// The editor's file could not be made or read back.
    EditorFile { why: Box<Msg> },
}

/// A program's end as std words it (`exit status: 1`, `signal: 9
/// (SIGKILL)`, on Windows `exit code: 1`) in Chinese: `退出码 1`,
/// `被信号 9（SIGKILL）终止`; anything else as it is.
fn exit_status_in_chinese(status: &str) -> String {
    let code = status
        .strip_prefix("exit status: ")
        .or_else(|| status.strip_prefix("exit code: "));
    if let Some(code) = code {
        return format!("退出码 {code}");
    }
    if let Some(rest) = status.strip_prefix("signal: ") {
        let (number, name) = rest.split_once(' ').unwrap_or((rest, ""));
        let name = name.replace(" (core dumped)", "，已转储核心");
        let name = name.trim_start_matches('(').replacen(')', "", 1);
        return if name.is_empty() {
            format!("被信号 {number} 终止")
        } else {
            format!("被信号 {number}（{name}）终止")
        };
    }
    status.to_string()
}

impl Mine {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use Mine::*;
        match (self, lang) {
            (Flagged, Zh) => "已加旗标".into(),
            (Flagged, En) => "flagged".into(),
            (NoteHeading, Zh) => "笔记：".into(),
            (NoteHeading, En) => "note:".into(),
            (NoteSnippet(s), Zh) => format!("笔记：{s}").into(),
            (NoteSnippet(s), En) => format!("note: {s}").into(),
            (NoteSaved { key }, Zh) => format!("已保存 {key} 的笔记").into(),
            (NoteSaved { key }, En) => format!("saved the note of {key}").into(),
            (NoteCleared { key }, Zh) => format!("已清除 {key} 的笔记").into(),
            (NoteCleared { key }, En) => format!("cleared the note of {key}").into(),
            (NoNote { key }, Zh) => format!("{key} 没有笔记").into(),
            (NoNote { key }, En) => format!("{key} has no note").into(),
            (NoteWaits { key }, Zh) => {
                format!("缓存里还没有 {key}：笔记先存着，这一期导入后就会显示").into()
            }
            (NoteWaits { key }, En) => format!(
                "the cache does not know {key} yet: the note is kept and shows once the issue arrives"
            )
            .into(),
            (MarksWritten { issues, path }, Zh) => {
                format!("已把 {issues} 期的已读标记、旗标和笔记写入 {path}").into()
            }
            (MarksWritten { issues, path }, En) => format!(
                "wrote the read marks, flags and notes of {} to {path}",
                plural(*issues, "issue", "issues")
            )
            .into(),
            (
                MarksImported {
                    file,
                    issues,
                    read,
                    flagged,
                    notes,
                },
                Zh,
            ) => format!(
                "{file}：{issues} 期的标记，新标为已读 {read} 期，新加旗标 {flagged} 个，新写入笔记 {notes} 条"
            )
            .into(),
            (
                MarksImported {
                    file,
                    issues,
                    read,
                    flagged,
                    notes,
                },
                En,
            ) => format!(
                "{file}: the marks of {}; newly read {read}, newly flagged {flagged}, {} added",
                plural(*issues, "issue", "issues"),
                plural(*notes, "note", "notes")
            )
            .into(),
            (MarksConflict { key }, Zh) => {
                format!("{key} 在这里已有不同的笔记：保留这里的（文件里的那条仍在文件中）").into()
            }
            (MarksConflict { key }, En) => format!(
                "{key} has a different note here: this cache's is kept (the file still holds the other)"
            )
            .into(),
            (MarksWaiting { issues, keys }, Zh) => format!(
                "其中 {issues} 期缓存里还没有（{keys}）：标记先存着，这些期导入后就会显示"
            )
            .into(),
            (MarksWaiting { issues, keys }, En) => format!(
                "{} not in this cache yet ({keys}): their marks are kept and show once they arrive",
                plural(*issues, "issue is", "issues are")
            )
            .into(),
            (NoIssueShown, Zh) => "没有显示哪一期：先在列表里选一期".into(),
            (NoIssueShown, En) => "no issue is shown: pick one in the list first".into(),
            (NoMarksHere, Zh) => "这里不能保存旗标和笔记".into(),
            (NoMarksHere, En) => "flags and notes cannot be kept here".into(),
            (FilterFlagged, Zh) => "已加旗标".into(),
            (FilterFlagged, En) => "flagged".into(),
            (ShowingFlagged { rows, total }, Zh) => {
                format!("显示已加旗标的 {rows} 期（共 {total} 期）").into()
            }
            (ShowingFlagged { rows, total }, En) => {
                format!("showing the {rows} flagged of {total} issues").into()
            }
            (NoFlaggedIssue { key }, Zh) => {
                format!("没有加旗标的一期：按 {key} 换筛选，再在一期上按 * 加旗标").into()
            }
            (NoFlaggedIssue { key }, En) => {
                format!("no flagged issue: {key} changes the filter, then * flags an issue").into()
            }
            (FlagSet { key, flagged: true }, Zh) => format!("{key} 已加旗标").into(),
            (FlagSet { key, flagged: true }, En) => format!("flagged {key}").into(),
            (FlagSet { key, flagged: false }, Zh) => format!("{key} 已去掉旗标").into(),
            (FlagSet { key, flagged: false }, En) => format!("unflagged {key}").into(),
            (CannotSaveMark { key, why }, Zh) => {
                format!("无法保存 {key} 的旗标或笔记：{}", why.text(Zh)).into()
            }
            (CannotSaveMark { key, why }, En) => {
                format!("cannot save the flag or note of {key}: {}", why.text(En)).into()
            }
            (MarkWaits { key }, Zh) => {
                format!("缓存正忙：{key} 的改动先留着，稍后自动保存").into()
            }
            (MarkWaits { key }, En) => {
                format!("the cache is busy: the change to {key} is kept and saved in a moment")
                    .into()
            }
            (ReadOnlyMarks, Zh) => "缓存是只读的：旗标和笔记无法保存".into(),
            (ReadOnlyMarks, En) => "the cache is read-only: flags and notes cannot be saved".into(),
            (NotePane { edit: Some(edit) }, Zh) => format!("笔记（{edit} 编辑）").into(),
            (NotePane { edit: Some(edit) }, En) => format!("Note ({edit} edits)").into(),
            (NotePane { edit: None }, Zh) => "笔记".into(),
            (NotePane { edit: None }, En) => "Note".into(),
            (NotePrompt { key }, Zh) => format!("{key} 的笔记：").into(),
            (NotePrompt { key }, En) => format!("note of {key}: ").into(),
            (NoteEdited { key, cleared: false }, Zh) => format!("已保存 {key} 的笔记").into(),
            (NoteEdited { key, cleared: false }, En) => format!("saved the note of {key}").into(),
            (NoteEdited { key, cleared: true }, Zh) => format!("已清除 {key} 的笔记").into(),
            (NoteEdited { key, cleared: true }, En) => format!("cleared the note of {key}").into(),
            (NoteUnchanged { key }, Zh) => format!("{key} 的笔记没有改动").into(),
            (NoteUnchanged { key }, En) => format!("the note of {key} is unchanged").into(),
            (EditorCannotStart { program, why }, Zh) => {
                format!("无法启动编辑器 {program}：{}；笔记没有改动", why.text(Zh)).into()
            }
            (EditorCannotStart { program, why }, En) => format!(
                "cannot start the editor {program}: {}; the note is unchanged",
                why.text(En)
            )
            .into(),
            (EditorFailed { program, status }, Zh) => {
                let status = exit_status_in_chinese(status);
                format!("编辑器 {program} 以失败结束（{status}）：笔记没有改动").into()
            }
            (EditorFailed { program, status }, En) => {
                format!("the editor {program} failed ({status}): the note is unchanged").into()
            }
            (EditorFile { why }, Zh) => {
                format!("编辑器的临时文件无法写入或读回：{}；笔记没有改动", why.text(Zh)).into()
            }
            (EditorFile { why }, En) => format!(
                "the editor's temporary file could not be written or read back: {}; the note is unchanged",
                why.text(En)
            )
            .into(),
        }
    }

    #[cfg(test)]
    pub(super) fn samples() -> Vec<Mine> {
        use Mine::*;
        let key = || "2025-7".to_string();
        vec![
            Flagged,
            NoteHeading,
            NoteSnippet("«跨境»回落".into()),
            NoteSaved { key: key() },
            NoteCleared { key: key() },
            NoNote { key: key() },
            NoteWaits { key: key() },
            MarksWritten {
                issues: 3,
                path: "/tmp/marks.json".into(),
            },
            MarksImported {
                file: "marks.json".into(),
                issues: 3,
                read: 1,
                flagged: 1,
                notes: 1,
            },
            MarksConflict { key: key() },
            MarksWaiting {
                issues: 2,
                keys: "2030-1, 2030-2".into(),
            },
            NoMarksHere,
            NoIssueShown,
            FilterFlagged,
            ShowingFlagged {
                rows: 2,
                total: 140,
            },
            NoFlaggedIssue { key: "f".into() },
            FlagSet {
                key: IssueKey::new(2025, 7),
                flagged: true,
            },
            FlagSet {
                key: IssueKey::new(2025, 7),
                flagged: false,
            },
            CannotSaveMark {
                key: IssueKey::new(2025, 7),
                why: Box::new(Msg::Mine(NoMarksHere)),
            },
            MarkWaits {
                key: IssueKey::new(2025, 7),
            },
            ReadOnlyMarks,
            NotePane {
                edit: Some("e".into()),
            },
            NotePane { edit: None },
            NotePrompt {
                key: IssueKey::new(2025, 7),
            },
            NoteEdited {
                key: IssueKey::new(2025, 7),
                cleared: false,
            },
            NoteEdited {
                key: IssueKey::new(2025, 7),
                cleared: true,
            },
            NoteUnchanged {
                key: IssueKey::new(2025, 7),
            },
            EditorCannotStart {
                program: "vim".into(),
                why: Box::new(Msg::Mine(NoMarksHere)),
            },
            EditorFailed {
                program: "vim".into(),
                status: "exit status: 1".into(),
            },
            EditorFile {
                why: Box::new(Msg::Mine(NoMarksHere)),
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(status: String) -> String {
        let program = "false".to_string();
        Mine::EditorFailed { program, status }
            .text(Lang::Zh)
            .into_owned()
    }

    #[cfg(unix)]
    #[test]
    fn an_editors_failure_reads_in_chinese_with_its_exit_code_or_signal() {
        use std::os::unix::process::ExitStatusExt;
        use std::process::ExitStatus;
        let exited = ExitStatus::from_raw(1 << 8).to_string();
        assert_eq!(
            failed(exited.clone()),
            "编辑器 false 以失败结束（退出码 1）：笔记没有改动"
        );
        let killed = ExitStatus::from_raw(9).to_string();
        assert_eq!(
            failed(killed),
            "编辑器 false 以失败结束（被信号 9（SIGKILL）终止）：笔记没有改动"
        );
        let dumped = ExitStatus::from_raw(11 | 0x80).to_string();
        assert_eq!(
            failed(dumped),
            "编辑器 false 以失败结束（被信号 11（SIGSEGV，已转储核心）终止）：笔记没有改动"
        );
        // English keeps std's words.
        let en = Mine::EditorFailed {
            program: "false".into(),
            status: exited,
        };
        assert_eq!(
            en.text(Lang::En),
            "the editor false failed (exit status: 1): the note is unchanged"
        );
    }
}
