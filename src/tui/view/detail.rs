//! The detail pane: one issue as a document of styled lines (header, figures
//! compared with earlier weeks, body, chart images, numbered 近期回顾
//! links), wrapped once per width and drawn from the cached rows. The image
//! addresses and the 近期回顾 lines are its selectable items.

mod figures;
mod sections;

use sections::{chart_line, conflicts, figures, links, note, same_week};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use self::figures::FigureTable;
use super::theme::Theme;
use super::wrap::{truncate, width as text_width, wrap_styled};
use crate::i18n::{Cmd, FeedTui, Images, Lang, Mine, Screen, SeriesTui};
use crate::images::{ImageState, IssueImage};
use crate::model::{Conflict, IssueDetail, IssueKey, IssueSummary, Period, StoredRef};
use crate::sanitize;
use crate::trend::describe;
use crate::trend::IssueComparisons;
use crate::tui::ui::Ui;

/// Where a 近期回顾 line points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    pub key: Option<IssueKey>,
    pub title: String,
    pub url: Option<String>,
    pub cached: bool,
}

impl From<&StoredRef> for LinkTarget {
    fn from(r: &StoredRef) -> Self {
        LinkTarget {
            key: r.key,
            title: r.title.clone(),
            url: r.url.clone(),
            cached: r.cached,
        }
    }
}

/// A selectable line of the detail pane, in page order: the chart image
/// addresses under 图表 come before the 近期回顾 lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// `DetailDoc::images[i]`: opened in the browser.
    Image(usize),
    /// `DetailDoc::links[i]`: followed inside zhoubao.
    Link(usize),
    /// `DetailDoc::same_week[i]`: the same week's issue of another series,
    /// shown as a followed link is.
    SameWeek(usize),
}

/// One logical line before wrapping; `link` marks the rows of a selectable
/// item (an index into `DetailDoc::items`).
#[derive(Debug, Clone, PartialEq)]
struct DocLine {
    pieces: Vec<(String, Style)>,
    link: Option<usize>,
    /// Addresses are cut to one row with `…`: wrapped, a WeChat URL takes
    /// four rows of an 80-column screen and says nothing a reader uses.
    one_row: bool,
    /// The figures block, laid out by width in columns rather than wrapped.
    figures: Option<FigureTable>,
    /// A 近期回顾 line's one-row form (`2024-16 4月15日-4月21日`), drawn
    /// when the full title would wrap and the line is not the selected one.
    short: Option<Vec<(String, Style)>>,
}

/// What the detail pane shows for one issue, independent of width.
#[derive(Debug, Clone, PartialEq)]
pub struct DetailDoc {
    pub key: Option<IssueKey>,
    /// The issue's own URL, for `o`.
    pub url: Option<String>,
    pub links: Vec<LinkTarget>,
    /// The same week's issues of the other series the cache knows.
    pub same_week: Vec<IssueKey>,
    /// The chart image addresses, unsanitized: `o` and `y` hand them on.
    pub images: Vec<String>,
    /// The selectable lines in page order; `Row::link` indexes this.
    pub items: Vec<Item>,
    lines: Vec<DocLine>,
}

/// A wrapped row ready to draw; `link` is the index in `DetailDoc::items`
/// of the selectable line it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub spans: Vec<(String, Style)>,
    pub link: Option<usize>,
}

struct Builder<'a> {
    lines: Vec<DocLine>,
    items: Vec<Item>,
    theme: &'a Theme,
    lang: Lang,
    /// The key that fetches an issue, as the key map spells it.
    fetch_key: String,
    /// The key that updates the feeds.
    update_key: String,
    /// The issue's own imported copies that held no article text.
    empty_copies: usize,
    /// The key that edits the note, empty when none does.
    edit_key: String,
}

impl<'a> Builder<'a> {
    fn new(ui: &'a Ui) -> Self {
        Builder {
            lines: Vec::new(),
            items: Vec::new(),
            theme: &ui.theme,
            lang: ui.lang,
            fetch_key: ui.keys.label_of("fetch", ui.lang),
            update_key: ui.keys.label_of("update", ui.lang),
            empty_copies: 0,
            edit_key: ui.keys.label_of("edit_note", ui.lang),
        }
    }

    fn say(&self, m: Screen) -> String {
        m.text(self.lang).into_owned()
    }

    /// Says wherever an issue is known only by reference; when its own
    /// imported copies held no text, says that, so the reader is not
    /// asked for the copy just imported.
    fn not_cached(&mut self) {
        self.blank();
        let note = match self.empty_copies {
            0 => self.say(Screen::NotCachedNote(self.fetch_key.clone())),
            copies => FeedTui::EmptyCopies {
                copies,
                update: self.update_key.clone(),
                fetch: self.fetch_key.clone(),
            }
            .text(self.lang)
            .into_owned(),
        };
        self.text(&note, self.theme.not_cached);
    }

    fn line(&mut self, pieces: Vec<(String, Style)>) {
        self.lines.push(DocLine {
            pieces,
            link: None,
            one_row: false,
            figures: None,
            short: None,
        });
    }

    fn address(&mut self, url: &str) {
        self.address_line(url, None);
    }

    fn address_line(&mut self, url: &str, link: Option<usize>) {
        self.lines.push(DocLine {
            pieces: vec![(sanitize::url(url), self.theme.link)],
            link,
            one_row: true,
            figures: None,
            short: None,
        });
    }

    /// A selectable line: its rows carry the item's index.
    fn item(&mut self, item: Item) -> Option<usize> {
        self.items.push(item);
        Some(self.items.len() - 1)
    }

    fn text(&mut self, text: &str, style: Style) {
        self.line(vec![(sanitize::line(text), style)]);
    }

    fn blank(&mut self) {
        self.line(Vec::new());
    }

    fn heading(&mut self, text: &str) {
        self.blank();
        self.text(text, self.theme.heading);
    }
}

pub fn period_long(p: &Period) -> String {
    format!(
        "{} ~ {}",
        p.start.format("%Y-%m-%d"),
        p.end.format("%Y-%m-%d")
    )
}

fn header(b: &mut Builder, s: &IssueSummary, fallback_title: Option<&str>) {
    let title = s
        .title
        .as_deref()
        .or(fallback_title)
        .map(sanitize::line)
        .unwrap_or_else(|| b.say(Screen::FallbackTitle(s.key)));
    b.line(vec![(title, b.theme.title)]);
    let mut facts = vec![super::list::issue_label(s, true)];
    if let Some(p) = &s.period {
        facts.push(format!("{} {}", b.say(Screen::PeriodLabel), period_long(p)));
    }
    if let Some(d) = s.published {
        facts.push(format!(
            "{} {}",
            b.say(Screen::PublishedLabel),
            d.format("%Y-%m-%d")
        ));
    }
    // The assessment is the bulletin's own word (优 良 中 差): not translated.
    if let Some(a) = s.assessment {
        facts.push(format!(
            "{} {}",
            b.say(Screen::AssessmentLabel),
            a.chinese()
        ));
    }
    if s.flagged {
        facts.push(format!(
            "{} {}",
            super::list::FLAGGED,
            Mine::Flagged.text(b.lang)
        ));
    }
    b.text(&facts.join(" · "), b.theme.dim);
}

/// The bulletin's own section titles (本周网络安全基本态势, 本周事件处理情况)
/// arrive as short paragraphs without sentence punctuation.
fn is_section_heading(p: &str) -> bool {
    p.chars().count() <= 16 && !p.contains(['。', '，', '；', '：', '！', '？', '.', ',', ':'])
}

impl DetailDoc {
    /// The document for an issue the cache knows, its figures compared
    /// with earlier weeks as `comparisons` (computed from this issue's).
    pub fn from_detail(d: &IssueDetail, comparisons: &IssueComparisons, ui: &Ui) -> Self {
        DetailDoc::from_detail_noting(d, comparisons, 0, &[], &[], ui)
    }

    /// [`DetailDoc::from_detail`] of an issue `empty_copies` of whose own
    /// imported copies held no article text, naming `same_week` (the
    /// issues of the other series for its week), its charts' lines saying
    /// what `images` (the library's list of them, when it could give one)
    /// says of each.
    pub fn from_detail_noting(
        d: &IssueDetail,
        comparisons: &IssueComparisons,
        empty_copies: usize,
        same_week_issues: &[IssueSummary],
        images: &[IssueImage],
        ui: &Ui,
    ) -> Self {
        let theme = &ui.theme;
        let mut b = Builder::new(ui);
        b.empty_copies = empty_copies;
        let s = &d.summary;
        header(&mut b, s, None);
        let same_week = same_week(&mut b, same_week_issues);
        if let Some(src) = &d.source {
            let line = format!("{} {src}", b.say(Screen::SourceLabel));
            b.text(&line, theme.dim);
        }
        let url = d
            .url
            .clone()
            .or_else(|| d.aliases.iter().find_map(|a| a.url.clone()));
        if let Some(u) = &url {
            b.address(u);
        }
        conflicts(&mut b, &d.conflicts);
        if !s.cached {
            b.not_cached();
        }
        note(&mut b, s);
        if s.cached || !s.figures.is_empty() {
            figures(&mut b, comparisons);
        }
        if !d.body.is_empty() {
            // Full bulletins open with their own section title.
            if !d.body.first().is_some_and(|p| is_section_heading(p)) {
                let heading = b.say(Screen::BodyHeading);
                b.heading(&heading);
            }
            for p in &d.body {
                if is_section_heading(p) {
                    b.heading(p);
                } else {
                    b.text(p, theme.text);
                }
            }
            // The archive cut it: what follows is unknown, never guessed.
            if d.truncated {
                let cut = Cmd::BodyTruncated.text(b.lang).into_owned();
                b.text(&cut, theme.not_cached);
            }
        }
        if !d.images.is_empty() {
            let heading = b.say(Screen::ChartsHeading);
            b.heading(&heading);
            for (i, url) in d.images.iter().enumerate() {
                let item = b.item(Item::Image(i));
                // What the cache says of it, when the list is of these
                // addresses (it is read apart from the detail).
                let known = images.get(i).filter(|img| img.url == *url);
                chart_line(&mut b, i + 1, url, known, item);
            }
        }
        let targets: Vec<LinkTarget> = d.recent.iter().map(LinkTarget::from).collect();
        links(&mut b, &targets);
        DetailDoc {
            key: Some(s.key),
            url,
            links: targets,
            same_week,
            images: d.images.clone(),
            items: b.items,
            lines: b.lines,
        }
    }

    /// An issue known only from a summary row (the cache has no detail for it).
    pub fn from_summary(s: &IssueSummary, ui: &Ui) -> Self {
        let mut b = Builder::new(ui);
        header(&mut b, s, None);
        b.not_cached();
        note(&mut b, s);
        DetailDoc {
            key: Some(s.key),
            url: None,
            links: Vec::new(),
            same_week: Vec::new(),
            images: Vec::new(),
            items: Vec::new(),
            lines: b.lines,
        }
    }

    /// An issue the cache does not know at all, described by the line that
    /// pointed at it.
    pub fn from_reference(target: &LinkTarget, ui: &Ui) -> Self {
        let theme = &ui.theme;
        let mut b = Builder::new(ui);
        b.text(&target.title, theme.title);
        if let Some(k) = target.key {
            b.text(&k.to_string(), theme.dim);
        }
        if let Some(u) = &target.url {
            b.text(u, theme.link);
        }
        b.not_cached();
        DetailDoc {
            key: target.key,
            url: target.url.clone(),
            links: Vec::new(),
            same_week: Vec::new(),
            images: Vec::new(),
            items: Vec::new(),
            lines: b.lines,
        }
    }

    /// One dim note and nothing else: what the detail says when the list
    /// selects no issue.
    pub fn said(note: impl Into<crate::i18n::Msg>, ui: &Ui) -> Self {
        let mut b = Builder::new(ui);
        let line = ui.say(note);
        b.text(&line, ui.theme.dim);
        DetailDoc {
            key: None,
            url: None,
            links: Vec::new(),
            same_week: Vec::new(),
            images: Vec::new(),
            items: Vec::new(),
            lines: b.lines,
        }
    }

    /// Shown when there is nothing to show: an empty cache or a failed load.
    pub fn empty(ui: &Ui) -> Self {
        let theme = &ui.theme;
        let mut b = Builder::new(ui);
        for (m, style) in [
            (Screen::NothingYet, theme.title),
            (Screen::ImportHint, theme.dim),
            (Screen::DemoHint, theme.dim),
        ] {
            let line = b.say(m);
            b.text(&line, style);
        }
        DetailDoc {
            key: None,
            url: None,
            links: Vec::new(),
            same_week: Vec::new(),
            images: Vec::new(),
            items: Vec::new(),
            lines: b.lines,
        }
    }

    /// The item selected when the links get focus: the first 近期回顾 line,
    /// the usual place to go, else the first image address.
    pub fn first_link_item(&self) -> usize {
        self.items
            .iter()
            .position(|i| matches!(i, Item::Link(_)))
            .unwrap_or(0)
    }

    /// Wraps every line to `width` cells.
    pub fn wrap(&self, width: usize) -> Vec<Row> {
        self.wrap_selected(width, None)
    }

    /// [`DetailDoc::wrap`] with the selectable line `selected` (an index
    /// into `items`) in full: the other 近期回顾 lines too long for a row
    /// take their short form.
    pub fn wrap_selected(&self, width: usize, selected: Option<usize>) -> Vec<Row> {
        let mut rows = Vec::new();
        for line in &self.lines {
            if let Some(short) = line.short.as_ref().filter(|_| line.link != selected) {
                let full: usize = line.pieces.iter().map(|(t, _)| text_width(t)).sum();
                if full > width {
                    rows.extend(wrap_styled(short, width).into_iter().map(|spans| Row {
                        spans,
                        link: line.link,
                    }));
                    continue;
                }
            }
            if let Some(table) = &line.figures {
                rows.extend(
                    table
                        .lines(width)
                        .into_iter()
                        .map(|spans| Row { spans, link: None }),
                );
                continue;
            }
            if line.one_row {
                // Cut where the row ends, the last piece shown with `…`.
                let mut left = width;
                let mut spans = Vec::new();
                for (text, style) in &line.pieces {
                    if left == 0 {
                        break;
                    }
                    let cut = truncate(text, left);
                    left = left.saturating_sub(super::wrap::width(&cut));
                    spans.push((cut, *style));
                }
                rows.push(Row {
                    spans,
                    link: line.link,
                });
                continue;
            }
            for spans in wrap_styled(&line.pieces, width) {
                rows.push(Row {
                    spans,
                    link: line.link,
                });
            }
        }
        rows
    }
}

/// What the pane needs to draw, borrowed from the app.
pub struct DetailView<'a> {
    pub doc: &'a DetailDoc,
    /// Rows wrapped for the current inner width (re-wrapped here if stale).
    pub rows: &'a [Row],
    pub rows_width: usize,
    pub scroll: usize,
    pub selected_link: Option<usize>,
    pub focused: bool,
    pub title: String,
    /// The search query, highlighted where a row contains it.
    pub highlight: Option<&'a str>,
    pub theme: &'a Theme,
}

/// Splits `text` around every occurrence of `query`, styling the hits.
fn highlighted<'t>(
    text: &'t str,
    style: Style,
    query: Option<&str>,
    hit: Style,
    out: &mut Vec<Span<'t>>,
) {
    // A query longer than the text cannot be in it: nothing to fold or
    // search (a pasted query can be thousands of characters).
    let Some(q) = query
        .map(str::trim)
        .filter(|q| !q.is_empty() && q.len() <= text.len())
    else {
        out.push(Span::styled(text, style));
        return;
    };
    // The cache's search folds ASCII case; so does the highlight. ASCII
    // lowering keeps every byte offset, so the offsets index `text` too.
    let folded = text.to_ascii_lowercase();
    let q = q.to_ascii_lowercase();
    let mut rest = 0;
    for (at, _) in folded.match_indices(&q) {
        let (Some(before), Some(hit_text)) = (text.get(rest..at), text.get(at..at + q.len()))
        else {
            break;
        };
        if !before.is_empty() {
            out.push(Span::styled(before, style));
        }
        out.push(Span::styled(hit_text, style.patch(hit)));
        rest = at + q.len();
    }
    if let Some(after) = text.get(rest..).filter(|a| !a.is_empty()) {
        out.push(Span::styled(after, style));
    }
}

impl Widget for DetailView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_type(self.theme.border_type(self.focused))
            .border_style(self.theme.border(self.focused))
            .title(truncate(
                &self.title,
                usize::from(area.width.saturating_sub(2)),
            ));
        let inner = block.inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width);
        let rewrapped;
        let rows = if self.rows_width == width {
            self.rows
        } else {
            rewrapped = self.doc.wrap_selected(width, self.selected_link);
            &rewrapped
        };
        for (y, row) in (inner.y..inner.bottom()).zip(rows.iter().skip(self.scroll)) {
            let selected = row.link.is_some() && row.link == self.selected_link;
            let mut spans: Vec<Span> = Vec::with_capacity(row.spans.len());
            for (t, s) in &row.spans {
                let style = if selected {
                    s.patch(self.theme.selected_row(true))
                } else {
                    *s
                };
                highlighted(t, style, self.highlight, self.theme.search_hit, &mut spans);
            }
            buf.set_line(inner.x, y, &Line::from(spans), inner.width);
        }
    }
}
