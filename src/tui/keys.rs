//! One key of a binding: how it matches a terminal key event, how help and
//! the status line spell it, and how the config file spells it (`"j"`,
//! `"down"`, `"ctrl-d"`, `"shift-tab"`, `"f5"`). The config spelling is
//! written by hand: crossterm has no parser for key names, and the set is
//! small enough that a table is clearer than a crate.

use std::borrow::Cow;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use thiserror::Error;

use crate::i18n::{english_display, Lang, Localized, Words};

/// One key of a binding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// 1 to 9.
    Digits,
    /// Any printable character (search input).
    Typed,
    /// Any key at all (the y/n question's "anything else").
    Any,
}

/// A key name the config file cannot use; `Display` is the English of its
/// words.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub struct BadKey {
    pub name: String,
}

english_display!(BadKey);

impl Localized for BadKey {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        let k = &self.name;
        match lang {
            Lang::Zh => format!(
                "“{k}”不是按键：用一个字符（\"j\"、\"?\"）、按键名（\"down\"、\"enter\"、\"esc\"、\"space\"、\"shift-tab\"、\"pagedown\"、\"f5\"）或 ctrl- 加字母（\"ctrl-d\"）"
            )
            .into(),
            Lang::En => format!(
                "{k:?} is not a key: use a character (\"j\", \"?\"), a name (\"down\", \"enter\", \"esc\", \"space\", \"shift-tab\", \"pagedown\", \"f5\") or ctrl- and a letter (\"ctrl-d\")"
            )
            .into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<BadKey> {
        vec![BadKey {
            name: "hyper-x".into(),
        }]
    }
}

/// How help and the status line name the typed-text "key".
const TYPED_TEXT: Words = Words::new("文字", "text");

/// How help names the y/n question's "any other key".
const OTHER_KEY: Words = Words::new("其他键", "other");

/// Named keys as the config file spells them, first the preferred name.
const NAMES: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("escape", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("shift-tab", KeyCode::BackTab),
    ("backtab", KeyCode::BackTab),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
    ("del", KeyCode::Delete),
    ("insert", KeyCode::Insert),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pgup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("pgdn", KeyCode::PageDown),
];

impl Key {
    pub fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match (self, key.code) {
            (Key::Any, _) => true,
            (Key::Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
            (_, _) if ctrl || alt => false,
            (Key::Char(c), KeyCode::Char(k)) => k == c,
            (Key::Code(code), k) => k == code,
            (Key::Digits, KeyCode::Char(k)) => ('1'..='9').contains(&k),
            (Key::Typed, KeyCode::Char(_)) => true,
            _ => false,
        }
    }

    /// Whether pressing `self` could also press `other`: the same key, or
    /// a digit against the 1-9 class.
    pub fn overlaps(self, other: Key) -> bool {
        match (self, other) {
            (Key::Digits, Key::Char(c)) | (Key::Char(c), Key::Digits) => ('1'..='9').contains(&c),
            (a, b) => a == b,
        }
    }

    /// How the help overlay and the status line spell the key: its name,
    /// or for the classes of typed text and any other key, their words.
    pub fn label(self, lang: Lang) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digits => "1-9".into(),
            Key::Typed => TYPED_TEXT.text(lang).into(),
            Key::Any => OTHER_KEY.text(lang).into(),
            Key::Code(code) => match code {
                KeyCode::Down => "↓".into(),
                KeyCode::Up => "↑".into(),
                KeyCode::Left => "←".into(),
                KeyCode::Right => "→".into(),
                KeyCode::PageDown => "PgDn".into(),
                KeyCode::PageUp => "PgUp".into(),
                KeyCode::BackTab => "Shift-Tab".into(),
                other => other.to_string(),
            },
        }
    }

    /// How the config file spells the key; None for the classes (digits,
    /// typed text, any key), which no config names.
    pub fn config_name(self) -> Option<String> {
        match self {
            Key::Char(' ') => Some("space".into()),
            Key::Char(c) => Some(c.to_string()),
            Key::Ctrl(c) => Some(format!("ctrl-{}", c.to_ascii_lowercase())),
            Key::Code(KeyCode::F(n)) => Some(format!("f{n}")),
            Key::Code(code) => NAMES
                .iter()
                .find(|(_, c)| *c == code)
                .map(|(name, _)| (*name).to_string()),
            Key::Digits | Key::Typed | Key::Any => None,
        }
    }

    /// A key from its config spelling: one character, a key name, `fN`,
    /// `shift-` with a letter (the capital) or `ctrl-` with a letter.
    /// Names are case-blind; single characters are not (`"G"` is not `"g"`).
    pub fn parse(name: &str) -> Result<Key, BadKey> {
        let bad = || BadKey {
            name: name.to_string(),
        };
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return if c.is_control() {
                Err(bad())
            } else {
                Ok(Key::Char(c))
            };
        }
        let lower = name.trim().to_ascii_lowercase();
        if lower == "space" {
            return Ok(Key::Char(' '));
        }
        if let Some((_, code)) = NAMES.iter().find(|(n, _)| *n == lower) {
            return Ok(Key::Code(*code));
        }
        let single = |rest: &str| {
            let mut cs = rest.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) if c.is_ascii_alphabetic() => Some(c),
                _ => None,
            }
        };
        if let Some(c) = lower.strip_prefix("ctrl-").and_then(single) {
            return Ok(Key::Ctrl(c));
        }
        if let Some(c) = lower.strip_prefix("shift-").and_then(single) {
            return Ok(Key::Char(c.to_ascii_uppercase()));
        }
        match lower.strip_prefix('f').map(str::parse::<u8>) {
            Some(Ok(n @ 1..=12)) => Ok(Key::Code(KeyCode::F(n))),
            _ => Err(bad()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_names_parse_back_to_the_same_key() {
        let keys = [
            Key::Char('j'),
            Key::Char('G'),
            Key::Char(' '),
            Key::Char('?'),
            Key::Char('-'),
            Key::Ctrl('d'),
            Key::Code(KeyCode::Down),
            Key::Code(KeyCode::BackTab),
            Key::Code(KeyCode::PageDown),
            Key::Code(KeyCode::Esc),
            Key::Code(KeyCode::F(5)),
        ];
        for key in keys {
            let name = key.config_name().expect("every single key has a name");
            assert_eq!(Key::parse(&name), Ok(key), "{name}");
        }
    }

    #[test]
    fn names_are_case_blind_and_shift_means_the_capital() {
        assert_eq!(Key::parse("Ctrl-D"), Ok(Key::Ctrl('d')));
        assert_eq!(Key::parse("PgDn"), Ok(Key::Code(KeyCode::PageDown)));
        assert_eq!(Key::parse("shift-g"), Ok(Key::Char('G')));
        assert_eq!(Key::parse("F12"), Ok(Key::Code(KeyCode::F(12))));
    }

    #[test]
    fn the_classes_of_keys_are_spelled_in_the_sessions_language() {
        assert_eq!(Key::Typed.label(Lang::Zh), "文字");
        assert_eq!(Key::Any.label(Lang::Zh), "其他键");
        assert_eq!(Key::Any.label(Lang::En), "other");
        assert_eq!(Key::Char(' ').label(Lang::Zh), "Space");
    }

    #[test]
    fn unknown_names_are_refused() {
        for name in ["", "ctrl-", "ctrl-1", "hyper-x", "f13", "f0", "downn", "\t"] {
            assert!(Key::parse(name).is_err(), "{name:?}");
        }
    }

    #[test]
    fn a_digit_overlaps_the_digit_class_but_zero_does_not() {
        assert!(Key::Char('3').overlaps(Key::Digits));
        assert!(Key::Digits.overlaps(Key::Char('9')));
        assert!(!Key::Char('0').overlaps(Key::Digits));
        assert!(!Key::Char('j').overlaps(Key::Char('k')));
    }
}
