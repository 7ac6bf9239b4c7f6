//! The whole dataset as the workbook and the page show it: every collection with all its
//! fields, in the listings' order, and each record's links to the records of other
//! collections (`gmg show`'s links).

use crate::cli::Collection;
use crate::commands::show::{Link, Linker};
use crate::model::Dataset;
use crate::output::{Flow, Grid, Rows};
use crate::record::{Cell, Record, LIST_SEPARATOR};

/// One collection, whole.
pub struct Sheet<'a> {
    pub collection: Collection,
    /// Every record, every field; the first field is the record's key.
    pub grid: Box<dyn Grid + 'a>,
    /// The fields a listing shows when `--fields` is not given.
    pub brief: &'static [&'static str],
    /// The records' keys, row by row.
    pub keys: Vec<&'a str>,
    /// The records each row links to, row by row.
    pub links: Vec<Vec<Link<'a>>>,
}

/// Every collection of `data`, in the order of the commands, with the links `links` found.
pub fn sheets<'a>(data: &'a Dataset, links: &Linker<'a>) -> Vec<Sheet<'a>> {
    vec![
        sheet(links, Collection::Event, &data.events),
        sheet(links, Collection::Statement, &data.statements),
        sheet(links, Collection::Member, &data.members),
        sheet(links, Collection::Handover, &data.handover),
        sheet(links, Collection::Group, &data.groups),
        sheet(links, Collection::Deliverable, &data.deliverables),
        sheet(links, Collection::Objective, &data.objectives),
        sheet(links, Collection::Accomplishment, &data.accomplishments),
        sheet(links, Collection::Proposal, &data.proposals),
        sheet(links, Collection::Chair, &data.chairs),
    ]
}

fn sheet<'a, R: Record>(links: &Linker<'a>, collection: Collection, records: &'a [R]) -> Sheet<'a> {
    let mut records: Vec<&'a R> = records.iter().collect();
    records.sort_by(|a, b| a.default_order(b));
    let keys: Vec<&'a str> = records.iter().map(|r| r.key()).collect();
    let links = keys.iter().map(|k| links.of(k)).collect();
    Sheet {
        collection,
        grid: Box::new(Rows {
            records: records.into(),
            fields: (0..R::FIELDS.len()).collect::<Vec<_>>().into(),
            kept: &[],
        }),
        brief: R::BRIEF,
        keys,
        links,
    }
}

/// A sheet with a column of linked ids per collection it links to (`linked_events`), for
/// the workbook: ids in the order of the links, each once.
pub struct WithLinks<'s, 'a> {
    sheet: &'s Sheet<'a>,
    names: Vec<String>,
    /// Row by row, column by column: the ids joined as lists are in flat formats.
    ids: Vec<Vec<String>>,
}

impl<'s, 'a> WithLinks<'s, 'a> {
    pub fn new(sheet: &'s Sheet<'a>) -> Self {
        let linked: Vec<Collection> = Collection::ALL
            .into_iter()
            .filter(|c| sheet.links.iter().flatten().any(|l| l.kind == *c))
            .collect();
        let ids = sheet
            .links
            .iter()
            .map(|links| {
                linked
                    .iter()
                    .map(|c| {
                        let mut ids: Vec<&str> = Vec::new();
                        for l in links.iter().filter(|l| l.kind == *c) {
                            if !ids.contains(&l.id) {
                                ids.push(l.id);
                            }
                        }
                        ids.join(LIST_SEPARATOR)
                    })
                    .collect()
            })
            .collect();
        WithLinks {
            sheet,
            names: linked
                .iter()
                .map(|c| format!("linked_{}", c.plural()))
                .collect(),
            ids,
        }
    }

    fn own(&self) -> usize {
        self.sheet.grid.columns()
    }
}

impl Grid for WithLinks<'_, '_> {
    fn plural(&self) -> &str {
        self.sheet.grid.plural()
    }
    fn columns(&self) -> usize {
        self.own() + self.names.len()
    }
    fn rows(&self) -> usize {
        self.sheet.grid.rows()
    }
    fn name(&self, column: usize) -> &str {
        match column.checked_sub(self.own()) {
            Some(c) => &self.names[c],
            None => self.sheet.grid.name(column),
        }
    }
    fn cell(&self, row: usize, column: usize) -> Cell<'_> {
        match column.checked_sub(self.own()) {
            Some(c) if self.ids[row][c].is_empty() => Cell::Null,
            Some(c) => Cell::Text(&self.ids[row][c]),
            None => self.sheet.grid.cell(row, column),
        }
    }
    fn flow(&self, column: usize) -> Flow {
        match column.checked_sub(self.own()) {
            Some(_) => Flow::Wrap,
            None => self.sheet.grid.flow(column),
        }
    }
    fn rank(&self, column: usize) -> usize {
        match column.checked_sub(self.own()) {
            Some(_) => usize::MAX,
            None => self.sheet.grid.rank(column),
        }
    }
    fn shown(&self, row: usize, column: usize) -> Option<String> {
        match column.checked_sub(self.own()) {
            Some(_) => None,
            None => self.sheet.grid.shown(row, column),
        }
    }
}

/// Rows of text under names: what the workbook's first sheet says about it.
pub struct Plain {
    pub plural: &'static str,
    pub names: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

impl Grid for Plain {
    fn plural(&self) -> &str {
        self.plural
    }
    fn columns(&self) -> usize {
        self.names.len()
    }
    fn rows(&self) -> usize {
        self.rows.len()
    }
    fn name(&self, column: usize) -> &str {
        self.names[column]
    }
    fn cell(&self, row: usize, column: usize) -> Cell<'_> {
        Cell::Text(&self.rows[row][column])
    }
    fn flow(&self, _column: usize) -> Flow {
        Flow::Wrap
    }
    fn rank(&self, column: usize) -> usize {
        column
    }
}
