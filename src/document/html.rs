//! HTML pages -> [`Document`]: a first, simple reading (headline from `<h1>`
//! or `<title>`, paragraphs from `<p>`, captions from `<figcaption>`,
//! publication date from `article:published_time`). The HTML issue replaces
//! the body extraction; the interface stays.

use super::{Document, PublishedFrom, RawCaption};
use chrono::NaiveDate;
use scraper::{Html, Selector};
use std::sync::LazyLock;

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("static selector")
}

static H1: LazyLock<Selector> = LazyLock::new(|| selector("h1"));
static TITLE: LazyLock<Selector> = LazyLock::new(|| selector("title"));
static PARAGRAPH: LazyLock<Selector> = LazyLock::new(|| selector("p"));
static FIGCAPTION: LazyLock<Selector> = LazyLock::new(|| selector("figcaption"));
static PUBLISHED: LazyLock<Selector> = LazyLock::new(|| {
    selector(r#"meta[property="article:published_time"], meta[name="date"], meta[itemprop="datePublished"]"#)
});
static SITE: LazyLock<Selector> = LazyLock::new(|| selector(r#"meta[property="og:site_name"]"#));

/// Parses an HTML page.
pub fn parse(html: &str) -> Document {
    let page = Html::parse_document(html);
    let text_of = |el: scraper::ElementRef| squash(&el.text().collect::<String>());
    let headline = page
        .select(&H1)
        .map(text_of)
        .find(|t| !t.is_empty())
        .or_else(|| page.select(&TITLE).map(text_of).find(|t| !t.is_empty()));
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
    let published = page
        .select(&PUBLISHED)
        .filter_map(|m| m.value().attr("content"))
        .find_map(|c| c.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()))
        .map(|d| (d, PublishedFrom::Metadata));
    let site = page
        .select(&SITE)
        .filter_map(|m| m.value().attr("content"))
        .map(squash)
        .find(|s| !s.is_empty());
    let mut warnings = Vec::new();
    if headline.is_none() {
        warnings.push("no headline found".to_string());
    }
    if paragraphs.is_empty() {
        warnings.push("no body text found".to_string());
    }
    Document {
        headline,
        byline: None,
        dateline: None,
        published,
        captions,
        paragraphs,
        site,
        warnings,
    }
}

/// Collapses runs of whitespace to single spaces.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

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
