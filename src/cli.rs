//! The command line: every subcommand, option and value parser, in one typed place.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::dataset::parse_iso_date;
use crate::exit::UsageError;
use crate::filter::{Month, PeriodSpec};
use crate::model::{month_bounds, EventKind, Handover, Member, Statement};
use crate::record::Record;

const ABOUT: &str =
    "Query the facts of UN Women's 2016 Chair's report to the Global Migration Group";

const LONG_ABOUT: &str = "\
Query the facts of UN Women's 2016 Chair's report to the Global Migration Group (GMG):
the joint statements delivered, the meetings and events held, the member entities and the
issues handed over to the next Chair. Every record names the section of the report it comes
from and quotes the report verbatim. Run `gmg` alone for an overview.";

const EXAMPLES: &str = "\
Examples:
  gmg                                      overview of the dataset
  gmg statements --month 3                 statements delivered in March 2016
  gmg members --added 2016                 entities admitted during the year
  gmg events --kind multi-stakeholder-meeting -f csv > meetings.csv
  gmg handover --chair escap               items handed over from the ESCAP Chair
  gmg search xenophobia                    every record that mentions xenophobia
  gmg show s12 --context                   one record with its passage of the report";

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
    /// Search every collection for TEXT, one row per matching record
    Search(SearchArgs),
    /// Show one record by id (members by acronym): every field, its source and its links
    Show(ShowArgs),
    /// Chart events and statements month by month
    Timeline(TimelineArgs),
    /// Check a dataset: dates, ids, links, and every quote against the report
    Validate(ValidateArgs),
    /// Print a shell completion script
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    Man,
}

/// The four collections, as `search --kind` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, ValueEnum)]
pub enum Collection {
    #[value(alias = "events")]
    Event,
    #[value(alias = "statements")]
    Statement,
    #[value(alias = "members")]
    Member,
    Handover,
}

impl Collection {
    pub fn as_str(self) -> &'static str {
        match self {
            Collection::Event => "event",
            Collection::Statement => "statement",
            Collection::Member => "member",
            Collection::Handover => "handover",
        }
    }
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The text to find in any field of any record: case, ’ and ', – and -, and runs of
    /// spaces do not matter
    #[arg(value_name = "TEXT", value_parser = parse_query)]
    pub text: String,
    /// Only these collections (comma-separated or repeated)
    #[arg(
        long,
        value_name = "KIND",
        value_enum,
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
    #[arg(value_name = "ID")]
    pub id: String,
    /// Also print the paragraph of the report that holds each quote
    #[arg(long)]
    pub context: bool,
    /// Output format
    #[arg(short, long, value_enum, default_value_t = CardFormat::Text)]
    pub format: CardFormat,
    /// When to colour the card
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CardFormat {
    /// A card for reading in a terminal
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
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
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

/// Event kinds on the command line: the model's vocabulary, with what each means.
impl ValueEnum for EventKind {
    fn value_variants<'a>() -> &'a [Self] {
        EventKind::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.as_str()).help(self.describe()))
    }
}

/// Filters on events (`timeline` applies kind and organiser to statements through their
/// event).
#[derive(Debug, Args, Default, Clone)]
pub struct EventFilterArgs {
    /// Only records whose location contains TEXT (any case)
    #[arg(long, value_name = "TEXT", help_heading = "Filters")]
    pub location: Option<String>,
    /// Only events of these kinds (comma-separated or repeated)
    #[arg(
        long,
        value_name = "KIND",
        value_enum,
        value_delimiter = ',',
        help_heading = "Filters"
    )]
    pub kind: Vec<EventKind>,
    /// Only events organised (hosted, led, co-organised) by ORG (whole name, any case)
    #[arg(long, value_name = "ORG", help_heading = "Filters")]
    pub organizer: Option<String>,
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
    #[arg(long, value_name = "TEXT", help_heading = "Filters")]
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
    #[arg(long, value_name = "NAME", help_heading = "Filters")]
    pub chair: Option<String>,
    #[command(flatten)]
    pub text: TextArgs,
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
    /// Only records from section S of the report, or a part of it (II matches II.1 to II.6)
    #[arg(long, value_name = "S", help_heading = "Filters")]
    pub section: Option<String>,
}

#[derive(Debug, Args, Default, Clone)]
pub struct OutputArgs {
    /// Output format [default: from --output's extension, else table]
    #[arg(short, long, value_enum, help_heading = "Output")]
    pub format: Option<Format>,
    /// Print these fields, in this order (comma-separated)
    #[arg(
        long,
        value_name = "FIELDS",
        value_delimiter = ',',
        help_heading = "Output"
    )]
    pub fields: Option<Vec<String>>,
    /// Sort by FIELD [default: date, then id; members by acronym; handover in report order]
    #[arg(long, value_name = "FIELD", help_heading = "Output")]
    pub sort: Option<String>,
    /// Reverse the order
    #[arg(long, help_heading = "Output")]
    pub reverse: bool,
    /// Print at most N records
    #[arg(long, value_name = "N", value_parser = parse_limit, allow_hyphen_values = true, help_heading = "Output")]
    pub limit: Option<usize>,
    /// Write to FILE (whole or not at all) instead of standard output
    #[arg(short, long, value_name = "FILE", help_heading = "Output")]
    pub output: Option<PathBuf>,
    /// Leave out the header row (csv, tsv, markdown)
    #[arg(long, help_heading = "Output")]
    pub no_header: bool,
    /// Start csv/tsv with a UTF-8 byte order mark, for spreadsheet programs that need one
    #[arg(long, help_heading = "Output")]
    pub bom: bool,
    /// In csv/tsv, put ' before text cells that start with = + - @, a tab or a carriage
    /// return, so a spreadsheet cannot run them as formulas (this changes the data)
    #[arg(long, help_heading = "Output")]
    pub csv_safe: bool,
    /// When to colour the table (NO_COLOR set to a non-empty value means never for auto)
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto, help_heading = "Output")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// An aligned table for reading in a terminal
    Table,
    /// Comma-separated values with a header row
    Csv,
    /// Tab-separated values with a header row
    Tsv,
    /// One JSON array of objects
    Json,
    /// One JSON object per line
    Ndjson,
    /// A markdown pipe table
    Markdown,
}

impl Format {
    /// The format a file name's extension asks for.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "csv" => Some(Format::Csv),
            "tsv" | "tab" => Some(Format::Tsv),
            "json" => Some(Format::Json),
            "ndjson" | "jsonl" => Some(Format::Ndjson),
            "md" | "markdown" => Some(Format::Markdown),
            "txt" => Some(Format::Table),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set
    #[default]
    Auto,
    Always,
    Never,
}

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_EXPECTED: &str =
    "expected 1-12 or a month name such as 'mar' (a month of the report's year), or YYYY-MM";

pub fn parse_month(text: &str) -> Result<Month, String> {
    let t = text.trim();
    if let Some((year, month)) = split_year_month(t, 1..=2) {
        return match month_bounds(year, month) {
            Some(_) => Ok(Month::Of { year, month }),
            None => Err(MONTH_EXPECTED.to_string()),
        };
    }
    if !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()) {
        return match t.parse::<u32>() {
            Ok(m @ 1..=12) => Ok(Month::InReportYear(m)),
            _ => Err(MONTH_EXPECTED.to_string()),
        };
    }
    let lower = t.to_lowercase();
    let by_name = MONTH_NAMES.iter().position(|name| {
        lower.len() >= 3 && (name.starts_with(&lower) || (lower == "sept" && *name == "september"))
    });
    by_name
        .map(|i| Month::InReportYear(i as u32 + 1))
        .ok_or_else(|| MONTH_EXPECTED.to_string())
}

/// `YYYY-MM` (or `YYYY-M` when `month_digits` allows one digit) as (year, month number),
/// without checking the month's range.
fn split_year_month(
    text: &str,
    month_digits: std::ops::RangeInclusive<usize>,
) -> Option<(i32, u32)> {
    let (year, month) = text.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() == 4 && digits(year) && month_digits.contains(&month.len()) && digits(month) {
        Some((year.parse().ok()?, month.parse().ok()?))
    } else {
        None
    }
}

const DATE_EXPECTED: &str = "expected a date YYYY-MM-DD or a month YYYY-MM";

/// A `--since`/`--until` value; a bare month means its first (or last) day.
fn parse_bound(text: &str, first: bool) -> Result<NaiveDate, String> {
    let t = text.trim();
    if let Some((year, month)) = split_year_month(t, 2..=2) {
        let (start, end) = month_bounds(year, month)
            .ok_or_else(|| format!("month {month:02} does not exist; {DATE_EXPECTED}"))?;
        return Ok(if first { start } else { end });
    }
    parse_iso_date(t).map_err(|e| format!("{e}; {DATE_EXPECTED}"))
}

pub fn parse_since(text: &str) -> Result<NaiveDate, String> {
    parse_bound(text, true)
}

pub fn parse_until(text: &str) -> Result<NaiveDate, String> {
    parse_bound(text, false)
}

pub fn parse_year(text: &str) -> Result<i32, String> {
    let t = text.trim();
    match t.parse::<i32>() {
        Ok(year @ 1000..=9999) if t.len() == 4 => Ok(year),
        _ => Err("expected a four-digit year such as 2016".to_string()),
    }
}

/// Search text: anything but nothing (or only whitespace, which would match every record).
pub fn parse_query(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("expected some text to search for".to_string())
    } else {
        Ok(text.to_string())
    }
}

pub fn parse_limit(text: &str) -> Result<usize, String> {
    match text.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err("expected a whole number of at least 1".to_string()),
    }
}

/// Examples and the field list shown in each listing command's help.
fn listing_help<R: Record>(examples: &str) -> String {
    format!(
        "Examples:\n{examples}\nFields ({}): {}\nThe table shows {} unless --fields is given; csv, tsv, json and ndjson show every field.",
        R::NOUN,
        R::FIELDS.join(", "),
        R::BRIEF.join(", "),
    )
}

/// How the date filters decide, for the help of every command that takes them.
const PERIOD_RULES: &str = "\
Dates: a bare month (--month 3, --month mar) is that month of the report's year (2016 for
the embedded data); YYYY-MM names any other month, and several months select their union
(--month 2,3). A record known to the day is in the period when its dates overlap it: the
statement of 29 February - 1 March 2016 is in both February and March. A record known only to
the month or the year is in the period only when that whole month or year lies inside it:
the February 2016 retreat is in --month 2 but not in --since 2016-02-15, and an event of
\"2016\" is in --year 2016 but not in --month 3. --approximate also takes those that may fall
in the period; the table says how many it left out. Undated records match no date filter.";

/// The full command, with help text that is computed from the record types.
pub fn command() -> clap::Command {
    use crate::model::Event;
    Cli::command()
        .mut_subcommand("events", |c| {
            c.after_help(listing_help::<Event>(
                "  gmg events --month june\n  gmg events --month 2,3 --approximate\n  gmg events --kind multi-stakeholder-meeting -f csv > meetings.csv\n  gmg events --location geneva --year 2016\n  gmg events --organizer ilo --fields id,start,title,organizers\n",
            ) + "\n\n" + PERIOD_RULES + "\n\nNames: --organizer takes a member's acronym or full name in any case (ilo, \"International\nLabour Organization\") and finds it written either way.")
        })
        .mut_subcommand("statements", |c| {
            c.after_help(listing_help::<Statement>(
                "  gmg statements --month 3\n  gmg statements --since 2016-09 --format csv -o autumn.csv\n  gmg statements --search gfmd --fields start,title,event\n",
            ) + "\n\n" + PERIOD_RULES)
        })
        .mut_subcommand("members", |c| {
            c.after_help(listing_help::<Member>(
                "  gmg members --added 2016\n  gmg members --search united --format json\n",
            ))
        })
        .mut_subcommand("handover", |c| {
            c.after_help(listing_help::<Handover>(
                "  gmg handover --chair escap\n  gmg handover --chair \"international organisation for migration\"\n  gmg handover --search MAWP --format markdown\n",
            ) + "\n\nNames: --chair takes a Chair's acronym or, for a member, its full name, in any case.")
        })
        .mut_subcommand("search", |c| {
            c.after_help(
                "Examples:\n  gmg search xenophobia\n  gmg search geneva --kind event,statement\n  gmg search \"new york declaration\" --year 2016 -f csv\n\n\
                 Fields (match): kind, id, start, end, title, field, snippet, section\n\
                 `field` is the field the snippet comes from. The table shows kind, id, start, title and snippet.\n\
                 Matching ignores case, and takes ’ as ', “ ” as \", – and — as -, and a run of spaces as one.\n\n"
                    .to_string() + PERIOD_RULES,
            )
        })
        .mut_subcommand("show", |c| {
            c.after_help(
                "Examples:\n  gmg show s12\n  gmg show msm-2016-06-30 --context\n  gmg show unhcr --format json\n\n\
                 Links: a statement's event; an event's statements; a member's events (as organiser), and the\n\
                 statements and handover items that name it; a handover item's Chairs that are members.",
            )
        })
        .mut_subcommand("timeline", |c| {
            c.after_help(
                "Examples:\n  gmg timeline\n  gmg timeline --kind gfmd-workshop,gfmd-meeting,gfmd-summit\n  gmg timeline --year 2017 -f csv\n\n\
                 Fields (month): month, events, statements\n\
                 --kind and --organizer select events, and the statements delivered at them.\n\
                 A month counts what `gmg events --month YYYY-MM` lists: a record known to the day in every\n\
                 month its dates overlap, one known to the month in that month. Records known only to the\n\
                 year are in no month; the chart says how many there are.",
            )
        })
        .mut_subcommand("completions", |c| {
            c.after_help("Examples:\n  gmg completions bash > ~/.local/share/bash-completion/completions/gmg\n  gmg completions zsh > ~/.zfunc/_gmg\n  gmg completions fish > ~/.config/fish/completions/gmg.fish")
        })
        .mut_subcommand("man", |c| {
            c.after_help("Examples:\n  gmg man > gmg.1 && man ./gmg.1\n  gmg man | gzip > /usr/local/share/man/man1/gmg.1.gz")
        })
        .mut_subcommand("validate", |c| {
            c.after_help("Examples:\n  gmg validate\n  gmg validate my-corrected-copy.ron\n  gmg validate synthetic.ron --no-quotes")
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_is_well_formed() {
        command().debug_assert();
    }

    #[test]
    fn months_parse_every_accepted_form() {
        assert_eq!(parse_month("3"), Ok(Month::InReportYear(3)));
        assert_eq!(parse_month("03"), Ok(Month::InReportYear(3)));
        assert_eq!(parse_month("march"), Ok(Month::InReportYear(3)));
        assert_eq!(parse_month("Mar"), Ok(Month::InReportYear(3)));
        assert_eq!(parse_month("SEPT"), Ok(Month::InReportYear(9)));
        assert_eq!(
            parse_month("2016-3"),
            Ok(Month::Of {
                year: 2016,
                month: 3
            })
        );
        assert_eq!(
            parse_month("2016-03"),
            Ok(Month::Of {
                year: 2016,
                month: 3
            })
        );
        for bad in [
            "0", "13", "smarch", "2016-13", "ma", "", "2016-003", "-1", "003",
        ] {
            assert_eq!(parse_month(bad), Err(MONTH_EXPECTED.to_string()), "{bad}");
        }
    }

    #[test]
    fn bounds_take_months_to_their_first_or_last_day() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(parse_since("2016-03"), Ok(d("2016-03-01")));
        assert_eq!(parse_until("2016-02"), Ok(d("2016-02-29")));
        assert_eq!(parse_until("2016-03-05"), Ok(d("2016-03-05")));
        assert_eq!(
            parse_since("2016-02-30"),
            Err("'2016-02-30' is not a real calendar date; expected a date YYYY-MM-DD or a month YYYY-MM".to_string())
        );
        assert!(parse_until("2016-13").is_err());
    }

    #[test]
    fn years_and_limits_reject_nonsense() {
        assert_eq!(parse_year("2016"), Ok(2016));
        assert!(parse_year("16").is_err());
        assert!(parse_year("-2016").is_err());
        assert_eq!(parse_limit("3"), Ok(3));
        assert!(parse_limit("0").is_err());
        assert!(parse_limit("-1").is_err());
    }

    proptest::proptest! {
        #[test]
        fn value_parsers_never_panic(text in "\\PC{0,20}|[0-9-]{0,12}|[a-zA-Z]{0,10}") {
            let _ = parse_month(&text);
            let _ = parse_since(&text);
            let _ = parse_until(&text);
            let _ = parse_year(&text);
            let _ = parse_limit(&text);
            let _ = <Format as ValueEnum>::from_str(&text, true);
            let _ = Format::from_extension(&text);
            let _ = <EventKind as ValueEnum>::from_str(&text, false);
        }

        #[test]
        fn accepted_months_are_real(text in "[0-9]{4}-[0-9]{2}|[0-9]{1,2}") {
            match parse_month(&text) {
                Ok(Month::InReportYear(m)) => proptest::prop_assert!((1..=12).contains(&m)),
                Ok(Month::Of { year, month }) => proptest::prop_assert!(month_bounds(year, month).is_some()),
                Err(e) => proptest::prop_assert_eq!(e, MONTH_EXPECTED),
            }
        }
    }
}
