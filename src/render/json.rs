//! JSON: one compact object per line (NDJSON), or indented with `--pretty`.

use crate::brief::Brief;

pub fn render(brief: &Brief, pretty: bool) -> Vec<u8> {
    let mut out = if pretty {
        serde_json::to_vec_pretty(brief)
    } else {
        serde_json::to_vec(brief)
    }
    .expect("a Brief holds only strings, numbers and enums, which always serialise");
    out.push(b'\n');
    out
}
