//! Expands the user's INPUTs into articles to read, lazily and in order:
//! files as given, `-` as standard input, directories walked recursively in
//! sorted path order under SPEC.md's rules (article extensions only; hidden
//! entries, symlinks to directories and non-regular files skipped and counted; an entry that
//! vanishes between listing and reading fails like a missing file).

use super::Origin;
use std::collections::VecDeque;
use std::fs;
use std::path::PathBuf;

/// Extensions a directory walk takes (any letter case); files with none are taken too.
const ARTICLE_EXTENSIONS: &[&str] = &["txt", "text", "htm", "html", "xhtml"];

/// One item of the walk: an article to read, an entry passed over, or an input that failed before reading.
#[derive(Debug)]
pub enum Entry {
    Article(Origin),
    /// A directory entry SPEC.md says to pass over (not an error).
    Skipped(PathBuf),
    /// The named input could not be walked (missing, unreadable directory).
    Failed {
        input: String,
        reason: String,
    },
}

/// Walks `inputs` in order.
pub fn walk(inputs: &[String]) -> impl Iterator<Item = Entry> + '_ {
    inputs.iter().flat_map(|input| expand(input))
}

fn expand(input: &str) -> Box<dyn Iterator<Item = Entry>> {
    if input == "-" {
        return Box::new(std::iter::once(Entry::Article(Origin::Stdin)));
    }
    if super::fetch::is_url(input) {
        return Box::new(std::iter::once(Entry::Article(Origin::Url(input.to_string()))));
    }
    let path = PathBuf::from(input);
    match fs::metadata(&path) {
        Ok(meta) if meta.is_dir() => Box::new(DirWalk::new(path)),
        // A file named explicitly is parsed whatever its name; errors surface when it is read.
        _ => Box::new(std::iter::once(Entry::Article(Origin::File(path)))),
    }
}

/// Depth-first walk, each directory's entries sorted by name, so paths come out in sorted order.
struct DirWalk {
    pending: Option<PathBuf>,
    stack: Vec<VecDeque<PathBuf>>,
}

impl DirWalk {
    fn new(root: PathBuf) -> Self {
        DirWalk {
            pending: Some(root),
            stack: Vec::new(),
        }
    }

    fn sorted_children(dir: &PathBuf) -> std::io::Result<VecDeque<PathBuf>> {
        let mut children: Vec<PathBuf> = fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
        children.sort();
        Ok(children.into())
    }
}

impl Iterator for DirWalk {
    type Item = Entry;

    fn next(&mut self) -> Option<Entry> {
        loop {
            if let Some(root) = self.pending.take() {
                match Self::sorted_children(&root) {
                    Ok(children) => self.stack.push(children),
                    Err(err) => {
                        return Some(Entry::Failed {
                            input: root.display().to_string(),
                            reason: err.to_string(),
                        })
                    }
                }
                continue;
            }
            let top = self.stack.last_mut()?;
            let Some(path) = top.pop_front() else {
                self.stack.pop();
                continue;
            };
            if is_hidden(&path) {
                return Some(Entry::Skipped(path));
            }
            // Listed a moment ago, so an error here (removed mid-batch, no permission) is the input's failure.
            let link_meta = match fs::symlink_metadata(&path) {
                Ok(meta) => meta,
                Err(err) => {
                    return Some(Entry::Failed {
                        input: path.display().to_string(),
                        reason: err.to_string(),
                    })
                }
            };
            if link_meta.is_dir() {
                match Self::sorted_children(&path) {
                    Ok(children) => self.stack.push(children),
                    Err(err) => {
                        return Some(Entry::Failed {
                            input: path.display().to_string(),
                            reason: err.to_string(),
                        })
                    }
                }
                continue;
            }
            // Follow symlinks to files, never to directories (no loops, no escaping the tree).
            match fs::metadata(&path) {
                Ok(meta) if meta.is_file() && has_article_extension(&path) => {
                    return Some(Entry::Article(Origin::File(path)));
                }
                _ => return Some(Entry::Skipped(path)),
            }
        }
    }
}

fn is_hidden(path: &std::path::Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

fn has_article_extension(path: &std::path::Path) -> bool {
    match path.extension() {
        None => true,
        Some(ext) => ext
            .to_str()
            .is_some_and(|ext| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(ext))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Directories come out sorted and recursive, with other files, hidden entries and symlinked dirs skipped.
    #[test]
    fn walks_sorted_with_skips() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("b")).unwrap();
        fs::write(root.join("b/z.TXT"), "x").unwrap();
        fs::write(root.join("a.html"), "x").unwrap();
        fs::write(root.join("c"), "x").unwrap();
        fs::write(root.join("d.json"), "x").unwrap();
        fs::write(root.join(".hidden.txt"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(root.join("b"), root.join("e-link")).unwrap();
        let inputs = vec![root.display().to_string()];
        let mut skipped = 0;
        let mut found = Vec::new();
        for entry in walk(&inputs) {
            match entry {
                Entry::Article(Origin::File(p)) => found.push(p.strip_prefix(root).unwrap().display().to_string()),
                Entry::Skipped(_) => skipped += 1,
                other => panic!("unexpected {other:?}"),
            }
        }
        assert_eq!(found, ["a.html", "b/z.TXT", "c"]);
        assert_eq!(skipped, if cfg!(unix) { 3 } else { 2 });
    }

    /// Files and `-` pass through in the order given, whatever their names.
    #[test]
    fn explicit_inputs_in_order() {
        let inputs = vec!["x.json".to_string(), "-".to_string()];
        let found: Vec<Entry> = walk(&inputs).collect();
        assert!(matches!(&found[0], Entry::Article(Origin::File(p)) if p == &PathBuf::from("x.json")));
        assert!(matches!(&found[1], Entry::Article(Origin::Stdin)));
    }
}
