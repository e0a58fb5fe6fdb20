//! `o` and `y`: which URL is selected, and asking for it to be opened or
//! copied (browser.rs does both). `update` only records a copy request;
//! the event loop writes the sequence, so drawing and updating never write
//! to the terminal.

use super::action::Focus;
use super::app::App;
use super::browser::is_web_url;
use super::view::detail::Item;
use crate::i18n::Screen;

/// Longer than any real article or image address; a terminal may drop a
/// longer OSC 52 sequence without a word.
const MAX_COPY_BYTES: usize = 4096;

/// Why `o` or `y` has nothing to act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoUrl {
    Missing,
    LineWithoutLink,
    NotWeb,
}

impl NoUrl {
    /// The status line's words, for opening or `copying`.
    pub fn message(self, copying: bool) -> Screen {
        match self {
            NoUrl::Missing => Screen::NoUrl,
            NoUrl::LineWithoutLink => Screen::NoLinkOnLine,
            NoUrl::NotWeb => Screen::NotWeb { copying },
        }
    }
}

impl App {
    /// The URL `o` and `y` act on: the selected image address or 近期回顾
    /// line while the links have focus, else the shown issue's own URL.
    pub fn selected_url(&self) -> Result<String, NoUrl> {
        let selected = (self.focus == Focus::Links)
            .then(|| self.doc.items.get(self.link_selected))
            .flatten();
        let url = match selected {
            Some(Item::Image(i)) => self.doc.images.get(*i).cloned(),
            Some(Item::Link(i)) => match self.doc.links.get(*i) {
                Some(link) => match &link.url {
                    Some(url) => Some(url.clone()),
                    None => return Err(NoUrl::LineWithoutLink),
                },
                None => None,
            },
            None => self.doc.url.clone(),
        };
        let Some(url) = url else {
            return Err(NoUrl::Missing);
        };
        if !is_web_url(&url) {
            return Err(NoUrl::NotWeb);
        }
        Ok(url)
    }

    /// `o` (and Enter on an image address): hands the URL to the opener.
    pub fn open_url(&mut self) {
        let url = match self.selected_url() {
            Ok(url) => url,
            Err(why) => return self.set_error(self.ui.say(why.message(false))),
        };
        match (self.opener)(&url) {
            Ok(()) => self.set_message(self.ui.say(Screen::Opened(url))),
            Err(e) => self.set_error(
                self.ui
                    .say(Screen::CannotOpenBrowser(Box::new(e.message()))),
            ),
        }
    }

    /// `y`: asks the event loop to copy the URL to the clipboard.
    pub fn copy_url(&mut self) {
        let url = match self.selected_url() {
            Ok(url) => url,
            Err(why) => return self.set_error(self.ui.say(why.message(true))),
        };
        if url.len() > MAX_COPY_BYTES {
            return self.set_error(self.ui.say(Screen::UrlTooLong));
        }
        self.set_message(self.ui.say(Screen::Copied(url.clone())));
        self.clipboard_request = Some(url);
    }

    /// The copy `y` asked for, once: the event loop writes it.
    pub fn take_clipboard_request(&mut self) -> Option<String> {
        self.clipboard_request.take()
    }
}
