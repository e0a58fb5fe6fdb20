//! Hostile files at the size limit: every shape of markup and text found to
//! make html5ever, the readers or the cache slow, each imported into a
//! fresh cache. Prints the time and the outcome per shape and fails when a
//! file takes longer than `ZHOUBAO_BENCH_MAX_MS` (default 2000 ms) to
//! import or fail. Run: `cargo bench --bench hostile`.
//!
//! `cargo test --benches` runs it without `--bench`: small files, no time
//! target (debug build). `ZHOUBAO_BENCH_ONLY=TEXT` runs only the shapes
//! whose name holds TEXT.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use zhoubao::import::{self, FileResult};
use zhoubao::parse::MAX_FILE_BYTES;
use zhoubao::store::Store;

const DEFAULT_MAX_MS: u64 = 2000;
const SMOKE_BYTES: usize = 64 * 1024;

const TITLE: &str = "网络安全信息与动态周报2024年第17期（4月22日-4月27日）";

/// A WeChat article page around `body`, so every file goes through the
/// whole reader and not only the HTML parser.
fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{TITLE}</title></head>\
         <body><h1 id=\"activity-name\">{TITLE}</h1><div id=\"js_content\">\
         <p>本周网络安全基本态势</p>{body}</div></body></html>"
    )
}

fn markdown(body: &str) -> String {
    format!("---\ntitle: {TITLE}\nurl: https://mp.weixin.qq.com/s?__biz=QQ==&mid=1&idx=1\n---\n\n{body}\n")
}

/// `unit` repeated to fill about `n` bytes.
fn fill(unit: &str, n: usize) -> String {
    unit.repeat((n / unit.len().max(1)).max(1))
}

/// Distinct short attribute names, ` a0 a1 …`, about `n` bytes.
fn attributes(n: usize) -> String {
    let mut out = String::new();
    let mut i = 0usize;
    while out.len() < n {
        out.push_str(&format!(" a{i:x}"));
        i += 1;
    }
    out
}

/// How to write one shape's file of about `n` bytes.
type Shape = (&'static str, Box<dyn Fn(usize) -> String>);

/// Every shape; each file is written only when its turn comes.
fn shapes() -> Vec<Shape> {
    let deep = |unit: &str, count: usize| unit.repeat(count);
    let near_limit = 250;
    vec![
        ("nested <div>", Box::new(move |n| page(&fill("<div>", n)))),
        (
            "nesting behind a --!> comment end",
            Box::new(move |n| page(&format!("<!-- --!>{}-->", fill("<div>", n)))),
        ),
        (
            "nesting behind end tags in an attribute",
            Box::new(move |n| page(&fill("<p title=\"</div></p>\"><div>", n))),
        ),
        (
            "nesting in CDATA-looking svg",
            Box::new(move |n| page(&format!("<svg><![CDATA[ ]]>{}", fill("<g>", n)))),
        ),
        (
            "nested <template>",
            Box::new(move |n| page(&fill("<template><div>", n))),
        ),
        (
            "nested <ul><li>",
            Box::new(move |n| page(&fill("<ul><li>", n))),
        ),
        (
            "foster-parented nesting",
            Box::new(move |n| page(&format!("<table><tr>{}", fill("<div>", n)))),
        ),
        ("unclosed <b>", Box::new(move |n| page(&fill("<b>", n)))),
        (
            "one tag, distinct attributes",
            Box::new(move |n| page(&format!("<div{}>", attributes(n)))),
        ),
        (
            "many tags of 2,000 attributes",
            Box::new(move |n| page(&fill(&format!("<i{}>", attributes(10_000)), n))),
        ),
        (
            "attributes on repeated <html>",
            Box::new(move |n| {
                page(
                    &(0..n / 12)
                        .map(|i| format!("<html a{i:x}>"))
                        .collect::<String>(),
                )
            }),
        ),
        (
            "formatting list of 200 + <b x></b>",
            Box::new(move |n| {
                page(&format!(
                    "{}{}",
                    (0..200).map(|i| format!("<b c{i}>")).collect::<String>(),
                    fill("<b x></b>", n)
                ))
            }),
        ),
        (
            "formatting list with attributes + <b x></b>",
            Box::new(move |n| {
                page(&format!(
                    "{}{}",
                    (0..200)
                        .map(|i| format!("<b c{i}{}>", attributes(400)))
                        .collect::<String>(),
                    fill("<b x></b>", n)
                ))
            }),
        ),
        (
            "250 deep + stray end tags",
            Box::new(move |n| {
                page(&format!(
                    "{}{}",
                    deep("<span>", near_limit),
                    fill("</x>", n)
                ))
            }),
        ),
        (
            "250 deep + <br>",
            Box::new(move |n| page(&format!("{}{}", deep("<div>", near_limit), fill("<br>", n)))),
        ),
        (
            "250 deep + text and <i>",
            Box::new(move |n| {
                page(&format!(
                    "<b>{}{}",
                    deep("<span>", near_limit),
                    fill("x<i></i>", n)
                ))
            }),
        ),
        (
            "misnested formatting",
            Box::new(move |n| page(&fill("<b><p></b>x", n))),
        ),
        (
            "script full of < and quotes",
            Box::new(move |n| {
                page(&format!(
                    "<script>{}</script>",
                    fill("if(a<b && c<d){x=\"y z\"} ", n)
                ))
            }),
        ),
        (
            "comments",
            Box::new(move |n| page(&fill("<!-- c --><!---->", n))),
        ),
        (
            "character references",
            Box::new(move |n| page(&fill("&amp;&#x1F600;&nbsp;&notin", n))),
        ),
        (
            "paragraphs of bulletin text",
            Box::new(move |n| {
                page(&fill(
                    "<p>本周共处理网络安全事件381起，含跨境网络安全事件149起。</p>",
                    n,
                ))
            }),
        ),
        (
            "images",
            Box::new(move |n| {
                page(
                    &(0..n / 48)
                        .map(|i| format!("<img data-src=\"https://i.example/{i}.png\">"))
                        .collect::<String>(),
                )
            }),
        ),
        (
            "links",
            Box::new(move |n| {
                page(&(0..n / 80).map(|i| format!("<p>●<a href=\"http://mp.weixin.qq.com/s?__biz=QQ==&amp;mid={i}&amp;idx=1\">第{i}期</a></p>")).collect::<String>())
            }),
        ),
        (
            "近期回顾 lines",
            Box::new(move |n| {
                markdown(&format!(
                "近期回顾\n\n{}",
                (0..n / 120)
                    .map(|i| format!("●[网络安全信息与动态周报2024年第{}期](http://mp.weixin.qq.com/s?__biz=QQ==&mid={i}&idx=1)\n", i % 60 + 1))
                    .collect::<String>()
            ))
            }),
        ),
        (
            "markdown brackets",
            Box::new(move |n| markdown(&fill("[](<[](", n))),
        ),
        (
            "markdown link titles",
            Box::new(move |n| markdown(&(fill("[](a[](a", n / 2) + " \"" + &"x".repeat(n / 2)))),
        ),
        (
            "one long markdown line",
            Box::new(move |n| markdown(&fill("本周共处理网络安全事件381起，", n))),
        ),
    ]
}

fn main() -> ExitCode {
    let measuring = std::env::args().any(|a| a == "--bench");
    let max = Duration::from_millis(
        std::env::var("ZHOUBAO_BENCH_MAX_MS")
            .ok()
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(DEFAULT_MAX_MS),
    );
    let size = if measuring {
        MAX_FILE_BYTES - 4096
    } else {
        SMOKE_BYTES
    };
    // `ZHOUBAO_BENCH_ONLY=links` runs the shapes whose name holds the text.
    let only = std::env::var("ZHOUBAO_BENCH_ONLY").unwrap_or_default();
    let mut slowest = Duration::ZERO;
    let mut ok = true;
    for (name, write) in shapes()
        .into_iter()
        .filter(|(n, _)| n.contains(only.as_str()))
    {
        let file = truncate(write(size), MAX_FILE_BYTES);
        let mut store = match Store::open_in_memory() {
            Ok(s) => s,
            Err(e) => {
                eprintln!("hostile bench: {e}");
                return ExitCode::FAILURE;
            }
        };
        let start = Instant::now();
        let parsed = zhoubao::parse::parse(file.as_bytes());
        let parse_took = start.elapsed();
        drop(parsed);
        let start = Instant::now();
        let result = import::import_bytes(&mut store, name, file.as_bytes());
        let took = start.elapsed();
        slowest = slowest.max(took);
        let outcome = match &result {
            FileResult::Failed(why) | FileResult::Skipped(why) => {
                format!("{result}: {}", why.text(zhoubao::i18n::Lang::En))
            }
            other => other.to_string(),
        };
        let over = measuring && took > max;
        ok &= !over;
        println!(
            "{:>8.3} s (parse {:>6.3})  {:>9} bytes  {name:<44} {}{}",
            took.as_secs_f64(),
            parse_took.as_secs_f64(),
            file.len(),
            outcome.chars().take(110).collect::<String>(),
            if over { "  OVER BUDGET" } else { "" }
        );
    }
    println!(
        "slowest {:.3} s (budget {} ms{})",
        slowest.as_secs_f64(),
        max.as_millis(),
        if measuring {
            ""
        } else {
            ", not enforced in a smoke run"
        }
    );
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// At most `limit` bytes, cut at a character boundary.
fn truncate(mut text: String, limit: usize) -> String {
    if text.len() > limit {
        let mut end = limit;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
    }
    text
}
