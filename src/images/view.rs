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
use ratatui::widgets::{Block, BorderType, Borders, Paragraph, Widget, Wrap};

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
    border_type: BorderType,
    dim: Style,
    hint: Option<String>,
    picture: bool,
}

impl<'a> ImageView<'a> {
    pub fn new(state: &'a ImageViewState, renderer: &'a ImageRenderer, lang: Lang) -> Self {
        ImageView {
            state,
            renderer,
            lang,
            border: Style::default(),
            border_type: BorderType::Plain,
            dim: Style::default(),
            hint: None,
            picture: true,
        }
    }

    /// What to do about a picture not downloaded (or failed), said under
    /// why it is not shown: the key that downloads it.
    pub fn fetch_hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    /// Leaves a ready picture out (its area blank): something drawn over
    /// the view would cut a kitty, sixel or iTerm2 picture, which the
    /// terminal draws on top of every cell, not in them.
    pub fn show_picture(mut self, show: bool) -> Self {
        self.picture = show;
        self
    }

    /// Where the shown picture is drawn in the view's `area`, and which it
    /// is, when the renderer has it ready; None otherwise. What the
    /// terminal's graphics cover, for the caller to clear when it changes.
    pub fn drawn_at(
        state: &ImageViewState,
        renderer: &ImageRenderer,
        area: Rect,
    ) -> Option<(String, Rect)> {
        let image = state.current()?;
        let identity = image.identity.as_ref().filter(|_| image.is_cached())?;
        let picture = ImageView::picture_area(area);
        match renderer.get(identity, picture.as_size()) {
            Slot::Ready(protocol) => Some((identity.clone(), centred(protocol.size(), picture))),
            Slot::Drawing | Slot::Failed(_) => None,
        }
    }

    /// The border's style (the theme's).
    pub fn border_style(mut self, style: Style) -> Self {
        self.border = style;
        self
    }

    /// The border's lines (the theme's).
    pub fn border_type(mut self, border_type: BorderType) -> Self {
        self.border_type = border_type;
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
    /// Each line of `text` its own paragraph (the reason, then what to do).
    fn say(&self, text: &str, area: Rect, buf: &mut Buffer) {
        let lines: Vec<Line> = text
            .lines()
            .map(|l| Line::from(crate::sanitize::line(l)))
            .collect();
        let width = usize::from(area.width.max(1));
        let rows: usize = lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
        let rows = u16::try_from(rows).unwrap_or(u16::MAX);
        let top = area.y + area.height.saturating_sub(rows) / 2;
        let at = Rect {
            y: top,
            height: area.height.saturating_sub(top - area.y),
            ..area
        };
        Paragraph::new(lines)
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
            .border_type(self.border_type)
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
                    Slot::Ready(_) if !self.picture => return,
                    Slot::Ready(protocol) => {
                        let at = centred(protocol.size(), picture);
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
        let why = match (&image.state, &self.hint) {
            (ImageState::Missing | ImageState::Failed { .. }, Some(hint)) => {
                format!("{why}\n{hint}").into()
            }
            _ => why,
        };
        self.say(&why, picture, buf);
    }
}

/// A picture of `size` in the middle of `area`.
fn centred(size: ratatui::layout::Size, area: Rect) -> Rect {
    Rect {
        x: area.x + area.width.saturating_sub(size.width) / 2,
        y: area.y + area.height.saturating_sub(size.height) / 2,
        width: size.width.min(area.width),
        height: size.height.min(area.height),
    }
}

#[cfg(test)]
mod tests;
