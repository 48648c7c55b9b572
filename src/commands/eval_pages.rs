//! `papersift eval pages`.

use super::ExitCode;
use clap::Args;

#[derive(Args)]
pub struct EvalPagesArgs {}

pub fn run(args: EvalPagesArgs) -> anyhow::Result<ExitCode> {
    let _ = args;
    anyhow::bail!("not implemented yet")
}
