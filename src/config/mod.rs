//! The config file: `config.toml` in the platform config dir
//! (`$XDG_CONFIG_HOME/zhoubao/` on Linux), or wherever `--config PATH` /
//! `ZHOUBAO_CONFIG` points. It becomes the TUI's key map, theme and
//! language, the browser command, the default cache path and the fetch
//! settings. A missing default file means the defaults; a missing file
//! named explicitly, a syntax error, an unknown key or a bad value is
//! refused with one line naming the file, the line and the key.
//! `zhoubao config` prints the complete default file (template.rs).

mod fetch;
mod locate;
mod read;
mod template;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

pub use self::fetch::{Fetch, MIN_FETCH_DELAY};
pub use self::template::key_table;
use crate::i18n::{ConfigMsg, Lang, Msg};
use crate::tui::keymap::{BoundTo, KeyMap, KeyMapError};
use crate::tui::keys::Key;
use crate::tui::theme::{parse_style, Theme, ThemeName};

/// The settings, defaults filled in.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file they came from; None when no file was read.
    pub path: Option<PathBuf>,
    /// None: decided by the environment ([`Lang::from_env`]).
    pub language: Option<Lang>,
    /// The program and its arguments; None: `$BROWSER`, else the system's.
    pub browser: Option<Vec<String>>,
    /// The cache when neither `--db` nor `ZHOUBAO_DB` is given.
    pub db: Option<PathBuf>,
    pub keys: KeyMap,
    /// The built-in theme chosen, before overrides.
    pub theme_name: ThemeName,
    /// With the overrides applied, and without colour under NO_COLOR.
    pub theme: Theme,
    /// NO_COLOR's verdict, read once ([`no_color_from_env`]): the theme
    /// above and the command line's output both follow it.
    pub no_color: bool,
    pub fetch: Fetch,
}

/// A config file refused: where, and why, in one line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct ConfigError {
    pub path: String,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub reason: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(key) = &self.key {
            write!(f, ": {key}")?;
        }
        // One line, whatever the reason's source said.
        let reason = self.reason.split_whitespace().collect::<Vec<_>>().join(" ");
        write!(f, ": {reason}")
    }
}

/// The file as written; every field optional so defaults fill the rest.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    language: Option<Lang>,
    browser: Option<Vec<String>>,
    db: Option<PathBuf>,
    #[serde(default)]
    keys: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    theme: BTreeMap<String, String>,
    #[serde(default)]
    fetch: FetchFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FetchFile {
    delay: Option<f64>,
    user_agent: Option<String>,
}

/// What `zhoubao config` prints: the complete default file, commented.
pub fn default_file() -> String {
    template::default_file(default_path())
}

/// Where the config file is looked for when none is named.
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "zhoubao").map(|d| d.config_dir().join("config.toml"))
}

impl Config {
    /// Reads `explicit` (an error when it is missing), else the default
    /// path (missing means the defaults). `no_color` is NO_COLOR's verdict;
    /// `lang` the language errors are given in.
    pub fn load(
        explicit: Option<&Path>,
        no_color: bool,
        lang: Lang,
    ) -> Result<Config, ConfigError> {
        let Some(path) = explicit.map(Path::to_path_buf).or_else(default_path) else {
            return Config::parse("", "", no_color, lang);
        };
        let name = path.display().to_string();
        let error = |reason: ConfigMsg| ConfigError {
            path: name.clone(),
            line: None,
            key: None,
            reason: Msg::Config(reason).text(lang).into_owned(),
        };
        let text = match read::read_config(&path).map_err(error)? {
            read::Contents::Bytes(bytes) => {
                String::from_utf8(bytes).map_err(|_| error(ConfigMsg::NotUtf8))?
            }
            read::Contents::Null => return Config::parse("", &name, no_color, lang),
            read::Contents::Missing if explicit.is_none() => {
                return Config::parse("", &name, no_color, lang);
            }
            read::Contents::Missing => return Err(error(ConfigMsg::Missing)),
        };
        let mut config = Config::parse(&text, &name, no_color, lang)?;
        config.path = Some(path);
        Ok(config)
    }

    /// The settings in `text`, read from the file called `name`.
    pub fn parse(
        text: &str,
        name: &str,
        no_color: bool,
        lang: Lang,
    ) -> Result<Config, ConfigError> {
        let at = |line: Option<usize>, key: Option<String>, reason: ConfigMsg| ConfigError {
            path: name.to_string(),
            line,
            key,
            reason: Msg::Config(reason).text(lang).into_owned(),
        };
        let file: File = toml::from_str(text).map_err(|e| {
            let (line, key, column) = match e.span() {
                Some(span) => {
                    let (line, key) = locate::at_offset(text, span.start);
                    (Some(line), key, locate::column_of(text, span.start))
                }
                None => (None, None, None),
            };
            let detail = e.message().to_string();
            at(line, key, ConfigMsg::Syntax { detail, column })
        })?;
        // Our own checks point at the key's line.
        let key_at = |section: &str, key: &str, reason: ConfigMsg| {
            at(
                locate::line_of(text, section, key),
                Some(format!("{section}.{key}")),
                reason,
            )
        };
        let mut remaps = Vec::with_capacity(file.keys.len());
        for (action, names) in &file.keys {
            let keys = names
                .iter()
                .map(|n| {
                    Key::parse(n).map_err(|_| key_at("keys", action, ConfigMsg::BadKey(n.clone())))
                })
                .collect::<Result<Vec<_>, _>>()?;
            remaps.push((action.as_str(), keys));
        }
        let keys = KeyMap::with_keys(remaps).map_err(|e| match e {
            KeyMapError::UnknownAction(action) => key_at("keys", &action, ConfigMsg::UnknownAction),
            KeyMapError::Conflict { action, key, other } => key_at(
                "keys",
                &action,
                match other {
                    BoundTo::Action(other) => ConfigMsg::Conflict { key, other },
                    BoundTo::Fixed(what) => ConfigMsg::ConflictFixed { key, what },
                },
            ),
            KeyMapError::NoWayOut { action } => key_at("keys", &action, ConfigMsg::NoWayOut),
            KeyMapError::Reserved { action, key } => {
                key_at("keys", &action, ConfigMsg::Reserved(key))
            }
        })?;
        let theme_name = match file.theme.get("name").map(String::as_str) {
            None => ThemeName::Dark,
            Some("dark") => ThemeName::Dark,
            Some("light") => ThemeName::Light,
            Some("mono") => ThemeName::Mono,
            Some(other) => {
                return Err(key_at(
                    "theme",
                    "name",
                    ConfigMsg::BadTheme(other.to_string()),
                ))
            }
        };
        // NO_COLOR means mono, whatever the file chose; its overrides keep
        // their attributes but lose their colours.
        let mut theme = Theme::builtin(if no_color {
            ThemeName::Mono
        } else {
            theme_name
        });
        for (element, spec) in file.theme.iter().filter(|(k, _)| *k != "name") {
            let style = parse_style(spec).map_err(|e| key_at("theme", element, e.message()))?;
            if !theme.set(element, style) {
                return Err(key_at("theme", element, ConfigMsg::UnknownElement));
            }
        }
        if no_color {
            theme = theme.without_colour();
        }
        let mut fetch = Fetch::default();
        if let Some(delay) = file.fetch.delay {
            if !delay.is_finite() {
                return Err(key_at(
                    "fetch",
                    "delay",
                    ConfigMsg::DelayNotANumber(delay.to_string()),
                ));
            }
            if delay < MIN_FETCH_DELAY.as_secs_f64() {
                return Err(key_at(
                    "fetch",
                    "delay",
                    ConfigMsg::Delay(delay.to_string()),
                ));
            }
            fetch.delay = Duration::from_secs_f64(delay.min(3600.0));
        }
        if let Some(agent) = file.fetch.user_agent {
            if !crate::fetch::is_sendable_user_agent(&agent) {
                return Err(key_at("fetch", "user_agent", ConfigMsg::UserAgent));
            }
            fetch.user_agent = agent;
        }
        if file
            .browser
            .as_ref()
            .is_some_and(|b| b.first().is_none_or(|p| p.trim().is_empty()))
        {
            return Err(at(
                locate::line_of(text, "", "browser"),
                Some("browser".into()),
                ConfigMsg::EmptyBrowser,
            ));
        }
        Ok(Config {
            path: None,
            language: file.language,
            browser: file.browser,
            db: file.db.map(|db| {
                let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
                expand_home(db, home.as_deref())
            }),
            keys,
            theme_name,
            theme,
            no_color,
            fetch,
        })
    }
}

/// `~` alone or before a `/` at the start of a path means the home folder,
/// as in a shell (`~user` is left alone); without a home, the path as is.
fn expand_home(path: PathBuf, home: Option<&Path>) -> PathBuf {
    let (Some(home), Ok(rest)) = (home, path.strip_prefix("~")) else {
        return path;
    };
    home.join(rest)
}

/// NO_COLOR as no-color.org has it: set and not empty.
pub fn no_color_from_env() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

#[cfg(test)]
mod tests;
