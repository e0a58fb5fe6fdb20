//! zhoubao: a terminal browser for weekly security bulletin series.
//!
//! `parse` turns files into [`model::Bulletin`]s, `store` keeps them in the
//! SQLite cache, `import` drives the two (`fetch` does the same from the web, `feed` from
//! feeds), `output` prints the cache for the
//! CLI and `tui` browses it.

pub mod brief;
pub mod calendar;
pub mod cli;
pub mod config;
pub mod demo;
pub mod feed;
pub mod fetch;
pub mod i18n;
pub mod images;
pub mod import;
pub mod manpage;
pub mod marks;
pub mod model;
pub mod output;
pub mod parse;
pub mod pool;
pub mod sanitize;
pub mod series;
pub mod store;
pub mod synth;
pub mod trend;
pub mod tui;
