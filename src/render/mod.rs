//! The RENDER stage: a [`Brief`] (or a [`Digest`]) -> bytes, one renderer per
//! format behind [`render`] (and [`render_digest`]). Each article renders into its
//! own buffer so that output is written whole and never interleaves.

mod digest_markdown;
mod json;
mod markdown;

use crate::brief::Brief;
use crate::digest::Digest;
use std::io::Write;

/// Output formats of `--format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One JSON object per article per line (NDJSON); `digest`: one object.
    Json,
    /// A brief to read: headline, source line, summary, who said what, actors, timeline;
    /// `digest`: a morning briefing across articles.
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
        OutputFormat::Json => json::render_brief(brief, pretty),
        OutputFormat::Markdown => markdown::render(brief).into_bytes(),
    }
}

/// Writes a digest, ending with a newline. JSON is serialised straight into `out`:
/// a digest of thousands of articles is megabytes, not worth a second copy in memory.
pub fn write_digest(digest: &Digest, format: OutputFormat, pretty: bool, out: &mut impl Write) -> std::io::Result<()> {
    match format {
        OutputFormat::Json => json::write(digest, pretty, out),
        OutputFormat::Markdown => out.write_all(digest_markdown::render(digest).as_bytes()),
    }
}
