//! The dataset as an Excel workbook: a first sheet that says what the workbook is and where
//! it comes from, then a sheet per collection with every field and, as columns of ids, the
//! records each row links to.

use anyhow::Context;

use super::book::{self, Plain, WithLinks};
use crate::commands::overview;
use crate::commands::show::Linker;
use crate::dataset::Origin;
use crate::model::{Dataset, Entities};
use crate::output::{self, Grid, Sink};

pub fn write(data: &Dataset, origin: &Origin, sink: Sink) -> anyhow::Result<()> {
    let links = Linker::new(data, &Entities::new(data));
    let sheets = book::sheets(data, &links);
    let linked: Vec<WithLinks<'_, '_>> = sheets.iter().map(WithLinks::new).collect();
    let about = about(data, origin);
    let mut grids: Vec<(&str, &dyn Grid)> = vec![("about", &about)];
    for (sheet, grid) in sheets.iter().zip(&linked) {
        grids.push((sheet.collection.plural(), grid));
    }
    let mut bytes = Vec::new();
    output::workbook(&grids, &mut bytes).context("cannot build the workbook")?;
    sink.write(|out| {
        out.write_all(&bytes)?;
        out.flush()
    })
}

/// The first sheet: the report, the data, the program, and what each sheet holds.
fn about(data: &Dataset, origin: &Origin) -> Plain {
    let r = &data.report;
    let mut rows = vec![
        vec!["report".to_string(), format!("{} {}", r.title, r.year)],
        vec!["chair".to_string(), r.chair.to_string()],
        vec!["period".to_string(), format!("{} to {}", r.start, r.end)],
        vec!["source".to_string(), r.source.to_string()],
        vec!["data".to_string(), origin.to_string()],
        vec![
            "written by".to_string(),
            format!("gmg {}", env!("CARGO_PKG_VERSION")),
        ],
        vec![
            "how to read it".to_string(),
            "One sheet per collection, one row per record. Every record names the section of \
             the report it comes from and quotes it verbatim (section, quote; also: more \
             passages). A date shows to the report's precision (2016, 2016-06, 2016-06-14), \
             given in the precision column. The linked_ columns hold the ids of the records \
             each row links to, found in the id (members: acronym) column of the sheet of \
             that name. An empty cell is a fact the report does not give."
                .to_string(),
        ],
    ];
    for (n, noun, what) in overview::counts(data) {
        rows.push(vec![noun.to_string(), format!("{n}: {what}")]);
    }
    Plain {
        plural: "about",
        names: vec!["about", "value"],
        rows,
    }
}
