//! One week's value against an earlier one's (or the mean of several):
//! the change, its percentage and direction, and where the earlier value
//! came from.

use crate::model::{IssueKey, Value};

/// Which way a figure moved against what it is compared with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Rise,
    Fall,
    Flat,
}

impl Direction {
    pub(super) fn of(difference: f64) -> Self {
        if difference > 0.0 {
            Direction::Rise
        } else if difference < 0.0 {
            Direction::Fall
        } else {
            Direction::Flat
        }
    }
}

/// `100 × (now − base) / base`; None when `base` is 0: a percentage of
/// nothing is meaningless, so the text says "new" (0 → n) or "±0" (0 → 0)
/// instead, and JSON gives `null`.
pub(super) fn percent(difference: f64, base: f64) -> Option<f64> {
    (base != 0.0).then(|| difference / base * 100.0)
}

/// Where a value compared with comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// That issue's own figure.
    Own,
    /// What this issue says of the week before (`与上周（19674个）`),
    /// because the cache does not know that week's own figure.
    Stated,
}

/// This week's value against one earlier week's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Against {
    pub key: IssueKey,
    pub value: Value,
    /// Calendar weeks from that issue to this one (1 = the week before).
    pub weeks_before: i64,
    /// This week's value minus `value`, exact; None when it does not fit.
    pub change: Option<Value>,
    pub percent: Option<f64>,
    pub source: Source,
}

impl Against {
    pub(super) fn new(key: IssueKey, value: Value, weeks_before: i64, now: Value) -> Self {
        let change = now.checked_sub(value);
        Against {
            key,
            value,
            weeks_before,
            change,
            percent: percent(now.to_f64() - value.to_f64(), value.to_f64()),
            source: Source::Own,
        }
    }

    /// The previous calendar week (2025-1 after 2024-52, 2024-1 after 2023-53).
    pub fn adjacent(&self) -> bool {
        self.weeks_before == 1
    }

    pub fn direction(&self) -> Direction {
        match self.change {
            Some(c) => Direction::of(c.signum() as f64),
            None => Direction::Flat,
        }
    }
}

/// This week's value against the mean of the known weeks among the
/// [`MEAN_WEEKS`] calendar weeks before it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AgainstMean {
    pub mean: f64,
    /// How many of the [`MEAN_WEEKS`] weeks have the figure (1 to 4).
    pub weeks_known: u32,
    /// This week's value minus `mean`.
    pub difference: f64,
    pub percent: Option<f64>,
}

impl AgainstMean {
    pub fn direction(&self) -> Direction {
        Direction::of(self.difference)
    }
}

/// What an issue says of the week before's figure, and that week's own
/// figure when the cache knows it (what an issue says of itself wins: the
/// comparison is with the own one, and this tells the two apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stated {
    /// The week before.
    pub key: IssueKey,
    pub value: Value,
    pub own: Option<Value>,
}

impl Stated {
    /// The week's own figure is known and says otherwise.
    pub fn disagrees(&self) -> bool {
        self.own.is_some_and(|own| own != self.value)
    }
}
