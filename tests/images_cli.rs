//! `zhoubao fetch` and `zhoubao images` as a user runs them against the
//! loopback image server: fetch keeps the pictures of the page it stores,
//! `images KEY` lists them with their words and sizes or why not, a second
//! fetch asks for nothing, `--fetch` asks again for the failures only,
//! `--save` writes the files and never over one, and reindex and recover
//! keep them. Also `--demo images`, which needs no network at all.

mod cli_fixture;
mod image_fixture;

use std::path::Path;
use std::process::Output;

use cli_fixture::stderr;
use image_fixture::{good, hostile, ImageServer};

/// Runs zhoubao on `db` in `lang`, with a proxy set that would refuse
/// every connection: the loopback server must be reached directly.
fn zhoubao(db: &Path, lang: &str, args: &[&str]) -> Output {
    cli_fixture::command()
        .arg("--db")
        .arg(db)
        .args(args)
        .env("ZHOUBAO_LANG", lang)
        .env("HTTP_PROXY", "http://127.0.0.1:1")
        .env_remove("NO_PROXY")
        .env_remove("no_proxy")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Two good pictures and two hostile ones on the newer page.
fn server() -> ImageServer {
    let mut pictures: Vec<_> = good().into_iter().take(2).collect();
    pictures.extend(
        hostile()
            .into_iter()
            .filter(|p| p.name == "page.png" || p.name == "bomb.png"),
    );
    ImageServer::start(pictures)
}

#[test]
fn fetch_keeps_the_pages_pictures_and_images_lists_them() {
    let server = server();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let page = server.page_url(1);
    let key = server.issues()[1].key.to_string();

    let out = zhoubao(&db, "en", &["fetch", "--delay", "0.5", &page]);
    let err = stderr(&out);
    assert!(out.status.success(), "{err}");
    assert!(
        err.contains("1 page: 1 new, 0 updated, 0 unchanged, 0 stubs merged, 0 skipped, 0 failed"),
        "{err}"
    );
    assert!(
        err.contains("bomb.png: too many pixels: 100000×100000, at most 8192 a side"),
        "{err}"
    );
    assert!(
        err.contains("page.png: not an image: the server sent a web page"),
        "{err}"
    );
    assert!(
        err.ends_with("4 images: 2 downloaded, 0 already cached, 2 failed\n"),
        "{err}"
    );
    assert!(server.requests().iter().all(|r| r.referer.is_none()));

    let out = zhoubao(&db, "en", &["images", &key]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with(&format!("{key} 网络安全信息与动态周报2024年第2期")),
        "{text}"
    );
    assert!(lines[0].ends_with(": 4 images"), "{text}");
    assert!(
        lines[1].starts_with("1. 本周网络安全基本态势 · 本周，"),
        "{text}"
    );
    let png_bytes = server.bytes_of("chart.png").len();
    assert!(png_bytes < 1024);
    assert_eq!(lines[2], format!("   PNG 40×30, {png_bytes} B"));
    assert_eq!(lines[3], format!("   {}", server.picture_url("chart.png")));
    // The next pictures follow the same paragraph: its words are not repeated.
    assert!(lines[4].starts_with("2. JPEG 48×32, "), "{text}");
    assert_eq!(
        lines[6],
        "3. failed: too many pixels: 100000×100000, at most 8192 a side"
    );
    assert_eq!(
        lines[8],
        "4. failed: not an image: the server sent a web page"
    );
    assert_eq!(lines.len(), 10, "{text}");
    assert!(
        stderr(&out).contains(&format!(
            "zhoubao images {key} --fetch downloads the missing ones"
        )),
        "{}",
        stderr(&out)
    );

    // In Chinese too.
    let zh = stdout(&zhoubao(&db, "zh", &["images", &key]));
    assert!(zh.contains("：4 张图片\n"), "{zh}");
    assert!(
        zh.contains("\n4. 没有保存：不是图片：服务器发来的是网页\n"),
        "{zh}"
    );

    // A second fetch: the page is held, and no picture is asked again.
    let asked = server.picture_requests().len();
    let out = zhoubao(&db, "en", &["fetch", "--delay", "0.5", &page]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        server.picture_requests().len(),
        asked,
        "nothing asked twice"
    );
    assert!(!stderr(&out).contains("images:"), "{}", stderr(&out));

    // --fetch asks again for the two that failed, and only those.
    let out = zhoubao(&db, "en", &["images", &key, "--fetch"]);
    assert_eq!(out.status.code(), Some(1), "failures remain: exit 1");
    let retried: Vec<String> = server.picture_requests()[asked..]
        .iter()
        .map(|r| r.target.clone())
        .collect();
    assert_eq!(retried, ["/img/bomb.png", "/img/page.png"]);
    assert!(
        stderr(&out).contains("4 images: 0 downloaded, 2 already cached, 2 failed"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn save_writes_each_cached_picture_once_and_never_over_a_file() {
    let server = server();
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let out = zhoubao(&db, "en", &["fetch", "--delay", "0.5", &server.page_url(1)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let key = server.issues()[1].key.to_string();
    let saved = dir.path().join("saved");
    let saved_arg = saved.to_str().unwrap();

    let out = zhoubao(&db, "en", &["images", &key, "--save", saved_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    let png = saved.join(format!("{key}_1.png"));
    let jpg = saved.join(format!("{key}_2.jpg"));
    assert_eq!(std::fs::read(&png).unwrap(), server.bytes_of("chart.png"));
    assert_eq!(std::fs::read(&jpg).unwrap(), server.bytes_of("chart.jpg"));
    let mut names: Vec<String> = std::fs::read_dir(&saved)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, [format!("{key}_1.png"), format!("{key}_2.jpg")]);
    assert!(stderr(&out).contains(&format!("wrote {}", png.display())));

    // Again: each file is there, is left as it is, and the run says so.
    std::fs::write(&png, b"mine").unwrap();
    let out = zhoubao(&db, "en", &["images", &key, "--save", saved_arg]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(&format!("{} exists already; left as it is", png.display())),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&png).unwrap(), b"mine");
}

#[test]
fn reindex_and_recover_keep_the_pictures_and_they_show_without_a_network() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let key;
    {
        let server = server();
        key = server.issues()[1].key.to_string();
        let out = zhoubao(&db, "en", &["fetch", "--delay", "0.5", &server.page_url(1)]);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    let listed = stdout(&zhoubao(&db, "en", &["images", &key]));
    assert!(listed.contains("PNG 40×30"), "{listed}");

    let out = zhoubao(&db, "en", &["reindex"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&zhoubao(&db, "en", &["images", &key])), listed);

    let to = dir.path().join("new.db");
    let out = zhoubao(&db, "en", &["recover", "--to", to.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("kept 2 cached images"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&zhoubao(&to, "en", &["images", &key])), listed);
}

#[test]
fn images_of_an_issue_the_cache_does_not_hold_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    // Only the older issue: the newer one is unknown.
    let server = server();
    let out = zhoubao(&db, "en", &["fetch", "--delay", "0.5", &server.page_url(0)]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = zhoubao(&db, "en", &["images", "2024-9"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("2024-9"), "{}", stderr(&out));
}

#[test]
fn the_demo_has_charts_of_its_own_without_a_network() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("never-created.db");
    let out = zhoubao(&db, "en", &["--demo", "images", "2025-50"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("   PNG 320×180, "), "{text}");
    assert!(!text.contains("not downloaded"), "{text}");
    let saved = dir.path().join("charts");
    let out = zhoubao(
        &db,
        "en",
        &[
            "--demo",
            "images",
            "2025-50",
            "--save",
            saved.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let first = std::fs::read(saved.join("2025-50_1.png")).unwrap();
    assert!(first.starts_with(b"\x89PNG\r\n\x1a\n"));
    assert!(!db.exists(), "the demo writes no cache");
}
