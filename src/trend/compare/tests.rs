//! The comparisons of compare.rs against hand-made weeks: gaps, means,
//! the new year, 53rd weeks, ranks and ties, and what an issue states of
//! the week before.

use super::*;
use crate::model::{IssueSummary, SeriesId};

fn key(y: i32, n: u32) -> IssueKey {
    IssueKey::new(y, n)
}

fn m(id: &str) -> Metric {
    crate::model::SeriesId::CNCERT.metric(id).unwrap()
}

fn v(n: i64) -> Value {
    Value::count(n)
}

/// An issue with only 处理事件 (`events`) and 恶意URL (`urls`) known.
fn issue(y: i32, n: u32, events: Option<i64>, urls: Option<i64>) -> IssueSummary {
    let mut figures = Figures::default();
    figures.set_count(m("events_handled"), events);
    figures.set_count(m("malicious_urls"), urls);
    IssueSummary::with_figures(key(y, n), figures)
}

fn events(y: i32, n: u32, v: i64) -> IssueSummary {
    issue(y, n, Some(v), None)
}

/// Compares the series' own issue `(y, n)`.
fn compare_in(series: &[IssueSummary], y: i32, n: u32) -> IssueComparisons {
    let s = WeekSeries::build(series);
    let figures = series
        .iter()
        .find(|i| i.key == key(y, n))
        .map(|i| i.figures.clone())
        .unwrap_or_default();
    IssueComparisons::compute(&s, key(y, n), &figures)
}

fn ev(c: &IssueComparisons) -> MetricComparison {
    *c.get(m("events_handled")).unwrap()
}

#[test]
fn a_missing_adjacent_week_compares_with_the_last_known_and_names_how_far() {
    // 2025-4 … 2025-6 unknown, as in the real archive.
    let c = ev(&compare_in(
        &[events(2025, 3, 657), events(2025, 7, 160)],
        2025,
        7,
    ));
    let p = c.previous.unwrap();
    assert_eq!(
        (p.key, p.value, p.change),
        (key(2025, 3), v(657), Some(v(-497)))
    );
    assert_eq!(p.weeks_before, 4);
    assert!(!p.adjacent());
    assert!((p.percent.unwrap() - (-75.647)).abs() < 0.001);
    assert_eq!(p.direction(), Direction::Fall);
}

#[test]
fn the_previous_comparison_skips_weeks_that_lack_the_figure() {
    // 2024-40 has no 恶意URL clause: 2024-41 compares it with 2024-39.
    let c = compare_in(
        &[
            issue(2024, 39, Some(742), Some(7)),
            issue(2024, 40, Some(73), None),
            issue(2024, 41, Some(271), Some(15)),
        ],
        2024,
        41,
    );
    assert_eq!(ev(&c).previous.unwrap().key, key(2024, 40));
    let urls = c.get(m("malicious_urls")).unwrap().previous.unwrap();
    assert_eq!(
        (urls.key, urls.change, urls.weeks_before),
        (key(2024, 39), Some(v(8)), 2)
    );
    assert_eq!(c.main_previous(), Some((key(2024, 40), 1)));
}

#[test]
fn the_mean_uses_the_known_weeks_of_the_four_and_counts_them() {
    let c = ev(&compare_in(
        &[
            events(2024, 10, 1000), // five weeks before: outside the mean
            events(2024, 12, 100),
            events(2024, 14, 300),
            events(2024, 15, 250),
        ],
        2024,
        15,
    ));
    let m = c.mean.unwrap();
    assert_eq!(m.weeks_known, 2);
    assert_eq!(m.mean, 200.0);
    assert_eq!(m.difference, 50.0);
    assert_eq!(m.percent, Some(25.0));
    assert_eq!(m.direction(), Direction::Rise);

    let four = ev(&compare_in(
        &[
            events(2024, 1, 10),
            events(2024, 2, 20),
            events(2024, 3, 30),
            events(2024, 4, 41),
            events(2024, 5, 20),
        ],
        2024,
        5,
    ));
    let m = four.mean.unwrap();
    assert_eq!((m.weeks_known, m.mean), (4, 25.25));
}

#[test]
fn no_known_week_among_the_four_gives_no_mean() {
    let c = ev(&compare_in(
        &[events(2024, 10, 5), events(2024, 15, 6)],
        2024,
        15,
    ));
    assert!(c.mean.is_none());
    // Five weeks back: beyond the gap, kept apart (item 11 of issue 18).
    assert_eq!(c.previous, None);
    assert_eq!(c.last_known.unwrap().key, key(2024, 10));
}

#[test]
fn weeks_run_on_across_the_new_year() {
    let c = ev(&compare_in(
        &[
            events(2024, 50, 400),
            events(2024, 51, 476),
            events(2024, 52, 300),
            events(2025, 1, 67),
        ],
        2025,
        1,
    ));
    let p = c.previous.unwrap();
    assert_eq!((p.key, p.weeks_before), (key(2024, 52), 1));
    assert!(p.adjacent());
    let m = c.mean.unwrap();
    assert_eq!(m.weeks_known, 3);
    assert_eq!(m.mean, (400.0 + 476.0 + 300.0) / 3.0);
    assert_eq!(c.year_earlier_key, Some(key(2024, 1)));
}

#[test]
fn a_53rd_week_is_adjacent_to_the_next_years_first_and_has_no_year_earlier() {
    let series = [
        events(2023, 1, 704),
        events(2023, 52, 90),
        events(2023, 53, 80),
        events(2024, 1, 120),
    ];
    let first = ev(&compare_in(&series, 2024, 1));
    let p = first.previous.unwrap();
    assert_eq!((p.key, p.weeks_before), (key(2023, 53), 1));
    // 2024-1's year-earlier is 2023-1, 53 weeks before it.
    let y = first.year_earlier.unwrap();
    assert_eq!((y.key, y.value, y.weeks_before), (key(2023, 1), v(704), 53));
    assert_eq!(y.change, Some(v(120 - 704)));

    let last = ev(&compare_in(&series, 2023, 53));
    assert_eq!(last.previous.unwrap().key, key(2023, 52));
    assert_eq!(last.year_earlier_key, None);
    assert_eq!(last.year_earlier, None);
}

#[test]
fn a_year_earlier_week_the_cache_does_not_know_is_named_but_absent() {
    let c = ev(&compare_in(&[events(2025, 7, 160)], 2025, 7));
    assert_eq!(c.year_earlier_key, Some(key(2024, 7)));
    assert_eq!(c.year_earlier, None);
}

#[test]
fn a_zero_previous_value_gives_a_change_but_no_percentage() {
    let c = ev(&compare_in(
        &[events(2024, 1, 0), events(2024, 2, 5)],
        2024,
        2,
    ));
    let p = c.previous.unwrap();
    assert_eq!((p.change, p.percent), (Some(v(5)), None));
    assert_eq!(p.direction(), Direction::Rise);
    assert_eq!(c.mean.unwrap().percent, None);

    let flat = ev(&compare_in(
        &[events(2024, 1, 0), events(2024, 2, 0)],
        2024,
        2,
    ));
    let p = flat.previous.unwrap();
    assert_eq!(
        (p.change, p.percent, p.direction()),
        (Some(v(0)), None, Direction::Flat)
    );
}

#[test]
fn rank_counts_from_the_nearer_end_among_the_known_weeks_of_52() {
    let mut series: Vec<IssueSummary> = (1..=52).map(|n| events(2024, n, i64::from(n))).collect();
    let top = ev(&compare_in(&series, 2024, 52)).rank.unwrap();
    assert_eq!((top.position, top.of, top.end), (1, 52, End::Highest));
    assert!(top.complete() && !top.joint());

    // 2025-3: the window is 2024-4 … 2025-3, so 2024-1 … 2024-3 drop out.
    series.push(events(2025, 3, 3));
    let low = ev(&compare_in(&series, 2025, 3)).rank.unwrap();
    assert_eq!((low.position, low.of, low.end), (1, 50, End::Lowest));
    assert!(!low.complete());

    let sparse = [
        events(2024, 10, 5),
        events(2024, 11, 1),
        events(2024, 12, 9),
        events(2024, 13, 7),
        events(2024, 14, 2),
    ];
    let third = ev(&compare_in(&sparse, 2024, 14)).rank.unwrap();
    assert_eq!((third.position, third.of, third.end), (2, 5, End::Lowest));
    // The window holds no week before 2024-10: it is the only one.
    let only = ev(&compare_in(&sparse, 2024, 10)).rank.unwrap();
    assert_eq!((only.position, only.of, only.end), (1, 1, End::Highest));
}

#[test]
fn equal_values_share_a_rank() {
    let series = [
        events(2024, 1, 9),
        events(2024, 2, 9),
        events(2024, 3, 4),
        events(2024, 4, 9),
    ];
    let r = ev(&compare_in(&series, 2024, 4)).rank.unwrap();
    assert_eq!((r.position, r.of, r.end, r.tied), (1, 4, End::Highest, 3));
    assert!(r.joint() && !r.all_equal());

    let same = [events(2024, 1, 3), events(2024, 2, 3), events(2024, 3, 3)];
    let r = ev(&compare_in(&same, 2024, 3)).rank.unwrap();
    assert!(r.all_equal());

    // 8 8 5 5 5 1: a 5 is joint 2nd lowest (1 below it), not 3rd.
    let tied_middle = [
        events(2024, 1, 8),
        events(2024, 2, 8),
        events(2024, 3, 5),
        events(2024, 4, 5),
        events(2024, 5, 1),
        events(2024, 6, 5),
    ];
    let r = ev(&compare_in(&tied_middle, 2024, 6)).rank.unwrap();
    assert_eq!((r.position, r.end, r.tied), (2, End::Lowest, 3));
}

#[test]
fn the_first_issue_ever_has_nothing_to_compare_but_its_own_rank() {
    let c = ev(&compare_in(&[events(2022, 41, 443)], 2022, 41));
    assert_eq!(c.value, Some(v(443)));
    assert!(c.previous.is_none() && c.mean.is_none() && c.year_earlier.is_none());
    assert_eq!(c.rank.unwrap().of, 1);
    assert_eq!(
        compare_in(&[events(2022, 41, 443)], 2022, 41).main_previous(),
        None
    );
}

#[test]
fn an_unknown_figure_this_week_is_compared_with_nothing() {
    let c = compare_in(
        &[
            issue(2024, 39, Some(1), Some(7)),
            issue(2024, 40, Some(2), None),
        ],
        2024,
        40,
    );
    let urls = c.get(m("malicious_urls")).unwrap();
    assert_eq!(urls.value, None);
    assert!(urls.previous.is_none() && urls.mean.is_none() && urls.rank.is_none());
    assert!(urls.year_earlier_key.is_none());
}

#[test]
fn a_key_off_the_calendar_is_compared_with_nothing() {
    let s = WeekSeries::build(&[events(2024, 52, 5)]);
    let c = IssueComparisons::compute(
        &s,
        key(2024, 53),
        &[(m("events_handled"), v(9))].into_iter().collect(),
    );
    assert!(!c.on_calendar);
    assert_eq!(ev(&c).value, Some(v(9)));
    assert!(ev(&c).previous.is_none() && ev(&c).rank.is_none());
}

#[test]
fn the_main_previous_issue_is_the_most_common_then_the_newest() {
    let c = compare_in(
        &[
            issue(2024, 1, Some(1), None),
            issue(2024, 2, None, Some(1)),
            issue(2024, 3, Some(2), Some(2)),
        ],
        2024,
        3,
    );
    assert_eq!(c.main_previous(), Some((key(2024, 2), 1)));
}

#[test]
fn the_series_own_row_for_this_week_is_not_compared_with_itself() {
    // The series holds 2024-5 with other figures: only `figures` counts.
    let s = WeekSeries::build(&[events(2024, 4, 10), events(2024, 5, 999)]);
    let f: Figures = [(m("events_handled"), v(20))].into_iter().collect();
    let c = IssueComparisons::compute(&s, key(2024, 5), &f);
    let r = ev(&c).rank.unwrap();
    assert_eq!((r.position, r.of, r.end), (1, 2, End::Highest));
    assert_eq!(ev(&c).previous.unwrap().change, Some(v(10)));
}

fn cnvd(n: u32, gov: Option<i64>, stated: Option<i64>) -> IssueSummary {
    let s = SeriesId::CNVD;
    let mut f = Figures::default();
    f.set_count(s.metric("gov_vulns").unwrap(), gov);
    f.set_count(s.metric("gov_vulns_last_week").unwrap(), stated);
    IssueSummary::with_figures(IssueKey::of(s, 2025, n), f)
}

fn gov(c: &IssueComparisons) -> MetricComparison {
    *c.get(SeriesId::CNVD.metric("gov_vulns").unwrap()).unwrap()
}

fn compare_cnvd(series: &[IssueSummary], n: u32) -> IssueComparisons {
    let s = WeekSeries::build(series);
    let this = series.iter().find(|i| i.key.number == n).unwrap();
    IssueComparisons::compute(&s, this.key, &this.figures)
}

#[test]
fn what_an_issue_says_of_last_week_is_the_baseline_when_that_week_is_unknown() {
    // 2025-6 says last week had 437; 2025-5 is not cached, 2025-4 is.
    let c = gov(&compare_cnvd(
        &[cnvd(4, Some(6125), None), cnvd(6, Some(1092), Some(437))],
        6,
    ));
    let p = c.previous.unwrap();
    assert_eq!(
        (p.source, p.value, p.weeks_before),
        (Source::Stated, v(437), 1)
    );
    assert_eq!(p.key, IssueKey::of(SeriesId::CNVD, 2025, 5));
    assert_eq!(p.change, Some(v(1092 - 437)));
    assert!(!c.stated.unwrap().disagrees());
}

#[test]
fn a_known_last_week_wins_over_what_the_issue_says_of_it_and_both_are_kept() {
    // 2025-5 itself says 415; 2025-6 says 437 of it.
    let c = gov(&compare_cnvd(
        &[cnvd(5, Some(415), None), cnvd(6, Some(1092), Some(437))],
        6,
    ));
    let p = c.previous.unwrap();
    assert_eq!((p.source, p.value), (Source::Own, v(415)));
    let stated = c.stated.unwrap();
    assert_eq!((stated.value, stated.own), (v(437), Some(v(415))));
    assert!(stated.disagrees());
    // The stated figure is no row of its own.
    let listed = compare_cnvd(&[cnvd(6, Some(1092), Some(437))], 6);
    assert!(listed
        .metrics
        .iter()
        .all(|m| m.metric.id() != "gov_vulns_last_week"));
}

#[test]
fn decimal_figures_compare_exactly() {
    let s = SeriesId::CNVD;
    let score = s.metric("avg_score").unwrap();
    let week = |n: u32, x: &str| {
        let mut f = Figures::default();
        f.set(score, Value::parse(x));
        IssueSummary::with_figures(IssueKey::of(s, 2024, n), f)
    };
    let c = compare_cnvd(&[week(16, "6.60"), week(17, "6.18")], 17);
    let p = c.get(score).unwrap().previous.unwrap();
    assert_eq!(p.change.unwrap().to_string(), "-0.42");
    assert_eq!(p.direction(), Direction::Fall);
}

#[test]
fn a_change_is_headlined_only_against_an_issue_at_most_the_gap_back() {
    // 2024-9 after 2023-13, 49 weeks before, as in the real archive.
    let far = ev(&compare_in(
        &[events(2023, 13, 682), events(2024, 9, 103)],
        2024,
        9,
    ));
    assert_eq!(far.previous, None, "no headline against 49 weeks before");
    let last = far.last_known.unwrap();
    assert_eq!(
        (last.key, last.value, last.weeks_before),
        (key(2023, 13), v(682), 49)
    );
    // Four weeks back is headlined by default, five is not.
    let four = ev(&compare_in(
        &[events(2025, 3, 657), events(2025, 7, 160)],
        2025,
        7,
    ));
    assert_eq!(four.previous.map(|p| p.weeks_before), Some(4));
    let five = ev(&compare_in(
        &[events(2025, 2, 657), events(2025, 7, 160)],
        2025,
        7,
    ));
    assert_eq!(five.previous, None);
}

#[test]
fn the_gap_is_the_callers_and_what_an_issue_states_of_last_week_stays_the_baseline() {
    let series = [events(2025, 2, 657), events(2025, 7, 160)];
    let s = WeekSeries::build(&series);
    let f = series[1].figures.clone();
    let wide = IssueComparisons::compute_within(&s, key(2025, 7), &f, 5);
    assert_eq!(ev(&wide).previous.map(|p| p.weeks_before), Some(5));
    assert_eq!((wide.max_gap_weeks, wide.beyond_gap()), (5, false));
    let narrow = IssueComparisons::compute_within(&s, key(2025, 7), &f, 1);
    assert_eq!(ev(&narrow).last_known.map(|p| p.weeks_before), Some(5));
    assert!(narrow.beyond_gap());
    // 2025-6 says 437 of 2025-5 (not cached); 2025-4 is far enough back
    // not to matter: the stated figure is the week before.
    let c = gov(&IssueComparisons {
        ..compare_cnvd(
            &[cnvd(1, Some(6125), None), cnvd(6, Some(1092), Some(437))],
            6,
        )
    });
    let p = c.previous.unwrap();
    assert_eq!((p.source, p.weeks_before), (Source::Stated, 1));
    assert_eq!(c.last_known, None);
}

#[test]
fn a_double_issue_covers_two_of_the_mean_weeks_and_counts_once() {
    // 第37、38期 is one issue: with 35 and 36 all four weeks before 39
    // are known, and the mean is over the three issues.
    let double = IssueSummary {
        last_number: Some(38),
        ..events(2024, 37, 1500)
    };
    let c = ev(&compare_in(
        &[
            events(2024, 35, 400),
            events(2024, 36, 284),
            double,
            events(2024, 39, 300),
        ],
        2024,
        39,
    ));
    let m = c.mean.unwrap();
    assert_eq!(m.weeks_known, 4);
    assert_eq!(m.mean, (400.0 + 284.0 + 1500.0) / 3.0);
    // One that begins before the window still covers its weeks in it.
    let double = IssueSummary {
        last_number: Some(38),
        ..events(2024, 37, 1500)
    };
    let c = ev(&compare_in(
        &[
            double,
            events(2024, 39, 300),
            events(2024, 40, 310),
            events(2024, 41, 320),
            events(2024, 42, 330),
        ],
        2024,
        42,
    ));
    let m = c.mean.unwrap();
    assert_eq!(m.weeks_known, 4);
    assert_eq!(m.mean, (1500.0 + 300.0 + 310.0 + 320.0) / 4.0);
}
