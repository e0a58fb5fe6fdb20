//! The message table: every string the user reads, in both languages, side
//! by side. A message is a [`Msg`] variant (its fields are the values the
//! text shows); [`Msg::text`] is the table. Add a variant, its two arms,
//! and a sample in `Msg::samples` so the test sees it. Never write a
//! catch-all arm: the compiler is what checks that both languages exist.

use std::borrow::Cow;

use super::cache::Cache;
use super::cmd::Cmd;
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
    // --- command line: commands and their text output
    /// The command line's words (cmd.rs).
    Cmd(Cmd),
    // --- import and the cache
    /// Import, the cache and the parser's reasons (cache.rs).
    Cache(Cache),
    // --- fetch

    // --- TUI: panes, status line, prompts, help

    // --- config
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
            // --- command line
            (Msg::Cmd(m), lang) => m.text(lang),
            // --- import and the cache
            (Msg::Cache(m), lang) => m.text(lang),
            // --- fetch

            // --- TUI

            // --- config
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

            // --- config
        ]
        .into_iter()
        .chain(Cmd::samples().into_iter().map(Msg::Cmd))
        .chain(Cache::samples().into_iter().map(Msg::Cache))
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
