//! The `zhoubao` binary: parses the command line and runs the chosen command.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{anyhow, Context, Result};
use clap::{CommandFactory, Parser};

use zhoubao::cli::{Cli, Command, ExportFormat, Shell};
use zhoubao::config::Config;
use zhoubao::fetch;
use zhoubao::i18n::{Cache, Cmd, Lang, Msg, Refused};
use zhoubao::import::{self, FileResult};
use zhoubao::model::IssueKey;
use zhoubao::output::{self, Mark, SearchHit};
use zhoubao::parse::ParseError;
use zhoubao::store::{Store, StoreError};
use zhoubao::trend::{IssueComparisons, WeekSeries};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_printed(&e),
    };
    // Until the config is read the environment alone picks the language;
    // then the config's `language` comes first. The one place it is chosen.
    let mut lang = Lang::from_env(None);
    let result = match load_config(&cli, lang) {
        Ok(None) => Ok(ExitCode::SUCCESS),
        Ok(Some(config)) => {
            lang = Lang::from_env(config.language);
            run(cli, config, lang)
        }
        Err(e) => Err(e),
    };
    // What stdout still buffers must reach the file too, or fail here.
    let result = result.and_then(|code| Ok(std::io::stdout().flush().map(|()| code)?));
    match result {
        Ok(code) => code,
        Err(e) => failed(&e, lang),
    }
}

/// The error on stderr, exit status 1; `zhoubao export | head` closing
/// the pipe early is not an error.
fn failed(e: &anyhow::Error, lang: Lang) -> ExitCode {
    if e.downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    {
        return ExitCode::SUCCESS;
    }
    let line = zhoubao::sanitize::line(&error_text(e, lang));
    // Not eprintln!, which panics when stderr cannot be written either.
    let _ = writeln!(std::io::stderr(), "zhoubao: {line}");
    ExitCode::FAILURE
}

/// clap's help, version or usage error, printed as clap prints it; help
/// or version that cannot be written (a full disk) fails like any other
/// output (clap's own exit ignores the error and says 0).
fn clap_printed(e: &clap::Error) -> ExitCode {
    let printed = e.print().and_then(|()| std::io::stdout().flush());
    match printed {
        Err(err) => failed(&err.into(), Lang::from_env(None)),
        Ok(()) => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
    }
}

/// The config file, or None when the command needs none and is done:
/// `config`, `completions` and `man` print what they print whatever the
/// config says (it may be broken: `zhoubao config` is how to start over).
fn load_config(cli: &Cli, lang: Lang) -> Result<Option<Config>> {
    match &cli.command {
        Some(Command::Config) => {
            std::io::stdout()
                .lock()
                .write_all(zhoubao::config::default_file().as_bytes())?;
            return Ok(None);
        }
        Some(Command::Completions { shell }) => {
            completions(*shell)?;
            return Ok(None);
        }
        Some(Command::Man { dir }) => {
            man(dir.as_deref())?;
            return Ok(None);
        }
        _ => {}
    }
    let config = Config::load(
        cli.config.as_deref(),
        zhoubao::config::no_color_from_env(),
        lang,
    )?;
    Ok(Some(config))
}

/// The error and its causes as `{:#}` joins them, the cache's, the
/// parser's and the system's in the user's language (their `Display` is
/// English).
fn error_text(e: &anyhow::Error, lang: Lang) -> String {
    e.chain()
        .map(|cause| {
            if let Some(e) = cause.downcast_ref::<StoreError>() {
                e.message().text(lang).into_owned()
            } else if let Some(e) = cause.downcast_ref::<ParseError>() {
                e.message().text(lang).into_owned()
            } else if let Some(e) = cause.downcast_ref::<std::io::Error>() {
                Msg::from(zhoubao::i18n::Os::of(e)).text(lang).into_owned()
            } else {
                cause.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::Zh => "：",
            Lang::En => ": ",
        })
}

/// A message as an error, already in the user's language.
fn said(msg: impl Into<Msg>, lang: Lang) -> anyhow::Error {
    anyhow!(msg.into().text(lang).into_owned())
}

fn shown(p: &Path) -> String {
    zhoubao::sanitize::line(&p.display().to_string())
}

fn run(cli: Cli, config: Config, lang: Lang) -> Result<ExitCode> {
    let Cli {
        db,
        config: _,
        demo,
        open,
        command,
    } = cli;
    if command.is_none() {
        // Before anything is drawn or opened: `zhoubao > file` gets one line.
        zhoubao::tui::require_terminal(lang)?;
    }
    if demo {
        let refused = match &command {
            Some(Command::Import { .. }) => Some(Refused::Import),
            Some(Command::Fetch { .. }) => Some(Refused::Fetch),
            Some(Command::Reindex) => Some(Refused::Reindex),
            Some(Command::Recover { .. }) => Some(Refused::Recover),
            _ => None,
        };
        if let Some(what) = refused {
            return Err(said(Cmd::DemoRefused(what), lang));
        }
        return commands(open_demo(lang)?, open, command, config, lang);
    }
    if let Some(Command::Import { paths, .. }) = &command {
        // Nothing to import: say so before a cache is made for nothing.
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
    }
    if let Some(Command::Fetch {
        delay, user_agent, ..
    }) = &command
    {
        fetch::check_flags(*delay, user_agent.as_deref()).map_err(|m| said(m, lang))?;
    }
    let creating = matches!(
        command,
        Some(Command::Import { .. } | Command::Fetch { .. })
    );
    let explicit = db.or_else(|| config.db.clone());
    let default_path = explicit.is_none();
    let path = cache_path(explicit, creating, lang)?;
    let result = match command {
        Some(Command::Recover { to }) => recover(&path, to, lang),
        command => match open_store(&path, default_path, command.as_ref(), lang) {
            Ok(store) => commands(store, open, command, config, lang),
            Err(e) => Err(e),
        },
    };
    // A query that met a damaged page says which file is damaged.
    result.map_err(|e| match e.downcast::<StoreError>() {
        Ok(e) => e.at(&path).into(),
        Err(e) => e,
    })
}

/// Only `import` and `fetch` create a cache; `reindex` needs one it can
/// write; the rest read, and work on a cache this process cannot write.
/// `default_path`: the cache is the platform's, whose folder `import`
/// creates, so a missing folder there is only a first run.
fn open_store(
    path: &Path,
    default_path: bool,
    command: Option<&Command>,
    lang: Lang,
) -> Result<Store> {
    let store = match command {
        Some(Command::Import { .. } | Command::Fetch { .. }) => Store::create_or_open(path)?,
        Some(Command::Reindex) => {
            let store = Store::open_existing(path)?;
            store.check_sound()?;
            store
        }
        _ => open_for_reading(path).map_err(|e| match e {
            StoreError::NoCache { path } => said(Cmd::NoCacheYet { path: shown(&path) }, lang),
            StoreError::NoFolder { path, .. } if default_path => {
                said(Cmd::NoCacheYet { path: shown(&path) }, lang)
            }
            e => e.into(),
        })?,
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
    config: Config,
    lang: Lang,
) -> Result<ExitCode> {
    let Some(command) = command else {
        let ui = zhoubao::tui::Ui {
            lang,
            theme: config.theme,
            keys: config.keys,
        };
        let options = zhoubao::tui::Options {
            ui,
            browser: config.browser,
            fetch: fetch::FetchOptions {
                delay: config.fetch.delay,
                user_agent: config.fetch.user_agent,
                ..fetch::FetchOptions::default()
            },
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
                        let _ = writeln!(out, "{}", fetch::verbose_line(url, result, lang));
                        let _ = out.flush();
                    }
                },
            );
            eprintln!("{}", summary.render(lang));
            if summary.failed_any() {
                return Ok(ExitCode::FAILURE);
            }
        }
        Command::Reindex => {
            let counts =
                store.reindex(|raw| import::parse_caught(raw).ok().and_then(Result::ok))?;
            let reindexed = Cache::Reindexed {
                issues: store.issue_count()?,
                files: counts.sources,
                parsed: counts.bulletins,
            };
            eprintln!("{}", reindexed.text(lang));
        }
        // run() hands recover its own paths; here there is no cache file.
        Command::Recover { .. } => return Err(said(Cmd::DemoRefused(Refused::Recover), lang)),
        Command::List { select, json } => {
            let rows = select.apply(store.rows()?);
            let text = if json {
                output::list_json(&rows)
            } else {
                output::list_text(&rows, lang)
            };
            out.write_all(text.as_bytes())?;
        }
        Command::Show { key, json } => {
            let Some(detail) = store.detail(key)? else {
                return Err(said(
                    Cmd::NotInCache {
                        key: key.to_string(),
                    },
                    lang,
                ));
            };
            // One summaries query gives every earlier week to compare with.
            let weeks = WeekSeries::build(&store.summaries()?);
            let comparisons = IssueComparisons::compute(&weeks, key, &detail.summary.figures);
            let text = if json {
                output::show_json(&detail, &comparisons)
            } else {
                output::show_text(&detail, &comparisons, lang)
            };
            out.write_all(text.as_bytes())?;
        }
        Command::Export {
            format,
            select,
            output: file,
            bom,
        } => {
            if bom && format != ExportFormat::Csv {
                Cli::command()
                    .error(
                        clap::error::ErrorKind::ArgumentConflict,
                        "--bom is for CSV only (JSON has no byte order mark)",
                    )
                    .exit();
            }
            let rows = select.apply(store.rows()?);
            let text = match format {
                // Excel on a Chinese Windows reads UTF-8 only after a BOM.
                ExportFormat::Csv if bom => format!("\u{FEFF}{}", output::export_csv(&rows)),
                ExportFormat::Csv => output::export_csv(&rows),
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
                None => out.write_all(text.as_bytes())?,
            }
        }
        Command::Search { query, json } => {
            // Every issue contains nothing: an empty query would list all.
            if query.trim().is_empty() {
                return Err(said(Cmd::EmptyQuery, lang));
            }
            let texts = store.search_texts(&query)?;
            let mut summaries: HashMap<IssueKey, _> =
                store.summaries()?.into_iter().map(|s| (s.key, s)).collect();
            let hits: Vec<SearchHit> = texts
                .iter()
                .filter_map(|t| Some(SearchHit::new(summaries.remove(&t.key)?, t, &query)))
                .collect();
            let text = if json {
                output::search_json(&hits)
            } else {
                let mark = Mark::choose(std::io::stdout().is_terminal(), config.no_color);
                output::search_text(&hits, lang, mark)
            };
            out.write_all(text.as_bytes())?;
            if hits.is_empty() {
                // Like grep: nothing found is exit status 1.
                let query = zhoubao::sanitize::line(&query);
                eprintln!("zhoubao: {}", Cmd::NoHit { query }.text(lang));
                return Ok(ExitCode::FAILURE);
            }
        }
        // Printed before any cache was opened.
        Command::Completions { .. } | Command::Man { .. } | Command::Config => {}
    }
    Ok(ExitCode::SUCCESS)
}

fn completions(shell: Shell) -> Result<ExitCode> {
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "zhoubao", &mut out);
    std::io::stdout().lock().write_all(&out)?;
    Ok(ExitCode::SUCCESS)
}

fn man(dir: Option<&Path>) -> Result<ExitCode> {
    let keys = zhoubao::tui::KeyMap::default();
    match dir {
        Some(dir) => {
            zhoubao::manpage::write_pages(Cli::command(), &keys, dir)
                .with_context(|| format!("writing the man pages into {}", shown(dir)))?;
        }
        None => {
            let page = zhoubao::manpage::main_page(Cli::command(), &keys)?;
            std::io::stdout().lock().write_all(&page)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `zhoubao recover`: a new cache beside the damaged one, never over a file.
fn recover(cache: &Path, to: Option<PathBuf>, lang: Lang) -> Result<ExitCode> {
    // A sound cache needs no copy: say so rather than write one, unless
    // a copy was asked for by name (`--to`).
    if to.is_none() && Store::is_sound(cache) {
        eprintln!(
            "{}",
            Cache::RecoverHealthy {
                cache: shown(cache)
            }
            .text(lang)
        );
        return Ok(ExitCode::SUCCESS);
    }
    let to = to.unwrap_or_else(|| zhoubao::store::default_recovery_path(cache));
    let report = Store::recover(cache, &to, |raw| {
        import::parse_caught(raw).ok().and_then(Result::ok)
    })?;
    eprint!("{}", report.render(lang));
    // Like any command that could not do all it was asked: exit 1.
    let verdict = if report.lost_anything() {
        Cache::RecoverIncomplete
    } else {
        Cache::RecoverComplete
    };
    eprintln!("{}", verdict.text(lang));
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
    let next = Cache::RecoverNext {
        cache: shown(cache),
        to: shown(&to),
    };
    eprintln!("{}", next.text(lang));
    if !journals.is_empty() {
        let files = journals;
        eprintln!("{}", Cache::RecoverJournals { files }.text(lang));
    }
    Ok(if report.lost_anything() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// `--db`, then `ZHOUBAO_DB` (both via clap), then the config's `db`, then
/// the platform data dir, which is created only for a command that creates
/// the cache.
fn cache_path(explicit: Option<PathBuf>, creating: bool, lang: Lang) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p);
    }
    let dirs =
        directories::ProjectDirs::from("", "", "zhoubao").ok_or_else(|| said(Cmd::NoHome, lang))?;
    let dir = dirs.data_dir();
    if creating {
        std::fs::create_dir_all(dir)
            .with_context(|| Cmd::CreatingFolder { dir: shown(dir) }.text(lang))?;
    }
    Ok(dir.join("cache.db"))
}

/// An in-memory cache holding the demo corpus embedded in the binary.
fn open_demo(lang: Lang) -> Result<Store> {
    let mut store = Store::open_in_memory()?;
    for (name, bytes) in zhoubao::demo::files() {
        if let FileResult::Failed(why) = import::import_bytes(&mut store, name, bytes) {
            let name = name.to_string();
            return Err(said(
                Cmd::DemoFile {
                    name,
                    why: Box::new(why),
                },
                lang,
            ));
        }
    }
    Ok(store)
}
