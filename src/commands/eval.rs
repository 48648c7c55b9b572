//! `papersift eval`: score references or pages against gold files.

use super::ExitCode;
use clap::{Args, Subcommand};

#[derive(Args)]
pub struct EvalArgs {
    #[command(subcommand)]
    pub target: EvalTarget,
}

#[derive(Subcommand)]
pub enum EvalTarget {
    /// Score the reference parser against a gold JSON Lines file.
    Refs,
    /// Score records against a folder of page cases with gold.json.
    Pages,
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
