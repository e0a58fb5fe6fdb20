//! The words of the bulletins' pictures, in both languages side by side:
//! `zhoubao images`, the pictures `fetch` downloads, what `recover` kept,
//! and the image view's own lines. Why a picture is missing is
//! `ImageError`'s words (images/error.rs), quoted here as a [`Msg`].

use std::borrow::Cow;

use super::{Lang, Msg};

/// Something said about pictures. URLs and quoted text are held already
/// sanitized, as one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Images {
    /// `zhoubao images KEY`'s first line.
    Heading {
        key: String,
        title: String,
        images: usize,
    },
    /// An issue the cache holds whose shown copy has no pictures.
    NoImages {
        key: String,
    },
    /// An issue known only by reference or by a stub: no pictures known.
    NotHeld {
        key: String,
    },
    /// A cached picture: `PNG 1080×608, 45 KiB`.
    Cached {
        kind: String,
        width: u32,
        height: u32,
        bytes: u64,
    },
    /// Not downloaded yet.
    Missing,
    /// A download that failed, and why (another message).
    Failed {
        why: Box<Msg>,
    },
    /// What to run to get the missing (or failed) pictures.
    FetchHint {
        key: String,
    },
    /// The progress line: a picture being downloaded.
    Progress {
        url: String,
    },
    /// The end of a download of pictures.
    Summary {
        images: usize,
        stored: usize,
        cached: usize,
        failed: usize,
    },
    /// Many pictures that failed alike: the reason once, with the count.
    FailedMany {
        images: usize,
        why: Box<Msg>,
    },
    /// After failures told by reason: where each is named.
    WhichFailed,
    /// Pictures that failed before and were not asked for again.
    NotRetried {
        images: usize,
    },
    /// The cache refused a write: the download stopped.
    Stopped {
        why: Box<Msg>,
    },
    /// `--save`: one file written.
    Saved {
        path: String,
    },
    /// `--save`: a file is there already and is left as it is.
    SaveExists {
        path: String,
    },
    /// `--save`: a file could not be written.
    SaveFailed {
        path: String,
        why: Box<Msg>,
    },
    /// `--save`: no picture of the issue is cached.
    SaveNothing {
        key: String,
    },
    /// `recover`: pictures copied to the new cache, and those lost.
    RecoverKept {
        images: usize,
        lost: usize,
    },
    /// The image view: a picture being drawn for the terminal.
    Drawing,
    /// The image view: which picture of how many (`2/5`).
    Position {
        at: usize,
        of: usize,
    },
    /// The image view of an issue without pictures.
    ViewEmpty,
    /// The image view in place of a picture not downloaded: the key that
    /// downloads the issue's missing ones, and how many there are.
    ViewFetchHint {
        fetch: String,
        missing: usize,
    },
    /// `i` with no issue shown.
    ViewNoIssue,
    /// `→` on the last picture, `←` on the first.
    ViewLast,
    ViewFirst,
    /// A digit past the issue's pictures.
    ViewNoSuch {
        n: u8,
        of: usize,
    },
    /// The detail pane's line of a picture: its number.
    Number {
        n: usize,
    },
    /// The detail pane's marks of a picture's state.
    MarkCached,
    MarkFailed,
    MarkBadAddress,
    /// `F` in the image view: every picture of the issue is downloaded.
    TuiNothingMissing {
        key: String,
    },
    /// `F` in the image view, done: how many were downloaded and failed.
    TuiDone {
        key: String,
        stored: usize,
        failed: usize,
    },
    /// Esc while the image view's `F` downloads.
    TuiCancelled {
        key: String,
    },
}

impl From<Images> for Msg {
    fn from(m: Images) -> Msg {
        Msg::Images(m)
    }
}

/// `45 KiB`, `1.2 MiB`: a size as people read it.
fn size(bytes: u64) -> String {
    const KIB: u64 = 1024;
    match bytes {
        b if b < KIB => format!("{b} B"),
        b if b < KIB * KIB => format!("{} KiB", b.div_ceil(KIB)),
        b => format!("{:.1} MiB", b as f64 / (KIB * KIB) as f64),
    }
}

impl Images {
    pub fn text(&self, lang: Lang) -> Cow<'static, str> {
        use Images::*;
        use Lang::{En, Zh};
        let plural = |n: usize, one: &str, many: &str| {
            if n == 1 {
                format!("1 {one}")
            } else {
                format!("{n} {many}")
            }
        };
        match (self, lang) {
            (Heading { key, title, images }, Zh) => {
                format!("{key} {title}：{images} 张图片").into()
            }
            (Heading { key, title, images }, En) => {
                format!("{key} {title}: {}", plural(*images, "image", "images")).into()
            }
            (NoImages { key }, Zh) => format!("{key} 的正文里没有图片").into(),
            (NoImages { key }, En) => format!("{key} shows no images in its body").into(),
            (NotHeld { key }, Zh) => {
                format!("{key} 没有完整缓存，不知道它的图片（先用 zhoubao fetch 获取这一期）")
                    .into()
            }
            (NotHeld { key }, En) => format!(
                "{key} is not cached in full, so its images are not known \
                 (get the issue with zhoubao fetch first)"
            )
            .into(),
            (
                Cached {
                    kind,
                    width,
                    height,
                    bytes,
                },
                Zh,
            ) => format!("{kind} {width}×{height}，{}", size(*bytes)).into(),
            (
                Cached {
                    kind,
                    width,
                    height,
                    bytes,
                },
                En,
            ) => format!("{kind} {width}×{height}, {}", size(*bytes)).into(),
            (Missing, Zh) => "未下载".into(),
            (Missing, En) => "not downloaded".into(),
            (Failed { why }, Zh) => format!("没有保存：{}", why.text(Zh)).into(),
            (Failed { why }, En) => format!("failed: {}", why.text(En)).into(),
            (FetchHint { key }, Zh) => {
                format!("zhoubao images {key} --fetch 下载缺少的图片（也重试失败的）").into()
            }
            (FetchHint { key }, En) => format!(
                "zhoubao images {key} --fetch downloads the missing ones (and retries failures)"
            )
            .into(),
            (Progress { url }, Zh) => format!("下载图片 {url}").into(),
            (Progress { url }, En) => format!("image {url}").into(),
            (
                Summary {
                    images,
                    stored,
                    cached,
                    failed,
                },
                Zh,
            ) => format!("{images} 张图片：新下载 {stored}，已缓存 {cached}，失败 {failed}").into(),
            (
                Summary {
                    images,
                    stored,
                    cached,
                    failed,
                },
                En,
            ) => format!(
                "{}: {stored} downloaded, {cached} already cached, {failed} failed",
                plural(*images, "image", "images")
            )
            .into(),
            (FailedMany { images, why }, Zh) => {
                format!("失败  {images} 张图片：{}", why.text(Zh)).into()
            }
            (FailedMany { images, why }, En) => format!(
                "failed  {}: {}",
                plural(*images, "image", "images"),
                why.text(En)
            )
            .into(),
            (WhichFailed, Zh) => "zhoubao images KEY 列出哪些失败了、为什么".into(),
            (WhichFailed, En) => "zhoubao images KEY says which failed, and why".into(),
            (NotRetried { images }, Zh) => format!(
                "之前下载失败的 {images} 张图片没有重试（zhoubao images KEY --fetch 会重试）"
            )
            .into(),
            (NotRetried { images }, En) => format!(
                "{} failed before {} not asked for again (zhoubao images KEY --fetch asks again)",
                plural(*images, "image that", "images that"),
                if *images == 1 { "was" } else { "were" }
            )
            .into(),
            (Stopped { why }, Zh) => format!("图片下载已停止：{}", why.text(Zh)).into(),
            (Stopped { why }, En) => format!("stopped downloading images: {}", why.text(En)).into(),
            (Saved { path }, Zh) => format!("已写入 {path}").into(),
            (Saved { path }, En) => format!("wrote {path}").into(),
            (SaveExists { path }, Zh) => format!("{path} 已存在，未覆盖").into(),
            (SaveExists { path }, En) => format!("{path} exists already; left as it is").into(),
            (SaveFailed { path, why }, Zh) => format!("无法写入 {path}：{}", why.text(Zh)).into(),
            (SaveFailed { path, why }, En) => {
                format!("cannot write {path}: {}", why.text(En)).into()
            }
            (SaveNothing { key }, Zh) => {
                format!("{key} 没有已缓存的图片可写（先用 --fetch 下载）").into()
            }
            (SaveNothing { key }, En) => {
                format!("{key} has no cached image to write (download them with --fetch)").into()
            }
            (RecoverKept { images, lost: 0 }, Zh) => format!("保留了 {images} 张缓存的图片").into(),
            (RecoverKept { images, lost: 0 }, En) => {
                format!("kept {}", plural(*images, "cached image", "cached images")).into()
            }
            (RecoverKept { images, lost }, Zh) => {
                format!("保留了 {images} 张缓存的图片；{lost} 张已损坏，未保留").into()
            }
            (RecoverKept { images, lost }, En) => format!(
                "kept {}; {lost} damaged, not kept",
                plural(*images, "cached image", "cached images")
            )
            .into(),
            (Drawing, Zh) => "正在绘制图片…".into(),
            (Drawing, En) => "drawing the image…".into(),
            (Position { at, of }, Zh) => format!("图 {at}/{of}").into(),
            (Position { at, of }, En) => format!("image {at}/{of}").into(),
            (ViewEmpty, Zh) => "这一期没有图片".into(),
            (ViewEmpty, En) => "this issue has no images".into(),
            (ViewFetchHint { fetch, missing }, Zh) => {
                format!("按 {fetch} 下载这一期缺少的 {missing} 张图片").into()
            }
            (ViewFetchHint { fetch, missing }, En) => format!(
                "{fetch} downloads this issue's {}",
                plural(*missing, "missing image", "missing images")
            )
            .into(),
            (ViewNoIssue, Zh) => "没有显示中的一期，没有图片可看".into(),
            (ViewNoIssue, En) => "no issue is shown, so no images to see".into(),
            (ViewLast, Zh) => "已是这一期的最后一张图".into(),
            (ViewLast, En) => "this is the issue's last image".into(),
            (ViewFirst, Zh) => "已是这一期的第一张图".into(),
            (ViewFirst, En) => "this is the issue's first image".into(),
            (ViewNoSuch { n, of }, Zh) => format!("没有图 {n}：这一期有 {of} 张图").into(),
            (ViewNoSuch { n, of }, En) => format!(
                "no image {n}: this issue has {}",
                plural(*of, "image", "images")
            )
            .into(),
            (Number { n }, Zh) => format!("图{n}").into(),
            (Number { n }, En) => format!("image {n}").into(),
            (MarkCached, Zh) => "已下载".into(),
            (MarkCached, En) => "downloaded".into(),
            (MarkFailed, Zh) => "下载失败".into(),
            (MarkFailed, En) => "download failed".into(),
            (MarkBadAddress, Zh) => "不是网址".into(),
            (MarkBadAddress, En) => "not a web address".into(),
            (TuiNothingMissing { key }, Zh) => format!("{key} 的图片都已下载").into(),
            (TuiNothingMissing { key }, En) => format!("{key}'s images are all downloaded").into(),
            (
                TuiDone {
                    key,
                    stored,
                    failed: 0,
                },
                Zh,
            ) => format!("已下载 {key} 的 {stored} 张图片").into(),
            (
                TuiDone {
                    key,
                    stored,
                    failed: 0,
                },
                En,
            ) => format!(
                "downloaded {}",
                plural(
                    *stored,
                    &format!("image of {key}"),
                    &format!("images of {key}")
                )
            )
            .into(),
            (
                TuiDone {
                    key,
                    stored,
                    failed,
                },
                Zh,
            ) => {
                format!("{key} 的图片：新下载 {stored}，失败 {failed}（图片视图里写着原因）").into()
            }
            (
                TuiDone {
                    key,
                    stored,
                    failed,
                },
                En,
            ) => format!(
                "{key}'s images: {stored} downloaded, {failed} failed (the image view says why)"
            )
            .into(),
            (TuiCancelled { key }, Zh) => format!("已取消下载 {key} 的图片").into(),
            (TuiCancelled { key }, En) => format!("download of {key}'s images cancelled").into(),
        }
    }

    #[cfg(test)]
    pub(super) fn samples() -> Vec<Images> {
        use super::Os;
        use Images::*;
        let why = || Box::new(Msg::Os(Os::PermissionDenied));
        vec![
            Heading {
                key: "2024-17".into(),
                title: "网络安全信息与动态周报2024年第17期".into(),
                images: 5,
            },
            Heading {
                key: "2024-17".into(),
                title: "周报".into(),
                images: 1,
            },
            NoImages {
                key: "2024-17".into(),
            },
            NotHeld {
                key: "2024-17".into(),
            },
            Cached {
                kind: "PNG".into(),
                width: 1080,
                height: 608,
                bytes: 46_000,
            },
            Missing,
            Failed { why: why() },
            FetchHint {
                key: "2024-17".into(),
            },
            Progress {
                url: "https://mmbiz.qpic.cn/a/640".into(),
            },
            Summary {
                images: 5,
                stored: 3,
                cached: 1,
                failed: 1,
            },
            FailedMany {
                images: 9,
                why: why(),
            },
            WhichFailed,
            NotRetried { images: 1 },
            NotRetried { images: 2 },
            Stopped { why: why() },
            Saved {
                path: "out/2024-17_1.png".into(),
            },
            SaveExists {
                path: "out/2024-17_1.png".into(),
            },
            SaveFailed {
                path: "out/2024-17_1.png".into(),
                why: why(),
            },
            SaveNothing {
                key: "2024-17".into(),
            },
            RecoverKept { images: 3, lost: 0 },
            RecoverKept { images: 3, lost: 1 },
            Drawing,
            Position { at: 2, of: 5 },
            ViewEmpty,
            ViewFetchHint {
                fetch: "F".into(),
                missing: 1,
            },
            ViewFetchHint {
                fetch: "F".into(),
                missing: 3,
            },
            ViewNoIssue,
            ViewLast,
            ViewFirst,
            ViewNoSuch { n: 7, of: 5 },
            ViewNoSuch { n: 2, of: 1 },
            Number { n: 2 },
            MarkCached,
            MarkFailed,
            MarkBadAddress,
            TuiNothingMissing {
                key: "2024-17".into(),
            },
            TuiDone {
                key: "2024-17".into(),
                stored: 1,
                failed: 0,
            },
            TuiDone {
                key: "2024-17".into(),
                stored: 4,
                failed: 0,
            },
            TuiDone {
                key: "2024-17".into(),
                stored: 4,
                failed: 1,
            },
            TuiCancelled {
                key: "2024-17".into(),
            },
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_as_people_read_them() {
        assert_eq!(size(512), "512 B");
        assert_eq!(size(46_000), "45 KiB");
        assert_eq!(size(3 * 1024 * 1024 + 200 * 1024), "3.2 MiB");
    }
}
