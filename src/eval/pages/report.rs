//! The `eval pages` report: per-input results summed by input kind, field and publisher,
//! rendered as plain-text tables, and checked against pinned quality floors.
//!
//! Every summary is micro-averaged: the TP/FP/FN of all fields and inputs in a group are
//! added before F1 is taken. Fields are grouped as `header` (everything about the article
//! itself, `references_count` included) and `references` (the per-reference fields), so a
//! long reference list does not hide the header fields; `all` adds both.

use super::score::FieldScore;
use super::{CaseFailure, CaseResult, InputKind};
use crate::profiles::PROFILES;
use crate::record::Status;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::path::Path;

/// Report order of the fields; fields not listed follow alphabetically.
const FIELD_ORDER: &[&str] = &[
    "title",
    "article_type",
    "journal",
    "journal_abbrev",
    "volume",
    "issue",
    "article_number",
    "first_page",
    "last_page",
    "year",
    "doi",
    "dates.received",
    "dates.revised",
    "dates.accepted",
    "dates.published",
    "keywords",
    "abstract",
    "authors",
    "authors.affiliations",
    "authors.corresponding",
    "authors.orcid",
    "affiliations",
    "funding.funder",
    "funding.awards",
    "references_count",
    "references.authors",
    "references.title",
    "references.journal",
    "references.year",
    "references.volume",
    "references.issue",
    "references.first_page",
    "references.last_page",
    "references.doi",
    "references.raw",
];

/// Failed inputs listed one by one; the rest are only counted.
const MAX_LISTED_FAILURES: usize = 25;

/// The field groups a floor can be set on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Group {
    All,
    Header,
    References,
}

impl Group {
    pub const ALL: [Group; 3] = [Group::All, Group::Header, Group::References];

    pub fn name(self) -> &'static str {
        match self {
            Group::All => "all",
            Group::Header => "header",
            Group::References => "references",
        }
    }

    fn contains(self, field: &str) -> bool {
        match self {
            Group::All => true,
            Group::Header => !field.starts_with("references."),
            Group::References => field.starts_with("references."),
        }
    }
}

/// Counts of one group of inputs, split by field group.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct GroupSummary {
    /// What the row is about: a kind, a publisher, or `"all"`.
    pub name: String,
    /// Inputs scored.
    pub inputs: usize,
    /// Cases among them.
    pub cases: usize,
    /// Records with status `failed` (or inputs that could not be run).
    pub failed: usize,
    pub all: FieldScore,
    pub header: FieldScore,
    pub references: FieldScore,
    pub soft_f1: Option<f64>,
    pub strict_f1: Option<f64>,
}

impl GroupSummary {
    fn of<'a>(name: &str, results: impl Iterator<Item = &'a CaseResult>) -> Self {
        let mut summary = GroupSummary {
            name: name.to_owned(),
            ..GroupSummary::default()
        };
        let mut cases = std::collections::BTreeSet::new();
        for result in results {
            summary.inputs += 1;
            cases.insert(result.case.as_str());
            summary.failed += usize::from(result.status.is_none_or(|s| s == Status::Failed));
            for (field, score) in &result.score.fields {
                summary.all.add(*score);
                if Group::References.contains(field) {
                    summary.references.add(*score);
                } else {
                    summary.header.add(*score);
                }
            }
        }
        summary.cases = cases.len();
        summary.soft_f1 = summary.all.soft.f1();
        summary.strict_f1 = summary.all.strict.f1();
        summary
    }

    /// Soft micro-F1 of a field group.
    pub fn soft_f1_of(&self, group: Group) -> Option<f64> {
        match group {
            Group::All => self.all.soft.f1(),
            Group::Header => self.header.soft.f1(),
            Group::References => self.references.soft.f1(),
        }
    }
}

/// One field summed over a set of inputs.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct FieldSummary {
    pub field: String,
    /// Inputs where the field was scored.
    pub inputs: usize,
    pub score: FieldScore,
    /// Soft F1 per input kind.
    pub soft_f1_by_kind: BTreeMap<String, Option<f64>>,
}

/// A scored input with its soft micro-F1, for the "worst cases" list.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct WorstCase {
    pub case: String,
    pub kind: InputKind,
    pub soft_f1: f64,
    /// `field (-FN +FP)` for every field that missed under soft matching.
    pub missed: Vec<String>,
}

/// The full report of one `eval pages` run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PagesReport {
    pub corpus: String,
    /// Case folders found (after `--case` filtering).
    pub cases: usize,
    pub overall: GroupSummary,
    pub by_kind: Vec<GroupSummary>,
    pub by_publisher: Vec<GroupSummary>,
    /// Soft F1 per publisher and kind.
    pub publisher_kind_soft_f1: BTreeMap<String, BTreeMap<String, Option<f64>>>,
    pub by_field: Vec<FieldSummary>,
    pub worst: Vec<WorstCase>,
    pub boilerplate_violations: usize,
    /// Cases whose gold could not be read; they are not scored.
    pub failures: Vec<CaseFailure>,
    pub results: Vec<CaseResult>,
}

impl PagesReport {
    /// How often the site profile names the case's publisher (the case id's prefix), by
    /// input kind, and the inputs where it does not. Cases whose publisher no profile knows
    /// are left out.
    fn render_profiles(&self, out: &mut String) {
        let known = |publisher: &str| PROFILES.iter().any(|p| p.name == publisher);
        let scored: Vec<&CaseResult> = self
            .results
            .iter()
            .filter(|r| r.profile.is_some() && known(&r.publisher))
            .collect();
        if scored.is_empty() {
            return;
        }
        let hits = |r: &CaseResult| r.profile.as_deref() == Some(r.publisher.as_str());
        let _ = writeln!(
            out,
            "\nSite profile names the publisher: {} of {} inputs",
            scored.iter().filter(|r| hits(r)).count(),
            scored.len()
        );
        for kind in InputKind::ALL {
            let of_kind: Vec<&CaseResult> =
                scored.iter().copied().filter(|r| r.kind == kind).collect();
            if !of_kind.is_empty() {
                let _ = writeln!(
                    out,
                    "  {:<14} {} of {}",
                    kind.name(),
                    of_kind.iter().filter(|r| hits(r)).count(),
                    of_kind.len()
                );
            }
        }
        for r in scored.iter().filter(|r| !hits(r)) {
            let _ = writeln!(
                out,
                "  {:<36} {:<14} picked {}",
                r.case,
                r.kind.name(),
                r.profile.as_deref().unwrap_or_default()
            );
        }
    }

    /// Sums per-input results into the report.
    pub fn new(
        corpus: String,
        cases: usize,
        results: Vec<CaseResult>,
        failures: Vec<CaseFailure>,
    ) -> Self {
        let kinds: Vec<InputKind> = InputKind::ALL
            .into_iter()
            .filter(|k| results.iter().any(|r| r.kind == *k))
            .collect();
        let by_kind = kinds
            .iter()
            .map(|k| GroupSummary::of(k.name(), results.iter().filter(|r| r.kind == *k)))
            .collect();
        let mut publishers: Vec<&str> = results.iter().map(|r| r.publisher.as_str()).collect();
        publishers.sort_unstable();
        publishers.dedup();
        let by_publisher = publishers
            .iter()
            .map(|p| GroupSummary::of(p, results.iter().filter(|r| r.publisher == *p)))
            .collect();
        let publisher_kind_soft_f1 = publishers
            .iter()
            .map(|p| {
                let row = kinds
                    .iter()
                    .map(|k| {
                        let summary = GroupSummary::of(
                            k.name(),
                            results.iter().filter(|r| r.publisher == *p && r.kind == *k),
                        );
                        (k.name().to_owned(), summary.soft_f1)
                    })
                    .collect();
                (p.to_string(), row)
            })
            .collect();

        let mut fields: BTreeMap<&str, (usize, FieldScore, BTreeMap<InputKind, FieldScore>)> =
            BTreeMap::new();
        for result in &results {
            for (field, score) in &result.score.fields {
                let entry = fields.entry(field.as_str()).or_default();
                entry.0 += 1;
                entry.1.add(*score);
                entry.2.entry(result.kind).or_default().add(*score);
            }
        }
        let mut by_field: Vec<FieldSummary> = fields
            .into_iter()
            .map(|(field, (inputs, score, per_kind))| FieldSummary {
                field: field.to_owned(),
                inputs,
                score,
                soft_f1_by_kind: kinds
                    .iter()
                    .map(|k| {
                        let f1 = per_kind.get(k).and_then(|s| s.soft.f1());
                        (k.name().to_owned(), f1)
                    })
                    .collect(),
            })
            .collect();
        by_field.sort_by_key(|f| field_rank(&f.field));

        let mut worst: Vec<WorstCase> = results
            .iter()
            .filter_map(|r| {
                let total = r.score.total();
                let soft_f1 = total.soft.f1()?;
                let missed = ordered_fields(&r.score.fields)
                    .into_iter()
                    .filter(|(_, s)| s.soft.fp + s.soft.fn_ > 0)
                    .map(|(field, s)| format!("{field} (-{} +{})", s.soft.fn_, s.soft.fp))
                    .collect();
                Some(WorstCase {
                    case: r.case.clone(),
                    kind: r.kind,
                    soft_f1,
                    missed,
                })
            })
            .collect();
        worst.sort_by(|a, b| {
            a.soft_f1
                .total_cmp(&b.soft_f1)
                .then_with(|| a.case.cmp(&b.case))
                .then(a.kind.cmp(&b.kind))
        });

        let boilerplate_violations = results.iter().map(|r| r.score.boilerplate.len()).sum();
        PagesReport {
            corpus,
            cases,
            overall: GroupSummary::of("all", results.iter()),
            by_kind,
            by_publisher,
            publisher_kind_soft_f1,
            by_field,
            worst,
            boilerplate_violations,
            failures,
            results,
        }
    }

    /// The report as plain-text tables; `worst` limits the worst-cases list.
    pub fn render_tables(&self, worst: usize) -> String {
        let mut out = String::new();
        let failed_records: usize = self.by_kind.iter().map(|k| k.failed).sum();
        let _ = writeln!(
            out,
            "eval pages {}: {} cases, {} inputs scored, {} failed records, {} unreadable gold files",
            self.corpus,
            self.cases,
            self.overall.inputs,
            failed_records,
            self.failures.len()
        );
        out.push_str(
            "Micro-averaged F1; soft = lower-cased, punctuation and spaces removed; strict = trimmed, spaces collapsed.\n",
        );

        out.push_str("\nBy input kind\n");
        let _ = writeln!(
            out,
            "{:<14} {:>6} {:>6} {:>8} {:>9} {:>11} {:>9}",
            "kind", "inputs", "failed", "soft F1", "strict F1", "header soft", "refs soft"
        );
        for row in self.by_kind.iter().chain(std::iter::once(&self.overall)) {
            let _ = writeln!(
                out,
                "{:<14} {:>6} {:>6} {:>8} {:>9} {:>11} {:>9}",
                row.name,
                row.inputs,
                row.failed,
                fmt_f1(row.all.soft.f1()),
                fmt_f1(row.all.strict.f1()),
                fmt_f1(row.header.soft.f1()),
                fmt_f1(row.references.soft.f1()),
            );
        }

        out.push_str("\nBy field, all kinds (gold = TP+FN, pred = TP+FP, soft counts)\n");
        let _ = writeln!(
            out,
            "{:<24} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>8} {:>9}",
            "field", "inputs", "gold", "pred", "TP", "soft P", "soft R", "soft F1", "strict F1"
        );
        for field in &self.by_field {
            let soft = field.score.soft;
            let _ = writeln!(
                out,
                "{:<24} {:>6} {:>6} {:>6} {:>6} {:>7} {:>7} {:>8} {:>9}",
                field.field,
                field.inputs,
                soft.tp + soft.fn_,
                soft.tp + soft.fp,
                soft.tp,
                fmt_f1(soft.precision()),
                fmt_f1(soft.recall()),
                fmt_f1(soft.f1()),
                fmt_f1(field.score.strict.f1()),
            );
        }

        let kind_names: Vec<&str> = self.by_kind.iter().map(|k| k.name.as_str()).collect();
        out.push_str("\nBy field and input kind: soft F1\n");
        let _ = write!(out, "{:<24}", "field");
        for name in &kind_names {
            let _ = write!(out, " {name:>13}");
        }
        out.push('\n');
        for field in &self.by_field {
            let _ = write!(out, "{:<24}", field.field);
            for name in &kind_names {
                let f1 = field.soft_f1_by_kind.get(*name).copied().flatten();
                let _ = write!(out, " {:>13}", fmt_f1(f1));
            }
            out.push('\n');
        }

        out.push_str("\nBy publisher: soft F1 (all kinds, then per kind)\n");
        let _ = write!(
            out,
            "{:<14} {:>5} {:>6} {:>8} {:>9}",
            "publisher", "cases", "inputs", "soft F1", "strict F1"
        );
        for name in &kind_names {
            let _ = write!(out, " {name:>13}");
        }
        out.push('\n');
        for row in &self.by_publisher {
            let _ = write!(
                out,
                "{:<14} {:>5} {:>6} {:>8} {:>9}",
                row.name,
                row.cases,
                row.inputs,
                fmt_f1(row.all.soft.f1()),
                fmt_f1(row.all.strict.f1()),
            );
            let per_kind = self.publisher_kind_soft_f1.get(&row.name);
            for name in &kind_names {
                let f1 = per_kind.and_then(|m| m.get(*name)).copied().flatten();
                let _ = write!(out, " {:>13}", fmt_f1(f1));
            }
            out.push('\n');
        }

        if worst > 0 && !self.worst.is_empty() {
            let _ = writeln!(out, "\nWorst inputs (lowest soft F1; field (-FN +FP))");
            for case in self.worst.iter().take(worst) {
                let _ = writeln!(
                    out,
                    "{:<36} {:<14} {:>6}  {}",
                    case.case,
                    case.kind.name(),
                    fmt_f1(Some(case.soft_f1)),
                    case.missed.join(", ")
                );
            }
        }

        let failed: Vec<&CaseResult> = self.results.iter().filter(|r| r.error.is_some()).collect();
        if !failed.is_empty() {
            let _ = writeln!(out, "\nFailed inputs ({})", failed.len());
            let mut reasons: BTreeMap<(&str, &str), usize> = BTreeMap::new();
            for r in &failed {
                let error = r.error.as_deref().unwrap_or_default();
                let code = error.split_once(':').map_or(error, |(code, _)| code);
                *reasons.entry((r.kind.name(), code)).or_default() += 1;
            }
            for ((kind, code), count) in &reasons {
                let _ = writeln!(out, "  {kind:<14} {count:>4} × {code}");
            }
            for r in failed.iter().take(MAX_LISTED_FAILURES) {
                let _ = writeln!(
                    out,
                    "{:<36} {:<14} {}",
                    r.case,
                    r.kind.name(),
                    one_line(r.error.as_deref().unwrap_or_default(), 160)
                );
            }
            if failed.len() > MAX_LISTED_FAILURES {
                let _ = writeln!(
                    out,
                    "  … {} more (all are in the --json report)",
                    failed.len() - MAX_LISTED_FAILURES
                );
            }
        }
        for failure in &self.failures {
            let _ = writeln!(out, "unreadable gold: {}: {}", failure.case, failure.error);
        }

        self.render_profiles(&mut out);
        let _ = writeln!(
            out,
            "\nBoilerplate that must be absent: {} violations",
            self.boilerplate_violations
        );
        for r in &self.results {
            for hit in &r.score.boilerplate {
                let _ = writeln!(
                    out,
                    "  {} [{}] {}: {:?}",
                    r.case,
                    r.kind.name(),
                    hit.field,
                    hit.text
                );
            }
        }
        out
    }

    /// Gold versus predicted for every miss of a field (`title`) or field family
    /// (`references` gives every `references.*`).
    pub fn render_errors(&self, field: &str) -> String {
        let mut out = String::new();
        let mut count = 0;
        for r in &self.results {
            for miss in &r.score.misses {
                let matches_field = miss.field == field
                    || miss
                        .field
                        .strip_prefix(field)
                        .is_some_and(|rest| rest.starts_with('.'));
                if !matches_field {
                    continue;
                }
                count += 1;
                let _ = writeln!(
                    out,
                    "{} [{}] {}{}",
                    r.case,
                    r.kind.name(),
                    miss.field,
                    if miss.strict_only {
                        " (strict only)"
                    } else {
                        ""
                    }
                );
                let _ = writeln!(
                    out,
                    "  gold:      {}",
                    one_line(miss.gold.as_deref().unwrap_or("—"), 400)
                );
                let _ = writeln!(
                    out,
                    "  predicted: {}",
                    one_line(miss.predicted.as_deref().unwrap_or("—"), 400)
                );
            }
        }
        let _ = writeln!(out, "{count} misses of {field}");
        let known = self.by_field.iter().any(|f| {
            f.field == field
                || f.field
                    .strip_prefix(field)
                    .is_some_and(|rest| rest.starts_with('.'))
        });
        if !known {
            let fields: Vec<&str> = self.by_field.iter().map(|f| f.field.as_str()).collect();
            let _ = writeln!(
                out,
                "(no field {field:?} was scored in this run; scored fields: {})",
                fields.join(", ")
            );
        }
        out
    }

    /// Compares soft micro-F1 per kind with the floors. Kinds with a floor that were not
    /// run are listed in the second vector.
    pub fn check_floors(&self, floors: &Floors) -> (Vec<FloorBreach>, Vec<String>) {
        let mut breaches = Vec::new();
        let mut not_run = Vec::new();
        for (kind, floor) in &floors.kinds {
            let Some(summary) = self.by_kind.iter().find(|k| &k.name == kind) else {
                not_run.push(kind.clone());
                continue;
            };
            for group in Group::ALL {
                let Some(minimum) = floor.get(group) else {
                    continue;
                };
                let measured = summary.soft_f1_of(group).unwrap_or(0.0);
                if measured < minimum {
                    breaches.push(FloorBreach {
                        kind: kind.clone(),
                        group,
                        floor: minimum,
                        measured,
                    });
                }
            }
        }
        (breaches, not_run)
    }

    /// Floors at the measured soft micro-F1 minus `margin` (never below 0), per kind and
    /// field group, rounded down to 0.01.
    pub fn pinned_floors(&self, margin: f64) -> Floors {
        let kinds = self
            .by_kind
            .iter()
            .map(|summary| {
                let pin = |group| {
                    summary
                        .soft_f1_of(group)
                        .map(|f1| ((f1 - margin).max(0.0) * 100.0).floor() / 100.0)
                };
                let floor = KindFloor::Groups {
                    all: pin(Group::All),
                    header: pin(Group::Header),
                    references: pin(Group::References),
                };
                (summary.name.clone(), floor)
            })
            .collect();
        Floors {
            comment: Some(format!(
                "Minimum soft micro-F1 per input kind for `papersift eval pages --floors`: the measured value minus {margin}, rounded down. Raise these when extraction improves; never lower them to make a change pass."
            )),
            metric: Some("soft micro-F1".to_owned()),
            kinds,
        }
    }
}

fn field_rank(field: &str) -> (usize, String) {
    let rank = FIELD_ORDER
        .iter()
        .position(|f| *f == field)
        .unwrap_or(FIELD_ORDER.len());
    (rank, field.to_owned())
}

fn ordered_fields(fields: &BTreeMap<String, FieldScore>) -> Vec<(&str, FieldScore)> {
    let mut list: Vec<(&str, FieldScore)> = fields.iter().map(|(f, s)| (f.as_str(), *s)).collect();
    list.sort_by_key(|(f, _)| field_rank(f));
    list
}

/// Whitespace collapsed and cut to `max` characters, for a table cell.
fn one_line(text: &str, max: usize) -> String {
    let mut line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some((cut, _)) = line.char_indices().nth(max) {
        line.truncate(cut);
        line.push('…');
    }
    line
}

fn fmt_f1(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

/// A kind whose soft micro-F1 fell below its floor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FloorBreach {
    pub kind: String,
    pub group: Group,
    pub floor: f64,
    pub measured: f64,
}

impl std::fmt::Display for FloorBreach {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} ({} fields): soft micro-F1 {:.3} is below its floor {:.3}",
            self.kind,
            self.group.name(),
            self.measured,
            self.floor
        )
    }
}

/// Pinned minimum soft micro-F1 per input kind (`quality/pages-floors.json`).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Floors {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metric: Option<String>,
    /// Per kind name: one number (the floor of all fields) or per field group.
    pub kinds: BTreeMap<String, KindFloor>,
}

/// The floor of one kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum KindFloor {
    All(f64),
    Groups {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        all: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        header: Option<f64>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        references: Option<f64>,
    },
}

impl KindFloor {
    pub fn get(&self, group: Group) -> Option<f64> {
        match (self, group) {
            (KindFloor::All(v), Group::All) => Some(*v),
            (KindFloor::All(_), _) => None,
            (KindFloor::Groups { all, .. }, Group::All) => *all,
            (KindFloor::Groups { header, .. }, Group::Header) => *header,
            (KindFloor::Groups { references, .. }, Group::References) => *references,
        }
    }
}

/// Why a floors file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum FloorsError {
    #[error("{path}: cannot read: {error}")]
    Read { path: String, error: std::io::Error },
    #[error("{path}: not a valid floors file: {error}")]
    Parse {
        path: String,
        error: serde_json::Error,
    },
    #[error("{path}: unknown input kind {kind:?} (one of {known})")]
    UnknownKind {
        path: String,
        kind: String,
        known: String,
    },
    #[error("{path}: floor {value} of {kind} is not between 0 and 1")]
    OutOfRange {
        path: String,
        kind: String,
        value: f64,
    },
}

impl Floors {
    pub fn load(path: &Path) -> Result<Floors, FloorsError> {
        let shown = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|error| FloorsError::Read {
            path: shown.clone(),
            error,
        })?;
        let floors: Floors =
            serde_json::from_slice(&bytes).map_err(|error| FloorsError::Parse {
                path: shown.clone(),
                error,
            })?;
        for (kind, floor) in &floors.kinds {
            if kind.parse::<InputKind>().is_err() {
                return Err(FloorsError::UnknownKind {
                    path: shown,
                    kind: kind.clone(),
                    known: InputKind::NAMES.join(", "),
                });
            }
            for value in Group::ALL.into_iter().filter_map(|g| floor.get(g)) {
                if !(0.0..=1.0).contains(&value) {
                    return Err(FloorsError::OutOfRange {
                        path: shown,
                        kind: kind.clone(),
                        value,
                    });
                }
            }
        }
        Ok(floors)
    }
}
