//! The list's separator rows: where weeks the cache knows no issue of lie
//! between two listed issues, a row between them says how many (`… 42 周无
//! 记录`), so a jump from 2024-4 to 2023-13 is not mistaken for the week
//! before. Separators are drawn, never selected: the cursor, the offset and
//! the page count issues, and these functions turn issue rows into screen
//! lines for the list's state (scrolling, clicks) and its widget alike.
//! Written here because no list widget has rows that are not items.

use crate::model::IssueKey;
use crate::trend::WeekSeries;

/// What a screen line of the list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListLine {
    /// The issue on this row of the list.
    Issue(usize),
    /// A separator: this many unknown weeks between the rows around it.
    Gap(u32),
}

/// The weeks between `newer` and `older` (both listed, `newer` first) that
/// no issue the cache knows covers, listed or not: 0 when either is off
/// the calendar or of another series than `weeks`.
pub fn unknown_weeks(newer: IssueKey, older: IssueKey, weeks: &WeekSeries) -> u32 {
    let series = weeks.series();
    if series != Some(newer.series) || series != Some(older.series) {
        return 0;
    }
    let (Some(start), Some(older_start)) = (weeks.index_of(newer), weeks.index_of(older)) else {
        return 0;
    };
    // A double issue covers the week after its first too.
    let after = weeks.get(older_start).map_or(older_start, |w| w.end) + 1;
    if after >= start {
        return 0;
    }
    let known: i64 = weeks
        .between(after..start)
        .iter()
        .map(|w| w.end.min(start - 1) - w.index + 1)
        .sum();
    u32::try_from((start - after - known).max(0)).unwrap_or(u32::MAX)
}

/// The separator's weeks before row `i`: `gaps[i]`, 0 beyond the end. The
/// first row on screen keeps its separator (the row above is off screen,
/// the weeks between are still unknown) unless the list has one line.
fn gap_before(gaps: &[u32], i: usize, offset: usize, height: usize) -> u32 {
    if i == offset && height < 2 {
        return 0;
    }
    gaps.get(i).copied().unwrap_or(0)
}

/// The screen lines from row `offset` on, at most `height` of them, for a
/// list of `rows` rows.
pub fn lines(gaps: &[u32], rows: usize, offset: usize, height: usize) -> Vec<ListLine> {
    let mut out = Vec::with_capacity(height);
    for i in offset..rows {
        if out.len() >= height {
            break;
        }
        let gap = gap_before(gaps, i, offset, height);
        if gap > 0 {
            out.push(ListLine::Gap(gap));
            if out.len() >= height {
                break;
            }
        }
        out.push(ListLine::Issue(i));
    }
    out
}

/// How many screen lines rows `offset..=last` take in a list `height` high.
fn lines_through(gaps: &[u32], offset: usize, last: usize, height: usize) -> usize {
    (offset..=last)
        .map(|i| 1 + usize::from(gap_before(gaps, i, offset, height) > 0))
        .sum()
}

/// The first row to show so that row `row` is the last one on screen
/// (or as far down as it goes): the smallest offset whose lines through
/// `row` fit in `height`.
pub fn offset_ending_at(gaps: &[u32], row: usize, height: usize) -> usize {
    let height = height.max(1);
    let mut offset = row;
    let mut used = 1 + usize::from(gap_before(gaps, row, row, height) > 0);
    // Each step up adds the row above and the separator above it.
    while offset > 0 {
        let more = 1 + usize::from(gaps.get(offset - 1).copied().unwrap_or(0) > 0);
        if used + more > height {
            break;
        }
        used += more;
        offset -= 1;
    }
    offset
}

/// Whether row `row` is on screen from `offset` in `height` lines.
pub fn visible(gaps: &[u32], offset: usize, row: usize, height: usize) -> bool {
    let height = height.max(1);
    row >= offset && lines_through(gaps, offset, row, height) <= height
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figures, IssueSummary};

    fn summary(year: i32, number: u32, last_number: Option<u32>) -> IssueSummary {
        IssueSummary {
            key: IssueKey::new(year, number),
            last_number,
            title: None,
            period: None,
            published: None,
            assessment: None,
            figures: Figures::default(),
            cached: true,
            read: false,
            flagged: false,
            note: None,
        }
    }

    #[test]
    fn unknown_weeks_count_the_calendar_not_the_hidden_rows() {
        let weeks = WeekSeries::build(&[
            summary(2024, 4, None),
            summary(2023, 13, None),
            summary(2023, 40, Some(41)),
            summary(2023, 12, None),
        ]);
        let k = IssueKey::new;
        // The series' 2023 has 53 weeks: 42..=53 after the double 40、41,
        // then 2024's 1..=3.
        assert_eq!(unknown_weeks(k(2024, 4), k(2023, 40), &weeks), 12 + 3);
        assert_eq!(unknown_weeks(k(2023, 40), k(2023, 13), &weeks), 26);
        // A filter hiding 2023-40 and 41: the weeks they cover are known.
        assert_eq!(unknown_weeks(k(2024, 4), k(2023, 13), &weeks), 43 - 2);
        assert_eq!(unknown_weeks(k(2023, 13), k(2023, 12), &weeks), 0);
    }

    #[test]
    fn separators_take_lines_but_never_a_row() {
        // Rows 0..5, a gap before row 2 and row 4.
        let gaps = [0, 0, 7, 0, 1];
        assert_eq!(
            lines(&gaps, 5, 0, 10),
            [
                ListLine::Issue(0),
                ListLine::Issue(1),
                ListLine::Gap(7),
                ListLine::Issue(2),
                ListLine::Issue(3),
                ListLine::Gap(1),
                ListLine::Issue(4),
            ]
        );
        // The first row on screen keeps the separator above it, but for a
        // list of one line.
        assert_eq!(
            lines(&gaps, 5, 2, 2),
            [ListLine::Gap(7), ListLine::Issue(2)]
        );
        assert_eq!(lines(&gaps, 5, 2, 1), [ListLine::Issue(2)]);
        assert!(visible(&gaps, 0, 3, 5));
        assert!(!visible(&gaps, 0, 4, 6));
        assert!(!visible(&gaps, 2, 3, 2));
        assert!(visible(&gaps, 2, 2, 2));
        assert_eq!(offset_ending_at(&gaps, 4, 3), 3);
        assert_eq!(offset_ending_at(&gaps, 4, 4), 3);
        assert_eq!(offset_ending_at(&gaps, 4, 5), 2);
        assert_eq!(offset_ending_at(&gaps, 4, 1), 4);
        assert_eq!(offset_ending_at(&gaps, 4, 100), 0);
        assert_eq!(offset_ending_at(&[], 4, 3), 2);
    }
}
