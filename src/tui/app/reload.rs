//! The App's catalog read again: after another process changed the
//! cache, after a start that read only the newest issues, and the
//! session's end at quit.

use super::App;
use crate::i18n::{Mine, Screen};
use crate::tui::state::catalog::Catalog;
use crate::tui::state::detail::Target;
use crate::tui::state::session::Reload;

impl App {
    /// Reloads the list and charts when another process (an import) changed
    /// the cache, keeping the shown issue, its scroll, the list cursor and
    /// the history: the reader sees new issues arrive without restarting.
    /// Read marks the lock refused are written first. The status line
    /// says how many issues the cache holds now.
    pub fn reload_if_changed(&mut self) {
        self.reload(true);
    }

    /// After the first frame: the rest of a series the start read only the
    /// newest issues of, the shown issue, cursor and scroll kept. A cache
    /// too busy to read now is read at the next refresh.
    pub fn complete_catalog(&mut self) {
        if self.catalog.is_complete() {
            return;
        }
        if let Ok(catalog) = self.session.load_whole(self.catalog.series()) {
            self.install(catalog, false);
        }
    }

    /// [`App::reload_if_changed`] without saying so: while the status line
    /// follows an update that is the one changing the cache.
    pub fn reload_quietly(&mut self) {
        self.reload(false);
    }

    fn reload(&mut self, announce: bool) {
        for (key, e) in self.session.save_unsaved_marks() {
            let error = Box::new(e.message());
            self.status
                .set_error(self.ui.say(Screen::CannotMark { key, error }));
        }
        for (key, _, e) in self.session.save_unsaved_changes() {
            let why = Box::new(e.message());
            self.status
                .set_error(self.ui.say(Mine::CannotSaveMark { key, why }));
        }
        let catalog = match self.session.reload_if_changed(self.catalog.series()) {
            // A start's head not completed yet (its loading failed).
            Reload::Unchanged if !self.catalog.is_complete() => {
                match self.session.load_whole(self.catalog.series()) {
                    Ok(catalog) => catalog,
                    Err(_) => return,
                }
            }
            Reload::Unchanged => return,
            Reload::Busy => return self.status.set_message(self.ui.say(Screen::CacheBusy)),
            Reload::Failed(e) => {
                let error = Screen::CannotReload(Box::new(e.message()));
                return self.status.set_error(self.ui.say(error));
            }
            Reload::Loaded(catalog) => catalog,
        };
        self.install(catalog, announce);
    }

    /// Puts `catalog` in place of the shown series' (keeping the shown
    /// issue, its scroll, the cursor and the history); `announce` says on
    /// the status line how many issues the cache holds now.
    fn install(&mut self, catalog: Catalog, announce: bool) {
        let before = self.catalog.summaries.len();
        self.catalog = catalog;
        self.shelf.forget_catalogs();
        self.charts
            .reload(&self.catalog.weeks, self.catalog.series());
        // The filter applies to what arrived too; the cursor follows the
        // shown issue below.
        self.list.rebuild(&self.catalog, self.current_key());
        if let Some(target) = self.detail.current.clone() {
            let (scroll, link, focus) = (self.detail.scroll, self.detail.link, self.focus);
            self.show(target);
            self.return_to(scroll, link, focus);
            // What arrived may be the shown issue's pictures.
            self.refresh_images();
        } else if let Some(key) = self.catalog.summaries.iter().find(|s| s.cached) {
            // The cache was empty at start; show what the import brought.
            self.show(Target::Issue(key.key));
        } else {
            // `show` lays the charts out for the new series; nothing shown.
            self.refresh_charts();
        }
        if announce {
            let issues = self.catalog.summaries.len();
            let added = issues.saturating_sub(before);
            self.status
                .set_message(self.ui.say(Screen::CacheUpdated { issues, added }));
        }
    }

    /// At quit: the read marks a busy cache refused, the shown issue for
    /// the next start and the session's end; what fails is kept for
    /// [`App::take_exit_errors`]. Runs its writes once.
    pub fn finish_session(&mut self) {
        // An update stops at its next step; what it stored is whole.
        self.updating.cancel();
        let shown = self.current_key();
        self.session.finish(shown, &self.ui);
    }
}
