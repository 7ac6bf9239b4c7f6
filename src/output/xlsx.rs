//! An Excel workbook through rust_xlsxwriter: one sheet, its header row frozen and filtered,
//! text always as text (never a formula), numbers as numbers, dates as date cells shown to
//! the report's precision. A workbook is a zip written whole, so the rows are held.
//!
//! What a workbook cannot hold is said, not lost: text longer than a cell holds is cut with
//! "…" and a note on standard error names the cells; more rows than a sheet holds is an
//! error that names the sheet; a date before 1 March 1900 (which Excel and LibreOffice
//! count differently) is text, at the report's precision.

use std::io::{self, Write};

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format as CellFormat, Workbook, Worksheet, XlsxError};

use super::{Grid, GridRows, RowSource};
use crate::record::{cell_text, Cell};

/// Column widths, in characters: wide enough for a date or an id, narrow enough that a
/// quote does not push the next column off the screen.
const WIDTHS: std::ops::RangeInclusive<usize> = 6..=60;

/// The most characters a cell holds.
const CELL_CHARS: usize = 32_767;

/// The most rows a sheet holds below its header.
const SHEET_ROWS: usize = 1_048_575;

/// How many of the cut cells the note names.
const NAMED_CUTS: usize = 3;

/// How the table shows a cell (`Grid::shown`), by row and column, where it differs from
/// its value: a date's precision comes from it.
pub type Shown<'a> = &'a dyn Fn(usize, usize) -> Option<String>;

pub fn render(
    names: &[&str],
    sheet: &str,
    rows: &mut dyn RowSource,
    shown: Shown<'_>,
    out: &mut dyn Write,
) -> io::Result<()> {
    let mut workbook = Workbook::new();
    let mut cuts = Vec::new();
    write_sheet(
        workbook.add_worksheet(),
        names,
        sheet,
        rows,
        shown,
        &mut cuts,
    )?;
    save(workbook, &cuts, out)
}

/// Writes the workbook, then the note on the cells it cut.
fn save(mut workbook: Workbook, cuts: &[String], out: &mut dyn Write) -> io::Result<()> {
    let bytes = workbook.save_to_buffer().map_err(xlsx_error)?;
    out.write_all(&bytes)?;
    if let Some(first) = cuts.first() {
        let named = cuts[..cuts.len().min(NAMED_CUTS)].join(", ");
        let (texts, were) = match cuts.len() {
            1 => (format!("1 text ({first})"), "was"),
            n if n <= NAMED_CUTS => (format!("{n} texts ({named})"), "were"),
            n => (
                format!("{n} texts ({named} and {} more)", n - NAMED_CUTS),
                "were",
            ),
        };
        let _ = writeln!(
            io::stderr(),
            "note: {texts} longer than a cell holds (32,767 characters) {were} cut, with \"…\"; csv and json hold the whole text"
        );
    }
    Ok(())
}

/// A workbook of several grids, one sheet each, named as given.
pub fn book(sheets: &[(&str, &dyn Grid)], out: &mut dyn Write) -> io::Result<()> {
    let mut workbook = Workbook::new();
    let mut cuts = Vec::new();
    for (name, grid) in sheets {
        let names: Vec<&str> = (0..grid.columns()).map(|c| grid.name(c)).collect();
        let mut rows = GridRows {
            grid: *grid,
            row: 0,
        };
        let shown = |r, c| grid.shown(r, c);
        write_sheet(
            workbook.add_worksheet(),
            &names,
            name,
            &mut rows,
            &shown,
            &mut cuts,
        )?;
    }
    save(workbook, &cuts, out)
}

fn write_sheet(
    sheet: &mut Worksheet,
    names: &[&str],
    title: &str,
    rows: &mut dyn RowSource,
    shown: Shown<'_>,
    cuts: &mut Vec<String>,
) -> io::Result<()> {
    // A query's rows are called "rows"; a sheet name is at most 31 characters of a safe set.
    if !title.is_empty() && title.len() <= 31 && title.chars().all(char::is_alphanumeric) {
        sheet.set_name(title).map_err(xlsx_error)?;
    }
    let bold = CellFormat::new().set_bold();
    // Text wider than its column wraps within it, rather than running under the next.
    let wrap = CellFormat::new().set_text_wrap();
    let dates = [("yyyy", 4), ("yyyy-mm", 7), ("yyyy-mm-dd", 10)]
        .map(|(pattern, len)| (len, CellFormat::new().set_num_format(pattern)));
    let precision = names.iter().position(|n| *n == "precision");
    let mut widths: Vec<usize> = names.iter().map(|n| n.chars().count() + 2).collect();

    for (c, name) in names.iter().enumerate() {
        sheet
            .write_string_with_format(0, col(c)?, *name, &bold)
            .map_err(xlsx_error)?;
    }
    let mut buf = String::new();
    let mut wrapped = Vec::new();
    let mut row = 0usize;
    while let Some(cells) = rows.next()? {
        if row == SHEET_ROWS {
            return Err(io::Error::other(format!(
                "the sheet '{title}' has more rows than a sheet holds ({SHEET_ROWS} below its header); write csv or a database instead"
            )));
        }
        // At most SHEET_ROWS: fits.
        let r = (row + 1) as u32;
        let label = |c: usize| format!("{title} row {} {}", row + 1, names.get(c).unwrap_or(&""));
        let row_precision = precision.and_then(|p| match cells.get(p) {
            Some(Cell::Text("year")) => Some(4),
            Some(Cell::Text("month")) => Some(7),
            Some(Cell::Text("day")) => Some(10),
            _ => None,
        });
        for (c, cell) in cells.iter().enumerate() {
            let cn = col(c)?;
            let width = match cell {
                Cell::Null => 0,
                Cell::Int(n) => {
                    sheet.write_number(r, cn, *n as f64).map_err(xlsx_error)?;
                    n.to_string().len()
                }
                Cell::Real(x) if x.is_finite() => {
                    sheet.write_number(r, cn, *x).map_err(xlsx_error)?;
                    x.to_string().len()
                }
                Cell::Date(date) => {
                    let len = shown(row, c)
                        .map(|s| s.len())
                        .or(row_precision)
                        .unwrap_or(10);
                    let format = &dates.iter().find(|(l, _)| *l == len).unwrap_or(&dates[2]).1;
                    match excel_date(*date) {
                        Some(when) => sheet
                            .write_datetime_with_format(r, cn, when, format)
                            .map_err(xlsx_error)?,
                        // Before March 1900: text, as far as the report knows it.
                        None => {
                            let pattern = match len {
                                4 => "%Y",
                                7 => "%Y-%m",
                                _ => "%Y-%m-%d",
                            };
                            sheet
                                .write_string(r, cn, date.format(pattern).to_string())
                                .map_err(xlsx_error)?
                        }
                    };
                    len
                }
                Cell::Text(text) => {
                    write_text(sheet, (r, cn), text, (&wrap, &mut wrapped), || {
                        cuts.push(label(c))
                    })?
                }
                Cell::Sources(sources) => {
                    // A passage per line: "Annex A: …".
                    buf.clear();
                    for (i, source) in sources.iter().enumerate() {
                        let sep = if i > 0 { "\n" } else { "" };
                        buf.push_str(&format!("{sep}{}: {}", source.section, source.quote));
                    }
                    write_text(sheet, (r, cn), &buf, (&wrap, &mut wrapped), || {
                        cuts.push(label(c))
                    })?
                }
                other => {
                    // Lists joined as the csv joins them; a non-finite real as text.
                    cell_text(other, &mut buf);
                    write_text(sheet, (r, cn), &buf, (&wrap, &mut wrapped), || {
                        cuts.push(label(c))
                    })?
                }
            };
            if let Some(w) = widths.get_mut(c) {
                *w = (*w).max(width + 1);
            }
        }
        row += 1;
    }
    let widths: Vec<usize> = (widths.iter())
        .map(|w| (*w).clamp(*WIDTHS.start(), *WIDTHS.end()))
        .collect();
    for (c, width) in widths.iter().enumerate() {
        sheet
            .set_column_width(col(c)?, *width as f64)
            .map_err(xlsx_error)?;
    }
    // A row with wrapped text is as tall as its tallest cell's lines (LibreOffice does not
    // find the height itself), up to the tallest row a sheet holds.
    let mut tallest: std::collections::BTreeMap<u32, usize> = Default::default();
    for cell in &wrapped {
        let width = widths
            .get(usize::from(cell.col))
            .copied()
            .unwrap_or(*WIDTHS.end());
        let lines = (cell.lines.iter())
            .map(|len| len.div_ceil(width).max(1))
            .sum();
        let most = tallest.entry(cell.row).or_default();
        *most = (*most).max(lines);
    }
    for (row, lines) in tallest {
        let height = (LINE_HEIGHT * lines as f64).min(MAX_ROW_HEIGHT);
        sheet.set_row_height(row, height).map_err(xlsx_error)?;
    }
    if !names.is_empty() {
        sheet.set_freeze_panes(1, 0).map_err(xlsx_error)?;
        // At most SHEET_ROWS: fits.
        let last_row = row as u32;
        sheet
            .autofilter(0, 0, last_row, col(names.len() - 1)?)
            .map_err(xlsx_error)?;
    }
    Ok(())
}

/// A cell whose text wraps: where it is, and the length of each of its lines.
struct Wrapped {
    row: u32,
    col: u16,
    lines: Vec<usize>,
}

/// The height of a line of text, in points (a sheet's default row).
const LINE_HEIGHT: f64 = 15.0;

/// The tallest row a sheet holds, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Writes text as a text cell, wrapped (`wrap`, and noted in `wrapped`) where it is wider
/// than a column or has more than one line, cut with "…" to what a cell holds (calling
/// `cut`) where it is longer; its width in characters.
fn write_text(
    sheet: &mut Worksheet,
    (row, col): (u32, u16),
    text: &str,
    (wrap, wrapped): (&CellFormat, &mut Vec<Wrapped>),
    cut: impl FnOnce(),
) -> io::Result<usize> {
    let short = (text.len() > CELL_CHARS)
        .then(|| text.char_indices().nth(CELL_CHARS))
        .flatten()
        .and_then(|_| text.char_indices().nth(CELL_CHARS - 1))
        .map(|(end, _)| format!("{}…", &text[..end]));
    if short.is_some() {
        cut();
    }
    let text = short.as_deref().unwrap_or(text);
    let lines: Vec<usize> = text.lines().map(|l| l.chars().count()).collect();
    let width = lines.iter().copied().max().unwrap_or(0);
    if width > *WIDTHS.end() || lines.len() > 1 {
        sheet
            .write_string_with_format(row, col, text, wrap)
            .map_err(xlsx_error)?;
        wrapped.push(Wrapped { row, col, lines });
    } else {
        sheet.write_string(row, col, text).map_err(xlsx_error)?;
    }
    Ok(width)
}

/// The date as Excel holds it; `None` before 1 March 1900, where Excel counts a 29 February
/// 1900 that never was and LibreOffice does not, so the two would show different days.
fn excel_date(date: chrono::NaiveDate) -> Option<ExcelDateTime> {
    if date < chrono::NaiveDate::from_ymd_opt(1900, 3, 1)? {
        return None;
    }
    let year = u16::try_from(date.year()).ok()?;
    // Both fit: a month is at most 12, a day at most 31.
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

fn col(c: usize) -> io::Result<u16> {
    u16::try_from(c).map_err(|_| io::Error::other("too many columns for a worksheet"))
}

fn xlsx_error(error: XlsxError) -> io::Error {
    io::Error::other(format!("writing xlsx: {error}"))
}
