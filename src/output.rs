//! Where briefs go: standard output (buffered, locked once) or one file per
//! article in `--output-dir`, written atomically (temporary file, then rename)
//! under a sanitised, unique name that can never leave the directory.

use crate::input::Origin;
use crate::render::OutputFormat;
use anyhow::{Context, Result};
use std::collections::HashSet;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

pub enum Sink {
    Stdout(BufWriter<std::io::StdoutLock<'static>>),
    Dir {
        dir: PathBuf,
        extension: &'static str,
        used: HashSet<String>,
    },
}

impl Sink {
    pub fn stdout() -> Self {
        Sink::Stdout(BufWriter::new(std::io::stdout().lock()))
    }

    /// Creates `dir` if needed, and removes temporary files a killed earlier run left there.
    pub fn dir(dir: &Path, format: OutputFormat) -> Result<Self> {
        fs::create_dir_all(dir).with_context(|| format!("cannot create output directory {}", dir.display()))?;
        remove_stale_temporaries(dir);
        Ok(Sink::Dir {
            dir: dir.to_path_buf(),
            extension: format.extension(),
            used: HashSet::new(),
        })
    }

    pub fn write(&mut self, origin: &Origin, bytes: &[u8]) -> Result<()> {
        match self {
            Sink::Stdout(out) => Ok(out.write_all(bytes)?),
            Sink::Dir { dir, extension, used } => {
                let name = unique_name(&file_stem(origin), extension, used);
                write_atomically(&dir.join(name), bytes)
            }
        }
    }

    pub fn finish(&mut self) -> Result<()> {
        if let Sink::Stdout(out) = self {
            out.flush()?;
        }
        Ok(())
    }
}

/// Writes `bytes` to a hidden temporary file beside `target`, then renames it into
/// place: a reader (or a killed run) never sees a partial file.
pub fn write_atomically(target: &Path, bytes: &[u8]) -> Result<()> {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = target.with_file_name(format!(".{name}.tmp-{}", std::process::id()));
    fs::write(&temp, bytes).with_context(|| format!("writing {}", temp.display()))?;
    fs::rename(&temp, target).with_context(|| format!("renaming into {}", target.display()))
}

/// Removes the temporary files (`.<name>.tmp-<pid>`) of runs that no longer live:
/// a run killed mid-write leaves one behind. Files of a run still writing into the
/// same directory are left alone. Linux only, where `/proc` tells which processes live;
/// best effort: a file that cannot be removed stays.
fn remove_stale_temporaries(dir: &Path) {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = temporary_owner(&name) else { continue };
        if !proc.join(pid.to_string()).exists() {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name: ".a.json.tmp-4242" -> 4242.
fn temporary_owner(name: &str) -> Option<u32> {
    let (_, pid) = name.strip_prefix('.')?.rsplit_once(".tmp-")?;
    pid.parse().ok()
}

/// The input's file stem with anything unsafe for a file name replaced.
fn file_stem(origin: &Origin) -> String {
    let raw = match origin {
        Origin::Stdin => "stdin".to_string(),
        Origin::Url(url) => url
            .trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string(),
        Origin::File(path) => path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let safe: String = raw
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_start_matches('.');
    if safe.is_empty() {
        "article".to_string()
    } else {
        safe.chars().take(100).collect()
    }
}

/// `<stem>.<ext>`, or `<stem>-2.<ext>`, … when an earlier article of the run took the name.
fn unique_name(stem: &str, extension: &str, used: &mut HashSet<String>) -> String {
    let mut name = format!("{stem}.{extension}");
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{stem}-{n}.{extension}");
        n += 1;
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names never climb out of the directory and never collide.
    #[test]
    fn safe_unique_names() {
        let origin = Origin::File(PathBuf::from("../../etc/..passwd\u{1b}.txt"));
        let stem = file_stem(&origin);
        assert!(
            !stem.contains('/') && !stem.starts_with('.') && !stem.contains('\u{1b}'),
            "{stem}"
        );
        let mut used = HashSet::new();
        assert_eq!(unique_name("a", "json", &mut used), "a.json");
        assert_eq!(unique_name("a", "json", &mut used), "a-2.json");
        assert_eq!(file_stem(&Origin::Stdin), "stdin");
    }

    /// Temporary names carry the writer's process id; other files do not look like them.
    #[test]
    fn temporary_owners() {
        assert_eq!(temporary_owner(".a.json.tmp-4242"), Some(4242));
        assert_eq!(temporary_owner("a.json.tmp-4242"), None);
        assert_eq!(temporary_owner(".a.json"), None);
        assert_eq!(temporary_owner(".a.tmp-x"), None);
    }
}
