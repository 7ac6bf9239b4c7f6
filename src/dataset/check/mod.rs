//! The checks: each record on its own as it is read (real dates, a known kind, no control
//! characters, a quote long enough to find), then across records (unique ids, links that
//! point at records that exist). Every problem is collected, none
//! stops the others. Shared with the build script, which checks the embedded dataset.

mod across;
mod checker;
mod plan;
mod record;

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
    pub entities: Vec<Checked<Entity>>,
    pub handover: Vec<Checked<Handover>>,
    pub groups: Vec<Checked<Group>>,
    pub deliverables: Vec<Checked<Deliverable>>,
    pub objectives: Vec<Checked<Objective>>,
    pub accomplishments: Vec<Checked<Accomplishment>>,
    pub proposals: Vec<Checked<Proposal>>,
    pub chairs: Vec<Checked<Chair>>,
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

/// The ids of a collection's records: those that passed their own checks and those that did
/// not (whose problems were reported already).
fn keys<'a, T: Checkable>(good: &'a [T], bad: &'a [String]) -> Vec<&'a str> {
    let mut all: Vec<&str> = good.iter().map(Checkable::id).collect();
    all.extend(bad.iter().map(String::as_str));
    all
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

/// The checks across records: the report's dates, unique ids, and links that point at
/// records that exist (see `across`).
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
    let (entities, _) = sort_out(parsed.entities, &mut problems);
    let (handover, bad_handover) = sort_out(parsed.handover, &mut problems);
    let (groups, bad_groups) = sort_out(parsed.groups, &mut problems);
    let (deliverables, bad_deliverables) = sort_out(parsed.deliverables, &mut problems);
    let (objectives, bad_objectives) = sort_out(parsed.objectives, &mut problems);
    let (accomplishments, bad_accomplishments) = sort_out(parsed.accomplishments, &mut problems);
    let (proposals, bad_proposals) = sort_out(parsed.proposals, &mut problems);
    let (chairs, bad_chairs) = sort_out(parsed.chairs, &mut problems);

    let known = across::Known {
        groups: keys(&groups, &bad_groups),
        deliverables: keys(&deliverables, &bad_deliverables),
        members: keys(&members, &bad_members),
    };
    let ids = [
        ("event", keys(&events, &bad_events)),
        ("statement", keys(&statements, &bad_statements)),
        ("member", known.members.clone()),
        ("handover item", keys(&handover, &bad_handover)),
        ("group", known.groups.clone()),
        ("deliverable", known.deliverables.clone()),
        ("objective", keys(&objectives, &bad_objectives)),
        (
            "accomplishment",
            keys(&accomplishments, &bad_accomplishments),
        ),
        ("proposal", keys(&proposals, &bad_proposals)),
        ("chair", keys(&chairs, &bad_chairs)),
    ];
    let lists: Vec<(&'static str, &Vec<&str>)> = ids.iter().map(|(w, l)| (*w, l)).collect();
    across::unique(&mut problems, &lists);
    across::statements_at_events(&mut problems, &events, &bad_events, &statements);
    across::links(
        &mut problems,
        &known,
        &events,
        &handover,
        &groups,
        &deliverables,
    );
    across::plan_links(
        &mut problems,
        &ids,
        &objectives,
        &accomplishments,
        &proposals,
        &chairs,
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
            events: events.into(),
            statements: statements.into(),
            members: members.into(),
            entities: entities.into(),
            handover: handover.into(),
            groups: groups.into(),
            deliverables: deliverables.into(),
            objectives: objectives.into(),
            accomplishments: accomplishments.into(),
            proposals: proposals.into(),
            chairs: chairs.into(),
        },
        _ => return Err(problems),
    };
    across::entities(&mut problems, &dataset);
    if problems.is_empty() {
        Ok(dataset)
    } else {
        Err(problems)
    }
}
