//! The App's image view: opened on the shown issue's pictures (`i`),
//! each asked for at the size it is drawn.

use super::App;
use crate::i18n::{Images, Screen};

impl App {
    /// Opens the image view over the detail pane on the shown issue's
    /// picture `number` (from 1; the first when there is no such one).
    pub fn open_images(&mut self, number: usize) {
        let Some(key) = self.current_key() else {
            return self.status.set_message(self.ui.say(Images::ViewNoIssue));
        };
        // An issue known only by its title has no picture list to show:
        // what it lacks is its text, which F brings.
        if !self.catalog.holds(key) {
            let fetch = self.ui.keys.label_of("fetch", self.ui.lang);
            return self
                .status
                .set_message(self.ui.say(Screen::NotCachedNote(fetch)));
        }
        match self.images.open_on(self.session.library(), key, number) {
            Ok(true) => {}
            // Nothing to page through: said, no empty view to close.
            Ok(false) => {
                let key = key.to_string();
                self.status
                    .set_message(self.ui.say(Images::NoImages { key }));
            }
            Err(e) => {
                let error = Box::new(e.message());
                let said = self.ui.say(Screen::CannotLoad { key, error });
                self.status.set_error(said);
            }
        }
    }

    /// Asks for the shown picture at the size it is drawn: after every
    /// change of picture or size, so drawing only looks it up.
    pub fn show_picture(&mut self) {
        self.images.request(self.session.library());
    }

    /// The image view's pictures read again (a download stored some).
    pub fn refresh_images(&mut self) {
        self.images.refresh_from(self.session.library());
    }
}
