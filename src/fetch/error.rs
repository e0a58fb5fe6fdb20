//! Why a page was not fetched: one variant per thing the user can act on,
//! each worded here as one line in each language.

use std::borrow::Cow;
use std::time::Duration;

use crate::i18n::{english_display, Lang, Localized, Msg};

/// What went wrong fetching one page; its words are below ([`Localized`]),
/// `Display` their English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    BadUrl {
        reason: String,
    },
    /// A User-Agent no request can send as a header.
    BadUserAgent,
    BadProxy {
        proxy: String,
    },
    Dns {
        host: String,
    },
    Refused {
        host: String,
    },
    /// `proxy` is `host:port`; `var` the variable that named it.
    ProxyRefused {
        proxy: String,
        var: String,
    },
    /// The proxy (`host:port`) would not open the tunnel: its HTTP status,
    /// None when it did not answer at all.
    ProxyFailed {
        proxy: String,
        status: Option<u16>,
    },
    ConnectTimedOut {
        host: String,
        after: Duration,
    },
    TimedOut {
        after: Duration,
    },
    Network {
        detail: String,
    },
    /// The server hung up before the page ended.
    ClosedEarly,
    Status {
        code: u16,
        reason: String,
    },
    NotHtml {
        content_type: String,
    },
    TooLarge {
        limit: usize,
    },
    RedirectRefused {
        to: String,
    },
    RedirectLoop {
        to: String,
    },
    TooManyRedirects {
        max: u32,
    },
    Wall,
    Cancelled,
    /// A bug: the fetch panicked (the TUI's fetch thread catches it).
    Crashed {
        detail: String,
    },
    /// The parser's reason, or its crash (import's words for both).
    Unreadable {
        why: Box<Msg>,
    },
    /// The cache's own reason.
    Store {
        why: Box<Msg>,
    },
    /// The cache is locked or damaged: no later page could be stored
    /// either, so a walk stops here (import's reason and advice).
    CacheStopped {
        reason: Box<Msg>,
        hint: Box<Msg>,
    },
}

english_display!(FetchError);

impl Localized for FetchError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use FetchError::*;
        use Lang::{En, Zh};
        let secs = |d: &Duration| d.as_secs_f64();
        match (self, lang) {
            (BadUrl { reason }, Zh) => format!("不是 http(s) 网址：{reason}").into(),
            (BadUrl { reason }, En) => format!("not an http(s) URL: {reason}").into(),
            (BadUserAgent, Zh) => {
                "User-Agent 只能用可打印的 ASCII 字符（字母、数字、标点和空格），不能有控制字符"
                    .into()
            }
            (BadUserAgent, En) => "the User-Agent must be printable ASCII (letters, digits, \
                                   punctuation and spaces), without control characters"
                .into(),
            (Crashed { detail }, Zh) => {
                format!("zhoubao 程序出错（{detail}），什么也没有保存").into()
            }
            (Crashed { detail }, En) => {
                format!("zhoubao hit a bug ({detail}); nothing was stored").into()
            }
            (BadProxy { proxy }, Zh) => {
                format!("代理设置 {proxy:?} 不是可用的代理网址（见 HTTPS_PROXY / HTTP_PROXY）")
                    .into()
            }
            (BadProxy { proxy }, En) => format!(
                "the proxy {proxy:?} is not a usable proxy URL (see HTTPS_PROXY / HTTP_PROXY)"
            )
            .into(),
            (Dns { host }, Zh) => format!("DNS 解析失败：找不到主机 {host}").into(),
            (Dns { host }, En) => format!("DNS failure: cannot find host {host}").into(),
            (Refused { host }, Zh) => format!("连接被 {host} 拒绝").into(),
            (Refused { host }, En) => format!("connection refused by {host}").into(),
            (ConnectTimedOut { host, after }, Zh) => {
                format!("连接 {host} 超时（{} 秒）", secs(after)).into()
            }
            (ConnectTimedOut { host, after }, En) => {
                format!("timed out connecting to {host} ({} s)", secs(after)).into()
            }
            (TimedOut { after }, Zh) => {
                format!("超时：{} 秒内没有收到完整的回应", secs(after)).into()
            }
            (TimedOut { after }, En) => {
                format!("timed out: no complete response within {} s", secs(after)).into()
            }
            // The status line is narrow: what refused comes first.
            (ProxyRefused { proxy, var }, Zh) => format!("代理 {proxy} 拒绝连接（{var}）").into(),
            (ProxyRefused { proxy, var }, En) => {
                format!("the proxy {proxy} refused the connection ({var})").into()
            }
            (
                ProxyFailed {
                    proxy,
                    status: Some(code),
                },
                Zh,
            ) => format!("代理 {proxy} 没有接通网站：它回应 HTTP {code}").into(),
            (
                ProxyFailed {
                    proxy,
                    status: Some(code),
                },
                En,
            ) => {
                format!("the proxy {proxy} would not connect to the site: it answered HTTP {code}")
                    .into()
            }
            (
                ProxyFailed {
                    proxy,
                    status: None,
                },
                Zh,
            ) => format!("代理 {proxy} 没有回应连接请求").into(),
            (
                ProxyFailed {
                    proxy,
                    status: None,
                },
                En,
            ) => format!("the proxy {proxy} did not answer the request to connect").into(),
            (ClosedEarly, Zh) => "网络错误：页面还没传完，服务器就断开了连接".into(),
            (ClosedEarly, En) => {
                "network error: the server closed the connection before the page ended".into()
            }
            (Network { detail }, Zh) => format!("网络错误：{detail}").into(),
            (Network { detail }, En) => format!("network error: {detail}").into(),
            (Status { code, reason }, Zh) => format!("服务器回应 HTTP {code} {reason}").into(),
            (Status { code, reason }, En) => format!("HTTP status {code} {reason}").into(),
            (NotHtml { content_type }, Zh) => {
                format!("不是网页：服务器发来的是 {content_type}").into()
            }
            (NotHtml { content_type }, En) => {
                format!("not an HTML page: the server sent {content_type}").into()
            }
            (TooLarge { limit }, Zh) => {
                format!("页面太大：超过 {} MiB，已停止读取", limit / (1024 * 1024)).into()
            }
            (TooLarge { limit }, En) => format!(
                "too large: more than {} MiB, stopped reading",
                limit / (1024 * 1024)
            )
            .into(),
            (RedirectRefused { to }, Zh) => {
                format!("拒绝重定向到 {to}（只跟随 http 和 https）").into()
            }
            (RedirectRefused { to }, En) => {
                format!("redirect refused: to {to} (only http and https are followed)").into()
            }
            (RedirectLoop { to }, Zh) => format!("重定向循环：又回到 {to}").into(),
            (RedirectLoop { to }, En) => format!("redirect loop: back to {to}").into(),
            (TooManyRedirects { max }, Zh) => format!("重定向超过 {max} 次").into(),
            (TooManyRedirects { max }, En) => format!("more than {max} redirects").into(),
            (Wall, Zh) => "微信要求验证（环境异常）：页面要人来完成验证".into(),
            (Wall, En) => {
                "WeChat's verification wall (环境异常): the page asks a person to verify".into()
            }
            (Cancelled, Zh) => "已取消".into(),
            (Cancelled, En) => "cancelled".into(),
            (Unreadable { why }, Zh) => format!("无法读取页面：{}", why.text(Zh)).into(),
            (Unreadable { why }, En) => format!("unreadable page: {}", why.text(En)).into(),
            (Store { why }, Zh) => format!("无法写入缓存：{}", why.text(Zh)).into(),
            (Store { why }, En) => format!("cannot store the page: {}", why.text(En)).into(),
            (CacheStopped { reason, hint }, Zh) => {
                format!("{}；{}", reason.text(Zh), hint.text(Zh)).into()
            }
            (CacheStopped { reason, hint }, En) => {
                format!("{}; {}", reason.text(En), hint.text(En)).into()
            }
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<FetchError> {
        use crate::i18n::{Cache, Fetch, Os};
        use FetchError::*;
        vec![
            BadUrl {
                reason: "file:///etc/passwd".into(),
            },
            BadUserAgent,
            Crashed {
                detail: "index out of bounds".into(),
            },
            BadProxy { proxy: "::".into() },
            Dns {
                host: "mp.weixin.qq.com".into(),
            },
            Refused {
                host: "127.0.0.1".into(),
            },
            ConnectTimedOut {
                host: "mp.weixin.qq.com".into(),
                after: Duration::from_secs(10),
            },
            TimedOut {
                after: Duration::from_millis(1500),
            },
            ProxyRefused {
                proxy: "127.0.0.1:3128".into(),
                var: "HTTPS_PROXY".into(),
            },
            ProxyFailed {
                proxy: "127.0.0.1:3128".into(),
                status: Some(502),
            },
            ProxyFailed {
                proxy: "127.0.0.1:3128".into(),
                status: None,
            },
            ClosedEarly,
            Network {
                detail: "connection reset".into(),
            },
            Status {
                code: 404,
                reason: "Not Found".into(),
            },
            NotHtml {
                content_type: "image/png".into(),
            },
            TooLarge {
                limit: 16 * 1024 * 1024,
            },
            RedirectRefused {
                to: "file:///etc/passwd".into(),
            },
            RedirectLoop {
                to: "http://127.0.0.1/loop".into(),
            },
            TooManyRedirects { max: 5 },
            Wall,
            Cancelled,
            Unreadable {
                why: Box::new(Msg::Cache(Cache::ParserCrashed {
                    detail: "index out of bounds".into(),
                    at: None,
                })),
            },
            Store {
                why: Box::new(Msg::Os(Os::StorageFull)),
            },
            CacheStopped {
                reason: Box::new(Msg::Fetch(Fetch::CacheLocked {
                    cache: "/tmp/c.db".into(),
                    secs: 5,
                })),
                hint: Box::new(Msg::Cache(Cache::HintRunAgain)),
            },
        ]
    }
}

impl FetchError {
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
            // ureq words it `proxy server responded 502/502` (the status
            // twice), or `proxy server did not respond`: only the number is
            // worth keeping, in the user's language.
            U::ConnectProxyFailed(reason) => FetchError::ProxyFailed {
                proxy: host.into(),
                status: reason
                    .split(|c: char| !c.is_ascii_digit())
                    .find(|n| !n.is_empty())
                    .and_then(|n| n.parse().ok()),
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
    fn a_proxy_refusing_to_connect_is_said_in_chinese_with_its_status() {
        let e = FetchError::from_ureq(
            ureq::Error::ConnectProxyFailed("proxy server responded 502/502".into()),
            "127.0.0.1:3128",
            T,
        );
        let zh = e.text(Lang::Zh);
        assert_eq!(zh, "代理 127.0.0.1:3128 没有接通网站：它回应 HTTP 502");
        assert!(
            !zh.contains("CONNECT") && !zh.contains("proxy server"),
            "{zh}"
        );
        let silent = FetchError::from_ureq(
            ureq::Error::ConnectProxyFailed("proxy server did not respond".into()),
            "127.0.0.1:3128",
            T,
        );
        assert_eq!(
            silent.text(Lang::Zh),
            "代理 127.0.0.1:3128 没有回应连接请求"
        );
    }

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
