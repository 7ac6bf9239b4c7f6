//! The checked records of a dataset: real dates, known kinds, resolved links.
//! Nothing here is built except by the dataset's checks, at run time or in the build script
//! for the embedded data (which is why it depends on nothing but chrono and the folding of
//! names).

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};

mod entities;
mod plan;
mod vocab;

pub use entities::Entities;
pub use plan::{Accomplishment, Chair, Objective, Proposal, BODIES, ROLES};
pub use vocab::{DeliverableKind, EventKind, GroupKind, Status};

/// How exactly the report dates an occurrence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Precision {
    /// The report gives the day (or days).
    Day,
    /// The report gives only the month: the span is the whole month.
    Month,
    /// The report gives only the year: the span is the whole year.
    Year,
}

impl Precision {
    pub const ALL: [Precision; 3] = [Precision::Day, Precision::Month, Precision::Year];

    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
        }
    }

    /// Parses the name used in data files.
    pub fn parse(name: &str) -> Option<Precision> {
        Precision::ALL.into_iter().find(|p| p.as_str() == name)
    }
}

/// An inclusive span of days with the precision the report gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub precision: Precision,
}

impl DateSpan {
    /// A date of the span as precisely as the report knows it: `2016-03-08`, `2016-02`
    /// (known to the month), `2016` (known to the year).
    pub fn shown(&self, date: NaiveDate) -> String {
        match self.precision {
            Precision::Day => date.format("%Y-%m-%d").to_string(),
            Precision::Month => date.format("%Y-%m").to_string(),
            Precision::Year => date.format("%Y").to_string(),
        }
    }

    /// True when the span shares at least one day with `from..=to`.
    pub fn overlaps(&self, from: NaiveDate, to: NaiveDate) -> bool {
        self.start <= to && self.end >= from
    }
}

/// The sections of the report a record may come from (README: Dataset format).
pub const SECTIONS: [&str; 19] = [
    "I",
    "II.1",
    "II.2",
    "II.3",
    "II.4",
    "II.5",
    "II.6",
    "III",
    "IV",
    "Annex A",
    "Annex B.1",
    "Annex B.2",
    "Annex B.3",
    "Annex B.4",
    "Annex B.5",
    "Annex C",
    "Annex D",
    "Endnote i",
    "Endnote ii",
];

/// Text in the model: borrowed from the binary for the embedded dataset (built into it at
/// compile time, so loading it costs nothing), owned for a `--data` file.
pub type Text = Cow<'static, str>;

/// A list in the model, borrowed or owned as [`Text`] is.
pub type List<T> = Cow<'static, [T]>;

/// Another passage of the report that supports a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    pub section: Text,
    pub quote: Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    pub id: Text,
    /// `None` where the report gives no usable date (e.g. a day without a year).
    pub span: Option<DateSpan>,
    pub title: Text,
    pub kind: EventKind,
    pub location: Option<Text>,
    pub organizers: List<Text>,
    /// The id of the group whose activities report presents the event as its own.
    pub group: Option<Text>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub id: Text,
    pub span: DateSpan,
    pub title: Text,
    /// The id of the event at which the statement was delivered (checked to exist).
    pub event: Text,
    pub location: Option<Text>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Member {
    pub acronym: Text,
    pub name: Text,
    /// Other spellings of the member's name that the report uses ("UNDESA", "UN-DESA"),
    /// beyond those the folding of names already makes one (see [`entity_key`]).
    ///
    /// [`entity_key`]: crate::fold::entity_key
    pub aliases: List<Text>,
    /// The year of admission, only where the report states it.
    pub added: Option<i32>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

/// An entity the records name that is not a member, where the report gives it a name and
/// an acronym or several spellings (the International Training Centre of the ILO, ITC-ILO),
/// so that every spelling names one entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub acronym: Text,
    pub name: Text,
    pub aliases: List<Text>,
    pub section: Text,
    pub quote: Text,
    pub note: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Handover {
    pub id: Text,
    pub chairs: List<Text>,
    pub text: Text,
    /// The ids of the groups the item names.
    pub groups: List<Text>,
    /// The ids of the deliverables the item names.
    pub deliverables: List<Text>,
    pub section: Text,
    pub quote: Text,
    pub note: Option<Text>,
}

/// A Working Group or a Task Force of the GMG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub id: Text,
    pub name: Text,
    pub kind: GroupKind,
    /// The thematic area of section III the group serves.
    pub area: Text,
    /// The co-chairs the report names, as member acronyms (checked to be members).
    pub chairs: List<Text>,
    /// The members the report names as taking part, co-chairs included (checked to be
    /// members).
    pub participants: List<Text>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

/// A product the report attributes to the GMG, a group or a member.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deliverable {
    pub id: Text,
    pub title: Text,
    pub kind: DeliverableKind,
    /// The id of the group the report ties it to.
    pub group: Option<Text>,
    /// The entities the report names as leading or preparing it, as it names them.
    pub lead: List<Text>,
    /// How far it has come, where the report states it.
    pub status: Option<Status>,
    /// When it is due, where the report gives a date: the span of that day, month or year.
    /// The deadline is the span's end ("before the end of 2016" is due by 2016-12-31).
    pub due: Option<DateSpan>,
    pub url: Option<Text>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

/// What the dataset is drawn from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub title: Text,
    pub chair: Text,
    pub year: i32,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub source: Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dataset {
    pub report: Report,
    pub events: List<Event>,
    pub statements: List<Statement>,
    pub members: List<Member>,
    /// Entities other than members that the report names in several ways.
    pub entities: List<Entity>,
    pub handover: List<Handover>,
    pub groups: List<Group>,
    pub deliverables: List<Deliverable>,
    pub objectives: List<Objective>,
    pub accomplishments: List<Accomplishment>,
    pub proposals: List<Proposal>,
    pub chairs: List<Chair>,
}

/// The first and last day of a month, or `None` for an impossible month.
pub fn month_bounds(year: i32, month: u32) -> Option<(NaiveDate, NaiveDate)> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    Some((first, next.pred_opt()?))
}

/// The first and last day of a year.
pub fn year_bounds(year: i32) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        NaiveDate::from_ymd_opt(year, 1, 1)?,
        NaiveDate::from_ymd_opt(year, 12, 31)?,
    ))
}

/// Whether `start..=end` is what `precision` says: whole months for `Month`, whole years
/// for `Year`. Any span of days is a valid `Day` span.
pub fn precision_fits(precision: Precision, start: NaiveDate, end: NaiveDate) -> bool {
    match precision {
        Precision::Day => true,
        Precision::Month => {
            start.day() == 1
                && month_bounds(end.year(), end.month()).is_some_and(|(_, last)| last == end)
        }
        Precision::Year => start.ordinal() == 1 && end.month() == 12 && end.day() == 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn month_bounds_know_leap_years() {
        assert_eq!(
            month_bounds(2016, 2),
            Some((d("2016-02-01"), d("2016-02-29")))
        );
        assert_eq!(
            month_bounds(2015, 2),
            Some((d("2015-02-01"), d("2015-02-28")))
        );
        assert_eq!(
            month_bounds(2016, 12),
            Some((d("2016-12-01"), d("2016-12-31")))
        );
        assert_eq!(month_bounds(2016, 13), None);
    }

    #[test]
    fn precision_fits_whole_months_and_years_only() {
        assert!(precision_fits(
            Precision::Month,
            d("2016-02-01"),
            d("2016-02-29")
        ));
        assert!(!precision_fits(
            Precision::Month,
            d("2016-02-01"),
            d("2016-02-28")
        ));
        assert!(!precision_fits(
            Precision::Month,
            d("2016-02-02"),
            d("2016-02-29")
        ));
        assert!(precision_fits(
            Precision::Year,
            d("2015-01-01"),
            d("2015-12-31")
        ));
        assert!(!precision_fits(
            Precision::Year,
            d("2015-01-01"),
            d("2015-12-30")
        ));
        assert!(precision_fits(
            Precision::Day,
            d("2016-02-29"),
            d("2016-03-01")
        ));
    }

    #[test]
    fn overlap_is_inclusive_at_both_ends() {
        let span = DateSpan {
            start: d("2016-02-29"),
            end: d("2016-03-01"),
            precision: Precision::Day,
        };
        assert!(span.overlaps(d("2016-02-01"), d("2016-02-29")));
        assert!(span.overlaps(d("2016-03-01"), d("2016-03-31")));
        assert!(!span.overlaps(d("2016-03-02"), d("2016-03-31")));
    }
}
