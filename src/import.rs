//! placeholder for the import module.
