//! The demo's chart pictures, drawn at startup from the demo's own figures
//! and put in its in-memory cache under the addresses its bulletins give,
//! so `--demo` shows the image view without a network: one bar chart per
//! headline figure of the issue's series over the twelve weeks up to the
//! issue (the issue's week in red, its value written above it), and then
//! one comparing the week's headline figures with their own largest.
//! Bars and digits only: no font ships with the binary.

use std::io::Cursor;

use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{ImageEncoder, Rgb, RgbImage};

use crate::images::image_identity;
use crate::model::{IssueSummary, Metric, SeriesId, Value};
use crate::store::{NewImage, Store, StoreError};

const WIDTH: u32 = 320;
const HEIGHT: u32 = 180;
/// Weeks a chart shows, the issue's own the last.
const WEEKS: usize = 12;

const BACKGROUND: Rgb<u8> = Rgb([250, 250, 247]);
const GRID: Rgb<u8> = Rgb([222, 222, 216]);
const AXIS: Rgb<u8> = Rgb([90, 90, 90]);
const BAR: Rgb<u8> = Rgb([70, 120, 190]);
const THIS_WEEK: Rgb<u8> = Rgb([205, 45, 45]);
const UNKNOWN: Rgb<u8> = Rgb([180, 180, 180]);
/// The headline figures' colours on the last chart, in turn.
const FIGURE_COLOURS: [Rgb<u8>; 5] = [
    Rgb([70, 120, 190]),
    Rgb([230, 140, 40]),
    Rgb([60, 160, 90]),
    Rgb([150, 90, 170]),
    Rgb([205, 45, 45]),
];

/// Draws the charts of every cached issue and keeps them; returns how
/// many were kept.
pub fn attach(store: &mut Store) -> Result<usize, StoreError> {
    let mut kept = 0;
    for series in SeriesId::all() {
        kept += attach_series(store, series)?;
    }
    Ok(kept)
}

fn attach_series(store: &mut Store, series: SeriesId) -> Result<usize, StoreError> {
    let mut weeks: Vec<IssueSummary> = store.summaries_of(series)?;
    weeks.reverse();
    let headline = series.headline();
    let mut kept = 0;
    for (at, issue) in weeks.iter().enumerate().filter(|(_, s)| s.cached) {
        let window = &weeks[at.saturating_sub(WEEKS - 1)..=at];
        for (i, url) in store.issue_image_urls(issue.key)?.iter().enumerate() {
            let Some(identity) = image_identity(url) else {
                continue;
            };
            let picture = match headline.get(i) {
                Some(&metric) => bars(window, metric),
                None => profile(window, headline),
            };
            let bytes = encode(&picture);
            store.store_image(&NewImage {
                identity: &identity,
                url,
                kind: "png",
                width: WIDTH,
                height: HEIGHT,
                bytes: &bytes,
            })?;
            kept += 1;
        }
    }
    Ok(kept)
}

/// The plot's box: left, top, right, bottom.
const PLOT: (u32, u32, u32, u32) = (16, 28, WIDTH - 12, HEIGHT - 16);

fn canvas() -> RgbImage {
    let mut image = RgbImage::from_pixel(WIDTH, HEIGHT, BACKGROUND);
    let (left, top, right, bottom) = PLOT;
    for step in 1..4 {
        let y = bottom - (bottom - top) * step / 4;
        fill(&mut image, left, y, right, y + 1, GRID);
    }
    fill(&mut image, left, bottom, right, bottom + 2, AXIS);
    fill(&mut image, left - 2, top, left, bottom + 2, AXIS);
    image
}

/// One figure over the weeks of `window`.
fn bars(window: &[IssueSummary], metric: Metric) -> RgbImage {
    let mut image = canvas();
    let (left, top, right, bottom) = PLOT;
    let values: Vec<Option<Value>> = window.iter().map(|s| s.figures.get(metric)).collect();
    let max = values
        .iter()
        .flatten()
        .map(|v| v.to_f64())
        .fold(0.0, f64::max)
        .max(f64::MIN_POSITIVE);
    let slot = (right - left) / WEEKS as u32;
    let first = left + (WEEKS - values.len()) as u32 * slot;
    for (i, value) in values.iter().enumerate() {
        let x = first + i as u32 * slot + 3;
        let last = i + 1 == values.len();
        match value {
            Some(v) => {
                let height = ((bottom - top) as f64 * v.to_f64().max(0.0) / max) as u32;
                let colour = if last { THIS_WEEK } else { BAR };
                fill(
                    &mut image,
                    x,
                    bottom - height.max(1),
                    x + slot - 6,
                    bottom,
                    colour,
                );
                if last {
                    let text = metric.show(*v);
                    let width = digits_width(&text);
                    let at = (x + (slot - 6) / 2)
                        .saturating_sub(width / 2)
                        .min(WIDTH - width - 2);
                    digits(
                        &mut image,
                        &text,
                        at,
                        (bottom - height).saturating_sub(20).max(4),
                    );
                }
            }
            None => fill(&mut image, x, bottom - 3, x + slot - 6, bottom, UNKNOWN),
        }
    }
    image
}

/// The last week's headline figures, each as a share of its own largest
/// value in the window.
fn profile(window: &[IssueSummary], headline: &[Metric]) -> RgbImage {
    let mut image = canvas();
    let (left, top, right, bottom) = PLOT;
    let Some(week) = window.last() else {
        return image;
    };
    let slot = (right - left) / headline.len().max(1) as u32;
    for (i, &metric) in headline.iter().enumerate() {
        let x = left + i as u32 * slot + 8;
        let most = window
            .iter()
            .filter_map(|s| s.figures.get(metric))
            .map(|v| v.to_f64())
            .fold(0.0, f64::max)
            .max(f64::MIN_POSITIVE);
        match week.figures.get(metric) {
            Some(v) => {
                let height = ((bottom - top) as f64 * v.to_f64().max(0.0) / most) as u32;
                fill(
                    &mut image,
                    x,
                    bottom - height.max(1),
                    x + slot - 16,
                    bottom,
                    FIGURE_COLOURS[i % FIGURE_COLOURS.len()],
                );
            }
            None => fill(&mut image, x, bottom - 3, x + slot - 16, bottom, UNKNOWN),
        }
    }
    image
}

fn fill(image: &mut RgbImage, x0: u32, y0: u32, x1: u32, y1: u32, colour: Rgb<u8>) {
    for y in y0.min(HEIGHT)..y1.min(HEIGHT) {
        for x in x0.min(WIDTH)..x1.min(WIDTH) {
            image.put_pixel(x, y, colour);
        }
    }
}

/// Digits 0–9 on a 3×5 grid, a row per three bits.
const FONT: [[u8; 5]; 10] = [
    [0b111, 0b101, 0b101, 0b101, 0b111],
    [0b010, 0b110, 0b010, 0b010, 0b111],
    [0b111, 0b001, 0b111, 0b100, 0b111],
    [0b111, 0b001, 0b111, 0b001, 0b111],
    [0b101, 0b101, 0b111, 0b001, 0b001],
    [0b111, 0b100, 0b111, 0b001, 0b111],
    [0b111, 0b100, 0b111, 0b101, 0b111],
    [0b111, 0b001, 0b010, 0b010, 0b010],
    [0b111, 0b101, 0b111, 0b101, 0b111],
    [0b111, 0b101, 0b111, 0b001, 0b111],
];
/// Pixels per grid point.
const SCALE: u32 = 3;

fn digits_width(text: &str) -> u32 {
    text.len() as u32 * 4 * SCALE
}

/// Digits and a decimal point (a score such as 6.18).
fn digits(image: &mut RgbImage, text: &str, x: u32, y: u32) {
    const POINT: [u8; 5] = [0b000, 0b000, 0b000, 0b000, 0b010];
    for (n, d) in text
        .bytes()
        .filter(|b| b.is_ascii_digit() || *b == b'.')
        .enumerate()
    {
        let glyph = if d == b'.' {
            POINT
        } else {
            FONT[usize::from(d - b'0')]
        };
        let left = x + n as u32 * 4 * SCALE;
        for (row, bits) in glyph.iter().enumerate() {
            for col in 0..3 {
                if bits & (0b100 >> col) != 0 {
                    let (px, py) = (left + col * SCALE, y + row as u32 * SCALE);
                    fill(image, px, py, px + SCALE, py + SCALE, AXIS);
                }
            }
        }
    }
}

/// PNG, fast: the demo draws every chart each time it starts.
fn encode(image: &RgbImage) -> Vec<u8> {
    let mut out = Cursor::new(Vec::new());
    PngEncoder::new_with_quality(&mut out, CompressionType::Fast, FilterType::Sub)
        .write_image(
            image.as_raw(),
            WIDTH,
            HEIGHT,
            image::ExtendedColorType::Rgb8,
        )
        .expect("encoding into memory");
    out.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::images::{decode::decode_bounded, issue_images, ImageState};

    fn demo() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        for (name, bytes) in crate::demo::files() {
            crate::import::import_bytes(&mut store, name, bytes);
        }
        store
    }

    #[test]
    fn every_picture_of_every_cached_demo_issue_is_a_chart_in_the_cache() {
        let mut store = demo();
        let kept = attach(&mut store).unwrap();
        let cached: Vec<IssueSummary> = store
            .summaries()
            .unwrap()
            .into_iter()
            .filter(|s| s.cached)
            .collect();
        // 网络安全信息与动态周报 shows its figures in five charts or more.
        let charted = |s: &&IssueSummary| s.key.series == SeriesId::CNCERT;
        let cncert = cached.iter().filter(charted).count();
        assert!(cncert > 0);
        assert!(kept >= cncert * 5, "{kept} charts for {cncert} issues");
        for issue in &cached {
            let images = issue_images(&store, issue.key).unwrap();
            if charted(&issue) {
                assert!(images.len() >= 5, "{}", issue.key);
            }
            for image in &images {
                assert!(
                    matches!(
                        image.state,
                        ImageState::Cached {
                            width: WIDTH,
                            height: HEIGHT,
                            ..
                        }
                    ),
                    "{} {:?}",
                    issue.key,
                    image.state
                );
            }
        }
        let (_, failed) = store.image_counts().unwrap();
        assert_eq!(failed, 0);
    }

    #[test]
    fn the_weeks_bar_is_red_and_as_tall_as_its_share_of_the_largest() {
        let mut store = demo();
        attach(&mut store).unwrap();
        let newest = store
            .summaries()
            .unwrap()
            .into_iter()
            .find(|s| s.cached)
            .unwrap();
        let first = &issue_images(&store, newest.key).unwrap()[0];
        let bytes = store
            .image_bytes(first.identity.as_deref().unwrap())
            .unwrap()
            .unwrap();
        let chart = decode_bounded(&bytes).unwrap().to_rgb8();
        let (left, top, right, bottom) = PLOT;
        let slot = (right - left) / WEEKS as u32;
        // The last slot's bar, in the middle of its width.
        let x = left + (WEEKS as u32 - 1) * slot + slot / 2;
        let red: Vec<u32> = (top..bottom)
            .filter(|&y| *chart.get_pixel(x, y) == THIS_WEEK)
            .collect();
        assert!(!red.is_empty(), "the week's bar is drawn in red");
        let mut weeks = store.summaries_of(newest.key.series).unwrap();
        weeks.reverse();
        let at = weeks.iter().position(|s| s.key == newest.key).unwrap();
        let window = &weeks[at + 1 - WEEKS..=at];
        let events = SeriesId::CNCERT.figure("events_handled");
        let values: Vec<i64> = window
            .iter()
            .filter_map(|s| s.figures.count(events))
            .collect();
        let max = *values.iter().max().unwrap() as u64;
        let this = newest.figures.count(events).unwrap() as u64;
        let expected = ((bottom - top) as u64 * this / max) as usize;
        assert!(
            (red.len() as i64 - expected as i64).abs() <= 1,
            "{} vs {expected}",
            red.len()
        );
    }
}
