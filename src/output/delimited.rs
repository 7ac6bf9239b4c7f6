//! CSV and TSV through the csv crate: quoting that survives a spreadsheet round trip.

use std::io::{self, Write};

use super::{Grid, Style};
use crate::record::{cell_text, Cell};

/// The UTF-8 byte order mark some spreadsheet programs need to read UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

pub fn render(
    grid: &dyn Grid,
    style: &Style,
    delimiter: u8,
    out: &mut dyn Write,
) -> io::Result<()> {
    if style.bom {
        out.write_all(BOM)?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(out);
    if style.header {
        let names = (0..grid.columns()).map(|c| grid.name(c));
        writer.write_record(names).map_err(io_error)?;
    }
    let mut buf = String::new();
    let mut line: Vec<String> = vec![String::new(); grid.columns()];
    for row in 0..grid.rows() {
        for (c, slot) in line.iter_mut().enumerate() {
            let cell = grid.cell(row, c);
            cell_text(&cell, &mut buf);
            slot.clear();
            if style.csv_safe && is_text(&cell) && buf.starts_with(FORMULA_STARTS) {
                slot.push('\'');
            }
            slot.push_str(&buf);
        }
        writer.write_record(&line).map_err(io_error)?;
    }
    writer.flush()
}

/// What spreadsheet programs may read as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Only text is defused: dates and numbers are not formulas.
fn is_text(cell: &Cell<'_>) -> bool {
    matches!(cell, Cell::Text(_) | Cell::List(_) | Cell::Sources(_))
}

/// The I/O error inside a csv error, so a closed pipe is still recognised as one.
fn io_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}
