//! The command line: every subcommand and option, typed, in one place. `parse` holds the
//! value parsers, `help` the help text, examples and completion values added to the derived
//! command.

mod help;
mod output;
mod parse;
mod plan;
mod tips;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

pub use help::{command, fields_of, offer_words_only};
pub use output::{ColorChoice, Format, OutputArgs};
pub use parse::parse_field;
use parse::{
    parse_month, parse_name, parse_query, parse_section, parse_since, parse_sql, parse_until,
    parse_year,
};
pub use plan::{AccomplishmentsArgs, ChairsArgs, ObjectivesArgs, PlanArgs, ProposalsArgs};
pub use tips::refine;

use crate::exit::UsageError;
use crate::filter::{Month, PeriodSpec};
use crate::model::{DeliverableKind, EventKind, GroupKind, Status};

const ABOUT: &str =
    "Query the facts of UN Women's 2016 Chair's report to the Global Migration Group";

/// One paragraph on one line: clap wraps it to the terminal.
const LONG_ABOUT: &str = "\
    Query the facts of UN Women's 2016 Chair's report to the Global Migration Group (GMG): \
    the joint statements delivered, the meetings and events held, the member entities, the \
    issues handed over to the next Chair, and the working groups and task forces with their \
    deliverables. Every record names the section of the report it comes from and quotes the \
    report verbatim. `gmg export` and `gmg sql` take it into SQL. Run `gmg` alone for an \
    overview.";

/// The examples of `gmg --help`, and of the manual.
pub const EXAMPLES: &str = "\
Examples:
  gmg                                      overview of the dataset
  gmg statements --month 3                 statements delivered in March 2016
  gmg members --added 2016                 entities admitted during the year
  gmg events --kind multi-stakeholder-meeting -f csv > meetings.csv
  gmg handover --chair escap               items handed over from the ESCAP Chair
  gmg groups --chair \"un women\"            groups UN Women co-chairs
  gmg deliverables --year 2017             products due in 2017
  gmg search xenophobia                    every record that mentions xenophobia
  gmg show s12 --context                   one record with its passage of the report
  gmg read II.4                            section II.4, with the records quoting it
  gmg read --uncited                       paragraphs no record quotes
  gmg validate my-copy.ron                 check a corrected copy of the dataset";

#[derive(Debug, Parser)]
#[command(name = "gmg", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    /// Load this dataset (same RON schema) instead of the embedded one [env: GMG_DATA]
    #[arg(long, global = true, value_name = "FILE")]
    pub data: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// `--data`, else `GMG_DATA` when it is set and not empty (an empty variable is unset,
    /// not a file named "").
    pub fn data_path(&self) -> Option<PathBuf> {
        self.data.clone().or_else(|| {
            std::env::var_os("GMG_DATA")
                .filter(|v| !v.is_empty())
                .map(PathBuf::from)
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List events: meetings, sessions, summits, workshops, launches, planned events
    Events(EventsArgs),
    /// List the joint GMG statements and where they were delivered
    Statements(StatementsArgs),
    /// List the member entities of the GMG (Annex D)
    Members(MembersArgs),
    /// List the issues handed over to the next Chair (section IV)
    Handover(HandoverArgs),
    /// List the Working Groups and Task Forces, their co-chairs and participants
    Groups(GroupsArgs),
    /// List the products of the GMG, its groups and members: lead, status, due date
    Deliverables(DeliverablesArgs),
    /// List the Chair's objectives and the activities planned under them (III, Annex A)
    Objectives(ObjectivesArgs),
    /// List the six headline accomplishments of the year (section II)
    Accomplishments(AccomplishmentsArgs),
    /// List the proposed entry points for the follow-up to the New York Declaration (Annex C)
    Proposals(ProposalsArgs),
    /// List who chairs the GMG and the GFMD, and when: Chairs, troika, handover
    Chairs(ChairsArgs),
    /// Follow each objective and planned activity through to what carried it out
    Plan(PlanArgs),
    /// Search every collection for TEXT, one row per matching record
    Search(SearchArgs),
    /// Show one record by id (members by acronym): every field, its source and its links
    Show(ShowArgs),
    /// Chart events and statements month by month
    Timeline(TimelineArgs),
    /// Read the report paragraph by paragraph, with the records that quote each
    Read(ReadArgs),
    /// Check a dataset: dates, ids, links, and every quote against the report
    Validate(ValidateArgs),
    /// Write the dataset as a SQLite database (tables, links, full-text search, views)
    Export(ExportArgs),
    /// Run one read-only SQL query over the dataset and print the result
    Sql(SqlArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a directory
    Man(ManArgs),
}

impl Command {
    /// The file `-o` names, for the commands that take it.
    pub fn output(&self) -> Option<&std::path::Path> {
        let args = match self {
            Command::Events(a) => &a.output,
            Command::Statements(a) => &a.output,
            Command::Members(a) => &a.output,
            Command::Handover(a) => &a.output,
            Command::Groups(a) => &a.output,
            Command::Deliverables(a) => &a.output,
            Command::Objectives(a) => &a.output,
            Command::Accomplishments(a) => &a.output,
            Command::Proposals(a) => &a.output,
            Command::Chairs(a) => &a.output,
            Command::Plan(a) => &a.output,
            Command::Search(a) => &a.output,
            Command::Timeline(a) => &a.output,
            Command::Read(a) => &a.output,
            Command::Sql(a) => &a.output,
            Command::Export(a) => return Some(&a.file),
            _ => return None,
        };
        args.file()
    }
}

/// The collections, as `search --kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Collection {
    #[value(alias = "events")]
    Event,
    #[value(alias = "statements")]
    Statement,
    #[value(alias = "members")]
    Member,
    Handover,
    #[value(alias = "groups")]
    Group,
    #[value(alias = "deliverables")]
    Deliverable,
    #[value(alias = "objectives")]
    Objective,
    #[value(alias = "accomplishments")]
    Accomplishment,
    #[value(alias = "proposals")]
    Proposal,
    #[value(alias = "chairs")]
    Chair,
}

impl Collection {
    pub fn as_str(self) -> &'static str {
        match self {
            Collection::Event => "event",
            Collection::Statement => "statement",
            Collection::Member => "member",
            Collection::Handover => "handover",
            Collection::Group => "group",
            Collection::Deliverable => "deliverable",
            Collection::Objective => "objective",
            Collection::Accomplishment => "accomplishment",
            Collection::Proposal => "proposal",
            Collection::Chair => "chair",
        }
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The text to find in any field of any record: case, ’ and ', – and -, and runs of
    /// spaces do not matter; several words are one text (`gmg search migrant women`)
    #[arg(value_name = "TEXT", required = true, num_args = 1.., value_parser = parse_query)]
    pub text: Vec<String>,
    /// Only these collections (comma-separated or repeated)
    #[arg(
        long,
        value_name = "KIND",
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        help_heading = "Filters"
    )]
    pub kind: Vec<Collection>,
    #[command(flatten)]
    pub dates: DateArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The record's id, or a member's acronym (any case)
    #[arg(value_name = "ID", value_parser = parse_name)]
    pub id: String,
    /// Also print the paragraph of the report that holds each quote
    #[arg(long)]
    pub context: bool,
    /// Output format
    #[arg(short, long, value_enum,
        ignore_case = true, default_value_t = CardFormat::Text)]
    pub format: CardFormat,
    /// When to colour the card
    #[arg(long, value_enum,
        ignore_case = true, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    /// A card for reading in a terminal
    #[value(alias = "table")]
    Text,
    /// One JSON object with the record, its links and (with --context) its passages
    Json,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// The year to chart [default: the report's year]
    #[arg(long, value_name = "YEAR", value_parser = parse_year, allow_hyphen_values = true, help_heading = "Filters")]
    pub year: Option<i32>,
    #[command(flatten)]
    pub events: EventFilterArgs,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ReadArgs {
    /// Only section S of the report, or a part of one (II is its lead-in and II.1 to II.6),
    /// in any case
    #[arg(value_name = "S", value_parser = parse_section)]
    pub section: Option<String>,
    /// Only the paragraphs no record quotes (headings aside): facts the dataset may miss
    #[arg(long)]
    pub uncited: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum, ignore_case = true)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write gmg.1 and one page per command (gmg-events.1, …) into DIR instead of printing
    /// gmg(1)
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct EventsArgs {
    #[command(flatten)]
    pub dates: DateArgs,
    #[command(flatten)]
    pub events: EventFilterArgs,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A vocabulary of the model on the command line: its names, with what each means.
macro_rules! value_enum {
    ($($ty:ident),*) => {$(
        impl ValueEnum for $ty {
            fn value_variants<'a>() -> &'a [Self] {
                $ty::ALL
            }

            fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
                Some(clap::builder::PossibleValue::new(self.as_str()).help(self.describe()))
            }
        }
    )*};
}

value_enum!(EventKind, GroupKind, DeliverableKind, Status);

/// Filters on events (`timeline` applies kind and organiser to statements through their
/// event).
#[derive(Debug, Args, Default, Clone)]
pub struct EventFilterArgs {
    /// Only records whose location contains TEXT (any case)
    #[arg(long, value_name = "TEXT", value_parser = parse_name, help_heading = "Filters")]
    pub location: Option<String>,
    /// Only events of these kinds (comma-separated or repeated)
    #[arg(
        long,
        value_name = "KIND",
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        help_heading = "Filters"
    )]
    pub kind: Vec<EventKind>,
    /// Only events organised (hosted, led, co-organised) by ORG: a member by acronym or full
    /// name, another organiser by its whole name; any case
    #[arg(long, value_name = "ORG", value_parser = parse_name, help_heading = "Filters")]
    pub organizer: Option<String>,
    /// Only events of the group G: its id (wg-data) or a part of its name (data and
    /// research), any case
    #[arg(long, value_name = "G", value_parser = parse_name, help_heading = "Filters")]
    pub group: Option<String>,
}

impl EventFilterArgs {
    pub fn kinds(&self) -> Vec<&'static str> {
        self.kind.iter().map(|k| k.as_str()).collect()
    }
}

#[derive(Debug, Args)]
pub struct StatementsArgs {
    #[command(flatten)]
    pub dates: DateArgs,
    /// Only statements whose location contains TEXT (any case)
    #[arg(long, value_name = "TEXT", value_parser = parse_name, help_heading = "Filters")]
    pub location: Option<String>,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct MembersArgs {
    /// Only entities admitted in YEAR (as the report states it)
    #[arg(long, value_name = "YEAR", value_parser = parse_year, allow_hyphen_values = true, help_heading = "Filters")]
    pub added: Option<i32>,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct HandoverArgs {
    /// Only items listed under the Chair NAME (e.g. escap, iom, "un women"; any case)
    #[arg(long, value_name = "NAME", value_parser = parse_name, help_heading = "Filters")]
    pub chair: Option<String>,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct GroupsArgs {
    /// Only groups co-chaired by NAME: a member's acronym or full name, any case
    #[arg(long, value_name = "NAME", value_parser = parse_name, help_heading = "Filters")]
    pub chair: Option<String>,
    /// Only groups NAME takes part in (co-chairs included): acronym or full name, any case
    #[arg(long, value_name = "NAME", value_parser = parse_name, help_heading = "Filters")]
    pub participant: Option<String>,
    /// Only working groups, or only task forces
    #[arg(
        long,
        value_name = "KIND",
        value_enum,
        ignore_case = true,
        help_heading = "Filters"
    )]
    pub kind: Option<GroupKind>,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct DeliverablesArgs {
    #[command(flatten)]
    pub dates: DateArgs,
    /// Only deliverables of the group G: its id (wg-data) or a part of its name (data and
    /// research), any case
    #[arg(long, value_name = "G", value_parser = parse_name, help_heading = "Filters")]
    pub group: Option<String>,
    /// Only deliverables led or prepared by NAME: a member's acronym or full name, another
    /// lead by its whole name; any case
    #[arg(long, value_name = "NAME", value_parser = parse_name, help_heading = "Filters")]
    pub lead: Option<String>,
    /// Only deliverables with these statuses, as the report states them (comma-separated
    /// or repeated)
    #[arg(
        long,
        value_name = "STATUS",
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        help_heading = "Filters"
    )]
    pub status: Vec<Status>,
    /// Only deliverables of these kinds (comma-separated or repeated)
    #[arg(
        long,
        value_name = "KIND",
        value_enum,
        ignore_case = true,
        value_delimiter = ',',
        help_heading = "Filters"
    )]
    pub kind: Vec<DeliverableKind>,
    #[command(flatten)]
    pub text: TextArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The database file to write (replaced whole, or not at all); `-` for standard output
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Also write datasette's metadata (title, source, licence, what every table and column
    /// holds) to META, for `datasette FILE -m META`
    #[arg(long, value_name = "META")]
    pub metadata: Option<PathBuf>,
}

/// The listings' output options, less those that choose, order or limit rows: the query does
/// that. They stay out of `gmg sql --help`; given anyway, `gmg sql` refuses each with the SQL
/// that does its work (`--limit` → LIMIT).
#[derive(Debug, Args)]
#[command(
    mut_arg("fields", |a| a.hide(true)),
    mut_arg("sort", |a| a.hide(true)),
    mut_arg("reverse", |a| a.hide(true)),
    mut_arg("limit", |a| a.hide(true))
)]
pub struct SqlArgs {
    /// One SQL query (SQLite's dialect), read-only: e.g. "select count(*) from statements"
    #[arg(
        value_name = "QUERY",
        value_parser = parse_sql,
        required_unless_present = "schema",
        conflicts_with = "schema"
    )]
    pub query: Option<String>,
    /// Print the schema (tables, full-text index, views) instead of running a query
    #[arg(long)]
    pub schema: bool,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The dataset to check [default: --data, or the embedded dataset]
    #[arg(value_name = "FILE")]
    pub file: Option<PathBuf>,
    /// Skip checking that quotes occur in the bundled report (for data drawn from another
    /// report, or synthetic data)
    #[arg(long)]
    pub no_quotes: bool,
}

/// Date filters of the dated collections. A record known to the day is in the period when
/// its dates overlap it; one known only to the month or year when that month or year lies
/// wholly inside it (unless --approximate).
#[derive(Debug, Args, Default, Clone)]
pub struct DateArgs {
    /// Only records in month M of the report's year (1-12, 'mar', 'March'), or in YYYY-MM;
    /// repeat or separate with commas for several months
    #[arg(
        long,
        value_name = "M",
        value_parser = parse_month,
        value_delimiter = ',',
        allow_hyphen_values = true,
        help_heading = "Filters"
    )]
    pub month: Vec<Month>,
    /// Only records on or after DATE (YYYY-MM-DD, or YYYY-MM for the start of a month)
    #[arg(long, value_name = "DATE", value_parser = parse_since, allow_hyphen_values = true, help_heading = "Filters")]
    pub since: Option<NaiveDate>,
    /// Only records on or before DATE (YYYY-MM-DD, or YYYY-MM for the end of a month)
    #[arg(long, value_name = "DATE", value_parser = parse_until, allow_hyphen_values = true, help_heading = "Filters")]
    pub until: Option<NaiveDate>,
    /// Only records in YEAR
    #[arg(long, value_name = "YEAR", value_parser = parse_year, allow_hyphen_values = true, help_heading = "Filters")]
    pub year: Option<i32>,
    /// Also records the report dates only to a month or year that may fall in the period
    /// (e.g. "2016" for --month 3)
    #[arg(long, help_heading = "Filters")]
    pub approximate: bool,
}

impl DateArgs {
    /// The period asked for, or `None` when no date option was given. `--since` after
    /// `--until` is a usage error.
    pub fn period(&self) -> Result<Option<PeriodSpec>, UsageError> {
        if let (Some(since), Some(until)) = (self.since, self.until) {
            if since > until {
                return Err(UsageError::other(format!(
                    "'--since {since}' is later than '--until {until}': the period would be empty"
                )));
            }
        }
        let given = !self.month.is_empty()
            || self.year.is_some()
            || self.since.is_some()
            || self.until.is_some();
        Ok(given.then(|| PeriodSpec {
            months: self.month.clone(),
            year: self.year,
            since: self.since,
            until: self.until,
            approximate: self.approximate,
        }))
    }
}

/// Text filters every collection takes.
#[derive(Debug, Args, Default, Clone)]
pub struct TextArgs {
    /// Only records with TEXT in any field (any case; ’ matches ', – matches -)
    #[arg(long, value_name = "TEXT", value_parser = parse_query, help_heading = "Filters")]
    pub search: Option<String>,
    /// Only records from section S of the report or a part of it (II matches II.1 to II.6),
    /// or that quote it among their other passages
    #[arg(long, value_name = "S", value_parser = parse_section, help_heading = "Filters")]
    pub section: Option<String>,
}
