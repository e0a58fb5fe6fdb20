//! The one trait every error and message type words itself through
//! ([`Localized`]): its text in each language, written beside the type
//! (`StoreError` in store/error.rs, `FetchError` in fetch/error.rs …), with
//! its English `Display` made from the same words ([`english_display!`]),
//! so the two can never differ. [`Said`] keeps those words as a value, to
//! quote inside another message (`无法写入缓存：…`).

use std::borrow::Cow;
use std::fmt;

use super::{Lang, Msg};

/// Something with words in every language. Implement it beside the type,
/// with a `match` over `(variant, lang)` and no catch-all arm: the compiler
/// then checks that each variant has its text in each language.
pub trait Localized {
    /// The words in `lang`, on one line unless the type says otherwise.
    fn text(&self, lang: Lang) -> Cow<'static, str>;

    /// The words as a message, to keep or to quote in another message.
    fn message(&self) -> Msg {
        Msg::Said(Said::of(self))
    }

    /// One value of each variant (of each shape of its text), for the
    /// tests that check every language has words and that they differ.
    #[cfg(test)]
    fn samples() -> Vec<Self>
    where
        Self: Sized;
}

/// An error's (or any [`Localized`] value's) words in each language, taken
/// when it is quoted: a status line keeps it after the error is gone.
#[derive(Clone, PartialEq, Eq)]
pub struct Said {
    zh: String,
    en: String,
}

impl Said {
    pub fn of<T: Localized + ?Sized>(words: &T) -> Said {
        Said {
            zh: words.text(Lang::Zh).into_owned(),
            en: words.text(Lang::En).into_owned(),
        }
    }

    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

impl fmt::Debug for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Said({:?})", self.en)
    }
}

/// `Display` for an error type as the English of its [`Localized`] words.
macro_rules! english_display {
    ($($t:ty),+ $(,)?) => {$(
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&$crate::i18n::Localized::text(self, $crate::i18n::Lang::En))
            }
        }
    )+};
}
pub(crate) use english_display;

impl Localized for Msg {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        Msg::text(self, lang)
    }

    #[cfg(test)]
    fn samples() -> Vec<Msg> {
        Msg::samples()
    }
}

/// The system's error by its kind ([`super::Os`]): its own words are
/// English whatever the locale.
impl Localized for std::io::Error {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        super::Os::of(self).text(lang)
    }

    #[cfg(test)]
    fn samples() -> Vec<std::io::Error> {
        use std::io::{Error, ErrorKind};
        vec![
            Error::from(ErrorKind::NotFound),
            Error::from_raw_os_error(13),
            Error::new(ErrorKind::StorageFull, "No space left on device"),
            Error::other("Too many levels of symbolic links"),
        ]
    }
}

/// What is wrong with `T`'s words, one line per sample: a language with
/// no text, or two languages with the same (an untranslated copy).
#[cfg(test)]
pub(crate) fn missing_words<T: Localized + fmt::Debug>() -> Vec<String> {
    let mut wrong = Vec::new();
    let samples = T::samples();
    if samples.is_empty() {
        wrong.push(format!("{}: no samples", std::any::type_name::<T>()));
    }
    for sample in samples {
        let (zh, en) = (sample.text(Lang::Zh), sample.text(Lang::En));
        if zh.trim().is_empty() || en.trim().is_empty() {
            wrong.push(format!("{sample:?}: no text in a language"));
        } else if zh == en {
            wrong.push(format!("{sample:?}: the same text in both languages: {zh}"));
        }
    }
    wrong
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_and_system_error_has_words_in_each_language() {
        let mut wrong = missing_words::<Msg>();
        wrong.extend(missing_words::<std::io::Error>());
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn a_quoted_error_keeps_both_languages() {
        let denied = std::io::Error::from_raw_os_error(13);
        let said = Said::of(&denied);
        assert_eq!(said.text(Lang::Zh), "没有权限");
        assert_eq!(said.text(Lang::En), "permission denied");
        assert_eq!(denied.message().text(Lang::Zh), "没有权限");
    }
}
