//! `gmg export FILE`: the dataset as a SQLite database file, built in memory and written
//! whole through the same sink as `-o` (a regular file is replaced only when all is written);
//! with `--metadata`, datasette's description of it beside.

use std::io::{self, IsTerminal};
use std::path::Path;

use anyhow::Context;
use rusqlite::Connection;
use serde_json::{json, Map, Value};

use crate::cli::ExportArgs;
use crate::database::{self, describe};
use crate::dataset::{self, Origin};
use crate::exit::UsageError;
use crate::output::Sink;

/// What datasette shows as the licence: the code's, and whose the quoted text is.
const LICENSE: &str =
    "gmg's code: MIT OR Apache-2.0; the report's text, quoted verbatim, is UN Women's";

pub fn run(data: Option<&Path>, args: &ExportArgs) -> anyhow::Result<()> {
    let to_stdout = args.file.as_os_str() == "-";
    if to_stdout && io::stdout().is_terminal() {
        return Err(UsageError::other(
            "a SQLite database is binary, and standard output is a terminal: give a file name (gmg export gmg.sqlite) or redirect it".to_string(),
        )
        .into());
    }
    let sink = Sink::open((!to_stdout).then_some(args.file.as_path()))?;
    let meta_sink = args
        .metadata
        .as_deref()
        .map(|m| Sink::open(Some(m)))
        .transpose()?;
    let origin = Origin::from_option(data);
    let loaded = dataset::load(&origin)?;
    let conn = super::sql::database(&loaded, &origin, true).context("cannot build the database")?;
    let bytes = conn
        .serialize("main")
        .context("cannot serialise the database")?;
    sink.write(|out| {
        out.write_all(&bytes)?;
        out.flush()
    })?;
    let Some(meta_sink) = meta_sink else {
        return Ok(());
    };
    // datasette names a database after its file; standard output has none.
    let name = match args.file.file_stem() {
        Some(stem) if !to_stdout => stem.to_string_lossy().into_owned(),
        _ => "gmg".to_string(),
    };
    let meta = metadata(&conn, &name).context("cannot describe the database")?;
    let text = serde_json::to_string_pretty(&meta)?;
    meta_sink.write(|out| {
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
