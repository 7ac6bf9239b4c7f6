//! "In this period": the one definition the listings, `search` and `timeline` share.
//!
//! A record known to the day is in a period when its span shares a day with it. A record
//! known only to the month or the year is in a period only when that whole month or year
//! lies inside it: "2016" is in 2016 but not in March 2016, and "February 2016" is not in
//! "since 15 February". Asked to be approximate, a period also takes the records that may
//! fall in it (any overlap).

use chrono::NaiveDate;

use crate::model::{month_bounds, year_bounds, DateSpan, Precision};

/// A month as asked for: of the dataset's report year (`--month 3`), or of a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Month {
    InReportYear(u32),
    Of { year: i32, month: u32 },
}

/// A period as asked for, before the dataset (and so its report year) is known. Every part
/// given narrows it: the months (their union), the year, and the bounds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PeriodSpec {
    pub months: Vec<Month>,
    pub year: Option<i32>,
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
    /// Also take records known only to a month or a year that overlaps the period.
    pub approximate: bool,
}

impl PeriodSpec {
    /// The period, with bare months taken in `report_year`.
    pub fn resolve(&self, report_year: i32) -> Period {
        let mut from = NaiveDate::MIN;
        let mut to = NaiveDate::MAX;
        if let Some((a, b)) = self.year.and_then(year_bounds) {
            (from, to) = (from.max(a), to.min(b));
        }
        if let Some(since) = self.since {
            from = from.max(since);
        }
        if let Some(until) = self.until {
            to = to.min(until);
        }
        let spans = if self.months.is_empty() {
            vec![(from, to)]
        } else {
            self.months
                .iter()
                .filter_map(|m| match *m {
                    Month::InReportYear(month) => month_bounds(report_year, month),
                    Month::Of { year, month } => month_bounds(year, month),
                })
                .map(|(a, b)| (a.max(from), b.min(to)))
                .collect()
        };
        Period::new(spans, self.approximate)
    }
}

/// A period: one or more runs of days (a union), and how records of coarse precision fall
/// in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// Disjoint, in order, with no two adjacent (adjacent runs are merged), none empty.
    spans: Vec<(NaiveDate, NaiveDate)>,
    approximate: bool,
}

impl Period {
    fn new(mut spans: Vec<(NaiveDate, NaiveDate)>, approximate: bool) -> Period {
        spans.retain(|(a, b)| a <= b);
        spans.sort();
        let mut merged: Vec<(NaiveDate, NaiveDate)> = Vec::with_capacity(spans.len());
        for (a, b) in spans {
            match merged.last_mut() {
                Some(last) if last.1 >= a || last.1.succ_opt() == Some(a) => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        Period {
            spans: merged,
            approximate,
        }
    }

    /// One month of one year, as `timeline` counts it (never approximate).
    pub fn month(year: i32, month: u32) -> Option<Period> {
        month_bounds(year, month).map(|span| Period::new(vec![span], false))
    }

    /// Whether a record with these dates is in the period. Undated records never are.
    pub fn matches(&self, span: Option<&DateSpan>) -> bool {
        let Some(span) = span else { return false };
        match span.precision {
            Precision::Day => self.overlaps(span),
            Precision::Month | Precision::Year if self.approximate => self.overlaps(span),
            Precision::Month | Precision::Year => self.holds(span),
        }
    }

    /// Whether a record may fall in the period but is left out because the report knows
    /// it only to the month or the year (what `approximate` would add).
    pub fn only_approximately(&self, span: Option<&DateSpan>) -> bool {
        span.is_some_and(|s| !self.matches(span) && self.overlaps(s))
    }

    fn overlaps(&self, span: &DateSpan) -> bool {
        self.spans
            .iter()
            .any(|&(a, b)| span.start <= b && span.end >= a)
    }

    /// The whole span lies inside the period.
    fn holds(&self, span: &DateSpan) -> bool {
        self.spans
            .iter()
            .any(|&(a, b)| a <= span.start && span.end <= b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn span(a: &str, b: &str, precision: Precision) -> DateSpan {
        DateSpan {
            start: d(a),
            end: d(b),
            precision,
        }
    }

    fn months(months: &[Month]) -> Period {
        PeriodSpec {
            months: months.to_vec(),
            ..Default::default()
        }
        .resolve(2016)
    }

    #[test]
    fn a_bare_month_is_of_the_report_year() {
        let march = months(&[Month::InReportYear(3)]);
        assert!(march.matches(Some(&span("2016-03-08", "2016-03-11", Precision::Day))));
        assert!(!march.matches(Some(&span("2017-03-14", "2017-03-15", Precision::Day))));
        assert!(!march.matches(None));
    }

    #[test]
    fn a_day_span_is_in_every_month_it_touches() {
        let straddle = span("2016-02-29", "2016-03-01", Precision::Day);
        assert!(months(&[Month::InReportYear(2)]).matches(Some(&straddle)));
        assert!(months(&[Month::InReportYear(3)]).matches(Some(&straddle)));
        assert!(!months(&[Month::InReportYear(4)]).matches(Some(&straddle)));
    }

    #[test]
    fn a_month_or_year_is_in_a_period_only_when_it_lies_wholly_inside() {
        let february = span("2016-02-01", "2016-02-29", Precision::Month);
        let year = span("2016-01-01", "2016-12-31", Precision::Year);
        assert!(months(&[Month::InReportYear(2)]).matches(Some(&february)));
        assert!(!months(&[Month::InReportYear(3)]).matches(Some(&year)));
        let since = PeriodSpec {
            since: Some(d("2016-02-15")),
            ..Default::default()
        };
        assert!(!since.resolve(2016).matches(Some(&february)));
        assert!(since.resolve(2016).only_approximately(Some(&february)));
        let approximate = PeriodSpec {
            approximate: true,
            ..since
        };
        assert!(approximate.resolve(2016).matches(Some(&february)));
        let in_2016 = PeriodSpec {
            year: Some(2016),
            ..Default::default()
        };
        assert!(in_2016.resolve(2016).matches(Some(&year)));
        assert!(in_2016.resolve(2016).matches(Some(&february)));
    }

    #[test]
    fn months_are_a_union_and_adjacent_months_hold_a_span_across_them() {
        let both = months(&[
            Month::InReportYear(3),
            Month::Of {
                year: 2016,
                month: 2,
            },
        ]);
        assert!(both.matches(Some(&span("2016-02-01", "2016-02-29", Precision::Month))));
        assert!(both.matches(Some(&span("2016-03-24", "2016-03-24", Precision::Day))));
        assert!(!both.matches(Some(&span("2016-04-11", "2016-04-11", Precision::Day))));
        // Two months side by side hold a record spanning both.
        assert!(both.matches(Some(&span("2016-02-01", "2016-03-31", Precision::Month))));
        let apart = months(&[Month::InReportYear(1), Month::InReportYear(3)]);
        assert!(!apart.matches(Some(&span("2016-01-01", "2016-03-31", Precision::Month))));
    }

    #[test]
    fn parts_intersect() {
        let spec = PeriodSpec {
            months: vec![Month::InReportYear(3)],
            year: Some(2017),
            ..Default::default()
        };
        // March of the report year is not in 2017: nothing matches.
        assert!(!spec.resolve(2016).matches(Some(&span(
            "2016-03-01",
            "2016-03-01",
            Precision::Day
        ))));
        let spec = PeriodSpec {
            since: Some(d("2016-07-01")),
            until: Some(d("2016-12-31")),
            ..Default::default()
        };
        let period = spec.resolve(2016);
        assert!(period.matches(Some(&span("2016-06-30", "2016-07-01", Precision::Day))));
        assert!(!period.matches(Some(&span("2016-06-01", "2016-06-30", Precision::Month))));
    }
}
