//! The checks of the records of the report's intentions (objectives, accomplishments,
//! proposals, Chairs) on their own, as they are read. Their links (`records`, `under`) are
//! checked across records, in `across`.

use super::super::raw::{RawAccomplishment, RawChair, RawObjective, RawProposal};
use super::checker::{outcome, texts, Checker};
use super::Checked;
use crate::model::{
    year_bounds, Accomplishment, Chair, DateSpan, Objective, Precision, Proposal, BODIES, ROLES,
};

pub(super) fn check_objective(o: RawObjective<'static>) -> Checked<Objective> {
    let mut c = Checker::new("objective", &o.id);
    for (field, value) in [("id", &o.id), ("title", &o.title)] {
        c.text(field, value);
        c.required(field, value);
    }
    c.texts("records", &o.records);
    c.optional(&[("under", &o.under), ("note", &o.note)]);
    c.provenance("", &o.section, &o.quote);
    let also = c.sources(o.also);
    let problems = c.done();
    outcome(o.id, problems, Some(()), |id, ()| Objective {
        id,
        under: o.under.map(Into::into),
        title: o.title.into(),
        records: texts(o.records),
        section: o.section.into(),
        quote: o.quote.into(),
        also,
        note: o.note.map(Into::into),
    })
}

pub(super) fn check_accomplishment(a: RawAccomplishment<'static>) -> Checked<Accomplishment> {
    let mut c = Checker::new("accomplishment", &a.id);
    for (field, value) in [("id", &a.id), ("title", &a.title)] {
        c.text(field, value);
        c.required(field, value);
    }
    c.texts("records", &a.records);
    c.optional(&[("note", &a.note)]);
    c.provenance("", &a.section, &a.quote);
    let also = c.sources(a.also);
    let problems = c.done();
    outcome(a.id, problems, Some(()), |id, ()| Accomplishment {
        id,
        title: a.title.into(),
        records: texts(a.records),
        section: a.section.into(),
        quote: a.quote.into(),
        also,
        note: a.note.map(Into::into),
    })
}

pub(super) fn check_proposal(p: RawProposal<'static>) -> Checked<Proposal> {
    let mut c = Checker::new("proposal", &p.id);
    for (field, value) in [
        ("id", &p.id),
        ("number", &p.number),
        ("title", &p.title),
        ("text", &p.text),
    ] {
        c.text(field, value);
        c.required(field, value);
    }
    c.texts("paragraphs", &p.paragraphs);
    c.texts("records", &p.records);
    c.optional(&[("note", &p.note)]);
    if let Some(bad) = p.paragraphs.iter().find(|n| n.parse::<u16>().is_err()) {
        c.report(format!(
            "paragraphs: '{}' is not the number of a paragraph",
            crate::text::Echo(bad)
        ));
    }
    c.provenance("", &p.section, &p.quote);
    let also = c.sources(p.also);
    let problems = c.done();
    outcome(p.id, problems, Some(()), |id, ()| Proposal {
        id,
        number: p.number.into(),
        title: p.title.into(),
        paragraphs: texts(p.paragraphs),
        text: p.text.into(),
        records: texts(p.records),
        section: p.section.into(),
        quote: p.quote.into(),
        also,
        note: p.note.map(Into::into),
    })
}

pub(super) fn check_chair(r: RawChair<'static>) -> Checked<Chair> {
    let mut c = Checker::new("chair", &r.id);
    c.text("id", &r.id);
    c.key("id", &r.id);
    c.texts("entities", &r.entities);
    c.texts("records", &r.records);
    c.optional(&[("note", &r.note)]);
    let body = c.one_of(
        "body",
        &r.body,
        |b| BODIES.contains(&b).then_some(()),
        || BODIES.to_vec(),
    );
    let role = c.one_of(
        "role",
        &r.role,
        |b| ROLES.contains(&b).then_some(()),
        || ROLES.to_vec(),
    );
    if r.entities.is_empty() {
        c.report("entities is empty");
    }
    let span = match r.year {
        None => Some(None),
        Some(year) => match year_bounds(year).filter(|_| (1000..=9999).contains(&year)) {
            Some((start, end)) => Some(Some(DateSpan {
                start,
                end,
                precision: Precision::Year,
            })),
            None => {
                c.report(format!("year {year} is not a four-digit year"));
                None
            }
        },
    };
    c.provenance("", &r.section, &r.quote);
    let also = c.sources(r.also);
    let problems = c.done();
    let valid = span.zip(body).zip(role).map(|(span, _)| span.0);
    outcome(r.id, problems, valid, |id, span| Chair {
        id,
        body: r.body.into(),
        role: r.role.into(),
        entities: texts(r.entities),
        span,
        records: texts(r.records),
        section: r.section.into(),
        quote: r.quote.into(),
        also,
        note: r.note.map(Into::into),
    })
}
