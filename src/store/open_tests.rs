//! Opening tests: who may create a cache, what is refused before a byte
//! is written, read-only access that leaves nothing behind, damage.

use std::path::{Path, PathBuf};

use super::tests::{full, import, Unwritable};
use super::*;
use crate::model::IssueKey;

fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A closed cache holding issue 2024-17 (and its reference 2024-16).
fn cache_with_one_issue(dir: &Path) -> PathBuf {
    let path = dir.join("cache.db");
    let mut s = Store::create_or_open(&path).unwrap();
    import(&mut s, &full(17), "full");
    s.set_read(IssueKey::new(2024, 17), true).unwrap();
    path
}

/// An SQLite file another program made, holding no table yet.
fn empty_foreign_file(path: &Path, pragma: &str) -> Vec<u8> {
    let c = rusqlite::Connection::open(path).unwrap();
    c.execute_batch(pragma).unwrap();
    drop(c);
    std::fs::read(path).unwrap()
}

#[test]
fn an_empty_database_of_another_program_is_refused_and_not_written() {
    let dir = tempfile::tempdir().unwrap();
    for (name, pragma) in [
        ("app-id.db", "PRAGMA application_id = 1234;"),
        ("version.db", "PRAGMA user_version = 7;"),
    ] {
        let path = dir.path().join(name);
        let before = empty_foreign_file(&path, pragma);
        assert!(!before.is_empty(), "{name} has a header");
        for open in [Store::create_or_open, Store::open_existing] {
            let err = open(&path).err().expect("must refuse");
            assert!(matches!(err, StoreError::Foreign { .. }), "{name}: {err}");
            assert!(err.to_string().contains(name), "{err}");
        }
        let err = Store::open_read_only(&path).err().expect("must refuse");
        assert!(matches!(err, StoreError::Foreign { .. }), "{name}: {err}");
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{name}: header unchanged (no WAL switch)"
        );
    }
    assert_eq!(listing(dir.path()), vec!["app-id.db", "version.db"]);
}

#[test]
fn an_empty_file_nobody_claimed_becomes_a_cache() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    std::fs::write(&path, b"").unwrap();
    // Only a writer that may create a cache claims it.
    for err in [
        Store::open_existing(&path).err().expect("empty"),
        Store::open_read_only(&path).err().expect("empty"),
    ] {
        assert!(matches!(err, StoreError::NoCache { .. }), "{err}");
    }
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "still empty");
    assert_eq!(listing(dir.path()), vec!["cache.db"]);
    let s = Store::create_or_open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), current_version());
}

#[test]
fn only_create_or_open_creates_a_cache() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.db");
    for err in [
        Store::open_existing(&path).err().expect("missing"),
        Store::open_read_only(&path).err().expect("missing"),
    ] {
        assert!(matches!(err, StoreError::NoCache { .. }), "{err}");
        assert_eq!(
            err.to_string(),
            format!("no cache at {}; import bulletins first", path.display())
        );
    }
    assert!(listing(dir.path()).is_empty(), "nothing was created");
    let s = Store::create_or_open(&path).unwrap();
    assert_eq!(s.path(), Some(path.as_path()));
    drop(s);
    assert_eq!(listing(dir.path()), vec!["typo.db"], "no temporary left");
}

#[test]
fn unusable_paths_say_what_is_wrong_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let err = Store::open_existing(dir.path()).err().unwrap();
    assert!(matches!(err, StoreError::IsFolder { .. }), "{err}");
    assert!(err.to_string().contains("is a folder"), "{err}");
    let err = Store::create_or_open(dir.path()).err().unwrap();
    assert!(matches!(err, StoreError::IsFolder { .. }), "{err}");

    let missing = dir.path().join("no-such-folder").join("cache.db");
    let err = Store::open_read_only(&missing).err().unwrap();
    assert!(matches!(err, StoreError::NoFolder { .. }), "{err}");
    assert!(err.to_string().contains("no-such-folder"), "{err}");
    let err = Store::create_or_open(&missing).err().unwrap();
    assert!(
        err.to_string().contains("does not exist") && err.to_string().contains("no-such-folder"),
        "{err}"
    );

    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "x").unwrap();
    let err = Store::open_existing(&file.join("cache.db")).err().unwrap();
    assert!(matches!(err, StoreError::FolderIsFile { .. }), "{err}");

    let fifo = dir.path().join("fifo");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    if made {
        let err = Store::create_or_open(&fifo).err().unwrap();
        assert!(matches!(err, StoreError::NotAFile { .. }), "{err}");
    }

    for memory in [":memory:", ""] {
        let err = Store::create_or_open(Path::new(memory)).err().unwrap();
        assert!(matches!(err, StoreError::InMemory { .. }), "{err}");
    }
}

#[test]
fn a_path_that_looks_like_a_uri_is_a_file_name() {
    let dir = tempfile::tempdir().unwrap();
    let name = "file:x.db?mode=memory&cache=shared#frag %41";
    let path = dir.path().join(name);
    let mut s = Store::create_or_open(&path).unwrap();
    import(&mut s, &full(17), "full");
    drop(s);
    assert_eq!(listing(dir.path()), vec![name.to_string()]);
    assert_eq!(
        Store::open_read_only(&path)
            .unwrap()
            .summaries()
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn a_read_only_open_reads_and_refuses_writes_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = cache_with_one_issue(dir.path());
    assert_eq!(listing(dir.path()), vec!["cache.db"]);
    let before = std::fs::read(&path).unwrap();
    {
        let s = Store::open_read_only(&path).unwrap();
        assert!(s.is_read_only());
        let list = s.summaries().unwrap();
        assert_eq!(list.len(), 2);
        assert!(list[0].read);
        assert!(s.detail(IssueKey::new(2024, 17)).unwrap().is_some());
        assert_eq!(s.search("跨境").unwrap(), vec![IssueKey::new(2024, 17)]);
        let err = s.set_read(IssueKey::new(2024, 17), false).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!(
                "{}: the cache is read-only; zhoubao needs to write to it",
                path.display()
            )
        );
        assert!(s.set_last_selected(IssueKey::new(2024, 17)).is_err());
    }
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_read_only_reader_sees_what_a_writer_commits_after_it_opened() {
    // The TUI on a cache it may not write, and an import in another
    // terminal: the import's commits must reach the reader, whole.
    let dir = tempfile::tempdir().unwrap();
    let path = cache_with_one_issue(dir.path());
    let reader = Store::open_read_only(&path).unwrap();
    assert_eq!(reader.summaries().unwrap().len(), 2);
    let seen = reader.data_version().unwrap();
    let mut writer = Store::open_existing(&path).unwrap();
    for n in [18, 19] {
        import(&mut writer, &full(n), &format!("week {n}"));
        let keys: Vec<IssueKey> = reader
            .summaries()
            .unwrap()
            .into_iter()
            .map(|s| s.key)
            .collect();
        assert!(keys.contains(&IssueKey::new(2024, n)), "{n}: {keys:?}");
        assert_eq!(
            reader.detail(IssueKey::new(2024, n)).unwrap().unwrap().body,
            full(n).body
        );
    }
    assert_ne!(
        reader.data_version().unwrap(),
        seen,
        "the change is noticed"
    );
    drop(writer);
    assert_eq!(
        reader.summaries().unwrap().len(),
        4,
        "after the writer closed"
    );
}

#[test]
fn a_cache_in_a_read_only_folder_opens_read_only_and_refuses_writers() {
    let dir = tempfile::tempdir().unwrap();
    let path = cache_with_one_issue(dir.path());
    let before = std::fs::read(&path).unwrap();
    let Some(guard) = Unwritable::new(&[dir.path()]) else {
        eprintln!("skipped: cannot make the folder unwritable here");
        return;
    };
    let writer = Store::open_existing(&path).err();
    let creator = Store::create_or_open(&path).err();
    let read = Store::open_read_only(&path).and_then(|s| s.summaries());
    let names = listing(dir.path());
    drop(guard);
    for err in [
        writer.expect("open_existing"),
        creator.expect("create_or_open"),
    ] {
        assert!(err.is_read_only(), "{err}");
        assert!(err.to_string().contains("read-only"), "{err}");
        assert!(
            err.to_string().contains(&path.display().to_string()),
            "{err}"
        );
    }
    assert_eq!(read.unwrap().len(), 2);
    assert_eq!(names, vec!["cache.db"]);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_read_only_file_is_refused_to_writers_and_read_without_a_journal() {
    let dir = tempfile::tempdir().unwrap();
    let path = cache_with_one_issue(dir.path());
    let Some(guard) = Unwritable::new(&[&path, dir.path()]) else {
        eprintln!("skipped: cannot make the cache unwritable here");
        return;
    };
    let writer = Store::open_existing(&path).err();
    let read = Store::open_read_only(&path).and_then(|s| s.summaries());
    drop(guard);
    let err = writer.expect("a read-only file cannot be opened for writing");
    assert!(matches!(err, StoreError::ReadOnly { .. }), "{err}");
    assert_eq!(read.unwrap().len(), 2);
    assert_eq!(listing(dir.path()), vec!["cache.db"]);
}

#[test]
fn an_older_schema_is_upgraded_by_a_writer_but_not_read_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(schema::MIGRATIONS[0]).unwrap();
        c.pragma_update(None, "application_id", schema::APPLICATION_ID)
            .unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
    }
    let err = Store::open_read_only(&path).err().expect("cannot upgrade");
    assert!(
        matches!(err, StoreError::TooOldToRead { found: 1, .. }),
        "{err}"
    );
    let s = Store::open_existing(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), current_version());
}

#[test]
fn the_version_is_read_inside_the_migration_lock() {
    // Another connection finished the migration after this one read the
    // header: the steps must not run a second time.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cache.db");
    std::fs::write(&path, b"").unwrap();
    let late = rusqlite::Connection::open(&path).unwrap();
    assert_eq!(schema::Header::read(&late).unwrap().version, 0);
    drop(Store::create_or_open(&path).unwrap());
    let mut store = Store {
        conn: late,
        path: Some(path.clone()),
        read_only: false,
    };
    store.migrate(&path, 0).unwrap();
    assert_eq!(store.schema_version().unwrap(), current_version());
}

#[test]
fn many_connections_creating_one_new_cache_at_once_all_succeed() {
    for round in 0..10 {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache.db");
        let start = std::sync::Barrier::new(4);
        std::thread::scope(|scope| {
            let handles: Vec<_> = (0..4)
                .map(|_| {
                    scope.spawn(|| {
                        start.wait();
                        Store::create_or_open(&path).map(|s| s.schema_version().unwrap())
                    })
                })
                .collect();
            for h in handles {
                let version = h.join().unwrap();
                assert_eq!(version.ok(), Some(current_version()), "round {round}");
            }
        });
        // Connections closing at the same moment can each see another
        // still open and leave the log for it (SQLite's rule); the next
        // one to close alone removes it: nothing else is left beside.
        drop(Store::open_existing(&path).unwrap());
        assert_eq!(listing(dir.path()), vec!["cache.db"], "round {round}");
    }
}

/// Overwrites the page that holds the `issues` table's first rows.
fn damage_issues_page(path: &Path) {
    let c = rusqlite::Connection::open(path).unwrap();
    let page: i64 = c
        .query_row(
            "SELECT rootpage FROM sqlite_master WHERE name = 'issues'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let size: i64 = c.query_row("PRAGMA page_size", [], |r| r.get(0)).unwrap();
    drop(c);
    let mut bytes = std::fs::read(path).unwrap();
    let at = ((page - 1) * size) as usize;
    for (i, b) in bytes[at..at + size as usize].iter_mut().enumerate() {
        *b = (i * 7 + 13) as u8;
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_cache_is_refused_before_the_first_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = cache_with_one_issue(dir.path());
    damage_issues_page(&path);
    let before = std::fs::read(&path).unwrap();
    let err = Store::create_or_open(&path)
        .err()
        .expect("damage is noticed");
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
    let text = err.to_string();
    assert!(text.contains(&path.display().to_string()), "{text}");
    assert!(text.contains("zhoubao recover"), "{text}");
    assert!(!text.contains('\n'), "one line: {text}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");

    // A reader finds out when it meets the page, and is told the same.
    let s = Store::open_existing(&path).unwrap();
    assert!(matches!(s.check_sound(), Err(StoreError::Damaged { .. })));
    let err = s.summaries().unwrap_err().at(&path);
    assert!(matches!(err, StoreError::Damaged { .. }), "{err}");
    assert!(err.to_string().contains("zhoubao recover"), "{err}");
}
