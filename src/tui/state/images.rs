//! The image view (Enter on a chart line of the detail pane, or `i`): the
//! shown issue's pictures one at a time over the detail pane, which one
//! and where; the renderer whose worker decodes, scales and encodes them
//! off the draw path (a picture drawn arrives as `Action::PollImages`, as
//! a fetch's news does); and `F`'s download of the issue's missing
//! pictures on a thread of its own, its news taken the same way. The
//! terminal's way of drawing pictures is asked once, when the view first
//! opens (`tui::run` says how to ask): the first screen never waits for
//! the terminal's answer, and a session that shows no picture never asks.
//! Until then, and in tests, halfblocks.

use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::Arc;
use std::time::Duration;

use ratatui::layout::Rect;
use ratatui_image::picker::{Picker, ProtocolType};

use super::detail::NoUrl;
use crate::fetch::{Cancel, FetchError};
use crate::i18n::{Fetch, Images, Localized, Msg};
use crate::images::render::ImageRenderer;
use crate::images::view::{ImageView, ImageViewState};
use crate::images::{ImageFetch, ImagesSummary, IssueImage};
use crate::model::IssueKey;
use crate::tui::browser::is_web_url;
use crate::tui::fetcher::{PageFetcher, Progress};
use crate::tui::library::{Captions, Library, LibraryError};

/// How often the event loop takes the worker's pictures while it draws:
/// a picture is ready a few frames after the key that asked for it.
pub const DRAWN_POLL_EVERY: Duration = Duration::from_millis(15);

/// How often the event loop takes the download's news while it runs.
pub const FETCH_POLL_EVERY: Duration = Duration::from_millis(100);

enum News {
    Progress(Progress),
    Done(ImagesSummary),
}

/// `F`'s download under way.
struct Job {
    key: IssueKey,
    news: Receiver<News>,
    cancel: Cancel,
    /// What the status line says while it runs.
    showing: Fetch,
}

/// What the download's news since the last look comes to.
pub enum FetchPolled {
    /// Nothing is being downloaded.
    Idle,
    /// Still running: what the status line said, and what it says now.
    Running { before: Fetch, now: Fetch },
    /// The thread ended without a word.
    Lost,
    Done {
        key: IssueKey,
        summary: ImagesSummary,
    },
}

/// What a look at the worker and the download found.
pub struct Polled {
    /// A picture was drawn (or failed): the screen changed.
    pub drawn: bool,
    pub fetch: FetchPolled,
}

/// The image view's state, the renderer and the download.
pub struct Pictures {
    /// The view, while it is open.
    view: Option<ImageViewState>,
    /// Where the view is on the screen, border included (laid out from
    /// the panes, so what is asked of the renderer is what is drawn).
    area: Rect,
    picker: Picker,
    /// How to ask the terminal for its picker, until the view first opens
    /// (then `picker` holds the answer and this is None).
    ask: Option<Box<dyn FnOnce() -> Picker>>,
    /// Started when the view first opens: a thread, kept for the session.
    renderer: Option<ImageRenderer>,
    job: Option<Job>,
}

impl Default for Pictures {
    fn default() -> Self {
        Pictures {
            view: None,
            area: Rect::default(),
            picker: Picker::halfblocks(),
            ask: None,
            renderer: None,
            job: None,
        }
    }
}

impl Pictures {
    /// Draws with `picker` from now on (the terminal's, asked at start).
    pub fn set_picker(&mut self, picker: Picker) {
        self.picker = picker;
        self.ask = None;
        // Its pictures were encoded for the other protocol.
        self.renderer = None;
    }

    /// Asks `ask` for the picker when the view first opens, once: the
    /// terminal's query writes to it and reads its answer from stdin, so it
    /// runs between two events, never before the first screen is drawn.
    pub fn ask_when_first_opened(&mut self, ask: impl FnOnce() -> Picker + 'static) {
        self.ask = Some(Box::new(ask));
    }

    pub fn protocol(&self) -> ProtocolType {
        self.picker.protocol_type()
    }

    pub fn is_open(&self) -> bool {
        self.view.is_some()
    }

    pub fn view(&self) -> Option<&ImageViewState> {
        self.view.as_ref()
    }

    pub fn renderer(&self) -> Option<&ImageRenderer> {
        self.renderer.as_ref()
    }

    /// Where the view is drawn, border included.
    pub fn area(&self) -> Rect {
        self.area
    }

    /// Opens the view on `key`'s `images` at picture `number` (from 1; the
    /// first when there is no such picture).
    pub fn open(&mut self, key: IssueKey, images: Vec<IssueImage>, number: usize) {
        let mut view = ImageViewState::new(key, images);
        view.select(number);
        self.view = Some(view);
        if let Some(ask) = self.ask.take() {
            self.set_picker(ask());
        }
        if self.renderer.is_none() {
            self.renderer = Some(ImageRenderer::new(self.picker.clone()));
        }
    }

    /// [`Pictures::open`] on `key`'s pictures as `library` has them, with
    /// the words near each, and asks for the first one shown.
    pub fn open_on(
        &mut self,
        library: &dyn Library,
        key: IssueKey,
        number: usize,
    ) -> Result<bool, LibraryError> {
        let images = library.images(key, Captions::Read)?;
        if images.is_empty() {
            return Ok(false);
        }
        self.open(key, images, number);
        self.request(library);
        Ok(true)
    }

    /// The open view's pictures read again from `library` (a download
    /// stored some), the same one shown and asked for.
    pub fn refresh_from(&mut self, library: &dyn Library) {
        let Some(key) = self.view.as_ref().map(ImageViewState::key) else {
            return;
        };
        if let Ok(images) = library.images(key, Captions::Read) {
            self.refresh(images);
            self.request(library);
        }
    }

    /// Closes the view; a download under way goes on (Esc cancels it).
    pub fn close(&mut self) {
        self.view = None;
    }

    /// The view's place on a new screen.
    pub fn fit(&mut self, area: Rect) {
        self.area = area;
    }

    /// The next picture; false at the last (or with the view closed).
    pub fn forward(&mut self) -> bool {
        self.view.as_mut().is_some_and(ImageViewState::forward)
    }

    /// The previous picture; false at the first.
    pub fn back(&mut self) -> bool {
        self.view.as_mut().is_some_and(ImageViewState::back)
    }

    /// Picture `number` (from 1); false when there is none, or it is shown.
    pub fn select(&mut self, number: usize) -> bool {
        self.view.as_mut().is_some_and(|v| v.select(number))
    }

    /// The shown issue's pictures read again (after a download).
    pub fn refresh(&mut self, images: Vec<IssueImage>) {
        if let Some(view) = self.view.as_mut() {
            view.refresh(images);
        }
    }

    /// Asks the renderer for the shown picture at the size it is drawn,
    /// its bytes read from `library` only when it is not drawn yet. After
    /// every change of picture or size, so drawing only looks it up.
    pub fn request(&mut self, library: &dyn Library) {
        let (Some(view), Some(renderer)) = (self.view.as_ref(), self.renderer.as_mut()) else {
            return;
        };
        // A cache that cannot give the bytes now (busy, or they are
        // gone) shows the picture as not downloaded.
        view.request(renderer, self.area, |image| {
            library.image_bytes(image).ok().flatten()
        });
    }

    /// The shown picture's address, for `o` and `y`.
    pub fn url(&self) -> Result<String, NoUrl> {
        let url = self
            .view
            .as_ref()
            .and_then(ImageViewState::current)
            .map(|i| i.url.clone())
            .ok_or(NoUrl::Missing)?;
        if !is_web_url(&url) {
            return Err(NoUrl::NotWeb);
        }
        Ok(url)
    }

    /// How long the event loop may wait for input before polling: while
    /// the worker draws or a download runs.
    pub fn wait(&self) -> Option<Duration> {
        if self.renderer.as_ref().is_some_and(ImageRenderer::is_busy) {
            return Some(DRAWN_POLL_EVERY);
        }
        self.job.as_ref().map(|_| FETCH_POLL_EVERY)
    }

    /// Takes the worker's pictures and the download's news.
    pub fn poll(&mut self) -> Polled {
        let drawn = self.renderer.as_mut().is_some_and(ImageRenderer::poll);
        Polled {
            drawn,
            fetch: self.poll_fetch(),
        }
    }

    fn poll_fetch(&mut self) -> FetchPolled {
        let Some(job) = self.job.as_mut() else {
            return FetchPolled::Idle;
        };
        let before = job.showing.clone();
        let what = job.key.to_string();
        let summary = loop {
            match job.news.try_recv() {
                Ok(News::Progress(Progress::Image { done, planned })) => {
                    job.showing = Fetch::TuiImages {
                        what: what.clone(),
                        done,
                        planned,
                    };
                }
                Ok(News::Progress(Progress::WaitingForPrevious)) => {
                    job.showing = Fetch::TuiWaitingPrevious { what: what.clone() };
                }
                // Between two pictures the line keeps saying which is next.
                Ok(News::Progress(Progress::Waiting(_) | Progress::Requesting)) => {}
                Ok(News::Done(summary)) => break summary,
                Err(TryRecvError::Empty) => {
                    let now = job.showing.clone();
                    return FetchPolled::Running { before, now };
                }
                Err(TryRecvError::Disconnected) => {
                    self.job = None;
                    return FetchPolled::Lost;
                }
            }
        };
        match self.job.take() {
            Some(job) => FetchPolled::Done {
                key: job.key,
                summary,
            },
            None => FetchPolled::Idle,
        }
    }

    pub fn is_fetching(&self) -> bool {
        self.job.is_some()
    }

    /// What another background job says while this download runs.
    pub fn busy(&self) -> Option<Fetch> {
        let job = self.job.as_ref()?;
        Some(Fetch::TuiBusy {
            what: job.key.to_string(),
        })
    }

    /// `F` in the view: downloads the shown issue's missing pictures, and
    /// those that failed before, with `fetcher` (None: the demo, which
    /// never touches the network). What the status line says, and
    /// whether it is an error.
    pub fn start_fetch(&mut self, fetcher: Option<Arc<dyn PageFetcher>>) -> (Msg, bool) {
        let Some(view) = self.view.as_ref() else {
            return (Images::ViewNoIssue.into(), false);
        };
        let key = view.key();
        let Some(fetcher) = fetcher else {
            return (Fetch::TuiDemo.into(), false);
        };
        if let Some(busy) = self.busy() {
            return (busy.into(), false);
        }
        let planned = view.missing();
        if planned == 0 {
            let key = key.to_string();
            return (Images::TuiNothingMissing { key }.into(), false);
        }
        let (tx, news) = mpsc::channel();
        let cancel = Cancel::new();
        let thread_cancel = cancel.clone();
        let spawned = std::thread::Builder::new()
            .name("zhoubao-images-fetch".into())
            .spawn(move || {
                let progress_tx = tx.clone();
                // A panic here is this download's failure, said on the
                // status line; what was stored before it is whole.
                let summary = panic::catch_unwind(AssertUnwindSafe(|| {
                    let retry = ImageFetch { retry_failed: true };
                    fetcher.fetch_images(&[key], retry, &thread_cancel, &mut |p| {
                        let _ = progress_tx.send(News::Progress(p));
                    })
                }))
                .unwrap_or_else(|payload| {
                    let crashed = FetchError::Crashed {
                        detail: crate::import::panic_message(payload.as_ref()),
                    };
                    ImagesSummary {
                        stopped: Some(crashed.message()),
                        ..ImagesSummary::default()
                    }
                });
                let _ = tx.send(News::Done(summary));
            });
        let what = key.to_string();
        if let Err(e) = spawned {
            let why = Box::new(crate::i18n::Os::of(&e).into());
            return (Fetch::TuiFailed { what, why }.into(), true);
        }
        let showing = Fetch::TuiImages {
            what,
            done: 1,
            planned,
        };
        self.job = Some(Job {
            key,
            news,
            cancel,
            showing: showing.clone(),
        });
        (showing.into(), false)
    }

    /// Esc while downloading: nothing more is asked, the thread ends by
    /// itself (the pictures stored so far stay). What the line says; None
    /// when nothing was being downloaded.
    pub fn cancel(&mut self) -> Option<Msg> {
        let job = self.job.take()?;
        job.cancel.cancel();
        let key = job.key.to_string();
        Some(Images::TuiCancelled { key }.into())
    }

    /// Which picture the terminal's graphics cover on screen, and where,
    /// for the protocols that draw over the cells rather than in them
    /// (sixel, iTerm2): when it changes, the screen must be cleared, or
    /// the old picture stays where ratatui writes nothing new. None for
    /// halfblocks and kitty (its pictures live in the cells), while
    /// something `covered` the view, and when no picture is drawn.
    pub fn graphics_on_screen(&self, covered: bool) -> Option<(String, Rect)> {
        if covered || !matches!(self.protocol(), ProtocolType::Sixel | ProtocolType::Iterm2) {
            return None;
        }
        let (view, renderer) = (self.view.as_ref()?, self.renderer.as_ref()?);
        ImageView::drawn_at(view, renderer, self.area)
    }
}

#[cfg(test)]
mod tests;
