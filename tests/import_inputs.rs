//! What an import folder may hold besides bulletins: FIFOs, devices, the
//! cache itself, files too large, a file the parser crashes on. Each is one
//! line in the summary, and the import ends and goes on with the rest.

mod cli_fixture;

use std::io::Read;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use zhoubao::i18n::Lang;
use zhoubao::import::import_paths;
use zhoubao::store::Store;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

/// Runs the binary; a run still going after `limit` is killed and fails
/// the test (it would have hung for a user).
fn run(args: &[&std::ffi::OsStr], envs: &[(&str, &str)], limit: Duration) -> Run {
    let mut child = cli_fixture::command()
        .args(args)
        .envs(envs.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn zhoubao");
    let pipe = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = r.read_to_string(&mut s);
            s
        })
    };
    let out = pipe(Box::new(child.stdout.take().unwrap()));
    let err = pipe(Box::new(child.stderr.take().unwrap()));
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!(
                "zhoubao {args:?} still running after {limit:?}; stderr: {}",
                err.join().unwrap()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    Run {
        code: status.code(),
        stdout: out.join().unwrap(),
        stderr: err.join().unwrap(),
    }
}

fn import(db: &Path, paths: &[&Path]) -> Run {
    import_with_env(db, paths, &[])
}

fn import_with_env(db: &Path, paths: &[&Path], envs: &[(&str, &str)]) -> Run {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "--db".as_ref(),
        db.as_os_str(),
        "import".as_ref(),
        "--quiet".as_ref(),
        "--verbose".as_ref(),
    ];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    run(&args, envs, Duration::from_secs(60))
}

fn summary_line(run: &Run) -> &str {
    run.stderr
        .lines()
        .rfind(|l| l.contains(" files: "))
        .unwrap_or_else(|| panic!("no summary in {:?}", run.stderr))
}

/// Two bulletins around whatever the test adds.
fn folder_with_bulletins() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a_full.md"), fixture("full.md")).unwrap();
    std::fs::write(
        dir.path().join("z_page.html"),
        fixture("wechat_article.html"),
    )
    .unwrap();
    dir
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn a_fifo_in_an_import_folder_is_skipped_not_waited_for() {
    let dir = folder_with_bulletins();
    mkfifo(&dir.path().join("m_pipe.md"));
    let db = tempfile::tempdir().unwrap();
    let run = import(&db.path().join("c.db"), &[dir.path()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("m_pipe.md: not a regular file: a FIFO"),
        "{}",
        run.stderr
    );
    assert_eq!(
        summary_line(&run),
        "3 files: 2 new, 0 updated, 0 unchanged, 0 stubs merged, 1 skipped, 0 failed"
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_skipped_not_waited_for() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe");
    mkfifo(&fifo);
    let db = dir.path().join("c.db");
    let run = import(&db, &[&fifo]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr.contains("not a regular file: a FIFO"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_fifo_is_skipped_too() {
    let dir = folder_with_bulletins();
    let elsewhere = tempfile::tempdir().unwrap();
    let fifo = elsewhere.path().join("pipe");
    mkfifo(&fifo);
    std::os::unix::fs::symlink(&fifo, dir.path().join("m_link.md")).unwrap();
    let db = tempfile::tempdir().unwrap();
    let run = import(&db.path().join("c.db"), &[dir.path()]);
    assert!(
        run.stderr.contains("m_link.md: not a regular file: a FIFO"),
        "{}",
        run.stderr
    );
}

#[cfg(target_os = "linux")]
#[test]
fn dev_zero_is_skipped_without_reading_it() {
    let db = tempfile::tempdir().unwrap();
    let run = import(
        &db.path().join("c.db"),
        &[Path::new("/dev/zero"), Path::new("/dev/null")],
    );
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("skipped /dev/zero: not a regular file: a character device"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("skipped /dev/null: not a regular file"));
}

#[test]
fn a_file_over_the_limit_fails_by_its_size_without_being_read() {
    let dir = folder_with_bulletins();
    // Sparse: 64 GiB on paper, nothing on disk; reading it would take
    // minutes and the memory to hold it.
    let big = std::fs::File::create(dir.path().join("m_big.md")).unwrap();
    big.set_len(64 << 30).unwrap();
    drop(big);
    let db = tempfile::tempdir().unwrap();
    let run = import(&db.path().join("c.db"), &[dir.path()]);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "m_big.md: file too large: {} bytes (limit 16777216 bytes = 16 MiB)",
            64u64 << 30
        )),
        "{}",
        run.stderr
    );
    assert_eq!(
        summary_line(&run),
        "3 files: 2 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 1 failed"
    );
}

#[test]
fn a_file_at_the_limit_is_read_and_one_byte_more_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let limit = zhoubao::parse::MAX_FILE_BYTES;
    let at = dir.path().join("at.md");
    let mut text = b"# not a bulletin\n".to_vec();
    text.resize(limit, b'a');
    std::fs::write(&at, &text).unwrap();
    text.push(b'a');
    let over = dir.path().join("over.md");
    std::fs::write(&over, &text).unwrap();
    let mut store = Store::open_in_memory().unwrap();
    let summary = import_paths(&mut store, &[at.clone(), over.clone()], false);
    assert_eq!(summary.skipped.len(), 1, "{summary}");
    assert_eq!(summary.skipped[0].0, at);
    assert_eq!(summary.failed.len(), 1, "{summary}");
    assert!(
        summary.failed[0]
            .1
            .text(Lang::En)
            .contains("file too large"),
        "{summary}"
    );
}

#[test]
fn the_cache_and_its_companions_inside_an_imported_folder_are_skipped() {
    let dir = folder_with_bulletins();
    let db = dir.path().join("cache.db");
    // A first import creates the cache (and, in WAL mode, -wal and -shm)
    // inside the very folder the second import reads.
    let first = import(&db, &[&dir.path().join("a_full.md")]);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let run = import(&db, &[dir.path()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cache.db: the cache this import writes to"),
        "{}",
        run.stderr
    );
    for line in run.stderr.lines().filter(|l| l.contains("cache.db")) {
        assert!(line.starts_with("skipped "), "{line}");
    }
    assert!(summary_line(&run).ends_with(" 0 failed"), "{}", run.stderr);
    assert!(
        summary_line(&run).contains("1 new, 0 updated, 1 unchanged"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_to_the_cache_is_skipped_too() {
    let dir = folder_with_bulletins();
    let cache_dir = tempfile::tempdir().unwrap();
    let db = cache_dir.path().join("cache.db");
    std::os::unix::fs::symlink(&db, dir.path().join("m_cache_link.md")).unwrap();
    let mut store = Store::open(&db).unwrap();
    let summary = import_paths(&mut store, &[dir.path().to_path_buf()], false);
    assert!(summary.failed.is_empty(), "{summary}");
    assert_eq!(summary.skipped.len(), 1, "{summary}");
    assert_eq!(
        summary.skipped[0].1.text(Lang::En),
        "the cache this import writes to"
    );
    assert_eq!(summary.new, 2);
}

#[test]
fn a_file_that_used_to_crash_the_parser_no_longer_stops_the_import() {
    let dir = folder_with_bulletins();
    let page = String::from_utf8(fixture("wechat_article.html"))
        .unwrap()
        .replace("1688522400", "8210266876799")
        .replace("第26期", "第27期");
    std::fs::write(dir.path().join("m_far_future.html"), page).unwrap();
    let db = tempfile::tempdir().unwrap();
    let run = import(&db.path().join("c.db"), &[dir.path()]);
    assert_eq!(run.code, Some(0), "{}", run.stderr);
    assert_eq!(
        summary_line(&run),
        "3 files: 3 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 0 failed"
    );
}

/// `ZHOUBAO_TEST_PARSER_PANIC=TEXT` makes the parser panic on files that
/// hold TEXT, as a parser bug would.
#[test]
fn a_parser_panic_fails_only_that_file_and_says_so_in_one_line() {
    let dir = folder_with_bulletins();
    std::fs::write(dir.path().join("m_crash.md"), "# 触发崩溃的文件 CRASH-ME\n").unwrap();
    let db = tempfile::tempdir().unwrap();
    let run = import_with_env(
        &db.path().join("c.db"),
        &[dir.path()],
        &[
            ("ZHOUBAO_TEST_PARSER_PANIC", "CRASH-ME"),
            ("RUST_BACKTRACE", "1"),
        ],
    );
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    let failed: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("failed "))
        .collect();
    assert_eq!(failed.len(), 1, "{}", run.stderr);
    assert!(
        failed[0].contains("m_crash.md: the parser crashed on this file"),
        "{}",
        failed[0]
    );
    assert!(failed[0].contains("please report it"), "{}", failed[0]);
    // Nothing but the summary: no "thread panicked", no backtrace note.
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!run.stderr.contains("backtrace"), "{}", run.stderr);
    assert_eq!(run.stderr.lines().count(), 2, "{}", run.stderr);
    assert_eq!(
        summary_line(&run),
        "3 files: 2 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 1 failed"
    );
    assert!(run.stdout.contains("new\t"), "{}", run.stdout);
}
