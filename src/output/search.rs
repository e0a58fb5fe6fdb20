//! `zhoubao search`: each hit with a snippet of the text around the match,
//! the match marked. Windows are measured in display cells (a Chinese
//! character is two) and cut only between characters.

use serde_json::{json, Value};
use unicode_width::UnicodeWidthChar;

use super::{clean, period_text, pretty, summary_json};
use crate::i18n::{Cmd, Lang, Mine};
use crate::model::{IssueSummary, IssueText};

/// Display cells of context shown on each side of a match.
pub const CONTEXT_CELLS: usize = 20;

/// How the match is marked in text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Reverse video (SGR 7), for a terminal.
    Reverse,
    /// `«…»`: survives a pipe, a file and `NO_COLOR`, and is rare in the
    /// bulletins themselves, unlike the 【…】 their headings use.
    Brackets,
}

impl Mark {
    /// Reverse video only when stdout is a terminal and colour is allowed
    /// (`Config::no_color`, NO_COLOR's verdict); brackets otherwise.
    pub fn choose(stdout_is_terminal: bool, no_color: bool) -> Mark {
        if stdout_is_terminal && !no_color {
            Mark::Reverse
        } else {
            Mark::Brackets
        }
    }

    fn around(self, text: &str) -> String {
        match self {
            Mark::Reverse => format!("\x1b[7m{text}\x1b[27m"),
            Mark::Brackets => format!("«{text}»"),
        }
    }
}

/// Where a snippet was taken from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Title,
    Body,
    /// The reader's own note.
    Note,
}

/// The match and about [`CONTEXT_CELLS`] cells either side, on one line;
/// `before` starts and `after` ends with `…` where the text was cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub place: Place,
    pub before: String,
    pub matched: String,
    pub after: String,
}

impl Snippet {
    /// The first match of `query` (ASCII case folded, as the search is) in
    /// `text`, with its context; None when there is none.
    pub fn find(text: &str, query: &str, place: Place) -> Option<Snippet> {
        let line = clean(text);
        let query = query.trim();
        if query.is_empty() {
            return None;
        }
        // ASCII folding keeps every byte offset, so an offset in the folded
        // text is a character boundary of the original.
        let start = line
            .to_ascii_lowercase()
            .find(&query.to_ascii_lowercase())?;
        let end = start + query.len();
        let (head, rest) = line.split_at(start);
        let (matched, tail) = rest.split_at(end - start);
        Some(Snippet {
            place,
            before: take_cells(head.chars().rev(), true),
            matched: matched.to_string(),
            after: take_cells(tail.chars(), false),
        })
    }

    /// The snippet on one line, the match marked.
    pub fn marked(&self, mark: Mark) -> String {
        format!(
            "{}{}{}",
            self.before,
            mark.around(&self.matched),
            self.after
        )
    }
}

/// Up to [`CONTEXT_CELLS`] cells of `chars` (reversed when `backwards`),
/// with `…` where the text goes on.
fn take_cells(chars: impl Iterator<Item = char>, backwards: bool) -> String {
    let mut taken = Vec::new();
    let mut cells = 0;
    let mut cut = false;
    for c in chars {
        let w = c.width().unwrap_or(0);
        if cells + w > CONTEXT_CELLS {
            cut = true;
            break;
        }
        cells += w;
        taken.push(c);
    }
    if backwards {
        taken.reverse();
    }
    let text: String = taken.into_iter().collect();
    match (cut, backwards) {
        (false, _) => text,
        (true, true) => format!("…{text}"),
        (true, false) => format!("{text}…"),
    }
}

/// One issue a search found, and where the query is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub summary: IssueSummary,
    /// The match in the title, if there is one.
    pub in_title: Option<Snippet>,
    /// The first match in the body, if there is one.
    pub in_body: Option<Snippet>,
    /// The match in the reader's note, if there is one.
    pub in_note: Option<Snippet>,
}

impl SearchHit {
    pub fn new(summary: IssueSummary, text: &IssueText, query: &str) -> SearchHit {
        SearchHit {
            in_title: Snippet::find(&text.title, query, Place::Title),
            in_body: text
                .body
                .iter()
                .find_map(|p| Snippet::find(p, query, Place::Body)),
            in_note: text
                .note
                .as_deref()
                .and_then(|n| n.lines().find_map(|l| Snippet::find(l, query, Place::Note))),
            summary,
        }
    }

    /// The snippet to show: the body's, else the note's, else the title's.
    pub fn snippet(&self) -> Option<&Snippet> {
        self.in_body
            .as_ref()
            .or(self.in_note.as_ref())
            .or(self.in_title.as_ref())
    }
}

/// `zhoubao search`: each hit on a line (its title's match marked), then
/// the body's match in context on an indented line when there is one, and
/// the note's, labelled, likewise.
pub fn search_text(hits: &[SearchHit], lang: Lang, mark: Mark) -> String {
    let mut out = String::new();
    for hit in hits {
        let s = &hit.summary;
        let whole = clean(s.title.as_deref().unwrap_or(""));
        // The title is short: shown whole, its match marked. The first
        // exact occurrence of the matched text is the first folded match.
        let title = match hit
            .in_title
            .as_ref()
            .and_then(|t| Some((whole.find(&t.matched)?, t)))
        {
            Some((at, t)) => format!(
                "{}{}{}",
                &whole[..at],
                mark.around(&t.matched),
                &whole[at + t.matched.len()..]
            ),
            None => whole,
        };
        let state = if s.cached {
            String::new()
        } else {
            format!("  {}", Cmd::NotCachedNote.text(lang))
        };
        out.push_str(&format!(
            "{:<8} {:<21} {title}{state}\n",
            s.key.to_string(),
            period_text(s.period),
        ));
        if let Some(body) = &hit.in_body {
            out.push_str("    ");
            out.push_str(&body.marked(mark));
            out.push('\n');
        }
        if let Some(note) = &hit.in_note {
            out.push_str("    ");
            out.push_str(&Mine::NoteSnippet(note.marked(mark)).text(lang));
            out.push('\n');
        }
    }
    out
}

/// `zhoubao search --json`: the summaries, each with `snippet`: where the
/// match is (`title`, `body` or `note`) and the text before, of and after
/// it.
pub fn search_json(hits: &[SearchHit]) -> String {
    let v: Vec<Value> = hits
        .iter()
        .map(|hit| {
            let mut v = summary_json(&hit.summary);
            v["snippet"] = hit.snippet().map_or(Value::Null, |s| {
                json!({
                    "in": match s.place {
                        Place::Title => "title",
                        Place::Body => "body",
                        Place::Note => "note",
                    },
                    "before": s.before,
                    "match": s.matched,
                    "after": s.after,
                })
            });
            v
        })
        .collect();
    pretty(&Value::Array(v))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn the_window_is_twenty_cells_either_side_by_display_width() {
        let text = format!("{}跨境{}", "网".repeat(30), "络".repeat(30));
        let s = Snippet::find(&text, "跨境", Place::Body).unwrap();
        assert_eq!(s.before, format!("…{}", "网".repeat(10)));
        assert_eq!(s.after, format!("{}…", "络".repeat(10)));
        assert_eq!(s.before.trim_start_matches('…').width(), 20);
        let ascii = format!("{}needle{}", "a".repeat(50), "b".repeat(5));
        let s = Snippet::find(&ascii, "NEEDLE", Place::Body).unwrap();
        assert_eq!(s.before, format!("…{}", "a".repeat(20)));
        assert_eq!(s.after, "bbbbb", "nothing cut, no ellipsis");
    }

    #[test]
    fn a_wide_character_that_would_pass_the_window_is_left_out_whole() {
        // 19 narrow cells then a wide character: 21 cells would pass 20.
        let text = format!("境{}X", "a".repeat(19));
        let s = Snippet::find(&text, "x", Place::Body).unwrap();
        assert_eq!(s.before, format!("…{}", "a".repeat(19)));
        assert_eq!(s.matched, "X", "the text's own case is kept");
    }

    #[test]
    fn marks_are_reverse_video_on_a_terminal_and_brackets_otherwise() {
        let s = Snippet::find("本周跨境事件", "跨境", Place::Body).unwrap();
        assert_eq!(s.marked(Mark::Brackets), "本周«跨境»事件");
        assert_eq!(s.marked(Mark::Reverse), "本周\x1b[7m跨境\x1b[27m事件");
        assert_eq!(Mark::choose(true, false), Mark::Reverse);
        assert_eq!(Mark::choose(true, true), Mark::Brackets);
        assert_eq!(Mark::choose(false, false), Mark::Brackets);
    }

    #[test]
    fn escape_sequences_in_the_text_never_reach_the_snippet() {
        let s = Snippet::find("前\x1b[31m跨境\x1b[0m后", "跨境", Place::Body).unwrap();
        assert!(!s.marked(Mark::Brackets).contains('\x1b'));
        assert_eq!(Snippet::find("abc", "  ", Place::Body), None);
    }
}
