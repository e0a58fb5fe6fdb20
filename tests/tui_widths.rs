//! What the layout thinks a cleaned title takes on screen is what a real
//! terminal draws: each string goes through the sanitizer, is printed in a
//! tmux pane, and tmux's cursor column must equal the cells the layout's
//! width function gives it and the cells ratatui advances over when it
//! draws the string (it measures by grapheme, the layout by character). Emoji sequences (skin tones, flags, VS16)
//! broke this and let a title paint over the list's border. Skips (passes
//! with a message) without tmux.

use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use zhoubao::sanitize;
use zhoubao::tui::view::wrap::width;

fn tmux(args: &[&str]) -> Option<String> {
    let out = Command::new("tmux").args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}

#[test]
fn cleaned_emoji_sequences_take_the_cells_the_layout_counts() {
    if tmux(&["-V"]).is_none() {
        eprintln!("tmux not found: skipping");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let samples = [
        "标题👍\u{1F3FD}结束",
        "已修复✔\u{FE0F}",
        "中国🇨🇳团队",
        "家庭👨\u{200D}👩\u{200D}👧",
        "键1\u{FE0F}\u{20E3}",
        "❤\u{FE0F}\u{200D}🔥",
        "🏳\u{FE0F}\u{200D}🌈旗",
        "空\u{3164}白\u{2800}",
        "私\u{E000}用\u{FFFF}",
    ];
    let mut sessions = Vec::new();
    for (i, sample) in samples.iter().enumerate() {
        let clean = sanitize::line(sample);
        let file = dir.path().join(format!("{i}.txt"));
        std::fs::write(&file, &clean).expect("write the sample");
        let name = format!("zhoubao-widths-{i}-{}", std::process::id());
        let command = format!("cat '{}'; sleep 30", file.display());
        if tmux(&[
            "new-session",
            "-d",
            "-s",
            &name,
            "-x",
            "80",
            "-y",
            "5",
            &command,
        ])
        .is_none()
        {
            eprintln!("tmux cannot start a session here: skipping");
            return;
        }
        sessions.push((name, clean));
    }
    let mut wrong = Vec::new();
    for (name, clean) in &sessions {
        let expected = width(clean);
        let mut buf = Buffer::empty(Rect::new(0, 0, 80, 1));
        let (drawn_by_ratatui, _) = buf.set_stringn(0, 0, clean, 80, Style::default());
        if usize::from(drawn_by_ratatui) != expected {
            wrong.push(format!(
                "{clean:?}: layout {expected}, ratatui {drawn_by_ratatui}"
            ));
        }
        // The pane prints at once; wait for the cursor to leave column 0.
        let deadline = Instant::now() + Duration::from_secs(10);
        let mut drawn = None;
        while Instant::now() < deadline {
            drawn = tmux(&["display-message", "-p", "-t", name, "#{cursor_x}"])
                .and_then(|x| x.parse::<usize>().ok());
            if drawn.is_some_and(|x| x > 0) {
                break;
            }
            sleep(Duration::from_millis(50));
        }
        if drawn != Some(expected) {
            wrong.push(format!("{clean:?}: layout {expected}, tmux {drawn:?}"));
        }
    }
    for (name, _) in &sessions {
        let _ = tmux(&["kill-session", "-t", name]);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
