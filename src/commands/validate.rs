//! `papersift validate`: record files checked against the schema and semantic checks.

use super::ExitCode;
use clap::{Args, ValueEnum};
use papersift::validate::{Finding, schema_findings, semantic_findings};
use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct ValidateArgs {
    /// Record files (.json or .jsonl) or folders of them.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Report format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Fail on semantic problems too (DOI syntax, ISSN check digit, numbering, dates).
    #[arg(long)]
    pub strict: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum ReportFormat {
    Text,
    Json,
    Junit,
}

/// The findings of one record (a file, or a line of a JSON Lines file).
struct Checked {
    name: String,
    findings: Vec<Finding>,
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let mut checked = Vec::new();
    for root in &args.paths {
        if !root.exists() {
            anyhow::bail!("{}: no such file or folder", root.display());
        }
        let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .filter(|p| {
                root.is_file() || p.extension().is_some_and(|e| e == "json" || e == "jsonl")
            })
            .collect();
        files.sort();
        for file in files {
            check_file(&file, args.strict, &mut checked);
        }
    }
    let failed = checked.iter().filter(|c| !c.findings.is_empty()).count();
    let report = match args.format {
        ReportFormat::Text => text_report(&checked),
        ReportFormat::Json => serde_json::to_string_pretty(&json_report(&checked))? + "\n",
        ReportFormat::Junit => junit_report(&checked),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(report.as_bytes())?;
    out.flush()?;
    eprintln!("{} records checked, {} invalid", checked.len(), failed);
    Ok(if failed > 0 {
        ExitCode::SomeFailed
    } else {
        ExitCode::Ok
    })
}

fn check_file(path: &std::path::Path, strict: bool, checked: &mut Vec<Checked>) {
    let name = path.display().to_string();
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            checked.push(Checked {
                name,
                findings: vec![finding("", &format!("cannot read: {err}"))],
            });
            return;
        }
    };
    if path.extension().is_some_and(|e| e == "jsonl") {
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            checked.push(Checked {
                name: format!("{name}:{}", i + 1),
                findings: check_text(line, strict),
            });
        }
    } else {
        checked.push(Checked {
            name,
            findings: check_text(&text, strict),
        });
    }
}

fn check_text(text: &str, strict: bool) -> Vec<Finding> {
    let value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(err) => return vec![finding("", &format!("not JSON: {err}"))],
    };
    let mut findings = schema_findings(&value);
    if strict && findings.is_empty() {
        match serde_json::from_value::<papersift::Record>(value) {
            Ok(record) => findings.extend(semantic_findings(&record)),
            Err(err) => findings.push(finding("", &format!("not a record: {err}"))),
        }
    }
    findings
}

fn finding(pointer: &str, reason: &str) -> Finding {
    Finding {
        pointer: pointer.to_owned(),
        reason: reason.to_owned(),
    }
}

fn text_report(checked: &[Checked]) -> String {
    let mut out = String::new();
    for c in checked {
        for f in &c.findings {
            let pointer = if f.pointer.is_empty() {
                "/"
            } else {
                &f.pointer
            };
            let _ = writeln!(out, "{}: {}: {}", c.name, pointer, f.reason);
        }
    }
    out
}

fn json_report(checked: &[Checked]) -> serde_json::Value {
    serde_json::json!({
        "records": checked.len(),
        "invalid": checked.iter().filter(|c| !c.findings.is_empty()).count(),
        "files": checked.iter().map(|c| serde_json::json!({
            "file": c.name,
            "valid": c.findings.is_empty(),
            "problems": c.findings,
        })).collect::<Vec<_>>(),
    })
}

fn junit_report(checked: &[Checked]) -> String {
    let failures = checked.iter().filter(|c| !c.findings.is_empty()).count();
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"papersift validate\" tests=\"{}\" failures=\"{failures}\">\n  <testsuite name=\"records\" tests=\"{}\" failures=\"{failures}\">",
        checked.len(),
        checked.len()
    );
    for c in checked {
        let _ = write!(
            out,
            "    <testcase classname=\"papersift.validate\" name=\"{}\"",
            xml_escape(&c.name)
        );
        if c.findings.is_empty() {
            out.push_str("/>\n");
            continue;
        }
        out.push_str(">\n");
        let body: Vec<String> = c
            .findings
            .iter()
            .map(|f| format!("{}: {}", f.pointer, f.reason))
            .collect();
        let _ = writeln!(
            out,
            "      <failure message=\"{} problem(s)\">{}</failure>\n    </testcase>",
            c.findings.len(),
            xml_escape(&body.join("\n"))
        );
    }
    out.push_str("  </testsuite>\n</testsuites>\n");
    out
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
