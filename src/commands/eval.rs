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
    Refs(super::eval_refs::EvalRefsArgs),
    /// Score records against a folder of page cases with gold.json.
    Pages(super::eval_pages::EvalPagesArgs),
}

pub fn run(args: EvalArgs) -> anyhow::Result<ExitCode> {
    match args.target {
        EvalTarget::Refs(args) => super::eval_refs::run(args),
        EvalTarget::Pages(args) => super::eval_pages::run(args),
    }
}
