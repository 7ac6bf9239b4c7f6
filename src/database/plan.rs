//! The report's intentions in the database: objectives, accomplishments, proposals, Chairs,
//! and the links from each to the records that carry it (`record_links`).

use chrono::Datelike;
use rusqlite::{params, Transaction};

use super::{names, position};
use crate::model::{Dataset, Entities, Source, Text};

/// Fills the tables of the four collections; every other record must be in `records`
/// already, for the links to point at.
pub fn fill(tx: &Transaction<'_>, d: &Dataset, members: &Entities<'_>) -> rusqlite::Result<()> {
    let mut record = tx.prepare("INSERT INTO records VALUES (?1, ?2, ?3)")?;
    let mut also = tx.prepare("INSERT INTO also VALUES (?1, ?2, ?3, ?4)")?;
    let mut link = tx.prepare("INSERT INTO record_links VALUES (?1, ?2, ?3)")?;
    let mut common = |kind: &str, id: &str, title: &str, sources: &[Source]| {
        record.execute(params![id, kind, title])?;
        for (i, s) in sources.iter().enumerate() {
            also.execute(params![id, position(i), &*s.section, &*s.quote])?;
        }
        Ok::<(), rusqlite::Error>(())
    };
    // Links last: a link may point at a record of a later collection.
    let mut pending: Vec<(&str, &[Text])> = Vec::new();

    let mut insert =
        tx.prepare("INSERT INTO objectives VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")?;
    for (i, o) in d.objectives.iter().enumerate() {
        common("objective", &o.id, &o.title, &o.also)?;
        insert.execute(params![
            &*o.id,
            position(i),
            o.kind(),
            o.under.as_deref(),
            &*o.title,
            &*o.section,
            &*o.quote,
            o.note.as_deref()
        ])?;
        pending.push((&o.id, &o.records));
    }

    let mut insert = tx.prepare("INSERT INTO accomplishments VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for a in d.accomplishments.iter() {
        common("accomplishment", &a.id, &a.title, &a.also)?;
        let note = a.note.as_deref();
        insert.execute(params![&*a.id, &*a.title, &*a.section, &*a.quote, note])?;
        pending.push((&a.id, &a.records));
    }

    let mut insert = tx.prepare("INSERT INTO proposals VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    let mut paragraph = tx.prepare("INSERT INTO proposal_paragraphs VALUES (?1, ?2)")?;
    for p in d.proposals.iter() {
        common("proposal", &p.id, &p.title, &p.also)?;
        insert.execute(params![
            &*p.id,
            &*p.number,
            &*p.title,
            &*p.text,
            &*p.section,
            &*p.quote,
            p.note.as_deref()
        ])?;
        for n in p.paragraphs.iter() {
            paragraph.execute(params![&*p.id, n.parse::<i64>().ok()])?;
        }
        pending.push((&p.id, &p.records));
    }

    let mut insert = tx.prepare("INSERT INTO chairs VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")?;
    let mut list = tx.prepare("INSERT INTO chair_entities VALUES (?1, ?2, ?3, ?4)")?;
    for c in d.chairs.iter() {
        common("chair", &c.id, &c.entities.join("; "), &c.also)?;
        insert.execute(params![
            &*c.id,
            &*c.body,
            &*c.role,
            c.span.map(|s| s.start.year()),
            &*c.section,
            &*c.quote,
            c.note.as_deref()
        ])?;
        names(&mut list, &c.id, &c.entities, members)?;
        pending.push((&c.id, &c.records));
    }

    for (id, targets) in pending {
        for (i, target) in targets.iter().enumerate() {
            link.execute(params![id, position(i), &**target])?;
        }
    }
    Ok(())
}
