//! The checks of one record on its own, made as it is read: real dates, a known kind and
//! precision, no control characters, a section of the report and a quote long enough to
//! find; and the move of its fields into the model.

use std::fmt;

use chrono::NaiveDate;

use super::super::raw::{RawEvent, RawHandover, RawMember, RawSource, RawStatement, Str};
use super::{Checked, Rejected, MIN_QUOTE_CHARS};
use crate::model::{
    precision_fits, DateSpan, Event, EventKind, Handover, List, Member, Precision, Source,
    Statement, Text, SECTIONS,
};
use crate::text::{describe, first_forbidden, Echo};

/// Reads an ISO date `YYYY-MM-DD` that exists in the calendar.
pub fn parse_iso_date(text: &str) -> Result<NaiveDate, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| match i {
            4 | 7 => b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shaped {
        return Err(format!(
            "'{}' is not a date of the form YYYY-MM-DD",
            Echo(text)
        ));
    }
    // The shape is checked, so the parts are digits; chrono's strftime parser is ten
    // times slower here and this runs twice a record.
    let number = |range: std::ops::Range<usize>| {
        text[range]
            .bytes()
            .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
    };
    NaiveDate::from_ymd_opt(number(0..4) as i32, number(5..7), number(8..10))
        .ok_or_else(|| format!("'{text}' is not a real calendar date"))
}

/// Collects problems for one record, prefixed with what the record is.
pub(super) struct Checker<'a> {
    what: &'static str,
    id: &'a str,
    pub(super) problems: Vec<String>,
}

impl<'a> Checker<'a> {
    pub(super) fn new(what: &'static str, id: &'a str) -> Checker<'a> {
        Checker {
            what,
            id,
            problems: Vec::new(),
        }
    }

    pub(super) fn report(&mut self, message: impl fmt::Display) {
        self.problems
            .push(format!("{} '{}': {message}", self.what, Echo(self.id)));
    }

    /// A text field may hold no character that could control a terminal (see `text`).
    pub(super) fn text(&mut self, field: &str, value: &str) {
        self.text_in("", field, value);
    }

    /// `text` for a field of a part of the record (`place` is e.g. "also 2 ").
    fn text_in(&mut self, place: &str, field: &str, value: &str) {
        if let Some((at, c)) = first_forbidden(value) {
            self.report(format!(
                "{place}{field}: {} at character {at}; text may hold newlines and tabs but no other control characters",
                describe(c)
            ));
        }
    }

    /// Every item of a list of text.
    fn texts(&mut self, field: &str, values: &[Str<'_>]) {
        for value in values {
            self.text(field, value);
        }
    }

    pub(super) fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        parse_iso_date(text)
            .map_err(|e| self.report(format!("{field}: {e}")))
            .ok()
    }

    fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(format!("{field} is empty"));
        }
    }

    /// The fields every record has: a section and a quote long enough to find. `place` names
    /// where they are ("" for the record's own, "also 2 " for its second other passage).
    fn provenance(&mut self, place: &str, section: &str, quote: &str) {
        self.text_in(place, "section", section);
        self.text_in(place, "quote", quote);
        if section.trim().is_empty() {
            self.report(format!("{place}section is empty"));
        } else if !SECTIONS.contains(&section) {
            self.report(format!(
                "{place}section '{}' is not a section of the report; the sections are: {}",
                Echo(section),
                SECTIONS.join(", ")
            ));
        }
        let chars = quote.trim().chars().count();
        if chars < MIN_QUOTE_CHARS {
            self.report(format!(
                "{place}quote has {chars} characters; at least {MIN_QUOTE_CHARS} are needed"
            ));
        }
    }

    fn sources(&mut self, raw: Vec<RawSource<'static>>) -> List<Source> {
        raw.into_iter()
            .enumerate()
            .map(|(i, s)| {
                let place = format!("also {} ", i + 1);
                self.provenance(&place, &s.section, &s.quote);
                Source {
                    section: s.section.into(),
                    quote: s.quote.into(),
                }
            })
            .collect::<Vec<_>>()
            .into()
    }

    fn span(&mut self, start: &str, end: &str, precision: Precision) -> Option<DateSpan> {
        let (start, end) = (self.date("start", start), self.date("end", end));
        let (start, end) = (start?, end?);
        if end < start {
            self.report(format!("end {end} is before start {start}"));
            return None;
        }
        if !precision_fits(precision, start, end) {
            let needs = match precision {
                Precision::Month => "whole months (from the 1st to the last day of a month)",
                _ => "whole years (from 1 January to 31 December)",
            };
            self.report(format!(
                "precision '{}' needs a span of {needs}, not {start} to {end}",
                precision.as_str()
            ));
        }
        Some(DateSpan {
            start,
            end,
            precision,
        })
    }

    /// The problems found; the checker's borrow of the record ends, so the record's fields
    /// can move into the model (see [`outcome`]).
    fn done(self) -> Vec<String> {
        self.problems
    }
}

/// The record `build` makes from its id and the checked `parts`, if no problem was found;
/// else the problems, with the record's id. The id moves into the record, uncopied.
fn outcome<T, P>(
    id: Str<'static>,
    mut problems: Vec<String>,
    parts: Option<P>,
    build: impl FnOnce(Text, P) -> T,
) -> Checked<T> {
    match parts {
        Some(parts) if problems.is_empty() => Ok(build(id.into(), parts)),
        parts => {
            if parts.is_none() && problems.is_empty() {
                problems.push(format!("'{}' could not be read", Echo(&id)));
            }
            Err(Box::new(Rejected {
                id: id.to_string(),
                problems,
            }))
        }
    }
}

/// Strings read as the model's list of text.
fn texts(strings: Vec<Str<'static>>) -> List<Text> {
    strings
        .into_iter()
        .map(Text::from)
        .collect::<Vec<_>>()
        .into()
}

pub(super) fn check_event(e: RawEvent<'static>) -> Checked<Event> {
    let mut c = Checker::new("event", &e.id);
    c.text("id", &e.id);
    c.text("title", &e.title);
    c.texts("organizers", &e.organizers);
    for (field, value) in [("location", &e.location), ("note", &e.note)] {
        c.text(field, value.as_deref().unwrap_or_default());
    }
    for (field, value) in [
        ("start", &e.start),
        ("end", &e.end),
        ("precision", &e.precision),
    ] {
        c.text(field, value.as_deref().unwrap_or_default());
    }
    c.text("kind", &e.kind);
    c.required("id", &e.id);
    c.required("title", &e.title);
    c.provenance("", &e.section, &e.quote);
    let also = c.sources(e.also);
    let kind = EventKind::parse(&e.kind);
    if kind.is_none() {
        let known: Vec<&str> = EventKind::ALL.iter().map(|k| k.as_str()).collect();
        c.report(format!(
            "kind '{}' is not one of: {}",
            Echo(&e.kind),
            known.join(", ")
        ));
    }
    // `Some(None)`: undated by design; `None`: the dates are invalid.
    let span = match (&e.start, &e.end, &e.precision) {
        (None, None, None) => Some(None),
        (Some(start), Some(end), Some(precision)) => match Precision::parse(precision) {
            Some(precision) => c.span(start, end, precision).map(Some),
            None => {
                c.report(format!(
                    "precision '{}' is not one of: day, month, year",
                    Echo(precision)
                ));
                None
            }
        },
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
    for (field, value) in [("location", &s.location), ("note", &s.note)] {
        c.text(field, value.as_deref().unwrap_or_default());
    }
    c.required("id", &s.id);
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

pub(super) fn check_member(m: RawMember<'static>) -> Checked<Member> {
    let mut c = Checker::new("member", &m.acronym);
    c.text("acronym", &m.acronym);
    c.text("name", &m.name);
    c.text("note", m.note.as_deref().unwrap_or_default());
    c.required("acronym", &m.acronym);
    c.required("name", &m.name);
    c.provenance("", &m.section, &m.quote);
    if let Some(year) = m.added.filter(|y| !(1000..=9999).contains(y)) {
        c.report(format!("added {year} is not a four-digit year"));
    }
    let also = c.sources(m.also);
    let problems = c.done();
    outcome(m.acronym, problems, Some(()), |acronym, ()| Member {
        acronym,
        name: m.name.into(),
        added: m.added,
        section: m.section.into(),
        quote: m.quote.into(),
        also,
        note: m.note.map(Into::into),
    })
}

pub(super) fn check_handover(h: RawHandover<'static>) -> Checked<Handover> {
    let mut c = Checker::new("handover item", &h.id);
    c.text("id", &h.id);
    c.texts("chairs", &h.chairs);
    c.text("text", &h.text);
    c.text("note", h.note.as_deref().unwrap_or_default());
    c.required("id", &h.id);
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
        section: h.section.into(),
        quote: h.quote.into(),
        note: h.note.map(Into::into),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_must_be_shaped_and_real() {
        assert!(parse_iso_date("2016-02-29").is_ok());
        assert_eq!(
            parse_iso_date("2016-02-30").unwrap_err(),
            "'2016-02-30' is not a real calendar date"
        );
        assert_eq!(
            parse_iso_date("2016-2-3").unwrap_err(),
            "'2016-2-3' is not a date of the form YYYY-MM-DD"
        );
        assert!(parse_iso_date("2016-02-3x").is_err());
    }
}
