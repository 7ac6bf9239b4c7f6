//! The collections as records: each one's fields, the fields a table shows and wraps, and
//! the order of importance in which a narrow table hides them.

use std::cmp::Ordering;

use super::{fields, Cell, Record};
use crate::model::{DateSpan, Deliverable, Event, Group, Handover, Member, Statement};

impl Record for Event {
    const NOUN: &'static str = "event";
    const DATED: bool = true;
    const NOT_SEARCHED: &'static [&'static str] = &["precision"];
    const PLURAL: &'static str = "events";
    const BRIEF: &'static [&'static str] =
        &["id", "start", "end", "kind", "title", "location", "section"];
    const WRAP: &'static [&'static str] =
        &["title", "location", "organizers", "quote", "also", "note"];
    const PRIORITY: &'static [&'static str] = &[
        "id",
        "title",
        "start",
        "kind",
        "location",
        "end",
        "section",
        "organizers",
        "group",
        "precision",
        "quote",
        "note",
        "also",
    ];
    fields!(Event, |e| {
        "id" => Cell::Text(&e.id),
        "start" => Cell::opt_date(e.span.map(|s| s.start)),
        "end" => Cell::opt_date(e.span.map(|s| s.end)),
        "precision" => e.span.map_or(Cell::Null, |s| Cell::Text(s.precision.as_str())),
        "title" => Cell::Text(&e.title),
        "kind" => Cell::Text(e.kind.as_str()),
        "location" => Cell::opt_text(&e.location),
        "organizers" => Cell::List(&e.organizers),
        "group" => Cell::opt_text(&e.group),
        "section" => Cell::Text(&e.section),
        "quote" => Cell::Text(&e.quote),
        "also" => Cell::Sources(&e.also),
        "note" => Cell::opt_text(&e.note),
    });

    fn span(&self) -> Option<&DateSpan> {
        self.span.as_ref()
    }

    fn key(&self) -> &str {
        &self.id
    }
}

impl Record for Statement {
    const NOUN: &'static str = "statement";
    const DATED: bool = true;
    const PLURAL: &'static str = "statements";
    const BRIEF: &'static [&'static str] = &["id", "start", "end", "title", "location", "section"];
    const WRAP: &'static [&'static str] = &["title", "location", "quote", "also", "note"];
    const PRIORITY: &'static [&'static str] = &[
        "id", "title", "start", "end", "location", "section", "event", "quote", "note", "also",
    ];
    fields!(Statement, |s| {
        "id" => Cell::Text(&s.id),
        "start" => Cell::Date(s.span.start),
        "end" => Cell::Date(s.span.end),
        "title" => Cell::Text(&s.title),
        "event" => Cell::Text(&s.event),
        "location" => Cell::opt_text(&s.location),
        "section" => Cell::Text(&s.section),
        "quote" => Cell::Text(&s.quote),
        "also" => Cell::Sources(&s.also),
        "note" => Cell::opt_text(&s.note),
    });

    fn span(&self) -> Option<&DateSpan> {
        Some(&self.span)
    }

    fn key(&self) -> &str {
        &self.id
    }
}

impl Record for Member {
    const NOUN: &'static str = "member";
    const PLURAL: &'static str = "members";
    const BRIEF: &'static [&'static str] = &["acronym", "name", "added", "section"];
    const WRAP: &'static [&'static str] = &["name", "quote", "also", "note"];
    const PRIORITY: &'static [&'static str] = &[
        "acronym", "name", "added", "section", "quote", "note", "aliases", "also",
    ];
    fields!(Member, |m| {
        "acronym" => Cell::Text(&m.acronym),
        "name" => Cell::Text(&m.name),
        "aliases" => Cell::List(&m.aliases),
        "added" => m.added.map_or(Cell::Null, |y| Cell::Int(y.into())),
        "section" => Cell::Text(&m.section),
        "quote" => Cell::Text(&m.quote),
        "also" => Cell::Sources(&m.also),
        "note" => Cell::opt_text(&m.note),
    });

    fn key(&self) -> &str {
        &self.acronym
    }

    fn default_order(&self, other: &Self) -> Ordering {
        Cell::Text(&self.acronym).compare(&Cell::Text(&other.acronym))
    }
}

impl Record for Handover {
    const NOUN: &'static str = "handover item";
    const PLURAL: &'static str = "handover items";
    const BRIEF: &'static [&'static str] = &["id", "chairs", "text"];
    const WRAP: &'static [&'static str] =
        &["chairs", "text", "groups", "deliverables", "quote", "note"];
    const PRIORITY: &'static [&'static str] = &[
        "id",
        "text",
        "chairs",
        "section",
        "deliverables",
        "groups",
        "quote",
        "note",
    ];
    fields!(Handover, |h| {
        "id" => Cell::Text(&h.id),
        "chairs" => Cell::List(&h.chairs),
        "text" => Cell::Text(&h.text),
        "groups" => Cell::List(&h.groups),
        "deliverables" => Cell::List(&h.deliverables),
        "section" => Cell::Text(&h.section),
        "quote" => Cell::Text(&h.quote),
        "note" => Cell::opt_text(&h.note),
    });

    fn key(&self) -> &str {
        &self.id
    }

    fn default_order(&self, _: &Self) -> Ordering {
        Ordering::Equal
    }
}

impl Record for Group {
    const NOUN: &'static str = "group";
    const PLURAL: &'static str = "groups";
    const BRIEF: &'static [&'static str] = &["id", "kind", "name", "chairs"];
    const WRAP: &'static [&'static str] = &[
        "name",
        "area",
        "chairs",
        "participants",
        "quote",
        "also",
        "note",
    ];
    const PRIORITY: &'static [&'static str] = &[
        "id",
        "name",
        "chairs",
        "kind",
        "area",
        "participants",
        "section",
        "quote",
        "note",
        "also",
    ];
    fields!(Group, |g| {
        "id" => Cell::Text(&g.id),
        "name" => Cell::Text(&g.name),
        "kind" => Cell::Text(g.kind.as_str()),
        "area" => Cell::Text(&g.area),
        "chairs" => Cell::List(&g.chairs),
        "participants" => Cell::List(&g.participants),
        "section" => Cell::Text(&g.section),
        "quote" => Cell::Text(&g.quote),
        "also" => Cell::Sources(&g.also),
        "note" => Cell::opt_text(&g.note),
    });

    fn key(&self) -> &str {
        &self.id
    }

    fn default_order(&self, _: &Self) -> Ordering {
        Ordering::Equal
    }
}

impl Record for Deliverable {
    const NOUN: &'static str = "deliverable";
    const PLURAL: &'static str = "deliverables";
    const DATED: bool = true;
    const NOT_SEARCHED: &'static [&'static str] = &["precision"];
    const BRIEF: &'static [&'static str] = &["id", "title", "lead", "status", "due"];
    const WRAP: &'static [&'static str] = &["title", "lead", "url", "quote", "also", "note"];
    const PRIORITY: &'static [&'static str] = &[
        "id",
        "title",
        "status",
        "due",
        "lead",
        "kind",
        "group",
        "section",
        "precision",
        "url",
        "quote",
        "note",
        "also",
    ];
    fields!(Deliverable, |d| {
        "id" => Cell::Text(&d.id),
        "title" => Cell::Text(&d.title),
        "kind" => Cell::Text(d.kind.as_str()),
        "group" => Cell::opt_text(&d.group),
        "lead" => Cell::List(&d.lead),
        "status" => d.status.map_or(Cell::Null, |s| Cell::Text(s.as_str())),
        // A deadline is the end of the period the report gives ("by the end of 2016").
        "due" => Cell::opt_date(d.due.map(|s| s.end)),
        "precision" => d.due.map_or(Cell::Null, |s| Cell::Text(s.precision.as_str())),
        "url" => Cell::opt_text(&d.url),
        "section" => Cell::Text(&d.section),
        "quote" => Cell::Text(&d.quote),
        "also" => Cell::Sources(&d.also),
        "note" => Cell::opt_text(&d.note),
    });

    fn span(&self) -> Option<&DateSpan> {
        self.due.as_ref()
    }

    fn key(&self) -> &str {
        &self.id
    }

    /// By due date, then id; those without one after, in report order.
    fn default_order(&self, other: &Self) -> Ordering {
        match (self.due, other.due) {
            (Some(a), Some(b)) => a.start.cmp(&b.start).then_with(|| self.id.cmp(&other.id)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    }

    fn shown(&self, field: usize) -> Option<String> {
        let due = self.due?;
        (Self::FIELDS[field] == "due").then(|| due.shown(due.end))
    }
}
