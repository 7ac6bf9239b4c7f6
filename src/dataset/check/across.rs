//! The checks across records: ids unique in the whole dataset, and every link pointing at a
//! record that exists (a statement's event, which must also overlap it; the group of an
//! event or a deliverable; the groups and deliverables a handover item names; the members
//! that co-chair or take part in a group). A link to a record that failed its own checks
//! is not reported again: that record's problems were.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::model::{
    Accomplishment, Chair, DateSpan, Deliverable, Event, Group, Handover, Objective, Proposal,
    Statement,
};
use crate::text::Echo;

/// Reports ids used more than once (ignoring case), within a collection or across them,
/// so that `gmg show ID` always names one record.
pub fn unique<'a>(problems: &mut Vec<String>, ids: &[(&'static str, &Vec<&'a str>)]) {
    let total = ids.iter().map(|(_, list)| list.len()).sum();
    let mut seen: HashMap<Cow<'a, str>, &'static str> = HashMap::with_capacity(total);
    for (what, list) in ids {
        for &id in list.iter() {
            let key = if id.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
                Cow::Owned(id.to_lowercase())
            } else {
                Cow::Borrowed(id)
            };
            match seen.get(&key) {
                Some(first) if first == what => problems.push(format!(
                    "{what} '{}': id is used more than once",
                    Echo(id)
                )),
                Some(first) => problems.push(format!(
                    "{what} '{}': id is also the id of {} {first}; ids are unique across the dataset",
                    Echo(id),
                    if first.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" },
                )),
                None => {
                    seen.insert(key, what);
                }
            }
        }
    }
}

/// Every statement's event exists, is dated and overlaps the statement.
pub fn statements_at_events(
    problems: &mut Vec<String>,
    events: &[Event],
    rejected_events: &[String],
    statements: &[Statement],
) {
    // `None`: an event that failed its own checks, reported there.
    let mut spans: HashMap<&str, Option<Option<DateSpan>>> =
        events.iter().map(|e| (&*e.id, Some(e.span))).collect();
    spans.extend(rejected_events.iter().map(|id| (id.as_str(), None)));
    for s in statements {
        let message = match spans.get(&*s.event) {
            None => format!("event '{}' does not exist", Echo(&s.event)),
            Some(Some(Some(event))) if !event.overlaps(s.span.start, s.span.end) => format!(
                "{} to {} does not overlap its event '{}' ({} to {})",
                s.span.start, s.span.end, s.event, event.start, event.end
            ),
            Some(Some(None)) => format!("its event '{}' has no date", s.event),
            _ => continue,
        };
        problems.push(format!("statement '{}': {message}", Echo(&s.id)));
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

/// Every group, deliverable and member a record links to exists.
pub fn links(
    problems: &mut Vec<String>,
    known: &Known<'_>,
    events: &[Event],
    handover: &[Handover],
    groups: &[Group],
    deliverables: &[Deliverable],
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
    let mut report = |what: &str, id: &str, problem: Option<String>| {
        if let Some(problem) = problem {
            problems.push(format!("{what} '{}': {problem}", Echo(id)));
        }
    };
    for e in events {
        if let Some(g) = &e.group {
            report("event", &e.id, group.check("group", g));
        }
    }
    for d in deliverables {
        if let Some(g) = &d.group {
            report("deliverable", &d.id, group.check("group", g));
        }
    }
    for h in handover {
        for g in h.groups.iter() {
            report("handover item", &h.id, group.check("groups", g));
        }
        for d in h.deliverables.iter() {
            report("handover item", &h.id, deliverable.check("deliverables", d));
        }
    }
    for g in groups {
        for (field, names) in [("chairs", &g.chairs), ("participants", &g.participants)] {
            for name in names.iter() {
                report("group", &g.id, member.check(field, name));
            }
        }
    }
}

/// No spelling of one entity (a member or a declared entity: acronym, name, alias) names
/// another: each name must resolve to one entity (see `model::Entities`).
pub fn entities(problems: &mut Vec<String>, data: &crate::model::Dataset) {
    for (spelling, entity, other) in crate::model::Entities::new(data).clashes() {
        problems.push(format!(
            "entity '{}': the name '{}' is already a name of '{}'",
            Echo(entity),
            Echo(spelling),
            Echo(other)
        ));
    }
}

/// Every record an objective, accomplishment, proposal or Chair links to exists (by its id,
/// a member by its acronym), and an objective's `under` is another objective.
pub fn plan_links(
    problems: &mut Vec<String>,
    ids: &[(&'static str, Vec<&str>)],
    objectives: &[Objective],
    accomplishments: &[Accomplishment],
    proposals: &[Proposal],
    chairs: &[Chair],
) {
    let all: HashSet<&str> = ids
        .iter()
        .flat_map(|(_, list)| list.iter().copied())
        .collect();
    let mut check = |what: &str, id: &str, records: &[crate::model::Text]| {
        for r in records.iter().filter(|r| !all.contains(&***r)) {
            problems.push(format!(
                "{what} '{}': records: '{}' is not the id of any record",
                Echo(id),
                Echo(r)
            ));
        }
    };
    for o in objectives {
        check("objective", &o.id, &o.records);
    }
    for a in accomplishments {
        check("accomplishment", &a.id, &a.records);
    }
    for p in proposals {
        check("proposal", &p.id, &p.records);
    }
    for c in chairs {
        check("chair", &c.id, &c.records);
    }
    for o in objectives {
        let Some(under) = &o.under else { continue };
        if under == &o.id || !objectives.iter().any(|x| x.id == *under) {
            problems.push(format!(
                "objective '{}': under: '{}' is not the id of another objective",
                Echo(&o.id),
                Echo(under)
            ));
        }
    }
}
