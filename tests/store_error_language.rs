//! The cache's refusals to create a file read in the language asked for,
//! the reason included: no English left inside a Chinese message.

use zhoubao::i18n::{Lang, Localized};
use zhoubao::store::Store;

#[test]
fn a_cache_in_a_missing_folder_is_refused_in_chinese_with_its_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let missing = dir.path().join("没有的文件夹");
    let err = Store::create_or_open(&missing.join("cache.db"))
        .err()
        .expect("refused");
    let zh = err.message().text(Lang::Zh).into_owned();
    let folder = missing.display().to_string();
    assert!(
        zh.ends_with(&format!("：无法创建缓存（所在的文件夹 {folder} 不存在）")),
        "{zh}"
    );
    let en = err.message().text(Lang::En).into_owned();
    assert!(
        en.ends_with(&format!(
            ": cannot create the cache (its folder {folder} does not exist)"
        )),
        "{en}"
    );
}

#[test]
fn a_cache_under_a_file_is_refused_in_chinese_with_the_systems_reason() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("plain.txt");
    std::fs::write(&file, "x").expect("a file");
    let err = Store::create_or_open(&file.join("cache.db"))
        .err()
        .expect("refused");
    let zh = err.message().text(Lang::Zh).into_owned();
    assert!(
        zh.ends_with("：无法读取缓存（路径中有一段不是文件夹）"),
        "{zh}"
    );
}

#[test]
fn a_file_that_is_not_a_cache_is_refused_in_chinese_without_sqlites_english() {
    let dir = tempfile::tempdir().expect("temp dir");
    let junk = dir.path().join("junk.db");
    let text = "这不是数据库，只是一段足够长的文字。".repeat(200);
    std::fs::write(&junk, &text).expect("a file");
    let err = Store::open_existing(&junk).err().expect("refused");
    let zh = err.message().text(Lang::Zh).into_owned();
    assert!(
        zh.ends_with(&format!(
            "{}：不是数据库或已损坏；文件未作改动",
            junk.display()
        )),
        "{zh}"
    );
    assert!(!zh.contains("file is not a database"), "{zh}");
    let en = err.message().text(Lang::En).into_owned();
    assert!(en.contains("not a database or corrupt"), "{en}");
    assert_eq!(std::fs::read_to_string(&junk).expect("kept"), text);
}
