//! `update`: the one place an `Action` changes the app. Pane-relative
//! actions (move, page, top/bottom) act on the focused pane.

use super::action::{Action, Focus, InputMode};
use super::app::App;
use super::detail::Item;
use super::keymap::Scope;
use super::layout::{contains, inner};
use crate::i18n::Tui;

/// Lines the mouse wheel moves per notch.
const WHEEL_STEP: usize = 3;

pub fn update(app: &mut App, action: Action) {
    let had_status = app.status.is_some();
    if !matches!(
        action,
        Action::Resize(..)
            | Action::Scroll { .. }
            | Action::RunPendingSearch
            | Action::Refresh
            | Action::PollFetch
    ) {
        app.status = None;
    }
    match action {
        Action::Quit => {
            app.finish_session();
            app.quit = true;
        }
        Action::BackToList => app.focus = Focus::List,
        // The event loop suspends; nothing in the app changes.
        Action::Suspend => {}
        Action::Resize(w, h) => app.resize(w, h),
        Action::MoveDown => move_by(app, 1, true),
        Action::MoveUp => move_by(app, 1, false),
        Action::PageDown => {
            let page = page_size(app);
            move_by(app, page, true);
        }
        Action::PageUp => {
            let page = page_size(app);
            move_by(app, page, false);
        }
        Action::Top => move_by(app, usize::MAX, false),
        Action::Bottom => move_by(app, usize::MAX, true),
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::Activate => match app.focus {
            Focus::List => {
                app.mark_opened();
                app.focus = Focus::Detail;
            }
            Focus::Links => activate_item(app, app.link_selected),
            Focus::Detail => {}
        },
        Action::FollowNumber(n) => app.follow(usize::from(n).saturating_sub(1)),
        Action::PrevIssue => app.step_issue(false),
        Action::NextIssue => app.step_issue(true),
        Action::Back => app.go_back(),
        Action::Forward => app.go_forward(),
        Action::StartSearch => app.start_search(),
        Action::SearchInput(c) => app.edit_search(|q| q.push(c)),
        Action::Paste(text) => app.paste(&text),
        Action::SearchBackspace => app.edit_search(|q| {
            q.pop();
        }),
        Action::SearchAccept => app.accept_search(),
        Action::SearchCancel => app.cancel_search(),
        Action::RunPendingSearch => app.run_pending_search(),
        Action::Refresh => app.refresh_if_changed(),
        Action::NextHit => app.step_hit(true),
        Action::PrevHit => app.step_hit(false),
        Action::ToggleRead => app.toggle_read(),
        Action::NextUnread => app.next_unread(),
        Action::AskMarkAllRead => app.ask_mark_all_read(),
        Action::ConfirmYes => app.answer(true),
        Action::ConfirmNo => app.answer(false),
        Action::CycleFilter => app.cycle_filter(),
        Action::StartGoto => app.start_goto(),
        Action::GotoInput(c) => app.edit_goto(|t| t.push(c)),
        Action::GotoBackspace => app.edit_goto(|t| {
            t.pop();
        }),
        Action::GotoAccept => app.accept_goto(),
        Action::GotoCancel => app.cancel_goto(),
        Action::OpenUrl => app.open_url(),
        Action::CopyUrl => app.copy_url(),
        Action::ToggleHelp => {
            // Over the chart view, help opens at the chart view's keys.
            app.help_scroll = if app.mode == InputMode::Chart {
                app.help.scroll_to(Scope::Chart)
            } else {
                0
            };
            app.mode = InputMode::Help;
        }
        Action::CloseHelp => {
            // Help opened over the chart view goes back to it.
            app.mode = if app.chart_view.open {
                InputMode::Chart
            } else {
                InputMode::Normal
            };
        }
        Action::OpenChart => {
            app.chart_view.open();
            app.mode = InputMode::Chart;
            app.refresh_charts();
        }
        Action::CloseChart => {
            app.chart_view.close();
            app.mode = InputMode::Normal;
            app.refresh_charts();
        }
        Action::ChartFigure(n) => {
            if app.chart_view.set_figure(n) {
                app.refresh_charts();
            } else {
                app.set_error(app.ui.say(Tui::NoFigure(n)));
            }
        }
        Action::NextFigure | Action::PrevFigure => {
            app.chart_view.step_figure(action == Action::NextFigure);
            app.refresh_charts();
        }
        Action::ZoomIn | Action::ZoomOut => {
            if app.chart_view.zoom(action == Action::ZoomIn) {
                app.refresh_charts();
            } else if action == Action::ZoomIn {
                app.set_message(app.ui.say(Tui::NarrowestSpan));
            } else {
                app.set_message(app.ui.say(Tui::WidestSpan));
            }
        }
        Action::ToggleYearEarlier => {
            app.chart_view.toggle_year_earlier();
            app.refresh_charts();
        }
        // Esc cancels a fetch, else clears what is shown (a message, a
        // search highlight), and only then backs out to the list.
        Action::Dismiss if app.cancel_fetch() => {}
        Action::Dismiss if had_status || app.search.is_some() => app.search = None,
        Action::Dismiss => app.focus = Focus::List,
        Action::Fetch => app.start_fetch(),
        Action::PollFetch => app.poll_fetch(),
        Action::Click { column, row } => click(app, column, row),
        Action::Scroll { column, row, down } => wheel(app, column, row, down),
    }
    app.sync_hints();
}

fn page_size(app: &App) -> usize {
    if app.mode == InputMode::Help {
        let rows = app.help.visible_rows();
        return rows.saturating_sub(1).max(1);
    }
    let h = match app.focus {
        Focus::List => app.list_height(),
        Focus::Detail | Focus::Links => app.detail_height(),
    };
    h.saturating_sub(1).max(1)
}

fn move_by(app: &mut App, n: usize, down: bool) {
    if app.mode == InputMode::Help {
        let last = app.help.max_scroll();
        app.help_scroll = step(app.help_scroll, n, down, last);
        return;
    }
    match app.focus {
        // g and G go to the ends whatever the cursor is between.
        Focus::List if n == usize::MAX => {
            let end = if down { app.list_rows.len() } else { 1 };
            app.select_row(end.saturating_sub(1));
        }
        Focus::List => match app.list_step(n, down) {
            Some(i) => app.select_row(i),
            None if app.list_rows.is_empty() => {}
            None if down => app.set_message(app.ui.say(Tui::NoOlderInList)),
            None => app.set_message(app.ui.say(Tui::NoNewerInList)),
        },
        Focus::Detail => {
            app.detail_scroll = step(app.detail_scroll, n, down, app.max_scroll());
        }
        Focus::Links => {
            let last = app.doc.items.len().saturating_sub(1);
            app.link_selected = step(app.link_selected, n, down, last);
            scroll_link_into_view(app);
        }
    }
}

/// Enter (or a second click) on a selectable line of the detail pane: a
/// 近期回顾 line is followed, an image address opened in the browser.
fn activate_item(app: &mut App, item: usize) {
    match app.doc.items.get(item).copied() {
        Some(Item::Link(n)) => app.follow(n),
        Some(Item::Image(_)) => app.open_url(),
        None => {}
    }
}

fn step(at: usize, n: usize, down: bool, last: usize) -> usize {
    if down {
        at.saturating_add(n).min(last)
    } else {
        at.saturating_sub(n)
    }
}

fn scroll_link_into_view(app: &mut App) {
    let selected = Some(app.link_selected);
    let first = app.rows.iter().position(|r| r.link == selected);
    let last = app.rows.iter().rposition(|r| r.link == selected);
    let (Some(first), Some(last)) = (first, last) else {
        return;
    };
    let h = app.detail_height().max(1);
    if first < app.detail_scroll {
        app.detail_scroll = first;
    } else if last >= app.detail_scroll + h {
        app.detail_scroll = (last + 1).saturating_sub(h).min(first);
    }
}

fn cycle_focus(app: &mut App, forward: bool) {
    let has_links = !app.doc.items.is_empty();
    app.focus = match (app.focus, forward) {
        (Focus::List, true) => Focus::Detail,
        (Focus::Detail, true) if has_links => Focus::Links,
        (Focus::Detail, true) => Focus::List,
        (Focus::Links, true) => Focus::List,
        (Focus::List, false) if has_links => Focus::Links,
        (Focus::List, false) => Focus::Detail,
        (Focus::Detail, false) => Focus::List,
        (Focus::Links, false) => Focus::Detail,
    };
    if app.focus == Focus::Links {
        app.link_selected = app.link_selected.min(app.doc.items.len().saturating_sub(1));
        scroll_link_into_view(app);
    }
}

/// A click selects the list row, the chart's week or the 近期回顾 line
/// under it; a second click on the selected line follows it.
fn click(app: &mut App, column: u16, row: u16) {
    if app.mode != InputMode::Normal || app.panes.too_small {
        return;
    }
    let list = inner(app.panes.list);
    let detail = inner(app.panes.detail);
    if contains(list, column, row) {
        app.focus = Focus::List;
        let i = app.list_offset + usize::from(row - list.y);
        if i < app.list_rows.len() {
            app.select_row(i);
        }
    } else if let Some(week) = app.chart.week_at(column, row) {
        app.select_key(week);
    } else if contains(detail, column, row) {
        let clicked = app
            .rows
            .get(app.detail_scroll + usize::from(row - detail.y))
            .and_then(|r| r.link);
        match clicked {
            Some(n) if app.focus == Focus::Links && app.link_selected == n => activate_item(app, n),
            Some(n) => {
                app.focus = Focus::Links;
                app.link_selected = n;
            }
            None => app.focus = Focus::Detail,
        }
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    if app.mode == InputMode::Help {
        // The help covers the screen: the wheel scrolls it wherever it is.
        return move_by(app, WHEEL_STEP, down);
    }
    if app.mode != InputMode::Normal || app.panes.too_small {
        return;
    }
    if contains(app.panes.list, column, row) {
        if let Some(i) = app.list_step(WHEEL_STEP, down) {
            app.select_row(i);
        }
    } else if contains(app.panes.detail, column, row) {
        app.detail_scroll = step(app.detail_scroll, WHEEL_STEP, down, app.max_scroll());
    }
}
