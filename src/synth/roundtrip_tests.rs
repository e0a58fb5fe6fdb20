//! Generator against parser: whatever synth writes, `parse` must read back
//! as the issue it was written from (key, period, figures, identity, refs).

use proptest::prelude::*;

use super::*;

fn fig(id: &str) -> crate::model::Metric {
    crate::model::SeriesId::CNCERT.figure(id)
}
use crate::model::{Bulletin, Completeness, SourceFormat};
use crate::parse::parse;

fn parse_str(md: &str) -> Bulletin {
    match parse(md.as_bytes()) {
        Ok(b) => b,
        Err(e) => panic!("generated bulletin did not parse: {e}\n{md}"),
    }
}

fn assert_full_round_trip(issue: &SynthIssue, recent: &[&SynthIssue]) {
    let md = full_markdown(issue, recent);
    let b = parse_str(&md);
    let at = issue.title();
    assert_eq!(b.format, SourceFormat::Markdown, "{at}");
    assert_eq!(b.completeness, Completeness::Full, "{at}");
    assert_eq!(b.key, issue.key, "{at}");
    assert_eq!(b.title, at);
    assert_eq!(b.period, Some(issue.period), "{at}");
    assert_eq!(b.published, Some(issue.published), "{at}");
    assert_eq!(b.source.as_deref(), Some(ORIGINAL_SOURCE), "{at}");
    assert_eq!(b.article.as_ref(), Some(&issue.article), "{at}");
    assert_eq!(b.assessment, Some(issue.assessment), "{at}");
    assert_eq!(b.figures, issue.figures, "{at}");
    assert_eq!(b.images, issue.charts, "{at}");
    assert_eq!(b.recent.len(), recent.len(), "{at}");
    for (got, want) in b.recent.iter().zip(recent) {
        assert_eq!(got.key, Some(want.key), "{at}");
        assert_eq!(got.title, want.ref_title(), "{at}");
        assert_eq!(got.period, Some(want.period), "{at}");
        assert_eq!(got.url.as_deref(), Some(want.ref_url().as_str()), "{at}");
    }
}

#[test]
fn full_bulletins_of_several_years_parse_back_to_the_generated_issue() {
    for seed in 0..4u64 {
        let issues = series(2019 + seed as i32, 120, seed);
        for index in 0..issues.len() {
            assert_full_round_trip(&issues[index], &recent_for(&issues, index));
        }
    }
}

#[test]
fn year_crossing_week_parses_the_same_in_both_spellings() {
    let mut issue = series_from(IssueKey::new(2025, 1), 1, 17).remove(0);
    for explicit in [false, true] {
        issue.explicit_years = explicit;
        assert_full_round_trip(&issue, &[]);
    }
}

#[test]
fn semicolon_separated_clauses_and_missing_mobile_clause_parse_back() {
    let mut issue = series(2024, 1, 23).remove(0);
    issue.semicolons = true;
    assert_full_round_trip(&issue, &[]);
    issue.figures.set(fig("malicious_app_platforms"), None);
    issue.figures.set(fig("malicious_urls"), None);
    assert_full_round_trip(&issue, &[]);
}

#[test]
fn stubs_parse_as_stubs_of_the_issue_without_figures() {
    let issues = series(2024, 60, 29);
    for issue in &issues {
        for kind in [StubKind::TitleOnly, StubKind::AntiBotWall] {
            let b = parse_str(&stub_markdown(issue, kind));
            assert_eq!(b.completeness, Completeness::Stub, "{}", issue.title());
            assert_eq!(b.key, issue.key);
            assert_eq!(b.period, Some(issue.period));
            assert_eq!(b.source.as_deref(), Some(REPOST_SOURCE));
            assert_eq!(b.article, Some(issue.repost_article()));
            assert!(b.figures.is_empty(), "{} {:?}", issue.title(), b.figures);
            assert!(b.recent.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_seed_and_start_round_trips(seed in any::<u64>(), year in 2000i32..2090, number in 1u32..=52, index in 0usize..12) {
        let issues = series_from(IssueKey::new(year, number), 12, seed);
        prop_assume!(index < issues.len());
        assert_full_round_trip(&issues[index], &recent_for(&issues, index));
    }
}
