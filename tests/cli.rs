//! The one integration-test binary: drives the real `korea-brief` binary.

#[path = "cli/util.rs"]
mod util;

#[path = "cli/corpus.rs"]
mod corpus;
#[path = "cli/digest.rs"]
mod digest;
#[path = "cli/exit_codes.rs"]
mod exit_codes;
#[path = "cli/fetch_http.rs"]
mod fetch_http;
#[path = "cli/golden.rs"]
mod golden;
#[path = "cli/html.rs"]
mod html;
#[path = "cli/inputs.rs"]
mod inputs;
#[path = "cli/matrix.rs"]
mod matrix;
#[path = "cli/output.rs"]
mod output;
#[path = "cli/properties.rs"]
mod properties;
