//! The words of the TUI's `R` (updating every configured feed in the
//! background), in both languages side by side: its progress line, its
//! summary and why it does not start, the notice on start that the cache
//! is behind and the detail pane's note on an issue whose imported copies
//! held no text (each with what to do); the longer lines with forms for a
//! narrow screen, the status line showing the longest that fits. A part of
//! [`super::FeedMsg`] (`FeedMsg::Tui`); same rules as messages.rs.

use std::borrow::Cow;

use super::words::plural;
use super::{Lang, Msg};

/// Where the TUI's update is, for its progress line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpdateStep {
    /// Started; no feed asked yet.
    Starting,
    /// Reading the `index`-th feed (from 1) of `of`, named as messages
    /// name it.
    Feed {
        index: usize,
        of: usize,
        feed: String,
    },
    /// Fetching the `done`-th of about `planned` pages (title-only items,
    /// then the 近期回顾 walk).
    Page {
        done: usize,
        planned: usize,
        url: String,
    },
    /// Downloading the `done`-th of the `planned` pictures of the issues
    /// it brought.
    Image {
        done: usize,
        planned: usize,
        url: String,
    },
}

/// Something the TUI says about its update. Names and URLs are held
/// already sanitized, as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedTui {
    /// The status line while an update runs: where it is, the host it
    /// waits for (and how many seconds), the issues new so far; `named`:
    /// with the feed's name or the page's address (the middle form leaves
    /// it out).
    Progress {
        step: UpdateStep,
        waiting: Option<(String, String)>,
        new: usize,
        named: bool,
    },
    /// Its form for a narrow screen: where it is, and Esc.
    ProgressShort(UpdateStep),
    /// The status line when an update ended: the issues it brought in
    /// full for the first time (`keys`: their list as text), the feeds
    /// that failed and the first one's name and reason, the items and
    /// pages that could not be read or fetched.
    Done {
        cancelled: bool,
        new: usize,
        keys: String,
        failed: usize,
        first_failed: Option<(String, Box<Msg>)>,
        items_failed: usize,
        pages_failed: usize,
    },
    /// Its form for a narrow screen; `failed` counts every failure.
    DoneShort {
        cancelled: bool,
        new: usize,
        failed: usize,
    },
    /// `R` (or `F`) while an update runs.
    Busy,
    BusyShort,
    /// Esc during an update, and `R` or `F` until the cancelled update
    /// has ended (a request under way is not cut short).
    Cancelling,
    CancellingShort,
    /// `R` without a feed in the config: the shorter forms of
    /// [`super::FeedMsg::NoneConfigured`].
    NoFeedsShort,
    NoFeedsNarrow,
    /// `R` in the demo.
    Demo,
    DemoShort,
    /// `R` on a cache that cannot be written.
    ReadOnly,
    ReadOnlyShort,
    /// The update could not start, or could not open the cache.
    CannotStart(Box<Msg>),
    /// The update's thread ended without its report.
    Lost,
    /// On start: the newest issue with text (None: none has text) is
    /// `behind` issues behind the newest known; what to do, with the keys
    /// that update and fetch (empty when unbound). The whole of it, then
    /// a middle and a short form.
    Behind {
        with_text: Option<String>,
        behind: usize,
        newest: String,
        update: String,
        fetch: String,
    },
    BehindMedium {
        with_text: Option<String>,
        behind: usize,
        newest: String,
        update: String,
        fetch: String,
    },
    BehindShort {
        with_text: Option<String>,
        behind: usize,
        update: String,
        fetch: String,
    },
    /// The detail pane of an issue not held in full whose `copies`
    /// imported copies all held no article text; the keys that update and
    /// fetch (empty when unbound).
    EmptyCopies {
        copies: usize,
        update: String,
        fetch: String,
    },
}

impl From<FeedTui> for Msg {
    fn from(m: FeedTui) -> Msg {
        Msg::Feed(super::FeedMsg::Tui(m))
    }
}

/// Where the update is, and what it names there (a feed, a page's URL).
fn step_zh(step: &UpdateStep) -> (String, &str) {
    match step {
        UpdateStep::Starting => ("正在更新订阅源".into(), ""),
        UpdateStep::Feed { index, of, feed } => (format!("正在更新订阅源 {index}/{of}"), feed),
        UpdateStep::Page { done, planned, url } => {
            (format!("正在更新：页面 {done}/{planned}"), url)
        }
        UpdateStep::Image { done, planned, url } => {
            (format!("正在更新：图片 {done}/{planned}"), url)
        }
    }
}

fn step_en(step: &UpdateStep) -> (String, &str) {
    match step {
        UpdateStep::Starting => ("updating the feeds".into(), ""),
        UpdateStep::Feed { index, of, feed } => (format!("updating feed {index}/{of}"), feed),
        UpdateStep::Page { done, planned, url } => {
            (format!("updating: page {done}/{planned}"), url)
        }
        UpdateStep::Image { done, planned, url } => {
            (format!("updating: image {done}/{planned}"), url)
        }
    }
}

/// What to do about being behind: the keys that update and fetch, those
/// bound; `short` names the update only.
fn todo(update: &str, fetch: &str, short: bool, lang: Lang) -> String {
    let mut parts = Vec::new();
    if !update.is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("{update} 更新"),
            Lang::En => format!("{update} updates"),
        });
    }
    // The short form names the update alone when it can. `F` fetches the
    // selected issue, and the one shown at start has text: say which.
    if !fetch.is_empty() && (!short || parts.is_empty()) {
        parts.push(match lang {
            Lang::Zh => format!("{fetch} 获取未缓存期"),
            Lang::En => format!("{fetch} fetches uncached ones"),
        });
    }
    match (parts.is_empty(), lang) {
        (true, _) => String::new(),
        (false, Lang::Zh) => format!("：{}", parts.join("，")),
        (false, Lang::En) => format!(": {}", parts.join(", ")),
    }
}

impl FeedTui {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use FeedTui::*;
        use Lang::{En, Zh};
        match (self, lang) {
            // The feed's name and address last: a narrow line cuts them,
            // not where the update is or how to stop it.
            (
                Progress {
                    step,
                    waiting,
                    new,
                    named,
                },
                Zh,
            ) => {
                let (at, name) = step_zh(step);
                let name = if *named { name } else { "" };
                let new = match new {
                    0 => String::new(),
                    n => format!("，已新增 {n} 期"),
                };
                match waiting {
                    Some((host, secs)) => {
                        format!("{at}{new}：等待 {secs} 秒再请求 {host}（Esc 取消）").into()
                    }
                    None if name.is_empty() => format!("{at}{new}（Esc 取消）").into(),
                    None => format!("{at}{new}（Esc 取消）：{name}").into(),
                }
            }
            (
                Progress {
                    step,
                    waiting,
                    new,
                    named,
                },
                En,
            ) => {
                let (at, name) = step_en(step);
                let name = if *named { name } else { "" };
                let new = match new {
                    0 => String::new(),
                    n => format!(", {n} new so far"),
                };
                match waiting {
                    Some((host, secs)) => {
                        format!("{at}{new}: waiting {secs} s for {host} (Esc cancels)").into()
                    }
                    None if name.is_empty() => format!("{at}{new} (Esc cancels)").into(),
                    None => format!("{at}{new} (Esc cancels): {name}").into(),
                }
            }
            (ProgressShort(step), Zh) => match step {
                UpdateStep::Starting => "正在更新 · Esc 取消".into(),
                UpdateStep::Feed { index, of, .. } => {
                    format!("订阅源 {index}/{of} · Esc 取消").into()
                }
                UpdateStep::Page { done, planned, .. } => {
                    format!("页面 {done}/{planned} · Esc 取消").into()
                }
                UpdateStep::Image { done, planned, .. } => {
                    format!("图片 {done}/{planned} · Esc 取消").into()
                }
            },
            (ProgressShort(step), En) => match step {
                UpdateStep::Starting => "updating · Esc cancels".into(),
                UpdateStep::Feed { index, of, .. } => {
                    format!("feed {index}/{of} · Esc cancels").into()
                }
                UpdateStep::Page { done, planned, .. } => {
                    format!("page {done}/{planned} · Esc cancels").into()
                }
                UpdateStep::Image { done, planned, .. } => {
                    format!("image {done}/{planned} · Esc cancels").into()
                }
            },
            (
                Done {
                    cancelled,
                    new,
                    keys,
                    failed,
                    first_failed,
                    items_failed,
                    pages_failed,
                },
                Zh,
            ) => {
                let mut out = match (cancelled, new) {
                    (false, 0) => "更新完毕：没有新的一期".to_string(),
                    (true, 0) => "更新已取消：没有新的一期".to_string(),
                    (false, n) => format!("新增 {n} 期：{keys}"),
                    (true, n) => format!("更新已取消；新增 {n} 期：{keys}"),
                };
                match first_failed {
                    Some((feed, why)) if *failed == 1 => {
                        out.push_str(&format!("；1 个订阅源失败：{feed}：{}", why.text(Zh)));
                    }
                    Some((feed, why)) => out.push_str(&format!(
                        "；{failed} 个订阅源失败，第一个是 {feed}：{}",
                        why.text(Zh)
                    )),
                    None if *failed > 0 => out.push_str(&format!("；{failed} 个订阅源失败")),
                    None => {}
                }
                if *items_failed > 0 {
                    out.push_str(&format!("；{items_failed} 条无法读取"));
                }
                if *pages_failed > 0 {
                    out.push_str(&format!("；{pages_failed} 个页面未能获取"));
                }
                out.into()
            }
            (
                Done {
                    cancelled,
                    new,
                    keys,
                    failed,
                    first_failed,
                    items_failed,
                    pages_failed,
                },
                En,
            ) => {
                let mut out = match (cancelled, new) {
                    (false, 0) => "update done: nothing new".to_string(),
                    (true, 0) => "update cancelled: nothing new".to_string(),
                    (false, n) => format!("{n} new: {keys}"),
                    (true, n) => format!("update cancelled; {n} new: {keys}"),
                };
                match first_failed {
                    Some((feed, why)) if *failed == 1 => {
                        out.push_str(&format!("; 1 feed failed: {feed}: {}", why.text(En)));
                    }
                    Some((feed, why)) => out.push_str(&format!(
                        "; {failed} feeds failed, the first {feed}: {}",
                        why.text(En)
                    )),
                    None if *failed > 0 => {
                        out.push_str(&format!("; {} failed", plural(*failed, "feed", "feeds")));
                    }
                    None => {}
                }
                if *items_failed > 0 {
                    let items = plural(*items_failed, "item", "items");
                    out.push_str(&format!("; {items} unreadable"));
                }
                if *pages_failed > 0 {
                    let pages = plural(*pages_failed, "page", "pages");
                    out.push_str(&format!("; {pages} not fetched"));
                }
                out.into()
            }
            (
                DoneShort {
                    cancelled,
                    new,
                    failed,
                },
                Zh,
            ) => {
                let head = match (cancelled, new) {
                    (false, 0) => "没有新的一期".to_string(),
                    (true, 0) => "已取消：没有新的".to_string(),
                    (false, n) => format!("新增 {n} 期"),
                    (true, n) => format!("已取消；新增 {n} 期"),
                };
                match failed {
                    0 => head.into(),
                    n => format!("{head}；{n} 项失败").into(),
                }
            }
            (
                DoneShort {
                    cancelled,
                    new,
                    failed,
                },
                En,
            ) => {
                let head = match (cancelled, new) {
                    (false, 0) => "nothing new".to_string(),
                    (true, 0) => "cancelled: nothing new".to_string(),
                    (false, n) => format!("{n} new"),
                    (true, n) => format!("cancelled; {n} new"),
                };
                match failed {
                    0 => head.into(),
                    n => format!("{head}; {n} failed").into(),
                }
            }
            (Busy, Zh) => "正在更新订阅源，请稍候；Esc 取消".into(),
            (Busy, En) => "still updating the feeds; Esc cancels it".into(),
            (BusyShort, Zh) => "仍在更新 · Esc 取消".into(),
            (BusyShort, En) => "still updating · Esc".into(),
            (Cancelling, Zh) => "更新已取消：进行中的请求结束后停止".into(),
            (Cancelling, En) => "update cancelled: it stops once the request under way ends".into(),
            (CancellingShort, Zh) => "更新正在停止…".into(),
            (CancellingShort, En) => "update stopping…".into(),
            (NoFeedsShort, Zh) => "没有订阅源：zhoubao config 有 [[feed]] 示例".into(),
            (NoFeedsShort, En) => "no feeds: zhoubao config shows [[feed]]".into(),
            (NoFeedsNarrow, Zh) => "配置里没有 [[feed]]".into(),
            (NoFeedsNarrow, En) => "no [[feed]] in config".into(),
            (Demo, Zh) => "演示模式不联网：只有真正的缓存才能更新订阅源".into(),
            (Demo, En) => "--demo never touches the network: feeds update a real cache".into(),
            (DemoShort, Zh) => "演示模式不联网".into(),
            (DemoShort, En) => "--demo: no network".into(),
            (ReadOnly, Zh) => "缓存是只读的：更新的内容无处保存".into(),
            (ReadOnly, En) => "the cache is read-only: an update could store nothing".into(),
            (ReadOnlyShort, Zh) => "缓存只读，无法更新".into(),
            (ReadOnlyShort, En) => "the cache is read-only".into(),
            (CannotStart(why), Zh) => format!("无法更新订阅源：{}", why.text(Zh)).into(),
            (CannotStart(why), En) => format!("cannot update the feeds: {}", why.text(En)).into(),
            (Lost, Zh) => "更新意外中止；已保存的都完整保存了".into(),
            (Lost, En) => "the update stopped unexpectedly; what it stored is stored whole".into(),
            (
                Behind {
                    with_text,
                    behind,
                    newest,
                    update,
                    fetch,
                },
                lang,
            ) => {
                let how_far = super::FeedMsg::Behind {
                    with_text: with_text.clone(),
                    behind: *behind,
                    newest: newest.clone(),
                };
                let todo = todo(update, fetch, false, lang);
                format!("{}{todo}", how_far.text(lang)).into()
            }
            (
                EmptyCopies {
                    copies,
                    update,
                    fetch,
                },
                Zh,
            ) => {
                let what = match copies {
                    1 => "未缓存：导入的那一份没有正文（空白页面或只有标题）".to_string(),
                    n => format!("未缓存：导入的 {n} 份都没有正文（空白页面或只有标题）"),
                };
                let mut todo = Vec::new();
                if !update.is_empty() {
                    todo.push(format!("按 {update} 更新订阅源"));
                }
                if !fetch.is_empty() {
                    todo.push(format!("按 {fetch} 从网上获取有正文的一份"));
                }
                if todo.is_empty() {
                    what.into()
                } else {
                    format!("{what}；{}", todo.join("，或")).into()
                }
            }
            (
                EmptyCopies {
                    copies,
                    update,
                    fetch,
                },
                En,
            ) => {
                let what = match copies {
                    1 => "not cached: the imported copy held no article text (an empty page \
                          or a title only)"
                        .to_string(),
                    n => format!(
                        "not cached: the {n} imported copies held no article text (empty \
                         pages or titles only)"
                    ),
                };
                let mut todo = Vec::new();
                if !update.is_empty() {
                    todo.push(format!("{update} updates the feeds"));
                }
                if !fetch.is_empty() {
                    todo.push(format!("{fetch} fetches a copy with text"));
                }
                if todo.is_empty() {
                    what.into()
                } else {
                    format!("{what}; {}", todo.join(", or ")).into()
                }
            }
            (
                BehindMedium {
                    with_text,
                    behind,
                    newest,
                    update,
                    fetch,
                },
                Zh,
            ) => {
                let todo = todo(update, fetch, true, Zh);
                match with_text {
                    Some(t) => format!("正文最新到 {t}，落后 {newest} 共 {behind} 期{todo}"),
                    None => format!("都还没有正文，最新 {newest}{todo}"),
                }
                .into()
            }
            (
                BehindMedium {
                    with_text,
                    behind,
                    newest,
                    update,
                    fetch,
                },
                En,
            ) => {
                let todo = todo(update, fetch, true, En);
                match with_text {
                    Some(t) => format!("text to {t}, {behind} behind {newest}{todo}"),
                    None => format!("none with text, newest {newest}{todo}"),
                }
                .into()
            }
            (
                BehindShort {
                    with_text,
                    behind,
                    update,
                    fetch,
                },
                Zh,
            ) => {
                let todo = todo(update, fetch, true, Zh);
                match with_text {
                    Some(_) => format!("落后 {behind} 期{todo}"),
                    None => format!("还没有正文{todo}"),
                }
                .into()
            }
            (
                BehindShort {
                    with_text,
                    behind,
                    update,
                    fetch,
                },
                En,
            ) => {
                let todo = todo(update, fetch, true, En);
                match with_text {
                    Some(_) => format!("{behind} behind{todo}"),
                    None => format!("no text yet{todo}"),
                }
                .into()
            }
        }
    }

    /// One of each message, for the test that checks both languages exist.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<FeedTui> {
        use FeedTui::*;
        let why = || Box::new(Msg::Issues(1));
        let feed = UpdateStep::Feed {
            index: 1,
            of: 2,
            feed: "应急中心 (http://127.0.0.1/f)".into(),
        };
        let page = UpdateStep::Page {
            done: 2,
            planned: 5,
            url: "http://127.0.0.1/s".into(),
        };
        let image = UpdateStep::Image {
            done: 3,
            planned: 6,
            url: "http://127.0.0.1/img/a.png".into(),
        };
        let done = |cancelled, new: usize, failed, first: bool, items, pages| Done {
            cancelled,
            new,
            keys: (1..=new)
                .map(|n| format!("2025-{n}"))
                .collect::<Vec<_>>()
                .join(", "),
            failed,
            first_failed: first.then(|| ("http://127.0.0.1/f".to_string(), why())),
            items_failed: items,
            pages_failed: pages,
        };
        let mut all = vec![
            Progress {
                step: UpdateStep::Starting,
                waiting: None,
                new: 0,
                named: true,
            },
            Progress {
                step: feed.clone(),
                waiting: None,
                new: 3,
                named: true,
            },
            Progress {
                step: feed.clone(),
                waiting: None,
                new: 3,
                named: false,
            },
            Progress {
                step: page.clone(),
                waiting: Some(("127.0.0.1".into(), "1.0".into())),
                new: 0,
                named: true,
            },
            ProgressShort(UpdateStep::Starting),
            ProgressShort(feed),
            ProgressShort(page),
            ProgressShort(image.clone()),
            Progress {
                step: image,
                waiting: None,
                new: 1,
                named: true,
            },
            done(false, 0, 0, false, 0, 0),
            done(true, 0, 0, false, 0, 0),
            done(false, 2, 1, true, 1, 2),
            done(true, 1, 2, true, 0, 0),
            done(false, 1, 2, false, 0, 0),
            DoneShort {
                cancelled: false,
                new: 0,
                failed: 0,
            },
            DoneShort {
                cancelled: true,
                new: 2,
                failed: 1,
            },
            Busy,
            BusyShort,
            Cancelling,
            CancellingShort,
            NoFeedsShort,
            NoFeedsNarrow,
            Demo,
            DemoShort,
            ReadOnly,
            ReadOnlyShort,
            CannotStart(why()),
            Lost,
        ];
        let keys = [("R", "F"), ("R", ""), ("", "F"), ("", "")];
        for (copies, (update, fetch)) in [1, 2].into_iter().flat_map(|c| keys.map(|k| (c, k))) {
            all.push(EmptyCopies {
                copies,
                update: update.into(),
                fetch: fetch.into(),
            });
        }
        for (with_text, (update, fetch)) in [Some("2025-7".to_string()), None]
            .into_iter()
            .flat_map(|t| keys.map(|k| (t.clone(), k)))
        {
            let (update, fetch) = (update.to_string(), fetch.to_string());
            all.push(Behind {
                with_text: with_text.clone(),
                behind: 48,
                newest: "2026-36".into(),
                update: update.clone(),
                fetch: fetch.clone(),
            });
            all.push(BehindMedium {
                with_text: with_text.clone(),
                behind: 48,
                newest: "2026-36".into(),
                update: update.clone(),
                fetch: fetch.clone(),
            });
            all.push(BehindShort {
                with_text,
                behind: 48,
                update,
                fetch,
            });
        }
        all
    }
}
