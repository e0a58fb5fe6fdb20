//! A week's place among the known weeks of a window, told from its
//! nearer end, ties shared.

use crate::model::Value;

use super::RANK_WEEKS;

/// Which end of the ranking this week is nearer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Highest,
    Lowest,
}

/// This week's place among the known weeks of the last [`RANK_WEEKS`]
/// calendar weeks (this one included), counted from the nearer end: 1 is
/// the highest (or lowest). Weeks with an equal value share a place, the
/// way sports tables count ties: two joint highest, then 3rd.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rank {
    pub position: u32,
    /// Known weeks in the window, this one included.
    pub of: u32,
    pub end: End,
    /// Known weeks with this week's value, this one included.
    pub tied: u32,
}

impl Rank {
    /// Every week of the window is known.
    pub fn complete(&self) -> bool {
        self.of == RANK_WEEKS
    }

    pub fn joint(&self) -> bool {
        self.tied > 1
    }

    /// Every known week of the window has this value (at least two weeks).
    pub fn all_equal(&self) -> bool {
        self.of > 1 && self.tied == self.of
    }

    pub(super) fn among(now: Value, others: impl Iterator<Item = Value>) -> Rank {
        let (mut higher, mut lower, mut tied) = (0u32, 0u32, 1u32);
        for v in others {
            match v.cmp(&now) {
                std::cmp::Ordering::Greater => higher += 1,
                std::cmp::Ordering::Less => lower += 1,
                std::cmp::Ordering::Equal => tied += 1,
            }
        }
        let of = higher + lower + tied;
        // A week exactly in the middle is told from the top.
        if higher <= lower {
            Rank {
                position: higher + 1,
                of,
                end: End::Highest,
                tied,
            }
        } else {
            Rank {
                position: lower + 1,
                of,
                end: End::Lowest,
                tied,
            }
        }
    }
}
