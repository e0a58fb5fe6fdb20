//! The newsboat side of the import bench: the same bulletin files as one
//! RSS 2.0 feed (an item per file: title, link and date from its front
//! matter, the whole file as the description), reloaded by `newsboat -x
//! reload` from a `file://` URL with a throwaway URL file, config, cache
//! and HOME, in turns with zhoubao's imports of the files. Skipped, and
//! said so, when newsboat is not installed.

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// The corpus as one RSS feed, with the newsboat that reloads it.
pub struct Feed {
    work: tempfile::TempDir,
    feed: std::path::PathBuf,
    items: usize,
    version: String,
}

impl Feed {
    /// Writes the feed of the `files` files under `input`; None when
    /// newsboat is not installed.
    pub fn write(input: &Path, files: usize) -> Result<Option<Feed>, Box<dyn std::error::Error>> {
        let version = Command::new("newsboat")
            .arg("--version")
            .stdin(Stdio::null())
            .output();
        let Some(version) = version.ok().filter(|o| o.status.success()).and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .next()
                .map(str::to_string)
        }) else {
            return Ok(None);
        };
        let work = tempfile::tempdir()?;
        let feed = work.path().join("feed.xml");
        let items = write_feed(input, &feed)?;
        if items != files {
            return Err(format!("the feed holds {items} items, the import {files} files").into());
        }
        Ok(Some(Feed {
            work,
            feed,
            items,
            version,
        }))
    }

    /// The feed file (the first-screen bench opens newsboat on it).
    #[allow(dead_code)]
    pub fn path(&self) -> &Path {
        &self.feed
    }

    /// newsboat's own `--version` line (the first-screen bench's report).
    #[allow(dead_code)]
    pub fn version(&self) -> &str {
        &self.version
    }

    /// One `newsboat -x reload` into a fresh cache: items/s.
    pub fn reload(&self) -> Result<f64, Box<dyn std::error::Error>> {
        reload_once(self.work.path(), &self.feed, self.items)
    }

    /// Prints newsboat's best rate and zhoubao's ratio to it; false when
    /// the ratio is under `min_ratio`.
    pub fn report(&self, reloads: &[f64], zhoubao_fps: f64, min_ratio: f64) -> bool {
        let best = reloads.iter().copied().fold(0.0, f64::max);
        let each: Vec<String> = reloads.iter().map(|r| format!("{r:.0}")).collect();
        let ratio = zhoubao_fps / best.max(f64::EPSILON);
        println!(
            "{}: reload of {} items as one RSS feed: {best:.0} items/s (best of {}: {})",
            self.version,
            self.items,
            each.len(),
            each.join(", ")
        );
        println!(
            "zhoubao {zhoubao_fps:.0} files/s = {ratio:.2}× newsboat (target at least {min_ratio}×)"
        );
        if ratio < min_ratio {
            eprintln!(
                "import is {ratio:.2}× newsboat's rate, below {min_ratio}× (ZHOUBAO_BENCH_MIN_NEWSBOAT_RATIO)"
            );
            return false;
        }
        true
    }
}

/// One reload into a fresh cache; returns items/s after checking that
/// newsboat stored every item.
fn reload_once(work: &Path, feed: &Path, items: usize) -> Result<f64, Box<dyn std::error::Error>> {
    let run = tempfile::tempdir_in(work)?;
    let home = run.path().join("home");
    fs::create_dir(&home)?;
    let urls = run.path().join("urls");
    fs::write(&urls, format!("file://{}\n", feed.display()))?;
    let config = run.path().join("config");
    fs::write(&config, "")?;
    let cache = run.path().join("cache.db");
    let started = Instant::now();
    let out = Command::new("newsboat")
        .arg("-x")
        .arg("reload")
        .arg("-u")
        .arg(&urls)
        .arg("-c")
        .arg(&cache)
        .arg("-C")
        .arg(&config)
        .env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .stdin(Stdio::null())
        .output()?;
    let elapsed = started.elapsed().as_secs_f64();
    if !out.status.success() {
        return Err(format!(
            "newsboat -x reload failed ({}): {}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim()
        )
        .into());
    }
    let stored: i64 = rusqlite::Connection::open(&cache)?.query_row(
        "SELECT count(*) FROM rss_item",
        [],
        |r| r.get(0),
    )?;
    if stored as usize != items {
        return Err(format!("newsboat stored {stored} of the feed's {items} items").into());
    }
    Ok(items as f64 / elapsed.max(f64::EPSILON))
}

/// One `<item>` per file under `input` (sorted by name, as the import
/// walks them): title, link and date from the front matter, the whole
/// file as the description. Returns how many items it wrote.
fn write_feed(input: &Path, feed: &Path) -> std::io::Result<usize> {
    let mut names: Vec<_> = fs::read_dir(input)?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    names.sort();
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
         <title>网络安全信息与动态周报</title><link>https://example.org/zhoubao-bench</link>\
         <description>zhoubao import bench</description>\n",
    );
    for path in &names {
        let text = fs::read_to_string(path)?;
        let field = |name: &str| {
            text.lines()
                .find_map(|l| l.strip_prefix(name))
                .map(str::trim)
                .unwrap_or_default()
        };
        let date = chrono::NaiveDate::parse_from_str(field("date:"), "%Y-%m-%d")
            .map(|d| d.format("%a, %d %b %Y 00:00:00 +0800").to_string())
            .unwrap_or_default();
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        xml.push_str(&format!(
            "<item><title>{}</title><link>{}</link><guid isPermaLink=\"false\">{}</guid>\
             <pubDate>{date}</pubDate><description>{}</description></item>\n",
            escape(field("title:")),
            escape(field("url:")),
            escape(&name),
            escape(&text)
        ));
    }
    xml.push_str("</channel></rss>\n");
    fs::write(feed, xml)?;
    super::settle();
    Ok(names.len())
}

fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}
