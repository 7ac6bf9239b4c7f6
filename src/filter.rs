//! Predicates over records: date periods (by overlap) and text tests on named fields.
//! Filters combine with AND.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::cli::{DateArgs, Month, TextArgs};
use crate::model::{month_bounds, year_bounds, DateSpan};
use crate::record::{Cell, Record};

/// The period a user asked for. A record matches when its span overlaps it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Period {
    from: NaiveDate,
    to: NaiveDate,
    /// A month of any year (`--month mar`), within `from..=to`.
    month: Option<u32>,
}

impl Period {
    /// The intersection of every date option given, or `None` when none was.
    pub fn from_args(args: &DateArgs) -> Option<Period> {
        let mut period = Period {
            from: NaiveDate::MIN,
            to: NaiveDate::MAX,
            month: None,
        };
        let mut narrow = |bounds: Option<(NaiveDate, NaiveDate)>| {
            if let Some((from, to)) = bounds {
                period.from = period.from.max(from);
                period.to = period.to.min(to);
            }
        };
        narrow(args.year.and_then(year_bounds));
        narrow(args.since.map(|d| (d, NaiveDate::MAX)));
        narrow(args.until.map(|d| (NaiveDate::MIN, d)));
        match args.month {
            Some(Month::Of { year, month }) => narrow(month_bounds(year, month)),
            Some(Month::Any(month)) => period.month = Some(month),
            None => {}
        }
        let given = args.year.is_some()
            || args.since.is_some()
            || args.until.is_some()
            || args.month.is_some();
        given.then_some(period)
    }

    /// Whether an (optional) span overlaps the period. Undated records never match.
    pub fn matches(&self, span: Option<&DateSpan>) -> bool {
        let Some(span) = span else { return false };
        let from = span.start.max(self.from);
        let to = span.end.min(self.to);
        from <= to && self.month.is_none_or(|m| touches_month(from, to, m))
    }
}

/// Whether `from..=to` shares a day with month `m` of any year.
fn touches_month(from: NaiveDate, to: NaiveDate, m: u32) -> bool {
    if (to - from).num_days() >= 366 {
        return true;
    }
    (from.year()..=to.year()).any(|y| month_bounds(y, m).is_some_and(|(a, b)| a <= to && b >= from))
}

/// A case-insensitive needle, lowered once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle(String);

impl Needle {
    pub fn new(text: &str) -> Needle {
        Needle(text.to_lowercase())
    }

    /// The needle, lower-cased.
    pub fn lower(&self) -> &str {
        &self.0
    }

    /// Whether `haystack` contains the needle, ignoring case.
    pub fn found_in(&self, haystack: &str) -> bool {
        find_ci(haystack, &self.0).is_some()
    }

    /// Whether `value` equals the needle, ignoring case.
    pub fn equals(&self, value: &str) -> bool {
        if value.is_ascii() && self.0.is_ascii() {
            value.eq_ignore_ascii_case(&self.0)
        } else {
            value.to_lowercase() == self.0
        }
    }
}

/// The byte range, in `haystack`, of the first case-insensitive match of `lower_needle`
/// (which must already be lower case).
pub fn find_ci(haystack: &str, lower_needle: &str) -> Option<Range<usize>> {
    if lower_needle.is_empty() {
        return Some(0..0);
    }
    if haystack.is_ascii() && lower_needle.is_ascii() {
        let n = lower_needle.len();
        return haystack
            .as_bytes()
            .windows(n)
            .position(|w| w.eq_ignore_ascii_case(lower_needle.as_bytes()))
            .map(|i| i..i + n);
    }
    // Lowering can change byte lengths, so keep where each lowered byte came from.
    let mut lowered = String::with_capacity(haystack.len());
    let mut origin = Vec::with_capacity(haystack.len());
    for (i, c) in haystack.char_indices() {
        for l in c.to_lowercase() {
            lowered.push(l);
            origin.resize(lowered.len(), i);
        }
    }
    let at = lowered.find(lower_needle)?;
    let last = origin[at + lower_needle.len() - 1];
    let end = last + haystack[last..].chars().next().map_or(0, char::len_utf8);
    Some(origin[at]..end)
}

/// One test on a record.
#[derive(Clone, Debug)]
enum Test {
    Dates(Period),
    /// Any text of any field contains the needle.
    Anywhere(Needle),
    /// The field's text contains the needle.
    Contains(usize, Needle),
    /// The field's text, or one item of its list, equals the needle.
    Equals(usize, Needle),
    /// The field is this section or a part of it ("II" matches "II.1").
    Section(usize, Needle),
    Int(usize, i64),
    /// At least one of the tests passes.
    AnyOf(Vec<Test>),
}

/// All the tests a command line asks for, for one record type.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    tests: Vec<Test>,
}

impl Filter {
    /// The date and text filters every collection shares.
    pub fn new<R: Record>(dates: Option<&DateArgs>, text: &TextArgs) -> Filter {
        let mut filter = Filter::default();
        if let Some(period) = dates.and_then(Period::from_args) {
            filter.tests.push(Test::Dates(period));
        }
        if let Some(needle) = &text.search {
            filter.tests.push(Test::Anywhere(Needle::new(needle)));
        }
        if let Some(section) = &text.section {
            filter = filter.with::<R>("section", section, Test::Section);
        }
        filter
    }

    fn with<R: Record>(
        mut self,
        field: &str,
        value: &str,
        test: fn(usize, Needle) -> Test,
    ) -> Filter {
        if let Some(index) = R::field_index(field) {
            self.tests.push(test(index, Needle::new(value)));
        }
        self
    }

    /// Adds: the field contains `value` (any case).
    pub fn contains<R: Record>(self, field: &str, value: Option<&str>) -> Filter {
        match value {
            Some(v) => self.with::<R>(field, v, Test::Contains),
            None => self,
        }
    }

    /// Adds: the field, or an item of it, equals `value` (any case).
    pub fn equals<R: Record>(self, field: &str, value: Option<&str>) -> Filter {
        match value {
            Some(v) => self.with::<R>(field, v, Test::Equals),
            None => self,
        }
    }

    /// Adds: the field equals one of `values` (any case); nothing when `values` is empty.
    pub fn one_of<R: Record>(mut self, field: &str, values: &[&str]) -> Filter {
        if let (Some(index), false) = (R::field_index(field), values.is_empty()) {
            let any = values
                .iter()
                .map(|v| Test::Equals(index, Needle::new(v)))
                .collect();
            self.tests.push(Test::AnyOf(any));
        }
        self
    }

    /// Adds: the integer field equals `value`.
    pub fn int<R: Record>(mut self, field: &str, value: Option<i64>) -> Filter {
        if let (Some(index), Some(v)) = (R::field_index(field), value) {
            self.tests.push(Test::Int(index, v));
        }
        self
    }

    pub fn matches<R: Record>(&self, record: &R) -> bool {
        self.tests.iter().all(|test| passes(test, record))
    }
}

fn passes<R: Record>(test: &Test, record: &R) -> bool {
    match test {
        Test::Dates(period) => period.matches(record.span()),
        Test::Anywhere(needle) => (0..R::FIELDS.len()).any(|f| {
            let mut hit = false;
            record
                .cell(f)
                .each_text(&mut |s| hit = hit || needle.found_in(s));
            hit
        }),
        Test::Contains(f, needle) => {
            let mut hit = false;
            record
                .cell(*f)
                .each_text(&mut |s| hit = hit || needle.found_in(s));
            hit
        }
        Test::Equals(f, needle) => {
            let mut hit = false;
            record
                .cell(*f)
                .each_text(&mut |s| hit = hit || needle.equals(s));
            hit
        }
        Test::Section(f, needle) => match record.cell(*f) {
            Cell::Text(s) => section_within(s, &needle.0),
            _ => false,
        },
        Test::Int(f, value) => record.cell(*f) == Cell::Int(*value),
        Test::AnyOf(tests) => tests.iter().any(|t| passes(t, record)),
    }
}

/// Whether `section` is `wanted` or a part of it: "II.1" is within "II", "Annex B.3"
/// within "Annex B"; "II.1" is not within "I".
fn section_within(section: &str, wanted: &str) -> bool {
    let section = section.to_lowercase();
    match section.strip_prefix(wanted) {
        Some(rest) => {
            rest.is_empty() || rest.starts_with(['.', ' ']) || wanted.ends_with(['.', ' '])
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Precision;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn span(a: &str, b: &str) -> DateSpan {
        DateSpan {
            start: d(a),
            end: d(b),
            precision: Precision::Day,
        }
    }

    #[test]
    fn a_bare_month_matches_any_year_and_both_months_of_a_straddling_span() {
        let feb_mar = span("2016-02-29", "2016-03-01");
        let march = Period::from_args(&DateArgs {
            month: Some(Month::Any(3)),
            ..Default::default()
        })
        .unwrap();
        let february = Period::from_args(&DateArgs {
            month: Some(Month::Any(2)),
            ..Default::default()
        })
        .unwrap();
        let april = Period::from_args(&DateArgs {
            month: Some(Month::Any(4)),
            ..Default::default()
        })
        .unwrap();
        assert!(march.matches(Some(&feb_mar)));
        assert!(february.matches(Some(&feb_mar)));
        assert!(!april.matches(Some(&feb_mar)));
        assert!(march.matches(Some(&span("2017-03-14", "2017-03-15"))));
        assert!(!march.matches(None));
    }

    #[test]
    fn options_intersect() {
        let args = DateArgs {
            year: Some(2016),
            month: Some(Month::Any(3)),
            ..Default::default()
        };
        let period = Period::from_args(&args).unwrap();
        assert!(!period.matches(Some(&span("2015-03-01", "2016-01-05"))));
        assert!(period.matches(Some(&span("2016-03-31", "2016-03-31"))));
        assert_eq!(Period::from_args(&DateArgs::default()), None);
    }

    #[test]
    fn sections_match_whole_parts_only() {
        assert!(section_within("II.1", "ii"));
        assert!(section_within("II.1", "ii.1"));
        assert!(!section_within("II.1", "i"));
        assert!(section_within("Annex B.3", "annex b"));
        assert!(!section_within("Annex B.3", "annex b.33"));
        assert!(!section_within("III", "ii"));
    }

    #[test]
    fn case_insensitive_search_finds_unicode_too() {
        assert_eq!(
            find_ci("The Xenophobia campaign", "xenophobia"),
            Some(4..14)
        );
        assert!(Needle::new("ÉCOSOC").found_in("un écosoc session"));
        assert_eq!(find_ci("Genève et Zürich", "zürich"), Some(11..18));
        assert_eq!(find_ci("x İstanbul", "i̇stanbul"), Some(2..11));
        assert!(Needle::new("un women").equals("UN Women"));
        assert!(!Needle::new("un").equals("UN Women"));
    }
}
