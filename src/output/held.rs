//! The table of rows that come one at a time (a query's). A table needs its rows to lay them
//! out, so it holds the first ones only: at most [`TABLE_ROWS`] rows and [`TABLE_TEXT`]
//! bytes of text, each value cut at [`CELL_TEXT`] bytes. The rest are counted, not kept, and
//! a note on standard error says how many there were and how to get them.

use std::io::{self, Write};

use super::{layout, table, Flow, Grid, RowSource, Style};
use crate::record::{cell_text, Cell};
use crate::text::escape_controls;

/// The most rows a table of a stream shows.
pub const TABLE_ROWS: usize = 1000;

/// The most text the rows a table holds may have in all (at least one row is held).
const TABLE_TEXT: usize = 16 << 20;

/// The most rows counted past the table's, so that even a query without end ends: SQLite
/// steps through ten million one-integer rows in about two seconds.
const COUNTED: u64 = 10_000_000;

/// The longest value a table shows whole, in bytes; a longer one ends in "…". (A screen
/// shows far less, and comfy-table breaks lines of 64 Ki characters by itself.)
const CELL_TEXT: usize = 16 << 10;

pub fn render(
    names: &[&str],
    plural: &str,
    rows: &mut dyn RowSource,
    style: &Style,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut held = Held {
        names,
        plural,
        rows: Vec::new(),
        prose: vec![false; names.len()],
        text: 0,
        cut: false,
    };
    while held.rows.len() < TABLE_ROWS && held.text < TABLE_TEXT {
        match rows.next()? {
            Some(cells) => held.push(&cells),
            None => break,
        }
    }
    // Drawn before the rest is counted: the reader need not wait for that.
    table::render(&held, style, out)?;
    out.flush()?;
    let shown = held.rows.len();
    drop(held.rows);
    let mut more: u64 = 0;
    while more <= COUNTED && rows.skip()? {
        more += 1;
    }
    let mut notes = Vec::new();
    if more > 0 {
        let total = more + shown as u64;
        let of = if more > COUNTED {
            format!("more than {}", total - 1)
        } else {
            total.to_string()
        };
        notes.push(format!(
            "note: the table shows the first {shown} {plural} of {of}; -f csv (or tsv, json, \
             ndjson, markdown) writes every one as it comes, and LIMIT chooses which"
        ));
    }
    if held.cut {
        notes.push(format!(
            "note: values longer than {} KiB are cut short (…) in the table; -f csv writes \
             them whole",
            CELL_TEXT >> 10
        ));
    }
    if !notes.is_empty() {
        // After the table, where the reader's eye is when it ends.
        let mut err = io::stderr().lock();
        for note in notes {
            writeln!(err, "{}", layout::fill(&note, style.width))?;
        }
    }
    Ok(())
}

/// A value the table holds.
enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// The first rows of a stream, as a grid.
struct Held<'a> {
    names: &'a [&'a str],
    plural: &'a str,
    rows: Vec<Vec<Value>>,
    /// Whether a column holds text with spaces (so it wraps rather than stays whole).
    prose: Vec<bool>,
    /// The bytes of text held.
    text: usize,
    /// Whether a value was cut.
    cut: bool,
}

impl Held<'_> {
    fn push(&mut self, cells: &[Cell<'_>]) {
        let mut buf = String::new();
        let mut row = Vec::with_capacity(cells.len());
        for (c, cell) in cells.iter().enumerate() {
            let text = match cell {
                Cell::Null => {
                    row.push(Value::Null);
                    continue;
                }
                Cell::Int(n) => {
                    row.push(Value::Int(*n));
                    continue;
                }
                Cell::Real(x) => {
                    row.push(Value::Real(*x));
                    continue;
                }
                Cell::Text(t) => *t,
                other => {
                    cell_text(other, &mut buf);
                    buf.as_str()
                }
            };
            let kept = &text[..floor_char_boundary(text, CELL_TEXT)];
            let mut value = kept.to_string();
            if kept.len() < text.len() {
                value.push('…');
                self.cut = true;
            }
            self.text += value.len();
            if let Some(prose) = self.prose.get_mut(c) {
                *prose |= value.contains(char::is_whitespace);
            }
            row.push(Value::Text(value));
        }
        self.rows.push(row);
    }
}

/// The largest index at most `at` that is a character boundary of `text`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    if at >= text.len() {
        return text.len();
    }
    (0..=at)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

impl Grid for Held<'_> {
    fn plural(&self) -> &str {
        self.plural
    }
    fn columns(&self) -> usize {
        self.names.len()
    }
    fn rows(&self) -> usize {
        self.rows.len()
    }
    fn name(&self, column: usize) -> &str {
        self.names[column]
    }
    fn cell(&self, row: usize, column: usize) -> Cell<'_> {
        match self.rows[row].get(column) {
            Some(Value::Null) | None => Cell::Null,
            Some(Value::Int(n)) => Cell::Int(*n),
            Some(Value::Real(x)) => Cell::Real(*x),
            Some(Value::Text(t)) => Cell::Text(t),
        }
    }
    fn flow(&self, column: usize) -> Flow {
        if self.prose[column] {
            Flow::Wrap
        } else {
            Flow::Token
        }
    }
    fn rank(&self, column: usize) -> usize {
        column
    }
    /// Text a query made may hold what the data may not (`char(27)`): shown escaped.
    fn shown(&self, row: usize, column: usize) -> Option<String> {
        match self.rows[row].get(column) {
            Some(Value::Text(t)) if crate::text::first_forbidden(t).is_some() => {
                Some(escape_controls(t))
            }
            _ => None,
        }
    }
    /// The columns are the ones the query chose: shown even when empty in every row.
    fn keeps_empty_columns(&self) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_falls_on_a_character_boundary() {
        assert_eq!(floor_char_boundary("abc", 10), 3);
        assert_eq!(floor_char_boundary("aéb", 2), 1);
        assert_eq!(floor_char_boundary("aéb", 3), 3);
    }
}
