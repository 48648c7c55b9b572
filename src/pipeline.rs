//! The pipeline: one document's bytes through load, decode, clean, segment, extract and
//! the semantic checks, into a [`Record`]. Never panics outward and never fails: a document
//! that cannot be read gives a record with `status: "failed"` and its reasons.

use crate::clean::clean_lines;
use crate::decode::{self, Limits};
use crate::extract::{self, Page};
use crate::input::{Format, sniff_format};
use crate::profiles;
use crate::record::{Problem, Record, Source, Status};
use crate::segment::segment;
use crate::validate;
use sha2::{Digest, Sha256};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::time::Instant;

/// Settings for extraction.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub limits: Limits,
    /// Read the input as this format instead of sniffing it.
    pub format: Option<Format>,
}

/// Extracts the record of one document. `path` is recorded as given.
///
/// A panic inside a stage is caught and recorded as this document's failure.
pub fn extract_document(path: &str, bytes: &[u8], options: &Options) -> Record {
    let source = describe_source(path, bytes);
    let fallback = source.clone();
    match catch_unwind(AssertUnwindSafe(|| run_stages(source, bytes, options))) {
        Ok(record) => record,
        Err(panic) => {
            let reason = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            let mut record = Record::empty(fallback);
            fail(
                &mut record,
                "extract",
                "internal_error",
                format!("internal error: {reason}"),
            );
            record
        }
    }
}

fn describe_source(path: &str, bytes: &[u8]) -> Source {
    let digest = Sha256::digest(bytes);
    let mut sha256 = String::with_capacity(64);
    for byte in digest.iter() {
        use std::fmt::Write;
        let _ = write!(sha256, "{byte:02x}");
    }
    Source {
        path: path.to_owned(),
        format: "text".to_owned(),
        sha256,
        bytes: bytes.len() as u64,
        site: None,
    }
}

fn run_stages(source: Source, bytes: &[u8], options: &Options) -> Record {
    let started = Instant::now();
    let format = options
        .format
        .unwrap_or_else(|| sniff_format(bytes, Some(Path::new(&source.path))));
    let mut record = Record::empty(source);
    record.source.format = format.as_str().to_owned();

    let document = match decode::decode(bytes, format, &options.limits) {
        Ok(document) => document,
        Err(err) => {
            fail(&mut record, "decode", err.code(), err.to_string());
            return record;
        }
    };
    record.warnings.extend(document.warnings.iter().cloned());
    if let Some(problem) = check_time(started, &options.limits) {
        record.errors.push(problem);
        record.status = Status::Failed;
        return record;
    }

    let lines = clean_lines(&document.text);
    let segments = segment(&lines);
    let title_hint = document
        .meta
        .first("pdf.title")
        .or(document.meta.document_title.as_deref())
        .and_then(title_from_page_title);
    let page = Page::new(&lines, &segments, title_hint);
    extract::extract_fields(&mut record, &document, &page);
    if record.title.is_none() {
        let page_title = document
            .meta
            .first("pdf.title")
            .or(document.meta.document_title.as_deref());
        if let Some(title) = page_title.and_then(title_from_page_title) {
            record.title = Some(title);
            record.note_source("title", "document-title", None);
        }
    }
    if record.url.is_none() {
        if let Some(url) = &document.meta.canonical_url {
            record.url = Some(url.clone());
            record.note_source("url", "capture", None);
        }
    }
    let profile = profiles::detect_profile(&document, record.doi.as_deref(), record.url.as_deref());
    record.pipeline.profile = profile.name.to_owned();
    record.source.site = profile.site.map(str::to_owned);
    if let Some(problem) = check_time(started, &options.limits) {
        record.errors.push(problem);
        record.status = Status::Failed;
        return record;
    }

    validate::drop_malformed_values(&mut record);
    if let Some(reason) = profiles::not_an_article(&document, &lines, &record) {
        // A page with its title and little else is kept as partial; without a title, or
        // when the page says it is something else, there is no article.
        let registry = reason.contains("registry") || reason.contains("bot-challenge");
        if record.title.is_none() || registry {
            fail(&mut record, "extract", "not_an_article", reason);
            return record;
        }
        record
            .warnings
            .push(Problem::new("extract", "thin_record", reason));
    }
    record.warnings.extend(validate::semantic_problems(&record));
    record.status = if record.warnings.is_empty() {
        Status::Ok
    } else {
        Status::Partial
    };
    record
}

/// The article title inside a page or document title: the longest part between the site
/// names that pages put around it ("Title | Nature", "Title : Nature : Nature Research"),
/// without an archive id before it ("[1810.04805] Title").
pub fn title_from_page_title(page_title: &str) -> Option<String> {
    let page_title = match page_title
        .trim()
        .strip_prefix('[')
        .and_then(|t| t.split_once(']'))
    {
        Some((id, rest))
            if !id.contains(' ')
                && id.contains(|c: char| c.is_ascii_digit())
                && !rest.trim().is_empty() =>
        {
            rest.trim()
        }
        _ => page_title,
    };
    let mut marked = page_title.to_owned();
    for separator in [" | ", " : ", " – ", " — ", " - "] {
        marked = marked.replace(separator, "\u{1}");
    }
    let part = marked
        .split('\u{1}')
        .map(str::trim)
        .max_by_key(|part| part.chars().count())?;
    (part.chars().count() >= 15 && part.contains(' ')).then(|| part.to_owned())
}

fn check_time(started: Instant, limits: &Limits) -> Option<Problem> {
    (started.elapsed().as_secs_f64() > limits.max_seconds).then(|| {
        Problem::new(
            "extract",
            "timeout",
            format!(
                "took longer than the limit of {} seconds",
                limits.max_seconds
            ),
        )
    })
}

/// Marks a record failed with one error.
pub fn fail(record: &mut Record, stage: &str, code: &str, message: String) {
    record.errors.push(Problem::new(stage, code, message));
    record.status = Status::Failed;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_inside_page_titles() {
        let cases = [
            (
                "Deleted in colorectal carcinoma suppresses metastasis : Nature : Nature Research",
                Some("Deleted in colorectal carcinoma suppresses metastasis"),
            ),
            ("A study of things | PLOS ONE", Some("A study of things")),
            ("Nature", None),
            (
                "[2101.00001] Invented Flows: A Study of Things",
                Some("Invented Flows: A Study of Things"),
            ),
            (
                "[Review] of a study of things",
                Some("[Review] of a study of things"),
            ),
        ];
        for (page_title, want) in cases {
            assert_eq!(
                title_from_page_title(page_title).as_deref(),
                want,
                "{page_title}"
            );
        }
    }
}
