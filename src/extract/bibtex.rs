//! A BibTeX entry printed on the page: conference and repository landing pages (and many
//! journal pages) show how to cite the article as `@inproceedings{key, title = {…}, …}`.
//!
//! Takes the page's lines and gives the entry's title, authors, container, volume, issue,
//! pages, year, month and DOI, which fill the record's fields that are still empty. The
//! entry is structured data the page gives about itself, so it runs before the visible-text
//! heuristics, after the source's own metadata. Lines are read one field at a time: printed
//! pages cut long lines at the page edge, so a quoted value may never close.

use super::Page;
use super::names::split_given_family;
use super::pages::parse_page_range;
use crate::clean::Line;
use crate::record::{Author, Record};
use crate::segment::SectionKind;
use regex::Regex;
use std::sync::LazyLock;

/// Entry types that describe a work (not `@string` or `@comment`).
static ENTRY_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^@(?:article|inproceedings|conference|incollection|inbook|book|misc|phdthesis|mastersthesis|techreport|report|unpublished|online|preprint|thesis|proceedings)\s*\{\s*[^\s,{}]*,?")
        .expect("bibtex entry regex")
});

/// The start of a field: `title = `, `author=` at a line's start or after a comma.
static FIELD_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\n|,)\s*(?P<name>[A-Za-z][A-Za-z_-]*)\s*=\s*").expect("bibtex field regex")
});

/// The names BibTeX gives the months.
const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The most lines an entry may take.
const MAX_ENTRY_LINES: usize = 60;

/// Parts of the page that may show the article's own entry.
const OWN_PARTS: &[SectionKind] = &[
    SectionKind::Header,
    SectionKind::Abstract,
    SectionKind::ArticleInfo,
    SectionKind::Other,
    SectionKind::Body,
    SectionKind::Footer,
];

/// One BibTeX entry: its fields as (lower-cased name, raw value) in printed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    fields: Vec<(String, String)>,
    /// Byte span of the entry in the decoded text.
    span: [usize; 2],
}

impl Entry {
    /// A field's value with braces, quotes and LaTeX accents resolved.
    pub fn get(&self, name: &str) -> Option<String> {
        let raw = self.raw(name)?;
        let text = plain_text(&concatenated(raw));
        (!text.is_empty()).then_some(text)
    }

    fn raw(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The authors as "Given Family" with their parts.
    pub fn authors(&self) -> Vec<Author> {
        static AND: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\s+and\s+").expect("bibtex and regex"));
        let Some(list) = self.get("author") else {
            return Vec::new();
        };
        AND.split(&list)
            .map(str::trim)
            .filter(|n| !n.is_empty() && !n.eq_ignore_ascii_case("others"))
            .map(|name| {
                let parts: Vec<&str> = name.split(',').map(str::trim).collect();
                match parts.as_slice() {
                    [family, given] if !given.is_empty() => person(given, family, None),
                    [family, suffix, given] if !given.is_empty() => {
                        person(given, family, Some(suffix))
                    }
                    _ => {
                        let (given, family) = split_given_family(name);
                        Author {
                            name: name.to_owned(),
                            given,
                            family,
                            ..Author::default()
                        }
                    }
                }
            })
            .collect()
    }

    /// The month as a number: `apr`, `{April}`, `4`; none for a range (`may # " 2 - " # may`).
    pub fn month(&self) -> Option<u32> {
        let raw = self.raw("month")?.trim();
        if raw.contains('#') {
            return None;
        }
        let value = plain_text(unwrap_delimiters(raw)).to_lowercase();
        if let Ok(n) = value.parse::<u32>() {
            return (1..=12).contains(&n).then_some(n);
        }
        let word = value.trim_end_matches('.');
        MONTHS
            .iter()
            .position(|m| word.len() >= 3 && m.starts_with(&word[..3]))
            .map(|i| i as u32 + 1)
    }
}

fn person(given: &str, family: &str, suffix: Option<&str>) -> Author {
    let name = match suffix.filter(|s| !s.is_empty()) {
        Some(suffix) => format!("{given} {family} {suffix}"),
        None => format!("{given} {family}"),
    };
    Author {
        name,
        given: Some(given.to_owned()),
        family: Some(family.to_owned()),
        ..Author::default()
    }
}

/// Finds the first BibTeX entry in the lines.
pub fn find_entry(lines: &[Line]) -> Option<Entry> {
    let start = lines
        .iter()
        .position(|l| l.text.starts_with('@') && ENTRY_START.is_match(l.text.trim()))?;
    let mut text = String::new();
    let mut depth: i32 = 0;
    let mut end = lines[start].end;
    for line in lines[start..].iter().take(MAX_ENTRY_LINES) {
        if line.is_blank() {
            break;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(line.text.trim());
        end = line.end;
        depth += line.text.matches('{').count() as i32 - line.text.matches('}').count() as i32;
        if depth <= 0 {
            break;
        }
    }
    let body_start = ENTRY_START.find(&text).map_or(0, |m| m.end());
    let body = &text[body_start..];
    let starts: Vec<(usize, usize, String)> = FIELD_START
        .captures_iter(body)
        .filter_map(|c| {
            let whole = c.get(0)?;
            Some((whole.start(), whole.end(), c["name"].to_lowercase()))
        })
        .collect();
    let fields: Vec<(String, String)> = starts
        .iter()
        .enumerate()
        .map(|(i, (_, value_start, name))| {
            let value_end = starts.get(i + 1).map_or(body.len(), |next| next.0);
            let value = body[*value_start..value_end]
                .trim()
                .trim_end_matches('}')
                .trim_end()
                .trim_end_matches(',')
                .trim();
            (name.clone(), value.to_owned())
        })
        .collect();
    (!fields.is_empty()).then_some(Entry {
        fields,
        span: [lines[start].start, end],
    })
}

/// A value built with `#` from quoted parts and macros, as one string; a plain value as is.
fn concatenated(raw: &str) -> String {
    let raw = raw.trim();
    if !raw.contains('#') || raw.starts_with('{') {
        return unwrap_delimiters(raw).to_owned();
    }
    raw.split('#')
        .map(|part| unwrap_delimiters(part.trim()))
        .collect::<Vec<_>>()
        .join("")
}

/// The value inside its outer braces or quotes (either may be left open by a cut line).
fn unwrap_delimiters(value: &str) -> &str {
    let value = value.trim();
    if let Some(inner) = value.strip_prefix('{') {
        return inner.strip_suffix('}').unwrap_or(inner);
    }
    if let Some(inner) = value.strip_prefix('"') {
        return inner.strip_suffix('"').unwrap_or(inner);
    }
    value
}

/// LaTeX accent commands and the combining marks they stand for.
const ACCENTS: &[(char, char)] = &[
    ('"', '\u{0308}'),
    ('\'', '\u{0301}'),
    ('`', '\u{0300}'),
    ('^', '\u{0302}'),
    ('~', '\u{0303}'),
    ('=', '\u{0304}'),
    ('.', '\u{0307}'),
    ('c', '\u{0327}'),
    ('v', '\u{030C}'),
    ('u', '\u{0306}'),
    ('H', '\u{030B}'),
];

/// Text without braces, with LaTeX accents (`{\"o}`, `\'{e}`) and escapes (`\&`) resolved
/// and runs of white space made one space.
fn plain_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' | '}' => {}
            '\\' => {
                let Some(&command) = chars.peek() else {
                    break;
                };
                if let Some(&(_, mark)) = ACCENTS.iter().find(|(k, _)| *k == command) {
                    chars.next();
                    // The accented letter, maybe in braces, maybe after a space (`\c c`).
                    while chars.peek().is_some_and(|&n| n == '{' || n == ' ') {
                        chars.next();
                    }
                    if let Some(base) = chars.next() {
                        let composed = unicode_normalization::char::compose(base, mark);
                        out.push(composed.unwrap_or(base));
                        if composed.is_none() {
                            out.push(mark);
                        }
                    }
                } else if command.is_ascii_alphabetic() {
                    // Other commands (`\textit`) go; their argument stays.
                    while chars.peek().is_some_and(char::is_ascii_alphabetic) {
                        chars.next();
                    }
                } else {
                    // An escaped character: `\&`, `\%`, `\_`.
                    out.push(command);
                    chars.next();
                }
            }
            c if c.is_whitespace() => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
            }
            c => out.push(c),
        }
    }
    out.trim_end().to_owned()
}

/// Fills what is still empty from the article's own BibTeX entry, and gives the entry
/// for [`merge_authors`] once the visible text has been read.
pub fn fill_from_bibtex(record: &mut Record, page: &Page<'_>) -> Option<Entry> {
    let entry = page
        .segments
        .iter()
        .filter(|s| OWN_PARTS.contains(&s.kind))
        .find_map(|s| find_entry(page.lines_of(s)));
    let entry = entry?;
    let span = Some(entry.span);
    let source = "text:bibtex";
    let fill = |record: &mut Record,
                field: &str,
                slot: fn(&mut Record) -> &mut Option<String>,
                value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            if slot(record).is_none() {
                *slot(record) = Some(value);
                record.note_source(field, source, span);
            }
        }
    };
    fill(record, "title", |r| &mut r.title, entry.get("title"));
    let container = entry.get("journal").or_else(|| entry.get("booktitle"));
    fill(record, "journal", |r| &mut r.journal.title, container);
    fill(record, "volume", |r| &mut r.volume, entry.get("volume"));
    fill(record, "issue", |r| &mut r.issue, entry.get("number"));
    fill(
        record,
        "doi",
        |r| &mut r.doi,
        entry
            .get("doi")
            .map(|d| super::header::clean_doi(d.trim_start_matches("https://doi.org/"))),
    );
    if record.page_first.is_none() {
        if let Some(range) = entry.get("pages").as_deref().and_then(parse_page_range) {
            record.page_first = Some(range.first);
            record.page_last = range.last;
            record.note_source("pages", source, span);
        }
    }
    let year: Option<i32> = entry
        .get("year")
        .filter(|y| y.len() == 4)
        .and_then(|y| y.parse().ok());
    if let Some(year) = year {
        if record.year.is_none() {
            record.year = Some(year);
            record.note_source("year", source, span);
        }
        if record.dates.published.is_none() {
            record.dates.published = Some(match entry.month() {
                Some(month) => format!("{year}-{month:02}"),
                None => year.to_string(),
            });
            record.note_source("dates.published", source, span);
        }
    }
    Some(entry)
}

/// The entry's author list over names read from the visible text: the entry's order and
/// names, but a printed name with the same family name and first initial is kept with
/// what was read for it (the printed full given name, affiliations, ORCID). Authors from
/// the source's own metadata stay as they are.
pub fn merge_authors(record: &mut Record, entry: &Entry) {
    let from_text = record
        .provenance
        .get("authors")
        .is_none_or(|p| p.source == "text");
    let listed = entry.authors();
    if !from_text || listed.is_empty() {
        return;
    }
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let initial = |a: &Author| {
        a.given
            .as_deref()
            .and_then(|g| g.chars().next())
            .map(|c| c.to_lowercase().collect::<String>())
    };
    let mut printed = std::mem::take(&mut record.authors);
    let merged: Vec<Author> = listed
        .into_iter()
        .map(|author| {
            let family = author.family.as_deref().map(key);
            let same = printed.iter().position(|p| {
                p.family.as_deref().map(key) == family
                    && family.is_some()
                    && initial(p) == initial(&author)
            });
            let Some(i) = same else {
                return author;
            };
            let printed = printed.remove(i);
            // The printed name where it is the fuller one ("Radu" over "R.").
            let letters = |a: &Author| {
                a.given
                    .as_deref()
                    .map_or(0, |g| g.chars().filter(|c| c.is_alphabetic()).count())
            };
            let mut merged = if letters(&printed) > letters(&author) {
                Author {
                    name: printed.name.clone(),
                    given: printed.given.clone(),
                    family: printed.family.clone(),
                    ..author
                }
            } else {
                author
            };
            merged.affiliations = printed.affiliations;
            merged.orcid = merged.orcid.or(printed.orcid);
            merged.email = merged.email.or(printed.email);
            merged.corresponding |= printed.corresponding;
            merged
        })
        .collect();
    record.authors = merged;
    record.note_source("authors", "text:bibtex", Some(entry.span));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_lines;

    fn empty_record() -> Record {
        Record::empty_for_tests("t.txt", "text")
    }

    fn entry_of(text: &str) -> Entry {
        find_entry(&clean_lines(text)).expect("an entry")
    }

    #[test]
    fn reads_fields_in_each_printed_form() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "@inproceedings {123,\nauthor = {Mei Lindqvist and Dara Okafor},\ntitle = {Invented Flow Control},\nyear = {2022},\npages = {779--805},\nmonth = apr\n}",
                "title",
                "Invented Flow Control",
            ),
            (
                "@article{lindqvist2020,\n  title = \"A {S}tudy of {\\\"O}land Rivers\",\n  journal = \"Invented Letters\",\n  year = \"2020\"\n}",
                "title",
                "A Study of Öland Rivers",
            ),
            // A line cut at the page edge leaves its quote open.
            (
                "@inproceedings{x,\ntitle = \"Invented Things\",\nbooktitle = \"Proceedings of the Invented Conference on Computational\nmonth = may # \" 2 - \" # may # \" 7\",\nyear = \"2004\",\npages = \"1--8\"\n}",
                "booktitle",
                "Proceedings of the Invented Conference on Computational",
            ),
            (
                "@article{k, title={Salt \\& Wedges}, year={2019}, volume={7}}",
                "volume",
                "7",
            ),
            (
                "@article{k, title={Salt \\& Wedges}, year={2019}, volume={7}}",
                "title",
                "Salt & Wedges",
            ),
        ];
        for (text, field, want) in cases {
            assert_eq!(entry_of(text).get(field).as_deref(), Some(*want), "{text}");
        }
    }

    #[test]
    fn authors_in_both_name_orders() {
        let entry = entry_of(
            "@misc{k,\nauthor = \"Lindqvist, Mei and\nOkafor, D. and\nRuth van der Berg and Smith, Jr, John and others\",\n}",
        );
        let names: Vec<(String, Option<String>)> = entry
            .authors()
            .into_iter()
            .map(|a| (a.name, a.family))
            .collect();
        assert_eq!(
            names,
            vec![
                ("Mei Lindqvist".to_owned(), Some("Lindqvist".to_owned())),
                ("D. Okafor".to_owned(), Some("Okafor".to_owned())),
                (
                    "Ruth van der Berg".to_owned(),
                    Some("van der Berg".to_owned())
                ),
                ("John Smith Jr".to_owned(), Some("Smith".to_owned())),
            ]
        );
    }

    #[test]
    fn merged_authors_keep_printed_full_names_in_the_entry_order() {
        let entry =
            entry_of("@misc{k,\nauthor = \"Lindqvist, M. and Okafor, Dara and Berg, Ruth\",\n}");
        let printed = |name: &str| {
            let (given, family) = split_given_family(name);
            Author {
                name: name.to_owned(),
                given,
                family,
                affiliations: vec!["1".to_owned()],
                ..Author::default()
            }
        };
        let cases: &[(&[&str], &[&str])] = &[
            // Printed full names stay; the entry adds the one the text missed.
            (
                &["Mei Lindqvist", "Dara Okafor"],
                &["Mei Lindqvist", "Dara Okafor", "Ruth Berg"],
            ),
            // A wrong name read from the text gives way.
            (
                &["Utopia Campus"],
                &["M. Lindqvist", "Dara Okafor", "Ruth Berg"],
            ),
            // A printed name no fuller than the entry's gives way to it, but keeps its links.
            (
                &["M. Lindqvist}"],
                &["M. Lindqvist", "Dara Okafor", "Ruth Berg"],
            ),
            // Same family, other initial: another person.
            (
                &["Anna Lindqvist"],
                &["M. Lindqvist", "Dara Okafor", "Ruth Berg"],
            ),
        ];
        for (from_text, want) in cases {
            let mut record = empty_record();
            record.authors = from_text.iter().map(|n| printed(n)).collect();
            record.note_source("authors", "text", None);
            merge_authors(&mut record, &entry);
            let names: Vec<&str> = record.authors.iter().map(|a| a.name.as_str()).collect();
            assert_eq!(names, *want, "{from_text:?}");
        }
        let mut record = empty_record();
        record.authors = vec![printed("Mei Lindqvist")];
        record.note_source("authors", "text", None);
        merge_authors(&mut record, &entry);
        assert_eq!(record.authors[0].affiliations, vec!["1".to_owned()]);
        let mut from_meta = empty_record();
        from_meta.authors = vec![printed("Utopia Campus")];
        from_meta.note_source("authors", "meta:citation_author", None);
        merge_authors(&mut from_meta, &entry);
        assert_eq!(from_meta.authors.len(), 1);
    }

    #[test]
    fn months_as_names_numbers_but_not_ranges() {
        let cases = [
            ("month = apr", Some(4)),
            ("month = {September}", Some(9)),
            ("month = \"11\"", Some(11)),
            ("month = may # \" 2 - \" # may # \" 7\"", None),
        ];
        for (field, want) in cases {
            let entry = entry_of(&format!("@article{{k,\ntitle = {{T}},\n{field}\n}}"));
            assert_eq!(entry.month(), want, "{field}");
        }
    }

    #[test]
    fn no_entry_without_a_work_type() {
        let cases = [
            "@string{foo = \"bar\"}",
            "Write to us @example or at home.",
            "title = {Not an entry}",
        ];
        for text in cases {
            assert!(find_entry(&clean_lines(text)).is_none(), "{text}");
        }
    }
}
