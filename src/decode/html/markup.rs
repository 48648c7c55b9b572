//! Cheap scans of raw markup before parsing: how deep it nests (to refuse absurd pages
//! before html5ever spends quadratic time on them), and XHTML-style self-closing tags, both
//! in one pass ([`prepare_markup`]).
//!
//! HTML ignores the `/` in `<object .../>` or `<div/>`, so everything after such a tag
//! would become its child; pages written as XHTML rely on the slash, and an `<a/>` or
//! `<object/>` then swallows the rest of the article. [`prepare_markup`] writes
//! the end tag out so html5ever sees what the author meant.

use memchr::{memchr, memchr3};
use scraper::node::Element;
use std::borrow::Cow;
use std::sync::LazyLock;

/// The value of an element's attribute, found by comparing names.
///
/// `Element::attr` turns the name into an interned atom first (a hash, and a global lock for
/// names outside html5ever's static set such as `data-test`) on every call; a page asks
/// this of every element several times, and elements carry only a few attributes.
pub fn attribute<'a>(element: &'a Element, name: &str) -> Option<&'a str> {
    element
        .attrs()
        .find_map(|(key, value)| (key == name).then_some(value))
}

/// Elements that never have children: their `/>` is already right.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "image", "frame", "basefont", "isindex",
];

/// Elements whose end tag is implied by what follows: they do not nest.
const IMPLIED_END_TAGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rtc", "rp",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT_TAGS: &[&str] = &["script", "style", "textarea", "title", "xmp"];

/// One tag found by the scanner.
struct Tag<'a> {
    name: &'a str,
    class: TagClass,
    closing: bool,
    self_closing: bool,
    /// Byte offset just after the tag's `>`.
    end: usize,
}

/// Walks the tags of raw markup, skipping comments and raw-text element content.
struct TagScanner<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> TagScanner<'a> {
    fn new(text: &'a str) -> Self {
        TagScanner { text, at: 0 }
    }
}

impl<'a> Iterator for TagScanner<'a> {
    type Item = Tag<'a>;

    fn next(&mut self) -> Option<Tag<'a>> {
        let bytes = self.text.as_bytes();
        loop {
            let lt = self.at + memchr(b'<', &bytes[self.at..])?;
            let rest = &bytes[lt + 1..];
            if rest.starts_with(b"!--") {
                self.at =
                    memchr::memmem::find(&bytes[lt..], b"-->").map_or(bytes.len(), |e| lt + e + 3);
                continue;
            }
            let closing = rest.first() == Some(&b'/');
            let name_start = lt + 1 + usize::from(closing);
            let name_len = bytes[name_start..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-' || **b == b':')
                .count();
            if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
                self.at = lt + 1;
                continue;
            }
            let end = tag_end(bytes, name_start + name_len);
            let name = &self.text[name_start..name_start + name_len];
            let self_closing = !closing && end >= 2 && bytes[end - 2] == b'/';
            self.at = end;
            let class = tag_class(name);
            if !closing && !self_closing && class == TagClass::RawText {
                self.at =
                    find_end_tag(&bytes[end..], name.as_bytes()).map_or(bytes.len(), |i| end + i);
            }
            return Some(Tag {
                name,
                class,
                closing,
                self_closing,
                end,
            });
        }
    }
}

/// Offset just past the `>` that ends a tag, honouring quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    // Jumps from quote to quote rather than looking at every byte of the attributes.
    while let Some(i) = memchr3(b'>', b'"', b'\'', &bytes[at..]) {
        let found = at + i;
        if bytes[found] == b'>' {
            return found + 1;
        }
        let Some(close) = memchr(bytes[found], &bytes[found + 1..]) else {
            break;
        };
        at = found + 1 + close + 1;
    }
    bytes.len()
}

/// Offset of `</name` (any case) in `bytes`.
fn find_end_tag(bytes: &[u8], name: &[u8]) -> Option<usize> {
    // A `<` then a `/`: scripts hold few `<`, and a one-byte search needs no searcher built
    // per call.
    let mut from = 0;
    while let Some(pos) = memchr(b'<', &bytes[from..]) {
        let at = from + pos;
        let candidate = &bytes[at + 1..];
        if candidate.first() == Some(&b'/')
            && candidate.len() > name.len()
            && candidate[1..=name.len()].eq_ignore_ascii_case(name)
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Which of the tag tables ([`VOID_TAGS`], [`IMPLIED_END_TAGS`], [`RAW_TEXT_TAGS`]) a tag
/// name is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TagClass {
    Void,
    ImpliedEnd,
    RawText,
    Other,
}

/// Short lower-case ASCII names (tag or attribute names) looked up by bytes of any case.
/// Every tag and attribute of a page is looked up: names are kept in buckets by length and
/// first letter, so a look-up compares the name with the one or two table names of its
/// shape (most names, `div`, `span`, `style`, `src`, `data-*`, have none) and hashes nothing.
pub(super) struct NameTable<V: Copy + 'static> {
    /// `SHAPE_LETTERS` buckets per length up to [`NAME_TABLE_LONGEST`].
    buckets: Vec<Vec<(&'static [u8], V)>>,
}

/// Longest name a [`NameTable`] holds.
pub(super) const NAME_TABLE_LONGEST: usize = 16;

/// Buckets per length: `a`..`z`, and one for any other first byte.
const SHAPE_LETTERS: usize = 27;

/// The bucket of a name of `len` bytes starting with `first` (either case).
fn bucket_of(len: usize, first: u8) -> usize {
    let lower = first.to_ascii_lowercase();
    let letter = if lower.is_ascii_lowercase() {
        usize::from(lower - b'a')
    } else {
        SHAPE_LETTERS - 1
    };
    len * SHAPE_LETTERS + letter
}

impl<V: Copy + 'static> NameTable<V> {
    /// The table of `(names, value)` groups; a name in several groups keeps the first value.
    pub(super) fn new(groups: &[(&[&'static str], V)]) -> Self {
        let mut buckets = vec![Vec::new(); (NAME_TABLE_LONGEST + 1) * SHAPE_LETTERS];
        for (group, value) in groups {
            for name in *group {
                let bytes = name.as_bytes();
                assert!(
                    !bytes.is_empty()
                        && bytes.len() <= NAME_TABLE_LONGEST
                        && !bytes.iter().any(u8::is_ascii_uppercase),
                    "{name}: a table name is short, not empty and lower-case"
                );
                let bucket: &mut Vec<(&'static [u8], V)> =
                    &mut buckets[bucket_of(bytes.len(), bytes[0])];
                if !bucket.iter().any(|(n, _)| *n == bytes) {
                    bucket.push((bytes, *value));
                }
            }
        }
        NameTable { buckets }
    }

    /// The value of `name` (ASCII case ignored).
    pub(super) fn get(&self, name: &[u8]) -> Option<V> {
        let first = *name.first()?;
        if name.len() > NAME_TABLE_LONGEST {
            return None;
        }
        self.buckets[bucket_of(name.len(), first)]
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|&(_, v)| v)
    }
}

/// The table a tag name (any case) is in.
fn tag_class(name: &str) -> TagClass {
    static CLASSES: LazyLock<NameTable<TagClass>> = LazyLock::new(|| {
        NameTable::new(&[
            (VOID_TAGS, TagClass::Void),
            (IMPLIED_END_TAGS, TagClass::ImpliedEnd),
            (RAW_TEXT_TAGS, TagClass::RawText),
        ])
    });
    CLASSES.get(name.as_bytes()).unwrap_or(TagClass::Other)
}

/// Raw markup made ready for the parser, and how deep it nests.
pub struct PreparedMarkup<'a> {
    /// A cheap over-estimate of the nesting depth; the scan stops once past `stop_at`, and
    /// `text` is then incomplete.
    pub deepest: usize,
    /// The markup with `</name>` written after every self-closing tag of a non-void element.
    pub text: Cow<'a, str>,
}

/// Scans raw markup once: measures its nesting depth and closes self-closing tags.
pub fn prepare_markup(text: &str, stop_at: usize) -> PreparedMarkup<'_> {
    let mut depth = 0usize;
    let mut deepest = 0usize;
    let mut out: Option<String> = None;
    let mut copied = 0;
    for tag in TagScanner::new(text) {
        let void = tag.class == TagClass::Void;
        if tag.self_closing && !void {
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + 256));
            out.push_str(&text[copied..tag.end]);
            out.push_str("</");
            out.push_str(tag.name);
            out.push('>');
            copied = tag.end;
        }
        if tag.self_closing || void || tag.class == TagClass::ImpliedEnd {
            continue;
        }
        if tag.closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            deepest = deepest.max(depth);
            if deepest > stop_at {
                break;
            }
        }
    }
    let text = match out {
        Some(mut out) => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        None => Cow::Borrowed(text),
    };
    PreparedMarkup { deepest, text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closes_self_closing_tags_of_non_void_elements() {
        let cases = [
            (
                "<object data=\"x\"/><p>a</p>",
                "<object data=\"x\"/></object><p>a</p>",
            ),
            ("<a name=\"s1\"/>text", "<a name=\"s1\"/></a>text"),
            ("<br/><img src=\"x\"/>", "<br/><img src=\"x\"/>"),
            ("<a title=\"a/>b\">x</a>", "<a title=\"a/>b\">x</a>"),
            (
                "<script>if (a</b) {}</script><div/>",
                "<script>if (a</b) {}</script><div/></div>",
            ),
            ("<!-- <div/> --><p>", "<!-- <div/> --><p>"),
        ];
        for (input, want) in cases {
            assert_eq!(prepare_markup(input, 100).text, want, "{input}");
        }
    }

    #[test]
    fn estimates_nesting_depth() {
        let cases = [
            ("<div><div><span>x</span></div></div>", 3),
            ("<p>a<p>b<p>c<br><img>", 0),
            ("<ul><li>a<li>b</ul>", 1),
            ("<script>\"<div><div><div>\"</script><div></div>", 1),
            ("<div/><div/>", 0),
        ];
        for (input, want) in cases {
            assert_eq!(prepare_markup(input, 100).deepest, want, "{input}");
        }
    }
}
