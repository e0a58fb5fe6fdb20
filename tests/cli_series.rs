//! The second series on the command line, from our own CNVD漏洞周报
//! fixtures (`fixtures/cnvd/reports`: 第39期 with a year typo in its
//! period line, the double issue 第40、41期 cut short by the archive,
//! 第42期 and a title-only repost of it): keys with their series, list,
//! show, export and search by series, what a report says of last week.

mod cli_fixture;

use std::path::{Path, PathBuf};

use cli_fixture::{stdout, zhoubao};

fn reports() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cnvd/reports")
}

fn cache() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao(&db, &["import", reports().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("4 files: 3 new"), "{summary}");
    assert!(
        summary.contains("1 stub"),
        "the repost is a stub: {summary}"
    );
    (dir, db)
}

fn json(db: &Path, args: &[&str]) -> serde_json::Value {
    serde_json::from_str(&stdout(&zhoubao(db, args))).unwrap()
}

#[test]
fn list_takes_a_series_and_defaults_to_the_first() {
    let (_dir, db) = cache();
    let first = stdout(&zhoubao(&db, &["list"]));
    assert_eq!(
        first.lines().count(),
        1,
        "a header, no 网络安全信息与动态周报: {first}"
    );
    assert!(first.contains("EVENTS"), "{first}");
    let cnvd = stdout(&zhoubao(&db, &["list", "--series", "cnvd"]));
    let keys: Vec<&str> = cnvd
        .lines()
        .skip(1)
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(keys, ["cnvd:2024-42", "cnvd:2024-40/41", "cnvd:2024-39"]);
    let header = cnvd.lines().next().unwrap();
    for column in ["VULNS", "HIGH", "SCORE", "0DAY", "GOV"] {
        assert!(header.contains(column), "{header}");
    }
    assert!(
        cnvd.contains(" 6.60 "),
        "a score keeps its two decimals: {cnvd}"
    );
    let all = stdout(&zhoubao(&db, &["list", "--series", "all"]));
    assert_eq!(all, cnvd, "only this series has issues");
    let bad = zhoubao(&db, &["list", "--series", "nvd"]);
    assert!(!bad.status.success());
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("cncert, cnvd or all"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

#[test]
fn both_numbers_of_a_double_issue_reach_it_and_its_row_carries_both() {
    let (_dir, db) = cache();
    for key in ["cnvd:2024-40", "cnvd:2024-41"] {
        let show = stdout(&zhoubao(&db, &["show", key]));
        assert!(
            show.starts_with("cnvd:2024-40/41  CNVD漏洞周报2024年第40、41期\n"),
            "{key}: {show}"
        );
        assert!(show.contains("period:     2024-09-30~2024-10-13"), "{show}");
    }
    let export = json(&db, &["export", "--series", "cnvd", "--format", "json"]);
    let double = export
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["number"] == 40)
        .unwrap();
    assert_eq!(double["numbers"], serde_json::json!([40, 41]));
    assert_eq!(double["series"], "cnvd");
    assert_eq!(double["avg_score"], serde_json::json!(6.18));
    assert_eq!(double["type:车联网"], 2, "a category no figure declares");
    assert_eq!(double["events_superior"], serde_json::Value::Null, "not 0");
    assert_eq!(double["events_telecom"], 0, "a stated 0 is a 0");
    let csv = stdout(&zhoubao(&db, &["export", "--series", "cnvd"]));
    let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
    let row = csv.lines().find(|l| l.starts_with("2024,40,")).unwrap();
    let cells: Vec<&str> = row.split(',').collect();
    let at = |name: &str| header.iter().position(|c| *c == name).unwrap();
    assert_eq!(cells[at("numbers")], "40;41");
    assert_eq!(cells[at("avg_score")], "6.18");
    assert_eq!(cells[at("events_superior")], "");
    // The week after compares with it as the week before: no gap.
    let show = json(&db, &["show", "cnvd:2024-42", "--json"]);
    let previous = &show["comparisons"]["vulns"]["previous"];
    assert_eq!(previous["key"], "cnvd:2024-40");
    assert_eq!(previous["weeks_before"], 1);
}

#[test]
fn a_body_the_archive_cut_short_says_so() {
    let (_dir, db) = cache();
    let show = stdout(&zhoubao(&db, &["show", "cnvd:2024-40"]));
    assert!(
        show.contains("https://www.cnvd.org.cn/flaw/show/CNVD-20...\n... (the archive cut"),
        "{show}"
    );
    let whole = stdout(&zhoubao(&db, &["show", "cnvd:2024-42"]));
    assert!(!whole.contains("the archive cut"), "{whole}");
    assert_eq!(
        json(&db, &["show", "cnvd:2024-40", "--json"])["truncated"],
        true
    );
}

#[test]
fn what_a_report_says_of_last_week_is_kept_and_shown_beside_that_weeks_own() {
    let (_dir, db) = cache();
    // 第42期 says last week had 5000; 第40、41期 itself says 4800.
    let show = stdout(&zhoubao(&db, &["show", "cnvd:2024-42"]));
    assert!(
        show.contains("−2300 (−47.9%) vs cnvd:2024-40 (4800), the week before"),
        "its own figure wins: {show}"
    );
    assert!(
        show.contains("this issue says 5000 of cnvd:2024-40, which says 4800 of itself"),
        "{show}"
    );
    // 第39期 says 2800 of 第38期, which the cache does not hold.
    let c = json(&db, &["show", "cnvd:2024-39", "--json"]);
    let previous = &c["comparisons"]["gov_vulns"]["previous"];
    assert_eq!(previous["key"], "cnvd:2024-38");
    assert_eq!(previous["value"], 2800);
    assert_eq!(previous["stated_by_this_issue"], true);
    let text = stdout(&zhoubao(&db, &["show", "cnvd:2024-39"]));
    assert!(
        text.contains(
            "+400 (+14.3%) vs cnvd:2024-38 (2800, as this issue states), the week before"
        ),
        "{text}"
    );
}

#[test]
fn the_title_s_year_wins_over_a_typo_in_the_period_line() {
    let (_dir, db) = cache();
    let list = json(&db, &["list", "--series", "cnvd", "--json"]);
    let w39 = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == "cnvd:2024-39")
        .unwrap();
    // The line says 2024年09月23日-2023年09月29日.
    assert_eq!(w39["period_start"], "2024-09-23");
    assert_eq!(w39["period_end"], "2024-09-29");
}

#[test]
fn search_finds_a_cnvd_id_in_every_series_unless_told_one() {
    let (_dir, db) = cache();
    let hits = stdout(&zhoubao(&db, &["search", "CNVD-2024-40001"]));
    assert!(hits.starts_with("cnvd:2024-40 "), "{hits}");
    let none = zhoubao(&db, &["search", "--series", "cncert", "CNVD-2024-40001"]);
    assert_eq!(none.status.code(), Some(1));
    let json = json(
        &db,
        &["search", "--series", "cnvd", "--json", "CNVD-2024-42001"],
    );
    assert_eq!(json[0]["key"], "cnvd:2024-42");
    assert_eq!(json[0]["series"], "cnvd");
}

#[test]
fn keys_name_their_series_and_an_unknown_one_is_refused_with_the_form() {
    let (_dir, db) = cache();
    let reposts = stdout(&zhoubao(&db, &["show", "cnvd:2024-42"]));
    assert!(
        reposts.contains(
            "国家互联网应急中心CNCERT  https://mp.weixin.qq.com/s?__biz=Q05DRVJUVEVTVA=="
        ),
        "the repost is an alias: {reposts}"
    );
    let absent = zhoubao(&db, &["show", "2024-42"]);
    assert!(
        !absent.status.success(),
        "2024-42 is 网络安全信息与动态周报's"
    );
    let bad = zhoubao(&db, &["show", "nvd:2024-42"]);
    assert!(!bad.status.success());
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("[SERIES:]YEAR-NUMBER"), "{err}");
    // --open takes the same keys (the TUI honours them).
    let open = zhoubao(&db, &["--open", "cnvd:2024-41", "list", "--series", "cnvd"]);
    assert!(open.status.success());
}

#[test]
fn since_with_another_series_key_says_which_series_it_means() {
    let (_dir, db) = cache();
    let o = zhoubao(&db, &["list", "--since", "cnvd:2024-40"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(o.stdout.is_empty());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("--since cnvd:2024-40") && err.contains("--series cnvd"),
        "{err}"
    );
    // With its series, the key is a week like any other.
    let o = zhoubao(
        &db,
        &["list", "--series", "cnvd", "--since", "cnvd:2024-40"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let rows = String::from_utf8_lossy(&o.stdout).lines().count();
    assert_eq!(rows, 3, "a header, cnvd:2024-42 and cnvd:2024-40/41");
}
