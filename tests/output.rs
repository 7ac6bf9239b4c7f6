//! Every output format, parsed back; files written whole; colour; the closed pipe;
//! snapshots of the renderings people read.

mod common;

use std::process::Stdio;

use common::{fails, fixture_arg, gmg, json, parse_delimited, stdout};
use serde_json::Value;

/// A JSON value flattened the way csv/tsv show it.
fn flat(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => {
            // Items are joined with "; ", except after a quote that ends a sentence.
            let mut joined = String::new();
            for item in items {
                if !joined.is_empty() {
                    let ended = joined.ends_with(['.', ';', ':', '?', '!']);
                    joined.push_str(if ended { " " } else { "; " });
                }
                joined.push_str(&flat_item(item));
            }
            joined
        }
        other => panic!("unexpected {other}"),
    }
}

fn flat_item(item: &Value) -> String {
    match item {
        Value::Object(source) => {
            format!("{}: {}", flat(&source["section"]), flat(&source["quote"]))
        }
        other => flat(other),
    }
}

#[test]
fn csv_tsv_json_and_ndjson_carry_the_same_records() {
    for collection in ["events", "statements", "members", "handover"] {
        let records = json(&[collection]);
        let records = records.as_array().unwrap();
        let lines: Vec<Value> = stdout(&[collection, "-f", "ndjson"])
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(&lines, records, "{collection}: ndjson");
        for (format, delimiter) in [("csv", b','), ("tsv", b'\t')] {
            let (header, rows) = parse_delimited(&stdout(&[collection, "-f", format]), delimiter);
            assert_eq!(rows.len(), records.len(), "{collection} {format}");
            for (row, record) in rows.iter().zip(records) {
                let object = record.as_object().unwrap();
                assert_eq!(
                    header,
                    object.keys().cloned().collect::<Vec<_>>(),
                    "{collection} {format}"
                );
                let expected: Vec<String> = object.values().map(flat).collect();
                assert_eq!(row, &expected, "{collection} {format}");
            }
        }
    }
}

#[test]
fn json_keeps_types_arrays_and_nulls() {
    let records = json(&["events", "--search", "msm-2016-06-30"]);
    let event = &records[0];
    assert_eq!(event["id"], "msm-2016-06-30");
    assert_eq!(event["start"], "2016-06-30");
    assert_eq!(event["precision"], "day");
    assert_eq!(
        event["organizers"],
        serde_json::json!(["GMG", "UNODC", "OHCHR"])
    );
    assert_eq!(event["also"][0]["section"], "Annex B.3");
    let members = json(&[
        "members",
        "--search",
        "UNEP",
        "--fields",
        "acronym,added,note",
    ]);
    assert_eq!(members[0]["added"], 2016);
    let fao = json(&["members", "--search", "FAO"]);
    assert_eq!(fao[0]["added"], Value::Null);
    assert_eq!(fao[0]["note"], Value::Null);
}

#[test]
fn text_with_quotes_commas_newlines_and_tabs_survives_csv_and_tsv() {
    let data = fixture_arg("tricky.ron");
    let records = json(&["events", "--data", &data]);
    let object = records[0].as_object().unwrap();
    assert_eq!(
        object["title"],
        "A \"quoted\", comma'd title\nwith a second line"
    );
    for (format, delimiter) in [("csv", b','), ("tsv", b'\t')] {
        let (_, rows) = parse_delimited(
            &stdout(&["events", "--data", &data, "-f", format]),
            delimiter,
        );
        let expected: Vec<String> = object.values().map(flat).collect();
        assert_eq!(rows, [expected], "{format}");
    }
}

#[test]
fn markdown_escapes_pipes_line_breaks_and_html() {
    let data = fixture_arg("tricky.ron");
    assert_eq!(
        stdout(&["events", "--data", &data, "-f", "markdown", "--fields", "title,location"]),
        "| title | location |\n|---|---|\n| A \"quoted\", comma'd title<br>with a second line | Genève \\| Zürich\tcentre &lt;b&gt;&amp;amp;&lt;/b&gt; |\n"
    );
}

#[test]
fn bom_and_no_header() {
    let out = stdout(&[
        "members", "--added", "2016", "-f", "csv", "--fields", "acronym", "--bom",
    ]);
    assert_eq!(out, "\u{feff}acronym\nUNEP\nUNIDO\nWFP\n");
    let out = stdout(&[
        "members",
        "--added",
        "2016",
        "-f",
        "tsv",
        "--fields",
        "acronym,added",
        "--no-header",
    ]);
    assert_eq!(out, "UNEP\t2016\nUNIDO\t2016\nWFP\t2016\n");
    // A pipe table without its header row is not a table: refused before any output.
    assert_eq!(
        fails(&["members", "-f", "markdown", "--no-header"], 2),
        "error: '--no-header' cannot be used with '--format markdown': a markdown table needs its header row\n"
    );
    assert_eq!(
        fails(&["members", "-o", "members.md", "--no-header"], 2),
        "error: '--no-header' cannot be used with '--format markdown': a markdown table needs its header row\n"
    );
}

#[test]
fn no_match_is_not_an_error() {
    let none = ["statements", "--month", "2015-01"];
    assert_eq!(
        stdout(&[&none[..], &["-f", "csv", "--fields", "id,title"]].concat()),
        "id,title\n"
    );
    assert_eq!(stdout(&[&none[..], &["-f", "json"]].concat()), "[]\n");
    assert_eq!(stdout(&[&none[..], &["-f", "ndjson"]].concat()), "");
    let out = gmg().args(none).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "no statements match\n"
    );
}

#[test]
fn output_file_takes_its_format_from_the_extension() {
    let dir = tempfile::tempdir().unwrap();
    for (name, starts) in [
        ("m.csv", "acronym,name"),
        ("m.tsv", "acronym\tname"),
        ("m.json", "[\n  {"),
        ("m.ndjson", "{\"acronym\""),
        ("m.md", "| acronym |"),
    ] {
        let path = dir.path().join(name);
        let out = gmg().args(["members", "-o"]).arg(&path).output().unwrap();
        assert!(out.status.success() && out.stdout.is_empty(), "{name}");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(starts), "{name}: {text}");
    }
    // --format wins over the extension.
    let path = dir.path().join("forced.json");
    gmg()
        .args([
            "members", "-f", "csv", "--fields", "acronym", "--limit", "1", "-o",
        ])
        .arg(&path)
        .assert()
        .success();
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "acronym\nFAO\n");
    // No temporary files are left behind.
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 6, "{left:?}");
}

#[test]
fn a_failed_run_leaves_the_previous_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keep.csv");
    std::fs::write(&path, "precious\n").unwrap();
    let out = gmg()
        .args(["statements", "--data", "no/such.ron", "-o"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "precious\n");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn writing_into_a_missing_directory_fails_cleanly() {
    let out = gmg()
        .args(["members", "-o", "no/such/dir/m.csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr,
        "error: cannot write no/such/dir/m.csv: there is no directory no/such/dir\n"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn colour_only_when_asked_or_on_a_terminal_without_no_color() {
    let plain = stdout(&["members", "--added", "2016"]);
    assert!(!plain.contains('\u{1b}'));
    let forced = gmg()
        .args(["members", "--added", "2016", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8(forced.stdout)
        .unwrap()
        .contains("\u{1b}["));
    let never = gmg()
        .args(["members", "--color", "never"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(!String::from_utf8(never.stdout).unwrap().contains('\u{1b}'));
    // Piped, auto means no colour even without NO_COLOR.
    let auto = gmg()
        .args(["members"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert!(!String::from_utf8(auto.stdout).unwrap().contains('\u{1b}'));
    // Help and usage errors too: piped into a pager or a file, they are plain text.
    for args in [
        &["--help"][..],
        &["events", "-h"],
        &["events", "--month", "13"],
    ] {
        let out = gmg().args(args).env_remove("NO_COLOR").output().unwrap();
        let text = [out.stdout, out.stderr].concat();
        assert!(!text.is_empty());
        assert!(!text.contains(&0x1b), "{args:?}");
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("gmg"))
        .args(["events", "-f", "csv"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let stderr = common::stderr_of(&mut child);
    let status = child.wait().unwrap();
    assert_eq!((status.code(), stderr.as_str()), (Some(0), ""));
}

#[test]
fn markdown_snapshot() {
    insta::assert_snapshot!(stdout(&["members", "-f", "markdown"]));
}

#[test]
fn csv_safe_defuses_formula_cells_and_only_when_asked() {
    let data = fixture_arg("tricky.ron");
    let args = [
        "events",
        "--data",
        &data,
        "--fields",
        "id,organizers,quote,start",
    ];
    assert_eq!(
        stdout(&[&args[..], &["-f", "csv", "--csv-safe"]].concat()),
        "id,organizers,quote,start\ne1,'=SUM(A1:A2); +UN; Women; @ILO,\"'-quote with, commas and \"\"quotes\"\"\",2016-05-01\n"
    );
    assert_eq!(
        stdout(&[&args[..], &["-f", "tsv", "--csv-safe", "--no-header"]].concat()),
        "e1\t'=SUM(A1:A2); +UN; Women; @ILO\t\"'-quote with, commas and \"\"quotes\"\"\"\t2016-05-01\n"
    );
    // Off by default: the data is printed as it is.
    assert!(stdout(&[&args[..], &["-f", "csv"]].concat())
        .contains("\ne1,=SUM(A1:A2); +UN; Women; @ILO,"));
}

#[test]
fn markdown_shows_a_hostile_title_as_text() {
    // A --data title written as markup: an image, a javascript: link, emphasis, code, a
    // heading and a tag. Each character markdown would read is escaped, so the cell can
    // render only as the text it is.
    let data = fixture_arg("hostile-title.ron");
    let out = stdout(&[
        "events", "--data", &data, "-f", "markdown", "--fields", "id,title",
    ]);
    assert_eq!(
        out.lines().nth(2).unwrap(),
        r"| retreat | \!\[x\]\(http\://e/x.png\) \[a\]\(javascript:alert\(1\)\) \*b\* \_c\_ \`d\` \# e &lt;f&gt; |"
    );
}

#[test]
fn dash_as_output_is_standard_output() {
    let args = ["members", "--added", "2016", "--fields", "acronym"];
    let dir = tempfile::tempdir().unwrap();
    for extra in [&[][..], &["-f", "csv"], &["-f", "markdown"]] {
        let plain = stdout(&[&args[..], extra].concat());
        let out = common::gmg()
            .current_dir(dir.path())
            .args([&args[..], extra, &["-o", "-"]].concat())
            .output()
            .unwrap();
        assert!(out.status.success(), "{extra:?}: {out:?}");
        assert_eq!(String::from_utf8(out.stdout).unwrap(), plain, "{extra:?}");
    }
    // No file called "-" was written.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
