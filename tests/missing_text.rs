//! Saying what is missing: `import` counts the files that held no article
//! text apart from the stubs merged into an issue held in full, and
//! `show` of an issue whose imported copies were all empty says so
//! rather than asking for the copy just imported.

mod cli_fixture;

use std::path::Path;
use std::process::Output;

use cli_fixture::stderr;
use zhoubao::synth::{self, StubKind};

fn zhoubao(db: &Path, args: &[&std::ffi::OsStr]) -> Output {
    cli_fixture::command()
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn files_without_article_text_are_counted_and_show_says_the_copy_was_empty() {
    let issues = synth::series(2025, 2, 0x5eed_5eed);
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    std::fs::create_dir(&files).unwrap();
    // 2025-1 in full and a title-only repost of it; 2025-2 title-only
    // and a copy that is WeChat's wall.
    let write = |name: &str, text: String| std::fs::write(files.join(name), text).unwrap();
    write("a-full.md", synth::full_markdown(&issues[0], &[]));
    write(
        "b-repost.md",
        synth::stub_markdown(&issues[0], StubKind::TitleOnly),
    );
    write(
        "c-repost.md",
        synth::stub_markdown(&issues[1], StubKind::TitleOnly),
    );
    write(
        "d-wall.md",
        synth::stub_markdown(&issues[1], StubKind::AntiBotWall),
    );
    let db = dir.path().join("c.db");
    let out = zhoubao(
        &db,
        &["import".as_ref(), "--verbose".as_ref(), files.as_os_str()],
    );
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert_eq!(
        err,
        "4 files: 1 new, 0 updated, 0 unchanged, 1 stub merged, 2 without article text, \
         0 skipped, 0 failed\n\
         2 files held no article text (an empty page or a title-only repost): their issues \
         still have none; zhoubao update or zhoubao fetch URL brings a copy with text\n"
    );
    let verbose = String::from_utf8(out.stdout).unwrap();
    let words: Vec<&str> = verbose
        .lines()
        .filter_map(|l| l.split('\t').next())
        .collect();
    assert_eq!(words, ["new", "stub", "no text", "no text"], "{verbose}");

    let show = zhoubao(&db, &["show".as_ref(), "2025-2".as_ref()]);
    let text = String::from_utf8(show.stdout).unwrap();
    assert!(
        text.lines().nth(1).is_some_and(
            |l| l.starts_with("not cached: the 2 imported copies held no article text")
        ),
        "{text}"
    );
    // An issue known only from a reference was never imported.
    assert!(!text.contains("import the issue"), "{text}");
}

#[test]
fn the_archives_2026_files_all_held_no_article_text() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-2026");
    if !corpus.is_dir() {
        eprintln!("skipping: {} not present", corpus.display());
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao(&db, &["import".as_ref(), corpus.as_os_str()]);
    let err = stderr(&out);
    let files = std::fs::read_dir(&corpus).unwrap().count();
    assert!(
        err.starts_with(&format!(
            "{files} files: 0 new, 0 updated, 0 unchanged, 0 stubs merged, \
             {files} without article text, 0 skipped, 0 failed\n"
        )),
        "{err}"
    );
    let show = zhoubao(&db, &["show".as_ref(), "2026-36".as_ref()]);
    let text = String::from_utf8(show.stdout).unwrap();
    assert!(
        text.contains("the imported copy held no article text"),
        "{text}"
    );
}
