//! The image view's parts that need nothing of the TUI's App: which of an
//! issue's pictures is shown ([`ImageViewState`]) and the widget that
//! draws it from the renderer's cache ([`ImageView`]), the picture's
//! number and heading in the border, its caption under it. The TUI's keys
//! (`→`/`←`, `1`–`9`, `o`, `F`) call the state's methods; its update asks
//! the renderer for the shown picture at [`ImageView::picture_area`].

use std::sync::Arc;

use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use super::error::ImageError;
use super::render::{ImageRenderer, Slot};
use super::{ImageState, IssueImage};
use crate::i18n::{Images, Lang, Localized};
use crate::model::IssueKey;

/// Which picture of which issue is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageViewState {
    key: IssueKey,
    images: Vec<IssueImage>,
    /// Index into `images`; 0 when there are none.
    current: usize,
}

impl ImageViewState {
    /// The view of `key`'s pictures (from [`super::issue_images`], with
    /// words or without), at the first.
    pub fn new(key: IssueKey, images: Vec<IssueImage>) -> ImageViewState {
        ImageViewState {
            key,
            images,
            current: 0,
        }
    }

    pub fn key(&self) -> IssueKey {
        self.key
    }

    pub fn images(&self) -> &[IssueImage] {
        &self.images
    }

    /// The picture shown, None for an issue without pictures.
    pub fn current(&self) -> Option<&IssueImage> {
        self.images.get(self.current)
    }

    /// (shown, of how many), counting from 1.
    pub fn position(&self) -> Option<(usize, usize)> {
        self.current()
            .map(|_| (self.current + 1, self.images.len()))
    }

    /// The next picture; false at the last.
    pub fn forward(&mut self) -> bool {
        self.select(self.current + 2)
    }

    /// The previous picture; false at the first.
    pub fn back(&mut self) -> bool {
        self.current > 0 && self.select(self.current)
    }

    /// The `number`-th picture (from 1, as `1`–`9` choose); false when
    /// there is no such picture.
    pub fn select(&mut self, number: usize) -> bool {
        if number == 0 || number > self.images.len() || number == self.current + 1 {
            return false;
        }
        self.current = number - 1;
        true
    }

    /// Pictures that `F` would download: not cached, not failed for good
    /// reason of address.
    pub fn missing(&self) -> usize {
        self.images
            .iter()
            .filter(|i| matches!(i.state, ImageState::Missing | ImageState::Failed { .. }))
            .count()
    }

    /// The issue's pictures read again (after a download): the same one
    /// stays shown when it is still there.
    pub fn refresh(&mut self, images: Vec<IssueImage>) {
        let shown = self.current().map(|i| i.url.clone());
        self.images = images;
        self.current = shown
            .and_then(|url| self.images.iter().position(|i| i.url == url))
            .unwrap_or(0)
            .min(self.images.len().saturating_sub(1));
    }

    /// Asks `renderer` for the shown picture at the size the widget will
    /// draw it in `area` (the view's whole area); `load` reads its bytes
    /// from the cache, only when it is not drawn yet. Call from update.
    pub fn request(
        &self,
        renderer: &mut ImageRenderer,
        area: Rect,
        load: impl FnOnce(&IssueImage) -> Option<Vec<u8>>,
    ) {
        let Some(image) = self.current() else { return };
        let (Some(identity), true) = (&image.identity, image.is_cached()) else {
            return;
        };
        let size = ImageView::picture_area(area).as_size();
        renderer.request(identity, size, || load(image).map(Arc::from));
    }
}

/// Draws the shown picture, its number, heading and caption.
pub struct ImageView<'a> {
    state: &'a ImageViewState,
    renderer: &'a ImageRenderer,
    lang: Lang,
    border: Style,
    dim: Style,
}

impl<'a> ImageView<'a> {
    pub fn new(state: &'a ImageViewState, renderer: &'a ImageRenderer, lang: Lang) -> Self {
        ImageView {
            state,
            renderer,
            lang,
            border: Style::default(),
            dim: Style::default(),
        }
    }

    /// The border's style (the theme's).
    pub fn border_style(mut self, style: Style) -> Self {
        self.border = style;
        self
    }

    /// The caption's and the messages' style.
    pub fn dim_style(mut self, style: Style) -> Self {
        self.dim = style;
        self
    }

    /// Where the picture goes in the view's `area`: inside the border,
    /// above the caption line. What to ask the renderer for.
    pub fn picture_area(area: Rect) -> Rect {
        let inner = Block::default().borders(Borders::ALL).inner(area);
        let caption = u16::from(inner.height > 2);
        Rect {
            height: inner.height - caption,
            ..inner
        }
    }

    fn title(&self) -> String {
        let Some((at, of)) = self.state.position() else {
            return String::new();
        };
        let mut title = format!(" {} ", Images::Position { at, of }.text(self.lang));
        if let Some(heading) = self.state.current().and_then(|i| i.heading.as_deref()) {
            title.push_str(&format!("· {heading} "));
        }
        title
    }

    /// A message in the middle of the picture's area.
    fn say(&self, text: &str, area: Rect, buf: &mut Buffer) {
        let lines = u16::try_from(text.lines().count()).unwrap_or(1).max(1);
        let top = area.y + area.height.saturating_sub(lines) / 2;
        let at = Rect {
            y: top,
            height: area.height.saturating_sub(top - area.y),
            ..area
        };
        Paragraph::new(crate::sanitize::line(text))
            .style(self.dim)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true })
            .render(at, buf);
    }
}

impl Widget for ImageView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(self.border)
            .title(self.title());
        let inner = block.inner(area);
        block.render(area, buf);
        let picture = ImageView::picture_area(area);
        let Some(image) = self.state.current() else {
            self.say(&Images::ViewEmpty.text(self.lang), picture, buf);
            return;
        };
        if inner.height > picture.height {
            let below = image
                .caption
                .clone()
                .unwrap_or_else(|| crate::sanitize::line(&image.url));
            let row = Rect {
                y: picture.bottom(),
                height: 1,
                ..inner
            };
            Paragraph::new(Line::from(below))
                .style(self.dim)
                .render(row, buf);
        }
        let why = match (&image.state, &image.identity) {
            (ImageState::Cached { .. }, Some(identity)) => {
                match self.renderer.get(identity, picture.as_size()) {
                    Slot::Ready(protocol) => {
                        let size = protocol.size();
                        let at = Rect {
                            x: picture.x + picture.width.saturating_sub(size.width) / 2,
                            y: picture.y + picture.height.saturating_sub(size.height) / 2,
                            width: size.width.min(picture.width),
                            height: size.height.min(picture.height),
                        };
                        ratatui_image::Image::new(protocol).render(at, buf);
                        return;
                    }
                    Slot::Drawing => Images::Drawing.text(self.lang),
                    Slot::Failed(e) => e.text(self.lang),
                }
            }
            (ImageState::Failed { reason }, _) => Images::Failed {
                why: Box::new(reason.message()),
            }
            .text(self.lang),
            (ImageState::BadAddress, _) | (_, None) => ImageError::BadAddress {
                url: crate::sanitize::line(&image.url),
            }
            .text(self.lang),
            (ImageState::Missing, _) => ImageError::NotCached.text(self.lang),
        };
        self.say(&why, picture, buf);
    }
}

#[cfg(test)]
mod tests;
