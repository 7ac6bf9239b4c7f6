//! `-f xlsx` read back with openpyxl: header frozen and filtered, text as text, dates as
//! date cells shown to the report's precision. Skips, saying so, where openpyxl is missing.

mod common;

use common::{gmg, parse_delimited, stdout};
use serde_json::Value;
use std::path::Path;

/// The active sheet as JSON: every cell's value, data type and number format, the freeze
/// pane and the autofilter's range.
const READ: &str = r#"
import json, sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
cells = [[{"value": c.value if isinstance(c.value, (str, int, float, type(None))) else str(c.value),
           "type": c.data_type, "date": c.is_date, "format": c.number_format} for c in row]
         for row in ws.iter_rows()]
print(json.dumps({"cells": cells, "freeze": ws.freeze_panes, "filter": ws.auto_filter.ref}))
"#;

fn openpyxl() -> bool {
    let ok = std::process::Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: python3 with openpyxl is not installed (pip install openpyxl)");
    }
    ok
}

fn read(path: &Path) -> Value {
    let out = std::process::Command::new("python3")
        .args(["-c", READ])
        .arg(path)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "openpyxl could not read {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("the script prints JSON")
}

fn column(sheet: &Value, name: &str) -> usize {
    sheet["cells"][0]
        .as_array()
        .unwrap()
        .iter()
        .position(|c| c["value"] == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn deliverables_as_a_workbook() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.xlsx");
    gmg()
        .args(["deliverables", "-o"])
        .arg(&path)
        .assert()
        .success();
    let sheet = read(&path);
    let (header, rows) = parse_delimited(&stdout(&["deliverables", "-f", "csv"]), b',');

    let cells = sheet["cells"].as_array().unwrap();
    let names: Vec<&str> = cells[0]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["value"].as_str().unwrap())
        .collect();
    assert_eq!(names, header);
    assert_eq!(cells.len() - 1, rows.len());
    assert_eq!(sheet["freeze"], "A2");
    let last = (b'A' + header.len() as u8 - 1) as char;
    assert_eq!(sheet["filter"], format!("A1:{last}{}", rows.len() + 1));

    let (id, title, due, precision) = (
        column(&sheet, "id"),
        column(&sheet, "title"),
        column(&sheet, "due"),
        column(&sheet, "precision"),
    );
    let row = cells
        .iter()
        .find(|r| r[id]["value"] == "gmg-role-document")
        .expect("gmg-role-document is a row");
    assert_eq!(row[title]["type"], "s");
    assert_eq!(row[due]["date"], true, "{}", row[due]);
    assert_eq!(row[due]["format"], "yyyy");
    assert_eq!(row[precision]["value"], "year");
    // Every dated row's format is its precision's.
    for row in &cells[1..] {
        let format = match row[precision]["value"].as_str() {
            Some("year") => "yyyy",
            Some("month") => "yyyy-mm",
            Some("day") => "yyyy-mm-dd",
            _ => continue,
        };
        assert_eq!(row[due]["format"], format, "{}", row[id]["value"]);
    }
}

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.xlsx");
    gmg()
        .args(["sql", "select '=1+1' as f, 2 as n", "-o"])
        .arg(&path)
        .assert()
        .success();
    let sheet = read(&path);
    let row = &sheet["cells"][1];
    assert_eq!(row[0]["type"], "s");
    assert_eq!(row[0]["value"], "=1+1");
    assert_eq!(row[1]["type"], "n");
    assert_eq!(row[1]["value"], 2);
}

#[test]
fn xlsx_goes_down_a_pipe_as_a_zip() {
    let out = gmg()
        .args(["timeline", "-f", "xlsx"])
        .output()
        .expect("gmg runs");
    assert!(out.status.success());
    assert!(out.stdout.starts_with(b"PK\x03\x04"), "not a zip");
}

#[test]
fn the_extension_names_xlsx_and_it_has_no_header_to_leave_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("e.XLSX");
    gmg().args(["events", "-o"]).arg(&path).assert().success();
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"));
    gmg()
        .args(["events", "-f", "xlsx", "--no-header"])
        .assert()
        .code(2);
}

/// A terminal, through script(1) where it is installed (util-linux's: `script -qec CMD FILE`).
#[test]
fn xlsx_is_refused_on_a_terminal() {
    let has_script = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_script {
        eprintln!("skipped: script(1) is not installed to give gmg a terminal");
        return;
    }
    let out = std::process::Command::new("script")
        .args([
            "-qec",
            &format!("{} events -f xlsx", common::bin()),
            "/dev/null",
        ])
        .env("NO_COLOR", "1")
        .output()
        .expect("script runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{text}");
    assert!(text.contains("xlsx is a binary file"), "{text}");
    assert!(!text.contains("PK"), "{text}");
}
