//! Bounded work on hostile input: each pathological input of the bad-input matrix, generated at
//! 1 MB and 4 MB, parsed by the release binary under `/usr/bin/time`. Reports CPU seconds per MB,
//! peak memory, and the 4 MB / 1 MB time ratio (≈ 4 when the work is linear), and fails when an
//! input breaks a bound. `cargo bench --bench hostile` (add `-- NAME` to run the inputs whose name
//! contains NAME).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

/// CPU (user + system) seconds per MB of input, on the slower of the two sizes. Measured 0.2–0.6 on
/// the shared 2-core machine.
const MAX_CPU_SECONDS_PER_MB: f64 = 0.75;
/// Peak resident memory per MB of input at the 4 MB size. Measured 18–140: the analysis keeps every
/// quote, token and the rendered brief at once, so a page of 600,000 tiny quotes is the worst case.
const MAX_PEAK_MB_PER_MB: f64 = 150.0;
/// Time at 4 MB over time at 1 MB: 4 is linear; 8 would mean quadratic growth has begun.
const MAX_GROWTH: f64 = 6.0;

const MB: usize = 1_000_000;

/// One hostile input: its file name (the extension picks text or HTML) and a generator for `size` bytes.
struct Hostile {
    name: &'static str,
    generate: fn(usize) -> Vec<u8>,
}

const INPUTS: &[Hostile] = &[
    Hostile {
        name: "single-line.txt",
        generate: |n| repeat_to("Kim said the talks went well on Monday and ", n, "Headline\n\n", ""),
    },
    Hostile {
        name: "deep-nesting.html",
        generate: |n| repeat_to("<div>", n, "<html><body>", "<p>Deep.</p></body></html>"),
    },
    Hostile {
        name: "unclosed-tags.html",
        generate: |n| repeat_to("<p>Kim said <b>we <i>talked", n, "<html><body>", ""),
    },
    Hostile {
        name: "only-scripts.html",
        generate: |n| {
            repeat_to(
                "<script>var s = \"<p>x</p>\";</script>",
                n,
                "<html><body>",
                "</body></html>",
            )
        },
    },
    Hostile {
        name: "many-paragraphs.html",
        generate: |n| {
            repeat_to(
                "<p>Kim Jong Un told Moon Jae-in on Monday, “we will talk,” in Seoul.</p>\n",
                n,
                "<html><body><h1>Headline</h1>",
                "</body></html>",
            )
        },
    },
    Hostile {
        name: "unclosed-quote.txt",
        generate: |n| repeat_to("and the talks went on ", n, "Headline\n\nMoon said “", ""),
    },
    Hostile {
        name: "quotes-one-paragraph.txt",
        generate: |n| repeat_to("Kim said “we talked” on Monday. ", n, "Headline\n\n", ""),
    },
    Hostile {
        name: "straight-quotes.txt",
        generate: |n| repeat_to("\"a\" \" ", n, "Headline\n\n", ""),
    },
    Hostile {
        name: "dates.txt",
        generate: |n| repeat_to("On Monday, June 21, 2021, and 3 days later ", n, "Headline\n\n", ""),
    },
    Hostile {
        name: "names.txt",
        generate: |n| repeat_to("Kim Jong Un met Moon Jae-in, Lee and Ms. Park ", n, "Headline\n\n", ""),
    },
    Hostile {
        name: "short-paragraphs.txt",
        generate: |n| repeat_to("Kim said “yes.”\n\n", n, "Headline\n\n", ""),
    },
    Hostile {
        name: "euc-kr-undeclared.txt",
        generate: |n| {
            let text = repeat_to("북한은 연합 군사훈련을 비난했다. ", n, "북한\n\n", "");
            encoding_rs::EUC_KR
                .encode(std::str::from_utf8(&text).expect("generated UTF-8"))
                .0
                .into_owned()
        },
    },
];

/// `head`, then `unit` repeated until the whole is about `size` bytes, then `tail`.
fn repeat_to(unit: &str, size: usize, head: &str, tail: &str) -> Vec<u8> {
    let count = size.saturating_sub(head.len() + tail.len()) / unit.len();
    format!("{head}{}{tail}", unit.repeat(count.max(1))).into_bytes()
}

/// What one run cost.
struct Cost {
    wall: f64,
    cpu: f64,
    peak_mb: f64,
}

/// Runs `parse` on `path`, under `/usr/bin/time` when the machine has it (CPU and peak memory),
/// else with wall time only.
fn measure(path: &Path) -> Cost {
    let bin = env!("CARGO_BIN_EXE_korea-brief");
    let timed = Path::new("/usr/bin/time").exists();
    let mut command = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%U %S %M", bin]);
        c
    } else {
        Command::new(bin)
    };
    command.args(["parse", "--date", "2021-06-23"]).arg(path);
    let started = Instant::now();
    let out = command
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("binary runs");
    let wall = started.elapsed().as_secs_f64();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{}: {err}", path.display());
    let Some(fields) = timed.then(|| err.lines().last().unwrap_or_default().to_string()) else {
        return Cost {
            wall,
            cpu: wall,
            peak_mb: f64::NAN,
        };
    };
    let numbers: Vec<f64> = fields.split_whitespace().filter_map(|f| f.parse().ok()).collect();
    let [user, system, peak_kb] = numbers[..] else {
        panic!("unexpected /usr/bin/time output: {fields}");
    };
    Cost {
        wall,
        cpu: user + system,
        peak_mb: peak_kb / 1024.0,
    }
}

fn main() {
    let filter = std::env::args().skip(1).find(|a| !a.starts_with('-'));
    let dir = tempfile::tempdir().expect("tempdir");
    println!(
        "{:<26} {:>9} {:>9} {:>8} {:>9} {:>7}  bounds: < {MAX_CPU_SECONDS_PER_MB} cpu s/MB, < {MAX_PEAK_MB_PER_MB} peak/MB, growth < {MAX_GROWTH}",
        "input", "cpu s/MB", "wall s/MB", "peak MB", "peak/MB", "4M/1M"
    );
    let mut broken = Vec::new();
    for input in INPUTS
        .iter()
        .filter(|i| filter.as_ref().is_none_or(|f| i.name.contains(f.as_str())))
    {
        let [small, large] = [MB, 4 * MB].map(|size| {
            let bytes = (input.generate)(size);
            let path = dir.path().join(input.name);
            std::fs::write(&path, &bytes).expect("write input");
            (bytes.len() as f64 / MB as f64, measure(&path))
        });
        let cpu_per_mb = (small.1.cpu / small.0).max(large.1.cpu / large.0);
        let wall_per_mb = (small.1.wall / small.0).max(large.1.wall / large.0);
        // Below a few tens of milliseconds the ratio is noise: start-up dominates.
        let growth = if small.1.cpu > 0.05 {
            large.1.cpu / small.1.cpu
        } else {
            1.0
        };
        println!(
            "{:<26} {cpu_per_mb:>9.3} {wall_per_mb:>9.3} {:>8.1} {:>9.1} {growth:>7.2}",
            input.name,
            large.1.peak_mb,
            large.1.peak_mb / large.0
        );
        if cpu_per_mb > MAX_CPU_SECONDS_PER_MB || large.1.peak_mb / large.0 > MAX_PEAK_MB_PER_MB || growth > MAX_GROWTH
        {
            broken.push(input.name);
        }
    }
    assert!(broken.is_empty(), "over a bound: {broken:?}");
}
