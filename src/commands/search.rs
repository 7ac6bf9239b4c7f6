//! `gmg search TEXT`: one row per record, in any collection, that mentions TEXT, with a
//! snippet around the first mention.

use std::ops::Range;
use std::path::Path;

use crate::cli::{Collection, Format, SearchArgs};
use crate::commands::list::{note_approximate, print, Shape};
use crate::dataset::{self, Origin};
use crate::filter::{find, Needle, Period};
use crate::model::DateSpan;
use crate::output::Destination;
use crate::record::{fields, Cell, Record};

/// One matching record.
pub struct Hit<'a> {
    kind: Collection,
    key: &'a str,
    span: Option<DateSpan>,
    title: &'a str,
    /// The field the snippet comes from.
    field: &'static str,
    snippet: String,
    /// Where the match is in the snippet.
    mark: Range<usize>,
    section: &'a str,
    /// Position in the default order: collections in turn, each in its own order.
    rank: usize,
}

impl Record for Hit<'_> {
    const NOUN: &'static str = "match";
    const PLURAL: &'static str = "records";
    const BRIEF: &'static [&'static str] = &["kind", "id", "start", "title", "snippet"];
    const WRAP: &'static [&'static str] = &["snippet"];
    const CLIP: &'static [&'static str] = &["title"];
    const PRIORITY: &'static [&'static str] = &[
        "id", "snippet", "kind", "start", "title", "end", "field", "section",
    ];
    fields!(Hit<'_>, |h| {
        "kind" => Cell::Text(h.kind.as_str()),
        "id" => Cell::Text(h.key),
        "start" => h.span.map_or(Cell::Null, |s| Cell::Date(s.start)),
        "end" => h.span.map_or(Cell::Null, |s| Cell::Date(s.end)),
        "title" => Cell::Text(h.title),
        "field" => Cell::Text(h.field),
        "snippet" => Cell::Text(&h.snippet),
        "section" => Cell::Text(h.section),
    });

    fn span(&self) -> Option<&DateSpan> {
        self.span.as_ref()
    }

    fn key(&self) -> &str {
        self.key
    }

    fn default_order(&self, other: &Self) -> std::cmp::Ordering {
        self.rank.cmp(&other.rank)
    }

    fn highlight(&self, field: usize) -> Option<Range<usize>> {
        (Self::FIELDS[field] == "snippet").then(|| self.mark.clone())
    }
}

pub fn run(data: Option<&Path>, args: &SearchArgs) -> anyhow::Result<()> {
    let shape = Shape::<Hit>::new(&args.output)?;
    let dest = Destination::new(&args.output, Format::Table)?;
    let period = args.dates.period()?;
    let loaded = dataset::load(&Origin::from_option(data))?;
    let finder = Finder {
        needle: Needle::new(&args.text.join(" ")),
        period: period.map(|p| p.resolve(loaded.report.year)),
    };
    let wanted = |c: Collection| args.kind.is_empty() || args.kind.contains(&c);
    let mut hits = Vec::new();
    let mut approximate = 0;
    if wanted(Collection::Event) {
        approximate += finder.collect(&loaded.events, Collection::Event, "title", &mut hits);
    }
    if wanted(Collection::Statement) {
        approximate += finder.collect(
            &loaded.statements,
            Collection::Statement,
            "title",
            &mut hits,
        );
    }
    if wanted(Collection::Member) {
        finder.collect(&loaded.members, Collection::Member, "name", &mut hits);
    }
    if wanted(Collection::Handover) {
        finder.collect(&loaded.handover, Collection::Handover, "text", &mut hits);
    }
    if wanted(Collection::Group) {
        finder.collect(&loaded.groups, Collection::Group, "name", &mut hits);
    }
    if wanted(Collection::Deliverable) {
        approximate += finder.collect(
            &loaded.deliverables,
            Collection::Deliverable,
            "title",
            &mut hits,
        );
    }
    if wanted(Collection::Objective) {
        finder.collect(
            &loaded.objectives,
            Collection::Objective,
            "title",
            &mut hits,
        );
    }
    if wanted(Collection::Accomplishment) {
        let accomplishments = &loaded.accomplishments;
        finder.collect(
            accomplishments,
            Collection::Accomplishment,
            "title",
            &mut hits,
        );
    }
    if wanted(Collection::Proposal) {
        finder.collect(&loaded.proposals, Collection::Proposal, "title", &mut hits);
    }
    if wanted(Collection::Chair) {
        approximate += finder.collect(&loaded.chairs, Collection::Chair, "role", &mut hits);
    }
    let (format, width) = (dest.style.format, dest.style.width);
    print(hits.iter().collect(), &shape, dest)?;
    note_approximate(approximate, "record", format, width)
}

struct Finder {
    needle: Needle,
    period: Option<Period>,
}

impl Finder {
    /// Adds a hit for every record of one collection that matches, in the collection's
    /// order. Returns how many more mention the text but are left out of the period only
    /// because their dates are known to the month or year.
    fn collect<'a, R: Record>(
        &self,
        records: &'a [R],
        kind: Collection,
        title: &str,
        hits: &mut Vec<Hit<'a>>,
    ) -> usize {
        let mut approximate = 0;
        let mut sorted: Vec<&R> = records.iter().collect();
        sorted.sort_by(|a, b| a.default_order(b));
        let title = R::field_index(title).unwrap_or(0);
        let section = R::field_index("section").unwrap_or(0);
        for record in sorted {
            let period = self.period.as_ref();
            if period.is_some_and(|p| !p.matches(record.span())) {
                let may = period.is_some_and(|p| p.only_approximately(record.span()));
                if may && self.first_mention(record).is_some() {
                    approximate += 1;
                }
                continue;
            }
            let Some((field, (snippet, mark))) = self.first_mention(record) else {
                continue;
            };
            let text = |f| match record.cell(f) {
                Cell::Text(s) => s,
                _ => "",
            };
            hits.push(Hit {
                kind,
                key: record.key(),
                span: record.span().copied(),
                title: text(title),
                field,
                snippet,
                mark,
                section: text(section),
                rank: hits.len(),
            });
        }
        approximate
    }

    /// The first field that mentions the needle (the key last, since it is shown anyway),
    /// and a snippet around the mention.
    fn first_mention<R: Record>(
        &self,
        record: &R,
    ) -> Option<(&'static str, (String, Range<usize>))> {
        let order = R::searched().filter(|&f| f != 0).chain(std::iter::once(0));
        order.into_iter().find_map(|f| {
            let mut found = None;
            record.cell(f).each_text(&mut |text| {
                if found.is_none() {
                    found = find(text, &self.needle).map(|range| snippet(text, range));
                }
            });
            found.map(|s| (R::FIELDS[f], s))
        })
    }
}

/// How many characters of context a snippet keeps on each side of the match.
const CONTEXT_CHARS: usize = 40;

/// The match with some context on each side, on one line (runs of whitespace as one
/// space), and where the match is in it.
pub fn snippet(text: &str, range: Range<usize>) -> (String, Range<usize>) {
    let before = &text[..range.start];
    let after = &text[range.end..];
    let cut_before = before
        .char_indices()
        .rev()
        .nth(CONTEXT_CHARS - 1)
        .map(|(i, _)| i);
    let cut_after = after.char_indices().nth(CONTEXT_CHARS).map(|(i, _)| i);
    // Where text is cut, drop the broken word too.
    let before = match cut_before {
        Some(i) => {
            let kept = &before[i..];
            kept.find(' ').map_or(kept, |sp| &kept[sp + 1..])
        }
        None => before,
    };
    let after = match cut_after {
        Some(i) => {
            let kept = &after[..i];
            kept.rfind(' ').map_or(kept, |sp| &kept[..sp])
        }
        None => after,
    };
    let mut out = OneLine::default();
    if cut_before.is_some() {
        out.push("…");
    }
    out.push(before);
    out.push("");
    let start = out.text.len() + usize::from(out.space && !out.text.is_empty());
    out.push(&text[range]);
    let end = out.text.len();
    out.push(after);
    if cut_after.is_some() {
        out.push("…");
    }
    let start = start.min(end);
    (out.text, start..end)
}

/// Text on one line: runs of whitespace as one space, none at the start or the end.
#[derive(Default)]
struct OneLine {
    text: String,
    /// Whitespace is pending: a space goes in before the next character.
    space: bool,
}

impl OneLine {
    fn push(&mut self, piece: &str) {
        for c in piece.chars() {
            if c.is_whitespace() {
                self.space = true;
                continue;
            }
            if std::mem::take(&mut self.space) && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.text.push(c);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_keep_context_and_mark_cuts() {
        let text = "a".repeat(50) + "NEEDLE" + &"b".repeat(50);
        let (s, mark) = snippet(&text, 50..56);
        assert_eq!(s, format!("…{}NEEDLE{}…", "a".repeat(40), "b".repeat(40)));
        assert_eq!(&s[mark], "NEEDLE");
        assert_eq!(
            snippet("short NEEDLE text", 6..12),
            ("short NEEDLE text".to_string(), 6..12)
        );
        let words = "one two three four five six seven eight nine ten NEEDLE ten nine eight seven six five four three two one";
        assert_eq!(
            snippet(words, 49..55).0,
            "…four five six seven eight nine ten NEEDLE ten nine eight seven six five four…"
        );
        assert_eq!(
            snippet("x\nNEEDLE\ny", 2..8),
            ("x NEEDLE y".to_string(), 2..8)
        );
        assert_eq!(
            snippet("large\n  movements of", 0..17),
            ("large movements of".to_string(), 0..15)
        );
        assert_eq!(snippet("NEEDLE", 0..6), ("NEEDLE".to_string(), 0..6));
    }
}
