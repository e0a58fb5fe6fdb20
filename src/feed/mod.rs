//! Feeds: subscribing to the services that turn the account into RSS,
//! Atom or JSON Feed, and `zhoubao update`, which stores what they bring
//! through the same parser and cache path as an imported page.
//!
//! - read.rs: a feed's bytes → items (feed-rs does the parsing);
//! - page.rs: an item → the page the cache stores and the parser reads;
//! - update.rs: the update itself, feed by feed, then the pages of
//!   title-only items through fetch's walk;
//! - behind.rs: how far the newest issue with text is behind the newest
//!   known (pure);
//! - notify.rs: the config's `on_new` program;
//! - report.rs: what the command line prints.
//!
//! The TUI runs an update on a thread of its own with [`spawn`] and reads
//! its [`News`] from a channel, one flow per tick.

mod behind;
mod error;
mod notify;
mod page;
mod read;
mod report;
mod update;

use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver};

pub use behind::Behind;
pub use error::FeedError;
pub use notify::{notify, NotifyProblem, NOTIFY_WAIT};
pub use page::item_page;
pub use read::{entries, Entry};
pub use report::{feeds_json, feeds_text, keys_text, update_with_progress, verbose_lines};
pub use update::{
    update, Event, FeedOutcome, FeedReport, Subscription, UpdateOptions, UpdateReport,
};

use crate::fetch::{Cancel, Client, FetchOptions};
use crate::i18n::{FeedMsg, Localized, Msg};
use crate::store::Store;

/// What an update on its own thread says, in order: events, then once
/// either the report or why it could not start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum News {
    Event(Event),
    Done(Box<UpdateReport>),
    /// The cache could not be opened for writing: nothing was asked.
    Failed(Msg),
}

/// An update running on its own thread.
pub struct Running {
    /// Every event, then one [`News::Done`] or [`News::Failed`]; the
    /// sender is dropped when the thread ends (a panic included).
    pub news: Receiver<News>,
    /// Stops it at its next step: nothing more is asked or stored.
    pub cancel: Cancel,
}

/// Starts updating `feeds` into the cache at `cache` on a thread that
/// opens its own connection (as the TUI's `F` does), so the caller's
/// reads go on meanwhile.
pub fn spawn(
    cache: PathBuf,
    feeds: Vec<Subscription>,
    options: UpdateOptions,
    fetch: FetchOptions,
) -> std::io::Result<Running> {
    let (tx, news) = mpsc::channel();
    let cancel = Cancel::new();
    let thread_cancel = cancel.clone();
    std::thread::Builder::new()
        .name("zhoubao-update".into())
        .spawn(move || {
            let mut store = match Store::open_existing(&cache) {
                Ok(store) => store,
                Err(e) => {
                    let _ = tx.send(News::Failed(e.message()));
                    return;
                }
            };
            let mut client = Client::new(fetch);
            // A bug here is this update's failure, said by the caller (the
            // TUI's status line): each feed was stored whole or not at all.
            let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                update(
                    &mut store,
                    &mut client,
                    &feeds,
                    options,
                    &thread_cancel,
                    &mut |event| {
                        let _ = tx.send(News::Event(event.clone()));
                    },
                )
            }));
            let _ = tx.send(match report {
                Ok(report) => News::Done(Box::new(report)),
                Err(payload) => News::Failed(
                    FeedMsg::UpdateCrashed {
                        detail: crate::import::panic_message(payload.as_ref()),
                    }
                    .into(),
                ),
            });
        })?;
    Ok(Running { news, cancel })
}
