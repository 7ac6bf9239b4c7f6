//! The embedded dataset in the form the build script prepared: `data/gmg2016.ron`, parsed
//! and checked at build time, and written as Rust statics that borrow every string from the
//! binary. Loading it allocates nothing (see README: Performance). The build script also
//! writes it as a SQLite database, which `gmg sql` opens in place and `gmg export` copies.

use std::borrow::Cow;

use chrono::NaiveDate;

use crate::model::{
    Accomplishment, Chair, Dataset, DateSpan, Deliverable, DeliverableKind, Entity, Event,
    EventKind, Group, GroupKind, Handover, Member, Objective, Precision, Proposal, Report, Source,
    Statement, Status,
};

include!(concat!(env!("OUT_DIR"), "/gmg2016.rs"));

/// The embedded dataset as a SQLite database (see `database`), built at build time.
pub static DATABASE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gmg2016.sqlite"));

/// A date the build script checked; a wrong one would fail the build here, not at run time.
const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("the build script wrote a date that does not exist"),
    }
}

/// The embedded dataset.
pub fn dataset() -> Dataset {
    Dataset {
        report: REPORT,
        events: Cow::Borrowed(EVENTS),
        statements: Cow::Borrowed(STATEMENTS),
        members: Cow::Borrowed(MEMBERS),
        entities: Cow::Borrowed(ENTITIES),
        handover: Cow::Borrowed(HANDOVER),
        groups: Cow::Borrowed(GROUPS),
        deliverables: Cow::Borrowed(DELIVERABLES),
        objectives: Cow::Borrowed(OBJECTIVES),
        accomplishments: Cow::Borrowed(ACCOMPLISHMENTS),
        proposals: Cow::Borrowed(PROPOSALS),
        chairs: Cow::Borrowed(CHAIRS_),
    }
}
