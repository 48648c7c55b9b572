//! Link annotations that point at a DOI resolver: the DOI written into the page text.
//!
//! Reference lists often show a DOI only as a link behind a label ("Publisher Full Text",
//! "CrossRef", "Article"); a browser print keeps every link of the page the same way. Like
//! the HTML decoder does with a reference's links, the DOI behind such a link is written
//! into the text as `doi:…` after the last word the link covers, unless the covered words
//! show a DOI already. Takes a page's `/Annots` and its [`PageText`]; gives the page text
//! with the DOIs added. Widths and positions are unchanged, so the layout is too.

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::content::PageText;
use super::fonts::deref;
use crate::decode::html::markdown::doi_of_href;

/// Most link annotations read per page, against pathological files.
const MAX_LINKS: usize = 5000;

/// A link to a DOI resolver: its rectangle in device space (y growing downwards, like the
/// words') and the DOI.
#[derive(Debug, Clone, PartialEq)]
pub struct DoiLink {
    pub x0: f32,
    pub x1: f32,
    pub top: f32,
    pub bottom: f32,
    pub doi: String,
}

/// Whether an annotation may be a link to a DOI resolver: a link whose action is stored
/// apart, or names a DOI resolver. Cheap, for dropping other annotations as they load.
pub fn may_link_to_doi(annot: &Dictionary) -> bool {
    if annot.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Link") {
        return false;
    }
    match annot.get(b"A") {
        Ok(Object::Reference(_)) => true,
        Ok(Object::Dictionary(action)) => {
            matches!(action.get(b"URI"), Ok(Object::String(uri, _)) if names_doi_resolver(uri))
        }
        _ => false,
    }
}

/// Whether a URI's bytes hold a DOI resolver's host, before reading it as text.
fn names_doi_resolver(uri: &[u8]) -> bool {
    memchr::memmem::find(uri, b"doi.org/").is_some()
}

/// The DOI links of a page, in annotation order.
pub fn page_doi_links(doc: &Document, page_id: ObjectId) -> Vec<DoiLink> {
    let Ok(page) = doc.get_dictionary(page_id) else {
        return Vec::new();
    };
    let Some(annots) = deref(doc, page.get(b"Annots").ok()).and_then(|o| o.as_array().ok()) else {
        return Vec::new();
    };
    annots
        .iter()
        .take(MAX_LINKS)
        .filter_map(|a| deref(doc, Some(a)).and_then(|o| o.as_dict().ok()))
        .filter_map(|annot| {
            let action = deref(doc, annot.get(b"A").ok())?.as_dict().ok()?;
            let uri = deref(doc, action.get(b"URI").ok())?;
            let uri = match uri {
                Object::String(bytes, _) if names_doi_resolver(bytes) => {
                    String::from_utf8_lossy(bytes)
                }
                _ => return None,
            };
            let doi = doi_of_href(&uri)?;
            let rect = deref(doc, annot.get(b"Rect").ok())?.as_array().ok()?;
            let n = |i: usize| deref(doc, rect.get(i)).and_then(|o| o.as_float().ok());
            let (x0, y0, x1, y1) = (n(0)?, n(1)?, n(2)?, n(3)?);
            Some(DoiLink {
                x0: x0.min(x1),
                x1: x0.max(x1),
                top: -y0.max(y1),
                bottom: -y0.min(y1),
                doi,
            })
        })
        .collect()
}

/// Writes each link's DOI before the words it covers (a word is covered when the middle of
/// its body lies inside the link) when they read as link labels ("Publisher Full Text",
/// "CrossRef") and show no DOI themselves: "… 327–38. doi:10.… PubMed Abstract", like the
/// HTML decoder's "… 327–38. doi:10.…" over its labels. Links over other text (a linked
/// title, an in-text citation, a journal name) are left alone: a DOI there would cut the
/// reference or the sentence in two.
pub fn attach_doi_links(page: &mut PageText, links: &[DoiLink]) {
    if links.is_empty() {
        return;
    }
    // Words by baseline, so each link looks only at the words at its height.
    let mut by_y: Vec<usize> = (0..page.words.len()).collect();
    by_y.sort_by(|&a, &b| page.words[a].y.total_cmp(&page.words[b].y));
    let largest = page.words.iter().map(|w| w.size).fold(0.0, f32::max);
    let mut label = String::new();
    for link in links {
        let mut first: Option<usize> = None;
        let mut shows_doi = false;
        label.clear();
        let from = by_y.partition_point(|&i| page.words[i].y < link.top);
        let to = by_y.partition_point(|&i| page.words[i].y <= link.bottom + 0.3 * largest);
        for &i in by_y.get(from..to).unwrap_or_default() {
            let w = &page.words[i];
            let (cx, cy) = ((w.x0 + w.x1) / 2.0, w.y - 0.3 * w.size);
            if cx < link.x0 || cx > link.x1 || cy < link.top || cy > link.bottom {
                continue;
            }
            let text = page.word_text(w);
            shows_doi |= holds_doi(text);
            if label.len() < 200 {
                label.push_str(text);
                label.push(' ');
            }
            if first.is_none_or(|k| {
                let f = &page.words[k];
                (w.y, w.x0) < (f.y, f.x0)
            }) {
                first = Some(i);
            }
        }
        let Some(k) = first.filter(|_| !shows_doi && crate::rules::is_link_residue(&label)) else {
            continue;
        };
        let (target, split) = match glued_label_start(page, k, link) {
            Some((glued, at)) => (glued, at),
            None => (k, 0),
        };
        let word = page.words[target];
        let (head, tail) = page.word_text(&word).split_at(split);
        let mut rewritten = String::with_capacity(head.len() + tail.len() + link.doi.len() + 6);
        rewritten.push_str(head);
        if !head.is_empty() {
            rewritten.push(' ');
        }
        rewritten.push_str("doi:");
        rewritten.push_str(&link.doi);
        rewritten.push(' ');
        rewritten.push_str(tail);
        let start = page.text.len();
        page.text.push_str(&rewritten);
        page.words[target].start = start as u32;
        page.words[target].end = page.text.len() as u32;
    }
}

/// When a link's label starts inside the word before its first covered word (a browser
/// print gluing "531–538" and the label "View Article" into "531–538View"), that word and
/// the byte where the label starts: the capital after a non-letter nearest to where the
/// link begins, within two characters.
fn glued_label_start(page: &PageText, first: usize, link: &DoiLink) -> Option<(usize, usize)> {
    let f = page.words[first];
    let (k, w) = page
        .words
        .iter()
        .enumerate()
        .filter(|(_, w)| {
            (w.y - f.y).abs() <= 0.1 * f.size
                && w.x1 <= f.x0 + 0.1 * f.size
                && w.x0 < link.x0
                && w.x1 > link.x0 + 0.2 * f.size
        })
        .max_by(|a, b| a.1.x1.total_cmp(&b.1.x1))?;
    let text = page.word_text(w);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let estimate = (link.x0 - w.x0) / (w.x1 - w.x0).max(f32::EPSILON) * chars.len() as f32;
    (1..chars.len())
        .filter(|&j| chars[j].1.is_uppercase() && !chars[j - 1].1.is_alphabetic())
        .map(|j| (j, (j as f32 - estimate).abs()))
        .filter(|&(_, off)| off <= 2.0)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(j, _)| (k, chars[j].0))
}

/// Whether a word holds a DOI's start (`10.` and a digit), as a DOI link's own label does.
fn holds_doi(text: &str) -> bool {
    text.match_indices("10.")
        .any(|(at, _)| text[at + 3..].starts_with(|c: char| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::decode::pdf::content::Word;

    /// A page of `(text, x0, baseline)` words of size 10, each glyph 5 wide.
    fn page(words: &[(&str, f32, f32)]) -> PageText {
        let mut page = PageText::default();
        for (text, x0, y) in words {
            let start = page.text.len() as u32;
            page.text.push_str(text);
            page.words.push(Word {
                x0: *x0,
                x1: x0 + 5.0 * text.chars().count() as f32,
                y: *y,
                size: 10.0,
                start,
                end: page.text.len() as u32,
                space_end: None,
            });
        }
        page
    }

    fn link(x0: f32, x1: f32, top: f32, bottom: f32) -> DoiLink {
        DoiLink {
            x0,
            x1,
            top,
            bottom,
            doi: "10.1000/xyz.1".to_owned(),
        }
    }

    #[test]
    fn writes_the_doi_before_a_link_label() {
        // (words, link box, the words' texts wanted)
        type Case<'a> = (&'a str, &'a [(&'a str, f32, f32)], DoiLink, &'a [&'a str]);
        let cases: &[Case] = &[
            (
                "a label covered by the link gets the DOI before it",
                &[("PubMed", 10.0, 100.0), ("CrossRef", 50.0, 100.0)],
                link(48.0, 96.0, 91.0, 103.0),
                &["PubMed", "doi:10.1000/xyz.1 CrossRef"],
            ),
            (
                "a label glued to the text before it is cut from it",
                &[("1:20–31View", 10.0, 100.0), ("Article", 67.0, 100.0)],
                link(45.0, 102.0, 91.0, 103.0),
                &["1:20–31 doi:10.1000/xyz.1 View", "Article"],
            ),
            (
                "a link over text that is no label adds nothing",
                &[
                    ("A", 10.0, 100.0),
                    ("linked", 20.0, 100.0),
                    ("title", 55.0, 100.0),
                ],
                link(8.0, 90.0, 91.0, 103.0),
                &["A", "linked", "title"],
            ),
            (
                "a link over a visible DOI adds nothing",
                &[("https://doi.org/10.1000/xyz.1", 10.0, 100.0)],
                link(8.0, 170.0, 91.0, 103.0),
                &["https://doi.org/10.1000/xyz.1"],
            ),
            (
                "a link over no word adds nothing",
                &[("CrossRef", 10.0, 100.0)],
                link(100.0, 140.0, 91.0, 103.0),
                &["CrossRef"],
            ),
            (
                "a link on the line below covers nothing above it",
                &[("Title", 10.0, 100.0), ("Article", 10.0, 112.0)],
                link(8.0, 50.0, 104.0, 115.0),
                &["Title", "doi:10.1000/xyz.1 Article"],
            ),
            (
                "a label over two lines gets the DOI before its first word",
                &[
                    ("Publisher", 10.0, 100.0),
                    ("Full", 60.0, 100.0),
                    ("Text", 10.0, 112.0),
                ],
                link(8.0, 90.0, 91.0, 115.0),
                &["doi:10.1000/xyz.1 Publisher", "Full", "Text"],
            ),
        ];
        for (name, words, link, want) in cases {
            let mut p = page(words);
            attach_doi_links(&mut p, std::slice::from_ref(link));
            let got: Vec<&str> = p.words.iter().map(|w| p.word_text(w)).collect();
            assert_eq!(got, *want, "{name}");
        }
    }

    #[test]
    fn tells_a_doi_in_a_word() {
        for (text, want) in [
            ("doi:10.1000/abc", true),
            ("https://doi.org/10.1186/x", true),
            ("Text", false),
            ("p.10.", false),
            ("10.a", false),
        ] {
            assert_eq!(holds_doi(text), want, "{text}");
        }
    }
}
