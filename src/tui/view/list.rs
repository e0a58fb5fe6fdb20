//! The issue list pane: one row per issue of the series shown that the
//! filter admits, newest first (a double issue is one row, `2024-40/41`),
//! each marked unread, not cached, or new (brought by this session's
//! update), then flagged (`*`) and noted (`✎`), under a title naming the
//! series, and a dim separator line where weeks are unknown between two.
//! Only the visible rows are built each frame, so ten thousand
//! issues cost what twenty do.

use std::collections::HashSet;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, Borders, Widget};

use super::list_gaps::{self, ListLine};
use super::theme::Theme;
use super::wrap::{fit, fit_right, truncate, width, wrap};
use crate::i18n::{Lang, Screen, SeriesTui};
use crate::model::{IssueKey, IssueSummary, SeriesId};

/// Marks a cached issue not yet read.
pub const UNREAD: &str = "●";

/// Marks an issue the cache knows only by reference, as the charts mark a
/// week without figures: visible without colour.
pub const NOT_CACHED: &str = "·";

/// Marks an issue this session's update (`R`) brought in full for the
/// first time, read or not, until the TUI closes: what arrived stays
/// easy to find while the list grows around it.
pub const NEW: &str = "+";

/// Marks an issue the reader flagged (`*`, the key that flags it).
pub const FLAGGED: &str = "*";

/// Marks an issue with a note of the reader's.
pub const NOTED: &str = "✎";

/// `04-22~04-27`: the year is already in the key.
fn short_period(s: &IssueSummary) -> String {
    s.period
        .map(|p| format!("{}~{}", p.start.format("%m-%d"), p.end.format("%m-%d")))
        .unwrap_or_default()
}

/// An issue's key with both numbers of a double issue (`2024-40/41`),
/// with its series (`cnvd:2024-40/41`) when `with_series`.
pub fn issue_label(s: &IssueSummary, with_series: bool) -> String {
    if with_series {
        return s.label();
    }
    let key = format!("{}-{}", s.key.year, s.key.number);
    match s.last_number.filter(|&n| n > s.key.number) {
        Some(last) => format!("{key}/{last}"),
        None => key,
    }
}

/// The row text, exactly `cells` wide; `new` when this session's update
/// brought the issue. The title names the series, so the key goes without
/// it; a double issue's longer key takes its cells from the period, which
/// then keeps its end (the second week's).
pub fn row_text(s: &IssueSummary, new: bool, cells: usize) -> String {
    let mark = match (s.cached, s.read) {
        (true, _) if new => NEW,
        (true, false) => UNREAD,
        (true, true) => " ",
        (false, _) => NOT_CACHED,
    };
    let assessment = s.assessment.map_or("", |a| a.chinese());
    // The series' first headline figure (处理事件 for 网络安全信息与动态周报).
    let events = s
        .key
        .series
        .headline()
        .first()
        .and_then(|m| Some(m.show(s.figures.get(*m)?)))
        .unwrap_or_default();
    let key = issue_label(s, false);
    let extra = width(&key).saturating_sub(7);
    // Past 30 cells the period stays whole beside a double issue's key.
    let period_cells = if cells >= 30 + extra {
        11
    } else {
        11 - extra.min(11)
    };
    let mut period = short_period(s);
    if width(&period) > period_cells {
        period = s
            .period
            .map(|p| format!("~{}", p.end.format("%m-%d")))
            .unwrap_or_default();
    }
    let flag = if s.flagged { FLAGGED } else { " " };
    let note = if s.note.is_some() { NOTED } else { " " };
    // The figure's column starts with its own blank (a count has at most
    // four digits), so the flag and the note fit the width a row had.
    let text = format!(
        "{mark}{flag}{note}{} {} {}{}",
        fit(&key, 7 + extra),
        fit(&period, period_cells),
        fit(assessment, 2),
        fit_right(&events, 5),
    );
    fit(&text, cells)
}

/// The pane title for `cells` cells: the series and its issues, every
/// unread one (whatever the filter shows), then the filter (its `label`)
/// when it hides some. A narrow pane names the series by its short name
/// first, then drops the word for issues, then the series, then the
/// total, never the filter.
pub fn title(
    series: SeriesId,
    total: usize,
    unread: usize,
    label: Option<&str>,
    cells: usize,
    lang: Lang,
) -> String {
    let named = |short: bool, counted: bool| {
        SeriesTui::Total {
            series,
            short,
            total,
            counted,
        }
        .text(lang)
        .into_owned()
    };
    let unread = Screen::TitleUnread(unread).text(lang).into_owned();
    let tail = label.map_or_else(String::new, |l| format!(" · {l}"));
    let mut candidates: Vec<String> = [(false, true), (true, true), (true, false)]
        .into_iter()
        .map(|(short, counted)| format!(" {} · {unread}{tail} ", named(short, counted)))
        .collect();
    if let Some(label) = label {
        // Where the series and the filter do not both fit, the filter
        // wins: the list it shows is not the whole series.
        let bare = Screen::TitleTotal {
            total,
            named: false,
        };
        let bare = bare.text(lang);
        candidates.push(format!(" {bare} · {unread} · {label} "));
        candidates.push(format!(" {label} · {unread} "));
    }
    let last = candidates.len() - 1;
    match candidates.iter().find(|t| width(t) <= cells) {
        Some(t) => t.clone(),
        None => truncate(&candidates[last], cells),
    }
}

pub struct ListView<'a> {
    /// The series listed: the title names it.
    pub series: SeriesId,
    /// Every issue, newest first: the rows are looked up here.
    pub summaries: &'a [IssueSummary],
    /// How many issues the series has (the catalog may not have read all
    /// of them yet).
    pub total: usize,
    /// The issues shown, newest first.
    pub rows: &'a [IssueKey],
    /// Per row, the unknown weeks above it (`ListPane::gaps`).
    pub gaps: &'a [u32],
    pub selected: usize,
    /// False when the shown issue is not in the filtered list: then no row
    /// is highlighted, the cursor only says where j/k continue.
    pub highlight: bool,
    pub offset: usize,
    pub focused: bool,
    pub unread: usize,
    /// The issues this session's update brought: marked `+`.
    pub new: &'a HashSet<IssueKey>,
    /// How the title names the filter, when it hides issues.
    pub filter: Option<String>,
    /// What to say when no row is shown.
    pub empty: String,
    pub theme: &'a Theme,
    pub lang: Lang,
}

impl Widget for ListView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let title = title(
            self.series,
            self.total,
            self.unread,
            self.filter.as_deref(),
            usize::from(area.width.saturating_sub(2)),
            self.lang,
        );
        let theme = self.theme;
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(theme.border_type(self.focused))
            .border_style(theme.border(self.focused))
            .title(title);
        let inner = block.inner(area);
        block.render(area, buf);
        let height = usize::from(inner.height);
        // The cursor must be visible even when the app's offset is for another size.
        let offset = if self.selected < self.offset {
            self.selected
        } else if !list_gaps::visible(self.gaps, self.offset, self.selected, height) {
            list_gaps::offset_ending_at(self.gaps, self.selected, height)
        } else {
            self.offset
        };
        let cells = usize::from(inner.width);
        // Newest first, one per key: a binary search finds a row's issue.
        let issue = |key: IssueKey| {
            let at = self.summaries.binary_search_by(|s| key.cmp(&s.key)).ok()?;
            self.summaries.get(at)
        };
        let lines = list_gaps::lines(self.gaps, self.rows.len(), offset, height);
        for (y, line) in (inner.y..inner.bottom()).zip(lines) {
            let i = match line {
                ListLine::Issue(i) => i,
                ListLine::Gap(weeks) => {
                    let text = Screen::UnknownWeeks(weeks).text(self.lang);
                    buf.set_stringn(inner.x, y, fit(&text, cells), cells, theme.dim);
                    continue;
                }
            };
            let Some(s) = self.rows.get(i).and_then(|&key| issue(key)) else {
                continue;
            };
            let mut style = if s.cached { theme.text } else { theme.dim };
            if i == self.selected && self.highlight {
                style = style.patch(theme.selected_row(self.focused));
            }
            let new = self.new.contains(&s.key);
            buf.set_stringn(inner.x, y, row_text(s, new, cells), cells, style);
            if s.cached && (new || !s.read) {
                let mark = if new { NEW } else { UNREAD };
                buf.set_stringn(inner.x, y, mark, 1, style.patch(theme.unread));
            }
        }
        if self.rows.is_empty() {
            for (y, line) in (inner.y..inner.bottom()).zip(wrap(&self.empty, cells)) {
                buf.set_stringn(inner.x, y, line, cells, theme.dim);
            }
        }
    }
}
