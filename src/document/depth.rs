//! The `--max-depth` guard: flattens markup nested deeper than a limit before
//! any HTML parser sees it, in one linear pass, so a hostile page (100,000
//! nested `<div>`s) costs linear time. Tags beyond the limit are dropped with
//! their matching end tags; their text stays.

use std::borrow::Cow;
use std::collections::HashMap;

/// Elements that never have content, so they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// `html` with every element deeper than `max_depth` unwrapped (borrowed when nothing is).
pub fn flatten(html: &str, max_depth: usize) -> Cow<'_, str> {
    // Fast path: a page with fewer start tags than the limit cannot exceed it.
    if html.matches('<').count() <= max_depth {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    // Open elements: (name, kept). `open_counts` answers "is X open?" in O(1).
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut open_counts: HashMap<String, usize> = HashMap::new();
    let mut depth = 0usize;
    let mut changed = false;
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
            TagKind::Other => out.push_str(text),
            TagKind::Start { ref name, self_closing } => {
                if self_closing || VOID.contains(&name.as_str()) {
                    out.push_str(text);
                } else if RAW_TEXT.contains(&name.as_str()) {
                    // Copy the raw text through its end tag untouched.
                    out.push_str(text);
                    let end = find_end_tag(rest, name).unwrap_or(rest.len());
                    out.push_str(&rest[..end]);
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
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
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
    /// Comments, doctypes, processing instructions.
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
                kind: TagKind::Other,
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

/// Offset of `</name` (any case) in `s`.
fn find_end_tag(s: &str, name: &str) -> Option<usize> {
    let needle = format!("</{name}");
    s.as_bytes()
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Shallow pages pass through untouched (borrowed).
    #[test]
    fn shallow_untouched() {
        let html = "<html><body><div><p>Hi</p></div></body></html>";
        assert!(matches!(flatten(html, 512), Cow::Borrowed(_)));
        assert!(matches!(flatten(html, 4), Cow::Borrowed(_)));
        assert!(matches!(flatten(html, 3), Cow::Owned(_)));
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
        let html = "<div><script>if (a<b) { x = '<div>'; }</script><br><img src='a>b'/><!-- <div> --><p>x</p></div>";
        assert_eq!(
            flatten(html, 1),
            "<div><script>if (a<b) { x = '<div>'; }</script><br><img src='a>b'/><!-- <div> -->x</div>"
        );
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
