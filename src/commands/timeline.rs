//! `gmg timeline`: how many events and statements fall in each month of a year, as a bar
//! chart or as rows.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

use crate::cli::{Format, TimelineArgs};
use crate::commands::list::{print, Shape};
use crate::dataset::{self, Origin};
use crate::filter::Filter;
use crate::model::{month_bounds, DateSpan, Event, Precision, Statement};
use crate::output::layout::fill;
use crate::output::{count, Destination, Style};
use crate::record::{fields, Cell, Record};

/// One month's counts.
pub struct MonthCount {
    month: String,
    events: i64,
    statements: i64,
}

impl Record for MonthCount {
    const NOUN: &'static str = "month";
    const PLURAL: &'static str = "months";
    const BRIEF: &'static [&'static str] = &["month", "events", "statements"];
    const WRAP: &'static [&'static str] = &[];
    const PRIORITY: &'static [&'static str] = &["month", "events", "statements"];
    fields!(MonthCount, |m| {
        "month" => Cell::Text(&m.month),
        "events" => Cell::Int(m.events),
        "statements" => Cell::Int(m.statements),
    });

    fn key(&self) -> &str {
        &self.month
    }

    fn default_order(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

/// Counts for one year: twelve months, and the records known only to the year.
struct Year {
    year: i32,
    months: Vec<MonthCount>,
    year_only: (usize, usize),
}

pub fn run(data: Option<&Path>, args: &TimelineArgs) -> anyhow::Result<()> {
    let shape = Shape::<MonthCount>::new(&args.output)?;
    let dest = Destination::new(&args.output, Format::Table)?;
    let loaded = dataset::load(&Origin::from_option(data))?;
    let year = args.year.unwrap_or(loaded.report.year);

    // Kind and organiser belong to events; a statement passes them through its event.
    let event_only = Filter::default()
        .one_of::<Event>("kind", &args.events.kinds())
        .equals::<Event>("organizers", args.events.organizer.as_deref());
    let events = Filter::new::<Event>(None, &args.text)
        .contains::<Event>("location", args.events.location.as_deref());
    let statements = Filter::new::<Statement>(None, &args.text)
        .contains::<Statement>("location", args.events.location.as_deref());

    let chosen_events: Vec<&Event> = loaded
        .events
        .iter()
        .filter(|e| events.matches(*e) && event_only.matches(*e))
        .collect();
    // The events a statement may be delivered at, looked up once each.
    let allowed: HashSet<&str> = loaded
        .events
        .iter()
        .filter(|e| event_only.matches(*e))
        .map(|e| e.id.as_str())
        .collect();
    let chosen_statements = loaded
        .statements
        .iter()
        .filter(|s| statements.matches(*s) && allowed.contains(s.event.as_str()));
    let counts = tally(
        year,
        chosen_events.iter().filter_map(|e| e.span.as_ref()),
        chosen_statements.map(|s| &s.span),
    );

    if dest.style.format == Format::Table {
        return dest.write(|out| chart(&counts, &dest.style, out));
    }
    print(counts.months.iter().collect(), &shape, &dest)
}

fn tally<'a>(
    year: i32,
    events: impl Iterator<Item = &'a DateSpan>,
    statements: impl Iterator<Item = &'a DateSpan>,
) -> Year {
    let bounds: Vec<_> = (1..=12).filter_map(|m| month_bounds(year, m)).collect();
    let mut months: Vec<MonthCount> = (1..=12)
        .map(|m| MonthCount {
            month: format!("{year:04}-{m:02}"),
            events: 0,
            statements: 0,
        })
        .collect();
    let mut year_only = (0, 0);
    let mut add = |span: &DateSpan, is_event: bool| {
        let in_year = bounds
            .first()
            .zip(bounds.last())
            .is_some_and(|(a, b)| span.overlaps(a.0, b.1));
        if !in_year {
            return;
        }
        if span.precision == Precision::Year {
            if is_event {
                year_only.0 += 1
            } else {
                year_only.1 += 1
            }
            return;
        }
        for (month, (from, to)) in months.iter_mut().zip(&bounds) {
            if span.overlaps(*from, *to) {
                if is_event {
                    month.events += 1
                } else {
                    month.statements += 1
                }
            }
        }
    };
    events.for_each(|s| add(s, true));
    statements.for_each(|s| add(s, false));
    Year {
        year,
        months,
        year_only,
    }
}

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The widest a bar may be.
const MAX_BAR: usize = 24;
/// What a chart line takes besides its two bars: the month, two counts and the gaps.
const LINE_WITHOUT_BARS: usize = 18;

/// A bar chart: one line per month, events and statements side by side with their counts.
fn chart(counts: &Year, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let max = counts
        .months
        .iter()
        .map(|m| m.events.max(m.statements))
        .max()
        .unwrap_or(0)
        .max(1) as usize;
    let room = style.width.map_or(MAX_BAR, |w| {
        usize::from(w).saturating_sub(LINE_WITHOUT_BARS) / 2
    });
    let bar_width = MAX_BAR.min(max).min(room).max(1);
    let paint = |text: String, code: &str| {
        if style.color {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text
        }
    };
    let bar = |n: i64, glyph: &str| {
        let len = (n as usize * bar_width).div_ceil(max);
        format!("{:<width$}", glyph.repeat(len), width = bar_width)
    };
    writeln!(
        out,
        "{}",
        paint(
            format!("Events and statements by month, {}", counts.year),
            "1"
        )
    )?;
    writeln!(
        out,
        "{:<5}{:<w$}statements",
        "",
        "events",
        w = bar_width + 8
    )?;
    for (name, m) in MONTH_NAMES.iter().zip(&counts.months) {
        let events = paint(bar(m.events, "█"), "36");
        let statements = paint(bar(m.statements, "▒"), "33");
        let line = format!(
            "{name:<5}{:>4} {events}   {:>4} {statements}",
            m.events, m.statements
        );
        writeln!(out, "{}", line.trim_end())?;
    }
    let (events, statements) = counts.year_only;
    let legend = "█ events, ▒ statements: a record counts in every month its dates overlap.";
    writeln!(out, "{}", fill(legend, style.width))?;
    if events + statements > 0 {
        let year_only = format!(
            "Known only to the year {}, so in no month: {} and {}.",
            counts.year,
            count(events, "event"),
            count(statements, "statement")
        );
        writeln!(out, "{}", fill(&year_only, style.width))?;
    }
    Ok(())
}
