//! The command line as a script uses it: exit codes, search snippets,
//! filters and order, an export written whole or not at all, counts that
//! are right, completions and the man page. Output is asked for in English
//! here (tests/cli_language.rs covers the languages).

mod cli_fixture;

use std::path::Path;
use std::process::{Command, Stdio};

use cli_fixture::{stderr, stdout, zhoubao};
use zhoubao::model::IssueKey;
use zhoubao::store::Store;
use zhoubao::synth::{self, StubKind};

/// 2023-51 … 2024-2 in full (five weeks across a new year: 2023 has a
/// 53rd week, the one before 1 January 2024, a Monday), and 2023-50 known
/// only from their 近期回顾; returns the cache and the cached keys.
fn cache_across_a_year(dir: &Path) -> (std::path::PathBuf, Vec<IssueKey>) {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    let series = synth::series_from(IssueKey::new(2023, 50), 6, 7);
    for (i, issue) in series.iter().enumerate().skip(1) {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        std::fs::write(input.join(issue.file_name()), text).unwrap();
    }
    let db = dir.join("c.db");
    let out = zhoubao(&db, &["import", "--quiet", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    (db, series.iter().skip(1).map(|s| s.key).collect())
}

fn keys_of_list(text: &str) -> Vec<String> {
    text.lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

#[test]
fn search_without_a_hit_says_so_on_stderr_and_exits_1_like_grep() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = cache_across_a_year(dir.path());
    let out = zhoubao(&db, &["search", "nosuchthing"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        stderr(&out),
        "zhoubao: no issue's title or body contains \"nosuchthing\"\n"
    );
    let json = zhoubao(&db, &["search", "nosuchthing", "--json"]);
    assert_eq!(json.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&json.stdout).trim(), "[]");
    // A hit is exit 0.
    assert_eq!(zhoubao(&db, &["search", "跨境"]).status.code(), Some(0));
}

#[test]
fn each_hit_shows_the_match_in_context_in_text_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let (db, keys) = cache_across_a_year(dir.path());
    // Every synthetic issue's body says 跨境 (its cross-border figure).
    let text = stdout(&zhoubao(&db, &["search", "跨境"]));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2 * keys.len(), "every cached issue: {text}");
    assert!(lines[0].starts_with("2024-2 "), "newest first: {text}");
    let snippet = lines[1];
    assert!(snippet.starts_with("    "), "indented: {snippet:?}");
    // Piped, so the match is in brackets, never an escape sequence.
    assert!(snippet.contains("«跨境»"), "{snippet}");
    assert!(!text.contains('\x1b'));
    let (before, after) = snippet.trim_start().split_once("«跨境»").unwrap();
    use unicode_width::UnicodeWidthStr;
    assert!(before.trim_start_matches('…').width() <= 20, "{before}");
    assert!(after.trim_end_matches('…').width() <= 20, "{after}");

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["search", "跨境", "--json"]))).unwrap();
    let first = &json[0];
    assert_eq!(first["key"], "2024-2");
    assert_eq!(first["snippet"]["in"], "body");
    assert_eq!(first["snippet"]["match"], "跨境");
    assert_eq!(
        format!(
            "{}«跨境»{}",
            first["snippet"]["before"].as_str().unwrap(),
            first["snippet"]["after"].as_str().unwrap()
        ),
        snippet.trim_start()
    );
    assert!(first["url"].is_null() || first["url"].is_string());

    // A match only in the title is marked there, with no body line.
    let title = stdout(&zhoubao(&db, &["search", "2024年第2期"]));
    assert_eq!(title.lines().count(), 1, "{title}");
    assert!(title.contains("«2024年第2期»"), "{title}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["search", "2024年第2期", "--json"]))).unwrap();
    assert_eq!(json[0]["snippet"]["in"], "title");
}

/// On a terminal the match is in reverse video, unless NO_COLOR is set.
#[test]
fn on_a_terminal_the_match_is_reverse_video_unless_no_color() {
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("script(1) not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = cache_across_a_year(dir.path());
    let run = |no_color: bool| {
        let command = format!(
            "'{}' --db '{}' search 跨境",
            env!("CARGO_BIN_EXE_zhoubao"),
            db.display()
        );
        let mut cmd = Command::new("script");
        cli_fixture::isolate(&mut cmd, Path::new(cli_fixture::NOWHERE))
            .args(["-qec", &command, "/dev/null"])
            .stdin(Stdio::null());
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        String::from_utf8_lossy(&cmd.output().unwrap().stdout).into_owned()
    };
    let coloured = run(false);
    assert!(coloured.contains("\x1b[7m跨境\x1b[27m"), "{coloured:?}");
    let plain = run(true);
    assert!(plain.contains("«跨境»"), "{plain:?}");
    assert!(!plain.contains("\x1b[7m"), "{plain:?}");
}

#[test]
fn importing_a_folder_without_files_says_so_exits_1_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    let hidden = dir.path().join("hidden");
    std::fs::create_dir(&empty).unwrap();
    std::fs::create_dir_all(hidden.join(".git")).unwrap();
    std::fs::write(hidden.join(".notes.md"), "x").unwrap();
    std::fs::write(hidden.join(".git").join("HEAD"), "x").unwrap();
    let db = dir.path().join("c.db");
    for folder in [&empty, &hidden] {
        let out = zhoubao(&db, &["import", folder.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            stderr(&out),
            format!(
                "zhoubao: nothing to import: {} holds no files (hidden files and folders are left out)\n",
                folder.display()
            )
        );
        assert!(!db.exists(), "no cache made for nothing");
    }
}

#[test]
fn a_repost_in_the_first_import_is_a_lower_copy_and_unchanged_only_when_imported_again() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let series = synth::series(2024, 2, 5);
    let text = synth::full_markdown(&series[1], &synth::recent_for(&series, 1));
    std::fs::write(input.join("a.md"), &text).unwrap();
    // The same issue reposted by another account, a sentence shorter: the
    // fuller copy wins, whichever is stored first.
    let repost_url = "https://mp.weixin.qq.com/s?__biz=UkVQT1NU&mid=9&idx=1&sn=ff";
    let repost = text
        .replace(&series[1].url(), repost_url)
        .replace(&series[1].situation, "")
        .replace(
            &format!("source: {}", synth::ORIGINAL_SOURCE),
            &format!("source: {}", synth::REPOST_SOURCE),
        );
    assert_ne!(repost, text);
    std::fs::write(input.join("b.md"), repost).unwrap();
    let db = dir.path().join("c.db");
    let first = zhoubao(&db, &["import", "--verbose", input.to_str().unwrap()]);
    assert!(first.status.success(), "{}", stderr(&first));
    let said = stdout(&first);
    assert!(
        said.contains(&format!("new\t{}", input.join("a.md").display())),
        "{said}"
    );
    assert!(
        said.contains(&format!("lower copy\t{}", input.join("b.md").display())),
        "{said}"
    );
    assert_eq!(
        stderr(&first),
        "2 files: 1 new, 0 updated, 0 unchanged, 1 lower copy, 0 stubs merged, 0 skipped, 0 failed\n"
    );
    let again = zhoubao(&db, &["import", input.to_str().unwrap()]);
    assert_eq!(
        stderr(&again),
        "2 files: 0 new, 0 updated, 2 unchanged, 0 stubs merged, 0 skipped, 0 failed\n"
    );
}

#[test]
fn reindex_counts_distinct_issues_and_stored_files_apart() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    std::fs::create_dir(&input).unwrap();
    let series = synth::series(2024, 3, 11);
    for (i, issue) in series.iter().enumerate().skip(1) {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        std::fs::write(input.join(issue.file_name()), text).unwrap();
    }
    // Two more copies of 2024-3: stubs add files, not issues.
    for (name, kind) in [
        ("a.md", StubKind::TitleOnly),
        ("b.md", StubKind::AntiBotWall),
    ] {
        std::fs::write(input.join(name), synth::stub_markdown(&series[2], kind)).unwrap();
    }
    let db = dir.path().join("c.db");
    assert!(zhoubao(&db, &["import", input.to_str().unwrap()])
        .status
        .success());
    let out = zhoubao(&db, &["reindex"]);
    assert!(out.status.success(), "{}", stderr(&out));
    // 2024-1 is known by reference only: three issues from four files.
    assert_eq!(
        stderr(&out),
        "re-derived 3 issues from 4 stored files\n",
        "2024-1 (referenced), 2024-2 and 2024-3"
    );

    // One file, one issue: no "1 files", no "1 issues".
    let single = dir.path().join("single");
    std::fs::create_dir(&single).unwrap();
    std::fs::write(single.join("one.md"), synth::full_markdown(&series[0], &[])).unwrap();
    let db1 = dir.path().join("one.db");
    let out = zhoubao(&db1, &["import", single.to_str().unwrap()]);
    assert!(
        stderr(&out).starts_with("1 file: 1 new,"),
        "{}",
        stderr(&out)
    );
    let out = zhoubao(&db1, &["reindex"]);
    assert_eq!(stderr(&out), "re-derived 1 issue from 1 stored file\n");
}

#[test]
fn list_and_export_filter_by_year_since_cached_and_unread_in_either_order() {
    let dir = tempfile::tempdir().unwrap();
    let (db, keys) = cache_across_a_year(dir.path());
    let all = keys_of_list(&stdout(&zhoubao(&db, &["list"])));
    assert_eq!(all.len(), keys.len() + 1, "2023-50 is not cached: {all:?}");

    let y2024 = keys_of_list(&stdout(&zhoubao(&db, &["list", "--year", "2024"])));
    assert_eq!(y2024, ["2024-2", "2024-1"]);
    let oldest = keys_of_list(&stdout(&zhoubao(
        &db,
        &["list", "--year", "2024", "--order", "oldest"],
    )));
    assert_eq!(oldest, ["2024-1", "2024-2"]);

    let cached = keys_of_list(&stdout(&zhoubao(&db, &["list", "--cached"])));
    let mut expected: Vec<String> = keys.iter().rev().map(|k| k.to_string()).collect();
    assert_eq!(cached, expected);
    let since = keys_of_list(&stdout(&zhoubao(
        &db,
        &["list", "--cached", "--since", "2023-52"],
    )));
    expected.truncate(4);
    assert_eq!(since, expected, "2023-52 and later");
    assert_eq!(since, ["2024-2", "2024-1", "2023-53", "2023-52"]);

    // Read two (as the TUI's m does): --unread leaves them out, and the
    // issue that is not cached, which cannot be read.
    let store = Store::open_existing(&db).unwrap();
    store.set_read(IssueKey::new(2024, 1), true).unwrap();
    store.set_read(IssueKey::new(2023, 52), true).unwrap();
    drop(store);
    let unread = keys_of_list(&stdout(&zhoubao(&db, &["list", "--unread"])));
    assert_eq!(unread, ["2024-2", "2023-53", "2023-51"]);

    // export takes the same filters.
    let csv = stdout(&zhoubao(
        &db,
        &["export", "--unread", "--year", "2023", "--order", "oldest"],
    ));
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    assert_eq!(rows.len(), 2, "{csv}");
    assert!(
        rows[0].starts_with("2023,51,") && rows[1].starts_with("2023,53,"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&zhoubao(
        &db,
        &["export", "--format", "json", "--since", "2023-53"],
    )))
    .unwrap();
    let numbers: Vec<_> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["number"].as_i64().unwrap())
        .collect();
    assert_eq!(numbers, [2, 1, 53]);

    let bad = zhoubao(&db, &["list", "--since", "2024"]);
    assert_eq!(bad.status.code(), Some(2), "clap refuses a bad key");
    assert!(stderr(&bad).contains("YEAR-NUMBER"), "{}", stderr(&bad));
}

#[test]
fn list_json_and_export_give_title_and_url_after_the_old_csv_columns() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = cache_across_a_year(dir.path());
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["list", "--json"]))).unwrap();
    let newest = &list[0];
    assert_eq!(newest["key"], "2024-2");
    let title = newest["title"].as_str().unwrap();
    let url = newest["url"].as_str().unwrap();
    assert!(title.contains("2024年第2期"), "{title}");
    assert!(url.starts_with("https://mp.weixin.qq.com/s?"), "{url}");
    let show: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["show", "2024-2", "--json"]))).unwrap();
    assert_eq!(show["url"], url, "the issue's own URL");

    let export: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["export", "--format", "json"]))).unwrap();
    assert_eq!(export[0]["title"], title);
    assert_eq!(export[0]["url"], url);

    let csv = stdout(&zhoubao(&db, &["export"]));
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    assert_eq!(header[..12].last(), Some(&"cached"), "old columns first");
    assert_eq!(&header[12..16], ["title", "url", "series", "numbers"]);
    let first = csv.lines().nth(1).unwrap();
    assert!(
        first.contains(&format!(",true,{title},{url},cncert,2,")),
        "{first}"
    );
}

#[test]
fn export_output_is_written_whole_in_place_and_never_half() {
    let dir = tempfile::tempdir().unwrap();
    let (db, _) = cache_across_a_year(dir.path());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let file = out_dir.join("issues.csv");
    std::fs::write(&file, "old contents").unwrap();
    let out = zhoubao(&db, &["export", "--output", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stdout.is_empty(), "nothing on stdout");
    assert_eq!(
        stderr(&out),
        format!("wrote 6 issues to {}\n", file.display())
    );
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(written, stdout(&zhoubao(&db, &["export"])));
    let names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["issues.csv"], "no temporary file left");

    // A target that cannot be replaced (a folder) fails, names the path,
    // and leaves nothing beside it.
    let blocked = out_dir.join("blocked.json");
    std::fs::create_dir(&blocked).unwrap();
    std::fs::write(blocked.join("keep"), "x").unwrap();
    let out = zhoubao(
        &db,
        &[
            "export",
            "--format",
            "json",
            "--output",
            blocked.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with(&format!("zhoubao: writing {}: ", blocked.display())),
        "{}",
        stderr(&out)
    );
    assert!(blocked.join("keep").exists());
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["blocked.json", "issues.csv"]);

    // A missing folder: the message names the file asked for, not a
    // temporary one.
    let nowhere = dir.path().join("missing").join("x.csv");
    let out = zhoubao(&db, &["export", "--output", nowhere.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with(&format!("zhoubao: writing {}: ", nowhere.display())),
        "{err}"
    );
    assert!(!err.contains(".part"), "{err}");
    assert!(!nowhere.exists());
}

#[test]
fn completions_and_the_man_page_name_every_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never.db");
    let subcommands = [
        "import",
        "reindex",
        "recover",
        "list",
        "show",
        "export",
        "search",
        "completions",
        "man",
    ];
    for shell in ["bash", "zsh", "fish"] {
        let out = zhoubao(&db, &["completions", shell]);
        let script = stdout(&out);
        assert!(script.len() > 500, "{shell}: {script}");
        for sub in subcommands {
            assert!(script.contains(sub), "{shell} lacks {sub}");
        }
        assert!(
            script.contains("since") && script.contains("order"),
            "{shell}: the options too"
        );
    }
    let man = stdout(&zhoubao(&db, &["man"]));
    assert!(
        man.starts_with(".ie") || man.contains(".TH zhoubao"),
        "{man}"
    );
    for sub in subcommands {
        assert!(man.contains(sub), "man page lacks {sub}");
    }
    assert!(!db.exists(), "neither looks for a cache");
    let bad = zhoubao(&db, &["completions", "tcsh"]);
    assert_eq!(bad.status.code(), Some(2));
}
