//! The article record: the output contract of `docs/record.md` as Rust types.
//!
//! Every stage fills parts of one [`Record`]; the writer serialises it as JSON and the
//! validator checks it against `schemas/article.schema.json`. Field names and types here
//! are the contract: renaming or retyping one bumps [`SCHEMA_VERSION`].

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Version of the record contract written into every record.
pub const SCHEMA_VERSION: &str = "1.0";

/// Version of the extraction pipeline; part of the `--resume` key.
pub const PIPELINE_VERSION: &str = env!("CARGO_PKG_VERSION");

/// One JSON object per input document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub schema_version: String,
    pub source: Source,
    pub status: Status,
    pub title: Option<String>,
    pub article_type: Option<String>,
    pub journal: Journal,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub article_number: Option<String>,
    pub page_first: Option<String>,
    pub page_last: Option<String>,
    pub year: Option<i32>,
    pub dates: Dates,
    pub doi: Option<String>,
    pub url: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub open_access: Option<bool>,
    #[serde(rename = "abstract")]
    pub abstract_text: Option<String>,
    pub keywords: Vec<String>,
    pub authors: Vec<Author>,
    pub affiliations: Vec<Affiliation>,
    pub funding: Vec<Funding>,
    pub acknowledgements: Option<String>,
    pub references: Vec<Reference>,
    pub cited_by: Vec<CitedBy>,
    pub related: Vec<Related>,
    pub metrics: Metrics,
    pub full_text_available: bool,
    pub body: Vec<Section>,
    pub warnings: Vec<Problem>,
    pub errors: Vec<Problem>,
    pub pipeline: Pipeline,
    pub provenance: BTreeMap<String, Provenance>,
}

/// Where the record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub path: String,
    /// `"text"`, `"html"` or `"pdf"`.
    pub format: String,
    pub sha256: String,
    pub bytes: u64,
    pub site: Option<String>,
}

/// Outcome of extraction for one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Ok,
    Partial,
    Failed,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Journal {
    pub title: Option<String>,
    pub abbrev: Option<String>,
    pub issn_print: Option<String>,
    pub issn_electronic: Option<String>,
    pub publisher: Option<String>,
}

/// ISO 8601 dates, partial allowed (`"2013-06"`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dates {
    pub received: Option<String>,
    pub revised: Option<String>,
    pub accepted: Option<String>,
    pub published: Option<String>,
    pub issue: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Author {
    /// The name as printed.
    pub name: String,
    pub given: Option<String>,
    pub family: Option<String>,
    pub orcid: Option<String>,
    pub email: Option<String>,
    /// Ids of entries in [`Record::affiliations`].
    pub affiliations: Vec<String>,
    pub corresponding: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Affiliation {
    /// The page's own label, e.g. `"1"`.
    pub id: String,
    /// As printed.
    pub text: String,
    pub institution: Option<String>,
    pub department: Option<String>,
    pub city: Option<String>,
    pub postcode: Option<String>,
    pub country: Option<String>,
}

/// One funder with every grant number the page gives for it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Funding {
    pub funder: String,
    pub award_ids: Vec<String>,
    /// The sentence it came from.
    pub text: Option<String>,
}

/// One entry of the bibliography.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub number: Option<u32>,
    pub raw: String,
    /// CSL type: `article-journal`, `book`, `chapter`, `paper-conference`, `thesis`,
    /// `report`, `webpage`, `other`.
    #[serde(rename = "type")]
    pub kind: String,
    pub authors: Vec<RefAuthor>,
    pub et_al: bool,
    pub title: Option<String>,
    pub container_title: Option<String>,
    pub year: Option<i32>,
    pub volume: Option<String>,
    pub issue: Option<String>,
    pub page_first: Option<String>,
    pub page_last: Option<String>,
    pub article_number: Option<String>,
    pub doi: Option<String>,
    pub pmid: Option<String>,
    pub pmcid: Option<String>,
    pub url: Option<String>,
    /// Link residue seen after it: `pubmed`, `pmc`, `cas`, `google_scholar`, `article`, `doi`.
    pub links: Vec<String>,
}

/// A reference author: a person (`family`, `given`) or a group (`literal`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefAuthor {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub given: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub literal: Option<String>,
}

/// An entry of the page's "cited by" list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitedBy {
    pub title: String,
    pub authors: Vec<String>,
    pub container_title: Option<String>,
    pub year: Option<i32>,
}

/// An entry of a "similar content" / "recommended articles" widget.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Related {
    pub title: String,
    pub container_title: Option<String>,
    pub date: Option<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metrics {
    pub accesses: Option<u64>,
    pub citations: Option<u64>,
    pub altmetric: Option<u64>,
}

/// A section of the article's own text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub heading: Option<String>,
    pub text: String,
}

/// A warning or error: which stage, a stable code, and a readable message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    pub stage: String,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    pub version: String,
    /// The site profile that matched, or `"generic"`.
    pub profile: String,
}

/// Where a field's value came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// `"meta:citation_title"`, `"json-ld"`, `"text"`, `"pdf"`, ...
    pub source: String,
    /// Byte span `[start, end)` in the decoded input, for values read from the text.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub span: Option<[usize; 2]>,
}

impl Problem {
    pub fn new(stage: &str, code: &str, message: impl Into<String>) -> Self {
        Problem {
            stage: stage.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

impl Record {
    /// An empty record for a source: every field unknown, status `ok`.
    pub fn empty(source: Source) -> Self {
        Record {
            schema_version: SCHEMA_VERSION.to_owned(),
            source,
            status: Status::Ok,
            title: None,
            article_type: None,
            journal: Journal::default(),
            volume: None,
            issue: None,
            article_number: None,
            page_first: None,
            page_last: None,
            year: None,
            dates: Dates::default(),
            doi: None,
            url: None,
            pmid: None,
            pmcid: None,
            open_access: None,
            abstract_text: None,
            keywords: Vec::new(),
            authors: Vec::new(),
            affiliations: Vec::new(),
            funding: Vec::new(),
            acknowledgements: None,
            references: Vec::new(),
            cited_by: Vec::new(),
            related: Vec::new(),
            metrics: Metrics::default(),
            full_text_available: false,
            body: Vec::new(),
            warnings: Vec::new(),
            errors: Vec::new(),
            pipeline: Pipeline {
                version: PIPELINE_VERSION.to_owned(),
                profile: "generic".to_owned(),
            },
            provenance: BTreeMap::new(),
        }
    }

    /// An empty record of a page `path` in `format`, nothing read yet: what unit tests
    /// fill and check.
    #[cfg(test)]
    pub(crate) fn empty_for_tests(path: &str, format: &str) -> Self {
        Record::empty(Source {
            path: path.to_owned(),
            format: format.to_owned(),
            sha256: String::new(),
            bytes: 0,
            site: None,
        })
    }

    /// Records where a field's value came from.
    pub fn note_source(&mut self, field: &str, source: &str, span: Option<[usize; 2]>) {
        self.provenance.insert(
            field.to_owned(),
            Provenance {
                source: source.to_owned(),
                span,
            },
        );
    }
}

impl Reference {
    /// A reference holding only its raw string, every field unknown.
    pub fn from_raw(raw: impl Into<String>) -> Self {
        Reference {
            raw: raw.into(),
            kind: "other".to_owned(),
            ..Reference::default()
        }
    }
}
