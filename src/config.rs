//! Turns parsed command-line arguments into a plain [`Config`] the library
//! runs on (clap stays out of the pipeline).

use crate::cli::{DigestArgs, ParseArgs, RunArgs};
use crate::render::OutputFormat;
use std::path::PathBuf;

/// Everything `parse` and `digest` need, validated.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<String>,
    pub format: OutputFormat,
    pub pretty: bool,
    pub date: Option<chrono::NaiveDate>,
    pub summary_sentences: usize,
    /// `parse --output-dir`; always `None` for `digest`, which writes one document to standard output.
    pub output_dir: Option<PathBuf>,
    pub lexicon: Option<PathBuf>,
    pub max_bytes: u64,
    pub max_depth: usize,
    pub timeout: std::time::Duration,
    pub quiet: bool,
    /// Worker threads, at least 1.
    pub jobs: usize,
}

impl Config {
    /// Limits on reading each input.
    pub fn limits(&self) -> crate::input::Limits {
        crate::input::Limits {
            max_bytes: self.max_bytes,
            timeout: self.timeout,
        }
    }

    /// The settings of the pure pipeline.
    pub fn parse_options(&self) -> crate::ParseOptions {
        crate::ParseOptions {
            date: self.date,
            summary_sentences: self.summary_sentences,
            max_depth: self.max_depth,
        }
    }
}

impl From<ParseArgs> for Config {
    fn from(args: ParseArgs) -> Self {
        Config {
            output_dir: args.output_dir,
            ..Config::from(args.run)
        }
    }
}

impl From<DigestArgs> for Config {
    fn from(args: DigestArgs) -> Self {
        Config::from(args.run)
    }
}

impl From<RunArgs> for Config {
    fn from(args: RunArgs) -> Self {
        Config {
            inputs: args.inputs,
            format: args.format,
            pretty: args.pretty,
            date: args.date,
            summary_sentences: args.summary_sentences,
            output_dir: None,
            lexicon: args.lexicon,
            max_bytes: args.max_bytes,
            max_depth: args.max_depth,
            timeout: std::time::Duration::from_secs_f64(args.timeout),
            quiet: args.quiet,
            jobs: args.jobs.map(usize::from).unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(std::num::NonZeroUsize::get)
                    .unwrap_or(1)
            }),
        }
    }
}
