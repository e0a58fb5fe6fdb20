//! The series' week numbering: 第1期 is the Monday-to-Sunday week that holds
//! 1 January, so a week crossing the new year belongs to the new year.

use chrono::{Datelike, Duration, NaiveDate};

use crate::model::{IssueKey, Period};

/// The Monday on or before 1 January of `year`: the start of 第1期.
pub fn first_week_start(year: i32) -> Option<NaiveDate> {
    let new_year = NaiveDate::from_ymd_opt(year, 1, 1)?;
    let back = i64::from(new_year.weekday().num_days_from_monday());
    Some(new_year - Duration::days(back))
}

/// The issue covering the week that starts on `start` (a Monday).
pub fn key_of_week(start: NaiveDate) -> Option<IssueKey> {
    let year = (start + Duration::days(6)).year();
    let days = (start - first_week_start(year)?).num_days();
    let number = u32::try_from(days / 7 + 1).ok()?;
    Some(IssueKey::new(year, number))
}

/// The Monday-to-Sunday week of `key`, if that year has such a week.
pub fn period_of_key(key: IssueKey) -> Option<Period> {
    let weeks = i64::from(key.number.checked_sub(1)?);
    let start = first_week_start(key.year)? + Duration::weeks(weeks);
    (key_of_week(start)? == key).then(|| Period {
        start,
        end: start + Duration::days(6),
    })
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
