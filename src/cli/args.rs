//! Command-line interface: the `///` comments here are the `--help` text
//! (and the man page's), which stays English whatever the language: it is
//! clap's, built once from these comments. A usage error is reworded in
//! the user's language by usage.rs.

use std::borrow::Cow;
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::i18n::{english_display, Cmd, Lang, Localized};
use crate::model::{IssueKey, IssueRow, SeriesId};

/// Browse CNCERT's weekly bulletins, 网络安全信息与动态周报 and CNVD漏洞周报, from the terminal.
///
/// Without a command, opens the TUI on the cache. Import bulletins first
/// with `zhoubao import PATH...`, or try `zhoubao --demo`.
#[derive(Debug, Parser)]
#[command(name = "zhoubao", version)]
pub struct Cli {
    /// The cache file [default: cache.db in the platform data dir]
    #[arg(long, env = "ZHOUBAO_DB", global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// The config file [default: config.toml in the platform config dir;
    /// `zhoubao config` prints one]
    #[arg(long, env = "ZHOUBAO_CONFIG", global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Use the demo corpus built into the binary instead of the cache
    /// (nothing is written to disk)
    #[arg(long, global = true)]
    pub demo: bool,

    /// Open the TUI at this issue, e.g. 2024-17 (cnvd:2024-17 for the
    /// CNVD漏洞周报)
    #[arg(long, value_name = "[SERIES:]YEAR-NUMBER")]
    pub open: Option<IssueKey>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import saved bulletins (Markdown archive files, saved WeChat pages);
    /// folders are searched recursively. A marks file written by `export
    /// --notes` brings its read marks, flags and notes into this cache
    Import {
        /// Files or folders
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Do not draw a progress bar
        #[arg(long)]
        quiet: bool,
        /// Print each file's result on stdout as soon as it is stored
        #[arg(long, short)]
        verbose: bool,
    },
    /// Fetch bulletins from their web addresses (http or https) into the
    /// cache, stored like imported files; with --follow, also the 近期回顾
    /// issues behind them that the cache lacks
    Fetch {
        /// Page addresses, e.g. this week's issue on mp.weixin.qq.com
        #[arg(required = true, value_name = "URL")]
        urls: Vec<String>,
        /// Then fetch up to N more pages: the 近期回顾 targets the cache
        /// does not hold in full, breadth-first (run again to go on)
        #[arg(long, value_name = "N", default_value_t = 0)]
        follow: usize,
        /// Fetch issues the cache already holds in full again
        #[arg(long)]
        refresh: bool,
        /// Seconds between two requests to one host (at least 0.5; a
        /// smaller number means 0.5) [default: the config's fetch.delay,
        /// else 1]
        #[arg(long, value_name = "SECONDS")]
        delay: Option<f64>,
        /// The User-Agent header to send, printable ASCII
        /// [default: zhoubao/VERSION (...)]
        #[arg(long, value_name = "TEXT")]
        user_agent: Option<String>,
        /// Do not draw a progress line
        #[arg(long)]
        quiet: bool,
        /// Print each page's result on stdout as soon as it is stored
        #[arg(long, short)]
        verbose: bool,
    },
    /// Read the feeds of the config's [[feed]] tables, or the feed URLs
    /// given (once, without adding them), and store the bulletins they
    /// carry; an item with only a title and a link has its page fetched.
    /// Ends naming the new issues; exits 1 when a feed failed
    Update {
        /// Feed addresses (RSS, Atom, JSON Feed) to read instead of the
        /// configured ones
        #[arg(value_name = "URL")]
        urls: Vec<String>,
        /// Do not fetch the pages of items that carry only a title and a
        /// link
        #[arg(long)]
        no_pages: bool,
        /// Then fetch up to N more pages: the 近期回顾 targets of the new
        /// bulletins the cache does not hold in full (as fetch --follow)
        #[arg(long, value_name = "N", default_value_t = 0)]
        follow: usize,
        /// Seconds between two requests to one host (at least 0.5)
        /// [default: the config's fetch.delay, else 1]
        #[arg(long, value_name = "SECONDS")]
        delay: Option<f64>,
        /// The User-Agent header to send [default: zhoubao/VERSION (...)]
        #[arg(long, value_name = "TEXT")]
        user_agent: Option<String>,
        /// Do not draw a progress line
        #[arg(long)]
        quiet: bool,
        /// Print each item's and page's result on stdout as it is stored
        #[arg(long, short)]
        verbose: bool,
    },
    /// List the configured feeds: last update, its result, items seen and
    /// bulletins stored from each
    Feeds {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Rebuild every issue from the raw files the cache keeps (after an
    /// upgrade of zhoubao's parser); reading state is kept
    Reindex,
    /// Build a fresh cache from a damaged one: every stored file that can
    /// still be read, re-read with this zhoubao, with the read marks that
    /// can be read. The damaged cache is only read, never changed
    Recover {
        /// Where to write the new cache (must not exist)
        /// [default: the cache's path + .recovered]
        #[arg(long, value_name = "NEW")]
        to: Option<PathBuf>,
    },
    /// List every known issue, newest first (cached or not)
    List {
        #[command(flatten)]
        select: Select,
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Show one issue in full, with its 近期回顾 references
    Show {
        /// The issue, e.g. 2024-17, or cnvd:2024-17 for the CNVD漏洞周报
        #[arg(value_name = "[SERIES:]YEAR-NUMBER")]
        key: IssueKey,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// A short brief of one issue for a weekly report: title, week and
    /// assessment; each headline figure with its change against the named
    /// baseline, the 4-week mean, a year earlier and its rank in 52 weeks;
    /// what stands out; the same week of the other series; your note; the
    /// link
    Brief {
        /// The issue [default: the newest issue with text of --series]
        #[arg(value_name = "[SERIES:]YEAR-NUMBER")]
        key: Option<IssueKey>,
        /// The series whose newest issue is briefed when no key is given:
        /// cncert (网络安全信息与动态周报) or cnvd (CNVD漏洞周报)
        #[arg(long, value_name = "SERIES", default_value = "cncert", value_parser = parse_one_series)]
        series: SeriesId,
        /// md (Markdown, to paste into a report), text or json
        #[arg(long, value_enum, default_value_t = crate::cli::brief::BriefFormat::Md)]
        format: crate::cli::brief::BriefFormat,
    },
    /// Print the note of an issue, or set it: the text as arguments, or
    /// `-` to read it from standard input; an empty text clears it. The
    /// note is kept as typed; `show`, `search`, `brief`, `export` and the
    /// TUI (`e` edits it) show it
    Note {
        /// The issue, e.g. 2025-7, or cnvd:2025-6
        #[arg(value_name = "[SERIES:]YEAR-NUMBER")]
        key: IssueKey,
        /// The note (words are joined by spaces), or `-` for standard input
        #[arg(value_name = "TEXT", allow_hyphen_values = true)]
        text: Vec<String>,
    },
    /// List an issue's images (the weekly charts): the words near each,
    /// and its type, dimensions and size in the cache, or why it is not
    /// there
    Images {
        /// The issue, e.g. 2024-17
        #[arg(value_name = "YEAR-NUMBER")]
        key: IssueKey,
        /// First download the images the cache lacks, and retry those
        /// that failed before
        #[arg(long)]
        fetch: bool,
        /// Then write the cached images to DIR as KEY_N.png (or .jpg,
        /// .gif, .webp); a file already there is left as it is
        #[arg(long, value_name = "DIR")]
        save: Option<PathBuf>,
        /// Do not draw a progress line while downloading
        #[arg(long)]
        quiet: bool,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Export one row per issue for a spreadsheet or a chart
    Export {
        /// Output format
        #[arg(long, value_enum, default_value_t = ExportFormat::Csv)]
        format: ExportFormat,
        #[command(flatten)]
        select: Select,
        /// Write to FILE instead of stdout: all of it or, on an error,
        /// nothing (a file already there is replaced only when done,
        /// keeping its mode; a symlink's target is written; a FIFO or a
        /// device is written into)
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Start the CSV with a UTF-8 byte order mark, which Excel needs
        /// to read Chinese right
        #[arg(long)]
        bom: bool,
        /// Write your read marks, flags and notes instead, as JSON, for
        /// `zhoubao import FILE.json` on another cache (issues are matched
        /// by series and key; notes are kept exactly as typed)
        #[arg(long, conflicts_with_all = [
            "format", "bom", "series", "year", "since", "cached", "unread", "flagged", "order"
        ])]
        notes: bool,
    },
    /// Print the complete default config file, commented, ready to copy
    Config,
    /// Find issues whose title or body contains QUERY (Chinese works);
    /// each hit shows the match in context. Exits 1 when nothing matches
    Search {
        /// Text to look for, e.g. 跨境 or CNVD-2024-19326
        query: String,
        /// Only the issues of this series: cncert (网络安全信息与动态周报),
        /// cnvd (CNVD漏洞周报) or all
        #[arg(long, value_name = "SERIES", default_value = "all", value_parser = parse_series)]
        series: SeriesChoice,
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script, e.g.
    /// `zhoubao completions bash > ~/.local/share/bash-completion/completions/zhoubao`
    Completions {
        #[arg(value_enum)]
        shell: Shell,
    },
    /// Print the man page (roff) on stdout, e.g. `zhoubao man | man -l -`;
    /// with --dir, write it and a page per subcommand there
    Man {
        /// Write zhoubao.1 and zhoubao-SUBCOMMAND.1 into DIR (created
        /// when missing), e.g. ~/.local/share/man/man1
        #[arg(long, value_name = "DIR")]
        dir: Option<PathBuf>,
    },
}

/// Which series a command covers: one, or every one (`all`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesChoice(pub Option<SeriesId>);

impl Default for SeriesChoice {
    /// 网络安全信息与动态周报, as before there was a second series.
    fn default() -> Self {
        SeriesChoice(Some(SeriesId::CNCERT))
    }
}

impl SeriesChoice {
    pub fn admits(self, series: SeriesId) -> bool {
        self.0.is_none_or(|s| s == series)
    }

    /// The series covered, in declaration order.
    pub fn series(self) -> Vec<SeriesId> {
        SeriesId::all().filter(|s| self.admits(*s)).collect()
    }
}

/// `cncert`, `cnvd` or `all`.
fn parse_series(text: &str) -> Result<SeriesChoice, BadSeries> {
    if text.trim().eq_ignore_ascii_case("all") {
        return Ok(SeriesChoice(None));
    }
    SeriesId::from_id(text)
        .map(|s| SeriesChoice(Some(s)))
        .ok_or(BadSeries { with_all: true })
}

/// `cncert` or `cnvd`.
fn parse_one_series(text: &str) -> Result<SeriesId, BadSeries> {
    SeriesId::from_id(text).ok_or(BadSeries { with_all: false })
}

/// A `--series` that names no series: what it may be (`all` too when
/// `with_all`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct BadSeries {
    pub with_all: bool,
}

english_display!(BadSeries);

impl Localized for BadSeries {
    fn text(&self, lang: Lang) -> Cow<'static, str> {
        let ids: Vec<&str> = SeriesId::all().map(SeriesId::id).collect();
        match (self.with_all, lang) {
            (true, Lang::Zh) => format!("应为 {} 或 all", ids.join("、")).into(),
            (false, Lang::Zh) => format!("应为 {}", ids.join(" 或 ")).into(),
            (true, Lang::En) => format!("expected {} or all", ids.join(", ")).into(),
            (false, Lang::En) => format!("expected {}", ids.join(" or ")).into(),
        }
    }

    #[cfg(test)]
    fn samples() -> Vec<BadSeries> {
        vec![BadSeries { with_all: true }, BadSeries { with_all: false }]
    }
}

/// Which issues `list` and `export` give, and in which order.
#[derive(Debug, Clone, Default, Args)]
pub struct Select {
    /// Only the issues of this series: cncert (网络安全信息与动态周报),
    /// cnvd (CNVD漏洞周报) or all
    #[arg(long, value_name = "SERIES", default_value = "cncert", value_parser = parse_series)]
    pub series: SeriesChoice,
    /// Only the issues of this year
    #[arg(long, value_name = "YEAR")]
    pub year: Option<i32>,
    /// Only this week's issue and later ones, e.g. 2024-17
    #[arg(long, value_name = "YEAR-NUMBER")]
    pub since: Option<IssueKey>,
    /// Only issues the cache holds in full
    #[arg(long)]
    pub cached: bool,
    /// Only cached issues not read yet (as the TUI's unread filter)
    #[arg(long)]
    pub unread: bool,
    /// Only issues you flagged (`*` in the TUI)
    #[arg(long)]
    pub flagged: bool,
    /// Newest or oldest first
    #[arg(long, value_enum, default_value_t = Order::Newest)]
    pub order: Order,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum Order {
    #[default]
    Newest,
    Oldest,
}

impl Select {
    /// `--since` with another series' key (`cnvd:2025-1`) while the
    /// first series is listed: its week would be taken silently, so the
    /// command says which `--series` it meant. An unprefixed key is a week
    /// of any series.
    pub fn since_of_another_series(&self) -> Option<Cmd> {
        let since = self.since?;
        match self.series.0 {
            Some(chosen) if since.series != SeriesId::CNCERT && since.series != chosen => {
                Some(Cmd::SinceOfAnotherSeries {
                    since: since.to_string(),
                    series: since.series.id().to_string(),
                })
            }
            _ => None,
        }
    }

    /// Whether the filters let this issue through.
    pub fn admits(&self, row: &IssueRow) -> bool {
        let s = &row.summary;
        self.series.admits(s.key.series)
            && self.year.is_none_or(|y| s.key.year == y)
            && self.since.is_none_or(|k| s.key.week() >= k.week())
            && (!self.cached || s.cached)
            && (!self.unread || (s.cached && !s.read))
            && (!self.flagged || s.flagged)
    }

    /// The rows (newest first, as the cache gives them) filtered and in
    /// the chosen order.
    pub fn apply(&self, rows: Vec<IssueRow>) -> Vec<IssueRow> {
        let mut rows: Vec<IssueRow> = rows.into_iter().filter(|r| self.admits(r)).collect();
        if self.order == Order::Oldest {
            rows.reverse();
        }
        rows
    }
}

/// Shells `zhoubao completions` writes for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    Bash,
    Zsh,
    Fish,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Json,
}
