//! The checks: each record on its own as it is read (real dates, a known kind, no control
//! characters, a quote long enough to find), then across records (unique ids, statements
//! that point at an event that exists and overlaps them). Every problem is collected, none
//! stops the others. Shared with the build script, which checks the embedded dataset.

mod record;

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;

#[allow(unused_imports)] // the build script reads dates only through the checks
pub use record::parse_iso_date;
use record::{check_event, check_handover, check_member, check_statement, Checker};

use super::raw::{RawEvent, RawHandover, RawMember, RawReport, RawStatement};
use crate::model::{Dataset, DateSpan, Event, Handover, Member, Report, Statement};
use crate::text::Echo;

/// Quotes shorter than this cannot identify a passage.
pub const MIN_QUOTE_CHARS: usize = 20;

/// The years a report may have: from the founding of the UN to well past this report.
const REPORT_YEARS: std::ops::RangeInclusive<i32> = 1945..=2100;

/// Everything wrong with a dataset, each problem naming the file and the record.
#[derive(Debug)]
pub struct Problems {
    pub origin: String,
    pub list: Vec<String>,
}

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.list.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        write!(f, "{count} {noun} in {}", self.origin)?;
        for problem in &self.list {
            // A syntax problem starts "line:col: ", which joins the file name as "file:line:col:".
            let sep = if problem.starts_with(|c: char| c.is_ascii_digit()) {
                ":"
            } else {
                ": "
            };
            write!(f, "\n  {}{sep}{problem}", self.origin)?;
        }
        Ok(())
    }
}

impl std::error::Error for Problems {}

/// A record that failed its own checks: its id (for the checks across records) and why.
#[derive(Debug)]
pub struct Rejected {
    pub id: String,
    problems: Vec<String>,
}

/// A record as read: checked into the model, or rejected. Records are checked as they are
/// read, so a large file never holds its raw records and its model at once.
pub type Checked<T> = Result<T, Box<Rejected>>;

/// Every record of a dataset, each already checked on its own (see [`Checkable`]).
pub struct Parsed {
    pub report: RawReport<'static>,
    pub events: Vec<Checked<Event>>,
    pub statements: Vec<Checked<Statement>>,
    pub members: Vec<Checked<Member>>,
    pub handover: Vec<Checked<Handover>>,
}

/// A model record, and the raw form it is checked from as soon as it is read.
pub trait Checkable: Sized {
    type Raw;
    /// What one record is called in messages.
    const NOUN: &'static str;
    /// The record, or what is wrong with it.
    fn check(raw: Self::Raw) -> Checked<Self>;
    /// The record's id (a member's acronym).
    fn id(&self) -> &str;
}

impl Checkable for Event {
    type Raw = RawEvent<'static>;
    const NOUN: &'static str = "event";
    fn check(raw: RawEvent<'static>) -> Checked<Event> {
        check_event(raw)
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl Checkable for Statement {
    type Raw = RawStatement<'static>;
    const NOUN: &'static str = "statement";
    fn check(raw: RawStatement<'static>) -> Checked<Statement> {
        check_statement(raw)
    }
    fn id(&self) -> &str {
        &self.id
    }
}

impl Checkable for Member {
    type Raw = RawMember<'static>;
    const NOUN: &'static str = "member";
    fn check(raw: RawMember<'static>) -> Checked<Member> {
        check_member(raw)
    }
    fn id(&self) -> &str {
        &self.acronym
    }
}

impl Checkable for Handover {
    type Raw = RawHandover<'static>;
    const NOUN: &'static str = "handover item";
    fn check(raw: RawHandover<'static>) -> Checked<Handover> {
        check_handover(raw)
    }
    fn id(&self) -> &str {
        &self.id
    }
}

/// Splits checked records into the good ones and the ids of the rejected, moving the
/// rejections' problems into `problems`.
fn sort_out<T>(records: Vec<Checked<T>>, problems: &mut Vec<String>) -> (Vec<T>, Vec<String>) {
    let mut good = Vec::with_capacity(records.len());
    let mut rejected = Vec::new();
    for record in records {
        match record {
            Ok(record) => good.push(record),
            Err(r) => {
                problems.extend(r.problems);
                rejected.push(r.id);
            }
        }
    }
    (good, rejected)
}

/// The ids of a collection's records: those that passed their own checks and those that did
/// not.
fn with_rejected<'a>(good: Vec<&'a str>, bad: &'a [String]) -> Vec<&'a str> {
    let mut all = good;
    all.extend(bad.iter().map(String::as_str));
    all
}

/// Reports ids used more than once (ignoring case), within a collection or across them,
/// so that `gmg show ID` always names one record.
fn unique<'a>(problems: &mut Vec<String>, ids: &[(&'static str, Vec<&'a str>)]) {
    let total = ids.iter().map(|(_, list)| list.len()).sum();
    let mut seen: HashMap<Cow<'a, str>, &'static str> = HashMap::with_capacity(total);
    for (what, list) in ids {
        for &id in list {
            let key = if id.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                Cow::Owned(id.to_lowercase())
            } else {
                Cow::Borrowed(id)
            };
            match seen.get(&key) {
                Some(first) if first == what => problems.push(format!(
                    "{what} '{}': id is used more than once",
                    Echo(id)
                )),
                Some(first) => problems.push(format!(
                    "{what} '{}': id is also the id of {} {first}; ids are unique across the dataset",
                    Echo(id),
                    if first.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" },
                )),
                None => {
                    seen.insert(key, what);
                }
            }
        }
    }
}

/// The checks across records: the report's dates, unique ids, and statements that point
/// at an event that exists and overlaps them.
pub fn check(parsed: Parsed) -> Result<Dataset, Vec<String>> {
    let mut problems = Vec::new();
    let r = parsed.report;
    let mut c = Checker::new("report", &r.title);
    for (field, value) in [
        ("title", &r.title),
        ("chair", &r.chair),
        ("start", &r.start),
        ("end", &r.end),
        ("source", &r.source),
    ] {
        c.text(field, value);
    }
    let (start, end) = (c.date("start", &r.start), c.date("end", &r.end));
    if !REPORT_YEARS.contains(&r.year) {
        c.report(format!(
            "year {} is not a plausible year for a report (expected {} to {})",
            r.year,
            REPORT_YEARS.start(),
            REPORT_YEARS.end()
        ));
    }
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            c.report(format!("end {end} is before start {start}"));
        }
    }
    problems.append(&mut c.problems);

    let (events, bad_events) = sort_out(parsed.events, &mut problems);
    let (statements, bad_statements) = sort_out(parsed.statements, &mut problems);
    let (members, bad_members) = sort_out(parsed.members, &mut problems);
    let (handover, bad_handover) = sort_out(parsed.handover, &mut problems);

    unique(
        &mut problems,
        &[
            (
                "event",
                with_rejected(events.iter().map(|e| &*e.id).collect(), &bad_events),
            ),
            (
                "statement",
                with_rejected(statements.iter().map(|s| &*s.id).collect(), &bad_statements),
            ),
            (
                "member",
                with_rejected(members.iter().map(|m| &*m.acronym).collect(), &bad_members),
            ),
            (
                "handover item",
                with_rejected(handover.iter().map(|h| &*h.id).collect(), &bad_handover),
            ),
        ],
    );

    // An event that failed its own checks was reported there, not again through its
    // statements.
    let mut spans: HashMap<&str, Option<Option<DateSpan>>> =
        events.iter().map(|e| (&*e.id, Some(e.span))).collect();
    spans.extend(bad_events.iter().map(|id| (id.as_str(), None)));
    for s in &statements {
        let report = |problems: &mut Vec<String>, message: String| {
            problems.push(format!("statement '{}': {message}", Echo(&s.id)))
        };
        match spans.get(&*s.event) {
            None => report(
                &mut problems,
                format!("event '{}' does not exist", Echo(&s.event)),
            ),
            Some(Some(Some(event))) if !event.overlaps(s.span.start, s.span.end) => report(
                &mut problems,
                format!(
                    "{} to {} does not overlap its event '{}' ({} to {})",
                    s.span.start, s.span.end, s.event, event.start, event.end
                ),
            ),
            Some(Some(None)) => report(
                &mut problems,
                format!("its event '{}' has no date", s.event),
            ),
            _ => {}
        }
    }

    match (start, end) {
        (Some(start), Some(end)) if problems.is_empty() => Ok(Dataset {
            report: Report {
                title: r.title.into(),
                chair: r.chair.into(),
                year: r.year,
                start,
                end,
                source: r.source.into(),
            },
            events: events.into(),
            statements: statements.into(),
            members: members.into(),
            handover: handover.into(),
        }),
        _ => Err(problems),
    }
}
