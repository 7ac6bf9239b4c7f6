//! `gmg` with no subcommand: what the dataset is, how much it holds, and what to try next.

use std::collections::BTreeSet;

use chrono::Datelike;
use std::io::{self, IsTerminal, Write};
use std::path::Path;

use crate::dataset::{self, Origin};
use crate::model::{Dataset, GroupKind, Status};
use crate::output::layout::{fill, wrap};
use crate::output::{
    count, hidden_note, plain_table, table_width, write_trimmed, Flow, PlainColumn, Sink,
};

/// What to try next: a command and what it answers.
const NEXT: [(&str, &str); 13] = [
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
    (
        "gmg groups",
        "working groups, task forces and their co-chairs",
    ),
    ("gmg deliverables --year 2017", "products due in 2017"),
    ("gmg chairs --year 2017", "who chairs the GMG in 2017"),
    (
        "gmg plan",
        "what the Chair set out to do, what carried it out, what was handed over",
    ),
    ("gmg search xenophobia", "every record that mentions a word"),
    (
        "gmg show s12 --context",
        "one record, with its passage of the report",
    ),
    ("gmg timeline", "the year month by month"),
    (
        "gmg read --uncited",
        "paragraphs of the report no record quotes",
    ),
    ("gmg --help", "every command and option"),
];

/// The collections of the report's intentions, left out of the counts when empty.
const INTENTIONS: [&str; 4] = ["objectives", "accomplishments", "proposals", "chairs"];

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

    for (n, noun, what) in counts(d) {
        // The phrase wraps under itself, beside the count.
        let head = format!("  {n:>4} {noun:<17}");
        let what = match width {
            Some(w) => wrap(
                &what,
                usize::from(w).saturating_sub(head.len()).max(10),
                None,
            )
            .replace('\n', &format!("\n{}", " ".repeat(head.len()))),
            None => what,
        };
        writeln!(out, "{head}{what}")?;
    }
    writeln!(out)?;
    let (cited, total) = dataset::annotate(dataset::REPORT, d).coverage();
    let coverage =
        format!("Records quote {cited} of the report's {total} paragraphs (headings aside).");
    writeln!(out, "{}", fill(&coverage, width))?;
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

/// How many records each collection holds, and what that means in a phrase.
pub fn counts(d: &Dataset) -> Vec<(usize, &'static str, String)> {
    let year = d.report.year;
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
    let (first, last) = (
        d.statements.iter().map(|s| s.span.start).min(),
        d.statements.iter().map(|s| s.span.end).max(),
    );
    let range = first
        .zip(last)
        .map(|(a, b)| format!("{a} to {b}"))
        .unwrap_or_default();
    let added = d.members.iter().filter(|m| m.added == Some(year)).count();
    let chairs: BTreeSet<String> = d.handover.iter().map(|h| h.chairs.join(", ")).collect();
    let kinds = |kind: GroupKind, noun: &str| {
        count(d.groups.iter().filter(|g| g.kind == kind).count(), noun)
    };
    let mut statuses: Vec<String> = Status::ALL
        .iter()
        .map(|s| {
            let n = d
                .deliverables
                .iter()
                .filter(|x| x.status == Some(*s))
                .count();
            format!("{n} {}", s.as_str().replace('-', " "))
        })
        .collect();
    let unstated = d.deliverables.iter().filter(|x| x.status.is_none()).count();
    if unstated > 0 {
        statuses.push(format!("{unstated} not stated"));
    }
    vec![
        (
            d.events.len(),
            "events",
            format!("{years}, {undated} undated"),
        ),
        (d.statements.len(), "statements", range),
        (
            d.members.len(),
            "members",
            format!("{added} admitted in {year}"),
        ),
        (
            d.handover.len(),
            "handover items",
            format!("listed under {}", count(chairs.len(), "Chair heading")),
        ),
        (
            d.groups.len(),
            "groups",
            format!(
                "{}, {}",
                kinds(GroupKind::WorkingGroup, "working group"),
                kinds(GroupKind::TaskForce, "task force")
            ),
        ),
        (d.deliverables.len(), "deliverables", statuses.join(", ")),
        (
            d.objectives.len(),
            "objectives",
            format!(
                "{} and {} planned under them",
                count(
                    d.objectives.iter().filter(|o| o.under.is_none()).count(),
                    "objective"
                ),
                count(
                    d.objectives.iter().filter(|o| o.under.is_some()).count(),
                    "activity"
                )
                .replace("activitys", "activities"),
            ),
        ),
        (
            d.accomplishments.len(),
            "accomplishments",
            "the headlines of section II".to_string(),
        ),
        (
            d.proposals.len(),
            "proposals",
            "entry points for the follow-up to the New York Declaration (Annex C)".to_string(),
        ),
        (d.chairs.len(), "chairs", chairs_phrase(d)),
    ]
    .into_iter()
    // A dataset without the report's intentions (a --data file of events, say) is not
    // told it has none of them.
    .filter(|(n, noun, _)| *n > 0 || !INTENTIONS.contains(noun))
    .collect()
}

/// Who chaired the GMG in which years, as the report gives them: "GMG Chairs 2015 to 2017".
fn chairs_phrase(d: &Dataset) -> String {
    let years: Vec<i32> = (d.chairs.iter())
        .filter(|c| &*c.body == "GMG" && &*c.role == "chair")
        .filter_map(|c| c.span.map(|s| s.start.year()))
        .collect();
    match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(b)) => format!("GMG Chairs {a} to {b}, the troika, the handover"),
        _ => "Chairs, troika, handover".to_string(),
    }
}
