//! Where in the config text a problem is: the line of a byte offset (from
//! toml's error span) with the dotted key written there, and the line of a
//! key in a section. toml gives spans but not the key they belong to, so
//! this reads the lines by hand; it only needs the simple `key = value`
//! and `[section]` lines a config is made of.

/// The 1-based line holding byte `offset`, and the key written there (or
/// above it, for a value continued over several lines), with its section.
pub fn at_offset(text: &str, offset: usize) -> (usize, Option<String>) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let lines: Vec<&str> = text.lines().collect();
    let mut key = None;
    let mut section = String::new();
    for (i, l) in lines.iter().enumerate().take(line) {
        let l = l.trim();
        if let Some(name) = section_of(l) {
            section = name;
            key = None;
            // The error is on the header itself.
            if i + 1 == line {
                return (line, Some(section));
            }
        } else if let Some(k) = key_of(l) {
            key = Some(k);
        }
    }
    let key = key.map(|k| {
        if section.is_empty() {
            k
        } else {
            format!("{section}.{k}")
        }
    });
    (line, key)
}

/// The 1-based line where `key` is set in `[section]` ("" for the top).
pub fn line_of(text: &str, section: &str, key: &str) -> Option<usize> {
    let mut current = String::new();
    for (i, l) in text.lines().enumerate() {
        let l = l.trim();
        if let Some(name) = section_of(l) {
            current = name;
        } else if current == section && key_of(l).as_deref() == Some(key) {
            return Some(i + 1);
        }
    }
    None
}

fn section_of(line: &str) -> Option<String> {
    let inner = line.strip_prefix('[')?.split(']').next()?;
    Some(inner.trim().trim_matches('"').to_string())
}

fn key_of(line: &str) -> Option<String> {
    if line.starts_with('#') {
        return None;
    }
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"').trim_matches('\'');
    (!key.is_empty() && !key.contains(['[', ']', ','])).then(|| key.to_string())
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

    #[test]
    fn an_offset_gives_its_line_and_the_key_above_it() {
        assert_eq!(at_offset(TEXT, 0), (1, Some("language".into())));
        let bad = TEXT.find("\"bad\"").expect("in the text");
        assert_eq!(at_offset(TEXT, bad), (7, Some("keys.move_down".into())));
        let header = TEXT.find("[theme]").expect("in the text");
        assert_eq!(at_offset(TEXT, header), (9, Some("theme".into())));
    }

    #[test]
    fn a_key_is_found_in_its_section_only() {
        assert_eq!(line_of(TEXT, "keys", "quit"), Some(4));
        assert_eq!(line_of(TEXT, "theme", "link"), Some(10));
        assert_eq!(line_of(TEXT, "", "language"), Some(1));
        assert_eq!(line_of(TEXT, "theme", "quit"), None);
    }
}
