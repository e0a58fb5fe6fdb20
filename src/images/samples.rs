//! Small pictures of each kept format, made by the `image` crate's own
//! encoders, and hostile ones made by hand: the fixtures of the tests
//! (unit and integration) and of the loopback server they fetch from.

use std::io::Cursor;

use image::{ImageFormat, Rgb, RgbImage, RgbaImage};

/// A `width`×`height` picture of four coloured quarters (red, green,
/// blue, white from the top left, clockwise), so a test can tell where
/// each part of it was drawn.
pub fn quarters(width: u32, height: u32) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        match (x < width.div_ceil(2), y < height.div_ceil(2)) {
            (true, true) => Rgb(QUARTER_COLOURS[0]),
            (false, true) => Rgb(QUARTER_COLOURS[1]),
            (false, false) => Rgb(QUARTER_COLOURS[2]),
            (true, false) => Rgb(QUARTER_COLOURS[3]),
        }
    })
}

/// [`quarters`]' colours: top left, top right, bottom right, bottom left.
pub const QUARTER_COLOURS: [[u8; 3]; 4] =
    [[220, 20, 20], [20, 200, 40], [30, 60, 230], [250, 250, 250]];

fn encoded(image: &RgbImage, format: ImageFormat) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    match format {
        // The WebP encoder takes RGBA.
        ImageFormat::WebP => image::DynamicImage::ImageRgb8(image.clone())
            .to_rgba8()
            .write_to(&mut out, format),
        _ => image.write_to(&mut out, format),
    }
    .expect("encoding into memory");
    out.into_inner()
}

pub fn png(width: u32, height: u32) -> Vec<u8> {
    encoded(&quarters(width, height), ImageFormat::Png)
}

pub fn jpeg(width: u32, height: u32) -> Vec<u8> {
    encoded(&quarters(width, height), ImageFormat::Jpeg)
}

pub fn gif(width: u32, height: u32) -> Vec<u8> {
    encoded(&quarters(width, height), ImageFormat::Gif)
}

pub fn webp(width: u32, height: u32) -> Vec<u8> {
    encoded(&quarters(width, height), ImageFormat::WebP)
}

/// A whole, valid-looking PNG whose header claims `width`×`height`
/// pixels, with almost no pixel data: a decompression bomb's header. A
/// reader that trusted it would allocate width×height×4 bytes.
pub fn png_header_claiming(width: u32, height: u32) -> Vec<u8> {
    let mut bytes = encoded(&RgbImage::new(1, 1), ImageFormat::Png);
    // Signature (8), IHDR length (4) and type (4), then width and height.
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// A transparent picture (RGBA), for the renderer's background.
pub fn transparent_png(width: u32, height: u32) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    RgbaImage::new(width, height)
        .write_to(&mut out, ImageFormat::Png)
        .expect("encoding into memory");
    out.into_inner()
}

/// The CRC of PNG chunks (ISO 3309), bit by bit: a few header bytes need
/// it, so a table is not worth its space.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_crc_is_pngs() {
        // IEND's CRC, as every PNG ends.
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        let png = png(2, 2);
        let ihdr_crc = u32::from_be_bytes([png[29], png[30], png[31], png[32]]);
        assert_eq!(crc32(&png[12..29]), ihdr_crc);
    }
}
