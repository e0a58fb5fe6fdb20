//! `zhoubao images KEY`: an issue's pictures, each with the words near it
//! and what the cache holds (type, size, dimensions) or why not;
//! `--fetch` downloads the missing ones (and retries failures), `--save
//! DIR` writes the cached ones as files named by issue and number.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;
use unicode_width::UnicodeWidthChar;

use super::{said, shown};
use crate::config::Config;
use crate::fetch;
use crate::i18n::{Cmd, Images, Lang, Localized, Msg};
use crate::images::{self, ImageError, ImageFetch, ImageState, IssueImage};
use crate::model::IssueKey;
use crate::store::Store;

/// The flags of `zhoubao images`, as clap parsed them.
pub struct Flags {
    pub key: IssueKey,
    pub fetch: bool,
    pub save: Option<PathBuf>,
    pub quiet: bool,
    pub json: bool,
}

/// Widest caption printed, in terminal cells.
const CAPTION_CELLS: usize = 72;

pub fn run(store: &mut Store, flags: Flags, config: Config, lang: Lang) -> Result<ExitCode> {
    let key = flags.key;
    let Some(detail) = store.detail(key)? else {
        return Err(said(
            Cmd::NotInCache {
                key: key.to_string(),
            },
            lang,
        ));
    };
    if !detail.summary.cached {
        let key = key.to_string();
        return Err(said(Msg::Images(Images::NotHeld { key }), lang));
    }
    let mut code = ExitCode::SUCCESS;
    if flags.fetch {
        let options = fetch::FetchOptions {
            delay: config.fetch.delay,
            user_agent: config.fetch.user_agent.clone(),
            ..fetch::FetchOptions::default()
        };
        let mut client = fetch::Client::new(options);
        let summary = images::fetch_missing_with_progress(
            store,
            &mut client,
            &[key],
            ImageFetch { retry_failed: true },
            !flags.quiet,
            lang,
        );
        let _ = writeln!(std::io::stderr(), "{}", summary.render(lang));
        if summary.failed_any() {
            code = ExitCode::FAILURE;
        }
    }
    let mut list = images::issue_images(store, key)?;
    images::with_words(store, key, &mut list)?;
    let title = crate::sanitize::line(detail.summary.title.as_deref().unwrap_or_default());
    let mut out = std::io::stdout().lock();
    if flags.json {
        write!(out, "{}", listing_json(&list))?;
    } else {
        write!(out, "{}", listing(key, &title, &list, lang))?;
    }
    out.flush()?;
    let left = list
        .iter()
        .any(|i| matches!(i.state, ImageState::Missing | ImageState::Failed { .. }));
    if left && !flags.fetch && !flags.json {
        let key = key.to_string();
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            Images::FetchHint { key }.text(lang)
        );
    }
    if let Some(dir) = &flags.save {
        if !save(store, key, &list, dir, lang)? {
            code = ExitCode::FAILURE;
        }
    }
    Ok(code)
}

/// The list as printed: a heading line, then per picture its number and
/// words, what the cache holds, and its address.
pub fn listing(key: IssueKey, title: &str, list: &[IssueImage], lang: Lang) -> String {
    let key = key.to_string();
    if list.is_empty() {
        return format!("{}\n", Images::NoImages { key }.text(lang));
    }
    let mut out = format!(
        "{}\n",
        Images::Heading {
            key,
            title: title.to_string(),
            images: list.len(),
        }
        .text(lang)
    );
    let number_width = list.len().to_string().len();
    let indent = " ".repeat(number_width + 2);
    let mut said: Option<String> = None;
    for image in list {
        let words = [image.heading.as_deref(), image.caption.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        let number = format!("{:>number_width$}. ", image.index);
        // A row of charts after one paragraph: its words once, at the first.
        if !words.is_empty() && said.as_ref() != Some(&words) {
            let line = cut(&crate::sanitize::line(&words), CAPTION_CELLS);
            out.push_str(&format!("{number}{line}\n{indent}"));
        } else {
            out.push_str(&number);
        }
        said = Some(words);
        out.push_str(&format!("{}\n", state_words(image, lang)));
        out.push_str(&format!("{indent}{}\n", crate::sanitize::line(&image.url)));
    }
    out
}

/// `--json`: one object per picture; the reason of a failure in English
/// (field names and values for scripts), text fields sanitized.
pub fn listing_json(list: &[IssueImage]) -> String {
    use serde_json::{json, Value};
    let clean = |s: Option<&str>| s.map(crate::sanitize::line);
    let rows: Vec<Value> = list
        .iter()
        .map(|image| {
            let mut v = json!({
                "index": image.index,
                "url": crate::sanitize::line(&image.url),
                "heading": clean(image.heading.as_deref()),
                "caption": clean(image.caption.as_deref()),
            });
            match &image.state {
                ImageState::Cached {
                    kind,
                    width,
                    height,
                    bytes,
                } => {
                    v["state"] = json!("cached");
                    v["type"] = json!(kind.as_str());
                    v["width"] = json!(width);
                    v["height"] = json!(height);
                    v["bytes"] = json!(bytes);
                }
                ImageState::Failed { reason } => {
                    v["state"] = json!("failed");
                    v["reason"] = json!(reason.en);
                }
                ImageState::Missing => v["state"] = json!("missing"),
                ImageState::BadAddress => v["state"] = json!("not-http"),
            }
            v
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&Value::Array(rows)).unwrap_or_default();
    text.push('\n');
    text
}

fn state_words(image: &IssueImage, lang: Lang) -> String {
    match &image.state {
        ImageState::Cached {
            kind,
            width,
            height,
            bytes,
        } => Images::Cached {
            kind: kind.label().into(),
            width: *width,
            height: *height,
            bytes: *bytes,
        }
        .text(lang)
        .into_owned(),
        ImageState::Failed { reason } => Images::Failed {
            why: Box::new(reason.message()),
        }
        .text(lang)
        .into_owned(),
        ImageState::Missing => Images::Missing.text(lang).into_owned(),
        ImageState::BadAddress => ImageError::BadAddress {
            url: crate::sanitize::line(&image.url),
        }
        .text(lang)
        .into_owned(),
    }
}

/// At most `cells` terminal cells, an ellipsis where it was cut.
fn cut(text: &str, cells: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > cells.saturating_sub(1) {
            let rest: usize = text.chars().map(|c| c.width().unwrap_or(0)).sum();
            if rest <= cells {
                return text.to_string();
            }
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// Writes each cached picture to `dir` as `KEY_N.ext` (`2024-17_1.png`),
/// never over a file that is there; false when a file was not written.
fn save(store: &Store, key: IssueKey, list: &[IssueImage], dir: &Path, lang: Lang) -> Result<bool> {
    let cached: Vec<&IssueImage> = list.iter().filter(|i| i.is_cached()).collect();
    if cached.is_empty() {
        let key = key.to_string();
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            Images::SaveNothing { key }.text(lang)
        );
        return Ok(false);
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        said(
            Images::SaveFailed {
                path: shown(dir),
                why: Box::new(e.message()),
            },
            lang,
        )
    })?;
    let mut all = true;
    for image in cached {
        let ImageState::Cached { kind, .. } = &image.state else {
            continue;
        };
        // Made of the key's digits and the number: nothing to escape.
        let path = dir.join(format!("{key}_{}.{}", image.index, kind.extension()));
        let Some(bytes) = images::cached_bytes(store, image)? else {
            continue;
        };
        let said = match write_new(&path, &bytes) {
            Ok(()) => Images::Saved { path: shown(&path) },
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                all = false;
                Images::SaveExists { path: shown(&path) }
            }
            Err(e) => {
                all = false;
                Images::SaveFailed {
                    path: shown(&path),
                    why: Box::new(e.message()),
                }
            }
        };
        let _ = writeln!(std::io::stderr(), "{}", said.text(lang));
    }
    Ok(all)
}

/// Creates `path` (never over an existing file or a link) with `bytes`;
/// a file left half-written by a failure is removed.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = OpenOptions::new().write(true).create_new(true).open(path)?;
    let written = file.write_all(bytes).and_then(|()| file.sync_all());
    if written.is_err() {
        drop(file);
        let _ = std::fs::remove_file(path);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{ImageKind, Reason};

    fn image(index: usize, state: ImageState) -> IssueImage {
        IssueImage {
            index,
            url: format!("https://mmbiz.qpic.cn/sz_mmbiz_png/C{index}/640?wx_fmt=png"),
            identity: Some(format!("mmbiz.qpic.cn/sz_mmbiz_png/C{index}?wx_fmt=png")),
            heading: Some("本周网络安全基本态势".into()),
            caption: Some("本周，互联网网络安全态势整体评价为良。".repeat(4)),
            state,
        }
    }

    #[test]
    fn each_picture_has_its_words_state_and_address() {
        let list = vec![
            image(
                1,
                ImageState::Cached {
                    kind: ImageKind::Png,
                    width: 1080,
                    height: 608,
                    bytes: 46_000,
                },
            ),
            image(2, ImageState::Missing),
            image(
                3,
                ImageState::Failed {
                    reason: Reason::of(&ImageError::Html),
                },
            ),
        ];
        let text = listing(IssueKey::new(2024, 17), "周报2024年第17期", &list, Lang::En);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "2024-17 周报2024年第17期: 3 images");
        assert!(
            lines[1].starts_with("1. 本周网络安全基本态势 · 本周，"),
            "{}",
            lines[1]
        );
        assert!(lines[1].ends_with('…'));
        assert!(unicode_width::UnicodeWidthStr::width(lines[1]) <= 3 + CAPTION_CELLS);
        assert_eq!(lines[2], "   PNG 1080×608, 45 KiB");
        assert_eq!(
            lines[3],
            "   https://mmbiz.qpic.cn/sz_mmbiz_png/C1/640?wx_fmt=png"
        );
        // The same words again are not repeated.
        assert_eq!(lines[4], "2. not downloaded");
        assert_eq!(
            lines[6],
            "3. failed: not an image: the server sent a web page"
        );
        let zh = listing(IssueKey::new(2024, 17), "周报", &list, Lang::Zh);
        assert!(zh.contains("   PNG 1080×608，45 KiB\n"), "{zh}");
        assert!(zh.contains("\n2. 未下载\n"), "{zh}");
    }

    #[test]
    fn json_gives_each_picture_its_state_and_numbers() {
        let list = vec![
            image(
                1,
                ImageState::Cached {
                    kind: ImageKind::Jpeg,
                    width: 640,
                    height: 360,
                    bytes: 1234,
                },
            ),
            image(
                2,
                ImageState::Failed {
                    reason: Reason::of(&ImageError::Empty),
                },
            ),
        ];
        let v: serde_json::Value = serde_json::from_str(&listing_json(&list)).unwrap();
        assert_eq!(v[0]["state"], "cached");
        assert_eq!(v[0]["type"], "jpeg");
        assert_eq!(
            (v[0]["width"].as_u64(), v[0]["height"].as_u64()),
            (Some(640), Some(360))
        );
        assert_eq!(v[0]["bytes"], 1234);
        assert_eq!(v[0]["heading"], "本周网络安全基本态势");
        assert_eq!(v[1]["state"], "failed");
        assert_eq!(v[1]["reason"], "the server sent an empty file");
        assert_eq!(v[1]["index"], 2);
    }

    #[test]
    fn an_issue_without_pictures_says_so() {
        assert_eq!(
            listing(IssueKey::new(2024, 17), "周报", &[], Lang::En),
            "2024-17 shows no images in its body\n"
        );
    }

    #[test]
    fn short_words_are_not_cut_and_long_ones_fit_their_cells() {
        assert_eq!(cut("本周态势", 8), "本周态势");
        assert_eq!(cut("本周态势良好", 8), "本周态…");
        assert_eq!(cut("abcdef", 4), "abc…");
    }
}
