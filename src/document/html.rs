//! HTML pages -> [`Document`]: metadata (headline, authors, date, site) from
//! [`metadata`], paragraphs from `<p>`, captions from `<figcaption>`. The body
//! extraction is a first reading that the HTML issue replaces; the interface stays.

use super::metadata::{self, squash};
use super::{Document, PublishedFrom, RawCaption};
use crate::brief::Byline;
use scraper::{Html, Selector};
use std::sync::LazyLock;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

static PARAGRAPH: LazyLock<Selector> = LazyLock::new(|| selector("p"));
static FIGCAPTION: LazyLock<Selector> = LazyLock::new(|| selector("figcaption"));

/// Parses an HTML page.
pub fn parse(html: &str) -> Document {
    let page = Html::parse_document(html);
    let meta = metadata::read(&page);
    let text_of = |el: scraper::ElementRef| squash(&el.text().collect::<String>());
    let captions: Vec<RawCaption> = page
        .select(&FIGCAPTION)
        .map(text_of)
        .filter(|t| !t.is_empty())
        .map(|text| RawCaption { text, credit: None })
        .collect();
    let paragraphs: Vec<String> = page
        .select(&PARAGRAPH)
        .filter(|p| {
            !p.ancestors()
                .any(|a| a.value().as_element().is_some_and(|e| e.name() == "figcaption"))
        })
        .map(text_of)
        .filter(|t| t.split_whitespace().count() >= 5)
        .collect();
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
        dateline: None,
        date_line: None,
        published: meta.published.map(|d| (d, PublishedFrom::Metadata)),
        captions,
        paragraphs,
        site: meta.site,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    /// Headline, paragraphs, captions and date come from their elements.
    #[test]
    fn reads_basic_page() {
        let doc = parse(
            r#"<html><head><title>T | Site</title><meta property="article:published_time" content="2019-08-20T10:00:00+09:00"></head>
            <body><h1>North Korea slams drill</h1><figure><figcaption>A photo caption here</figcaption></figure>
            <p>North Korea on Tuesday slammed the joint drill, state media said.</p><p>Menu</p></body></html>"#,
        );
        assert_eq!(doc.headline.as_deref(), Some("North Korea slams drill"));
        assert_eq!(
            doc.paragraphs,
            ["North Korea on Tuesday slammed the joint drill, state media said."]
        );
        assert_eq!(doc.captions.len(), 1);
        assert_eq!(doc.published.map(|p| p.0), NaiveDate::from_ymd_opt(2019, 8, 20));
    }
}
