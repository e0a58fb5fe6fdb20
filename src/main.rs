//! The `zhoubao` binary: parses the command line and runs the chosen command.

fn main() {}
