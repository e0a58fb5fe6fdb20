//! Why a config file is refused, in one line naming the file, the line
//! and the key ([`ConfigError`]), and the reasons' words in both languages
//! side by side ([`Problem`]); the key map's, a key name's and a style's
//! reasons word themselves beside their types in `tui`.

use std::borrow::Cow;
use std::fmt;

use crate::i18n::{Lang, Localized, Os};
use crate::tui::keymap::KeyMapError;
use crate::tui::keys::BadKey;
use crate::tui::view::theme::StyleError;

/// A config file refused: where, and why, in one line. `Display` is the
/// line in the language [`super::Config::load`] was asked for (its words
/// are those of [`Problem`], as in any other language through
/// [`Localized`]).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigError {
    pub path: String,
    pub line: Option<usize>,
    pub key: Option<String>,
    /// Why, in the language asked for.
    pub reason: String,
    /// Why, in words of each language (boxed: errors stay small).
    pub problem: Box<Problem>,
}

impl ConfigError {
    pub fn new(
        path: &str,
        line: Option<usize>,
        key: Option<String>,
        problem: Problem,
        lang: Lang,
    ) -> ConfigError {
        ConfigError {
            path: path.to_string(),
            line,
            key,
            reason: problem.text(lang).into_owned(),
            problem: Box::new(problem),
        }
    }

    /// `path:line: key: reason`, on one line whatever the reason's source
    /// said.
    fn line_with(&self, reason: &str) -> String {
        let mut out = self.path.clone();
        if let Some(line) = self.line {
            out.push_str(&format!(":{line}"));
        }
        if let Some(key) = &self.key {
            out.push_str(&format!(": {key}"));
        }
        let reason = reason.split_whitespace().collect::<Vec<_>>().join(" ");
        out.push_str(&format!(": {reason}"));
        out
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.line_with(&self.reason))
    }
}

impl Localized for ConfigError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        self.line_with(&self.problem.text(lang)).into()
    }

    #[cfg(test)]
    fn samples() -> Vec<ConfigError> {
        Problem::samples()
            .into_iter()
            .map(|p| ConfigError::new("my.toml", Some(2), Some("keys.quit".into()), p, Lang::En))
            .collect()
    }
}

/// Why the config file, or one of its settings, is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The file named by --config or ZHOUBAO_CONFIG does not exist.
    Missing,
    Unreadable(Os),
    NotUtf8,
    /// toml's own words for a syntax error, an unknown key or a bad type,
    /// and the column it points at.
    Syntax {
        detail: String,
        column: Option<usize>,
    },
    /// A `[keys]` entry that is not a key name.
    Key(BadKey),
    /// A `[keys]` table the key map refuses.
    KeyMap(KeyMapError),
    BadTheme(String),
    /// A `[theme]` style that is not one.
    Style(StyleError),
    UnknownElement,
    Delay(String),
    /// An infinite delay, or NaN.
    DelayNotANumber(String),
    /// A User-Agent that cannot be sent as a header.
    UserAgent,
    /// The config path is a FIFO, a folder, a device ...: reading it
    /// could wait for ever or never end.
    NotRegular(FileType),
    /// Larger than [`MAX_CONFIG_MB`] MB: not a config file.
    TooLarge {
        bytes: u64,
    },
    EmptyBrowser,
    /// A `[[feed]]` url that is not an absolute http(s) address.
    FeedUrl(String),
    /// A `[[feed]]` url listed before.
    FeedTwice(String),
    /// `on_new = []`.
    EmptyOnNew,
    /// `[compare] max_gap_weeks` outside 1 to [`super::MAX_GAP_LIMIT`].
    MaxGap(i64),
}

/// What a config path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileType {
    Folder,
    Fifo,
    Device,
    Socket,
    Other,
}

/// The largest config file read, in MB (10^6 bytes): a config is a few KB.
pub const MAX_CONFIG_MB: u64 = 1;

impl Localized for Problem {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        use Problem::*;
        match (self, lang) {
            (Missing, Zh) => "没有这个配置文件".into(),
            (Missing, En) => "no such config file".into(),
            (Unreadable(e), Zh) => format!("读不了配置文件：{}", e.text(Zh)).into(),
            (Unreadable(e), En) => format!("cannot read the config file: {}", e.text(En)).into(),
            (NotUtf8, Zh) => "配置文件不是 UTF-8 文本".into(),
            (NotUtf8, En) => "the config file is not UTF-8 text".into(),
            (Syntax { detail, column }, Zh) => {
                let at = column.map_or(String::new(), |c| format!("（第 {c} 列）"));
                format!("TOML 错误{at}：{}", toml_zh(detail)).into()
            }
            (Syntax { detail, column }, En) => {
                let at = column.map_or(String::new(), |c| format!(" (column {c})"));
                format!("{detail}{at}").into()
            }
            (Key(e), lang) => e.text(lang),
            (KeyMap(e), lang) => e.text(lang),
            (BadTheme(t), Zh) => format!("没有内置主题“{t}”：可选 dark、light、mono").into(),
            (BadTheme(t), En) => format!("no built-in theme {t:?}: dark, light or mono").into(),
            (Style(e), lang) => e.text(lang),
            (UnknownElement, Zh) => "不是主题元素：`zhoubao config` 列出了全部".into(),
            (UnknownElement, En) => "not a theme element: `zhoubao config` lists them all".into(),
            (Delay(d), Zh) => format!("{d} 秒太短：至少 0.5 秒").into(),
            (Delay(d), En) => format!("{d} seconds is too short: at least 0.5").into(),
            (DelayNotANumber(d), Zh) => format!("{d} 不是秒数（至少 0.5）").into(),
            (DelayNotANumber(d), En) => {
                format!("{d} is not a number of seconds (at least 0.5)").into()
            }
            (UserAgent, lang) => crate::fetch::FetchError::BadUserAgent.text(lang),
            (NotRegular(kind), Zh) => {
                let kind = match kind {
                    FileType::Folder => "文件夹",
                    FileType::Fifo => "FIFO 管道",
                    FileType::Device => "设备",
                    FileType::Socket => "套接字",
                    FileType::Other => "特殊文件",
                };
                format!("不是普通文件（是{kind}）").into()
            }
            (NotRegular(kind), En) => {
                let kind = match kind {
                    FileType::Folder => "a folder",
                    FileType::Fifo => "a FIFO",
                    FileType::Device => "a device",
                    FileType::Socket => "a socket",
                    FileType::Other => "a special file",
                };
                format!("not a regular file ({kind})").into()
            }
            (TooLarge { bytes }, Zh) => {
                format!("配置文件超过 {MAX_CONFIG_MB} MB（{bytes} 字节）").into()
            }
            (TooLarge { bytes }, En) => {
                format!("the config file is larger than {MAX_CONFIG_MB} MB ({bytes} bytes)").into()
            }
            (EmptyBrowser, Zh) => "browser 需要一个程序名，如 [\"firefox\", \"--new-tab\"]".into(),
            (EmptyBrowser, En) => {
                "browser needs a program, e.g. [\"firefox\", \"--new-tab\"]".into()
            }
            (FeedUrl(url), Zh) => format!("{url:?} 不是 http 或 https 网址").into(),
            (FeedUrl(url), En) => format!("{url:?} is not an http or https address").into(),
            (FeedTwice(url), Zh) => format!("订阅源 {url} 已经列过一次").into(),
            (FeedTwice(url), En) => format!("the feed {url} is listed twice").into(),
            (EmptyOnNew, Zh) => "on_new 需要一个程序名，如 [\"notify-send\", \"周报\"]".into(),
            (EmptyOnNew, En) => {
                "on_new needs a program, e.g. [\"notify-send\", \"zhoubao\"]".into()
            }
            (MaxGap(w), Zh) => format!(
                "{w} 周不行：要 1 到 {} 之间的整数周数",
                super::MAX_GAP_LIMIT
            )
            .into(),
            (MaxGap(w), En) => format!(
                "{w} weeks will not do: a whole number of weeks from 1 to {}",
                super::MAX_GAP_LIMIT
            )
            .into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Problem> {
        use Problem::*;
        let mut all = vec![
            Missing,
            Unreadable(Os::PermissionDenied),
            NotUtf8,
            Syntax {
                detail: "invalid table header".into(),
                column: Some(2),
            },
            Syntax {
                detail: "duplicate key".into(),
                column: None,
            },
            BadTheme("solarized".into()),
            UnknownElement,
            Delay("0.1".into()),
            DelayNotANumber("inf".into()),
            UserAgent,
            NotRegular(FileType::Fifo),
            TooLarge { bytes: 2_000_000 },
            EmptyBrowser,
            FeedUrl("ftp://example.org/feed".into()),
            FeedTwice("http://127.0.0.1/feed.xml".into()),
            EmptyOnNew,
            MaxGap(0),
        ];
        all.extend(BadKey::samples().into_iter().map(Key));
        all.extend(KeyMapError::samples().into_iter().map(KeyMap));
        all.extend(StyleError::samples().into_iter().map(Style));
        all
    }
}

/// toml's English for the mistakes people make in a config file, in
/// Chinese; anything else as toml said it. toml names no language of its
/// own, so its sentences are matched here, by their fixed parts.
fn toml_zh(detail: &str) -> String {
    if let Some(what) = detail.strip_suffix(", expected `]`") {
        match what {
            "unclosed table" => return "表头没有闭合，缺少 `]`".into(),
            "unclosed array" => return "列表没有闭合，缺少 `]`".into(),
            _ => {}
        }
    }
    if let Some(rest) = detail.strip_prefix("unknown field ") {
        if let Some((field, known)) = rest.split_once(", expected one of ") {
            return format!("没有 {field} 这一项；可用的有 {known}");
        }
        if let Some((field, known)) = rest.split_once(", expected ") {
            return format!("没有 {field} 这一项；可用的是 {known}");
        }
    }
    if let Some(rest) = detail.strip_prefix("unknown variant ") {
        if let Some((value, known)) = rest.split_once(", expected ") {
            let chinese_quotes = |s: &str| {
                let mut out = String::new();
                let mut open = true;
                for c in s.chars() {
                    if c == '`' {
                        out.push(if open { '“' } else { '”' });
                        open = !open;
                    } else {
                        out.push(c);
                    }
                }
                out
            };
            return format!(
                "{}不是可选的值；可选 {}",
                chinese_quotes(value),
                chinese_quotes(&known.replace(" or ", " 或 "))
            );
        }
    }
    if let Some(rest) = detail.strip_prefix("invalid type: ") {
        if let Some((found, wanted)) = rest.split_once(", expected ") {
            return format!(
                "类型不对：写的是{}，应为{}",
                toml_type_zh(found),
                toml_type_zh(wanted)
            );
        }
    }
    match detail {
        "duplicate key" => "重复的键".into(),
        "wanted string or table" => "应为字符串或表".into(),
        "string values must be quoted, expected literal string" => "字符串要加引号".into(),
        other => other.to_string(),
    }
}

/// `string "q"` → `字符串 "q"`, `a sequence` → `列表`: serde's names of
/// the kinds of value.
fn toml_type_zh(kind: &str) -> String {
    let kind = kind
        .strip_prefix("a ")
        .or_else(|| kind.strip_prefix("an "))
        .unwrap_or(kind);
    for (en, zh) in [
        ("string", "字符串"),
        ("sequence", "列表"),
        ("integer", "整数"),
        ("f64", "数"),
        ("float", "数"),
        ("boolean", "true 或 false"),
        ("map", "表"),
        ("table", "表"),
    ] {
        if let Some(rest) = kind.strip_prefix(en) {
            return format!("{zh}{rest}");
        }
    }
    kind.to_string()
}
