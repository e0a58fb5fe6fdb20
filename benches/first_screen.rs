//! The first screen, timed from outside as a user sees it: the release
//! binary started in a tmux pane on a cache of 10,000 bulletins, until its
//! list is on the screen, against newsboat started on the same 10,000
//! bulletins (one RSS feed of them, reloaded into its own cache first),
//! until its feed list is. Both run in the same tmux server in turns, five
//! rounds each, and the screen is read with `capture-pane` every
//! millisecond or so, so the polling costs both alike.
//!
//! `cargo bench --bench first_screen`; `ZHOUBAO_BENCH_ISSUES` sets the
//! count. Budget: zhoubao's median at most a quarter of newsboat's
//! (`ZHOUBAO_BENCH_MAX_FIRST_SCREEN_RATIO`, default 0.25). Exits non-zero
//! when over; says so and exits 0 when tmux or newsboat is missing.

#[path = "import/newsboat.rs"]
#[allow(dead_code)]
mod newsboat;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

use zhoubao::synth;

const SEED: u64 = 0x7a68_6f62;
const ROUNDS: usize = 5;
/// How long one program may take to show its first screen before the
/// bench gives up on it.
const PATIENCE: Duration = Duration::from_secs(30);

fn main() -> ExitCode {
    let measuring = std::env::args().any(|a| a == "--bench");
    let issues: usize = std::env::var("ZHOUBAO_BENCH_ISSUES")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(if measuring { 10_000 } else { 200 });
    let max_ratio: f64 = std::env::var("ZHOUBAO_BENCH_MAX_FIRST_SCREEN_RATIO")
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(0.25);
    match run(issues, measuring, max_ratio) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("first screen bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Flushes what was just written (the newsboat module calls it).
pub fn settle() {
    let _ = Command::new("sync").status();
}

fn run(issues: usize, measuring: bool, max_ratio: f64) -> Result<bool, Box<dyn std::error::Error>> {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_zhoubao"));
    if !tool_answers("tmux", "-V") {
        println!("first screen: tmux not available; not measured");
        return Ok(true);
    }
    let dir = tempfile::tempdir()?;
    let corpus = dir.path().join("corpus");
    fs::create_dir(&corpus)?;
    let series = synth::series(1995, issues, SEED);
    for (i, issue) in series.iter().enumerate() {
        let text = synth::full_markdown(issue, &synth::recent_for(&series, i));
        fs::write(corpus.join(issue.file_name()), text)?;
    }
    settle();
    let db = dir.path().join("cache.db");
    let home = dir.path().join("home");
    fs::create_dir(&home)?;
    let imported = Command::new(&bin)
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg("--quiet")
        .arg(&corpus)
        .env("ZHOUBAO_CONFIG", "/dev/null")
        .env("HOME", &home)
        .stdin(Stdio::null())
        .output()?;
    if !imported.status.success() {
        return Err(format!(
            "import failed: {}",
            String::from_utf8_lossy(&imported.stderr).trim()
        )
        .into());
    }
    let Some(boat) = NewsboatCache::build(&corpus, dir.path(), issues)? else {
        println!("first screen: newsboat not installed; not measured");
        return Ok(true);
    };
    let tmux = Tmux::start()?;
    let zhoubao_cmd = format!(
        "env TERM=xterm-256color ZHOUBAO_CONFIG=/dev/null ZHOUBAO_LANG=en HOME={} {} --db {}",
        home.display(),
        bin.display(),
        db.display()
    );
    // zhoubao's status line ends with the selection's place in the list.
    let zhoubao_done = format!("/{issues}");
    let newsboat_cmd = boat.command();
    // newsboat's feed list names the feed once it has read its cache.
    let newsboat_done = "网络安全信息与动态周报".to_string();
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    // One round of each before counting: the page cache warm for both.
    tmux.first_screen(&zhoubao_cmd, &zhoubao_done)?;
    tmux.first_screen(&newsboat_cmd, &newsboat_done)?;
    for _ in 0..ROUNDS {
        ours.push(tmux.first_screen(&zhoubao_cmd, &zhoubao_done)?);
        theirs.push(tmux.first_screen(&newsboat_cmd, &newsboat_done)?);
    }
    let ratios: Vec<f64> = ours
        .iter()
        .zip(&theirs)
        .map(|(a, b)| a.as_secs_f64() / b.as_secs_f64().max(f64::EPSILON))
        .collect();
    let (ours, theirs, ratio) = (median(ours), median(theirs), median(ratios));
    println!(
        "first screen of {issues} bulletins in tmux (median of {ROUNDS}): zhoubao {ours:?}, {} {theirs:?}: {ratio:.2}× (at most {max_ratio} allowed)",
        boat.version
    );
    if measuring && ratio > max_ratio {
        eprintln!(
            "zhoubao's first screen is {ratio:.2}× newsboat's, over {max_ratio}× (ZHOUBAO_BENCH_MAX_FIRST_SCREEN_RATIO)"
        );
        return Ok(false);
    }
    Ok(true)
}

fn median<T: PartialOrd + Copy>(mut values: Vec<T>) -> T {
    values.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    values[values.len() / 2]
}

fn tool_answers(program: &str, arg: &str) -> bool {
    Command::new(program)
        .arg(arg)
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| o.status.success())
}

/// newsboat's own cache of the same bulletins, and how to open it.
struct NewsboatCache {
    dir: PathBuf,
    version: String,
}

impl NewsboatCache {
    /// Writes the bulletins as one RSS feed and reloads it into a cache;
    /// None when newsboat is not installed.
    fn build(
        corpus: &Path,
        work: &Path,
        issues: usize,
    ) -> Result<Option<NewsboatCache>, Box<dyn std::error::Error>> {
        let Some(feed) = newsboat::Feed::write(corpus, issues)? else {
            return Ok(None);
        };
        let dir = work.join("newsboat");
        let home = dir.join("home");
        fs::create_dir_all(&home)?;
        // The feed's own folder goes with `feed`; newsboat keys its cache
        // by the feed's address, so the copy it reads stays in `work`.
        let kept = work.join("feed.xml");
        fs::copy(feed.path(), &kept)?;
        fs::write(dir.join("urls"), format!("file://{}\n", kept.display()))?;
        fs::write(dir.join("config"), "")?;
        let cache = NewsboatCache {
            dir,
            version: feed.version().to_string(),
        };
        let reloaded = Command::new("sh")
            .arg("-c")
            .arg(format!("{} -x reload", cache.bare_command()))
            .stdin(Stdio::null())
            .output()?;
        if !reloaded.status.success() {
            return Err(format!(
                "newsboat -x reload failed: {}",
                String::from_utf8_lossy(&reloaded.stderr).trim()
            )
            .into());
        }
        Ok(Some(cache))
    }

    fn bare_command(&self) -> String {
        let home = self.dir.join("home");
        format!(
            "env HOME={home} XDG_CONFIG_HOME={home}/.config XDG_DATA_HOME={home}/.local/share newsboat -u {urls} -c {cache} -C {config}",
            home = home.display(),
            urls = self.dir.join("urls").display(),
            cache = self.dir.join("cache.db").display(),
            config = self.dir.join("config").display(),
        )
    }

    /// Opened in the terminal without reloading (it shows what it has).
    fn command(&self) -> String {
        format!("env TERM=xterm-256color {}", self.bare_command())
    }
}

/// A tmux server of its own with one 120x40 pane that each program is
/// started in, in turn.
struct Tmux {
    socket: String,
}

impl Tmux {
    fn start() -> Result<Tmux, Box<dyn std::error::Error>> {
        let tmux = Tmux {
            socket: format!("zhoubao-first-screen-{}", std::process::id()),
        };
        tmux.run(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "bench",
            "-x",
            "120",
            "-y",
            "40",
            "sleep 100000",
        ])?;
        Ok(tmux)
    }

    fn run(&self, args: &[&str]) -> Result<String, Box<dyn std::error::Error>> {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .stdin(Stdio::null())
            .output()?;
        if !out.status.success() {
            return Err(format!(
                "tmux {}: {}",
                args.join(" "),
                String::from_utf8_lossy(&out.stderr).trim()
            )
            .into());
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Starts `command` in the pane (ending what ran there) and returns how
    /// long it took until `done` is on the screen.
    fn first_screen(
        &self,
        command: &str,
        done: &str,
    ) -> Result<Duration, Box<dyn std::error::Error>> {
        self.run(&["respawn-pane", "-k", "-t", "bench", "sleep 100000"])?;
        self.run(&["clear-history", "-t", "bench"])?;
        let started = Instant::now();
        self.run(&["respawn-pane", "-k", "-t", "bench", command])?;
        loop {
            let screen = self.run(&["capture-pane", "-p", "-t", "bench"])?;
            if screen.contains(done) {
                return Ok(started.elapsed());
            }
            if started.elapsed() > PATIENCE {
                return Err(
                    format!("{command:?} showed no {done:?} in {PATIENCE:?}:\n{screen}").into(),
                );
            }
            // A breath between looks, so the polling leaves the program a core.
            std::thread::sleep(Duration::from_millis(1));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.run(&["kill-server"]);
    }
}
