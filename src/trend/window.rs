//! Statistics over a span of weeks that the charts draw with, pure and on
//! one value per calendar week (gaps as None, see [`super::WeekSeries::values`]):
//! the span's range, a robust bound above which a week is an outlier to
//! clip rather than a reason to flatten every other week, and a moving
//! average that never bridges a gap. Hand-written: the few order statistics
//! needed are a sort away, and no crate's definitions would be clearer.

/// Fewer known weeks than this give no clipping bound: with four or fewer
/// values the upper quartile is interpolated from the largest one, so an
/// outlier would raise its own bound.
pub const MIN_KNOWN_FOR_CLIP: usize = 5;

/// How many interquartile ranges above the upper quartile a week must be to
/// count as an outlier: Tukey's "far out" fence (3, not the 1.5 of a box
/// plot's whiskers, so that an ordinary busy week is never clipped).
pub const FENCE_IQRS: f64 = 3.0;

/// How far above the highest week drawn a week must be to be clipped: an
/// outlier below this is drawn, raising the top to it.
pub const CLIP_GAIN: f64 = 1.5;

/// The known values of `values`, ascending.
fn sorted_known(values: &[Option<i64>]) -> Vec<i64> {
    let mut known: Vec<i64> = values.iter().flatten().copied().collect();
    known.sort_unstable();
    known
}

/// The lowest and highest known value; None when every week is a gap.
pub fn min_max(values: &[Option<i64>]) -> Option<(i64, i64)> {
    let known = values.iter().flatten().copied();
    Some((known.clone().min()?, known.max()?))
}

/// The `q`-quantile (0 to 1) of ascending `sorted`, by linear interpolation
/// between the order statistics at (n − 1)·q (R's type 7, numpy's default).
fn quantile(sorted: &[i64], q: f64) -> Option<f64> {
    let last = sorted.len().checked_sub(1)?;
    let pos = last as f64 * q.clamp(0.0, 1.0);
    // `pos` lies in 0..=last, so both indices are in range.
    let below = pos.floor() as usize;
    let above = pos.ceil() as usize;
    let (a, b) = (sorted[below] as f64, sorted[above] as f64);
    Some(a + (b - a) * (pos - below as f64))
}

/// The lower and upper quartiles of the known values (type 7, see
/// [`quantile`]); None when every week is a gap.
pub fn quartiles(values: &[Option<i64>]) -> Option<(f64, f64)> {
    let sorted = sorted_known(values);
    Some((quantile(&sorted, 0.25)?, quantile(&sorted, 0.75)?))
}

/// The value above which a week is an outlier: Q3 + [`FENCE_IQRS`] × IQR,
/// with the IQR taken as at least 1 (weekly figures are counts, and a span
/// of equal weeks must not make the next week one more an outlier). None
/// with fewer than [`MIN_KNOWN_FOR_CLIP`] known weeks.
pub fn clip_bound(values: &[Option<i64>]) -> Option<f64> {
    let sorted = sorted_known(values);
    if sorted.len() < MIN_KNOWN_FOR_CLIP {
        return None;
    }
    let (q1, q3) = (quantile(&sorted, 0.25)?, quantile(&sorted, 0.75)?);
    Some(q3 + FENCE_IQRS * (q3 - q1).max(1.0))
}

/// What a chart scales a span to: its lowest known week at the bottom, its
/// highest week that is not an outlier at the top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scale {
    pub low: i64,
    pub high: i64,
    /// Weeks above this are outliers ([`clip_bound`]); None when the span
    /// is too short to tell.
    pub bound: Option<f64>,
}

impl Scale {
    /// The scale of the known weeks of `values`; None when all are gaps.
    pub fn of(values: &[Option<i64>]) -> Option<Scale> {
        let (low, max) = min_max(values)?;
        let bound = clip_bound(values);
        let mut high = match bound {
            // The fence is at least Q3 and Q3 is a known value or between
            // two, so some known value is at or below it.
            Some(b) => values
                .iter()
                .flatten()
                .copied()
                .filter(|&v| v as f64 <= b)
                .max()
                .unwrap_or(max),
            None => max,
        };
        // An outlier within reach of the top is drawn, not clipped: 42
        // over a top of 38 buys no room and hides the highest weeks.
        let clipped: Vec<i64> = sorted_known(values)
            .into_iter()
            .filter(|&v| v > high)
            .collect();
        for v in clipped {
            if (v as f64) > high.max(1) as f64 * CLIP_GAIN {
                break;
            }
            high = v;
        }
        let bound = bound.filter(|_| high < max).map(|b| b.max(high as f64));
        Some(Scale { low, high, bound })
    }

    /// True when `value` lies above the top of the scale: drawn clipped.
    pub fn above(&self, value: i64) -> bool {
        value > self.high
    }
}

/// The trailing `n`-week moving average: entry i is the mean of entries
/// i + 1 − n ..= i, and None unless all `n` of them are known, so a gap
/// never lets an average stand in for a missing week or mix weeks that are
/// not consecutive. The first n − 1 entries are None (their window reaches
/// before the slice). `n` = 0 gives all None.
pub fn moving_average(values: &[Option<i64>], n: usize) -> Vec<Option<f64>> {
    let own: Vec<usize> = (0..values.len()).collect();
    moving_average_by_issue(values, &own, n)
}

/// [`moving_average`] where `issue[i]` names the issue that holds week i:
/// the weeks of one issue (a double issue spans two) count once, so the
/// mean is over issues, as the detail pane's means are.
pub fn moving_average_by_issue<T: PartialEq>(
    values: &[Option<i64>],
    issue: &[T],
    n: usize,
) -> Vec<Option<f64>> {
    if n == 0 {
        return vec![None; values.len()];
    }
    (0..values.len())
        .map(|i| {
            let from = (i + 1).checked_sub(n)?;
            let window = values.get(from..=i)?;
            let mut sum = 0.0;
            let mut count = 0usize;
            for (j, v) in window.iter().enumerate() {
                let v = (*v)?;
                let week = from + j;
                let same_as_before = week > from && issue.get(week) == issue.get(week - 1);
                if !same_as_before {
                    sum += v as f64;
                    count += 1;
                }
            }
            Some(sum / count.max(1) as f64)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(v: &[i64]) -> Vec<Option<i64>> {
        v.iter().copied().map(Some).collect()
    }

    #[test]
    fn min_and_max_skip_gaps_and_an_all_gap_span_has_none() {
        assert_eq!(min_max(&[None, Some(7), None, Some(-1)]), Some((-1, 7)));
        assert_eq!(min_max(&[None, None]), None);
        assert_eq!(min_max(&[]), None);
    }

    #[test]
    fn quartiles_interpolate_between_order_statistics() {
        // numpy.percentile([1, 2, 3, 4], [25, 75]) == [1.75, 3.25]
        assert_eq!(quartiles(&known(&[4, 1, 3, 2])), Some((1.75, 3.25)));
        assert_eq!(quartiles(&[Some(5), None]), Some((5.0, 5.0)));
        assert_eq!(quartiles(&[None]), None);
    }

    #[test]
    fn a_week_far_above_an_ordinary_span_is_clipped_and_the_rest_keep_their_scale() {
        // The shape of the real 处理事件 series: most weeks 100–700 and one
        // week (2023-7) at 2410.
        let mut v = known(&[
            443, 289, 704, 682, 103, 381, 276, 495, 495, 239, 177, 192, 415, 224, 285,
        ]);
        v.insert(4, Some(2410));
        v.insert(9, None);
        let s = Scale::of(&v).unwrap();
        assert_eq!(s.low, 103);
        assert_eq!(s.high, 704, "the highest ordinary week tops the scale");
        assert!(s.above(2410));
        assert!(!s.above(704));
        let bound = s.bound.unwrap();
        assert!(bound > 704.0 && bound < 2410.0, "{bound}");
    }

    #[test]
    fn an_outlier_within_half_again_of_the_top_is_drawn_not_clipped() {
        // Tukey's fence is 40 here: 42 alone would be clipped, for the
        // sake of a tenth of the height, and the top week lose its bar.
        let mut v = known(&[2, 3, 4, 4, 4, 5, 6, 7, 8, 10, 12, 13, 13, 20, 38, 42]);
        assert_eq!(clip_bound(&v), Some(40.0));
        let s = Scale::of(&v).unwrap();
        assert_eq!((s.high, s.above(42)), (42, false));
        // A week far above the rest is still clipped, and only it.
        v.push(Some(400));
        let s = Scale::of(&v).unwrap();
        assert_eq!(s.high, 42);
        assert!(s.above(400));
    }

    #[test]
    fn busy_weeks_in_a_varied_span_are_not_outliers() {
        // 2024-27 … 2025-7 of the real series: 73 to 811, nothing far out.
        let v = known(&[
            495, 239, 177, 192, 415, 224, 285, 763, 187, 742, 73, 271, 263, 295, 169, 345, 811,
            191, 476, 67, 657, 160,
        ]);
        let s = Scale::of(&v).unwrap();
        assert_eq!((s.low, s.high), (67, 811));
    }

    #[test]
    fn a_span_of_equal_weeks_does_not_make_one_more_an_outlier() {
        let v = known(&[5, 5, 5, 5, 5, 6]);
        assert_eq!(Scale::of(&v).unwrap().high, 6);
        let v = known(&[5, 5, 5, 5, 5, 500]);
        assert_eq!(Scale::of(&v).unwrap().high, 5);
    }

    #[test]
    fn too_few_known_weeks_give_no_bound_and_the_maximum_tops_the_scale() {
        let v = [Some(100), None, Some(110), Some(120), Some(130_000)];
        assert_eq!(clip_bound(&v), None);
        let s = Scale::of(&v).unwrap();
        assert_eq!((s.low, s.high, s.bound), (100, 130_000, None));
        assert_eq!(Scale::of(&[None, None]), None);
    }

    #[test]
    fn a_double_issue_counts_once_in_the_moving_average() {
        // Weeks 1 and 2 are one issue (143 for both): (304 + 143 + 92) / 3.
        let v = known(&[304, 143, 143, 92]);
        let issue = [0, 1, 1, 3];
        let avg = moving_average_by_issue(&v, &issue, 4);
        assert_eq!(avg[3], Some((304.0 + 143.0 + 92.0) / 3.0));
        assert_eq!(
            moving_average(&v, 4)[3],
            Some((304.0 + 143.0 * 2.0 + 92.0) / 4.0)
        );
    }

    #[test]
    fn moving_average_needs_every_week_of_its_window() {
        let v = [
            Some(4),
            Some(8),
            Some(4),
            Some(8),
            None,
            Some(1),
            Some(2),
            Some(3),
            Some(4),
            Some(5),
        ];
        let ma = moving_average(&v, 4);
        assert_eq!(
            ma,
            vec![
                None,
                None,
                None,
                Some(6.0),
                None, // the gap itself
                None, // windows holding the gap give nothing
                None,
                None,
                Some(2.5), // 1 2 3 4: the first window after the gap
                Some(3.5),
            ]
        );
    }

    #[test]
    fn moving_average_of_a_short_or_empty_slice_or_zero_window() {
        assert_eq!(moving_average(&[Some(1), Some(2)], 4), vec![None, None]);
        assert!(moving_average(&[], 4).is_empty());
        assert_eq!(moving_average(&[Some(3)], 1), vec![Some(3.0)]);
        assert_eq!(moving_average(&[Some(3)], 0), vec![None]);
    }
}
