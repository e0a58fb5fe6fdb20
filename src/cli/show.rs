//! `zhoubao show YEAR-NUMBER`: one issue in full, its figures compared
//! with the weeks before.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::said;
use crate::config::Config;
use crate::i18n::{Cmd, Lang};
use crate::model::IssueKey;
use crate::output;
use crate::store::Store;
use crate::trend::{IssueComparisons, WeekSeries};

/// `config`'s `[compare] max_gap_weeks` says how far back a change is
/// still headlined.
pub fn run(
    store: &Store,
    key: IssueKey,
    json: bool,
    config: &Config,
    lang: Lang,
) -> Result<ExitCode> {
    let Some(detail) = store.detail(key)? else {
        return Err(said(
            Cmd::NotInCache {
                key: key.to_string(),
            },
            lang,
        ));
    };
    // The issue itself: a double issue's second number names it too.
    let key = detail.summary.key;
    // One summaries query gives every earlier week to compare with.
    let weeks = WeekSeries::build(&store.summaries_of(key.series)?);
    let figures = &detail.summary.figures;
    let comparisons = IssueComparisons::compute_within(&weeks, key, figures, config.max_gap_weeks);
    let text = if json {
        output::show_json(&detail, &comparisons)
    } else {
        // An issue known only from empty copies says so.
        let empty = if detail.summary.cached {
            0
        } else {
            store.empty_copies(key)?
        };
        output::show_text_noting(&detail, &comparisons, empty, lang)
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
