//! JSON (one array of objects) and NDJSON (one object per line) through serde_json.

use std::io::{self, Write};

use super::{Grid, JsonRow};

pub fn render(grid: &dyn Grid, lines: bool, out: &mut dyn Write) -> io::Result<()> {
    if lines {
        for row in 0..grid.rows() {
            serde_json::to_writer(&mut *out, &JsonRow { grid, row })?;
            out.write_all(b"\n")?;
        }
        return Ok(());
    }
    let all: Vec<JsonRow<'_>> = (0..grid.rows()).map(|row| JsonRow { grid, row }).collect();
    serde_json::to_writer_pretty(&mut *out, &all)?;
    out.write_all(b"\n")
}
