//! Why an image is not in the cache, or cannot be shown: one variant per
//! reason a user can tell apart, each worded here in both languages. A
//! failure is kept in the cache in these words (both languages), so
//! `zhoubao images` says why long after the attempt.

use std::borrow::Cow;

use super::kind::ImageKind;
use crate::fetch::FetchError;
use crate::i18n::{english_display, Lang, Localized};

/// What went wrong with one image; its words are below ([`Localized`]),
/// `Display` their English.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImageError {
    /// Not an http(s) address: nothing to ask for.
    BadAddress {
        url: String,
    },
    /// The download failed (the network's reason).
    Fetch(FetchError),
    /// More than the per-image limit of bytes.
    TooLarge {
        limit: usize,
    },
    Empty,
    /// A web page served as an image (an error or a login page).
    Html,
    /// Bytes of no format kept; `start` is their first bytes in hex.
    NotAnImage {
        start: String,
    },
    /// The format's closing bytes are missing: the transfer was cut short.
    Truncated {
        kind: String,
    },
    /// Larger than [`super::inspect::MAX_SIDE`] on a side, by its header.
    TooManyPixels {
        width: u32,
        height: u32,
        max: u32,
    },
    /// The header (or, when shown, the picture) could not be read.
    Unreadable {
        kind: String,
        detail: String,
    },
    /// Not downloaded yet.
    NotCached,
    /// Decoded, but the terminal's protocol could not encode it.
    CannotDraw {
        detail: String,
    },
}

english_display!(ImageError);

impl ImageError {
    /// The `image` crate's reason for `kind`, sanitized to one line.
    pub(crate) fn from_decoder(kind: ImageKind, e: &image::ImageError) -> ImageError {
        ImageError::Unreadable {
            kind: kind.label().into(),
            detail: crate::sanitize::line(&e.to_string()),
        }
    }

    /// A download's failure: the size cap gets an image's words.
    pub(crate) fn from_fetch(e: FetchError) -> ImageError {
        match e {
            FetchError::TooLarge { limit } => ImageError::TooLarge { limit },
            e => ImageError::Fetch(e),
        }
    }
}

impl Localized for ImageError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use ImageError::*;
        use Lang::{En, Zh};
        let mib = |n: &usize| n / (1024 * 1024);
        match (self, lang) {
            (BadAddress { url }, Zh) => format!("不是 http(s) 图片地址：{url}").into(),
            (BadAddress { url }, En) => format!("not an http(s) image address: {url}").into(),
            (Fetch(e), Zh) => format!("下载失败：{}", e.text(Zh)).into(),
            (Fetch(e), En) => format!("download failed: {}", e.text(En)).into(),
            (TooLarge { limit }, Zh) => {
                format!("图片太大：超过 {} MiB，已停止读取", mib(limit)).into()
            }
            (TooLarge { limit }, En) => {
                format!("too large: more than {} MiB, stopped reading", mib(limit)).into()
            }
            (Empty, Zh) => "服务器发来的文件是空的".into(),
            (Empty, En) => "the server sent an empty file".into(),
            (Html, Zh) => "不是图片：服务器发来的是网页".into(),
            (Html, En) => "not an image: the server sent a web page".into(),
            (NotAnImage { start }, Zh) => {
                format!("不是 PNG、JPEG、GIF 或 WebP 图片（开头是 {start}）").into()
            }
            (NotAnImage { start }, En) => {
                format!("not a PNG, JPEG, GIF or WebP image (it starts {start})").into()
            }
            (Truncated { kind }, Zh) => format!("{kind} 文件不完整：传输中途被截断").into(),
            (Truncated { kind }, En) => {
                format!("incomplete {kind} file: the transfer was cut short").into()
            }
            (TooManyPixels { width, height, max }, Zh) => {
                format!("像素太多：{width}×{height}，每边最多 {max}").into()
            }
            (TooManyPixels { width, height, max }, En) => {
                format!("too many pixels: {width}×{height}, at most {max} a side").into()
            }
            (Unreadable { kind, detail }, Zh) => format!("无法读取 {kind} 图片：{detail}").into(),
            (Unreadable { kind, detail }, En) => {
                format!("unreadable {kind} image: {detail}").into()
            }
            (NotCached, Zh) => "还没有下载".into(),
            (NotCached, En) => "not downloaded yet".into(),
            (CannotDraw { detail }, Zh) => format!("无法在这个终端里画出图片：{detail}").into(),
            (CannotDraw { detail }, En) => {
                format!("cannot draw the image in this terminal: {detail}").into()
            }
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<ImageError> {
        use ImageError::*;
        vec![
            BadAddress {
                url: "data:image/png".into(),
            },
            Fetch(FetchError::Status {
                code: 404,
                reason: "Not Found".into(),
            }),
            TooLarge {
                limit: 10 * 1024 * 1024,
            },
            Empty,
            Html,
            NotAnImage {
                start: "42 4d".into(),
            },
            Truncated { kind: "PNG".into() },
            TooManyPixels {
                width: 100_000,
                height: 100_000,
                max: 8192,
            },
            Unreadable {
                kind: "JPEG".into(),
                detail: "Format error".into(),
            },
            NotCached,
            CannotDraw {
                detail: "Sixel error".into(),
            },
        ]
    }
}

/// A failure's words as the cache keeps them, in both languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub zh: String,
    pub en: String,
}

impl Reason {
    pub fn of(e: &ImageError) -> Reason {
        Reason {
            zh: e.text(Lang::Zh).into_owned(),
            en: e.text(Lang::En).into_owned(),
        }
    }
}

impl Localized for Reason {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        match lang {
            Lang::Zh => self.zh.clone().into(),
            Lang::En => self.en.clone().into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<Reason> {
        vec![Reason::of(&ImageError::Html)]
    }
}
