//! A `--data` file or an argument from someone else: no byte of it may control the
//! terminal. The loader refuses control and bidi characters in every text field, and
//! every message echoes values escaped and cut.

mod common;

use common::{fails, fixture, gmg};

/// What may be smuggled into text: an erase-screen sequence, a window-title (OSC)
/// sequence, a carriage return (to fake a row), NUL, and a right-to-left override.
const HOSTILE: [(&str, &str); 5] = [
    ("\u{1b}[2J", "U+001B (escape)"),
    ("\u{1b}]0;owned\u{7}", "U+001B (escape)"),
    ("\r", "U+000D (carriage return)"),
    ("\0", "U+0000 (NUL)"),
    ("\u{202e}", "U+202E (bidi control)"),
];

/// Every text field of the small fixture, as (record as messages name it, field, where
/// its value starts in the file: the text up to its opening quote, and which occurrence).
const FIELDS: [(&str, &str, &str, usize); 29] = [
    ("report 'Test report'", "title", "title: \"", 0),
    ("report 'Test report'", "chair", "chair: \"", 0),
    ("report 'Test report'", "start", "start: \"", 0),
    ("report 'Test report'", "end", "end: \"", 0),
    ("report 'Test report'", "source", "source: \"", 0),
    ("event 'retreat'", "id", "id: \"", 0),
    ("event 'retreat'", "start", "start: \"", 1),
    ("event 'retreat'", "end", "end: \"", 1),
    ("event 'retreat'", "precision", "precision: \"", 0),
    ("event 'retreat'", "title", "title: \"", 1),
    ("event 'retreat'", "kind", "kind: \"", 0),
    ("event 'retreat'", "location", "location: \"", 0),
    ("event 'retreat'", "organizers", "organizers: [\"", 0),
    ("event 'retreat'", "section", "section: \"", 0),
    ("event 'retreat'", "quote", "quote: \"", 0),
    ("event 'idm'", "id", "id: \"", 1),
    ("statement 'st1'", "id", "id: \"", 2),
    ("statement 'st1'", "start", "start: \"", 3),
    ("statement 'st1'", "end", "end: \"", 3),
    ("statement 'st1'", "title", "title: \"", 3),
    ("statement 'st1'", "event", "event: \"", 0),
    ("statement 'st1'", "section", "section: \"", 2),
    ("statement 'st1'", "quote", "quote: \"", 2),
    ("member 'WFP'", "acronym", "acronym: \"", 0),
    ("member 'WFP'", "name", "name: \"", 0),
    ("member 'FAO'", "quote", "quote: \"", 4),
    ("handover item 'h1'", "id", "id: \"", 3),
    ("handover item 'h1'", "chairs", "chairs: [\"", 0),
    ("handover item 'h1'", "text", "text: \"", 0),
];

/// The fixture with `bad` put after the first character of the value that starts after
/// the `nth` occurrence of `at`.
fn poisoned(at: &str, nth: usize, bad: &str) -> tempfile::TempPath {
    let text = std::fs::read_to_string(fixture("small.ron")).unwrap();
    poisoned_text(&text, at, nth, bad)
}

/// `text` poisoned as `poisoned` does the fixture.
fn poisoned_text(text: &str, at: &str, nth: usize, bad: &str) -> tempfile::TempPath {
    let (found, _) = text
        .match_indices(at)
        .nth(nth)
        .unwrap_or_else(|| panic!("fixture lacks {at:?} #{nth}"));
    let start = found + at.len();
    let first = text[start..].chars().next().unwrap().len_utf8();
    let poisoned = format!("{}{bad}{}", &text[..start + first], &text[start + first..]);
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), poisoned).unwrap();
    file.into_temp_path()
}

/// The record as a message names it once `bad` is in its key.
fn renamed(record: &str, field: &str, bad: &str) -> String {
    let key = matches!(field, "id" | "acronym") || record.starts_with("report") && field == "title";
    match record.split_once('\'') {
        Some((what, rest)) if key => {
            let id = rest.trim_end_matches('\'');
            let (first, tail) = id.split_at(1);
            let escaped: String = bad
                .chars()
                .map(|c| match c {
                    c if c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c) => {
                        format!("\\u{{{:x}}}", c as u32)
                    }
                    c => c.to_string(),
                })
                .collect();
            format!("{what}'{first}{escaped}{tail}'")
        }
        _ => record.to_string(),
    }
}

/// Where `record` (as messages name it, in the small fixture or `filled`) starts in `text`,
/// as a message places it: `LINE:COL`.
fn place(text: &str, record: &str) -> String {
    let (opening, nth) = match record {
        "event 'idm'" => ("Event(", 1),
        "member 'FAO'" => ("Member(", 1),
        r if r.starts_with("report") => ("Report(", 0),
        r if r.starts_with("event") => ("Event(", 0),
        r if r.starts_with("statement") => ("Statement(", 0),
        r if r.starts_with("member") => ("Member(", 0),
        r if r.starts_with("handover") => ("Handover(", 0),
        other => panic!("no place for {other}"),
    };
    let (at, _) = text.match_indices(opening).nth(nth).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    format!("{line}:{col}")
}

#[test]
fn every_text_field_refuses_control_and_bidi_characters() {
    for (record, field, at, nth) in FIELDS {
        for (bad, described) in HOSTILE {
            let path = poisoned(at, nth, bad);
            let name = path.display().to_string();
            let stderr = fails(&["validate", &name], 1);
            let text = std::fs::read_to_string(&path).unwrap();
            let expected = if bad == "\0" {
                // A NUL byte in the first 64 KiB marks a file as binary: refused before it
                // is parsed at all, at the place of the byte.
                let at = text.find('\0').unwrap();
                let line = text[..at].matches('\n').count() + 1;
                let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
                format!("  {name}:{line}:{col}: a NUL byte: this is binary data, not a RON dataset")
            } else {
                format!(
                    "  {name}:{}: {}: {field}: {described} at character 2; text may hold newlines and tabs but no other control characters",
                    place(&text, record),
                    renamed(record, field, bad)
                )
            };
            assert!(
                stderr.lines().any(|l| l == expected),
                "{record} {field} {bad:?}: expected\n{expected}\nin\n{stderr}"
            );
            // Nothing of it reaches the terminal: not in the message, and no output.
            assert!(!stderr.contains(bad), "{field} {bad:?} echoed raw");
            fails(&["--data", &name, "events", "-f", "csv"], 1);
        }
    }
}

/// The small fixture with every optional text field filled: a location, a note and other
/// passages on the statement, a note and other passages on a member and the handover
/// item, and other passages on an event.
fn filled() -> String {
    let also = |section: &str, quote: &str| {
        format!("also: [Source(section: \"{section}\", quote: \"{quote}\")]")
    };
    std::fs::read_to_string(fixture("small.ron"))
        .unwrap()
        .replacen(
            "organizers: [\"GMG\"],",
            &format!(
                "organizers: [\"GMG\"], {},",
                also("II.3", "two-day GMG Strategic Retreat")
            ),
            1,
        )
        .replacen(
            "event: \"idm\",",
            &format!(
                "event: \"idm\", location: \"Geneva\", note: \"statement note\", {},",
                also("II.4", "International Dialogue on Migration")
            ),
            1,
        )
        .replacen(
            "added: 2016,",
            &format!(
                "added: 2016, note: \"member note\", {},",
                also("Annex D", "World Food Programme")
            ),
            1,
        )
        .replacen(
            "section: \"IV\",",
            "section: \"IV\", note: \"handover note\",",
            1,
        )
}

#[test]
fn optional_fields_of_every_collection_are_checked_too() {
    let text = filled();
    let clean = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(clean.path(), &text).unwrap();
    let out = gmg()
        .args(["validate", &clean.path().display().to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    // (record, field as the message names it, the text up to the value: found once)
    let fields = [
        (
            "event 'retreat'",
            "also 1 section",
            "\"GMG\"], also: [Source(section: \"",
        ),
        ("event 'retreat'", "also 1 quote", "\"II.3\", quote: \""),
        ("statement 'st1'", "location", "\"idm\", location: \""),
        ("statement 'st1'", "note", "\"Geneva\", note: \""),
        (
            "statement 'st1'",
            "also 1 section",
            "\"statement note\", also: [Source(section: \"",
        ),
        ("member 'WFP'", "section", ")], section: \""),
        ("member 'WFP'", "note", "added: 2016, note: \""),
        (
            "member 'WFP'",
            "also 1 quote",
            "\"member note\", also: [Source(section: \"Annex D\", quote: \"",
        ),
        ("handover item 'h1'", "section", "MAWP\", section: \""),
        ("handover item 'h1'", "note", "\"IV\", note: \""),
        (
            "handover item 'h1'",
            "quote",
            "\"handover note\", quote: \"",
        ),
    ];
    for (record, field, at) in fields {
        assert_eq!(text.matches(at).count(), 1, "{at}");
        let path = poisoned_text(&text, at, 0, "\u{1b}[2J");
        let name = path.display().to_string();
        let stderr = fails(&["validate", &name], 1);
        let expected = format!(
            "  {name}:{}: {record}: {field}: U+001B (escape) at character 2; text may hold newlines and tabs but no other control characters",
            place(&text, record)
        );
        assert!(
            stderr.lines().any(|l| l == expected),
            "{record} {field}: expected\n{expected}\nin\n{stderr}"
        );
        assert!(!stderr.contains('\u{1b}'), "{field} echoed raw");
    }
}

#[test]
fn a_nul_byte_past_the_first_64_kib_is_refused_by_the_field_check() {
    let text = std::fs::read_to_string(fixture("small.ron"))
        .unwrap()
        .replacen(
            "organizers: [\"GMG\"],",
            &format!(
                "organizers: [\"GMG\"], note: \"{}\u{0}\",",
                "n".repeat(70_000)
            ),
            1,
        );
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let name = file.path().display().to_string();
    let stderr = fails(&["validate", &name], 1);
    assert!(
        stderr.contains(":13:9: event 'retreat': note: U+0000 (NUL) at character 70001;"),
        "{stderr}"
    );
}

#[test]
fn newlines_and_tabs_are_allowed() {
    let path = poisoned("title: \"", 1, "\n\t");
    let out = gmg()
        .args(["validate", &path.display().to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
}

#[test]
fn notes_and_other_passages_are_checked_too() {
    let text = std::fs::read_to_string(fixture("small.ron")).unwrap().replacen(
        "organizers: [\"GMG\"],",
        "organizers: [\"GMG\"], note: \"a\u{1b}[31mred\", also: [Source(section: \"II.3\", quote: \"x\u{9b}2J during the two-day GMG Strategic Retreat\")],",
        1,
    );
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let name = file.path().display().to_string();
    let stderr = fails(&["validate", &name], 1);
    assert!(
        stderr.contains(&format!(
            "  {name}:13:9: event 'retreat': note: U+001B (escape) at character 2;"
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&format!("  {name}:13:9: event 'retreat': also 1 quote: U+009B (control sequence introducer) at character 2;")), "{stderr}");
}

#[test]
fn arguments_are_echoed_escaped_and_cut() {
    let stderr = fails(&["events", "--month", "\u{1b}]0;owned\u{7}"], 2);
    assert_eq!(
        stderr.lines().next().unwrap(),
        "error: invalid value '\\u{1b}]0;owned\\u{7}' for '--month <M>': expected 1-12 or a month name such as 'mar' (a month of the report's year), or YYYY-MM"
    );
    let stderr = fails(&["show", "x\u{1b}[2J\ry"], 1);
    assert!(
        stderr.starts_with("error: no record has the id 'x\\u{1b}[2J\\u{d}y'; the nearest are: "),
        "{stderr}"
    );
    let long = "z".repeat(100_000);
    let stderr = fails(&["events", "--fields", &long], 2);
    assert_eq!(
        stderr,
        format!(
            "error: invalid value '{}…' for '--fields <FIELDS>': no event field is called that; the event fields are id, start, end, precision, title, kind, location, organizers, group, section, quote, also, note\n\nFor more information, try '--help'.\n",
            "z".repeat(80)
        )
    );
    let stderr = fails(
        &["events", "--data", &format!("/nonexistent/\u{1b}[2J{long}")],
        1,
    );
    assert!(
        stderr.starts_with("error: cannot read dataset /nonexistent/\\u{1b}[2Jzzz"),
        "{stderr}"
    );
    assert!(stderr.len() < 600, "{} bytes", stderr.len());
    assert!(!stderr.contains('\u{1b}'));
}

#[test]
fn a_huge_quote_is_cut_in_the_message_that_names_it() {
    let quote = format!("{} \u{1b}[2J", "q".repeat(10_000_000));
    let text = std::fs::read_to_string(fixture("small.ron"))
        .unwrap()
        .replacen(
            "during the two-day GMG Strategic Retreat in February 2016",
            &quote,
            1,
        );
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let name = file.path().display().to_string();
    let stderr = fails(&["validate", &name], 1);
    assert!(stderr.len() < 2_000, "{} bytes", stderr.len());
    assert!(
        stderr.contains(":13:9: event 'retreat': quote: U+001B (escape) at character 10000002;"),
        "{stderr}"
    );
    // Quotes are checked against the report only once the file is otherwise clean; a clean
    // huge quote that is not in the report is named, cut.
    let clean = std::fs::read_to_string(fixture("small.ron"))
        .unwrap()
        .replacen(
            "during the two-day GMG Strategic Retreat in February 2016",
            &"q".repeat(10_000_000),
            1,
        );
    std::fs::write(file.path(), clean).unwrap();
    let stderr = fails(&["validate", &name], 1);
    assert!(stderr.len() < 2_000, "{} bytes", stderr.len());
    assert!(
        stderr.contains(&format!(
            "event 'retreat': quote (II.3) not found in the report: \"{}…\"",
            "q".repeat(80)
        )),
        "{stderr}"
    );
}

#[test]
fn show_cuts_the_nearest_ids_it_offers() {
    let long = "r".repeat(500);
    let text = std::fs::read_to_string(fixture("small.ron"))
        .unwrap()
        .replacen("id: \"retreat\"", &format!("id: {long:?}"), 1);
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let name = file.path().display().to_string();
    let stderr = fails(&["--data", &name, "show", "rrrr"], 1);
    assert_eq!(
        stderr,
        format!(
            "error: no record has the id 'rrrr'; the nearest are: {}…, idm, st1, WFP, FAO\nTo find the records that mention it: gmg search rrrr\n",
            "r".repeat(80)
        )
    );
}

#[test]
fn ids_read_as_what_they_are() {
    // An id that would read as two in a list, one that looks like another, one that
    // begins with a space no one sees.
    let text = std::fs::read_to_string(fixture("small.ron"))
        .unwrap()
        .replacen("id: \"retreat\"", "id: \"re; treat\"", 1)
        .replacen("id: \"idm\"", "id: \"idm\u{200b}\"", 1)
        .replacen("event: \"idm\"", "event: \"idm\u{200b}\"", 1)
        .replacen("id: \"st1\"", "id: \" st1\"", 1);
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let name = file.path().display().to_string();
    assert_eq!(
        fails(&["--data", &name, "events"], 1),
        format!(
            "error: 3 problems in {name}\n  \
             {name}:13:9: event 're; treat': id holds \"; \", which separates the items of a list in csv and the workbook\n  \
             {name}:25:9: event 'idm\u{200b}': id: U+200B (invisible) at character 4; an id may not hold invisible characters\n  \
             {name}:37:9: statement ' st1': id begins or ends with a space\n"
        )
    );
}
