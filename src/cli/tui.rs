//! `zhoubao` without a command: the TUI on the cache, with the config's
//! key map, theme, browser, fetch settings and feeds.

use std::process::ExitCode;

use anyhow::Result;

use crate::config::Config;
use crate::fetch;
use crate::i18n::Lang;
use crate::model::IssueKey;
use crate::store::Store;

pub fn run(store: Store, open: Option<IssueKey>, config: Config, lang: Lang) -> Result<ExitCode> {
    let ui = crate::tui::ui::Ui {
        lang,
        theme: config.theme,
        keys: config.keys,
    };
    let options = crate::tui::ui::Options {
        ui,
        browser: config.browser,
        images: config.fetch.images,
        fetch: fetch::FetchOptions {
            delay: config.fetch.delay,
            user_agent: config.fetch.user_agent,
            ..fetch::FetchOptions::default()
        },
        feeds: crate::tui::state::updating::FeedSettings {
            feeds: config.feeds,
            on_new: config.on_new,
            update_on_start: config.update_on_start,
        },
        max_gap_weeks: Some(config.max_gap_weeks),
    };
    // The browser draws through stdout itself: no lock held here.
    crate::tui::run(store, open, options)?;
    Ok(ExitCode::SUCCESS)
}
