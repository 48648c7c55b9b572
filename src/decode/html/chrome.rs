//! Site chrome in the DOM, as data: which elements are never text, which containers are
//! boilerplate (by tag, ARIA role, and class/id tokens), which belong to the article and
//! must be kept, and which mark one author of an author list.
//!
//! Class and id values are split into tokens at whitespace, and each token into parts at
//! `-`, `_` and lower-to-upper case changes (`c-article-recommendations` gives `c`,
//! `article`, `recommendations`). Tables hold lower-case parts or whole tokens.

use super::markup::attribute;
use rustc_hash::{FxHashMap, FxHashSet};
use scraper::node::Element;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Elements whose content is never visible text.
pub(super) const NEVER_TEXT_TAGS: &[&str] = &[
    "head",
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "iframe",
    "button",
    "input",
    "select",
    "textarea",
    "option",
    "object",
    "embed",
    "canvas",
    "audio",
    "video",
    "map",
    "img",
    "picture",
    "source",
    "track",
    "link",
    "meta",
    "base",
    "dialog",
    "annotation",
    "annotation-xml",
];

/// ARIA roles of page chrome.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
    "dialog",
    "alertdialog",
    "menu",
    "menubar",
    "toolbar",
    "tablist",
    "tooltip",
];

/// Class/id parts (or whole tokens) of boilerplate containers.
const CHROME_PARTS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "onetrust",
    "advert",
    "advertisement",
    "ads",
    "adsense",
    "promo",
    "newsletter",
    "subscribe",
    "signup",
    "login",
    "signin",
    "social",
    "share",
    "sharing",
    "sharebar",
    "addthis",
    "related",
    "recommended",
    "recommendations",
    "recommendation",
    "recommender",
    "similar",
    "popular",
    "trending",
    "mostread",
    "masthead",
    "sitefooter",
    "siteheader",
    "skip",
    "skiplink",
    "search",
    "toolbar",
    "tools",
    "jumplinks",
    "overlay",
    "popover",
    "popup",
    "modal",
];

/// Whole class/id tokens of boilerplate containers (too short or too common as parts).
const CHROME_TOKENS: &[&str] = &[
    "site-header",
    "site-footer",
    "global-header",
    "global-footer",
    "page-header",
    "page-footer",
    "header",
    "footer",
    "you-may-also-like",
    "also-read",
    "most-read",
    "most-viewed",
    "read-next",
    "toc",
    "ad",
];

/// Class/id parts of the article's own parts: such an element is never dropped as chrome.
const ARTICLE_PARTS: &[&str] = &[
    "abstract",
    "author",
    "authors",
    "contrib",
    "contribs",
    "affiliation",
    "affiliations",
    "affil",
    "aff",
    "references",
    "reference",
    "reflist",
    "bibliography",
    "biblio",
    "citations",
    "acknowledgements",
    "acknowledgments",
    "acknowledgement",
    "acknowledgment",
    "ack",
    "funding",
    "keywords",
    "kwd",
    "history",
    "articleinfo",
    // The journal banner of Atypon's Literatum sites (journal title, volume and issue),
    // whose containers' classes call it navigation.
    "publicationserialheader",
    "literatumseriesnavigation",
    "issueserialnavigation",
];

/// The subset of [`ARTICLE_PARTS`] so specific that a chrome-looking container holding
/// one of them is kept (a sidebar that carries the article's affiliations or dates).
/// Class/id parts of a reference list or entry.
const REFERENCE_PARTS: &[&str] = &[
    "references",
    "reference",
    "reflist",
    "ref",
    "refs",
    "bibliography",
    "biblio",
    "citations",
    "bibr",
];

const STRONG_ARTICLE_PARTS: &[&str] = &[
    "abstract",
    "affiliation",
    "affiliations",
    "references",
    "reflist",
    "bibliography",
    "acknowledgements",
    "acknowledgments",
    "funding",
    "keywords",
    "history",
    "articleinfo",
];

/// Class tokens (whole, lower-case) and `itemprop` values that mark one author in a byline.
const AUTHOR_ITEM_TOKENS: &[&str] = &[
    "author",
    "authorname",
    "author-name",
    "author_name",
    "entryauthor",
    "hlfld-contribauthor",
    "contrib-author",
    "contributor",
    "contrib",
    "loa__item",
    "al-author-name",
    "author-link",
    "highwire-citation-author",
    "citation-author",
    "c-article-author",
];

/// Class/id parts of a byline container (a group of authors).
const AUTHOR_GROUP_TOKENS: &[&str] = &[
    "authors",
    "author-list",
    "authors-list",
    "author_gp",
    "author-group",
    "html-author-group",
    "authors-group",
    "authorgroup",
    "contrib-group",
    "byline",
    "loa",
    "author-names",
    "al-authors-list",
    "contributor-list",
    "contributors",
    "contrib-list",
];

struct Tables {
    never_text: FxHashSet<&'static str>,
    chrome_roles: FxHashSet<&'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    never_text: NEVER_TEXT_TAGS.iter().copied().collect(),
    chrome_roles: CHROME_ROLES.iter().copied().collect(),
});

/// What the class/id tokens of one element say about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TokenVerdict {
    pub chrome: bool,
    pub article: bool,
    pub strong_article: bool,
    pub author_item: bool,
    pub author_group: bool,
    /// A reference list or one reference.
    pub reference: bool,
}

impl TokenVerdict {
    /// What either verdict says.
    fn or(self, other: TokenVerdict) -> TokenVerdict {
        TokenVerdict {
            chrome: self.chrome | other.chrome,
            article: self.article | other.article,
            strong_article: self.strong_article | other.strong_article,
            author_item: self.author_item | other.author_item,
            author_group: self.author_group | other.author_group,
            reference: self.reference | other.reference,
        }
    }
}

/// True for elements whose content is never visible text.
pub fn is_never_text(tag: &str) -> bool {
    TABLES.never_text.contains(tag)
}

/// True when the element is hidden by attribute (`hidden`, `aria-hidden`). An inline
/// `display:none` is not enough: accordions and tabs hide the article's own sections
/// (acknowledgements, author notes) that way until clicked.
pub fn is_hidden(element: &Element) -> bool {
    if attribute(element, "hidden").is_some() {
        return true;
    }
    attribute(element, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// True when the element's ARIA role is page chrome.
pub fn has_chrome_role(element: &Element) -> bool {
    attribute(element, "role").is_some_and(|role| {
        role.split_ascii_whitespace().any(|r| {
            TABLES
                .chrome_roles
                .contains(r.to_ascii_lowercase().as_str())
        })
    })
}

/// Which of the class/id tables a word is in, as bits: every element of a page has its
/// tokens judged (twice), so one look-up per word answers all the tables at once.
const IN_CHROME_TOKENS: u8 = 1 << 0;
const IN_CHROME_PARTS: u8 = 1 << 1;
const IN_ARTICLE_PARTS: u8 = 1 << 2;
const IN_STRONG_ARTICLE_PARTS: u8 = 1 << 3;
const IN_AUTHOR_ITEMS: u8 = 1 << 4;
const IN_AUTHOR_GROUPS: u8 = 1 << 5;
const IN_REFERENCE_PARTS: u8 = 1 << 6;

static WORD_TABLES: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut words = FxHashMap::default();
    for (table, bit) in [
        (CHROME_TOKENS, IN_CHROME_TOKENS),
        (CHROME_PARTS, IN_CHROME_PARTS),
        (ARTICLE_PARTS, IN_ARTICLE_PARTS),
        (STRONG_ARTICLE_PARTS, IN_STRONG_ARTICLE_PARTS),
        (AUTHOR_ITEM_TOKENS, IN_AUTHOR_ITEMS),
        (AUTHOR_GROUP_TOKENS, IN_AUTHOR_GROUPS),
        (REFERENCE_PARTS, IN_REFERENCE_PARTS),
    ] {
        for word in table {
            *words.entry(*word).or_insert(0) |= bit;
        }
    }
    words
});

/// The tables a (lower-case) word is in.
fn tables_of(word: &str) -> u8 {
    WORD_TABLES.get(word).copied().unwrap_or(0)
}

/// The word in ASCII lower case, borrowed when it already is.
pub fn ascii_lowercase(word: &str) -> Cow<'_, str> {
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// Reads the class, id and itemprop tokens of one element.
pub fn judge_tokens(element: &Element) -> TokenVerdict {
    let (class, id, itemprop) = token_attributes(element);
    let mut verdict = judge_itemprop(itemprop);
    for value in [class, id].into_iter().flatten() {
        verdict = verdict.or(judge_value(value));
    }
    verdict
}

/// Whether a class value's tokens say anything about its element (its verdict is not the
/// default one).
pub(super) fn judges_class(value: &str) -> bool {
    judge_value(value) != TokenVerdict::default()
}

/// Class values already judged on one page: pages repeat the same few class values on
/// many elements, and each is judged once.
#[derive(Debug, Default)]
pub struct VerdictCache<'a> {
    classes: FxHashMap<&'a str, TokenVerdict>,
}

/// [`judge_tokens`], with the verdict of the element's class value kept in `cache`.
pub fn judge_tokens_cached<'a>(element: &'a Element, cache: &mut VerdictCache<'a>) -> TokenVerdict {
    let (class, id, itemprop) = token_attributes(element);
    let mut verdict = judge_itemprop(itemprop);
    if let Some(class) = class {
        verdict = verdict.or(*cache
            .classes
            .entry(class)
            .or_insert_with(|| judge_value(class)));
    }
    if let Some(id) = id {
        verdict = verdict.or(judge_value(id));
    }
    verdict
}

/// The element's `class`, `id` and `itemprop` values, in one pass over its attributes
/// rather than a search per name. (The HTML parser gives them no namespace and keeps the
/// first of duplicates, so this finds what `element.attr(name)` would.)
fn token_attributes(element: &Element) -> (Option<&str>, Option<&str>, Option<&str>) {
    let (mut class, mut id, mut itemprop) = (None, None, None);
    for (name, value) in element.attrs() {
        match name {
            "class" => class = class.or(Some(value)),
            "id" => id = id.or(Some(value)),
            "itemprop" => itemprop = itemprop.or(Some(value)),
            _ => {}
        }
    }
    (class, id, itemprop)
}

fn judge_itemprop(itemprop: Option<&str>) -> TokenVerdict {
    TokenVerdict {
        author_item: itemprop.is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "author")),
        ..TokenVerdict::default()
    }
}

/// The verdict of one class or id value: what any of its tokens says.
fn judge_value(value: &str) -> TokenVerdict {
    let mut verdict = TokenVerdict::default();
    for token in value.split_ascii_whitespace() {
        judge_token(token, &mut verdict);
    }
    verdict
}

/// Longest token lower-cased on the stack; longer ones (rare) are lower-cased on the heap.
const STACK_TOKEN_LEN: usize = 64;

/// Adds what one class or id token says to `verdict`: the whole token, each of its parts,
/// and its parts joined (`articleInfo`, `ref-list`, `site-footer` spelled any way).
fn judge_token(token: &str, verdict: &mut TokenVerdict) {
    if token.len() > STACK_TOKEN_LEN {
        let lower = token.to_ascii_lowercase();
        let joined = lower.replace(PART_SEPARATORS, "");
        return judge_lowered(token, &lower, &joined, verdict);
    }
    // ASCII lower-casing keeps every byte where it is: a part of the token is lower-cased
    // by taking the same range of the lower-cased token. The parts joined are the token
    // without its separators (camel-case cuts drop nothing).
    let (mut lower, mut joined) = ([0u8; STACK_TOKEN_LEN], [0u8; STACK_TOKEN_LEN]);
    let mut joined_len = 0;
    for (to, from) in lower.iter_mut().zip(token.bytes()) {
        *to = from.to_ascii_lowercase();
        if !PART_SEPARATORS.contains(&char::from(from)) {
            joined[joined_len] = *to;
            joined_len += 1;
        }
    }
    let as_str = |bytes| std::str::from_utf8(bytes).expect("cut at ASCII bytes: UTF-8");
    judge_lowered(
        token,
        as_str(&lower[..token.len()]),
        as_str(&joined[..joined_len]),
        verdict,
    );
}

/// The marks that cut a class token into parts (besides lower-to-upper case changes).
const PART_SEPARATORS: [char; 4] = ['-', '_', '.', ':'];

/// [`judge_token`] with the token lower-cased and its parts joined.
fn judge_lowered(token: &str, lower: &str, joined: &str, verdict: &mut TokenVerdict) {
    let tables = tables_of(lower);
    verdict.chrome |= tables & IN_CHROME_TOKENS != 0;
    verdict.author_item |= tables & IN_AUTHOR_ITEMS != 0;
    verdict.author_group |= tables & IN_AUTHOR_GROUPS != 0;
    for (start, end) in part_spans(token) {
        let tables = tables_of(&lower[start..end]);
        verdict.chrome |= tables & IN_CHROME_PARTS != 0;
        verdict.article |= tables & IN_ARTICLE_PARTS != 0;
        verdict.strong_article |= tables & IN_STRONG_ARTICLE_PARTS != 0;
        verdict.author_group |= tables & IN_AUTHOR_GROUPS != 0;
        verdict.reference |= tables & IN_REFERENCE_PARTS != 0;
    }
    let tables = tables_of(joined);
    verdict.chrome |= tables & IN_CHROME_PARTS != 0;
    verdict.article |= tables & IN_ARTICLE_PARTS != 0;
    verdict.strong_article |= tables & IN_STRONG_ARTICLE_PARTS != 0;
}

/// The byte spans of a class token's parts: the token cut at `-`, `_`, `.`, `:` (which
/// belong to no part) and before an upper-case letter that follows a lower-case one; empty
/// parts are left out.
fn part_spans(token: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = token.as_bytes();
    let mut start = 0;
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < bytes.len() {
            let i = at;
            at += 1;
            let b = bytes[i];
            let (end, next_start) = if PART_SEPARATORS.contains(&char::from(b)) {
                (i, i + 1)
            } else if i > start && b.is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
                (i, i)
            } else {
                continue;
            };
            let part = (start, end);
            start = next_start;
            if part.1 > part.0 {
                return Some(part);
            }
        }
        // The last part, once.
        let part = (start, bytes.len());
        start = bytes.len();
        (part.1 > part.0).then_some(part)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn part_spans_cut_at_separators_and_case_changes() {
        // The parts as splitting at the separators, then at case changes, gives them.
        fn by_splitting(token: &str) -> Vec<&str> {
            let mut parts = Vec::new();
            for piece in token.split(PART_SEPARATORS) {
                let bytes = piece.as_bytes();
                let mut start = 0;
                for i in 1..bytes.len() {
                    if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
                        parts.push(&piece[start..i]);
                        start = i;
                    }
                }
                parts.push(&piece[start..]);
            }
            parts.retain(|p| !p.is_empty());
            parts
        }
        let tokens = [
            "c-article-recommendations",
            "articleInfo",
            "siteFooter__navLinks",
            "ABC",
            "aB",
            "a--b",
            "-x-",
            "ÉtéFoo",
            "x:yZ.w_",
            "",
        ];
        for token in tokens {
            let spans: Vec<&str> = part_spans(token).map(|(s, e)| &token[s..e]).collect();
            assert_eq!(spans, by_splitting(token), "{token:?}");
        }
    }

    fn first_div(html: &str) -> Element {
        let page = Html::parse_fragment(html);
        let found = page.tree.nodes().find_map(|n| {
            n.value()
                .as_element()
                .filter(|e| e.name() == "div")
                .cloned()
        });
        found.expect("a div")
    }

    #[test]
    fn judges_class_tokens() {
        let cases: &[(&str, bool, bool, bool)] = &[
            // (html, chrome, article, strong_article)
            (
                r#"<div class="c-article-recommendations">"#,
                true,
                false,
                false,
            ),
            (r#"<div class="cookie-banner">"#, true, false, false),
            (r#"<div id="socialShare">"#, true, false, false),
            (r#"<div class="c-article-references">"#, false, true, true),
            (r#"<div class="articleInfo">"#, false, true, true),
            (r#"<div class="author-list">"#, false, true, false),
            (r#"<div class="site-footer">"#, true, false, false),
            (r#"<div class="header">"#, true, false, false),
            (r#"<div class="article-header">"#, false, false, false),
            (r#"<div class="shadow loader">"#, false, false, false),
        ];
        for (html, chrome, article, strong) in cases {
            let v = judge_tokens(&first_div(html));
            assert_eq!(
                (v.chrome, v.article, v.strong_article),
                (*chrome, *article, *strong),
                "{html}"
            );
        }
    }

    #[test]
    fn sees_hidden_elements() {
        let cases = [
            (r#"<div hidden>"#, true),
            (r#"<div aria-hidden="true">"#, true),
            (r#"<div style="display: none">"#, false),
            (r#"<div aria-hidden="false">"#, false),
            (r#"<div style="color:red">"#, false),
        ];
        for (html, want) in cases {
            assert_eq!(is_hidden(&first_div(html)), want, "{html}");
        }
    }
}
