//! placeholder for the demo module.

/// Placeholder until the demo corpus lands.
pub fn files() -> &'static [(&'static str, &'static [u8])] {
    &[]
}
