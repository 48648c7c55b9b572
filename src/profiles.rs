//! Site profiles: which publisher a page comes from, picked by markers in the page, and
//! the checks that tell a page is not an article at all (bot challenges, empty shells).

use crate::clean::Line;
use crate::decode::Document;
use crate::record::Record;
use memchr::memmem::Finder;
use std::sync::LazyLock;

/// A site profile: its name in `pipeline.profile`, the site for `source.site`, and the
/// markers that pick it.
#[derive(Debug, Clone, Copy)]
pub struct Profile {
    pub name: &'static str,
    pub site: Option<&'static str>,
    /// Substrings of the page text or URL that identify the site.
    pub markers: &'static [&'static str],
}

/// Known sites, most specific first.
pub const PROFILES: &[Profile] = &[
    Profile {
        name: "nature",
        site: Some("nature.com"),
        markers: &["nature.com", "Springer Nature SharedIt", "Nature Portfolio"],
    },
    Profile {
        name: "springer",
        site: Some("link.springer.com"),
        markers: &[
            "link.springer.com",
            "Springer Link",
            "Springer Nature Link",
            "springerlink",
        ],
    },
    Profile {
        name: "copernicus",
        site: Some("copernicus.org"),
        // The site's article URLs, and the line on the first page of every EGU paper (a
        // reference to a Copernicus book holds neither).
        markers: &[
            "copernicus.org/articles/",
            "Published by Copernicus Publications on behalf of the European Geosciences Union",
        ],
    },
];

const GENERIC: Profile = Profile {
    name: "generic",
    site: None,
    markers: &[],
};

/// The substring searchers of each profile's markers, in [`PROFILES`] order, built once
/// (`str::contains` sets one up per call, and the page text can run to 200 kB).
static MARKER_FINDERS: LazyLock<Vec<Vec<Finder<'static>>>> = LazyLock::new(|| {
    PROFILES
        .iter()
        .map(|p| {
            p.markers
                .iter()
                .map(|m| Finder::new(m.as_bytes()))
                .collect()
        })
        .collect()
});

/// Picks the profile whose markers occur in the page.
pub fn detect_profile(document: &Document, _lines: &[Line]) -> Profile {
    let head = &document.text[..floor_char_boundary(&document.text, 200_000)];
    for (profile, finders) in PROFILES.iter().zip(MARKER_FINDERS.iter()) {
        if finders.iter().any(|f| f.find(head.as_bytes()).is_some())
            || document
                .meta
                .canonical_url
                .as_deref()
                .is_some_and(|u| profile.markers.iter().any(|m| u.contains(m)))
        {
            return *profile;
        }
    }
    GENERIC
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Markers of bot-challenge pages served instead of the article.
const CHALLENGE_MARKERS: &[&str] = &[
    "Just a moment...",
    "Checking your browser before accessing",
    "Enable JavaScript and cookies to continue",
    "cf-browser-verification",
    "challenge-platform",
    "Attention Required! | Cloudflare",
];

/// Markers of pages that describe something other than an article: trial registry
/// records, search result and table-of-contents pages.
const NOT_ARTICLE_MARKERS: &[&str] = &[
    "ClinicalTrials.gov Identifier:",
    "Study Record Detail",
    "EU Clinical Trials Register",
    "ISRCTN registry",
    "Search results for",
    "Table of Contents Alerts",
];

/// Why the page is not an article, if it is not: a bot challenge, or nothing that makes
/// an article (no title, no DOI, no authors, no abstract, no references).
pub fn not_an_article(document: &Document, _lines: &[Line], record: &Record) -> Option<String> {
    let head = &document.text[..floor_char_boundary(&document.text, 20_000)];
    // The record is asked first: the marker searches read up to 20 kB of page text.
    let challenge = || {
        CHALLENGE_MARKERS.iter().any(|m| head.contains(m))
            || document
                .meta
                .document_title
                .as_deref()
                .is_some_and(|t| CHALLENGE_MARKERS.iter().any(|m| t.contains(m)))
    };
    if record.doi.is_none() && record.authors.is_empty() && challenge() {
        return Some(
            "the page is a bot-challenge page (\"Just a moment...\"), not the article".to_owned(),
        );
    }
    // A title alone makes no article (a trial registry, a news index); a DOI does, and so
    // do two of authors, abstract, references and journal data.
    if record.doi.is_none() && NOT_ARTICLE_MARKERS.iter().any(|m| head.contains(m)) {
        return Some("the page is a registry or index record, not an article".to_owned());
    }
    let evidence = [
        !record.authors.is_empty(),
        record.title.is_some() && !record.authors.is_empty(),
        record.abstract_text.is_some(),
        !record.references.is_empty(),
        record.journal.title.is_some() && (record.volume.is_some() || record.page_first.is_some()),
    ]
    .iter()
    .filter(|e| **e)
    .count();
    let has_substance = record.doi.is_some() || evidence >= 2;
    (!has_substance).then(|| {
        "no article found: no DOI, and not two of authors, abstract, references, journal data"
            .to_owned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn profiles_from_page_markers() {
        // (page text, profile name)
        let cases = [
            (
                "Invented title\nhttps://acp.copernicus.org/articles/19/1237/2019/\n",
                "copernicus",
            ),
            (
                "Invented title\nPublished by Copernicus Publications on behalf of the European Geosciences Union.\n",
                "copernicus",
            ),
            (
                "Invented title\nBerg, T.: Invented book, Copernicus Publications, Göttingen, 2001.\n",
                "generic",
            ),
            (
                "Invented title\nhttps://www.nature.com/articles/x\n",
                "nature",
            ),
        ];
        for (text, want) in cases {
            let document = Document {
                text: text.to_owned(),
                meta: crate::decode::SourceMeta::default(),
                warnings: Vec::new(),
            };
            assert_eq!(detect_profile(&document, &[]).name, want, "{text}");
        }
    }
}
