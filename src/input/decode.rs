//! Bytes -> text: BOMs, UTF-8, undeclared legacy encodings (chardetng +
//! encoding_rs: EUC-KR, Windows-1252, …), and a refusal of binary data that
//! names what the bytes look like.

use crate::brief::Format;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Decoded text, its format and the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub format: Format,
    pub encoding: &'static str,
    /// The encoding was guessed (not UTF-8, no BOM, no declared charset): worth a warning.
    pub detected: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("not text or HTML (looks like {0})")]
    Binary(&'static str),
}

/// File signatures of common binary formats people save next to articles.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"\x7fELF", "an ELF executable"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"BZh", "bzip2-compressed data"),
    (b"\xfd7zXZ", "xz-compressed data"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\xca\xfe\xba\xbe", "a Java class or Mach-O file"),
    (b"MZ", "a Windows executable"),
];

/// Decodes raw bytes to text, detecting the encoding when no BOM declares it.
pub fn decode(raw: &[u8]) -> Result<Decoded, DecodeError> {
    decode_with_charset(raw, None)
}

/// Decodes raw bytes, in this order of trust: a BOM; valid UTF-8 (pages often
/// declare a legacy charset and are UTF-8 all the same); the charset declared by
/// HTTP (`declared`) or by the page's `<meta charset>`; detection.
pub fn decode_with_charset(raw: &[u8], declared: Option<&str>) -> Result<Decoded, DecodeError> {
    let (text, encoding, detected) = match bom_encoding(raw) {
        Some((encoding, bom_len)) => {
            let (text, _) = encoding.decode_without_bom_handling(&raw[bom_len..]);
            (text.into_owned(), encoding, false)
        }
        None => {
            if let Some(kind) = binary_kind(raw) {
                return Err(DecodeError::Binary(kind));
            }
            let declared = declared.and_then(|label| Encoding::for_label(label.trim().as_bytes()));
            decode_undeclared(raw, || declared.or_else(|| meta_charset(raw)))
        }
    };
    let format = if looks_like_html(&text) {
        Format::Html
    } else {
        Format::Text
    };
    Ok(Decoded {
        text,
        format,
        encoding: encoding.name(),
        detected,
    })
}

fn bom_encoding(raw: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(raw)
}

/// Names the binary format of `raw`, or says "binary data" when it has NUL
/// bytes or many control characters but no known signature.
fn binary_kind(raw: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = SIGNATURES.iter().find(|(sig, _)| raw.starts_with(sig)) {
        // "MZ" and "BZh" begin ordinary words too; trust them only with control bytes nearby.
        if raw.len() < 64 || control_ratio(&raw[..raw.len().min(512)]) > 0.05 {
            return Some(kind);
        }
    }
    let head = &raw[..raw.len().min(8192)];
    if head.contains(&0) || control_ratio(head) > 0.10 {
        return Some("binary data");
    }
    None
}

fn control_ratio(bytes: &[u8]) -> f64 {
    if bytes.is_empty() {
        return 0.0;
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls as f64 / bytes.len() as f64
}

/// UTF-8 when the bytes are valid UTF-8; otherwise the `declared` encoding (looked for only then),
/// or the one chardetng guesses (then the last value is true).
fn decode_undeclared(
    raw: &[u8],
    declared: impl FnOnce() -> Option<&'static Encoding>,
) -> (String, &'static Encoding, bool) {
    if let Ok(text) = std::str::from_utf8(raw) {
        return (text.to_string(), UTF_8, false);
    }
    let declared = declared();
    // A declared UTF-16 without a BOM is not believable for text that got past the binary check.
    if let Some(encoding) = declared.filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE) {
        let (text, _, _) = encoding.decode(raw);
        return (text.into_owned(), encoding, false);
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(raw, true);
    let encoding = detector.guess(None, true);
    // chardetng never guesses UTF-16; a BOM-less UTF-16 file has NULs and was refused above.
    debug_assert!(encoding != UTF_16LE && encoding != UTF_16BE);
    let (text, _, _) = encoding.decode(raw);
    (text.into_owned(), encoding, true)
}

/// The charset a page declares in its first 2 KB: `<meta charset="euc-kr">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=euc-kr">`.
fn meta_charset(raw: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&raw[..raw.len().min(2048)]).to_ascii_lowercase();
    let at = head.find("charset=")? + "charset=".len();
    let label: String = head[at..]
        .trim_start_matches(['"', '\'', ' '])
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    head[..at]
        .contains("<meta")
        .then(|| Encoding::for_label(label.as_bytes()))
        .flatten()
}

/// HTML is told from the content: a doctype or an `<html>`/`<head>`/`<body>`
/// tag near the start, or many tags overall.
pub fn looks_like_html(text: &str) -> bool {
    let text = text.trim_start();
    let head_end = text.char_indices().nth(1024).map_or(text.len(), |(at, _)| at);
    // Tags are ASCII: lower-casing the bytes of the first 1,024 characters is enough.
    let head = text.as_bytes()[..head_end].to_ascii_lowercase();
    let has = |tag: &str| memchr::memmem::find(&head, tag.as_bytes()).is_some();
    if head.starts_with(b"<!doctype html") || head.starts_with(b"<html") || head.starts_with(b"<?xml") && has("<html") {
        return true;
    }
    ["<html", "<head", "<body", "<meta ", "<title>"].into_iter().any(has)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Valid UTF-8 decodes to itself.
    #[test]
    fn utf8_is_identity() {
        let d = decode("Seoul, “hello” 서울".as_bytes()).unwrap();
        assert_eq!(d.text, "Seoul, “hello” 서울");
        assert_eq!(d.encoding, "UTF-8");
        assert_eq!(d.format, Format::Text);
    }

    /// A UTF-8 BOM is removed.
    #[test]
    fn utf8_bom_removed() {
        let d = decode(b"\xef\xbb\xbfHeadline\n\nBody.").unwrap();
        assert_eq!(d.text, "Headline\n\nBody.");
    }

    /// UTF-16 with a BOM decodes, both byte orders.
    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xff, 0xfe];
        le.extend("Seoul 서울".encode_utf16().flat_map(|u| u.to_le_bytes()));
        assert_eq!(decode(&le).unwrap().text, "Seoul 서울");
        let mut be = vec![0xfe, 0xff];
        be.extend("Seoul 서울".encode_utf16().flat_map(|u| u.to_be_bytes()));
        assert_eq!(decode(&be).unwrap().text, "Seoul 서울");
    }

    /// Undeclared EUC-KR is detected.
    #[test]
    fn euc_kr_detected() {
        let text =
            "북한은 한국과 미국의 연합 군사훈련을 비난하며 대가를 치를 것이라고 경고했다. 통일부는 대화를 촉구했다.";
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, text);
        assert_eq!(d.encoding, "EUC-KR");
        assert!(d.detected);
    }

    /// Undeclared Windows-1252 (curly quotes as single bytes) is detected.
    #[test]
    fn windows_1252_detected() {
        let bytes = b"The minister said \x93we will talk\x94 on Monday \x96 and again on Tuesday.";
        let d = decode(bytes).unwrap();
        assert_eq!(
            d.text,
            "The minister said “we will talk” on Monday – and again on Tuesday."
        );
    }

    /// A declared charset is used when the bytes are not UTF-8; valid UTF-8 wins over a wrong declaration.
    #[test]
    fn declared_charsets() {
        let text = "북한은 한국과 미국의 연합 군사훈련을 비난했다.";
        let (bytes, _, _) = encoding_rs::EUC_KR.encode(text);
        let declared = decode_with_charset(&bytes, Some("euc-kr")).unwrap();
        assert_eq!((declared.text.as_str(), declared.detected), (text, false));
        assert_eq!(
            decode_with_charset(text.as_bytes(), Some("iso-8859-1")).unwrap().text,
            text
        );
        let mut page = b"<html><head><meta charset=\"euc-kr\"></head><body><p>".to_vec();
        page.extend_from_slice(&bytes);
        assert!(decode(&page).unwrap().text.contains(text));
    }

    /// Binary files are refused with what they look like.
    #[test]
    fn binary_refused() {
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap_err(),
            DecodeError::Binary("a PNG image")
        );
        assert_eq!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0").unwrap_err(),
            DecodeError::Binary("an ELF executable")
        );
        assert_eq!(decode(b"abc\0def").unwrap_err(), DecodeError::Binary("binary data"));
    }

    /// Words that start like a signature are still text.
    #[test]
    fn text_starting_like_signature() {
        let text = "MZ Holdings reported record profit in the third quarter, its chief executive said on Monday, beating forecasts.";
        assert!(decode(text.as_bytes()).is_ok());
    }

    /// Empty and whitespace-only input decode to (empty) text: the brief says so, not an error.
    #[test]
    fn empty_is_text() {
        assert_eq!(decode(b"").unwrap().text, "");
        assert_eq!(decode(b"  \n\t\n").unwrap().format, Format::Text);
    }

    /// HTML is told from the content.
    #[test]
    fn html_sniffed() {
        assert_eq!(
            decode(b"<!DOCTYPE html><html><body><p>x</p></body></html>")
                .unwrap()
                .format,
            Format::Html
        );
        assert_eq!(
            decode(b"A headline with <b> in it\n\nBody").unwrap().format,
            Format::Text
        );
    }
}
