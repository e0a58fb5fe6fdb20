//! The config file's words in both languages side by side: why a file or
//! one of its settings is refused. A section of the message table
//! ([`super::Msg::Config`]); same rules as messages.rs.

use std::borrow::Cow;

use super::{Help, Lang, Os};

/// Why the config file, or one of its settings, is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigMsg {
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
    BadKey(String),
    UnknownAction,
    /// The key is also bound to `other` where both apply.
    Conflict {
        key: String,
        other: String,
    },
    /// The key is also one of the fixed keys, which does `what`.
    ConflictFixed {
        key: String,
        what: Help,
    },
    /// The action is the only way out of its screen and was left keyless.
    NoWayOut,
    /// The key always quits.
    Reserved(String),
    BadTheme(String),
    /// A word of a style that is neither a colour nor an attribute.
    StyleWord(String),
    /// `on` at the end of a style.
    StyleNoBackground,
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

impl ConfigMsg {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use ConfigMsg::*;
        use Lang::{En, Zh};
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
            (BadKey(k), Zh) => format!(
                "“{k}”不是按键：用一个字符（\"j\"、\"?\"）、按键名（\"down\"、\"enter\"、\"esc\"、\"space\"、\"shift-tab\"、\"pagedown\"、\"f5\"）或 ctrl- 加字母（\"ctrl-d\"）"
            )
            .into(),
            (BadKey(k), En) => format!(
                "{k:?} is not a key: use a character (\"j\", \"?\"), a name (\"down\", \"enter\", \"esc\", \"space\", \"shift-tab\", \"pagedown\", \"f5\") or ctrl- and a letter (\"ctrl-d\")"
            )
            .into(),
            (UnknownAction, Zh) => "不是可以改键的动作：`zhoubao config` 列出了全部".into(),
            (UnknownAction, En) => {
                "not an action that can be remapped: `zhoubao config` lists them all".into()
            }
            (Conflict { key, other }, Zh) => {
                format!("“{key}”也绑定给了 {other}，两者会同时起作用").into()
            }
            (Conflict { key, other }, En) => {
                format!("{key:?} is also bound to {other} where both apply").into()
            }
            (ConflictFixed { key, what }, Zh) => {
                format!("“{key}”也是“{}”的键，两者会同时起作用", what.text(Zh)).into()
            }
            (ConflictFixed { key, what }, En) => {
                format!("{key:?} is also bound to “{}” where both apply", what.text(En)).into()
            }
            (NoWayOut, Zh) => {
                "这是离开该画面的唯一方式，至少要留一个键（否则只能按 Ctrl-C 退出 zhoubao）".into()
            }
            (NoWayOut, En) => {
                "the only way out of its screen needs at least one key (else only Ctrl-C would leave, quitting zhoubao)".into()
            }
            (Reserved(k), Zh) => format!("“{k}”总是退出，不能另作他用").into(),
            (Reserved(k), En) => {
                format!("{k:?} always quits and cannot be bound").into()
            }
            (BadTheme(t), Zh) => {
                format!("没有内置主题“{t}”：可选 dark、light、mono").into()
            }
            (BadTheme(t), En) => {
                format!("no built-in theme {t:?}: dark, light or mono").into()
            }
            (StyleWord(w), Zh) => format!(
                "样式写错了：“{w}”既不是颜色也不是属性（颜色：red、light-blue、0-255、#rrggbb；\
                 属性：bold、dim、italic、underlined、reversed）"
            )
            .into(),
            (StyleWord(w), En) => format!(
                "not a style: {w:?} is not a colour or an attribute (colours: red, light-blue, \
                 0-255, #rrggbb; attributes: bold, dim, italic, underlined, reversed)"
            )
            .into(),
            (StyleNoBackground, Zh) => "样式写错了：“on”后面要跟一个颜色".into(),
            (StyleNoBackground, En) => "not a style: \"on\" needs a colour after it".into(),
            (UnknownElement, Zh) => {
                "不是主题元素：`zhoubao config` 列出了全部".into()
            }
            (UnknownElement, En) => {
                "not a theme element: `zhoubao config` lists them all".into()
            }
            (Delay(d), Zh) => format!("{d} 秒太短：至少 0.5 秒").into(),
            (Delay(d), En) => {
                format!("{d} seconds is too short: at least 0.5").into()
            }
            (DelayNotANumber(d), Zh) => format!("{d} 不是秒数（至少 0.5）").into(),
            (DelayNotANumber(d), En) => {
                format!("{d} is not a number of seconds (at least 0.5)").into()
            }
            (UserAgent, lang) => super::Fetch::BadUserAgent.text(lang),
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
            (EmptyBrowser, Zh) => {
                "browser 需要一个程序名，如 [\"firefox\", \"--new-tab\"]".into()
            }
            (EmptyBrowser, En) => {
                "browser needs a program, e.g. [\"firefox\", \"--new-tab\"]".into()
            }
        }
    }

    /// One of each message, for the test that checks both languages.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<ConfigMsg> {
        use ConfigMsg::*;
        vec![
            Missing,
            Unreadable(Os::PermissionDenied),
            NotUtf8,
            Syntax {
                detail: "invalid table header".into(),
                column: Some(2),
            },
            BadKey("hyper-x".into()),
            UnknownAction,
            Conflict {
                key: "j".into(),
                other: "move_down".into(),
            },
            ConflictFixed {
                key: "3".into(),
                what: Help::FollowNumber,
            },
            NoWayOut,
            Reserved("ctrl-c".into()),
            BadTheme("solarized".into()),
            StyleWord("blod".into()),
            StyleNoBackground,
            UnknownElement,
            Delay("0.1".into()),
            DelayNotANumber("inf".into()),
            UserAgent,
            NotRegular(FileType::Fifo),
            TooLarge { bytes: 2_000_000 },
            EmptyBrowser,
        ]
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
