//! `papersift eval pages`: runs the pipeline over a folder of page cases, scores the
//! records against each case's gold.json and prints the tables; `--floors` turns it into a
//! quality gate. The logic lives in `papersift::eval::pages`.

use super::ExitCode;
use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use papersift::eval::pages::{EvalConfig, Floors, InputKind, evaluate_corpus};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

#[derive(Args)]
#[command(
    after_help = "Exit codes: 0 done (and every floor met), 1 fatal error, 3 a kind fell below its floor or a gold file could not be read (with --floors)."
)]
pub struct EvalPagesArgs {
    /// Folder of cases: one sub-folder per article with gold.json and its inputs.
    pub dir: PathBuf,
    /// Only these input kinds (repeatable).
    #[arg(long = "kind", value_name = "KIND",
          value_parser = clap::builder::PossibleValuesParser::new(InputKind::NAMES))]
    pub kinds: Vec<String>,
    /// Only cases whose id contains this text (repeatable).
    #[arg(long = "case", value_name = "SUBSTR")]
    pub cases: Vec<String>,
    /// Print gold versus predicted for every miss of this field (`title`, `authors`,
    /// `references` for all reference fields, ...). Repeatable.
    #[arg(long = "show-errors", value_name = "FIELD")]
    pub show_errors: Vec<String>,
    /// Write the full report (every input's counts and misses) as JSON.
    #[arg(long, value_name = "FILE")]
    pub json: Option<PathBuf>,
    /// Fail (exit 3) when a kind's soft micro-F1 falls below its floor in this file.
    #[arg(long, value_name = "FILE")]
    pub floors: Option<PathBuf>,
    /// Write floors pinned at the measured values minus --margin to this file.
    #[arg(long, value_name = "FILE")]
    pub write_floors: Option<PathBuf>,
    /// Margin below the measured values for --write-floors.
    #[arg(long, default_value_t = 0.02)]
    pub margin: f64,
    /// How many of the worst inputs to list.
    #[arg(long, default_value_t = 15)]
    pub worst: usize,
}

pub fn run(args: EvalPagesArgs) -> anyhow::Result<ExitCode> {
    let floors = args.floors.as_deref().map(Floors::load).transpose()?;
    let config = EvalConfig {
        kinds: args
            .kinds
            .iter()
            .map(|k| k.parse::<InputKind>().map_err(anyhow::Error::msg))
            .collect::<anyhow::Result<_>>()?,
        case_filters: args.cases.clone(),
        options: Default::default(),
    };

    // A panic inside the pipeline becomes that input's failure in the report; one line on
    // stderr is enough (the default hook prints a whole backtrace per input).
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let first_line = message.lines().next().unwrap_or_default();
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!("papersift: panic{at}: {first_line}");
    }));

    let progress = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        progress.set_draw_target(ProgressDrawTarget::hidden());
    }
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} inputs {elapsed}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let report = evaluate_corpus(&args.dir, &config, &|total| {
        progress.set_length(total as u64);
        progress.inc(1);
    })?;
    progress.finish_and_clear();

    let mut out = std::io::stdout().lock();
    out.write_all(report.render_tables(args.worst).as_bytes())?;
    for field in &args.show_errors {
        writeln!(out, "\nMisses of {field}")?;
        out.write_all(report.render_errors(field).as_bytes())?;
    }
    out.flush()?;

    if let Some(path) = &args.json {
        let file =
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        let mut writer = std::io::BufWriter::new(file);
        serde_json::to_writer_pretty(&mut writer, &report)
            .with_context(|| format!("writing {}", path.display()))?;
        writeln!(writer)?;
        writer.flush()?;
    }
    if let Some(path) = &args.write_floors {
        let pinned = report.pinned_floors(args.margin);
        let text = serde_json::to_string_pretty(&pinned)? + "\n";
        std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
        eprintln!("floors pinned in {}", path.display());
    }

    let Some(floors) = floors else {
        return Ok(ExitCode::Ok);
    };
    let (breaches, not_run) = report.check_floors(&floors);
    for kind in &not_run {
        eprintln!("floors: {kind} was not run, its floor is not checked");
    }
    for failure in &report.failures {
        eprintln!(
            "floors: unreadable gold: {}: {}",
            failure.case, failure.error
        );
    }
    if breaches.is_empty() && report.failures.is_empty() {
        eprintln!("floors: every checked kind meets its floor");
        return Ok(ExitCode::Ok);
    }
    for breach in &breaches {
        eprintln!("floors: BELOW FLOOR: {breach}");
    }
    eprintln!(
        "floors: quality gate failed ({} below floor, {} unreadable gold files)",
        breaches.len(),
        report.failures.len()
    );
    Ok(ExitCode::SomeFailed)
}
