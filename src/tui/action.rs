//! Input to intent: the `Action` enum, the key-map table (also the source of
//! the help overlay and of the status-line hints, so they cannot drift from
//! what the keys do) and pure functions from terminal events to actions.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};

/// Which pane keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
    Links,
}

/// What keys mean right now: browsing, typing a search, or reading help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Normal,
    Search,
    Help,
}

/// Everything the user can ask for; `update` is the only place that acts on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Quit,
    MoveDown,
    MoveUp,
    PageDown,
    PageUp,
    Top,
    Bottom,
    FocusNext,
    FocusPrev,
    /// Enter: open the selected issue (list) or follow the selected link (links).
    Activate,
    /// Follow the N-th 近期回顾 line (1-based).
    FollowNumber(u8),
    PrevIssue,
    NextIssue,
    Back,
    Forward,
    StartSearch,
    SearchInput(char),
    SearchBackspace,
    SearchAccept,
    SearchCancel,
    NextHit,
    PrevHit,
    ToggleRead,
    OpenUrl,
    ToggleHelp,
    CloseHelp,
    /// Esc in normal mode: clear the message and the search highlight.
    Dismiss,
    Click {
        column: u16,
        row: u16,
    },
    Scroll {
        column: u16,
        row: u16,
        down: bool,
    },
    Resize(u16, u16),
}

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
}

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    Normal,
    Focused(Focus),
    Search,
    Help,
}

/// What a binding produces; digits and typed text carry the key's character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Do(Action),
    FollowDigit,
    Type,
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
use Scope::{Anywhere, Focused, Help, Normal, Search};

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
        "follow the selected 近期回顾 link",
        Some(("Enter", "follow")),
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
        &[Code(KeyCode::PageDown)],
        Normal,
        Do(A::PageDown),
        "one page down",
        None,
    ),
    bind(
        &[Code(KeyCode::PageUp)],
        Normal,
        Do(A::PageUp),
        "one page up",
        None,
    ),
    bind(
        &[Code(KeyCode::Tab)],
        Normal,
        Do(A::FocusNext),
        "next pane: list → detail → links",
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
        &[Char('o')],
        Normal,
        Do(A::OpenUrl),
        "open the issue's URL in the browser",
        Some(("o", "browser")),
    ),
    bind(
        &[Char('?')],
        Normal,
        Do(A::ToggleHelp),
        "this help",
        Some(("?", "help")),
    ),
    bind(
        &[Code(KeyCode::Esc)],
        Normal,
        Do(A::Dismiss),
        "clear the message and the search",
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
        }
    }
}

impl Key {
    fn matches(self, key: &KeyEvent) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        let alt = key.modifiers.contains(KeyModifiers::ALT);
        match (self, key.code) {
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

/// The action a key press means in this mode and focus; `None` when unbound.
/// Releases are ignored so terminals that report them do not act twice.
pub fn map_key(key: KeyEvent, mode: InputMode, focus: Focus) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let binding = KEYMAP
        .iter()
        .filter(|b| b.scope.applies(mode, focus))
        .find(|b| b.keys.iter().any(|k| k.matches(&key)))?;
    match (binding.bound, key.code) {
        (Do(action), _) => Some(action),
        (Bound::FollowDigit, KeyCode::Char(c)) => c
            .to_digit(10)
            .and_then(|d| u8::try_from(d).ok())
            .map(A::FollowNumber),
        (Bound::Type, KeyCode::Char(c)) => Some(A::SearchInput(c)),
        _ => None,
    }
}

/// Any terminal event to an action: keys through the key map, mouse clicks
/// and wheel as positions for `update` to hit-test, and resizes.
pub fn map_event(event: &Event, mode: InputMode, focus: Focus) -> Option<Action> {
    match event {
        Event::Key(key) => map_key(*key, mode, focus),
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => Some(A::Click { column, row }),
                MouseEventKind::ScrollDown => Some(A::Scroll {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(A::Scroll {
                    column,
                    row,
                    down: false,
                }),
                _ => None,
            }
        }
        Event::Resize(w, h) => Some(A::Resize(*w, *h)),
        _ => None,
    }
}

/// Status-line hints for the current mode and focus, from the key map.
pub fn hints(mode: InputMode, focus: Focus) -> Vec<(&'static str, &'static str)> {
    KEYMAP
        .iter()
        .filter(|b| b.scope != Anywhere && b.scope.applies(mode, focus))
        .filter_map(|b| b.hint)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn vim_keys_and_arrows_move_alike() {
        for code in [KeyCode::Char('j'), KeyCode::Down] {
            assert_eq!(
                map_key(press(code), InputMode::Normal, Focus::List),
                Some(A::MoveDown)
            );
        }
        for code in [KeyCode::Char('k'), KeyCode::Up] {
            assert_eq!(
                map_key(press(code), InputMode::Normal, Focus::Detail),
                Some(A::MoveUp)
            );
        }
    }

    #[test]
    fn enter_opens_in_list_follows_in_links_and_does_nothing_in_detail() {
        let enter = press(KeyCode::Enter);
        assert_eq!(
            map_key(enter, InputMode::Normal, Focus::List),
            Some(A::Activate)
        );
        assert_eq!(
            map_key(enter, InputMode::Normal, Focus::Links),
            Some(A::Activate)
        );
        assert_eq!(map_key(enter, InputMode::Normal, Focus::Detail), None);
    }

    #[test]
    fn digits_follow_the_numbered_line_but_zero_is_unbound() {
        assert_eq!(
            map_key(press(KeyCode::Char('3')), InputMode::Normal, Focus::List),
            Some(A::FollowNumber(3))
        );
        assert_eq!(
            map_key(press(KeyCode::Char('0')), InputMode::Normal, Focus::List),
            None
        );
    }

    #[test]
    fn search_mode_types_every_character_including_chinese_and_command_letters() {
        for c in ['周', 'q', 'j', '3', '/'] {
            assert_eq!(
                map_key(press(KeyCode::Char(c)), InputMode::Search, Focus::List),
                Some(A::SearchInput(c))
            );
        }
        assert_eq!(
            map_key(press(KeyCode::Esc), InputMode::Search, Focus::List),
            Some(A::SearchCancel)
        );
    }

    #[test]
    fn ctrl_c_quits_in_every_mode_and_q_does_not_quit_while_typing() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        for mode in [InputMode::Normal, InputMode::Search, InputMode::Help] {
            assert_eq!(map_key(ctrl_c, mode, Focus::List), Some(A::Quit));
        }
        assert_eq!(
            map_key(press(KeyCode::Char('q')), InputMode::Normal, Focus::List),
            Some(A::Quit)
        );
        assert_eq!(
            map_key(press(KeyCode::Char('q')), InputMode::Help, Focus::List),
            Some(A::CloseHelp)
        );
    }

    #[test]
    fn shifted_letters_and_backspace_walk_history() {
        let shift_h = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT);
        assert_eq!(
            map_key(shift_h, InputMode::Normal, Focus::List),
            Some(A::Back)
        );
        assert_eq!(
            map_key(press(KeyCode::Backspace), InputMode::Normal, Focus::Links),
            Some(A::Back)
        );
        assert_eq!(
            map_key(press(KeyCode::Char('L')), InputMode::Normal, Focus::Detail),
            Some(A::Forward)
        );
        assert_eq!(
            map_key(press(KeyCode::BackTab), InputMode::Normal, Focus::Detail),
            Some(A::FocusPrev)
        );
    }

    #[test]
    fn alt_modified_letters_and_key_releases_are_ignored() {
        let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
        assert_eq!(map_key(alt_j, InputMode::Normal, Focus::List), None);
        let mut release = press(KeyCode::Char('j'));
        release.kind = KeyEventKind::Release;
        assert_eq!(map_key(release, InputMode::Normal, Focus::List), None);
    }

    #[test]
    fn hints_follow_focus() {
        let list = hints(InputMode::Normal, Focus::List);
        assert!(list.contains(&("Enter", "open")));
        let links = hints(InputMode::Normal, Focus::Links);
        assert!(links.contains(&("Enter", "follow")));
        assert!(!links.contains(&("Enter", "open")));
    }

    #[test]
    fn every_binding_has_help_text_and_a_key() {
        for b in KEYMAP {
            assert!(!b.help.is_empty() && !b.keys.is_empty());
        }
    }
}
