//! `papersift extract`: pages in, records out.

use super::ExitCode;
use anyhow::Context;
use clap::Args;
use papersift::pipeline::{Options, extract_document};
use papersift::record::Status;
use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Args)]
pub struct ExtractArgs {
    /// Files or folders of pages (.txt, .md, .html, .pdf).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Write one `<input name>.json` per input into this folder, mirroring sub-folders.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Write JSON Lines to stdout even for a single input.
    #[arg(long)]
    pub jsonl: bool,
}

pub fn run(args: ExtractArgs) -> anyhow::Result<ExitCode> {
    let inputs = collect_inputs(&args.paths)?;
    let options = Options::default();
    let mut any_failed = false;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let single = inputs.len() == 1 && !args.jsonl;
    for (path, relative) in &inputs {
        let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        let record = extract_document(&path.to_string_lossy(), &bytes, &options);
        any_failed |= record.status == Status::Failed;
        match &args.output {
            Some(dir) => {
                let mut name = relative.as_os_str().to_owned();
                name.push(".json");
                let target = dir.join(name);
                papersift::output::write_record_atomically(&target, &record)
                    .with_context(|| format!("writing {}", target.display()))?;
            }
            None if single => {
                serde_json::to_writer_pretty(&mut out, &record)?;
                writeln!(out)?;
            }
            None => {
                serde_json::to_writer(&mut out, &record)?;
                writeln!(out)?;
            }
        }
    }
    out.flush()?;
    Ok(if any_failed {
        ExitCode::SomeFailed
    } else {
        ExitCode::Ok
    })
}

/// Expands files and folders into (path, path relative to the argument it came from).
fn collect_inputs(paths: &[PathBuf]) -> anyhow::Result<Vec<(PathBuf, PathBuf)>> {
    let mut inputs = Vec::new();
    for root in paths {
        if root.is_file() {
            let name = root
                .file_name()
                .map(PathBuf::from)
                .unwrap_or_else(|| root.clone());
            inputs.push((root.clone(), name));
            continue;
        }
        if !root.exists() {
            anyhow::bail!("{}: no such file or folder", root.display());
        }
        for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
            let entry = entry?;
            if !entry.file_type().is_file() || is_hidden(entry.path(), root) {
                continue;
            }
            if !papersift::input::has_input_extension(entry.path()) {
                continue;
            }
            let relative = entry
                .path()
                .strip_prefix(root)
                .unwrap_or(entry.path())
                .to_path_buf();
            inputs.push((entry.path().to_path_buf(), relative));
        }
    }
    Ok(inputs)
}

fn is_hidden(path: &Path, root: &Path) -> bool {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .any(|c| c.as_os_str().to_string_lossy().starts_with('.'))
}
