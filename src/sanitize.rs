//! Makes untrusted text safe to put on a terminal or on stdout.
//!
//! Bulletins come from the web: a title may carry CSI, OSC (window title,
//! clipboard) or C1 sequences, or bidi overrides that reorder what the user
//! sees. Everything that is not printable text is dropped; tabs become
//! spaces so widths stay predictable.

/// Removes escape sequences, control characters (C0, DEL, C1) and bidi
/// controls. Newlines are kept only when `keep_newlines` is set.
pub fn clean(s: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => skip_escape(&mut chars),
            // C1 CSI / OSC / DCS / SOS / PM / APC introducers carry a payload too.
            '\u{9b}' => skip_csi(&mut chars),
            '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\n' if keep_newlines => out.push('\n'),
            '\t' => out.push(' '),
            c if is_unsafe(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// One line of text: newlines and other controls removed.
pub fn line(s: &str) -> String {
    clean(s, false)
}

fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200e}' | '\u{200f}' | '\u{061c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}')
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

fn skip_escape(chars: &mut Chars<'_>) {
    match chars.next() {
        Some('[') => skip_csi(chars),
        Some(']') | Some('P') | Some('X') | Some('^') | Some('_') => skip_string(chars),
        // Two-byte sequences such as ESC ( B: drop the intermediates and the final byte.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while let Some(&n) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&n) {
                    break;
                }
            }
        }
        _ => {}
    }
}

fn skip_csi(chars: &mut Chars<'_>) {
    // Parameters and intermediates, then one final byte in @..~.
    for c in chars.by_ref() {
        if ('\u{40}'..='\u{7e}').contains(&c) || !('\u{20}'..='\u{3f}').contains(&c) {
            break;
        }
    }
}

fn skip_string(chars: &mut Chars<'_>) {
    // Ends at BEL, ST (ESC \) or C1 ST.
    while let Some(c) = chars.next() {
        match c {
            '\u{7}' | '\u{9c}' => break,
            '\u{1b}' => {
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                break;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_csi_colour_and_cursor_moves() {
        assert_eq!(line("\u{1b}[31m红色\u{1b}[0m\u{1b}[2J"), "红色");
    }

    #[test]
    fn strips_osc_title_and_clipboard_with_either_terminator() {
        assert_eq!(line("a\u{1b}]0;pwned\u{7}b"), "ab");
        assert_eq!(line("a\u{1b}]52;c;ZXZpbA==\u{1b}\\b"), "ab");
    }

    #[test]
    fn strips_c1_controls_and_their_payloads() {
        assert_eq!(line("a\u{9b}31mb\u{9d}0;x\u{9c}c\u{85}"), "abc");
    }

    #[test]
    fn strips_bidi_overrides() {
        assert_eq!(line("周报\u{202e}txt.exe\u{2066}"), "周报txt.exe");
    }

    #[test]
    fn keeps_newlines_only_when_asked() {
        assert_eq!(clean("一\n二\r", true), "一\n二");
        assert_eq!(clean("一\n二", false), "一二");
    }

    #[test]
    fn unterminated_sequences_do_not_swallow_or_panic() {
        assert_eq!(line("ok\u{1b}"), "ok");
        assert_eq!(line("ok\u{1b}[12"), "ok");
        assert_eq!(line("ok\u{1b}]0;never ends"), "ok");
    }
}
