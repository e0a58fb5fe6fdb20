//! Commands asked to do nothing useful say so plainly, in the user's
//! language: `search ''` is refused, `recover` on a sound cache says it is
//! sound and writes nothing (unless `--to` asks for a copy), a file that cannot be read says why.

use std::path::Path;
use std::process::{Command, Output, Stdio};

fn run(lang: &str, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_zhoubao"))
        .env("ZHOUBAO_LANG", lang)
        .arg("--db")
        .arg(db)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("zhoubao runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A cache holding the fixture bulletin.
fn cache(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("cache.db");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/full.md");
    let o = run(
        "en",
        &db,
        &["import", fixture.to_str().expect("utf-8 path")],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    db
}

#[test]
fn an_empty_search_is_refused_in_both_languages() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = cache(dir.path());
    for (lang, query, said) in [
        (
            "zh",
            "",
            "zhoubao: 搜索词是空的：请给出要在标题和正文里查找的文字\n",
        ),
        (
            "en",
            "   ",
            "zhoubao: the search is empty: give the text to look for in titles and bodies\n",
        ),
    ] {
        let o = run(lang, &db, &["search", query]);
        assert!(!o.status.success());
        assert!(o.stdout.is_empty(), "nothing listed");
        assert_eq!(stderr(&o), said);
    }
}

#[test]
fn recover_on_a_sound_cache_says_so_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = cache(dir.path());
    let to = dir.path().join("cache.db.recovered");
    let shown = db.display().to_string();
    for (lang, said) in [
        (
            "zh",
            format!("{shown} 完好：检查没有发现损坏，无需恢复，什么也没有写\n"),
        ),
        (
            "en",
            format!(
                "{shown} is healthy: the check found no damage, so there is nothing to recover \
                 and nothing was written\n"
            ),
        ),
    ] {
        let o = run(lang, &db, &["recover"]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert_eq!(stderr(&o), said);
        assert!(!to.exists(), "no copy of a sound cache");
        let mut left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("the folder")
            .map(|e| e.expect("an entry").file_name())
            .collect();
        left.sort();
        assert_eq!(left, ["cache.db"], "nothing written beside it");
    }
}

#[test]
fn a_file_that_cannot_be_read_says_why_in_chinese() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = cache(dir.path());
    let missing = dir.path().join("没有这个文件.md");
    // Beside a good file, so the run goes on and words the one it missed.
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/full.md");
    let o = run(
        "zh",
        &db,
        &[
            "import",
            missing.to_str().expect("utf-8"),
            good.to_str().expect("utf-8"),
        ],
    );
    assert!(
        stderr(&o).contains(&format!("失败 {}：读取失败：不存在\n", missing.display())),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_mistyped_import_path_names_it_and_makes_no_cache() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("h.db");
    let missing = dir.path().join("x").join("nonexist");
    let typo = missing.to_str().expect("utf-8");
    for (lang, said) in [
        ("zh", format!("zhoubao: 没有可导入的文件：{typo} 不存在\n")),
        (
            "en",
            format!("zhoubao: nothing to import: {typo} does not exist\n"),
        ),
    ] {
        let o = run(lang, &db, &["import", typo]);
        assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
        assert_eq!(stderr(&o), said);
        assert!(!db.exists(), "no cache made for a mistyped path");
    }
    // With a good path beside it, the good one is imported and the cache made.
    let good = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/full.md");
    let o = run("en", &db, &["import", typo, good.to_str().expect("utf-8")]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the missing path is still a failure"
    );
    assert!(stderr(&o).contains(": 1 new,"), "{}", stderr(&o));
    assert!(db.exists());
}

#[test]
fn recover_to_a_copy_of_a_sound_cache_does_not_call_it_damaged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = cache(dir.path());
    for (lang, said) in [
        ("zh", "原缓存未作改动"),
        ("en", "the original cache was left unchanged"),
    ] {
        let to = dir.path().join(format!("copy-{lang}.db"));
        let o = run(lang, &db, &["recover", "--to", to.to_str().expect("utf-8")]);
        assert!(o.status.success(), "{}", stderr(&o));
        assert!(stderr(&o).contains(said), "{}", stderr(&o));
        assert!(!stderr(&o).contains("损坏"), "{}", stderr(&o));
        assert!(!stderr(&o).contains("damaged"), "{}", stderr(&o));
    }
}
