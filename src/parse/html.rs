//! HTML shared by the page formats: a nesting guard in front of the HTML
//! parser, and the walk that turns an element's subtree into [`Line`]s.

use scraper::{ElementRef, Html, Node};

use super::text::{collapse_blanks, is_web_url, Line, Link};
use super::ParseError;

/// Deeper pages are refused. html5ever scans its stack of open elements for
/// many start tags, so depth times tag count is the parse cost (browsers cap
/// the tree depth at 512 for the same reason). Real WeChat pages measure
/// 10 to 30 by this estimate.
pub(crate) const MAX_NESTING: usize = 256;

/// Elements that never take an end tag, or whose end tag is usually left
/// out and implied by the next sibling: neither deepens the tree.
const NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th",
    "thead", "tbody", "tfoot", "rp", "rt", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is text, not markup, to the tokenizer.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// Parses a page after a linear estimate of its nesting depth, so a
/// million nested tags fail fast with a clear reason instead of taking
/// quadratic time.
pub(crate) fn parse_page(text: &str) -> Result<Html, ParseError> {
    let depth = nesting_depth(text);
    if depth > MAX_NESTING {
        return Err(ParseError::Unreadable(format!(
            "HTML nests elements at least {depth} deep (limit {MAX_NESTING}): not a page this tool reads"
        )));
    }
    Ok(Html::parse_document(text))
}

/// The deepest open-element count seen, ignoring comments, raw text and
/// elements that do not nest. Stops counting once past the limit.
pub(crate) fn nesting_depth(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut i = 0usize;
    while let Some(offset) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(|&c| c == b'<'))
    {
        i += offset + 1;
        let rest = bytes.get(i..).unwrap_or(&[]);
        if rest.starts_with(b"!--") {
            i = find(bytes, i, b"-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = i + usize::from(closing);
        let name_len = bytes
            .get(name_start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = bytes
            .get(name_start..name_start + name_len)
            .unwrap_or(&[])
            .to_ascii_lowercase();
        let tag_end = find(bytes, name_start, b">").unwrap_or(bytes.len());
        let self_closing = tag_end > 0 && bytes.get(tag_end - 1) == Some(&b'/');
        i = tag_end;
        let name_is = |list: &[&str]| list.iter().any(|n| n.as_bytes() == name.as_slice());
        if closing {
            if !name_is(NOT_NESTING) {
                depth = depth.saturating_sub(1);
            }
        } else if name_is(RAW_TEXT) {
            let mut end_tag = b"</".to_vec();
            end_tag.extend_from_slice(&name);
            i = find_ignore_case(bytes, i, &end_tag).unwrap_or(bytes.len());
        } else if !self_closing && !name_is(NOT_NESTING) {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > MAX_NESTING {
                return deepest;
            }
        }
    }
    deepest
}

fn find(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ignore_case(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "blockquote",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "pre",
    "article",
    "header",
    "footer",
];

/// The paragraphs under `root`: text of inline elements joined, a new
/// [`Line`] at each block element or `<br>`, images and links kept in
/// order. Iterative, so deep trees cannot overflow the stack.
pub(crate) fn lines_of(root: ElementRef<'_>) -> Vec<Line> {
    let mut reader = LineReader::default();
    walk(root, |node, closing| reader.visit(node, closing));
    reader.finish()
}

/// Depth-first walk calling `visit(node, false)` on entering a node and
/// `visit(node, true)` on leaving it, with no recursion.
fn walk<'a>(root: ElementRef<'a>, mut visit: impl FnMut(&'a Node, bool)) {
    let top = *root;
    let mut current = top;
    visit(current.value(), false);
    loop {
        if let Some(child) = current.first_child() {
            visit(child.value(), false);
            current = child;
            continue;
        }
        loop {
            visit(current.value(), true);
            if current.id() == top.id() {
                return;
            }
            if let Some(sibling) = current.next_sibling() {
                visit(sibling.value(), false);
                current = sibling;
                break;
            }
            match current.parent() {
                Some(parent) => current = parent,
                None => return,
            }
        }
    }
}

#[derive(Default)]
struct LineReader {
    lines: Vec<Line>,
    current: Line,
    raw_text: String,
    open_link: Option<(String, String)>,
    /// Inside script / style: depth of elements to ignore.
    skip_depth: usize,
}

impl LineReader {
    fn visit(&mut self, node: &Node, closing: bool) {
        match (node, closing) {
            (Node::Element(el), false) => {
                let name = el.name();
                if self.skip_depth > 0 || matches!(name, "script" | "style" | "noscript") {
                    self.skip_depth += 1;
                    return;
                }
                if BLOCKS.contains(&name) || name == "br" {
                    self.flush();
                }
                if name == "img" {
                    let src = el.attr("data-src").or_else(|| el.attr("src"));
                    if let Some(src) = src.map(str::trim).filter(|s| is_web_url(s)) {
                        self.current.images.push(src.to_string());
                    }
                }
                if name == "a" {
                    if let Some(href) = el.attr("href").map(str::trim).filter(|h| is_web_url(h)) {
                        self.open_link = Some((href.to_string(), String::new()));
                    }
                }
            }
            (Node::Element(el), true) => {
                if self.skip_depth > 0 {
                    self.skip_depth -= 1;
                    return;
                }
                let name = el.name();
                if name == "a" {
                    if let Some((url, label)) = self.open_link.take() {
                        self.current.links.push(Link {
                            text: collapse_blanks(&label),
                            url,
                        });
                    }
                }
                if BLOCKS.contains(&name) {
                    self.flush();
                }
            }
            (Node::Text(t), false) if self.skip_depth == 0 => {
                self.raw_text.push_str(t);
                if let Some((_, label)) = self.open_link.as_mut() {
                    label.push_str(t);
                }
            }
            _ => {}
        }
    }

    fn flush(&mut self) {
        self.current.text = collapse_blanks(&self.raw_text);
        self.raw_text.clear();
        let line = std::mem::take(&mut self.current);
        if !line.is_empty() {
            self.lines.push(line);
        }
    }

    fn finish(mut self) -> Vec<Line> {
        self.flush();
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Selector;

    #[test]
    fn ordinary_markup_is_shallow() {
        let page = "<!DOCTYPE html><html><head><meta charset=utf-8><script>if (a<b) {x('<div>')}</script></head>\
            <body><div><p>one<p>two<br><img src=x><ul><li>a<li>b</ul></div><!-- <div><div> --></body></html>";
        assert_eq!(nesting_depth(page), 2);
    }

    #[test]
    fn real_wechat_pages_stay_far_below_the_limit() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wechat-pages");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipping: {} not present", dir.display());
            return;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let depth = nesting_depth(&text);
            eprintln!("{depth:4} {}", path.display());
            assert!(depth < MAX_NESTING / 4, "{}: {depth}", path.display());
        }
    }

    #[test]
    fn deep_nesting_is_refused_quickly() {
        let page = "<div>".repeat(1_000_000);
        let err = parse_page(&page).unwrap_err();
        assert!(err.to_string().contains("limit 256"), "{err}");
    }

    #[test]
    fn spans_join_and_blocks_split() {
        let doc = Html::parse_fragment(
            "<div id=c><p><span>共处理</span><span>381</span>起</p><section>二<br>三</section>\
             <p><a href=\"http://x/?a=1&amp;b=2\">链接</a><img data-src=\"http://i/1.png\" src=\"data:x\"></p></div>",
        );
        let sel = Selector::parse("#c").unwrap();
        let root = doc.select(&sel).next().unwrap();
        let lines = lines_of(root);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["共处理381起", "二", "三", "链接"]);
        assert_eq!(lines[3].links[0].url, "http://x/?a=1&b=2");
        assert_eq!(lines[3].images, ["http://i/1.png"]);
    }
}
