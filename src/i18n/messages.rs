//! The message table: every string the user reads, in both languages, side
//! by side. A message is a [`Msg`] variant (its fields are the values the
//! text shows); [`Msg::text`] is the table. Add a variant, its two arms,
//! and a sample in `Msg::samples` so the test sees it. Never write a
//! catch-all arm: the compiler is what checks that both languages exist.

use std::borrow::Cow;

use super::cache::Cache;
use super::cmd::Cmd;
use super::fetch::Fetch;
use super::help::Help;
use super::tui::Tui;
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
    /// `zhoubao fetch` and the TUI's `F` (fetch.rs).
    Fetch(Fetch),
    // --- TUI: panes, status line, prompts, help
    /// The TUI's messages (tui.rs).
    Tui(Tui),
    /// The key map's words (help.rs).
    Help(Help),
    // --- config
    /// The file named by --config or ZHOUBAO_CONFIG does not exist.
    ConfigMissing,
    ConfigUnreadable(String),
    ConfigNotUtf8,
    /// toml's own words for a syntax error, an unknown key or a bad type.
    ConfigSyntax(String),
    /// A `[keys]` entry that is not a key name.
    ConfigBadKey(String),
    ConfigUnknownAction,
    /// The key is also bound to `other` where both apply.
    ConfigConflict {
        key: String,
        other: String,
    },
    /// The key always quits.
    ConfigReserved(String),
    ConfigBadTheme(String),
    ConfigBadStyle(String),
    ConfigUnknownElement,
    ConfigDelay(String),
    ConfigEmptyBrowser,
}

impl From<Tui> for Msg {
    fn from(m: Tui) -> Msg {
        Msg::Tui(m)
    }
}

impl From<Help> for Msg {
    fn from(h: Help) -> Msg {
        Msg::Help(h)
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
            // --- command line
            (Msg::Cmd(m), lang) => m.text(lang),
            // --- import and the cache
            (Msg::Cache(m), lang) => m.text(lang),
            // --- fetch
            (Msg::Fetch(m), lang) => m.text(lang),
            // --- TUI
            (Msg::Tui(m), lang) => m.text(lang),
            (Msg::Help(h), lang) => h.text(lang).into(),
            // --- config
            (Msg::ConfigMissing, Zh) => "没有这个配置文件".into(),
            (Msg::ConfigMissing, En) => "no such config file".into(),
            (Msg::ConfigUnreadable(e), Zh) => format!("读不了配置文件：{e}").into(),
            (Msg::ConfigUnreadable(e), En) => format!("cannot read the config file: {e}").into(),
            (Msg::ConfigNotUtf8, Zh) => "配置文件不是 UTF-8 文本".into(),
            (Msg::ConfigNotUtf8, En) => "the config file is not UTF-8 text".into(),
            (Msg::ConfigSyntax(m), Zh) => format!("TOML 错误：{m}").into(),
            (Msg::ConfigSyntax(m), En) => m.clone().into(),
            (Msg::ConfigBadKey(k), Zh) => format!(
                "“{k}”不是按键：用一个字符（\"j\"、\"?\"）、按键名（\"down\"、\"enter\"、\"esc\"、\"space\"、\"shift-tab\"、\"pagedown\"、\"f5\"）或 ctrl- 加字母（\"ctrl-d\"）"
            )
            .into(),
            (Msg::ConfigBadKey(k), En) => format!(
                "{k:?} is not a key: use a character (\"j\", \"?\"), a name (\"down\", \"enter\", \"esc\", \"space\", \"shift-tab\", \"pagedown\", \"f5\") or ctrl- and a letter (\"ctrl-d\")"
            )
            .into(),
            (Msg::ConfigUnknownAction, Zh) => "不是可以改键的动作：`zhoubao config` 列出了全部".into(),
            (Msg::ConfigUnknownAction, En) => {
                "not an action that can be remapped: `zhoubao config` lists them all".into()
            }
            (Msg::ConfigConflict { key, other }, Zh) => {
                format!("“{key}”也绑定给了 {other}，两者会同时起作用").into()
            }
            (Msg::ConfigConflict { key, other }, En) => {
                format!("{key:?} is also bound to {other} where both apply").into()
            }
            (Msg::ConfigReserved(k), Zh) => format!("“{k}”总是退出，不能另作他用").into(),
            (Msg::ConfigReserved(k), En) => {
                format!("{k:?} always quits and cannot be bound").into()
            }
            (Msg::ConfigBadTheme(t), Zh) => {
                format!("没有内置主题“{t}”：可选 dark、light、mono").into()
            }
            (Msg::ConfigBadTheme(t), En) => {
                format!("no built-in theme {t:?}: dark, light or mono").into()
            }
            (Msg::ConfigBadStyle(e), Zh) => format!("样式写错了：{e}").into(),
            (Msg::ConfigBadStyle(e), En) => format!("not a style: {e}").into(),
            (Msg::ConfigUnknownElement, Zh) => {
                "不是主题元素：`zhoubao config` 列出了全部".into()
            }
            (Msg::ConfigUnknownElement, En) => {
                "not a theme element: `zhoubao config` lists them all".into()
            }
            (Msg::ConfigDelay(d), Zh) => format!("{d} 秒太短：至少 0.5 秒").into(),
            (Msg::ConfigDelay(d), En) => {
                format!("{d} seconds is too short: at least 0.5").into()
            }
            (Msg::ConfigEmptyBrowser, Zh) => {
                "browser 需要一个程序名，如 [\"firefox\", \"--new-tab\"]".into()
            }
            (Msg::ConfigEmptyBrowser, En) => {
                "browser needs a program, e.g. [\"firefox\", \"--new-tab\"]".into()
            }
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
            Msg::Help(Help::Quit),
            // --- config
            Msg::ConfigMissing,
            Msg::ConfigUnreadable("permission denied".into()),
            Msg::ConfigNotUtf8,
            Msg::ConfigSyntax("invalid table header".into()),
            Msg::ConfigBadKey("hyper-x".into()),
            Msg::ConfigUnknownAction,
            Msg::ConfigConflict {
                key: "j".into(),
                other: "move_down".into(),
            },
            Msg::ConfigReserved("ctrl-c".into()),
            Msg::ConfigBadTheme("solarized".into()),
            Msg::ConfigBadStyle("\"blod\" is not a colour".into()),
            Msg::ConfigUnknownElement,
            Msg::ConfigDelay("0.1".into()),
            Msg::ConfigEmptyBrowser,
        ]
        .into_iter()
        .chain(Tui::samples().into_iter().map(Msg::Tui))
        .chain(Help::ALL.iter().map(|&h| Msg::Help(h)))
        .chain(Cmd::samples().into_iter().map(Msg::Cmd))
        .chain(Cache::samples().into_iter().map(Msg::Cache))
        .chain(Fetch::samples().into_iter().map(Msg::Fetch))
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
