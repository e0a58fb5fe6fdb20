//! Text, JSON and CSV renderings of the cache for the non-interactive
//! commands. Every string from the data passes through the sanitizer, so
//! no escape sequence from a bulletin reaches the user's terminal. Text
//! is in the user's language, from the message table; JSON and CSV field
//! names stay English, and bulletin content is never translated.

mod brief;
mod search;
mod show;
pub mod target;

use serde_json::{json, Value};
use unicode_width::UnicodeWidthStr;

use crate::i18n::{Cmd, Col, Lang};
use crate::model::{
    Conflict, Disagreement, Figures, IssueDetail, IssueKey, IssueRow, IssueSummary, Metric, Period,
    SeriesId,
};
use crate::sanitize;
use crate::trend::compare::{
    Against, End, IssueComparisons, MetricComparison, Source, MEAN_WEEKS, RANK_WEEKS,
};

pub use brief::brief_json;
pub use search::{search_json, search_text, Mark, Place, SearchHit, Snippet, CONTEXT_CELLS};
pub use show::{show_text, show_text_noting};

fn clean(s: &str) -> String {
    sanitize::line(s)
}

fn clean_opt(s: Option<&str>) -> Option<String> {
    s.map(clean)
}

/// A URL without the user name and password it may carry (a cache
/// written before they were dropped on the way in may still hold them).
fn clean_url(s: Option<&str>) -> Option<String> {
    s.map(sanitize::url)
}

fn date_opt(d: Option<chrono::NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn period_text(p: Option<Period>) -> String {
    p.map_or_else(|| "-".into(), |p| format!("{}~{}", p.start, p.end))
}

fn figure_text(m: Metric, figures: &Figures) -> String {
    m.show_or(figures.get(m), crate::model::UNKNOWN_FIGURE_ASCII)
}

/// The numbers an issue covers: its own, and a double issue's next ones.
fn numbers(s: &IssueSummary) -> Vec<u32> {
    (s.key.number..=s.last_number.unwrap_or(s.key.number).max(s.key.number)).collect()
}

/// Every figure of the issue's series under its id, `null` when unknown
/// (never 0), then any name of a family's list the issue has.
fn put_figures(v: &mut Value, key: IssueKey, figures: &Figures) {
    for m in key.series.figures() {
        v[m.id()] = json!(figures.get(*m));
    }
    for (m, value) in figures.iter().filter(|(m, _)| m.info().declared.is_none()) {
        v[m.id()] = json!(value);
    }
}

/// Left-aligns by display width: Chinese characters take two cells.
fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn summary_json(s: &IssueSummary) -> Value {
    let mut v = json!({
        "key": s.key.to_string(),
        "series": s.key.series.id(),
        "year": s.key.year,
        "number": s.key.number,
        "numbers": numbers(s),
        "title": clean_opt(s.title.as_deref()),
        "period_start": date_opt(s.period.map(|p| p.start)),
        "period_end": date_opt(s.period.map(|p| p.end)),
        "published": date_opt(s.published),
        "assessment": s.assessment.map(|a| a.chinese()),
        "cached": s.cached,
        "read": s.read,
        "flagged": s.flagged,
        "note": s.note,
    });
    put_figures(&mut v, s.key, &s.figures);
    v
}

/// The marks column of `list`: `*` flagged, `✎` a note (two cells).
pub const FLAG_MARK: &str = "*";
pub const NOTE_MARK: &str = "✎";

fn marks_text(s: &IssueSummary) -> String {
    format!(
        "{}{}",
        if s.flagged { FLAG_MARK } else { " " },
        if s.note.is_some() { NOTE_MARK } else { " " }
    )
}

/// Appends `s` left-aligned (or right-aligned) in `width` display cells.
fn push_padded(out: &mut String, s: &str, width: usize, right: bool) {
    let fill = width.saturating_sub(s.width());
    if right {
        out.extend(std::iter::repeat_n(' ', fill));
        out.push_str(s);
    } else {
        out.push_str(s);
        out.extend(std::iter::repeat_n(' ', fill));
    }
}

/// `zhoubao list`: one line per issue, in the order given, a table per
/// series of `series` that has rows (its headline figures as columns), a
/// blank line between; the first one's header alone when none has.
/// Columns are as wide as their header or their widest value, by display
/// width.
pub fn list_text(rows: &[IssueRow], series: &[SeriesId], lang: Lang) -> String {
    let mut out = String::with_capacity(160 * (rows.len() + 1));
    for s in series {
        let of: Vec<&IssueRow> = rows.iter().filter(|r| r.summary.key.series == *s).collect();
        if of.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        list_table(&of, *s, lang, &mut out);
    }
    if out.is_empty() {
        if let Some(first) = series.first() {
            list_table(&[], *first, lang, &mut out);
        }
    }
    out
}

fn list_table(rows: &[&IssueRow], series: SeriesId, lang: Lang, out: &mut String) {
    let col = |c: Col| Cmd::Col(c).text(lang);
    let states = [Cmd::Read, Cmd::Unread, Cmd::NotCached].map(|c| c.text(lang));
    let [read, unread, not_cached] = &states;
    let metrics = series.headline();
    let keys: Vec<String> = rows.iter().map(|r| r.summary.label()).collect();
    let widths = [
        keys.iter()
            .map(|k| k.width())
            .fold(col(Col::Issue).width().max(8), usize::max),
        col(Col::Period).width().max(21),
        col(Col::Assessment).width().max(4),
    ];
    let metric_cols: Vec<String> = metrics
        .iter()
        .map(|m| col(Col::Metric(*m)).into_owned())
        .collect();
    let figures: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            metrics
                .iter()
                .map(|m| figure_text(*m, &r.summary.figures))
                .collect()
        })
        .collect();
    let metric_w: Vec<usize> = metric_cols
        .iter()
        .enumerate()
        .map(|(i, c)| {
            figures
                .iter()
                .map(|f| f[i].width())
                .fold(c.width(), usize::max)
        })
        .collect();
    let status_w = states
        .iter()
        .map(|s| s.width())
        .fold(col(Col::Status).width(), usize::max);
    // The marks column only when some row has a mark: a list without
    // flags or notes reads as it always did.
    let with_marks = rows
        .iter()
        .any(|r| r.summary.flagged || r.summary.note.is_some());
    let line = |out: &mut String,
                fields: [&str; 3],
                figures: &[String],
                state: &str,
                marks: &str,
                title: &str| {
        for (i, (field, width)) in fields.iter().zip(widths).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            push_padded(out, field, width, false);
        }
        for (value, width) in figures.iter().zip(&metric_w) {
            out.push(' ');
            push_padded(out, value, *width, true);
        }
        out.push_str("  ");
        push_padded(out, state, status_w, false);
        out.push(' ');
        if with_marks {
            push_padded(out, marks, 2, false);
            out.push(' ');
        }
        out.push_str(title);
        out.push('\n');
    };
    line(
        out,
        [&col(Col::Issue), &col(Col::Period), &col(Col::Assessment)],
        &metric_cols,
        &col(Col::Status),
        "",
        &col(Col::Title),
    );
    for ((row, key), figures) in rows.iter().zip(&keys).zip(&figures) {
        let s = &row.summary;
        line(
            out,
            [
                key,
                &period_text(s.period),
                s.assessment.map_or("-", |a| a.chinese()),
            ],
            figures,
            match (s.cached, s.read) {
                (false, _) => not_cached,
                (true, true) => read,
                (true, false) => unread,
            },
            &marks_text(s),
            &clean(s.title.as_deref().unwrap_or("")),
        );
    }
}

/// `zhoubao list --json`: every summary field, and the issue's URL.
pub fn list_json(rows: &[IssueRow]) -> String {
    let v: Vec<Value> = rows
        .iter()
        .map(|row| {
            let mut v = summary_json(&row.summary);
            v["url"] = json!(clean_url(row.url.as_deref()));
            v
        })
        .collect();
    pretty(&Value::Array(v))
}

/// Pretty JSON, every character a terminal could act on escaped (a note
/// is given as typed, and reads back so).
fn pretty(v: &Value) -> String {
    let s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
    let mut s = sanitize::json_escaped(&s);
    s.push('\n');
    s
}

fn detail_json(d: &IssueDetail) -> Value {
    let mut v = summary_json(&d.summary);
    v["source"] = json!(clean_opt(d.source.as_deref()));
    v["url"] = json!(clean_url(d.url.as_deref()));
    v["body"] = json!(d.body.iter().map(|p| clean(p)).collect::<Vec<_>>());
    v["truncated"] = json!(d.truncated);
    v["images"] = json!(d.images.iter().map(|p| clean(p)).collect::<Vec<_>>());
    v["recent"] = Value::Array(
        d.recent
            .iter()
            .map(|r| {
                json!({
                    "position": r.position,
                    "key": r.key.map(|k| k.to_string()),
                    "series": r.key.map(|k| k.series.id()),
                    "year": r.key.map(|k| k.year),
                    "number": r.key.map(|k| k.number),
                    "title": clean(&r.title),
                    "url": clean_url(r.url.as_deref()),
                    "cached": r.cached,
                })
            })
            .collect(),
    );
    v["aliases"] = Value::Array(
        d.aliases
            .iter()
            .map(|a| json!({"url": clean_url(a.url.as_deref()), "source": clean_opt(a.source.as_deref())}))
            .collect(),
    );
    v["conflicts"] = Value::Array(d.conflicts.iter().map(conflict_json).collect());
    v
}

/// A lower copy that says otherwise: its account, link and date, and
/// each thing it says (`{"figure": "events_handled", "value": 103}`).
fn conflict_json(c: &Conflict) -> Value {
    let says: Vec<Value> = c
        .says
        .iter()
        .map(|d| match d {
            Disagreement::Title(t) => json!({"title": clean(t)}),
            Disagreement::Period(p) => json!({"period": p}),
            Disagreement::Published(day) => json!({"published": day}),
            Disagreement::Figure(m, v) => json!({"figure": m.id(), "value": v}),
        })
        .collect();
    json!({
        "source": clean_opt(c.source.as_deref()),
        "url": clean_url(c.url.as_deref()),
        "published": c.published,
        "says": says,
    })
}

fn key_json(k: IssueKey) -> Value {
    json!({"key": k.to_string(), "series": k.series.id(), "year": k.year, "number": k.number})
}

fn against_json(a: &Against) -> Value {
    let mut v = key_json(a.key);
    v["value"] = json!(a.value);
    v["weeks_before"] = json!(a.weeks_before);
    v["adjacent"] = json!(a.adjacent());
    v["change"] = json!(a.change);
    v["percent"] = json!(a.percent);
    if a.source == Source::Stated {
        v["stated_by_this_issue"] = json!(true);
    }
    v
}

/// One figure's comparisons. A percentage is `null` when the base is 0
/// (the change is still given); every comparison is `null` when the issue
/// does not have the figure.
fn metric_comparison_json(c: &MetricComparison) -> Value {
    let year_earlier = match (c.year_earlier, c.year_earlier_key) {
        (Some(y), _) => against_json(&y),
        (None, Some(k)) => {
            let mut v = key_json(k);
            v["value"] = Value::Null;
            v
        }
        (None, None) => Value::Null,
    };
    json!({
        "value": c.value,
        "previous": c.previous.as_ref().map(against_json),
        // Beyond the gap: the previous week is not known, this is older.
        "last_known": c.last_known.as_ref().map(against_json),
        "stated_previous": c.stated.map(|s| {
            let mut v = key_json(s.key);
            v["value"] = json!(s.value);
            v["own"] = json!(s.own);
            v
        }),
        "mean": c.mean.map(|m| json!({
            "weeks": MEAN_WEEKS,
            "weeks_known": m.weeks_known,
            "mean": m.mean,
            "change": m.difference,
            "percent": m.percent,
        })),
        "year_earlier": if c.value.is_some() { year_earlier } else { Value::Null },
        "rank": c.rank.map(|r| json!({
            "window_weeks": RANK_WEEKS,
            "position": r.position,
            "of": r.of,
            "end": match r.end { End::Highest => "highest", End::Lowest => "lowest" },
            "tied": r.tied,
        })),
    })
}

fn comparisons_json(c: &IssueComparisons) -> Value {
    let mut v = json!({});
    for m in &c.metrics {
        v[m.metric.id()] = metric_comparison_json(m);
    }
    v
}

/// `zhoubao show --json`: the issue, and under `comparisons` each figure
/// compared with earlier weeks (see [`crate::trend::compare`]).
pub fn show_json(d: &IssueDetail, comparisons: &IssueComparisons) -> String {
    let mut v = detail_json(d);
    v["comparisons"] = comparisons_json(comparisons);
    // How far back `previous` may be; an older issue is `last_known`.
    v["max_gap_weeks"] = json!(comparisons.max_gap_weeks);
    pretty(&v)
}

const CSV_COLUMNS: [&str; 6] = [
    "year",
    "number",
    "period_start",
    "period_end",
    "published",
    "assessment",
];

/// The figure columns of a CSV of `series`: those in the place of the
/// earlier versions' five (网络安全信息与动态周报's headline figures, when
/// it is exported), and every other declared figure after `url`.
fn csv_figures(series: &[SeriesId]) -> (Vec<Metric>, Vec<Metric>) {
    let legacy: Vec<Metric> = if series.contains(&SeriesId::CNCERT) {
        SeriesId::CNCERT.headline().to_vec()
    } else {
        Vec::new()
    };
    let mut rest: Vec<Metric> = Vec::new();
    for s in series {
        for m in s.figures() {
            let taken = |x: &Metric| x.id() == m.id();
            if !legacy.iter().any(taken) && !rest.iter().any(taken) {
                rest.push(*m);
            }
        }
    }
    (legacy, rest)
}

/// `zhoubao export --format csv`: one row per issue of `series`, empty
/// where unknown. The columns of earlier versions come first, in their
/// order (`title` and `url` last of them), so a script reading columns by
/// position still finds them; then `series`, `numbers` (`40;41` for a
/// double issue), every other declared figure of the series, and the
/// names of families' lists the rows have (`type:车联网`); last, the
/// reader's `flagged` and `note`.
pub fn export_csv(rows: &[IssueRow], series: &[SeriesId]) -> String {
    let (legacy, rest) = csv_figures(series);
    let mut met: Vec<Metric> = Vec::new();
    for r in rows {
        for (m, _) in r.summary.figures.iter() {
            if m.info().declared.is_none() && !met.contains(&m) {
                met.push(m);
            }
        }
    }
    met.sort_by_key(|m| (m.series(), m.id()));
    let mut out = CSV_COLUMNS.join(",");
    let header = |out: &mut String, ms: &[Metric]| {
        for m in ms {
            out.push(',');
            out.push_str(&csv_cell(m.id()));
        }
    };
    header(&mut out, &legacy);
    out.push_str(",cached,title,url,series,numbers");
    header(&mut out, &rest);
    header(&mut out, &met);
    out.push_str(",flagged,note");
    out.push('\n');
    for IssueRow { summary: s, url } in rows {
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut row = vec![
            s.key.year.to_string(),
            s.key.number.to_string(),
            csv_cell(&date(s.period.map(|p| p.start))),
            csv_cell(&date(s.period.map(|p| p.end))),
            csv_cell(&date(s.published)),
            csv_cell(s.assessment.map_or("", |a| a.chinese())),
        ];
        // A column is an id: the row's series' figure of that id, if any.
        let value = |m: &Metric| {
            s.key
                .series
                .metric(m.id())
                .and_then(|own| s.figures.get(own))
                .map(|v| v.to_string())
                .unwrap_or_default()
        };
        row.extend(legacy.iter().map(value));
        row.push(s.cached.to_string());
        row.push(csv_cell(&clean(s.title.as_deref().unwrap_or(""))));
        row.push(csv_cell(&sanitize::url(url.as_deref().unwrap_or(""))));
        row.push(s.key.series.id().to_string());
        row.push(
            numbers(s)
                .iter()
                .map(u32::to_string)
                .collect::<Vec<_>>()
                .join(";"),
        );
        row.extend(rest.iter().map(value));
        row.extend(met.iter().map(value));
        row.push(s.flagged.to_string());
        // The note as printed text: lines kept, everything else a
        // terminal or a spreadsheet could act on dropped.
        row.push(csv_cell(&sanitize::clean(
            s.note.as_deref().unwrap_or(""),
            true,
        )));
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

/// One text cell. Numbers are written as they are: a text cell that
/// begins like a formula (`=`, `+`, `-`, `@`, tab, CR) would run in a
/// spreadsheet, so it gets OWASP's CSV-injection treatment: a leading `'`
/// and quotes.
fn csv_cell(s: &str) -> String {
    let formula = s.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if formula {
        format!("\"'{}\"", s.replace('"', "\"\""))
    } else if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `zhoubao export --format json`: the CSV's columns plus `recent`.
pub fn export_json(details: &[IssueDetail]) -> String {
    let rows: Vec<Value> = details
        .iter()
        .map(|d| {
            let s = &d.summary;
            let mut v = json!({
                "series": s.key.series.id(),
                "year": s.key.year,
                "number": s.key.number,
                "numbers": numbers(s),
                "period_start": date_opt(s.period.map(|p| p.start)),
                "period_end": date_opt(s.period.map(|p| p.end)),
                "published": date_opt(s.published),
                "assessment": s.assessment.map(|a| a.chinese()),
            });
            put_figures(&mut v, s.key, &s.figures);
            v["cached"] = json!(s.cached);
            v["read"] = json!(s.read);
            v["flagged"] = json!(s.flagged);
            v["note"] = json!(s.note);
            v["truncated"] = json!(d.truncated);
            v["title"] = json!(clean_opt(s.title.as_deref()));
            v["url"] = json!(clean_url(d.url.as_deref()));
            v["recent"] = Value::Array(
                d.recent
                    .iter()
                    .map(|r| {
                        json!({
                            "series": r.key.map(|k| k.series.id()),
                            "year": r.key.map(|k| k.year),
                            "number": r.key.map(|k| k.number),
                            "title": clean(&r.title),
                            "url": clean_url(r.url.as_deref()),
                        })
                    })
                    .collect(),
            );
            v
        })
        .collect();
    pretty(&Value::Array(rows))
}

#[cfg(test)]
mod tests;
