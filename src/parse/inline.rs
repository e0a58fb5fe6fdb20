//! Markdown links and images inside one line, `[text](url)` and
//! `![alt](src)`, with CommonMark's balanced brackets and parentheses.
//! Written by hand: a Markdown crate (pulldown-cmark) would also reread the
//! archive's mostly plain text as list markers, emphasis, entities and
//! inline HTML, where only links and images are wanted. Linear in the
//! line's length, however the brackets are arranged.

use super::text::Link;

/// What a line's inline markup gives: the visible text, images, links.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Inline {
    pub text: String,
    pub images: Vec<String>,
    /// Every link, whatever its address; callers keep the web ones.
    pub links: Vec<Link>,
}

/// Longest link title (`[t](url "title")`) looked for, in bytes.
const MAX_TITLE: usize = 512;

/// Where the destination opened by the `(` of a `](` ends.
#[derive(Debug, Clone, Copy)]
enum DestinationEnd {
    /// At the `)` that balances it.
    Closed(usize),
    /// At a blank: a title and then `)` may follow.
    Blank(usize),
}

/// Reads the links and images of `line`; brackets that open or close no
/// link stay text.
pub(crate) fn read(line: &str) -> Inline {
    let bytes = line.as_bytes();
    let mut ends = Ends {
        list: destination_ends(bytes),
        next: 0,
    };
    let mut out = Inline::default();
    let mut finder = Finder::default();
    // Byte offsets into `out.text` where a `[` (or `![`) was written.
    let mut openers: Vec<(usize, bool)> = Vec::new();
    let mut i = 0;
    let mut plain_from = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'[' => {
                out.text.push_str(&line[plain_from..i]);
                let image = out.text.ends_with('!');
                let at = out.text.len() - usize::from(image);
                openers.push((at, image));
                out.text.push('[');
                i += 1;
                plain_from = i;
            }
            b']' => {
                out.text.push_str(&line[plain_from..i]);
                plain_from = i;
                let Some((at, image)) = openers.pop() else {
                    i += 1;
                    continue;
                };
                let target = (bytes.get(i + 1) == Some(&b'('))
                    .then(|| destination(line, i + 1, &mut ends, &mut finder))
                    .flatten();
                let Some((url, after)) = target else {
                    i += 1;
                    continue;
                };
                let label_start = at + usize::from(image) + 1;
                let label = out.text.split_off(label_start);
                out.text.truncate(at);
                if image {
                    if !url.is_empty() {
                        out.images.push(url.to_string());
                    }
                } else {
                    out.text.push_str(&label);
                    if !url.is_empty() {
                        out.links.push(Link {
                            text: label,
                            url: url.to_string(),
                        });
                    }
                }
                // A link holds no other link: earlier `[` stay text.
                openers.clear();
                i = after;
                plain_from = i;
            }
            _ => i += 1,
        }
    }
    out.text.push_str(&line[plain_from..]);
    out
}

/// For every `(` right after a `]`, where its destination ends, ordered by
/// the `(`; found in one pass with a stack of open parentheses, so nested
/// `(…)` balance.
fn destination_ends(bytes: &[u8]) -> Vec<(usize, DestinationEnd)> {
    let mut ends = Vec::new();
    if !bytes.windows(2).any(|w| w == b"](") {
        return ends;
    }
    let mut open: Vec<(usize, bool)> = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'(' => open.push((i, i > 0 && bytes[i - 1] == b']')),
            b')' => {
                if let Some((at, true)) = open.pop() {
                    ends.push((at, DestinationEnd::Closed(i)));
                }
            }
            b if b.is_ascii_whitespace() => {
                for (at, after_bracket) in open.drain(..) {
                    if after_bracket {
                        ends.push((at, DestinationEnd::Blank(i)));
                    }
                }
            }
            _ => {}
        }
    }
    ends.sort_unstable_by_key(|(at, _)| *at);
    ends
}

/// [`destination_ends`], looked up in the order the line is read.
struct Ends {
    list: Vec<(usize, DestinationEnd)>,
    next: usize,
}

impl Ends {
    fn of(&mut self, open: usize) -> Option<DestinationEnd> {
        while self.list.get(self.next).is_some_and(|(at, _)| *at < open) {
            self.next += 1;
        }
        self.list
            .get(self.next)
            .filter(|(at, _)| *at == open)
            .map(|(_, end)| *end)
    }
}

/// Forward searches whose start only grows from one call to the next, so
/// every byte is looked at once (`[](<[](<…` cannot make them quadratic).
#[derive(Default)]
struct Finder {
    /// The last `(from, found)` for `<` and for `>`.
    less: Option<(usize, Option<usize>)>,
    greater: Option<(usize, Option<usize>)>,
    /// The last title read after a blank: `(blank, after the `)`)`.
    title: Option<(usize, Option<usize>)>,
}

impl Finder {
    fn next(&mut self, bytes: &[u8], from: usize, wanted: u8) -> Option<usize> {
        let last = if wanted == b'<' {
            &mut self.less
        } else {
            &mut self.greater
        };
        if let Some((start, found)) = *last {
            if from >= start && found.is_none_or(|f| from <= f) {
                return found;
            }
        }
        let found = bytes
            .get(from..)
            .and_then(|rest| rest.iter().position(|&b| b == wanted))
            .map(|p| from + p);
        *last = Some((from, found));
        found
    }
}

/// The address of the destination whose `(` is at `open`, and where the
/// text after the closing `)` starts.
fn destination<'a>(
    line: &'a str,
    open: usize,
    ends: &mut Ends,
    finder: &mut Finder,
) -> Option<(&'a str, usize)> {
    let bytes = line.as_bytes();
    if bytes.get(open + 1) == Some(&b'<') {
        // `(<address with (odd) parentheses>)`.
        let close = finder.next(bytes, open + 2, b'>')?;
        if finder
            .next(bytes, open + 2, b'<')
            .is_some_and(|lt| lt < close)
        {
            return None;
        }
        let after = skip_blanks(bytes, close + 1);
        return (bytes.get(after) == Some(&b')'))
            .then(|| Some((line.get(open + 2..close)?, after + 1)))
            .flatten();
    }
    match ends.of(open)? {
        DestinationEnd::Closed(close) => Some((line.get(open + 1..close)?, close + 1)),
        DestinationEnd::Blank(blank) => {
            let after = match finder.title {
                Some((at, after)) if at == blank => after,
                _ => {
                    let after = title_end(bytes, blank);
                    finder.title = Some((blank, after));
                    after
                }
            }?;
            Some((line.get(open + 1..blank)?, after))
        }
    }
}

/// After a destination's blank: an optional quoted title, then `)`.
/// Returns where the text after the `)` starts.
fn title_end(bytes: &[u8], blank: usize) -> Option<usize> {
    let mut i = skip_blanks(bytes, blank);
    if let Some(&quote) = bytes.get(i).filter(|q| matches!(q, b'"' | b'\'')) {
        let rest = bytes.get(i + 1..)?;
        let len = rest.iter().take(MAX_TITLE).position(|&b| b == quote)?;
        i = skip_blanks(bytes, i + 1 + len + 1);
    }
    (bytes.get(i) == Some(&b')')).then_some(i + 1)
}

/// The first non-blank at or after `from`, looking a few bytes ahead only.
fn skip_blanks(bytes: &[u8], from: usize) -> usize {
    const MAX_BLANKS: usize = 16;
    let blanks = bytes
        .get(from..)
        .unwrap_or(&[])
        .iter()
        .take(MAX_BLANKS)
        .take_while(|b| b.is_ascii_whitespace())
        .count();
    from + blanks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(line: &str) -> Vec<(String, String)> {
        read(line)
            .links
            .into_iter()
            .map(|l| (l.text, l.url))
            .collect()
    }

    #[test]
    fn nested_brackets_and_parentheses_balance() {
        let r = read("●[[转载]周报[图]](http://x/a_(b)?c=(1)) 尾");
        assert_eq!(r.text, "●[转载]周报[图] 尾");
        assert_eq!(
            links("[[转载]周报[图]](http://x/a_(b)?c=(1))"),
            [("[转载]周报[图]".into(), "http://x/a_(b)?c=(1)".into())]
        );
    }

    #[test]
    fn a_link_in_a_javascript_address_is_read_whole() {
        assert_eq!(
            links("●[title](javascript:alert(1))"),
            [("title".into(), "javascript:alert(1)".into())]
        );
        assert_eq!(read("●[title](javascript:alert(1))").text, "●title");
    }

    #[test]
    fn titles_and_angle_brackets_are_understood() {
        let r = read("![a](https://a/1.png \"t (x)\")![b](<https://a/2 (2).png>)");
        assert_eq!(r.images, ["https://a/1.png", "https://a/2 (2).png"]);
        assert_eq!(r.text, "");
        assert_eq!(
            links("[t](http://x/1 'title') 后"),
            [("t".into(), "http://x/1".into())]
        );
    }

    #[test]
    fn brackets_that_make_no_link_stay_text() {
        for line in ["a [b] c](d", "[x] (y)", "[x](y", "](", "[", "]", "[a](b c)"] {
            let r = read(line);
            assert_eq!(r.text, line, "{line}");
            assert!(r.links.is_empty() && r.images.is_empty(), "{line}");
        }
    }

    #[test]
    fn a_link_inside_a_link_text_leaves_the_outer_brackets_as_text() {
        let r = read("[a [b](u) c](v)");
        assert_eq!(r.text, "[a b c](v)");
        assert_eq!(links("[a [b](u) c](v)"), [("b".into(), "u".into())]);
    }
}
