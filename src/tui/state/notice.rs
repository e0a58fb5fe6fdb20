//! What an owner of background work (a fetch, a feed update) hands the
//! status line: apart from status.rs, which needs the session's words and
//! hints, so that the owners need neither.

use crate::i18n::Msg;

/// What an owner of background work hands the status line: a message and
/// its shorter forms (longest first), put in the session's words when
/// shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub forms: Vec<Msg>,
    pub error: bool,
}

impl Notice {
    pub fn message(msg: impl Into<Msg>) -> Notice {
        Notice {
            forms: vec![msg.into()],
            error: false,
        }
    }

    pub fn error(msg: impl Into<Msg>) -> Notice {
        Notice {
            forms: vec![msg.into()],
            error: true,
        }
    }

    /// A message with a shorter form for a narrow line.
    pub fn with_short(msg: impl Into<Msg>, short: impl Into<Msg>, error: bool) -> Notice {
        Notice {
            forms: vec![msg.into(), short.into()],
            error,
        }
    }
}
