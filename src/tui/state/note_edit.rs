//! `e`'s state: the outside editor this session runs (`$VISUAL`, else
//! `$EDITOR`; none: the one-line editor on the status line), the run the
//! event loop is asked for (it owns the terminal it lends), and what an
//! edit comes to: a note to save, nothing to write, or why not.

use super::prompt::{NoteDraft, Prompt};
use crate::i18n::{Mine, Msg, Os};
use crate::model::IssueKey;
use crate::tui::editor::{Edited, EditorCommand};

#[derive(Debug, Default)]
pub struct NoteEditor {
    editor: Option<EditorCommand>,
    request: Option<EditRequest>,
}

/// A run of the outside editor on the note of `key`, as it is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRequest {
    pub key: IssueKey,
    pub editor: EditorCommand,
    pub note: String,
}

/// What an edit asks of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteChange {
    /// The same as before: write nothing.
    Unchanged,
    /// The new note; None clears it (saved empty).
    Save(Option<String>),
}

impl NoteEditor {
    /// The outside editor `e` runs; None: the one-line editor.
    pub fn set_editor(&mut self, editor: Option<EditorCommand>) {
        self.editor = editor;
    }

    pub fn editor(&self) -> Option<&EditorCommand> {
        self.editor.as_ref()
    }

    /// Starts editing `note` of `key`: with an outside editor, a run for
    /// the event loop (None returned); else the one-line editor's prompt,
    /// holding the note as it is.
    pub fn start(&mut self, key: IssueKey, note: Option<&str>) -> Option<Prompt> {
        let note = note.unwrap_or_default().to_string();
        match &self.editor {
            Some(editor) => {
                self.request = Some(EditRequest {
                    key,
                    editor: editor.clone(),
                    note,
                });
                None
            }
            None => Some(Prompt::Note(NoteDraft { key, typed: note })),
        }
    }

    /// The run asked for, once.
    pub fn take_request(&mut self) -> Option<EditRequest> {
        self.request.take()
    }
}

/// What `typed` does to a note that was `was`: kept as typed, nothing
/// written when it is the same, cleared when empty.
pub fn change(was: Option<&str>, typed: String) -> NoteChange {
    if typed == was.unwrap_or_default() {
        NoteChange::Unchanged
    } else if typed.is_empty() {
        NoteChange::Save(None)
    } else {
        NoteChange::Save(Some(typed))
    }
}

/// The editor's text, or the words for why there is none (the note is
/// then left as it was).
pub fn text_of(program: &str, edited: Edited) -> Result<String, Mine> {
    let program = program.to_string();
    let os = |e: &std::io::Error| Box::new(Msg::from(Os::of(e)));
    match edited {
        Edited::Text(text) => Ok(text),
        Edited::CannotStart(e) => Err(Mine::EditorCannotStart {
            program,
            why: os(&e),
        }),
        Edited::Failed(status) => Err(Mine::EditorFailed {
            program,
            status: status.to_string(),
        }),
        Edited::File(e) => Err(Mine::EditorFile { why: os(&e) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_text_writes_nothing_and_empty_clears() {
        assert_eq!(change(Some("a\x1b"), "a\x1b".into()), NoteChange::Unchanged);
        assert_eq!(change(None, String::new()), NoteChange::Unchanged);
        assert_eq!(change(Some("a"), String::new()), NoteChange::Save(None));
        assert_eq!(
            change(None, "新\t笔记".into()),
            NoteChange::Save(Some("新\t笔记".into()))
        );
    }

    #[test]
    fn an_outside_editor_is_asked_for_once_else_the_prompt_opens() {
        let key = IssueKey::new(2024, 17);
        let mut notes = NoteEditor::default();
        assert_eq!(
            notes.start(key, Some("旧")),
            Some(Prompt::Note(NoteDraft {
                key,
                typed: "旧".into()
            }))
        );
        assert_eq!(notes.take_request(), None);
        notes.set_editor(EditorCommand::parse("vi -n"));
        assert_eq!(notes.start(key, None), None);
        let asked = notes.take_request().unwrap();
        assert_eq!((asked.key, asked.note.as_str()), (key, ""));
        assert_eq!(asked.editor.program, "vi");
        assert_eq!(notes.take_request(), None);
    }
}
