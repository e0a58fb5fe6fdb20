//! Pictures encoded for the terminal off the draw path: a worker thread
//! decodes cached bytes (bounded, decode.rs), scales them to a cell area
//! and encodes them with `ratatui-image`'s [`Picker`] (kitty, sixel,
//! iTerm2 or halfblocks); the results are kept per (picture, size), so
//! drawing is a lookup and a key press never waits for a decoder.
//!
//! `ratatui-image`'s `ThreadProtocol` does this for one picture that
//! follows its area; a bulletin has several, shown one at a time and
//! flipped through, hence a cache of fixed-size protocols keyed by size,
//! drawn by its stateless `Image` widget.
//!
//! Results come back by a channel the renderer owns ([`ImageRenderer::poll`])
//! or by a sink the caller gives ([`ImageRenderer::with_sink`]: the TUI
//! turns each into an Action and hands it to [`ImageRenderer::accept`]).

use std::collections::{HashSet, VecDeque};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::Arc;
use std::time::Duration;

use image::DynamicImage;
use ratatui::layout::Size;
use ratatui_image::picker::Picker;
use ratatui_image::protocol::Protocol;
use ratatui_image::{FilterType, Resize};

use super::decode::decode_bounded;
use super::error::ImageError;

/// The terminal's way of drawing pictures, asked once: after the
/// alternate screen and raw mode are entered, while no event is being
/// read (the answer comes on stdin; the TUI asks when its image view
/// first opens, so the first screen never waits for it). Halfblocks when
/// the terminal does not answer or the query fails (a pipe).
///
/// Inside tmux it is not asked: ratatui-image wraps the whole query for
/// tmux's passthrough, which tmux drops unless `allow-passthrough` is on,
/// so nothing answers, the query waits its two seconds, and its reader
/// thread goes on reading stdin afterwards, taking keys meant for the
/// TUI. tmux gets halfblocks.
pub fn detect_picker() -> Picker {
    if std::env::var_os("TMUX").is_some_and(|v| !v.is_empty()) {
        return Picker::halfblocks();
    }
    Picker::from_query_stdio().unwrap_or_else(|_| Picker::halfblocks())
}

/// Encoded pictures kept: a bulletin's five or six at two sizes, and some.
const KEEP: usize = 16;
/// A decoded picture is kept for the next size asked of it up to this
/// many bytes (a chart is a few MB decoded).
const KEEP_DECODED_BYTES: u64 = 64 * 1024 * 1024;

/// A picture at a size in cells.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct RenderKey {
    pub identity: String,
    pub size: Size,
}

/// What the worker hands back for one request.
pub struct Rendered {
    key: RenderKey,
    outcome: Outcome,
}

impl std::fmt::Debug for Rendered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let outcome = match &self.outcome {
            Outcome::Done(Ok(_)) => "ready".to_string(),
            Outcome::Done(Err(e)) => e.to_string(),
            Outcome::Superseded => "superseded".to_string(),
        };
        write!(f, "Rendered({:?}, {outcome})", self.key)
    }
}

enum Outcome {
    Done(Result<Protocol, ImageError>),
    /// A later request for the same picture came first; nothing was drawn.
    Superseded,
}

/// What the draw finds for a picture at a size.
pub enum Slot<'a> {
    Ready(&'a Protocol),
    /// Asked for and not done yet (or not asked for: see [`ImageRenderer::request`]).
    Drawing,
    Failed(&'a ImageError),
}

struct Job {
    key: RenderKey,
    bytes: Arc<[u8]>,
}

/// The worker, its queue and the encoded pictures.
pub struct ImageRenderer {
    jobs: Sender<Job>,
    /// The renderer's own results; None when the caller took them (a sink).
    results: Option<Receiver<Rendered>>,
    pending: HashSet<RenderKey>,
    /// Most recently used last.
    done: VecDeque<(RenderKey, Result<Protocol, ImageError>)>,
}

impl ImageRenderer {
    /// A renderer whose results [`ImageRenderer::poll`] takes in.
    pub fn new(picker: Picker) -> ImageRenderer {
        let (tx, rx) = mpsc::channel();
        let mut renderer = ImageRenderer::with_sink(picker, move |r| {
            let _ = tx.send(r);
        });
        renderer.results = Some(rx);
        renderer
    }

    /// A renderer whose worker hands each result to `sink` (on its own
    /// thread), for the caller to pass back to [`ImageRenderer::accept`].
    pub fn with_sink(picker: Picker, sink: impl Fn(Rendered) + Send + 'static) -> ImageRenderer {
        let (jobs, queue) = mpsc::channel();
        // The worker ends when the renderer (its queue's sender) is gone.
        std::thread::Builder::new()
            .name("zhoubao-images".into())
            .spawn(move || work(&picker, &queue, &sink))
            .expect("a thread for drawing pictures");
        ImageRenderer {
            jobs,
            results: None,
            pending: HashSet::new(),
            done: VecDeque::new(),
        }
    }

    /// Asks for `identity` at `size` unless it is drawn or being drawn;
    /// `bytes` is read only then (None: the cache no longer has it, which
    /// is what the picture then says). Call it from update, never from draw.
    pub fn request(
        &mut self,
        identity: &str,
        size: Size,
        bytes: impl FnOnce() -> Option<Arc<[u8]>>,
    ) {
        let key = RenderKey {
            identity: identity.to_string(),
            size,
        };
        if self.pending.contains(&key) {
            return;
        }
        if let Some(i) = self.done.iter().position(|(k, _)| *k == key) {
            // Used again: the last to go.
            if let Some(entry) = self.done.remove(i) {
                self.done.push_back(entry);
            }
            return;
        }
        if size.width == 0 || size.height == 0 {
            return;
        }
        let Some(bytes) = bytes() else {
            self.accept(Rendered {
                key,
                outcome: Outcome::Done(Err(ImageError::NotCached)),
            });
            return;
        };
        let job = Job {
            key: key.clone(),
            bytes,
        };
        if self.jobs.send(job).is_ok() {
            self.pending.insert(key);
        }
    }

    /// What there is to draw for `identity` at `size`: reads only.
    pub fn get(&self, identity: &str, size: Size) -> Slot<'_> {
        let found = self
            .done
            .iter()
            .find(|(k, _)| k.identity == identity && k.size == size);
        match found {
            Some((_, Ok(protocol))) => Slot::Ready(protocol),
            Some((_, Err(e))) => Slot::Failed(e),
            None => Slot::Drawing,
        }
    }

    /// Whether `identity` at `size` waits for the worker.
    pub fn is_pending(&self, identity: &str, size: Size) -> bool {
        self.pending.contains(&RenderKey {
            identity: identity.to_string(),
            size,
        })
    }

    /// Whether any request waits for the worker: the caller should
    /// [`ImageRenderer::poll`] (or take its sink's results) soon.
    pub fn is_busy(&self) -> bool {
        !self.pending.is_empty()
    }

    /// Takes in one result; true when there is something new to draw.
    pub fn accept(&mut self, rendered: Rendered) -> bool {
        self.pending.remove(&rendered.key);
        let Outcome::Done(result) = rendered.outcome else {
            return false;
        };
        self.done.retain(|(k, _)| *k != rendered.key);
        self.done.push_back((rendered.key, result));
        while self.done.len() > KEEP {
            self.done.pop_front();
        }
        true
    }

    /// Takes in the results that have come (a renderer made by
    /// [`ImageRenderer::new`]); true when there is something new to draw.
    pub fn poll(&mut self) -> bool {
        let mut arrived = Vec::new();
        if let Some(rx) = &self.results {
            arrived.extend(rx.try_iter());
        }
        let mut new = false;
        for r in arrived {
            new |= self.accept(r);
        }
        new
    }

    /// Waits up to `timeout` for every request to be done (tests, and a
    /// caller with nothing else to do); false when some are still out.
    pub fn wait(&mut self, timeout: Duration) -> bool {
        let deadline = std::time::Instant::now() + timeout;
        while !self.pending.is_empty() {
            let Some(rx) = &self.results else {
                return false;
            };
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok(r) => {
                    self.accept(r);
                }
                Err(_) => return false,
            }
        }
        true
    }
}

/// The worker's loop: the newest request for each picture, in order.
fn work(picker: &Picker, queue: &Receiver<Job>, sink: &dyn Fn(Rendered)) {
    let mut decoded: Option<(String, Arc<DynamicImage>)> = None;
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        batch.extend(queue.try_iter());
        let mut latest: Vec<Job> = Vec::new();
        for job in batch {
            if let Some(i) = latest
                .iter()
                .position(|j| j.key.identity == job.key.identity)
            {
                let old = latest.remove(i);
                sink(Rendered {
                    key: old.key,
                    outcome: Outcome::Superseded,
                });
            }
            latest.push(job);
        }
        for job in latest {
            let result = catch_unwind(AssertUnwindSafe(|| draw(picker, &job, &mut decoded)))
                .unwrap_or_else(|_| {
                    decoded = None;
                    Err(ImageError::CannotDraw {
                        detail: "the decoder crashed".into(),
                    })
                });
            sink(Rendered {
                key: job.key,
                outcome: Outcome::Done(result),
            });
        }
    }
}

/// Decodes (or reuses the last decoded picture), scales to the area
/// keeping the proportions, and encodes.
fn draw(
    picker: &Picker,
    job: &Job,
    decoded: &mut Option<(String, Arc<DynamicImage>)>,
) -> Result<Protocol, ImageError> {
    let image = match decoded {
        Some((id, image)) if *id == job.key.identity => Arc::clone(image),
        _ => {
            *decoded = None;
            let image = Arc::new(decode_bounded(&job.bytes)?);
            let bytes = u64::from(image.width()) * u64::from(image.height()) * 4;
            if bytes <= KEEP_DECODED_BYTES {
                *decoded = Some((job.key.identity.clone(), Arc::clone(&image)));
            }
            image
        }
    };
    picker
        .new_protocol(
            (*image).clone(),
            job.key.size,
            Resize::Scale(Some(FilterType::Triangle)),
        )
        .map_err(|e| ImageError::CannotDraw {
            detail: crate::sanitize::line(&e.to_string()),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::samples::png;

    const WAIT: Duration = Duration::from_secs(20);

    fn bytes(b: Vec<u8>) -> impl FnOnce() -> Option<Arc<[u8]>> {
        move || Some(Arc::from(b))
    }

    #[test]
    fn a_picture_is_drawn_once_per_size_and_kept() {
        let mut r = ImageRenderer::new(Picker::halfblocks());
        let size = Size::new(20, 10);
        assert!(matches!(r.get("a", size), Slot::Drawing));
        r.request("a", size, bytes(png(8, 8)));
        assert!(r.is_pending("a", size));
        assert!(r.wait(WAIT));
        let Slot::Ready(protocol) = r.get("a", size) else {
            panic!("not drawn");
        };
        // Scaled up to the area: 20×10 cells of 10×20 px is a square.
        assert_eq!(protocol.size(), Size::new(20, 10));
        // Asked again: nothing to do, the bytes are not even read.
        r.request("a", size, || panic!("read again"));
        assert!(!r.is_pending("a", size));
        // Another size is another drawing.
        r.request("a", Size::new(40, 20), bytes(png(8, 8)));
        assert!(r.wait(WAIT));
        assert!(matches!(r.get("a", Size::new(40, 20)), Slot::Ready(_)));
    }

    #[test]
    fn bytes_gone_from_the_cache_say_so() {
        let mut r = ImageRenderer::new(Picker::halfblocks());
        r.request("gone", Size::new(10, 5), || None);
        assert!(!r.is_pending("gone", Size::new(10, 5)));
        assert!(matches!(
            r.get("gone", Size::new(10, 5)),
            Slot::Failed(ImageError::NotCached)
        ));
    }

    #[test]
    fn bytes_that_are_no_picture_fail_with_their_reason() {
        let mut r = ImageRenderer::new(Picker::halfblocks());
        r.request("html", Size::new(10, 5), bytes(b"<html>".to_vec()));
        assert!(r.wait(WAIT));
        assert!(matches!(
            r.get("html", Size::new(10, 5)),
            Slot::Failed(ImageError::Html)
        ));
    }

    #[test]
    fn only_the_newest_request_for_a_picture_is_drawn_when_they_pile_up() {
        let (tx, rx) = mpsc::channel();
        let mut r = ImageRenderer::with_sink(Picker::halfblocks(), move |done| {
            let _ = tx.send(done);
        });
        let data: Arc<[u8]> = Arc::from(png(600, 600));
        for w in 1..=30u16 {
            r.request("a", Size::new(w, 5), || Some(Arc::clone(&data)));
        }
        let mut drawn = 0;
        while r.pending.iter().any(|k| k.identity == "a") {
            let done = rx.recv_timeout(WAIT).expect("the worker answers");
            drawn += usize::from(matches!(done.outcome, Outcome::Done(_)));
            r.accept(done);
        }
        assert!(drawn < 30, "superseded sizes are skipped: drew {drawn}");
        assert!(matches!(r.get("a", Size::new(30, 5)), Slot::Ready(_)));
    }

    #[test]
    fn no_more_than_a_bulletins_worth_of_drawings_is_kept() {
        let mut r = ImageRenderer::new(Picker::halfblocks());
        for i in 0..(KEEP + 4) {
            r.request(&format!("p{i}"), Size::new(4, 2), bytes(png(2, 2)));
        }
        assert!(r.wait(WAIT));
        assert_eq!(r.done.len(), KEEP);
        assert!(matches!(r.get("p0", Size::new(4, 2)), Slot::Drawing));
        assert!(matches!(
            r.get(&format!("p{}", KEEP + 3), Size::new(4, 2)),
            Slot::Ready(_)
        ));
    }
}
