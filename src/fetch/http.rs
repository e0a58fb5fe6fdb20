//! One GET, bounded: ureq does the HTTP; this file adds the limits and the
//! policy. Redirects are followed here rather than by ureq, so each hop is
//! checked (http and https only, no loop, at most `max_redirects`) and
//! paced like any other request, and the whole-response time covers the
//! hops together. A feed is asked for conditionally (ETag, Last-Modified)
//! through the same path, so it gets the same limits.

use std::collections::{HashMap, HashSet};
use std::io::Read;
use std::time::{Duration, Instant};

use super::error::{FetchError, Timeouts};
use super::pace::{Cancel, Clock, Pacer, SystemClock};
use super::FetchOptions;

/// Content types that may hold a bulletin: web pages, and the archive's
/// Markdown served as text. A response without a type is left to the
/// parser, which recognises the format by content.
const PAGE_TYPES: &[&str] = &[
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "text/x-markdown",
];

/// WeChat's article host: asked over https whatever a link says, since
/// proxies refuse a tunnel to port 80 and WeChat redirects there anyway.
pub(super) const WECHAT_HOST: &str = "mp.weixin.qq.com";

/// What a successful GET brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Where the body came from, after redirects (no fragment).
    pub url: String,
    pub body: Vec<u8>,
    pub content_type: Option<String>,
}

/// What a server said identifies the version it sent (`ETag`,
/// `Last-Modified`), kept to ask next time whether it changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// Longest validator sent back: a real one is a quoted hash or a date.
const MAX_VALIDATOR: usize = 512;

impl Validators {
    /// The response's validators; a value that could not be sent back as
    /// a header (control characters, absurd length) is not kept.
    fn of(headers: &ureq::http::HeaderMap) -> Validators {
        let value = |name: &str| {
            let v = headers.get(name)?.to_str().ok()?.trim();
            let sendable = !v.is_empty()
                && v.len() <= MAX_VALIDATOR
                && v.bytes().all(|b| b == b' ' || b.is_ascii_graphic());
            sendable.then(|| v.to_string())
        };
        Validators {
            etag: value("etag"),
            last_modified: value("last-modified"),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.etag.is_none() && self.last_modified.is_none()
    }

    fn request_headers(&self) -> Vec<(&'static str, String)> {
        let mut headers = Vec::new();
        headers.extend(self.etag.clone().map(|v| ("If-None-Match", v)));
        headers.extend(self.last_modified.clone().map(|v| ("If-Modified-Since", v)));
        headers
    }
}

/// What a conditional GET brought.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Conditional {
    /// The server says the version asked about is still current.
    NotModified,
    Changed {
        page: Page,
        validators: Validators,
    },
}

/// Something that happened while fetching, for a progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// Waiting this long before asking `host` again.
    Waiting { host: &'a str, wait: Duration },
    /// Asking for `url` (a redirect target too).
    Requesting { url: &'a str },
}

/// Reads an environment variable (proxies); replaceable in tests.
pub type Env = Box<dyn Fn(&str) -> Option<String> + Send>;

/// An HTTP client that keeps the politeness state between requests.
pub struct Client {
    options: FetchOptions,
    pacer: Pacer,
    /// One agent per proxy choice, so connections are reused.
    agents: HashMap<Option<String>, ureq::Agent>,
    env: Env,
}

impl Client {
    /// A client reading proxies from the process environment.
    pub fn new(options: FetchOptions) -> Client {
        Client::with_parts(
            options,
            Box::new(SystemClock),
            Box::new(|name| std::env::var(name).ok()),
        )
    }

    /// A client with its own clock and environment (tests).
    pub fn with_parts(options: FetchOptions, clock: Box<dyn Clock>, env: Env) -> Client {
        Client {
            pacer: Pacer::new(options.delay, clock),
            options,
            agents: HashMap::new(),
            env,
        }
    }

    pub fn options(&self) -> &FetchOptions {
        &self.options
    }

    /// GETs `url`, following up to `max_redirects` redirects to http(s)
    /// addresses, and returns the body if it is a page within the size
    /// limit. Nothing is kept of a failed request.
    pub fn get(
        &mut self,
        url: &str,
        cancel: &Cancel,
        on_step: &mut dyn FnMut(Step<'_>),
    ) -> Result<Page, FetchError> {
        Self::changed(self.exchange(url, None, Want::Page, cancel, on_step)?)
    }

    /// GETs a picture as [`Client::get`] does a page (the same redirects,
    /// pacing and time limit, no Referer), whatever type the server calls
    /// it, at most `max_bytes`: the caller tells a picture by its bytes.
    pub fn get_image(
        &mut self,
        url: &str,
        max_bytes: usize,
        cancel: &Cancel,
        on_step: &mut dyn FnMut(Step<'_>),
    ) -> Result<Page, FetchError> {
        let want = Want::Image { max_bytes };
        Self::changed(self.exchange(url, None, want, cancel, on_step)?)
    }

    /// The body of a request that sent no validators.
    fn changed(answer: Conditional) -> Result<Page, FetchError> {
        match answer {
            Conditional::Changed { page, .. } => Ok(page),
            // Only a request that sent validators hears "not modified".
            Conditional::NotModified => Err(FetchError::Status {
                code: 304,
                reason: "Not Modified".into(),
            }),
        }
    }

    /// GETs a feed as [`Client::get`] does a page, asking whether it
    /// changed since the response `known` came from (`If-None-Match`,
    /// `If-Modified-Since`). Any content type is read: a feed is
    /// recognised by its body, whatever the server calls it.
    pub fn get_conditional(
        &mut self,
        url: &str,
        known: &Validators,
        cancel: &Cancel,
        on_step: &mut dyn FnMut(Step<'_>),
    ) -> Result<Conditional, FetchError> {
        self.exchange(url, Some(known), Want::Feed, cancel, on_step)
    }

    /// One GET and its redirects. `known`: the validators to send (a
    /// feed's), if any; `want` says which types and how many bytes to take.
    fn exchange(
        &mut self,
        url: &str,
        known: Option<&Validators>,
        want: Want,
        cancel: &Cancel,
        on_step: &mut dyn FnMut(Step<'_>),
    ) -> Result<Conditional, FetchError> {
        let mut current = secure(web_url(url)?);
        let mut seen = HashSet::from([current.to_string()]);
        let mut spent = Duration::ZERO;
        let mut hops = 0;
        let headers = known.map(Validators::request_headers).unwrap_or_default();
        loop {
            let host = current.host_str().unwrap_or_default().to_string();
            let turn = self.pacer.wait_turn(&host, cancel, |wait| {
                on_step(Step::Waiting { host: &host, wait })
            });
            if !turn {
                return Err(FetchError::Cancelled);
            }
            on_step(Step::Requesting {
                url: current.as_str(),
            });
            let left = self.options.timeout.saturating_sub(spent);
            let started = Instant::now();
            let response = self.request(&current, left, &headers);
            spent += started.elapsed();
            let response = response?;
            if cancel.is_cancelled() {
                return Err(FetchError::Cancelled);
            }
            let status = response.status();
            if status == ureq::http::StatusCode::NOT_MODIFIED && !headers.is_empty() {
                return Ok(Conditional::NotModified);
            }
            if status.is_redirection() {
                if let Some(location) = response.headers().get("location") {
                    let location = String::from_utf8_lossy(location.as_bytes()).into_owned();
                    let next = next_hop(&current, &location)?;
                    if !seen.insert(next.to_string()) {
                        return Err(FetchError::RedirectLoop {
                            to: shown(next.as_str()),
                        });
                    }
                    hops += 1;
                    if hops > self.options.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            max: self.options.max_redirects,
                        });
                    }
                    current = next;
                    continue;
                }
            }
            if !status.is_success() {
                return Err(FetchError::Status {
                    code: status.as_u16(),
                    reason: status.canonical_reason().unwrap_or_default().to_string(),
                });
            }
            let validators = Validators::of(response.headers());
            // The request's global timeout, set above, bounds the body too.
            let page = self.read_body(current, response, &host, want)?;
            return Ok(Conditional::Changed { page, validators });
        }
    }

    fn request(
        &mut self,
        url: &url::Url,
        left: Duration,
        headers: &[(&'static str, String)],
    ) -> Result<ureq::http::Response<ureq::Body>, FetchError> {
        let setting = super::proxy::proxy_setting(url, &self.env);
        // A connection that fails is the proxy's when there is one: the
        // message names what was connected to.
        let host = match &setting {
            Some((_, p)) => proxy_address(p),
            None => url.host_str().unwrap_or_default().to_string(),
        };
        let var = setting.as_ref().map(|(var, _)| *var);
        let unfound = match &setting {
            Some((_, p)) => unfound_host(url, p),
            None => host.clone(),
        };
        let proxy = setting.map(|(_, p)| p);
        let agent = match self.agents.get(&proxy) {
            Some(agent) => agent.clone(),
            None => {
                let agent = self.agent(proxy.as_deref())?;
                self.agents.insert(proxy, agent.clone());
                agent
            }
        };
        let mut request = agent.get(url.as_str());
        for (name, value) in headers {
            request = request.header(*name, value.as_str());
        }
        request
            .config()
            .timeout_global(Some(left.max(Duration::from_millis(1))))
            .build()
            .call()
            .map_err(
                |e| match (FetchError::from_ureq(e, &host, self.timeouts()), var) {
                    (FetchError::Refused { host }, Some(var)) => FetchError::ProxyRefused {
                        proxy: host,
                        var: var.to_string(),
                    },
                    (FetchError::Dns { .. }, _) => FetchError::Dns {
                        host: unfound.clone(),
                    },
                    (e, _) => e,
                },
            )
    }

    fn agent(&self, proxy: Option<&str>) -> Result<ureq::Agent, FetchError> {
        // ureq would panic on it, on whichever thread asks.
        if !super::is_sendable_user_agent(&self.options.user_agent) {
            return Err(FetchError::BadUserAgent);
        }
        let bad_proxy = |p: &str| FetchError::BadProxy {
            proxy: crate::sanitize::url(p),
        };
        let proxy = match proxy {
            // ureq takes a port out of range, then fails to connect with
            // no name to give: such a setting is refused here, named.
            Some(p) if !is_proxy_url(p) => return Err(bad_proxy(p)),
            Some(p) => Some(ureq::Proxy::new(p).map_err(|_| bad_proxy(p))?),
            None => None,
        };
        let config = ureq::Agent::config_builder()
            // Redirects and statuses are handled in `get`.
            .max_redirects(0)
            .http_status_as_error(false)
            .proxy(proxy)
            .user_agent(self.options.user_agent.as_str())
            .timeout_connect(Some(self.options.connect_timeout))
            .build();
        Ok(config.new_agent())
    }

    fn timeouts(&self) -> Timeouts {
        Timeouts {
            connect: self.options.connect_timeout,
            whole: self.options.timeout,
        }
    }

    /// Checks the type (of a page) and size, then reads the body up to
    /// the cap.
    fn read_body(
        &self,
        url: url::Url,
        response: ureq::http::Response<ureq::Body>,
        host: &str,
        want: Want,
    ) -> Result<Page, FetchError> {
        let body = response.into_body();
        let content_type = body.mime_type().map(|t| t.to_ascii_lowercase());
        if let (Some(t), Want::Page) = (&content_type, want) {
            if !PAGE_TYPES.contains(&t.as_str()) {
                return Err(FetchError::NotHtml {
                    content_type: crate::sanitize::line(t),
                });
            }
        }
        let cap = match want {
            Want::Page | Want::Feed => self.options.max_body,
            Want::Image { max_bytes } => max_bytes,
        };
        // ureq gives no length for a body it decompresses: the cap then
        // applies while reading.
        if body.content_length().is_some_and(|n| n > cap as u64) {
            return Err(FetchError::TooLarge { limit: cap });
        }
        let mut reader = body.into_with_config().reader();
        let mut bytes = Vec::new();
        let mut chunk = vec![0u8; 64 * 1024];
        loop {
            let n = reader
                .read(&mut chunk)
                .map_err(|e| FetchError::from_io(e, host, self.timeouts()))?;
            if n == 0 {
                break;
            }
            if bytes.len() + n > cap {
                return Err(FetchError::TooLarge { limit: cap });
            }
            bytes.extend_from_slice(&chunk[..n]);
        }
        Ok(Page {
            url: url.to_string(),
            body: bytes,
            content_type,
        })
    }
}

/// What a GET is for: a page (of the page types, up to `max_body`), a
/// feed (any type: told by its body, up to `max_body`) or a picture (any
/// type, up to its own cap).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Want {
    Page,
    Feed,
    Image { max_bytes: usize },
}

/// The host a failed lookup was for, through `proxy`: a SOCKS4 or SOCKS5
/// proxy (not 4a, 5h) has the target's name looked up here, so when the
/// proxy is an address the name not found is the target's; else the
/// proxy's name is the only one looked up.
fn unfound_host(url: &url::Url, proxy: &str) -> String {
    let scheme = proxy.split_once("://").map_or("http", |(s, _)| s);
    let address = proxy_address(proxy);
    let proxy_host = address
        .rsplit_once(':')
        .map_or(address.as_str(), |(h, _)| h)
        .trim_start_matches('[')
        .trim_end_matches(']');
    let by_address = proxy_host.parse::<std::net::IpAddr>().is_ok();
    if matches!(scheme.to_ascii_lowercase().as_str(), "socks4" | "socks5") && by_address {
        url.host_str().unwrap_or_default().to_string()
    } else {
        address
    }
}

/// Whether a proxy setting is a URL with a host (and a port, if any, in
/// range), as `scheme://host:port` or plain `host:port`.
fn is_proxy_url(proxy: &str) -> bool {
    let with_scheme = if proxy.contains("://") {
        proxy.to_string()
    } else {
        format!("http://{proxy}")
    };
    url::Url::parse(&with_scheme).is_ok_and(|u| u.host_str().is_some_and(|h| !h.is_empty()))
}

/// `host:port` of a proxy URL (`http://user:pw@proxy:3128` → `proxy:3128`),
/// never its credentials.
fn proxy_address(proxy: &str) -> String {
    let with_scheme = if proxy.contains("://") {
        proxy.to_string()
    } else {
        format!("http://{proxy}")
    };
    match url::Url::parse(&with_scheme) {
        Ok(u) => match (u.host_str(), u.port()) {
            (Some(h), Some(p)) => format!("{h}:{p}"),
            (Some(h), None) => h.to_string(),
            (None, _) => String::new(),
        },
        Err(_) => String::new(),
    }
}

/// `url` as an absolute http(s) URL without its fragment (never sent) and
/// without a user name and password: the address is stored, printed and
/// shown, so it must not carry them.
pub fn web_url(url: &str) -> Result<url::Url, FetchError> {
    let mut parsed = url::Url::parse(url.trim()).map_err(|e| FetchError::BadUrl {
        reason: format!("{}: {e}", shown(url)),
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
        return Err(FetchError::BadUrl { reason: shown(url) });
    }
    parsed.set_fragment(None);
    forget_credentials(&mut parsed);
    Ok(parsed)
}

fn forget_credentials(url: &mut url::Url) {
    // Cannot fail on an http(s) URL with a host, which is all there is here.
    let _ = url.set_username("");
    let _ = url.set_password(None);
}

/// `http://mp.weixin.qq.com/...` as https; other addresses as they are.
fn secure(mut url: url::Url) -> url::Url {
    if url.scheme() == "http" && url.host_str() == Some(WECHAT_HOST) && url.port().is_none() {
        // Cannot fail: both are special schemes.
        let _ = url.set_scheme("https");
    }
    url
}

/// Where a `Location` header leads, if zhoubao may go there.
fn next_hop(from: &url::Url, location: &str) -> Result<url::Url, FetchError> {
    let mut next = from
        .join(location.trim())
        .map_err(|_| FetchError::RedirectRefused {
            to: shown(location),
        })?;
    if !matches!(next.scheme(), "http" | "https") || next.host_str().is_none() {
        return Err(FetchError::RedirectRefused {
            to: shown(next.as_str()),
        });
    }
    next.set_fragment(None);
    forget_credentials(&mut next);
    Ok(next)
}

/// A URL from the network, safe to print and not too long to read: at
/// most [`SHOWN_CHARS`] characters (a bound on a message's length, not a
/// column's width, so characters are counted, not cells).
fn shown(url: &str) -> String {
    let line = crate::sanitize::url(url);
    if line.chars().count() <= SHOWN_CHARS {
        return line;
    }
    let mut cut: String = line.chars().take(SHOWN_CHARS - 1).collect();
    cut.push('…');
    cut
}

const SHOWN_CHARS: usize = 200;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_and_https_urls_are_fetched() {
        assert!(web_url("https://mp.weixin.qq.com/s?__biz=A&mid=1&idx=1#rd").is_ok());
        assert_eq!(
            web_url("http://mp.weixin.qq.com/s?mid=1#wechat_redirect")
                .unwrap()
                .as_str(),
            "http://mp.weixin.qq.com/s?mid=1",
            "the fragment is never sent"
        );
        for bad in [
            "file:///etc/passwd",
            "ftp://example.org/",
            "/s?mid=1",
            "周报",
        ] {
            assert!(
                matches!(web_url(bad), Err(FetchError::BadUrl { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_user_agent_that_cannot_be_a_header_fails_the_request_without_a_panic() {
        // ureq unwraps the header it builds: this must never reach it.
        let options = FetchOptions {
            user_agent: "a\r\nX-Injected: yes".into(),
            ..FetchOptions::default()
        };
        let mut client = Client::new(options);
        let got = client.get("http://127.0.0.1:1/", &Cancel::new(), &mut |_| {});
        assert_eq!(got, Err(FetchError::BadUserAgent));
    }

    #[test]
    fn a_long_url_is_cut_to_200_characters_with_an_ellipsis() {
        let long = format!("https://example.org/{}", "周".repeat(300));
        let cut = shown(&long);
        assert_eq!(cut.chars().count(), 200);
        assert!(cut.ends_with('…') && cut.starts_with("https://example.org/周"));
        assert_eq!(shown("http://h/\x1b[31mred"), "http://h/red");
    }

    #[test]
    fn wechat_links_are_asked_over_https_and_others_as_written() {
        let up = |u: &str| secure(web_url(u).unwrap()).to_string();
        assert_eq!(
            up("http://mp.weixin.qq.com/s?__biz=A&mid=1&idx=1#rd"),
            "https://mp.weixin.qq.com/s?__biz=A&mid=1&idx=1"
        );
        assert_eq!(
            up("http://127.0.0.1:8080/s?mid=1"),
            "http://127.0.0.1:8080/s?mid=1"
        );
        assert_eq!(up("http://example.org/s"), "http://example.org/s");
    }

    #[test]
    fn a_proxy_is_named_by_its_address_without_credentials() {
        assert_eq!(
            proxy_address("http://user:secret@proxy.lan:3128"),
            "proxy.lan:3128"
        );
        assert_eq!(proxy_address("proxy.lan:8080"), "proxy.lan:8080");
        assert_eq!(proxy_address("socks5://10.0.0.1"), "10.0.0.1");
    }

    #[test]
    fn a_failed_lookup_through_a_socks5_proxy_names_the_target_it_looked_up() {
        let url = url::Url::parse("https://example.invalid/s").unwrap();
        assert_eq!(
            unfound_host(&url, "socks5://127.0.0.1:1080"),
            "example.invalid"
        );
        assert_eq!(unfound_host(&url, "socks4://[::1]:1080"), "example.invalid");
        // The proxy resolves the target: only its own name was looked up.
        assert_eq!(
            unfound_host(&url, "socks5h://127.0.0.1:1080"),
            "127.0.0.1:1080"
        );
        assert_eq!(
            unfound_host(&url, "http://proxy.lan:3128"),
            "proxy.lan:3128"
        );
        assert_eq!(
            unfound_host(&url, "socks5://proxy.lan:1080"),
            "proxy.lan:1080"
        );
    }

    #[test]
    fn credentials_never_stay_in_an_address_fetched_or_redirected_to() {
        let url = web_url("https://reader:s3cret@mp.weixin.qq.com/s?mid=1").unwrap();
        assert_eq!(url.as_str(), "https://mp.weixin.qq.com/s?mid=1");
        let from = url::Url::parse("https://mp.weixin.qq.com/s?mid=1").unwrap();
        assert_eq!(
            next_hop(&from, "http://u:p@example.org/x")
                .unwrap()
                .as_str(),
            "http://example.org/x"
        );
    }

    #[test]
    fn redirects_resolve_relative_locations_and_refuse_other_schemes() {
        let from = url::Url::parse("https://mp.weixin.qq.com/s?mid=1").unwrap();
        assert_eq!(
            next_hop(&from, "/mp/page?x=1").unwrap().as_str(),
            "https://mp.weixin.qq.com/mp/page?x=1"
        );
        assert_eq!(
            next_hop(&from, "file:///etc/passwd"),
            Err(FetchError::RedirectRefused {
                to: "file:///etc/passwd".into()
            })
        );
        assert!(matches!(
            next_hop(&from, "javascript:alert(1)"),
            Err(FetchError::RedirectRefused { .. })
        ));
    }
}
