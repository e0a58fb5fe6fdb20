//! One language at a time on the command line: text output, summaries and
//! every error line (the cache's and the parser's included) in Chinese or
//! English, chosen by ZHOUBAO_LANG, else the locale, else Chinese.

mod cli_fixture;

use std::path::Path;
use std::process::Output;

use zhoubao::synth;

/// How the language is asked for.
#[derive(Clone, Copy, Debug)]
enum Asked {
    /// ZHOUBAO_LANG.
    Zhoubao(&'static str),
    /// LANG alone (LC_ALL and LC_MESSAGES unset).
    Locale(&'static str),
}

fn run(asked: Asked, db: &Path, args: &[&str]) -> Output {
    let mut cmd = cli_fixture::command();
    cmd.env_remove("ZHOUBAO_LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG");
    match asked {
        Asked::Zhoubao(v) => cmd.env("ZHOUBAO_LANG", v).env("LANG", "C"),
        Asked::Locale(v) => cmd.env("LANG", v),
    };
    cmd.arg("--db").arg(db).args(args).output().unwrap()
}

const EN: Asked = Asked::Zhoubao("en");
const ZH: Asked = Asked::Zhoubao("zh");
/// No preference at all: Chinese, the series' language.
const NONE: Asked = Asked::Locale("C");

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn out(o: &Output) -> String {
    assert!(o.status.success(), "{}", err(o));
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Three weeks in full plus a file that is no bulletin and one that is
/// binary; returns the input folder.
fn archive(dir: &Path) -> std::path::PathBuf {
    let input = dir.join("in");
    std::fs::create_dir(&input).unwrap();
    let series = synth::series(2024, 3, 5);
    for (i, issue) in series.iter().enumerate() {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        std::fs::write(input.join(issue.file_name()), text).unwrap();
    }
    std::fs::write(
        input.join("other.md"),
        "---\ntitle: 每周读书笔记\nsource: 某号\n---\n\n正文\n",
    )
    .unwrap();
    std::fs::write(input.join("image.md"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    input
}

#[test]
fn the_import_summary_and_its_reasons_are_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let input = archive(dir.path());
    let import = |asked, name: &str| {
        let o = run(
            asked,
            &dir.path().join(name),
            &["import", input.to_str().unwrap()],
        );
        assert_eq!(o.status.code(), Some(1), "one file failed");
        err(&o)
    };
    let en = import(EN, "en.db");
    assert!(en.contains("5 files: 3 new, 0 updated"), "{en}");
    assert!(
        en.contains(
            "other.md: not a bulletin of the series: article '每周读书笔记' by 某号 is not an issue of the series"
        ),
        "{en}"
    );
    assert!(
        en.contains("image.md: binary data, not a text file"),
        "{en}"
    );
    for (asked, name) in [(ZH, "zh.db"), (NONE, "none.db")] {
        let zh = import(asked, name);
        assert!(zh.contains("5 个文件：新增 3，更新 0"), "{asked:?}: {zh}");
        assert!(
            zh.contains(
                "other.md：不是本系列的周报：文章“每周读书笔记”（发布者：某号）不是本系列的一期"
            ),
            "{asked:?}: {zh}"
        );
        assert!(
            zh.contains("image.md：二进制数据，不是文本文件"),
            "{asked:?}: {zh}"
        );
        assert!(!zh.contains("files") && !zh.contains("failed"), "{zh}");
    }
}

#[test]
fn list_show_and_search_speak_the_chosen_language_and_keep_the_content() {
    let dir = tempfile::tempdir().unwrap();
    let input = archive(dir.path());
    let db = dir.path().join("c.db");
    run(EN, &db, &["import", input.to_str().unwrap()]);

    let en = out(&run(EN, &db, &["list"]));
    assert!(en.starts_with("ISSUE    PERIOD"), "{en}");
    assert!(en.contains(" unread "), "{en}");
    let zh = out(&run(NONE, &db, &["list"]));
    assert!(zh.starts_with("期号     周期"), "{zh}");
    assert!(zh.contains(" 未读 "), "{zh}");
    // The titles are the bulletins' own, in both.
    for text in [&en, &zh] {
        assert!(text.contains("网络安全信息与动态周报2024年第3期"), "{text}");
    }

    let en = out(&run(EN, &db, &["show", "2024-3"]));
    assert!(en.contains("\nperiod:     2024-"), "{en}");
    assert!(en.contains("\n  events handled "), "{en}");
    assert!(en.contains("vs 2024-2 ("), "{en}");
    let zh = out(&run(ZH, &db, &["show", "2024-3"]));
    assert!(zh.contains("\n周期：2024-"), "{zh}");
    assert!(
        zh.contains("\n本周数据（与 4 周内有该项数据的上一期相比）："),
        "{zh}"
    );
    assert!(zh.contains("\n  处理事件 "), "{zh}");
    assert!(
        zh.contains("，较 2024-2（") && zh.contains("），上一周"),
        "{zh}"
    );
    assert!(!zh.contains(" vs ") && !zh.contains("weeks"), "{zh}");

    let miss = run(EN, &db, &["search", "没有的词"]);
    assert_eq!(
        err(&miss),
        "zhoubao: no issue's title or body contains \"没有的词\"\n"
    );
    let miss = run(NONE, &db, &["search", "没有的词"]);
    assert_eq!(err(&miss), "zhoubao: 没有标题或正文包含“没有的词”的一期\n");
    assert_eq!(miss.status.code(), Some(1));

    let reindex = run(ZH, &db, &["reindex"]);
    assert_eq!(
        err(&reindex),
        "已从存储的 3 个文件重新导出 3 期\n",
        "the two files that failed or were skipped are not stored"
    );

    let to = dir.path().join("new.db");
    let recover = run(NONE, &db, &["recover", "--to", to.to_str().unwrap()]);
    assert!(recover.status.success(), "{}", err(&recover));
    let said = err(&recover);
    assert!(
        said.starts_with(&format!(
            "已把 3 个存储文件中的 3 个保存到 {}：3 期，0 个已读标记\n",
            to.display()
        )),
        "{said}"
    );
    assert!(said.contains("原缓存未作改动"), "{said}");
    let again = run(EN, &db, &["recover", "--to", to.to_str().unwrap()]);
    assert_eq!(
        err(&again),
        format!(
            "zhoubao: {}: already exists; recover never overwrites a file: pass --to NEW, or move it away\n",
            to.display()
        )
    );
}

#[test]
fn cache_errors_are_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("typo.db");
    let shown = missing.display();
    let o = run(EN, &missing, &["list"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        err(&o),
        format!(
            "zhoubao: no cache at {shown} yet; run `zhoubao import PATH...` first (or `zhoubao --demo`)\n"
        )
    );
    let o = run(NONE, &missing, &["list"]);
    assert_eq!(
        err(&o),
        format!(
            "zhoubao: {shown} 处还没有缓存；请先运行 `zhoubao import 路径...`（或试试 `zhoubao --demo`）\n"
        )
    );
    let o = run(NONE, &missing, &["reindex"]);
    assert_eq!(
        err(&o),
        format!("zhoubao: {shown} 处没有缓存；请先导入周报\n")
    );

    // A folder as --db.
    let folder = dir.path();
    let o = run(ZH, folder, &["show", "2024-1"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err(&o).starts_with(&format!(
            "zhoubao: {} 是文件夹，不是缓存文件",
            folder.display()
        )),
        "{}",
        err(&o)
    );
    // Another program's database.
    let foreign = dir.path().join("other.sqlite");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let o = run(ZH, &foreign, &["import", dir.path().to_str().unwrap()]);
    assert!(err(&o).contains("不是 zhoubao 的缓存"), "{}", err(&o));
    let o = run(EN, &foreign, &["list"]);
    assert!(err(&o).contains("not a zhoubao cache"), "{}", err(&o));
}

#[test]
fn command_line_errors_are_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let demo = |asked| {
        let o = run(asked, &db, &["--demo", "reindex"]);
        assert_eq!(o.status.code(), Some(1));
        err(&o)
    };
    assert!(demo(EN).starts_with("zhoubao: --demo browses the built-in corpus"));
    assert!(demo(NONE).starts_with("zhoubao: --demo 只浏览内置的示例周报"));

    let o = run(ZH, &db, &["--demo", "show", "1999-1"]);
    assert_eq!(
        err(&o),
        "zhoubao: 缓存里没有 1999-1（没有文件或引用提到这一期）\n"
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let o = run(ZH, &db, &["import", empty.to_str().unwrap()]);
    assert!(
        err(&o).starts_with("zhoubao: 没有可导入的文件："),
        "{}",
        err(&o)
    );
    let o = run(EN, &db, &["import", empty.to_str().unwrap()]);
    assert!(
        err(&o).starts_with("zhoubao: nothing to import: "),
        "{}",
        err(&o)
    );
}

#[test]
fn usage_errors_are_in_chinese_in_a_chinese_session_and_claps_english_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let o = run(ZH, &db, &["shwo"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    assert_eq!(
        err(&o),
        "zhoubao: 没有 shwo 这个命令，是不是 show？\n\n用法：zhoubao [OPTIONS] [COMMAND]\n\n\
         zhoubao --help 列出全部命令和选项（说明为英文）。\n"
    );
    let o = run(NONE, &db, &["list", "--series", "cnvdx"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).starts_with(
            "zhoubao: --series <SERIES> 的值 “cnvdx” 不对：应为 cncert、cnvd 或 all\n"
        ),
        "{}",
        err(&o)
    );
    let o = run(EN, &db, &["shwo"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).starts_with("error: unrecognized subcommand 'shwo'"),
        "{}",
        err(&o)
    );
    // Help is no error: clap prints it, on stdout, in either session.
    let o = run(ZH, &db, &["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(out(&o).contains("Usage: zhoubao"));
}

#[test]
fn the_locale_decides_when_zhoubao_lang_is_not_set() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("none.db");
    let line = |asked| err(&run(asked, &missing, &["list"]));
    assert!(line(Asked::Locale("en_US.UTF-8")).contains("no cache at"));
    assert!(
        line(Asked::Locale("de_DE.UTF-8")).contains("no cache at"),
        "another language: English"
    );
    assert!(line(Asked::Locale("zh_CN.UTF-8")).contains("处还没有缓存"));
    assert!(line(Asked::Locale("POSIX")).contains("处还没有缓存"));
    // ZHOUBAO_LANG wins over the locale.
    let mut cmd = cli_fixture::command();
    let o = cmd
        .env("ZHOUBAO_LANG", "zh")
        .env("LC_ALL", "en_US.UTF-8")
        .arg("--db")
        .arg(&missing)
        .arg("list")
        .output()
        .unwrap();
    assert!(err(&o).contains("处还没有缓存"), "{}", err(&o));
}

#[test]
fn a_system_error_behind_a_command_is_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let files = archive(dir.path());
    // One of the archive's files is not a bulletin: import exits 1.
    run(EN, &db, &["import", files.to_str().unwrap()]);
    let target = dir.path().join("no-such-folder").join("out.csv");
    let target_arg = target.to_str().unwrap();
    let o = run(ZH, &db, &["export", "--output", target_arg]);
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("：不存在"), "{}", err(&o));
    assert!(!err(&o).contains("os error"), "{}", err(&o));
    let o = run(EN, &db, &["export", "--output", target_arg]);
    assert!(
        err(&o).ends_with(": no such file or directory\n"),
        "{}",
        err(&o)
    );
}
