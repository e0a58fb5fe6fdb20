//! `zhoubao import PATH...`: files and folders into the cache, a progress
//! bar, each file's verdict with `--verbose`, the summary on stderr; a
//! marks file (`export --notes`) named on the command line brings its
//! read marks, flags and notes instead (crate::marks).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};

use super::{said, shown};
use crate::i18n::{Cache, Lang, Localized, Mine, Msg};
use crate::import;
use crate::store::Store;

/// Refuses paths that hold no file at all, or none that can be read,
/// before a cache is made for nothing.
pub fn check_paths(paths: &[PathBuf], lang: Lang) -> Result<()> {
    let (files, errors) = import::collect_files(paths);
    if !files.is_empty() {
        return Ok(());
    }
    if errors.is_empty() {
        let paths: Vec<String> = paths.iter().map(|p| shown(p)).collect();
        return Err(said(
            Cache::NoFiles {
                paths: paths.join(" "),
            },
            lang,
        ));
    }
    // A mistyped path: nothing could be read, so no cache is made either.
    let paths = errors
        .into_iter()
        .map(|(path, why)| (shown(&path), Box::new(why)))
        .collect();
    Err(said(Cache::NothingReadable { paths }, lang))
}

pub fn run(
    store: &mut Store,
    paths: &[PathBuf],
    quiet: bool,
    verbose: bool,
    lang: Lang,
) -> Result<ExitCode> {
    // Bulletins first: a marks file then finds the issues they brought.
    let (marks, paths) = marks_files(paths);
    let bulletins_failed =
        !paths.is_empty() && !import_bulletins(store, &paths, quiet, verbose, lang);
    let mut marks_failed = false;
    for (path, bytes) in &marks {
        marks_failed |= !import_marks(store, path, bytes, lang)?;
    }
    Ok(if bulletins_failed || marks_failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Imports bulletins and prints the summary; false when a file failed,
/// the run stopped, or nothing was found.
fn import_bulletins(
    store: &mut Store,
    paths: &[PathBuf],
    quiet: bool,
    verbose: bool,
    lang: Lang,
) -> bool {
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
    summary.failed.is_empty() && summary.stopped.is_none() && !summary.found_nothing()
}

/// How many keys a report names before it says "…".
const KEYS_NAMED: usize = 5;

/// The files named on the command line that are marks files (`export
/// --notes`), with their bytes, and every other path. A folder's files
/// are bulletins: only a file named itself is read as marks.
fn marks_files(paths: &[PathBuf]) -> (Vec<(PathBuf, Vec<u8>)>, Vec<PathBuf>) {
    let (mut marks, mut rest) = (Vec::new(), Vec::new());
    for path in paths {
        let bytes = std::fs::metadata(path)
            .ok()
            .filter(|m| m.is_file() && m.len() <= crate::model::MAX_FILE_BYTES as u64)
            .and_then(|_| std::fs::read(path).ok());
        match bytes {
            Some(bytes) if crate::marks::is_marks_file(&bytes) => marks.push((path.clone(), bytes)),
            _ => rest.push(path.clone()),
        }
    }
    (marks, rest)
}

/// Merges one marks file into the cache and says what it did; false when
/// the file, or an entry of it, could not be read.
fn import_marks(store: &mut Store, path: &Path, bytes: &[u8], lang: Lang) -> Result<bool> {
    let file = shown(path);
    let (marks, bad) = match crate::marks::from_json(bytes) {
        Ok(read) => read,
        Err(e) => {
            eprintln!("zhoubao: {file}: {}", e.text(lang));
            return Ok(false);
        }
    };
    for e in &bad {
        eprintln!("zhoubao: {file}: {}", e.text(lang));
    }
    let merged = store
        .merge_user_marks(&marks)
        .with_context(|| file.clone())?;
    let said = Mine::MarksImported {
        file,
        issues: merged.issues,
        read: merged.read,
        flagged: merged.flagged,
        notes: merged.notes,
    };
    eprintln!("{}", said.text(lang));
    for key in &merged.conflicts {
        let key = key.to_string();
        eprintln!("  {}", Mine::MarksConflict { key }.text(lang));
    }
    if !merged.waiting.is_empty() {
        let mut keys: Vec<String> = merged
            .waiting
            .iter()
            .take(KEYS_NAMED)
            .map(|k| k.to_string())
            .collect();
        if merged.waiting.len() > KEYS_NAMED {
            keys.push("…".into());
        }
        let said = Mine::MarksWaiting {
            issues: merged.waiting.len(),
            keys: keys.join(", "),
        };
        eprintln!("  {}", said.text(lang));
    }
    Ok(bad.is_empty())
}
