//! `zhoubao update` (and the TUI's `R`): each feed in turn, asked
//! conditionally; its bulletin items stored in one transaction with its
//! new validators; then the pages of title-only items, and `--follow`'s
//! 近期回顾 walk, through fetch's walk; then, when asked, the pictures of
//! the issues it brought, with the same client. A feed that fails is
//! recorded and the others go on; a picture that fails is kept with its
//! reason and fails nothing.

use std::time::Duration;

use chrono::Utc;

use super::page::item_page;
use super::read::entries;
use super::FeedError;
use crate::fetch::{
    self, Cancel, Client, Conditional, FetchError, FetchSummary, PageResult, Start, Step,
    Validators, Walk,
};
use crate::i18n::{Lang, Localized, Msg};
use crate::images::{self, ImageEvent, ImageFetch, ImagesSummary};
use crate::model::{ImportOutcome, IssueKey, ParseError, Skip};
use crate::store::{FeedItem, FeedRead, FeedResult, SourceFile, Store};

/// A feed to read: from the config's `[[feed]]`, or named once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subscription {
    pub name: Option<String>,
    pub url: String,
}

impl Subscription {
    pub fn new(url: impl Into<String>) -> Subscription {
        Subscription {
            name: None,
            url: url.into(),
        }
    }

    /// How messages name it: `name (url)`, or the URL alone; one
    /// sanitized line.
    pub fn label(&self) -> String {
        let url = crate::sanitize::line(&self.url);
        match self.name.as_deref().map(crate::sanitize::line) {
            Some(name) if !name.is_empty() => format!("{name} ({url})"),
            _ => url,
        }
    }
}

/// How far an update goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UpdateOptions {
    /// Fetch the page of an item that carries only a title and a link.
    pub pages: bool,
    /// Then walk up to N more pages back through 近期回顾.
    pub follow: usize,
    /// The language a feed's failure is recorded in for `zhoubao feeds`.
    pub lang: Lang,
    /// Download the pictures of the issues brought in full for the first
    /// time (the config's `[fetch] images`; off unless asked).
    pub images: bool,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        UpdateOptions {
            pages: true,
            follow: 0,
            lang: Lang::default(),
            images: false,
        }
    }
}

/// What an update reports as it goes, owned so it can cross a channel.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// Reading the `index`-th feed (from 1) of `of`.
    Feed {
        index: usize,
        of: usize,
        feed: String,
    },
    /// Waiting this long before asking `host` again (politeness).
    Waiting {
        host: String,
        wait: Duration,
    },
    /// A feed is done; its report.
    FeedDone(Box<FeedReport>),
    /// The cache now holds this issue's copy (the list can grow).
    Stored {
        key: IssueKey,
        outcome: ImportOutcome,
    },
    /// A page is about to be fetched: the `done`-th of about `planned`.
    Page {
        url: String,
        done: usize,
        planned: usize,
    },
    PageDone {
        url: String,
        result: PageResult,
    },
    /// A picture of a new issue is about to be downloaded: the `done`-th
    /// of `planned`.
    Image {
        url: String,
        done: usize,
        planned: usize,
    },
}

/// How reading one feed ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOutcome {
    /// Read, and its bulletins stored.
    Read,
    /// The server said it has not changed since the last read.
    NotModified,
    Failed(FeedError),
}

/// One feed's part of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedReport {
    pub feed: Subscription,
    pub outcome: FeedOutcome,
    /// Items the feed held.
    pub items: usize,
    /// Each bulletin item's issue and what storing it did, in feed order.
    pub stored: Vec<(IssueKey, ImportOutcome)>,
    /// Items that are not bulletins (the account's other articles), by
    /// title, and why: counted, shown only with `--verbose`.
    pub skipped: Vec<(String, Skip)>,
    /// Bulletin items that could not be read, by title, and why.
    pub unreadable: Vec<(String, Msg)>,
}

impl FeedReport {
    fn new(feed: &Subscription, outcome: FeedOutcome) -> FeedReport {
        FeedReport {
            feed: feed.clone(),
            outcome,
            items: 0,
            stored: Vec::new(),
            skipped: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    pub fn failed(&self) -> bool {
        matches!(self.outcome, FeedOutcome::Failed(_))
    }

    /// Issues this feed brought in full for the first time.
    pub fn new_issues(&self) -> impl Iterator<Item = IssueKey> + '_ {
        self.stored
            .iter()
            .filter(|(_, o)| *o == ImportOutcome::New)
            .map(|(k, _)| *k)
    }
}

/// The end-of-update report.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UpdateReport {
    pub feeds: Vec<FeedReport>,
    /// The pages of title-only items and `--follow`'s walk.
    pub pages: FetchSummary,
    /// Issues the cache holds in full for the first time, oldest first.
    pub new: Vec<IssueKey>,
    /// Their pictures, when asked for ([`ImagesSummary::render`] says
    /// what came of them; [`UpdateReport::render`] does not).
    pub images: ImagesSummary,
    /// Esc (or a signal) ended it early.
    pub cancelled: bool,
}

impl UpdateReport {
    /// Whether `zhoubao update` exits 1: a feed, an item or a page failed.
    pub fn failed_any(&self) -> bool {
        self.feeds
            .iter()
            .any(|f| f.failed() || !f.unreadable.is_empty())
            || self.pages.failed_any()
    }
}

/// Reads `feeds` one at a time into `store`, then fetches what they
/// named by title and link only (unless `options.pages` is off) and walks
/// `options.follow` pages back from the new bulletins. Every feed is its
/// own transaction and every page its own, so what is reported stored is
/// stored, and a failure leaves nothing of its feed behind.
pub fn update(
    store: &mut Store,
    client: &mut Client,
    feeds: &[Subscription],
    options: UpdateOptions,
    cancel: &Cancel,
    on_event: &mut dyn FnMut(&Event),
) -> UpdateReport {
    let mut report = UpdateReport::default();
    for (i, feed) in feeds.iter().enumerate() {
        if cancel.is_cancelled() {
            break;
        }
        on_event(&Event::Feed {
            index: i + 1,
            of: feeds.len(),
            feed: feed.label(),
        });
        let done = read_feed(store, client, feed, options.lang, cancel, on_event);
        if done.outcome == FeedOutcome::Failed(FeedError::Fetch(FetchError::Cancelled)) {
            break;
        }
        on_event(&Event::FeedDone(Box::new(done.clone())));
        report.feeds.push(done);
    }
    let mut new: Vec<IssueKey> = report.feeds.iter().flat_map(|f| f.new_issues()).collect();
    let mut starts = Vec::new();
    if options.pages {
        for f in report.feeds.iter().filter(|f| !f.failed()) {
            // Errors reading the list only leave pages for the next run.
            for (key, link) in store.pending_pages(&f.feed.url).unwrap_or_default() {
                starts.push(Start {
                    url: Some(link),
                    key: Some(key),
                });
            }
        }
    }
    if options.follow > 0 {
        starts.extend(new.iter().map(|&key| Start {
            url: None,
            key: Some(key),
        }));
    }
    if !starts.is_empty() && !cancel.is_cancelled() {
        let walk = Walk {
            follow: options.follow,
            refresh: false,
        };
        report.pages = fetch::run_from(store, client, &starts, walk, cancel, &mut |e| {
            on_walk_event(e, &mut new, on_event)
        });
    }
    new.sort_unstable();
    new.dedup();
    if options.images && !new.is_empty() && !cancel.is_cancelled() {
        report.images = images::fetch_missing(
            store,
            client,
            &new,
            ImageFetch::default(),
            cancel,
            &mut |e| on_image_event(e, on_event),
        );
    }
    report.cancelled = cancel.is_cancelled();
    report.new = new;
    report
}

fn on_image_event(e: ImageEvent<'_>, on_event: &mut dyn FnMut(&Event)) {
    match e {
        ImageEvent::Image { url, done, planned } => on_event(&Event::Image {
            url: url.to_string(),
            done,
            planned,
        }),
        ImageEvent::Step(Step::Waiting { host, wait }) => on_event(&Event::Waiting {
            host: host.to_string(),
            wait,
        }),
        ImageEvent::Step(Step::Requesting { .. }) | ImageEvent::Finished { .. } => {}
    }
}

fn on_walk_event(e: fetch::Event<'_>, new: &mut Vec<IssueKey>, on_event: &mut dyn FnMut(&Event)) {
    match e {
        fetch::Event::Step(Step::Waiting { host, wait }) => on_event(&Event::Waiting {
            host: host.to_string(),
            wait,
        }),
        fetch::Event::Step(Step::Requesting { .. }) => {}
        fetch::Event::Page { url, done, planned } => on_event(&Event::Page {
            url: url.to_string(),
            done,
            planned,
        }),
        fetch::Event::Finished { url, result } => {
            if let PageResult::Stored { key, outcome } = result {
                if *outcome == ImportOutcome::New {
                    new.push(*key);
                }
                on_event(&Event::Stored {
                    key: *key,
                    outcome: *outcome,
                });
            }
            on_event(&Event::PageDone {
                url: url.to_string(),
                result: result.clone(),
            });
        }
    }
}

/// One feed: GET it conditionally, read its items, store the bulletins
/// with its new validators; or record why not.
fn read_feed(
    store: &mut Store,
    client: &mut Client,
    feed: &Subscription,
    lang: Lang,
    cancel: &Cancel,
    on_event: &mut dyn FnMut(&Event),
) -> FeedReport {
    let at = Utc::now();
    let known = match store.feed_state(&feed.url) {
        Ok(Some(state)) => Validators {
            etag: state.etag,
            last_modified: state.last_modified,
        },
        Ok(None) => Validators::default(),
        Err(e) => {
            return failed(
                store,
                feed,
                lang,
                FeedError::Store {
                    why: Box::new(e.message()),
                },
            )
        }
    };
    let answer = client.get_conditional(&feed.url, &known, cancel, &mut |step| {
        if let Step::Waiting { host, wait } = step {
            on_event(&Event::Waiting {
                host: host.to_string(),
                wait,
            });
        }
    });
    let (page, validators) = match answer {
        Err(FetchError::Cancelled) => {
            return FeedReport::new(feed, FeedOutcome::Failed(FetchError::Cancelled.into()))
        }
        Err(e) => return failed(store, feed, lang, e.into()),
        Ok(Conditional::NotModified) => {
            // Nothing stored: only when it was asked, for `zhoubao feeds`.
            let _ = store.record_feed_check(&feed.url, at, &FeedResult::NotModified);
            return FeedReport::new(feed, FeedOutcome::NotModified);
        }
        Ok(Conditional::Changed { page, validators }) => (page, validators),
    };
    let list = match entries(&page.body, &page.url) {
        Ok(list) => list,
        Err(e) => return failed(store, feed, lang, e),
    };
    drop(page);
    let mut report = FeedReport::new(feed, FeedOutcome::Read);
    report.items = list.len();
    let mut items = Vec::new();
    for entry in list {
        let title = entry
            .title
            .as_deref()
            .map(crate::sanitize::line)
            .unwrap_or_default();
        let raw = item_page(&entry, &feed.url).into_bytes();
        match crate::import::parse_caught(&raw) {
            Ok(Ok(bulletin)) => {
                let label = entry.link.clone().unwrap_or_else(|| feed.url.clone());
                items.push(FeedItem {
                    link: entry.link,
                    file: SourceFile::new(label, raw, bulletin),
                });
            }
            Ok(Err(ParseError::NotBulletin(why))) => report.skipped.push((title, why)),
            Ok(Err(e)) => report.unreadable.push((title, e.message())),
            Err(crash) => report.unreadable.push((title, crash)),
        }
    }
    if cancel.is_cancelled() {
        report.outcome = FeedOutcome::Failed(FetchError::Cancelled.into());
        return report;
    }
    let read = FeedRead {
        etag: validators.etag,
        last_modified: validators.last_modified,
        items: report.items,
    };
    match store.store_feed(&feed.url, at, &read, &items) {
        Ok(outcomes) => {
            for (item, outcome) in items.iter().zip(outcomes) {
                report.stored.push((item.key(), outcome));
                on_event(&Event::Stored {
                    key: item.key(),
                    outcome,
                });
            }
            report
        }
        Err(e) => {
            let error = FeedError::Store {
                why: Box::new(e.message()),
            };
            let _ = store.record_feed_check(
                &feed.url,
                at,
                &FeedResult::Failed(error.message().text(lang).into_owned()),
            );
            FeedReport {
                outcome: FeedOutcome::Failed(error),
                stored: Vec::new(),
                ..report
            }
        }
    }
}

/// Records the failure (for `zhoubao feeds`) and reports it.
fn failed(store: &Store, feed: &Subscription, lang: Lang, error: FeedError) -> FeedReport {
    let why = error.message().text(lang).into_owned();
    // A cache that cannot take the record is said by the failure itself
    // or by the next store.
    let _ = store.record_feed_check(&feed.url, Utc::now(), &FeedResult::Failed(why));
    FeedReport::new(feed, FeedOutcome::Failed(error))
}
