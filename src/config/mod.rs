//! The config file: `config.toml` in the platform config dir
//! (`$XDG_CONFIG_HOME/zhoubao/` on Linux), or wherever `--config PATH` /
//! `ZHOUBAO_CONFIG` points. It becomes the TUI's key map, theme and
//! language, the browser command, the default cache path, the fetch
//! settings, and the feeds `zhoubao update` and the TUI's `R` read (and
//! whether the TUI starts with `R`). A missing default file means the
//! defaults; a missing file named explicitly, a syntax error, an unknown
//! key or a bad value is refused with one line naming the file, the line
//! and the key.
//! `zhoubao config` prints the complete default file (template.rs).

mod error;
mod fetch;
mod locate;
mod read;
mod template;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;
use toml::Spanned;

pub use self::error::{ConfigError, Problem};
pub use self::fetch::{Fetch, MIN_FETCH_DELAY};
pub use self::template::key_table;
use crate::feed::Subscription;
use crate::i18n::Lang;
use crate::trend::compare::MAX_GAP_WEEKS;
use crate::tui::keymap::KeyMap;
use crate::tui::keys::Key;
use crate::tui::view::theme::{parse_style, Theme, ThemeName};

/// The settings, defaults filled in.
#[derive(Debug, Clone)]
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
    /// The `[[feed]]` tables, in the file's order: what `zhoubao update`
    /// reads.
    pub feeds: Vec<Subscription>,
    /// Run after an update that stored new issues, their keys appended.
    pub on_new: Option<Vec<String>>,
    /// The TUI starts updating the feeds (`R`) as it opens.
    pub update_on_start: bool,
    /// `[compare] max_gap_weeks`: how many calendar weeks back a change is
    /// still headlined (`show`, the detail pane).
    pub max_gap_weeks: u32,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            path: None,
            language: None,
            browser: None,
            db: None,
            keys: KeyMap::default(),
            theme_name: ThemeName::default(),
            theme: Theme::default(),
            no_color: false,
            fetch: Fetch::default(),
            feeds: Vec::new(),
            on_new: None,
            update_on_start: false,
            max_gap_weeks: MAX_GAP_WEEKS,
        }
    }
}

/// The file as written; every field optional so defaults fill the rest.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
/// Settings a check of ours may refuse keep their place in the text
/// (`Spanned`), so the refusal names their line.
struct File {
    language: Option<Lang>,
    browser: Option<Spanned<Vec<String>>>,
    db: Option<PathBuf>,
    #[serde(default)]
    keys: BTreeMap<Spanned<String>, Vec<String>>,
    #[serde(default)]
    theme: BTreeMap<Spanned<String>, String>,
    #[serde(default)]
    fetch: FetchFile,
    on_new: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    update_on_start: bool,
    #[serde(default, rename = "feed")]
    feeds: Vec<FeedFile>,
    #[serde(default)]
    compare: CompareFile,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct CompareFile {
    max_gap_weeks: Option<Spanned<i64>>,
}

/// One `[[feed]]` table; the url's place in the text names its line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FeedFile {
    url: toml::Spanned<String>,
    name: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FetchFile {
    delay: Option<Spanned<f64>>,
    user_agent: Option<Spanned<String>>,
    images: Option<bool>,
}

/// The most weeks `[compare] max_gap_weeks` may say: a year.
pub const MAX_GAP_LIMIT: u32 = 52;

/// What `zhoubao config` prints: the complete default file, commented in
/// `lang`.
pub fn default_file(lang: Lang) -> String {
    template::default_file(default_path(), lang)
}

/// The default file as [`default_file`] prints it for a config that goes
/// to `path` (None: no config directory is known).
pub fn default_file_at(path: Option<PathBuf>, lang: Lang) -> String {
    template::default_file(path, lang)
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
        let error = |problem: Problem| ConfigError::new(&name, None, None, problem, lang);
        let text = match read::read_config(&path).map_err(error)? {
            read::Contents::Bytes(bytes) => {
                String::from_utf8(bytes).map_err(|_| error(Problem::NotUtf8))?
            }
            read::Contents::Null => return Config::parse("", &name, no_color, lang),
            read::Contents::Missing if explicit.is_none() => {
                return Config::parse("", &name, no_color, lang);
            }
            read::Contents::Missing => return Err(error(Problem::Missing)),
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
        let at = |line: Option<usize>, key: Option<String>, problem: Problem| {
            ConfigError::new(name, line, key, problem, lang)
        };
        let file: File = toml::from_str(text).map_err(|e| {
            let (line, key, column) = match e.span() {
                Some(span) => (
                    Some(locate::line_at(text, span.start)),
                    locate::key_at(text, span.clone()),
                    locate::column_of(text, span.start),
                ),
                None => (None, None, None),
            };
            let detail = e.message().to_string();
            at(line, key, Problem::Syntax { detail, column })
        })?;
        // Our own checks point at the line of the key (or value) refused.
        let key_at = |section: &str, key: &Spanned<String>, problem: Problem| {
            at(
                Some(locate::line_at(text, key.span().start)),
                Some(format!("{section}.{}", key.get_ref())),
                problem,
            )
        };
        let mut remaps = Vec::with_capacity(file.keys.len());
        for (action, names) in &file.keys {
            let keys = names
                .iter()
                .map(|n| Key::parse(n).map_err(|e| key_at("keys", action, Problem::Key(e))))
                .collect::<Result<Vec<_>, _>>()?;
            remaps.push((action.get_ref().as_str(), keys));
        }
        let keys =
            KeyMap::with_keys(remaps).map_err(|e| match file.keys.get_key_value(e.action()) {
                Some((action, _)) => key_at("keys", action, Problem::KeyMap(e)),
                None => at(
                    None,
                    Some(format!("keys.{}", e.action())),
                    Problem::KeyMap(e),
                ),
            })?;
        let theme_name = match file.theme.get_key_value("name") {
            None => ThemeName::Dark,
            Some((_, name)) if name == "dark" => ThemeName::Dark,
            Some((_, name)) if name == "light" => ThemeName::Light,
            Some((_, name)) if name == "mono" => ThemeName::Mono,
            Some((key, other)) => {
                return Err(key_at("theme", key, Problem::BadTheme(other.clone())));
            }
        };
        // NO_COLOR means mono, whatever the file chose; its overrides keep
        // their attributes but lose their colours.
        let mut theme = Theme::builtin(if no_color {
            ThemeName::Mono
        } else {
            theme_name
        });
        for (element, spec) in file.theme.iter().filter(|(k, _)| k.get_ref() != "name") {
            let style =
                parse_style(spec).map_err(|e| key_at("theme", element, Problem::Style(e)))?;
            if !theme.set(element.get_ref(), style) {
                return Err(key_at("theme", element, Problem::UnknownElement));
            }
        }
        if no_color {
            theme = theme.without_colour();
        }
        let mut fetch = Fetch::default();
        if let Some(spanned) = file.fetch.delay {
            let delay = *spanned.get_ref();
            if !delay.is_finite() {
                return Err(at(
                    Some(locate::line_at(text, spanned.span().start)),
                    Some("fetch.delay".into()),
                    Problem::DelayNotANumber(delay.to_string()),
                ));
            }
            if delay < MIN_FETCH_DELAY.as_secs_f64() {
                return Err(at(
                    Some(locate::line_at(text, spanned.span().start)),
                    Some("fetch.delay".into()),
                    Problem::Delay(delay.to_string()),
                ));
            }
            fetch.delay = Duration::from_secs_f64(delay.min(3600.0));
        }
        if let Some(agent) = file.fetch.user_agent {
            if !crate::fetch::is_sendable_user_agent(agent.get_ref()) {
                return Err(at(
                    Some(locate::line_at(text, agent.span().start)),
                    Some("fetch.user_agent".into()),
                    Problem::UserAgent,
                ));
            }
            fetch.user_agent = agent.into_inner();
        }
        if let Some(images) = file.fetch.images {
            fetch.images = images;
        }
        if let Some(browser) = file
            .browser
            .as_ref()
            .filter(|b| b.get_ref().first().is_none_or(|p| p.trim().is_empty()))
        {
            return Err(at(
                Some(locate::line_at(text, browser.span().start)),
                Some("browser".into()),
                Problem::EmptyBrowser,
            ));
        }
        if let Some(on_new) = file
            .on_new
            .as_ref()
            .filter(|b| b.get_ref().first().is_none_or(|p| p.trim().is_empty()))
        {
            return Err(at(
                Some(locate::line_at(text, on_new.span().start)),
                Some("on_new".into()),
                Problem::EmptyOnNew,
            ));
        }
        let mut feeds: Vec<Subscription> = Vec::with_capacity(file.feeds.len());
        for feed in file.feeds {
            let line = Some(locate::line_at(text, feed.url.span().start));
            let key = Some("feed.url".to_string());
            let url = feed.url.into_inner();
            if crate::fetch::web_url(&url).is_err() {
                let shown = crate::sanitize::line(&url);
                return Err(at(line, key, Problem::FeedUrl(shown)));
            }
            let url = url.trim().to_string();
            if feeds.iter().any(|f| f.url == url) {
                let shown = crate::sanitize::line(&url);
                return Err(at(line, key, Problem::FeedTwice(shown)));
            }
            feeds.push(Subscription {
                name: feed.name.filter(|n| !n.trim().is_empty()),
                url,
            });
        }
        let max_gap_weeks = match file.compare.max_gap_weeks {
            None => MAX_GAP_WEEKS,
            Some(weeks) => match u32::try_from(*weeks.get_ref()) {
                Ok(w @ 1..=MAX_GAP_LIMIT) => w,
                _ => {
                    return Err(at(
                        Some(locate::line_at(text, weeks.span().start)),
                        Some("compare.max_gap_weeks".into()),
                        Problem::MaxGap(*weeks.get_ref()),
                    ))
                }
            },
        };
        Ok(Config {
            path: None,
            language: file.language,
            browser: file.browser.map(Spanned::into_inner),
            db: file.db.map(|db| {
                let home = directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf());
                expand_home(db, home.as_deref())
            }),
            keys,
            theme_name,
            theme,
            no_color,
            fetch,
            feeds,
            on_new: file.on_new.map(Spanned::into_inner),
            update_on_start: file.update_on_start,
            max_gap_weeks,
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
