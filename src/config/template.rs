//! What `zhoubao config` prints: the complete default config, every setting
//! commented out with its default value and what it does, ready to copy,
//! its comments in the session's language; and the README's key table.
//! Both come from the key map and the theme the TUI runs with, so neither
//! can drift from them, and the file is built of pieces whose TOML is
//! shared by both languages, so the Chinese and English files cannot drift
//! from each other.

use std::fmt::Write;
use std::path::PathBuf;

use crate::i18n::{Lang, Words};
use crate::tui::keymap::binding::Scope;
use crate::tui::keymap::{keys_label, KeyMap};
use crate::tui::view::theme::{style_spec, Theme, ThemeName, ELEMENT_WORDS};

use super::fetch::{Fetch, MIN_FETCH_DELAY};

fn quoted_keys(keys: &[crate::tui::keys::Key]) -> String {
    let names: Vec<String> = keys
        .iter()
        .filter_map(|k| k.config_name())
        .map(|n| format!("{n:?}"))
        .collect();
    format!("[{}]", names.join(", "))
}

/// A comment in both languages, formatted (it may name a path or a
/// limit), one line of the file per line of text.
struct Both {
    zh: String,
    en: String,
}

impl Both {
    fn new(zh: impl Into<String>, en: impl Into<String>) -> Both {
        Both {
            zh: zh.into(),
            en: en.into(),
        }
    }

    fn of(words: Words) -> Both {
        Both::new(words.zh, words.en)
    }

    fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// One piece of the printed file. What TOML reads (table headers, the
/// settings commented out, the examples) is one string for both
/// languages; only the comments are worded twice, so the Chinese and the
/// English file cannot differ in a key, a value or an example.
enum Piece {
    /// Comment lines: `# ` before each line of the text.
    Say(Both),
    /// A line as printed in either language: a table header, a
    /// `# name = value`, a `#   example`, or nothing (a blank line).
    Toml(String),
    /// A setting commented out, then `  # ` and what it does.
    Setting { toml: String, note: Both },
}

use Piece::{Say, Setting, Toml};

fn say(zh: &str, en: &str) -> Piece {
    Say(Both::new(zh, en))
}

fn toml(line: impl Into<String>) -> Piece {
    Toml(line.into())
}

fn blank() -> Piece {
    Toml(String::new())
}

/// The default config file, commented; uncommenting a `# name = value`
/// line changes nothing until the value is edited. `path` is where the
/// file goes by default. The comments are in `lang`, the session's
/// language (a Chinese analyst reads Chinese notes); the keys, values and
/// examples are the same in both, so either file reads as the same config.
pub fn default_file(path: Option<PathBuf>, lang: Lang) -> String {
    let mut out = String::new();
    for piece in pieces(path) {
        // Writing to a String cannot fail.
        let _ = match piece {
            Say(both) => both
                .text(lang)
                .lines()
                .try_for_each(|line| writeln!(out, "# {line}")),
            Toml(line) => writeln!(out, "{line}"),
            Setting { toml, note } => writeln!(out, "{toml}  # {}", note.text(lang)),
        };
    }
    out
}

/// The file, piece by piece, in the order printed.
fn pieces(path: Option<PathBuf>) -> Vec<Piece> {
    let path = match path {
        Some(p) => Both::new(p.display().to_string(), p.display().to_string()),
        None => Both::new(
            "配置目录下的 config.toml",
            "config.toml in your config directory",
        ),
    };
    let mut file = vec![
        Say(Both::new(
            format!(
                "zhoubao 的配置文件：列出每一项设置及其默认值。复制到\n  {}\n\
                 （或用 --config PATH、ZHOUBAO_CONFIG 指向一份副本），再把要改的\n\
                 行取消注释。zhoubao 无法使用的行会被拒绝，并报出行号。",
                path.zh
            ),
            format!(
                "zhoubao's config file: every setting, with its default. Copy it to\n  {}\n\
                 (or point --config PATH or ZHOUBAO_CONFIG at a copy) and uncomment the\n\
                 lines you change. A line zhoubao cannot use is refused with its number.",
                path.en
            ),
        )),
        blank(),
        say(
            "TUI 的界面语言，\"zh\" 或 \"en\"。不设时由 ZHOUBAO_LANG 决定，其次是\n\
             locale（LC_ALL、LC_MESSAGES、LANG：zh* 为中文，其他语言为英文，\n\
             C 或未设为中文）。周报内容从不翻译。",
            "The TUI's language, \"zh\" or \"en\". Unset, ZHOUBAO_LANG decides, then the\n\
             locale (LC_ALL, LC_MESSAGES, LANG: zh* is Chinese, another language\n\
             English, C or nothing Chinese). Bulletins are never translated.",
        ),
        toml("#   language = \"en\""),
        blank(),
        say(
            "`o` 打开网址所用的浏览器：一个程序及其参数，直接运行（不经 shell）；\n\
             网址作为最后一个参数，或替换其中的 %s。\n\
             不设时先用 $BROWSER，再用系统默认的打开程序。",
            "The browser `o` opens addresses with: a program and its arguments, run\n\
             directly (no shell); the address is one more argument, or replaces %s.\n\
             Unset: $BROWSER, then the system's opener.",
        ),
        toml("#   browser = [\"firefox\", \"--new-tab\"]"),
        blank(),
        say(
            "既没有 --db 也没有 ZHOUBAO_DB 时用的缓存（默认：平台数据目录下的\n\
             cache.db）。",
            "The cache when neither --db nor ZHOUBAO_DB is given (default: cache.db\n\
             in the platform data directory).",
        ),
        toml("#   db = \"/home/me/zhoubao/cache.db\""),
        blank(),
        say(
            "`zhoubao update`（以及 TUI 中静默进行的更新）存入新的期之后运行的程序，\n\
             新期的键（2025-3 ...）作为最后几个参数；直接运行，不经 shell。",
            "A program `zhoubao update` (and the TUI's update, quietly) runs after it\n\
             stored new issues, with their keys (2025-3 ...) as its last arguments;\n\
             run directly, no shell.",
        ),
        toml("#   on_new = [\"notify-send\", \"New bulletins\"]"),
        blank(),
        say(
            "TUI 打开时是否马上更新每个 [[feed]]，如同按了 `R`。",
            "Whether the TUI starts updating every [[feed]] as it opens, as if `R`\n\
             were pressed.",
        ),
        toml("# update_on_start = false"),
        blank(),
        toml("[keys]"),
        say(
            "列出的每个动作恰好绑定给出的这些键；[] 表示解除绑定。键可以是一个字符\n\
             （\"j\"、\"G\"、\"?\"）、ctrl- 加一个字母（\"ctrl-d\"），或这些名称之一：\n\
             enter esc tab shift-tab backspace delete insert up down left right\n\
             home end pageup pagedown space f1 … f12。同一个键不能在同时生效的\n\
             地方表示两件事。固定不变的有：Ctrl-C 退出，以及输入的文字、提示行的\n\
             Enter、Esc 和 Backspace、数字键和 y/n 回答。",
            "Each action listed gets exactly the keys given; [] unbinds it. A key is\n\
             a character (\"j\", \"G\", \"?\"), ctrl- and a letter (\"ctrl-d\"), or a name:\n\
             enter esc tab shift-tab backspace delete insert up down left right home\n\
             end pageup pagedown space f1 … f12. One key cannot mean two things where\n\
             both apply. Fixed: Ctrl-C quits, and typed text, the prompts' Enter, Esc\n\
             and Backspace, the digits and the y/n answer.",
        ),
    ];
    let keys = KeyMap::default();
    let mut scope: Option<Scope> = None;
    for e in keys.entries() {
        let Some(name) = e.binding.name else {
            continue;
        };
        if scope != Some(e.binding.scope) {
            scope = Some(e.binding.scope);
            file.push(blank());
            file.push(Say(Both::of(e.binding.scope.heading())));
        }
        file.push(Setting {
            toml: format!("# {name} = {}", quoted_keys(&e.keys)),
            note: Both::of(e.binding.help),
        });
    }
    file.extend([
        blank(),
        toml("[theme]"),
        say(
            "内置主题：\"dark\"、\"light\" 或 \"mono\"（不用颜色；设了 NO_COLOR 时，不论\n\
             这里选什么都用它）。dark 和 light 只用终端的 16 种颜色，从不填充背景。",
            "A built-in theme: \"dark\", \"light\" or \"mono\" (no colour: what NO_COLOR\n\
             gives, whatever is chosen here). dark and light use the terminal's 16\n\
             colours and never paint the background.",
        ),
        toml("# name = \"dark\""),
        say(
            "每个元素都可以单独改写：颜色写作 red、light-blue、dark-gray、0-255\n\
             或 #rrggbb，背景写 \"on\" 加颜色，属性有 bold、dim、italic、underlined、\n\
             reversed；或者只写 \"plain\"（无样式）。下面的值是 dark 主题的。",
            "Any element can be overridden: words for a colour (red, light-blue,\n\
             dark-gray, 0-255, #rrggbb), \"on\" and a colour for the background, and\n\
             attributes (bold, dim, italic, underlined, reversed), or \"plain\".\n\
             The values below are the dark theme's.",
        ),
    ]);
    let dark = Theme::builtin(ThemeName::Dark);
    for (element, what) in ELEMENT_WORDS {
        if let Some(style) = dark.element(element) {
            file.push(Setting {
                toml: format!("# {element} = {:?}", style_spec(style)),
                note: Both::of(*what),
            });
        }
    }
    let fetch = Fetch::default();
    let min = MIN_FETCH_DELAY.as_secs_f64();
    let gap_limit = super::MAX_GAP_LIMIT;
    file.extend([
        blank(),
        toml("[fetch]"),
        Say(Both::new(
            format!("`zhoubao fetch` 和 TUI 的 `F` 两次请求之间隔几秒；不低于 {min}。"),
            format!(
                "Seconds between two requests of `zhoubao fetch` and the TUI's `F`;\n\
                 never below {min}."
            ),
        )),
        toml(format!("# delay = {:.1}", fetch.delay.as_secs_f64())),
        say(
            "发送的 User-Agent 头：只能是可打印的 ASCII 字符。",
            "The User-Agent header it sends: printable ASCII only.",
        ),
        toml(format!("# user_agent = {:?}", fetch.user_agent)),
        say(
            "抓取每一期时把它的图片（每周的图表）一并下载到缓存，没有网络也能\n\
             显示；`zhoubao images KEY --fetch` 可以按需下载。",
            "Download the pictures (the weekly charts) of each issue fetched, into\n\
             the cache, so they show without a network; `zhoubao images KEY --fetch`\n\
             gets them on demand.",
        ),
        toml(format!("# images = {}", fetch.images)),
        blank(),
        toml("[compare]"),
        Say(Both::new(
            format!(
                "只有与至多这么多个日历周之前的一期相比时，变化（`−579 (−84.9%)`）才\n\
                 作为主要结果给出（1 到 {gap_limit}）；超出时 `show` 和详情窗格会说明上周\n\
                 不详，并单独给出较早的值（“最近已知：2023-13（49周前）682”）。"
            ),
            format!(
                "A change (`−579 (−84.9%)`) is headlined only against an issue at most\n\
                 this many calendar weeks back (1 to {gap_limit}); beyond that `show` and\n\
                 the detail pane say the week before is not known and give the older\n\
                 value apart (\"last known: 2023-13 (49 weeks before) 682\")."
            ),
        )),
        toml(format!(
            "# max_gap_weeks = {}",
            crate::trend::compare::MAX_GAP_WEEKS
        )),
        blank(),
        say(
            "`zhoubao update` 读取的订阅源（`zhoubao feeds` 列出它们）：每个源写一个\n\
             [[feed]] 表，给出源的地址（http 或 https；RSS 2.0、Atom 或 JSON Feed，\n\
             即 WeWe-RSS、Wechat2RSS 或 RSSHub 为公众号生成的源）和可选的名称。\n\
             标题能对应到某一期的条目像导入的网页一样存入，其余的跳过。订阅源\n\
             逐个读取，只请求有变化的内容，遵守 [fetch] 的间隔和限制。",
            "Feeds `zhoubao update` reads (`zhoubao feeds` lists them): one [[feed]]\n\
             table each, with the feed's address (http or https; RSS 2.0, Atom or\n\
             JSON Feed, as WeWe-RSS, Wechat2RSS or RSSHub make of the account) and\n\
             an optional name. Items whose title names an issue are stored like an\n\
             imported page; the others are skipped. Feeds are read one at a time,\n\
             asked only for what changed, with the [fetch] delay and limits.",
        ),
        toml("#   [[feed]]"),
        toml("#   name = \"CNCERT (WeWe-RSS)\""),
        toml("#   url = \"http://localhost:4000/feeds/MP_WXS_3000000000.atom\""),
    ]);
    file
}

/// The README's table of keys: one row per binding of the default map,
/// with its config name when it has one.
pub fn key_table() -> String {
    let mut out = String::from("| keys | `[keys]` name | what it does |\n|---|---|---|\n");
    let keys = KeyMap::default();
    let mut scope: Option<Scope> = None;
    for e in keys.entries() {
        if scope != Some(e.binding.scope) {
            scope = Some(e.binding.scope);
            let _ = writeln!(
                out,
                "| **{}** | | |",
                e.binding.scope.heading().text(Lang::En)
            );
        }
        let label = keys_label(&e.keys, Lang::En)
            .split(' ')
            .map(|k| format!("`{}`", k.replace('|', "\\|")))
            .collect::<Vec<_>>()
            .join(" ");
        let name = e.binding.name.map(|n| format!("`{n}`")).unwrap_or_default();
        let _ = writeln!(
            out,
            "| {label} | {name} | {} |",
            e.binding.help.text(Lang::En).replace('|', "\\|")
        );
    }
    out
}

#[cfg(test)]
mod tests;
