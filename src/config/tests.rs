//! The config file: defaults, the printed default file, remaps and
//! overrides taking effect, and each kind of mistake refused in one line
//! naming the file, the line and the key.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Color, Modifier, Style};

use super::*;
use crate::tui::action::{Action, Focus, InputMode};

fn parse(text: &str) -> Result<Config, ConfigError> {
    Config::parse(text, "my.toml", false, Lang::En)
}

fn refused(text: &str) -> String {
    let e = parse(text).expect_err("refused");
    let line = e.to_string();
    assert!(!line.contains('\n'), "one line: {line}");
    line
}

/// The printed file with every `# name = value` line uncommented (not the
/// examples, which start `#   `).
fn uncommented(file: &str) -> String {
    file.lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest)
                if rest.split_once(" = ").is_some_and(|(k, _)| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                }) =>
            {
                rest.to_string()
            }
            _ => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn an_empty_file_is_the_defaults() {
    let c = parse("").expect("valid");
    assert_eq!(c.language, None);
    assert_eq!(c.browser, None);
    assert_eq!(c.theme, Theme::builtin(ThemeName::Dark));
    assert_eq!(c.keys, KeyMap::default());
    assert_eq!(c.fetch.delay, Duration::from_secs(1));
    assert!(c.fetch.user_agent.starts_with("zhoubao/"));
    assert!(c.fetch.images, "pictures are downloaded unless told not to");
}

#[test]
fn the_printed_default_file_parses_back_to_the_defaults_with_every_line_uncommented() {
    // Both languages: only the comments differ.
    for lang in [Lang::En, Lang::Zh] {
        let file = default_file(lang);
        // As printed, everything is commented out: the defaults.
        let c = parse(&file).expect("the printed file parses");
        assert_eq!(c.keys, KeyMap::default());
        assert_eq!(c.theme, Theme::builtin(ThemeName::Dark));
        assert_eq!(c.fetch, Fetch::default());
        assert_eq!(
            (c.language, c.browser, c.db, c.on_new),
            (None, None, None, None)
        );
        assert!(c.feeds.is_empty() && !c.update_on_start);
        assert_eq!(c.max_gap_weeks, MAX_GAP_WEEKS);
        // Uncommented, every value is given, and every value is the default.
        let active = uncommented(&file);
        assert!(
            active.contains("\nmove_down = [\"j\", \"down\"]"),
            "{active}"
        );
        assert!(active.contains("\nselection = \"reversed\""), "{active}");
        assert!(active.contains("\ndelay = 1.0"), "{active}");
        let c = parse(&active).expect("the uncommented file parses");
        assert_eq!(c.keys, KeyMap::default());
        assert_eq!(c.theme, Theme::builtin(ThemeName::Dark));
        assert_eq!(c.fetch, Fetch::default());
        assert!(active.contains("\nupdate_on_start = false"), "{active}");
        assert!(!c.update_on_start);
        assert_eq!(c.theme_name, ThemeName::Dark);
        assert_eq!(c.max_gap_weeks, MAX_GAP_WEEKS);
        // Every remappable action and every theme element is in the file.
        for e in KeyMap::default().entries() {
            if let Some(name) = e.binding.name {
                assert!(active.contains(&format!("\n{name} = ")), "{name}");
            }
        }
        for (element, _) in ELEMENTS_FOR_TEST {
            assert!(active.contains(&format!("\n{element} = ")), "{element}");
        }
        // The examples parse as well once uncommented.
        let examples: String = active
            .lines()
            .map(|l| match l.strip_prefix("#   ") {
                Some(rest) if rest.contains(" = ") || rest.starts_with("[[") => rest,
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        let c = parse(&examples).expect("the examples parse");
        assert_eq!(c.language, Some(Lang::En));
        assert_eq!(c.browser.as_deref().map(<[String]>::len), Some(2));
        assert_eq!(c.on_new.as_deref().map(<[String]>::len), Some(2));
        assert_eq!(c.feeds.len(), 1);
        assert_eq!(c.feeds[0].name.as_deref(), Some("CNCERT (WeWe-RSS)"));
    }
}

#[test]
fn update_on_start_is_a_yes_or_no() {
    assert!(
        parse("update_on_start = true\n")
            .expect("valid")
            .update_on_start
    );
    assert!(
        !parse("update_on_start = false\n")
            .expect("valid")
            .update_on_start
    );
    assert!(refused("update_on_start = \"yes\"\n").starts_with("my.toml:1: update_on_start: "));
}

#[test]
fn feeds_are_read_in_order_and_a_bad_or_repeated_address_is_refused_at_its_line() {
    let c = parse(
        "on_new = [\"notify-send\"]\n[[feed]]\nurl = \"https://a.example/feed.atom\"\n\
         name = \"甲\"\n\n[[feed]]\nurl = \"http://127.0.0.1:4000/b.json\"\n",
    )
    .expect("valid");
    assert_eq!(c.on_new, Some(vec!["notify-send".to_string()]));
    assert!(!c.update_on_start, "off unless set");
    let urls: Vec<(&str, Option<&str>)> = c
        .feeds
        .iter()
        .map(|f| (f.url.as_str(), f.name.as_deref()))
        .collect();
    assert_eq!(
        urls,
        [
            ("https://a.example/feed.atom", Some("甲")),
            ("http://127.0.0.1:4000/b.json", None)
        ]
    );
    assert_eq!(
        refused("[[feed]]\nname = \"x\"\nurl = \"file:///etc/passwd\"\n"),
        "my.toml:3: feed.url: \"file:///etc/passwd\" is not an http or https address"
    );
    assert_eq!(
        refused("[[feed]]\nurl = \"http://h/f\"\n[[feed]]\nurl = \"http://h/f\"\n"),
        "my.toml:4: feed.url: the feed http://h/f is listed twice"
    );
    assert!(refused("[[feed]]\nname = \"x\"\n").starts_with("my.toml:1"));
    assert!(refused("[[feed]]\nurl = \"http://h/f\"\ntitle = \"x\"\n").contains("title"));
    assert_eq!(
        refused("on_new = []\n"),
        "my.toml:1: on_new: on_new needs a program, e.g. [\"notify-send\", \"zhoubao\"]"
    );
}

const ELEMENTS_FOR_TEST: &[(&str, &str)] = crate::tui::view::theme::ELEMENTS;

#[test]
fn a_remap_takes_effect_in_the_keys_help_and_hints() {
    let c = parse("[keys]\nmove_down = [\"n\"]\nnext_hit = [\"ctrl-n\"]\n").expect("valid");
    assert_eq!(
        c.keys.action(press('n'), InputMode::Normal, Focus::List),
        Some(Action::MoveDown)
    );
    assert_eq!(
        c.keys.action(press('j'), InputMode::Normal, Focus::List),
        None
    );
    let hints = c.keys.hints(InputMode::Normal, Focus::List, Lang::En);
    assert!(hints.iter().any(|h| h.keys == "n/k"), "{hints:?}");
    let ui = crate::tui::ui::Ui {
        lang: Lang::En,
        theme: c.theme.clone(),
        keys: c.keys.clone(),
    };
    let help = crate::tui::view::help::help_lines(&ui);
    let down = help
        .iter()
        .find(|(l, _)| l.contains("down: next issue"))
        .expect("listed");
    assert!(down.0.trim_start().starts_with("n "), "{down:?}");
    assert!(help
        .iter()
        .any(|(l, _)| l.trim_start().starts_with("Ctrl-N ")));
}

#[test]
fn a_theme_and_its_overrides_apply_and_no_color_takes_the_colour_out() {
    let text = "[theme]\nname = \"light\"\nlink = \"bold #ff8800\"\nselection = \"underlined\"\n";
    let c = parse(text).expect("valid");
    assert_eq!(c.theme_name, ThemeName::Light);
    assert_eq!(
        c.theme.link,
        Style::default()
            .fg(Color::Rgb(255, 136, 0))
            .add_modifier(Modifier::BOLD)
    );
    assert_eq!(
        c.theme.selection,
        Style::default().add_modifier(Modifier::UNDERLINED)
    );
    assert_eq!(c.theme.heading, Theme::builtin(ThemeName::Light).heading);
    let plain = Config::parse(text, "my.toml", true, Lang::En).expect("valid");
    assert_eq!(
        plain.theme.link,
        Style::default().add_modifier(Modifier::BOLD)
    );
    assert_eq!(plain.theme.heading, Theme::builtin(ThemeName::Mono).heading);
}

#[test]
fn a_conflict_names_the_file_the_line_the_key_and_both_actions() {
    let line = refused("language = \"zh\"\n\n[keys]\nopen_chart = [\"j\"]\n");
    assert_eq!(
        line,
        "my.toml:4: keys.open_chart: \"j\" is also bound to move_down where both apply"
    );
}

#[test]
fn ctrl_c_cannot_be_taken() {
    let line = refused("[keys]\nsearch = [\"ctrl-c\"]\n");
    assert_eq!(
        line,
        "my.toml:2: keys.search: \"ctrl-c\" always quits and cannot be bound"
    );
}

#[test]
fn unknown_keys_are_refused_with_their_line() {
    let line = refused("language = \"en\"\nlanguaje = \"en\"\n");
    assert!(
        line.starts_with("my.toml:2: languaje: unknown field `languaje`"),
        "{line}"
    );
    let line = refused("[keys]\nquit = [\"q\"]\nfly_away = [\"x\"]\n");
    assert!(
        line.starts_with("my.toml:3: keys.fly_away: not an action"),
        "{line}"
    );
    let line = refused("[theme]\nsparkle = \"red\"\n");
    assert!(
        line.starts_with("my.toml:2: theme.sparkle: not a theme element"),
        "{line}"
    );
    let line = refused("[colours]\nlink = \"red\"\n");
    assert!(
        line.starts_with("my.toml:1: colours: unknown field `colours`"),
        "{line}"
    );
}

#[test]
fn bad_values_are_refused_with_their_line_and_key() {
    let line = refused("[keys]\nmove_down = [\n  \"j\",\n  \"hyper-j\",\n]\n");
    assert!(
        line.starts_with("my.toml:2: keys.move_down: \"hyper-j\" is not a key"),
        "{line}"
    );
    let line = refused("\n[theme]\nlink = \"blod\"\n");
    assert!(
        line.starts_with("my.toml:3: theme.link: not a style"),
        "{line}"
    );
    let line = refused("[theme]\nname = \"solarized\"\n");
    assert!(
        line.starts_with("my.toml:2: theme.name: no built-in theme"),
        "{line}"
    );
    let line = refused("language = \"fr\"\n");
    assert!(
        line.starts_with("my.toml:1: language: unknown variant `fr`"),
        "{line}"
    );
    let line = refused("[fetch]\ndelay = 0.1\n");
    assert!(
        line.starts_with("my.toml:2: fetch.delay: 0.1 seconds is too short"),
        "{line}"
    );
    let line = refused("browser = []\n");
    assert!(
        line.starts_with("my.toml:1: browser: browser needs a program"),
        "{line}"
    );
    let line = refused("[keys]\nquit = \"q\"\n");
    assert!(line.starts_with("my.toml:2: keys.quit: "), "{line}");
}

#[test]
fn a_syntax_error_gets_its_line() {
    let line = refused("language = \"en\"\n[keys\nquit = [\"q\"]\n");
    assert!(line.starts_with("my.toml:2"), "{line}");
}

#[test]
fn errors_follow_the_language_asked_for() {
    let e = Config::parse("[theme]\nsparkle = \"red\"\n", "my.toml", false, Lang::Zh)
        .expect_err("refused");
    assert_eq!(
        e.to_string(),
        "my.toml:2: theme.sparkle: 不是主题元素：`zhoubao config` 列出了全部"
    );
}

#[test]
fn a_missing_file_named_explicitly_is_an_error_a_missing_default_is_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("none.toml");
    let e = Config::load(Some(&missing), false, Lang::En).expect_err("refused");
    assert_eq!(
        e.to_string(),
        format!("{}: no such config file", missing.display())
    );
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "db = \"/tmp/x.db\"\n").expect("written");
    let c = Config::load(Some(&file), false, Lang::En).expect("valid");
    assert_eq!(c.db.as_deref(), Some(Path::new("/tmp/x.db")));
    assert_eq!(c.path.as_deref(), Some(file.as_path()));
}

#[test]
fn downloading_pictures_can_be_turned_off() {
    assert!(
        !parse("[fetch]\nimages = false\n")
            .expect("valid")
            .fetch
            .images
    );
    assert!(
        parse("[fetch]\nimages = true\n")
            .expect("valid")
            .fetch
            .images
    );
    assert!(parse("[fetch]\nimages = \"no\"\n").is_err());
}

#[test]
fn the_fetch_delay_and_user_agent_can_be_set() {
    let c = parse("[fetch]\ndelay = 2.5\nuser_agent = \"me/1\"\n").expect("valid");
    assert_eq!(c.fetch.delay, Duration::from_millis(2500));
    assert_eq!(c.fetch.user_agent, "me/1");
    assert_eq!(
        parse("[fetch]\ndelay = 0.5\n")
            .expect("the minimum")
            .fetch
            .delay,
        MIN_FETCH_DELAY
    );
}

#[test]
fn the_readme_key_table_is_the_default_key_map() {
    let readme = include_str!("../../README.md");
    let table = key_table();
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; it should read:\n{table}"
    );
}

#[test]
fn the_readme_example_config_is_valid() {
    let readme = include_str!("../../README.md");
    let example = readme
        .split("```toml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("README.md has a toml example");
    let c = parse(example).expect("the example parses");
    assert_eq!(c.language, Some(Lang::En));
    assert_eq!(c.max_gap_weeks, 8);
    assert_eq!(c.theme_name, ThemeName::Light);
    assert_eq!(
        c.keys.action(press('v'), InputMode::Normal, Focus::List),
        Some(Action::OpenChart)
    );
}

#[test]
fn chinese_refusals_name_fixed_keys_and_bad_styles_in_chinese() {
    let zh = |text: &str| {
        Config::parse(text, "my.toml", false, Lang::Zh)
            .expect_err("refused")
            .to_string()
    };
    assert_eq!(
        zh("[keys]\nsearch = [\"3\"]\n"),
        "my.toml:2: keys.search: “1-9”也是“跟随第 N 条近期回顾”的键，两者会同时起作用"
    );
    let style = zh("[theme]\nlink = \"blod\"\n");
    assert!(
        style.starts_with("my.toml:2: theme.link: 样式写错了：“blod”既不是颜色也不是属性"),
        "{style}"
    );
    assert!(!style.contains("is not a colour"), "{style}");
    assert_eq!(
        zh("[theme]\nlink = \"bold on\"\n"),
        "my.toml:2: theme.link: 样式写错了：“on”后面要跟一个颜色"
    );
}

#[test]
fn an_unreadable_config_file_says_why_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    // A folder where the file should be: the system says it is one.
    let e = Config::load(Some(dir.path()), false, Lang::Zh).expect_err("refused");
    assert!(e.to_string().ends_with("读不了配置文件：这是文件夹"), "{e}");
}

#[test]
fn a_tilde_at_the_start_of_db_is_the_home_folder() {
    let home = Path::new("/home/读者");
    assert_eq!(
        expand_home("~/周报/cache.db".into(), Some(home)),
        home.join("周报/cache.db")
    );
    assert_eq!(expand_home("~".into(), Some(home)), home);
    for kept in ["~other/cache.db", "/srv/~/cache.db", "cache~.db"] {
        assert_eq!(expand_home(kept.into(), Some(home)), PathBuf::from(kept));
    }
    assert_eq!(
        expand_home("~/cache.db".into(), None),
        PathBuf::from("~/cache.db")
    );
    // Read from the file, with the real home.
    let config = parse("db = \"~/zhoubao.db\"\n").expect("parses");
    if let Some(dirs) = directories::BaseDirs::new() {
        assert_eq!(config.db, Some(dirs.home_dir().join("zhoubao.db")));
    }
}

#[test]
fn the_only_way_out_of_a_screen_cannot_be_unbound() {
    for (text, key, line) in [
        ("[keys]\nclose_help = []\n", "keys.close_help", 2),
        (
            "language = \"en\"\n[keys]\nchart_close = []\n",
            "keys.chart_close",
            3,
        ),
    ] {
        let e = parse(text).expect_err("refused");
        assert_eq!(e.key.as_deref(), Some(key));
        assert_eq!(e.line, Some(line));
        assert!(
            e.to_string()
                .starts_with(&format!("my.toml:{line}: {key}: ")),
            "{e}"
        );
        assert!(e.reason.contains("only way out"), "{e}");
    }
    let zh = Config::parse("[keys]\nclose_help = []\n", "my.toml", false, Lang::Zh)
        .expect_err("refused");
    assert!(zh.reason.starts_with("这是离开该画面的唯一方式"), "{zh}");
    // Moved to other keys, it is still a way out.
    assert!(parse("[keys]\nclose_help = [\"x\"]\n").is_ok());
}

#[test]
fn toml_mistakes_read_in_chinese_with_their_line_and_column() {
    let zh = |text: &str| {
        Config::parse(text, "my.toml", false, Lang::Zh)
            .expect_err("refused")
            .to_string()
    };
    assert_eq!(
        zh("[keys\n"),
        "my.toml:1: keys: TOML 错误（第 6 列）：表头没有闭合，缺少 `]`"
    );
    assert_eq!(
        zh("colour = 1\n"),
        "my.toml:1: colour: TOML 错误（第 1 列）：没有 `colour` 这一项；可用的有 `language`, \
         `browser`, `db`, `keys`, `theme`, `fetch`, `on_new`, `update_on_start`, `feed`, \
         `compare`"
    );
    assert_eq!(
        zh("[keys]\nquit = \"q\"\n"),
        "my.toml:2: keys.quit: TOML 错误（第 8 列）：类型不对：写的是字符串 \"q\"，应为列表"
    );
    assert_eq!(
        zh("language = \"fr\"\n"),
        "my.toml:1: language: TOML 错误（第 12 列）：“fr”不是可选的值；可选 “zh” 或 “en”"
    );
    assert!(zh("language = \"en\"\nlanguage = \"zh\"\n").ends_with("：重复的键"));
    // English keeps toml's words, with the column.
    let en = parse("[keys\n").expect_err("refused").to_string();
    assert_eq!(
        en,
        "my.toml:1: keys: unclosed table, expected `]` (column 6)"
    );
}

#[test]
fn a_dotted_key_is_refused_on_its_own_line() {
    let line = refused("language = \"en\"\n\nkeys.close_help = []\n");
    assert!(line.starts_with("my.toml:3: keys.close_help: "), "{line}");
    let line = refused("language = \"en\"\ntheme.link = \"blod\"\n");
    assert!(
        line.starts_with("my.toml:2: theme.link: not a style"),
        "{line}"
    );
    // toml's own refusal of a dotted key's value names the whole key.
    let line = refused("language = \"en\"\nkeys.quit = \"x\"\n");
    assert!(
        line.starts_with("my.toml:2: keys.quit: invalid type"),
        "{line}"
    );
}

#[test]
fn a_key_in_an_inline_table_is_refused_on_its_own_line() {
    let line = refused("language = \"en\"\ntheme = { name = \"dark\", link = \"bold on\" }\n");
    assert!(line.starts_with("my.toml:2: theme.link: "), "{line}");
    let line = refused("keys = { search = [\"j\"], quit = \"q\" }\n");
    assert!(
        line.starts_with("my.toml:1: keys.quit: invalid type"),
        "{line}"
    );
    let line = refused("\n\nfetch = { delay = 0.1 }\n");
    assert!(line.starts_with("my.toml:3: fetch.delay: "), "{line}");
}

#[test]
fn an_endless_or_not_a_number_delay_is_said_to_be_one_not_too_short() {
    for (text, shown) in [
        ("delay = inf", "inf"),
        ("delay = +inf", "inf"),
        ("delay = nan", "NaN"),
    ] {
        let line = refused(&format!("[fetch]\n{text}\n"));
        assert!(
            line.starts_with(&format!(
                "my.toml:2: fetch.delay: {shown} is not a number of seconds"
            )),
            "{line}"
        );
        assert!(!line.contains("too short"), "{line}");
    }
}

#[test]
fn a_user_agent_with_a_control_character_is_refused_in_one_line() {
    for agent in [
        "a\\r\\nX-Injected: yes",
        "zb\\u001b",
        "tab\\there",
        "del\\u007f",
    ] {
        let line = refused(&format!("[fetch]\nuser_agent = \"{agent}\"\n"));
        assert!(
            line.starts_with("my.toml:2: fetch.user_agent: "),
            "{agent}: {line}"
        );
        assert!(line.contains("printable ASCII"), "{agent}: {line}");
        assert!(!line.contains('\u{1b}') && !line.contains('\r'), "{line:?}");
    }
    let c = parse("[fetch]\nuser_agent = \"analyst-desk/2.0 (+https://example.org)\"\n")
        .expect("printable ASCII is fine");
    assert_eq!(
        c.fetch.user_agent,
        "analyst-desk/2.0 (+https://example.org)"
    );
}

#[cfg(unix)]
#[test]
fn a_config_path_that_is_not_a_regular_file_is_refused_without_waiting() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("config.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo not available: skipping");
        return;
    }
    // No writer ever comes: reading would wait for ever.
    let e = Config::load(Some(&fifo), false, Lang::En).expect_err("a FIFO is refused");
    let line = e.to_string();
    assert_eq!(
        line,
        format!("{}: not a regular file (a FIFO)", fifo.display())
    );
    let e = Config::load(Some(dir.path()), false, Lang::En).expect_err("a folder is refused");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: cannot read the config file: it is a folder",
            dir.path().display()
        )
    );
}

#[test]
fn a_config_file_over_a_megabyte_is_refused_unread() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("config.toml");
    let mut text = "# padding\n".repeat(100_000);
    text.push_str("language = \"en\"\n");
    assert!(text.len() > 1_000_000);
    std::fs::write(&file, &text).expect("written");
    let e = Config::load(Some(&file), false, Lang::En).expect_err("too large");
    assert_eq!(
        e.to_string(),
        format!(
            "{}: the config file is larger than 1 MB ({} bytes)",
            file.display(),
            text.len()
        )
    );
    text.truncate(1_000_000 - 20);
    std::fs::write(&file, &text).expect("written");
    Config::load(Some(&file), false, Lang::En).expect("under the cap is read");
}

#[cfg(unix)]
#[test]
fn the_null_device_as_config_means_no_settings() {
    // `--config /dev/null` is how a script says "no config": it is read
    // (as nothing), not refused as a device. A node with the null
    // device's numbers, in a scratch folder, stands for it.
    let dir = tempfile::tempdir().expect("temp dir");
    let null = dir.path().join("null");
    let made = std::process::Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        eprintln!("cannot make a device node here: skipping");
        return;
    }
    let c = Config::load(Some(&null), false, Lang::En).expect("no settings");
    assert_eq!(c.keys, KeyMap::default());
    assert_eq!(c.path, None, "no file was read");
}

#[test]
fn compare_max_gap_weeks_is_read_and_a_gap_outside_a_year_is_refused_on_its_line() {
    let parse = |text: &str| Config::parse(text, "c.toml", false, Lang::En);
    assert_eq!(parse("").unwrap().max_gap_weeks, 4);
    assert_eq!(
        parse("[compare]\nmax_gap_weeks = 8\n")
            .unwrap()
            .max_gap_weeks,
        8
    );
    for bad in ["0", "53", "-1"] {
        let e = parse(&format!("\n[compare]\nmax_gap_weeks = {bad}\n"))
            .expect_err("refused")
            .to_string();
        assert_eq!(
            e,
            format!(
                "c.toml:3: compare.max_gap_weeks: {bad} weeks will not do: a whole number of \
                 weeks from 1 to 52"
            )
        );
    }
}
