//! Command-line definition (clap derive types only); [`crate::config`] turns
//! them into a plain configuration.

use crate::render::OutputFormat;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Turn news articles about the Korean peninsula into structured briefs.
///
/// Reads plain-text or HTML articles (files, directories, or `-` for standard input) and prints, per
/// article, the headline, byline, captions, every quotation with who said it and when, the actors, a
/// timeline and a short summary: as NDJSON for jq, or as a Markdown brief.
#[derive(Debug, Parser)]
#[command(name = "korea-brief", version, about, long_about, after_help = EXAMPLES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

const EXAMPLES: &str = "\
Examples:
  korea-brief parse article.txt --date 2021-06-23 | jq .headline
  korea-brief parse saved-articles/ | jq -c '{headline, published}'
  korea-brief parse article.txt --format markdown
  cat article.txt | korea-brief parse - | jq '.quotes[] | {text, who: .speaker.name}'
  korea-brief digest saved-articles/ --format markdown";

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Parse articles: one brief per article.
    #[command(after_help = EXAMPLES)]
    Parse(ParseArgs),
    /// One brief across many articles: actors merged, every quote with its article, one
    /// timeline, near-duplicate stories grouped and counted once.
    #[command(after_help = EXAMPLES)]
    Digest(DigestArgs),
    /// Save a page as fetched (and its metadata in FILE.meta.json), for later offline parsing.
    Fetch(FetchArgs),
    /// Print the JSON Schema of a brief (or, with --digest, of a digest).
    Schema {
        /// The schema of `digest`'s output instead of a brief's.
        #[arg(long)]
        digest: bool,
    },
    /// Print shell completions.
    Completions {
        /// The shell to generate completions for.
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, clap::Args)]
pub struct ParseArgs {
    #[command(flatten)]
    pub run: RunArgs,

    /// Write one file per article (<name>.json or <name>.md) into DIR instead of standard output.
    #[arg(long, value_name = "DIR")]
    pub output_dir: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub struct DigestArgs {
    #[command(flatten)]
    pub run: RunArgs,
}

/// What `parse` and `digest` share: inputs, format, limits, workers.
#[derive(Debug, clap::Args)]
pub struct RunArgs {
    /// Files, directories (walked recursively in sorted order) or `-` for standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,

    /// Indent each JSON object (the output stays a stream of JSON values).
    #[arg(long)]
    pub pretty: bool,

    /// Reference date (YYYY-MM-DD) for relative dates ("on Monday", "last week"); overrides the article's own date.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<chrono::NaiveDate>,

    /// Number of sentences in the extractive summary.
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub summary_sentences: usize,

    /// Extra word-list entries: a directory of <list>.txt files (see README, "Lexicon").
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,

    /// Largest input accepted, in bytes (suffixes K, M, G allowed).
    #[arg(long, value_name = "BYTES", default_value = "20M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// Seconds a URL may take, connection to last byte.
    #[arg(long, value_name = "SECS", default_value_t = 30.0, value_parser = parse_seconds)]
    pub timeout: f64,

    /// Deepest HTML nesting parsed as is; deeper elements are unwrapped first, so hostile pages cost linear time.
    #[arg(long, value_name = "N", default_value_t = 512)]
    pub max_depth: usize,

    /// Articles parsed in parallel (default: all cores). Output stays in input order.
    #[arg(long, short, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,

    /// No progress and no summary line (errors are still printed).
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, clap::Args)]
pub struct FetchArgs {
    /// The http:// or https:// URL to fetch.
    pub url: String,

    /// Write the body to FILE (and the sidecar to FILE.meta.json) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Largest body accepted, in bytes after decompression (suffixes K, M, G allowed).
    #[arg(long, value_name = "BYTES", default_value = "20M", value_parser = parse_size)]
    pub max_bytes: u64,

    /// Seconds the fetch may take, connection to last byte.
    #[arg(long, value_name = "SECS", default_value_t = 30.0, value_parser = parse_seconds)]
    pub timeout: f64,
}

fn parse_seconds(s: &str) -> Result<f64, String> {
    s.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v > 0.0 && *v < 1e9)
        .ok_or_else(|| format!("expected a positive number of seconds, got '{s}'"))
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("expected a date as YYYY-MM-DD, got '{s}'"))
}

/// "20M" -> 20,000,000; "512K", "1G", plain numbers.
fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, factor) = match s.char_indices().last() {
        Some((i, 'k' | 'K')) => (&s[..i], 1_000),
        Some((i, 'm' | 'M')) => (&s[..i], 1_000_000),
        Some((i, 'g' | 'G')) => (&s[..i], 1_000_000_000),
        _ => (s, 1),
    };
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(factor))
        .ok_or_else(|| format!("expected a size in bytes such as 500000 or 20M, got '{s}'"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// The clap definition is consistent (no clashing flags).
    #[test]
    fn verify_cli() {
        Cli::command().debug_assert();
    }

    /// Sizes take decimal suffixes.
    #[test]
    fn sizes() {
        assert_eq!(parse_size("20M"), Ok(20_000_000));
        assert_eq!(parse_size("512k"), Ok(512_000));
        assert_eq!(parse_size("77"), Ok(77));
        assert!(parse_size("lots").is_err());
    }
}
