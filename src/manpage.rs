//! The man pages: clap_mangen renders what clap knows (synopsis, options,
//! subcommands) for zhoubao(1) and a zhoubao-SUB(1) per subcommand; this
//! adds what clap does not know: KEYS (from the key map the TUI runs
//! with, so the page cannot drift from the keys), ENVIRONMENT, FILES, EXIT
//! STATUS and a SEE ALSO that names only the pages written together.
//! English, like `--help`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::i18n::Lang;
use crate::tui::keymap::binding::Scope;
use crate::tui::keymap::{keys_label, KeyMap};

/// The environment variables zhoubao reads, and what for.
const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "ZHOUBAO_LANG",
        "The language of messages and the TUI: zh or en. Beats the locale \
         (LC_ALL, LC_MESSAGES, LANG; zh_* means Chinese, another language \
         English, none Chinese); the config's language beats both.",
    ),
    ("ZHOUBAO_DB", "The cache file, as --db; --db beats it."),
    (
        "ZHOUBAO_CONFIG",
        "The config file, as --config; --config beats it.",
    ),
    (
        "NO_COLOR",
        "Set and not empty: no colour anywhere (the theme's attributes stay).",
    ),
    (
        "BROWSER",
        "What o opens a link with when the config names no browser: a \
         :-separated list of commands, %s standing for the URL.",
    ),
    (
        "VISUAL, EDITOR",
        "The editor zhoubao starts when it asks for text to be written \
         (VISUAL first).",
    ),
    (
        "https_proxy, http_proxy, all_proxy (or upper case)",
        "The proxy for fetch and the TUI's F, by the URL's scheme, else \
         all_proxy; http://, https://, socks4://, socks5:// and socks5h:// \
         proxies. Never used for the loopback machine.",
    ),
    (
        "no_proxy (or NO_PROXY)",
        "Hosts reached directly: names (and their subdomains), addresses and \
         ranges such as 10.0.0.0/8, separated by commas; * for all.",
    ),
];

/// The files zhoubao reads and writes, as on Linux (XDG).
const FILES: &[(&str, &str)] = &[
    (
        "$XDG_CONFIG_HOME/zhoubao/config.toml",
        "The config file (~/.config/zhoubao/config.toml); zhoubao config \
         prints a complete one. --config /dev/null means no settings.",
    ),
    (
        "$XDG_DATA_HOME/zhoubao/cache.db",
        "The cache (~/.local/share/zhoubao/cache.db), an SQLite database \
         with its journal files cache.db-wal and cache.db-shm beside it.",
    ),
    (
        "cache.db.recovered",
        "What zhoubao recover writes beside a damaged cache, unless --to \
         says where.",
    ),
];

/// What the exit status says.
const EXIT_STATUS: &[(&str, &str)] = &[
    ("0", "Done."),
    (
        "1",
        "An error, said on stderr; also an import or fetch that could not \
         store every file or page, and a search that found nothing.",
    ),
    ("2", "A mistake on the command line (usage)."),
    (
        "128+N",
        "Ended by signal N (the TUI gives the terminal back first).",
    ),
];

/// zhoubao(1): clap's page with the sections clap cannot know, before
/// VERSION; SEE ALSO names the subcommands' pages.
pub fn main_page(cmd: clap::Command, keys: &KeyMap) -> io::Result<Vec<u8>> {
    // clap's own `help` subcommand gets no page: it would name one.
    let cmd = cmd.disable_help_subcommand(true);
    let man = clap_mangen::Man::new(cmd.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    man.render_subcommands_section(&mut out)?;
    write_keys(&mut out, keys)?;
    write_list(&mut out, "ENVIRONMENT", ENVIRONMENT)?;
    write_list(&mut out, "FILES", FILES)?;
    write_list(&mut out, "EXIT STATUS", EXIT_STATUS)?;
    let pages: Vec<String> = subcommand_names(&cmd)
        .map(|sub| format!("zhoubao-{sub}(1)"))
        .collect();
    write_see_also(&mut out, &pages)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}

/// Writes zhoubao.1 and zhoubao-SUB.1 for every subcommand into `dir`
/// (created when missing); returns the files written.
pub fn write_pages(cmd: clap::Command, keys: &KeyMap, dir: &Path) -> io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut cmd = cmd.disable_help_subcommand(true);
    // Gives each subcommand its display name, `zhoubao-import`.
    cmd.build();
    let mut written = Vec::new();
    let main = dir.join("zhoubao.1");
    crate::output::target::write_export(&main, &main_page(cmd.clone(), keys)?)?;
    written.push(main);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let man = clap_mangen::Man::new(sub.clone());
        let mut page = Vec::new();
        man.render(&mut page)?;
        write_see_also(&mut page, &["zhoubao(1)".to_string()])?;
        let path = dir.join(man.get_filename());
        crate::output::target::write_export(&path, &page)?;
        written.push(path);
    }
    Ok(written)
}

fn subcommand_names(cmd: &clap::Command) -> impl Iterator<Item = &str> {
    cmd.get_subcommands()
        .filter(|s| !s.is_hide_set())
        .map(clap::Command::get_name)
}

/// KEYS: every binding of the key map, under its scope's heading.
fn write_keys(out: &mut Vec<u8>, keys: &KeyMap) -> io::Result<()> {
    writeln!(out, ".SH KEYS")?;
    writeln!(
        out,
        "{}",
        text(
            "The TUI's keys as they are by default. Those with a name in \
              zhoubao config's [keys] table can be remapped there; help (?) \
              shows the keys in use."
        )
    )?;
    let mut scope: Option<Scope> = None;
    for e in keys.entries() {
        if scope != Some(e.binding.scope) {
            scope = Some(e.binding.scope);
            let heading = e.binding.scope.heading().text(Lang::En);
            writeln!(out, ".SS \"{}\"", heading.replace('"', "'"))?;
        }
        writeln!(out, ".TP")?;
        let label = keys_label(&e.keys, Lang::En);
        match e.binding.name {
            Some(name) => writeln!(out, "\\fB{}\\fR ({})", text(&label), text(name))?,
            None => writeln!(out, "\\fB{}\\fR", text(&label))?,
        }
        writeln!(out, "{}", text(e.binding.help.text(Lang::En)))?;
    }
    Ok(())
}

/// A section of tagged paragraphs: the term in bold, then what it means.
fn write_list(out: &mut Vec<u8>, heading: &str, items: &[(&str, &str)]) -> io::Result<()> {
    writeln!(out, ".SH \"{heading}\"")?;
    for (term, what) in items {
        writeln!(out, ".TP\n\\fB{}\\fR\n{}", text(term), text(what))?;
    }
    Ok(())
}

fn write_see_also(out: &mut Vec<u8>, pages: &[String]) -> io::Result<()> {
    writeln!(out, ".SH \"SEE ALSO\"")?;
    writeln!(out, "{}", text(&pages.join(", ")))
}

/// Text for a roff line: backslashes escaped, dashes as minus signs (so
/// options can be searched for and copied), and a line that would start
/// with a control character made plain.
fn text(s: &str) -> String {
    let escaped = s.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn roff_text_cannot_start_a_request_or_an_escape() {
        assert_eq!(text(".SH X"), "\\&.SH X");
        assert_eq!(text("'x"), "\\&'x");
        assert_eq!(text("a\\fB"), "a\\efB");
        assert_eq!(text("--db"), "\\-\\-db");
    }
}
