//! The `zhoubao` binary: parses the command line and runs the chosen command.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, bail, Context, Result};
use clap::Parser;

use zhoubao::cli::{Cli, Command, ExportFormat};
use zhoubao::fetch;
use zhoubao::i18n::Lang;
use zhoubao::import::{self, FileResult};
use zhoubao::model::IssueKey;
use zhoubao::output;
use zhoubao::store::{Store, StoreError};
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
    let Cli {
        db,
        config: config_path,
        demo,
        open,
        command,
    } = cli;
    if matches!(command, Some(Command::Config)) {
        // The defaults, whatever the current file says (it may be broken).
        std::io::stdout()
            .lock()
            .write_all(zhoubao::config::default_file().as_bytes())?;
        return Ok(ExitCode::SUCCESS);
    }
    if command.is_none() {
        // Before anything is drawn or opened: `zhoubao > file` gets one line.
        zhoubao::tui::require_terminal()?;
    }
    let config = zhoubao::config::Config::load(
        config_path.as_deref(),
        zhoubao::config::no_color_from_env(),
        Lang::from_env(None),
    )?;
    if demo {
        let refused = match &command {
            Some(Command::Import { .. }) => Some("import into"),
            Some(Command::Fetch { .. }) => Some("fetch into"),
            Some(Command::Reindex) => Some("reindex"),
            Some(Command::Recover { .. }) => Some("recover"),
            _ => None,
        };
        if let Some(what) = refused {
            bail!("--demo browses the built-in corpus and keeps nothing; {what} a cache without --demo");
        }
        return commands(open_demo()?, open, command, config);
    }
    let creating = matches!(
        command,
        Some(Command::Import { .. } | Command::Fetch { .. })
    );
    let path = cache_path(db.or_else(|| config.db.clone()), creating)?;
    let result = match command {
        Some(Command::Recover { to }) => recover(&path, to),
        command => match open_store(&path, command.as_ref()) {
            Ok(store) => commands(store, open, command, config),
            Err(e) => Err(e),
        },
    };
    // A query that met a damaged page says which file is damaged.
    result.map_err(|e| match e.downcast::<StoreError>() {
        Ok(e) => e.at(&path).into(),
        Err(e) => e,
    })
}

/// Only `import` and `fetch` create a cache; `reindex` needs one it can write; the
/// rest read, and work on a cache this process cannot write.
fn open_store(path: &Path, command: Option<&Command>) -> Result<Store> {
    let store = match command {
        Some(Command::Import { .. } | Command::Fetch { .. }) => Store::create_or_open(path)?,
        Some(Command::Reindex) => {
            let store = Store::open_existing(path)?;
            store.check_sound()?;
            store
        }
        None => open_for_reading(path).map_err(|e| match e {
            StoreError::NoCache { path } => anyhow!(
                "no cache at {}; import bulletins first (`zhoubao import PATH...`), or try `zhoubao --demo`",
                path.display()
            ),
            e => e.into(),
        })?,
        Some(_) => open_for_reading(path)?,
    };
    Ok(store)
}

/// Opens for writing read marks when the cache can be written, else
/// read-only (a file or folder without write access).
fn open_for_reading(path: &Path) -> Result<Store, StoreError> {
    match Store::open_existing(path) {
        Err(e) if e.is_read_only() => Store::open_read_only(path),
        other => other,
    }
}

fn commands(
    mut store: Store,
    open: Option<IssueKey>,
    command: Option<Command>,
    config: zhoubao::config::Config,
) -> Result<ExitCode> {
    let lang = Lang::from_env(config.language);
    let Some(command) = command else {
        let ui = zhoubao::tui::Ui {
            lang,
            theme: config.theme,
            keys: config.keys,
        };
        let options = zhoubao::tui::Options {
            ui,
            browser: config.browser,
        };
        // The browser draws through stdout itself: no lock held here.
        zhoubao::tui::run(store, open, options)?;
        return Ok(ExitCode::SUCCESS);
    };
    let mut out = std::io::stdout().lock();
    match command {
        Command::Import {
            paths,
            quiet,
            verbose,
        } => {
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
            if !summary.failed.is_empty() || summary.stopped.is_some() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Fetch {
            urls,
            follow,
            refresh,
            delay,
            user_agent,
            quiet,
            verbose,
        } => {
            // A flag beats the config's [fetch], which beats the defaults.
            let options = fetch::FetchOptions {
                delay: delay.map_or(config.fetch.delay, fetch::FetchOptions::polite_delay),
                user_agent: user_agent.unwrap_or(config.fetch.user_agent),
                ..fetch::FetchOptions::default()
            };
            let walk = fetch::Walk { follow, refresh };
            let mut client = fetch::Client::new(options);
            let summary = fetch::run_with_progress(
                &mut store,
                &mut client,
                &urls,
                walk,
                !quiet,
                lang,
                |url, result| {
                    if verbose {
                        let _ = writeln!(out, "{}", fetch::verbose_line(url, result));
                        let _ = out.flush();
                    }
                },
            );
            eprintln!("{}", summary.render(lang));
            if !summary.failed.is_empty() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Reindex => {
            let counts =
                store.reindex(|raw| import::parse_caught(raw).ok().and_then(Result::ok))?;
            eprintln!(
                "re-derived {} issues' data from {} stored files",
                counts.bulletins, counts.sources
            );
        }
        // run() hands recover its own paths; here there is no cache file.
        Command::Recover { .. } => bail!("recover needs a cache file, not --demo"),
        Command::List { json } => {
            let list = store.summaries()?;
            let text = if json {
                output::list_json(&list)
            } else {
                output::list_text(&list)
            };
            out.write_all(text.as_bytes())?;
        }
        Command::Show { key, json } => {
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
        Command::Export { format } => {
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
        // Printed before any cache is opened.
        Command::Config => {}
        Command::Search { query, json } => {
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

/// `zhoubao recover`: a new cache beside the damaged one, never over a file.
fn recover(cache: &Path, to: Option<PathBuf>) -> Result<ExitCode> {
    let to = to.unwrap_or_else(|| zhoubao::store::default_recovery_path(cache));
    let report = Store::recover(cache, &to, |raw| zhoubao::parse::parse(raw).ok())?;
    eprint!("{}", sanitize_lines(&report.to_string()));
    let shown = |p: &Path| zhoubao::sanitize::line(&p.display().to_string());
    let journals: Vec<String> = ["-wal", "-shm"]
        .iter()
        .map(|s| {
            let mut p = cache.as_os_str().to_owned();
            p.push(s);
            PathBuf::from(p)
        })
        .filter(|p| p.exists())
        .map(|p| shown(&p))
        .collect();
    eprintln!(
        "the damaged cache was not changed; to use the new one, with no zhoubao running:\n  mv {} {}.damaged && mv {} {}",
        shown(cache),
        shown(cache),
        shown(&to),
        shown(cache)
    );
    if !journals.is_empty() {
        eprintln!(
            "  and move {} away with the damaged cache: they belong to it",
            journals.join(" and ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn sanitize_lines(text: &str) -> String {
    text.lines()
        .map(|l| zhoubao::sanitize::line(l) + "\n")
        .collect()
}

/// `--db`, then `ZHOUBAO_DB` (both via clap), then the config's `db`, then
/// the platform data dir, which is created only for a command that creates
/// the cache.
fn cache_path(explicit: Option<PathBuf>, creating: bool) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p);
    }
    let dirs = directories::ProjectDirs::from("", "", "zhoubao")
        .context("cannot find a home directory for the cache; pass --db PATH")?;
    let dir = dirs.data_dir();
    if creating {
        std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    }
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
