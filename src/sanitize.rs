//! Makes untrusted text safe to put on a terminal or on stdout.
//!
//! Bulletins come from the web: a title may carry CSI, OSC (window title,
//! clipboard) or C1 sequences, bidi overrides that reorder what the user
//! sees, or invisible format characters (zero-width joiners, word joiners,
//! interlinear annotations, tag characters) that hide text or change its
//! width. Everything that is not printable text is dropped; tabs become
//! spaces so widths stay predictable.
//!
//! Blank look-alikes (Hangul fillers, the braille blank), private-use
//! characters and noncharacters go too: they draw nothing or a glyph no
//! one agreed on. And what would make a terminal draw several characters
//! as one glyph of another width (an emoji's skin tone, VS15/VS16, a pair
//! of regional indicators) is normalised away, so each character left
//! takes the cells `unicode-width` gives it, the widths the layout adds up.

use unicode_general_category::{get_general_category, GeneralCategory};

/// Removes escape sequences, control characters (C0, DEL, C1), every
/// format character (general category Cf: bidi controls, zero-width and
/// joiner characters, U+FEFF, tag characters ...) and the line and
/// paragraph separators. Newlines are kept only when `keep_newlines` is
/// set. Chinese text needs none of what is removed.
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
            c if is_unsafe(c) || is_width_changer(c) => {}
            c if is_regional_indicator(c) => out.push(regional_letter(c)),
            c => out.push(c),
        }
    }
    out
}

/// One line of text: newlines and other controls removed.
pub fn line(s: &str) -> String {
    clean(s, false)
}

/// A URL to print or show: one line, without the user name and password
/// it may carry (`https://user:pw@host/` → `https://host/`).
pub fn url(s: &str) -> String {
    line(&without_userinfo(s))
}

/// `s` without the `user:password@` before its host, when it has one;
/// by the text alone, so a URL too broken to parse (a proxy setting with
/// a bad port) loses its password too. Without `://`, what comes before
/// the first `/` is the authority only when it holds a `user:password@`
/// (`u:pw@proxy:3128`): `@name` or `a@b` alone are left as they are.
pub fn without_userinfo(s: &str) -> std::borrow::Cow<'_, str> {
    let scheme_end = s.find("://").map(|i| i + 3);
    let start = scheme_end.unwrap_or(0);
    let rest = &s[start..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) if scheme_end.is_some() || rest[..at].contains(':') => {
            format!("{}{}", &s[..start], &rest[at + 1..]).into()
        }
        _ => s.into(),
    }
}

/// A JSON text (as serde_json writes it) with every character [`clean`]
/// would drop or change written as a `\uXXXX` escape instead: nothing
/// reaches a terminal raw, and a parser reads back exactly the text that
/// was written (a note as typed). serde_json escapes C0 controls itself;
/// such characters can only be inside strings, where an escape means the
/// same character.
pub fn json_escaped(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        let plain = c == '\n' || !(is_unsafe(c) || is_width_changer(c) || is_regional_indicator(c));
        if plain {
            out.push(c);
            continue;
        }
        let mut units = [0u16; 2];
        for unit in c.encode_utf16(&mut units) {
            out.push_str(&format!("\\u{unit:04x}"));
        }
    }
    out
}

fn is_unsafe(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_control();
    }
    c.is_control()
        || is_blank_filler(c)
        || matches!(
            get_general_category(c),
            GeneralCategory::Format
                | GeneralCategory::LineSeparator
                | GeneralCategory::ParagraphSeparator
                | GeneralCategory::PrivateUse
                // Noncharacters (U+FFFE, U+FDD0 ...) and code points with
                // no character yet: no width anyone agrees on.
                | GeneralCategory::Unassigned
        )
}

/// Letters that draw as nothing: the Hangul fillers and the braille blank
/// (used to pass for spaces where spaces are trimmed).
fn is_blank_filler(c: char) -> bool {
    matches!(
        c,
        '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' | '\u{2800}'
    )
}

/// Characters that change the width of the emoji before them in a
/// terminal but count as zero cells on their own: VS15, VS16 and the five
/// skin-tone modifiers. The emoji keeps its default look.
fn is_width_changer(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}')
}

/// A regional indicator: two of them draw as one flag, two cells wide,
/// where each alone is one.
fn is_regional_indicator(c: char) -> bool {
    ('\u{1F1E6}'..='\u{1F1FF}').contains(&c)
}

/// 🇨 → `C`: a flag is written as its two letters (🇨🇳 → `CN`).
fn regional_letter(c: char) -> char {
    char::from_u32(u32::from('A') + (u32::from(c) - 0x1F1E6)).unwrap_or('?')
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
    fn json_keeps_unsafe_characters_as_escapes_that_read_back_exactly() {
        let typed = "注\u{1b}[31m\u{9b}2J\u{202e}\u{7f}\u{1F1E8}\u{FE0F}末";
        let json = serde_json::to_string(&serde_json::json!({ "note": typed })).unwrap();
        let escaped = json_escaped(&json);
        assert!(
            escaped
                .chars()
                .all(|c| c == '\n' || !c.is_control() && !is_unsafe(c)),
            "{escaped}"
        );
        assert!(escaped.contains("\\u202e") && escaped.contains("\\ud83c\\udde8"));
        let back: serde_json::Value = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back["note"], typed);
        assert_eq!(
            json_escaped("{\n  \"a\": \"周报\"\n}"),
            "{\n  \"a\": \"周报\"\n}"
        );
    }

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
    fn strips_every_format_character() {
        for c in [
            '\u{00AD}',
            '\u{061C}',
            '\u{180E}',
            '\u{200B}',
            '\u{200C}',
            '\u{200D}',
            '\u{200E}',
            '\u{200F}',
            '\u{2060}',
            '\u{2061}',
            '\u{2062}',
            '\u{2063}',
            '\u{2064}',
            '\u{2066}',
            '\u{2069}',
            '\u{206F}',
            '\u{FEFF}',
            '\u{FFF9}',
            '\u{FFFA}',
            '\u{FFFB}',
            '\u{E0001}',
            '\u{E0020}',
            '\u{E0041}',
            '\u{E007F}',
            '\u{0600}',
            '\u{110BD}',
            '\u{1D173}',
        ] {
            let text = format!("周{c}报");
            assert_eq!(line(&text), "周报", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn strips_the_examples_hidden_in_a_title() {
        // Tag characters spell "IGNORE" invisibly; FFF9..FFFB hide an
        // annotation; 2060 and 200D join nothing in Chinese.
        let title =
            "网络\u{2060}安全\u{200D}周报\u{FFF9}隐藏\u{FFFA}注\u{FFFB}\u{E0049}\u{E0047}\u{E004E}";
        assert_eq!(line(title), "网络安全周报隐藏注");
    }

    #[test]
    fn strips_line_and_paragraph_separators() {
        assert_eq!(line("一\u{2028}二\u{2029}三"), "一二三");
    }

    #[test]
    fn keeps_printable_text_of_every_kind() {
        // Combining marks are not format characters: they shape what is
        // drawn, within the cell of the character they follow.
        let text = "网络安全 周报：第17期（2024）·①② ＡＢＣ e\u{301} ✔ 👍 한국어 العربية";
        assert_eq!(line(text), text);
    }

    #[test]
    fn strips_invisible_fillers_private_use_and_noncharacters() {
        for c in [
            '\u{115F}',
            '\u{1160}',
            '\u{3164}',
            '\u{FFA0}',
            '\u{2800}',
            '\u{E000}',
            '\u{F8FF}',
            '\u{F0000}',
            '\u{10FFFD}',
            '\u{FDD0}',
            '\u{FDEF}',
            '\u{FFFE}',
            '\u{FFFF}',
            '\u{1FFFE}',
            '\u{10FFFF}',
        ] {
            let text = format!("周{c}报");
            assert_eq!(line(&text), "周报", "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn emoji_sequences_become_characters_of_one_known_width_each() {
        use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
        // The layout sums the widths of characters; a terminal draws a
        // sequence (skin tone, flag, VS16) as one glyph of its own width.
        // After cleaning the two must agree.
        for text in [
            "👍\u{1F3FD}",
            "✔\u{FE0F}",
            "🇨🇳",
            "\u{1F1E6}",
            "👨\u{200D}👩\u{200D}👧",
            "1\u{FE0F}\u{20E3}",
            "❤\u{FE0F}\u{200D}🔥",
            "🏳\u{FE0F}\u{200D}🌈",
            "👋\u{1F3FB}\u{200D}\u{2642}\u{FE0F}",
            "🔥\u{FE0E}",
        ] {
            let clean = line(text);
            let summed: usize = clean.chars().map(|c| c.width().unwrap_or(0)).sum();
            assert_eq!(summed, clean.width(), "{text:?} became {clean:?}");
        }
        assert_eq!(line("👍\u{1F3FD}"), "👍", "the skin tone goes");
        assert_eq!(line("国旗🇨🇳"), "国旗CN", "a flag is its two letters");
        assert_eq!(line("✔\u{FE0F}"), "✔", "the presentation selector goes");
    }

    #[test]
    fn a_urls_user_and_password_are_dropped_parseable_or_not() {
        for (given, shown) in [
            (
                "https://reader:s3cret@mp.weixin.qq.com/s?a=1",
                "https://mp.weixin.qq.com/s?a=1",
            ),
            ("http://reader@h:8080", "http://h:8080"),
            ("http://u:p@pro xy:99999", "http://pro xy:99999"),
            ("u:p@proxy.lan:3128", "proxy.lan:3128"),
            ("socks5://a:b@c@10.0.0.1:1080", "socks5://10.0.0.1:1080"),
            // An @ after the host is not a user's.
            ("https://h/path?mail=a@b#x@y", "https://h/path?mail=a@b#x@y"),
            ("https://mp.weixin.qq.com/s", "https://mp.weixin.qq.com/s"),
            // Not URLs: an @ without a password before it stays.
            ("@evil", "@evil"),
            ("周报@CNCERT", "周报@CNCERT"),
        ] {
            assert_eq!(without_userinfo(given), shown, "{given}");
        }
        assert_eq!(url("http://u:p@h/\u{1b}[31mx"), "http://h/x");
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
