//! html5ever with bounds that hostile markup cannot get around.
//!
//! html5ever has no limits of its own: its tree builder scans the stack of
//! open elements and the list of active formatting elements for many
//! tokens, so nesting makes it quadratic (600 KB took 52 s), and its
//! tokenizer compares every attribute of a tag with all earlier ones. An
//! estimate of the nesting read from the raw text can be fooled (a comment
//! closed by `--!>`, `</div>` inside an attribute value ...), so the bounds
//! are taken from html5ever itself:
//!
//! - a [`TreeSink`] wrapping scraper's measures the depth of every node
//!   html5ever inserts, in the tree it is building (the open elements are
//!   that node's ancestors);
//! - the same sink counts the calls html5ever makes into it, which is how
//!   its scans show (each step of a scan asks the sink for a name or
//!   compares two nodes), against a budget proportional to the bytes fed;
//! - past either limit the sink leaves html5ever at once, by unwinding
//!   with a [`Refusal`] that the caller catches;
//! - the page is fed in small pieces, each first scanned for what the
//!   tokenizer will spend on its attributes ([`super::attr_scan`]), which
//!   happens before the sink hears of the tag.
//!
//! Every bound is a count of work, never a clock: a page gets the same
//! verdict on a busy machine (a reindex of thousands of files next to
//! other jobs) as on an idle one. Outside the attribute checks the
//! tokenizer does a bounded amount of work per byte, and everything the
//! tree builder does (each node it makes, each name it reads, each step
//! of its scans) goes through the counted sink.

use std::borrow::Cow;
use std::cell::Cell;
use std::panic::{self, AssertUnwindSafe};

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{Attribute, QualName};
use scraper::{Html, HtmlTreeSink, Node};

use super::attr_scan::AttributeScan;
use super::{ParseError, Unreadable};

/// Deeper pages are refused (browsers cap the tree at 512 for the same
/// reason). Real WeChat pages are 4 to 32 deep.
pub(crate) const MAX_NESTING: usize = 256;

/// Sink calls allowed per byte of page, plus a base for small pages. Real
/// pages take 0.15 to 0.6 per byte; nesting that stays just under the
/// depth limit takes 60 to 300 per byte, and this budget ends it after
/// about 0.6 s for a page at the size limit.
const WORK_PER_BYTE: u64 = 4;
const WORK_BASE: u64 = 100_000;

/// Attribute duplicate-check work allowed for a whole page, about 0.3 s of
/// it: one tag of some 7,000 attributes with short names. The scan counts
/// a script's words after a `<` as attributes too, so real pages reach up
/// to 1/80 of it (a 3.5 MB page: 1.3 million, 230 in one "tag").
const ATTRIBUTE_WORK_LIMIT: u64 = 100_000_000;

/// Attributes a repeated `<html>` or `<body>` tag may add to the first:
/// scraper inserts each one into a sorted list, which is quadratic, and
/// nothing here reads them.
const MAX_MERGED_ATTRIBUTES: usize = 64;

/// The page is given to html5ever in pieces this large, and the limits are
/// checked after each: no piece can hold enough tags to run long.
const CHUNK_BYTES: usize = 4096;

/// The bounds of one parse; tests scale them down.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub nesting: usize,
    pub work_base: u64,
    pub work_per_byte: u64,
    pub attribute_work: u64,
}

impl Limits {
    pub(crate) const DEFAULT: Limits = Limits {
        nesting: MAX_NESTING,
        work_base: WORK_BASE,
        work_per_byte: WORK_PER_BYTE,
        attribute_work: ATTRIBUTE_WORK_LIMIT,
    };
}

/// Why a page was not parsed to the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// Nesting past [`MAX_NESTING`], the depth reached.
    Deep(usize),
    /// Tree-building work past the budget, having fed this many bytes.
    Costly { at_byte: usize },
    /// Attribute checks past the limit: the most attributes in one tag.
    Attributes(u64),
}

impl Refusal {
    fn into_error(self, len: usize, limits: &Limits) -> ParseError {
        let share = |at: usize| at * 100 / len.max(1);
        ParseError::Unreadable(match self {
            Refusal::Deep(depth) => Unreadable::TooDeep {
                depth,
                limit: limits.nesting,
            },
            Refusal::Costly { at_byte } => Unreadable::TooCostly {
                percent: share(at_byte),
            },
            Refusal::Attributes(most) => Unreadable::TooManyAttributes { most },
        })
    }
}

/// Parses `text` as an HTML document within the limits above.
pub(crate) fn parse_document(text: &str) -> Result<Html, ParseError> {
    let limits = Limits::DEFAULT;
    parse_bounded(text, &limits).map_err(|refusal| refusal.into_error(text.len(), &limits))
}

fn parse_bounded(text: &str, limits: &Limits) -> Result<Html, Refusal> {
    let sink = BoundedSink {
        inner: HtmlTreeSink::new(Html::new_document()),
        deepest: Cell::new(0),
        work: Cell::new(0),
        budget: Cell::new(limits.work_base),
        fed: Cell::new(0),
        nesting: limits.nesting,
    };
    let mut parser = html5ever::driver::parse_document(sink, Default::default());
    let mut attributes = AttributeScan::default();
    // The sink stops html5ever the moment a limit is passed by unwinding
    // out of it with a `Refusal` (no panic hook runs); the half-built
    // parser is dropped. Any other panic goes on up.
    let parsed = panic::catch_unwind(AssertUnwindSafe(move || {
        let mut at = 0;
        while at < text.len() {
            let mut end = (at + CHUNK_BYTES).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let piece = &text[at..end];
            // Ahead of the tokenizer, which no sink call interrupts
            // while it reads a tag.
            let cost = attributes.feed(piece.as_bytes(), limits.attribute_work);
            if cost.total > limits.attribute_work {
                return Err(Refusal::Attributes(cost.most_in_one_tag));
            }
            let sink = &parser.tokenizer.sink.sink;
            sink.fed.set(end);
            sink.budget.set(
                limits
                    .work_base
                    .saturating_add(limits.work_per_byte.saturating_mul(end as u64)),
            );
            parser.process(StrTendril::from_slice(piece));
            at = end;
        }
        Ok(parser.finish())
    }));
    match parsed {
        Ok(result) => result,
        Err(payload) => match payload.downcast::<Refusal>() {
            Ok(refusal) => Err(*refusal),
            Err(other) => panic::resume_unwind(other),
        },
    }
}

/// Leaves html5ever at once: unwinding without the panic hook.
fn stop(refusal: Refusal) -> ! {
    panic::resume_unwind(Box::new(refusal))
}

type Handle = <HtmlTreeSink as TreeSink>::Handle;

/// scraper's sink, measuring what html5ever does with it.
struct BoundedSink {
    inner: HtmlTreeSink,
    /// The deepest a node was inserted, counted in elements, capped one
    /// past the limit.
    deepest: Cell<usize>,
    /// Calls made into the sink and steps of the depth measurements.
    work: Cell<u64>,
    /// The work allowed for the page up to the end of the current piece.
    budget: Cell<u64>,
    /// Bytes given to html5ever so far.
    fed: Cell<usize>,
    nesting: usize,
}

impl BoundedSink {
    fn charge(&self, units: u64) {
        let work = self.work.get().saturating_add(units);
        self.work.set(work);
        if work > self.budget.get() {
            stop(Refusal::Costly {
                at_byte: self.fed.get(),
            });
        }
    }

    /// Measures a node inserted as a child of `parent`, walking up the
    /// tree as it is now: html5ever moves subtrees (adoption agency,
    /// foster parenting), so depths remembered from earlier would be wrong.
    ///
    /// A new formatting element (`<b>`, `<a>` ...) was first compared with
    /// every same-named entry of the active formatting list, attributes
    /// cloned and sorted (the "Noah's Ark" check); those entries are open
    /// elements, so its same-named ancestors, and their attributes are
    /// charged too.
    fn inserting_under(&self, parent: &Handle, child: &NodeOrText<Handle>) {
        let html = self.inner.0.borrow();
        let child = match child {
            NodeOrText::AppendNode(id) => html.tree.get(*id).and_then(|n| n.value().as_element()),
            NodeOrText::AppendText(_) => None,
        };
        let mut depth = 1;
        let mut steps = 0u64;
        let mut node = html.tree.get(*parent);
        while let Some(n) = node {
            steps += 1;
            // Template contents hang off their <template>: they count.
            if let Node::Element(e) = n.value() {
                depth += 1;
                if let Some(c) = child.filter(|c| c.name == e.name) {
                    steps += (c.attrs().count() + e.attrs().count()) as u64;
                }
                if depth > self.nesting {
                    break;
                }
            }
            node = n.parent();
        }
        drop(html);
        self.deepest.set(self.deepest.get().max(depth));
        if depth > self.nesting {
            stop(Refusal::Deep(depth));
        }
        self.charge(steps);
    }

    fn inserting_beside(&self, sibling: &Handle, child: &NodeOrText<Handle>) {
        let parent = {
            let html = self.inner.0.borrow();
            html.tree
                .get(*sibling)
                .and_then(|n| n.parent())
                .map(|p| p.id())
        };
        if let Some(parent) = parent {
            self.inserting_under(&parent, child);
        }
    }

    fn has_parent(&self, node: &Handle) -> bool {
        self.inner
            .0
            .borrow()
            .tree
            .get(*node)
            .is_some_and(|n| n.parent().is_some())
    }

    fn attribute_count(&self, node: &Handle) -> usize {
        match self.inner.0.borrow().tree.get(*node).map(|n| n.value()) {
            Some(Node::Element(e)) => e.attrs().count(),
            _ => 0,
        }
    }
}

impl TreeSink for BoundedSink {
    type Handle = Handle;
    type Output = Html;
    type ElemName<'a> = <HtmlTreeSink as TreeSink>::ElemName<'a>;

    fn finish(self) -> Html {
        self.inner.finish()
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg);
    }

    fn get_document(&self) -> Handle {
        self.charge(1);
        self.inner.get_document()
    }

    fn elem_name<'a>(&'a self, target: &'a Handle) -> Self::ElemName<'a> {
        self.charge(1);
        self.inner.elem_name(target)
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> Handle {
        self.charge(1 + attrs.len() as u64);
        self.inner.create_element(name, attrs, flags)
    }

    fn create_comment(&self, text: StrTendril) -> Handle {
        self.charge(1);
        self.inner.create_comment(text)
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Handle {
        self.charge(1);
        self.inner.create_pi(target, data)
    }

    fn append(&self, parent: &Handle, child: NodeOrText<Handle>) {
        self.inserting_under(parent, &child);
        self.inner.append(parent, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &Handle,
        prev_element: &Handle,
        child: NodeOrText<Handle>,
    ) {
        if self.has_parent(element) {
            self.inserting_beside(element, &child);
        } else {
            self.inserting_under(prev_element, &child);
        }
        self.inner
            .append_based_on_parent_node(element, prev_element, child);
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.charge(1);
        self.inner
            .append_doctype_to_document(name, public_id, system_id);
    }

    fn mark_script_already_started(&self, node: &Handle) {
        self.inner.mark_script_already_started(node);
    }

    fn pop(&self, node: &Handle) {
        self.charge(1);
        self.inner.pop(node);
    }

    fn get_template_contents(&self, target: &Handle) -> Handle {
        self.charge(1);
        self.inner.get_template_contents(target)
    }

    fn same_node(&self, x: &Handle, y: &Handle) -> bool {
        self.charge(1);
        self.inner.same_node(x, y)
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode);
    }

    fn append_before_sibling(&self, sibling: &Handle, new_node: NodeOrText<Handle>) {
        self.inserting_beside(sibling, &new_node);
        self.inner.append_before_sibling(sibling, new_node);
    }

    fn add_attrs_if_missing(&self, target: &Handle, attrs: Vec<Attribute>) {
        self.charge(1 + attrs.len() as u64);
        if self.attribute_count(target) < MAX_MERGED_ATTRIBUTES {
            self.inner.add_attrs_if_missing(target, attrs);
        }
    }

    fn associate_with_form(
        &self,
        target: &Handle,
        form: &Handle,
        nodes: (&Handle, Option<&Handle>),
    ) {
        self.charge(1);
        self.inner.associate_with_form(target, form, nodes);
    }

    fn remove_from_parent(&self, target: &Handle) {
        self.charge(1);
        self.inner.remove_from_parent(target);
    }

    fn reparent_children(&self, node: &Handle, new_parent: &Handle) {
        self.charge(1);
        self.inner.reparent_children(node, new_parent);
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &Handle) -> bool {
        self.charge(1);
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }

    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refusal(page: &str) -> Option<Refusal> {
        parse_bounded(page, &Limits::DEFAULT).err()
    }

    #[test]
    fn nesting_hidden_from_a_text_scan_is_measured_in_the_tree() {
        let deep = "<div>".repeat(MAX_NESTING + 10);
        for page in [
            deep.clone(),
            format!("<!-- --!>{deep}-->"),
            format!("<p title=\"</div></div>\">{deep}"),
            format!("<svg><![CDATA[</svg>]]>{}", "<g>".repeat(MAX_NESTING + 10)),
            format!("<template>{deep}</template>"),
            "<ul><li>".repeat(MAX_NESTING),
            format!("<table><tr>{deep}"),
        ] {
            assert!(
                matches!(refusal(&page), Some(Refusal::Deep(_))),
                "{}: {:?}",
                &page[..40],
                refusal(&page)
            );
        }
    }

    #[test]
    fn nesting_under_the_limit_with_many_tags_is_stopped_by_the_work_budget() {
        let page = format!("{}{}", "<span>".repeat(250), "</x>".repeat(200_000));
        assert!(matches!(refusal(&page), Some(Refusal::Costly { .. })));
    }

    #[test]
    fn a_tag_with_too_many_attributes_is_refused_before_the_tokenizer_reads_it() {
        // Scaled down: a debug build's tokenizer takes ~0.4 µs per check.
        let limits = Limits {
            attribute_work: 200_000,
            ..Limits::DEFAULT
        };
        let attrs: String = (0..40_000).map(|i| format!(" a{i:x}")).collect();
        let page = format!("<!-- --!><div{attrs}>");
        let r = parse_bounded(&page, &limits).err();
        // Refused within the first pieces, long before the tag ends.
        assert!(
            matches!(r, Some(Refusal::Attributes(n)) if (100..1000).contains(&n)),
            "{r:?}"
        );
        let small: String = (0..100).map(|i| format!(" a{i:x}")).collect();
        assert!(parse_bounded(&format!("<div{small}>"), &limits).is_ok());
    }

    #[test]
    fn repeated_html_tags_do_not_pile_up_attributes() {
        let page: String = (0..5_000).map(|i| format!("<html a{i:x}>")).collect();
        let doc = parse_bounded(&page, &Limits::DEFAULT).expect("parses");
        let html = doc.root_element();
        assert_eq!(html.value().attrs().count(), MAX_MERGED_ATTRIBUTES);
    }

    #[test]
    fn ordinary_markup_parses_as_scraper_would() {
        let page = "<!DOCTYPE html><html><head><title>t</title></head><body><div id=c><p>一<b>二</p>三</b></div></body></html>";
        let ours = parse_bounded(page, &Limits::DEFAULT).expect("parses");
        assert_eq!(ours.html(), Html::parse_document(page).html());
    }

    /// A page like a long real one: many paragraphs, links and images.
    fn long_ordinary_page() -> String {
        let para = "<p><span style=\"color:red\">本周共处理网络安全事件381起</span>，\
                    <a href=\"https://mp.weixin.qq.com/s?x=1\">近期回顾</a>\
                    <img data-src=\"https://img.example/1.png\"></p>";
        format!(
            "<html><body><div id=js_content>{}</div>",
            para.repeat(1_500)
        )
    }

    #[test]
    fn the_verdict_depends_on_the_page_alone_not_on_how_busy_the_machine_is() {
        // Every core kept busy while the pages are parsed, as a reindex
        // next to other jobs would be: no clock, so nothing changes.
        let stop_spinning = std::sync::atomic::AtomicBool::new(false);
        let costly = format!("{}{}", "<span>".repeat(250), "</x>".repeat(200_000));
        let page = long_ordinary_page();
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (quiet, busy) = std::thread::scope(|scope| {
            let quiet = (
                parse_bounded(&costly, &Limits::DEFAULT).err(),
                parse_bounded(&page, &Limits::DEFAULT).is_ok(),
            );
            for _ in 0..cores * 2 {
                scope.spawn(|| {
                    while !stop_spinning.load(std::sync::atomic::Ordering::Relaxed) {
                        std::hint::spin_loop();
                    }
                });
            }
            let busy: Vec<_> = (0..cores)
                .map(|_| {
                    scope.spawn(|| {
                        (
                            parse_bounded(&costly, &Limits::DEFAULT).err(),
                            parse_bounded(&page, &Limits::DEFAULT).is_ok(),
                        )
                    })
                })
                .collect::<Vec<_>>()
                .into_iter()
                .map(|h| h.join().unwrap())
                .collect();
            stop_spinning.store(true, std::sync::atomic::Ordering::Relaxed);
            (quiet, busy)
        });
        assert!(matches!(quiet.0, Some(Refusal::Costly { .. })), "{quiet:?}");
        assert!(quiet.1, "an ordinary page parses");
        for run in busy {
            assert_eq!(run, quiet, "the same refusal, at the same byte");
        }
    }

    #[test]
    fn messages_name_the_limit_and_the_share_of_the_page() {
        let limits = Limits::DEFAULT;
        let msg = Refusal::Deep(257).into_error(10, &limits).to_string();
        assert!(msg.contains("257 deep (limit 256)"), "{msg}");
        let msg = Refusal::Costly { at_byte: 50 }
            .into_error(200, &limits)
            .to_string();
        assert!(msg.contains("stopped at 25% of it"), "{msg}");
    }
}
