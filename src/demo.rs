//! placeholder for the demo module.
