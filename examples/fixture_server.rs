//! The fetch tests' loopback server, to try `zhoubao fetch` and `F` by
//! hand: prints its addresses, serves for the given seconds (default 120,
//! at most 600), then stops. Run:
//! `cargo run --release --example fixture_server -- 300`.

#[path = "../tests/fetch_fixture/mod.rs"]
mod fetch_fixture;

use std::time::Duration;

fn main() {
    let seconds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(120)
        .min(600);
    let server = fetch_fixture::FixtureServer::start();
    println!("newest issue   {}", server.newest_url());
    for (i, issue) in server.issues().iter().enumerate().rev() {
        println!("{:<14} {}", issue.key.to_string(), server.page_url(i));
    }
    for path in [
        "/missing",
        "/wall",
        "/to-file",
        "/loop",
        "/hops?n=6",
        "/image.png",
        "/huge",
        "/gzip-bomb",
        "/endless",
        "/other-article",
    ] {
        println!("{:<14} {}", path, server.url(path));
    }
    println!("{:<14} {}", "silent", server.silent_url());
    println!("serving for {seconds} s");
    std::thread::sleep(Duration::from_secs(seconds));
}
