//! `gmg export FILE.xlsx` read back with openpyxl: an about sheet, then a sheet per
//! collection that agrees with its listing's workbook, and links that agree with `gmg
//! show`; LibreOffice shows it as written. Skips, saying so, where openpyxl or LibreOffice
//! is missing.

mod common;

use common::workbook::{active, books, cells, column, header, openpyxl, row, sheet};
use common::{fails, gmg, json, parse_delimited, stdout, COLLECTIONS};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The ids a cell lists, joined by "; " (a `linked_` column's, or a list field's such as a
/// deliverable's lead), in order; none where the cell is empty.
fn ids(cell: &Value) -> Vec<&str> {
    cell["value"]
        .as_str()
        .map(|ids| ids.split("; ").collect())
        .unwrap_or_default()
}

/// `gmg export DIR/gmg.xlsx` with `args` after it; the workbook's path.
fn export(dir: &Path, args: &[&str]) -> PathBuf {
    let path = dir.join("gmg.xlsx");
    gmg().arg("export").arg(&path).args(args).assert().success();
    path
}

/// Every field of a collection, in order, as its listing names them when `--fields` asks
/// for one it does not have.
fn fields(collection: &str) -> Vec<String> {
    let message = fails(&[collection, "--fields", "nosuch"], 2);
    let (_, list) = message
        .split_once(" fields are ")
        .unwrap_or_else(|| panic!("the message lists no fields: {message}"));
    list.lines()
        .next()
        .unwrap()
        .split(", ")
        .map(String::from)
        .collect()
}

#[test]
fn the_export_is_an_about_sheet_then_a_sheet_per_collection() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = export(dir.path(), &[]);
    // The same workbook down a pipe (`gmg export - -f xlsx`).
    let out = gmg()
        .args(["export", "-", "-f", "xlsx"])
        .output()
        .expect("gmg runs");
    assert!(out.status.success());
    let piped = dir.path().join("piped.xlsx");
    std::fs::write(&piped, &out.stdout).unwrap();
    let books = books(&[&file, &piped]);
    assert_eq!(books[0], books[1]);
    let book = &books[0];
    let names: Vec<&str> = book["sheets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = std::iter::once("about").chain(COLLECTIONS).collect();
    assert_eq!(names, expected);
    assert_eq!(book["active"], "about");

    let about = sheet(book, "about");
    assert_eq!(header(about), ["about", "value"]);
    let rows: Vec<(&str, &str)> = cells(about)[1..]
        .iter()
        .map(|r| {
            assert_eq!(r.as_array().unwrap().len(), 2, "{r}");
            assert!(r[0]["type"] == "s" && r[1]["type"] == "s", "{r}");
            (
                r[0]["value"].as_str().unwrap(),
                r[1]["value"].as_str().unwrap(),
            )
        })
        .collect();
    // What the database's report table says of the report, the data and the program.
    let report = &json(&["sql", "select * from report"])[0];
    let text = |field: &str| report[field].as_str().unwrap().to_string();
    assert_eq!(report["gmg_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(text("source"), "data/source/gmg-chair-report-2016.md");
    let said = [
        ("report", format!("{} {}", text("title"), report["year"])),
        ("chair", text("chair")),
        (
            "period",
            format!("{} to {}", text("period_start"), text("period_end")),
        ),
        ("source", text("source")),
        ("data", text("dataset")),
        ("written by", format!("gmg {}", env!("CARGO_PKG_VERSION"))),
    ];
    let said: Vec<(&str, &str)> = said.iter().map(|(n, v)| (*n, v.as_str())).collect();
    assert_eq!(rows[..said.len()], said);
    assert_eq!(rows[6].0, "how to read it");
    assert!(rows[6].1.contains("linked_"), "{}", rows[6].1);
    // Then a row per collection, as the overview (`gmg` alone) counts it, and each count is
    // the rows of its sheet.
    let overview = stdout(&[]);
    let counts: Vec<(&str, String)> = overview
        .lines()
        .filter_map(|line| {
            let (n, rest) = line.strip_prefix(' ')?.trim_start().split_once(' ')?;
            let n: usize = n.parse().ok()?;
            let (noun, what) = rest.split_once("  ")?;
            Some((noun, format!("{n}: {}", what.trim())))
        })
        .collect();
    let counts: Vec<(&str, &str)> = counts.iter().map(|(n, v)| (*n, v.as_str())).collect();
    assert_eq!(counts.len(), COLLECTIONS.len(), "{overview}");
    assert_eq!(rows[7..], counts);
    for ((_, count), collection) in rows[7..].iter().zip(COLLECTIONS) {
        let (n, _) = count.split_once(": ").unwrap();
        assert_eq!(
            n.parse::<usize>().unwrap(),
            cells(sheet(book, collection)).len() - 1,
            "{collection}"
        );
    }
}

/// A collection's sheet holds every field of the collection, cell for cell (value, type,
/// number format) as `gmg COLLECTION --fields (all of them) -f xlsx` writes them, then only
/// `linked_` columns; a row per record, in the listing's order.
#[test]
fn each_sheet_is_its_listing_with_every_field() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut paths = vec![export(dir.path(), &[])];
    let fields: Vec<Vec<String>> = COLLECTIONS.iter().map(|c| fields(c)).collect();
    for (collection, fields) in COLLECTIONS.iter().zip(&fields) {
        let path = dir.path().join(format!("{collection}.xlsx"));
        gmg()
            .args([
                collection,
                "--fields",
                &fields.join(","),
                "-f",
                "xlsx",
                "-o",
            ])
            .arg(&path)
            .assert()
            .success();
        paths.push(path);
    }
    let paths: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let books = books(&paths);
    // What the comparison met: text, numbers, dates and empty cells.
    let mut met = std::collections::BTreeSet::new();
    for ((collection, fields), listing) in COLLECTIONS.iter().zip(&fields).zip(&books[1..]) {
        let (sheet, listing) = (sheet(&books[0], collection), active(listing));
        let fields: Vec<&str> = fields.iter().map(String::as_str).collect();
        let names = header(sheet);
        assert!(names.len() >= fields.len(), "{collection}: {names:?}");
        let (own, linked) = names.split_at(fields.len());
        assert_eq!(own, fields, "{collection}");
        assert!(
            linked.iter().all(|n| n.starts_with("linked_")),
            "{collection}: {linked:?}"
        );
        assert_eq!(header(listing), fields, "{collection}");
        assert_eq!(sheet["freeze"], "A2", "{collection}");

        let records = json(&[collection]);
        let records = records.as_array().unwrap();
        let (rows, listed) = (&cells(sheet)[1..], &cells(listing)[1..]);
        assert_eq!(rows.len(), records.len(), "{collection}");
        assert_eq!(listed.len(), records.len(), "{collection}");
        for ((row, listed), record) in rows.iter().zip(listed).zip(records) {
            let key = &record[fields[0]];
            assert_eq!(
                row[0]["value"], *key,
                "{collection}: not the listing's order"
            );
            for (c, field) in fields.iter().enumerate() {
                assert_eq!(row[c], listed[c], "{collection} {key} {field}");
                met.insert(match &row[c]["value"] {
                    Value::Null => "empty".to_string(),
                    _ => row[c]["type"].as_str().unwrap().to_string(),
                });
            }
        }
    }
    assert_eq!(
        met.into_iter().collect::<Vec<_>>(),
        ["d", "empty", "n", "s"]
    );
}

/// Every row's `linked_` cells hold the ids its card (`gmg show ID -f json`) links to:
/// each collection's in its own column, in the card's order, each once. A sheet has a
/// column for each collection any of its rows links to, in the order of the sheets.
#[test]
fn linked_columns_hold_the_ids_of_the_cards_links() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let book = &books(&[&export(dir.path(), &[])])[0];
    // Each row's card, sheet by sheet.
    let cards: Vec<Vec<Value>> = COLLECTIONS
        .iter()
        .map(|c| {
            cells(sheet(book, c))[1..]
                .iter()
                .map(|r| json(&["show", r[0]["value"].as_str().unwrap()]))
                .collect()
        })
        .collect();
    // The kind the cards of a sheet's records give (a link names its record's kind).
    let kinds: Vec<&str> = COLLECTIONS
        .iter()
        .zip(&cards)
        .map(|(collection, cards)| {
            let kind = cards[0]["kind"].as_str().unwrap();
            assert!(cards.iter().all(|c| c["kind"] == kind), "{collection}");
            kind
        })
        .collect();
    let mut wrong = Vec::new();
    let mut links = 0;
    for (collection, cards) in COLLECTIONS.iter().zip(&cards) {
        let sheet = sheet(book, collection);
        // Row by row, kind by kind: the ids the card links to, each once.
        let linked: Vec<Vec<Vec<&str>>> = cards
            .iter()
            .map(|card| {
                let links = card["links"].as_array().unwrap();
                for l in links {
                    assert!(kinds.contains(&l["kind"].as_str().unwrap()), "{l}");
                }
                kinds
                    .iter()
                    .map(|kind| {
                        let mut ids = Vec::new();
                        for l in links.iter().filter(|l| l["kind"] == *kind) {
                            let id = l["id"].as_str().unwrap();
                            if !ids.contains(&id) {
                                ids.push(id);
                            }
                        }
                        ids
                    })
                    .collect()
            })
            .collect();
        let columns: Vec<usize> = (0..COLLECTIONS.len())
            .filter(|k| linked.iter().any(|row| !row[*k].is_empty()))
            .collect();
        let names: Vec<String> = columns
            .iter()
            .map(|k| format!("linked_{}", COLLECTIONS[*k]))
            .collect();
        let own = fields(collection).len();
        assert_eq!(header(sheet)[own..], names, "{collection}");
        for ((row, card), expected) in cells(sheet)[1..].iter().zip(cards).zip(&linked) {
            assert_eq!(row[0]["value"], card["id"], "{collection}");
            for (c, k) in columns.iter().enumerate() {
                let (cell, expected) = (&row[own + c], &expected[*k]);
                links += expected.len();
                let kind = if expected.is_empty() { "n" } else { "s" };
                assert_eq!(cell["type"], kind, "{collection} {}", card["id"]);
                let mut got = ids(cell);
                if got != *expected {
                    got.sort_unstable();
                    let mut sorted = expected.clone();
                    sorted.sort_unstable();
                    let only = if got == sorted { " (order only)" } else { "" };
                    wrong.push(format!(
                        "{collection} {} {}{only}: {:?}, the card's: {expected:?}",
                        card["id"], names[c], cell["value"]
                    ));
                }
            }
        }
    }
    assert!(links > 0);
    assert!(
        wrong.is_empty(),
        "{} of the linked cells are not the card's links (kind by kind, in the card's order):\n{}",
        wrong.len(),
        wrong.join("\n")
    );
}

/// A record's fields that name other records, and the linked columns of both: a
/// statement and the event it was delivered at, a deliverable and its group and lead, a
/// handover item and the members it is from and the deliverables it names, a group and
/// its members, an activity and its objective.
#[test]
fn a_record_and_the_records_its_fields_name_link_to_each_other() {
    if !openpyxl() {
        return;
    }
    const NAMING: [(&str, &str, &str); 7] = [
        ("statements", "event", "events"),
        ("deliverables", "group", "groups"),
        ("deliverables", "lead", "members"),
        ("handover", "chairs", "members"),
        ("handover", "deliverables", "deliverables"),
        ("groups", "participants", "members"),
        ("objectives", "under", "objectives"),
    ];
    let dir = tempfile::tempdir().unwrap();
    let book = &books(&[&export(dir.path(), &[])])[0];
    for (from, field, to) in NAMING {
        let (source, target) = (sheet(book, from), sheet(book, to));
        let named_by = column(source, field);
        let forth = column(source, &format!("linked_{to}"));
        let back = column(target, &format!("linked_{from}"));
        let mut seen = 0;
        for row in &cells(source)[1..] {
            let key = row[0]["value"].as_str().unwrap();
            // A list field is joined as linked ids are; a lead may be no member ("GMG").
            for named in ids(&row[named_by]) {
                let Some(other) = cells(target)[1..].iter().find(|r| r[0]["value"] == named) else {
                    continue;
                };
                seen += 1;
                assert!(
                    ids(&row[forth]).contains(&named),
                    "{from} {key}: its {field} {named} is not in its linked_{to}"
                );
                assert!(
                    ids(&other[back]).contains(&key),
                    "{to} {named}: {from} {key} is not in its linked_{from}"
                );
            }
        }
        assert!(seen > 0, "no {from} names {to} in {field}");
    }
}

/// A `--data` file whose text looks like a formula (or a DDE call) exports it as text,
/// never a formula, in the export and in a listing.
#[test]
fn text_from_the_data_that_looks_like_a_formula_stays_text_in_the_export() {
    if !openpyxl() {
        return;
    }
    let hostile = [
        ("events", r#"=HYPERLINK("http://x","y")"#),
        ("statements", "=1+1"),
        ("deliverables", "@SUM(1+1)*cmd|' /C calc'!A0"),
    ];
    let mut text = std::fs::read_to_string("data/gmg2016.ron").unwrap();
    // The first record of each listing, its title (the first after its id) replaced.
    let mut keys = Vec::new();
    for (collection, bad) in hostile {
        let record = &json(&[collection])[0];
        let id = format!("id: {:?}", record["id"].as_str().unwrap());
        let title = format!("title: {:?}", record["title"].as_str().unwrap());
        assert_eq!(text.matches(&id).count(), 1, "{id}");
        let at = text.find(&id).unwrap();
        let at = at
            + text[at..]
                .find(&title)
                .expect("the record's title follows its id");
        text.replace_range(at..at + title.len(), &format!("title: {bad:?}"));
        keys.push(record["id"].as_str().unwrap().to_string());
    }
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("hostile.ron");
    std::fs::write(&data, &text).unwrap();
    let data = data.display().to_string();
    let exported = export(dir.path(), &["--data", &data]);
    let listing = dir.path().join("events.xlsx");
    gmg()
        .args(["events", "--data", &data, "-o"])
        .arg(&listing)
        .assert()
        .success();
    let books = books(&[&exported, &listing]);

    for ((collection, bad), key) in hostile.iter().zip(&keys) {
        let sheet = sheet(&books[0], collection);
        let cell = &row(sheet, key)[column(sheet, "title")];
        assert_eq!(cell["value"], *bad, "{collection} {key}");
        assert_eq!(cell["type"], "s", "{collection} {key}");
    }
    let listed = active(&books[1]);
    let cell = &row(listed, &keys[0])[column(listed, "title")];
    assert_eq!(
        (&cell["value"], &cell["type"]),
        (&hostile[0].1.into(), &"s".into())
    );
    // No cell of either is a formula; the about sheet names the file read.
    for book in &books {
        for sheet in book["sheets"].as_array().unwrap() {
            for row in cells(sheet) {
                for cell in row.as_array().unwrap() {
                    assert_ne!(cell["type"], "f", "{} {cell}", sheet["name"]);
                }
            }
        }
    }
    assert_eq!(row(sheet(&books[0], "about"), "data")[1]["value"], data);
}

/// Long text wraps in its column, in a row tall enough for its lines; a record's other
/// passages are a line each.
#[test]
fn long_text_wraps_and_other_passages_are_a_line_each() {
    if !openpyxl() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let book = &books(&[&export(dir.path(), &[])])[0];
    let about = sheet(book, "about");
    let how = row(about, "how to read it");
    assert_eq!(
        (how[0]["wrap"].clone(), how[1]["wrap"].clone()),
        (false.into(), true.into())
    );
    // The row's number, from 1 as a spreadsheet counts them.
    let at = cells(about).iter().position(|r| r == how).unwrap() + 1;
    let height = about["heights"][at.to_string()].as_f64().unwrap();
    let chars = how[1]["value"].as_str().unwrap().chars().count();
    assert_eq!(height, 15.0 * chars.div_ceil(60) as f64);
    assert!(
        about["heights"].get("2").is_none(),
        "a short row keeps its height"
    );

    // An event with other passages: each "section: quote" on a line of its own, as JSON has them.
    let events = sheet(book, "events");
    let record = json(&["events"])
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["also"].as_array().is_some_and(|a| a.len() > 1))
        .cloned()
        .expect("an event with two other passages");
    let also = &row(events, record["id"].as_str().unwrap())[column(events, "also")];
    let lines: Vec<String> = record["also"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            format!(
                "{}: {}",
                s["section"].as_str().unwrap(),
                s["quote"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(also["value"], lines.join("\n"));
    assert_eq!(also["wrap"], true);
}

fn soffice() -> bool {
    common::available("LibreOffice (soffice)", "soffice", &["--version"])
}

/// LibreOffice's CSV filter: comma, double quote, UTF-8 (76), cells saved as shown (the
/// ninth token), every sheet to its own file (-1): `STEM-SHEET.csv`.
const CSV_FILTER: &str =
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1";

/// Every sheet of each workbook as headless LibreOffice shows it, all by one soffice (with
/// a profile of its own, so a running LibreOffice is not asked): DIR/csv/STEM-SHEET.csv.
fn libreoffice_csv(dir: &Path, workbooks: &[&Path]) -> PathBuf {
    let out = dir.join("csv");
    let profile = format!("-env:UserInstallation=file://{}", dir.join("lo").display());
    common::run_program(
        std::process::Command::new("soffice")
            .args(["--headless", "--norestore", &profile])
            .args(["--convert-to", CSV_FILTER, "--outdir"])
            .arg(&out)
            .args(workbooks),
    );
    out
}

/// A sheet as a spreadsheet should show it: text as it is, a number as written, an empty
/// cell empty, a date to its row's precision (2016, 2016-06, 2016-06-14; the whole date
/// in a sheet with no precision column).
fn shown(sheet: &Value) -> Vec<Vec<String>> {
    let precision = header(sheet).iter().position(|c| *c == "precision");
    cells(sheet)
        .iter()
        .map(|row| {
            let len = match precision.and_then(|p| row[p]["value"].as_str()) {
                Some("year") => 4,
                Some("month") => 7,
                _ => 10,
            };
            row.as_array()
                .unwrap()
                .iter()
                .map(
                    |cell| match (cell["type"].as_str().unwrap(), &cell["value"]) {
                        (_, Value::Null) => String::new(),
                        ("s", Value::String(text)) => text.clone(),
                        ("n", Value::Number(n)) => n.to_string(),
                        ("d", Value::String(when)) => when[..len].to_string(),
                        other => panic!("a cell of an unexpected kind: {other:?}"),
                    },
                )
                .collect()
        })
        .collect()
}

/// LibreOffice opens the export and a listing's workbook and shows every cell as openpyxl
/// reads it: text byte for byte (curly quotes and accents too), numbers as written, dates
/// to the report's precision.
#[test]
fn libreoffice_shows_the_workbooks_as_written() {
    if !openpyxl() || !soffice() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let exported = export(dir.path(), &[]);
    let listing = dir.path().join("events.xlsx");
    gmg()
        .args(["events", "-o"])
        .arg(&listing)
        .assert()
        .success();
    let workbooks = [exported.as_path(), listing.as_path()];
    let out = libreoffice_csv(dir.path(), &workbooks);
    let (mut dates, mut unicode) = (std::collections::BTreeSet::new(), 0);
    for (path, book) in workbooks.iter().zip(books(&workbooks)) {
        let stem = path.file_stem().unwrap().to_str().unwrap();
        for sheet in book["sheets"].as_array().unwrap() {
            let file = format!("{stem}-{}.csv", sheet["name"].as_str().unwrap());
            let csv = std::fs::read_to_string(out.join(&file))
                .unwrap_or_else(|e| panic!("LibreOffice wrote no UTF-8 {file}: {e}"));
            let (names, rows) = parse_delimited(&csv, b',');
            let expected = shown(sheet);
            assert_eq!(names, expected[0], "{file}");
            assert_eq!(rows.len(), expected.len() - 1, "{file}");
            for (r, (got, want)) in rows.iter().zip(&expected[1..]).enumerate() {
                assert_eq!(got.len(), want.len(), "{file} row {}", r + 1);
                for (c, (got, want)) in got.iter().zip(want).enumerate() {
                    assert_eq!(got, want, "{file} row {} column {}", r + 1, names[c]);
                    if cells(sheet)[r + 1][c]["type"] == "d" {
                        dates.insert(want.len());
                    }
                    unicode += usize::from(!want.is_ascii());
                }
            }
        }
    }
    assert_eq!(dates.into_iter().collect::<Vec<_>>(), [4, 7, 10]);
    assert!(unicode > 0, "no text beyond ASCII was compared");
}
