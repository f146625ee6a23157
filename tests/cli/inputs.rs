//! Inputs: stdin, directories (walk order, skipped entries). Bad inputs are in matrix.rs.

use crate::util::{briefs, fixture, run, run_in, stderr};
use std::fs;

/// `-` reads standard input and names it `-`.
#[test]
fn reads_stdin() {
    let text = fs::read(fixture("articles/seed-phnompenhpost.txt")).unwrap();
    let out = run(&["parse", "-"], Some(&text));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let brief = &briefs(&out)[0];
    assert_eq!(brief.source.input, "-");
    assert_eq!(brief.source.kind, korea_brief::brief::SourceKind::Stdin);
    assert_eq!(
        brief.headline.as_deref(),
        Some("South Korea, US set to consider terminating working group on North Korea")
    );
}

/// A directory is walked recursively in sorted order; other extensions, hidden entries and
/// symlinked directories are skipped and counted in the summary line.
#[test]
fn walks_directories_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("in/b")).unwrap();
    fs::write(root.join("in/b/two.TXT"), "Second headline\n\nBody two.").unwrap();
    fs::write(root.join("in/a.txt"), "First headline\n\nBody one.").unwrap();
    fs::write(root.join("in/c"), "Third headline\n\nBody three.").unwrap();
    fs::write(root.join("in/notes.json"), "{}").unwrap();
    fs::write(root.join("in/.hidden.txt"), "Hidden\n\nNo.").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(root.join("in/b"), root.join("in/link")).unwrap();
    let out = run_in(root, &["parse", "in"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let inputs: Vec<String> = briefs(&out).into_iter().map(|b| b.source.input).collect();
    assert_eq!(inputs, ["in/a.txt", "in/b/two.TXT", "in/c"]);
    let skipped = if cfg!(unix) { 3 } else { 2 };
    assert!(
        stderr(&out).contains(&format!("3 parsed, {skipped} skipped, 0 failed")),
        "{}",
        stderr(&out)
    );
}

/// --quiet drops the summary line.
#[test]
fn quiet_has_no_summary() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Headline\n\nBody.").unwrap();
    fs::write(dir.path().join("b.txt"), "Headline\n\nBody.").unwrap();
    let out = run(&["parse", "--quiet", dir.path().to_str().unwrap()], None);
    assert_eq!(briefs(&out).len(), 2);
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}
