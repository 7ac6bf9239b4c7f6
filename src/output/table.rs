//! The terminal table: laid out by `layout` (tokens whole, prose wrapped, the least important
//! columns hidden when the width is short), drawn by comfy-table, colour optional.

use std::io::{self, Write};

use comfy_table::{presets, Attribute, Cell as TableCell, Color, Table};

use super::layout::{self, Column, Flow, Frame};
use super::{Grid, Style};
use crate::record::cell_text;
use crate::text::Echo;

/// The terminal's width, where standard output is one.
pub fn terminal_width() -> Option<u16> {
    Table::new().width()
}

/// The order in which a narrow table hides a column (the highest first), from its place
/// in the collection's priorities (`base`, 0 the key): the key stays; after it the columns
/// the command line filters or sorts on (`kept`), whose values answer the question; then
/// the others, those empty in most of the rows shown (`sparse`) hidden before those filled.
fn rank(base: usize, kept: bool, sparse: bool) -> usize {
    const TIER: usize = 1000;
    match (base, kept, sparse) {
        (0, _, _) => 0,
        (_, true, _) => base,
        (_, false, false) => TIER + base,
        (_, false, true) => 2 * TIER + base,
    }
}

/// How a search match is marked on a terminal.
const MARK_ON: &str = "\u{1b}[1;33m";
const MARK_OFF: &str = "\u{1b}[0m";

pub fn render(grid: &dyn Grid, style: &Style, out: &mut dyn Write) -> io::Result<()> {
    if grid.rows() == 0 {
        // Nothing on stdout, so `gmg … | wc -l` counts 0; the note is for the reader.
        return writeln!(io::stderr(), "no {} match", grid.plural());
    }
    // Piped with no width, a record is one line: a line break in a text is a space there.
    let one_line = style.width.is_none();
    let flat = |text: &str| {
        let text = printable(text);
        if one_line {
            text.replace('\n', " ")
        } else {
            text
        }
    };
    let mut cuts = Cuts::default();
    let names: Vec<String> = (0..grid.columns())
        .map(|c| {
            let name = flat(grid.name(c));
            cuts.fit(name, None, || format!("the name of column {}", c + 1))
        })
        .collect();
    let mut buf = String::new();
    let texts: Vec<Vec<String>> = (0..grid.rows())
        .map(|row| {
            (0..grid.columns())
                .map(|c| {
                    let text = match grid.shown(row, c) {
                        Some(text) => flat(&text),
                        None => {
                            cell_text(&grid.cell(row, c), &mut buf);
                            flat(&buf)
                        }
                    };
                    cuts.fit(text, Some((row, c)), || {
                        format!("the {} of {}", Echo(grid.name(c)), grid.label(row))
                    })
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
                .max(layout::text_width(&names[c])),
            rank: rank(
                grid.rank(c),
                grid.kept(c),
                texts.iter().filter(|row| row[c].is_empty()).count() * 2 > texts.len(),
            ),
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
        let cell = TableCell::new(&names[c]);
        if style.color {
            cell.add_attribute(Attribute::Bold).fg(Color::Cyan)
        } else {
            cell
        }
    });
    let cuts = &cuts;
    let body = texts.iter().enumerate().map(|(r, row)| {
        visible.iter().map(move |&(c, width, column)| {
            let text = &row[c];
            // A cut line moves the lines after it, and a match there is no longer where it
            // was; piped, a cell is one line.
            let mark = (style.color && (one_line || !cuts.holds(r, c)))
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
    let notes = [
        hidden_note(&hidden, style.width, "--fields or -f csv"),
        cuts.note(style.width, "-f csv"),
    ];
    for note in notes.into_iter().flatten() {
        // After the table, where the reader's eye is when it ends.
        out.flush()?;
        writeln!(io::stderr(), "{note}")?;
    }
    Ok(())
}

/// The most bytes a line of a cell may have. comfy-table keeps a column's width in a `u16`
/// and re-wraps by itself any line wider than 65,535 columns, in time that grows with the
/// square of the line's words (a title of 66,000 columns took 21 s, one of 300,000 took
/// 101 s), and over several lines where a piped table has one. No text is wider in columns
/// than in UTF-8 bytes (a wide character takes three or four), so a line of at most this many
/// bytes is one comfy-table draws as it is; a longer one is cut here, and a note says so.
pub const LINE_BYTES: usize = 65_000;

/// `text` with every line longer than [`LINE_BYTES`] cut at a character, ending in "…";
/// with, when one was cut, the characters the first cut line keeps and those it had.
fn drawable(text: String) -> (String, Option<(usize, usize)>) {
    if text.len() <= LINE_BYTES || text.split('\n').all(|line| line.len() <= LINE_BYTES) {
        return (text, None);
    }
    let mut out = String::with_capacity(text.len().min(LINE_BYTES * 4));
    let mut first = None;
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.len() <= LINE_BYTES {
            out.push_str(line);
            continue;
        }
        let mut end = LINE_BYTES - '…'.len_utf8();
        while !line.is_char_boundary(end) {
            end -= 1;
        }
        // At a word, as `layout::shorten` cuts, when one ends near the limit.
        let near = end.saturating_sub(200);
        if let Some(space) = line.as_bytes()[near..end].iter().rposition(|&b| b == b' ') {
            let word_end = line[..near + space].trim_end().len();
            if word_end > 0 {
                end = word_end;
            }
        }
        out.push_str(&line[..end]);
        out.push('…');
        first.get_or_insert_with(|| (line[..end].chars().count(), line.chars().count()));
    }
    (out, first)
}

/// The cells a table cut to lines comfy-table can draw (see [`LINE_BYTES`]), for the note
/// that says so: the first one by name, the others counted.
#[derive(Default)]
struct Cuts {
    /// What the first cut cell is, and the characters of its cut line kept and had.
    first: Option<(String, usize, usize)>,
    /// How many cells were cut.
    count: usize,
    /// The cut cells of the body, as (row, column), in order.
    cells: Vec<(usize, usize)>,
}

impl Cuts {
    /// `text`, cut where comfy-table could not draw it as it is (see [`drawable`]); `what`
    /// names it for the note, `at` is its (row, column) in the body, given in order.
    fn fit(
        &mut self,
        text: String,
        at: Option<(usize, usize)>,
        what: impl FnOnce() -> String,
    ) -> String {
        let (text, cut) = drawable(text);
        if let Some((kept, had)) = cut {
            self.first.get_or_insert_with(|| (what(), kept, had));
            self.count += 1;
            self.cells.extend(at);
        }
        text
    }

    /// Whether the cell at `row`, `column` of the body was cut.
    fn holds(&self, row: usize, column: usize) -> bool {
        self.cells.binary_search(&(row, column)).is_ok()
    }

    /// The note about the cut cells, fitted to `width`, naming `elsewhere` (a format that
    /// shows them whole); `None` when no cell was cut.
    fn note(&self, width: Option<u16>, elsewhere: &str) -> Option<String> {
        let (what, kept, had) = self.first.as_ref()?;
        let others = match self.count - 1 {
            0 => String::new(),
            1 => ", and 1 other cell is cut too".to_string(),
            n => format!(", and {n} other cells are cut too"),
        };
        let cut = if what.is_empty() {
            format!("a line of {had} characters is cut to its first {kept}")
        } else {
            format!("{what} has a line of {had} characters, cut to its first {kept}")
        };
        let note = format!(
            "note: {cut} (a table cell holds at most {LINE_BYTES} bytes a line){others}; see {} \
             whole with {elsewhere}",
            if self.count == 1 { "it" } else { "them" },
        );
        Some(layout::fill(&note, width))
    }
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
/// columns left out, for a note. A line too long for comfy-table is cut (see [`LINE_BYTES`])
/// and a note says so on standard error at once, pointing to `-f json` (the card's).
pub fn plain(
    rows: &[Vec<String>],
    columns: &[PlainColumn],
    readable: usize,
    color: bool,
    width: Option<u16>,
) -> (Table, Vec<&'static str>) {
    let mut cuts = Cuts::default();
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|t| cuts.fit(printable(t), None, String::new))
                .collect()
        })
        .collect();
    if let Some(note) = cuts.note(width, "-f json") {
        // The caller writes the table and the notes it gathers; this one is said at once.
        let _ = writeln!(io::stderr(), "{note}");
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lines_longer_than_comfy_table_draws_are_cut() {
        let fits = "a".repeat(LINE_BYTES);
        assert_eq!(drawable(fits.clone()), (fits, None));
        // A line cut at a character, the others kept: é is two bytes, so the cut falls
        // between characters, not inside one.
        let long = "é".repeat(LINE_BYTES);
        let (text, cut) = drawable(format!("first\n{long}\nlast"));
        let lines: Vec<&str> = text.split('\n').collect();
        assert_eq!(lines[0], "first");
        assert!(lines[1] == format!("{}…", "é".repeat(32_498)));
        assert_eq!(lines[2], "last");
        assert_eq!(cut, Some((32_498, LINE_BYTES)));
        // At a word when one ends near the limit; spaces alone are not a word.
        let (text, cut) = drawable(format!(
            "{} {}",
            "w".repeat(LINE_BYTES - 10),
            "t".repeat(20)
        ));
        assert!(
            text == format!("{}…", "w".repeat(LINE_BYTES - 10)),
            "{cut:?}"
        );
        assert_eq!(cut, Some((LINE_BYTES - 10, LINE_BYTES + 11)));
        let (text, _) = drawable(format!("{}x", " ".repeat(LINE_BYTES)));
        assert!(text == format!("{}…", " ".repeat(LINE_BYTES - 3)));
    }

    #[test]
    fn the_note_names_the_first_cut_cell_and_counts_the_others() {
        let mut cuts = Cuts::default();
        let long = "x".repeat(LINE_BYTES + 1);
        cuts.fit("short".into(), Some((0, 0)), || unreachable!());
        cuts.fit(long.clone(), Some((0, 1)), || {
            "the title of event 'a'".into()
        });
        cuts.fit(long, Some((3, 1)), || "the title of event 'b'".into());
        assert!(cuts.holds(3, 1) && !cuts.holds(0, 0));
        assert_eq!(
            cuts.note(None, "-f csv").unwrap(),
            "note: the title of event 'a' has a line of 65001 characters, cut to its first 64997 \
             (a table cell holds at most 65000 bytes a line), and 1 other cell is cut too; see \
             them whole with -f csv"
        );
        assert_eq!(Cuts::default().note(None, "-f csv"), None);
    }
}
