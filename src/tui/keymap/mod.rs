//! The key map the TUI runs with: the default table (table.rs) with the
//! config's `[keys]` applied. Deciding what a key does ([`KeyMap::action`]),
//! the help overlay and the status-line hints all read this one value, so
//! after a remap the three still agree.

pub mod binding;
pub mod table;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEventKind,
};
use thiserror::Error;

use self::binding::{Binding, Bound, Scope};
use self::table::{KEYMAP, LEADING_HINTS, PINNED_HINTS};
use super::action::{Action, Focus, InputMode};
use super::keys::Key;
use crate::i18n::{english_display, Lang, Localized, Words};

/// A binding as the TUI runs with it: the table's, with the keys the config
/// gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub binding: &'static Binding,
    pub keys: Vec<Key>,
}

/// Why a `[keys]` table cannot be applied; the config's line names the
/// action, so the words below do not. `Display` is their English.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum KeyMapError {
    UnknownAction(String),
    /// `key` of `action` is bound to `other` where both apply.
    Conflict {
        action: String,
        key: String,
        other: BoundTo,
    },
    Reserved {
        action: String,
        key: String,
    },
    /// `action` is the only way out of a screen (the help, the chart
    /// view) and was left without keys: only Ctrl-C would leave it.
    NoWayOut {
        action: String,
    },
}

impl KeyMapError {
    /// The action of the `[keys]` entry refused.
    pub fn action(&self) -> &str {
        match self {
            KeyMapError::UnknownAction(action)
            | KeyMapError::Conflict { action, .. }
            | KeyMapError::Reserved { action, .. }
            | KeyMapError::NoWayOut { action } => action,
        }
    }
}

english_display!(KeyMapError);

impl Localized for KeyMapError {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        use KeyMapError::*;
        use Lang::{En, Zh};
        match (self, lang) {
            (UnknownAction(_), Zh) => "不是可以改键的动作：`zhoubao config` 列出了全部".into(),
            (UnknownAction(_), En) => {
                "not an action that can be remapped: `zhoubao config` lists them all".into()
            }
            (
                Conflict {
                    key,
                    other: BoundTo::Action(other),
                    ..
                },
                Zh,
            ) => format!("“{key}”也绑定给了 {other}，两者会同时起作用").into(),
            (
                Conflict {
                    key,
                    other: BoundTo::Action(other),
                    ..
                },
                En,
            ) => format!("{key:?} is also bound to {other} where both apply").into(),
            (
                Conflict {
                    key,
                    other: BoundTo::Fixed(what),
                    ..
                },
                Zh,
            ) => format!("“{key}”也是“{}”的键，两者会同时起作用", what.text(Zh)).into(),
            (
                Conflict {
                    key,
                    other: BoundTo::Fixed(what),
                    ..
                },
                En,
            ) => format!("{key:?} is also bound to “{}” where both apply", what.text(En)).into(),
            (NoWayOut { .. }, Zh) => {
                "这是离开该画面的唯一方式，至少要留一个键（否则只能按 Ctrl-C 退出 zhoubao）".into()
            }
            (NoWayOut { .. }, En) => {
                "the only way out of its screen needs at least one key (else only Ctrl-C would leave, quitting zhoubao)".into()
            }
            (Reserved { key, .. }, Zh) => format!("“{key}”总是退出，不能另作他用").into(),
            (Reserved { key, .. }, En) => format!("{key:?} always quits and cannot be bound").into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<KeyMapError> {
        use KeyMapError::*;
        vec![
            UnknownAction("fly".into()),
            Conflict {
                action: "search".into(),
                key: "j".into(),
                other: BoundTo::Action("move_down".into()),
            },
            Conflict {
                action: "search".into(),
                key: "3".into(),
                other: BoundTo::Fixed(Words::new(
                    "跟随第 N 条近期回顾",
                    "follow the N-th 近期回顾 line",
                )),
            },
            NoWayOut {
                action: "close_help".into(),
            },
            Reserved {
                action: "quit".into(),
                key: "ctrl-c".into(),
            },
        ]
    }
}

/// What else a clashing key is bound to: an action the config can name,
/// or a fixed binding, known by what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BoundTo {
    Action(String),
    Fixed(Words),
}

impl std::fmt::Display for BoundTo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BoundTo::Action(name) => f.write_str(name),
            BoundTo::Fixed(what) => write!(f, "“{}”", what.text(Lang::En)),
        }
    }
}

/// A status-line hint: `keys what`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    pub keys: String,
    pub what: &'static str,
    /// Shown however narrow the line (`PINNED_HINTS`); the others are
    /// dropped from the last one back when there is no room.
    pub pinned: bool,
    /// What the binding does: the status line leaves out a hint that has
    /// nothing to act on (1-9 with no 近期回顾 line).
    pub bound: Bound,
}

/// The only keys that leave a screen short of quitting with Ctrl-C: each
/// must keep at least one.
const WAYS_OUT: [&str; 4] = ["close_help", "chart_close", "brief_close", "image_close"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyMap {
    entries: Vec<Entry>,
}

impl Default for KeyMap {
    fn default() -> Self {
        KeyMap {
            entries: KEYMAP
                .iter()
                .map(|binding| Entry {
                    binding,
                    keys: binding.keys.to_vec(),
                })
                .collect(),
        }
    }
}

impl KeyMap {
    /// The defaults with each named action given exactly the keys listed
    /// (an empty list unbinds it). Refused: a name that is not a remappable
    /// action, Ctrl-C (it always quits), and a key that would mean two
    /// things where both bindings apply.
    pub fn with_keys<'a>(
        remaps: impl IntoIterator<Item = (&'a str, Vec<Key>)>,
    ) -> Result<KeyMap, KeyMapError> {
        let mut map = KeyMap::default();
        let mut changed = Vec::new();
        for (name, keys) in remaps {
            let entry = map
                .entries
                .iter_mut()
                .find(|e| e.binding.name == Some(name))
                .ok_or_else(|| KeyMapError::UnknownAction(name.to_string()))?;
            let mut unique: Vec<Key> = Vec::with_capacity(keys.len());
            for k in keys {
                if !unique.contains(&k) {
                    unique.push(k);
                }
            }
            entry.keys = unique;
            changed.push(name);
        }
        map.check(&changed)?;
        if let Some(name) = WAYS_OUT.iter().find(|n| map.keys_of(n).is_empty()) {
            return Err(KeyMapError::NoWayOut {
                action: (*name).to_string(),
            });
        }
        Ok(map)
    }

    /// Two bindings that can apply at once share no key. Reported for the
    /// remapped action (`changed`), so the error points at the config line.
    fn check(&self, changed: &[&str]) -> Result<(), KeyMapError> {
        for (i, a) in self.entries.iter().enumerate() {
            for b in self.entries.iter().skip(i + 1) {
                if !a.binding.scope.overlaps(b.binding.scope) {
                    continue;
                }
                let clash = a.keys.iter().find(|ka| {
                    !matches!(ka, Key::Typed | Key::Any) && b.keys.iter().any(|kb| ka.overlaps(*kb))
                });
                let Some(&key) = clash else {
                    continue;
                };
                let is_changed = |e: &Entry| e.binding.name.is_some_and(|n| changed.contains(&n));
                let (mine, other) = if is_changed(b) { (b, a) } else { (a, b) };
                let action = mine.binding.name.unwrap_or_default().to_string();
                let key_name = key.config_name().unwrap_or_else(|| key.label(Lang::En));
                if other.binding.scope == Scope::Anywhere && other.binding.name.is_none() {
                    return Err(KeyMapError::Reserved {
                        action,
                        key: key_name,
                    });
                }
                let other = match other.binding.name {
                    Some(n) => BoundTo::Action(n.to_string()),
                    None => BoundTo::Fixed(other.binding.help),
                };
                return Err(KeyMapError::Conflict {
                    action,
                    key: key_name,
                    other,
                });
            }
        }
        Ok(())
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The keys of the binding named `name`.
    pub fn keys_of(&self, name: &str) -> &[Key] {
        self.entries
            .iter()
            .find(|e| e.binding.name == Some(name))
            .map_or(&[], |e| e.keys.as_slice())
    }

    /// The first key of the binding named `name` as help spells it; empty
    /// when the config left it without keys.
    pub fn label_of(&self, name: &str, lang: Lang) -> String {
        self.keys_of(name)
            .first()
            .map(|k| k.label(lang))
            .unwrap_or_default()
    }

    /// The action a key press means in this mode and focus; `None` when
    /// unbound. Releases are ignored so terminals that report them do not
    /// act twice.
    pub fn action(&self, key: KeyEvent, mode: InputMode, focus: Focus) -> Option<Action> {
        if key.kind == KeyEventKind::Release {
            return None;
        }
        let entry = self
            .entries
            .iter()
            .filter(|e| e.binding.scope.applies(mode, focus))
            .find(|e| e.keys.iter().any(|k| k.matches(&key)))?;
        let digit = || match key.code {
            KeyCode::Char(c) => c.to_digit(10).and_then(|d| u8::try_from(d).ok()),
            _ => None,
        };
        match (&entry.binding.bound, key.code) {
            (Bound::Do(action), _) => Some(action.clone()),
            (Bound::FollowDigit, _) => digit().map(Action::FollowNumber),
            (Bound::FigureDigit, _) => digit().map(Action::ChartFigure),
            (Bound::ImageDigit, _) => digit().map(Action::ImageNumber),
            (Bound::Type, KeyCode::Char(c)) if mode == InputMode::Goto => {
                Some(Action::GotoInput(c))
            }
            (Bound::Type, KeyCode::Char(c)) if mode == InputMode::Note => {
                Some(Action::NoteInput(c))
            }
            (Bound::Type, KeyCode::Char(c)) => Some(Action::SearchInput(c)),
            (Bound::Type, _) => None,
        }
    }

    /// Any terminal event to an action: keys through the key map, mouse
    /// clicks and wheel as positions for `update` to hit-test, and resizes.
    pub fn event(&self, event: &Event, mode: InputMode, focus: Focus) -> Option<Action> {
        match event {
            Event::Key(key) => self.action(*key, mode, focus),
            Event::Mouse(mouse) => {
                let (column, row) = (mouse.column, mouse.row);
                match mouse.kind {
                    MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
                    MouseEventKind::ScrollDown => Some(Action::Scroll {
                        column,
                        row,
                        down: true,
                    }),
                    MouseEventKind::ScrollUp => Some(Action::Scroll {
                        column,
                        row,
                        down: false,
                    }),
                    _ => None,
                }
            }
            Event::Resize(w, h) => Some(Action::Resize(*w, *h)),
            // Only a prompt takes text: a paste is never taken as keys.
            Event::Paste(text)
                if matches!(mode, InputMode::Search | InputMode::Goto | InputMode::Note) =>
            {
                Some(Action::Paste(text.clone()))
            }
            _ => None,
        }
    }

    /// Status-line hints for the current mode and focus, most useful first:
    /// `LEADING_HINTS` in their order, then the others in key-map order.
    /// A binding left without keys gives no hint.
    pub fn hints(&self, mode: InputMode, focus: Focus, lang: Lang) -> Vec<Hint> {
        let rank = |h: &Hint| match &h.bound {
            Bound::Do(a) => LEADING_HINTS
                .iter()
                .position(|l| l == a)
                .unwrap_or(LEADING_HINTS.len()),
            _ => LEADING_HINTS.len(),
        };
        let mut hints = self.unordered_hints(mode, focus, lang);
        hints.sort_by_key(rank);
        hints
    }

    /// The hints in key-map order.
    fn unordered_hints(&self, mode: InputMode, focus: Focus, lang: Lang) -> Vec<Hint> {
        self.entries
            .iter()
            .filter(|e| e.binding.scope != Scope::Anywhere && e.binding.scope.applies(mode, focus))
            .filter_map(|e| {
                let spec = e.binding.hint?;
                let mut keys = e.keys.first()?.label(lang);
                if let Some((sep, other)) = spec.with {
                    if let Some(k) = self.keys_of(other).first() {
                        keys.push_str(sep);
                        keys.push_str(&k.label(lang));
                    }
                }
                let pinned = matches!(&e.binding.bound, Bound::Do(a) if PINNED_HINTS.contains(a));
                Some(Hint {
                    keys,
                    what: spec.what.text(lang),
                    pinned,
                    bound: e.binding.bound.clone(),
                })
            })
            .collect()
    }

    /// The first key of the binding that does `action` where `scope`
    /// applies, as help and prompts spell it (`Esc`, `j`).
    pub fn first_label(&self, scope: Scope, action: Action, lang: Lang) -> Option<String> {
        self.entries
            .iter()
            .find(|e| {
                e.binding.scope == scope && matches!(&e.binding.bound, Bound::Do(a) if *a == action)
            })
            .and_then(|e| e.keys.first())
            .map(|k| k.label(lang))
    }
}

/// The label of every key of an entry, as help lists them.
pub fn keys_label(keys: &[Key], lang: Lang) -> String {
    keys.iter()
        .map(|k| k.label(lang))
        .collect::<Vec<_>>()
        .join(" ")
}
