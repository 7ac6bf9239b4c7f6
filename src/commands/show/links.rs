//! The records linked to each record, and how each is linked: what `show` lists under a
//! card and what the workbook and the page show beside each record.
//!
//! Every link is found in one pass over the dataset ([`Linker::new`]), each link with its
//! way back, so the time grows with the size of the data, not with the number of pairs of
//! records: a member named in ten thousand statements costs ten thousand links, not ten
//! thousand searches per member.

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;

use crate::cli::Collection;
use crate::model::{
    Accomplishment, Chair, Dataset, DateSpan, Deliverable, Entities, Event, Group, Handover,
    Member, Objective, Proposal, Statement, Text,
};
use crate::record::Record;

/// A record linked to another.
#[derive(Clone, Copy)]
pub struct Link<'a> {
    pub relation: &'static str,
    pub kind: Collection,
    pub id: &'a str,
    pub span: Option<DateSpan>,
    pub title: &'a str,
}

impl<'a> Link<'a> {
    fn to<R: Record>(relation: &'static str, kind: Collection, r: &'a R, title: &'a str) -> Self {
        Link {
            relation,
            kind,
            id: r.key(),
            span: r.span().copied(),
            title,
        }
    }

    fn event(relation: &'static str, e: &'a Event) -> Self {
        Link::to(relation, Collection::Event, e, &e.title)
    }

    fn statement(relation: &'static str, s: &'a Statement) -> Self {
        Link::to(relation, Collection::Statement, s, &s.title)
    }

    fn member(relation: &'static str, m: &'a Member) -> Self {
        Link::to(relation, Collection::Member, m, &m.name)
    }

    fn handover(relation: &'static str, h: &'a Handover) -> Self {
        Link::to(relation, Collection::Handover, h, &h.text)
    }

    fn group(relation: &'static str, g: &'a Group) -> Self {
        Link::to(relation, Collection::Group, g, &g.name)
    }

    fn deliverable(relation: &'static str, d: &'a Deliverable) -> Self {
        Link::to(relation, Collection::Deliverable, d, &d.title)
    }

    fn objective(relation: &'static str, o: &'a Objective) -> Self {
        Link::to(relation, Collection::Objective, o, &o.title)
    }

    fn accomplishment(relation: &'static str, a: &'a Accomplishment) -> Self {
        Link::to(relation, Collection::Accomplishment, a, &a.title)
    }

    fn proposal(relation: &'static str, p: &'a Proposal) -> Self {
        Link::to(relation, Collection::Proposal, p, &p.title)
    }

    fn chair(relation: &'static str, c: &'a Chair) -> Self {
        Link::to(relation, Collection::Chair, c, &c.quote)
    }

    /// The same record, linked by another relation.
    fn by(self, relation: &'static str) -> Self {
        Link { relation, ..self }
    }
}

/// Every relation, in the order a record's links are grouped by: for each collection, its
/// own links first (in the order of its fields), then the objectives, accomplishments,
/// proposals and Chairs that name it.
const RELATIONS: [&str; 31] = [
    // an event
    "statement delivered here",
    "the group whose work it is",
    "organiser",
    // a statement
    "delivered at",
    // a member
    "co-chaired by this member",
    "this member takes part",
    "led by this member",
    "organised by this member",
    "names this member",
    "listed under this member as Chair",
    // a handover item
    "Chair this item is listed under",
    "group this item names",
    "deliverable this item names",
    // a group
    "co-chair",
    "takes part",
    "deliverable of this group",
    "event of this group",
    "handover item that names this group",
    // a deliverable (after "the group whose work it is")
    "lead",
    "handover item that names it",
    // an objective, an accomplishment, a proposal, a Chair
    "planned under",
    "planned under it",
    "carried out by",
    "named in it",
    "carried by",
    "the entity",
    "on the occasion of",
    // what names a record
    "carries out",
    "counted in",
    "carries",
    "named by",
];

/// Orders a record's links as every view shows them: grouped by relation (in the order of
/// [`RELATIONS`]), each group in date order, undated last, then by id.
fn in_order(links: &mut [Link<'_>]) {
    let rank = |l: &Link<'_>| RELATIONS.iter().position(|r| *r == l.relation);
    links.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
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
}

/// Every record's links, by the record's key (a member's acronym).
pub struct Linker<'a> {
    links: HashMap<&'a str, Vec<Link<'a>>>,
    /// Every record, as a link whose relation is still to be given, by its key.
    records: HashMap<&'a str, Link<'a>>,
}

impl<'a> Linker<'a> {
    /// The links of every record of `data`, each once, in order.
    pub fn new(data: &'a Dataset, index: &Entities<'a>) -> Linker<'a> {
        let mut found = Collected::default();
        let by_id = every_record(data);
        let members_of = |names: &[Text]| -> Vec<&'a Member> {
            let mut seen = HashSet::new();
            (names.iter())
                .filter_map(|n| index.member(n))
                .filter(|m| seen.insert(std::ptr::from_ref(*m)))
                .collect()
        };
        let groups: HashMap<&str, &Group> = data.groups.iter().map(|g| (&*g.id, g)).collect();
        let events: HashMap<&str, &Event> = data.events.iter().map(|e| (&*e.id, e)).collect();
        let deliverables: HashMap<&str, &Deliverable> =
            data.deliverables.iter().map(|d| (&*d.id, d)).collect();
        let mentions = Mentions::new(&data.members);

        for e in data.events.iter() {
            if let Some(g) = e.group.as_deref().and_then(|id| groups.get(id)) {
                found.add(&e.id, Link::group("the group whose work it is", g));
                found.add(&g.id, Link::event("event of this group", e));
            }
            for m in members_of(&e.organizers) {
                found.add(&e.id, Link::member("organiser", m));
                found.add(&m.acronym, Link::event("organised by this member", e));
            }
        }
        for s in data.statements.iter() {
            if let Some(e) = events.get(&*s.event) {
                found.add(&s.id, Link::event("delivered at", e));
                found.add(&e.id, Link::statement("statement delivered here", s));
            }
            let texts = [
                Some(&s.title),
                Some(&s.quote),
                s.note.as_ref(),
                s.location.as_ref(),
            ];
            for m in mentions.named(texts.into_iter().flatten().map(|t| &**t)) {
                found.add(&m.acronym, Link::statement("names this member", s));
            }
        }
        for h in data.handover.iter() {
            let chairs = members_of(&h.chairs);
            for &m in &chairs {
                found.add(&h.id, Link::member("Chair this item is listed under", m));
                found.add(
                    &m.acronym,
                    Link::handover("listed under this member as Chair", h),
                );
            }
            for m in mentions.named([&*h.text]) {
                if !chairs.iter().any(|c| std::ptr::eq(*c, m)) {
                    found.add(&m.acronym, Link::handover("names this member", h));
                }
            }
            for g in h.groups.iter().filter_map(|id| groups.get(&**id)) {
                found.add(&h.id, Link::group("group this item names", g));
                found.add(
                    &g.id,
                    Link::handover("handover item that names this group", h),
                );
            }
            for d in h
                .deliverables
                .iter()
                .filter_map(|id| deliverables.get(&**id))
            {
                found.add(&h.id, Link::deliverable("deliverable this item names", d));
                found.add(&d.id, Link::handover("handover item that names it", h));
            }
        }
        for g in data.groups.iter() {
            let chairs = members_of(&g.chairs);
            for &m in &chairs {
                found.add(&g.id, Link::member("co-chair", m));
                found.add(&m.acronym, Link::group("co-chaired by this member", g));
            }
            for m in members_of(&g.participants) {
                if !chairs.iter().any(|c| std::ptr::eq(*c, m)) {
                    found.add(&g.id, Link::member("takes part", m));
                    found.add(&m.acronym, Link::group("this member takes part", g));
                }
            }
        }
        for d in data.deliverables.iter() {
            if let Some(g) = d.group.as_deref().and_then(|id| groups.get(id)) {
                found.add(&d.id, Link::group("the group whose work it is", g));
                found.add(&g.id, Link::deliverable("deliverable of this group", d));
            }
            for m in members_of(&d.lead) {
                found.add(&d.id, Link::member("lead", m));
                found.add(&m.acronym, Link::deliverable("led by this member", d));
            }
        }
        // The report's intentions link to records by id, and each record back to them.
        for o in data.objectives.iter() {
            let back = Link::objective("carries out", o);
            found.records(&by_id, &o.id, back, "carried out by", &o.records);
        }
        for a in data.accomplishments.iter() {
            let back = Link::accomplishment("counted in", a);
            found.records(&by_id, &a.id, back, "named in it", &a.records);
        }
        for p in data.proposals.iter() {
            let back = Link::proposal("carries", p);
            found.records(&by_id, &p.id, back, "carried by", &p.records);
        }
        for c in data.chairs.iter() {
            let back = Link::chair("named by", c);
            found.records(&by_id, &c.id, back, "on the occasion of", &c.records);
            for m in members_of(&c.entities) {
                found.add(&c.id, Link::member("the entity", m));
            }
        }
        for o in data.objectives.iter() {
            if let Some(parent) = o.under.as_deref().and_then(|id| by_id.get(id)) {
                found.add(&o.id, parent.by("planned under"));
                found.add(parent.id, Link::objective("planned under it", o));
            }
        }
        for links in found.links.values_mut() {
            in_order(links);
        }
        Linker {
            links: found.links,
            records: by_id,
        }
    }

    /// Every record, by its key, as a link (its kind, id, dates and title) whose relation
    /// is empty.
    pub fn records(&self) -> &HashMap<&'a str, Link<'a>> {
        &self.records
    }

    /// The links of the record whose key is `key`, in order.
    pub fn of(&self, key: &str) -> Vec<Link<'a>> {
        self.links.get(key).cloned().unwrap_or_default()
    }
}

/// The links found so far, each (record, relation, linked record) once.
#[derive(Default)]
struct Collected<'a> {
    links: HashMap<&'a str, Vec<Link<'a>>>,
    seen: HashSet<(&'a str, &'static str, &'a str)>,
}

impl<'a> Collected<'a> {
    /// Adds the link from the record `from`, unless it is there already.
    fn add(&mut self, from: &'a str, link: Link<'a>) {
        if self.seen.insert((from, link.relation, link.id)) {
            self.links.entry(from).or_default().push(link);
        }
    }

    /// Links `from` to the records `ids` names (by `relation`), and each of them back to it
    /// (`back`).
    fn records(
        &mut self,
        by_id: &HashMap<&'a str, Link<'a>>,
        from: &'a str,
        back: Link<'a>,
        relation: &'static str,
        ids: &'a [Text],
    ) {
        for to in ids.iter().filter_map(|id| by_id.get(&**id)) {
            self.add(from, to.by(relation));
            self.add(to.id, back);
        }
    }
}

/// Every record as a link (its relation to be given), by its key.
fn every_record(data: &Dataset) -> HashMap<&str, Link<'_>> {
    let none = "";
    (data.events.iter().map(|r| Link::event(none, r)))
        .chain(data.statements.iter().map(|r| Link::statement(none, r)))
        .chain(data.members.iter().map(|r| Link::member(none, r)))
        .chain(data.handover.iter().map(|r| Link::handover(none, r)))
        .chain(data.groups.iter().map(|r| Link::group(none, r)))
        .chain(data.deliverables.iter().map(|r| Link::deliverable(none, r)))
        .chain(data.objectives.iter().map(|r| Link::objective(none, r)))
        .chain(
            data.accomplishments
                .iter()
                .map(|r| Link::accomplishment(none, r)),
        )
        .chain(data.proposals.iter().map(|r| Link::proposal(none, r)))
        .chain(data.chairs.iter().map(|r| Link::chair(none, r)))
        .map(|l| (l.id, l))
        .collect()
}

/// Finds the members a text names: by acronym as a word of its own (`IOM`, not the `iom`
/// of another word), or by name in any case. One automaton for all acronyms and one for
/// all names read each text once, whatever the number of members.
struct Mentions<'a> {
    members: &'a [Member],
    acronyms: Option<AhoCorasick>,
    names: Option<AhoCorasick>,
}

impl<'a> Mentions<'a> {
    fn new(members: &'a [Member]) -> Mentions<'a> {
        // Where an automaton cannot be built (patterns past its size limits), no member is
        // found named in text; links by field do not depend on it.
        let acronyms = AhoCorasick::new(members.iter().map(|m| &*m.acronym)).ok();
        let names = AhoCorasick::new(members.iter().map(|m| m.name.to_lowercase())).ok();
        Mentions {
            members,
            acronyms,
            names,
        }
    }

    /// The members any of `texts` names, each once, in the order of the members.
    fn named<'t>(&self, texts: impl IntoIterator<Item = &'t str>) -> Vec<&'a Member> {
        let mut named = vec![false; self.members.len()];
        let word = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        for text in texts {
            if let Some(acronyms) = &self.acronyms {
                for found in acronyms.find_overlapping_iter(text) {
                    let (start, end) = (found.start(), found.end());
                    if word(text[..start].chars().next_back()) && word(text[end..].chars().next()) {
                        named[found.pattern().as_usize()] = true;
                    }
                }
            }
            if let Some(names) = &self.names {
                let lower = text.to_lowercase();
                for found in names.find_overlapping_iter(&lower) {
                    named[found.pattern().as_usize()] = true;
                }
            }
        }
        (self.members.iter().zip(named))
            .filter_map(|(m, n)| n.then_some(m))
            .collect()
    }
}
