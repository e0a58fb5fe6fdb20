//! What `F` keeps between key presses, apart from the App: the fetcher
//! (behind a trait, so tests reach a loopback server), the fetch under
//! way and the news its thread sends. fetch.rs is the App's side of it.

use std::path::PathBuf;
use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex, TryLockError};
use std::time::Duration;

use super::target::Target;
use crate::fetch::{self, Cancel, Client, FetchError, FetchOptions, PageResult, Step};
use crate::i18n::{Fetch, Localized};
use crate::store::Store;

/// What a fetch thread says as it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Progress {
    /// Waiting this long before asking the host again (politeness).
    Waiting(Duration),
    /// A cancelled fetch still holds the connection (a request cannot be
    /// cut short): this one starts when it ends.
    WaitingForPrevious,
    Requesting,
}

/// Fetches one page into the cache the TUI reads, on whatever thread
/// calls it; the TUI test gives one that reaches its loopback server.
pub trait PageFetcher: Send + Sync {
    fn fetch(&self, url: &str, cancel: &Cancel, progress: &mut dyn FnMut(Progress)) -> PageResult;
}

/// The real fetcher: HTTP as `zhoubao fetch` does it, stored through a
/// connection of its own to the cache file. One client for the session, so
/// requests to one host stay spaced however fast `F` is pressed.
pub struct CacheFetcher {
    path: PathBuf,
    client: Mutex<Client>,
}

impl CacheFetcher {
    pub fn new(path: PathBuf, options: FetchOptions) -> CacheFetcher {
        CacheFetcher {
            path,
            client: Mutex::new(Client::new(options)),
        }
    }
}

impl PageFetcher for CacheFetcher {
    fn fetch(&self, url: &str, cancel: &Cancel, progress: &mut dyn FnMut(Progress)) -> PageResult {
        let mut store = match Store::open_existing(&self.path) {
            Ok(store) => store,
            Err(e) => {
                return PageResult::Failed(FetchError::Store {
                    why: Box::new(e.message()),
                })
            }
        };
        // A panic on another fetch thread leaves the client usable.
        let mut client = match self.client.try_lock() {
            Ok(client) => client,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => {
                progress(Progress::WaitingForPrevious);
                self.client.lock().unwrap_or_else(|p| p.into_inner())
            }
        };
        if cancel.is_cancelled() {
            return PageResult::Failed(FetchError::Cancelled);
        }
        let (result, _) =
            fetch::fetch_page(
                &mut client,
                &mut store,
                url,
                cancel,
                &mut |step| match step {
                    Step::Waiting { wait, .. } => progress(Progress::Waiting(wait)),
                    Step::Requesting { .. } => progress(Progress::Requesting),
                },
            );
        result
    }
}

pub(super) enum News {
    Progress(Progress),
    Done(PageResult),
}

/// A fetch under way.
pub(super) struct Job {
    /// How messages name it: the issue key, else the line's title.
    pub(super) what: String,
    /// Where the reader was when pressing `F`, and whether it was a link.
    pub(super) from: Option<Target>,
    pub(super) link: bool,
    pub(super) news: Receiver<News>,
    pub(super) cancel: Cancel,
    /// What the status line says while it runs.
    pub(super) showing: Fetch,
}

/// `F`'s state in the app: the fetcher (None in the demo) and the fetch
/// under way.
pub struct FetchSlot {
    pub(super) fetcher: Option<Arc<dyn PageFetcher>>,
    pub(super) job: Option<Job>,
}

impl FetchSlot {
    pub fn new(fetcher: Option<Arc<dyn PageFetcher>>) -> FetchSlot {
        FetchSlot { fetcher, job: None }
    }
}
