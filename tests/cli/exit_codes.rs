//! Every exit code of SPEC.md's table, with its stderr line.

use crate::util::{briefs, fixture, run, stderr};

/// 0: every input produced its output.
#[test]
fn exit_0_on_success() {
    let seed = fixture("articles/seed-phnompenhpost.txt");
    let out = run(&["parse", seed.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(briefs(&out).len(), 1);
    assert!(
        stderr(&out).is_empty(),
        "single input prints no summary line: {}",
        stderr(&out)
    );
}

/// 1: a missing input fails with one stderr line naming it; the other input's brief is still written.
#[test]
fn exit_1_when_an_input_fails() {
    let seed = fixture("articles/seed-phnompenhpost.txt");
    let out = run(&["parse", "--quiet", "no/such/file.txt", seed.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(briefs(&out).len(), 1);
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("korea-brief: no/such/file.txt: "), "{err}");
}

/// 2: usage errors (no input, bad flag, bad date).
#[test]
fn exit_2_on_usage_errors() {
    for args in [
        &["parse"][..],
        &["parse", "--nope", "x"],
        &["parse", "--date", "June 1", "x"],
        &[],
    ] {
        let out = run(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty());
    }
}

/// 2: an output directory that cannot be created.
#[test]
fn exit_2_when_output_dir_not_creatable() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, "x").unwrap();
    let target = file.join("sub");
    let seed = fixture("articles/seed-phnompenhpost.txt");
    let out = run(
        &[
            "parse",
            "--output-dir",
            target.to_str().unwrap(),
            seed.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("cannot create output directory"),
        "{}",
        stderr(&out)
    );
}

/// 2: an unknown --lexicon list is refused before any work.
#[test]
fn exit_2_on_bad_lexicon() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("nonsense.txt"), "x\n").unwrap();
    let seed = fixture("articles/seed-phnompenhpost.txt");
    let out = run(
        &[
            "parse",
            "--lexicon",
            dir.path().to_str().unwrap(),
            seed.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown list"), "{}", stderr(&out));
}
