//! `R`: every configured feed updated in the background. The update runs on
//! the feed module's thread ([`feed::spawn`]), storing through its own
//! connection to the cache file; its news arrives on a channel that the
//! event loop drains as `Action::PollUpdate`, one flow per tick, so no key
//! ever waits for it. What it brings in full for the first time is kept
//! for the session (the list marks it), and `on_new` runs on a thread of
//! its own afterwards, its output sent nowhere: the TUI owns the screen.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use super::notice::Notice;
use crate::feed::{
    self, Event, FeedOutcome, News, NotifyProblem, Running, Subscription, UpdateOptions,
    UpdateReport,
};
use crate::fetch::{Cancel, FetchError, FetchOptions};
use crate::i18n::{FeedMsg, FeedTui, Lang, Localized, Msg, Os, UpdateStep};
use crate::model::{ImportOutcome, IssueKey, IssueSummary};

/// How often the event loop looks for news while an update runs.
pub const POLL_EVERY: Duration = Duration::from_millis(100);

/// The feeds the config lists, and what it says about updating them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FeedSettings {
    pub feeds: Vec<Subscription>,
    /// Run after an update that stored new issues, their keys appended.
    pub on_new: Option<Vec<String>>,
    /// Start updating as the TUI opens.
    pub update_on_start: bool,
}

/// An update under way.
struct Job {
    news: Receiver<News>,
    cancel: Cancel,
    /// Esc was pressed: the thread ends at its next step.
    cancelled: bool,
    step: UpdateStep,
    /// The host it waits for before asking again, for how long, and
    /// since when: said until the wait is over (the request that follows
    /// sends no word of its own).
    waiting: Option<(String, Duration, Instant)>,
    /// What the status line was last given, to tell whether it still
    /// says it.
    shown: Option<Notice>,
    /// Issues stored new so far.
    new: usize,
}

impl Job {
    /// What the status line says while it runs; nothing once cancelled
    /// (the line said so, and the update is only ending).
    fn progress(&self) -> Option<Notice> {
        let waiting = self
            .waiting
            .as_ref()
            .filter(|(_, wait, since)| since.elapsed() < *wait)
            .map(|(host, wait, _)| (host.clone(), format!("{:.1}", wait.as_secs_f64())));
        (!self.cancelled).then(|| {
            // The whole line names the feed (or page) or the host waited
            // for; the middle form only where it is and what is new.
            let whole = FeedTui::Progress {
                step: self.step.clone(),
                waiting: waiting.clone(),
                new: self.new,
                named: true,
            };
            let middle = FeedTui::Progress {
                step: self.step.clone(),
                waiting: None,
                new: self.new,
                named: false,
            };
            let mut forms: Vec<Msg> = Vec::with_capacity(3);
            if waiting.is_some() || self.step != UpdateStep::Starting {
                forms.push(whole.into());
            }
            forms.push(middle.into());
            forms.push(FeedTui::ProgressShort(self.step.clone()).into());
            Notice {
                forms,
                error: false,
            }
        })
    }
}

/// What the update's news since the last look comes to.
pub enum Polled {
    /// No update is running.
    Idle,
    /// Still running: what the status line said and what it says now,
    /// and whether the cache holds something new (time to reload).
    Running {
        before: Option<Notice>,
        now: Option<Notice>,
        stored: bool,
    },
    /// Over: the summary for the status line.
    Done(Notice),
}

/// `R`'s state: the settings, the update under way, `on_new` running, and
/// the issues this session's updates brought.
#[derive(Default)]
pub struct Updating {
    settings: FeedSettings,
    fetch: FetchOptions,
    /// Download the new issues' pictures (the config's `[fetch] images`).
    images: bool,
    job: Option<Job>,
    notifying: Option<Receiver<Result<(), NotifyProblem>>>,
    new: HashSet<IssueKey>,
}

impl Updating {
    /// The feeds to read and what to do around an update.
    pub fn configure(&mut self, settings: FeedSettings) {
        self.settings = settings;
    }

    pub fn settings(&self) -> &FeedSettings {
        &self.settings
    }

    /// The config's `[fetch]` delay and user agent, as `F` uses them.
    pub fn set_fetch_options(&mut self, fetch: FetchOptions) {
        self.fetch = fetch;
    }

    /// Whether an update downloads the pictures of the issues it brings.
    pub fn set_images(&mut self, images: bool) {
        self.images = images;
    }

    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// How long the event loop may wait for input before polling: while an
    /// update or `on_new` runs.
    pub fn wait(&self) -> Option<Duration> {
        (self.job.is_some() || self.notifying.is_some()).then_some(POLL_EVERY)
    }

    /// The issues this session's updates brought in full for the first
    /// time: the list marks them for the rest of the session.
    pub fn new_issues(&self) -> &HashSet<IssueKey> {
        &self.new
    }

    /// What `R` or `F` says while an update runs (or is ending); None
    /// when none does.
    pub fn busy(&self) -> Option<Notice> {
        let job = self.job.as_ref()?;
        Some(if job.cancelled {
            Notice::with_short(FeedTui::Cancelling, FeedTui::CancellingShort, false)
        } else {
            Notice::with_short(FeedTui::Busy, FeedTui::BusyShort, false)
        })
    }

    /// Starts updating every configured feed into the cache file `cache`
    /// (None: the library is no file, as the demo's), failures recorded
    /// in `lang`. What the status line says: the progress, or why not.
    pub fn start(&mut self, cache: Option<PathBuf>, read_only: bool, lang: Lang) -> Notice {
        if let Some(busy) = self.busy() {
            return busy;
        }
        let Some(cache) = cache else {
            return Notice::with_short(FeedTui::Demo, FeedTui::DemoShort, false);
        };
        if self.settings.feeds.is_empty() {
            let forms = [
                FeedMsg::NoneConfigured.into(),
                FeedTui::NoFeedsShort.into(),
                FeedTui::NoFeedsNarrow.into(),
            ];
            return Notice {
                forms: forms.into(),
                error: false,
            };
        }
        if read_only {
            return Notice::with_short(FeedTui::ReadOnly, FeedTui::ReadOnlyShort, true);
        }
        let options = UpdateOptions {
            pages: true,
            follow: 0,
            lang,
            images: self.images,
        };
        let feeds = self.settings.feeds.clone();
        match feed::spawn(cache, feeds, options, self.fetch.clone()) {
            Ok(running) => {
                self.watch(running);
                self.job
                    .as_ref()
                    .and_then(|job| job.shown.clone())
                    .unwrap_or_else(|| Notice::message(FeedTui::Busy))
            }
            Err(e) => Notice::error(FeedTui::CannotStart(Box::new(Os::of(&e).into()))),
        }
    }

    /// Follows an update already running (what `start` spawned, or a
    /// test's channel).
    pub fn watch(&mut self, running: Running) {
        self.job = Some(Job {
            news: running.news,
            cancel: running.cancel,
            cancelled: false,
            step: UpdateStep::Starting,
            waiting: None,
            shown: None,
            new: 0,
        });
        if let Some(job) = self.job.as_mut() {
            job.shown = job.progress();
        }
    }

    /// Esc: the update stops at its next step (a request under way is
    /// not cut short, so it is followed until its report arrives). What
    /// the line says; None when no update runs.
    pub fn cancel(&mut self) -> Option<Notice> {
        let job = self.job.as_mut()?;
        job.cancel.cancel();
        job.cancelled = true;
        self.busy()
    }

    /// Takes the thread's news.
    pub fn poll(&mut self) -> Polled {
        let Some(job) = self.job.as_mut() else {
            return Polled::Idle;
        };
        let before = job.shown.clone();
        let mut stored = false;
        let ended = loop {
            match job.news.try_recv() {
                Ok(News::Event(event)) => {
                    stored |= follow(job, &mut self.new, event);
                }
                Ok(News::Done(report)) => break Ok(report),
                Ok(News::Failed(why)) => {
                    break Err(Notice::error(FeedTui::CannotStart(Box::new(why))))
                }
                Err(TryRecvError::Empty) => {
                    let now = job.progress();
                    job.shown = now.clone();
                    return Polled::Running {
                        before,
                        now,
                        stored,
                    };
                }
                Err(TryRecvError::Disconnected) => break Err(Notice::error(FeedTui::Lost)),
            }
        };
        self.job = None;
        match ended {
            Ok(report) => {
                self.new.extend(report.new.iter().copied());
                self.notify(&report.new);
                Polled::Done(summary(&report))
            }
            Err(notice) => Polled::Done(notice),
        }
    }

    /// Runs `on_new` with the new issues' keys, on a thread of its own:
    /// a notifier may take its time, and no key waits for it.
    fn notify(&mut self, keys: &[IssueKey]) {
        let Some(program) = self.settings.on_new.clone() else {
            return;
        };
        if keys.is_empty() {
            return;
        }
        let (tx, rx) = mpsc::channel();
        let keys = keys.to_vec();
        let name = program.first().cloned().unwrap_or_default();
        let spawned = std::thread::Builder::new()
            .name("zhoubao-on-new".into())
            .spawn(move || {
                let _ = tx.send(feed::notify(&program, &keys, true, feed::NOTIFY_WAIT));
            });
        self.notifying = Some(match spawned {
            Ok(_) => rx,
            Err(e) => {
                let (tx, rx) = mpsc::channel();
                let _ = tx.send(Err(NotifyProblem::Start {
                    program: crate::sanitize::line(&name),
                    why: Os::of(&e),
                }));
                rx
            }
        });
    }

    /// How `on_new` ended, once it has, when it did not go as asked.
    pub fn poll_notify(&mut self) -> Option<NotifyProblem> {
        let rx = self.notifying.as_ref()?;
        match rx.try_recv() {
            Err(TryRecvError::Empty) => None,
            Ok(result) => {
                self.notifying = None;
                result.err()
            }
            Err(TryRecvError::Disconnected) => {
                self.notifying = None;
                None
            }
        }
    }
}

/// Takes one event into the job's progress; true when the cache now holds
/// something it did not.
fn follow(job: &mut Job, new: &mut HashSet<IssueKey>, event: Event) -> bool {
    match event {
        Event::Feed { index, of, feed } => {
            job.step = UpdateStep::Feed { index, of, feed };
            job.waiting = None;
        }
        Event::Page { url, done, planned } => {
            job.step = UpdateStep::Page {
                done,
                planned,
                url: crate::sanitize::line(&url),
            };
            job.waiting = None;
        }
        Event::Image { url, done, planned } => {
            job.step = UpdateStep::Image {
                done,
                planned,
                url: crate::sanitize::line(&url),
            };
            job.waiting = None;
        }
        Event::Waiting { host, wait } => {
            job.waiting = Some((crate::sanitize::line(&host), wait, Instant::now()));
        }
        Event::Stored { key, outcome } => {
            job.waiting = None;
            if outcome == ImportOutcome::New && new.insert(key) {
                job.new += 1;
            }
            return outcome != ImportOutcome::Unchanged;
        }
        Event::FeedDone(_) | Event::PageDone { .. } => job.waiting = None,
    }
    false
}

/// What the status line says on start when the newest issue with text is
/// behind the newest known one (titles, 近期回顾 lines and title-only
/// copies name newer issues than any text brought), with the keys that
/// update (`R`) and fetch (`F`), empty when unbound; None when it is not
/// behind.
pub fn behind_notice(issues: &[IssueSummary], update: &str, fetch: &str) -> Option<Notice> {
    let b = feed::Behind::of(issues)?;
    let with_text = b.newest_with_text.map(|k| k.to_string());
    let newest = b.newest_known.to_string();
    let (update, fetch) = (update.to_string(), fetch.to_string());
    let forms = [
        FeedTui::Behind {
            with_text: with_text.clone(),
            behind: b.behind,
            newest: newest.clone(),
            update: update.clone(),
            fetch: fetch.clone(),
        },
        FeedTui::BehindMedium {
            with_text: with_text.clone(),
            behind: b.behind,
            newest,
            update: update.clone(),
            fetch: fetch.clone(),
        },
        FeedTui::BehindShort {
            with_text,
            behind: b.behind,
            update,
            fetch,
        },
    ];
    Some(Notice {
        forms: forms.into_iter().map(Msg::from).collect(),
        error: false,
    })
}

/// The status line at the end: the new issues, then what failed.
fn summary(report: &UpdateReport) -> Notice {
    let failed: Vec<_> = report.feeds.iter().filter(|f| f.failed()).collect();
    let first_failed = failed.first().and_then(|f| match &f.outcome {
        FeedOutcome::Failed(e) => Some((f.feed.label(), Box::new(e.message()))),
        _ => None,
    });
    let items_failed = report.feeds.iter().map(|f| f.unreadable.len()).sum();
    let pages = &report.pages;
    let pages_failed = pages
        .failed
        .iter()
        .filter(|(_, e)| *e != FetchError::Cancelled)
        .count()
        + pages.stopped.as_ref().map_or(0, |s| s.not_stored);
    let done = |first_failed| FeedTui::Done {
        cancelled: report.cancelled,
        new: report.new.len(),
        keys: feed::keys_text(&report.new),
        failed: failed.len(),
        first_failed,
        items_failed,
        pages_failed,
    };
    let mut forms: Vec<Msg> = Vec::with_capacity(3);
    // The failed feed's name and reason, where there is room for them.
    if first_failed.is_some() {
        forms.push(done(first_failed).into());
    }
    forms.push(done(None).into());
    forms.push(
        FeedTui::DoneShort {
            cancelled: report.cancelled,
            new: report.new.len(),
            failed: failed.len() + items_failed + pages_failed,
        }
        .into(),
    );
    Notice {
        forms,
        error: report.failed_any(),
    }
}

#[cfg(test)]
mod tests;
