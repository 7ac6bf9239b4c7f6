//! The records linked to the one `show` prints, and how each is linked.

use crate::cli::Collection;
use crate::model::{
    Accomplishment, Chair, Dataset, DateSpan, Deliverable, Entities, Event, Group, Handover,
    Member, Objective, Proposal, Statement, Text,
};
use crate::record::Record;

/// A record linked to the one shown.
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
}

/// Orders a record's links as every view shows them: grouped by relation (in the order
/// relations first appear), each group in date order, undated last, then by id.
pub fn in_order(links: &mut [Link<'_>]) {
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
}

/// The record whose id (a member's acronym) is `id`, as a link.
fn to_id<'a>(data: &'a Dataset, relation: &'static str, id: &str) -> Option<Link<'a>> {
    let is = |key: &str| key == id;
    (data
        .events
        .iter()
        .find(|r| is(&r.id))
        .map(|r| Link::event(relation, r)))
    .or_else(|| (data.statements.iter().find(|r| is(&r.id))).map(|r| Link::statement(relation, r)))
    .or_else(|| (data.members.iter().find(|r| is(&r.acronym))).map(|r| Link::member(relation, r)))
    .or_else(|| (data.handover.iter().find(|r| is(&r.id))).map(|r| Link::handover(relation, r)))
    .or_else(|| (data.groups.iter().find(|r| is(&r.id))).map(|r| Link::group(relation, r)))
    .or_else(|| {
        (data.deliverables.iter().find(|r| is(&r.id))).map(|r| Link::deliverable(relation, r))
    })
    .or_else(|| (data.objectives.iter().find(|r| is(&r.id))).map(|r| Link::objective(relation, r)))
    .or_else(|| {
        (data.accomplishments.iter().find(|r| is(&r.id))).map(|r| Link::accomplishment(relation, r))
    })
    .or_else(|| (data.proposals.iter().find(|r| is(&r.id))).map(|r| Link::proposal(relation, r)))
    .or_else(|| (data.chairs.iter().find(|r| is(&r.id))).map(|r| Link::chair(relation, r)))
}

/// The records an objective, accomplishment, proposal or Chair links to.
fn records<'a>(data: &'a Dataset, relation: &'static str, ids: &[Text]) -> Vec<Link<'a>> {
    ids.iter()
        .filter_map(|id| to_id(data, relation, id))
        .collect()
}

/// The objectives, accomplishments, proposals and Chairs that link to the record `key`:
/// what it carried out, or where the report counts it.
pub fn intentions<'a>(data: &'a Dataset, key: &str) -> Vec<Link<'a>> {
    let names = |ids: &[Text]| ids.iter().any(|i| *i == key);
    (data.objectives.iter().filter(|o| names(&o.records)))
        .map(|o| Link::objective("carries out", o))
        .chain(
            (data.accomplishments.iter().filter(|a| names(&a.records)))
                .map(|a| Link::accomplishment("counted in", a)),
        )
        .chain(
            (data.proposals.iter().filter(|p| names(&p.records)))
                .map(|p| Link::proposal("carries", p)),
        )
        .chain(
            (data.chairs.iter().filter(|c| names(&c.records))).map(|c| Link::chair("named by", c)),
        )
        .collect()
}

pub fn of_objective<'a>(data: &'a Dataset, o: &Objective) -> Vec<Link<'a>> {
    let parent = o
        .under
        .as_deref()
        .and_then(|u| to_id(data, "planned under", u));
    let children = (data.objectives.iter())
        .filter(|x| x.under.as_deref() == Some(&*o.id))
        .map(|x| Link::objective("planned under it", x));
    parent
        .into_iter()
        .chain(children)
        .chain(records(data, "carried out by", &o.records))
        .collect()
}

pub fn of_accomplishment<'a>(data: &'a Dataset, a: &Accomplishment) -> Vec<Link<'a>> {
    records(data, "named in it", &a.records)
}

pub fn of_proposal<'a>(data: &'a Dataset, p: &Proposal) -> Vec<Link<'a>> {
    records(data, "carried by", &p.records)
}

pub fn of_chair<'a>(data: &'a Dataset, index: &Entities<'a>, c: &Chair) -> Vec<Link<'a>> {
    let members = members(data, index, &c.entities);
    (members.into_iter().map(|m| Link::member("the entity", m)))
        .chain(records(data, "on the occasion of", &c.records))
        .collect()
}

/// Whether `name` is a spelling of the member (see [`Entities`]).
fn is(index: &Entities<'_>, m: &Member, name: &str) -> bool {
    index.member(name).is_some_and(|x| std::ptr::eq(x, m))
}

/// The members among `names`, in the dataset's order.
fn members<'a>(
    data: &'a Dataset,
    index: &Entities<'a>,
    names: &[crate::model::Text],
) -> Vec<&'a Member> {
    data.members
        .iter()
        .filter(|m| names.iter().any(|n| is(index, m, n)))
        .collect()
}

/// The group with this id.
fn group<'a>(data: &'a Dataset, id: Option<&str>) -> Option<&'a Group> {
    let id = id?;
    data.groups.iter().find(|g| *g.id == *id)
}

pub fn of_statement<'a>(data: &'a Dataset, s: &Statement) -> Vec<Link<'a>> {
    data.events
        .iter()
        .filter(|e| e.id == s.event)
        .map(|e| Link::event("delivered at", e))
        .collect()
}

pub fn of_event<'a>(data: &'a Dataset, index: &Entities<'a>, e: &Event) -> Vec<Link<'a>> {
    let statements = data.statements.iter().filter(|s| s.event == e.id);
    statements
        .map(|s| Link::statement("statement delivered here", s))
        .chain(
            group(data, e.group.as_deref()).map(|g| Link::group("the group whose work it is", g)),
        )
        .chain(
            members(data, index, &e.organizers)
                .into_iter()
                .map(|m| Link::member("organiser", m)),
        )
        .collect()
}

pub fn of_member<'a>(data: &'a Dataset, index: &Entities<'a>, m: &Member) -> Vec<Link<'a>> {
    let organised = data
        .events
        .iter()
        .filter(|e| e.organizers.iter().any(|o| is(index, m, o)));
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
        .filter(|h| h.chairs.iter().any(|c| is(index, m, c)) || names(m, &h.text));
    let chaired = data
        .groups
        .iter()
        .filter(|g| g.chairs.iter().any(|c| is(index, m, c)));
    let joined = data.groups.iter().filter(|g| {
        !g.chairs.iter().any(|c| is(index, m, c)) && g.participants.iter().any(|p| is(index, m, p))
    });
    let led = data
        .deliverables
        .iter()
        .filter(|d| d.lead.iter().any(|l| is(index, m, l)));
    chaired
        .map(|g| Link::group("co-chaired by this member", g))
        .chain(joined.map(|g| Link::group("this member takes part", g)))
        .chain(led.map(|d| Link::deliverable("led by this member", d)))
        .chain(organised.map(|e| Link::event("organised by this member", e)))
        .chain(stated.map(|s| Link::statement("names this member", s)))
        .chain(handed.map(|h| {
            let relation = if h.chairs.iter().any(|c| is(index, m, c)) {
                "listed under this member as Chair"
            } else {
                "names this member"
            };
            Link::handover(relation, h)
        }))
        .collect()
}

pub fn of_handover<'a>(data: &'a Dataset, index: &Entities<'a>, h: &Handover) -> Vec<Link<'a>> {
    let chairs = members(data, index, &h.chairs);
    let groups = data.groups.iter().filter(|g| h.groups.contains(&g.id));
    let deliverables = data
        .deliverables
        .iter()
        .filter(|d| h.deliverables.contains(&d.id));
    chairs
        .into_iter()
        .map(|m| Link::member("Chair this item is listed under", m))
        .chain(groups.map(|g| Link::group("group this item names", g)))
        .chain(deliverables.map(|d| Link::deliverable("deliverable this item names", d)))
        .collect()
}

pub fn of_group<'a>(data: &'a Dataset, index: &Entities<'a>, g: &Group) -> Vec<Link<'a>> {
    let chairs = members(data, index, &g.chairs);
    let others = members(data, index, &g.participants)
        .into_iter()
        .filter(|m| !g.chairs.iter().any(|c| is(index, m, c)));
    let mine = |id: &Option<crate::model::Text>| id.as_deref() == Some(&*g.id);
    let events = data.events.iter().filter(|e| mine(&e.group));
    let deliverables = data.deliverables.iter().filter(|d| mine(&d.group));
    let handed = data.handover.iter().filter(|h| h.groups.contains(&g.id));
    chairs
        .into_iter()
        .map(|m| Link::member("co-chair", m))
        .chain(others.map(|m| Link::member("takes part", m)))
        .chain(deliverables.map(|d| Link::deliverable("deliverable of this group", d)))
        .chain(events.map(|e| Link::event("event of this group", e)))
        .chain(handed.map(|h| Link::handover("handover item that names this group", h)))
        .collect()
}

pub fn of_deliverable<'a>(
    data: &'a Dataset,
    index: &Entities<'a>,
    d: &Deliverable,
) -> Vec<Link<'a>> {
    let groups = group(data, d.group.as_deref()).into_iter();
    let leads = members(data, index, &d.lead);
    let handed = data
        .handover
        .iter()
        .filter(|h| h.deliverables.contains(&d.id));
    groups
        .map(|g| Link::group("the group whose work it is", g))
        .chain(leads.into_iter().map(|m| Link::member("lead", m)))
        .chain(handed.map(|h| Link::handover("handover item that names it", h)))
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
