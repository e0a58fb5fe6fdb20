//! The tests of describe.rs: the words of comparisons in both languages, for the pane and `show`.

use super::*;
use crate::i18n::Lang;
use crate::model::{Figures, IssueSummary, Metric, Value};
use crate::trend::WeekSeries;

fn key(y: i32, n: u32) -> IssueKey {
    IssueKey::new(y, n)
}

fn fig(id: &str) -> Metric {
    crate::model::SeriesId::CNCERT.figure(id)
}

fn events(y: i32, n: u32, v: i64) -> IssueSummary {
    let figures: Figures = [(fig("events_handled"), Value::count(v))]
        .into_iter()
        .collect();
    IssueSummary::with_figures(key(y, n), figures)
}

fn compared(series: &[IssueSummary]) -> (IssueComparisons, MetricComparison) {
    let last = series.last().unwrap();
    let c = IssueComparisons::compute(&WeekSeries::build(series), last.key, &last.figures);
    let m = *c.get(fig("events_handled")).unwrap();
    (c, m)
}

#[test]
fn numbers_carry_a_real_minus_and_percent_drops_decimals_from_100() {
    assert_eq!(signed(12), "+12");
    assert_eq!(signed(-497), "−497");
    assert_eq!(signed(0), "±0");
    assert_eq!(percent(-75.647), "−75.6%");
    assert_eq!(percent(3.33), "+3.3%");
    assert_eq!(percent(3497.01), "+3497%");
    assert_eq!(percent(99.96), "+100%");
    // The sign follows the change even where the digits round to 0.
    assert_eq!(percent(-0.01), "−0.0%");
    let ev = fig("events_handled");
    assert_eq!(amount(381.5, ev), "381.5");
    assert_eq!(amount(200.0, ev), "200");
    assert_eq!(amount(25.26, ev), "25.3");
    assert_eq!(signed_amount(-105.5, ev), "−105.5");
    assert_eq!(signed_amount(0.01, ev), "±0");
    // A score's mean keeps one digit more than its two.
    let score = crate::model::SeriesId::CNVD.figure("avg_score");
    assert_eq!(amount(6.3925, score), "6.393");
    assert_eq!(amount(6.39, score), "6.39");
    assert_eq!(signed_amount(-0.34, score), "−0.34");
    assert_eq!(signed_amount(-0.0004, score), "±0");
    assert_eq!(signed_value(Value::parse("-0.42").unwrap(), score), "−0.42");
    assert_eq!(signed_value(Value::parse("0.4").unwrap(), score), "+0.40");
    // A share's change is in percentage points.
    let share = crate::model::SeriesId::CNVD.figure("zero_day_share");
    let week = |n: u32, v: i64| {
        let f: Figures = [(share, Value::count(v))].into_iter().collect();
        IssueSummary::with_figures(IssueKey::of(crate::model::SeriesId::CNVD, 2025, n), f)
    };
    let series = [week(5, 10), week(6, 22)];
    let c = IssueComparisons::compute(
        &WeekSeries::build(&series),
        series[1].key,
        &series[1].figures,
    );
    let m = c.get(share).unwrap();
    assert_eq!(pane::value(m), "22%");
    assert_eq!(
        text(&pane::previous(m, None, Lang::En)),
        "+12 pp vs cnvd:2025-5"
    );
    let zh = text(&pane::previous(m, None, Lang::Zh));
    assert!(zh.starts_with("+12 个百分点"), "{zh}");
    // Its mean reads as a share and moves by points too.
    let series = [week(3, 50), week(4, 46), week(5, 10), week(6, 22)];
    let c = IssueComparisons::compute(
        &WeekSeries::build(&series),
        series[3].key,
        &series[3].figures,
    );
    let m = c.get(share).unwrap();
    let mean = text(&pane::mean(m, Lang::En).unwrap());
    assert!(mean.ends_with(" 35.3% −13.3 pp"), "{mean}");
    let said = cli::mean(m, Lang::En).unwrap();
    assert!(
        said.contains("35.3%") && said.ends_with("−13.3 pp"),
        "{said}"
    );
    // In Chinese the points are 个百分点, never the English `pp`.
    let mean = text(&pane::mean(m, Lang::Zh).unwrap());
    assert!(mean.ends_with(" 35.3% −13.3 个百分点"), "{mean}");
    let said = cli::mean(m, Lang::Zh).unwrap();
    assert!(said.ends_with("−13.3 个百分点"), "{said}");
    assert!(!said.contains("pp"), "{said}");
}

#[test]
fn a_non_adjacent_issue_is_named_in_both_languages() {
    let (c, m) = compared(&[events(2025, 3, 657), events(2025, 7, 160)]);
    assert_eq!(
        cli::previous(&m, Lang::En),
        "−497 (−75.6%) vs 2025-3 (657), 4 weeks before"
    );
    assert_eq!(pane::heading(&c, Lang::Zh), "本周数据 · 较2025-3（4周前）");
    // Named by the heading, so the row need not name it again …
    assert_eq!(
        text(&pane::previous(&m, Some(key(2025, 3)), Lang::Zh)),
        "−497 (−75.6%)"
    );
    // … but does when the heading names another issue.
    assert_eq!(
        text(&pane::previous(&m, Some(key(2025, 6)), Lang::Zh)),
        "−497 (−75.6%) 较2025-3"
    );
    assert_eq!(
        pane::previous(&m, None, Lang::Zh)[0].direction,
        Some(Direction::Fall)
    );
}

#[test]
fn the_adjacent_week_is_last_week() {
    let (c, m) = compared(&[events(2024, 52, 100), events(2025, 1, 110)]);
    assert_eq!(pane::heading(&c, Lang::Zh), "本周数据 · 较上周 2024-52");
    assert_eq!(
        cli::previous(&m, Lang::En),
        "+10 (+10.0%) vs 2024-52 (100), the week before"
    );
}

#[test]
fn a_zero_base_says_new_and_equal_zeros_say_no_change() {
    let (_, m) = compared(&[events(2024, 1, 0), events(2024, 2, 5)]);
    assert_eq!(
        text(&pane::previous(&m, None, Lang::Zh)),
        "+5 (新增) 较2024-1"
    );
    assert!(cli::previous(&m, Lang::En).starts_with("+5 (new) vs 2024-1"));
    assert_eq!(
        text(&pane::mean(&m, Lang::Zh).unwrap()),
        "前4周均 —(仅1周有数)"
    );
    assert_eq!(
        cli::mean(&m, Lang::En).unwrap(),
        "only 1 of the 4 weeks before has this figure: no mean"
    );
    let (_, flat) = compared(&[events(2024, 1, 0), events(2024, 2, 0)]);
    assert_eq!(text(&pane::previous(&flat, None, Lang::Zh)), "±0 较2024-1");
    assert_eq!(
        pane::previous(&flat, None, Lang::Zh)[0].direction,
        Some(Direction::Flat)
    );
}

#[test]
fn fewer_than_four_weeks_are_counted_in_the_mean() {
    let (_, m) = compared(&[
        events(2024, 12, 100),
        events(2024, 14, 300),
        events(2024, 15, 250),
    ]);
    assert_eq!(
        text(&pane::mean(&m, Lang::Zh).unwrap()),
        "前4周均(仅2周) 200 +25.0%"
    );
    assert_eq!(
        cli::mean(&m, Lang::En).unwrap(),
        "vs the mean of the 4 weeks before, 200 (2 of the 4 weeks known): +50 (+25.0%)"
    );
    let (_, alone) = compared(&[events(2024, 10, 1), events(2024, 15, 2)]);
    assert_eq!(text(&pane::mean(&alone, Lang::Zh).unwrap()), "前4周均 —");
}

#[test]
fn a_year_earlier_is_given_named_or_explained() {
    let (_, m) = compared(&[events(2024, 18, 250), events(2025, 18, 276)]);
    assert_eq!(
        text(&pane::year_earlier(&m, Lang::Zh).unwrap()),
        "去年同期 250 +10.4%"
    );
    assert_eq!(
        cli::year_earlier(&m, Lang::En).unwrap(),
        "vs a year earlier, 2024-18 (250): +26 (+10.4%)"
    );
    let (_, absent) = compared(&[events(2025, 7, 160)]);
    assert_eq!(
        text(&pane::year_earlier(&absent, Lang::Zh).unwrap()),
        "去年同期 —"
    );
    assert_eq!(
        cli::year_earlier(&absent, Lang::En).unwrap(),
        "a year earlier, 2024-7: not known"
    );
    let (_, week53) = compared(&[events(2023, 53, 80)]);
    assert_eq!(
        text(&pane::year_earlier(&week53, Lang::Zh).unwrap()),
        "去年无此期"
    );
    assert_eq!(
        cli::year_earlier(&week53, Lang::En).unwrap(),
        "a year earlier: no such week (the year before had 52)"
    );
}

#[test]
fn ranks_name_the_end_ties_and_how_many_weeks_are_known() {
    let full: Vec<_> = (1..=52).map(|n| events(2024, n, i64::from(n))).collect();
    let (_, top) = compared(&full);
    assert_eq!(cli::rank(&top, Lang::En).unwrap(), "highest in 52 weeks");
    assert_eq!(text(&pane::rank(&top, Lang::Zh).unwrap()), "52周最高");

    let (_, third) = compared(&[
        events(2024, 1, 1),
        events(2024, 2, 2),
        events(2024, 3, 9),
        events(2024, 4, 8),
        events(2024, 5, 7),
        events(2024, 6, 3),
    ]);
    assert_eq!(
        cli::rank(&third, Lang::En).unwrap(),
        "3rd lowest of 6 known in 52 weeks"
    );
    assert_eq!(text(&pane::rank(&third, Lang::Zh).unwrap()), "已知6周第3低");

    let (_, joint) = compared(&[events(2024, 1, 9), events(2024, 2, 4), events(2024, 3, 9)]);
    assert_eq!(
        cli::rank(&joint, Lang::En).unwrap(),
        "joint highest of 3 known in 52 weeks"
    );
    assert_eq!(
        text(&pane::rank(&joint, Lang::Zh).unwrap()),
        "已知3周并列最高"
    );

    let (_, same) = compared(&[events(2024, 1, 4), events(2024, 2, 4)]);
    assert_eq!(
        cli::rank(&same, Lang::En).unwrap(),
        "equal to all 2 known weeks in 52"
    );
    assert_eq!(text(&pane::rank(&same, Lang::Zh).unwrap()), "已知2周持平");

    let (c, first) = compared(&[events(2022, 41, 443)]);
    assert_eq!(
        cli::rank(&first, Lang::En).unwrap(),
        "the only known week in 52"
    );
    assert_eq!(
        text(&pane::rank(&first, Lang::Zh).unwrap()),
        "52周内仅本周有数据"
    );
    assert_eq!(
        cli::previous(&first, Lang::En),
        "no earlier issue has this figure"
    );
    assert_eq!(pane::heading(&c, Lang::Zh), "本周数据 · 无更早数据可比");
}

#[test]
fn an_unknown_figure_says_so_and_nothing_more() {
    let s = WeekSeries::build(&[events(2024, 1, 3)]);
    let c = IssueComparisons::compute(&s, key(2024, 2), &Figures::default());
    let m = c.get(fig("malicious_urls")).unwrap();
    assert_eq!(pane::value(m), "—");
    assert_eq!(text(&pane::previous(m, None, Lang::Zh)), "本期无此项");
    assert_eq!(cli::previous(m, Lang::En), "not in this issue");
    assert!(
        pane::mean(m, Lang::Zh).is_none()
            && pane::year_earlier(m, Lang::Zh).is_none()
            && pane::rank(m, Lang::Zh).is_none()
    );
    assert!(
        cli::mean(m, Lang::En).is_none()
            && cli::year_earlier(m, Lang::En).is_none()
            && cli::rank(m, Lang::En).is_none()
    );
}

#[test]
fn beyond_the_gap_the_week_before_is_not_known_and_the_older_value_stands_apart() {
    // 2024-9 after 2023-13, 49 weeks before, as in the real archive.
    let (c, m) = compared(&[events(2023, 13, 682), events(2024, 9, 103)]);
    assert_eq!(
        pane::heading(&c, Lang::Zh),
        "本周数据 · 上周不详（前4周无数据）"
    );
    assert_eq!(text(&pane::previous(&m, None, Lang::Zh)), "上周不详");
    let last = pane::last_known(&m, Lang::En).unwrap();
    assert_eq!(text(&last), "last known: 2023-13 (49 weeks before) 682");
    assert!(
        last.iter().all(|p| p.direction.is_none()),
        "no rise or fall colour: it is no change"
    );
    assert_eq!(cli::previous(&m, Lang::En), "the week before: not known");
    assert_eq!(
        cli::last_known(&m, Lang::Zh).unwrap(),
        "最近已知：2023-13（49周前）682"
    );
    assert_eq!(
        cli::heading(&c, Lang::En),
        "figures (change vs the last issue with the figure at most 4 weeks before):"
    );
    // Within the gap there is nothing apart.
    let (_, near) = compared(&[events(2025, 3, 657), events(2025, 7, 160)]);
    assert_eq!(pane::last_known(&near, Lang::En), None);
    assert_eq!(cli::last_known(&near, Lang::En), None);
}

#[test]
fn the_pane_speaks_english_too_with_the_same_numbers() {
    let (c, m) = compared(&[events(2025, 3, 657), events(2025, 7, 160)]);
    assert_eq!(
        pane::heading(&c, Lang::En),
        "Figures · vs 2025-3 (4 weeks before)"
    );
    assert_eq!(
        text(&pane::previous(&m, Some(key(2025, 6)), Lang::En)),
        "−497 (−75.6%) vs 2025-3"
    );
    let (_, m) = compared(&[events(2024, 1, 0), events(2024, 2, 5)]);
    assert_eq!(
        text(&pane::previous(&m, None, Lang::En)),
        "+5 (new) vs 2024-1"
    );
    assert_eq!(
        text(&pane::mean(&m, Lang::En).unwrap()),
        "prior 4-wk mean — (only 1 known)"
    );
    let (_, m) = compared(&[events(2024, 18, 250), events(2025, 18, 276)]);
    assert_eq!(
        text(&pane::year_earlier(&m, Lang::En).unwrap()),
        "a year ago 250 +10.4%"
    );
    let full: Vec<_> = (1..=52).map(|n| events(2024, n, i64::from(n))).collect();
    let (_, top) = compared(&full);
    assert_eq!(
        text(&pane::rank(&top, Lang::En).unwrap()),
        "highest in 52 wks"
    );
}

/// Issue 18, item 14: a mean of one known week is that week, and showed
/// the headline's change again (the old `4周均(仅1周) 657 −75.6%` under
/// `−497 (−75.6%)`); the detail pane's mean is of the weeks *before*, and
/// is named so, apart from the chart view's moving average.
#[test]
fn a_mean_of_one_known_week_does_not_repeat_the_headline() {
    // 2025-7 after 2025-3 (657), four weeks before: the only known one.
    let (_, m) = compared(&[events(2025, 3, 657), events(2025, 7, 160)]);
    let headline = text(&pane::previous(&m, None, Lang::Zh));
    assert!(headline.contains("−75.6%"), "{headline}");
    for lang in [Lang::Zh, Lang::En] {
        let mean = text(&pane::mean(&m, lang).unwrap());
        assert!(!mean.contains("657") && !mean.contains("75.6"), "{mean}");
        let cli = cli::mean(&m, lang).unwrap();
        assert!(!cli.contains("657") && !cli.contains("75.6"), "{cli}");
    }
    assert_eq!(
        text(&pane::mean(&m, Lang::Zh).unwrap()),
        "前4周均 —(仅1周有数)"
    );
    // Two known weeks make a mean, named as the weeks before.
    let (_, two) = compared(&[
        events(2025, 3, 657),
        events(2025, 5, 337),
        events(2025, 7, 160),
    ]);
    assert_eq!(
        text(&pane::mean(&two, Lang::En).unwrap()),
        "prior 4-wk mean (2 wks) 497 −67.8%"
    );
    let prior = |lang| crate::i18n::Msg::from(Compare::PaneMean { weeks: 4, known: 4 }).text(lang);
    let moving = |lang| crate::i18n::Screen::MovingAverageLabel.text(lang);
    assert_eq!(
        (prior(Lang::Zh), moving(Lang::Zh)),
        ("前4周均".into(), "含本周4周滑均".into())
    );
    assert_eq!(
        (prior(Lang::En), moving(Lang::En)),
        ("prior 4-wk mean".into(), "4-wk moving avg".into())
    );
}
