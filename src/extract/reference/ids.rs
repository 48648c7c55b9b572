//! Identifiers found anywhere in a reference (DOI, URL, PMID, PMCID, arXiv id) and
//! access notes ("Accessed 3 May 2020", "[Internet]", "Available from:"): read into
//! fields, then cut out so the rest of the parser sees only the bibliographic text.
//!
//! Each cut leaves a full stop standing alone (` . `), and its position is handed on: the
//! parser lets no field run across a cut, even where it reads that stop as no sentence end.

use memchr::memmem::Finder;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// What was found and the string without it.
#[derive(Debug, Default)]
pub struct Identifiers {
    pub doi: Option<String>,
    pub url: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub arxiv: Option<String>,
    /// Whether the reference says it was accessed online (a web page cue).
    pub accessed: bool,
}

static DOI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\[?doi\s*[:>]?\s*|https?\s*:\s*//\s*(?:dx\.)?doi\.org/\s*)?(?-u:\b)10\.\s?\d{4,9}/[^\s<>\]]+",
    )
    .expect("valid regex")
});
static DOI_CORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"10\.\s?\d{4,9}/[^\s<>\]]+").expect("valid regex"));
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:<\s*)?(?:(?-u:\b)(?:url\s*:?\s*)?https?\s*:\s*//|(?-u:\b)www\.)[^\s<>]+(?:\s*>)?",
    )
    .expect("valid regex")
});
static PMID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)PMID\s*:?\s*(\d{5,9})(?-u:\b)|(?-u:\b)PubMed\s+PMID\s*:?\s*(\d{5,9})(?-u:\b)",
    )
    .expect("valid regex")
});
static PMCID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:PMCID\s*:?\s*)?(PMC\d{5,9})(?-u:\b)").expect("valid regex")
});
static ARXIV: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\[?(?-u:\b)arxiv\s*:?\s*(\d{4}\.\d{4,5}(?:v\d+)?|[a-z\-]+(?:\.[a-z]{2})?/\d{7})(?:\s*\[[a-z\-\.]+\])?\]?|\[?(?-u:\b)((?:hep|astro|cond|gr|math|nucl|quant|physics)(?:-[a-z]{2,3})?/\d{7})\]?|\[\s*INSPIRE\s*\]",
    )
    .expect("valid regex")
});
/// `ISBN 0-486-67260-3`, `ISBN-13: 978-…`, `ISSN 1234-5678`: book and serial numbers,
/// never volume or pages.
static ISBN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)IS[BS]N(?:-1[03])?\s*:?\s*[0-9Xx][0-9Xx\- ]{6,19}[0-9Xx]")
        .expect("valid regex")
});
/// Access notes and link labels that carry no bibliographic field (`webcite`: the label
/// of an archived copy's link after a URL).
static NOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\[(?:internet|online|serial online|electronic resource|cited[^\]]*|accessed[^\]]*)\]|\((?:accessed|retrieved|cited|last accessed|viewed)(?-u:\b)[^)]*\)|(?-u:\b)(?:last\s+)?(?:accessed|retrieved|viewed)(?:\s+on)?\s*:?\s*(?:\d{1,2}\s+[a-z]+\.?\s+\d{4}|[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4})\.?|(?-u:\b)available\s+(?:from|at|online)\s*:?|(?-u:\b)retrieved\s+from(?-u:\b):?|(?-u:\b)online\s*:|(?-u:\b)URL\s*:|(?-u:\b)webcite(?-u:\b)\s*\]?",
    )
    .expect("valid regex")
});

/// A one-pass test for words that start access notes, so [`NOTES`] runs only when needed.
static NOTE_CUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)ccess|vailab|etriev|nternet|nline|url|cited|iewed|lectronic|ebcite")
        .expect("valid regex")
});

/// Literal cues, one of which each identifier's text holds: the regex for an identifier
/// runs only when the reference holds one of its cues.
const DOI_CUES: &[&str] = &["10."];
const URL_CUES: &[&str] = &["http", "www.", "HTTP", "WWW."];
const PMID_CUES: &[&str] = &["PMID", "PubMed", "pmid"];
const PMCID_CUES: &[&str] = &["PMC"];
const ARXIV_CUES: &[&str] = &["rXiv", "RXIV", "/0", "/1", "/9", "INSPIRE"];
const ISBN_CUES: &[&str] = &["ISBN", "ISSN", "isbn"];

/// The substring searchers of a cue table, built once (`str::contains` builds one per
/// call, and every reference asks for all the cues).
struct Cues(Vec<Finder<'static>>);

impl Cues {
    fn new(cues: &'static [&'static str]) -> Self {
        Cues(cues.iter().map(|c| Finder::new(c.as_bytes())).collect())
    }

    fn any_in(&self, text: &str) -> bool {
        self.0.iter().any(|f| f.find(text.as_bytes()).is_some())
    }
}

static CUES: LazyLock<[Cues; 6]> = LazyLock::new(|| {
    [
        DOI_CUES, URL_CUES, PMID_CUES, PMCID_CUES, ARXIV_CUES, ISBN_CUES,
    ]
    .map(Cues::new)
});

/// Removes trailing `.,;` and an unbalanced closing bracket from an identifier, and
/// what PDF extraction glued to its end (`10.1000/x,arXiv:…`, `10.1000/x.URL…`). A label
/// that starts the match (`URL: http://…`) is no glue.
fn trim_identifier(id: &str) -> &str {
    let mut id = id;
    for glue in [".URL", ",URL", "URL", ",arXiv", ",http", ".http"] {
        if let Some(at) = id.get(1..).and_then(|tail| tail.find(glue)) {
            id = &id[..at + 1];
        }
    }
    loop {
        let before = id.len();
        id = id.trim_end_matches(['.', ',', ';', ':', '>', '"', '\'', '’', '”']);
        for (open, close) in [('(', ')'), ('[', ']')] {
            if id.ends_with(close) && id.matches(open).count() < id.matches(close).count() {
                id = &id[..id.len() - 1];
            }
        }
        if id.len() == before {
            return id;
        }
    }
}

/// A reference with its identifiers cut out.
#[derive(Debug)]
pub struct Stripped<'a> {
    pub ids: Identifiers,
    /// The text without the identifiers' spans; each cut is replaced by ` . `.
    pub text: Cow<'a, str>,
    /// The byte offset in `text` of each cut's full stop, in order.
    pub cuts: Vec<usize>,
}

/// Finds the identifiers in `text` and returns them with `text` minus their spans.
pub fn take_identifiers(text: &str) -> Stripped<'_> {
    let mut ids = Identifiers::default();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let [
        doi_cues,
        url_cues,
        pmid_cues,
        pmcid_cues,
        arxiv_cues,
        isbn_cues,
    ] = &*CUES;

    if doi_cues.any_in(text) {
        if let Some(m) = DOI.find(text) {
            let core = DOI_CORE.find(m.as_str()).map(|c| c.as_str()).unwrap_or("");
            let doi: String = trim_identifier(core)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if doi.len() > 8 {
                let end = m.start() + m.as_str().len() - (core.len() - trim_identifier(core).len());
                cuts.push((m.start(), end));
                ids.doi = Some(doi);
            }
        }
    }
    if url_cues.any_in(text) {
        for m in URL.find_iter(text) {
            if cuts.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                continue;
            }
            let raw = m.as_str();
            let trimmed = trim_identifier(raw.trim_start_matches('<').trim());
            let start_at = trimmed.to_ascii_lowercase().find(['h', 'w']).unwrap_or(0);
            let url: String = trimmed[start_at..]
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            cuts.push((m.start(), m.end()));
            let lower = url.to_ascii_lowercase();
            // `https://doi.org/` with nothing after it names no DOI (the schema wants
            // no empty identifier).
            let doi = lower.find("doi.org/").map(|at| &url[at + 8..]);
            if let Some(doi) = doi.filter(|d| !d.is_empty()) {
                if ids.doi.is_none() {
                    ids.doi = Some(doi.to_owned());
                }
            } else if ids.url.is_none() && !url.is_empty() {
                ids.url = Some(url);
            }
        }
    }
    if pmid_cues.any_in(text) {
        if let Some(c) = PMID.captures(text) {
            let m = c.get(0).expect("whole match");
            ids.pmid = c.get(1).or_else(|| c.get(2)).map(|g| g.as_str().to_owned());
            cuts.push((m.start(), m.end()));
        }
    }
    if pmcid_cues.any_in(text) {
        if let Some(c) = PMCID.captures(text) {
            let m = c.get(0).expect("whole match");
            if !cuts.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                ids.pmcid = Some(c[1].to_owned());
                cuts.push((m.start(), m.end()));
            }
        }
    }
    if arxiv_cues.any_in(text) {
        for c in ARXIV.captures_iter(text) {
            let m = c.get(0).expect("whole match");
            if cuts.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                continue;
            }
            if ids.arxiv.is_none() {
                ids.arxiv = c.get(1).or_else(|| c.get(2)).map(|g| g.as_str().to_owned());
            }
            cuts.push((m.start(), m.end()));
        }
    }
    if isbn_cues.any_in(text) {
        for m in ISBN.find_iter(text) {
            if !cuts.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                cuts.push((m.start(), m.end()));
            }
        }
    }
    let may_have_notes = NOTE_CUES.is_match(text);
    for m in NOTES.find_iter(if may_have_notes { text } else { "" }) {
        if cuts.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
            continue;
        }
        let lower = m.as_str().to_ascii_lowercase();
        if lower.contains("access") || lower.contains("cited") || lower.contains("internet") {
            ids.accessed = true;
        }
        cuts.push((m.start(), m.end()));
    }
    if cuts.is_empty() {
        return Stripped {
            ids,
            text: Cow::Borrowed(text),
            cuts: Vec::new(),
        };
    }
    cuts.sort_unstable();
    let mut rest = String::with_capacity(text.len() + 3 * cuts.len());
    let mut stops = Vec::with_capacity(cuts.len());
    let mut at = 0;
    for (s, e) in cuts {
        if s > at {
            rest.push_str(&text[at..s]);
            // An identifier ends the field it sits in: text on either side of it never
            // joins into one title or container.
            stops.push(rest.len() + 1);
            rest.push_str(" . ");
        }
        at = at.max(e);
    }
    if at < text.len() {
        rest.push_str(&text[at..]);
    }
    Stripped {
        ids,
        text: Cow::Owned(rest),
        cuts: stops,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_identifiers() {
        type Case<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Option<&'a str>);
        let cases: &[Case] = &[
            (
                "Title. J 2011;26:1-2. doi:10.1000/abc.1. PMID: 12345678",
                Some("10.1000/abc.1"),
                None,
                Some("12345678"),
            ),
            (
                "Title (2010) https://doi.org/10.1000/X(12)3.",
                Some("10.1000/X(12)3"),
                None,
                None,
            ),
            (
                "Site. Available from: http://example.org/a/b. Accessed 3 May 2020.",
                None,
                Some("http://example.org/a/b"),
                None,
            ),
            (
                "Doe, J. Title. Invented J. 12. URL: http://example.org/x",
                None,
                Some("http://example.org/x"),
                None,
            ),
            (
                "Doe, J. Title. https://doi.org/ 2011",
                None,
                Some("https://doi.org/"),
                None,
            ),
            (
                "Brook, T. (1999). A Made-up Handbook. Imaginary Press. ISBN 0-123-45678-X.",
                None,
                None,
                None,
            ),
        ];
        for (text, doi, url, pmid) in cases {
            let Stripped {
                ids,
                text: rest,
                cuts,
            } = take_identifiers(text);
            assert_eq!(ids.doi.as_deref(), *doi, "{text}");
            assert!(!cuts.is_empty(), "{text}");
            for &at in &cuts {
                assert_eq!(rest.get(at - 1..at + 2), Some(" . "), "{rest}");
            }
            assert_eq!(ids.url.as_deref(), *url, "{text}");
            assert_eq!(ids.pmid.as_deref(), *pmid, "{text}");
            assert!(!rest.contains("10.1000"), "{rest}");
            assert!(!rest.contains("ISBN"), "{rest}");
        }
    }
}
