//! `gmg show ID`: one record, every field, where it comes from in the report, and the
//! records linked to it.

mod card;
mod links;

pub use links::{Link, Linker};

use std::io::{self, IsTerminal, Write};
use std::path::Path;

use anyhow::bail;

use crate::cli::{CardFormat, Collection, ShowArgs};
use crate::dataset::{self, Origin};
use crate::model::{
    Accomplishment, Chair, Dataset, Deliverable, Entities, Event, Group, Handover, Member,
    Objective, Proposal, Statement,
};
use crate::output::{hidden_note, Sink};
use crate::record::Record;
use crate::suggest;
use crate::text::Echo;
use card::Card;

/// A record found by id.
#[derive(Clone, Copy)]
enum Found<'a> {
    Event(&'a Event),
    Statement(&'a Statement),
    Member(&'a Member),
    Handover(&'a Handover),
    Group(&'a Group),
    Deliverable(&'a Deliverable),
    Objective(&'a Objective),
    Accomplishment(&'a Accomplishment),
    Proposal(&'a Proposal),
    Chair(&'a Chair),
}

impl<'a> Found<'a> {
    /// Every record of the dataset, collection by collection.
    fn all(data: &'a Dataset) -> impl Iterator<Item = Found<'a>> {
        (data.events.iter().map(Found::Event))
            .chain(data.statements.iter().map(Found::Statement))
            .chain(data.members.iter().map(Found::Member))
            .chain(data.handover.iter().map(Found::Handover))
            .chain(data.groups.iter().map(Found::Group))
            .chain(data.deliverables.iter().map(Found::Deliverable))
            .chain(data.objectives.iter().map(Found::Objective))
            .chain(data.accomplishments.iter().map(Found::Accomplishment))
            .chain(data.proposals.iter().map(Found::Proposal))
            .chain(data.chairs.iter().map(Found::Chair))
    }

    /// The record's id (a member's acronym).
    fn key(self) -> &'a str {
        match self {
            Found::Event(r) => r.key(),
            Found::Statement(r) => r.key(),
            Found::Member(r) => r.key(),
            Found::Handover(r) => r.key(),
            Found::Group(r) => r.key(),
            Found::Deliverable(r) => r.key(),
            Found::Objective(r) => r.key(),
            Found::Accomplishment(r) => r.key(),
            Found::Proposal(r) => r.key(),
            Found::Chair(r) => r.key(),
        }
    }

    /// The card that shows the record, with its links.
    fn card(self, data: &'a Dataset) -> Card<'a> {
        let links = Linker::new(data, &Entities::new(data)).of(self.key());
        match self {
            Found::Event(e) => Card::new(Collection::Event, e, links, &e.also),
            Found::Statement(s) => Card::new(Collection::Statement, s, links, &s.also),
            Found::Member(m) => Card::new(Collection::Member, m, links, &m.also),
            Found::Handover(h) => Card::new(Collection::Handover, h, links, &[]),
            Found::Group(g) => Card::new(Collection::Group, g, links, &g.also),
            Found::Deliverable(d) => Card::new(Collection::Deliverable, d, links, &d.also),
            Found::Objective(o) => Card::new(Collection::Objective, o, links, &o.also),
            Found::Accomplishment(a) => Card::new(Collection::Accomplishment, a, links, &a.also),
            Found::Proposal(p) => Card::new(Collection::Proposal, p, links, &p.also),
            Found::Chair(c) => Card::new(Collection::Chair, c, links, &c.also),
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
            // Ids from a --data file may be of any length: each is echoed, cut.
            (nearest.iter().map(|k| Echo(k).to_string()))
                .collect::<Vec<_>>()
                .join(", "),
            shell_word(&args.id)
        );
    };
    let card = found.card(&loaded);
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

/// The record whose key is `id`, in any case, with `-` for a space (`un-women`); else the
/// member that `id` names by any spelling (`undesa`, see [`Entities`]).
fn find<'a>(data: &'a Dataset, id: &str) -> Option<Found<'a>> {
    let plain = |key: &str| key.to_lowercase().replace(' ', "-");
    let wanted = plain(id);
    Found::all(data)
        .find(|f| plain(f.key()) == wanted)
        .or_else(|| Entities::new(data).member(id).map(Found::Member))
}

/// Up to five keys nearest to `id` (see [`suggest::nearest`]).
fn nearest_keys<'a>(data: &'a Dataset, id: &str) -> Vec<&'a str> {
    let keys: Vec<&str> = Found::all(data).map(|f| f.key()).collect();
    suggest::nearest(id, keys, str::to_lowercase, 5)
}
