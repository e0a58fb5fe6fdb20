//! The default key map: every binding with its config name, keys, where it
//! applies, what it does and how help and the status line describe it.
//! [`super::KeyMap`] starts from this table and applies the config's
//! `[keys]`; everything that reads keys reads that, never this table.

use ratatui::crossterm::event::KeyCode;

use super::binding::{Binding, Bound, HintSpec, Scope};
use crate::i18n::Help as H;
use crate::tui::action::{Action as A, Focus};
use crate::tui::keys::Key::{self, Char, Code, Ctrl};
use Bound::Do;
use Scope::{Anywhere, Chart, Confirm, Focused, Goto, Help, Normal, Panes, Scroll, Search};

/// A binding the config can remap, under `name`.
const fn named(
    name: &'static str,
    keys: &'static [Key],
    scope: Scope,
    bound: Bound,
    help: H,
    hint: Option<HintSpec>,
) -> Binding {
    Binding {
        name: Some(name),
        keys,
        scope,
        bound,
        help,
        hint,
    }
}

/// A binding no config changes: Ctrl-C, the prompts' editing keys, the
/// digit classes and the y/n answer.
const fn fixed(
    keys: &'static [Key],
    scope: Scope,
    bound: Bound,
    help: H,
    hint: Option<HintSpec>,
) -> Binding {
    Binding {
        name: None,
        keys,
        scope,
        bound,
        help,
        hint,
    }
}

/// A hint of this binding's first key.
const fn hint(what: H) -> Option<HintSpec> {
    Some(HintSpec { what, with: None })
}

/// A hint of this binding's first key, `sep`, and `other`'s first key.
const fn pair(what: H, sep: &'static str, other: &'static str) -> Option<HintSpec> {
    Some(HintSpec {
        what,
        with: Some((sep, other)),
    })
}

/// Hints the status line shows however narrow it is, while they apply.
pub const PINNED_HINTS: &[A] = &[A::ToggleHelp, A::Quit, A::BackToList];

/// First match wins, so narrower scopes come before wider ones.
pub const KEYMAP: &[Binding] = &[
    fixed(&[Ctrl('c')], Anywhere, Do(A::Quit), H::QuitAtOnce, None),
    fixed(&[Ctrl('z')], Anywhere, Do(A::Suspend), H::Suspend, None),
    // Help overlay (it scrolls with the moving keys, `Scroll` below).
    named(
        "close_help",
        &[Code(KeyCode::Esc), Char('q'), Char('?')],
        Help,
        Do(A::CloseHelp),
        H::CloseHelp,
        hint(H::HintClose),
    ),
    // Search prompt.
    fixed(
        &[Code(KeyCode::Enter)],
        Search,
        Do(A::SearchAccept),
        H::KeepSearch,
        hint(H::HintKeep),
    ),
    fixed(
        &[Code(KeyCode::Esc)],
        Search,
        Do(A::SearchCancel),
        H::CancelSearch,
        hint(H::HintCancel),
    ),
    fixed(
        &[Code(KeyCode::Backspace)],
        Search,
        Do(A::SearchBackspace),
        H::DeleteChar,
        None,
    ),
    fixed(&[Key::Typed], Search, Bound::Type, H::TypeSearch, None),
    // Go-to prompt.
    fixed(
        &[Code(KeyCode::Enter)],
        Goto,
        Do(A::GotoAccept),
        H::GoToTyped,
        hint(H::HintGo),
    ),
    fixed(
        &[Code(KeyCode::Esc)],
        Goto,
        Do(A::GotoCancel),
        H::Cancel,
        hint(H::HintCancel),
    ),
    fixed(
        &[Code(KeyCode::Backspace)],
        Goto,
        Do(A::GotoBackspace),
        H::DeleteChar,
        None,
    ),
    fixed(&[Key::Typed], Goto, Bound::Type, H::TypeKey, None),
    // A y/n question.
    fixed(
        &[Char('y'), Char('Y')],
        Confirm,
        Do(A::ConfirmYes),
        H::Yes,
        None,
    ),
    fixed(&[Key::Any], Confirm, Do(A::ConfirmNo), H::No, None),
    // Chart view.
    named(
        "chart_close",
        &[Code(KeyCode::Esc), Char('q'), Char('c')],
        Chart,
        Do(A::CloseChart),
        H::ChartClose,
        hint(H::HintBack),
    ),
    named(
        "chart_prev_week",
        &[Code(KeyCode::Left), Char('h'), Char('[')],
        Chart,
        Do(A::PrevIssue),
        H::ChartPrevWeek,
        pair(H::HintWeek, "/", "chart_next_week"),
    ),
    named(
        "chart_next_week",
        &[Code(KeyCode::Right), Char('l'), Char(']')],
        Chart,
        Do(A::NextIssue),
        H::ChartNextWeek,
        None,
    ),
    named(
        "chart_prev_figure",
        &[Code(KeyCode::Up), Char('k')],
        Chart,
        Do(A::PrevFigure),
        H::ChartPrevFigure,
        pair(H::HintFigure, "/", "chart_next_figure"),
    ),
    named(
        "chart_next_figure",
        &[Code(KeyCode::Down), Char('j')],
        Chart,
        Do(A::NextFigure),
        H::ChartNextFigure,
        None,
    ),
    fixed(
        &[Char('1'), Char('2'), Char('3'), Char('4'), Char('5')],
        Chart,
        Bound::FigureDigit,
        H::ChartFigureDigit,
        None,
    ),
    named(
        "chart_zoom_in",
        &[Char('+'), Char('=')],
        Chart,
        Do(A::ZoomIn),
        H::ZoomIn,
        pair(H::HintZoom, "/", "chart_zoom_out"),
    ),
    named(
        "chart_zoom_out",
        &[Char('-')],
        Chart,
        Do(A::ZoomOut),
        H::ZoomOut,
        None,
    ),
    named(
        "chart_year_earlier",
        &[Char('p')],
        Chart,
        Do(A::ToggleYearEarlier),
        H::YearEarlier,
        hint(H::HintYearEarlier),
    ),
    named(
        "chart_help",
        &[Char('?')],
        Chart,
        Do(A::ToggleHelp),
        H::ThisHelp,
        hint(H::HintHelp),
    ),
    // Pane-specific.
    named(
        "open",
        &[Code(KeyCode::Enter)],
        Focused(Focus::List),
        Do(A::Activate),
        H::OpenIssue,
        hint(H::HintOpen),
    ),
    named(
        "follow_link",
        &[Code(KeyCode::Enter)],
        Focused(Focus::Links),
        Do(A::Activate),
        H::FollowLink,
        hint(H::HintFollow),
    ),
    // Moving: the list, the detail, the links, and the help overlay.
    named(
        "move_down",
        &[Char('j'), Code(KeyCode::Down)],
        Scroll,
        Do(A::MoveDown),
        H::MoveDown,
        pair(H::HintMove, "/", "move_up"),
    ),
    named(
        "move_up",
        &[Char('k'), Code(KeyCode::Up)],
        Scroll,
        Do(A::MoveUp),
        H::MoveUp,
        None,
    ),
    named(
        "top",
        &[Char('g'), Code(KeyCode::Home)],
        Scroll,
        Do(A::Top),
        H::Top,
        None,
    ),
    named(
        "bottom",
        &[Char('G'), Code(KeyCode::End)],
        Scroll,
        Do(A::Bottom),
        H::Bottom,
        None,
    ),
    named(
        "page_down",
        &[Code(KeyCode::PageDown), Char(' '), Ctrl('d')],
        Scroll,
        Do(A::PageDown),
        H::PageDown,
        None,
    ),
    named(
        "page_up",
        &[Code(KeyCode::PageUp), Ctrl('u')],
        Scroll,
        Do(A::PageUp),
        H::PageUp,
        None,
    ),
    // Browsing.
    named(
        "next_pane",
        &[Code(KeyCode::Tab)],
        Normal,
        Do(A::FocusNext),
        H::NextPane,
        hint(H::HintPane),
    ),
    named(
        "prev_pane",
        &[Code(KeyCode::BackTab)],
        Normal,
        Do(A::FocusPrev),
        H::PrevPane,
        None,
    ),
    fixed(
        &[Key::Digits],
        Normal,
        Bound::FollowDigit,
        H::FollowNumber,
        hint(H::HintFollowNumber),
    ),
    named(
        "prev_issue",
        &[Char('[')],
        Normal,
        Do(A::PrevIssue),
        H::PrevIssue,
        pair(H::HintWeek, " ", "next_issue"),
    ),
    named(
        "next_issue",
        &[Char(']')],
        Normal,
        Do(A::NextIssue),
        H::NextIssue,
        None,
    ),
    named(
        "back",
        &[Char('H'), Code(KeyCode::Backspace)],
        Normal,
        Do(A::Back),
        H::Back,
        pair(H::HintBackForward, "/", "forward"),
    ),
    named(
        "forward",
        &[Char('L')],
        Normal,
        Do(A::Forward),
        H::Forward,
        None,
    ),
    named(
        "search",
        &[Char('/')],
        Normal,
        Do(A::StartSearch),
        H::Search,
        hint(H::HintSearch),
    ),
    named(
        "go_to",
        &[Char(':')],
        Normal,
        Do(A::StartGoto),
        H::GoTo,
        hint(H::HintGoTo),
    ),
    named(
        "next_hit",
        &[Char('n')],
        Normal,
        Do(A::NextHit),
        H::NextHit,
        None,
    ),
    named(
        "prev_hit",
        &[Char('N')],
        Normal,
        Do(A::PrevHit),
        H::PrevHit,
        None,
    ),
    named(
        "toggle_read",
        &[Char('m')],
        Normal,
        Do(A::ToggleRead),
        H::ToggleRead,
        hint(H::HintRead),
    ),
    named(
        "next_unread",
        &[Char('u')],
        Normal,
        Do(A::NextUnread),
        H::NextUnread,
        hint(H::HintUnread),
    ),
    named(
        "mark_all_read",
        &[Char('A')],
        Normal,
        Do(A::AskMarkAllRead),
        H::MarkAllRead,
        None,
    ),
    named(
        "filter",
        &[Char('f')],
        Normal,
        Do(A::CycleFilter),
        H::Filter,
        hint(H::HintFilter),
    ),
    named(
        "open_url",
        &[Char('o')],
        Normal,
        Do(A::OpenUrl),
        H::OpenUrl,
        hint(H::HintBrowser),
    ),
    named(
        "copy_url",
        &[Char('y')],
        Normal,
        Do(A::CopyUrl),
        H::CopyUrl,
        None,
    ),
    named(
        "open_chart",
        &[Char('c')],
        Normal,
        Do(A::OpenChart),
        H::OpenChart,
        hint(H::HintChart),
    ),
    named("fetch", &[Char('F')], Normal, Do(A::Fetch), H::Fetch, None),
    named(
        "help",
        &[Char('?')],
        Normal,
        Do(A::ToggleHelp),
        H::ThisHelp,
        hint(H::HintHelp),
    ),
    named(
        "dismiss",
        &[Code(KeyCode::Esc)],
        Normal,
        Do(A::Dismiss),
        H::Dismiss,
        None,
    ),
    // Backing out: q on a pane goes back to the list, q on the list quits.
    named(
        "back_to_list",
        &[Char('q')],
        Panes,
        Do(A::BackToList),
        H::BackToList,
        hint(H::HintList),
    ),
    named(
        "quit",
        &[Char('q')],
        Focused(Focus::List),
        Do(A::Quit),
        H::Quit,
        hint(H::HintQuit),
    ),
];
