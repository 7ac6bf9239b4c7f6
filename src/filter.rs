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

/// Search text, folded once: case, typographic quotes and dashes, and runs of whitespace do
/// not matter (see [`fold`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needle(String);

impl Needle {
    pub fn new(text: &str) -> Needle {
        let mut folded = String::with_capacity(text.len());
        fold(text.trim(), |c, _| folded.push(c));
        Needle(folded)
    }

    /// The needle, folded.
    pub fn folded(&self) -> &str {
        &self.0
    }

    /// Whether `haystack` contains the needle, folded alike.
    pub fn found_in(&self, haystack: &str) -> bool {
        find(haystack, self).is_some()
    }

    /// Whether `value` equals the needle, folded alike.
    pub fn equals(&self, value: &str) -> bool {
        if value.is_ascii() && self.0.is_ascii() && !value.contains(char::is_whitespace) {
            return value.eq_ignore_ascii_case(&self.0);
        }
        let mut folded = String::with_capacity(value.len());
        fold(value.trim(), |c, _| folded.push(c));
        folded == self.0
    }
}

/// Text as search compares it, a character at a time with the byte offset it comes from:
/// lower case; ’ ‘ as ' and “ ” as "; en and em dashes (and the minus sign) as -; a run of
/// whitespace as one space.
pub fn fold(text: &str, mut emit: impl FnMut(char, usize)) {
    let mut space = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if !space {
                emit(' ', i);
            }
            space = true;
            continue;
        }
        space = false;
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{02BC}' => emit('\'', i),
            '\u{201C}' | '\u{201D}' | '\u{201F}' => emit('"', i),
            '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}' => emit('-', i),
            c if c.is_ascii() => emit(c.to_ascii_lowercase(), i),
            c => c.to_lowercase().for_each(|l| emit(l, i)),
        }
    }
}

/// The byte range, in `haystack`, of the first match of `needle`, both folded alike.
pub fn find(haystack: &str, needle: &Needle) -> Option<Range<usize>> {
    let needle = needle.folded();
    if needle.is_empty() {
        return Some(0..0);
    }
    // ASCII text has nothing to fold but case and whitespace, and whitespace cannot matter
    // to a needle without a space.
    if haystack.is_ascii() && !needle.contains(' ') {
        let n = needle.len();
        if !needle.is_ascii() || n > haystack.len() {
            return None;
        }
        return haystack
            .as_bytes()
            .windows(n)
            .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
            .map(|i| i..i + n);
    }
    // Folding can change byte lengths, so keep where each folded byte came from.
    let mut folded = String::with_capacity(haystack.len());
    let mut origin = Vec::with_capacity(haystack.len());
    fold(haystack, |c, i| {
        folded.push(c);
        origin.resize(folded.len(), i);
    });
    let at = folded.find(needle)?;
    let last = origin[at + needle.len() - 1];
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
            Cell::Text(s) => section_within(s, needle.folded()),
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

    fn at(haystack: &str, needle: &str) -> Option<Range<usize>> {
        find(haystack, &Needle::new(needle))
    }

    #[test]
    fn case_insensitive_search_finds_unicode_too() {
        assert_eq!(at("The Xenophobia campaign", "xenophobia"), Some(4..14));
        assert!(Needle::new("ÉCOSOC").found_in("un écosoc session"));
        assert_eq!(at("Genève et Zürich", "zürich"), Some(11..18));
        assert_eq!(at("x İstanbul", "i̇stanbul"), Some(2..11));
        assert!(Needle::new("un women").equals("UN Women"));
        assert!(!Needle::new("un").equals("UN Women"));
    }

    #[test]
    fn search_folds_quotes_dashes_and_whitespace_both_ways() {
        let text = "UN Secretary-General’s High-Level Panel on Women’s Economic Empowerment";
        let range = at(text, "women's economic").unwrap();
        assert_eq!(&text[range], "Women’s Economic");
        assert_eq!(at(text, "WOMEN’S  ECONOMIC"), at(text, "women's economic"));
        assert_eq!(
            at("GFMD Summit, 10–12 December", "10-12 december"),
            Some(13..29)
        );
        assert_eq!(
            at("GFMD Summit, 10-12 December", "10–12 december"),
            Some(13..27)
        );
        assert_eq!(at("the “Friends of Migration”", "\"friends"), Some(4..14));
        assert_eq!(at("New\n  York", "new york"), Some(0..10));
        assert_eq!(at("New York", "new\tyork"), Some(0..8));
        assert_eq!(at("New York", "york city"), None);
        assert!(Needle::new(" Women’s  Economic ").equals("women's economic"));
    }
}
