//! HTML pages -> [`Document`], from one parse of the page: metadata (headline,
//! authors, date, site) from [`metadata`], captions from `<figcaption>`, then the
//! same tree handed to the body extractor ([`readable`]).

use super::metadata::{self, all, matcher, squash, text_of};
use super::{readable, Document, PublishedFrom, RawCaption};
use crate::brief::Byline;
use dom_query::{Matcher, NodeRef, Selection};
use std::sync::LazyLock;

static PARAGRAPH: LazyLock<Matcher> = LazyLock::new(|| matcher("p"));
static FIGCAPTION: LazyLock<Matcher> = LazyLock::new(|| matcher("figcaption"));
/// Parts of a caption that hold its photo credit.
static CREDIT_PART: LazyLock<Matcher> = LazyLock::new(|| {
    matcher("[class*=credit], [class*=source], [class*=copyright], [class*=photographer], [class*=attribution], small, cite")
});

/// A `<figcaption>` as caption text and credit: the credit from its own element
/// ("<span class=caption__source>Ezra Acayan / Getty Images</span>") or split off the
/// end of the text ("… on Monday. (Reuters)", "Photo: AFP").
fn caption_of(figcaption: &NodeRef) -> Option<RawCaption> {
    let credit_part = Selection::from(*figcaption).select_single_matcher(&CREDIT_PART);
    let caption = match credit_part.nodes().first() {
        Some(credit) => {
            let text: String = figcaption
                .descendants_it()
                .filter(|node| node.is_text() && !node.ancestors_it(None).any(|a| a.id == credit.id))
                .map(|node| node.text().to_string())
                .collect();
            let credit = super::text::credit_without_label(&text_of(credit));
            RawCaption {
                text: squash(&text),
                credit: (!credit.is_empty()).then_some(credit),
            }
        }
        None => super::text::split_credit(&text_of(figcaption), true),
    };
    (!caption.text.is_empty()).then_some(caption)
}

/// Paragraphs of five words or more from every `<p>` outside captions: the body
/// when the extractor finds no article.
fn all_paragraphs(html: &str) -> Vec<String> {
    let page = dom_query::Document::from(html);
    all(&page, &PARAGRAPH)
        .iter()
        .filter(|p| {
            !p.ancestors_it(None)
                .any(|a| a.node_name().is_some_and(|n| &*n == "figcaption"))
        })
        .map(text_of)
        .filter(|t| t.split_whitespace().count() >= 5)
        .collect()
}

/// Whether a paragraph is a caption told again outside its `<figcaption>` (galleries
/// and slideshows repeat them in plain `<div>`s): caption text is never body.
fn repeats_a_caption(paragraph: &str, captions: &[RawCaption]) -> bool {
    captions.iter().any(|caption| {
        paragraph == caption.text
            || caption
                .credit
                .as_ref()
                .is_some_and(|credit| paragraph == format!("{} {credit}", caption.text))
    })
}

/// Parses an HTML page.
pub fn parse(html: &str) -> Document {
    let page = dom_query::Document::from(html);
    let meta = metadata::read(&page);
    let captions: Vec<RawCaption> = all(&page, &FIGCAPTION).iter().filter_map(caption_of).collect();
    let mut paragraphs = readable::paragraphs(page).unwrap_or_else(|| all_paragraphs(html));
    paragraphs.retain(|p| !repeats_a_caption(p, &captions));
    // Readability keeps the page's <h1>: the headline is not body.
    paragraphs.retain(|p| Some(p) != meta.headline.as_ref());
    let dateline = paragraphs.first().and_then(|first| super::text::split_dateline(first));
    if let Some((_, rest)) = &dateline {
        paragraphs[0] = rest.clone();
    }
    let byline = (!meta.credits.is_empty()).then(|| Byline {
        text: meta
            .credits
            .people
            .iter()
            .chain(&meta.credits.agency)
            .cloned()
            .collect::<Vec<_>>()
            .join(", "),
        authors: meta.credits.people,
        agency: meta.credits.agency,
    });
    let mut warnings = Vec::new();
    if meta.headline.is_none() {
        warnings.push("no headline found".to_string());
    }
    if paragraphs.is_empty() {
        warnings.push("no body text found".to_string());
    }
    Document {
        headline: meta.headline,
        byline,
        dateline: dateline.map(|(d, _)| d),
        date_line: None,
        published: meta.published.map(|d| (d, PublishedFrom::Metadata)),
        captions,
        paragraphs,
        site: meta.site,
        warnings,
        ..Document::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// A caption's credit comes from its own element, or off the end of its text.
    #[test]
    fn caption_credits() {
        let doc = parse(
            r#"<html><body><figure><figcaption><span class="caption__container">Yoon at a rally in Seoul on Thursday.</span><span class="caption__source">Anthony Wallace / AFP - Getty Images</span></figcaption></figure>
            <figure><figcaption>Guards at Westminster <span class="credit">(Picture: PA)</span></figcaption></figure>
            <figure><figcaption>Protesters outside the assembly on Friday. (Reuters)</figcaption></figure></body></html>"#,
        );
        let got: Vec<(&str, Option<&str>)> = doc
            .captions
            .iter()
            .map(|c| (c.text.as_str(), c.credit.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "Yoon at a rally in Seoul on Thursday.",
                    Some("Anthony Wallace / AFP - Getty Images")
                ),
                ("Guards at Westminster", Some("PA")),
                ("Protesters outside the assembly on Friday.", Some("Reuters")),
            ]
        );
    }

    /// A paragraph that tells a caption again (with or without its credit) is dropped.
    #[test]
    fn repeated_caption_is_not_body() {
        let captions = [RawCaption {
            text: "Duqm has seen a burst of construction.".to_string(),
            credit: Some("AFP".to_string()),
        }];
        assert!(repeats_a_caption("Duqm has seen a burst of construction.", &captions));
        assert!(repeats_a_caption(
            "Duqm has seen a burst of construction. AFP",
            &captions
        ));
        assert!(!repeats_a_caption(
            "Duqm has seen a burst of construction since 2011.",
            &captions
        ));
    }

    /// Headline, paragraphs, captions and date come from their elements; neither the
    /// headline nor a caption is body.
    #[test]
    fn reads_basic_page() {
        let doc = parse(
            r#"<html><head><title>T | Site</title><meta property="article:published_time" content="2019-08-20T10:00:00+09:00"></head>
            <body><nav><a href="/">Home</a></nav><article><h1>North Korea slams drill</h1>
            <figure><img src="x.jpg"><figcaption>A photo caption here</figcaption></figure>
            <p>North Korea on Tuesday slammed the joint drill between South Korea and the United States, state media said.</p>
            <p>The official newspaper warned of consequences and called the exercise a rehearsal for invasion of the North.</p>
            </article></body></html>"#,
        );
        assert_eq!(doc.headline.as_deref(), Some("North Korea slams drill"));
        assert_eq!(doc.paragraphs.len(), 2, "{:?}", doc.paragraphs);
        assert!(doc.paragraphs[0].starts_with("North Korea on Tuesday slammed"));
        assert!(!doc
            .paragraphs
            .iter()
            .any(|p| p.contains("caption") || p.contains("Home")));
        assert_eq!(doc.captions.len(), 1);
        assert_eq!(doc.captions[0].text, "A photo caption here");
        assert_eq!(doc.published.map(|p| p.0), NaiveDate::from_ymd_opt(2019, 8, 20));
    }
}
