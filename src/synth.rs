//! placeholder for the synth module.
