//! A cache with a damaged page: import refuses it before writing, readers
//! are pointed at `zhoubao recover`, and recover builds a fresh cache from
//! every stored file it can still read, never touching the damaged one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use cli_fixture::{stderr, zhoubao};
use sha2::{Digest, Sha256};
use zhoubao::model::IssueKey;
use zhoubao::store::Store;
use zhoubao::synth;

mod cli_fixture;

struct Archive {
    db: PathBuf,
    /// Each imported file's bytes and the issue it is.
    files: Vec<(PathBuf, Vec<u8>, IssueKey)>,
}

/// Thirty generated bulletins imported into `dir/cache/c.db`; the one at
/// `big` carries a long appendix, so its stored bytes span overflow pages.
/// Issues 2023-3 and 2023-20 are marked read.
fn archive(dir: &Path, big: usize) -> Archive {
    let input = dir.join("input");
    std::fs::create_dir(&input).unwrap();
    let series = synth::series(2023, 30, 5);
    let mut files = Vec::new();
    for (i, issue) in series.iter().enumerate() {
        let mut text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        if i == big {
            text.push_str("\n\n附录：");
            text.push_str(&"本段为测试用的长附录文字。".repeat(1500));
            text.push('\n');
        }
        let path = input.join(issue.file_name());
        std::fs::write(&path, &text).unwrap();
        files.push((path, text.into_bytes(), issue.key));
    }
    let db = dir.join("cache").join("c.db");
    std::fs::create_dir(db.parent().unwrap()).unwrap();
    let out = zhoubao(&db, &["import", "--quiet", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = Store::open_existing(&db).unwrap();
    for n in [3, 20] {
        store.set_read(IssueKey::new(2023, n), true).unwrap();
    }
    drop(store);
    assert!(!db.with_extension("db-wal").exists(), "closed cleanly");
    Archive { db, files }
}

/// The pages of one table or index, by kind (`leaf`, `overflow`, ...).
fn pages(db: &Path, name: &str, kind: &str) -> Vec<i64> {
    let c = rusqlite::Connection::open(db).unwrap();
    let mut stmt = c
        .prepare("SELECT pageno FROM dbstat WHERE name = ?1 AND pagetype = ?2 ORDER BY pageno")
        .unwrap();
    let rows = stmt
        .query_map([name, kind], |r| r.get(0))
        .unwrap()
        .collect::<Result<Vec<i64>, _>>()
        .unwrap();
    rows
}

fn page_size(db: &Path) -> usize {
    let c = rusqlite::Connection::open(db).unwrap();
    c.query_row("PRAGMA page_size", [], |r| r.get::<_, i64>(0))
        .unwrap() as usize
}

/// Whether page `page` of the file holds `needle`.
fn page_holds(db: &Path, page: i64, needle: &[u8]) -> bool {
    let size = page_size(db);
    let bytes = std::fs::read(db).unwrap();
    let at = (page as usize - 1) * size;
    bytes[at..at + size]
        .windows(needle.len())
        .any(|w| w == needle)
}

/// Writes garbage over whole pages, as a bad disk block would.
fn overwrite_pages(db: &Path, pages: &[i64]) {
    let size = page_size(db);
    let mut bytes = std::fs::read(db).unwrap();
    for &page in pages {
        let at = (page as usize - 1) * size;
        for (i, b) in bytes[at..at + size].iter_mut().enumerate() {
            *b = (i * 31 + 7) as u8 ^ 0x5a;
        }
    }
    std::fs::write(db, bytes).unwrap();
}

/// The issues whose stored file can still be read back intact, found by
/// looking up each row on its own (not the way recover scans).
fn readable_issues(db: &Path, files: &[(PathBuf, Vec<u8>, IssueKey)]) -> BTreeSet<IssueKey> {
    let copy = tempfile::tempdir().unwrap();
    let path = copy.path().join("copy.db");
    std::fs::copy(db, &path).unwrap();
    let c = rusqlite::Connection::open(&path).unwrap();
    let mut found = BTreeSet::new();
    for id in 1..=files.len() as i64 * 2 {
        let raw: Result<Vec<u8>, _> =
            c.query_row("SELECT raw FROM sources WHERE id = ?1", [id], |r| r.get(0));
        if let Ok(raw) = raw {
            let sha = Sha256::digest(&raw);
            if let Some((_, _, key)) = files.iter().find(|(_, b, _)| Sha256::digest(b) == sha) {
                found.insert(*key);
            }
        }
    }
    found
}

fn cached(db: &Path) -> BTreeSet<IssueKey> {
    let store = Store::open_read_only(db).unwrap();
    store
        .summaries()
        .unwrap()
        .into_iter()
        .filter(|s| s.cached)
        .map(|s| s.key)
        .collect()
}

#[test]
fn recover_saves_every_issue_whose_source_rows_can_still_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(dir.path(), 12);
    // A leaf of other files' rows, and a page of the big file's appendix
    // (its row, with its path, stays readable up to that page).
    let big_name = a.files[12]
        .0
        .file_name()
        .unwrap()
        .to_str()
        .unwrap()
        .as_bytes()
        .to_vec();
    let leaves: Vec<i64> = pages(&a.db, "sources", "leaf")
        .into_iter()
        .filter(|&p| !page_holds(&a.db, p, &big_name))
        .collect();
    let appendix: Vec<i64> = pages(&a.db, "sources", "overflow")
        .into_iter()
        .filter(|&p| page_holds(&a.db, p, "本段为测试用的长附录文字。".as_bytes()))
        .collect();
    assert!(
        leaves.len() > 3 && appendix.len() > 2,
        "{leaves:?} {appendix:?}"
    );
    overwrite_pages(&a.db, &[leaves[leaves.len() / 2], appendix[1]]);
    let readable = readable_issues(&a.db, &a.files);
    assert!(
        !readable.is_empty() && readable.len() < a.files.len(),
        "the damage hit some sources and spared others: {readable:?}"
    );
    let damaged = std::fs::read(&a.db).unwrap();

    let out = zhoubao(&a.db, &["recover"]);
    let report = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "something was lost: {report}");
    assert!(
        report.contains("not everything could be saved: see above for what was lost"),
        "{report}"
    );
    let recovered = PathBuf::from(format!("{}.recovered", a.db.display()));
    assert!(recovered.exists(), "{report}");
    assert_eq!(
        std::fs::read(&a.db).unwrap(),
        damaged,
        "damaged file untouched"
    );
    assert_eq!(
        std::fs::read_dir(a.db.parent().unwrap()).unwrap().count(),
        2,
        "no journal beside either cache"
    );

    assert_eq!(cached(&recovered), readable, "{report}");
    let lost = a.files.len() - readable.len();
    assert!(
        report.contains(&format!(
            "saved {} of {} stored files",
            readable.len(),
            a.files.len()
        )),
        "{report}"
    );
    assert!(
        report.contains(&format!("could not save {lost} stored file")),
        "{report}"
    );
    // The big file's row is intact up to its overflow pages: it is named.
    let big = &a.files[12];
    assert!(!readable.contains(&big.2));
    assert!(
        report.contains(big.0.to_str().unwrap()),
        "names the file it could not save: {report}"
    );
    assert!(
        report.contains(&format!("mv {}", recovered.display())),
        "{report}"
    );

    let store = Store::open_read_only(&recovered).unwrap();
    assert_eq!(store.integrity_check().unwrap(), "ok");
    let summaries = store.summaries().unwrap();
    let marks: BTreeSet<IssueKey> = summaries.iter().filter(|s| s.read).map(|s| s.key).collect();
    // Every mark of an issue the new cache knows (its own file saved, or
    // named by a saved file's 近期回顾) is kept: the user's reading state
    // outlives a lost file.
    let expected_marks: BTreeSet<IssueKey> = [3, 20]
        .into_iter()
        .map(|n| IssueKey::new(2023, n))
        .filter(|k| summaries.iter().any(|s| s.key == *k))
        .collect();
    assert_eq!(marks, expected_marks);
    drop(store);
    assert!(zhoubao(&recovered, &["list"]).status.success());

    // Never over an existing file.
    let before = std::fs::read(&recovered).unwrap();
    let again = zhoubao(&a.db, &["recover"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains(&format!("{}: already exists", recovered.display())),
        "{}",
        stderr(&again)
    );
    assert_eq!(std::fs::read(&recovered).unwrap(), before);
}

#[test]
fn recover_rebuilds_everything_when_only_derived_rows_are_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(dir.path(), 0);
    let issues = pages(&a.db, "issues", "leaf");
    overwrite_pages(&a.db, &[issues[0]]);
    let to = dir.path().join("fresh.db");
    let out = zhoubao(&a.db, &["recover", "--to", to.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let all: BTreeSet<IssueKey> = a.files.iter().map(|f| f.2).collect();
    assert_eq!(cached(&to), all);
    assert!(
        stderr(&out).contains("saved 30 of 30 stored files"),
        "{}",
        stderr(&out)
    );
    // The new cache is never overwritten; the report reads in Chinese too.
    let again = zhoubao(&a.db, &["recover", "--to", to.to_str().unwrap()]);
    assert_eq!(
        stderr(&again),
        format!(
            "zhoubao: {}: already exists; recover never overwrites a file: pass --to NEW, or move it away\n",
            to.display()
        )
    );
    let to_zh = dir.path().join("新缓存.db");
    let zh = cli_fixture::command()
        .env("ZHOUBAO_LANG", "zh")
        .arg("--db")
        .arg(&a.db)
        .args(["recover", "--to", to_zh.to_str().unwrap()])
        .output()
        .unwrap();
    let said = stderr(&zh);
    assert!(
        said.starts_with(&format!(
            "已把 30 个存储文件中的 30 个保存到 {}：{} 期，2 个已读标记\n",
            to_zh.display(),
            all.len()
        )),
        "{said}"
    );
    assert!(said.contains("原缓存未作改动"), "{said}");
    assert!(
        stderr(&out).contains("everything was saved: no file, read mark or setting was lost"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn recover_keeps_the_last_session_in_the_new_caches_numbering() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(dir.path(), 0);
    // A session that had seen the first ten stored files; two of those
    // rows are gone (the new cache numbers its rows afresh), and the issue
    // last shown is one no file names.
    let c = rusqlite::Connection::open(&a.db).unwrap();
    let path_of = |id: i64| -> String {
        c.query_row("SELECT path FROM sources WHERE id = ?1", [id], |r| r.get(0))
            .unwrap()
    };
    let key_of = |path: String| {
        a.files
            .iter()
            .find(|f| f.0.to_str() == Some(&path))
            .unwrap()
            .2
    };
    let unseen: BTreeSet<IssueKey> = (11..=30).map(|id| key_of(path_of(id))).collect();
    c.execute_batch(
        "INSERT OR REPLACE INTO meta (key, value) VALUES
             ('session_last_source', '10'),
             ('session_ended_at', '2026-01-05T10:00:00+00:00'),
             ('last_selected', '2030-1');
         DELETE FROM sources WHERE id IN (2, 3);",
    )
    .unwrap();
    drop(c);

    let to = dir.path().join("fresh.db");
    let out = zhoubao(&a.db, &["recover", "--to", to.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let store = Store::open_read_only(&to).unwrap();
    let (seen, ended) = store.last_session().unwrap().expect("session kept");
    assert_eq!(seen, 8, "old row 10 is the new cache's row 8");
    assert_eq!(ended.unwrap().to_rfc3339(), "2026-01-05T10:00:00+00:00");
    let new: BTreeSet<IssueKey> = store
        .first_full_copies_after(seen)
        .unwrap()
        .into_iter()
        .collect();
    assert_eq!(new, unseen, "the files stored after that session, no more");
    assert_eq!(store.last_selected().unwrap(), None, "2030-1 is unknown");
}

#[test]
fn a_damaged_cache_is_refused_before_import_writes_and_readers_point_at_recover() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(dir.path(), 0);
    let issues = pages(&a.db, "issues", "leaf");
    overwrite_pages(&a.db, &[issues[0]]);
    let before = std::fs::read(&a.db).unwrap();
    let more = dir.path().join("more.md");
    let extra = synth::series(2026, 1, 1);
    std::fs::write(&more, synth::full_markdown(&extra[0], &[])).unwrap();

    for args in [&["import", more.to_str().unwrap()][..], &["reindex"]] {
        let out = zhoubao(&a.db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: one line: {err}");
        assert!(
            err.starts_with(&format!(
                "zhoubao: {}: the cache is damaged",
                a.db.display()
            )) && err.contains("zhoubao recover"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(std::fs::read(&a.db).unwrap(), before, "nothing was written");

    let out = zhoubao(&a.db, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains(&a.db.display().to_string()) && err.contains("zhoubao recover"),
        "{err}"
    );
    assert!(
        !err.contains("cache: database disk image"),
        "not the bare SQLite error: {err}"
    );
}

/// A parser bug on one stored file loses that file's issue from the new
/// cache, not the whole recovery (as import and reindex treat it).
#[test]
fn a_parser_panic_during_recover_loses_only_that_issue() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(dir.path(), 4);
    let issues = pages(&a.db, "issues", "leaf");
    overwrite_pages(&a.db, &[issues[0]]);
    let to = dir.path().join("fresh.db");
    // Only the file with the long appendix holds these words.
    let out = cli_fixture::command()
        .env("ZHOUBAO_TEST_PARSER_PANIC", "本段为测试用的长附录文字")
        .arg("--db")
        .arg(&a.db)
        .args(["recover", "--to", to.to_str().unwrap()])
        .output()
        .unwrap();
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let mut expected: BTreeSet<IssueKey> = a.files.iter().map(|f| f.2).collect();
    expected.remove(&a.files[4].2);
    assert_eq!(cached(&to), expected, "{err}");
}

#[test]
fn recover_keeps_notes_and_flags_as_typed_even_of_issues_no_file_names() {
    let dir = tempfile::tempdir().unwrap();
    let a = archive(dir.path(), 0);
    let typed = "跨境事件回落\n\x1b[31m原样保存\x1b[0m";
    let not_imported = IssueKey::new(2030, 1);
    {
        let store = Store::open_existing(&a.db).unwrap();
        store.set_flag(IssueKey::new(2023, 5), true).unwrap();
        store.set_note(IssueKey::new(2023, 5), Some(typed)).unwrap();
        store.set_flag(IssueKey::new(2023, 20), true).unwrap();
        store.set_note(not_imported, Some("等它来")).unwrap();
    }
    let before = Store::open_read_only(&a.db).unwrap().user_marks().unwrap();
    assert_eq!(
        before.len(),
        4,
        "two read, two flagged, two noted: {before:?}"
    );
    // Damage a page of derived rows: the marks' own table stays readable.
    let issues = pages(&a.db, "issues", "leaf");
    overwrite_pages(&a.db, &[issues[0]]);
    let to = dir.path().join("fresh.db");
    let out = zhoubao(&a.db, &["recover", "--to", to.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("also kept 2 flags and 2 notes"),
        "{}",
        stderr(&out)
    );
    let after = Store::open_read_only(&to).unwrap().user_marks().unwrap();
    assert_eq!(after, before);
}
