//! Raw markup made ready for the parser ([`prepare_markup`]), and attribute look-up on
//! the parsed tree.
//!
//! One scan over the raw markup (in [`super::attributes`]) measures how deep it nests (to
//! refuse absurd pages before html5ever spends quadratic time on them), closes
//! XHTML-style self-closing tags and drops the markup no reader asks for.
//!
//! HTML ignores the `/` in `<object .../>` or `<div/>`, so everything after such a tag
//! would become its child; pages written as XHTML rely on the slash, and an `<a/>` or
//! `<object/>` then swallows the rest of the article. The scan writes the end tag out so
//! html5ever sees what the author meant.

use super::attributes::{Unread, rewrite_markup};
use scraper::node::Element;
use std::borrow::Cow;

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
pub(super) const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "image", "frame", "basefont", "isindex",
];

/// Elements whose end tag is implied by what follows: they do not nest.
pub(super) const IMPLIED_END_TAGS: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "rb", "rt", "rtc", "rp",
];

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

/// Raw markup made ready for the parser, and how deep it nests.
pub struct PreparedMarkup<'a> {
    /// A cheap over-estimate of the nesting depth; the scan stops once past `stop_at`, and
    /// `text` is then incomplete.
    pub deepest: usize,
    /// The markup with `</name>` written after every self-closing tag of a non-void element,
    /// and without the markup no reader asks for.
    pub text: Cow<'a, str>,
}

/// Scans raw markup once: measures its nesting depth, closes self-closing tags and drops
/// the markup no reader asks for ([`super::attributes`]).
pub fn prepare_markup(text: &str, stop_at: usize) -> PreparedMarkup<'_> {
    rewrite_markup(text, stop_at, Unread::Drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closes_self_closing_tags_of_non_void_elements() {
        let cases = [
            (
                "<object data=\"x\"/><p>a</p>",
                "<object /></object><p>a</p>",
            ),
            ("<a id=\"s1\"/>text", "<a id=\"s1\"/></a>text"),
            ("<br/><img src=\"x\"/>", "<br/><img />"),
            // The slash of an unquoted value is part of it.
            ("<a id=x/>y</a>", "<a id=x/>y</a>"),
            ("<a title=\"a/>b\">x</a>", "<a title=\"a/>b\">x</a>"),
            (
                "<script>if (a</b) {}</script><div/>",
                "<script></script><div/></div>",
            ),
            ("<a id=\"s1\" style=\"x\"/>text", "<a id=\"s1\" /></a>text"),
            ("<noscript><a/></noscript>", "<noscript><a/></noscript>"),
            ("<select/><p>", "<select/></select><p>"),
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
