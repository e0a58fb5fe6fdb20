//! The message table: every UI message in both languages, side by side
//! (an error type's words live beside the type, and are quoted here as
//! [`Msg::Said`]). A message is a [`Msg`] variant (its fields are the
//! values the text shows); [`Msg::text`] is the table. Add a variant, its
//! two arms, and a sample in `Msg::samples` so the test sees it. Never
//! write a catch-all arm: the compiler is what checks that both languages
//! exist.

use std::borrow::Cow;

use super::cache::Cache;
use super::cmd::Cmd;
use super::fetch::Fetch;
use super::images::Images;
use super::screen::Screen;
use super::Lang;

/// Something zhoubao says to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // Each area of the program keeps its messages in its own section, here
    // and in the table below, so changes to different areas do not collide.

    // --- counts
    /// A count of issues, grammatical in both languages.
    Issues(usize),
    /// A count of files.
    Files(usize),
    /// A figure's comparisons in words (compare.rs).
    Compare(super::Compare),
    /// The operating system's error, by its kind (os.rs).
    Os(super::Os),
    // --- command line: commands and their text output
    /// The command line's words (cmd.rs).
    Cmd(Cmd),
    // --- import and the cache
    /// Import, the cache and the parser's reasons (cache.rs).
    Cache(Cache),
    // --- fetch
    /// `zhoubao fetch` and the TUI's `F` (fetch.rs).
    Fetch(Fetch),
    // --- feeds
    /// `zhoubao update`, `zhoubao feeds` (feed.rs).
    Feed(super::FeedMsg),
    // --- images
    /// The bulletins' pictures (images.rs).
    Images(Images),
    // --- the reader's layer
    /// Flags, notes and read marks carried between caches (mine.rs).
    Mine(super::Mine),
    /// The weekly brief (brief.rs).
    Briefing(super::Briefing),
    // --- TUI: panes, status line, prompts, help
    /// What the TUI's screen says (screen/).
    Screen(Screen),
    /// The TUI's words about the series it shows (series_tui.rs).
    SeriesTui(super::SeriesTui),
    // --- errors
    /// An error's words, taken when it was quoted (localized.rs): each
    /// error type keeps its own beside it.
    Said(super::Said),
}

impl From<Screen> for Msg {
    fn from(m: Screen) -> Msg {
        Msg::Screen(m)
    }
}

impl From<super::Compare> for Msg {
    fn from(c: super::Compare) -> Msg {
        Msg::Compare(c)
    }
}

impl From<super::Said> for Msg {
    fn from(said: super::Said) -> Msg {
        Msg::Said(said)
    }
}

impl From<super::Briefing> for Msg {
    fn from(m: super::Briefing) -> Msg {
        Msg::Briefing(m)
    }
}

impl From<super::Mine> for Msg {
    fn from(m: super::Mine) -> Msg {
        Msg::Mine(m)
    }
}

impl From<super::Os> for Msg {
    fn from(os: super::Os) -> Msg {
        Msg::Os(os)
    }
}

impl Msg {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        match (self, lang) {
            (Msg::Issues(n), Zh) => format!("{n} 期").into(),
            (Msg::Issues(1), En) => "1 issue".into(),
            (Msg::Issues(n), En) => format!("{n} issues").into(),
            (Msg::Files(n), Zh) => format!("{n} 个文件").into(),
            (Msg::Files(1), En) => "1 file".into(),
            (Msg::Files(n), En) => format!("{n} files").into(),
            (Msg::Os(os), lang) => os.text(lang),
            (Msg::Compare(c), lang) => c.text(lang),
            // --- command line
            (Msg::Cmd(m), lang) => m.text(lang),
            // --- import and the cache
            (Msg::Cache(m), lang) => m.text(lang),
            // --- fetch
            (Msg::Fetch(m), lang) => m.text(lang),
            // --- feeds
            (Msg::Feed(m), lang) => m.text(lang),
            // --- images
            (Msg::Images(m), lang) => m.text(lang),
            // --- the reader's layer
            (Msg::Mine(m), lang) => m.text(lang),
            (Msg::Briefing(m), lang) => m.text(lang),
            // --- TUI
            (Msg::Screen(m), lang) => m.text(lang),
            (Msg::SeriesTui(m), lang) => m.text(lang),
            // --- errors
            (Msg::Said(said), lang) => said.text(lang).to_owned().into(),
        }
    }

    /// One of each message, for the test that checks both languages exist.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Msg> {
        vec![
            // --- counts
            Msg::Issues(0),
            Msg::Issues(1),
            Msg::Files(1),
            Msg::Files(2),
            // --- command line

            // --- import and the cache

            // --- fetch
            // --- TUI
            // --- errors
            Msg::Said(super::Said::of(&Msg::Os(super::Os::PermissionDenied))),
        ]
        .into_iter()
        .chain(Screen::samples().into_iter().map(Msg::Screen))
        .chain(Cmd::samples().into_iter().map(Msg::Cmd))
        .chain(Cache::samples().into_iter().map(Msg::Cache))
        .chain(super::Os::samples().into_iter().map(Msg::Os))
        .chain(super::Compare::samples().into_iter().map(Msg::Compare))
        .chain(Fetch::samples().into_iter().map(Msg::Fetch))
        .chain(super::FeedMsg::samples().into_iter().map(Msg::Feed))
        .chain(Images::samples().into_iter().map(Msg::Images))
        .chain(super::Mine::samples().into_iter().map(Msg::Mine))
        .chain(super::Briefing::samples().into_iter().map(Msg::Briefing))
        .chain(super::SeriesTui::samples().into_iter().map(Msg::SeriesTui))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_are_singular_for_one() {
        assert_eq!(Msg::Files(1).text(Lang::En), "1 file");
        assert_eq!(Msg::Files(0).text(Lang::En), "0 files");
        assert_eq!(Msg::Issues(140).text(Lang::Zh), "140 期");
    }
}
