//! `zhoubao list`: every known issue, one line each, or JSON.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::args::Select;
use crate::i18n::Lang;
use crate::output;
use crate::store::Store;

pub fn run(store: &Store, select: &Select, json: bool, lang: Lang) -> Result<ExitCode> {
    let rows = select.apply(store.rows()?);
    let text = if json {
        output::list_json(&rows)
    } else {
        output::list_text(&rows, &select.series.series(), lang)
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
