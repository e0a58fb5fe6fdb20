//! The five figures' names, in one table: the Chinese short names (the
//! bulletin's own terms), and in English a label for the TUI's panes and
//! the words `zhoubao show` uses in a sentence.

use super::Lang;
use crate::model::Metric;

/// Where a name stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Form {
    /// A label on its own (`Events`): the TUI's panes.
    Label,
    /// Words in running text (`events handled`): `zhoubao show`.
    Words,
}

pub(super) fn name(m: Metric, lang: Lang, form: Form) -> &'static str {
    let (label, words) = match m {
        Metric::EventsHandled => ("Events", "events handled"),
        Metric::CrossBorder => ("Cross-border", "cross-border"),
        Metric::PhishingComplaints => ("Phishing", "phishing"),
        Metric::MaliciousAppPlatforms => ("App platforms", "app platforms"),
        Metric::MaliciousUrls => ("Malicious URLs", "malicious URLs"),
    };
    match (lang, form) {
        (Lang::Zh, _) => m.label(),
        (Lang::En, Form::Label) => label,
        (Lang::En, Form::Words) => words,
    }
}
