//! Why a feed was not read: the fetch's reasons, and the feed's own (not
//! a feed at all, or a broken one), each one line through the message
//! table.

use crate::fetch::FetchError;
use crate::i18n::{FeedMsg, Lang, Msg};
use crate::model::NotFeed;

/// What went wrong reading one feed. `Display` is English for logs and
/// library users; people read [`FeedError::message`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The GET failed: no answer, TLS, a 4xx or 5xx status, too large,
    /// too slow, a redirect loop or to another scheme.
    #[error("{0}")]
    Fetch(FetchError),
    #[error("not a feed: {}", FeedMsg::NotAFeed(*what).text(Lang::En))]
    NotAFeed { what: NotFeed },
    #[error("a broken feed: {detail}")]
    Malformed { detail: String },
    /// The cache refused the feed's items (nothing of them is stored).
    #[error("cannot store the feed: {}", why.text(Lang::En))]
    Store { why: Box<Msg> },
}

impl FeedError {
    /// The reason as the user reads it, in either language.
    pub fn message(&self) -> Msg {
        match self {
            FeedError::Fetch(e) => e.message(),
            FeedError::NotAFeed { what } => FeedMsg::NotAFeed(*what).into(),
            FeedError::Malformed { detail } => FeedMsg::Malformed {
                detail: detail.clone(),
            }
            .into(),
            FeedError::Store { why } => FeedMsg::StoreFailed { why: why.clone() }.into(),
        }
    }
}

impl From<FetchError> for FeedError {
    fn from(e: FetchError) -> FeedError {
        FeedError::Fetch(e)
    }
}
