//! `zhoubao update [URL...]`: the feeds given, else the config's, and the
//! new issues' pictures (`[fetch] images`); the report on stderr, how far
//! the cache is behind, what came of the pictures, then `on_new`.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::said;
use crate::config::Config;
use crate::feed;
use crate::fetch;
use crate::i18n::{FeedMsg, Lang};
use crate::model::SeriesId;
use crate::store::Store;

/// The command line's `update` flags.
pub struct Flags {
    pub urls: Vec<String>,
    pub no_pages: bool,
    pub follow: usize,
    pub delay: Option<f64>,
    pub user_agent: Option<String>,
    pub quiet: bool,
    pub verbose: bool,
}

/// No feed at all: say so before a cache is made for nothing.
pub fn check_feeds(urls: &[String], config: &Config, lang: Lang) -> Result<()> {
    if urls.is_empty() && config.feeds.is_empty() {
        return Err(said(FeedMsg::NoFeeds, lang));
    }
    Ok(())
}

pub fn run(store: &mut Store, flags: Flags, config: &Config, lang: Lang) -> Result<ExitCode> {
    // A flag beats the config's [fetch], which beats the defaults.
    let fetch = fetch::FetchOptions {
        delay: flags
            .delay
            .map_or(config.fetch.delay, fetch::FetchOptions::polite_delay),
        user_agent: flags
            .user_agent
            .unwrap_or_else(|| config.fetch.user_agent.clone()),
        ..fetch::FetchOptions::default()
    };
    let options = feed::UpdateOptions {
        pages: !flags.no_pages,
        follow: flags.follow,
        lang,
        images: config.fetch.images,
    };
    let feeds: Vec<feed::Subscription> = if flags.urls.is_empty() {
        config.feeds.clone()
    } else {
        flags
            .urls
            .into_iter()
            .map(feed::Subscription::new)
            .collect()
    };
    let mut client = fetch::Client::new(fetch);
    let mut out = std::io::stdout().lock();
    let verbose = flags.verbose;
    let report =
        feed::update_with_progress(store, &mut client, &feeds, options, !flags.quiet, |event| {
            if verbose {
                for line in feed::verbose_lines(event, lang) {
                    let _ = writeln!(out, "{line}");
                }
                let _ = out.flush();
            }
        });
    eprintln!("{}", report.render(lang));
    // Each series is behind on its own calendar.
    let mut behind_any = false;
    for series in SeriesId::all() {
        if let Some(behind) = feed::Behind::of(&store.summaries_of(series)?) {
            eprintln!("{}", behind.message().text(lang));
            behind_any = true;
        }
    }
    if behind_any {
        eprintln!("{}", FeedMsg::CatchUp.text(lang));
    }
    // The new issues' pictures, as `fetch` reports them: a failed one is
    // kept with its reason and does not make the update fail.
    if report.images.did_anything() {
        eprintln!("{}", report.images.render(lang));
    }
    let mut failed = report.failed_any();
    if let Some(program) = &config.on_new {
        if let Err(problem) = feed::notify(program, &report.new, false, feed::NOTIFY_WAIT) {
            eprintln!("zhoubao: {}", problem.message().text(lang));
            failed = true;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
