//! What input means: the `Action` enum, and the mode and focus that decide
//! which keys mean what (keymap/ maps events to actions).

use strum::VariantArray;

/// Which pane keys act on. `Focus::VARIANTS` lists every one, for the
/// key map's conflict checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
pub enum Focus {
    List,
    Detail,
    Links,
}

/// What keys mean right now: browsing, typing a search or an issue key,
/// answering a y/n question, reading help, looking at the chart view or
/// reading the brief.
/// `InputMode::VARIANTS` lists every one: the key map checks its bindings
/// for conflicts in each, so a new mode is checked without a list to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, VariantArray)]
pub enum InputMode {
    Normal,
    Search,
    Help,
    /// Typing an issue key after `:`.
    Goto,
    /// A y/n question on the status line.
    Confirm,
    Chart,
    /// The brief overlay (`b`).
    Brief,
    /// Typing the shown issue's note on the status line (`e` without
    /// `$VISUAL` or `$EDITOR`).
    Note,
    /// The image view: one of the shown issue's pictures.
    Image,
}

/// Everything the user can ask for; `update` (update.rs) is the only place
/// that acts on it, routing each to the state that owns what it changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Ctrl-Z: give the terminal back to the shell until `fg`. Done by the
    /// event loop, which owns the terminal.
    Suspend,
    /// `q` in the detail or links pane: back to the list.
    BackToList,
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
    /// `s`: the next series (网络安全信息与动态周报 ⇄ CNVD漏洞周报).
    SwitchSeries,
    Back,
    Forward,
    StartSearch,
    SearchInput(char),
    /// Text pasted (bracketed paste) or typed faster than it is drawn:
    /// inserted into the open prompt at once, as one line.
    Paste(String),
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
    /// `*`: flag the shown issue, or unflag it.
    ToggleFlag,
    /// `e`: edit the shown issue's note, in `$VISUAL`/`$EDITOR` or on
    /// the status line.
    EditNote,
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
    /// The one-line note editor: a character, the last one taken back,
    /// saved, or left as it was.
    NoteInput(char),
    NoteBackspace,
    NoteAccept,
    NoteCancel,
    OpenUrl,
    /// Copy the selected URL to the clipboard (OSC 52).
    CopyUrl,
    ToggleHelp,
    CloseHelp,
    /// `b`: the shown issue's weekly brief in an overlay.
    OpenBrief,
    /// Close the brief overlay.
    CloseBrief,
    /// Send the brief, as Markdown, to the terminal's clipboard (OSC 52).
    CopyBrief,
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
    /// Esc in normal mode: cancel a fetch or a feed update, else clear the
    /// message and the search highlight; with nothing to clear, back to
    /// the list.
    Dismiss,
    /// `F`: fetch the shown issue or the selected 近期回顾 line's from the web.
    FetchPage,
    /// Not a key: take a running fetch's news. Sent by the event loop.
    PollFetch,
    /// `R`: update every configured feed in the background.
    UpdateFeeds,
    /// Not a key: take a running feed update's news (and `on_new`'s end).
    /// Sent by the event loop.
    PollUpdate,
    /// Not a key: read the rest of a series the start read only the newest
    /// issues of. Sent by the event loop after the first frame.
    CompleteCatalog,
    /// `i`: the image view over the detail pane, at the selected chart
    /// line's picture, else the shown issue's first.
    OpenImages,
    /// The image view: back to the screen under it.
    CloseImages,
    /// Esc in the image view: cancel its download, else back.
    DismissImages,
    NextImage,
    PrevImage,
    /// Show picture N (1-based) of the issue in the image view.
    ImageNumber(u8),
    /// `F` in the image view: download the issue's missing pictures.
    FetchImages,
    /// Not a key: take the pictures the image worker has drawn and the
    /// image view's download's news. Sent by the event loop.
    PollImages,
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
