//! One module per subcommand (the four listings share `list`), and the dispatch to them.

pub mod list;
pub mod validate;

use crate::cli::{Cli, Command};

pub fn run(cli: &Cli) -> anyhow::Result<()> {
    let data = cli.data.as_deref();
    match &cli.command {
        None => {
            crate::cli::command().print_help()?;
            Ok(())
        }
        Some(Command::Events(args)) => list::events(data, args),
        Some(Command::Statements(args)) => list::statements(data, args),
        Some(Command::Members(args)) => list::members(data, args),
        Some(Command::Handover(args)) => list::handover(data, args),
        Some(Command::Validate(args)) => validate::run(data, args),
    }
}
