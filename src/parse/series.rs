//! Reads an issue's series, key and period from a title, e.g.
//! `网络安全信息与动态周报2024年第17期（4月22日-4月27日）` or
//! `CNVD漏洞周报2024年第40、41期` (a double issue), and a period line in
//! the text (`2024年04月22日-2023年04月28日`), whose year typos the key
//! corrects.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::date::plausible;
use super::text::ascii_digits;
use crate::calendar;
use crate::model::{IssueKey, Period, SeriesId};

/// A longer span is no week: the period text is garbled.
const MAX_PERIOD_DAYS: i64 = 31;

/// Why a title names no usable issue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum TitleProblem {
    /// Another article altogether.
    NotSeries,
    /// The series name without `YYYY年第N期`.
    Unnumbered,
    /// `第0期`, `第999期` or digits beyond any integer.
    BadNumber(String),
    /// A year outside [`IssueKey::YEARS`].
    BadYear(i32),
}

/// What a series title says about its issue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IssueTitle {
    pub key: IssueKey,
    /// The last number of a double issue (`第40、41期`).
    pub last_number: Option<u32>,
    pub period: Option<Period>,
}

/// A double issue covers at most this many numbers after its first.
const MAX_DOUBLE_SPAN: u32 = 3;

static ISSUE: LazyLock<Regex> =
    // No digit before the year: 2147483648年 is a mangled title, not 3648.
    LazyLock::new(|| {
        Regex::new(r"(?:^|[^0-9])([0-9]{4})\s*年\s*第\s*([0-9]+)(?:\s*[、,，和及至\-–—~～]\s*(?:第\s*)?([0-9]+))?\s*期")
            .expect("static regex")
    });

static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"[（(]\s*(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日?\s*",
        r"[-–—~～至到]+\s*",
        r"(?:([0-9]{4})\s*年\s*)?(?:([0-9]{1,2})\s*月\s*)?([0-9]{1,2})\s*日?\s*[)）]",
    ))
    .expect("static regex")
});

/// The series whose name `title` carries.
pub(crate) fn series_of(title: &str) -> Option<SeriesId> {
    let compact: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    SeriesId::all().find(|s| s.decl().title_words.iter().any(|w| compact.contains(w)))
}

/// Reads the series, key and period from a title; the period is None when
/// it is missing or names a day that does not exist.
pub(crate) fn read_title(title: &str) -> Result<IssueTitle, TitleProblem> {
    let title = ascii_digits(title);
    let series = series_of(&title).ok_or(TitleProblem::NotSeries)?;
    let caps = ISSUE.captures(&title).ok_or(TitleProblem::Unnumbered)?;
    let (year_text, number_text) = match (caps.get(1), caps.get(2)) {
        (Some(y), Some(n)) => (y.as_str(), n.as_str()),
        _ => return Err(TitleProblem::Unnumbered),
    };
    let year: i32 = year_text.parse().map_err(|_| TitleProblem::Unnumbered)?;
    if !IssueKey::YEARS.contains(&year) {
        return Err(TitleProblem::BadYear(year));
    }
    let number = number_text
        .parse::<u32>()
        .ok()
        .filter(|n| IssueKey::NUMBERS.contains(n))
        .ok_or_else(|| TitleProblem::BadNumber(shorten_digits(number_text)))?;
    let key = IssueKey::of(series, year, number);
    // `第40、41期`: a later number close by; anything else is no double issue.
    let last_number = caps
        .get(3)
        .and_then(|n| n.as_str().parse::<u32>().ok())
        .filter(|&last| last > number && last - number <= MAX_DOUBLE_SPAN)
        .filter(|last| IssueKey::NUMBERS.contains(last));
    let after_key = caps.get(0).and_then(|m| title.get(m.end()..)).unwrap_or("");
    Ok(IssueTitle {
        key,
        last_number,
        period: read_period(after_key, year),
    })
}

static PERIOD_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"^\s*([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日?\s*",
        r"[-–—~～至到]+\s*",
        r"([0-9]{4})\s*年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日?\s*$",
    ))
    .expect("static regex")
});

/// A line that is only a period with years (`2024年04月22日-2024年04月28日`,
/// as CNVD漏洞周报 writes it under the title): the days as written, each
/// in the year that puts it nearest the issue's own week, since the title's
/// key is right and a year in the line can be a typo
/// (`2024年04月22日-2023年04月28日`, `2022年01月06日-2025年01月12日`).
pub(crate) fn read_period_line(line: &str, key: IssueKey) -> Option<Period> {
    let line = ascii_digits(line);
    let caps = PERIOD_LINE.captures(&line)?;
    let num = |i: usize| -> Option<u32> { caps.get(i)?.as_str().parse().ok() };
    let week = calendar::period_of_key(key)?;
    let nearest = |month: u32, day: u32, near: chrono::NaiveDate| {
        (key.year - 1..=key.year + 1)
            .filter_map(|y| chrono::NaiveDate::from_ymd_opt(y, month, day))
            .min_by_key(|d| (*d - near).num_days().abs())
    };
    let start = nearest(num(2)?, num(3)?, week.start)?;
    let end = plausible(nearest(num(5)?, num(6)?, week.end)?)?;
    let days = (end - start).num_days();
    (0..=MAX_PERIOD_DAYS)
        .contains(&days)
        .then_some(Period { start, end })
}

fn shorten_digits(digits: &str) -> String {
    let trimmed = digits.trim_start_matches('0');
    let shown = if trimmed.is_empty() { "0" } else { trimmed };
    if shown.chars().count() > 12 {
        let head: String = shown.chars().take(12).collect();
        format!("{head}…")
    } else {
        shown.to_string()
    }
}

/// `（4月22日-4月27日）` or `（2024年12月30日-2025年1月5日）`. Without
/// written years both ends belong to the issue's year, except that a start
/// later in the year than the end lies in the year before (`12月30日-1月5日`).
fn read_period(text: &str, issue_year: i32) -> Option<Period> {
    let caps = PERIOD.captures(text)?;
    let num = |i: usize| -> Option<u32> { caps.get(i)?.as_str().parse().ok() };
    let year = |i: usize| -> Option<i32> { caps.get(i)?.as_str().parse().ok() };
    let (start_month, start_day, end_day) = (num(2)?, num(3)?, num(6)?);
    let end_month = num(5).unwrap_or(start_month);
    let end_year = year(4).unwrap_or(issue_year);
    let start_year = year(1).unwrap_or(if (start_month, start_day) > (end_month, end_day) {
        end_year - 1
    } else {
        end_year
    });
    // A week ends in its issue's year or next to it (a 第1期 can end on 5
    // January): a period years away is a typo, not a date to keep.
    if (end_year - issue_year).abs() > 1 {
        return None;
    }
    let start = NaiveDate::from_ymd_opt(start_year, start_month, start_day)?;
    let end = plausible(NaiveDate::from_ymd_opt(end_year, end_month, end_day)?)?;
    let days = (end - start).num_days();
    (0..=MAX_PERIOD_DAYS)
        .contains(&days)
        .then_some(Period { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn read(title: &str) -> IssueTitle {
        read_title(title).unwrap()
    }

    #[test]
    fn key_and_period_of_a_plain_title() {
        let t = read("网络安全信息与动态周报2024年第17期（4月22日-4月27日）");
        assert_eq!(t.key, IssueKey::new(2024, 17));
        let p = t.period.unwrap();
        assert_eq!((p.start, p.end), (date(2024, 4, 22), date(2024, 4, 27)));
    }

    #[test]
    fn explicit_years_across_new_year() {
        let t = read("网络安全信息与动态周报2025年第1期（2024年12月30日-2025年1月5日）");
        assert_eq!(t.key, IssueKey::new(2025, 1));
        let p = t.period.unwrap();
        assert_eq!((p.start, p.end), (date(2024, 12, 30), date(2025, 1, 5)));
    }

    #[test]
    fn implicit_years_across_new_year_put_the_start_in_the_year_before() {
        let p = read("网络安全信息与动态周报2025年第1期（12月30日-1月5日）")
            .period
            .unwrap();
        assert_eq!((p.start, p.end), (date(2024, 12, 30), date(2025, 1, 5)));
    }

    #[test]
    fn ascii_parentheses_and_spaces_are_accepted() {
        let t = read("网络安全信息与动态周报 2023 年第 9 期 (2月20日 - 2月26日)");
        assert_eq!(t.key, IssueKey::new(2023, 9));
        assert_eq!(t.period.unwrap().start, date(2023, 2, 20));
    }

    #[test]
    fn a_day_that_does_not_exist_leaves_the_period_unknown() {
        let t = read("网络安全信息与动态周报2024年第9期（2月30日-3月3日）");
        assert_eq!(t.key, IssueKey::new(2024, 9));
        assert_eq!(t.period, None);
    }

    #[test]
    fn an_end_before_the_start_leaves_the_period_unknown() {
        let t = read("网络安全信息与动态周报2024年第9期（3月9日-3月3日）");
        assert_eq!(t.period, None);
    }

    #[test]
    fn a_title_without_period_keeps_its_key() {
        let t = read("网络安全信息与动态周报2024年第9期");
        assert_eq!((t.key, t.period), (IssueKey::new(2024, 9), None));
    }

    #[test]
    fn unnumbered_series_title_is_reported_as_such() {
        assert_eq!(
            read_title("国家互联应急中心-网络安全信息与动态周报"),
            Err(TitleProblem::Unnumbered)
        );
    }

    #[test]
    fn other_articles_are_not_of_the_series() {
        assert_eq!(
            read_title("科技爱好者周刊2024年第17期"),
            Err(TitleProblem::NotSeries)
        );
    }

    #[test]
    fn issue_numbers_outside_one_to_sixty_are_refused() {
        for (title, shown) in [
            ("网络安全信息与动态周报2024年第0期", "0"),
            ("网络安全信息与动态周报2024年第999期", "999"),
            ("网络安全信息与动态周报2024年第61期", "61"),
            (
                "网络安全信息与动态周报2024年第99999999999999999999期",
                "999999999999…",
            ),
        ] {
            assert_eq!(
                read_title(title),
                Err(TitleProblem::BadNumber(shown.into())),
                "{title}"
            );
        }
    }

    #[test]
    fn a_longer_number_before_年_is_not_read_as_its_last_four_digits() {
        assert!(read_title("网络安全信息与动态周报2147483648年第1期").is_err());
        assert_eq!(
            read_title("网络安全信息与动态周报2024年第17期").map(|t| t.key),
            Ok(IssueKey::new(2024, 17))
        );
    }

    #[test]
    fn implausible_years_are_refused() {
        assert_eq!(
            read_title("网络安全信息与动态周报0000年第1期"),
            Err(TitleProblem::BadYear(0))
        );
        assert_eq!(
            read_title("网络安全信息与动态周报9999年第1期"),
            Err(TitleProblem::BadYear(9999))
        );
    }

    #[test]
    fn full_width_digits_are_read() {
        let t = read("网络安全信息与动态周报２０２４年第１７期（４月２２日-４月２７日）");
        assert_eq!(t.key, IssueKey::new(2024, 17));
        assert!(t.period.is_some());
    }

    #[test]
    fn a_cnvd_title_is_of_the_cnvd_series() {
        let t = read("CNVD漏洞周报2024年第17期");
        assert_eq!(t.key, IssueKey::of(SeriesId::CNVD, 2024, 17));
        assert_eq!((t.last_number, t.period), (None, None));
    }

    #[test]
    fn a_double_issue_keeps_its_first_number_and_its_last() {
        let t = read("CNVD漏洞周报2024年第40、41期");
        assert_eq!(t.key, IssueKey::of(SeriesId::CNVD, 2024, 40));
        assert_eq!(t.last_number, Some(41));
        // Numbers far apart or backwards are no double issue.
        assert_eq!(read("CNVD漏洞周报2024年第40、49期").last_number, None);
        assert_eq!(read("CNVD漏洞周报2024年第40、39期").last_number, None);
    }

    #[test]
    fn a_period_line_takes_the_year_nearest_the_issues_week() {
        let key = IssueKey::of(SeriesId::CNVD, 2024, 17);
        let p = read_period_line("2024年04月22日-2023年04月28日", key).unwrap();
        assert_eq!((p.start, p.end), (date(2024, 4, 22), date(2024, 4, 28)));
        let key = IssueKey::of(SeriesId::CNVD, 2025, 2);
        let p = read_period_line("2022年01月06日-2025年01月12日", key).unwrap();
        assert_eq!((p.start, p.end), (date(2025, 1, 6), date(2025, 1, 12)));
        // A week across the new year.
        let key = IssueKey::of(SeriesId::CNVD, 2025, 1);
        let p = read_period_line("2024年12月30日-2025年01月05日", key).unwrap();
        assert_eq!((p.start, p.end), (date(2024, 12, 30), date(2025, 1, 5)));
        assert_eq!(
            read_period_line("2024年04月22日-2024年04月28日，本周", key),
            None
        );
    }
}
