//! HTML shared by the page formats: the bounded parse in front of the
//! page readers, and the walk that turns an element's subtree into
//! [`Line`]s.

use scraper::{ElementRef, Html, Node};

use super::html_guard;
use super::text::{collapse_blanks, is_web_url, Line, Link};
use super::ParseError;

/// Parses a page; markup that would make html5ever run for seconds fails
/// with a clear reason instead (see [`html_guard`]).
pub(crate) fn parse_page(text: &str) -> Result<Html, ParseError> {
    html_guard::parse_document(text)
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
    fn real_wechat_pages_parse_far_inside_every_limit() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/wechat-pages");
        let Ok(entries) = std::fs::read_dir(&dir) else {
            eprintln!("skipping: {} not present", dir.display());
            return;
        };
        for path in entries.filter_map(Result::ok).map(|e| e.path()) {
            let Ok(text) = std::fs::read_to_string(&path) else {
                continue;
            };
            let doc = parse_page(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let depth = doc
                .tree
                .nodes()
                .map(|n| n.ancestors().filter(|a| a.value().is_element()).count())
                .max()
                .unwrap_or(0);
            eprintln!("{depth:4} {}", path.display());
            assert!(
                depth < html_guard::MAX_NESTING / 4,
                "{}: {depth}",
                path.display()
            );
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
