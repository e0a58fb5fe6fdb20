//! The TUI's second series, CNVD漏洞周报: `s` switches the series shown
//! and back to where it was left, the list, the detail pane with its
//! comparisons, the trend pane and the chart view take the series'
//! figures (a decimal score gets a decimal axis), a double issue is one
//! row, the detail pane names the same week of the other series and Enter
//! goes there, `:` takes `cnvd:` keys. Fixture text is made up.

mod tui_fixture;

use ratatui::crossterm::event::KeyCode;
use tui_fixture::*;
use zhoubao::i18n::Lang;
use zhoubao::model::{
    Alias, Assessment, Figures, IssueDetail, IssueKey, IssueSummary, SeriesId, Value,
};
use zhoubao::tui::library::MemoryLibrary;

const CNVD: SeriesId = SeriesId::CNVD;

fn cnvd(year: i32, number: u32) -> IssueKey {
    IssueKey::of(CNVD, year, number)
}

/// CNVD漏洞周报's figures for week `i` of the fixture: made up, varied
/// enough that the comparisons and the charts have something to say.
fn cnvd_figures(i: i64) -> Figures {
    let mut f = Figures::new();
    let count = |f: &mut Figures, id: &str, n: i64| f.set_count(CNVD.figure(id), Some(n));
    let vulns = 480 + i * 37 % 260;
    count(&mut f, "vulns", vulns);
    count(&mut f, "vulns_high", 150 + i * 23 % 120);
    count(&mut f, "vulns_medium", 240 + i * 17 % 110);
    count(&mut f, "vulns_low", 12 + i * 5 % 20);
    // 5.62 … 6.71: a score in hundredths.
    f.set(
        CNVD.figure("avg_score"),
        Value::decimal(562 + i * 29 % 110, 2),
    );
    count(&mut f, "zero_day", 180 + i * 41 % 200);
    count(&mut f, "gov_vulns", 5200 + i * 613 % 3000);
    count(&mut f, "events_industry", 8 + i % 9);
    count(&mut f, "events_telecom", 5 + i % 6);
    count(&mut f, "type_web", 200 + i * 13 % 90);
    count(&mut f, "ind_telecom", 60 + i * 7 % 40);
    f
}

/// A full CNVD漏洞周报 of `key`, covering `last` too when it is a double
/// issue; its body is cut in the important vulnerabilities, as the
/// archive cuts every CNVD report.
fn cnvd_issue(key: IssueKey, last: Option<u32>, f: Figures) -> IssueDetail {
    let first = zhoubao::calendar::period_of_key(key).expect("fixture weeks are on the calendar");
    let end = last
        .and_then(|n| zhoubao::calendar::period_of_key(cnvd(key.year, n)))
        .unwrap_or(first)
        .end;
    let numbers = match last {
        Some(n) => format!("{}、{n}", key.number),
        None => key.number.to_string(),
    };
    let url = format!(
        "https://mp.weixin.qq.com/s?__biz=CNVDFIXTURE&mid={}{:02}&idx=1",
        key.year, key.number
    );
    IssueDetail {
        summary: IssueSummary {
            last_number: last,
            key,
            title: Some(format!("CNVD漏洞周报{}年第{numbers}期", key.year)),
            period: Some(zhoubao::model::Period {
                start: first.start,
                end,
            }),
            published: Some(end + chrono::Days::new(2)),
            assessment: Some(Assessment::Fair),
            figures: f,
            cached: true,
            read: false,
            flagged: false,
            note: None,
        },
        source: Some("CNVD漏洞平台".to_string()),
        url: Some(url.clone()),
        body: vec![
            "本周漏洞态势研判情况".to_string(),
            "本周信息安全漏洞威胁整体评价级别为中。这是测试用的自拟文字，不取自任何真实周报。"
                .to_string(),
            "本周重要漏洞安全告警".to_string(),
            "1、某测试产品安全漏洞：自拟的漏洞说明，编号 CNVD-2024-00001，其后的文字被存档截断..."
                .to_string(),
        ],
        images: Vec::new(),
        recent: Vec::new(),
        aliases: vec![Alias {
            url: Some(url),
            source: Some("CNVD漏洞平台".to_string()),
        }],
        truncated: true,
        conflicts: Vec::new(),
    }
}

/// 2024 第30–44期 of both series. CNVD漏洞周报: 第40、41期 is one double
/// issue, 第35期 is missing; 网络安全信息与动态周报: every week but 第43期.
fn two_series() -> MemoryLibrary {
    let mut lib = MemoryLibrary::new();
    for (i, number) in (30..=44u32).enumerate() {
        let i = i as i64;
        if number != 43 {
            lib.insert(cached_week(
                2024,
                number,
                figures([
                    Some(300 + i * 37 % 200),
                    Some(101 + i * 53 % 90),
                    Some(200 + i * 29 % 150),
                    Some(5 + i * 7 % 11),
                    Some(10 + i % 9),
                ]),
            ));
        }
        match number {
            35 | 41 => {}
            40 => lib.insert(cnvd_issue(cnvd(2024, 40), Some(41), cnvd_figures(i))),
            n => lib.insert(cnvd_issue(cnvd(2024, n), None, cnvd_figures(i))),
        }
    }
    lib
}

fn zh_app(open: Option<IssueKey>, width: u16, height: u16) -> zhoubao::tui::app::App {
    app_with_ui(Box::new(two_series()), open, width, height, ui_in(Lang::Zh))
}

fn first_line(screen: &str) -> &str {
    screen.lines().next().unwrap_or_default()
}

#[test]
fn s_switches_to_cnvd_and_back_to_where_the_first_series_was_left() {
    let mut app = zh_app(Some(key(2024, 38)), 80, 24);
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.current_key(), Some(key(2024, 37)));
    let before = screen(&app, 80, 24);
    assert!(first_line(&before).contains("CNCERT周报"), "{before}");

    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.series(), CNVD);
    // The same week of the other series.
    assert_eq!(app.current_key(), Some(cnvd(2024, 37)));
    let shown = screen(&app, 80, 24);
    assert!(first_line(&shown).contains("CNVD"), "{shown}");
    assert!(shown.contains("CNVD漏洞周报2024年第37期"), "{shown}");
    assert!(shown.contains("现在浏览 CNVD漏洞周报"), "{shown}");

    press(&mut app, KeyCode::Char('k'));
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.series(), SeriesId::CNCERT);
    assert_eq!(app.current_key(), Some(key(2024, 37)), "as it was left");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.current_key(), Some(cnvd(2024, 38)), "as it was left");
}

#[test]
fn a_double_issue_is_one_row_and_its_second_number_reaches_it() {
    let app = zh_app(Some(cnvd(2024, 41)), 80, 24);
    assert_eq!(app.series(), CNVD);
    assert_eq!(app.current_key(), Some(cnvd(2024, 40)));
    let text = screen(&app, 80, 24);
    let list: Vec<String> = text.lines().map(|l| l.chars().take(32).collect()).collect();
    let rows = |k: &str| list.iter().filter(|l| l.contains(k)).count();
    assert_eq!(rows("2024-40/41"), 1, "one row:\n{text}");
    assert_eq!(rows("2024-41 "), 0, "{text}");
    // 13 issues: 15 weeks, 第35期 missing, 第40、41期 one.
    assert!(first_line(&text).contains("13 期"), "{text}");
    let row = list
        .iter()
        .find(|l| l.contains("2024-40/41"))
        .expect("the double issue's row");
    assert!(row.contains("~10-13") && row.contains("590"), "{row}");
    // The detail pane's title names both numbers, as its body does.
    assert!(
        first_line(&text).contains("详情 cnvd:2024-40/41 "),
        "{text}"
    );
}

#[test]
fn goto_takes_a_cnvd_key_and_back_and_forward_cross_the_series() {
    let mut app = zh_app(Some(key(2024, 38)), 80, 24);
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "cnvd:2024-41");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.series(), CNVD);
    assert_eq!(app.current_key(), Some(cnvd(2024, 40)), "第40、41期");
    // Unprefixed, a key is of the series shown; a number alone, of the
    // shown issue's year.
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "2024-36");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(cnvd(2024, 36)));
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "cncert:2024-31");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.series(), SeriesId::CNCERT);
    assert_eq!(app.current_key(), Some(key(2024, 31)));

    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.current_key(), Some(cnvd(2024, 36)));
    assert_eq!(app.series(), CNVD);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.current_key(), Some(key(2024, 38)));
    assert_eq!(app.series(), SeriesId::CNCERT);
    press(&mut app, KeyCode::Char('L'));
    assert_eq!(app.current_key(), Some(cnvd(2024, 40)));
    let text = screen(&app, 80, 24);
    assert!(first_line(&text).contains("CNVD"), "{text}");

    // A week neither series has.
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "cnvd:2024-35");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.current_key(), Some(cnvd(2024, 40)));
    assert!(app.status.message.is_some());
}

#[test]
fn open_names_a_cnvd_issue_and_the_tui_starts_on_its_series() {
    let app = zh_app(Some(cnvd(2024, 17 + 20)), 80, 24);
    assert_eq!(app.series(), CNVD);
    assert_eq!(app.current_key(), Some(cnvd(2024, 37)));
}

#[test]
fn the_detail_pane_names_the_same_week_of_the_other_series_and_enter_goes_there() {
    let mut app = zh_app(Some(key(2024, 38)), 80, 24);
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("同周 CNVD周报 2024-38 · 收录漏洞 516"),
        "{text}"
    );
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.series(), CNVD);
    assert_eq!(app.current_key(), Some(cnvd(2024, 38)));
    let text = screen(&app, 80, 24);
    assert!(
        text.contains("同周 CNCERT周报 2024-38 · 处理事件"),
        "{text}"
    );
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.current_key(), Some(key(2024, 38)));
    assert_eq!(app.series(), SeriesId::CNCERT);

    // A double issue's two weeks: both of the other series'.
    app = zh_app(Some(cnvd(2024, 40)), 80, 24);
    let same_week = &app.detail.doc.same_week;
    assert_eq!(same_week, &vec![key(2024, 40), key(2024, 41)]);
    // A week the other series does not have: no line.
    app = zh_app(Some(key(2024, 35)), 80, 24);
    assert!(app.detail.doc.same_week.is_empty());
    assert!(!screen(&app, 80, 24).contains("同周"));
}

#[test]
fn a_body_the_archive_cut_is_marked_where_it_ends() {
    let mut app = zh_app(Some(cnvd(2024, 38)), 80, 24);
    let rows: Vec<String> = app
        .detail
        .rows
        .iter()
        .map(|r| r.spans.iter().map(|(t, _)| t.as_str()).collect())
        .collect();
    let cut = rows
        .iter()
        .position(|r| r.contains("存档在此截断了正文"))
        .expect("the mark");
    assert!(
        rows[cut - 1].contains("被存档截断..."),
        "right after the body: {rows:?}"
    );
    // 网络安全信息与动态周报's fixture bodies are whole: no mark.
    press(&mut app, KeyCode::Char('s'));
    assert!(!screen(&app, 80, 24).contains("截断"));
}

/// The CNVD series shown at 2024 第44期, scrolled to the figures when
/// `to_figures`.
fn on_cnvd(width: u16, height: u16, to_figures: bool) -> zhoubao::tui::app::App {
    let mut app = zh_app(Some(cnvd(2024, 44)), width, height);
    if to_figures {
        press(&mut app, KeyCode::Tab);
        let heading = app
            .detail
            .rows
            .iter()
            .position(|r| {
                r.spans
                    .first()
                    .is_some_and(|(t, _)| t.starts_with("本周数据"))
            })
            .expect("the figures heading is in the document");
        for _ in 0..heading {
            press(&mut app, KeyCode::Char('j'));
        }
    }
    app
}

#[test]
fn cnvd_main_screen_80x24_lists_the_series_and_charts_its_headline_figures() {
    let app = on_cnvd(80, 24, false);
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    assert!(first_line(&text).contains("CNVD漏洞周报 13 期"), "{text}");
    // The trend pane: the series' five headline figures, the score as
    // the bulletin writes it.
    for label in ["收录漏洞", "高危", "平均分值", "0day漏洞", "党政企事业漏洞"] {
        assert!(text.contains(label), "{label}: {text}");
    }
    assert!(text.contains("本期 6.38"), "{text}");
}

#[test]
fn cnvd_main_screen_40x12_lists_the_series() {
    let app = on_cnvd(40, 12, false);
    let text = screen(&app, 40, 12);
    insta::assert_snapshot!(text);
    assert!(first_line(&text).contains("CNVD"), "{text}");
}

#[test]
fn cnvd_trend_pane_40x24_keeps_every_headline_figure() {
    let app = on_cnvd(40, 24, false);
    let text = screen(&app, 40, 24);
    insta::assert_snapshot!(text);
    assert!(text.contains("平均分值"), "{text}");
}

#[test]
fn cnvd_detail_figures_compare_with_earlier_weeks_80x24() {
    let app = on_cnvd(80, 24, true);
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    assert!(text.contains("本周数据 · 较上周 cnvd:2024-43"), "{text}");
}

#[test]
fn cnvd_detail_figures_compare_with_earlier_weeks_40x12() {
    let app = on_cnvd(40, 12, true);
    insta::assert_snapshot!(screen(&app, 40, 12));
}

/// The chart view of 平均分值, the third headline figure.
fn avg_score_chart(width: u16, height: u16) -> zhoubao::tui::app::App {
    let mut app = on_cnvd(width, height, false);
    press(&mut app, KeyCode::Char('c'));
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.charts.view.metric, CNVD.figure("avg_score"));
    app
}

#[test]
fn cnvd_chart_view_of_the_average_score_has_a_decimal_axis_80x24() {
    let app = avg_score_chart(80, 24);
    let text = screen(&app, 80, 24);
    insta::assert_snapshot!(text);
    assert!(text.contains("本期 6.38"), "{text}");
    assert!(
        text.contains(".0┤") || text.contains(".5┤"),
        "a decimal axis: {text}"
    );
}

#[test]
fn cnvd_chart_view_of_the_average_score_40x12() {
    let app = avg_score_chart(40, 12);
    let text = screen(&app, 40, 12);
    insta::assert_snapshot!(text);
    assert!(text.contains("本期 6.38"), "{text}");
}

#[test]
fn the_chart_view_reaches_every_figure_the_series_states() {
    let mut app = on_cnvd(80, 24, false);
    press(&mut app, KeyCode::Char('c'));
    let mut seen = vec![app.charts.view.metric];
    for _ in 0..30 {
        press(&mut app, KeyCode::Down);
        if seen.contains(&app.charts.view.metric) {
            break;
        }
        seen.push(app.charts.view.metric);
    }
    let ids: Vec<&str> = seen.iter().map(|m| m.id()).collect();
    // Headline first, then every other figure the fixture states.
    assert_eq!(
        ids,
        [
            "vulns",
            "vulns_high",
            "avg_score",
            "zero_day",
            "gov_vulns",
            "vulns_medium",
            "vulns_low",
            "events_industry",
            "events_telecom",
            "type_web",
            "ind_telecom",
        ]
    );
}

#[test]
fn s_on_a_cache_without_the_other_series_says_so_and_s_comes_back() {
    let mut app = app_zh(library(), Some(key(2024, 17)), 80, 24);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.series(), CNVD);
    let text = screen(&app, 80, 24);
    assert!(text.contains("缓存里还没有 CNVD漏洞周报 的期次"), "{text}");
    assert!(first_line(&text).contains("CNVD漏洞周报 0 期"), "{text}");
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(app.current_key(), Some(key(2024, 17)));
    assert!(first_line(&screen(&app, 80, 24)).contains("CNCERT周报 5 期"));
}

/// CNVD漏洞周报 2025年第5期 covers two weeks (the Spring Festival) under
/// one number, so its 第6期 is the week of the other series' 第7期.
fn shifted_numbers() -> MemoryLibrary {
    let mut lib = MemoryLibrary::new();
    for number in 4..=8 {
        lib.insert(cached_week(2025, number, events(100 + i64::from(number))));
    }
    let week = |n| zhoubao::calendar::period_of_key(key(2025, n)).expect("on the calendar");
    let mut five = cnvd_issue(cnvd(2025, 5), None, cnvd_figures(5));
    five.summary.period = Some(zhoubao::model::Period {
        start: week(5).start,
        end: week(6).end,
    });
    lib.insert(five);
    for (number, calendar) in [(6, 7), (7, 8)] {
        let mut issue = cnvd_issue(cnvd(2025, number), None, cnvd_figures(number.into()));
        issue.summary.period = Some(week(calendar));
        lib.insert(issue);
    }
    lib
}

#[test]
fn the_same_week_is_matched_by_period_when_the_numbers_part() {
    let lib = shifted_numbers();
    let mut app = app_with_ui(Box::new(lib), Some(cnvd(2025, 6)), 80, 24, ui_in(Lang::Zh));
    assert_eq!(app.detail.doc.same_week, vec![key(2025, 7)]);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(
        app.current_key(),
        Some(key(2025, 7)),
        "s opens at the same week"
    );
    assert_eq!(app.detail.doc.same_week, vec![cnvd(2025, 6)]);
    // The two weeks of 第5期 are each the other series' 第5期 and 第6期.
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "2025-6");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.detail.doc.same_week, vec![cnvd(2025, 5)]);
    press(&mut app, KeyCode::Char(':'));
    chars(&mut app, "cnvd:2025-5");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.detail.doc.same_week, vec![key(2025, 5), key(2025, 6)]);
}

#[test]
fn the_chart_view_dates_a_cnvd_week_by_the_days_its_issue_states() {
    // cnvd:2025-6 covers 2月10日-2月16日 (its 第5期 was a double one);
    // the calendar's 2025 第6周 is 2月3日-2月9日.
    let mut app = app_with_ui(
        Box::new(shifted_numbers()),
        Some(cnvd(2025, 6)),
        80,
        24,
        ui_in(Lang::Zh),
    );
    press(&mut app, KeyCode::Char('c'));
    let shot = screen(&app, 80, 24);
    let header = shot.lines().nth(1).unwrap_or_default();
    assert!(header.contains("2月10日-2月16日"), "{header}");
    assert!(!header.contains("2月3日"), "{header}");
    // The title's span ends at the last issue's own number (cnvd:2025-7
    // is the calendar's 第8周).
    let title = shot.lines().next().unwrap_or_default();
    assert!(title.contains(" 2025-5 … 2025-7 "), "{title}");
    assert!(!title.contains("2025-8"), "{title}");
}

#[test]
fn s_from_a_week_the_other_series_lacks_goes_to_the_nearest_and_says_so() {
    let mut lib = MemoryLibrary::new();
    lib.insert(cached_week(2024, 20, events(300)));
    for number in [12, 30] {
        lib.insert(cnvd_issue(
            cnvd(2024, number),
            None,
            cnvd_figures(number.into()),
        ));
    }
    let mut app = app_with_ui(Box::new(lib), Some(key(2024, 20)), 80, 24, ui_in(Lang::Zh));
    press(&mut app, KeyCode::Char('s'));
    // 8 weeks back against 10 ahead: not the newest issue, the nearest.
    assert_eq!(app.current_key(), Some(cnvd(2024, 12)));
    let said = app.status.message.as_ref().map(|m| m.text.clone());
    assert_eq!(
        said.as_deref(),
        Some("CNVD周报 无 2024-20 同周一期，显示最近的 cnvd:2024-12")
    );
}

#[test]
fn a_search_with_no_hit_here_names_the_other_series_that_has_one() {
    let mut app = zh_app(Some(key(2024, 17)), 80, 24);
    press(&mut app, KeyCode::Char('/'));
    chars(&mut app, "CNVD-2024-00001");
    press(&mut app, KeyCode::Enter);
    let shot = screen(&app, 80, 24);
    let status = shot.lines().last().unwrap_or_default();
    assert!(
        status.starts_with("“CNVD-2024-00001” 此处无，CNVD漏洞周报 有 "),
        "{shot}"
    );
    assert!(status.contains("期：s 换过去再搜"), "{status}");
    // At 40 columns the short form, whole.
    let narrow = screen(&app, 40, 12);
    let status = narrow.lines().last().unwrap_or_default();
    assert!(status.starts_with("CNVD周报有 13 期：按 s "), "{narrow}");
    // Once the message is gone, the kept search offers no n/N to walk.
    press(&mut app, KeyCode::Esc);
    let idle = screen(&app, 80, 24);
    let status = idle.lines().last().unwrap_or_default();
    assert!(!status.contains("n/N"), "{status}");
}

#[test]
fn s_says_which_series_is_shown_whole_at_40_columns() {
    let mut app = zh_app(Some(key(2024, 38)), 40, 12);
    press(&mut app, KeyCode::Char('s'));
    let shot = screen(&app, 40, 12);
    let status = shot.lines().last().unwrap_or_default();
    assert!(status.starts_with("现在浏览 CNVD周报，13 期"), "{shot}");
    assert!(!status.contains('…'), "{status}");
}
