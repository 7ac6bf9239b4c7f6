//! The checks of each kind of record on its own, made as it is read, and the move of its
//! fields into the model.

use super::super::raw::{
    RawDeliverable, RawEntity, RawEvent, RawGroup, RawHandover, RawMember, RawStatement, Str,
};
use super::checker::{outcome, texts, Checker};
use super::Checked;
use crate::model::{
    Deliverable, DeliverableKind, Entity, Event, EventKind, Group, GroupKind, Handover, Member,
    Precision, Statement, Status,
};

pub(super) fn check_event(e: RawEvent<'static>) -> Checked<Event> {
    let mut c = Checker::new("event", &e.id);
    c.text("id", &e.id);
    c.text("title", &e.title);
    c.texts("organizers", &e.organizers);
    c.optional(&[
        ("location", &e.location),
        ("group", &e.group),
        ("note", &e.note),
        ("start", &e.start),
        ("end", &e.end),
        ("precision", &e.precision),
    ]);
    c.text("kind", &e.kind);
    c.key("id", &e.id);
    c.required("title", &e.title);
    c.provenance("", &e.section, &e.quote);
    let also = c.sources(e.also);
    let kind = c.one_of("kind", &e.kind, EventKind::parse, EventKind::names);
    // `Some(None)`: undated by design; `None`: the dates are invalid.
    let span = match (&e.start, &e.end, &e.precision) {
        (None, None, None) => Some(None),
        (Some(start), Some(end), Some(precision)) => c
            .precision(precision)
            .and_then(|precision| c.span(start, end, precision))
            .map(Some),
        _ => {
            c.report("start, end and precision must be given together or not at all");
            None
        }
    };
    let problems = c.done();
    outcome(e.id, problems, span.zip(kind), |id, (span, kind)| Event {
        id,
        span,
        title: e.title.into(),
        kind,
        location: e.location.map(Into::into),
        organizers: texts(e.organizers),
        group: e.group.map(Into::into),
        section: e.section.into(),
        quote: e.quote.into(),
        also,
        note: e.note.map(Into::into),
    })
}

pub(super) fn check_statement(s: RawStatement<'static>) -> Checked<Statement> {
    let mut c = Checker::new("statement", &s.id);
    for (field, value) in [
        ("id", &s.id),
        ("start", &s.start),
        ("end", &s.end),
        ("title", &s.title),
        ("event", &s.event),
    ] {
        c.text(field, value);
    }
    c.optional(&[("location", &s.location), ("note", &s.note)]);
    c.key("id", &s.id);
    c.required("title", &s.title);
    c.provenance("", &s.section, &s.quote);
    let also = c.sources(s.also);
    let span = c.span(&s.start, &s.end, Precision::Day);
    let problems = c.done();
    outcome(s.id, problems, span, |id, span| Statement {
        id,
        span,
        title: s.title.into(),
        event: s.event.into(),
        location: s.location.map(Into::into),
        section: s.section.into(),
        quote: s.quote.into(),
        also,
        note: s.note.map(Into::into),
    })
}

/// The checks of a named entity's names (a member's or another entity's): text with no
/// control characters, an acronym and a name, aliases that are not empty, and provenance.
fn check_names(c: &mut Checker, [acronym, name]: [&str; 2], aliases: &[Str<'static>]) {
    c.text("acronym", acronym);
    c.text("name", name);
    c.texts("aliases", aliases);
    c.key("acronym", acronym);
    c.required("name", name);
    if aliases.iter().any(|a| a.trim().is_empty()) {
        c.report("an alias is empty".to_string());
    }
}

pub(super) fn check_member(m: RawMember<'static>) -> Checked<Member> {
    let mut c = Checker::new("member", &m.acronym);
    check_names(&mut c, [&m.acronym, &m.name], &m.aliases);
    c.text("note", m.note.as_deref().unwrap_or_default());
    c.provenance("", &m.section, &m.quote);
    if let Some(year) = m.added.filter(|y| !(1000..=9999).contains(y)) {
        c.report(format!("added {year} is not a four-digit year"));
    }
    let also = c.sources(m.also);
    let problems = c.done();
    outcome(m.acronym, problems, Some(()), |acronym, ()| Member {
        acronym,
        name: m.name.into(),
        aliases: texts(m.aliases),
        added: m.added,
        section: m.section.into(),
        quote: m.quote.into(),
        also,
        note: m.note.map(Into::into),
    })
}

pub(super) fn check_entity(e: RawEntity<'static>) -> Checked<Entity> {
    let mut c = Checker::new("entity", &e.acronym);
    check_names(&mut c, [&e.acronym, &e.name], &e.aliases);
    c.text("note", e.note.as_deref().unwrap_or_default());
    c.provenance("", &e.section, &e.quote);
    let problems = c.done();
    outcome(e.acronym, problems, Some(()), |acronym, ()| Entity {
        acronym,
        name: e.name.into(),
        aliases: texts(e.aliases),
        section: e.section.into(),
        quote: e.quote.into(),
        note: e.note.map(Into::into),
    })
}

pub(super) fn check_handover(h: RawHandover<'static>) -> Checked<Handover> {
    let mut c = Checker::new("handover item", &h.id);
    c.text("id", &h.id);
    c.texts("chairs", &h.chairs);
    c.text("text", &h.text);
    c.texts("groups", &h.groups);
    c.texts("deliverables", &h.deliverables);
    c.text("note", h.note.as_deref().unwrap_or_default());
    c.key("id", &h.id);
    c.required("text", &h.text);
    if h.chairs.is_empty() {
        c.report("chairs is empty");
    }
    c.provenance("", &h.section, &h.quote);
    let problems = c.done();
    outcome(h.id, problems, Some(()), |id, ()| Handover {
        id,
        chairs: texts(h.chairs),
        text: h.text.into(),
        groups: texts(h.groups),
        deliverables: texts(h.deliverables),
        section: h.section.into(),
        quote: h.quote.into(),
        note: h.note.map(Into::into),
    })
}

pub(super) fn check_group(g: RawGroup<'static>) -> Checked<Group> {
    let mut c = Checker::new("group", &g.id);
    for (field, value) in [
        ("id", &g.id),
        ("name", &g.name),
        ("kind", &g.kind),
        ("area", &g.area),
    ] {
        c.text(field, value);
    }
    c.texts("chairs", &g.chairs);
    c.texts("participants", &g.participants);
    c.optional(&[("note", &g.note)]);
    c.key("id", &g.id);
    c.required("name", &g.name);
    c.provenance("", &g.section, &g.quote);
    let also = c.sources(g.also);
    let kind = c.one_of("kind", &g.kind, GroupKind::parse, GroupKind::names);
    let problems = c.done();
    outcome(g.id, problems, kind, |id, kind| Group {
        id,
        name: g.name.into(),
        kind,
        area: g.area.into(),
        chairs: texts(g.chairs),
        participants: texts(g.participants),
        section: g.section.into(),
        quote: g.quote.into(),
        also,
        note: g.note.map(Into::into),
    })
}

pub(super) fn check_deliverable(d: RawDeliverable<'static>) -> Checked<Deliverable> {
    let mut c = Checker::new("deliverable", &d.id);
    for (field, value) in [("id", &d.id), ("title", &d.title), ("kind", &d.kind)] {
        c.text(field, value);
    }
    c.texts("lead", &d.lead);
    c.optional(&[
        ("group", &d.group),
        ("status", &d.status),
        ("due", &d.due),
        ("precision", &d.precision),
        ("url", &d.url),
        ("note", &d.note),
    ]);
    c.key("id", &d.id);
    c.required("title", &d.title);
    c.provenance("", &d.section, &d.quote);
    let also = c.sources(d.also);
    let kind = c.one_of(
        "kind",
        &d.kind,
        DeliverableKind::parse,
        DeliverableKind::names,
    );
    // `Some(None)`: no status (or no due date) given; `None`: an invalid one.
    let status = match &d.status {
        None => Some(None),
        Some(status) => c
            .one_of("status", status, Status::parse, Status::names)
            .map(Some),
    };
    let due = match (&d.due, &d.precision) {
        (None, None) => Some(None),
        (Some(due), Some(precision)) => c
            .precision(precision)
            .and_then(|precision| c.due(due, precision))
            .map(Some),
        _ => {
            c.report("due and precision must be given together or not at all");
            None
        }
    };
    let problems = c.done();
    let parts = kind.zip(status).zip(due);
    outcome(d.id, problems, parts, |id, ((kind, status), due)| {
        Deliverable {
            id,
            title: d.title.into(),
            kind,
            group: d.group.map(Into::into),
            lead: texts(d.lead),
            status,
            due,
            url: d.url.map(Into::into),
            section: d.section.into(),
            quote: d.quote.into(),
            also,
            note: d.note.map(Into::into),
        }
    })
}
