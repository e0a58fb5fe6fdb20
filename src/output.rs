//! Text, JSON and CSV renderings of the cache for the non-interactive
//! commands. Every string from the data passes through the sanitizer, so
//! no escape sequence from a bulletin reaches the user's terminal.

use serde_json::{json, Value};
use unicode_width::UnicodeWidthStr;

use crate::model::{IssueDetail, IssueKey, IssueSummary, Metric, Period};
use crate::sanitize;
use crate::trend::compare::{
    Against, End, IssueComparisons, MetricComparison, MEAN_WEEKS, RANK_WEEKS,
};
use crate::trend::describe::en;

fn clean(s: &str) -> String {
    sanitize::line(s)
}

fn clean_opt(s: Option<&str>) -> Option<String> {
    s.map(clean)
}

fn date_opt(d: Option<chrono::NaiveDate>) -> Value {
    d.map_or(Value::Null, |d| Value::String(d.to_string()))
}

fn period_text(p: Option<Period>) -> String {
    p.map_or_else(|| "-".into(), |p| format!("{}~{}", p.start, p.end))
}

fn figure_text(v: Option<i64>) -> String {
    v.map_or_else(|| "-".into(), |v| v.to_string())
}

/// Left-aligns by display width: Chinese characters take two cells.
fn pad(s: &str, width: usize) -> String {
    let w = s.width();
    format!("{s}{}", " ".repeat(width.saturating_sub(w)))
}

fn summary_json(s: &IssueSummary) -> Value {
    let mut v = json!({
        "key": s.key.to_string(),
        "year": s.key.year,
        "number": s.key.number,
        "title": clean_opt(s.title.as_deref()),
        "period_start": date_opt(s.period.map(|p| p.start)),
        "period_end": date_opt(s.period.map(|p| p.end)),
        "published": date_opt(s.published),
        "assessment": s.assessment.map(|a| a.chinese()),
        "cached": s.cached,
        "read": s.read,
    });
    for m in Metric::ALL {
        v[m.column()] = json!(s.figures.get(m));
    }
    v
}

/// `zhoubao list`: one line per issue, newest first.
pub fn list_text(issues: &[IssueSummary]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "{:<8} {:<21} {} {:>6} {:>6} {:>6} {:>4} {:>6}  {:<10} {}\n",
        "ISSUE", "PERIOD", "评价", "EVENTS", "XBORD", "PHISH", "APPS", "URLS", "STATUS", "TITLE"
    ));
    for s in issues {
        let f = |m| figure_text(s.figures.get(m));
        out.push_str(&format!(
            "{:<8} {:<21} {} {:>6} {:>6} {:>6} {:>4} {:>6}  {:<10} {}\n",
            s.key.to_string(),
            period_text(s.period),
            pad(s.assessment.map_or("-", |a| a.chinese()), 4),
            f(Metric::EventsHandled),
            f(Metric::CrossBorder),
            f(Metric::PhishingComplaints),
            f(Metric::MaliciousAppPlatforms),
            f(Metric::MaliciousUrls),
            if s.cached { "cached" } else { "not cached" },
            clean(s.title.as_deref().unwrap_or("")),
        ));
    }
    out
}

pub fn list_json(issues: &[IssueSummary]) -> String {
    let v: Vec<Value> = issues.iter().map(summary_json).collect();
    pretty(&Value::Array(v))
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_else(|_| "null".into());
    s.push('\n');
    s
}

fn detail_json(d: &IssueDetail) -> Value {
    let mut v = summary_json(&d.summary);
    v["source"] = json!(clean_opt(d.source.as_deref()));
    v["url"] = json!(clean_opt(d.url.as_deref()));
    v["body"] = json!(d.body.iter().map(|p| clean(p)).collect::<Vec<_>>());
    v["images"] = json!(d.images.iter().map(|p| clean(p)).collect::<Vec<_>>());
    v["recent"] = Value::Array(
        d.recent
            .iter()
            .map(|r| {
                json!({
                    "position": r.position,
                    "key": r.key.map(|k| k.to_string()),
                    "year": r.key.map(|k| k.year),
                    "number": r.key.map(|k| k.number),
                    "title": clean(&r.title),
                    "url": clean_opt(r.url.as_deref()),
                    "cached": r.cached,
                })
            })
            .collect(),
    );
    v["aliases"] = Value::Array(
        d.aliases
            .iter()
            .map(|a| json!({"url": clean_opt(a.url.as_deref()), "source": clean_opt(a.source.as_deref())}))
            .collect(),
    );
    v
}

fn key_json(k: IssueKey) -> Value {
    json!({"key": k.to_string(), "year": k.year, "number": k.number})
}

fn against_json(a: &Against) -> Value {
    let mut v = key_json(a.key);
    v["value"] = json!(a.value);
    v["weeks_before"] = json!(a.weeks_before);
    v["adjacent"] = json!(a.adjacent());
    v["change"] = json!(a.change);
    v["percent"] = json!(a.percent);
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
        v[m.metric.column()] = metric_comparison_json(m);
    }
    v
}

/// `zhoubao show --json`: the issue, and under `comparisons` each figure
/// compared with earlier weeks (see [`crate::trend::compare`]).
pub fn show_json(d: &IssueDetail, comparisons: &IssueComparisons) -> String {
    let mut v = detail_json(d);
    v["comparisons"] = comparisons_json(comparisons);
    pretty(&v)
}

/// The figures, each with its change against the last earlier issue that
/// has it on its own line, then the mean, year-earlier and rank lines.
fn figures_text(s: &IssueSummary, c: &IssueComparisons, out: &mut String) {
    if !s.cached && s.figures.is_empty() {
        out.push_str("figures: not known (the issue is not cached)\n");
        return;
    }
    out.push_str(&en::heading(c));
    out.push('\n');
    let width = c
        .metrics
        .iter()
        .map(|m| en::value(m).width())
        .max()
        .unwrap_or(1);
    for m in &c.metrics {
        let head = format!("  {} {:>width$}  ", pad(m.metric.label(), 12), en::value(m));
        out.push_str(&head);
        out.push_str(&en::previous(m));
        out.push('\n');
        let indent = " ".repeat(head.width());
        for line in [en::mean(m), en::year_earlier(m), en::rank(m)]
            .into_iter()
            .flatten()
        {
            out.push_str(&indent);
            out.push_str(&line);
            out.push('\n');
        }
    }
}

/// `zhoubao show`: one issue in full, its figures compared with earlier weeks.
pub fn show_text(d: &IssueDetail, comparisons: &IssueComparisons) -> String {
    let s = &d.summary;
    let mut out = String::new();
    let title = clean(s.title.as_deref().unwrap_or("(title unknown)"));
    out.push_str(&format!("{}  {}\n", s.key, title));
    out.push_str(&format!(
        "{}\n",
        if s.cached {
            "cached"
        } else {
            "not cached: only its title and period are known (import the issue to read it)"
        }
    ));
    out.push_str(&format!("period:     {}\n", period_text(s.period)));
    out.push_str(&format!(
        "published:  {}\n",
        s.published.map_or("-".into(), |d| d.to_string())
    ));
    out.push_str(&format!(
        "source:     {}\n",
        clean(d.source.as_deref().unwrap_or("-"))
    ));
    out.push_str(&format!(
        "url:        {}\n",
        clean(d.url.as_deref().unwrap_or("-"))
    ));
    out.push_str(&format!(
        "assessment: {}\n",
        s.assessment.map_or("-", |a| a.chinese())
    ));
    figures_text(s, comparisons, &mut out);
    if !d.body.is_empty() {
        out.push('\n');
        for p in &d.body {
            out.push_str(&clean(p));
            out.push('\n');
        }
    }
    if !d.images.is_empty() {
        out.push_str("\ncharts:\n");
        for i in &d.images {
            out.push_str(&format!("  {}\n", clean(i)));
        }
    }
    if !d.recent.is_empty() {
        out.push_str("\n近期回顾:\n");
        for r in &d.recent {
            out.push_str(&format!(
                "  {}. [{}] {} {}\n",
                r.position,
                if r.cached { "cached" } else { "not cached" },
                clean(&r.title),
                clean(r.url.as_deref().unwrap_or("(no link)")),
            ));
        }
    }
    if d.aliases.len() > 1 {
        out.push_str("\ncopies:\n");
        for a in &d.aliases {
            out.push_str(&format!(
                "  {}  {}\n",
                clean(a.source.as_deref().unwrap_or("(a 近期回顾 link)")),
                clean(a.url.as_deref().unwrap_or("-"))
            ));
        }
    }
    out
}

const CSV_COLUMNS: [&str; 6] = [
    "year",
    "number",
    "period_start",
    "period_end",
    "published",
    "assessment",
];

/// `zhoubao export --format csv`: one row per issue, empty where unknown.
pub fn export_csv(issues: &[IssueSummary]) -> String {
    let mut out = CSV_COLUMNS.join(",");
    for m in Metric::ALL {
        out.push(',');
        out.push_str(m.column());
    }
    out.push_str(",cached\n");
    for s in issues {
        let date = |d: Option<chrono::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        let mut row = vec![
            s.key.year.to_string(),
            s.key.number.to_string(),
            csv_cell(&date(s.period.map(|p| p.start))),
            csv_cell(&date(s.period.map(|p| p.end))),
            csv_cell(&date(s.published)),
            csv_cell(s.assessment.map_or("", |a| a.chinese())),
        ];
        for m in Metric::ALL {
            row.push(s.figures.get(m).map(|v| v.to_string()).unwrap_or_default());
        }
        row.push(s.cached.to_string());
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
                "year": s.key.year,
                "number": s.key.number,
                "period_start": date_opt(s.period.map(|p| p.start)),
                "period_end": date_opt(s.period.map(|p| p.end)),
                "published": date_opt(s.published),
                "assessment": s.assessment.map(|a| a.chinese()),
            });
            for m in Metric::ALL {
                v[m.column()] = json!(s.figures.get(m));
            }
            v["cached"] = json!(s.cached);
            v["recent"] = Value::Array(
                d.recent
                    .iter()
                    .map(|r| {
                        json!({
                            "year": r.key.map(|k| k.year),
                            "number": r.key.map(|k| k.number),
                            "title": clean(&r.title),
                            "url": clean_opt(r.url.as_deref()),
                        })
                    })
                    .collect(),
            );
            v
        })
        .collect();
    pretty(&Value::Array(rows))
}

/// `zhoubao search`: matching issues, newest first.
pub fn search_text(hits: &[IssueSummary]) -> String {
    let mut out = String::new();
    for s in hits {
        out.push_str(&format!(
            "{:<8} {:<21} {}{}\n",
            s.key.to_string(),
            period_text(s.period),
            clean(s.title.as_deref().unwrap_or("")),
            if s.cached { "" } else { "  (not cached)" }
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Figures, IssueKey};

    #[test]
    fn text_cells_that_begin_like_a_formula_are_neutralised() {
        for (text, cell) in [
            (
                "=HYPERLINK(\"http://x\",\"周报\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"周报\"\")\"",
            ),
            ("+1+1", "\"'+1+1\""),
            ("-2+3", "\"'-2+3\""),
            ("@SUM(A1:A9)", "\"'@SUM(A1:A9)\""),
            ("\t=1", "\"'\t=1\""),
            ("\r=1", "\"'\r=1\""),
        ] {
            assert_eq!(csv_cell(text), cell, "{text:?}");
        }
    }

    #[test]
    fn ordinary_text_cells_are_quoted_only_when_needed() {
        assert_eq!(csv_cell("2024-05-04"), "2024-05-04");
        assert_eq!(csv_cell("良"), "良");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("周报=1"), "周报=1");
    }

    #[test]
    fn numbers_stay_numbers_even_when_negative() {
        let s = IssueSummary {
            key: IssueKey::new(2024, 17),
            title: None,
            period: None,
            published: None,
            assessment: None,
            figures: Figures {
                events_handled: Some(-5),
                ..Figures::default()
            },
            cached: true,
            read: false,
        };
        let csv = export_csv(&[s]);
        let row = csv.lines().nth(1).unwrap();
        assert_eq!(row, "2024,17,,,,,-5,,,,,true");
    }
}
