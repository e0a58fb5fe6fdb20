//! placeholder for the store module.
