//! The dataset as a SQLite database (see `schema.sql`), built in memory: written to a file by
//! `gmg export`, queried by `gmg sql`.

use rusqlite::{params, Connection, Transaction};

pub mod describe;
mod plan;

use crate::model::{Dataset, DateSpan, Entities, Source, Text};
use crate::record::{Cell, Record};

/// The schema: tables, the full-text index and the views.
pub const SCHEMA: &str = include_str!("schema.sql");

/// The full-text index of every record, which is left out when a query does not name it.
const SEARCH_TABLE: &str = "search";

/// How the full-text table of one collection ends (`events_fts`), left out like `search`.
const COLLECTION_SEARCH: &str = "_fts";

/// Builds the database in memory. `dataset` names where the records come from, for the
/// `report` table. The full-text index is filled only `with_search`.
pub fn build(data: &Dataset, dataset: &str, with_search: bool) -> rusqlite::Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    // The links were checked when the dataset was loaded (and the tests check the export
    // with `PRAGMA foreign_key_check`); an in-memory database needs no rollback journal.
    conn.execute_batch("PRAGMA journal_mode = OFF;")?;
    conn.execute_batch(SCHEMA)?;
    let tx = conn.transaction()?;
    fill(&tx, data, dataset)?;
    if with_search {
        index(&tx, data)?;
    }
    tx.commit()?;
    Ok(conn)
}

/// Whether `query` may use a full-text index (it names `search` or a collection's `_fts`).
pub fn names_search(query: &str) -> bool {
    let query = query.to_ascii_lowercase();
    query.contains(SEARCH_TABLE) || query.contains(COLLECTION_SEARCH)
}

/// The 1-based place of the `i`th item of a list.
pub(crate) fn position(i: usize) -> i64 {
    i64::try_from(i).map_or(i64::MAX, |i| i + 1)
}

/// `(start, end, precision)` of a span, each NULL when there is none.
fn dates(span: Option<&DateSpan>) -> (Option<String>, Option<String>, Option<&'static str>) {
    match span {
        Some(s) => (
            Some(s.start.to_string()),
            Some(s.end.to_string()),
            Some(s.precision.as_str()),
        ),
        None => (None, None, None),
    }
}

fn fill(tx: &Transaction<'_>, d: &Dataset, dataset: &str) -> rusqlite::Result<()> {
    let r = &d.report;
    let members = Entities::new(d);
    tx.execute(
        "INSERT INTO report VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            &*r.title,
            &*r.chair,
            r.year,
            r.start.to_string(),
            r.end.to_string(),
            &*r.source,
            dataset,
            env!("CARGO_PKG_VERSION")
        ],
    )?;
    let mut record = tx.prepare("INSERT INTO records VALUES (?1, ?2, ?3)")?;
    let mut also = tx.prepare("INSERT INTO also VALUES (?1, ?2, ?3, ?4)")?;
    let mut sources = |id: &str, list: &[Source]| -> rusqlite::Result<()> {
        for (i, s) in list.iter().enumerate() {
            also.execute(params![id, position(i), &*s.section, &*s.quote])?;
        }
        Ok(())
    };

    let mut alias = tx.prepare("INSERT INTO aliases VALUES (?1, ?2, ?3)")?;
    let mut aliases = |entity: &str, list: &[Text]| -> rusqlite::Result<()> {
        for (i, a) in list.iter().enumerate() {
            alias.execute(params![entity, position(i), &**a])?;
        }
        Ok(())
    };
    let mut insert = tx.prepare("INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for e in d.entities.iter() {
        let note = e.note.as_deref();
        insert.execute(params![&*e.acronym, &*e.name, &*e.section, &*e.quote, note])?;
        aliases(&e.acronym, &e.aliases)?;
    }

    let mut insert = tx.prepare("INSERT INTO members VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for m in d.members.iter() {
        record.execute(params![&*m.acronym, "member", &*m.name])?;
        insert.execute(params![
            &*m.acronym,
            &*m.name,
            m.added,
            &*m.section,
            &*m.quote,
            m.note.as_deref()
        ])?;
        sources(&m.acronym, &m.also)?;
        aliases(&m.acronym, &m.aliases)?;
    }

    let mut insert = tx.prepare("INSERT INTO groups VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    let mut list = tx.prepare("INSERT INTO group_chairs VALUES (?1, ?2, ?3)")?;
    let mut joined = tx.prepare("INSERT INTO group_participants VALUES (?1, ?2, ?3)")?;
    for g in d.groups.iter() {
        record.execute(params![&*g.id, "group", &*g.name])?;
        insert.execute(params![
            &*g.id,
            &*g.name,
            g.kind.as_str(),
            &*g.area,
            &*g.section,
            &*g.quote,
            g.note.as_deref()
        ])?;
        for (statement, names) in [(&mut list, &g.chairs), (&mut joined, &g.participants)] {
            for (i, name) in names.iter().enumerate() {
                let member = members.member(name).map(|m| &*m.acronym);
                statement.execute(params![&*g.id, position(i), member])?;
            }
        }
        sources(&g.id, &g.also)?;
    }

    let mut insert =
        tx.prepare("INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")?;
    let mut list = tx.prepare("INSERT INTO event_organizers VALUES (?1, ?2, ?3, ?4)")?;
    for e in d.events.iter() {
        record.execute(params![&*e.id, "event", &*e.title])?;
        let (start, end, precision) = dates(e.span.as_ref());
        insert.execute(params![
            &*e.id,
            start,
            end,
            precision,
            &*e.title,
            e.kind.as_str(),
            e.location.as_deref(),
            e.group.as_deref(),
            &*e.section,
            &*e.quote,
            e.note.as_deref()
        ])?;
        names(&mut list, &e.id, &e.organizers, &members)?;
        sources(&e.id, &e.also)?;
    }

    let mut insert =
        tx.prepare("INSERT INTO statements VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    for s in d.statements.iter() {
        record.execute(params![&*s.id, "statement", &*s.title])?;
        insert.execute(params![
            &*s.id,
            s.span.start.to_string(),
            s.span.end.to_string(),
            &*s.title,
            &*s.event,
            s.location.as_deref(),
            &*s.section,
            &*s.quote,
            s.note.as_deref()
        ])?;
        sources(&s.id, &s.also)?;
    }

    let mut insert = tx.prepare(
        "INSERT INTO deliverables VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    let mut list = tx.prepare("INSERT INTO deliverable_leads VALUES (?1, ?2, ?3, ?4)")?;
    for x in d.deliverables.iter() {
        record.execute(params![&*x.id, "deliverable", &*x.title])?;
        // A deadline is the end of the period the report gives (as in every listing format).
        let (_, due, precision) = dates(x.due.as_ref());
        insert.execute(params![
            &*x.id,
            &*x.title,
            x.kind.as_str(),
            x.group.as_deref(),
            x.status.map(|s| s.as_str()),
            due,
            precision,
            x.url.as_deref(),
            &*x.section,
            &*x.quote,
            x.note.as_deref()
        ])?;
        names(&mut list, &x.id, &x.lead, &members)?;
        sources(&x.id, &x.also)?;
    }

    let mut insert = tx.prepare("INSERT INTO handover VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    let mut list = tx.prepare("INSERT INTO handover_chairs VALUES (?1, ?2, ?3, ?4)")?;
    let mut groups = tx.prepare("INSERT INTO handover_groups VALUES (?1, ?2)")?;
    let mut products = tx.prepare("INSERT INTO handover_deliverables VALUES (?1, ?2)")?;
    for (i, h) in d.handover.iter().enumerate() {
        record.execute(params![&*h.id, "handover", &*h.text])?;
        insert.execute(params![
            &*h.id,
            position(i),
            &*h.text,
            &*h.section,
            &*h.quote,
            h.note.as_deref()
        ])?;
        names(&mut list, &h.id, &h.chairs, &members)?;
        for g in h.groups.iter() {
            groups.execute(params![&*h.id, &**g])?;
        }
        for x in h.deliverables.iter() {
            products.execute(params![&*h.id, &**x])?;
        }
    }
    plan::fill(tx, d, &members)?;
    Ok(())
}

/// A list of names, each with the member it names where it names one.
pub(crate) fn names(
    statement: &mut rusqlite::Statement<'_>,
    id: &str,
    names: &[Text],
    members: &Entities<'_>,
) -> rusqlite::Result<()> {
    for (i, name) in names.iter().enumerate() {
        let member = members.member(name).map(|m| &*m.acronym);
        statement.execute(params![id, position(i), &**name, member])?;
    }
    Ok(())
}

/// Fills the full-text index: one row per record, its title and the rest of its text.
fn index(tx: &Transaction<'_>, d: &Dataset) -> rusqlite::Result<()> {
    let rows = (d.events.iter().map(|r| text("event", r, "title")))
        .chain(d.statements.iter().map(|r| text("statement", r, "title")))
        .chain(d.members.iter().map(|r| text("member", r, "name")))
        .chain(d.handover.iter().map(|r| text("handover", r, "text")))
        .chain(d.groups.iter().map(|r| text("group", r, "name")))
        .chain(
            d.deliverables
                .iter()
                .map(|r| text("deliverable", r, "title")),
        )
        .chain(d.objectives.iter().map(|r| text("objective", r, "title")))
        .chain(
            d.accomplishments
                .iter()
                .map(|r| text("accomplishment", r, "title")),
        )
        .chain(d.proposals.iter().map(|r| text("proposal", r, "title")))
        .chain(d.chairs.iter().map(|r| text("chair", r, "entities")));
    let mut insert = tx.prepare("INSERT INTO search VALUES (?1, ?2, ?3, ?4)")?;
    for (kind, id, title, body) in rows {
        insert.execute(params![kind, id, title, body])?;
    }
    // Each collection's own index reads its table, whose columns schema.sql names.
    let tables: Vec<String> = tx
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' \
             AND sql LIKE 'CREATE VIRTUAL TABLE %USING fts5%content=%' ORDER BY name",
        )?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for table in tables {
        tx.execute(
            &format!("INSERT INTO \"{table}\" (\"{table}\") VALUES ('rebuild')"),
            [],
        )?;
    }
    Ok(())
}

/// A record's kind and key, its `title` field, and every other field a search looks in, one
/// per line.
fn text<'a, R: Record>(
    kind: &'static str,
    record: &'a R,
    title: &str,
) -> (&'static str, &'a str, String, String) {
    let title = R::field_index(title).unwrap_or(0);
    let mut body = String::new();
    for f in R::searched().filter(|&f| f != title && f != 0) {
        record.cell(f).each_text(&mut |t| {
            if !t.is_empty() {
                if !body.is_empty() {
                    body.push('\n');
                }
                body.push_str(t);
            }
        });
    }
    let title = match record.cell(title) {
        Cell::Text(t) => t.to_string(),
        other => other.to_string(),
    };
    (kind, record.key(), title, body)
}

/// A table or view a query may name, with its columns in order.
pub struct Table {
    pub name: String,
    pub columns: Vec<String>,
}

/// The tables, then the views, in schema order, each with its columns; the tables a full-text
/// index keeps for itself (`search_data`, `events_fts_idx`, …) left out.
pub fn tables(conn: &Connection) -> rusqlite::Result<Vec<Table>> {
    let mut listed = conn.prepare(
        "SELECT name, type, sql LIKE 'CREATE VIRTUAL TABLE%' FROM sqlite_master \
         WHERE type IN ('table', 'view') ORDER BY type = 'view', rowid",
    )?;
    let listed: Vec<(String, String, bool)> = listed
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let virtual_tables: Vec<&str> = (listed.iter())
        .filter(|(_, _, is_virtual)| *is_virtual)
        .map(|(name, _, _)| name.as_str())
        .collect();
    let mut columns = conn.prepare("SELECT name FROM pragma_table_info(?1)")?;
    let mut tables = Vec::new();
    for (name, kind, _) in &listed {
        let internal = virtual_tables
            .iter()
            .any(|v| kind == "table" && name.starts_with(&format!("{v}_")));
        if internal {
            continue;
        }
        let columns = columns
            .query_map([name], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        tables.push(Table {
            name: name.clone(),
            columns,
        });
    }
    Ok(tables)
}
