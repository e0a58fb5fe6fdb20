//! The reader's own layer on the App: read marks, flags, notes (`e`, in
//! an editor or on the status line) and the brief overlay (`b`).

use super::App;
use crate::i18n::{Briefing, Mine, Screen};
use crate::model::IssueKey;
use crate::tui::state::note_edit::{self, EditRequest, NoteChange};
use crate::tui::state::prompt::Prompt;
use crate::tui::state::session::{Change, Marked};

impl App {
    /// Marks `key` read or unread, in the cache and on screen; a busy cache
    /// gets the mark later.
    pub fn set_read(&mut self, key: IssueKey, read: bool) {
        match self.session.store_read(key, read) {
            Ok(marked) => {
                self.catalog.set_read(key, read);
                if marked == Marked::Later {
                    self.status.set_message(self.ui.say(Screen::CacheBusy));
                }
            }
            Err(e) => {
                let error = Box::new(e.message());
                self.status
                    .set_error(self.ui.say(Screen::CannotMark { key, error }));
            }
        }
    }

    /// `b`: the shown issue's brief in the overlay, assembled now from the
    /// same comparisons the detail pane shows, the other series' issues
    /// (for the same week) and the issue's note.
    pub fn open_brief(&mut self) {
        let Some(key) = self.current_key() else {
            return self.status.set_message(self.ui.say(Briefing::NoIssueShown));
        };
        let library = self.session.library();
        let detail = match library.detail(key) {
            Ok(Some(d)) => d,
            Ok(None) => return self.status.set_message(self.ui.say(Briefing::NoIssueShown)),
            Err(e) => {
                let error = Box::new(e.message());
                return self
                    .status
                    .set_error(self.ui.say(Screen::CannotLoad { key, error }));
            }
        };
        // Without the other series the brief is still whole, less a line.
        let mut others = Vec::new();
        for series in crate::brief::other_series(key.series) {
            others.extend(library.summaries_of(series).unwrap_or_default());
        }
        let brief = crate::brief::Brief::assemble_within(
            &detail,
            &self.catalog.weeks,
            &others,
            self.max_gap_weeks,
        );
        let lines = crate::brief::render::lines(&brief, self.ui.lang);
        let markdown = crate::brief::render::write(&lines, crate::brief::render::Format::Markdown);
        let screen = self.panes.screen;
        self.brief
            .show(detail.summary.key, lines, markdown, screen, &self.ui);
    }

    /// `*`: flags the shown issue, or unflags it, and says which.
    pub fn toggle_flag(&mut self) {
        let Some(key) = self.current_key() else {
            return self.status.set_message(self.ui.say(Mine::NoIssueShown));
        };
        let flagged = !self.catalog.get(key).is_some_and(|s| s.flagged);
        if self.save_change(key, Change::Flag(flagged)) && self.status.message.is_none() {
            self.status
                .set_message(self.ui.say(Mine::FlagSet { key, flagged }));
        }
    }

    /// `e`: the shown issue's note, in the outside editor (asked of the
    /// event loop) or in the one-line editor on the status line.
    pub fn edit_note(&mut self) {
        let Some(key) = self.current_key() else {
            return self.status.set_message(self.ui.say(Mine::NoIssueShown));
        };
        let note = self.catalog.get(key).and_then(|s| s.note.as_deref());
        if let Some(prompt) = self.notes.start(key, note) {
            self.prompt = prompt;
        }
    }

    /// What the outside editor came to: the note saved, or why not.
    pub fn note_edited(&mut self, request: EditRequest, edited: crate::tui::editor::Edited) {
        match note_edit::text_of(&request.editor.program, edited) {
            Ok(text) => self.save_note(request.key, text),
            Err(why) => self.status.set_error(self.ui.say(why)),
        }
    }

    /// Enter in the one-line editor: saves what it holds.
    pub fn accept_note(&mut self) {
        if let Prompt::Note(draft) = std::mem::take(&mut self.prompt) {
            self.save_note(draft.key, draft.typed);
        }
    }

    /// Saves `typed` as `key`'s note, kept as typed; the same text as
    /// before writes nothing, an empty one clears it.
    fn save_note(&mut self, key: IssueKey, typed: String) {
        let was = self.catalog.get(key).and_then(|s| s.note.as_deref());
        let NoteChange::Save(note) = note_edit::change(was, typed) else {
            return self
                .status
                .set_message(self.ui.say(Mine::NoteUnchanged { key }));
        };
        let cleared = note.is_none();
        self.status.clear();
        if self.save_change(key, Change::Note(note)) && self.status.message.is_none() {
            self.status
                .set_message(self.ui.say(Mine::NoteEdited { key, cleared }));
        }
    }

    /// Saves a flag or a note of `key` and shows it (a busy cache gets it
    /// later); false, with the reason on the status line, when the cache
    /// refused it.
    pub fn save_change(&mut self, key: IssueKey, change: Change) -> bool {
        match self.session.store_change(key, change.clone()) {
            Ok(marked) => {
                match change {
                    Change::Flag(flagged) => self.catalog.set_flag(key, flagged),
                    Change::Note(note) => self.catalog.set_note(key, note),
                }
                // The list filter and the detail pane show what changed.
                self.list.rebuild(&self.catalog, self.current_key());
                if let Some(target) = self.detail.current.clone() {
                    let (scroll, link, focus) = (self.detail.scroll, self.detail.link, self.focus);
                    self.show(target);
                    self.return_to(scroll, link, focus);
                }
                if marked == Marked::Later {
                    self.status
                        .set_message(self.ui.say(Mine::MarkWaits { key }));
                }
                true
            }
            Err(e) => {
                let why = Box::new(e.message());
                self.status
                    .set_error(self.ui.say(Mine::CannotSaveMark { key, why }));
                false
            }
        }
    }

    /// Opening a cached issue to read it marks it read, as newsboat does.
    pub fn mark_opened(&mut self) {
        let Some(key) = self.current_key() else {
            return;
        };
        if self.catalog.get(key).is_some_and(|s| s.cached && !s.read) {
            self.set_read(key, true);
        }
    }

    /// `m`: the shown issue read or unread again.
    pub fn toggle_read(&mut self) {
        let Some(key) = self.current_key() else {
            return self.status.set_message(self.ui.say(Mine::NoIssueShown));
        };
        match self.catalog.get(key).map(|s| (s.cached, s.read)) {
            // A mark on an issue nobody has read would hide its full copy,
            // when it arrives, from the unread count.
            Some((false, _)) => self
                .status
                .set_message(self.ui.say(Screen::NothingToMark(key))),
            Some((true, read)) => {
                self.set_read(key, !read);
                if self.session.read_only() && self.status.message.is_none() {
                    self.status.set_message(self.ui.say(Screen::ReadOnlyMarks));
                }
            }
            None => self
                .status
                .set_error(self.ui.say(Screen::NotInCacheShort(key))),
        }
    }
}
