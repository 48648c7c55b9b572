//! Validate: records against the embedded JSON Schema and the semantic checks the schema
//! cannot express (DOI syntax, ISSN check digits, reference numbering, affiliation ids,
//! date order, plausible year).

use crate::record::{Problem, Record};
use serde_json::Value;
use std::sync::LazyLock;

/// The JSON Schema of a record (draft 2020-12), as shipped in `schemas/`.
pub const ARTICLE_SCHEMA: &str = include_str!("../schemas/article.schema.json");

static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(ARTICLE_SCHEMA).expect("embedded schema is JSON");
    jsonschema::draft202012::new(&schema).expect("embedded schema compiles")
});

/// One problem found in a record: a JSON pointer into it and the reason.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Finding {
    pub pointer: String,
    pub reason: String,
}

/// Checks a JSON value against the record schema.
pub fn schema_findings(value: &Value) -> Vec<Finding> {
    VALIDATOR
        .iter_errors(value)
        .map(|e| Finding {
            pointer: e.instance_path().to_string(),
            reason: e.to_string(),
        })
        .collect()
}

/// The semantic checks, as findings with JSON pointers.
pub fn semantic_findings(record: &Record) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |pointer: String, reason: String| out.push(Finding { pointer, reason });

    if let Some(doi) = &record.doi {
        if !is_valid_doi(doi) {
            add(
                "/doi".into(),
                format!("{doi:?} is not a DOI (10.NNNN/suffix)"),
            );
        }
    }
    for (field, issn) in [
        ("issn_print", &record.journal.issn_print),
        ("issn_electronic", &record.journal.issn_electronic),
    ] {
        if let Some(issn) = issn {
            if !issn_check_digit_ok(issn) {
                add(
                    format!("/journal/{field}"),
                    format!("ISSN {issn} has a wrong check digit"),
                );
            }
        }
    }
    let numbers: Vec<u32> = record.references.iter().filter_map(|r| r.number).collect();
    if !numbers.is_empty() {
        if numbers.len() != record.references.len() {
            add(
                "/references".into(),
                "some references are numbered and some are not".into(),
            );
        } else if let Some(pos) = numbers
            .iter()
            .enumerate()
            .position(|(i, &n)| n as usize != i + 1)
        {
            add(
                format!("/references/{pos}/number"),
                format!(
                    "reference numbers are not contiguous from 1: expected {}, found {}",
                    pos + 1,
                    numbers[pos]
                ),
            );
        }
    }
    for (i, reference) in record.references.iter().enumerate() {
        if let Some(doi) = &reference.doi {
            if !is_valid_doi(doi) {
                add(
                    format!("/references/{i}/doi"),
                    format!("{doi:?} is not a DOI"),
                );
            }
        }
    }
    for (i, author) in record.authors.iter().enumerate() {
        for (j, id) in author.affiliations.iter().enumerate() {
            if !record.affiliations.iter().any(|a| &a.id == id) {
                add(
                    format!("/authors/{i}/affiliations/{j}"),
                    format!("affiliation id {id:?} is not defined in /affiliations"),
                );
            }
        }
    }
    let dates = [
        ("received", &record.dates.received),
        ("accepted", &record.dates.accepted),
        ("published", &record.dates.published),
    ];
    for pair in dates.windows(2) {
        if let ((a_name, Some(a)), (b_name, Some(b))) =
            ((pair[0].0, pair[0].1), (pair[1].0, pair[1].1))
        {
            let len = a.len().min(b.len());
            if a[..len] > b[..len] {
                add(
                    format!("/dates/{b_name}"),
                    format!("{b_name} {b} is before {a_name} {a}"),
                );
            }
        }
    }
    if let Some(year) = record.year {
        if !(1600..=2100).contains(&year) {
            add("/year".into(), format!("year {year} is not plausible"));
        }
    }
    out
}

/// Drops values that break the schema's patterns (a DOI cut down to `10.1000/`, an ISSN
/// with a letter, a date out of shape) so that every record written validates; each drop
/// is a warning.
pub fn drop_malformed_values(record: &mut Record) {
    static ISSN: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^\d{4}-\d{3}[\dX]$").expect("issn regex"));
    static ORCID: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\d{4}-\d{4}-\d{4}-\d{3}[\dX]$").expect("orcid regex")
    });
    static DATE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")
            .expect("date regex")
    });
    static PMID: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^\d{1,9}$").expect("pmid regex"));
    static PMCID: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"^PMC\d+$").expect("pmcid regex"));
    let mut dropped: Vec<String> = Vec::new();
    let mut check = |name: &str, slot: &mut Option<String>, ok: &dyn Fn(&str) -> bool| {
        if let Some(value) = slot.as_deref() {
            if value.trim().is_empty() || !ok(value) {
                dropped.push(format!("{name} {value:?}"));
                *slot = None;
            }
        }
    };
    check("doi", &mut record.doi, &is_valid_doi);
    check("journal.issn_print", &mut record.journal.issn_print, &|v| {
        ISSN.is_match(v)
    });
    check(
        "journal.issn_electronic",
        &mut record.journal.issn_electronic,
        &|v| ISSN.is_match(v),
    );
    check("pmid", &mut record.pmid, &|v| PMID.is_match(v));
    check("pmcid", &mut record.pmcid, &|v| PMCID.is_match(v));
    check("dates.received", &mut record.dates.received, &|v| {
        DATE.is_match(v)
    });
    check("dates.revised", &mut record.dates.revised, &|v| {
        DATE.is_match(v)
    });
    check("dates.accepted", &mut record.dates.accepted, &|v| {
        DATE.is_match(v)
    });
    check("dates.published", &mut record.dates.published, &|v| {
        DATE.is_match(v)
    });
    check("dates.issue", &mut record.dates.issue, &|v| {
        DATE.is_match(v)
    });
    for author in &mut record.authors {
        check("authors.orcid", &mut author.orcid, &|v| ORCID.is_match(v));
    }
    for reference in &mut record.references {
        check("references.doi", &mut reference.doi, &is_valid_doi);
        check("references.pmid", &mut reference.pmid, &|v| {
            PMID.is_match(v)
        });
        check("references.pmcid", &mut reference.pmcid, &|v| {
            PMCID.is_match(v)
        });
        if reference.year.is_some_and(|y| !(1000..=2100).contains(&y)) {
            reference.year = None;
        }
    }
    if let Some(year) = record.year.filter(|y| !(1000..=2100).contains(y)) {
        dropped.push(format!("year {year}"));
        record.year = None;
    }
    for value in dropped {
        record.warnings.push(Problem::new(
            "validate",
            "malformed_value",
            format!("dropped malformed {value}"),
        ));
    }
}

/// The semantic checks as record warnings.
pub fn semantic_problems(record: &Record) -> Vec<Problem> {
    semantic_findings(record)
        .into_iter()
        .map(|f| {
            Problem::new(
                "validate",
                "semantic",
                format!("{}: {}", f.pointer, f.reason),
            )
        })
        .collect()
}

/// DOI syntax: `10.` then a registrant code of 4 to 9 digits (dot-separated parts allowed),
/// a slash and a non-empty suffix without whitespace.
pub fn is_valid_doi(doi: &str) -> bool {
    let Some(rest) = doi.strip_prefix("10.") else {
        return false;
    };
    let Some((registrant, suffix)) = rest.split_once('/') else {
        return false;
    };
    let first = registrant.split('.').next().unwrap_or("");
    (4..=9).contains(&first.len())
        && registrant.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && !suffix.is_empty()
        && !suffix.chars().any(char::is_whitespace)
}

/// ISSN check digit (mod 11, `X` for 10).
pub fn issn_check_digit_ok(issn: &str) -> bool {
    let chars: Vec<char> = issn.chars().filter(|c| *c != '-').collect();
    if chars.len() != 8 {
        return false;
    }
    let mut sum = 0;
    for (i, c) in chars[..7].iter().enumerate() {
        let Some(d) = c.to_digit(10) else {
            return false;
        };
        sum += d * (8 - i as u32);
    }
    let check = (11 - sum % 11) % 11;
    match chars[7] {
        'X' | 'x' => check == 10,
        c => c.to_digit(10) == Some(check),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issn_check_digits() {
        let cases = [
            ("1745-7254", true),
            ("1671-4083", true),
            ("0028-0836", true),
            ("0028-0837", false),
            ("2049-3630", true),
            ("1234", false),
        ];
        for (issn, want) in cases {
            assert_eq!(issn_check_digit_ok(issn), want, "{issn}");
        }
    }

    #[test]
    fn doi_syntax() {
        let cases = [
            ("10.1038/xyz.2019.77", true),
            ("10.1000.10/abc", true),
            ("10.12/x", false),
            ("doi:10.1038/x", false),
            ("10.1038/", false),
            ("10.1038/a b", false),
        ];
        for (doi, want) in cases {
            assert_eq!(is_valid_doi(doi), want, "{doi}");
        }
    }
}
