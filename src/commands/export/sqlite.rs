//! The dataset as a SQLite database file, built in memory and written whole; with
//! `--metadata`, datasette's description of it beside.

use std::path::Path;

use anyhow::Context;
use rusqlite::Connection;
use serde_json::{json, Map, Value};

use crate::database::{self, describe};
use crate::dataset::Origin;
use crate::model::Dataset;
use crate::output::Sink;

/// What datasette shows as the licence: the code's, and whose the quoted text is.
const LICENSE: &str =
    "gmg's code: MIT OR Apache-2.0; the report's text, quoted verbatim, is UN Women's";

/// Writes the database to `sink`, and datasette's metadata to `meta` if given; `file` is
/// the name the database is written under (`-` for standard output).
pub fn write(
    loaded: &Dataset,
    origin: &Origin,
    file: &Path,
    sink: Sink,
    meta: Option<Sink>,
) -> anyhow::Result<()> {
    let conn = crate::commands::sql::database(loaded, origin, true)
        .context("cannot build the database")?;
    let bytes = conn
        .serialize("main")
        .context("cannot serialise the database")?;
    sink.write(|out| {
        out.write_all(&bytes)?;
        out.flush()
    })?;
    let Some(meta) = meta else {
        return Ok(());
    };
    // datasette names a database after its file; standard output has none.
    let name = match file.file_stem() {
        Some(stem) if file.as_os_str() != "-" => stem.to_string_lossy().into_owned(),
        _ => "gmg".to_string(),
    };
    let described = metadata(&conn, &name).context("cannot describe the database")?;
    let text = serde_json::to_string_pretty(&described)?;
    meta.write(|out| {
        out.write_all(text.as_bytes())?;
        out.write_all(b"\n")?;
        out.flush()
    })
}

/// datasette's metadata for the database `name`: the title, the source report, the licence,
/// and what every table and column holds (`databases.NAME.tables.TABLE.columns.COLUMN`).
fn metadata(conn: &Connection, name: &str) -> anyhow::Result<Value> {
    let (title, chair, year, source): (String, String, i64, String) =
        conn.query_row("SELECT title, chair, year, source FROM report", [], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })?;
    let mut tables = Map::new();
    for table in database::tables(conn)? {
        let mut columns = Map::new();
        for column in &table.columns {
            let what = describe::column(&table.name, column).unwrap_or_default();
            columns.insert(column.clone(), json!(what));
        }
        let mut described = Map::new();
        let what = describe::table(&table.name).unwrap_or_default();
        described.insert("description".to_string(), json!(what));
        described.insert("columns".to_string(), Value::Object(columns));
        tables.insert(table.name, Value::Object(described));
    }
    Ok(json!({
        "title": format!("{title} ({chair}, {year})"),
        "description": format!(
            "The facts of the {title} by {chair} as Chair of the Global Migration Group in \
             {year}: its events, statements, members, groups, deliverables, handover and plans, \
             each record with the section of the report it comes from and a verbatim quote. \
             Written by gmg {}.",
            env!("CARGO_PKG_VERSION")
        ),
        "source": format!("{title}, {chair} ({year}): {source}"),
        "license": LICENSE,
        "databases": { name: { "tables": tables } },
    }))
}
