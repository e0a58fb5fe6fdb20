//! The detail document's sections below its header: the reader's note,
//! the other series' same week, the figures and their comparisons, other
//! copies that say otherwise, the 近期回顾 links and the chart lines.

use super::*;

/// The reader's note under its heading, each line cleaned where it is
/// drawn (the cache keeps it as typed).
pub(super) fn note(b: &mut Builder, s: &IssueSummary) {
    let Some(note) = s.note.as_deref() else {
        return;
    };
    let edit = (!b.edit_key.is_empty()).then(|| b.edit_key.clone());
    let heading = Mine::NotePane { edit }.text(b.lang).into_owned();
    b.heading(&heading);
    for line in sanitize::clean(note, true).lines() {
        b.text(line, b.theme.text);
    }
}

/// A line per issue of another series for the same week: its key, its
/// first headline figure, whether it is cached; Enter goes there.
pub(super) fn same_week(b: &mut Builder, issues: &[IssueSummary]) -> Vec<IssueKey> {
    for (i, s) in issues.iter().enumerate() {
        let figure = s.key.series.headline().first().and_then(|m| {
            let v = s.figures.get(*m)?;
            Some((*m, m.show(v)))
        });
        let said = SeriesTui::SameWeek {
            series: s.key.series,
            key: crate::tui::view::list::issue_label(s, false),
            figure,
            cached: s.cached,
        };
        let item = b.item(Item::SameWeek(i));
        let style = if s.cached {
            b.theme.link
        } else {
            b.theme.not_cached
        };
        b.lines.push(DocLine {
            pieces: vec![(said.text(b.lang).into_owned(), style)],
            link: item,
            one_row: false,
            figures: None,
            short: None,
        });
    }
    issues.iter().map(|s| s.key).collect()
}

/// The heading names what the figures are compared with; each figure
/// names its own earlier issue when that is another one.
pub(super) fn figures(b: &mut Builder, comparisons: &IssueComparisons) {
    b.heading(&describe::pane::heading(comparisons, b.lang));
    let named = comparisons.main_previous().map(|(k, _)| k);
    let table = FigureTable::new(comparisons, named, b.theme, b.lang);
    b.lines.push(DocLine {
        pieces: Vec::new(),
        link: None,
        one_row: false,
        figures: Some(table),
        short: None,
    });
}

/// Each lower copy that says otherwise (`show`'s words), then its link.
pub(super) fn conflicts(b: &mut Builder, conflicts: &[Conflict]) {
    for c in conflicts {
        let says = Cmd::AnotherCopy(c.clone()).text(b.lang);
        b.text(&says, b.theme.error);
        if let Some(url) = &c.url {
            b.address(url);
        }
    }
}

pub(super) fn links(b: &mut Builder, links: &[LinkTarget]) {
    if links.is_empty() {
        return;
    }
    let heading = b.say(Screen::RecentHeading);
    b.heading(&heading);
    for (i, l) in links.iter().enumerate() {
        let item = b.item(Item::Link(i));
        let (mark, style) = if l.cached {
            (b.say(Screen::CachedMark), b.theme.dim)
        } else {
            (b.say(Screen::NotCachedMark), b.theme.not_cached)
        };
        let number = (format!("{}. ", i + 1), b.theme.dim);
        let mark = (format!("  {mark}"), style);
        let short = short_title(l).map(|t| vec![number.clone(), (t, b.theme.link), mark.clone()]);
        b.lines.push(DocLine {
            pieces: vec![number, (sanitize::line(&l.title), b.theme.link), mark],
            link: item,
            one_row: false,
            figures: None,
            short,
        });
    }
}

/// One of the issue's charts, one row: its number, whether it is
/// downloaded, and the heading it is under and the words before it (else
/// its address), so the list reads as the bulletin's charts, not as
/// addresses. Enter opens the image view on it.
pub(super) fn chart_line(
    b: &mut Builder,
    n: usize,
    url: &str,
    known: Option<&IssueImage>,
    link: Option<usize>,
) {
    let t = b.theme;
    let (mark, mark_style) = match known.map(|i| &i.state) {
        Some(ImageState::Cached { .. }) => (Images::MarkCached, t.dim),
        Some(ImageState::Failed { .. }) => (Images::MarkFailed, t.not_cached),
        Some(ImageState::BadAddress) => (Images::MarkBadAddress, t.not_cached),
        Some(ImageState::Missing) | None => (Images::Missing, t.not_cached),
    };
    let (heading, caption) = match known {
        Some(i) => (i.heading.as_deref(), i.caption.as_deref()),
        None => (None, None),
    };
    // Charts under one heading tell apart by the words before each.
    let (label, words) = match (heading, caption) {
        (Some(h), Some(c)) => (sanitize::line(h), Some(format!(" · {}", sanitize::line(c)))),
        (Some(only), None) | (None, Some(only)) => (sanitize::line(only), None),
        (None, None) => (sanitize::url(url), None),
    };
    let mut pieces = vec![
        (format!("{} ", Images::Number { n }.text(b.lang)), t.dim),
        (format!("{}  ", mark.text(b.lang)), mark_style),
        (label, t.link),
    ];
    pieces.extend(words.map(|w| (w, t.dim)));
    b.lines.push(DocLine {
        pieces,
        link,
        one_row: true,
        figures: None,
        short: None,
    });
}

/// A keyed 近期回顾 line's title without the series' name it repeats: the
/// key and the dates in its last brackets (`2024-16 4月15日-4月21日`), the
/// key alone without them; None for a line without a key.
pub(super) fn short_title(l: &LinkTarget) -> Option<String> {
    let key = l.key?;
    let title = sanitize::line(&l.title);
    let dates = title
        .trim_end()
        .strip_suffix(['）', ')'])
        .and_then(|t| t.rsplit_once(['（', '(']))
        .map(|(_, dates)| dates.trim())
        .filter(|d| !d.is_empty());
    Some(match dates {
        Some(dates) => format!("{key} {dates}"),
        None => key.to_string(),
    })
}
