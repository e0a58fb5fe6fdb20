//! The non-interactive commands as a user runs them: import, list, show,
//! export and search, and what reaches stdout when bulletins are hostile.

mod cli_fixture;

use std::path::Path;

use cli_fixture::{stdout, zhoubao};
use zhoubao::synth;

/// Six weeks of generated bulletins, the newest one's 近期回顾 pointing at
/// five earlier ones, of which the oldest file is left out.
fn small_archive(dir: &Path) {
    let series = synth::series(2024, 6, 42);
    for (i, issue) in series.iter().enumerate().skip(1) {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        std::fs::write(dir.join(issue.file_name()), text).unwrap();
    }
}

#[test]
fn import_then_list_show_export_and_search() {
    let input = tempfile::tempdir().unwrap();
    small_archive(input.path());
    let cache = tempfile::tempdir().unwrap();
    let db = cache.path().join("c.db");

    let out = zhoubao(&db, &["import", input.path().to_str().unwrap()]);
    assert!(out.status.success());
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("5 files: 5 new"), "{summary}");

    let list = stdout(&zhoubao(&db, &["list"]));
    assert_eq!(
        list.lines().count(),
        1 + 6,
        "header + 5 cached + 1 referenced: {list}"
    );
    assert!(
        list.lines().nth(1).unwrap().starts_with("2024-6 "),
        "newest first"
    );
    assert!(
        list.lines().last().unwrap().contains("not cached"),
        "{list}"
    );

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["list", "--json"]))).unwrap();
    assert_eq!(json.as_array().unwrap().len(), 6);

    let show: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["show", "2024-6", "--json"]))).unwrap();
    let recent = show["recent"].as_array().unwrap();
    assert_eq!(recent.len(), 5);
    assert_eq!(recent[0]["key"], "2024-5");
    assert_eq!(recent[4]["cached"], false, "2024-1 was left out");

    let csv = stdout(&zhoubao(&db, &["export", "--format", "csv"]));
    let header = csv.lines().next().unwrap();
    assert_eq!(
        header,
        "year,number,period_start,period_end,published,assessment,events_handled,cross_border,phishing_complaints,malicious_app_platforms,malicious_urls,cached,title,url,\
         series,numbers,infected_hosts,defaced_sites,backdoored_sites,phishing_pages,cnvd_vulns,\
         flagged,note",
        "the columns of earlier versions first, in their places; the reader's marks last"
    );
    assert_eq!(csv.lines().count(), 7);
    let oldest = csv.lines().last().unwrap();
    assert!(
        oldest.starts_with("2024,1,") && oldest.contains(",,,,,,,false,"),
        "{oldest}"
    );

    let export: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["export", "--format", "json"]))).unwrap();
    assert_eq!(export[0]["recent"].as_array().unwrap().len(), 5);

    let hits = stdout(&zhoubao(&db, &["search", "第3期"]));
    assert!(hits.starts_with("2024-3 "), "{hits}");
    let none = zhoubao(&db, &["show", "1999-1"]);
    assert!(!none.status.success());
    assert!(String::from_utf8_lossy(&none.stderr).contains("1999-1"));
}

#[test]
fn show_compares_each_figure_with_earlier_weeks_in_text_and_json() {
    let input = tempfile::tempdir().unwrap();
    small_archive(input.path());
    let cache = tempfile::tempdir().unwrap();
    let db = cache.path().join("c.db");
    assert!(zhoubao(&db, &["import", input.path().to_str().unwrap()])
        .status
        .success());
    let list: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["list", "--json"]))).unwrap();
    let events = |k: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|s| s["key"] == k)
            .and_then(|s| s["events_handled"].as_i64())
            .unwrap()
    };
    let (now, before) = (events("2024-6"), events("2024-5"));

    let show: serde_json::Value =
        serde_json::from_str(&stdout(&zhoubao(&db, &["show", "2024-6", "--json"]))).unwrap();
    let c = &show["comparisons"]["events_handled"];
    assert_eq!(c["value"], now);
    assert_eq!(c["previous"]["key"], "2024-5");
    assert_eq!(c["previous"]["adjacent"], true);
    assert_eq!(c["previous"]["change"], now - before);
    // 2024-2 … 2024-5 are the four weeks before; all are in the archive.
    assert_eq!(c["mean"]["weeks_known"], 4);
    assert_eq!(c["rank"]["of"], 5, "2024-1 was left out");
    assert_eq!(c["year_earlier"]["key"], "2023-6");
    assert!(c["year_earlier"]["value"].is_null());
    for m in [
        "events_handled",
        "cross_border",
        "phishing_complaints",
        "malicious_app_platforms",
        "malicious_urls",
    ] {
        assert!(show["comparisons"][m].is_object(), "{m}");
    }

    let text = stdout(&zhoubao(&db, &["show", "2024-6"]));
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("events handled"))
        .unwrap_or("");
    let change = now - before;
    let sign = if change < 0 {
        format!("−{}", change.unsigned_abs())
    } else if change > 0 {
        format!("+{change}")
    } else {
        "±0".to_string()
    };
    assert!(line.contains(&format!("{now}  {sign}")), "{text}");
    assert!(
        line.ends_with(&format!("vs 2024-5 ({before}), the week before")),
        "{line}"
    );
    assert!(
        text.contains("vs the mean of the 4 weeks before, "),
        "{text}"
    );
    assert!(text.contains("a year earlier, 2023-6: not known"), "{text}");

    // The oldest issue the archive holds has nothing before it.
    let first = stdout(&zhoubao(&db, &["show", "2024-2"]));
    assert!(
        first.contains("no earlier issue has this figure"),
        "{first}"
    );
    assert!(first.contains("the only known week in 52"), "{first}");
}

#[test]
fn a_failing_file_is_named_and_the_rest_still_import() {
    let input = tempfile::tempdir().unwrap();
    small_archive(input.path());
    std::fs::write(
        input.path().join("garbage.md"),
        [0u8, 159, 146, 150, 0, 1, 2],
    )
    .unwrap();
    let cache = tempfile::tempdir().unwrap();
    let db = cache.path().join("c.db");
    let out = zhoubao(&db, &["import", input.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("garbage.md"), "{err}");
    assert!(err.contains("5 new") && err.contains("1 failed"), "{err}");
    assert_eq!(stdout(&zhoubao(&db, &["list"])).lines().count(), 7);
}

const HOSTILE: &str =
    "\u{1b}[2J\u{1b}]0;owned\u{7}\u{1b}]52;c;cm0gLXJmIH4=\u{1b}\\\u{9b}31m\u{85}\u{202e}";

/// Characters that draw as nothing or as a glyph no one agreed on.
const INVISIBLE: [char; 8] = [
    '\u{115F}', '\u{1160}', '\u{3164}', '\u{FFA0}', '\u{2800}', '\u{E000}', '\u{FFFE}', '\u{FFFF}',
];

#[test]
fn escape_sequences_in_bulletins_never_reach_stdout() {
    let series = synth::series(2024, 3, 9);
    let mut text = synth::full_markdown(&series[2], &synth::recent_for(&series, 2));
    let invisible: String = INVISIBLE.iter().collect();
    text = text.replacen("title: ", &format!("title: {invisible}"), 1);
    text = text.replacen("source: ", &format!("source: {HOSTILE}"), 1);
    text = text.replacen(
        "本周网络安全基本态势\n\n",
        &format!("本周网络安全基本态势\n\n恶意段落{HOSTILE}结束\n\n"),
        1,
    );
    text = text.replacen("●[", &format!("●[{HOSTILE}"), 1);
    let input = tempfile::tempdir().unwrap();
    std::fs::write(input.path().join("hostile.md"), text).unwrap();
    let cache = tempfile::tempdir().unwrap();
    let db = cache.path().join("c.db");
    assert!(zhoubao(&db, &["import", input.path().to_str().unwrap()])
        .status
        .success());

    let key = series[2].key.to_string();
    for args in [
        vec!["list"],
        vec!["list", "--json"],
        vec!["show", &key],
        vec!["show", &key, "--json"],
        vec!["export", "--format", "csv"],
        vec!["export", "--format", "json"],
        vec!["search", "恶意段落"],
        vec!["search", "恶意段落", "--json"],
    ] {
        let out = zhoubao(&db, &args);
        let bytes = &out.stdout;
        assert!(out.status.success(), "{args:?}");
        assert!(!bytes.contains(&0x1b), "ESC in {args:?}");
        assert!(!bytes.contains(&0x07), "BEL in {args:?}");
        let s = String::from_utf8_lossy(bytes);
        for c in ['\u{9b}', '\u{85}', '\u{202e}'].iter().chain(&INVISIBLE) {
            assert!(!s.contains(*c), "{c:?} in {args:?}");
        }
        assert!(
            !s.contains("owned") && !s.contains("cm0gLXJmIH4="),
            "payload in {args:?}"
        );
    }
    let shown = stdout(&zhoubao(&db, &["show", &key]));
    assert!(
        shown
            .lines()
            .any(|l| l.contains("恶意段落") && l.contains("结束")),
        "the text around the sequence stays: {shown}"
    );
}
