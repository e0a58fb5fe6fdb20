//! The config file as a user meets it from the command line: `zhoubao
//! config` prints a file that reads back as the defaults, a file named by
//! --config or ZHOUBAO_CONFIG must exist, a bad one stops every command with
//! one line naming the file, the line and the key, and `db` chooses the
//! cache when --db and ZHOUBAO_DB do not.

mod cli_fixture;

use std::path::Path;
use std::process::Output;

use zhoubao::config::Config;
use zhoubao::i18n::Lang;
use zhoubao::tui::keymap::KeyMap;

/// The binary in the clean environment, but with no config file named:
/// `env` names one, or the default path (where nothing can be) is used.
fn run(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = cli_fixture::command();
    command.args(args).env_remove("ZHOUBAO_CONFIG");
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("zhoubao runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn zhoubao_config_prints_a_file_that_reads_back_as_the_defaults() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Even with a broken config in place: it prints the defaults.
    let broken = dir.path().join("broken.toml");
    std::fs::write(&broken, "[keys\n").expect("written");
    let out = run(&["config"], &[("ZHOUBAO_CONFIG", &broken)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(text.contains("[keys]") && text.contains("[theme]") && text.contains("[fetch]"));
    let copy = dir.path().join("config.toml");
    std::fs::write(&copy, &text).expect("written");
    let config = Config::load(Some(&copy), false, Lang::En).expect("the printed file is valid");
    assert_eq!(config.keys, KeyMap::default());
}

#[test]
fn a_named_config_file_must_exist() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("cache.db");
    let missing = dir.path().join("none.toml");
    let db_arg = db.display().to_string();
    let missing_arg = missing.display().to_string();
    let out = run(&["--config", &missing_arg, "--db", &db_arg, "list"], &[]);
    // Refused before the cache is touched.
    assert!(!db.exists());
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(
        err.trim_end(),
        format!("zhoubao: {missing_arg}: no such config file")
    );
    let out = run(&["--db", &db_arg, "list"], &[("ZHOUBAO_CONFIG", &missing)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("no such config file"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_bad_config_stops_the_command_with_one_line_naming_the_file_line_and_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("config.toml");
    std::fs::write(&file, "[keys]\nquit = [\"q\"]\nopen_chart = [\"j\"]\n").expect("written");
    let db = dir.path().join("cache.db").display().to_string();
    let out = run(&["--db", &db, "list"], &[("ZHOUBAO_CONFIG", &file)]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!(
            "{}:3: keys.open_chart: \"j\" is also bound to move_down",
            file.display()
        )),
        "{err}"
    );
}

#[test]
fn the_configs_db_is_the_cache_unless_db_is_given() {
    let dir = tempfile::tempdir().expect("temp dir");
    let from_config = dir.path().join("from-config.db");
    let file = dir.path().join("config.toml");
    std::fs::write(
        &file,
        format!("db = {:?}\n", from_config.display().to_string()),
    )
    .expect("written");
    // Import creates the cache it writes to.
    let fixture = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/full.md");
    let out = run(
        &["import", "--quiet", fixture],
        &[("ZHOUBAO_CONFIG", &file)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(from_config.exists(), "the config's db was used");
    let given = dir.path().join("given.db");
    let given_arg = given.display().to_string();
    let out = run(
        &["--db", &given_arg, "import", "--quiet", fixture],
        &[("ZHOUBAO_CONFIG", &file)],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(given.exists(), "--db wins over the config");
}

/// `zhoubao config` with the language given by `vars` (ZHOUBAO_LANG unset
/// unless named), and what the library says it should print there.
fn config_in(vars: &[(&str, &str)], lang: Lang) -> (String, String) {
    let mut command = cli_fixture::command();
    command.arg("config").env_remove("ZHOUBAO_LANG");
    for (k, v) in vars {
        command.env(k, v);
    }
    let out = command.output().expect("zhoubao runs");
    assert!(out.status.success(), "{}", stderr(&out));
    // The clean environment's XDG_CONFIG_HOME, where the file would go.
    let path = Path::new(cli_fixture::NOWHERE).join(".config/zhoubao/config.toml");
    let expected = zhoubao::config::default_file_at(Some(path), lang);
    (String::from_utf8(out.stdout).expect("UTF-8"), expected)
}

#[test]
fn zhoubao_config_comments_the_file_in_the_sessions_language() {
    let (zh, expected) = config_in(&[("ZHOUBAO_LANG", "zh")], Lang::Zh);
    assert_eq!(zh, expected);
    assert!(zh.starts_with("# zhoubao 的配置文件"), "{zh}");
    let (en, expected) = config_in(&[("ZHOUBAO_LANG", "en")], Lang::En);
    assert_eq!(en, expected);
    assert!(en.starts_with("# zhoubao's config file"), "{en}");
    // A Chinese locale is a Chinese session too, and ZHOUBAO_LANG beats it.
    let (by_locale, _) = config_in(&[("LANG", "zh_CN.UTF-8")], Lang::Zh);
    assert_eq!(by_locale, zh);
    let (given, _) = config_in(&[("LANG", "zh_CN.UTF-8"), ("ZHOUBAO_LANG", "en")], Lang::En);
    assert_eq!(given, en);
    // Both read back as the same config: the keys, values and examples
    // are the same, only the comments differ.
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in [("zh.toml", &zh), ("en.toml", &en)] {
        let copy = dir.path().join(name);
        std::fs::write(&copy, text).expect("written");
        let config = Config::load(Some(&copy), false, Lang::En).expect("the printed file is valid");
        assert_eq!(config.keys, KeyMap::default());
        assert!(config.feeds.is_empty() && config.language.is_none());
    }
    // What TOML reads, or would once uncommented: every line but prose.
    let toml = |text: &str| -> Vec<String> {
        text.lines()
            .map(|l| l.split("  # ").next().unwrap_or(l))
            .filter(|l| {
                let body = l.trim_start_matches('#').trim_start();
                let setting = body.split_once(" = ").is_some_and(|(k, _)| {
                    !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                });
                !l.starts_with('#') || setting || body.starts_with('[') && body.ends_with(']')
            })
            .map(str::to_string)
            .collect()
    };
    assert_eq!(toml(&zh), toml(&en));
}
