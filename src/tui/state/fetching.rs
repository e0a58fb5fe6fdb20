//! `F`: fetch the shown issue, or the selected 近期回顾 line's issue, when
//! the cache does not hold it in full. The fetch runs on a thread behind
//! the [`PageFetcher`] trait and writes to the cache through its own
//! connection; the thread's news arrives on a channel that the event loop
//! drains as `Action::PollFetch`, one flow per tick, so the UI never waits.
//! When the page is stored the app reloads (the library's generation
//! changed) and shows the issue; Esc cancels.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::Duration;

use super::catalog::Catalog;
use super::detail::{DetailPane, Target};
use crate::fetch::{self, Cancel, FetchError, PageResult};
use crate::i18n::Fetch;
use crate::images::ImageFetch;
use crate::model::IssueKey;
use crate::tui::fetcher::{PageFetcher, Progress};
use crate::tui::library::Library;
use crate::tui::view::detail::Item;

/// How often the event loop looks for news while a fetch runs.
pub const POLL_EVERY: Duration = Duration::from_millis(100);

/// Test hook, like ZHOUBAO_TEST_PANIC=1 for the UI thread: with
/// ZHOUBAO_TEST_PANIC=fetch the fetch thread panics before asking, so an
/// end-to-end test sees what a bug in a worker does to the screen.
fn test_panic_in_fetch() -> bool {
    std::env::var_os("ZHOUBAO_TEST_PANIC").is_some_and(|v| v == "fetch")
}

/// Which page `F` asks for.
pub struct Request {
    /// How messages name it: the issue key, else the line's title.
    pub what: String,
    pub url: String,
    /// Asked for from a 近期回顾 line: shown as a followed link.
    pub link: bool,
}

enum News {
    Progress(Progress),
    Done(PageResult),
}

/// A fetch under way.
struct Job {
    what: String,
    /// Where the reader was when pressing `F`, and whether it was a link.
    from: Option<Target>,
    link: bool,
    news: Receiver<News>,
    cancel: Cancel,
    /// What the status line says while it runs.
    showing: Fetch,
    /// The page is stored and its pictures are downloading: which of how many.
    images: Option<(usize, usize)>,
}

/// A finished fetch: where it was asked for, and what came of it.
pub struct Finished {
    pub what: String,
    pub from: Option<Target>,
    pub link: bool,
    pub result: PageResult,
}

/// What the fetch's news since the last look comes to.
pub enum Polled {
    /// Nothing is being fetched.
    Idle,
    /// Still running: what the status line said, and what it says now.
    Running {
        before: Fetch,
        now: Fetch,
    },
    /// The thread ended without a word.
    Lost,
    Done(Finished),
}

/// `F`'s state: the fetcher (None in the demo), whether a stored page's
/// pictures are downloaded after it, and the fetch under way.
pub struct Fetching {
    fetcher: Option<Arc<dyn PageFetcher>>,
    images: bool,
    job: Option<Job>,
}

impl Fetching {
    pub fn new(fetcher: Option<Arc<dyn PageFetcher>>) -> Fetching {
        Fetching {
            fetcher,
            images: false,
            job: None,
        }
    }

    /// Whether a stored page's pictures are downloaded after it, on the
    /// same thread and client (the config's `[fetch] images`).
    pub fn set_images(&mut self, images: bool) {
        self.images = images;
    }

    /// The fetcher, for the image view's downloads (None in the demo).
    pub fn fetcher(&self) -> Option<Arc<dyn PageFetcher>> {
        self.fetcher.clone()
    }

    /// Replaces the fetcher (None: fetching is off, as in the demo).
    pub fn set_fetcher(&mut self, fetcher: Option<Arc<dyn PageFetcher>>) {
        self.fetcher = fetcher;
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// What another background job says while this fetch runs; None when
    /// none does.
    pub fn busy(&self) -> Option<Fetch> {
        let what = self.job.as_ref()?.what.clone();
        Some(Fetch::TuiBusy { what })
    }

    /// How long the event loop may wait for input before polling.
    pub fn wait(&self) -> Option<Duration> {
        self.job.as_ref().map(|_| POLL_EVERY)
    }

    /// Starts fetching what `request` asks for (worked out only when a
    /// fetch can start), from `from`. What the status line says, and
    /// whether it is an error.
    pub fn start(
        &mut self,
        request: impl FnOnce() -> Result<Request, Fetch>,
        from: Option<Target>,
    ) -> (Fetch, bool) {
        let Some(fetcher) = self.fetcher.clone() else {
            return (Fetch::TuiDemo, false);
        };
        if let Some(job) = &self.job {
            let what = job.what.clone();
            return (Fetch::TuiBusy { what }, false);
        }
        let request = match request() {
            Ok(request) => request,
            Err(msg) => return (msg, false),
        };
        let (tx, news) = mpsc::channel();
        let cancel = Cancel::new();
        let thread_cancel = cancel.clone();
        let url = request.url.clone();
        let images = self.images;
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
                    let mut progress = |p| {
                        let _ = progress_tx.send(News::Progress(p));
                    };
                    let result = fetcher.fetch(&url, &thread_cancel, &mut progress);
                    // The page's pictures: a failed one is kept with its
                    // reason (the image view says it) and never fails the page.
                    if let (PageResult::Stored { key, .. }, true) = (&result, images) {
                        fetcher.fetch_images(
                            &[*key],
                            ImageFetch::default(),
                            &thread_cancel,
                            &mut progress,
                        );
                    }
                    result
                }))
                .unwrap_or_else(|payload| {
                    PageResult::Failed(FetchError::Crashed {
                        detail: crate::import::panic_message(payload.as_ref()),
                    })
                });
                let _ = tx.send(News::Done(result));
            });
        if let Err(e) = spawned {
            let why = Box::new(crate::i18n::Os::of(&e).into());
            let what = request.what;
            return (Fetch::TuiFailed { what, why }, true);
        }
        let showing = Fetch::TuiRunning {
            what: request.what.clone(),
        };
        self.job = Some(Job {
            what: request.what,
            from,
            link: request.link,
            news,
            cancel,
            showing: showing.clone(),
            images: None,
        });
        (showing, false)
    }

    /// Esc while fetching: the page is not stored, the thread ends by
    /// itself. What was being fetched; None when nothing was.
    pub fn cancel(&mut self) -> Option<String> {
        let job = self.job.take()?;
        job.cancel.cancel();
        Some(job.what)
    }

    /// Takes the thread's news.
    pub fn poll(&mut self) -> Polled {
        let Some(job) = self.job.as_mut() else {
            return Polled::Idle;
        };
        let before = job.showing.clone();
        let done = loop {
            match job.news.try_recv() {
                // Between two pictures the line keeps saying which is
                // next: the pause is the usual one-second spacing.
                Ok(News::Progress(Progress::Waiting(_))) if job.images.is_some() => {}
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
                    job.showing = match job.images {
                        Some((done, planned)) => Fetch::TuiImages {
                            what: job.what.clone(),
                            done,
                            planned,
                        },
                        None => Fetch::TuiRunning {
                            what: job.what.clone(),
                        },
                    };
                }
                Ok(News::Progress(Progress::Image { done, planned })) => {
                    job.images = Some((done, planned));
                    job.showing = Fetch::TuiImages {
                        what: job.what.clone(),
                        done,
                        planned,
                    };
                }
                Ok(News::Done(result)) => break result,
                Err(TryRecvError::Empty) => {
                    let now = job.showing.clone();
                    return Polled::Running { before, now };
                }
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    return Polled::Lost;
                }
            }
        };
        match self.job.take() {
            Some(job) => Polled::Done(Finished {
                what: job.what,
                from: job.from,
                link: job.link,
                result: done,
            }),
            None => Polled::Idle,
        }
    }
}

/// What `F` asks for: the selected 近期回顾 line while the links have
/// focus, else the shown issue; refused when the cache holds it in full or
/// no URL is known.
pub fn request(
    detail: &DetailPane,
    links_focused: bool,
    catalog: &Catalog,
    library: &dyn Library,
) -> Result<Request, Fetch> {
    if let Some(Item::Link(i)) = detail.selected_item(links_focused) {
        if let Some(link) = detail.doc.links.get(i) {
            let key = link.key.or_else(|| {
                let url = link.url.as_deref()?;
                library.key_for_url(url).ok().flatten()
            });
            let what = key.map_or_else(|| crate::sanitize::line(&link.title), |k| k.to_string());
            if key.is_some_and(|k| catalog.holds(k)) || (key.is_none() && link.cached) {
                return Err(Fetch::TuiCached { key: what });
            }
            // The line's own link, else what the cache knows of its issue.
            let url = link
                .url
                .clone()
                .or_else(|| key.and_then(|k| known_url(library, k)));
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
    let key = detail.current_key();
    let what = match (key, &detail.current) {
        (Some(k), _) => k.to_string(),
        (None, Some(Target::Reference(r))) => crate::sanitize::line(&r.title),
        (None, _) => String::new(),
    };
    if key.is_some_and(|k| catalog.holds(k)) {
        return Err(Fetch::TuiCached { key: what });
    }
    // The best copy the cache knows of (the original, not a repost).
    let url = key
        .and_then(|k| known_url(library, k))
        .or_else(|| detail.doc.url.clone());
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
fn known_url(library: &dyn Library, key: IssueKey) -> Option<String> {
    let detail = library.detail(key).ok().flatten()?;
    fetch::url_for_issue(&detail)
}
