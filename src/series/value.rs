//! One figure's value, exact: a whole count (381) or a decimal as the
//! bulletin writes it (an average score of 6.18), never a float, so a
//! value prints as it was read and a difference of two is exact.

use std::cmp::Ordering;
use std::fmt;

/// `units / 10^scale`, kept normalised (no trailing zero in the fraction),
/// so two equal numbers are equal values whatever digits they were
/// written with (6.60 and 6.6). How many decimals a figure shows is its
/// declaration's ([`super::Kind::decimals`]), not the value's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Value {
    units: i64,
    scale: u8,
}

/// More decimals than any figure has; a longer fraction is no figure.
pub const MAX_SCALE: u8 = 6;

const POW10: [i64; MAX_SCALE as usize + 1] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

impl Value {
    /// A whole count.
    pub const fn count(n: i64) -> Value {
        Value { units: n, scale: 0 }
    }

    /// `units / 10^scale`; None past [`MAX_SCALE`].
    pub fn decimal(units: i64, scale: u8) -> Option<Value> {
        (scale <= MAX_SCALE).then(|| Value { units, scale }.normalised())
    }

    fn normalised(mut self) -> Value {
        while self.scale > 0 && self.units % 10 == 0 {
            self.units /= 10;
            self.scale -= 1;
        }
        self
    }

    /// `381`, `-5`, `6.18`, `0.5`: ASCII digits, an optional sign and at
    /// most one point; None for anything else or a number past i64.
    pub fn parse(text: &str) -> Option<Value> {
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let fraction = fraction.trim_end_matches('0');
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty()
            || !all_digits(whole)
            || !all_digits(fraction)
            || (digits.contains('.') && digits.ends_with('.'))
            || fraction.len() > usize::from(MAX_SCALE)
        {
            return None;
        }
        let scale = fraction.len() as u8;
        let mut units: i64 = 0;
        for b in whole.bytes().chain(fraction.bytes()) {
            units = units.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
        }
        Some(Value {
            units: if negative { -units } else { units },
            scale,
        })
    }

    /// The value as a whole count, None when it has a fraction.
    pub fn as_count(self) -> Option<i64> {
        (self.scale == 0).then_some(self.units)
    }

    /// Digits after the point (0 for a whole number).
    pub fn scale(self) -> u8 {
        self.scale
    }

    /// The value in units of `10^-scale` (6.18 at scale 2 is 618), for
    /// charts that draw every value of a figure on one integer scale;
    /// None when the value has more decimals or does not fit.
    pub fn units_at(self, scale: u8) -> Option<i64> {
        let up = scale.checked_sub(self.scale)?;
        self.units.checked_mul(*POW10.get(usize::from(up))?)
    }

    /// The value from [`Value::units_at`]'s units.
    pub fn from_units(units: i64, scale: u8) -> Option<Value> {
        Value::decimal(units, scale)
    }

    /// For percentages and means only: what is shown of a value is always
    /// its exact digits.
    pub fn to_f64(self) -> f64 {
        // Both numbers are exact in an f64 and the division is correctly
        // rounded: 6.18 gives the double nearest 6.18, which prints so.
        self.units as f64 / POW10[usize::from(self.scale)] as f64
    }

    /// Both values in units of the finer scale, as i128 (never overflows).
    fn aligned(self, other: Value) -> (i128, i128, u8) {
        let scale = self.scale.max(other.scale);
        let up = |v: Value| i128::from(v.units) * i128::from(POW10[usize::from(scale - v.scale)]);
        (up(self), up(other), scale)
    }

    /// `self − other`, exact; None when it does not fit.
    pub fn checked_sub(self, other: Value) -> Option<Value> {
        let (a, b, scale) = self.aligned(other);
        Value::decimal(i64::try_from(a - b).ok()?, scale)
    }

    pub fn signum(self) -> i64 {
        self.units.signum()
    }

    pub fn abs(self) -> Option<Value> {
        Some(Value {
            units: self.units.checked_abs()?,
            scale: self.scale,
        })
    }

    /// The digits with at least `decimals` after the point (6.6 with 2 is
    /// `6.60`), never fewer than the value has.
    pub fn text(self, decimals: u8) -> String {
        let scale = self.scale.max(decimals.min(MAX_SCALE));
        let units = i128::from(self.units) * i128::from(POW10[usize::from(scale - self.scale)]);
        if scale == 0 {
            return units.to_string();
        }
        let digits = units.unsigned_abs().to_string();
        let scale = usize::from(scale);
        let padded = format!("{digits:0>width$}", width = scale + 1);
        let (whole, fraction) = padded.split_at(padded.len() - scale);
        let sign = if units < 0 { "-" } else { "" };
        format!("{sign}{whole}.{fraction}")
    }
}

/// The value's own digits.
impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text(0))
    }
}

impl Ord for Value {
    fn cmp(&self, other: &Self) -> Ordering {
        let (a, b, _) = self.aligned(*other);
        a.cmp(&b)
    }
}

impl PartialOrd for Value {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl From<i64> for Value {
    fn from(n: i64) -> Value {
        Value::count(n)
    }
}

impl serde::Serialize for Value {
    /// A JSON number: an integer for a count, else the decimal's nearest
    /// double, whose shortest form is the decimal's own digits.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_count() {
            Some(n) => s.serialize_i64(n),
            None => s.serialize_f64(self.to_f64()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Value {
        Value::parse(s).unwrap_or_else(|| panic!("{s}"))
    }

    #[test]
    fn decimals_print_as_written_and_counts_as_integers() {
        assert_eq!(v("6.18").to_string(), "6.18");
        assert_eq!(v("381").to_string(), "381");
        assert_eq!(v("0.05").to_string(), "0.05");
        assert_eq!(v("-0.5").to_string(), "-0.5");
        assert_eq!(v("6.60"), v("6.6"));
        assert_eq!(v("6.6").text(2), "6.60");
        assert_eq!(v("381").text(0), "381");
        assert_eq!(v("7").text(2), "7.00");
        assert_eq!(serde_json::to_string(&v("6.18")).unwrap(), "6.18");
        assert_eq!(serde_json::to_string(&v("381")).unwrap(), "381");
    }

    #[test]
    fn differences_are_exact() {
        assert_eq!(v("6.18").checked_sub(v("6.05")), Some(v("0.13")));
        assert_eq!(
            v("6.18").checked_sub(v("6.6")).unwrap().to_string(),
            "-0.42"
        );
        assert_eq!(v("5").checked_sub(v("7")), Some(Value::count(-2)));
        assert_eq!(
            Value::count(i64::MIN).checked_sub(Value::count(1)),
            None,
            "overflow is no value"
        );
    }

    #[test]
    fn order_is_numeric_across_scales() {
        assert!(v("6.2") > v("6.18"));
        assert!(v("10") > v("9.99"));
        assert!(v("-1.5") < v("-1"));
    }

    #[test]
    fn what_is_no_number_is_refused() {
        for s in [
            "",
            "-",
            ".5",
            "5.",
            "1.2.3",
            "1e3",
            "１",
            "99999999999999999999",
            "0.0000001",
        ] {
            assert_eq!(Value::parse(s), None, "{s}");
        }
    }

    #[test]
    fn units_at_a_finer_scale_and_back() {
        assert_eq!(v("6.18").units_at(2), Some(618));
        assert_eq!(v("6.1").units_at(2), Some(610));
        assert_eq!(v("6.18").units_at(1), None);
        assert_eq!(Value::from_units(618, 2), Some(v("6.18")));
    }
}
