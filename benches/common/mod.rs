//! What the benches share: the corpus folders, read into memory once.

use korea_brief::input::{self, Limits, Origin, Source};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// `../shared/corpus/general`, beside the project.
pub fn general_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/general")
}

/// Every file with `extension` under `dir`, read and decoded as `parse` would.
pub fn load_all(dir: &Path, extension: &str) -> Vec<Source> {
    let mut paths = Vec::new();
    collect(dir, extension, &mut paths);
    let limits = Limits {
        max_bytes: u64::MAX,
        timeout: Duration::from_secs(1),
    };
    paths
        .into_iter()
        .filter_map(|path| input::load(&Origin::File(path), limits).ok())
        .collect()
}

fn collect(dir: &Path, extension: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            collect(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            out.push(path);
        }
    }
}
