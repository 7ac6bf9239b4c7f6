//! The checks: each record on its own as it is read (real dates, a known kind, no control
//! characters, a quote long enough to find), then across records (unique ids, links that
//! point at records that exist). Every problem is collected, none
//! stops the others. Shared with the build script, which checks the embedded dataset.

mod across;
mod checker;
mod plan;
mod record;

use std::borrow::Cow;
use std::fmt;

#[allow(unused_imports)] // the build script reads dates only through the checks
pub use checker::parse_iso_date;
use checker::Checker;
use plan::{check_accomplishment, check_chair, check_objective, check_proposal};
use record::{
    check_deliverable, check_entity, check_event, check_group, check_handover, check_member,
    check_statement,
};

use super::raw::{
    RawAccomplishment, RawChair, RawDeliverable, RawEntity, RawEvent, RawGroup, RawHandover,
    RawMember, RawObjective, RawProposal, RawReport, RawStatement,
};
use crate::model::{
    Accomplishment, Chair, Dataset, Deliverable, Entity, Event, Group, Handover, Member, Objective,
    Proposal, Report, Statement,
};

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

/// How many problems a message lists; the rest are counted. A file of a million bad records
/// gets a screenful that says what is wrong, not a million lines.
const LISTED: usize = 100;

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.list.len();
        let noun = if count == 1 { "problem" } else { "problems" };
        write!(f, "{count} {noun} in {}", self.origin)?;
        for problem in self.list.iter().take(LISTED) {
            // A syntax problem starts "line:col: ", which joins the file name as "file:line:col:".
            let sep = if problem.starts_with(|c: char| c.is_ascii_digit()) {
                ":"
            } else {
                ": "
            };
            write!(f, "\n  {}{sep}{problem}", self.origin)?;
        }
        match count.saturating_sub(LISTED) {
            0 => {}
            1 => write!(f, "\n  … and 1 more problem")?,
            more => write!(f, "\n  … and {more} more problems")?,
        }
        Ok(())
    }
}

/// A problem found by the checks: what is wrong, and with which record (its noun, "report"
/// for the report, and its place in its list, counted from 0 in the file's order), so that
/// the loader can say where in the file the record starts.
#[derive(Debug, PartialEq)]
pub struct Problem {
    pub noun: &'static str,
    pub index: usize,
    pub message: String,
}

impl Problem {
    fn new(noun: &'static str, index: usize, message: String) -> Problem {
        Problem {
            noun,
            index,
            message,
        }
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
    pub entities: Vec<Checked<Entity>>,
    pub handover: Vec<Checked<Handover>>,
    pub groups: Vec<Checked<Group>>,
    pub deliverables: Vec<Checked<Deliverable>>,
    pub objectives: Vec<Checked<Objective>>,
    pub accomplishments: Vec<Checked<Accomplishment>>,
    pub proposals: Vec<Checked<Proposal>>,
    pub chairs: Vec<Checked<Chair>>,
}

/// How many records each list of `$data` (a [`Parsed`] or a `Dataset`) has, by the noun of
/// its records (see [`Problem`]).
macro_rules! counts {
    ($data:expr) => {
        [
            ("report", 1),
            (Event::NOUN, $data.events.len()),
            (Statement::NOUN, $data.statements.len()),
            (Member::NOUN, $data.members.len()),
            (Entity::NOUN, $data.entities.len()),
            (Handover::NOUN, $data.handover.len()),
            (Group::NOUN, $data.groups.len()),
            (Deliverable::NOUN, $data.deliverables.len()),
            (Objective::NOUN, $data.objectives.len()),
            (Accomplishment::NOUN, $data.accomplishments.len()),
            (Proposal::NOUN, $data.proposals.len()),
            (Chair::NOUN, $data.chairs.len()),
        ]
    };
}

impl Parsed {
    /// How many records each list has, by the noun of its records (see [`Problem`]).
    pub fn counts(&self) -> [(&'static str, usize); 12] {
        counts!(self)
    }
}

/// How many records each list of a checked dataset has, by the noun of its records: every
/// record of a dataset that loaded is in it, in the order of its file.
pub fn counts_of(data: &Dataset) -> [(&'static str, usize); 12] {
    counts!(data)
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

/// Implements [`Checkable`] for a record: its raw form, its noun, its check, its key field.
macro_rules! checkable {
    ($($ty:ident: $raw:ident, $noun:literal, $check:ident, $key:ident;)*) => {$(
        impl Checkable for $ty {
            type Raw = $raw<'static>;
            const NOUN: &'static str = $noun;
            fn check(raw: $raw<'static>) -> Checked<$ty> {
                $check(raw)
            }
            fn id(&self) -> &str {
                &self.$key
            }
        }
    )*};
}

checkable! {
    Event: RawEvent, "event", check_event, id;
    Statement: RawStatement, "statement", check_statement, id;
    Member: RawMember, "member", check_member, acronym;
    Entity: RawEntity, "entity", check_entity, acronym;
    Handover: RawHandover, "handover item", check_handover, id;
    Group: RawGroup, "group", check_group, id;
    Deliverable: RawDeliverable, "deliverable", check_deliverable, id;
    Objective: RawObjective, "objective", check_objective, id;
    Accomplishment: RawAccomplishment, "accomplishment", check_accomplishment, id;
    Proposal: RawProposal, "proposal", check_proposal, id;
    Chair: RawChair, "chair", check_chair, id;
}

/// The records of one collection after their own checks: those that passed, the ids of
/// those that did not (whose problems are reported already), and where each was in the
/// file's list.
struct Sorted<T> {
    good: Vec<T>,
    good_at: Vec<usize>,
    bad: Vec<String>,
    bad_at: Vec<usize>,
}

impl<T: Checkable> Sorted<T> {
    /// Splits checked records into the good ones and the ids of the rejected, moving the
    /// rejections' problems into `problems`.
    fn new(records: Vec<Checked<T>>, problems: &mut Vec<Problem>) -> Sorted<T> {
        let mut sorted = Sorted {
            good: Vec::with_capacity(records.len()),
            good_at: Vec::with_capacity(records.len()),
            bad: Vec::new(),
            bad_at: Vec::new(),
        };
        for (i, record) in records.into_iter().enumerate() {
            match record {
                Ok(record) => {
                    sorted.good.push(record);
                    sorted.good_at.push(i);
                }
                Err(r) => {
                    problems.extend(r.problems.into_iter().map(|p| Problem::new(T::NOUN, i, p)));
                    sorted.bad.push(r.id);
                    sorted.bad_at.push(i);
                }
            }
        }
        sorted
    }

    /// The ids of every record, those that passed their checks and those that did not, in
    /// the file's order (so a repeated id is reported where it is repeated), each with its
    /// place in the file's list.
    fn keys(&self) -> across::Keys<'_> {
        let ids = self.good.iter().map(Checkable::id);
        if self.bad.is_empty() {
            return across::Keys {
                noun: T::NOUN,
                ids: ids.collect(),
                at: Cow::Borrowed(&self.good_at),
            };
        }
        let bad = self.bad.iter().map(String::as_str);
        let mut keyed: Vec<(usize, &str)> = self.good_at.iter().copied().zip(ids).collect();
        keyed.extend(self.bad_at.iter().copied().zip(bad));
        keyed.sort_unstable_by_key(|&(at, _)| at);
        let (at, ids): (Vec<usize>, Vec<&str>) = keyed.into_iter().unzip();
        across::Keys {
            noun: T::NOUN,
            ids,
            at: Cow::Owned(at),
        }
    }
}

/// The checks across records: the report's dates, unique ids, and links that point at
/// records that exist (see `across`).
pub fn check(parsed: Parsed) -> Result<Dataset, Vec<Problem>> {
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
    problems.extend(c.done().into_iter().map(|p| Problem::new("report", 0, p)));

    let events = Sorted::new(parsed.events, &mut problems);
    let statements = Sorted::new(parsed.statements, &mut problems);
    let members = Sorted::new(parsed.members, &mut problems);
    let entities = Sorted::new(parsed.entities, &mut problems);
    let handover = Sorted::new(parsed.handover, &mut problems);
    let groups = Sorted::new(parsed.groups, &mut problems);
    let deliverables = Sorted::new(parsed.deliverables, &mut problems);
    let objectives = Sorted::new(parsed.objectives, &mut problems);
    let accomplishments = Sorted::new(parsed.accomplishments, &mut problems);
    let proposals = Sorted::new(parsed.proposals, &mut problems);
    let chairs = Sorted::new(parsed.chairs, &mut problems);

    let keys = [
        events.keys(),
        statements.keys(),
        members.keys(),
        handover.keys(),
        groups.keys(),
        deliverables.keys(),
        objectives.keys(),
        accomplishments.keys(),
        proposals.keys(),
        chairs.keys(),
    ];
    across::unique(&mut problems, &keys);
    across::plan_links(
        &mut problems,
        &keys,
        (&objectives.good, &objectives.good_at),
        (&accomplishments.good, &accomplishments.good_at),
        (&proposals.good, &proposals.good_at),
        (&chairs.good, &chairs.good_at),
    );
    let [_, _, member_keys, _, group_keys, deliverable_keys, ..] = keys;
    let known = across::Known {
        groups: group_keys.ids,
        deliverables: deliverable_keys.ids,
        members: member_keys.ids,
    };
    across::statements_at_events(
        &mut problems,
        &events.good,
        &events.bad,
        (&statements.good, &statements.good_at),
    );
    across::links(
        &mut problems,
        &known,
        (&events.good, &events.good_at),
        (&handover.good, &handover.good_at),
        (&groups.good, &groups.good_at),
        (&deliverables.good, &deliverables.good_at),
    );

    let dataset = match (start, end) {
        (Some(start), Some(end)) if problems.is_empty() => Dataset {
            report: Report {
                title: r.title.into(),
                chair: r.chair.into(),
                year: r.year,
                start,
                end,
                source: r.source.into(),
            },
            events: events.good.into(),
            statements: statements.good.into(),
            members: members.good.into(),
            entities: entities.good.into(),
            handover: handover.good.into(),
            groups: groups.good.into(),
            deliverables: deliverables.good.into(),
            objectives: objectives.good.into(),
            accomplishments: accomplishments.good.into(),
            proposals: proposals.good.into(),
            chairs: chairs.good.into(),
        },
        _ => return Err(problems),
    };
    // With no problem so far, every record passed its own checks: a record's place in the
    // dataset is its place in the file.
    across::entities(&mut problems, &dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(problems)
    }
}
