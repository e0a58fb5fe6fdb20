//! The words of `zhoubao update`, `zhoubao feeds` and the feeds' part of
//! the TUI, in both languages side by side: why a feed was not read, the
//! summary, the "behind" notice and `on_new`'s problems (the TUI's `R`
//! keeps its own in feed_tui.rs). A section of the message table
//! ([`super::Msg::Feed`]); same rules as messages.rs.

use std::borrow::Cow;

use super::words::plural;
use super::{Lang, Msg, Os};

/// Something the feeds' side says. Names, titles and URLs are held
/// already sanitized, as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedMsg {
    /// `update`: a feed that failed, and why (another message).
    FeedFailed {
        feed: String,
        why: Box<Msg>,
    },
    /// `update`: a bulletin item that could not be read.
    ItemFailed {
        feed: String,
        title: String,
        why: Box<Msg>,
    },
    /// The end of an update: feeds, items (of the `read` feeds read, the
    /// clause left out when none was) and pages.
    Summary {
        feeds: usize,
        read: usize,
        not_modified: usize,
        failed: usize,
        items: usize,
        bulletins: usize,
        others: usize,
        pages: usize,
    },
    /// The issues an update brought in full for the first time; `keys`
    /// is their list as text.
    New {
        count: usize,
        keys: String,
    },
    /// The issues `fetch` stored a better copy of; `keys` as in `New`.
    Updated {
        count: usize,
        keys: String,
    },
    Cancelled,
    /// The progress line: a feed being read.
    Reading {
        feed: String,
    },
    /// `update` without a feed in the config or on the command line.
    NoFeeds,
    /// The update thread hit a bug; each feed is stored whole or not at all.
    UpdateCrashed {
        detail: String,
    },
    /// `feeds` without a feed in the config.
    NoneConfigured,
    /// How far the newest issue with text is behind the newest known.
    Behind {
        with_text: Option<String>,
        behind: usize,
        newest: String,
    },
    /// What to do about it on the command line.
    CatchUp,
    // `zhoubao feeds`: column titles and values.
    ColName,
    ColUpdated,
    ColResult,
    ColItems,
    ColBulletins,
    ColUrl,
    Never,
    ResultOk,
    ResultNotModified,
    ResultFailed,
    // `on_new`
    NotifyStart {
        program: String,
        why: Os,
    },
    /// Ended with a failure status; None: killed by a signal.
    NotifyStatus {
        program: String,
        code: Option<i32>,
    },
    NotifyRunning {
        program: String,
        secs: u64,
    },
    /// The TUI's `R` (feed_tui.rs).
    Tui(super::FeedTui),
}

impl From<FeedMsg> for Msg {
    fn from(m: FeedMsg) -> Msg {
        Msg::Feed(m)
    }
}

impl FeedMsg {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use FeedMsg::*;
        use Lang::{En, Zh};
        match (self, lang) {
            (FeedFailed { feed, why }, Zh) => format!("失败  {feed}：{}", why.text(Zh)).into(),
            (FeedFailed { feed, why }, En) => format!("failed  {feed}: {}", why.text(En)).into(),
            (ItemFailed { feed, title, why }, Zh) => {
                format!("失败  {feed} 中的《{title}》：{}", why.text(Zh)).into()
            }
            (ItemFailed { feed, title, why }, En) => {
                format!("failed  {title:?} in {feed}: {}", why.text(En)).into()
            }
            (
                Summary {
                    feeds,
                    read,
                    not_modified,
                    failed,
                    items,
                    bulletins,
                    others,
                    pages,
                },
                Zh,
            ) => {
                let pages = if *pages > 0 {
                    format!("；获取页面 {pages} 个")
                } else {
                    String::new()
                };
                let items = if *read > 0 {
                    format!("；{items} 条：周报 {bulletins}，其他文章 {others}")
                } else {
                    String::new()
                };
                format!("{feeds} 个订阅源：未变 {not_modified}，失败 {failed}{items}{pages}").into()
            }
            (
                Summary {
                    feeds,
                    read,
                    not_modified,
                    failed,
                    items,
                    bulletins,
                    others,
                    pages,
                },
                En,
            ) => {
                let pages = if *pages > 0 {
                    format!("; {} fetched", plural(*pages, "page", "pages"))
                } else {
                    String::new()
                };
                let items = if *read > 0 {
                    format!(
                        "; {}: {}, {}",
                        plural(*items, "item", "items"),
                        plural(*bulletins, "bulletin", "bulletins"),
                        plural(*others, "other article", "other articles"),
                    )
                } else {
                    String::new()
                };
                format!(
                    "{}: {not_modified} not modified, {failed} failed{items}{pages}",
                    plural(*feeds, "feed", "feeds"),
                )
                .into()
            }
            (New { count: 0, .. }, Zh) => "没有新的一期".into(),
            (New { count: 0, .. }, En) => "nothing new".into(),
            (New { count, keys }, Zh) => format!("新增 {count} 期：{keys}").into(),
            (New { count, keys }, En) => format!("{count} new: {keys}").into(),
            (Updated { count, keys }, Zh) => format!("更新 {count} 期：{keys}").into(),
            (Updated { count, keys }, En) => format!("{count} updated: {keys}").into(),
            (Cancelled, Zh) => "更新已取消；已保存的都完整保存了".into(),
            (Cancelled, En) => "update cancelled; what was stored is stored whole".into(),
            (Reading { feed }, Zh) => format!("正在读取订阅源 {feed}").into(),
            (Reading { feed }, En) => format!("reading feed {feed}").into(),
            (UpdateCrashed { detail }, Zh) => {
                format!("zhoubao 程序出错（{detail}），更新已停止；已存入的订阅源完整保留").into()
            }
            (UpdateCrashed { detail }, En) => format!(
                "zhoubao hit a bug ({detail}); the update stopped, and what it stored is whole"
            )
            .into(),
            (NoFeeds, Zh) => {
                "没有要读取的订阅源：在配置文件里加 [[feed]]（zhoubao config 有示例），\
                 或者直接给出地址：zhoubao update URL..."
                    .into()
            }
            (NoFeeds, En) => "no feeds to read: add a [[feed]] table to the config \
                 (zhoubao config shows one), or name them: zhoubao update URL..."
                .into(),
            (NoneConfigured, Zh) => {
                "配置文件里没有订阅源：加一个 [[feed]]（zhoubao config 有示例）".into()
            }
            (NoneConfigured, En) => {
                "no feeds in the config: add a [[feed]] table (zhoubao config shows one)".into()
            }
            (
                Behind {
                    with_text: Some(t),
                    behind,
                    newest,
                },
                Zh,
            ) => format!("有正文的最新一期是 {t}，比已知最新的 {newest} 落后 {behind} 期").into(),
            (
                Behind {
                    with_text: Some(t),
                    behind,
                    newest,
                },
                En,
            ) => format!("newest with text {t}, {behind} behind {newest}").into(),
            (
                Behind {
                    with_text: None,
                    behind,
                    newest,
                },
                Zh,
            ) => format!("还没有哪一期有正文；已知 {behind} 期，最新的是 {newest}").into(),
            (
                Behind {
                    with_text: None,
                    behind,
                    newest,
                },
                En,
            ) => format!("no issue has text yet; {behind} known, the newest {newest}").into(),
            (CatchUp, Zh) => "补齐：zhoubao update --follow N 或 zhoubao fetch --follow N URL \
                 沿着“近期回顾”往回获取"
                .into(),
            (CatchUp, En) => "to fill the gap, zhoubao update --follow N or \
                 zhoubao fetch --follow N URL walks back through 近期回顾"
                .into(),
            (ColName, Zh) => "名称".into(),
            (ColName, En) => "name".into(),
            (ColUpdated, Zh) => "上次更新".into(),
            (ColUpdated, En) => "last update".into(),
            (ColResult, Zh) => "结果".into(),
            (ColResult, En) => "result".into(),
            (ColItems, Zh) => "条目".into(),
            (ColItems, En) => "items".into(),
            (ColBulletins, Zh) => "周报".into(),
            (ColBulletins, En) => "bulletins".into(),
            (ColUrl, Zh) => "地址".into(),
            (ColUrl, En) => "url".into(),
            (Never, Zh) => "从未".into(),
            (Never, En) => "never".into(),
            (ResultOk, Zh) => "正常".into(),
            (ResultOk, En) => "ok".into(),
            (ResultNotModified, Zh) => "未变".into(),
            (ResultNotModified, En) => "not modified".into(),
            (ResultFailed, Zh) => "失败".into(),
            (ResultFailed, En) => "failed".into(),
            (NotifyStart { program, why }, Zh) => {
                format!("on_new：无法运行 {program}：{}", why.text(Zh)).into()
            }
            (NotifyStart { program, why }, En) => {
                format!("on_new: cannot run {program}: {}", why.text(En)).into()
            }
            (NotifyStatus { program, code }, Zh) => match code {
                Some(c) => format!("on_new：{program} 以状态 {c} 退出").into(),
                None => format!("on_new：{program} 被信号终止").into(),
            },
            (NotifyStatus { program, code }, En) => match code {
                Some(c) => format!("on_new: {program} exited with status {c}").into(),
                None => format!("on_new: {program} was killed by a signal").into(),
            },
            (NotifyRunning { program, secs }, Zh) => {
                format!("on_new：{program} 运行超过 {secs} 秒，让它自己继续").into()
            }
            (NotifyRunning { program, secs }, En) => {
                format!("on_new: {program} still runs after {secs} s; left to finish on its own")
                    .into()
            }
            (Tui(m), lang) => m.text(lang),
        }
    }

    /// One of each message, for the test that checks both languages exist.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<FeedMsg> {
        use FeedMsg::*;
        let why = || Box::new(Msg::Issues(1));
        vec![
            FeedFailed {
                feed: "http://127.0.0.1/f".into(),
                why: why(),
            },
            ItemFailed {
                feed: "http://127.0.0.1/f".into(),
                title: "周报".into(),
                why: why(),
            },
            Summary {
                feeds: 1,
                read: 1,
                not_modified: 0,
                failed: 0,
                items: 1,
                bulletins: 1,
                others: 0,
                pages: 1,
            },
            New {
                count: 0,
                keys: String::new(),
            },
            New {
                count: 1,
                keys: "2025-3".into(),
            },
            Updated {
                count: 2,
                keys: "2025-3, 2025-4".into(),
            },
            Cancelled,
            Reading {
                feed: "http://127.0.0.1/f".into(),
            },
            NoFeeds,
            UpdateCrashed {
                detail: "index out of bounds".into(),
            },
            NoneConfigured,
            Behind {
                with_text: Some("2025-7".into()),
                behind: 48,
                newest: "2026-36".into(),
            },
            Behind {
                with_text: None,
                behind: 3,
                newest: "2026-36".into(),
            },
            CatchUp,
            ColName,
            ColUpdated,
            ColResult,
            ColItems,
            ColBulletins,
            ColUrl,
            Never,
            ResultOk,
            ResultNotModified,
            ResultFailed,
            NotifyStart {
                program: "notify-send".into(),
                why: Os::NotFound,
            },
            NotifyStatus {
                program: "notify-send".into(),
                code: Some(1),
            },
            NotifyStatus {
                program: "notify-send".into(),
                code: None,
            },
            NotifyRunning {
                program: "notify-send".into(),
                secs: 30,
            },
        ]
        .into_iter()
        .chain(super::FeedTui::samples().into_iter().map(Tui))
        .collect()
    }
}
