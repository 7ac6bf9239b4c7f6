//! The card `show` prints: a record's fields, its links grouped by relation, and (with
//! `--context`) the passages of the report it quotes; as text for a terminal or as JSON.

use std::io::{self, Write};

use serde_json::{json, Value};

use super::links::Link;
use crate::cli::Collection;
use crate::dataset::{passage, REPORT};
use crate::model::Source;
use crate::output::{plain_table, write_trimmed, Flow, JsonRow, PlainColumn, Rows};
use crate::record::Record;

/// Everything `show` prints about one record.
pub struct Card<'a> {
    kind: Collection,
    key: &'a str,
    fields: Vec<(&'static str, String)>,
    record: Value,
    links: Vec<Link<'a>>,
    sources: Vec<Source>,
}

impl<'a> Card<'a> {
    pub fn new<R: Record>(
        kind: Collection,
        record: &'a R,
        links: Vec<Link<'a>>,
        also: &[Source],
    ) -> Card<'a> {
        let all: Vec<usize> = (0..R::FIELDS.len()).collect();
        let fields = all
            .iter()
            .map(|&f| (R::FIELDS[f], record.cell(f).to_string()))
            .collect();
        let rows = Rows {
            records: vec![record].into(),
            fields: all[..].into(),
            kept: &[],
        };
        let json = serde_json::to_value(JsonRow {
            grid: &rows,
            row: 0,
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

    pub fn json(&self, context: bool) -> Value {
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

    pub fn write_text(
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
