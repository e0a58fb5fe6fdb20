//! `zhoubao fetch [--follow N]`: the named pages, then breadth-first the
//! 近期回顾 targets the cache does not hold in full, up to N more pages.
//!
//! An issue the cache holds in full is never fetched again (unless
//! `refresh`), but its stored 近期回顾 lines are followed like a fetched
//! page's, at no cost to the network: so a walk that was interrupted, run
//! again, passes over what it stored and goes on where it stopped.

use std::collections::{HashSet, VecDeque};

use super::{fetch_page, web_url, Cancel, Client, FetchError, PageResult, Step};
use crate::i18n::Msg;
use crate::model::IssueKey;
use crate::store::{ImportOutcome, Store};

/// How far to go.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Walk {
    /// Pages to fetch beyond the named ones, from their 近期回顾 lines.
    pub follow: usize,
    /// Fetch issues the cache already holds in full too.
    pub refresh: bool,
}

/// What the walk reports as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    Step(Step<'a>),
    /// A page is about to be fetched: the `done`-th of about `planned`.
    Page {
        url: &'a str,
        done: usize,
        planned: usize,
    },
    Finished {
        url: &'a str,
        result: &'a PageResult,
    },
}

/// The end-of-fetch report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FetchSummary {
    pub new: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Pages of issues a better copy already shows.
    pub lower: usize,
    pub stubs: usize,
    pub skipped: Vec<(String, crate::parse::Skip)>,
    pub failed: Vec<(String, FetchError)>,
    /// Named pages not fetched because the cache holds their issue.
    pub already_cached: Vec<IssueKey>,
    /// Targets not cached that `follow` left for another run.
    pub left: usize,
    /// The page where WeChat asked for verification, which ended the walk.
    pub wall: Option<String>,
    /// Pages that would have been fetched after the wall.
    pub not_tried: usize,
    /// The cache turned out locked or damaged: why, what to do, and the
    /// pages not stored (the one that met it and those not tried).
    pub stopped: Option<CacheStop>,
}

/// A walk that gave up because no page could be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheStop {
    pub reason: Msg,
    pub hint: Msg,
    pub not_stored: usize,
}

impl FetchSummary {
    /// Pages requested.
    /// Whether `zhoubao fetch` exits 1: a page failed or the walk stopped.
    pub fn failed_any(&self) -> bool {
        !self.failed.is_empty() || self.stopped.is_some()
    }

    pub fn pages(&self) -> usize {
        self.new
            + self.updated
            + self.unchanged
            + self.lower
            + self.stubs
            + self.skipped.len()
            + self.failed.len()
    }

    pub(super) fn record(&mut self, url: &str, result: &PageResult) {
        match result {
            PageResult::Stored { outcome, .. } => match outcome {
                ImportOutcome::New => self.new += 1,
                ImportOutcome::Updated => self.updated += 1,
                ImportOutcome::Unchanged => self.unchanged += 1,
                ImportOutcome::LowerCopy => self.lower += 1,
                ImportOutcome::StubMerged => self.stubs += 1,
            },
            PageResult::Skipped(why) => self.skipped.push((url.to_string(), why.clone())),
            PageResult::Failed(e) => self.failed.push((url.to_string(), e.clone())),
        }
    }
}

/// A page to visit: a named URL, or a 近期回顾 line (key, link or both).
struct Node {
    url: Option<String>,
    key: Option<IssueKey>,
    named: bool,
}

/// Fetches `urls`, then follows their 近期回顾 lines as `walk` says. Every
/// page is its own transaction; a failure is recorded and the walk goes
/// on, except WeChat's verification wall, which ends it at once.
pub fn run(
    store: &mut Store,
    client: &mut Client,
    urls: &[String],
    walk: Walk,
    cancel: &Cancel,
    on_event: &mut dyn FnMut(Event<'_>),
) -> FetchSummary {
    let starts: Vec<Start> = urls
        .iter()
        .map(|url| Start {
            url: Some(url.clone()),
            key: None,
        })
        .collect();
    run_from(store, client, &starts, walk, cancel, on_event)
}

/// Where a walk starts: a page, an issue, or both when the caller knows
/// which issue a link is (a feed item's title names it, where a short
/// `/s/<token>` link names none the cache can look up).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Start {
    pub url: Option<String>,
    pub key: Option<IssueKey>,
}

/// [`run`] from pages or issues: one the cache holds in full is not
/// fetched, but its stored 近期回顾 lines are followed as `walk` says.
pub fn run_from(
    store: &mut Store,
    client: &mut Client,
    starts: &[Start],
    walk: Walk,
    cancel: &Cancel,
    on_event: &mut dyn FnMut(Event<'_>),
) -> FetchSummary {
    let mut summary = FetchSummary::default();
    let mut queue: VecDeque<Node> = VecDeque::new();
    let mut seen_urls = HashSet::new();
    let mut seen_keys = HashSet::new();
    for start in starts {
        let new_url = start
            .url
            .as_deref()
            .is_none_or(|url| seen_urls.insert(identity(url)));
        let new_key = start.key.is_none_or(|k| seen_keys.insert(k));
        if new_url && new_key && (start.url.is_some() || start.key.is_some()) {
            queue.push_back(Node {
                url: start.url.clone(),
                key: start.key,
                named: true,
            });
        }
    }
    let mut budget = walk.follow;
    let mut done = 0;
    while let Some(node) = queue.pop_front() {
        if cancel.is_cancelled() {
            break;
        }
        let key = node.key.or_else(|| {
            node.url
                .as_deref()
                .and_then(|u| store.key_for_url(u).ok().flatten())
        });
        if let Some(k) = key {
            seen_keys.insert(k);
        }
        let held = key.is_some_and(|k| store.is_cached(k).unwrap_or(false));
        if held && !walk.refresh {
            if node.named {
                summary.already_cached.extend(key);
            }
            if walk.follow > 0 {
                let refs = key
                    .and_then(|k| store.detail(k).ok().flatten())
                    .map(|d| d.recent)
                    .unwrap_or_default();
                let lines = refs.into_iter().map(|r| (r.key, r.url));
                enqueue(store, &mut queue, &mut seen_urls, &mut seen_keys, lines);
            }
            continue;
        }
        let Some(url) = node.url else {
            // A 近期回顾 line without a link: nothing to ask for.
            continue;
        };
        if !node.named {
            if budget == 0 {
                summary.left += 1;
                continue;
            }
            budget -= 1;
        }
        done += 1;
        let pending_named = queue.iter().filter(|n| n.named).count();
        let planned = done + pending_named + budget.min(queue.len() - pending_named);
        on_event(Event::Page {
            url: &url,
            done,
            planned,
        });
        let (result, refs) = fetch_page(client, store, &url, cancel, &mut |step| {
            on_event(Event::Step(step))
        });
        on_event(Event::Finished {
            url: &url,
            result: &result,
        });
        if result == PageResult::Failed(FetchError::Cancelled) {
            break;
        }
        if let PageResult::Failed(FetchError::CacheStopped { reason, hint }) = result {
            summary.stopped = Some(CacheStop {
                reason: *reason,
                hint: *hint,
                not_stored: 1 + not_tried(&queue, budget),
            });
            break;
        }
        summary.record(&url, &result);
        if result == PageResult::Failed(FetchError::Wall) {
            summary.wall = Some(url);
            summary.not_tried = not_tried(&queue, budget);
            break;
        }
        if let PageResult::Stored { key, .. } = result {
            seen_keys.insert(key);
        }
        if walk.follow > 0 {
            let lines = refs.into_iter().map(|r| (r.key, r.url));
            enqueue(store, &mut queue, &mut seen_urls, &mut seen_keys, lines);
        }
    }
    summary
}

/// The pages a walk ending now leaves: the named ones and as many links
/// as the budget would have taken.
fn not_tried(queue: &VecDeque<Node>, budget: usize) -> usize {
    let named = queue.iter().filter(|n| n.named).count();
    let linked = queue.iter().filter(|n| !n.named && n.url.is_some()).count();
    named + linked.min(budget)
}

/// Adds the 近期回顾 lines not seen yet; a line names its issue by key
/// first, by its link's article identity second.
fn enqueue(
    store: &Store,
    queue: &mut VecDeque<Node>,
    seen_urls: &mut HashSet<String>,
    seen_keys: &mut HashSet<IssueKey>,
    lines: impl Iterator<Item = (Option<IssueKey>, Option<String>)>,
) {
    for (key, url) in lines {
        let key = key.or_else(|| {
            url.as_deref()
                .and_then(|u| store.key_for_url(u).ok().flatten())
        });
        if key.is_some_and(|k| !seen_keys.insert(k)) {
            continue;
        }
        if let Some(u) = &url {
            if !seen_urls.insert(identity(u)) {
                continue;
            }
        }
        if key.is_none() && url.is_none() {
            continue;
        }
        queue.push_back(Node {
            url,
            key,
            named: false,
        });
    }
}

/// One spelling per address: the fragment (never sent) left out.
fn identity(url: &str) -> String {
    web_url(url).map_or_else(|_| url.trim().to_string(), |u| u.to_string())
}
