//! The command line: every subcommand and option, typed, in one place. `parse` holds the
//! value parsers, `help` the help text, examples and completion values added to the derived
//! command.

mod help;
mod listings;
mod output;
mod parse;
mod plan;
mod tips;

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use help::{command, fields_of, offer_words_only};
pub use listings::{
    DateArgs, DeliverablesArgs, EventFilterArgs, EventsArgs, GroupsArgs, HandoverArgs, MembersArgs,
    StatementsArgs, TextArgs,
};
pub use output::{ColorChoice, Format, OutputArgs};
pub use parse::parse_field;
use parse::{parse_name, parse_query, parse_section, parse_sql, parse_year};
pub use plan::{AccomplishmentsArgs, ChairsArgs, ObjectivesArgs, PlanArgs, ProposalsArgs};
pub use tips::refine;

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
    /// Write the whole dataset as a SQLite database, an Excel workbook or a web page
    Export(ExportArgs),
    /// Run one read-only SQL query over the dataset and print the result
    Sql(SqlArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the manual page (roff), or write one page per command into a directory
    Man(ManArgs),
}

impl Command {
    /// The files the command writes, each with the option that names it: `-o`'s for the
    /// commands that take it; `gmg export`'s FILE and META.
    pub fn outputs(&self) -> Vec<(&'static str, &std::path::Path)> {
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
            Command::Export(a) => {
                let meta = a.metadata.as_deref().map(|m| ("--metadata", m));
                return [("<FILE>", a.file.as_path())]
                    .into_iter()
                    .chain(meta)
                    .collect();
            }
            _ => return Vec::new(),
        };
        args.file().map(|f| ("--output", f)).into_iter().collect()
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
    pub const ALL: [Collection; 10] = [
        Collection::Event,
        Collection::Statement,
        Collection::Member,
        Collection::Handover,
        Collection::Group,
        Collection::Deliverable,
        Collection::Objective,
        Collection::Accomplishment,
        Collection::Proposal,
        Collection::Chair,
    ];

    /// Its command's name, which is what its records are called together ("events").
    pub fn plural(self) -> &'static str {
        match self {
            Collection::Event => "events",
            Collection::Statement => "statements",
            Collection::Member => "members",
            Collection::Handover => "handover",
            Collection::Group => "groups",
            Collection::Deliverable => "deliverables",
            Collection::Objective => "objectives",
            Collection::Accomplishment => "accomplishments",
            Collection::Proposal => "proposals",
            Collection::Chair => "chairs",
        }
    }

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
pub struct ExportArgs {
    /// The file to write (replaced whole, or not at all); `-` for standard output. Its
    /// extension chooses the format: .xlsx a workbook, .html a page, .sqlite or .db (or none)
    /// a database
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// What to write [default: from FILE's extension, else sqlite]
    #[arg(short, long, value_enum, value_name = "FORMAT")]
    pub format: Option<ExportFormat>,
    /// Also write datasette's metadata (title, source, licence, what every table and column
    /// holds) to META, for `datasette FILE -m META` (sqlite only)
    #[arg(long, value_name = "META")]
    pub metadata: Option<PathBuf>,
}

/// What `gmg export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// A SQLite database: a table per collection, the links and the report's paragraphs
    Sqlite,
    /// An Excel workbook: a sheet per collection, the links as columns of ids
    Xlsx,
    /// One self-contained web page: the overview, the timeline, every collection and the
    /// report's text, each quote linked to its paragraph
    Html,
}

impl ExportFormat {
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Sqlite => "sqlite",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Html => "html",
        }
    }

    /// The format a file name's extension asks for; `None` for an extension of another
    /// kind of file. A name without one is a database, as it always was.
    /// A name that is all extension (`.html`) asks for it too.
    pub fn from_path(path: &std::path::Path) -> Option<ExportFormat> {
        let name = path.file_name()?.to_string_lossy();
        let Some((_, ext)) = name.rsplit_once('.') else {
            return Some(ExportFormat::Sqlite);
        };
        match ext.to_ascii_lowercase().as_str() {
            "sqlite" | "sqlite3" | "db" | "db3" => Some(ExportFormat::Sqlite),
            "xlsx" => Some(ExportFormat::Xlsx),
            "html" | "htm" => Some(ExportFormat::Html),
            _ => None,
        }
    }
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
