//! A 100 MB feed keeps zhoubao's memory bounded: the binary reads at most
//! the fetch limit (16 MiB), says the feed is too large in one line, and
//! its peak resident memory stays far below the feed's size. The peak is
//! the kernel's high-water mark (`VmHWM` in /proc), read while the
//! process is still alive: a slow second feed keeps it waiting after the
//! large one.
#![cfg(target_os = "linux")]

mod cli_fixture;
mod feed_fixture;

use std::process::Stdio;
use std::time::{Duration, Instant};

use feed_fixture::{rss, FeedServer, Item, Route};

const FEED_BYTES: u64 = 100 * 1024 * 1024;
/// What the process may reach: the 16 MiB body, the program and the cache.
const PEAK_LIMIT_KIB: u64 = 64 * 1024;

/// `VmHWM` of a running process, in KiB.
fn high_water_mark(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn a_100_mb_feed_is_refused_with_bounded_memory() {
    let server = FeedServer::start(0);
    server.set(
        "/huge.xml",
        Route::ok("application/rss+xml", "").tap(|r| r.stream = Some(FEED_BYTES)),
    );
    server.set(
        "/slow.xml",
        Route::ok("application/rss+xml", rss(&[Item::other(1)], false))
            .tap(|r| r.delay = Duration::from_secs(2)),
    );
    let dir = tempfile::tempdir().unwrap();
    let mut child = cli_fixture::command()
        .arg("--db")
        .arg(dir.path().join("c.db"))
        .args([
            "update",
            "--quiet",
            "--delay",
            "0.5",
            &server.url("/huge.xml"),
            &server.url("/slow.xml"),
        ])
        .env_remove("HTTP_PROXY")
        .env_remove("http_proxy")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let mut peak = 0;
    let status = loop {
        if let Some(kib) = high_water_mark(child.id()) {
            peak = peak.max(kib);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "still running"
        );
        std::thread::sleep(Duration::from_millis(10));
    };
    let mut err = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(1), "{err}");
    let huge = server.url("/huge.xml");
    assert!(
        err.starts_with(&format!(
            "failed  {huge}: too large: more than 16 MiB, stopped reading\n"
        )),
        "{err}"
    );
    assert!(peak > 0, "the high-water mark was read");
    assert!(
        peak < PEAK_LIMIT_KIB,
        "peak resident memory {peak} KiB for a {FEED_BYTES}-byte feed"
    );
    assert!(
        server.streamed() < FEED_BYTES / 2,
        "zhoubao stopped reading: {} bytes sent",
        server.streamed()
    );
    eprintln!("peak resident memory: {peak} KiB");
}
