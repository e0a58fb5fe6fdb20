//! The chart view's raster: how weeks and values map to the braille dot
//! grid of the plot and to screen cells, and the lines drawn on it (joined
//! only between known weeks). Its own module so the axes (chart_axis.rs)
//! and the plot (chart_plot.rs) both build on it without depending on each
//! other.

use ratatui::layout::Rect;

/// A (column, row) on screen.
pub type Cell = (u16, u16);

/// Maps weeks and values to the dot grid and cells of the graph.
pub struct Raster {
    pub graph: Rect,
    pub wide: usize,
    pub high: usize,
    pub weeks: usize,
    pub top: f64,
}

impl Raster {
    pub fn x(&self, week: usize) -> usize {
        if self.weeks <= 1 {
            return self.wide / 2;
        }
        let x = week as f64 * (self.wide - 1) as f64 / (self.weeks - 1) as f64;
        (x.round() as usize).min(self.wide - 1)
    }

    pub fn y(&self, value: f64) -> usize {
        let y = value.max(0.0) / self.top * (self.high - 1) as f64;
        (y.round() as usize).min(self.high - 1)
    }

    pub fn cell(&self, x: usize, y: usize) -> Cell {
        let column = u16::try_from(x / 2).unwrap_or(0);
        let row = u16::try_from((self.high - 1 - y) / 4).unwrap_or(0);
        (self.graph.x + column, self.graph.y + row)
    }

    pub fn row_of(&self, value: f64) -> u16 {
        self.cell(0, self.y(value)).1
    }

    pub fn column_of(&self, week: usize) -> u16 {
        self.cell(self.x(week), 0).0
    }

    /// The dots of `values` (one per week shown), joined only between two
    /// known weeks; a week with no known neighbour is a single dot (and a
    /// marked point, see [`Raster::points`]). Each dot once. A `dotted`
    /// line keeps every other dot along its path, so a comparison line
    /// reads apart from the weekly one without colour. Consecutive known
    /// weeks on one dot column (a long span on a narrow screen) are drawn
    /// as the one vertical stroke their segments would make, so the work
    /// is bounded by the weeks plus the dots, not the weeks times the
    /// height.
    pub fn line(&self, values: &[Option<f64>], dotted: bool) -> Vec<(f64, f64)> {
        let mut on = vec![false; self.wide * self.high];
        let mut dots = Vec::new();
        let mut along = 0usize;
        let mut put = |x: usize, y: usize| {
            along += 1;
            if dotted && along.is_multiple_of(2) {
                return;
            }
            if x < self.wide
                && y < self.high
                && !std::mem::replace(&mut on[y * self.wide + x], true)
            {
                dots.push((x as f64, y as f64));
            }
        };
        let at = |i: usize| {
            let v = values.get(i).copied().flatten()?;
            Some((self.x(i), self.y(v)))
        };
        let mut i = 0;
        while i < values.len() {
            let Some(first) = at(i) else {
                i += 1;
                continue;
            };
            // The run of known weeks on this dot column, from `first`.
            let (mut low, mut high, mut last) = (first.1, first.1, first);
            while let Some(next) = at(i + 1).filter(|p| p.0 == first.0) {
                low = low.min(next.1);
                high = high.max(next.1);
                last = next;
                i += 1;
            }
            for y in low..=high {
                put(first.0, y);
            }
            if let Some(next) = at(i + 1) {
                bresenham(last, next, &mut put);
            }
            i += 1;
        }
        dots
    }
}

/// Every dot on the line from `a` to `b`, ends included.
pub(super) fn bresenham(a: (usize, usize), b: (usize, usize), put: &mut impl FnMut(usize, usize)) {
    let (mut x, mut y) = (a.0 as i64, a.1 as i64);
    let (x1, y1) = (b.0 as i64, b.1 as i64);
    let (dx, dy) = ((x1 - x).abs(), -(y1 - y).abs());
    let (sx, sy) = (if x < x1 { 1 } else { -1 }, if y < y1 { 1 } else { -1 });
    let mut err = dx + dy;
    loop {
        // Both ends are on the grid, so every dot between is too.
        put(x as usize, y as usize);
        if x == x1 && y == y1 {
            break;
        }
        let e2 = 2 * err;
        if e2 >= dy {
            err += dy;
            x += sx;
        }
        if e2 <= dx {
            err += dx;
            y += sy;
        }
    }
}
