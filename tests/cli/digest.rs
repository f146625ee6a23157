//! `korea-brief digest`: one object (or Markdown briefing) across articles, with
//! actors merged across spellings, quotes and events naming their article, and
//! near-duplicate stories grouped and counted once.

use crate::util::{run, stderr, stdout};
use korea_brief::digest::Digest;
use std::path::{Path, PathBuf};

const MISSILE: &str = "Kim Jong-un inspects missile launch

SEOUL, June 3, 2021 (Yonhap) -- North Korean leader Kim Jong-un oversaw the test of a new missile on June 2, \
state media said on Thursday.

\"We will keep strengthening our defences,\" Kim Jong-un said at the launch site.

The launch came a week after South Korean President Moon Jae-in met US President Joe Biden in Washington.
";

const REACTION: &str = "Seoul reacts to Pyongyang test

SEOUL, June 4, 2021 (Yonhap) -- South Korea's defence ministry said on June 4 that it was analysing the \
missile test overseen by Kim Jong Un.

\"The test is a clear provocation,\" said Suh Wook, the defence minister.
";

const TARIFFS: &str = "Seoul announces more tariff cuts

South Korea will cut import taxes on 50 items, including construction equipment, photographic film, \
cigarettes and pipe tobacco, to help reduce its trade surplus with the United States, the finance ministry said.

The tariff cuts, of between five and 30 percentage points, take effect on July 1. This brings to 157 the \
number of goods on which import taxes have been cut this year, a ministry official said.

\"This is in line with the government's policy to limit our trade surplus,\" the official said.
";

/// The same story rewritten by the wire an hour later, with one more paragraph.
const TARIFFS_UPDATE: &str = "Seoul announces more tariff cuts for US

South Korea will cut import taxes on 50 goods, including construction equipment, cigarettes and tobacco, \
to help reduce its trade surplus with the United States, the finance ministry said today.

The tariff cuts, of between five and 30 percentage points, take effect on July 1. This brings to 157 the \
number of goods on which import taxes have been cut this year, a ministry official said.

\"This is in line with the government's policy to limit our trade surplus,\" the official said.

\"Further cuts will follow next month,\" the official added.
";

/// Writes `articles` as files named after them into a fresh directory.
fn articles(files: &[(&str, &str)]) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths = files
        .iter()
        .map(|(name, text)| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    (dir, paths)
}

fn digest_of(paths: &[PathBuf], extra: &[&str]) -> Digest {
    let out = run(&args(paths, extra), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_str(&stdout(&out)).unwrap_or_else(|e| panic!("not a digest ({e}): {}", stdout(&out)))
}

fn args<'a>(paths: &'a [PathBuf], extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec!["digest", "--quiet"];
    args.extend_from_slice(extra);
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    args
}

fn name(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// One JSON object with every top-level key, articles in input order with source and headline.
#[test]
fn json_shape() {
    let (_dir, paths) = articles(&[("missile.txt", MISSILE), ("reaction.txt", REACTION)]);
    let out = run(&args(&paths, &[]), None);
    assert_eq!(stdout(&out).lines().count(), 1, "compact JSON is one line");
    let digest = digest_of(&paths, &[]);
    assert_eq!(digest.schema, "korea-brief-digest/1");
    assert_eq!(digest.articles.len(), 2);
    assert_eq!(digest.articles[0].source.input, name(&paths[0]));
    assert_eq!(
        digest.articles[1].headline.as_deref(),
        Some("Seoul reacts to Pyongyang test")
    );
    assert!(digest.duplicates.is_empty(), "{:?}", digest.duplicates);
    let pretty = run(&args(&paths, &["--pretty"]), None);
    let reparsed: Digest = serde_json::from_str(&stdout(&pretty)).unwrap();
    assert_eq!(reparsed, digest);
}

/// "Kim Jong-un" and "Kim Jong Un" are one actor, present in both articles, with one quote.
#[test]
fn spelling_variants_merge() {
    let (_dir, paths) = articles(&[("missile.txt", MISSILE), ("reaction.txt", REACTION)]);
    let digest = digest_of(&paths, &[]);
    let kims: Vec<_> = digest
        .actors
        .iter()
        .filter(|a| a.name.starts_with("Kim Jong"))
        .collect();
    assert_eq!(kims.len(), 1, "{kims:?}");
    assert_eq!(kims[0].name, "Kim Jong-un", "the first spelling wins a tie");
    assert!(
        kims[0].aliases.contains(&"Kim Jong Un".to_string()),
        "{:?}",
        kims[0].aliases
    );
    assert_eq!(kims[0].articles, vec![0, 1]);
    assert_eq!(kims[0].quotes, 1);
}

/// Every quote names the article it comes from; speakers carry the digest's actor ids.
#[test]
fn quotes_name_their_article() {
    let (_dir, paths) = articles(&[("missile.txt", MISSILE), ("reaction.txt", REACTION)]);
    let digest = digest_of(&paths, &[]);
    let where_from: Vec<(usize, &str)> = digest.quotes.iter().map(|q| (q.article, q.text.as_str())).collect();
    assert_eq!(
        where_from,
        vec![
            (0, "We will keep strengthening our defences"),
            (1, "The test is a clear provocation")
        ]
    );
    for quote in &digest.quotes {
        let id = quote
            .speaker
            .as_ref()
            .and_then(|s| s.actor.as_ref())
            .expect("named speaker");
        let actor = digest
            .actors
            .iter()
            .find(|a| &a.id == id)
            .expect("speaker id in actors");
        assert_eq!(Some(&actor.name), quote.speaker.as_ref().map(|s| &s.name));
    }
}

/// The timeline is in date order across articles, whatever the input order.
#[test]
fn timeline_in_date_order() {
    let (_dir, paths) = articles(&[("reaction.txt", REACTION), ("missile.txt", MISSILE)]);
    let digest = digest_of(&paths, &[]);
    let values: Vec<&str> = digest.timeline.iter().filter_map(|e| e.date.value.as_deref()).collect();
    assert!(values.len() >= 2, "{:?}", digest.timeline);
    assert!(values.windows(2).all(|w| w[0] <= w[1]), "{values:?}");
    assert_eq!(digest.timeline.first().map(|e| e.article), Some(1));
}

/// A wire update of a story is grouped with it; the repeated quote is counted once and the
/// update's new quote is kept; an unrelated article stays on its own.
#[test]
fn near_duplicates_grouped_and_counted_once() {
    let (_dir, paths) = articles(&[
        ("tariffs.txt", TARIFFS),
        ("missile.txt", MISSILE),
        ("tariffs-update.txt", TARIFFS_UPDATE),
    ]);
    let digest = digest_of(&paths, &[]);
    assert_eq!(digest.duplicates.len(), 1, "{:?}", digest.duplicates);
    assert_eq!(digest.duplicates[0].articles, vec![0, 2]);
    assert_eq!(digest.articles[2].duplicate_of, Some(0));
    assert_eq!(digest.articles[1].duplicate_of, None);
    let tariff_quotes: Vec<(usize, &str)> = digest
        .quotes
        .iter()
        .filter(|q| q.article != 1)
        .map(|q| (q.article, q.text.as_str()))
        .collect();
    assert_eq!(
        tariff_quotes,
        vec![
            (
                0,
                "This is in line with the government's policy to limit our trade surplus"
            ),
            (2, "Further cuts will follow next month")
        ]
    );
}

/// Markdown: a briefing with every section, quotes grouped by speaker and naming their article.
#[test]
fn markdown_briefing() {
    let (_dir, paths) = articles(&[("missile.txt", MISSILE), ("reaction.txt", REACTION)]);
    let out = run(&args(&paths, &["--format", "markdown"]), None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for heading in [
        "# Morning briefing",
        "## Articles",
        "## Who said what",
        "### Kim Jong-un",
        "### Suh Wook",
        "## Actors",
        "## Timeline",
        "## Same story",
    ] {
        assert!(
            text.lines().any(|l| l.starts_with(heading)),
            "{heading} missing:\n{text}"
        );
    }
    assert!(text.contains("1. **Kim Jong-un inspects missile launch**"), "{text}");
    assert!(
        text.contains("| “The test is a clear provocation” | 2 |"),
        "the quote names article 2:\n{text}"
    );
}

/// A bad input is one stderr line and exit 1; the digest of the others is still written.
#[test]
fn bad_input_reported_digest_written() {
    let (_dir, paths) = articles(&[("missile.txt", MISSILE)]);
    let out = run(&["digest", "--quiet", "no/such/file.txt", name(&paths[0])], None);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("korea-brief: no/such/file.txt: "), "{err}");
    let digest: Digest = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(digest.articles.len(), 1);
}

/// Without --quiet the summary line goes to stderr, never stdout.
#[test]
fn summary_line_on_stderr() {
    let (_dir, paths) = articles(&[("missile.txt", MISSILE), ("reaction.txt", REACTION)]);
    let out = run(&["digest", name(&paths[0]), name(&paths[1])], None);
    assert!(
        stderr(&out).starts_with("korea-brief: 2 parsed, 0 skipped, 0 failed in "),
        "{}",
        stderr(&out)
    );
    assert!(!stdout(&out).contains("parsed"));
}

/// `schema --digest` prints a JSON Schema of the digest, different from a brief's.
#[test]
fn schema_digest() {
    let out = run(&["schema", "--digest"], None);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(schema["title"], "Digest");
    for key in ["schema", "articles", "actors", "quotes", "timeline", "duplicates"] {
        assert!(schema["properties"][key].is_object(), "{key} missing");
        assert!(
            schema["required"].as_array().unwrap().iter().any(|k| k == key),
            "{key} not required"
        );
    }
    let brief: serde_json::Value = serde_json::from_str(&stdout(&run(&["schema"], None))).unwrap();
    assert_eq!(brief["title"], "Brief");
}
