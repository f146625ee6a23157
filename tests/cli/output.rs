//! Output: --output-dir, --pretty, Markdown, schema, completions.

use crate::util::{briefs, fixture, run, stderr, stdout, BIN};
use std::process::{Command, Stdio};

/// Piped JSON carries no terminal escapes, and every key of the contract is present.
#[test]
fn json_is_plain_ndjson_with_every_key() {
    let out = run(
        &["parse", fixture("articles/seed-phnompenhpost.txt").to_str().unwrap()],
        None,
    );
    let text = stdout(&out);
    assert!(!text.contains("\x1b["));
    assert_eq!(text.lines().count(), 1);
    let value: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    for key in [
        "schema",
        "source",
        "headline",
        "byline",
        "published",
        "dateline",
        "captions",
        "body",
        "quotes",
        "actors",
        "dates",
        "timeline",
        "summary",
        "warnings",
    ] {
        assert!(value.get(key).is_some(), "missing {key}");
    }
}

/// --pretty indents but stays a stream of JSON values.
#[test]
fn pretty_is_valid_stream() {
    let seed = fixture("articles/seed-phnompenhpost.txt");
    let out = run(
        &["parse", "--pretty", seed.to_str().unwrap(), seed.to_str().unwrap()],
        None,
    );
    let text = stdout(&out);
    assert!(text.lines().count() > 10);
    let values: Vec<serde_json::Value> = serde_json::Deserializer::from_str(&text)
        .into_iter()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(values.len(), 2);
}

/// --output-dir writes one file per article, unique names, nothing on stdout, no temp files left.
#[test]
fn output_dir_one_file_per_article() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("briefs");
    let seed = fixture("articles/seed-phnompenhpost.txt");
    let out = run(
        &[
            "parse",
            "--quiet",
            "--format",
            "markdown",
            "--output-dir",
            out_dir.to_str().unwrap(),
            seed.to_str().unwrap(),
            seed.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let mut names: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["seed-phnompenhpost-2.md", "seed-phnompenhpost.md"]);
    let md = std::fs::read_to_string(out_dir.join("seed-phnompenhpost.md")).unwrap();
    assert!(md.starts_with("# South Korea, US set to consider terminating working group on North Korea\n"));
}

/// Markdown has the brief's sections in order.
#[test]
fn markdown_sections() {
    let out = run(
        &[
            "parse",
            "--format",
            "markdown",
            fixture("articles/seed-phnompenhpost.txt").to_str().unwrap(),
        ],
        None,
    );
    let md = stdout(&out);
    let positions: Vec<usize> = [
        "# South Korea",
        "Phnom Penh Post",
        "## Summary",
        "## Who said what",
        "## Actors",
        "## Timeline",
    ]
    .iter()
    .map(|s| md.find(s).unwrap_or_else(|| panic!("missing {s}\n{md}")))
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{md}");
}

/// `schema` prints a JSON Schema naming every top-level field.
#[test]
fn schema_describes_brief() {
    let out = run(&["schema"], None);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let props = schema["properties"].as_object().unwrap();
    assert!(props.contains_key("quotes") && props.contains_key("actors") && props.contains_key("summary"));
}

/// `completions` prints a script for the shell.
#[test]
fn completions_for_bash() {
    let out = run(&["completions", "bash"], None);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("korea-brief"));
}

/// --summary-sentences sets the summary length.
#[test]
fn summary_sentences_flag() {
    let seed = fixture("articles/seed-phnompenhpost.txt");
    let out = run(&["parse", "--summary-sentences", "5", seed.to_str().unwrap()], None);
    assert_eq!(briefs(&out)[0].summary.len(), 5);
}

/// The README documents every flag of `parse`.
#[test]
fn readme_mentions_every_flag() {
    let readme = std::fs::read_to_string(crate::util::root().join("README.md")).unwrap();
    for flag in [
        "--format",
        "--pretty",
        "--date",
        "--summary-sentences",
        "--output-dir",
        "--lexicon",
        "--max-bytes",
        "--quiet",
        "--jobs",
        "--max-depth",
        "--timeout",
    ] {
        assert!(readme.contains(flag), "README does not mention {flag}");
    }
}

/// Parallel runs print the same bytes, in the same input order, as one job.
#[test]
fn jobs_keep_input_order() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..40 {
        std::fs::write(
            dir.path().join(format!("{i:02}.txt")),
            format!("Headline {i}\n\nBody of article {i} said Kim."),
        )
        .unwrap();
    }
    let path = dir.path().to_str().unwrap();
    let one = run(&["parse", "-q", "-j", "1", path], None);
    let four = run(&["parse", "-q", "-j", "4", path], None);
    assert_eq!(one.stdout, four.stdout);
    let headlines: Vec<String> = briefs(&four).into_iter().map(|b| b.headline.unwrap()).collect();
    assert_eq!(headlines, (0..40).map(|i| format!("Headline {i}")).collect::<Vec<_>>());
}

/// A write error on standard output other than a closed pipe is fatal (2).
#[cfg(target_os = "linux")]
#[test]
fn write_error_is_fatal() {
    let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
    let out = Command::new(BIN)
        .args(["parse", fixture("articles/seed-phnompenhpost.txt").to_str().unwrap()])
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("No space left"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A run killed (SIGKILL) mid-batch leaves only complete briefs under their final names: a brief is
/// written to a hidden temporary name without the final extension and renamed into place.
#[cfg(unix)]
#[test]
fn output_dir_killed_run_leaves_no_partial_brief() {
    let dir = tempfile::tempdir().unwrap();
    let (inputs, out_dir) = (dir.path().join("in"), dir.path().join("briefs"));
    std::fs::create_dir(&inputs).unwrap();
    let seed = std::fs::read(fixture("articles/seed-phnompenhpost.txt")).unwrap();
    for i in 0..400 {
        std::fs::write(inputs.join(format!("{i:03}.txt")), &seed).unwrap();
    }
    let mut child = Command::new(BIN)
        .args([
            "parse",
            "-q",
            "--output-dir",
            out_dir.to_str().unwrap(),
            inputs.to_str().unwrap(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while count_entries(&out_dir) < 20 && started.elapsed() < std::time::Duration::from_secs(60) {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    child.kill().unwrap(); // SIGKILL: no destructor, no cleanup runs
    child.wait().unwrap();
    let mut complete = 0;
    for entry in std::fs::read_dir(&out_dir).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name.ends_with(".json") {
            let text = std::fs::read_to_string(out_dir.join(&name)).unwrap();
            serde_json::from_str::<korea_brief::brief::Brief>(&text)
                .unwrap_or_else(|e| panic!("{name} is not a complete brief: {e}"));
            complete += 1;
        } else {
            assert!(name.starts_with('.') && name.contains(".tmp-"), "stray file {name}");
        }
    }
    assert!((1..400).contains(&complete), "killed mid-run: {complete} briefs");
}

/// Temporary files of a killed earlier run are removed by the next run into the directory; those
/// of a process still alive are left alone.
#[cfg(target_os = "linux")]
#[test]
fn output_dir_removes_stale_temporaries() {
    let dir = tempfile::tempdir().unwrap();
    let out_dir = dir.path().join("briefs");
    std::fs::create_dir(&out_dir).unwrap();
    // Process ids never reach this value on Linux (pid_max is at most 2^22).
    let stale = out_dir.join(".a.json.tmp-999999999");
    let alive = out_dir.join(format!(".b.json.tmp-{}", std::process::id()));
    std::fs::write(&stale, "{").unwrap();
    std::fs::write(&alive, "{").unwrap();
    let status = Command::new(BIN)
        .args(["parse", "-q", "--output-dir", out_dir.to_str().unwrap()])
        .arg(fixture("articles/seed-phnompenhpost.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    assert!(!stale.exists(), "a dead run's temporary file stays");
    assert!(alive.exists(), "a live process's temporary file was removed");
    assert!(out_dir.join("seed-phnompenhpost.json").exists());
}

fn count_entries(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir).map(|d| d.count()).unwrap_or(0)
}

/// Output names come from input names made safe: no `..`, no path, no control characters, and
/// nothing is written outside the directory.
#[cfg(unix)]
#[test]
fn output_dir_sanitises_names() {
    let dir = tempfile::tempdir().unwrap();
    let (inputs, out_dir) = (dir.path().join("in"), dir.path().join("briefs"));
    std::fs::create_dir(&inputs).unwrap();
    let names = [
        "...txt",
        "..evil.txt",
        "tab\there.txt",
        "esc\x1b[31m.txt",
        "new\nline.txt",
        "북한.txt",
    ];
    let mut args = vec!["parse".to_string(), "-q".into(), "--output-dir".into()];
    args.push(out_dir.display().to_string());
    for name in names {
        std::fs::write(inputs.join(name), "Headline\n\nBody.").unwrap();
        args.push(inputs.join(name).display().to_string()); // absolute paths
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = run(&args, None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut written: Vec<String> = std::fs::read_dir(&out_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        [
            "article.json",
            "esc__31m.json",
            "evil.json",
            "new_line.json",
            "tab_here.json",
            "북한.json"
        ]
    );
    assert_eq!(count_entries(dir.path()), 2, "nothing beside in/ and briefs/");
}
