//! The summary of a batch: counts by status, format and site profile, throughput, the
//! slowest documents and the failures with their reasons. Built record by record, so only
//! a bounded number of failures and slow documents is kept, never all records: memory stays
//! flat even when a million pages fail (their records carry the details).

use crate::record::{Problem, Record, Status};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// How many of the slowest documents the summary keeps.
pub const SLOWEST_KEPT: usize = 10;

/// How many failures the summary lists by path; the rest are only counted.
pub const FAILURES_KEPT: usize = 10_000;

/// How many failures the readable summary on stderr lists.
const FAILURES_SHOWN: usize = 20;

/// What a batch did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Documents extracted (records written).
    pub processed: u64,
    /// Documents skipped by `--resume` because their record already exists.
    pub skipped: u64,
    /// Records by `status`.
    pub by_status: BTreeMap<String, u64>,
    /// Records by `source.format`.
    pub by_format: BTreeMap<String, u64>,
    /// Records by `pipeline.profile`.
    pub by_profile: BTreeMap<String, u64>,
    /// Input bytes of the processed documents.
    pub bytes: u64,
    /// Wall time of the whole batch.
    pub elapsed_seconds: f64,
    /// Processed documents per second of wall time.
    pub files_per_second: f64,
    /// Input megabytes per second of wall time.
    pub megabytes_per_second: f64,
    /// The slowest documents, slowest first.
    pub slowest: Vec<Timing>,
    /// Errors by `code`, over every failed record.
    pub by_error: BTreeMap<String, u64>,
    /// The failed documents with their errors (the first [`FAILURES_KEPT`]).
    pub failures: Vec<Failure>,
    /// Failed documents beyond [`FAILURES_KEPT`], counted but not listed.
    pub failures_omitted: u64,
    /// The batch was stopped (Ctrl-C) before every input was processed.
    pub interrupted: bool,
}

/// How long one document took.
#[derive(Debug, Clone, Serialize)]
pub struct Timing {
    pub path: String,
    pub seconds: f64,
}

/// One failed document and why.
#[derive(Debug, Clone, Serialize)]
pub struct Failure {
    pub path: String,
    pub errors: Vec<Problem>,
}

impl Summary {
    /// Counts one finished record.
    pub fn add(&mut self, record: &Record, seconds: f64) {
        self.processed += 1;
        self.bytes += record.source.bytes;
        *self
            .by_status
            .entry(status_name(record.status).to_owned())
            .or_default() += 1;
        bump(&mut self.by_format, &record.source.format);
        bump(&mut self.by_profile, &record.pipeline.profile);
        if record.status == Status::Failed {
            for error in &record.errors {
                bump(&mut self.by_error, &error.code);
            }
            if self.failures.len() < FAILURES_KEPT {
                self.failures.push(Failure {
                    path: record.source.path.clone(),
                    errors: record.errors.clone(),
                });
            } else {
                self.failures_omitted += 1;
            }
        }
        self.note_time(&record.source.path, seconds);
    }

    fn note_time(&mut self, path: &str, seconds: f64) {
        let full = self.slowest.len() >= SLOWEST_KEPT;
        if full && self.slowest.last().is_some_and(|t| t.seconds >= seconds) {
            return;
        }
        let at = self.slowest.partition_point(|t| t.seconds >= seconds);
        self.slowest.insert(
            at,
            Timing {
                path: path.to_owned(),
                seconds,
            },
        );
        self.slowest.truncate(SLOWEST_KEPT);
    }

    /// Number of failed records.
    pub fn failed(&self) -> u64 {
        self.by_status.get("failed").copied().unwrap_or(0)
    }

    /// Sets the wall time and the rates derived from it.
    pub fn finish(&mut self, elapsed_seconds: f64) {
        self.elapsed_seconds = elapsed_seconds;
        if elapsed_seconds > 0.0 {
            self.files_per_second = self.processed as f64 / elapsed_seconds;
            self.megabytes_per_second = self.bytes as f64 / 1e6 / elapsed_seconds;
        }
    }

    /// A few readable lines for stderr.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "papersift: {} processed, {} skipped (already done), {} failed in {:.1}s ({:.0} files/s, {:.1} MB/s){}",
            self.processed,
            self.skipped,
            self.failed(),
            self.elapsed_seconds,
            self.files_per_second,
            self.megabytes_per_second,
            if self.interrupted {
                ", interrupted"
            } else {
                ""
            },
        );
        for (label, counts) in [
            ("status", &self.by_status),
            ("format", &self.by_format),
            ("profile", &self.by_profile),
            ("error", &self.by_error),
        ] {
            if !counts.is_empty() {
                let parts: Vec<String> = counts.iter().map(|(k, v)| format!("{k} {v}")).collect();
                let _ = writeln!(out, "  by {label}: {}", parts.join(", "));
            }
        }
        if let Some(slowest) = self.slowest.first() {
            let _ = writeln!(out, "  slowest: {} ({:.2}s)", slowest.path, slowest.seconds);
        }
        for failure in self.failures.iter().take(FAILURES_SHOWN) {
            let reasons: Vec<String> = failure
                .errors
                .iter()
                .map(|e| format!("{}: {}", e.code, e.message))
                .collect();
            let _ = writeln!(out, "  failed: {}: {}", failure.path, reasons.join("; "));
        }
        let unlisted = self.failed().saturating_sub(FAILURES_SHOWN as u64);
        if unlisted > 0 {
            let _ = writeln!(
                out,
                "  ... and {unlisted} more failures (--summary FILE lists them; each record has its errors)"
            );
        }
        out
    }
}

fn bump(counts: &mut BTreeMap<String, u64>, key: &str) {
    match counts.get_mut(key) {
        Some(n) => *n += 1,
        None => {
            counts.insert(key.to_owned(), 1);
        }
    }
}

fn status_name(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Partial => "partial",
        Status::Failed => "failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Source;

    fn record(path: &str, status: Status) -> Record {
        let mut record = Record::empty(Source {
            path: path.to_owned(),
            format: "text".to_owned(),
            sha256: "0".repeat(64),
            bytes: 10,
            site: None,
        });
        record.status = status;
        if status == Status::Failed {
            record
                .errors
                .push(Problem::new("decode", "empty", "the file is empty"));
        }
        record
    }

    #[test]
    fn keeps_only_the_slowest_and_every_failure() {
        let mut summary = Summary::default();
        for i in 0..(SLOWEST_KEPT as u32 * 3) {
            let status = if i % 7 == 0 {
                Status::Failed
            } else {
                Status::Ok
            };
            summary.add(&record(&format!("f{i}"), status), f64::from(i % 13));
        }
        assert_eq!(summary.slowest.len(), SLOWEST_KEPT);
        assert!(
            summary
                .slowest
                .windows(2)
                .all(|w| w[0].seconds >= w[1].seconds)
        );
        assert_eq!(summary.slowest[0].seconds, 12.0);
        assert_eq!(summary.failures.len(), 5);
        assert_eq!(summary.failed(), 5);
        assert_eq!(summary.by_format["text"], 30);
        summary.finish(2.0);
        assert_eq!(summary.files_per_second, 15.0);
        assert!(summary.render().contains("failed: f7: empty"));
        assert_eq!(summary.by_error["empty"], 5);
        assert_eq!(summary.failures_omitted, 0);
    }
}
