//! The query interface: every filter and its edge cases, shaping, and the --data override.

mod common;

use common::{column, fails, fixture_arg, gmg, stdout};

#[test]
fn month_takes_numbers_names_and_year_months() {
    let march = ["s02", "s03", "s04", "s05", "s06"];
    for m in ["3", "03", "march", "Mar", "MARCH", "2016-03"] {
        assert_eq!(
            column(&["statements", "--month", m], "id"),
            march,
            "--month {m}"
        );
    }
    assert!(column(&["statements", "--month", "2015-03"], "id").is_empty());
}

#[test]
fn a_statement_spanning_two_months_is_in_both() {
    // 29 February - 1 March 2016.
    assert_eq!(
        column(&["statements", "--month", "feb"], "id"),
        ["s01", "s02"]
    );
    assert!(column(&["statements", "--month", "3"], "id").contains(&"s02".to_string()));
    assert_eq!(
        column(&["statements", "--until", "2016-02-29"], "id"),
        ["s01", "s02"]
    );
    assert_eq!(
        column(
            &[
                "statements",
                "--since",
                "2016-03-01",
                "--until",
                "2016-03-07"
            ],
            "id"
        ),
        ["s02"]
    );
}

#[test]
fn month_precision_events_fall_in_their_month() {
    let june = column(&["events", "--month", "june", "--year", "2016"], "id");
    // Known to the month June 2016, or to a day in it; not the records known only to 2016.
    assert_eq!(
        june,
        [
            "micic-guidelines-launch",
            "msm-geneva-2016-06",
            "msm-2016-06-30"
        ]
    );
    // The February 2016 retreat is in February, and only there.
    assert!(
        column(&["events", "--month", "2016-02"], "id").contains(&"retreat-2016-02".to_string())
    );
    assert!(
        !column(&["events", "--month", "2016-03"], "id").contains(&"retreat-2016-02".to_string())
    );
    // A year-precision event is in no month of its year, unless asked for approximately.
    assert!(!column(&["events", "--month", "2016-08"], "id")
        .contains(&"board-meeting-2016".to_string()));
    assert!(
        column(&["events", "--month", "2016-08", "--approximate"], "id")
            .contains(&"board-meeting-2016".to_string())
    );
}

#[test]
fn since_and_until_are_inclusive_and_take_months() {
    assert_eq!(
        column(&["statements", "--since", "2016-12"], "id"),
        ["s15", "s16"]
    );
    assert_eq!(
        column(&["statements", "--since", "2016-12-10"], "id"),
        ["s16"]
    );
    assert_eq!(
        column(&["statements", "--until", "2016-02"], "id"),
        ["s01", "s02"]
    );
    assert_eq!(
        column(
            &[
                "statements",
                "--since",
                "2016-10-18",
                "--until",
                "2016-10-20"
            ],
            "id"
        ),
        ["s13", "s14"]
    );
    // Known only to the year 2016, the board meeting lies wholly inside the whole year.
    let year = column(
        &["events", "--since", "2016-01-01", "--until", "2016-12-31"],
        "id",
    );
    assert!(year.contains(&"board-meeting-2016".to_string()), "{year:?}");
    let half = column(
        &["events", "--since", "2016-01-01", "--until", "2016-06"],
        "id",
    );
    assert!(
        !half.contains(&"board-meeting-2016".to_string()),
        "{half:?}"
    );
}

#[test]
fn year_selects_overlapping_records_and_skips_undated_ones() {
    let ids = column(&["events", "--year", "2015"], "id");
    assert_eq!(
        ids,
        [
            "board-meeting-2015",
            "gfmd-side-event-istanbul",
            "gfmd-summit-2015",
            "principals-2015-11",
            "mayoral-forum-2015"
        ]
    );
    assert_eq!(
        column(&["events", "--year", "2019"], "id"),
        Vec::<String>::new()
    );
    assert_eq!(column(&["statements", "--year", "2016"], "id").len(), 16);
}

#[test]
fn location_kind_and_organizer() {
    assert_eq!(
        column(&["events", "--location", "geneva"], "id"),
        ["msm-geneva-2016-06", "msm-2016-10-31"]
    );
    assert_eq!(
        column(&["statements", "--location", "dhaka"], "id"),
        ["s16"]
    );
    assert_eq!(
        column(
            &[
                "events",
                "--kind",
                "troika-meeting,gfmd-summit",
                "--year",
                "2016"
            ],
            "id"
        ),
        ["troika-2016-02-26", "troika-2016-07-20", "gfmd-summit-2016"]
    );
    assert_eq!(
        column(&["events", "--organizer", "ohchr"], "id"),
        [
            "gfmd-side-event-istanbul",
            "msm-geneva-2016-06",
            "msm-2016-06-30",
            "msm-2016-07-20",
            "side-event-2016-09-20",
            "gfmd-2016-ohchr-event",
            "gcm-discussions"
        ]
    );
    // A whole name, not a part of one: a part names no entity, and says so.
    assert_eq!(
        fails(&["events", "--organizer", "ohc"], 2),
        "error: invalid value 'ohc' for '--organizer <ORG>': no entity in the report is \
         called that; did you mean OHCHR, WHO, FAO, ILO or IOM? (gmg members lists the members)\n"
    );
}

#[test]
fn filters_combine_with_and() {
    assert_eq!(
        column(
            &[
                "events",
                "--kind",
                "multi-stakeholder-meeting",
                "--location",
                "geneva",
                "--month",
                "10"
            ],
            "id"
        ),
        ["msm-2016-10-31"]
    );
}

#[test]
fn search_and_section_work_on_every_collection() {
    assert_eq!(
        column(&["members", "--search", "AGRICULTURE"], "acronym"),
        ["FAO"]
    );
    assert_eq!(
        column(&["handover", "--search", "xenophobia"], "id"),
        ["h04"]
    );
    assert_eq!(
        column(&["statements", "--search", "colombo"], "id"),
        ["s11"]
    );
    // Searching covers the note and the `also` passages too.
    assert!(column(&["members", "--search", "seamless admission"], "acronym").len() == 3);
    // A section matches a record's own section and the sections its `also` passages quote.
    assert_eq!(
        column(&["events", "--section", "II.5"], "id"),
        ["un-summit-2016-09-19", "principals-2016-11-08"]
    );
    assert_eq!(
        column(
            &["events", "--section", "II.5", "--fields", "id,section"],
            "section"
        ),
        ["II.1", "II.5"]
    );
    assert_eq!(column(&["events", "--section", "ii"], "id").len(), 29);
}

#[test]
fn search_takes_several_words_as_one_text_and_skips_precision() {
    let ids = |words: &[&str]| -> Vec<String> {
        column(&[&["search"], words, &["--fields", "id"]].concat(), "id")
    };
    assert_eq!(
        ids(&["economic", "empowerment"]),
        ids(&["economic empowerment"])
    );
    assert_eq!(
        ids(&["economic", "empowerment"]),
        ["csw-60", "csw60-hlp-wee", "s04", "activity-1-3-csw"]
    );
    // Words are one text, in order, not each anywhere.
    assert!(ids(&["empowerment", "economic"]).is_empty());
    // `month`, `year` and `day` as precision are not text of the report: only records
    // whose prose says "month" are found.
    assert_eq!(
        column(
            &["search", "month", "--kind", "event", "--fields", "id"],
            "id"
        ),
        ["retreat-2016-02", "csw-60"]
    );
    let by_month = column(&["events", "--fields", "id,precision"], "precision");
    assert!(by_month.iter().filter(|p| *p == "month").count() > 2);
}

#[test]
fn members_added_and_handover_chair() {
    assert!(column(&["members", "--added", "2015"], "acronym").is_empty());
    assert_eq!(
        column(
            &["handover", "--chair", "Un Women", "--search", "HLD"],
            "id"
        ),
        ["h18"]
    );
}

#[test]
fn fields_choose_and_order_columns_in_every_format() {
    let args = ["statements", "--month", "8", "--fields", "title,id"];
    assert_eq!(
        stdout(&[&args[..], &["-f", "csv"]].concat()),
        "title,id\nFifth Ministerial Meeting of the Colombo Process,s11\n"
    );
    assert_eq!(
        stdout(&[&args[..], &["-f", "ndjson"]].concat()),
        "{\"title\":\"Fifth Ministerial Meeting of the Colombo Process\",\"id\":\"s11\"}\n"
    );
    assert_eq!(
        stdout(&[&args[..], &["-f", "markdown"]].concat()),
        "| title | id |\n|---|---|\n| Fifth Ministerial Meeting of the Colombo Process | s11 |\n"
    );
}

#[test]
fn sort_reverse_and_limit() {
    assert_eq!(
        column(&["statements", "--limit", "2"], "id"),
        ["s01", "s02"]
    );
    assert_eq!(
        column(&["statements", "--reverse", "--limit", "2"], "id"),
        ["s16", "s15"]
    );
    assert_eq!(
        column(&["members", "--sort", "name", "--limit", "2"], "acronym"),
        ["FAO", "ILO"]
    );
    assert_eq!(
        column(&["members", "--sort", "added", "--limit", "3"], "acronym"),
        ["UNEP", "UNIDO", "WFP"]
    );
    assert_eq!(
        column(&["statements", "--sort", "title", "--limit", "2"], "id"),
        ["s01", "s02"]
    );
    assert_eq!(
        column(&["statements", "--sort", "location", "--limit", "2"], "id"),
        ["s16", "s12"]
    );
    // Handover keeps report order by default, and --reverse turns it round.
    assert_eq!(
        column(&["handover", "--limit", "3"], "id"),
        ["h01", "h02", "h03"]
    );
    assert_eq!(
        column(&["handover", "--reverse", "--limit", "3"], "id"),
        ["h19", "h18", "h17"]
    );
    assert_eq!(
        column(&["timeline", "--reverse", "--limit", "2"], "month"),
        ["2016-12", "2016-11"]
    );
    // Undated events come last in the default order, reversed or not.
    assert_eq!(
        column(&["events", "--limit", "1"], "id"),
        ["geneva-group-2003"]
    );
    assert_eq!(
        column(&["events", "--reverse", "--limit", "1"], "id"),
        ["unga-73"]
    );
    let reversed = column(&["events", "--reverse"], "start");
    assert_eq!(reversed.last().unwrap(), "");
    assert!(reversed
        .iter()
        .skip_while(|s| !s.is_empty())
        .all(|s| s.is_empty()));
    // Empty values come last in both directions, for any field.
    for field in ["location", "note", "organizers", "also", "added"] {
        let collection = if field == "added" {
            "members"
        } else {
            "events"
        };
        for reverse in [false, true] {
            let mut args = vec![collection, "--sort", field];
            if reverse {
                args.push("--reverse");
            }
            let values = column(&args, field);
            let first_empty = values.iter().position(|v| v.is_empty()).unwrap();
            assert!(
                values[first_empty..].iter().all(|v| v.is_empty()),
                "{field} reverse={reverse}: {values:?}"
            );
            assert!(first_empty > 0, "{field} reverse={reverse}");
        }
    }
    // And the values in between are in the order asked for.
    assert_eq!(
        column(
            &["members", "--sort", "added", "--reverse", "--limit", "3"],
            "acronym"
        ),
        ["WFP", "UNIDO", "UNEP"]
    );
}

#[test]
fn data_flag_and_environment_load_another_dataset() {
    let small = fixture_arg("small.ron");
    assert_eq!(column(&["statements", "--data", &small], "id"), ["st1"]);
    assert_eq!(
        column(&["--data", &small, "members", "--added", "2016"], "acronym"),
        ["WFP"]
    );
    let out = gmg()
        .args(["events", "-f", "csv", "--fields", "id"])
        .env("GMG_DATA", &small)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "id\nretreat\nidm\n");
    // --data wins over GMG_DATA.
    let out = gmg()
        .args(["events", "-f", "csv", "--fields", "id", "--data", &small])
        .env("GMG_DATA", "no/such/file.ron")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), "id\nretreat\nidm\n");
    // An empty GMG_DATA is unset, not a file named "".
    let out = gmg()
        .args([
            "members", "-f", "csv", "--fields", "acronym", "--added", "2016",
        ])
        .env("GMG_DATA", "")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "acronym\nUNEP\nUNIDO\nWFP\n"
    );
    // The filters work on a --data file just as on the embedded data.
    assert_eq!(
        column(&["statements", "--data", &small, "--month", "mar"], "id"),
        ["st1"]
    );
    assert!(column(&["statements", "--data", &small, "--month", "apr"], "id").is_empty());
}
