//! Import under faults: killed with SIGKILL at random moments, the cache
//! still opens, passes `PRAGMA integrity_check` and holds every file whose
//! import had finished; a second process reading during an import keeps
//! working.

mod cli_fixture;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use zhoubao::model::IssueKey;
use zhoubao::store::Store;
use zhoubao::synth::{self, SplitMix64};

/// Writes `count` full synthetic bulletins and returns file -> issue key.
fn write_series(dir: &Path, count: usize, seed: u64) -> HashMap<PathBuf, IssueKey> {
    let series = synth::series(2020, count, seed);
    let mut files = HashMap::new();
    for (i, issue) in series.iter().enumerate() {
        let path = dir.join(issue.file_name());
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        std::fs::write(&path, text).unwrap();
        files.insert(path, issue.key);
    }
    files
}

fn cached_count(store: &Store) -> usize {
    store
        .summaries()
        .unwrap()
        .iter()
        .filter(|s| s.cached)
        .count()
}

fn import_command(db: &Path, dir: &Path) -> Command {
    let mut cmd = cli_fixture::command();
    cmd.arg("--db")
        .arg(db)
        .args(["import", "--quiet", "--verbose"])
        .arg(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    cmd
}

/// Removes a cache and its journals, for a round that starts afresh.
fn drop_cache(db: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
    }
}

#[test]
fn sigkill_during_import_never_loses_a_finished_file_or_corrupts_the_cache() {
    let input = tempfile::tempdir().unwrap();
    let files = write_series(input.path(), 400, 7);
    let cache = tempfile::tempdir().unwrap();
    let db = cache.path().join("cache.db");
    let mut rng = SplitMix64::new(0x5eed);
    let mut finished: Vec<PathBuf> = Vec::new();
    // Rounds killed part-way with some files already reported stored:
    // those are the rounds that test the promise.
    let mut killed_after_a_report = 0;
    let rounds = 15;
    // When the kill lands: adjusted each round from what the last one
    // saw, so it falls inside the import however fast this machine runs
    // it (a fixed delay misses on a busy machine or a fast build).
    let mut delay_ms: u64 = 60;
    for round in 0..rounds {
        let mut child = import_command(&db, input.path()).spawn().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let jitter = rng.range(0, delay_ms as i64 / 2 + 1) as u64;
        std::thread::sleep(Duration::from_millis(delay_ms + jitter));
        child.kill().unwrap(); // SIGKILL on Unix
        child.wait().unwrap();
        reader.join().unwrap();
        let mut reported = 0;
        for line in rx.try_iter() {
            let (outcome, path) = line.split_once('\t').expect("verbose line");
            assert_ne!(outcome, "failed", "{line}");
            finished.push(PathBuf::from(path));
            reported += 1;
        }

        let cached: Vec<IssueKey> = if db.exists() {
            let store = Store::open(&db).unwrap_or_else(|e| panic!("round {round}: {e}"));
            assert_eq!(store.integrity_check().unwrap(), "ok", "round {round}");
            store
                .summaries()
                .unwrap()
                .into_iter()
                .filter(|s| s.cached)
                .map(|s| s.key)
                .collect()
        } else {
            Vec::new()
        };
        for path in &finished {
            let key = files[path];
            assert!(
                cached.contains(&key),
                "round {round}: {key} was reported stored"
            );
        }
        if cached.len() == files.len() {
            // Too late: the import was over. Start again on a new cache,
            // and kill sooner.
            drop_cache(&db);
            finished.clear();
            delay_ms = (delay_ms * 2 / 3).max(5);
        } else if cached.is_empty() {
            // Too early: nothing was committed yet.
            delay_ms = delay_ms * 3 / 2 + 10;
        } else if reported == 0 {
            // Killed between a commit and its report: a little later.
            delay_ms += 5;
        } else {
            killed_after_a_report += 1;
        }
    }
    assert!(
        killed_after_a_report > 0,
        "no round was killed part-way through an import; the test proved nothing"
    );
    // And a final uninterrupted run completes what the killed ones left.
    let status = import_command(&db, input.path())
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let store = Store::open(&db).unwrap();
    let cached = cached_count(&store);
    assert_eq!(cached, files.len());
}

#[test]
fn a_reader_keeps_working_while_an_import_writes() {
    let input = tempfile::tempdir().unwrap();
    let files = write_series(input.path(), 600, 11);
    let cache = tempfile::tempdir().unwrap();
    let db = cache.path().join("cache.db");
    // The cache exists before the import, as when the TUI is already open.
    let reader = Store::open(&db).unwrap();
    let mut child = import_command(&db, input.path())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut reads = 0;
    let mut last = 0;
    while child.try_wait().unwrap().is_none() {
        let n = reader
            .summaries()
            .unwrap_or_else(|e| panic!("read {reads} during import failed: {e}"))
            .len();
        assert!(n >= last, "the reader saw the cache shrink");
        last = n;
        reads += 1;
        assert!(started.elapsed() < Duration::from_secs(120), "import hung");
    }
    assert!(child.wait().unwrap().success());
    assert!(reads > 0);
    let cached = cached_count(&reader);
    assert_eq!(cached, files.len());
}

#[test]
fn a_file_the_cache_refuses_fails_alone_and_the_rest_of_its_batch_is_stored() {
    let input = tempfile::tempdir().unwrap();
    let files = write_series(input.path(), 12, 5);
    let mut paths: Vec<&PathBuf> = files.keys().collect();
    paths.sort();
    // One file in the middle of what is one batch; its new name makes the
    // cache refuse it (a trigger stands in for a full disk or a broken page).
    let refused = input.path().join("refused.md");
    std::fs::rename(paths[5], &refused).unwrap();
    let refused_key = files[paths[5]];
    let good: Vec<PathBuf> = paths
        .iter()
        .filter(|p| **p != paths[5])
        .map(|p| (*p).clone())
        .collect();

    let cache = tempfile::tempdir().unwrap();
    let db = cache.path().join("cache.db");
    let mut store = Store::open(&db).unwrap();
    rusqlite::Connection::open(&db)
        .unwrap()
        .execute_batch(
            "CREATE TRIGGER refuse BEFORE INSERT ON sources WHEN NEW.path LIKE '%refused%'
             BEGIN SELECT RAISE(ABORT, 'refused by the test'); END;",
        )
        .unwrap();
    let mut reported = Vec::new();
    let summary = zhoubao::import::import_paths_with(
        &mut store,
        &[input.path().to_path_buf()],
        false,
        |path, result| reported.push((path.to_path_buf(), result.to_string())),
    );
    assert_eq!(summary.new, 11, "{summary}");
    assert_eq!(summary.failed.len(), 1, "{summary}");
    assert_eq!(summary.failed[0].0, refused);
    let why = summary.failed[0].1.text(zhoubao::i18n::Lang::En);
    assert!(why.contains("refused by the test"), "{summary}");
    let mut walk_order: Vec<PathBuf> = good.clone();
    walk_order.push(refused.clone());
    walk_order.sort();
    let order: Vec<PathBuf> = reported.iter().map(|(p, _)| p.clone()).collect();
    assert_eq!(order, walk_order, "reported in the order of the walk");

    // The cache is what the other eleven files alone make of it.
    let other = tempfile::tempdir().unwrap();
    let mut alone = Store::open(&other.path().join("cache.db")).unwrap();
    let again = zhoubao::import::import_paths(&mut alone, &good, false);
    assert_eq!(again.new, 11);
    assert_eq!(store.summaries().unwrap(), alone.summaries().unwrap());
    for s in store.summaries().unwrap() {
        assert_eq!(store.detail(s.key).unwrap(), alone.detail(s.key).unwrap());
    }
    assert!(!store
        .summaries()
        .unwrap()
        .iter()
        .any(|s| s.key == refused_key && s.cached));
    assert_eq!(store.integrity_check().unwrap(), "ok");
}
