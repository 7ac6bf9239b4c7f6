//! What the checks of one record are made with: a checker that collects the record's
//! problems (real dates, values of a vocabulary, no control characters, a section of the
//! report and a quote long enough to find), and the move of checked fields into the model.

use std::fmt;

use chrono::{Datelike, NaiveDate};

use super::super::raw::{RawSource, Str};
use super::{Checked, Rejected, MIN_QUOTE_CHARS};
use crate::model::{
    month_bounds, precision_fits, year_bounds, DateSpan, List, Precision, Source, Text, SECTIONS,
};
use crate::record::LIST_SEPARATOR;
use crate::text::{describe, first_forbidden, Echo};

/// A character that shows as nothing: a soft hyphen, zero-width spaces and joiners,
/// direction marks, word joiners and invisible operators, the byte order mark.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
    )
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

/// The earliest year a date of the dataset may have (a member's `added` year, four digits,
/// too).
const EARLIEST_YEAR: i32 = 1000;

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
    pub(super) fn text_in(&mut self, place: &str, field: &str, value: &str) {
        if let Some((at, c)) = first_forbidden(value) {
            self.report(format!(
                "{place}{field}: {} at character {at}; text may hold newlines and tabs but no other control characters",
                describe(c)
            ));
        }
    }

    /// Every item of a list of text.
    pub(super) fn texts(&mut self, field: &str, values: &[Str<'_>]) {
        for value in values {
            self.text(field, value);
        }
    }

    /// A date of the form YYYY-MM-DD that exists, from the year 1000 on: "0000-01-01" is a
    /// real date to chrono (1 BC), but no date of a report's records, and a span from it
    /// would stretch a timeline over two thousand years.
    pub(super) fn date(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let date = parse_iso_date(text)
            .map_err(|e| self.report(format!("{field}: {e}")))
            .ok()?;
        if date.year() < EARLIEST_YEAR {
            self.report(format!(
                "{field}: '{text}' is before the year {EARLIEST_YEAR}; dates are of the years {EARLIEST_YEAR} to 9999"
            ));
            return None;
        }
        Some(date)
    }

    /// Every optional text field, by name.
    pub(super) fn optional(&mut self, fields: &[(&str, &Option<Str<'_>>)]) {
        for (field, value) in fields {
            self.text(field, value.as_deref().unwrap_or_default());
        }
    }

    /// A value of a vocabulary: `parse` reads it, `names` lists the valid ones.
    pub(super) fn one_of<T>(
        &mut self,
        field: &str,
        value: &str,
        parse: fn(&str) -> Option<T>,
        names: fn() -> Vec<&'static str>,
    ) -> Option<T> {
        let parsed = parse(value);
        if parsed.is_none() {
            self.report(format!(
                "{field} '{}' is not one of: {}",
                Echo(value),
                names().join(", ")
            ));
        }
        parsed
    }

    /// A precision by name.
    pub(super) fn precision(&mut self, name: &str) -> Option<Precision> {
        self.one_of("precision", name, Precision::parse, || {
            Precision::ALL.iter().map(|p| p.as_str()).collect()
        })
    }

    pub(super) fn required(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.report(format!("{field} is empty"));
        }
    }

    /// A record's key (an id, an acronym): not empty, and one that reads as what it is
    /// wherever it is shown. It may not begin or end with a space, which no one sees; hold an
    /// invisible character (a zero-width space, a direction mark), which would make two keys
    /// that look alike; or hold "; ", which joins the keys of a list in csv and the
    /// workbook, so that "a; b" would read as two.
    pub(super) fn key(&mut self, field: &str, value: &str) {
        self.required(field, value);
        if value.trim().is_empty() {
            return;
        }
        if value.trim() != value {
            self.report(format!("{field} begins or ends with a space"));
        }
        if let Some((at, c)) = value.chars().enumerate().find(|(_, c)| invisible(*c)) {
            self.report(format!(
                "{field}: {} (invisible) at character {}; an id may not hold invisible characters",
                describe(c),
                at + 1
            ));
        }
        if value.contains(LIST_SEPARATOR) {
            self.report(format!(
                "{field} holds \"{LIST_SEPARATOR}\", which separates the items of a list in csv and the workbook"
            ));
        }
    }

    /// The fields every record has: a section and a quote long enough to find. `place` names
    /// where they are ("" for the record's own, "also 2 " for its second other passage).
    pub(super) fn provenance(&mut self, place: &str, section: &str, quote: &str) {
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

    pub(super) fn sources(&mut self, raw: Vec<RawSource<'static>>) -> List<Source> {
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

    pub(super) fn span(
        &mut self,
        start: &str,
        end: &str,
        precision: Precision,
    ) -> Option<DateSpan> {
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

    /// A due date and its precision as a span: the day, or the month or year it starts,
    /// which must then be its first day.
    pub(super) fn due(&mut self, due: &str, precision: Precision) -> Option<DateSpan> {
        let date = self.date("due", due)?;
        let whole = match precision {
            Precision::Day => Some((date, date)),
            Precision::Month => month_bounds(date.year(), date.month()),
            Precision::Year => year_bounds(date.year()),
        };
        match whole {
            Some((start, end)) if start == date => Some(DateSpan {
                start,
                end,
                precision,
            }),
            _ => {
                let first = match precision {
                    Precision::Month => "the first day of its month",
                    _ => "1 January of its year",
                };
                self.report(format!(
                    "due {date} has precision '{}', so it must be {first}",
                    precision.as_str()
                ));
                None
            }
        }
    }

    /// The problems found; the checker's borrow of the record ends, so the record's fields
    /// can move into the model (see [`outcome`]).
    pub(super) fn done(self) -> Vec<String> {
        self.problems
    }
}

/// The record `build` makes from its id and the checked `parts`, if no problem was found;
/// else the problems, with the record's id. The id moves into the record, uncopied.
pub(super) fn outcome<T, P>(
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
pub(super) fn texts(strings: Vec<Str<'static>>) -> List<Text> {
    strings
        .into_iter()
        .map(Text::from)
        .collect::<Vec<_>>()
        .into()
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
