//! What `F` fetches with: the [`PageFetcher`] trait (so tests reach a
//! loopback server) and the real one, which fetches as `zhoubao fetch`
//! does and stores through a connection of its own. The fetch under way is
//! state/fetching.rs's.

use std::path::PathBuf;
use std::sync::{Mutex, TryLockError};
use std::time::Duration;

use crate::fetch::{self, Cancel, Client, FetchError, FetchOptions, PageResult, Step};
use crate::i18n::Localized;
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
