//! The `zhoubao` binary: parses the command line and runs the chosen command.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{bail, Context, Result};
use clap::Parser;

use zhoubao::cli::{Cli, Command, ExportFormat};
use zhoubao::import::{self, FileResult};
use zhoubao::output;
use zhoubao::store::Store;
use zhoubao::trend::{IssueComparisons, WeekSeries};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        // `zhoubao export | head` closes the pipe early: not an error.
        Err(e)
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("zhoubao: {}", zhoubao::sanitize::line(&format!("{e:#}")));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    if matches!(cli.command, Some(Command::Config)) {
        // The defaults, whatever the current file says (it may be broken).
        std::io::stdout()
            .lock()
            .write_all(zhoubao::config::default_file().as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    let config = zhoubao::config::Config::load(
        cli.config.as_deref(),
        zhoubao::config::no_color_from_env(),
        zhoubao::i18n::Lang::from_env(None),
    )?;
    let store = if cli.demo {
        if matches!(cli.command, Some(Command::Import { .. })) {
            bail!("--demo browses the built-in corpus; import into a cache without --demo");
        }
        open_demo()?
    } else {
        let path = cache_path(cli.db.or(config.db.clone()))?;
        // The store's errors name the file already.
        Store::open(&path)?
    };
    let mut store = store;
    let mut out = std::io::stdout().lock();
    match cli.command {
        None => {
            let ui = zhoubao::tui::Ui {
                lang: zhoubao::i18n::Lang::from_env(config.language),
                theme: config.theme,
                keys: config.keys,
            };
            let browser = config.browser;
            zhoubao::tui::run(store, cli.open, zhoubao::tui::Options { ui, browser })?;
        }
        Some(Command::Import {
            paths,
            quiet,
            verbose,
        }) => {
            let summary = import::import_paths_with(&mut store, &paths, !quiet, |path, result| {
                if verbose {
                    let _ = writeln!(
                        out,
                        "{}\t{}",
                        result,
                        zhoubao::sanitize::line(&path.display().to_string())
                    );
                    let _ = out.flush();
                }
            });
            eprintln!("{summary}");
            if !summary.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Some(Command::Reindex) => {
            let counts = store.reindex(|raw| zhoubao::parse::parse(raw).ok())?;
            eprintln!(
                "re-derived {} issues' data from {} stored files",
                counts.bulletins, counts.sources
            );
        }
        Some(Command::List { json }) => {
            let list = store.summaries()?;
            let text = if json {
                output::list_json(&list)
            } else {
                output::list_text(&list)
            };
            out.write_all(text.as_bytes())?;
        }
        Some(Command::Show { key, json }) => {
            let Some(detail) = store.detail(key)? else {
                bail!("issue {key} is not in the cache (no file or reference names it)");
            };
            // One summaries query gives every earlier week to compare with.
            let weeks = WeekSeries::build(&store.summaries()?);
            let comparisons = IssueComparisons::compute(&weeks, key, &detail.summary.figures);
            let text = if json {
                output::show_json(&detail, &comparisons)
            } else {
                output::show_text(&detail, &comparisons)
            };
            out.write_all(text.as_bytes())?;
        }
        Some(Command::Export { format }) => {
            let list = store.summaries()?;
            let text = match format {
                ExportFormat::Csv => output::export_csv(&list),
                ExportFormat::Json => {
                    let mut details = Vec::with_capacity(list.len());
                    for s in &list {
                        if let Some(d) = store.detail(s.key)? {
                            details.push(d);
                        }
                    }
                    output::export_json(&details)
                }
            };
            out.write_all(text.as_bytes())?;
        }
        // Printed above, before any cache is opened.
        Some(Command::Config) => {}
        Some(Command::Search { query, json }) => {
            let keys: std::collections::HashSet<_> = store.search(&query)?.into_iter().collect();
            let all = store.summaries()?;
            let hits: Vec<_> = all.into_iter().filter(|s| keys.contains(&s.key)).collect();
            let text = if json {
                output::list_json(&hits)
            } else {
                output::search_text(&hits)
            };
            out.write_all(text.as_bytes())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `--db`, then `ZHOUBAO_DB` (both via clap), then the config's `db`, then
/// the platform data dir.
fn cache_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p);
    }
    let dirs = directories::ProjectDirs::from("", "", "zhoubao")
        .context("cannot find a home directory for the cache; pass --db PATH")?;
    let dir = dirs.data_dir();
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    Ok(dir.join("cache.db"))
}

/// An in-memory cache holding the demo corpus embedded in the binary.
fn open_demo() -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    for (name, bytes) in zhoubao::demo::files() {
        if let FileResult::Failed(why) = import::import_bytes(&mut store, name, bytes) {
            bail!("demo file {name}: {why}");
        }
    }
    Ok(store)
}
