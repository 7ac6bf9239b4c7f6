//! One module per subcommand (the listings share `list`), and the dispatch to them.

pub mod export;
pub mod list;
pub mod man;
pub mod overview;
pub mod plan;
pub mod read;
pub mod search;
pub mod shell;
pub mod show;
pub mod sql;
pub mod timeline;
pub mod usage;
pub mod validate;

use crate::cli::{self, Cli, Command};
use crate::exit::UsageError;
use crate::output::same_file;

/// The full command line: the arguments `cli` defines, with the fields of the rows these
/// commands make (search hits, months, paragraphs, the follow-through) offered to
/// `--fields` and `--sort` and listed in their help.
pub fn command() -> clap::Command {
    cli::command()
        .mut_subcommand("search", cli::fields_of::<search::Hit>)
        .mut_subcommand("timeline", cli::fields_of::<timeline::MonthCount>)
        .mut_subcommand("read", cli::fields_of::<read::Row>)
        .mut_subcommand("plan", cli::fields_of::<plan::FollowThrough>)
}

pub fn run(cli: &Cli) -> anyhow::Result<()> {
    let data = cli.data_path();
    let data = data.as_deref();
    // Writing over the dataset being read would destroy it: refuse before anything is read.
    let outputs = cli
        .command
        .as_ref()
        .map(Command::outputs)
        .unwrap_or_default();
    if let Some(data) = data {
        if let Some((option, output)) = outputs.iter().find(|(_, o)| same_file(o, data)) {
            return Err(UsageError::other(format!(
                "'{option} {}' is the dataset being read ('--data {}'): writing it would destroy the dataset",
                crate::text::path(output),
                crate::text::path(data)
            ))
            .into());
        }
    }
    match &cli.command {
        None => overview::run(data),
        Some(Command::Events(args)) => list::events(data, args),
        Some(Command::Statements(args)) => list::statements(data, args),
        Some(Command::Members(args)) => list::members(data, args),
        Some(Command::Handover(args)) => list::handover(data, args),
        Some(Command::Groups(args)) => list::groups(data, args),
        Some(Command::Deliverables(args)) => list::deliverables(data, args),
        Some(Command::Objectives(args)) => plan::objectives(data, args),
        Some(Command::Accomplishments(args)) => plan::accomplishments(data, args),
        Some(Command::Proposals(args)) => plan::proposals(data, args),
        Some(Command::Chairs(args)) => plan::chairs(data, args),
        Some(Command::Plan(args)) => plan::follow_through(data, args),
        Some(Command::Search(args)) => search::run(data, args),
        Some(Command::Show(args)) => show::run(data, args),
        Some(Command::Timeline(args)) => timeline::run(data, args),
        Some(Command::Read(args)) => read::run(data, args),
        Some(Command::Validate(args)) => validate::run(data, args),
        Some(Command::Export(args)) => export::run(data, args),
        Some(Command::Sql(args)) => sql::run(data, args),
        Some(Command::Completions(args)) => shell::completions(args),
        Some(Command::Man(args)) => man::run(args),
    }
}
