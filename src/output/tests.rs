//! The output module's tests: text, JSON and CSV as each command writes them.

use super::*;
use crate::model::{Figures, IssueKey};

#[test]
fn text_cells_that_begin_like_a_formula_are_neutralised() {
    for (text, cell) in [
        (
            "=HYPERLINK(\"http://x\",\"周报\")",
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"周报\"\")\"",
        ),
        ("+1+1", "\"'+1+1\""),
        ("-2+3", "\"'-2+3\""),
        ("@SUM(A1:A9)", "\"'@SUM(A1:A9)\""),
        ("\t=1", "\"'\t=1\""),
        ("\r=1", "\"'\r=1\""),
    ] {
        assert_eq!(csv_cell(text), cell, "{text:?}");
    }
}

#[test]
fn ordinary_text_cells_are_quoted_only_when_needed() {
    assert_eq!(csv_cell("2024-05-04"), "2024-05-04");
    assert_eq!(csv_cell("良"), "良");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("周报=1"), "周报=1");
}

fn row(title: &str, url: &str) -> IssueRow {
    IssueRow {
        summary: IssueSummary {
            title: Some(title.into()),
            cached: false,
            ..IssueSummary::with_figures(IssueKey::new(2024, 17), Figures::default())
        },
        url: Some(url.into()),
    }
}

#[test]
fn title_and_url_cells_are_neutralised_like_every_text_cell() {
    let csv = export_csv(
        &[row("=HYPERLINK(\"http://x\")", "@evil")],
        &[SeriesId::CNCERT],
    );
    let cells = csv.lines().nth(1).unwrap();
    assert!(
        cells.contains(",false,\"'=HYPERLINK(\"\"http://x\"\")\",\"'@evil\",cncert,17,"),
        "{cells}"
    );
}

#[test]
fn list_columns_line_up_by_display_width_in_both_languages() {
    let rows = [row("网络安全信息与动态周报", "https://a")];
    for lang in [Lang::Zh, Lang::En] {
        let text = list_text(&rows, &[SeriesId::CNCERT], lang);
        let lines: Vec<&str> = text.lines().collect();
        let status = Cmd::Col(Col::Status).text(lang);
        let not_cached = Cmd::NotCached.text(lang);
        let at = |line: &str, what: &str| line[..line.find(what).unwrap()].width();
        assert_eq!(at(lines[0], &status), at(lines[1], &not_cached), "{text}");
        let title = Cmd::Col(Col::Title).text(lang);
        assert_eq!(at(lines[0], &title), at(lines[1], "网络"), "{text}");
    }
}

#[test]
fn list_status_tells_read_unread_and_not_cached_apart_in_both_languages() {
    let state = |cached: bool, read: bool| {
        let mut r = row("周报", "https://a");
        r.summary.cached = cached;
        r.summary.read = read;
        r
    };
    let rows = [state(true, true), state(true, false), state(false, false)];
    for (lang, header, states) in [
        (
            Lang::En,
            [
                "ISSUE",
                "PERIOD",
                "GRADE",
                "EVENTS",
                "CROSS-BORDER",
                "PHISHING",
                "APPS",
                "URLS",
                "STATUS",
                "TITLE",
            ],
            ["read", "unread", "not cached"],
        ),
        (
            Lang::Zh,
            [
                "期号",
                "周期",
                "评价",
                "处理事件",
                "跨境事件",
                "仿冒投诉",
                "恶意APP",
                "恶意URL",
                "状态",
                "标题",
            ],
            ["已读", "未读", "未缓存"],
        ),
    ] {
        let text = list_text(&rows, &[SeriesId::CNCERT], lang);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0].split_whitespace().collect::<Vec<_>>(),
            header,
            "{text}"
        );
        let status_at = lines[0].find(header[8]).unwrap();
        let status_col = lines[0][..status_at].width();
        for (line, want) in lines[1..].iter().zip(states) {
            let at = line.find(want).unwrap_or_else(|| panic!("{want}: {text}"));
            assert_eq!(line[..at].width(), status_col, "{text}");
            assert!(line[at + want.len()..].starts_with(' '), "{text}");
        }
    }
}

#[test]
fn numbers_stay_numbers_even_when_negative() {
    let figures = Figures::headline(SeriesId::CNCERT, &[Some(-5)]);
    let s = IssueSummary::with_figures(IssueKey::new(2024, 17), figures);
    let csv = export_csv(
        &[IssueRow {
            summary: s,
            url: None,
        }],
        &[SeriesId::CNCERT],
    );
    let row = csv.lines().nth(1).unwrap();
    // The older issues' five figures, unknown here, after series and numbers.
    assert_eq!(row, "2024,17,,,,,-5,,,,,true,,,cncert,17,,,,,,false,");
}
