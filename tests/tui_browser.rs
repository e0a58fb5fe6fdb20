//! `o` with `$BROWSER` set, through the real opener: the URL reaches the
//! browser verbatim as one argument, shell metacharacters and all. Alone
//! in its test binary because it sets a process-wide environment variable.

mod tui_fixture;

#[cfg(unix)]
#[test]
fn browser_from_the_environment_gets_the_url_verbatim_as_one_argument_without_a_shell() {
    use std::os::unix::fs::PermissionsExt;
    use std::time::{Duration, Instant};

    use ratatui::crossterm::event::KeyCode;
    use tui_fixture::{cached, figures, key, press};
    use zhoubao::tui::{action::Action, app::App, library::MemoryLibrary, update::update};

    let dir = tempfile::tempdir().expect("temp dir");
    let argv = dir.path().join("argv");
    let pwned = dir.path().join("PWNED");
    // A space in the path: $BROWSER quotes it, as a shell user would.
    let script = dir.path().join("fake browser");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{0}.tmp' && mv '{0}.tmp' '{0}'\n",
            argv.display()
        ),
    )
    .expect("script");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    std::env::set_var("BROWSER", format!("'{}' --new-tab %s", script.display()));

    let url = format!(
        "https://example.org/a?q=$(touch${{IFS}}{0})&b=`touch${{IFS}}{0}`;touch${{IFS}}{0}|x&'\"<>*",
        pwned.display()
    );
    let mut lib = MemoryLibrary::new();
    let mut issue = cached(
        20,
        (5, 13),
        (5, 19),
        figures([Some(1), None, None, None, None]),
    );
    issue.url = Some(url.clone());
    issue.aliases.clear();
    lib.insert(issue);
    let mut app = App::new(Box::new(lib), Some(key(2024, 20))).expect("app");
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, KeyCode::Char('o'));
    let status = app.status.message.clone().expect("a status line");
    assert!(!status.error, "{}", status.text);

    let started = Instant::now();
    while !argv.exists() && started.elapsed() < Duration::from_secs(20) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let written = std::fs::read_to_string(&argv).expect("the browser ran");
    let args: Vec<&str> = written.lines().collect();
    assert_eq!(args, ["--new-tab", url.as_str()]);
    assert!(!pwned.exists(), "nothing in the URL ran");
}
