//! `zhoubao import PATH...`: files and folders into the cache, a progress
//! bar, each file's verdict with `--verbose`, the summary on stderr.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

use super::{said, shown};
use crate::i18n::{Cache, Lang, Msg};
use crate::import;
use crate::store::Store;

/// Refuses paths that hold no file at all, before a cache is made for
/// nothing.
pub fn check_paths(paths: &[PathBuf], lang: Lang) -> Result<()> {
    let (files, errors) = import::collect_files(paths);
    if files.is_empty() && errors.is_empty() {
        let paths: Vec<String> = paths.iter().map(|p| shown(p)).collect();
        return Err(said(
            Cache::NoFiles {
                paths: paths.join(" "),
            },
            lang,
        ));
    }
    Ok(())
}

pub fn run(
    store: &mut Store,
    paths: &[PathBuf],
    quiet: bool,
    verbose: bool,
    lang: Lang,
) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let summary = import::import_paths_with(store, paths, !quiet, |path, result| {
        if verbose {
            let _ = writeln!(
                out,
                "{}\t{}",
                Msg::Cache(Cache::Verdict(result.verdict())).text(lang),
                shown(path)
            );
            let _ = out.flush();
        }
    });
    eprintln!("{}", summary.render(lang));
    if !summary.failed.is_empty() || summary.stopped.is_some() || summary.found_nothing() {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
