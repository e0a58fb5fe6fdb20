//! The words around each picture of a bulletin: the heading of its section
//! and the paragraph before it (the article's caption, or the text the
//! chart illustrates), for `zhoubao images` and the TUI's image view. The
//! cache keeps the addresses but not where they stood, so the stored file
//! is read again here, through the same readers `parse` uses.

use super::text::{excerpt, is_chrome, Line, CHROME_START};
use super::{decode, html, markdown, wechat};
use crate::model::ParseError;

/// Longest heading kept: a heading is a short line.
const MAX_HEADING_CHARS: usize = 24;
/// Longest caption kept, in characters.
const MAX_CAPTION_CHARS: usize = 120;

/// One picture of the article, in order, with the words near it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageContext {
    pub url: String,
    /// The last short line without sentence punctuation before it
    /// (`本周网络安全基本态势`).
    pub heading: Option<String>,
    /// Text on the picture's own line, else the paragraph before it in its
    /// section (never a heading, never page furniture), one line, cut.
    pub caption: Option<String>,
}

/// Every picture of the file's article with its words; nothing for a file
/// the readers cannot read (the bulletin was stored from it, so that
/// happens only for a file stored by an older zhoubao).
pub fn image_contexts(bytes: &[u8]) -> Vec<ImageContext> {
    let Ok(lines) = lines_of(bytes) else {
        return Vec::new();
    };
    let mut out: Vec<ImageContext> = Vec::new();
    let mut heading: Option<String> = None;
    let mut before: Option<String> = None;
    // The last line was pictures alone: a `图N …` line after them is the
    // caption of the picture above it (CNVD漏洞周报 puts them below), not
    // words before the next picture.
    let mut after_pictures = false;
    for line in &lines {
        let text = line.text.trim();
        if text == CHROME_START {
            break;
        }
        let own = (!text.is_empty() && !is_chrome(text)).then_some(text);
        if let (true, Some(t), true) = (after_pictures, own, line.images.is_empty()) {
            if is_figure_caption(t) {
                if let Some(last) = out.last_mut() {
                    last.caption = Some(excerpt(t, MAX_CAPTION_CHARS));
                }
                after_pictures = false;
                before = None;
                continue;
            }
        }
        if own.is_some() || !line.images.is_empty() {
            after_pictures = own.is_none() && !line.images.is_empty();
        }
        for url in &line.images {
            out.push(ImageContext {
                url: url.clone(),
                heading: heading.clone(),
                caption: own
                    .map(|t| excerpt(t, MAX_CAPTION_CHARS))
                    .or_else(|| before.clone()),
            });
        }
        let Some(text) = own else { continue };
        if is_heading(text) {
            heading = Some(excerpt(text, MAX_HEADING_CHARS));
            before = None;
        } else {
            before = Some(excerpt(text, MAX_CAPTION_CHARS));
        }
    }
    out
}

/// `图3 CNVD收录漏洞按影响对象类型分类`: a figure's own caption.
fn is_figure_caption(text: &str) -> bool {
    text.strip_prefix('图')
        .map(str::trim_start)
        .and_then(|rest| rest.chars().next())
        .is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
}

/// A short line that is no sentence: `本周事件处理情况`, `一、漏洞态势`.
fn is_heading(text: &str) -> bool {
    text.chars().count() <= MAX_HEADING_CHARS && !text.contains(['。', '，', '；', '：', ',', ';'])
}

/// The article's lines as `parse` reads them.
fn lines_of(bytes: &[u8]) -> Result<Vec<Line>, ParseError> {
    decode::check_readable(bytes)?;
    match decode::layout(bytes) {
        decode::Layout::Markdown => {
            let text = decode::decode_plain(bytes)?;
            if decode::layout(text.as_bytes()) == decode::Layout::Html {
                return html_lines(&text);
            }
            Ok(markdown::read(&text)?.1)
        }
        decode::Layout::Html => html_lines(&decode::decode_html(bytes)?),
    }
}

fn html_lines(text: &str) -> Result<Vec<Line>, ParseError> {
    let doc = html::parse_page(text)?;
    if !wechat::is_wechat_page(&doc, text) {
        return Ok(Vec::new());
    }
    Ok(wechat::read(&doc, text).1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_figure_caption_below_its_picture_is_that_pictures() {
        let md = "---\ntitle: CNVD漏洞周报2025年第6期\n---\n\n\
            本周漏洞态势研判情况\n\n\
            本周信息安全漏洞威胁整体评价级别为中。\n\n\
            ![](https://img.example/1.png)\n\n\
            图1 CNVD收录漏洞近10周平均分值分布图\n\n\
            表1 漏洞按影响类型统计\n\n\
            ![](https://img.example/2.png)\n\n\
            ![](https://img.example/3.png)\n\n\
            图2 CNVD收录漏洞按影响对象类型分类\n";
        let found = image_contexts(md.as_bytes());
        let captions: Vec<Option<&str>> = found.iter().map(|c| c.caption.as_deref()).collect();
        assert_eq!(
            captions,
            [
                Some("图1 CNVD收录漏洞近10周平均分值分布图"),
                None,
                Some("图2 CNVD收录漏洞按影响对象类型分类"),
            ]
        );
        // A table's title stands above its picture, as a heading does.
        assert_eq!(found[1].heading.as_deref(), Some("表1 漏洞按影响类型统计"));
    }

    const MD: &str = "---\ntitle: 网络安全信息与动态周报2024年第17期（4月22日-4月27日）\n---\n\n\
        # 网络安全信息与动态周报2024年第17期（4月22日-4月27日）\n\n\
        ![cover_image](https://img.example/cover.jpg)\n\n\
        本周网络安全基本态势\n\n\
        本周，互联网网络安全态势整体评价为良。\n\n\
        ![](https://img.example/1.png)![](https://img.example/2.png)\n\n\
        图3 境内被篡改网站数量 ![](https://img.example/3.png)\n\n\
        本周事件处理情况\n\n\
        ![](https://img.example/4.png)\n\n\
        预览时标签不可点\n\n\
        ![](https://img.example/after-chrome.png)\n";

    #[test]
    fn each_picture_gets_its_heading_and_the_paragraph_before_it() {
        let found = image_contexts(MD.as_bytes());
        let urls: Vec<&str> = found.iter().map(|c| c.url.as_str()).collect();
        assert_eq!(
            urls,
            [
                "https://img.example/cover.jpg",
                "https://img.example/1.png",
                "https://img.example/2.png",
                "https://img.example/3.png",
                "https://img.example/4.png",
            ],
            "nothing after the page furniture starts"
        );
        let situation = Some("本周网络安全基本态势".to_string());
        assert_eq!(found[1].heading, situation);
        assert_eq!(
            found[1].caption.as_deref(),
            Some("本周，互联网网络安全态势整体评价为良。")
        );
        assert_eq!(
            found[2],
            ImageContext {
                url: "https://img.example/2.png".into(),
                ..found[1].clone()
            }
        );
        // Text on the picture's own line is its caption.
        assert_eq!(found[3].caption.as_deref(), Some("图3 境内被篡改网站数量"));
        // A new heading starts a section: no paragraph from the one before.
        assert_eq!(found[4].heading.as_deref(), Some("本周事件处理情况"));
        assert_eq!(found[4].caption, None);
    }

    #[test]
    fn a_long_paragraph_is_cut_and_control_characters_dropped() {
        let long = format!("本周，{}\u{1b}[31m。", "态势".repeat(200));
        let md = format!("---\ntitle: T\n---\n\n{long}\n\n![](https://img.example/1.png)\n");
        let found = image_contexts(md.as_bytes());
        let caption = found[0].caption.clone().unwrap();
        assert_eq!(caption.chars().count(), MAX_CAPTION_CHARS + 1);
        assert!(caption.ends_with('…') && !caption.contains('\u{1b}'));
    }

    #[test]
    fn unreadable_bytes_have_no_pictures() {
        assert!(image_contexts(b"").is_empty());
        assert!(image_contexts(&[0xFF, 0xFE, 0x00, 0x00, 0x01]).is_empty());
        assert!(image_contexts(
            b"<html><body><img src=\"https://img.example/1.png\"></body></html>"
        )
        .is_empty());
    }
}
