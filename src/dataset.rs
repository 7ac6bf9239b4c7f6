//! Loading a dataset: the embedded RON or a `--data` file, parsed into raw serde types and
//! then checked into the model, collecting every problem rather than stopping at the first.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{
    precision_fits, Dataset, DateSpan, Event, EventKind, Handover, Member, Precision, Report,
    Source, Statement,
};
use crate::text::{describe, first_forbidden, Echo};

/// The dataset compiled into the binary.
pub const EMBEDDED: &str = include_str!("../data/gmg2016.ron");
/// The report the embedded dataset is drawn from, for quote checks and `show --context`.
pub const REPORT: &str = include_str!("../data/source/gmg-chair-report-2016.md");
/// How the embedded dataset is named in messages.
pub const EMBEDDED_NAME: &str = "data/gmg2016.ron (embedded)";

/// Quotes shorter than this cannot identify a passage.
pub const MIN_QUOTE_CHARS: usize = 20;

/// Where a dataset comes from.
#[derive(Clone, Debug)]
pub enum Origin {
    Embedded,
    File(PathBuf),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Embedded => f.write_str(EMBEDDED_NAME),
            Origin::File(path) => f.write_str(&crate::text::path(path)),
        }
    }
}

impl Origin {
    pub fn from_option(path: Option<&Path>) -> Origin {
        path.map_or(Origin::Embedded, |p| Origin::File(p.to_path_buf()))
    }
}

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

// ---- raw types: exactly the file's shape, nothing checked yet ----

/// The whole file as the ron crate reads it: the reference the reader is tested against.
#[cfg(test)]
#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Dataset", deny_unknown_fields)]
struct RawDataset {
    report: RawReport,
    #[serde(default)]
    events: Vec<RawEvent>,
    #[serde(default)]
    statements: Vec<RawStatement>,
    #[serde(default)]
    members: Vec<RawMember>,
    #[serde(default)]
    handover: Vec<RawHandover>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Report", deny_unknown_fields)]
struct RawReport {
    title: String,
    chair: String,
    year: i32,
    start: String,
    end: String,
    source: String,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Source", deny_unknown_fields)]
struct RawSource {
    section: String,
    quote: String,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Event", deny_unknown_fields)]
struct RawEvent {
    id: String,
    #[serde(default)]
    start: Option<String>,
    #[serde(default)]
    end: Option<String>,
    #[serde(default)]
    precision: Option<String>,
    title: String,
    kind: String,
    #[serde(default)]
    location: Option<String>,
    #[serde(default)]
    organizers: Vec<String>,
    section: String,
    quote: String,
    #[serde(default)]
    also: Vec<RawSource>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Statement", deny_unknown_fields)]
struct RawStatement {
    id: String,
    start: String,
    end: String,
    title: String,
    event: String,
    #[serde(default)]
    location: Option<String>,
    section: String,
    quote: String,
    #[serde(default)]
    also: Vec<RawSource>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Member", deny_unknown_fields)]
struct RawMember {
    acronym: String,
    name: String,
    #[serde(default)]
    added: Option<i32>,
    section: String,
    quote: String,
    #[serde(default)]
    also: Vec<RawSource>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Handover", deny_unknown_fields)]
struct RawHandover {
    id: String,
    chairs: Vec<String>,
    text: String,
    section: String,
    quote: String,
    #[serde(default)]
    note: Option<String>,
}

// The reader reads the raw types directly; the serde derives above describe the same
// shape to the ron crate, which the tests use as the reference reader.
use crate::reader::readable;
#[cfg(test)]
readable!(RawDataset as "Dataset" { required: [report], optional: [events, statements, members, handover] });
readable!(RawReport as "Report" { required: [title, chair, year, start, end, source], optional: [] });
readable!(RawSource as "Source" { required: [section, quote], optional: [] });
readable!(RawEvent as "Event" {
    required: [id, title, kind, section, quote],
    optional: [start, end, precision, location, organizers, also, note]
});
readable!(RawStatement as "Statement" {
    required: [id, start, end, title, event, section, quote],
    optional: [location, also, note]
});
readable!(RawMember as "Member" { required: [acronym, name, section, quote], optional: [added, also, note] });
readable!(RawHandover as "Handover" { required: [id, chairs, text, section, quote], optional: [note] });

// ---- loading ----

/// Reads the text of a dataset: the embedded one or a file.
pub fn read(origin: &Origin) -> anyhow::Result<std::borrow::Cow<'static, str>> {
    match origin {
        Origin::Embedded => Ok(EMBEDDED.into()),
        Origin::File(path) => std::fs::read_to_string(path)
            .map(Into::into)
            .map_err(|e| anyhow::anyhow!("cannot read dataset {}: {e}", crate::text::path(path))),
    }
}

/// Loads and checks a dataset: the form every command but `validate` uses.
pub fn load(origin: &Origin) -> anyhow::Result<Dataset> {
    let text = read(origin)?;
    let name = origin.to_string();
    let parsed = read_parsed(&text, &name)?;
    drop(text);
    Ok(check_parsed(parsed, &name)?)
}

/// Parses and checks dataset text; `name` is how problems name the file.
pub fn parse(text: &str, name: &str) -> Result<Dataset, Problems> {
    check_parsed(read_parsed(text, name)?, name)
}

fn read_parsed(text: &str, name: &str) -> Result<Parsed, Problems> {
    crate::reader::read(text).map_err(|e| Problems {
        origin: name.to_string(),
        list: vec![e.to_string()],
    })
}

fn check_parsed(parsed: Parsed, name: &str) -> Result<Dataset, Problems> {
    check(parsed).map_err(|list| Problems {
        origin: name.to_string(),
        list,
    })
}

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
struct Checker<'a> {
    what: &'static str,
    id: &'a str,
    problems: Vec<String>,
}

impl<'a> Checker<'a> {
    fn new(what: &'static str, id: &'a str) -> Checker<'a> {
        Checker {
            what,
            id,
            problems: Vec::new(),
        }
    }

    fn report(&mut self, message: impl fmt::Display) {
        self.problems
            .push(format!("{} '{}': {message}", self.what, Echo(self.id)));
    }

    /// A text field may hold no character that could control a terminal (see `text`).
    fn text(&mut self, field: &str, value: &str) {
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
    fn texts(&mut self, field: &str, values: &[String]) {
        for value in values {
            self.text(field, value);
        }
    }

    fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
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
        }
        let chars = quote.trim().chars().count();
        if chars < MIN_QUOTE_CHARS {
            self.report(format!(
                "{place}quote has {chars} characters; at least {MIN_QUOTE_CHARS} are needed"
            ));
        }
    }

    fn sources(&mut self, raw: Vec<RawSource>) -> Vec<Source> {
        raw.into_iter()
            .enumerate()
            .map(|(i, s)| {
                let place = format!("also {} ", i + 1);
                self.provenance(&place, &s.section, &s.quote);
                Source {
                    section: s.section,
                    quote: s.quote,
                }
            })
            .collect()
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

    /// The record, if no problem was found; else the problems, with the record's id.
    fn finish<T>(self, record: Option<T>) -> Checked<T> {
        match record {
            Some(record) if self.problems.is_empty() => Ok(record),
            _ => Err(Box::new(Rejected {
                id: self.id.to_string(),
                problems: self.problems,
            })),
        }
    }
}

/// A record that failed its own checks: its id (for the checks across records) and why.
#[derive(Debug)]
pub struct Rejected {
    id: String,
    problems: Vec<String>,
}

/// A record as read: checked into the model, or rejected. Records are checked as they are
/// read, so a large file never holds its raw records and its model at once.
type Checked<T> = Result<T, Box<Rejected>>;

/// What the reader hands to `check`: every record already checked on its own.
struct Parsed {
    report: RawReport,
    events: Vec<Checked<Event>>,
    statements: Vec<Checked<Statement>>,
    members: Vec<Checked<Member>>,
    handover: Vec<Checked<Handover>>,
}

readable!(Parsed as "Dataset" { required: [report], optional: [events, statements, members, handover] });

/// Reads a record's raw form and checks it at once.
macro_rules! checked_on_read {
    ($model:ty, $raw:ty, $convert:ident) => {
        impl crate::reader::Read for Checked<$model> {
            fn read(p: &mut crate::reader::Parser<'_>) -> crate::reader::Result<Self> {
                <$raw as crate::reader::Read>::read(p).map($convert)
            }
        }
    };
}

checked_on_read!(Event, RawEvent, check_event);
checked_on_read!(Statement, RawStatement, check_statement);
checked_on_read!(Member, RawMember, check_member);
checked_on_read!(Handover, RawHandover, check_handover);

fn check_event(e: RawEvent) -> Checked<Event> {
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
        let known: Vec<&str> = <EventKind as clap::ValueEnum>::value_variants()
            .iter()
            .map(|k| k.as_str())
            .collect();
        c.report(format!(
            "kind '{}' is not one of: {}",
            Echo(&e.kind),
            known.join(", ")
        ));
    }
    // `Some(None)`: undated by design; `None`: the dates are invalid.
    let span = match (&e.start, &e.end, &e.precision) {
        (None, None, None) => Some(None),
        (Some(start), Some(end), Some(precision)) => {
            match <Precision as clap::ValueEnum>::from_str(precision, false) {
                Ok(precision) => c.span(start, end, precision).map(Some),
                Err(_) => {
                    c.report(format!(
                        "precision '{}' is not one of: day, month, year",
                        Echo(precision)
                    ));
                    None
                }
            }
        }
        _ => {
            c.report("start, end and precision must be given together or not at all");
            None
        }
    };
    let event = span.zip(kind).map(|(span, kind)| Event {
        id: e.id.clone(),
        span,
        title: e.title,
        kind,
        location: e.location,
        organizers: e.organizers,
        section: e.section,
        quote: e.quote,
        also,
        note: e.note,
    });
    c.finish(event)
}

fn check_statement(s: RawStatement) -> Checked<Statement> {
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
    let statement = c
        .span(&s.start, &s.end, Precision::Day)
        .map(|span| Statement {
            id: s.id.clone(),
            span,
            title: s.title,
            event: s.event,
            location: s.location,
            section: s.section,
            quote: s.quote,
            also,
            note: s.note,
        });
    c.finish(statement)
}

fn check_member(m: RawMember) -> Checked<Member> {
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
    let member = Member {
        acronym: m.acronym.clone(),
        name: m.name,
        added: m.added,
        section: m.section,
        quote: m.quote,
        also,
        note: m.note,
    };
    c.finish(Some(member))
}

fn check_handover(h: RawHandover) -> Checked<Handover> {
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
    let item = Handover {
        id: h.id.clone(),
        chairs: h.chairs,
        text: h.text,
        section: h.section,
        quote: h.quote,
        note: h.note,
    };
    c.finish(Some(item))
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

/// Reports ids used more than once in a collection (ignoring case).
fn unique<'a>(problems: &mut Vec<String>, what: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = HashSet::with_capacity(ids.size_hint().0);
    for id in ids {
        let key = if id.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            std::borrow::Cow::Owned(id.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(id)
        };
        if !seen.insert(key) {
            problems.push(format!("{what} '{}': id is used more than once", Echo(id)));
        }
    }
}

/// The checks across records: the report's dates, unique ids, and statements that point
/// at an event that exists and overlaps them.
fn check(parsed: Parsed) -> Result<Dataset, Vec<String>> {
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
    problems.append(&mut c.problems);

    let (events, bad_events) = sort_out(parsed.events, &mut problems);
    let (statements, bad_statements) = sort_out(parsed.statements, &mut problems);
    let (members, bad_members) = sort_out(parsed.members, &mut problems);
    let (handover, bad_handover) = sort_out(parsed.handover, &mut problems);

    unique(
        &mut problems,
        "event",
        events
            .iter()
            .map(|e| e.id.as_str())
            .chain(bad_events.iter().map(String::as_str)),
    );
    unique(
        &mut problems,
        "statement",
        statements
            .iter()
            .map(|s| s.id.as_str())
            .chain(bad_statements.iter().map(String::as_str)),
    );
    unique(
        &mut problems,
        "member",
        members
            .iter()
            .map(|m| m.acronym.as_str())
            .chain(bad_members.iter().map(String::as_str)),
    );
    unique(
        &mut problems,
        "handover item",
        handover
            .iter()
            .map(|h| h.id.as_str())
            .chain(bad_handover.iter().map(String::as_str)),
    );

    // An event that failed its own checks was reported there, not again through its
    // statements.
    let mut spans: HashMap<&str, Option<Option<DateSpan>>> = events
        .iter()
        .map(|e| (e.id.as_str(), Some(e.span)))
        .collect();
    spans.extend(bad_events.iter().map(|id| (id.as_str(), None)));
    for s in &statements {
        let report = |problems: &mut Vec<String>, message: String| {
            problems.push(format!("statement '{}': {message}", Echo(&s.id)))
        };
        match spans.get(s.event.as_str()) {
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
                title: r.title,
                chair: r.chair,
                year: r.year,
                start,
                end,
                source: r.source,
            },
            events,
            statements,
            members,
            handover,
        }),
        _ => Err(problems),
    }
}

// ---- quotes ----

/// The report's text as quotes are matched against it: markdown emphasis, link markup and
/// escapes dropped, every run of whitespace one space.
pub fn normalize(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        plain.push_str(&rest[..i]);
        rest = &rest[i + 2..];
        rest = rest.find(')').map_or(rest, |close| &rest[close + 1..]);
    }
    plain.push_str(rest);
    let mut out = String::with_capacity(plain.len());
    let mut chars = plain.chars().peekable();
    let mut space = false;
    while let Some(ch) = chars.next() {
        match ch {
            '*' | '[' => {}
            '\\' if matches!(chars.peek(), Some('(' | ')' | '[' | ']' | '*' | '_')) => {}
            c if c.is_whitespace() => space = !out.is_empty(),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
    }
    out
}

/// One passage a record cites: what the record is, its id, the section and the quote.
pub struct Citation<'a> {
    pub what: &'static str,
    pub id: &'a str,
    pub section: &'a str,
    pub quote: &'a str,
}

/// Every passage the dataset cites, main quotes and `also` sources alike.
pub fn citations(data: &Dataset) -> Vec<Citation<'_>> {
    fn push<'a>(
        out: &mut Vec<Citation<'a>>,
        what: &'static str,
        id: &'a str,
        section: &'a str,
        quote: &'a str,
        also: &'a [Source],
    ) {
        out.push(Citation {
            what,
            id,
            section,
            quote,
        });
        out.extend(also.iter().map(|s| Citation {
            what,
            id,
            section: &s.section,
            quote: &s.quote,
        }));
    }
    let mut out = Vec::new();
    for e in &data.events {
        push(&mut out, "event", &e.id, &e.section, &e.quote, &e.also);
    }
    for s in &data.statements {
        push(&mut out, "statement", &s.id, &s.section, &s.quote, &s.also);
    }
    for m in &data.members {
        push(
            &mut out, "member", &m.acronym, &m.section, &m.quote, &m.also,
        );
    }
    for h in &data.handover {
        push(&mut out, "handover item", &h.id, &h.section, &h.quote, &[]);
    }
    out
}

/// The paragraph or list item (or a run of up to three) of `report` that holds `quote`,
/// as plain text, or `None` when the quote is not there. The report keeps each paragraph
/// and each list item on one line.
pub fn passage(report: &str, quote: &str) -> Option<String> {
    let quote = normalize(quote);
    let paragraphs: Vec<String> = report
        .lines()
        .map(normalize)
        .filter(|p| !p.is_empty())
        .collect();
    (1..=3).find_map(|run| {
        paragraphs
            .windows(run)
            .map(|w| w.join(" "))
            .find(|text| text.contains(&quote))
    })
}

/// Every cited quote that cannot be found in `report`, as problems.
pub fn missing_quotes(data: &Dataset, report: &str) -> Vec<String> {
    let haystack = normalize(report);
    citations(data)
        .into_iter()
        .filter(|c| !haystack.contains(&normalize(c.quote)))
        .map(|c| {
            format!(
                "{} '{}': quote ({}) not found in the report: \"{}\"",
                c.what,
                Echo(c.id),
                Echo(c.section),
                Echo(c.quote)
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_drops_markup_and_folds_whitespace() {
        assert_eq!(
            normalize("- 25-26 February 2016: [Statement](#) at the"),
            "- 25-26 February 2016: Statement at the"
        );
        assert_eq!(
            normalize("Food and\n\n  Agriculture (**FAO**)"),
            "Food and Agriculture (FAO)"
        );
        assert_eq!(normalize("work plan \\(MAWP\\)](#)"), "work plan (MAWP)");
    }

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

/// Property tests: the reader against the ron crate, and the loader against any input.
#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    const SMALL: &str = include_str!("../tests/fixtures/small.ron");
    const TRICKY: &str = include_str!("../tests/fixtures/tricky.ron");

    #[test]
    fn the_reader_agrees_with_the_ron_crate_on_real_files() {
        for text in [EMBEDDED, SMALL, TRICKY] {
            let ours: RawDataset = crate::reader::read(text).unwrap();
            let reference: RawDataset = ron::from_str(text).unwrap();
            assert_eq!(ours, reference);
        }
    }

    /// Text with what makes quoting hard: quotes, backslashes, newlines, tabs, unicode.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z0-9 ,.;:'\"\\\\\\n\\t\\r–’é😀#/*()\\[\\]{}=+@-]{0,40}",
            any::<String>(),
        ]
    }

    fn source() -> impl Strategy<Value = RawSource> {
        (text(), text()).prop_map(|(section, quote)| RawSource { section, quote })
    }

    fn event() -> impl Strategy<Value = RawEvent> {
        (
            (
                text(),
                proptest::option::of(text()),
                proptest::option::of(text()),
                proptest::option::of(text()),
            ),
            (
                text(),
                text(),
                proptest::option::of(text()),
                proptest::collection::vec(text(), 0..3),
            ),
            (
                text(),
                text(),
                proptest::collection::vec(source(), 0..2),
                proptest::option::of(text()),
            ),
        )
            .prop_map(
                |(
                    (id, start, end, precision),
                    (title, kind, location, organizers),
                    (section, quote, also, note),
                )| RawEvent {
                    id,
                    start,
                    end,
                    precision,
                    title,
                    kind,
                    location,
                    organizers,
                    section,
                    quote,
                    also,
                    note,
                },
            )
    }

    fn member() -> impl Strategy<Value = RawMember> {
        (
            text(),
            text(),
            proptest::option::of(any::<i32>()),
            text(),
            text(),
            proptest::option::of(text()),
        )
            .prop_map(|(acronym, name, added, section, quote, note)| RawMember {
                acronym,
                name,
                added,
                section,
                quote,
                also: vec![],
                note,
            })
    }

    fn dataset() -> impl Strategy<Value = RawDataset> {
        (
            text(),
            any::<i32>(),
            proptest::collection::vec(event(), 0..3),
            proptest::collection::vec(member(), 0..3),
        )
            .prop_map(|(title, year, events, members)| RawDataset {
                report: RawReport {
                    title,
                    chair: "c".into(),
                    year,
                    start: "2016-01-01".into(),
                    end: "2016-12-31".into(),
                    source: "s".into(),
                },
                events,
                statements: vec![],
                members,
                handover: vec![],
            })
    }

    /// A valid file with one random edit: a byte range deleted, duplicated or replaced.
    fn near_valid() -> impl Strategy<Value = String> {
        (0..SMALL.len(), 0..SMALL.len(), 0u8..3, any::<char>()).prop_map(|(a, b, how, c)| {
            let (a, b) = (a.min(b), a.max(b));
            let (a, b) = (floor(SMALL, a), floor(SMALL, b));
            match how {
                0 => format!("{}{}", &SMALL[..a], &SMALL[b..]),
                1 => format!("{}{}{}", &SMALL[..b], &SMALL[a..b], &SMALL[b..]),
                _ => format!("{}{c}{}", &SMALL[..a], &SMALL[a..]),
            }
        })
    }

    fn floor(s: &str, mut at: usize) -> usize {
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// Every problem names a place: line:column for syntax, the record for the rest.
    fn names_a_place(problems: &Problems) -> bool {
        !problems.list.is_empty()
            && problems.list.iter().all(|p| {
                let syntax = p
                    .split(':')
                    .take(2)
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                let record = [
                    "event '",
                    "statement '",
                    "member '",
                    "handover item '",
                    "report '",
                ]
                .iter()
                .any(|w| p.starts_with(w));
                syntax || record
            })
    }

    proptest! {
        #[test]
        fn what_ron_writes_the_reader_reads_back(data in dataset()) {
            let text = ron::ser::to_string(&data).unwrap();
            let ours: RawDataset = crate::reader::read(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
            prop_assert_eq!(&ours, &data);
            let pretty = ron::ser::to_string_pretty(&data, ron::ser::PrettyConfig::default()).unwrap();
            prop_assert_eq!(crate::reader::read::<RawDataset>(&pretty).unwrap(), data);
        }

        #[test]
        fn any_bytes_give_an_error_with_a_place(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            let text = String::from_utf8_lossy(&bytes);
            if let Err(problems) = parse(&text, "f") {
                prop_assert!(names_a_place(&problems), "{problems}");
            }
        }

        #[test]
        fn near_valid_files_never_panic_and_errors_name_a_place(text in near_valid()) {
            match parse(&text, "f") {
                Ok(_) => {}
                Err(problems) => prop_assert!(names_a_place(&problems), "{problems}"),
            }
        }
    }

    /// A long run for finding crashes: `GMG_FUZZ_CASES=2000000 cargo test --release
    /// fuzz_the_loader -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn fuzz_the_loader() {
        let cases = std::env::var("GMG_FUZZ_CASES")
            .ok()
            .and_then(|c| c.parse().ok())
            .unwrap_or(1_000_000);
        let mut runner = proptest::test_runner::TestRunner::new(ProptestConfig {
            cases,
            failure_persistence: None,
            ..ProptestConfig::default()
        });
        let started = std::time::Instant::now();
        let inputs = prop_oneof![
            near_valid(),
            proptest::collection::vec(any::<u8>(), 0..400)
                .prop_map(|b| String::from_utf8_lossy(&b).into_owned())
        ];
        runner
            .run(&inputs, |text| {
                if let Err(problems) = parse(&text, "f") {
                    prop_assert!(names_a_place(&problems), "{problems}");
                }
                Ok(())
            })
            .unwrap();
        eprintln!(
            "fuzz_the_loader: {cases} inputs in {:.0?}",
            started.elapsed()
        );
    }
}
