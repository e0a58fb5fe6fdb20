//! Why a page was not fetched: one variant per thing the user can act on,
//! each shown as one line through the message table.

use std::time::Duration;

use crate::i18n::{Fetch, Lang, Msg};

/// What went wrong fetching one page. `Display` is English for logs and
/// library users; people read [`FetchError::message`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    #[error("not an http(s) URL: {reason}")]
    BadUrl { reason: String },
    #[error("the User-Agent must be printable ASCII, without control characters")]
    BadUserAgent,
    #[error("the proxy {proxy:?} is not a usable proxy URL")]
    BadProxy { proxy: String },
    #[error("DNS failure: cannot find host {host}")]
    Dns { host: String },
    #[error("connection refused by {host}")]
    Refused { host: String },
    /// `proxy` is `host:port`; `var` the variable that named it.
    #[error("the proxy {proxy} refused the connection ({var})")]
    ProxyRefused { proxy: String, var: String },
    #[error("timed out connecting to {host} after {after:?}")]
    ConnectTimedOut { host: String, after: Duration },
    #[error("timed out: no complete response within {after:?}")]
    TimedOut { after: Duration },
    #[error("network error: {detail}")]
    Network { detail: String },
    #[error("network error: the server closed the connection before the page ended")]
    ClosedEarly,
    #[error("HTTP status {code} {reason}")]
    Status { code: u16, reason: String },
    #[error("not an HTML page: the server sent {content_type}")]
    NotHtml { content_type: String },
    #[error("too large: more than {limit} bytes, stopped reading")]
    TooLarge { limit: usize },
    #[error("redirect refused: to {to} (only http and https are followed)")]
    RedirectRefused { to: String },
    #[error("redirect loop: back to {to}")]
    RedirectLoop { to: String },
    #[error("more than {max} redirects")]
    TooManyRedirects { max: u32 },
    #[error("WeChat's verification wall (环境异常): the page asks a person to verify")]
    Wall,
    #[error("cancelled")]
    Cancelled,
    /// A bug: the fetch panicked (the TUI's fetch thread catches it).
    #[error("zhoubao hit a bug: {detail}; nothing was stored")]
    Crashed { detail: String },
    /// The parser's reason, or its crash (import's words for both).
    #[error("unreadable page: {}", why.text(Lang::En))]
    Unreadable { why: Box<Msg> },
    /// The cache's own reason.
    #[error("cannot store the page: {}", why.text(Lang::En))]
    Store { why: Box<Msg> },
    /// The cache is locked or damaged: no later page could be stored
    /// either, so a walk stops here (import's reason and advice).
    #[error("{}; {}", reason.text(Lang::En), hint.text(Lang::En))]
    CacheStopped { reason: Box<Msg>, hint: Box<Msg> },
}

impl FetchError {
    /// The reason as the user reads it, in either language.
    pub fn message(&self) -> Msg {
        let secs = |d: &Duration| d.as_secs_f64();
        Msg::Fetch(match self {
            FetchError::BadUrl { reason } => Fetch::BadUrl {
                reason: reason.clone(),
            },
            FetchError::BadUserAgent => Fetch::BadUserAgent,
            FetchError::BadProxy { proxy } => Fetch::BadProxy {
                proxy: proxy.clone(),
            },
            FetchError::Dns { host } => Fetch::Dns { host: host.clone() },
            FetchError::Refused { host } => Fetch::Refused { host: host.clone() },
            FetchError::ProxyRefused { proxy, var } => Fetch::ProxyRefused {
                proxy: proxy.clone(),
                var: var.clone(),
            },
            FetchError::ClosedEarly => Fetch::ClosedEarly,
            FetchError::ConnectTimedOut { host, after } => Fetch::ConnectTimedOut {
                host: host.clone(),
                secs: secs(after).to_string(),
            },
            FetchError::TimedOut { after } => Fetch::TimedOut {
                secs: secs(after).to_string(),
            },
            FetchError::Network { detail } => Fetch::Network {
                detail: detail.clone(),
            },
            FetchError::Status { code, reason } => Fetch::Status {
                code: *code,
                reason: reason.clone(),
            },
            FetchError::NotHtml { content_type } => Fetch::NotHtml {
                content_type: content_type.clone(),
            },
            FetchError::TooLarge { limit } => Fetch::TooLarge { limit: *limit },
            FetchError::RedirectRefused { to } => Fetch::RedirectRefused { to: to.clone() },
            FetchError::RedirectLoop { to } => Fetch::RedirectLoop { to: to.clone() },
            FetchError::TooManyRedirects { max } => Fetch::TooManyRedirects { max: *max },
            FetchError::Wall => Fetch::Wall,
            FetchError::Cancelled => Fetch::Cancelled,
            FetchError::Crashed { detail } => Fetch::Crashed {
                detail: detail.clone(),
            },
            FetchError::Unreadable { why } => Fetch::Unreadable { why: why.clone() },
            FetchError::Store { why } => Fetch::StoreFailed { why: why.clone() },
            FetchError::CacheStopped { reason, hint } => Fetch::CacheStopped {
                reason: reason.clone(),
                hint: hint.clone(),
            },
        })
    }

    /// What ureq reports, as one of ours. `host` names the server asked.
    pub(super) fn from_ureq(e: ureq::Error, host: &str, timeouts: Timeouts) -> FetchError {
        use ureq::Error as U;
        match e {
            U::HostNotFound => FetchError::Dns { host: host.into() },
            U::Io(io) => FetchError::from_io(io, host, timeouts),
            U::Timeout(ureq::Timeout::Connect) => FetchError::ConnectTimedOut {
                host: host.into(),
                after: timeouts.connect,
            },
            U::Timeout(ureq::Timeout::Resolve) => FetchError::Dns { host: host.into() },
            U::Timeout(_) => FetchError::TimedOut {
                after: timeouts.whole,
            },
            U::ConnectionFailed => FetchError::Refused { host: host.into() },
            U::BadUri(reason) => FetchError::BadUrl { reason },
            U::InvalidProxyUrl => FetchError::BadProxy {
                proxy: String::new(),
            },
            other => FetchError::Network {
                detail: crate::sanitize::line(&other.to_string()),
            },
        }
    }

    /// An I/O error while connecting or reading, which may wrap ureq's own.
    pub(super) fn from_io(io: std::io::Error, host: &str, timeouts: Timeouts) -> FetchError {
        use std::io::ErrorKind as K;
        if io.get_ref().is_some_and(|inner| inner.is::<ureq::Error>()) {
            return match io
                .into_inner()
                .expect("checked above")
                .downcast::<ureq::Error>()
            {
                Ok(inner) => FetchError::from_ureq(*inner, host, timeouts),
                Err(other) => FetchError::Network {
                    detail: crate::sanitize::line(&other.to_string()),
                },
            };
        }
        match io.kind() {
            K::ConnectionRefused => FetchError::Refused { host: host.into() },
            K::TimedOut | K::WouldBlock => FetchError::TimedOut {
                after: timeouts.whole,
            },
            // The standard library's words for a failed getaddrinfo: there
            // is no error kind for it.
            _ if io
                .to_string()
                .starts_with("failed to lookup address information") =>
            {
                FetchError::Dns { host: host.into() }
            }
            K::UnexpectedEof | K::ConnectionReset | K::ConnectionAborted => FetchError::ClosedEarly,
            _ => FetchError::Network {
                detail: crate::sanitize::line(&io.to_string()),
            },
        }
    }
}

/// The limits the error messages quote.
#[derive(Debug, Clone, Copy)]
pub(super) struct Timeouts {
    pub connect: Duration,
    pub whole: Duration,
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: Timeouts = Timeouts {
        connect: Duration::from_secs(10),
        whole: Duration::from_secs(30),
    };

    #[test]
    fn a_failed_lookup_is_a_dns_failure_naming_the_host() {
        let std_words = std::io::Error::other(
            "failed to lookup address information: Name or service not known",
        );
        for e in [ureq::Error::HostNotFound, ureq::Error::Io(std_words)] {
            assert_eq!(
                FetchError::from_ureq(e, "mp.weixin.qq.com", T),
                FetchError::Dns {
                    host: "mp.weixin.qq.com".into()
                }
            );
        }
    }

    #[test]
    fn timeouts_say_which_limit_was_reached() {
        assert_eq!(
            FetchError::from_ureq(ureq::Error::Timeout(ureq::Timeout::Connect), "h", T),
            FetchError::ConnectTimedOut {
                host: "h".into(),
                after: Duration::from_secs(10)
            }
        );
        assert_eq!(
            FetchError::from_ureq(ureq::Error::Timeout(ureq::Timeout::Global), "h", T),
            FetchError::TimedOut {
                after: Duration::from_secs(30)
            }
        );
    }

    #[test]
    fn a_connection_closed_early_is_said_in_the_users_language() {
        let eof = std::io::Error::from(std::io::ErrorKind::UnexpectedEof);
        let e = FetchError::from_io(eof, "h", T);
        assert_eq!(e, FetchError::ClosedEarly);
        assert_eq!(
            e.message().text(Lang::Zh),
            "网络错误：页面还没传完，服务器就断开了连接"
        );
    }

    #[test]
    fn an_io_error_wrapping_ureqs_is_unwrapped() {
        let wrapped = ureq::Error::Timeout(ureq::Timeout::RecvBody).into_io();
        assert_eq!(
            FetchError::from_io(wrapped, "h", T),
            FetchError::TimedOut {
                after: Duration::from_secs(30)
            }
        );
    }
}
