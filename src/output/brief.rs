//! `zhoubao brief --format json`: the brief's data, each headline figure
//! with the same comparison fields as `show --json` (one function writes
//! both), what is notable, and the other series' issue of the week.

use serde_json::{json, Value};

use super::{against_json, clean_opt, date_opt, key_json, metric_comparison_json, pretty};
use crate::brief::Brief;
use crate::trend::compare::End;

fn end(e: End) -> &'static str {
    match e {
        End::Highest => "highest",
        End::Lowest => "lowest",
    }
}

/// The brief as JSON; the note exactly as typed (escaped as all JSON
/// output is), the rest as `show --json` gives it.
pub fn brief_json(b: &Brief) -> String {
    let mut v = key_json(b.key);
    v["title"] = json!(clean_opt(b.title.as_deref()));
    v["period_start"] = date_opt(b.period.map(|p| p.start));
    v["period_end"] = date_opt(b.period.map(|p| p.end));
    v["published"] = date_opt(b.published);
    v["assessment"] = json!(b.assessment.map(|a| a.chinese()));
    v["cached"] = json!(b.cached);
    v["flagged"] = json!(b.flagged);
    v["note"] = json!(b.note);
    v["url"] = json!(b.url.as_deref().map(crate::sanitize::url));
    v["baseline"] = b
        .comparisons
        .main_previous()
        .map_or(Value::Null, |(key, weeks)| {
            let mut v = key_json(key);
            v["weeks_before"] = json!(weeks);
            v
        });
    v["figures"] = Value::Array(
        b.headline()
            .map(|c| {
                let mut f = json!({ "id": c.metric.id() });
                if let (Value::Object(f), Value::Object(more)) = (&mut f, metric_comparison_json(c))
                {
                    f.extend(more);
                }
                f
            })
            .collect(),
    );
    v["notable"] = json!({
        "extremes": b.notable.extremes.iter().map(|e| json!({
            "figure": e.metric.id(),
            "end": end(e.end),
            "weeks": e.weeks,
            "known_weeks": e.known,
            "since_first": e.since_first.map(|k| k.to_string()),
        })).collect::<Vec<_>>(),
        "changes": b.notable.changes.iter().map(|(m, a)| {
            let mut v = against_json(a);
            v["figure"] = json!(m.id());
            v
        }).collect::<Vec<_>>(),
    });
    v["same_week"] = b.same_week.as_ref().map_or(Value::Null, |o| {
        let mut v = key_json(o.key);
        v["title"] = json!(clean_opt(o.title.as_deref()));
        v["period_start"] = date_opt(o.period.map(|p| p.start));
        v["period_end"] = date_opt(o.period.map(|p| p.end));
        v["assessment"] = json!(o.assessment.map(|a| a.chinese()));
        let mut figures = json!({});
        for (m, value) in &o.figures {
            figures[m.id()] = json!(value);
        }
        v["figures"] = figures;
        v
    });
    pretty(&v)
}
