//! The `--max-depth` guard: flattens markup nested deeper than a limit before
//! any HTML parser sees it, in one linear pass, so a hostile page (100,000
//! nested `<div>`s) costs linear time. Tags beyond the limit are dropped with
//! their matching end tags; their text stays.
//!
//! The same pass empties scripts (JSON-LD blocks excepted), styles and comments,
//! and drops attributes no reader uses (data attributes, event handlers, image
//! source sets): they are well over half the bytes of a news page, which the
//! parser would otherwise tokenise character by character.

use rustc_hash::FxHashMap;
use std::borrow::Cow;

/// Elements that never have content, so they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements no reader of the page uses, dropped whole: navigation menus, icons,
/// form controls, sidebars (`<aside>`: teasers, pull quotes that repeat the text).
const UNUSED: &[&str] = &["nav", "svg", "select", "button", "template", "aside"];

/// Attributes no reader of the page uses, besides `data-*`, `on*` event handlers and
/// `aria-*` labels: about 15% of a news page's bytes once its scripts are emptied.
/// Readability reads `class`, `id`, `style`, `hidden`, `role` and `aria-hidden`;
/// the metadata layer reads `rel`, `href`, `itemprop`, `property`, `name`, `content`.
const UNUSED_ATTRIBUTES: &[&str] = &["srcset", "sizes", "loading", "decoding", "target", "tabindex"];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// A page made ready for the parser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    pub html: String,
    /// Whether elements nested deeper than the limit were unwrapped.
    pub flattened: bool,
}

/// `html` with every element deeper than `max_depth` unwrapped, and scripts,
/// styles and comments emptied.
pub fn prepare(html: &str, max_depth: usize) -> Prepared {
    let mut out = String::with_capacity(html.len());
    // Open elements: (name, kept). `open_counts` answers "is X open?" in O(1).
    let mut stack: Vec<(Cow<str>, bool)> = Vec::new();
    // FxHash: the keys are short tag names, hashed once per tag.
    let mut open_counts: FxHashMap<Cow<str>, usize> = FxHashMap::default();
    let mut depth = 0usize;
    let mut changed = false;
    // Off after an unclosed unused element, so that dropping stays linear.
    let mut drop_unused = true;
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        let Some(tag) = Tag::read(rest) else {
            out.push('<');
            rest = &rest[1..];
            continue;
        };
        let text = &rest[..tag.len];
        rest = &rest[tag.len..];
        match tag.kind {
            TagKind::Comment => {}
            TagKind::Other => out.push_str(text),
            TagKind::Start { name, self_closing } => {
                if drop_unused && !self_closing && UNUSED.contains(&&*name) {
                    match element_end(rest, &name) {
                        Some(end) => {
                            rest = &rest[end..];
                            continue;
                        }
                        None => drop_unused = false,
                    }
                }
                if self_closing || VOID.contains(&&*name) {
                    push_start_tag(&mut out, text, tag.name_end);
                } else if RAW_TEXT.contains(&&*name) {
                    // Copy the raw text through its end tag, or drop it when unused.
                    out.push_str(text);
                    let end = find_end_tag(rest, &name).unwrap_or(rest.len());
                    if !is_unused_raw_text(&name, text) {
                        out.push_str(&rest[..end]);
                    }
                    rest = &rest[end..];
                } else {
                    let kept = depth < max_depth;
                    if kept {
                        push_start_tag(&mut out, text, tag.name_end);
                        depth += 1;
                    } else {
                        changed = true;
                    }
                    // Looked up by reference: the name is copied only for a first open.
                    match open_counts.get_mut(&*name) {
                        Some(count) => *count += 1,
                        None => {
                            open_counts.insert(name.clone(), 1);
                        }
                    }
                    stack.push((name, kept));
                }
            }
            TagKind::End { name } => {
                if open_counts.get(&*name).copied().unwrap_or(0) == 0 {
                    // A stray end tag: harmless to the parser, keep it.
                    out.push_str(text);
                    continue;
                }
                // Close up to and including the matching element, as a parser would.
                while let Some((open, kept)) = stack.pop() {
                    if let Some(count) = open_counts.get_mut(&*open) {
                        *count -= 1;
                    }
                    if kept {
                        depth -= 1;
                    }
                    if open == name {
                        if kept {
                            out.push_str(text);
                        }
                        break;
                    }
                }
            }
        }
    }
    out.push_str(rest);
    Prepared {
        html: out,
        flattened: changed,
    }
}

/// Copies a start tag without its unused attributes. `name_end` is the offset just
/// past the element name; anything the attribute scan does not understand is copied
/// as it is, for the parser to make sense of.
fn push_start_tag(out: &mut String, tag: &str, name_end: usize) {
    let bytes = tag.as_bytes();
    out.push_str(&tag[..name_end]);
    let mut at = name_end;
    loop {
        let attribute_start = at;
        at = skip_whitespace(bytes, at);
        let name_start = at;
        while at < bytes.len() && !is_attribute_name_end(bytes[at]) {
            at += 1;
        }
        if at == name_start {
            // `>`, `/>`, or markup the scan does not follow.
            out.push_str(&tag[attribute_start..]);
            return;
        }
        let name = &tag[name_start..at];
        let after_name = skip_whitespace(bytes, at);
        if bytes.get(after_name) == Some(&b'=') {
            match value_end(bytes, skip_whitespace(bytes, after_name + 1)) {
                Some(end) => at = end,
                None => {
                    out.push_str(&tag[attribute_start..]);
                    return;
                }
            }
        }
        if !is_unused_attribute(name) {
            // `a="1"b="2"` parses as two attributes: keep them apart once the one
            // before is gone.
            if attribute_start == name_start {
                out.push(' ');
            }
            out.push_str(&tag[attribute_start..at]);
        }
    }
}

fn skip_whitespace(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

fn is_attribute_name_end(b: u8) -> bool {
    matches!(b, b'=' | b'>' | b'/') || b.is_ascii_whitespace()
}

/// Offset just past an attribute value starting at `at` (quoted or not); `None`
/// when a quote never closes.
fn value_end(bytes: &[u8], at: usize) -> Option<usize> {
    match bytes.get(at) {
        Some(&quote @ (b'"' | b'\'')) => {
            let close = bytes[at + 1..].iter().position(|&b| b == quote)?;
            Some(at + 1 + close + 1)
        }
        _ => {
            let mut end = at;
            while end < bytes.len() && !bytes[end].is_ascii_whitespace() && bytes[end] != b'>' {
                end += 1;
            }
            Some(end)
        }
    }
}

fn is_unused_attribute(name: &str) -> bool {
    let starts_with = |prefix: &str| {
        name.len() > prefix.len() && name.as_bytes()[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    starts_with("data-")
        || starts_with("on")
        || (starts_with("aria-") && !name.eq_ignore_ascii_case("aria-hidden"))
        || UNUSED_ATTRIBUTES.iter().any(|unused| name.eq_ignore_ascii_case(unused))
}

/// Scripts other than JSON-LD, and styles: nothing reads them.
fn is_unused_raw_text(name: &str, start_tag: &str) -> bool {
    match name {
        "style" => true,
        "script" => !start_tag.to_ascii_lowercase().contains("ld+json"),
        _ => false,
    }
}

/// A tag name in lower case: borrowed from the page when written so, as most are.
type Name<'a> = Cow<'a, str>;

enum TagKind<'a> {
    Start {
        name: Name<'a>,
        self_closing: bool,
    },
    End {
        name: Name<'a>,
    },
    Comment,
    /// Doctypes, processing instructions.
    Other,
}

struct Tag<'a> {
    kind: TagKind<'a>,
    /// Offset just past the element name (start and end tags).
    name_end: usize,
    /// Bytes of the tag, `<` through `>`.
    len: usize,
}

impl<'a> Tag<'a> {
    /// Reads the tag at the start of `s` (which starts with `<`), or `None` when it is not one.
    fn read(s: &'a str) -> Option<Tag<'a>> {
        let bytes = s.as_bytes();
        if s.starts_with("<!--") {
            let len = s.find("-->").map_or(s.len(), |i| i + 3);
            return Some(Tag {
                kind: TagKind::Comment,
                name_end: 0,
                len,
            });
        }
        if matches!(bytes.get(1), Some(b'!' | b'?')) {
            let len = s.find('>').map_or(s.len(), |i| i + 1);
            return Some(Tag {
                kind: TagKind::Other,
                name_end: 0,
                len,
            });
        }
        let end_tag = bytes.get(1) == Some(&b'/');
        let name_start = if end_tag { 2 } else { 1 };
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let name_len = s[name_start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':'))
            .unwrap_or(s.len() - name_start);
        let written = &s[name_start..name_start + name_len];
        let name = if written.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(written.to_ascii_lowercase())
        } else {
            Cow::Borrowed(written)
        };
        let len = tag_end(s, name_start + name_len)?;
        let kind = if end_tag {
            TagKind::End { name }
        } else {
            TagKind::Start {
                name,
                self_closing: s[..len].trim_end_matches('>').ends_with('/'),
            }
        };
        Some(Tag {
            kind,
            name_end: name_start + name_len,
            len,
        })
    }
}

/// Byte length through the `>` that ends a tag, skipping quoted attribute values.
/// Jumps from delimiter to delimiter: attribute values are most of a page's bytes.
fn tag_end(s: &str, from: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut at = from;
    loop {
        let delimiter = at + memchr::memchr3(b'>', b'"', b'\'', &bytes[at..])?;
        match bytes[delimiter] {
            b'>' => return Some(delimiter + 1),
            quote => at = delimiter + 1 + memchr::memchr(quote, &bytes[delimiter + 1..])? + 1,
        }
    }
}

/// Offset just past the end tag closing an element named `name` whose start tag
/// was just read, counting nested elements of the same name.
fn element_end(s: &str, name: &str) -> Option<usize> {
    let mut open = 1usize;
    let mut at = 0;
    while let Some(lt) = s[at..].find('<') {
        at += lt;
        let Some(tag) = Tag::read(&s[at..]) else {
            at += 1;
            continue;
        };
        at += tag.len;
        match tag.kind {
            TagKind::Start {
                name: ref inner,
                self_closing: false,
            } if inner == name => open += 1,
            TagKind::Start { name: ref inner, .. } if RAW_TEXT.contains(&&**inner) => {
                at += find_end_tag(&s[at..], inner).unwrap_or(s.len() - at);
            }
            TagKind::End { name: ref inner } if inner == name => {
                open -= 1;
                if open == 0 {
                    return Some(at);
                }
            }
            _ => {}
        }
    }
    None
}

/// Offset of `</name` (any case) in `s`.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    memchr::memmem::find_iter(s.as_bytes(), b"</").find(|&at| {
        s.as_bytes()
            .get(at + 2..at + 2 + name.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flatten(html: &str, max_depth: usize) -> String {
        prepare(html, max_depth).html
    }

    /// Shallow pages pass through untouched.
    #[test]
    fn shallow_untouched() {
        let html = "<html><body><div><p>Hi</p></div></body></html>";
        assert_eq!(
            prepare(html, 512),
            Prepared {
                html: html.to_string(),
                flattened: false
            }
        );
        assert!(!prepare(html, 4).flattened);
        assert!(prepare(html, 3).flattened);
    }

    /// Elements past the limit are unwrapped, their text kept, the rest balanced.
    #[test]
    fn deep_flattened() {
        let html = "<div><div><div><p>text</p></div></div></div><p>after</p>";
        assert_eq!(flatten(html, 2), "<div><div>text</div></div><p>after</p>");
    }

    /// 100,000 nested divs flatten in linear time to the limit.
    #[test]
    fn hostile_nesting() {
        let html = format!("{}<p>deep</p>{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        let flat = flatten(&html, 512);
        assert_eq!(flat.matches("<div>").count(), 512);
        assert_eq!(flat.matches("</div>").count(), 512);
        assert!(flat.contains("deep"));
    }

    /// Scripts, comments, void and self-closing elements never count as depth.
    #[test]
    fn raw_text_and_voids() {
        let html = "<div><textarea>if (a<b) { x = '<div>'; }</textarea><br><img src='a>b'/><p>x</p></div>";
        assert_eq!(
            flatten(html, 1),
            "<div><textarea>if (a<b) { x = '<div>'; }</textarea><br><img src='a>b'/>x</div>"
        );
    }

    /// Scripts, styles and comments are emptied; JSON-LD scripts are kept.
    #[test]
    fn unused_raw_text_emptied() {
        let html = r#"<head><SCRIPT>var a = "<div>";</SCRIPT><style>p { color: red }</style><!-- <p>note</p> -->
            <script type="application/ld+json">{"headline": "<b>"}</script></head>"#;
        assert_eq!(
            flatten(html, 512),
            r#"<head><SCRIPT></SCRIPT><style></style>
            <script type="application/ld+json">{"headline": "<b>"}</script></head>"#
        );
    }

    /// Menus, icons and form controls are dropped whole, nested ones too; an
    /// unclosed one is kept.
    #[test]
    fn unused_elements_dropped() {
        let html = "<p>a</p><nav><ul><li>Home</li></ul><nav>inner</nav></nav><p>b<svg><path d='M0'/></svg></p>";
        assert_eq!(flatten(html, 512), "<p>a</p><p>b</p>");
        assert_eq!(flatten("<p>a</p><nav>menu", 512), "<p>a</p><nav>menu");
    }

    /// Attributes nothing reads are dropped; the rest, and markup the scan does not
    /// follow, are copied as they are.
    #[test]
    fn unused_attributes_dropped() {
        let html = r#"<div class="story" data-track='{"a": 1}' onClick="go()"><img src=a.jpg srcset="a 1x, b 2x" alt="A"/><p aria-label="x" aria-hidden="true" id=p1>Text</p></div>"#;
        assert_eq!(
            flatten(html, 512),
            r#"<div class="story"><img src=a.jpg alt="A"/><p aria-hidden="true" id=p1>Text</p></div>"#
        );
        assert_eq!(flatten("<p data-x=\"open>t</p>", 512), "<p data-x=\"open>t</p>");
        assert_eq!(flatten("<p hidden data-x>t</p>", 512), "<p hidden>t</p>");
        assert_eq!(flatten(r#"<a data-x="1"class=c>t</a>"#, 512), "<a class=c>t</a>");
    }

    proptest::proptest! {
        // Any markup-like text: no panic, text outside tags kept, and the output grows at
        // most by the spaces that keep glued attributes apart.
        #[test]
        fn any_markup_prepares(html in "(<|>|</|=|\"|'|/| |\\PC|p|div|data-x|on|class|script|!--|-->){0,80}") {
            let out = prepare(&html, 8).html;
            proptest::prop_assert!(out.len() <= 2 * html.len());
        }
    }

    /// Stray and unclosed tags do not panic and keep text.
    #[test]
    fn malformed_markup() {
        let flat = flatten("</p><div><span>a</div>b<", 1);
        assert!(flat.contains('a') && flat.contains('b'));
        let _ = flatten("<a href=\"unterminated", 0);
        let _ = flatten("<", 0);
    }
}
