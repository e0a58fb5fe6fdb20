//! The reader's own layer on the command line: `zhoubao note` sets, prints
//! and clears a note (kept as typed, printed clean); `show`, `list`,
//! `search` and `export` carry flags and notes; `export --notes` and
//! `import FILE.json` move read marks, flags and notes to another cache
//! exactly, matching issues by series and key.

mod cli_fixture;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use cli_fixture::{stderr, stdout, zhoubao};
use zhoubao::model::{IssueKey, SeriesId, UserMarks};
use zhoubao::store::Store;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A cache of our 2023-20 and the CNVD fixtures (cnvd:2024-39, 40、41, 42).
fn cache(dir: &Path, name: &str) -> PathBuf {
    let db = dir.join(name);
    let out = zhoubao(
        &db,
        &[
            "import",
            "--quiet",
            fixtures().join("full.md").to_str().unwrap(),
            fixtures().join("cnvd/reports").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

const KEY: IssueKey = IssueKey::new(2023, 20);
/// Escape sequences, a bidi override and a tab: kept, never printed raw.
const TYPED: &str = "跨境事件回落\n\x1b[31m红字\x1b[0m\u{202e}反向\t末";

fn has_raw_controls(text: &str) -> bool {
    text.chars()
        .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}')
}

#[test]
fn a_note_is_set_printed_clean_read_from_stdin_and_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path(), "c.db");
    let set = zhoubao(&db, &["note", "2023-20", TYPED]);
    assert!(set.status.success(), "{}", stderr(&set));
    assert_eq!(stderr(&set), "saved the note of 2023-20\n");
    let stored = Store::open_read_only(&db).unwrap().note(KEY).unwrap();
    assert_eq!(stored.as_deref(), Some(TYPED), "kept as typed");

    let printed = stdout(&zhoubao(&db, &["note", "2023-20"]));
    assert_eq!(printed, "跨境事件回落\n红字反向 末\n");
    let shown = stdout(&zhoubao(&db, &["show", "2023-20"]));
    assert!(
        shown.contains("\nnote:\n  跨境事件回落\n  红字反向 末\n"),
        "{shown}"
    );
    assert!(!has_raw_controls(&shown));

    // `-` reads standard input, without the newline echo leaves.
    let mut child = cli_fixture::command()
        .arg("--db")
        .arg(&db)
        .args(["note", "cnvd:2024-41", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("双期的第二个期号\n".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    // 第41期 is the double issue 第40、41期: its note is that issue's.
    assert_eq!(stderr(&out), "saved the note of cnvd:2024-40\n");
    let double = stdout(&zhoubao(&db, &["note", "cnvd:2024-40"]));
    assert_eq!(double, "双期的第二个期号\n");

    let cleared = zhoubao(&db, &["note", "2023-20", ""]);
    assert_eq!(stderr(&cleared), "cleared the note of 2023-20\n");
    let none = zhoubao(&db, &["note", "2023-20"]);
    assert_eq!(none.status.code(), Some(1));
    assert_eq!(stderr(&none), "zhoubao: 2023-20 has no note\n");

    let waits = zhoubao(&db, &["note", "2031-2", "for", "later"]);
    assert!(waits.status.success());
    assert!(
        stderr(&waits).contains("does not know 2031-2 yet"),
        "{}",
        stderr(&waits)
    );
    assert_eq!(stdout(&zhoubao(&db, &["note", "2031-2"])), "for later\n");

    let demo = cli_fixture::command()
        .args(["--demo", "note", "2024-17", "x"])
        .output()
        .unwrap();
    assert_eq!(demo.status.code(), Some(1));
    assert!(stderr(&demo).contains("write notes into a cache without --demo"));
}

#[test]
fn an_empty_list_says_why_on_stderr_and_keeps_stdout_a_bare_header() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path(), "c.db");
    let all = zhoubao(&db, &["list"]);
    let header = stdout(&all).lines().next().unwrap().to_string();
    let flagged = zhoubao(&db, &["list", "--flagged"]);
    assert_eq!(flagged.status.code(), Some(0));
    assert_eq!(stdout(&flagged), format!("{header}\n"));
    assert_eq!(
        stderr(&flagged),
        "zhoubao: no issue is flagged: * in the TUI flags the shown one\n"
    );
    let json = zhoubao(&db, &["list", "--flagged", "--json"]);
    assert_eq!(json.status.code(), Some(0));
    assert_eq!(stdout(&json).trim(), "[]");
    assert!(stderr(&json).contains("no issue is flagged"));
    // Another filter that leaves nothing says so in its own words.
    let none = zhoubao(&db, &["list", "--year", "1999"]);
    assert_eq!(none.status.code(), Some(0));
    assert_eq!(stdout(&none), format!("{header}\n"));
    assert_eq!(stderr(&none), "zhoubao: no issue matches these filters\n");
    // A list that has rows says nothing on stderr.
    assert_eq!(stderr(&all), "");
}

#[test]
fn flags_and_notes_show_in_list_search_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path(), "c.db");
    let cnvd42 = IssueKey::of(SeriesId::CNVD, 2024, 42);
    {
        let s = Store::open_existing(&db).unwrap();
        s.set_flag(KEY, true).unwrap();
        s.set_note(KEY, Some(TYPED)).unwrap();
        s.set_note(cnvd42, Some("高危漏洞偏多")).unwrap();
    }
    let plain = stdout(&zhoubao(&db, &["list", "--flagged"]));
    let lines: Vec<&str> = plain.lines().collect();
    assert_eq!(lines.len(), 2, "{plain}");
    assert!(lines[1].starts_with("2023-20 "), "{plain}");
    assert!(
        lines[1].contains(" *✎ 网络安全信息与动态周报2023年第20期"),
        "{plain}"
    );
    let cnvd = stdout(&zhoubao(&db, &["list", "--series", "cnvd"]));
    assert!(cnvd.contains("  ✎ CNVD漏洞周报2024年第42期"), "{cnvd}");
    assert!(
        !stdout(&zhoubao(&db, &["list", "--series", "cnvd", "--flagged"])).contains("cnvd:"),
        "nothing of cnvd is flagged"
    );
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["list", "--json"]))).unwrap();
    let row = json
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "2023-20")
        .unwrap();
    assert_eq!(row["flagged"], true);
    assert_eq!(row["note"], TYPED, "JSON gives the note exactly");

    let found = zhoubao(&db, &["search", "红字", "--series", "all"]);
    let text = stdout(&found);
    assert!(text.starts_with("2023-20 "), "{text}");
    assert!(
        text.contains("    note: ") && text.contains("«红字»"),
        "{text}"
    );
    assert!(!has_raw_controls(&text), "{text:?}");
    let hits: serde_json::Value = serde_json::from_str(&stdout(&zhoubao(
        &db,
        &["search", "高危漏洞偏多", "--series", "all", "--json"],
    )))
    .unwrap();
    assert_eq!(hits[0]["key"], "cnvd:2024-42");
    assert_eq!(hits[0]["snippet"]["in"], "note");

    let csv = stdout(&zhoubao(&db, &["export"]));
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with(",flagged,note"), "{header}");
    assert!(!has_raw_controls(&csv), "{csv:?}");
    assert!(
        csv.contains(",true,\"跨境事件回落\n红字反向 末\"\n"),
        "the note's lines kept, its controls dropped: {csv}"
    );
    let exported: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["export", "--format", "json"]))).unwrap();
    assert_eq!(exported[0]["note"], TYPED);
    assert_eq!(exported[0]["flagged"], true);
}

fn marks(db: &Path) -> Vec<UserMarks> {
    Store::open_read_only(db).unwrap().user_marks().unwrap()
}

#[test]
fn export_notes_into_a_fresh_cache_carries_every_mark_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path(), "from.db");
    let later = IssueKey::new(2031, 1);
    {
        let s = Store::open_existing(&db).unwrap();
        s.set_read(KEY, true).unwrap();
        s.set_flag(KEY, true).unwrap();
        s.set_note(KEY, Some(TYPED)).unwrap();
        s.set_flag(IssueKey::of(SeriesId::CNVD, 2024, 39), true)
            .unwrap();
        s.set_read(IssueKey::of(SeriesId::CNVD, 2024, 42), true)
            .unwrap();
        s.set_note(later, Some("not imported anywhere yet"))
            .unwrap();
    }
    let before = marks(&db);
    assert_eq!(before.len(), 4);

    let file = dir.path().join("marks.json");
    let out = zhoubao(
        &db,
        &["export", "--notes", "--output", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("wrote the read marks, flags and notes of 4 issues"));
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(!has_raw_controls(&written), "{written}");
    assert_eq!(
        stdout(&zhoubao(&db, &["export", "--notes"])).len(),
        written.len()
    );

    // Into a fresh cache: the bulletins and the marks file in one import.
    let to = cache(dir.path(), "to.db");
    let out = zhoubao(&to, &["import", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stderr(&out);
    assert!(
        said.contains(
            "marks.json: the marks of 4 issues; newly read 2, newly flagged 2, 2 notes added"
        ),
        "{said}"
    );
    assert!(
        said.contains("1 issue is not in this cache yet (2031-1)"),
        "{said}"
    );
    assert_eq!(marks(&to), before, "notes, flags and read marks exact");

    // Again: nothing new, nothing lost; a different note here is kept.
    Store::open_existing(&to)
        .unwrap()
        .set_note(KEY, Some("mine here"))
        .unwrap();
    let again = zhoubao(&to, &["import", file.to_str().unwrap()]);
    let said = stderr(&again);
    assert!(
        said.contains("newly read 0, newly flagged 0, 0 notes added"),
        "{said}"
    );
    assert!(
        said.contains("2023-20 has a different note here: this cache's is kept"),
        "{said}"
    );
    assert_eq!(
        Store::open_read_only(&to)
            .unwrap()
            .note(KEY)
            .unwrap()
            .as_deref(),
        Some("mine here")
    );

    // A broken marks file is named with its problem; the cache is unchanged.
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        written.replace("\"flagged\": true", "\"flagged\": 1"),
    )
    .unwrap();
    let before = marks(&to);
    let bad = zhoubao(&to, &["import", broken.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        stderr(&bad).contains("broken.json: entry"),
        "{}",
        stderr(&bad)
    );
    assert!(
        stderr(&bad).contains("flagged is not true or false"),
        "{}",
        stderr(&bad)
    );
    assert_eq!(marks(&to), before);
}
