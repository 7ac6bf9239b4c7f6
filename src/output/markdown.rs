//! A markdown pipe table, with pipes and line breaks in cells escaped.

use std::io::{self, Write};

use super::{Rows, Style};
use crate::record::{cell_text, Record};

pub fn render<R: Record>(rows: &Rows<'_, R>, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if style.header {
        let names: Vec<&str> = rows.names().collect();
        writeln!(out, "| {} |", names.join(" | "))?;
        writeln!(out, "|{}", "---|".repeat(names.len()))?;
    }
    let mut buf = String::new();
    for record in rows.records {
        out.write_all(b"|")?;
        for &f in rows.fields {
            cell_text(&record.cell(f), &mut buf);
            write!(out, " {} |", escape(&buf))?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Escapes what would break a pipe table cell.
pub fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace("\r\n", "<br>")
        .replace(['\n', '\r'], "<br>")
}
