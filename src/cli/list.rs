//! `zhoubao list`: every known issue, one line each, or JSON.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::args::Select;
use super::said;
use crate::i18n::{Cmd, Lang};
use crate::output;
use crate::store::Store;

pub fn run(store: &Store, select: &Select, json: bool, lang: Lang) -> Result<ExitCode> {
    if let Some(wrong) = select.since_of_another_series() {
        return Err(said(wrong, lang));
    }
    let all = store.rows()?;
    // Why nothing was chosen, for stderr: stdout stays a script's empty list.
    let why_empty = if all.is_empty() {
        Cmd::ListNoIssue
    } else if select.flagged
        && !all
            .iter()
            .any(|r| r.summary.flagged && select.series.admits(r.summary.key.series))
    {
        Cmd::ListNoneFlagged
    } else {
        Cmd::ListNoMatch
    };
    let rows = select.apply(all);
    if rows.is_empty() {
        // Not eprintln!, which panics when stderr cannot be written.
        let _ = writeln!(std::io::stderr(), "zhoubao: {}", why_empty.text(lang));
    }
    let text = if json {
        output::list_json(&rows)
    } else {
        output::list_text(&rows, &select.series.series(), lang)
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
