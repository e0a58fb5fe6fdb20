//! What `F` fetches with: the [`PageFetcher`] trait (so tests reach a
//! loopback server) and the real one, which fetches pages as `zhoubao
//! fetch` does, and pictures as `zhoubao images --fetch` does, storing
//! through a connection of its own. The fetch under way is
//! state/fetching.rs's; the image view's download is state/images.rs's.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, TryLockError};
use std::time::Duration;

use crate::fetch::{self, Cancel, Client, FetchError, FetchOptions, PageResult, Step};
use crate::i18n::Localized;
use crate::images::{self, ImageEvent, ImageFetch, ImagesSummary};
use crate::model::IssueKey;
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
    /// Downloading the `done`-th picture of the `planned` ones.
    Image {
        done: usize,
        planned: usize,
    },
}

/// Fetches one page into the cache the TUI reads, on whatever thread
/// calls it; the TUI test gives one that reaches its loopback server.
pub trait PageFetcher: Send + Sync {
    fn fetch(&self, url: &str, cancel: &Cancel, progress: &mut dyn FnMut(Progress)) -> PageResult;

    /// Downloads the pictures of `keys` that the cache lacks (with
    /// `options.retry_failed`, and those that failed before). This default
    /// has nothing to download with and asks for nothing.
    fn fetch_images(
        &self,
        keys: &[IssueKey],
        options: ImageFetch,
        cancel: &Cancel,
        progress: &mut dyn FnMut(Progress),
    ) -> ImagesSummary {
        let _ = (keys, options, cancel, progress);
        ImagesSummary::default()
    }
}

/// The real fetcher: HTTP as `zhoubao fetch` does it, stored through a
/// connection of its own to the cache file. One client for the session,
/// pages and pictures alike, so requests to one host stay spaced however
/// fast `F` is pressed.
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

    /// The session's client, once a cancelled fetch still using it lets
    /// go (said as [`Progress::WaitingForPrevious`]).
    fn client(&self, progress: &mut dyn FnMut(Progress)) -> MutexGuard<'_, Client> {
        // A panic on another fetch thread leaves the client usable.
        match self.client.try_lock() {
            Ok(client) => client,
            Err(TryLockError::Poisoned(p)) => p.into_inner(),
            Err(TryLockError::WouldBlock) => {
                progress(Progress::WaitingForPrevious);
                self.client.lock().unwrap_or_else(|p| p.into_inner())
            }
        }
    }
}

/// A fetch's step as the TUI's progress.
fn step(step: Step<'_>) -> Progress {
    match step {
        Step::Waiting { wait, .. } => Progress::Waiting(wait),
        Step::Requesting { .. } => Progress::Requesting,
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
        let mut client = self.client(progress);
        if cancel.is_cancelled() {
            return PageResult::Failed(FetchError::Cancelled);
        }
        let (result, _) = fetch::fetch_page(&mut client, &mut store, url, cancel, &mut |s| {
            progress(step(s))
        });
        result
    }

    fn fetch_images(
        &self,
        keys: &[IssueKey],
        options: ImageFetch,
        cancel: &Cancel,
        progress: &mut dyn FnMut(Progress),
    ) -> ImagesSummary {
        let mut store = match Store::open_existing(&self.path) {
            Ok(store) => store,
            Err(e) => {
                return ImagesSummary {
                    stopped: Some(e.message()),
                    ..ImagesSummary::default()
                }
            }
        };
        let mut client = self.client(progress);
        if cancel.is_cancelled() {
            return ImagesSummary {
                cancelled: true,
                ..ImagesSummary::default()
            };
        }
        images::fetch_missing(
            &mut store,
            &mut client,
            keys,
            options,
            cancel,
            &mut |event| match event {
                ImageEvent::Image { done, planned, .. } => {
                    progress(Progress::Image { done, planned });
                }
                ImageEvent::Step(s) => progress(step(s)),
                ImageEvent::Finished { .. } => {}
            },
        )
    }
}
