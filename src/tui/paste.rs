//! Text arriving all at once into the open prompt (`/` or `:`): a
//! bracketed paste, or keys typed faster than frames are drawn, which the
//! event loop gathers into one edit (`Action::Paste`, handled in
//! update.rs). One edit means one search, where a key at a time would
//! search once per character.

/// Pasted text as one line: the line breaks at its ends dropped (a copied
/// line usually ends with one), each run of them inside one space, and
/// what is not printable removed as everywhere else.
pub fn one_line(text: &str) -> String {
    let is_break = |c: char| matches!(c, '\n' | '\r');
    let joined = text
        .trim_matches(is_break)
        .split(is_break)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    crate::sanitize::line(&joined)
}

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn pasted_lines_become_one_line_and_nothing_unprintable_stays() {
        assert_eq!(one_line("跨境\n"), "跨境");
        assert_eq!(one_line("\r\n网络\r\n安全\n\n周报\r\n"), "网络 安全 周报");
        assert_eq!(one_line("a\tb\u{1b}[31m c "), "a b c ");
        assert_eq!(one_line("\n\n"), "");
    }
}
