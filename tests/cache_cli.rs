//! The cache as the command line opens it: only `import` creates one, a
//! read-only cache still serves every read command, paths that cannot be a
//! cache say why, two processes may create one cache at once, a held lock
//! stops an import once, and the browser refuses to draw without a terminal.

mod cli_fixture;

use std::path::{Path, PathBuf};
use std::process::{Output, Stdio};

use cli_fixture::{listing, stderr, zhoubao, Unwritable};
use zhoubao::synth;

/// Five generated bulletins (2024 第2–6期) naming 第1期 as well.
fn small_archive(dir: &Path) {
    let series = synth::series(2024, 6, 42);
    for (i, issue) in series.iter().enumerate().skip(1) {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        std::fs::write(dir.join(issue.file_name()), text).unwrap();
    }
}

fn imported_cache(dir: &Path) -> PathBuf {
    let input = dir.join("input");
    std::fs::create_dir(&input).unwrap();
    small_archive(&input);
    let db = dir.join("cache").join("c.db");
    std::fs::create_dir(db.parent().unwrap()).unwrap();
    let out = zhoubao(&db, &["import", "--quiet", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

const READS: [&[&str]; 6] = [
    &["list"],
    &["list", "--json"],
    &["show", "2024-6"],
    &["export", "--format", "csv"],
    &["export", "--format", "json"],
    &["search", "周报"],
];

#[test]
fn two_imports_on_one_new_cache_both_succeed() {
    let input = tempfile::tempdir().unwrap();
    small_archive(input.path());
    for round in 0..15 {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("c.db");
        let spawn = || {
            cli_fixture::command()
                .arg("--db")
                .arg(&db)
                .args(["import", "--quiet"])
                .arg(input.path())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        let list = zhoubao(&db, &["list"]);
        assert_eq!(
            String::from_utf8_lossy(&list.stdout).lines().count(),
            1 + 6,
            "round {round}"
        );
        assert_eq!(listing(dir.path()), vec!["c.db"], "round {round}");
    }
}

/// What a read command says when there is no cache yet.
fn no_cache_yet(db: &Path) -> String {
    format!(
        "zhoubao: no cache at {} yet; run `zhoubao import PATH...` first (or `zhoubao --demo`)\n",
        db.display()
    )
}

#[test]
fn read_commands_never_create_a_cache() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("typo.db");
    for args in READS {
        let out = zhoubao(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out), no_cache_yet(&db), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let expected = format!(
        "zhoubao: no cache at {}; import bulletins first\n",
        db.display()
    );
    for args in [&["reindex"][..], &["recover"][..]] {
        let out = zhoubao(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out), expected, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    assert!(listing(dir.path()).is_empty(), "nothing was created");
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("note.md"), "not a bulletin").unwrap();
    let out = zhoubao(&db, &["import", input.path().to_str().unwrap()]);
    assert!(
        listing(dir.path()).contains(&"typo.db".to_string()),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_first_run_without_a_data_folder_says_how_to_get_a_cache() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join(".local/share/zhoubao/cache.db");
    for (lang, want) in [
        ("en", no_cache_yet(&db)),
        (
            "zh",
            format!(
                "zhoubao: {} 处还没有缓存；请先运行 `zhoubao import 路径...`（或试试 `zhoubao --demo`）\n",
                db.display()
            ),
        ),
    ] {
        for args in READS {
            let out = cli_fixture::command_at_home(home.path())
                .env("ZHOUBAO_LANG", lang)
                .args(args)
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(1), "{lang} {args:?}");
            assert_eq!(stderr(&out), want, "{lang} {args:?}");
            assert!(out.stdout.is_empty(), "{lang} {args:?}");
        }
    }
    assert!(listing(home.path()).is_empty(), "no data folder was made");
}

#[test]
fn read_commands_write_nothing_into_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("empty.db");
    std::fs::write(&db, b"").unwrap();
    for args in READS {
        let out = zhoubao(&db, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_eq!(stderr(&out), no_cache_yet(&db), "{args:?}");
        assert_eq!(std::fs::metadata(&db).unwrap().len(), 0, "{args:?}");
    }
    // Nor does reindex: an empty file holds nothing to index.
    let out = zhoubao(&db, &["reindex"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("no cache at"), "{}", stderr(&out));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0);
    assert_eq!(listing(dir.path()), vec!["empty.db"], "no journal either");
    // Import still makes the empty file a cache.
    let input = tempfile::tempdir().unwrap();
    small_archive(input.path());
    let out = zhoubao(&db, &["import", "--quiet", input.path().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(zhoubao(&db, &["list"]).status.success());
}

#[test]
fn a_path_that_cannot_be_a_cache_is_named_for_what_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path();
    // A file that exists: a missing one is refused before the cache is opened.
    let input = tempfile::tempdir().unwrap();
    let bulletin = input.path().join("x.md");
    std::fs::write(&bulletin, "x").unwrap();
    let bulletin = bulletin.to_str().unwrap();
    for args in [&["list"][..], &["import", bulletin]] {
        let out = zhoubao(folder, args);
        assert_eq!(out.status.code(), Some(1));
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "{} is a folder, not a cache file",
                folder.display()
            )),
            "{args:?}: {err}"
        );
        assert!(!err.contains("read-only"), "{err}");
    }
    let nested = folder.join("missing").join("c.db");
    let err = stderr(&zhoubao(&nested, &["list"]));
    assert!(
        err.contains("its folder") && err.contains("missing") && err.contains("does not exist"),
        "{err}"
    );
    let err = stderr(&zhoubao(&nested, &["import", bulletin]));
    assert!(
        err.contains("cannot create the cache") && err.contains("does not exist"),
        "{err}"
    );
    assert!(!folder.join("missing").exists());

    let file = folder.join("unreadable.db");
    std::fs::write(&file, b"").unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root reads it anyway: then there is nothing to check.
    if std::fs::File::open(&file).is_err() {
        let err = stderr(&zhoubao(&file, &["list"]));
        assert!(
            err.contains("cannot read the cache") && err.contains("ermission denied"),
            "{err}"
        );
    }
}

#[test]
fn memory_is_refused_where_something_would_be_kept() {
    let input = tempfile::tempdir().unwrap();
    small_archive(input.path());
    for args in [
        &["import", input.path().to_str().unwrap()][..],
        &["reindex"],
        &["recover"],
    ] {
        let out = zhoubao(Path::new(":memory:"), args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(
            stderr(&out).contains("keeps nothing"),
            "{args:?}: {}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("files:"), "no import ran");
    }
    let dir = tempfile::tempdir().unwrap();
    let db = imported_cache(dir.path());
    let out = zhoubao(&db, &["recover", "--to", ":memory:"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("keeps nothing"), "{}", stderr(&out));
}

#[test]
fn a_read_only_cache_serves_every_read_and_refuses_writes_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_cache(dir.path());
    let folder = db.parent().unwrap().to_path_buf();
    let expected: Vec<Vec<u8>> = READS.iter().map(|a| zhoubao(&db, a).stdout).collect();
    let bytes = std::fs::read(&db).unwrap();
    // The folder alone, then the file and the folder.
    for locked in [vec![folder.as_path()], vec![db.as_path(), folder.as_path()]] {
        let Some(guard) = Unwritable::new(&locked) else {
            eprintln!("skipped: cannot make the cache unwritable here");
            return;
        };
        let reads: Vec<Output> = READS.iter().map(|a| zhoubao(&db, a)).collect();
        let import = zhoubao(&db, &["import", dir.path().join("input").to_str().unwrap()]);
        let reindex = zhoubao(&db, &["reindex"]);
        let names = listing(&folder);
        drop(guard);
        for ((args, out), want) in READS.iter().zip(&reads).zip(&expected) {
            assert!(out.status.success(), "{args:?}: {}", stderr(out));
            assert_eq!(&out.stdout, want, "{args:?} reads what it read before");
        }
        for out in [import, reindex] {
            assert_eq!(out.status.code(), Some(1));
            let err = stderr(&out);
            assert!(
                err.starts_with(&format!(
                    "zhoubao: {}: the cache is read-only",
                    db.display()
                )) && err.lines().count() == 1,
                "{locked:?}: {err}"
            );
        }
        assert_eq!(names, vec!["c.db"], "no -wal or -shm left behind");
        assert_eq!(std::fs::read(&db).unwrap(), bytes);
    }
}

#[test]
fn read_commands_leave_no_journal_beside_a_writable_cache() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_cache(dir.path());
    for args in READS {
        assert!(zhoubao(&db, args).status.success());
        assert_eq!(listing(db.parent().unwrap()), vec!["c.db"], "{args:?}");
    }
}

#[test]
fn a_locked_cache_makes_import_give_up_once_and_say_how_much_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_cache(dir.path());
    let more = dir.path().join("more");
    std::fs::create_dir(&more).unwrap();
    let series = synth::series(2025, 4, 7);
    for (i, issue) in series.iter().enumerate() {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        std::fs::write(more.join(issue.file_name()), text).unwrap();
    }
    let holder = rusqlite::Connection::open(&db).unwrap();
    holder.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let out = zhoubao(&db, &["import", "--quiet", more.to_str().unwrap()]);
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let locked: Vec<&str> = err.lines().filter(|l| l.contains("locked")).collect();
    assert_eq!(locked.len(), 1, "one line about the lock:\n{err}");
    assert!(
        locked[0].contains(&db.display().to_string())
            && locked[0].contains("4 of 4 files were not imported"),
        "{err}"
    );
    assert!(
        !err.contains("failed  "),
        "no file is reported failed:\n{err}"
    );
    let after = zhoubao(&db, &["import", "--quiet", more.to_str().unwrap()]);
    assert!(after.status.success(), "{}", stderr(&after));
    assert!(stderr(&after).contains("4 new"), "{}", stderr(&after));
}

#[test]
fn the_browser_without_a_terminal_writes_nothing_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let db = imported_cache(dir.path());
    let out_file = dir.path().join("out.txt");
    for demo in [true, false] {
        let mut cmd = cli_fixture::command();
        if demo {
            cmd.arg("--demo");
        } else {
            cmd.arg("--db").arg(&db);
        }
        // `zhoubao --demo > out.txt`, run from a script (no terminal at all).
        let out = cmd
            .stdin(Stdio::null())
            .stdout(std::fs::File::create(&out_file).unwrap())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(std::fs::read(&out_file).unwrap(), b"", "demo={demo}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with("zhoubao: the browser needs a terminal")
                && err.contains("stdout")
                && err.contains("zhoubao list"),
            "{err}"
        );
    }
}
