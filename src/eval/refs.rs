//! Scoring the reference parser against gold reference strings (`eval refs`).
//!
//! Gold files are JSON Lines: `{"id", "raw", "gold": {fields}, "gold_fields": [...]}`
//! (see `corpus/references/README.md`). Only the fields listed in `gold_fields` are scored,
//! field by field as GROBID's evaluation does: a right value is a true positive, a wrong
//! value one false positive and one false negative, a missing value a false negative, an
//! invented value a false positive; empty gold with empty prediction is not counted.
//! Authors are compared as the ordered list of family names; a `literal` on either side
//! matches a name that equals it or occurs in it as whole words.

use super::normalize;
use crate::record::{RefAuthor, Reference};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::BTreeMap;

/// The fields the headline micro average is taken over.
pub const MICRO_FIELDS: &[&str] = &[
    "authors",
    "title",
    "container_title",
    "year",
    "volume",
    "issue",
    "page_first",
    "page_last",
    "doi",
];

/// Every field this scorer knows how to compare (others in `gold_fields`, such as
/// `publisher` and `editors`, are not produced by the parser and are skipped).
pub const SCORED_FIELDS: &[&str] = &[
    "authors",
    "et_al",
    "title",
    "container_title",
    "year",
    "volume",
    "issue",
    "page_first",
    "page_last",
    "doi",
    "url",
];

/// Errors reading a gold file.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}:{line}: not a gold reference line: {source}")]
    Json {
        path: String,
        line: usize,
        source: serde_json::Error,
    },
}

/// One gold line.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldReference {
    pub id: String,
    pub raw: String,
    pub gold: BTreeMap<String, Value>,
    pub gold_fields: Vec<String>,
}

/// Reads a gold JSON Lines text.
pub fn read_gold(path: &str, text: &str) -> Result<Vec<GoldReference>, GoldError> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| {
            serde_json::from_str(l).map_err(|source| GoldError::Json {
                path: path.to_owned(),
                line: n + 1,
                source,
            })
        })
        .collect()
}

/// Counts for one field in one mode (serialised with precision, recall and F1).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
}

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Counts", 6)?;
        s.serialize_field("tp", &self.tp)?;
        s.serialize_field("fp", &self.fp)?;
        s.serialize_field("fn", &self.fn_)?;
        s.serialize_field("precision", &self.precision())?;
        s.serialize_field("recall", &self.recall())?;
        s.serialize_field("f1", &self.f1())?;
        s.end()
    }
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Strict or soft matching.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Strict,
    Soft,
}

/// Scores for one gold file.
#[derive(Debug, Clone, Default, Serialize)]
pub struct RefsReport {
    pub references: usize,
    pub strict: BTreeMap<String, Counts>,
    pub soft: BTreeMap<String, Counts>,
    pub micro_strict: Counts,
    pub micro_soft: Counts,
    /// Share of references with every scored gold field right.
    pub instance_accuracy_strict: f64,
    pub instance_accuracy_soft: f64,
}

impl RefsReport {
    pub fn micro_f1(&self, mode: Mode) -> f64 {
        match mode {
            Mode::Strict => self.micro_strict.f1(),
            Mode::Soft => self.micro_soft.f1(),
        }
    }
}

/// A value in comparable form: a string, or a list of author names.
#[derive(Debug, Clone, PartialEq)]
enum Comparable {
    Empty,
    Text(String),
    Names(Vec<(String, bool)>),
}

fn norm(mode: Mode, s: &str) -> String {
    match mode {
        Mode::Strict => normalize::strict(s),
        Mode::Soft => normalize::soft(s),
    }
}

fn gold_value(field: &str, value: Option<&Value>, mode: Mode) -> Comparable {
    let Some(value) = value else {
        return Comparable::Empty;
    };
    match (field, value) {
        (_, Value::Null) => Comparable::Empty,
        ("et_al", Value::Bool(b)) => bool_value(*b),
        ("authors", Value::Array(list)) => {
            let names: Vec<RefAuthor> = list
                .iter()
                .filter_map(|v| serde_json::from_value(v.clone()).ok())
                .collect();
            names_value(&names, mode)
        }
        (_, Value::String(s)) => text_value(s, mode),
        (_, Value::Number(n)) => text_value(&n.to_string(), mode),
        _ => Comparable::Empty,
    }
}

fn bool_value(b: bool) -> Comparable {
    if b {
        Comparable::Text("true".into())
    } else {
        Comparable::Empty
    }
}

fn text_value(s: &str, mode: Mode) -> Comparable {
    let v = norm(mode, s);
    if v.is_empty() {
        Comparable::Empty
    } else {
        Comparable::Text(v)
    }
}

fn names_value(names: &[RefAuthor], mode: Mode) -> Comparable {
    let list: Vec<(String, bool)> = names
        .iter()
        .filter_map(|a| match (&a.literal, &a.family) {
            (Some(l), _) => Some((l.clone(), true)),
            (None, Some(f)) => Some((f.clone(), false)),
            (None, None) => a.given.clone().map(|g| (g, false)),
        })
        .filter(|(s, _)| !norm(mode, s).is_empty())
        .collect();
    if list.is_empty() {
        Comparable::Empty
    } else {
        Comparable::Names(list)
    }
}

fn predicted_value(field: &str, r: &Reference, mode: Mode) -> Comparable {
    let opt = |v: &Option<String>| {
        v.as_deref()
            .map_or(Comparable::Empty, |s| text_value(s, mode))
    };
    match field {
        "authors" => names_value(&r.authors, mode),
        "et_al" => bool_value(r.et_al),
        "title" => opt(&r.title),
        "container_title" => opt(&r.container_title),
        "year" => r
            .year
            .map_or(Comparable::Empty, |y| Comparable::Text(y.to_string())),
        "volume" => opt(&r.volume),
        "issue" => opt(&r.issue),
        "page_first" => opt(&r.page_first),
        "page_last" => opt(&r.page_last),
        "doi" => opt(&r.doi),
        "url" => opt(&r.url),
        "type" => Comparable::Text(r.kind.clone()),
        _ => Comparable::Empty,
    }
}

/// Words of a name normalised one by one, empties dropped.
fn name_words(s: &str, mode: Mode) -> Vec<String> {
    s.split_whitespace()
        .map(|w| norm(mode, w))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `inner` occurs in `outer` as whole words.
fn occurs_as_words(inner: &str, outer: &str, mode: Mode) -> bool {
    let (i, o) = (name_words(inner, mode), name_words(outer, mode));
    !i.is_empty() && o.windows(i.len()).any(|w| w == i.as_slice())
}

fn names_match(gold: &(String, bool), pred: &(String, bool), mode: Mode) -> bool {
    let (g, p) = (norm(mode, &gold.0), norm(mode, &pred.0));
    if g == p {
        return true;
    }
    (gold.1 && occurs_as_words(&pred.0, &gold.0, mode))
        || (pred.1 && occurs_as_words(&gold.0, &pred.0, mode))
}

fn values_match(gold: &Comparable, pred: &Comparable, mode: Mode) -> bool {
    match (gold, pred) {
        (Comparable::Names(g), Comparable::Names(p)) => {
            g.len() == p.len() && g.iter().zip(p).all(|(a, b)| names_match(a, b, mode))
        }
        (a, b) => a == b,
    }
}

/// Scores one value pair.
fn score(gold: &Comparable, pred: &Comparable, mode: Mode) -> (Counts, bool) {
    match (gold, pred) {
        (Comparable::Empty, Comparable::Empty) => (Counts::default(), true),
        (Comparable::Empty, _) => (
            Counts {
                fp: 1,
                ..Counts::default()
            },
            false,
        ),
        (_, Comparable::Empty) => (
            Counts {
                fn_: 1,
                ..Counts::default()
            },
            false,
        ),
        (g, p) if values_match(g, p, mode) => (
            Counts {
                tp: 1,
                ..Counts::default()
            },
            true,
        ),
        _ => (
            Counts {
                fp: 1,
                fn_: 1,
                ..Counts::default()
            },
            false,
        ),
    }
}

/// One field's outcome for one reference, for error listings.
#[derive(Debug, Clone, Serialize)]
pub struct FieldError {
    pub id: String,
    pub field: String,
    pub gold: String,
    pub predicted: String,
}

/// Scores predictions (in gold order) against gold lines. With `with_type`, the derived
/// `type` is scored too. Returns the report and the soft-mode errors.
pub fn score_refs(
    gold: &[GoldReference],
    predictions: &[Reference],
    with_type: bool,
) -> (RefsReport, Vec<FieldError>) {
    let mut report = RefsReport {
        references: gold.len(),
        ..RefsReport::default()
    };
    let mut errors = Vec::new();
    let mut all_right = [0usize; 2];
    for (g, p) in gold.iter().zip(predictions) {
        let mut right = [true, true];
        for field in &g.gold_fields {
            let known = SCORED_FIELDS.contains(&field.as_str());
            if !known {
                continue;
            }
            for (m, mode) in [Mode::Strict, Mode::Soft].into_iter().enumerate() {
                let gv = gold_value(field, g.gold.get(field.as_str()), mode);
                let pv = predicted_value(field, p, mode);
                let (counts, ok) = score(&gv, &pv, mode);
                right[m] &= ok;
                let table = if mode == Mode::Strict {
                    &mut report.strict
                } else {
                    &mut report.soft
                };
                table.entry(field.clone()).or_default().add(counts);
                if MICRO_FIELDS.contains(&field.as_str()) {
                    let micro = if mode == Mode::Strict {
                        &mut report.micro_strict
                    } else {
                        &mut report.micro_soft
                    };
                    micro.add(counts);
                }
                if mode == Mode::Soft && !ok {
                    errors.push(FieldError {
                        id: g.id.clone(),
                        field: field.clone(),
                        gold: show_gold(g.gold.get(field.as_str())),
                        predicted: show_predicted(field, p),
                    });
                }
            }
        }
        if with_type {
            for (m, mode) in [Mode::Strict, Mode::Soft].into_iter().enumerate() {
                let gv = gold_value("type", g.gold.get("type"), mode);
                let pv = text_value(&p.kind, mode);
                let (counts, ok) = score(&gv, &pv, mode);
                right[m] &= ok;
                let table = if mode == Mode::Strict {
                    &mut report.strict
                } else {
                    &mut report.soft
                };
                table.entry("type".into()).or_default().add(counts);
            }
        }
        for m in 0..2 {
            all_right[m] += usize::from(right[m]);
        }
    }
    report.instance_accuracy_strict = ratio(all_right[0], gold.len());
    report.instance_accuracy_soft = ratio(all_right[1], gold.len());
    (report, errors)
}

fn show_gold(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => "∅".into(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|x| {
                x.get("family")
                    .or_else(|| x.get("literal"))
                    .and_then(Value::as_str)
                    .unwrap_or("?")
                    .to_owned()
            })
            .collect::<Vec<_>>()
            .join(" | "),
        Some(other) => other.to_string(),
    }
}

fn show_predicted(field: &str, r: &Reference) -> String {
    let opt = |v: &Option<String>| v.clone().unwrap_or_else(|| "∅".into());
    match field {
        "authors" => r
            .authors
            .iter()
            .map(|a| {
                a.family
                    .clone()
                    .or_else(|| a.literal.clone())
                    .unwrap_or_default()
            })
            .collect::<Vec<_>>()
            .join(" | "),
        "et_al" => r.et_al.to_string(),
        "title" => opt(&r.title),
        "container_title" => opt(&r.container_title),
        "year" => r.year.map_or("∅".into(), |y| y.to_string()),
        "volume" => opt(&r.volume),
        "issue" => opt(&r.issue),
        "page_first" => opt(&r.page_first),
        "page_last" => opt(&r.page_last),
        "doi" => opt(&r.doi),
        "url" => opt(&r.url),
        _ => String::new(),
    }
}

/// The report as a plain-text table.
pub fn format_report(name: &str, report: &RefsReport) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let _ = writeln!(out, "{name}: {} references", report.references);
    let _ = writeln!(
        out,
        "{:<16} {:>7} {:>7} {:>7}   {:>7} {:>7} {:>7}",
        "field", "P", "R", "F1", "P soft", "R soft", "F1 soft"
    );
    let mut fields: Vec<&str> = SCORED_FIELDS.to_vec();
    if report.soft.contains_key("type") {
        fields.push("type");
    }
    for field in fields {
        let (Some(s), Some(f)) = (report.strict.get(field), report.soft.get(field)) else {
            continue;
        };
        let _ = writeln!(
            out,
            "{:<16} {:>7.4} {:>7.4} {:>7.4}   {:>7.4} {:>7.4} {:>7.4}",
            field,
            s.precision(),
            s.recall(),
            s.f1(),
            f.precision(),
            f.recall(),
            f.f1()
        );
    }
    let (s, f) = (&report.micro_strict, &report.micro_soft);
    let _ = writeln!(
        out,
        "{:<16} {:>7.4} {:>7.4} {:>7.4}   {:>7.4} {:>7.4} {:>7.4}",
        "micro (9 fields)",
        s.precision(),
        s.recall(),
        s.f1(),
        f.precision(),
        f.recall(),
        f.f1()
    );
    let _ = writeln!(
        out,
        "all fields right: strict {:.4}, soft {:.4}",
        report.instance_accuracy_strict, report.instance_accuracy_soft
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold_line(json: &str) -> GoldReference {
        serde_json::from_str(json).expect("test gold line")
    }

    #[test]
    fn scores_like_the_readme() {
        let g = gold_line(
            r#"{"id":"t:1","raw":"x","gold":{"authors":[{"family":"Bianchi","given":"G"},{"literal":"WHO Study Group"}],"title":"A Title","year":2011,"volume":null,"issue":"3"},"gold_fields":["authors","title","year","volume","issue","publisher"]}"#,
        );
        let mut p = Reference::from_raw("x");
        p.authors = vec![
            RefAuthor {
                family: Some("bianchi".into()),
                ..RefAuthor::default()
            },
            RefAuthor {
                family: Some("Study Group".into()),
                ..RefAuthor::default()
            },
        ];
        p.title = Some("A title.".into());
        p.year = Some(2012);
        p.volume = Some("26".into());
        let (report, _) = score_refs(&[g], &[p], false);
        let soft = &report.soft;
        assert_eq!(
            soft["authors"],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            soft["title"],
            Counts {
                tp: 1,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(
            report.strict["title"],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            soft["year"],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 1
            }
        );
        assert_eq!(
            soft["volume"],
            Counts {
                tp: 0,
                fp: 1,
                fn_: 0
            }
        );
        assert_eq!(
            soft["issue"],
            Counts {
                tp: 0,
                fp: 0,
                fn_: 1
            }
        );
        assert!(!soft.contains_key("publisher"));
        assert_eq!(
            report.micro_soft,
            Counts {
                tp: 2,
                fp: 2,
                fn_: 2
            }
        );
    }
}
