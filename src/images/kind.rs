//! The picture formats kept (what WeChat's CDN serves) and their names:
//! apart from inspect.rs, which decides a file's kind, so that the error
//! type can name a kind without the two files needing each other.

/// The formats kept: what WeChat's CDN serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    Png,
    Jpeg,
    Gif,
    Webp,
}

impl ImageKind {
    /// The name kept in the cache, and the file extension `--save` uses.
    pub fn as_str(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Jpeg => "jpeg",
            ImageKind::Gif => "gif",
            ImageKind::Webp => "webp",
        }
    }

    pub fn from_name(name: &str) -> Option<ImageKind> {
        match name {
            "png" => Some(ImageKind::Png),
            "jpeg" => Some(ImageKind::Jpeg),
            "gif" => Some(ImageKind::Gif),
            "webp" => Some(ImageKind::Webp),
            _ => None,
        }
    }

    /// The file extension: `.jpg` is what people expect of a JPEG.
    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Jpeg => "jpg",
            other => other.as_str(),
        }
    }

    /// As users name it: `PNG`, `JPEG` …
    pub fn label(self) -> &'static str {
        match self {
            ImageKind::Png => "PNG",
            ImageKind::Jpeg => "JPEG",
            ImageKind::Gif => "GIF",
            ImageKind::Webp => "WebP",
        }
    }

    pub(super) fn format(self) -> image::ImageFormat {
        match self {
            ImageKind::Png => image::ImageFormat::Png,
            ImageKind::Jpeg => image::ImageFormat::Jpeg,
            ImageKind::Gif => image::ImageFormat::Gif,
            ImageKind::Webp => image::ImageFormat::WebP,
        }
    }
}
