//! The real archive in ../shared: every file is read, 34 issues carry their
//! figures, 107 issues are known in all, and each figure, period and
//! 近期回顾 reference is as the text says. Skipped (with a message) when
//! ../shared/corpus is not beside the project.

mod cli_fixture;

use std::path::{Path, PathBuf};

use zhoubao::i18n::Lang;
use zhoubao::import::import_paths;
use zhoubao::model::IssueKey;
use zhoubao::store::Store;

fn shared() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("corpus").is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: ../shared/corpus is not present");
        None
    }
}

type Ref = (i32, u32, bool);
type Row = (i32, u32, [&'static str; 2], [Option<i64>; 5], [Ref; 5]);

/// Read off the text of each full bulletin by an independent script: year,
/// number, period, the five figures (None where the clause is absent) and
/// each 近期回顾 line's issue and whether it carries a link.
const EXPECTED: &[Row] = &[
    (
        2022,
        41,
        ["2022-10-03", "2022-10-09"],
        [Some(443), Some(304), Some(365), Some(20), Some(60)],
        [
            (2022, 40, true),
            (2022, 39, true),
            (2022, 38, true),
            (2022, 37, true),
            (2022, 36, true),
        ],
    ),
    (
        2022,
        47,
        ["2022-11-14", "2022-11-20"],
        [Some(1129), Some(226), Some(856), Some(138), Some(550)],
        [
            (2022, 46, true),
            (2022, 45, true),
            (2022, 44, true),
            (2022, 43, true),
            (2022, 42, true),
        ],
    ),
    (
        2022,
        52,
        ["2022-12-19", "2022-12-25"],
        [Some(289), Some(101), Some(177), Some(68), Some(1548)],
        [
            (2022, 51, true),
            (2022, 50, true),
            (2022, 49, true),
            (2022, 48, true),
            (2022, 47, true),
        ],
    ),
    (
        2023,
        3,
        ["2023-01-09", "2023-01-15"],
        [Some(704), Some(426), Some(558), Some(41), Some(184)],
        [
            (2023, 2, true),
            (2023, 1, true),
            (2022, 52, true),
            (2022, 51, true),
            (2022, 50, true),
        ],
    ),
    (
        2023,
        7,
        ["2023-02-06", "2023-02-12"],
        [Some(2410), Some(1560), Some(2155), Some(44), Some(47)],
        [
            (2023, 6, true),
            (2023, 5, true),
            (2023, 4, true),
            (2023, 3, true),
            (2023, 2, true),
        ],
    ),
    (
        2023,
        9,
        ["2023-02-20", "2023-02-26"],
        [Some(1777), Some(1182), Some(1530), Some(61), Some(69)],
        [
            (2023, 8, true),
            (2023, 7, true),
            (2023, 6, true),
            (2023, 5, true),
            (2023, 4, true),
        ],
    ),
    (
        2023,
        10,
        ["2023-02-27", "2023-03-05"],
        [Some(1761), Some(1397), Some(1516), Some(43), Some(67)],
        [
            (2023, 9, true),
            (2023, 8, true),
            (2023, 7, true),
            (2023, 6, true),
            (2023, 5, true),
        ],
    ),
    (
        2023,
        13,
        ["2023-03-20", "2023-03-26"],
        [Some(682), Some(436), Some(410), Some(26), Some(49)],
        [
            (2023, 12, true),
            (2023, 11, true),
            (2023, 10, true),
            (2023, 9, true),
            (2023, 8, true),
        ],
    ),
    (
        2024,
        9,
        ["2024-02-26", "2024-03-03"],
        [Some(103), Some(37), Some(74), Some(2), Some(2)],
        [
            (2024, 8, true),
            (2024, 7, true),
            (2024, 6, true),
            (2024, 5, true),
            (2024, 4, true),
        ],
    ),
    (
        2024,
        17,
        ["2024-04-22", "2024-04-27"],
        [Some(381), Some(149), Some(332), Some(5), Some(5)],
        [
            (2024, 16, true),
            (2024, 15, true),
            (2024, 14, true),
            (2024, 13, true),
            (2024, 12, true),
        ],
    ),
    (
        2024,
        18,
        ["2024-04-29", "2024-05-05"],
        [Some(276), Some(132), Some(215), Some(5), Some(7)],
        [
            (2024, 17, true),
            (2024, 16, true),
            (2024, 15, true),
            (2024, 14, true),
            (2024, 13, true),
        ],
    ),
    (
        2024,
        19,
        ["2024-05-06", "2024-05-12"],
        [Some(495), Some(155), Some(461), Some(12), Some(13)],
        [
            (2024, 18, true),
            (2024, 17, true),
            (2024, 16, true),
            (2024, 15, true),
            (2024, 14, true),
        ],
    ),
    (
        2024,
        27,
        ["2024-07-01", "2024-07-07"],
        [Some(495), Some(228), Some(454), Some(11), Some(12)],
        [
            (2024, 26, true),
            (2024, 25, true),
            (2024, 24, true),
            (2024, 23, true),
            (2024, 22, true),
        ],
    ),
    (
        2024,
        28,
        ["2024-07-08", "2024-07-14"],
        [Some(239), Some(86), Some(212), Some(10), Some(15)],
        [
            (2024, 27, true),
            (2024, 26, true),
            (2024, 25, true),
            (2024, 24, true),
            (2024, 23, true),
        ],
    ),
    (
        2024,
        29,
        ["2024-07-15", "2024-07-21"],
        [Some(177), Some(51), Some(152), Some(42), Some(80)],
        [
            (2024, 28, true),
            (2024, 27, true),
            (2024, 26, true),
            (2024, 25, true),
            (2024, 24, true),
        ],
    ),
    (
        2024,
        31,
        ["2024-07-29", "2024-08-04"],
        [Some(192), Some(88), Some(160), Some(38), Some(64)],
        [
            (2024, 30, true),
            (2024, 29, true),
            (2024, 28, true),
            (2024, 27, true),
            (2024, 26, true),
        ],
    ),
    (
        2024,
        33,
        ["2024-08-12", "2024-08-18"],
        [Some(415), Some(186), Some(385), Some(24), Some(60)],
        [
            (2024, 32, true),
            (2024, 31, true),
            (2024, 30, true),
            (2024, 29, true),
            (2024, 28, true),
        ],
    ),
    (
        2024,
        34,
        ["2024-08-19", "2024-08-25"],
        [Some(224), Some(97), Some(208), Some(24), Some(50)],
        [
            (2024, 33, true),
            (2024, 32, true),
            (2024, 31, true),
            (2024, 30, true),
            (2024, 29, true),
        ],
    ),
    (
        2024,
        35,
        ["2024-08-26", "2024-09-01"],
        [Some(285), Some(117), Some(236), Some(12), Some(20)],
        [
            (2024, 34, false),
            (2024, 33, false),
            (2024, 32, true),
            (2024, 31, true),
            (2024, 30, false),
        ],
    ),
    (
        2024,
        36,
        ["2024-09-02", "2024-09-08"],
        [Some(763), Some(98), Some(747), Some(7), Some(12)],
        [
            (2024, 35, true),
            (2024, 34, true),
            (2024, 33, true),
            (2024, 32, true),
            (2024, 31, true),
        ],
    ),
    (
        2024,
        37,
        ["2024-09-09", "2024-09-15"],
        [Some(187), Some(85), Some(156), Some(5), Some(5)],
        [
            (2024, 36, true),
            (2024, 35, true),
            (2024, 34, true),
            (2024, 33, true),
            (2024, 32, true),
        ],
    ),
    (
        2024,
        39,
        ["2024-09-23", "2024-09-29"],
        [Some(742), Some(618), Some(677), Some(7), Some(7)],
        [
            (2024, 38, true),
            (2024, 37, true),
            (2024, 36, true),
            (2024, 35, true),
            (2024, 34, true),
        ],
    ),
    (
        2024,
        40,
        ["2024-09-30", "2024-10-06"],
        [Some(73), Some(14), Some(70), None, None],
        [
            (2024, 39, true),
            (2024, 38, true),
            (2024, 37, true),
            (2024, 36, true),
            (2024, 35, true),
        ],
    ),
    (
        2024,
        41,
        ["2024-10-07", "2024-10-13"],
        [Some(271), Some(198), Some(204), Some(15), Some(15)],
        [
            (2024, 40, true),
            (2024, 39, true),
            (2024, 38, true),
            (2024, 37, true),
            (2024, 36, true),
        ],
    ),
    (
        2024,
        42,
        ["2024-10-14", "2024-10-20"],
        [Some(263), Some(146), Some(166), Some(7), Some(9)],
        [
            (2024, 41, true),
            (2024, 40, true),
            (2024, 39, true),
            (2024, 38, true),
            (2024, 37, true),
        ],
    ),
    (
        2024,
        43,
        ["2024-10-21", "2024-10-27"],
        [Some(295), Some(140), Some(253), Some(16), Some(18)],
        [
            (2024, 42, true),
            (2024, 41, true),
            (2024, 40, true),
            (2024, 39, true),
            (2024, 38, true),
        ],
    ),
    (
        2024,
        44,
        ["2024-10-28", "2024-11-03"],
        [Some(169), Some(89), Some(124), Some(11), Some(16)],
        [
            (2024, 43, true),
            (2024, 42, true),
            (2024, 41, true),
            (2024, 40, true),
            (2024, 39, true),
        ],
    ),
    (
        2024,
        45,
        ["2024-11-04", "2024-11-10"],
        [Some(345), Some(255), Some(299), Some(4), Some(6)],
        [
            (2024, 44, true),
            (2024, 43, true),
            (2024, 42, true),
            (2024, 41, true),
            (2024, 40, true),
        ],
    ),
    (
        2024,
        46,
        ["2024-11-11", "2024-11-17"],
        [Some(811), Some(675), Some(763), Some(10), Some(14)],
        [
            (2024, 45, true),
            (2024, 44, true),
            (2024, 43, true),
            (2024, 42, true),
            (2024, 41, true),
        ],
    ),
    (
        2024,
        47,
        ["2024-11-18", "2024-11-24"],
        [Some(191), Some(141), Some(154), Some(7), Some(10)],
        [
            (2024, 46, true),
            (2024, 45, true),
            (2024, 44, true),
            (2024, 43, true),
            (2024, 42, true),
        ],
    ),
    (
        2024,
        51,
        ["2024-12-16", "2024-12-22"],
        [Some(476), Some(335), Some(296), Some(7), Some(9)],
        [
            (2024, 50, true),
            (2024, 49, true),
            (2024, 48, true),
            (2024, 47, true),
            (2024, 46, true),
        ],
    ),
    (
        2025,
        1,
        ["2024-12-30", "2025-01-05"],
        [Some(67), Some(28), Some(38), Some(12), Some(14)],
        [
            (2024, 52, true),
            (2024, 51, true),
            (2024, 50, true),
            (2024, 49, true),
            (2024, 48, true),
        ],
    ),
    (
        2025,
        3,
        ["2025-01-13", "2025-01-19"],
        [Some(657), Some(337), Some(640), Some(8), Some(9)],
        [
            (2025, 2, true),
            (2025, 1, true),
            (2024, 52, true),
            (2024, 51, true),
            (2024, 50, true),
        ],
    ),
    (
        2025,
        7,
        ["2025-02-10", "2025-02-16"],
        [Some(160), Some(96), Some(87), Some(3), Some(3)],
        [
            (2025, 6, true),
            (2025, 5, true),
            (2025, 4, true),
            (2025, 3, true),
            (2025, 2, true),
        ],
    ),
];

#[test]
fn the_real_archive_imports_with_every_figure_period_and_reference() {
    let Some(shared) = shared() else { return };
    let mut store = Store::open_in_memory().unwrap();
    let summary = import_paths(
        &mut store,
        &[shared.join("corpus"), shared.join("seeds")],
        false,
    );
    assert!(summary.failed.is_empty(), "failed: {:?}", summary.failed);
    assert_eq!(summary.files(), 117, "{summary}");
    assert_eq!(
        summary.skipped.len(),
        1,
        "only the unnumbered article: {summary}"
    );
    assert!(!summary.skipped[0].1.text(Lang::En).is_empty());

    let list = store.summaries().unwrap();
    assert_eq!(list.len(), 107, "issues known in all");
    let with_figures: Vec<_> = list.iter().filter(|s| !s.figures.is_empty()).collect();
    assert_eq!(with_figures.len(), 34);
    assert_eq!(list.iter().filter(|s| s.cached).count(), 34);
    assert_eq!(list.first().map(|s| s.key), Some(IssueKey::new(2025, 43)));
    assert_eq!(list.last().map(|s| s.key), Some(IssueKey::new(2022, 36)));

    for (year, number, period, figures, refs) in EXPECTED {
        let key = IssueKey::new(*year, *number);
        let d = store
            .detail(key)
            .unwrap()
            .unwrap_or_else(|| panic!("{key} missing"));
        let s = &d.summary;
        assert!(s.cached, "{key}");
        let p = s.period.unwrap_or_else(|| panic!("{key} has no period"));
        assert_eq!(
            [p.start.to_string(), p.end.to_string()],
            period.map(String::from),
            "{key}"
        );
        let got: Vec<_> = zhoubao::model::SeriesId::CNCERT
            .headline()
            .iter()
            .map(|m| s.figures.count(*m))
            .collect();
        assert_eq!(got, figures.to_vec(), "{key} figures");
        let got_refs: Vec<Ref> = d
            .recent
            .iter()
            .map(|r| {
                let k = r.key.unwrap_or_else(|| panic!("{key}: ref without key"));
                (k.year, k.number, r.url.is_some())
            })
            .collect();
        assert_eq!(got_refs, refs.to_vec(), "{key} 近期回顾");
        assert!(!d.body.is_empty(), "{key} body");
    }
}

#[test]
fn reimporting_the_archive_changes_nothing() {
    let Some(shared) = shared() else { return };
    let mut store = Store::open_in_memory().unwrap();
    let paths = [shared.join("corpus"), shared.join("seeds")];
    import_paths(&mut store, &paths, false);
    let before = store.summaries().unwrap();
    let again = import_paths(&mut store, &paths, false);
    assert_eq!(again.new + again.updated + again.stubs, 0, "{again}");
    assert_eq!(store.summaries().unwrap(), before);
}

#[test]
fn the_later_crawl_adds_stubs_only() {
    let Some(shared) = shared() else { return };
    let mut store = Store::open_in_memory().unwrap();
    import_paths(
        &mut store,
        &[shared.join("corpus"), shared.join("seeds")],
        false,
    );
    let later = import_paths(&mut store, &[shared.join("corpus-2026")], false);
    assert!(later.failed.is_empty(), "{later}");
    // Issue 15: the later crawl's files held no article text, for issues
    // no copy has text for: said as such, not as stubs merged.
    assert_eq!((later.stubs, later.empty), (0, 33), "{later}");
    let list = store.summaries().unwrap();
    assert_eq!(list.len(), 140);
    assert_eq!(list.iter().filter(|s| s.cached).count(), 34);
}

#[test]
fn saved_wechat_pages_that_are_not_bulletins_are_skipped_with_a_reason() {
    let Some(shared) = shared() else { return };
    let mut store = Store::open_in_memory().unwrap();
    let summary = import_paths(&mut store, &[shared.join("wechat-pages")], false);
    assert!(summary.failed.is_empty(), "{summary}");
    let pages = summary
        .skipped
        .iter()
        .filter(|(p, _)| p.extension().is_some_and(|e| e == "html"));
    assert_eq!(pages.clone().count(), 10, "{summary}");
    for (path, why) in pages {
        assert!(!why.text(Lang::En).trim().is_empty(), "{}", path.display());
    }
    assert!(store.summaries().unwrap().is_empty());
}

/// The whole archive imported into a cache file, as a user would.
fn archive_cache(shared: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("archive.db");
    let mut store = Store::open(&db).unwrap();
    let summary = import_paths(
        &mut store,
        &[
            shared.join("corpus"),
            shared.join("corpus-2026"),
            shared.join("seeds"),
        ],
        false,
    );
    assert!(summary.failed.is_empty(), "{summary}");
    (dir, db)
}

fn zhoubao(db: &Path, args: &[&str]) -> String {
    cli_fixture::stdout(&cli_fixture::zhoubao(db, args))
}

#[test]
fn show_2025_7_compares_with_2025_3_across_the_weeks_the_archive_lacks() {
    let Some(shared) = shared() else { return };
    let (_dir, db) = archive_cache(&shared);
    // 2025-4 … 2025-6 are not in the archive: 2025-3 is the last earlier
    // issue with figures, four weeks before, and is named.
    let text = zhoubao(&db, &["show", "2025-7"]);
    let events = text
        .lines()
        .find(|l| l.trim_start().starts_with("events handled"))
        .unwrap_or("");
    assert!(
        events.contains("160  −497 (−75.6%) vs 2025-3 (657), 4 weeks before"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&zhoubao(&db, &["show", "2025-7", "--json"])).unwrap();
    let c = &json["comparisons"]["events_handled"];
    assert_eq!(c["value"], 160);
    assert_eq!(c["previous"]["key"], "2025-3");
    assert_eq!(c["previous"]["value"], 657);
    assert_eq!(c["previous"]["change"], -497);
    assert_eq!(c["previous"]["weeks_before"], 4);
    assert_eq!(c["previous"]["adjacent"], false);
    assert_eq!(c["mean"]["weeks_known"], 1);
    assert_eq!(c["year_earlier"]["key"], "2024-7");
    assert!(c["year_earlier"]["value"].is_null());
}
