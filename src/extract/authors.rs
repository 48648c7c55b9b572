//! Authors and affiliations: the header byline (which may be cut with "…"), the "Author
//! information" section (affiliation blocks with their members, the complete author
//! list) and the correspondence line, merged so that no author is dropped.

use super::Page;
use super::names::split_given_family;
use super::text::{join_lines, push_joined};
use crate::clean::{Line, LineKind};
use crate::record::{Affiliation, Author, Record};
use crate::rules;
use crate::segment::SectionKind;
use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// One name of a byline, with the labels printed after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BylineName {
    pub name: String,
    pub labels: Vec<String>,
    pub corresponding: bool,
    pub orcid: Option<String>,
    /// Affiliations printed under the name (pages that list each author with notes).
    pub affiliation_notes: Vec<String>,
}

/// A parsed byline: names in order, and whether the list was cut ("…").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Byline {
    pub names: Vec<BylineName>,
    pub truncated: bool,
    /// The last name was joined with "and" or "&".
    pub joined_with_and: bool,
}

static ORCID: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{4}-\d{4}-\d{4}-\d{3}[\dX])\b").expect("orcid regex"));

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").expect("email regex")
});

/// "Correspondence to Jun Park or Ai-ling Wu." / "Corresponding author: X" /
/// "Correspondence: Jun Park (jun@example.org) and Ai-ling Wu (...)".
static CORRESPONDENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\*\s*)?(?:correspondence (?:to|should be addressed to)|correspondence\s*:|corresponding authors?|address correspondence to)\s*:?\s*(?P<names>.+)$")
        .expect("correspondence regex")
});

/// A numbered list item: "1. Text".
static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>\d{1,3})[.)]\s+(?P<text>.+)$").expect("numbered regex"));

/// An affiliation line with a leading label: "1 Department of ...", "a Institute ...", and
/// the label as text dumps print a superscript: "^1Department of ...".
static LABELLED_AFFILIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\^?(?P<id>\d{1,2}|[a-z]|[*†‡§]|[IVX]{1,4})[.)]?\s*(?P<text>\p{Lu}.{10,})$")
        .expect("labelled affiliation regex")
});

/// Whether `text` starts as every match of [`LABELLED_AFFILIATION`] does (a caret, a digit,
/// a lower-case letter or a mark), so the regex runs on no other line.
fn may_be_labelled_affiliation(text: &str) -> bool {
    text.starts_with(|c: char| {
        c.is_numeric() || c.is_ascii_lowercase() || matches!(c, '^' | '*' | '†' | '‡' | '§')
    })
}

/// Whether [`LABELLED_AFFILIATION`] matches `text`.
fn is_labelled_affiliation(text: &str) -> bool {
    labelled_affiliation(text).is_some()
}

/// [`LABELLED_AFFILIATION`]'s captures of `text`. A roman numeral labels an affiliation
/// only as a superscript ("^IIInstituto …", SciELO): a capital I, V or X before a
/// capital is a word's start otherwise ("IBM Research").
fn labelled_affiliation(text: &str) -> Option<regex::Captures<'_>> {
    let caps = may_be_labelled_affiliation(text)
        .then(|| LABELLED_AFFILIATION.captures(text))
        .flatten()?;
    let roman = caps["id"].starts_with(['I', 'V', 'X']);
    (!roman || text.starts_with('^')).then_some(caps)
}

/// A label printed on a line of its own before its affiliation: "1", "^1", "(1)", "a".
fn label_alone(text: &str) -> Option<&str> {
    let text = text.trim();
    let text = text.strip_prefix('^').unwrap_or(text);
    let text = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text);
    let digits = !text.is_empty()
        && text.len() <= 2
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || "*†‡§".contains(c));
    let letter = text.len() == 1 && text.chars().all(|c| c.is_ascii_lowercase());
    (digits || letter).then_some(text)
}

/// An ordered-list number alone on its line ("1."): the item's text follows on the next
/// line, as text dumps print a list of affiliations.
fn is_bare_list_number(text: &str) -> bool {
    let text = text.trim();
    text.len() <= 4
        && text.ends_with('.')
        && text.len() > 1
        && text[..text.len() - 1].chars().all(|c| c.is_ascii_digit())
}

/// Whether `id` is the label expected at position `next` (1-based) of a list labelled
/// with numbers ("1", "2") or letters ("a", "b").
fn is_expected_label(id: &str, next: u32) -> bool {
    if let Ok(n) = id.parse::<u32>() {
        return n == next;
    }
    let mut chars = id.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_lowercase() => u32::from(c) - u32::from('a') + 1 == next,
        _ => false,
    }
}

/// The list position a label stands for ("3" and "c" are both the third).
fn label_position(id: &str) -> Option<u32> {
    id.parse::<u32>().ok().or_else(|| {
        let mut chars = id.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_ascii_lowercase() => Some(u32::from(c) - u32::from('a') + 1),
            _ => None,
        }
    })
}

/// Fills authors and affiliations.
pub fn extract_authors(record: &mut Record, page: &Page<'_>) {
    let header_lines = page.first(SectionKind::Header).map(|h| page.lines_of(h));
    let (header_byline, byline_end) = match page.header_byline() {
        Some((_, end, byline)) => (Some(byline.clone()), Some(*end)),
        None => (None, None),
    };
    // Names printed each with its affiliation run in ("Mei Lin University of Utopia, ...").
    let inline = header_lines.map_or_else(Vec::new, inline_affiliated_authors);
    // A clean byline (names only) that shares no name with them wins: the run-in "names"
    // were words before an institution ("Jiangsu Key Laboratory").
    let byline_keys: Vec<String> = header_byline
        .iter()
        .flat_map(|b| &b.names)
        .map(|n| name_key(&n.name))
        .collect();
    let clean_byline = header_byline.as_ref().is_some_and(|b| {
        b.names.len() >= 2 && b.names.iter().all(|n| !names_an_institution(&n.name))
    });
    let shared = inline
        .iter()
        .any(|(name, _, _)| byline_keys.contains(&name_key(name)));
    // One name before an institution is too little to tell ("King Abdullah University").
    let use_inline = inline.len() >= 2 && (shared || !clean_byline);
    let (header_byline, byline_end) = if use_inline {
        let names = inline
            .into_iter()
            .map(|(name, affiliation, orcid)| BylineName {
                name,
                labels: Vec::new(),
                corresponding: false,
                orcid,
                affiliation_notes: vec![affiliation],
            })
            .collect();
        let byline = Byline {
            names,
            ..Byline::default()
        };
        (Some(byline), None)
    } else {
        (header_byline, byline_end)
    };
    let info = parse_author_information(page);
    // What the page's metadata filled: its authors keep their own links, and only the
    // affiliations read here are linked to the names printed here.
    let authors_from_text = record.authors.is_empty();
    let affiliations_from_text = record.affiliations.is_empty();

    if record.affiliations.is_empty() && !use_inline {
        record.affiliations = if info.affiliations.is_empty() {
            header_lines
                .zip(byline_end)
                .map_or_else(Vec::new, |(lines, end)| header_affiliations(lines, end))
        } else {
            info.affiliations.clone()
        };
    }
    let mut header_byline = header_byline;
    if let Some(byline) = header_byline.as_mut() {
        unglue_letter_labels(&mut byline.names, &record.affiliations);
    }
    // One affiliation printed under a byline whose marks name none: every author's.
    let mut shared: Option<String> = None;
    let noted_byline = header_byline
        .iter()
        .flat_map(|b| &b.names)
        .any(|n| !n.affiliation_notes.is_empty());
    if record.affiliations.is_empty() && !use_inline && !noted_byline {
        let found = header_lines
            .zip(byline_end)
            .and_then(|(lines, end)| shared_header_affiliation(lines, end));
        if let Some(affiliation) = found {
            shared = Some(affiliation.id.clone());
            record.affiliations.push(affiliation);
        }
    }
    // A list of unlabelled affiliations under a byline without labels, one item per
    // name: each name's, in order; under a single name, every item is its own.
    if record.affiliations.is_empty() && !use_inline && !noted_byline {
        if let Some(byline) = header_byline.as_mut() {
            // Footnote marks ("†") may stand for notes; numbers and letters would be the
            // affiliations' labels.
            let unlabelled = !byline.names.is_empty()
                && byline
                    .names
                    .iter()
                    .flat_map(|n| &n.labels)
                    .all(|l| !l.chars().any(char::is_alphanumeric));
            let listed = header_lines
                .zip(byline_end)
                .filter(|_| unlabelled)
                .map(|(lines, end)| listed_affiliations(lines, end))
                .unwrap_or_default();
            if let [only] = byline.names.as_mut_slice() {
                only.affiliation_notes.extend(listed);
            } else if listed.len() == byline.names.len() {
                for (name, text) in byline.names.iter_mut().zip(listed) {
                    name.affiliation_notes.push(text);
                }
            }
        }
    }
    // Affiliations printed under each name give the list and the links at once.
    let mut noted: Vec<(String, Vec<String>)> = Vec::new();
    if record.affiliations.is_empty() {
        for name in header_byline.iter().flat_map(|b| &b.names) {
            let mut ids = Vec::new();
            for text in &name.affiliation_notes {
                let id = match record.affiliations.iter().find(|a| &a.text == text) {
                    Some(existing) => existing.id.clone(),
                    None => {
                        let id = (record.affiliations.len() + 1).to_string();
                        record.affiliations.push(parse_affiliation(&id, text));
                        id
                    }
                };
                ids.push(id);
            }
            noted.push((name_key(&name.name), ids));
        }
    }

    if record.authors.is_empty() {
        let header_names = header_byline
            .as_ref()
            .map(|b| b.names.clone())
            .unwrap_or_default();
        let header_order: Vec<String> = header_names.iter().map(|n| n.name.clone()).collect();
        let header_cut = header_byline.as_ref().is_some_and(|b| b.truncated);
        // The complete list leads when the header list is cut or shorter; names only one
        // list has are kept, in their place.
        let (lead, other) = if header_cut || info.names.len() > header_order.len() {
            (info.names.clone(), header_order)
        } else {
            (header_order, info.names.clone())
        };
        let mut order = merge_name_lists(lead, &other);
        // The labelled byline over the affiliation list names the authors too.
        let info_byline: Vec<String> = info.bylines.iter().map(|n| n.name.clone()).collect();
        order = merge_name_lists(order, &info_byline);
        order = merge_name_lists(order, &info.groups);
        for name in order {
            let (given, family) = if is_group_name(&name) && !is_person_name(&name) {
                (None, None)
            } else {
                split_given_family(&name)
            };
            record.authors.push(Author {
                name,
                given,
                family,
                ..Author::default()
            });
        }
        if !record.authors.is_empty() {
            record.note_source("authors", "text", None);
        }
    }
    // Authors from the metadata without affiliations take the links the printed byline
    // gives their names.
    if authors_from_text || affiliations_from_text {
        let header_names: &[BylineName] = header_byline.as_ref().map_or(&[], |b| &b.names);
        let unlinked = |a: &&mut Author| authors_from_text || a.affiliations.is_empty();
        for author in record.authors.iter_mut().filter(unlinked) {
            let key = name_key(&author.name);
            if let Some(h) = header_names.iter().find(|h| name_key(&h.name) == key) {
                author.corresponding |= h.corresponding;
                if author.orcid.is_none() {
                    author.orcid.clone_from(&h.orcid);
                }
                for id in h
                    .labels
                    .iter()
                    .flat_map(|l| label_ids(l, &record.affiliations))
                {
                    if !author.affiliations.contains(&id) {
                        author.affiliations.push(id);
                    }
                }
            }
            let info_bylines = if use_inline {
                &[][..]
            } else {
                &info.bylines[..]
            };
            for printed in info_bylines.iter().filter(|n| name_key(&n.name) == key) {
                for id in printed
                    .labels
                    .iter()
                    .flat_map(|l| label_ids(l, &record.affiliations))
                {
                    if !author.affiliations.contains(&id) {
                        author.affiliations.push(id);
                    }
                }
            }
            if let Some(id) = &shared {
                let in_byline = header_names.iter().any(|h| name_key(&h.name) == key);
                if in_byline && author.affiliations.is_empty() {
                    author.affiliations.push(id.clone());
                }
            }
            for (key_noted, ids) in &noted {
                if *key_noted == key {
                    for id in ids {
                        if !author.affiliations.contains(id) {
                            author.affiliations.push(id.clone());
                        }
                    }
                }
            }
            let members_of = if use_inline {
                &[][..]
            } else {
                &info.members[..]
            };
            for (id, members) in members_of {
                if members.iter().any(|m| name_key(m) == key) && !author.affiliations.contains(id) {
                    author.affiliations.push(id.clone());
                }
            }
        }
    }
    // Marks the byline prints (correspondence, ORCID) hold whatever filled the names.
    let byline_names: &[BylineName] = header_byline.as_ref().map_or(&[], |b| &b.names);
    for author in &mut record.authors {
        let key = name_key(&author.name);
        if info.corresponding.iter().any(|c| name_key(c) == key) {
            author.corresponding = true;
        }
        if let Some(printed) = byline_names.iter().find(|n| name_key(&n.name) == key) {
            author.corresponding |= printed.corresponding;
            if author.orcid.is_none() {
                author.orcid.clone_from(&printed.orcid);
            }
        }
        author
            .affiliations
            .sort_by_key(|id| id.parse::<u32>().unwrap_or(u32::MAX));
    }
    super::author_cards::link_author_cards(record, page);
    fill_orcids_and_emails(record, page);
}

/// The ORCID iD a line holds (a bare iD or a link).
pub(crate) fn orcid_in(text: &str) -> Option<String> {
    ORCID.find(text).map(|m| m.as_str().to_owned())
}

/// The affiliation ids a byline label stands for. Superscripts printed side by side run
/// together in a text dump ("Stacey45"): a number no affiliation has, whose digits each are
/// one, is those digits.
fn label_ids(label: &str, affiliations: &[Affiliation]) -> Vec<String> {
    let known = |id: &str| affiliations.iter().any(|a| a.id == id);
    if known(label) {
        return vec![label.to_owned()];
    }
    let mut digits: Vec<String> = label.chars().map(String::from).collect();
    let split = digits.len() > 1
        && label.chars().all(|c| c.is_ascii_digit())
        && digits.iter().all(|d| known(d));
    if !split {
        return Vec::new();
    }
    digits.dedup();
    digits
}

/// Letter labels glued to the names ("Mei Lina,*" for "Mei Lin" of affiliation a, then
/// "Jun Parkb,c"): only the page's own labels tell them from the name's last letter. When
/// the affiliations are labelled with letters, every name ends with one of them and some
/// name has no label of the list, the last letters are labels.
fn unglue_letter_labels(names: &mut [BylineName], affiliations: &[Affiliation]) {
    let is_letter_id = |id: &str| id.len() == 1 && id.chars().all(|c| c.is_ascii_lowercase());
    if affiliations.is_empty() || !affiliations.iter().all(|a| is_letter_id(&a.id)) {
        return;
    }
    let known = |label: &str| affiliations.iter().any(|a| a.id == label);
    let glued = |name: &str| name.chars().last().map(String::from).filter(|c| known(c));
    let unlabelled = names.iter().any(|n| !n.labels.iter().any(|l| known(l)));
    if names.len() < 2 || !unlabelled || !names.iter().all(|n| glued(&n.name).is_some()) {
        return;
    }
    for name in names {
        if let Some(label) = glued(&name.name) {
            name.name.pop();
            name.labels.insert(0, label);
        }
    }
}

/// Merges two lists of the same authors: `lead` keeps its order, and a name only `other`
/// has goes right after the name it follows there.
fn merge_name_lists(mut lead: Vec<String>, other: &[String]) -> Vec<String> {
    let mut previous: Option<usize> = None;
    for name in other {
        let key = name_key(name);
        match lead.iter().position(|n| name_key(n) == key) {
            Some(pos) => previous = Some(pos),
            None => {
                let at = previous.map_or(lead.len(), |p| p + 1);
                lead.insert(at, name.clone());
                previous = Some(at);
            }
        }
    }
    lead
}

/// Finds the byline: the first run of lines (bullets or plain lines) that reads as a list
/// of person names. Gives its start, its end (exclusive) and the parsed names.
pub fn find_byline(lines: &[Line]) -> Option<(usize, usize, Byline)> {
    // Every candidate run is read; the one with the most names wins (menus and sidebars
    // can look like a short byline).
    let mut best: Option<(usize, usize, Byline)> = None;
    let mut start = 0;
    while start < lines.len() {
        // A line right under one that stops mid-phrase ("… Mechanism Based on") goes on
        // with that line (a wrapped title): no byline starts there.
        let continues_above = start.checked_sub(1).is_some_and(|i| {
            let above = &lines[i];
            above.kind == LineKind::Text && rules::ends_mid_phrase(&above.text)
        });
        // A line right above a label that opens the byline ("Authors") is the title's.
        let label_below = lines
            .get(start + 1)
            .is_some_and(|below| opens_byline(&below.text));
        if (continues_above || label_below) && lines[start].kind == LineKind::Text {
            start += 1;
            continue;
        }
        // One name under its label ("Authors", "By") is a byline too: single authors.
        let labelled = start
            .checked_sub(1)
            .is_some_and(|i| is_byline_label(&lines[i].text));
        // Or a name over its author card's link ("Search for this author in:").
        let carded = || {
            lines[start + 1..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|l| is_author_card_link(&l.text))
        };
        // Or a name over a date (a manuscript's title page: title, author, "November 2025").
        let dated = |end: usize| {
            lines[end..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|l| is_month_date_alone(&l.text))
        };
        // Or a name printed twice, close together: the name, then its author card (a
        // "show more details" toggle may stand between them).
        let repeated = |byline: &Byline| {
            let key = name_key(&byline.names[0].name);
            let is_the_name = |l: &Line| {
                parse_byline(&l.text)
                    .is_some_and(|b| b.names.len() == 1 && name_key(&b.names[0].name) == key)
            };
            let mut near = lines[start..].iter().filter(|l| !l.is_blank()).take(4);
            near.next().is_some_and(is_the_name) && near.any(is_the_name)
        };
        // Or a name set as a list item right under the title heading (a page's byline
        // block holding one author).
        let under_title = matches!(lines[start].kind, LineKind::Bullet(1))
            && lines[..start]
                .iter()
                .rev()
                .find(|l| !l.is_blank())
                .is_some_and(|l| l.kind == LineKind::Heading(1));
        match byline_at(lines, start) {
            Some((end, byline))
                if qualifies(&byline)
                    || byline.names.len() == 1
                        && (labelled
                            || under_title
                            || carded()
                            || dated(end)
                            || repeated(&byline)) =>
            {
                let better = best
                    .as_ref()
                    .is_none_or(|(_, _, b)| byline_score(&byline) > byline_score(b));
                if better {
                    best = Some((start, end, byline));
                }
                start = end.max(start + 1);
            }
            _ => start += 1,
        }
    }
    best
}

/// The link under a name on an author card: "Search for this author in:", "View author
/// publications", "Search for more papers by this author".
pub fn is_author_card_link(text: &str) -> bool {
    let lower = text.trim().to_lowercase();
    lower.starts_with("search for") && lower.contains("this author")
        || lower.starts_with("view author publications")
        || lower.starts_with("find this author")
}

fn qualifies(byline: &Byline) -> bool {
    let has_labels = byline
        .names
        .iter()
        .any(|n| !n.labels.is_empty() || n.corresponding);
    byline.names.len() >= 2 || has_labels || byline.truncated
}

/// How much a run reads like a byline: names count, and labels, correspondence marks,
/// affiliation notes and a closing "and" / "&" are what bylines have and menus lack.
fn byline_score(byline: &Byline) -> usize {
    let marked = byline
        .names
        .iter()
        .any(|n| !n.labels.is_empty() || n.corresponding);
    // Affiliations printed under the names: an author list with its cards, not a menu.
    let noted = byline.names.iter().any(|n| !n.affiliation_notes.is_empty());
    byline.names.len() * 2
        + 4 * usize::from(marked)
        + 4 * usize::from(noted)
        + 3 * usize::from(byline.joined_with_and)
        + usize::from(byline.truncated)
}

/// A byline printed as an ordered list ("1. Matthias Labrenz1,"): the list number goes.
/// A byline run in after its label ("Authors: Mei Lin, …", "Author(s):Mei Lin", "By Mei
/// Lin and …"): the label goes too.
fn without_byline_lead(text: &str) -> &str {
    static LIST_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:\d{1,3}\.\s+|(?i:authors?|author\(s\))\s?:\s*|By\s+)")
            .expect("list number regex")
    });
    match LIST_NUMBER.find(text) {
        // "By" leads a name only: "By continuing to browse …" is no byline.
        Some(m) if text.starts_with("By") && !text[m.end()..].starts_with(char::is_uppercase) => {
            text
        }
        Some(m) if !text[m.end()..].trim().is_empty() => &text[m.end()..],
        _ => text,
    }
}

/// A line that opens with the labels of a name on the line before: "1, Dara Okafor1 …".
static LABELS_OPEN_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\d*†‡§]+(?:,[\d*†‡§]+)*,\s+\p{Lu}").expect("labels regex"));

/// A byline line that stops on a given name after "&", "and" or a comma: "… & Jun".
static DANGLING_GIVEN_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:&|\band|,)\s+\p{Lu}[\p{Ll}.-]+\s*$").expect("dangling name regex")
});

/// Reads a byline starting at `start`: bullets or plain lines of names, names broken
/// across lines, and notes printed under each name (skipped). Gives the end of the last
/// line that was part of it and the names.
/// A line that is only a date with at least its month ("November 2025", "6 June 2023").
fn is_month_date_alone(text: &str) -> bool {
    let text = text.trim();
    text.len() <= 30
        && text.bytes().any(|b| b.is_ascii_digit())
        && super::dates::parse_date(text).is_some_and(|date| date.len() >= 7)
}

fn byline_at(lines: &[Line], start: usize) -> Option<(usize, Byline)> {
    let first = &lines[start];
    // A name set as a heading is an author's card only over its card's links.
    let card_heading = || {
        matches!(first.kind, LineKind::Heading(_))
            && lines[start + 1..]
                .iter()
                .find(|l| !l.is_blank())
                .is_some_and(|l| is_author_card_link(&l.text))
    };
    if first.is_blank()
        || !(matches!(first.kind, LineKind::Text | LineKind::Bullet(1)) || card_heading())
    {
        return None;
    }
    let mut accepted = String::new();
    let mut pending = String::new();
    let mut pending_lines = 0;
    let mut skipping = 0usize;
    let mut best: Option<(usize, Byline)> = None;
    // Affiliations printed under names: (index of the name, text).
    let mut notes: Vec<(usize, String)> = Vec::new();
    let mut wrapped_orcids: Vec<(usize, String)> = Vec::new();
    let mut note: Option<String> = None;
    let mut corresponding_at: Vec<usize> = Vec::new();
    let mut annotation_open = false;
    // The last line read was marks only; names accepted so far came one per line.
    let mut after_marks = false;
    let mut accepted_by_line = false;
    // A list of names one per line opens a block of its own, after a blank line; right
    // under another line it is more of a menu ("Dublin Core", "DC Terms").
    let opens_block = start.checked_sub(1).is_none_or(|i| {
        lines[i].is_blank()
            || is_byline_label(&lines[i].text)
            // A print without blank lines: the date line over the names.
            || lines[i].kind == LineKind::Text && is_article_data_line(&lines[i].text)
    });
    let mut end = start;
    let names_so_far =
        |best: &Option<(usize, Byline)>| best.as_ref().map_or(0, |(_, b)| b.names.len());
    // Author cards (a name, then its roles, affiliation and e-mail) run long.
    while end < lines.len() && (end - start < 80 || skipping > 0 && end - start < 600) {
        let line = &lines[end];
        end += 1;
        let listed;
        // An ordered list's item ("3. Henrike Oppermann^1"): one name, as a bullet is.
        let numbered_item = line
            .text
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit())
            && without_byline_lead(&line.text).len() < line.text.len();
        let line = if matches!(line.kind, LineKind::Text | LineKind::Bullet(_))
            && without_byline_lead(&line.text).len() < line.text.len()
        {
            listed = Line {
                text: without_byline_lead(&line.text).to_owned(),
                ..line.clone()
            };
            &listed
        } else {
            line
        };
        // An ORCID link wrapped onto the next line with the list going on after it
        // ("…, Priyanka Sethuraman" / "https://orcid.org/…, Declan Fairweather, …"): the
        // iD is the last name's, and the rest of the line more names.
        let unwrapped;
        let line = match leading_orcid_link(&line.text) {
            Some((orcid, rest)) if best.is_some() && pending.is_empty() => {
                wrapped_orcids.push((names_so_far(&best) - 1, orcid));
                // The comma the link stood before still parts the names.
                unwrapped = Line {
                    text: format!(", {rest}"),
                    ..line.clone()
                };
                &unwrapped
            }
            _ => line,
        };
        if line.is_blank() {
            annotation_open = false;
            if skipping > 0 {
                continue;
            }
            // A blank line between a name and the notes under it ("Corresponding Author",
            // "E-mail: ...") is inside the byline; a share bar ("X", "LinkedIn") is no note.
            let next = lines[end..].iter().find(|l| !l.is_blank());
            let is_note = |text: &str| {
                let text = text.trim();
                rules::is_byline_annotation(text) && !text.starts_with(['X', 'x', '×'])
            };
            if best.is_some() && pending.is_empty() && next.is_some_and(|l| is_note(&l.text)) {
                continue;
            }
            // Names printed one under another with their marks set apart ("Mei Lin",
            // blank, "*", blank, "Dara Okafor"): the marks and the blanks around them are
            // inside the byline.
            let next_is_mark = next.is_some_and(|l| is_mark_line(&l.text));
            // Names one per line may also stand a blank line apart, once two of them are
            // read or the first carries its mark (a title line can look like a name).
            let marked_name = is_name_line(&accepted) && accepted.trim_end().ends_with(is_mark);
            let by_line = accepted_by_line || opens_block && marked_name;
            let resumes = (after_marks || by_line) && next.is_some_and(|l| is_name_line(&l.text));
            if best.is_some() && pending.is_empty() && (next_is_mark || resumes) {
                continue;
            }
            // A byline broken by blank lines mid-list: the labels of the last name open the
            // next line ("Mei Lin" / "1, Dara Okafor1 & Jun"), or a given name waits for
            // its surname ("… & Jun" / "Moreau2").
            let read_so_far = !accepted.is_empty() || !pending.is_empty();
            let previous = lines[start..end - 1].iter().rev().find(|l| !l.is_blank());
            // A bulleted byline whose items stand a blank line apart (a loose list, as
            // HTML and Markdown renderings print `<li>` items): the next item, one name
            // of the same list, goes on.
            let loose_list = previous.zip(next).is_some_and(|(above, below)| {
                matches!(above.kind, LineKind::Bullet(_))
                    && below.kind == above.kind
                    && parse_byline(&below.text).is_some_and(|b| b.names.len() == 1)
            });
            if best.is_some() && pending.is_empty() && loose_list {
                continue;
            }
            let broken = next
                .is_some_and(|l| l.kind == LineKind::Text && LABELS_OPEN_LINE.is_match(&l.text))
                || previous.is_some_and(|l| DANGLING_GIVEN_NAME.is_match(&l.text));
            if read_so_far && broken {
                continue;
            }
            break;
        }
        // A date alone on its line under the names ("November 2025") ends the byline.
        if is_month_date_alone(&line.text) {
            break;
        }
        // The first affiliation's label alone on its line ("^1"), its text unlabelled on
        // the next (or after the other labels, a column of them): the names have ended.
        if best.is_some() && pending.is_empty() && label_alone(&line.text).is_some() {
            let next = lines[end..]
                .iter()
                .find(|l| !l.is_blank() && label_alone(&l.text).is_none());
            if next.is_some_and(|l| {
                !is_labelled_affiliation(&l.text) && looks_like_affiliation(&l.text)
            }) {
                break;
            }
        }
        if best.is_some() && pending.is_empty() && is_mark_line(&line.text) {
            after_marks = true;
            continue;
        }
        after_marks = false;
        if best.is_some() && rules::is_byline_annotation(&line.text) {
            if let Some(text) = note.take() {
                notes.push((names_so_far(&best) - 1, text));
            }
            let lower = line.text.to_lowercase();
            if let Some(rest) = lower.strip_prefix("corresponding author") {
                // The note marks the name above it, unless it names another author
                // ("Corresponding author: Mei Lindqvist mei@…" under the whole list).
                let names = best.as_ref().map_or(&[][..], |(_, b)| &b.names[..]);
                let named = names
                    .iter()
                    .position(|n| rest.contains(&n.name.to_lowercase()));
                corresponding_at.push(named.unwrap_or(names_so_far(&best) - 1));
            }
            // A note that carries its own text ("Correspondence to: Mei Lin, Institute of
            // ...") goes on until a full stop or a blank line; its lines are no affiliation.
            annotation_open = !lower.starts_with("affiliation")
                && line
                    .text
                    .split_once(':')
                    .is_some_and(|(_, rest)| rest.split_whitespace().count() >= 3)
                && !line.text.trim_end().ends_with('.');
            if lower.starts_with("affiliation") {
                // "Affiliation: X" or "Affiliation X".
                let rest = line
                    .text
                    .trim()
                    .split_once([':', ' '])
                    .map_or("", |(_, r)| r.trim_start_matches([':', ' ']).trim());
                note = (!rest.is_empty()).then(|| rest.to_owned());
            }
            skipping = NOTE_LINES;
            continue;
        }
        if skipping > 0 {
            // Running prose ("… a lasting record of science. But over …") ends the notes:
            // the article has begun.
            if SENTENCE_BREAK.is_match(&line.text) {
                break;
            }
            // Inside notes: the next line that is a name on its own resumes the byline.
            if let Some(alone) = parse_byline(&line.text) {
                let known: Vec<String> = best
                    .as_ref()
                    .map(|(_, b)| b.names.iter().map(|n| name_key(&n.name)).collect())
                    .unwrap_or_default();
                // The name just read, printed again over its author card: notes follow.
                let card =
                    alone.names.len() == 1 && known.last() == Some(&name_key(&alone.names[0].name));
                if card {
                    skipping = NOTE_LINES;
                    annotation_open = false;
                    continue;
                }
                if alone
                    .names
                    .iter()
                    .any(|n| known.contains(&name_key(&n.name)))
                {
                    // The list starts over: the page prints it twice.
                    break;
                }
                let candidate = format!("{accepted} • {}", line.text);
                if let Some(byline) = parse_byline(&candidate) {
                    if let Some(text) = note.take() {
                        notes.push((names_so_far(&best) - 1, text));
                    }
                    accepted = candidate;
                    best = Some((end, byline));
                    // Still among names with notes: only names extend the byline now.
                    skipping = NOTE_LINES;
                    annotation_open = false;
                    continue;
                }
            }
            // An ORCID link alone under an affiliation (a link number before it) is no
            // part of it.
            let orcid_link = line.text.contains("orcid.org/")
                && line
                    .text
                    .split_whitespace()
                    .filter(|w| !(w.starts_with('[') && w.ends_with(']')))
                    .count()
                    == 1;
            match note.as_mut() {
                Some(_) if orcid_link => {}
                Some(text) => push_joined(text, &line.text),
                None if annotation_open => {
                    annotation_open = !line.text.trim_end().ends_with('.');
                }
                None if looks_like_affiliation(&line.text) => note = Some(line.text.clone()),
                None => {}
            }
            skipping -= 1;
            if skipping == 0 {
                break;
            }
            continue;
        }
        // A name printed twice in a row (the name, then its author card): the card's
        // lines that follow are notes under the name.
        if let Some((_, byline)) = &best {
            let repeated = parse_byline(&line.text).is_some_and(|alone| {
                alone.names.len() == 1
                    && byline
                        .names
                        .last()
                        .is_some_and(|last| name_key(&last.name) == name_key(&alone.names[0].name))
            });
            if repeated && pending.is_empty() {
                skipping = NOTE_LINES;
                continue;
            }
        }
        // One name alone on a line, then a line listing names: the first line is a title
        // or heading above the byline, not the start of a name broken across lines.
        if pending.is_empty()
            && !accepted.is_empty()
            && !has_separator(&accepted)
            && has_separator(&line.text)
            && line.text.starts_with(char::is_uppercase)
            && line.kind == LineKind::Text
        {
            break;
        }
        let mut candidate = accepted.clone();
        if !pending.is_empty() {
            push_joined(&mut candidate, &pending);
        }
        // A name alone on its line under names alone on theirs: a list, one per line.
        let listed_by_line = opens_block
            && line.kind == LineKind::Text
            && pending.is_empty()
            && !accepted.is_empty()
            && !has_separator(&accepted)
            && is_name_line(&accepted)
            && is_name_line(&line.text);
        let one_per_line = accepted_by_line || listed_by_line;
        if (matches!(line.kind, LineKind::Bullet(_)) || one_per_line || numbered_item)
            && !candidate.is_empty()
        {
            candidate.push_str(" • ");
            candidate.push_str(&line.text);
        } else {
            push_joined(&mut candidate, &line.text);
        }
        match parse_byline(&candidate) {
            Some(byline) => {
                accepted_by_line = one_per_line;
                accepted = candidate;
                pending.clear();
                pending_lines = 0;
                best = Some((end, byline));
            }
            None => {
                // A name broken across lines fails until its second half arrives; a byline
                // that opens with a broken name has a list separator on its first line
                // (else the line is a title or heading just above the names).
                push_joined(&mut pending, &line.text);
                pending_lines += 1;
                if best.is_none() && (pending_lines > 1 || !has_separator(&line.text))
                    || pending_lines > 2
                    || !could_continue(&line.text)
                {
                    break;
                }
            }
        }
    }
    if let Some(text) = note.take() {
        let count = names_so_far(&best);
        if count > 0 {
            notes.push((count - 1, text));
        }
    }
    let (end, mut byline) = best?;
    for index in corresponding_at {
        if let Some(name) = byline.names.get_mut(index) {
            name.corresponding = true;
        }
    }
    for (index, orcid) in wrapped_orcids {
        if let Some(name) = byline.names.get_mut(index) {
            name.orcid.get_or_insert(orcid);
        }
    }
    for (index, text) in notes {
        if let Some(name) = byline.names.get_mut(index) {
            // The close button of an author card ends its last line ("... China ⨯").
            let text = text
                .trim()
                .trim_end_matches(['⨯', '×'])
                .trim_end()
                .trim_end_matches([',', ';']);
            name.affiliation_notes.push(text.to_owned());
        }
    }
    Some((end, byline))
}

/// A line opening with an ORCID link and a comma, more text after it: the iD and the rest.
fn leading_orcid_link(text: &str) -> Option<(String, &str)> {
    if !text.starts_with("http") {
        return None;
    }
    let (link, rest) = text.split_once(' ')?;
    let link = link.strip_suffix(',')?;
    let rest = rest.trim_start();
    if !link.contains("orcid.org/") || rest.is_empty() {
        return None;
    }
    Some((orcid_in(link)?, rest))
}

/// How many lines of notes (affiliations, e-mail, "More by ...") may follow a name before
/// the next name resumes the byline.
const NOTE_LINES: usize = 6;

/// A sentence ending on a lower-case word, then the next one: running prose, never a note
/// under a name ("… of science. But over …").
static SENTENCE_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\p{Ll}{3,}[.?!] \p{Lu}\p{Ll}").expect("sentence break regex"));

/// A label some pages print above the names: `Authors`, `Author(s):`, `By`, `Authors and
/// affiliations`; or the alternative text of a corresponding-author icon before the first
/// name, broken over lines and run into the name's label ("corresponding" / "author1").
/// A label that stands above the author list ("Authors", "By"), unlike the labels printed
/// within it ("Corresponding author").
fn opens_byline(text: &str) -> bool {
    let label = text.trim().trim_end_matches(':').trim_end();
    ["authors", "author(s)", "by", "authors and affiliations"]
        .iter()
        .any(|l| label.eq_ignore_ascii_case(l))
}

pub fn is_byline_label(text: &str) -> bool {
    let label = text
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit() || "*†‡§¶,".contains(c))
        .trim_end_matches(':')
        .trim();
    [
        "authors",
        "author",
        "author(s)",
        "by",
        "corresponding",
        "corresponding author",
        "authors and affiliations",
        "author information",
        "author links open overlay panel",
    ]
    .iter()
    .any(|l| label.eq_ignore_ascii_case(l))
}

/// A line of footnote marks only ("*", "†", "* †"), printed apart from the name it marks.
fn is_mark_line(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text
            .chars()
            .all(|c| is_mark(c) || c.is_whitespace() || c == ',')
}

/// One person's name alone on its line, maybe with its marks.
fn is_name_line(text: &str) -> bool {
    // An ORCID iD or icon after the name ("Mei Lin 0000-0002-1825-0097 *") is no part of it.
    let without_orcid = take_orcid(text.trim()).0;
    let text = without_orcid.trim();
    // Labels in parentheses glued on ("Mei Lin(a1)") are no part of the name either.
    let unlabelled;
    let text = match text
        .rsplit_once(' ')
        .and_then(|(head, last)| Some((head, parenthesised_labels(last)?.0)))
    {
        Some((head, word)) => {
            unlabelled = format!("{head} {word}");
            unlabelled.as_str()
        }
        _ => text,
    };
    let text = text
        .strip_suffix("Email author")
        .or_else(|| text.strip_suffix("email author"))
        .unwrap_or(text);
    let name = text.trim_end_matches(|c: char| is_mark(c) || c.is_whitespace());
    // Capitals only ("FIRST PAGE") read as initials: a menu entry, not a name.
    name.chars().any(char::is_lowercase)
        && !has_separator(name)
        && is_person_name(name)
        && !is_group_name(name)
}

/// Whether a text separates names as bylines do.
fn has_separator(text: &str) -> bool {
    text.contains([',', '&', ';', '•', '∙'])
        || text.contains(" and ")
        || text.contains('·')
            && text
                .char_indices()
                .any(|(at, c)| is_dot_separator(text, at, c))
}

/// A middle dot that parts names ("Mei Lin · Jun Park", Springer's and Cell Press's
/// bylines) rather than joining the letters of one (Catalan "Marcel·lí").
fn is_dot_separator(text: &str, at: usize, c: char) -> bool {
    c == '·'
        && !(text[..at].ends_with(char::is_alphabetic)
            && text[at + c.len_utf8()..].starts_with(char::is_alphabetic))
}

/// A line that may still be inside a byline even though the text so far does not parse.
fn could_continue(text: &str) -> bool {
    text.len() < 400
}

/// Parses a byline such as "Mei Lin1, Hao Zhang2 & Jun Park1,*" or a "•"-separated list.
/// Gives `None` when any part is not a person's name.
pub fn parse_byline(text: &str) -> Option<Byline> {
    let mut byline = Byline {
        joined_with_and: AND.find(text.as_bytes()).is_some() || text.contains('&'),
        ..Byline::default()
    };
    // The corresponding-author icon's text as a text browser prints it after the comma:
    // "Mei Lin,^corresponding author^1 Hao Zhang,^2" is a mark before the labels.
    // Printed from a page, the icon's text stands alone after the comma: "Hao Zhang,
    // corresponding author Jun Park".
    let text = if text.contains("corresponding author") {
        std::borrow::Cow::Owned(
            text.replace("^corresponding author", "^*")
                .replace(", corresponding author ", ",^* "),
        )
    } else {
        std::borrow::Cow::Borrowed(text)
    };
    let normalised = with_commas_between_names(&text);
    for raw_item in normalised.split(',') {
        let item = raw_item.trim();
        if item.is_empty() {
            continue;
        }
        if item == "…" || item == "..." || item.eq_ignore_ascii_case("et al.") {
            byline.truncated = true;
            continue;
        }
        // The e-mail link of a corresponding author: "Tadashi Hatanaka^1Email author".
        let (item, emailed) = match item
            .strip_suffix("Email author")
            .or_else(|| item.strip_suffix("email author"))
        {
            Some(rest) => (rest.trim_end(), true),
            None => (item, false),
        };
        let (mut item, orcid) = take_orcid(item);
        // Labels printed after the comma ("Mei Lin,1 Jun Park,23") are the name's before.
        let leading: Vec<&str> = item
            .split_whitespace()
            .take_while(|w| is_label_word(w))
            .collect();
        // Words after the labels (counted only when there are labels: most items have none).
        let words_after_labels = || item.split_whitespace().count() > leading.len();
        if !leading.is_empty() && words_after_labels() {
            if let Some(last) = byline.names.last_mut() {
                for word in &leading {
                    collect_labels(word, &mut last.labels, &mut last.corresponding);
                }
                item = Cow::Owned(
                    item.split_whitespace()
                        .skip(leading.len())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
            }
        }
        let (name, labels, corresponding) = split_labels(&item);
        let corresponding = corresponding || emailed;
        if name.is_empty() {
            // Labels alone belong to the name before them ("Mei Lin1,2").
            let last = byline.names.last_mut()?;
            last.labels.extend(labels);
            last.corresponding |= corresponding;
            if last.orcid.is_none() {
                last.orcid = orcid;
            }
            continue;
        }
        if !is_person_name(&name) && !is_group_name(&name) {
            // A job title after a name ("Mei Lin, assistant professor1") or its degrees
            // ("Mei Lin^1, PhD", "Jun Park^2, MBBS, MPH"): its labels are the name's.
            let last = byline
                .names
                .last_mut()
                .filter(|_| rules::is_role(&name) || rules::is_degree(&name))?;
            last.labels.extend(labels);
            last.corresponding |= corresponding;
            continue;
        }
        byline.names.push(BylineName {
            name,
            labels,
            corresponding,
            orcid,
            affiliation_notes: Vec::new(),
        });
    }
    (!byline.names.is_empty()).then_some(byline)
}

/// `" and "` between two names, found with a searcher built once (bylines are parsed
/// many times over as the lines that may hold one are joined).
static AND: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(" and "));

/// The byline with `" and "` read as `", "` and `&`, `•`, `∙`, `;` and a middle dot
/// between words (`·`, see [`is_dot_separator`]) as commas, in one copy:
/// `text.replace(" and ", ", ").replace(['&', '•', '∙', ';'], ",")`.
fn with_commas_between_names(text: &str) -> String {
    // A middle dot is rare: only a text holding one is copied with its separators marked.
    let dotted;
    let text = if text.contains('·') {
        dotted = text
            .char_indices()
            .map(|(at, c)| {
                if is_dot_separator(text, at, c) {
                    ';'
                } else {
                    c
                }
            })
            .collect::<String>();
        dotted.as_str()
    } else {
        text
    };
    let mut normalised = String::with_capacity(text.len());
    // The marks found by their bytes: `&` and `;`, and the lead byte of `•` (E2 80 A2)
    // and `∙` (E2 88 99; 0xE2 only ever leads a character).
    let mut push_marks_as_commas = |part: &str| {
        let bytes = part.as_bytes();
        let mut copied = 0;
        for at in memchr::memchr3_iter(b'&', b';', 0xE2, bytes) {
            let mark_len = match bytes[at] {
                b'&' | b';' => 1,
                _ if bytes[at..].starts_with("•".as_bytes()) => "•".len(),
                _ if bytes[at..].starts_with("∙".as_bytes()) => "∙".len(),
                _ => continue,
            };
            normalised.push_str(&part[copied..at]);
            normalised.push(',');
            copied = at + mark_len;
        }
        normalised.push_str(&part[copied..]);
    };
    let mut rest = text;
    while let Some(at) = AND.find(rest.as_bytes()) {
        push_marks_as_commas(&rest[..at]);
        push_marks_as_commas(", ");
        rest = &rest[at + " and ".len()..];
    }
    push_marks_as_commas(rest);
    normalised
}

/// Takes an ORCID iD ("ORCID: orcid.org/0000-0002-1825-0097") out of a byline item, and
/// the text an ORCID icon leaves without one: its alt text as a text browser shows it
/// (`"David Okafor^2*[orcid]"`) or as a print shows it (`"David Okafor2* orcid"`).
fn take_orcid(item: &str) -> (Cow<'_, str>, Option<String>) {
    // Every iD holds hyphens; most byline items hold none and skip the regex. An iD with
    // the icon's text run on after it ("…/0000-0003-4417-8209correspondence", a print of
    // PNAS's byline) has no word boundary for the pattern: it is read after its link.
    let found = item
        .contains('-')
        .then(|| {
            ORCID
                .find(item)
                .map(|m| m.as_str().to_owned())
                .or_else(|| super::author_cards::glued_orcid(item))
        })
        .flatten();
    let Some(orcid) = found else {
        return (without_orcid_icon(item), None);
    };
    let mut kept: Vec<String> = Vec::new();
    for word in item.split_whitespace() {
        if word.trim_end_matches(':').eq_ignore_ascii_case("orcid") {
            continue;
        }
        if word.contains(&orcid) {
            // A name run into its iD's link by a print or a text browser
            // ("Okonjo-Brighthttps://orcid.org/…", "Lee[orcid]https://orcid.org/…") keeps
            // the name.
            let glued = word
                .find("http")
                .or_else(|| word.find("orcid.org"))
                .or_else(|| word.find(&orcid))
                .map_or("", |at| &word[..at]);
            let name = without_orcid_icon(glued);
            if !name.is_empty() {
                kept.push(name.into_owned());
            }
            continue;
        }
        kept.push(word.to_owned());
    }
    (Cow::Owned(kept.join(" ")), Some(orcid))
}

/// The byline item without the text icons leave in a dump: an ORCID icon's alt text,
/// `[orcid]` anywhere (glued to the labels by a text browser) or a word `orcid` alone, and
/// the `[name]` a text browser prints for an image without alt text (its file's name) at
/// a word's start (`"[24]Maja Lindqvist^1"`, a profile photo before each name). Items
/// without `[` or `rcid`/`RCID` (nearly all) are passed through untouched.
fn without_orcid_icon(item: &str) -> Cow<'_, str> {
    // Every byline item is asked: the searchers are built once.
    static LOWER: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("rcid"));
    static UPPER: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("RCID"));
    let bytes = item.as_bytes();
    if !(item.contains('[') || LOWER.find(bytes).is_some() || UPPER.find(bytes).is_some()) {
        return Cow::Borrowed(item);
    }
    let mut kept = String::with_capacity(item.len());
    for word in item.split_whitespace() {
        let mut word = word.to_owned();
        let mut from = 0;
        while let Some(open) = word[from..].find('[').map(|o| from + o) {
            let Some(close) = word[open..].find(']').map(|c| open + c) else {
                break;
            };
            let inner = &word[open + 1..close];
            let icon = inner.eq_ignore_ascii_case("orcid")
                || open == 0 && close + 1 < word.len() && (1..=40).contains(&inner.len());
            if !icon {
                from = close + 1;
                continue;
            }
            word.replace_range(open..=close, "");
            from = open;
        }
        if word.is_empty() || word.eq_ignore_ascii_case("orcid") {
            continue;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(&word);
    }
    Cow::Owned(kept)
}

/// Splits trailing (and leading) affiliation labels and correspondence marks off a name.
fn split_labels(item: &str) -> (String, Vec<String>, bool) {
    let mut corresponding = false;
    let mut labels = Vec::new();
    let mut words: Vec<&str> = item.split_whitespace().collect();
    let mut name_words: Vec<&str> = Vec::new();
    // Leading label-only words belong to the previous name.
    while let Some(first) = words.first() {
        // A lone letter between commas is a label of the name before ("Lu a,c"), and so
        // are roman numerals alone ("Brum^I,III" split at its comma).
        let alone = words.len() == 1;
        if is_label_word(first)
            || alone && (is_letter_label_word(first) || is_roman_label_word(first))
        {
            collect_labels(first, &mut labels, &mut corresponding);
            words.remove(0);
        } else {
            break;
        }
    }
    let mut after_label = false;
    let mut after_caret = false;
    let last = words.len().saturating_sub(1);
    for (index, word) in words.into_iter().enumerate() {
        // The ORCID icon's alternative text after a name or its labels ("Lin^1ORCID",
        // "Lin ORCID", as a text browser prints the linked image; "ORCID logo" goes with
        // the other link labels when the page is cleaned).
        if word == "ORCID" || word == "[ORCID]" {
            continue;
        }
        // Labels in parentheses glued to the name, as Cambridge Core prints them:
        // "Rinchen(a1)", "Verbeke(a3)(a1)", "Rinchen^(a1)".
        if let Some((name, glued)) = parenthesised_labels(word) {
            labels.extend(glued);
            name_words.push(name);
            after_label = true;
            continue;
        }
        let word = word
            .strip_suffix("ORCID")
            .filter(|w| !w.is_empty())
            .unwrap_or(word);
        // The e-mail icon of a corresponding author prints as "mail" (or its alternative
        // text "Email", as Atypon's PNAS byline gives it); the address itself may stand
        // after the name (Cell Press, The Lancet): the author to write to.
        if word == "mail"
            || word == "✉"
            || word.eq_ignore_ascii_case("email")
            || word.eq_ignore_ascii_case("e-mail")
            || is_mail_address(word)
        {
            corresponding = true;
            continue;
        }
        // Letter labels set apart from the name ("Lu a,*,") only end an item: a lone
        // lower-case letter inside a name is a particle ("Ortega y Gasset").
        if is_label_word(word) || (index == last && index > 0 && is_letter_label_word(word)) {
            collect_labels(word, &mut labels, &mut corresponding);
            after_label = true;
            continue;
        }
        // A roman superscript wrapped onto the next word ("Tavares^ I,II").
        if after_caret && is_roman_label_word(word) {
            collect_labels(word, &mut labels, &mut corresponding);
            continue;
        }
        if after_label {
            // Name words after a label: two names run together, or text that is no name.
            return (String::from("\u{0}"), labels, corresponding);
        }
        // A superscript as text dumps print it: "Lu^a,^*", "Zhang^2,3", "Silva^I,II".
        if let Some(at) = word.find('^').filter(|&at| at > 0) {
            let (name, marks) = word.split_at(at);
            let labels_only = marks.chars().all(|c| {
                c.is_ascii_digit() || c.is_ascii_lowercase() || matches!(c, ',' | ')') || is_mark(c)
            }) || is_roman_label_word(marks.trim_matches(is_mark));
            if labels_only && !name.contains(|c: char| c.is_ascii_digit()) {
                // A mark before the superscript: "Doe*^‡".
                let bare = name.trim_end_matches(is_mark);
                collect_labels(&name[bare.len()..], &mut labels, &mut corresponding);
                collect_labels(marks, &mut labels, &mut corresponding);
                name_words.push(bare);
                after_label = true;
                after_caret = marks.ends_with('^');
                continue;
            }
        }
        // Labels glued to the last name: "Wei1", "Shi1*", "Sain1,2", and closed by a
        // parenthesis as J-STAGE prints them ("NISHIMURA1)*").
        let mut trimmed = word.trim_end_matches(|c: char| c.is_ascii_digit() || is_mark(c));
        if trimmed.ends_with(')') {
            let closed =
                trimmed[..trimmed.len() - 1].trim_end_matches(|c: char| c.is_ascii_digit());
            if closed.len() + 1 < trimmed.len() {
                trimmed = closed;
            }
        }
        if trimmed.len() < word.len() {
            collect_labels(&word[trimmed.len()..], &mut labels, &mut corresponding);
            after_label = true;
        }
        if !trimmed.is_empty() {
            name_words.push(trimmed);
        }
    }
    (name_words.join(" "), labels, corresponding)
}

/// A name's last word with its labels in parentheses glued on ("Rinchen(a1)",
/// "Verbeke(a3)(a1)", "Rinchen^(a1)"): the word and the labels. Each label is a short run
/// of letters and digits holding a digit, so a name's own parentheses stay.
fn parenthesised_labels(word: &str) -> Option<(&str, Vec<String>)> {
    let at = word.find('(').filter(|&at| at > 0)?;
    let name = word[..at].trim_end_matches('^');
    let mut rest = &word[at..];
    let mut labels = Vec::new();
    while let Some(inner) = rest.strip_prefix('(') {
        let (label, after) = inner.split_once(')')?;
        let short = (1..=4).contains(&label.len());
        if !short
            || !label.bytes().all(|b| b.is_ascii_alphanumeric())
            || !label.bytes().any(|b| b.is_ascii_digit())
        {
            return None;
        }
        labels.push(label.to_owned());
        rest = after;
    }
    (rest.is_empty() && !name.is_empty()).then_some((name, labels))
}

/// A word that is an e-mail address: `local@host.tld`.
fn is_mail_address(word: &str) -> bool {
    word.split_once('@').is_some_and(|(local, host)| {
        !local.is_empty() && host.contains('.') && !host.starts_with('.') && !host.contains('@')
    })
}

/// A footnote mark. `∗` (U+2217) is the asterisk some typesetters print for the
/// corresponding author (Elsevier's Cell Press pages).
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '*' | '∗' | '†' | '‡' | '§' | '✉' | '#' | '¶' | '^' | '¤' | '⊥' | '∥' | '‖'
    )
}

/// Digits and marks between commas: `1`, `2,3`, `*`, and numbers closed by a parenthesis
/// as J-STAGE prints them: `2)`.
fn is_label_word(word: &str) -> bool {
    let mut previous_digit = false;
    !word.is_empty()
        && word.chars().all(|c| {
            let ok = c.is_ascii_digit() || is_mark(c) || c == ',' || c == ')' && previous_digit;
            previous_digit = c.is_ascii_digit();
            ok
        })
}

/// Single lower-case letters between commas and marks: `a`, `a,*,`, `b,c`, and footnote
/// letters closed by a parenthesis as AIP prints them: `a)`.
fn is_letter_label_word(word: &str) -> bool {
    let mut letters = 0;
    let mut previous_letter = false;
    for c in word.chars() {
        if c.is_ascii_lowercase() {
            if previous_letter {
                return false;
            }
            letters += 1;
            previous_letter = true;
        } else if c == ',' || is_mark(c) || c == ')' && previous_letter {
            previous_letter = false;
        } else {
            return false;
        }
    }
    letters > 0
}

/// Roman numerals between commas and carets, as SciELO labels affiliations: `I`,
/// `I,II`, `^III`.
fn is_roman_label_word(word: &str) -> bool {
    word.split([',', '^']).all(|part| {
        (1..=4).contains(&part.len()) && part.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
    })
}

fn collect_labels(text: &str, labels: &mut Vec<String>, corresponding: &mut bool) {
    let mut digits = String::new();
    // Roman numerals (`I`, `II`) only come here as superscripts: see `is_roman_label_word`.
    let roman = text.contains(['I', 'V', 'X']);
    for c in text.chars().chain(std::iter::once(' ')) {
        if c.is_ascii_digit() || roman && matches!(c, 'I' | 'V' | 'X') {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            labels.push(std::mem::take(&mut digits));
        }
        if c.is_ascii_lowercase() {
            labels.push(c.to_string());
        }
        if matches!(c, '*' | '∗' | '✉') {
            *corresponding = true;
        }
        if matches!(c, '†' | '‡' | '§' | '¶' | '#' | '⊥' | '∥' | '‖') {
            labels.push(c.to_string());
        }
    }
}

/// Whether a string reads as a person's name: 2 to 5 words, each capitalised, an
/// initial, or a name particle, with no word that never occurs in names.
pub fn is_person_name(name: &str) -> bool {
    if name.len() > 60 {
        return false;
    }
    let word_count = name.split_whitespace().count();
    if !(2..=5).contains(&word_count) {
        return false;
    }
    let mut capitalised = 0;
    let mut buf = [0u8; 64];
    for word in name.split_whitespace() {
        let lower = rules::lowercase_in(word, &mut buf);
        let is_initial = word
            .trim_end_matches('.')
            .chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '-');
        if !is_initial && rules::is_not_name_word(lower.trim_end_matches('.')) {
            return false;
        }
        if word.chars().any(|c| {
            c.is_ascii_digit() || matches!(c, '(' | ')' | ':' | '/' | '@' | '|' | '[' | ']')
        }) {
            return false;
        }
        let first = word.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitalised += 1;
        } else if !super::names::NAME_PARTICLES.contains(&lower.as_ref()) {
            return false;
        }
    }
    capitalised >= 2 || word_count == 2 && capitalised >= 1
}

/// Last words of a group author ("the NORTHSTAR Cohort Study Group").
const GROUP_WORDS: &[&str] = &[
    "group",
    "groups",
    "consortium",
    "consortia",
    "collaboration",
    "collaborators",
    "collaborative",
    "investigators",
    "network",
    "committee",
    "team",
    "alliance",
    "initiative",
    "working party",
    "study",
    "program",
    "programme",
    "project",
    "society",
    "association",
];

/// Whether a byline item is a group author.
pub fn is_group_name(name: &str) -> bool {
    if name.len() > 150 {
        return false;
    }
    let (mut word_count, mut capitalised, mut last) = (0, 0, "");
    for word in name.split_whitespace() {
        word_count += 1;
        capitalised += usize::from(word.chars().next().is_some_and(char::is_uppercase));
        last = word;
    }
    if !(2..=14).contains(&word_count) {
        return false;
    }
    let mut buf = [0u8; 64];
    GROUP_WORDS.contains(&rules::lowercase_in(last, &mut buf).as_ref())
        && capitalised >= 2
        && !name.contains(['(', ')', ':'])
}

/// What the "Author information" part of a page gives.
#[derive(Debug, Default)]
struct AuthorInformation {
    affiliations: Vec<Affiliation>,
    /// Affiliation id and the names printed under it.
    members: Vec<(String, Vec<String>)>,
    /// The complete author list, in order, where the page prints one.
    names: Vec<String>,
    /// Group authors listed under "Consortia".
    groups: Vec<String>,
    /// A byline with labels printed above the affiliation list.
    bylines: Vec<BylineName>,
    corresponding: Vec<String>,
}

fn parse_author_information(page: &Page<'_>) -> AuthorInformation {
    let mut info = AuthorInformation::default();
    let mut pending: Vec<&Line> = Vec::new();
    let mut pending_id: Option<String> = None;
    let mut next_id = 1;
    let flush_affiliation = |pending: &mut Vec<&Line>,
                             id: Option<String>,
                             info: &mut AuthorInformation,
                             next_id: &mut u32| {
        if pending.is_empty() {
            return None;
        }
        // A labelled affiliation ends at its country when what follows is no affiliation
        // ("Dates", "Received ..." after the list).
        if id.is_some() {
            let ends_at = (1..pending.len()).find(|&k| {
                let text = join_lines(pending[..k].iter().copied()).text;
                let rest = join_lines(pending[k..].iter().copied()).text;
                ends_at_country(&text) && !looks_like_affiliation(&rest)
            });
            if let Some(k) = ends_at {
                pending.truncate(k);
            }
        }
        let joined = join_lines(pending.iter().copied());
        pending.clear();
        let text = joined.text;
        // A note under a name ("Email author") or a list of names is no affiliation.
        let names = || parse_byline(&text).is_some() && !looks_like_affiliation(&text);
        if text.len() < 8 || rules::is_byline_annotation(&text) || names() {
            return None;
        }
        let id = id.unwrap_or_else(|| next_id.to_string());
        *next_id += 1;
        let mut first = None;
        for (id, text) in split_run_in(&id, &text) {
            // Ids are unique: a label seen again (a list printed twice) adds nothing.
            if text.len() < 8 || info.affiliations.iter().any(|a| a.id == id) {
                continue;
            }
            info.affiliations.push(parse_affiliation(&id, &text));
            first.get_or_insert(id);
        }
        first
    };
    for segment in page.sections(SectionKind::AuthorInfo) {
        let lists_affiliations = segment.heading.as_deref().is_some_and(|h| {
            let h = h.to_lowercase();
            h.contains("affiliation")
                || h.contains("author information")
                || h == "authors"
                || h == "author details"
        });
        let is_consortia = segment.heading.as_deref().is_some_and(|h| {
            h.eq_ignore_ascii_case("consortia") || h.eq_ignore_ascii_case("consortium")
        });
        let mut next_label = 1;
        let mut in_author_cards = false;
        let lines = page.lines_of(segment);
        let mut index = 0;
        while index < lines.len() {
            let line = &lines[index];
            index += 1;
            if line.is_blank() {
                continue;
            }
            if is_consortia {
                if is_group_name(&line.text) {
                    info.groups.push(line.text.clone());
                }
                continue;
            }
            // Every match opens with "c" or "a" (after a star): other lines skip the regex.
            let after_star = line
                .text
                .strip_prefix('*')
                .unwrap_or(&line.text)
                .trim_start();
            let may_name_correspondence = after_star.starts_with(['c', 'C', 'a', 'A']);
            if let Some(names) = may_name_correspondence
                .then(|| correspondence_names(&line.text))
                .flatten()
            {
                info.corresponding.extend(names);
                continue;
            }
            // "Authors" after the affiliation list opens the authors' cards (a name, "View
            // author publications", "Search author on: PubMed"): no affiliations there.
            if line.text == "Authors" && (pending_id.is_some() || !info.affiliations.is_empty()) {
                flush_affiliation(&mut pending, pending_id.take(), &mut info, &mut next_id);
                in_author_cards = true;
                continue;
            }
            if !lists_affiliations
                || in_author_cards
                || line.text == "Authors"
                || line.text.starts_with("Search author on")
                || is_bare_list_number(&line.text)
            {
                continue;
            }
            // A byline with labels at the top of the section ("Authors & Affiliations"
            // above the names and the labelled list).
            if pending.is_empty() && pending_id.is_none() && info.bylines.is_empty() {
                if let Some((end, byline)) = byline_at(lines, index - 1) {
                    if byline.names.iter().any(|n| !n.labels.is_empty()) {
                        info.bylines = byline.names;
                        index = end.max(index);
                        continue;
                    }
                }
            }
            // A label on its own line opens the affiliation printed under it.
            if let Some(label) = label_alone(&line.text) {
                flush_affiliation(&mut pending, pending_id.take(), &mut info, &mut next_id);
                next_label = label_position(label).map_or(next_label, |n| n + 1);
                pending_id = Some(label.to_owned());
                continue;
            }
            // "1 Department ..." when it is the next label of the list: an affiliation even
            // when its words read like names ("6 Consumer Representative, ...").
            let labelled_next = labelled_affiliation(&line.text)
                .filter(|c| is_expected_label(&c["id"], next_label));
            // A line of names closes the affiliation above it.
            if labelled_next.is_none() {
                if let Some(byline) = parse_byline(&line.text) {
                    if !pending.is_empty() {
                        let id = flush_affiliation(
                            &mut pending,
                            pending_id.take(),
                            &mut info,
                            &mut next_id,
                        );
                        if let Some(id) = id {
                            info.members
                                .push((id, byline.names.iter().map(|n| n.name.clone()).collect()));
                        }
                        continue;
                    }
                }
            }
            // "1. Name" or "1. Department ..."; or a labelled line as above.
            // Every match opens with its number: other lines skip the regex.
            let numbered = (line.text.starts_with(char::is_numeric))
                .then(|| NUMBERED.captures(&line.text))
                .flatten()
                .map(|c| (c.name("n"), c.name("text")))
                .or_else(|| labelled_next.map(|c| (c.name("id"), c.name("text"))));
            if let Some((Some(n), Some(text))) = numbered {
                let text = text.as_str().trim();
                // "2. Jun Park": a numbered author list; the notes under the name before
                // ("View author publications") are no affiliation.
                if !text.contains(',') && !looks_like_affiliation(text) && is_person_name(text) {
                    if looks_like_affiliation(&join_lines(pending.iter().copied()).text) {
                        flush_affiliation(&mut pending, pending_id.take(), &mut info, &mut next_id);
                    }
                    pending.clear();
                    pending_id = None;
                    info.names.push(text.to_owned());
                    continue;
                }
                flush_affiliation(&mut pending, pending_id.take(), &mut info, &mut next_id);
                pending_id = Some(n.as_str().to_owned());
                next_label = label_position(n.as_str()).map_or(next_label, |n| n + 1);
            }
            pending.push(line);
        }
        // The last of a numbered list ends with the section; unnumbered text left over
        // with no names under it is no affiliation.
        let run_in = pending_id.as_deref().is_some_and(|id| {
            split_run_in(id, &join_lines(pending.iter().copied()).text).len() > 1
        });
        if run_in {
            // Affiliations in running text: the last ends with the sentence of its country.
            let id = pending_id.take().unwrap_or_default();
            let text = join_lines(pending.iter().copied()).text;
            let mut pieces = split_run_in(&id, &text);
            if let Some(last) = pieces.last_mut() {
                last.1 = cut_after_country(&last.1).to_owned();
            }
            for (id, text) in pieces {
                if text.len() >= 8 && !info.affiliations.iter().any(|a| a.id == id) {
                    info.affiliations.push(parse_affiliation(&id, &text));
                }
            }
        }
        if pending_id.is_some() {
            // It ends at its country; what follows is other article information.
            let ends_at = (1..=pending.len().min(4))
                .find(|&k| ends_at_country(&join_lines(pending[..k].iter().copied()).text));
            // Without a country, it goes on while a line ends mid-phrase.
            let open_lines = 1 + pending
                .iter()
                .take_while(|l| rules::ends_mid_phrase(&l.text))
                .count();
            pending.truncate(ends_at.unwrap_or(open_lines.min(4)));
            let text = join_lines(pending.iter().copied()).text;
            if looks_like_affiliation(&text) {
                flush_affiliation(&mut pending, pending_id.take(), &mut info, &mut next_id);
            }
        }
        pending.clear();
    }
    // Numbered affiliation text lines keep their label out of the text.
    for affiliation in &mut info.affiliations {
        let caps = NUMBERED
            .captures(&affiliation.text)
            .or_else(|| labelled_affiliation(&affiliation.text));
        if let Some(caps) = caps {
            let n = caps
                .name("n")
                .or(caps.name("id"))
                .map_or("", |m| m.as_str());
            if n == affiliation.id {
                let text = caps["text"].to_owned();
                *affiliation = parse_affiliation(&affiliation.id, &text);
            }
        }
    }
    info
}

/// Whether an affiliation's text ends with its country ("..., Oslo, Norway.").
pub(crate) fn ends_at_country(text: &str) -> bool {
    // The country as `parse_affiliation` finds it: the last comma-separated part.
    text.trim()
        .trim_end_matches(['.', ';'])
        .split(',')
        .map(str::trim)
        .rfind(|p| !p.is_empty())
        .is_some_and(|last| {
            rules::is_country(last) && text.trim_end_matches(['.', ';']).ends_with(last)
        })
}

/// A label opening the next affiliation inside running text: "..., Canada. 2Department",
/// or after a comma "..., Sweden, 2 Faculty" (Frontiers' PDFs).
static RUN_IN_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.;,]\s+(\d{1,2})\s?\p{Lu}").expect("run-in label regex"));

/// Affiliations printed one after another in running text, each opened by the next label
/// ("1 Department ..., Canada. 2Department ..., USA."; after a comma only once the text
/// before it has reached its country): the (id, text) of each.
fn split_run_in(id: &str, text: &str) -> Vec<(String, String)> {
    let Ok(mut next) = id.parse::<u32>().map(|n| n + 1) else {
        return vec![(id.to_owned(), text.to_owned())];
    };
    let mut pieces = Vec::new();
    let mut current = id.to_owned();
    let mut start = 0;
    for caps in RUN_IN_LABEL.captures_iter(text) {
        let (Some(whole), Some(label)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        if label.as_str().parse::<u32>().ok() != Some(next) {
            continue;
        }
        if text[whole.start()..].starts_with(',') && !ends_at_country(&text[start..whole.start()]) {
            continue;
        }
        let end = match text[whole.start()..].starts_with(',') {
            true => whole.start(),
            false => whole.start() + 1,
        };
        pieces.push((current, text[start..end].trim().to_owned()));
        current = label.as_str().to_owned();
        start = label.end();
        next += 1;
    }
    pieces.push((current, text[start..].trim().to_owned()));
    pieces
}

/// The text of an affiliation up to the sentence that ends at its country: what follows
/// ("Received: 7 October 2014") is other article information.
fn cut_after_country(text: &str) -> &str {
    text.match_indices(". ")
        .map(|(at, _)| &text[..at])
        .find(|prefix| ends_at_country(prefix))
        .unwrap_or(text)
}

/// Splits "Mei Lin University of Utopia, Oslo" into the name and its affiliation: the name
/// ends where a word that opens an affiliation ("University", "Department") starts.
fn split_name_and_affiliation(text: &str) -> Option<(String, String)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let opener = (2..words.len().min(5)).find(|&i| {
        let word = words[i]
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        rules::AFFILIATION_OPENERS.contains(&word.as_str())
    })?;
    let name = words[..opener].join(" ");
    (!name.contains(',') && is_person_name(&name)).then(|| (name, words[opener..].join(" ")))
}

/// Whether a byline item holds a word of an institution ("Università di Ferrara").
fn names_an_institution(name: &str) -> bool {
    name.split_whitespace().any(|w| {
        let w = w.to_lowercase();
        rules::AFFILIATION_OPENERS.contains(&w.as_str())
            || rules::INSTITUTION_WORDS.contains(&w.as_str())
    })
}

/// Separators printed before the next author of a run-in list: ", ", "& ", "and ".
fn without_entry_separator(text: &str) -> &str {
    let text =
        text.trim_start_matches(|c: char| c == ',' || c == '&' || c == '•' || c.is_whitespace());
    text.strip_prefix("and ").unwrap_or(text)
}

/// A header line of article data ("Pages 1092-1099", "DOI: ...", "Received 23 Jan 2013").
fn is_article_data_line(text: &str) -> bool {
    let lower = text.to_lowercase();
    let label = lower
        .split_once(':')
        .is_some_and(|(key, _)| key.len() < 25 && !key.contains("http"));
    label
        || ["pages ", "doi ", "received ", "published ", "volume "]
            .iter()
            .any(|p| lower.starts_with(p))
}

/// Authors printed each with its affiliation run into the name, as one list: "Mei Lin
/// University of Utopia, Oslo, Norway & Jun Park Institute of Examples, Lisbon, Portugal",
/// one per line or bullet, notes ("View further author information") between them. A bar
/// ("| Ann Editor ...") opens another list. Gives (name, affiliation, the ORCID iD of the
/// link after it) in order.
fn inline_affiliated_authors(lines: &[Line]) -> Vec<(String, String, Option<String>)> {
    static ENTRY_START: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?:^|[,&•]\s|\sand\s)").expect("entry start regex"));
    let mut best: Vec<(String, String, Option<String>)> = Vec::new();
    let mut start = 0;
    while start < lines.len() {
        let opens =
            |line: &Line| split_name_and_affiliation(without_entry_separator(&line.text)).is_some();
        if lines[start].is_blank() || !opens(&lines[start]) {
            start += 1;
            continue;
        }
        let mut text = String::new();
        let mut end = start;
        while end < lines.len() && end - start < 16 {
            let line = &lines[end];
            let t = line.text.trim();
            if line.is_blank() || t.starts_with('|') || end > start && is_article_data_line(t) {
                break;
            }
            end += 1;
            if rules::is_byline_annotation(t) {
                text.push_str(" • ");
                continue;
            }
            if end - 1 > start && opens(line) {
                text.push_str(" • ");
            }
            push_joined(&mut text, t);
        }
        // Entries start at a separator followed by a name and an affiliation opener; in
        // a list, only at an item's bullet: after a comma inside an item, words before an
        // institution are its name's ("…, Mekong Delta Invented University").
        let bulleted = matches!(lines[start].kind, LineKind::Bullet(_));
        let mut cuts: Vec<usize> = ENTRY_START
            .find_iter(&text)
            .map(|m| m.start())
            .filter(|&at| !bulleted || at == 0 || text[at..].starts_with('•'))
            .filter(|&at| {
                split_name_and_affiliation(without_entry_separator(&text[at..])).is_some()
            })
            .collect();
        cuts.dedup();
        cuts.push(text.len());
        let entries: Vec<(String, String, Option<String>)> = cuts
            .windows(2)
            .filter_map(|w| {
                let piece = without_entry_separator(&text[w[0]..w[1]]);
                let (name, affiliation) = split_name_and_affiliation(piece)?;
                // The iD's link, perhaps wrapped after "orcid.org/" ("https://orcid.org/
                // 0000-…").
                let orcid = piece
                    .contains("orcid")
                    .then(|| orcid_in(&affiliation))
                    .flatten();
                let affiliation = clean_run_in_affiliation(&affiliation);
                (!affiliation.is_empty()).then_some((name, affiliation, orcid))
            })
            .collect();
        if entries.len() > best.len() {
            best = entries;
        }
        start = end.max(start + 1);
    }
    best
}

/// An affiliation cut out of running text: addresses and notes glued to it go
/// ("... India https://orcid.org/...", "...IndiaCorrespondence..."), spaces before commas
/// too.
fn clean_run_in_affiliation(text: &str) -> String {
    let text = text.split('•').next().unwrap_or(text);
    let text = text.split("Correspondence").next().unwrap_or(text);
    let kept: Vec<&str> = text
        .split_whitespace()
        .filter(|w| !w.starts_with("http") && !w.contains("orcid.org"))
        .collect();
    kept.join(" ")
        .replace(" ,", ",")
        .trim()
        .trim_end_matches([',', ';', '&'])
        .trim()
        .to_owned()
}

/// The one unlabelled affiliation printed right under the byline, up to four lines, ending
/// before article data ("J. Invented Chem. 2001, 105, 3365", "DOI: ...").
fn shared_header_affiliation(lines: &[Line], end: usize) -> Option<Affiliation> {
    static YEAR: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?:19|20)\d{2}\b").expect("year regex"));
    let mut block: Vec<&Line> = Vec::new();
    for line in lines[end..].iter().skip_while(|l| l.is_blank()) {
        let text = line.text.trim();
        let stops = line.is_blank()
            || line.kind != LineKind::Text
            || block.len() == 4
            || is_article_data_line(text)
            || rules::is_byline_annotation(text)
            || crate::segment::heading_kind(line).is_some()
            || text.contains('@')
            || YEAR.is_match(text) && !looks_like_affiliation(text)
            || parse_byline(text).is_some();
        if stops {
            break;
        }
        block.push(line);
    }
    let first = block.first()?;
    if is_labelled_affiliation(&first.text) || !looks_like_affiliation(&first.text) {
        return None;
    }
    let text = join_lines(block.iter().copied()).text;
    Some(parse_affiliation("1", &text))
}

/// The items of a list of affiliations right under the byline, without labels (a mark
/// alone, "^", may lead each): each item a list entry that reads as an affiliation, with
/// the lines that wrap it. Empty when anything else comes first.
fn listed_affiliations(lines: &[Line], end: usize) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in lines[end..].iter() {
        if line.is_blank() {
            continue;
        }
        let text = line
            .text
            .trim()
            .trim_start_matches(['^', '*', '†', '‡'])
            .trim();
        match line.kind {
            LineKind::Bullet(_) if looks_like_affiliation(text) && !text.contains('@') => {
                items.push(text.to_owned());
            }
            LineKind::Text if !items.is_empty() && !text.contains('@') => {
                let last = items.last_mut().expect("an item");
                if ends_at_country(last) || crate::segment::heading_kind(line).is_some() {
                    break;
                }
                push_joined(last, text);
            }
            _ => break,
        }
    }
    items
}

/// Affiliation lines printed under the byline in the header ("1 Department of ...").
/// `end` is where the byline of the header `lines` ends.
fn header_affiliations(lines: &[Line], end: usize) -> Vec<Affiliation> {
    let mut out: Vec<Affiliation> = Vec::new();
    // The joined text of the last affiliation while lines go on with it, parsed once when
    // it ends (parsing it again at each line was quadratic in a run of many lines).
    let mut running: Option<String> = None;
    let finish = |out: &mut Vec<Affiliation>, running: &mut Option<String>| {
        if let Some((joined, last)) = running.take().zip(out.last_mut()) {
            *last = parse_affiliation(&last.id, &joined);
        }
    };
    // Labels printed on their own lines before the affiliations' texts: one right above
    // its text, or a column of them all above the texts (a PDF's text: "1" "2" "3", then
    // three affiliations without their labels).
    let mut pending_labels: std::collections::VecDeque<&str> = std::collections::VecDeque::new();
    let mut label_above = false;
    // The comma or semicolon that ended the line last read into an affiliation.
    let mut broken_after: Option<char> = None;
    let ending = |line: &Line| {
        line.text
            .trim_end()
            .chars()
            .last()
            .filter(|c| matches!(c, ',' | ';'))
    };
    // A label and its affiliation's first word set apart from the rest, which goes on in
    // lower case below (a PDF's text: "1 Department" / "of Invented Studies, …").
    let mut lead_word: Option<(String, String)> = None;
    for line in &lines[end..] {
        if line.is_blank() || is_bare_list_number(&line.text) {
            continue;
        }
        // An affiliation's line broke off after a comma or semicolon: this one goes on with
        // it, e-mail and all ("…, 73100 Invented Town," / "Italy; E-Mails: a@example.org").
        let goes_on = broken_after.take();
        // A label printed on its own line before its affiliation ("1" then the text).
        let text = without_byline_lead(line.text.trim());
        if let Some((id, word)) = lead_word.take() {
            if text.starts_with(char::is_lowercase) {
                let joined = format!("{word} {text}");
                finish(&mut out, &mut running);
                out.push(parse_affiliation(&id, joined.trim_end_matches([',', ';'])));
                broken_after = ending(line);
                continue;
            }
        }
        if let Some((id, word)) = label_and_word(text) {
            lead_word = Some((id.to_owned(), word.to_owned()));
            continue;
        }
        if let Some(label) = label_alone(text) {
            pending_labels.push_back(label);
            label_above = true;
            continue;
        }
        let right_under_label = std::mem::take(&mut label_above);
        // Past the first text under a column of labels, the next label's text starts
        // once the affiliation read so far has ended: at its country, not broken off.
        let last_ended = || {
            goes_on.is_none()
                && match &running {
                    Some(joined) => ends_in_country(affiliation_text(joined)),
                    None => out.last().is_some_and(|a| a.country.is_some()),
                }
        };
        let starts_next = !pending_labels.is_empty()
            && looks_like_affiliation(text)
            && (right_under_label || last_ended());
        if right_under_label && !starts_next {
            // A label over something else: it labels nothing.
            pending_labels.pop_back();
        }
        if let Some(id) = starts_next.then(|| pending_labels.pop_front()).flatten() {
            {
                let address = before_mail_addresses(text);
                finish(&mut out, &mut running);
                out.push(parse_affiliation(
                    id,
                    address.trim().trim_end_matches([',', ';']),
                ));
                // After the addresses, the affiliation has ended.
                broken_after = ending(line).filter(|_| address.len() == text.len());
                continue;
            }
        }
        let Some(caps) = labelled_affiliation(text) else {
            // An affiliation broken over lines goes on until its country, and stops
            // before the e-mail addresses printed after it ("…, Italy; E-Mails: …"): they
            // are the authors', not the institution's.
            if let Some(last) = out.last() {
                let address = before_mail_addresses(text);
                // What parsing the running text would give as the affiliation's text, and
                // whether it found a country.
                let (last_text, no_country) = match &running {
                    Some(joined) => {
                        let text = affiliation_text(joined);
                        (text, !ends_in_country(text))
                    }
                    None => (last.text.as_str(), last.country.is_none()),
                };
                let open = (goes_on.is_some() || no_country && !address.contains('@'))
                    && !address.is_empty()
                    && address.len() < 200;
                if open && !rules::is_byline_annotation(address) {
                    let mut joined = last_text.to_owned();
                    if let Some(mark) = goes_on.filter(|&c| !joined.ends_with(c)) {
                        joined.push(mark);
                    }
                    push_joined(&mut joined, address.trim_end_matches([',', ';']));
                    running = Some(joined);
                    broken_after = ending(line).filter(|_| address.len() == text.len());
                    continue;
                }
            }
            // E-mail lines sit between affiliations; anything else ends them.
            if !out.is_empty() && !line.text.contains('@') {
                break;
            }
            continue;
        };
        let text = caps["text"].trim();
        // Notes marked like affiliations ("*Corresponding author's e-mail ...", "‡ Present
        // address: ...") are none.
        if rules::is_byline_annotation(text) || text.contains('@') || text.contains("{at}") {
            continue;
        }
        // Inside a list of labelled affiliations, a labelled line is one even without an
        // institution word ("Arbeitsbereich ... Zentrum").
        if looks_like_affiliation(text) || !out.is_empty() {
            finish(&mut out, &mut running);
            out.push(parse_affiliation(&caps["id"], text));
            broken_after = ending(line);
        }
    }
    finish(&mut out, &mut running);
    // Labelled affiliations run on in one paragraph ("1 …, Sweden, 2 Faculty …").
    out.into_iter()
        .flat_map(|a| {
            let pieces = split_run_in(&a.id, &a.text);
            match pieces.len() {
                1 => vec![a],
                _ => pieces
                    .iter()
                    .map(|(id, text)| parse_affiliation(id, text))
                    .collect(),
            }
        })
        .collect()
}

/// "1 Department": an affiliation's label and a capitalised first word alone on a line.
fn label_and_word(text: &str) -> Option<(&str, &str)> {
    let (id, word) = text.split_once(' ')?;
    let word = word.trim();
    ((1..=2).contains(&id.len())
        && id.bytes().all(|b| b.is_ascii_digit())
        && word.chars().count() > 3
        && word.starts_with(char::is_uppercase)
        && word.chars().all(char::is_alphabetic))
    .then_some((id, word))
}

/// The text [`parse_affiliation`] keeps of `text`.
fn affiliation_text(text: &str) -> &str {
    text.trim().trim_end_matches(['.', ';'])
}

/// Whether [`parse_affiliation`] finds a country in `text` (an [`affiliation_text`]): its
/// last comma-separated part names one.
fn ends_in_country(text: &str) -> bool {
    text.split(',')
        .map(str::trim)
        .rfind(|p| !p.is_empty())
        .is_some_and(rules::is_country)
}

/// An affiliation's text before the e-mail addresses run on after it ("…, Italy; E-Mails:
/// a@example.org").
fn before_mail_addresses(text: &str) -> &str {
    // An e-mail label opening the text ("E-Mail:", "Email:").
    let head = text.get(..6).unwrap_or("");
    if head.eq_ignore_ascii_case("e-mail")
        || head
            .get(..5)
            .is_some_and(|h| h.eq_ignore_ascii_case("email"))
    {
        return "";
    }
    let cut = ["; E-", ";E-"]
        .iter()
        .filter_map(|mark| text.find(mark))
        .min()
        .unwrap_or(text.len());
    text[..cut].trim_end()
}

pub(crate) fn looks_like_affiliation(text: &str) -> bool {
    has_word_of(text, rules::INSTITUTION_WORDS)
}

/// Whether `text` lower-cased holds a word (a run of letters and digits) of `table`; the
/// text is split once, not once per table word.
///
/// The words are split before lower-casing, which gives the same words: lower-casing maps
/// no separator to a letter or digit (only cased letters have case mappings). An ASCII
/// word is compared ignoring case, with no lower-cased copy; another is lower-cased and
/// split again, as the whole text would have been.
fn has_word_of(text: &str, table: &[&str]) -> bool {
    let in_table = |word: &[u8]| {
        table
            .iter()
            .any(|entry| entry.len() == word.len() && entry.as_bytes().eq_ignore_ascii_case(word))
    };
    if text.is_ascii() {
        // Letters and digits are ASCII ones here: the text is split byte by byte.
        return text
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .any(in_table);
    }
    text.split(|c: char| !c.is_alphanumeric()).any(|word| {
        if word.is_ascii() {
            in_table(word.as_bytes())
        } else {
            word.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|t| table.contains(&t))
        }
    })
}

static POSTCODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:[A-Z]{1,2}-)?(?P<code>\d{5}-\d{4}|\d{4}-\d{3}|\d{3}-\d{4}|\d{3}\s\d{2,3}|\d{4,6}|[A-Z]\d{2}\s?[A-Z\d]{4}|[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|[A-Z]\d[A-Z]\s\d[A-Z]\d)\b")
        .expect("postcode regex")
});

/// Splits an affiliation into institution, department, city, postcode and country.
pub fn parse_affiliation(id: &str, text: &str) -> Affiliation {
    let text = affiliation_text(text).to_owned();
    let parts: Vec<&str> = text
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let mut affiliation = Affiliation {
        id: id.to_owned(),
        text: text.clone(),
        ..Affiliation::default()
    };
    let mut address_start = parts.len();
    if let Some(last) = parts.last() {
        if rules::is_country(last) {
            affiliation.country = Some((*last).to_owned());
            address_start -= 1;
        }
    }
    // The address parts sit between the organisations and the country: walk back until
    // an organisation, keeping at least one organisation.
    let mut k = address_start;
    while k > 1 && address_start - k < 4 && !looks_like_affiliation(parts[k - 1]) {
        k -= 1;
    }
    let address = &parts[k..address_start];
    for part in address.iter().rev() {
        if let Some(m) = POSTCODE.captures(part).and_then(|c| c.name("code")) {
            affiliation.postcode = Some(m.as_str().to_owned());
            break;
        }
    }
    for part in address.iter().rev() {
        let rest = match &affiliation.postcode {
            Some(code) => part.replace(code.as_str(), ""),
            None => (*part).to_owned(),
        };
        let rest = rest.trim().trim_matches('-').trim();
        let is_state = rest.len() <= 3 && rest.chars().all(|c| c.is_ascii_uppercase());
        let has_letters = rest.chars().filter(|c| c.is_alphabetic()).count() >= 2;
        let is_street = rest.chars().any(|c| c.is_ascii_digit());
        if !rest.is_empty() && !is_state && has_letters && !is_street {
            affiliation.city = Some(rest.to_owned());
            break;
        }
    }
    let organisations = &parts[..k];
    let (departments, institutions): (Vec<&str>, Vec<&str>) = organisations
        .iter()
        .partition(|p| has_word_of(p, rules::DEPARTMENT_WORDS));
    if !departments.is_empty() {
        affiliation.department = Some(departments.join(", "));
    }
    if !institutions.is_empty() {
        affiliation.institution = Some(institutions.join(", "));
    }
    affiliation
}

/// The person names a correspondence line gives ([`CORRESPONDENCE`]), their addresses
/// removed; `None` when the line is no such line.
fn correspondence_names(text: &str) -> Option<Vec<String>> {
    let caps = CORRESPONDENCE.captures(text)?;
    let names = EMAIL
        .replace_all(&caps["names"], "")
        .replace("( )", "")
        .replace("()", "");
    Some(
        names
            .trim_end_matches('.')
            .replace(" or ", ", ")
            .replace(" and ", ", ")
            .split([',', '&'])
            .map(|n| n.trim().to_owned())
            .filter(|n| is_person_name(n))
            .collect(),
    )
}

/// "Correspondence: Mei Lin (mei@example.org)" in a header (Copernicus) or "Correspondence
/// to: M. Lin" as a PDF's first-page footnote marks the authors it names; a line wrapped
/// before its last address goes on on the next one.
fn mark_correspondents(record: &mut Record, lines: &[Line]) {
    for (i, line) in lines.iter().enumerate() {
        let mut text = Cow::Borrowed(line.text.as_str());
        if !(line.text.starts_with("Correspondence") || line.text.starts_with("Corresponding")) {
            // In parentheses at the end of a footnote ("… Paper no. X. (Corresponding
            // author: Mei Lin.)", IEEE), perhaps wrapped before the name.
            // Every line of the page is searched: the searcher is built once.
            static OPEN_CORRESPONDING: LazyLock<memchr::memmem::Finder<'static>> =
                LazyLock::new(|| memchr::memmem::Finder::new("(Corresponding"));
            let Some(at) = OPEN_CORRESPONDING.find(line.text.as_bytes()) else {
                continue;
            };
            let mut inner = line.text[at + 1..].to_owned();
            if !inner.contains(')') {
                if let Some(next) = lines.get(i + 1).filter(|n| !n.is_blank()) {
                    inner.push(' ');
                    inner.push_str(next.text.trim());
                }
            }
            let end = inner.find(')').unwrap_or(inner.len());
            inner.truncate(end);
            if !inner.starts_with("Corresponding author") {
                continue;
            }
            // The mark after the name it marks ("Authors' addresses: N. Achterberg
            // (Corresponding author), Y. Hashimoto, …", ACM).
            if inner.trim_end() == "Corresponding author" {
                let before = line.text[..at].trim_end();
                let name = before
                    .rsplit([',', ';', ':'])
                    .next()
                    .unwrap_or(before)
                    .trim();
                let name = name.strip_prefix("and ").unwrap_or(name);
                mark_abbreviated_name(record, name);
                continue;
            }
            text = Cow::Owned(inner);
        } else if let Some(next) = lines
            .get(i + 1)
            .filter(|n| !n.is_blank() && !line.text.ends_with([')', '.']))
        {
            text = Cow::Owned(format!("{} {}", line.text, next.text));
        }
        for name in correspondence_names(&text).unwrap_or_default() {
            let key = name_key(&name);
            for author in &mut record.authors {
                if name_key(&author.name) == key {
                    author.corresponding = true;
                }
            }
        }
    }
}

/// Marks the author a name, perhaps with initials for the given names ("N. Achterberg",
/// "D.-J. de Vos"), names: the same family name and the same first letter.
fn mark_abbreviated_name(record: &mut Record, name: &str) {
    let Some(first) = name.chars().next().filter(|c| c.is_uppercase()) else {
        return;
    };
    if !(2..=5).contains(&name.split_whitespace().count()) {
        return;
    }
    let name_letters = name_key(name);
    for author in &mut record.authors {
        let family = author
            .family
            .as_deref()
            .unwrap_or_else(|| author.name.rsplit(' ').next().unwrap_or_default());
        let family_key = name_key(family);
        let same_family = family_key.len() > 1 && name_letters.ends_with(&family_key);
        if same_family && author.name.starts_with(first) {
            author.corresponding = true;
        }
    }
}

fn fill_orcids_and_emails(record: &mut Record, page: &Page<'_>) {
    mark_correspondents(record, page.lines);
    for segment in page
        .sections(SectionKind::AuthorInfo)
        .chain(page.sections(SectionKind::Header))
    {
        let lines = page.lines_of(segment);
        for line in lines {
            let orcid = ORCID.find(&line.text).map(|m| m.as_str().to_owned());
            let emails: Vec<&str> = EMAIL.find_iter(&line.text).map(|m| m.as_str()).collect();
            if orcid.is_none() && emails.is_empty() {
                continue;
            }
            // The value belongs to the author whose name is on the same line; of several
            // addresses on it, the one that spells the author's family name.
            let key_line = name_key(&line.text);
            let on_line = |author: &Author| {
                let key = name_key(&author.name);
                key.len() > 3 && key_line.contains(&key)
            };
            // A line of several names (a byline) does not say whose an iD or an address
            // is, but for an address that spells the family name.
            let several = record.authors.iter().filter(|a| on_line(a)).count() > 1;
            for author in &mut record.authors {
                if on_line(author) {
                    if author.orcid.is_none() && !several {
                        author.orcid.clone_from(&orcid);
                    }
                    if author.email.is_none() {
                        let email = match several {
                            true => email_by_family_name(author, &emails),
                            false => email_of(author, &emails),
                        };
                        author.email = email.map(str::to_owned);
                    }
                }
            }
        }
    }
}

/// The address among `emails` that is the author's: the only one, or the one whose local
/// part holds the author's family name.
fn email_of<'e>(author: &Author, emails: &[&'e str]) -> Option<&'e str> {
    if let [only] = emails {
        return Some(only);
    }
    email_by_family_name(author, emails)
}

/// The address among `emails` whose local part holds the author's family name.
fn email_by_family_name<'e>(author: &Author, emails: &[&'e str]) -> Option<&'e str> {
    let family = name_key(author.family.as_deref().unwrap_or(&author.name));
    emails.iter().copied().find(|email| {
        let local = email.split('@').next().unwrap_or("");
        family.len() > 2 && name_key(local).contains(&family)
    })
}

/// Lower-case letters of a name, for matching the same person across lists.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn person_names_and_publishers() {
        let cases = [
            ("Mei Lindqvist", true),
            ("Muaid S. Ali", true),
            ("Ma Lourdes Edano", true),
            ("Invented Publishing Corporation", false),
            ("Invented Science Publishers", false),
            ("Invented University Press", false),
        ];
        for (name, person) in cases {
            assert_eq!(is_person_name(name), person, "{name}");
        }
    }

    #[test]
    fn the_labelled_affiliation_prefilter_lets_every_match_through() {
        let texts = [
            "1 Department of Physics, Invented University, Invented Town",
            "^1Department of Physics, Invented University",
            "a Institute of Invented Studies, Town",
            "* Present address: Invented University, Town",
            "† Deceased, formerly of Invented University",
            "١ Department of Physics, Invented University",
            "Department of Physics, Invented University",
            " 1 Department of Physics, Invented University",
            "and Hao Zhang",
        ];
        for text in texts {
            let matches = LABELLED_AFFILIATION.is_match(text);
            assert_eq!(labelled_affiliation(text).is_some(), matches, "{text}");
            assert_eq!(is_labelled_affiliation(text), matches, "{text}");
        }
    }

    #[test]
    fn roman_affiliation_labels_only_as_superscripts() {
        let cases = [
            ("^IUniversidade Inventada, Vale Verde, Brasil", Some("I")),
            ("^IIInstituto Inventado de Pesquisa, Brasil", Some("II")),
            ("^IIIUniversidad Inventada, Medellín, Colombia", Some("III")),
            ("IBM Invented Research Laboratory, Zurich", None),
            ("^1Department of Physics, Invented University", Some("1")),
        ];
        for (text, want) in cases {
            let got = labelled_affiliation(text).map(|c| c["id"].to_owned());
            assert_eq!(got.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn word_tests_agree_with_splitting_the_lower_cased_text() {
        let lower_then_split = |text: &str, table: &[&str]| {
            text.to_lowercase()
                .split(|c: char| !c.is_alphanumeric())
                .any(|t| table.contains(&t))
        };
        let texts = [
            "Department of Physics, Invented University",
            "DEPT. OF CHEMISTRY",
            "Universität Beispielstadt",
            "UNIVERSITÄT X",
            "İLAB Research",
            "Lab-on-a-chip Unit",
            "Mei Lin",
            "",
            "  ,,  ",
            "Ⓐ Institute",
            "School of Medicine; ΣΧΟΛΗ",
        ];
        for text in texts {
            for table in [rules::DEPARTMENT_WORDS, rules::INSTITUTION_WORDS] {
                assert_eq!(
                    has_word_of(text, table),
                    lower_then_split(text, table),
                    "{text}"
                );
            }
        }
    }

    #[test]
    fn byline_separators_become_commas_as_the_replace_chain_made_them() {
        let cases = [
            "Mei Lin and Hao Zhang",
            "Mei Lin, Hao Zhang & Jun Park; Ana Ruiz • Dara Okafor",
            " and  and and and ",
            "Lin&Zhang;;•and ",
            "Sandy Andrews and Anders",
            "",
            "O’Brien – Lin… • Zhang‡ •",
            "•",
            "Amara Okwuosa^1 ∙ Lucien Marchetti^1,2 ∙",
            "∙∙ and ∙",
        ];
        for text in cases {
            assert_eq!(
                with_commas_between_names(text),
                text.replace(" and ", ", ")
                    .replace(['&', '•', '∙', ';'], ","),
                "{text:?}"
            );
        }
        // A middle dot parts names, but not the letters of a Catalan name.
        let dotted = [
            ("Mei Lin1 · Jun Park2 ·", "Mei Lin1 , Jun Park2 ,"),
            ("Marcel·lí Puig · Ada Roca", "Marcel·lí Puig , Ada Roca"),
            ("·Lin·", ",Lin,"),
        ];
        for (text, want) in dotted {
            assert_eq!(with_commas_between_names(text), want, "{text:?}");
        }
    }

    #[test]
    fn bylines() {
        type Names<'a> = &'a [(&'a str, &'a [&'a str], bool)];
        let cases: &[(&str, Option<Names>, bool)] = &[
            (
                "Mei Lin1, Hao Zhang2 & Jun Park1,*",
                Some(&[
                    ("Mei Lin", &["1"], false),
                    ("Hao Zhang", &["2"], false),
                    ("Jun Park", &["1"], true),
                ]),
                false,
            ),
            (
                "Mei Lin1, • Jun Park 1 & • … • Ai-ling Wu 2",
                Some(&[
                    ("Mei Lin", &["1"], false),
                    ("Jun Park", &["1"], false),
                    ("Ai-ling Wu", &["2"], false),
                ]),
                true,
            ),
            (
                "Marjolein van der Meulen and Jan de Vries",
                Some(&[
                    ("Marjolein van der Meulen", &[], false),
                    ("Jan de Vries", &[], false),
                ]),
                false,
            ),
            ("Acta Pharmacologica Sinica volume 34", None, false),
            ("Show authors", None, false),
            ("Supplemental Material", None, false),
            ("PDFHTMLExport Citation", None, false),
            // A label glued inside a name is no label: nothing may be cut out of a name.
            ("J0 B. Smith", None, false),
            (
                "Julie A. Semon1,2",
                Some(&[("Julie A. Semon", &["1", "2"], false)]),
                false,
            ),
            // Letter labels set apart from the name (a superscript kept apart).
            (
                "Mei Lin a,*, Hao Zhang b and Jun Park a,c",
                Some(&[
                    ("Mei Lin", &["a"], true),
                    ("Hao Zhang", &["b"], false),
                    ("Jun Park", &["a", "c"], false),
                ]),
                false,
            ),
            (
                "José Ortega y Gasset",
                Some(&[("José Ortega y Gasset", &[], false)]),
                false,
            ),
            // Names parted by a bullet operator or a middle dot, the corresponding author
            // marked with U+2217 and followed by the address to write to (Cell Press;
            // Springer's PDFs part names with middle dots).
            (
                "Amara Okwuosa^1 ORCID ∙ Lucien Marchetti^1,2 ∙ Hiroshi Tanabe^1,4,∗ ORCID ht@rimr.example.org",
                Some(&[
                    ("Amara Okwuosa", &["1"], false),
                    ("Lucien Marchetti", &["1", "2"], false),
                    ("Hiroshi Tanabe", &["1", "4"], true),
                ]),
                false,
            ),
            (
                "Mei Lin1 · Marcel·lí Puig2 · Jun Park1*",
                Some(&[
                    ("Mei Lin", &["1"], false),
                    ("Marcel·lí Puig", &["2"], false),
                    ("Jun Park", &["1"], true),
                ]),
                false,
            ),
            ("Open Access · Published: 2022", None, false),
            // The e-mail icon's alternative text after a name and its ORCID link (PNAS).
            (
                "Ingrid Solvang-Møllerhttps://orcid.org/0000-0003-4417-8209correspondence Email, Tomás Echeverría Ruiz, and Malcolm J. Ferrier Email",
                Some(&[
                    ("Ingrid Solvang-Møller", &[], true),
                    ("Tomás Echeverría Ruiz", &[], false),
                    ("Malcolm J. Ferrier", &[], true),
                ]),
                false,
            ),
            // Degrees after each name and its labels (JMIR, medical journals).
            (
                "Tamsin Aldridge-Kaur^1, PhD • Rafael Ostrowski^1, 2, MSc • Ada Eze^3, MBBS, MPH • Li Wu, M.D.*",
                Some(&[
                    ("Tamsin Aldridge-Kaur", &["1"], false),
                    ("Rafael Ostrowski", &["1", "2"], false),
                    ("Ada Eze", &["3"], false),
                    ("Li Wu", &[], true),
                ]),
                false,
            ),
            ("PhD, MSc", None, false),
            // Footnote letters closed by a parenthesis after the number labels.
            (
                "Mei Lin1,a), Hao da Silva2 and Jun Park1,b)",
                Some(&[
                    ("Mei Lin", &["1", "a"], false),
                    ("Hao da Silva", &["2"], false),
                    ("Jun Park", &["1", "b"], false),
                ]),
                false,
            ),
        ];
        for (text, want, truncated) in cases {
            let got = parse_byline(text);
            match want {
                None => assert!(got.is_none(), "{text}: {got:?}"),
                Some(want) => {
                    let got = got.unwrap_or_else(|| panic!("{text}: no byline"));
                    let names: Vec<(String, Vec<String>, bool)> = got
                        .names
                        .iter()
                        .map(|n| (n.name.clone(), n.labels.clone(), n.corresponding))
                        .collect();
                    let want: Vec<(String, Vec<String>, bool)> = want
                        .iter()
                        .map(|(n, l, c)| {
                            (n.to_string(), l.iter().map(|s| s.to_string()).collect(), *c)
                        })
                        .collect();
                    assert_eq!(names, want, "{text}");
                    assert_eq!(got.truncated, *truncated, "{text}");
                }
            }
        }
    }

    /// A name run into its ORCID link keeps the name and gives the iD.
    #[test]
    fn orcid_links_glued_to_names() {
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "Hannah Okonjo-Brighthttps://orcid.org/0000-0002-5183-4467",
                "Hannah Okonjo-Bright",
                Some("0000-0002-5183-4467"),
            ),
            (
                "Mei Lin[orcid]https://orcid.org/0000-0001-7734-2290",
                "Mei Lin",
                Some("0000-0001-7734-2290"),
            ),
            (
                "Mei Lin https://orcid.org/0000-0001-7734-2290",
                "Mei Lin",
                Some("0000-0001-7734-2290"),
            ),
            (
                "Mei Lin ORCID: 0000-0001-7734-229X",
                "Mei Lin",
                Some("0000-0001-7734-229X"),
            ),
            ("Mei Lin[orcid]", "Mei Lin", None),
        ];
        for (item, name, orcid) in cases {
            let (got_name, got_orcid) = take_orcid(item);
            assert_eq!(got_name, *name, "{item}");
            assert_eq!(got_orcid.as_deref(), *orcid, "{item}");
        }
    }

    /// A byline whose lines break after a name, before its ORCID link (a print of an
    /// Atypon page): each iD is the name's before it, never every name's on the line.
    #[test]
    fn orcid_links_wrapped_onto_the_next_byline_line() {
        type NamesAndIds<'a> = &'a [(&'a str, Option<&'a str>)];
        let cases: &[(&str, NamesAndIds)] = &[
            (
                "Hannah Okonjo-Brighthttps://orcid.org/0000-0002-5183-4467, Mattias Lindgren, Priya Sethu\n\
                 https://orcid.org/0000-0001-7734-2290, Declan Fairweather, Rosa Calderón, Ayla\n\
                 DemirtaşView all authors and affiliations",
                &[
                    ("Hannah Okonjo-Bright", Some("0000-0002-5183-4467")),
                    ("Mattias Lindgren", None),
                    ("Priya Sethu", Some("0000-0001-7734-2290")),
                    ("Declan Fairweather", None),
                    ("Rosa Calderón", None),
                    ("Ayla Demirtaş", None),
                ],
            ),
            (
                "Mei Lin, Jun Park ORCID 0000-0001-7734-2290, Hao Zhang",
                &[
                    ("Mei Lin", None),
                    ("Jun Park", Some("0000-0001-7734-2290")),
                    ("Hao Zhang", None),
                ],
            ),
        ];
        let options = crate::pipeline::Options::default();
        for (byline, want) in cases {
            let page = format!(
                "A Study of Invented Things\n\n{byline}\nVolume 28, Issue 2\n\n\
                 Abstract\n\nWe invented things. They worked well.\n"
            );
            let record = crate::pipeline::extract_document("page.txt", page.as_bytes(), &options);
            let got: Vec<(&str, Option<&str>)> = record
                .authors
                .iter()
                .map(|a| (a.name.as_str(), a.orcid.as_deref()))
                .collect();
            assert_eq!(got, want.to_vec(), "{byline}");
        }
    }

    /// Names with their affiliations run in, each with its ORCID link after the
    /// affiliation, perhaps wrapped after "orcid.org/" (OJS, w3m).
    #[test]
    fn orcid_links_after_run_in_affiliations() {
        let page = "A Study of Invented Things\n\nAuthors\n\n\
                    \u{20}\u{20}• Lan Tran Faculty of Communication, Invented University, Can Tho,\n    Vietnam https://orcid.org/0000-0001-7342-5598\n\
                    \u{20}\u{20}• Oliver Ashdown Department of Geography, University of Westmarch, Westmarch\n\
                    \u{20}\u{20}• Dewi Sari Centre for Resilience, Invented Institute of Technology, Bandung,\n    Indonesia https://orcid.org/\n    0000-0002-9915-3016\n\n\
                    Abstract\n\nWe invented things. They worked well.\n";
        let record = crate::pipeline::extract_document(
            "page.txt",
            page.as_bytes(),
            &crate::pipeline::Options::default(),
        );
        let got: Vec<(&str, Option<&str>)> = record
            .authors
            .iter()
            .map(|a| (a.name.as_str(), a.orcid.as_deref()))
            .collect();
        let want = [
            ("Lan Tran", Some("0000-0001-7342-5598")),
            ("Oliver Ashdown", None),
            ("Dewi Sari", Some("0000-0002-9915-3016")),
        ];
        assert_eq!(got, want);
    }

    /// "(Corresponding author: X.)" closing a footnote, perhaps wrapped, marks X.
    #[test]
    fn corresponding_author_in_parentheses_after_a_footnote() {
        let cases: &[(&str, bool)] = &[
            ("Paper no. X-1. (Corresponding author: Hao Zhang.)", true),
            ("Paper no. X-1. (Corresponding\nauthor: Hao Zhang.)", true),
            ("Paper no. X-1. (Corresponding author: Mei Lin.)", false),
            ("A note (Corresponding to Hao Zhang's data.)", false),
            // The mark after the name, its given name an initial (ACM's addresses).
            (
                "Authors' addresses: H. Zhang (Corresponding author), M. Lin, Invented University",
                true,
            ),
            (
                "Authors' addresses: M. Lin (Corresponding author), H. Zhang, Invented University",
                false,
            ),
            (
                "Authors' addresses: H. Zhou (Corresponding author), M. Lin",
                false,
            ),
        ];
        for (text, want) in cases {
            let mut record = Record::empty_for_tests("t.txt", "text");
            for name in ["Mei Lin", "Hao Zhang"] {
                record.authors.push(crate::record::Author {
                    name: name.to_owned(),
                    ..Default::default()
                });
            }
            let lines = crate::clean::clean_lines(text);
            mark_correspondents(&mut record, &lines);
            let marked = record
                .authors
                .iter()
                .any(|a| a.name == "Hao Zhang" && a.corresponding);
            assert_eq!(marked, *want, "{text}");
        }
    }

    #[test]
    fn byline_starts_below_a_title_case_line() {
        // (page text, first name of the byline, number of names)
        let cases: &[(&str, &str, usize)] = &[
            (
                "Spinning Wave Resonance\nA. Moreau, B. Lindqvist, and C. Okafor",
                "A. Moreau",
                3,
            ),
            (
                "Mei Lindqvist\n1, Dara Okafor1 & Jun\nMoreau2",
                "Mei Lindqvist",
                3,
            ),
            (
                "Dara Okafor*\nDara Okafor\nInstitute of Invented Studies, Utopia\nMore by Dara Okafor\nJun Moreau*\nJun Moreau",
                "Dara Okafor",
                2,
            ),
            // Author cards: a name, a blank line, then its notes.
            (
                "Invented Title\n\nD. A. Okafor\n\nCorresponding Author\n\nInstitute of Invented Studies, Utopia\n\nSearch for more papers by this author\nJ. Moreau\n\nInstitute of Invented Studies, Utopia\n\nSearch for more papers by this author",
                "D. A. Okafor",
                2,
            ),
            // A note after a whole byline ends it; the affiliation list is no note.
            (
                "Dara Okafor^1^*, Jun Moreau^1 and Mei Lindqvist^2\n\n* Corresponding author: Dara Okafor\n\nAuthor Affiliations\n\n^1 Institute of Invented Studies, Utopia",
                "Dara Okafor",
                3,
            ),
            // A loose bulleted list: the items a blank line apart.
            (
                "Gender agreement in invented heritage speech\n\n  • Amara Okwuosa1\n\n  • Lucien Marchetti1,2\n\n  • Sun-Hee Baek1\n\nWe studied invented cells in invented tissue.",
                "Amara Okwuosa",
                3,
            ),
            // Run in after "By", labels glued to the names, a name wrapped.
            (
                "Salt wedges: five\npriorities for\nrivers\nBy Mei A. K. Lindqvist0, Dara Okafor1, Willem\nTanaka2, Rosa van Berg3 & Idris L. Mensah\n4",
                "Mei A. K. Lindqvist",
                5,
            ),
        ];
        for (text, first, count) in cases {
            let lines = crate::clean::clean_lines(text);
            let (_, _, byline) = find_byline(&lines).unwrap_or_else(|| panic!("{text}"));
            assert_eq!(byline.names[0].name, *first, "{text}");
            assert_eq!(byline.names.len(), *count, "{text}: {:?}", byline.names);
        }
    }

    #[test]
    fn an_affiliation_running_over_lines_is_parsed_as_its_joined_text() {
        // (lines below a byline, the joined text of the first affiliation, how many)
        let cases: [(&str, &str, usize); 3] = [
            (
                "1 Invented Institute of Soils\nMain Road 5\n12345 Invented Town\nItaly\nNot an address",
                "Invented Institute of Soils Main Road 5 12345 Invented Town Italy Not an address",
                1,
            ),
            (
                "1 Invented Institute of Soils,\nMain Road 5,\n12345 Invented Town,\nItaly\n2 Invented University, Other Town, Italy",
                "Invented Institute of Soils, Main Road 5, 12345 Invented Town, Italy",
                2,
            ),
            (
                "1 Invented Institute of Soils. .\nMain Road 5;\nInvented Town",
                // The kept text of the first line ends in a space ("Soils. "), as before.
                "Invented Institute of Soils.  Main Road 5; Invented Town",
                1,
            ),
        ];
        for (text, joined, count) in cases {
            let lines = crate::clean::clean_lines(text);
            let got = header_affiliations(&lines, 0);
            assert_eq!(got.len(), count, "{text}: {got:?}");
            assert_eq!(
                format!("{:?}", got[0]),
                format!("{:?}", parse_affiliation("1", joined)),
                "{text}"
            );
        }
    }

    #[test]
    fn affiliations_run_in_after_their_labels() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Department of Invented Studies, Utopia University, Oslo, Norway, 2 Faculty of Examples, Example College, Lisbon, Portugal",
                &[
                    (
                        "1",
                        "Department of Invented Studies, Utopia University, Oslo, Norway",
                    ),
                    (
                        "2",
                        "Faculty of Examples, Example College, Lisbon, Portugal",
                    ),
                ],
            ),
            (
                "Invented Institute, Oslo, Norway. 2Example College, Lisbon, Portugal.",
                &[
                    ("1", "Invented Institute, Oslo, Norway."),
                    ("2", "Example College, Lisbon, Portugal."),
                ],
            ),
            // After a comma, the next label counts only once a country ends the text.
            (
                "Invented Institute, Building, 2 Main Street, Oslo, Norway",
                &[(
                    "1",
                    "Invented Institute, Building, 2 Main Street, Oslo, Norway",
                )],
            ),
        ];
        for (text, want) in cases {
            let got = split_run_in("1", text);
            let want: Vec<(String, String)> = want
                .iter()
                .map(|(id, t)| ((*id).to_owned(), (*t).to_owned()))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn affiliations_broken_after_a_comma_or_semicolon() {
        // (lines below a byline, the affiliations' texts)
        let cases: [(&str, &[&str]); 3] = [
            (
                "1 Invented Institute of Soils, Main Road 5, 12345 Invented Town,\n\
                 Italy; E-Mail: a.author@example.org\n\
                 2 Invented University, Department of Crops, 54321 Other Town, Italy",
                // The authors' e-mail addresses after the address are no part of it.
                &[
                    "Invented Institute of Soils, Main Road 5, 12345 Invented Town, Italy",
                    "Invented University, Department of Crops, 54321 Other Town, Italy",
                ],
            ),
            (
                "1 Invented University, Department of Crops, 54321 Other Town;\n\
                 Italy, b.author@example.org",
                &[
                    "Invented University, Department of Crops, 54321 Other Town; Italy, b.author@example.org",
                ],
            ),
            // An e-mail line below a finished affiliation stays apart.
            (
                "1 Invented University, Department of Crops, 54321 Other Town, Italy\n\
                 E-Mail: b.author@example.org",
                &["Invented University, Department of Crops, 54321 Other Town, Italy"],
            ),
        ];
        for (text, want) in cases {
            let lines = crate::clean::clean_lines(text);
            let got: Vec<String> = header_affiliations(&lines, 0)
                .into_iter()
                .map(|a| a.text)
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn affiliations() {
        let cases = [
            (
                "Renji Hospital, Shanghai Jiao Tong University School of Medicine, Shanghai, 200127, China",
                (
                    Some("Renji Hospital, Shanghai Jiao Tong University School of Medicine"),
                    None,
                    Some("Shanghai"),
                    Some("200127"),
                    Some("China"),
                ),
            ),
            (
                "Department of Biology, University of Somewhere, Boston, MA 02115, USA",
                (
                    Some("University of Somewhere"),
                    Some("Department of Biology"),
                    Some("Boston"),
                    Some("02115"),
                    Some("USA"),
                ),
            ),
            (
                "Institute of Physics, Hauptstrasse 5, 10115 Berlin, Germany",
                (
                    Some("Institute of Physics"),
                    None,
                    Some("Berlin"),
                    Some("10115"),
                    Some("Germany"),
                ),
            ),
        ];
        for (text, (institution, department, city, postcode, country)) in cases {
            let a = parse_affiliation("1", text);
            assert_eq!(
                (
                    a.institution.as_deref(),
                    a.department.as_deref(),
                    a.city.as_deref(),
                    a.postcode.as_deref(),
                    a.country.as_deref()
                ),
                (institution, department, city, postcode, country),
                "{text}"
            );
        }
    }

    #[test]
    fn labels_on_lines_of_their_own() {
        let cases: &[(&str, Option<&str>, bool)] = &[
            // (line, label alone, bare list number)
            ("1", Some("1"), false),
            ("^2", Some("2"), false),
            ("(3)", Some("3"), false),
            ("a", Some("a"), false),
            ("*", Some("*"), false),
            ("1.", None, true),
            ("12.", None, true),
            ("1. Department", None, false),
            ("ab", None, false),
            ("USA", None, false),
        ];
        for (text, label, bare) in cases {
            assert_eq!(label_alone(text), *label, "{text}");
            assert_eq!(is_bare_list_number(text), *bare, "{text}");
        }
        let expected: &[(&str, u32, bool)] = &[
            ("1", 1, true),
            ("3", 3, true),
            ("a", 1, true),
            ("c", 3, true),
            ("c", 2, false),
            ("*", 1, false),
        ];
        for (id, next, want) in expected {
            assert_eq!(is_expected_label(id, *next), *want, "{id} at {next}");
        }
    }

    #[test]
    fn letter_labels_glued_to_names() {
        let affiliations: Vec<Affiliation> = ["a", "b", "c"]
            .iter()
            .map(|id| parse_affiliation(id, "Institute of Examples, Utopia"))
            .collect();
        type Labelled<'a> = &'a [(&'a str, &'a [&'a str])];
        let cases: &[(&str, Labelled)] = &[
            (
                "Mei Lina,*, Jun Parkb,c and Dara Okaforc",
                &[
                    ("Mei Lin", &["a"]),
                    ("Jun Park", &["b", "c"]),
                    ("Dara Okafor", &["c"]),
                ],
            ),
            // Labels set apart: the names keep their last letters.
            (
                "Ana Costa a, Rita Silva b",
                &[("Ana Costa", &["a"]), ("Rita Silva", &["b"])],
            ),
            // A name that ends with no label letter: nothing is glued.
            (
                "Mei Lina, Jun Park",
                &[("Mei Lina", &[]), ("Jun Park", &[])],
            ),
        ];
        for (text, want) in cases {
            let mut byline = parse_byline(text).unwrap_or_else(|| panic!("{text}"));
            unglue_letter_labels(&mut byline.names, &affiliations);
            let got: Vec<(&str, Vec<&str>)> = byline
                .names
                .iter()
                .map(|n| {
                    (
                        n.name.as_str(),
                        n.labels.iter().map(String::as_str).collect(),
                    )
                })
                .collect();
            let want: Vec<(&str, Vec<&str>)> = want.iter().map(|(n, l)| (*n, l.to_vec())).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn labels_run_together() {
        let affiliations: Vec<Affiliation> = (1..=10)
            .map(|n| parse_affiliation(&n.to_string(), "Institute of Examples, Utopia"))
            .collect();
        let cases: &[(&str, &[&str])] = &[
            ("4", &["4"]),
            ("10", &["10"]),
            ("45", &["4", "5"]),
            ("12", &["1", "2"]),
            ("11", &["1"]),
            ("20", &[]),
            ("a", &[]),
        ];
        for (label, want) in cases {
            assert_eq!(label_ids(label, &affiliations), *want, "{label}");
        }
    }

    #[test]
    fn names_with_run_in_affiliations() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Mei Lindqvist University of Utopia, Utopia, Norway",
                Some(("Mei Lindqvist", "University of Utopia, Utopia, Norway")),
            ),
            (
                "Dara Ann Okafor Department of Examples, Lisbon",
                Some(("Dara Ann Okafor", "Department of Examples, Lisbon")),
            ),
            ("University of Utopia, Utopia, Norway", None),
            ("Department of Invented Studies", None),
            ("Mei Lindqvist, Dara Okafor", None),
        ];
        for (text, want) in cases {
            let got = split_name_and_affiliation(text);
            let got = got.as_ref().map(|(n, a)| (n.as_str(), a.as_str()));
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn bylines_as_text_dumps_print_superscripts() {
        type Names<'a> = &'a [(&'a str, &'a [&'a str], bool)];
        let cases: &[(&str, Names)] = &[
            (
                "Mei Lin^1,*, Hao Zhang^2,3 and Jun Park^1",
                &[
                    ("Mei Lin", &["1"], true),
                    ("Hao Zhang", &["2", "3"], false),
                    ("Jun Park", &["1"], false),
                ],
            ),
            (
                "Mei Lin^a,^*, Hao Zhang^b",
                &[("Mei Lin", &["a"], true), ("Hao Zhang", &["b"], false)],
            ),
            // Numbers closed by a parenthesis (J-STAGE), as superscripts or glued.
            (
                "Ayaka NISHIMURA^1)^*, Hiroshi TAKEDA^2), Yoko FUJISAWA^1), 2)",
                &[
                    ("Ayaka NISHIMURA", &["1"], true),
                    ("Hiroshi TAKEDA", &["2"], false),
                    ("Yoko FUJISAWA", &["1", "2"], false),
                ],
            ),
            (
                "Ayaka NISHIMURA1)* , Hiroshi TAKEDA2)",
                &[
                    ("Ayaka NISHIMURA", &["1"], true),
                    ("Hiroshi TAKEDA", &["2"], false),
                ],
            ),
            // Roman superscripts (SciELO), one wrapped after its caret.
            (
                "Ana Silva^I^*; Rui Lobo^II; Eva Brum^ I,III",
                &[
                    ("Ana Silva", &["I"], true),
                    ("Rui Lobo", &["II"], false),
                    ("Eva Brum", &["I", "III"], false),
                ],
            ),
            // The ORCID icon's alternative text after the labels, glued or apart.
            (
                "Mei Lin^1ORCID, Hao Zhang^1,2 ORCID, and Jun Park^2",
                &[
                    ("Mei Lin", &["1"], false),
                    ("Hao Zhang", &["1", "2"], false),
                    ("Jun Park", &["2"], false),
                ],
            ),
            // Labels in parentheses glued on (Cambridge Core).
            (
                "Mei Lin^(a1) ORCID • Hao Zhang(a3)(a1) • Jun Park(a2)",
                &[
                    ("Mei Lin", &["a1"], false),
                    ("Hao Zhang", &["a3", "a1"], false),
                    ("Jun Park", &["a2"], false),
                ],
            ),
            // The corresponding-author icon's text printed after the comma.
            (
                "Mei Lin, Hao Zhang, corresponding author Jun Park, and Dara Okafor1",
                &[
                    ("Mei Lin", &[], false),
                    ("Hao Zhang", &[], true),
                    ("Jun Park", &[], false),
                    ("Dara Okafor", &["1"], false),
                ],
            ),
            // A corresponding mark before the superscript.
            (
                "Mei Lin^†, Hao Zhang*^‡, and Jun Park^‡",
                &[
                    ("Mei Lin", &["†"], false),
                    ("Hao Zhang", &["‡"], true),
                    ("Jun Park", &["‡"], false),
                ],
            ),
            // Labels printed after the comma.
            (
                "Mei Lin,1 Hao Zhang,23 Jun Park1",
                &[
                    ("Mei Lin", &["1"], false),
                    ("Hao Zhang", &["23"], false),
                    ("Jun Park", &["1"], false),
                ],
            ),
            (
                "Mei Lin^1, Hao Zhang^2Email author",
                &[("Mei Lin", &["1"], false), ("Hao Zhang", &["2"], true)],
            ),
            // Job titles after the names carry the labels.
            (
                "Mei Lin, assistant professor, epidemiologist1, Hao Zhang, professor2",
                &[("Mei Lin", &["1"], false), ("Hao Zhang", &["2"], false)],
            ),
            // An ORCID icon's alt text, glued on by a text browser or alone in a print.
            (
                "Mei Lin^1, Hao Zhang^2*[orcid], Jun Park^1,3 and Dara Okafor^3",
                &[
                    ("Mei Lin", &["1"], false),
                    ("Hao Zhang", &["2"], true),
                    ("Jun Park", &["1", "3"], false),
                    ("Dara Okafor", &["3"], false),
                ],
            ),
            // A text browser's name of an image without alt text before each name.
            (
                "[24]Mei Lin^1, [24]Hao Zhang^2*, [24]Jun Park^1,3 and [24]Dara Okafor^3",
                &[
                    ("Mei Lin", &["1"], false),
                    ("Hao Zhang", &["2"], true),
                    ("Jun Park", &["1", "3"], false),
                    ("Dara Okafor", &["3"], false),
                ],
            ),
            (
                "Mei Lin1, Hao Zhang2* orcid, Jun Park1 and Dara Okafor3[ORCID]",
                &[
                    ("Mei Lin", &["1"], false),
                    ("Hao Zhang", &["2"], true),
                    ("Jun Park", &["1"], false),
                    ("Dara Okafor", &["3"], false),
                ],
            ),
        ];
        for (text, want) in cases {
            let got = parse_byline(text).unwrap_or_else(|| panic!("{text}: no byline"));
            let names: Vec<(&str, Vec<&str>, bool)> = got
                .names
                .iter()
                .map(|n| {
                    let labels = n.labels.iter().map(String::as_str).collect();
                    (n.name.as_str(), labels, n.corresponding)
                })
                .collect();
            let want: Vec<(&str, Vec<&str>, bool)> =
                want.iter().map(|(n, l, c)| (*n, l.to_vec(), *c)).collect();
            assert_eq!(names, want, "{text}");
        }
    }

    /// Affiliation layouts of text dumps (w3m and browser prints): each page gives its
    /// affiliations (id, text) and its authors (name, affiliation ids, corresponding).
    #[test]
    fn affiliation_layouts_of_text_dumps() {
        type Affiliations<'a> = &'a [(&'a str, &'a str)];
        type Authors<'a> = &'a [(&'a str, &'a [&'a str], bool)];
        const ABSTRACT: &str =
            "Abstract\n\nWe invented things. They worked well. Then we wrote it down for all.\n";
        let cases: &[(&str, String, Affiliations, Authors)] = &[
            (
                "labelled byline and list under a heading after the abstract",
                format!(
                    "A Study of Invented Things\n\n{ABSTRACT}\nAuthors & Affiliations\n\n\
                     Mei Lindqvist^1,*, Dara Okafor^2,3 and Jun\nMoreau^1\n\n\
                     \u{20}\u{20}• ^1Department of Invented Studies, University of Utopia, 1234 Utopia, Norway\n\
                     \u{20}\u{20}• ^2Institute of Examples, Example University, Lisbon, Portugal\n\
                     \u{20}\u{20}• ^3Invented Laboratory, Example College, Oslo,\n    Norway\n"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, 1234 Utopia, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                    ("3", "Invented Laboratory, Example College, Oslo, Norway"),
                ],
                &[
                    ("Mei Lindqvist", &["1"], false),
                    ("Dara Okafor", &["2", "3"], false),
                    ("Jun Moreau", &["1"], false),
                ],
            ),
            (
                "ordered lists with bare item numbers and letter labels",
                format!(
                    "A Study of Invented Things\n\n 1. Mei Lindqvist^a,^*,\n 2. Dara Okafor^b and\n\
                     \u{20}3. Jun Moreau^a\n\n 1.\n    ^aDepartment of Invented Studies, University of Utopia, Utopia,\n\
                     \u{20}   Norway\n 2.\n    ^bInstitute of Examples, Example University, Lisbon, Portugal\n\n\
                     \u{20}1. *Corresponding author's e-mail address: mei{{at}}example.org\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "a",
                        "Department of Invented Studies, University of Utopia, Utopia, Norway",
                    ),
                    (
                        "b",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                ],
                &[
                    ("Mei Lindqvist", &["a"], true),
                    ("Dara Okafor", &["b"], false),
                    ("Jun Moreau", &["a"], false),
                ],
            ),
            (
                "Copernicus: a correspondence line with addresses under the affiliations",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist^1, Dara Okafor^1,2, and Jun Moreau^2\n\n\
                     \u{20}\u{20}• ^1Department of Invented Studies, University of Utopia, 1234 Utopia, Norway\n\
                     \u{20}\u{20}• ^2Institute of Examples, Example University, Lisbon, Portugal\n\n\
                     Correspondence: Mei Lindqvist (mei@example.org) and Jun Moreau (jun@example.org)\n\n\
                     Received: 3 Jul 2018 – Accepted: 21 Jan 2019 – Published: 12 Feb 2019\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, 1234 Utopia, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                ],
                &[
                    ("Mei Lindqvist", &["1"], true),
                    ("Dara Okafor", &["1", "2"], false),
                    ("Jun Moreau", &["2"], true),
                ],
            ),
            (
                "PDF text: a label and first word apart, correspondence as a footnote",
                format!(
                    "A Study of Invented Things\n\nM. Lindqvist1 , D. Okafor1,2 , and J. Moreau2\n\
                     1 Department\n\nof Invented Studies, University of Utopia, 1234 Utopia, Norway\n\
                     2 Institute of Examples, Example University, Lisbon, Portugal\n\
                     Received: 1 June 2008 – Published: 12 February 2009\n\n{ABSTRACT}\n\
                     1\n\nIntroduction\n\nInvented text of the body.\n\n\
                     Correspondence to: J. Moreau\n(jun@example.org)\n"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, 1234 Utopia, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                ],
                &[
                    ("M. Lindqvist", &["1"], false),
                    ("D. Okafor", &["1", "2"], false),
                    ("J. Moreau", &["2"], true),
                ],
            ),
            (
                "author cards with blank lines and a correspondence note",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist\n\nCorresponding Author\n\n\
                     Department of Invented Studies, University of Utopia, Utopia, Norway\n\n\
                     Correspondence to: Mei Lindqvist, Department of Invented Studies, University of\n\
                     Institute of Examples, Utopia, Norway.\n\nSearch for more papers by this author\n\
                     Dara Okafor\n\nInstitute of Examples, Example University, Lisbon, Portugal\n\n\
                     Search for more papers by this author\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, Utopia, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                ],
                &[
                    ("Mei Lindqvist", &["1"], true),
                    ("Dara Okafor", &["2"], false),
                ],
            ),
            (
                "labels alone in parentheses under an apostrophe heading",
                format!(
                    "A Study of Invented Things\n\n  • Mei Lindqvist^1,\n  • Dara Okafor^2Email author\n\n\
                     {ABSTRACT}\nAuthors’ Affiliations\n\n(1)\nDepartment of Invented Studies, University of Utopia\n\
                     (2)\nInstitute of Examples, Example University\n"
                ),
                &[
                    ("1", "Department of Invented Studies, University of Utopia"),
                    ("2", "Institute of Examples, Example University"),
                ],
                &[
                    ("Mei Lindqvist", &["1"], false),
                    ("Dara Okafor", &["2"], true),
                ],
            ),
            (
                "the next label wins over words that read like names",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist1, Dara Okafor2\n\nAuthor Affiliations\n\
                     1 Department of Invented Studies, University of Utopia, Utopia, Norway\n\
                     2 Patient Representative, Invented Review Group, Maple Grove, MN 55311, USA\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, Utopia, Norway",
                    ),
                    (
                        "2",
                        "Patient Representative, Invented Review Group, Maple Grove, MN 55311, USA",
                    ),
                ],
                &[
                    ("Mei Lindqvist", &["1"], false),
                    ("Dara Okafor", &["2"], false),
                ],
            ),
            (
                "cards with 'Affiliation' notes without a colon and a close button",
                format!(
                    "A Study of Invented Things\n\n  • Mei Lindqvist ,\n   \n    Roles Methodology, Writing – original\n\
                     \u{20}   draft\n\n    Affiliation Department of Invented Studies, University of Utopia, Utopia, Norway\n\n\
                     \u{20}   ⨯\n  • Dara Okafor\n\n    Affiliation Institute of Examples, Example University, Lisbon, Portugal\n\n\
                     \u{20}   ⨯\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, Utopia, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                ],
                &[
                    ("Mei Lindqvist", &["1"], false),
                    ("Dara Okafor", &["2"], false),
                ],
            ),
        ];
        let more: &[(&str, String, Affiliations, Authors)] = &[
            (
                "a plain byline, then the names again as an ordered list with their labels \
                 (HighWire, w3m)",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist, Dara Okafor, Jun Moreau\n\n\
                     \u{20}1. Mei Lindqvist^1,^2\n 2. Dara Okafor^1\n 3. Jun Moreau^2^*\n\n\
                     \u{20}1.\n    ^1Department of Invented Studies, University of Utopia, Utopia,\n    Norway\n\
                     \u{20}2.\n    ^2Institute of Examples, Example University, Lisbon, Portugal\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, Utopia, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                ],
                &[
                    ("Mei Lindqvist", &["1", "2"], false),
                    ("Dara Okafor", &["1"], false),
                    ("Jun Moreau", &["2"], true),
                ],
            ),
            (
                "affiliations followed by their members, then a list of the authors",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist, Dara Okafor & Jun Moreau\n\n{ABSTRACT}\n\
                     Authors and Affiliations\n\n1. Department of Invented Studies, University of Utopia, Utopia, Norway\n\
                     Mei Lindqvist & Jun Moreau\n2. Institute of Examples, Example University, Lisbon, Portugal\n\
                     Dara Okafor\nAuthors\n  • Mei Lindqvist\n  • Dara Okafor\n  • Jun Moreau\n"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, Utopia, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                ],
                &[
                    ("Mei Lindqvist", &["1"], false),
                    ("Dara Okafor", &["2"], false),
                    ("Jun Moreau", &["1"], false),
                ],
            ),
            (
                "'Author details' in running text",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist1*, Dara Okafor2 and Jun Moreau1,3\n\n{ABSTRACT}\n\
                     Author details\n1\nDepartment of Invented Studies, University of Utopia, Utopia, Norway. 2Institute of\n\
                     Examples, Example University, Lisbon, Portugal. 3Invented Laboratory, Example\n\
                     College, Oslo, Norway.\nReceived: 7 October 2014 Accepted: 15 January 2015\n"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, University of Utopia, Utopia, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example University, Lisbon, Portugal",
                    ),
                    ("3", "Invented Laboratory, Example College, Oslo, Norway"),
                ],
                &[
                    ("Mei Lindqvist", &["1"], true),
                    ("Dara Okafor", &["2"], false),
                    ("Jun Moreau", &["1", "3"], false),
                ],
            ),
        ];
        let run_in: &[(&str, String, Affiliations, Authors)] = &[
            (
                "a list of names each with its affiliation run in and wrapped (OJS, w3m)",
                format!(
                    "A Study of Invented Things\n\nAuthors\n\n\
                     \u{20}\u{20}• Lan Phuong Tran Faculty of Communication, Mekong Delta Invented\n    University, Can Tho, Vietnam\n\
                     \u{20}\u{20}• Oliver Ashdown Department of Geography, University of Westmarch, Westmarch,\n    United Kingdom\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "1",
                        "Faculty of Communication, Mekong Delta Invented University, Can Tho, Vietnam",
                    ),
                    (
                        "2",
                        "Department of Geography, University of Westmarch, Westmarch, United Kingdom",
                    ),
                ],
                &[
                    ("Lan Phuong Tran", &["1"], false),
                    ("Oliver Ashdown", &["2"], false),
                ],
            ),
            (
                "names with their affiliations run in, an editor after a bar",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist Laboratoire de Chimie Inventée , Université \
                     d'Utopie , Utopia , France & \nDara Okafor Institute of Examples , Lisbon , Portugal\n\
                     View further author information\n| Ann Editor University of Reviews, Oslo, Norway\n\
                     View further author information\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "1",
                        "Laboratoire de Chimie Inventée, Université d'Utopie, Utopia, France",
                    ),
                    ("2", "Institute of Examples, Lisbon, Portugal"),
                ],
                &[
                    ("Mei Lindqvist", &["1"], false),
                    ("Dara Okafor", &["2"], false),
                ],
            ),
            (
                "a single author's unlabelled list of affiliations (Frontiers, w3m)",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist*\n\n\
                     \u{20}\u{20}• Department of Invented Studies, Utopia University, Oslo,\n    Norway\n\
                     \u{20}\u{20}• Institute of Examples, Example College, Lisbon, Portugal\n\n{ABSTRACT}"
                ),
                &[
                    (
                        "1",
                        "Department of Invented Studies, Utopia University, Oslo, Norway",
                    ),
                    (
                        "2",
                        "Institute of Examples, Example College, Lisbon, Portugal",
                    ),
                ],
                &[("Mei Lindqvist", &["1", "2"], true)],
            ),
            (
                "one unlabelled affiliation under a byline marked with symbols",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist†, Dara Okafor*‡, and Jun Moreau‡\n\
                     Laboratoire de Chimie Inventée, Faculté des Sciences, Université d'Utopie, and Institut\n\
                     des Exemples, 118 Route de Narbonne 31062, Toulouse Cedex\n\
                     J. Invented Chem. A, 2001, 105 (13), pp 3365–3370\n\n{ABSTRACT}"
                ),
                &[(
                    "1",
                    "Laboratoire de Chimie Inventée, Faculté des Sciences, Université d'Utopie, and \
                     Institut des Exemples, 118 Route de Narbonne 31062, Toulouse Cedex",
                )],
                &[
                    ("Mei Lindqvist", &["1"], false),
                    ("Dara Okafor", &["1"], true),
                    ("Jun Moreau", &["1"], false),
                ],
            ),
            (
                "words before an institution are no names when a clean byline says otherwise; \
                 the name cards under it link the names",
                format!(
                    "A Study of Invented Things\n\nMei Lindqvist, Dara Okafor\nPublished 15 June 2016.\n\
                     Mei Lindqvist\nUtopia Key Laboratory for Inventions, Utopia\nDara Okafor\n\
                     North Normal University, Utopia\n\n{ABSTRACT}"
                ),
                &[
                    ("1", "Utopia Key Laboratory for Inventions, Utopia"),
                    ("2", "North Normal University, Utopia"),
                ],
                &[
                    ("Mei Lindqvist", &["1"], false),
                    ("Dara Okafor", &["2"], false),
                ],
            ),
        ];
        let options = crate::pipeline::Options::default();
        for (name, page, affiliations, authors) in cases.iter().chain(more).chain(run_in) {
            let record = crate::pipeline::extract_document("page.txt", page.as_bytes(), &options);
            let got: Vec<(&str, &str)> = record
                .affiliations
                .iter()
                .map(|a| (a.id.as_str(), a.text.as_str()))
                .collect();
            assert_eq!(got, affiliations.to_vec(), "{name}");
            let got: Vec<(&str, Vec<&str>, bool)> = record
                .authors
                .iter()
                .map(|a| {
                    let ids = a.affiliations.iter().map(String::as_str).collect();
                    (a.name.as_str(), ids, a.corresponding)
                })
                .collect();
            let want: Vec<(&str, Vec<&str>, bool)> = authors
                .iter()
                .map(|(n, ids, c)| (*n, ids.to_vec(), *c))
                .collect();
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn byline_leads() {
        let cases = [
            ("Authors: Mei Lin, Dara Okafor", "Mei Lin, Dara Okafor"),
            ("1. Mei Lin1,", "Mei Lin1,"),
            ("By Mei Lin and Dara Okafor", "Mei Lin and Dara Okafor"),
            (
                "By continuing to browse the site",
                "By continuing to browse the site",
            ),
            ("Byron Okafor", "Byron Okafor"),
        ];
        for (text, want) in cases {
            assert_eq!(without_byline_lead(text), want, "{text}");
        }
    }
}
