//! `zhoubao search QUERY`: the issues whose title or body holds the text,
//! each hit with its context; exit status 1 when nothing matches, like grep.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;

use super::args::SeriesChoice;
use super::said;
use crate::i18n::{Cmd, Lang};
use crate::model::IssueKey;
use crate::output::{self, Mark, SearchHit};
use crate::store::Store;

pub fn run(
    store: &Store,
    query: &str,
    series: SeriesChoice,
    json: bool,
    no_color: bool,
    lang: Lang,
) -> Result<ExitCode> {
    // Every issue contains nothing: an empty query would list all.
    if query.trim().is_empty() {
        return Err(said(Cmd::EmptyQuery, lang));
    }
    let mut texts = store.search_texts(query)?;
    texts.retain(|t| series.admits(t.key.series));
    let mut summaries: HashMap<IssueKey, _> =
        store.summaries()?.into_iter().map(|s| (s.key, s)).collect();
    let hits: Vec<SearchHit> = texts
        .iter()
        .filter_map(|t| Some(SearchHit::new(summaries.remove(&t.key)?, t, query)))
        .collect();
    let text = if json {
        output::search_json(&hits)
    } else {
        let mark = Mark::choose(std::io::stdout().is_terminal(), no_color);
        output::search_text(&hits, lang, mark)
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    if hits.is_empty() {
        // Like grep: nothing found is exit status 1.
        let query = crate::sanitize::line(query);
        let _ = writeln!(
            std::io::stderr(),
            "zhoubao: {}",
            Cmd::NoHit { query }.text(lang)
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
