//! The image tests' loopback server, to try `zhoubao fetch`, `zhoubao
//! images` and the image view by hand: a bulletin page whose charts are
//! good pictures (PNG, JPEG, GIF, WebP, one behind a redirect) and hostile
//! ones (empty, truncated, a bomb's header, a web page as image/png, 64 MB,
//! a slow drip, a redirect to a file). Prints the pages, serves for the
//! given seconds (default 120, at most 600), then stops. Run:
//! `cargo run --release --example image_server -- 300`.

#[path = "../tests/image_fixture/mod.rs"]
mod image_fixture;

use std::time::Duration;

fn main() {
    let seconds: u64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(120)
        .min(600);
    let pictures = image_fixture::good()
        .into_iter()
        .chain(image_fixture::hostile())
        .chain([image_fixture::drip()])
        .collect();
    let server = image_fixture::ImageServer::start(pictures);
    for (i, issue) in server.issues().iter().enumerate().rev() {
        println!("{:<10} {}", issue.key.to_string(), server.page_url(i));
    }
    println!("serving for {seconds} s");
    std::thread::sleep(Duration::from_secs(seconds));
}
