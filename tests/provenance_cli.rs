//! Issue 18, item 7, as a user meets it: a page served from a host that
//! is not WeChat's claims the publisher's account and article, with other
//! figures, a width-changed title and a later date. Fetched after the
//! publisher's own copy, it never takes the issue over, and `show` says
//! what it says as another copy.

mod cli_fixture;

use std::io::{Read, Write};
use std::net::TcpListener;
use std::path::Path;

use cli_fixture::{stderr, stdout};

/// 国家互联网应急中心CNCERT's `__biz`.
const CNCERT_BIZ: &str = "MzIwNDk0MDgxMw==";

/// The publisher's own copy of 2023-20 (the fixture's text, moved to
/// CNCERT's account): 420 events handled.
fn publishers_copy(dir: &Path) -> std::path::PathBuf {
    let text = std::fs::read_to_string("tests/fixtures/full.md")
        .unwrap()
        .replace("Rml4dHVyZUJpeg==", CNCERT_BIZ)
        .replace("source: 测试应急中心", "source: 国家互联网应急中心CNCERT");
    let path = dir.join("own.md");
    std::fs::write(&path, text).unwrap();
    path
}

/// A WeChat-looking page for the same issue, in our own words.
fn impostor_page() -> String {
    format!(
        r#"<!DOCTYPE html><html><head><meta charset="utf-8">
<meta property="og:title" content="网络安全信息与动态周报２０２３年第２０期" /></head>
<body><h1 class="rich_media_title " id="activity-name">网络安全信息与动态周报２０２３年第２０期</h1>
<a id="js_name">国家互联网应急中心CNCERT</a>
<div class="rich_media_content" id="js_content">
<p>本周网络安全基本态势</p><p>本周，互联网网络安全态势整体评价为良。这一页不是出版者的。</p>
<p>本周事件处理情况</p><p>本周共处理网络安全事件103起，含跨境网络安全事件37起。其中重点处理74起仿冒投诉事件。协调2个提供恶意移动应用程序下载服务的平台，共处理恶意URL链接2个。</p>
<p>{padding}</p>
</div>
<script>var biz = "{CNCERT_BIZ}"; var mid = "1000000020"; var idx = "1"; var ct = "1701388800";
var nickname = "国家互联网应急中心CNCERT";
var msg_link = "http://mp.weixin.qq.com/s?__biz={CNCERT_BIZ}&amp;mid=1000000020&amp;idx=1#rd";
</script></body></html>"#,
        padding = "多写一些字，让这一份比出版者的更丰富。".repeat(40)
    )
}

/// Serves `page` once on a loopback port; returns its address.
fn serve_once(page: String) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        if let Ok((mut stream, _)) = listener.accept() {
            let mut head = Vec::new();
            let mut byte = [0u8; 1];
            while !head.ends_with(b"\r\n\r\n") && stream.read(&mut byte).unwrap_or(0) == 1 {
                head.push(byte[0]);
            }
            let reply = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
                 Content-Length: {}\r\nConnection: close\r\n\r\n{page}",
                page.len()
            );
            let _ = stream.write_all(reply.as_bytes());
        }
    });
    format!("http://{addr}/s?__biz={CNCERT_BIZ}&mid=1000000020&idx=1")
}

#[test]
fn a_page_from_another_host_claiming_the_publisher_is_shown_as_a_conflict_only() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let config = dir.path().join("pages-only.toml");
    std::fs::write(&config, "[fetch]\nimages = false\n").unwrap();
    let zhoubao = |lang: &str, args: &[&str]| {
        cli_fixture::command()
            .arg("--db")
            .arg(&db)
            .arg("--config")
            .arg(&config)
            .args(args)
            .env("ZHOUBAO_LANG", lang)
            .env_remove("HTTP_PROXY")
            .env_remove("http_proxy")
            .output()
            .unwrap()
    };
    let own = publishers_copy(dir.path());
    let import = zhoubao("en", &["import", own.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
    let fetched = zhoubao("en", &["fetch", &serve_once(impostor_page())]);
    assert!(fetched.status.success(), "{}", stderr(&fetched));

    let zh = stdout(&zhoubao("zh", &["show", "2023-20"]));
    assert!(zh.contains("\n发布：2023-05-25\n"), "{zh}");
    assert!(zh.contains("  处理事件    420"), "{zh}");
    assert!(
        zh.contains(
            "另一份副本（国家互联网应急中心CNCERT，2023-12-01）说：\
             标题“网络安全信息与动态周报２０２３年第２０期”；处理事件 103；跨境事件 37"
        ),
        "{zh}"
    );
    let en = stdout(&zhoubao("en", &["show", "2023-20"]));
    assert!(
        en.contains("another copy (国家互联网应急中心CNCERT, 2023-12-01) says: title"),
        "{en}"
    );
    // At the address it was read from, not the publisher's it claims.
    assert!(zh.contains("\n  http://127.0.0.1:"), "{zh}");
    let json = stdout(&zhoubao("en", &["show", "--json", "2023-20"]));
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(v["events_handled"], 420, "{json}");
    let says = &v["conflicts"][0]["says"];
    assert!(
        says.as_array()
            .unwrap()
            .contains(&serde_json::json!({"figure": "events_handled", "value": 103})),
        "{json}"
    );
}
