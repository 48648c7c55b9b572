//! The subcommands of the binary. Each parses its own flags and calls the library.

pub mod eval;
pub mod eval_pages;
pub mod eval_refs;
pub mod extract;
pub mod refs;
pub mod validate;

use std::io::Write;

/// Process exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitCode {
    /// Everything succeeded.
    Ok = 0,
    /// A fatal error stopped the run (unreadable output folder, bad gold file, ...).
    Fatal = 1,
    /// The command line was wrong.
    Usage = 2,
    /// Some documents failed or did not validate; the others were processed.
    SomeFailed = 3,
    /// Stopped by Ctrl-C (128 + SIGINT, as shells report it).
    Interrupted = 130,
}

/// Prints the record schema.
pub fn print_schema() -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    out.write_all(papersift::validate::ARTICLE_SCHEMA.as_bytes())?;
    out.flush()?;
    Ok(ExitCode::Ok)
}

/// Whether an error is a closed stdout (`papersift ... | head`), which is not a failure.
pub fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
