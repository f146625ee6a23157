//! Inputs: stdin, directories (walk order, skipped entries), encodings, empty files.

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

/// EUC-KR and Windows-1252 without declaration, UTF-16 with BOM: all decode to clean text.
#[test]
fn legacy_encodings_decode() {
    let dir = tempfile::tempdir().unwrap();
    let korean =
        "북한, 한미 연합훈련 비난\n\n북한은 한국과 미국의 연합 군사훈련을 비난하며 대가를 치를 것이라고 경고했다.";
    fs::write(dir.path().join("euckr.txt"), encoding_rs::EUC_KR.encode(korean).0).unwrap();
    fs::write(
        dir.path().join("cp1252.txt"),
        b"Envoy speaks\n\nThe envoy said \x93we will talk\x94 on Monday.",
    )
    .unwrap();
    let mut utf16 = vec![0xff, 0xfe];
    utf16.extend(
        "Headline\n\nBody in UTF-16."
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes()),
    );
    fs::write(dir.path().join("utf16.txt"), utf16).unwrap();
    let out = run(&["parse", "--quiet", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let b = briefs(&out);
    assert_eq!(b[0].body, ["The envoy said “we will talk” on Monday."]);
    assert_eq!(b[1].headline.as_deref(), Some("북한, 한미 연합훈련 비난"));
    assert_eq!(b[2].body, ["Body in UTF-16."]);
}

/// An empty file is not a failure: its brief is empty and says why.
#[test]
fn empty_file_gives_empty_brief() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "").unwrap();
    let out = run(&["parse", empty.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let brief = &briefs(&out)[0];
    assert_eq!(brief.headline, None);
    assert!(brief.body.is_empty());
    assert!(
        brief.warnings.iter().any(|w| w.contains("empty")),
        "{:?}",
        brief.warnings
    );
}

/// A FIFO in a directory is skipped, not read (reading it would hang).
#[cfg(unix)]
#[test]
fn fifo_in_directory_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Headline\n\nBody.").unwrap();
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.txt"))
        .status();
    if !status.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this machine: nothing to test
    }
    let out = run(&["parse", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(briefs(&out).len(), 1);
    assert!(stderr(&out).contains("1 skipped"), "{}", stderr(&out));
}

/// Hostile HTML (100,000 nested elements) is flattened before parsing: a brief with a warning, quickly.
#[test]
fn deep_html_is_flattened() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("deep.html");
    let html = format!(
        "<html><body>{}<p>Deep text.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    fs::write(&page, html).unwrap();
    let out = run(&["parse", page.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(briefs(&out)[0].warnings.iter().any(|w| w.contains("--max-depth")));
}

/// 10,000 quotes in one paragraph all come out (the work per quote is a binary search, not a rescan).
#[test]
fn ten_thousand_quotes_in_one_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quotes.txt");
    fs::write(
        &file,
        format!("Headline\n\n{}", "Kim said “we talked” on Monday. ".repeat(10_000)),
    )
    .unwrap();
    let out = run(&["parse", file.to_str().unwrap(), "--date", "2021-06-23"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let brief = briefs(&out).remove(0);
    assert_eq!(brief.quotes.len(), 10_000);
    assert!(brief
        .quotes
        .iter()
        .all(|q| q.date.as_ref().and_then(|d| d.value.as_deref()) == Some("2021-06-21")));
}

/// A quotation that never closes runs to its paragraph's end and costs no other paragraph its quotes.
#[test]
fn unclosed_quote_stays_in_its_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("unclosed.txt");
    fs::write(
        &file,
        "Headline\n\nMoon said “this never closes and goes on.\n\nLater, Lee said “we agree,” in Seoul.",
    )
    .unwrap();
    let out = run(&["parse", file.to_str().unwrap()], None);
    let brief = briefs(&out).remove(0);
    assert!(
        brief
            .quotes
            .iter()
            .any(|q| q.text == "we agree" && q.segments[0].paragraph == 1),
        "{:?}",
        brief.quotes
    );
}
