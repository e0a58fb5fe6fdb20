//! What a binding of the key map is: its keys, where it applies, what it
//! produces and how help and the status line describe it.

use strum::VariantArray;

use crate::i18n::Words;
use crate::tui::action::{Action, Focus, InputMode};
use crate::tui::keys::Key;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Anywhere,
    Normal,
    Focused(Focus),
    /// Browsing with the detail or the links pane focused.
    Panes,
    /// Moving keys: browsing, and scrolling the help and brief overlays.
    Scroll,
    Search,
    Help,
    Goto,
    Confirm,
    Chart,
    /// The brief overlay.
    Brief,
    /// The one-line note editor.
    Note,
    Image,
}

impl Scope {
    pub fn applies(self, mode: InputMode, focus: Focus) -> bool {
        match self {
            Scope::Anywhere => true,
            Scope::Normal => mode == InputMode::Normal,
            Scope::Focused(f) => mode == InputMode::Normal && focus == f,
            Scope::Panes => mode == InputMode::Normal && focus != Focus::List,
            Scope::Scroll => matches!(mode, InputMode::Normal | InputMode::Help | InputMode::Brief),
            Scope::Search => mode == InputMode::Search,
            Scope::Help => mode == InputMode::Help,
            Scope::Goto => mode == InputMode::Goto,
            Scope::Confirm => mode == InputMode::Confirm,
            Scope::Chart => mode == InputMode::Chart,
            Scope::Brief => mode == InputMode::Brief,
            Scope::Note => mode == InputMode::Note,
            Scope::Image => mode == InputMode::Image,
        }
    }

    /// Whether some mode and focus has both scopes apply at once.
    pub fn overlaps(self, other: Scope) -> bool {
        InputMode::VARIANTS.iter().any(|&m| {
            Focus::VARIANTS
                .iter()
                .any(|&f| self.applies(m, f) && other.applies(m, f))
        })
    }

    /// Heading of the scope's section in the help overlay.
    pub fn heading(self) -> Words {
        match self {
            Scope::Anywhere => Words::new("任何时候", "Anywhere"),
            Scope::Normal => Words::new("浏览", "Browsing"),
            Scope::Scroll => Words::new(
                "移动（也滚动本帮助和简报）",
                "Moving (also scrolls this help and the brief)",
            ),
            Scope::Focused(Focus::List) => Words::new("期列表", "Issue list"),
            Scope::Focused(Focus::Detail) | Scope::Panes => {
                Words::new("详情和链接窗格", "Detail and links")
            }
            Scope::Focused(Focus::Links) => Words::new("近期回顾链接", "近期回顾 links"),
            Scope::Search => Words::new("搜索输入", "Search prompt"),
            Scope::Help => Words::new("帮助", "Help"),
            Scope::Goto => Words::new("期号输入", "Go-to prompt"),
            Scope::Confirm => Words::new("是否问题（y/n）", "Questions (y/n)"),
            Scope::Chart => Words::new("图表视图", "Chart view"),
            Scope::Brief => Words::new("简报", "Brief"),
            Scope::Note => Words::new(
                "笔记输入（未设 $VISUAL 或 $EDITOR 时）",
                "Note prompt (without $VISUAL or $EDITOR)",
            ),
            Scope::Image => Words::new("图片视图", "Image view"),
        }
    }
}

/// What a binding produces; digits and typed text carry the key's character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bound {
    Do(Action),
    FollowDigit,
    Type,
    /// The chart view's figure keys: the digit picks the figure.
    FigureDigit,
    /// The image view's picture keys: the digit picks the picture.
    ImageDigit,
}

/// How the status line hints at a binding: its first key, joined by `sep`
/// to the first key of the binding named in `with`, then `what`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HintSpec {
    pub what: Words,
    pub with: Option<(&'static str, &'static str)>,
}

/// One binding of the default table.
#[derive(Debug, PartialEq, Eq)]
pub struct Binding {
    /// The config's `[keys]` name; None for keys no config changes.
    pub name: Option<&'static str>,
    pub keys: &'static [Key],
    pub scope: Scope,
    pub bound: Bound,
    pub help: Words,
    pub hint: Option<HintSpec>,
}
