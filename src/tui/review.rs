//! The review flow: the list filter (all → cached → unread), the next
//! unread issue, marking every issue read after a y/n question, the `:`
//! prompt that goes to an issue by key, and the start-up line that says
//! what arrived since the last session.
//!
//! The filter is applied when it is chosen, when the cache reloads and
//! after everything is marked read, not on every mark: an issue read while
//! only unread ones are listed stays in the list, so rows never move under
//! the cursor. When the shown issue is not in the filtered list (a link,
//! `:` or `[`/`]` led there), it stays in the detail pane, no row is
//! highlighted and the cursor waits where the issue would be: j goes to
//! the nearest older row, k to the nearest newer one.

use super::action::InputMode;
use super::app::App;
use super::filter::Question;
use super::target::Target;
use crate::i18n::Screen;
use crate::model::{IssueKey, IssueSummary};

/// How many cells of a mistyped `:` key the status line repeats.
const TYPED_SHOWN: usize = 20;

impl App {
    /// Recomputes the rows the filter admits and puts the cursor on the
    /// shown issue (or where it would be).
    pub(super) fn rebuild_rows(&mut self) {
        let filter = self.filter;
        self.list_rows = (0..self.summaries.len())
            .filter(|&i| self.summaries.get(i).is_some_and(|s| filter.admits(s)))
            .collect();
        self.recount();
        self.list_selected = 0;
        match self.current_key() {
            Some(key) => self.place_cursor(key),
            None => self.keep_list_selection_visible(),
        }
    }

    pub(super) fn recount(&mut self) {
        self.unread = self
            .summaries
            .iter()
            .filter(|s| s.cached && !s.read)
            .count();
    }

    /// The issue on list row `row`.
    pub fn row_key(&self, row: usize) -> Option<IssueKey> {
        let at = *self.list_rows.get(row)?;
        self.summaries.get(at).map(|s| s.key)
    }

    /// The row showing `key`, or Err with the row of the nearest older
    /// issue (`list_rows.len()` when every row is newer).
    pub fn row_of(&self, key: IssueKey) -> Result<usize, usize> {
        match self.index.get(&key) {
            Some(at) => self.list_rows.binary_search(at),
            None => Err(self
                .list_rows
                .partition_point(|&at| self.summaries.get(at).is_some_and(|s| s.key > key))),
        }
    }

    /// Whether the cursor row holds the issue the detail pane shows.
    pub fn cursor_on_shown(&self) -> bool {
        self.current_key()
            .is_some_and(|k| self.row_key(self.list_selected) == Some(k))
    }

    pub(super) fn place_cursor(&mut self, key: IssueKey) {
        let row = match self.row_of(key) {
            Ok(row) | Err(row) => row,
        };
        self.list_selected = row.min(self.list_rows.len().saturating_sub(1));
        // A jump far from the rows on screen (a search hit, `u`, `:`, a
        // followed link) puts the row mid-list, with issues either side; a
        // step just past an edge scrolls one row, as j/k do.
        let h = self.list_height().max(1);
        let row = self.list_selected;
        if row + 1 < self.list_offset || row > self.list_offset + h {
            self.list_offset = row.saturating_sub(h / 2);
        }
        self.keep_list_selection_visible();
    }

    /// The row j/k (`down` or not, `n` rows) go to. From a shown issue the
    /// filter hides, the first step lands on its nearest neighbour; None
    /// when there is no row that way.
    pub fn list_step(&self, n: usize, down: bool) -> Option<usize> {
        let last = self.list_rows.len().checked_sub(1)?;
        let between = match self.current_key() {
            Some(key) if !self.cursor_on_shown() => self.row_of(key).err(),
            _ => None,
        };
        let more = n.saturating_sub(1);
        Some(match (between, down) {
            (Some(older), true) if older > last => return None,
            (Some(older), true) => older.saturating_add(more).min(last),
            (Some(older), false) => older.checked_sub(1)?.saturating_sub(more),
            (None, true) => self.list_selected.saturating_add(n).min(last),
            (None, false) => self.list_selected.saturating_sub(n),
        })
    }

    /// `f`: the next filter.
    pub fn cycle_filter(&mut self) {
        self.filter = self.filter.next();
        self.rebuild_rows();
        let note = self
            .filter
            .chosen(self.list_rows.len(), self.summaries.len());
        self.set_message(self.ui.say(note));
    }

    /// `u`: opens the next older unread cached issue after the one shown,
    /// wrapping to the newest, as newsboat's `n` does.
    pub fn next_unread(&mut self) {
        let unread = |s: &&IssueSummary| s.cached && !s.read;
        let current = self.current_key();
        // From the shown issue itself: unread on screen is the first to read.
        let older = current.map_or(0, |k| self.summaries.partition_point(|s| s.key > k));
        let after = self
            .summaries
            .get(older..)
            .unwrap_or(&[])
            .iter()
            .find(unread);
        let (next, wrapped) = match after {
            Some(s) => (s.key, false),
            None => match self.summaries.iter().find(unread) {
                Some(s) => (s.key, true),
                None => return self.set_message(self.ui.say(Screen::NoUnread)),
            },
        };
        self.select_key(next);
        self.mark_opened();
        self.set_message(self.ui.say(Screen::NextUnread {
            key: next,
            left: self.unread,
            wrapped: wrapped && current != Some(next),
        }));
    }

    /// `A`: asks before marking every cached issue read.
    pub fn ask_mark_all_read(&mut self) {
        if self.unread == 0 {
            self.set_message(self.ui.say(Screen::NoUnreadToMark));
            return;
        }
        self.question = Some(Question::MarkAllRead(self.unread));
        self.mode = InputMode::Confirm;
    }

    /// The answer to the question on the status line.
    pub fn answer(&mut self, yes: bool) {
        self.mode = InputMode::Normal;
        let Some(question) = self.question.take() else {
            return;
        };
        if !yes {
            self.set_message(self.ui.say(Screen::Cancelled));
            return;
        }
        match question {
            Question::MarkAllRead(n) if self.library().read_only() => {
                for s in self.summaries.iter_mut().filter(|s| s.cached) {
                    s.read = true;
                }
                self.rebuild_rows();
                self.set_message(self.ui.say(Screen::MarkedReadForSession(n)));
            }
            Question::MarkAllRead(_) => match self.library().mark_all_read() {
                Ok(marked) => {
                    for s in self.summaries.iter_mut().filter(|s| s.cached) {
                        s.read = true;
                    }
                    self.rebuild_rows();
                    self.set_message(self.ui.say(Screen::MarkedRead(marked)));
                }
                Err(e) => self.set_error(self.ui.say(Screen::CannotMarkAll(Box::new(e.message())))),
            },
        }
    }

    /// `:`: starts typing an issue key.
    pub fn start_goto(&mut self) {
        self.goto_input.clear();
        self.mode = InputMode::Goto;
    }

    pub fn edit_goto(&mut self, edit: impl FnOnce(&mut String)) {
        edit(&mut self.goto_input);
    }

    pub fn cancel_goto(&mut self) {
        self.goto_input.clear();
        self.mode = InputMode::Normal;
    }

    /// Enter: goes to the typed issue, kept in the history like a followed
    /// link; a key alone (`17`) means that issue of the shown issue's year.
    pub fn accept_goto(&mut self) {
        self.mode = InputMode::Normal;
        let typed = std::mem::take(&mut self.goto_input);
        let typed = typed.trim();
        if typed.is_empty() {
            return;
        }
        let parsed = match (typed.parse::<u32>(), self.current_key()) {
            (Ok(number), Some(shown)) if number > 0 => Ok(IssueKey::new(shown.year, number)),
            _ => typed.parse::<IssueKey>(),
        };
        let Ok(key) = parsed else {
            // Cut to a few cells, so the reason after it still fits a line.
            let typed = super::view::wrap::truncate(&crate::sanitize::line(typed), TYPED_SHOWN);
            return self.set_error(self.ui.say(Screen::BadIssueKey(typed)));
        };
        if !self.index.contains_key(&key) {
            self.set_error(self.ui.say(Screen::NotInCache(key)));
            return;
        }
        if self.current == Some(Target::Issue(key)) {
            self.select_key(key);
            self.set_message(self.ui.say(Screen::IssueShown(key)));
            return;
        }
        self.go_to(Target::Issue(key));
    }

    /// The start-up line: what arrived since the last session. Nothing on
    /// the first session, when there is nothing to compare with.
    pub(super) fn greet(&mut self) {
        let visit = self.library().since_last_session();
        // The visit counts from now too: a session that never reaches its
        // quit (a closed terminal window, a kill) still moves the mark, to
        // its start; quitting moves it to the end.
        if visit.is_ok() && !self.library().read_only() {
            let _ = self.library().end_session();
        }
        let visit = match visit {
            Ok(Some(visit)) => visit,
            Ok(None) => return,
            Err(e) => {
                return self.set_error(
                    self.ui
                        .say(Screen::CannotReadLastSession(Box::new(e.message()))),
                )
            }
        };
        let when = visit.ended.map(|t| {
            let local = t.with_timezone(&chrono::Local);
            local.format("%Y-%m-%d").to_string()
        });
        // The library lists them newest first.
        let mut new = visit.new_issues.clone();
        new.reverse();
        self.set_message(self.ui.say(Screen::Greeting { new, when }));
    }
}
