//! `papersift refs`: reference strings in, parsed references out.

use super::ExitCode;
use clap::Args;
use std::path::PathBuf;

#[derive(Args)]
pub struct RefsArgs {
    /// A file with one reference per line, or `-` for stdin.
    pub input: PathBuf,
}

pub fn run(args: RefsArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
