//! A figure's names, as its series declares them ([`crate::series`]): the
//! Chinese short name (the bulletin's own term), and in English a label
//! for the TUI's panes and the words `zhoubao show` uses in a sentence.

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
    let info = m.info();
    match (lang, form) {
        (Lang::Zh, _) => info.zh,
        (Lang::En, Form::Label) => info.en,
        (Lang::En, Form::Words) => info.en_words,
    }
}
