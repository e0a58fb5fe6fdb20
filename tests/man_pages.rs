//! `zhoubao man --dir DIR` writes the man pages: zhoubao.1 and one
//! zhoubao-SUB.1 per subcommand; the main page has KEYS (from the key
//! map), ENVIRONMENT, FILES and EXIT STATUS, and no page names a page
//! that was not written. `zhoubao man` prints the same main page.

mod cli_fixture;

use std::collections::BTreeSet;

use clap::CommandFactory;
use cli_fixture::{listing, stderr, stdout, zhoubao};
use zhoubao::cli::args::Cli;
use zhoubao::i18n::Lang;
use zhoubao::tui::keymap::KeyMap;

/// Every `name(1)` a page refers to (roff writes `-` as `\-`).
fn references(page: &str) -> BTreeSet<String> {
    let text = page
        .replace("\\-", "-")
        .replace("\\fB", "")
        .replace("\\fR", "");
    let mut found = BTreeSet::new();
    for (at, _) in text.match_indices("(1)") {
        let before = &text[..at];
        let start = before
            .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .map_or(0, |i| i + 1);
        let name = &before[start..];
        if !name.is_empty() {
            found.insert(name.to_string());
        }
    }
    found
}

/// The roff section headings of a page.
fn sections(page: &str) -> Vec<String> {
    page.lines()
        .filter_map(|l| l.strip_prefix(".SH "))
        .map(|s| s.trim_matches('"').to_string())
        .collect()
}

#[test]
fn man_dir_writes_a_page_per_command_and_every_page_named_exists() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.db");
    let out_dir = dir.path().join("man1");
    let out = zhoubao(&db, &["man", "--dir", out_dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let mut expected: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|s| format!("zhoubao-{}.1", s.get_name()))
        .collect();
    expected.push("zhoubao.1".into());
    expected.sort();
    assert_eq!(listing(&out_dir), expected);
    for name in &expected {
        let page = std::fs::read_to_string(out_dir.join(name)).unwrap();
        assert!(page.contains(".TH "), "{name} is a man page");
        for reference in references(&page) {
            assert!(
                out_dir.join(format!("{reference}.1")).exists(),
                "{name} names {reference}(1), which was not written"
            );
        }
    }
    let import = std::fs::read_to_string(out_dir.join("zhoubao-import.1")).unwrap();
    assert!(import.contains("\\-\\-verbose"), "the subcommand's options");
    assert!(references(&import).contains("zhoubao"), "points back");
    assert!(!db.exists(), "no cache was looked for");
    let printed = stdout(&zhoubao(&db, &["man"]));
    let main = std::fs::read_to_string(out_dir.join("zhoubao.1")).unwrap();
    assert_eq!(printed, main, "`zhoubao man` prints the main page");
}

#[test]
fn the_main_page_has_keys_environment_files_exit_status_and_see_also() {
    let dir = tempfile::tempdir().unwrap();
    let page = stdout(&zhoubao(&dir.path().join("never.db"), &["man"]));
    let sections = sections(&page);
    for wanted in [
        "NAME",
        "SYNOPSIS",
        "OPTIONS",
        "KEYS",
        "ENVIRONMENT",
        "FILES",
        "EXIT STATUS",
        "SEE ALSO",
    ] {
        assert!(
            sections.iter().any(|s| s == wanted),
            "{wanted}: {sections:?}"
        );
    }
    let plain = page.replace("\\-", "-");
    // Every binding of the key map, in the help's words.
    for entry in KeyMap::default().entries() {
        let what = entry.binding.help.text(Lang::En).replace('\\', "\\e");
        assert!(
            plain.contains(&what.replace("\\-", "-")),
            "KEYS lacks {what:?}"
        );
    }
    for variable in [
        "ZHOUBAO_LANG",
        "ZHOUBAO_DB",
        "ZHOUBAO_CONFIG",
        "NO_COLOR",
        "BROWSER",
        "EDITOR",
        "VISUAL",
        "https_proxy",
        "http_proxy",
        "all_proxy",
        "no_proxy",
    ] {
        assert!(plain.contains(variable), "ENVIRONMENT lacks {variable}");
    }
    assert!(
        plain.contains("config.toml") && plain.contains("cache.db"),
        "FILES"
    );
    for status in ["0", "1", "2", "128"] {
        assert!(
            plain
                .lines()
                .any(|l| l.trim_start_matches("\\fB").starts_with(status)),
            "EXIT STATUS lacks {status}"
        );
    }
}
