//! Quotes and the report: matching a quote to the text (markup and whitespace aside), the
//! passage a quote comes from, and every cited quote that is not in the report. Shared with
//! the build script, which refuses an embedded dataset whose quotes are not all found.

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

/// One passage a record cites: what the record is, its id, the section and the quote.
pub struct Citation<'a> {
    pub what: &'static str,
    pub id: &'a str,
    pub section: &'a str,
    pub quote: &'a str,
}

/// Every passage the dataset cites, main quotes and `also` sources alike.
pub fn citations(data: &Dataset) -> Vec<Citation<'_>> {
    fn push<'a>(
        out: &mut Vec<Citation<'a>>,
        what: &'static str,
        id: &'a str,
        section: &'a str,
        quote: &'a str,
        also: &'a [Source],
    ) {
        out.push(Citation {
            what,
            id,
            section,
            quote,
        });
        out.extend(also.iter().map(|s| Citation {
            what,
            id,
            section: &s.section,
            quote: &s.quote,
        }));
    }
    let mut out = Vec::new();
    for e in data.events.iter() {
        push(&mut out, "event", &e.id, &e.section, &e.quote, &e.also);
    }
    for s in data.statements.iter() {
        push(&mut out, "statement", &s.id, &s.section, &s.quote, &s.also);
    }
    for m in data.members.iter() {
        push(
            &mut out, "member", &m.acronym, &m.section, &m.quote, &m.also,
        );
    }
    for h in data.handover.iter() {
        push(&mut out, "handover item", &h.id, &h.section, &h.quote, &[]);
    }
    for g in data.groups.iter() {
        push(&mut out, "group", &g.id, &g.section, &g.quote, &g.also);
    }
    for d in data.deliverables.iter() {
        push(
            &mut out,
            "deliverable",
            &d.id,
            &d.section,
            &d.quote,
            &d.also,
        );
    }
    for e in data.entities.iter() {
        push(&mut out, "entity", &e.acronym, &e.section, &e.quote, &[]);
    }
    for o in data.objectives.iter() {
        push(&mut out, "objective", &o.id, &o.section, &o.quote, &o.also);
    }
    for a in data.accomplishments.iter() {
        let (id, section) = (&a.id, &a.section);
        push(&mut out, "accomplishment", id, section, &a.quote, &a.also);
    }
    for p in data.proposals.iter() {
        push(&mut out, "proposal", &p.id, &p.section, &p.quote, &p.also);
    }
    for c in data.chairs.iter() {
        push(&mut out, "chair", &c.id, &c.section, &c.quote, &c.also);
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

/// Every cited quote that cannot be found in `report`, as problems.
pub fn missing_quotes(data: &Dataset, report: &str) -> Vec<String> {
    let haystack = normalize(report);
    citations(data)
        .into_iter()
        .filter(|c| !haystack.contains(&normalize(c.quote)))
        .map(|c| {
            format!(
                "{} '{}': quote ({}) not found in the report: \"{}\"",
                c.what,
                Echo(c.id),
                Echo(c.section),
                Echo(c.quote)
            )
        })
        .collect()
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
