//! The terminal table: comfy-table, fitted to the width, long text wrapped, colour optional.

use std::io::{self, Write};

use comfy_table::{presets, Attribute, Cell as TableCell, Color, ContentArrangement, Table};

use super::{Rows, Style};
use crate::record::Record;

/// The terminal's width, where standard output is one.
pub fn terminal_width() -> Option<u16> {
    Table::new().width()
}

pub fn render<R: Record>(rows: &Rows<'_, R>, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if rows.records.is_empty() {
        // Nothing on stdout, so `gmg … | wc -l` counts 0; the note is for the reader.
        return writeln!(io::stderr(), "no {} match", R::PLURAL);
    }
    let body = rows
        .records
        .iter()
        .map(|record| rows.fields.iter().map(|&f| TableCell::new(record.cell(f))));
    let header = rows.names().map(|name| {
        let cell = TableCell::new(name);
        if style.color {
            cell.add_attribute(Attribute::Bold).fg(Color::Cyan)
        } else {
            cell
        }
    });
    super::write_trimmed(out, &build(header, body, style))
}

/// An empty table with `preset` borders, coloured only when `color`, wrapped to `width`
/// (unbounded when `None`): the one place comfy-table's tty guessing is overridden.
pub fn styled(preset: &str, color: bool, width: Option<u16>) -> Table {
    let mut table = Table::new();
    table.load_preset(preset).force_no_tty();
    if color {
        table.enforce_styling();
    }
    if let Some(width) = width {
        table
            .set_width(width)
            .set_content_arrangement(ContentArrangement::Dynamic);
    }
    table
}

/// A table with the house look: condensed UTF-8 borders, wrapped to `style.width`.
pub fn build<H, B, C>(header: H, body: B, style: &Style) -> Table
where
    H: IntoIterator<Item = TableCell>,
    B: IntoIterator<Item = C>,
    C: IntoIterator<Item = TableCell>,
{
    let mut table = styled(presets::UTF8_FULL_CONDENSED, style.color, style.width);
    table.set_header(header);
    for row in body {
        table.add_row(row.into_iter().collect::<Vec<_>>());
    }
    table
}
