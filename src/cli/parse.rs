//! Value parsers for the command line: each checks a value's form and says what is accepted,
//! before any data is read.

use chrono::NaiveDate;

use crate::dataset::parse_iso_date;
use crate::filter::{section_within, Month};
use crate::model::{month_bounds, SECTIONS};
use crate::record::Record;

const MONTH_NAMES: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_EXPECTED: &str =
    "expected 1-12 or a month name such as 'mar' (a month of the report's year), or YYYY-MM";

pub fn parse_month(text: &str) -> Result<Month, String> {
    let t = text.trim();
    if let Some((year, month)) = split_year_month(t, 1..=2) {
        return match month_bounds(year, month) {
            Some(_) => Ok(Month::Of { year, month }),
            None => Err(MONTH_EXPECTED.to_string()),
        };
    }
    if !t.is_empty() && t.len() <= 2 && t.bytes().all(|b| b.is_ascii_digit()) {
        return match t.parse::<u32>() {
            Ok(m @ 1..=12) => Ok(Month::InReportYear(m)),
            _ => Err(MONTH_EXPECTED.to_string()),
        };
    }
    let lower = t.to_lowercase();
    let by_name = MONTH_NAMES.iter().position(|name| {
        lower.len() >= 3 && (name.starts_with(&lower) || (lower == "sept" && *name == "september"))
    });
    by_name
        .map(|i| Month::InReportYear(i as u32 + 1))
        .ok_or_else(|| MONTH_EXPECTED.to_string())
}

/// `YYYY-MM` (or `YYYY-M` when `month_digits` allows one digit) as (year, month number),
/// without checking the month's range.
fn split_year_month(
    text: &str,
    month_digits: std::ops::RangeInclusive<usize>,
) -> Option<(i32, u32)> {
    let (year, month) = text.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if year.len() == 4 && digits(year) && month_digits.contains(&month.len()) && digits(month) {
        Some((year.parse().ok()?, month.parse().ok()?))
    } else {
        None
    }
}

const DATE_EXPECTED: &str = "expected a date YYYY-MM-DD or a month YYYY-MM";

/// A `--since`/`--until` value; a bare month means its first (or last) day.
fn parse_bound(text: &str, first: bool) -> Result<NaiveDate, String> {
    let t = text.trim();
    if let Some((year, month)) = split_year_month(t, 2..=2) {
        let (start, end) = month_bounds(year, month)
            .ok_or_else(|| format!("month {month:02} does not exist; {DATE_EXPECTED}"))?;
        return Ok(if first { start } else { end });
    }
    parse_iso_date(t).map_err(|e| format!("{e}; {DATE_EXPECTED}"))
}

pub fn parse_since(text: &str) -> Result<NaiveDate, String> {
    parse_bound(text, true)
}

pub fn parse_until(text: &str) -> Result<NaiveDate, String> {
    parse_bound(text, false)
}

pub fn parse_year(text: &str) -> Result<i32, String> {
    let t = text.trim();
    match t.parse::<i32>() {
        Ok(year @ 1000..=9999) if t.len() == 4 => Ok(year),
        _ => Err("expected a four-digit year such as 2016".to_string()),
    }
}

/// Search text: anything but nothing (or only whitespace, which would match every record).
pub fn parse_query(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("expected some text to search for".to_string())
    } else {
        Ok(text.to_string())
    }
}

/// A section of the report, or a part of one (`II`, `Annex B`), in any case.
pub fn parse_section(text: &str) -> Result<String, String> {
    let wanted = text.trim().to_lowercase();
    if !wanted.is_empty() && SECTIONS.iter().any(|s| section_within(s, &wanted)) {
        Ok(text.trim().to_string())
    } else {
        Err(format!(
            "expected a section of the report ({}) or a part of one (II, Annex B)",
            SECTIONS.join(", ")
        ))
    }
}

/// A SQL query: any text but none.
pub fn parse_sql(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("expected a SQL query, such as \"select count(*) from statements\"".to_string())
    } else {
        Ok(text.to_string())
    }
}

/// A name, a place or an id to look for: any text but none.
pub fn parse_name(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("expected some text".to_string())
    } else {
        Ok(text.to_string())
    }
}

pub fn parse_limit(text: &str) -> Result<usize, String> {
    let t = text.trim();
    match t.parse::<usize>() {
        Ok(n) if n >= 1 => Ok(n),
        Err(e) if *e.kind() == std::num::IntErrorKind::PosOverflow => Err(format!(
            "the number is too large: a limit is at most {}",
            usize::MAX
        )),
        _ => Err("expected a whole number of at least 1".to_string()),
    }
}

/// Which `R` field `name` names, in any case. For `--sort` (`sort`), `date` is the
/// collection's date field (see [`Record::date_field`]). A name no field has is refused with the
/// nearest field and the list of them.
pub fn parse_field<R: Record>(name: &str, sort: bool) -> Result<usize, String> {
    let wanted = name.trim().to_lowercase();
    if let Some(i) = R::field_index(&wanted) {
        return Ok(i);
    }
    let date = R::date_field();
    if let (true, "date", Some(i)) = (sort, wanted.as_str(), date) {
        return Ok(i);
    }
    let fields = R::FIELDS.join(", ");
    if sort && wanted == "date" {
        return Err(format!(
            "{} have no date to sort by; the {} fields are {fields}",
            R::PLURAL,
            R::NOUN
        ));
    }
    // A date field for `--fields date`; else the nearest name, where it is near enough to
    // be a misspelling of it.
    let nearest = match date {
        Some(i) if wanted == "date" => Some(R::FIELDS[i]),
        _ => crate::suggest::nearest(&wanted, R::FIELDS.iter().copied(), str::to_owned, 1)
            .into_iter()
            .find(|f| {
                f.starts_with(&wanted)
                    || strsim::levenshtein(f, &wanted) <= 2.max(wanted.chars().count() / 3)
            }),
    };
    let (noun, the) = (
        R::NOUN,
        nearest.map_or("the".to_string(), |f| format!("did you mean {f}? The")),
    );
    Err(format!(
        "no {noun} field is called that; {the} {noun} fields are {fields}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::Format;
    use crate::model::EventKind;
    use clap::ValueEnum;

    #[test]
    fn months_parse_every_accepted_form() {
        assert_eq!(parse_month("3"), Ok(Month::InReportYear(3)));
        assert_eq!(parse_month("03"), Ok(Month::InReportYear(3)));
        assert_eq!(parse_month("march"), Ok(Month::InReportYear(3)));
        assert_eq!(parse_month("Mar"), Ok(Month::InReportYear(3)));
        assert_eq!(parse_month("SEPT"), Ok(Month::InReportYear(9)));
        assert_eq!(
            parse_month("2016-3"),
            Ok(Month::Of {
                year: 2016,
                month: 3
            })
        );
        assert_eq!(
            parse_month("2016-03"),
            Ok(Month::Of {
                year: 2016,
                month: 3
            })
        );
        for bad in [
            "0", "13", "smarch", "2016-13", "ma", "", "2016-003", "-1", "003",
        ] {
            assert_eq!(parse_month(bad), Err(MONTH_EXPECTED.to_string()), "{bad}");
        }
    }

    #[test]
    fn bounds_take_months_to_their_first_or_last_day() {
        let d = |s| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
        assert_eq!(parse_since("2016-03"), Ok(d("2016-03-01")));
        assert_eq!(parse_until("2016-02"), Ok(d("2016-02-29")));
        assert_eq!(parse_until("2016-03-05"), Ok(d("2016-03-05")));
        assert_eq!(
            parse_since("2016-02-30"),
            Err("'2016-02-30' is not a real calendar date; expected a date YYYY-MM-DD or a month YYYY-MM".to_string())
        );
        assert!(parse_until("2016-13").is_err());
    }

    #[test]
    fn years_and_limits_reject_nonsense() {
        assert_eq!(parse_year("2016"), Ok(2016));
        assert!(parse_year("16").is_err());
        assert!(parse_year("-2016").is_err());
        assert_eq!(parse_limit("3"), Ok(3));
        assert_eq!(
            parse_limit("99999999999999999999999"),
            Err(format!(
                "the number is too large: a limit is at most {}",
                usize::MAX
            ))
        );
        assert!(parse_limit("0").is_err());
        assert!(parse_limit("-1").is_err());
    }

    proptest::proptest! {
        #[test]
        fn value_parsers_never_panic(text in "\\PC{0,20}|[0-9-]{0,12}|[a-zA-Z]{0,10}") {
            let _ = parse_month(&text);
            let _ = parse_since(&text);
            let _ = parse_until(&text);
            let _ = parse_year(&text);
            let _ = parse_limit(&text);
            let _ = <Format as ValueEnum>::from_str(&text, true);
            let _ = Format::from_extension(&text);
            let _ = <EventKind as ValueEnum>::from_str(&text, false);
        }

        #[test]
        fn accepted_months_are_real(text in "[0-9]{4}-[0-9]{2}|[0-9]{1,2}") {
            match parse_month(&text) {
                Ok(Month::InReportYear(m)) => proptest::prop_assert!((1..=12).contains(&m)),
                Ok(Month::Of { year, month }) => proptest::prop_assert!(month_bounds(year, month).is_some()),
                Err(e) => proptest::prop_assert_eq!(e, MONTH_EXPECTED),
            }
        }
    }
}
