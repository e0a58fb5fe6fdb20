//! `zhoubao feeds`: the configured feeds and what the cache knows of each
//! (nothing yet when there is no cache).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::config::Config;
use crate::feed;
use crate::i18n::{FeedMsg, Lang};
use crate::store::Store;

pub fn run(store: Option<&Store>, config: &Config, json: bool, lang: Lang) -> Result<ExitCode> {
    // No feed is an answer, not an error: said on stderr, stdout empty.
    if config.feeds.is_empty() && !json {
        eprintln!("zhoubao: {}", FeedMsg::NoneConfigured.text(lang));
        return Ok(ExitCode::SUCCESS);
    }
    let mut rows = Vec::with_capacity(config.feeds.len());
    for f in &config.feeds {
        let state = match store {
            Some(store) => store.feed_state(&f.url)?,
            None => None,
        };
        rows.push((f.clone(), state));
    }
    let text = if json {
        feed::feeds_json(&rows)
    } else {
        feed::feeds_text(&rows, lang)
    };
    std::io::stdout().lock().write_all(text.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
