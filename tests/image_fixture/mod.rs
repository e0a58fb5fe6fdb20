//! A loopback server for the image tests: WeChat-style bulletin pages
//! whose charts are this server's pictures, good ones (PNG, JPEG, GIF,
//! WebP, one behind a redirect) beside hostile ones (empty, truncated, a
//! bomb's header, a web page served as image/png, 64 MB, a slow drip, a
//! redirect to a file), and a log of every request with its Referer. By
//! hand on `TcpListener`, as the fetch fixture is: the tests need exact
//! control of what is sent and when.
//!
//! Every connection is answered once and closed; every thread stops when
//! the server is dropped, or by itself within [`HOLD_AT_MOST`].
#![allow(dead_code)]

use std::collections::HashMap;
use std::io::Write;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use zhoubao::images::samples;
use zhoubao::synth::{self, SynthIssue};

#[path = "../fetch_fixture/mod.rs"]
mod fetch_fixture;

use fetch_fixture::loopback;

/// The longest any connection is kept open.
pub const HOLD_AT_MOST: Duration = Duration::from_secs(40);
/// The big bodies' size.
pub const BIG: u64 = 64 * 1024 * 1024;
/// The drip: one byte this often.
pub const DRIP_EVERY: Duration = Duration::from_millis(200);
const SEED: u64 = 0x1a6e_5eed;

/// What a path answers.
#[derive(Debug, Clone)]
pub enum Answer {
    Bytes {
        content_type: &'static str,
        bytes: Vec<u8>,
    },
    /// `bytes`, one byte per [`DRIP_EVERY`].
    Drip {
        bytes: Vec<u8>,
    },
    /// A PNG's first bytes then zeros, [`BIG`] in all, close-delimited
    /// (no length given) or announcing its length.
    Big {
        announce: bool,
    },
    Redirect(String),
}

/// One picture a page shows: the name it is served at and the answer.
#[derive(Debug, Clone)]
pub struct Picture {
    pub name: &'static str,
    pub answer: Answer,
}

fn bytes(content_type: &'static str, bytes: Vec<u8>) -> Answer {
    Answer::Bytes {
        content_type,
        bytes,
    }
}

/// The good pictures: each is kept.
pub fn good() -> Vec<Picture> {
    vec![
        Picture {
            name: "chart.png",
            answer: bytes("image/png", samples::png(40, 30)),
        },
        Picture {
            name: "chart.jpg",
            answer: bytes("image/jpeg", samples::jpeg(48, 32)),
        },
        Picture {
            // A server that says nothing useful of the type: bytes decide.
            name: "chart.gif",
            answer: bytes("application/octet-stream", samples::gif(20, 10)),
        },
        Picture {
            name: "chart.webp",
            answer: bytes("image/webp", samples::webp(12, 12)),
        },
        Picture {
            name: "moved.png",
            answer: Answer::Redirect("/img/moved-here.png".into()),
        },
    ]
}

/// Every hostile picture but the drip (which takes the client's whole
/// time limit: the tests that want it add [`drip`]).
pub fn hostile() -> Vec<Picture> {
    let truncated = {
        let whole = samples::png(64, 64);
        whole[..whole.len() / 2].to_vec()
    };
    let page = "<!DOCTYPE html><html><body>此图片来自微信公众平台，未经允许不可引用</body></html>";
    vec![
        Picture {
            name: "empty.png",
            answer: bytes("image/png", Vec::new()),
        },
        Picture {
            name: "truncated.png",
            answer: bytes("image/png", truncated),
        },
        Picture {
            name: "bomb.png",
            answer: bytes("image/png", samples::png_header_claiming(100_000, 100_000)),
        },
        Picture {
            name: "page.png",
            answer: bytes("image/png", page.into()),
        },
        Picture {
            name: "big.png",
            answer: Answer::Big { announce: false },
        },
        Picture {
            name: "big-announced.png",
            answer: Answer::Big { announce: true },
        },
        Picture {
            name: "to-file.png",
            answer: Answer::Redirect("file:///etc/passwd".into()),
        },
    ]
}

/// A whole PNG, one byte per [`DRIP_EVERY`].
pub fn drip() -> Picture {
    Picture {
        name: "drip.png",
        answer: Answer::Drip {
            bytes: samples::png(8, 8),
        },
    }
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
pub struct Request {
    pub target: String,
    pub referer: Option<String>,
    pub user_agent: Option<String>,
}

struct Shared {
    /// By `mid`.
    pages: HashMap<String, String>,
    /// By path.
    pictures: HashMap<String, Answer>,
    log: Mutex<Vec<Request>>,
    stop: AtomicBool,
}

pub struct ImageServer {
    shared: Arc<Shared>,
    addr: SocketAddr,
    base: String,
    issues: Vec<SynthIssue>,
    thread: Option<JoinHandle<()>>,
}

impl ImageServer {
    /// Two issues (2024 第1期 and 第2期): the newer one's charts are
    /// `pictures`, in order; the older one's the good PNG and a picture of
    /// its own (`older.png`).
    pub fn start(pictures: Vec<Picture>) -> ImageServer {
        let older = Picture {
            name: "older.png",
            answer: bytes("image/png", samples::png(16, 16)),
        };
        let chart = good().remove(0);
        ImageServer::start_with_older(pictures, vec![chart, older])
    }

    /// [`ImageServer::start`] with the older issue's charts `older`.
    pub fn start_with_older(pictures: Vec<Picture>, older: Vec<Picture>) -> ImageServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
        let addr = listener.local_addr().expect("bound");
        let base = format!("http://{addr}");
        let mut issues = synth::series(2024, 2, SEED);
        let url = |name: &str| format!("{base}/img/{name}");
        issues[1].charts = pictures.iter().map(|p| url(p.name)).collect();
        issues[0].charts = older.iter().map(|p| url(p.name)).collect();
        let mut served: HashMap<String, Answer> = good()
            .into_iter()
            .chain(hostile())
            .chain([drip()])
            .chain(pictures)
            .chain(older)
            .map(|p| (format!("/img/{}", p.name), p.answer))
            .collect();
        served.insert(
            "/img/moved-here.png".into(),
            bytes("image/png", samples::png(24, 24)),
        );
        let pages = (0..issues.len())
            .map(|i| {
                (
                    issues[i].article.mid.clone(),
                    fetch_fixture::wechat_page(&base, &issues, i),
                )
            })
            .collect();
        let shared = Arc::new(Shared {
            pages,
            pictures: served,
            log: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
        });
        let s = Arc::clone(&shared);
        let thread = std::thread::spawn(move || serve(listener, s));
        ImageServer {
            shared,
            addr,
            base,
            issues,
            thread: Some(thread),
        }
    }

    pub fn issues(&self) -> &[SynthIssue] {
        &self.issues
    }

    /// The `index`-th issue's page.
    pub fn page_url(&self, index: usize) -> String {
        let issue = &self.issues[index];
        let a = &issue.article;
        format!(
            "{}/s?__biz={}&mid={}&idx={}&sn={}",
            self.base, a.biz, a.mid, a.idx, issue.sn
        )
    }

    pub fn picture_url(&self, name: &str) -> String {
        format!("{}/img/{name}", self.base)
    }

    pub fn requests(&self) -> Vec<Request> {
        self.shared.log.lock().expect("log").clone()
    }

    /// Requests for pictures (not pages).
    pub fn picture_requests(&self) -> Vec<Request> {
        self.requests()
            .into_iter()
            .filter(|r| r.target.starts_with("/img/"))
            .collect()
    }

    /// The bytes served at `name`, for a picture served as bytes.
    pub fn bytes_of(&self, name: &str) -> Vec<u8> {
        match self.shared.pictures.get(&format!("/img/{name}")) {
            Some(Answer::Bytes { bytes, .. }) => bytes.clone(),
            other => panic!("{name} is not served as bytes: {other:?}"),
        }
    }
}

impl Drop for ImageServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        let _ = TcpStream::connect(self.addr);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn serve(listener: TcpListener, shared: Arc<Shared>) {
    loopback::serve(listener, shared, |s| &s.stop, answer);
}

fn read_request(stream: &mut TcpStream) -> Option<Request> {
    let loopback::Head { target, headers } = loopback::read_head(stream)?;
    Some(Request {
        target,
        referer: headers.get("referer").cloned(),
        user_agent: headers.get("user-agent").cloned(),
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
    if path == "/s" {
        let mid = query
            .split('&')
            .find_map(|p| p.strip_prefix("mid="))
            .unwrap_or_default();
        return match shared.pages.get(mid) {
            Some(page) => respond(
                &mut stream,
                "200 OK",
                "text/html; charset=utf-8",
                page.as_bytes(),
            ),
            None => respond(&mut stream, "404 Not Found", "text/html", b"<p>no page</p>"),
        };
    }
    // mmbiz.qpic.cn answers a foreign Referer with a small placeholder;
    // so does this server, so a request that sends one is caught twice.
    if request.referer.is_some() {
        return respond(&mut stream, "200 OK", "image/png", &samples::png(2, 1));
    }
    match shared.pictures.get(path) {
        Some(Answer::Bytes {
            content_type,
            bytes,
        }) => respond(&mut stream, "200 OK", content_type, bytes),
        Some(Answer::Redirect(to)) => {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            stream.write_all(head.as_bytes())
        }
        Some(Answer::Drip { bytes }) => {
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                bytes.len()
            );
            stream.write_all(head.as_bytes())?;
            let started = Instant::now();
            for b in bytes {
                if shared.stop.load(Ordering::SeqCst) || started.elapsed() > HOLD_AT_MOST {
                    break;
                }
                stream.write_all(&[*b])?;
                stream.flush()?;
                std::thread::sleep(DRIP_EVERY);
            }
            Ok(())
        }
        Some(Answer::Big { announce }) => {
            let length = if *announce {
                format!("Content-Length: {BIG}\r\n")
            } else {
                String::new()
            };
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n{length}Connection: close\r\n\r\n"
            );
            stream.write_all(head.as_bytes())?;
            stream.set_write_timeout(Some(Duration::from_secs(5)))?;
            let mut chunk = vec![0u8; 64 * 1024];
            chunk[..8].copy_from_slice(b"\x89PNG\r\n\x1a\n");
            let mut sent = 0;
            let started = Instant::now();
            while sent < BIG
                && !shared.stop.load(Ordering::SeqCst)
                && started.elapsed() < HOLD_AT_MOST
            {
                stream.write_all(&chunk)?;
                sent += chunk.len() as u64;
                chunk[..8].fill(0);
            }
            Ok(())
        }
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"no such picture",
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(body)?;
    stream.flush()
}
