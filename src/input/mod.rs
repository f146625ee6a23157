//! The INPUT stage: turn what the user named (files, directories, `-`) into
//! decoded [`Source`]s. All file-system access of the pipeline lives here.

pub mod decode;
pub mod fetch;
pub mod walk;

use crate::brief::{Format, SourceKind};
use sha2::{Digest, Sha256};
use std::io::Read;
use std::path::PathBuf;

pub use decode::DecodeError;
pub use walk::{walk, Entry};

/// One article's decoded text and where it came from.
#[derive(Debug, Clone)]
pub struct Source {
    /// The input as the user gave it, joined with the path found under a directory.
    pub input: String,
    pub kind: SourceKind,
    pub format: Format,
    pub url: Option<String>,
    pub bytes: u64,
    pub sha256: String,
    /// Decoded text (UTF-8), BOM removed.
    pub text: String,
    /// The encoding the bytes were read as, for warnings ("EUC-KR").
    pub encoding: &'static str,
    /// `encoding` was guessed from the bytes (no BOM, no declared charset, not UTF-8).
    pub encoding_detected: bool,
}

impl Source {
    /// Decodes the bytes of one input; `meta` (a fetch response or a saved page's sidecar) gives its
    /// URL and declared charset. The whole path from bytes on is pure: tests and fuzzing start here.
    pub fn from_bytes(
        input: String,
        kind: SourceKind,
        raw: &[u8],
        meta: Option<fetch::FetchMeta>,
    ) -> Result<Source, DecodeError> {
        let decoded = decode::decode_with_charset(raw, meta.as_ref().and_then(|m| m.charset.as_deref()))?;
        Ok(Source {
            input,
            kind,
            format: decoded.format,
            url: meta.map(|m| m.final_url),
            bytes: raw.len() as u64,
            sha256: sha256_hex(raw),
            text: decoded.text,
            encoding: decoded.encoding,
            encoding_detected: decoded.detected,
        })
    }
}

/// Why an input produced no source.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("larger than --max-bytes ({limit} bytes)")]
    TooLarge { limit: u64 },
    #[error(transparent)]
    Decode(#[from] DecodeError),
    #[error(transparent)]
    Fetch(#[from] fetch::FetchError),
}

/// Limits on reading one input.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_bytes: u64,
    /// Whole-request timeout for URLs.
    pub timeout: std::time::Duration,
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Stdin,
    /// An `http://` or `https://` URL, as given.
    Url(String),
}

impl Origin {
    /// How the input is named in output and error messages.
    pub fn display_name(&self) -> String {
        match self {
            Origin::File(path) => path.display().to_string(),
            Origin::Stdin => "-".to_string(),
            Origin::Url(url) => url.clone(),
        }
    }
}

/// Reads (or fetches) and decodes one input, refusing anything over the limits.
/// A saved page's `fetch` sidecar gives its URL and declared charset.
pub fn load(origin: &Origin, limits: Limits) -> Result<Source, InputError> {
    let (raw, kind, meta) = match origin {
        Origin::File(path) => {
            let raw = read_capped(std::fs::File::open(path)?, limits.max_bytes)?;
            (raw, SourceKind::File, fetch::read_sidecar(path))
        }
        Origin::Stdin => (
            read_capped(std::io::stdin().lock(), limits.max_bytes)?,
            SourceKind::Stdin,
            None,
        ),
        Origin::Url(url) => {
            let fetched = fetch::fetch(
                url,
                fetch::FetchLimits {
                    max_bytes: limits.max_bytes,
                    timeout: limits.timeout,
                },
            )?;
            (fetched.body, SourceKind::Url, Some(fetched.meta))
        }
    };
    Ok(Source::from_bytes(origin.display_name(), kind, &raw, meta)?)
}

/// Reads at most `max_bytes + 1` bytes so an oversized input costs no more than the cap.
fn read_capped(reader: impl Read, max_bytes: u64) -> Result<Vec<u8>, InputError> {
    let mut raw = Vec::new();
    reader.take(max_bytes.saturating_add(1)).read_to_end(&mut raw)?;
    if raw.len() as u64 > max_bytes {
        return Err(InputError::TooLarge { limit: max_bytes });
    }
    Ok(raw)
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}
