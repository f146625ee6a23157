//! The body extractor: the article's paragraphs from a parsed page, by the
//! Readability algorithm (dom_smoothie), behind one function so that the
//! algorithm can change without touching its callers.

use super::metadata::squash;
use dom_smoothie::{Config, Readability, TextMode};

/// The article's paragraphs, in reading order; `None` when no article is found.
/// Figures and their captions are removed first so that captions never leak into
/// the body. Takes the page by value: the extractor rewrites the tree.
pub fn paragraphs(page: dom_query::Document) -> Option<Vec<String>> {
    page.select("figure, figcaption").remove();
    let config = Config {
        text_mode: TextMode::Formatted,
        // The metadata layer reads JSON-LD itself.
        disable_json_ld: true,
        ..Config::default()
    };
    let article = Readability::with_document(page, None, Some(config))
        .ok()?
        .parse()
        .ok()?;
    let paragraphs: Vec<String> = article
        .text_content
        .split("\n\n")
        .map(squash)
        .filter(|p| !p.is_empty())
        .collect();
    (!paragraphs.is_empty()).then_some(paragraphs)
}
