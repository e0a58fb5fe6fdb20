//! The `[fetch]` settings the fetch command reads: how long to wait between
//! requests, what to call itself, and whether to download pictures.

use std::time::Duration;

/// The fetch command's politeness: never below this between requests.
pub const MIN_FETCH_DELAY: Duration = Duration::from_millis(500);

/// What the fetch command (another module) reads from `[fetch]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetch {
    /// Between two requests: 1 s unless set, never below 0.5 s.
    pub delay: Duration,
    /// `zhoubao/<version>` unless set.
    pub user_agent: String,
    /// Whether `fetch` (and `update`) download the pictures of the issues
    /// they store: yes unless set to false.
    pub images: bool,
}

impl Default for Fetch {
    fn default() -> Self {
        Fetch {
            delay: Duration::from_secs(1),
            user_agent: format!("zhoubao/{}", env!("CARGO_PKG_VERSION")),
            images: true,
        }
    }
}
