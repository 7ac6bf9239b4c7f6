//! gmg: the facts of the GMG 2016 Chair's report, as a dataset and a query tool.

mod cli;
mod commands;
mod database;
mod dataset;
mod exit;
mod filter;
mod fold;
mod model;
mod output;
mod record;
mod suggest;
mod terminal;
mod text;

use std::io::Write;
use std::process::ExitCode;

use clap::FromArgMatches;

use crate::exit::Exit;

// Loading a large --data file is mostly small allocations; mimalloc makes them about
// twice as cheap as the system allocator (README: Performance).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let cli = match commands::command()
        .try_get_matches_from(&args)
        .and_then(|matches| cli::Cli::from_arg_matches(&matches))
    {
        Ok(cli) => cli,
        // Help and version exit 0, usage errors 2.
        Err(error) => return commands::usage::clap_error(&cli::refine(error, &args)),
    };
    match commands::run(&cli) {
        Ok(()) => Exit::Success.into(),
        Err(error) if exit::is_broken_pipe(&error) => Exit::Success.into(),
        Err(error) => {
            // Wrapped to a terminal's width, so it does not wrap words mid-way.
            let message = text::escape_controls(&format!("error: {error:#}"));
            let message = output::layout::fill(&message, output::stderr_width());
            let _ = writeln!(std::io::stderr(), "{message}");
            exit::code_for(&error).into()
        }
    }
}
