//! placeholder for the output module.
