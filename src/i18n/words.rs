//! A fixed text in both languages, written where it is used: the key map's
//! descriptions and hints sit in the key map's table beside the keys they
//! describe, so adding a key touches the table and not a second list here.
//! Both languages are fields, so the compiler still checks that each text
//! has its two; the key map's tests check that neither is empty. Also the
//! English plural and month names the message tables share.

use super::Lang;

/// A text without parameters, in Chinese and in English.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    pub zh: &'static str,
    pub en: &'static str,
}

impl Words {
    pub const fn new(zh: &'static str, en: &'static str) -> Words {
        Words { zh, en }
    }

    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.zh,
            Lang::En => self.en,
        }
    }
}

/// `1 issue`, `3 issues`: English counts in the message tables.
pub(super) fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A month's English short name (`Feb`); `?` for no month.
pub(super) fn month(m: u32) -> &'static str {
    usize::try_from(m)
        .ok()
        .and_then(|m| m.checked_sub(1))
        .and_then(|i| MONTHS.get(i))
        .copied()
        .unwrap_or("?")
}
