//! What `zhoubao update` and `zhoubao feeds` print, in the user's
//! language: a progress line on a terminal, a line per item with
//! `--verbose`, one line per failure, the counts and the new issues; and
//! the list of configured feeds with what the cache knows of each.

use chrono::Local;
use unicode_width::UnicodeWidthStr;

use super::update::{update, Event, FeedOutcome, FeedReport, Subscription, UpdateOptions};
use super::UpdateReport;
use crate::fetch::{show_wait, spinner, Cancel, Client};
use crate::i18n::{Cache, FeedMsg, Fetch, Images, Lang, Localized, Msg, Verdict};
use crate::model::{ImportOutcome, IssueKey};
use crate::store::{FeedResult, FeedState, Store};

/// [`update`] with a progress line on stderr when `progress` is set and
/// stderr is a terminal; `on_event` hears everything as it happens.
pub fn update_with_progress(
    store: &mut Store,
    client: &mut Client,
    feeds: &[Subscription],
    options: UpdateOptions,
    progress: bool,
    mut on_event: impl FnMut(&Event),
) -> UpdateReport {
    let lang = options.lang;
    let bar = spinner(progress);
    let report = update(
        store,
        client,
        feeds,
        options,
        &Cancel::new(),
        &mut |event| {
            match event {
                Event::Feed { index, of, feed } => {
                    bar.set_prefix(format!("{index}/{of}"));
                    bar.set_message(
                        FeedMsg::Reading { feed: feed.clone() }
                            .text(lang)
                            .into_owned(),
                    );
                }
                Event::Page { url, done, planned } => {
                    bar.set_prefix(format!("{done}/{planned}"));
                    let url = crate::sanitize::line(url);
                    bar.set_message(Fetch::Progress { url }.text(lang).into_owned());
                }
                Event::Image { url, done, planned } => {
                    bar.set_prefix(format!("{done}/{planned}"));
                    let url = crate::sanitize::line(url);
                    bar.set_message(Images::Progress { url }.text(lang).into_owned());
                }
                Event::Waiting { host, wait } => show_wait(&bar, host, *wait, lang),
                _ => {}
            }
            on_event(event);
        },
    );
    bar.finish_and_clear();
    report
}

/// `--verbose`'s lines for an event, tab-separated for scripts: what
/// happened to each item (import's word), its issue and where it came
/// from; fetch's line for each page.
pub fn verbose_lines(event: &Event, lang: Lang) -> Vec<String> {
    let word = |v: Verdict| Msg::Cache(Cache::Verdict(v)).text(lang).into_owned();
    match event {
        Event::FeedDone(report) => {
            let from = crate::sanitize::line(&report.feed.url);
            let mut lines: Vec<String> = report
                .stored
                .iter()
                .map(|(key, outcome)| format!("{}\t{key}\t{from}", word(verdict(*outcome))))
                .collect();
            lines.extend(
                report
                    .skipped
                    .iter()
                    .map(|(title, _)| format!("{}\t-\t{from}\t{title}", word(Verdict::Skipped))),
            );
            lines.extend(
                report
                    .unreadable
                    .iter()
                    .map(|(title, _)| format!("{}\t-\t{from}\t{title}", word(Verdict::Failed))),
            );
            lines
        }
        Event::PageDone { url, result } => vec![crate::fetch::verbose_line(url, result, lang)],
        _ => Vec::new(),
    }
}

fn verdict(outcome: ImportOutcome) -> Verdict {
    match outcome {
        ImportOutcome::New => Verdict::New,
        ImportOutcome::Updated => Verdict::Updated,
        ImportOutcome::Unchanged => Verdict::Unchanged,
        ImportOutcome::LowerCopy => Verdict::LowerCopy,
        ImportOutcome::StubMerged => Verdict::Stub,
    }
}

/// At most this many keys are named in the summary; more are elided.
const KEYS_SHOWN: usize = 8;

/// `2024-17, 2024-18 … 2025-7`: the first keys and the last one.
pub fn keys_text(keys: &[IssueKey]) -> String {
    let names: Vec<String> = keys.iter().map(IssueKey::to_string).collect();
    if names.len() <= KEYS_SHOWN {
        return names.join(", ");
    }
    format!(
        "{} … {}",
        names[..KEYS_SHOWN - 1].join(", "),
        names[names.len() - 1]
    )
}

impl UpdateReport {
    /// The report's lines: each failed feed, item and page in one line
    /// naming it and the cause, the advice when WeChat asked for
    /// verification, what `--follow` left, the counts, the new issues.
    pub fn render(&self, lang: Lang) -> String {
        let mut lines: Vec<Msg> = Vec::new();
        for f in &self.feeds {
            let feed = f.feed.label();
            if let FeedOutcome::Failed(e) = &f.outcome {
                lines.push(
                    FeedMsg::FeedFailed {
                        feed: feed.clone(),
                        why: Box::new(e.message()),
                    }
                    .into(),
                );
            }
            for (title, why) in &f.unreadable {
                lines.push(
                    FeedMsg::ItemFailed {
                        feed: feed.clone(),
                        title: title.clone(),
                        why: Box::new(why.clone()),
                    }
                    .into(),
                );
            }
        }
        let url = |u: &str| crate::sanitize::line(u);
        let pages = &self.pages;
        lines.extend(pages.skipped.iter().map(|(u, why)| {
            Msg::Fetch(Fetch::SkippedLine {
                url: url(u),
                why: Box::new(why.message()),
            })
        }));
        lines.extend(pages.failed.iter().map(|(u, e)| {
            Msg::Fetch(Fetch::FailedLine {
                url: url(u),
                why: Box::new(e.message()),
            })
        }));
        if let Some(u) = &pages.wall {
            lines.push(Msg::Fetch(Fetch::WallAdvice {
                url: url(u),
                not_tried: pages.not_tried,
            }));
        }
        if pages.left > 0 {
            lines.push(Msg::Fetch(Fetch::MoreLeft { left: pages.left }));
        }
        if let Some(s) = &pages.stopped {
            lines.push(Msg::Fetch(Fetch::WalkStopped {
                reason: Box::new(s.reason.clone()),
                not_stored: s.not_stored,
                hint: Box::new(s.hint.clone()),
            }));
        }
        let count = |f: fn(&FeedReport) -> bool| self.feeds.iter().filter(|r| f(r)).count();
        lines.push(
            FeedMsg::Summary {
                feeds: self.feeds.len(),
                read: count(|f| f.outcome == FeedOutcome::Read),
                not_modified: count(|f| f.outcome == FeedOutcome::NotModified),
                failed: count(FeedReport::failed),
                items: self.feeds.iter().map(|f| f.items).sum(),
                bulletins: self.feeds.iter().map(|f| f.stored.len()).sum(),
                others: self.feeds.iter().map(|f| f.skipped.len()).sum(),
                pages: pages.pages(),
            }
            .into(),
        );
        if self.cancelled {
            lines.push(FeedMsg::Cancelled.into());
        }
        lines.push(
            FeedMsg::New {
                count: self.new.len(),
                keys: keys_text(&self.new),
            }
            .into(),
        );
        lines
            .iter()
            .map(|m| m.text(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// `zhoubao feeds`: each configured feed on a line (name, last update,
/// result, items, bulletins, address), a failure's reason indented below
/// it. `states` holds what the cache knows, in the same order.
pub fn feeds_text(feeds: &[(Subscription, Option<FeedState>)], lang: Lang) -> String {
    let head = |m: FeedMsg| m.text(lang).into_owned();
    let rows: Vec<[String; 6]> = feeds
        .iter()
        .map(|(feed, state)| {
            let name = feed
                .name
                .as_deref()
                .map(crate::sanitize::line)
                .unwrap_or_else(|| "-".into());
            let when = state
                .as_ref()
                .and_then(|s| s.checked_at)
                .map(|t| t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_else(|| head(FeedMsg::Never));
            let result = match state.as_ref().and_then(|s| s.result.as_ref()) {
                None => "-".to_string(),
                Some(FeedResult::Ok) => head(FeedMsg::ResultOk),
                Some(FeedResult::NotModified) => head(FeedMsg::ResultNotModified),
                Some(FeedResult::Failed(_)) => head(FeedMsg::ResultFailed),
            };
            let (items, bulletins) = state.as_ref().map_or((0, 0), |s| (s.items, s.bulletins));
            [
                name,
                when,
                result,
                items.to_string(),
                bulletins.to_string(),
                crate::sanitize::line(&feed.url),
            ]
        })
        .collect();
    let titles = [
        head(FeedMsg::ColName),
        head(FeedMsg::ColUpdated),
        head(FeedMsg::ColResult),
        head(FeedMsg::ColItems),
        head(FeedMsg::ColBulletins),
        head(FeedMsg::ColUrl),
    ];
    let mut widths = titles.clone().map(|t| t.width());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let line = |cells: &[String; 6]| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w.saturating_sub(cell.width()));
            match i {
                // Counts right-aligned, the address last and unpadded.
                3 | 4 => out.push_str(&format!("{pad}{cell}  ")),
                5 => out.push_str(cell),
                _ => out.push_str(&format!("{cell}{pad}  ")),
            }
        }
        out.trim_end().to_string()
    };
    let mut out = line(&titles);
    out.push('\n');
    for ((_, state), row) in feeds.iter().zip(&rows) {
        out.push_str(&line(row));
        out.push('\n');
        if let Some(FeedResult::Failed(why)) = state.as_ref().and_then(|s| s.result.as_ref()) {
            out.push_str(&format!("    {}\n", crate::sanitize::line(why)));
        }
    }
    out
}

/// `zhoubao feeds --json`: one object per feed.
pub fn feeds_json(feeds: &[(Subscription, Option<FeedState>)]) -> String {
    let list: Vec<serde_json::Value> = feeds
        .iter()
        .map(|(feed, state)| {
            let result = state.as_ref().and_then(|s| s.result.as_ref());
            serde_json::json!({
                "name": feed.name.as_deref().map(crate::sanitize::line),
                "url": crate::sanitize::line(&feed.url),
                "last_update": state.as_ref().and_then(|s| s.checked_at).map(|t| t.to_rfc3339()),
                "result": result.map(|r| match r {
                    FeedResult::Ok => "ok",
                    FeedResult::NotModified => "not-modified",
                    FeedResult::Failed(_) => "failed",
                }),
                "error": match result {
                    Some(FeedResult::Failed(why)) => Some(crate::sanitize::line(why)),
                    _ => None,
                },
                "items": state.as_ref().map_or(0, |s| s.items),
                "bulletins": state.as_ref().map_or(0, |s| s.bulletins),
            })
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&list).unwrap_or_else(|_| "[]".into());
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::FeedError;
    use crate::fetch::FetchError;

    fn feed(name: Option<&str>, url: &str) -> Subscription {
        Subscription {
            name: name.map(str::to_string),
            url: url.to_string(),
        }
    }

    #[test]
    fn each_failed_feed_is_one_line_naming_it_then_the_counts_and_the_new_issues() {
        let mut ok = FeedReport {
            feed: feed(Some("CNCERT"), "http://127.0.0.1:9/a.xml"),
            outcome: FeedOutcome::Read,
            items: 20,
            stored: vec![(IssueKey::new(2025, 3), ImportOutcome::New)],
            skipped: Vec::new(),
            unreadable: Vec::new(),
        };
        ok.skipped = (0..19)
            .map(|i| (format!("另一篇{i}"), crate::model::Skip::NoTitle))
            .collect();
        let bad = FeedReport {
            feed: feed(None, "http://127.0.0.1:9/\x1b[31mgone"),
            outcome: FeedOutcome::Failed(FeedError::Fetch(FetchError::Status {
                code: 404,
                reason: "Not Found".into(),
            })),
            items: 0,
            stored: Vec::new(),
            skipped: Vec::new(),
            unreadable: Vec::new(),
        };
        let report = UpdateReport {
            feeds: vec![ok, bad],
            new: vec![IssueKey::new(2025, 3)],
            ..UpdateReport::default()
        };
        assert!(report.failed_any());
        let text = report.render(Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "failed  http://127.0.0.1:9/gone: HTTP status 404 Not Found",
                "2 feeds: 0 not modified, 1 failed; 20 items: 1 bulletin, 19 other articles",
                "1 new: 2025-3",
            ]
        );
        let zh = report.render(Lang::Zh);
        assert!(zh.contains("新增 1 期：2025-3"), "{zh}");
    }

    #[test]
    fn many_new_keys_are_elided_in_the_middle() {
        let keys: Vec<IssueKey> = (1..=12).map(|n| IssueKey::new(2025, n)).collect();
        assert_eq!(
            keys_text(&keys),
            "2025-1, 2025-2, 2025-3, 2025-4, 2025-5, 2025-6, 2025-7 … 2025-12"
        );
        assert_eq!(keys_text(&keys[..2]), "2025-1, 2025-2");
    }

    #[test]
    fn the_feed_list_aligns_chinese_names_and_puts_a_failure_below_its_row() {
        let state = FeedState {
            url: "http://127.0.0.1:9/b".into(),
            etag: None,
            last_modified: None,
            checked_at: None,
            result: Some(FeedResult::Failed("HTTP status 500".into())),
            items: 0,
            bulletins: 0,
        };
        let text = feeds_text(
            &[
                (feed(Some("应急中心"), "http://127.0.0.1:9/a"), None),
                (feed(None, "http://127.0.0.1:9/b"), Some(state)),
            ],
            Lang::En,
        );
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 4, "{text}");
        assert!(lines[0].starts_with("name "), "{text}");
        assert!(lines[1].starts_with("应急中心  never"), "{text}");
        assert!(lines[2].starts_with("-         never"), "{text}");
        assert!(lines[2].contains("failed"), "{text}");
        assert_eq!(lines[3], "    HTTP status 500");
        let url_at = |l: &str| l.find("http").map(|i| l[..i].width());
        assert_eq!(url_at(lines[1]), url_at(lines[2]), "{text}");
    }
}
