//! `gmg read`: the report paragraph by paragraph with the records that quote each, the
//! paragraphs no record quotes, a section of the report, and the overview's count.

mod common;

use std::io::Read;
use std::process::Stdio;

use serde_json::Value;

use common::{fails, json, process, stdout};

/// `gmg read ARGS -f json` as rows.
fn rows(args: &[&str]) -> Vec<Value> {
    let all = [&["read"][..], args].concat();
    json(&all)
        .as_array()
        .expect("an array of paragraphs")
        .clone()
}

/// The one paragraph whose text starts with `start`.
fn paragraph<'a>(rows: &'a [Value], start: &str) -> &'a Value {
    let found: Vec<&Value> = rows
        .iter()
        .filter(|r| r["text"].as_str().unwrap().starts_with(start))
        .collect();
    assert_eq!(found.len(), 1, "paragraphs starting with {start:?}");
    found[0]
}

fn records(row: &Value) -> Vec<&str> {
    row["records"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

fn is_uncited(row: &Value) -> bool {
    row["kind"] == "paragraph" && records(row).is_empty()
}

#[test]
fn a_paragraph_is_marked_with_exactly_the_records_whose_quotes_lie_in_it() {
    let all = rows(&[]);
    // Checked by hand against data/gmg2016.ron: the list item of II.4 is the main quote of
    // statement s12 and an `also` quote of its event.
    let item = paragraph(
        &all,
        "- 19 September 2016: Statement at the UN GA High-level Summit",
    );
    assert_eq!(records(item), ["un-summit-2016-09-19", "s12"]);
    assert_eq!(
        (
            &item["section"],
            &item["number"],
            &item["line"],
            &item["kind"]
        ),
        (
            &Value::from("II.4"),
            &Value::from(55),
            &Value::from(93),
            &Value::from("paragraph")
        )
    );
    // The World Bank's quote takes in the WHO line before its own: it lies in both.
    assert_eq!(
        records(paragraph(&all, "World Health Organisation (WHO)")),
        ["WHO", "World Bank"]
    );
    assert_eq!(records(paragraph(&all, "World Bank")), ["World Bank"]);
    // A page break cuts a sentence of Annex B.4 in two; the quote across it lies in both.
    assert_eq!(
        records(paragraph(
            &all,
            "Many conventions and other international law"
        )),
        ["iml-courses-2007"]
    );
    assert_eq!(
        records(paragraph(
            &all,
            "delegates in New York in partnership with UNITAR"
        )),
        [
            "iml-courses-2007",
            "iml-online-course-launch",
            "iml-online-course"
        ]
    );
    // "UN Regional Commissions" is in Annex A's footnote too, but the record quotes Annex D.
    assert_eq!(
        records(paragraph(&all, "UN Regional Commissions")),
        ["UN Regional Commissions"]
    );
    assert!(records(paragraph(&all, "¹ FAO, ILO, IOM")).is_empty());
    // Headings are rows too; the report's numbering has no gaps.
    let heading = paragraph(&all, "4. Greater GMG visibility");
    assert_eq!(
        (&heading["kind"], &heading["section"]),
        (&Value::from("heading"), &Value::from("II.4"))
    );
    for (i, row) in all.iter().enumerate() {
        assert_eq!(row["number"], Value::from(i + 1));
    }
}

#[test]
fn every_quote_marks_the_paragraph_of_its_section_that_holds_it() {
    let all = rows(&[]);
    for (collection, key) in [
        ("events", "id"),
        ("statements", "id"),
        ("members", "acronym"),
        ("handover", "id"),
        ("groups", "id"),
        ("deliverables", "id"),
    ] {
        for record in json(&[collection]).as_array().unwrap() {
            let id = record[key].as_str().unwrap();
            let mut quotes = vec![(record["section"].clone(), record["quote"].clone())];
            if let Some(also) = record["also"].as_array() {
                quotes.extend(
                    also.iter()
                        .map(|s| (s["section"].clone(), s["quote"].clone())),
                );
            }
            for (section, quote) in quotes {
                let quote = quote
                    .as_str()
                    .unwrap()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                for row in &all {
                    if row["section"] == section && row["text"].as_str().unwrap().contains(&quote) {
                        assert!(records(row).contains(&id), "{id} in {row}");
                    }
                }
            }
        }
    }
}

#[test]
fn uncited_lists_exactly_the_paragraphs_no_record_quotes() {
    let all = rows(&[]);
    let uncited = rows(&["--uncited"]);
    let expected: Vec<&Value> = all.iter().filter(|r| is_uncited(r)).collect();
    assert_eq!(uncited.iter().collect::<Vec<_>>(), expected);
    assert!(!uncited.is_empty() && uncited.len() < all.len() / 2);
    // A lead-in no record quotes.
    assert!(uncited.contains(paragraph(
        &all,
        "The key accomplishments of the GMG in 2016 included:"
    )));
    // Headings are never listed, quoted or not.
    assert!(!uncited
        .iter()
        .any(|r| r["text"] == "ACTIVITIES REPORT (2015-2016)"));
    // csv has the same rows, lists joined.
    let csv = stdout(&["read", "--uncited", "-f", "csv"]);
    assert!(
        csv.starts_with("section,number,kind,text,records,line\n"),
        "{csv}"
    );
    assert_eq!(csv.lines().count(), uncited.len() + 1);
}

#[test]
fn a_section_is_read_alone() {
    let all = rows(&[]);
    let ii4 = rows(&["II.4"]);
    let expected: Vec<&Value> = all.iter().filter(|r| r["section"] == "II.4").collect();
    assert_eq!(ii4.iter().collect::<Vec<_>>(), expected);
    assert_eq!(ii4.len(), 16);
    // A part of the report, in any case, as --section takes it: II is its lead-in and II.1-6.
    let sections: std::collections::BTreeSet<String> = rows(&["ii"])
        .iter()
        .map(|r| r["section"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        sections.into_iter().collect::<Vec<_>>(),
        ["II", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6"]
    );
    let annex_b = rows(&["annex b", "--uncited"]);
    assert!(!annex_b.is_empty());
    assert!(annex_b
        .iter()
        .all(|r| r["section"].as_str().unwrap().starts_with("Annex B.") && is_uncited(r)));
    // The text: a rule with the section, numbered paragraphs, the ids under them, a count.
    let text = stdout(&["read", "II.4"]);
    assert!(
        text.starts_with("── II.4 ──\n\n45  4. Greater GMG visibility"),
        "{text}"
    );
    assert!(
        text.contains("\n55  - 19 September 2016: Statement at the UN GA High-level Summit Addressing Large Movements of Refugees and Migrants;\n    ↳ un-summit-2016-09-19, s12\n"),
        "{text}"
    );
    let cited = ii4
        .iter()
        .filter(|r| r["kind"] == "paragraph" && !is_uncited(r))
        .count();
    let total = ii4.iter().filter(|r| r["kind"] == "paragraph").count();
    assert!(text.ends_with(&format!(
        "\nRecords quote {cited} of the {total} paragraphs of II.4 (headings aside); gmg read --uncited lists the others.\n"
    )), "{text}");
}

#[test]
fn an_unknown_section_is_a_usage_error_that_lists_the_sections() {
    let err = fails(&["read", "II.9"], 2);
    assert!(err.contains("invalid value 'II.9' for '[S]'"), "{err}");
    assert!(
        err.contains("expected a section of the report (I, II.1, II.2, II.3, II.4, II.5, II.6, III, IV, Annex A, Annex B.1"),
        "{err}"
    );
    // The same words as --section.
    let section = fails(&["events", "--section", "II.9"], 2);
    let tail = |e: &str| {
        e[e.find("expected").unwrap()..]
            .lines()
            .next()
            .unwrap()
            .to_string()
    };
    assert_eq!(tail(&err), tail(&section));
    // The text is not rows: shaping them is refused, with what to do instead.
    let err = fails(&["read", "--limit", "3"], 2);
    assert!(err.contains("'--limit' shapes rows"), "{err}");
    // Rows can be shaped.
    let two = stdout(&[
        "read",
        "--uncited",
        "-f",
        "csv",
        "--fields",
        "number,section",
        "--limit",
        "2",
    ]);
    assert_eq!(two, "number,section\n2,Title\n6,II\n");
}

#[test]
fn the_overview_says_how_many_paragraphs_records_quote() {
    let all = rows(&[]);
    let total = all.iter().filter(|r| r["kind"] == "paragraph").count();
    let cited = total - all.iter().filter(|r| is_uncited(r)).count();
    let overview = stdout(&[]);
    assert!(
        overview.contains(&format!(
            "\nRecords quote {cited} of the report's {total} paragraphs (headings aside).\n"
        )),
        "{overview}"
    );
}

#[test]
fn reading_into_a_closed_pipe_is_quiet() {
    for args in [&["read"][..], &["read", "--uncited", "-f", "json"]] {
        let mut child = process()
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Read one line, as `gmg read | head -1` does, then hang up.
        let mut out = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        out.read_exact(&mut first).unwrap();
        drop(out);
        let stderr = common::stderr_of(&mut child);
        let status = child.wait().unwrap();
        assert_eq!((status.code(), stderr.as_str()), (Some(0), ""), "{args:?}");
    }
}
