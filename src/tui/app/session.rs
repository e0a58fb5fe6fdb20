//! The App's life with the cache: reloading what another process changed,
//! the read marks (kept while the cache is busy, written when it frees),
//! the remembered selection and the session's end.

use super::*;

impl App {
    /// Reloads the list and charts when another process (an import) changed
    /// the cache, keeping the shown issue, its scroll, the list cursor and
    /// the history: the reader sees new issues arrive without restarting.
    pub fn refresh_if_changed(&mut self) {
        self.save_unsaved_marks();
        let generation = match self.library.generation() {
            Ok(g) => g,
            Err(e) if is_busy(&e) => return self.set_message(self.ui.say(Screen::CacheBusy)),
            Err(_) => return,
        };
        if generation == self.generation {
            return;
        }
        let before = self.summaries.len();
        // The generation is taken as seen only once its reload succeeded: a
        // failed one (the writer still holds the lock) is tried again on
        // the next check.
        let (mut summaries, index, weeks) = match load(self.library.as_ref()) {
            Ok(loaded) => loaded,
            Err(e) if is_busy(&e) => return self.set_message(self.ui.say(Screen::CacheBusy)),
            Err(e) => {
                return self.set_error(self.ui.say(Screen::CannotReload(Box::new(e.message()))))
            }
        };
        self.generation = generation;
        // Marks the lock kept from the cache are still the reader's.
        for &(key, read) in &self.unsaved_marks {
            if let Some(s) = index.get(&key).and_then(|&i| summaries.get_mut(i)) {
                s.read = read;
            }
        }
        self.summaries = summaries;
        self.index = index;
        self.recount();
        self.chart = PaneChart::new(&weeks);
        self.weeks = weeks;
        // The filter applies to what arrived too; the cursor follows the
        // shown issue below.
        self.rebuild_rows();
        let mut shown = true;
        if let Some(target) = self.current.clone() {
            let (scroll, link, focus) = (self.detail_scroll, self.link_selected, self.focus);
            self.show(target);
            self.detail_scroll = scroll;
            self.clamp_scroll();
            self.link_selected = link.min(self.doc.items.len().saturating_sub(1));
            if focus != Focus::Links || !self.doc.items.is_empty() {
                self.focus = focus;
            }
        } else if let Some(key) = self.summaries.iter().find(|s| s.cached).map(|s| s.key) {
            // The cache was empty at start; show what the import brought.
            self.show(Target::Issue(key));
        } else {
            shown = false;
        }
        // `show` laid the charts out for the new series already.
        if !shown {
            self.refresh_charts();
        }
        let added = self.summaries.len().saturating_sub(before);
        self.set_message(self.ui.say(Screen::CacheUpdated {
            issues: self.summaries.len(),
            added,
        }));
    }

    /// Writes the read marks a busy cache refused, oldest first, until the
    /// cache is still busy.
    fn save_unsaved_marks(&mut self) {
        while let Some(&(key, read)) = self.unsaved_marks.first() {
            match self.library.set_read(key, read) {
                Ok(()) => {
                    self.unsaved_marks.remove(0);
                }
                Err(e) if is_busy(&e) => return,
                Err(e) => {
                    self.unsaved_marks.remove(0);
                    self.set_error(self.ui.say(Screen::CannotMark {
                        key,
                        error: Box::new(e.message()),
                    }));
                }
            }
        }
    }

    /// Read marks shown but not yet written: the cache was busy.
    pub fn unsaved_marks(&self) -> &[(IssueKey, bool)] {
        &self.unsaved_marks
    }

    /// The library's generation the shown list was loaded at.
    pub fn loaded_generation(&self) -> i64 {
        self.generation
    }

    fn summary_mut(&mut self, key: IssueKey) -> Option<&mut IssueSummary> {
        let i = *self.index.get(&key)?;
        self.summaries.get_mut(i)
    }

    pub fn set_read(&mut self, key: IssueKey, read: bool) {
        // A read-only cache keeps the marks in memory: reading must not
        // stop at an error on every issue opened.
        let stored = if self.library.read_only() {
            Ok(())
        } else {
            self.library.set_read(key, read)
        };
        match stored {
            Ok(()) => {
                if let Some(s) = self.summary_mut(key) {
                    s.read = read;
                }
                self.recount();
            }
            // Another process holds the lock: the mark shows now and is
            // written on a later check, when the lock is free.
            Err(e) if is_busy(&e) => {
                if let Some(s) = self.summary_mut(key) {
                    s.read = read;
                }
                self.recount();
                self.unsaved_marks.retain(|(k, _)| *k != key);
                self.unsaved_marks.push((key, read));
                self.set_message(self.ui.say(Screen::CacheBusy));
            }
            Err(e) => self.set_error(self.ui.say(Screen::CannotMark {
                key,
                error: Box::new(e.message()),
            })),
        }
    }

    /// Opening a cached issue to read it marks it read, as newsboat does.
    pub fn mark_opened(&mut self) {
        let Some(key) = self.current_key() else {
            return;
        };
        let unread_cached = self
            .index
            .get(&key)
            .and_then(|&i| self.summaries.get(i))
            .is_some_and(|s| s.cached && !s.read);
        if unread_cached {
            self.set_read(key, true);
        }
    }

    pub fn toggle_read(&mut self) {
        let Some(key) = self.current_key() else {
            return;
        };
        match self
            .index
            .get(&key)
            .and_then(|&i| self.summaries.get(i))
            .map(|s| (s.cached, s.read))
        {
            // A mark on an issue nobody has read would hide its full copy,
            // when it arrives, from the unread count.
            Some((false, _)) => self.set_message(self.ui.say(Screen::NothingToMark(key))),
            Some((true, read)) => {
                self.set_read(key, !read);
                if self.library.read_only() && self.status.is_none() {
                    self.set_message(self.ui.say(Screen::ReadOnlyMarks));
                }
            }
            None => self.set_error(self.ui.say(Screen::NotInCacheShort(key))),
        }
    }

    /// At quit: the read marks a busy cache refused, the shown issue for
    /// the next start (only on change) and the session's end, waiting for
    /// the lock as long as the command line does. What fails is kept in
    /// `exit_errors`, for the caller to print once the terminal is back
    /// (no frame is drawn after quitting). Runs its writes once.
    pub fn finish_session(&mut self) {
        if std::mem::replace(&mut self.session_ended, true) || self.library.read_only() {
            return;
        }
        let _ = self.library.set_lock_wait(crate::store::LOCK_WAIT);
        for (key, read) in std::mem::take(&mut self.unsaved_marks) {
            if let Err(e) = self.library.set_read(key, read) {
                let error = Box::new(e.message());
                self.exit_errors
                    .push(self.ui.say(Screen::CannotMark { key, error }));
            }
        }
        if let Some(key) = self
            .current_key()
            .filter(|k| self.saved_selection != Some(*k))
        {
            match self.library.set_last_selected(key) {
                Ok(()) => self.saved_selection = Some(key),
                Err(e) => self
                    .exit_errors
                    .push(self.ui.say(Screen::CannotRemember(Box::new(e.message())))),
            }
        }
        if let Err(e) = self.library.end_session() {
            self.exit_errors
                .push(self.ui.say(Screen::CannotEndSession(Box::new(e.message()))));
        }
    }

    /// What went wrong while quitting, in the session's language.
    pub fn take_exit_errors(&mut self) -> Vec<String> {
        std::mem::take(&mut self.exit_errors)
    }
}
