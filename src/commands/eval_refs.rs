//! `papersift eval refs`: parses every gold reference string and scores the fields.

use super::ExitCode;
use anyhow::Context;
use clap::Args;
use papersift::eval::refs::{Mode, format_report, read_gold, score_refs};
use papersift::parse_reference;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

#[derive(Args)]
pub struct EvalRefsArgs {
    /// Gold JSON Lines file(s) (`{"id", "raw", "gold", "gold_fields"}` per line).
    #[arg(long, required = true)]
    pub gold: Vec<PathBuf>,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    /// Also score the derived CSL `type`.
    #[arg(long)]
    pub with_type: bool,
    /// A JSON file `{"<gold file name>": <minimum soft micro-F1>, ...}`; exit 3 when a
    /// score falls below its floor.
    #[arg(long)]
    pub floors: Option<PathBuf>,
    /// Print up to N soft-mode errors of this field (`authors`, `title`, ...) to stderr.
    #[arg(long, value_name = "FIELD")]
    pub show_errors: Option<String>,
    /// How many errors `--show-errors` prints.
    #[arg(long, default_value_t = 20)]
    pub errors: usize,
}

pub fn run(args: EvalRefsArgs) -> anyhow::Result<ExitCode> {
    let floors: BTreeMap<String, f64> = match &args.floors {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("reading floors file {}", path.display()))?;
            serde_json::from_str(&text).with_context(|| {
                format!("{}: expected {{\"file.jsonl\": 0.9, ...}}", path.display())
            })?
        }
        None => BTreeMap::new(),
    };
    let mut json_reports = serde_json::Map::new();
    let mut below = Vec::new();
    let mut out = std::io::stdout().lock();
    for path in &args.gold {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("reading gold file {}", path.display()))?;
        let gold = read_gold(&path.display().to_string(), &text)?;
        let predictions: Vec<_> = gold.iter().map(|g| parse_reference(&g.raw)).collect();
        let (report, errors) = score_refs(&gold, &predictions, args.with_type);
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if let Some(field) = &args.show_errors {
            let raw_of: BTreeMap<&str, &str> = gold
                .iter()
                .map(|g| (g.id.as_str(), g.raw.as_str()))
                .collect();
            for e in errors
                .iter()
                .filter(|e| &e.field == field)
                .take(args.errors)
            {
                eprintln!(
                    "{}\n  raw:  {}\n  gold: {}\n  pred: {}",
                    e.id,
                    raw_of.get(e.id.as_str()).unwrap_or(&""),
                    e.gold,
                    e.predicted
                );
            }
        }
        let soft = report.micro_f1(Mode::Soft);
        if let Some(&floor) = floors.get(&name) {
            if soft < floor {
                below.push(format!(
                    "{name}: soft micro-F1 {soft:.4} is below its floor {floor:.4}"
                ));
            }
        }
        if args.json {
            json_reports.insert(name, serde_json::to_value(&report)?);
        } else {
            writeln!(out, "{}", format_report(&name, &report))?;
        }
    }
    if args.json {
        serde_json::to_writer_pretty(&mut out, &json_reports)?;
        writeln!(out)?;
    }
    out.flush()?;
    if below.is_empty() {
        Ok(ExitCode::Ok)
    } else {
        for line in below {
            eprintln!("papersift: quality floor not met: {line}");
        }
        Ok(ExitCode::SomeFailed)
    }
}
