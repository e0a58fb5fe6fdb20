//! Days as the formats write them: unix seconds in a page's script, an ISO
//! day in front matter, `2024年5月4日` in text. Whatever the input, a day is
//! either inside the years a key may have or unknown: chrono's own range
//! ends far beyond any bulletin (and panics on some conversions there), and
//! a year like 10000 would print as `+10000-01-01`.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate};
use regex::Regex;

use crate::model::IssueKey;

/// The account publishes on Beijing time (UTC+8, no daylight saving).
const BEIJING_OFFSET_SECONDS: i64 = 8 * 3600;

/// The day, when its year is one a bulletin can carry.
pub(crate) fn plausible(day: NaiveDate) -> Option<NaiveDate> {
    IssueKey::YEARS.contains(&day.year()).then_some(day)
}

/// The Beijing calendar day of a unix time in seconds; 0 and negative
/// times are placeholders, not dates.
pub(crate) fn beijing_day(seconds: i64) -> Option<NaiveDate> {
    if seconds <= 0 {
        return None;
    }
    // Shifting the seconds, not the DateTime: chrono's `with_timezone`
    // panics when the shifted time leaves its range.
    let local = seconds.checked_add(BEIJING_OFFSET_SECONDS)?;
    plausible(DateTime::from_timestamp(local, 0)?.date_naive())
}

/// `2024-05-04`, possibly followed by a time (`T10:00`, ` 10:00:00+08:00`).
pub(crate) fn read_iso_day(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let day = value.get(..10)?;
    let shape_ok = day.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        _ => b.is_ascii_digit(),
    });
    if !shape_ok || value.as_bytes().get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    plausible(NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()?)
}

static DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9])([0-9]{4})\s*[-年/.]\s*([0-9]{1,2})\s*[-月/.]\s*([0-9]{1,2})(?:[^0-9]|$)",
    )
    .expect("static regex")
});

/// The first `2017-07-31`, `2024年5月4日 10:00` or `2024/5/4` in a text.
pub(crate) fn read_day_text(text: &str) -> Option<NaiveDate> {
    let caps = DAY.captures(text)?;
    let part = |i: usize| caps.get(i)?.as_str().parse::<u32>().ok();
    let year = i32::try_from(part(1)?).ok()?;
    plausible(NaiveDate::from_ymd_opt(year, part(2)?, part(3)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn unix_time_is_read_as_beijing_day() {
        // 2024-05-03 16:30 UTC is already 4 May 00:30 in Beijing.
        assert_eq!(beijing_day(1714753800), day(2024, 5, 4));
        assert_eq!(beijing_day(1714753799 - 30 * 60), day(2024, 5, 3));
    }

    #[test]
    fn unix_times_at_the_edges_are_unknown() {
        for seconds in [
            0,
            -1,
            i64::MIN,
            i64::MAX,
            i64::MAX - BEIJING_OFFSET_SECONDS + 1,
            253402300800,  // 10000-01-01
            8210266876799, // chrono's last day, Beijing time past it
            8210298412799,
            -62135596800, // 0001-01-01
        ] {
            assert_eq!(beijing_day(seconds), None, "{seconds}");
        }
    }

    #[test]
    fn iso_days_are_read_with_or_without_a_time() {
        assert_eq!(read_iso_day("2024-05-04"), day(2024, 5, 4));
        assert_eq!(read_iso_day(" 2024-05-04T10:00 "), day(2024, 5, 4));
        assert_eq!(read_iso_day("2024-05-04 10:00:00+08:00"), day(2024, 5, 4));
    }

    #[test]
    fn iso_days_outside_the_key_years_or_malformed_are_unknown() {
        for text in [
            "+10000-01-01",
            "-0001-01-01",
            "0000-01-01",
            "9999-12-31",
            "2024-02-30",
            "2024-5-4",
            "20240-05-04",
            "2024-05-045",
            "２０２４-05-04",
            "",
        ] {
            assert_eq!(read_iso_day(text), None, "{text}");
        }
    }

    #[test]
    fn days_in_text_are_read() {
        assert_eq!(read_day_text("2024年5月4日 10:00"), day(2024, 5, 4));
        assert_eq!(read_day_text("发布于2017/07/31"), day(2017, 7, 31));
        assert_eq!(read_day_text("2024-02-30"), None);
        assert_eq!(read_day_text("9999-12-31"), None);
        assert_eq!(read_day_text("12024-05-04"), None);
        assert_eq!(read_day_text("2024-05-045"), None);
    }
}
