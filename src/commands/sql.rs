//! `gmg sql QUERY`: one read-only query over the dataset as a SQLite database built in
//! memory (the schema `gmg export` writes), its rows printed as SQLite produces them, in any
//! format, in bounded memory.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use anyhow::{anyhow, Context};
use rusqlite::limits::Limit;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, ErrorCode};

use crate::cli::{Format, SqlArgs};
use crate::database::{self, SCHEMA};
use crate::dataset::{self, Origin};
use crate::exit::UsageError;
use crate::output::{Destination, RowSource, Sink};
use crate::record::Cell;
use crate::suggest::{nearest, or_list};
use crate::text::{escape_controls, Echo};

/// The most memory SQLite may take for a query, beyond what the database itself holds; its
/// temporary storage (sorts, groups, DISTINCT) is in this memory too, never on disk.
const QUERY_MIB: i64 = 256;

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
    if !holds_a_statement(query) {
        return Err(UsageError::new(
            "[QUERY]",
            query,
            "it holds no statement, only comments or semicolons; expected a SQL query, such as \"select count(*) from statements\"",
        )
        .into());
    }
    let dest = Destination::new(&args.output, Format::Table)?;
    let origin = Origin::from_option(data);
    let loaded = dataset::load(&origin)?;
    let conn = database(&loaded, &origin, database::names_search(query))
        .context("cannot build the database")?;
    drop(loaded);
    bound(&conn)?;
    // Read-only: no statement may write, and no other database may be attached (and so
    // created on disk).
    conn.pragma_update(None, "query_only", true)?;
    conn.set_limit(Limit::SQLITE_LIMIT_ATTACHED, 0)?;

    let failed = |e| failure(e, query);
    let mut statement = conn.prepare(query).map_err(|e| {
        let hint = unknown_name(&e).map(|name| name.hint(&conn, query));
        let error = failure(e, query);
        match hint {
            Some(hint) => anyhow!("{error}{hint}"),
            None => error,
        }
    })?;
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
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let mut rows = QueryRows {
        rows: statement.query([]).map_err(failed)?,
        texts: vec![String::new(); names.len()],
        failed: None,
        query,
    };
    let written =
        dest.write(|out, style| crate::output::stream(&names, "rows", &mut rows, style, out));
    // The query's own failure, not the write it interrupted.
    match rows.failed.take() {
        Some(error) => Err(error),
        None => written,
    }
}

/// Whether the query holds a statement, and not only comments (and semicolons), as SQLite
/// reads it: prepared on an empty database, where only that can give no statement at all.
fn holds_a_statement(query: &str) -> bool {
    let Ok(conn) = Connection::open_in_memory() else {
        return true;
    };
    let holds = match conn.prepare(query) {
        // No statement has no text.
        Ok(statement) => statement.expanded_sql().is_some(),
        Err(_) => true,
    };
    holds
}

/// Bounds SQLite's memory to what the database holds now plus [`QUERY_MIB`], and keeps its
/// temporary storage in that memory: a query that needs more fails (see [`failure`]),
/// rather than taking the machine's memory or writing unbounded files under /var/tmp.
fn bound(conn: &Connection) -> anyhow::Result<()> {
    conn.pragma_update(None, "temp_store", "memory")?;
    // SAFETY: sqlite3_memory_used takes no argument and only reads SQLite's count of the
    // memory it has allocated; rusqlite has no safe wrapper for it.
    let held = unsafe { rusqlite::ffi::sqlite3_memory_used() };
    let ceiling = held + (QUERY_MIB << 20);
    // The pragma sets sqlite3_hard_heap_limit64 (process-wide; gmg has one connection). It
    // only ever lowers the limit, so a query cannot raise it again.
    let set: i64 =
        conn.pragma_update_and_check(None, "hard_heap_limit", ceiling, |row| row.get(0))?;
    if set != ceiling {
        return Err(anyhow!("cannot bound SQLite's memory to {ceiling} bytes"));
    }
    Ok(())
}

/// SQLite's error as a message, with the query and what SQLite quotes of it escaped and cut,
/// like every value a message echoes; running out of the memory [`bound`] allows said as
/// such.
fn failure(error: rusqlite::Error, query: &str) -> anyhow::Error {
    if error.sqlite_error_code() == Some(ErrorCode::OutOfMemory) {
        return anyhow!(
            "the query needs more than {QUERY_MIB} MiB of memory, the most gmg sql gives one: \
             sort, group or deduplicate fewer rows, or build smaller values"
        );
    }
    match error {
        rusqlite::Error::MultipleStatement => {
            anyhow!("the query holds more than one statement; gmg sql runs one")
        }
        rusqlite::Error::SqlInputError { msg, offset, .. } => {
            anyhow!("{} in {} at offset {offset}", Echo(&msg), Echo(query))
        }
        // SQLite's message can name what the query names (a table, a search's terms).
        rusqlite::Error::SqliteFailure(_, Some(msg)) => anyhow!("{}", Echo(&msg)),
        error => anyhow!("{}", escape_controls(&error.to_string())),
    }
}

/// Where SQLite's message names a table or column the schema lacks.
enum Unknown<'e> {
    Table(&'e str),
    Column(&'e str),
}

/// The name SQLite could not find, from its message ("no such column: start").
fn unknown_name(error: &rusqlite::Error) -> Option<Unknown<'_>> {
    let msg = match error {
        rusqlite::Error::SqlInputError { msg, .. } => msg,
        rusqlite::Error::SqliteFailure(_, Some(msg)) => msg,
        _ => return None,
    };
    if let Some(name) = msg.strip_prefix("no such table: ") {
        return Some(Unknown::Table(name));
    }
    msg.strip_prefix("no such column: ").map(Unknown::Column)
}

/// How many names a message offers at most.
const SUGGESTIONS: usize = 3;

impl Unknown<'_> {
    /// What to add to SQLite's message: the nearest names the schema has, and where to see
    /// them all. A column is first looked for in the tables the query names.
    fn hint(&self, conn: &Connection, query: &str) -> String {
        const SCHEMA_HINT: &str = " (gmg sql --schema prints every table and column)";
        let tables = database::tables(conn).unwrap_or_default();
        let (wanted, nearest) = match *self {
            Unknown::Table(name) => {
                let (qualifier, wanted) = split_qualifier(name);
                let names = tables.iter().map(|t| t.name.as_str());
                (wanted, close_to(wanted, names, qualifier))
            }
            Unknown::Column(name) => {
                let (qualifier, wanted) = split_qualifier(name);
                let words: HashSet<String> = query
                    .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .map(str::to_lowercase)
                    .collect();
                let named = tables.iter().filter(|t| words.contains(&t.name));
                let columns = |tables: &mut dyn Iterator<Item = &database::Table>| {
                    let names: Vec<&str> = tables
                        .flat_map(|t| t.columns.iter().map(String::as_str))
                        .collect();
                    close_to(wanted, names, qualifier)
                };
                let mut nearest = columns(&mut named.into_iter());
                if nearest.is_empty() {
                    nearest = columns(&mut tables.iter());
                }
                (wanted, nearest)
            }
        };
        if nearest.is_empty() || wanted.is_empty() {
            return SCHEMA_HINT.to_string();
        }
        let nearest: Vec<&str> = nearest.iter().map(String::as_str).collect();
        format!("; did you mean {}?{SCHEMA_HINT}", or_list(&nearest))
    }
}

/// `s.start` as `("s.", "start")`; a name without a qualifier as `("", name)`.
fn split_qualifier(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(dot) => name.split_at(dot + 1),
        None => ("", name),
    }
}

/// The names close to `wanted`, nearest first, with `qualifier` before each: those it starts,
/// those with it as a word between underscores (`date` in `start_date`), and those a third of
/// its letters or fewer away.
fn close_to<'a>(
    wanted: &str,
    names: impl IntoIterator<Item = &'a str>,
    qualifier: &str,
) -> Vec<String> {
    let lower = |s: &str| s.to_lowercase();
    let folded = lower(wanted);
    let close = |name: &&str| {
        let name = lower(name);
        name.starts_with(&folded)
            || name.split('_').any(|word| word == folded)
            || strsim::levenshtein(&name, &folded) <= (folded.chars().count() / 3).max(1)
    };
    let names: Vec<&str> = names.into_iter().filter(close).collect();
    nearest(wanted, names, lower, SUGGESTIONS)
        .into_iter()
        .map(|name| format!("{qualifier}{name}"))
        .collect()
}

/// The rows of a running query, handed out as SQLite steps to each.
struct QueryRows<'s> {
    rows: rusqlite::Rows<'s>,
    /// Each column's text, where a value needs writing out (a blob as hex, text that is not
    /// UTF-8); reused from row to row.
    texts: Vec<String>,
    /// Why the query stopped, if it failed.
    failed: Option<anyhow::Error>,
    query: &'s str,
}

impl QueryRows<'_> {
    /// Keeps SQLite's error for `run` to report, and stops the rows.
    fn fail(failed: &mut Option<anyhow::Error>, error: rusqlite::Error, query: &str) -> io::Error {
        *failed = Some(failure(error, query));
        io::Error::other("the query failed")
    }
}

impl RowSource for QueryRows<'_> {
    fn next(&mut self) -> io::Result<Option<Vec<Cell<'_>>>> {
        let QueryRows {
            rows,
            texts,
            failed,
            query,
        } = self;
        let row = match rows.next() {
            Ok(Some(row)) => row,
            Ok(None) => return Ok(None),
            Err(error) => return Err(Self::fail(failed, error, query)),
        };
        let mut values = Vec::with_capacity(texts.len());
        for c in 0..texts.len() {
            match row.get_ref(c) {
                Ok(value) => values.push(value),
                Err(error) => return Err(Self::fail(failed, error, query)),
            }
        }
        for (value, text) in values.iter().zip(texts.iter_mut()) {
            write_out(*value, text);
        }
        let texts: &Vec<String> = texts;
        let cells = values
            .iter()
            .zip(texts)
            .map(|(value, text)| match value {
                ValueRef::Null => Cell::Null,
                ValueRef::Integer(n) => Cell::Int(*n),
                ValueRef::Real(x) => Cell::Real(*x),
                ValueRef::Text(t) => Cell::Text(std::str::from_utf8(t).unwrap_or(text)),
                ValueRef::Blob(_) => Cell::Text(text),
            })
            .collect();
        Ok(Some(cells))
    }

    /// SQLite steps to the row; nothing of it is read.
    fn skip(&mut self) -> io::Result<bool> {
        match self.rows.next() {
            Ok(row) => Ok(row.is_some()),
            Err(error) => Err(Self::fail(&mut self.failed, error, self.query)),
        }
    }
}

/// Writes `value` into `text` where it is not text to hand on as it is: a blob as hex, in
/// SQLite's literal form (`x'0a1b'`), text that is not UTF-8 with U+FFFD for what is not.
fn write_out(value: ValueRef<'_>, text: &mut String) -> bool {
    match value {
        ValueRef::Blob(bytes) => {
            text.clear();
            hex_literal(bytes, text);
            true
        }
        ValueRef::Text(t) if std::str::from_utf8(t).is_err() => {
            text.clear();
            text.push_str(&String::from_utf8_lossy(t));
            true
        }
        _ => false,
    }
}

/// `x'…'` with the bytes in lower-case hex, in one pass into room made once.
fn hex_literal(bytes: &[u8], out: &mut String) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.reserve(2 * bytes.len() + 3);
    out.push_str("x'");
    out.extend(bytes.iter().flat_map(|&b| {
        [
            char::from(DIGITS[usize::from(b >> 4)]),
            char::from(DIGITS[usize::from(b & 0x0f)]),
        ]
    }));
    out.push('\'');
}

/// The dataset loaded from `origin` as a SQLite database in memory: the embedded one as the
/// build script prepared it (read in place, read-only), any other built now (its full-text
/// index only `with_search`).
pub fn database(
    data: &crate::model::Dataset,
    origin: &Origin,
    with_search: bool,
) -> rusqlite::Result<rusqlite::Connection> {
    if let Origin::Embedded = origin {
        let mut conn = rusqlite::Connection::open_in_memory()?;
        conn.deserialize_bytes("main", crate::dataset::embedded::DATABASE)?;
        return Ok(conn);
    }
    database::build(data, &origin.to_string(), with_search)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blob_is_its_sqlite_literal() {
        let mut out = String::from("old");
        assert!(write_out(
            ValueRef::Blob(&[0x0a, 0x1b, 0xff, 0x00]),
            &mut out
        ));
        assert_eq!(out, "x'0a1bff00'");
        assert!(write_out(ValueRef::Blob(&[]), &mut out));
        assert_eq!(out, "x''");
        assert!(write_out(ValueRef::Text(b"a\xffb"), &mut out));
        assert_eq!(out, "a\u{fffd}b");
        assert!(!write_out(ValueRef::Text("é".as_bytes()), &mut out));
        assert!(!write_out(ValueRef::Integer(1), &mut out));
    }
}
