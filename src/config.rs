//! Turns parsed command-line arguments into a plain [`Config`] the library
//! runs on (clap stays out of the pipeline).

use crate::cli::ParseArgs;
use crate::render::OutputFormat;
use std::path::PathBuf;

/// Everything `parse` needs, validated.
#[derive(Debug, Clone)]
pub struct Config {
    pub inputs: Vec<String>,
    pub format: OutputFormat,
    pub pretty: bool,
    pub date: Option<chrono::NaiveDate>,
    pub summary_sentences: usize,
    pub output_dir: Option<PathBuf>,
    pub lexicon: Option<PathBuf>,
    pub max_bytes: u64,
    pub quiet: bool,
    /// Worker threads, at least 1.
    pub jobs: usize,
}

impl From<ParseArgs> for Config {
    fn from(args: ParseArgs) -> Self {
        Config {
            inputs: args.inputs,
            format: args.format,
            pretty: args.pretty,
            date: args.date,
            summary_sentences: args.summary_sentences,
            output_dir: args.output_dir,
            lexicon: args.lexicon,
            max_bytes: args.max_bytes,
            quiet: args.quiet,
            jobs: args.jobs.map(usize::from).unwrap_or_else(|| {
                std::thread::available_parallelism()
                    .map(std::num::NonZeroUsize::get)
                    .unwrap_or(1)
            }),
        }
    }
}
