//! A cache written by the release before the second series (schema 4,
//! `fixtures/v4_cache/cache.db`) opens with this build, migrates on the
//! first write, and loses nothing: issues, figures, aliases, raw files,
//! read marks, the last selection and the session mark.
//!
//! The fixture was made with that release (commit cde6221) and nothing
//! else: `zhoubao --db cache.db import files`, then its TUI
//! (`tui-snap -k m -k j -k m -k j -k q -- zhoubao --db cache.db`), which
//! marked 2024-18 and 2024-17 read and quit on 2024-16.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use zhoubao::model::{IssueKey, SeriesId};
use zhoubao::store::Store;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v4_cache")
}

/// A copy of the fixture cache: the committed one is never opened for writing.
fn copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("cache.db");
    std::fs::copy(fixture().join("cache.db"), &db).unwrap();
    (dir, db)
}

const OLD_FIGURES: [&str; 5] = [
    "events_handled",
    "cross_border",
    "phishing_complaints",
    "malicious_app_platforms",
    "malicious_urls",
];

/// One issue row of the old schema: year, number, title, the figures in
/// the old columns' order, cached.
type OldIssue = (i32, u32, Option<String>, Vec<Option<i64>>, bool);

/// What the old schema holds, read with SQL before anything migrates it.
struct Old {
    version: i64,
    issues: Vec<OldIssue>,
    marks: Vec<(i32, u32, bool)>,
    meta: Vec<(String, String)>,
    raw: Vec<Vec<u8>>,
    aliases_17: usize,
}

fn read_old(db: &Path) -> Old {
    let c = Connection::open(db).unwrap();
    let version = c
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    let mut issues = Vec::new();
    let mut stmt = c
        .prepare(&format!(
            "SELECT year, number, title, {}, cached FROM issues ORDER BY year, number",
            OLD_FIGURES.join(", ")
        ))
        .unwrap();
    let mut rows = stmt.query([]).unwrap();
    while let Some(r) = rows.next().unwrap() {
        let figures = (0..5).map(|i| r.get(3 + i).unwrap()).collect();
        issues.push((
            r.get(0).unwrap(),
            r.get(1).unwrap(),
            r.get(2).unwrap(),
            figures,
            r.get(8).unwrap(),
        ));
    }
    let marks = c
        .prepare("SELECT year, number, read FROM user_state ORDER BY year, number")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let meta = c
        .prepare("SELECT key, value FROM meta ORDER BY key")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let raw = c
        .prepare("SELECT raw FROM sources ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let aliases_17 = c
        .query_row(
            "SELECT count(DISTINCT ifnull(url, '') || ifnull(source, '')) FROM claims
             WHERE year = 2024 AND number = 17 AND (url IS NOT NULL OR source IS NOT NULL)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    Old {
        version,
        issues,
        marks,
        meta,
        raw,
        aliases_17,
    }
}

#[test]
fn the_fixture_is_a_cache_of_the_release_before() {
    let (_dir, db) = copy();
    let old = read_old(&db);
    assert_eq!(old.version, 4);
    assert_eq!(old.issues.len(), 5, "three cached, two only referenced");
    assert_eq!(old.marks.len(), 2);
    assert_eq!(old.raw.len(), 4);
    assert!(old
        .meta
        .iter()
        .any(|(k, v)| k == "last_selected" && v == "2024-16"));
}

#[test]
fn the_release_befores_cache_migrates_on_the_first_write_losing_nothing() {
    let (_dir, db) = copy();
    let old = read_old(&db);
    // Reading a cache that is not current is refused, not guessed at ...
    assert!(Store::open_read_only(&db).is_err());
    // ... and the first writer migrates it.
    let store = Store::open_existing(&db).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        zhoubao::store::current_version()
    );

    let summaries = store.summaries().unwrap();
    assert_eq!(summaries.len(), old.issues.len(), "every issue");
    for (year, number, title, figures, cached) in &old.issues {
        let key = IssueKey::new(*year, *number);
        assert_eq!(key.series, SeriesId::CNCERT);
        let s = summaries.iter().find(|s| s.key == key).unwrap();
        assert_eq!(&s.title, title, "{key}");
        assert_eq!(s.cached, *cached, "{key}");
        let now: Vec<Option<i64>> = OLD_FIGURES
            .iter()
            .map(|id| s.figures.count(SeriesId::CNCERT.figure(id)))
            .collect();
        assert_eq!(
            &now, figures,
            "{key}: the figures, unknown ones still unknown"
        );
        assert_eq!(s.figures.len(), figures.iter().flatten().count(), "{key}");
        let read = old
            .marks
            .iter()
            .any(|(y, n, r)| (*y, *n) == (*year, *number) && *r);
        assert_eq!(s.read, read, "{key}: the read mark");
    }
    let d17 = store.detail(IssueKey::new(2024, 17)).unwrap().unwrap();
    assert_eq!(d17.aliases.len(), old.aliases_17, "every copy's alias");
    assert!(d17
        .aliases
        .iter()
        .any(|a| a.source.as_deref() == Some("迁移测试转载")));
    assert_eq!(d17.recent.len(), 2, "the 近期回顾 lines");
    assert!(!d17.body.is_empty() && !d17.images.is_empty());
    assert_eq!(
        store.last_selected().unwrap(),
        Some(IssueKey::new(2024, 16)),
        "the last selection"
    );
    let (seen, ended) = store.last_session().unwrap().expect("the session mark");
    assert_eq!(seen, 4);
    assert!(ended.is_some());
    assert_eq!(store.source_count().unwrap(), old.raw.len() as i64);
    drop(store);

    // The raw files, byte for byte, and the files they came from.
    let c = Connection::open(&db).unwrap();
    let raw: Vec<Vec<u8>> = c
        .prepare("SELECT raw FROM sources ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(raw, old.raw);
    let mut files: Vec<Vec<u8>> = std::fs::read_dir(fixture().join("files"))
        .unwrap()
        .map(|e| std::fs::read(e.unwrap().path()).unwrap())
        .collect();
    let mut stored = raw.clone();
    files.sort();
    stored.sort();
    assert_eq!(stored, files);
}

#[test]
fn a_migrated_cache_takes_the_second_series_and_reindexes_to_the_same_issues() {
    let (_dir, db) = copy();
    let mut store = Store::open_existing(&db).unwrap();
    let before = store.summaries().unwrap();
    let reports = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cnvd/reports");
    let summary = zhoubao::import::import_paths(&mut store, &[reports], false);
    assert_eq!(summary.new, 3, "{summary}");
    assert_eq!(store.summaries_of(SeriesId::CNCERT).unwrap(), before);
    assert_eq!(store.summaries_of(SeriesId::CNVD).unwrap().len(), 3);
    store
        .reindex(|raw| zhoubao::import::parse_caught(raw).ok().and_then(Result::ok))
        .unwrap();
    assert_eq!(
        store.summaries_of(SeriesId::CNCERT).unwrap(),
        before,
        "re-deriving from the raw files changes nothing, marks included"
    );
}
