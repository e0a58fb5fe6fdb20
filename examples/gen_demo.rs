//! Regenerates assets/demo from `zhoubao::demo::plan`: `cargo run --example gen_demo`.

use std::fs;
use std::path::Path;

fn main() -> std::io::Result<()> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/demo");
    fs::create_dir_all(&dir)?;
    // Stale files from an older plan must not linger in the embedded corpus.
    for entry in fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "md") {
            fs::remove_file(path)?;
        }
    }
    let files = zhoubao::demo::plan::all_files();
    let mut bytes = 0;
    for (name, markdown) in &files {
        fs::write(dir.join(name), markdown)?;
        bytes += markdown.len();
    }
    println!(
        "wrote {} files, {} bytes, to {}",
        files.len(),
        bytes,
        dir.display()
    );
    Ok(())
}
