//! Label / value pairs printed on lines of their own: a label ending in a colon, its
//! value on the next line ("Journal name:" / "Nature", "Volume:" / "482,", "Pages:" /
//! "538–541", "Year:" / "2004"), as a printed or dumped definition list gives them, and a publication
//! banner's "Journal" label over the journal's name. Each fills its field only when it is
//! still empty.

use super::Page;
use super::header::fill_text;
use super::locator::is_journal_name;
use super::pages::parse_page_range;
use crate::clean::{Line, LineKind};
use crate::record::Record;
use crate::segment::SectionKind;
use regex::Regex;
use std::sync::LazyLock;

/// The fields a label names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Journal,
    Volume,
    Issue,
    Pages,
    ArticleNumber,
    Year,
}

/// Labels (lower case, without the colon) and the field each names.
const LABELS: &[(&str, Field)] = &[
    ("journal", Field::Journal),
    ("journal name", Field::Journal),
    ("journal title", Field::Journal),
    ("volume", Field::Volume),
    ("issue", Field::Issue),
    ("number", Field::Issue),
    ("pages", Field::Pages),
    ("page range", Field::Pages),
    ("page(s)", Field::Pages),
    ("article", Field::ArticleNumber),
    ("article number", Field::ArticleNumber),
    ("article no.", Field::ArticleNumber),
    ("year", Field::Year),
];

/// The longest value taken: a value is a name or a number, never a sentence.
const VALUE_MAX_CHARS: usize = 80;

/// Fills journal, volume, issue, pages and article number from label / value lines in the
/// header and the article information.
pub fn fill_from_label_lines(record: &mut Record, page: &Page<'_>) {
    let parts = [SectionKind::Header, SectionKind::ArticleInfo];
    for segment in page.segments.iter().filter(|s| parts.contains(&s.kind)) {
        let lines = page.lines_of(segment);
        for (i, line) in lines.iter().enumerate() {
            if let Some(found) = published_in(lines, i) {
                fill_published_in(record, &found, [line.start, line.end]);
            } else if is_type_label(&line.text) {
                // "Type" / "Research Article" (Cambridge Core's information panel).
                let kind = value_below(lines, i, 2)
                    .and_then(|value| crate::rules::article_type(&value.text).map(|k| (k, value)));
                if let Some((kind, value)) = kind.filter(|_| record.article_type.is_none()) {
                    record.article_type = Some(kind.to_owned());
                    record.note_source("article_type", "text", Some([value.start, value.end]));
                }
            } else if let Some(field) = label_field(&line.text) {
                if let Some(value) = value_below(lines, i, 2) {
                    fill_field(record, field, &value.text, [value.start, value.end]);
                }
            } else if let Some((field, value)) = inline_label(&line.text) {
                // "Article: 1117749", "Volume: 12": label and value on one line.
                if let Some((number, pages)) = number_and_pages(field, value) {
                    fill_field(record, field, number, [line.start, line.end]);
                    fill_field(record, Field::Pages, pages, [line.start, line.end]);
                } else {
                    fill_field(record, field, value, [line.start, line.end]);
                }
            }
        }
    }
}

/// A "Journal" label alone on its line in the header (with or without its colon), the
/// journal's name on the next line that is not blank (a publication banner: "Journal" /
/// "Invented Physics" / "Volume 1, …").
pub fn fill_from_journal_label(record: &mut Record, page: &Page<'_>) {
    if record.journal.title.is_some() {
        return;
    }
    let Some(header) = page.first(SectionKind::Header) else {
        return;
    };
    let lines = page.lines_of(header);
    let found = lines.iter().enumerate().find_map(|(i, line)| {
        let label = line.text.trim().trim_end_matches(':');
        if !label.eq_ignore_ascii_case("journal") {
            return None;
        }
        value_below(lines, i, 3)
            .filter(|name| name.kind == LineKind::Text && is_journal_name(&name.text))
    });
    if let Some(name) = found {
        let span = Some([name.start, name.end]);
        fill_text(
            record,
            "journal",
            |r| &mut r.journal.title,
            &name.text,
            span,
        );
    }
}

/// The first line that is not blank among the `within` lines below line `i`.
fn value_below(lines: &[Line], i: usize, within: usize) -> Option<&Line> {
    lines[i + 1..].iter().take(within).find(|l| !l.is_blank())
}

/// The field a label line names: its text is one of [`LABELS`] and ends in a colon.
fn label_field(text: &str) -> Option<Field> {
    let label = text.trim().strip_suffix(':')?.trim_end();
    LABELS
        .iter()
        .find(|(name, _)| label.eq_ignore_ascii_case(name))
        .map(|&(_, field)| field)
}

/// A label and its value on one line ("Article: 1117749"): the label is one of
/// [`LABELS`] other than the journal's (a sentence may open "Journal: …" in running text).
fn inline_label(text: &str) -> Option<(Field, &str)> {
    let (label, value) = text.split_once(':')?;
    let label = label.trim();
    if label.len() > MAX_LABEL_CHARS {
        return None;
    }
    let field = LABELS
        .iter()
        .find(|(name, _)| label.eq_ignore_ascii_case(name))
        .map(|&(_, field)| field)
        .filter(|&field| field != Field::Journal)?;
    let value = value.trim();
    (!value.is_empty()).then_some((field, value))
}

/// A "Published in:" line: the journal, then its volume, issue and date in parentheses
/// ("Published in: Invented Transactions on Feeders ( Volume: 7, Issue: 3, May 2022)", as
/// IEEE Xplore prints it).
static PUBLISHED_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*published in:\s*(?P<journal>[^()]{3,120}?)\s*\(\s*volume:\s*(?P<volume>[\w.-]{1,12})(?:\s*,\s*issue:\s*(?P<issue>[\w.-]{1,12}))?(?:\s*,\s*(?P<date>[^)]{1,40}))?\)")
        .expect("published in regex")
});

/// What a "Published in:" line names.
#[derive(Debug, PartialEq, Eq)]
struct PublishedIn {
    journal: String,
    volume: String,
    issue: Option<String>,
    year: Option<i32>,
}

/// Reads a "Published in:" line at `i`, joined with the next when its parenthesis closes
/// there (a text dump wraps it).
fn published_in(lines: &[Line], i: usize) -> Option<PublishedIn> {
    let text = lines[i].text.trim_start();
    if !text
        .get(..13)
        .is_some_and(|head| head.eq_ignore_ascii_case("published in:"))
    {
        return None;
    }
    let joined;
    let text = if text.contains(')') {
        text
    } else {
        let next = lines.get(i + 1).filter(|l| !l.is_blank())?;
        joined = format!("{text} {}", next.text.trim());
        joined.as_str()
    };
    let caps = PUBLISHED_IN.captures(text)?;
    let year = caps.name("date").and_then(|d| {
        d.as_str()
            .split(|c: char| !c.is_ascii_digit())
            .find(|w| w.len() == 4 && w.starts_with(['1', '2']))
            .and_then(|y| y.parse().ok())
    });
    Some(PublishedIn {
        journal: caps["journal"].trim().to_owned(),
        volume: caps["volume"].to_owned(),
        issue: caps.name("issue").map(|m| m.as_str().to_owned()),
        year,
    })
}

fn fill_published_in(record: &mut Record, found: &PublishedIn, span: [usize; 2]) {
    fill_field(record, Field::Journal, &found.journal, span);
    fill_field(record, Field::Volume, &found.volume, span);
    if let Some(issue) = &found.issue {
        fill_field(record, Field::Issue, issue, span);
    }
    if let Some(year) = found.year {
        fill_field(record, Field::Year, &year.to_string(), span);
    }
}

/// ACM's "Article No.: 31, Pages 1 - 24": the article's number, then its pages.
fn number_and_pages(field: Field, value: &str) -> Option<(&str, &str)> {
    if field != Field::ArticleNumber {
        return None;
    }
    let (number, rest) = value.split_once(", ")?;
    let pages = rest
        .strip_prefix("Pages ")
        .or_else(|| rest.strip_prefix("pages "))?;
    Some((number, pages))
}

/// Fills the article number and pages from a line that labels both ("Article No.: 31,
/// Pages 1 - 24"), before other lines can give the pages another reading.
pub fn fill_article_number_and_pages(record: &mut Record, page: &Page<'_>) {
    let parts = [SectionKind::Header, SectionKind::ArticleInfo];
    for segment in page.segments.iter().filter(|s| parts.contains(&s.kind)) {
        for line in page.lines_of(segment) {
            let found = inline_label(&line.text)
                .and_then(|(field, value)| Some((field, number_and_pages(field, value)?)));
            if let Some((field, (number, pages))) = found {
                fill_field(record, field, number, [line.start, line.end]);
                fill_field(record, Field::Pages, pages, [line.start, line.end]);
                return;
            }
        }
    }
}

/// A "Type" label alone on its line, over the article's type.
fn is_type_label(text: &str) -> bool {
    text.trim()
        .trim_end_matches(':')
        .eq_ignore_ascii_case("type")
}

/// The longest label read before a colon.
const MAX_LABEL_CHARS: usize = 20;

fn fill_field(record: &mut Record, field: Field, value: &str, span: [usize; 2]) {
    let value = value.trim().trim_end_matches([',', ';', '.']);
    if value.is_empty() || value.chars().count() > VALUE_MAX_CHARS || value.ends_with(':') {
        return;
    }
    let span = Some(span);
    let is_number = |v: &str| {
        v.len() <= 12
            && v.starts_with(|c: char| c.is_ascii_alphanumeric())
            && v.chars().any(|c| c.is_ascii_digit())
            && !v.contains(char::is_whitespace)
    };
    match field {
        Field::Journal if is_journal_name(value) => {
            fill_text(record, "journal", |r| &mut r.journal.title, value, span);
        }
        Field::Volume if is_number(value) => {
            fill_text(record, "volume", |r| &mut r.volume, value, span);
        }
        Field::Issue if is_number(value) => {
            fill_text(record, "issue", |r| &mut r.issue, value, span);
        }
        Field::ArticleNumber if is_number(value) => {
            fill_text(
                record,
                "article_number",
                |r| &mut r.article_number,
                value,
                span,
            );
        }
        // "Year:" / "2004": the year of publication, and its date as far as it goes.
        Field::Year if record.year.is_none() => {
            let year = (value.len() == 4 && value.starts_with(['1', '2']))
                .then(|| value.parse::<i32>().ok())
                .flatten();
            if let Some(year) = year {
                record.year = Some(year);
                record.note_source("year", "text", span);
                if record.dates.published.is_none() {
                    record.dates.published = Some(value.to_owned());
                    record.note_source("dates.published", "text", span);
                }
            }
        }
        Field::Pages if record.page_first.is_none() => {
            if let Some(range) = parse_page_range(value) {
                record.page_first = Some(range.first);
                record.page_last = range.last;
                record.note_source("pages", "text", span);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean_lines;
    use crate::segment::segment;

    fn filled(text: &str) -> Record {
        let lines = clean_lines(text);
        let segments = segment(&lines);
        let page = Page::new(&lines, &segments, None);
        let mut record = Record::empty_for_tests("t.txt", "text");
        fill_from_label_lines(&mut record, &page);
        record
    }

    #[test]
    fn a_type_label_over_the_article_type() {
        let cases = [
            ("Type\nResearch Article\n", Some("Research Article")),
            ("Type:\nReview\n", Some("Review")),
            // A value that names no type, and the word in running text.
            ("Type\nOpen access\n", None),
            ("Type 2 diabetes\nResearch Article\n", None),
        ];
        for (text, want) in cases {
            assert_eq!(filled(text).article_type.as_deref(), want, "{text}");
        }
    }

    #[test]
    fn published_in_lines() {
        // (line, (journal, volume, issue, year))
        type Want<'a> = Option<(&'a str, &'a str, Option<&'a str>, Option<i32>)>;
        let cases: &[(&str, Want)] = &[
            (
                "Published in: Invented Transactions on Feeders ( Volume: 7, Issue: 3, May 2022)",
                Some((
                    "Invented Transactions on Feeders",
                    "7",
                    Some("3"),
                    Some(2022),
                )),
            ),
            // Wrapped by a text dump before its year.
            (
                "Published in: Invented Transactions on Feeders ( Volume: 7, Issue: 3, May\n2022)",
                Some((
                    "Invented Transactions on Feeders",
                    "7",
                    Some("3"),
                    Some(2022),
                )),
            ),
            (
                "Published in: Invented Letters ( Volume: 12)",
                Some(("Invented Letters", "12", None, None)),
            ),
            ("Published in: Invented Letters", None),
            ("Published in 2019 by Invented Press (Volume: 2)", None),
        ];
        for (text, want) in cases {
            let lines = clean_lines(text);
            let got = published_in(&lines, 0);
            let got = got.as_ref().map(|f| {
                (
                    f.journal.as_str(),
                    f.volume.as_str(),
                    f.issue.as_deref(),
                    f.year,
                )
            });
            assert_eq!(got, *want, "{text}");
        }
    }

    #[test]
    fn reads_label_value_lines() {
        type Want = (
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
            Option<&'static str>,
        );
        let cases: &[(&str, Want)] = &[
            (
                "Journal name:\nInvented Letters\nVolume:\n482,\nPages:\n538–541\nDate published:\n(23 February 2012)\n",
                (
                    Some("Invented Letters"),
                    Some("482"),
                    Some("538"),
                    Some("541"),
                ),
            ),
            (
                "Journal name:\n    Invented Letters\nIssue:\n    7\n",
                (Some("Invented Letters"), None, None, None),
            ),
            // A label without its colon is a heading or menu entry; a value that is a
            // sentence is none.
            ("Volume\n12\n", (None, None, None, None)),
            (
                "Volume:\nThe volume of the invented vessel was measured twice.\n",
                (None, None, None, None),
            ),
        ];
        for (text, (journal, volume, first, last)) in cases {
            let record = filled(text);
            assert_eq!(record.journal.title.as_deref(), *journal, "{text}");
            assert_eq!(record.volume.as_deref(), *volume, "{text}");
            assert_eq!(record.page_first.as_deref(), *first, "{text}");
            assert_eq!(record.page_last.as_deref(), *last, "{text}");
        }
        assert_eq!(
            filled("Issue:\n    7\n").issue.as_deref(),
            Some("7"),
            "issue"
        );
        let dated = filled("Month:\nMay 2 - May 7\nYear:\n2004\n");
        assert_eq!(
            (dated.year, dated.dates.published.as_deref()),
            (Some(2004), Some("2004"))
        );
        assert_eq!(filled("Year:\n2nd\n").year, None);
    }

    #[test]
    fn reads_a_label_and_its_value_on_one_line() {
        // (text, article number, volume)
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "Article: 1117749\nReceived 17 Oct 2015\n",
                Some("1117749"),
                None,
            ),
            (
                "Article number: e4886\nVolume: 12\n",
                Some("e4886"),
                Some("12"),
            ),
            // A sentence after the label is no value.
            ("Article: an invented study of rivers\n", None, None),
        ];
        for &(text, article, volume) in cases {
            let record = filled(text);
            assert_eq!(record.article_number.as_deref(), article, "{text}");
            assert_eq!(record.volume.as_deref(), volume, "{text}");
        }
        // ACM: the article's number, then its pages.
        let record = filled("Article No.: 31, Pages 1 - 24\n");
        assert_eq!(record.article_number.as_deref(), Some("31"));
        assert_eq!(
            (record.page_first.as_deref(), record.page_last.as_deref()),
            (Some("1"), Some("24"))
        );
    }
}
