//! `gmg objectives|accomplishments|proposals|chairs`: the report's intentions as listings,
//! and `gmg plan`: each objective and planned activity followed through to the records that
//! carried it out, and to the handover items that carry it forward to the next Chair.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::cli::{
    AccomplishmentsArgs, ChairsArgs, Format, ObjectivesArgs, PlanArgs, ProposalsArgs,
};
use crate::commands::list::{entity, list, print, shared, Shape};
use crate::dataset::{self, Origin};
use crate::model::{Accomplishment, Chair, Dataset, Objective, Proposal};
use crate::output::Destination;
use crate::record::{fields, Cell, Record};

pub fn objectives(data: Option<&Path>, args: &ObjectivesArgs) -> anyhow::Result<()> {
    list(data, &args.output, |d| {
        let kind: Vec<&str> = args.kind.iter().map(|k| k.as_str()).collect();
        let filter = shared::<Objective>(&args.text, None, d).one_of::<Objective>("kind", &kind);
        Ok((&d.objectives[..], filter))
    })
}

pub fn accomplishments(data: Option<&Path>, args: &AccomplishmentsArgs) -> anyhow::Result<()> {
    list(data, &args.output, |d| {
        Ok((
            &d.accomplishments[..],
            shared::<Accomplishment>(&args.text, None, d),
        ))
    })
}

pub fn proposals(data: Option<&Path>, args: &ProposalsArgs) -> anyhow::Result<()> {
    let paragraph: Vec<String> = args.paragraph.iter().map(u16::to_string).collect();
    list(data, &args.output, |d| {
        let paragraph: Vec<&str> = paragraph.iter().map(String::as_str).collect();
        let filter =
            shared::<Proposal>(&args.text, None, d).one_of::<Proposal>("paragraphs", &paragraph);
        Ok((&d.proposals[..], filter))
    })
}

pub fn chairs(data: Option<&Path>, args: &ChairsArgs) -> anyhow::Result<()> {
    let period = args.dates.period()?;
    list(data, &args.output, |d| {
        let body: Vec<&str> = args.body.iter().map(|b| b.as_str()).collect();
        let role: Vec<&str> = args.role.iter().map(|r| r.as_str()).collect();
        let filter = shared::<Chair>(&args.text, period.as_ref(), d)
            .one_of::<Chair>("body", &body)
            .one_of::<Chair>("role", &role)
            .entity::<Chair>(
                "entities",
                entity(d, "--entity <NAME>", args.entity.as_deref())?,
            );
        Ok((&d.chairs[..], filter))
    })
}

/// One objective or planned activity, and what carried it out.
pub struct FollowThrough<'a> {
    id: &'a str,
    kind: &'static str,
    title: &'a str,
    events: i64,
    statements: i64,
    deliverables: i64,
    others: i64,
    /// The counts in words ("2 events, 5 statements"), or that nothing is recorded, and
    /// the handover items that carry it forward.
    carried: String,
    /// The handover items that carry it forward: linked to it, or naming a deliverable
    /// linked to it.
    handover: Vec<crate::model::Text>,
}

impl Record for FollowThrough<'_> {
    const NOUN: &'static str = "objective";
    const PLURAL: &'static str = "objectives";
    const BRIEF: &'static [&'static str] = &["id", "title", "carried"];
    const WRAP: &'static [&'static str] = &["title", "carried", "handover"];
    const PRIORITY: &'static [&'static str] = &[
        "id",
        "title",
        "carried",
        "handover",
        "events",
        "statements",
        "deliverables",
        "others",
        "kind",
    ];
    fields!(FollowThrough<'_>, |f| {
        "id" => Cell::Text(f.id),
        "kind" => Cell::Text(f.kind),
        "title" => Cell::Text(f.title),
        "events" => Cell::Int(f.events),
        "statements" => Cell::Int(f.statements),
        "deliverables" => Cell::Int(f.deliverables),
        "others" => Cell::Int(f.others),
        "carried" => Cell::Text(&f.carried),
        "handover" => Cell::List(&f.handover),
    });

    fn key(&self) -> &str {
        self.id
    }

    fn default_order(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

pub fn follow_through(data: Option<&Path>, args: &PlanArgs) -> anyhow::Result<()> {
    let shape = Shape::<FollowThrough>::new(&args.output)?;
    let dest = Destination::new(&args.output, Format::Table)?;
    let loaded = dataset::load(&Origin::from_option(data))?;
    let rows = rows(&loaded);
    print(rows.iter().collect(), &shape, dest)
}

/// The follow-through of every objective and activity, in report order. An objective counts
/// the records of the activities under it too, each record once.
fn rows(data: &Dataset) -> Vec<FollowThrough<'_>> {
    let kinds = kinds(data);
    // The objectives and activities directly under each (the checks allow two levels).
    let mut children: HashMap<&str, Vec<&Objective>> = HashMap::new();
    for o in data.objectives.iter() {
        if let Some(under) = o.under.as_deref() {
            children.entry(under).or_default().push(o);
        }
    }
    let handover_of: Vec<(&crate::model::Handover, HashSet<&str>)> = (data.handover.iter())
        .map(|h| (h, h.deliverables.iter().map(|d| &**d).collect()))
        .collect();
    data.objectives
        .iter()
        .map(|o| {
            // The objective, its activities and their parts, each record once.
            let mut within = vec![o];
            let mut at = 0;
            while at < within.len() {
                within.extend(children.get(&*within[at].id).into_iter().flatten());
                at += 1;
            }
            let mut ids: Vec<&str> = Vec::new();
            let mut seen = HashSet::new();
            for r in within.iter().flat_map(|x| x.records.iter()) {
                if seen.insert(&**r) {
                    ids.push(r);
                }
            }
            let count = |kind: &str| ids.iter().filter(|i| kinds.get(*i) == Some(&kind)).count();
            let handover: Vec<crate::model::Text> = handover_of
                .iter()
                .filter(|(h, named)| {
                    seen.contains(&*h.id) || named.iter().any(|d| seen.contains(d))
                })
                .map(|(h, _)| h.id.clone())
                .collect();
            let known = ["event", "statement", "deliverable", "handover"];
            let others = ids
                .iter()
                .filter(|i| kinds.get(*i).is_none_or(|k| !known.contains(k)))
                .count();
            let counts = [
                (count("event"), "event"),
                (count("statement"), "statement"),
                (count("deliverable"), "deliverable"),
                (others, "other record"),
            ];
            let words: Vec<String> = (counts.iter())
                .filter(|(n, _)| *n > 0)
                .map(|(n, noun)| crate::output::count(*n, noun))
                .collect();
            FollowThrough {
                id: &o.id,
                kind: o.kind(),
                title: &o.title,
                events: counts[0].0 as i64,
                statements: counts[1].0 as i64,
                deliverables: counts[2].0 as i64,
                others: others as i64,
                carried: carried(&words, &handover),
                handover,
            }
        })
        .collect()
}

/// What carried an objective out, in words, and the handover items that carry it forward:
/// "2 events, 1 deliverable; carried forward in h04".
fn carried(counts: &[String], handover: &[crate::model::Text]) -> String {
    let done = if counts.is_empty() {
        "nothing recorded".to_string()
    } else {
        counts.join(", ")
    };
    if handover.is_empty() {
        return done;
    }
    format!("{done}; carried forward in {}", handover.join(", "))
}

/// The collection of every record id.
fn kinds(data: &Dataset) -> HashMap<&str, &'static str> {
    let mut kinds = HashMap::new();
    kinds.extend(data.events.iter().map(|r| (&*r.id, "event")));
    kinds.extend(data.statements.iter().map(|r| (&*r.id, "statement")));
    kinds.extend(data.deliverables.iter().map(|r| (&*r.id, "deliverable")));
    kinds.extend(data.handover.iter().map(|r| (&*r.id, "handover")));
    kinds
}
