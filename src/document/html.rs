//! HTML pages -> [`Document`]: metadata (headline, authors, date, site) from
//! [`metadata`], paragraphs from `<p>`, captions from `<figcaption>`. The body
//! extraction is a first reading that the HTML issue replaces; the interface stays.

use super::metadata::{self, squash};
use super::{Document, PublishedFrom, RawCaption};
use crate::brief::Byline;
use dom_smoothie::{Config, Readability, TextMode};
use scraper::{Html, Selector};
use std::sync::LazyLock;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

static PARAGRAPH: LazyLock<Selector> = LazyLock::new(|| selector("p"));
static FIGCAPTION: LazyLock<Selector> = LazyLock::new(|| selector("figcaption"));
/// Parts of a caption that hold its photo credit.
static CREDIT_PART: LazyLock<Selector> = LazyLock::new(|| {
    selector("[class*=credit], [class*=source], [class*=copyright], [class*=photographer], [class*=attribution], small, cite")
});

/// A `<figcaption>` as caption text and credit: the credit from its own element
/// ("<span class=caption__source>Ezra Acayan / Getty Images</span>") or split off the
/// end of the text ("… on Monday. (Reuters)", "Photo: AFP").
fn caption_of(figcaption: scraper::ElementRef) -> Option<RawCaption> {
    let caption = match figcaption.select(&CREDIT_PART).next() {
        Some(credit) => {
            let text: String = figcaption
                .descendants()
                .filter(|node| !node.ancestors().any(|a| a.id() == credit.id()))
                .filter_map(|node| node.value().as_text().map(|t| t.to_string()))
                .collect();
            let credit = super::text::credit_without_label(&squash(&credit.text().collect::<String>()));
            RawCaption {
                text: squash(&text),
                credit: (!credit.is_empty()).then_some(credit),
            }
        }
        None => super::text::split_credit(&squash(&figcaption.text().collect::<String>()), true),
    };
    (!caption.text.is_empty()).then_some(caption)
}

/// The article's paragraphs by the Readability algorithm (dom_smoothie), with figures
/// and their captions removed first so that captions never leak into the body;
/// `None` when it finds no article.
fn readable_paragraphs(html: &str) -> Option<Vec<String>> {
    let doc = dom_query::Document::from(html);
    doc.select("figure, figcaption").remove();
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let article = Readability::with_document(doc, None, Some(config)).ok()?.parse().ok()?;
    let paragraphs: Vec<String> = article
        .text_content
        .split("\n\n")
        .map(squash)
        .filter(|p| !p.is_empty())
        .collect();
    (!paragraphs.is_empty()).then_some(paragraphs)
}

/// Parses an HTML page.
pub fn parse(html: &str) -> Document {
    let page = Html::parse_document(html);
    let meta = metadata::read(&page);
    let text_of = |el: scraper::ElementRef| squash(&el.text().collect::<String>());
    let captions: Vec<RawCaption> = page.select(&FIGCAPTION).filter_map(caption_of).collect();
    let paragraphs = readable_paragraphs(html).unwrap_or_else(|| {
        page.select(&PARAGRAPH)
            .filter(|p| {
                !p.ancestors()
                    .any(|a| a.value().as_element().is_some_and(|e| e.name() == "figcaption"))
            })
            .map(text_of)
            .filter(|t| t.split_whitespace().count() >= 5)
            .collect()
    });
    let mut paragraphs = paragraphs;
    // Readability keeps the page's <h1>: the headline is not body.
    if let (Some(first), Some(headline)) = (paragraphs.first(), meta.headline.as_deref()) {
        if first == headline {
            paragraphs.remove(0);
        }
    }
    let dateline = paragraphs.first().and_then(|first| super::text::split_dateline(first));
    if let Some((_, rest)) = &dateline {
        paragraphs[0] = rest.clone();
    }
    let byline = (!meta.authors.is_empty()).then(|| {
        let (agencies, authors): (Vec<String>, Vec<String>) =
            meta.authors.iter().cloned().partition(|a| super::is_agency(a));
        Byline {
            text: meta.authors.join(", "),
            authors,
            agency: agencies.into_iter().next(),
        }
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
