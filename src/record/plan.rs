//! The report's intentions as rows: objectives and planned activities, accomplishments,
//! proposals and Chairs (see `model::plan`).

use std::cmp::Ordering;

use chrono::Datelike;

use super::{fields, Cell, Record};
use crate::model::{Accomplishment, Chair, DateSpan, Objective, Proposal};

impl Record for Objective {
    const NOUN: &'static str = "objective";
    const PLURAL: &'static str = "objectives";
    const BRIEF: &'static [&'static str] = &["id", "kind", "title", "records"];
    const NOT_SEARCHED: &'static [&'static str] = &["kind"];
    const WRAP: &'static [&'static str] = &["title", "records", "quote", "also", "note"];
    const PRIORITY: &'static [&'static str] = &[
        "id", "title", "kind", "records", "under", "section", "quote", "note", "also",
    ];
    fields!(Objective, |o| {
        "id" => Cell::Text(&o.id),
        "kind" => Cell::Text(o.kind()),
        "under" => Cell::opt_text(&o.under),
        "title" => Cell::Text(&o.title),
        "records" => Cell::List(&o.records),
        "section" => Cell::Text(&o.section),
        "quote" => Cell::Text(&o.quote),
        "also" => Cell::Sources(&o.also),
        "note" => Cell::opt_text(&o.note),
    });

    fn key(&self) -> &str {
        &self.id
    }

    /// Report order: each objective, then the activities the report lists under it.
    fn default_order(&self, _: &Self) -> Ordering {
        Ordering::Equal
    }
}

impl Record for Accomplishment {
    const NOUN: &'static str = "accomplishment";
    const PLURAL: &'static str = "accomplishments";
    const BRIEF: &'static [&'static str] = &["id", "title", "records"];
    const WRAP: &'static [&'static str] = &["title", "records", "quote", "also", "note"];
    const PRIORITY: &'static [&'static str] =
        &["id", "title", "records", "section", "quote", "note", "also"];
    fields!(Accomplishment, |a| {
        "id" => Cell::Text(&a.id),
        "title" => Cell::Text(&a.title),
        "records" => Cell::List(&a.records),
        "section" => Cell::Text(&a.section),
        "quote" => Cell::Text(&a.quote),
        "also" => Cell::Sources(&a.also),
        "note" => Cell::opt_text(&a.note),
    });

    fn key(&self) -> &str {
        &self.id
    }

    fn default_order(&self, _: &Self) -> Ordering {
        Ordering::Equal
    }
}

impl Record for Proposal {
    const NOUN: &'static str = "proposal";
    const PLURAL: &'static str = "proposals";
    const BRIEF: &'static [&'static str] = &["number", "title", "paragraphs", "records"];
    const WRAP: &'static [&'static str] = &["title", "text", "records", "quote", "also", "note"];
    const PRIORITY: &'static [&'static str] = &[
        "number",
        "title",
        "paragraphs",
        "records",
        "id",
        "text",
        "section",
        "quote",
        "note",
        "also",
    ];
    fields!(Proposal, |p| {
        "id" => Cell::Text(&p.id),
        "number" => Cell::Text(&p.number),
        "title" => Cell::Text(&p.title),
        "paragraphs" => Cell::List(&p.paragraphs),
        "text" => Cell::Text(&p.text),
        "records" => Cell::List(&p.records),
        "section" => Cell::Text(&p.section),
        "quote" => Cell::Text(&p.quote),
        "also" => Cell::Sources(&p.also),
        "note" => Cell::opt_text(&p.note),
    });

    fn key(&self) -> &str {
        &self.id
    }

    fn default_order(&self, _: &Self) -> Ordering {
        Ordering::Equal
    }
}

impl Record for Chair {
    const NOUN: &'static str = "chair";
    const PLURAL: &'static str = "chairs";
    const BRIEF: &'static [&'static str] = &["year", "body", "role", "entities", "id"];
    const NOT_SEARCHED: &'static [&'static str] = &["role"];
    const DATED: bool = true;
    const WRAP: &'static [&'static str] = &["entities", "records", "quote", "also", "note"];
    const PRIORITY: &'static [&'static str] = &[
        "year", "entities", "role", "body", "id", "records", "section", "quote", "note", "also",
    ];
    fields!(Chair, |c| {
        "id" => Cell::Text(&c.id),
        "body" => Cell::Text(&c.body),
        "role" => Cell::Text(&c.role),
        "entities" => Cell::List(&c.entities),
        "year" => c.span.map_or(Cell::Null, |s| Cell::Int(s.start.year().into())),
        "records" => Cell::List(&c.records),
        "section" => Cell::Text(&c.section),
        "quote" => Cell::Text(&c.quote),
        "also" => Cell::Sources(&c.also),
        "note" => Cell::opt_text(&c.note),
    });

    fn span(&self) -> Option<&DateSpan> {
        self.span.as_ref()
    }

    fn key(&self) -> &str {
        &self.id
    }

    /// By year (those without one last), then in report order.
    fn default_order(&self, other: &Self) -> Ordering {
        match (self.span, other.span) {
            (Some(a), Some(b)) => a.start.cmp(&b.start),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }
}
