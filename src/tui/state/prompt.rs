//! What the status line asks for while keys type into it: a search query
//! (`/`), an issue key (`:`), a note (`e` without an outside editor) or a
//! y/n answer. There is at most one at a
//! time, and the input mode comes from it (`App::mode`), never stored
//! beside it.

use super::detail::Target;
use crate::i18n::Screen;
use crate::model::{IssueKey, SeriesId};
use crate::tui::action::InputMode;

/// Where the reader was when a search began, to go back to on Esc.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    pub list_selected: usize,
    pub list_offset: usize,
    pub current: Option<Target>,
    pub scroll: usize,
}

/// A y/n question waiting on the status line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Question {
    /// Mark every cached issue read; this many are unread.
    MarkAllRead(usize),
}

impl Question {
    pub fn text(self) -> Screen {
        match self {
            Question::MarkAllRead(n) => Screen::AskMarkAllRead(n),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Prompt {
    #[default]
    None,
    /// Typing a search (the query is the search's, it outlives the prompt).
    Search(Saved),
    /// Typing an issue key after `:`.
    Goto(String),
    /// Typing the note of an issue, from what it held.
    Note(NoteDraft),
    Confirm(Question),
}

/// The note being typed in the one-line editor, and whose it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteDraft {
    pub key: IssueKey,
    pub typed: String,
}

impl Prompt {
    /// The keys' mode while this prompt is open; None when there is none.
    pub fn mode(&self) -> Option<InputMode> {
        match self {
            Prompt::None => None,
            Prompt::Search(_) => Some(InputMode::Search),
            Prompt::Goto(_) => Some(InputMode::Goto),
            Prompt::Note(_) => Some(InputMode::Note),
            Prompt::Confirm(_) => Some(InputMode::Confirm),
        }
    }

    /// What the `:` prompt holds; empty when it is not open.
    pub fn goto_input(&self) -> &str {
        match self {
            Prompt::Goto(typed) => typed,
            _ => "",
        }
    }

    /// Edits what the `:` prompt holds, while it is open.
    pub fn edit_goto(&mut self, edit: impl FnOnce(&mut String)) {
        if let Prompt::Goto(typed) = self {
            edit(typed);
        }
    }
}

impl Prompt {
    /// Edits the note being typed, while the note editor is open.
    pub fn edit_note(&mut self, edit: impl FnOnce(&mut String)) {
        if let Prompt::Note(draft) = self {
            edit(&mut draft.typed);
        }
    }
}

/// The issue a `:` prompt's text names: `2024-17` of the `series` shown,
/// `cnvd:2024-17` of the series it names, `2024/17`, the titles'
/// `2024第17期` or `2024年第17期`, in half- or full-width characters (a
/// Chinese input method types `２０２４／１７`); or a number alone (`17`,
/// `第17期`), meaning that issue of the `shown` issue's year.
pub fn goto_key(typed: &str, shown: Option<IssueKey>, series: SeriesId) -> Option<IssueKey> {
    // A title pasted whole (`CNVD漏洞周报2024年第17期`) names its series.
    let trimmed = typed.trim();
    let named = SeriesId::all().find_map(|s| {
        let d = s.decl();
        [d.zh, d.short_zh]
            .into_iter()
            .find_map(|name| trimmed.strip_prefix(name))
            .map(|rest| (s, rest))
    });
    let (series, typed) = named.unwrap_or((series, typed));
    // …and its days in brackets say nothing more.
    let typed = typed.split(['（', '(']).next().unwrap_or(typed);
    let typed = plain_key(typed);
    match (typed.parse::<u32>(), shown) {
        (Ok(number), Some(shown)) if number > 0 => Some(IssueKey::of(series, shown.year, number)),
        _ if typed.contains(':') => typed.parse::<IssueKey>().ok(),
        _ => typed.parse::<IssueKey>().ok().map(|k| k.in_series(series)),
    }
}

/// `typed` with full-width forms made ASCII and the titles' words (年, 第,
/// 期) made the key's `-`.
fn plain_key(typed: &str) -> String {
    let ascii: String = typed
        .chars()
        .map(|c| match c {
            // The full-width forms of ASCII sit 0xFEE0 above it.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect();
    let words = ascii.trim().trim_end_matches('期').trim();
    let dashed = words.replace("年第", "-").replace(['第', '年'], "-");
    dashed.trim().trim_start_matches('-').trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goto_takes_the_titles_forms_and_full_width_digits() {
        let k = IssueKey::new(2024, 17);
        for typed in [
            "2024-17",
            "2024/17",
            "2024第17期",
            "2024年第17期",
            " 2024 第 17 期 ",
            "２０２４－１７",
            "２０２４／１７",
            "２０２４第１７期",
            "２０２４年第１７期",
        ] {
            assert_eq!(goto_key(typed, None, SeriesId::CNCERT), Some(k), "{typed}");
        }
        for typed in [
            "CNVD漏洞周报2024年第17期",
            "CNVD漏洞周报2024年第17期（4月22日-4月28日）",
        ] {
            let cnvd = IssueKey::of(SeriesId::CNVD, 2024, 17);
            assert_eq!(
                goto_key(typed, None, SeriesId::CNCERT),
                Some(cnvd),
                "{typed}"
            );
        }
        {
            let typed = "网络安全信息与动态周报2024年第17期（4月22日-4月27日）";
            let cncert = IssueKey::of(SeriesId::CNCERT, 2024, 17);
            assert_eq!(
                goto_key(typed, None, SeriesId::CNVD),
                Some(cncert),
                "{typed}"
            );
        }
        let shown = Some(IssueKey::new(2024, 3));
        for typed in ["17", "第17期", "１７", "第１７期"] {
            assert_eq!(goto_key(typed, shown, SeriesId::CNCERT), Some(k), "{typed}");
        }
        for typed in ["2024第期", "第期", "2024-17-3", "二〇二四第十七期"] {
            assert_eq!(goto_key(typed, shown, SeriesId::CNCERT), None, "{typed}");
        }
    }
}
