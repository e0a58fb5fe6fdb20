//! `zhoubao note KEY [TEXT]`: sets the issue's note, or prints it when no
//! text is given; `-` reads the text from standard input, and an empty
//! text clears the note. The note is stored as typed and printed clean.

use std::io::{Read, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::i18n::{Lang, Mine};
use crate::model::IssueKey;
use crate::store::Store;

/// What `zhoubao note` was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    Print,
    /// Set the note to this text (empty: clear it).
    Set(String),
    /// Set it to what standard input holds.
    FromStdin,
}

impl Wanted {
    /// No words: print; `-` alone: standard input; else the words joined
    /// by spaces, as a shell split them.
    pub fn of(words: &[String]) -> Wanted {
        match words {
            [] => Wanted::Print,
            [dash] if dash == "-" => Wanted::FromStdin,
            words => Wanted::Set(words.join(" ")),
        }
    }
}

/// A typed text as a note: without the newlines an editor or `echo`
/// leaves at its end, the rest as it is.
pub fn as_typed(text: &str) -> &str {
    text.trim_end_matches(['\n', '\r'])
}

pub fn run(store: &Store, key: IssueKey, wanted: Wanted, lang: Lang) -> Result<ExitCode> {
    // A double issue's second number names the issue too.
    let known = store.resolve(key)?;
    let key = known.unwrap_or(key);
    let shown = key.to_string();
    let text = match wanted {
        Wanted::Print => {
            return Ok(match store.note(key)? {
                Some(note) => {
                    let mut out = std::io::stdout().lock();
                    out.write_all(crate::sanitize::clean(&note, true).as_bytes())?;
                    out.write_all(b"\n")?;
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("zhoubao: {}", Mine::NoNote { key: shown }.text(lang));
                    ExitCode::FAILURE
                }
            });
        }
        Wanted::Set(text) => text,
        Wanted::FromStdin => {
            let mut bytes = Vec::new();
            std::io::stdin().lock().read_to_end(&mut bytes)?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    let text = as_typed(&text);
    store.set_note(key, Some(text))?;
    let said = if text.trim().is_empty() {
        Mine::NoteCleared { key: shown.clone() }
    } else {
        Mine::NoteSaved { key: shown.clone() }
    };
    eprintln!("{}", said.text(lang));
    if known.is_none() && !text.trim().is_empty() {
        eprintln!("{}", Mine::NoteWaits { key: shown }.text(lang));
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_pick_what_to_do() {
        assert_eq!(Wanted::of(&[]), Wanted::Print);
        assert_eq!(Wanted::of(&["-".into()]), Wanted::FromStdin);
        assert_eq!(
            Wanted::of(&["跨境".into(), "回落".into()]),
            Wanted::Set("跨境 回落".into())
        );
        assert_eq!(Wanted::of(&["".into()]), Wanted::Set(String::new()));
        assert_eq!(as_typed("一行\n第二行\r\n\n"), "一行\n第二行");
    }
}
