//! What the TUI draws: one widget per pane (list, detail, chart pane,
//! chart view, help, status line), the layout they share with mouse
//! hit-testing, the theme and display-width text fitting. Widgets only
//! read the app's state.

pub mod chart;
pub mod chart_axis;
pub mod chart_plot;
pub mod chart_raster;
pub mod chart_view;
pub mod detail;
pub mod help;
pub mod layout;
pub mod list;
pub mod status;
pub mod theme;
pub mod wrap;
