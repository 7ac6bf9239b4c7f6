//! `gmg events|statements|members|handover|groups|deliverables`: one path for every
//! collection — check the output options, load, filter, sort, limit, render.

use std::cmp::Ordering;
use std::io::Write;
use std::path::Path;

use crate::cli::{
    parse_field, DeliverablesArgs, EventFilterArgs, EventsArgs, Format, GroupsArgs, HandoverArgs,
    MembersArgs, OutputArgs, StatementsArgs, TextArgs,
};
use crate::dataset::{self, Origin};
use crate::exit::UsageError;
use crate::filter::{entity_key, group_ids, Filter, Needle, PeriodSpec};
use crate::model::{Dataset, Deliverable, Entities, Event, Group, Handover, Member, Statement};
use crate::output::{self, Destination, Rows};
use crate::record::Record;

pub fn events(data: Option<&Path>, args: &EventsArgs) -> anyhow::Result<()> {
    let period = args.dates.period()?;
    list(data, &args.output, |d| {
        let filter = shared::<Event>(&args.text, period.as_ref(), d);
        Ok((&d.events[..], for_events(filter, &args.events, d)?))
    })
}

pub fn statements(data: Option<&Path>, args: &StatementsArgs) -> anyhow::Result<()> {
    let period = args.dates.period()?;
    list(data, &args.output, |d| {
        let filter = shared::<Statement>(&args.text, period.as_ref(), d)
            .contains::<Statement>("location", location(d, args.location.as_deref())?);
        Ok((&d.statements[..], filter))
    })
}

pub fn members(data: Option<&Path>, args: &MembersArgs) -> anyhow::Result<()> {
    list(data, &args.output, |d| {
        let filter =
            shared::<Member>(&args.text, None, d).int::<Member>("added", args.added.map(i64::from));
        Ok((&d.members[..], filter))
    })
}

pub fn handover(data: Option<&Path>, args: &HandoverArgs) -> anyhow::Result<()> {
    list(data, &args.output, |d| {
        let chair = entity(d, "--chair <NAME>", args.chair.as_deref())?;
        let filter = shared::<Handover>(&args.text, None, d).entity::<Handover>("chairs", chair);
        Ok((&d.handover[..], filter))
    })
}

pub fn groups(data: Option<&Path>, args: &GroupsArgs) -> anyhow::Result<()> {
    list(data, &args.output, |d| {
        let kind: Vec<&str> = args.kind.iter().map(|k| k.as_str()).collect();
        let filter = shared::<Group>(&args.text, None, d)
            .entity::<Group>(
                "chairs",
                entity(d, "--chair <NAME>", args.chair.as_deref())?,
            )
            .entity::<Group>(
                "participants",
                entity(d, "--participant <NAME>", args.participant.as_deref())?,
            )
            .one_of::<Group>("kind", &kind);
        Ok((&d.groups[..], filter))
    })
}

pub fn deliverables(data: Option<&Path>, args: &DeliverablesArgs) -> anyhow::Result<()> {
    let period = args.dates.period()?;
    list(data, &args.output, |d| {
        let status: Vec<&str> = args.status.iter().map(|s| s.as_str()).collect();
        let kind: Vec<&str> = args.kind.iter().map(|k| k.as_str()).collect();
        let filter = shared::<Deliverable>(&args.text, period.as_ref(), d)
            .one_of::<Deliverable>("group", &group(d, args.group.as_deref())?)
            .entity::<Deliverable>("lead", entity(d, "--lead <NAME>", args.lead.as_deref())?)
            .one_of::<Deliverable>("status", &status)
            .one_of::<Deliverable>("kind", &kind);
        Ok((&d.deliverables[..], filter))
    })
}

/// The folded spellings of the entity `name` names, by any spelling (see [`Entities`]).
/// A name that is no spelling of any entity the dataset names is a usage error that offers
/// the nearest names: an empty list would read as a fact about the report.
pub fn entity(
    data: &Dataset,
    option: &str,
    name: Option<&str>,
) -> Result<Option<Vec<String>>, UsageError> {
    let Some(name) = name else {
        return Ok(None);
    };
    let index = Entities::new(data);
    match index.keys_of(name) {
        Some(keys) => Ok(Some(keys)),
        None => {
            let nearest = crate::suggest::nearest(name, index.spellings(), entity_key, 5);
            Err(UsageError::new(
                option,
                name,
                format!(
                    "no entity in the report is called that; did you mean {}? (gmg members lists the members)",
                    crate::suggest::or_list(&nearest)
                ),
            ))
        }
    }
}

/// `--location` as given, where it is part of some event's or statement's location. Text
/// that is part of none names no place the report gives: a usage error that offers the
/// nearest places, rather than an empty list that would read as a fact.
pub fn location<'v>(data: &Dataset, text: Option<&'v str>) -> Result<Option<&'v str>, UsageError> {
    let Some(text) = text else {
        return Ok(None);
    };
    let places = (data.events.iter().filter_map(|e| e.location.as_deref()))
        .chain(data.statements.iter().filter_map(|s| s.location.as_deref()));
    let needle = Needle::new(text);
    if places.clone().any(|p| needle.found_in(p)) {
        return Ok(Some(text));
    }
    let parts = places.flat_map(|p| std::iter::once(p).chain(p.split(", ")));
    let nearest = crate::suggest::nearest(text, parts, entity_key, 5);
    Err(UsageError::new(
        "--location <TEXT>",
        text,
        format!(
            "no event or statement is in a place called that; known places include {}",
            nearest.join(", ")
        ),
    ))
}

/// The ids of the groups `--group` names; a name that fits no group is a usage error that
/// lists the groups.
fn group<'d>(data: &'d Dataset, name: Option<&str>) -> Result<Vec<&'d str>, UsageError> {
    let Some(name) = name else {
        return Ok(Vec::new());
    };
    let ids = group_ids(&data.groups, name);
    if ids.is_empty() {
        let known: Vec<String> = data
            .groups
            .iter()
            .map(|g| format!("{} ({})", g.id, g.name))
            .collect();
        return Err(UsageError::new(
            "--group <G>",
            name,
            format!(
                "expected the id of a group or a part of its name; the groups are: {}",
                known.join("; ")
            ),
        ));
    }
    Ok(ids)
}

/// The filters every collection takes: the period (bare months in the dataset's report
/// year), `--search` and `--section`.
pub fn shared<R: Record>(text: &TextArgs, period: Option<&PeriodSpec>, data: &Dataset) -> Filter {
    Filter::default()
        .within(period.map(|p| p.resolve(data.report.year)))
        .search(text.search.as_deref())
        .section::<R>(text.section.as_deref())
}

/// The filters of events: location, and those of [`event_only`].
pub fn for_events(
    filter: Filter,
    args: &EventFilterArgs,
    data: &Dataset,
) -> Result<Filter, UsageError> {
    let location = location(data, args.location.as_deref())?;
    event_only(filter.contains::<Event>("location", location), args, data)
}

/// The filters only events have (a statement passes them through its event): kind,
/// organiser (by acronym or name) and group.
pub fn event_only(
    filter: Filter,
    args: &EventFilterArgs,
    data: &Dataset,
) -> Result<Filter, UsageError> {
    Ok(filter
        .one_of::<Event>("kind", &args.kinds())
        .entity::<Event>(
            "organizers",
            entity(data, "--organizer <ORG>", args.organizer.as_deref())?,
        )
        .one_of::<Event>("group", &group(data, args.group.as_deref())?))
}

pub fn list<R: Record>(
    data: Option<&Path>,
    args: &OutputArgs,
    select: impl for<'d> Fn(&'d Dataset) -> Result<(&'d [R], Filter), UsageError>,
) -> anyhow::Result<()> {
    let mut shape = Shape::<R>::new(args)?;
    let dest = Destination::new(args, Format::Table)?;
    let loaded = dataset::load(&Origin::from_option(data))?;
    let (all, filter) = select(&loaded)?;
    shape.keep(filter.fields::<R>());
    let records: Vec<&R> = all.iter().filter(|r| filter.matches(*r)).collect();
    let approximate = all.iter().filter(|r| filter.only_approximately(*r)).count();
    let (format, width) = (dest.style.format, dest.style.width);
    print(records, &shape, dest)?;
    note_approximate(approximate, R::NOUN, format, width)
}

/// Says, under a table, how many records were left out only because the report dates them
/// to a month or a year that overlaps the period.
pub fn note_approximate(
    count: usize,
    noun: &str,
    format: Format,
    width: Option<u16>,
) -> anyhow::Result<()> {
    if count == 0 || format != Format::Table {
        return Ok(());
    }
    let note = format!(
        "note: {} known only to the month or year may fall in this period; --approximate includes {}",
        output::count(count, noun),
        if count == 1 { "it" } else { "them" }
    );
    let mut err = std::io::stderr();
    writeln!(err, "{}", output::layout::fill(&note, width))?;
    Ok(())
}

/// Sorts, limits and renders records to their destination: the last step of every
/// command that prints rows.
pub fn print<R: Record>(
    mut records: Vec<&R>,
    shape: &Shape<R>,
    dest: Destination,
) -> anyhow::Result<()> {
    shape.arrange(&mut records);
    let fields = shape.fields(dest.style.format);
    dest.write(|out, style| {
        output::render(
            &Rows {
                records: records[..].into(),
                fields: fields[..].into(),
                kept: &shape.kept,
            },
            style,
            out,
        )
    })
}

/// `--fields`, `--sort`, `--reverse`, `--limit`, checked against a record type.
pub struct Shape<R> {
    fields: Option<Vec<usize>>,
    sort: Option<usize>,
    reverse: bool,
    limit: Option<usize>,
    /// The fields the command line filters or sorts on, which a table keeps in sight.
    kept: Vec<usize>,
    _record: std::marker::PhantomData<R>,
}

impl<R: Record> Shape<R> {
    pub fn new(args: &OutputArgs) -> Result<Shape<R>, UsageError> {
        let fields = match &args.fields {
            Some(names) => {
                let fields: Vec<usize> = names
                    .iter()
                    .map(|n| field::<R>("--fields", n))
                    .collect::<Result<_, _>>()?;
                if let Some(twice) = (0..fields.len()).find(|&i| fields[..i].contains(&fields[i])) {
                    return Err(UsageError::new(
                        "--fields",
                        &names[twice],
                        "each field may be named once",
                    ));
                }
                Some(fields)
            }
            None => None,
        };
        let sort = args
            .sort
            .as_deref()
            .map(|n| field::<R>("--sort", n))
            .transpose()?;
        Ok(Shape {
            fields,
            sort,
            reverse: args.reverse,
            limit: args.limit,
            kept: sort.into_iter().collect(),
            _record: std::marker::PhantomData,
        })
    }

    /// Keeps `fields` in sight in a table, with the one `--sort` names: the filters' fields.
    pub fn keep(&mut self, fields: Vec<usize>) {
        self.kept.extend(fields);
    }

    /// Sorts (by `--sort`, else the collection's default order), reverses and limits.
    /// Empty values (no date, no location, an empty list) come last whichever the
    /// direction: reversing puts the latest first, not the undated.
    pub fn arrange(&self, records: &mut Vec<&R>) {
        let reverse = |o: Ordering| if self.reverse { o.reverse() } else { o };
        match self.sort {
            Some(f) => records.sort_by(|a, b| {
                let (x, y) = (a.cell(f), b.cell(f));
                x.is_empty()
                    .cmp(&y.is_empty())
                    .then_with(|| reverse(x.compare(&y).then_with(|| a.default_order(b))))
            }),
            None => {
                // The default order may be the records' own (handover items in report
                // order, the months of a year): reversing it is reversing the list.
                records.sort_by(|a, b| a.default_order(b));
                if self.reverse {
                    records.reverse();
                }
                records.sort_by_key(|r| R::DATED && r.span().is_none());
            }
        }
        if let Some(limit) = self.limit {
            records.truncate(limit);
        }
    }

    /// The fields to print: `--fields`, else every field (the brief set for reading formats).
    pub fn fields(&self, format: Format) -> Vec<usize> {
        if let Some(fields) = &self.fields {
            return fields.clone();
        }
        let names = match format {
            Format::Table | Format::Markdown => R::BRIEF,
            _ => R::FIELDS,
        };
        names.iter().filter_map(|n| R::field_index(n)).collect()
    }
}

/// The field `--fields` or `--sort` names (see [`parse_field`]).
fn field<R: Record>(option: &str, name: &str) -> Result<usize, UsageError> {
    parse_field::<R>(name, option == "--sort").map_err(|why| UsageError::new(option, name, why))
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn field_names_never_panic_and_only_known_ones_pass(name in "\\PC{0,12}") {
            let known = Event::FIELDS.contains(&name.trim().to_lowercase().as_str());
            proptest::prop_assert_eq!(field::<Event>("--fields", &name).is_ok(), known);
        }
    }
}
