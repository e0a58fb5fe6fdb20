//! The session's life with the cache: the library the TUI reads and
//! writes, the generation its list was loaded at (another process's import
//! changes it), the read marks, flags and notes a busy cache refused (kept
//! and written when it frees), the issue remembered for the next start, and the session's
//! end, whose failures are printed once the terminal is back.

use super::catalog::Catalog;
use crate::i18n::{Mine, Screen};
use crate::model::{IssueKey, SeriesId};
use crate::tui::library::{is_busy, LastVisit, Library, LibraryError};
use crate::tui::ui::Ui;

/// What became of a read mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marked {
    Stored,
    /// Another process holds the cache's lock: the mark is kept and
    /// written on a later check.
    Later,
}

/// A change to the reader's layer beyond a read mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Flag(bool),
    /// The note as typed; None clears it.
    Note(Option<String>),
}

impl Change {
    /// Whether `other` changes the same thing (a later one replaces it).
    fn same_kind(&self, other: &Change) -> bool {
        matches!(
            (self, other),
            (Change::Flag(_), Change::Flag(_)) | (Change::Note(_), Change::Note(_))
        )
    }
}

/// What a check for another process's changes found.
pub enum Reload {
    Unchanged,
    /// The cache is locked: tried again on the next check.
    Busy,
    Failed(LibraryError),
    /// A new catalog, with the marks still waiting to be written.
    Loaded(Catalog),
}

pub struct Session {
    library: Box<dyn Library>,
    /// The library's generation when the catalog was loaded.
    generation: i64,
    /// The issue the library remembers for the next start.
    saved_selection: Option<IssueKey>,
    /// Read marks a busy cache refused, written on a later check.
    unsaved_marks: Vec<(IssueKey, bool)>,
    /// Flags and notes a busy cache refused, likewise.
    unsaved_changes: Vec<(IssueKey, Change)>,
    ended: bool,
    /// Failures while quitting, printed after the terminal is restored.
    exit_errors: Vec<String>,
}

impl Session {
    /// The session on `library`, before its catalog is loaded.
    pub fn new(library: Box<dyn Library>) -> Session {
        let generation = library.generation().unwrap_or(0);
        // Not remembering the last issue is no reason to refuse to start.
        let saved_selection = library.last_selected().unwrap_or(None);
        Session {
            library,
            generation,
            saved_selection,
            unsaved_marks: Vec::new(),
            unsaved_changes: Vec::new(),
            ended: false,
            exit_errors: Vec::new(),
        }
    }

    pub fn library(&self) -> &dyn Library {
        self.library.as_ref()
    }

    pub fn read_only(&self) -> bool {
        self.library.read_only()
    }

    /// The issue selected when the last session ended.
    pub fn saved_selection(&self) -> Option<IssueKey> {
        self.saved_selection
    }

    /// The library's generation the shown list was loaded at.
    pub fn generation(&self) -> i64 {
        self.generation
    }

    /// Read marks shown but not yet written: the cache was busy.
    pub fn unsaved_marks(&self) -> &[(IssueKey, bool)] {
        &self.unsaved_marks
    }

    /// What arrived since the last session ended, and the session's start
    /// recorded as its end: a session that never reaches its quit (a
    /// closed terminal window, a kill) still moves the mark, to its start;
    /// quitting moves it to the end.
    pub fn since_last_visit(&self) -> Result<Option<LastVisit>, LibraryError> {
        let visit = self.library.since_last_session();
        if visit.is_ok() && !self.read_only() {
            let _ = self.library.end_session();
        }
        visit
    }

    /// Stores a read mark; a read-only cache keeps it in memory only, as
    /// reading must not stop at an error on every issue opened.
    pub fn store_read(&mut self, key: IssueKey, read: bool) -> Result<Marked, LibraryError> {
        if self.read_only() {
            return Ok(Marked::Stored);
        }
        match self.library.set_read(key, read) {
            Ok(()) => Ok(Marked::Stored),
            Err(e) if is_busy(&e) => {
                self.unsaved_marks.retain(|(k, _)| *k != key);
                self.unsaved_marks.push((key, read));
                Ok(Marked::Later)
            }
            Err(e) => Err(e),
        }
    }

    /// Flags and notes shown but not yet written: the cache was busy.
    pub fn unsaved_changes(&self) -> &[(IssueKey, Change)] {
        &self.unsaved_changes
    }

    fn apply(&self, key: IssueKey, change: &Change) -> Result<(), LibraryError> {
        match change {
            Change::Flag(flagged) => self.library.set_flag(key, *flagged),
            Change::Note(note) => self.library.set_note(key, note.as_deref()),
        }
    }

    /// Stores a flag or a note. A read-only cache refuses it (a note
    /// typed for nothing would be lost at quit); a busy one keeps it to
    /// write on a later check, as read marks are kept.
    pub fn store_change(&mut self, key: IssueKey, change: Change) -> Result<Marked, LibraryError> {
        if self.read_only() {
            return Err(LibraryError::new(Mine::ReadOnlyMarks));
        }
        match self.apply(key, &change) {
            Ok(()) => Ok(Marked::Stored),
            Err(e) if is_busy(&e) => {
                self.unsaved_changes
                    .retain(|(k, c)| !(*k == key && c.same_kind(&change)));
                self.unsaved_changes.push((key, change));
                Ok(Marked::Later)
            }
            Err(e) => Err(e),
        }
    }

    /// Writes the flags and notes a busy cache refused, oldest first,
    /// until the cache is still busy; those that failed otherwise are
    /// dropped, and returned with their error.
    pub fn save_unsaved_changes(&mut self) -> Vec<(IssueKey, Change, LibraryError)> {
        let mut failed = Vec::new();
        while let Some((key, change)) = self.unsaved_changes.first().cloned() {
            match self.apply(key, &change) {
                Ok(()) => {
                    self.unsaved_changes.remove(0);
                }
                Err(e) if is_busy(&e) => break,
                Err(e) => {
                    self.unsaved_changes.remove(0);
                    failed.push((key, change, e));
                }
            }
        }
        failed
    }

    /// Writes the read marks a busy cache refused, oldest first, until the
    /// cache is still busy; the marks that failed otherwise, dropped.
    pub fn save_unsaved_marks(&mut self) -> Vec<(IssueKey, LibraryError)> {
        let mut failed = Vec::new();
        while let Some(&(key, read)) = self.unsaved_marks.first() {
            match self.library.set_read(key, read) {
                Ok(()) => {
                    self.unsaved_marks.remove(0);
                }
                Err(e) if is_busy(&e) => break,
                Err(e) => {
                    self.unsaved_marks.remove(0);
                    failed.push((key, e));
                }
            }
        }
        failed
    }

    /// The catalog of `series` again when another process (an import)
    /// changed the cache, with the marks the lock kept from the cache shown: they are
    /// still the reader's. The generation is taken as seen only once its
    /// reload succeeded: a failed one (the writer still holds the lock) is
    /// tried again on the next check.
    pub fn reload_if_changed(&mut self, series: SeriesId) -> Reload {
        let generation = match self.library.generation() {
            Ok(g) => g,
            Err(e) if is_busy(&e) => return Reload::Busy,
            Err(_) => return Reload::Unchanged,
        };
        if generation == self.generation {
            return Reload::Unchanged;
        }
        let catalog = match self.load_whole(series) {
            Ok(catalog) => catalog,
            Err(e) if is_busy(&e) => return Reload::Busy,
            Err(e) => return Reload::Failed(e),
        };
        self.generation = generation;
        Reload::Loaded(catalog)
    }

    /// Every issue of `series`, with the marks and changes the cache has
    /// not taken yet shown as made.
    pub fn load_whole(&self, series: SeriesId) -> Result<Catalog, LibraryError> {
        let mut catalog = Catalog::load(self.library.as_ref(), series)?;
        for &(key, read) in &self.unsaved_marks {
            catalog.set_read(key, read);
        }
        for (key, change) in &self.unsaved_changes {
            match change {
                Change::Flag(flagged) => catalog.set_flag(*key, *flagged),
                Change::Note(note) => catalog.set_note(*key, note.clone()),
            }
        }
        Ok(catalog)
    }

    /// At quit: the read marks a busy cache refused, the `shown` issue for
    /// the next start (only on change) and the session's end, waiting for
    /// the lock as long as the command line does. What fails is kept for
    /// [`Session::take_exit_errors`], in `ui`'s language (no frame is drawn
    /// after quitting). Runs its writes once.
    pub fn finish(&mut self, shown: Option<IssueKey>, ui: &Ui) {
        if std::mem::replace(&mut self.ended, true) || self.read_only() {
            return;
        }
        let _ = self.library.set_lock_wait(crate::store::LOCK_WAIT);
        for (key, read) in std::mem::take(&mut self.unsaved_marks) {
            if let Err(e) = self.library.set_read(key, read) {
                let error = Box::new(e.message());
                self.exit_errors
                    .push(ui.say(Screen::CannotMark { key, error }));
            }
        }
        for (key, change) in std::mem::take(&mut self.unsaved_changes) {
            if let Err(e) = self.apply(key, &change) {
                let why = Box::new(e.message());
                let mut said = ui.say(Mine::CannotSaveMark { key, why });
                // The note is the reader's own words: printed, not lost.
                if let Change::Note(Some(note)) = &change {
                    said.push_str(":\n");
                    said.push_str(&crate::sanitize::clean(note, true));
                }
                self.exit_errors.push(said);
            }
        }
        if let Some(key) = shown.filter(|k| self.saved_selection != Some(*k)) {
            match self.library.set_last_selected(key) {
                Ok(()) => self.saved_selection = Some(key),
                Err(e) => self
                    .exit_errors
                    .push(ui.say(Screen::CannotRemember(Box::new(e.message())))),
            }
        }
        if let Err(e) = self.library.end_session() {
            self.exit_errors
                .push(ui.say(Screen::CannotEndSession(Box::new(e.message()))));
        }
    }

    /// What went wrong while quitting.
    pub fn take_exit_errors(&mut self) -> Vec<String> {
        std::mem::take(&mut self.exit_errors)
    }
}
