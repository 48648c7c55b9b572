//! The article's own citation data as the visible page marks it up: schema.org microdata
//! (`itemprop="volumeNumber"`, a `Periodical`'s `name`) and the class / id / `data-test`
//! tokens of [`DOM_CUES`], gathered as [`DomValue`]s while the head walk visits each
//! element (no second pass over the tree).
//!
//! Values inside reference lists and related-article blocks describe other works and are
//! left out ([`DOM_FOREIGN_CONTAINERS`]).

use super::chrome::ascii_lowercase;
use super::head::collapse_whitespace;
use super::markup::attribute;
use crate::decode::DomValue;
use crate::rules::{
    DOM_CUES, DOM_FOREIGN_CONTAINERS, DOM_LABEL_ELEMENTS, DOM_LABELS, DOM_PUBLISHED_OPENINGS,
};
use aho_corasick::AhoCorasick;
use ego_tree::NodeRef;
use rustc_hash::FxHashMap;
use scraper::node::Element;
use scraper::{ElementRef, Node};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Most values kept per page: a page repeats its header, and a few are enough.
const MAX_VALUES: usize = 64;

/// Longest text kept for one value: a cue on a big container is no citation field.
const MAX_VALUE_CHARS: usize = 200;

/// Longest abstract kept: longer blocks hold more than the abstract.
const MAX_ABSTRACT_CHARS: usize = 8000;

/// How many ancestors are checked for a foreign container.
const MAX_ANCESTORS: usize = 60;

/// A cue as [`DOM_CUES`] names it: (`attribute:token`, field).
type Cue = (&'static str, &'static str);

/// The attributes [`DOM_CUES`] names, in the order of [`CUE_INDEX`].
const CUE_ATTRIBUTES: [&str; 4] = ["itemprop", "class", "id", "data-test"];

/// For each of [`CUE_ATTRIBUTES`], lower-case token to the cues it stands for.
static CUE_INDEX: LazyLock<[FxHashMap<String, Vec<Cue>>; 4]> = LazyLock::new(|| {
    let mut index: [FxHashMap<String, Vec<Cue>>; 4] = Default::default();
    for &(cue, field) in DOM_CUES {
        let (attribute, token) = cue.split_once(':').expect("cue is attribute:token");
        let Some(slot) = CUE_ATTRIBUTES.iter().position(|a| *a == attribute) else {
            continue;
        };
        index[slot]
            .entry(token.to_ascii_lowercase())
            .or_default()
            .push((cue, field));
    }
    index
});

/// Longest token lower-cased on the stack; longer ones (rare) are lower-cased on the heap.
const STACK_TOKEN_LEN: usize = 64;

/// The cues of one attribute's token.
fn cues_of(attribute: usize, token: &str) -> Option<&'static [Cue]> {
    let index = &CUE_INDEX[attribute];
    // Ids are mostly unique and often mixed-case (`Sec1`, `Fig2`): lower-cased on the stack.
    let mut buffer = [0u8; STACK_TOKEN_LEN];
    match buffer.get_mut(..token.len()) {
        Some(lower) => {
            lower.copy_from_slice(token.as_bytes());
            lower.make_ascii_lowercase();
            // ASCII lower-casing keeps UTF-8 valid.
            let lower = std::str::from_utf8(lower).ok()?;
            index.get(lower).map(Vec::as_slice)
        }
        None => index
            .get(ascii_lowercase(token).as_ref())
            .map(Vec::as_slice),
    }
}

/// The cues of class values already read on one page: pages repeat the same few class
/// values on many elements, and each is looked up once.
#[derive(Debug, Default)]
pub struct CueCache<'a> {
    classes: FxHashMap<&'a str, ClassCues>,
    /// Whether an element is a reference list or related-articles block: the cue elements
    /// of one reference list share their ancestors, and each ancestor is judged once.
    foreign: FxHashMap<ego_tree::NodeId, bool>,
}

/// What a class value says: the cues of its tokens, and whether it marks a label.
#[derive(Debug, Default)]
struct ClassCues {
    cues: Vec<Cue>,
    label: bool,
}

/// The cues of a class value's tokens (a BEM element `block__journal-title` also by its
/// element name).
fn class_cues(class: &str) -> ClassCues {
    let label = class
        .split_ascii_whitespace()
        .any(|c| c.eq_ignore_ascii_case("label"));
    let mut found = Vec::new();
    for class in class.split_ascii_whitespace() {
        found.extend(cues_of(CLASS, class).into_iter().flatten());
        // A BEM element: `block__journal-title`.
        if let Some((_, tail)) = class.rsplit_once("__") {
            found.extend(cues_of(CLASS, tail).into_iter().flatten());
        }
    }
    ClassCues { cues: found, label }
}

const ITEMPROP: usize = 0;
const CLASS: usize = 1;
const ID: usize = 2;
const DATA_TEST: usize = 3;

/// Longest label text looked at.
const MAX_LABEL_CHARS: usize = 30;

/// Lower-case label text to its cue.
static LABEL_INDEX: LazyLock<HashMap<&'static str, Cue>> = LazyLock::new(|| {
    DOM_LABELS
        .iter()
        .map(|&(cue, field)| (cue.strip_prefix("label:").unwrap_or(cue), (cue, field)))
        .collect()
});

/// The cue of a label element (`<dt>Volume:</dt>`) and its value, the next element sibling.
fn labelled_value(
    node: NodeRef<'_, Node>,
    element: &Element,
    label_class: bool,
) -> Option<(Cue, String)> {
    let is_label_element = label_class || DOM_LABEL_ELEMENTS.contains(&element.name());
    if !is_label_element {
        return None;
    }
    // The label's text, given up once longer than a label can be (a layout cell holds the
    // whole page).
    let mut label = String::new();
    for text in ElementRef::wrap(node)?.text() {
        label.push_str(text);
        if label.len() > MAX_LABEL_CHARS * 4 {
            return None;
        }
    }
    let label = collapse_whitespace(&label).to_lowercase();
    let label = label.trim_end_matches(':').trim_end();
    if label.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let cue = *LABEL_INDEX.get(label)?;
    let value = node.next_siblings().find_map(ElementRef::wrap)?;
    Some((cue, collapse_whitespace(&value.text().collect::<String>())))
}

/// Longest text of an element that opens with a publication-date label.
const MAX_PUBLISHED_CHARS: usize = 80;

/// A short element whose own text opens "Published online ..." and holds only that line.
fn published_line(node: NodeRef<'_, Node>) -> Option<(Cue, String)> {
    let first = node.first_child()?;
    let opening = first.value().as_text()?.trim_start();
    DOM_PUBLISHED_OPENINGS.iter().find(|o| {
        opening
            .as_bytes()
            .get(..o.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(o.as_bytes()))
    })?;
    let text = ElementRef::wrap(node)?.text().collect::<String>();
    if text.len() > MAX_PUBLISHED_CHARS * 4 {
        return None;
    }
    let text = collapse_whitespace(&text);
    (text.chars().count() <= MAX_PUBLISHED_CHARS)
        .then_some((("text:published", "dates.published"), text))
}

/// Longest text of a link to the article's issue.
const MAX_ISSUE_LINK_CHARS: usize = 40;

/// A link to the issue's table of contents that names it ("Issue 7386", "Volume 1, Issue
/// 2"), as breadcrumbs and issue banners print it: the link's address holds every number
/// of its text. The value is a locator ("Volume 1, Issue 2") or an issue ("Issue 7386").
fn issue_link(node: NodeRef<'_, Node>, element: &Element) -> Option<(Cue, String)> {
    if element.name() != "a" {
        return None;
    }
    if !opens_issue_link(node.first_child()?.value().as_text()?) {
        return None;
    }
    let href = attribute(element, "href")?;
    let text = ElementRef::wrap(node)?.text().collect::<String>();
    if text.len() > MAX_ISSUE_LINK_CHARS * 4 {
        return None;
    }
    let text = collapse_whitespace(&text);
    let caps = ISSUE_LINK_TEXT.captures(&text)?;
    let in_href = |name: &str| caps.name(name).is_none_or(|n| href.contains(n.as_str()));
    if !(in_href("volume") && in_href("issue")) {
        return None;
    }
    let cue = if caps.name("volume").is_some() {
        ("link:volume-issue", "locator")
    } else {
        ("link:issue", "issue")
    };
    Some((cue, text))
}

/// Whether the first text of a link may open the name of an issue ("Volume 1, Issue 2"):
/// only such a link's address is read.
pub(super) fn opens_issue_link(text: &str) -> bool {
    let opening = text.trim_start();
    opening.starts_with("Vol") || opening.starts_with("Issue")
}

/// The text of a link naming an issue: "Issue 7386", "Volume 1, Issue 2", "Volume 19,
/// issue 3", "Vol. 3 No. 4".
static ISSUE_LINK_TEXT: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(
        r"^(?:Vol(?:ume|\.)?\s*(?P<volume>\d+)\s*,?\s*)?(?:[Ii]ssue|No\.)\s*(?P<issue>\d+)$",
    )
    .expect("issue link regex")
});

/// Adds the values an element marks up, if any.
pub fn collect_dom_values<'a>(
    node: NodeRef<'a, Node>,
    element: &'a Element,
    cache: &mut CueCache<'a>,
    out: &mut Vec<DomValue>,
) {
    if out.len() >= MAX_VALUES {
        return;
    }
    let mut found: Vec<Cue> = Vec::new();
    // One pass over the attributes rather than a search per name.
    let (mut itemprop, mut class, mut id, mut data_test) = (None, None, None, None);
    for (name, value) in element.attrs() {
        match name {
            "itemprop" => itemprop = Some(value),
            "class" => class = Some(value),
            "id" => id = Some(value),
            "data-test" => data_test = Some(value),
            _ => {}
        }
    }
    for prop in itemprop.into_iter().flat_map(str::split_ascii_whitespace) {
        found.extend(cues_of(ITEMPROP, prop).into_iter().flatten());
    }
    let mut label_class = false;
    if let Some(class) = class {
        let cues = cache
            .classes
            .entry(class)
            .or_insert_with(|| class_cues(class));
        found.extend_from_slice(&cues.cues);
        label_class = cues.label;
    }
    if let Some(id) = id {
        found.extend(cues_of(ID, id.trim()).into_iter().flatten());
    }
    if let Some(test) = data_test {
        found.extend(cues_of(DATA_TEST, test.trim()).into_iter().flatten());
    }
    let periodical_name = itemprop.is_some_and(|p| p.split_ascii_whitespace().any(|t| t == "name"))
        && in_periodical_scope(node);
    if periodical_name {
        found.push(("itemprop:name@Periodical", "journal.title"));
    }
    let labelled = labelled_value(node, element, label_class)
        .or_else(|| published_line(node))
        .or_else(|| issue_link(node, element));
    if found.is_empty() && labelled.is_none() {
        return;
    }
    if in_foreign_container(node, &mut cache.foreign) {
        return;
    }
    if let Some(((cue, field), value)) = labelled {
        if !value.is_empty() && value.chars().count() <= MAX_VALUE_CHARS {
            out.push(DomValue { field, cue, value });
        }
    }
    let Some(element_ref) = ElementRef::wrap(node) else {
        return;
    };
    let mut text: Option<String> = None;
    for (cue, field) in found {
        let value = match field.strip_suffix("@title") {
            Some(base) => attribute(element, "title")
                .map(collapse_whitespace)
                .map(|v| (base, v)),
            None => {
                let text = text.get_or_insert_with(|| {
                    collapse_whitespace(&element_ref.text().collect::<String>())
                });
                Some((field, text.clone()))
            }
        };
        let Some((field, value)) = value else {
            continue;
        };
        let limit = if field == "abstract" {
            MAX_ABSTRACT_CHARS
        } else {
            MAX_VALUE_CHARS
        };
        if value.is_empty() || value.chars().count() > limit {
            continue;
        }
        out.push(DomValue { field, cue, value });
    }
}

/// The nearest item scope (this element or an ancestor) is a schema.org `Periodical`.
fn in_periodical_scope(node: NodeRef<'_, Node>) -> bool {
    std::iter::once(node)
        .chain(node.ancestors())
        .take(MAX_ANCESTORS)
        .filter_map(|n| n.value().as_element())
        .find(|e| attribute(e, "itemscope").is_some())
        .and_then(|e| attribute(e, "itemtype"))
        .is_some_and(|t| t.trim_end_matches('/').ends_with("/Periodical"))
}

/// An ancestor is a reference list or a related-articles block.
fn in_foreign_container(
    node: NodeRef<'_, Node>,
    judged: &mut FxHashMap<ego_tree::NodeId, bool>,
) -> bool {
    node.ancestors()
        .take(MAX_ANCESTORS)
        .filter_map(|n| n.value().as_element().map(|e| (n.id(), e)))
        .any(|(id, e)| *judged.entry(id).or_insert_with(|| is_foreign_container(e)))
}

/// A class token or the id of the element names a block of other works' data.
fn is_foreign_container(element: &Element) -> bool {
    [attribute(element, "class"), attribute(element, "id")]
        .into_iter()
        .flatten()
        .any(names_foreign_block)
}

/// [`DOM_FOREIGN_CONTAINERS`] (lower case, no spaces), searched for at once in any case.
static FOREIGN_FRAGMENTS: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(DOM_FOREIGN_CONTAINERS)
        .expect("foreign container fragments")
});

/// A class or id value has a token naming a block of other works' data: a fragment
/// holds no space, so it is found in the whole value only within one token.
fn names_foreign_block(value: &str) -> bool {
    FOREIGN_FRAGMENTS.is_match(value)
}

/// Whether a class value means something to this module: a token is a cue or a label, or
/// names a block of other works' data.
pub(super) fn is_cue_class(class: &str) -> bool {
    let cues = class_cues(class);
    !cues.cues.is_empty() || cues.label || names_foreign_block(class)
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn values(html: &str) -> Vec<(String, String)> {
        let html = Html::parse_document(html);
        let mut out = Vec::new();
        let mut cache = CueCache::default();
        for node in html.tree.nodes() {
            if let Node::Element(element) = node.value() {
                collect_dom_values(node, element, &mut cache, &mut out);
            }
        }
        out.into_iter()
            .map(|v| (v.field.to_owned(), v.value))
            .collect()
    }

    #[test]
    fn gathers_the_articles_own_citation_cues() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                r#"<p itemprop="isPartOf" itemscope itemtype="http://schema.org/PublicationIssue">
                   <span itemscope itemtype="http://schema.org/Periodical"><span itemprop="name">Acta Imaginaria</span></span>
                   <span itemprop="volumeNumber">Volume 7</span>, <span itemprop="issueNumber">Number 2</span></p>"#,
                &[
                    ("journal.title", "Acta Imaginaria"),
                    ("volume", "Volume 7"),
                    ("issue", "Number 2"),
                ],
            ),
            (
                r#"<cite><abbr title="Journal of Invented Results" class="slug-jnl-abbrev">J. Inv. Res.</abbr>
                   <span class="slug-vol">volume 12,</span><span class="slug-pages">E1-E9</span></cite>"#,
                &[
                    ("journal.title", "Journal of Invented Results"),
                    ("journal.abbrev", "J. Inv. Res."),
                    ("volume", "volume 12,"),
                    ("pages", "E1-E9"),
                ],
            ),
            (
                r#"<span class="app-masthead__journal-title">Letters in Fiction</span>
                   <span data-test="journal-volume">Volume 3</span>"#,
                &[
                    ("journal.title", "Letters in Fiction"),
                    ("volume", "Volume 3"),
                ],
            ),
            (
                r#"<div class="epub-section"><span class="epub-date">3 May 2011</span></div>"#,
                &[("dates.published", "3 May 2011")],
            ),
            (
                r#"<dl><dt>Journal name:</dt><dd>Acta Imaginaria</dd><dt class="volume">Volume:</dt>
                   <dd class="vol">12<span>,</span></dd><dt>Pages:</dt><dd>5-9</dd></dl>"#,
                &[
                    ("journal.title", "Acta Imaginaria"),
                    ("volume", "12,"),
                    ("pages", "5-9"),
                ],
            ),
            (
                r#"<div><span class="x">Published online 2011 December 16. </span><p>Published on many sites, this journal is read widely by people everywhere in the world of science.</p></div>"#,
                &[("dates.published", "Published online 2011 December 16.")],
            ),
            (
                r#"<section><h5>Issue</h5><p><a>Vol. 12, Iss. 4 — 3 May 2011</a></p></section>"#,
                &[("issue", "Vol. 12, Iss. 4 — 3 May 2011")],
            ),
            (
                r#"<table><tr><td>Received:</td><td>1 May 2011</td></tr>
                   <tr><td>Published:</td><td>3 June 2011</td></tr></table>
                   <div class="item"><div class="label"> Published </div><div class="value">2011-06-03</div></div>"#,
                &[
                    ("dates.published", "3 June 2011"),
                    ("dates.published", "2011-06-03"),
                ],
            ),
            // Breadcrumb and banner links to the issue's contents; a link whose address
            // does not hold its numbers is something else.
            (
                r#"<ul><li><a href="/journal/v48/n7411/index.html">Volume 48</a></li>
                   <li><a href="/journal/v48/n7411/index.html">Issue 7411</a></li>
                   <li><a href="/current">Issue 12</a></li></ul>
                   <p><a href="/content/journal/apx/1/2" title="Link">Volume 1, Issue 2</a></p>
                   <a href="/articles/19/issue3.html">Volume 19, issue 3</a>"#,
                &[
                    ("issue", "Issue 7411"),
                    ("locator", "Volume 1, Issue 2"),
                    ("locator", "Volume 19, issue 3"),
                ],
            ),
        ];
        for (html, want) in cases {
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(f, v)| (f.to_string(), v.to_string()))
                .collect();
            assert_eq!(values(html), want, "{html}");
        }
    }

    #[test]
    fn reference_lists_and_related_articles_are_other_works() {
        for html in [
            r#"<ol class="references"><li><span class="citation-volume">9</span></li></ol>"#,
            r#"<div id="ref-list-1"><span itemprop="volumeNumber">9</span></div>"#,
            r#"<section class="related-articles"><span class="journal-title">Other</span></section>"#,
            r#"<div class="cited-by"><span class="page-range">1-2</span></div>"#,
            r#"<ol class="references"><li><dl><dt>Volume</dt><dd>9</dd></dl></li></ol>"#,
            r#"<p>Volume</p><p>a paragraph, not a label pair</p>"#,
        ] {
            assert_eq!(values(html), Vec::new(), "{html}");
        }
    }

    #[test]
    fn a_name_outside_a_periodical_is_no_journal() {
        let html = r#"<div itemscope itemtype="http://schema.org/Person"><span itemprop="name">Ann Example</span></div>"#;
        assert_eq!(values(html), Vec::new());
    }
}
