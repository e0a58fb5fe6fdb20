//! A bound on what html5ever's tokenizer spends on attributes, found
//! before it runs. The tokenizer checks each new attribute of a tag against
//! all earlier ones, so one tag with 50,000 attributes costs minutes, and
//! no tree builder hook sees the tag before it ends. Written by hand: no
//! crate answers this question. The scan follows the HTML tokenizer's tag
//! and attribute states from every `<letter` or `</letter` at once, so it
//! never counts fewer attributes than the tokenizer can see, wherever the
//! tokenizer really is (text, comment, script, CDATA ...).

/// What one run of tag states knows: attributes so far and the cost of
/// their duplicate checks (earlier attributes times name bytes compared).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Run {
    attributes: u64,
    cost: u64,
}

impl Run {
    fn max(self, other: Run) -> Run {
        Run {
            attributes: self.attributes.max(other.attributes),
            cost: self.cost.max(other.cost),
        }
    }

    fn new_attribute(self) -> Run {
        Run {
            attributes: self.attributes + 1,
            ..self
        }
    }

    /// One more byte of the newest attribute's name, compared with every
    /// earlier name.
    fn name_byte(self) -> Run {
        Run {
            cost: self.cost + self.attributes.saturating_sub(1),
            ..self
        }
    }
}

/// The tokenizer's states inside a tag (the spec's names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    TagName,
    BeforeAttrName,
    AttrName,
    AfterAttrName,
    BeforeAttrValue,
    ValueDoubleQuoted,
    ValueSingleQuoted,
    ValueUnquoted,
    AfterAttrValueQuoted,
    SelfClosingStartTag,
}

const STATES: [State; 10] = [
    State::TagName,
    State::BeforeAttrName,
    State::AttrName,
    State::AfterAttrName,
    State::BeforeAttrValue,
    State::ValueDoubleQuoted,
    State::ValueSingleQuoted,
    State::ValueUnquoted,
    State::AfterAttrValueQuoted,
    State::SelfClosingStartTag,
];

/// Where a byte takes a run; `None` is the end of the tag.
fn step(state: State, byte: u8, run: Run) -> Option<(State, Run)> {
    use State::*;
    let blank = matches!(byte, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    let start_name = |run: Run| Some((AttrName, run.new_attribute().name_byte()));
    match state {
        TagName => match byte {
            b'>' => None,
            b'/' => Some((SelfClosingStartTag, run)),
            _ if blank => Some((BeforeAttrName, run)),
            _ => Some((TagName, run)),
        },
        BeforeAttrName | SelfClosingStartTag => match byte {
            b'>' => None,
            b'/' => Some((SelfClosingStartTag, run)),
            _ if blank => Some((BeforeAttrName, run)),
            _ => start_name(run),
        },
        AttrName => match byte {
            b'>' => None,
            b'/' => Some((SelfClosingStartTag, run)),
            b'=' => Some((BeforeAttrValue, run)),
            _ if blank => Some((AfterAttrName, run)),
            _ => Some((AttrName, run.name_byte())),
        },
        AfterAttrName => match byte {
            b'>' => None,
            b'/' => Some((SelfClosingStartTag, run)),
            b'=' => Some((BeforeAttrValue, run)),
            _ if blank => Some((AfterAttrName, run)),
            _ => start_name(run),
        },
        BeforeAttrValue => match byte {
            b'>' => None,
            b'"' => Some((ValueDoubleQuoted, run)),
            b'\'' => Some((ValueSingleQuoted, run)),
            _ if blank => Some((BeforeAttrValue, run)),
            _ => Some((ValueUnquoted, run)),
        },
        ValueDoubleQuoted => Some((
            if byte == b'"' {
                AfterAttrValueQuoted
            } else {
                ValueDoubleQuoted
            },
            run,
        )),
        ValueSingleQuoted => Some((
            if byte == b'\'' {
                AfterAttrValueQuoted
            } else {
                ValueSingleQuoted
            },
            run,
        )),
        ValueUnquoted => match byte {
            b'>' => None,
            _ if blank => Some((BeforeAttrName, run)),
            _ => Some((ValueUnquoted, run)),
        },
        AfterAttrValueQuoted => match byte {
            b'>' => None,
            b'/' => Some((SelfClosingStartTag, run)),
            _ if blank => Some((BeforeAttrName, run)),
            // Missing blank between attributes: the next one starts here.
            _ => start_name(run),
        },
    }
}

/// The most attributes one tag may have and the cost of their checks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct AttributeCost {
    /// Attributes of the largest tag, at most.
    pub most_in_one_tag: u64,
    /// Duplicate-check work over all tags, at most.
    pub total: u64,
}

/// The scan, fed the page piece by piece just ahead of the tokenizer.
#[derive(Debug, Default)]
pub(crate) struct AttributeScan {
    /// One run per tag state; runs that reach the same state merge.
    runs: [Option<Run>; 10],
    /// The last two bytes fed, for a `<` or `</` at the end of a piece.
    before: [u8; 2],
    /// Work of the tags that ended.
    ended: AttributeCost,
}

impl AttributeScan {
    /// What the tokenizer can have spent so far, counting the tags it is
    /// still inside as if they ended here.
    pub fn cost(&self) -> AttributeCost {
        match self.runs.iter().flatten().copied().reduce(Run::max) {
            Some(open) => AttributeCost {
                most_in_one_tag: self.ended.most_in_one_tag.max(open.attributes),
                total: self.ended.total.saturating_add(open.cost),
            },
            None => self.ended,
        }
    }

    /// Scans the next piece; stops early once the cost passes `limit`.
    pub fn feed(&mut self, bytes: &[u8], limit: u64) -> AttributeCost {
        let mut active = self.runs.iter().any(Option::is_some);
        let mut i = 0;
        while i < bytes.len() {
            let (b1, b2) = match i {
                0 => (self.before[1], self.before[0]),
                1 => (bytes[0], self.before[1]),
                _ => (bytes[i - 1], bytes[i - 2]),
            };
            let after_open = b1 == b'<' || (b1 == b'/' && b2 == b'<');
            if !active && !after_open {
                // Only a `<` can start a tag: go to the byte after the next.
                match bytes[i..].iter().position(|&b| b == b'<') {
                    Some(p) => i += p + 1,
                    None => break,
                }
                continue;
            }
            let byte = bytes[i];
            let mut next: [Option<Run>; 10] = [None; 10];
            let mut ended: Option<Run> = None;
            for (k, run) in self.runs.iter().enumerate() {
                let Some(run) = *run else { continue };
                match step(STATES[k], byte, run) {
                    Some((state, run)) => {
                        let slot = &mut next[state as usize];
                        *slot = Some(slot.map_or(run, |r| r.max(run)));
                    }
                    None => ended = Some(ended.map_or(run, |r| r.max(run))),
                }
            }
            // `<a` and `</a` may open a tag, whatever the tokenizer's state.
            if after_open && byte.is_ascii_alphabetic() {
                let slot = &mut next[State::TagName as usize];
                *slot = Some(slot.unwrap_or_default());
            }
            if let Some(run) = ended {
                // At most one real tag ends at this `>`.
                self.ended.total = self.ended.total.saturating_add(run.cost);
                self.ended.most_in_one_tag = self.ended.most_in_one_tag.max(run.attributes);
            }
            self.runs = next;
            active = self.runs.iter().any(Option::is_some);
            if active && self.cost().total > limit {
                break;
            }
            i += 1;
        }
        match bytes {
            [.., a, b] => self.before = [*a, *b],
            [b] => self.before = [self.before[1], *b],
            [] => {}
        }
        self.cost()
    }
}

/// [`AttributeScan`] over a whole text.
#[cfg(test)]
fn attribute_cost(text: &str, limit: u64) -> AttributeCost {
    AttributeScan::default().feed(text.as_bytes(), limit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn most(text: &str) -> u64 {
        attribute_cost(text, u64::MAX).most_in_one_tag
    }

    #[test]
    fn attributes_of_ordinary_tags_are_counted() {
        assert_eq!(most("<p>text</p>"), 0);
        assert_eq!(most(r#"<img data-src="a.png" class=x hidden>"#), 3);
        assert_eq!(most(r#"<a href='x'title="y"/>"#), 2);
        assert_eq!(most("<div a b=1 c = '2' d>"), 4);
    }

    #[test]
    fn quoted_values_hide_nothing() {
        // `>` and `<` inside a value end nothing.
        assert_eq!(most(r#"<div a=">" b="<x>" c d>"#), 4);
    }

    #[test]
    fn a_tag_hidden_from_a_naive_scan_is_still_counted() {
        // The tokenizer may be inside a comment, a script or text: every
        // `<letter` is followed as a possible tag.
        let attrs: String = (0..50).map(|i| format!(" a{i}")).collect();
        for page in [
            format!("<!-- --!><div{attrs}>"),
            format!("<script>x<div{attrs}>"),
            format!("<div title=\"<div{attrs}>\">"),
            format!("</div{attrs}>"),
        ] {
            assert!(most(&page) >= 50, "{page}");
        }
    }

    #[test]
    fn the_duplicate_check_cost_grows_with_the_square_of_the_attributes() {
        let tag = |n: usize| {
            format!(
                "<div{}>",
                (0..n).map(|i| format!(" a{i:04}")).collect::<String>()
            )
        };
        let small = attribute_cost(&tag(100), u64::MAX).total;
        let large = attribute_cost(&tag(1000), u64::MAX).total;
        assert!(large > 90 * small, "{small} {large}");
    }

    #[test]
    fn pieces_give_the_same_cost_as_the_whole() {
        let page = r#"<p a b><</div c d e><img x="1>"y z>"#.repeat(50);
        let whole = attribute_cost(&page, u64::MAX);
        for piece in [1, 2, 3, 7, 64] {
            let mut scan = AttributeScan::default();
            for chunk in page.as_bytes().chunks(piece) {
                scan.feed(chunk, u64::MAX);
            }
            assert_eq!(scan.cost(), whole, "pieces of {piece}");
        }
    }

    #[test]
    fn the_scan_stops_once_past_the_limit() {
        let page = format!("<div{}>", " a".repeat(1_000_000));
        let cost = attribute_cost(&page, 1000);
        assert!(cost.total > 1000 && cost.total < 1100, "{cost:?}");
        assert!((40..100).contains(&cost.most_in_one_tag), "{cost:?}");
    }
}
