//! Exploring: the overview, search, show with provenance and links, the timeline, and
//! shell integration.

mod common;

use common::{column, fails, fixture_arg, gmg, json, stdout};

#[test]
fn the_overview_counts_the_dataset_and_suggests_commands() {
    let out = stdout(&[]);
    insta::assert_snapshot!(out);
    let small = stdout(&["--data", &fixture_arg("small.ron")]);
    assert!(
        small.contains("     2 events           dated 2016, 0 undated\n"),
        "{small}"
    );
    assert!(
        small.contains("     1 statements       2016-02-29 to 2016-03-01\n"),
        "{small}"
    );
    // --help still prints help.
    assert!(stdout(&["--help"]).starts_with("Query the facts of UN Women's 2016 Chair's report"));
}

#[test]
fn search_finds_records_in_every_collection() {
    assert_eq!(
        column(&["search", "xenophobia"], "id"),
        ["msm-2016-10-31", "h04", "entry-point-iii"]
    );
    assert_eq!(
        column(&["search", "xenophobia"], "kind"),
        ["event", "handover", "proposal"]
    );
    assert_eq!(
        column(&["search", "Environmental Programme"], "id"),
        ["UNEP", "UNIDO", "WFP"]
    );
    let statements = column(&["search", "gfmd", "--kind", "statement"], "id");
    assert_eq!(statements, ["s06", "s09", "s10", "s14", "s16"]);
}

#[test]
fn search_takes_date_filters_and_leaves_out_undated_records() {
    assert_eq!(
        column(&["search", "new york declaration", "--year", "2016"], "id"),
        ["un-summit-2016-09-19", "msm-2016-10-18", "msm-2016-10-31"]
    );
    let all = column(&["search", "new york declaration"], "id");
    assert!(all.contains(&"h15".to_string()) && all.contains(&"h17".to_string()));
    assert_eq!(
        column(
            &[
                "search",
                "statement",
                "--month",
                "2016-12",
                "--kind",
                "statement"
            ],
            "id"
        ),
        ["s15", "s16"]
    );
}

#[test]
fn search_snippets_show_the_match_in_context() {
    let rows = json(&["search", "xenophobia"]);
    assert_eq!(rows[1]["field"], "text");
    assert_eq!(
        rows[1]["snippet"],
        "…Together global campaign to combat the xenophobia and racism that have tainted…"
    );
    assert_eq!(rows[0]["title"], "The New York Declaration for Refugees and Migrants: Implementation of commitments to counter xenophobia");
    let coloured = gmg()
        .args(["search", "xenophobia", "--color", "always"])
        .output()
        .unwrap();
    assert!(String::from_utf8(coloured.stdout)
        .unwrap()
        .contains("\u{1b}[1;33mxenophobia\u{1b}[0m"));
    let csv = stdout(&["search", "xenophobia", "-f", "csv", "--color", "always"]);
    assert!(!csv.contains('\u{1b}'), "only the table is highlighted");
}

#[test]
fn search_with_no_match_says_so_on_stderr() {
    let out = gmg().args(["search", "zebra"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "no records match\n");
}

#[test]
fn show_prints_every_field_and_links_a_statement_to_its_event() {
    let card = json(&["show", "s12"]);
    assert_eq!(card["kind"], "statement");
    assert_eq!(card["record"]["start"], "2016-09-19");
    assert_eq!(card["record"]["section"], "II.4");
    assert_eq!(card["links"][0]["id"], "un-summit-2016-09-19");
    assert_eq!(card["links"][0]["relation"], "delivered at");
    assert!(card.get("context").is_none());
}

#[test]
fn show_as_text_or_table_is_the_same_card() {
    let text = stdout(&["show", "s12"]);
    assert_eq!(stdout(&["show", "s12", "-f", "table"]), text);
    assert_eq!(stdout(&["show", "s12", "-f", "text"]), text);
    assert!(text.starts_with("statement s12\n id "), "{text}");
    assert!(
        text.contains(" delivered at:\n event  un-summit-2016-09-19  2016-09-19  "),
        "{text}"
    );
}

#[test]
fn show_links_an_event_to_its_statements() {
    let card = json(&["show", "gfmd-summit-2016"]);
    let ids: Vec<&str> = card["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    // The statement delivered there, then the accomplishment that counts the Summit.
    assert_eq!(ids, ["s16", "ii-3"]);
}

#[test]
fn show_finds_members_by_acronym_in_any_case_with_their_records() {
    let card = json(&["show", "ohchr"]);
    assert_eq!(card["id"], "OHCHR");
    let links: Vec<(String, String)> = card["links"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["relation"].as_str().unwrap().to_string(),
                l["id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let organised: Vec<&str> = links
        .iter()
        .filter(|l| l.0 == "organised by this member")
        .map(|l| l.1.as_str())
        .collect();
    // In date order, the undated last (by id).
    assert_eq!(
        organised,
        [
            "gfmd-side-event-istanbul",
            "msm-geneva-2016-06",
            "msm-2016-06-30",
            "msm-2016-07-20",
            "side-event-2016-09-20",
            "gfmd-2016-ohchr-event",
            "gcm-discussions",
        ]
    );
    let iom = json(&["show", "IOM"]);
    let handed: Vec<&str> = iom["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["kind"] == "handover")
        .map(|l| l["id"].as_str().unwrap())
        .collect();
    assert_eq!(handed, ["h04", "h05"]);
    // Statements that name a member: s02 is the "IOM International Dialogue".
    assert!(iom["links"]
        .as_array()
        .unwrap()
        .iter()
        .any(|l| l["id"] == "s02" && l["relation"] == "names this member"));
    // "WHO" is an acronym, not the word "who".
    assert_eq!(json(&["show", "who"])["links"], serde_json::json!([]));
}

#[test]
fn show_context_gives_the_passage_of_the_report() {
    let card = json(&["show", "msm-2016-06-30", "--context"]);
    let context = card["context"].as_array().unwrap();
    assert_eq!(context.len(), 2);
    assert_eq!(context[0]["section"], "II.1");
    assert_eq!(
        context[0]["passage"],
        "2. Protecting the human rights of all people in vulnerable situations within large movements (30 June 2016);"
    );
    assert_eq!(context[1]["section"], "Annex B.3");
    assert!(context[1]["passage"]
        .as_str()
        .unwrap()
        .contains("led by UNODC and OHCHR"));
    // A quote that runs across two lines of the report is found too.
    let bank = json(&["show", "world bank", "--context"]);
    assert_eq!(
        bank["context"][0]["passage"],
        "World Health Organisation (WHO) World Bank"
    );
}

#[test]
fn an_unknown_id_suggests_the_nearest() {
    assert_eq!(
        fails(&["show", "msm-2016-04-26"], 1),
        "error: no record has the id 'msm-2016-04-26'; the nearest are: msm-2016-04-25, msm-2016-07-20, msm-2016-06-30, msm-2016-07-13, msm-2016-09-13\nTo find the records that mention it: gmg search msm-2016-04-26\n"
    );
    assert_eq!(
        fails(&["show", "s1"], 1),
        "error: no record has the id 's1'; the nearest are: s10, s11, s12, s13, s14\nTo find the records that mention it: gmg search s1\n"
    );
}

#[test]
fn the_timeline_counts_events_and_statements_per_month() {
    assert_eq!(
        stdout(&["timeline", "-f", "csv"]),
        "month,events,statements\n2016-01,0,0\n2016-02,4,2\n2016-03,6,5\n2016-04,3,1\n2016-05,2,2\n2016-06,3,0\n2016-07,5,1\n2016-08,1,1\n2016-09,5,1\n2016-10,4,2\n2016-11,3,0\n2016-12,4,2\n"
    );
    let gfmd = json(&[
        "timeline",
        "--kind",
        "gfmd-workshop,gfmd-meeting,gfmd-summit",
    ]);
    let counts: Vec<(i64, i64)> = gfmd
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["events"].as_i64().unwrap(),
                m["statements"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        counts,
        [
            (0, 0),
            (0, 0),
            (1, 1),
            (0, 0),
            (1, 1),
            (0, 0),
            (2, 1),
            (0, 0),
            (0, 0),
            (1, 1),
            (0, 0),
            (1, 1)
        ]
    );
    assert_eq!(
        column(&["timeline", "--year", "2017"], "events"),
        ["0", "1", "1", "0", "0", "0", "0", "1", "0", "0", "0", "0"]
    );
    assert_eq!(
        stdout(&[
            "timeline",
            "--search",
            "colombo",
            "-f",
            "tsv",
            "--no-header"
        ])
        .lines()
        .nth(7),
        Some("2016-08\t1\t1")
    );
}

#[test]
fn shell_completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = stdout(&["completions", shell]);
        assert!(script.contains("statements"), "{shell}");
    }
    assert!(stdout(&["man"]).contains(".TH gmg 1"));
    assert_eq!(
        fails(&["completions", "tcsh"], 2).lines().next().unwrap(),
        "error: invalid value 'tcsh' for '<SHELL>'"
    );
}
