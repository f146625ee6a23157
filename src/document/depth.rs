//! The `--max-depth` guard: flattens markup nested deeper than a limit before
//! any HTML parser sees it, in one linear pass, so a hostile page (100,000
//! nested `<div>`s) costs linear time. Tags beyond the limit are dropped with
//! their matching end tags; their text stays.
//!
//! The same pass empties scripts (JSON-LD blocks excepted), styles and comments:
//! no reader of the page uses them, and they are about half the bytes of a news
//! page, which the parser would otherwise tokenise character by character.

use std::collections::HashMap;

/// Elements that never have content, so they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements no reader of the page uses, dropped whole: navigation menus, icons,
/// form controls, sidebars (`<aside>`: teasers, pull quotes that repeat the text).
const UNUSED: &[&str] = &["nav", "svg", "select", "button", "template", "aside"];

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
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut open_counts: HashMap<String, usize> = HashMap::new();
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
            TagKind::Start { ref name, self_closing } => {
                if drop_unused && !self_closing && UNUSED.contains(&name.as_str()) {
                    match element_end(rest, name) {
                        Some(end) => {
                            rest = &rest[end..];
                            continue;
                        }
                        None => drop_unused = false,
                    }
                }
                if self_closing || VOID.contains(&name.as_str()) {
                    out.push_str(text);
                } else if RAW_TEXT.contains(&name.as_str()) {
                    // Copy the raw text through its end tag, or drop it when unused.
                    out.push_str(text);
                    let end = find_end_tag(rest, name).unwrap_or(rest.len());
                    if !is_unused_raw_text(name, text) {
                        out.push_str(&rest[..end]);
                    }
                    rest = &rest[end..];
                } else {
                    let kept = depth < max_depth;
                    if kept {
                        out.push_str(text);
                        depth += 1;
                    } else {
                        changed = true;
                    }
                    *open_counts.entry(name.clone()).or_default() += 1;
                    stack.push((name.clone(), kept));
                }
            }
            TagKind::End { ref name } => {
                if open_counts.get(name).copied().unwrap_or(0) == 0 {
                    // A stray end tag: harmless to the parser, keep it.
                    out.push_str(text);
                    continue;
                }
                // Close up to and including the matching element, as a parser would.
                while let Some((open, kept)) = stack.pop() {
                    if let Some(count) = open_counts.get_mut(&open) {
                        *count -= 1;
                    }
                    if kept {
                        depth -= 1;
                    }
                    if open == *name {
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

/// Scripts other than JSON-LD, and styles: nothing reads them.
fn is_unused_raw_text(name: &str, start_tag: &str) -> bool {
    match name {
        "style" => true,
        "script" => !start_tag.to_ascii_lowercase().contains("ld+json"),
        _ => false,
    }
}

enum TagKind {
    Start {
        name: String,
        self_closing: bool,
    },
    End {
        name: String,
    },
    Comment,
    /// Doctypes, processing instructions.
    Other,
}

struct Tag {
    kind: TagKind,
    /// Bytes of the tag, `<` through `>`.
    len: usize,
}

impl Tag {
    /// Reads the tag at the start of `s` (which starts with `<`), or `None` when it is not one.
    fn read(s: &str) -> Option<Tag> {
        let bytes = s.as_bytes();
        if s.starts_with("<!--") {
            let len = s.find("-->").map_or(s.len(), |i| i + 3);
            return Some(Tag {
                kind: TagKind::Comment,
                len,
            });
        }
        if matches!(bytes.get(1), Some(b'!' | b'?')) {
            let len = s.find('>').map_or(s.len(), |i| i + 1);
            return Some(Tag {
                kind: TagKind::Other,
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
        let name = s[name_start..name_start + name_len].to_ascii_lowercase();
        let len = tag_end(s, name_start + name_len)?;
        let kind = if end_tag {
            TagKind::End { name }
        } else {
            TagKind::Start {
                name,
                self_closing: s[..len].trim_end_matches('>').ends_with('/'),
            }
        };
        Some(Tag { kind, len })
    }
}

/// Byte length through the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(s: &str, from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, b) in s.bytes().enumerate().skip(from) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
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
            TagKind::Start { name: ref inner, .. } if RAW_TEXT.contains(&inner.as_str()) => {
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
    s.match_indices("</").map(|(at, _)| at).find(|&at| {
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

    /// Stray and unclosed tags do not panic and keep text.
    #[test]
    fn malformed_markup() {
        let flat = flatten("</p><div><span>a</div>b<", 1);
        assert!(flat.contains('a') && flat.contains('b'));
        let _ = flatten("<a href=\"unterminated", 0);
        let _ = flatten("<", 0);
    }
}
