//! Workbooks read back with openpyxl, for the tests of `-f xlsx` and of `gmg export
//! FILE.xlsx`.
#![allow(dead_code)]

use serde_json::Value;
use std::path::Path;

/// Each workbook named on the command line, as JSON: the name of its active sheet, and
/// every sheet with its name, every cell's value, data type, number format and whether it
/// wraps, the freeze pane, the autofilter's range, and the heights of the rows given one.
const READ: &str = r#"
import json, sys, openpyxl
def sheet(ws):
    cells = [[{"value": c.value if isinstance(c.value, (str, int, float, type(None))) else str(c.value),
               "type": c.data_type, "date": c.is_date, "format": c.number_format,
               "wrap": bool(c.alignment.wrap_text)} for c in row]
             for row in ws.iter_rows()]
    heights = {str(i): d.height for i, d in ws.row_dimensions.items() if d.height}
    return {"name": ws.title, "cells": cells, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref,
            "heights": heights}
books = []
for path in sys.argv[1:]:
    book = openpyxl.load_workbook(path)
    books.append({"active": book.active.title, "sheets": [sheet(ws) for ws in book.worksheets]})
print(json.dumps(books))
"#;

pub fn openpyxl() -> bool {
    super::available(
        "python3 with openpyxl (pip install openpyxl)",
        "python3",
        &["-c", "import openpyxl"],
    )
}

/// The workbooks at `paths`, read by one python3 (openpyxl takes a while to import).
pub fn books(paths: &[&Path]) -> Vec<Value> {
    let out = super::run_program(
        std::process::Command::new("python3")
            .args(["-c", READ])
            .args(paths),
    );
    let books: Value = serde_json::from_slice(&out).expect("the script prints JSON");
    books.as_array().expect("a list of workbooks").clone()
}

/// The active sheet of the workbook at `path`.
pub fn read(path: &Path) -> Value {
    active(&books(&[path])[0]).clone()
}

/// A workbook's active sheet: the one it opens at.
pub fn active(book: &Value) -> &Value {
    sheet(book, book["active"].as_str().unwrap())
}

/// A workbook's sheet, by name.
pub fn sheet<'a>(book: &'a Value, name: &str) -> &'a Value {
    book["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no sheet {name}"))
}

/// A sheet's rows of cells, the header first.
pub fn cells(sheet: &Value) -> &[Value] {
    sheet["cells"].as_array().unwrap()
}

/// A sheet's header: the names of its columns.
pub fn header(sheet: &Value) -> Vec<&str> {
    cells(sheet)[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect()
}

pub fn column(sheet: &Value, name: &str) -> usize {
    header(sheet)
        .iter()
        .position(|c| *c == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// The row whose first cell (its id, or a member's acronym) is `key`.
pub fn row<'a>(sheet: &'a Value, key: &str) -> &'a Value {
    cells(sheet)[1..]
        .iter()
        .find(|r| r[0]["value"] == key)
        .unwrap_or_else(|| panic!("no row {key} in {}", sheet["name"]))
}
