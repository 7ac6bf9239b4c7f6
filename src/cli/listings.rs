//! The arguments of the listings: each collection's filters, and the date and text filters
//! they share.

use chrono::NaiveDate;
use clap::{Args, ValueEnum};

use super::parse::{
    parse_month, parse_name, parse_query, parse_section, parse_since, parse_until, parse_year,
};
use super::OutputArgs;
use crate::exit::UsageError;
use crate::filter::{Month, PeriodSpec};
use crate::model::{DeliverableKind, EventKind, GroupKind, Status};

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
