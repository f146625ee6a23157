//! Golden fixtures: each `fixtures/articles/<slug>.txt` parses to `fixtures/expected/<slug>.json`
//! (compared as JSON values). `UPDATE_EXPECTED=1` rewrites the expected files: review the diff.
//! Extra arguments for a fixture (its reference date) sit in `fixtures/articles/<slug>.args`.

use crate::util::{briefs, fixture, root, run_in, stderr};

fn golden_args(slug: &str) -> Vec<String> {
    std::fs::read_to_string(fixture(&format!("articles/{slug}.args")))
        .map(|s| s.split_whitespace().map(str::to_string).collect())
        .unwrap_or_default()
}

/// Every fixture's brief equals its expected brief.
#[test]
fn fixtures_match_expected() {
    let mut articles: Vec<_> = std::fs::read_dir(fixture("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "html"))
        .collect();
    articles.sort();
    assert!(!articles.is_empty());
    let update = std::env::var_os("UPDATE_EXPECTED").is_some();
    let mut failures = Vec::new();
    for path in articles {
        let slug = path.file_stem().unwrap().to_string_lossy().into_owned();
        let relative = format!("articles/{}", path.file_name().unwrap().to_string_lossy());
        let mut args = vec!["parse".to_string(), "--pretty".to_string(), relative];
        args.extend(golden_args(&slug));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run_in(&root().join("fixtures"), &args, None);
        assert_eq!(out.status.code(), Some(0), "{slug}: {}", stderr(&out));
        let actual: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        let expected_path = fixture(&format!("expected/{slug}.json"));
        if update {
            std::fs::write(&expected_path, serde_json::to_string_pretty(&actual).unwrap() + "\n").unwrap();
            continue;
        }
        let expected: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path).unwrap_or_else(|_| panic!("no {}", expected_path.display())),
        )
        .unwrap();
        if actual != expected {
            failures.push(slug);
        }
    }
    assert!(
        failures.is_empty(),
        "briefs differ from fixtures/expected for {failures:?} (UPDATE_EXPECTED=1 to review)"
    );
}

/// The seed's layout, checked by hand against the article: headline exact, one caption with the
/// credit "AFP" split off, no byline or dateline, and the 19 body paragraphs after the caption.
#[test]
fn seed_layout() {
    let out = run_in(
        &root().join("fixtures"),
        &["parse", "articles/seed-phnompenhpost.txt", "--date", "2021-06-23"],
        None,
    );
    let brief = briefs(&out).remove(0);
    assert_eq!(
        brief.headline.as_deref(),
        Some("South Korea, US set to consider terminating working group on North Korea")
    );
    assert_eq!(brief.captions.len(), 1);
    assert_eq!(brief.captions[0].credit.as_deref(), Some("AFP"));
    assert!(brief.captions[0]
        .text
        .starts_with("Noh Kyu-duk (right), South Korea's special representative"));
    assert!(brief.captions[0].text.ends_with("at a hotel in Seoul on Monday."));
    assert_eq!(brief.byline, None);
    assert_eq!(brief.dateline, None);
    assert_eq!(brief.body.len(), 19);
    assert!(brief.body[0].starts_with("Seoul and Washington have agreed to consider ending"));
    assert!(brief.body[18].starts_with("Last week Kim Jong-un said his country was ready"));
    assert_eq!(brief.source.site.as_deref(), Some("Phnom Penh Post"));
    assert_eq!(brief.published.as_ref().map(|p| p.value.as_str()), Some("2021-06-23"));
    // Nothing of the header (image line, caption, credit) leaks into the body or the summary.
    assert!(!brief
        .body
        .iter()
        .chain(&brief.summary)
        .any(|p| p.contains("Content image") || p.contains("AFP")));
}

/// A Wikinews article: the date line gives `published`, and the paragraph with an
/// "Image:" credit is a caption, not body.
#[test]
fn wikinews_layout() {
    let out = run_in(
        &root().join("fixtures"),
        &["parse", "articles/wikinews-korea.txt"],
        None,
    );
    let brief = briefs(&out).remove(0);
    assert_eq!(
        brief.headline.as_deref(),
        Some("North Korea puts military in 'quasi-state of war'")
    );
    let published = brief.published.unwrap();
    assert_eq!(
        (published.value.as_str(), published.basis),
        ("2015-08-21", korea_brief::brief::PublishedBasis::Text)
    );
    assert!(brief.body[0].starts_with("According to Yonhap news agency"));
    assert!(!brief.body.iter().any(|p| p.contains("Image:")));
}
