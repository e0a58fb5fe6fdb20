//! One language at a time: which one ([`Lang::detect`]), the trait every
//! error and message words itself through ([`Localized`], localized.rs), and
//! the UI's messages in one table ([`messages`]). An error type keeps its
//! words beside it (store/error.rs, parse/error.rs, fetch/error.rs,
//! config/error.rs …) and the table quotes them ([`Msg::Said`]); nothing is
//! worded in two places. Bulletin content is never translated; JSON and CSV
//! field names stay English.
//!
//! Written by hand rather than with rust-i18n or fluent: two languages, and
//! a Rust `match` over (message, language) makes a missing translation a
//! compile error and checks each message's parameters by type, where those
//! crates look strings up by key at run time behind a global locale (which
//! would also make tests of both languages race each other).

mod brief;
mod cache;
mod cmd;
mod compare;
mod feed;
mod feed_tui;
mod fetch;
mod images;
mod localized;
mod messages;
mod metric;
mod mine;
mod os;
mod screen;
mod series_tui;
mod words;

pub use brief::Briefing;
pub use cache::{Cache, FileKind, OwnFile, Verdict};
pub use cmd::{Cmd, Col, Field, Refused};
pub use compare::{Compare, Standing};
pub use feed::FeedMsg;
pub use feed_tui::{FeedTui, UpdateStep};
pub use fetch::Fetch;
pub use images::Images;
pub(crate) use localized::english_display;
#[cfg(test)]
pub(crate) use localized::missing_words;
pub use localized::{Localized, Said};
pub use messages::Msg;
pub use mine::Mine;
pub use os::{sqlite_aside, sqlite_in_chinese, Os};
pub use screen::Screen;
pub use series_tui::SeriesTui;
pub use words::Words;

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// The series is Chinese; so is the default.
    #[default]
    Zh,
    En,
}

impl Lang {
    /// The language to use: `configured` (the config file's `language`),
    /// else `ZHOUBAO_LANG`, else the POSIX locale (`LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`: the first one set decides). `zh*` means
    /// Chinese, any other named language English; no preference at all
    /// (unset, empty, `C`, `POSIX`) means Chinese. `env` reads a variable,
    /// so tests need not touch the process environment.
    pub fn detect(configured: Option<Lang>, env: impl Fn(&str) -> Option<String>) -> Lang {
        if let Some(lang) = configured {
            return lang;
        }
        let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
        if let Some(lang) = set("ZHOUBAO_LANG").and_then(|v| Lang::from_locale(&v)) {
            return lang;
        }
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(set)
            .and_then(|v| Lang::from_locale(&v))
            .unwrap_or_default()
    }

    /// [`Lang::detect`] from the process environment.
    pub fn from_env(configured: Option<Lang>) -> Lang {
        Lang::detect(configured, |name| std::env::var(name).ok())
    }

    /// `zh_CN.UTF-8` → Chinese, `en_GB` or `fr` → English; `C`, `POSIX`
    /// and `C.UTF-8` state no language (None).
    fn from_locale(value: &str) -> Option<Lang> {
        let name = value.trim();
        let language = name
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match language.as_str() {
            "" | "c" | "posix" => None,
            "zh" => Some(Lang::Zh),
            _ => Some(Lang::En),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn config_beats_zhoubao_lang_beats_the_locale() {
        let all = [("ZHOUBAO_LANG", "en"), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(Lang::detect(Some(Lang::Zh), env(&all)), Lang::Zh);
        assert_eq!(Lang::detect(None, env(&all)), Lang::En);
        assert_eq!(
            Lang::detect(None, env(&[("LANG", "en_US.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang_and_the_first_set_decides() {
        let vars = [
            ("LC_ALL", ""),
            ("LC_MESSAGES", "zh_TW.UTF-8"),
            ("LANG", "en_US.UTF-8"),
        ];
        assert_eq!(Lang::detect(None, env(&vars)), Lang::Zh);
        let vars = [("LC_ALL", "de_DE.UTF-8"), ("LANG", "zh_CN.UTF-8")];
        assert_eq!(Lang::detect(None, env(&vars)), Lang::En);
    }

    #[test]
    fn no_preference_means_chinese() {
        for value in ["C", "POSIX", "C.UTF-8", ""] {
            assert_eq!(
                Lang::detect(None, env(&[("LANG", value)])),
                Lang::Zh,
                "{value:?}"
            );
        }
        assert_eq!(Lang::detect(None, env(&[])), Lang::Zh);
        // A C locale does not cancel an explicit ZHOUBAO_LANG.
        let vars = [("ZHOUBAO_LANG", "en"), ("LC_ALL", "C")];
        assert_eq!(Lang::detect(None, env(&vars)), Lang::En);
    }

    #[test]
    fn the_table_uses_no_module_that_uses_the_table() {
        // parse, store and the rest word their errors with the trait and
        // quote the table: the table reads only model's plain data, so
        // there is no circle.
        let sources = [
            include_str!("brief.rs"),
            include_str!("cache/mod.rs"),
            include_str!("cache/samples.rs"),
            include_str!("cmd.rs"),
            include_str!("compare.rs"),
            include_str!("feed.rs"),
            include_str!("feed_tui.rs"),
            include_str!("fetch.rs"),
            include_str!("images.rs"),
            include_str!("localized.rs"),
            include_str!("messages.rs"),
            include_str!("metric.rs"),
            include_str!("mine.rs"),
            include_str!("mod.rs"),
            include_str!("os.rs"),
            include_str!("screen/mod.rs"),
            include_str!("screen/samples.rs"),
            include_str!("series_tui.rs"),
            include_str!("words.rs"),
        ];
        for source in sources {
            for line in source.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for module in [
                    "parse", "store", "tui", "trend", "fetch", "import", "output", "config",
                    "feed", "images", "brief", "marks",
                ] {
                    let path = format!("crate::{module}");
                    assert!(
                        !line.contains(&format!("{path}::")) && !line.contains(&format!("{path};")),
                        "{line}"
                    );
                }
            }
        }
    }

    #[test]
    fn every_message_has_text_in_both_languages() {
        for msg in Msg::samples() {
            for lang in [Lang::Zh, Lang::En] {
                assert!(!msg.text(lang).trim().is_empty(), "{msg:?} in {lang:?}");
            }
            assert_ne!(msg.text(Lang::Zh), msg.text(Lang::En), "{msg:?}");
        }
    }
}
