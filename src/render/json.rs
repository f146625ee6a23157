//! JSON: one compact object per line (NDJSON), or indented with `--pretty`.

use serde::Serialize;
use std::io::Write;

/// The usual size of a compact brief (a BBC article's is about 6 KB).
const BRIEF_BYTES: usize = 8 * 1024;

/// A brief, followed by a newline.
pub fn render(value: &impl Serialize, pretty: bool) -> Vec<u8> {
    if !pretty {
        // sonic-rs escapes strings a block of bytes at a time (serde_json: one byte at a time),
        // the bulk of a brief's output; its bytes are serde_json's (pinned by a test below).
        // Most briefs fit the first buffer.
        let mut out = Vec::with_capacity(BRIEF_BYTES);
        sonic_rs::to_writer(&mut out, value).expect("a brief holds only strings, numbers and enums");
        out.push(b'\n');
        return out;
    }
    let mut out = Vec::new();
    write(value, pretty, &mut out).expect("writing into memory cannot fail");
    out
}

/// A brief or a digest into `out`, followed by a newline.
pub fn write(value: &impl Serialize, pretty: bool, out: &mut impl Write) -> std::io::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(&mut *out, value)
    } else {
        serde_json::to_writer(&mut *out, value)
    }
    // A brief or a digest holds only strings, numbers and enums: the only error is the writer's.
    .map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Sample {
        text: String,
        share: f64,
        missing: Option<u32>,
        list: Vec<&'static str>,
    }

    /// The compact writer (sonic-rs) prints exactly what serde_json prints: control characters,
    /// quotes, backslashes, line separators and non-ASCII text, floats, nulls.
    #[test]
    fn compact_output_is_serde_jsons() {
        let sample = Sample {
            text: "tab\t nl\n cr\r \u{1f} \u{7f} \"q\" \\ / \u{2028} 서울 “curly” é".to_string(),
            share: 0.1 + 0.2,
            missing: None,
            list: vec!["", "a"],
        };
        let mut expected = serde_json::to_vec(&sample).unwrap();
        expected.push(b'\n');
        assert_eq!(
            String::from_utf8(render(&sample, false)).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }
}
