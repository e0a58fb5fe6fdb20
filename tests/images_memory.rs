//! Memory stays bounded whatever the pictures: `zhoubao fetch` run as a
//! user runs it, against a page whose pictures are a bomb's header
//! (100000×100000: 40 GB of pixels if trusted), two 64 MB bodies and a
//! good picture near the 10 MB cap, its peak resident memory read from
//! the kernel when it ends (wait4's ru_maxrss). Its own file, so no other
//! test's child is counted.
#![cfg(target_os = "linux")]

mod cli_fixture;
mod image_fixture;

use std::io::Read;
use std::process::Stdio;

use image::{Rgb, RgbImage};
use image_fixture::{hostile, Answer, ImageServer, Picture, BIG};

/// A picture of noise, which PNG cannot compress: about `side`² × 3 bytes.
fn noise_png(side: u32) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let image = RgbImage::from_fn(side, side, |_, _| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let [r, g, b, ..] = state.to_le_bytes();
        Rgb([r, g, b])
    });
    let mut out = std::io::Cursor::new(Vec::new());
    image
        .write_to(&mut out, image::ImageFormat::Png)
        .expect("encoding into memory");
    out.into_inner()
}

/// The most the fetch may hold at once: less than one 64 MB body alone,
/// and nothing like the bomb's 40 GB. What it does hold (46 MB on the
/// build machine) is the binary and SQLite, a page, and one picture up to
/// the 10 MB cap in a growing buffer with the copy SQLite writes.
const PEAK_LIMIT_KB: i64 = 64 * 1024;

#[test]
fn hostile_pictures_never_make_fetch_hold_more_than_a_capped_picture() {
    let big_good = noise_png(1800);
    assert!(big_good.len() > 9 * 1024 * 1024 && big_good.len() < 10 * 1024 * 1024);
    let mut pictures = vec![Picture {
        name: "big-good.png",
        answer: Answer::Bytes {
            content_type: "image/png",
            bytes: big_good.clone(),
        },
    }];
    pictures.extend(
        hostile()
            .into_iter()
            .filter(|p| ["bomb.png", "big.png", "big-announced.png"].contains(&p.name)),
    );
    let server = ImageServer::start(pictures);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");

    // Reaped by wait4 below, which also reports its memory.
    #[allow(clippy::zombie_processes)]
    let mut child = cli_fixture::command()
        .arg("--db")
        .arg(&db)
        .args(["fetch", "--delay", "0.5", &server.page_url(1)])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err_pipe = child.stderr.take().unwrap();
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err_pipe.read_to_string(&mut s);
        s
    });
    let mut out_pipe = child.stdout.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = out_pipe.read_to_end(&mut s);
    });
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value of the plain C struct.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not waited for by anything else;
    // the pointers are to live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    let err = err_reader.join().unwrap();
    out_reader.join().unwrap();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{err}"
    );

    assert!(
        err.contains("bomb.png: too many pixels: 100000×100000"),
        "{err}"
    );
    assert!(
        err.contains("big.png: too large: more than 10 MiB"),
        "{err}"
    );
    assert!(
        err.contains("big-announced.png: too large: more than 10 MiB"),
        "{err}"
    );
    assert!(
        err.contains("4 images: 1 downloaded, 0 already cached, 3 failed"),
        "{err}"
    );
    let store = zhoubao::store::Store::open_existing(&db).unwrap();
    let list = zhoubao::images::issue_images(&store, server.issues()[1].key).unwrap();
    let kept = zhoubao::images::cached_bytes(&store, &list[0])
        .unwrap()
        .unwrap();
    assert_eq!(kept, big_good, "the good picture beside them is kept whole");

    let peak_kb = usage.ru_maxrss;
    eprintln!(
        "peak resident memory of `zhoubao fetch`: {} MB",
        peak_kb / 1024
    );
    assert!(
        peak_kb < PEAK_LIMIT_KB,
        "peak {peak_kb} KB, over {PEAK_LIMIT_KB} KB ({} MB served in one body)",
        BIG / (1024 * 1024)
    );
}
