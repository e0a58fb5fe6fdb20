//! `zhoubao export`: one row per issue as CSV or JSON, on stdout or into
//! a file (output/target.rs: a regular file whole or not at all, a FIFO or
//! device written into, a symlink's target).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

use clap::CommandFactory;

use super::args::{Cli, ExportFormat, Select};
use super::shown;
use crate::i18n::{Cmd, Lang, Mine};
use crate::output;
use crate::store::Store;

/// `export --notes`: every read mark, flag and note as a marks file
/// (crate::marks), on stdout or into `file` as the other exports are.
pub fn run_notes(store: &Store, file: Option<PathBuf>, lang: Lang) -> Result<ExitCode> {
    let marks = store.user_marks()?;
    let text = crate::marks::to_json(&marks, chrono::Utc::now());
    match file {
        Some(file) => {
            output::target::write_export(&file, text.as_bytes())
                .with_context(|| Cmd::Writing { path: shown(&file) }.text(lang))?;
            let wrote = Mine::MarksWritten {
                issues: marks.len(),
                path: shown(&file),
            };
            eprintln!("{}", wrote.text(lang));
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run(
    store: &Store,
    format: ExportFormat,
    select: &Select,
    file: Option<PathBuf>,
    bom: bool,
    lang: Lang,
) -> Result<ExitCode> {
    if bom && format != ExportFormat::Csv {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "--bom is for CSV only (JSON has no byte order mark)",
            )
            .exit();
    }
    if let Some(wrong) = select.since_of_another_series() {
        return Err(super::said(wrong, lang));
    }
    let rows = select.apply(store.rows()?);
    let text = match format {
        // Excel on a Chinese Windows reads UTF-8 only after a BOM.
        ExportFormat::Csv if bom => format!(
            "\u{FEFF}{}",
            output::export_csv(&rows, &select.series.series())
        ),
        ExportFormat::Csv => output::export_csv(&rows, &select.series.series()),
        ExportFormat::Json => {
            let mut details = Vec::with_capacity(rows.len());
            for row in &rows {
                if let Some(d) = store.detail(row.summary.key)? {
                    details.push(d);
                }
            }
            output::export_json(&details)
        }
    };
    match file {
        Some(file) => {
            output::target::write_export(&file, text.as_bytes())
                .with_context(|| Cmd::Writing { path: shown(&file) }.text(lang))?;
            let wrote = Cmd::Wrote {
                issues: rows.len(),
                path: shown(&file),
            };
            eprintln!("{}", wrote.text(lang));
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}
