//! Background work as `update` sees it: `F` starts a fetch, and the
//! loop's polls take a fetch's, a feed update's and a picture download's
//! news, each becoming what the reader sees.

use super::*;

/// `F`: starts fetching the selected line's issue or the shown issue,
/// unless an update of the feeds runs.
pub(super) fn start_fetch(app: &mut App) {
    if let Some(busy) = app.updating.busy() {
        return app.status.notice(&app.ui, &busy);
    }
    let links_focused = app.focus == Focus::Links;
    let (detail, catalog, library) = (&app.detail, &app.catalog, app.session.library());
    let request = || fetching::request(detail, links_focused, catalog, library);
    let (msg, error) = app.fetching.start(request, detail.current.clone());
    say(app, msg, error);
}

/// `Action::PollFetch`: takes the fetch thread's news; when the page
/// arrived, reloads and shows it if the reader is still where they pressed
/// `F`.
pub(super) fn poll_fetch(app: &mut App) {
    match app.fetching.poll() {
        Polled::Idle => {}
        Polled::Lost => say(app, Fetch::TuiLost, true),
        Polled::Running { before, now } => {
            // The line follows the fetch unless it says something else now;
            // a key press that cleared it brings the fetch's words back.
            let lang = app.ui.lang;
            let ours = app
                .status
                .message
                .as_ref()
                .is_none_or(|s| !s.error && s.text == before.text(lang));
            if ours {
                say(app, now, false);
            }
        }
        Polled::Done(finished) => finish_fetch(app, finished),
    }
}

pub(super) fn finish_fetch(app: &mut App, finished: Finished) {
    let Finished {
        what,
        from,
        link,
        result,
    } = finished;
    match result {
        PageResult::Stored { key, outcome } => {
            app.reload_if_changed();
            if app.detail.current == from {
                show_fetched(app, key, link);
            }
            let key = key.to_string();
            say(app, Fetch::TuiStored { key, outcome }, false);
        }
        PageResult::Skipped(why) => {
            let why = Box::new(why.message());
            say(app, Fetch::TuiSkipped { what, why }, true);
        }
        PageResult::Failed(FetchError::Cancelled) => {}
        PageResult::Failed(FetchError::Wall) => say(app, Fetch::TuiWall { what }, true),
        PageResult::Failed(e) => {
            let why = Box::new(e.message());
            say(app, Fetch::TuiFailed { what, why }, true);
        }
    }
}

/// A fetched issue asked for from a 近期回顾 line is followed like the
/// link; the shown issue's own page just replaces what was shown.
pub(super) fn show_fetched(app: &mut App, key: IssueKey, link: bool) {
    if link {
        app.go_to(Target::Issue(key));
    } else {
        app.show(Target::Issue(key));
    }
}

/// `Action::PollUpdate`: takes the feed update's news. The list reloads
/// whenever the cache holds something new; the status line follows the
/// update unless it says something else now (a key press that cleared it
/// brings the update's words back), then gives the summary; `on_new`'s
/// failure is said when it ends.
pub(super) fn poll_update(app: &mut App) {
    match app.updating.poll() {
        UpdatePolled::Idle => {}
        UpdatePolled::Running {
            before,
            now,
            stored,
        } => {
            if stored {
                app.reload_quietly();
            }
            let ours = app.status.message.is_none()
                || before.as_ref().is_some_and(|b| app.status.says(&app.ui, b));
            if let Some(now) = now.filter(|_| ours) {
                app.status.notice(&app.ui, &now);
            }
        }
        UpdatePolled::Done(summary) => {
            app.reload_quietly();
            app.status.notice(&app.ui, &summary);
        }
    }
    if let Some(problem) = app.updating.poll_notify() {
        say(app, problem.message(), true);
    }
}

/// `Action::PollImages`: takes the pictures the worker drew (the frame
/// after shows them) and the image view's download's news; when it ends,
/// the view and the detail pane read the issue's pictures again.
pub(super) fn poll_images(app: &mut App) {
    let polled = app.images.poll();
    match polled.fetch {
        ImagesPolled::Idle => {}
        ImagesPolled::Lost => say(app, Fetch::TuiLost, true),
        ImagesPolled::Running { before, now } => {
            let lang = app.ui.lang;
            let ours = app
                .status
                .message
                .as_ref()
                .is_none_or(|s| !s.error && s.text == before.text(lang));
            if ours {
                say(app, now, false);
            }
        }
        ImagesPolled::Done { key, summary } => {
            // The detail pane's marks and the view's pictures.
            app.reload_quietly();
            app.refresh_images();
            let key = key.to_string();
            match (&summary.stopped, summary.cancelled) {
                (Some(why), _) => say(
                    app,
                    Images::Stopped {
                        why: Box::new(why.clone()),
                    },
                    true,
                ),
                (None, true) => say(app, Images::TuiCancelled { key }, false),
                (None, false) => {
                    let failed = summary.failed.len();
                    let stored = summary.stored;
                    say(
                        app,
                        Images::TuiDone {
                            key,
                            stored,
                            failed,
                        },
                        failed > 0,
                    );
                }
            }
        }
    }
}
