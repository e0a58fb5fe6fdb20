//! The detail pane's figures block: each figure's value, its change against
//! the last earlier issue that has it and its rank, then the mean and
//! year-earlier comparisons, laid out for the pane's width. Every phrase is
//! an item kept whole: each figure's items fill its first row in order and
//! continue on indented rows below, and an item starts in the same column
//! as the same item of the other figures wherever that still fits (a table
//! when the pane is wide), so a row never breaks inside a number or a
//! phrase and the eye can run down a column.

use ratatui::style::Style;

use super::super::theme::Theme;
use super::super::wrap::{fit, fit_right, width, wrap_styled};
use crate::i18n::{Lang, Screen};
use crate::model::IssueKey;
use crate::trend::compare::{Direction, IssueComparisons};
use crate::trend::describe::{pane, Part};

type Pieces = Vec<(String, Style)>;

/// Between two items on a row.
const GAP: usize = 2;
/// Where a figure's continued rows start.
const INDENT: usize = 2;

#[derive(Debug, Clone, PartialEq)]
struct FigureRow {
    label: String,
    value: String,
    /// The change against the previous issue first, then the rank, the
    /// mean and the year earlier; only the first when the figure is unknown.
    items: Vec<Pieces>,
}

/// The figures of one issue with their comparisons, independent of width.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureTable {
    rows: Vec<FigureRow>,
    text: Style,
    value: Style,
}

fn style(part: &Part, theme: &Theme) -> Style {
    match part.direction {
        Some(Direction::Rise) => theme.rise,
        Some(Direction::Fall) => theme.fall,
        Some(Direction::Flat) | None => theme.dim,
    }
}

fn pieces(parts: Vec<Part>, theme: &Theme) -> Pieces {
    parts
        .into_iter()
        .map(|p| {
            let s = style(&p, theme);
            (p.text, s)
        })
        .collect()
}

fn pieces_width(p: &Pieces) -> usize {
    p.iter().map(|(t, _)| width(t)).sum()
}

impl FigureTable {
    /// `named` is the issue the heading names: rows compared with it need
    /// not name it again.
    pub fn new(c: &IssueComparisons, named: Option<IssueKey>, theme: &Theme, lang: Lang) -> Self {
        let rows = c
            .metrics
            .iter()
            .map(|m| {
                let mut items = vec![pieces(pane::previous(m, named, lang), theme)];
                items.extend(
                    [
                        pane::last_known(m, lang),
                        pane::rank(m, lang),
                        pane::mean(m, lang),
                        pane::year_earlier(m, lang),
                    ]
                    .into_iter()
                    .flatten()
                    .map(|p| pieces(p, theme)),
                );
                FigureRow {
                    label: Screen::Metric(m.metric).text(lang).into_owned(),
                    value: pane::value(m),
                    items,
                }
            })
            .collect();
        FigureTable {
            rows,
            text: theme.text,
            value: theme.title,
        }
    }

    /// The block as rows of at most `max` cells.
    pub fn lines(&self, max: usize) -> Vec<Pieces> {
        let label_w = self.rows.iter().map(|r| width(&r.label)).max().unwrap_or(0);
        let value_w = self.rows.iter().map(|r| width(&r.value)).max().unwrap_or(0);
        let first = label_w + 1 + value_w;
        let widths: Vec<Vec<usize>> = self
            .rows
            .iter()
            .map(|r| r.items.iter().map(pieces_width).collect())
            .collect();
        let places = place(&widths, first, max);
        let mut out = Vec::new();
        for (r, row_places) in self.rows.iter().zip(&places) {
            let mut rows: Vec<(Pieces, usize)> = vec![(
                vec![
                    (format!("{} ", fit(&r.label, label_w)), self.text),
                    (fit_right(&r.value, value_w), self.value),
                ],
                first,
            )];
            for (item, &(line, start)) in r.items.iter().zip(row_places) {
                while rows.len() <= line {
                    rows.push((Vec::new(), 0));
                }
                let (pieces, used) = &mut rows[line];
                pieces.push((" ".repeat(start.saturating_sub(*used)), self.text));
                pieces.extend(item.iter().cloned());
                *used = start.max(*used) + pieces_width(item);
            }
            for (line, used) in rows {
                if used <= max {
                    out.push(line);
                } else {
                    // Narrower than one item: the wrapper still keeps
                    // numbers whole.
                    out.extend(wrap_styled(&line, max));
                }
            }
        }
        out
    }
}

/// Where each item goes, as (line of its figure, start cell), given each
/// figure's item widths: line 0 already holds `first` cells, later lines
/// start at [`INDENT`]. Items go in order, each on the current line when it
/// fits, else on the next; an item that fits nowhere gets a line of its
/// own. Then, among figures whose line holds the same items before it, an
/// item moves right to the column most of them can share without the line
/// getting too long: alignment never costs a line.
fn place(widths: &[Vec<usize>], first: usize, max: usize) -> Vec<Vec<(usize, usize)>> {
    let mut out: Vec<Vec<(usize, usize)>> = widths
        .iter()
        .map(|items| {
            let (mut line, mut used) = (0, first);
            items
                .iter()
                .map(|&w| {
                    let mut start = used + GAP;
                    if start + w > max && !(line > 0 && used == INDENT) {
                        line += 1;
                        start = INDENT;
                    }
                    used = start + w;
                    (line, start)
                })
                .collect()
        })
        .collect();
    // (line, the column that line begins with) of figure r's item j.
    let line_of = |out: &[Vec<(usize, usize)>], r: usize, j: usize| {
        let line = out[r].get(j)?.0;
        let begins = out[r].iter().position(|&(l, _)| l == line)?;
        (begins < j).then_some((line, begins))
    };
    let end_of = |out: &[Vec<(usize, usize)>], r: usize, line: usize| {
        out[r]
            .iter()
            .zip(&widths[r])
            .filter(|((l, _), _)| *l == line)
            .map(|((_, s), w)| s + w)
            .max()
            .unwrap_or(0)
    };
    let columns = widths.iter().map(Vec::len).max().unwrap_or(0);
    for j in 1..columns {
        let mut keys: Vec<(usize, usize)> =
            (0..out.len()).filter_map(|r| line_of(&out, r, j)).collect();
        keys.sort_unstable();
        keys.dedup();
        for key in keys {
            let members: Vec<usize> = (0..out.len())
                .filter(|&r| line_of(&out, r, j) == Some(key))
                .collect();
            let reach = |c: usize, r: usize| {
                let start = out[r][j].1;
                start <= c && end_of(&out, r, key.0) + (c - start) <= max
            };
            let Some(column) = members.iter().map(|&r| out[r][j].1).max_by_key(|&c| {
                let n = members.iter().filter(|&&r| reach(c, r)).count();
                (n, std::cmp::Reverse(c))
            }) else {
                continue;
            };
            let shifts: Vec<(usize, usize)> = members
                .into_iter()
                .filter(|&r| reach(column, r))
                .map(|r| (r, column - out[r][j].1))
                .collect();
            for (r, shift) in shifts {
                for (l, s) in out[r].iter_mut().skip(j) {
                    if *l == key.0 {
                        *s += shift;
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figures, IssueSummary, SeriesId};
    use crate::trend::WeekSeries;

    fn summary(n: u32, events: i64, urls: Option<i64>) -> IssueSummary {
        IssueSummary::with_figures(
            IssueKey::new(2024, n),
            Figures::headline(
                SeriesId::CNCERT,
                &[
                    Some(events),
                    Some(events / 2),
                    Some(events - 10),
                    Some(5),
                    urls,
                ],
            ),
        )
    }

    fn table() -> FigureTable {
        let series = [
            summary(14, 402, Some(9)),
            summary(16, 369, None),
            summary(17, 381, Some(5)),
        ];
        let c = IssueComparisons::compute(
            &WeekSeries::build(&series),
            IssueKey::new(2024, 17),
            &series[2].figures,
        );
        FigureTable::new(
            &c,
            c.main_previous().map(|p| p.0),
            &Theme::default(),
            Lang::Zh,
        )
    }

    fn text(line: &Pieces) -> String {
        line.iter().map(|(t, _)| t.as_str()).collect()
    }

    #[test]
    fn rows_fit_every_width_and_keep_numbers_whole() {
        let t = table();
        for max in [20, 30, 38, 46, 60, 82, 120] {
            let lines = t.lines(max);
            for l in &lines {
                assert!(pieces_width(l) <= max, "{max}: {:?}", text(l));
            }
            let all: String = lines.iter().map(text).collect::<Vec<_>>().join("\n");
            for whole in ["+12 (+3.3%)", "−4 (−44.4%)", "2024-14", "385.5", "−1.2%"] {
                assert!(all.contains(whole), "{max}: {whole} broken in\n{all}");
            }
        }
    }

    #[test]
    fn a_wide_pane_gives_an_aligned_row_per_figure_a_narrow_one_more() {
        let t = table();
        let wide = t.lines(120);
        assert_eq!(wide.len(), 5);
        // A table: the same item starts in the same cell on every row.
        let starts: Vec<usize> = wide
            .iter()
            .filter_map(|l| text(l).find("前4周均").map(|b| width(&text(l)[..b])))
            .collect();
        assert_eq!(starts.len(), 5);
        assert!(starts.windows(2).all(|w| w[0] == w[1]), "{starts:?}");
        // Narrower, each figure's first row still starts with its value and
        // change, and the rest follows on indented rows.
        let narrow = t.lines(46);
        assert!(narrow.len() > 5);
        assert!(text(&narrow[0]).starts_with("处理事件    381  +12 (+3.3%)"));
        assert!(text(&narrow[1]).starts_with("  前4周均"));
    }

    #[test]
    fn rises_and_falls_are_coloured_apart_from_their_sign() {
        let t = table();
        let row = &t.rows[0].items[0];
        let theme = Theme::default();
        assert_eq!(row[0], ("+12 (+3.3%)".to_string(), theme.rise));
        let urls = &t.rows[4].items[0];
        assert_eq!(urls[0].1, theme.fall);
        assert_ne!(theme.rise, theme.fall);
    }

    #[test]
    fn a_tiny_width_gives_rows_not_a_panic() {
        let t = table();
        for max in 0..20 {
            let lines = t.lines(max);
            if max >= 2 {
                // Below two cells a Chinese character cannot fit at all.
                assert!(lines.iter().all(|l| pieces_width(l) <= max), "{max}");
            }
        }
    }
}
