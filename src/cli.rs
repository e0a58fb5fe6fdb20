//! placeholder for the cli module.
