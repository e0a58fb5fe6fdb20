//! Where in the config text a problem is, from the toml crate's spans: the
//! line and column of a byte offset, and the dotted key (`keys.quit`) whose
//! `key = value` holds it, read from the spanned tree toml parses
//! ([`toml::de::DeTable`]), so dotted keys, inline tables and values over
//! several lines are placed as toml itself reads them. The settings' own
//! positions come with them, as [`toml::Spanned`] fields (config/mod.rs).

use std::ops::Range;

use toml::de::{DeTable, DeValue};

/// The 1-based line holding byte `offset` of `text`.
pub fn line_at(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The dotted key toml's error at `span` belongs to: the innermost
/// `key = value` (or `[section]`, down to the next header) holding its
/// start; else, when the span is itself a key of the table holding it (a
/// duplicate key), that key.
pub fn key_at(text: &str, span: Range<usize>) -> Option<String> {
    let (tree, _) = DeTable::parse_recoverable(text);
    let mut entries = Vec::new();
    entries_of(tree.get_ref(), "", text, &mut entries);
    let headers: Vec<usize> = entries
        .iter()
        .filter(|e| e.header)
        .map(|e| e.range.start)
        .collect();
    // A section runs from its header to the next one (or the end).
    for entry in entries.iter_mut().filter(|e| e.header) {
        let next = headers
            .iter()
            .copied()
            .filter(|&h| h > entry.range.start)
            .min();
        entry.range.end = next.unwrap_or(text.len());
    }
    let holding = |offset: usize| {
        entries
            .iter()
            .filter(|e| e.range.start <= offset && offset <= e.range.end)
            .min_by_key(|e| (e.range.len(), std::cmp::Reverse(e.path.len())))
    };
    if let Some(entry) = holding(span.start) {
        if !entry.header {
            return Some(entry.path.clone());
        }
    }
    let table = holding(span.start).map_or("", |e| e.path.as_str());
    let named = text.get(span.clone())?.trim_matches(['"', '\'']);
    let path = if table.is_empty() {
        named.to_string()
    } else {
        format!("{table}.{named}")
    };
    if entries.iter().any(|e| e.path == path) {
        return Some(path);
    }
    holding(span.start).map(|e| e.path.clone())
}

/// One `key = value` of the tree: its dotted path and the bytes from the
/// key to the end of the value; a `[section]` header's until its `]`.
struct Entry {
    path: String,
    range: Range<usize>,
    header: bool,
}

fn entries_of(table: &DeTable<'_>, prefix: &str, text: &str, out: &mut Vec<Entry>) {
    for (key, value) in table.iter() {
        let path = if prefix.is_empty() {
            key.get_ref().to_string()
        } else {
            format!("{prefix}.{}", key.get_ref())
        };
        let (k, v) = (key.span(), value.span());
        let header = text.as_bytes().get(v.start) == Some(&b'[')
            && matches!(value.get_ref(), DeValue::Table(_));
        out.push(Entry {
            path: path.clone(),
            range: k.start.min(v.start)..k.end.max(v.end),
            header,
        });
        if let DeValue::Table(inner) = value.get_ref() {
            entries_of(inner, &path, text, out);
        }
    }
}

/// The column (in characters, from 1) of byte `offset` of `text`; None
/// when `offset` is not a character boundary of it.
pub(super) fn column_of(text: &str, offset: usize) -> Option<usize> {
    let before = text.get(..offset)?;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    Some(before.get(line_start..)?.chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "language = \"en\"\n\n[keys]\nquit = [\"x\"]\nmove_down = [\n  \"j\",\n  \"bad\",\n]\n[theme]\nlink = \"blue\"\n";

    fn at(text: &str, needle: &str) -> (usize, Option<String>) {
        let start = text.find(needle).expect("in the text");
        (
            line_at(text, start),
            key_at(text, start..start + needle.len()),
        )
    }

    #[test]
    fn an_offset_gives_its_line_and_the_key_whose_value_holds_it() {
        assert_eq!(at(TEXT, "language"), (1, Some("language".into())));
        assert_eq!(at(TEXT, "\"bad\""), (7, Some("keys.move_down".into())));
        assert_eq!(at(TEXT, "theme"), (9, Some("theme".into())));
    }

    #[test]
    fn dotted_keys_and_inline_tables_are_placed_as_toml_reads_them() {
        let dotted = "language = \"en\"\nkeys.quit = \"x\"\n";
        assert_eq!(at(dotted, "\"x\""), (2, Some("keys.quit".into())));
        let inline = "[theme]\nname = \"dark\"\n[fetch]\nx = { a = 1, b = [\n  2,\n] }\n";
        assert_eq!(at(inline, "2"), (5, Some("fetch.x.b".into())));
    }

    #[test]
    fn a_duplicate_key_is_named_in_its_section() {
        let text = "[theme]\nlink = \"blue\"\nlink = \"red\"\n";
        let second = text.rfind("link").expect("twice");
        assert_eq!(key_at(text, second..second + 4), Some("theme.link".into()));
        let top = "language = \"en\"\nlanguage = \"zh\"\n";
        assert_eq!(key_at(top, 16..24), Some("language".into()));
    }
}
