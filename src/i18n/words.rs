//! A fixed text in both languages, written where it is used: the key map's
//! descriptions and hints sit in the key map's table beside the keys they
//! describe, so adding a key touches the table and not a second list here.
//! Both languages are fields, so the compiler still checks that each text
//! has its two; the key map's tests check that neither is empty.

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
