//! Fitting text into cells by display width: Chinese runs have no spaces, so
//! lines break between any two wide characters (and at spaces in Latin runs),
//! and truncation counts cells, never bytes or chars.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

/// Cells one character takes; controls (already removed by sanitize) take none.
pub fn char_width(c: char) -> usize {
    c.width().unwrap_or(0)
}

/// Cells a string takes, counted the same way the wrapper counts them.
pub fn width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

/// Splits `chars` into rows of at most `max` cells, returned as index ranges
/// into `chars`. Breaks at the last space or wide character when a Latin word
/// would otherwise be cut, else between any two characters. Spaces at a break
/// are dropped. An empty input gives one empty row so blank lines survive.
pub fn wrap_ranges(chars: &[char], max: usize) -> Vec<Range<usize>> {
    wrap_ranges_with(chars, max, false)
}

/// [`wrap_ranges`], but a row ends after the last phrase mark (`；，、：·`,
/// not a space: `50 周来最低` is one phrase) when one lies in its second half, so a short phrase such
/// as `已知26周第4低` is not cut in two: for the brief's figure lines.
pub fn wrap_ranges_by_phrase(chars: &[char], max: usize) -> Vec<Range<usize>> {
    wrap_ranges_with(chars, max, true)
}

fn ends_phrase(c: char) -> bool {
    matches!(c, '；' | '，' | '、' | '：' | '·' | ';' | ',')
}

fn wrap_ranges_with(chars: &[char], max: usize, by_phrase: bool) -> Vec<Range<usize>> {
    let mut rows = Vec::new();
    if max == 0 {
        return rows;
    }
    let mut start = 0;
    let mut used = 0;
    let mut break_at: Option<usize> = None;
    // A phrase mark's end and the cells before it in the row.
    let mut phrase_at: Option<(usize, usize)> = None;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        let cw = char_width(c);
        if used + cw > max && i > start {
            let mut end = match (phrase_at, break_at) {
                (Some((p, cells)), _) if by_phrase && p > start && cells * 2 >= max => p,
                (_, Some(b)) if b > start && cw < 2 && c != ' ' => b,
                _ => i,
            };
            // Chinese typesetting never starts a row with a closing mark:
            // the character before it moves down with it.
            if chars.get(end).copied().is_some_and(closes) && end > start + 1 {
                end -= 1;
            }
            rows.push(start..trim_end(chars, start, end));
            start = end;
            while chars.get(start) == Some(&' ') {
                start += 1;
            }
            i = i.max(start);
            used = chars
                .get(start..i)
                .map_or(0, |s| s.iter().copied().map(char_width).sum());
            break_at = None;
            phrase_at = None;
            continue;
        }
        used += cw;
        if ends_phrase(c) {
            phrase_at = Some((i + 1, used));
        }
        let next_is_wide = chars.get(i + 1).is_some_and(|n| char_width(*n) >= 2);
        if c == ' ' || cw >= 2 || next_is_wide {
            break_at = Some(i + 1);
        }
        i += 1;
    }
    if start < chars.len() || rows.is_empty() {
        rows.push(start..chars.len());
    }
    rows
}

/// Punctuation that must not begin a row (避头点).
fn closes(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '」'
            | '』'
            | '】'
            | '》'
            | '”'
            | '’'
            | '…'
            | ','
            | '.'
            | ';'
            | ':'
            | ')'
            | '?'
            | '!'
    )
}

fn trim_end(chars: &[char], start: usize, mut end: usize) -> usize {
    while end > start && chars.get(end - 1) == Some(&' ') {
        end -= 1;
    }
    end
}

/// Wraps plain text into rows of at most `max` cells.
pub fn wrap(text: &str, max: usize) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    wrap_ranges(&chars, max)
        .into_iter()
        .map(|r| chars.get(r).map(|s| s.iter().collect()).unwrap_or_default())
        .collect()
}

/// Wraps a line made of styled pieces, keeping each piece's style.
pub fn wrap_styled<S: Copy + PartialEq>(
    pieces: &[(String, S)],
    max: usize,
) -> Vec<Vec<(String, S)>> {
    wrap_styled_with(pieces, max, wrap_ranges)
}

/// [`wrap_styled`] by [`wrap_ranges_by_phrase`].
pub fn wrap_styled_by_phrase<S: Copy + PartialEq>(
    pieces: &[(String, S)],
    max: usize,
) -> Vec<Vec<(String, S)>> {
    wrap_styled_with(pieces, max, wrap_ranges_by_phrase)
}

fn wrap_styled_with<S: Copy + PartialEq>(
    pieces: &[(String, S)],
    max: usize,
    ranges: fn(&[char], usize) -> Vec<Range<usize>>,
) -> Vec<Vec<(String, S)>> {
    let styled: Vec<(char, S)> = pieces
        .iter()
        .flat_map(|(text, style)| text.chars().map(move |c| (c, *style)))
        .collect();
    let chars: Vec<char> = styled.iter().map(|(c, _)| *c).collect();
    ranges(&chars, max)
        .into_iter()
        .map(|r| {
            let mut row: Vec<(String, S)> = Vec::new();
            for (c, style) in styled.get(r).unwrap_or_default() {
                match row.last_mut() {
                    Some((text, s)) if s == style => text.push(*c),
                    _ => row.push((c.to_string(), *style)),
                }
            }
            row
        })
        .collect()
}

/// Cuts `text` to at most `max` cells, ending with `…` when something was cut.
/// Keeps the end of `text` in at most `max` cells, marking the cut with a
/// leading `…`: for input being typed, where the end is what matters.
pub fn truncate_start(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut tail: Vec<char> = Vec::new();
    let mut used = 0;
    for c in text.chars().rev() {
        let cw = char_width(c);
        if used + cw > max - 1 {
            break;
        }
        tail.push(c);
        used += cw;
    }
    std::iter::once('…').chain(tail.into_iter().rev()).collect()
}

pub fn truncate(text: &str, max: usize) -> String {
    if width(text) <= max {
        return text.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let cw = char_width(c);
        if used + cw > max - 1 {
            break;
        }
        out.push(c);
        used += cw;
    }
    out.push('…');
    out
}

/// Truncates, then pads with spaces to exactly `cells` cells.
pub fn fit(text: &str, cells: usize) -> String {
    let mut out = truncate(text, cells);
    let w = width(&out);
    out.extend(std::iter::repeat_n(' ', cells.saturating_sub(w)));
    out
}

/// Pads on the left to `cells` cells (numbers line up on the right).
pub fn fit_right(text: &str, cells: usize) -> String {
    let cut = truncate(text, cells);
    let pad = cells.saturating_sub(width(&cut));
    let mut out: String = std::iter::repeat_n(' ', pad).collect();
    out.push_str(&cut);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phrase_in_the_second_half_of_a_row_moves_down_whole() {
        let text: Vec<char> = "去年同期 —；已知26周第4低".chars().collect();
        let rows = |ranges: Vec<Range<usize>>| -> Vec<String> {
            ranges
                .into_iter()
                .map(|r| text[r].iter().collect())
                .collect()
        };
        assert_eq!(
            rows(wrap_ranges_by_phrase(&text, 20)),
            vec!["去年同期 —；", "已知26周第4低"]
        );
        // The plain wrap fills the row and cuts the phrase.
        assert_eq!(rows(wrap_ranges(&text, 20))[0], "去年同期 —；已知26周");
        // A mark early in the row is no reason to leave it mostly empty.
        let early: Vec<char> = "甲；乙丙丁戊己庚辛壬癸".chars().collect();
        let first: String = early[wrap_ranges_by_phrase(&early, 12)[0].clone()]
            .iter()
            .collect();
        assert_eq!(first, "甲；乙丙丁戊");
    }

    #[test]
    fn chinese_wraps_between_characters_by_display_width() {
        let rows = wrap("网络安全信息与动态周报", 6);
        assert_eq!(rows, vec!["网络安", "全信息", "与动态", "周报"]);
        assert!(rows.iter().all(|r| width(r) <= 6));
    }

    #[test]
    fn a_closing_mark_never_starts_a_row() {
        // 12 cells hold 网络安全态势; the comma would start row two.
        for row in wrap(
            "本周，互联网网络安全态势整体评价为良。我国互联网基础设施运行整体平稳。",
            12,
        )
        .iter()
        .skip(1)
        {
            assert!(!row.starts_with(['，', '。']), "{row}");
        }
        assert_eq!(wrap("网络安全态势，好", 12), vec!["网络安全态", "势，好"]);
    }

    #[test]
    fn odd_width_never_splits_a_wide_character() {
        let rows = wrap("网络安全", 5);
        assert_eq!(rows, vec!["网络", "安全"]);
    }

    #[test]
    fn latin_words_break_at_spaces_and_drop_them() {
        assert_eq!(wrap("alpha beta gamma", 11), vec!["alpha beta", "gamma"]);
    }

    #[test]
    fn latin_word_after_chinese_breaks_after_the_wide_character() {
        assert_eq!(wrap("来源CNCERT", 6), vec!["来源", "CNCERT"]);
    }

    #[test]
    fn overlong_word_is_cut_where_it_overflows() {
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
    }

    #[test]
    fn empty_text_keeps_one_empty_row_and_zero_width_gives_none() {
        assert_eq!(wrap("", 10), vec![String::new()]);
        assert!(wrap("周报", 0).is_empty());
    }

    #[test]
    fn styled_wrap_keeps_styles_per_piece() {
        let rows = wrap_styled(&[("周报".to_string(), 1), ("第17期".to_string(), 2)], 6);
        assert_eq!(
            rows[0],
            vec![("周报".to_string(), 1), ("第".to_string(), 2)]
        );
        assert_eq!(rows[1], vec![("17期".to_string(), 2)]);
    }

    #[test]
    fn truncate_start_keeps_the_end_by_cells() {
        // A wide character that would need a 13th cell is dropped whole.
        assert_eq!(truncate_start("/仿冒仿冒仿冒▏ 3 hits", 12), "…冒▏ 3 hits");
        assert_eq!(truncate_start("/仿冒仿冒仿冒▏ 3 hits", 13), "…仿冒▏ 3 hits");
        assert_eq!(truncate_start("short", 12), "short");
        assert_eq!(truncate_start("网络", 0), "");
    }

    #[test]
    fn truncate_counts_cells_and_marks_the_cut() {
        assert_eq!(truncate("网络安全", 5), "网络…");
        assert_eq!(truncate("网络安全", 8), "网络安全");
        assert_eq!(truncate("网络安全", 1), "…");
        assert_eq!(truncate("网络安全", 0), "");
    }

    #[test]
    fn fit_pads_to_exact_width() {
        assert_eq!(width(&fit("良", 4)), 4);
        assert_eq!(fit_right("381", 5), "  381");
        assert_eq!(width(&fit("网络安全信息", 7)), 7);
    }

    proptest::proptest! {
        #[test]
        fn wrapped_rows_fit_and_lose_only_spaces(text in "[a-z 网络安全周报，。0-9]{0,80}", max in 2usize..30) {
            let rows = wrap(&text, max);
            for r in &rows {
                proptest::prop_assert!(width(r) <= max, "{r:?} wider than {max}");
            }
            let kept: String = rows.concat().chars().filter(|c| *c != ' ').collect();
            let all: String = text.chars().filter(|c| *c != ' ').collect();
            proptest::prop_assert_eq!(kept, all);
        }

        #[test]
        fn phrase_wrapped_rows_fit_and_lose_only_spaces(text in "[a-z 网络安全周报，；。0-9]{0,80}", max in 2usize..30) {
            let chars: Vec<char> = text.chars().collect();
            let rows: Vec<String> = wrap_ranges_by_phrase(&chars, max)
                .into_iter()
                .map(|r| chars[r].iter().collect())
                .collect();
            for r in &rows {
                proptest::prop_assert!(width(r) <= max, "{r:?} wider than {max}");
            }
            let kept: String = rows.concat().chars().filter(|c| *c != ' ').collect();
            let all: String = text.chars().filter(|c| *c != ' ').collect();
            proptest::prop_assert_eq!(kept, all);
        }

        #[test]
        fn truncation_fits_and_keeps_a_prefix(text in "[a-z网络安全周报]{0,40}", max in 0usize..20) {
            let cut = truncate(&text, max);
            proptest::prop_assert!(width(&cut) <= max);
            let stem = cut.strip_suffix('…').unwrap_or(&cut);
            proptest::prop_assert!(text.starts_with(stem));
        }
    }
}
