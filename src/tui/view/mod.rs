//! What the TUI draws: one widget per pane (list, detail, chart pane,
//! chart view, help, the brief, status line), what each lays out for its size (a
//! document wrapped to a width, a chart's geometry, the help's rows), the
//! layout the panes share with mouse hit-testing, the theme and
//! display-width text fitting.
//!
//! Widgets take props: borrowed pieces of the state they draw, never the
//! App. Nothing here imports the App, state/, update or draw (draw.rs is
//! where the App's state becomes props), so the rooms depend one way: the
//! state may keep what view lays out, view never reaches back.

pub mod brief;
pub mod chart;
pub mod chart_axis;
pub mod chart_plot;
pub mod chart_raster;
pub mod chart_view;
pub mod detail;
pub mod help;
pub mod layout;
pub mod list;
pub mod list_gaps;
pub mod status;
pub mod theme;
pub mod wrap;

#[cfg(test)]
mod tests {
    use std::path::Path;

    /// Every `.rs` file under `dir`, with its text.
    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        let entries = std::fs::read_dir(dir).expect("the view folder is readable");
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file is text");
                out.push((path.display().to_string(), text));
            }
        }
    }

    #[test]
    fn no_widget_reaches_back_into_the_app_or_its_state() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui/view");
        let mut files = Vec::new();
        sources(&dir, &mut files);
        assert!(files.len() > 10, "found the view files: {}", files.len());
        for (path, text) in files {
            for line in text.lines().filter(|l| !l.trim_start().starts_with("//")) {
                for room in ["app", "state", "update", "draw"] {
                    let path_to = format!("tui::{room}");
                    assert!(
                        !line.contains(&format!("{path_to}::"))
                            && !line.contains(&format!("{path_to};")),
                        "{path}: {line}"
                    );
                }
            }
        }
    }
}
