//! The checker: each rule rejects what it should, with the message it should, and every
//! problem is listed at once.

mod common;

use common::{fails, fixture, fixture_arg, gmg, stdout};

/// The small fixture with `from` replaced by `to` (once), written to a temporary file.
fn mutated(from: &str, to: &str) -> tempfile::TempPath {
    let text = std::fs::read_to_string(fixture("small.ron")).unwrap();
    assert!(text.contains(from), "fixture lacks {from:?}");
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), text.replacen(from, to, 1)).unwrap();
    file.into_temp_path()
}

/// `gmg validate FILE` fails with exit 1; returns the problem lines (file name stripped).
fn problems(path: &std::path::Path) -> Vec<String> {
    let name = path.display().to_string();
    let stderr = fails(&["validate", &name], 1);
    let mut lines = stderr.lines();
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("error: ") && first.ends_with(&format!(" in {name}")),
        "{first}"
    );
    lines
        .map(|l| l.trim_start().strip_prefix(&name).unwrap().to_string())
        .collect()
}

#[test]
fn a_clean_file_passes() {
    assert_eq!(
        stdout(&["validate", &fixture_arg("small.ron")]),
        format!(
            "ok: {}: 2 events, 1 statement, 2 members, 1 handover item, 0 groups, 0 deliverables; every quote found in the report\n",
            fixture_arg("small.ron")
        )
    );
}

#[test]
fn impossible_dates_are_rejected() {
    let path = mutated(
        "start: \"2016-02-29\",\n            end: \"2016-03-01\",\n            precision: \"day\"",
        "start: \"2016-02-30\",\n            end: \"2016-03-01\",\n            precision: \"day\"",
    );
    assert_eq!(
        problems(&path),
        [":25:9: event 'idm': start: '2016-02-30' is not a real calendar date"]
    );
}

#[test]
fn malformed_dates_are_rejected() {
    let path = mutated(
        "id: \"st1\",\n            start: \"2016-02-29\"",
        "id: \"st1\",\n            start: \"29 February 2016\"",
    );
    assert_eq!(
        problems(&path),
        [":37:9: statement 'st1': start: '29 February 2016' is not a date of the form YYYY-MM-DD"]
    );
}

#[test]
fn end_before_start_is_rejected() {
    let path = mutated(
        "end: \"2016-02-29\",\n            precision: \"month\"",
        "end: \"2016-01-31\",\n            precision: \"month\"",
    );
    assert_eq!(
        problems(&path),
        [":13:9: event 'retreat': end 2016-01-31 is before start 2016-02-01"]
    );
}

#[test]
fn precision_must_fit_the_span() {
    let path = mutated(
        "end: \"2016-02-29\",\n            precision: \"month\"",
        "end: \"2016-02-28\",\n            precision: \"month\"",
    );
    assert_eq!(
        problems(&path),
        [":13:9: event 'retreat': precision 'month' needs a span of whole months (from the 1st to the last day of a month), not 2016-02-01 to 2016-02-28"]
    );
    let path = mutated("precision: \"month\"", "precision: \"year\"");
    assert_eq!(
        problems(&path),
        [":13:9: event 'retreat': precision 'year' needs a span of whole years (from 1 January to 31 December), not 2016-02-01 to 2016-02-29"]
    );
    let path = mutated("precision: \"month\"", "precision: \"week\"");
    assert_eq!(
        problems(&path),
        [":13:9: event 'retreat': precision 'week' is not one of: day, month, year"]
    );
}

#[test]
fn dates_come_together_or_not_at_all() {
    let path = mutated("            precision: \"month\",\n", "");
    assert_eq!(
        problems(&path),
        [":13:9: event 'retreat': start, end and precision must be given together or not at all"]
    );
}

#[test]
fn ids_are_unique_per_collection() {
    let path = mutated("id: \"retreat\"", "id: \"idm\"");
    assert_eq!(
        problems(&path),
        [":25:9: event 'idm': id is used more than once"]
    );
    let path = mutated("acronym: \"FAO\"", "acronym: \"wfp\"");
    assert_eq!(
        problems(&path),
        [":49:9: member 'wfp': id is used more than once"]
    );
}

#[test]
fn a_statement_must_point_at_an_existing_event() {
    let path = mutated("event: \"idm\"", "event: \"nowhere\"");
    assert_eq!(
        problems(&path),
        [":37:9: statement 'st1': event 'nowhere' does not exist"]
    );
}

#[test]
fn a_statement_must_overlap_its_event() {
    let path = mutated("event: \"idm\"", "event: \"retreat\"");
    // 29 February overlaps the retreat's February: fine. Move the statement into March.
    assert_eq!(
        stdout(&["validate", &path.display().to_string()])
            .lines()
            .count(),
        1
    );
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "start: \"2016-02-29\",\n            end: \"2016-03-01\",\n            title",
        "start: \"2016-03-01\",\n            end: \"2016-03-01\",\n            title",
    );
    std::fs::write(&path, text).unwrap();
    assert_eq!(
        problems(&path),
        [":37:9: statement 'st1': 2016-03-01 to 2016-03-01 does not overlap its event 'retreat' (2016-02-01 to 2016-02-29)"]
    );
}

#[test]
fn kinds_come_from_the_vocabulary() {
    let path = mutated("kind: \"dialogue\"", "kind: \"party\"");
    let found = problems(&path);
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with(":25:9: event 'idm': kind 'party' is not one of: multi-stakeholder-meeting, principals-meeting,"), "{}", found[0]);
}

#[test]
fn quotes_need_twenty_characters() {
    let path = mutated("quote: \"World Food Programme (WFP)\"", "quote: \"WFP\"");
    assert_eq!(
        problems(&path),
        [":48:9: member 'WFP': quote has 3 characters; at least 20 are needed"]
    );
}

#[test]
fn quotes_must_occur_in_the_report_unless_told_not_to_check() {
    let path = mutated(
        "quote: \"World Food Programme (WFP)\"",
        "quote: \"World Food Programme (WFP) is new\"",
    );
    assert_eq!(
        problems(&path),
        [":48:9: member 'WFP': quote (Annex D) not found in the report: \"World Food Programme (WFP) is new\""]
    );
    let name = path.display().to_string();
    assert!(stdout(&["validate", &name, "--no-quotes"]).ends_with("; quotes not checked\n"));
    // Queries do not check quotes: the data loads.
    assert_eq!(
        stdout(&["members", "--data", &name, "-f", "csv", "--fields", "acronym"]),
        "acronym\nFAO\nWFP\n"
    );
}

/// Each record's own problems come first, in file order, then those across records.
#[test]
fn every_problem_is_listed_at_once() {
    let path = mutated("id: \"retreat\"", "id: \"idm\"");
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("event: \"idm\"", "event: \"gone\"")
        .replace("quote: \"World Food Programme (WFP)\"", "quote: \"WFP\"");
    std::fs::write(&path, text).unwrap();
    let name = path.display().to_string();
    assert_eq!(
        fails(&["validate", &name], 1),
        format!(
            "error: 3 problems in {name}\n  \
             {name}:48:9: member 'WFP': quote has 3 characters; at least 20 are needed\n  \
             {name}:25:9: event 'idm': id is used more than once\n  \
             {name}:37:9: statement 'st1': event 'gone' does not exist\n"
        )
    );
}

#[test]
fn syntax_errors_name_line_and_column() {
    let path = mutated("title: \"GMG Strategic Retreat\"", "title: 7");
    assert_eq!(
        problems(&path),
        [":18:20: expected a string in double quotes, found `7` (in event 1)"]
    );
    let path = mutated("kind: \"retreat\"", "kind: \"retreat\", colour: \"red\"");
    assert_eq!(
        problems(&path),
        [
            ":19:30: unknown field `colour` in Event; the fields are: id, start, end, precision, \
          title, kind, location, organizers, group, section, quote, also, note (in event 1)"
        ]
    );
    let path = mutated("            title: \"GMG Strategic Retreat\",\n", "");
    assert_eq!(
        problems(&path),
        [":23:9: Event lacks the field `title` (in event 1)"]
    );
    let path = mutated("id: \"retreat\",", "id: \"retreat\", id: \"again\",");
    assert_eq!(
        problems(&path),
        [":14:28: the field `id` is given twice (in event 1)"]
    );
    let path = mutated("Statement(", "Statment(");
    assert_eq!(
        problems(&path),
        [":37:9: expected `Statement`, found `Statment` (in statement 1)"]
    );
    // An unclosed string runs on to the next quote.
    let path = mutated("end: \"2016-02-29\",", "end: \"2016-02-29,");
    assert_eq!(
        problems(&path),
        [":17:25: expected `,` between values, found `month\"`; is a string before it missing its closing `\"`? (in event 1)"]
    );
    // The record after a good one is named by the good one's id.
    let path = mutated("id: \"idm\",", "id: \"idm\" ");
    assert_eq!(
        problems(&path),
        [":27:13: expected `,` between values, found `start:` (in event 2, the one after 'retreat')"]
    );
}

#[test]
fn queries_on_a_broken_file_fail_with_the_same_message() {
    let path = mutated("event: \"idm\"", "event: \"nowhere\"");
    let name = path.display().to_string();
    let stderr = fails(&["statements", "--data", &name], 1);
    assert_eq!(stderr, format!("error: 1 problem in {name}\n  {name}:37:9: statement 'st1': event 'nowhere' does not exist\n"));
}

#[test]
fn a_missing_file_is_a_runtime_failure() {
    let stderr = fails(&["validate", "no/such/file.ron"], 1);
    assert_eq!(
        stderr,
        "error: cannot read dataset no/such/file.ron: no such file or directory\n"
    );
    let out = gmg()
        .args(["events"])
        .env("GMG_DATA", "no/such/file.ron")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read dataset no/such/file.ron"));
}
