//! `export -o FILE` writes where a shell's `> FILE` would: into a FIFO or
//! a device as it is, through a symlink to its target, keeping an existing
//! file's mode, at any valid name length; and a regular file is still
//! replaced whole or not at all. `--bom` starts a CSV with the UTF-8 BOM
//! Excel needs. Everything happens in a scratch folder.

mod cli_fixture;

use std::io::Read;
use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

use cli_fixture::{listing, stderr, stdout, zhoubao};
use zhoubao::synth;

/// A cache of three issues in `dir`.
fn cache(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    let series = synth::series(2024, 3, 3);
    for (i, issue) in series.iter().enumerate() {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        std::fs::write(input.join(issue.file_name()), text).unwrap();
    }
    let db = dir.join("c.db");
    let out = zhoubao(&db, &["import", "--quiet", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

fn export_to(db: &Path, target: &Path) -> std::process::Output {
    zhoubao(db, &["export", "-o", target.to_str().unwrap()])
}

#[test]
fn a_fifo_is_written_into_and_stays_a_fifo() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    let fifo = out_dir.join("pipe");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("mkfifo not available: skipping");
        return;
    }
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut text = String::new();
            std::fs::File::open(fifo)
                .unwrap()
                .read_to_string(&mut text)
                .unwrap();
            text
        })
    };
    let out = export_to(&db, &fifo);
    assert!(out.status.success(), "{}", stderr(&out));
    // Checked before waiting for the reader, which a replaced FIFO leaves
    // waiting for ever.
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(kind.is_fifo(), "still a FIFO: {kind:?}");
    let read = reader.join().unwrap();
    assert_eq!(read, stdout(&zhoubao(&db, &["export"])));
    assert_eq!(listing(&out_dir), ["pipe"], "nothing beside it");
}

#[test]
fn a_character_device_is_written_into_not_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // The null device's numbers, on a node in the scratch folder.
    let null = out_dir.join("null");
    let made = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .output();
    if !made.is_ok_and(|o| o.status.success()) {
        eprintln!("cannot make a device node here: skipping");
        return;
    }
    let out = export_to(&db, &null);
    assert!(out.status.success(), "{}", stderr(&out));
    let kind = std::fs::symlink_metadata(&null).unwrap().file_type();
    assert!(kind.is_char_device(), "still a device: {kind:?}");
    assert_eq!(listing(&out_dir), ["null"], "nothing beside it");
}

#[test]
fn a_symlink_is_followed_to_its_target_and_left_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path());
    let real_dir = dir.path().join("real");
    let link_dir = dir.path().join("links");
    std::fs::create_dir(&real_dir).unwrap();
    std::fs::create_dir(&link_dir).unwrap();
    let target = real_dir.join("issues.csv");
    std::fs::write(&target, "old").unwrap();
    let link = link_dir.join("issues.csv");
    // Relative, as `ln -s ../real/issues.csv` makes it.
    std::os::unix::fs::symlink("../real/issues.csv", &link).unwrap();
    let out = export_to(&db, &link);
    assert!(out.status.success(), "{}", stderr(&out));
    let expected = stdout(&zhoubao(&db, &["export"]));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), expected);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(listing(&link_dir), ["issues.csv"]);
    assert_eq!(listing(&real_dir), ["issues.csv"]);

    // A link to a file not there yet creates the file it names.
    let dangling = link_dir.join("new.csv");
    std::os::unix::fs::symlink("../real/new.csv", &dangling).unwrap();
    let out = export_to(&db, &dangling);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(real_dir.join("new.csv")).unwrap(),
        expected
    );
    assert!(std::fs::symlink_metadata(&dangling)
        .unwrap()
        .file_type()
        .is_symlink());
}

#[test]
fn an_existing_files_mode_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path());
    let file = dir.path().join("private.csv");
    std::fs::write(&file, "old").unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let out = export_to(&db, &file);
    assert!(out.status.success(), "{}", stderr(&out));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600, "{mode:o}");
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        stdout(&zhoubao(&db, &["export"]))
    );
}

#[test]
fn a_name_near_the_longest_the_file_system_allows_works() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path());
    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    // 255 bytes is NAME_MAX on Linux file systems: 250 + ".csv" fits, and
    // so does a Chinese name of 83 three-byte characters + ".csv".
    for name in ["a".repeat(250) + ".csv", "周".repeat(83) + ".csv"] {
        let file = out_dir.join(&name);
        let out = export_to(&db, &file);
        assert!(
            out.status.success(),
            "{} bytes: {}",
            name.len(),
            stderr(&out)
        );
        assert!(file.exists());
    }
    assert_eq!(listing(&out_dir).len(), 2, "no temporary file left");
}

#[test]
fn the_current_folder_as_target_is_said_to_be_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path());
    let work = dir.path().join("work");
    std::fs::create_dir(&work).unwrap();
    let out = cli_fixture::command()
        .current_dir(&work)
        .arg("--db")
        .arg(&db)
        .args(["export", "-o", "."])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stderr(&out), "zhoubao: writing .: it is a folder\n");
    assert!(listing(&work).is_empty(), "nothing left behind");
}

#[test]
fn csv_with_bom_starts_with_the_utf8_byte_order_mark_for_excel() {
    let dir = tempfile::tempdir().unwrap();
    let db = cache(dir.path());
    let plain = zhoubao(&db, &["export"]).stdout;
    assert!(!plain.starts_with(b"\xEF\xBB\xBF"), "no BOM unless asked");
    let with_bom = zhoubao(&db, &["export", "--format", "csv", "--bom"]);
    assert!(with_bom.status.success(), "{}", stderr(&with_bom));
    assert_eq!(
        with_bom.stdout,
        [b"\xEF\xBB\xBF".as_slice(), &plain].concat()
    );
    let file = dir.path().join("excel.csv");
    let out = zhoubao(&db, &["export", "--bom", "-o", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(std::fs::read(&file).unwrap(), with_bom.stdout);
    // JSON has no BOM (RFC 8259 forbids one): refused, not ignored.
    let json = zhoubao(&db, &["export", "--format", "json", "--bom"]);
    assert_eq!(json.status.code(), Some(2), "{}", stderr(&json));
    assert!(stderr(&json).contains("--bom"), "{}", stderr(&json));
    assert!(json.stdout.is_empty());
}
