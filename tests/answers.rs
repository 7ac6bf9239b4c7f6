//! Answers that mean what the reader means: periods by the precision the report gives,
//! the report's year for a bare month, the timeline agreeing with the listings, entities by
//! acronym or name, places written one way, and the corrections to the data.

mod common;

use common::{column, fails, fixture, gmg, json, stdout};

fn ids(args: &[&str]) -> Vec<String> {
    column(args, "id")
}

fn has(list: &[String], id: &str) -> bool {
    list.iter().any(|x| x == id)
}

#[test]
fn a_bare_month_is_a_month_of_the_report_year() {
    let march = ids(&["events", "--month", "3"]);
    assert_eq!(
        march,
        [
            "idm-2016",
            "csw-60",
            "statcom-47",
            "csw60-hlp-wee",
            "csw60-side-event",
            "gfmd-workshop-2016-03-29"
        ]
    );
    assert_eq!(ids(&["events", "--month", "mar"]), march);
    assert_eq!(ids(&["events", "--month", "2016-3"]), march);
    // March of another year is named with its year.
    assert_eq!(ids(&["events", "--month", "2017-03"]), ["hrc-34"]);
    assert_eq!(ids(&["events", "--month", "2017-3"]), ["hrc-34"]);
    // For a --data file, the report year in its header.
    let text = std::fs::read_to_string(fixture("small.ron"))
        .unwrap()
        .replacen("year: 2016", "year: 2015", 1);
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), text).unwrap();
    let data = file.path().display().to_string();
    assert!(ids(&["events", "--data", &data, "--month", "2"]).is_empty());
    assert_eq!(
        ids(&["events", "--data", &data, "--month", "2016-02"]),
        ["retreat", "idm"]
    );
}

#[test]
fn several_months_select_their_union() {
    let both = ids(&["statements", "--month", "2,3"]);
    assert_eq!(both, ["s01", "s02", "s03", "s04", "s05", "s06"]);
    assert_eq!(
        ids(&["statements", "--month", "feb", "--month", "mar"]),
        both
    );
    assert_eq!(
        ids(&["statements", "--month", "2016-05,2016-12"]),
        ["s08", "s09", "s15", "s16"]
    );
}

#[test]
fn a_record_known_to_the_day_is_in_every_month_it_overlaps() {
    // 29 February - 1 March 2016.
    assert!(has(&ids(&["statements", "--month", "2"]), "s02"));
    assert!(has(&ids(&["statements", "--month", "3"]), "s02"));
    assert!(has(&ids(&["statements", "--since", "2016-03-01"]), "s02"));
    assert!(has(&ids(&["statements", "--until", "2016-02-29"]), "s02"));
}

#[test]
fn a_record_known_to_the_month_is_in_a_period_holding_the_whole_month() {
    assert!(has(&ids(&["events", "--month", "2"]), "retreat-2016-02"));
    assert!(has(&ids(&["events", "--year", "2016"]), "retreat-2016-02"));
    assert!(has(
        &ids(&["events", "--until", "2016-02"]),
        "retreat-2016-02"
    ));
    assert!(!has(
        &ids(&["events", "--since", "2016-02-15"]),
        "retreat-2016-02"
    ));
    assert!(!has(
        &ids(&["events", "--until", "2016-02-27"]),
        "retreat-2016-02"
    ));
    assert!(has(
        &ids(&["events", "--since", "2016-02-15", "--approximate"]),
        "retreat-2016-02"
    ));
}

#[test]
fn a_record_known_to_the_year_is_in_the_year_only() {
    assert!(has(
        &ids(&["events", "--year", "2016"]),
        "board-meeting-2016"
    ));
    assert!(!has(
        &ids(&["events", "--month", "3"]),
        "board-meeting-2016"
    ));
    assert!(!has(
        &ids(&["events", "--since", "2016-07", "--until", "2016-12"]),
        "board-meeting-2016"
    ));
    assert!(has(
        &ids(&["events", "--month", "3", "--approximate"]),
        "board-meeting-2016"
    ));
    // Undated records match no date filter, approximate or not.
    assert!(!has(
        &ids(&["events", "--year", "2016", "--approximate"]),
        "gcm-discussions"
    ));
}

#[test]
fn the_table_says_what_approximate_would_add() {
    let out = gmg()
        .args(["events", "--month", "3"])
        .env("COLUMNS", "200")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "note: 2 events known only to the month or year may fall in this period; --approximate includes them\n"
    );
    // Not with --approximate, and never in csv or json (a script reads those).
    let out = gmg()
        .args(["events", "--month", "3", "--approximate"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty());
    let out = gmg()
        .args(["events", "--month", "3", "-f", "csv"])
        .output()
        .unwrap();
    assert!(out.stderr.is_empty());
    let out = gmg()
        .args(["search", "board", "--month", "3"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "no records match\nnote: 1 record known only to the month or year may fall in this period; --approximate includes it\n"
    );
}

#[test]
fn the_timeline_counts_what_the_listings_list_month_by_month() {
    let chart = json(&["timeline"]);
    for month in chart.as_array().unwrap() {
        let m = month["month"].as_str().unwrap();
        for collection in ["events", "statements"] {
            assert_eq!(
                month[collection].as_i64().unwrap() as usize,
                ids(&[collection, "--month", m]).len(),
                "{collection} in {m}"
            );
        }
    }
    // June: the two June events known to the month and the day event of 30 June.
    assert_eq!(chart[5]["events"], 3);
    assert_eq!(ids(&["events", "--month", "6", "--year", "2016"]).len(), 3);
    let text = stdout(&["timeline"]);
    assert!(
        text.ends_with("Known only to the year 2016, so in no month: 2 events and 0 statements.\n"),
        "{text}"
    );
}

#[test]
fn since_after_until_is_a_usage_error_naming_both() {
    assert_eq!(
        fails(&["events", "--since", "2016-05", "--until", "2016-03"], 2),
        "error: '--since 2016-05-01' is later than '--until 2016-03-31': the period would be empty\n"
    );
    assert_eq!(
        fails(&["search", "gfmd", "--since", "2016-12-02", "--until", "2016-12-01"], 2),
        "error: '--since 2016-12-02' is later than '--until 2016-12-01': the period would be empty\n"
    );
    // The same day is a period.
    assert_eq!(
        ids(&[
            "statements",
            "--since",
            "2016-12-10",
            "--until",
            "2016-12-10"
        ]),
        ["s16"]
    );
}

#[test]
fn organisers_and_chairs_by_acronym_or_full_name() {
    let ilo = ["fair-recruitment-2016-09", "ilo-gb-2016-11-08"];
    for name in [
        "ilo",
        "ILO",
        "International Labour Organisation",
        "International Labour Organization",
        "international labour organization",
    ] {
        assert_eq!(ids(&["events", "--organizer", name]), ilo, "{name}");
    }
    let ohchr = ids(&["events", "--organizer", "ohchr"]);
    assert_eq!(ohchr.len(), 7);
    assert_eq!(
        ids(&[
            "events",
            "--organizer",
            "Office of the High Commissioner for Human Rights"
        ]),
        ohchr
    );
    assert_eq!(
        ids(&["events", "--organizer", "iom"]),
        ["iml-courses-2007", "idm-2016", "iml-online-course-launch"]
    );
    // Conveners named by the occasion itself.
    assert_eq!(
        ids(&["events", "--organizer", "gfmd"]),
        [
            "gfmd-workshop-2016-03-29",
            "gfmd-workshop-2016-05-18",
            "gfmd-business-2016-07",
            "gfmd-workshop-2016-07-19",
            "gfmd-fof-2016-10-20"
        ]
    );
    // Not a member: the name itself.
    assert_eq!(
        ids(&["events", "--organizer", "bangladesh"]),
        [
            "csw60-side-event",
            "friends-group-2016-05-13",
            "gfmd-summit-2016"
        ]
    );
    for chair in [
        "iom",
        "International Organisation for Migration",
        "INTERNATIONAL ORGANIZATION FOR MIGRATION",
    ] {
        assert_eq!(
            ids(&["handover", "--chair", chair]),
            ["h04", "h05"],
            "{chair}"
        );
    }
    assert_eq!(
        ids(&["handover", "--chair", "escap"]),
        ["h01", "h02", "h03"]
    );
    assert_eq!(
        ids(&[
            "handover",
            "--chair",
            "United Nations Entity for Gender Equality and the Empowerment of Women"
        ])
        .len(),
        14
    );
    // The timeline takes the same names.
    let ilo_months = column(
        &[
            "timeline",
            "--organizer",
            "International Labour Organization",
        ],
        "events",
    );
    assert_eq!(ilo_months[8], "1");
    assert_eq!(ilo_months[10], "1");
}

#[test]
fn a_place_is_written_one_way() {
    assert_eq!(
        ids(&["events", "--location", "bangladesh"]),
        ["gfmd-summit-2016", "gfmd-2016-ohchr-event"]
    );
    let mut places: Vec<String> = column(&["events"], "location");
    places.extend(column(&["statements"], "location"));
    places.sort();
    places.dedup();
    places.retain(|p| !p.is_empty());
    // No place is a shorter spelling of another ("Dhaka" beside "Dhaka, Bangladesh").
    for a in &places {
        for b in &places {
            assert!(
                a == b || !b.starts_with(&format!("{a},")),
                "{a:?} and {b:?} name one place two ways"
            );
        }
    }
}

#[test]
fn corrections_from_an_independent_reading() {
    let organizers = |id: &str| -> String {
        json(&["events", "--search", id, "--fields", "id,organizers"])
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .map(|e| e["organizers"].to_string())
            .unwrap()
    };
    assert_eq!(organizers("fair-recruitment-2016-09"), r#"["ILO"]"#);
    assert_eq!(organizers("ilo-gb-2016-11-08"), r#"["ILO"]"#);
    assert_eq!(organizers("idm-2016"), r#"["IOM"]"#);
    assert_eq!(organizers("gfmd-summit-2016"), r#"["Bangladesh"]"#);
    // CSW 60 is dated by the panel and the side event held during it.
    let csw = json(&[
        "events",
        "--search",
        "csw 60",
        "--fields",
        "id,start,end,precision,note",
    ]);
    let csw = csw
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "csw-60")
        .unwrap();
    assert_eq!(
        (&csw["start"], &csw["end"], &csw["precision"]),
        (&"2016-03-01".into(), &"2016-03-31".into(), &"month".into())
    );
    assert!(csw["note"].as_str().unwrap().contains("\"during\" it"));
    assert!(has(&ids(&["events", "--year", "2016"]), "csw-60"));
    // The Third Mayoral Forum was in Quezon City.
    assert_eq!(
        ids(&["events", "--location", "quezon"]),
        ["mayoral-forum-2016"]
    );
    // The UN Summit answers to every name the report gives it.
    for name in [
        "UN Summit for Refugees and Migrants",
        "High-level Plenary Meeting of the General Assembly on addressing large movements",
        "UN Leaders Summit",
        "UN High-level Summit for Refugees and Migrants",
    ] {
        assert!(
            has(&ids(&["events", "--search", name]), "un-summit-2016-09-19"),
            "{name}"
        );
    }
    // Endnote ii is a section of its own; the MICIC note says where the markers point.
    // The Forum quotes Endnote ii among its other passages, so --section finds it there.
    assert_eq!(
        column(
            &["events", "--section", "endnote ii", "--fields", "id"],
            "id"
        ),
        ["mayoral-forum-2016"]
    );
    assert!(stdout(&["show", "mayoral-forum-2016"]).contains("Endnote ii"));
    let micic = stdout(&["show", "micic-guidelines-launch"]);
    assert!(micic.contains("No marker ⁱ appears in the body"), "{micic}");
    // Two undated occasions the report names are recorded, with why they have no date.
    for id in ["central-asia-study", "humanitarian-summit"] {
        let card = json(&["show", id]);
        assert_eq!(card["record"]["start"], serde_json::Value::Null, "{id}");
        assert!(
            card["record"]["note"]
                .as_str()
                .unwrap()
                .starts_with("Undated"),
            "{id}"
        );
    }
    // Every title and name starts with a capital letter (or a digit).
    for (collection, field) in [
        ("events", "title"),
        ("statements", "title"),
        ("members", "name"),
        ("handover", "text"),
    ] {
        for text in column(&[collection], field) {
            let first = text.chars().next().unwrap();
            assert!(
                first.is_uppercase() || first.is_ascii_digit(),
                "{collection}: {text}"
            );
        }
    }
}

/// The README's common questions, answered as a careful reader of the report would.
#[test]
fn the_common_questions() {
    assert_eq!(
        ids(&["statements", "--month", "3"]),
        ["s02", "s03", "s04", "s05", "s06"]
    );
    assert_eq!(
        column(&["members", "--added", "2016"], "acronym"),
        ["UNEP", "UNIDO", "WFP"]
    );
    assert_eq!(
        ids(&["events", "--kind", "multi-stakeholder-meeting"]).len(),
        8
    );
    assert_eq!(
        ids(&["events", "--location", "geneva"]),
        ["msm-geneva-2016-06", "msm-2016-10-31"]
    );
    assert_eq!(
        ids(&["handover", "--chair", "escap"]),
        ["h01", "h02", "h03"]
    );
    let second_half = ids(&["events", "--since", "2016-07", "--until", "2016-12"]);
    assert_eq!(second_half.first().unwrap(), "gfmd-business-2016-07");
    assert_eq!(second_half.last().unwrap(), "gfmd-2016-ohchr-event");
    assert!(!has(&second_half, "board-meeting-2016"));
    assert_eq!(
        ids(&["events", "--search", "xenophobia"]),
        ["msm-2016-10-31"]
    );
    assert_eq!(ids(&["statements", "--section", "II.4"]).len(), 13);
}
