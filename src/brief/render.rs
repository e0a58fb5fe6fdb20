//! A [`Brief`] in words: first as [`Line`]s (what the TUI's overlay draws,
//! styled), then written as Markdown (the default of `zhoubao brief`, and
//! what the overlay's `y` sends to the clipboard) or plain text. Every
//! phrase about a figure is the comparisons' own ([`describe::pane`]), so
//! the brief says what the detail pane says; bulletin text and the note
//! are cleaned here, where they are written, and Markdown's own
//! characters in a title are escaped.

use super::Brief;
use crate::i18n::{Briefing, Cmd, Lang, Mine, Msg};
use crate::model::Period;
use crate::sanitize;
use crate::trend::describe::{self, pane};

/// How a brief is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

/// A piece of a line; `strong` is bold in Markdown (a figure's value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    pub text: String,
    pub strong: bool,
}

/// One line of a brief, before it is written in a format. Text is
/// already clean (one printable line).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Title(String),
    /// The key, week, date and assessment; or a plain remark.
    Plain(String),
    Heading(String),
    /// A list item.
    Item(Vec<Piece>),
    /// A line of the reader's note.
    Quote(String),
    /// The address after its label (`原文：`).
    Link {
        label: String,
        url: String,
    },
    Blank,
}

fn plain(text: impl Into<String>) -> Piece {
    Piece {
        text: text.into(),
        strong: false,
    }
}

fn say(m: impl Into<Msg>, lang: Lang) -> String {
    m.into().text(lang).into_owned()
}

/// `；` or `; `: between the phrases of one line.
fn separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "；",
        Lang::En => "; ",
    }
}

fn period_text(p: Period) -> String {
    format!(
        "{} ~ {}",
        p.start.format("%Y-%m-%d"),
        p.end.format("%Y-%m-%d")
    )
}

/// The brief's lines in `lang`.
pub fn lines(b: &Brief, lang: Lang) -> Vec<Line> {
    let mut out = Vec::new();
    let title = b
        .title
        .as_deref()
        .map(sanitize::line)
        .unwrap_or_else(|| say(Cmd::TitleUnknown, lang));
    out.push(Line::Title(title));
    out.push(Line::Plain(facts(b, lang)));
    if !b.cached {
        out.push(Line::Plain(say(Briefing::NotCached, lang)));
    }
    if b.has_figures() {
        figures(b, lang, &mut out);
    }
    notable(b, lang, &mut out);
    same_week(b, lang, &mut out);
    if let Some(note) = b.note.as_deref() {
        out.push(Line::Blank);
        out.push(Line::Heading(say(Briefing::NoteHeading, lang)));
        out.extend(
            sanitize::clean(note, true)
                .lines()
                .map(|l| Line::Quote(l.into())),
        );
    }
    if let Some(url) = &b.url {
        out.push(Line::Blank);
        out.push(Line::Link {
            label: say(Briefing::LinkLabel, lang),
            url: sanitize::url(url),
        });
    }
    out
}

/// `2025-7 · 周期 2025-02-10 ~ 2025-02-16 · 发布 2025-02-23 · 评价 良`.
fn facts(b: &Brief, lang: Lang) -> String {
    let mut facts = vec![b.key.to_string()];
    if let Some(p) = b.period {
        facts.push(format!(
            "{} {}",
            say(Briefing::PeriodLabel, lang),
            period_text(p)
        ));
    }
    if let Some(d) = b.published {
        facts.push(format!("{} {d}", say(Briefing::PublishedLabel, lang)));
    }
    // The bulletin's own word: not translated.
    if let Some(a) = b.assessment {
        facts.push(format!(
            "{} {}",
            say(Briefing::AssessmentLabel, lang),
            a.chinese()
        ));
    }
    if b.flagged {
        facts.push(format!("* {}", say(Mine::Flagged, lang)));
    }
    facts.join(" · ")
}

/// The heading naming the baseline, then a line per headline figure:
/// its value, its change, the 4-week mean, a year earlier, its rank.
fn figures(b: &Brief, lang: Lang, out: &mut Vec<Line>) {
    let c = &b.comparisons;
    out.push(Line::Blank);
    out.push(Line::Heading(pane::heading(c, lang)));
    let named = c.main_previous().map(|(k, _)| k);
    let (between, sep) = match lang {
        Lang::Zh => ("：", separator(lang)),
        Lang::En => (": ", separator(lang)),
    };
    for m in b.headline() {
        let mut pieces = vec![
            plain(format!("{} ", say(Cmd::Metric(m.metric), lang))),
            Piece {
                text: pane::value(m),
                strong: true,
            },
            plain(between),
        ];
        let mut phrases = vec![describe::text(&pane::previous(m, named, lang))];
        phrases.extend(
            [
                pane::mean(m, lang),
                pane::year_earlier(m, lang),
                pane::rank(m, lang),
            ]
            .into_iter()
            .flatten()
            .map(|parts| describe::text(&parts)),
        );
        pieces.push(plain(phrases.join(sep)));
        out.push(Line::Item(pieces));
    }
}

/// A line of records and a line of the largest changes, when any.
fn notable(b: &Brief, lang: Lang, out: &mut Vec<Line>) {
    let n = &b.notable;
    if n.is_empty() {
        return;
    }
    out.push(Line::Blank);
    out.push(Line::Heading(say(Briefing::NotableHeading, lang)));
    if !n.extremes.is_empty() {
        let records: Vec<String> = n
            .extremes
            .iter()
            .map(|e| {
                say(
                    Briefing::Extreme {
                        figure: say(Cmd::Metric(e.metric), lang),
                        highest: e.end == crate::trend::compare::End::Highest,
                        weeks: e.weeks,
                        known: e.known,
                        since: e.since_first,
                    },
                    lang,
                )
            })
            .collect();
        out.push(Line::Item(vec![plain(records.join(separator(lang)))]));
    }
    if !n.changes.is_empty() {
        let named = b.comparisons.main_previous().map(|(k, _)| k);
        let list: Vec<String> = n
            .changes
            .iter()
            .map(|(m, a)| {
                let percent = a.percent.map(describe::percent).unwrap_or_default();
                let mut s = format!("{} {percent}", say(Cmd::Metric(*m), lang));
                if Some(a.key) != named {
                    s.push_str(&say(crate::i18n::Compare::PaneVs(a.key), lang));
                }
                s
            })
            .collect();
        let joined = list.join(match lang {
            Lang::Zh => "、",
            Lang::En => ", ",
        });
        out.push(Line::Item(vec![plain(say(
            Briefing::Changes(joined),
            lang,
        ))]));
    }
}

/// The other series' issue of the same week: its key, week, assessment
/// and headline figures.
fn same_week(b: &Brief, lang: Lang, out: &mut Vec<Line>) {
    let Some(o) = &b.same_week else {
        return;
    };
    let decl = o.key.series.decl();
    let series = match lang {
        Lang::Zh => decl.zh,
        Lang::En => decl.en,
    };
    out.push(Line::Blank);
    out.push(Line::Heading(say(
        Briefing::SameWeekHeading {
            series: series.to_string(),
            key: o.key,
            period: o.period.map(period_text),
        },
        lang,
    )));
    let mut pieces = Vec::new();
    if let Some(a) = o.assessment {
        pieces.push(plain(format!(
            "{} {} · ",
            say(Briefing::AssessmentLabel, lang),
            a.chinese()
        )));
    }
    for (i, (m, v)) in o.figures.iter().enumerate() {
        if i > 0 {
            pieces.push(plain(" · "));
        }
        pieces.push(plain(format!("{} ", say(Cmd::Metric(*m), lang))));
        pieces.push(Piece {
            text: m.show_or(*v, crate::model::UNKNOWN_FIGURE),
            strong: true,
        });
    }
    out.push(Line::Item(pieces));
}

/// Markdown's own characters in text from a bulletin, escaped so a title
/// reads as written.
fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The lines written in `format`, one per line, ending in a newline.
pub fn write(lines: &[Line], format: Format) -> String {
    let md = format == Format::Markdown;
    let pieces = |ps: &[Piece]| -> String {
        ps.iter()
            .map(|p| match (md, p.strong) {
                (true, true) => format!("**{}**", p.text),
                _ => p.text.clone(),
            })
            .collect()
    };
    let mut out = String::new();
    for line in lines {
        let text = match (line, md) {
            (Line::Title(t), true) => format!("### {}", escape_markdown(t)),
            (Line::Title(t), false) => t.clone(),
            (Line::Plain(t), _) => t.clone(),
            (Line::Heading(h), true) => format!("**{h}**"),
            (Line::Heading(h), false) => h.clone(),
            (Line::Item(ps), true) => format!("- {}", pieces(ps)),
            (Line::Item(ps), false) => format!("  {}", pieces(ps)),
            (Line::Quote(q), true) if q.is_empty() => ">".to_string(),
            (Line::Quote(q), true) => format!("> {q}"),
            (Line::Quote(q), false) => format!("  {q}"),
            (Line::Link { label, url }, true) => format!("{label}<{url}>"),
            (Line::Link { label, url }, false) => format!("{label}{url}"),
            (Line::Blank, _) => String::new(),
        };
        out.push_str(text.trim_end());
        out.push('\n');
    }
    out
}

/// The brief of `b` in `format` and `lang`.
pub fn render(b: &Brief, format: Format, lang: Lang) -> String {
    write(&lines(b, lang), format)
}
