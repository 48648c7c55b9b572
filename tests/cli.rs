//! Command-line behaviour of `validate`, `schema` and `extract` on single files: exit
//! codes, stdout that stays valid JSON, and readable problem reports.

use std::path::Path;
use std::process::{Command, Output};

fn papersift(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_papersift"))
        .args(args)
        .output()
        .expect("papersift runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn schema_prints_the_embedded_schema() {
    let output = papersift(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("schema is JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["extract"][..],
        &["no-such-command"],
        &["validate", "--format", "yaml", "x"],
    ] {
        assert_eq!(papersift(args).status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn validate_reports_each_problem_with_its_pointer() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("page.txt");
    std::fs::write(
        &page,
        "Abstract\nSome text.\nDOI: https://doi.org/10.1000/xyz123\n",
    )
    .expect("write page");
    let extracted = papersift(&["extract", page.to_str().expect("path")]);
    let good = dir.path().join("good.json");
    std::fs::write(&good, &extracted.stdout).expect("write record");
    let mut record: serde_json::Value =
        serde_json::from_slice(&extracted.stdout).expect("record is JSON");
    record["year"] = serde_json::json!("twenty");
    record["surprise"] = serde_json::json!(1);
    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, record.to_string()).expect("write bad record");

    let ok = papersift(&["validate", good.to_str().expect("path")]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );

    let failed = papersift(&["validate", dir.path().to_str().expect("path")]);
    assert_eq!(failed.status.code(), Some(3));
    let report = stdout(&failed);
    assert!(report.contains("bad.json: /year:"), "{report}");
    assert!(report.contains("surprise"), "{report}");
    assert!(!report.contains("good.json"), "{report}");

    let junit = papersift(&[
        "validate",
        "--format",
        "junit",
        dir.path().to_str().expect("path"),
    ]);
    let xml = stdout(&junit);
    assert!(
        xml.contains("<testcase") && xml.contains("<failure"),
        "{xml}"
    );
    let json = papersift(&[
        "validate",
        "--format",
        "json",
        dir.path().to_str().expect("path"),
    ]);
    let report: serde_json::Value = serde_json::from_str(&stdout(&json)).expect("json report");
    assert_eq!(report["invalid"], 1);
}

#[test]
fn strict_validation_fails_on_semantic_problems() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("page.txt");
    std::fs::write(
        &page,
        "Abstract\nSome text.\nDOI: https://doi.org/10.1000/xyz123\n",
    )
    .expect("write page");
    let extracted = papersift(&["extract", page.to_str().expect("path")]);
    let mut record: serde_json::Value =
        serde_json::from_slice(&extracted.stdout).expect("record is JSON");
    record["journal"]["issn_print"] = serde_json::json!("0028-0837");
    let file = dir.path().join("issn.json");
    std::fs::write(&file, record.to_string()).expect("write record");
    assert_eq!(
        papersift(&["validate", file.to_str().expect("path")])
            .status
            .code(),
        Some(0)
    );
    let strict = papersift(&["validate", "--strict", file.to_str().expect("path")]);
    assert_eq!(strict.status.code(), Some(3));
    assert!(
        stdout(&strict).contains("/journal/issn_print: ISSN 0028-0837 has a wrong check digit")
    );
}

#[test]
fn every_sample_record_validates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let run = papersift(&["extract", "samples", "-o", out.to_str().expect("path")]);
    assert!(
        run.status.code() == Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let validated = papersift(&["validate", "--strict", out.to_str().expect("path")]);
    assert_eq!(validated.status.code(), Some(0), "{}", stdout(&validated));
    assert!(
        Path::new(&out)
            .join("000_c2a3dabf78ba8002.txt.json")
            .exists()
    );
}

#[test]
fn a_failing_document_keeps_stdout_valid_json_lines() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Abstract\nText.\nDOI: 10.1000/abc\n",
    )
    .expect("write");
    std::fs::write(dir.path().join("b.txt"), "").expect("write");
    let output = papersift(&["extract", dir.path().to_str().expect("path")]);
    assert_eq!(output.status.code(), Some(3));
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .any(|r| r["status"] == "failed" && r["errors"][0]["code"] == "empty")
    );
}
