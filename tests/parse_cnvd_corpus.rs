//! Every full CNVD漏洞周报 of the real archive (`../shared/corpus-cnvd`,
//! when it is there) read exactly: each figure against the table
//! `fixtures/cnvd/expected.tsv`, computed from the raw files by plain
//! regular expressions independently of the parser (`expected.py`) and
//! checked by hand; an empty cell is a sentence the file lacks, which the
//! parser must leave unknown, never 0.

use std::path::{Path, PathBuf};

use zhoubao::model::{Bulletin, Completeness, SeriesId, Value};
use zhoubao::parse::parse;

fn corpus() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus-cnvd");
    dir.is_dir().then_some(dir)
}

struct Row {
    cells: Vec<(String, String)>,
}

impl Row {
    fn get(&self, column: &str) -> &str {
        self.cells
            .iter()
            .find(|(c, _)| c == column)
            .map(|(_, v)| v.as_str())
            .unwrap_or_else(|| panic!("no column {column}"))
    }
}

fn table() -> Vec<Row> {
    let text = include_str!("fixtures/cnvd/expected.tsv");
    let mut lines = text.lines();
    let header: Vec<String> = lines
        .next()
        .expect("a header")
        .split('\t')
        .map(String::from)
        .collect();
    lines
        .map(|l| Row {
            cells: header
                .iter()
                .cloned()
                .zip(l.split('\t').map(String::from))
                .collect(),
        })
        .collect()
}

/// The parser's figure `id` of `b`, as the exact value.
fn figure(b: &Bulletin, id: &str) -> Option<Value> {
    b.figures
        .get(SeriesId::CNVD.metric(id).expect("a figure of the series"))
}

#[test]
fn the_table_covers_every_full_report_of_the_archive() {
    let Some(dir) = corpus() else {
        eprintln!("../shared/corpus-cnvd is not there: nothing to check");
        return;
    };
    let rows = table();
    let mut full = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let b = parse(&std::fs::read(&path).unwrap()).expect("every file is a CNVD report");
        assert_eq!(b.key.series, SeriesId::CNVD, "{}", path.display());
        if b.completeness == Completeness::Full {
            full += 1;
            let name = path.file_name().unwrap().to_string_lossy();
            assert!(
                rows.iter().any(|r| r.get("file") == name),
                "{name} is not in the table"
            );
        }
    }
    assert_eq!(full, rows.len(), "as many full reports as table rows");
    assert_eq!(full, 45, "DOMAIN.md counts 45 with a body");
}

#[test]
fn every_full_report_gives_every_figure_exactly_and_null_where_the_sentence_is_absent() {
    let Some(dir) = corpus() else {
        return;
    };
    let declared: Vec<&str> = SeriesId::CNVD.figures().iter().map(|m| m.id()).collect();
    for row in table() {
        let name = row.get("file");
        let b = parse(&std::fs::read(dir.join(name)).unwrap()).unwrap();
        assert_eq!(b.key.to_string(), row.get("key"), "{name}");
        assert_eq!(
            b.assessment.map_or("", |a| a.chinese()),
            row.get("assessment"),
            "{name}"
        );
        let period = b
            .period
            .map_or(String::new(), |p| format!("{}~{}", p.start, p.end));
        assert_eq!(period, row.get("period"), "{name}: the title's year wins");
        assert_eq!(b.truncated.to_string(), row.get("truncated"), "{name}");
        let mut checked = 0;
        for id in &declared {
            let want = row.get(id);
            let want = (!want.is_empty()).then(|| Value::parse(want).expect("a number"));
            assert_eq!(figure(&b, id), want, "{name}: {id}");
            checked += 1;
        }
        assert_eq!(checked, declared.len());
        // The categories no figure declares, under their own names, and
        // nothing else besides the declared figures.
        let others: Vec<String> = b
            .figures
            .iter()
            .filter(|(m, _)| m.info().declared.is_none())
            .map(|(m, v)| format!("{}={v}", m.id().trim_start_matches("type:")))
            .collect();
        assert_eq!(others.join(";"), row.get("other_types"), "{name}");
    }
}

#[test]
fn the_table_was_checked_against_these_cells_by_hand() {
    // A few cells read off the files by eye when the table was made: the
    // table itself is under test here as much as the parser.
    let rows = table();
    let cell = |file: &str, column: &str| {
        rows.iter()
            .find(|r| r.get("file").starts_with(file))
            .map(|r| r.get(column).to_string())
            .unwrap_or_else(|| panic!("{file}"))
    };
    let week17 = "2024-05-01__国家互联网应急中心CNCERT_CNVD漏洞周报2024年第17期";
    assert_eq!(cell(week17, "vulns"), "623");
    assert_eq!(cell(week17, "avg_score"), "6.18");
    assert_eq!(cell(week17, "gov_vulns_last_week"), "19674");
    assert_eq!(cell(week17, "type_iot"), "81");
    assert_eq!(cell(week17, "period"), "2024-04-22~2024-04-28");
    let week43 = "2022-11-01__CNVD漏洞平台_CNVD漏洞周报2022年第43期";
    assert_eq!(cell(week43, "events_branches"), "816");
    assert_eq!(cell(week43, "ind_mobile"), "68");
    assert_eq!(cell(week43, "type_os"), "41");
    let week29 = "2024-07-23__CNVD漏洞平台_CNVD漏洞周报2024年第29期";
    assert_eq!(cell(week29, "other_types"), "车联网=1");
}
