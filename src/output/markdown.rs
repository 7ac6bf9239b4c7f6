//! A markdown pipe table: pipes, line breaks and HTML in cells escaped, so data can neither
//! break the table nor inject markup. A pipe table needs its header row, so `--no-header`
//! is refused for it (see `Destination::new`). Each row is written as it comes.

use std::io::{self, Write};

use super::{guarded, RowSource, Style};
use crate::record::{cell_text, Cell};

pub fn render(
    names: &[&str],
    rows: &mut dyn RowSource,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let names: Vec<String> = names
        .iter()
        .map(|n| escape(&guarded(n, style.terminal)))
        .collect();
    writeln!(out, "| {} |", names.join(" | "))?;
    writeln!(out, "|{}", "---|".repeat(names.len()))?;
    let mut buf = String::new();
    while let Some(cells) = rows.next()? {
        out.write_all(b"|")?;
        for cell in &cells {
            let text = match cell {
                Cell::Text(t) => *t,
                other => {
                    cell_text(other, &mut buf);
                    buf.as_str()
                }
            };
            write!(out, " {} |", escape(&guarded(text, style.terminal)))?;
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
