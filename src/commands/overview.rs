//! `gmg` with no subcommand: what the dataset is, how much it holds, and what to try next.

use std::collections::BTreeSet;

use chrono::Datelike;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use crate::dataset::{self, Origin};
use crate::model::Dataset;
use crate::output::layout::fill;
use crate::output::{
    count, hidden_note, plain_table, table_width, write_trimmed, Flow, PlainColumn, Sink,
};

/// What to try next: a command and what it answers.
const NEXT: [(&str, &str); 8] = [
    (
        "gmg statements --month 3",
        "statements delivered in March 2016",
    ),
    (
        "gmg members --added 2016",
        "entities admitted during the year",
    ),
    ("gmg events --location geneva", "what happened in Geneva"),
    (
        "gmg handover --chair escap",
        "issues handed over from the ESCAP Chair",
    ),
    ("gmg search xenophobia", "every record that mentions a word"),
    (
        "gmg show s12 --context",
        "one record, with its passage of the report",
    ),
    ("gmg timeline", "the year month by month"),
    ("gmg --help", "every command and option"),
];

/// A suggestion keeps this much of its description before it is left out.
const NEXT_READABLE: usize = 10;

pub fn run(data: Option<&Path>) -> anyhow::Result<()> {
    let origin = Origin::from_option(data);
    let d = dataset::load(&origin)?;
    let width = table_width(io::stdout().is_terminal());
    let mut hidden = Vec::new();
    Sink::open(None)?.write(|out| {
        hidden = write(&d, &origin, width, out)?;
        Ok(())
    })?;
    if let Some(note) = hidden_note(&hidden, width, "or gmg --help") {
        writeln!(io::stderr(), "{note}")?;
    }
    Ok(())
}

/// The overview; returns what the suggestions left out to fit `width`.
fn write(
    d: &Dataset,
    origin: &Origin,
    width: Option<u16>,
    out: &mut dyn Write,
) -> io::Result<Vec<&'static str>> {
    let r = &d.report;
    let about = format!(
        "gmg: {} ({}), Chair: {}\nReport period {} to {}; data {origin}, drawn from {}\nEvery record names its section of the report and quotes it verbatim.",
        r.title, r.year, r.chair, r.start, r.end, r.source
    );
    writeln!(out, "{}", fill(&about, width))?;
    writeln!(out)?;

    let spans: Vec<_> = d.events.iter().filter_map(|e| e.span).collect();
    let undated = d.events.len() - spans.len();
    let years = match (
        spans.iter().map(|s| s.start.year()).min(),
        spans.iter().map(|s| s.end.year()).max(),
    ) {
        (Some(first), Some(last)) if first == last => format!("dated {first}"),
        (Some(first), Some(last)) => format!("dated {first} to {last}"),
        _ => "none dated".to_string(),
    };
    writeln!(
        out,
        "  {:>4} events          {years}, {undated} undated",
        d.events.len()
    )?;
    let (first, last) = (
        d.statements.iter().map(|s| s.span.start).min(),
        d.statements.iter().map(|s| s.span.end).max(),
    );
    let range = first
        .zip(last)
        .map(|(a, b)| format!("{a} to {b}"))
        .unwrap_or_default();
    writeln!(out, "  {:>4} statements      {range}", d.statements.len())?;
    let added = d.members.iter().filter(|m| m.added == Some(r.year)).count();
    writeln!(
        out,
        "  {:>4} members         {added} admitted in {}",
        d.members.len(),
        r.year
    )?;
    let chairs: BTreeSet<String> = d.handover.iter().map(|h| h.chairs.join(", ")).collect();
    writeln!(
        out,
        "  {:>4} handover items  listed under {}",
        d.handover.len(),
        count(chairs.len(), "Chair heading")
    )?;
    writeln!(out)?;
    writeln!(out, "Try:")?;
    let next: Vec<Vec<String>> = NEXT
        .iter()
        .map(|(command, what)| vec![command.to_string(), what.to_string()])
        .collect();
    let columns = [
        PlainColumn::new("commands", Flow::Token, 0, false),
        PlainColumn::new("what they answer", Flow::Wrap, 1, false),
    ];
    let (table, hidden) = plain_table(&next, &columns, NEXT_READABLE, false, width);
    write_trimmed(out, &table)?;
    Ok(hidden)
}
