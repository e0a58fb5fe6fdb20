//! The series' week numbering, shared by the parser's checks, the weekly
//! statistics, the charts and the generator: 第1期 is the Monday-to-Sunday
//! week that holds 1 January, so a week crossing the new year belongs to
//! the new year, and a year has 52 or 53 issues (2023 has 53: its 第1期
//! began on 2022-12-26). This is not ISO 8601 week numbering (ISO gives
//! 2023 52 weeks and 2026 53), so chrono's `iso_week` cannot be used.
//!
//! Weeks also get a running index ([`week_index`]), so "four weeks before"
//! or "the last 52 weeks" is plain subtraction across year boundaries.

use chrono::{Datelike, Duration, NaiveDate};

use crate::model::{IssueKey, Period};

/// The Monday on or before 1 January of `year`: the start of 第1期.
pub fn first_week_start(year: i32) -> Option<NaiveDate> {
    let new_year = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let back = i64::from(new_year.weekday().num_days_from_monday());
    new_year.checked_sub_signed(Duration::days(back))
}

/// How many issues `year` has: 52, or 53 when 53 weeks separate its
/// 第1期 from the next year's.
pub fn weeks_in_year(year: i32) -> Option<u32> {
    let this = first_week_start(year)?;
    let next = first_week_start(year.checked_add(1)?)?;
    u32::try_from((next - this).num_days() / 7).ok()
}

/// The Monday that starts issue `key`'s week; None when the year has no
/// such issue (第0期, 第53期 of a 52-week year) or the date is out of range.
pub fn week_start(key: IssueKey) -> Option<NaiveDate> {
    if key.number == 0 || key.number > weeks_in_year(key.year)? {
        return None;
    }
    first_week_start(key.year)?.checked_add_signed(Duration::weeks(i64::from(key.number - 1)))
}

/// The issue covering the week that holds `day` (any day of the week).
pub fn key_of_day(day: NaiveDate) -> Option<IssueKey> {
    let back = i64::from(day.weekday().num_days_from_monday());
    let monday = day.checked_sub_signed(Duration::days(back))?;
    let year = monday.checked_add_signed(Duration::days(6))?.year();
    let days = (monday - first_week_start(year)?).num_days();
    let number = u32::try_from(days / 7 + 1).ok()?;
    Some(IssueKey::new(year, number))
}

/// The issue covering the week that starts on `start` (a Monday).
pub fn key_of_week(start: NaiveDate) -> Option<IssueKey> {
    key_of_day(start)
}

/// The Monday-to-Sunday week of `key`, if that year has such a week.
pub fn period_of_key(key: IssueKey) -> Option<Period> {
    let start = week_start(key)?;
    Some(Period {
        start,
        end: start.checked_add_signed(Duration::days(6))?,
    })
}

/// A running count of weeks: consecutive issues of the series have
/// consecutive indices, across year boundaries. Week 0 is the week of
/// 1970-01-05 (a Monday); earlier weeks are negative.
pub fn week_index(key: IssueKey) -> Option<i64> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 5)?;
    Some((week_start(key)? - epoch).num_days().div_euclid(7))
}

/// The [`week_index`] of the week `day` falls in (weeks start on Monday).
pub fn week_index_of_day(day: NaiveDate) -> Option<i64> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 5)?;
    Some((day - epoch).num_days().div_euclid(7))
}

/// The issue whose [`week_index`] is `index`.
pub fn key_at(index: i64) -> Option<IssueKey> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 5)?;
    key_of_day(epoch.checked_add_signed(Duration::try_weeks(index)?)?)
}

/// The same issue number one year earlier (2025-7 → 2024-7), when that
/// year has it: a 53rd week has no counterpart in a 52-week year.
pub fn year_earlier(key: IssueKey) -> Option<IssueKey> {
    let earlier = IssueKey::of(key.series, key.year.checked_sub(1)?, key.number);
    week_start(earlier).map(|_| earlier)
}

pub fn crosses_year(period: Period) -> bool {
    period.start.year() != period.end.year()
}

/// `9月30日-10月6日`, or `2024年12月30日-2025年1月5日` with years.
pub fn period_text(period: Period, with_years: bool) -> String {
    let day = |d: NaiveDate| {
        if with_years {
            format!("{}年{}月{}日", d.year(), d.month(), d.day())
        } else {
            format!("{}月{}日", d.month(), d.day())
        }
    };
    format!("{}-{}", day(period.start), day(period.end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn key(y: i32, n: u32) -> IssueKey {
        IssueKey::new(y, n)
    }

    #[test]
    fn first_issue_is_the_week_holding_new_year_even_when_it_starts_in_december() {
        // Real titles: 2023 第1期 is 2022-12-26 ~ 2023-01-01, 2025 第1期 is
        // 2024-12-30 ~ 2025-01-05, 2024 第1期 begins on 1 January itself.
        assert_eq!(week_start(key(2023, 1)), Some(date(2022, 12, 26)));
        assert_eq!(week_start(key(2025, 1)), Some(date(2024, 12, 30)));
        assert_eq!(week_start(key(2024, 1)), Some(date(2024, 1, 1)));
        assert_eq!(week_start(key(2024, 17)), Some(date(2024, 4, 22)));
        assert_eq!(week_start(key(2022, 41)), Some(date(2022, 10, 3)));
    }

    #[test]
    fn years_have_52_or_53_issues_by_the_series_rule_not_iso() {
        assert_eq!(weeks_in_year(2023), Some(53));
        assert_eq!(weeks_in_year(2024), Some(52));
        assert_eq!(weeks_in_year(2026), Some(52));
        assert_eq!(week_start(key(2023, 53)), Some(date(2023, 12, 25)));
        assert_eq!(week_start(key(2024, 53)), None);
        assert_eq!(week_start(key(2024, 0)), None);
    }

    #[test]
    fn week_index_runs_on_across_year_boundaries_and_53_week_years() {
        let i = |y, n| week_index(key(y, n)).unwrap();
        assert_eq!(i(2025, 1) - i(2024, 52), 1);
        assert_eq!(i(2024, 1) - i(2023, 53), 1);
        assert_eq!(i(2023, 53) - i(2023, 52), 1);
        assert_eq!(i(2025, 7) - i(2024, 7), 52);
        for idx in [
            i(2022, 52),
            i(2023, 1),
            i(2023, 53),
            i(2024, 1),
            0,
            -1,
            -3000,
        ] {
            assert_eq!(week_index(key_at(idx).unwrap()), Some(idx));
        }
    }

    #[test]
    fn the_day_of_any_weekday_names_its_week() {
        assert_eq!(key_of_day(date(2025, 1, 1)), Some(key(2025, 1)));
        assert_eq!(key_of_day(date(2024, 12, 29)), Some(key(2024, 52)));
        assert_eq!(key_of_day(date(2022, 12, 31)), Some(key(2023, 1)));
    }

    #[test]
    fn a_53rd_week_has_no_counterpart_a_year_earlier() {
        assert_eq!(year_earlier(key(2025, 7)), Some(key(2024, 7)));
        assert_eq!(year_earlier(key(2023, 53)), None);
        assert_eq!(year_earlier(key(2024, 52)), Some(key(2023, 52)));
    }

    #[test]
    fn dates_at_the_edge_of_chrono_give_none_not_a_panic() {
        // Years chrono cannot hold, and its last one (262142), whose next
        // 第1期 it cannot hold either: no week, no length, no year earlier.
        for y in [i32::MIN, i32::MAX, 262_143, 262_142] {
            assert_eq!(week_start(key(y, 1)), None, "{y}");
            assert_eq!(weeks_in_year(y), None, "{y}");
        }
        for y in [i32::MIN, i32::MAX, -262_144] {
            assert_eq!(year_earlier(key(y, 1)), None, "{y}");
        }
        assert_eq!(first_week_start(i32::MIN), None);
        // One year inside the edge everything is still known.
        assert!(matches!(weeks_in_year(262_141), Some(52 | 53)));
        assert!(week_start(key(262_141, 1)).is_some());
        assert_eq!(year_earlier(key(262_142, 1)), Some(key(262_141, 1)));
        assert_eq!(key_at(i64::MAX), None);
        assert_eq!(key_at(i64::MIN), None);
    }
}
