//! Bulletins from the web: GET a page (http.rs, bounded and polite), then
//! parse and store it exactly as `import` does a file, one transaction per
//! page; walk.rs follows 近期回顾 links breadth-first.
//!
//! The response body is stored unchanged as the page's source, its URL in
//! the source's `path` (where an imported file keeps its path: the column
//! says where the bytes came from, and a URL says it as well as a path
//! does) and the fetch time in `imported_at`. No schema change is needed,
//! and `zhoubao reindex` re-reads a fetched page like a file.
//!
//! The charset is read from the bytes, as for a saved page: a BOM, the
//! page's `<meta>`, then a check that the bytes are valid UTF-8 or GB18030
//! (src/parse/decode.rs). A `Content-Type` charset of UTF-8 or of the GB
//! family, which is all this series uses, reads the same; taking it from
//! the bytes means a reindex, which has no headers, reads the page the
//! same way the fetch did.

mod error;
mod http;
mod pace;
mod pick;
mod progress;
mod proxy;
mod report;
mod walk;

use std::time::Duration;

pub use error::FetchError;
pub use http::{web_url, Client, Conditional, Page, Step, Validators};
pub use pace::{Cancel, Clock, SystemClock};
pub use pick::url_for_issue;
pub use progress::{show_wait, spinner};
pub use proxy::proxy_for;
pub use report::{run_with_progress, verbose_line};
pub use walk::{run, run_from, CacheStop, Event, FetchSummary, Start, Walk};

use crate::i18n::{Cache, Fetch, Localized, Msg, Verdict};
use crate::model::{Bulletin, Completeness, IssueKey, RecentRef};
use crate::parse::ParseError;
use crate::store::{ImportOutcome, Store, StoreError};

/// The shortest wait between two requests to one host a user may set.
pub const MIN_DELAY: Duration = Duration::from_millis(500);

/// The limits of a fetch. The defaults are what the command line uses;
/// tests shorten the waits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchOptions {
    /// Between the starts of two requests to one host. Callers that take
    /// it from a user clamp it with [`FetchOptions::polite_delay`].
    pub delay: Duration,
    pub connect_timeout: Duration,
    /// The whole response, redirects and body included.
    pub timeout: Duration,
    /// Bytes of body (after decompression) read at most.
    pub max_body: usize,
    pub max_redirects: u32,
    pub user_agent: String,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            delay: Duration::from_secs(1),
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body: 16 * 1024 * 1024,
            max_redirects: 5,
            user_agent: default_user_agent(),
        }
    }
}

impl FetchOptions {
    /// A delay given on the command line: [`FetchOptions::polite_delay`],
    /// or None when it is infinite or not a number (which is no delay a
    /// user means, and must not silently become the minimum).
    pub fn delay_from_flag(seconds: f64) -> Option<Duration> {
        seconds.is_finite().then(|| Self::polite_delay(seconds))
    }

    /// A delay a user asked for, never below [`MIN_DELAY`] (nor NaN).
    pub fn polite_delay(seconds: f64) -> Duration {
        if seconds.is_finite() && seconds > MIN_DELAY.as_secs_f64() {
            Duration::try_from_secs_f64(seconds.min(3600.0)).unwrap_or(MIN_DELAY)
        } else {
            MIN_DELAY
        }
    }
}

/// Whether `agent` can be sent as the User-Agent header: printable ASCII
/// and spaces only. A CR LF would start a header of its own, and the HTTP
/// library panics on any control character, so the config and the flag
/// refuse such an agent where they are read, and [`Client`] never sends it.
pub fn is_sendable_user_agent(agent: &str) -> bool {
    agent.bytes().all(|b| (b' '..=b'~').contains(&b))
}

/// `fetch`'s `--delay` and `--user-agent` as given, checked before any
/// cache is opened or request made: the words of the first one refused.
pub fn check_flags(delay: Option<f64>, user_agent: Option<&str>) -> Result<(), Fetch> {
    if let Some(seconds) = delay.filter(|s| FetchOptions::delay_from_flag(*s).is_none()) {
        return Err(Fetch::DelayNotANumber {
            value: seconds.to_string(),
        });
    }
    if user_agent.is_some_and(|a| !is_sendable_user_agent(a)) {
        return Err(Fetch::BadUserAgentFlag {
            why: Box::new(FetchError::BadUserAgent.message()),
        });
    }
    Ok(())
}

/// `zhoubao/0.1.0 (...)`: says who asks, so a server's log can tell.
pub fn default_user_agent() -> String {
    format!(
        "zhoubao/{} (terminal reader of a weekly security bulletin)",
        env!("CARGO_PKG_VERSION")
    )
}

/// What fetching one page did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PageResult {
    Stored {
        key: IssueKey,
        outcome: ImportOutcome,
    },
    /// Fetched, but not an issue of the series (the parser says why):
    /// nothing stored.
    Skipped(crate::parse::Skip),
    Failed(FetchError),
}

/// Fetches `url` and stores it as an import stores a file; also returns
/// the 近期回顾 lines the page holds, for a walk to follow.
pub fn fetch_page(
    client: &mut Client,
    store: &mut Store,
    url: &str,
    cancel: &Cancel,
    on_step: &mut dyn FnMut(Step<'_>),
) -> (PageResult, Vec<RecentRef>) {
    let page = match client.get(url, cancel, on_step) {
        Ok(page) => page,
        Err(e) => return (PageResult::Failed(e), Vec::new()),
    };
    // As import reads a file: a panic in the parser fails this page only.
    let parsed = match crate::import::parse_caught(&page.body) {
        Ok(parsed) => parsed,
        Err(crash) => {
            let why = Box::new(crash);
            return (
                PageResult::Failed(FetchError::Unreadable { why }),
                Vec::new(),
            );
        }
    };
    if is_verification_wall(&page.body, &parsed) {
        return (PageResult::Failed(FetchError::Wall), Vec::new());
    }
    if cancel.is_cancelled() {
        return (PageResult::Failed(FetchError::Cancelled), Vec::new());
    }
    // As `import` stores a file: the parser's verdict, then one transaction.
    match parsed {
        Ok(b) => {
            let result = match store.import_file(&page.url, &page.body, &b) {
                Ok(outcome) => PageResult::Stored {
                    key: b.key,
                    outcome,
                },
                Err(e) => PageResult::Failed(store_failure(store, &e)),
            };
            (result, b.recent)
        }
        // The message says "not a bulletin of the series"; this says why.
        Err(ParseError::NotBulletin(why)) => (PageResult::Skipped(why), Vec::new()),
        Err(e) => (
            PageResult::Failed(FetchError::Unreadable {
                why: Box::new(e.message()),
            }),
            Vec::new(),
        ),
    }
}

/// Why a page could not be stored: the cache's reason, or, when the cache
/// is locked or damaged, import's reason to stop and its advice.
fn store_failure(store: &Store, e: &StoreError) -> FetchError {
    let cache = store
        .path()
        .map(|p| crate::sanitize::line(&p.display().to_string()))
        .unwrap_or_else(|| ":memory:".into());
    let (reason, hint) = match e {
        StoreError::Busy | StoreError::Locked { .. } => (
            Fetch::CacheLocked {
                cache,
                secs: crate::store::LOCK_WAIT.as_secs(),
            },
            Cache::HintRunAgain,
        ),
        StoreError::DamagedPage { reason } => (
            Fetch::CacheDamaged {
                cache,
                reason: crate::sanitize::line(reason),
            },
            Cache::HintRecover,
        ),
        _ => {
            return FetchError::Store {
                why: Box::new(e.message()),
            }
        }
    };
    FetchError::CacheStopped {
        reason: Box::new(reason.into()),
        hint: Box::new(Msg::Cache(hint)),
    }
}

impl PageResult {
    /// The one word `fetch --verbose` prints: import's for a file.
    pub fn verdict(&self) -> Verdict {
        match self {
            PageResult::Stored { outcome, .. } => match outcome {
                ImportOutcome::New => Verdict::New,
                ImportOutcome::Updated => Verdict::Updated,
                ImportOutcome::Unchanged => Verdict::Unchanged,
                ImportOutcome::LowerCopy => Verdict::LowerCopy,
                ImportOutcome::StubMerged => Verdict::Stub,
            },
            PageResult::Skipped(_) => Verdict::Skipped,
            PageResult::Failed(_) => Verdict::Failed,
        }
    }
}

/// WeChat's page asking a person to verify (`环境异常`, `完成验证后即可
/// 继续访问`) instead of the article. A full bulletin that happens to use
/// the words is not one.
pub fn is_verification_wall(body: &[u8], parsed: &Result<Bulletin, ParseError>) -> bool {
    if matches!(parsed, Ok(b) if b.completeness == Completeness::Full) {
        return false;
    }
    let text = String::from_utf8_lossy(body);
    text.contains("完成验证后即可继续访问") || text.contains("环境异常")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_user_delay_is_never_below_half_a_second() {
        assert_eq!(FetchOptions::polite_delay(0.0), MIN_DELAY);
        assert_eq!(FetchOptions::polite_delay(-3.0), MIN_DELAY);
        assert_eq!(FetchOptions::polite_delay(f64::NAN), MIN_DELAY);
        assert_eq!(FetchOptions::polite_delay(2.5), Duration::from_millis(2500));
        assert_eq!(FetchOptions::default().delay, Duration::from_secs(1));
    }

    #[test]
    fn the_user_agent_names_zhoubao_and_its_version() {
        let ua = default_user_agent();
        assert!(
            ua.starts_with(&format!("zhoubao/{} ", env!("CARGO_PKG_VERSION"))),
            "{ua}"
        );
    }

    #[test]
    fn the_archives_wall_page_is_a_wall_and_a_full_bulletin_is_not() {
        let wall = include_bytes!("../../tests/fixtures/antibot.md");
        let parse = crate::parse::parse;
        assert!(is_verification_wall(wall, &parse(wall)));
        let full = include_bytes!("../../tests/fixtures/full.md");
        let parsed = parse(full);
        assert!(matches!(&parsed, Ok(b) if b.completeness == Completeness::Full));
        let mut mentions = full.to_vec();
        mentions.extend_from_slice("\n本周未见环境异常。\n".as_bytes());
        assert!(!is_verification_wall(&mentions, &parse(&mentions)));
    }
}
