//! The key-map table: every binding with its keys, where it applies, what
//! it does and how help and the status line describe it. `map_key` reads it
//! to decide, the help overlay and the hints read it to explain, so the
//! three cannot disagree.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::{Action, Focus, InputMode};

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

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    Normal,
    Focused(Focus),
    Search,
    Help,
    Goto,
    Confirm,
    Chart,
}

/// What a binding produces; digits and typed text carry the key's character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Do(Action),
    FollowDigit,
    Type,
    /// The chart view's figure keys: the digit picks the figure.
    FigureDigit,
}

pub struct Binding {
    pub keys: &'static [Key],
    pub scope: Scope,
    pub bound: Bound,
    pub help: &'static str,
    /// Short `(keys, what)` shown in the status line when the scope applies.
    pub hint: Option<(&'static str, &'static str)>,
}

const fn bind(
    keys: &'static [Key],
    scope: Scope,
    bound: Bound,
    help: &'static str,
    hint: Option<(&'static str, &'static str)>,
) -> Binding {
    Binding {
        keys,
        scope,
        bound,
        help,
        hint,
    }
}

use Action as A;
use Bound::Do;
use Key::{Char, Code, Ctrl};
use Scope::{Anywhere, Chart, Confirm, Focused, Goto, Help, Normal, Search};

/// Hints the status line shows however narrow it is, while they apply.
pub const PINNED_HINTS: &[Action] = &[A::ToggleHelp, A::Quit];

/// First match wins, so narrower scopes come before wider ones.
pub const KEYMAP: &[Binding] = &[
    bind(&[Ctrl('c')], Anywhere, Do(A::Quit), "quit at once", None),
    // Help overlay.
    bind(
        &[Char('j'), Code(KeyCode::Down)],
        Help,
        Do(A::MoveDown),
        "scroll help down",
        None,
    ),
    bind(
        &[Char('k'), Code(KeyCode::Up)],
        Help,
        Do(A::MoveUp),
        "scroll help up",
        None,
    ),
    bind(
        &[Code(KeyCode::Esc), Char('?'), Char('q')],
        Help,
        Do(A::CloseHelp),
        "close help",
        Some(("Esc", "close")),
    ),
    // Search prompt.
    bind(
        &[Code(KeyCode::Enter)],
        Search,
        Do(A::SearchAccept),
        "keep the search",
        Some(("Enter", "keep")),
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Search,
        Do(A::SearchCancel),
        "cancel, back to where you were",
        Some(("Esc", "cancel")),
    ),
    bind(
        &[Code(KeyCode::Backspace)],
        Search,
        Do(A::SearchBackspace),
        "delete the last character",
        None,
    ),
    bind(
        &[Key::Typed],
        Search,
        Bound::Type,
        "type the search (title or body, incremental)",
        None,
    ),
    // Go-to prompt.
    bind(
        &[Code(KeyCode::Enter)],
        Goto,
        Do(A::GotoAccept),
        "go to the issue typed (YEAR-NUMBER, e.g. 2024-17)",
        Some(("Enter", "go")),
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Goto,
        Do(A::GotoCancel),
        "cancel",
        Some(("Esc", "cancel")),
    ),
    bind(
        &[Code(KeyCode::Backspace)],
        Goto,
        Do(A::GotoBackspace),
        "delete the last character",
        None,
    ),
    bind(
        &[Key::Typed],
        Goto,
        Bound::Type,
        "type the issue key",
        None,
    ),
    // A y/n question.
    bind(
        &[Char('y'), Char('Y')],
        Confirm,
        Do(A::ConfirmYes),
        "yes",
        None,
    ),
    bind(
        &[Key::Any],
        Confirm,
        Do(A::ConfirmNo),
        "no: any other key cancels",
        None,
    ),
    // Chart view.
    bind(
        &[Code(KeyCode::Esc), Char('q'), Char('c')],
        Chart,
        Do(A::CloseChart),
        "back to the main screen",
        Some(("Esc", "back")),
    ),
    bind(
        &[Code(KeyCode::Left), Char('h'), Char('[')],
        Chart,
        Do(A::PrevIssue),
        "previous (older) issue: the selected week",
        Some(("←/→", "week")),
    ),
    bind(
        &[Code(KeyCode::Right), Char('l'), Char(']')],
        Chart,
        Do(A::NextIssue),
        "next (newer) issue",
        None,
    ),
    bind(
        &[Code(KeyCode::Down), Char('j')],
        Chart,
        Do(A::NextFigure),
        "next figure",
        Some(("↑/↓ 1-5", "figure")),
    ),
    bind(
        &[Code(KeyCode::Up), Char('k')],
        Chart,
        Do(A::PrevFigure),
        "previous figure",
        None,
    ),
    bind(
        &[Char('1'), Char('2'), Char('3'), Char('4'), Char('5')],
        Chart,
        Bound::FigureDigit,
        "figure: 处理事件 跨境事件 仿冒投诉 恶意APP平台 恶意URL",
        None,
    ),
    bind(
        &[Char('+'), Char('=')],
        Chart,
        Do(A::ZoomIn),
        "fewer weeks: all → 104 → 52 → 26 → 13",
        Some(("+/-", "zoom")),
    ),
    bind(
        &[Char('-')],
        Chart,
        Do(A::ZoomOut),
        "more weeks: 13 → 26 → 52 → 104 → all",
        None,
    ),
    bind(
        &[Char('p')],
        Chart,
        Do(A::ToggleYearEarlier),
        "show / hide the same issues a year earlier (上年)",
        Some(("p", "上年")),
    ),
    bind(
        &[Char('?')],
        Chart,
        Do(A::ToggleHelp),
        "this help",
        Some(("?", "help")),
    ),
    // Pane-specific.
    bind(
        &[Code(KeyCode::Enter)],
        Focused(Focus::List),
        Do(A::Activate),
        "open the selected issue (marks it read)",
        Some(("Enter", "open")),
    ),
    bind(
        &[Code(KeyCode::Enter)],
        Focused(Focus::Links),
        Do(A::Activate),
        "follow the selected 近期回顾 line, or open the selected image address in the browser",
        Some(("Enter", "follow/open")),
    ),
    // Browsing.
    bind(
        &[Char('j'), Code(KeyCode::Down)],
        Normal,
        Do(A::MoveDown),
        "down: next issue / scroll / next link",
        Some(("j/k", "move")),
    ),
    bind(
        &[Char('k'), Code(KeyCode::Up)],
        Normal,
        Do(A::MoveUp),
        "up: previous issue / scroll / previous link",
        None,
    ),
    bind(
        &[Char('g'), Code(KeyCode::Home)],
        Normal,
        Do(A::Top),
        "go to the top",
        None,
    ),
    bind(
        &[Char('G'), Code(KeyCode::End)],
        Normal,
        Do(A::Bottom),
        "go to the bottom",
        None,
    ),
    bind(
        &[Code(KeyCode::PageDown), Char(' '), Ctrl('d')],
        Normal,
        Do(A::PageDown),
        "one page down",
        None,
    ),
    bind(
        &[Code(KeyCode::PageUp), Ctrl('u')],
        Normal,
        Do(A::PageUp),
        "one page up",
        None,
    ),
    bind(
        &[Code(KeyCode::Tab)],
        Normal,
        Do(A::FocusNext),
        "next pane: list → detail → links (image addresses and 近期回顾 lines; j/k move)",
        Some(("Tab", "pane")),
    ),
    bind(
        &[Code(KeyCode::BackTab)],
        Normal,
        Do(A::FocusPrev),
        "previous pane",
        None,
    ),
    bind(
        &[Key::Digits],
        Normal,
        Bound::FollowDigit,
        "follow the N-th 近期回顾 line",
        Some(("1-9", "follow")),
    ),
    bind(
        &[Char('[')],
        Normal,
        Do(A::PrevIssue),
        "previous (older) issue in the series",
        Some(("[ ]", "week")),
    ),
    bind(
        &[Char(']')],
        Normal,
        Do(A::NextIssue),
        "next (newer) issue in the series",
        None,
    ),
    bind(
        &[Code(KeyCode::Backspace), Char('H')],
        Normal,
        Do(A::Back),
        "back through followed links",
        Some(("H/L", "back/fwd")),
    ),
    bind(
        &[Char('L')],
        Normal,
        Do(A::Forward),
        "forward through followed links",
        None,
    ),
    bind(
        &[Char('/')],
        Normal,
        Do(A::StartSearch),
        "search titles and bodies",
        Some(("/", "search")),
    ),
    bind(
        &[Char(':')],
        Normal,
        Do(A::StartGoto),
        "go to an issue by key (:2024-17 Enter), kept in the back/forward history",
        Some((":", "go to")),
    ),
    bind(
        &[Char('n')],
        Normal,
        Do(A::NextHit),
        "next search hit",
        None,
    ),
    bind(
        &[Char('N')],
        Normal,
        Do(A::PrevHit),
        "previous search hit",
        None,
    ),
    bind(
        &[Char('m')],
        Normal,
        Do(A::ToggleRead),
        "toggle read / unread",
        Some(("m", "read")),
    ),
    bind(
        &[Char('u')],
        Normal,
        Do(A::NextUnread),
        "open the next unread issue: the next older one, then from the newest (marks it read)",
        Some(("u", "unread")),
    ),
    bind(
        &[Char('A')],
        Normal,
        Do(A::AskMarkAllRead),
        "mark every cached issue read (asks y/n first)",
        None,
    ),
    bind(
        &[Char('f')],
        Normal,
        Do(A::CycleFilter),
        "filter the list: all → cached → unread (charts and the series keep every issue)",
        Some(("f", "filter")),
    ),
    bind(
        &[Char('o')],
        Normal,
        Do(A::OpenUrl),
        "open in the browser ($BROWSER, else the system's): the selected link or image address, else the issue's URL",
        Some(("o", "browser")),
    ),
    bind(
        &[Char('y')],
        Normal,
        Do(A::CopyUrl),
        "copy that URL to the clipboard (OSC 52; in tmux needs set-clipboard on)",
        None,
    ),
    bind(
        &[Char('c')],
        Normal,
        Do(A::OpenChart),
        "chart view: one figure with dates and values",
        Some(("c", "chart")),
    ),
    bind(
        &[Char('?')],
        Normal,
        Do(A::ToggleHelp),
        "this help",
        Some(("?", "help")),
    ),
    bind(
        &[Char('F')],
        Normal,
        Do(A::Fetch),
        "fetch from the web: the selected 近期回顾 line's issue, else the shown one, when not cached",
        None,
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Normal,
        Do(A::Dismiss),
        "cancel a fetch; else clear the message and the search",
        None,
    ),
    bind(
        &[Char('q')],
        Normal,
        Do(A::Quit),
        "quit",
        Some(("q", "quit")),
    ),
];

impl Scope {
    pub fn applies(self, mode: InputMode, focus: Focus) -> bool {
        match self {
            Anywhere => true,
            Normal => mode == InputMode::Normal,
            Focused(f) => mode == InputMode::Normal && focus == f,
            Search => mode == InputMode::Search,
            Help => mode == InputMode::Help,
            Goto => mode == InputMode::Goto,
            Confirm => mode == InputMode::Confirm,
            Chart => mode == InputMode::Chart,
        }
    }

    /// Heading of the scope's section in the help overlay.
    pub fn heading(self) -> &'static str {
        match self {
            Anywhere => "Anywhere",
            Normal => "Browsing",
            Focused(Focus::List) => "Issue list",
            Focused(Focus::Detail) => "Detail",
            Focused(Focus::Links) => "近期回顾 links",
            Search => "Search prompt",
            Help => "Help",
            Goto => "Go-to prompt (:)",
            Confirm => "Questions (y/n)",
            Chart => "Chart view (c)",
        }
    }
}

impl Key {
    pub(crate) fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match (self, key.code) {
            (Key::Any, _) => true,
            (Ctrl(c), KeyCode::Char(k)) => ctrl && k.eq_ignore_ascii_case(&c),
            (_, _) if ctrl || alt => false,
            (Char(c), KeyCode::Char(k)) => k == c,
            (Code(code), k) => k == code,
            (Key::Digits, KeyCode::Char(k)) => ('1'..='9').contains(&k),
            (Key::Typed, KeyCode::Char(_)) => true,
            _ => false,
        }
    }

    /// How the help overlay spells the key.
    pub fn label(self) -> String {
        match self {
            Char(' ') => "Space".into(),
            Char(c) => c.to_string(),
            Ctrl(c) => format!("Ctrl-{}", c.to_ascii_uppercase()),
            Key::Digits => "1-9".into(),
            Key::Typed => "text".into(),
            Key::Any => "other".into(),
            Code(code) => match code {
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
}
