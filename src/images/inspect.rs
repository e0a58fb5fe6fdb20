//! What a downloaded file is, decided before it is kept: the type by its
//! magic bytes (never by the server's `Content-Type`), that it is whole (a
//! format's closing bytes are there), and its width and height read from
//! its header by the `image` crate's decoders, which read the header
//! only: a picture too large is refused before anything is allocated for
//! its pixels.

use std::io::Cursor;

use super::error::ImageError;
use super::kind::ImageKind;

/// The largest width and height kept (and shown): a bulletin's chart is
/// about a thousand pixels wide.
pub const MAX_SIDE: u32 = 8192;

/// A file that passed every check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inspected {
    pub kind: ImageKind,
    pub width: u32,
    pub height: u32,
}

/// The type, wholeness and size of `bytes`, or why they are not a picture
/// to keep.
pub fn inspect(bytes: &[u8]) -> Result<Inspected, ImageError> {
    let kind = sniff(bytes)?;
    check_whole(kind, bytes)?;
    let (width, height) = header_size(kind, bytes)?;
    if width == 0 || height == 0 {
        return Err(ImageError::Unreadable {
            kind: kind.label().into(),
            detail: format!("{width}×{height}"),
        });
    }
    if width > MAX_SIDE || height > MAX_SIDE {
        return Err(ImageError::TooManyPixels {
            width,
            height,
            max: MAX_SIDE,
        });
    }
    Ok(Inspected {
        kind,
        width,
        height,
    })
}

/// The type by the first bytes.
pub fn sniff(bytes: &[u8]) -> Result<ImageKind, ImageError> {
    if bytes.is_empty() {
        return Err(ImageError::Empty);
    }
    if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(ImageKind::Png);
    }
    if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(ImageKind::Jpeg);
    }
    if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        return Ok(ImageKind::Gif);
    }
    if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        return Ok(ImageKind::Webp);
    }
    if looks_like_markup(bytes) {
        return Err(ImageError::Html);
    }
    Err(ImageError::NotAnImage {
        start: bytes
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(" "),
    })
}

/// A web page or an XML document (an error page, a login wall): after an
/// optional BOM and blanks, `<`.
fn looks_like_markup(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    bytes
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .is_some_and(|&b| b == b'<')
}

/// Whether the format's closing bytes are there: a transfer cut short
/// ends without them. Trailing zero bytes (padding some servers add) are
/// not part of the check.
fn check_whole(kind: ImageKind, bytes: &[u8]) -> Result<(), ImageError> {
    let end = bytes.len() - bytes.iter().rev().take_while(|&&b| b == 0).count();
    let trimmed = &bytes[..end];
    let whole = match kind {
        // The IEND chunk: length 0, type, CRC.
        ImageKind::Png => bytes.ends_with(b"\0\0\0\0IEND\xAE\x42\x60\x82"),
        // End of image.
        ImageKind::Jpeg => trimmed.ends_with(&[0xFF, 0xD9]),
        // The trailer.
        ImageKind::Gif => trimmed.ends_with(&[0x3B]),
        // The RIFF size covers the rest of the file.
        ImageKind::Webp => {
            let size = u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]);
            (size as usize).saturating_add(8) <= bytes.len()
        }
    };
    if whole {
        Ok(())
    } else {
        Err(ImageError::Truncated {
            kind: kind.label().into(),
        })
    }
}

/// Headers are read with no limit on the sides (so the refusal can say
/// how large the picture claims to be) but a small one on allocations:
/// reading a header needs little.
const HEADER_ALLOC: u64 = 4 * 1024 * 1024;

/// Width and height from the header, nothing decoded.
pub(super) fn header_size(kind: ImageKind, bytes: &[u8]) -> Result<(u32, u32), ImageError> {
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), kind.format());
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(HEADER_ALLOC);
    reader.limits(limits);
    reader
        .into_dimensions()
        .map_err(|e| ImageError::from_decoder(kind, &e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::samples::*;

    #[test]
    fn each_kept_format_is_known_by_its_bytes_with_its_size() {
        for (bytes, kind, w, h) in [
            (png(3, 2), ImageKind::Png, 3, 2),
            (jpeg(16, 8), ImageKind::Jpeg, 16, 8),
            (gif(5, 4), ImageKind::Gif, 5, 4),
            (webp(7, 3), ImageKind::Webp, 7, 3),
        ] {
            assert_eq!(
                inspect(&bytes),
                Ok(Inspected {
                    kind,
                    width: w,
                    height: h
                }),
                "{kind:?}"
            );
        }
    }

    #[test]
    fn an_empty_file_a_web_page_and_other_bytes_are_refused_by_content() {
        assert_eq!(inspect(b""), Err(ImageError::Empty));
        for page in [
            &b"<!DOCTYPE html><html><body>\xe6\x9c\xaa\xe7\xbb\x8f\xe5\x85\x81\xe8\xae\xb8</body></html>"[..],
            b"\xEF\xBB\xBF\n  <html>",
            b"<?xml version=\"1.0\"?><svg/>",
        ] {
            assert_eq!(inspect(page), Err(ImageError::Html));
        }
        assert_eq!(
            inspect(b"BM\x36\0\0\0\0\0\0\0"),
            Err(ImageError::NotAnImage {
                start: "42 4d 36 00 00 00 00 00".into()
            })
        );
    }

    #[test]
    fn a_file_cut_short_is_truncated_whatever_its_format() {
        for (bytes, label) in [
            (png(40, 40), "PNG"),
            (jpeg(40, 40), "JPEG"),
            (gif(40, 40), "GIF"),
            (webp(40, 40), "WebP"),
        ] {
            let cut = &bytes[..bytes.len() * 2 / 3];
            assert_eq!(
                inspect(cut),
                Err(ImageError::Truncated { kind: label.into() }),
                "{label}"
            );
        }
        // Only the first bytes: the magic and no more.
        assert!(matches!(
            inspect(b"\x89PNG\r\n\x1a\n"),
            Err(ImageError::Truncated { .. })
        ));
    }

    #[test]
    fn a_giant_header_is_refused_with_the_size_it_claims() {
        assert_eq!(
            inspect(&png_header_claiming(100_000, 100_000)),
            Err(ImageError::TooManyPixels {
                width: 100_000,
                height: 100_000,
                max: MAX_SIDE
            })
        );
        assert_eq!(
            inspect(&png_header_claiming(MAX_SIDE + 1, 10)),
            Err(ImageError::TooManyPixels {
                width: MAX_SIDE + 1,
                height: 10,
                max: MAX_SIDE
            })
        );
    }

    #[test]
    fn a_whole_file_with_a_broken_header_is_unreadable() {
        let mut bytes = png(4, 4);
        // The IHDR's CRC no longer matches.
        bytes[20] ^= 0xFF;
        assert!(matches!(
            inspect(&bytes),
            Err(ImageError::Unreadable { .. })
        ));
    }
}
