//! One module per subcommand (the four listings share `list`), and the dispatch to them.

pub mod list;
pub mod overview;
pub mod search;
pub mod shell;
pub mod show;
pub mod timeline;
pub mod validate;

use crate::cli::{Cli, Command};

pub fn run(cli: &Cli) -> anyhow::Result<()> {
    let data = cli.data_path();
    let data = data.as_deref();
    match &cli.command {
        None => overview::run(data),
        Some(Command::Events(args)) => list::events(data, args),
        Some(Command::Statements(args)) => list::statements(data, args),
        Some(Command::Members(args)) => list::members(data, args),
        Some(Command::Handover(args)) => list::handover(data, args),
        Some(Command::Search(args)) => search::run(data, args),
        Some(Command::Show(args)) => show::run(data, args),
        Some(Command::Timeline(args)) => timeline::run(data, args),
        Some(Command::Validate(args)) => validate::run(data, args),
        Some(Command::Completions(args)) => shell::completions(args),
        Some(Command::Man) => shell::man(),
    }
}
