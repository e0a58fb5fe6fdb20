//! `zhoubao fetch URL...`: pages from the web into the cache, as import
//! stores files; `--follow` walks their 近期回顾 links; then the pictures
//! of the issues stored (`[fetch] images`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::config::Config;
use crate::feed;
use crate::fetch;
use crate::i18n::{FeedMsg, Lang};
use crate::images::{self, ImageFetch};
use crate::model::IssueKey;
use crate::store::{ImportOutcome, Store};

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
    let with_images = config.fetch.images;
    // A flag beats the config's [fetch], which beats the defaults.
    let options = fetch::FetchOptions {
        delay: delay.map_or(config.fetch.delay, fetch::FetchOptions::polite_delay),
        user_agent: user_agent.unwrap_or(config.fetch.user_agent),
        ..fetch::FetchOptions::default()
    };
    let walk = fetch::Walk { follow, refresh };
    let mut client = fetch::Client::new(options);
    let mut stored: Vec<IssueKey> = Vec::new();
    let (mut new, mut updated): (Vec<IssueKey>, Vec<IssueKey>) = (Vec::new(), Vec::new());
    let summary = fetch::run_with_progress(
        store,
        &mut client,
        &urls,
        walk,
        !quiet,
        lang,
        |url, result| {
            if let fetch::PageResult::Stored { key, outcome } = result {
                stored.push(*key);
                match outcome {
                    ImportOutcome::New => new.push(*key),
                    ImportOutcome::Updated => updated.push(*key),
                    _ => {}
                }
            }
            if verbose {
                let _ = writeln!(out, "{}", fetch::verbose_line(url, result, lang));
                let _ = out.flush();
            }
        },
    );
    eprintln!("{}", summary.render(lang));
    // The issues by name, as `update` names them.
    if !new.is_empty() {
        let (count, keys) = (new.len(), feed::keys_text(&new));
        eprintln!("{}", FeedMsg::New { count, keys }.text(lang));
    }
    let mut updated_once: Vec<IssueKey> = Vec::new();
    for key in updated {
        if !new.contains(&key) && !updated_once.contains(&key) {
            updated_once.push(key);
        }
    }
    if !updated_once.is_empty() {
        let (count, keys) = (updated_once.len(), feed::keys_text(&updated_once));
        eprintln!("{}", FeedMsg::Updated { count, keys }.text(lang));
    }
    // The pictures of the issues stored, and of those named that the cache
    // held already (fetched before pictures were kept); failures are not
    // asked again here.
    if with_images {
        stored.extend(&summary.already_cached);
        let pictures = images::fetch_missing_with_progress(
            store,
            &mut client,
            &stored,
            ImageFetch::default(),
            !quiet,
            lang,
        );
        if pictures.did_anything() {
            eprintln!("{}", pictures.render(lang));
        }
    }
    if summary.failed_any() {
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}
