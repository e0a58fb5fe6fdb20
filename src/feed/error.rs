//! Why a feed was not read: the fetch's reasons, and the feed's own (not
//! a feed at all, or a broken one), with their words beside them.

use std::borrow::Cow;

use crate::fetch::FetchError;
use crate::i18n::{english_display, Lang, Localized, Msg};
use crate::model::NotFeed;

/// What went wrong reading one feed; its words are below ([`Localized`]),
/// `Display` their English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedError {
    /// The GET failed: no answer, TLS, a 4xx or 5xx status, too large,
    /// too slow, a redirect loop or to another scheme.
    Fetch(FetchError),
    /// What the address gave instead of a feed.
    NotAFeed { what: NotFeed },
    /// feed-rs's words for a broken feed.
    Malformed { detail: String },
    /// The cache refused the feed's items (nothing of them is stored).
    Store { why: Box<Msg> },
}

english_display!(FeedError);

impl Localized for FeedError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use FeedError::*;
        use Lang::{En, Zh};
        match (self, lang) {
            (Fetch(e), lang) => e.text(lang),
            (
                NotAFeed {
                    what: NotFeed::Html,
                },
                Zh,
            ) => "不是订阅源：这是一个网页（要的是它的 RSS、Atom 或 JSON Feed 地址）".into(),
            (
                NotAFeed {
                    what: NotFeed::Html,
                },
                En,
            ) => "not a feed: a web page (give its RSS, Atom or JSON Feed address)".into(),
            (
                NotAFeed {
                    what: NotFeed::OtherXml,
                },
                Zh,
            ) => "不是订阅源：XML 的根元素不是 rss、feed 或 rdf".into(),
            (
                NotAFeed {
                    what: NotFeed::OtherXml,
                },
                En,
            ) => "not a feed: XML whose root is not rss, feed or rdf".into(),
            (
                NotAFeed {
                    what: NotFeed::OtherJson,
                },
                Zh,
            ) => "不是订阅源：JSON 但不是 JSON Feed 1.x".into(),
            (
                NotAFeed {
                    what: NotFeed::OtherJson,
                },
                En,
            ) => "not a feed: JSON, but not a JSON Feed of version 1.x".into(),
            (
                NotAFeed {
                    what: NotFeed::Other,
                },
                Zh,
            ) => "不是订阅源：既不是 XML 也不是 JSON".into(),
            (
                NotAFeed {
                    what: NotFeed::Other,
                },
                En,
            ) => "not a feed: neither XML nor JSON".into(),
            (Malformed { detail }, Zh) => format!("订阅源已损坏：{detail}").into(),
            (Malformed { detail }, En) => format!("a broken feed: {detail}").into(),
            (Store { why }, Zh) => format!("无法写入缓存：{}", why.text(Zh)).into(),
            (Store { why }, En) => format!("cannot store the feed: {}", why.text(En)).into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<FeedError> {
        let mut all: Vec<FeedError> = FetchError::samples()
            .into_iter()
            .map(FeedError::Fetch)
            .collect();
        all.extend(
            [
                NotFeed::Html,
                NotFeed::OtherXml,
                NotFeed::OtherJson,
                NotFeed::Other,
            ]
            .map(|what| FeedError::NotAFeed { what }),
        );
        all.push(FeedError::Malformed {
            detail: "unexpected end".into(),
        });
        all.push(FeedError::Store {
            why: Box::new(Msg::Issues(1)),
        });
        all
    }
}

impl From<FetchError> for FeedError {
    fn from(e: FetchError) -> FeedError {
        FeedError::Fetch(e)
    }
}
