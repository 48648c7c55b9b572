//! `papersift eval refs`.

use super::ExitCode;
use clap::Args;

#[derive(Args)]
pub struct EvalRefsArgs {}

pub fn run(args: EvalRefsArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
