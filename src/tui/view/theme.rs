//! The one colour theme: every style the panes use, in one place, so the
//! look can change without touching layout code. Colours are the 16 basic
//! ones so the theme follows the user's terminal palette.

use ratatui::style::{Color, Modifier, Style};

pub fn base() -> Style {
    Style::default()
}

pub fn dim() -> Style {
    Style::default().fg(Color::DarkGray)
}

pub fn title() -> Style {
    Style::default().add_modifier(Modifier::BOLD)
}

pub fn heading() -> Style {
    Style::default()
        .fg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

pub fn border(focused: bool) -> Style {
    if focused {
        Style::default().fg(Color::Cyan)
    } else {
        Style::default().fg(Color::DarkGray)
    }
}

pub fn selected_row(focused: bool) -> Style {
    if focused {
        Style::default().add_modifier(Modifier::REVERSED)
    } else {
        Style::default().bg(Color::DarkGray)
    }
}

pub fn unread_marker() -> Style {
    Style::default().fg(Color::Yellow)
}

pub fn link() -> Style {
    Style::default().fg(Color::Blue)
}

pub fn not_cached() -> Style {
    Style::default().fg(Color::Yellow)
}

pub fn error() -> Style {
    Style::default().fg(Color::Red).add_modifier(Modifier::BOLD)
}

pub fn hint_key() -> Style {
    Style::default().fg(Color::Cyan)
}

pub fn spark() -> Style {
    Style::default().fg(Color::Green)
}

pub fn spark_selected() -> Style {
    Style::default()
        .fg(Color::Yellow)
        .add_modifier(Modifier::BOLD)
}

/// A week's bar cut off at the top (or bottom) of the chart's scale.
pub fn spark_clipped() -> Style {
    Style::default()
        .fg(Color::Magenta)
        .add_modifier(Modifier::BOLD)
}

pub fn spark_absent() -> Style {
    Style::default().fg(Color::DarkGray)
}

/// The chart view's lines: the weekly values, their moving average, the
/// same weeks a year earlier, and the selected week's vertical marker.
pub fn chart_weekly() -> Style {
    Style::default().fg(Color::Green)
}

pub fn chart_average() -> Style {
    Style::default().fg(Color::Cyan)
}

pub fn chart_earlier() -> Style {
    Style::default().fg(Color::Magenta)
}

pub fn chart_cursor() -> Style {
    Style::default().fg(Color::Yellow)
}

pub fn search_hit() -> Style {
    Style::default().fg(Color::Black).bg(Color::Yellow)
}

/// A figure that rose: red, as a rise in incidents is bad news and red
/// means up in Chinese convention. The text always carries the sign too.
pub fn rise() -> Style {
    Style::default().fg(Color::Red)
}

/// A figure that fell: green.
pub fn fall() -> Style {
    Style::default().fg(Color::Green)
}
