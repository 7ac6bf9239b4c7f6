//! `gmg events|statements|members|handover`: one path for the four collections — check the
//! output options, load, filter, sort, limit, render.

use std::path::Path;

use crate::cli::{EventsArgs, Format, HandoverArgs, MembersArgs, OutputArgs, StatementsArgs};
use crate::dataset::{self, Origin};
use crate::exit::UsageError;
use crate::filter::Filter;
use crate::model::{Dataset, Event, Handover, Member, Statement};
use crate::output::{self, Destination, Rows};
use crate::record::Record;

pub fn events(data: Option<&Path>, args: &EventsArgs) -> anyhow::Result<()> {
    let filter = Filter::new::<Event>(Some(&args.dates), &args.text)
        .contains::<Event>("location", args.events.location.as_deref())
        .one_of::<Event>("kind", &args.events.kinds())
        .equals::<Event>("organizers", args.events.organizer.as_deref());
    list(data, &args.output, &filter, |d| &d.events)
}

pub fn statements(data: Option<&Path>, args: &StatementsArgs) -> anyhow::Result<()> {
    let filter = Filter::new::<Statement>(Some(&args.dates), &args.text)
        .contains::<Statement>("location", args.location.as_deref());
    list(data, &args.output, &filter, |d| &d.statements)
}

pub fn members(data: Option<&Path>, args: &MembersArgs) -> anyhow::Result<()> {
    let filter =
        Filter::new::<Member>(None, &args.text).int::<Member>("added", args.added.map(i64::from));
    list(data, &args.output, &filter, |d| &d.members)
}

pub fn handover(data: Option<&Path>, args: &HandoverArgs) -> anyhow::Result<()> {
    let filter = Filter::new::<Handover>(None, &args.text)
        .equals::<Handover>("chairs", args.chair.as_deref());
    list(data, &args.output, &filter, |d| &d.handover)
}

fn list<R: Record>(
    data: Option<&Path>,
    args: &OutputArgs,
    filter: &Filter,
    collection: impl Fn(&Dataset) -> &Vec<R>,
) -> anyhow::Result<()> {
    let shape = Shape::<R>::new(args)?;
    let dest = Destination::new(args, Format::Table)?;
    let loaded = dataset::load(&Origin::from_option(data))?;
    let records: Vec<&R> = collection(&loaded)
        .iter()
        .filter(|r| filter.matches(*r))
        .collect();
    print(records, &shape, &dest)
}

/// Sorts, limits and renders records to their destination: the last step of every
/// command that prints rows.
pub fn print<R: Record>(
    mut records: Vec<&R>,
    shape: &Shape<R>,
    dest: &Destination,
) -> anyhow::Result<()> {
    shape.arrange(&mut records);
    let fields = shape.fields(dest.style.format);
    dest.write(|out| {
        output::render(
            &Rows {
                records: &records,
                fields: &fields,
            },
            &dest.style,
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
            _record: std::marker::PhantomData,
        })
    }

    /// Sorts (by `--sort`, else the collection's default order), reverses and limits.
    pub fn arrange(&self, records: &mut Vec<&R>) {
        match self.sort {
            Some(f) => records.sort_by(|a, b| {
                a.cell(f)
                    .compare(&b.cell(f))
                    .then_with(|| a.default_order(b))
            }),
            None => records.sort_by(|a, b| a.default_order(b)),
        }
        if self.reverse {
            records.reverse();
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

fn field<R: Record>(option: &str, name: &str) -> Result<usize, UsageError> {
    R::field_index(name.trim()).ok_or_else(|| {
        UsageError::new(
            option,
            name,
            format!(
                "expected one of the {} fields: {}",
                R::NOUN,
                R::FIELDS.join(", ")
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn field_names_never_panic_and_only_known_ones_pass(name in "\\PC{0,12}") {
            let known = Event::FIELDS.contains(&name.trim());
            proptest::prop_assert_eq!(field::<Event>("--fields", &name).is_ok(), known);
        }
    }
}
