//! An error as the binary prints it: [`localize`] walks the error's chain
//! of causes and gives each its own words ([`Localized`]) in the user's
//! language. Which types have words is [`WORDED`]; a test reads the source
//! for every error type and fails when one is not listed there, and the
//! compiler refuses an entry whose type has no words.

use std::error::Error;

use super::args::BadSeries;
use crate::config::ConfigError;
use crate::feed::FeedError;
use crate::fetch::FetchError;
use crate::i18n::{Lang, Localized};
use crate::images::ImageError;
use crate::marks::MarksFileError;
use crate::model::{BadIssueKey, ParseError, Skip, Unreadable};
use crate::store::StoreError;
use crate::tui::browser::OpenError;
use crate::tui::keymap::KeyMapError;
use crate::tui::keys::BadKey;
use crate::tui::library::LibraryError;
use crate::tui::view::theme::StyleError;

/// The error and its causes as `{:#}` joins them, each in `lang`: a cause
/// of a type in [`WORDED`] in its own words, any other (a context already
/// worded in `lang`) as it displays.
pub fn localize(error: &(dyn Error + 'static), lang: Lang) -> String {
    std::iter::successors(Some(error), |&e| e.source())
        .map(|cause| match words_of(cause) {
            Some(words) => words.text(lang).into_owned(),
            None => cause.to_string(),
        })
        .collect::<Vec<_>>()
        .join(match lang {
            Lang::Zh => "：",
            Lang::En => ": ",
        })
}

fn words_of<'a>(cause: &'a (dyn Error + 'static)) -> Option<&'a dyn Localized> {
    WORDED.iter().find_map(|w| (w.words)(cause))
}

/// An error type with words: how to find them in a `&dyn Error`.
struct Worded {
    #[cfg(test)]
    name: fn() -> &'static str,
    words: for<'a> fn(&'a (dyn Error + 'static)) -> Option<&'a dyn Localized>,
    /// What is wrong with its samples' words (tests only).
    #[cfg(test)]
    check: fn() -> Vec<String>,
}

impl Worded {
    /// One of ours: its `Display` is the English of its words.
    const fn of<T: Error + Localized + std::fmt::Debug + 'static>() -> Worded {
        Worded {
            #[cfg(test)]
            name: std::any::type_name::<T>,
            words: words::<T>,
            #[cfg(test)]
            check: check::<T, true>,
        }
    }

    /// Another crate's, whose `Display` is its own (the system's English).
    const fn foreign<T: Error + Localized + std::fmt::Debug + 'static>() -> Worded {
        Worded {
            #[cfg(test)]
            name: std::any::type_name::<T>,
            words: words::<T>,
            #[cfg(test)]
            check: check::<T, false>,
        }
    }
}

fn words<'a, T: Error + Localized + 'static>(
    e: &'a (dyn Error + 'static),
) -> Option<&'a dyn Localized> {
    e.downcast_ref::<T>().map(|t| t as &dyn Localized)
}

/// Every error type the binary can meet. A new one goes here (the test
/// below names it when it is missing).
const WORDED: &[Worded] = &[
    Worded::of::<StoreError>(),
    Worded::of::<ParseError>(),
    Worded::of::<Skip>(),
    Worded::of::<Unreadable>(),
    Worded::of::<BadIssueKey>(),
    Worded::of::<BadSeries>(),
    Worded::of::<FetchError>(),
    Worded::of::<FeedError>(),
    Worded::of::<ImageError>(),
    Worded::of::<MarksFileError>(),
    Worded::of::<ConfigError>(),
    Worded::of::<KeyMapError>(),
    Worded::of::<BadKey>(),
    Worded::of::<StyleError>(),
    Worded::of::<LibraryError>(),
    Worded::of::<OpenError>(),
    Worded::foreign::<std::io::Error>(),
];

#[cfg(test)]
fn check<T: Error + Localized + std::fmt::Debug, const OURS: bool>() -> Vec<String> {
    let mut wrong = crate::i18n::missing_words::<T>();
    if OURS {
        for sample in T::samples() {
            let (shown, en) = (sample.to_string(), sample.text(Lang::En));
            if shown != en {
                wrong.push(format!(
                    "{sample:?}: Display {shown:?} is not its English {en:?}"
                ));
            }
        }
    }
    wrong
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    /// The names of the types in `src/` that are errors: deriving `Error`
    /// (thiserror's) or implementing `std::error::Error`.
    fn error_types_in(dir: &Path, found: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                error_types_in(&path, found);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            let mut derives_error = false;
            for line in text.lines().map(str::trim) {
                if let Some(rest) = line
                    .strip_prefix("impl std::error::Error for ")
                    .or_else(|| line.strip_prefix("impl Error for "))
                {
                    found.push(rest.split([' ', '<', '{']).next().unwrap_or("").into());
                } else if line.starts_with("#[derive(") {
                    derives_error = line
                        .trim_start_matches("#[derive(")
                        .trim_end_matches(")]")
                        .split(',')
                        .any(|d| d.trim() == "Error" || d.trim() == "thiserror::Error");
                } else if derives_error {
                    let item = [
                        "pub enum ",
                        "pub struct ",
                        "pub(crate) enum ",
                        "enum ",
                        "struct ",
                    ]
                    .iter()
                    .find_map(|kw| line.split_once(kw).map(|(_, rest)| rest));
                    if let Some(rest) = item {
                        found.push(
                            rest.split([' ', '<', '{', '(', ';'])
                                .next()
                                .unwrap_or("")
                                .into(),
                        );
                        derives_error = false;
                    }
                }
            }
        }
    }

    #[test]
    fn every_error_type_in_the_source_has_words() {
        let mut found = Vec::new();
        error_types_in(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut found,
        );
        // The scan itself must see the errors it is there for.
        for known in ["StoreError", "FetchError", "ConfigError", "KeyMapError"] {
            assert!(
                found.iter().any(|f| f == known),
                "{known} not found: {found:?}"
            );
        }
        let listed: Vec<&str> = WORDED
            .iter()
            .map(|w| (w.name)().rsplit("::").next().unwrap_or(""))
            .collect();
        let missing: Vec<&String> = found
            .iter()
            .filter(|f| !listed.contains(&f.as_str()))
            .collect();
        assert!(
            missing.is_empty(),
            "error types with no words in WORDED (cli/localize.rs): {missing:?}"
        );
    }

    #[test]
    fn every_worded_error_has_distinct_words_and_english_display() {
        let wrong: Vec<String> = WORDED.iter().flat_map(|w| (w.check)()).collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn a_chain_is_worded_cause_by_cause_in_the_language_asked_for() {
        let e = anyhow::Error::from(StoreError::Busy).context("读取 2024-17");
        assert_eq!(
            localize(e.as_ref(), Lang::Zh),
            "读取 2024-17：缓存正忙：另一个进程持有它的锁；请等它结束后再试"
        );
        let denied = anyhow::Error::from(std::io::Error::from_raw_os_error(13));
        assert_eq!(localize(denied.as_ref(), Lang::Zh), "没有权限");
        assert_eq!(localize(denied.as_ref(), Lang::En), "permission denied");
    }
}
