//! The checks across records: ids unique in the whole dataset, and every link pointing at a
//! record that exists (a statement's event, which must also overlap it; the group of an
//! event or a deliverable; the groups and deliverables a handover item names; the members
//! that co-chair or take part in a group). A link to a record that failed its own checks
//! is not reported again: that record's problems were.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use super::Problem;
use crate::model::{
    Accomplishment, Chair, DateSpan, Deliverable, Event, Group, Handover, Objective, Proposal,
    Statement, Text,
};
use crate::text::Echo;

/// The ids of one collection's records, each with its place in the file's list.
pub struct Keys<'a> {
    pub noun: &'static str,
    pub ids: Vec<&'a str>,
    pub at: Cow<'a, [usize]>,
}

/// Reports ids used more than once (ignoring case), within a collection or across them,
/// so that `gmg show ID` always names one record.
pub fn unique<'a>(problems: &mut Vec<Problem>, collections: &[Keys<'a>]) {
    let total = collections.iter().map(|keys| keys.ids.len()).sum();
    let mut seen: HashMap<Cow<'a, str>, &'static str> = HashMap::with_capacity(total);
    for keys in collections {
        let what = keys.noun;
        for (&id, &at) in keys.ids.iter().zip(keys.at.iter()) {
            let key = if id.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                Cow::Owned(id.to_lowercase())
            } else {
                Cow::Borrowed(id)
            };
            let message = match seen.get(&key) {
                Some(first) if *first == what => {
                    format!("{what} '{}': id is used more than once", Echo(id))
                }
                Some(first) => format!(
                    "{what} '{}': id is also the id of {} {first}; ids are unique across the dataset",
                    Echo(id),
                    if first.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" },
                ),
                None => {
                    seen.insert(key, what);
                    continue;
                }
            };
            problems.push(Problem::new(what, at, message));
        }
    }
}

/// Every statement's event exists, is dated and overlaps the statement. `statements` come
/// with their places in the file's list.
pub fn statements_at_events(
    problems: &mut Vec<Problem>,
    events: &[Event],
    rejected_events: &[String],
    (statements, at): (&[Statement], &[usize]),
) {
    // `None`: an event that failed its own checks, reported there.
    let mut spans: HashMap<&str, Option<Option<DateSpan>>> =
        events.iter().map(|e| (&*e.id, Some(e.span))).collect();
    spans.extend(rejected_events.iter().map(|id| (id.as_str(), None)));
    for (s, &at) in statements.iter().zip(at) {
        let message = match spans.get(&*s.event) {
            None => format!("event '{}' does not exist", Echo(&s.event)),
            Some(Some(Some(event))) if !event.overlaps(s.span.start, s.span.end) => format!(
                "{} to {} does not overlap its event '{}' ({} to {})",
                s.span.start, s.span.end, s.event, event.start, event.end
            ),
            Some(Some(None)) => format!("its event '{}' has no date", s.event),
            _ => continue,
        };
        problems.push(Problem::new(
            "statement",
            at,
            format!("statement '{}': {message}", Echo(&s.id)),
        ));
    }
}

/// The ids a link may point at, rejected records included.
pub struct Known<'a> {
    pub groups: Vec<&'a str>,
    pub deliverables: Vec<&'a str>,
    /// Members' acronyms.
    pub members: Vec<&'a str>,
}

/// One kind of link target: what it is called, and the ids it may be.
struct Target<'a> {
    noun: &'static str,
    ids: &'a [&'a str],
    /// Whether ids are compared ignoring case (members' acronyms are written as people
    /// write them).
    any_case: bool,
}

impl Target<'_> {
    /// The problem with linking `id` from `field`, if it names nothing.
    fn check(&self, field: &str, id: &str) -> Option<String> {
        let found = self
            .ids
            .iter()
            .any(|k| *k == id || self.any_case && k.eq_ignore_ascii_case(id));
        (!found).then(|| {
            format!(
                "{field}: '{}' is not the id of a {}; the {}s are: {}",
                Echo(id),
                self.noun,
                self.noun,
                self.ids.join(", ")
            )
        })
    }
}

/// Every group, deliverable and member a record links to exists. Each collection comes
/// with its records' places in the file's list.
pub fn links(
    problems: &mut Vec<Problem>,
    known: &Known<'_>,
    (events, event_at): (&[Event], &[usize]),
    (handover, handover_at): (&[Handover], &[usize]),
    (groups, group_at): (&[Group], &[usize]),
    (deliverables, deliverable_at): (&[Deliverable], &[usize]),
) {
    let group = Target {
        noun: "group",
        ids: &known.groups,
        any_case: false,
    };
    let deliverable = Target {
        noun: "deliverable",
        ids: &known.deliverables,
        any_case: false,
    };
    let member = Target {
        noun: "member",
        ids: &known.members,
        any_case: true,
    };
    let mut report = |what: &'static str, at: usize, id: &str, problem: Option<String>| {
        if let Some(problem) = problem {
            problems.push(Problem::new(
                what,
                at,
                format!("{what} '{}': {problem}", Echo(id)),
            ));
        }
    };
    for (e, &at) in events.iter().zip(event_at) {
        if let Some(g) = &e.group {
            report("event", at, &e.id, group.check("group", g));
        }
    }
    for (d, &at) in deliverables.iter().zip(deliverable_at) {
        if let Some(g) = &d.group {
            report("deliverable", at, &d.id, group.check("group", g));
        }
    }
    for (h, &at) in handover.iter().zip(handover_at) {
        for g in h.groups.iter() {
            report("handover item", at, &h.id, group.check("groups", g));
        }
        for d in h.deliverables.iter() {
            report(
                "handover item",
                at,
                &h.id,
                deliverable.check("deliverables", d),
            );
        }
    }
    for (g, &at) in groups.iter().zip(group_at) {
        for (field, names) in [("chairs", &g.chairs), ("participants", &g.participants)] {
            for name in names.iter() {
                report("group", at, &g.id, member.check(field, name));
            }
        }
    }
}

/// No spelling of one entity (a member or a declared entity: acronym, name, alias) names
/// another: each name must resolve to one entity (see `model::Entities`). Run on a dataset
/// whose records all passed their checks, so a record's place in it is its place in the file.
pub fn entities(problems: &mut Vec<Problem>, data: &crate::model::Dataset) {
    for (spelling, entity, other) in crate::model::Entities::new(data).clashes() {
        let member = data.members.iter().position(|m| *m.acronym == **entity);
        let (noun, at) = match member {
            Some(at) => ("member", at),
            None => (
                "entity",
                data.entities
                    .iter()
                    .position(|e| *e.acronym == **entity)
                    .unwrap_or(usize::MAX),
            ),
        };
        problems.push(Problem::new(
            noun,
            at,
            format!(
                "entity '{}': the name '{}' is already a name of '{}'",
                Echo(entity),
                Echo(spelling),
                Echo(other)
            ),
        ));
    }
}

/// Every record an objective, accomplishment, proposal or Chair links to exists (by its id,
/// a member by its acronym), and an objective's `under` is another objective. Each list
/// comes with its records' places in the file's list.
pub fn plan_links(
    problems: &mut Vec<Problem>,
    keys: &[Keys<'_>],
    objectives: (&[Objective], &[usize]),
    accomplishments: (&[Accomplishment], &[usize]),
    proposals: (&[Proposal], &[usize]),
    chairs: (&[Chair], &[usize]),
) {
    let all: HashSet<&str> = keys.iter().flat_map(|k| k.ids.iter().copied()).collect();
    let mut check = |noun: &'static str, at: usize, id: &str, records: &[Text]| {
        for r in records.iter().filter(|r| !all.contains(&***r)) {
            let message = format!(
                "{noun} '{}': records: '{}' is not the id of any record",
                Echo(id),
                Echo(r)
            );
            problems.push(Problem::new(noun, at, message));
        }
    };
    for (o, &at) in objectives.0.iter().zip(objectives.1) {
        check("objective", at, &o.id, &o.records);
    }
    for (a, &at) in accomplishments.0.iter().zip(accomplishments.1) {
        check("accomplishment", at, &a.id, &a.records);
    }
    for (p, &at) in proposals.0.iter().zip(proposals.1) {
        check("proposal", at, &p.id, &p.records);
    }
    for (c, &at) in chairs.0.iter().zip(chairs.1) {
        check("chair", at, &c.id, &c.records);
    }
    // An activity stands under an objective, or is a part of an activity that does, as in
    // Annex A; no deeper, so that following an objective's activities stays linear.
    let (objectives, at) = objectives;
    let under: HashMap<&str, Option<&str>> = objectives
        .iter()
        .map(|o| (&*o.id, o.under.as_deref()))
        .collect();
    for (o, &at) in objectives.iter().zip(at) {
        let Some(parent) = o.under.as_deref() else {
            continue;
        };
        let problem = match under.get(parent) {
            _ if parent == &*o.id => "is the objective itself",
            None => "is not the id of another objective",
            Some(Some(grandparent)) if under.get(grandparent).is_some_and(Option::is_some) => {
                "is itself a part of an activity (an activity may have parts, but they have none)"
            }
            _ => continue,
        };
        let message = format!(
            "objective '{}': under: '{}' {problem}",
            Echo(&o.id),
            Echo(parent)
        );
        problems.push(Problem::new("objective", at, message));
    }
}
