//! `zhoubao show` as text: one issue in full, its figures compared with
//! earlier weeks, in the user's language.

use unicode_width::UnicodeWidthStr;

use super::{clean, pad, period_text};
use crate::i18n::{Cmd, Field, Lang, Mine};
use crate::model::{IssueDetail, IssueSummary};
use crate::sanitize;
use crate::trend::compare::{IssueComparisons, MetricComparison};
use crate::trend::describe::cli;

/// The figures, each with its change against the last earlier issue that
/// has it on its own line, then the mean, year-earlier and rank lines.
fn figures_text(s: &IssueSummary, c: &IssueComparisons, lang: Lang, out: &mut String) {
    if !s.cached && s.figures.is_empty() {
        out.push_str(&Cmd::FiguresUnknown.text(lang));
        out.push('\n');
        return;
    }
    out.push_str(&cli::heading(c, lang));
    out.push('\n');
    let label = |m: &MetricComparison| Cmd::Metric(m.metric).text(lang);
    let label_w = c
        .metrics
        .iter()
        .map(|m| label(m).width())
        .max()
        .unwrap_or(0);
    let width = c
        .metrics
        .iter()
        .map(|m| cli::value(m).width())
        .max()
        .unwrap_or(1);
    for m in &c.metrics {
        let head = format!("  {} {:>width$}  ", pad(&label(m), label_w), cli::value(m));
        out.push_str(&head);
        out.push_str(&cli::previous(m, lang));
        out.push('\n');
        let indent = " ".repeat(head.width());
        // The headline figures in full; the others' change alone keeps a
        // long report (CNVD's two dozen figures) readable.
        let more = if m.metric.is_headline() {
            vec![
                cli::mean(m, lang),
                cli::year_earlier(m, lang),
                cli::rank(m, lang),
            ]
        } else {
            Vec::new()
        };
        let first = [cli::last_known(m, lang), cli::stated(m, lang)];
        for line in first.into_iter().chain(more).flatten() {
            out.push_str(&indent);
            out.push_str(&line);
            out.push('\n');
        }
    }
}

/// The reader's note under its heading, each line indented and cleaned:
/// kept as typed in the cache, printed without what a terminal acts on.
fn note_text(s: &IssueSummary, lang: Lang, out: &mut String) {
    let Some(note) = s.note.as_deref() else {
        return;
    };
    out.push('\n');
    out.push_str(&Mine::NoteHeading.text(lang));
    out.push('\n');
    for line in sanitize::clean(note, true).lines() {
        out.push_str("  ");
        out.push_str(line);
        out.push('\n');
    }
}

/// Each lower copy that says otherwise: what it says, then its link.
fn conflicts_text(d: &IssueDetail, lang: Lang, out: &mut String) {
    for c in &d.conflicts {
        out.push_str(&Cmd::AnotherCopy(c.clone()).text(lang));
        out.push('\n');
        if let Some(url) = &c.url {
            out.push_str(&format!("  {}\n", sanitize::url(url)));
        }
    }
}

/// `label: ` (`标签：`), padded so the values line up.
fn labels(lang: Lang) -> impl Fn(Field) -> String {
    let fields = [
        Field::Period,
        Field::Published,
        Field::Source,
        Field::Url,
        Field::Assessment,
    ];
    let width = fields
        .iter()
        .map(|&f| Cmd::FieldLabel(f).text(lang).width())
        .max()
        .unwrap_or(0);
    move |f| pad(&Cmd::FieldLabel(f).text(lang), width)
}

/// `section:` (`部分：`) heading a list.
fn heading(f: Field, lang: Lang) -> String {
    format!("{}\n", Cmd::FieldHeading(f).text(lang))
}

/// `zhoubao show`: one issue in full, its figures compared with earlier weeks.
pub fn show_text(d: &IssueDetail, comparisons: &IssueComparisons, lang: Lang) -> String {
    show_text_noting(d, comparisons, 0, lang)
}

/// [`show_text`] of an issue `empty_copies` of whose own copies held no
/// article text: a not-cached issue then says its imported copy was
/// empty, rather than asking for one to be imported.
pub fn show_text_noting(
    d: &IssueDetail,
    comparisons: &IssueComparisons,
    empty_copies: usize,
    lang: Lang,
) -> String {
    let s = &d.summary;
    let mut out = String::new();
    let title = match s.title.as_deref() {
        Some(t) => clean(t),
        None => Cmd::TitleUnknown.text(lang).into_owned(),
    };
    out.push_str(&format!("{}  {}\n", s.label(), title));
    out.push_str(&if s.cached {
        Cmd::Cached.text(lang)
    } else if empty_copies > 0 {
        Cmd::ShowEmptyCopies {
            copies: empty_copies,
        }
        .text(lang)
    } else {
        Cmd::ShowNotCached.text(lang)
    });
    if s.flagged {
        out.push_str(&format!(
            " · {} {}",
            super::FLAG_MARK,
            Mine::Flagged.text(lang)
        ));
    }
    out.push('\n');
    let label = labels(lang);
    let dash = || "-".to_string();
    for (field, value) in [
        (Field::Period, period_text(s.period)),
        (
            Field::Published,
            s.published.map_or_else(dash, |d| d.to_string()),
        ),
        (Field::Source, d.source.as_deref().map_or_else(dash, clean)),
        (
            Field::Url,
            d.url.as_deref().map_or_else(dash, sanitize::url),
        ),
        (
            Field::Assessment,
            s.assessment.map_or("-", |a| a.chinese()).to_string(),
        ),
    ] {
        out.push_str(&format!("{}{value}\n", label(field)));
    }
    conflicts_text(d, lang, &mut out);
    figures_text(s, comparisons, lang, &mut out);
    note_text(s, lang, &mut out);
    if !d.body.is_empty() {
        out.push('\n');
        for p in &d.body {
            out.push_str(&clean(p));
            out.push('\n');
        }
        if d.truncated {
            out.push_str(&Cmd::BodyTruncated.text(lang));
            out.push('\n');
        }
    }
    if !d.images.is_empty() {
        out.push('\n');
        out.push_str(&heading(Field::Charts, lang));
        for i in &d.images {
            out.push_str(&format!("  {}\n", clean(i)));
        }
    }
    if !d.recent.is_empty() {
        out.push('\n');
        out.push_str(&heading(Field::Recent, lang));
        for r in &d.recent {
            let state = if r.cached {
                Cmd::Cached.text(lang)
            } else {
                Cmd::NotCached.text(lang)
            };
            let link = match r.url.as_deref() {
                Some(u) => sanitize::url(u),
                None => Cmd::NoLink.text(lang).into_owned(),
            };
            out.push_str(&format!(
                "  {}. [{state}] {} {link}\n",
                r.position,
                clean(&r.title),
            ));
        }
    }
    if d.aliases.len() > 1 {
        out.push('\n');
        out.push_str(&heading(Field::Copies, lang));
        for a in &d.aliases {
            let source = match a.source.as_deref() {
                Some(s) => clean(s),
                None => Cmd::RecentLink.text(lang).into_owned(),
            };
            out.push_str(&format!(
                "  {source}  {}\n",
                sanitize::url(a.url.as_deref().unwrap_or("-"))
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figures, IssueKey, SeriesId};
    use crate::trend::WeekSeries;

    fn detail(number: u32, events: i64) -> IssueDetail {
        IssueDetail {
            summary: IssueSummary {
                title: Some(format!("网络安全信息与动态周报2024年第{number}期")),
                ..IssueSummary::with_figures(
                    IssueKey::new(2024, number),
                    [(m("events_handled"), events.into())]
                        .into_iter()
                        .collect::<Figures>(),
                )
            },
            source: None,
            url: None,
            body: vec!["本周正文。".into()],
            images: Vec::new(),
            recent: Vec::new(),
            aliases: Vec::new(),
            truncated: false,
            conflicts: Vec::new(),
        }
    }

    fn m(id: &str) -> crate::model::Metric {
        SeriesId::CNCERT.metric(id).unwrap()
    }

    #[test]
    fn each_comparison_line_is_in_the_chosen_language() {
        let (before, now) = (detail(1, 400), detail(2, 300));
        let weeks = WeekSeries::build(&[before.summary.clone(), now.summary.clone()]);
        let c = IssueComparisons::compute(&weeks, now.summary.key, &now.summary.figures);
        let zh = show_text(&now, &c, Lang::Zh);
        assert!(zh.contains("\n已缓存\n周期：-\n"), "{zh}");
        assert!(
            zh.contains("\n  处理事件    300  −100 (−25.0%)，较 2024-1（400），上一周\n"),
            "{zh}"
        );
        assert!(zh.contains("此前 4 周仅 1 周有此项：不算均值"), "{zh}");
        assert!(zh.contains("52 周内已知 2 周中最低"), "{zh}");
        assert!(zh.contains("\n本周正文。\n"), "the body as it is: {zh}");
        let en = show_text(&now, &c, Lang::En);
        assert!(en.contains("\ncached\nperiod:     -\n"), "{en}");
        assert!(
            en.contains("\n  events handled 300  −100 (−25.0%) vs 2024-1 (400), the week before\n"),
            "{en}"
        );
        assert!(en.contains("\n本周正文。\n"), "{en}");
        // A figure the issue lacks, in both.
        assert_eq!(c.get(m("malicious_urls")).map(|m| m.value), Some(None));
        assert!(zh.contains("本期无此项") && en.contains("not in this issue"));
    }

    #[test]
    fn a_change_beyond_the_gap_is_not_headlined_and_the_older_value_is_given_apart() {
        let (before, mut now) = (detail(13, 682), detail(9, 103));
        now.summary.key = IssueKey::new(2024, 9);
        let mut before = before;
        before.summary.key = IssueKey::new(2023, 13);
        let weeks = WeekSeries::build(&[before.summary.clone(), now.summary.clone()]);
        let c = IssueComparisons::compute(&weeks, now.summary.key, &now.summary.figures);
        let en = show_text(&now, &c, Lang::En);
        assert!(!en.contains("−579"), "{en}");
        assert!(
            en.contains(
                "  events handled 103  the week before: not known\n\
                 \x20                     last known: 2023-13 (49 weeks before) 682\n"
            ),
            "{en}"
        );
        let json: serde_json::Value =
            serde_json::from_str(&crate::output::show_json(&now, &c)).unwrap();
        let events = &json["comparisons"]["events_handled"];
        assert_eq!(events["previous"], serde_json::Value::Null);
        assert_eq!(events["last_known"]["key"], "2023-13");
        assert_eq!(events["last_known"]["weeks_before"], 49);
        assert_eq!(json["max_gap_weeks"], 4);
    }
}
