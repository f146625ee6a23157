//! Fetching a user's URL: http and https only, connect and total timeouts, at
//! most 10 redirects, a body cap enforced while reading the decoded stream
//! (also when the server compresses it), HTML and text content types only.
//! Parsing never touches the network; this is the only module that does.

use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

const USER_AGENT: &str = concat!(
    "korea-brief/",
    env!("CARGO_PKG_VERSION"),
    " (news brief tool; offline parser)"
);
const MAX_REDIRECTS: usize = 10;

/// Limits of one fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    pub max_bytes: u64,
    /// Whole request, connection to last byte.
    pub timeout: Duration,
}

/// What the server sent, and the facts the sidecar keeps.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub body: Vec<u8>,
    pub meta: FetchMeta,
}

/// The sidecar `FILE.meta.json` that `fetch -o FILE` writes and `parse FILE` reads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FetchMeta {
    /// The URL as given.
    pub url: String,
    /// The URL after redirects.
    pub final_url: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub charset: Option<String>,
    /// RFC 3339, UTC.
    pub fetched_at: String,
}

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("only http and https URLs can be fetched")]
    Scheme,
    #[error("not a valid URL")]
    InvalidUrl,
    #[error("HTTP {0}")]
    Status(String),
    #[error("more than {MAX_REDIRECTS} redirects (or a redirect loop)")]
    Redirects,
    #[error("timed out after {0:?}")]
    Timeout(Duration),
    #[error("body larger than --max-bytes ({0} bytes)")]
    TooLarge(u64),
    #[error("not text or HTML (content type {0})")]
    ContentType(String),
    #[error("{0}")]
    Http(String),
}

/// Whether an INPUT names a URL rather than a path.
pub fn is_url(input: &str) -> bool {
    let lower = input.get(..8).unwrap_or(input).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Fetches `url` within `limits`.
pub fn fetch(url: &str, limits: FetchLimits) -> Result<Fetched, FetchError> {
    let parsed = reqwest::Url::parse(url).map_err(|_| FetchError::InvalidUrl)?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return Err(FetchError::Scheme);
    }
    // reqwest is built without a default crypto provider (ring, no C toolchain); install it once.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let client = reqwest::blocking::Client::builder()
        .user_agent(USER_AGENT)
        .connect_timeout(limits.timeout.min(Duration::from_secs(10)))
        .timeout(limits.timeout)
        .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
        .build()
        .map_err(|e| FetchError::Http(e.to_string()))?;
    let response = client.get(parsed).send().map_err(|e| classify(e, limits))?;
    let status = response.status();
    if !status.is_success() {
        return Err(FetchError::Status(status.to_string()));
    }
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let (mime, charset) = split_content_type(content_type.as_deref());
    if let Some(mime) = &mime {
        if !is_textual(mime) {
            return Err(FetchError::ContentType(mime.clone()));
        }
    }
    let final_url = response.url().to_string();
    let mut body = Vec::new();
    response
        .take(limits.max_bytes.saturating_add(1))
        .read_to_end(&mut body)
        .map_err(|e| {
            if e.get_ref()
                .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                .is_some_and(reqwest::Error::is_timeout)
                || e.kind() == std::io::ErrorKind::TimedOut
            {
                FetchError::Timeout(limits.timeout)
            } else {
                FetchError::Http(e.to_string())
            }
        })?;
    if body.len() as u64 > limits.max_bytes {
        return Err(FetchError::TooLarge(limits.max_bytes));
    }
    let meta = FetchMeta {
        url: url.to_string(),
        final_url,
        status: status.as_u16(),
        content_type: mime,
        charset,
        fetched_at: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    };
    Ok(Fetched { body, meta })
}

fn classify(err: reqwest::Error, limits: FetchLimits) -> FetchError {
    if err.is_redirect() {
        FetchError::Redirects
    } else if err.is_timeout() {
        FetchError::Timeout(limits.timeout)
    } else {
        // The chain without the URL, which the error line already names.
        let err = err.without_url();
        let mut reason = err.to_string();
        let mut source = std::error::Error::source(&err);
        while let Some(cause) = source {
            reason = format!("{reason}: {cause}");
            source = cause.source();
        }
        FetchError::Http(reason)
    }
}

/// `text/html; charset=EUC-KR` -> (`text/html`, `EUC-KR`).
fn split_content_type(header: Option<&str>) -> (Option<String>, Option<String>) {
    let Some(header) = header else { return (None, None) };
    let mut parts = header.split(';');
    let mime = parts
        .next()
        .map(|m| m.trim().to_ascii_lowercase())
        .filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (key, value) = p.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_string())
    });
    (mime, charset)
}

fn is_textual(mime: &str) -> bool {
    mime.starts_with("text/") || mime == "application/xhtml+xml" || mime == "application/xml"
}

/// `FILE.meta.json` beside `path`.
pub fn sidecar_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".meta.json");
    PathBuf::from(name)
}

/// The sidecar of a saved page, when there is a readable one.
pub fn read_sidecar(path: &Path) -> Option<FetchMeta> {
    let text = std::fs::read_to_string(sidecar_path(path)).ok()?;
    serde_json::from_str(&text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// URLs are told from paths by scheme.
    #[test]
    fn urls_told_from_paths() {
        assert!(is_url("https://example.org/a"));
        assert!(is_url("HTTP://example.org"));
        assert!(!is_url("saved/http.txt"));
        assert!(!is_url("ftp://x"));
    }

    /// Content types split into MIME type and charset.
    #[test]
    fn content_types() {
        assert_eq!(
            split_content_type(Some("text/html; charset=\"EUC-KR\"")),
            (Some("text/html".into()), Some("EUC-KR".into()))
        );
        assert_eq!(split_content_type(Some("image/png")), (Some("image/png".into()), None));
        assert!(is_textual("text/plain") && !is_textual("application/pdf"));
    }

    /// Only http and https are fetched.
    #[test]
    fn other_schemes_refused() {
        let limits = FetchLimits {
            max_bytes: 10,
            timeout: Duration::from_secs(1),
        };
        assert!(matches!(fetch("file:///etc/passwd", limits), Err(FetchError::Scheme)));
        assert!(matches!(fetch("not a url", limits), Err(FetchError::InvalidUrl)));
    }
}
