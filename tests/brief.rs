//! `zhoubao brief`: from our own fixtures always, and from the real
//! archive when ../shared/corpus is beside the project (2025-7: 160
//! events, −497 against 2025-3, four weeks before, the other four figures
//! too, and CNVD漏洞周报's issue of the same week).

mod cli_fixture;

use std::path::{Path, PathBuf};

use cli_fixture::{stderr, stdout, zhoubao};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

#[test]
fn brief_defaults_to_the_newest_issue_with_text_and_carries_the_note() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao(
        &db,
        &[
            "import",
            "--quiet",
            fixtures().join("full.md").to_str().unwrap(),
            fixtures().join("cnvd/reports").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let noted = zhoubao(&db, &["note", "2023-20", "回落\x1b[2J明显"]);
    assert!(noted.status.success());

    let md = stdout(&zhoubao(&db, &["brief"]));
    assert!(
        md.starts_with("### 网络安全信息与动态周报2023年第20期"),
        "{md}"
    );
    assert!(md.lines().count() <= 30, "{md}");
    assert!(md.contains("\n- events handled **420**: "), "{md}");
    assert!(md.contains("\n**Analyst's note**\n> 回落明显\n"), "{md}");
    assert!(!md.contains('\x1b'));
    let text = stdout(&zhoubao(&db, &["brief", "2023-20", "--format", "text"]));
    assert!(text.contains("\n  events handled 420: "), "{text}");
    assert!(!text.contains("**"));

    // CNVD: its newest with text, 第42期; 第40、41期 before it.
    let cnvd = stdout(&zhoubao(
        &db,
        &["brief", "--series", "cnvd", "--format", "json"],
    ));
    let v: serde_json::Value = serde_json::from_str(&cnvd).unwrap();
    assert_eq!(v["key"], "cnvd:2024-42");
    assert_eq!(v["baseline"]["key"], "cnvd:2024-40");
    assert_eq!(v["figures"].as_array().unwrap().len(), 5);
    assert_eq!(v["note"], serde_json::Value::Null);

    let none = zhoubao(&db, &["brief", "2031-1"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stderr(&none).contains("2031-1 is not in the cache"));
    let empty = dir.path().join("empty.db");
    let cnvd_only = zhoubao(
        &empty,
        &[
            "import",
            "--quiet",
            fixtures().join("cnvd/reports").to_str().unwrap(),
        ],
    );
    assert!(cnvd_only.status.success());
    let nothing = zhoubao(&empty, &["brief"]);
    assert_eq!(nothing.status.code(), Some(1));
    assert!(
        stderr(&nothing).contains("no issue of cncert with text yet"),
        "{}",
        stderr(&nothing)
    );
}

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/corpus is not present");
        None
    }
}

#[test]
fn brief_2025_7_on_the_real_archive() {
    let Some(shared) = shared() else { return };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("real.db");
    let mut args = vec!["import".to_string(), "--quiet".to_string()];
    for part in ["corpus", "corpus-cnvd"] {
        if shared.join(part).is_dir() {
            args.push(shared.join(part).to_string_lossy().into_owned());
        }
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = zhoubao(&db, &args);
    assert!(out.status.success(), "{}", stderr(&out));

    let v: serde_json::Value = serde_json::from_str(&stdout(&zhoubao(
        &db,
        &["brief", "2025-7", "--format", "json"],
    )))
    .unwrap();
    assert_eq!(v["baseline"]["key"], "2025-3");
    assert_eq!(v["baseline"]["weeks_before"], 4);
    let figures = v["figures"].as_array().unwrap();
    let values: Vec<i64> = figures
        .iter()
        .map(|f| f["value"].as_i64().unwrap())
        .collect();
    assert_eq!(values, [160, 96, 87, 3, 3]);
    let events = &figures[0];
    assert_eq!(events["id"], "events_handled");
    assert_eq!(events["previous"]["key"], "2025-3");
    assert_eq!(events["previous"]["change"], -497);

    let md = stdout(&zhoubao(&db, &["brief", "2025-7"]));
    assert!(md.lines().count() <= 30, "{md}");
    assert!(
        md.contains("**Figures · vs 2025-3 (4 weeks before)**"),
        "{md}"
    );
    assert!(
        md.contains("\n- events handled **160**: −497 (−75.6%)"),
        "{md}"
    );
    for (label, value) in [
        ("cross-border", 96),
        ("phishing", 87),
        ("app platforms", 3),
        ("malicious URLs", 3),
    ] {
        assert!(
            md.contains(&format!("\n- {label} **{value}**: ")),
            "{label}: {md}"
        );
    }
    if shared.join("corpus-cnvd").is_dir() {
        // CNVD's 2025 第5期 covers two weeks: its 第6期 is this week.
        assert_eq!(v["same_week"]["key"], "cnvd:2025-6");
        assert!(md.contains("The same week's CNVD"), "{md}");
    }
}
