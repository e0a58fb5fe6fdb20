//! The default key map: every binding with its config name, keys, where it
//! applies, what it does and how help and the status line describe it, in
//! both languages: one row holds everything about a key.
//! [`super::KeyMap`] starts from this table and applies the config's
//! `[keys]`; everything that reads keys reads that, never this table.

use ratatui::crossterm::event::KeyCode;

use super::binding::{Binding, Bound, HintSpec, Scope};
use crate::i18n::Words;
use crate::tui::action::{Action as A, Focus};
use crate::tui::keys::Key::{self, Char, Code, Ctrl};
use Bound::Do;
use Scope::{
    Anywhere, Brief, Chart, Confirm, Focused, Goto, Help, Image, Normal, Note, Panes, Scroll,
    Search,
};

/// Words in Chinese and English: what a binding does (help) or its hint.
const fn w(zh: &'static str, en: &'static str) -> Words {
    Words::new(zh, en)
}

/// A binding the config can remap, under `name`.
const fn named(
    name: &'static str,
    keys: &'static [Key],
    scope: Scope,
    bound: Bound,
    help: Words,
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
    help: Words,
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
const fn hint(what: Words) -> Option<HintSpec> {
    Some(HintSpec { what, with: None })
}

/// A hint of this binding's first key, `sep`, and `other`'s first key.
const fn pair(what: Words, sep: &'static str, other: &'static str) -> Option<HintSpec> {
    Some(HintSpec {
        what,
        with: Some((sep, other)),
    })
}

/// Hints the status line shows however narrow it is, while they apply.
pub const PINNED_HINTS: &[A] = &[A::ToggleHelp, A::Quit, A::BackToList];

/// Hints that lead the status line, in this order, before the keys every
/// TUI user already knows (Enter, j/k, Tab): the weekly review's own keys,
/// which nobody guesses.
pub const LEADING_HINTS: &[A] = &[A::OpenChart, A::NextUnread, A::CycleFilter, A::StartGoto];

/// First match wins, so narrower scopes come before wider ones.
pub const KEYMAP: &[Binding] = &[
    fixed(&[Ctrl('c')], Anywhere, Do(A::Quit), w("立即退出", "quit at once"), None),
    fixed(
        &[Ctrl('z')],
        Anywhere,
        Do(A::Suspend),
        w("挂起到后台（fg 回来）", "suspend (fg brings it back)"),
        None,
    ),
    // Help overlay (it scrolls with the moving keys, `Scroll` below).
    named(
        "close_help",
        &[Code(KeyCode::Esc), Char('q'), Char('?')],
        Help,
        Do(A::CloseHelp),
        w("关闭帮助", "close help"),
        hint(w("关闭", "close")),
    ),
    // Brief overlay (it scrolls with the moving keys, `Scroll` below).
    named(
        "brief_close",
        &[Code(KeyCode::Esc), Char('q'), Char('b')],
        Brief,
        Do(A::CloseBrief),
        w("关闭简报", "close the brief"),
        hint(w("关闭", "close")),
    ),
    named(
        "brief_copy",
        &[Char('y')],
        Brief,
        Do(A::CopyBrief),
        w("把整份简报（Markdown）发往终端的剪贴板（OSC 52；在 tmux 中需要 set-clipboard on）", "send the whole brief (Markdown) to the terminal's clipboard (OSC 52; in tmux needs set-clipboard on)"),
        hint(w("发往剪贴板", "to clipboard")),
    ),
    // Search prompt.
    fixed(
        &[Code(KeyCode::Enter)],
        Search,
        Do(A::SearchAccept),
        w("保留搜索", "keep the search"),
        hint(w("保留", "keep")),
    ),
    fixed(
        &[Code(KeyCode::Esc)],
        Search,
        Do(A::SearchCancel),
        w("取消，回到搜索前的位置", "cancel, back to where you were"),
        hint(w("取消", "cancel")),
    ),
    fixed(
        &[Code(KeyCode::Backspace)],
        Search,
        Do(A::SearchBackspace),
        w("删除最后一个字符", "delete the last character"),
        None,
    ),
    fixed(&[Key::Typed], Search, Bound::Type, w("输入搜索词（标题或正文，边输入边搜索）", "type the search (title or body, incremental)"), None),
    // Go-to prompt.
    fixed(
        &[Code(KeyCode::Enter)],
        Goto,
        Do(A::GotoAccept),
        w("转到输入的期号（年-期，如 2024-17、2024/17、2024第17期；另一系列加前缀，如 cnvd:2024-17）", "go to the issue typed (YEAR-NUMBER, e.g. 2024-17, 2024/17, 2024第17期; another series' with its prefix, cnvd:2024-17)"),
        hint(w("转到", "go")),
    ),
    fixed(
        &[Code(KeyCode::Esc)],
        Goto,
        Do(A::GotoCancel),
        w("取消", "cancel"),
        hint(w("取消", "cancel")),
    ),
    fixed(
        &[Code(KeyCode::Backspace)],
        Goto,
        Do(A::GotoBackspace),
        w("删除最后一个字符", "delete the last character"),
        None,
    ),
    fixed(&[Key::Typed], Goto, Bound::Type, w("输入期号", "type the issue key"), None),
    // The one-line note editor.
    fixed(
        &[Code(KeyCode::Enter)],
        Note,
        Do(A::NoteAccept),
        w("保存笔记（清空即删除；没有改动则不写入）", "save the note (emptied, it is removed; unchanged, nothing is written)"),
        hint(w("保存", "save")),
    ),
    fixed(
        &[Code(KeyCode::Esc)],
        Note,
        Do(A::NoteCancel),
        w("取消，笔记不变", "cancel, the note unchanged"),
        hint(w("取消", "cancel")),
    ),
    fixed(
        &[Code(KeyCode::Backspace)],
        Note,
        Do(A::NoteBackspace),
        w("删除最后一个字符", "delete the last character"),
        None,
    ),
    fixed(&[Key::Typed], Note, Bound::Type, w("输入笔记", "type the note"), None),
    // A y/n question.
    fixed(
        &[Char('y'), Char('Y')],
        Confirm,
        Do(A::ConfirmYes),
        w("是", "yes"),
        None,
    ),
    fixed(&[Key::Any], Confirm, Do(A::ConfirmNo), w("否：其他任意键都取消", "no: any other key cancels"), None),
    // Chart view.
    named(
        "chart_close",
        &[Code(KeyCode::Esc), Char('q'), Char('c')],
        Chart,
        Do(A::CloseChart),
        w("回到主界面", "back to the main screen"),
        hint(w("返回", "back")),
    ),
    named(
        "chart_prev_week",
        &[Code(KeyCode::Left), Char('h'), Char('[')],
        Chart,
        Do(A::PrevIssue),
        w("上一期（更早）：图中选中的周", "previous (older) issue: the selected week"),
        pair(w("周", "week"), "/", "chart_next_week"),
    ),
    named(
        "chart_next_week",
        &[Code(KeyCode::Right), Char('l'), Char(']')],
        Chart,
        Do(A::NextIssue),
        w("下一期（更新）", "next (newer) issue"),
        None,
    ),
    named(
        "chart_prev_figure",
        &[Code(KeyCode::Up), Char('k')],
        Chart,
        Do(A::PrevFigure),
        w("上一项指标", "previous figure"),
        pair(w("指标", "figure"), "/", "chart_next_figure"),
    ),
    named(
        "chart_next_figure",
        &[Code(KeyCode::Down), Char('j')],
        Chart,
        Do(A::NextFigure),
        w("下一项指标", "next figure"),
        None,
    ),
    // The first nine figures of whichever series is shown; a series with
    // fewer says so on a key past its last.
    fixed(
        &[Key::Digits],
        Chart,
        Bound::FigureDigit,
        w("按序号选指标（标题里的序号）", "figure by number (as the title numbers it)"),
        None,
    ),
    named(
        "chart_zoom_in",
        &[Char('+'), Char('=')],
        Chart,
        Do(A::ZoomIn),
        w("更少的周：全部 → 104 → 52 → 26 → 13", "fewer weeks: all → 104 → 52 → 26 → 13"),
        pair(w("缩放", "zoom"), "/", "chart_zoom_out"),
    ),
    named(
        "chart_zoom_out",
        &[Char('-')],
        Chart,
        Do(A::ZoomOut),
        w("更多的周：13 → 26 → 52 → 104 → 全部", "more weeks: 13 → 26 → 52 → 104 → all"),
        None,
    ),
    named(
        "chart_year_earlier",
        &[Char('p')],
        Chart,
        Do(A::ToggleYearEarlier),
        w("显示 / 隐藏上年同期", "show / hide the same issues a year earlier"),
        hint(w("上年", "year ago")),
    ),
    named(
        "chart_help",
        &[Char('?')],
        Chart,
        Do(A::ToggleHelp),
        w("本帮助", "this help"),
        hint(w("帮助", "help")),
    ),
    // Image view.
    named(
        "image_back",
        &[Code(KeyCode::Esc)],
        Image,
        Do(A::DismissImages),
        w("取消正在进行的下载；没有下载就回到详情", "cancel the download under way; with none, back to the detail"),
        hint(w("返回", "back")),
    ),
    named(
        "image_close",
        &[Char('q')],
        Image,
        Do(A::CloseImages),
        w("回到详情（下载继续，状态栏跟着它）", "back to the detail (a download goes on, followed on the status line)"),
        None,
    ),
    named(
        "image_prev",
        &[Code(KeyCode::Left), Char('h')],
        Image,
        Do(A::PrevImage),
        w("上一张图", "previous image"),
        pair(w("图", "image"), "/", "image_next"),
    ),
    named(
        "image_next",
        &[Code(KeyCode::Right), Char('l')],
        Image,
        Do(A::NextImage),
        w("下一张图", "next image"),
        None,
    ),
    fixed(
        &[Key::Digits],
        Image,
        Bound::ImageDigit,
        w("按序号选图（标题里的序号）", "image by number (as the title numbers it)"),
        hint(w("选图", "pick")),
    ),
    named(
        "image_open",
        &[Char('o')],
        Image,
        Do(A::OpenUrl),
        w("在浏览器中打开这张图的地址", "open this image's address in the browser"),
        hint(w("浏览器", "browser")),
    ),
    named(
        "image_copy",
        &[Char('y')],
        Image,
        Do(A::CopyUrl),
        w("把这张图的地址送到终端的剪贴板（OSC 52）", "send this image's address to the terminal's clipboard (OSC 52)"),
        None,
    ),
    named(
        "image_fetch",
        &[Char('F')],
        Image,
        Do(A::FetchImages),
        w("在后台下载这一期缺少的图片，也重试失败的（Esc 取消）", "download this issue's missing images in the background, failed ones again (Esc cancels)"),
        hint(w("下载", "download")),
    ),
    named(
        "image_help",
        &[Char('?')],
        Image,
        Do(A::ToggleHelp),
        w("本帮助", "this help"),
        hint(w("帮助", "help")),
    ),
    // Pane-specific.
    named(
        "open",
        &[Code(KeyCode::Enter)],
        Focused(Focus::List),
        Do(A::Activate),
        w("打开选中的一期（标为已读）", "open the selected issue (marks it read)"),
        hint(w("打开", "open")),
    ),
    named(
        "follow_link",
        &[Code(KeyCode::Enter)],
        Focused(Focus::Links),
        Do(A::Activate),
        w("跟随选中的近期回顾条目，或在图片视图中看选中的图", "follow the selected 近期回顾 line, or see the selected chart in the image view"),
        hint(w("跟随/打开", "follow/open")),
    ),
    // Moving: the list, the detail, the links, and the help overlay.
    named(
        "move_down",
        &[Char('j'), Code(KeyCode::Down)],
        Scroll,
        Do(A::MoveDown),
        w("下：下一期 / 向下滚动 / 下一个链接", "down: next issue / scroll / next link"),
        pair(w("移动", "move"), "/", "move_up"),
    ),
    named(
        "move_up",
        &[Char('k'), Code(KeyCode::Up)],
        Scroll,
        Do(A::MoveUp),
        w("上：上一期 / 向上滚动 / 上一个链接", "up: previous issue / scroll / previous link"),
        None,
    ),
    named(
        "top",
        &[Char('g'), Code(KeyCode::Home)],
        Scroll,
        Do(A::Top),
        w("到顶部", "go to the top"),
        None,
    ),
    named(
        "bottom",
        &[Char('G'), Code(KeyCode::End)],
        Scroll,
        Do(A::Bottom),
        w("到底部", "go to the bottom"),
        None,
    ),
    named(
        "page_down",
        &[Code(KeyCode::PageDown), Char(' '), Ctrl('d')],
        Scroll,
        Do(A::PageDown),
        w("向下翻一页", "one page down"),
        None,
    ),
    named(
        "page_up",
        &[Code(KeyCode::PageUp), Ctrl('u')],
        Scroll,
        Do(A::PageUp),
        w("向上翻一页", "one page up"),
        None,
    ),
    // Browsing.
    named(
        "next_pane",
        &[Code(KeyCode::Tab)],
        Normal,
        Do(A::FocusNext),
        w("下一个窗格：列表 → 详情 → 链接（图表和近期回顾条目）", "next pane: list → detail → links (charts and 近期回顾 lines)"),
        hint(w("窗格", "pane")),
    ),
    named(
        "prev_pane",
        &[Code(KeyCode::BackTab)],
        Normal,
        Do(A::FocusPrev),
        w("上一个窗格", "previous pane"),
        None,
    ),
    fixed(
        &[Key::Digits],
        Normal,
        Bound::FollowDigit,
        w("跟随第 N 条近期回顾", "follow the N-th 近期回顾 line"),
        hint(w("跟随", "follow")),
    ),
    named(
        "prev_issue",
        &[Char('[')],
        Normal,
        Do(A::PrevIssue),
        w("系列中的上一期（更早）", "previous (older) issue in the series"),
        pair(w("周", "week"), " ", "next_issue"),
    ),
    named(
        "next_issue",
        &[Char(']')],
        Normal,
        Do(A::NextIssue),
        w("系列中的下一期（更新）", "next (newer) issue in the series"),
        None,
    ),
    named(
        "switch_series",
        &[Char('s')],
        Normal,
        Do(A::SwitchSeries),
        w(
            "换下一个系列（网络安全信息与动态周报 ⇄ CNVD漏洞周报），回到它上次的位置",
            "next series (网络安全信息与动态周报 ⇄ CNVD漏洞周报), back where it was left",
        ),
        None,
    ),
    named(
        "back",
        &[Char('H'), Code(KeyCode::Backspace)],
        Normal,
        Do(A::Back),
        w("沿跟随过的链接后退", "back through followed links"),
        pair(w("后退/前进", "back/fwd"), "/", "forward"),
    ),
    named(
        "forward",
        &[Char('L')],
        Normal,
        Do(A::Forward),
        w("沿跟随过的链接前进", "forward through followed links"),
        None,
    ),
    named(
        "search",
        &[Char('/')],
        Normal,
        Do(A::StartSearch),
        w("搜索标题和正文", "search titles and bodies"),
        hint(w("搜索", "search")),
    ),
    named(
        "go_to",
        &[Char(':')],
        Normal,
        Do(A::StartGoto),
        w("按期号转到某一期（如 2024-17 或 2024第17期 回车），记入前进后退历史", "go to an issue by key (e.g. 2024-17 or 2024第17期 Enter), kept in the back/forward history"),
        hint(w("转到期号", "go to")),
    ),
    named(
        "next_hit",
        &[Char('n')],
        Normal,
        Do(A::NextHit),
        w("下一个搜索结果", "next search hit"),
        None,
    ),
    named(
        "prev_hit",
        &[Char('N')],
        Normal,
        Do(A::PrevHit),
        w("上一个搜索结果", "previous search hit"),
        None,
    ),
    named(
        "toggle_read",
        &[Char('m')],
        Normal,
        Do(A::ToggleRead),
        w("切换已读 / 未读", "toggle read / unread"),
        hint(w("已读", "read")),
    ),
    named(
        "toggle_flag",
        &[Char('*')],
        Normal,
        Do(A::ToggleFlag),
        w("给当前这期加旗标 / 去掉旗标（列表里标 *，f 可只看加了旗标的）", "flag / unflag the shown issue (marked * in the list; f can list only the flagged)"),
        hint(w("旗标", "flag")),
    ),
    named(
        "edit_note",
        &[Char('e')],
        Normal,
        Do(A::EditNote),
        w("编辑当前这期的笔记：用 $VISUAL 或 $EDITOR，都未设时在状态栏里（列表里标 ✎）", "edit the shown issue's note: in $VISUAL or $EDITOR, else on the status line (marked ✎ in the list)"),
        hint(w("笔记", "note")),
    ),
    named(
        "next_unread",
        &[Char('u')],
        Normal,
        Do(A::NextUnread),
        w("打开下一期未读：当前这期未读就是它，否则往更早找，再从最新一期起（标为已读）", "open the next unread issue: the shown one if unread, else the next older one, then from the newest (marks it read)"),
        hint(w("未读", "unread")),
    ),
    named(
        "mark_all_read",
        &[Char('A')],
        Normal,
        Do(A::AskMarkAllRead),
        w("把已缓存的各期全部标为已读（先问 y/n）", "mark every cached issue read (asks y/n first)"),
        None,
    ),
    named(
        "filter",
        &[Char('f')],
        Normal,
        Do(A::CycleFilter),
        w("筛选列表：全部 → 已缓存 → 未读 → 已加旗标（图表和前后期仍用全部）", "filter the list: all → cached → unread → flagged (charts and the series keep every issue)"),
        hint(w("筛选", "filter")),
    ),
    named(
        "open_url",
        &[Char('o')],
        Normal,
        Do(A::OpenUrl),
        w("在浏览器中打开（配置的 browser，否则 $BROWSER，否则系统默认）：选中的链接或图表的地址，否则本期网址", "open in the browser (the config's browser, else $BROWSER, else the system's): the selected link or chart's address, else the issue's URL"),
        hint(w("浏览器", "browser")),
    ),
    named(
        "copy_url",
        &[Char('y')],
        Normal,
        Do(A::CopyUrl),
        w("把该网址发送到终端的剪贴板（OSC 52，终端不回告；微信文章只留 __biz、mid、idx、sn；在 tmux 中需要 set-clipboard on）", "send that URL to the terminal's clipboard (OSC 52, not confirmed; a WeChat article keeps only __biz, mid, idx, sn; in tmux needs set-clipboard on)"),
        None,
    ),
    named(
        "brief",
        &[Char('b')],
        Normal,
        Do(A::OpenBrief),
        w("当前这期的简报：各项数据及其比较、值得注意的、同周的另一系列、笔记（y 发往剪贴板）", "the shown issue's brief: its figures compared, what stands out, the other series' same week, the note (y sends it to the clipboard)"),
        hint(w("简报", "brief")),
    ),
    named(
        "open_chart",
        &[Char('c')],
        Normal,
        Do(A::OpenChart),
        w("图表视图：一项指标，带日期和数值", "chart view: one figure with dates and values"),
        hint(w("图表", "chart")),
    ),
    named(
        "images",
        &[Char('i')],
        Normal,
        Do(A::OpenImages),
        w("图片视图：本期的图表一张张看（选中图表行时从它开始）", "image view: the issue's charts one at a time (from the selected chart line)"),
        None,
    ),
    named("fetch", &[Char('F')], Normal, Do(A::FetchPage), w("从网上获取：选中的近期回顾所指的一期，否则当前这期（未缓存时）", "fetch from the web: the selected 近期回顾 line's issue, else the shown one, when not cached"), None),
    named("update", &[Char('R')], Normal, Do(A::UpdateFeeds), w("在后台更新配置里的每个订阅源（Esc 取消）；新到的各期在列表里标 +", "update every feed in the config in the background (Esc cancels); what arrives is marked + in the list"), None),
    named(
        "help",
        &[Char('?')],
        Normal,
        Do(A::ToggleHelp),
        w("本帮助", "this help"),
        hint(w("帮助", "help")),
    ),
    named(
        "dismiss",
        &[Code(KeyCode::Esc)],
        Normal,
        Do(A::Dismiss),
        w("清除消息和搜索高亮；没有可清除的就回到列表", "clear the message and the search highlight; with nothing to clear, back to the list"),
        None,
    ),
    // Backing out: q on a pane goes back to the list, q on the list quits.
    named(
        "back_to_list",
        &[Char('q')],
        Panes,
        Do(A::BackToList),
        w("回到列表", "back to the list"),
        hint(w("列表", "list")),
    ),
    named(
        "quit",
        &[Char('q')],
        Focused(Focus::List),
        Do(A::Quit),
        w("退出", "quit"),
        hint(w("退出", "quit")),
    ),
];
