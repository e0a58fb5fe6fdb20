//! What `zhoubao fetch` prints: a progress line on a terminal (stderr),
//! a line per page with `--verbose` (stdout), and the summary at the end,
//! in the user's language.

use super::walk::{run, Event, FetchSummary, Walk};
use super::{show_wait, spinner, Cancel, Client, PageResult, Step};
use crate::i18n::{Cache, Fetch, Lang, Localized, Msg};
use crate::store::Store;

/// [`run`] with a progress line on stderr when `progress` is set and
/// stderr is a terminal; `on_page` hears each page's result as soon as its
/// transaction ended.
pub fn run_with_progress(
    store: &mut Store,
    client: &mut Client,
    urls: &[String],
    walk: Walk,
    progress: bool,
    lang: Lang,
    mut on_page: impl FnMut(&str, &PageResult),
) -> FetchSummary {
    let bar = spinner(progress);
    let summary = run(
        store,
        client,
        urls,
        walk,
        &Cancel::new(),
        &mut |event| match event {
            Event::Page { url, done, planned } => {
                bar.set_prefix(format!("{done}/{planned}"));
                bar.set_message(
                    Fetch::Progress {
                        url: crate::sanitize::url(url),
                    }
                    .text(lang)
                    .into_owned(),
                );
            }
            Event::Step(Step::Waiting { host, wait }) => show_wait(&bar, host, wait, lang),
            Event::Step(Step::Requesting { .. }) => {}
            Event::Finished { url, result } => on_page(url, result),
        },
    );
    bar.finish_and_clear();
    summary
}

/// `--verbose`'s line for a page: what happened (import --verbose's
/// word, in `lang`), the issue, the URL, separated by tabs for scripts.
pub fn verbose_line(url: &str, result: &PageResult, lang: Lang) -> String {
    let word = Msg::Cache(Cache::Verdict(result.verdict())).text(lang);
    let key = match result {
        PageResult::Stored { key, .. } => key.to_string(),
        PageResult::Skipped(_) | PageResult::Failed(_) => "-".to_string(),
    };
    format!("{word}\t{key}\t{}", crate::sanitize::url(url))
}

impl FetchSummary {
    /// The report's lines: each named page the cache already held, each
    /// skipped and failed page, the advice when WeChat asked for
    /// verification, what `--follow` left, then the counts.
    pub fn render(&self, lang: Lang) -> String {
        let url = |u: &str| crate::sanitize::url(u);
        let mut lines: Vec<Fetch> = Vec::new();
        lines.extend(
            self.already_cached
                .iter()
                .map(|k| Fetch::AlreadyCached { key: k.to_string() }),
        );
        lines.extend(self.skipped.iter().map(|(u, why)| Fetch::SkippedLine {
            url: url(u),
            why: Box::new(why.message()),
        }));
        lines.extend(self.failed.iter().map(|(u, e)| Fetch::FailedLine {
            url: url(u),
            why: Box::new(e.message()),
        }));
        if let Some(u) = &self.wall {
            lines.push(Fetch::WallAdvice {
                url: url(u),
                not_tried: self.not_tried,
            });
        }
        if self.left > 0 {
            lines.push(Fetch::MoreLeft { left: self.left });
        }
        let stopped = self.stopped.as_ref().map(|s| Fetch::WalkStopped {
            reason: Box::new(s.reason.clone()),
            not_stored: s.not_stored,
            hint: Box::new(s.hint.clone()),
        });
        lines.push(Fetch::Summary {
            pages: self.pages(),
            new: self.new,
            updated: self.updated,
            unchanged: self.unchanged,
            lower: self.lower,
            stubs: self.stubs,
            skipped: self.skipped.len(),
            failed: self.failed.len(),
        });
        lines.extend(stopped);
        lines
            .iter()
            .map(|m| m.text(lang))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fetch::FetchError;
    use crate::model::IssueKey;
    use crate::store::ImportOutcome;

    #[test]
    fn each_failure_is_one_line_naming_the_url_then_the_counts() {
        let summary = FetchSummary {
            new: 2,
            failed: vec![
                (
                    "http://127.0.0.1:9/missing".into(),
                    FetchError::Status {
                        code: 404,
                        reason: "Not Found".into(),
                    },
                ),
                (
                    "http://127.0.0.1:9/\x1b[31mred".into(),
                    FetchError::Refused {
                        host: "127.0.0.1".into(),
                    },
                ),
            ],
            already_cached: vec![IssueKey::new(2024, 17)],
            ..FetchSummary::default()
        };
        let text = summary.render(Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "2024-17 is already cached in full; not fetched again (--refresh fetches it)",
                "failed  http://127.0.0.1:9/missing: HTTP status 404 Not Found",
                "failed  http://127.0.0.1:9/red: connection refused by 127.0.0.1",
                "4 pages: 2 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 2 failed",
            ]
        );
        let zh = summary.render(Lang::Zh);
        assert!(
            zh.contains("失败  http://127.0.0.1:9/missing：服务器回应 HTTP 404 Not Found"),
            "{zh}"
        );
    }

    #[test]
    fn the_wall_gives_advice_naming_the_page() {
        let summary = FetchSummary {
            failed: vec![("https://mp.weixin.qq.com/s?mid=7".into(), FetchError::Wall)],
            wall: Some("https://mp.weixin.qq.com/s?mid=7".into()),
            not_tried: 3,
            ..FetchSummary::default()
        };
        let text = summary.render(Lang::En);
        assert!(
            text.contains("Open https://mp.weixin.qq.com/s?mid=7 in a browser"),
            "{text}"
        );
        assert!(text.contains("zhoubao import"), "{text}");
        assert!(text.contains("3 more pages not tried"), "{text}");
    }

    #[test]
    fn verbose_lines_are_tab_separated_for_scripts() {
        let stored = PageResult::Stored {
            key: IssueKey::new(2024, 6),
            outcome: ImportOutcome::New,
        };
        assert_eq!(
            verbose_line("http://h/p", &stored, Lang::En),
            "new\t2024-6\thttp://h/p"
        );
        let failed = PageResult::Failed(FetchError::Wall);
        assert_eq!(
            verbose_line("http://h/p", &failed, Lang::En),
            "failed\t-\thttp://h/p"
        );
        // import --verbose's words, in the user's language.
        assert_eq!(
            verbose_line("http://h/p", &stored, Lang::Zh),
            "新增\t2024-6\thttp://h/p"
        );
        assert_eq!(
            verbose_line("http://h/p", &failed, Lang::Zh),
            "失败\t-\thttp://h/p"
        );
    }
}
