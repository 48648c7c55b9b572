//! Scoring whole records against the page corpus gold (`eval pages`).
//!
//! Takes a folder of cases (one sub-folder per article with some of `source.html`,
//! `print.pdf`, `print.txt`, `dump.txt`, `publisher.pdf`, `publisher.txt` and a
//! `gold.json`), runs
//! [`crate::pipeline::extract_document`] on every input kind a case has, and scores each
//! record against the gold ([`score`]). Gives a [`PagesReport`]: per case and kind counts,
//! summaries by field, kind and publisher ([`report`]), and a check against pinned floors.
//! One bad case (unreadable gold, failing input) is recorded and never stops the run.

pub mod gold;
pub mod report;
pub mod score;
pub mod strip;

pub use gold::{Gold, GoldError};
pub use report::{FloorBreach, Floors, PagesReport};
pub use score::{CaseScore, Counts, FieldScore, Miss, Mode, SCORED_GOLD_FIELDS, score_record};
pub use strip::strip_meta_and_json_ld;

use crate::input::Format;
use crate::pipeline::{Options, extract_document};
use crate::record::Status;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// One way of presenting a case's article to the pipeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum InputKind {
    #[serde(rename = "html")]
    Html,
    #[serde(rename = "html-no-meta")]
    HtmlNoMeta,
    #[serde(rename = "print.pdf")]
    PrintPdf,
    #[serde(rename = "print.txt")]
    PrintTxt,
    #[serde(rename = "dump.txt")]
    DumpTxt,
    #[serde(rename = "publisher.pdf")]
    PublisherPdf,
    /// The text of the publisher's PDF (`pdftotext`): running heads, download watermarks,
    /// columns.
    #[serde(rename = "publisher.txt")]
    PublisherTxt,
}

impl InputKind {
    /// Every kind, in report order.
    pub const ALL: [InputKind; 7] = [
        InputKind::Html,
        InputKind::HtmlNoMeta,
        InputKind::PrintPdf,
        InputKind::PrintTxt,
        InputKind::DumpTxt,
        InputKind::PublisherPdf,
        InputKind::PublisherTxt,
    ];

    /// The names accepted by `--kind` and used in reports.
    pub const NAMES: [&'static str; 7] = [
        "html",
        "html-no-meta",
        "print.pdf",
        "print.txt",
        "dump.txt",
        "publisher.pdf",
        "publisher.txt",
    ];

    pub fn name(self) -> &'static str {
        Self::NAMES[self as usize]
    }

    /// The file of a case this kind reads.
    pub fn file_name(self) -> &'static str {
        match self {
            InputKind::Html | InputKind::HtmlNoMeta => "source.html",
            InputKind::PrintPdf => "print.pdf",
            InputKind::PrintTxt => "print.txt",
            InputKind::DumpTxt => "dump.txt",
            InputKind::PublisherPdf => "publisher.pdf",
            InputKind::PublisherTxt => "publisher.txt",
        }
    }

    /// The format the input is read as; `None` lets the pipeline sniff it.
    fn forced_format(self) -> Option<Format> {
        match self {
            InputKind::HtmlNoMeta => Some(Format::Html),
            _ => None,
        }
    }
}

impl std::str::FromStr for InputKind {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|k| k.name() == s)
            .ok_or_else(|| {
                format!(
                    "unknown input kind {s:?}; one of {}",
                    Self::NAMES.join(", ")
                )
            })
    }
}

impl std::fmt::Display for InputKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// What to evaluate.
#[derive(Debug, Clone, Default)]
pub struct EvalConfig {
    /// Input kinds to run; empty means all.
    pub kinds: Vec<InputKind>,
    /// Only cases whose id contains one of these substrings; empty means all.
    pub case_filters: Vec<String>,
    pub options: Options,
}

/// Why the corpus could not be evaluated at all.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: cannot read the corpus folder: {error}")]
    ReadDir { path: String, error: std::io::Error },
    #[error("{path}: no case folders with a gold.json{filter}")]
    NoCases { path: String, filter: String },
}

/// One case folder.
#[derive(Debug, Clone)]
pub struct CaseDir {
    pub id: String,
    pub path: PathBuf,
}

/// The sub-folders of `dir` holding a `gold.json`, sorted by id, filtered by substring.
pub fn discover_cases(dir: &Path, filters: &[String]) -> Result<Vec<CaseDir>, EvalError> {
    let read_error = |error| EvalError::ReadDir {
        path: dir.display().to_string(),
        error,
    };
    let mut cases = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_error)? {
        let entry = entry.map_err(read_error)?;
        let path = entry.path();
        let id = entry.file_name().to_string_lossy().into_owned();
        if id.starts_with('.') || !path.join("gold.json").is_file() {
            continue;
        }
        if !filters.is_empty() && !filters.iter().any(|f| id.contains(f.as_str())) {
            continue;
        }
        cases.push(CaseDir { id, path });
    }
    cases.sort_by(|a, b| a.id.cmp(&b.id));
    if cases.is_empty() {
        return Err(EvalError::NoCases {
            path: dir.display().to_string(),
            filter: if filters.is_empty() {
                String::new()
            } else {
                format!(" matching {}", filters.join(" or "))
            },
        });
    }
    Ok(cases)
}

/// The result of one input kind of one case.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CaseResult {
    pub case: String,
    pub kind: InputKind,
    pub publisher: String,
    /// The site profile the record names (`pipeline.profile`), if a record was made.
    #[serde(default)]
    pub profile: Option<String>,
    /// The record's status (`ok`, `partial`, `failed`), or `None` when the input could not
    /// be run at all (see `error`).
    pub status: Option<Status>,
    /// Why the case could not be scored, or the record's errors when it failed.
    pub error: Option<String>,
    pub seconds: f64,
    pub score: CaseScore,
}

/// A case whose gold could not be read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CaseFailure {
    pub case: String,
    pub error: String,
}

/// Publisher of a case: the case id up to its first `-`, else the gold's site.
pub fn publisher_of(case_id: &str, gold: Option<&Gold>) -> String {
    match case_id.split_once('-') {
        Some((prefix, _)) if !prefix.is_empty() => prefix.to_owned(),
        _ => gold
            .and_then(|g| g.publisher_site.clone())
            .unwrap_or_else(|| case_id.to_owned()),
    }
}

/// Evaluates every case and kind in parallel. `on_done` is called after each job (for a
/// progress bar) with the number of jobs.
pub fn evaluate_corpus(
    dir: &Path,
    config: &EvalConfig,
    on_job_done: &(dyn Fn(usize) + Sync),
) -> Result<PagesReport, EvalError> {
    let cases = discover_cases(dir, &config.case_filters)?;
    let kinds: Vec<InputKind> = if config.kinds.is_empty() {
        InputKind::ALL.to_vec()
    } else {
        config.kinds.clone()
    };

    let mut failures = Vec::new();
    let mut jobs = Vec::new();
    for case in &cases {
        match Gold::load(&case.path.join("gold.json")) {
            Ok(gold) => {
                for &kind in &kinds {
                    let input = case.path.join(kind.file_name());
                    if input.is_file() {
                        jobs.push((case, kind, input, std::sync::Arc::new(gold.clone())));
                    }
                }
            }
            Err(err) => failures.push(CaseFailure {
                case: case.id.clone(),
                error: err.to_string(),
            }),
        }
    }
    let total_jobs = jobs.len();
    let mut results: Vec<CaseResult> = jobs
        .par_iter()
        .map(|(case, kind, input, gold)| {
            let result = evaluate_input(&case.id, *kind, input, gold, &config.options);
            on_job_done(total_jobs);
            result
        })
        .collect();
    results.sort_by(|a, b| a.case.cmp(&b.case).then(a.kind.cmp(&b.kind)));
    Ok(PagesReport::new(
        dir.display().to_string(),
        cases.len(),
        results,
        failures,
    ))
}

/// Runs one input of one case and scores it. Never panics outward.
pub fn evaluate_input(
    case_id: &str,
    kind: InputKind,
    input: &Path,
    gold: &Gold,
    options: &Options,
) -> CaseResult {
    let started = Instant::now();
    let mut result = CaseResult {
        case: case_id.to_owned(),
        kind,
        publisher: publisher_of(case_id, Some(gold)),
        profile: None,
        status: None,
        error: None,
        seconds: 0.0,
        score: CaseScore::default(),
    };
    let bytes = match std::fs::read(input) {
        Ok(bytes) => bytes,
        Err(err) => {
            result.error = Some(format!("{}: cannot read: {err}", input.display()));
            // Nothing was extracted: every gold value is missed.
            result.score = score_record(gold, &empty_record(input));
            return result;
        }
    };
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        let bytes = match kind {
            InputKind::HtmlNoMeta => strip_meta_and_json_ld(&bytes),
            _ => bytes,
        };
        let mut options = options.clone();
        if let Some(format) = kind.forced_format() {
            options.format = Some(format);
        }
        let record = extract_document(&input.to_string_lossy(), &bytes, &options);
        let score = score_record(gold, &record);
        (record, score)
    }));
    match outcome {
        Ok((record, score)) => {
            result.status = Some(record.status);
            result.profile = Some(record.pipeline.profile.clone());
            if record.status == Status::Failed {
                let reasons: Vec<String> = record
                    .errors
                    .iter()
                    .map(|e| format!("{}: {}", e.code, e.message))
                    .collect();
                result.error = Some(reasons.join("; "));
            }
            result.score = score;
        }
        Err(_) => {
            result.error = Some("internal error while scoring (panic)".to_owned());
            result.score =
                catch_unwind(|| score_record(gold, &empty_record(input))).unwrap_or_default();
        }
    }
    result.seconds = started.elapsed().as_secs_f64();
    result
}

fn empty_record(input: &Path) -> crate::record::Record {
    crate::record::Record::empty(crate::record::Source {
        path: input.display().to_string(),
        format: "text".to_owned(),
        sha256: String::new(),
        bytes: 0,
        site: None,
    })
}
