//! `gmg read [SECTION]`: the bundled report paragraph by paragraph, each with the records
//! that quote it; `--uncited`, only the paragraphs no record quotes. The paragraphs and the
//! rule for "quotes" are the dataset's (`dataset::annotate`).

use std::cmp::Ordering;
use std::io::{self, Write};
use std::path::Path;

use crate::cli::{Format, ReadArgs};
use crate::commands::list::{print, Shape};
use crate::dataset::{self, Origin, Paragraph, REPORT};
use crate::exit::UsageError;
use crate::filter::section_within;
use crate::output::layout::{fill, wrap};
use crate::output::{count, Destination, Style};
use crate::record::{fields, Cell, Record};

/// One paragraph as a row, known by its number.
pub struct Row<'a> {
    paragraph: &'a Paragraph,
    number: String,
}

impl Record for Row<'_> {
    const NOUN: &'static str = "paragraph";
    const PLURAL: &'static str = "paragraphs";
    const BRIEF: &'static [&'static str] = &["section", "number", "text", "records"];
    const WRAP: &'static [&'static str] = &["text", "records"];
    const PRIORITY: &'static [&'static str] =
        &["number", "text", "records", "section", "kind", "line"];
    fields!(Row<'_>, |r| {
        "section" => Cell::Text(r.paragraph.section),
        "number" => Cell::Int(r.paragraph.number as i64),
        "kind" => Cell::Text(if r.paragraph.heading { "heading" } else { "paragraph" }),
        "text" => Cell::Text(&r.paragraph.text),
        "records" => Cell::List(&r.paragraph.records),
        "line" => Cell::Int(r.paragraph.line as i64),
    });

    fn key(&self) -> &str {
        &self.number
    }

    fn default_order(&self, other: &Self) -> Ordering {
        self.paragraph.number.cmp(&other.paragraph.number)
    }
}

pub fn run(data: Option<&Path>, args: &ReadArgs) -> anyhow::Result<()> {
    let shape = Shape::<Row>::new(&args.output)?;
    let dest = Destination::new(&args.output, Format::Table)?;
    let reading = dest.style.format == Format::Table;
    if reading {
        // The text is read in the report's order, whole: its paragraphs are not rows.
        if let Some(option) = args.output.shaping() {
            return Err(UsageError::other(format!(
                "'{option}' shapes rows, and the text has none; ask for the paragraphs as rows with -f csv (or tsv, json, ndjson, markdown)"
            ))
            .into());
        }
    }
    let loaded = dataset::load(&Origin::from_option(data))?;
    let annotated = dataset::annotate(REPORT, &loaded);
    let wanted = args.section.as_deref().map(|s| s.trim().to_lowercase());
    let in_section: Vec<&Paragraph> = annotated
        .paragraphs
        .iter()
        .filter(|p| {
            wanted
                .as_deref()
                .is_none_or(|w| section_within(p.section, w))
        })
        .collect();
    let shown: Vec<&Paragraph> = in_section
        .iter()
        .copied()
        .filter(|p| !args.uncited || (!p.heading && p.records.is_empty()))
        .collect();
    if !reading {
        let rows: Vec<Row> = shown
            .iter()
            .map(|p| Row {
                paragraph: p,
                number: p.number.to_string(),
            })
            .collect();
        return print(rows.iter().collect(), &shape, dest);
    }
    let text = in_section.iter().filter(|p| !p.heading);
    let total = text.clone().count();
    let cited = text.filter(|p| !p.records.is_empty()).count();
    let name = args
        .section
        .as_deref()
        .map(|s| section_name(s, &in_section));
    let summary = summary(cited, total, name, args.uncited);
    let width = dest.style.width;
    if shown.is_empty() {
        // Nothing on stdout (or in the -o file), as for an empty table; the summary says why.
        dest.write(|_, _| Ok(()))?;
        writeln!(io::stderr(), "{}", fill(&summary, width))?;
    } else {
        dest.write(|out, style| {
            page(&shown, style, out)?;
            writeln!(out)?;
            writeln!(out, "{}", fill(&summary, style.width))
        })?;
    }
    if annotated.not_found > 0 {
        let note = format!(
            "note: {} of the dataset {} not in the report, so no paragraph shows {}; gmg validate lists {}",
            count(annotated.not_found, "quote"),
            if annotated.not_found == 1 { "is" } else { "are" },
            if annotated.not_found == 1 { "its record" } else { "their records" },
            if annotated.not_found == 1 { "it" } else { "them" },
        );
        writeln!(io::stderr(), "{}", fill(&note, width))?;
    }
    Ok(())
}

/// The section asked for as the report writes it: `ii.4` is II.4, `annex b` Annex B.
fn section_name<'a>(asked: &'a str, paragraphs: &[&Paragraph]) -> &'a str {
    let asked = asked.trim();
    paragraphs
        .iter()
        .find_map(|p| p.section.get(..asked.len()))
        .filter(|name| name.eq_ignore_ascii_case(asked))
        .unwrap_or(asked)
}

/// What the reading says at its end: how much of what it covers records quote.
fn summary(cited: usize, total: usize, section: Option<&str>, uncited: bool) -> String {
    let of = match section {
        Some(s) => format!("of {s}"),
        None => "of the report".to_string(),
    };
    let all = match total {
        1 => format!("the one paragraph {of}"),
        n => format!("all {n} paragraphs {of}"),
    };
    let some = |n: usize| format!("{n} of the {total} paragraphs {of}");
    if cited == total {
        format!("Records quote {all} (headings aside).")
    } else if cited == 0 {
        format!("No record quotes {all} (headings aside).")
    } else if uncited {
        format!("No record quotes {} (headings aside).", some(total - cited))
    } else {
        format!(
            "Records quote {} (headings aside); gmg read --uncited lists the others.",
            some(cited)
        )
    }
}

/// The paragraphs as text to read: a rule with the section's name where a section begins,
/// then each paragraph beside its number, wrapped to the width, with the ids of the records
/// that quote it under it. Headings are bold on a terminal.
fn page(paragraphs: &[&Paragraph], style: &Style, out: &mut dyn Write) -> io::Result<()> {
    let digits = paragraphs
        .iter()
        .map(|p| p.number.to_string().len())
        .max()
        .unwrap_or(1);
    let indent = " ".repeat(digits + 2);
    // The text gets what the number leaves, but never less than a readable measure.
    let room = style
        .width
        .map(|w| usize::from(w).saturating_sub(indent.len()).max(20));
    let paint = |text: &str, code: &str| {
        if style.color {
            format!("\u{1b}[{code}m{text}\u{1b}[0m")
        } else {
            text.to_string()
        }
    };
    // Each line of `text`, wrapped to the room and painted on its own (a style must not run
    // past the end of a line into the next one's indent).
    let lines = |text: &str, code: Option<&str>| -> Vec<String> {
        let wrapped = match room {
            Some(room) => wrap(text, room, None),
            None => text.to_string(),
        };
        wrapped
            .split('\n')
            .map(|l| code.map_or_else(|| l.to_string(), |c| paint(l, c)))
            .collect()
    };
    let mut section = None;
    for (i, p) in paragraphs.iter().enumerate() {
        if section != Some(p.section) {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "{}", paint(&format!("── {} ──", p.section), "1"))?;
            section = Some(p.section);
        }
        writeln!(out)?;
        let text = lines(&p.text, p.heading.then_some("1"));
        for (l, line) in text.iter().enumerate() {
            if l == 0 {
                writeln!(out, "{:>digits$}  {line}", p.number)?;
            } else {
                writeln!(out, "{indent}{line}")?;
            }
        }
        if !p.records.is_empty() {
            let ids = format!("↳ {}", p.records.join(", "));
            for line in lines(&ids, Some("36")) {
                writeln!(out, "{indent}{line}")?;
            }
        }
    }
    Ok(())
}
