//! The RENDER stage: a [`Brief`] -> bytes, one renderer per format behind
//! [`render`]. Each article renders into its own buffer so that output is
//! written whole and never interleaves.

mod json;
mod markdown;

use crate::brief::Brief;

/// Output formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per article per line (NDJSON).
    Json,
    /// A brief to read: headline, source line, summary, who said what, actors, timeline.
    Markdown,
}

impl OutputFormat {
    /// File extension for `--output-dir`.
    pub fn extension(self) -> &'static str {
        match self {
            OutputFormat::Json => "json",
            OutputFormat::Markdown => "md",
        }
    }
}

/// Renders one brief, ending with a newline.
pub fn render(brief: &Brief, format: OutputFormat, pretty: bool) -> Vec<u8> {
    match format {
        OutputFormat::Json => json::render(brief, pretty),
        OutputFormat::Markdown => markdown::render(brief).into_bytes(),
    }
}
