//! The article's own journal locator as pages print it near the title: journal, volume,
//! issue, pages or article number, year.
//!
//! Publishers print it in a handful of shapes, each a citation style of its own:
//! - "Metrologia, Volume 12, Number 4" (journal, volume, issue);
//! - "Volume 1144, 15 November 2018, Pages 50-55", "Vol. 122, Iss. 14 — 12 April 2019",
//!   "Volume 2014 (2014), Article ID 247835, 10 pages" (no journal: it is the line above);
//! - "APL Photonics 1, 026101 (2016)", "Phys. Rev. Lett. 122, 145901 – Published ..."
//!   (physics style: journal, volume, page or article number);
//! - "Nanoscale, 2013, 5, 2804-2810" (chemistry style: journal, year, volume, pages);
//! - "BMJ 2016;353:i4821", "Trials 2014, 15:487", "World J Surg. 2011 May 3; 3(12): 241–7"
//!   (Vancouver style: journal, year, volume, locator);
//! - "November 2013 vol. 63 no. Pt 11 4141-4148" (date first);
//! - "Volume 111, 2013 - Issue 9-11" (volume, year, issue);
//! - "Invented Microbiology (2013), 63, 4141–4148" (journal, year in parentheses, volume,
//!   pages: a society journal's first-page head line);
//! - "Inv. Univ. J. Pharm. Sci. 8(1): 7-10, 2009 (June)" (journal, volume, issue, pages,
//!   year: a first-page footer);
//! - "Trials (2015) 16:50" (journal, year, volume, article number), also after a running
//!   head's authors ("Lindqvist et al. Trials 2014, 15:487");
//! - "Volume 50, Issue 7 Crystal Research and Technology" (issue bar: volume, issue,
//!   journal) and "Trials20143:21" (a BioMed Central citation line run together);
//! - "R. Soc. open sci. 2016 3 160123" (journal, year, volume, page, spaces only);
//! - "0013-4651/2006/153(8)/E131/7/$20.00" (the article code of AIP and ECS journals, in
//!   the article's footnotes: ISSN, year, volume, issue, first page, page count), read by
//!   [`parse_article_code`].

use super::bounded::BoundedGroup;
use super::pages::parse_page_range;
use regex::Regex;
use std::sync::LazyLock;

/// What a locator line gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Locator {
    pub journal: Option<String>,
    /// The journal's name when printed abbreviated ("Phys. Rev. Lett.", "World J Surg").
    pub journal_abbrev: Option<String>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub page_first: Option<String>,
    pub page_last: Option<String>,
    pub article_number: Option<String>,
    pub year: Option<i32>,
}

/// A journal name: words starting with a letter or digit, with dots, ampersands and
/// hyphens, never a comma or semicolon.
const JOURNAL: &str = r"(?P<journal>[\p{Lu}\d][\p{L}\d.&'’\- ]{1,90}?[\p{L}.])";
/// [`JOURNAL`] without its bound, for [`BoundedGroup`].
const JOURNAL_UNBOUNDED: &str = r"(?P<journal>[\p{Lu}\d][\p{L}\d.&'’\- ]+?[\p{L}.])";
/// The most characters [`JOURNAL`] matches.
const JOURNAL_MAX_CHARS: usize = 92;
/// A page range or e-locator: "50-55", "E131–E137", "i4821", "e0104021".
const PAGES: &str = r"(?P<pages>[A-Za-z]{0,2}\d+(?:\s*[–-]\s*[A-Za-z]{0,2}\d+)?)";
const ISSUE_LABEL: &str = r"(?:issue|iss\.?|number|no\.?)";
/// An issue: "4", "3/4", "S2", "Pt 11".
const ISSUE: &str = r"(?P<issue>(?:pt\.?\s*)?[A-Za-z]?\d+(?:\s*[/–-]\s*\d+)?)";

/// A locator shape around [`JOURNAL`], given the journal's pattern.
const fn with_journal(pattern: fn(&str) -> String) -> BoundedGroup {
    BoundedGroup::new(
        pattern,
        JOURNAL,
        JOURNAL_UNBOUNDED,
        "journal",
        JOURNAL_MAX_CHARS,
    )
}

static NAMED_VOLUME: BoundedGroup = with_journal(|journal| {
    format!(
        r"(?i)^{journal},\s*vol(?:ume|\.)?\s*(?P<volume>\d+[A-Z]?)(?:\s*,?\s*{ISSUE_LABEL}\s*{ISSUE})?(?:\s*,\s*(?:\p{{L}}+\s+)?(?P<dyear>(?:19|20)\d{{2}}))?(?:\s*,\s*(?:pages?|pp\.?)\s*{PAGES})?(?:\s+(?-i:\p{{Lu}}\p{{Ll}}+)\b.*)?\s*$"
    )
});

static VOLUME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^vol(?:ume|\.)?\s*(?P<volume>\d+[A-Z]?)(?:\s*\((?P<year>\d{{4}})\))?(?:\s*[,•—–|]?\s*{ISSUE_LABEL}\s*{ISSUE})?(?:\s*[,•—–|]\s*(?P<date>[\w/ ]*?\b(?P<dyear>\d{{4}})))?(?:\s*,\s*(?:(?:pages?|pp\.?)\s*{PAGES}|article\s+(?:id|number):?\s*(?P<article>[\w.-]+)))?(?:\s*,\s*\d+\s+pages)?\s*$"
    ))
    .expect("volume first regex")
});

/// "Invent. Trans. Sens. 19, 2, Article 31 (March 2023), 24 pages": the ACM reference
/// format's journal, volume, issue, article number and date.
static ACM: BoundedGroup = with_journal(|journal| {
    format!(
        r"^{journal}\s+(?P<volume>\d{{1,4}}),\s*(?P<issue>\d{{1,4}}),\s*Article\s+(?P<article>[\w.-]{{1,12}})\s*\((?:\p{{L}}+\.?\s+)?(?P<year>(?:19|20)\d{{2}})\)"
    )
});

static PHYSICS: BoundedGroup = with_journal(|journal| {
    format!(
        r"^{journal}\s+(?P<volume>\d{{1,4}}),\s*(?P<pages>[A-Z]?\d+(?:[–-][A-Z]?\d+)?)\s*(?:\((?P<year>\d{{4}})\)|[–—-]\s*Published)"
    )
});

static CHEMISTRY: BoundedGroup = with_journal(|journal| {
    format!(
        r"(?:^|\)\s+){journal},\s*(?P<year>(?:19|20)\d{{2}}),\s*(?P<volume>\d{{1,4}})(?:\s*\((?P<issue>\d+)\))?,\s*{PAGES}\s*\.?$"
    )
});

static VANCOUVER: BoundedGroup = with_journal(|journal| {
    format!(
        r"(?:^|:\s*){journal}\s*(?P<year>(?:19|20)\d{{2}})(?:\s+\p{{Lu}}\p{{Ll}}{{2,8}}(?:\s+\d{{1,2}})?)?\s*[;,]\s*(?P<volume>\d{{1,4}})(?:\s*\((?P<issue>[^)]{{1,10}})\))?\s*:\s*{PAGES}\b"
    )
});

/// "November 2013 vol. 63 no. Pt 11 4141-4148" (HighWire issue line): date, volume, issue,
/// pages.
static DATE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:\p{{L}}+\s+)?(?P<year>(?:19|20)\d{{2}})\s*[,;]?\s*vol(?:ume|\.)?\s*(?P<volume>\d+)(?:\s*,?\s*{ISSUE_LABEL}\s*{ISSUE})?\s*[,:]?\s*(?:pp\.?\s*)?{PAGES}\s*$"
    ))
    .expect("date first regex")
});

/// "Invent. Lett. 2015 volume 4, issue 7, P272-P276", "IJIM November 2013 vol. 63 no. Pt 11
/// 4141-4148" (HighWire's citation box, after the DOI): journal, date, labelled volume and
/// issue, pages.
static JOURNAL_DATE_VOLUME: BoundedGroup = with_journal(|journal| {
    format!(
        r"^{journal}\s+(?:\p{{L}}+\s+)?(?P<year>(?:19|20)\d{{2}})\s*[,;]?\s*(?i:vol(?:ume|\.)?)\s*(?P<volume>\d+)(?:\s*,?\s*(?i:{ISSUE_LABEL})\s*(?i:{ISSUE}))?\s*[,:]?\s*(?:pp\.?\s*)?{PAGES}\s*$"
    )
});

/// "Volume 111, 2013 - Issue 9-11: Special Issue: …" (volume, year, then issue).
static VOLUME_YEAR_ISSUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^vol(?:ume|\.)?\s*(?P<volume>\d+[A-Z]?),\s*(?P<year>(?:19|20)\d{{2}})\s*[-–—,]\s*{ISSUE_LABEL}\s*{ISSUE}\b"
    ))
    .expect("volume year issue regex")
});

/// "Citation A B Author et al 2019 Invent. Mater. 14 035018": a physics-style citation
/// (authors, year, journal, volume, page) after a "Citation" label.
static LABELLED_PHYSICS: BoundedGroup = with_journal(|journal| {
    format!(
        r"^(?i:citation):?\s+.*?\b(?P<year>(?:19|20)\d{{2}})\s+{journal}\s+(?P<volume>\d{{1,4}})\s+{PAGES}\s*$"
    )
});

/// "Trials (2015) 16:50" (BioMed Central's running head, after the authors): journal,
/// year, volume, article number.
static YEAR_IN_PARENTHESES: BoundedGroup = with_journal(|journal| {
    format!(
        r"^{journal}\s*\((?P<year>(?:19|20)\d{{2}})\)\s*(?P<volume>\d{{1,4}})\s*:\s*(?P<article>[A-Za-z]{{0,3}}\d+)(?:\s+(?i:page)\s+\d+\s+of\s+\d+)?\s*$"
    )
});

/// "Invented Microbiology (2013), 63, 4141–4148" (a society journal's head line on the first
/// page): journal, year in parentheses, volume with an optional issue, pages.
static YEAR_IN_PARENTHESES_VOLUME_PAGES: BoundedGroup = with_journal(|journal| {
    format!(
        r"^{journal}\s*\((?P<year>(?:19|20)\d{{2}})\)\s*,\s*(?P<volume>\d{{1,4}})(?:\s*\((?P<issue>[^)]{{1,10}})\))?\s*,\s*(?:pp\.?\s*)?{PAGES}\s*\.?$"
    )
});

/// "Inv. Univ. J. Pharm. Sci. 8(1): 7-10, 2009 (June)" (a first-page footer): journal,
/// volume, issue, pages, then the year with an optional month.
static VOLUME_PAGES_THEN_YEAR: BoundedGroup = with_journal(|journal| {
    format!(
        r"^{journal}\s+(?P<volume>\d{{1,4}})\s*(?:\((?P<issue>[^)]{{1,10}})\))?\s*:\s*{PAGES}\s*,\s*(?P<year>(?:19|20)\d{{2}})(?:\s*\(\p{{L}}{{3,9}}\.?\))?\s*\.?$"
    )
});

/// "R. Soc. open sci. 2016 3 160123" (the Royal Society's citation line): journal, year,
/// volume, page or article number, separated by spaces only.
static YEAR_VOLUME_SPACED: BoundedGroup = with_journal(|journal| {
    format!(
        r"^(?P<spaced>){journal}\s+(?P<year>(?:19|20)\d{{2}})\s+(?P<volume>\d{{1,4}})\s+(?P<pages>[A-Za-z]{{0,2}}\d+(?:[–-][A-Za-z]{{0,2}}\d+)?)\s*$"
    )
});

/// "Volume 50, Issue 7 Invented Research and Technology" (an issue bar: volume and issue,
/// then the journal, the two sometimes run together by a text dump).
static VOLUME_ISSUE_JOURNAL: BoundedGroup = with_journal(|journal| {
    format!(
        r"^(?i:vol(?:ume|\.)?)\s*(?P<volume>\d+[A-Z]?),\s*(?i:{ISSUE_LABEL})\s*(?P<issue>\d+(?:\s*[/–-]\s*\d+)?)\s*{journal}\s*$"
    )
});

/// "Invented Bioprocessing20163:21": a journal, year, volume and article number run
/// together, as text dumps join the parts of a BioMed Central citation line.
static VANCOUVER_RUN_TOGETHER: BoundedGroup = with_journal(|journal| {
    format!(r"^{journal}(?P<year>(?:19|20)\d{{2}})(?P<volume>\d{{1,3}}):(?P<article>\d+)\s*$")
});

/// The authors that open a running head ("Lindqvist et al. "). Two names joined by "and"
/// are left alone: they read as a journal's name ("Energy and Environmental Science").
static RUNNING_HEAD_AUTHORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’-]+\s+et\s+al\.?\s+").expect("running head authors regex")
});

/// Reads a locator line. `None` when the line is none of the shapes above.
///
/// A running head's authors before the citation ("Lindqvist et al. Trials 2014, 15:487")
/// are passed over.
pub fn parse_locator(text: &str) -> Option<Locator> {
    let text = text.trim();
    if text.len() > 200 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let whole = parse_locator_shapes(text);
    let names_journal = |l: &Locator| l.journal.is_some() || l.journal_abbrev.is_some();
    if whole.as_ref().is_some_and(names_journal) {
        return whole;
    }
    RUNNING_HEAD_AUTHORS
        .find(text)
        .and_then(|authors| parse_locator_shapes(&text[authors.end()..]))
        .or(whole)
}

/// Whether `text` ends as [`CHEMISTRY`], [`VANCOUVER_RUN_TOGETHER`] and
/// [`YEAR_VOLUME_SPACED`] do: a digit, then perhaps spaces and a full stop.
/// (`char::is_numeric` is a superset of the regex's `\d`.)
fn ends_with_digit(text: &str) -> bool {
    let text = text.strip_suffix('.').unwrap_or(text).trim_end();
    text.ends_with(char::is_numeric)
}

fn parse_locator_shapes(text: &str) -> Option<Locator> {
    // The marks a shape cannot match without: a line lacking them is not searched for it
    // (every line of a page's first page with a digit in it comes here).
    let comma = text.contains(',');
    let colon = text.contains(':');
    let parenthesis = text.contains('(');
    let digit_end = ends_with_digit(text);
    let shape = |can_match: bool, shape: &BoundedGroup| can_match.then(|| shape.captures(text))?;
    let caps = NAMED_VOLUME
        .captures(text)
        .or_else(|| VOLUME_FIRST.captures(text))
        .or_else(|| shape(comma && parenthesis, &ACM))
        .or_else(|| shape(comma, &PHYSICS))
        .or_else(|| shape(comma && digit_end, &CHEMISTRY))
        .or_else(|| shape(colon, &VANCOUVER))
        .or_else(|| DATE_FIRST.captures(text))
        .or_else(|| JOURNAL_DATE_VOLUME.captures(text))
        .or_else(|| VOLUME_YEAR_ISSUE.captures(text))
        .or_else(|| LABELLED_PHYSICS.captures(text))
        .or_else(|| shape(parenthesis && colon, &YEAR_IN_PARENTHESES))
        .or_else(|| shape(parenthesis && comma, &YEAR_IN_PARENTHESES_VOLUME_PAGES))
        .or_else(|| shape(colon && comma, &VOLUME_PAGES_THEN_YEAR))
        .or_else(|| VOLUME_ISSUE_JOURNAL.captures(text))
        .or_else(|| shape(colon && digit_end, &VANCOUVER_RUN_TOGETHER))
        .or_else(|| shape(digit_end, &YEAR_VOLUME_SPACED))?;
    let get = |name: &str| caps.name(name).map(|m| m.as_str().trim().to_owned());
    let journal = get("journal").filter(|j| is_journal_name(j));
    // Numbers separated by spaces only are a locator only after a journal's name.
    if journal.is_none() && caps.name("spaced").is_some() {
        return None;
    }
    let (journal, journal_abbrev) = match journal {
        Some(name) if looks_abbreviated(&name) => (None, Some(name)),
        other => (other, None),
    };
    let mut locator = Locator {
        journal,
        journal_abbrev,
        volume: get("volume"),
        issue: get("issue"),
        article_number: get("article"),
        year: get("year")
            .or_else(|| get("dyear"))
            .and_then(|y| y.parse().ok()),
        ..Locator::default()
    };
    if let Some(range) = get("pages").as_deref().and_then(parse_page_range) {
        // "Trials 2014, 15:487": one bare number after the volume is an article number
        // where the journal numbers articles rather than pages.
        let bare_number = range.last.is_none() && range.first.bytes().all(|b| b.is_ascii_digit());
        if bare_number && caps.name("year").is_some() && VANCOUVER.is_match(text) {
            locator.article_number = Some(range.first);
        } else {
            locator.page_first = Some(range.first);
            locator.page_last = range.last;
        }
    }
    let any_locator = locator.issue.is_some()
        || locator.page_first.is_some()
        || locator.article_number.is_some()
        || locator.journal.is_some()
        || locator.journal_abbrev.is_some();
    (locator.volume.is_some() && any_locator).then_some(locator)
}

/// "0013-4651/2006/153(8)/E131/7/$20.00": ISSN / year / volume(issue) / first page / page
/// count, as AIP and ECS journals print it under the copyright line.
static ARTICLE_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\d{4}-\d{3}[\dX]/(?P<year>(?:19|20)\d{2})/(?P<volume>\d{1,4})(?:\((?P<issue>[\w-]{1,8})\))?/(?P<prefix>[A-Z]{0,2})(?P<first>\d{1,6})/(?P<count>\d{1,3})/",
    )
    .expect("article code regex")
});

/// Reads an article code line: year, volume, issue and the page range (the last page is
/// the first plus the page count, less one).
pub fn parse_article_code(text: &str) -> Option<Locator> {
    let text = text.trim();
    if text.len() > 80 || text.as_bytes().get(4) != Some(&b'-') {
        return None;
    }
    let caps = ARTICLE_CODE.captures(text)?;
    let prefix = &caps["prefix"];
    let first: u32 = caps["first"].parse().ok()?;
    let count: u32 = caps["count"].parse().ok()?;
    let page_last = (count > 1).then(|| format!("{prefix}{}", first + count - 1));
    Some(Locator {
        volume: Some(caps["volume"].to_owned()),
        issue: caps.name("issue").map(|m| m.as_str().to_owned()),
        page_first: Some(format!("{prefix}{first}")),
        page_last,
        year: caps["year"].parse().ok(),
        ..Locator::default()
    })
}

/// Whether a journal name is abbreviated: a shortened word with a dot ("Phys.") or a
/// one-letter word before the end ("J Surg Oncol").
pub fn looks_abbreviated(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let stem = w.trim_end_matches('.');
        let shortened = w.ends_with('.') && (1..=6).contains(&stem.chars().count());
        let initial =
            i + 1 < words.len() && stem.len() == 1 && stem.chars().all(char::is_uppercase);
        shortened || initial
    })
}

/// Whether a line reads as a journal's name: a few words, capitalised, without sentence
/// punctuation or the words of a page's menus.
pub fn is_journal_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() || words.len() > 12 || text.len() > 100 {
        return false;
    }
    if text.ends_with([':', ',', ';']) || text.contains(['|', '?', '!', '©', '@']) {
        return false;
    }
    let lower = text.to_lowercase();
    const NOT_JOURNAL: &[&str] = &[
        "published",
        "cite",
        "citation",
        "download",
        "volume",
        "issue",
        "article",
        "doi",
        "received",
        "accepted",
        "home",
        "search",
        "menu",
        "pdf",
        "pmcid",
        "pmid",
        "issn",
        "isbn",
    ];
    if lower
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| NOT_JOURNAL.contains(&w))
    {
        return false;
    }
    const SMALL: &[&str] = &[
        "of", "and", "the", "for", "in", "on", "de", "der", "la", "et", "&", "a",
    ];
    // Abbreviated names may keep words in lower case ("R. Soc. open sci.").
    let abbreviated = words.iter().filter(|w| w.ends_with('.')).count() >= 2;
    words.iter().all(|w| {
        w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
            || SMALL.contains(w)
            || abbreviated && w.chars().all(|c| c.is_alphabetic() || c == '.')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_checks_let_every_match_of_their_shape_through() {
        let cases = [
            "Invented J. Org. Chem., 2011, 76, 8810–8818.",
            "Invented J. Org. Chem., 2011, 76 (4), 8810–8818 .",
            "(12) Inv. Chem. Lett., 2003, 5, 101",
            "Invent Med J 2014; 15:487",
            "Invented Reports 2019 Mar 3;9(1):e12",
            "A sentence with 2 numbers, 2011, and no locator.",
            "Inv. Soc. open sci. 2016 3 160123",
        ];
        for text in cases {
            if CHEMISTRY.captures(text).is_some() {
                assert!(ends_with_digit(text), "{text}");
            }
            if VANCOUVER.captures(text).is_some() {
                assert!(text.contains(':'), "{text}");
            }
            if YEAR_VOLUME_SPACED.captures(text).is_some() {
                assert!(ends_with_digit(text), "{text}");
            }
        }
        assert!(CHEMISTRY.captures(cases[0]).is_some());
        assert!(VANCOUVER.captures(cases[3]).is_some());
        assert!(YEAR_VOLUME_SPACED.captures(cases[6]).is_some());
    }

    #[test]
    fn locator_shapes() {
        type Want<'a> = (
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<&'a str>,
            Option<i32>,
        );
        // (line, (journal, volume, issue, first page, last page, article number, year))
        let cases: &[(&str, Option<Want>)] = &[
            (
                "Invented Materials, Volume 14, Number 3",
                Some((
                    Some("Invented Materials"),
                    Some("14"),
                    Some("3"),
                    None,
                    None,
                    None,
                    None,
                )),
            ),
            // The ACM reference format.
            (
                "Invent. Trans. Sens. 19, 2, Article 31 (March 2023), 24 pages. https://doi.org/10.5555/3579112",
                Some((
                    Some("Invent. Trans. Sens."),
                    Some("19"),
                    Some("2"),
                    None,
                    None,
                    Some("31"),
                    Some(2023),
                )),
            ),
            // The issue's date between issue and pages (Cambridge Core's information panel).
            (
                "Review of Invented Studies, Volume 14, Issue 2, April 2021, pp. 211 - 238",
                Some((
                    Some("Review of Invented Studies"),
                    Some("14"),
                    Some("2"),
                    Some("211"),
                    Some("238"),
                    None,
                    Some(2021),
                )),
            ),
            // Table cells joined on one line by a text browser.
            (
                "Invented Materials, Volume 14, Number 3 Citation D N Lin et al 1976 Invented Materials 14",
                Some((
                    Some("Invented Materials"),
                    Some("14"),
                    Some("3"),
                    None,
                    None,
                    None,
                    None,
                )),
            ),
            (
                "Volume 1144, 15 November 2018, Pages 50-55",
                Some((
                    None,
                    Some("1144"),
                    None,
                    Some("50"),
                    Some("55"),
                    None,
                    Some(2018),
                )),
            ),
            (
                "Vol. 122, Iss. 14 — 12 April 2019",
                Some((None, Some("122"), Some("14"), None, None, None, Some(2019))),
            ),
            (
                "Vol.19 • No. 3/4 • March/April 2014",
                Some((None, Some("19"), Some("3/4"), None, None, None, Some(2014))),
            ),
            (
                "Volume 4, Issue 4",
                Some((None, Some("4"), Some("4"), None, None, None, None)),
            ),
            (
                "Volume 2014 (2014), Article ID 247835, 10 pages",
                Some((
                    None,
                    Some("2014"),
                    None,
                    None,
                    None,
                    Some("247835"),
                    Some(2014),
                )),
            ),
            (
                "Invented Photonics 1, 026101 (2016); http://dx.doi.org/10.1000/x",
                Some((
                    Some("Invented Photonics"),
                    Some("1"),
                    None,
                    Some("026101"),
                    None,
                    None,
                    Some(2016),
                )),
            ),
            (
                "Inv. Rev. Lett. 122, 145901 – Published 10 April 2019",
                Some((
                    Some("Inv. Rev. Lett."),
                    Some("122"),
                    None,
                    Some("145901"),
                    None,
                    None,
                    None,
                )),
            ),
            (
                "DOI: 10.1000/B806 (Paper) J. Invent. Chem., 2008, 18, 4572-4578",
                Some((
                    Some("J. Invent. Chem."),
                    Some("18"),
                    None,
                    Some("4572"),
                    Some("4578"),
                    None,
                    Some(2008),
                )),
            ),
            (
                "Cite this as: IMJ 2016;353:i4821",
                Some((
                    Some("IMJ"),
                    Some("353"),
                    None,
                    Some("i4821"),
                    None,
                    None,
                    Some(2016),
                )),
            ),
            (
                "Invented Trials 2014, 15:487 doi:10.1000/1745",
                Some((
                    Some("Invented Trials"),
                    Some("15"),
                    None,
                    None,
                    None,
                    Some("487"),
                    Some(2014),
                )),
            ),
            (
                "Citation Mei Lindqvist et al 2019 Invent. Mater. 14 035018",
                Some((
                    Some("Invent. Mater."),
                    Some("14"),
                    None,
                    Some("035018"),
                    None,
                    None,
                    Some(2019),
                )),
            ),
            (
                "Citation D N Okafor et al 1976 Inventologia 12 143",
                Some((
                    Some("Inventologia"),
                    Some("12"),
                    None,
                    Some("143"),
                    None,
                    None,
                    Some(1976),
                )),
            ),
            (
                "Invented J Gastro Endosc. 2011 December 16; 3(12): 241–247. PMCID: PMC0000001",
                Some((
                    Some("Invented J Gastro Endosc."),
                    Some("3"),
                    Some("12"),
                    Some("241"),
                    Some("247"),
                    None,
                    Some(2011),
                )),
            ),
            (
                "November 2013 vol. 63 no. Pt 11 4141-4148",
                Some((
                    None,
                    Some("63"),
                    Some("Pt 11"),
                    Some("4141"),
                    Some("4148"),
                    None,
                    Some(2013),
                )),
            ),
            (
                "Volume 111, 2013 - Issue 9-11: Special Issue: In Honour of Invented People",
                Some((
                    None,
                    Some("111"),
                    Some("9-11"),
                    None,
                    None,
                    None,
                    Some(2013),
                )),
            ),
            (
                "February 2015, Volume 46, Issue 2, pp 549–555",
                Some((
                    None,
                    Some("46"),
                    Some("2"),
                    Some("549"),
                    Some("555"),
                    None,
                    Some(2015),
                )),
            ),
            (
                "Invent. Lett. 2015 volume 4, issue 7, P272-P276",
                Some((
                    Some("Invent. Lett."),
                    Some("4"),
                    Some("7"),
                    Some("P272"),
                    Some("P276"),
                    None,
                    Some(2015),
                )),
            ),
            (
                "IJIM November 2013 vol. 63 no. Pt 11 4141-4148",
                Some((
                    Some("IJIM"),
                    Some("63"),
                    Some("Pt 11"),
                    Some("4141"),
                    Some("4148"),
                    None,
                    Some(2013),
                )),
            ),
            (
                "Invented PLANTS (2015) 7 : plv005",
                Some((
                    Some("Invented PLANTS"),
                    Some("7"),
                    None,
                    None,
                    None,
                    Some("plv005"),
                    Some(2015),
                )),
            ),
            (
                "Lindqvist et al. Invented Trials (2015) 16:50",
                Some((
                    Some("Invented Trials"),
                    Some("16"),
                    None,
                    None,
                    None,
                    Some("50"),
                    Some(2015),
                )),
            ),
            (
                "Invented Journal of Systematic Microbiology (2013), 63, 4141–4148",
                Some((
                    Some("Invented Journal of Systematic Microbiology"),
                    Some("63"),
                    None,
                    Some("4141"),
                    Some("4148"),
                    None,
                    Some(2013),
                )),
            ),
            (
                "Invented Letters (2009), 12(3), 101-109.",
                Some((
                    Some("Invented Letters"),
                    Some("12"),
                    Some("3"),
                    Some("101"),
                    Some("109"),
                    None,
                    Some(2009),
                )),
            ),
            (
                "Inv. Univ. J. Pharm. Sci. 8(1): 7-10, 2009 (June)",
                Some((
                    Some("Inv. Univ. J. Pharm. Sci."),
                    Some("8"),
                    Some("1"),
                    Some("7"),
                    Some("10"),
                    None,
                    Some(2009),
                )),
            ),
            (
                "Invented Plant Studies 21: 110-118, 1998",
                Some((
                    Some("Invented Plant Studies"),
                    Some("21"),
                    None,
                    Some("110"),
                    Some("118"),
                    None,
                    Some(1998),
                )),
            ),
            // A sentence with a year in parentheses and numbers goes on: no locator.
            ("Cells were counted (2013), 63, 10-20 times a day.", None),
            (
                "Lindqvist et al. Invented Trials 2014, 15:487",
                Some((
                    Some("Invented Trials"),
                    Some("15"),
                    None,
                    None,
                    None,
                    Some("487"),
                    Some(2014),
                )),
            ),
            (
                "Okafor et al. Journal of Invented Outcomes (2010) 4:1 Page 3 of 9",
                Some((
                    Some("Journal of Invented Outcomes"),
                    Some("4"),
                    None,
                    None,
                    None,
                    Some("1"),
                    Some(2010),
                )),
            ),
            (
                "Invented Letters 614, 224-226 (2023)",
                Some((
                    Some("Invented Letters"),
                    Some("614"),
                    None,
                    Some("224"),
                    Some("226"),
                    None,
                    Some(2023),
                )),
            ),
            (
                "Volume 50, Issue 7 Invented Research and Technology",
                Some((
                    Some("Invented Research and Technology"),
                    Some("50"),
                    Some("7"),
                    None,
                    None,
                    None,
                    None,
                )),
            ),
            (
                "Volume 50, Issue 7Invented Research and Technology",
                Some((
                    Some("Invented Research and Technology"),
                    Some("50"),
                    Some("7"),
                    None,
                    None,
                    None,
                    None,
                )),
            ),
            (
                "Invented Bioprocessing20163:21",
                Some((
                    Some("Invented Bioprocessing"),
                    Some("3"),
                    None,
                    None,
                    None,
                    Some("21"),
                    Some(2016),
                )),
            ),
            ("Invented Bioprocessing 20163:21", None),
            (
                "R. Inv. open sci. 2016 3 160123",
                Some((
                    Some("R. Inv. open sci."),
                    Some("3"),
                    None,
                    Some("160123"),
                    None,
                    None,
                    Some(2016),
                )),
            ),
            ("Received 2016 3 12", None),
            ("Lindqvist et al. (2015) found 16:50 ratios", None),
            ("Volume 16", None),
            (
                "Published 15 April 2019 • © 2019 Invented Publishing Ltd",
                None,
            ),
            ("We measured 12 samples, 2019, 5, 10-20 times.", None),
        ];
        for (line, want) in cases {
            let got = parse_locator(line).map(|l| {
                (
                    l.journal.or(l.journal_abbrev),
                    l.volume,
                    l.issue,
                    l.page_first,
                    l.page_last,
                    l.article_number,
                    l.year,
                )
            });
            let want = want.map(|(j, v, i, f, l, a, y)| {
                let own = |s: Option<&str>| s.map(str::to_owned);
                (own(j), own(v), own(i), own(f), own(l), own(a), y)
            });
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn article_codes() {
        let cases = [
            (
                "0013-4651/2009/156(3)/B421/6/$23.00",
                Some(("156", Some("3"), "B421", Some("B426"), 2009)),
            ),
            (
                "0021-8979/2004/95(11)/6123/4/$22.00",
                Some(("95", Some("11"), "6123", Some("6126"), 2004)),
            ),
            (
                "1099-0062/2012/15(2)/H17/1/",
                Some(("15", Some("2"), "H17", None, 2012)),
            ),
            ("0013-4651/2006/153(8)", None),
            ("ISSN 0013-4651", None),
            ("12/05/2006", None),
        ];
        for (line, want) in cases {
            let got = parse_article_code(line)
                .map(|l| (l.volume, l.issue, l.page_first, l.page_last, l.year));
            let want = want.map(|(v, i, f, l, y)| {
                let own = |s: &str| s.to_owned();
                (Some(own(v)), i.map(own), Some(own(f)), l.map(own), Some(y))
            });
            assert_eq!(got, want, "{line}");
        }
    }

    #[test]
    fn abbreviated_names() {
        let cases = [
            ("Inv. Rev. Lett.", true),
            ("World J Surg Oncol.", true),
            ("Physical Review X", false),
            ("Invented Materials Transactions A", false),
            ("IMJ", false),
        ];
        for (name, want) in cases {
            assert_eq!(looks_abbreviated(name), want, "{name}");
        }
    }

    #[test]
    fn journal_names() {
        let cases = [
            ("Computational and Invented Chemistry", true),
            ("Journal of Invented Studies", true),
            ("F1000Research", true),
            ("Published 12 March 2019", false),
            ("Download PDF", false),
            ("PMCID: PMC1234567", false),
            ("ISSN 1234-5678", false),
            ("We measured things.", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_journal_name(text), want, "{text}");
        }
    }
}
