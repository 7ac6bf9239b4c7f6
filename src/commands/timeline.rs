//! `gmg timeline`: how many events and statements fall in each month of a year, as a bar
//! chart (text, or SVG) or as rows.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

use crate::cli::{Format, TimelineArgs};
use crate::commands::list::{event_only, location, print, shared, Shape};
use crate::dataset::{self, Origin};
use crate::exit::UsageError;
use crate::filter::{Filter, Period};
use crate::model::{year_bounds, Dataset, DateSpan, Event, Statement};
use crate::output::layout::fill;
use crate::output::svg::{self, Bars, Group};
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

/// Counts for one year: twelve months, and the records of the year that are in no single
/// month (known only to the year, or to a span of months).
struct Year {
    year: i32,
    months: Vec<MonthCount>,
    in_no_month: (usize, usize),
}

pub fn run(data: Option<&Path>, args: &TimelineArgs) -> anyhow::Result<()> {
    let shape = Shape::<MonthCount>::new(&args.output)?;
    let dest = Destination::chart(&args.output, Format::Table)?;
    if matches!(dest.style.format, Format::Table | Format::Svg) {
        // The chart is a chart: its rows are the months, in order, all of them.
        if let Some(option) = args.output.shaping() {
            return Err(UsageError::other(format!(
                "'{option}' shapes rows, and the chart has none; ask for the months as rows with -f csv (or tsv, json, ndjson, markdown)"
            ))
            .into());
        }
    }
    let loaded = dataset::load(&Origin::from_option(data))?;
    let year = args.year.unwrap_or(loaded.report.year);

    // Kind, organiser and group belong to events; a statement passes them through its event.
    let event_only = event_only(Filter::default(), &args.events, &loaded)?;
    let place = location(&loaded, args.events.location.as_deref())?;
    let events = shared::<Event>(&args.text, None, &loaded).contains::<Event>("location", place);
    let statements =
        shared::<Statement>(&args.text, None, &loaded).contains::<Statement>("location", place);

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
        .map(|e| &*e.id)
        .collect();
    let chosen_statements = loaded
        .statements
        .iter()
        .filter(|s| statements.matches(*s) && allowed.contains(&*s.event));
    let counts = tally(
        year,
        chosen_events.iter().filter_map(|e| e.span.as_ref()),
        chosen_statements.map(|s| &s.span),
    );

    match dest.style.format {
        Format::Table => dest.write(|out, style| chart(&counts, style, out)),
        Format::Svg => dest.write(|out, _| svg_chart(&counts, source_line(&loaded), out)),
        _ => print(counts.months.iter().collect(), &shape, dest),
    }
}

/// The chart of the report's year, every event and statement counted, as SVG (what
/// `gmg timeline -f svg` writes).
pub fn year_svg(data: &Dataset, out: &mut dyn Write) -> io::Result<()> {
    let counts = tally(
        data.report.year,
        data.events.iter().filter_map(|e| e.span.as_ref()),
        data.statements.iter().map(|s| &s.span),
    );
    svg_chart(&counts, source_line(data), out)
}

/// The chart's last line: where its counts come from.
fn source_line(data: &Dataset) -> String {
    let report = &data.report;
    format!(
        "Source: {}, {} ({}); gmg {}",
        report.title,
        report.year,
        report.chair,
        env!("CARGO_PKG_VERSION")
    )
}

/// Counts each record in every month of `year` it is in, by the same rule as
/// `--month YYYY-MM` (see `filter::Period`), so the chart and the listings agree.
fn tally<'a>(
    year: i32,
    events: impl Iterator<Item = &'a DateSpan>,
    statements: impl Iterator<Item = &'a DateSpan>,
) -> Year {
    let periods: Vec<(u32, Period)> = (1..=12)
        .filter_map(|m| Period::month(year, m).map(|p| (m, p)))
        .collect();
    let whole_year = year_bounds(year);
    let mut months: Vec<MonthCount> = periods
        .iter()
        .map(|(m, _)| MonthCount {
            month: format!("{year:04}-{m:02}"),
            events: 0,
            statements: 0,
        })
        .collect();
    let mut in_no_month = (0, 0);
    let mut add = |span: &DateSpan, is_event: bool| {
        let mut counted = false;
        for (month, (_, period)) in months.iter_mut().zip(&periods) {
            if period.matches(Some(span)) {
                counted = true;
                if is_event {
                    month.events += 1
                } else {
                    month.statements += 1
                }
            }
        }
        let in_year = whole_year.is_some_and(|(a, b)| span.overlaps(a, b));
        if in_year && !counted {
            if is_event {
                in_no_month.0 += 1
            } else {
                in_no_month.1 += 1
            }
        }
    };
    events.for_each(|s| add(s, true));
    statements.for_each(|s| add(s, false));
    Year {
        year,
        months,
        in_no_month,
    }
}

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The chart as SVG, for a slide or a printed page; `source` is its last line.
fn svg_chart(counts: &Year, source: String, out: &mut dyn Write) -> io::Result<()> {
    let groups: Vec<Group> = MONTH_NAMES
        .iter()
        .zip(&counts.months)
        .map(|(name, m)| Group {
            key: &m.month,
            label: name,
            counts: [m.events, m.statements],
        })
        .collect();
    // Why the bars may add up to more than the records: as the terminal's chart says.
    let mut notes =
        vec!["A record counts in every month its dates overlap (29 February to 1 March: February and March).".to_string()];
    let (events, statements) = counts.in_no_month;
    if events + statements > 0 {
        notes.push(format!(
            "{} and {} of {} are known only to the year, so are in no month.",
            count(events, "event"),
            count(statements, "statement"),
            counts.year
        ));
    }
    notes.push(source);
    let title = format!(
        "Events and statements of the GMG, month by month, {}",
        counts.year
    );
    svg::render(
        &Bars {
            title: &title,
            key_name: "month",
            description: "Bars per month: solid for events, hatched for statements, each with its count. A record known to the day counts in every month its dates overlap, one known to the month in that month.",
            x_label: &format!("Month of {}", counts.year),
            y_label: "Events and statements",
            series: ["events", "statements"],
            groups: &groups,
            notes: &notes,
        },
        out,
    )
}

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
    let (events, statements) = counts.in_no_month;
    let legend = "█ events, ▒ statements: a record known to the day counts in every month its dates overlap, one known to the month in that month.";
    writeln!(out, "{}", fill(legend, style.width))?;
    if events + statements > 0 {
        let in_no_month = format!(
            "Known only to the year {}, so in no month: {} and {}.",
            counts.year,
            count(events, "event"),
            count(statements, "statement")
        );
        writeln!(out, "{}", fill(&in_no_month, style.width))?;
    }
    Ok(())
}
