//! The message table: every string the user reads, in both languages, side
//! by side. A message is a [`Msg`] variant (its fields are the values the
//! text shows); [`Msg::text`] is the table. Add a variant, its two arms,
//! and a sample in `Msg::samples` so the test sees it. Never write a
//! catch-all arm: the compiler is what checks that both languages exist.

use std::borrow::Cow;

use super::cache::Cache;
use super::cmd::Cmd;
use super::help::Help;
use super::tui::Tui;
use super::Lang;
use crate::model::ImportOutcome;

/// Something zhoubao says to the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    // Each area of the program keeps its messages in its own section, here
    // and in the table below, so changes to different areas do not collide.

    // --- counts
    /// A count of issues, grammatical in both languages.
    Issues(usize),
    /// A count of files.
    Files(usize),
    /// A figure's comparisons in words (compare.rs).
    Compare(super::Compare),
    /// The operating system's error, by its kind (os.rs).
    Os(super::Os),
    // --- command line: commands and their text output
    /// The command line's words (cmd.rs).
    Cmd(Cmd),
    // --- import and the cache
    /// Import, the cache and the parser's reasons (cache.rs).
    Cache(Cache),
    // --- fetch
    /// `zhoubao fetch`: a page that failed, and why (another message).
    FetchFailedLine {
        url: String,
        why: Box<Msg>,
    },
    /// A page that is not an issue of the series; `why` is the parser's
    /// reason.
    FetchSkippedLine {
        url: String,
        why: crate::model::Skip,
    },
    /// A named page whose issue the cache holds in full.
    FetchAlreadyCached {
        key: String,
    },
    /// The end of a fetch.
    FetchSummary {
        pages: usize,
        new: usize,
        updated: usize,
        unchanged: usize,
        stubs: usize,
        skipped: usize,
        failed: usize,
    },
    /// Targets not cached that `--follow` left for the next run.
    FetchMoreLeft {
        left: usize,
    },
    /// WeChat asked for verification: what to do instead.
    FetchWallAdvice {
        url: String,
        not_tried: usize,
    },
    /// The progress line: a page being fetched (after its count, `3/6`).
    FetchProgress {
        url: String,
    },
    /// The progress line: waiting before asking a host again.
    FetchWaiting {
        host: String,
        secs: String,
    },
    // Why a page was not fetched (`FetchError::message`).
    FetchBadUrl {
        reason: String,
    },
    FetchBadProxy {
        proxy: String,
    },
    FetchDns {
        host: String,
    },
    FetchRefused {
        host: String,
    },
    FetchConnectTimedOut {
        host: String,
        secs: String,
    },
    FetchTimedOut {
        secs: String,
    },
    FetchNetwork {
        detail: String,
    },
    FetchStatus {
        code: u16,
        reason: String,
    },
    FetchNotHtml {
        content_type: String,
    },
    FetchTooLarge {
        limit: usize,
    },
    FetchRedirectRefused {
        to: String,
    },
    FetchRedirectLoop {
        to: String,
    },
    FetchTooManyRedirects {
        max: u32,
    },
    FetchWall,
    FetchCancelled,
    FetchUnreadable {
        detail: String,
    },
    FetchStoreFailed {
        detail: String,
    },
    // The TUI's `F`; `what` names the issue (`2024-17`) or the line.
    /// Fetching has begun or goes on.
    FetchTuiRunning {
        what: String,
    },
    /// Waiting before asking the host again.
    FetchTuiWaiting {
        what: String,
        secs: String,
    },
    /// Arrived and stored.
    FetchTuiStored {
        key: String,
        outcome: ImportOutcome,
    },
    /// Not fetched, and why.
    FetchTuiFailed {
        what: String,
        why: Box<Msg>,
    },
    FetchTuiSkipped {
        what: String,
        why: crate::model::Skip,
    },
    /// WeChat asked for verification: what to do instead.
    FetchTuiWall {
        what: String,
    },
    /// `F` on an issue the cache holds in full.
    FetchTuiCached {
        key: String,
    },
    /// `F` where no URL is known.
    FetchTuiNoUrl {
        what: String,
    },
    /// `F` while another fetch runs.
    FetchTuiBusy {
        what: String,
    },
    /// Esc while fetching.
    FetchTuiCancelled {
        what: String,
    },
    /// `F` in the demo, which never touches the network or the disk.
    FetchTuiDemo,
    /// The fetch thread ended without a word (it panicked).
    FetchTuiLost,
    // --- TUI: panes, status line, prompts, help
    /// The TUI's messages (tui.rs).
    Tui(Tui),
    /// The key map's words (help.rs).
    Help(Help),
    // --- config
    /// The config file's words (config.rs).
    Config(super::ConfigMsg),
}

impl From<Tui> for Msg {
    fn from(m: Tui) -> Msg {
        Msg::Tui(m)
    }
}

impl From<super::Compare> for Msg {
    fn from(c: super::Compare) -> Msg {
        Msg::Compare(c)
    }
}

impl From<super::ConfigMsg> for Msg {
    fn from(m: super::ConfigMsg) -> Msg {
        Msg::Config(m)
    }
}

impl From<super::Os> for Msg {
    fn from(os: super::Os) -> Msg {
        Msg::Os(os)
    }
}

impl From<Help> for Msg {
    fn from(h: Help) -> Msg {
        Msg::Help(h)
    }
}

impl Msg {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Lang::{En, Zh};
        match (self, lang) {
            (Msg::Issues(n), Zh) => format!("{n} 期").into(),
            (Msg::Issues(1), En) => "1 issue".into(),
            (Msg::Issues(n), En) => format!("{n} issues").into(),
            (Msg::Files(n), Zh) => format!("{n} 个文件").into(),
            (Msg::Files(1), En) => "1 file".into(),
            (Msg::Files(n), En) => format!("{n} files").into(),
            (Msg::Os(os), lang) => os.text(lang),
            (Msg::Compare(c), lang) => c.text(lang),
            // --- command line
            (Msg::Cmd(m), lang) => m.text(lang),
            // --- import and the cache
            (Msg::Cache(m), lang) => m.text(lang),
            // --- fetch
            (Msg::FetchFailedLine { url, why }, Zh) => {
                format!("失败  {url}：{}", why.text(Zh)).into()
            }
            (Msg::FetchFailedLine { url, why }, En) => {
                format!("failed  {url}: {}", why.text(En)).into()
            }
            (Msg::FetchSkippedLine { url, why }, Zh) => {
                let why = super::parse::skip_text(why, Zh);
                format!("跳过  {url}：不是本系列的周报：{why}").into()
            }
            (Msg::FetchSkippedLine { url, why }, En) => {
                let why = super::parse::skip_text(why, En);
                format!("skipped {url}: not a bulletin of the series: {why}").into()
            }
            (Msg::FetchAlreadyCached { key }, Zh) => {
                format!("{key} 已完整缓存，未重新获取（--refresh 强制重新获取）").into()
            }
            (Msg::FetchAlreadyCached { key }, En) => {
                format!("{key} is already cached in full; not fetched again (--refresh fetches it)")
                    .into()
            }
            (
                Msg::FetchSummary {
                    pages,
                    new,
                    updated,
                    unchanged,
                    stubs,
                    skipped,
                    failed,
                },
                Zh,
            ) => format!(
                "{pages} 个页面：新增 {new}，更新 {updated}，未变 {unchanged}，\
                 存根 {stubs}，跳过 {skipped}，失败 {failed}"
            )
            .into(),
            (
                Msg::FetchSummary {
                    pages,
                    new,
                    updated,
                    unchanged,
                    stubs,
                    skipped,
                    failed,
                },
                En,
            ) => format!(
                "{}: {new} new, {updated} updated, {unchanged} unchanged, \
                 {stubs} stubs merged, {skipped} skipped, {failed} failed",
                if *pages == 1 {
                    "1 page".to_string()
                } else {
                    format!("{pages} pages")
                }
            )
            .into(),
            (Msg::FetchMoreLeft { left }, Zh) => {
                format!("还有 {left} 期未缓存，超出 --follow 的数目；再运行一次即可接着获取").into()
            }
            (Msg::FetchMoreLeft { left }, En) => format!(
                "{left} more not-cached {} beyond --follow; run the same command again to go on",
                if *left == 1 { "issue" } else { "issues" }
            )
            .into(),
            (Msg::FetchWallAdvice { url, not_tried }, Zh) => format!(
                "微信要求验证（环境异常），已停止获取，另有 {not_tried} 个页面未尝试。\n\
                 请在浏览器中打开 {url}，完成验证，把网页另存为文件（Ctrl+S，“网页，全部”），\n\
                 然后运行：zhoubao import 保存的文件.html；稍后再运行 zhoubao fetch 可接着获取。"
            )
            .into(),
            (Msg::FetchWallAdvice { url, not_tried }, En) => format!(
                "WeChat asks for verification (环境异常): stopped, {not_tried} more {} not tried.\n\
                 Open {url} in a browser, complete the check, save the page (Ctrl+S, \
                 \"Web page, complete\"),\n\
                 then run: zhoubao import saved-page.html; run zhoubao fetch again later to go on.",
                if *not_tried == 1 { "page" } else { "pages" }
            )
            .into(),
            (Msg::FetchProgress { url }, Zh) => format!("正在获取 {url}").into(),
            (Msg::FetchProgress { url }, En) => format!("fetching {url}").into(),
            (Msg::FetchWaiting { host, secs }, Zh) => {
                format!("等待 {secs} 秒再请求 {host}（礼貌间隔）").into()
            }
            (Msg::FetchWaiting { host, secs }, En) => {
                format!("waiting {secs} s before asking {host} again (politeness)").into()
            }
            (Msg::FetchBadUrl { reason }, Zh) => format!("不是 http(s) 网址：{reason}").into(),
            (Msg::FetchBadUrl { reason }, En) => format!("not an http(s) URL: {reason}").into(),
            (Msg::FetchBadProxy { proxy }, Zh) => {
                format!("代理设置 {proxy:?} 不是可用的代理网址（见 HTTPS_PROXY / HTTP_PROXY）")
                    .into()
            }
            (Msg::FetchBadProxy { proxy }, En) => format!(
                "the proxy {proxy:?} is not a usable proxy URL (see HTTPS_PROXY / HTTP_PROXY)"
            )
            .into(),
            (Msg::FetchDns { host }, Zh) => format!("DNS 解析失败：找不到主机 {host}").into(),
            (Msg::FetchDns { host }, En) => format!("DNS failure: cannot find host {host}").into(),
            (Msg::FetchRefused { host }, Zh) => format!("连接被 {host} 拒绝").into(),
            (Msg::FetchRefused { host }, En) => format!("connection refused by {host}").into(),
            (Msg::FetchConnectTimedOut { host, secs }, Zh) => {
                format!("连接 {host} 超时（{secs} 秒）").into()
            }
            (Msg::FetchConnectTimedOut { host, secs }, En) => {
                format!("timed out connecting to {host} ({secs} s)").into()
            }
            (Msg::FetchTimedOut { secs }, Zh) => {
                format!("超时：{secs} 秒内没有收到完整的回应").into()
            }
            (Msg::FetchTimedOut { secs }, En) => {
                format!("timed out: no complete response within {secs} s").into()
            }
            (Msg::FetchNetwork { detail }, Zh) => format!("网络错误：{detail}").into(),
            (Msg::FetchNetwork { detail }, En) => format!("network error: {detail}").into(),
            (Msg::FetchStatus { code, reason }, Zh) => {
                format!("服务器回应 HTTP {code} {reason}").into()
            }
            (Msg::FetchStatus { code, reason }, En) => {
                format!("HTTP status {code} {reason}").into()
            }
            (Msg::FetchNotHtml { content_type }, Zh) => {
                format!("不是网页：服务器发来的是 {content_type}").into()
            }
            (Msg::FetchNotHtml { content_type }, En) => {
                format!("not an HTML page: the server sent {content_type}").into()
            }
            (Msg::FetchTooLarge { limit }, Zh) => {
                format!("页面太大：超过 {} MiB，已停止读取", limit / (1024 * 1024)).into()
            }
            (Msg::FetchTooLarge { limit }, En) => format!(
                "too large: more than {} MiB, stopped reading",
                limit / (1024 * 1024)
            )
            .into(),
            (Msg::FetchRedirectRefused { to }, Zh) => {
                format!("拒绝重定向到 {to}（只跟随 http 和 https）").into()
            }
            (Msg::FetchRedirectRefused { to }, En) => {
                format!("redirect refused: to {to} (only http and https are followed)").into()
            }
            (Msg::FetchRedirectLoop { to }, Zh) => format!("重定向循环：又回到 {to}").into(),
            (Msg::FetchRedirectLoop { to }, En) => format!("redirect loop: back to {to}").into(),
            (Msg::FetchTooManyRedirects { max }, Zh) => format!("重定向超过 {max} 次").into(),
            (Msg::FetchTooManyRedirects { max }, En) => format!("more than {max} redirects").into(),
            (Msg::FetchWall, Zh) => "微信要求验证（环境异常）：页面要人来完成验证".into(),
            (Msg::FetchWall, En) => {
                "WeChat's verification wall (环境异常): the page asks a person to verify".into()
            }
            (Msg::FetchCancelled, Zh) => "已取消".into(),
            (Msg::FetchCancelled, En) => "cancelled".into(),
            (Msg::FetchUnreadable { detail }, Zh) => format!("无法读取页面：{detail}").into(),
            (Msg::FetchUnreadable { detail }, En) => format!("unreadable page: {detail}").into(),
            (Msg::FetchStoreFailed { detail }, Zh) => format!("无法写入缓存：{detail}").into(),
            (Msg::FetchStoreFailed { detail }, En) => {
                format!("cannot store the page: {detail}").into()
            }
            (Msg::FetchTuiRunning { what }, Zh) => format!("正在获取 {what}（Esc 取消）").into(),
            (Msg::FetchTuiRunning { what }, En) => format!("fetching {what} (Esc cancels)").into(),
            (Msg::FetchTuiWaiting { what, secs }, Zh) => {
                format!("{what}：等待 {secs} 秒再请求（礼貌间隔，Esc 取消）").into()
            }
            (Msg::FetchTuiWaiting { what, secs }, En) => {
                format!("fetching {what}: waiting {secs} s (politeness; Esc cancels)").into()
            }
            (Msg::FetchTuiStored { key, outcome }, Zh) => format!(
                "已获取 {key}（{}）",
                match outcome {
                    ImportOutcome::New => "新",
                    ImportOutcome::Updated => "已更新",
                    ImportOutcome::Unchanged => "无变化",
                    ImportOutcome::StubMerged => "只有标题",
                }
            )
            .into(),
            (Msg::FetchTuiStored { key, outcome }, En) => format!(
                "fetched {key} ({})",
                match outcome {
                    ImportOutcome::New => "new",
                    ImportOutcome::Updated => "updated",
                    ImportOutcome::Unchanged => "unchanged",
                    ImportOutcome::StubMerged => "title only",
                }
            )
            .into(),
            (Msg::FetchTuiFailed { what, why }, Zh) => {
                format!("获取 {what} 失败：{}", why.text(Zh)).into()
            }
            (Msg::FetchTuiFailed { what, why }, En) => {
                format!("cannot fetch {what}: {}", why.text(En)).into()
            }
            (Msg::FetchTuiSkipped { what, why }, Zh) => {
                let why = super::parse::skip_text(why, Zh);
                format!("{what} 的页面不是本系列的周报：{why}").into()
            }
            (Msg::FetchTuiSkipped { what, why }, En) => {
                let why = super::parse::skip_text(why, En);
                format!("the page of {what} is not a bulletin of the series: {why}").into()
            }
            (Msg::FetchTuiWall { what }, Zh) => {
                format!("微信要求验证：按 o 在浏览器中打开 {what}，保存网页后 zhoubao import")
                    .into()
            }
            (Msg::FetchTuiWall { what }, En) => format!(
                "WeChat wants verification: o opens {what}; save the page, then zhoubao import"
            )
            .into(),
            (Msg::FetchTuiCached { key }, Zh) => format!("{key} 已完整缓存，无需获取").into(),
            (Msg::FetchTuiCached { key }, En) => {
                format!("{key} is already cached in full: nothing to fetch").into()
            }
            (Msg::FetchTuiNoUrl { what }, Zh) => format!("不知道 {what} 的网址，无法获取").into(),
            (Msg::FetchTuiNoUrl { what }, En) => {
                format!("no URL is known for {what}: nothing to fetch").into()
            }
            (Msg::FetchTuiBusy { what }, Zh) => format!("正在获取 {what}，请稍候；Esc 取消").into(),
            (Msg::FetchTuiBusy { what }, En) => {
                format!("still fetching {what}; Esc cancels it").into()
            }
            (Msg::FetchTuiCancelled { what }, Zh) => format!("已取消获取 {what}").into(),
            (Msg::FetchTuiCancelled { what }, En) => format!("fetch of {what} cancelled").into(),
            (Msg::FetchTuiDemo, Zh) => "演示模式不联网：F 只在真正的缓存里可用".into(),
            (Msg::FetchTuiDemo, En) => {
                "--demo never touches the network: F works on a real cache".into()
            }
            (Msg::FetchTuiLost, Zh) => "获取意外中止，什么也没有保存".into(),
            (Msg::FetchTuiLost, En) => "the fetch stopped unexpectedly; nothing was stored".into(),
            // --- TUI
            (Msg::Tui(m), lang) => m.text(lang),
            (Msg::Help(h), lang) => h.text(lang).into(),
            // --- config
            (Msg::Config(m), lang) => m.text(lang),
        }
    }

    /// One of each message, for the test that checks both languages exist.
    #[cfg(test)]
    pub(super) fn samples() -> Vec<Msg> {
        vec![
            // --- counts
            Msg::Issues(0),
            Msg::Issues(1),
            Msg::Files(1),
            Msg::Files(2),
            // --- command line

            // --- import and the cache

            // --- fetch
            Msg::FetchFailedLine {
                url: "https://mp.weixin.qq.com/s?mid=1".into(),
                why: Box::new(Msg::FetchWall),
            },
            Msg::FetchSkippedLine {
                url: "http://127.0.0.1/x".into(),
                why: crate::model::Skip::NoTitle,
            },
            Msg::FetchAlreadyCached {
                key: "2024-17".into(),
            },
            Msg::FetchSummary {
                pages: 1,
                new: 1,
                updated: 0,
                unchanged: 0,
                stubs: 0,
                skipped: 0,
                failed: 0,
            },
            Msg::FetchMoreLeft { left: 1 },
            Msg::FetchMoreLeft { left: 3 },
            Msg::FetchWallAdvice {
                url: "https://mp.weixin.qq.com/s?mid=1".into(),
                not_tried: 4,
            },
            Msg::FetchProgress {
                url: "https://mp.weixin.qq.com/s?mid=1".into(),
            },
            Msg::FetchWaiting {
                host: "mp.weixin.qq.com".into(),
                secs: "0.8".into(),
            },
            Msg::FetchBadUrl {
                reason: "file:///etc/passwd".into(),
            },
            Msg::FetchBadProxy { proxy: "::".into() },
            Msg::FetchDns {
                host: "mp.weixin.qq.com".into(),
            },
            Msg::FetchRefused {
                host: "127.0.0.1".into(),
            },
            Msg::FetchConnectTimedOut {
                host: "mp.weixin.qq.com".into(),
                secs: "10".into(),
            },
            Msg::FetchTimedOut { secs: "30".into() },
            Msg::FetchNetwork {
                detail: "connection reset".into(),
            },
            Msg::FetchStatus {
                code: 404,
                reason: "Not Found".into(),
            },
            Msg::FetchNotHtml {
                content_type: "image/png".into(),
            },
            Msg::FetchTooLarge {
                limit: 16 * 1024 * 1024,
            },
            Msg::FetchRedirectRefused {
                to: "file:///etc/passwd".into(),
            },
            Msg::FetchRedirectLoop {
                to: "http://127.0.0.1/loop".into(),
            },
            Msg::FetchTooManyRedirects { max: 5 },
            Msg::FetchWall,
            Msg::FetchCancelled,
            Msg::FetchUnreadable {
                detail: "binary data, not a text file".into(),
            },
            Msg::FetchStoreFailed {
                detail: "the cache is busy".into(),
            },
            Msg::FetchTuiRunning {
                what: "2024-15".into(),
            },
            Msg::FetchTuiWaiting {
                what: "2024-15".into(),
                secs: "1".into(),
            },
            Msg::FetchTuiStored {
                key: "2024-15".into(),
                outcome: ImportOutcome::New,
            },
            Msg::FetchTuiStored {
                key: "2024-15".into(),
                outcome: ImportOutcome::Updated,
            },
            Msg::FetchTuiStored {
                key: "2024-15".into(),
                outcome: ImportOutcome::Unchanged,
            },
            Msg::FetchTuiStored {
                key: "2024-15".into(),
                outcome: ImportOutcome::StubMerged,
            },
            Msg::FetchTuiFailed {
                what: "2024-15".into(),
                why: Box::new(Msg::FetchStatus {
                    code: 404,
                    reason: "Not Found".into(),
                }),
            },
            Msg::FetchTuiSkipped {
                what: "2024-15".into(),
                why: crate::model::Skip::NoTitle,
            },
            Msg::FetchTuiWall {
                what: "2024-15".into(),
            },
            Msg::FetchTuiCached {
                key: "2024-16".into(),
            },
            Msg::FetchTuiNoUrl {
                what: "2024-14".into(),
            },
            Msg::FetchTuiBusy {
                what: "2024-15".into(),
            },
            Msg::FetchTuiCancelled {
                what: "2024-15".into(),
            },
            Msg::FetchTuiDemo,
            Msg::FetchTuiLost,
            // --- TUI
            Msg::Help(Help::Quit),
        ]
        .into_iter()
        .chain(Tui::samples().into_iter().map(Msg::Tui))
        .chain(Help::ALL.iter().map(|&h| Msg::Help(h)))
        .chain(Cmd::samples().into_iter().map(Msg::Cmd))
        .chain(Cache::samples().into_iter().map(Msg::Cache))
        .chain(super::Os::samples().into_iter().map(Msg::Os))
        .chain(super::ConfigMsg::samples().into_iter().map(Msg::Config))
        .chain(super::Compare::samples().into_iter().map(Msg::Compare))
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_counts_are_singular_for_one() {
        assert_eq!(Msg::Files(1).text(Lang::En), "1 file");
        assert_eq!(Msg::Files(0).text(Lang::En), "0 files");
        assert_eq!(Msg::Issues(140).text(Lang::Zh), "140 期");
    }
}
