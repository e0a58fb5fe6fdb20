//! The brief's choices: which issue is the same week, what is notable,
//! and its lines in both formats and languages.

use chrono::NaiveDate;

use super::render::{self, Format, Line};
use super::*;
use crate::i18n::Lang;
use crate::model::{Figures, IssueDetail, Metric, Value};

fn fig(id: &str) -> Metric {
    SeriesId::CNCERT.figure(id)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn week_of(key: IssueKey, start: NaiveDate) -> IssueSummary {
    IssueSummary {
        period: Some(Period {
            start,
            end: start + chrono::Duration::days(6),
        }),
        ..IssueSummary::with_figures(key, Figures::default())
    }
}

#[test]
fn the_same_week_is_found_by_period_even_when_the_numbers_part() {
    // As in 2025: CNVD's 第5期 covers two weeks, so its 第6期 is
    // CNCERT's 第7期 week.
    let this = week_of(IssueKey::new(2025, 7), day(2025, 2, 10));
    let cnvd = |n, start| week_of(IssueKey::of(SeriesId::CNVD, 2025, n), start);
    let others = [cnvd(6, day(2025, 2, 10)), cnvd(7, day(2025, 2, 17))];
    assert_eq!(same_week(&this, &others).unwrap().key.number, 6);
    // Not cached: no same week.
    let mut stub = others[0].clone();
    stub.cached = false;
    assert!(same_week(&this, &[stub, others[1].clone()]).is_none());
    // Without periods, the same number.
    let bare = |k| IssueSummary::with_figures(k, Figures::default());
    let this = bare(IssueKey::new(2024, 17));
    let other = bare(IssueKey::of(SeriesId::CNVD, 2024, 17));
    assert_eq!(same_week(&this, std::slice::from_ref(&other)), Some(&other));
}

fn events(n: u32, v: i64, urls: i64) -> IssueSummary {
    let mut f = Figures::default();
    f.set_count(fig("events_handled"), Some(v));
    f.set_count(fig("cross_border"), Some(100));
    f.set_count(fig("malicious_urls"), Some(urls));
    IssueSummary {
        title: Some(format!("网络安全信息与动态周报2024年第{n}期")),
        ..IssueSummary::with_figures(IssueKey::new(2024, n), f)
    }
}

fn detail(s: &IssueSummary) -> IssueDetail {
    IssueDetail {
        summary: s.clone(),
        source: None,
        url: Some("https://mp.weixin.qq.com/s?__biz=QQ&mid=1&idx=1".into()),
        body: Vec::new(),
        images: Vec::new(),
        recent: Vec::new(),
        aliases: Vec::new(),
        truncated: false,
        conflicts: Vec::new(),
    }
}

/// Ten weeks of 处理事件 rising to 2024-10, 恶意URL flat but for a jump.
fn ten_weeks() -> Vec<IssueSummary> {
    (1..=10)
        .map(|n| {
            let urls = if n == 10 { 40 } else { 10 };
            events(n, 100 + i64::from(n) * 10, urls)
        })
        .collect()
}

#[test]
fn records_and_large_changes_are_notable_and_small_ones_are_not() {
    let weeks = ten_weeks();
    let this = weeks.last().unwrap();
    let b = Brief::assemble(&detail(this), &WeekSeries::build(&weeks), &[]);
    let e = &b.notable.extremes;
    assert_eq!(e.len(), 2, "{e:?}");
    assert_eq!(
        (e[0].metric, e[0].end, e[0].known),
        (fig("events_handled"), End::Highest, 10)
    );
    assert_eq!(e[0].since_first, Some(IssueKey::new(2024, 1)));
    assert_eq!(e[1].metric, fig("malicious_urls"));
    // +300% 恶意URL only: 处理事件's +5.3% and 跨境事件's ±0 are not.
    let changed: Vec<Metric> = b.notable.changes.iter().map(|(m, _)| *m).collect();
    assert_eq!(changed, [fig("malicious_urls")]);
    // Seven known weeks make no record.
    let short = &weeks[3..];
    let b = Brief::assemble(
        &detail(short.last().unwrap()),
        &WeekSeries::build(short),
        &[],
    );
    assert!(b.notable.extremes.is_empty());
}

#[test]
fn the_brief_is_short_names_its_baseline_and_keeps_the_note_clean() {
    let mut weeks = ten_weeks();
    let this = weeks.last_mut().unwrap();
    this.flagged = true;
    this.note = Some("跨境\x1b[31m持平\n第二行 *强调*".into());
    this.title = Some("周报*第10期*<b>".into());
    let this = this.clone();
    let mut other = week_of(IssueKey::of(SeriesId::CNVD, 2024, 10), day(2024, 3, 4));
    other
        .figures
        .set(SeriesId::CNVD.figure("vulns"), Value::parse("623"));
    let mut this_dated = this.clone();
    this_dated.period = Some(Period {
        start: day(2024, 3, 4),
        end: day(2024, 3, 10),
    });
    let b = Brief::assemble(&detail(&this_dated), &WeekSeries::build(&weeks), &[other]);
    let md = render::render(&b, Format::Markdown, Lang::Zh);
    assert!(md.lines().count() <= 30, "{md}");
    assert!(md.starts_with("### 周报\\*第10期\\*\\<b\\>\n"), "{md}");
    assert!(
        md.contains("2024-10 · 周期 2024-03-04 ~ 2024-03-10 · * 已加旗标"),
        "{md}"
    );
    assert!(md.contains("**本周数据 · 较上周 2024-9**"), "{md}");
    assert!(
        md.contains("- 处理事件 **200**：+10 (+5.3%)；前4周均 175 +14.3%"),
        "{md}"
    );
    assert!(md.contains("- 恶意URL **40**：+30 (+300%)"), "{md}");
    assert!(
        md.contains("**同周的CNVD漏洞周报：cnvd:2024-10（2024-03-04 ~ 2024-03-10）**"),
        "{md}"
    );
    assert!(
        md.contains("> 跨境持平\n> 第二行 *强调*\n"),
        "the note's own Markdown is kept: {md}"
    );
    assert!(
        md.contains("原文：<https://mp.weixin.qq.com/s?__biz=QQ&mid=1&idx=1>"),
        "{md}"
    );
    assert!(!md.contains('\x1b'));
    let text = render::render(&b, Format::Text, Lang::En);
    assert!(
        text.starts_with("周报*第10期*<b>\n2024-10 · week 2024-03-04"),
        "{text}"
    );
    assert!(
        text.contains("\n  events handled 200: +10 (+5.3%); prior 4-wk mean 175 +14.3%"),
        "{text}"
    );
    assert!(
        text.contains(
            "\nNotable\n  events handled: the highest on record (10 known weeks since 2024-1)"
        ),
        "{text}"
    );
    assert!(
        text.contains("  largest changes: malicious URLs +300%\n"),
        "{text}"
    );
    assert!(!text.contains("**"), "{text}");
    let lines = render::lines(&b, Lang::En);
    assert!(matches!(lines[0], Line::Title(_)));
}
