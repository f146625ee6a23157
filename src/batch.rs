//! Many inputs: the single-article pipeline run over every entry of the walk,
//! in input order, each brief written whole as soon as it is ready (memory
//! does not grow with the number of inputs). A failed input is reported on
//! one stderr line and the run goes on; a closed stdout ends it quietly.

use crate::analysis::Analyzer;
use crate::config::Config;
use crate::input::{self, Entry, Origin};
use crate::output::Sink;
use crate::render;
use anyhow::{Context, Result};
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Counts of a finished run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub parsed: usize,
    pub skipped: usize,
    pub failed: usize,
}

/// Parses every input of `config`, writing briefs to `sink`. Returns the tally,
/// or an error when output could not be written (a closed pipe included).
pub fn run(config: &Config, analyzer: &Analyzer, sink: &mut Sink) -> Result<Tally> {
    let started = Instant::now();
    let mut tally = Tally::default();
    let mut progress = Progress::new(config);
    for entry in input::walk(&config.inputs) {
        match entry {
            Entry::Skipped(_) => tally.skipped += 1,
            Entry::Failed { input, reason } => {
                tally.failed += 1;
                progress.clear();
                eprintln!("korea-brief: {input}: {reason}");
            }
            Entry::Article(origin) => match brief_of(&origin, config, analyzer) {
                Ok(bytes) => {
                    sink.write(&origin, &bytes)
                        .with_context(|| format!("writing the brief of {}", origin.display_name()))?;
                    tally.parsed += 1;
                }
                Err(reason) => {
                    tally.failed += 1;
                    progress.clear();
                    eprintln!("korea-brief: {}: {reason:#}", origin.display_name());
                }
            },
        }
        progress.tick(&tally);
    }
    sink.finish()?;
    progress.clear();
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

/// Reads, parses and renders one article. A panic in the pipeline is a bug, but it
/// costs only this article: it is reported as this input's failure.
fn brief_of(origin: &Origin, config: &Config, analyzer: &Analyzer) -> Result<Vec<u8>> {
    let source = input::load(origin, config.max_bytes)?;
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let brief = crate::parse_source(&source, analyzer, config.date, config.summary_sentences);
        render::render(&brief, config.format, config.pretty)
    }));
    outcome.map_err(|_| anyhow::anyhow!("internal error while parsing (a bug: please report it with this file)"))
}

/// A one-line counter on stderr, only when stderr is a terminal and there is more than one input.
struct Progress {
    enabled: bool,
    last: Instant,
    shown: bool,
}

impl Progress {
    fn new(config: &Config) -> Self {
        let many = config.inputs.len() > 1 || config.inputs.iter().any(|i| std::path::Path::new(i).is_dir());
        Progress {
            enabled: !config.quiet && many && std::io::stderr().is_terminal(),
            last: Instant::now(),
            shown: false,
        }
    }

    fn tick(&mut self, tally: &Tally) {
        if self.enabled && self.last.elapsed() > Duration::from_millis(100) {
            self.last = Instant::now();
            self.shown = true;
            let mut err = std::io::stderr().lock();
            let _ = write!(
                err,
                "\rkorea-brief: {} parsed, {} skipped, {} failed…",
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
