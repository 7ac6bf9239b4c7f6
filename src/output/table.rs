//! The terminal table: laid out by `layout` (tokens whole, prose wrapped, the least important
//! columns hidden when the width is short), drawn by comfy-table, colour optional.

use std::io::{self, Write};

use comfy_table::{presets, Attribute, Cell as TableCell, Color, Table};

use super::layout::{self, Column, Flow, Frame};
use super::{Grid, Style};
use crate::record::cell_text;

/// The terminal's width, where standard output is one.
pub fn terminal_width() -> Option<u16> {
    Table::new().width()
}

/// How a search match is marked on a terminal.
const MARK_ON: &str = "\u{1b}[1;33m";
const MARK_OFF: &str = "\u{1b}[0m";

pub fn render(grid: &dyn Grid, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if grid.rows() == 0 {
        // Nothing on stdout, so `gmg … | wc -l` counts 0; the note is for the reader.
        return writeln!(io::stderr(), "no {} match", grid.plural());
    }
    let mut buf = String::new();
    let texts: Vec<Vec<String>> = (0..grid.rows())
        .map(|row| {
            (0..grid.columns())
                .map(|c| match grid.shown(row, c) {
                    Some(shown) => shown,
                    None => {
                        cell_text(&grid.cell(row, c), &mut buf);
                        printable(&buf)
                    }
                })
                .collect()
        })
        .collect();
    // A column empty in every row says nothing; it is left out of the table (only), unless
    // the user asked for it.
    let shown: Vec<usize> = (0..grid.columns())
        .filter(|&c| grid.keeps_empty_columns() || texts.iter().any(|row| !row[c].is_empty()))
        .collect();
    let columns: Vec<Column> = shown
        .iter()
        .map(|&c| Column {
            flow: grid.flow(c),
            natural: texts
                .iter()
                .map(|row| layout::text_width(&row[c]))
                .max()
                .unwrap_or(0)
                .max(layout::text_width(grid.name(c))),
            rank: grid.rank(c),
        })
        .collect();
    let widths = layout::fit(
        &columns,
        Frame::Ruled,
        style.width.map(usize::from),
        layout::readable(style.width),
    );
    let hidden: Vec<&str> = shown
        .iter()
        .zip(&widths)
        .filter(|(_, w)| w.is_none())
        .map(|(&c, _)| grid.name(c))
        .collect();
    let visible: Vec<(usize, usize, &Column)> = shown
        .iter()
        .zip(&widths)
        .zip(&columns)
        .filter_map(|((&c, w), column)| w.map(|w| (c, w, column)))
        .collect();

    let header = visible.iter().map(|&(c, _, _)| {
        let cell = TableCell::new(printable(grid.name(c)));
        if style.color {
            cell.add_attribute(Attribute::Bold).fg(Color::Cyan)
        } else {
            cell
        }
    });
    let body = texts.iter().enumerate().map(|(r, row)| {
        visible.iter().map(move |&(c, width, column)| {
            let text = &row[c];
            let mark = style
                .color
                .then(|| grid.highlight(r, c))
                .flatten()
                .map(|range| (range, MARK_ON, MARK_OFF));
            let fits = column.natural <= width;
            match (fits, column.flow, mark) {
                (false, Flow::Clip, _) => TableCell::new(layout::shorten(text, width)),
                (false, _, mark) => TableCell::new(layout::wrap(text, width, mark)),
                (true, _, Some(mark)) => TableCell::new(layout::wrap(text, usize::MAX, Some(mark))),
                (true, _, None) => TableCell::new(text),
            }
        })
    });
    let table = build(header, body, style);
    super::write_trimmed(out, &table)?;
    if let Some(note) = hidden_note(&hidden, style.width, "--fields or -f csv") {
        // After the table, where the reader's eye is when it ends.
        out.flush()?;
        writeln!(io::stderr(), "{note}")?;
    }
    Ok(())
}

/// The note that says which columns a table hid to fit `width`, and how to see them
/// (`elsewhere`: the options that show them); `None` when none was hidden.
pub fn hidden_note(hidden: &[&str], width: Option<u16>, elsewhere: &str) -> Option<String> {
    if hidden.is_empty() {
        return None;
    }
    let note = format!(
        "note: {} hidden to fit {} columns; see {} with a wider terminal, {elsewhere}",
        join_and(hidden),
        width.unwrap_or_default(),
        if hidden.len() == 1 { "it" } else { "them" },
    );
    Some(layout::fill(&note, width))
}

/// "a", "a and b", "a, b and c".
fn join_and(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Text as a table cell shows it: a tab moves the cursor, so it becomes a space.
fn printable(text: &str) -> String {
    text.replace('\t', " ")
}

/// An empty table with `preset` borders, coloured only when `color`; the one place
/// comfy-table's tty guessing is overridden. Content is laid out before it is added (see
/// `layout`), so comfy-table never wraps by itself.
pub fn styled(preset: &str, color: bool) -> Table {
    let mut table = Table::new();
    table.load_preset(preset).force_no_tty();
    if color {
        table.enforce_styling();
    }
    table
}

/// The house look: a rule between columns and under the header, no frame around the
/// table (so no width is spent on it), as psql draws its tables.
const RULED: &str = "     ═╪ ┆          ";

/// A table with the house look.
pub fn build<H, B, C>(header: H, body: B, style: &Style) -> Table
where
    H: IntoIterator<Item = TableCell>,
    B: IntoIterator<Item = C>,
    C: IntoIterator<Item = TableCell>,
{
    let mut table = styled(RULED, style.color);
    table.set_header(header);
    for row in body {
        table.add_row(row.into_iter().collect::<Vec<_>>());
    }
    // No frame, so no padding at the outer edges either.
    let last = table.column_count().saturating_sub(1);
    if let Some(first) = table.column_mut(0) {
        first.set_padding((0, 1));
    }
    if let Some(column) = table.column_mut(last) {
        let left = if last == 0 { 0 } else { 1 };
        column.set_padding((left, 0));
    }
    table
}

/// One column of a borderless table.
#[derive(Clone, Copy, Debug)]
pub struct PlainColumn {
    /// What the column holds, for the note when it is hidden.
    pub name: &'static str,
    pub flow: Flow,
    /// 0 is the most important; see `layout::Column`.
    pub rank: usize,
    /// Bold on a terminal (labels, ids).
    pub bold: bool,
}

impl PlainColumn {
    pub const fn new(name: &'static str, flow: Flow, rank: usize, bold: bool) -> PlainColumn {
        PlainColumn {
            name,
            flow,
            rank,
            bold,
        }
    }
}

/// A borderless table (the `show` card, the overview's suggestions) fitted to `width` like
/// the listings: tokens whole, prose wrapped or clipped, the least important columns left
/// out when even `readable` characters of prose would not fit. Also gives the names of the
/// columns left out, for a note.
pub fn plain(
    rows: &[Vec<String>],
    columns: &[PlainColumn],
    readable: usize,
    color: bool,
    width: Option<u16>,
) -> (Table, Vec<&'static str>) {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| row.iter().map(|t| printable(t)).collect())
        .collect();
    let layout: Vec<Column> = columns
        .iter()
        .enumerate()
        .map(|(c, column)| Column {
            flow: column.flow,
            natural: rows
                .iter()
                .map(|row| row.get(c).map_or(0, |t| layout::text_width(t)))
                .max()
                .unwrap_or(0),
            rank: column.rank,
        })
        .collect();
    let widths = layout::fit(&layout, Frame::Plain, width.map(usize::from), readable);
    let hidden = columns
        .iter()
        .zip(&widths)
        .filter(|(_, w)| w.is_none())
        .map(|(c, _)| c.name)
        .collect();
    let mut table = styled(presets::NOTHING, color);
    for row in &rows {
        let cells = row
            .iter()
            .zip(columns)
            .zip(&widths)
            .filter_map(|((text, column), width)| {
                let width = (*width)?;
                let text = match column.flow {
                    _ if layout::text_width(text) <= width => text.clone(),
                    Flow::Clip => layout::shorten(text, width),
                    Flow::Token | Flow::Wrap => layout::wrap(text, width, None),
                };
                let cell = TableCell::new(text);
                Some(if color && column.bold {
                    cell.add_attribute(Attribute::Bold)
                } else {
                    cell
                })
            });
        table.add_row(cells.collect::<Vec<_>>());
    }
    (table, hidden)
}
