//! Cached bytes → a picture in memory, bounded: the decoder is given
//! `image::Limits` (sides and the one allocation it may make), so no file
//! makes it allocate more than the largest picture the cache accepts.

use std::io::Cursor;

use image::DynamicImage;

use super::error::ImageError;
use super::inspect::{header_size, sniff, MAX_SIDE};

/// The most one decode may allocate: a picture of [`MAX_SIDE`] a side in
/// RGBA, the largest the cache keeps.
pub const MAX_DECODE_BYTES: u64 = MAX_SIDE as u64 * MAX_SIDE as u64 * 4;

/// The picture `bytes` hold (its first frame, for a GIF), or why not.
pub fn decode_bounded(bytes: &[u8]) -> Result<DynamicImage, ImageError> {
    decode_within(bytes, MAX_SIDE, MAX_DECODE_BYTES)
}

/// [`decode_bounded`] with other limits (tests use small ones).
pub fn decode_within(
    bytes: &[u8],
    max_side: u32,
    max_bytes: u64,
) -> Result<DynamicImage, ImageError> {
    let kind = sniff(bytes)?;
    let mut reader = image::ImageReader::with_format(Cursor::new(bytes), kind.format());
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(max_side);
    limits.max_image_height = Some(max_side);
    limits.max_alloc = Some(max_bytes);
    reader.limits(limits);
    reader.decode().map_err(|e| match e {
        // Say how large it claims to be, when the header says.
        image::ImageError::Limits(_) => match header_size(kind, bytes) {
            Ok((width, height)) => ImageError::TooManyPixels {
                width,
                height,
                max: max_side,
            },
            Err(_) => ImageError::from_decoder(kind, &e),
        },
        e => ImageError::from_decoder(kind, &e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::samples::*;

    #[test]
    fn every_kept_format_decodes_to_its_pixels() {
        for bytes in [png(6, 4), gif(6, 4), webp(6, 4)] {
            let image = decode_bounded(&bytes).unwrap().to_rgb8();
            assert_eq!(image.dimensions(), (6, 4));
            assert_eq!(image.get_pixel(0, 0).0, QUARTER_COLOURS[0]);
            assert_eq!(image.get_pixel(5, 3).0, QUARTER_COLOURS[2]);
        }
        // JPEG is lossy: the colours are near.
        let image = decode_bounded(&jpeg(32, 32)).unwrap().to_rgb8();
        let [r, g, b] = image.get_pixel(4, 4).0;
        assert!(r > 150 && g < 90 && b < 90, "{r} {g} {b}");
    }

    #[test]
    fn a_bomb_is_refused_before_its_pixels_are_allocated() {
        assert_eq!(
            decode_bounded(&png_header_claiming(100_000, 100_000)).unwrap_err(),
            ImageError::TooManyPixels {
                width: 100_000,
                height: 100_000,
                max: MAX_SIDE
            }
        );
        // Within the sides but over the allocation.
        assert!(matches!(
            decode_within(&png(64, 64), 8192, 1024),
            Err(ImageError::TooManyPixels {
                width: 64,
                height: 64,
                ..
            })
        ));
    }

    #[test]
    fn broken_bytes_give_a_reason_not_a_panic() {
        let mut bytes = png(40, 40);
        let n = bytes.len();
        // Damage the compressed pixels, keep the ends whole.
        for b in &mut bytes[40..n - 20] {
            *b = 0x55;
        }
        assert!(matches!(
            decode_bounded(&bytes),
            Err(ImageError::Unreadable { .. })
        ));
        assert_eq!(decode_bounded(b"").unwrap_err(), ImageError::Empty);
        assert_eq!(decode_bounded(b"<html>").unwrap_err(), ImageError::Html);
    }
}
