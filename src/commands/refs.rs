//! `papersift refs`: reference strings in, parsed references out.

use super::ExitCode;
use anyhow::Context;
use clap::{Args, ValueEnum};
use papersift::csl::reference_to_csl;
use papersift::parse_reference;
use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;

#[derive(Clone, Copy, ValueEnum)]
pub enum RefsInput {
    /// One reference string per line.
    Text,
    /// One JSON object per line with `id` and `raw`.
    Jsonl,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum RefsFormat {
    /// One JSON object per reference: `id` and the record's reference fields.
    Jsonl,
    /// One CSL-JSON array of items.
    CslJson,
}

#[derive(Args)]
pub struct RefsArgs {
    /// A file with one reference per line, or `-` for stdin.
    pub input: PathBuf,
    /// How the input lines are written.
    #[arg(long = "input", value_enum, default_value = "text")]
    pub input_kind: RefsInput,
    /// Output format.
    #[arg(long, value_enum, default_value = "jsonl")]
    pub format: RefsFormat,
}

#[derive(serde::Deserialize)]
struct InputLine {
    id: Option<serde_json::Value>,
    raw: String,
}

pub fn run(args: RefsArgs) -> anyhow::Result<ExitCode> {
    let reader: Box<dyn BufRead> = if args.input.as_os_str() == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        let file = std::fs::File::open(&args.input)
            .with_context(|| format!("opening {}", args.input.display()))?;
        Box::new(std::io::BufReader::new(file))
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let mut csl_items = Vec::new();
    for (n, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("reading line {}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let (id, raw) = match args.input_kind {
            RefsInput::Text => (serde_json::Value::from(format!("{}", n + 1)), line),
            RefsInput::Jsonl => {
                let parsed: InputLine = serde_json::from_str(&line).with_context(|| {
                    format!("line {}: expected {{\"id\": ..., \"raw\": \"...\"}}", n + 1)
                })?;
                let id = parsed
                    .id
                    .unwrap_or_else(|| serde_json::Value::from(format!("{}", n + 1)));
                (id, parsed.raw)
            }
        };
        let reference = parse_reference(&raw);
        match args.format {
            RefsFormat::Jsonl => {
                let mut object = serde_json::Map::new();
                object.insert("id".into(), id);
                if let serde_json::Value::Object(fields) = serde_json::to_value(&reference)? {
                    object.extend(fields);
                }
                serde_json::to_writer(&mut out, &object)?;
                writeln!(out)?;
            }
            RefsFormat::CslJson => {
                let id = match id {
                    serde_json::Value::String(s) => s,
                    other => other.to_string(),
                };
                csl_items.push(reference_to_csl(&reference, &id));
            }
        }
    }
    if let RefsFormat::CslJson = args.format {
        serde_json::to_writer_pretty(&mut out, &csl_items)?;
        writeln!(out)?;
    }
    out.flush()?;
    Ok(ExitCode::Ok)
}
