//! The reference list split into entries, and the page's "cited by" and "related" lists.
//!
//! A list is numbered ("1. ...", "`[1] ...`") or not. Numbered entries are split where the
//! next expected number starts a line; unnumbered ones at link-residue lines ("CAS PubMed
//! Google Scholar") or, for one-entry-per-line sources, at each line. Blank lines inside
//! an entry (page breaks) are ignored; a line broken after a dash joins without a space.

use super::Page;
use super::dates::parse_date;
use super::locator::{is_journal_name, parse_locator};
use super::reference::{parse_owned_reference, parse_reference};
use super::text::{join_lines, joined_span, push_joined};
use crate::clean::{Line, LineKind};
use crate::record::{CitedBy, Record, Reference, Related};
use crate::rules;
use crate::segment::SectionKind;
use regex::Regex;
use std::sync::LazyLock;

/// A year as references print it.
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:1[6-9]|20)\d{2}\b").expect("year regex"));

/// "Article Open access 21 March 2022", "Chapter © 2022": the type and date line closing a
/// related item.
static RELATED_META: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<type>[A-Z][A-Za-z &]{2,40}?)(?:\s+Open access)?\s+(?:©\s*)?(?P<date>(?:\d{1,2} [A-Z][a-z]+ )?\d{4})$").expect("related regex")
});

/// "Stem Cell Research & Therapy (2023)": the container and year closing a cited-by item.
static CONTAINER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<container>.{2,200}?)\s*\((?P<year>\d{4})\)$").expect("container regex")
});

/// The container (trimmed) and year of a cited-by line that [`CONTAINER_YEAR`] matches.
/// The common case, ASCII digits in the brackets after two to 200 characters on one line,
/// is read without the regex (which has to find the lazy container's end a character at a
/// time); only a line that ends with a bracket and is not that case is searched.
fn container_and_year(text: &str) -> Option<(&str, &str)> {
    if !text.ends_with(')') {
        return None;
    }
    let bytes = text.as_bytes();
    let plain = bytes.len() >= 6
        && bytes[bytes.len() - 6] == b'('
        && bytes[bytes.len() - 5..bytes.len() - 1]
            .iter()
            .all(u8::is_ascii_digit);
    if plain {
        let before = &text[..text.len() - 6];
        let container = before.trim_end();
        if (2..=200).contains(&container.chars().count()) && !container.contains('\n') {
            return Some((container.trim(), &text[text.len() - 5..text.len() - 1]));
        }
    }
    let caps = CONTAINER_YEAR.captures(text)?;
    let container = caps.name("container")?.as_str().trim();
    Some((container, caps.name("year")?.as_str()))
}

/// One entry of a reference list before parsing.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RawReference {
    pub number: Option<u32>,
    pub raw: String,
    pub links: Vec<&'static str>,
}

/// The share of the printed reference list a list from the metadata must hold to be kept.
const META_LIST_MIN_SHARE: f64 = 0.8;

/// Fills the references.
///
/// A list the metadata gave (`citation_reference` tags) gives way to the printed list when
/// it holds less than four fifths of the printed entries: some sites tag only
/// part of their list. A list that misses only a few entries (untagged books and web
/// pages) is kept for its structured fields.
pub fn extract_reference_list(record: &mut Record, page: &Page<'_>) {
    let mut lines: Vec<&Line> = Vec::new();
    for segment in page.sections(SectionKind::References) {
        let section = page.lines_of(segment);
        // A "References" menu entry or tab opens a section with no year in it: no list.
        if section.iter().any(|l| YEAR.is_match(&l.text)) {
            lines.extend(section);
        }
    }
    if lines.is_empty() {
        return;
    }
    let span = joined_span(lines.iter().copied());
    let printed = split_reference_list(&lines);
    let tagged = record.references.len() as f64;
    if tagged >= META_LIST_MIN_SHARE * printed.len() as f64 {
        return;
    }
    record.references.clear();
    record.references.reserve(printed.len());
    for raw in printed {
        let mut reference = parse_owned_reference(raw.raw);
        reference.number = raw.number;
        reference.links = raw.links.iter().map(|l| (*l).to_owned()).collect();
        record.references.push(reference);
    }
    if !record.references.is_empty() {
        record.note_source("references", "text", span);
    }
}

/// Splits the lines of a reference section into entries.
pub fn split_reference_list(lines: &[&Line]) -> Vec<RawReference> {
    let content: Vec<&Line> = lines.iter().copied().filter(|l| !l.is_blank()).collect();
    let relabelled = close_bare_labels(&content);
    let content: Vec<&Line> = match &relabelled {
        Some(lines) => lines.iter().collect(),
        None => content,
    };
    let reattached = reattach_detached_labels(&content);
    let content: Vec<&Line> = match &reattached {
        Some(lines) => lines.iter().collect(),
        None => content,
    };
    let numbered = content
        .iter()
        .find(|l| l.kind != LineKind::LinkResidue)
        .and_then(|l| label_of(&l.text))
        .is_some_and(|(n, _)| n <= 1);
    let mut entries = if numbered {
        split_numbered(&content)
    } else {
        split_unnumbered(&content)
    };
    let mut residue_labels = ResidueLabels::default();
    for entry in &mut entries {
        drop_joined_residue(entry, &mut residue_labels);
    }
    entries
}

/// Link labels still at the end of an entry once its lines are joined, where no single
/// line showed them whole: a text browser or a PDF wrapped a label across lines
/// ("… e28870 [FREE Full" / "text] [CrossRef] [Medline]"). A DOI that a PDF's link gave
/// after the labels ("[FREE Full text] doi:10.…") goes back before them.
fn drop_joined_residue(entry: &mut RawReference, residue_labels: &mut ResidueLabels) {
    let raw = entry.raw.as_str();
    let body_end = match raw.rfind(" doi:") {
        Some(at) if !raw[at + 1..].contains(' ') => at,
        _ => raw.len(),
    };
    let (kept, Some(residue)) = split_glued_residue(&raw[..body_end]) else {
        return;
    };
    let kept_end = kept.trim_end().len();
    residue_labels.add_to(&mut entry.links, residue);
    entry.raw.replace_range(kept_end..body_end, "");
}

/// A list whose labels are set in an element of their own without a period (Atypon's
/// Literatum pages: `<div class="label">1</div>`) prints each as a bare number alone on its
/// line, above its entry. A bare number alone is no label elsewhere (a PDF's page number),
/// so only numbers that run 1, 2, 3, … through the whole list, at least three of them and
/// never two in a row, are read as labels: they are given their period. `None` when the
/// list has no such run.
fn close_bare_labels(lines: &[&Line]) -> Option<Vec<Line>> {
    let bare = |line: &Line| {
        let text = line.text.trim();
        ((1..=4).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse::<u32>().ok())
            .flatten()
    };
    let mut expected = 1;
    let mut previous_bare = false;
    for line in lines {
        match bare(line) {
            Some(n) if n == expected && !previous_bare => {
                expected += 1;
                previous_bare = true;
            }
            Some(_) => return None,
            None => previous_bare = false,
        }
    }
    if expected <= 3 || previous_bare {
        return None;
    }
    Some(
        lines
            .iter()
            .map(|&line| match bare(line) {
                Some(n) => Line {
                    text: format!("{n}."),
                    ..line.clone()
                },
                None => line.clone(),
            })
            .collect(),
    )
}

/// Text taken from a PDF may print a list's labels apart from its entries, as a column of
/// its own read first ("1." … "8.", then the eight entries without them). Each run of two
/// or more labels alone on their lines, in sequence, is given back to the entries that
/// follow it, when those split ([`starts_like_reference`]) into exactly as many as there
/// are labels. `None` when the list has no such run.
fn reattach_detached_labels(lines: &[&Line]) -> Option<Vec<Line>> {
    let label_alone = |line: &Line| {
        label_of(&line.text)
            .filter(|&(_, end)| end >= line.text.len())
            .map(|(n, _)| n)
    };
    // Nearly every list has no such run: it is looked for before anything is copied.
    let has_run = lines
        .windows(2)
        .any(|pair| label_alone(pair[0]).is_some_and(|n| label_alone(pair[1]) == Some(n + 1)));
    if !has_run {
        return None;
    }
    let mut out: Vec<Line> = Vec::new();
    let mut changed = false;
    let mut i = 0;
    while i < lines.len() {
        let Some(first) = label_alone(lines[i]) else {
            out.push(lines[i].clone());
            i += 1;
            continue;
        };
        let mut run = 1;
        while lines
            .get(i + run)
            .and_then(|l| label_alone(l))
            .is_some_and(|n| n == first + run as u32)
        {
            run += 1;
        }
        if run < 2 {
            out.push(lines[i].clone());
            i += 1;
            continue;
        }
        // The entries: the lines up to the next label in sequence (or a few past it,
        // when entries were lost).
        let next = first + run as u32;
        let block_end = (i + run..lines.len())
            .find(|&j| {
                label_of(&lines[j].text).is_some_and(|(n, _)| (next..=next + 3).contains(&n))
            })
            .unwrap_or(lines.len());
        let mut block = &lines[i + run..block_end];
        // The entry before the labels goes on under them, a page turned ("… A scoping
        // review of the" / "28." … "38." / "existing conceptual frameworks …").
        while let (Some(first_line), Some(previous)) = (block.first(), out.last_mut()) {
            if !first_line.text.starts_with(char::is_lowercase) {
                break;
            }
            push_joined(&mut previous.text, &first_line.text);
            previous.end = first_line.end;
            block = &block[1..];
        }
        let strict = split_block(block, starts_like_reference);
        let entries = if strict.len() == run {
            strict
        } else {
            let loose = split_block(block, starts_like_entry_loosely);
            if loose.len() == run { loose } else { strict }
        };
        // Entries lost to the layout (two merged into one) cost their own numbers only:
        // a quarter of the run at most, and the last entry keeps the run's last number so
        // that the list goes on in sequence.
        if entries.len() > run || entries.len() * 4 < run * 3 {
            out.extend(lines[i..i + run].iter().map(|&l| l.clone()));
            i += run;
            continue;
        }
        for (k, entry) in entries.iter().enumerate() {
            let number = if k + 1 == entries.len() {
                first + run as u32 - 1
            } else {
                first + k as u32
            };
            let joined = join_lines(entry.iter().copied());
            let [start, end] = joined.span.unwrap_or([entry[0].start, entry[0].end]);
            out.push(Line {
                text: format!("{number}. {}", joined.text),
                kind: LineKind::Text,
                start,
                end,
            });
        }
        changed = true;
        i = block_end;
    }
    changed.then_some(out)
}

/// The lines of a block split into entries where `starts` says a line opens one.
fn split_block<'l>(block: &[&'l Line], starts: fn(&str, &str) -> bool) -> Vec<Vec<&'l Line>> {
    let mut entries: Vec<Vec<&Line>> = Vec::new();
    for &line in block {
        let previous = entries
            .last()
            .and_then(|e| e.last())
            .map(|l| l.text.as_str());
        match entries.last_mut() {
            Some(entry) if previous.is_some_and(|p| !starts(&line.text, p)) => entry.push(line),
            _ => entries.push(vec![line]),
        }
    }
    entries
}

/// Whether a line may open an entry when names alone do not tell: the line above ended
/// one and this one opens with a capital ("The Invented Standard Set. [http://…]").
fn starts_like_entry_loosely(line: &str, previous: &str) -> bool {
    starts_like_reference(line, previous)
        || previous.ends_with(['.', ')', ']']) && line.starts_with(|c: char| c.is_uppercase())
}

/// A reference label at the start of a line: "12. ", "12) ", "[12] ", "12 ", or a line that
/// is only a label ("12." once a back-link arrow after it is removed). Gives the number and
/// where the text after the label (and its spaces) starts.
///
/// Read by hand, not by a regex: every line of the section is asked, and most are turned
/// away on their first byte. The number has one to four ASCII digits (a longer run is no
/// label).
fn label_of(text: &str) -> Option<(u32, usize)> {
    let bracketed = text.starts_with('[');
    let digits_from = usize::from(bracketed);
    let digits = text[digits_from..]
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let number = text[digits_from..digits_from + digits].parse().ok()?;
    let after_digits = &text[digits_from + digits..];
    // A number glued to the first author's initial ("1G. Surname", "2N.-G. Surname"): a
    // list whose labels were set apart on the page only by layout.
    if !bracketed && is_glued_initial(after_digits) {
        return Some((number, digits));
    }
    // What closes the number: `]` for a bracketed label, `.` or `)` or only spaces else.
    let closer = if bracketed {
        after_digits.strip_prefix(']')?
    } else {
        after_digits
            .strip_prefix(['.', ')'])
            .unwrap_or(after_digits)
    };
    let spaced = closer.trim_start();
    let closed_by_mark = closer.len() < after_digits.len();
    // After a mark: spaces or the end of the line; without one: at least one space.
    let ends_label = if closed_by_mark {
        spaced.len() < closer.len() || closer.is_empty()
    } else {
        spaced.len() < closer.len()
    };
    ends_label.then(|| (number, text.len() - spaced.len()))
}

/// Whether a line labelled with a list number (its text from `end` on) is only labels:
/// nothing after it, or the entry's printed label ("1. 1.", a text dump of HighWire's list
/// number and its own label, each entry's authors a numbered list below it; "4. 22." where
/// the page left entries out and the list renumbers).
fn is_label_alone(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    rest.is_empty()
        || rest.len() <= 6
            && label_of(rest).is_some_and(|(_, e)| e >= rest.len())
            && rest.trim_end().ends_with(['.', ')', ']'])
}

/// Whether `text` starts with an initial and its full stop ("G. …", "N.-G. …").
fn is_glued_initial(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_uppercase)
        && bytes.get(1) == Some(&b'.')
        && matches!(bytes.get(2), Some(b' ' | b'-'))
}

/// Room for the lines that follow an entry's first one (most entries run over two to four
/// lines): its string grows without being copied at each line.
const ENTRY_RESERVE: usize = 256;

/// Splits a numbered list. Some sites print each label on a line of its own and number
/// the authors inside an entry as a list of their own ("3." / "1. Smith AB," / "2. Jones
/// C" / ". 1985 Title..."): there only a label alone on its line starts an entry, and the
/// inner numbers are dropped.
fn split_numbered(lines: &[&Line]) -> Vec<RawReference> {
    let labels_alone = lines
        .iter()
        .find_map(|l| label_of(&l.text).map(|(_, end)| is_label_alone(&l.text, end)))
        .unwrap_or(false);
    let mut out: Vec<RawReference> = Vec::new();
    let mut current: Option<RawReference> = None;
    let mut residue_labels = ResidueLabels::default();
    let mut expected = 1;
    let mut inner_expected = 1;
    // Link residue ends an entry: text after it and before the next label is page chrome
    // (`View Abstract`, `Article tools` after the last entry).
    let mut closed = false;
    for line in lines {
        if line.kind == LineKind::LinkResidue {
            if let Some(cur) = current.as_mut() {
                if !closed {
                    cut_wrapped_label(&mut cur.raw, &line.text);
                }
                residue_labels.add_links(cur, &line.text);
                closed = true;
            }
            continue;
        }
        let mut text = line.text.as_str();
        if let Some((n, end)) = label_of(text) {
            let alone = is_label_alone(text, end);
            // Only the next number in sequence starts an entry; other numbers at the start
            // of a line are page numbers or volumes wrapped onto a new line.
            // `33. 1. D'Andrea LD,` where the other labels stand alone: the label, then
            // the first label of the entry's own author list, on one line.
            let inner_list_follows = || {
                n == expected && label_of(text[end..].trim()).is_some_and(|(inner, _)| inner == 1)
            };
            // After an entry closed by its link residue, a later number goes on with the
            // list where the page left entries out ("3. …" / "View Article" / "22. …"); a
            // number wrapped onto a new line only happens inside an open entry.
            // So does a number a few past the expected one on a new entry after a finished
            // one: the entries between were lost to the page's layout.
            let lost_entries = || {
                n <= expected + 3
                    && current
                        .as_ref()
                        .is_some_and(|c| starts_like_reference(text[end..].trim(), &c.raw))
            };
            let skips_ahead =
                n > expected && !alone && text.len() - end >= 30 && (closed || lost_entries());
            let starts_entry = (n == expected || skips_ahead || (current.is_none() && n > 0))
                && (alone || !labels_alone || inner_list_follows());
            if starts_entry {
                if let Some(done) = current.take() {
                    out.push(done);
                }
                // "1. 22. Witter RL ...": the list's own number, then the printed one.
                // A doubled label alone ("1. 1.") leaves no text.
                let mut rest = if alone { "" } else { text[end..].trim() };
                let marked =
                    |e: &usize| rest[..*e].trim_end().ends_with(['.', ')', ']']) && *e < rest.len();
                let mut next_inner = 1;
                if let Some((inner_n, inner)) = label_of(rest).filter(|(_, e)| marked(e)) {
                    rest = rest[inner..].trim();
                    if labels_alone && inner_n == 1 {
                        next_inner = 2;
                    }
                }
                // An entry on one line may end in its link labels too.
                let (rest, residue) = split_glued_residue(rest);
                let mut raw = String::with_capacity(rest.len() + ENTRY_RESERVE);
                raw.push_str(rest);
                let mut entry = RawReference {
                    number: Some(n),
                    raw,
                    links: Vec::new(),
                };
                if let Some(residue) = residue {
                    residue_labels.add_links(&mut entry, residue);
                }
                current = Some(entry);
                expected = n + 1;
                inner_expected = next_inner;
                closed = residue.is_some();
                continue;
            }
            if labels_alone && n == inner_expected && !alone {
                text = text[end..].trim();
                inner_expected += 1;
            }
        }
        if closed {
            continue;
        }
        let (text, residue) = split_glued_residue(text);
        if let Some(cur) = current.as_mut() {
            push_joined(&mut cur.raw, text);
            if let Some(residue) = residue {
                residue_labels.add_links(cur, residue);
                closed = true;
            }
        }
    }
    out.extend(current);
    out.retain(|r| !r.raw.is_empty());
    out
}

fn split_unnumbered(lines: &[&Line]) -> Vec<RawReference> {
    // (The end of a label a text browser wrapped, "PubMed]" under "… 2007;13:1268. [", is
    // the tail of the residue glued to the line above, not a residue line of its own.)
    let has_link_residue = lines
        .iter()
        .any(|l| l.kind == LineKind::LinkResidue && !closes_wrapped_bracket(&l.text));
    let has_back_links = lines.iter().any(|l| is_back_link_run(&l.text));
    let has_residue = has_link_residue || has_back_links;
    let mut out: Vec<RawReference> = Vec::new();
    let mut current = RawReference::default();
    let mut residue_labels = ResidueLabels::default();
    for line in lines {
        if is_back_link_run(&line.text) {
            // Jump-back links end the entry as link residue does, and carry no label.
            if !current.raw.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.kind == LineKind::LinkResidue {
            if current.raw.is_empty() {
                if let Some(last) = out.last_mut() {
                    residue_labels.add_links(last, &line.text);
                }
            } else {
                cut_wrapped_label(&mut current.raw, &line.text);
                residue_labels.add_links(&mut current, &line.text);
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        // A PDF's running footer read between the entries ("Invented Journal |
        // www.invented.org") is no part of them.
        if is_running_footer(&line.text) {
            continue;
        }
        // `• Questions 0`, `• Links 0`: a short bullet with no year after the entries is
        // the page's menu, and the list has ended.
        let menu_bullet = matches!(line.kind, LineKind::Bullet(_))
            && (!current.raw.is_empty() || !out.is_empty())
            && line.text.chars().count() < 40
            && !YEAR.is_match(&line.text);
        if menu_bullet {
            break;
        }
        // Without residue lines, each list item or line that starts a new entry does; so
        // does a name after an entry closed by its year where only jump-back letters mark
        // the ends (a page break can take the letters with the running lines).
        let may_start =
            !has_residue || (has_back_links && !has_link_residue && ends_with_year(&current.raw));
        let starts_entry = may_start
            && !current.raw.is_empty()
            && (matches!(line.kind, LineKind::Bullet(_))
                || starts_like_reference(&line.text, &current.raw));
        if starts_entry {
            out.push(std::mem::take(&mut current));
        }
        let (text, residue) = split_glued_residue(&line.text);
        if current.raw.is_empty() {
            current.raw.reserve(text.len() + ENTRY_RESERVE);
        }
        push_joined(&mut current.raw, text);
        if let Some(residue) = residue {
            // Residue glued to the entry's last line ends the entry as a residue line does.
            residue_labels.add_links(&mut current, residue);
            out.push(std::mem::take(&mut current));
        }
    }
    if !current.raw.is_empty() {
        out.push(current);
    }
    out
}

/// Whether a line closes a bracket opened on the line above: a `]` before any `[`.
fn closes_wrapped_bracket(text: &str) -> bool {
    text.find(']')
        .is_some_and(|close| text.find('[').is_none_or(|open| close < open))
}

/// Whether an entry ends with its year and a full stop (`…, 2012.`, `…, 2020b.`), as
/// author-year entries with the year last do.
fn ends_with_year(raw: &str) -> bool {
    let Some(body) = raw.trim_end().strip_suffix('.') else {
        return false;
    };
    let body = body
        .strip_suffix(|c: char| c.is_ascii_lowercase())
        .unwrap_or(body);
    let digits = body.len() - body.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    digits == 4 && body[..body.len() - 4].ends_with([' ', ','])
}

/// `a`, `a, b`, `a, b, c`: the links back to each place an entry is cited, one letter
/// per place, that some sites (Copernicus) print on a line of their own after each entry.
fn is_back_link_run(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'a') || bytes.len() > 80 {
        return false;
    }
    let mut expected = b'a';
    for part in text.split(',') {
        match part.trim().as_bytes() {
            [letter] if *letter == expected && expected <= b'z' => expected += 1,
            _ => return false,
        }
    }
    true
}

/// A running footer: a short line that ends, after a bar, with the site's bare host name
/// ("Frontiers in Microbiology | www.frontiersin.org").
fn is_running_footer(text: &str) -> bool {
    static FOOTER_HOST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\S.{0,80} \| (?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}$")
            .expect("running footer regex")
    });
    // Every reference line comes here: only one with the bar runs the pattern.
    text.len() < 120 && text.contains(" | ") && FOOTER_HOST.is_match(text.trim())
}

/// Whether a line begins a new entry in a list without labels or residue: the previous
/// entry ended a sentence and this line opens with a name ("Surname, I." / "Surname I").
fn starts_like_reference(line: &str, previous: &str) -> bool {
    static NAME_START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[A-Z][\p{L}'’-]+(?:\s(?:van|de|der|von|da|di|le|la)\s[A-Z][\p{L}'’-]+)?,?\s(?:[A-Z]\.|[A-Z]{1,3}\b|[A-Z][a-z]+,)|[A-Z]\.\s?(?:[A-Z]\.\s?)*[A-Z][\p{L}'’-]+,)")
            .expect("name start regex")
    });
    // A finished entry ends a sentence or with its locator ("1:229-231", "e7775").
    // So does one that ends with its address (APA's "… https://www.invented.org/report").
    let ended = previous.ends_with(['.', ')', ']'])
        || previous.ends_with(|c: char| c.is_ascii_digit())
        || previous.len() > 400
        || ends_with_address(previous);
    // A group author before the year ("Nordic Lake Monitoring Consortium (2016).",
    // "World Health Organization (2020)."): capitalised words and small ones, then the
    // year in brackets, after a full stop in APA ("Invented Centre. (2018).").
    static GROUP_YEAR_START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z][\p{L}'’-]+(?:\s(?:of|for|and|the|on|in|&|[A-Z][\p{L}'’-]*)){1,7}\.?\s\((?:19|20)\d{2}[a-z]?\)")
            .expect("group author year regex")
    });
    ended && (NAME_START.is_match(line) || GROUP_YEAR_START.is_match(line))
}

/// Whether an entry's text ends with a web address ("… https://doi.org/10.5555/x",
/// "… https:// www.invented.org/guide" once a wrapped address is joined).
fn ends_with_address(text: &str) -> bool {
    let last = text.rsplit(' ').next().unwrap_or("");
    last.len() > 8
        && (last.contains("://") || last.starts_with("www.") || last.starts_with("doi.org/"))
}

/// Splits link labels that follow the end of an entry on its last line
/// ("317:531–538View Article", "41:429-40. PubMed Abstract | Publisher Full Text") from
/// the text before them. The labels must follow a number or closing punctuation.
fn split_glued_residue(text: &str) -> (&str, Option<&str>) {
    let bytes = text.as_bytes();
    // Only the last 100 bytes are searched (from the first character that starts there).
    let tail_start = (text.len().saturating_sub(100)..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let from = tail_start.max(1).min(bytes.len());
    for i in residue_start_candidates(bytes, from) {
        let byte = bytes[i];
        // The entry ends just before: a digit, a dot or a parenthesis, then at most one
        // space, or any run of them before a bracketed label (SciELO's `2014.     [ Links
        // ]`).
        let before_end = if byte == b'[' {
            i - bytes[..i].iter().rev().take_while(|&&b| b == b' ').count()
        } else if bytes[i - 1] == b' ' {
            i - 1
        } else {
            i
        };
        let ends_entry =
            before_end > 0 && matches!(bytes[before_end - 1], b'0'..=b'9' | b'.' | b')');
        if !ends_entry {
            continue;
        }
        let starts_upper = byte.is_ascii() || text[i..].starts_with(char::is_uppercase);
        if starts_upper && rules::is_link_residue(&text[i..]) {
            return (&text[..before_end], Some(&text[i..]));
        }
    }
    (text, None)
}

/// The offsets from `from` on of the bytes that may start link residue: a capital, an
/// ASCII one (`A` to `Z`) or a character of several bytes (its first byte is 0xC0 or
/// more), or the bracket of a bracketed label (`1990. [Google Scholar]`, `[` follows `Z`).
/// Every line of a reference list is searched: eight bytes are tested at a time, and most
/// words hold none.
fn residue_start_candidates(bytes: &[u8], from: usize) -> impl Iterator<Item = usize> + '_ {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let starts = |word: u64| {
        // Below 0x80 a byte plus 0x3F reaches 0x80 from `A` on, plus 0x24 from after `[`
        // on, with no carry into the next byte.
        let low = word & !HIGHS;
        let from_a = low.wrapping_add(ONES * 0x3F) & HIGHS;
        let after_bracket = low.wrapping_add(ONES * 0x24) & HIGHS;
        let ascii_capital = from_a & !after_bracket & !word & HIGHS;
        let lead = word & (word << 1) & HIGHS;
        ascii_capital | lead
    };
    let rest = &bytes[from.min(bytes.len())..];
    let words = rest.chunks_exact(8);
    let tail_at = from + rest.len() - words.remainder().len();
    let in_words = words.enumerate().flat_map(move |(n, chunk)| {
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or([0; 8]));
        let mut mask = starts(word);
        std::iter::from_fn(move || {
            (mask != 0).then(|| {
                let at = mask.trailing_zeros() as usize / 8;
                mask &= mask - 1;
                from + 8 * n + at
            })
        })
    });
    let in_tail =
        (tail_at..bytes.len()).filter(|&i| matches!(bytes[i], b'A'..=b'[') || bytes[i] >= 0xC0);
    in_words.chain(in_tail)
}

/// `… 31:50–53View` then a residue line `Article`: a link label wrapped after its first
/// word, which stayed glued to the entry's end. The word is cut when it and the residue
/// line read as one label.
fn cut_wrapped_label(raw: &mut String, residue_line: &str) {
    let word_start = raw
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map(|(i, _)| i);
    let Some(start) = word_start else { return };
    let ends_entry = raw[..start].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    if !ends_entry || !raw[start..].starts_with(char::is_uppercase) {
        return;
    }
    let joined = format!("{} {}", &raw[start..], residue_line.trim());
    if rules::is_link_residue(&joined) {
        raw.truncate(start);
    }
}

/// The labels of the last link residue read: a page prints the same links after every
/// entry (`CAS  PubMed  Google Scholar`), which are read once, not once per entry.
#[derive(Default)]
struct ResidueLabels {
    text: String,
    labels: Vec<&'static str>,
}

impl ResidueLabels {
    /// Adds the labels of the residue `text` to the links of `reference`.
    fn add_links(&mut self, reference: &mut RawReference, text: &str) {
        self.add_to(&mut reference.links, text);
    }

    /// Adds the labels of the residue `text` to `links`.
    fn add_to(&mut self, links: &mut Vec<&'static str>, text: &str) {
        if self.text != text {
            self.labels = rules::link_residue_labels(text);
            self.text.clear();
            self.text.push_str(text);
        }
        for &label in &self.labels {
            if !links.contains(&label) {
                links.push(label);
            }
        }
    }
}

/// Fills `cited_by` and `related`.
pub fn extract_cited_by_and_related(record: &mut Record, page: &Page<'_>) {
    if record.cited_by.is_empty() {
        for segment in page.sections(SectionKind::CitedBy) {
            record
                .cited_by
                .extend(parse_cited_by(page.lines_of(segment)));
        }
    }
    if record.related.is_empty() {
        for segment in page.sections(SectionKind::Related) {
            record.related.extend(parse_related(page.lines_of(segment)));
        }
    }
}

/// A "cited by" item as kept: link labels at the end of its title go ("… p. 44. CrossRef
/// Google Scholar"), and an item whose title is nothing else is no item.
fn finish_cited_item(mut item: CitedBy) -> Option<CitedBy> {
    let residue_at = item
        .title
        .match_indices(' ')
        .map(|(at, _)| at)
        .find(|&at| crate::rules::is_link_residue(&item.title[at + 1..]));
    if let Some(at) = residue_at {
        item.title.truncate(at);
        item.title.truncate(item.title.trim_end().len());
    }
    let residue_only = crate::rules::is_link_residue(&item.title);
    (!item.title.is_empty() && !residue_only).then_some(item)
}

/// Items of a "cited by" list: a title (bullet and its continuation lines), authors as
/// nested bullets, then "Container (Year)".
fn parse_cited_by(lines: &[Line]) -> Vec<CitedBy> {
    let mut out = Vec::new();
    let mut current: Option<CitedBy> = None;
    for line in lines.iter().filter(|l| !l.is_blank()) {
        match line.kind {
            LineKind::Bullet(1) => {
                out.extend(current.take().and_then(finish_cited_item));
                current = Some(CitedBy {
                    title: line.text.clone(),
                    ..CitedBy::default()
                });
            }
            LineKind::Bullet(_) => {
                if let Some(cur) = current.as_mut() {
                    cur.authors.push(line.text.clone());
                }
            }
            _ => {
                let Some(cur) = current.as_mut() else {
                    continue;
                };
                if let Some((container, year)) = container_and_year(&line.text) {
                    if cur.container_title.is_none() && !cur.authors.is_empty() {
                        cur.container_title = Some(container.to_owned());
                        cur.year = year.parse().ok();
                        continue;
                    }
                }
                if cur.authors.is_empty() && cur.container_title.is_none() {
                    push_joined(&mut cur.title, &line.text);
                }
            }
        }
    }
    out.extend(current.and_then(finish_cited_item));
    out
}

/// Items of a "similar content" / "people also read" list. Sites print them as:
/// - title lines closed by a "Type [Open access] Date" line (Springer Nature);
/// - a bare type label ("Article"), the title, "Name et al.", the journal, its volume line
///   and "Published online: date" (Taylor & Francis);
/// - one bullet an item, the title often twice (an image's text, then the link's).
fn parse_related(lines: &[Line]) -> Vec<Related> {
    let mut out = Vec::new();
    let mut item = RelatedItem::default();
    for line in lines.iter().filter(|l| !l.is_blank()) {
        let text = line.text.trim();
        // The regex wants a capital first and a digit last: most lines skip it.
        let may_be_meta =
            text.starts_with(|c: char| c.is_ascii_uppercase()) && text.ends_with(char::is_numeric);
        if let Some(caps) = may_be_meta.then(|| RELATED_META.captures(text)).flatten() {
            item.date = parse_date(&caps["date"]);
            item.finish(&mut out);
            continue;
        }
        let is_type_label = rules::article_type(text).is_some_and(|_| text.len() <= 30);
        if matches!(line.kind, LineKind::Bullet(1)) || is_type_label {
            item.finish(&mut out);
            if is_type_label {
                continue;
            }
        }
        if let Some(date) = text
            .strip_prefix("Published online:")
            .or_else(|| text.strip_prefix("Published:"))
        {
            item.date = parse_date(date.trim()).or(item.date);
            continue;
        }
        // An image's placeholder ("[978-3-030-]").
        if text.starts_with('[') && text.ends_with(']') && !text.contains(' ') {
            continue;
        }
        if text.contains(" et al") || text.ends_with("et al.") {
            item.title_done = true;
            continue;
        }
        if item.title_done {
            let is_locator = parse_locator(text).is_some()
                || text
                    .get(..6)
                    .is_some_and(|h| h.eq_ignore_ascii_case("volume"));
            if item.container_title.is_none() && !is_locator && is_journal_name(text) {
                item.container_title = Some(text.to_owned());
            }
            continue;
        }
        push_joined(&mut item.title, text);
    }
    item.finish(&mut out);
    out
}

/// Longest title of a related item: longer runs are several items run together.
const MAX_RELATED_TITLE_CHARS: usize = 300;

/// The related item being read.
#[derive(Default)]
struct RelatedItem {
    title: String,
    title_done: bool,
    container_title: Option<String>,
    date: Option<String>,
}

impl RelatedItem {
    /// Ends the item. It is kept when its title has a likely length and something marks
    /// it as an article's card: a date, authors, or the title printed twice. (Menus and
    /// notices that land in a related block have none of these.)
    fn finish(&mut self, out: &mut Vec<Related>) {
        let item = std::mem::take(self);
        let title = item.title.trim();
        // An image's placeholder glued before the title ("[d41586-023] Title").
        let title = match title.strip_prefix('[').and_then(|t| t.split_once("] ")) {
            Some((placeholder, rest)) if !placeholder.contains(' ') => rest,
            _ => title,
        };
        let once = undouble(title);
        let is_card = item.date.is_some() || item.title_done || once.len() < title.len();
        // The block's own opening ("Articles related to the one you are viewing").
        let is_intro = once.to_lowercase().contains("related");
        // A title opens with a capital or digit; lower case is the rest of another line.
        let opens_mid_text = once.starts_with(char::is_lowercase);
        let title = once;
        let words = title.split_whitespace().count();
        if is_card
            && !is_intro
            && !opens_mid_text
            && words >= 3
            && title.chars().count() <= MAX_RELATED_TITLE_CHARS
        {
            out.push(Related {
                title: title.to_owned(),
                container_title: item.container_title,
                date: item.date,
            });
        }
    }
}

/// "Title Title": a text printed twice in a row (an image's text, then the link's) once.
fn undouble(text: &str) -> &str {
    let half = text.len() / 2;
    match (text.get(..half), text.get(half..)) {
        (Some(first), Some(rest)) if rest.starts_with(' ') && first == rest.trim_start() => first,
        _ => text,
    }
}

/// A reference parsed from a raw string with its list number (for tests and tools).
pub fn reference_from_raw(number: Option<u32>, raw: &str) -> Reference {
    let mut reference = parse_reference(raw);
    reference.number = number;
    reference
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_and_year_read_as_the_regex_reads_them() {
        let cases = [
            "Invented Journal of Things (2023)",
            "Invented Journal of Things  (2023)",
            "  Invented Journal (1999)",
            "J (2001)",
            "Jo (2001)",
            "Jo\u{a0}(2001)",
            "X\n (2001)",
            "Line one\nline two (2001)",
            "(2001)",
            " (2001)",
            "Journal (20011)",
            "Journal (201)",
            "Journal (２０２１)",
            "Journal (2021",
            "Journal 2021)",
            "Journal (2021) ",
        ];
        let long = format!("{} (2020)", "a".repeat(200));
        let too_long = format!("{} (2020)", "a".repeat(201));
        for text in cases
            .iter()
            .copied()
            .chain([long.as_str(), too_long.as_str()])
        {
            let by_regex = text
                .ends_with(')')
                .then(|| CONTAINER_YEAR.captures(text))
                .flatten();
            let want =
                by_regex.map(|caps| (caps["container"].trim().to_owned(), caps["year"].to_owned()));
            let got = container_and_year(text).map(|(c, y)| (c.to_owned(), y.to_owned()));
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn residue_start_candidates_are_every_capital_bracket_and_lead_byte() {
        let scalar = |bytes: &[u8], from: usize| -> Vec<usize> {
            (from..bytes.len())
                .filter(|&i| bytes[i].is_ascii_uppercase() || bytes[i] == b'[' || bytes[i] >= 0xC0)
                .collect()
        };
        // Every byte value at every place of a word, and in the bytes after the last word.
        for byte in 0..=255u8 {
            for at in 0..19 {
                let mut bytes = [b'a'; 19];
                bytes[at] = byte;
                for from in [0, 1, 5, 8, 11, 19] {
                    let found: Vec<usize> = residue_start_candidates(&bytes, from).collect();
                    assert_eq!(
                        found,
                        scalar(&bytes, from),
                        "byte {byte:#x} at {at} from {from}"
                    );
                }
            }
        }
        let text = "Sci 2001; 7: 1–9.CAS PubMed [Google Scholar] É";
        assert_eq!(
            residue_start_candidates(text.as_bytes(), 3).collect::<Vec<_>>(),
            scalar(text.as_bytes(), 3)
        );
    }

    #[test]
    fn cited_by_items_lose_trailing_link_labels() {
        let text = "Cited by\n\n  • Lindqvist, Mei 2022. Invented water. Invented Journal, Vol. 12, p. 44. CrossRef Google Scholar\n  • Google Scholar\n  • Okafor, Dara 2023. Invented fees and an Article on them.\n";
        let lines = crate::clean::clean_lines(text);
        let titles: Vec<String> = parse_cited_by(&lines[1..])
            .into_iter()
            .map(|c| c.title)
            .collect();
        assert_eq!(
            titles,
            [
                "Lindqvist, Mei 2022. Invented water. Invented Journal, Vol. 12, p. 44.",
                "Okafor, Dara 2023. Invented fees and an Article on them.",
            ]
        );
    }
    use crate::clean::clean_lines;

    #[test]
    fn reads_related_items_of_each_layout() {
        type Want<'a> = (&'a str, Option<&'a str>, Option<&'a str>);
        let cases: &[(&str, &[Want])] = &[
            (
                "Invented films for packaging\nChapter Open access 03 September 2024\n[978-3-0]\nUnveiling invented algae\n– current trends\nArticle 12 March 2023\nInvented nanoparticles as carriers\nChapter © 2022\n",
                &[
                    ("Invented films for packaging", None, Some("2024-09-03")),
                    (
                        "Unveiling invented algae – current trends",
                        None,
                        Some("2023-03-12"),
                    ),
                    ("Invented nanoparticles as carriers", None, Some("2022")),
                ],
            ),
            (
                "Article\nInvented trends in\nbioplastics\nMei Lindqvist et al.\nInvented Polymer Reviews\nVolume 49, 2009 - Issue 2\nPublished online: 20 Apr 2009\nArticle\nA second invented study\nD. Okafor et al.\nJournal of Invented Food\nPublished online: 6 Dec 2010\n",
                &[
                    (
                        "Invented trends in bioplastics",
                        Some("Invented Polymer Reviews"),
                        Some("2009-04-20"),
                    ),
                    (
                        "A second invented study",
                        Some("Journal of Invented Food"),
                        Some("2010-12-06"),
                    ),
                ],
            ),
            (
                "* Invented plan could end subscriptions Invented plan could end subscriptions\n\n* The dark side of inventing The dark side of inventing\n",
                &[
                    ("Invented plan could end subscriptions", None, None),
                    ("The dark side of inventing", None, None),
                ],
            ),
            // Menus and notices in a related block are no items.
            (
                "* Journals\n* About the invented society\n* Editorial board\n",
                &[],
            ),
            ("No related articles found\nGoogle Scholar\n", &[]),
        ];
        for (text, want) in cases {
            let related = parse_related(&clean_lines(text));
            let got: Vec<Want> = related
                .iter()
                .map(|r| {
                    (
                        r.title.as_str(),
                        r.container_title.as_deref(),
                        r.date.as_deref(),
                    )
                })
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn reads_labels() {
        let cases: &[(&str, Option<(u32, usize)>)] = &[
            ("12. Smith J", Some((12, 4))),
            ("12) Smith J", Some((12, 4))),
            ("[12] Smith J", Some((12, 5))),
            ("[12]  Smith J", Some((12, 6))),
            ("12 Smith J", Some((12, 3))),
            ("12.", Some((12, 3))),
            ("[3]", Some((3, 3))),
            ("1.\u{a0}Smith", Some((1, 4))),
            ("12", None),
            ("12.5 mg", None),
            ("12345. Smith", None),
            ("[12 Smith", None),
            ("[12]Smith", None),
            ("12:3", None),
            ("Smith 12.", None),
            ("1G. Lindqvist, Invented Sci. 2013", Some((1, 1))),
            ("2N.-G. Okafor, Invented Lett.", Some((2, 1))),
            ("3D printing of invented parts", None),
            ("4G.Smith", None),
            ("\u{661}. Smith", None),
            ("1\u{662}. Smith", None),
            ("", None),
        ];
        for (text, want) in cases {
            assert_eq!(label_of(text), *want, "{text:?}");
        }
    }

    fn split(text: &str) -> Vec<(Option<u32>, String, Vec<&'static str>)> {
        let lines = clean_lines(text);
        let refs: Vec<&Line> = lines.iter().collect();
        split_reference_list(&refs)
            .into_iter()
            .map(|r| (r.number, r.raw, r.links))
            .collect()
    }

    #[test]
    fn labels_wrapped_by_a_text_browser_leave_bulleted_entries_apart() {
        let text = "• Moreau AB. A first title. J Invented Res. 2007;13:1268–1270. [\n  PubMed]\n• Okafor D. A book without links. Oslo: Invented Press; 2000. pp. 61–68.\n• Hale E. A third title. J Invented Res. 2005;20 :676–681. [PubMed] [Cross\n  Ref]\n• Rios F. A fourth title. J Invented Res. 2000;85 :1241–1249.\n";
        let got = split(text);
        let raws: Vec<&str> = got.iter().map(|(_, raw, _)| raw.as_str()).collect();
        assert_eq!(
            raws,
            [
                "Moreau AB. A first title. J Invented Res. 2007;13:1268–1270.",
                "Okafor D. A book without links. Oslo: Invented Press; 2000. pp. 61–68.",
                "Hale E. A third title. J Invented Res. 2005;20 :676–681.",
                "Rios F. A fourth title. J Invented Res. 2000;85 :1241–1249.",
            ]
        );
        assert_eq!(got[0].2, ["pubmed"]);
        assert_eq!(got[2].2, ["pubmed", "doi"]);
    }

    #[test]
    fn numbered_lists_survive_page_breaks_and_residue() {
        let text = "1. Dezawa M, Ishikawa H. Bone marrow cells. Science 2005; 309: 314–\n7.\nCAS  PubMed  Google Scholar \n2. Pittenger MF, Mackay AM, Beck SC,\n\n\nMosca JD, et al. Multilineage potential. Science 1999; 284:\n\n143–7.\nPubMed \n";
        assert_eq!(
            split(text),
            vec![
                (Some(1), "Dezawa M, Ishikawa H. Bone marrow cells. Science 2005; 309: 314–7.".to_owned(), vec!["cas", "pubmed", "google_scholar"]),
                (Some(2), "Pittenger MF, Mackay AM, Beck SC, Mosca JD, et al. Multilineage potential. Science 1999; 284: 143–7.".to_owned(), vec!["pubmed"]),
            ]
        );
    }

    #[test]
    fn labels_printed_apart_from_their_entries() {
        let entries = "Lindqvist, M.; Okafor, D. Invented things. Invent. Lett. 1999, 144, 103–113.\nMoreau, J. More invented things in a title that\nwraps. Invent. Lett. 2002, 108, 667–673.\nThe Invented Standard Set. [http://example.org/\nset]\nSilva, A. Last invented thing. Invent. Rev. 2005, 112, 143–154.\n";
        let cases: &[(&str, Vec<Option<u32>>)] = &[
            // A column of labels, then the entries without them, then the list goes on.
            (
                "1.\n2.\n3.\n4.\n",
                vec![Some(1), Some(2), Some(3), Some(4), Some(5)],
            ),
            // One entry more than labels: the labels cannot be placed, the list is read
            // as the page prints it (and goes on at the next numbered entry).
            ("1.\n2.\n3.\n", vec![Some(1), Some(2), Some(3), Some(5)]),
        ];
        for (labels, numbers) in cases {
            let text = format!(
                "{labels}{entries}5. Berg, L. A fifth thing. Invent. Lett. 2010, 1, 1–2.\n"
            );
            let got = split(&text);
            let got_numbers: Vec<Option<u32>> = got.iter().map(|r| r.0).collect();
            assert_eq!(&got_numbers, numbers, "{labels}");
        }
        let got = split(&format!("1.\n2.\n3.\n4.\n{entries}"));
        assert_eq!(
            got[1].1,
            "Moreau, J. More invented things in a title that wraps. Invent. Lett. 2002, 108, 667–673."
        );
        assert!(
            got[2].1.starts_with("The Invented Standard Set."),
            "{}",
            got[2].1
        );
    }

    #[test]
    fn bare_numbers_over_their_entries_are_labels_when_they_run_through_the_list() {
        let entries = [
            "A. Lindqvist, D. Okafor, Invented things. Invent. Lett. 144, 103–113 (1999).",
            "J. Moreau, More invented things. Invent. Lett. 108, 667–673 (2002).",
            "A. Silva, Last invented thing. Invent. Rev. 112, 143–154 (2005).",
        ];
        let with_labels = |labels: [&str; 3]| {
            labels
                .iter()
                .zip(entries)
                .map(|(label, entry)| format!("{label}\n{entry}\nCrossref\n"))
                .collect::<String>()
        };
        type Case = ([&'static str; 3], Vec<Option<u32>>, usize);
        let cases: [Case; 3] = [
            // Each entry under its bare number: three entries, numbered, labels gone.
            (["1", "2", "3"], vec![Some(1), Some(2), Some(3)], 0),
            // Numbers out of sequence are page numbers or data, not labels: kept.
            (["1", "7", "3"], vec![], 1),
            (["2", "3", "4"], vec![], 1),
        ];
        for (labels, numbers, kept) in cases {
            let text = with_labels(labels);
            let got = split(&text);
            if numbers.is_empty() {
                // Not read as labels: some entry still holds a bare number.
                let holding = got
                    .iter()
                    .filter(|r| labels.iter().any(|l| r.1.starts_with(&format!("{l} "))))
                    .count();
                assert!(holding >= kept, "{labels:?}: {got:?}");
            } else {
                let got_numbers: Vec<Option<u32>> = got.iter().map(|r| r.0).collect();
                assert_eq!(got_numbers, numbers, "{labels:?}");
                for (reference, entry) in got.iter().zip(entries) {
                    assert_eq!(reference.1, entry, "{labels:?}");
                }
            }
        }
    }

    #[test]
    fn entries_across_a_page_turned_under_a_column_of_labels() {
        // Entry 2 goes on under the labels of the next page; entries are lost to the
        // layout (two of three labels placed), and the list goes on past the gap.
        let text = "1. Lindqvist M: A first invented study. Invent Lett 2001, 3:1-2.\n2. Okafor D: A study that goes on over the\n3.\n4.\n5.\n6.\nturn of the page. Invent Rev 2002, 5:3-4.\nMoreau J: A third study of invented\nthings, and more. Invent Lett 2003, 6:5-6. The Invented Standard Set. Invented Society, Utopia; 2004.\nSilva A: A study. Invent Lett 2005, 7:1-2.\nBerg L: Another study. Invent Lett 2006, 8:1-2.\n8. Silva A, Berg L: An eighth invented study. Invent Lett 2008, 9:7-8.\n";
        let got = split(text);
        let numbers: Vec<Option<u32>> = got.iter().map(|r| r.0).collect();
        assert_eq!(
            numbers,
            vec![Some(1), Some(2), Some(3), Some(4), Some(6), Some(8)]
        );
        assert_eq!(
            got[1].1,
            "Okafor D: A study that goes on over the turn of the page. Invent Rev 2002, 5:3-4."
        );
    }

    #[test]
    fn glued_residue_is_cut_where_an_entry_ends() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Science 2005; 309: 314–7.CAS PubMed",
                "Science 2005; 309: 314–7.",
                Some("CAS PubMed"),
            ),
            (
                "J Invented Res 2010;3:1-9 Google Scholar",
                "J Invented Res 2010;3:1-9",
                Some("Google Scholar"),
            ),
            (
                "Revista Inventada, v. 38, n. 4, p. 701-710, 2014.     [ Links ]",
                "Revista Inventada, v. 38, n. 4, p. 701-710, 2014.",
                Some("[ Links ]"),
            ),
            (
                "Invented Press (2001) PubMed",
                "Invented Press (2001)",
                Some("PubMed"),
            ),
            // Two spaces, or a word before the label: no entry ends there.
            ("J Res 2010;3:9.  PubMed", "J Res 2010;3:9.  PubMed", None),
            (
                "A study of Article writing",
                "A study of Article writing",
                None,
            ),
            ("Ünder 12. Über alles", "Ünder 12. Über alles", None),
            (
                "Invented Press: Oslo, 1990. [Google Scholar]",
                "Invented Press: Oslo, 1990.",
                Some("[Google Scholar]"),
            ),
            (
                "Tide tables 1990. [12] Other",
                "Tide tables 1990. [12] Other",
                None,
            ),
            ("", "", None),
        ];
        for (text, kept, residue) in cases {
            assert_eq!(split_glued_residue(text), (*kept, *residue), "{text}");
        }
    }

    #[test]
    fn labels_wrapped_across_lines_leave_the_joined_entry() {
        let cases: &[(&str, &str, &[&str])] = &[
            (
                "Okafor R. Pacing. J Invent Res 2021;10(6):e28870 [FREE Full text] [CrossRef] [Medline]",
                "Okafor R. Pacing. J Invent Res 2021;10(6):e28870",
                &["article", "doi", "pubmed"],
            ),
            (
                "Okafor R. Pacing. J Invent Res 2020;133:110105 [FREE Full text] doi:10.5555/ref.3",
                "Okafor R. Pacing. J Invent Res 2020;133:110105 doi:10.5555/ref.3",
                &["article"],
            ),
            (
                "Okafor R. Pacing. J Invent Res 2020;133:110105. doi:10.5555/ref.3",
                "Okafor R. Pacing. J Invent Res 2020;133:110105. doi:10.5555/ref.3",
                &[],
            ),
            // A bracket whose label went to a line of residue of its own.
            (
                "Okafor R. Pacing. J Invent Res 2020;133:110105. [",
                "Okafor R. Pacing. J Invent Res 2020;133:110105.",
                &[],
            ),
            (
                "Okafor R. Full text search in archives. J Invent Res 2020;133:110105",
                "Okafor R. Full text search in archives. J Invent Res 2020;133:110105",
                &[],
            ),
        ];
        for (raw, kept, links) in cases {
            let mut entry = RawReference {
                number: None,
                raw: (*raw).to_owned(),
                links: Vec::new(),
            };
            drop_joined_residue(&mut entry, &mut ResidueLabels::default());
            assert_eq!(entry.raw, *kept, "{raw}");
            assert_eq!(entry.links, *links, "{raw}");
        }
    }

    #[test]
    fn a_list_that_skips_entries_goes_on_after_link_residue() {
        let text = "1. Moreau AB. A first title. J Invented Res. 2001; 12: 34–56.\nGoogle Scholar\n2. Okafor D. A second title. J Invented Res. 2004; 3: 1–9.\nGoogle Scholar\n22. Hale E, Rios F. A third title. J Invented Res. 2010; 3: 1–9.\nGoogle Scholar";
        let got = split(text);
        let numbers: Vec<Option<u32>> = got.iter().map(|r| r.0).collect();
        assert_eq!(numbers, vec![Some(1), Some(2), Some(22)]);
    }

    #[test]
    fn numbers_out_of_sequence_do_not_split() {
        let text = "1. Amado LC. Cardiac repair. Proc Natl Acad Sci U S A 2005; 102:\n11474 Suppl.\n2. Next A. Title. J 2001; 1: 2.";
        let got = split(text);
        assert_eq!(got.len(), 2);
        assert!(got[0].1.ends_with("102: 11474 Suppl."));
    }

    #[test]
    fn labels_alone_on_their_lines_with_numbered_authors() {
        let text = "1. ↵\n1. Moreau AB,\n2. Lindqvist C\n. 1999 A first title. J. Invented Res. 12, 34–56.\n2. ↵\n1. Okafor D\n. 2004 A book of tests. Utopia: Press.\n3.\nHale E, Rios F. Third title. J Invented Res 2010;3:1-9.";
        let got = split(text);
        let raws: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(
            raws,
            vec![
                "Moreau AB, Lindqvist C. 1999 A first title. J. Invented Res. 12, 34–56.",
                "Okafor D. 2004 A book of tests. Utopia: Press.",
                "Hale E, Rios F. Third title. J Invented Res 2010;3:1-9.",
            ]
        );
        assert_eq!(got[2].0, Some(3));
    }

    #[test]
    fn a_doubled_label_alone_with_numbered_authors() {
        // w3m's dump of HighWire references: the list number, then the printed label
        // (its back-link arrow dropped), each author an item of a numbered list.
        let text = "1. 1.\n1. Moreau AB\n(1999) A first title. J. Invented Res. 12:34–56.\nOpenUrlCrossRef\n2. 2.\n1. Okafor D,\n2. Hale E\n(2004) Second title. J. Invented Res. 3:1–9.\nGoogle Scholar";
        let got = split(text);
        let raws: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(
            raws,
            vec![
                "Moreau AB (1999) A first title. J. Invented Res. 12:34–56.",
                "Okafor D, Hale E (2004) Second title. J. Invented Res. 3:1–9.",
            ]
        );
    }

    #[test]
    fn a_renumbered_list_of_labels_alone() {
        // A Markdown conversion renumbers the list where the page left entries out: the
        // list number, then the printed one, the entry on the lines below.
        let text = "1. 1.\n   Moreau AB (1999) A first title. J. Invented Res. 12:34–56.\n   * [Google Scholar](#)\n2. 22.\n   Okafor D (2004) Second title. J. Invented Res. 3:1–9.\n";
        let got = split(text);
        let raws: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(raws.len(), 2, "{raws:?}");
        assert!(raws[1].starts_with("Okafor D (2004)"), "{raws:?}");
    }

    #[test]
    fn a_printed_number_after_the_list_number_goes() {
        let got = split(
            "1. 1. Moreau A. (2007) First title. J Invent. 6: 1–9.\n2. 22. Okafor D. (1999) Second title. J Invent. 2: 3–4.\n3. 2019 Annual report. Utopia: Press; 2020.",
        );
        let raws: Vec<&str> = got.iter().map(|r| r.1.as_str()).collect();
        assert_eq!(
            raws,
            vec![
                "Moreau A. (2007) First title. J Invent. 6: 1–9.",
                "Okafor D. (1999) Second title. J Invent. 2: 3–4.",
                "2019 Annual report. Utopia: Press; 2020.",
            ]
        );
    }

    #[test]
    fn chrome_after_the_last_residue_line_is_no_reference_text() {
        let text = "1. ↵\nMoreau AB. A first title. J Invent 2004;317:531-8.\nOpenUrlCrossRef\n2. ↵\nOkafor D. Second title. Invent Lett 1999;2:1-9.\nOpenUrlFREE Full Text\nView Abstract\nArticle tools";
        let got = split(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].1, "Okafor D. Second title. Invent Lett 1999;2:1-9.");
    }

    #[test]
    fn residue_glued_to_an_entry_is_split_off() {
        let text = "Moreau AB (2004) A first title. J Invent 317:531–538View Article\nOkafor D (1999) Second title. Invent Lett 2:1–9Google Scholar\nHale E: Third title. Invent Rev 2011, 41:429-40. PubMed Abstract | Publisher Full Text";
        let got = split(text);
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].1, "Hale E: Third title. Invent Rev 2011, 41:429-40.");
        assert_eq!(
            got[0].1,
            "Moreau AB (2004) A first title. J Invent 317:531–538"
        );
        assert_eq!(got[0].2, vec!["article"]);
        assert_eq!(got[1].2, vec!["google_scholar"]);
    }

    #[test]
    fn label_joined_to_the_first_author_label_starts_an_entry() {
        // Labels alone on their lines, each author on a labelled line of its own; the
        // PDF text puts one entry's label before its first author's.
        let text = "1.\n1. Lund A,\n2. Berg K\n. 2001 First invented title. J. Invent. 3, 1–9.\nOpenUrlCrossRef\n2. 1. Mori T,\n2. Hale E\n. 2002 Second invented title. J. Invent. 4, 2–8.\nOpenUrlCrossRef\n3.\n1. Okafor N\n. 2003 Third invented title. J. Invent. 5, 3–7.\n";
        let got = split(text);
        let numbers: Vec<Option<u32>> = got.iter().map(|r| r.0).collect();
        assert_eq!(numbers, vec![Some(1), Some(2), Some(3)], "{got:?}");
        assert_eq!(
            got[1].1,
            "Mori T, Hale E. 2002 Second invented title. J. Invent. 4, 2–8."
        );
    }

    #[test]
    fn wrapped_link_label_is_cut_from_the_entry() {
        let text = "1. Lund A (1983) First invented title. J Invent Chem 31:50–53View\nArticle\n2. Berg K (1984) Second invented title. J Invent Chem 32:1–9\nArticle\n3. Mori T (1985) Third invented title about Views\nArticle\n";
        let got = split(text);
        assert_eq!(got.len(), 3, "{got:?}");
        assert_eq!(
            got[0].1,
            "Lund A (1983) First invented title. J Invent Chem 31:50–53"
        );
        assert_eq!(got[0].2, vec!["article"]);
        assert_eq!(got[2].1, "Mori T (1985) Third invented title about Views");
    }

    #[test]
    fn menu_bullets_end_a_bulleted_list() {
        let text = "  • Lund A, Berg K. 2007. First invented title. Invented Physiology 34:897-904\n  • Mori T. 2008. Second invented title. Invented Histology 23:877-882\n\n  • Questions 0\n  • Links 0\n\nAsk a question\n";
        let got = split(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[1].1.ends_with("23:877-882"), "{got:?}");
    }

    #[test]
    fn bracketed_residue_ends_a_one_line_entry() {
        // The last entry on one line, its label glued on, then the page's licence notice.
        let text = "1. Lund, A. First invented title. Invent. Lett. 2010, 3, 1–9.
[Google Scholar] [CrossRef]
2. Berg, K. Invented Handbook; Invented Press: Oslo, 1990. [Google Scholar]
© 2014 by the invented authors; licensee Invented Press.";
        let got = split(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(
            got[1].1,
            "Berg, K. Invented Handbook; Invented Press: Oslo, 1990."
        );
        assert_eq!(got[1].2, vec!["google_scholar"]);
    }

    #[test]
    fn unnumbered_lists_split_at_residue_or_names() {
        let text = "Bianchi G, Borgonovo G (2011) Title one. Histol Histopathol 26:941–951\nArticle Google Scholar\nProckop DJ (1997) Marrow stromal cells. Science 276:71–74\nArticle Google Scholar";
        let got = split(text);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].0, None);
        assert_eq!(got[1].2, vec!["article", "google_scholar"]);
        let text = "Smith, J. (2001). A study. Journal A, 1, 2-3.\nJones, K. (2002). Another\nstudy. Journal B, 4, 5-6.";
        let got = split(text);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn apa_entries_after_an_address_or_with_a_group_author() {
        let text = "Moreau, A., & Okafor, D. (2019). First title. Invented Review, 8(3), 211–230.\nhttps://doi.org/10.5555/ir.2019.0211\nInvented Disaster Centre. (2018). A guide for practitioners. IDC. https://\nwww.idc.example.org/guide\nHale, E., Rios, F., & Lund, A. (2016). Third title. Invented Review, 36(9), 1712–1729.";
        let got = split(text);
        let starts: Vec<&str> = got.iter().map(|r| &r.1[..12]).collect();
        assert_eq!(starts, vec!["Moreau, A., ", "Invented Dis", "Hale, E., Ri"]);
    }

    #[test]
    fn running_footers_between_entries_are_dropped() {
        let cases = [
            ("Frontiers in Limnology | www.invented.org", true),
            ("Invented Journal of Lakes | invented-press.co.uk", true),
            // A reference that ends with an address is an entry's text.
            (
                "Lindqvist, M. (2017). Lakes. Available at: www.invented.org",
                false,
            ),
            (
                "Smith | Jones (2001). Lakes and ice. J. Invent. 1, 2.",
                false,
            ),
            ("Data | https://invented.org/data", false),
        ];
        for (line, want) in cases {
            assert_eq!(is_running_footer(line), want, "{line}");
        }
        let text = "Smith, J. (2001). A study. Journal A, 1, 2-3. doi:\nFrontiers in Limnology | www.invented.org\n10.5555/a.1\nJones, K. (2002). Another study. Journal B, 4, 5-6.";
        let got = split(text);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(!got[0].1.contains("invented.org"), "{got:?}");
    }

    #[test]
    fn group_authors_before_a_year_start_entries() {
        let cases = [
            (
                "Nordic Lake Monitoring Consortium (2016). Annual Report. Umea: NLMC.",
                true,
            ),
            ("World Council of Invented Health (2020b). Report.", true),
            ("Report on Lake Ice Phenology 2015. Umea: NLMC.", false),
            ("Invent. J. 6 (2012), 1998–2008.", false),
            ("Lake Ice (2016) as a topic", true),
        ];
        for (line, want) in cases {
            assert_eq!(
                starts_like_reference(line, "Smith, J. (2001). A study. J. Invent. 1, 2-3."),
                want,
                "{line}"
            );
        }
        // Not after an entry that has not ended.
        assert!(!starts_like_reference(
            "Nordic Lake Monitoring Consortium (2016). Report.",
            "Smith, J. (2001). A study of"
        ));
    }

    #[test]
    fn back_link_letters_end_unnumbered_entries() {
        // (page text, entries wanted)
        let cases: &[(&str, &[&str])] = &[
            (
                "Berg, T. and Okafor, D.: Lake ice, J. Invented Limnol., 4, 1–9, 2010.\n\na, b\n\nLindqvist, M.: River\nfog, Invented Res., 2, 3–4, 2011.\n\na\n",
                &[
                    "Berg, T. and Okafor, D.: Lake ice, J. Invented Limnol., 4, 1–9, 2010.",
                    "Lindqvist, M.: River fog, Invented Res., 2, 3–4, 2011.",
                ],
            ),
            // Letters lost at a page break: a name after the year starts the next entry.
            (
                "Berg, T.: Lake ice, 2010.\na\nOkafor, D.: Fog, 2011.\nAbara, S.: Rain, in:\nLindqvist, M.: Weather, 2012b.\na\n",
                &[
                    "Berg, T.: Lake ice, 2010.",
                    "Okafor, D.: Fog, 2011.",
                    "Abara, S.: Rain, in: Lindqvist, M.: Weather, 2012b.",
                ],
            ),
            (
                "Berg, T.: Lake ice, 2010.\na, b, c\nOkafor, D.: Fog, 2011.\na\nAbara, S.: Rain,\n2012.\n",
                &[
                    "Berg, T.: Lake ice, 2010.",
                    "Okafor, D.: Fog, 2011.",
                    "Abara, S.: Rain, 2012.",
                ],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<String> = split(text).into_iter().map(|r| r.1).collect();
            assert_eq!(got, *want, "{text:?}");
        }
        for (raw, want) in [
            ("Fog, 2011.", true),
            ("Fog, 2020b.", true),
            ("Fog, 12011.", false),
            ("Fog 2011", false),
            ("2011.", false),
        ] {
            assert_eq!(ends_with_year(raw), want, "{raw:?}");
        }
        for (line, want) in [
            ("a", true),
            ("a, b, c", true),
            ("b", false),
            ("a, c", false),
            ("a b", false),
            ("", false),
        ] {
            assert_eq!(is_back_link_run(line), want, "{line:?}");
        }
    }
}
