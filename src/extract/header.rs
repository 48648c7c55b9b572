//! The page header and article information: title, type, journal, volume, pages, dates,
//! DOI, ISSNs, publisher, metrics, keywords, abstract, access and body sections.
//!
//! Reads the header segment (before the first known heading) and the article-information
//! parts of the page. Values found in reference lists, "cited by" and "related" lists are
//! never taken for the article's own.

use super::bounded::BoundedGroup;
use super::dates::parse_date;
use super::locator::{
    Locator, is_journal_name, looks_abbreviated, parse_article_code, parse_locator,
};
use super::pages::parse_page_range;
use super::text::{fold_alnum, join_lines, join_paragraphs, push_joined};
use super::{Page, authors};
use crate::clean::{Line, LineKind, trim};
use crate::record::{Record, Section};
use crate::rules;
use crate::segment::SectionKind;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// Segments that may hold the article's own metadata.
const OWN_PARTS: &[SectionKind] = &[
    SectionKind::Header,
    SectionKind::ArticleInfo,
    SectionKind::Abstract,
    SectionKind::Keywords,
    SectionKind::AuthorInfo,
    SectionKind::Other,
    SectionKind::Footer,
];

/// The locator both journal lines end with: "pages 747–754 (2013)" or "Article number: 8123 (2015)".
const LOCATOR_AND_YEAR: &str = r",\s*(?:(?:pages?|pp\.?)\s+(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[–-]\s*[A-Za-z]?\d+[A-Za-z]?)?)|article\s+number:?\s*(?P<article>[\w.-]+))\s*,?\s*\((?P<year>\d{4})\)";

/// "Acta Pharmacologica Sinica volume 34, pages 747–754 (2013)",
/// "Scientific Reports volume 5, Article number: 8123 (2015)".
static JOURNAL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?P<journal>[A-Za-z][^|•:]{{1,119}}?)\s+volume\s+(?P<volume>[\w.]+){LOCATOR_AND_YEAR}"
    ))
    .expect("journal line regex")
});

/// "Volume 18, pages 231–234, (2010)" without the journal name.
static VOLUME_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^volume\s+(?P<volume>[\w.]+)(?:,\s*issue\s+(?P<issue>[\w.-]+))?{LOCATOR_AND_YEAR}"
    ))
    .expect("volume line regex")
});

/// "2017 Volume 63 Issue 4 Pages 237-245", "Volume 63 (2017) Issue 4 Pages 237-245":
/// J-STAGE's citation line, without commas.
static VOLUME_ISSUE_PAGES_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?P<year>\d{4})\s+)?volume\s+(?P<volume>[\w.]+)(?:\s+\(\d{4}\))?\s+issue\s+(?P<issue>[\w.-]+)\s+pages?\s+(?P<pages>[A-Za-z]?\d+[A-Za-z]?(?:\s*[–-]\s*[A-Za-z]?\d+[A-Za-z]?)?)\b",
    )
    .expect("volume issue pages line regex")
});

/// "Rev. Bras. Agroecol. vol.45 no.3 Viçosa Sept./Dec. 2019": SciELO's issue line, the
/// journal's abbreviation, volume and number, then the place and the months of the issue.
static ABBREVIATED_ISSUE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<abbrev>\p{Lu}[^|•:]{1,100}?)\s+vol\.\s?(?P<volume>[\w.]+)\s+no\.\s?(?P<issue>[\w.-]+)\s.{0,80}?\b(?P<year>(?:19|20)\d{2})$",
    )
    .expect("abbreviated issue line regex")
});

/// The printed forms of a date: day month year, month day year, month year, ISO.
const DATE_FORMS: &str = r"\d{4}\s+[A-Za-z]{3,9}\.?\s+\d{1,2}\b|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{1,2},?\s+\d{4}|[A-Za-z]{3,9}\.?\s+\d{4}|\d{4}-\d{2}-\d{2}";

/// Dated events: "Received: 11 March 2013", "Issue date: June 2013", "Published online 5 June 2013".
static DATE_EVENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<label>revision received|received|revised(?:\s+form)?|accepted|publication date|date of publication|published online|first published|published in issue|issue date|published|posted|online)(?:\s*\((?:web|online|print)\))?\s*(?:on(?:\s+the\s+web)?\s*)?:?\s*(?:\|\s*)?(?P<date>{DATE_FORMS}|\d{{4}}/\d{{2}}/\d{{2}})"
    ))
    .expect("date event regex")
});

/// A date label alone on its line: "Published online", "First Online:", "Received".
static DATE_LABEL_ALONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<label>received|revised|accepted|publication date|published online|first published|first online|published|online)\s*:?$")
        .expect("date label regex")
});

/// A date and nothing else: day month year, month day year, month year, or ISO.
static DATE_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{DATE_FORMS})$")).expect("date only regex"));

/// A date with its day: only such a date alone on a line is taken without a label.
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:\d{1,2}\s+[A-Za-z]{3,9}\s+\d{4}|[A-Za-z]{3,9}\s+\d{1,2},\s+\d{4}|\d{4}-\d{2}-\d{2})$",
    )
    .expect("full date regex")
});

/// Text browsers print superscripts as `^2+` and subscripts as `[3]`: "Ca^2+", "Fe[3]O[4]",
/// "CIP 105210^T". Gives the text with those marks removed, or `None` when it has none.
fn without_script_marks(text: &str) -> Option<String> {
    static SCRIPT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(\w)(?:\^([\w+−-]{1,4})|\[(\d{1,2})\])").expect("script mark regex")
    });
    if !text.contains(['^', '[']) || !SCRIPT.is_match(text) {
        return None;
    }
    Some(SCRIPT.replace_all(text, "$1$2$3").into_owned())
}

/// A version note after a title: "[v2; ref status: indexed, http://…]".
static VERSION_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\[v\d+;\s*ref status:[^\]]*\]?$").expect("version note regex")
});

/// An issue date before a title: "March/April 2014 An …", "June 2013 The …" (the match
/// takes the title's first capital with it).
static ISSUE_DATE_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:/(?:January|February|March|April|May|June|July|August|September|October|November|December))?\s+(?:19|20)\d{2}\s+\p{Lu}")
        .expect("issue date prefix regex")
});

/// A line of the article-information block that pages print right after the abstract:
/// "Citation: …", "Editor: …", "Copyright: …", "© 2016 Author(s). All article content …".
static ARTICLE_INFO_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Citation|Cite this article|How to cite(?: this article)?|Editor|Academic Editor|Received|Accepted|Published|Copyright|Data Availability|Funding|Competing interests|Keywords)\s*:|©|Copyright ©)")
        .expect("article info line regex")
});

/// The start of a numbered reference entry: "2N.-G. Park", "[3] ", "12. ".
static NUMBERED_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{1,3}\p{Lu}\.|\[\d{1,3}\]|\d{1,3}\.\s)").expect("numbered entry regex")
});

/// Every [`DATE_EVENT`] match holds one of these words (with the same case folding): a
/// literal search for them turns most lines away before the full pattern, whose Unicode
/// `\b` makes the regex engine fall back to a slower search on any non-ASCII line.
static DATE_LABEL_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)received|revised|accepted|publi|posted|issue date|online")
        .expect("date label regex")
});

static DOI: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(10\.\d{4,9}/[^\s\]\[<>{}]+)").expect("doi regex"));

static ISSN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?P<pre>p|e|print|online|electronic)[\s-]?)?ISSN\s*(?P<pre2>\((?:print|online|electronic)\))?\s*:?\s*(?P<issn>\d{4}-\d{3}[\dXx])\b\s*(?:\((?P<post>print|online|electronic)\))?")
        .expect("issn regex")
});

/// Every [`ISSN`] match holds the word itself: see [`DATE_LABEL_WORD`].
static ISSN_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)ISSN").expect("issn word regex"));

static METRIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<n>\d+(?:[.,]\d+)?)\s*(?P<unit>[km])?\s+(?P<what>accesses|citations|altmetric|downloads|views)\b")
        .expect("metric regex")
});

/// "…; licensee Invented Central Ltd." in a copyright line: the publisher.
static LICENSEE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\blicensee\s+(?P<who>[A-Z][^.;|]{2,80}?)(?:\.|;|$)").expect("licensee regex")
});

static COPYRIGHT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?(?P<who>[A-Z][^.;|]{2,80}?)(?:\.|$)")
        .expect("copyright regex")
});

/// "Acta Pharmacologica Sinica (Acta Pharmacol Sin)" in a footer: title and abbreviation.
static TITLE_WITH_ABBREV: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<title>[A-Z][^()]{3,120}?)\s*\((?P<abbrev>[A-Z][^()]{1,60})\)$")
        .expect("abbrev regex")
});

/// Phrases that show the page holds only the abstract.
const PAYWALL_MARKERS: &[&str] = &[
    "log in or create a free account to read this content",
    "this is a preview of subscription content",
    "access through your institution",
    "buy article pdf",
    "subscribe to this journal",
    "purchase this article",
    "rent or buy this article",
    "get full access to this article",
    "access options",
];

/// Fills title, article type, journal data, dates, DOI, metrics, keywords and abstract.
pub fn extract_header(record: &mut Record, page: &Page<'_>) {
    fill_journal_line(record, page);
    fill_abbreviated_issue_line(record, page);
    fill_dates_from_editorial_history(record, page);
    fill_dates(record, page);
    fill_doi(record, page);
    fill_issns_and_publisher(record, page);
    fill_metrics(record, page);
    fill_keywords(record, page);
    fill_abstract(record, page);
    fill_title_and_type(record, page);
    // "Article No.: 31, Pages 1 - 24" before the locator shapes, which may read the same
    // numbers another way.
    super::labels::fill_article_number_and_pages(record, page);
    fill_from_cite_this_article(record, page);
    fill_from_citation_line(record, page);
    fill_from_locator_lines(record, page);
    fill_from_issue_label(record, page);
    fill_from_article_code(record, page);
    fill_from_first_page_footer(record, page);
    fill_from_journal_reference(record, page);
    fill_from_archive_footer(record, page);
    fill_from_line_with_own_doi(record, page);
    fill_from_pages_line(record, page);
    // The full name the abbreviation spells, printed in the header, before a menu's
    // "Journal" entry can pass for a label.
    if record.journal.title.is_none() {
        if let Some(abbrev) = record.journal.abbrev.clone() {
            fill_journal_from_abbreviation(record, page, &abbrev);
        }
    }
    super::labels::fill_from_journal_label(record, page);
    super::labels::fill_from_label_lines(record, page);
    fill_from_issue_box(record, page);
    fill_journal_from_masthead(record, page);
    // The last resort: the line above the ISSNs.
    fill_journal_above_issn(record, page);
    expand_journal_acronym(record, page);
    if record.title.is_none() {
        let header = page.first(SectionKind::Header).map(|h| page.lines_of(h));
        if let Some(joined) = header.and_then(title_below_type_label) {
            record.title = Some(joined.text);
            record.note_source("title", "text", joined.span);
        }
    }
    // A footnote mark after the title ("...toluene†") is no part of it, nor is a version
    // note ("[v2; ref status: indexed, …]") with the version's badge before the title
    // ("Revised"), or an issue date printed before it ("March/April 2014 An analysis …").
    if let Some(title) = record.title.as_mut() {
        let mut trimmed = title.trim_end_matches(['†', '‡', '§', '*', '¶', ' ']);
        if let Some(m) = VERSION_NOTE.find(trimmed) {
            trimmed = trimmed[..m.start()].trim_end();
            // A later version's badge printed before the title ("Revised Binding of …").
            if let Some(rest) = trimmed.strip_prefix("Revised ") {
                trimmed = rest.trim_start();
            }
        }
        if let Some(m) = ISSUE_DATE_PREFIX.find(trimmed) {
            // The match ends with the title's first letter, which stays.
            let first_letter = trimmed[..m.end()].chars().last().map_or(0, char::len_utf8);
            trimmed = &trimmed[m.end() - first_letter..];
        }
        if trimmed.len() < title.len() && !trimmed.is_empty() {
            *title = trimmed.to_owned();
        }
        if let Some(plain) = without_script_marks(title) {
            *title = plain;
        }
    }
    fill_standfirst_abstract(record, page);
    fill_from_version_history(record, page);
    if record.year.is_none() {
        if let Some(date) = record
            .dates
            .published
            .clone()
            .or(record.dates.issue.clone())
        {
            record.year = date.get(..4).and_then(|y| y.parse().ok());
        }
    }
    article_number_spelled_by_doi(record);
    first_page_from_article_number(record);
    abbrev_of_single_word_journal(record);
}

/// A first page without a last page that the DOI's last part spells, zeros and a leading
/// `e` aside, is the article's number: `citation_firstpage` "9871" or "Front. Microbiol.
/// 10:9871" of 10.3389/fmicb.2019.09871 (a page number is never the DOI's own suffix).
fn article_number_spelled_by_doi(record: &mut Record) {
    if record.article_number.is_some() || record.page_last.is_some() {
        return;
    }
    let (Some(first), Some(doi)) = (record.page_first.as_deref(), record.doi.as_deref()) else {
        return;
    };
    if doi_spells_number(doi, first) {
        record.article_number = Some(first.to_owned());
        let source = record.provenance.get("pages").cloned();
        if let Some(source) = source {
            record
                .provenance
                .insert("article_number".to_owned(), source);
        }
    }
}

/// Whether the DOI's last part (after its last `.` or `/`) is `number`, zeros and a leading
/// `e` aside, and the number holds at least three digits.
fn doi_spells_number(doi: &str, number: &str) -> bool {
    fn core(s: &str) -> &str {
        s.trim_start_matches(['e', 'E']).trim_start_matches('0')
    }
    let tail = doi.rsplit(['.', '/']).next().unwrap_or_default();
    let number_core = core(number);
    number.bytes().filter(u8::is_ascii_digit).count() >= 3
        && number_core.bytes().all(|b| b.is_ascii_digit())
        && !number_core.is_empty()
        && core(tail) == number_core
}

/// The full title of a journal known by its abbreviation ([`rules::journal_title_of_abbrev`])
/// when the page gave none, or only an acronym (a page title's "ACP - …").
pub fn journal_title_from_abbrev(record: &mut Record) {
    let acronym = |t: &str| t.len() <= 6 && t.bytes().all(|b| b.is_ascii_uppercase());
    if record.journal.title.as_deref().is_some_and(|t| !acronym(t)) {
        return;
    }
    let Some(title) = record
        .journal
        .abbrev
        .as_deref()
        .and_then(rules::journal_title_of_abbrev)
    else {
        return;
    };
    record.journal.title = Some(title.into_owned());
    if let Some(source) = record.provenance.get("journal.abbrev").cloned() {
        record.provenance.insert("journal".to_owned(), source);
    }
}

/// A journal title of one word ("Nature", "Metabolites", "BMJ") is its own abbreviation:
/// ISO 4 never abbreviates a single-word title.
fn abbrev_of_single_word_journal(record: &mut Record) {
    if record.journal.abbrev.is_some() {
        return;
    }
    let Some(title) = record.journal.title.as_deref() else {
        return;
    };
    if !title.is_empty() && !title.contains(char::is_whitespace) && !title.ends_with('.') {
        record.journal.abbrev = Some(title.to_owned());
        if let Some(source) = record.provenance.get("journal").cloned() {
            record
                .provenance
                .insert("journal.abbrev".to_owned(), source);
        }
    }
}

/// An article located by its number alone ("Invent. Lett. 6:e4886", no page range) gets that
/// number as its first page too, as the page's own citation meta tags give it
/// (`citation_firstpage` = "e4886"), so that its text and its HTML give the same record.
fn first_page_from_article_number(record: &mut Record) {
    if record.page_first.is_some() || record.page_last.is_some() {
        return;
    }
    if let Some(number) = record.article_number.clone() {
        record.page_first = Some(number);
        let source = record.provenance.get("article_number").cloned();
        if let Some(source) = source {
            record.provenance.insert("pages".to_owned(), source);
        }
    }
}

/// A citation line anywhere on the page around the article's own DOI: before it ("Inv.
/// Soc. open sci. 2016 3 160123; DOI: 10.1000/inv.160123", a share box) or after it, run on
/// over the next line ("doi: 10.1000/inv.4 Invent. Lett. 2015 volume 4," / "issue 7,
/// P272-P276", HighWire's citation box).
fn fill_from_line_with_own_doi(record: &mut Record, page: &Page<'_>) {
    let Some(doi) = record.doi.clone() else {
        return;
    };
    // One searcher for every line (`str::find` would set one up per line).
    let doi_finder = memchr::memmem::Finder::new(doi.as_bytes());
    let lines: Vec<&Line> = lines_outside_other_works(page).collect();
    let found = lines.iter().enumerate().find_map(|(i, line)| {
        let at = doi_finder.find(line.text.as_bytes())?;
        let before = &line.text[..at];
        let cut = before
            .rfind(['D', 'd'])
            .filter(|&i| starts_with_ignore_ascii_case(&before[i..], "doi"))?;
        let citation =
            without_list_number(before[..cut].trim_end_matches([' ', ';', ',', '.', ':']));
        if let Some(found) = parse_locator(citation) {
            return Some((found, [line.start, line.end]));
        }
        // A labelled citation wrapped before its page, which opens the DOI's line
        // ("… Citation A B Author et al 1976 Invent. Mater. 12" / "143 DOI 10.1000/…").
        if let Some(above) = i
            .checked_sub(1)
            .map(|j| lines[j])
            .filter(|_| citation.len() <= 12)
        {
            if let Some(at) = above.text.find("Citation ") {
                let joined = format!("{} {citation}", &above.text[at..]);
                if let Some(found) = parse_locator(&joined) {
                    return Some((found, [above.start, line.end]));
                }
            }
        }
        // After the DOI: on its line, or run on over the next.
        let mut after = line.text[at + doi.len()..].trim().to_owned();
        if let Some(found) = locator_before_first_published(&after) {
            return Some((found, [line.start, line.end]));
        }
        let next = lines
            .get(i + 1)
            .filter(|n| n.kind == LineKind::Text && !n.is_blank())?;
        push_joined(&mut after, &next.text);
        let found = locator_before_first_published(&after)?;
        Some((found, [line.start, next.end]))
    });
    if let Some((found, span)) = found {
        fill_journal_data(record, &found, Some(span));
        if record.year.is_none() {
            record.year = found.year;
        }
    }
}

/// The locator of a citation, up to a "First published online: …" after it.
fn locator_before_first_published(text: &str) -> Option<super::locator::Locator> {
    let end = FIRST_PUBLISHED.find(text).map_or(text.len(), |m| m.start());
    parse_locator(text[..end].trim_end_matches([' ', '.', ',']))
}

/// "First published online: …" after a citation.
static FIRST_PUBLISHED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\b(?:first\s+)?published\b").expect("first published regex")
});

/// A line without the number a list gives it ("1. Invented Plants (2015) 7 : plv005").
fn without_list_number(text: &str) -> &str {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    match text[digits..].strip_prefix(". ") {
        Some(rest) if (1..=2).contains(&digits) => rest.trim_start(),
        _ => text,
    }
}

/// A labelled page range on its own line in the header ("Pages 1092-1099", "pp. 12–19"),
/// or in an issue box under the article's volume.
fn fill_from_pages_line(record: &mut Record, page: &Page<'_>) {
    static PAGES_LINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Pages?|pp\.?)\s*:?\s*(?P<range>[A-Za-z]?\d+\s*[–-]\s*[A-Za-z]?\d+)$")
            .expect("pages line regex")
    });
    if record.page_first.is_some() {
        return;
    }
    let Some(header) = page.first(SectionKind::Header) else {
        return;
    };
    let pages_of = |line: &Line| {
        let text = trim(&line.text);
        if !text.starts_with(['P', 'p']) {
            return None;
        }
        let caps = PAGES_LINE.captures(text)?;
        let range = parse_page_range(&caps["range"])?;
        Some((range, [line.start, line.end]))
    };
    // Else an issue box anywhere on the page, under the volume line of the article's own
    // volume ("Volume50, Issue7" / "July 2015" / "Pages 528-531").
    let in_own_volume = |i: usize| {
        let lines = page.lines;
        let above = lines[..i].iter().rev().filter(|l| !l.is_blank()).take(3);
        above.into_iter().any(|l| {
            starts_with_ignore_ascii_case(l.text.trim_start(), "vol")
                && parse_locator(&l.text)
                    .is_some_and(|found| found.volume.is_some() && found.volume == record.volume)
        })
    };
    let found = page.lines_of(header).iter().find_map(pages_of).or_else(|| {
        let mut boxed = page.lines.iter().enumerate();
        boxed.find_map(|(i, line)| pages_of(line).filter(|_| in_own_volume(i)))
    });
    if let Some((range, span)) = found {
        fill_text(
            record,
            "page_first",
            |r| &mut r.page_first,
            &range.first,
            Some(span),
        );
        if let Some(last) = &range.last {
            fill_text(record, "page_last", |r| &mut r.page_last, last, Some(span));
        }
    }
}

/// PubMed Central's footer names the journal: "Articles from Journal of Invented Studies
/// are provided here courtesy of …".
fn fill_from_archive_footer(record: &mut Record, page: &Page<'_>) {
    static ARTICLES_FROM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^Articles from (?P<journal>\p{Lu}.{2,150}?) are provided here\b")
            .expect("archive footer regex")
    });
    if record.journal.title.is_some() {
        return;
    }
    let found = page.lines.iter().rev().find_map(|line| {
        let text = line.text.trim_start();
        if !text.starts_with("Articles from ") {
            return None;
        }
        let caps = ARTICLES_FROM.captures(text)?;
        let journal = caps.name("journal")?;
        Some((journal.as_str().to_owned(), [line.start, line.end]))
    });
    if let Some((journal, span)) = found {
        fill_text(record, "journal", slot_journal, &journal, Some(span));
    }
}

/// Every line but those of the lists of other works (references, cited-by, related).
fn lines_outside_other_works<'a>(page: &'a Page<'_>) -> impl Iterator<Item = &'a Line> + 'a {
    const OTHER_WORKS: [SectionKind; 3] = [
        SectionKind::References,
        SectionKind::CitedBy,
        SectionKind::Related,
    ];
    page.segments
        .iter()
        .filter(|s| !OTHER_WORKS.contains(&s.kind))
        .flat_map(|s| page.lines_of(s))
}

/// Lines of the parts that may hold the article's own metadata.
fn own_lines<'a>(page: &'a Page<'_>) -> impl Iterator<Item = &'a Line> + 'a {
    page.segments
        .iter()
        .filter(|s| OWN_PARTS.contains(&s.kind))
        .flat_map(move |s| page.lines_of(s).iter())
}

fn set_text(record: &mut Record, field: &str, line: &Line) {
    record.note_source(field, "text", Some([line.start, line.end]));
}

fn fill_journal_line(record: &mut Record, page: &Page<'_>) {
    let Some(header) = page.first(SectionKind::Header) else {
        return;
    };
    let lines = page.lines_of(header);
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        // Both shapes hold the word `volume`, which the join below cannot make (it adds a
        // space): a pair of lines without it is passed over before the copy and the search.
        let has_volume = |l: &Line| contains_ignore_ascii_case(&l.text, "volume");
        if !has_volume(line) && !lines.get(i + 1).is_some_and(has_volume) {
            continue;
        }
        // The line may be broken: try it alone and joined with the next one.
        let joined = match lines.get(i + 1) {
            Some(next) if !next.is_blank() => format!("{} {}", line.text, next.text),
            _ => line.text.clone(),
        };
        let found = JOURNAL_LINE
            .captures(&joined)
            .map(|c| (c.name("journal").map(|m| m.as_str()), c))
            .or_else(|| VOLUME_LINE.captures(&joined).map(|c| (None, c)))
            .or_else(|| VOLUME_ISSUE_PAGES_LINE.captures(&joined).map(|c| (None, c)));
        let Some((journal, caps)) = found else {
            continue;
        };
        let span = Some([line.start, lines.get(i + 1).map_or(line.end, |n| n.end)]);
        if let Some(journal) = journal {
            fill_text(record, "journal", |r| &mut r.journal.title, journal, span);
        }
        for (name, field, slot) in [
            ("volume", "volume", slot_volume as Slot),
            ("issue", "issue", slot_issue),
            ("article", "article_number", slot_article_number),
        ] {
            if let Some(v) = caps.name(name) {
                fill_text(record, field, slot, v.as_str(), span);
            }
        }
        if let Some(range) = caps
            .name("pages")
            .and_then(|p| parse_page_range(p.as_str()))
        {
            if record.page_first.is_none() {
                record.page_first = Some(range.first);
                record.page_last = range.last;
                record.note_source("pages", "text", span);
            }
        }
        if record.year.is_none() {
            record.year = caps.name("year").and_then(|y| y.as_str().parse().ok());
            record.note_source("year", "text", span);
        }
        return;
    }
}

/// The journal's name on the line right above its ISSNs ("Journal of Invented Science" /
/// "Online ISSN : 1881-7742", a journal site's banner), where nothing else gave one. The
/// line must read as a serial's name ("Journal", "Review", "Transactions", …): a menu entry
/// there is none.
fn fill_journal_above_issn(record: &mut Record, page: &Page<'_>) {
    const SERIAL_WORDS: &[&str] = &[
        "journal",
        "review",
        "reviews",
        "transactions",
        "letters",
        "annals",
        "bulletin",
        "proceedings",
        "reports",
        "research",
        "science",
        "sciences",
        "acta",
        "archives",
        "quarterly",
        "magazine",
        "studies",
        "revista",
        "zeitschrift",
    ];
    if record.journal.title.is_some() {
        return;
    }
    let Some(header) = page.first(SectionKind::Header) else {
        return;
    };
    let lines = page.lines_of(header);
    let opens_issn = |text: &str| {
        let head = text
            .trim_start()
            .get(..12)
            .unwrap_or(text)
            .to_ascii_lowercase();
        ["issn", "online issn", "print issn", "e-issn", "p-issn"]
            .iter()
            .any(|label| head.starts_with(label))
    };
    let Some(at) = lines.iter().position(|l| opens_issn(&l.text)) else {
        return;
    };
    let Some(above) = lines[..at].iter().rev().find(|l| !l.is_blank()) else {
        return;
    };
    let name = trim(&above.text);
    let lower = name.to_lowercase();
    let serial = lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| SERIAL_WORDS.contains(&w));
    if serial && is_journal_name(name) {
        fill_text(
            record,
            "journal",
            |r| &mut r.journal.title,
            name,
            Some([above.start, above.end]),
        );
    }
}

/// Volume, issue, year and the journal's abbreviation from an issue line in the header
/// (`ABBREVIATED_ISSUE_LINE`), where the meta tags gave none.
fn fill_abbreviated_issue_line(record: &mut Record, page: &Page<'_>) {
    let Some(header) = page.first(SectionKind::Header) else {
        return;
    };
    // Only a line holding both abbreviations runs the pattern.
    let found = page.lines_of(header).iter().find_map(|line| {
        let text = line.text.trim();
        (text.contains("vol.") && text.contains(" no."))
            .then(|| ABBREVIATED_ISSUE_LINE.captures(text))
            .flatten()
            .map(|caps| (caps, line))
    });
    let Some((caps, line)) = found else {
        return;
    };
    let span = Some([line.start, line.end]);
    fill_text(
        record,
        "journal.abbrev",
        |r| &mut r.journal.abbrev,
        &caps["abbrev"],
        span,
    );
    fill_text(record, "volume", slot_volume, &caps["volume"], span);
    fill_text(record, "issue", slot_issue, &caps["issue"], span);
    if record.year.is_none() {
        record.year = caps["year"].parse().ok();
        record.note_source("year", "text", span);
    }
}

/// Whether `text` holds the ASCII `word` in any letter case.
fn starts_with_ignore_ascii_case(text: &str, prefix: &str) -> bool {
    text.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

fn contains_ignore_ascii_case(text: &str, word: &str) -> bool {
    text.as_bytes()
        .windows(word.len())
        .any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

fn slot_volume(r: &mut Record) -> &mut Option<String> {
    &mut r.volume
}
fn slot_issue(r: &mut Record) -> &mut Option<String> {
    &mut r.issue
}
fn slot_article_number(r: &mut Record) -> &mut Option<String> {
    &mut r.article_number
}

/// "Published online by Invented University Press: 12 March 2021" (Cambridge Core) as
/// "Published online: 12 March 2021": the publisher named between label and date goes, so
/// [`DATE_EVENT`] reads the line without a clause of its own for it (which made that
/// pattern several times slower on every line it is tried on).
fn without_publisher_of_online_date(text: Cow<'_, str>) -> Cow<'_, str> {
    static PUBLISHED_ONLINE_BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(published online) by \p{Lu}[\p{L}&.'’ ]{2,60}?:")
            .expect("published-by regex")
    });
    const MARK: &[u8] = b"online by ";
    let has_mark = text
        .as_bytes()
        .windows(MARK.len())
        .any(|w| w.eq_ignore_ascii_case(MARK));
    if !has_mark {
        return text;
    }
    match PUBLISHED_ONLINE_BY.replace(&text, "$1:") {
        Cow::Borrowed(_) => text,
        Cow::Owned(replaced) => Cow::Owned(replaced),
    }
}

fn fill_dates(record: &mut Record, page: &Page<'_>) {
    let lines: Vec<&Line> = own_lines(page).filter(|l| !l.is_blank()).collect();
    for (i, line) in lines.iter().enumerate() {
        // A long line is prose, unless it is a manuscript history footnote printed as one
        // paragraph ("Manuscript received 3 June 2021; revised …; accepted …. Date of
        // publication …", IEEE).
        let history = starts_with_ignore_ascii_case(line.text.trim_start(), "manuscript received");
        if (line.text.len() > 300 && !history)
            || !may_hold_dated_label(&line.text)
            || !DATE_LABEL_WORD.is_match(&line.text)
        {
            continue;
        }
        // "Accepted author version posted online: 15 Apr 2013": the accepted manuscript,
        // not the publication.
        if starts_with_ignore_ascii_case(line.text.trim_start(), "accepted author version")
            || starts_with_ignore_ascii_case(line.text.trim_start(), "accepted manuscript")
        {
            continue;
        }
        // A date broken before its year ("… Published online 02 May" / "2016 …"): the
        // line is read joined with the next.
        let next_year = lines
            .get(i + 1)
            .filter(|n| YEAR_FIRST.is_match(&n.text))
            .filter(|_| ends_with_month(&line.text));
        let (text, end) = match next_year {
            Some(next) => (format!("{} {}", line.text, next.text).into(), next.end),
            None => (Cow::Borrowed(line.text.as_str()), line.end),
        };
        let text = without_publisher_of_online_date(text);
        for caps in DATE_EVENT.captures_iter(&text) {
            if let Some(date) = parse_date(&caps["date"]) {
                fill_date(record, &caps["label"], &date, [line.start, end]);
            }
        }
        // "Published online" on its line, the date on the next.
        if let Some(caps) = DATE_LABEL_ALONE.captures(trim(&line.text)) {
            let next = lines.get(i + 1).filter(|n| is_date_alone(&n.text));
            if let Some(date) = next.and_then(|n| parse_date(&n.text)) {
                let span = [line.start, next.map_or(line.end, |n| n.end)];
                fill_date(record, &caps["label"], &date, span);
            }
        }
    }
    // No labelled publication date: a full date alone on its line in the header, as news
    // pages and bylines print it ("NEWS" / "10 September 2020").
    if record.dates.published.is_none() {
        let header = page.first(SectionKind::Header).map(|h| page.lines_of(h));
        let bare = header
            .into_iter()
            .flatten()
            .find(|l| is_date_alone(&l.text) && FULL_DATE.is_match(trim(&l.text)));
        if let Some((line, date)) = bare.and_then(|l| parse_date(&l.text).map(|d| (l, d))) {
            record.dates.published = Some(date);
            record.note_source(
                "dates.published",
                "text:bare-date",
                Some([line.start, line.end]),
            );
        }
    }
}

/// The labels of an editorial history's clauses and the date each gives, longest first.
const HISTORY_CLAUSES: &[(&str, &str)] = &[
    ("revised version received", "revised"),
    ("submitted", "received"),
    ("received", "received"),
    ("revised", "revised"),
    ("accepted", "accepted"),
    ("published", "published"),
];

/// An editorial history printed as one run of clauses parted by semicolons, the dates in
/// numbers ("Edited by L Okafor; submitted 03.12.21; peer-reviewed by …; revised version
/// received 01.02.22; accepted 21.02.22; published 12.04.22", as every JMIR journal closes
/// its articles): the article's own dates, so they come before any other dated line (a
/// preprint's "first published" note above the title). Wrapped lines are joined; the
/// line may stand anywhere on the page (a text dump leaves it under the references).
fn fill_dates_from_editorial_history(record: &mut Record, page: &Page<'_>) {
    const MAX_LINES: usize = 4;
    let lines = page.lines;
    // Only a line opening with a history's first label is read (nearly every line of a
    // page is turned away on its first letter).
    let opens = |text: &str| {
        let text = text.trim_start();
        (text.starts_with("Edited by ") || text.starts_with("Submitted ")) && text.contains(';')
    };
    let Some(start) = lines.iter().position(|l| opens(&l.text)) else {
        return;
    };
    let mut text = lines[start].text.trim().to_owned();
    let mut end = lines[start].end;
    for line in lines[start + 1..].iter().take(MAX_LINES - 1) {
        let next = line.text.trim();
        let goes_on = text.ends_with(';')
            || next.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
        if line.is_blank() || !goes_on {
            break;
        }
        text.push(' ');
        text.push_str(next);
        end = line.end;
    }
    let span = Some([lines[start].start, end]);
    for clause in text.split(';') {
        let clause = clause.trim();
        let Some((label, field)) = HISTORY_CLAUSES.iter().find(|(label, _)| {
            clause
                .get(..label.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(label))
        }) else {
            continue;
        };
        let Some(date) = super::dates::parse_dotted_date(clause[label.len()..].trim()) else {
            continue;
        };
        let slot: Slot = match *field {
            "received" => |r| &mut r.dates.received,
            "revised" => |r| &mut r.dates.revised,
            "accepted" => |r| &mut r.dates.accepted,
            _ => |r| &mut r.dates.published,
        };
        fill_text(record, &format!("dates.{field}"), slot, &date, span);
    }
}

/// A preprint's version history: "[Submitted on 11 Oct 2018 (v1), last revised 24 May 2019
/// (this version, v2)]".
static VERSION_HISTORY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\[?Submitted on (?P<first>{DATE_FORMS})(?:\s*\(v1\))?(?:,\s*last revised (?P<last>{DATE_FORMS})\s*\(this version)?"
    ))
    .expect("version history regex")
});

/// A preprint page's version history: the version shown was published on its own date (the
/// first version's, or the last revision's when the page shows that one), and the work's
/// year is that of its first version, as preprint servers cite it.
fn fill_from_version_history(record: &mut Record, page: &Page<'_>) {
    let found = own_lines(page).find_map(|line| {
        let text = line.text.trim_start();
        if !text.trim_start_matches('[').starts_with("Submitted on") {
            return None;
        }
        VERSION_HISTORY.captures(text).map(|caps| (caps, line))
    });
    let Some((caps, line)) = found else {
        return;
    };
    let span = Some([line.start, line.end]);
    let first = parse_date(&caps["first"]);
    let shown = caps.name("last").and_then(|d| parse_date(d.as_str()));
    if let Some(date) = shown.or(first.clone()) {
        fill_text(
            record,
            "dates.published",
            |r| &mut r.dates.published,
            &date,
            span,
        );
    }
    if record.year.is_none() {
        record.year = first.and_then(|d| d.get(..4)?.parse().ok());
        record.note_source("year", "text", span);
    }
}

/// A line that starts with a year.
static YEAR_FIRST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:19|20)\d{2}\b").expect("year first regex"));

/// Whether a line ends with a month's name ("… Published online 02 May").
fn ends_with_month(text: &str) -> bool {
    let last = text.trim_end().rsplit(' ').next().unwrap_or("");
    super::dates::month_number(last).is_some()
}

/// A cheap look before [`DATE_LABEL_WORD`]: a dated event needs a digit, and a label
/// alone opens its line. An ASCII line with no digit that starts with no label's letter
/// is neither (other lines are left to the patterns, whose `\d` is Unicode).
fn may_hold_dated_label(text: &str) -> bool {
    let starts_like_label =
        |b: &u8| matches!(b.to_ascii_lowercase(), b'r' | b'a' | b'p' | b'f' | b'o');
    !text.is_ascii()
        || text
            .trim_start()
            .as_bytes()
            .first()
            .is_some_and(starts_like_label)
        || text.bytes().any(|b| b.is_ascii_digit())
}

/// Fills the date field a label names, if still empty.
fn fill_date(record: &mut Record, label: &str, date: &str, span: [usize; 2]) {
    let label = label.to_lowercase();
    let (field, slot): (&str, Slot) = match label.as_str() {
        "received" => ("dates.received", |r| &mut r.dates.received),
        l if l.starts_with("revised") || l.starts_with("revision") => {
            ("dates.revised", |r| &mut r.dates.revised)
        }
        "accepted" => ("dates.accepted", |r| &mut r.dates.accepted),
        "issue date" | "published in issue" => ("dates.issue", |r| &mut r.dates.issue),
        _ => ("dates.published", |r| &mut r.dates.published),
    };
    fill_text(record, field, slot, date, Some(span));
}

/// A line holding a date and nothing else ("22 February 2012", "January 27, 2015").
fn is_date_alone(text: &str) -> bool {
    let text = text.trim();
    text.len() <= 30 && DATE_ONLY.is_match(text)
}

fn fill_doi(record: &mut Record, page: &Page<'_>) {
    if record.doi.is_some() {
        return;
    }
    /// "doi: 10.1186/" at the end of a column, the rest of the DOI on the next line (a
    /// text browser's table cell: "10.1186/      PMCID: PMC…" / "1477-7819-7-9").
    static DOI_CUT_AT_SLASH: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bdoi:?\s*(10\.\d{4,9}/)(?:\s|$)").expect("cut doi regex")
    });
    static DOI_SUFFIX: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[\w.()/:;-]*\w$").expect("doi suffix regex"));
    // A labelled DOI line wins over a DOI merely mentioned.
    let mut first_seen: Option<(String, [usize; 2])> = None;
    let own: Vec<&Line> = own_lines(page).collect();
    for (i, line) in own.iter().enumerate() {
        let Some(m) = DOI.find(&line.text) else {
            let cut = line
                .text
                .contains('/')
                .then(|| DOI_CUT_AT_SLASH.captures(&line.text))
                .flatten();
            let rest = own
                .get(i + 1)
                .filter(|next| !next.is_blank())
                .and_then(|next| next.text.split_whitespace().next())
                .filter(|token| DOI_SUFFIX.is_match(token));
            if let (Some(cut), Some(rest)) = (cut, rest) {
                record.doi = Some(clean_doi(&format!("{}{rest}", &cut[1])));
                record.note_source("doi", "text", Some([line.start, own[i + 1].end]));
                return;
            }
            continue;
        };
        let doi = clean_doi(m.as_str());
        let lower = line.text.to_lowercase();
        if lower.starts_with("doi") || lower.starts_with("https://doi.org/") && line.text.len() < 80
        {
            let doi = article_doi_of_component(&own, doi);
            record.doi = Some(doi);
            record.note_source("doi", "text", Some([line.start, line.end]));
            return;
        }
        if first_seen.is_none() {
            first_seen = Some((doi, [line.start, line.end]));
        }
    }
    if let Some((doi, span)) = first_seen {
        record.doi = Some(article_doi_of_component(&own, doi));
        record.note_source("doi", "text", Some(span));
        return;
    }
    // None in the header: a labelled DOI line under the body, as news pages print their
    // own at the end of the story ("doi: https://doi.org/10.1000/…").
    let labelled = lines_outside_other_works(page).find_map(|line| {
        let text = line.text.trim_start();
        if !starts_with_ignore_ascii_case(text, "doi") || text.len() > 80 {
            return None;
        }
        DOI.find(text).map(|m| (clean_doi(m.as_str()), line))
    });
    // Or the published version's, on a manuscript's page ("Published in:" / "2023.
    // Invented Linguistics 70: 195-218" / "https://doi.org/10.1000/…"): the same work.
    let published_in = || {
        let lines = page.lines;
        let at = lines.iter().position(|l| {
            let label = trim(&l.text).trim_end_matches(':').trim_end();
            label.eq_ignore_ascii_case("published in")
                || label.eq_ignore_ascii_case("published version")
        })?;
        lines[at + 1..]
            .iter()
            .filter(|l| !l.is_blank())
            .take(3)
            .find_map(|l| DOI.find(&l.text).map(|m| (clean_doi(m.as_str()), l)))
    };
    if let Some((doi, line)) = labelled.or_else(published_in) {
        record.doi = Some(doi);
        record.note_source("doi", "text", Some([line.start, line.end]));
    }
}

/// A figure's or supplement's DOI extends the article's ("10.1000/inv.4886/fig-1",
/// "10.1000/inv.44753.007"): when the page also prints the article's, that one is meant.
fn article_doi_of_component(lines: &[&Line], doi: String) -> String {
    let shorter = lines
        .iter()
        .filter(|l| l.text.contains("10."))
        .flat_map(|l| DOI.find_iter(&l.text))
        .map(|m| clean_doi(m.as_str()))
        .filter(|other| {
            other.len() < doi.len()
                && doi.starts_with(other.as_str())
                && doi[other.len()..].starts_with(['/', '.'])
                && doi.len() - other.len() <= 8
        })
        .min_by_key(String::len);
    shorter.unwrap_or(doi)
}

/// Link labels that text dumps glue to the end of a DOI ("10.1000/x.2014View/save").
const GLUED_LINK_WORDS: &[&str] = &["View", "Download", "Cite", "Google", "PubMed", "CrossRef"];

/// Strips trailing punctuation a sentence adds after a DOI, and a link label glued to it
/// after a digit.
pub fn clean_doi(raw: &str) -> String {
    let mut doi = raw;
    for word in GLUED_LINK_WORDS {
        if let Some(at) = doi.find(word)
            && doi[..at].ends_with(|c: char| c.is_ascii_digit())
            && doi[at + word.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
        {
            doi = &doi[..at];
        }
    }
    // A DOI read from a link's address ends where the address's query starts
    // ("…/10.5555/abc.123?scroll=top&needAccess=true").
    if let Some(at) = doi.find('?')
        && is_query_parameter(&doi[at + 1..])
    {
        doi = &doi[..at];
    }
    let mut doi = doi.trim_end_matches(['.', ',', ';', ':']);
    // HAL prints identifiers in angle brackets ("⟨10.5555/x⟩").
    if !doi.contains('⟨') {
        doi = doi.trim_end_matches('⟩');
    }
    if doi.ends_with(')') && doi.matches('(').count() < doi.matches(')').count() {
        doi = &doi[..doi.len() - 1];
    }
    doi.to_owned()
}

/// Whether `text` starts with a URL query parameter: a name, then `=`.
fn is_query_parameter(text: &str) -> bool {
    let name_len = text
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .count();
    name_len > 0 && text.as_bytes().get(name_len) == Some(&b'=')
}

fn fill_issns_and_publisher(record: &mut Record, page: &Page<'_>) {
    let mut publisher: Option<(String, [usize; 2])> = None;
    for line in own_lines(page) {
        // Every ISSN holds a hyphen: a memchr for it turns most lines away first.
        if line.text.contains('-') && ISSN_WORD.is_match(&line.text) {
            for caps in ISSN.captures_iter(&line.text) {
                let kind = caps
                    .name("pre")
                    .or(caps.name("pre2"))
                    .or(caps.name("post"))
                    .map(|m| m.as_str().to_lowercase());
                let issn = caps["issn"].to_uppercase();
                let field = match kind.as_deref() {
                    Some(k) if k.contains("print") || k == "p" => "issn_print",
                    Some(_) => "issn_electronic",
                    None => "issn_print",
                };
                let slot: Slot = if field == "issn_print" {
                    |r| &mut r.journal.issn_print
                } else {
                    |r| &mut r.journal.issn_electronic
                };
                fill_text(
                    record,
                    &format!("journal.{field}"),
                    slot,
                    &issn,
                    Some([line.start, line.end]),
                );
            }
        }
        // The regexes below are anchored: a look at the line's ends turns most lines away
        // before a search that allocates capture slots.
        let copyright_start = ["©", "(c)", "copyright"]
            .iter()
            .any(|start| line.text.starts_with(start));
        if let Some(caps) = copyright_start
            .then(|| COPYRIGHT.captures(&line.text))
            .flatten()
        {
            let who = caps["who"].trim();
            // "© 2015 Lindqvist et al.; licensee Invented Central": the authors hold the
            // copyright, the licensee is the publisher.
            let by_authors = who.to_lowercase().contains("author") || who.ends_with(" et al");
            let licensee = LICENSEE
                .captures(&line.text)
                .map(|c| c["who"].trim().to_owned());
            if let Some(who) = licensee.or_else(|| (!by_authors).then(|| who.to_owned())) {
                publisher = Some((who, [line.start, line.end]));
            }
        }
        if record.journal.abbrev.is_none() && line.text.ends_with(')') {
            if let (Some(title), Some(caps)) = (
                &record.journal.title,
                TITLE_WITH_ABBREV.captures(&line.text),
            ) {
                if caps["title"].eq_ignore_ascii_case(title) {
                    let abbrev = caps["abbrev"].to_owned();
                    fill_text(
                        record,
                        "journal.abbrev",
                        |r| &mut r.journal.abbrev,
                        &abbrev,
                        Some([line.start, line.end]),
                    );
                }
            }
        }
    }
    // The last copyright line of the page is the site's publisher.
    if let Some((who, span)) = publisher {
        fill_text(
            record,
            "journal.publisher",
            |r| &mut r.journal.publisher,
            &who,
            Some(span),
        );
    }
}

fn fill_metrics(record: &mut Record, page: &Page<'_>) {
    let parts = [SectionKind::Header, SectionKind::Abstract];
    let lines = parts
        .iter()
        .filter_map(|k| page.first(*k))
        .flat_map(|s| page.lines_of(s));
    for line in lines {
        // Every metric line opens with its number.
        if !line.text.starts_with(char::is_numeric) {
            continue;
        }
        let Some(caps) = METRIC.captures(&line.text) else {
            continue;
        };
        let number: f64 = caps["n"].replace(',', "").parse().unwrap_or(0.0);
        let scale = match caps.name("unit").map(|u| u.as_str().to_ascii_lowercase()) {
            Some(u) if u == "k" => 1_000.0,
            Some(u) if u == "m" => 1_000_000.0,
            _ => 1.0,
        };
        let value = Some((number * scale).round() as u64);
        let slot = match caps["what"].to_lowercase().as_str() {
            "accesses" | "downloads" | "views" => &mut record.metrics.accesses,
            "citations" => &mut record.metrics.citations,
            _ => &mut record.metrics.altmetric,
        };
        if slot.is_none() {
            *slot = value;
        }
    }
}

fn fill_keywords(record: &mut Record, page: &Page<'_>) {
    if !record.keywords.is_empty() {
        return;
    }
    // The authors' own keywords where the page groups them with indexing terms (IEEE
    // Xplore: "IEEE Keywords", "Index Terms", "Author Keywords"), as a part of their own or
    // as a group label inside the list.
    let is_author_group = |text: &str| {
        text.trim()
            .trim_end_matches(':')
            .eq_ignore_ascii_case("author keywords")
    };
    let author_part = page
        .sections(SectionKind::Keywords)
        .find(|s| s.heading.as_deref().is_some_and(is_author_group));
    if let Some(section) = author_part.or_else(|| page.first(SectionKind::Keywords)) {
        let mut lines = page.lines_of(section);
        if let Some(at) = lines.iter().position(|l| is_author_group(&l.text)) {
            lines = &lines[at + 1..];
        }
        let mut keywords = Vec::new();
        let mut span: Option<[usize; 2]> = None;
        // A list is bulleted when its first line is: one keyword a bullet. Plain lines may
        // hold several; a line that ends on a separator or goes on in lower case wrapped
        // and is joined to the one before. A bullet after them is something else (a
        // "* Correspondence" footnote).
        // An ordered list printed as text ("1. older adults" / "2. living alone") is a
        // bulleted one whose bullets are numbers.
        let first = lines.iter().find(|l| !l.is_blank());
        let numbered = first.is_some_and(|l| list_number_of(&l.text) == Some(1));
        let bulleted = numbered || first.is_some_and(|l| matches!(l.kind, LineKind::Bullet(_)));
        let mut plain: Vec<String> = Vec::new();
        // Keywords one a line, no separator anywhere ("flood risk" / "early warning"):
        // a line in lower case is the next keyword, not the rest of the one before.
        let separated = lines
            .iter()
            .take(12)
            .any(|l| l.text.contains([',', ';', '·', '•']));
        for (index, line) in lines.iter().enumerate().filter(|(_, l)| !l.is_blank()) {
            // A heading over a block of labelled values after a blank line ("Metrics" /
            // "Full Text Views: 587", a print of the page's next tab) ends a plain list.
            let after_blank = index > 0 && lines[index - 1].is_blank();
            let heads_labelled_block = || {
                lines[index + 1..]
                    .iter()
                    .find(|l| !l.is_blank())
                    .is_some_and(|l| starts_with_info_label(&l.text))
            };
            if !bulleted
                && after_blank
                && !plain.is_empty()
                && line.text.starts_with(char::is_uppercase)
                && heads_labelled_block()
            {
                break;
            }
            let is_item = if numbered {
                list_number_of(&line.text).is_some()
            } else {
                matches!(line.kind, LineKind::Bullet(_))
            };
            if is_item != bulleted {
                break;
            }
            if !is_item
                && (line.text.len() > 200
                    || plain.len() > 40
                    || (!plain.is_empty() && starts_with_info_label(&line.text))
                    // The article's data under the list ("2017 Volume 63 Issue 4 Pages
                    // 237-245", "DOI https://…").
                    || (!plain.is_empty()
                        && (looks_like_metadata(&line.text) || is_locator_line(&line.text)))
                    || COPYRIGHT.is_match(&line.text)
                    || rules::is_info_label_alone(&line.text))
            {
                break;
            }
            if is_item {
                if keywords.len() > 40 {
                    break;
                }
                let text = if numbered {
                    strip_list_number(&line.text)
                } else {
                    trim(&line.text)
                };
                keywords.push(text.trim_end_matches([';', ',', '.']).to_owned());
            } else {
                let text = trim(&line.text);
                // A line of several keywords that stops without a separator was wrapped
                // mid-keyword ("…, Mekong" / "Delta, mixed methods").
                let wrapped = plain.last().is_some_and(|last| {
                    last.ends_with([',', ';', '·', '•'])
                        || text.starts_with(char::is_lowercase) && separated
                        || text.starts_with(char::is_lowercase)
                            && !last.ends_with(|c: char| c.is_alphanumeric())
                        || last.contains([',', ';'])
                            && !last.ends_with('.')
                            && text.contains([',', ';'])
                });
                match plain.last_mut() {
                    Some(last) if wrapped => super::text::push_joined(last, text),
                    _ => plain.push(text.to_owned()),
                }
            }
            span = Some([span.map_or(line.start, |s| s[0]), line.end]);
        }
        keywords.extend(plain.iter().flat_map(|piece| split_keyword_line(piece)));
        keywords.retain(|k| !k.is_empty() && k.len() < 120);
        if !keywords.is_empty() {
            record.keywords = keywords;
            record.note_source("keywords", "text", span);
        }
        return;
    }
    // "Keywords: a; b; c" inline in the header or abstract.
    for line in own_lines(page) {
        // Only a line whose first character lower-cases to `k` can start with a label:
        // the others are passed without a lower-cased copy.
        if !line.text.starts_with(['k', 'K', '\u{212A}', 'a', 'A']) {
            continue;
        }
        let lower = line.text.to_lowercase();
        // ACM prints its author keywords under the CCS concepts as "Additional Key Words
        // and Phrases: …".
        for label in [
            "keywords:",
            "key words:",
            "keywords",
            "key words",
            "additional key words and phrases:",
        ] {
            if lower.starts_with(label) && line.text.len() > label.len() + 2 {
                let rest = &line.text[label.len()..];
                let keywords = split_keyword_line(rest.trim_start_matches([':', ' ']));
                if !keywords.is_empty() {
                    record.keywords = keywords;
                    record.note_source("keywords", "text", Some([line.start, line.end]));
                    return;
                }
            }
        }
    }
}

/// The number of an ordered-list item printed as text: `1. older adults` gives 1.
fn list_number_of(text: &str) -> Option<u32> {
    let text = text.trim_start();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let rest = &text[digits..];
    let item = rest
        .strip_prefix(". ")
        .or_else(|| rest.strip_prefix(") "))?;
    item.trim_start()
        .starts_with(char::is_alphabetic)
        .then(|| text[..digits].parse().ok())
        .flatten()
}

/// An ordered-list item without its number (`2. living alone` gives `living alone`).
fn strip_list_number(text: &str) -> &str {
    let text = text.trim();
    match list_number_of(text) {
        Some(_) => text
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .get(1..)
            .unwrap_or("")
            .trim(),
        None => text,
    }
}

/// Whether a line opens with a label of article information: one to four capitalised or
/// lower-case words and a colon, then a space or the line's end (`Citation: …`,
/// `Received: …`, `Edited by:`, `*Correspondence:`). Keyword lists end there.
/// A line of the article's locators: two of volume, issue and pages, each with its
/// number ("2017 Volume 63 Issue 4 Pages 237-245").
fn is_locator_line(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    ["volume ", "vol. ", "issue ", "no. ", "pages ", "pp. "]
        .iter()
        .filter(|word| {
            lower
                .match_indices(*word)
                .any(|(at, _)| lower[at + word.len()..].starts_with(|c: char| c.is_ascii_digit()))
        })
        .count()
        >= 2
}

fn starts_with_info_label(text: &str) -> bool {
    let text = text.trim_start().trim_start_matches(['*', '†']);
    let Some(colon) = text
        .get(..text.len().min(34))
        .and_then(|head| head.find(':'))
    else {
        return false;
    };
    let label = &text[..colon];
    let after_ok = text[colon + 1..]
        .chars()
        .next()
        .is_none_or(char::is_whitespace);
    after_ok
        && label.len() >= 3
        && label.starts_with(|c: char| c.is_uppercase())
        && label.split(' ').count() <= 4
        && label.chars().all(|c| c.is_alphabetic() || c == ' ')
}

fn split_keyword_line(text: &str) -> Vec<String> {
    let separator = if text.contains(';') {
        ';'
    } else if text.contains('·') {
        '·'
    } else if text.contains('•') {
        '•'
    } else {
        ','
    };
    text.split(separator)
        .map(|k| k.trim().trim_end_matches('.').trim().to_owned())
        .filter(|k| !k.is_empty())
        .collect()
}

fn fill_abstract(record: &mut Record, page: &Page<'_>) {
    let replaces_meta = |record: &Record| {
        record
            .provenance
            .get("abstract")
            .is_some_and(|p| p.source.starts_with("meta:"))
    };
    if record.abstract_text.is_none() || replaces_meta(record) {
        if let Some(joined) = text_abstract(page) {
            let take = match &record.abstract_text {
                None => true,
                Some(declared) => is_cut_short_of(declared, &joined),
            };
            if take {
                record.abstract_text = Some(joined.text);
                record.note_source("abstract", "text", joined.span);
            }
        }
    }
    if record.abstract_text.is_none() || replaces_meta(record) {
        if let Some(joined) =
            abstract_closing_header(page).or_else(|| abstract_after_metadata(page))
        {
            // A meta description gives way only to a longer abstract it starts (the first
            // part of a structured abstract).
            let take = match &record.abstract_text {
                None => true,
                Some(declared) => is_cut_short_of(
                    declared,
                    &OwnAbstract {
                        text: joined.text.clone(),
                        span: joined.span,
                        structured: true,
                    },
                ),
            };
            if take {
                record.abstract_text = Some(joined.text);
                record.note_source("abstract", "text:unheaded", joined.span);
            }
        }
    }
    // No abstract: a news page's standfirst, between its title and byline, stands in.
    if record.abstract_text.is_none() {
        let header = page.first(SectionKind::Header).map(|h| page.lines_of(h));
        let standfirst = header
            .zip(page.header_byline())
            .and_then(|(lines, &(start, _, _))| {
                let first = standfirst_above(lines, start)?;
                Some(join_lines(&lines[first..start]))
            });
        if let Some(joined) = standfirst {
            record.abstract_text = Some(joined.text);
            record.note_source("abstract", "text:standfirst", joined.span);
        }
    }
    let body_chars: usize = page
        .sections(SectionKind::Body)
        .map(|s| page.lines_of(s).iter().map(|l| l.text.len()).sum::<usize>())
        .sum();
    let paywalled = page.lines.iter().any(|l| is_paywall_line(&l.text));
    let has_body = page
        .sections(SectionKind::Body)
        .any(|s| page.lines_of(s).iter().map(|l| l.text.len()).sum::<usize>() >= 80);
    record.full_text_available = has_body && !(paywalled && body_chars < 5_000);
    if record.open_access.is_none() {
        let says_open = page
            .segments
            .iter()
            .filter(|s| OWN_PARTS.contains(&s.kind) && s.kind != SectionKind::Footer)
            .any(|s| {
                page.lines_of(s).iter().any(|l| {
                    // (Only `o` and `O` lower-case to `o`: other lines need no copy.)
                    l.text.starts_with(['o', 'O']) && {
                        let lower = l.text.to_lowercase();
                        lower == "open access" || lower.starts_with("open access this article")
                    }
                })
            });
        if says_open {
            record.open_access = Some(true);
        } else if paywalled {
            record.open_access = Some(false);
        }
    }
}

/// The page's own abstract: the first abstract section with text, without structured
/// labels, chrome lines or metrics.
fn text_abstract(page: &Page<'_>) -> Option<OwnAbstract> {
    let section = page
        .sections(SectionKind::Abstract)
        .find(|s| page.lines_of(s).iter().any(|l| !l.is_blank()))?;
    let lines = page.lines_of(section);
    // Stop at chrome that some sites print inside the abstract block.
    let end = lines
        .iter()
        .position(|l| is_paywall_line(&l.text))
        .unwrap_or(lines.len());
    // Structured abstracts: the labels go, each part stays a paragraph.
    let is_label = |i: usize| {
        crate::segment::is_structured_abstract_label(&lines[i])
            && !crate::segment::ends_a_wrapped_sentence(lines, i)
    };
    let kept: Vec<Line> = lines[..end]
        .iter()
        .enumerate()
        .filter(|(_, l)| !METRIC.is_match(&l.text))
        .map(|(i, l)| {
            if is_label(i) {
                Line {
                    text: String::new(),
                    kind: LineKind::Blank,
                    ..l.clone()
                }
            } else {
                l.clone()
            }
        })
        .collect();
    let structured = (0..end).any(is_label);
    let prose = prose_span(&kept);
    let mut joined = join_paragraphs(&kept[prose]);
    // "Abstract" printed apart from the colon that followed it.
    joined.text = joined.text.trim_start_matches([':', '.', ' ']).to_owned();
    (!joined.text.is_empty()).then_some(OwnAbstract {
        text: joined.text,
        span: joined.span,
        structured,
    })
}

/// An abstract printed without a heading (a PDF's first page: byline, affiliations,
/// dates, copyright, then the abstract's paragraph right above the first section heading):
/// the prose that closes the header segment when a body section follows it.
fn abstract_closing_header(page: &Page<'_>) -> Option<super::text::Joined> {
    let at = page
        .segments
        .iter()
        .position(|s| s.kind == SectionKind::Header)?;
    let next = page.segments.get(at + 1)?.kind;
    if !matches!(next, SectionKind::Body | SectionKind::Keywords) {
        return None;
    }
    let lines = page.lines_of(&page.segments[at]);
    let &(_, byline_end, _) = page.header_byline()?;
    if next == SectionKind::Body {
        if let Some(span) = unheaded_abstract_span(lines, byline_end) {
            return Some(join_lines(&lines[span]));
        }
    }
    // No metadata line between the byline and the abstract (Frontiers: title, byline,
    // affiliations, the abstract's paragraphs, then the first section or the keywords).
    let span = closing_paragraphs(lines, byline_end)?;
    Some(join_labelled_paragraphs(&lines[span]))
}

/// Paragraphs of `lines`, a new one also at each structured label run in at a line's
/// start ("Methods: …" right under the end of "Background: …"), the labels dropped.
fn join_labelled_paragraphs(lines: &[Line]) -> super::text::Joined {
    let mut text = String::new();
    let mut span: Option<[usize; 2]> = None;
    let mut paragraph = String::new();
    let flush = |paragraph: &mut String, text: &mut String| {
        if !paragraph.is_empty() {
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            text.push_str(paragraph);
            paragraph.clear();
        }
    };
    for line in lines {
        if line.is_blank() {
            flush(&mut paragraph, &mut text);
            continue;
        }
        let content = match run_in_label_len(&line.text) {
            Some(n) => {
                flush(&mut paragraph, &mut text);
                &line.text[n..]
            }
            None => line.text.as_str(),
        };
        super::text::push_joined(&mut paragraph, content.trim());
        span = Some([span.map_or(line.start, |s| s[0]), line.end]);
    }
    flush(&mut paragraph, &mut text);
    super::text::Joined { text, span }
}

/// The paragraphs of prose that end `lines`, after `from`: blocks of text lines, the first
/// starting with a capital, all but the last line full, ending a sentence; together three
/// lines (or one line of a whole paragraph, as markup gives it) and 300 characters or
/// more. A part of a structured abstract ("Conclusion: …") is a paragraph however short.
fn closing_paragraphs(lines: &[Line], from: usize) -> Option<std::ops::Range<usize>> {
    const MIN_CHARS: usize = 300;
    const MIN_BLOCK_CHARS: usize = 120;
    const MIN_FULL_LINE: usize = 50;
    let ends_sentence = |text: &str| text.trim_end_matches([')', '"', '”']).ends_with('.');
    let mut end = lines.len();
    while end > from && lines[end - 1].is_blank() {
        end -= 1;
    }
    let mut start = end;
    let (mut chars, mut count) = (0, 0);
    while start > from {
        let block_end = start;
        let mut block_start = block_end;
        while block_start > from && !lines[block_start - 1].is_blank() {
            block_start -= 1;
        }
        let is_prose = |block: &[Line]| {
            let Some((last, full)) = block.split_last() else {
                return false;
            };
            let block_chars: usize = block.iter().map(|l| l.text.chars().count()).sum();
            let labelled = run_in_label_len(&block[0].text).is_some();
            // A structured part's last line is short when the next part's label follows.
            let full_or_part_end = |(k, l): (usize, &Line)| {
                l.text.chars().count() >= MIN_FULL_LINE
                    || block
                        .get(k + 1)
                        .is_some_and(|n| run_in_label_len(&n.text).is_some())
            };
            block.iter().all(|l| l.kind == LineKind::Text)
                && block[0].text.starts_with(char::is_uppercase)
                && full.iter().enumerate().all(full_or_part_end)
                && (ends_sentence(&last.text) || labelled)
                && (block_chars >= MIN_BLOCK_CHARS || labelled)
        };
        // A PDF's text keeps no blank line between the affiliations and the abstract:
        // the prose after the last line opened by an affiliation's marker ("1Department
        // of …") is taken when the block as a whole is not.
        let mut at = block_start;
        if !is_prose(&lines[block_start..block_end]) {
            // (The affiliations' paragraph may wrap onto a line or two with no marker.)
            let after_affiliations = (block_start..block_end)
                .rev()
                .find(|&i| holds_affiliation_marker(&lines[i].text))
                .and_then(|i| {
                    (i + 1..block_end.min(i + 4)).find(|&k| is_prose(&lines[k..block_end]))
                });
            match after_affiliations {
                Some(i) => at = i,
                None => break,
            }
        }
        let block = &lines[at..block_end];
        chars += block.iter().map(|l| l.text.chars().count()).sum::<usize>();
        count += block.len();
        start = at;
        if at > block_start {
            break;
        }
        while start > from && lines[start - 1].is_blank() {
            start -= 1;
        }
    }
    // (A page's markup gives each paragraph one line: a single long one will do.)
    let long_line = || lines[start..end].iter().any(|l| l.text.len() >= MIN_CHARS);
    (chars >= MIN_CHARS && (count >= 3 || long_line())).then_some(start..end)
}

/// Whether a line holds an affiliation's marker: run into the line's first word
/// ([`starts_with_affiliation_marker`]), or as a number and a space before a capitalised
/// word at the line's start or after a comma ("1 Department of …, Sweden, 2 Faculty of",
/// a publisher's run-in list) on a line that names an institution.
fn holds_affiliation_marker(text: &str) -> bool {
    static SPACED_MARKER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|, )\d{1,2} \p{Lu}\p{Ll}").expect("spaced affiliation marker regex")
    });
    starts_with_affiliation_marker(text)
        || SPACED_MARKER.is_match(text) && authors::looks_like_affiliation(text)
}

/// Whether a line opens with an affiliation's marker run into its first word, as text
/// taken from a PDF gives a superscript ("1Department of …", "12Faculty of …"); a
/// number before a unit or a code ("16S rRNA", "3D printing") is none.
fn starts_with_affiliation_marker(text: &str) -> bool {
    let rest = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = text.len() - rest.len();
    let mut chars = rest.chars();
    (1..=2).contains(&digits)
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
}

/// The length of a structured abstract's label run in at the start of `text`
/// ("Background: ", "Systematic review registration: "), colon and space included.
fn run_in_label_len(text: &str) -> Option<usize> {
    let colon = text.get(..text.len().min(40))?.find(':')?;
    let label = text[..colon].trim();
    let after = text[colon + 1..].chars().next()?;
    let known = crate::rules::STRUCTURED_ABSTRACT_LABELS
        .iter()
        .any(|known| known.eq_ignore_ascii_case(label));
    (after == ' ' && known).then_some(colon + 2)
}

/// An abstract printed without a heading right under the byline's metadata lines, with
/// more of the page after it (a working paper's page: byline, share bar, "Working Paper
/// 33843", "DOI …", "Issue Date May 2025", then the abstract's paragraph).
fn abstract_after_metadata(page: &Page<'_>) -> Option<super::text::Joined> {
    const PARAGRAPH_LINE_CHARS: usize = 50;
    const MAX_METADATA_LINES: usize = 8;
    const METADATA_MAX_CHARS: usize = 80;
    let header = page.first(SectionKind::Header)?;
    let lines = page.lines_of(header);
    let &(_, byline_end, _) = page.header_byline()?;
    // The short lines under the byline, up to the first long one.
    let short: Vec<usize> = (byline_end..lines.len())
        .filter(|&i| !lines[i].is_blank())
        .take_while(|&i| lines[i].text.chars().count() <= METADATA_MAX_CHARS)
        .take(MAX_METADATA_LINES)
        .collect();
    let is_metadata = |text: &str| {
        DATE_EVENT.find(text).is_some_and(|m| m.start() == 0)
            || starts_with_ignore_ascii_case(text, "doi")
    };
    let last_metadata = short.iter().rev().find(|&&i| is_metadata(&lines[i].text))?;
    // The paragraph: the non-blank text lines after it (and after a share menu's items),
    // up to a blank line.
    let start = (last_metadata + 1..lines.len()).find(|&i| !is_blank_or_menu_item(&lines[i]))?;
    // A short line after one that ends a sentence ends it too (a heading printed without a
    // blank line above it).
    // A page break inside a sentence (the line before it ends mid-sentence, the next
    // text goes on in lower case) does not end it.
    let breaks_a_sentence = |i: usize| {
        let before = lines[..i].iter().rev().find(|l| !l.is_blank());
        let after = lines[i..].iter().find(|l| !l.is_blank());
        lines[i..]
            .iter()
            .take_while(|l| l.is_blank())
            .any(|l| l.kind == LineKind::PageBreak)
            && before.is_some_and(|l| !l.text.trim_end().ends_with(['.', '!', '?', ':']))
            && after.is_some_and(|l| l.text.starts_with(char::is_lowercase))
    };
    let ends_paragraph = |i: usize| {
        (lines[i].is_blank() && !breaks_a_sentence(i))
            || (!lines[i].is_blank() && lines[i].kind != LineKind::Text)
            || (lines[i].text.chars().count() < PARAGRAPH_LINE_CHARS
                && !lines[i].is_blank()
                && lines[i - 1].text.trim_end().ends_with('.'))
    };
    let end = (start + 1..lines.len())
        .find(|&i| ends_paragraph(i))
        .unwrap_or(lines.len());
    // The span starts at the paragraph or at blank lines above it.
    let span = unheaded_abstract_span(&lines[..end], *last_metadata)?;
    (span.start <= start).then(|| join_lines(&lines[span]))
}

/// Longest one-word line taken for a menu item above an unheaded abstract.
const MENU_ITEM_CHARS: usize = 20;

/// A blank line, or one word on its own that a menu prints ("Bluesky", "Email", "Link").
fn is_blank_or_menu_item(line: &Line) -> bool {
    line.is_blank() || (line.text.chars().count() <= MENU_ITEM_CHARS && !line.text.contains(' '))
}

/// The lines of a paragraph of prose that ends `lines` after their last metadata line
/// (dates, e-mail, editor, copyright and licence, whose sentence may wrap), at or after
/// `from`. `None` without such a metadata line, or when what follows is not a paragraph of
/// at least three full lines ending a sentence.
fn unheaded_abstract_span(lines: &[Line], from: usize) -> Option<std::ops::Range<usize>> {
    const MIN_CHARS: usize = 300;
    const MIN_FULL_LINE: usize = 50;
    let is_metadata = |text: &str| {
        let lower = text.to_lowercase();
        DATE_EVENT.find(text).is_some_and(|m| m.start() == 0)
            || text.contains(['@', '©'])
            || lower.starts_with("copyright")
            || lower.starts_with("doi")
            || lower.contains("doi.org/")
            || lower.contains("editor:")
    };
    let ends_sentence = |text: &str| text.trim_end_matches([')', '"', '”']).ends_with('.');
    let last_metadata = (from..lines.len())
        .rev()
        .find(|&i| is_metadata(&lines[i].text))?;
    let mut start = last_metadata + 1;
    // A copyright or licence sentence wraps onto the lines below it.
    let text = lines[last_metadata].text.to_lowercase();
    if text.contains('©') || text.contains("copyright") || text.contains("licen") {
        start = (last_metadata..lines.len()).find(|&i| ends_sentence(&lines[i].text))? + 1;
    }
    // A share menu's items printed one a line between the metadata and the paragraph
    // ("Bluesky" / "Email" / "Link") are passed over.
    while lines.get(start).is_some_and(is_blank_or_menu_item) {
        start += 1;
    }
    let content: Vec<&Line> = lines[start..].iter().filter(|l| !l.is_blank()).collect();
    let (last, full) = content.split_last()?;
    let chars: usize = content.iter().map(|l| l.text.chars().count()).sum();
    let paragraph = content.len() >= 3
        && chars >= MIN_CHARS
        && full
            .iter()
            .all(|l| l.kind == LineKind::Text && l.text.chars().count() >= MIN_FULL_LINE)
        && ends_sentence(&last.text);
    paragraph.then_some(start..lines.len())
}

/// The abstract printed on the page.
struct OwnAbstract {
    text: String,
    span: Option<[usize; 2]>,
    /// Parts under labels such as "Background" and "Methods".
    structured: bool,
}

/// Whether a declared abstract (a meta description) is only the start of the page's own
/// abstract: the first part of a structured abstract, or a description cut to a length
/// ("…", or no closing stop).
fn is_cut_short_of(declared: &str, own: &OwnAbstract) -> bool {
    let trimmed = declared.trim_end();
    let cut = trimmed.ends_with(['…', ',', ';'])
        || trimmed.ends_with("...")
        || trimmed.ends_with(char::is_alphanumeric);
    if !(cut || own.structured) {
        return false;
    }
    let declared = fold_alnum(trimmed);
    let own = fold_alnum(&own.text);
    declared.len() >= 40
        && own.len() > declared.len() + declared.len() / 5
        && own.starts_with(&declared)
}

/// The lines of an abstract block that hold its prose: short lines before the first
/// sentence ("Abstract Image", "Get rights and content") and the short lines of chrome
/// after a finished sentence ("Export citation", "Outline Information") are cut off.
fn prose_span(lines: &[Line]) -> std::ops::Range<usize> {
    let ends_sentence = |text: &str| {
        text.trim_end_matches(['"', '”', '’', '\'', ')', ']'])
            .ends_with(['.', '?', '!'])
    };
    let is_short_label = |line: &Line| {
        !line.is_blank() && line.text.chars().count() < 45 && !ends_sentence(&line.text)
    };
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    // A short line whose sentence runs on below in lower case (the first line of a narrow
    // column after a run-in "Abstract.") is prose, not a label.
    let runs_on = |i: usize| {
        lines
            .get(i + 1)
            .is_some_and(|next| !next.is_blank() && next.text.starts_with(char::is_lowercase))
    };
    let Some(&first_prose) = content
        .iter()
        .find(|&&i| !is_short_label(&lines[i]) || runs_on(i))
    else {
        return 0..lines.len();
    };
    let mut end = lines.len();
    // (A paragraph on one line, as Markdown conversions write one, ends its sentence too.)
    let mut previous_ends_sentence = ends_sentence(&lines[first_prose].text);
    for &i in content.iter().filter(|&&i| i > first_prose) {
        let line = &lines[i];
        let chrome = is_short_label(line)
            || DATE_EVENT.is_match(&line.text) && line.text.len() < 60
            || ARTICLE_INFO_LINE.is_match(&line.text);
        if previous_ends_sentence && chrome {
            end = i;
            break;
        }
        previous_ends_sentence = ends_sentence(&line.text);
    }
    if ends_sentence(&lines[first_prose].text) || first_prose + 1 < end {
        first_prose..end
    } else {
        0..lines.len()
    }
}

fn is_paywall_line(text: &str) -> bool {
    // Each byte of a marker comes from a byte of the line or more, so a line shorter than
    // every marker holds none; and a line that opens with an ASCII letter no marker opens
    // with (lower-cased, it stays that letter) is none either. Every line of the page is
    // asked: most go here, before the ASCII scan below.
    const SHORTEST: usize = {
        let mut shortest = usize::MAX;
        let mut i = 0;
        while i < PAYWALL_MARKERS.len() {
            if PAYWALL_MARKERS[i].len() < shortest {
                shortest = PAYWALL_MARKERS[i].len();
            }
            i += 1;
        }
        shortest
    };
    if text.len() > 120 || text.len() < SHORTEST {
        return false;
    }
    let first = text.as_bytes()[0];
    if first.is_ascii()
        && !PAYWALL_MARKERS
            .iter()
            .any(|m| m.as_bytes()[0] == first.to_ascii_lowercase())
    {
        return false;
    }
    // The markers are ASCII: an ASCII line (most are) is compared without a lower-cased
    // copy, which was made for every line of the page, and its first letter rules out
    // most markers.
    if text.is_ascii() {
        let Some(first) = text.as_bytes().first().map(u8::to_ascii_lowercase) else {
            return false;
        };
        return PAYWALL_MARKERS.iter().any(|m| {
            m.as_bytes()[0] == first
                && text.len() >= m.len()
                && text.as_bytes()[..m.len()].eq_ignore_ascii_case(m.as_bytes())
        });
    }
    // Other lines are lower-cased a character at a time, only as far as a marker goes
    // (`str::to_lowercase` differs from that only for a final `Σ`, never ASCII).
    let Some(first) = text.chars().flat_map(char::to_lowercase).next() else {
        return false;
    };
    PAYWALL_MARKERS.iter().any(|m| {
        if u8::try_from(first).ok() != m.as_bytes().first().copied() {
            return false;
        }
        let mut rest = m.as_bytes();
        for lower in text.chars().flat_map(char::to_lowercase) {
            match rest.split_first() {
                None => break,
                Some((&b, tail)) if lower.is_ascii() && lower as u8 == b => rest = tail,
                Some(_) => return false,
            }
        }
        rest.is_empty()
    })
}

fn fill_title_and_type(record: &mut Record, page: &Page<'_>) {
    let Some(header) = page.first(SectionKind::Header) else {
        return;
    };
    let lines = page.lines_of(header);
    if record.article_type.is_none() {
        fill_article_type(record, lines);
    }
    if record.title.is_some() {
        return;
    }
    if let Some(joined) = labelled_title(lines) {
        record.title = Some(joined.text);
        record.note_source("title", "text", joined.span);
        return;
    }
    if let Some(hint) = &page.title_hint {
        if let Some(joined) = find_printed(lines, hint) {
            record.title = Some(joined.text);
            record.note_source("title", "text", joined.span);
            return;
        }
    }
    let cited = cite_this_article(page).and_then(|c| c.title);
    let above_byline = page.header_byline().and_then(|(start, _, byline)| {
        title_block_above(lines, *start).or_else(|| {
            // The names printed twice, a list and then author cards taken for the byline:
            // the title is above the first print.
            let first = super::authors::name_key(&byline.names.first()?.name);
            let earlier = lines[..*start]
                .iter()
                .position(|l| super::authors::name_key(&l.text).contains(&first))?;
            title_block_above(lines, earlier)
        })
    });
    // The block above the byline is the title unless the page's own citation says otherwise.
    // Nor is the journal's name printed over the byline a title.
    let is_journal = |text: &str| {
        [&record.journal.title, &record.journal.abbrev]
            .into_iter()
            .flatten()
            .any(|j| soft_eq(j, text))
    };
    let agrees =
        |text: &str| cited.as_deref().is_none_or(|c| soft_eq(c, text)) && !is_journal(text);
    if let Some(joined) = above_byline.filter(|j| agrees(&j.text)) {
        record.title = Some(joined.text);
        record.note_source("title", "text", joined.span);
        return;
    }
    let Some(cited) = cited else {
        return;
    };
    if let Some(joined) = find_printed(lines, &cited) {
        record.title = Some(joined.text);
        record.note_source("title", "text", joined.span);
        return;
    }
    record.title = Some(cited);
    record.note_source("title", "text:cite-this-article", None);
}

/// A line that starts with its own label: "Authors:", "Subjects:", "Cite as:".
static LABELLED_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}()]*(?: [\p{L}()]+){0,2}\s?:").expect("labelled line regex")
});

/// A title printed after its label, as repositories show a record ("Title: Invented
/// Things" or "Title:Invented" run together), with the lines it wraps onto up to the next
/// labelled line.
fn labelled_title(lines: &[Line]) -> Option<super::text::Joined> {
    const MAX_LINES: usize = 4;
    const LABEL: &str = "title:";
    let start = lines.iter().position(|l| {
        l.kind == LineKind::Text
            && l.text
                .get(..LABEL.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(LABEL))
    })?;
    let first = &lines[start];
    let rest = first.text[LABEL.len()..].trim();
    if rest.is_empty() {
        return None;
    }
    let mut text = rest.to_owned();
    let mut end = first.end;
    for line in lines[start + 1..].iter().take(MAX_LINES - 1) {
        if line.is_blank() || line.kind != LineKind::Text || LABELLED_LINE.is_match(&line.text) {
            break;
        }
        super::text::push_joined(&mut text, &line.text);
        end = line.end;
    }
    let plausible = text.split_whitespace().count() >= 2 && text.chars().count() <= 400;
    plausible.then_some(super::text::Joined {
        text,
        span: Some([first.start, end]),
    })
}

/// Finds a title as printed in the header: one to four lines whose text equals it when
/// case, punctuation and spaces are ignored.
fn find_printed(lines: &[Line], title: &str) -> Option<super::text::Joined> {
    let wanted = fold_alnum(title);
    if wanted.is_empty() {
        return None;
    }
    // Joined lines fold to their lines' folds one after another, so a window matches when
    // its lines' folds spell out the title; each line is folded once.
    let folded: Vec<String> = lines.iter().map(|l| fold_alnum(&l.text)).collect();
    for start in 0..lines.len() {
        let mut matched = 0;
        for len in 1..=4 {
            let Some(window) = lines.get(start..start + len) else {
                break;
            };
            if window.iter().any(Line::is_blank) {
                break;
            }
            let Some(rest) = wanted[matched..].strip_prefix(folded[start + len - 1].as_str())
            else {
                break;
            };
            matched = wanted.len() - rest.len();
            if rest.is_empty() && matched > 0 {
                return Some(join_lines(window));
            }
        }
    }
    None
}

/// The article type: a type line right above the publication date wins over one further up
/// ("Article" as a content label, then "Original Paper" next to the date).
fn fill_article_type(record: &mut Record, lines: &[Line]) {
    let typed: Vec<(usize, &Line)> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| rules::article_type(&l.text).is_some())
        .collect();
    // "Research article | 12 Feb 2019": the type dated on its own line.
    let dated = typed
        .iter()
        .find(|(_, l)| rules::dated_article_type(&l.text).is_some());
    let near_date = typed.iter().find(|(i, _)| {
        lines[i + 1..]
            .iter()
            .filter(|l| !l.is_blank())
            .take(2)
            .any(|l| {
                (DATE_EVENT.is_match(&l.text) && l.text.len() < 60)
                    || rules::is_day_month_year(trim(&l.text))
            })
    });
    // "Nature | Letter": the journal's name before the bar makes the line the article's
    // own, where a bare "Research" may be a menu entry.
    let journal_of = |line: &Line| {
        line.text
            .rsplit_once('|')
            .map(|(journal, _)| journal.trim().to_owned())
            .filter(|journal| is_journal_name(journal))
    };
    let with_journal = typed
        .iter()
        .find_map(|typed_line| journal_of(typed_line.1).map(|journal| (typed_line, journal)));
    let chosen = dated
        .or(near_date)
        .or(with_journal.as_ref().map(|(typed_line, _)| *typed_line))
        .or(typed.first());
    if let Some((_, line)) = chosen {
        let kind = rules::article_type(&line.text)
            .unwrap_or_default()
            .to_owned();
        record.article_type = Some(kind);
        set_text(record, "article_type", line);
    }
    if let Some(((_, line), journal)) = with_journal {
        if record.journal.title.is_none() {
            record.journal.title = Some(journal);
            record.note_source("journal", "text", Some([line.start, line.end]));
        }
    }
}

/// The block of plain lines right above the byline.
fn title_block_above(lines: &[Line], byline_start: usize) -> Option<super::text::Joined> {
    // A standfirst between the title and the byline, as news pages print one.
    standfirst_above(lines, byline_start)
        .and_then(|standfirst| title_block_ending_at(lines, standfirst))
        .or_else(|| title_block_ending_at(lines, byline_start))
        .or_else(|| {
            // Tabs and the journal line between the title and the byline ("BMJ 2016;
            // 353 doi: …" / "Article" / "Metrics" / "Responses").
            let end = end_above_tabs_and_metadata(lines, byline_start)?;
            title_block_ending_at(lines, end)
        })
        .or_else(|| title_block_ending_at(lines, end_above_metadata(lines, byline_start)?))
}

/// Where a title may end above a run of tab rows (capitalised, up to three words each, as lines or list items) and journal or
/// citation lines right over the byline: the end of that run, if it holds both kinds.
fn end_above_tabs_and_metadata(lines: &[Line], byline_start: usize) -> Option<usize> {
    const MAX_LINES: usize = 12;
    let (mut tabs, mut metadata) = (0, 0);
    let mut end = byline_start;
    while end > 0 && byline_start - end < MAX_LINES {
        let line = &lines[end - 1];
        let short = matches!(
            line.kind,
            LineKind::Text | LineKind::LinkResidue | LineKind::Bullet(_)
        ) && line.text.split_whitespace().count() <= 3;
        if line.is_blank() || line.kind == LineKind::PageBreak {
        } else if looks_like_metadata(&line.text) || goes_on_from_metadata(lines, end - 1) {
            metadata += 1;
        } else if short && line.text.starts_with(char::is_uppercase) {
            tabs += 1;
        } else {
            break;
        }
        end -= 1;
    }
    (tabs >= 2 && metadata >= 1 && end < byline_start).then_some(end)
}

/// Where a title may end above one or two journal, publisher or date lines right over the
/// byline ("Publisher: IEEE Cite This PDF", "Published online by …: 12 March 2021").
fn end_above_metadata(lines: &[Line], byline_start: usize) -> Option<usize> {
    const MAX_METADATA: usize = 2;
    let mut end = byline_start;
    let mut metadata = 0;
    while end > 0 {
        let line = &lines[end - 1];
        if line.is_blank() {
        } else if metadata < MAX_METADATA
            && line.kind == LineKind::Text
            && looks_like_metadata(&line.text)
        {
            metadata += 1;
        } else {
            break;
        }
        end -= 1;
    }
    (metadata > 0).then_some(end)
}

/// No abstract: the standfirst between the title and the byline, as news and comment
/// pages print one ("Title" / "Researchers have found … at risk." / "Lina Okafor").
fn fill_standfirst_abstract(record: &mut Record, page: &Page<'_>) {
    const MIN_WORDS: usize = 8;
    const MAX_CHARS: usize = 800;
    if record.abstract_text.is_some() {
        return;
    }
    let (Some(title), Some(header), Some(&(byline_start, _, _))) = (
        record.title.as_deref(),
        page.first(SectionKind::Header),
        page.header_byline(),
    ) else {
        return;
    };
    let lines = page.lines_of(header);
    let is_gap = |l: &Line| l.is_blank() || authors::is_byline_label(&l.text);
    let end = (0..byline_start)
        .rev()
        .find(|&i| !is_gap(&lines[i]))
        .map_or(0, |i| i + 1);
    let mut start = (0..end)
        .rev()
        .find(|&i| lines[i].kind != LineKind::Text || lines[i].is_blank())
        .map_or(0, |i| i + 1);
    // The title's own lines run straight into the paragraph (a print without a blank line
    // between them): the paragraph starts after the title.
    let title_end = record
        .provenance
        .get("title")
        .and_then(|p| p.span)
        .map(|span| span[1]);
    let after_title = title_end.and_then(|title_end| {
        (start..end)
            .find(|&i| lines[i].start >= title_end && i > start && lines[i - 1].end <= title_end)
    });
    if let Some(first) = after_title {
        start = first;
    }
    // The line above the paragraph, over at most one blank line, ends the title.
    let above = (0..start).rev().find(|&i| !lines[i].is_blank());
    let under_title = above.is_some_and(|i| {
        let last = lines[i].text.trim();
        start - i <= 2 && !last.is_empty() && title.ends_with(last)
    });
    if !under_title || start >= end {
        return;
    }
    let joined = join_lines(&lines[start..end]);
    let text = joined.text;
    let words = text.split_whitespace().count();
    if words < MIN_WORDS || text.len() > MAX_CHARS || !text.ends_with(['.', '?', '!']) {
        return;
    }
    record.abstract_text = Some(text);
    record.note_source("abstract", "text:standfirst", joined.span);
}

/// Where a standfirst right above `end` starts: a paragraph of one or more sentences
/// whose first line opens with a capital and is much longer than the title line above it.
fn standfirst_above(lines: &[Line], end: usize) -> Option<usize> {
    const MAX_LINES: usize = 6;
    let last = lines.get(end.checked_sub(1)?)?;
    if last.kind != LineKind::Text || !ends_sentence_on_word(&last.text) {
        return None;
    }
    let mut first = end - 1;
    while first > 0 && end - first <= MAX_LINES {
        let line = &lines[first];
        let above = &lines[first - 1];
        if above.kind != LineKind::Text || above.is_blank() {
            return None;
        }
        let (len, above_len) = (line.text.chars().count(), above.text.chars().count());
        if line.text.starts_with(char::is_uppercase) && above_len * 5 < len * 4 {
            return Some(first);
        }
        first -= 1;
    }
    None
}

/// A line that ends a sentence on a lower-case word ("… how to respond.", "… measure it.").
fn ends_sentence_on_word(text: &str) -> bool {
    text.trim().strip_suffix('.').is_some_and(|t| {
        let last = t.rsplit(' ').next().unwrap_or("");
        last.chars().count() >= 2 && last != "al" && last.chars().all(char::is_lowercase)
    })
}

fn title_block_ending_at(lines: &[Line], byline_start: usize) -> Option<super::text::Joined> {
    let mut start = byline_start;
    let mut gap = 0;
    while start > 0 {
        let line = &lines[start - 1];
        // `Authors` printed as a label between the title and the names.
        if start + gap == byline_start && authors::is_byline_label(&line.text) {
            start -= 1;
            gap += 1;
            continue;
        }
        // Blank lines and a page break may stand between the title and the names.
        let empty = line.is_blank() || line.kind == LineKind::PageBreak;
        if empty && start + gap == byline_start && gap < 12 {
            start -= 1;
            gap += 1;
            continue;
        }
        if line.kind != LineKind::Text && !matches!(line.kind, LineKind::Heading(_))
            || line.is_blank()
        {
            break;
        }
        let section_name =
            line.kind == LineKind::Text && crate::segment::heading_kind(line).is_some();
        // An article type ("Research Note") or a badge without letters ("✚") heads the
        // title block; neither belongs to it.
        // Nor do a sentence ("No metrics data to plot.") or a short lower-case badge ("oa").
        let text = trim(&line.text);
        // A sentence ends on a lower-case word, where a title may end on an abbreviation
        // ("… Phoenix paludosa Roxb.").
        let sentence = text.split_whitespace().count() >= 4
            && text.strip_suffix('.').is_some_and(|t| {
                let last = t.rsplit(' ').next().unwrap_or("");
                last.chars().count() >= 3 && last.chars().all(char::is_lowercase)
            });
        let badge = !text.contains(' ')
            && text.chars().count() <= 3
            && text.chars().all(|c| c.is_lowercase());
        let label = rules::article_type(&line.text).is_some()
            || !line.text.chars().any(char::is_alphanumeric)
            || sentence
            || badge;
        if looks_like_metadata(&line.text)
            || goes_on_from_metadata(lines, start - 1)
            || section_name
            || label
            || is_date_alone(&line.text)
            || rules::is_site_chrome(&line.text)
        {
            break;
        }
        start -= 1;
        if matches!(line.kind, LineKind::Heading(_)) || byline_start - start >= 6 + gap {
            break;
        }
    }
    let block: Vec<&Line> = lines[start..byline_start]
        .iter()
        .filter(|l| !l.is_blank() && !authors::is_byline_label(&l.text))
        .collect();
    // Tabs over the byline ("Metrics", "Responses", "Peer review") are no title; a title
    // wrapped into short lines goes on after a word such as "for".
    let tabs = block.len() >= 2
        && block
            .iter()
            .all(|l| l.text.split_whitespace().count() <= 2 && !rules::ends_mid_phrase(&l.text));
    if tabs {
        return None;
    }
    let joined = join_lines(block.iter().copied());
    (8..=400)
        .contains(&joined.text.chars().count())
        .then_some(joined)
}

/// A title right under the article-type label ("Review Article" / "Invented salt
/// wedges: a" / "review"), for pages whose byline does not read as one: the first line
/// and the lines it wraps onto (they go on in lower case, or the line before stops
/// mid-phrase).
fn title_below_type_label(lines: &[Line]) -> Option<super::text::Joined> {
    const MAX_LINES: usize = 4;
    let is_label =
        |l: &Line| l.text.split_whitespace().count() <= 3 && rules::article_type(&l.text).is_some();
    let title_like = |l: &Line| {
        l.kind == LineKind::Text
            && l.text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            && l.text.split_whitespace().count() >= 2
            && !looks_like_metadata(&l.text)
            && !rules::is_site_chrome(&l.text)
            && crate::segment::heading_kind(l).is_none()
    };
    let label = lines.iter().position(is_label)?;
    // A date may stand between the label and the title ("News" / "10 September 2020").
    let first = label
        + 1
        + lines[label + 1..]
            .iter()
            .position(|l| !l.is_blank() && !is_date_alone(&l.text))?;
    if !title_like(&lines[first]) {
        return None;
    }
    let mut end = first + 1;
    while end < lines.len() && end - first < MAX_LINES {
        let line = &lines[end];
        // A title in title case goes on with a line of words, one of them in lower case
        // ("Uptake to Foliar …"), where a byline has commas, marks or digits, and a
        // standfirst runs longer.
        let title_case_words = line.text.split_whitespace().count() >= 2
            && line.text.len() <= lines[end - 1].text.len() + 10
            && !line.text.contains(|c: char| c == ',' || c.is_ascii_digit())
            && line
                .text
                .split_whitespace()
                .skip(1)
                .any(|w| w.starts_with(char::is_lowercase));
        let goes_on = line.kind == LineKind::Text
            && (line.text.starts_with(char::is_lowercase)
                || rules::ends_mid_phrase(&lines[end - 1].text)
                || title_case_words)
            && !looks_like_metadata(&line.text);
        if !goes_on {
            break;
        }
        end += 1;
    }
    let joined = join_lines(&lines[first..end]);
    (8..=400)
        .contains(&joined.text.chars().count())
        .then_some(joined)
}

/// A short line in lower case that goes on from a metadata line ("… Cite this" / "as:
/// Journal 2016;353:i4821").
fn goes_on_from_metadata(lines: &[Line], i: usize) -> bool {
    let text = &lines[i].text;
    text.starts_with(char::is_lowercase)
        && text.split_whitespace().count() <= 4
        && i >= 1
        && looks_like_metadata(&lines[i - 1].text)
}

/// Equal after case, punctuation and whitespace are ignored.
fn soft_eq(a: &str, b: &str) -> bool {
    let a = fold_alnum(a);
    !a.is_empty() && a == fold_alnum(b)
}

/// Header lines that are never part of a title.
fn looks_like_metadata(text: &str) -> bool {
    let lower = text.to_lowercase();
    let breadcrumb = text.matches(" > ").count() >= 2;
    let dated = without_publisher_of_online_date(Cow::Borrowed(text));
    DATE_EVENT.is_match(&dated) && dated.len() < 60
        || breadcrumb
        || text.contains('©')
        || lower.contains("copyright")
        || lower.contains("pmcid")
        || rules::article_type(text).is_some()
        || lower.starts_with("doi")
        || lower.starts_with("publisher:")
        || lower.contains(" doi:")
        || lower.contains("doi.org/")
        || lower.starts_with("http")
        || lower.contains("open access")
        || JOURNAL_LINE.is_match(text)
        || CITATION_LINE.is_match(text)
}

/// Nature-family "Cite this article" block: "Wei, X., Yang, X. et al. Title. Abbrev 34, 747–754 (2013)."
static CITE_THIS: BoundedGroup = BoundedGroup::leading(
    |abbrev| {
        format!(
            r"{abbrev}\s+(?P<volume>\d+[A-Za-z]?),\s*(?P<pages>[A-Za-z]?\d+(?:[–-][A-Za-z]?\d+)?)\s*\((?P<year>\d{{4}})\)\.?"
        )
    },
    r"(?P<abbrev>[\p{Lu}][\w.&:'\- ]{1,80}?)",
    r"(?P<abbrev>[\p{Lu}][\w.&:'\- ]+?)",
    "abbrev",
    81,
);

/// The author part of such a citation: "Surname, I., Surname, I.J. & Surname, I." or "... et al.".
static CITE_AUTHORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\p{L}'’ -]+?, (?:\p{Lu}\p{Ll}?\.-?\s?)+(?:,\s|\s?&\s|\sand\s)?)+(?:\s*et al\.)?\s*",
    )
    .expect("cite authors regex")
});

/// What a "Cite this article" block gives.
struct CiteThisArticle {
    title: Option<String>,
    abbrev: Option<String>,
    volume: Option<String>,
    pages: Option<String>,
    year: Option<i32>,
    doi: Option<String>,
    span: Option<[usize; 2]>,
}

fn cite_this_article(page: &Page<'_>) -> Option<CiteThisArticle> {
    // The last one: pages link to it from the header too.
    let position = page.lines.iter().rposition(|l| {
        let label = trim(&l.text).trim_end_matches(':').trim_end();
        (label.eq_ignore_ascii_case("cite this article")
            || label.eq_ignore_ascii_case("cite this article as"))
            && !matches!(l.kind, LineKind::Bullet(_))
    })?;
    let block: Vec<&Line> = page.lines[position + 1..]
        .iter()
        .skip_while(|l| l.is_blank())
        .take_while(|l| !l.is_blank() && !l.text.eq_ignore_ascii_case("download citation"))
        .take(8)
        .collect();
    let joined = join_lines(block.iter().copied());
    let mut cite = CiteThisArticle {
        title: None,
        abbrev: None,
        volume: None,
        pages: None,
        year: None,
        doi: DOI.find(&joined.text).map(|m| clean_doi(m.as_str())),
        span: joined.span,
    };
    let authors_end = CITE_AUTHORS.find(&joined.text).map_or(0, |m| m.end());
    if let Some(caps) = CITE_THIS.captures(&joined.text[authors_end..]) {
        let whole = caps.name("abbrev").map_or("", |m| m.as_str()).trim();
        let abbrev_at = caps.name("abbrev").map_or(0, |m| m.start());
        // The abbreviation is what follows the title's closing period.
        let (title, abbrev) = match whole.rfind(". ") {
            Some(dot) => {
                let title_end = authors_end + abbrev_at + dot + 1;
                (
                    Some(joined.text[authors_end..title_end].trim().to_owned()),
                    whole[dot + 2..].trim(),
                )
            }
            None => {
                let title = joined.text[authors_end..authors_end + abbrev_at].trim();
                ((!title.is_empty()).then(|| title.to_owned()), whole)
            }
        };
        cite.title = title
            .map(|t| t.trim_end_matches('.').to_owned())
            .filter(|t| t.len() >= 8);
        cite.abbrev = (!abbrev.is_empty()).then(|| abbrev.to_owned());
        cite.volume = Some(caps["volume"].to_owned());
        cite.pages = Some(caps["pages"].to_owned());
        cite.year = caps["year"].parse().ok();
    } else if let Some(caps) = CITE_THIS_YEAR_FIRST.captures(&joined.text[authors_end..]) {
        cite.abbrev = Some(caps["abbrev"].trim().to_owned());
        cite.volume = Some(caps["volume"].to_owned());
        cite.pages = Some(caps["pages"].to_owned());
        cite.year = caps["year"].parse().ok();
    }
    Some(cite)
}

/// The other shape of such a citation, without the title: "Surname, I. & Surname, I.
/// Invented Mat Trans A (2015) 46: 549. doi:…" (the journal's abbreviation, the year in
/// parentheses, volume: first page).
static CITE_THIS_YEAR_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<abbrev>\p{Lu}[\w.&' -]*?)\s*\((?P<year>(?:19|20)\d{2})\)\s*(?P<volume>\d{1,4}):\s*(?P<pages>[A-Za-z]?\d+(?:[–-][A-Za-z]?\d+)?)\b",
    )
    .expect("cite this year-first regex")
});

fn fill_from_cite_this_article(record: &mut Record, page: &Page<'_>) {
    let Some(cite) = cite_this_article(page) else {
        return;
    };
    let span = cite.span;
    let volume_agrees = match (&record.volume, &cite.volume) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    if volume_agrees {
        if let Some(abbrev) = &cite.abbrev {
            fill_text(
                record,
                "journal.abbrev",
                |r| &mut r.journal.abbrev,
                abbrev,
                span,
            );
        }
        if let Some(volume) = &cite.volume {
            fill_text(record, "volume", slot_volume, volume, span);
        }
        if let Some(pages) = &cite.pages {
            let is_article_number = record.article_number.as_deref() == Some(pages.as_str());
            if record.page_first.is_none() && !is_article_number {
                if let Some(range) = parse_page_range(pages) {
                    record.page_first = Some(range.first);
                    record.page_last = range.last;
                    record.note_source("pages", "text", span);
                }
            }
        }
        if record.year.is_none() {
            record.year = cite.year;
        }
    }
    if record.doi.is_none() {
        if let Some(doi) = cite.doi {
            record.doi = Some(doi);
            record.note_source("doi", "text", span);
        }
    }
    if record.journal.title.is_none() {
        if let Some(abbrev) = record.journal.abbrev.clone() {
            fill_journal_from_abbreviation(record, page, &abbrev);
        }
    }
}

/// A journal known only by its acronym ("IJIM", from a citation box) takes the full name
/// the header prints whose words' initials spell it ("International Journal of Invented
/// Microbiology", the site's banner).
fn expand_journal_acronym(record: &mut Record, page: &Page<'_>) {
    let Some(acronym) = record.journal.title.as_deref().filter(|t| is_acronym(t)) else {
        return;
    };
    let Some(header) = page.first(SectionKind::Header) else {
        return;
    };
    let spells =
        |text: &str| text.len() < 100 && is_journal_name(text) && initials_spell(text, acronym);
    let lines = page.lines_of(header);
    // The title on one line, or wrapped over two ("International Journal of Invented" /
    // "Studies").
    let full = lines.iter().enumerate().find_map(|(i, line)| {
        if spells(&line.text) {
            return Some((trim(&line.text).to_owned(), [line.start, line.end]));
        }
        let next = lines.get(i + 1)?;
        let joined = format!("{} {}", trim(&line.text), trim(&next.text));
        spells(&joined).then_some((joined, [line.start, next.end]))
    });
    if let Some((title, span)) = full {
        record.journal.title = Some(title);
        record.note_source("journal", "text", Some(span));
    }
}

/// Three to eight capital letters and nothing else ("IJIM").
fn is_acronym(text: &str) -> bool {
    (3..=8).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase())
}

/// Whether the initials of a title's words, small words left out, spell `acronym`.
fn initials_spell(title: &str, acronym: &str) -> bool {
    let mut initials = title
        .split_whitespace()
        .filter(|w| !ABBREVIATION_SMALL_WORDS.contains(&w.to_lowercase().as_str()))
        .map(|w| w.chars().next().unwrap_or(' ').to_ascii_uppercase());
    let spelled = acronym.chars().all(|c| initials.next() == Some(c));
    spelled && initials.next().is_none()
}

/// Words that abbreviations and acronyms of journal titles leave out.
const ABBREVIATION_SMALL_WORDS: &[&str] = &[
    "of", "and", "the", "&", "for", "in", "on", "de", "la", "und", "der",
];

/// Finds the journal's full title in the header from its abbreviation: each word of the
/// abbreviation starts the matching word of the title ("J Appl Phycol" and "Journal of
/// Applied Phycology"); small words of the title may be left out.
fn fill_journal_from_abbreviation(record: &mut Record, page: &Page<'_>, abbrev: &str) {
    let Some(header) = page.first(SectionKind::Header) else {
        return;
    };
    let Some(first_word) = abbrev
        .split_whitespace()
        .next()
        .map(|w| w.trim_end_matches('.'))
        .filter(|w| !w.is_empty())
    else {
        return;
    };
    // The header first, then a running footer anywhere ("Frontiers in Microbiology |
    // Aquatic Microbiology" or the name alone under a PDF's later pages): lines that start
    // with the abbreviation's first word.
    let footers = page
        .lines
        .iter()
        .filter(|l| l.text.len() < 120 && l.text.starts_with(first_word));
    for line in page.lines_of(header).iter().chain(footers) {
        // The name alone on its line, or before a bar ("Frontiers in Microbiology |
        // www.frontiersin.org", a running footer or a site's journal bar).
        let name = line.text.split(" | ").next().unwrap_or_default().trim();
        // (The abbreviation printed again is no full name.)
        let abbreviated = name.split_whitespace().any(|w| w.ends_with('.'));
        if name.len() < 60 && !abbreviated && abbreviates(abbrev, name) {
            let title = name.to_owned();
            fill_text(
                record,
                "journal",
                |r| &mut r.journal.title,
                &title,
                Some([line.start, line.end]),
            );
            return;
        }
    }
}

/// Whether `abbrev` abbreviates `title` word by word.
pub fn abbreviates(abbrev: &str, title: &str) -> bool {
    let short: Vec<String> = abbrev
        .split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let long: Vec<String> = title
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty() && !ABBREVIATION_SMALL_WORDS.contains(&w.as_str()))
        .collect();
    short.len() >= 2
        && short.len() == long.len()
        && short
            .iter()
            .zip(&long)
            .all(|(s, l)| l.starts_with(s.as_str()))
}

/// "Citation: Eberle CA, Forcella F (2014) Title. PLoS ONE 9(11): e113556. doi:..." and the
/// other ways pages print how to cite them.
static CITATION_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:citation|cite this article as|cite this article|cite this as|cite this|how to cite this article|how to cite|to cite this article|please cite this article as|cite as|recommended citation)\s*:\s*(?P<rest>.*)$")
        .expect("citation line regex")
});

/// A citation of an article published ahead of its issue, placeholders where the volume
/// and pages will be ("Invented Photonics2019XXXXXXXXXX-XXX", "Invented Lett. 2019, XXX,
/// XXX-XXX"): journal and year.
static UNNUMBERED_CITATION: LazyLock<Regex> = LazyLock::new(|| {
    // Unbounded (a bounded repetition of a Unicode class builds a large automaton): the
    // line it runs on is a citation line of at most a few hundred bytes.
    Regex::new(r"^(?P<journal>\p{Lu}[\p{L}.&' -]+?)\s*(?P<year>(?:19|20)\d{2}),?\s*X[X, –-]*$")
        .expect("unnumbered citation regex")
});

/// Labels that start a new line of article information and so end a citation.
static INFO_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z][A-Za-z ]{2,30}:\s").expect("info label regex"));

/// How-to-cite labels printed alone on their line, the citation on the lines below
/// ("Citer" on French pages).
const CITATION_LABELS_ALONE: &[&str] = &[
    "citation",
    "cite",
    "cite as",
    "cite this",
    "cite this as",
    "cite this article",
    "cite this paper",
    "citer",
    "how to cite",
    "how to cite this article",
    "please cite as",
    "please cite this article as",
    "recommended citation",
    "to cite this article",
];

fn fill_from_citation_line(record: &mut Record, page: &Page<'_>) {
    let lines = page.lines;
    let inline = lines.iter().enumerate().find_map(|(i, l)| {
        // The label is followed by a colon: lines without one are turned away before the
        // search, which allocates capture slots.
        (l.text.len() < 600 && l.text.contains(':'))
            .then(|| {
                CITATION_LINE
                    .captures(&l.text)
                    .map(|c| (i, c["rest"].to_owned()))
            })
            .flatten()
    });
    if let Some((index, caps)) = inline
        .as_ref()
        .and_then(|(i, rest)| Some((*i, UNNUMBERED_CITATION.captures(rest)?)))
    {
        let span = Some([lines[index].start, lines[index].end]);
        fill_text(record, "journal", slot_journal, &caps["journal"], span);
        if record.year.is_none() {
            record.year = caps["year"].parse().ok();
        }
        return;
    }
    let found = match inline {
        Some((index, rest)) => citation_below(lines, index, rest),
        // A label alone: its citation must read as one (a year, and a volume, page or
        // DOI), as a search form's "Citation" field is followed by more form.
        None => lines
            .iter()
            .enumerate()
            .filter(|(_, l)| {
                matches!(l.kind, LineKind::Text | LineKind::Heading(_))
                    && is_citation_label_alone(&l.text)
            })
            .filter_map(|(index, _)| citation_below(lines, index, String::new()))
            .find(|(cited, _)| {
                cited.year.is_some()
                    && (cited.volume.is_some() || cited.page_first.is_some() || cited.doi.is_some())
            }),
    };
    let Some((cited, span)) = found else {
        return;
    };
    let cited_doi = cited.doi.as_deref().map(clean_doi);
    // A citation of another work (a dataset, the preprint) is not the article's own.
    if let (Some(own), Some(cited)) = (&record.doi, &cited_doi)
        && !own.eq_ignore_ascii_case(cited)
    {
        return;
    }
    let span = Some(span);
    fill_journal_data(record, &locator_of(&cited), span);
    if record.year.is_none() {
        record.year = cited.year;
    }
    if record.doi.is_none() && cited_doi.is_some() {
        record.doi = cited_doi;
        record.note_source("doi", "text", span);
    }
    // A title is words: not what is left of an identifier ("(or arXiv:… for this version)").
    let is_title = |t: &&str| {
        t.split_whitespace().count() >= 2 && t.starts_with(|c: char| c.is_alphanumeric())
    };
    if let Some(title) = cited
        .title
        .as_deref()
        .filter(is_title)
        .filter(|_| record.title.is_none())
    {
        fill_text(record, "title", |r| &mut r.title, title, span);
    }
}

fn is_citation_label_alone(text: &str) -> bool {
    let label = text.trim().trim_end_matches(':').trim_end();
    CITATION_LABELS_ALONE
        .iter()
        .any(|c| label.eq_ignore_ascii_case(c))
}

/// The most lines a citation runs over below its label: a narrow side column's box wraps
/// authors, a long title, journal and DOI over as many as nine (Frontiers' first page).
const CITATION_MAX_LINES: usize = 10;

/// The citation that starts with `text` on the label's line `index` and runs on over the
/// lines below it, parsed, with its span.
fn citation_below(
    lines: &[Line],
    index: usize,
    mut text: String,
) -> Option<(crate::record::Reference, [usize; 2])> {
    let mut end = lines[index].end;
    // Under a label alone, blank lines and a page break may stand before the citation.
    let first = match text.is_empty() {
        true => lines[index + 1..]
            .iter()
            .take(4)
            .position(|l| !l.is_blank() && l.kind != LineKind::PageBreak)
            .map_or(index + 1, |p| index + 1 + p),
        false => index + 1,
    };
    for line in lines[first..].iter().take(CITATION_MAX_LINES) {
        // A title's words wrapped before a colon ("… in Rural" / "Populations: A Review")
        // look like a label; a label follows only a citation that has come to an end.
        let label = INFO_LABEL.is_match(&line.text) && !citation_runs_on(&text);
        if line.is_blank() || label || line.kind != LineKind::Text {
            break;
        }
        super::text::push_joined(&mut text, &line.text);
        end = line.end;
    }
    (text.len() >= 20).then(|| {
        (
            super::reference::parse_reference(&text),
            [lines[index].start, end],
        )
    })
}

/// Whether a citation's text stops inside a phrase: on a comma or a small word, or on a
/// plain word (no digit or slash, as a year, page or DOI has) with no closing punctuation.
fn citation_runs_on(text: &str) -> bool {
    let text = text.trim_end();
    let last = text.rsplit(char::is_whitespace).next().unwrap_or_default();
    !text.is_empty()
        && (rules::ends_mid_phrase(text)
            || text.ends_with(char::is_alphabetic)
                && !last.contains(|c: char| c.is_ascii_digit() || c == '/'))
}

/// Journal locator lines in the header ("Invented Materials, Volume 14, Number 3",
/// "Volume 1144, 15 November 2018, Pages 50-55" under the journal's name): each fills what
/// is still empty.
fn fill_from_locator_lines(record: &mut Record, page: &Page<'_>) {
    let parts = [SectionKind::Header, SectionKind::ArticleInfo];
    for segment in page.segments.iter().filter(|s| parts.contains(&s.kind)) {
        let lines = page.lines_of(segment);
        for (i, line) in lines.iter().enumerate() {
            if line.is_blank() {
                continue;
            }
            let mut span = [line.start, line.end];
            // A citation wrapped after its volume ("… 2011 December 16; 3(12):" / "241–247.")
            // or before its pages ("…, April 2021, pp." / "211 - 238").
            let wrapped = || {
                let next = lines.get(i + 1).filter(|n| !n.is_blank())?;
                let end = line.text.trim_end();
                if !end.ends_with([':', ';', ',']) && !end.ends_with(" pp.") {
                    return None;
                }
                let mut joined = line.text.clone();
                push_joined(&mut joined, &next.text);
                parse_locator(&joined).map(|found| (found, next.end))
            };
            let (mut found, breadcrumb) = match parse_locator(&line.text) {
                Some(found) => (found, false),
                None if let Some((found, end)) = wrapped() => {
                    span[1] = end;
                    (found, false)
                }
                None => match breadcrumb_locator(lines, i) {
                    Some((found, [from, to])) => {
                        span = [from.min(line.start), to.max(line.end)];
                        (found, true)
                    }
                    None => continue,
                },
            };
            if found.journal.is_none() && !breadcrumb {
                // The journal's name on the line right above the volume line, or above one
                // or two blank lines (a text browser's spacing).
                let above_at = (i.saturating_sub(3)..i)
                    .rev()
                    .find(|&j| !lines[j].is_blank());
                if let Some((at, above)) = above_at.map(|j| (j, &lines[j])) {
                    // Not the last line of a wrapped sentence ("… Chemistry and" / "Physics").
                    let wrapped = at
                        .checked_sub(1)
                        .is_some_and(|j| rules::ends_mid_phrase(&lines[j].text));
                    if !wrapped && above.kind == LineKind::Text && is_journal_name(&above.text) {
                        found.journal = Some(trim(&above.text).to_owned());
                        span[0] = above.start;
                    }
                }
            }
            let span = Some(span);
            fill_journal_data(record, &found, span);
            if record.year.is_none() && found.year.is_some() {
                record.year = found.year;
                record.note_source("year", "text", span);
            }
        }
    }
}

/// An "Issue" label alone on its line over the issue's locator ("Issue" / "Vol. 122, Iss. 14
/// — 12 April 2019"), as a physics journal's page prints it near the end: each part fills
/// what is still empty.
fn fill_from_issue_label(record: &mut Record, page: &Page<'_>) {
    let lines = page.lines;
    let found = lines.iter().enumerate().find_map(|(i, line)| {
        if line.kind != LineKind::Text || !trim(&line.text).eq_ignore_ascii_case("issue") {
            return None;
        }
        let value = lines[i + 1..].iter().take(2).find(|l| !l.is_blank())?;
        Some((parse_locator(&value.text)?, [value.start, value.end]))
    });
    if let Some((found, span)) = found {
        fill_journal_data(record, &found, Some(span));
        if record.year.is_none() && found.year.is_some() {
            record.year = found.year;
            record.note_source("year", "text", Some(span));
        }
    }
}

/// A journal's issue box: the journal, the volume and the issue in parentheses ("Invented Society Open Science: 3 (6)", over "Table of
/// Contents"). It is the article's own issue when its volume is the article's volume (or
/// no volume is known and the name is the article's journal): it fills the issue, and the
/// journal's title when the abbreviation found so far abbreviates it.
fn fill_from_issue_box(record: &mut Record, page: &Page<'_>) {
    static ISSUE_BOX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<journal>\p{Lu}[^:()]{2,100}):\s*(?P<volume>\d{1,4})\s*\((?P<issue>\d{1,4}(?:[–-]\d{1,4})?)\)$")
            .expect("issue box regex")
    });
    if record.issue.is_some() && record.journal.title.is_some() {
        return;
    }
    // The box may follow the reference list without a heading of its own, so every line
    // is read; the article's volume and journal tell its own issue from a cited one.
    let found = page.lines.iter().find_map(|line| {
        let text = trim(&line.text);
        if !text.ends_with(')') {
            return None;
        }
        let caps = ISSUE_BOX.captures(text)?;
        let journal = caps.name("journal")?.as_str().trim();
        let volume = &caps["volume"];
        let names_journal = |name: &Option<String>| {
            name.as_deref()
                .is_some_and(|n| n.eq_ignore_ascii_case(journal) || abbreviates(n, journal))
        };
        let journal_known = record.journal.title.is_some() || record.journal.abbrev.is_some();
        let same_journal =
            names_journal(&record.journal.title) || names_journal(&record.journal.abbrev);
        let same_volume = record.volume.as_deref().is_some_and(|v| v == volume);
        let own = match (record.volume.is_some(), journal_known) {
            (true, true) => same_volume && same_journal,
            (true, false) => same_volume,
            (false, true) => same_journal,
            (false, false) => false,
        };
        (own && is_journal_name(journal)).then(|| {
            (
                journal.to_owned(),
                volume.to_owned(),
                caps["issue"].to_owned(),
                [line.start, line.end],
            )
        })
    });
    let Some((journal, volume, issue, span)) = found else {
        return;
    };
    fill_text(record, "volume", slot_volume, &volume, Some(span));
    fill_text(record, "issue", slot_issue, &issue, Some(span));
    let abbreviated = record
        .journal
        .abbrev
        .as_deref()
        .is_some_and(|abbrev| abbreviates(abbrev, &journal));
    if record.journal.title.is_none() && (abbreviated || record.journal.abbrev.is_none()) {
        fill_text(record, "journal", slot_journal, &journal, Some(span));
    }
}

/// Words that name a journal as a journal ("Journal", "Letters", "Review") rather than a
/// site, a library or a company.
const JOURNAL_TITLE_WORDS: &[&str] = &[
    "journal",
    "letters",
    "review",
    "reviews",
    "reports",
    "transactions",
    "proceedings",
    "annals",
    "advances",
    "bulletin",
    "communications",
    "science",
    "sciences",
    "research",
    "chemistry",
    "physics",
    "biology",
    "medicine",
    "interfaces",
    "materials",
];

fn has_journal_title_word(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric()).any(|w| {
        JOURNAL_TITLE_WORDS
            .iter()
            .any(|j| w.eq_ignore_ascii_case(j))
    })
}

/// The journal's masthead above the article's title, a plain line (not a menu item) that
/// names a journal and that the page marks as its own journal in one of three ways:
/// - the next line links to the journal ("Explore this journal >", "View all Invented
///   Research journals");
/// - it repeats an item of the publisher's menu of journals above it (the site's menu
///   lists every journal; the masthead names the page's one), in two words or more (a
///   menu's one-word items are sections: "Research");
/// - a sentence of the page's footer names it ("Invented Review X™ is a trademark of …",
///   "Journal of Invented Studies is an official publication of …").
///
/// The footer sentence alone also names the journal when no masthead is printed.
/// Most breadcrumb items read after "Home" for the journal's name.
const BREADCRUMB_SPAN: usize = 3;

/// The journal named in the page's breadcrumb trail, listed one item a line ("1. Home" /
/// "2. Journal of Invented Results" / "3. Article"): the first item after "Home" that names
/// a journal in more than one word (a one-word item is a site's section: "Research").
fn breadcrumb_journal<'a>(page: &Page<'a>) -> Option<(&'a str, &'a Line)> {
    let header = page.lines_of(page.first(SectionKind::Header)?);
    let items: Vec<(Option<&str>, &Line)> = header
        .iter()
        .filter(|l| !l.is_blank())
        .map(|l| (breadcrumb_item(l), l))
        .collect();
    let home = items
        .iter()
        .position(|(item, _)| item.is_some_and(|i| i.eq_ignore_ascii_case("home")))?;
    items[home + 1..]
        .iter()
        .take(BREADCRUMB_SPAN)
        .map_while(|&(item, line)| Some((item?, line)))
        .find(|(item, _)| {
            item.contains(' ') && has_journal_title_word(item) && is_journal_name(item)
        })
}

/// The text of a list item ("2. Journal of Invented Results", "• Archive"), if the line is one.
fn breadcrumb_item(line: &Line) -> Option<&str> {
    if matches!(line.kind, LineKind::Bullet(_)) {
        return Some(trim(&line.text));
    }
    let text = line.text.trim_start();
    let digits = text.find(|c: char| !c.is_ascii_digit())?;
    let rest = text[digits..].strip_prefix(". ")?;
    (digits > 0 && digits <= 2).then(|| rest.trim())
}

fn fill_journal_from_masthead(record: &mut Record, page: &Page<'_>) {
    static JOURNAL_LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:explore this journal|view all .{0,60}journals|journal home(?:page)?|about this journal)\b")
            .expect("journal link regex")
    });
    static FOOTER_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<journal>\p{Lu}[^.!?]{2,100}?)[™®]?\s+is\s+(?:an?|the)\s+(?:official publication|(?:registered\s+)?trademark)\s+of\b")
            .expect("journal footer regex")
    });
    if record.journal.title.is_some() {
        return;
    }
    // The footer may follow the reference list without a heading: every line is read (no
    // reference opens with such a sentence).
    let footer_names: Vec<(&str, &Line)> = page
        .lines
        .iter()
        // The sentence's own words, before the pattern: most lines hold " is ".
        .filter(|line| {
            line.text.contains("trademark") || line.text.contains("official publication")
        })
        .filter_map(|line| {
            let name = FOOTER_SENTENCE
                .captures(trim(&line.text))?
                .name("journal")?
                .as_str();
            (is_journal_name(name) && has_journal_title_word(name)).then_some((name, line))
        })
        .collect();
    let masthead = page.first(SectionKind::Header).and_then(|header| {
        let title_start = record
            .provenance
            .get("title")
            .and_then(|p| p.span)
            .map_or(usize::MAX, |span| span[0]);
        let lines = page.lines_of(header);
        lines.iter().enumerate().find_map(|(i, line)| {
            let name = trim(&line.text);
            if line.kind != LineKind::Text
                || line.end > title_start
                || name.len() > 100
                || Some(name) == record.title.as_deref()
                || !is_journal_name(name)
            {
                return None;
            }
            let links = lines[i + 1..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|next| JOURNAL_LINK.is_match(trim(&next.text)));
            // The menu's items are list items, or plain lines among other journals' names
            // when the page was printed without its list marks.
            let is_other_journal = |k: usize| {
                k != i
                    && lines.get(k).is_some_and(|n| {
                        has_journal_title_word(&n.text) && is_journal_name(trim(&n.text))
                    })
            };
            let in_menu = || {
                has_journal_title_word(name)
                    && name.contains(' ')
                    && lines[..i].iter().enumerate().any(|(j, l)| {
                        let listed = matches!(l.kind, LineKind::Bullet(_))
                            || is_other_journal(j.wrapping_sub(1))
                            || is_other_journal(j + 1);
                        listed && trim(&l.text).eq_ignore_ascii_case(name)
                    })
            };
            let in_footer = || {
                footer_names
                    .iter()
                    .any(|(n, _)| n.eq_ignore_ascii_case(name))
            };
            (links || in_menu() || in_footer()).then_some(line)
        })
    });
    let found = masthead
        .map(|line| (trim(&line.text), line))
        .or_else(|| footer_names.first().copied())
        .or_else(|| breadcrumb_journal(page));
    if let Some((name, line)) = found {
        let name = name.to_owned();
        fill_text(
            record,
            "journal",
            slot_journal,
            &name,
            Some([line.start, line.end]),
        );
    }
}

/// The article code line of AIP and ECS journals ("0013-4651/2006/153(8)/E131/7/"), which
/// sits among the footnotes rather than in the header: the first one outside the
/// reference, cited-by and related lists fills what is still empty.
fn fill_from_article_code(record: &mut Record, page: &Page<'_>) {
    let found = lines_outside_other_works(page)
        .find_map(|line| parse_article_code(&line.text).map(|found| (found, line)));
    let Some((found, line)) = found else {
        return;
    };
    let span = Some([line.start, line.end]);
    fill_journal_data(record, &found, span);
    if record.year.is_none() && found.year.is_some() {
        record.year = found.year;
        record.note_source("year", "text", span);
    }
}

/// A journal locator line among the first page's text below the header (a footer: "Inv.
/// Univ. J. Sci. 8(1): 7-10, 2009"), when the header gave no volume: the first line that
/// names a journal and its volume fills what is still empty. Only the first page (up to
/// the first page break) is read, and never the lists of other works.
fn fill_from_first_page_footer(record: &mut Record, page: &Page<'_>) {
    const SKIPPED: [SectionKind; 5] = [
        SectionKind::Header,
        SectionKind::ArticleInfo,
        SectionKind::References,
        SectionKind::CitedBy,
        SectionKind::Related,
    ];
    if record.volume.is_some() {
        return;
    }
    let first_page_end = page
        .lines
        .iter()
        .position(|l| l.kind == LineKind::PageBreak)
        .unwrap_or(page.lines.len());
    let found = page
        .segments
        .iter()
        .filter(|s| s.lines.start < first_page_end && !SKIPPED.contains(&s.kind))
        .flat_map(|s| &page.lines[s.lines.start..s.lines.end.min(first_page_end)])
        .find_map(|line| {
            let found = parse_locator(&line.text)?;
            let names_journal = found.journal.is_some() || found.journal_abbrev.is_some();
            let locates = found.page_first.is_some() || found.article_number.is_some();
            (names_journal && locates).then_some((found, [line.start, line.end]))
        });
    let Some((found, span)) = found else {
        return;
    };
    fill_journal_data(record, &found, Some(span));
    if record.year.is_none() && found.year.is_some() {
        record.year = found.year;
        record.note_source("year", "text", Some(span));
    }
}

/// A bare "Volume 482" line is read with its neighbour: "Issue 7386" on the next line
/// (breadcrumbs), or the journal's name of two or more words on the line above
/// ("Invented Plants" / "Volume 7"). Gives the locator and the span it came from.
///
/// A step naming a part of the site ("Articles | Volume 19, issue 3") is no journal.
fn is_site_section(step: &str) -> bool {
    const SITE_SECTIONS: &[&str] = &[
        "articles",
        "journals",
        "home",
        "issues",
        "all issues",
        "archive",
        "browse",
        "volumes",
        "current issue",
    ];
    SITE_SECTIONS.iter().any(|s| step.eq_ignore_ascii_case(s))
}

fn breadcrumb_locator(lines: &[Line], i: usize) -> Option<(Locator, [usize; 2])> {
    static BARE_VOLUME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^vol(?:ume|\.)?\s*\d+$").expect("bare volume regex"));
    static BARE_ISSUE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:issue|number|no\.)\s*[\w/-]+$").expect("bare issue regex")
    });
    let line = &lines[i];
    // A breadcrumb trail on one line ("Home > … > Invented Photonics > Volume 1, Issue 2
    // >", "Articles | Volume 19, issue 3"): the volume's step, after the journal's.
    let separator = if line.text.matches(" > ").count() >= 2 {
        Some('>')
    } else if line.text.contains(" | ") && line.text.len() < 120 {
        Some('|')
    } else {
        None
    };
    if let Some(separator) = separator {
        let steps: Vec<&str> = line
            .text
            .split(separator)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        let at = steps
            .iter()
            .position(|s| starts_with_ignore_ascii_case(s, "vol"))?;
        let found = match at.checked_sub(1).map(|j| steps[j]) {
            Some(name) if is_journal_name(name) && !is_site_section(name) => {
                parse_locator(&format!("{name}, {}", steps[at]))
            }
            _ => None,
        };
        return found
            .or_else(|| parse_locator(steps[at]))
            .map(|found| (found, [line.start, line.end]));
    }
    if !BARE_VOLUME.is_match(trim(&line.text)) {
        return None;
    }
    if let Some(next) = lines
        .get(i + 1)
        .filter(|l| BARE_ISSUE.is_match(trim(&l.text)))
    {
        let joined = format!("{}, {}", trim(&line.text), trim(&next.text));
        return parse_locator(&joined).map(|found| (found, [line.start, next.end]));
    }
    let above = lines.get(i.checked_sub(1)?)?;
    let name = trim(&above.text);
    if above.is_blank() || name.split_whitespace().count() < 2 || !is_journal_name(name) {
        return None;
    }
    parse_locator(&format!("{name}, {}", trim(&line.text)))
        .map(|found| (found, [above.start, line.end]))
}

/// Fills journal, volume, issue, article number and pages from the article's own citation
/// or locator line, each only where still empty.
fn fill_journal_data(record: &mut Record, found: &Locator, span: Option<[usize; 2]>) {
    // An abbreviated name ("J Korean Surg Soc") is the journal's abbreviation.
    let moved;
    let found = match &found.journal {
        Some(name) if looks_abbreviated(name) => {
            moved = Locator {
                journal: None,
                journal_abbrev: found.journal_abbrev.clone().or(Some(name.clone())),
                ..found.clone()
            };
            &moved
        }
        _ => found,
    };
    for (field, slot, value) in [
        ("journal", slot_journal as Slot, &found.journal),
        ("journal.abbrev", slot_journal_abbrev, &found.journal_abbrev),
        ("volume", slot_volume, &found.volume),
        ("issue", slot_issue, &found.issue),
        ("article_number", slot_article_number, &found.article_number),
    ] {
        if let Some(v) = value {
            fill_text(record, field, slot, v, span);
        }
    }
    // The page's article number printed where a citation puts the page.
    let is_article_number = found.page_first.is_some() && found.page_first == record.article_number;
    if record.page_first.is_none() && found.page_first.is_some() && !is_article_number {
        record.page_first = found.page_first.clone();
        record.page_last = found.page_last.clone();
        record.note_source("pages", "text", span);
    } else if record.page_last.is_none()
        && found.page_last.is_some()
        && record.page_first.is_some()
        && record.page_first == found.page_first
    {
        // A citation gave the first page only ("… 46: 549"); the locator line, the range.
        record.page_last = found.page_last.clone();
        record.note_source("pages", "text", span);
    }
}

/// The journal data of a citation parsed by the reference parser.
fn locator_of(cited: &crate::record::Reference) -> Locator {
    Locator {
        journal: cited.container_title.clone(),
        journal_abbrev: None,
        volume: cited.volume.clone(),
        issue: cited.issue.clone(),
        page_first: cited.page_first.clone(),
        page_last: cited.page_last.clone(),
        article_number: cited.article_number.clone(),
        year: cited.year,
    }
}

fn slot_journal(r: &mut Record) -> &mut Option<String> {
    &mut r.journal.title
}

fn slot_journal_abbrev(r: &mut Record) -> &mut Option<String> {
    &mut r.journal.abbrev
}

/// A line that may be the article's own journal reference: a year and other numbers.
static JOURNAL_REFERENCE_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:1[89]|20)\d{2}\b.*\d|\d.*\b(?:1[89]|20)\d{2}\b")
        .expect("journal reference hint regex")
});

/// Header lines such as "J. Phys. Chem. A, 2001, 105 (13), pp 3365–3370" or
/// "Metabolites 2014, 4(4), 932-945; doi:..." read with the reference parser: the line that
/// gives a container, a volume and a page or article number fills what is still empty.
fn fill_from_journal_reference(record: &mut Record, page: &Page<'_>) {
    let wanted =
        record.journal.title.is_none() || record.volume.is_none() || record.page_first.is_none();
    if !wanted {
        return;
    }
    let parts = [SectionKind::Header, SectionKind::ArticleInfo];
    let mut best: Option<(usize, crate::record::Reference, [usize; 2])> = None;
    for segment in page.segments.iter().filter(|s| parts.contains(&s.kind)) {
        for line in page.lines_of(segment) {
            let text = line.text.as_str();
            if !(12..=250).contains(&text.len()) || !JOURNAL_REFERENCE_HINT.is_match(text) {
                continue;
            }
            let lower = text.to_lowercase();
            if DATE_EVENT.is_match(text) && !lower.contains("vol")
                || lower.starts_with("©")
                || lower.contains("copyright")
            {
                continue;
            }
            // A numbered entry of a reference list ("2N.-G. Park, …", "[3] …") cites
            // another work.
            if NUMBERED_ENTRY.is_match(text) {
                continue;
            }
            let cited = super::reference::parse_reference(text);
            let Some(container) = cited.container_title.as_deref() else {
                continue;
            };
            // A locator label the parser took for the container ("Volume 1144, 15 November …").
            let label = ["volume", "vol", "issue", "number", "no", "pages", "pp"]
                .iter()
                .any(|l| container.trim_end_matches('.').eq_ignore_ascii_case(l));
            if super::dates::month_number(container).is_some() || label {
                continue;
            }
            let has_locator = cited.page_first.is_some() || cited.article_number.is_some();
            // Journal names have no commas; a container with one is a misread citation.
            let odd_container = container.len() > 100 || container.contains([',', ';']);
            if cited.volume.is_none() || !has_locator || odd_container || cited.year.is_none() {
                continue;
            }
            // A reference to another work names authors or a title; the page's own does not.
            if !cited.authors.is_empty() || cited.title.as_deref().is_some_and(|t| t.len() > 40) {
                continue;
            }
            let score = [
                cited.issue.is_some(),
                cited.page_last.is_some(),
                cited.doi.is_some(),
            ]
            .iter()
            .filter(|b| **b)
            .count();
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((score, cited, [line.start, line.end]));
            }
        }
    }
    let Some((_, cited, span)) = best else {
        return;
    };
    let span = Some(span);
    fill_journal_data(record, &locator_of(&cited), span);
    if record.year.is_none() {
        record.year = cited.year;
    }
}

/// Fills the body sections: every body part with its heading and paragraphs.
pub fn extract_body(record: &mut Record, page: &Page<'_>) {
    if !record.body.is_empty() {
        return;
    }
    for segment in page.sections(SectionKind::Body) {
        let joined = join_paragraphs(page.lines_of(segment));
        if joined.text.is_empty() && segment.heading.is_none() {
            continue;
        }
        record.body.push(Section {
            heading: segment.heading.clone(),
            text: joined.text,
        });
    }
}

type Slot = fn(&mut Record) -> &mut Option<String>;

/// Fills an empty string field from the text and records where it came from.
pub fn fill_text(
    record: &mut Record,
    field: &str,
    slot: Slot,
    value: &str,
    span: Option<[usize; 2]>,
) -> bool {
    let value = value.trim();
    if value.is_empty() || slot(record).is_some() {
        return false;
    }
    *slot(record) = Some(value.to_owned());
    record.note_source(field, "text", span);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editorial_history_clauses() {
        // (page text, received, revised, accepted, published)
        type Dates = [Option<&'static str>; 4];
        let cases: [(&str, Dates); 3] = [
            (
                "Title\n\nReferences\n\n 1. Lin M. A title. Invent Res 2020;1(1):e1\n\nEdited by L Okafor; submitted 03.12.21; peer-reviewed by K Oduya, S Berg;\ncomments to author 10.01.22; revised version received 01.02.22; accepted\n21.02.22; published 12.04.22\n",
                [
                    Some("2021-12-03"),
                    Some("2022-02-01"),
                    Some("2022-02-21"),
                    Some("2022-04-12"),
                ],
            ),
            (
                "Title\n\nSubmitted 3.5.2019; accepted 4.6.2019\n",
                [Some("2019-05-03"), None, Some("2019-06-04"), None],
            ),
            // No history clauses: nothing is read.
            (
                "Title\n\nEdited by the invented editors of the invented series\n",
                [None, None, None, None],
            ),
        ];
        for (text, want) in cases {
            let lines = crate::clean::clean_lines(text);
            let segments = crate::segment::segment(&lines);
            let page = Page::new(&lines, &segments, None);
            let mut record = Record::empty_for_tests("t.txt", "text");
            fill_dates_from_editorial_history(&mut record, &page);
            let d = &record.dates;
            let got = [&d.received, &d.revised, &d.accepted, &d.published].map(|x| x.as_deref());
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn abstract_closing_the_header() {
        let prose = "An invented study of growth measured in three seasons at two sites over\n\
                     many weeks of work. The treatment raised the yield of the crop by a small\n\
                     amount in each season, and more in the wet years than in the dry ones.\n\
                     The sites differed in soil, and the effect was the same at both of them.\n\
                     We conclude that the treatment helps in the wet years only, as expected.";
        let copyright = "Copyright © 2014 A. Author et al. This is an open access article under the\n\
                         Invented License, which permits use provided the work is cited.";
        let cases = [
            // Dates, editor and a wrapped copyright sentence, then the paragraph.
            (
                format!("Received 1 May 2014; Accepted 2 June 2014\nAcademic Editor: A. Editor\n{copyright}\n{prose}"),
                Some(4),
            ),
            // An e-mail line right above the paragraph.
            (format!("Correspondence: a.author@example.org\n{prose}"), Some(1)),
            // No metadata line to start after: affiliations may run on.
            (prose.to_owned(), None),
            // Two lines are no abstract.
            (
                format!("Received 1 May 2014\n{}", prose.lines().take(2).collect::<Vec<_>>().join("\n")),
                None,
            ),
            // Short lines (a list of affiliations) are no paragraph.
            (
                "Received 1 May 2014\n1 Invented University, Town\n2 Invented Institute, City\n3 Invented College, Village.".to_owned(),
                None,
            ),
            // The copyright sentence is the last thing: nothing follows it.
            (format!("Received 1 May 2014\n{copyright}"), None),
        ];
        for (text, want) in cases {
            let lines = crate::clean::clean_lines(&text);
            let got = unheaded_abstract_span(&lines, 0).map(|r| r.start);
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn abbreviated_issue_lines() {
        let cases = [
            (
                "Rev. Bras. Agroecol. Invent. vol.45 no.3 Vale Verde Sept./Dec. 2019",
                Some(("Rev. Bras. Agroecol. Invent.", "45", "3", "2019")),
            ),
            (
                "Rev. Invent. Saúde vol.12 no.1 São Paulo Jan. 2008",
                Some(("Rev. Invent. Saúde", "12", "1", "2008")),
            ),
            ("See vol.45 no.3 of the journal for more", None),
        ];
        for (text, want) in cases {
            let got = ABBREVIATED_ISSUE_LINE.captures(text).map(|c| {
                (
                    c["abbrev"].to_owned(),
                    c["volume"].to_owned(),
                    c["issue"].to_owned(),
                    c["year"].to_owned(),
                )
            });
            let want = want.map(|(a, v, i, y): (&str, &str, &str, &str)| {
                (a.to_owned(), v.to_owned(), i.to_owned(), y.to_owned())
            });
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn volume_issue_and_pages_lines_without_commas() {
        let cases = [
            (
                "2017 Volume 63 Issue 4 Pages 237-245",
                Some(("63", "4", "237-245", Some("2017"))),
            ),
            (
                "Volume 63 (2017) Issue 4 Pages 237-245",
                Some(("63", "4", "237-245", None)),
            ),
            ("2017 Volume 63 Issue 4", None),
            (
                "Home > Journal home > Volume 63 (2017) Issue 4 > Article overview",
                None,
            ),
        ];
        for (text, want) in cases {
            let got = VOLUME_ISSUE_PAGES_LINE.captures(text).map(|c| {
                (
                    c["volume"].to_owned(),
                    c["issue"].to_owned(),
                    c["pages"].to_owned(),
                    c.name("year").map(|y| y.as_str().to_owned()),
                )
            });
            let want = want.map(|(v, i, p, y): (&str, &str, &str, Option<&str>)| {
                (
                    v.to_owned(),
                    i.to_owned(),
                    p.to_owned(),
                    y.map(str::to_owned),
                )
            });
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn titles_above_publisher_and_date_lines_over_the_byline() {
        let title = "Invented Voltage Regulation With Smart Things on Long Feeders With High Rooftop Penetration";
        let tail = "Mei-Ling Lindqvist ; Dara Okafor ; Juno Abara\n\nAbstract:\n\nWe invented a scheme. It works well on all of the invented feeders.\n";
        let cases = [
            format!("{title}\n\nPublisher: Invented Press Cite This PDF\n{tail}"),
            format!(
                "Invented Voltage Regulation With Smart\nThings on Long Feeders With High\nRooftop Penetration\nPublisher: Invented Press\n{tail}"
            ),
            format!("{title}\n\nPublished online by Invented Press: 12 March 2021\n\n{tail}"),
            // A print: no blank lines, one name a line with its labels.
            format!(
                "{title}\nPublished online by Invented Press: 12 March 2021\n\
                 Mei-Ling Lindqvist(a1) ORCID logo\nDara Okafor(a2)\nJuno Abara(a1)\n\
                 Show author details\n\nAbstract\n\nWe invented a scheme. It works well.\n"
            ),
            // The names again as author cards, which read as the better byline.
            format!(
                "{title}\n\nPublished online by Invented Press: 12 March 2021\n\n\
                 \u{20}\u{20}• Mei-Ling Lindqvist^(a1)\n  • Dara Okafor^(a2)\n  • Juno Abara^(a1)\n\n\
                 Show author details\n\nMei-Ling Lindqvist*\nAffiliation:\n    Invented University, Oslo, Norway\n\
                 Dara Okafor\nAffiliation:\n    Example Institute, Lisbon, Portugal\n\
                 Juno Abara\nAffiliation:\n    Invented University, Oslo, Norway\n\n\
                 Abstract\n\nWe invented a scheme. It works well.\n"
            ),
        ];
        let options = crate::pipeline::Options::default();
        for page in cases {
            let record = crate::pipeline::extract_document("page.txt", page.as_bytes(), &options);
            assert_eq!(record.title.as_deref(), Some(title), "{page}");
        }
    }

    #[test]
    fn article_information_after_the_abstract_ends_it() {
        let info = "\nCitation: Lindqvist M (2019) Invented things. Invented J 14(4): e0104021.\n\nEditor: Dara Okafor, Invented University\n";
        // The span ends at the blank line before the article information.
        let cases = [
            // The abstract on one line, as Markdown conversions write a paragraph.
            (
                format!("We studied invented things. They were fine.\n{info}"),
                0..2,
            ),
            (
                format!("We studied invented things.\nThey were fine.\n{info}"),
                0..3,
            ),
            // A line that ends no sentence runs on into the next.
            (
                format!(
                    "We studied invented things in many places over many years, and\nCitation: the word.\n{info}"
                ),
                0..3,
            ),
        ];
        for (text, want) in cases {
            let lines = crate::clean::clean_lines(&text);
            assert_eq!(prose_span(&lines), want, "{text}");
        }
    }

    #[test]
    fn paragraphs_closing_a_header_without_metadata() {
        let prose = "Biofilms on invented stones turn over nitrogen in cold lakes, yet how they\n\
                     change with the seasons is poorly known. We sampled invented tiles at three\n\
                     depths for a year and measured their activity each month of the study.\n\
                     Activity stayed the same while the community changed through the year,\n\
                     so the stones keep their work going in every season, as we expected.";
        let byline = "A Study of Invented Stones\nMei Lin^1 and Dara Okafor^2\n";
        let affiliations = "  • ^1Invented University, Town\n  • ^2Invented Institute, City\n";
        let cases: Vec<(String, Option<&str>)> = vec![
            // Affiliations, then the paragraph: the paragraph.
            (
                format!("{byline}\n{affiliations}\n{prose}\n"),
                Some("Biofilms on"),
            ),
            // Structured parts under run-in labels, however short, lose their labels.
            (
                format!(
                    "{byline}\n{affiliations}\nBackground: {prose}\n\nConclusion: Stones matter.\n"
                ),
                Some("Biofilms on"),
            ),
            // A short closing line is no abstract.
            (
                format!("{byline}\n{affiliations}\nSee the full text.\n"),
                None,
            ),
            // Structured parts one under another without blank lines, short last lines.
            (
                format!(
                    "{byline}\n{affiliations}\nBackground: {prose}\nMethods: We sampled tiles.\nConclusion: Stones matter.\n"
                ),
                Some("Biofilms on"),
            ),
            // The paragraph on one line, as a page's markup gives it.
            (
                format!("{byline}\n{affiliations}\n{}\n", prose.replace('\n', " ")),
                Some("Biofilms on"),
            ),
        ];
        for (text, want) in cases {
            let lines = crate::clean::clean_lines(&text);
            let got = closing_paragraphs(&lines, 2)
                .map(|span| join_labelled_paragraphs(&lines[span]).text);
            assert_eq!(
                got.as_deref().map(|t| &t[..t.len().min(11)]),
                want,
                "{text}"
            );
            if let Some(t) = got {
                assert!(!t.contains("Conclusion:"), "{t}");
            }
        }
    }

    #[test]
    fn journal_named_by_its_abbreviation() {
        let head = "ORIGINAL RESEARCH\ndoi: 10.5555/flim.2014.00234\n\n\
                    A Study of Invented Lakes and Their Ice\n\
                    Mei Lindqvist 1 and Dara Okafor 2\n\n";
        let citation = "Citation: Lindqvist M and Okafor D (2014) A Study of Invented Lakes and \
                        Their Ice. Front. Limnol. 5:234. doi: 10.5555/flim.2014.00234\n";
        let cases = [
            // The name only in a running footer before a bar.
            (
                format!("{head}Some text.\n\n{citation}\nFrontiers in Limnology | Lake Ice\n"),
                Some("Frontiers in Limnology"),
            ),
            // A journal bar's menu: its "Journal" entry is no label of "Sections".
            (
                format!("Frontiers in Limnology\nJournal\nSections\nArticles\n\n{head}{citation}"),
                Some("Frontiers in Limnology"),
            ),
            // The name alone on a footer line.
            (
                format!("{head}Some text.\n\n{citation}\nFrontiers in Limnology\n\n02\n"),
                Some("Frontiers in Limnology"),
            ),
            // The abbreviation itself, printed again, is no full name.
            (
                format!("{head}Some text.\n\n{citation}\nFront. Limnol. 5:234\n"),
                None,
            ),
            // A name the abbreviation does not spell is not taken.
            (
                format!("{head}Some text.\n\n{citation}\nFrontiers in Geology | Rocks\n"),
                None,
            ),
        ];
        let options = crate::pipeline::Options::default();
        for (page, want) in cases {
            let record = crate::pipeline::extract_document("page.txt", page.as_bytes(), &options);
            assert_eq!(record.journal.title.as_deref(), want, "{page}");
            assert_eq!(record.article_number.as_deref(), Some("234"), "{page}");
        }
    }

    #[test]
    fn citation_boxes_wrapped_in_a_side_column_are_read_whole() {
        let head = "ORIGINAL RESEARCH\ndoi: 10.5555/flim.2014.00234\n\n\
                    A Study of Invented Lakes and Their Ice\n\
                    Mei Lindqvist 1 and Dara Okafor 2\n\n";
        // (lines of the box, whether its locator is reached)
        let cases = [
            (3, true),
            (6, true),
            // A box whose title runs on and on is not followed past the bound.
            (12, false),
        ];
        for (title_lines, want) in cases {
            let mut citation = String::from("Citation:\nLindqvist M and\nOkafor D (2014) A\n");
            let words = [
                "Study of",
                "Invented",
                "Lakes and",
                "Their Ice",
                "in Winter",
            ];
            for word in words.iter().cycle().take(title_lines) {
                citation.push_str(word);
                citation.push('\n');
            }
            citation.push_str("Lakes.\nFront. Limnol. 5:234.\ndoi: 10.5555/flim.2014.00234\n");
            let page = format!("{head}Some text.\n\n{citation}");
            let options = crate::pipeline::Options::default();
            let record = crate::pipeline::extract_document("page.txt", page.as_bytes(), &options);
            assert_eq!(record.volume.is_some(), want, "{page}");
        }
    }

    #[test]
    fn labels_follow_only_a_citation_that_has_ended() {
        let cases = [
            ("Lindqvist M (2019) Invented Lakes in Rural", true),
            ("Lindqvist M and", true),
            ("Lindqvist M (2019) Invented Lakes.", false),
            ("Front. Limnol. 5:234. doi: 10.5555/flim.2014.00234", false),
            ("Front. Limnol. 5:234. doi: 10.1093/nar/gkaa", false),
            ("", false),
        ];
        for (text, want) in cases {
            assert_eq!(citation_runs_on(text), want, "{text}");
        }
    }

    #[test]
    fn affiliation_markers_run_into_a_word() {
        let cases = [
            ("1Department of Invented Ecology, Umea, Sweden", true),
            ("12Faculty of Invented Science, Ibadan", true),
            ("16S rRNA gene amplicons were sequenced", false),
            ("3D printing of invented tiles", false),
            ("2019 Invented Lakes", false),
            ("Department of Invented Ecology", false),
        ];
        for (text, want) in cases {
            assert_eq!(starts_with_affiliation_marker(text), want, "{text}");
        }
        let cases = [
            (
                "1 Department of Invented Ecology, Norrbacka Institute, Umea, Sweden, 2 Faculty of",
                true,
            ),
            (
                "Life Sciences, Adekunle Polytechnic University, Ibadan, 3 Laboratory of",
                true,
            ),
            ("1Department of Invented Ecology", true),
            // A number before a capitalised word in prose, with no institution named.
            (
                "12 Swedish lakes were sampled over two invented winters, and",
                false,
            ),
            (
                "in 2019, 12 Lakes were sampled by the invented survey team",
                false,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(holds_affiliation_marker(text), want, "{text}");
        }
    }

    #[test]
    fn unheaded_abstracts_follow_affiliations_without_a_blank_line() {
        let sentence = "We sampled invented biofilms from invented tiles at three depths ";
        let abstract_lines: String = (0..6)
            .map(|i| format!("{sentence}over {i} months and found them stable.\n"))
            .collect();
        let page = format!(
            "ORIGINAL RESEARCH\nA Study of Invented Biofilms on Tiles\n\
             Mei Lindqvist1 and Dara Okafor2*\n\
             1Department of Invented Ecology, Norrbacka Institute of Lakes, Umea, Sweden\n\
             2Faculty of Invented Sciences, Adekunle Polytechnic University, Ibadan\n\
             {abstract_lines}Introduction\nText of the body.\n"
        );
        // A publisher's run-in list of affiliations, its last line wrapped without a marker.
        let run_in = format!(
            "ORIGINAL RESEARCH\nA Study of Invented Biofilms on Tiles\n\
             Mei Lindqvist 1 and Dara Okafor 2*\n\
             1 Department of Invented Ecology, Norrbacka Institute of Lakes, Umea, Sweden, 2\n\
             Faculty of Invented Sciences, Adekunle Polytechnic University, 3 Laboratory of\n\
             Invented Waters, Gdansk, Poland\n\
             {abstract_lines}Introduction\nText of the body.\n"
        );
        let options = crate::pipeline::Options::default();
        for page in [page, run_in] {
            let record = crate::pipeline::extract_document("page.txt", page.as_bytes(), &options);
            let got = record.abstract_text.unwrap_or_default();
            assert!(got.starts_with("We sampled"), "{page}\n{got}");
            assert!(got.ends_with("5 months and found them stable."), "{got}");
        }
    }

    #[test]
    fn article_numbers_spelled_by_the_doi() {
        let cases = [
            ("10.3389/fmicb.2019.09871", "9871", true),
            ("10.3389/fpubh.2023.1999017", "1999017", true),
            ("10.5555/journal.pinv.0104021", "e0104021", true),
            ("10.5555/inv.2014.247835", "247835", true),
            // A DOI that spells a first page is read as an article number too (the page
            // stays the first page); numbers the DOI does not end with are not.
            ("10.5555/jih.2017.0345", "345", true),
            ("10.5555/jih.2017.0345", "346", false),
            ("10.5555/abc.12", "12", false),
            ("10.5555/abc-123", "123", false),
            ("10.5555/inv.2019.0123", "S123", false),
        ];
        for (doi, number, want) in cases {
            assert_eq!(doi_spells_number(doi, number), want, "{doi} {number}");
        }
    }

    #[test]
    fn info_labels_that_end_a_keyword_list() {
        let cases = [
            ("Citation: Lindqvist M and Okafor D (2019) A title.", true),
            ("Received: 12 February 2019; Accepted: 10 May 2019;", true),
            ("Edited by:", true),
            ("*Correspondence: Dara Okafor, d.okafor@example.org", true),
            ("Reviewed by:", true),
            // Keywords themselves, and lines that only hold a colon further on.
            ("lake ice, nitrification, basalt", false),
            ("ratio 1:2, soil carbon", false),
            ("Time series: a method, remote sensing", true),
            ("https://example.org/a", false),
            ("Trial registration number at NCT: 1234", false),
            ("", false),
        ];
        for (line, want) in cases {
            assert_eq!(starts_with_info_label(line), want, "{line}");
        }
    }

    #[test]
    fn ordered_list_items_printed_as_text() {
        let cases = [
            ("1. older adults", Some(1), "older adults"),
            ("  12) rural health", Some(12), "rural health"),
            ("2. living alone;", Some(2), "living alone;"),
            // No item: a number that is a keyword's own, or no text after the number.
            ("5G networks", None, "5G networks"),
            ("3.5 GHz band", None, "3.5 GHz band"),
            ("2019. 12", None, "2019. 12"),
            ("older adults", None, "older adults"),
        ];
        for (line, number, text) in cases {
            assert_eq!(list_number_of(line), number, "{line}");
            assert_eq!(strip_list_number(line), text, "{line}");
        }
    }

    #[test]
    fn a_manuscript_history_footnote_of_one_long_line() {
        let footnote = format!(
            "Manuscript received 3 June 2021; revised 18 October 2021; accepted 30 January 2022. Date of publication 14 February 2022. {}",
            "This work was supported in part by the Invented Science Council. ".repeat(4)
        );
        assert!(footnote.len() > 300);
        let page = format!(
            "Invented title of an article\n\nAbstract\n\nWe study invented feeders.\n\nFootnotes\n\n{footnote}\n"
        );
        let record = crate::pipeline::extract_document(
            "page.txt",
            page.as_bytes(),
            &crate::pipeline::Options::default(),
        );
        assert_eq!(record.dates.received.as_deref(), Some("2021-06-03"));
        assert_eq!(record.dates.accepted.as_deref(), Some("2022-01-30"));
    }

    #[test]
    fn author_keywords_among_indexing_terms() {
        let cases = [
            "Invented title\n\nKeywords\n\n  • Invented Keywords\n      □ Voltage control,\n      □ Inverters,\n  • Author Keywords\n      □ consensus,\n      □ smart inverters,\nMetrics\n",
            // A print: plain lines, a page break inside the list, the next tab after it.
            "Invented title\n\nKeywords\nInvented Keywords\nVoltage control,\n\nInverters,\nAuthor Keywords\nconsensus,\nsmart inverters,\n\nMetrics\nFull Text Views: 587\n",
        ];
        for page in cases {
            let record = crate::pipeline::extract_document(
                "page.txt",
                page.as_bytes(),
                &crate::pipeline::Options::default(),
            );
            assert_eq!(record.keywords, ["consensus", "smart inverters"], "{page}");
        }
    }

    #[test]
    fn journal_names_above_their_issns() {
        let cases = [
            (
                "Journal of Invented Nutrition\nOnline ISSN : 1881-7742\nPrint ISSN : 0301-4800\n",
                Some("Journal of Invented Nutrition"),
            ),
            (
                "Invented Transactions on Sensing\n\nISSN: 2832-1111\n",
                Some("Invented Transactions on Sensing"),
            ),
            // A menu entry above the numbers names no journal.
            ("About the Society\nOnline ISSN : 1881-7742\n", None),
        ];
        for (banner, want) in cases {
            let page = format!(
                "{banner}\nAn Invented Title of a Study\n\nMei Lin, Jun Park\n\nAbstract\n\nWe studied things.\n"
            );
            let record = crate::pipeline::extract_document(
                "page.txt",
                page.as_bytes(),
                &crate::pipeline::Options::default(),
            );
            assert_eq!(record.journal.title.as_deref(), want, "{page}");
        }
    }

    #[test]
    fn plain_keyword_lists_wrapped_and_ended() {
        let cases = [
            // Wrapped inside a keyword (OJS, w3m).
            (
                "Invented title\n\nKeywords:\n\nradio, flood risk, participatory communication, Mekong\nDelta, mixed methods\n\nAbstract\n\nText.\n",
                &[
                    "radio",
                    "flood risk",
                    "participatory communication",
                    "Mekong Delta",
                    "mixed methods",
                ][..],
            ),
            // The article's data right under the list (J-STAGE).
            (
                "Invented title\n\nKeywords\n\nsoybean paste, postprandial glucose, impaired glucose\ntolerance, older adults\n2017 Volume 63 Issue 4 Pages 237-245\nDOI https://doi.org/10.5555/inv.63.237\n\nAbstract\n\nText.\n",
                &[
                    "soybean paste",
                    "postprandial glucose",
                    "impaired glucose tolerance",
                    "older adults",
                ][..],
            ),
            // One keyword a line, no separators: each line its own.
            (
                "Invented title\n\nKeywords\n\nflood risk\nearly warning\n\nAbstract\n\nText.\n",
                &["flood risk", "early warning"][..],
            ),
        ];
        for (page, want) in cases {
            let record = crate::pipeline::extract_document(
                "page.txt",
                page.as_bytes(),
                &crate::pipeline::Options::default(),
            );
            assert_eq!(record.keywords, want, "{page}");
        }
    }

    #[test]
    fn numbered_keyword_lists_lose_their_numbers() {
        let page = "Invented title\n\nKeywords\n\n1. older adults\n2. living alone\n3. rural health\n\nIntroduction\n\nText.";
        let record = crate::pipeline::extract_document(
            "page.txt",
            page.as_bytes(),
            &crate::pipeline::Options::default(),
        );
        assert_eq!(
            record.keywords,
            ["older adults", "living alone", "rural health"]
        );
    }

    #[test]
    fn breadcrumb_trails_give_volume_and_issue() {
        // (line, volume, issue, journal)
        let cases = [
            (
                "Articles | Volume 19, issue 3",
                Some(("19", Some("3"), None)),
            ),
            (
                "Home > Journals > Invented Photonics > Volume 1, Issue 2 >",
                Some(("1", Some("2"), Some("Invented Photonics"))),
            ),
            ("Research article | 12 Feb 2019", None),
            ("Articles | Preprints | About", None),
        ];
        for (text, want) in cases {
            let lines = crate::clean::clean_lines(text);
            let got = breadcrumb_locator(&lines, 0);
            let got = got.as_ref().and_then(|(found, _)| {
                Some((
                    found.volume.as_deref()?,
                    found.issue.as_deref(),
                    found.journal.as_deref(),
                ))
            });
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn the_dated_article_type_wins_over_a_tab_label() {
        let cases = [
            (
                "Article\nPeer review\nResearch article | 12 Feb 2019\nInvented title",
                "Research Article",
            ),
            (
                "Article\nPeer review\nTechnical note\n17 Mar 2021\nInvented title",
                "Technical Note",
            ),
            ("Article\nPeer review\nInvented title", "Article"),
        ];
        for (text, want) in cases {
            let lines = crate::clean::clean_lines(text);
            let mut record = Record::empty_for_tests("t.txt", "text");
            fill_article_type(&mut record, &lines);
            assert_eq!(record.article_type.as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn journal_titles_from_known_abbreviations() {
        // (title found, abbreviation found, title wanted)
        let cases = [
            (
                None,
                Some("Atmos. Chem. Phys"),
                Some("Atmospheric Chemistry and Physics"),
            ),
            (
                Some("ACP"),
                Some("Atmos. Chem. Phys."),
                Some("Atmospheric Chemistry and Physics"),
            ),
            (
                Some("Invented Journal"),
                Some("Atmos. Chem. Phys."),
                Some("Invented Journal"),
            ),
            (None, Some("J. Invented Chem."), None),
            (None, None, None),
        ];
        for (title, abbrev, want) in cases {
            let mut record = Record::empty_for_tests("t.txt", "text");
            record.journal.title = title.map(str::to_owned);
            record.journal.abbrev = abbrev.map(str::to_owned);
            journal_title_from_abbrev(&mut record);
            assert_eq!(
                record.journal.title.as_deref(),
                want,
                "{title:?} {abbrev:?}"
            );
        }
    }

    #[test]
    fn paywall_lines_with_non_ascii_text() {
        let cases = [
            ("Buy article PDF – 39,95 €", true),
            ("ACCESS OPTIONS ·", true),
            ("Ａccess options ·", false),
            ("Access optións", false),
            ("Subscribe to this journal", true),
            ("Σubscribe to this journal", false),
            ("— Access options", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_paywall_line(line), want, "{line}");
        }
    }

    #[test]
    fn journal_acronyms_and_list_numbers() {
        let spelled = [
            (
                "International Journal of Invented Microbiology",
                "IJIM",
                true,
            ),
            ("Journal of the Invented Society", "JIS", true),
            (
                "International Journal of Invented Microbiology",
                "IJI",
                false,
            ),
            ("Invented Letters", "IJIM", false),
        ];
        for (title, acronym, expected) in spelled {
            assert_eq!(
                initials_spell(title, acronym),
                expected,
                "{title} / {acronym}"
            );
        }
        let numbered = [
            (
                "1. Invented Plants (2015) 7 : plv005",
                "Invented Plants (2015) 7 : plv005",
            ),
            ("12. doi: 10.5555/x", "doi: 10.5555/x"),
            ("2015. Invented", "2015. Invented"),
            ("Invented Plants", "Invented Plants"),
        ];
        for (text, expected) in numbered {
            assert_eq!(without_list_number(text), expected);
        }
        assert!(is_acronym("IJIM") && !is_acronym("BM") && !is_acronym("Invented"));
    }

    #[test]
    fn citations_ahead_of_their_issue() {
        let cases = [
            (
                "Invented Photonics2019XXXXXXXXXX-XXX",
                Some(("Invented Photonics", "2019")),
            ),
            (
                "Invented Lett. 2019, XXX, XXX-XXX",
                Some(("Invented Lett.", "2019")),
            ),
            ("Invented Lett. 2019, 12, 345-350", None),
        ];
        for (text, expected) in cases {
            let got = UNNUMBERED_CITATION.captures(text);
            let got = got.as_ref().map(|c| (&c["journal"], &c["year"]));
            assert_eq!(got, expected, "{text}");
        }
    }

    #[test]
    fn lines_ending_with_a_month() {
        let cases = [
            ("Accepted 09 February 2016 Published online 02 May", true),
            ("Published online 02 Sep.", true),
            ("Published online 02 May 2016", false),
            ("Received in maybe", false),
        ];
        for (text, expected) in cases {
            assert_eq!(ends_with_month(text), expected, "{text}");
        }
    }

    #[test]
    fn cleans_dois() {
        let cases = [
            ("10.1000/inv.201400532View/save", "10.1000/inv.201400532"),
            ("10.1000/inv.2014.12.", "10.1000/inv.2014.12"),
            ("10.1000/(inv)2014)", "10.1000/(inv)2014"),
            (
                "10.1000/S0140-6736(14)60123-Download",
                "10.1000/S0140-6736(14)60123-Download",
            ),
            ("10.1000/inv.2019Viewer", "10.1000/inv.2019Viewer"),
            ("10.1000/TPAMI.2019.1234567", "10.1000/TPAMI.2019.1234567"),
            (
                "10.1000/00000000.2013.788745?needAccess=true",
                "10.1000/00000000.2013.788745",
            ),
            ("10.1000/inv.12?scroll=top&x=1", "10.1000/inv.12"),
            ("10.1000/inv.12?", "10.1000/inv.12?"),
            (
                "10.1000/inv:01955001606044400⟩",
                "10.1000/inv:01955001606044400",
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(clean_doi(raw), want, "{raw}");
        }
    }

    #[test]
    fn reads_dated_events() {
        // (line, label, date text)
        let cases = [
            ("Received: 13 August 2014", "Received", "13 August 2014"),
            // Table cells joined by the HTML decoder.
            (
                "Accepted: | 11 December 2014",
                "Accepted",
                "11 December 2014",
            ),
            (
                "Published online 5 June 2013",
                "Published online",
                "5 June 2013",
            ),
            ("Issue date: June 2013", "Issue date", "June 2013"),
            (
                "First published on the web 26th September 2016",
                "First published",
                "26th September 2016",
            ),
            // Year first, as PubMed Central prints it.
            (
                "Published online 2011 December 16. doi: 10.1000/x",
                "Published online",
                "2011 December 16",
            ),
            // Who published it, between label and date (Cambridge Core).
            (
                "Published online by Invented University Press: 12 March 2021",
                "Published online",
                "12 March 2021",
            ),
            // A history list's revision (not its receipt), and IEEE's publication date.
            (
                "Revision received: January 11, 2021",
                "Revision received",
                "January 11, 2021",
            ),
            (
                "Date of Publication: 14 February 2022",
                "Date of Publication",
                "14 February 2022",
            ),
        ];
        for (line, label, date) in cases {
            let line = without_publisher_of_online_date(Cow::Borrowed(line));
            let caps = DATE_EVENT.captures(&line).expect(&line);
            assert_eq!((&caps["label"], &caps["date"]), (label, date), "{line}");
        }
    }

    #[test]
    fn a_declared_abstract_cut_short_gives_way_to_the_pages_own() {
        let own = "Invented rivers carry invented salt a long way inland. We measured it at nine \
                   gauges over two years. The salt wedge moved with the tide and with the season.";
        // (declared, own abstract structured, replaced)
        let cases = [
            // The first part of a structured abstract.
            (
                "Invented rivers carry invented salt a long way inland.",
                true,
                true,
            ),
            // The same description on a page without labels: a full abstract of its own.
            (
                "Invented rivers carry invented salt a long way inland.",
                false,
                false,
            ),
            // Cut to a length.
            (
                "Invented rivers carry invented salt a long way inland. We meas…",
                false,
                true,
            ),
            (
                "Invented rivers carry invented salt a long way inland. We measured it",
                false,
                true,
            ),
            // Another text altogether.
            (
                "A study of invented rivers and the salt they carry inland.",
                true,
                false,
            ),
            // Too short to tell.
            ("Invented rivers…", false, false),
        ];
        for (declared, structured, want) in cases {
            let own = OwnAbstract {
                text: own.to_owned(),
                span: None,
                structured,
            };
            assert_eq!(is_cut_short_of(declared, &own), want, "{declared}");
        }
    }
}
