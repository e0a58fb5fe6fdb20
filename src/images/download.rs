//! Downloading the pictures of issues into the cache: with the fetch
//! client (its pacing, proxies and time limit), no Referer, at most
//! [`MAX_IMAGE_BYTES`] a file, checked by inspect.rs before it is kept.
//! A failure is kept with its reason and not asked again unless the
//! caller says so ([`ImageFetch::retry_failed`]): `zhoubao images KEY
//! --fetch` does, `fetch` and `update` do not.

use std::collections::HashSet;

use super::error::{ImageError, Reason};
use super::identity::image_identity;
use super::inspect::{inspect, Inspected};
use crate::fetch::{show_wait, spinner, Cancel, Client, FetchError, Step};
use crate::i18n::{Fetch, Images, Lang, Localized, Msg};
use crate::model::IssueKey;
use crate::store::{ImageRowState, NewImage, Store};

/// The most bytes of one picture read: a chart is a few hundred KB.
pub const MAX_IMAGE_BYTES: usize = 10 * 1024 * 1024;

/// Failures listed one by one in a report; past this, by reason.
const LISTED_FAILURES: usize = 5;

/// What to ask for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImageFetch {
    /// Ask again for pictures whose download failed before.
    pub retry_failed: bool,
}

/// What a download of pictures reports as it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageEvent<'a> {
    /// A picture is about to be asked for: the `done`-th of `planned`.
    Image {
        url: &'a str,
        done: usize,
        planned: usize,
    },
    Step(Step<'a>),
    Finished {
        url: &'a str,
        result: &'a Result<Inspected, ImageError>,
    },
}

/// The end-of-download report.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImagesSummary {
    /// Downloaded and kept now.
    pub stored: usize,
    /// Already in the cache: not asked for.
    pub cached: usize,
    /// Failed now, each kept in the cache with its reason.
    pub failed: Vec<(String, ImageError)>,
    /// Failed before and not asked again.
    pub not_retried: usize,
    /// Stopped by the caller's cancel before every picture was asked for.
    pub cancelled: bool,
    /// The cache refused a write (locked, read-only, full): why. The
    /// download stopped there.
    pub stopped: Option<Msg>,
}

impl ImagesSummary {
    /// Pictures the issues show, counted once each.
    pub fn images(&self) -> usize {
        self.stored + self.cached + self.failed.len() + self.not_retried
    }

    /// Whether anything was asked for or failed: a `fetch` that touched no
    /// picture says nothing about pictures.
    pub fn did_anything(&self) -> bool {
        self.stored > 0 || !self.failed.is_empty() || self.stopped.is_some()
    }

    pub fn failed_any(&self) -> bool {
        !self.failed.is_empty() || self.stopped.is_some() || self.cancelled
    }

    /// The report's lines in `lang`: each failure (or, past a few, each
    /// reason once with its count: a network that refuses the CDN fails
    /// every picture alike), then the counts.
    pub fn render(&self, lang: Lang) -> String {
        let mut lines: Vec<String> = if self.failed.len() <= LISTED_FAILURES {
            self.failed
                .iter()
                .map(|(url, why)| {
                    Fetch::FailedLine {
                        url: crate::sanitize::line(url),
                        why: Box::new(why.message()),
                    }
                    .text(lang)
                    .into_owned()
                })
                .collect()
        } else {
            let mut reasons: Vec<(&ImageError, usize)> = Vec::new();
            for (_, why) in &self.failed {
                match reasons.iter_mut().find(|(r, _)| *r == why) {
                    Some((_, n)) => *n += 1,
                    None => reasons.push((why, 1)),
                }
            }
            reasons
                .into_iter()
                .map(|(why, images)| {
                    Images::FailedMany {
                        images,
                        why: Box::new(why.message()),
                    }
                    .text(lang)
                    .into_owned()
                })
                .collect()
        };
        lines.push(
            Images::Summary {
                images: self.images(),
                stored: self.stored,
                cached: self.cached,
                failed: self.failed.len(),
            }
            .text(lang)
            .into_owned(),
        );
        if self.failed.len() > LISTED_FAILURES {
            lines.push(Images::WhichFailed.text(lang).into_owned());
        }
        if self.not_retried > 0 {
            let n = self.not_retried;
            lines.push(Images::NotRetried { images: n }.text(lang).into_owned());
        }
        if let Some(why) = &self.stopped {
            lines.push(
                Images::Stopped {
                    why: Box::new(why.clone()),
                }
                .text(lang)
                .into_owned(),
            );
        }
        lines.join("\n")
    }
}

/// One picture to ask for.
struct Target {
    identity: String,
    url: String,
}

/// Downloads the pictures of `keys` that the cache lacks, each its own
/// write; `on_event` hears each step. The addresses are the issues'
/// shown copies' (`issue_texts.images`); a picture two issues share is
/// asked for once.
pub fn fetch_missing(
    store: &mut Store,
    client: &mut Client,
    keys: &[IssueKey],
    options: ImageFetch,
    cancel: &Cancel,
    on_event: &mut dyn FnMut(ImageEvent<'_>),
) -> ImagesSummary {
    let mut summary = ImagesSummary::default();
    let targets = match plan(store, keys, options, &mut summary) {
        Ok(targets) => targets,
        Err(e) => {
            summary.stopped = Some(e.message());
            return summary;
        }
    };
    let planned = targets.len();
    for (i, target) in targets.iter().enumerate() {
        if cancel.is_cancelled() {
            summary.cancelled = true;
            break;
        }
        on_event(ImageEvent::Image {
            url: &target.url,
            done: i + 1,
            planned,
        });
        let result = download(client, &target.url, cancel, &mut |step| {
            on_event(ImageEvent::Step(step))
        });
        if result == Err(ImageError::Fetch(FetchError::Cancelled)) {
            summary.cancelled = true;
            break;
        }
        let kept = match &result {
            Ok(found) => store.store_image(&NewImage {
                identity: &target.identity,
                url: &target.url,
                kind: found.0.kind.as_str(),
                width: found.0.width,
                height: found.0.height,
                bytes: &found.1,
            }),
            Err(why) => {
                let reason = Reason::of(why);
                store.store_image_failure(&target.identity, &target.url, &reason.zh, &reason.en)
            }
        };
        let result = result.map(|(found, _)| found);
        on_event(ImageEvent::Finished {
            url: &target.url,
            result: &result,
        });
        if let Err(e) = kept {
            summary.stopped = Some(e.message());
            break;
        }
        match result {
            Ok(_) => summary.stored += 1,
            Err(why) => summary.failed.push((target.url.clone(), why)),
        }
    }
    summary
}

/// The pictures to ask for, in the issues' order; counts those that are
/// not to be asked for in `summary`.
fn plan(
    store: &Store,
    keys: &[IssueKey],
    options: ImageFetch,
    summary: &mut ImagesSummary,
) -> Result<Vec<Target>, crate::store::StoreError> {
    let mut seen = HashSet::new();
    let mut wanted = Vec::new();
    for &key in keys {
        for url in store.issue_image_urls(key)? {
            // An address that is not http(s) has nothing to ask for;
            // `zhoubao images` says so, a download does not, each time.
            if let Some(identity) = image_identity(&url) {
                if seen.insert(identity.clone()) {
                    wanted.push(Target { identity, url });
                }
            }
        }
    }
    let ids: Vec<&str> = wanted.iter().map(|t| t.identity.as_str()).collect();
    let rows = store.image_rows(&ids)?;
    let mut targets = Vec::new();
    for target in wanted {
        match rows.iter().find(|r| r.identity == target.identity) {
            Some(row) if matches!(row.state, ImageRowState::Cached { .. }) => summary.cached += 1,
            Some(_) if !options.retry_failed => summary.not_retried += 1,
            _ => targets.push(target),
        }
    }
    Ok(targets)
}

/// One picture's bytes and what they are, or why not.
fn download(
    client: &mut Client,
    url: &str,
    cancel: &Cancel,
    on_step: &mut dyn FnMut(Step<'_>),
) -> Result<(Inspected, Vec<u8>), ImageError> {
    let page = client
        .get_image(url, MAX_IMAGE_BYTES, cancel, on_step)
        .map_err(ImageError::from_fetch)?;
    let found = inspect(&page.body)?;
    Ok((found, page.body))
}

/// [`fetch_missing`] with a progress line on stderr when `progress` is set
/// and stderr is a terminal, as `zhoubao fetch` draws its own.
pub fn fetch_missing_with_progress(
    store: &mut Store,
    client: &mut Client,
    keys: &[IssueKey],
    options: ImageFetch,
    progress: bool,
    lang: Lang,
) -> ImagesSummary {
    let bar = spinner(progress);
    let summary =
        fetch_missing(
            store,
            client,
            keys,
            options,
            &Cancel::new(),
            &mut |event| match event {
                ImageEvent::Image { url, done, planned } => {
                    bar.set_prefix(format!("{done}/{planned}"));
                    bar.set_message(
                        Images::Progress {
                            url: crate::sanitize::line(url),
                        }
                        .text(lang)
                        .into_owned(),
                    );
                }
                ImageEvent::Step(Step::Waiting { host, wait }) => {
                    show_wait(&bar, host, wait, lang);
                }
                ImageEvent::Step(Step::Requesting { .. }) | ImageEvent::Finished { .. } => {}
            },
        );
    bar.finish_and_clear();
    summary
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_names_each_failure_then_counts() {
        let summary = ImagesSummary {
            stored: 2,
            cached: 1,
            failed: vec![("http://127.0.0.1:9/a.png".into(), ImageError::Html)],
            not_retried: 1,
            ..ImagesSummary::default()
        };
        assert_eq!(
            summary.render(Lang::En),
            "failed  http://127.0.0.1:9/a.png: not an image: the server sent a web page\n\
             5 images: 2 downloaded, 1 already cached, 1 failed\n\
             1 image that failed before was not asked for again (zhoubao images KEY --fetch asks again)"
        );
        assert!(summary
            .render(Lang::Zh)
            .contains("5 张图片：新下载 2，已缓存 1，失败 1"));
        assert!(summary.failed_any());
    }

    #[test]
    fn many_failures_are_told_once_per_reason() {
        let refused = ImageError::Fetch(FetchError::Refused {
            host: "mmbiz.qpic.cn".into(),
        });
        let mut failed: Vec<(String, ImageError)> = (0..9)
            .map(|i| (format!("https://mmbiz.qpic.cn/{i}/640"), refused.clone()))
            .collect();
        failed.insert(3, ("http://h/x.png".into(), ImageError::Empty));
        let summary = ImagesSummary {
            failed,
            ..ImagesSummary::default()
        };
        assert_eq!(
            summary.render(Lang::En),
            "failed  9 images: download failed: connection refused by mmbiz.qpic.cn\n\
             failed  1 image: the server sent an empty file\n\
             10 images: 0 downloaded, 0 already cached, 10 failed\n\
             zhoubao images KEY says which failed, and why"
        );
    }
}
