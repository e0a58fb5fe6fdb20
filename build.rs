//! Embeds every file of assets/demo in the binary: writes
//! `$OUT_DIR/demo_files.rs`, a sorted `&[(name, include_bytes!(path))]`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let manifest_dir = PathBuf::from(env::var("CARGO_MANIFEST_DIR")?);
    let demo_dir = manifest_dir.join("assets").join("demo");
    println!("cargo:rerun-if-changed=assets/demo");
    println!("cargo:rerun-if-changed=build.rs");

    let mut files: Vec<(String, PathBuf)> = Vec::new();
    if demo_dir.is_dir() {
        for entry in fs::read_dir(&demo_dir)? {
            let path = entry?.path();
            if !path.is_file() {
                continue;
            }
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                files.push((name.to_string(), path.clone()));
            }
        }
    }
    files.sort();

    let mut code = String::from("&[\n");
    for (name, path) in &files {
        // Debug formatting yields valid, escaped Rust string literals.
        code.push_str(&format!(
            "    ({:?}, include_bytes!({:?})),\n",
            name,
            path_str(path)?
        ));
    }
    code.push_str("]\n");
    let out = PathBuf::from(env::var("OUT_DIR")?).join("demo_files.rs");
    fs::write(out, code)?;
    Ok(())
}

fn path_str(path: &Path) -> Result<&str, String> {
    path.to_str()
        .ok_or_else(|| format!("demo file path is not UTF-8: {}", path.display()))
}
