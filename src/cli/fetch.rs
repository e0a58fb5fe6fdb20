//! `zhoubao fetch URL...`: pages from the web into the cache, as import
//! stores files; `--follow` walks their 近期回顾 links.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::config::Config;
use crate::fetch;
use crate::i18n::Lang;
use crate::store::Store;

/// The flags of `zhoubao fetch`, as clap parsed them.
pub struct Flags {
    pub urls: Vec<String>,
    pub follow: usize,
    pub refresh: bool,
    pub delay: Option<f64>,
    pub user_agent: Option<String>,
    pub quiet: bool,
    pub verbose: bool,
}

pub fn run(store: &mut Store, flags: Flags, config: Config, lang: Lang) -> Result<ExitCode> {
    let Flags {
        urls,
        follow,
        refresh,
        delay,
        user_agent,
        quiet,
        verbose,
    } = flags;
    let mut out = std::io::stdout().lock();
    // A flag beats the config's [fetch], which beats the defaults.
    let options = fetch::FetchOptions {
        delay: delay.map_or(config.fetch.delay, fetch::FetchOptions::polite_delay),
        user_agent: user_agent.unwrap_or(config.fetch.user_agent),
        ..fetch::FetchOptions::default()
    };
    let walk = fetch::Walk { follow, refresh };
    let mut client = fetch::Client::new(options);
    let summary = fetch::run_with_progress(
        store,
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
    Ok(ExitCode::SUCCESS)
}
