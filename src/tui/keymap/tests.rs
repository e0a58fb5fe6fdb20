//! The key map's behaviour: what the default keys do in each mode and
//! focus, the hints, and what remapping changes and refuses.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use strum::VariantArray;

use super::binding::HintSpec;
use super::*;
use crate::tui::action::Action as A;

#[test]
fn every_scope_of_the_table_applies_in_some_mode_so_its_conflicts_are_checked() {
    // `Scope::overlaps` walks every mode and focus: a scope that applied in
    // none would never be checked against the others.
    for binding in KEYMAP {
        assert!(
            binding.scope.overlaps(binding.scope),
            "{:?} applies nowhere",
            binding.scope
        );
    }
}

fn map_key(key: KeyEvent, mode: InputMode, focus: Focus) -> Option<Action> {
    KeyMap::default().action(key, mode, focus)
}

fn hints(mode: InputMode, focus: Focus) -> Vec<Hint> {
    KeyMap::default().hints(mode, focus, Lang::En)
}

fn press(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

#[test]
fn vim_keys_and_arrows_move_alike() {
    for code in [KeyCode::Char('j'), KeyCode::Down] {
        assert_eq!(
            map_key(press(code), InputMode::Normal, Focus::List),
            Some(A::MoveDown)
        );
    }
    for code in [KeyCode::Char('k'), KeyCode::Up] {
        assert_eq!(
            map_key(press(code), InputMode::Normal, Focus::Detail),
            Some(A::MoveUp)
        );
    }
}

#[test]
fn enter_opens_in_list_follows_in_links_and_does_nothing_in_detail() {
    let enter = press(KeyCode::Enter);
    assert_eq!(
        map_key(enter, InputMode::Normal, Focus::List),
        Some(A::Activate)
    );
    assert_eq!(
        map_key(enter, InputMode::Normal, Focus::Links),
        Some(A::Activate)
    );
    assert_eq!(map_key(enter, InputMode::Normal, Focus::Detail), None);
}

#[test]
fn digits_follow_the_numbered_line_but_zero_is_unbound() {
    assert_eq!(
        map_key(press(KeyCode::Char('3')), InputMode::Normal, Focus::List),
        Some(A::FollowNumber(3))
    );
    assert_eq!(
        map_key(press(KeyCode::Char('0')), InputMode::Normal, Focus::List),
        None
    );
}

#[test]
fn search_mode_types_every_character_including_chinese_and_command_letters() {
    for c in ['周', 'q', 'j', '3', '/'] {
        assert_eq!(
            map_key(press(KeyCode::Char(c)), InputMode::Search, Focus::List),
            Some(A::SearchInput(c))
        );
    }
    assert_eq!(
        map_key(press(KeyCode::Esc), InputMode::Search, Focus::List),
        Some(A::SearchCancel)
    );
}

#[test]
fn ctrl_c_quits_in_every_mode_and_q_does_not_quit_while_typing() {
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    for &mode in InputMode::VARIANTS {
        assert_eq!(map_key(ctrl_c, mode, Focus::List), Some(A::Quit));
    }
    assert_eq!(
        map_key(press(KeyCode::Char('q')), InputMode::Normal, Focus::List),
        Some(A::Quit)
    );
    assert_eq!(
        map_key(press(KeyCode::Char('q')), InputMode::Help, Focus::List),
        Some(A::CloseHelp)
    );
}

#[test]
fn shifted_letters_and_backspace_walk_history() {
    let shift_h = KeyEvent::new(KeyCode::Char('H'), KeyModifiers::SHIFT);
    assert_eq!(
        map_key(shift_h, InputMode::Normal, Focus::List),
        Some(A::Back)
    );
    assert_eq!(
        map_key(press(KeyCode::Backspace), InputMode::Normal, Focus::Links),
        Some(A::Back)
    );
    assert_eq!(
        map_key(press(KeyCode::Char('L')), InputMode::Normal, Focus::Detail),
        Some(A::Forward)
    );
    assert_eq!(
        map_key(press(KeyCode::BackTab), InputMode::Normal, Focus::Detail),
        Some(A::FocusPrev)
    );
}

#[test]
fn alt_modified_letters_and_key_releases_are_ignored() {
    let alt_j = KeyEvent::new(KeyCode::Char('j'), KeyModifiers::ALT);
    assert_eq!(map_key(alt_j, InputMode::Normal, Focus::List), None);
    let mut release = press(KeyCode::Char('j'));
    release.kind = KeyEventKind::Release;
    assert_eq!(map_key(release, InputMode::Normal, Focus::List), None);
}

fn pairs(mode: InputMode, focus: Focus) -> Vec<(String, &'static str)> {
    hints(mode, focus)
        .into_iter()
        .map(|h| (h.keys, h.what))
        .collect()
}

fn pair(keys: &str, what: &'static str) -> (String, &'static str) {
    (keys.to_string(), what)
}

#[test]
fn the_chart_view_has_its_own_keys_and_q_or_esc_leave_it_not_the_app() {
    let chart = |code| map_key(press(code), InputMode::Chart, Focus::List);
    assert_eq!(
        map_key(press(KeyCode::Char('c')), InputMode::Normal, Focus::Detail),
        Some(A::OpenChart)
    );
    for code in [KeyCode::Char('q'), KeyCode::Esc, KeyCode::Char('c')] {
        assert_eq!(chart(code), Some(A::CloseChart));
    }
    assert_eq!(chart(KeyCode::Char('3')), Some(A::ChartFigure(3)));
    // Nine digits, whatever the series: CNVD漏洞周报's chart view reaches
    // more figures than its five headline ones.
    assert_eq!(chart(KeyCode::Char('9')), Some(A::ChartFigure(9)));
    assert_eq!(chart(KeyCode::Char('0')), None);
    assert_eq!(chart(KeyCode::Down), Some(A::NextFigure));
    assert_eq!(chart(KeyCode::Up), Some(A::PrevFigure));
    assert_eq!(chart(KeyCode::Left), Some(A::PrevIssue));
    assert_eq!(chart(KeyCode::Char(']')), Some(A::NextIssue));
    let plus = KeyEvent::new(KeyCode::Char('+'), KeyModifiers::SHIFT);
    assert_eq!(
        map_key(plus, InputMode::Chart, Focus::List),
        Some(A::ZoomIn)
    );
    assert_eq!(chart(KeyCode::Char('-')), Some(A::ZoomOut));
    assert_eq!(chart(KeyCode::Char('p')), Some(A::ToggleYearEarlier));
    assert_eq!(chart(KeyCode::Char('?')), Some(A::ToggleHelp));
    // Browsing keys do not leak into the view.
    assert_eq!(chart(KeyCode::Char('m')), None);
    assert_eq!(chart(KeyCode::Tab), None);
}

#[test]
fn hints_follow_focus() {
    let list = pairs(InputMode::Normal, Focus::List);
    assert!(list.contains(&pair("Enter", "open")));
    let links = pairs(InputMode::Normal, Focus::Links);
    assert!(links.contains(&pair("Enter", "follow/open")));
    assert!(!links.contains(&pair("Enter", "open")));
}

#[test]
fn help_and_quit_are_the_pinned_hints_while_browsing() {
    let pinned: Vec<_> = hints(InputMode::Normal, Focus::List)
        .into_iter()
        .filter(|h| h.pinned)
        .map(|h| (h.keys, h.what))
        .collect();
    assert_eq!(pinned, [pair("?", "help"), pair("q", "quit")]);
    // Off the list, q goes back to it, and the pinned hint says so.
    let pinned: Vec<_> = hints(InputMode::Normal, Focus::Detail)
        .into_iter()
        .filter(|h| h.pinned)
        .map(|h| (h.keys, h.what))
        .collect();
    assert_eq!(pinned, [pair("?", "help"), pair("q", "list")]);
    // Where q types a letter, no hint claims it quits.
    assert!(!pairs(InputMode::Search, Focus::List).contains(&pair("q", "quit")));
    assert!(!pairs(InputMode::Goto, Focus::List).contains(&pair("q", "quit")));
}

#[test]
fn the_goto_prompt_types_keys_and_the_question_takes_y_or_anything_else() {
    for c in ['2', '-', 'q', 'y'] {
        assert_eq!(
            map_key(press(KeyCode::Char(c)), InputMode::Goto, Focus::List),
            Some(A::GotoInput(c))
        );
    }
    assert_eq!(
        map_key(press(KeyCode::Enter), InputMode::Goto, Focus::List),
        Some(A::GotoAccept)
    );
    assert_eq!(
        map_key(press(KeyCode::Char('y')), InputMode::Confirm, Focus::List),
        Some(A::ConfirmYes)
    );
    for code in [
        KeyCode::Char('n'),
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Char('q'),
    ] {
        assert_eq!(
            map_key(press(code), InputMode::Confirm, Focus::List),
            Some(A::ConfirmNo),
            "{code:?}"
        );
    }
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(
        map_key(ctrl_c, InputMode::Confirm, Focus::List),
        Some(A::Quit)
    );
}

#[test]
fn review_keys_are_bound_while_browsing() {
    for (c, action) in [
        ('u', A::NextUnread),
        ('A', A::AskMarkAllRead),
        ('f', A::CycleFilter),
        (':', A::StartGoto),
        ('y', A::CopyUrl),
        ('o', A::OpenUrl),
    ] {
        for &focus in Focus::VARIANTS {
            assert_eq!(
                map_key(press(KeyCode::Char(c)), InputMode::Normal, focus),
                Some(action.clone())
            );
        }
    }
}

#[test]
fn no_key_is_bound_twice_where_both_bindings_apply() {
    assert_eq!(KeyMap::default().check(&[]), Ok(()));
    // A catch-all first would hide every binding after it in its scope.
    for (i, a) in KEYMAP.iter().enumerate() {
        let catch_all = a.keys.iter().any(|k| matches!(k, Key::Typed | Key::Any));
        for b in KEYMAP.iter().skip(i + 1) {
            assert!(
                !(catch_all && a.scope.overlaps(b.scope) && b.scope != Scope::Anywhere),
                "{:?} hides {:?}",
                a.help,
                b.help
            );
        }
    }
}

#[test]
fn every_binding_has_help_text_and_a_key_and_names_are_unique_snake_case() {
    let mut names = Vec::new();
    for b in KEYMAP {
        assert!(!b.keys.is_empty());
        for lang in [Lang::Zh, Lang::En] {
            assert!(!b.help.text(lang).is_empty());
        }
        if let Some(name) = b.name {
            assert!(
                name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
                "{name}"
            );
            assert!(!names.contains(&name), "{name} twice");
            names.push(name);
            // A remappable binding's keys all have a config spelling.
            assert!(b.keys.iter().all(|k| k.config_name().is_some()), "{name}");
        }
        if let Some(HintSpec {
            with: Some((_, other)),
            ..
        }) = b.hint
        {
            assert!(KEYMAP.iter().any(|o| o.name == Some(other)), "{other}");
        }
    }
}

#[test]
fn q_backs_out_of_a_pane_and_quits_only_on_the_list_and_esc_dismisses() {
    let q = press(KeyCode::Char('q'));
    assert_eq!(map_key(q, InputMode::Normal, Focus::List), Some(A::Quit));
    assert_eq!(
        map_key(q, InputMode::Normal, Focus::Detail),
        Some(A::BackToList)
    );
    assert_eq!(
        map_key(q, InputMode::Normal, Focus::Links),
        Some(A::BackToList)
    );
    assert_eq!(
        map_key(q, InputMode::Help, Focus::Detail),
        Some(A::CloseHelp)
    );
    assert_eq!(
        map_key(q, InputMode::Chart, Focus::List),
        Some(A::CloseChart)
    );
    let esc = press(KeyCode::Esc);
    for &focus in Focus::VARIANTS {
        assert_eq!(map_key(esc, InputMode::Normal, focus), Some(A::Dismiss));
    }
}

#[test]
fn every_paging_key_scrolls_the_help_too() {
    let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
    for (key, action) in [
        (press(KeyCode::PageDown), A::PageDown),
        (press(KeyCode::PageUp), A::PageUp),
        (press(KeyCode::Char(' ')), A::PageDown),
        (ctrl('d'), A::PageDown),
        (ctrl('u'), A::PageUp),
        (press(KeyCode::Char('g')), A::Top),
        (press(KeyCode::Char('G')), A::Bottom),
        (press(KeyCode::Home), A::Top),
        (press(KeyCode::End), A::Bottom),
        (press(KeyCode::Char('j')), A::MoveDown),
        (press(KeyCode::Up), A::MoveUp),
    ] {
        assert_eq!(
            map_key(key, InputMode::Help, Focus::List),
            Some(action),
            "{key:?}"
        );
    }
    // Browsing keys do not leak into the help.
    assert_eq!(
        map_key(press(KeyCode::Char('m')), InputMode::Help, Focus::List),
        None
    );
}

fn remap(pairs: &[(&str, &[&str])]) -> Result<KeyMap, KeyMapError> {
    KeyMap::with_keys(pairs.iter().map(|(name, keys)| {
        (
            *name,
            keys.iter().map(|k| Key::parse(k).expect("a key")).collect(),
        )
    }))
}

#[test]
fn a_remapped_action_gets_exactly_its_new_keys_in_map_key_and_hints() {
    let map =
        remap(&[("move_down", &["n", "ctrl-n"]), ("next_hit", &["ctrl-g"])]).expect("no conflict");
    let normal = |k| map.action(k, InputMode::Normal, Focus::List);
    assert_eq!(normal(press(KeyCode::Char('n'))), Some(A::MoveDown));
    let ctrl_n = KeyEvent::new(KeyCode::Char('n'), KeyModifiers::CONTROL);
    assert_eq!(normal(ctrl_n), Some(A::MoveDown));
    // The old keys are gone: j and ↓ do nothing now.
    assert_eq!(normal(press(KeyCode::Char('j'))), None);
    assert_eq!(normal(press(KeyCode::Down)), None);
    let hints = map.hints(InputMode::Normal, Focus::List, Lang::En);
    assert!(
        hints.iter().any(|h| h.keys == "n/k" && h.what == "move"),
        "{hints:?}"
    );
    // The help scrolls with the new key too.
    assert_eq!(
        map.action(press(KeyCode::Char('n')), InputMode::Help, Focus::List),
        Some(A::MoveDown)
    );
}

#[test]
fn an_empty_list_unbinds_and_its_hint_goes() {
    let map = remap(&[("filter", &[])]).expect("unbinding is allowed");
    assert_eq!(
        map.action(press(KeyCode::Char('f')), InputMode::Normal, Focus::List),
        None
    );
    let hints = map.hints(InputMode::Normal, Focus::List, Lang::En);
    assert!(!hints.iter().any(|h| h.what == "filter"));
}

#[test]
fn a_key_bound_twice_where_both_apply_names_both_actions() {
    let err = remap(&[("open_chart", &["j"])]).unwrap_err();
    assert_eq!(
        err,
        KeyMapError::Conflict {
            action: "open_chart".into(),
            key: "j".into(),
            other: BoundTo::Action("move_down".into())
        }
    );
    // The same key in scopes that never apply together is fine: j moves
    // the list and picks the next figure in the chart view.
    assert!(remap(&[("chart_year_earlier", &["m"])]).is_ok());
    // A digit clashes with the fixed 1-9 keys.
    let err = remap(&[("search", &["3"])]).unwrap_err();
    assert!(
        matches!(err, KeyMapError::Conflict { ref other, .. } if other.to_string().contains("N-th")),
        "{err:?}"
    );
}

#[test]
fn ctrl_c_and_unknown_names_are_refused() {
    assert_eq!(
        remap(&[("move_down", &["ctrl-c"])]).unwrap_err(),
        KeyMapError::Reserved {
            action: "move_down".into(),
            key: "ctrl-c".into()
        }
    );
    assert_eq!(
        remap(&[("fly", &["x"])]).unwrap_err(),
        KeyMapError::UnknownAction("fly".into())
    );
}

#[test]
fn every_binding_says_what_it_does_and_its_hint_in_both_languages() {
    let said = |words: crate::i18n::Words, what: &str| {
        for lang in [Lang::Zh, Lang::En] {
            assert!(!words.text(lang).trim().is_empty(), "{what} in {lang:?}");
        }
        assert_ne!(words.zh, words.en, "{what} is not translated");
    };
    for binding in KEYMAP {
        let what = format!("{:?} {:?}", binding.name, binding.bound);
        said(binding.help, &what);
        if let Some(hint) = binding.hint {
            said(hint.what, &format!("the hint of {what}"));
        }
        said(binding.scope.heading(), &format!("{:?}", binding.scope));
    }
}
