//! The printed config file in both languages: the same TOML line for line,
//! only the comments translated, and the Chinese comments really Chinese.

use std::path::PathBuf;

use super::default_file;
use crate::i18n::Lang;
use crate::tui::keys::Key;

/// One line of the printed file split into what TOML reads, or would read
/// once the line is uncommented (a table header, a `name = value`, with the
/// `#` before it), and the comment text after it.
fn split(line: &str) -> (Option<&str>, Option<&str>) {
    if !line.starts_with('#') {
        return (Some(line), None);
    }
    let body = line.trim_start_matches('#').trim_start();
    let header = body.starts_with('[') && body.ends_with(']') && !body.contains(' ');
    let setting = body.split_once(" = ").is_some_and(|(name, _)| {
        !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    });
    if header || setting {
        return match line.split_once("  # ") {
            Some((toml, note)) => (Some(toml), Some(note)),
            None => (Some(line), None),
        };
    }
    (None, Some(line.strip_prefix("# ").unwrap_or(line)))
}

/// Every line's TOML part, in order, and whether a note follows it.
fn toml_of(file: &str) -> Vec<(&str, bool)> {
    file.lines()
        .filter_map(|l| match split(l) {
            (Some(toml), note) => Some((toml, note.is_some())),
            (None, _) => None,
        })
        .collect()
}

/// Every comment: the lines of prose and the notes after settings.
fn comments_of(file: &str) -> Vec<&str> {
    file.lines().filter_map(|l| split(l).1).collect()
}

fn is_chinese(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

/// The English words of `text` as runs: a word is ASCII letters (with a
/// lower-case one, so not an acronym like RSS), two or more; key names
/// (`up`, `enter`) and single letters neither count nor end a run, code
/// (`set-clipboard`, `$EDITOR`, `0-255`) and any Chinese character end it.
fn english_runs(text: &str) -> Vec<usize> {
    let mut runs = Vec::new();
    for stretch in text.split(|c: char| !c.is_ascii()) {
        runs.push(0);
        for token in stretch.split_whitespace() {
            let word = token.trim_matches(|c: char| ",.;:()'\"!?".contains(c));
            let plain = word.len() >= 2
                && word.chars().all(|c| c.is_ascii_alphabetic())
                && word.chars().any(|c| c.is_ascii_lowercase());
            let neutral = word.len() < 2 || Key::parse(word).is_ok();
            if plain && !neutral {
                *runs.last_mut().expect("pushed above") += 1;
            } else if !neutral {
                runs.push(0);
            }
        }
    }
    runs.retain(|&n| n > 0);
    runs
}

fn both_files() -> Vec<(String, String)> {
    [
        None,
        Some(PathBuf::from("/home/me/.config/zhoubao/config.toml")),
    ]
    .into_iter()
    .map(|path| {
        (
            default_file(path.clone(), Lang::Zh),
            default_file(path, Lang::En),
        )
    })
    .collect()
}

#[test]
fn the_chinese_and_english_files_have_the_same_toml_line_for_line() {
    for (zh, en) in both_files() {
        let (zh_toml, en_toml) = (toml_of(&zh), toml_of(&en));
        assert!(en_toml.len() > 100, "every setting is in the file");
        assert_eq!(zh_toml, en_toml);
        // The splitting is not trivially equal: the comments differ.
        assert_ne!(comments_of(&zh), comments_of(&en));
        assert!(en.contains("#   [[feed]]\n") && en.contains("\n[keys]\n"));
    }
}

#[test]
fn the_chinese_file_has_its_comments_in_chinese() {
    for (zh, en) in both_files() {
        let comments = comments_of(&zh);
        assert!(comments.len() > 100, "{comments:?}");
        for comment in comments {
            let runs = english_runs(comment);
            let chinese = comment.chars().any(is_chinese);
            // A line of code alone (the key names, a path) needs no Chinese;
            // English prose is a run of three words, or any word without a
            // Chinese one beside it.
            assert!(
                runs.iter().all(|&n| n < 3) && (chinese || runs.is_empty()),
                "untranslated comment in the Chinese file: {comment:?}"
            );
        }
        // And the check would see English: the English file fails it.
        assert!(comments_of(&en)
            .iter()
            .any(|c| english_runs(c).iter().any(|&n| n >= 3)));
    }
}

#[test]
fn english_runs_count_prose_but_not_code_or_key_names() {
    assert_eq!(english_runs("the address is one more argument"), [6]);
    assert_eq!(english_runs("在 tmux 中需要 set-clipboard on"), [1, 1]);
    assert!(english_runs("enter esc tab shift-tab backspace delete insert up down").is_empty());
    assert_eq!(english_runs("move down the page"), [3]);
    assert!(english_runs("RSS 2.0、Atom").iter().all(|&n| n < 3));
    assert_eq!(english_runs("只留 __biz、mid、idx、sn"), [1, 1, 1]);
}
