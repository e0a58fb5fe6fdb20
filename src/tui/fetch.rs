//! `F`: fetch the shown issue, or the selected 近期回顾 line's issue, when
//! the cache does not hold it in full. The fetch runs on a thread behind
//! the [`PageFetcher`] trait and writes to the cache through its own
//! connection; the thread's news arrives on a channel that the event loop
//! drains as `Action::PollFetch`, one flow per tick, so the UI never waits.
//! When the page is stored the app reloads (the library's generation
//! changed) and shows the issue; Esc cancels.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, TryRecvError};
use std::sync::Arc;
use std::time::Duration;

use super::action::Focus;
use super::app::{App, Target};
use super::detail::Item;
pub use super::fetch_state::{CacheFetcher, PageFetcher, Progress};
use super::fetch_state::{Job, News};
use crate::fetch::{self, Cancel, FetchError, PageResult};
use crate::i18n::{Fetch, Msg};
use crate::model::IssueKey;

/// How often the event loop looks for news while a fetch runs.
pub const POLL_EVERY: Duration = Duration::from_millis(100);

/// Test hook, like ZHOUBAO_TEST_PANIC=1 for the UI thread: with
/// ZHOUBAO_TEST_PANIC=fetch the fetch thread panics before asking, so an
/// end-to-end test sees what a bug in a worker does to the screen.
fn test_panic_in_fetch() -> bool {
    std::env::var_os("ZHOUBAO_TEST_PANIC").is_some_and(|v| v == "fetch")
}

/// A panic's message, one line, at most 160 characters.
fn panic_text(payload: &(dyn Any + Send)) -> String {
    let message = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    crate::sanitize::line(&message).chars().take(160).collect()
}

/// Which page `F` asks for, or why there is none.
struct Request {
    what: String,
    url: String,
    link: bool,
}

impl App {
    /// Replaces the fetcher `F` uses (None: fetching is off, as in the demo).
    pub fn set_fetcher(&mut self, fetcher: Option<Arc<dyn PageFetcher>>) {
        self.fetch.fetcher = fetcher;
    }

    pub fn is_fetching(&self) -> bool {
        self.fetch.job.is_some()
    }

    /// How long the event loop may wait for input before polling the fetch.
    pub fn fetch_wait(&self) -> Option<Duration> {
        self.fetch.job.as_ref().map(|_| POLL_EVERY)
    }

    fn say(&mut self, msg: impl Into<Msg>, error: bool) {
        let msg: Msg = msg.into();
        let text = msg.text(self.ui.lang).into_owned();
        if error {
            self.set_error(text);
        } else {
            self.set_message(text);
        }
    }

    /// `F`: starts fetching the selected line's issue or the shown issue.
    pub fn start_fetch(&mut self) {
        let Some(fetcher) = self.fetch.fetcher.clone() else {
            return self.say(Fetch::TuiDemo, false);
        };
        if let Some(job) = &self.fetch.job {
            let what = job.what.clone();
            return self.say(Fetch::TuiBusy { what }, false);
        }
        let request = match self.fetch_request() {
            Ok(request) => request,
            Err(msg) => return self.say(msg, false),
        };
        let (tx, news) = mpsc::channel();
        let cancel = Cancel::new();
        let thread_cancel = cancel.clone();
        let url = request.url.clone();
        let spawned = std::thread::Builder::new()
            .name("zhoubao-fetch".into())
            .spawn(move || {
                let progress_tx = tx.clone();
                // A panic here is this fetch's failure, said on the status
                // line; the terminal's panic hook leaves the screen alone.
                let result = panic::catch_unwind(AssertUnwindSafe(|| {
                    if test_panic_in_fetch() {
                        panic!("ZHOUBAO_TEST_PANIC=fetch: deliberate panic in the fetch thread");
                    }
                    fetcher.fetch(&url, &thread_cancel, &mut |p| {
                        let _ = progress_tx.send(News::Progress(p));
                    })
                }))
                .unwrap_or_else(|payload| {
                    PageResult::Failed(FetchError::Crashed {
                        detail: panic_text(payload.as_ref()),
                    })
                });
                let _ = tx.send(News::Done(result));
            });
        if let Err(e) = spawned {
            let why = Box::new(crate::i18n::Os::of(&e).into());
            let what = request.what;
            return self.say(Fetch::TuiFailed { what, why }, true);
        }
        let showing = Fetch::TuiRunning {
            what: request.what.clone(),
        };
        self.fetch.job = Some(Job {
            what: request.what,
            from: self.current.clone(),
            link: request.link,
            news,
            cancel,
            showing: showing.clone(),
        });
        self.say(showing, false);
    }

    /// The selected 近期回顾 line while the links have focus, else the
    /// shown issue; refused when the cache holds it in full or no URL is
    /// known.
    fn fetch_request(&self) -> Result<Request, Fetch> {
        let selected = (self.focus == Focus::Links)
            .then(|| self.doc.items.get(self.link_selected))
            .flatten();
        if let Some(Item::Link(i)) = selected {
            if let Some(link) = self.doc.links.get(*i) {
                let key = link.key.or_else(|| {
                    let url = link.url.as_deref()?;
                    self.library().key_for_url(url).ok().flatten()
                });
                let what =
                    key.map_or_else(|| crate::sanitize::line(&link.title), |k| k.to_string());
                if key.is_some_and(|k| self.holds(k)) || (key.is_none() && link.cached) {
                    return Err(Fetch::TuiCached { key: what });
                }
                // The line's own link, else what the cache knows of its issue.
                let url = link
                    .url
                    .clone()
                    .or_else(|| key.and_then(|k| self.known_url(k)));
                let Some(url) = url else {
                    return Err(Fetch::TuiNoUrl { what });
                };
                return Ok(Request {
                    what,
                    url,
                    link: true,
                });
            }
        }
        let key = self.current_key();
        let what = match (key, &self.current) {
            (Some(k), _) => k.to_string(),
            (None, Some(Target::Reference(r))) => crate::sanitize::line(&r.title),
            (None, _) => String::new(),
        };
        if key.is_some_and(|k| self.holds(k)) {
            return Err(Fetch::TuiCached { key: what });
        }
        // The best copy the cache knows of (the original, not a repost).
        let url = key
            .and_then(|k| self.known_url(k))
            .or_else(|| self.doc.url.clone());
        match url {
            Some(url) => Ok(Request {
                what,
                url,
                link: false,
            }),
            None => Err(Fetch::TuiNoUrl { what }),
        }
    }

    /// The URL to fetch `key` from, of those the cache knows for it.
    fn known_url(&self, key: IssueKey) -> Option<String> {
        let detail = self.library().detail(key).ok().flatten()?;
        fetch::url_for_issue(&detail)
    }

    fn holds(&self, key: IssueKey) -> bool {
        self.index
            .get(&key)
            .and_then(|&i| self.summaries.get(i))
            .is_some_and(|s| s.cached)
    }

    /// Esc while fetching: the page is not stored, the thread ends by itself.
    /// False when nothing was being fetched.
    pub fn cancel_fetch(&mut self) -> bool {
        let Some(job) = self.fetch.job.take() else {
            return false;
        };
        job.cancel.cancel();
        self.say(Fetch::TuiCancelled { what: job.what }, false);
        true
    }

    /// `Action::PollFetch`: takes the thread's news; when the page arrived,
    /// reloads and shows it if the reader is still where they pressed `F`.
    pub fn poll_fetch(&mut self) {
        let Some(job) = self.fetch.job.as_mut() else {
            return;
        };
        let before = job.showing.clone();
        let done = loop {
            match job.news.try_recv() {
                Ok(News::Progress(Progress::Waiting(wait))) => {
                    job.showing = Fetch::TuiWaiting {
                        what: job.what.clone(),
                        secs: format!("{:.1}", wait.as_secs_f64()),
                    };
                }
                Ok(News::Progress(Progress::WaitingForPrevious)) => {
                    job.showing = Fetch::TuiWaitingPrevious {
                        what: job.what.clone(),
                    };
                }
                Ok(News::Progress(Progress::Requesting)) => {
                    job.showing = Fetch::TuiRunning {
                        what: job.what.clone(),
                    };
                }
                Ok(News::Done(result)) => break Some(result),
                Err(TryRecvError::Empty) => break None,
                Err(TryRecvError::Disconnected) => {
                    self.fetch.job = None;
                    return self.say(Fetch::TuiLost, true);
                }
            }
        };
        let Some(result) = done else {
            // The line follows the fetch unless it says something else now;
            // a key press that cleared it brings the fetch's words back.
            let showing = job.showing.clone();
            let lang = self.ui.lang;
            let ours = self
                .status
                .as_ref()
                .is_none_or(|s| !s.error && s.text == before.text(lang));
            if ours {
                self.say(showing, false);
            }
            return;
        };
        let Some(job) = self.fetch.job.take() else {
            return;
        };
        self.finish_fetch(job, result);
    }

    fn finish_fetch(&mut self, job: Job, result: PageResult) {
        let what = job.what;
        match result {
            PageResult::Stored { key, outcome } => {
                self.refresh_if_changed();
                if self.current == job.from {
                    if job.link {
                        self.go_to(Target::Issue(key));
                    } else {
                        self.show(Target::Issue(key));
                    }
                }
                let key = key.to_string();
                self.say(Fetch::TuiStored { key, outcome }, false);
            }
            PageResult::Skipped(why) => self.say(Fetch::TuiSkipped { what, why }, true),
            PageResult::Failed(FetchError::Cancelled) => {}
            PageResult::Failed(FetchError::Wall) => self.say(Fetch::TuiWall { what }, true),
            PageResult::Failed(e) => {
                let why = Box::new(e.message());
                self.say(Fetch::TuiFailed { what, why }, true);
            }
        }
    }
}
