//! Tests of the synthetic bulletin generator.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::*;
use crate::model::{Metric, SeriesId};

fn fig(id: &str) -> Metric {
    SeriesId::CNCERT.figure(id)
}

fn zhoubao_headline() -> &'static [Metric] {
    SeriesId::CNCERT.headline()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn same_seed_gives_identical_series_and_markdown() {
    let a = series(2024, 30, 99);
    let b = series(2024, 30, 99);
    assert_eq!(a, b);
    for i in 0..a.len() {
        assert_eq!(
            full_markdown(&a[i], &recent_for(&a, i)),
            full_markdown(&b[i], &recent_for(&b, i))
        );
    }
}

#[test]
fn other_seed_gives_other_figures() {
    let a: Vec<Figures> = series(2024, 30, 1).into_iter().map(|i| i.figures).collect();
    let b: Vec<Figures> = series(2024, 30, 2).into_iter().map(|i| i.figures).collect();
    assert_ne!(a, b);
}

#[test]
fn week_holding_new_year_is_issue_one_of_the_new_year() {
    let issues = series_from(IssueKey::new(2024, 50), 6, 5);
    let keys: Vec<(i32, u32)> = issues.iter().map(|i| (i.key.year, i.key.number)).collect();
    assert_eq!(
        keys,
        [
            (2024, 50),
            (2024, 51),
            (2024, 52),
            (2025, 1),
            (2025, 2),
            (2025, 3)
        ]
    );
    let crossing = &issues[3];
    assert_eq!(crossing.period.start, date(2024, 12, 30));
    assert_eq!(crossing.period.end, date(2025, 1, 5));
    assert!(crossing.crosses_year());
    assert_eq!(
        crossing.ref_title(),
        "网络安全信息与动态周报2025年第1期（12月30日-1月5日）"
    );
}

#[test]
fn numbering_matches_real_issues_of_other_years() {
    // From titles of the real series: 2023 第3期 is 1月9日-1月15日 and
    // 2022 第41期 is 10月3日-10月9日.
    assert_eq!(key_of_week(date(2023, 1, 9)), Some(IssueKey::new(2023, 3)));
    assert_eq!(
        key_of_week(date(2022, 10, 3)),
        Some(IssueKey::new(2022, 41))
    );
    assert_eq!(
        key_of_week(date(2024, 12, 23)),
        Some(IssueKey::new(2024, 52))
    );
}

#[test]
fn periods_are_consecutive_monday_to_sunday_weeks() {
    let issues = series(2023, 120, 3);
    for pair in issues.windows(2) {
        assert_eq!(pair[0].period.start.weekday(), Weekday::Mon);
        assert_eq!(pair[0].period.end, pair[0].period.start + Duration::days(6));
        assert_eq!(
            pair[1].period.start,
            pair[0].period.start + Duration::days(7)
        );
        assert!(pair[0].published > pair[0].period.end);
    }
}

#[test]
fn numbering_restarts_at_one_each_year_without_gaps() {
    let issues = series(2020, 300, 8);
    for pair in issues.windows(2) {
        let (a, b) = (pair[0].key, pair[1].key);
        if a.year == b.year {
            assert_eq!(b.number, a.number + 1);
        } else {
            assert_eq!((b.year, b.number), (a.year + 1, 1));
            assert!(a.number == 52 || a.number == 53);
        }
    }
}

#[test]
fn explicit_title_writes_both_years_only_for_crossing_weeks() {
    let mut issue = series_from(IssueKey::new(2025, 1), 2, 4).remove(0);
    issue.explicit_years = true;
    assert_eq!(
        issue.title(),
        "网络安全信息与动态周报2025年第1期（2024年12月30日-2025年1月5日）"
    );
    let mut later = series_from(IssueKey::new(2025, 2), 1, 4).remove(0);
    later.explicit_years = true;
    assert_eq!(later.title(), later.ref_title());
}

#[test]
fn full_bulletin_states_every_generated_figure_in_the_series_wording() {
    let issues = series(2024, 104, 11);
    for (i, issue) in issues.iter().enumerate() {
        let md = full_markdown(issue, &recent_for(&issues, i));
        let f = &issue.figures;
        let phrases = [
            f.count(fig("events_handled"))
                .map(|n| format!("共处理网络安全事件{n}起")),
            f.count(fig("cross_border"))
                .map(|n| format!("含跨境网络安全事件{n}起")),
            f.count(fig("phishing_complaints"))
                .map(|n| format!("重点处理{n}起仿冒投诉事件")),
            f.count(fig("malicious_app_platforms"))
                .map(|n| format!("协调{n}个提供恶意移动应用程序下载服务的平台")),
            f.count(fig("malicious_urls"))
                .map(|n| format!("恶意URL链接{n}个")),
        ];
        for (metric, phrase) in zhoubao_headline().iter().zip(phrases) {
            match phrase {
                Some(p) => assert!(md.contains(&p), "{} lacks {p}", issue.key),
                None => assert!(f.get(*metric).is_none()),
            }
        }
        if f.count(fig("malicious_urls")).is_none() {
            assert!(!md.contains("恶意URL链接"));
        }
        assert!(md.contains(&format!("整体评价为{}。", issue.assessment.chinese())));
    }
}

#[test]
fn figures_stay_in_realistic_ranges_and_mobile_pair_is_known_together() {
    let issues = series(2010, 500, 21);
    let mut missing = 0;
    for issue in &issues {
        let f = &issue.figures;
        let events = f.count(fig("events_handled")).unwrap();
        assert!((300..=1600).contains(&events));
        let cross = f.count(fig("cross_border")).unwrap();
        assert!(cross * 100 >= events * 29 && cross * 100 <= events * 60);
        assert!((200..=700).contains(&f.count(fig("phishing_complaints")).unwrap()));
        assert_eq!(
            f.count(fig("malicious_app_platforms")).is_some(),
            f.count(fig("malicious_urls")).is_some()
        );
        missing += usize::from(f.count(fig("malicious_urls")).is_none());
    }
    assert!(
        missing > 0 && missing < 50,
        "{missing} issues without the mobile clause"
    );
}

#[test]
fn recent_lines_point_at_the_five_previous_issues_newest_first() {
    let issues = series(2024, 12, 6);
    let md = full_markdown(&issues[8], &recent_for(&issues, 8));
    let lines: Vec<&str> = md.lines().filter(|l| l.starts_with('●')).collect();
    assert_eq!(lines.len(), RECENT_LINES);
    for (line, earlier) in lines.iter().zip(issues[3..8].iter().rev()) {
        assert!(line.contains(&earlier.ref_title()));
        assert!(line.contains(&format!("mid={}&idx=1", earlier.article.mid)));
    }
    assert_eq!(recent_for(&issues, 2).len(), 2);
}

#[test]
fn identities_are_unique_and_shared_by_own_url_and_references() {
    let issues = series(2024, 200, 13);
    let mut mids: Vec<&str> = issues.iter().map(|i| i.article.mid.as_str()).collect();
    mids.sort_unstable();
    mids.dedup();
    assert_eq!(mids.len(), issues.len());
    for issue in &issues {
        let identity = format!(
            "__biz={}&mid={}&idx={}",
            issue.article.biz, issue.article.mid, issue.article.idx
        );
        assert!(issue.url().contains(&identity));
        assert!(issue.ref_url().contains(&identity));
    }
}

#[test]
fn stubs_carry_title_but_no_figures() {
    let issue = series(2025, 3, 2).remove(2);
    for kind in [StubKind::TitleOnly, StubKind::AntiBotWall] {
        let md = stub_markdown(&issue, kind);
        assert!(md.contains(&format!("# {}", issue.title())));
        assert!(md.contains(&format!("source: {REPOST_SOURCE}")));
        assert!(!md.contains("共处理网络安全事件"));
        assert_eq!(md.contains("环境异常"), kind == StubKind::AntiBotWall);
    }
}

#[test]
fn file_names_follow_the_archive_pattern() {
    let issue = series_from(IssueKey::new(2025, 1), 1, 9).remove(0);
    let name = issue.file_name();
    assert!(name.starts_with(&format!(
        "{}__国家互联网应急中心CNCERT_网络安全信息与动态周报2025年第1期（",
        issue.published
    )));
    assert!(name.ends_with("）.md"));
}
