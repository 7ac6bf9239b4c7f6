//! `-f xlsx` read back with openpyxl: header frozen and filtered, text as text, dates as date
//! cells shown to the report's precision, what a cell cannot hold said. Skips, saying so,
//! where openpyxl is missing.

mod common;

use common::workbook::{cells, column, header, openpyxl, read, row};
use common::{gmg, parse_delimited, stdout};

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
    let (names, rows) = parse_delimited(&stdout(&["deliverables", "-f", "csv"]), b',');

    let cells = cells(&sheet);
    assert_eq!(header(&sheet), names);
    assert_eq!(cells.len() - 1, rows.len());
    assert_eq!(sheet["freeze"], "A2");
    let last = (b'A' + names.len() as u8 - 1) as char;
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

#[test]
fn what_a_workbook_cannot_hold_is_cut_and_said_or_written_as_text() {
    if !openpyxl() {
        return;
    }
    // A title longer than a cell holds, and dates before 1 March 1900 (which Excel and
    // LibreOffice count differently), one known to the month.
    let small = std::fs::read_to_string(common::fixture("small.ron")).unwrap();
    let long = "word ".repeat(8000);
    let text = small
        .replacen(
            "title: \"2016 IOM International Dialogue on Migration\",",
            &format!("title: {long:?},"),
            1,
        )
        .replacen("start: \"2016-02-01\"", "start: \"1899-12-01\"", 1)
        .replacen("end: \"2016-02-29\"", "end: \"1900-02-28\"", 1);
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("d.ron");
    std::fs::write(&data, text).unwrap();
    let data = data.display().to_string();
    let path = dir.path().join("e.xlsx");
    let out = gmg()
        .args(["events", "--data", &data, "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "note: 1 text (events row 2 title) longer than a cell holds (32,767 characters) was cut, with \"…\"; csv and json hold the whole text\n"
    );
    let sheet = read(&path);
    let title = &row(&sheet, "idm")[column(&sheet, "title")];
    let kept: String = long.chars().take(32_766).collect();
    assert_eq!(title["value"], format!("{kept}…"));
    let retreat = row(&sheet, "retreat");
    let (start, end) = (column(&sheet, "start"), column(&sheet, "end"));
    assert_eq!(
        (&retreat[start]["value"], &retreat[start]["type"]),
        (&"1899-12".into(), &"s".into())
    );
    assert_eq!(
        (&retreat[end]["value"], &retreat[end]["type"]),
        (&"1900-02".into(), &"s".into())
    );
    // The other dates are date cells.
    assert_eq!(row(&sheet, "idm")[start]["date"], true);
}
