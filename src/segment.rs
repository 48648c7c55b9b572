//! Segment: cleaned lines into the parts of an article page.
//!
//! A part starts at a heading line whose text is a known section name (see
//! [`rules::SECTION_HEADINGS`](crate::rules::SECTION_HEADINGS)), or at any Markdown heading
//! (an unknown heading inside the article opens a body section). Lines before the first
//! heading form the header. Gives [`Segment`]s that index into the line list.

use crate::clean::{Line, LineKind};
use crate::extract::authors::is_author_card_link;
use crate::rules::SECTION_HEADINGS;
use rustc_hash::FxHashMap;
use std::ops::Range;
use std::sync::LazyLock;

/// The parts of an article page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SectionKind {
    Header,
    Abstract,
    Body,
    References,
    Acknowledgements,
    Funding,
    AuthorInfo,
    ArticleInfo,
    Keywords,
    CitedBy,
    Related,
    /// Supplementary, ethics and other article sections that feed no field.
    Other,
    /// Site navigation and footer.
    Footer,
}

/// One part of the page: its kind, its heading as printed, and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: SectionKind,
    pub heading: Option<String>,
    /// Index range into the cleaned lines, heading excluded.
    pub lines: Range<usize>,
}

static HEADING_KINDS: LazyLock<FxHashMap<&'static str, SectionKind>> =
    LazyLock::new(|| SECTION_HEADINGS.iter().copied().collect());

/// The byte length of the longest known heading key.
const HEADING_KEY_MAX_LEN: usize = {
    let mut max = 0;
    let mut i = 0;
    while i < SECTION_HEADINGS.len() {
        if SECTION_HEADINGS[i].0.len() > max {
            max = SECTION_HEADINGS[i].0.len();
        }
        i += 1;
    }
    max
};

/// The section kind a line opens, if it is a heading.
pub fn heading_kind(line: &Line) -> Option<SectionKind> {
    // List items are menus and lists, never section headings.
    if !matches!(line.kind, LineKind::Text | LineKind::Heading(_)) {
        return None;
    }
    if line.text.len() > 60 {
        return match line.kind {
            LineKind::Heading(_) => Some(SectionKind::Body),
            _ => None,
        };
    }
    if let Some(kind) = known_heading(&line.text) {
        return Some(kind);
    }
    match line.kind {
        LineKind::Heading(_) => Some(marked_heading_kind(&line.text).unwrap_or(SectionKind::Body)),
        _ => None,
    }
}

/// Side-box headings that open a part of the page only when marked up as headings: as
/// plain lines they are tab labels over the article ("Article", "Metrics", "Share").
const MARKED_HEADINGS: &[(&str, SectionKind)] = &[
    ("metrics", SectionKind::Footer),
    ("share", SectionKind::Footer),
];

/// The kind a marked-up heading opens ([`MARKED_HEADINGS`]).
fn marked_heading_kind(text: &str) -> Option<SectionKind> {
    let key = heading_text(text);
    MARKED_HEADINGS
        .iter()
        .find(|(heading, _)| key.eq_ignore_ascii_case(heading))
        .map(|(_, kind)| *kind)
}

/// Whether a heading is a label inside a structured abstract ("Background", "Methods").
pub fn is_structured_abstract_label(line: &Line) -> bool {
    line.text.len() < 40
        && crate::rules::STRUCTURED_ABSTRACT_LABELS.contains(&heading_key(&line.text).as_str())
}

/// Lower-cased heading text without numbering ("2.", "II.", "A.") or a trailing colon.
fn heading_key(text: &str) -> String {
    heading_text(text).to_lowercase()
}

/// Whether a line's heading key names a known section ([`heading_key`] compared without
/// the lower-cased copy for short ASCII lines, which are nearly all of them).
fn known_heading(text: &str) -> Option<SectionKind> {
    let t = heading_text(text);
    let mut buf = [0u8; 64];
    if t.is_ascii() && t.len() > HEADING_KEY_MAX_LEN {
        // Lower-casing keeps ASCII lengths: longer than every key, it is none of them.
        return None;
    }
    if t.len() > HEADING_KEY_MAX_LEN && t.chars().count() > HEADING_KEY_MAX_LEN {
        // Lower-casing gives each character one byte or more (the three-byte Kelvin sign
        // gives `k`): still longer than every key.
        return None;
    }
    HEADING_KINDS
        .get(crate::rules::lowercase_in(t, &mut buf).as_ref())
        .copied()
}

/// Heading text without numbering or a trailing colon, before lower-casing.
fn heading_text(text: &str) -> &str {
    let mut t = crate::clean::trim(text);
    // A section number or a Roman numeral opens with a digit, a dot or one of `IVXivx`:
    // other lines (nearly all) are not split.
    let numbered = t.as_bytes().first().is_some_and(|b| {
        matches!(
            b,
            b'0'..=b'9' | b'.' | b'I' | b'V' | b'X' | b'i' | b'v' | b'x'
        )
    });
    if let Some((first, rest)) = numbered.then(|| t.split_once(' ')).flatten() {
        let is_number = first
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.')
            && first.chars().any(|c| c.is_ascii_digit());
        let is_roman = first.ends_with('.')
            && first
                .trim_end_matches('.')
                .chars()
                .all(|c| "IVXivx".contains(c))
            && first.len() > 1;
        if is_number || is_roman {
            t = crate::clean::trim(rest);
        }
    }
    crate::clean::trim(t.trim_end_matches([':', '.']))
}

/// Whether a plain line that reads as a heading ("results.") is the end of the sentence
/// wrapped from the line right above it ("… The pH measurement also supported the" /
/// "results."): it opens in lower case, and the line above runs on without a sentence end.
pub fn ends_a_wrapped_sentence(lines: &[Line], i: usize) -> bool {
    let line = &lines[i];
    if line.kind != LineKind::Text || !line.text.trim_start().starts_with(char::is_lowercase) {
        return false;
    }
    let Some(above) = i.checked_sub(1).map(|j| &lines[j]) else {
        return false;
    };
    above.kind == LineKind::Text
        && above
            .text
            .trim_end()
            .ends_with(|c: char| c.is_alphabetic() || c == ',')
}

/// Lines of a table of contents or a menu: three or more known section names close
/// together ("Abstract", "Introduction", "References" in a sidebar). A page's own section
/// names that are not in the table ("Case presentation") may stand between them, one or
/// two short lines at a time, as long as known names are at least half the run.
/// A menu names each section once: a name seen again in the same run is the article's
/// own heading right after the menu ("... References", then "Abstract", "Background"
/// and the abstract's prose), so it starts a new run. In ascending order.
fn menu_lines(lines: &[Line]) -> Vec<usize> {
    /// Unknown entries allowed in a row between known names.
    const MAX_UNKNOWN_IN_A_ROW: usize = 2;
    let is_known = |line: &Line| {
        line.kind == LineKind::Text && line.text.len() <= 60 && known_heading(&line.text).is_some()
    };
    // A menu entry the table does not know: short, a few words, no sentence.
    let is_entry = |line: &Line| {
        line.kind == LineKind::Text
            && line.text.chars().count() <= 40
            && line.text.split_whitespace().count() <= 4
            && !line.text.trim_end().ends_with(['.', ',', ';'])
    };
    struct Run {
        known: Vec<usize>,
        unknown: usize,
        unknown_in_a_row: usize,
    }
    let close = |run: &mut Run, menu: &mut Vec<usize>| {
        if run.known.len() >= 3 && run.known.len() >= run.unknown {
            menu.append(&mut run.known);
        }
        run.known.clear();
        run.unknown = 0;
        run.unknown_in_a_row = 0;
    };
    let mut menu = Vec::new();
    let mut run = Run {
        known: Vec::new(),
        unknown: 0,
        unknown_in_a_row: 0,
    };
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() {
            continue;
        }
        if is_known(line) {
            let key = heading_text(&line.text);
            let repeated = run
                .known
                .iter()
                .any(|&j| heading_text(&lines[j].text).eq_ignore_ascii_case(key));
            if repeated {
                close(&mut run, &mut menu);
            }
            run.known.push(i);
            run.unknown_in_a_row = 0;
            continue;
        }
        if !run.known.is_empty() && is_entry(line) && run.unknown_in_a_row < MAX_UNKNOWN_IN_A_ROW {
            run.unknown += 1;
            run.unknown_in_a_row += 1;
            continue;
        }
        close(&mut run, &mut menu);
    }
    close(&mut run, &mut menu);
    menu
}

/// Whether a level-1 heading that names no section (the article's title, as Markdown
/// conversions mark it) comes within the lines after `i`.
fn title_heading_follows(lines: &[Line], i: usize) -> bool {
    const WITHIN_LINES: usize = 200;
    lines[i + 1..]
        .iter()
        .take(WITHIN_LINES)
        .any(|l| l.kind == LineKind::Heading(1) && known_heading(&l.text).is_none())
}

fn first_content(lines: &[Line], from: usize) -> usize {
    lines[from..]
        .iter()
        .position(|l| !l.is_blank())
        .map_or(lines.len(), |p| from + p)
}

/// Splits the page into segments, in page order.
///
/// Unknown Markdown headings open a body section, except a level-1 heading in the header
/// (the title), a heading in the header above a level-1 heading still to come (site chrome
/// over the title: "## International weekly journal of science", "## Search form") and a
/// heading nested deeper than the heading of the section it sits in ("### Contributions"
/// under "## Author information").
pub fn segment(lines: &[Line]) -> Vec<Segment> {
    let mut segments = Vec::new();
    let mut current = SectionKind::Header;
    let mut current_level: Option<u8> = None;
    let mut heading: Option<String> = None;
    let mut start = 0;
    let mut abstract_labels: Vec<String> = Vec::new();
    // A structured abstract starts with a label right under its heading.
    let mut structured = false;
    let menu = menu_lines(lines);
    for (i, line) in lines.iter().enumerate() {
        if line.is_blank() || menu.binary_search(&i).is_ok() {
            continue;
        }
        if current == SectionKind::Abstract && i == first_content(lines, start) {
            structured = is_structured_abstract_label(line);
        }
        let Some(kind) = heading_kind(line) else {
            continue;
        };
        if ends_a_wrapped_sentence(lines, i) {
            continue;
        }
        let known = known_heading(&line.text).is_some();
        if let LineKind::Heading(level) = line.kind {
            if !known {
                let title_in_header = current == SectionKind::Header
                    && (level == 1 || title_heading_follows(lines, i));
                let nested =
                    current != SectionKind::Body && current_level.is_some_and(|l| level > l);
                // An author's card in the header: the name set as a heading over its
                // links ("Search for this author in:"), which may be a heading too.
                let author_card = current == SectionKind::Header
                    && (is_author_card_link(&line.text)
                        || lines[i + 1..]
                            .iter()
                            .find(|l| !l.is_blank())
                            .is_some_and(|l| is_author_card_link(&l.text)));
                if title_in_header || nested || author_card {
                    continue;
                }
            }
        }
        // A structured abstract's labels stay inside it, each once; a label seen again
        // (the body's own "Background") ends the abstract.
        if current == SectionKind::Abstract && structured && is_structured_abstract_label(line) {
            let key = heading_key(&line.text);
            if !abstract_labels.contains(&key) {
                abstract_labels.push(key);
                continue;
            }
        }
        segments.push(Segment {
            kind: current,
            heading: heading.take(),
            lines: start..i,
        });
        current = kind;
        abstract_labels.clear();
        current_level = match line.kind {
            LineKind::Heading(level) => Some(level),
            _ => None,
        };
        heading = Some(line.text.clone());
        start = i + 1;
    }
    segments.push(Segment {
        kind: current,
        heading,
        lines: start..lines.len(),
    });
    let segments = fold_menus_into_header(segments, lines);
    let segments = split_headless_references(segments, lines);
    let segments = split_publication_info_after_abstract(segments, lines);
    split_citation_after_references(segments, lines)
}

/// A run-in label of the publication details a page prints right under the abstract,
/// without a heading between (IEEE Xplore's "Published in: …" / "Page(s): …").
fn opens_publication_info(text: &str) -> bool {
    let text = text.trim_start().as_bytes();
    crate::rules::PUBLICATION_INFO_LABELS
        .iter()
        .any(|l| text.len() > l.len() && text[..l.len()].eq_ignore_ascii_case(l.as_bytes()))
}

/// A line that is only the article's own short citation, as JMIR and other NLM-style
/// pages print it under the abstract ("JMIR Mhealth Uhealth 2022;10(4):e34567", "Invent
/// Med 2019 Mar;12(3):211-219"): journal words without periods, a year (maybe a month
/// and day), then `;volume(issue):pages` with no spaces. A reference list's lines
/// ("Ann Surg. 2005 Jul; 242(1):92-100.", PubMed's style) are not matched.
fn is_citation_line(text: &str) -> bool {
    static CITATION: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(
            r"^\p{Lu}[\p{L}\p{M} &'-]{1,80}\s(?:19|20)\d{2}(?:\s\p{Lu}\p{Ll}{2}(?:\s\d{1,2})?)?;\d{1,4}(?:\(\d{1,4}\))?:[eE]?\d{1,8}(?:[-–]\d{1,8})?\.?$",
        )
        .expect("citation line regex")
    });
    let text = text.trim();
    // Abstract lines are asked: only one holding both marks and short enough is matched.
    text.len() <= 120 && text.contains(';') && text.contains(':') && CITATION.is_match(text)
}

/// Cuts an abstract where the publication details under it begin, and a keyword list
/// where the information panel under it begins: from that line on the part is the
/// article's information.
fn split_publication_info_after_abstract(segments: Vec<Segment>, lines: &[Line]) -> Vec<Segment> {
    let mut out = Vec::with_capacity(segments.len() + 1);
    for segment in segments {
        let range = segment.lines.clone();
        let first = range.clone().find(|&i| !lines[i].is_blank());
        // Under a keyword list, the article-information panel it sits in ("Type" /
        // "Research Article" / "Information" / the citation).
        let opens_info = |text: &str| match segment.kind {
            SectionKind::Abstract => opens_publication_info(text) || is_citation_line(text),
            SectionKind::Keywords => crate::rules::is_info_label_alone(text),
            _ => false,
        };
        let info = range
            .clone()
            .find(|&i| Some(i) != first && opens_info(&lines[i].text));
        match info {
            Some(at) => {
                out.push(Segment {
                    lines: range.start..at,
                    ..segment
                });
                out.push(Segment {
                    kind: SectionKind::ArticleInfo,
                    heading: None,
                    lines: at..range.end,
                });
            }
            None => out.push(segment),
        }
    }
    out
}

/// A line that tells how to cite the article ("Cite this article as: Lindqvist et al.: …")
/// or opens its copyright notice.
fn opens_citation_block(text: &str) -> bool {
    const LABELS: [&str; 7] = [
        "cite this article",
        "to cite this article",
        "please cite this article",
        "how to cite this article",
        // Run-in notes a PDF prints after its references (Frontiers).
        "conflict of interest statement:",
        "conflict of interest:",
        "publisher's note:",
    ];
    let trimmed = text.trim_start();
    let text = trimmed.as_bytes();
    // Every line of a part is asked: one that opens with an ASCII letter that starts no
    // label, no copyright notice and no history line (`Published`, `Received:`; nearly
    // every line) is turned away at once.
    let Some(&first) = text.first() else {
        return false;
    };
    let first = first.to_ascii_lowercase();
    if first.is_ascii_alphabetic()
        && !matches!(first, b'a' | b'c' | b'p' | b'r')
        && !LABELS.iter().any(|l| l.as_bytes()[0] == first)
    {
        return false;
    }
    // PubMed Central's footer: "Articles from Journal X are provided here courtesy of Y".
    if trimmed.starts_with("Articles from ") && trimmed.contains(" are provided here courtesy of") {
        return true;
    }
    // The article's copyright and licence, which may follow as well ("© 2014 by the
    // authors; licensee …").
    let copyright = trimmed.starts_with('©')
        || trimmed.starts_with("(c) ") && trimmed[4..].starts_with(|c: char| c.is_ascii_digit())
        || text.len() > 10 && text[..10].eq_ignore_ascii_case(b"copyright ");
    copyright
        || LABELS
            .iter()
            .any(|l| text.len() > l.len() && text[..l.len()].eq_ignore_ascii_case(l.as_bytes()))
        || opens_history(trimmed)
}

/// The article's history printed under its references: the OJS side panel's "Published"
/// label alone over its date, SciELO's "Received: May 14, 2018; Accepted: …" footnote, a
/// preprint server's "Posted March 16, 2021." No reference opens with any of them. The
/// label is capitalised as a heading is: a table's cell in lower case ("version 1" /
/// "published" / "12 Dec 2014", F1000's referee status) is none.
fn opens_history(text: &str) -> bool {
    let text = text.trim_end();
    let label_alone = matches!(text, "Published" | "Published:" | "PUBLISHED");
    let received = text.len() > 12
        && text.as_bytes()[..9].eq_ignore_ascii_case(b"received:")
        && text[9..]
            .trim_start()
            .starts_with(|c: char| c.is_alphanumeric());
    // "Posted" and a month: a reference's author named Posted has initials after it.
    let posted = text.strip_prefix("Posted ").is_some_and(|rest| {
        rest.split_whitespace()
            .next()
            .is_some_and(|m| crate::extract::dates::month_number(m).is_some())
    });
    label_alone || received || posted
}

/// A DOI alone on its line ("doi:10.5555/inv.4-1", "https://doi.org/10.5555/x").
fn is_doi_alone(text: &str) -> bool {
    let text = text.trim();
    let lower = text.to_ascii_lowercase();
    let rest = ["doi:", "doi ", "https://doi.org/", "http://dx.doi.org/"]
        .iter()
        .find_map(|label| lower.strip_prefix(label))
        .unwrap_or(&lower)
        .trim_start();
    rest.starts_with("10.") && rest.contains('/') && !rest.contains(' ')
}

/// A publisher's PDF prints the article's own DOI and how to cite it, or its copyright
/// notice, right after the last reference ("doi:10.5555/inv.4-1" / "Cite this article
/// as: …", "© 2014 by the authors; …"), with no heading between: that block is the
/// article's information, not a reference.
fn split_citation_after_references(segments: Vec<Segment>, lines: &[Line]) -> Vec<Segment> {
    let mut out = Vec::with_capacity(segments.len() + 1);
    for segment in segments {
        if segment.kind != SectionKind::References {
            out.push(segment);
            continue;
        }
        let mut range = segment.lines.clone();
        // A note a PDF's reading order puts first, right under the heading (its column
        // read before the list's): that paragraph is the article's, the list follows it.
        let first = range.clone().find(|&i| !lines[i].is_blank());
        if let Some(note) = first.filter(|&i| opens_citation_block(&lines[i].text)) {
            let paragraph_end = (note..range.end)
                .find(|&i| lines[i].is_blank())
                .unwrap_or(range.end);
            let list_follows = (paragraph_end..range.end).any(|i| !lines[i].is_blank());
            if list_follows {
                out.push(Segment {
                    kind: SectionKind::ArticleInfo,
                    heading: None,
                    lines: range.start..paragraph_end,
                });
                range = paragraph_end..range.end;
            }
        }
        let segment = Segment {
            lines: range.clone(),
            ..segment
        };
        let Some(citation) = range
            .clone()
            .find(|&i| opens_citation_block(&lines[i].text))
        else {
            out.push(segment);
            continue;
        };
        let above = (range.start..citation)
            .rev()
            .find(|&i| !lines[i].is_blank());
        // The article's DOI alone above the citation goes with it; a reference's DOI broken
        // onto its own line after "doi:" stays with the reference.
        let continues_reference = |i: usize| {
            (range.start..i)
                .rev()
                .find(|&k| !lines[k].is_blank())
                .is_some_and(|k| {
                    let text = lines[k].text.trim_end().to_ascii_lowercase();
                    text.ends_with("doi:") || text.ends_with("doi")
                })
        };
        let boundary = match above {
            Some(i) if is_doi_alone(&lines[i].text) && !continues_reference(i) => i,
            _ => citation,
        };
        if !(range.start..boundary).any(|i| !lines[i].is_blank()) {
            out.push(segment);
            continue;
        }
        out.push(Segment {
            lines: range.start..boundary,
            ..segment
        });
        out.push(Segment {
            kind: SectionKind::ArticleInfo,
            heading: None,
            lines: boundary..range.end,
        });
    }
    out
}

/// The fewest entries, each followed by its link labels, that make a reference list
/// without a heading.
const HEADLESS_REFERENCES_MIN_ENTRIES: usize = 5;

/// The most lines one entry of such a list runs over.
const HEADLESS_ENTRY_MAX_LINES: usize = 8;

/// A year in a reference: "2013", "1999a".
static REFERENCE_YEAR: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"\b(?:1[89]|20)\d{2}[a-z]?\b").expect("reference year regex")
});

/// The first line of a numbered reference: "12. Surname", "[3] Surname", or the number
/// glued to the initial ("1G. Surname", a bullet's number set apart on the page).
static REFERENCE_START: LazyLock<regex::Regex> = LazyLock::new(|| {
    regex::Regex::new(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)]?)\s*\p{Lu}").expect("reference start regex")
});

/// Some pages print their reference list without a heading (the heading is a tab of the
/// site, lost in the dump). When no part is the reference list, the longest run of entries
/// that each carry a year and are each followed by a line of link labels ("CrossRef |
/// PubMed | CAS") becomes one, cut out of the part it sat in.
///
/// A "References" part that holds fewer years than half the run's entries is a menu or
/// footer entry of that name (its years are a copyright's), and becomes `Other`.
fn split_headless_references(segments: Vec<Segment>, lines: &[Line]) -> Vec<Segment> {
    // Counted up to the fewest that make a list: past that the count decides nothing, and
    // a long list's every line need not be searched.
    let years_in = |segment: &Segment| {
        lines[segment.lines.clone()]
            .iter()
            .filter(|l| REFERENCE_YEAR.is_match(&l.text))
            .take(HEADLESS_REFERENCES_MIN_ENTRIES)
            .count()
    };
    let listed = segments
        .iter()
        .filter(|s| s.kind == SectionKind::References)
        .map(years_in)
        .max();
    if listed.is_some_and(|years| years >= HEADLESS_REFERENCES_MIN_ENTRIES) {
        return segments;
    }
    // A run inside one part, never in a list of other works.
    let found = segments
        .iter()
        .filter(|s| !matches!(s.kind, SectionKind::CitedBy | SectionKind::Related))
        .filter_map(|s| {
            let (entries, run) = headless_reference_run(&lines[s.lines.clone()])?;
            Some((entries, run.start + s.lines.start..run.end + s.lines.start))
        })
        .max_by_key(|(entries, _)| *entries);
    let Some((entries, run)) = found else {
        return segments;
    };
    if listed.is_some_and(|years| 2 * years >= entries) {
        return segments;
    }
    let mut out = Vec::with_capacity(segments.len() + 2);
    for mut segment in segments {
        if segment.kind == SectionKind::References {
            segment.kind = SectionKind::Other;
        }
        let inside = segment.lines.start <= run.start && run.start < segment.lines.end;
        if !inside {
            out.push(segment);
            continue;
        }
        let end = run.end.min(segment.lines.end);
        let (before, after) = (segment.lines.start..run.start, end..segment.lines.end);
        if !before.is_empty() {
            out.push(Segment {
                kind: segment.kind,
                heading: segment.heading.clone(),
                lines: before,
            });
        }
        out.push(Segment {
            kind: SectionKind::References,
            heading: None,
            lines: run.start..end,
        });
        if lines[after.clone()].iter().any(|l| !l.is_blank()) {
            out.push(Segment {
                kind: segment.kind,
                heading: None,
                lines: after,
            });
        }
    }
    out
}

/// The longest run of reference entries each followed by link labels: its number of entries
/// and its lines.
fn headless_reference_run(lines: &[Line]) -> Option<(usize, Range<usize>)> {
    let mut best: Option<(usize, Range<usize>)> = None;
    // The run being read: its start, its entries, and where its last labels end.
    let mut run: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kind != LineKind::LinkResidue {
            i += 1;
            continue;
        }
        // The entry over this block of labels: the lines up to the previous labels or a
        // heading (over blank lines and page breaks: an entry may run onto the next page).
        let mut from = i;
        let mut taken = 0;
        while from > 0 && taken < HEADLESS_ENTRY_MAX_LINES {
            let above = &lines[from - 1];
            if matches!(above.kind, LineKind::LinkResidue | LineKind::Heading(_)) {
                break;
            }
            taken += usize::from(!above.is_blank());
            from -= 1;
        }
        let mut end = i;
        while end < lines.len()
            && (lines[end].kind == LineKind::LinkResidue || lines[end].is_blank())
        {
            end += 1;
        }
        let entry = &lines[from..i];
        let has_year = entry.iter().any(|l| REFERENCE_YEAR.is_match(&l.text));
        let continues = run.is_some_and(|(_, _, last_end)| from <= last_end);
        // A short line without a year between labels is one more label ("Web of Science®
        // Times Cited: 186 |").
        let is_label = !has_year && entry.iter().all(|l| l.text.len() < 50);
        run = match (has_year && !entry.is_empty(), continues, run) {
            (true, true, Some((start, entries, _))) => Some((start, entries + 1, end)),
            (false, true, Some((start, entries, _))) if is_label => Some((start, entries, end)),
            (true, _, _) => {
                // A new run starts at the entry's last numbered line, or after its last
                // blank line: not at prose above it.
                let start = entry
                    .iter()
                    .rposition(|l| {
                        matches!(l.kind, LineKind::Bullet(1)) || REFERENCE_START.is_match(&l.text)
                    })
                    .or_else(|| entry.iter().rposition(Line::is_blank).map(|p| p + 1))
                    .map_or(from, |p| from + p);
                Some((start, 1, end))
            }
            (false, _, _) => None,
        };
        if let Some((start, entries, last_end)) = run
            && entries >= HEADLESS_REFERENCES_MIN_ENTRIES
            // The best run so far, or the same run grown by more labels.
            && best.as_ref().is_none_or(|(most, range)| {
                entries > *most || (entries == *most && range.start == start)
            })
        {
            best = Some((entries, start..last_end));
        }
        i = end;
    }
    best
}

/// Sidebars and menus print section names ("Abstract", "About the journal", "Cited by")
/// before the real abstract. Everything before the first abstract that holds prose is the
/// header.
fn fold_menus_into_header(segments: Vec<Segment>, lines: &[Line]) -> Vec<Segment> {
    static SENTENCE_END: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\p{Ll}{2}[.?!] \p{Lu}\p{Ll}").expect("sentence regex")
    });
    // A sentence ends inside a line, or at the end of a long line, or at the end of a
    // short line that closes a wrapped paragraph (the line before it is long and runs on).
    let is_prose = |segment: &Segment| {
        let mut sentences = 0;
        let mut runs_on = false;
        for l in lines[segment.lines.clone()]
            .iter()
            .filter(|l| !l.is_blank())
        {
            let text = l.text.trim_end();
            let ends = text.ends_with('.');
            sentences += SENTENCE_END.find_iter(text).count()
                + usize::from(ends && (text.len() > 60 || runs_on));
            runs_on = text.len() > 60 && !ends;
        }
        sentences >= 2
    };
    // A sidebar's "Abstract" entry is followed by more menu entries ("Full-Text PDF",
    // "Linked References", ...); a real abstract starts with prose or one label.
    let opens_with_menu = |segment: &Segment| {
        lines[segment.lines.clone()]
            .iter()
            .filter(|l| !l.is_blank())
            .take(3)
            .filter(|l| l.text.chars().count() < 40 && !l.text.trim_end().ends_with(['.', ':']))
            .count()
            >= 3
    };
    let prose_abstract = |s: &Segment| s.kind == SectionKind::Abstract && is_prose(s);
    let Some(real) = segments
        .iter()
        .position(|s| prose_abstract(s) && !opens_with_menu(s))
        .or_else(|| segments.iter().position(prose_abstract))
    else {
        return segments;
    };
    if real == 0
        || segments[..real]
            .iter()
            .all(|s| s.kind == SectionKind::Header)
    {
        return segments;
    }
    // One header over everything before the abstract; author and article information
    // found there stay readable as their own (overlapping) segments.
    let header_end = segments[real - 1].lines.end;
    let mut out = vec![Segment {
        kind: SectionKind::Header,
        heading: None,
        lines: 0..header_end,
    }];
    out.extend(
        segments[..real]
            .iter()
            .filter(|s| {
                matches!(
                    s.kind,
                    SectionKind::AuthorInfo | SectionKind::ArticleInfo | SectionKind::Keywords
                )
            })
            .cloned(),
    );
    out.extend(segments.into_iter().skip(real));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_lines;

    #[test]
    fn splits_at_known_headings() {
        let text =
            "Title\nAbstract\nText.\n## Results\nMore.\nReferences\n1. A B. C. J 2001; 1: 2.\n";
        let lines = clean_lines(text);
        let kinds: Vec<(SectionKind, Option<String>)> = segment(&lines)
            .into_iter()
            .map(|s| (s.kind, s.heading))
            .collect();
        assert_eq!(
            kinds,
            vec![
                (SectionKind::Header, None),
                (SectionKind::Abstract, Some("Abstract".into())),
                (SectionKind::Body, Some("Results".into())),
                (SectionKind::References, Some("References".into())),
            ]
        );
    }

    #[test]
    fn markdown_headings_over_the_title_stay_in_the_header() {
        let cases = [
            // Site chrome as headings above the title heading.
            (
                "# Invented Journal\n## Weekly journal of invented science\n## Search form\n# An invented title\nMei Lindqvist\n## Abstract\nText.\n",
                vec![
                    (SectionKind::Header, None),
                    (SectionKind::Abstract, Some("Abstract".into())),
                ],
            ),
            // No title heading below: an unknown heading opens the body.
            (
                "# An invented title\nMei Lindqvist\n## Invented findings\nText.\n",
                vec![
                    (SectionKind::Header, None),
                    (SectionKind::Body, Some("Invented findings".into())),
                ],
            ),
        ];
        for (text, want) in cases {
            let kinds: Vec<(SectionKind, Option<String>)> = segment(&clean_lines(text))
                .into_iter()
                .map(|s| (s.kind, s.heading))
                .collect();
            assert_eq!(kinds, want, "{text}");
        }
    }

    #[test]
    fn notes_after_references_end_them() {
        let refs = "References\nLindqvist, M. (2017). An invented title. J. Invent. 12, 1–2. doi:\n10.5555/jih.2017.0345\n";
        let cases = [
            (
                format!("{refs}\nConflict of Interest Statement: The authors declare none.\n"),
                2,
            ),
            (
                format!("{refs}\nCopyright © 2019 Lindqvist. Open access.\n"),
                2,
            ),
            (format!("{refs}\nMore text of the list.\n"), 3),
            // The history under the list (SciELO's footnote, OJS's side panel).
            (
                format!("{refs}\nReceived: May 14, 2018; Accepted: February 21, 2019\n"),
                2,
            ),
            (format!("{refs}\nPublished\n\n2022-06-30\n"), 2),
            (
                format!("{refs}\nBack to top\n\nPosted March 16, 2021.\nDownload PDF\n"),
                2,
            ),
            // PubMed Central's footer.
            (
                format!(
                    "{refs}Articles from Journal of Invented Studies are provided here courtesy of Invented Press\n"
                ),
                2,
            ),
            // A note read before the list (its column first) is cut out; the list follows.
            (
                format!(
                    "References\n\nConflict of Interest Statement: The authors declare\nnone.\n\n{}",
                    &refs[11..]
                ),
                2,
            ),
            (
                format!(
                    "References\n\nCopyright © 2019 Lindqvist. Open access.\n\n{}\nCopyright © 2019 Lindqvist.\n",
                    &refs[11..]
                ),
                2,
            ),
        ];
        for (text, want_ref_lines) in cases {
            let lines = clean_lines(&text);
            let segments = segment(&lines);
            let count: usize = segments
                .iter()
                .filter(|s| s.kind == SectionKind::References)
                .map(|s| {
                    lines[s.lines.clone()]
                        .iter()
                        .filter(|l| !l.is_blank())
                        .count()
                })
                .sum();
            assert_eq!(count, want_ref_lines, "{text}");
        }
    }

    #[test]
    fn widget_headings_open_their_own_sections() {
        let cases = [
            ("People also looked at", SectionKind::Related),
            ("People also read", SectionKind::Related),
            ("Similar articles", SectionKind::Related),
            ("Cited by", SectionKind::CitedBy),
        ];
        for (heading, want) in cases {
            let text =
                format!("Title\nIntroduction\nText.\n{heading}\nAn Invented Related Title\n");
            let kinds: Vec<SectionKind> = segment(&clean_lines(&text))
                .into_iter()
                .map(|s| s.kind)
                .collect();
            assert_eq!(kinds.last(), Some(&want), "{heading}");
        }
    }

    #[test]
    fn side_box_headings_count_only_when_marked_up() {
        // (page text, section kinds wanted)
        let cases: &[(&str, &[SectionKind])] = &[
            (
                "Title\nAbstract\nText.\n## Results\nMore.\n## Metrics\nTotal article views: 3\n",
                &[
                    SectionKind::Header,
                    SectionKind::Abstract,
                    SectionKind::Body,
                    SectionKind::Footer,
                ],
            ),
            // A plain "Metrics" line is a tab label over the article.
            (
                "Article\nMetrics\nTitle\nAbstract\nText.\n",
                &[SectionKind::Header, SectionKind::Abstract],
            ),
        ];
        for (text, want) in cases {
            let kinds: Vec<SectionKind> = segment(&clean_lines(text))
                .into_iter()
                .map(|s| s.kind)
                .collect();
            assert_eq!(kinds, *want, "{text:?}");
        }
    }

    #[test]
    fn a_reference_list_without_a_heading() {
        let entry = |n: usize| {
            format!(
                "{n}A. Author, Invented Lett. 20{n:02}, {n}, 1{n}.\nCrossRef |\nPubMed |\nWeb of Science® Times Cited: 1{n} |\nADS\n"
            )
        };
        let list: String = (1..=6).map(entry).collect();
        let short: String = (1..=3).map(entry).collect();
        let cases = [
            // Six entries with their labels under prose: a reference list, and a
            // "References" footer link with a copyright year is none.
            (
                format!(
                    "Title\nAbstract\nWe asked. They answered.\n\nPlease note: the supporting information is the authors'.\n{list}\nReferences\nCopyright © 1999 - 2016 Invented Inc.\n"
                ),
                vec![
                    SectionKind::Header,
                    SectionKind::Abstract,
                    SectionKind::References,
                    SectionKind::Other,
                ],
            ),
            // Three entries are too few.
            (
                format!("Title\nAbstract\nWe asked. They answered.\n{short}"),
                vec![SectionKind::Header, SectionKind::Abstract],
            ),
        ];
        for (text, want) in cases {
            let lines = clean_lines(&text);
            let segments = segment(&lines);
            let kinds: Vec<SectionKind> = segments.iter().map(|s| s.kind).collect();
            assert_eq!(kinds, want, "{text}");
            if let Some(list) = segments.iter().find(|s| s.kind == SectionKind::References) {
                assert!(
                    lines[list.lines.start].text.starts_with("1A. Author"),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn menus_of_section_names_are_not_headings() {
        let text = "Quick Links\nAbstract\nIntroduction\nReferences\nTitle\nAbstract\nText.\nReferences\n1. A.";
        let kinds: Vec<SectionKind> = segment(&clean_lines(text))
            .into_iter()
            .map(|s| s.kind)
            .collect();
        assert_eq!(
            kinds,
            vec![
                SectionKind::Header,
                SectionKind::Abstract,
                SectionKind::References
            ]
        );
    }

    #[test]
    fn a_heading_repeated_right_after_a_menu_opens_its_section() {
        // A page's "Other sections" menu runs straight into the article's own abstract
        // heading and its first label: the repeated names are headings, not menu.
        let cases = [
            (
                "Title\nAbstract\nBackground\nMethods\nReferences\nAbstract\nBackground\nWe asked many invented people. They answered well.\nReferences\n1. A.",
                vec![
                    SectionKind::Header,
                    SectionKind::Abstract,
                    SectionKind::References,
                ],
            ),
            (
                "Title\nAbstract\nIntroduction\nResults\nIntroduction\nWe asked. They answered.\nReferences\n1. A.",
                vec![
                    SectionKind::Header,
                    SectionKind::Body,
                    SectionKind::References,
                ],
            ),
            (
                // The menu's own entries the table does not know stand between known ones.
                "Title\nOther sections\nAbstract\nBackground\nCase report\nDiscussion\nConsent\nAuthor's notes\nReferences\nAbstract\nBackground\nWe asked many invented people. They answered well.\nCase report\nA text.\nReferences\n1. A.",
                vec![
                    SectionKind::Header,
                    SectionKind::Abstract,
                    SectionKind::References,
                ],
            ),
            (
                "Title\nAbstract\nIntroduction\nResults\nTitle again\nAbstract\nText.\nReferences\n1. A.",
                vec![
                    SectionKind::Header,
                    SectionKind::Abstract,
                    SectionKind::References,
                ],
            ),
        ];
        for (text, want) in cases {
            let kinds: Vec<SectionKind> = segment(&clean_lines(text))
                .into_iter()
                .map(|s| s.kind)
                .collect();
            assert_eq!(kinds, want, "{text}");
        }
    }

    #[test]
    fn a_sidebar_abstract_entry_with_prose_below_is_still_header() {
        // The sidebar's "Abstract" entry, more entries, then the title, byline and a
        // copyright sentence; the real abstract follows.
        let text = "Journal Menu\nAbstract\nFull-Text PDF\nFull-Text HTML\nLinked References\nInvented Title of an Invented Study\nMei Lindqvist and Dara Okafor\nCopyright © 2014 Mei Lindqvist et al. This is an open access article. It may be shared.\nAbstract\nWe measured invented things. They behaved well in every invented case.\n1. Introduction\nText.\n";
        let lines = clean_lines(text);
        let segments = segment(&lines);
        let header = &segments[0];
        assert_eq!(header.kind, SectionKind::Header);
        let header_text: Vec<&str> = lines[header.lines.clone()]
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert!(
            header_text.contains(&"Mei Lindqvist and Dara Okafor"),
            "{header_text:?}"
        );
    }

    #[test]
    fn a_short_abstract_before_related_abstracts_is_the_real_one() {
        // The article's own two-sentence abstract wraps onto a short last line; the
        // related-article list below has abstracts of its own.
        let text = "Menu\nInvented Title\nMei Lindqvist and Dara Okafor\nAbstract\nThe first invented synthesis of a made-up compound is reported here. The key step\nwas a cyclization done cheaply.\nIntroduction\nBody text.\nRelated Articles\nOther Invented Title\nAbstract\nA related study of invented things was done. It showed invented results. They held.\n";
        let lines = clean_lines(text);
        let segments = segment(&lines);
        let header_text: Vec<&str> = lines[segments[0].lines.clone()]
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert!(header_text.contains(&"Invented Title"), "{header_text:?}");
        assert!(
            !header_text.contains(&"Introduction") && !header_text.contains(&"Body text."),
            "{header_text:?}"
        );
        assert_eq!(segments[1].kind, SectionKind::Abstract);
    }

    #[test]
    fn every_structured_abstract_keeps_its_labels() {
        // A sidebar's short structured abstract, then the article's own.
        let text = "Abstract\nBackground\nShort.\nTitle line\nAbstract\nBackground\nPain is common. It costs a lot.\nMethods\nWe asked. They answered.\nBackground\nBody text.";
        let kinds: Vec<(SectionKind, Option<String>)> = segment(&clean_lines(text))
            .into_iter()
            .map(|s| (s.kind, s.heading))
            .collect();
        assert_eq!(
            kinds.last(),
            Some(&(SectionKind::Body, Some("Background".into())))
        );
        assert_eq!(
            kinds[kinds.len() - 2],
            (SectionKind::Abstract, Some("Abstract".into()))
        );
    }

    #[test]
    fn lower_casing_gives_each_character_a_byte_or_more() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let lower: usize = c.to_lowercase().map(char::len_utf8).sum();
            assert!(lower >= 1, "{c:?}");
        }
    }

    #[test]
    fn related_article_headings() {
        for heading in ["People also read", "Related research", "More like this"] {
            let text = format!(
                "Title\nAbstract\nText of an invented abstract.\n{heading}\nAn invented other study\n"
            );
            let kinds: Vec<SectionKind> = segment(&clean_lines(&text))
                .into_iter()
                .map(|s| s.kind)
                .collect();
            assert_eq!(
                kinds,
                [
                    SectionKind::Header,
                    SectionKind::Abstract,
                    SectionKind::Related
                ],
                "{heading}"
            );
        }
    }

    #[test]
    fn abstract_headings_in_other_languages() {
        for heading in ["Résumé", "Zusammenfassung", "Resumen", "RÉSUMÉ"] {
            let text = format!("Title\n{heading}\nText of an invented abstract.\n");
            let kinds: Vec<SectionKind> = segment(&clean_lines(&text))
                .into_iter()
                .map(|s| s.kind)
                .collect();
            assert_eq!(
                kinds,
                [SectionKind::Header, SectionKind::Abstract],
                "{heading}"
            );
        }
    }

    #[test]
    fn article_information_under_an_abstract_or_keywords_ends_them() {
        let cases = [
            // Publication details under an abstract (IEEE Xplore).
            (
                "Title of an invented article\n\nAbstract:\n\nWe study invented feeders. The scheme works.\nPublished in: Invented Transactions on Feeders ( Volume: 7, Issue: 3, May 2022)\nPage(s): 1412 - 1425\nDate of Publication: 14 February 2022\n",
                SectionKind::Abstract,
                "Published in: Invented Transactions on Feeders ( Volume: 7, Issue: 3, May 2022)",
            ),
            // The article's short citation under its abstract (JMIR).
            (
                "Title of an invented article\n\nAbstract\n\nWe study invented feeders. The scheme works.\nInvent Mhealth 2022;10(4):e34567\ndoi:10.5555/34567\n",
                SectionKind::Abstract,
                "Invent Mhealth 2022;10(4):e34567",
            ),
            // An information panel under the keywords (Cambridge Core).
            (
                "Title of an invented article\n\nKeywords\n\n  • irrigation;\n  • trust;\n\nType\nResearch Article\nInformation\nInvented Review, Volume 14, Issue 2\n",
                SectionKind::Keywords,
                "Type",
            ),
        ];
        for (text, ended, first_info_line) in cases {
            let lines = crate::clean::clean_lines(text);
            let segments = segment(&lines);
            let kinds: Vec<SectionKind> = segments.iter().map(|s| s.kind).collect();
            assert_eq!(
                kinds,
                [SectionKind::Header, ended, SectionKind::ArticleInfo],
                "{text}"
            );
            assert_eq!(
                lines[segments[2].lines.start].text, first_info_line,
                "{text}"
            );
        }
    }

    #[test]
    fn short_citation_lines() {
        let cases = [
            ("JMIR Mhealth Uhealth 2022;10(4):e34567", true),
            ("Invent Med 2019 Mar;12(3):211-219", true),
            ("J Invent Res 2020 Jun 12;21(6):e13456.", true),
            ("Results: fatigue fell (P<.001); 21% of days: fewer", false),
            ("Fatigue fell in 2022;10 of 12 sites: e.g. London", false),
            ("Trial Registration: ClinicalTrials.gov NCT04812345;", false),
            ("Ann Surg. 2005 Jul; 242(1):92-100.", false),
            ("Gastrointest Endosc 2004 Feb; 59(2):225-32.", false),
        ];
        for (text, want) in cases {
            assert_eq!(is_citation_line(text), want, "{text}");
        }
    }

    /// Headings of the publishers' chrome that the dev corpus lacks (SAGE, Cambridge,
    /// IEEE Xplore, ACM DL) open the part they name.
    #[test]
    fn platform_headings() {
        let cases = [
            ("Funding Agency:", Some(SectionKind::Funding)),
            ("Supporting Information", Some(SectionKind::Other)),
            ("Funding Agencies", Some(SectionKind::Funding)),
            ("Author Tags", Some(SectionKind::Keywords)),
            ("RESUMO", Some(SectionKind::Abstract)),
            ("Palavras-chave:", Some(SectionKind::Keywords)),
            ("Palabras clave:", Some(SectionKind::Keywords)),
            ("Author Keywords", Some(SectionKind::Keywords)),
            ("Recommended", Some(SectionKind::Related)),
            ("Recommendations", Some(SectionKind::Related)),
            (
                "Information, rights and permissions",
                Some(SectionKind::ArticleInfo),
            ),
            ("Information & Contributors", Some(SectionKind::ArticleInfo)),
            ("Save article to Kindle", Some(SectionKind::Other)),
            ("CCS Concepts:", Some(SectionKind::Other)),
            // A menu item of one word stays text.
            ("History", None),
        ];
        for (text, want) in cases {
            assert_eq!(known_heading(text), want, "{text}");
        }
    }

    #[test]
    fn heading_keys_drop_numbering() {
        let cases = [
            ("2. Methods", "methods"),
            ("II. RESULTS", "results"),
            ("Keywords:", "keywords"),
            ("Acknowledgements", "acknowledgements"),
            ("3.2 Data availability", "data availability"),
            (".5 Funding", "funding"),
            ("iv. Discussion", "discussion"),
            ("Ivory Coast studies", "ivory coast studies"),
            ("V Results", "v results"),
            ("Methods and results", "methods and results"),
        ];
        for (text, want) in cases {
            assert_eq!(heading_key(text), want);
            assert_eq!(
                known_heading(text),
                HEADING_KINDS.get(heading_key(text).as_str()).copied()
            );
        }
    }
}
