//! A markdown pipe table: pipes, line breaks and HTML in cells escaped, so data can neither
//! break the table nor inject markup. A pipe table needs its header row, so `--no-header`
//! is refused for it (see `Destination::new`).

use std::io::{self, Write};

use super::Grid;
use crate::record::cell_text;

pub fn render(grid: &dyn Grid, out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<String> = (0..grid.columns()).map(|c| escape(grid.name(c))).collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(names.len()))?;
    let mut buf = String::new();
    for row in 0..grid.rows() {
        out.write_all(b"|")?;
        for c in 0..grid.columns() {
            cell_text(&grid.cell(row, c), &mut buf);
            write!(out, " {} |", escape(&buf))?;
        }
        out.write_all(b"\n")?;
    }
    Ok(())
}

/// Escapes what would break a pipe table cell or be read as HTML; line breaks become the
/// table's own `<br>`.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            c => out.push(c),
        }
    }
    out
}
