//! The bad-input matrix (issue 8): whatever a scraper saved gets a brief (with a warning when
//! something was off) or exactly one stderr line `korea-brief: <input>: <reason>` with exit 1, and
//! never takes the rest of a batch down. Single files are one table, [`FILE_ROWS`]; inputs that
//! need a directory, a pipe or timing have a test each below it. Big inputs are generated in tempdirs.

use crate::util::{briefs, fixture, run, run_in, stderr, BIN};
use korea_brief::brief::Brief;
use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};

/// What one file of the matrix must produce.
enum Expect {
    /// Exit 0 and one brief that passes the check.
    Brief(fn(&Brief)),
    /// Exit 1, nothing on stdout, and exactly `korea-brief: <path>: <reason>` on stderr.
    Refused(&'static str),
}

struct Row {
    /// The file's name: its extension matters (binary data named `.txt` or `.html`).
    name: &'static str,
    bytes: fn() -> Vec<u8>,
    /// Flags before the file.
    flags: &'static [&'static str],
    expect: Expect,
}

const FILE_ROWS: &[Row] = &[
    Row {
        name: "empty.txt",
        bytes: Vec::new,
        flags: &[],
        expect: Expect::Brief(|b| assert_warned(b, "empty input: no text to read")),
    },
    Row {
        name: "whitespace.txt",
        bytes: || b" \n\t\r\n  \n".to_vec(),
        flags: &[],
        expect: Expect::Brief(|b| assert_warned(b, "empty input: no text to read")),
    },
    Row {
        name: "png.txt",
        bytes: || b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0".to_vec(),
        flags: &[],
        expect: Expect::Refused("not text or HTML (looks like a PNG image)"),
    },
    Row {
        name: "elf.html",
        bytes: || b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0".to_vec(),
        flags: &[],
        expect: Expect::Refused("not text or HTML (looks like an ELF executable)"),
    },
    Row {
        name: "gzip.html",
        bytes: gzip_page,
        flags: &[],
        expect: Expect::Refused("not text or HTML (looks like gzip-compressed data)"),
    },
    Row {
        name: "nul.txt",
        bytes: || b"Headline\n\nA body with a NUL\0 byte in it.".to_vec(),
        flags: &[],
        expect: Expect::Refused("not text or HTML (looks like binary data)"),
    },
    Row {
        name: "invalid-utf8.txt",
        bytes: || b"Headline\n\nThe caf\xe9 opened on Monday \xff\xfe in Seoul.".to_vec(),
        flags: &[],
        // Which legacy encoding is a guess; the ASCII around the bad bytes is kept either way.
        expect: Expect::Brief(|b| {
            assert!(
                b.body[0].starts_with("The caf") && b.body[0].ends_with(" in Seoul."),
                "{:?}",
                b.body
            );
            assert_warned(b, "not UTF-8 and no charset declared: read as ");
        }),
    },
    Row {
        name: "euc-kr.txt",
        bytes: || encoding_rs::EUC_KR.encode(KOREAN).0.into_owned(),
        flags: &[],
        expect: Expect::Brief(|b| {
            assert_eq!(b.headline.as_deref(), Some("북한, 한미 연합훈련 비난"));
            assert_eq!(
                b.body,
                ["북한은 한국과 미국의 연합 군사훈련을 비난하며 대가를 치를 것이라고 경고했다."]
            );
            assert_warned(b, "not UTF-8 and no charset declared: read as EUC-KR (detected)");
        }),
    },
    Row {
        name: "cp1252.txt",
        bytes: || b"Envoy speaks\n\nThe envoy said \x93we will talk\x94 on Monday \x96 in Seoul.".to_vec(),
        flags: &[],
        expect: Expect::Brief(|b| {
            assert_eq!(b.body, ["The envoy said “we will talk” on Monday – in Seoul."]);
            assert_warned(b, "read as windows-1252 (detected)");
        }),
    },
    Row {
        name: "utf16.txt",
        bytes: || {
            let mut bytes = vec![0xff, 0xfe];
            bytes.extend(KOREAN.encode_utf16().flat_map(|u| u.to_le_bytes()));
            bytes
        },
        flags: &[],
        expect: Expect::Brief(|b| {
            assert_eq!(b.headline.as_deref(), Some("북한, 한미 연합훈련 비난"));
            assert!(b.warnings.is_empty(), "a BOM declares the encoding: {:?}", b.warnings);
        }),
    },
    Row {
        name: "over-max-bytes.txt",
        bytes: || "Headline\n\nBody. ".repeat(200).into_bytes(),
        flags: &["--max-bytes", "1K"],
        expect: Expect::Refused("larger than --max-bytes (1000 bytes)"),
    },
    Row {
        name: "long-line.txt",
        bytes: || {
            "Kim said the talks went well on Monday and "
                .repeat(48_000)
                .into_bytes()
        },
        flags: &[],
        expect: Expect::Brief(|b| {
            assert!(b.body.len() == 1 && b.body[0].len() > 2_000_000, "one 2 MB paragraph");
        }),
    },
    Row {
        name: "deep.html",
        bytes: || {
            let (open, close) = ("<div>".repeat(100_000), "</div>".repeat(100_000));
            format!("<html><body>{open}<p>Deep text.</p>{close}</body></html>").into_bytes()
        },
        flags: &[],
        expect: Expect::Brief(|b| {
            assert_eq!(b.body, ["Deep text."]);
            assert_warned(b, "markup nested deeper than 512 elements was flattened (--max-depth)");
        }),
    },
    Row {
        name: "truncated.html",
        bytes: || {
            b"<html><head><title>Kim meets Moon</title></head><body><article><h1>Kim meets Moon</h1>\
              <p>Kim said \xe2\x80\x9cwe talked"
                .to_vec()
        },
        flags: &[],
        expect: Expect::Brief(|b| {
            assert_eq!(b.headline.as_deref(), Some("Kim meets Moon"));
            assert_eq!(b.body, ["Kim said “we talked"]);
        }),
    },
    Row {
        name: "no-body.html",
        bytes: || b"<html><head><title>Only a title</title></head></html>".to_vec(),
        flags: &[],
        expect: Expect::Brief(|b| {
            assert_eq!(b.headline.as_deref(), Some("Only a title"));
            assert_warned(b, "no body text found");
        }),
    },
    Row {
        name: "only-scripts.html",
        bytes: || {
            let script = "<script>var s = \"<p>Not an article said Kim.</p>\";</script>";
            format!("<html><head>{script}</head><body>{script}<script src=\"a.js\"></script></body></html>")
                .into_bytes()
        },
        flags: &[],
        expect: Expect::Brief(|b| {
            assert!(b.body.is_empty() && b.quotes.is_empty(), "{:?}", b.body);
            assert_warned(b, "no headline found");
            assert_warned(b, "no body text found");
        }),
    },
    Row {
        name: "unclosed-quote.txt",
        bytes: || {
            b"Headline\n\nMoon said \xe2\x80\x9cthis never closes and goes on.\n\nLater, Lee said \xe2\x80\x9cwe agree,\xe2\x80\x9d in Seoul.".to_vec()
        },
        flags: &[],
        // The unclosed quote runs to its paragraph's end and costs no other paragraph its quotes.
        expect: Expect::Brief(|b| {
            assert!(
                b.quotes
                    .iter()
                    .any(|q| q.text == "we agree" && q.segments[0].paragraph == 1),
                "{:?}",
                b.quotes
            );
        }),
    },
    Row {
        name: "ten-thousand-quotes.txt",
        bytes: || format!("Headline\n\n{}", "Kim said “we talked” on Monday. ".repeat(10_000)).into_bytes(),
        flags: &["--date", "2021-06-23"],
        expect: Expect::Brief(|b| {
            assert_eq!(b.quotes.len(), 10_000);
            assert!(b
                .quotes
                .iter()
                .all(|q| q.date.as_ref().and_then(|d| d.value.as_deref()) == Some("2021-06-21")));
        }),
    },
];

const KOREAN: &str =
    "북한, 한미 연합훈련 비난\n\n북한은 한국과 미국의 연합 군사훈련을 비난하며 대가를 치를 것이라고 경고했다.";

fn gzip_page() -> Vec<u8> {
    use std::io::Write;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"<html><body><p>Compressed page.</p></body></html>")
        .unwrap();
    gz.finish().unwrap()
}

fn assert_warned(brief: &Brief, warning: &str) {
    assert!(
        brief.warnings.iter().any(|w| w.contains(warning)),
        "no warning {warning:?} in {:?}",
        brief.warnings
    );
}

/// Every row of [`FILE_ROWS`], each run on its own: its exit code, its stderr and its brief.
#[test]
fn bad_input_matrix() {
    let dir = tempfile::tempdir().unwrap();
    for row in FILE_ROWS {
        let path = dir.path().join(row.name);
        fs::write(&path, (row.bytes)()).unwrap();
        let path = path.to_str().unwrap();
        let mut args = vec!["parse"];
        args.extend_from_slice(row.flags);
        args.push(path);
        let out = run(&args, None);
        let err = stderr(&out);
        match &row.expect {
            Expect::Brief(check) => {
                assert_eq!(out.status.code(), Some(0), "{}: {err}", row.name);
                assert!(err.is_empty(), "{}: {err}", row.name);
                check(&briefs(&out)[0]);
            }
            Expect::Refused(reason) => {
                assert_eq!(out.status.code(), Some(1), "{}", row.name);
                assert!(out.stdout.is_empty(), "{}", row.name);
                assert_eq!(err, format!("korea-brief: {path}: {reason}\n"), "{}", row.name);
            }
        }
    }
}

/// A refused file costs only itself: the batch goes on and exits 1.
#[test]
fn refused_file_spares_the_batch() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Headline\n\nBody.").unwrap();
    fs::write(dir.path().join("b.html"), gzip_page()).unwrap();
    fs::write(dir.path().join("c.txt"), "Headline\n\nBody.").unwrap();
    let out = run(&["parse", "-q", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(briefs(&out).len(), 2);
    let b = dir.path().join("b.html");
    assert_eq!(
        stderr(&out),
        format!(
            "korea-brief: {}: not text or HTML (looks like gzip-compressed data)\n",
            b.display()
        )
    );
}

/// Symlink loops in a directory (a link to its own directory, a link to itself) are skipped and
/// counted, never followed.
#[cfg(unix)]
#[test]
fn symlink_loop_in_directory_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("in");
    fs::create_dir(&root).unwrap();
    fs::write(root.join("a.txt"), "Headline\n\nBody.").unwrap();
    std::os::unix::fs::symlink(&root, root.join("loop")).unwrap();
    std::os::unix::fs::symlink(root.join("self.txt"), root.join("self.txt")).unwrap();
    let out = run_in(dir.path(), &["parse", "in"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(briefs(&out).len(), 1);
    assert!(
        stderr(&out).starts_with("korea-brief: 1 parsed, 2 skipped, 0 failed in "),
        "{}",
        stderr(&out)
    );
}

/// A FIFO in a directory is skipped, not read (reading it would hang).
#[cfg(unix)]
#[test]
fn fifo_in_directory_skipped() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Headline\n\nBody.").unwrap();
    let status = Command::new("mkfifo").arg(dir.path().join("pipe.txt")).status();
    if !status.is_ok_and(|s| s.success()) {
        return; // no mkfifo on this machine: nothing to test
    }
    let out = run(&["parse", dir.path().to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(briefs(&out).len(), 1);
    assert!(
        stderr(&out).starts_with("korea-brief: 1 parsed, 1 skipped, 0 failed in "),
        "{}",
        stderr(&out)
    );
}

/// A file removed after the walk listed it fails alone with one line; every other file has its brief.
/// The run is held mid-batch by not reading its stdout: a full pipe blocks the writer, and with one
/// job nothing is read ahead of what is written.
#[test]
fn file_removed_while_batch_runs() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read(fixture("articles/seed-phnompenhpost.txt")).unwrap();
    for i in 0..100 {
        fs::write(dir.path().join(format!("{i:03}.txt")), &seed).unwrap();
    }
    let victim = dir.path().join("099.txt");
    let mut child = Command::new(BIN)
        .args(["parse", "-q", "-j", "1", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    fs::remove_file(&victim).unwrap();
    let mut rest = String::new();
    stdout.read_to_string(&mut rest).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(1 + rest.lines().count(), 99);
    assert_eq!(
        stderr(&out),
        format!(
            "korea-brief: {}: No such file or directory (os error 2)\n",
            victim.display()
        )
    );
}

/// Standard input closed at once reads as an empty input: a brief that says so.
#[test]
fn stdin_closed_at_once() {
    let out = run(&["parse", "-"], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let brief = &briefs(&out)[0];
    assert_eq!(brief.source.input, "-");
    assert_warned(brief, "empty input: no text to read");
}

/// Closing stdout early (`| head -c1`) ends the run quietly with 0.
#[test]
fn stdout_closed_early() {
    let dir = tempfile::tempdir().unwrap();
    let seed = fs::read_to_string(fixture("articles/seed-phnompenhpost.txt")).unwrap();
    for i in 0..200 {
        fs::write(dir.path().join(format!("{i:03}.txt")), &seed).unwrap();
    }
    let mut child = Command::new(BIN)
        .args(["parse", "--quiet", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // Dropping our end closes the pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}
