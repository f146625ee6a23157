//! HTML pages of `../shared/corpus/` (skipped when `../shared` is absent): captions
//! never leak into the body, and captions keep their credits.

use crate::util::{briefs, run, shared};
use std::path::{Path, PathBuf};

/// Every `.html` file under `dir`.
fn html_pages(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("corpus folder").flatten() {
        let path = entry.path();
        if path.is_dir() {
            html_pages(&path, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// The text of every `<figcaption>` of a page, whitespace collapsed, read by a
/// parser of its own rather than by the code under test.
fn figcaptions(page: &Path) -> Vec<String> {
    let html = String::from_utf8_lossy(&std::fs::read(page).expect("page reads")).into_owned();
    let doc = dom_query::Document::from(html);
    doc.select("figcaption")
        .iter()
        .map(|caption| caption.text().split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// No `<figcaption>` text of four words or more is inside the body of any page.
#[test]
fn no_caption_in_any_body() {
    let Some(shared) = shared() else {
        eprintln!("../shared not present: caption leak test skipped");
        return;
    };
    let mut pages = Vec::new();
    html_pages(&shared.join("corpus"), &mut pages);
    let args: Vec<&str> = ["parse", "--quiet"]
        .into_iter()
        .chain(pages.iter().map(|p| p.to_str().expect("UTF-8 path")))
        .collect();
    let out = run(&args, None);
    let mut leaks = Vec::new();
    for brief in briefs(&out) {
        let body = brief.body.join(" ");
        for caption in figcaptions(Path::new(&brief.source.input)) {
            if caption.split_whitespace().count() >= 4 && body.contains(&caption) {
                leaks.push(format!("{}: {caption}", brief.source.input));
            }
        }
    }
    assert!(leaks.is_empty(), "captions in bodies:\n{}", leaks.join("\n"));
}

/// Every `<figcaption>` of the NBC page is a caption with its agency credit.
#[test]
fn captions_keep_credits() {
    let Some(shared) = shared() else {
        eprintln!("../shared not present: caption credit test skipped");
        return;
    };
    let page = shared.join("corpus/korea/readability-1.html");
    let out = run(&["parse", page.to_str().unwrap()], None);
    let brief = briefs(&out).pop().expect("one brief");
    let expected = figcaptions(&page);
    assert_eq!(brief.captions.len(), expected.len(), "{:?}", brief.captions);
    for (caption, figcaption) in brief.captions.iter().zip(&expected) {
        let credit = caption.credit.as_deref().expect("a credit");
        assert!(credit.contains("Getty Images"), "{credit}");
        assert!(
            figcaption.starts_with(&caption.text) && figcaption.ends_with(credit),
            "{caption:?} from {figcaption}"
        );
    }
    let byline = brief.byline.expect("a byline");
    assert_eq!(byline.authors, ["Stella Kim", "Jennifer Jett"]);
}
