//! Every bad input: exit 2 for usage errors, 1 for run-time failures, nothing on stdout,
//! and a message naming the option, the value and what is accepted.

mod common;

use common::{fails, stdout};

/// The first line clap (or gmg) prints for a usage error.
fn usage(args: &[&str]) -> String {
    fails(args, 2).lines().next().unwrap().to_string()
}

#[test]
fn bad_months() {
    for bad in ["0", "13", "smarch", "2016-13", "2016-00", "ma"] {
        assert_eq!(
            usage(&["statements", "--month", bad]),
            format!("error: invalid value '{bad}' for '--month <M>': expected 1-12 or a month name such as 'mar' (a month of the report's year), or YYYY-MM"),
        );
    }
}

#[test]
fn impossible_and_malformed_dates() {
    assert_eq!(
        usage(&["events", "--since", "2016-02-30"]),
        "error: invalid value '2016-02-30' for '--since <DATE>': '2016-02-30' is not a real calendar date; expected a date YYYY-MM-DD or a month YYYY-MM"
    );
    assert_eq!(
        usage(&["events", "--until", "March"]),
        "error: invalid value 'March' for '--until <DATE>': 'March' is not a date of the form YYYY-MM-DD; expected a date YYYY-MM-DD or a month YYYY-MM"
    );
    assert_eq!(
        usage(&["events", "--until", "2016-13"]),
        "error: invalid value '2016-13' for '--until <DATE>': month 13 does not exist; expected a date YYYY-MM-DD or a month YYYY-MM"
    );
}

#[test]
fn bad_years_and_limits() {
    assert_eq!(
        usage(&["statements", "--year", "16"]),
        "error: invalid value '16' for '--year <YEAR>': expected a four-digit year such as 2016"
    );
    assert_eq!(
        usage(&["statements", "--year", "-2016"]),
        "error: invalid value '-2016' for '--year <YEAR>': expected a four-digit year such as 2016"
    );
    assert_eq!(
        usage(&["members", "--added", "twenty"]),
        "error: invalid value 'twenty' for '--added <YEAR>': expected a four-digit year such as 2016"
    );
    for bad in ["0", "-1", "ten"] {
        assert_eq!(
            usage(&["handover", "--limit", bad]),
            format!("error: invalid value '{bad}' for '--limit <N>': expected a whole number of at least 1")
        );
    }
}

#[test]
fn unknown_fields_list_the_valid_ones() {
    assert_eq!(
        usage(&["statements", "--fields", "id,date"]),
        "error: invalid value 'date' for '--fields <FIELDS>': no statement field is called that; did you mean start? The statement fields are id, start, end, title, event, location, section, quote, also, note"
    );
    assert_eq!(
        usage(&["members", "--sort", "id"]),
        "error: invalid value 'id' for '--sort <FIELD>': no member field is called that; the member fields are acronym, name, aliases, added, section, quote, also, note"
    );
    // The nearest field, where a name is near enough to be a misspelling of it.
    assert_eq!(
        usage(&["events", "--fields", "id,titel"]),
        "error: invalid value 'titel' for '--fields <FIELDS>': no event field is called that; did you mean title? The event fields are id, start, end, precision, title, kind, location, organizers, group, section, quote, also, note"
    );
    assert_eq!(
        usage(&["deliverables", "--sort", "leads"]),
        "error: invalid value 'leads' for '--sort <FIELD>': no deliverable field is called that; did you mean lead? The deliverable fields are id, title, kind, group, lead, status, due, precision, url, section, quote, also, note"
    );
    // --sort date, as the help's default names it: the collection's date.
    assert_eq!(
        usage(&["members", "--sort", "date"]),
        "error: invalid value 'date' for '--sort <FIELD>': members have no date to sort by; the member fields are acronym, name, aliases, added, section, quote, also, note"
    );
    assert_eq!(
        stdout(&["events", "--sort", "date", "-f", "csv"]),
        stdout(&["events", "--sort", "start", "-f", "csv"])
    );
    assert_eq!(
        stdout(&["deliverables", "--sort", "DATE", "--reverse", "-f", "csv"]),
        stdout(&["deliverables", "--sort", "due", "--reverse", "-f", "csv"])
    );
    assert_eq!(
        stdout(&["chairs", "--sort", "date", "-f", "csv"]),
        stdout(&["chairs", "--sort", "year", "-f", "csv"])
    );
    // Field names, like every other value, in any case.
    assert_eq!(
        stdout(&[
            "members",
            "--fields",
            "ACRONYM,Added",
            "--sort",
            "Acronym",
            "-f",
            "CSV",
            "--limit",
            "1"
        ]),
        "acronym,added\nFAO,\n"
    );
}

#[test]
fn a_field_named_twice_or_an_empty_search_is_refused() {
    assert_eq!(
        fails(&["members", "--fields", "acronym,name,acronym"], 2),
        "error: invalid value 'acronym' for '--fields': each field may be named once\n"
    );
    for blank in ["", "   ", "\t"] {
        assert_eq!(
            usage(&["search", blank]),
            format!(
                "error: invalid value '{}' for '<TEXT>...': expected some text to search for",
                blank.replace('\t', "\\t")
            )
        );
        assert_eq!(
            usage(&["events", "--search", blank]),
            format!(
                "error: invalid value '{}' for '--search <TEXT>': expected some text to search for",
                blank.replace('\t', "\\t")
            )
        );
    }
}

#[test]
fn unknown_formats_kinds_and_colours() {
    assert_eq!(
        usage(&["events", "-f", "xml"]),
        "error: invalid value 'xml' for '--format <FORMAT>'"
    );
    assert_eq!(
        usage(&["events", "--kind", "party"]),
        "error: invalid value 'party' for '--kind <KIND>'"
    );
    assert!(fails(&["events", "--kind", "party"], 2)
        .contains("[possible values: multi-stakeholder-meeting, principals-meeting,"));
    assert_eq!(
        usage(&["events", "--color", "sometimes"]),
        "error: invalid value 'sometimes' for '--color <WHEN>'"
    );
}

#[test]
fn an_output_file_with_an_unknown_extension_needs_a_format() {
    assert_eq!(
        fails(&["members", "-o", "members.xls"], 2),
        "error: invalid value 'members.xls' for '--output': cannot tell the format from the extension; use .csv .tsv .json .ndjson .md .txt .xlsx (.svg for gmg timeline), or give --format\n"
    );
    assert!(!std::path::Path::new("members.xls").exists());
}

#[test]
fn options_of_other_commands_are_rejected() {
    assert_eq!(
        usage(&["members", "--month", "3"]),
        "error: unexpected argument '--month' found"
    );
    assert_eq!(
        usage(&["frobnicate"]),
        "error: unrecognized subcommand 'frobnicate'"
    );
}

#[test]
fn usage_errors_come_before_loading_data() {
    // A bad option on a missing data file is still a usage error (2), not a failure (1).
    let stderr = fails(
        &["statements", "--data", "no/such.ron", "--fields", "nope"],
        2,
    );
    assert!(
        stderr.starts_with("error: invalid value 'nope' for '--fields <FIELDS>'"),
        "{stderr}"
    );
}

#[test]
fn a_malformed_data_file_names_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Dataset(\n    report: Report(title: \"x\",\n").unwrap();
    let name = path.display().to_string();
    assert_eq!(
        fails(&["events", "--data", &name], 1),
        format!(
            "error: 1 problem in {name}\n  {name}:2:31: the file ends before the dataset does\n"
        )
    );
}

#[test]
fn help_lists_examples_and_fields() {
    let help = stdout(&["statements", "--help"]);
    assert!(help.contains("gmg statements --month 3"));
    assert!(help.contains(
        "Fields (statement): id, start, end, title, event, location, section, quote, also, note"
    ));
    for command in ["events", "statements", "members", "handover", "validate"] {
        let help = stdout(&[command, "--help"]);
        let examples = help
            .lines()
            .filter(|l| l.trim_start().starts_with(&format!("gmg {command}")))
            .count();
        assert!(examples >= 2, "{command} --help shows {examples} examples");
    }
    assert!(stdout(&["--help"]).contains("gmg members --added 2016"));
}

#[test]
fn sections_are_checked_and_names_need_text() {
    let sections = "expected a section of the report (I, II.1, II.2, II.3, II.4, II.5, II.6, III, IV, Annex A, Annex B.1, Annex B.2, Annex B.3, Annex B.4, Annex B.5, Annex C, Annex D, Endnote i, Endnote ii) or a part of one (II, Annex B)";
    for bad in ["II.9", "", "Annex E", "2"] {
        assert_eq!(
            usage(&["events", "--section", bad]),
            format!("error: invalid value '{bad}' for '--section <S>': {sections}")
        );
    }
    for (args, label) in [
        (&["events", "--location", ""][..], "'--location <TEXT>'"),
        (&["events", "--organizer", " "], "'--organizer <ORG>'"),
        (&["handover", "--chair", ""], "'--chair <NAME>'"),
        (&["show", ""], "'<ID>'"),
    ] {
        let value = args.last().unwrap();
        assert_eq!(
            usage(args),
            format!("error: invalid value '{value}' for {label}: expected some text")
        );
    }
}

#[test]
fn the_timeline_chart_refuses_options_that_shape_rows() {
    for (option, value) in [("--limit", "3"), ("--sort", "month"), ("--fields", "month")] {
        assert_eq!(
            fails(&["timeline", option, value], 2),
            format!("error: '{option}' shapes rows, and the chart has none; ask for the months as rows with -f csv (or tsv, json, ndjson, markdown)\n")
        );
    }
    assert_eq!(
        fails(&["timeline", "--reverse"], 2),
        "error: '--reverse' shapes rows, and the chart has none; ask for the months as rows with -f csv (or tsv, json, ndjson, markdown)\n"
    );
    // As rows, they apply.
    assert_eq!(
        stdout(&["timeline", "-f", "csv", "--limit", "2", "--fields", "month"]),
        "month\n2016-01\n2016-02\n"
    );
}

/// The problems `gmg events --data FILE` gives for a file holding `text`, without the
/// file's name: `(first line, the problem lines)`.
fn problems_of(text: &str) -> (String, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    std::fs::write(&path, text).unwrap();
    let name = path.display().to_string();
    let stderr = fails(&["events", "--data", &name], 1);
    let mut lines = stderr.lines().map(|l| l.replace(&name, "F"));
    let first = lines.next().unwrap();
    (first, lines.collect())
}

#[test]
fn a_syntax_error_points_at_the_token_not_the_blank_before_it() {
    let report = r#"report: Report(title: "x", chair: "c", year: 2016, start: "2016-01-01", end: "2016-12-31", source: "s")"#;
    for (text, problem) in [
        (
            "(\n\n  @@@".to_string(),
            "F:3:3: expected a field name, found `@@@`",
        ),
        (
            "(report: Report(title: \"x\",\n  chair:   5".to_string(),
            "F:2:12: expected a string in double quotes, found `5`",
        ),
        (
            format!("({report}, events:   /* a /* nested */ comment */ // and a line\n  5)"),
            "F:2:3: expected a list, opened with `[`, found `5`",
        ),
        (
            format!("({report})  \n\n  more"),
            "F:3:3: unexpected text after the dataset",
        ),
        // With no token after it, the place stays where the text ends.
        (
            "(report: Report(title: \"x\",  \n\n".to_string(),
            "F:1:28: the file ends before the dataset does",
        ),
    ] {
        let (_, problems) = problems_of(&text);
        assert_eq!(problems, [format!("  {problem}")], "{text:?}");
    }
}

/// A dataset with a problem in its report and in records of several lists, some on one
/// line, some after comments.
const PLACES: &str = r#"#![enable(implicit_some)]
Dataset(
    report: Report(title: "T", chair: "C", year: 1900, start: "2016-01-01", end: "2016-12-31", source: "s"),
    events: [
        // The first event: ( [ a comment
        Event(id: "a", title: "A", kind: "party", section: "II.3", quote: "during the two-day GMG Strategic Retreat"),
        /* a "second" */ (id: "A", title: "A again", kind: "meeting", section: "II.3", quote: "during the two-day GMG Strategic Retreat"),
    ],
    statements: [(id: "s", start: "2016-03-01", end: "2016-03-01", title: "S, (", event: "gone", section: "II.4", quote: "29 February-1 March 2016: Statement"), (id: "t", start: "2016-03-01", end: "2016-02-01", title: "T", event: "a", section: "II.4", quote: "29 February-1 March 2016: Statement")],
)"#;

#[test]
fn a_record_level_problem_names_the_line_and_column_where_its_record_starts() {
    let (first, problems) = problems_of(PLACES);
    assert_eq!(first, "error: 5 problems in F");
    assert_eq!(
        problems,
        [
            "  F:3:13: report 'T': year 1900 is not a plausible year for a report (expected 1945 to 2100)",
            "  F:6:9: event 'a': kind 'party' is not one of: multi-stakeholder-meeting, principals-meeting, working-level-meeting, troika-meeting, retreat, summit, gfmd-summit, gfmd-workshop, gfmd-meeting, session, side-event, panel, dialogue, conference, meeting, forum, academy, board-meeting, launch, presentation, decision, establishment",
            "  F:9:162: statement 't': end 2016-02-01 is before start 2016-03-01",
            // The id repeated (in another case) is the one named, where it is repeated.
            "  F:7:26: event 'A': id is used more than once",
            "  F:9:18: statement 's': event 'gone' does not exist",
        ]
    );
}

#[test]
fn after_a_hundred_problems_the_rest_are_counted() {
    let event = |i: usize| {
        format!(
            "(id: \"e{i}\", title: \"t\", kind: \"party\", section: \"II.3\", quote: \"during the two-day GMG Strategic Retreat\"),\n"
        )
    };
    let report = r#"report: Report(title: "T", chair: "C", year: 2016, start: "2016-01-01", end: "2016-12-31", source: "s")"#;
    let text = format!(
        "({report},\nevents: [\n{}])",
        (0..150).map(event).collect::<String>()
    );
    let (first, problems) = problems_of(&text);
    assert_eq!(first, "error: 150 problems in F");
    assert_eq!(problems.len(), 101);
    assert!(problems[0].starts_with("  F:3:1: event 'e0': kind 'party' is not one of:"));
    assert!(problems[99].starts_with("  F:102:1: event 'e99': kind 'party'"));
    assert_eq!(problems[100], "  … and 50 more problems");
    // Exactly a hundred are all listed; one more is counted in the singular.
    let text = format!(
        "({report},\nevents: [\n{}])",
        (0..101).map(event).collect::<String>()
    );
    let (_, problems) = problems_of(&text);
    assert_eq!(problems.last().unwrap(), "  … and 1 more problem");
}

#[test]
fn dates_before_the_year_1000_and_spans_their_precision_contradicts_are_refused() {
    let small = std::fs::read_to_string(common::fixture("small.ron")).unwrap();
    let retreat = "start: \"2016-02-01\",\n            end: \"2016-02-29\",\n            precision: \"month\"";
    let with = |retreat_dates: &str| small.replacen(retreat, retreat_dates, 1);
    let cases = [
        (
            with("start: \"0000-02-01\",\n            end: \"2016-02-29\",\n            precision: \"month\""),
            "F:13:9: event 'retreat': start: '0000-02-01' is before the year 1000; dates are of the years 1000 to 9999",
        ),
        (
            with("start: \"0999-12-01\",\n            end: \"2016-02-29\",\n            precision: \"month\""),
            "F:13:9: event 'retreat': start: '0999-12-01' is before the year 1000; dates are of the years 1000 to 9999",
        ),
        (
            with("start: \"2016-03-02\",\n            end: \"2016-03-31\",\n            precision: \"month\""),
            "F:13:9: event 'retreat': precision 'month' needs a span of whole months (from the 1st to the last day of a month), not 2016-03-02 to 2016-03-31",
        ),
        (
            with("start: \"2016-01-01\",\n            end: \"2016-06-30\",\n            precision: \"year\""),
            "F:13:9: event 'retreat': precision 'year' needs a span of whole years (from 1 January to 31 December), not 2016-01-01 to 2016-06-30",
        ),
        (
            small.replacen("start: \"2016-01-01\"", "start: \"0000-01-01\"", 1),
            "F:4:13: report 'Test report': start: '0000-01-01' is before the year 1000; dates are of the years 1000 to 9999",
        ),
    ];
    for (text, problem) in cases {
        let (first, problems) = problems_of(&text);
        assert_eq!(problems, [format!("  {problem}")]);
        assert_eq!(first, "error: 1 problem in F");
    }
    // A deliverable's due date: from the year 1000, and the first day of its month or year.
    let deliverable = |due: &str, precision: &str| {
        small.replacen(
            "    handover: [",
            &format!("    deliverables: [Deliverable(id: \"d\", title: \"D\", kind: \"guidance\", due: \"{due}\", precision: \"{precision}\", section: \"Annex C\", quote: \"will be released shortly\")],\n    handover: ["),
            1,
        )
    };
    for (text, problem) in [
        (
            deliverable("0000-01-01", "year"),
            "F:51:20: deliverable 'd': due: '0000-01-01' is before the year 1000; dates are of the years 1000 to 9999",
        ),
        (
            deliverable("2016-03-02", "month"),
            "F:51:20: deliverable 'd': due 2016-03-02 has precision 'month', so it must be the first day of its month",
        ),
        (
            deliverable("2016-03-01", "year"),
            "F:51:20: deliverable 'd': due 2016-03-01 has precision 'year', so it must be 1 January of its year",
        ),
    ] {
        let (_, problems) = problems_of(&text);
        assert_eq!(problems, [format!("  {problem}")]);
    }
}

#[test]
fn a_dataset_over_2_gib_is_refused_before_it_is_read_from_a_file_or_standard_input() {
    // A sparse file: 3 GiB that take no room on disk.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.ron");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(3 << 30).unwrap();
    let name = path.display().to_string();
    let started = std::time::Instant::now();
    assert_eq!(
        fails(&["events", "--data", &name], 1),
        format!("error: cannot read dataset {name}: it is 3221225472 bytes, and gmg reads datasets of at most 2147483648 bytes (2 GiB)\n")
    );
    let out = common::process()
        .args(["events", "--data", "-"])
        .stdin(std::fs::File::open(&path).unwrap())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "error: cannot read dataset standard input: it is 3221225472 bytes, and gmg reads datasets of at most 2147483648 bytes (2 GiB)\n"
    );
    assert!(started.elapsed().as_secs() < 5, "read, not refused at once");
}
