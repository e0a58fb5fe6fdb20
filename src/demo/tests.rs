//! Tests of the embedded demo corpus: present, complete, in sync with its plan.

use std::fs;
use std::path::Path;

use super::*;

fn fig(id: &str) -> crate::model::Metric {
    crate::model::SeriesId::CNCERT.figure(id)
}

#[test]
fn embeds_every_markdown_file_of_assets_demo() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    let on_disk = fs::read_dir(&dir)
        .expect("assets/demo exists")
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .count();
    assert!(!files().is_empty());
    assert_eq!(files().len(), on_disk);
    assert!(files().iter().all(|(name, _)| name.ends_with(".md")));
}

#[test]
fn embedded_files_are_sorted_by_name() {
    assert!(files().windows(2).all(|w| w[0].0 < w[1].0));
}

#[test]
fn embedded_corpus_matches_what_the_plan_generates() {
    let generated = plan::all_files();
    let names: Vec<&str> = generated.iter().map(|f| f.0.as_str()).collect();
    let embedded: Vec<&str> = files().iter().map(|(name, _)| *name).collect();
    assert_eq!(
        names, embedded,
        "run `cargo run --example gen_demo` to refresh assets/demo"
    );
    for ((name, markdown), (_, bytes)) in generated.iter().zip(files()) {
        assert_eq!(markdown.as_bytes(), *bytes, "{name} is stale");
    }
}

#[test]
fn plan_has_gaps_stubs_a_wall_and_one_week_without_mobile_figures() {
    let generated = plan::generate();
    let series = plan::demo_series();
    let with_file = |key| generated.iter().any(|f| f.issue.key == key);
    assert!(series.iter().any(|i| !with_file(i.key)), "no gap");
    assert!(generated
        .iter()
        .any(|f| !f.full && f.markdown.contains("环境异常")));
    let full: Vec<_> = generated.iter().filter(|f| f.full).collect();
    assert!(full.len() >= 50);
    let without_mobile = full
        .iter()
        .filter(|f| f.issue.figures.count(fig("malicious_urls")).is_none())
        .count();
    assert_eq!(without_mobile, 1);
    assert!(full.iter().any(|f| f.issue.crosses_year()));
}

#[test]
fn every_embedded_file_parses_to_its_planned_issue() {
    let generated = plan::generate();
    let cnvd = plan::generate_cnvd();
    for (name, bytes) in files() {
        if let Some(planned) = cnvd.iter().find(|f| f.name == *name) {
            let b = crate::parse::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(b.key, planned.issue.key, "{name}");
            assert_eq!(b.last_number, planned.issue.last_number, "{name}");
            if planned.full {
                assert_eq!(b.figures, planned.issue.figures, "{name}");
                assert_eq!(b.period, Some(planned.issue.period), "{name}");
            } else {
                assert!(b.figures.is_empty(), "{name}");
            }
            continue;
        }
        let planned = generated
            .iter()
            .find(|f| f.name == *name)
            .unwrap_or_else(|| panic!("{name} is not in the plan"));
        let bulletin = crate::parse::parse(bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(bulletin.key, planned.issue.key, "{name}");
        assert_eq!(bulletin.period, Some(planned.issue.period), "{name}");
        if planned.full {
            assert_eq!(
                bulletin.completeness,
                crate::model::Completeness::Full,
                "{name}"
            );
            assert_eq!(bulletin.figures, planned.issue.figures, "{name}");
            assert_eq!(bulletin.recent.len(), crate::synth::RECENT_LINES, "{name}");
        } else {
            assert_eq!(
                bulletin.completeness,
                crate::model::Completeness::Stub,
                "{name}"
            );
            assert!(bulletin.figures.is_empty(), "{name}");
        }
    }
}

#[test]
fn the_demo_has_both_series_and_the_second_one_a_double_issue_a_gap_and_a_cut_report() {
    let cnvd = plan::generate_cnvd();
    assert!(cnvd.iter().filter(|f| f.full).count() >= 50);
    assert!(cnvd.iter().any(|f| f.issue.last_number == Some(41)));
    assert!(cnvd.iter().any(|f| f.full && f.issue.truncated));
    assert!(cnvd.iter().any(|f| !f.full));
    assert!(!cnvd
        .iter()
        .any(|f| (f.issue.key.year, f.issue.key.number) == (2025, 5)));
    let mut store = crate::store::Store::open_in_memory().unwrap();
    for (name, bytes) in files() {
        crate::import::import_bytes(&mut store, name, bytes);
    }
    let rows = store.summaries().unwrap();
    let of = |s| rows.iter().filter(|r| r.key.series == s).count();
    assert!(of(crate::model::SeriesId::CNCERT) > 60);
    assert!(of(crate::model::SeriesId::CNVD) > 55);
}
