//! JSON: one compact object per line (NDJSON), or indented with `--pretty`.

use serde::Serialize;
use std::io::Write;

/// A brief, followed by a newline.
pub fn render(value: &impl Serialize, pretty: bool) -> Vec<u8> {
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
