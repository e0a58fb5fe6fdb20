//! The `zhoubao` binary: parses the command line, finds the config and the
//! cache, and dispatches to the subcommand's module in `zhoubao::cli`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use zhoubao::cli::args::{Cli, Command};
use zhoubao::cli::localize::localize;
use zhoubao::cli::{self, said};
use zhoubao::config::Config;
use zhoubao::i18n::{Cmd, Lang, Refused};
use zhoubao::model::IssueKey;
use zhoubao::store::{Store, StoreError};

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_printed(&e),
    };
    // Until the config is read the environment alone picks the language;
    // then the config's `language` comes first. The one place it is chosen.
    let mut lang = Lang::from_env(None);
    let result = match cli::config::load(&cli, lang) {
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
    let line = zhoubao::sanitize::line(&localize(e.as_ref(), lang));
    // Not eprintln!, which panics when stderr cannot be written either.
    let _ = writeln!(std::io::stderr(), "zhoubao: {line}");
    ExitCode::FAILURE
}

/// clap's help, version or usage error, printed as clap prints it; help
/// or version that cannot be written (a full disk) fails like any other
/// output (clap's own exit ignores the error and says 0).
fn clap_printed(e: &clap::Error) -> ExitCode {
    let lang = Lang::from_env(None);
    let printed = match cli::usage::reworded(e, lang).filter(|_| lang == Lang::Zh) {
        Some(text) => std::io::stderr().write_all(text.as_bytes()),
        None => e.print().and_then(|()| std::io::stdout().flush()),
    };
    match printed {
        Err(err) => failed(&err.into(), lang),
        Ok(()) => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
    }
}

/// Opens the cache (or the demo) the command needs and runs it.
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
            Some(Command::Update { .. }) => Some(Refused::Update),
            Some(Command::Note { text, .. }) if !text.is_empty() => Some(Refused::Note),
            _ => None,
        };
        if let Some(what) = refused {
            return Err(said(Cmd::DemoRefused(what), lang));
        }
        return dispatch(cli::cache::open_demo(lang)?, open, command, config, lang);
    }
    if let Some(Command::Import { paths, .. }) = &command {
        cli::import::check_paths(paths, lang)?;
    }
    if let Some(Command::Fetch {
        delay, user_agent, ..
    }) = &command
    {
        zhoubao::fetch::check_flags(*delay, user_agent.as_deref()).map_err(|m| said(m, lang))?;
    }
    if let Some(Command::Update { urls, .. }) = &command {
        cli::update::check_feeds(urls, &config, lang)?;
    }
    let creating = matches!(
        command,
        Some(Command::Import { .. } | Command::Fetch { .. } | Command::Update { .. })
    );
    let explicit = db.or_else(|| config.db.clone());
    let default_path = explicit.is_none();
    let path = cli::cache::cache_path(explicit, creating, lang)?;
    let result = match command {
        Some(Command::Recover { to }) => cli::recover::recover(&path, to, lang),
        // Feeds are listed before any update has made a cache.
        Some(Command::Feeds { json }) if !path.exists() => {
            cli::feeds::run(None, &config, json, lang)
        }
        command => match cli::cache::open_store(&path, default_path, command.as_ref(), lang) {
            Ok(store) => dispatch(store, open, command, config, lang),
            Err(e) => Err(e),
        },
    };
    // A query that met a damaged page says which file is damaged.
    result.map_err(|e| match e.downcast::<StoreError>() {
        Ok(e) => e.at(&path).into(),
        Err(e) => e,
    })
}

/// The subcommand on its cache: no command is the TUI.
fn dispatch(
    mut store: Store,
    open: Option<IssueKey>,
    command: Option<Command>,
    config: Config,
    lang: Lang,
) -> Result<ExitCode> {
    let Some(command) = command else {
        return cli::tui::run(store, open, config, lang);
    };
    match command {
        Command::Import {
            paths,
            quiet,
            verbose,
        } => cli::import::run(&mut store, &paths, quiet, verbose, lang),
        Command::Fetch {
            urls,
            follow,
            refresh,
            delay,
            user_agent,
            quiet,
            verbose,
        } => {
            let flags = cli::fetch::Flags {
                urls,
                follow,
                refresh,
                delay,
                user_agent,
                quiet,
                verbose,
            };
            cli::fetch::run(&mut store, flags, config, lang)
        }
        Command::Reindex => cli::reindex::run(&mut store, lang),
        Command::Update {
            urls,
            no_pages,
            follow,
            delay,
            user_agent,
            quiet,
            verbose,
        } => {
            let flags = cli::update::Flags {
                urls,
                no_pages,
                follow,
                delay,
                user_agent,
                quiet,
                verbose,
            };
            cli::update::run(&mut store, flags, &config, lang)
        }
        Command::Feeds { json } => cli::feeds::run(Some(&store), &config, json, lang),
        // run() hands recover its own paths; here there is no cache file.
        Command::Recover { .. } => Err(said(Cmd::DemoRefused(Refused::Recover), lang)),
        Command::List { select, json } => cli::list::run(&store, &select, json, lang),
        Command::Show { key, json } => cli::show::run(&store, key, json, &config, lang),
        Command::Brief {
            key,
            series,
            format,
        } => cli::brief::run(&store, key, series, format, config.max_gap_weeks, lang),
        Command::Note { key, text } => {
            cli::note::run(&store, key, cli::note::Wanted::of(&text), lang)
        }
        Command::Images {
            key,
            fetch,
            save,
            quiet,
            json,
        } => {
            let flags = cli::images::Flags {
                key,
                fetch,
                save,
                quiet,
                json,
            };
            cli::images::run(&mut store, flags, config, lang)
        }
        Command::Export {
            notes: true,
            output,
            ..
        } => cli::export::run_notes(&store, output, lang),
        Command::Export {
            format,
            select,
            output,
            bom,
            notes: false,
        } => cli::export::run(&store, format, &select, output, bom, lang),
        Command::Search {
            query,
            series,
            json,
        } => cli::search::run(&store, &query, series, json, config.no_color, lang),
        // Printed before any cache was opened.
        Command::Completions { .. } | Command::Man { .. } | Command::Config => {
            Ok(ExitCode::SUCCESS)
        }
    }
}
