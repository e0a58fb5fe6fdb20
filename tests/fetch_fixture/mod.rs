//! A loopback web server for the fetch tests: generated bulletins as
//! WeChat-style pages whose 近期回顾 links point back at it, and one
//! endpoint per way a fetch can fail. Written by hand on `TcpListener`:
//! the tests need exact control of what is sent and when (an endless body,
//! a socket that never answers), which a server crate would hide.
//!
//! Every connection is answered once and closed; every thread stops when
//! the server is dropped, or by itself within [`HOLD_AT_MOST`].
#![allow(dead_code)]

#[path = "../loopback/mod.rs"]
pub mod loopback;

use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use zhoubao::synth::{self, SynthIssue};

/// The longest any connection is kept open (the silent and endless ones).
pub const HOLD_AT_MOST: Duration = Duration::from_secs(40);
/// The endless body stops by itself after this much, whatever the client.
const ENDLESS_AT_MOST: u64 = 256 * 1024 * 1024;
/// How long `/slow/s` waits before it sends the page.
pub const SLOW: Duration = Duration::from_secs(2);
/// Issues of the fixture series: 2024 第1期 to 第8期.
pub const ISSUES: usize = 8;
const SEED: u64 = 0x5eed_f37c;

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub at: Instant,
    /// Path and query as sent.
    pub target: String,
    pub user_agent: Option<String>,
    pub accept_encoding: Option<String>,
}

/// What the server serves; set before it starts.
#[derive(Debug, Clone, Default)]
pub struct Setup {
    /// The issue (index into the series) whose page is WeChat's wall.
    pub wall_at: Option<usize>,
    /// The issue whose page holds [`PANIC_MARKER`], on which the parser
    /// panics when `ZHOUBAO_TEST_PARSER_PANIC` names it.
    pub panic_at: Option<usize>,
}

/// The text that makes the parser panic in a test run that asks for it.
pub const PANIC_MARKER: &str = "FIXTURE-PARSER-CRASH";

struct Shared {
    base: String,
    issues: Vec<SynthIssue>,
    setup: Setup,
    log: Mutex<Vec<Request>>,
    stop: AtomicBool,
    endless_written: AtomicU64,
    endless_closed: AtomicBool,
}

pub struct FixtureServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    silent: SocketAddr,
    threads: Vec<JoinHandle<()>>,
}

impl FixtureServer {
    pub fn start() -> FixtureServer {
        FixtureServer::start_with(Setup::default())
    }

    pub fn start_with(setup: Setup) -> FixtureServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = listener.local_addr().expect("bound");
        let silent_listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let silent = silent_listener.local_addr().expect("bound");
        let shared = Arc::new(Shared {
            base: format!("http://{addr}"),
            issues: synth::series(2024, ISSUES, SEED),
            setup,
            log: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
            endless_written: AtomicU64::new(0),
            endless_closed: AtomicBool::new(false),
        });
        let mut threads = Vec::new();
        let s = Arc::clone(&shared);
        threads.push(std::thread::spawn(move || serve(listener, s)));
        let s = Arc::clone(&shared);
        threads.push(std::thread::spawn(move || {
            hold_silently(silent_listener, s)
        }));
        FixtureServer {
            shared,
            addr,
            silent,
            threads,
        }
    }

    pub fn issues(&self) -> &[SynthIssue] {
        &self.shared.issues
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.shared.base)
    }

    /// The page of the `index`-th issue, addressed as 近期回顾 links do.
    pub fn page_url(&self, index: usize) -> String {
        page_url(&self.shared.base, &self.shared.issues[index])
    }

    pub fn newest_url(&self) -> String {
        self.page_url(ISSUES - 1)
    }

    /// The newest issue's page, sent [`SLOW`] after it is asked for.
    pub fn slow_url(&self) -> String {
        self.newest_url().replacen("/s?", "/slow/s?", 1)
    }

    /// A server that accepts connections and never answers.
    pub fn silent_url(&self) -> String {
        format!("http://{}/s?mid=1", self.silent)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.shared.log.lock().expect("log").clone()
    }

    /// Bytes the endless endpoint managed to send, and whether the client
    /// has closed it.
    pub fn endless(&self) -> (u64, bool) {
        (
            self.shared.endless_written.load(Ordering::SeqCst),
            self.shared.endless_closed.load(Ordering::SeqCst),
        )
    }
}

impl Drop for FixtureServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wake both accept loops.
        let _ = TcpStream::connect(self.addr);
        let _ = TcpStream::connect(self.silent);
        for t in self.threads.drain(..) {
            let _ = t.join();
        }
    }
}

/// A loopback address nothing listens on: connecting is refused.
pub fn refused_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
    let addr = listener.local_addr().expect("bound");
    drop(listener);
    format!("http://{addr}/s?mid=1")
}

fn page_url(base: &str, issue: &SynthIssue) -> String {
    let a = &issue.article;
    format!(
        "{base}/s?__biz={}&mid={}&idx={}&sn={}&scene=21#wechat_redirect",
        a.biz, a.mid, a.idx, issue.sn
    )
}

fn serve(listener: TcpListener, shared: Arc<Shared>) {
    loopback::serve(listener, shared, |s| &s.stop, answer);
}

/// Accepts and keeps each connection open without a byte in reply, each
/// for at most [`HOLD_AT_MOST`].
fn hold_silently(listener: TcpListener, shared: Arc<Shared>) {
    let mut held: Vec<(Instant, TcpStream)> = Vec::new();
    listener
        .set_nonblocking(true)
        .expect("a non-blocking listener");
    while !shared.stop.load(Ordering::SeqCst) {
        held.retain(|(since, _)| since.elapsed() < HOLD_AT_MOST);
        match listener.accept() {
            Ok((stream, _)) => held.push((Instant::now(), stream)),
            Err(_) => std::thread::sleep(Duration::from_millis(20)),
        }
    }
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let loopback::Head { target, headers } = loopback::read_head(stream)?;
    Some(Request {
        at: Instant::now(),
        target,
        user_agent: headers.get("user-agent").cloned(),
        accept_encoding: headers.get("accept-encoding").cloned(),
    })
}

fn answer(mut stream: TcpStream, shared: &Shared) -> std::io::Result<()> {
    let Some(request) = read_request(&mut stream) else {
        return Ok(());
    };
    shared.log.lock().expect("log").push(request.clone());
    let (path, query) = request
        .target
        .split_once('?')
        .unwrap_or((request.target.as_str(), ""));
    let html = "text/html; charset=utf-8";
    match path {
        "/s" => match issue_index(shared, query) {
            Some(i) if shared.setup.wall_at == Some(i) => {
                respond(&mut stream, "200 OK", html, &[], WALL_PAGE.as_bytes())
            }
            Some(i) if shared.setup.panic_at == Some(i) => {
                let marked = page(shared, i)
                    .replace("</body>", &format!("<!-- {PANIC_MARKER} -->\n</body>"));
                respond(&mut stream, "200 OK", html, &[], marked.as_bytes())
            }
            Some(i) => respond(&mut stream, "200 OK", html, &[], page(shared, i).as_bytes()),
            None => respond(
                &mut stream,
                "404 Not Found",
                html,
                &[],
                b"<p>no such page</p>",
            ),
        },
        "/slow/s" => {
            std::thread::sleep(SLOW);
            let i = issue_index(shared, query).unwrap_or(ISSUES - 1);
            respond(&mut stream, "200 OK", html, &[], page(shared, i).as_bytes())
        }
        "/gzip/s" => {
            let i = issue_index(shared, query).unwrap_or(ISSUES - 1);
            let gzip = gzip(page(shared, i).as_bytes());
            respond(
                &mut stream,
                "200 OK",
                html,
                &[("Content-Encoding", "gzip")],
                &gzip,
            )
        }
        "/gbk/s" => {
            // The charset only in the header: the page's <meta> is gone.
            let i = issue_index(shared, query).unwrap_or(ISSUES - 1);
            let text = page(shared, i).replace("<meta charset=\"utf-8\">", "");
            let (bytes, _, _) = encoding_rs::GBK.encode(&text);
            respond(&mut stream, "200 OK", "text/html; charset=GBK", &[], &bytes)
        }
        "/missing" => respond(&mut stream, "404 Not Found", html, &[], b"<p>gone</p>"),
        "/wall" => respond(&mut stream, "200 OK", html, &[], WALL_PAGE.as_bytes()),
        "/to-file" => redirect(&mut stream, "file:///etc/passwd"),
        "/to-credentials" => {
            // The newest issue, at an address with a user and password.
            let newest = page_url(&shared.base, &shared.issues[ISSUES - 1]);
            let with = newest.replacen("http://", "http://reader:s3cret@", 1);
            redirect(&mut stream, &with)
        }
        "/loop" => redirect(&mut stream, "/loop"),
        "/hops" => {
            // /hops?n=K redirects K times, then to the newest issue.
            let n: usize = query
                .strip_prefix("n=")
                .and_then(|n| n.parse().ok())
                .unwrap_or(0);
            if n == 0 {
                let newest = page_url(&shared.base, &shared.issues[ISSUES - 1]);
                redirect(&mut stream, &newest)
            } else {
                redirect(&mut stream, &format!("/hops?n={}", n - 1))
            }
        }
        "/image.png" => respond(&mut stream, "200 OK", "image/png", &[], PNG),
        "/huge" => {
            // Announces more than the cap, sends a little.
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\
                        Content-Length: 17825792\r\nConnection: close\r\n\r\n<p>";
            stream.write_all(head.as_bytes())
        }
        "/gzip-bomb" => {
            // 40 KB on the wire, 20 MiB decoded.
            let bomb = gzip(&vec![b' '; 20 * 1024 * 1024]);
            respond(
                &mut stream,
                "200 OK",
                html,
                &[("Content-Encoding", "gzip")],
                &bomb,
            )
        }
        "/endless" => endless(&mut stream, shared),
        "/other-article" => respond(&mut stream, "200 OK", html, &[], OTHER_ARTICLE.as_bytes()),
        _ => respond(&mut stream, "404 Not Found", html, &[], b"<p>unknown</p>"),
    }
}

fn issue_index(shared: &Shared, query: &str) -> Option<usize> {
    let mid = query
        .split('&')
        .find_map(|pair| pair.strip_prefix("mid="))?;
    shared.issues.iter().position(|i| i.article.mid == mid)
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

fn redirect(stream: &mut TcpStream, to: &str) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes())
}

/// A page that never ends: close-delimited, written until the client
/// hangs up (or the bound is reached).
fn endless(stream: &mut TcpStream, shared: &Shared) -> std::io::Result<()> {
    let head =
        "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nConnection: close\r\n\r\n";
    stream.write_all(head.as_bytes())?;
    stream.set_write_timeout(Some(Duration::from_secs(5)))?;
    let chunk = "<p>本周网络安全基本态势</p>\n".repeat(2048);
    let started = Instant::now();
    let result = loop {
        if shared.stop.load(Ordering::SeqCst)
            || started.elapsed() > HOLD_AT_MOST
            || shared.endless_written.load(Ordering::SeqCst) > ENDLESS_AT_MOST
        {
            break Ok(());
        }
        match stream.write(chunk.as_bytes()) {
            Ok(n) => {
                shared.endless_written.fetch_add(n as u64, Ordering::SeqCst);
            }
            Err(e) => break Err(e),
        }
    };
    shared.endless_closed.store(true, Ordering::SeqCst);
    result
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("in memory");
    encoder.finish().expect("in memory")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn page(shared: &Shared, index: usize) -> String {
    wechat_page(&shared.base, &shared.issues, index)
}

/// The `index`-th issue as a WeChat article page: the generated Markdown
/// bulletin's article, its 近期回顾 links and its charts rewritten to lead
/// to `base`.
pub fn wechat_page(base: &str, issues: &[SynthIssue], index: usize) -> String {
    let issue = &issues[index];
    let recent = synth::recent_for(issues, index);
    let markdown = synth::full_markdown(issue, &recent);
    let link = regex::Regex::new(r"^●\[(.+)\]\((.+)\)$").expect("static regex");
    let image = regex::Regex::new(r"!\[\]\(([^)]+)\)").expect("static regex");
    let mut body = String::new();
    let mut started = false;
    for line in markdown.lines().map(str::trim).filter(|l| !l.is_empty()) {
        started |= line == "本周网络安全基本态势";
        if !started {
            continue;
        }
        if let Some(c) = link.captures(line) {
            let earlier = recent
                .iter()
                .find(|e| e.ref_url() == c[2])
                .expect("a 近期回顾 line names an earlier issue");
            body.push_str(&format!(
                "<p>●<a href=\"{}\" target=\"_blank\" data-linktype=\"2\">{}</a></p>\n",
                escape(&page_url(base, earlier)),
                escape(&c[1])
            ));
            if recent.last().is_some_and(|last| last.ref_url() == c[2]) {
                break;
            }
        } else if line.starts_with("![") {
            for (n, c) in image.captures_iter(line).enumerate() {
                // Charts on the real CDN are named on this server instead
                // (which has none of them): a fetch that downloads
                // pictures must never ask the real network.
                let src = if c[1].starts_with(base) {
                    c[1].to_string()
                } else {
                    format!("{base}/img/{}-{n}.png", issue.key)
                };
                body.push_str(&format!("<p><img data-src=\"{}\"></p>\n", escape(&src)));
            }
        } else {
            body.push_str(&format!("<p><span>{}</span></p>\n", escape(line)));
        }
    }
    let a = &issue.article;
    let title = issue.title();
    let published = issue
        .published
        .and_hms_opt(2, 0, 0)
        .expect("a valid time")
        .and_utc()
        .timestamp();
    format!(
        r#"<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta property="og:title" content="{title}" />
<title>{title}</title>
</head>
<body id="activity-detail">
<h1 class="rich_media_title " id="activity-name">
    {title}
</h1>
<a href="javascript:void(0);" id="js_name">{account}</a>
<em id="publish_time"></em>
<div class="rich_media_content" id="js_content">
{body}</div>
<script type="text/javascript">
    var biz = "{biz}";
    var mid = "{mid}";
    var idx = "{idx}";
    var sn = "{sn}";
    var nickname = "{account}";
    var ct = "{published}";
    var msg_link = "http://mp.weixin.qq.com/s?__biz={biz}&amp;mid={mid}&amp;idx={idx}&amp;sn={sn}#rd";
</script>
</body>
</html>
"#,
        title = escape(&title),
        account = synth::ORIGINAL_SOURCE,
        biz = a.biz,
        mid = a.mid,
        idx = a.idx,
        sn = issue.sn,
    )
}

/// WeChat's page in place of an article: our own words around the two
/// phrases that mark it.
pub const WALL_PAGE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>微信公众平台</title></head>
<body><div class="weui-msg">
<h2 class="weui-msg__title">环境异常</h2>
<p class="weui-msg__desc">当前环境异常，完成验证后即可继续访问。</p>
<a class="weui-btn">去验证</a>
</div></body></html>
"#;

/// A WeChat article that is not an issue of the series.
const OTHER_ARTICLE: &str = r#"<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>另一篇文章</title></head>
<body><h1 id="activity-name">某公众号的另一篇文章</h1>
<div id="js_content"><p>这是一篇与周报无关的测试文章。</p></div>
<script>var biz = "QW5vdGhlcg=="; var mid = "1"; var idx = "1";</script>
</body></html>
"#;

/// The eight-byte PNG signature and an empty IHDR-like tail: an image by
/// its type, binary by its bytes.
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0";
