//! CSV and TSV through the csv crate: quoting that survives a spreadsheet round trip. Each
//! row is written as it comes.

use std::io::{self, Write};

use super::{guarded, RowSource, Style};
use crate::record::{cell_text, Cell};

/// The UTF-8 byte order mark some spreadsheet programs need to read UTF-8.
const BOM: &[u8] = "\u{feff}".as_bytes();

pub fn render(
    names: &[&str],
    rows: &mut dyn RowSource,
    style: &Style,
    delimiter: u8,
    out: &mut dyn Write,
) -> io::Result<()> {
    if style.bom {
        out.write_all(BOM)?;
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(Unflushed(out));
    if style.header {
        let names = names.iter().map(|n| guarded(n, style.terminal));
        writer
            .write_record(names.map(|n| n.into_owned()))
            .map_err(io_error)?;
    }
    let mut buf = String::new();
    while let Some(cells) = rows.next()? {
        for cell in &cells {
            // Text is written from where it is, however long (a query's blob as hex).
            let text = match cell {
                Cell::Text(t) => *t,
                other => {
                    cell_text(other, &mut buf);
                    buf.as_str()
                }
            };
            let text = guarded(text, style.terminal);
            if style.csv_safe && is_text(cell) && text.starts_with(FORMULA_STARTS) {
                writer.write_field(format!("'{text}")).map_err(io_error)?;
            } else {
                writer.write_field(text.as_bytes()).map_err(io_error)?;
            }
        }
        // Ends the record the fields began.
        writer.write_record(None::<&[u8]>).map_err(io_error)?;
    }
    writer.flush()
}

/// What spreadsheet programs may read as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Only text is defused: dates and numbers are not formulas.
fn is_text(cell: &Cell<'_>) -> bool {
    matches!(cell, Cell::Text(_) | Cell::List(_) | Cell::Sources(_))
}

/// The destination as the csv writer sees it: never flushed by it, since it flushes even
/// when it is dropped on an error; the sink flushes what succeeded and drops what failed.
struct Unflushed<'a>(&'a mut dyn Write);

impl Write for Unflushed<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.write(bytes)
    }
    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.0.write_all(bytes)
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The I/O error inside a csv error, so a closed pipe is still recognised as one.
fn io_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}
