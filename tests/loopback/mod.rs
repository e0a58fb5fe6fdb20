//! What every loopback test server shares (fetch, feed and image
//! fixtures): a thread per connection until told to stop, and a request's
//! head read by hand, since the tests check exactly which headers arrive.

use std::collections::HashMap;
use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

/// A request's first line's target and its headers, names lower-cased.
pub struct Head {
    pub target: String,
    pub headers: HashMap<String, String>,
}

/// Reads a request's head, at most 64 KiB and 5 s: None for anything else.
pub fn read_head(stream: &mut TcpStream) -> Option<Head> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    while !head.ends_with(b"\r\n\r\n") {
        if head.len() > 64 * 1024 || stream.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.lines();
    let target = lines.next()?.split(' ').nth(1)?.to_string();
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Some(Head { target, headers })
}

/// Answers each connection on its own thread with `answer` until `stop`
/// is set (the fixture then connects once to wake the accept), and joins
/// them all before returning.
pub fn serve<S: Send + Sync + 'static>(
    listener: TcpListener,
    shared: Arc<S>,
    stop: fn(&S) -> &AtomicBool,
    answer: fn(TcpStream, &S) -> std::io::Result<()>,
) {
    let mut workers = Vec::new();
    for stream in listener.incoming() {
        if stop(&shared).load(Ordering::SeqCst) {
            break;
        }
        let Ok(stream) = stream else { continue };
        let s = Arc::clone(&shared);
        workers.push(std::thread::spawn(move || {
            let _ = answer(stream, &s);
        }));
    }
    for w in workers {
        let _ = w.join();
    }
}
