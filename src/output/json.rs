//! JSON (one array of objects) and NDJSON (one object per line) through serde_json.

use std::io::{self, Write};

use super::Rows;
use crate::record::{JsonRow, Record};

pub fn render<R: Record>(rows: &Rows<'_, R>, lines: bool, out: &mut dyn Write) -> io::Result<()> {
    let row = |record| JsonRow {
        record,
        fields: rows.fields,
    };
    if lines {
        for record in rows.records {
            serde_json::to_writer(&mut *out, &row(*record))?;
            out.write_all(b"\n")?;
        }
        return Ok(());
    }
    let all: Vec<JsonRow<'_, R>> = rows.records.iter().map(|r| row(*r)).collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    out.write_all(b"\n")
}
