//! Quotes and the report: matching a quote to the text (markup and whitespace aside), the
//! passage a quote comes from, and every cited quote that is not in the report. Shared with
//! the build script, which refuses an embedded dataset whose quotes are not all found.

use super::check::{counts_of, Problem};
use super::parse::placed;
use crate::model::{Dataset, Source};
use crate::text::Echo;

/// The report's text as quotes are matched against it: markdown emphasis, link markup and
/// escapes dropped, every run of whitespace one space.
pub fn normalize(text: &str) -> String {
    let mut plain = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        plain.push_str(&rest[..i]);
        rest = &rest[i + 2..];
        rest = rest.find(')').map_or(rest, |close| &rest[close + 1..]);
    }
    plain.push_str(rest);
    let mut out = String::with_capacity(plain.len());
    let mut chars = plain.chars().peekable();
    let mut space = false;
    while let Some(ch) = chars.next() {
        match ch {
            '*' | '[' => {}
            '\\' if matches!(chars.peek(), Some('(' | ')' | '[' | ']' | '*' | '_')) => {}
            c if c.is_whitespace() => space = !out.is_empty(),
            c => {
                if space {
                    out.push(' ');
                    space = false;
                }
                out.push(c);
            }
        }
    }
    out
}

/// One passage a record cites: what the record is, its place in its list, its id, the
/// section and the quote.
pub struct Citation<'a> {
    pub what: &'static str,
    pub index: usize,
    pub id: &'a str,
    pub section: &'a str,
    pub quote: &'a str,
}

/// Every passage the dataset cites, main quotes and `also` sources alike.
pub fn citations(data: &Dataset) -> Vec<Citation<'_>> {
    fn push<'a>(
        out: &mut Vec<Citation<'a>>,
        (what, index): (&'static str, usize),
        id: &'a str,
        section: &'a str,
        quote: &'a str,
        also: &'a [Source],
    ) {
        out.push(Citation {
            what,
            index,
            id,
            section,
            quote,
        });
        out.extend(also.iter().map(|s| Citation {
            what,
            index,
            id,
            section: &s.section,
            quote: &s.quote,
        }));
    }
    let mut out = Vec::new();
    for (i, e) in data.events.iter().enumerate() {
        push(&mut out, ("event", i), &e.id, &e.section, &e.quote, &e.also);
    }
    for (i, s) in data.statements.iter().enumerate() {
        push(
            &mut out,
            ("statement", i),
            &s.id,
            &s.section,
            &s.quote,
            &s.also,
        );
    }
    for (i, m) in data.members.iter().enumerate() {
        push(
            &mut out,
            ("member", i),
            &m.acronym,
            &m.section,
            &m.quote,
            &m.also,
        );
    }
    for (i, h) in data.handover.iter().enumerate() {
        push(
            &mut out,
            ("handover item", i),
            &h.id,
            &h.section,
            &h.quote,
            &[],
        );
    }
    for (i, g) in data.groups.iter().enumerate() {
        push(&mut out, ("group", i), &g.id, &g.section, &g.quote, &g.also);
    }
    for (i, d) in data.deliverables.iter().enumerate() {
        push(
            &mut out,
            ("deliverable", i),
            &d.id,
            &d.section,
            &d.quote,
            &d.also,
        );
    }
    for (i, e) in data.entities.iter().enumerate() {
        push(
            &mut out,
            ("entity", i),
            &e.acronym,
            &e.section,
            &e.quote,
            &[],
        );
    }
    for (i, o) in data.objectives.iter().enumerate() {
        push(
            &mut out,
            ("objective", i),
            &o.id,
            &o.section,
            &o.quote,
            &o.also,
        );
    }
    for (i, a) in data.accomplishments.iter().enumerate() {
        let (id, section) = (&a.id, &a.section);
        push(
            &mut out,
            ("accomplishment", i),
            id,
            section,
            &a.quote,
            &a.also,
        );
    }
    for (i, p) in data.proposals.iter().enumerate() {
        push(
            &mut out,
            ("proposal", i),
            &p.id,
            &p.section,
            &p.quote,
            &p.also,
        );
    }
    for (i, c) in data.chairs.iter().enumerate() {
        push(&mut out, ("chair", i), &c.id, &c.section, &c.quote, &c.also);
    }
    out
}

/// The paragraph or list item (or a run of up to three) of `report` that holds `quote`,
/// as plain text, or `None` when the quote is not there. The report keeps each paragraph
/// and each list item on one line.
pub fn passage(report: &str, quote: &str) -> Option<String> {
    let quote = normalize(quote);
    let paragraphs: Vec<String> = report
        .lines()
        .map(normalize)
        .filter(|p| !p.is_empty())
        .collect();
    (1..=3).find_map(|run| {
        paragraphs
            .windows(run)
            .map(|w| w.join(" "))
            .find(|text| text.contains(&quote))
    })
}

/// Every cited quote that cannot be found in `report`, as problems placed at the line and
/// column where their records start in `text`, the dataset's text.
pub fn missing_quotes(data: &Dataset, report: &str, text: &str) -> Vec<String> {
    let haystack = normalize(report);
    let problems = citations(data)
        .into_iter()
        .filter(|c| !haystack.contains(&normalize(c.quote)))
        .map(|c| Problem {
            noun: c.what,
            index: c.index,
            message: format!(
                "{} '{}': quote ({}) not found in the report: \"{}\"",
                c.what,
                Echo(c.id),
                Echo(c.section),
                Echo(c.quote)
            ),
        })
        .collect();
    placed(problems, text, &counts_of(data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_drops_markup_and_folds_whitespace() {
        assert_eq!(
            normalize("- 25-26 February 2016: [Statement](#) at the"),
            "- 25-26 February 2016: Statement at the"
        );
        assert_eq!(
            normalize("Food and\n\n  Agriculture (**FAO**)"),
            "Food and Agriculture (FAO)"
        );
        assert_eq!(normalize("work plan \\(MAWP\\)](#)"), "work plan (MAWP)");
    }
}
