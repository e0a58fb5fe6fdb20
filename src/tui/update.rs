//! `update`: the one place an `Action` changes the app. Each arm routes the
//! action to the state that owns what it changes (state/), and where an
//! owner's answer moves the reader (a search hit, a fetched page), to the
//! App's moves between panes (`select_key`, `go_to`, `show`). Pane-relative
//! actions (move, page, top/bottom) act on the focused pane. Background
//! work (`F`'s fetch, `R`'s update) reports here too, as the loop's polls.

mod background;

use background::{poll_fetch, poll_images, poll_update, start_fetch};

use super::action::{Action, Focus, InputMode};
use super::app::App;
use super::browser::clean_link;
use super::keymap::binding::Scope;
use super::state::detail::{NoUrl, Target};
use super::state::fetching::{self, Finished, Polled};
use super::state::images::FetchPolled as ImagesPolled;
use super::state::prompt::{self, Prompt, Question};
use super::state::search::{Jump, SearchState};
use super::state::updating::Polled as UpdatePolled;
use super::view::detail::Item;
use crate::fetch::{FetchError, PageResult};
use crate::i18n::{Briefing, Fetch, Images, Localized, Mine, Msg, Screen};
use crate::model::IssueKey;
use crate::tui::library::LibraryError;

/// Lines the mouse wheel moves per notch.
const WHEEL_STEP: usize = 3;

/// Longer than any real article or image address; a terminal may drop a
/// longer OSC 52 sequence without a word.
const MAX_COPY_BYTES: usize = 4096;

/// The most of a brief sent in one OSC 52 sequence: a brief is a few
/// KiB; terminals that take the sequence at all take this much (its
/// base64 is about 85 KiB).
const MAX_BRIEF_BYTES: usize = 64 * 1024;

/// How many cells of a mistyped `:` key the status line repeats.
const TYPED_SHOWN: usize = 20;

pub fn update(app: &mut App, action: Action) {
    let had_status = app.status.message.is_some();
    if !matches!(
        action,
        Action::Resize(..)
            | Action::Scroll { .. }
            | Action::RunPendingSearch
            | Action::Refresh
            | Action::PollFetch
            | Action::PollUpdate
            | Action::PollImages
            | Action::CompleteCatalog
    ) {
        app.status.clear();
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
        Action::PageDown => move_by(app, page(app), true),
        Action::PageUp => move_by(app, page(app), false),
        Action::Top => move_by(app, usize::MAX, false),
        Action::Bottom => move_by(app, usize::MAX, true),
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::Activate => match app.focus {
            Focus::List => {
                app.mark_opened();
                app.focus = Focus::Detail;
            }
            Focus::Links => activate_item(app, app.detail.link),
            Focus::Detail => {}
        },
        Action::FollowNumber(n) => app.follow(usize::from(n).saturating_sub(1)),
        Action::PrevIssue => app.step_issue(false),
        Action::NextIssue => app.step_issue(true),
        Action::SwitchSeries => app.switch_series(),
        Action::Back => app.go_back(),
        Action::Forward => app.go_forward(),
        Action::StartSearch => {
            app.prompt = Prompt::Search(app.saved_view());
            app.search = Some(SearchState::new(app.current_key()));
        }
        Action::SearchInput(c) => edit_search(app, |q| q.push(c)),
        Action::Paste(text) => paste(app, &text),
        Action::SearchBackspace => edit_search(app, |q| {
            q.pop();
        }),
        Action::SearchAccept => accept_search(app),
        Action::SearchCancel => {
            app.search = None;
            if let Prompt::Search(saved) = std::mem::take(&mut app.prompt) {
                app.restore(saved);
            }
        }
        Action::RunPendingSearch => run_pending_search(app),
        // While our own background work writes, the status line follows
        // it, not the reload (which is no other process's doing).
        Action::Refresh if app.works_in_background() => app.reload_quietly(),
        Action::Refresh => app.reload_if_changed(),
        Action::NextHit => step_hit(app, true),
        Action::PrevHit => step_hit(app, false),
        Action::ToggleRead => app.toggle_read(),
        Action::ToggleFlag => app.toggle_flag(),
        Action::EditNote => app.edit_note(),
        Action::NextUnread => next_unread(app),
        Action::AskMarkAllRead => match app.catalog.unread {
            0 => app.status.set_message(app.ui.say(Screen::NoUnreadToMark)),
            n => app.prompt = Prompt::Confirm(Question::MarkAllRead(n)),
        },
        Action::ConfirmYes => answer(app, true),
        Action::ConfirmNo => answer(app, false),
        Action::CycleFilter => {
            let note = app.cycle_filter();
            app.status.set_message(app.ui.say(note));
        }
        Action::StartGoto => app.prompt = Prompt::Goto(String::new()),
        Action::GotoInput(c) => app.prompt.edit_goto(|t| t.push(c)),
        Action::GotoBackspace => app.prompt.edit_goto(|t| {
            t.pop();
        }),
        Action::GotoAccept => accept_goto(app),
        Action::GotoCancel => app.prompt = Prompt::None,
        Action::NoteInput(c) => app.prompt.edit_note(|t| t.push(c)),
        Action::NoteBackspace => app.prompt.edit_note(|t| {
            t.pop();
        }),
        Action::NoteAccept => app.accept_note(),
        Action::NoteCancel => app.prompt = Prompt::None,
        Action::OpenUrl | Action::CopyUrl | Action::FetchPage if nothing_shown(app) => {
            app.status.set_message(app.ui.say(Mine::NoIssueShown));
        }
        Action::OpenUrl => open_url(app),
        Action::CopyUrl => copy_url(app),
        Action::ToggleHelp => {
            // Over the chart or image view, help opens at that view's keys.
            let scroll = match app.mode() {
                InputMode::Chart => app.help.layout.scroll_to(Scope::Chart),
                InputMode::Image => app.help.layout.scroll_to(Scope::Image),
                _ => 0,
            };
            app.help.open_at(scroll);
        }
        // Help opened over the chart view goes back to it.
        Action::CloseHelp => app.help.close(),
        Action::OpenBrief => app.open_brief(),
        Action::CloseBrief => app.brief.close(),
        Action::CopyBrief => copy_brief(app),
        Action::OpenChart => {
            app.charts.view.open();
            app.refresh_charts();
        }
        Action::CloseChart => {
            app.charts.view.close();
            app.refresh_charts();
        }
        Action::ChartFigure(n) => {
            if app.charts.view.set_figure(n) {
                app.refresh_charts();
            } else {
                app.status.set_error(app.ui.say(Screen::NoFigure(n)));
            }
        }
        Action::NextFigure | Action::PrevFigure => {
            app.charts.view.step_figure(action == Action::NextFigure);
            app.refresh_charts();
        }
        Action::ZoomIn | Action::ZoomOut => {
            if app.charts.view.zoom(action == Action::ZoomIn) {
                app.refresh_charts();
            } else if action == Action::ZoomIn {
                app.status.set_message(app.ui.say(Screen::NarrowestSpan));
            } else {
                app.status.set_message(app.ui.say(Screen::WidestSpan));
            }
        }
        Action::ToggleYearEarlier => {
            app.charts.view.toggle_year_earlier();
            app.refresh_charts();
        }
        // Esc cancels a fetch, an update or the image view's download, else
        // clears what is shown (a message, a search highlight), and only
        // then backs out to the list.
        Action::Dismiss => match (
            app.fetching.cancel(),
            app.updating.cancel(),
            app.images.cancel(),
        ) {
            (Some(what), _, _) => say(app, Fetch::TuiCancelled { what }, false),
            (None, Some(said), _) => app.status.notice(&app.ui, &said),
            (None, None, Some(said)) => say(app, said, false),
            (None, None, None) if had_status || app.search.is_some() => app.search = None,
            (None, None, None) => app.focus = Focus::List,
        },
        Action::OpenImages => {
            let at = match app.detail.doc.items.get(app.detail.link) {
                Some(Item::Image(i)) if app.focus == Focus::Links => i + 1,
                _ => 1,
            };
            app.open_images(at);
        }
        Action::CloseImages => app.images.close(),
        // Esc in the view cancels its download first.
        Action::DismissImages => match app.images.cancel() {
            Some(said) => say(app, said, false),
            None => app.images.close(),
        },
        Action::NextImage => {
            let moved = app.images.forward();
            step_image(app, moved, Images::ViewLast);
        }
        Action::PrevImage => {
            let moved = app.images.back();
            step_image(app, moved, Images::ViewFirst);
        }
        Action::ImageNumber(n) => {
            let of = app.images.view().map_or(0, |v| v.images().len());
            // The one shown already is no mistake.
            let there = app.images.select(usize::from(n)) || usize::from(n) <= of;
            step_image(app, there, Images::ViewNoSuch { n, of });
        }
        Action::FetchImages => fetch_images(app),
        Action::FetchPage => start_fetch(app),
        Action::PollFetch => poll_fetch(app),
        Action::UpdateFeeds => app.start_update(),
        Action::PollUpdate => poll_update(app),
        Action::CompleteCatalog => app.complete_catalog(),
        Action::PollImages => poll_images(app),
        Action::Click { column, row } => click(app, column, row),
        Action::Scroll { column, row, down } => wheel(app, column, row, down),
    }
    app.sync_hints();
}

/// Puts `msg` on the status line, as an error or not.
fn say(app: &mut App, msg: impl Into<Msg>, error: bool) {
    let text = app.ui.say(msg);
    if error {
        app.status.set_error(text);
    } else {
        app.status.set_message(text);
    }
}

fn page(app: &App) -> usize {
    if app.help.open {
        return app.help.page();
    }
    if app.brief.open {
        return app.brief.page();
    }
    match app.focus {
        Focus::List => app.list.page(),
        Focus::Detail | Focus::Links => app.detail.page(),
    }
}

/// The moving keys, on the focused pane (or the overlay over it).
fn move_by(app: &mut App, n: usize, down: bool) {
    if app.help.open {
        return app.help.scroll_by(n, down);
    }
    if app.brief.open {
        return app.brief.scroll_by(n, down);
    }
    match app.focus {
        // g and G go to the ends whatever the cursor is between.
        Focus::List if n == usize::MAX => {
            let end = if down { app.list.rows.len() } else { 1 };
            app.select_row(end.saturating_sub(1));
        }
        Focus::List => match app.list.step(app.current_key(), n, down) {
            Some(i) => app.select_row(i),
            None if app.list.rows.is_empty() => {}
            None if down => app.status.set_message(app.ui.say(Screen::NoOlderInList)),
            None => app.status.set_message(app.ui.say(Screen::NoNewerInList)),
        },
        Focus::Detail => app.detail.scroll_by(n, down),
        Focus::Links => app.detail.step_link(n, down),
    }
}

/// Enter (or a second click) on a selectable line of the detail pane: a
/// 近期回顾 line is followed, a chart shown in the image view.
fn activate_item(app: &mut App, item: usize) {
    match app.detail.doc.items.get(item).copied() {
        Some(Item::Link(n)) => app.follow(n),
        Some(Item::Image(i)) => app.open_images(i + 1),
        Some(Item::SameWeek(n)) => app.go_to_same_week(n),
        None => {}
    }
}

/// After a move in the image view: the picture shown asked for, or, when
/// there was none to move to, `otherwise` said.
fn step_image(app: &mut App, moved: bool, otherwise: Images) {
    if moved {
        app.show_picture();
    } else {
        say(app, otherwise, false);
    }
}

/// `F` in the image view: the issue's missing pictures, unless a fetch
/// or an update runs (their requests would not share its pacing).
fn fetch_images(app: &mut App) {
    if let Some(busy) = app.fetching.busy() {
        return say(app, busy, false);
    }
    if let Some(busy) = app.updating.busy() {
        return app.status.notice(&app.ui, &busy);
    }
    let (msg, error) = app.images.start_fetch(app.fetching.fetcher());
    say(app, msg, error);
}

fn cycle_focus(app: &mut App, forward: bool) {
    let has_links = app.detail.has_items();
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
        app.detail.clamp_link();
        app.detail.scroll_link_into_view();
    }
}

/// A click selects the list row, the chart's week or the 近期回顾 line
/// under it; a second click on the selected line follows it.
fn click(app: &mut App, column: u16, row: u16) {
    if app.mode() != InputMode::Normal || app.panes.too_small {
        return;
    }
    if let Some(clicked) = app.list.clicked(column, row) {
        app.focus = Focus::List;
        if let Some(i) = clicked {
            app.select_row(i);
        }
    } else if let Some(week) = app.charts.pane.week_at(column, row, &app.catalog.weeks) {
        app.select_key(week);
    } else if let Some(clicked) = app.detail.clicked(column, row) {
        match clicked {
            Some(n) if app.focus == Focus::Links && app.detail.link == n => activate_item(app, n),
            Some(n) => {
                app.focus = Focus::Links;
                app.detail.select_item(n);
            }
            None => app.focus = Focus::Detail,
        }
    }
}

fn wheel(app: &mut App, column: u16, row: u16, down: bool) {
    if app.help.open {
        // The help covers the screen: the wheel scrolls it wherever it is.
        return app.help.scroll_by(WHEEL_STEP, down);
    }
    if app.brief.open {
        return app.brief.scroll_by(WHEEL_STEP, down);
    }
    if app.mode() != InputMode::Normal || app.panes.too_small {
        return;
    }
    if app.list.covers(column, row) {
        if let Some(i) = app.list.step(app.current_key(), WHEEL_STEP, down) {
            app.select_row(i);
        }
    } else if app.detail.covers(column, row) {
        app.detail.scroll_by(WHEEL_STEP, down);
    }
}

/// Where a search step takes the reader: a hit, or back to where the
/// search began while its prompt is open.
fn jump(app: &mut App, step: Result<Jump, LibraryError>) {
    match step {
        Ok(Jump::Stay) => {}
        Ok(Jump::To(key)) => app.select_key(key),
        Ok(Jump::Start) => {
            if let Prompt::Search(saved) = &app.prompt {
                app.restore(saved.clone());
            }
        }
        Err(e) => {
            let error = Screen::SearchFailed(Box::new(e.message()));
            app.status.set_error(app.ui.say(error));
        }
    }
}

/// Searches for the edited query and jumps to the first hit.
/// `Action::Paste`: the text as one line at the end of the prompt being
/// typed; in any other mode nothing (pasted text is never taken as keys).
fn paste(app: &mut App, text: &str) {
    let line = super::paste::one_line(text);
    if line.is_empty() {
        return;
    }
    match app.mode() {
        InputMode::Search => edit_search(app, |q| q.push_str(&line)),
        InputMode::Goto => app.prompt.edit_goto(|t| t.push_str(&line)),
        InputMode::Note => app.prompt.edit_note(|t| t.push_str(&line)),
        _ => {}
    }
}

fn edit_search(app: &mut App, edit: impl FnOnce(&mut String)) {
    let budget = app.search_budget();
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let step = search.edit(edit, app.session.library(), &app.catalog, budget);
    jump(app, step);
}

fn run_pending_search(app: &mut App) {
    let budget = app.search_budget();
    let Some(search) = app.search.as_mut() else {
        return;
    };
    let step = search.run_pending(app.session.library(), &app.catalog, budget);
    jump(app, step);
}

/// Enter keeps the search. A deferred one goes on in the background
/// (n / N walk the hits found so far), begun now: typing has ended.
fn accept_search(app: &mut App) {
    if app.search_wait() == Some(super::state::search::SEARCH_PAUSE) {
        run_pending_search(app);
    }
    app.prompt = Prompt::None;
    if app.search.as_ref().is_some_and(|s| s.query.is_empty()) {
        app.search = None;
    }
    app.say_hits_elsewhere();
}

/// `n` / `N`: the next hit below (or above) the issue on screen.
fn step_hit(app: &mut App, forward: bool) {
    let shown = app.current_key();
    let hit = app.search.as_mut().map(|s| s.step_hit(shown, forward));
    match hit {
        Some(Some(key)) => app.select_key(key),
        _ => {
            let why = app.search.as_ref().and_then(SearchState::no_hit);
            let message = why.unwrap_or_else(|| Screen::NoSearch {
                key: app.ui.keys.label_of("search", app.ui.lang),
            });
            app.status.set_message(app.ui.say(message));
        }
    }
}

/// `u`: opens the next older unread cached issue after the one shown,
/// wrapping to the newest, as newsboat's `n` does.
fn next_unread(app: &mut App) {
    let current = app.current_key();
    let Some((next, wrapped)) = app.catalog.next_unread(current) else {
        return app.status.set_message(app.ui.say(Screen::NoUnread));
    };
    app.select_key(next);
    app.mark_opened();
    let note = Screen::NextUnread {
        key: next,
        left: app.catalog.unread,
        wrapped: wrapped && current != Some(next),
    };
    app.status.set_message(app.ui.say(note));
}

/// The answer to the question on the status line.
fn answer(app: &mut App, yes: bool) {
    let Prompt::Confirm(question) = std::mem::take(&mut app.prompt) else {
        return;
    };
    if !yes {
        return app.status.set_message(app.ui.say(Screen::Cancelled));
    }
    match question {
        Question::MarkAllRead(n) if app.session.read_only() => {
            app.catalog.mark_all_read();
            app.list.rebuild(&app.catalog, app.current_key());
            app.show_what_the_list_selects();
            app.status
                .set_message(app.ui.say(Screen::MarkedReadForSession(n)));
        }
        Question::MarkAllRead(_) => {
            match app.session.library().mark_all_read_of(app.catalog.series()) {
                Ok(marked) => {
                    app.catalog.mark_all_read();
                    app.list.rebuild(&app.catalog, app.current_key());
                    app.show_what_the_list_selects();
                    app.status
                        .set_message(app.ui.say(Screen::MarkedRead(marked)));
                }
                Err(e) => {
                    let error = Screen::CannotMarkAll(Box::new(e.message()));
                    app.status.set_error(app.ui.say(error));
                }
            }
        }
    }
}

/// Enter on `:`: goes to the typed issue, kept in the history like a
/// followed link; a key alone (`17`) means that issue of the shown
/// issue's year.
fn accept_goto(app: &mut App) {
    let Prompt::Goto(typed) = std::mem::take(&mut app.prompt) else {
        return;
    };
    let typed = typed.trim();
    if typed.is_empty() {
        return;
    }
    let Some(key) = prompt::goto_key(typed, app.current_key(), app.series()) else {
        // Cut to a few cells, so the reason after it still fits a line.
        let typed = super::view::wrap::truncate(&crate::sanitize::line(typed), TYPED_SHOWN);
        return app.status.set_error(app.ui.say(Screen::BadIssueKey(typed)));
    };
    let Some(key) = app.known(key) else {
        return app.status.set_error(app.ui.say(Screen::NotInCache(key)));
    };
    if app.detail.current == Some(Target::Issue(key)) {
        app.select_key(key);
        return app.status.set_message(app.ui.say(Screen::IssueShown(key)));
    }
    app.go_to(Target::Issue(key));
}

/// What `o` and `y` act on: the shown picture's address in the image
/// view, else the detail pane's selected line's or issue's.
/// The list and detail pane show no issue (an empty cache, a filter that
/// lists nothing), so no address is there to open, copy or fetch.
fn nothing_shown(app: &App) -> bool {
    app.mode() == InputMode::Normal && app.detail.current.is_none()
}

fn chosen_url(app: &App) -> Result<String, NoUrl> {
    if app.mode() == InputMode::Image {
        return app.images.url();
    }
    app.detail.selected_url(app.focus == Focus::Links)
}

/// `o`: hands the URL to the opener.
fn open_url(app: &mut App) {
    let url = match chosen_url(app) {
        Ok(url) => url,
        Err(why) => return app.status.set_error(app.ui.say(why.message(false))),
    };
    match (app.opener)(&url) {
        Ok(()) => app.status.set_message(app.ui.say(Screen::Opened(url))),
        Err(e) => {
            let error = Screen::CannotOpenBrowser(Box::new(e.message()));
            app.status.set_error(app.ui.say(error));
        }
    }
}

/// `y`: asks the event loop to copy the URL to the clipboard; `update`
/// only records the request, so updating never writes to the terminal.
fn copy_url(app: &mut App) {
    let url = match chosen_url(app) {
        Ok(url) => url,
        Err(why) => return app.status.set_error(app.ui.say(why.message(true))),
    };
    let url = clean_link(&url);
    if url.len() > MAX_COPY_BYTES {
        return app.status.set_error(app.ui.say(Screen::UrlTooLong));
    }
    // OSC 52 has no answer: the words say where the link went, not that it arrived.
    let text = app.ui.say(Screen::Copied(url.clone()));
    let short = app.ui.say(Screen::CopiedShort(url.clone()));
    app.status.set(text, vec![short], false);
    app.clipboard = Some(url);
}

/// `y` in the brief: asks the event loop to send the whole brief, as
/// Markdown, to the terminal's clipboard. OSC 52 cannot tell whether the
/// terminal took it, so the status line says it was sent, not copied.
fn copy_brief(app: &mut App) {
    let bytes = app.brief.markdown.len();
    if bytes > MAX_BRIEF_BYTES {
        let said = Briefing::TooLongToSend {
            bytes,
            limit: MAX_BRIEF_BYTES,
        };
        return app.status.set_error(app.ui.say(said));
    }
    let lines = app.brief.markdown_lines();
    app.status
        .set_message(app.ui.say(Briefing::SentToTerminal { lines }));
    app.clipboard = Some(app.brief.markdown.clone());
}
