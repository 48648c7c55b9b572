//! Site chrome in the DOM, as data: which elements are never text, which containers are
//! boilerplate (by tag, ARIA role, and class/id tokens), which belong to the article and
//! must be kept, and which mark one author of an author list.
//!
//! Class and id values are split into tokens at whitespace, and each token into parts at
//! `-`, `_` and lower-to-upper case changes (`c-article-recommendations` gives `c`,
//! `article`, `recommendations`). Tables hold lower-case parts or whole tokens.

use scraper::node::Element;
use std::collections::HashSet;
use std::sync::LazyLock;

/// Elements whose content is never visible text.
const NEVER_TEXT_TAGS: &[&str] = &[
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
    never_text: HashSet<&'static str>,
    chrome_roles: HashSet<&'static str>,
    chrome_parts: HashSet<&'static str>,
    chrome_tokens: HashSet<&'static str>,
    article_parts: HashSet<&'static str>,
    strong_article_parts: HashSet<&'static str>,
    author_items: HashSet<&'static str>,
    author_groups: HashSet<&'static str>,
    reference_parts: HashSet<&'static str>,
}

static TABLES: LazyLock<Tables> = LazyLock::new(|| Tables {
    never_text: NEVER_TEXT_TAGS.iter().copied().collect(),
    chrome_roles: CHROME_ROLES.iter().copied().collect(),
    chrome_parts: CHROME_PARTS.iter().copied().collect(),
    chrome_tokens: CHROME_TOKENS.iter().copied().collect(),
    article_parts: ARTICLE_PARTS.iter().copied().collect(),
    strong_article_parts: STRONG_ARTICLE_PARTS.iter().copied().collect(),
    author_items: AUTHOR_ITEM_TOKENS.iter().copied().collect(),
    author_groups: AUTHOR_GROUP_TOKENS.iter().copied().collect(),
    reference_parts: REFERENCE_PARTS.iter().copied().collect(),
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

/// True for elements whose content is never visible text.
pub fn is_never_text(tag: &str) -> bool {
    TABLES.never_text.contains(tag)
}

/// True when the element is hidden by attribute (`hidden`, `aria-hidden`). An inline
/// `display:none` is not enough: accordions and tabs hide the article's own sections
/// (acknowledgements, author notes) that way until clicked.
pub fn is_hidden(element: &Element) -> bool {
    if element.attr("hidden").is_some() {
        return true;
    }
    element
        .attr("aria-hidden")
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
}

/// True when the element's ARIA role is page chrome.
pub fn has_chrome_role(element: &Element) -> bool {
    element.attr("role").is_some_and(|role| {
        role.split_ascii_whitespace().any(|r| {
            TABLES
                .chrome_roles
                .contains(r.to_ascii_lowercase().as_str())
        })
    })
}

/// Reads the class, id and itemprop tokens of one element.
pub fn judge_tokens(element: &Element) -> TokenVerdict {
    let mut verdict = TokenVerdict::default();
    let tables = &*TABLES;
    if element
        .attr("itemprop")
        .is_some_and(|p| p.split_ascii_whitespace().any(|p| p == "author"))
    {
        verdict.author_item = true;
    }
    let values = [element.attr("class"), element.attr("id")];
    for token in values
        .into_iter()
        .flatten()
        .flat_map(str::split_ascii_whitespace)
    {
        let lower = token.to_ascii_lowercase();
        if tables.chrome_tokens.contains(lower.as_str()) {
            verdict.chrome = true;
        }
        if tables.author_items.contains(lower.as_str()) {
            verdict.author_item = true;
        }
        if tables.author_groups.contains(lower.as_str()) {
            verdict.author_group = true;
        }
        let mut joined = String::new();
        for part in token_parts(token) {
            let part = part.to_ascii_lowercase();
            joined.push_str(&part);
            if tables.chrome_parts.contains(part.as_str()) {
                verdict.chrome = true;
            }
            if tables.article_parts.contains(part.as_str()) {
                verdict.article = true;
            }
            if tables.strong_article_parts.contains(part.as_str()) {
                verdict.strong_article = true;
            }
            if tables.author_groups.contains(part.as_str()) {
                verdict.author_group = true;
            }
            if tables.reference_parts.contains(part.as_str()) {
                verdict.reference = true;
            }
        }
        // Joined parts catch `articleInfo`, `ref-list`, `site-footer` spelled any way.
        if tables.chrome_parts.contains(joined.as_str()) {
            verdict.chrome = true;
        }
        if tables.article_parts.contains(joined.as_str()) {
            verdict.article = true;
        }
        if tables.strong_article_parts.contains(joined.as_str()) {
            verdict.strong_article = true;
        }
    }
    verdict
}

/// Splits a class token into parts at `-`, `_`, `.`, `:` and lower-to-upper case changes.
fn token_parts(token: &str) -> impl Iterator<Item = &str> {
    token
        .split(['-', '_', '.', ':'])
        .flat_map(split_camel)
        .filter(|p| !p.is_empty())
}

fn split_camel(word: &str) -> impl Iterator<Item = &str> {
    let bytes = word.as_bytes();
    let mut cuts = vec![0];
    for i in 1..bytes.len() {
        if bytes[i].is_ascii_uppercase() && bytes[i - 1].is_ascii_lowercase() {
            cuts.push(i);
        }
    }
    cuts.push(bytes.len());
    (0..cuts.len() - 1).map(move |k| &word[cuts[k]..cuts[k + 1]])
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

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
