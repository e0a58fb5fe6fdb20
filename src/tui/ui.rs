//! What the user chose for the TUI, fixed for a session: the language, the
//! theme and the key map. The App holds one; widgets and `update` read it,
//! so a remapped key or an override shows everywhere at once.

use super::keymap::KeyMap;
use super::view::theme::Theme;
use crate::i18n::{Lang, Msg};

#[derive(Debug, Clone, Default)]
pub struct Ui {
    pub lang: Lang,
    pub theme: Theme,
    pub keys: KeyMap,
}

impl Ui {
    /// The message in the session's language.
    pub fn say(&self, msg: impl Into<Msg>) -> String {
        msg.into().text(self.lang).into_owned()
    }
}

/// Everything `tui::run` needs beyond the cache.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub ui: Ui,
    /// The config's `browser` command (program then arguments); None
    /// means `$BROWSER`, then the system's opener.
    pub browser: Option<Vec<String>>,
    /// The config's `[fetch]` delay and user agent, for `F` and `R`.
    pub fetch: crate::fetch::FetchOptions,
    /// The config's `[fetch] images`: `F` and `R` download the pictures
    /// of the issues they store.
    pub images: bool,
    /// The config's feeds, `on_new` and `update_on_start`, for `R`.
    pub feeds: super::state::updating::FeedSettings,
    /// The config's `[compare] max_gap_weeks`; None: the default.
    pub max_gap_weeks: Option<u32>,
}
