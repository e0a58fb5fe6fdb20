//! The colour theme: every style the widgets use, as one [`Theme`] value
//! they read. Three are built in: `dark` (the default) and `light` use only
//! the 16 ANSI colours and never paint the screen's background, so they
//! follow the terminal's palette; `mono` uses no colour at all, and is what
//! NO_COLOR gives. The config can override any element by name.

use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::BorderType;

use crate::i18n::Words;

/// A built-in theme, named in lower case (`"light"`): `VARIANTS` lists
/// them all and `str::parse` reads a name.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Deserialize,
    strum::VariantArray,
    strum::EnumString,
    strum::IntoStaticStr,
)]
#[serde(rename_all = "lowercase")]
#[strum(serialize_all = "lowercase")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
    Mono,
}

impl ThemeName {
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

macro_rules! elements {
    ($( $field:ident : $doc:literal / $zh:literal ),* $(,)?) => {
        /// Every style the TUI draws with.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            $( #[doc = $doc] pub $field: Style, )*
            /// The focused pane's border lines: thick in `mono`, where no
            /// colour tells the focused pane apart.
            pub focus_border: BorderType,
        }

        /// Every element's config name and what it styles, in config order.
        pub const ELEMENTS: &[(&str, &str)] = &[ $( (stringify!($field), $doc) ),* ];

        /// What each element styles in both languages, for the config
        /// file's comments (`zhoubao config`), in config order.
        pub const ELEMENT_WORDS: &[(&str, Words)] =
            &[ $( (stringify!($field), Words::new($zh, $doc)) ),* ];

        impl Theme {
            /// The style of the element named `name`.
            pub fn element(&self, name: &str) -> Option<Style> {
                match name {
                    $( stringify!($field) => Some(self.$field), )*
                    _ => None,
                }
            }

            fn element_mut(&mut self, name: &str) -> Option<&mut Style> {
                match name {
                    $( stringify!($field) => Some(&mut self.$field), )*
                    _ => None,
                }
            }
        }
    };
}

elements! {
    text: "ordinary text" / "普通文字",
    dim: "secondary text: dates, hints, issues not cached in the list" / "次要文字：日期、提示、列表中未缓存的期",
    title: "titles and the figures' values" / "标题和各项数字的值",
    heading: "section headings in the detail pane and the help" / "详情窗格和帮助中的小节标题",
    border: "pane borders" / "窗格边框",
    border_focused: "the focused pane's border" / "焦点窗格的边框",
    selection: "the selected row of the focused pane" / "焦点窗格中选中的行",
    selection_unfocused: "the selected row of a pane without focus" / "非焦点窗格中选中的行",
    unread: "the unread mark ●" / "未读标记 ●",
    not_cached: "what says an issue is not cached" / "表示某期未缓存的标记",
    link: "addresses and 近期回顾 titles" / "网址和近期回顾的标题",
    error: "error messages" / "错误信息",
    search_hit: "search matches in the detail pane" / "详情窗格中的搜索匹配",
    rise: "a figure that rose (the sign says so too)" / "上升的数字（正负号也会标明）",
    fall: "a figure that fell" / "下降的数字",
    spark: "the chart pane's bars" / "图表窗格的柱",
    spark_selected: "the selected week in the charts" / "图表中选中的那一周",
    spark_clipped: "the marks of weeks beyond the chart's scale" / "超出图表刻度的周的标记",
    spark_absent: "the marks of weeks with no figure" / "没有数字的周的标记",
    chart_line: "the chart view's weekly line" / "图表视图中每周的折线",
    chart_average: "the chart view's 4-week average" / "图表视图中的 4 周平均线",
    chart_earlier: "the chart view's year-earlier line" / "图表视图中一年前的折线",
    chart_cursor: "the chart view's selected-week line" / "图表视图中标出选中周的竖线",
}

fn fg(c: Color) -> Style {
    Style::default().fg(c)
}

fn bold(s: Style) -> Style {
    s.add_modifier(Modifier::BOLD)
}

fn only(m: Modifier) -> Style {
    Style::default().add_modifier(m)
}

impl Default for Theme {
    fn default() -> Self {
        Theme::builtin(ThemeName::Dark)
    }
}

impl Theme {
    pub fn builtin(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    /// Bright accents on the terminal's own dark background.
    fn dark() -> Theme {
        Theme {
            text: Style::default(),
            dim: fg(Color::DarkGray),
            title: only(Modifier::BOLD),
            heading: bold(fg(Color::Cyan)),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan),
            selection: only(Modifier::REVERSED),
            selection_unfocused: Style::default().bg(Color::DarkGray),
            unread: fg(Color::Yellow),
            not_cached: fg(Color::Yellow),
            link: fg(Color::Blue),
            error: bold(fg(Color::Red)),
            search_hit: fg(Color::Black).bg(Color::Yellow),
            // Red for a rise: a rise in incidents is bad news, and red
            // means up in Chinese convention.
            rise: fg(Color::Red),
            fall: fg(Color::Green),
            spark: fg(Color::Green),
            spark_selected: bold(fg(Color::Yellow)),
            spark_clipped: bold(fg(Color::Magenta)),
            spark_absent: fg(Color::DarkGray),
            chart_line: fg(Color::Green),
            chart_average: fg(Color::Cyan),
            chart_earlier: fg(Color::Magenta),
            chart_cursor: fg(Color::Yellow),
            focus_border: BorderType::Plain,
        }
    }

    /// For a light background: no yellow or cyan text, which fade on white.
    fn light() -> Theme {
        Theme {
            heading: bold(fg(Color::Blue)),
            border_focused: fg(Color::Blue),
            selection_unfocused: Style::default().bg(Color::Gray),
            unread: bold(fg(Color::Blue)),
            not_cached: fg(Color::Magenta),
            spark_selected: bold(fg(Color::Red)),
            spark_clipped: bold(fg(Color::Magenta)),
            chart_average: fg(Color::Blue),
            chart_cursor: fg(Color::Red),
            ..Theme::dark()
        }
    }

    /// No colour at all: every state shows through an attribute (or the
    /// mark the widgets draw anyway: ●, ·, ▲, ↑↓, the sign of a change).
    fn mono() -> Theme {
        Theme {
            text: Style::default(),
            dim: only(Modifier::DIM),
            title: only(Modifier::BOLD),
            // Bold alone: bold and underlined is a search hit's.
            heading: only(Modifier::BOLD),
            border: Style::default(),
            border_focused: only(Modifier::BOLD),
            selection: only(Modifier::REVERSED),
            selection_unfocused: only(Modifier::UNDERLINED),
            unread: only(Modifier::BOLD),
            not_cached: only(Modifier::BOLD),
            link: only(Modifier::UNDERLINED),
            error: only(Modifier::BOLD),
            // Not reversed: a hit on the selected (reversed) line would vanish.
            search_hit: only(Modifier::BOLD | Modifier::UNDERLINED),
            rise: only(Modifier::BOLD),
            fall: Style::default(),
            spark: Style::default(),
            spark_selected: only(Modifier::BOLD),
            spark_clipped: only(Modifier::BOLD),
            spark_absent: only(Modifier::DIM),
            chart_line: Style::default(),
            chart_average: only(Modifier::DIM),
            chart_earlier: only(Modifier::DIM),
            chart_cursor: only(Modifier::BOLD),
            focus_border: BorderType::Thick,
        }
    }

    /// Sets element `name` to `style`; false when there is no such element.
    pub fn set(&mut self, name: &str, style: Style) -> bool {
        match self.element_mut(name) {
            Some(slot) => {
                *slot = style;
                true
            }
            None => false,
        }
    }

    /// The same theme with every colour taken out (attributes kept): what
    /// NO_COLOR does to overrides given on top of `mono`.
    pub fn without_colour(mut self) -> Theme {
        for (name, _) in ELEMENTS {
            if let Some(style) = self.element_mut(name) {
                style.fg = None;
                style.bg = None;
                style.underline_color = None;
            }
        }
        self
    }

    pub fn border(&self, focused: bool) -> Style {
        if focused {
            self.border_focused
        } else {
            self.border
        }
    }

    pub fn border_type(&self, focused: bool) -> BorderType {
        if focused {
            self.focus_border
        } else {
            BorderType::Plain
        }
    }

    pub fn selected_row(&self, focused: bool) -> Style {
        if focused {
            self.selection
        } else {
            self.selection_unfocused
        }
    }
}

/// Why a style spelling is refused; `Display` is the English of its words.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StyleError {
    Word(String),
    NoBackground,
}

crate::i18n::english_display!(StyleError);

impl crate::i18n::Localized for StyleError {
    fn text(&self, lang: crate::i18n::Lang) -> std::borrow::Cow<'static, str> {
        use crate::i18n::Lang::{En, Zh};
        match (self, lang) {
            (StyleError::Word(w), Zh) => format!(
                "样式写错了：“{}”既不是颜色也不是属性（颜色：red、light-blue、0-255、#rrggbb；\
                 属性：bold、dim、italic、underlined、reversed）",
                crate::sanitize::line(w)
            )
            .into(),
            (StyleError::Word(w), En) => format!(
                "not a style: {:?} is not a colour or an attribute (colours: red, light-blue, \
                 0-255, #rrggbb; attributes: bold, dim, italic, underlined, reversed)",
                crate::sanitize::line(w)
            )
            .into(),
            (StyleError::NoBackground, Zh) => "样式写错了：“on”后面要跟一个颜色".into(),
            (StyleError::NoBackground, En) => "not a style: \"on\" needs a colour after it".into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<StyleError> {
        vec![StyleError::Word("blod".into()), StyleError::NoBackground]
    }
}

/// A style from its config spelling: words in any order, colours
/// (`red`, `light-blue`, `dark-gray`, `208`, `#ff8800`) for the text,
/// `on COLOUR` for the background, attributes (`bold`, `dim`, `italic`,
/// `underlined`, `reversed`), or `plain` for none of them.
pub fn parse_style(spec: &str) -> Result<Style, StyleError> {
    let mut style = Style::default();
    let mut words = spec.split_whitespace();
    while let Some(word) = words.next() {
        let lower = word.to_ascii_lowercase();
        let modifier = match lower.as_str() {
            "plain" | "none" => continue,
            "bold" => Modifier::BOLD,
            "dim" => Modifier::DIM,
            "italic" => Modifier::ITALIC,
            "underlined" | "underline" => Modifier::UNDERLINED,
            "reversed" | "reverse" => Modifier::REVERSED,
            "on" => {
                let colour = words.next().ok_or(StyleError::NoBackground)?;
                style = style.bg(colour_of(colour)?);
                continue;
            }
            _ => {
                style = style.fg(colour_of(word)?);
                continue;
            }
        };
        style = style.add_modifier(modifier);
    }
    Ok(style)
}

fn colour_of(word: &str) -> Result<Color, StyleError> {
    // ratatui reads names (dashes and case ignored), #rrggbb and 0-255;
    // `reset` is not a colour a user means to pick.
    match Color::from_str(word) {
        Ok(Color::Reset) | Err(_) => Err(StyleError::Word(word.to_string())),
        Ok(c) => Ok(c),
    }
}

/// The config spelling of a style, for `zhoubao config`: parses back to it.
pub fn style_spec(style: Style) -> String {
    let mut words = Vec::new();
    for (m, name) in [
        (Modifier::BOLD, "bold"),
        (Modifier::DIM, "dim"),
        (Modifier::ITALIC, "italic"),
        (Modifier::UNDERLINED, "underlined"),
        (Modifier::REVERSED, "reversed"),
    ] {
        if style.add_modifier.contains(m) {
            words.push(name.to_string());
        }
    }
    if let Some(c) = style.fg {
        words.push(colour_spec(c));
    }
    if let Some(c) = style.bg {
        words.push(format!("on {}", colour_spec(c)));
    }
    if words.is_empty() {
        "plain".to_string()
    } else {
        words.join(" ")
    }
}

fn colour_spec(c: Color) -> String {
    match c {
        Color::Indexed(i) => i.to_string(),
        Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
        named => named.to_string().to_ascii_lowercase(),
    }
}

#[cfg(test)]
mod tests {
    use strum::VariantArray;

    use super::*;

    #[test]
    fn styles_parse_from_colours_backgrounds_and_attributes() {
        assert_eq!(
            parse_style("bold yellow"),
            Ok(Style::default()
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD))
        );
        assert_eq!(
            parse_style("black on #ffcc00"),
            Ok(Style::default()
                .fg(Color::Black)
                .bg(Color::Rgb(255, 204, 0)))
        );
        assert_eq!(
            parse_style("208"),
            Ok(Style::default().fg(Color::Indexed(208)))
        );
        assert_eq!(
            parse_style("light-blue"),
            Ok(Style::default().fg(Color::LightBlue))
        );
        assert_eq!(parse_style("plain"), Ok(Style::default()));
        assert!(parse_style("blod").is_err());
        assert!(parse_style("red on").is_err());
        assert!(parse_style("256").is_err());
    }

    #[test]
    fn every_theme_name_reads_back_as_the_same_theme() {
        for &name in ThemeName::VARIANTS {
            assert_eq!(name.as_str().parse::<ThemeName>(), Ok(name));
        }
        assert_eq!(ThemeName::Light.as_str(), "light");
        assert!("solarized".parse::<ThemeName>().is_err());
    }

    #[test]
    fn every_builtin_style_spells_back_to_itself() {
        for &name in ThemeName::VARIANTS {
            let theme = Theme::builtin(name);
            for (element, _) in ELEMENTS {
                let style = theme.element(element).expect("listed");
                assert_eq!(parse_style(&style_spec(style)), Ok(style), "{element}");
            }
        }
    }

    #[test]
    fn mono_has_no_colour_and_light_no_yellow_or_cyan_text() {
        let mono = Theme::builtin(ThemeName::Mono);
        let light = Theme::builtin(ThemeName::Light);
        for (element, _) in ELEMENTS {
            let m = mono.element(element).expect("listed");
            assert!(m.fg.is_none() && m.bg.is_none(), "{element}");
            let l = light.element(element).expect("listed");
            if l.bg.is_none() {
                assert!(
                    !matches!(l.fg, Some(Color::Yellow | Color::Cyan)),
                    "{element}"
                );
            }
        }
        // No theme paints the screen's background.
        for &name in ThemeName::VARIANTS {
            assert_eq!(Theme::builtin(name).text, Style::default());
        }
    }

    #[test]
    fn without_colour_keeps_the_attributes() {
        let mut theme = Theme::builtin(ThemeName::Mono);
        assert!(theme.set("link", parse_style("bold blue on red").expect("valid")));
        assert!(!theme.set("nonsense", Style::default()));
        let plain = theme.without_colour();
        assert_eq!(plain.link, Style::default().add_modifier(Modifier::BOLD));
    }
}
