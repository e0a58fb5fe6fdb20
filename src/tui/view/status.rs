//! The status line: the search or `:` prompt while typing, the y/n question,
//! else the last message or error, else the key hints for the current
//! focus, each whole or not at all; `? help` and `q quit` stay whatever else is dropped for room, and
//! the list position is on the right. A message too long for the line
//! shows its longest shorter form that fits, and the position gives way
//! to it before it is cut.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

use super::theme::Theme;
use super::wrap::{truncate, truncate_start, width};
use crate::sanitize;
use crate::tui::action::{Focus, InputMode};
use crate::tui::keymap::binding::Bound;
use crate::tui::ui::Ui;

/// What the left of the status line shows, in the order it wins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said<'a> {
    /// The search prompt: the query typed and the hits so far.
    Searching { query: &'a str, hits: String },
    /// The `:` prompt and what it holds.
    Goto { typed: &'a str },
    /// The one-line note editor: its label and the note so far.
    Note { label: String, typed: &'a str },
    /// A y/n question.
    Asking(String),
    /// The last message or error, and its shorter forms (longest first).
    Message {
        text: &'a str,
        shorter: &'a [String],
        error: bool,
    },
    /// Nothing else to say: the kept search (its query, hits and the keys
    /// that walk them), else the hints.
    Idle {
        search: Option<(&'a str, String, String)>,
    },
}

/// The status line's props: what it says, the key hints, and where the
/// list's cursor is (` 3/140`) for the right.
pub struct StatusView<'a> {
    pub said: Said<'a>,
    pub hints: &'a StatusHints,
    pub position: String,
    pub theme: &'a Theme,
}

/// What the left of the status line says, and how the pinned hints follow.
struct Left {
    text: String,
    /// A message's shorter forms, longest first.
    shorter: Vec<String>,
    style: Style,
    /// The text is a prompt being typed: keep its end visible.
    typing: bool,
    /// A message: the position on the right gives way before it is cut.
    message: bool,
    /// Hints to drop from the end until the line fits, after `text`.
    hints: Vec<String>,
    /// `? help · q quit`: always shown while they apply.
    pinned: String,
}

const SEPARATOR: &str = " · ";

/// The key hints for a mode and focus, worked out when they change so
/// drawing only reads them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusHints {
    pub mode: InputMode,
    pub focus: Focus,
    /// The shown issue has 近期回顾 lines to follow.
    pub links: bool,
    /// `? help · q quit`.
    pub pinned: String,
    /// The others, most useful first.
    pub hints: Vec<String>,
}

impl StatusHints {
    pub fn new(ui: &Ui, mode: InputMode, focus: Focus, links: bool) -> StatusHints {
        let mut all = ui.keys.hints(mode, focus, ui.lang);
        all.retain(|h| links || h.bound != Bound::FollowDigit);
        let pinned = all
            .iter()
            .filter(|h| h.pinned)
            .map(|h| format!("{} {}", h.keys, h.what))
            .collect::<Vec<_>>()
            .join(SEPARATOR);
        let hints = all
            .iter()
            .filter(|h| !h.pinned)
            .map(|h| format!("{} {}", h.keys, h.what))
            .collect();
        StatusHints {
            mode,
            focus,
            links,
            pinned,
            hints,
        }
    }
}

impl StatusView<'_> {
    fn left(&self) -> Left {
        let theme = self.theme;
        let pinned = self.hints.pinned.clone();
        let hints = self.hints.hints.clone();
        let prompt = |text: String, hints: Vec<String>| Left {
            text,
            shorter: Vec::new(),
            style: theme.text,
            typing: true,
            message: false,
            hints,
            pinned: String::new(),
        };
        match &self.said {
            Said::Searching { query, hits } => {
                prompt(format!("/{}▏ {hits}", sanitize::line(query)), Vec::new())
            }
            Said::Goto { typed } => prompt(format!(":{}▏", sanitize::line(typed)), hints),
            // A note's lines are shown apart, on the one line there is.
            Said::Note { label, typed } => {
                let one = typed.lines().collect::<Vec<_>>().join(" ");
                prompt(format!("{label}{}▏", sanitize::line(&one)), hints)
            }
            Said::Asking(question) => Left {
                text: question.clone(),
                shorter: Vec::new(),
                style: theme.title,
                typing: false,
                message: false,
                hints: Vec::new(),
                pinned: String::new(),
            },
            Said::Message {
                text,
                shorter,
                error,
            } => Left {
                text: sanitize::line(text),
                shorter: shorter.iter().map(|t| sanitize::line(t)).collect(),
                style: if *error { theme.error } else { theme.text },
                typing: false,
                message: true,
                hints: Vec::new(),
                pinned,
            },
            Said::Idle { search } => {
                // Hints are shown whole or not at all, the first one too.
                let text = match search {
                    Some((query, hits, keys)) if keys.is_empty() => {
                        format!("“{}” {hits}", sanitize::line(query))
                    }
                    Some((query, hits, keys)) => {
                        format!("“{}” {hits} {keys}", sanitize::line(query))
                    }
                    None => String::new(),
                };
                Left {
                    text,
                    shorter: Vec::new(),
                    style: theme.dim,
                    typing: false,
                    message: false,
                    hints,
                    pinned,
                }
            }
        }
    }
}

impl Left {
    /// The cells left for the text when the left part has `cells`.
    fn room(&self, cells: usize) -> usize {
        let pinned = width(&truncate(&self.pinned, cells));
        let mut room = cells - pinned;
        if pinned > 0 && !self.text.is_empty() {
            room = room.saturating_sub(width(SEPARATOR));
        }
        room
    }

    /// The form of the text to show and whether the position stays, with
    /// `right` cells for the position (0: it does not fit anyway): the
    /// longest form that fits beside the position, else without it, else
    /// without the pinned hints; a message that fits in no form is cut,
    /// the position gone. Prompts and hints keep the position.
    fn fit(&mut self, cells: usize, right: usize) -> usize {
        if !self.message {
            return right;
        }
        let (beside, alone) = (self.room(cells - right), self.room(cells));
        let forms = std::iter::once(&self.text).chain(&self.shorter);
        let mut chosen = None;
        for (i, form) in forms.enumerate() {
            if width(form) <= beside {
                chosen = Some((i, right));
                break;
            }
            if width(form) <= alone {
                chosen = Some((i, 0));
                break;
            }
        }
        // No form fits beside `? help · q quit`: they give way (the next
        // key brings them back) before the message is cut.
        if chosen.is_none() {
            let forms = std::iter::once(&self.text).chain(&self.shorter);
            if let Some(i) = forms.clone().position(|f| width(f) <= cells) {
                self.pinned.clear();
                chosen = Some((i, 0));
            }
        }
        let (i, right) = chosen.unwrap_or((self.shorter.len(), 0));
        if i > 0 {
            self.text = self.shorter.swap_remove(i - 1);
        }
        right
    }
}

impl Widget for StatusView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let cells = usize::from(area.width);
        let right = self.position.clone();
        let right_cells = if width(&right) + 20 <= cells {
            width(&right)
        } else {
            0
        };
        let mut left = self.left();
        let right_cells = left.fit(cells, right_cells);
        let theme = self.theme;
        let left_cells = cells - right_cells;
        // The pinned hints first, then the message or prompt, then as many
        // other hints as fit, whole, in key-map order.
        let pinned = truncate(&left.pinned, left_cells);
        let room = left.room(left_cells);
        let mut text = if left.typing {
            truncate_start(&left.text, room)
        } else {
            truncate(&left.text, room)
        };
        let mut extra = String::new();
        // Before the pinned hints, hints alone need the separator `room` kept for a text.
        let before_pinned = if text.is_empty() && !pinned.is_empty() {
            width(SEPARATOR)
        } else {
            0
        };
        for hint in &left.hints {
            let more = if text.is_empty() && extra.is_empty() {
                hint.clone()
            } else {
                format!("{SEPARATOR}{hint}")
            };
            if width(&text) + width(&extra) + width(&more) + before_pinned > room {
                break;
            }
            extra.push_str(&more);
        }
        buf.set_stringn(area.x, area.y, &text, room, left.style);
        let x = area.x + u16::try_from(width(&text)).unwrap_or(0);
        buf.set_stringn(x, area.y, &extra, room - width(&text), theme.dim);
        text.push_str(&extra);
        if !pinned.is_empty() {
            let sep = if text.is_empty() { "" } else { SEPARATOR };
            let x = area.x + u16::try_from(width(&text)).unwrap_or(0);
            let line = format!("{sep}{pinned}");
            buf.set_stringn(x, area.y, &line, left_cells - width(&text), theme.dim);
        }
        if right_cells > 0 {
            let x = area.x + u16::try_from(left_cells).unwrap_or(0);
            buf.set_stringn(x, area.y, right, right_cells, theme.dim);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    /// The status line `cells` wide, as text, for a message with shorter
    /// forms, the list at row 98 of 140.
    fn line(text: &str, shorter: &[String], cells: u16, lang: Lang) -> String {
        let ui = Ui {
            lang,
            ..Ui::default()
        };
        let hints = StatusHints::new(&ui, InputMode::Normal, Focus::List, false);
        let view = StatusView {
            said: Said::Message {
                text,
                shorter,
                error: false,
            },
            hints: &hints,
            position: " 98/140".into(),
            theme: &ui.theme,
        };
        let area = Rect::new(0, 0, cells, 1);
        let mut buf = Buffer::empty(area);
        view.render(area, &mut buf);
        let mut out = String::new();
        let mut skip = 0;
        for cell in buf.content() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            out.push_str(cell.symbol());
            skip = width(cell.symbol()).saturating_sub(1);
        }
        out
    }

    #[test]
    fn a_message_shows_its_longest_form_that_fits_and_the_position_gives_way_first() {
        let shorter = [
            "text to 2025-7, 48 behind: R updates".to_string(),
            "48 behind: R updates".to_string(),
        ];
        let full = "newest with text 2025-7, 48 behind 2026-36: R updates, F fetches";
        // Wide enough for everything.
        let wide = line(full, &shorter, 100, Lang::En);
        assert!(wide.starts_with(full), "{wide}");
        assert!(wide.ends_with(" 98/140"), "{wide}");
        // 80 columns: the whole message only without the position.
        let classic = line(full, &shorter, 82, Lang::En);
        assert!(classic.starts_with(full), "{classic}");
        assert!(!classic.contains("98/140"), "{classic}");
        assert!(classic.contains("? help · q quit"), "{classic}");
        // Narrower: a shorter form, beside the position when it fits.
        let mid = line(full, &shorter, 64, Lang::En);
        assert!(
            mid.starts_with("text to 2025-7, 48 behind: R updates · "),
            "{mid}"
        );
        assert!(mid.ends_with(" 98/140"), "{mid}");
        let narrow = line(full, &shorter, 40, Lang::En);
        assert!(
            narrow.starts_with("48 behind: R updates · ? help"),
            "{narrow}"
        );
        assert!(!narrow.contains('…'), "{narrow}");
    }

    #[test]
    fn idle_hints_are_dropped_whole_never_cut_mid_word() {
        let ui = Ui {
            lang: Lang::Zh,
            ..Ui::default()
        };
        let mut hints = StatusHints::new(&ui, InputMode::Normal, Focus::List, false);
        hints.hints = ["Enter 打开", "j/k 移动", "Tab 窗格", "/ 搜索"]
            .map(String::from)
            .to_vec();
        for cells in 20..=100u16 {
            let view = StatusView {
                said: Said::Idle { search: None },
                hints: &hints,
                position: " 3/140".into(),
                theme: &ui.theme,
            };
            let area = Rect::new(0, 0, cells, 1);
            let mut buf = Buffer::empty(area);
            view.render(area, &mut buf);
            let mut shown = String::new();
            let mut skip = 0;
            for cell in buf.content() {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                shown.push_str(cell.symbol());
                skip = width(cell.symbol()).saturating_sub(1);
            }
            let left = shown.trim_end().trim_end_matches(" 3/140").trim_end();
            assert!(!left.contains('…'), "{cells}: {shown}");
            assert!(left.ends_with("? 帮助 · q 退出"), "{cells}: {shown}");
            for piece in left.split(SEPARATOR) {
                let whole =
                    hints.hints.iter().any(|h| h == piece) || ["? 帮助", "q 退出"].contains(&piece);
                assert!(whole, "{cells}: {piece:?} in {shown}");
            }
        }
    }

    #[test]
    fn chinese_forms_are_measured_in_cells_and_the_last_is_cut_when_none_fits() {
        let full = "有正文的最新一期是 2025-7，比已知最新的 2026-36 落后 48 期";
        let shorter = ["落后 48 期".to_string()];
        let narrow = line(full, &shorter, 40, Lang::Zh);
        assert!(
            narrow.starts_with("落后 48 期 · ? 帮助 · q 退出"),
            "{narrow}"
        );
        assert!(narrow.ends_with(" 98/140"), "{narrow}");
        // A message with no shorter form is cut, the position gone first.
        let cut = line(full, &[], 40, Lang::Zh);
        assert!(cut.starts_with("有正文的最新一期是 20…"), "{cut}");
        assert!(cut.contains('…'), "{cut}");
        assert!(!cut.contains("98/140"), "{cut}");
        assert!(cut.ends_with("? 帮助 · q 退出"), "{cut}");
    }

    #[test]
    fn a_message_that_fits_only_alone_takes_the_pinned_hints_place_before_it_is_cut() {
        // 32 cells: with `? 帮助 · q 退出` beside it, it would be cut.
        let said = "编辑器 false 以失败结束（退出码 1）";
        let shown = line(said, &[], 40, Lang::Zh);
        assert!(shown.starts_with(said), "{shown}");
        assert!(!shown.contains('…') && !shown.contains("帮助"), "{shown}");
    }
}
