//! Golden tests: every page in `samples/` is extracted, validated against the schema and
//! compared field by field with the expected record beside it (`<page>.json`).
//!
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites the expected records; review the
//! diff before committing it.

use papersift::pipeline::{Options, extract_document};
use papersift::validate::schema_findings;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn sample_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = walkdir::WalkDir::new("samples")
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_none_or(|e| e != "json"))
        .collect();
    pages.sort();
    pages
}

fn expected_path(page: &Path) -> PathBuf {
    let mut name = page.as_os_str().to_owned();
    name.push(".json");
    PathBuf::from(name)
}

/// Differences between two JSON values, as `pointer: expected != actual` lines.
fn diff(pointer: &str, expected: &Value, actual: &Value, out: &mut Vec<String>) {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                let av = a.get(key).unwrap_or(&Value::Null);
                diff(&format!("{pointer}/{key}"), ev, av, out);
            }
            for key in a.keys().filter(|k| !e.contains_key(*k)) {
                out.push(format!("{pointer}/{key}: unexpected field"));
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                out.push(format!(
                    "{pointer}: expected {} items, got {}",
                    e.len(),
                    a.len()
                ));
            }
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                diff(&format!("{pointer}/{i}"), ev, av, out);
            }
        }
        _ if expected != actual => {
            out.push(format!("{pointer}: expected {expected}, got {actual}"))
        }
        _ => {}
    }
}

#[test]
fn samples_match_their_expected_records() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let pages = sample_pages();
    assert!(pages.len() >= 5, "samples/ holds too few pages: {pages:?}");
    let mut failures = Vec::new();
    for page in &pages {
        let bytes = std::fs::read(page).expect("sample readable");
        let record = extract_document(&page.to_string_lossy(), &bytes, &Options::default());
        let mut actual = serde_json::to_value(&record).expect("record serialises");
        let findings = schema_findings(&actual);
        assert!(
            findings.is_empty(),
            "{}: record breaks the schema: {findings:?}",
            page.display()
        );
        actual["pipeline"]["version"] = Value::Null;
        let expected_file = expected_path(page);
        if update {
            let text = serde_json::to_string_pretty(&actual).expect("json") + "\n";
            std::fs::write(&expected_file, text).expect("write expected record");
            continue;
        }
        let expected: Value = match std::fs::read_to_string(&expected_file) {
            Ok(text) => serde_json::from_str(&text).expect("expected record is JSON"),
            Err(_) => {
                failures.push(format!(
                    "{}: no expected record {}",
                    page.display(),
                    expected_file.display()
                ));
                continue;
            }
        };
        let mut differences = Vec::new();
        diff("", &expected, &actual, &mut differences);
        if !differences.is_empty() {
            differences.truncate(40);
            failures.push(format!(
                "{}:\n  {}",
                page.display(),
                differences.join("\n  ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches (UPDATE_GOLDEN=1 to accept):\n{}",
        failures.join("\n")
    );
}
