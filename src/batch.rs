//! Many inputs: the single-article pipeline run over every entry of the walk
//! by a pool of `--jobs` workers. Output stays in input order and memory stays
//! bounded: at most [`IN_FLIGHT_PER_JOB`] × jobs articles are dispatched but not
//! yet consumed, and finished results wait in a small reorder buffer only until
//! the ones before them are consumed. A worker turns each brief into the caller's
//! item (`parse`: the rendered bytes, written whole; `digest`: the parts of the
//! brief the digest folds in), so the consumer thread does as little as possible.
//! A failed input is reported on one stderr line, in input order, and the run goes
//! on; a consumer error (a closed pipe) ends it.

use crate::analysis::Analyzer;
use crate::brief::Brief;
use crate::config::Config;
use crate::input::{self, Entry, Origin};
use anyhow::Result;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

/// Articles dispatched per worker before the consumer waits for results. Results wait
/// in input order behind the slowest article in flight: a 1.6 MB page takes 130 ms
/// where a typical article takes 2 ms, so with a window of 16 the other worker idled
/// once it had run 15 articles ahead. 64 per job keeps it busy through such a page,
/// for at most a few megabytes of finished results waiting (7 KB per brief on average).
const IN_FLIGHT_PER_JOB: usize = 64;

/// Articles go to workers in chunks of up to this many, one channel message each way
/// per chunk. A message per article woke a sleeping thread twice per article: on a
/// 2-core virtual machine those wake-ups (futex, reschedule interrupts) were 5% of
/// the CPU time of a corpus run.
const MAX_CHUNK: usize = 16;

/// The size of the `n`th chunk: 1 for the first round of chunks, then one more each
/// round up to [`MAX_CHUNK`], so a handful of large pages still spreads over all jobs.
fn chunk_size(n: usize, jobs: usize) -> usize {
    (1 + n / jobs).min(MAX_CHUNK)
}

/// Counts of a finished run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub parsed: usize,
    pub skipped: usize,
    pub failed: usize,
}

/// What became of one walk entry, ready to be consumed in its turn.
enum Outcome<T> {
    Done(Origin, T),
    Failed(String, String),
    Skipped,
}

/// Parses every input of `config`; a worker maps each brief through `produce`, and
/// `consume` receives the results in input order. Returns the tally, or the
/// consumer's error (a closed pipe included).
pub fn run<T: Send>(
    config: &Config,
    analyzer: &Analyzer,
    produce: impl Fn(Brief) -> T + Sync,
    consume: impl FnMut(&Origin, T) -> Result<()>,
) -> Result<Tally> {
    let started = Instant::now();
    let progress = Progress::new(config);
    let mut consumer = Consumer {
        consume,
        tally: Tally::default(),
        progress: &progress,
    };
    let worker = Worker {
        config,
        analyzer,
        produce: &produce,
    };
    let entries = input::walk(&config.inputs);
    if config.jobs <= 1 {
        for entry in entries {
            consumer.take(worker.process(entry))?;
        }
    } else {
        run_parallel(entries, config.jobs, &worker, &mut consumer)?;
    }
    progress.finish();
    let tally = consumer.tally;
    if !config.quiet && tally.parsed + tally.skipped + tally.failed > 1 {
        eprintln!("korea-brief: {}", summary(&tally, started.elapsed()));
    }
    Ok(tally)
}

/// "4352 parsed, 3 skipped, 1 failed in 5.21s"
fn summary(tally: &Tally, elapsed: Duration) -> String {
    format!(
        "{} parsed, {} skipped, {} failed in {:.2}s",
        tally.parsed,
        tally.skipped,
        tally.failed,
        elapsed.as_secs_f64()
    )
}

/// Workers take numbered chunks of entries and return the chunk's outcomes under its
/// number; this thread dispatches, reorders and consumes.
fn run_parallel<T: Send, F: FnMut(&Origin, T) -> Result<()>>(
    entries: impl Iterator<Item = Entry>,
    jobs: usize,
    worker: &Worker<'_, impl Fn(Brief) -> T + Sync>,
    consumer: &mut Consumer<'_, F>,
) -> Result<()> {
    let cap = jobs * IN_FLIGHT_PER_JOB;
    std::thread::scope(|scope| {
        let (job_tx, job_rx) = mpsc::sync_channel::<(usize, Vec<Entry>)>(cap);
        let job_rx = Arc::new(Mutex::new(job_rx));
        let (done_tx, done_rx) = mpsc::channel::<(usize, Vec<Outcome<T>>)>();
        for _ in 0..jobs {
            let (job_rx, done_tx) = (job_rx.clone(), done_tx.clone());
            scope.spawn(move || loop {
                // The lock is held only while taking a chunk, never while parsing.
                let job = job_rx.lock().map(|rx| rx.recv());
                let Ok(Ok((index, chunk))) = job else { break };
                let outcomes = chunk.into_iter().map(|entry| worker.process(entry)).collect();
                if done_tx.send((index, outcomes)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let mut entries = entries.fuse();
        let mut pending: BTreeMap<usize, Vec<Outcome<T>>> = BTreeMap::new();
        let (mut chunks_sent, mut next_to_consume) = (0, 0);
        // Articles dispatched and not yet consumed.
        let mut in_flight = 0;
        let mut exhausted = false;
        loop {
            while !exhausted && in_flight < cap {
                let size = chunk_size(chunks_sent, jobs).min(cap - in_flight);
                let chunk: Vec<Entry> = entries.by_ref().take(size).collect();
                exhausted = chunk.len() < size;
                if chunk.is_empty() {
                    break;
                }
                in_flight += chunk.len();
                job_tx
                    .send((chunks_sent, chunk))
                    .expect("workers live while jobs are sent");
                chunks_sent += 1;
            }
            if next_to_consume == chunks_sent {
                break;
            }
            let (index, outcomes) = done_rx.recv().expect("a worker answers every dispatched chunk");
            pending.insert(index, outcomes);
            while let Some(outcomes) = pending.remove(&next_to_consume) {
                next_to_consume += 1;
                in_flight -= outcomes.len();
                for outcome in outcomes {
                    // On a consumer error (a closed pipe) the workers stop when the job channel closes.
                    consumer.take(outcome)?;
                }
            }
        }
        Ok(())
    })
}

/// What every worker shares: the settings, the analyzer and the caller's per-brief step.
struct Worker<'a, P> {
    config: &'a Config,
    analyzer: &'a Analyzer,
    produce: &'a P,
}

impl<T, P: Fn(Brief) -> T> Worker<'_, P> {
    fn process(&self, entry: Entry) -> Outcome<T> {
        match entry {
            Entry::Skipped(_) => Outcome::Skipped,
            Entry::Failed { input, reason } => Outcome::Failed(input, reason),
            Entry::Article(origin) => match self.article(&origin) {
                Ok(item) => Outcome::Done(origin, item),
                Err(reason) => Outcome::Failed(origin.display_name(), format!("{reason:#}")),
            },
        }
    }

    /// Reads, parses and maps one article. A panic in the pipeline is a bug, but it
    /// costs only this article: it is reported as this input's failure.
    fn article(&self, origin: &Origin) -> Result<T> {
        let source = input::load(origin, self.config.limits())?;
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            (self.produce)(crate::parse_source(
                &source,
                self.analyzer,
                &self.config.parse_options(),
            ))
        }));
        outcome.map_err(|_| anyhow::anyhow!("internal error while parsing (a bug: please report it with this file)"))
    }
}

/// Hands outcomes to the caller in input order and keeps the tally and the progress bar.
struct Consumer<'a, F> {
    consume: F,
    tally: Tally,
    progress: &'a Progress,
}

impl<F> Consumer<'_, F> {
    fn take<T>(&mut self, outcome: Outcome<T>) -> Result<()>
    where
        F: FnMut(&Origin, T) -> Result<()>,
    {
        match outcome {
            Outcome::Skipped => self.tally.skipped += 1,
            Outcome::Failed(input, reason) => {
                self.tally.failed += 1;
                self.progress.println(&format!("korea-brief: {input}: {reason}"));
            }
            Outcome::Done(origin, item) => {
                (self.consume)(&origin, item)?;
                self.tally.parsed += 1;
            }
        }
        self.progress.tick(&self.tally);
        Ok(())
    }
}

/// An indicatif bar on stderr (count, rate, ETA, failures), only when stderr is a
/// terminal and there is more than one input; hidden otherwise.
struct Progress {
    bar: ProgressBar,
}

impl Progress {
    fn new(config: &Config) -> Self {
        let many = config.inputs.len() > 1 || config.inputs.iter().any(|i| std::path::Path::new(i).is_dir());
        if config.quiet || !many || !std::io::stderr().is_terminal() {
            return Progress {
                bar: ProgressBar::hidden(),
            };
        }
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr_with_hz(10));
        bar.set_style(
            ProgressStyle::with_template("{spinner} {bar:30} {pos}/{len} articles · {rate}/s · ETA {eta} · {msg}")
                .expect("the progress template is valid")
                .with_key("rate", |state: &ProgressState, out: &mut dyn std::fmt::Write| {
                    let _ = write!(out, "{:.0}", state.per_sec());
                }),
        );
        bar.set_message("0 failed");
        bar.enable_steady_tick(Duration::from_millis(200));
        count_in_background(config.inputs.clone(), bar.clone());
        Progress { bar }
    }

    fn tick(&self, tally: &Tally) {
        if !self.bar.is_hidden() {
            self.bar
                .set_position((tally.parsed + tally.skipped + tally.failed) as u64);
            self.bar.set_message(format!("{} failed", tally.failed));
        }
    }

    /// Prints a line on stderr above the bar (or plainly when there is none).
    fn println(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The walk is lazy, so the total is unknown at the start: a second walk (names only,
/// no reading) counts the entries and gives the bar its length and ETA.
fn count_in_background(inputs: Vec<String>, bar: ProgressBar) {
    std::thread::spawn(move || {
        let total = input::walk(&inputs).count();
        bar.set_length(total as u64);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Chunks start at one article so a few inputs still spread over every job, and
    /// grow to the cap.
    #[test]
    fn chunks_grow_from_one_to_the_cap() {
        let sizes: Vec<usize> = (0..6).map(|n| chunk_size(n, 2)).collect();
        assert_eq!(sizes, [1, 1, 2, 2, 3, 3]);
        assert_eq!(chunk_size(1000, 2), MAX_CHUNK);
    }

    /// The summary line names every count and the time.
    #[test]
    fn summary_line() {
        let tally = Tally {
            parsed: 3,
            skipped: 1,
            failed: 2,
        };
        assert_eq!(
            summary(&tally, Duration::from_millis(1500)),
            "3 parsed, 1 skipped, 2 failed in 1.50s"
        );
    }
}
