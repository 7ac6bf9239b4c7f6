//! `gmg` with no subcommand: what the dataset is, how much it holds, and what to try next.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::Path;

use crate::dataset::{self, Origin};

const NEXT: &str = "\
Try:
  gmg statements --month 3        statements delivered in March 2016
  gmg members --added 2016        entities admitted during the year
  gmg events --kind multi-stakeholder-meeting
  gmg handover --chair escap      issues handed over from the ESCAP Chair
  gmg search xenophobia           every record that mentions a word
  gmg show s12 --context          one record, with its passage of the report
  gmg timeline                    the year month by month
  gmg --help                      every command and option";

pub fn run(data: Option<&Path>) -> anyhow::Result<()> {
    let origin = Origin::from_option(data);
    let d = dataset::load(&origin)?;
    let r = &d.report;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    writeln!(out, "gmg: {} ({}), Chair: {}", r.title, r.year, r.chair)?;
    writeln!(
        out,
        "Report period {} to {}; data {origin}, drawn from {}",
        r.start, r.end, r.source
    )?;
    writeln!(
        out,
        "Every record names its section of the report and quotes it verbatim."
    )?;
    writeln!(out)?;

    let spans: Vec<_> = d.events.iter().filter_map(|e| e.span).collect();
    let undated = d.events.len() - spans.len();
    let years = match (
        spans.iter().map(|s| s.start).min(),
        spans.iter().map(|s| s.end).max(),
    ) {
        (Some(first), Some(last)) => {
            format!("dated {} to {}", first.format("%Y"), last.format("%Y"))
        }
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
        "  {:>4} handover items  listed under {} Chair headings",
        d.handover.len(),
        chairs.len()
    )?;
    writeln!(out)?;
    writeln!(out, "{NEXT}")?;
    out.flush()?;
    Ok(())
}
