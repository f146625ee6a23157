//! Every file of `../shared/corpus/` parses with exit 0 and no panic (skipped when `../shared` is absent).

use crate::util::{run, shared, stderr};

/// The whole corpus, in one run: exit 0, one brief per article, no internal error.
#[test]
fn whole_corpus_parses() {
    let Some(shared) = shared() else {
        eprintln!("../shared not present: corpus test skipped");
        return;
    };
    let corpus = shared.join("corpus");
    let out = run(&["parse", "--quiet", corpus.to_str().unwrap()], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
    let lines = out.stdout.split(|&b| b == b'\n').filter(|l| !l.is_empty()).count();
    assert!(lines > 4000, "only {lines} briefs");
}
