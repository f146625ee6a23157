//! Many inputs: the single-article pipeline run over every entry of the walk
//! by a pool of `--jobs` workers. Output stays in input order and memory stays
//! bounded: at most [`IN_FLIGHT_PER_JOB`] × jobs articles are dispatched but not
//! yet written, and finished briefs wait in a small reorder buffer only until
//! the ones before them are written. Each brief is rendered into its own buffer
//! and written whole. A failed input is reported on one stderr line, in input
//! order, and the run goes on; a closed stdout ends it quietly.

use crate::analysis::Analyzer;
use crate::config::Config;
use crate::input::{self, Entry, Origin};
use crate::output::Sink;
use crate::render;
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Articles dispatched per worker before the writer waits for results.
const IN_FLIGHT_PER_JOB: usize = 8;

/// Counts of a finished run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub parsed: usize,
    pub skipped: usize,
    pub failed: usize,
}

/// What became of one walk entry, ready to be written in its turn.
enum Outcome {
    Brief(Origin, Vec<u8>),
    Failed(String, String),
    Skipped,
}

/// Parses every input of `config`, writing briefs to `sink`. Returns the tally,
/// or an error when output could not be written (a closed pipe included).
pub fn run(config: &Config, analyzer: &Analyzer, sink: &mut Sink) -> Result<Tally> {
    let started = Instant::now();
    let mut writer = Writer {
        sink,
        tally: Tally::default(),
        progress: Progress::new(config),
    };
    let entries = input::walk(&config.inputs);
    if config.jobs <= 1 {
        for entry in entries {
            let outcome = process(entry, config, analyzer);
            writer.write(outcome)?;
        }
    } else {
        run_parallel(entries, config, analyzer, &mut writer)?;
    }
    writer.sink.finish()?;
    writer.progress.clear();
    let tally = writer.tally;
    if !config.quiet && tally.parsed + tally.skipped + tally.failed > 1 {
        eprintln!(
            "korea-brief: {} parsed, {} skipped, {} failed in {:.2}s",
            tally.parsed,
            tally.skipped,
            tally.failed,
            started.elapsed().as_secs_f64()
        );
    }
    Ok(tally)
}

/// Workers take (index, entry) jobs and return (index, outcome); this thread dispatches,
/// reorders and writes.
fn run_parallel(
    entries: impl Iterator<Item = Entry>,
    config: &Config,
    analyzer: &Analyzer,
    writer: &mut Writer,
) -> Result<()> {
    let cap = config.jobs * IN_FLIGHT_PER_JOB;
    std::thread::scope(|scope| {
        let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Entry)>(cap);
        let job_rx = std::sync::Arc::new(std::sync::Mutex::new(job_rx));
        let (done_tx, done_rx) = mpsc::channel::<(usize, Outcome)>();
        for _ in 0..config.jobs {
            let (job_rx, done_tx) = (job_rx.clone(), done_tx.clone());
            scope.spawn(move || loop {
                let job = job_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((index, entry))) = job else { break };
                if done_tx.send((index, process(entry, config, analyzer))).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut entries = entries.enumerate();
        let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
        let (mut dispatched, mut next_to_write) = (0, 0);
        let mut exhausted = false;
        loop {
            while !exhausted && dispatched - next_to_write < cap {
                match entries.next() {
                    Some(job) => {
                        job_tx.send(job).expect("workers live while jobs are sent");
                        dispatched += 1;
                    }
                    None => exhausted = true,
                }
            }
            if next_to_write == dispatched {
                break;
            }
            let (index, outcome) = done_rx.recv().expect("a worker answers every dispatched job");
            pending.insert(index, outcome);
            while let Some(outcome) = pending.remove(&next_to_write) {
                next_to_write += 1;
                // On a write error (a closed pipe) the workers stop when the job channel closes.
                writer.write(outcome)?;
            }
        }
        Ok(())
    })
}

fn process(entry: Entry, config: &Config, analyzer: &Analyzer) -> Outcome {
    match entry {
        Entry::Skipped(_) => Outcome::Skipped,
        Entry::Failed { input, reason } => Outcome::Failed(input, reason),
        Entry::Article(origin) => match brief_of(&origin, config, analyzer) {
            Ok(bytes) => Outcome::Brief(origin, bytes),
            Err(reason) => Outcome::Failed(origin.display_name(), format!("{reason:#}")),
        },
    }
}

/// Reads, parses and renders one article. A panic in the pipeline is a bug, but it
/// costs only this article: it is reported as this input's failure.
fn brief_of(origin: &Origin, config: &Config, analyzer: &Analyzer) -> Result<Vec<u8>> {
    let source = input::load(origin, config.limits())?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let brief = crate::parse_source(&source, analyzer, &config.parse_options());
        render::render(&brief, config.format, config.pretty)
    }));
    outcome.map_err(|_| anyhow::anyhow!("internal error while parsing (a bug: please report it with this file)"))
}

/// Writes outcomes in input order and keeps the tally and the progress line.
struct Writer<'a> {
    sink: &'a mut Sink,
    tally: Tally,
    progress: Progress,
}

impl Writer<'_> {
    fn write(&mut self, outcome: Outcome) -> Result<()> {
        match outcome {
            Outcome::Skipped => self.tally.skipped += 1,
            Outcome::Failed(input, reason) => {
                self.tally.failed += 1;
                self.progress.clear();
                eprintln!("korea-brief: {input}: {reason}");
            }
            Outcome::Brief(origin, bytes) => {
                self.sink
                    .write(&origin, &bytes)
                    .with_context(|| format!("writing the brief of {}", origin.display_name()))?;
                self.tally.parsed += 1;
            }
        }
        self.progress.tick(&self.tally);
        Ok(())
    }
}

/// A one-line counter on stderr, only when stderr is a terminal and there is more than one input.
struct Progress {
    enabled: bool,
    started: Instant,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new(config: &Config) -> Self {
        let many = config.inputs.len() > 1 || config.inputs.iter().any(|i| std::path::Path::new(i).is_dir());
        let now = Instant::now();
        Progress {
            enabled: !config.quiet && many && std::io::stderr().is_terminal(),
            started: now,
            last: now,
            shown: false,
        }
    }

    fn tick(&mut self, tally: &Tally) {
        if self.enabled && self.last.elapsed() > Duration::from_millis(100) {
            self.last = Instant::now();
            self.shown = true;
            let rate = tally.parsed as f64 / self.started.elapsed().as_secs_f64().max(1e-3);
            let mut err = std::io::stderr().lock();
            let _ = write!(
                err,
                "\r\x1b[2Kkorea-brief: {} parsed, {} skipped, {} failed ({rate:.0}/s)…",
                tally.parsed, tally.skipped, tally.failed
            );
        }
    }

    fn clear(&mut self) {
        if self.shown {
            self.shown = false;
            let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
        }
    }
}
