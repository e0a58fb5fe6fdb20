//! Archive Markdown: a front matter block (`title`, `url`, `source`, `date`,
//! `fetch_date`) between `---` lines, then the article converted to
//! Markdown, then WeChat page chrome.

use super::article::ArticleMeta;
use super::date::read_iso_day;
use super::inline;
use super::text::{collapse_blanks, is_web_url, Line};
use super::{ParseError, Unreadable};
use crate::model::SourceFormat;

/// The front matter fields the archive writes; others are ignored.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FrontMatter {
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
}

/// Splits the file into metadata and article lines.
pub(crate) fn read(text: &str) -> Result<(ArticleMeta, Vec<Line>), ParseError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let (front, body) = split_front_matter(text)?;
    let lines: Vec<Line> = body
        .lines()
        .map(read_line)
        .filter(|l| !l.is_empty())
        .collect();
    let title = front
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .or_else(|| first_heading(body));
    let meta = ArticleMeta {
        format: SourceFormat::Markdown,
        title,
        source: front.source,
        url: front.url,
        published: front.date.as_deref().and_then(read_iso_day),
        article: None,
        other_urls: Vec::new(),
        truncated: is_cut(body),
    };
    Ok((meta, lines))
}

/// The archive cuts a long article at about 15 KB and ends the file in
/// `...`, often inside a word or a link; a whole file ends with the page's
/// furniture instead.
fn is_cut(body: &str) -> bool {
    body.trim_end().ends_with("...") && !body.lines().any(|l| l.trim() == super::text::CHROME_START)
}

fn split_front_matter(text: &str) -> Result<(FrontMatter, &str), ParseError> {
    let start = text.trim_start_matches(['\n', '\r', ' ', '\t']);
    let mut rest = match start.strip_prefix("---") {
        Some(after)
            if after
                .trim_start_matches([' ', '\t'])
                .starts_with(['\n', '\r']) =>
        {
            after.trim_start_matches([' ', '\t'])
        }
        _ => return Ok((FrontMatter::default(), start)),
    };
    // The opening line's own line break.
    rest = rest
        .strip_prefix("\r\n")
        .or_else(|| rest.strip_prefix('\n'))
        .or_else(|| rest.strip_prefix('\r'))
        .unwrap_or(rest);
    let mut front = FrontMatter::default();
    loop {
        let (line, next) = match rest.split_once('\n') {
            Some((line, next)) => (line, Some(next)),
            None => (rest, None),
        };
        let line = line.trim_end_matches('\r');
        if line.trim_end() == "---" {
            return Ok((front, next.unwrap_or("")));
        }
        read_field(line, &mut front);
        rest = next.ok_or(ParseError::Unreadable(Unreadable::UnclosedFrontMatter))?;
    }
}

fn read_field(line: &str, front: &mut FrontMatter) {
    let Some((name, value)) = line.split_once(':') else {
        return;
    };
    let value = unquote(value.trim()).to_string();
    let slot = match name.trim() {
        "title" => &mut front.title,
        "url" => &mut front.url,
        "source" => &mut front.source,
        "date" => &mut front.date,
        _ => return,
    };
    if slot.is_none() && !value.is_empty() {
        *slot = Some(value);
    }
}

fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

fn first_heading(body: &str) -> Option<String> {
    body.lines()
        .map(str::trim)
        .find(|l| l.starts_with('#'))
        .map(|l| collapse_blanks(l.trim_start_matches('#')))
        .filter(|t| !t.is_empty())
}

/// One Markdown line: block markers dropped, `![alt](src)` kept as an image,
/// `[text](href)` as its text plus a link; only web addresses are kept.
pub(crate) fn read_line(raw: &str) -> Line {
    let stripped = raw
        .trim()
        .trim_start_matches('#')
        .trim_start_matches('>')
        .trim();
    // About half an archive file's lines are blank.
    if stripped.is_empty() {
        return Line::default();
    }
    let inline = inline::read(stripped);
    let text = if inline.text.contains("**") {
        collapse_blanks(&inline.text.replace("**", ""))
    } else {
        collapse_blanks(&inline.text)
    };
    Line {
        text,
        images: inline
            .images
            .into_iter()
            .filter(|src| is_web_url(src))
            .collect(),
        links: inline
            .links
            .into_iter()
            .filter(|link| is_web_url(&link.url))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn front_matter_fields_are_read() {
        let (meta, lines) = read(
            "---\ntitle: T 1\nurl: https://x.example/a\nsource: 账号\ndate: 2024-05-04\nfetch_date: 2025\n---\n\n# T 1\n正文\n",
        )
        .unwrap();
        assert_eq!(meta.title.as_deref(), Some("T 1"));
        assert_eq!(meta.url.as_deref(), Some("https://x.example/a"));
        assert_eq!(meta.source.as_deref(), Some("账号"));
        assert_eq!(meta.published, NaiveDate::from_ymd_opt(2024, 5, 4));
        assert_eq!(lines.len(), 2);
    }

    #[test]
    fn crlf_and_bom_are_tolerated() {
        let (meta, _) =
            read("\u{FEFF}---\r\ntitle: 'T'\r\ndate: 2024-05-04T10:00\r\n---\r\nx\r\n").unwrap();
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert!(meta.published.is_some());
    }

    #[test]
    fn fences_with_trailing_blanks_still_open_and_close() {
        let (meta, lines) = read("--- \ntitle: T\n---  \n正文\n").unwrap();
        assert_eq!(meta.title.as_deref(), Some("T"));
        assert_eq!(lines.len(), 1);
    }

    #[test]
    fn a_thematic_break_is_not_front_matter() {
        let (meta, _) = read("---- \n# 标题\n").unwrap();
        assert_eq!(meta.title.as_deref(), Some("标题"));
    }

    #[test]
    fn a_file_cut_by_the_archive_is_marked() {
        let (meta, _) = read("---\ntitle: T\n---\n正文\nhttps://www.c...").unwrap();
        assert!(meta.truncated);
        let (meta, _) = read("---\ntitle: T\n---\n正文...\n预览时标签不可点\n赞\n").unwrap();
        assert!(!meta.truncated, "a whole page may have an ellipsis in it");
    }

    #[test]
    fn unclosed_front_matter_is_unreadable() {
        let err = read("---\ntitle: T\nurl: u").unwrap_err();
        assert!(!err.is_skip());
        assert!(err.to_string().contains("never closed"));
    }

    #[test]
    fn without_front_matter_the_first_heading_is_the_title() {
        let (meta, _) = read("\n## 标题 A\n正文").unwrap();
        assert_eq!(meta.title.as_deref(), Some("标题 A"));
        assert_eq!(meta.url, None);
    }

    #[test]
    fn images_are_collected_and_removed_from_text() {
        let line = read_line("![](https://a/1.png)![cover](https://a/2.png \"t\")");
        assert_eq!(line.images, ["https://a/1.png", "https://a/2.png"]);
        assert_eq!(line.text, "");
    }

    #[test]
    fn links_keep_their_text() {
        let line = read_line("●[周报第1期（1月1日-1月7日）](http://x/s?a=1&b=2#r) 尾");
        assert_eq!(line.text, "●周报第1期（1月1日-1月7日） 尾");
        assert_eq!(line.links[0].url, "http://x/s?a=1&b=2#r");
    }

    #[test]
    fn unbalanced_brackets_stay_text() {
        assert_eq!(read_line("a [b] c](d").text, "a [b] c](d");
        assert_eq!(read_line("[[[[x](u)").text, "[[[x");
        assert_eq!(read_line("![]()").images.len(), 0);
    }

    #[test]
    fn links_that_lead_nowhere_on_the_web_keep_only_their_text() {
        let line =
            read_line("●[周报](javascript:alert(1)) ![x](data:image/png;base64,AA) [本地](a/b.md)");
        assert_eq!(line.text, "●周报 本地");
        assert!(line.links.is_empty() && line.images.is_empty(), "{line:?}");
    }

    #[test]
    fn headings_quotes_and_bold_markers_are_dropped() {
        assert_eq!(
            read_line("## **本周事件处理情况**").text,
            "本周事件处理情况"
        );
        assert_eq!(read_line("> 引文").text, "引文");
    }
}
