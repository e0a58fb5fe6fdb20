//! The words of `zhoubao fetch` and the TUI's `F`, in both languages side
//! by side: each page's line, the summary, the progress line and the status
//! line's words while a fetch runs. Why a page was not fetched is
//! `FetchError`'s own words (fetch/error.rs), quoted here as a [`Msg`].

use std::borrow::Cow;

use super::cache::lower_copies;
#[cfg(test)]
use super::Cache;
use super::{Lang, Msg};
use crate::model::ImportOutcome;

/// Something a fetch says. URLs and quoted text are held already
/// sanitized, as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fetch {
    /// `zhoubao fetch`: a page that failed, and why (another message).
    FailedLine {
        url: String,
        why: Box<Msg>,
    },
    /// A page that is not an issue of the series; `why` is the parser's
    /// reason.
    SkippedLine {
        url: String,
        why: Box<Msg>,
    },
    /// A named page whose issue the cache holds in full.
    AlreadyCached {
        key: String,
    },
    /// The end of a fetch.
    Summary {
        pages: usize,
        new: usize,
        updated: usize,
        unchanged: usize,
        /// Pages of issues a better copy already shows; named only when
        /// there are some.
        lower: usize,
        stubs: usize,
        skipped: usize,
        failed: usize,
    },
    /// Targets not cached that `--follow` left for the next run.
    MoreLeft {
        left: usize,
    },
    /// WeChat asked for verification: what to do instead.
    WallAdvice {
        url: String,
        not_tried: usize,
    },
    /// The progress line: a page being fetched (after its count, `3/6`).
    Progress {
        url: String,
    },
    /// The progress line: waiting before asking a host again.
    Waiting {
        host: String,
        secs: String,
    },
    /// `--user-agent` that cannot be sent as a header; `why` is the
    /// fetch's own words for it.
    BadUserAgentFlag {
        why: Box<Msg>,
    },
    /// `--delay` that is infinite or not a number.
    DelayNotANumber {
        value: String,
    },
    CacheLocked {
        cache: String,
        secs: u64,
    },
    CacheDamaged {
        cache: String,
        reason: String,
    },
    /// A walk that stopped on it, and the pages it did not store.
    WalkStopped {
        reason: Box<Msg>,
        not_stored: usize,
        hint: Box<Msg>,
    },
    // The TUI's `F`; `what` names the issue (`2024-17`) or the line.
    /// Fetching has begun or goes on.
    TuiRunning {
        what: String,
    },
    /// Waiting before asking the host again.
    TuiWaiting {
        what: String,
        secs: String,
    },
    /// The page is stored; its pictures are being downloaded.
    TuiImages {
        what: String,
        done: usize,
        planned: usize,
    },
    /// A cancelled fetch still holds the connection; this one waits.
    TuiWaitingPrevious {
        what: String,
    },
    /// Arrived and stored.
    TuiStored {
        key: String,
        outcome: ImportOutcome,
    },
    /// Not fetched, and why.
    TuiFailed {
        what: String,
        why: Box<Msg>,
    },
    TuiSkipped {
        what: String,
        why: Box<Msg>,
    },
    /// WeChat asked for verification: what to do instead.
    TuiWall {
        what: String,
    },
    /// `F` on an issue the cache holds in full.
    TuiCached {
        key: String,
    },
    /// `F` where no URL is known.
    TuiNoUrl {
        what: String,
    },
    /// `F` while another fetch runs.
    TuiBusy {
        what: String,
    },
    /// Esc while fetching.
    TuiCancelled {
        what: String,
    },
    /// `F` in the demo, which never touches the network or the disk.
    TuiDemo,
    /// The fetch thread ended without a word (it panicked).
    TuiLost,
}

impl From<Fetch> for Msg {
    fn from(m: Fetch) -> Msg {
        Msg::Fetch(m)
    }
}

impl Fetch {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Fetch::*;
        use Lang::{En, Zh};
        match (self, lang) {
            (FailedLine { url, why }, Zh) => format!("失败  {url}：{}", why.text(Zh)).into(),
            (FailedLine { url, why }, En) => format!("failed  {url}: {}", why.text(En)).into(),
            (SkippedLine { url, why }, Zh) => {
                format!("跳过  {url}：不是本系列的周报：{}", why.text(Zh)).into()
            }
            (SkippedLine { url, why }, En) => format!(
                "skipped {url}: not a bulletin of the series: {}",
                why.text(En)
            )
            .into(),
            (AlreadyCached { key }, Zh) => {
                format!("{key} 已完整缓存，未重新获取（--refresh 强制重新获取）").into()
            }
            (AlreadyCached { key }, En) => {
                format!("{key} is already cached in full; not fetched again (--refresh fetches it)")
                    .into()
            }
            (
                Summary {
                    pages,
                    new,
                    updated,
                    unchanged,
                    lower,
                    stubs,
                    skipped,
                    failed,
                },
                Zh,
            ) => format!(
                "{pages} 个页面：新增 {new}，更新 {updated}，未变 {unchanged}，{}\
             存根 {stubs}，跳过 {skipped}，失败 {failed}",
                lower_copies(*lower, Zh)
            )
            .into(),
            (
                Summary {
                    pages,
                    new,
                    updated,
                    unchanged,
                    lower,
                    stubs,
                    skipped,
                    failed,
                },
                En,
            ) => format!(
                "{}: {new} new, {updated} updated, {unchanged} unchanged, {}\
             {stubs} stubs merged, {skipped} skipped, {failed} failed",
                if *pages == 1 {
                    "1 page".to_string()
                } else {
                    format!("{pages} pages")
                },
                lower_copies(*lower, En)
            )
            .into(),
            (MoreLeft { left }, Zh) => {
                format!("还有 {left} 期未缓存，超出 --follow 的数目；再运行一次即可接着获取").into()
            }
            (MoreLeft { left }, En) => format!(
                "{left} more not-cached {} beyond --follow; run the same command again to go on",
                if *left == 1 { "issue" } else { "issues" }
            )
            .into(),
            (WallAdvice { url, not_tried }, Zh) => format!(
                "微信要求验证（环境异常），已停止获取，另有 {not_tried} 个页面未尝试。\n\
             请在浏览器中打开 {url}，完成验证，把网页另存为文件（Ctrl+S，“网页，全部”），\n\
             然后运行：zhoubao import 保存的文件.html；稍后再运行 zhoubao fetch 可接着获取。"
            )
            .into(),
            (WallAdvice { url, not_tried }, En) => format!(
            "WeChat asks for verification (环境异常): stopped, {not_tried} more {} not tried.\n\
             Open {url} in a browser, complete the check, save the page (Ctrl+S, \
             \"Web page, complete\"),\n\
             then run: zhoubao import saved-page.html; run zhoubao fetch again later to go on.",
            if *not_tried == 1 { "page" } else { "pages" }
        )
            .into(),
            (Progress { url }, Zh) => format!("正在获取 {url}").into(),
            (Progress { url }, En) => format!("fetching {url}").into(),
            (Waiting { host, secs }, Zh) => {
                format!("等待 {secs} 秒再请求 {host}（礼貌间隔）").into()
            }
            (Waiting { host, secs }, En) => {
                format!("waiting {secs} s before asking {host} again (politeness)").into()
            }
            (BadUserAgentFlag { why }, Zh) => format!("--user-agent：{}", why.text(Zh)).into(),
            (BadUserAgentFlag { why }, En) => format!("--user-agent: {}", why.text(En)).into(),
            (DelayNotANumber { value }, Zh) => {
                format!("--delay：{value} 不是秒数（至少 0.5）").into()
            }
            (DelayNotANumber { value }, En) => {
                format!("--delay: {value} is not a number of seconds (at least 0.5)").into()
            }
            (CacheLocked { cache, secs }, Zh) => {
                format!("{cache}：缓存被另一个进程锁住超过 {secs} 秒").into()
            }
            (CacheLocked { cache, secs }, En) => {
                format!("{cache}: the cache stayed locked by another process for {secs} s").into()
            }
            (CacheDamaged { cache, reason }, Zh) => {
                format!("{cache}：缓存已损坏{}", super::sqlite_aside(reason, Zh)).into()
            }
            (CacheDamaged { cache, reason }, En) => {
                format!("{cache}: the cache is damaged ({reason})").into()
            }
            (
                WalkStopped {
                    reason,
                    not_stored,
                    hint,
                },
                Zh,
            ) => format!(
                "{}；获取已停止，{not_stored} 个页面未保存；{}",
                reason.text(Zh),
                hint.text(Zh)
            )
            .into(),
            (
                WalkStopped {
                    reason,
                    not_stored,
                    hint,
                },
                En,
            ) => format!(
                "{}; the fetch stopped with {not_stored} {} not stored; {}",
                reason.text(En),
                if *not_stored == 1 { "page" } else { "pages" },
                hint.text(En)
            )
            .into(),
            (TuiWaitingPrevious { what }, Zh) => {
                format!("{what}：等待上一次（已取消的）获取结束后开始（Esc 取消）").into()
            }
            (TuiWaitingPrevious { what }, En) => format!(
                "fetching {what}: waiting for the previous (cancelled) fetch to end (Esc cancels)"
            )
            .into(),
            (
                TuiImages {
                    what,
                    done,
                    planned,
                },
                Zh,
            ) => format!("正在下载 {what} 的图片 {done}/{planned}（Esc 取消）").into(),
            (
                TuiImages {
                    what,
                    done,
                    planned,
                },
                En,
            ) => format!("downloading {what}'s images {done}/{planned} (Esc cancels)").into(),
            (TuiRunning { what }, Zh) => format!("正在获取 {what}（Esc 取消）").into(),
            (TuiRunning { what }, En) => format!("fetching {what} (Esc cancels)").into(),
            (TuiWaiting { what, secs }, Zh) => {
                format!("{what}：等待 {secs} 秒再请求（礼貌间隔，Esc 取消）").into()
            }
            (TuiWaiting { what, secs }, En) => {
                format!("fetching {what}: waiting {secs} s (politeness; Esc cancels)").into()
            }
            (TuiStored { key, outcome }, Zh) => format!(
                "已获取 {key}（{}）",
                match outcome {
                    ImportOutcome::New => "新",
                    ImportOutcome::Updated => "已更新",
                    ImportOutcome::Unchanged => "无变化",
                    ImportOutcome::LowerCopy => "较低的副本",
                    ImportOutcome::StubMerged => "只有标题",
                }
            )
            .into(),
            (TuiStored { key, outcome }, En) => format!(
                "fetched {key} ({})",
                match outcome {
                    ImportOutcome::New => "new",
                    ImportOutcome::Updated => "updated",
                    ImportOutcome::Unchanged => "unchanged",
                    ImportOutcome::LowerCopy => "a lower copy",
                    ImportOutcome::StubMerged => "title only",
                }
            )
            .into(),
            (TuiFailed { what, why }, Zh) => format!("获取 {what} 失败：{}", why.text(Zh)).into(),
            (TuiFailed { what, why }, En) => {
                format!("cannot fetch {what}: {}", why.text(En)).into()
            }
            (TuiSkipped { what, why }, Zh) => {
                format!("{what} 的页面不是本系列的周报：{}", why.text(Zh)).into()
            }
            (TuiSkipped { what, why }, En) => format!(
                "the page of {what} is not a bulletin of the series: {}",
                why.text(En)
            )
            .into(),
            (TuiWall { what }, Zh) => {
                format!("微信要求验证：按 o 在浏览器中打开 {what}，保存网页后 zhoubao import")
                    .into()
            }
            (TuiWall { what }, En) => format!(
                "WeChat wants verification: o opens {what}; save the page, then zhoubao import"
            )
            .into(),
            (TuiCached { key }, Zh) => format!("{key} 已完整缓存，无需获取").into(),
            (TuiCached { key }, En) => {
                format!("{key} is already cached in full: nothing to fetch").into()
            }
            (TuiNoUrl { what }, Zh) => format!("不知道 {what} 的网址，无法获取").into(),
            (TuiNoUrl { what }, En) => {
                format!("no URL is known for {what}: nothing to fetch").into()
            }
            (TuiBusy { what }, Zh) => format!("正在获取 {what}，请稍候；Esc 取消").into(),
            (TuiBusy { what }, En) => format!("still fetching {what}; Esc cancels it").into(),
            (TuiCancelled { what }, Zh) => format!("已取消获取 {what}").into(),
            (TuiCancelled { what }, En) => format!("fetch of {what} cancelled").into(),
            (TuiDemo, Zh) => "演示模式不联网：F 只在真正的缓存里可用".into(),
            (TuiDemo, En) => "--demo never touches the network: F works on a real cache".into(),
            (TuiLost, Zh) => "获取意外中止，什么也没有保存".into(),
            (TuiLost, En) => "the fetch stopped unexpectedly; nothing was stored".into(),
        }
    }

    /// One of each message, for the test that checks both languages exist.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Fetch> {
        use Fetch::*;
        vec![
            FailedLine {
                url: "https://mp.weixin.qq.com/s?mid=1".into(),
                why: Box::new(Msg::Fetch(TuiDemo)),
            },
            SkippedLine {
                url: "http://127.0.0.1/x".into(),
                why: Box::new(Msg::Cache(Cache::HintRunAgain)),
            },
            AlreadyCached {
                key: "2024-17".into(),
            },
            Summary {
                pages: 1,
                new: 1,
                updated: 0,
                unchanged: 0,
                lower: 0,
                stubs: 0,
                skipped: 0,
                failed: 0,
            },
            Summary {
                pages: 3,
                new: 1,
                updated: 0,
                unchanged: 0,
                lower: 2,
                stubs: 0,
                skipped: 0,
                failed: 0,
            },
            MoreLeft { left: 1 },
            MoreLeft { left: 3 },
            WallAdvice {
                url: "https://mp.weixin.qq.com/s?mid=1".into(),
                not_tried: 4,
            },
            Progress {
                url: "https://mp.weixin.qq.com/s?mid=1".into(),
            },
            Waiting {
                host: "mp.weixin.qq.com".into(),
                secs: "0.8".into(),
            },
            BadUserAgentFlag {
                why: Box::new(Msg::Issues(1)),
            },
            DelayNotANumber {
                value: "inf".into(),
            },
            CacheLocked {
                cache: "/tmp/c.db".into(),
                secs: 5,
            },
            CacheDamaged {
                cache: "/tmp/c.db".into(),
                reason: "a page of the issues table".into(),
            },
            WalkStopped {
                reason: Box::new(Msg::Fetch(CacheLocked {
                    cache: "/tmp/c.db".into(),
                    secs: 5,
                })),
                not_stored: 3,
                hint: Box::new(Msg::Cache(Cache::HintRunAgain)),
            },
            TuiRunning {
                what: "2024-15".into(),
            },
            TuiWaitingPrevious {
                what: "2024-15".into(),
            },
            TuiImages {
                what: "2024-15".into(),
                done: 2,
                planned: 5,
            },
            TuiWaiting {
                what: "2024-15".into(),
                secs: "1".into(),
            },
            TuiStored {
                key: "2024-15".into(),
                outcome: ImportOutcome::New,
            },
            TuiStored {
                key: "2024-15".into(),
                outcome: ImportOutcome::Updated,
            },
            TuiStored {
                key: "2024-15".into(),
                outcome: ImportOutcome::Unchanged,
            },
            TuiStored {
                key: "2024-15".into(),
                outcome: ImportOutcome::StubMerged,
            },
            TuiFailed {
                what: "2024-15".into(),
                why: Box::new(Msg::Os(super::Os::TimedOut)),
            },
            TuiSkipped {
                what: "2024-15".into(),
                why: Box::new(Msg::Cache(Cache::HintRunAgain)),
            },
            TuiWall {
                what: "2024-15".into(),
            },
            TuiCached {
                key: "2024-16".into(),
            },
            TuiNoUrl {
                what: "2024-14".into(),
            },
            TuiBusy {
                what: "2024-15".into(),
            },
            TuiCancelled {
                what: "2024-15".into(),
            },
            TuiDemo,
            TuiLost,
        ]
    }
}
