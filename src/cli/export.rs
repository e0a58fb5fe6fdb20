//! `zhoubao export`: one row per issue as CSV or JSON, on stdout or into
//! a file written whole or not at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::args::{ExportFormat, Select};
use super::shown;
use crate::i18n::{Cmd, Lang};
use crate::output;
use crate::store::Store;

pub fn run(
    store: &Store,
    format: ExportFormat,
    select: &Select,
    file: Option<PathBuf>,
    lang: Lang,
) -> Result<ExitCode> {
    let rows = select.apply(store.rows()?);
    let text = match format {
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
            write_atomically(&file, text.as_bytes())
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

/// Writes `bytes` to `path` whole or not at all: into a temporary file in
/// the same folder, then renamed over `path`. The new file's mode is the
/// usual 0666 less the umask, as for any file a shell redirect creates.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let prefix = format!(
        ".{}.",
        path.file_name().unwrap_or_default().to_string_lossy()
    );
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".part");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // tempfile's error names the temporary file, which the user never
    // asked for (the context names theirs): the folder's own error first,
    // then only the kind of what went wrong.
    std::fs::metadata(folder)?;
    let mut temp = builder
        .tempfile_in(folder)
        .map_err(|e| std::io::Error::from(e.kind()))?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
