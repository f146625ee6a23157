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

/// Compact briefs are written by a hand-made writer and pretty ones by serde: over the Korean and
/// HTML-benchmark articles of the corpus, both give the same JSON values, in the same order.
#[test]
fn compact_and_pretty_briefs_agree_on_the_corpus() {
    let Some(shared) = shared() else {
        eprintln!("../shared not present: corpus test skipped");
        return;
    };
    let folders = [shared.join("corpus/korea"), shared.join("corpus/general/aeb")];
    let folders: Vec<&str> = folders.iter().map(|p| p.to_str().unwrap()).collect();
    let briefs = |extra: &[&str]| -> Vec<serde_json::Value> {
        let args: Vec<&str> = ["parse", "--quiet"]
            .iter()
            .chain(extra)
            .chain(&folders)
            .copied()
            .collect();
        let out = run(&args, None);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::Deserializer::from_slice(&out.stdout)
            .into_iter()
            .map(Result::unwrap)
            .collect()
    };
    let compact = briefs(&[]);
    assert!(compact.len() > 200, "only {} briefs", compact.len());
    assert_eq!(compact, briefs(&["--pretty"]));
}
