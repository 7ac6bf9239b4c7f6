//! `gmg sql QUERY`: one read-only query over the dataset as a SQLite database built in
//! memory (the schema `gmg export` writes), printed like a listing in any format.

use std::path::Path;

use anyhow::{anyhow, Context};
use rusqlite::limits::Limit;
use rusqlite::types::ValueRef;

use crate::cli::{Format, SqlArgs};
use crate::database::{self, SCHEMA};
use crate::dataset::{self, Origin};
use crate::exit::UsageError;
use crate::output::{Destination, Flow, Grid, Sink};
use crate::record::Cell;
use crate::text::escape_controls;

pub fn run(data: Option<&Path>, args: &SqlArgs) -> anyhow::Result<()> {
    let Some(query) = args.query.as_deref() else {
        return Sink::open(None)?.write(|out| out.write_all(SCHEMA.as_bytes()));
    };
    // The query chooses, orders and limits the rows; the listings' options for that would
    // only fight it.
    if let Some(option) = args.output.shaping() {
        let instead = match option {
            "--fields" => "the select list",
            "--sort" => "ORDER BY",
            "--reverse" => "ORDER BY … DESC",
            _ => "LIMIT",
        };
        return Err(UsageError::other(format!(
            "'{option}' does not apply to gmg sql: the query shapes its rows; use {instead}"
        ))
        .into());
    }
    let dest = Destination::new(&args.output, Format::Table)?;
    let origin = Origin::from_option(data);
    let loaded = dataset::load(&origin)?;
    let conn = dataset::database(&loaded, &origin, database::names_search(query))
        .context("cannot build the database")?;
    // Read-only: no statement may write, and no other database may be attached (and so
    // created on disk).
    conn.pragma_update(None, "query_only", true)?;
    conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;
    let grid = results(&conn, query)?;
    dest.write(|out, style| crate::output::render(&grid, style, out))
}

/// Runs the query and keeps its rows.
fn results(conn: &rusqlite::Connection, query: &str) -> anyhow::Result<Results> {
    let failed = |e: rusqlite::Error| match e {
        rusqlite::Error::MultipleStatement => {
            anyhow!("the query holds more than one statement; gmg sql runs one")
        }
        e => anyhow!("{}", escape_controls(&e.to_string())),
    };
    let mut statement = conn.prepare(query).map_err(failed)?;
    if !statement.readonly() {
        return Err(anyhow!(
            "attempt to write a readonly database: gmg sql runs read-only queries"
        ));
    }
    let names: Vec<String> = statement
        .column_names()
        .iter()
        .map(|n| escape_controls(n))
        .collect();
    let mut rows = statement.query([]).map_err(failed)?;
    let mut values = Vec::new();
    while let Some(row) = rows.next().map_err(failed)? {
        let mut line = Vec::with_capacity(names.len());
        for c in 0..names.len() {
            line.push(Value::from(row.get_ref(c).map_err(failed)?));
        }
        values.push(line);
    }
    let flows = (0..names.len())
        .map(|c| {
            let prose = values.iter().any(|row| match &row[c] {
                Value::Text(t) => t.contains(char::is_whitespace),
                _ => false,
            });
            if prose {
                Flow::Wrap
            } else {
                Flow::Token
            }
        })
        .collect();
    Ok(Results {
        names,
        rows: values,
        flows,
    })
}

/// A value of a result row, owned.
enum Value {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
}

impl From<ValueRef<'_>> for Value {
    fn from(value: ValueRef<'_>) -> Value {
        match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(n) => Value::Integer(n),
            ValueRef::Real(x) => Value::Real(x),
            ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
            // A blob as SQLite writes its literal: x'0a1b'.
            ValueRef::Blob(b) => Value::Text(format!(
                "x'{}'",
                b.iter().map(|x| format!("{x:02x}")).collect::<String>()
            )),
        }
    }
}

/// The rows a query returned, as a grid every format renders.
struct Results {
    names: Vec<String>,
    rows: Vec<Vec<Value>>,
    flows: Vec<Flow>,
}

impl Grid for Results {
    fn plural(&self) -> &str {
        "rows"
    }
    fn columns(&self) -> usize {
        self.names.len()
    }
    fn rows(&self) -> usize {
        self.rows.len()
    }
    fn name(&self, column: usize) -> &str {
        &self.names[column]
    }
    fn cell(&self, row: usize, column: usize) -> Cell<'_> {
        match &self.rows[row][column] {
            Value::Null => Cell::Null,
            Value::Integer(n) => Cell::Int(*n),
            Value::Real(x) => Cell::Real(*x),
            Value::Text(t) => Cell::Text(t),
        }
    }
    fn flow(&self, column: usize) -> Flow {
        self.flows[column]
    }
    fn rank(&self, column: usize) -> usize {
        column
    }
    /// A query can make text the data may not hold (`char(27)`): a table shows it escaped.
    fn shown(&self, row: usize, column: usize) -> Option<String> {
        match &self.rows[row][column] {
            Value::Text(t) if t.chars().any(crate::text::forbidden) => Some(escape_controls(t)),
            _ => None,
        }
    }
}
