//! Records as rows of named fields: the one view of the data that filters, sorting and every
//! output format share, so a field means the same thing in a table, a CSV file and JSON.

use std::cmp::Ordering;
use std::fmt::{self, Write as _};
use std::ops::Range;

use chrono::NaiveDate;
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::model::{DateSpan, Source, Text};

mod collections;
mod plan;

/// How a table may lay out a field's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Never broken: ids, dates, kinds, sections, acronyms, counts.
    Token,
    /// Wrapped at word boundaries: titles, names, notes, snippets.
    Wrap,
    /// Kept to one line, cut at a word boundary with "…" (titles of linked records).
    Clip,
}

/// The value of one field of one record.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell<'a> {
    Null,
    Text(&'a str),
    Date(NaiveDate),
    Int(i64),
    /// A number with a fraction (only query results have them).
    Real(f64),
    List(&'a [Text]),
    Sources(&'a [Source]),
}

impl<'a> Cell<'a> {
    fn opt_text(value: &'a Option<Text>) -> Cell<'a> {
        value.as_deref().map_or(Cell::Null, Cell::Text)
    }

    fn opt_date(value: Option<NaiveDate>) -> Cell<'a> {
        value.map_or(Cell::Null, Cell::Date)
    }

    /// Calls `f` with every piece of text in the cell (for searching).
    pub fn each_text(&self, f: &mut dyn FnMut(&str)) {
        match self {
            Cell::Text(s) => f(s),
            Cell::List(items) => items.iter().for_each(|s| f(s)),
            Cell::Sources(sources) => sources.iter().for_each(|s| {
                f(&s.section);
                f(&s.quote);
            }),
            Cell::Null | Cell::Date(_) | Cell::Int(_) | Cell::Real(_) => {}
        }
    }

    /// Whether the cell holds nothing: null, empty text, an empty list.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Null => true,
            Cell::Text(s) => s.is_empty(),
            Cell::List(items) => items.is_empty(),
            Cell::Sources(sources) => sources.is_empty(),
            Cell::Date(_) | Cell::Int(_) | Cell::Real(_) => false,
        }
    }

    /// Orders cells of one field: values before nulls, text ignoring case.
    pub fn compare(&self, other: &Cell<'_>) -> Ordering {
        match (self, other) {
            (Cell::Null, Cell::Null) => Ordering::Equal,
            (Cell::Null, _) => Ordering::Greater,
            (_, Cell::Null) => Ordering::Less,
            (Cell::Date(a), Cell::Date(b)) => a.cmp(b),
            (Cell::Int(a), Cell::Int(b)) => a.cmp(b),
            (Cell::Real(a), Cell::Real(b)) => a.total_cmp(b),
            (a, b) => {
                let (a, b) = (a.to_string(), b.to_string());
                a.to_lowercase()
                    .cmp(&b.to_lowercase())
                    .then_with(|| a.cmp(&b))
            }
        }
    }
}

/// The flat text of a cell, as CSV and tables show it: lists joined with "; ", null empty.
impl fmt::Display for Cell<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Null => Ok(()),
            Cell::Text(s) => f.write_str(s),
            Cell::Date(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            Cell::Int(n) => write!(f, "{n}"),
            Cell::Real(x) => write!(f, "{x}"),
            Cell::List(items) => f.write_str(&items.join(LIST_SEPARATOR)),
            Cell::Sources(sources) => {
                for (i, s) in sources.iter().enumerate() {
                    // A quote that ends a sentence is its own separator: "statement.;" would
                    // read as a typo.
                    let ended = |q: &str| q.trim_end().ends_with(['.', ';', ':', '?', '!']);
                    if i > 0 {
                        let after = &sources[i - 1].quote;
                        f.write_str(if ended(after) { " " } else { LIST_SEPARATOR })?;
                    }
                    write!(f, "{}: {}", s.section, s.quote)?;
                }
                Ok(())
            }
        }
    }
}

/// How arrays are joined in flat formats.
pub const LIST_SEPARATOR: &str = "; ";

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => serializer.serialize_none(),
            Cell::Text(s) => serializer.serialize_str(s),
            Cell::Date(_) => serializer.collect_str(self),
            Cell::Int(n) => serializer.serialize_i64(*n),
            Cell::Real(x) => serializer.serialize_f64(*x),
            Cell::List(items) => items.serialize(serializer),
            Cell::Sources(sources) => {
                let mut seq = serializer.serialize_seq(Some(sources.len()))?;
                for s in sources.iter() {
                    seq.serialize_element(&SourceJson(s))?;
                }
                seq.end()
            }
        }
    }
}

struct SourceJson<'a>(&'a Source);

impl Serialize for SourceJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("section", &self.0.section)?;
        map.serialize_entry("quote", &self.0.quote)?;
        map.end()
    }
}

/// A record seen as named fields.
pub trait Record {
    /// What one record is called in messages ("event", "member", …).
    const NOUN: &'static str;
    /// The plural, for messages ("no events match").
    const PLURAL: &'static str;
    /// Every field, in output order; these are the names users see.
    const FIELDS: &'static [&'static str];
    /// The fields a table shows when `--fields` is not given.
    const BRIEF: &'static [&'static str];
    /// Fields a search does not look in: values from a fixed vocabulary that are not words
    /// of the record (a precision of "day" is not a mention of days).
    const NOT_SEARCHED: &'static [&'static str] = &[];
    /// Whether records of this kind have dates (their default order is by date, the
    /// undated last).
    const DATED: bool = false;
    /// The fields a table wraps at word boundaries (prose); every other field is a token
    /// (an id, a date, a kind) that keeps its width.
    const WRAP: &'static [&'static str];
    /// Fields from the most to the least important: a table too narrow for all of them hides
    /// them from the end of this list. Fields not listed come after those listed.
    const PRIORITY: &'static [&'static str];

    /// The value of `FIELDS[field]`.
    fn cell(&self, field: usize) -> Cell<'_>;

    /// The record's dates, for date filters; `None` for undated records.
    fn span(&self) -> Option<&DateSpan> {
        None
    }

    /// The record's key: its id, or a member's acronym.
    fn key(&self) -> &str;

    /// The default order: by start date (undated last), then by key.
    /// Collections without dates keep report order unless they override this.
    fn default_order(&self, other: &Self) -> Ordering {
        match (self.span(), other.span()) {
            (Some(a), Some(b)) => a.start.cmp(&b.start),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
        .then_with(|| self.key().cmp(other.key()))
    }

    /// The fields a search looks in.
    fn searched() -> impl Iterator<Item = usize> {
        (0..Self::FIELDS.len()).filter(|f| !Self::NOT_SEARCHED.contains(&Self::FIELDS[*f]))
    }

    /// The index of a field by name.
    fn field_index(name: &str) -> Option<usize> {
        Self::FIELDS.iter().position(|f| *f == name)
    }

    /// The field that holds the record's date, the first of `start`, `due`, `year` and
    /// `month` it has: what `--sort date` sorts by and a date filter tests.
    fn date_field() -> Option<usize> {
        ["start", "due", "year", "month"]
            .iter()
            .find_map(|f| Self::field_index(f))
    }

    /// Fields a table keeps to one line, cut with "…" (context, such as a search hit's title).
    const CLIP: &'static [&'static str] = &[];

    /// How a table lays out a field.
    fn flow(field: usize) -> Flow {
        let name = Self::FIELDS[field];
        if Self::CLIP.contains(&name) {
            Flow::Clip
        } else if Self::WRAP.contains(&name) {
            Flow::Wrap
        } else {
            Flow::Token
        }
    }

    /// Where a field stands in `PRIORITY` (0 is the most important).
    fn rank(field: usize) -> usize {
        let name = Self::FIELDS[field];
        Self::PRIORITY
            .iter()
            .position(|p| *p == name)
            .unwrap_or(Self::PRIORITY.len())
    }

    /// How a table shows a field, where that differs from its value: a date as precisely as
    /// the report knows it (`2016` for a record of "2016", which csv and json give as
    /// 2016-01-01 with precision `year`).
    fn shown(&self, field: usize) -> Option<String> {
        let span = self.span()?;
        match Self::FIELDS[field] {
            "start" => Some(span.shown(span.start)),
            "end" => Some(span.shown(span.end)),
            _ => None,
        }
    }

    /// The byte range of a field's text to highlight on a terminal (a search match).
    fn highlight(&self, _field: usize) -> Option<Range<usize>> {
        None
    }
}

/// Defines `FIELDS` and `cell` together, so a field's name and its value cannot drift apart.
macro_rules! fields {
    ($ty:ty, |$r:ident| { $($name:literal => $value:expr),* $(,)? }) => {
        const FIELDS: &'static [&'static str] = &[$($name),*];
        fn cell(&self, field: usize) -> Cell<'_> {
            const GETTERS: &[for<'a> fn(&'a $ty) -> Cell<'a>] = &[$(|$r: &$ty| $value),*];
            GETTERS[field](self)
        }
    };
}

pub(crate) use fields;

/// The flat text of a cell into a reused buffer.
pub fn cell_text(cell: &Cell<'_>, buf: &mut String) {
    buf.clear();
    let _ = write!(buf, "{cell}");
}
