//! `zhoubao brief [KEY]`: one issue in about thirty lines for a weekly
//! report (Markdown, plain text or JSON), from the same comparisons as
//! `show`; without a key, the newest issue with text of the series.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::said;
use crate::brief::render::{self, Format};
use crate::brief::{other_series, Brief};
use crate::i18n::{Cmd, Lang};
use crate::model::{IssueKey, SeriesId};
use crate::output;
use crate::store::Store;
use crate::trend::WeekSeries;

/// How `zhoubao brief` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BriefFormat {
    Md,
    Text,
    Json,
}

pub fn run(
    store: &Store,
    key: Option<IssueKey>,
    series: SeriesId,
    format: BriefFormat,
    max_gap_weeks: u32,
    lang: Lang,
) -> Result<ExitCode> {
    let key = match key {
        Some(key) => key,
        None => match store.summaries_of(series)?.into_iter().find(|s| s.cached) {
            Some(s) => s.key,
            None => {
                let name = series.id().to_string();
                return Err(said(Cmd::NoCachedIssueOf { series: name }, lang));
            }
        },
    };
    let Some(detail) = store.detail(key)? else {
        return Err(said(
            Cmd::NotInCache {
                key: key.to_string(),
            },
            lang,
        ));
    };
    let key = detail.summary.key;
    let weeks = WeekSeries::build(&store.summaries_of(key.series)?);
    let mut others = Vec::new();
    for s in other_series(key.series) {
        others.extend(store.summaries_of(s)?);
    }
    let brief = Brief::assemble_within(&detail, &weeks, &others, max_gap_weeks);
    let text = match format {
        BriefFormat::Md => render::render(&brief, Format::Markdown, lang),
        BriefFormat::Text => render::render(&brief, Format::Text, lang),
        BriefFormat::Json => output::brief_json(&brief),
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
