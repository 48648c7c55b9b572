//! The `papersift` command: parses flags, runs one command, maps the outcome to an exit code.

mod commands;

use clap::{Parser, Subcommand};
use commands::ExitCode;

/// Turns scraped journal article pages into clean, validated metadata.
#[derive(Parser)]
#[command(
    name = "papersift",
    version,
    about,
    after_help = "Exit codes: 0 all good, 1 fatal error, 2 usage error, 3 some documents failed or did not validate."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract records from pages (files or folders).
    Extract(commands::extract::ExtractArgs),
    /// Validate record files against the schema and the semantic checks.
    Validate(commands::validate::ValidateArgs),
    /// Print the JSON Schema of a record.
    Schema,
    /// Parse reference strings, one per line.
    Refs(commands::refs::RefsArgs),
    /// Score extraction against gold files.
    Eval(commands::eval::EvalArgs),
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() {
                ExitCode::Usage
            } else {
                ExitCode::Ok
            };
            let _ = err.print();
            std::process::exit(code as i32);
        }
    };
    let outcome = match cli.command {
        Command::Extract(args) => commands::extract::run(args),
        Command::Validate(args) => commands::validate::run(args),
        Command::Schema => commands::print_schema(),
        Command::Refs(args) => commands::refs::run(args),
        Command::Eval(args) => commands::eval::run(args),
    };
    let code = match outcome {
        Ok(code) => code,
        Err(err) if commands::is_broken_pipe(&err) => ExitCode::Ok,
        Err(err) => {
            eprintln!("papersift: {err:#}");
            ExitCode::Fatal
        }
    };
    std::process::exit(code as i32);
}
