//! The source metadata cascade: Highwire `citation_*` tags, then JSON-LD, then Dublin Core
//! and PRISM, then Open Graph. Each source fills only what is still empty and is named in
//! the record's provenance (`meta:citation_title`, `json-ld`, ...).
//!
//! The scalar fields each source can fill are tables ([`HIGHWIRE`], [`DUBLIN_CORE`],
//! [`PRISM`], [`OPEN_GRAPH`]); values pass through one normaliser per field (DOIs without
//! resolver prefix, dates as partial ISO 8601, pages expanded, whitespace folded).

use crate::decode::{DomValue, SourceMeta};
use crate::extract::dates::parse_date;
use crate::extract::locator::{Locator, is_journal_name, looks_abbreviated, parse_locator};
use crate::extract::names::split_given_family;
use crate::extract::pages::parse_page_range;
use crate::record::{Affiliation, Author, Funding, Record, RefAuthor, Reference};
use crate::rules::SITE_NAMES;
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

/// Highwire Press tags: (record field, tag names in order of preference).
pub const HIGHWIRE: &[(&str, &[&str])] = &[
    ("title", &["citation_title"]),
    (
        "journal.title",
        &["citation_journal_title", "citation_conference_title"],
    ),
    ("journal.abbrev", &["citation_journal_abbrev"]),
    ("journal.publisher", &["citation_publisher"]),
    ("journal.issn_electronic", &["citation_eissn"]),
    ("volume", &["citation_volume"]),
    ("issue", &["citation_issue"]),
    ("page_first", &["citation_firstpage"]),
    ("page_last", &["citation_lastpage"]),
    ("article_number", &["citation_article_number"]),
    (
        "dates.published",
        &[
            "citation_online_date",
            "citation_publication_date",
            "citation_date",
            "citation_cover_date",
        ],
    ),
    ("doi", &["citation_doi"]),
    ("pmid", &["citation_pmid"]),
    ("pmcid", &["citation_pmcid"]),
    ("abstract", &["citation_abstract"]),
    ("article_type", &["citation_article_type"]),
    (
        "url",
        &[
            "citation_abstract_html_url",
            "citation_fulltext_html_url",
            "citation_public_url",
        ],
    ),
];

/// Dublin Core tags (`dc:`, `dcterms.` and `dcterms:` spellings are folded to `dc.`).
pub const DUBLIN_CORE: &[(&str, &[&str])] = &[
    ("title", &["dc.title"]),
    ("journal.publisher", &["dc.publisher"]),
    (
        "dates.published",
        &[
            "dc.date",
            "dc.issued",
            "dc.date.issued",
            "dc.created",
            "dc.available",
        ],
    ),
    ("doi", &["dc.identifier", "dc.identifier.doi"]),
    ("abstract", &["dc.description", "dc.abstract"]),
];

/// PRISM tags.
pub const PRISM: &[(&str, &[&str])] = &[
    ("journal.title", &["prism.publicationname"]),
    ("journal.issn_print", &["prism.issn"]),
    ("journal.issn_electronic", &["prism.eissn"]),
    ("volume", &["prism.volume"]),
    ("issue", &["prism.number", "prism.issue"]),
    ("page_first", &["prism.startingpage"]),
    ("page_last", &["prism.endingpage"]),
    ("doi", &["prism.doi"]),
    (
        "dates.published",
        &[
            "prism.publicationdate",
            "prism.coverdate",
            "prism.onlinedate",
        ],
    ),
    ("dates.issue", &["prism.coverdate"]),
    ("url", &["prism.url"]),
];

/// Open Graph tags.
pub const OPEN_GRAPH: &[(&str, &[&str])] = &[
    ("title", &["og:title"]),
    ("url", &["og:url"]),
    (
        "dates.published",
        &["article:published_time", "og:publish_date", "publish_date"],
    ),
];

/// JSON-LD `@type`s that describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "scholarlyarticle",
    "medicalscholarlyarticle",
    "article",
    "newsarticle",
    "techarticle",
    "report",
    "chapter",
    "creativework",
];

/// A DOI inside any text: `10.` registrant `/` suffix.
static DOI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(10\.\d{4,9}/[^\s\x22<>]+)").unwrap());

/// `citation_*=value` keys inside a `citation_reference` or `citation_funding_source` tag.
static CITATION_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|;)\s*(citation_[a-z_]+)\s*=").unwrap());

/// Leftover markup inside meta content (`&lt;i&gt;` decoded to `<i>`).
static TAG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"</?[a-zA-Z][a-zA-Z0-9:]*(?:\s[^<>]{0,200})?/?>").unwrap());

/// Marks printed after author names: footnote symbols, affiliation digits, a trailing
/// "and" or comma (`Jean Paul Malrieu,*,‡ and`).
static NAME_TRAILER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:[\s,;*†‡§¶#∥⊥✉\d]+|\s+and)+$").unwrap());

/// Tags whose year is the year of publication, in order (the online date of an article
/// can fall in the year before its issue).
const YEAR_TAGS: &[&str] = &[
    "citation_publication_date",
    "citation_date",
    "citation_cover_date",
    "citation_year",
    "prism.coverdate",
    "prism.publicationdate",
    "dc.date",
    "dc.issued",
    "dc.date.issued",
];

/// A leading "Abstract" label on a meta abstract.
static ABSTRACT_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?i:abstract|summary)\s*[:.\-–—]?\s+").unwrap());

/// Fills record fields from the source's own metadata.
pub fn fill_from_source_meta(record: &mut Record, meta: &SourceMeta) {
    let folded = fold_tag_names(meta);
    fill_highwire(record, &folded);
    if let Some(article) = json_ld_article(&meta.json_ld) {
        fill_json_ld(record, article);
    }
    fill_scalars(record, &folded, DUBLIN_CORE);
    if record.authors.is_empty() {
        let creators = authors_from_names(folded.all("dc.creator"));
        let authors = if creators.is_empty() {
            authors_from_names(folded.all("dc.contributor"))
        } else {
            creators
        };
        if !authors.is_empty() {
            record.authors = authors;
            record.note_source("authors", "meta:dc.creator", None);
        }
    }
    if record.keywords.is_empty() {
        let keywords = split_keywords(folded.all("dc.subject"));
        if !keywords.is_empty() {
            record.keywords = keywords;
            record.note_source("keywords", "meta:dc.subject", None);
        }
    }
    fill_scalars(record, &folded, PRISM);
    fill_scalars(record, &folded, OPEN_GRAPH);
    fill_from_dom(record, &meta.dom);
    if record.abstract_text.is_none() {
        fill_abstract_from_description(record, &folded);
    }
    if record.url.is_none() {
        if let Some(url) = meta
            .canonical_url
            .as_deref()
            .filter(|u| u.starts_with("http"))
        {
            record.url = Some(url.to_owned());
            record.note_source("url", "canonical", None);
        }
    }
    fill_year(record, &folded, &meta.dom);
}

/// Separators between the parts of a `<title>`: "Title | Journal | Site", "Title - Journal",
/// "Title : Journal : Publisher", "Title: Journal: Vol 1", "Title [Journal]".
static TITLE_SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s+[|–—-]\s+|\s*:\s+|\s*[\[\]]\s*|^\s*\||\|\s*$").unwrap());

/// A trailing "(RSC Publishing)" or "DOI:10..." on a `<title>` part.
static TITLE_PART_TRAILER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*(?:\(([^()]*)\)|\bDOI:\s*\S+)\s*$").unwrap());

fn fold_for_title(text: &str) -> String {
    text.to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Last resort for the journal of an HTML page: the one part of its `<title>` that is not
/// the article's title, an author's name, a site or a volume label ("Quantum Sensing |
/// Acta Imaginaria" gives "Acta Imaginaria"). Needs the article's title to tell the parts
/// apart, so it runs after the text's header.
pub fn fill_journal_from_document_title(record: &mut Record, meta: &SourceMeta) {
    if record.journal.title.is_some() || record.source.format != "html" {
        return;
    }
    let (Some(document_title), Some(title)) = (&meta.document_title, &record.title) else {
        return;
    };
    let title = fold_for_title(&TAG.replace_all(title, ""));
    let families: Vec<String> = record
        .authors
        .iter()
        .filter_map(|a| a.family.as_deref().map(fold_for_title))
        .collect();
    let mut found: Vec<String> = Vec::new();
    let mut had_title = false;
    for part in TITLE_SEPARATOR.split(document_title) {
        let mut part = part.trim().to_owned();
        while let Some(m) = TITLE_PART_TRAILER.captures(&part) {
            let whole = m.get(0).expect("match");
            let site = m.get(1).is_none_or(|inner| {
                let inner = inner.as_str().trim();
                is_site_name(inner)
                    || ["Publishing", "Publications", "Press"]
                        .iter()
                        .any(|w| inner.ends_with(w))
            });
            if !site {
                break;
            }
            part.truncate(whole.start());
        }
        let folded = fold_for_title(&part);
        if folded.is_empty() {
            continue;
        }
        if title.contains(&folded) {
            had_title |= folded.len() * 3 >= title.len();
            continue;
        }
        let plausible = !part.bytes().any(|b| b.is_ascii_digit())
            && !is_site_name(&part)
            && !families.contains(&folded)
            && is_journal_name(&part);
        if plausible && !found.contains(&part) {
            found.push(part);
        }
    }
    if !had_title || found.len() != 1 {
        return;
    }
    let name = found.remove(0);
    let field = if looks_abbreviated(&name) {
        "journal.abbrev"
    } else {
        "journal.title"
    };
    set_field(record, field, name, "document-title");
}

/// Shortest DOM abstract that stands in for a missing one.
const DOM_ABSTRACT_MIN_CHARS: usize = 200;

/// Bounds the text's abstract by the page's abstract element: when the text's abstract is
/// that element's text and then more (a licence line, "Export citation", the journal's
/// citation), the rest is cut. Without a text abstract, a long enough element stands in.
pub fn bound_abstract_by_dom(record: &mut Record, meta: &SourceMeta) {
    let candidates = meta
        .dom
        .iter()
        .filter(|v| v.field == "abstract")
        .filter_map(|v| {
            let value = normalise("abstract", &v.value)?;
            Some((value, v.cue))
        });
    let Some(text) = record.abstract_text.clone() else {
        // The innermost element: an outer one carries its heading and language buttons.
        let found = candidates
            .filter(|(value, _)| value.chars().count() >= DOM_ABSTRACT_MIN_CHARS)
            .min_by_key(|(value, _)| value.len());
        if let Some((value, cue)) = found {
            set_field(record, "abstract", value, &format!("dom:{cue}"));
        }
        return;
    };
    let folded_text = super::text::fold_alnum(&text);
    for (value, _) in candidates {
        let folded = super::text::fold_alnum(&value);
        if folded.len() < 40 || folded_text.len() <= folded.len() + 20 {
            continue;
        }
        if !folded_text.starts_with(&folded) {
            continue;
        }
        // The char where the text's folded letters reach the element's.
        let mut seen = 0;
        let mut cut = None;
        for (at, c) in text.char_indices() {
            if c.is_alphanumeric() {
                seen += c.to_lowercase().count();
                if seen == folded.len() {
                    cut = Some(at + c.len_utf8());
                    break;
                }
            }
        }
        let Some(cut) = cut else {
            continue;
        };
        // Keep the sentence's closing punctuation.
        let rest = &text[cut..];
        let closing: usize = rest
            .char_indices()
            .take_while(|(_, c)| ".)]”’\"'".contains(*c))
            .map(|(_, c)| c.len_utf8())
            .sum();
        let bounded = text[..cut + closing].trim_end().to_owned();
        record.abstract_text = Some(bounded);
        return;
    }
}

fn is_site_name(text: &str) -> bool {
    let text = text.trim();
    SITE_NAMES.iter().any(|s| s.eq_ignore_ascii_case(text))
}

/// A field label printed before a DOM value: "Volume 12", "Issue 4", "Pages 1-9", "pp.".
static DOM_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:vol(?:ume)?|iss(?:ue)?|no|number|pages?|pp?)\b\.?\s*:?\s*").unwrap()
});

/// A volume or issue as pages print it: "12", "4", "S2", "3-4", "12A".
static DOM_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?:Pt|Part|Suppl|Supplement)\.?\s*)?[A-Za-z]{0,2}\d{1,5}[A-Za-z]?(?:[-–/]\d{1,5})?$",
    )
    .unwrap()
});

/// "Published online", "First published on the web" before a DOM date.
static PUBLISHED_OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?i:(?:first\s+)?published(?:\s+online|\s+on\s+the\s+web|\s+in\s+print)?(?:\s+on)?)\s*:?\s*").unwrap()
});

/// A day with an ordinal suffix: "26th".
static ORDINAL_DAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,2})(?:st|nd|rd|th)\b").unwrap());

/// A "Title:" label before a DOM title.
static TITLE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?i:title)\s*:\s*").unwrap());

/// A year of publication inside a short text: "2006", "(2015)".
static DOM_YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(1[89]\d\d|20\d\d)\b").unwrap());

/// A DOM value with its label and surrounding punctuation taken off.
fn strip_dom_label(value: &str) -> &str {
    let trimmed = value.trim_matches(|c: char| c.is_whitespace() || ",.;:()".contains(c));
    let rest = DOM_LABEL
        .find(trimmed)
        .map_or(trimmed, |m| &trimmed[m.end()..]);
    rest.trim_matches(|c: char| c.is_whitespace() || ",.;:()".contains(c))
}

/// Fills the volume, issue, pages and article number a locator line gives.
fn fill_from_locator(record: &mut Record, locator: Locator, source: &str) {
    let pairs = [
        ("volume", locator.volume),
        ("issue", locator.issue),
        ("page_first", locator.page_first),
        ("page_last", locator.page_last),
        ("article_number", locator.article_number),
    ];
    for (field, found) in pairs {
        if let Some(found) = found {
            set_field(record, field, found, source);
        }
    }
}

/// Fills what is still empty from the visible DOM's citation cues ([`crate::rules::DOM_CUES`]),
/// in page order; the provenance names the cue (`dom:class:slug-vol`).
fn fill_from_dom(record: &mut Record, values: &[DomValue]) {
    for value in values {
        let source = format!("dom:{}", value.cue);
        match value.field {
            "volume" | "issue" => {
                let number = strip_dom_label(&value.value);
                if DOM_NUMBER.is_match(number) {
                    set_field(record, value.field, number.to_owned(), &source);
                } else if let Some(locator) = parse_locator(&value.value) {
                    // "Vol. 12, Iss. 4 — 3 May 2011" under an "Issue" label.
                    fill_from_locator(record, locator, &source);
                }
            }
            "page_first" | "page_last" => {
                let page = strip_dom_label(&value.value);
                if DOM_NUMBER.is_match(page) {
                    set_field(record, value.field, page.to_owned(), &source);
                }
            }
            "pages" => {
                if record.page_first.is_some() {
                    continue;
                }
                if let Some(range) = parse_page_range(strip_dom_label(&value.value)) {
                    set_field(record, "page_first", range.first, &source);
                    if let Some(last) = range.last {
                        set_field(record, "page_last", last, &source);
                    }
                }
            }
            "locator" => {
                if let Some(locator) = parse_locator(&value.value) {
                    fill_from_locator(record, locator, &source);
                }
            }
            "journal.title" | "journal.abbrev" => {
                let name = value
                    .value
                    .trim_matches(|c: char| c.is_whitespace() || c == ',');
                if is_journal_name(name) {
                    set_field(record, value.field, name.to_owned(), &source);
                }
            }
            "title" => {
                let text = TITLE_LABEL.replace(&value.value, "");
                let title = normalise("title", &text).filter(|t| t.split_whitespace().count() >= 2);
                if let Some(title) = title {
                    set_field(record, "title", title, &source);
                }
            }
            "dates.published" => {
                let text = PUBLISHED_OPENING.replace(&value.value, "");
                let text = ORDINAL_DAY.replace_all(&text, "$1");
                if let Some(date) = parse_date(&text) {
                    set_field(record, value.field, date, &source);
                }
            }
            _ => {}
        }
    }
}

/// Page descriptions that may hold the whole abstract, in order.
const DESCRIPTION_TAGS: &[&str] = &["description", "og:description", "twitter:description"];

/// Shortest description taken as an abstract: shorter ones are teasers or site blurbs.
const DESCRIPTION_MIN_CHARS: usize = 250;

/// Last resort for the abstract: a page description long enough to be the abstract itself
/// and not cut short (`…`).
fn fill_abstract_from_description(record: &mut Record, meta: &SourceMeta) {
    for tag in DESCRIPTION_TAGS {
        let Some(value) = meta.first(tag).and_then(|v| normalise("abstract", v)) else {
            continue;
        };
        let cut_short = value.ends_with('…') || value.ends_with("...");
        // "R. Florian, H. Hassan, ... Proceedings of ...": a citation, not an abstract.
        let opening: String = value.chars().take(80).collect();
        let starts_with_authors = record
            .authors
            .first()
            .and_then(|a| a.family.as_deref())
            .is_some_and(|family| opening.contains(family));
        if value.chars().count() >= DESCRIPTION_MIN_CHARS && !cut_short && !starts_with_authors {
            set_field(record, "abstract", value, &format!("meta:{tag}"));
            return;
        }
    }
}

/// Meta tags with Dublin Core spellings folded: `DC:Title`, `dcterms.title` give `dc.title`.
fn fold_tag_names(meta: &SourceMeta) -> SourceMeta {
    let tags = meta
        .tags
        .iter()
        .map(|(name, value)| {
            let name = name
                .strip_prefix("dcterms.")
                .or_else(|| name.strip_prefix("dcterms:"))
                .or_else(|| name.strip_prefix("dc:"))
                .map_or_else(|| name.clone(), |rest| format!("dc.{rest}"));
            (name, value.clone())
        })
        .collect();
    SourceMeta {
        tags,
        json_ld: Vec::new(),
        document_title: None,
        canonical_url: None,
        dom: Vec::new(),
    }
}

/// Fills scalar fields from one table of tags.
fn fill_scalars(record: &mut Record, meta: &SourceMeta, table: &[(&str, &[&str])]) {
    for (field, tags) in table {
        // A full date is final; a partial one may still take its day (see `set_field`).
        let filled = slot(record, field)
            .and_then(|s| s.as_deref())
            .is_some_and(|v| !field.starts_with("dates.") || v.len() >= 10);
        if filled {
            continue;
        }
        for tag in *tags {
            let found = meta
                .all(tag)
                .find_map(|value| normalise(field, value).map(|v| (v, value)));
            if let Some((value, _)) = found {
                set_field(record, field, value, &format!("meta:{tag}"));
                break;
            }
        }
    }
}

/// Sets a field that is still empty and notes where its value came from.
fn set_field(record: &mut Record, field: &str, value: String, source: &str) {
    if let Some(slot) = slot(record, field) {
        // A partial date ("2014-03") takes the day from a later source that agrees with it
        // ("2014-03-01"); a date is never made up, only read.
        let refines = field.starts_with("dates.")
            && slot
                .as_deref()
                .is_some_and(|have| value.len() > have.len() && value.starts_with(have));
        if slot.is_none() || refines {
            *slot = Some(value);
            record.note_source(field, source, None);
        }
    }
}

/// The record's scalar string field by name.
fn slot<'a>(record: &'a mut Record, field: &str) -> Option<&'a mut Option<String>> {
    Some(match field {
        "title" => &mut record.title,
        "article_type" => &mut record.article_type,
        "journal.title" => &mut record.journal.title,
        "journal.abbrev" => &mut record.journal.abbrev,
        "journal.issn_print" => &mut record.journal.issn_print,
        "journal.issn_electronic" => &mut record.journal.issn_electronic,
        "journal.publisher" => &mut record.journal.publisher,
        "volume" => &mut record.volume,
        "issue" => &mut record.issue,
        "article_number" => &mut record.article_number,
        "page_first" => &mut record.page_first,
        "page_last" => &mut record.page_last,
        "dates.published" => &mut record.dates.published,
        "dates.issue" => &mut record.dates.issue,
        "doi" => &mut record.doi,
        "url" => &mut record.url,
        "pmid" => &mut record.pmid,
        "pmcid" => &mut record.pmcid,
        "abstract" => &mut record.abstract_text,
        _ => return None,
    })
}

/// Normalises a raw value for a field; `None` when it is not a usable value.
fn normalise(field: &str, raw: &str) -> Option<String> {
    let text = collapse(raw);
    if text.is_empty() {
        return None;
    }
    match field {
        "doi" => normalise_doi(&text),
        f if f.starts_with("dates.") => parse_date(&text),
        "abstract" => {
            let plain = collapse(&TAG.replace_all(&text, " "));
            let plain = ABSTRACT_LABEL.replace(&plain, "").into_owned();
            // "AbstractFood packaging ...": a label glued to the first word.
            let plain = match plain.strip_prefix("Abstract") {
                Some(rest) if rest.starts_with(char::is_uppercase) => rest.to_owned(),
                _ => plain,
            };
            (plain.len() > 20).then_some(plain)
        }
        "title" | "journal.title" => {
            let plain = collapse(&TAG.replace_all(&text, ""));
            (!plain.is_empty()).then_some(plain)
        }
        "page_first" | "page_last" | "volume" | "issue" => {
            let t = text.trim_matches(|c: char| c == '.' || c == ',' || c.is_whitespace());
            (!t.is_empty() && t.len() <= 40).then(|| t.to_owned())
        }
        "journal.issn_print" | "journal.issn_electronic" => {
            let t = text.trim();
            (t.len() >= 8 && t.len() <= 9).then(|| t.to_uppercase())
        }
        "url" => text.starts_with("http").then_some(text),
        "pmid" => text.bytes().all(|b| b.is_ascii_digit()).then_some(text),
        _ => Some(text),
    }
}

/// A DOI without resolver prefix (`https://doi.org/`, `doi:`, `info:doi/`); `None` when the
/// text holds none.
pub fn normalise_doi(text: &str) -> Option<String> {
    let found = DOI.captures(text)?.get(1)?.as_str();
    let doi = found.trim_end_matches(['.', ',', ';', ')', ']']);
    Some(doi.to_owned())
}

fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The Highwire stage: scalars, authors with institutions, keywords, funding, references.
fn fill_highwire(record: &mut Record, meta: &SourceMeta) {
    fill_scalars(record, meta, HIGHWIRE);
    // `citation_firstpage` sometimes holds the whole range.
    if let (Some(first), None) = (record.page_first.clone(), record.page_last.as_ref()) {
        if let Some(range) = parse_page_range(&first).filter(|r| r.last.is_some()) {
            record.page_first = Some(range.first);
            record.page_last = range.last;
            record.note_source("page_last", "meta:citation_firstpage", None);
        }
    }
    let issns: Vec<&str> = meta.all("citation_issn").collect();
    for (field, value) in ["journal.issn_print", "journal.issn_electronic"]
        .iter()
        .zip(issns.iter())
    {
        if let Some(v) = normalise(field, value) {
            let already = record.journal.issn_print.as_deref() == Some(v.as_str())
                || record.journal.issn_electronic.as_deref() == Some(v.as_str());
            if !already {
                set_field(record, field, v, "meta:citation_issn");
            }
        }
    }
    if record.authors.is_empty() {
        fill_highwire_authors(record, meta);
    }
    if record.authors.is_empty() {
        // One tag for all: "Lin, Mei; Lang, Erica".
        if let Some(all) = meta.first("citation_authors") {
            let authors = authors_from_names(all.split(';'));
            if !authors.is_empty() {
                record.authors = authors;
                record.note_source("authors", "meta:citation_authors", None);
            }
        }
    }
    if record.keywords.is_empty() {
        let keywords = split_keywords(meta.all("citation_keywords"));
        if !keywords.is_empty() {
            record.keywords = keywords;
            record.note_source("keywords", "meta:citation_keywords", None);
        }
    }
    if record.funding.is_empty() {
        let funding: Vec<Funding> = meta
            .all("citation_funding_source")
            .filter_map(parse_funding_source)
            .collect();
        if !funding.is_empty() {
            record.funding = merge_funders(funding);
            record.note_source("funding", "meta:citation_funding_source", None);
        }
    }
    if record.funding.is_empty() {
        let funding = funders_from_tags(meta);
        if !funding.is_empty() {
            record.funding = merge_funders(funding);
            record.note_source("funding", "meta:citation_funder", None);
        }
    }
    if record.references.is_empty() {
        let references: Vec<Reference> = meta
            .all("citation_reference")
            .filter_map(parse_citation_reference)
            .collect();
        if !references.is_empty() {
            record.references = references;
            record.note_source("references", "meta:citation_reference", None);
        }
    }
}

/// `citation_author` tags, each followed by its own `citation_author_institution`,
/// `citation_author_orcid` and `citation_author_email` tags.
fn fill_highwire_authors(record: &mut Record, meta: &SourceMeta) {
    let mut authors: Vec<Author> = Vec::new();
    let mut affiliations: Vec<Affiliation> = Vec::new();
    for (name, value) in &meta.tags {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        match name.as_str() {
            "citation_author" => {
                if let Some(author) = author_from_name(value) {
                    authors.push(author);
                }
            }
            "citation_author_institution" | "citation_author_affiliation" => {
                let Some(author) = authors.last_mut() else {
                    continue;
                };
                let text = collapse(value);
                let id = match affiliations.iter().find(|a| a.text == text) {
                    Some(a) => a.id.clone(),
                    None => {
                        let id = (affiliations.len() + 1).to_string();
                        affiliations.push(Affiliation {
                            id: id.clone(),
                            text,
                            ..Affiliation::default()
                        });
                        id
                    }
                };
                if !author.affiliations.contains(&id) {
                    author.affiliations.push(id);
                }
            }
            "citation_author_orcid" => {
                if let Some(author) = authors.last_mut() {
                    author.orcid = normalise_orcid(value);
                }
            }
            "citation_author_email" => {
                if let Some(author) = authors.last_mut() {
                    let email = value.trim_start_matches("mailto:").trim();
                    if email.contains('@') {
                        author.email = Some(email.to_owned());
                    }
                }
            }
            _ => {}
        }
    }
    if authors.is_empty() {
        return;
    }
    record.authors = authors;
    record.note_source("authors", "meta:citation_author", None);
    if record.affiliations.is_empty() && !affiliations.is_empty() {
        record.affiliations = affiliations;
        record.note_source("affiliations", "meta:citation_author_institution", None);
    }
}

/// An ORCID iD (`0000-0002-1825-0097`) from a bare id or an orcid.org URL.
fn normalise_orcid(value: &str) -> Option<String> {
    let id = value
        .trim()
        .trim_end_matches('/')
        .rsplit('/')
        .next()?
        .trim();
    let ok = id.len() == 19
        && id.chars().enumerate().all(|(i, c)| {
            if i % 5 == 4 {
                c == '-'
            } else {
                c.is_ascii_digit() || c == 'X'
            }
        });
    ok.then(|| id.to_owned())
}

/// An author from a name in "Family, Given" or "Given Family" order.
fn author_from_name(raw: &str) -> Option<Author> {
    let parted = given_family_by_wide_space(raw);
    let raw = collapse(raw);
    let raw = NAME_TRAILER.replace(&raw, "").trim().to_owned();
    if raw.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return None;
    }
    let (given, family) = match parted {
        Some((given, family)) if raw == format!("{given} {family}") => (Some(given), Some(family)),
        _ => split_given_family(&raw),
    };
    let name = match (&given, &family) {
        (Some(g), Some(f)) if raw.contains(',') => format!("{g} {f}"),
        _ => raw.clone(),
    };
    Some(Author {
        name,
        given,
        family,
        ..Author::default()
    })
}

/// Atypon's `dc.Creator` parts the given names from the family name with two spaces
/// ("Tomás  Echeverría Ruiz", "B. J.  Lawrie"; ACS, Taylor & Francis, SAGE, PNAS): the one
/// wide gap of a name tells a family name of two words, which splitting at the last space
/// would cut. `None` unless the name holds exactly one such gap, with words on both sides.
fn given_family_by_wide_space(raw: &str) -> Option<(String, String)> {
    let raw = raw.trim();
    let at = raw.find("  ")?;
    let (given, family) = (raw[..at].trim(), raw[at..].trim());
    let single = |s: &str| !s.contains("  ") && !s.is_empty();
    (single(given) && single(family) && !raw.contains(','))
        .then(|| (collapse(given), collapse(family)))
}

fn authors_from_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<Author> {
    names.filter_map(author_from_name).collect()
}

/// Keywords from one or more tags; a single tag may list them with `;` or `,`.
fn split_keywords<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let values: Vec<&str> = values.collect();
    let mut out: Vec<String> = Vec::new();
    for value in &values {
        let separator = if value.contains(';') {
            ';'
        } else if values.len() == 1 {
            ','
        } else {
            '\u{0}'
        };
        for part in value.split(separator) {
            // Markup left in the value ("<i>Fusarium poae</i>") goes.
            let k = if part.contains('<') {
                collapse(&TAG.replace_all(part, ""))
            } else {
                collapse(part)
            };
            if !k.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&k)) {
                out.push(k);
            }
        }
    }
    out
}

/// `citation_key=value;` pairs of a compound tag, values trimmed.
fn citation_pairs(content: &str) -> Vec<(&str, &str)> {
    let keys: Vec<(usize, usize, &str)> = CITATION_KEY
        .captures_iter(content)
        .filter_map(|c| {
            let whole = c.get(0)?;
            let key = c.get(1)?;
            Some((whole.start(), whole.end(), key.as_str()))
        })
        .collect();
    let mut out = Vec::with_capacity(keys.len());
    for (i, &(_, value_start, key)) in keys.iter().enumerate() {
        let value_end = keys.get(i + 1).map_or(content.len(), |next| next.0);
        let value = content[value_start..value_end]
            .trim()
            .trim_end_matches(';')
            .trim();
        if !value.is_empty() {
            out.push((key, value));
        }
    }
    out
}

/// One `citation_funding_source` tag: `citation_funder=...;citation_grant_number=...`.
fn parse_funding_source(content: &str) -> Option<Funding> {
    let pairs = citation_pairs(content);
    let funder = pairs
        .iter()
        .find(|(k, _)| *k == "citation_funder")
        .map(|(_, v)| collapse(v))?;
    let award_ids = pairs
        .iter()
        .filter(|(k, _)| k.starts_with("citation_grant"))
        .flat_map(|(_, v)| v.split([',', ';']))
        .map(collapse)
        .filter(|v| !v.is_empty())
        .collect();
    Some(Funding {
        funder,
        award_ids,
        text: None,
    })
}

/// Tags naming a funder on their own, each followed by its grant number tags.
const FUNDER_TAGS: &[&str] = &["citation_funder", "dc.contributor.funder", "dc.funder"];
const GRANT_TAGS: &[&str] = &["citation_grant_number", "citation_grant", "dc.grant"];

/// Funders from single tags (`citation_funder`, `DC.contributor.funder`), with the grant
/// number tags that follow each.
fn funders_from_tags(meta: &SourceMeta) -> Vec<Funding> {
    let mut out: Vec<Funding> = Vec::new();
    for (name, value) in &meta.tags {
        let value = collapse(value);
        if value.is_empty() {
            continue;
        }
        if FUNDER_TAGS.contains(&name.as_str()) {
            out.push(Funding {
                funder: value,
                award_ids: Vec::new(),
                text: None,
            });
        } else if GRANT_TAGS.contains(&name.as_str()) {
            if let Some(last) = out.last_mut() {
                last.award_ids.extend(
                    value
                        .split([',', ';'])
                        .map(collapse)
                        .filter(|v| !v.is_empty()),
                );
            }
        }
    }
    out
}

/// One entry per funder, award ids gathered.
fn merge_funders(funding: Vec<Funding>) -> Vec<Funding> {
    let mut out: Vec<Funding> = Vec::new();
    for f in funding {
        match out.iter_mut().find(|o| o.funder == f.funder) {
            Some(o) => {
                for id in f.award_ids {
                    if !o.award_ids.contains(&id) {
                        o.award_ids.push(id);
                    }
                }
            }
            None => out.push(f),
        }
    }
    out
}

/// One `citation_reference` tag as a reference; its raw string is the fields joined in
/// reading order.
fn parse_citation_reference(content: &str) -> Option<Reference> {
    let pairs = citation_pairs(content);
    if pairs.is_empty() {
        // A plain string (Copernicus tags the printed reference as it is): parsed.
        let raw = collapse(content);
        return (!raw.is_empty()).then(|| crate::extract::reference::parse_owned_reference(raw));
    }
    let mut reference = Reference::from_raw(String::new());
    let mut kind = "other";
    for &(key, value) in &pairs {
        let value = collapse(value);
        match key {
            "citation_author" | "citation_authors" => {
                for name in value.split(';').map(str::trim).filter(|n| !n.is_empty()) {
                    if name.eq_ignore_ascii_case("et al") || name.eq_ignore_ascii_case("et al.") {
                        reference.et_al = true;
                        continue;
                    }
                    let (given, family) = split_given_family(name);
                    reference.authors.push(RefAuthor {
                        family,
                        given,
                        literal: None,
                    });
                }
            }
            "citation_title" | "citation_article_title" => reference.title = Some(value),
            "citation_journal_title" | "citation_journal_abbrev" => {
                kind = "article-journal";
                reference.container_title.get_or_insert(value);
            }
            "citation_book_title" | "citation_inbook_title" => {
                kind = if reference.title.is_some() || key == "citation_inbook_title" {
                    "chapter"
                } else {
                    "book"
                };
                reference.container_title.get_or_insert(value);
            }
            "citation_conference_title" | "citation_conference" => {
                kind = "paper-conference";
                reference.container_title.get_or_insert(value);
            }
            "citation_dissertation_institution" | "citation_dissertation_name" => kind = "thesis",
            "citation_technical_report_institution" | "citation_technical_report_number" => {
                kind = "report"
            }
            "citation_year" | "citation_publication_date" | "citation_date"
                if reference.year.is_none() =>
            {
                reference.year = year_of(&value);
            }
            "citation_volume" => reference.volume = Some(value),
            "citation_issue" => reference.issue = Some(value),
            // PLOS and De Gruyter spell the page keys with an underscore.
            "citation_firstpage" | "citation_first_page" => reference.page_first = Some(value),
            "citation_lastpage" | "citation_last_page" => reference.page_last = Some(value),
            "citation_pages" => {
                if let Some(range) = parse_page_range(&value) {
                    reference.page_first.get_or_insert(range.first);
                    if let Some(last) = range.last {
                        reference.page_last.get_or_insert(last);
                    }
                }
            }
            "citation_doi" => reference.doi = normalise_doi(&value),
            "citation_pmid" => reference.pmid = Some(value),
            "citation_pmcid" => reference.pmcid = Some(value),
            "citation_url" | "citation_fulltext_html_url" => reference.url = Some(value),
            _ => {}
        }
    }
    if kind == "other" && reference.title.is_some() && reference.container_title.is_none() {
        kind = "other";
    }
    if let (Some(first), Some(last)) = (&reference.page_first, &reference.page_last) {
        reference.page_last = Some(crate::extract::pages::expand_last_page(first, last));
    }
    reference.kind = kind.to_owned();
    reference.raw = reference_raw(&reference);
    (!reference.raw.is_empty()).then_some(reference)
}

/// A readable reference string from parsed fields:
/// `Family G, Family G (2010) Title. Journal 12(3):45–67. doi:10.x/y`.
fn reference_raw(r: &Reference) -> String {
    let mut parts: Vec<String> = Vec::new();
    let names: Vec<String> = r
        .authors
        .iter()
        .map(|a| match (&a.family, &a.given) {
            (Some(f), Some(g)) => format!("{f} {g}"),
            (Some(f), None) => f.clone(),
            _ => a.literal.clone().unwrap_or_default(),
        })
        .collect();
    let mut head = names.join(", ");
    if r.et_al {
        head.push_str(" et al.");
    }
    if let Some(year) = r.year {
        if head.is_empty() {
            head = format!("({year})");
        } else {
            head = format!("{head} ({year})");
        }
    }
    if !head.is_empty() {
        parts.push(head);
    }
    if let Some(title) = &r.title {
        parts.push(format!("{}.", title.trim_end_matches('.')));
    }
    let mut source = r.container_title.clone().unwrap_or_default();
    if let Some(volume) = &r.volume {
        source = format!("{source} {volume}").trim().to_owned();
        if let Some(issue) = &r.issue {
            source.push_str(&format!("({issue})"));
        }
    }
    if let Some(first) = &r.page_first {
        let pages = match &r.page_last {
            Some(last) => format!("{first}–{last}"),
            None => first.clone(),
        };
        if source.is_empty() {
            source = pages;
        } else {
            source = format!("{source}:{pages}");
        }
    }
    if !source.is_empty() {
        parts.push(source);
    }
    if let Some(doi) = &r.doi {
        parts.push(format!("doi:{doi}"));
    }
    parts.join(" ").trim().to_owned()
}

fn year_of(text: &str) -> Option<i32> {
    let date = parse_date(text)?;
    date.get(..4)?.parse().ok()
}

/// Sets `year` when still empty: from the issue / print date tags, else from the
/// publication date.
fn fill_year(record: &mut Record, meta: &SourceMeta, dom: &[DomValue]) {
    if record.year.is_some() {
        return;
    }
    for tag in YEAR_TAGS {
        if let Some(year) = meta.all(tag).find_map(year_of) {
            record.year = Some(year);
            record.note_source("year", &format!("meta:{tag}"), None);
            return;
        }
    }
    let dom_year = dom.iter().filter(|v| v.field == "year").find_map(|v| {
        let text = strip_dom_label(&v.value);
        let year = DOM_YEAR.captures(text)?.get(1)?.as_str().parse().ok()?;
        (text.len() <= 12).then_some((year, v.cue))
    });
    if let Some((year, cue)) = dom_year {
        record.year = Some(year);
        record.note_source("year", &format!("dom:{cue}"), None);
        return;
    }
    if let Some(year) = record.dates.published.as_deref().and_then(year_of) {
        record.year = Some(year);
        let source = record
            .provenance
            .get("dates.published")
            .map_or_else(|| "meta".to_owned(), |p| p.source.clone());
        record.note_source("year", &source, None);
    }
}

/// The JSON-LD object that describes the article: its own `@type` is an article type, or
/// it is the `mainEntity` of a page object.
fn json_ld_article(items: &[Value]) -> Option<&Value> {
    let candidates = items
        .iter()
        .flat_map(|item| [Some(item), item.get("mainEntity")])
        .flatten();
    let mut fallback = None;
    for item in candidates {
        if !item.is_object() {
            continue;
        }
        if has_article_type(item) {
            return Some(item);
        }
        if fallback.is_none() && item.get("headline").is_some() {
            fallback = Some(item);
        }
    }
    fallback
}

fn has_article_type(item: &Value) -> bool {
    let is_article = |t: &Value| {
        t.as_str().is_some_and(|t| {
            ARTICLE_TYPES.contains(
                &t.rsplit('/')
                    .next()
                    .unwrap_or(t)
                    .to_ascii_lowercase()
                    .as_str(),
            )
        })
    };
    match item.get("@type") {
        Some(Value::Array(types)) => types.iter().any(is_article),
        Some(t) => is_article(t),
        None => false,
    }
}

/// Text of a JSON-LD value: a string, a number, or an object's `name` / `@value`.
fn ld_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(collapse(s)).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Object(map) => map
            .get("name")
            .or_else(|| map.get("@value"))
            .or_else(|| map.get("value"))
            .and_then(ld_text),
        Value::Array(items) => items.first().and_then(ld_text),
        _ => None,
    }
}

fn ld_list(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(Value::Null) | None => Vec::new(),
        Some(v) => vec![v],
    }
}

/// The JSON-LD stage.
fn fill_json_ld(record: &mut Record, article: &Value) {
    const SOURCE: &str = "json-ld";
    let scalar = |record: &mut Record, field: &str, value: Option<String>| {
        if let Some(v) = value.and_then(|v| normalise(field, &v)) {
            set_field(record, field, v, SOURCE);
        }
    };
    scalar(
        record,
        "title",
        article
            .get("headline")
            .or_else(|| article.get("name"))
            .and_then(ld_text),
    );
    scalar(
        record,
        "dates.published",
        article
            .get("datePublished")
            .or_else(|| article.get("dateCreated"))
            .and_then(ld_text),
    );
    scalar(
        record,
        "abstract",
        article
            .get("abstract")
            .or_else(|| article.get("description"))
            .and_then(ld_text),
    );
    scalar(
        record,
        "page_first",
        article.get("pageStart").and_then(ld_text),
    );
    scalar(
        record,
        "page_last",
        article.get("pageEnd").and_then(ld_text),
    );
    if let Some(range) = article
        .get("pagination")
        .and_then(ld_text)
        .and_then(|p| parse_page_range(&p))
    {
        scalar(record, "page_first", Some(range.first));
        scalar(record, "page_last", range.last);
    }
    // DOI: identifier (string or PropertyValue), sameAs, url.
    let doi = ld_list(article.get("identifier"))
        .into_iter()
        .chain(ld_list(article.get("sameAs")))
        .chain(ld_list(article.get("url")))
        .chain(ld_list(article.get("@id")))
        .find_map(|v| match v {
            Value::Object(map) => {
                let is_doi = map
                    .get("propertyID")
                    .and_then(Value::as_str)
                    .is_some_and(|p| p.eq_ignore_ascii_case("doi"));
                let value = map.get("value").and_then(ld_text)?;
                if is_doi { normalise_doi(&value) } else { None }
            }
            other => ld_text(other).and_then(|t| normalise_doi(&t)),
        });
    scalar(record, "doi", doi);
    scalar(
        record,
        "journal.publisher",
        article.get("publisher").and_then(ld_text),
    );
    // isPartOf: issue -> volume -> periodical, nested in any order.
    let mut part = article.get("isPartOf");
    let mut hops = 0;
    while let Some(p) = part.filter(|_| hops < 4) {
        hops += 1;
        let p = match p {
            Value::Array(items) => match items.first() {
                Some(first) => first,
                None => break,
            },
            other => other,
        };
        let types: Vec<String> = ld_list(p.get("@type"))
            .into_iter()
            .filter_map(|t| t.as_str().map(str::to_ascii_lowercase))
            .collect();
        if let Some(v) = p.get("volumeNumber").and_then(ld_text) {
            scalar(record, "volume", Some(v));
        }
        if let Some(v) = p.get("issueNumber").and_then(ld_text) {
            scalar(record, "issue", Some(v));
        }
        let is_periodical = types.iter().any(|t| t == "periodical")
            || p.get("issn").is_some()
            || (p.get("volumeNumber").is_none() && p.get("issueNumber").is_none());
        if is_periodical {
            scalar(record, "journal.title", p.get("name").and_then(ld_text));
            let issns: Vec<String> = ld_list(p.get("issn"))
                .into_iter()
                .filter_map(ld_text)
                .collect();
            for issn in issns {
                let field = if record.journal.issn_print.is_none() {
                    "journal.issn_print"
                } else {
                    "journal.issn_electronic"
                };
                if record.journal.issn_print.as_deref() != Some(issn.as_str()) {
                    scalar(record, field, Some(issn));
                }
            }
        }
        part = p.get("isPartOf");
    }
    if record.keywords.is_empty() {
        let keywords: Vec<String> = match article.get("keywords") {
            Some(Value::Array(items)) => items.iter().filter_map(ld_text).collect(),
            Some(Value::String(s)) => split_keywords(std::iter::once(s.as_str())),
            _ => Vec::new(),
        };
        if !keywords.is_empty() {
            record.keywords = keywords;
            record.note_source("keywords", SOURCE, None);
        }
    }
    if record.funding.is_empty() {
        let funding: Vec<Funding> = ld_list(article.get("funder"))
            .into_iter()
            .filter_map(ld_text)
            .map(|funder| Funding {
                funder,
                award_ids: Vec::new(),
                text: None,
            })
            .collect();
        if !funding.is_empty() {
            record.funding = merge_funders(funding);
            record.note_source("funding", SOURCE, None);
        }
    }
    if record.authors.is_empty() {
        fill_json_ld_authors(record, article);
    }
}

fn fill_json_ld_authors(record: &mut Record, article: &Value) {
    let mut authors = Vec::new();
    let mut affiliations: Vec<Affiliation> = Vec::new();
    for person in ld_list(article.get("author")) {
        let mut author = match person {
            Value::String(name) => match author_from_name(name) {
                Some(a) => a,
                None => continue,
            },
            Value::Object(map) => {
                let given = map.get("givenName").and_then(ld_text);
                let family = map.get("familyName").and_then(ld_text);
                let name = map
                    .get("name")
                    .and_then(ld_text)
                    .or_else(|| match (&given, &family) {
                        (Some(g), Some(f)) => Some(format!("{g} {f}")),
                        (None, Some(f)) => Some(f.clone()),
                        _ => None,
                    });
                let Some(name) = name else { continue };
                let mut author = if family.is_some() {
                    Author {
                        name,
                        given,
                        family,
                        ..Author::default()
                    }
                } else {
                    match author_from_name(&name) {
                        Some(a) => a,
                        None => continue,
                    }
                };
                if let Some(email) = map.get("email").and_then(ld_text) {
                    author.email = Some(email.trim_start_matches("mailto:").to_owned());
                }
                for aff in ld_list(map.get("affiliation")) {
                    let Some(text) = ld_text(aff) else { continue };
                    let id = match affiliations.iter().find(|a| a.text == text) {
                        Some(a) => a.id.clone(),
                        None => {
                            let id = (affiliations.len() + 1).to_string();
                            affiliations.push(Affiliation {
                                id: id.clone(),
                                text,
                                ..Affiliation::default()
                            });
                            id
                        }
                    };
                    if !author.affiliations.contains(&id) {
                        author.affiliations.push(id);
                    }
                }
                author
            }
            _ => continue,
        };
        author.name = collapse(&author.name);
        authors.push(author);
    }
    if authors.is_empty() {
        return;
    }
    record.authors = authors;
    record.note_source("authors", "json-ld", None);
    if record.affiliations.is_empty() && !affiliations.is_empty() {
        record.affiliations = affiliations;
        record.note_source("affiliations", "json-ld", None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn empty_record() -> Record {
        Record::empty_for_tests("t.html", "html")
    }

    fn meta(tags: &[(&str, &str)], json_ld: &[&str]) -> SourceMeta {
        SourceMeta {
            tags: tags
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            json_ld: json_ld
                .iter()
                .map(|j| serde_json::from_str(j).expect("test json"))
                .collect(),
            document_title: None,
            canonical_url: None,
            dom: Vec::new(),
        }
    }

    #[test]
    fn fills_scalars_in_cascade_order() {
        let m = meta(
            &[
                ("og:title", "OG title"),
                ("dc.title", "DC title"),
                ("citation_title", "  Highwire   title "),
                ("citation_doi", "https://doi.org/10.1038/NATURE11263"),
                ("citation_volume", "488"),
                ("prism.volume", "999"),
                ("prism.number", "7411"),
                ("citation_firstpage", "394"),
                ("citation_lastpage", "8"),
                ("citation_online_date", "2012/07/18"),
                ("citation_publication_date", "2012/08"),
                ("citation_journal_title", "Nature"),
                ("dc:publisher", "Nature Publishing"),
                ("citation_issn", "0028-0836"),
                ("citation_issn", "1476-4687"),
            ],
            &[],
        );
        let mut r = empty_record();
        fill_from_source_meta(&mut r, &m);
        let got = (
            r.title.as_deref(),
            r.doi.as_deref(),
            r.volume.as_deref(),
            r.issue.as_deref(),
            r.page_first.as_deref(),
            r.page_last.as_deref(),
            r.dates.published.as_deref(),
            r.year,
            r.journal.title.as_deref(),
            r.journal.publisher.as_deref(),
            r.journal.issn_print.as_deref(),
            r.journal.issn_electronic.as_deref(),
        );
        let want = (
            Some("Highwire title"),
            Some("10.1038/NATURE11263"),
            Some("488"),
            Some("7411"),
            Some("394"),
            Some("8"),
            Some("2012-07-18"),
            Some(2012),
            Some("Nature"),
            Some("Nature Publishing"),
            Some("0028-0836"),
            Some("1476-4687"),
        );
        assert_eq!(got, want);
        let sources: Vec<(&str, &str)> = ["title", "issue", "journal.publisher", "year"]
            .iter()
            .map(|f| (*f, r.provenance[*f].source.as_str()))
            .collect();
        assert_eq!(
            sources,
            [
                ("title", "meta:citation_title"),
                ("issue", "meta:prism.number"),
                ("journal.publisher", "meta:dc.publisher"),
                ("year", "meta:citation_publication_date"),
            ]
        );
    }

    #[test]
    fn a_long_description_stands_in_for_a_missing_abstract() {
        let long = "We investigated the role of a gene in development. ".repeat(6);
        let cut = format!("{long}…");
        let citation = format!("R. Florian, H. Hassan. {long}");
        let cases = [
            (vec![("description", long.as_str())], true),
            (
                vec![("description", "A short teaser about the article.")],
                false,
            ),
            (vec![("og:description", cut.as_str())], false),
            (
                vec![
                    ("citation_author", "Florian, R."),
                    ("description", citation.as_str()),
                ],
                false,
            ),
        ];
        for (tags, want) in cases {
            let mut r = empty_record();
            fill_from_source_meta(&mut r, &meta(&tags, &[]));
            assert_eq!(r.abstract_text.is_some(), want, "{tags:?}");
        }
    }

    #[test]
    fn a_partial_date_takes_its_day_from_an_agreeing_source() {
        // (tags, published)
        let cases: &[(&[(&str, &str)], &str)] = &[
            (
                &[
                    ("citation_publication_date", "2014/03"),
                    ("article:published_time", "2014-03-01T00:00:00-08:00"),
                ],
                "2014-03-01",
            ),
            // Another month is another date: the first stays.
            (
                &[
                    ("citation_publication_date", "2014/03"),
                    ("article:published_time", "2014-04-02T00:00:00-08:00"),
                ],
                "2014-03",
            ),
            (&[("citation_publication_date", "2013/06")], "2013-06"),
        ];
        for (tags, want) in cases {
            let mut r = empty_record();
            fill_from_source_meta(&mut r, &meta(tags, &[]));
            assert_eq!(r.dates.published.as_deref(), Some(*want), "{tags:?}");
        }
    }

    #[test]
    fn never_overwrites_a_filled_field() {
        let mut r = empty_record();
        r.title = Some("From text".into());
        r.note_source("title", "text", None);
        fill_from_source_meta(&mut r, &meta(&[("citation_title", "From meta")], &[]));
        assert_eq!(r.title.as_deref(), Some("From text"));
        assert_eq!(r.provenance["title"].source, "text");
    }

    #[test]
    fn dublin_core_creators_parted_by_a_wide_space() {
        let cases = [
            (
                "Tomás  Echeverría Ruiz",
                Some("Tomás"),
                Some("Echeverría Ruiz"),
            ),
            ("B. J.  Lawrie", Some("B. J."), Some("Lawrie")),
            (" Jean-Paul    Malrieu ", Some("Jean-Paul"), Some("Malrieu")),
            ("Rosa Inés  Calderón", Some("Rosa Inés"), Some("Calderón")),
            // One space only, or more than one wide gap: split as before.
            ("Hao da Silva", Some("Hao"), Some("da Silva")),
            ("Ana  María  López", Some("Ana María"), Some("López")),
        ];
        for (raw, given, family) in cases {
            let author = author_from_name(raw).unwrap_or_else(|| panic!("{raw}"));
            assert_eq!(
                (author.given.as_deref(), author.family.as_deref()),
                (given, family),
                "{raw}"
            );
        }
    }

    #[test]
    fn highwire_authors_carry_their_institutions() {
        let m = meta(
            &[
                ("citation_author", "Lin, Mei 1,*"),
                ("citation_author_institution", "Univ A"),
                ("citation_author_institution", "Univ B"),
                (
                    "citation_author_orcid",
                    "https://orcid.org/0000-0002-1825-0097",
                ),
                ("citation_author", "Erica van der Lang,† and"),
                ("citation_author_institution", "Univ A"),
                ("citation_author_email", "e@x.org"),
            ],
            &[],
        );
        let mut r = empty_record();
        fill_from_source_meta(&mut r, &m);
        type AuthorView<'a> = (&'a str, Option<&'a str>, Option<&'a str>, Vec<&'a str>);
        let authors: Vec<AuthorView> = r
            .authors
            .iter()
            .map(|a| {
                (
                    a.name.as_str(),
                    a.given.as_deref(),
                    a.family.as_deref(),
                    a.affiliations.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            authors,
            vec![
                ("Mei Lin", Some("Mei"), Some("Lin"), vec!["1", "2"]),
                (
                    "Erica van der Lang",
                    Some("Erica"),
                    Some("van der Lang"),
                    vec!["1"]
                ),
            ]
        );
        let affs: Vec<(&str, &str)> = r
            .affiliations
            .iter()
            .map(|a| (a.id.as_str(), a.text.as_str()))
            .collect();
        assert_eq!(affs, [("1", "Univ A"), ("2", "Univ B")]);
        assert_eq!(r.authors[0].orcid.as_deref(), Some("0000-0002-1825-0097"));
        assert_eq!(r.authors[1].email.as_deref(), Some("e@x.org"));
    }

    #[test]
    fn json_ld_fills_what_highwire_left_empty() {
        let m = meta(
            &[("citation_title", "T")],
            &[
                r#"{"@type":"WebPage","mainEntity":{"@type":"ScholarlyArticle",
                "headline":"Other","datePublished":"2023-02-03T00:00:00Z",
                "pageStart":"224","pageEnd":"226",
                "sameAs":"https://doi.org/10.1038/d00000-020-01234-5",
                "keywords":["AI","Publishing"],
                "isPartOf":{"@type":["PublicationVolume","Periodical"],"volumeNumber":"614",
                   "name":"Nature","issn":["1476-4687","0028-0836"]},
                "author":[{"@type":"Person","name":"Eva van Dis","affiliation":[{"name":"Univ A"}]},
                          {"name":"Bollen, Johan"}]}}"#,
            ],
        );
        let mut r = empty_record();
        fill_from_source_meta(&mut r, &m);
        assert_eq!(r.title.as_deref(), Some("T"));
        assert_eq!(r.dates.published.as_deref(), Some("2023-02-03"));
        assert_eq!(r.doi.as_deref(), Some("10.1038/d00000-020-01234-5"));
        assert_eq!(r.volume.as_deref(), Some("614"));
        assert_eq!(r.journal.title.as_deref(), Some("Nature"));
        assert_eq!(
            (r.page_first.as_deref(), r.page_last.as_deref()),
            (Some("224"), Some("226"))
        );
        assert_eq!(r.keywords, ["AI", "Publishing"]);
        let names: Vec<(&str, Option<&str>)> = r
            .authors
            .iter()
            .map(|a| (a.name.as_str(), a.family.as_deref()))
            .collect();
        assert_eq!(
            names,
            [
                ("Eva van Dis", Some("van Dis")),
                ("Johan Bollen", Some("Bollen"))
            ]
        );
        assert_eq!(r.authors[0].affiliations, ["1"]);
        assert_eq!(r.provenance["doi"].source, "json-ld");
    }

    #[test]
    fn parses_citation_reference_tags() {
        let m = meta(
            &[
                (
                    "citation_reference",
                    "citation_journal_title=New Engl J Med;citation_title=Dabigatran versus warfarin;\
                     citation_author=Connolly, SJ;citation_author=Ezekowitz, MD;\
                     citation_pages=1139-51;citation_volume=361;citation_year=2009;\
                     citation_issue=12;citation_doi=10.1056/NEJMoa0905561",
                ),
                (
                    "citation_reference",
                    "citation_title=A book;citation_book_title=Big Book;citation_year=1999",
                ),
                (
                    "citation_reference",
                    "Berg, T. and Okafor, D.: Invented lake ice, J. Invented Limnol., 4, 1–9, 2001.",
                ),
                (
                    "citation_reference",
                    "citation_title=Invented ice;citation_author=T. Berg;citation_journal_title=Invent Vet Sci;\
                     citation_volume=69;citation_first_page=1295;citation_last_page=98;citation_publication_date=2007;",
                ),
            ],
            &[],
        );
        let mut r = empty_record();
        fill_from_source_meta(&mut r, &m);
        assert_eq!(r.references.len(), 4);
        // The page keys as PLOS and De Gruyter spell them.
        assert_eq!(
            (
                r.references[3].page_first.as_deref(),
                r.references[3].page_last.as_deref()
            ),
            (Some("1295"), Some("1298"))
        );
        let first = &r.references[0];
        assert_eq!(first.kind, "article-journal");
        assert_eq!(first.title.as_deref(), Some("Dabigatran versus warfarin"));
        assert_eq!(first.authors[0].family.as_deref(), Some("Connolly"));
        assert_eq!(first.authors[1].given.as_deref(), Some("MD"));
        assert_eq!(first.year, Some(2009));
        assert_eq!(
            (first.page_first.as_deref(), first.page_last.as_deref()),
            (Some("1139"), Some("1151"))
        );
        assert_eq!(
            first.raw,
            "Connolly SJ, Ezekowitz MD (2009) Dabigatran versus warfarin. New Engl J Med 361(12):1139–1151 doi:10.1056/NEJMoa0905561"
        );
        assert_eq!(r.references[1].kind, "chapter");
        // A plain string is kept as the raw string and parsed.
        let plain = &r.references[2];
        assert_eq!(
            plain.raw,
            "Berg, T. and Okafor, D.: Invented lake ice, J. Invented Limnol., 4, 1–9, 2001."
        );
        assert_eq!(plain.title.as_deref(), Some("Invented lake ice"));
        assert_eq!(plain.authors[1].family.as_deref(), Some("Okafor"));
        assert_eq!(
            (plain.year, plain.volume.as_deref()),
            (Some(2001), Some("4"))
        );
    }

    #[test]
    fn parses_funding_sources() {
        let m = meta(
            &[
                (
                    "citation_funding_source",
                    "citation_funder=National Natural Science Foundation of China;citation_grant_number=31572647;",
                ),
                (
                    "citation_funding_source",
                    "citation_funder=National Natural Science Foundation of China;citation_grant_number=31001;",
                ),
            ],
            &[],
        );
        let mut r = empty_record();
        fill_from_source_meta(&mut r, &m);
        assert_eq!(r.funding.len(), 1);
        assert_eq!(r.funding[0].award_ids, ["31572647", "31001"]);
    }

    #[test]
    fn single_funder_tags_collect_their_grants() {
        let m = meta(
            &[
                ("dc.contributor.funder", "Wellcome Trust"),
                ("citation_grant_number", "WT100, WT200"),
                ("citation_funder", "NSF"),
            ],
            &[],
        );
        let mut r = empty_record();
        fill_from_source_meta(&mut r, &m);
        let got: Vec<(&str, Vec<&str>)> = r
            .funding
            .iter()
            .map(|f| {
                (
                    f.funder.as_str(),
                    f.award_ids.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![("Wellcome Trust", vec!["WT100", "WT200"]), ("NSF", vec![])]
        );
    }

    proptest::proptest! {
        /// Any tag soup fills the record without panicking and with usable values only.
        #[test]
        fn never_panics_on_odd_tags(
            tags in proptest::collection::vec(
                (
                    proptest::sample::select(vec![
                        "citation_author", "citation_author_institution", "citation_date",
                        "citation_firstpage", "citation_doi", "citation_reference",
                        "citation_funding_source", "dc.creator", "prism.volume", "og:title",
                        "citation_issn", "citation_keywords",
                    ]),
                    "\\PC{0,40}",
                ),
                0..20,
            )
        ) {
            let pairs: Vec<(&str, &str)> =
                tags.iter().map(|(n, v)| (*n, v.as_str())).collect();
            let mut r = empty_record();
            fill_from_source_meta(&mut r, &meta(&pairs, &[]));
            proptest::prop_assert!(r.title.as_deref() != Some(""));
            proptest::prop_assert!(r.doi.as_deref().is_none_or(|d| d.starts_with("10.")));
        }
    }

    #[test]
    fn normalises_dois() {
        let cases = [
            (
                "https://doi.org/10.1038/nature00001",
                Some("10.1038/nature00001"),
            ),
            ("doi:10.1000/xyz.", Some("10.1000/xyz")),
            (
                "info:doi/10.1371/journal.pone.0000001",
                Some("10.1371/journal.pone.0000001"),
            ),
            ("ISSN 1234-5678", None),
        ];
        for (text, want) in cases {
            assert_eq!(normalise_doi(text).as_deref(), want, "{text}");
        }
    }

    #[test]
    fn keywords_split_on_their_separator() {
        let cases: &[(&[&str], &[&str])] = &[
            (&["a; b;c"], &["a", "b", "c"]),
            (&["alpha, beta"], &["alpha", "beta"]),
            (&["one, two", "three"], &["one, two", "three"]),
            (&["<i>Salix alba</i>; rivers"], &["Salix alba", "rivers"]),
        ];
        for (input, want) in cases {
            assert_eq!(split_keywords(input.iter().copied()), *want, "{input:?}");
        }
    }

    #[test]
    fn dom_cues_fill_what_the_head_left_empty() {
        let dom = |pairs: &[(&'static str, &str)]| -> Vec<DomValue> {
            pairs
                .iter()
                .map(|&(field, value)| DomValue {
                    field,
                    cue: "class:test",
                    value: value.to_owned(),
                })
                .collect()
        };
        type Want = (
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
            Option<i32>,
        );
        // (dom values, (volume, issue, page_first, page_last, year))
        let cases: &[(&[(&str, &str)], Want)] = &[
            (
                &[
                    ("volume", "volume 153,"),
                    ("issue", "issue 8,"),
                    ("pages", "E131-E137"),
                ],
                (Some("153"), Some("8"), Some("E131"), Some("E137"), None),
            ),
            (
                &[
                    ("locator", "Volume 31, Issue 4"),
                    ("pages", "Pages 929-936"),
                ],
                (Some("31"), Some("4"), Some("929"), Some("936"), None),
            ),
            (
                &[("issue", "Vol. 12, Iss. 4 — 3 May 2011")],
                (Some("12"), Some("4"), None, None, None),
            ),
            (
                &[("volume", "63"), ("issue", "issue Pt 11,")],
                (Some("63"), Some("Pt 11"), None, None, None),
            ),
            (
                &[("pages", ": 9. "), ("year", "(2015)")],
                (None, None, Some("9"), None, Some(2015)),
            ),
            // Dates behind a label: no volume or pages from them.
            (
                &[(
                    "dates.published",
                    "First published on the web 26th September 2016",
                )],
                (None, None, None, None, Some(2016)),
            ),
            // A title beside them: only the title.
            (
                &[("title", "Title: Made-up Results")],
                (None, None, None, None, None),
            ),
            // Not a number: a label alone, a sentence.
            (
                &[
                    ("volume", "Volume"),
                    ("issue", "Current issue of the journal"),
                ],
                (None, None, None, None, None),
            ),
        ];
        for (values, want) in cases {
            let mut record = empty_record();
            let meta = SourceMeta {
                dom: dom(values),
                ..SourceMeta::default()
            };
            fill_from_source_meta(&mut record, &meta);
            let got = (
                record.volume.as_deref(),
                record.issue.as_deref(),
                record.page_first.as_deref(),
                record.page_last.as_deref(),
                record.year,
            );
            assert_eq!(got, *want, "{values:?}");
        }
    }

    #[test]
    fn dom_titles_lose_their_label() {
        for (value, want) in [
            ("Title: Made-up Results", Some("Made-up Results")),
            (
                "Made-up Results of Testing",
                Some("Made-up Results of Testing"),
            ),
            ("Results", None),
        ] {
            let mut record = empty_record();
            let meta = SourceMeta {
                dom: vec![DomValue {
                    field: "title",
                    cue: "itemprop:headline",
                    value: value.to_owned(),
                }],
                ..SourceMeta::default()
            };
            fill_from_source_meta(&mut record, &meta);
            assert_eq!(record.title.as_deref(), want, "{value}");
        }
    }

    #[test]
    fn dom_journal_names_must_read_as_names() {
        let mut record = empty_record();
        let meta = SourceMeta {
            dom: vec![
                DomValue {
                    field: "journal.title",
                    cue: "class:journal-title",
                    value: "Download citation".to_owned(),
                },
                DomValue {
                    field: "journal.title",
                    cue: "class:journal-title",
                    value: "Journal of Invented Results".to_owned(),
                },
            ],
            ..SourceMeta::default()
        };
        fill_from_source_meta(&mut record, &meta);
        assert_eq!(
            record.journal.title.as_deref(),
            Some("Journal of Invented Results")
        );
        assert_eq!(
            record
                .provenance
                .get("journal.title")
                .map(|p| p.source.as_str()),
            Some("dom:class:journal-title")
        );
    }

    #[test]
    fn the_document_titles_other_part_is_the_journal() {
        // (document title, article title, journal title, journal abbreviation)
        let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
            (
                "Made-up Results | Acta Imaginaria",
                "Made-up Results",
                Some("Acta Imaginaria"),
                None,
            ),
            (
                "Made-up Results - Journal of Inventions (Fiction Publishing) DOI:10.1/x",
                "Made-up Results",
                Some("Journal of Inventions"),
                None,
            ),
            (
                "Made-up Results: a study: Annals of Fiction: Vol 3, No 2",
                "Made-up Results: a study",
                Some("Annals of Fiction"),
                None,
            ),
            (
                "Made-up Results [Fict. Lett.]",
                "Made-up Results",
                None,
                Some("Fict. Lett."),
            ),
            // The site, an author's name and the year are no journal.
            (
                "Made-up Results - Example - 2015 - Wiley Online Library",
                "Made-up Results",
                None,
                None,
            ),
            // Two candidates: no guess.
            (
                "Made-up Results | Annals of Fiction | Letters of Fiction",
                "Made-up Results",
                None,
                None,
            ),
            // The title is not in the document title.
            ("Annals of Fiction", "Made-up Results", None, None),
        ];
        for (document_title, title, journal, abbrev) in cases {
            let mut record = empty_record();
            record.source.format = "html".to_owned();
            record.title = Some(title.to_string());
            record.authors = vec![Author {
                family: Some("Example".to_owned()),
                ..Author::default()
            }];
            let meta = SourceMeta {
                document_title: Some(document_title.to_string()),
                ..SourceMeta::default()
            };
            fill_journal_from_document_title(&mut record, &meta);
            assert_eq!(
                (
                    record.journal.title.as_deref(),
                    record.journal.abbrev.as_deref()
                ),
                (*journal, *abbrev),
                "{document_title}"
            );
        }
    }

    #[test]
    fn the_abstract_element_bounds_the_texts_abstract() {
        let body = "We invented a method for testing. It works on every made-up page we tried, \
                    and it is fast enough for batches of many thousands of pages.";
        let dom_value = |value: &str| DomValue {
            field: "abstract",
            cue: "class:abstract",
            value: value.to_owned(),
        };
        // (text abstract, DOM abstracts, want)
        let cases: Vec<(Option<String>, Vec<DomValue>, Option<String>)> = vec![
            // Trailing licence and export lines are cut.
            (
                Some(format!(
                    "{body} © 2020 The Authors. Export citation BibTeX RIS"
                )),
                vec![dom_value(&format!("Abstract {body}"))],
                Some(body.to_owned()),
            ),
            // Text that differs from the element is left alone.
            (
                Some(format!("Background {body} More text here for sure.")),
                vec![dom_value(body)],
                Some(format!("Background {body} More text here for sure.")),
            ),
            // No text abstract: the innermost long element stands in.
            (
                None,
                vec![
                    dom_value(&format!("Summary en {body} {body}")),
                    dom_value(&format!("{body} {body}")),
                ],
                Some(format!("{body} {body}")),
            ),
            // A short element is no abstract.
            (None, vec![dom_value("Too short to be an abstract.")], None),
        ];
        for (text, dom, want) in cases {
            let mut record = empty_record();
            record.abstract_text = text.clone();
            let meta = SourceMeta {
                dom,
                ..SourceMeta::default()
            };
            bound_abstract_by_dom(&mut record, &meta);
            assert_eq!(record.abstract_text, want, "{text:?}");
        }
    }
}
