//! `gmg show ID`: one record, every field, where it comes from in the report, and the
//! records linked to it.

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::bail;
use serde_json::{json, Value};

use crate::cli::{CardFormat, Collection, ShowArgs};
use crate::dataset::{self, passage, Origin, REPORT};
use crate::model::{Dataset, DateSpan, Event, Handover, Member, Source, Statement};
use crate::output::{hidden_note, plain_table, write_trimmed, Flow, PlainColumn, Sink};
use crate::record::{JsonRow, Record};
use crate::text::Echo;

/// A record found by id.
enum Found<'a> {
    Event(&'a Event),
    Statement(&'a Statement),
    Member(&'a Member),
    Handover(&'a Handover),
}

/// A record linked to the one shown.
struct Link<'a> {
    relation: &'static str,
    kind: Collection,
    id: &'a str,
    span: Option<DateSpan>,
    title: &'a str,
}

impl<'a> Link<'a> {
    fn event(relation: &'static str, e: &'a Event) -> Link<'a> {
        Link {
            relation,
            kind: Collection::Event,
            id: &e.id,
            span: e.span,
            title: &e.title,
        }
    }

    fn statement(relation: &'static str, s: &'a Statement) -> Link<'a> {
        Link {
            relation,
            kind: Collection::Statement,
            id: &s.id,
            span: Some(s.span),
            title: &s.title,
        }
    }

    fn member(relation: &'static str, m: &'a Member) -> Link<'a> {
        Link {
            relation,
            kind: Collection::Member,
            id: &m.acronym,
            span: None,
            title: &m.name,
        }
    }

    fn handover(relation: &'static str, h: &'a Handover) -> Link<'a> {
        Link {
            relation,
            kind: Collection::Handover,
            id: &h.id,
            span: None,
            title: &h.text,
        }
    }
}

pub fn run(data: Option<&Path>, args: &ShowArgs) -> anyhow::Result<()> {
    let loaded = dataset::load(&Origin::from_option(data))?;
    let Some(found) = find(&loaded, &args.id) else {
        let nearest = nearest_keys(&loaded, &args.id);
        bail!(
            "no record has the id '{}'; the nearest are: {}\nTo find the records that mention it: gmg search {}",
            Echo(&args.id),
            nearest.join(", "),
            shell_word(&args.id)
        );
    };
    let card = match found {
        Found::Event(e) => Card::new(Collection::Event, e, links_of_event(&loaded, e), &e.also),
        Found::Statement(s) => Card::new(
            Collection::Statement,
            s,
            links_of_statement(&loaded, s),
            &s.also,
        ),
        Found::Member(m) => Card::new(Collection::Member, m, links_of_member(&loaded, m), &m.also),
        Found::Handover(h) => {
            Card::new(Collection::Handover, h, links_of_handover(&loaded, h), &[])
        }
    };
    let sink = Sink::open(None)?;
    if args.format == CardFormat::Json {
        return sink.write(|out| {
            serde_json::to_writer_pretty(&mut *out, &card.json(args.context))?;
            writeln!(out)
        });
    }
    let terminal = io::stdout().is_terminal();
    let color = crate::output::use_color(args.color, terminal);
    let width = crate::output::table_width(terminal);
    let mut hidden = Vec::new();
    sink.write(|out| {
        hidden = card.write_text(out, args.context, color, width)?;
        Ok(())
    })?;
    if let Some(note) = hidden_note(&hidden, width, "or -f json") {
        writeln!(io::stderr(), "{note}")?;
    }
    Ok(())
}

/// `text` as one word for a shell: quoted when it holds anything but letters, digits and
/// `-._`.
fn shell_word(text: &str) -> String {
    if !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || "-._".contains(c))
    {
        Echo(text).to_string()
    } else {
        format!("'{}'", Echo(&text.replace('\'', "'\\''")))
    }
}

fn find<'a>(data: &'a Dataset, id: &str) -> Option<Found<'a>> {
    let is = |key: &str| key.eq_ignore_ascii_case(id) || key.to_lowercase() == id.to_lowercase();
    None.or_else(|| data.events.iter().find(|e| is(&e.id)).map(Found::Event))
        .or_else(|| {
            data.statements
                .iter()
                .find(|s| is(&s.id))
                .map(Found::Statement)
        })
        .or_else(|| {
            data.members
                .iter()
                .find(|m| is(&m.acronym))
                .map(Found::Member)
        })
        .or_else(|| {
            data.handover
                .iter()
                .find(|h| is(&h.id))
                .map(Found::Handover)
        })
}

/// Up to five keys nearest to `id`: those that start with it first, then by edit distance.
fn nearest_keys<'a>(data: &'a Dataset, id: &str) -> Vec<&'a str> {
    let wanted = id.to_lowercase();
    let keys = data
        .events
        .iter()
        .map(|e| &*e.id)
        .chain(data.statements.iter().map(|s| &*s.id))
        .chain(data.members.iter().map(|m| &*m.acronym))
        .chain(data.handover.iter().map(|h| &*h.id));
    let mut scored: Vec<(usize, &str)> = keys
        .map(|k| {
            let lower = k.to_lowercase();
            let score = if lower.starts_with(&wanted) {
                0
            } else {
                1 + strsim::levenshtein(&lower, &wanted)
            };
            (score, k)
        })
        .collect();
    scored.sort();
    scored.into_iter().take(5).map(|(_, k)| k).collect()
}

fn links_of_statement<'a>(data: &'a Dataset, s: &Statement) -> Vec<Link<'a>> {
    data.events
        .iter()
        .filter(|e| e.id == s.event)
        .map(|e| Link::event("delivered at", e))
        .collect()
}

fn links_of_event<'a>(data: &'a Dataset, e: &Event) -> Vec<Link<'a>> {
    data.statements
        .iter()
        .filter(|s| s.event == e.id)
        .map(|s| Link::statement("statement delivered here", s))
        .collect()
}

fn links_of_member<'a>(data: &'a Dataset, m: &Member) -> Vec<Link<'a>> {
    let is_member =
        |name: &str| name.eq_ignore_ascii_case(&m.acronym) || name.eq_ignore_ascii_case(&m.name);
    let organised = data
        .events
        .iter()
        .filter(|e| e.organizers.iter().any(|o| is_member(o)));
    let stated = data.statements.iter().filter(|s| {
        [
            Some(&s.title),
            Some(&s.quote),
            s.note.as_ref(),
            s.location.as_ref(),
        ]
        .into_iter()
        .flatten()
        .any(|t| names(m, t))
    });
    let handed = data
        .handover
        .iter()
        .filter(|h| h.chairs.iter().any(|c| is_member(c)) || names(m, &h.text));
    organised
        .map(|e| Link::event("organised by this member", e))
        .chain(stated.map(|s| Link::statement("names this member", s)))
        .chain(handed.map(|h| {
            let relation = if h.chairs.iter().any(|c| is_member(c)) {
                "listed under this member as Chair"
            } else {
                "names this member"
            };
            Link::handover(relation, h)
        }))
        .collect()
}

fn links_of_handover<'a>(data: &'a Dataset, h: &Handover) -> Vec<Link<'a>> {
    data.members
        .iter()
        .filter(|m| h.chairs.iter().any(|c| c.eq_ignore_ascii_case(&m.acronym)))
        .map(|m| Link::member("Chair this item is listed under", m))
        .collect()
}

/// Whether `text` names the member: its acronym as a whole word (exact case, so "WHO" is
/// not "who"), or its full name in any case.
fn names(m: &Member, text: &str) -> bool {
    let word = |s: &str| s.chars().next().is_none_or(|c| !c.is_alphanumeric());
    let by_acronym = text.match_indices(&*m.acronym).any(|(i, a)| {
        word(&text[i + a.len()..])
            && text[..i]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    });
    by_acronym || text.to_lowercase().contains(&m.name.to_lowercase())
}

/// Everything `show` prints about one record.
struct Card<'a> {
    kind: Collection,
    key: &'a str,
    fields: Vec<(&'static str, String)>,
    record: Value,
    links: Vec<Link<'a>>,
    sources: Vec<Source>,
}

impl<'a> Card<'a> {
    fn new<R: Record>(
        kind: Collection,
        record: &'a R,
        mut links: Vec<Link<'a>>,
        also: &[Source],
    ) -> Card<'a> {
        // Grouped by relation (in the order relations first appear), each group in date
        // order, undated last.
        let relations: Vec<&str> = links.iter().map(|l| l.relation).collect();
        let group = |l: &Link<'_>| relations.iter().position(|r| *r == l.relation);
        links.sort_by(|a, b| {
            group(a)
                .cmp(&group(b))
                .then_with(
                    || match (a.span.map(|s| s.start), b.span.map(|s| s.start)) {
                        (Some(x), Some(y)) => x.cmp(&y),
                        (Some(_), None) => std::cmp::Ordering::Less,
                        (None, Some(_)) => std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    },
                )
                .then_with(|| a.id.cmp(b.id))
        });
        let all: Vec<usize> = (0..R::FIELDS.len()).collect();
        let fields = all
            .iter()
            .map(|&f| (R::FIELDS[f], record.cell(f).to_string()))
            .collect();
        let json = serde_json::to_value(JsonRow {
            record,
            fields: &all,
        })
        .unwrap_or(Value::Null);
        let text = |name: &str| {
            R::field_index(name)
                .map(|f| record.cell(f).to_string())
                .unwrap_or_default()
        };
        let mut sources = vec![Source {
            section: text("section").into(),
            quote: text("quote").into(),
        }];
        sources.extend(also.iter().cloned());
        Card {
            kind,
            key: record.key(),
            fields,
            record: json,
            links,
            sources,
        }
    }

    fn json(&self, context: bool) -> Value {
        let links: Vec<Value> = self
            .links
            .iter()
            .map(|l| json!({"relation": l.relation, "kind": l.kind.as_str(), "id": l.id, "start": l.span.map(|s| s.start.to_string()), "title": l.title}))
            .collect();
        let mut card = json!({"kind": self.kind.as_str(), "id": self.key, "record": self.record, "links": links});
        if context {
            let passages: Vec<Value> = self
                .sources
                .iter()
                .map(|s| json!({"section": s.section, "quote": s.quote, "passage": passage(REPORT, &s.quote)}))
                .collect();
            card["context"] = Value::Array(passages);
        }
        card
    }

    fn write_text(
        &self,
        out: &mut dyn Write,
        context: bool,
        color: bool,
        width: Option<u16>,
    ) -> io::Result<Vec<&'static str>> {
        let heading = |out: &mut dyn Write, text: &str| {
            if color {
                writeln!(out, "\u{1b}[1m{text}\u{1b}[0m")
            } else {
                writeln!(out, "{text}")
            }
        };
        // A label and its text: the label whole and bold, the text wrapped.
        let labelled = [
            PlainColumn::new("label", Flow::Token, 0, true),
            PlainColumn::new("text", Flow::Wrap, 1, false),
        ];
        let mut hidden = Vec::new();
        heading(out, &format!("{} {}", self.kind.as_str(), self.key))?;
        let fields: Vec<Vec<String>> = self
            .fields
            .iter()
            .map(|(name, value)| {
                let value = if value.is_empty() { "—" } else { value };
                vec![name.to_string(), value.to_string()]
            })
            .collect();
        let (table, gone) = plain_table(&fields, &labelled, CARD_READABLE, color, width);
        write_trimmed(out, &table)?;
        hidden.extend(gone);
        writeln!(out)?;
        heading(out, "Linked records")?;
        if self.links.is_empty() {
            writeln!(out, " none")?;
        }
        // kind, id, start, title: the id and title matter most, the title is cut to fit.
        let link_columns = [
            PlainColumn::new("the kind of each link", Flow::Token, 3, false),
            PlainColumn::new("the id of each link", Flow::Token, 0, true),
            PlainColumn::new("the date of each link", Flow::Token, 2, false),
            PlainColumn::new("the title of each link", Flow::Clip, 1, false),
        ];
        let mut relations: Vec<&str> = self.links.iter().map(|l| l.relation).collect();
        relations.dedup();
        for relation in relations {
            writeln!(out, " {relation}:")?;
            let rows: Vec<Vec<String>> = self
                .links
                .iter()
                .filter(|l| l.relation == relation)
                .map(|l| {
                    let start = l.span.map(|s| s.shown(s.start)).unwrap_or_default();
                    vec![
                        l.kind.as_str().to_string(),
                        l.id.to_string(),
                        start,
                        l.title.to_string(),
                    ]
                })
                .collect();
            let (table, gone) = plain_table(&rows, &link_columns, LINK_READABLE, color, width);
            write_trimmed(out, &table)?;
            hidden.extend(gone);
        }
        if context {
            writeln!(out)?;
            heading(out, "In the report")?;
            let passages: Vec<Vec<String>> = self
                .sources
                .iter()
                .map(|s| {
                    let text = passage(REPORT, &s.quote)
                        .unwrap_or_else(|| "(this quote is not in the bundled report)".to_string());
                    vec![s.section.to_string(), text]
                })
                .collect();
            let (table, gone) = plain_table(&passages, &labelled, CARD_READABLE, color, width);
            write_trimmed(out, &table)?;
            hidden.extend(gone);
        }
        hidden.sort();
        hidden.dedup();
        Ok(hidden)
    }
}

/// A card keeps every field's label and text down to this many characters of text.
const CARD_READABLE: usize = 10;
/// A link keeps this much of its title before its kind, then its date, are left out.
const LINK_READABLE: usize = 20;
