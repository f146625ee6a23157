//! Page metadata, structured data first: JSON-LD (`NewsArticle` and kin, inside
//! `@graph` or arrays, `@context` as a string or an object), then OpenGraph and
//! `article:*` meta tags, `<time>`, `rel=author`. Headline without the site-name
//! suffix, the visible `<h1>` preferred where it tells the same headline.

use super::authors::{credits, Credits, Publication};
use chrono::NaiveDate;
use dom_query::{Document as Page, Matcher, NodeRef};
use serde_json::Value;
use std::sync::LazyLock;

/// What a page says about itself.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageMeta {
    pub headline: Option<String>,
    pub credits: Credits,
    pub published: Option<NaiveDate>,
    pub site: Option<String>,
}

/// A compiled CSS selector.
pub(super) fn matcher(css: &str) -> Matcher {
    Matcher::new(css).expect("static selector")
}

static LD_JSON: LazyLock<Matcher> = LazyLock::new(|| matcher(r#"script[type="application/ld+json" i]"#));
static META: LazyLock<Matcher> = LazyLock::new(|| matcher("meta[content]"));
static H1: LazyLock<Matcher> = LazyLock::new(|| matcher("h1"));
static TITLE: LazyLock<Matcher> = LazyLock::new(|| matcher("title"));
static TIME: LazyLock<Matcher> = LazyLock::new(|| matcher("time[datetime]"));
static REL_AUTHOR: LazyLock<Matcher> = LazyLock::new(|| matcher(r#"a[rel~="author"]"#));

/// The elements the metadata comes from, each list in document order, gathered in
/// one walk over the tree rather than one walk per selector.
#[derive(Default)]
struct Sources<'a> {
    ld_json: Vec<NodeRef<'a>>,
    metas: Vec<NodeRef<'a>>,
    titles: Vec<NodeRef<'a>>,
    h1s: Vec<NodeRef<'a>>,
    times: Vec<NodeRef<'a>>,
    author_links: Vec<NodeRef<'a>>,
}

impl<'a> Sources<'a> {
    fn gather(page: &'a Page) -> Self {
        let mut found = Self::default();
        for node in page.root().descendants_it() {
            let Some(name) = node.qual_name_ref() else {
                continue;
            };
            // The tag name picks the one selector that can match; the selector decides.
            let (list, selector) = match &*name.local {
                "script" => (&mut found.ld_json, &*LD_JSON),
                "meta" => (&mut found.metas, &*META),
                "title" => (&mut found.titles, &*TITLE),
                "h1" => (&mut found.h1s, &*H1),
                "time" => (&mut found.times, &*TIME),
                "a" => (&mut found.author_links, &*REL_AUTHOR),
                _ => continue,
            };
            drop(name);
            if selector.match_element(&node) {
                list.push(node);
            }
        }
        found
    }
}

/// Every node of `page` that `matcher` selects, in document order.
pub(super) fn all<'a>(page: &'a Page, matcher: &Matcher) -> Vec<NodeRef<'a>> {
    page.select_matcher(matcher).nodes().to_vec()
}

/// A node's text with whitespace collapsed.
pub(super) fn text_of(node: &NodeRef) -> String {
    squash(&node.text())
}

/// `@type`s of the article object in JSON-LD.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "LiveBlogPosting",
    "WebPage",
    "Report",
    "ScholarlyArticle",
];

/// Meta tags that carry the publication time, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.created",
    "date",
    "article.published",
];

/// Reads the page's metadata.
pub fn read(page: &Page) -> PageMeta {
    let sources = Sources::gather(page);
    let article = json_ld_article(&sources.ld_json);
    let metas: Vec<(String, String)> = sources
        .metas
        .iter()
        .filter_map(|m| {
            let key = m.attr("property").or(m.attr("name")).or(m.attr("itemprop"))?;
            Some((key.to_ascii_lowercase(), clean(&m.attr("content")?)))
        })
        .collect();
    let meta = |key: &str| {
        metas
            .iter()
            .find(|(k, v)| k == key && !v.is_empty())
            .map(|(_, v)| v.clone())
    };
    let site = meta("og:site_name").or_else(|| article.as_ref().and_then(publisher_name));

    let ld_headline = article
        .as_ref()
        .and_then(|a| a.get("headline").or(a.get("name")))
        .and_then(Value::as_str)
        .map(clean);
    let og_title = meta("og:title").or_else(|| meta("twitter:title"));
    let title_tag = sources.titles.iter().map(text_of).find(|t| !t.is_empty());
    let h1 = sources.h1s.iter().map(text_of).find(|t| !t.is_empty());
    let headline = choose_headline(h1, &[ld_headline, og_title], title_tag, site.as_deref());

    let publisher = article.as_ref().and_then(publisher_name);
    let page_url = meta("og:url");
    let publication = Publication {
        names: [
            site.as_deref(),
            publisher.as_deref(),
            page_url.as_deref().and_then(host_of),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    // Each source in turn, until one names a person: a JSON-LD author that is the
    // site itself gives way to the meta tags or the visible author links.
    let from_json_ld = article.as_ref().map(|a| names(a.get("author"))).unwrap_or_default();
    let from_meta = || {
        [
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
        ]
        .iter()
        .filter_map(|k| meta(k))
        .find(|v| !looks_like_url(v))
        .map(|v| split_names(&v))
        .unwrap_or_default()
    };
    let from_links = || {
        let mut links: Vec<String> = sources.author_links.iter().map(text_of).collect();
        links.dedup();
        links
    };
    let mut byline = credits(&from_json_ld, &publication);
    for source in [&from_meta as &dyn Fn() -> Vec<String>, &from_links] {
        if byline.people.is_empty() {
            let next = credits(&source(), &publication);
            if !next.people.is_empty() || byline.is_empty() {
                byline = next;
            }
        }
    }

    let published = article
        .as_ref()
        .and_then(|a| a.get("datePublished").or(a.get("dateCreated")))
        .and_then(Value::as_str)
        .and_then(date_part)
        .or_else(|| {
            PUBLISHED_KEYS
                .iter()
                .filter_map(|k| meta(k))
                .find_map(|v| date_part(&v))
        })
        .or_else(|| {
            sources
                .times
                .iter()
                .filter_map(|t| t.attr("datetime"))
                .find_map(|d| date_part(&d))
        });
    PageMeta {
        headline,
        credits: byline,
        published,
        site,
    }
}

/// The first article-typed object in any JSON-LD block.
fn json_ld_article(scripts: &[NodeRef]) -> Option<Value> {
    let mut found: Vec<Value> = Vec::new();
    for script in scripts {
        let text = script.text();
        let Ok(value) = serde_json::from_str::<Value>(without_cdata(&text)) else {
            continue;
        };
        collect_typed(&value, &mut found, 0);
    }
    // Prefer a news or blog article over a generic WebPage.
    found
        .iter()
        .find(|v| has_type(v, |t| t != "WebPage"))
        .or(found.first())
        .cloned()
}

/// The JSON of a JSON-LD block, out of a `<![CDATA[ … ]]>` wrapper (some pages
/// write it as `//<![CDATA[`) and without a trailing `;`.
fn without_cdata(script: &str) -> &str {
    let text = script.trim();
    let text = text.strip_prefix("//").unwrap_or(text).trim_start();
    let text = text.strip_prefix("<![CDATA[").unwrap_or(text).trim_end();
    let text = text.strip_suffix("]]>").unwrap_or(text).trim_end();
    let text = text.strip_suffix("//").unwrap_or(text);
    text.trim().trim_end_matches(';')
}

fn collect_typed(value: &Value, out: &mut Vec<Value>, depth: usize) {
    if depth > 4 {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect_typed(v, out, depth + 1)),
        Value::Object(map) => {
            if has_type(value, |t| ARTICLE_TYPES.contains(&t)) {
                out.push(value.clone());
            }
            if let Some(graph) = map.get("@graph") {
                collect_typed(graph, out, depth + 1);
            }
            if let Some(main) = map.get("mainEntity") {
                collect_typed(main, out, depth + 1);
            }
        }
        _ => {}
    }
}

fn has_type(value: &Value, pred: impl Fn(&str) -> bool) -> bool {
    match value.get("@type") {
        Some(Value::String(t)) => pred(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(pred),
        _ => false,
    }
}

fn publisher_name(article: &Value) -> Option<String> {
    article
        .get("publisher")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(clean)
        .filter(|s| !s.is_empty())
}

/// Names from a JSON-LD `author`: a string, an object with `name`, or an array of either.
fn names(author: Option<&Value>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |name: &str| {
        for n in split_names(name) {
            if !looks_like_url(&n) && !out.contains(&n) {
                out.push(n);
            }
        }
    };
    match author {
        Some(Value::String(s)) => push(s),
        Some(Value::Object(o)) => {
            if let Some(name) = o.get("name").and_then(Value::as_str) {
                push(name);
            }
        }
        Some(Value::Array(items)) => {
            for item in items {
                match item {
                    Value::String(s) => push(s),
                    Value::Object(o) => {
                        if let Some(name) = o.get("name").and_then(Value::as_str) {
                            push(name);
                        }
                    }
                    _ => {}
                }
            }
        }
        _ => {}
    }
    out
}

/// "By Stella Kim and Jennifer Jett" -> both names; a leading "By" dropped.
fn split_names(text: &str) -> Vec<String> {
    let text = clean(text);
    text.split([',', ';', '|'])
        .flat_map(|p| p.split(" and "))
        .flat_map(|p| p.split(" & "))
        .map(|p| {
            let p = p.trim();
            p.strip_prefix("By ")
                .or_else(|| p.strip_prefix("by "))
                .unwrap_or(p)
                .trim()
                .to_string()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn looks_like_url(text: &str) -> bool {
    text.contains("://") || text.starts_with("www.") || text.contains(".com/")
}

/// "https://www.example.com/news/1" -> "www.example.com".
fn host_of(url: &str) -> Option<&str> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    (!host.is_empty()).then_some(host)
}

/// The date part of a timestamp as written ("2024-01-07T01:20:00+09:00" -> 2024-01-07), in the page's own offset.
fn date_part(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d")
        .ok()
        .or_else(|| chrono::DateTime::parse_from_rfc2822(text).ok().map(|d| d.date_naive()))
}

/// The headline most of the page's sources agree on, word for word (the `<h1>`,
/// JSON-LD, OpenGraph, the `<title>`, each without a site-name suffix), when
/// they outvote the `<h1>`; else the visible `<h1>` when it tells the same
/// headline as another source; else the metadata's headline, the `<h1>`, the
/// `<title>`, in that order.
fn choose_headline(
    h1: Option<String>,
    metadata: &[Option<String>],
    title_tag: Option<String>,
    site: Option<&str>,
) -> Option<String> {
    let strip = |c: &String| strip_site_suffix(c, site);
    let cleaned: Vec<String> = metadata.iter().flatten().map(strip).filter(|c| !c.is_empty()).collect();
    let title = title_tag.as_ref().map(strip).filter(|t| !t.is_empty());
    let sources: Vec<&String> = h1.iter().chain(&cleaned).chain(&title).collect();
    // Each source's words once, not once per comparison.
    let words: Vec<Vec<String>> = sources.iter().map(|s| lower_words(s)).collect();
    let votes: Vec<usize> = words.iter().map(|w| words.iter().filter(|o| *o == w).count()).collect();
    let h1_votes = if h1.is_some() { votes[0] } else { 0 };
    if let Some((winner, &most)) = sources
        .iter()
        .zip(&votes)
        .filter(|(_, &v)| v >= 2)
        .max_by_key(|(_, &v)| v)
    {
        if most > h1_votes {
            return Some((*winner).clone());
        }
    }
    if let Some(h1) = &h1 {
        if cleaned.iter().chain(&title).any(|c| similar(c, h1)) {
            return Some(h1.clone());
        }
    }
    cleaned.into_iter().next().or(h1).or(title)
}

/// The words of `text` in lower case, without quote marks and punctuation: two
/// headlines with equal lists tell the same words in the same order.
fn lower_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// "Talks resume | TheHill" -> "Talks resume", when the tail is the site's name or short.
fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
        if let Some(at) = title.rfind(sep) {
            let (head, tail) = (&title[..at], &title[at + sep.len()..]);
            let tail_is_site = site.is_some_and(|s| {
                let (s, t) = (s.to_lowercase(), tail.to_lowercase());
                s.contains(&t) || t.contains(&s)
            });
            if tail_is_site || (tail.split_whitespace().count() <= 3 && head.split_whitespace().count() >= 4) {
                return strip_site_suffix(head.trim(), site);
            }
        }
    }
    title.trim().to_string()
}

/// Most words of the shorter appear in the longer.
fn similar(a: &str, b: &str) -> bool {
    let (wa, wb) = (lower_words(a), lower_words(b));
    let (short, long) = if wa.len() <= wb.len() { (&wa, &wb) } else { (&wb, &wa) };
    !short.is_empty() && short.iter().filter(|w| long.contains(w)).count() * 10 >= short.len() * 8
}

/// Collapses runs of whitespace to single spaces.
pub fn squash(text: &str) -> String {
    // One buffer, filled in a single pass: no vector of words to join.
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Decodes character references left in metadata strings (JSON-LD often carries
/// `&#8216;` or `&amp;` escaped twice), then collapses whitespace.
fn clean(text: &str) -> String {
    if !text.contains('&') {
        return squash(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        // Bytes, not a str slice: 12 bytes can end inside a multi-byte character (`;` is ASCII).
        let end = rest.bytes().take(12).position(|b| b == b';');
        let decoded = end.and_then(|end| decode_reference(&rest[1..end]).map(|c| (c, end + 1)));
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    squash(&out)
}

fn decode_reference(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta_of(html: &str) -> PageMeta {
        read(&Page::from(html))
    }

    /// JSON-LD in a @graph with @context as an object gives headline, authors and date.
    #[test]
    fn json_ld_graph() {
        let m = meta_of(
            r#"<html><head><script type="application/ld+json">{"@context":{"@vocab":"https://schema.org/"},"@graph":[
            {"@type":"WebSite","name":"NBC"},{"@type":"NewsArticle","headline":"Impeachment fails",
            "author":[{"@type":"Person","name":"Stella Kim"},{"@type":"Person","name":"Jennifer Jett"}],
            "datePublished":"2024-12-07T05:12:00+09:00"}]}</script></head><body><h1>Impeachment fails</h1></body></html>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("Impeachment fails"));
        assert_eq!(m.credits.people, ["Stella Kim", "Jennifer Jett"]);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2024, 12, 7));
    }

    /// Meta tags when there is no JSON-LD; the site suffix leaves the headline; URLs are not authors.
    #[test]
    fn meta_tags() {
        let m = meta_of(
            r#"<html><head><meta property="og:site_name" content="TheHill"><meta property="og:title" content="Talks resume in Seoul | TheHill">
            <meta name="author" content="https://www.facebook.com/x"><meta property="article:author" content="Jane Doe">
            <meta property="article:published_time" content="2019-08-20T10:00:00+09:00"></head><body></body></html>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("Talks resume in Seoul"));
        assert_eq!(m.credits.people, ["Jane Doe"]);
        assert_eq!(m.published, NaiveDate::from_ymd_opt(2019, 8, 20));
        assert_eq!(m.site.as_deref(), Some("TheHill"));
    }

    /// A JSON-LD author that is the site itself gives way to a person named in the
    /// meta tags; with no person anywhere, the site is the byline's credit.
    #[test]
    fn site_as_author_gives_way_to_a_person() {
        let page = |meta_author: &str| {
            meta_of(&format!(
                r#"<html><head><meta property="og:site_name" content="Daily Planet">{meta_author}
                <script type="application/ld+json">{{"@type": "NewsArticle", "author": {{"@type": "Organization", "name": "Daily Planet"}}}}</script>
                </head><body></body></html>"#
            ))
        };
        let with_person = page(r#"<meta name="author" content="Ann Lee">"#);
        assert_eq!(with_person.credits.people, ["Ann Lee"]);
        assert_eq!(with_person.credits.agency, None);
        let without = page("");
        assert!(without.credits.people.is_empty());
        assert_eq!(without.credits.agency.as_deref(), Some("Daily Planet"));
    }

    /// JSON-LD wrapped in CDATA is read.
    #[test]
    fn json_ld_in_cdata() {
        for wrapped in [
            r#"<![CDATA[ {"@type":"NewsArticle","author":{"name":"Stella Kim"}} ]]>"#,
            r#"//<![CDATA[
            {"@type":"NewsArticle","author":{"name":"Stella Kim"}};
            //]]>"#,
        ] {
            let m = meta_of(&format!(r#"<script type="application/ld+json">{wrapped}</script>"#));
            assert_eq!(m.credits.people, ["Stella Kim"], "{wrapped}");
        }
    }

    /// Character references left in metadata are decoded.
    #[test]
    fn references_decoded() {
        assert_eq!(
            clean("Swift&#8217;s &#8216;Best&#8217; &amp; more &#x41; &bogus; R&D"),
            "Swift’s ‘Best’ & more A &bogus; R&D"
        );
    }

    /// The headline most sources give outvotes a different `<h1>`.
    #[test]
    fn majority_headline() {
        let m = meta_of(
            r#"<html><head><title>Johannesburg has failed its traders | Daily News</title>
            <meta property="og:title" content="Johannesburg has failed its traders"></head>
            <body><h1>Joburg has failed its traders</h1></body></html>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("Johannesburg has failed its traders"));
    }

    /// Fuzz finding (parse_html): a `&` within 12 bytes of a multi-byte character panicked on a
    /// str slice inside that character.
    #[test]
    fn fuzz_parse_html_ampersand_before_multibyte_char() {
        assert_eq!(clean("&abcdefghij÷ x"), "&abcdefghij÷ x");
        assert_eq!(clean("a &#247;÷&amp"), "a ÷÷&amp");
        let page = r#"<html><head><meta property="og:site_name" content="News &abcdefghij÷"></head></html>"#;
        assert_eq!(meta_of(page).site.as_deref(), Some("News &abcdefghij÷"));
    }

    /// The visible h1 wins over og:title when they tell the same headline.
    #[test]
    fn h1_preferred_when_similar() {
        let m = meta_of(
            r#"<html><head><meta property="og:title" content="Talks resume in Seoul - Site"></head><body><h1>Talks resume in Seoul, officials say</h1></body></html>"#,
        );
        assert_eq!(m.headline.as_deref(), Some("Talks resume in Seoul, officials say"));
    }
}
