//! What `zhoubao config` prints: the complete default config, every setting
//! commented out with its default value and what it does, ready to copy;
//! and the README's key table. Both come from the key map and the theme
//! the TUI runs with, so neither can drift from them.

use std::fmt::Write;
use std::path::PathBuf;

use crate::i18n::Lang;
use crate::tui::keymap::binding::Scope;
use crate::tui::keymap::{keys_label, KeyMap};
use crate::tui::view::theme::{style_spec, Theme, ThemeName, ELEMENTS};

use super::fetch::{Fetch, MIN_FETCH_DELAY};

fn quoted_keys(keys: &[crate::tui::keys::Key]) -> String {
    let names: Vec<String> = keys
        .iter()
        .filter_map(|k| k.config_name())
        .map(|n| format!("{n:?}"))
        .collect();
    format!("[{}]", names.join(", "))
}

/// The default config file, commented; uncommenting a `# name = value`
/// line changes nothing until the value is edited.
/// English whatever the language, like the key and setting names it
/// explains: a file the user keeps and edits, and may share, is not a
/// message of one session, so it is a template here, not the table's.
/// `path` is where the file goes by default.
pub fn default_file(path: Option<PathBuf>) -> String {
    let mut out = String::new();
    let path = path.map_or_else(
        || "config.toml in your config directory".to_string(),
        |p| p.display().to_string(),
    );
    let fetch = Fetch::default();
    // Writing to a String cannot fail.
    let _ = write!(
        out,
        r#"# zhoubao's config file: every setting, with its default. Copy it to
#   {path}
# (or point --config PATH or ZHOUBAO_CONFIG at a copy) and uncomment the
# lines you change. A line zhoubao cannot use is refused with its number.

# The TUI's language, "zh" or "en". Unset, ZHOUBAO_LANG decides, then the
# locale (LC_ALL, LC_MESSAGES, LANG: zh* is Chinese, another language
# English, C or nothing Chinese). Bulletins are never translated.
#   language = "en"

# The browser `o` opens addresses with: a program and its arguments, run
# directly (no shell); the address is one more argument, or replaces %s.
# Unset: $BROWSER, then the system's opener.
#   browser = ["firefox", "--new-tab"]

# The cache when neither --db nor ZHOUBAO_DB is given (default: cache.db
# in the platform data directory).
#   db = "/home/me/zhoubao/cache.db"

# A program `zhoubao update` (and the TUI's update, quietly) runs after it
# stored new issues, with their keys (2025-3 ...) as its last arguments;
# run directly, no shell.
#   on_new = ["notify-send", "New bulletins"]

# Whether the TUI starts updating every [[feed]] as it opens, as if `R`
# were pressed.
# update_on_start = false

[keys]
# Each action listed gets exactly the keys given; [] unbinds it. A key is
# a character ("j", "G", "?"), ctrl- and a letter ("ctrl-d"), or a name:
# enter esc tab shift-tab backspace delete insert up down left right home
# end pageup pagedown space f1 … f12. One key cannot mean two things where
# both apply. Fixed: Ctrl-C quits, and typed text, the prompts' Enter, Esc
# and Backspace, the digits and the y/n answer.
"#
    );
    let keys = KeyMap::default();
    let mut scope: Option<Scope> = None;
    for e in keys.entries() {
        let Some(name) = e.binding.name else {
            continue;
        };
        if scope != Some(e.binding.scope) {
            scope = Some(e.binding.scope);
            let _ = writeln!(out, "\n# {}", e.binding.scope.heading().text(Lang::En));
        }
        let _ = writeln!(
            out,
            "# {name} = {}  # {}",
            quoted_keys(&e.keys),
            e.binding.help.text(Lang::En)
        );
    }
    let _ = write!(
        out,
        r#"
[theme]
# A built-in theme: "dark", "light" or "mono" (no colour: what NO_COLOR
# gives, whatever is chosen here). dark and light use the terminal's 16
# colours and never paint the background.
# name = "dark"
# Any element can be overridden: words for a colour (red, light-blue,
# dark-gray, 0-255, #rrggbb), "on" and a colour for the background, and
# attributes (bold, dim, italic, underlined, reversed), or "plain".
# The values below are the dark theme's.
"#
    );
    let dark = Theme::builtin(ThemeName::Dark);
    for (element, what) in ELEMENTS {
        if let Some(style) = dark.element(element) {
            let _ = writeln!(out, "# {element} = {:?}  # {what}", style_spec(style));
        }
    }
    let _ = write!(
        out,
        r#"
[fetch]
# Seconds between two requests of `zhoubao fetch` and the TUI's `F`;
# never below {min}.
# delay = {delay:.1}
# The User-Agent header it sends: printable ASCII only.
# user_agent = {agent:?}
# Download the pictures (the weekly charts) of each issue fetched, into
# the cache, so they show without a network; `zhoubao images KEY --fetch`
# gets them on demand.
# images = {images}

[compare]
# A change (`−579 (−84.9%)`) is headlined only against an issue at most
# this many calendar weeks back (1 to {gap_limit}); beyond that `show` and
# the detail pane say the week before is not known and give the older
# value apart ("last known: 2023-13 (49 weeks before) 682").
# max_gap_weeks = {gap}

# Feeds `zhoubao update` reads (`zhoubao feeds` lists them): one [[feed]]
# table each, with the feed's address (http or https; RSS 2.0, Atom or
# JSON Feed, as WeWe-RSS, Wechat2RSS or RSSHub make of the account) and
# an optional name. Items whose title names an issue are stored like an
# imported page; the others are skipped. Feeds are read one at a time,
# asked only for what changed, with the [fetch] delay and limits.
#   [[feed]]
#   name = "CNCERT (WeWe-RSS)"
#   url = "http://localhost:4000/feeds/MP_WXS_3000000000.atom"
"#,
        min = MIN_FETCH_DELAY.as_secs_f64(),
        delay = fetch.delay.as_secs_f64(),
        agent = fetch.user_agent,
        images = fetch.images,
        gap = crate::trend::compare::MAX_GAP_WEEKS,
        gap_limit = super::MAX_GAP_LIMIT,
    );
    out
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
