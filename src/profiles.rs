//! Site profiles: which publisher a page comes from, picked by markers in the page, and
//! the checks that tell a page is not an article at all (bot challenges, empty shells).

use crate::clean::Line;
use crate::decode::Document;
use crate::record::Record;
use aho_corasick::{AhoCorasick, MatchKind};
use std::sync::LazyLock;

/// A site profile: its name in `pipeline.profile`, the site for `source.site`, the
/// markers that pick it and the DOI prefixes of the publisher's own articles.
#[derive(Debug, Clone, Copy)]
pub struct Profile {
    pub name: &'static str,
    pub site: Option<&'static str>,
    /// Substrings of the site's own chrome near the top of the page (its name, its host).
    pub markers: &'static [&'static str],
    /// DOI prefixes the publisher registers its articles under (`10.1371` for PLOS).
    pub doi_prefixes: &'static [&'static str],
}

/// Builds a [`Profile`] row.
const fn profile(
    name: &'static str,
    site: &'static str,
    markers: &'static [&'static str],
    doi_prefixes: &'static [&'static str],
) -> Profile {
    Profile {
        name,
        site: Some(site),
        markers,
        doi_prefixes,
    }
}

/// Known sites. Markers are tried first, in this order: archives and aggregators that
/// host other publishers' articles (Europe PMC, PMC, arXiv, HAL) come before the
/// publishers, whose articles they carry with the publisher's DOI. When no marker is
/// found, the article's DOI prefix names the publisher.
pub const PROFILES: &[Profile] = &[
    profile(
        "europepmc",
        "europepmc.org",
        &["europepmc.org", "Europe PMC", "Europe PubMed Central"],
        &[],
    ),
    profile(
        "pmc",
        "ncbi.nlm.nih.gov/pmc",
        &[
            "ncbi.nlm.nih.gov/pmc",
            "PubMed Central",
            "NCBI Logo",
            "US National Library of Medicine",
        ],
        &[],
    ),
    profile(
        "arxiv",
        "arxiv.org",
        &["arxiv logo", "arXiv logo"],
        &["10.48550"],
    ),
    profile(
        "hal",
        "hal.science",
        &[
            "hal.science",
            "hal.archives-ouvertes.fr",
            "HAL science ouverte",
            "HAL Id",
        ],
        &[],
    ),
    profile("lingbuzz", "lingbuzz.net", &["lingbuzz", "LingBuzz"], &[]),
    profile(
        "projecteuclid",
        "projecteuclid.org",
        &["projecteuclid.org", "Project Euclid"],
        &[],
    ),
    profile(
        "acl",
        "aclanthology.org",
        &["aclanthology.org", "ACL Anthology"],
        &[],
    ),
    profile(
        "acm",
        "dl.acm.org",
        &["dl.acm.org", "ACM Digital Library"],
        &["10.1145"],
    ),
    profile(
        "nature",
        "nature.com",
        &["nature.com", "Springer Nature SharedIt", "Nature Portfolio"],
        &["10.1038"],
    ),
    profile(
        "springer",
        "link.springer.com",
        &[
            "link.springer.com",
            "Springer Link",
            "Springer Nature Link",
            "springerlink",
            "springeropen.com",
            "SpringerOpen",
            "Springer Open logo",
        ],
        &["10.1007"],
    ),
    profile(
        "acs",
        "pubs.acs.org",
        &["pubs.acs.org", "ACS Publications"],
        &["10.1021"],
    ),
    profile(
        "aip",
        "pubs.aip.org",
        &[
            "pubs.aip.org",
            "scitation.org",
            "scitation.aip.org",
            "AIP Publishing",
        ],
        &["10.1063"],
    ),
    profile(
        "aps",
        "journals.aps.org",
        &[
            "journals.aps.org",
            "link.aps.org",
            "American Physical Society",
        ],
        &["10.1103"],
    ),
    profile(
        "bmc",
        "biomedcentral.com",
        &["biomedcentral.com", "BioMed Central"],
        &["10.1186"],
    ),
    profile(
        "bmj",
        "bmj.com",
        &["bmj.com", "BMJ Publishing Group"],
        &["10.1136"],
    ),
    profile(
        "cambridge",
        "cambridge.org/core",
        &[
            "cambridge.org/core",
            "Cambridge Core",
            "Published online by Cambridge University Press",
        ],
        &["10.1017"],
    ),
    profile(
        "copernicus",
        "copernicus.org",
        // The site's article URLs, and the line on the first page of every EGU paper (a
        // reference to a Copernicus book holds neither).
        &[
            "copernicus.org/articles/",
            "Published by Copernicus Publications on behalf of the European Geosciences Union",
        ],
        &["10.5194"],
    ),
    profile(
        "ecs",
        "ecsdl.org",
        &[
            "ecsdl.org",
            "The Electrochemical Society",
            "ECS Digital Library",
        ],
        &["10.1149"],
    ),
    profile(
        "elife",
        "elifesciences.org",
        &["elifesciences.org"],
        &["10.7554"],
    ),
    profile(
        "elsevier",
        "sciencedirect.com",
        &["sciencedirect.com", "ScienceDirect"],
        &["10.1016"],
    ),
    profile(
        "f1000",
        "f1000research.com",
        &["f1000research.com", "F1000Research"],
        &["10.12688"],
    ),
    profile(
        "firstmonday",
        "firstmonday.org",
        &["firstmonday.org", "First Monday"],
        &["10.5210"],
    ),
    profile(
        "frontiers",
        "frontiersin.org",
        &["frontiersin.org", "Frontiers Media"],
        &["10.3389"],
    ),
    profile(
        "hindawi",
        "hindawi.com",
        &["hindawi.com", "Hindawi Publishing"],
        &["10.1155"],
    ),
    profile(
        "ieee",
        "ieeexplore.ieee.org",
        &["ieeexplore.ieee.org", "IEEE Xplore"],
        &["10.1109"],
    ),
    profile(
        "iop",
        "iopscience.iop.org",
        &["iopscience.iop.org", "IOPscience", "IOP Publishing"],
        &["10.1088"],
    ),
    profile("mdpi", "mdpi.com", &["mdpi.com", "MDPI"], &["10.3390"]),
    profile(
        "microbiology",
        "microbiologyresearch.org",
        &["microbiologyresearch.org", "Microbiology Society"],
        &["10.1099"],
    ),
    profile(
        "nber",
        "nber.org",
        &["nber.org", "National Bureau of Economic Research"],
        &["10.3386"],
    ),
    profile(
        "oup",
        "academic.oup.com",
        &["academic.oup.com", "Oxford Academic"],
        &["10.1093"],
    ),
    profile("peerj", "peerj.com", &["peerj.com"], &["10.7717"]),
    profile(
        "plos",
        "journals.plos.org",
        &["journals.plos.org", "plos.org"],
        &["10.1371"],
    ),
    profile(
        "royalsociety",
        "royalsocietypublishing.org",
        &[
            "royalsocietypublishing.org",
            "Published by the Royal Society",
        ],
        &["10.1098"],
    ),
    profile(
        "rsc",
        "pubs.rsc.org",
        &["pubs.rsc.org", "Royal Society of Chemistry"],
        &["10.1039"],
    ),
    profile(
        "sage",
        "journals.sagepub.com",
        &["journals.sagepub.com", "SAGE Journals"],
        &["10.1177"],
    ),
    profile(
        "tandf",
        "tandfonline.com",
        &["tandfonline.com", "Taylor & Francis Online"],
        &["10.1080"],
    ),
    profile("usenix", "usenix.org", &["usenix.org", "USENIX"], &[]),
    profile(
        "wiley",
        "onlinelibrary.wiley.com",
        &["onlinelibrary.wiley.com", "Wiley Online Library"],
        &["10.1002", "10.1111"],
    ),
];

const GENERIC: Profile = Profile {
    name: "generic",
    site: None,
    markers: &[],
    doi_prefixes: &[],
};

/// How much of the page's start is searched for markers: the site's masthead and menus.
/// Further down, reference lists name other sites.
const MARKER_WINDOW: usize = 20_000;

/// One searcher over every profile's markers, and the profile of each marker, built once.
static MARKERS: LazyLock<(AhoCorasick, Vec<usize>)> = LazyLock::new(|| {
    let (markers, owners): (Vec<&str>, Vec<usize>) = PROFILES
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.markers.iter().map(move |m| (*m, i)))
        .unzip();
    let searcher = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(markers)
        .expect("profile markers build a searcher");
    (searcher, owners)
});

/// Picks a profile: the site named by the page's URL (its canonical link, or the record's
/// URL); else the one whose marker comes
/// first near the page's top (the site's own masthead and menus come before any mention
/// of another site); else the one whose DOI prefix the article's DOI has; else generic.
pub fn detect_profile(document: &Document, doi: Option<&str>, url: Option<&str>) -> Profile {
    let urls = [document.meta.canonical_url.as_deref(), url];
    for url in urls.into_iter().flatten() {
        // The site's host, or a marker that is a host ("scitation.aip.org").
        let names_host = |p: &Profile| {
            p.site.is_some_and(|site| url.contains(site))
                || p.markers
                    .iter()
                    .any(|m| m.contains('.') && !m.contains(' ') && url.contains(m))
        };
        if let Some(profile) = PROFILES.iter().find(|p| names_host(p)) {
            return *profile;
        }
    }
    let head = &document.text[..floor_char_boundary(&document.text, MARKER_WINDOW)];
    let (searcher, owners) = &*MARKERS;
    if let Some(found) = searcher.find(head) {
        return PROFILES[owners[found.pattern().as_usize()]];
    }
    let prefix = doi
        .and_then(|d| d.split_once('/'))
        .map(|(prefix, _)| prefix);
    prefix
        .and_then(|prefix| {
            PROFILES
                .iter()
                .find(|p| p.doi_prefixes.contains(&prefix))
                .copied()
        })
        .unwrap_or(GENERIC)
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
    fn picks_the_site_by_url_first_marker_then_doi_prefix() {
        /// Page text, canonical URL, record URL, DOI, the profile picked.
        type Case<'a> = (
            &'a str,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            &'a str,
        );
        let cases: &[Case] = &[
            // The URL names the site, whatever the text says.
            (
                "Royal Society of Chemistry\nAn invented page",
                Some("https://pubs.aip.org/journal/x/1"),
                None,
                None,
                "aip",
            ),
            (
                "text",
                None,
                Some("http://invented.springeropen.com/articles/10.1186/x"),
                None,
                "springer",
            ),
            // The first marker in the page wins: the site's masthead comes before a
            // mention of another site.
            (
                "Springer Nature Link\nMenu\nAn article that cites nature.com pages",
                None,
                None,
                None,
                "springer",
            ),
            (
                "Europe PubMed Central (Europe PMC) requires Javascript\nPubMed Central",
                None,
                None,
                Some("10.1371/journal.x"),
                "europepmc",
            ),
            // No marker: the DOI prefix names the publisher.
            (
                "An invented article",
                None,
                None,
                Some("10.1371/journal.pone.1"),
                "plos",
            ),
            (
                "An invented article",
                None,
                None,
                Some("10.5555/x"),
                "generic",
            ),
            ("An invented article", None, None, None, "generic"),
            // The platforms of the invented cases in tests/data/pages.
            (
                "Skip to main content\nSAGE Journals\nAn invented article",
                None,
                None,
                None,
                "sage",
            ),
            (
                "Cambridge Core\nAn invented article",
                None,
                None,
                None,
                "cambridge",
            ),
            (
                "text",
                Some("https://ieeexplore.ieee.org/document/1"),
                None,
                None,
                "ieee",
            ),
            (
                "An invented article",
                None,
                None,
                Some("10.1145/3579112"),
                "acm",
            ),
        ];
        for &(text, canonical, url, doi, want) in cases {
            let mut document = Document {
                text: text.to_owned(),
                ..Document::default()
            };
            document.meta.canonical_url = canonical.map(str::to_owned);
            assert_eq!(detect_profile(&document, doi, url).name, want, "{text}");
        }
    }

    #[test]
    fn profile_names_are_unique() {
        let mut names: Vec<&str> = PROFILES.iter().map(|p| p.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PROFILES.len());
    }

    #[test]
    fn copernicus_by_its_article_urls_and_first_page_line() {
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
            // A reference to a book the publisher printed is no page of its site.
            (
                "Invented title\nBerg, T.: Invented book, Copernicus Publications, Göttingen, 2001.\n",
                "generic",
            ),
        ];
        for (text, want) in cases {
            let document = Document {
                text: text.to_owned(),
                ..Document::default()
            };
            assert_eq!(detect_profile(&document, None, None).name, want, "{text}");
        }
    }
}
