//! The bulletins' pictures (since 2022 the weekly figures are only in
//! their charts): downloaded into the cache (download.rs, checked by
//! inspect.rs), listed per issue with the words around each (here), and
//! drawn for the terminal (decode.rs, render.rs, view.rs) with
//! `ratatui-image`: kitty, sixel or iTerm2 where the terminal has one,
//! halfblocks everywhere else.
//!
//! An issue's pictures are the addresses of its shown copy
//! (`issue_texts.images`), joined to the cache's `images` table by the
//! address's identity (identity.rs), so a reindex that picks another copy
//! of the issue still finds the pictures already downloaded.

pub mod decode;
pub mod download;
mod error;
pub mod identity;
pub mod inspect;
mod kind;
pub mod render;
pub mod samples;
pub mod view;

pub use download::{
    fetch_missing, fetch_missing_with_progress, ImageEvent, ImageFetch, ImagesSummary,
    MAX_IMAGE_BYTES,
};
pub use error::{ImageError, Reason};
pub use identity::image_identity;
pub use inspect::{inspect, Inspected, MAX_SIDE};
pub use kind::ImageKind;

use crate::model::IssueKey;
use crate::store::{ImageRowState, Store, StoreError};

/// One picture of an issue, as `zhoubao images` and the image view list it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueImage {
    /// From 1, in the order the issue shows them.
    pub index: usize,
    pub url: String,
    /// None for an address that is not http(s).
    pub identity: Option<String>,
    /// The heading of its section, when [`with_words`] found one.
    pub heading: Option<String>,
    /// The paragraph before it (or its own line's text), when found.
    pub caption: Option<String>,
    pub state: ImageState,
}

/// What the cache holds of a picture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImageState {
    Cached {
        kind: ImageKind,
        width: u32,
        height: u32,
        bytes: u64,
    },
    /// The download failed; its reason, in both languages.
    Failed {
        reason: Reason,
    },
    Missing,
    /// Not an http(s) address: nothing to download.
    BadAddress,
}

impl IssueImage {
    pub fn is_cached(&self) -> bool {
        matches!(self.state, ImageState::Cached { .. })
    }
}

/// The pictures of `key`'s shown copy, in order, with what the cache
/// holds of each; empty for an issue without a body.
pub fn issue_images(store: &Store, key: IssueKey) -> Result<Vec<IssueImage>, StoreError> {
    let urls = store.issue_image_urls(key)?;
    let identities: Vec<Option<String>> = urls.iter().map(|u| image_identity(u)).collect();
    let known: Vec<&str> = identities.iter().flatten().map(String::as_str).collect();
    let rows = store.image_rows(&known)?;
    Ok(urls
        .into_iter()
        .zip(identities)
        .enumerate()
        .map(|(i, (url, identity))| {
            let row = identity
                .as_deref()
                .and_then(|id| rows.iter().find(|r| r.identity == id));
            let state = match (&identity, row.map(|r| &r.state)) {
                (None, _) => ImageState::BadAddress,
                (Some(_), None) => ImageState::Missing,
                (
                    Some(_),
                    Some(ImageRowState::Cached {
                        kind,
                        width,
                        height,
                        size,
                        ..
                    }),
                ) => match ImageKind::from_name(kind) {
                    Some(kind) => ImageState::Cached {
                        kind,
                        width: *width,
                        height: *height,
                        bytes: *size,
                    },
                    // Written by a later zhoubao that keeps more formats.
                    None => ImageState::Missing,
                },
                (Some(_), Some(ImageRowState::Failed { zh, en })) => ImageState::Failed {
                    reason: Reason {
                        zh: zh.clone(),
                        en: en.clone(),
                    },
                },
            };
            IssueImage {
                index: i + 1,
                url,
                identity,
                heading: None,
                caption: None,
                state,
            }
        })
        .collect())
}

/// Fills in each picture's heading and caption from the file the issue's
/// body was read from (read again: the cache keeps no positions). Costs a
/// parse of that file, so it is asked for, not done by [`issue_images`].
pub fn with_words(
    store: &Store,
    key: IssueKey,
    images: &mut [IssueImage],
) -> Result<(), StoreError> {
    let Some(raw) = store.body_source(key)? else {
        return Ok(());
    };
    let contexts = crate::parse::image_contexts(&raw);
    for image in images.iter_mut() {
        let Some(id) = &image.identity else { continue };
        if let Some(found) = contexts
            .iter()
            .find(|c| image_identity(&c.url).as_ref() == Some(id))
        {
            image.heading = found.heading.clone();
            image.caption = found.caption.clone();
        }
    }
    Ok(())
}

/// [`with_words`] when the file the issue's body was read from is at most
/// `max_bytes` (so the parse it costs fits a key press); false, with the
/// pictures left without words, when it is larger.
pub fn with_words_within(
    store: &Store,
    key: IssueKey,
    images: &mut [IssueImage],
    max_bytes: u64,
) -> Result<bool, StoreError> {
    if images.is_empty() {
        return Ok(true);
    }
    match store.body_source_size(key)? {
        Some(size) if size > max_bytes => Ok(false),
        _ => with_words(store, key, images).map(|()| true),
    }
}

/// A cached picture's bytes, or None when it is not cached.
pub fn cached_bytes(store: &Store, image: &IssueImage) -> Result<Option<Vec<u8>>, StoreError> {
    match (&image.identity, image.is_cached()) {
        (Some(id), true) => store.image_bytes(id),
        _ => Ok(None),
    }
}
