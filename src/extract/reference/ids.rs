//! Identifiers found anywhere in a reference (DOI, URL, PMID, PMCID, arXiv id) and
//! access notes ("Accessed 3 May 2020", "[Internet]", "Available from:"): read into
//! fields, then cut out so the rest of the parser sees only the bibliographic text.
//!
//! Each cut leaves a full stop standing alone (` . `), and its position is handed on: the
//! parser lets no field run across a cut, even where it reads that stop as no sentence end.

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

/// Words that start access notes, one of which a reference holds before [`NOTES`] runs
/// (compared ignoring ASCII case, as `(?i)` does; see [`may_have_notes`]).
const NOTE_CUES: &[&str] = &[
    "ccess",
    "vailab",
    "etriev",
    "nternet",
    "nline",
    "url",
    "cited",
    "iewed",
    "lectronic",
    "ebcite",
];

/// Literal cues, one of which each identifier's text holds: the regex for an identifier
/// runs only when the reference holds one of its cues.
const DOI_CUES: &[&str] = &["10."];
const URL_CUES: &[&str] = &["http", "www.", "HTTP", "WWW."];
const PMID_CUES: &[&str] = &["PMID", "PubMed", "pmid"];
const PMCID_CUES: &[&str] = &["PMC"];
const ARXIV_CUES: &[&str] = &["rXiv", "RXIV", "/0", "/1", "/9", "INSPIRE"];
const ISBN_CUES: &[&str] = &["ISBN", "ISSN", "isbn"];

/// The cue tables in the order of their bits.
const CUE_TABLES: [&[&str]; 6] = [
    DOI_CUES, URL_CUES, PMID_CUES, PMCID_CUES, ARXIV_CUES, ISBN_CUES,
];
const DOI_BIT: u8 = 1 << 0;
const URL_BIT: u8 = 1 << 1;
const PMID_BIT: u8 = 1 << 2;
const PMCID_BIT: u8 = 1 << 3;
const ARXIV_BIT: u8 = 1 << 4;
const ISBN_BIT: u8 = 1 << 5;

/// How many identifier cues the tables hold.
const CUE_COUNT: usize = {
    let mut n = 0;
    let mut table = 0;
    while table < CUE_TABLES.len() {
        n += CUE_TABLES[table].len();
        table += 1;
    }
    n
};

/// The identifier cues with the bit of their table.
static CUES: [(&str, u8); CUE_COUNT] = {
    let mut cues = [("", 0u8); CUE_COUNT];
    let mut n = 0;
    let mut table = 0;
    while table < CUE_TABLES.len() {
        let mut i = 0;
        while i < CUE_TABLES[table].len() {
            cues[n] = (CUE_TABLES[table][i], 1 << table);
            n += 1;
            i += 1;
        }
        table += 1;
    }
    assert!(n == CUE_COUNT, "CUES holds every cue");
    cues
};

/// Per byte, the cues that start with it: bit `i` for `CUES[i]`, bit `CUE_COUNT + i` for
/// `NOTE_CUES[i]` (in both ASCII cases); `SECOND_BYTES` the same for the second byte.
/// A position where no cue has both its first and its second byte is turned away with
/// two look-ups.
static FIRST_BYTES: [u32; 256] = cue_byte_table(0);
static SECOND_BYTES: [u32; 256] = cue_byte_table(1);

const fn cue_byte_table(at: usize) -> [u32; 256] {
    assert!(CUE_COUNT + NOTE_CUES.len() <= 32, "one bit per cue");
    let mut table = [0u32; 256];
    let mut i = 0;
    while i < CUES.len() {
        table[CUES[i].0.as_bytes()[at] as usize] |= 1 << i;
        i += 1;
    }
    let mut i = 0;
    while i < NOTE_CUES.len() {
        let byte = NOTE_CUES[i].as_bytes()[at];
        table[byte.to_ascii_lowercase() as usize] |= 1 << (CUE_COUNT + i);
        table[byte.to_ascii_uppercase() as usize] |= 1 << (CUE_COUNT + i);
        i += 1;
    }
    table
}

/// What one pass over a reference found: the bits of the cue tables (`DOI_BIT`, …) with
/// a cue in `text`, and whether it holds a note cue (see [`may_have_notes`]).
fn scan_cues(text: &str) -> (u8, bool) {
    let bytes = text.as_bytes();
    let mut found = 0;
    let mut note = false;
    // The cues that the byte before could start: each byte is looked up once.
    let mut started_before = 0u32;
    for (i, &byte) in bytes.iter().enumerate() {
        let candidates = started_before & SECOND_BYTES[usize::from(byte)];
        started_before = FIRST_BYTES[usize::from(byte)];
        // Few byte pairs start a cue: they are read out of line, so that the walk over
        // the others stays short.
        if candidates != 0 {
            let (identifiers, notes) = read_cues(&bytes[i - 1..], candidates);
            found |= identifiers;
            note |= notes;
        }
    }
    (found, note)
}

/// Of the `candidates` (bits as in [`FIRST_BYTES`]) whose first two bytes start `rest`,
/// the cue tables with a cue that `rest` starts with, and whether a note cue does.
#[inline(never)]
fn read_cues(rest: &[u8], mut candidates: u32) -> (u8, bool) {
    let mut found = 0;
    let mut note = false;
    while candidates != 0 {
        let cue = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if let Some(&(identifier_cue, bit)) = CUES.get(cue) {
            if rest.starts_with(identifier_cue.as_bytes()) {
                found |= bit;
            }
        } else {
            let note_cue = NOTE_CUES[cue - CUE_COUNT].as_bytes();
            note = note
                || rest
                    .get(..note_cue.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(note_cue));
        }
    }
    (found, note)
}

/// Whether `text` (where [`scan_cues`] found `note_cue` or not) may hold an access note:
/// [`NOTES`] matches only where a note cue is. ASCII case folding finds every cue but one
/// spelled with the long s (`ſ`, which `(?i)` folds to `s`): a text that holds one asks
/// [`NOTES`] itself.
fn may_have_notes(text: &str, note_cue: bool) -> bool {
    note_cue || !text.is_ascii() && text.contains('ſ')
}

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
    let (cues, note_cue) = scan_cues(text);

    if cues & DOI_BIT != 0 {
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
    if cues & URL_BIT != 0 {
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
    if cues & PMID_BIT != 0 {
        if let Some(c) = PMID.captures(text) {
            let m = c.get(0).expect("whole match");
            ids.pmid = c.get(1).or_else(|| c.get(2)).map(|g| g.as_str().to_owned());
            cuts.push((m.start(), m.end()));
        }
    }
    if cues & PMCID_BIT != 0 {
        if let Some(c) = PMCID.captures(text) {
            let m = c.get(0).expect("whole match");
            if !cuts.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                ids.pmcid = Some(c[1].to_owned());
                cuts.push((m.start(), m.end()));
            }
        }
    }
    if cues & ARXIV_BIT != 0 {
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
    if cues & ISBN_BIT != 0 {
        for m in ISBN.find_iter(text) {
            if !cuts.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
                cuts.push((m.start(), m.end()));
            }
        }
    }
    let notes_text = if may_have_notes(text, note_cue) {
        text
    } else {
        ""
    };
    for m in NOTES.find_iter(notes_text) {
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
    fn one_scan_finds_the_cues_that_contains_and_a_case_insensitive_search_find() {
        let note_cues = Regex::new(&format!("(?i){}", NOTE_CUES.join("|"))).unwrap();
        let texts = [
            "Doe J. Title. J 2011;26:1-2. doi:10.1000/abc.1",
            "/10.1000/x",
            "see http://example.org and www.example.org; HTTP://X, WWW.Y",
            "PMID: 123456 PubMed pmid PMC12345 PMCID",
            "arXiv:1810.04805 ARXIV hep-th/9901001 /0 /1 /9 [INSPIRE]",
            "ISBN 0-486 ISSN isbn",
            "ACCESSED 3 May; Available from; RETRIEVED; Internet; ONLINE; URL; Cited; viewed",
            "Electronic; webcite; eLeCtRoNiC",
            "Accesſed 3 May 2020",
            "",
            "1",
            "Mesenchymal stem cells: revisiting history. Cell Stem Cell 2008; 2: 313–9.",
        ];
        for text in texts {
            let (found, note) = scan_cues(text);
            for (table, cues) in CUE_TABLES.iter().enumerate() {
                let expected = cues.iter().any(|c| text.contains(c));
                assert_eq!(found & (1 << table) != 0, expected, "{text}: table {table}");
            }
            assert_eq!(
                may_have_notes(text, note),
                note_cues.is_match(text) || text.contains('ſ'),
                "{text}"
            );
            if !text.contains('ſ') {
                assert_eq!(note, note_cues.is_match(text), "{text}");
            }
        }
    }

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
