//! `papersift extract`: pages in, records out. Flags become a [`BatchConfig`] and a sink,
//! [`papersift::batch::run`] does the work; this file adds the progress bar, Ctrl-C and the
//! exit code.

use super::ExitCode;
use anyhow::Context;
use clap::Args;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use papersift::batch::{self, BatchConfig, Event, RecordSink, Separator, Summary};
use papersift::decode::Limits;
use papersift::output::{FolderSink, JsonLinesSink, PrettySink};
use papersift::pipeline::Options;
use papersift::record::Status;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

#[derive(Args)]
#[command(
    after_help = "Without -o or --jsonl, one file gives its record as JSON on stdout and \
several give JSON Lines. Records come in completion order; each names its source.path.\n\n\
Exit codes: 0 all good, 1 fatal error, 2 usage error, 3 some documents failed, \
130 interrupted (Ctrl-C)."
)]
pub struct ExtractArgs {
    /// Files or folders of pages. Folders are walked recursively; files are recognised by
    /// extension (.txt .md .html .htm .xhtml .pdf) or by their first bytes.
    #[arg(required_unless_present = "stdin", conflicts_with = "stdin")]
    pub paths: Vec<PathBuf>,
    /// Write one `<input name>.json` per input into this folder, mirroring sub-folders.
    #[arg(short, long, value_name = "DIR", conflicts_with = "jsonl")]
    pub output: Option<PathBuf>,
    /// Write all records as one JSON Lines stream to FILE (`-` for stdout).
    #[arg(long, value_name = "FILE|-")]
    pub jsonl: Option<PathBuf>,
    /// Read inputs from stdin: paths one per line, or JSON Lines `{"path": ...}` /
    /// `{"name": ..., "content": ...}`; records stream to stdout as JSON Lines.
    #[arg(long)]
    pub stdin: bool,
    /// With --stdin: items are separated by NUL bytes instead of newlines.
    #[arg(short = '0', long = "null")]
    pub null: bool,
    /// Only files whose path (relative to the folder given) matches this glob; repeatable.
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip files whose relative path matches this glob; repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Follow symbolic links while walking folders.
    #[arg(long)]
    pub follow_links: bool,
    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Skip inputs whose record (same content hash and pipeline version) already exists
    /// in the -o folder or the --jsonl file.
    #[arg(long)]
    pub resume: bool,
    /// No progress bar and no summary on stderr.
    #[arg(short, long)]
    pub quiet: bool,
    /// Also write the summary as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary: Option<PathBuf>,
    /// Largest input read, e.g. 64M (larger files fail without being read).
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    pub max_bytes: Option<u64>,
    /// Most PDF pages read per document.
    #[arg(long, value_name = "N")]
    pub max_pdf_pages: Option<usize>,
    /// Deepest HTML nesting walked.
    #[arg(long, value_name = "N")]
    pub max_html_depth: Option<usize>,
    /// Wall-time limit per document in seconds (checked between stages).
    #[arg(long, value_name = "SECONDS")]
    pub timeout: Option<f64>,
    /// Exit 0 even when some documents failed (their records still say so): for runners
    /// that treat any other code as a crashed task (Spark's pipe, Hadoop Streaming).
    #[arg(long)]
    pub exit_zero: bool,
    /// Sync each record file to disk before renaming it into place (slower; survives
    /// power loss, not only a killed process).
    #[arg(long)]
    pub fsync: bool,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if args.null && !args.stdin {
        eprintln!("papersift: -0/--null only applies to --stdin");
        return Ok(ExitCode::Usage);
    }
    if args.resume && args.output.is_none() && args.jsonl.as_ref().is_none_or(|p| is_dash(p)) {
        eprintln!("papersift: --resume needs -o DIR or --jsonl FILE");
        return Ok(ExitCode::Usage);
    }
    if let Err(err) = batch::walk::check_roots(&args.paths) {
        eprintln!("papersift: {err}");
        return Ok(ExitCode::Usage);
    }
    let config = BatchConfig {
        options: Options {
            limits: limits(&args),
            format: None,
        },
        jobs: args.jobs.unwrap_or(0),
        resume: args.resume,
    };
    let sink = open_sink(&args)?;
    let walk_options = batch::WalkOptions {
        follow_links: args.follow_links,
        include: args.include.clone(),
        exclude: args.exclude.clone(),
        skip_dir: args.output.clone(),
    };
    if let Err(err) = batch::walk::PathFilter::new(&args.include, &args.exclude) {
        eprintln!("papersift: {err}");
        return Ok(ExitCode::Usage);
    }

    let cancel = Arc::new(AtomicBool::new(false));
    {
        let cancel = Arc::clone(&cancel);
        // A second Ctrl-C does not wait for documents in flight.
        let _ = ctrlc::set_handler(move || {
            if cancel.swap(true, Ordering::SeqCst) {
                std::process::exit(ExitCode::Interrupted as i32);
            }
        });
    }
    let progress = Progress::new(args.quiet);
    if progress.visible() && !args.stdin {
        progress.count_in_background(args.paths.clone(), walk_options.clone());
    }
    let on_event = |event: &Event<'_>| progress.note(event);

    let result = if args.stdin {
        let separator = if args.null {
            Separator::Nul
        } else {
            Separator::Newline
        };
        let inputs = batch::stream_inputs(
            std::io::BufReader::with_capacity(1 << 16, std::io::stdin()),
            separator,
        );
        batch::run(inputs, &config, sink.as_ref(), &cancel, &on_event)
    } else {
        let inputs = batch::walk_inputs(args.paths.clone(), walk_options)?;
        batch::run(inputs, &config, sink.as_ref(), &cancel, &on_event)
    };
    progress.finish();
    let summary = result?;
    report(&args, &summary)?;
    Ok(if summary.interrupted {
        ExitCode::Interrupted
    } else if summary.failed() > 0 && !args.exit_zero {
        ExitCode::SomeFailed
    } else {
        ExitCode::Ok
    })
}

fn limits(args: &ExtractArgs) -> Limits {
    let mut limits = Limits::default();
    if let Some(n) = args.max_bytes {
        limits.max_bytes = n;
    }
    if let Some(n) = args.max_pdf_pages {
        limits.max_pdf_pages = n;
    }
    if let Some(n) = args.max_html_depth {
        limits.max_html_depth = n;
    }
    if let Some(s) = args.timeout {
        limits.max_seconds = s;
    }
    limits
}

fn is_dash(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

fn open_sink(args: &ExtractArgs) -> anyhow::Result<Box<dyn RecordSink>> {
    if let Some(dir) = &args.output {
        let sink = FolderSink::new(dir.clone(), args.fsync)
            .with_context(|| format!("creating {}", dir.display()))?;
        if args.resume {
            sink.remove_stale_temp_files()
                .with_context(|| format!("clearing temporary files in {}", dir.display()))?;
        }
        return Ok(Box::new(sink));
    }
    match &args.jsonl {
        Some(path) if !is_dash(path) => {
            let sink = JsonLinesSink::open(path, args.resume)
                .with_context(|| format!("opening {}", path.display()))?;
            Ok(Box::new(sink))
        }
        Some(_) => Ok(Box::new(JsonLinesSink::new(std::io::stdout()))),
        None => {
            let single_file = !args.stdin
                && args.paths.len() == 1
                && std::fs::metadata(&args.paths[0]).is_ok_and(|m| m.is_file());
            if single_file {
                Ok(Box::new(PrettySink::new(std::io::stdout())))
            } else {
                Ok(Box::new(JsonLinesSink::new(std::io::stdout())))
            }
        }
    }
}

fn report(args: &ExtractArgs, summary: &Summary) -> anyhow::Result<()> {
    if !args.quiet {
        eprint!("{}", summary.render());
    }
    if let Some(path) = &args.summary {
        let json = serde_json::to_vec_pretty(summary)?;
        papersift::output::write_bytes_atomically(path, &json, false)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Sizes like `1000`, `64K`, `64M`, `2G` (powers of 1024).
fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (digits, unit) = match text.find(|c: char| !c.is_ascii_digit()) {
        Some(at) => text.split_at(at),
        None => (text, ""),
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("{text:?} is not a size like 1000, 64K, 64M or 2G"))?;
    let factor: u64 = match unit.to_ascii_uppercase().trim_end_matches(['B', 'I']) {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("{text:?}: unknown unit {unit:?} (use K, M or G)")),
    };
    number
        .checked_mul(factor)
        .ok_or_else(|| format!("{text:?} is too large"))
}

/// The progress bar on stderr: hidden when stderr is not a terminal or with --quiet.
struct Progress {
    bar: ProgressBar,
    failed: AtomicU64,
}

impl Progress {
    fn new(quiet: bool) -> Arc<Self> {
        let target = if quiet || !std::io::stderr().is_terminal() {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} [{elapsed_precise}] {wide_bar} {human_pos}/{human_len} files, {rate}, ETA {eta} {msg}",
            )
            .map(|style| {
                style.with_key("rate", |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0} files/s", state.per_sec());
                })
            })
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(200));
        Arc::new(Progress {
            bar,
            failed: AtomicU64::new(0),
        })
    }

    fn visible(&self) -> bool {
        !self.bar.is_hidden()
    }

    fn count_in_background(self: &Arc<Self>, roots: Vec<PathBuf>, options: batch::WalkOptions) {
        let progress = Arc::clone(self);
        std::thread::spawn(move || {
            if let Ok(total) = batch::count_inputs(roots, options) {
                progress.bar.set_length(total.max(progress.bar.position()));
            }
        });
    }

    fn note(&self, event: &Event<'_>) {
        self.bar.inc(1);
        if let Event::Done { record, .. } = event
            && record.status == Status::Failed
        {
            let failed = self.failed.fetch_add(1, Ordering::Relaxed) + 1;
            self.bar.set_message(format!("({failed} failed)"));
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        let cases = [
            ("1000", Ok(1000)),
            ("64K", Ok(65536)),
            ("64M", Ok(64 << 20)),
            ("2g", Ok(2 << 30)),
            ("10MiB", Ok(10 << 20)),
        ];
        for (text, want) in cases {
            assert_eq!(parse_size(text), want, "{text}");
        }
        assert!(parse_size("12X").is_err());
        assert!(parse_size("").is_err());
    }
}
