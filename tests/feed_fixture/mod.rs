//! A loopback server for the feed tests, and the feeds it serves: the
//! generated bulletins of the fetch fixture (our own text) as WeChat
//! pages, and as RSS, Atom and JSON Feed items in the shapes the feed
//! services write (WeWe-RSS's `<style>` + `rich_media_content` element,
//! `content:encoded`, `content_html`, title-only items). Routes can be
//! replaced while the server runs; a route with validators answers a
//! matching conditional request with 304. Every connection is answered
//! once and closed; threads stop when the server is dropped.
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use zhoubao::synth::{self, SynthIssue};

#[path = "../fetch_fixture/mod.rs"]
mod fetch_fixture;

use fetch_fixture::loopback;

/// The account the generated bulletins come from (the feed's title).
pub const ACCOUNT: &str = synth::ORIGINAL_SOURCE;
const SEED: u64 = 0xfeed_5eed;

/// One request as the server saw it.
#[derive(Debug, Clone, Default)]
pub struct Request {
    pub target: String,
    pub if_none_match: Option<String>,
    pub if_modified_since: Option<String>,
}

/// What a path answers.
#[derive(Debug, Clone)]
pub struct Route {
    pub status: &'static str,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    pub location: Option<String>,
    /// Waits this long before answering.
    pub delay: Duration,
    /// Sends this many bytes of a feed that never closes its channel,
    /// without a length (close-delimited), instead of `body`.
    pub stream: Option<u64>,
}

impl Route {
    pub fn ok(content_type: &'static str, body: impl Into<Vec<u8>>) -> Route {
        Route {
            status: "200 OK",
            content_type,
            body: body.into(),
            etag: None,
            last_modified: None,
            location: None,
            delay: Duration::ZERO,
            stream: None,
        }
    }

    pub fn status(status: &'static str) -> Route {
        Route::ok("text/html", format!("<p>{status}</p>")).tap(|r| r.status = status)
    }

    pub fn redirect(to: &str) -> Route {
        Route::status("302 Found").tap(|r| r.location = Some(to.to_string()))
    }

    pub fn tap(mut self, f: impl FnOnce(&mut Route)) -> Route {
        f(&mut self);
        self
    }
}

struct Shared {
    routes: Mutex<HashMap<String, Route>>,
    log: Mutex<Vec<Request>>,
    stop: AtomicBool,
    streamed: AtomicU64,
}

pub struct FeedServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    thread: Option<JoinHandle<()>>,
    pub issues: Vec<SynthIssue>,
}

impl FeedServer {
    /// A server holding `count` generated issues of 2025 (第1期 on),
    /// each page at `/s?__biz=...&mid=...` as its 近期回顾 links say.
    pub fn start(count: usize) -> FeedServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = listener.local_addr().expect("bound");
        let shared = Arc::new(Shared {
            routes: Mutex::new(HashMap::new()),
            log: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            streamed: AtomicU64::new(0),
        });
        let s = Arc::clone(&shared);
        let thread = std::thread::spawn(move || serve(listener, s));
        let server = FeedServer {
            shared,
            addr,
            thread: Some(thread),
            issues: synth::series(2025, count, SEED),
        };
        for i in 0..count {
            let page = server.page(i);
            server.set(
                &server.page_target(i),
                Route::ok("text/html; charset=utf-8", page),
            );
        }
        server
    }

    pub fn base(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base())
    }

    /// Serves `route` at `target` (a path, with its query if any).
    pub fn set(&self, target: &str, route: Route) {
        self.shared
            .routes
            .lock()
            .expect("routes")
            .insert(target.to_string(), route);
    }

    pub fn requests(&self) -> Vec<Request> {
        self.shared.log.lock().expect("log").clone()
    }

    pub fn requests_to(&self, target: &str) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.target == target)
            .collect()
    }

    /// Bytes a streamed route managed to send.
    pub fn streamed(&self) -> u64 {
        self.shared.streamed.load(Ordering::SeqCst)
    }

    /// The `index`-th issue's page, as the fetch fixture writes it.
    pub fn page(&self, index: usize) -> String {
        fetch_fixture::wechat_page(&self.base(), &self.issues, index)
    }

    /// The page's address: what its later issues' 近期回顾 links say.
    pub fn page_target(&self, index: usize) -> String {
        let a = &self.issues[index].article;
        format!(
            "/s?__biz={}&mid={}&idx={}&sn={}&scene=21",
            a.biz, a.mid, a.idx, self.issues[index].sn
        )
    }

    pub fn page_url(&self, index: usize) -> String {
        self.url(&self.page_target(index))
    }

    /// An item of the `index`-th issue, in `style`.
    pub fn item(&self, index: usize, style: Style) -> Item {
        let issue = &self.issues[index];
        let article = article_element(&self.page(index));
        Item {
            title: issue.title(),
            link: format!("https://mp.weixin.qq.com/s/Tok{}", issue.article.mid),
            published: published(issue),
            html: match style {
                Style::Wewe => wewe(&article),
                Style::Plain => article,
                Style::TitleOnly => String::new(),
            },
        }
    }

    /// The title-only item of the `index`-th issue, linking to its page
    /// on this server.
    pub fn linked_item(&self, index: usize) -> Item {
        Item {
            link: self.page_url(index),
            ..self.item(index, Style::TitleOnly)
        }
    }
}

impl Drop for FeedServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// How an item carries its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// WeWe-RSS's full text: a `<style>`, then the article element with
    /// unquoted attributes, `src` for `data-src`, white space collapsed.
    Wewe,
    /// The article element as the page has it.
    Plain,
    /// No article at all (a summary-only feed).
    TitleOnly,
}

/// A feed item, before it is written in a format.
#[derive(Debug, Clone)]
pub struct Item {
    pub title: String,
    pub link: String,
    /// RFC 3339.
    pub published: chrono::DateTime<chrono::Utc>,
    pub html: String,
}

impl Item {
    /// An article of the account that is not a bulletin.
    pub fn other(n: u32) -> Item {
        Item {
            title: format!("关于举办第{n}期网络安全培训班的通知"),
            link: format!("https://mp.weixin.qq.com/s/Other{n}"),
            published: chrono::DateTime::from_timestamp(1_736_000_000 + i64::from(n), 0)
                .expect("a time"),
            html: "<p>培训安排如下，欢迎报名。</p>".into(),
        }
    }
}

/// The time the page's `var ct` gives, so both copies share a date.
fn published(issue: &SynthIssue) -> chrono::DateTime<chrono::Utc> {
    issue
        .published
        .and_hms_opt(2, 0, 0)
        .expect("a valid time")
        .and_utc()
}

/// The page's `#js_content` element, whole.
fn article_element(page: &str) -> String {
    let start = page
        .find("<div class=\"rich_media_content\"")
        .expect("the page has its article");
    let end = page[start..]
        .find("</div>\n<script")
        .expect("the article ends before the script")
        + start
        + "</div>".len();
    page[start..end].to_string()
}

/// WeWe-RSS's shape of the article.
fn wewe(article: &str) -> String {
    let collapsed = article
        .lines()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join("")
        .replace(
            "<div class=\"rich_media_content\" id=\"js_content\">",
            "<div class=rich_media_content id=js_content>",
        )
        .replace("data-src=", "src=");
    format!(
        "<style>.rich_media_content{{overflow:hidden;color:#222}}\
         .rich_media_content img{{max-width:100%}}</style>{collapsed}"
    )
}

fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// RSS 2.0: the HTML in `description` (escaped), or in
/// `content:encoded` (CDATA) with a short description beside it.
pub fn rss(items: &[Item], encoded: bool) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">\n\
         <channel><title>{}</title><link>https://mp.weixin.qq.com/</link>\
         <description>测试订阅源</description>\n",
        xml(ACCOUNT)
    );
    for item in items {
        let body = if encoded {
            format!(
                "<description>{}</description>\n<content:encoded><![CDATA[{}]]></content:encoded>",
                xml(&item.title),
                item.html
            )
        } else {
            format!("<description>{}</description>", xml(&item.html))
        };
        out.push_str(&format!(
            "<item><title>{}</title><link>{}</link><guid>{}</guid>\n{body}\n<pubDate>{}</pubDate></item>\n",
            xml(&item.title),
            xml(&item.link),
            xml(&item.link),
            item.published.to_rfc2822()
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

/// Atom 1.0: the HTML in `summary type="html"` (WeWe-RSS) or in
/// `content type="html"`.
pub fn atom(items: &[Item], content: bool) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\"><id>urn:zhoubao:test</id>\
         <title>{}</title><updated>2025-03-01T00:00:00Z</updated>\n",
        xml(ACCOUNT)
    );
    let tag = if content { "content" } else { "summary" };
    for item in items {
        out.push_str(&format!(
            "<entry><title type=\"text\">{}</title><id>{}</id><link href=\"{}\"/>\
             <published>{}</published><updated>{}</updated>\n<{tag} type=\"html\">{}</{tag}></entry>\n",
            xml(&item.title),
            xml(&item.link),
            xml(&item.link),
            item.published.to_rfc3339(),
            item.published.to_rfc3339(),
            xml(&item.html)
        ));
    }
    out.push_str("</feed>\n");
    out
}

/// JSON Feed 1.1: the HTML in `summary` (WeWe-RSS) or `content_html`.
pub fn json_feed(items: &[Item], content_html: bool) -> String {
    let items: Vec<serde_json::Value> = items
        .iter()
        .map(|item| {
            let mut v = serde_json::json!({
                "id": item.link,
                "url": item.link,
                "title": item.title,
                "date_published": item.published.to_rfc3339(),
            });
            let key = if content_html {
                "content_html"
            } else {
                "summary"
            };
            v[key] = serde_json::Value::String(item.html.clone());
            v
        })
        .collect();
    serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": ACCOUNT,
        "items": items,
    })
    .to_string()
}

fn serve(listener: TcpListener, shared: Arc<Shared>) {
    loopback::serve(listener, shared, |s| &s.stop, answer);
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let loopback::Head { target, headers } = loopback::read_head(stream)?;
    Some(Request {
        target,
        if_none_match: headers.get("if-none-match").cloned(),
        if_modified_since: headers.get("if-modified-since").cloned(),
    })
}

fn answer(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let Some(request) = read_request(&mut stream) else {
        return Ok(());
    };
    shared.log.lock().expect("log").push(request.clone());
    let route = shared
        .routes
        .lock()
        .expect("routes")
        .get(&request.target)
        .cloned();
    let Some(route) = route else {
        return respond(
            &mut stream,
            "404 Not Found",
            "text/html",
            &[],
            b"<p>unknown</p>",
        );
    };
    if !route.delay.is_zero() {
        std::thread::sleep(route.delay);
    }
    let unchanged = route
        .etag
        .as_ref()
        .is_some_and(|e| request.if_none_match.as_ref() == Some(e))
        || route
            .last_modified
            .as_ref()
            .is_some_and(|m| request.if_modified_since.as_ref() == Some(m));
    let mut extra: Vec<(&str, &str)> = Vec::new();
    if let Some(e) = &route.etag {
        extra.push(("ETag", e));
    }
    if let Some(m) = &route.last_modified {
        extra.push(("Last-Modified", m));
    }
    if let Some(l) = &route.location {
        extra.push(("Location", l));
    }
    if unchanged {
        return respond(
            &mut stream,
            "304 Not Modified",
            route.content_type,
            &extra,
            b"",
        );
    }
    if let Some(total) = route.stream {
        return stream_feed(&mut stream, shared, total);
    }
    respond(
        &mut stream,
        route.status,
        route.content_type,
        &extra,
        &route.body,
    )
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    extra: &[(&str, &str)],
    body: &[u8],
) -> std::io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in extra {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}

/// An RSS feed of `total` bytes, written until the client hangs up:
/// close-delimited, so only the reader's own limit stops it.
fn stream_feed(stream: &mut TcpStream, shared: &Shared, total: u64) -> std::io::Result<()> {
    let head = "HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n\
                <?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>big</title>\n";
    stream.write_all(head.as_bytes())?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let item = "<item><title>关于举办网络安全培训班的通知</title>\
                <description>培训安排如下，欢迎报名。</description></item>\n"
        .repeat(256);
    let mut sent = 0u64;
    while sent < total && !shared.stop.load(Ordering::SeqCst) {
        let n = stream.write(item.as_bytes())?;
        sent += n as u64;
        shared.streamed.fetch_add(n as u64, Ordering::SeqCst);
    }
    stream.write_all(b"</channel></rss>\n")
}

/// An `https://` address whose server answers in plain HTTP, as a server
/// on the wrong port does: the TLS handshake fails. It answers one
/// connection, or gives up after a few seconds.
pub fn plain_http_as_https() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("bound");
    listener.set_nonblocking(true).expect("non-blocking");
    std::thread::spawn(move || {
        let until = std::time::Instant::now() + Duration::from_secs(10);
        while std::time::Instant::now() < until {
            if let Ok((mut stream, _)) = listener.accept() {
                let _ = stream.write_all(
                    b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
                );
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    });
    format!("https://{addr}/feed.xml")
}
