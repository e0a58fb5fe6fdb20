//! Input to intent: the `Action` enum and pure functions from terminal
//! events (and the current mode and focus) to actions, driven by the
//! key-map table in keymap.rs.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind,
};

pub use super::keymap::{Binding, Bound, Key, Scope, KEYMAP, PINNED_HINTS};

use Action as A;

/// Which pane keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
    Links,
}

/// What keys mean right now: browsing, typing a search or an issue key,
/// answering a y/n question, reading help, or looking at the chart view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputMode {
    Normal,
    Search,
    Help,
    /// Typing an issue key after `:`.
    Goto,
    /// A y/n question on the status line.
    Confirm,
    Chart,
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
    /// Not a key: typing paused, or a deferred search has begun; search
    /// its next slice. Sent by the event loop.
    RunPendingSearch,
    /// Not a key: input has been idle a while; reload the list if another
    /// process changed the cache. Sent by the event loop.
    Refresh,
    NextHit,
    PrevHit,
    ToggleRead,
    /// The next older unread cached issue, wrapping to the newest.
    NextUnread,
    /// Ask whether to mark every cached issue read.
    AskMarkAllRead,
    ConfirmYes,
    ConfirmNo,
    /// The list filter: all → cached → unread.
    CycleFilter,
    StartGoto,
    GotoInput(char),
    GotoBackspace,
    GotoAccept,
    GotoCancel,
    OpenUrl,
    /// Copy the selected URL to the clipboard (OSC 52).
    CopyUrl,
    ToggleHelp,
    CloseHelp,
    /// `c`: the chart view of one figure, full screen.
    OpenChart,
    CloseChart,
    /// Show figure N (1-based, in `Metric::ALL` order) in the chart view.
    ChartFigure(u8),
    NextFigure,
    PrevFigure,
    /// Fewer weeks in the chart view.
    ZoomIn,
    ZoomOut,
    /// Show or hide the same weeks a year earlier.
    ToggleYearEarlier,
    /// Esc in normal mode: cancel a fetch, else clear the message and the
    /// search highlight.
    Dismiss,
    /// `F`: fetch the shown issue or the selected 近期回顾 line's from the web.
    Fetch,
    /// Not a key: take a running fetch's news. Sent by the event loop.
    PollFetch,
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
        (Bound::Do(action), _) => Some(action),
        (Bound::FollowDigit, KeyCode::Char(c)) => c
            .to_digit(10)
            .and_then(|d| u8::try_from(d).ok())
            .map(A::FollowNumber),
        (Bound::Type, KeyCode::Char(c)) if mode == InputMode::Goto => Some(A::GotoInput(c)),
        (Bound::Type, KeyCode::Char(c)) => Some(A::SearchInput(c)),
        (Bound::FigureDigit, KeyCode::Char(c)) => c
            .to_digit(10)
            .and_then(|d| u8::try_from(d).ok())
            .map(A::ChartFigure),
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

/// A status-line hint: `keys what`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hint {
    pub keys: &'static str,
    pub what: &'static str,
    /// Shown however narrow the line (`PINNED_HINTS`); the others are
    /// dropped from the last one back when there is no room.
    pub pinned: bool,
}

/// Status-line hints for the current mode and focus, from the key map, most
/// useful first.
pub fn hints(mode: InputMode, focus: Focus) -> Vec<Hint> {
    KEYMAP
        .iter()
        .filter(|b| b.scope != Scope::Anywhere && b.scope.applies(mode, focus))
        .filter_map(|b| {
            let (keys, what) = b.hint?;
            let pinned = matches!(b.bound, Bound::Do(a) if PINNED_HINTS.contains(&a));
            Some(Hint { keys, what, pinned })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

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
        for mode in [
            InputMode::Normal,
            InputMode::Search,
            InputMode::Help,
            InputMode::Chart,
        ] {
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

    fn pairs(mode: InputMode, focus: Focus) -> Vec<(&'static str, &'static str)> {
        hints(mode, focus)
            .into_iter()
            .map(|h| (h.keys, h.what))
            .collect()
    }

    #[test]
    fn the_chart_view_has_its_own_keys_and_q_or_esc_leave_it_not_the_app() {
        let chart = |code| map_key(press(code), InputMode::Chart, Focus::List);
        assert_eq!(
            map_key(press(KeyCode::Char('c')), InputMode::Normal, Focus::Detail),
            Some(A::OpenChart)
        );
        for code in [KeyCode::Char('q'), KeyCode::Esc, KeyCode::Char('c')] {
            assert_eq!(chart(code), Some(A::CloseChart));
        }
        assert_eq!(chart(KeyCode::Char('3')), Some(A::ChartFigure(3)));
        assert_eq!(chart(KeyCode::Char('6')), None);
        assert_eq!(chart(KeyCode::Down), Some(A::NextFigure));
        assert_eq!(chart(KeyCode::Up), Some(A::PrevFigure));
        assert_eq!(chart(KeyCode::Left), Some(A::PrevIssue));
        assert_eq!(chart(KeyCode::Char(']')), Some(A::NextIssue));
        let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
        assert_eq!(
            map_key(plus, InputMode::Chart, Focus::List),
            Some(A::ZoomIn)
        );
        assert_eq!(chart(KeyCode::Char('-')), Some(A::ZoomOut));
        assert_eq!(chart(KeyCode::Char('p')), Some(A::ToggleYearEarlier));
        assert_eq!(chart(KeyCode::Char('?')), Some(A::ToggleHelp));
        // Browsing keys do not leak into the view.
        assert_eq!(chart(KeyCode::Char('m')), None);
        assert_eq!(chart(KeyCode::Tab), None);
    }

    #[test]
    fn hints_follow_focus() {
        let list = pairs(InputMode::Normal, Focus::List);
        assert!(list.contains(&("Enter", "open")));
        let links = pairs(InputMode::Normal, Focus::Links);
        assert!(links.contains(&("Enter", "follow/open")));
        assert!(!links.contains(&("Enter", "open")));
    }

    #[test]
    fn help_and_quit_are_the_pinned_hints_while_browsing() {
        let pinned: Vec<_> = hints(InputMode::Normal, Focus::List)
            .into_iter()
            .filter(|h| h.pinned)
            .map(|h| (h.keys, h.what))
            .collect();
        assert_eq!(pinned, [("?", "help"), ("q", "quit")]);
        // Where q types a letter, no hint claims it quits.
        assert!(!pairs(InputMode::Search, Focus::List).contains(&("q", "quit")));
        assert!(!pairs(InputMode::Goto, Focus::List).contains(&("q", "quit")));
    }

    #[test]
    fn the_goto_prompt_types_keys_and_the_question_takes_y_or_anything_else() {
        for c in ['2', '-', 'q', 'y'] {
            assert_eq!(
                map_key(press(KeyCode::Char(c)), InputMode::Goto, Focus::List),
                Some(A::GotoInput(c))
            );
        }
        assert_eq!(
            map_key(press(KeyCode::Enter), InputMode::Goto, Focus::List),
            Some(A::GotoAccept)
        );
        assert_eq!(
            map_key(press(KeyCode::Char('y')), InputMode::Confirm, Focus::List),
            Some(A::ConfirmYes)
        );
        for code in [
            KeyCode::Char('n'),
            KeyCode::Enter,
            KeyCode::Esc,
            KeyCode::Char('q'),
        ] {
            assert_eq!(
                map_key(press(code), InputMode::Confirm, Focus::List),
                Some(A::ConfirmNo),
                "{code:?}"
            );
        }
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            map_key(ctrl_c, InputMode::Confirm, Focus::List),
            Some(A::Quit)
        );
    }

    #[test]
    fn review_keys_are_bound_while_browsing() {
        for (c, action) in [
            ('u', A::NextUnread),
            ('A', A::AskMarkAllRead),
            ('f', A::CycleFilter),
            (':', A::StartGoto),
            ('y', A::CopyUrl),
            ('o', A::OpenUrl),
        ] {
            for focus in [Focus::List, Focus::Detail, Focus::Links] {
                assert_eq!(
                    map_key(press(KeyCode::Char(c)), InputMode::Normal, focus),
                    Some(action)
                );
            }
        }
    }

    #[test]
    fn no_key_is_bound_twice_where_both_bindings_apply() {
        let modes = [
            InputMode::Normal,
            InputMode::Search,
            InputMode::Help,
            InputMode::Goto,
            InputMode::Confirm,
        ];
        let focuses = [Focus::List, Focus::Detail, Focus::Links];
        let catch_all = |k: &Key| matches!(k, Key::Typed | Key::Any);
        for (i, a) in KEYMAP.iter().enumerate() {
            for b in KEYMAP.iter().skip(i + 1) {
                let overlap = modes.iter().any(|&m| {
                    focuses
                        .iter()
                        .any(|&f| a.scope.applies(m, f) && b.scope.applies(m, f))
                });
                if !overlap {
                    continue;
                }
                for k in a.keys.iter().filter(|k| !catch_all(k)) {
                    assert!(!b.keys.contains(k), "{k:?}: {:?} and {:?}", a.help, b.help);
                }
                // A catch-all first would hide every binding after it.
                assert!(
                    !a.keys.iter().any(catch_all),
                    "{:?} hides {:?}",
                    a.help,
                    b.help
                );
            }
        }
    }

    #[test]
    fn every_binding_has_help_text_and_a_key() {
        for b in KEYMAP {
            assert!(!b.help.is_empty() && !b.keys.is_empty());
        }
    }
}
