//! The embedded dataset against the report: counts, and the facts of each collection as
//! read from the report itself.

mod common;

use common::{column, stdout};

#[test]
fn the_embedded_dataset_validates_with_every_quote_found() {
    assert_eq!(
        stdout(&["validate"]),
        "ok: data/gmg2016.ron (embedded): 74 events, 16 statements, 21 members, 19 handover items, 5 groups, 65 deliverables, 13 objectives, 6 accomplishments, 6 proposals, 11 chairs; every quote found in the report\n"
    );
}

#[test]
fn statements_are_the_thirteen_of_ii4_and_the_three_gfmd_workshops_of_ii3() {
    let sections = column(&["statements"], "section");
    assert_eq!(sections.iter().filter(|s| *s == "II.4").count(), 13);
    let from_ii3: Vec<String> = column(&["statements"], "title")
        .into_iter()
        .zip(&sections)
        .filter(|(_, s)| *s == "II.3")
        .map(|(t, _)| t)
        .collect();
    assert_eq!(
        from_ii3,
        [
            "GFMD Thematic Workshop on Migration, Connectivity and Business",
            "GFMD Thematic Workshop on Migration for Harmonious Societies",
            "GFMD Thematic Workshop on Migration for Peace, Stability and Growth",
        ]
    );
    // --section II.3 also finds the two statements II.4 lists and II.3 quotes again.
    assert_eq!(
        column(&["statements", "--section", "II.3"], "id"),
        ["s06", "s09", "s10", "s14", "s16"]
    );
}

#[test]
fn every_statement_has_the_dates_event_and_place_the_report_gives() {
    let rows: Vec<String> = ["id", "start", "end", "event", "location"]
        .iter()
        .map(|f| column(&["statements"], f))
        .fold(vec![String::new(); 16], |mut acc, col| {
            for (line, value) in acc.iter_mut().zip(col) {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(if value.is_empty() { "-" } else { &value });
            }
            acc
        });
    assert_eq!(
        rows,
        [
            "s01 2016-02-25 2016-02-26 coordination-meeting-14 -",
            "s02 2016-02-29 2016-03-01 idm-2016 -",
            "s03 2016-03-08 2016-03-11 statcom-47 -",
            "s04 2016-03-16 2016-03-16 csw60-hlp-wee -",
            "s05 2016-03-24 2016-03-24 csw60-side-event -",
            "s06 2016-03-29 2016-03-29 gfmd-workshop-2016-03-29 -",
            "s07 2016-04-11 2016-04-11 cpd-49 -",
            "s08 2016-05-13 2016-05-13 friends-group-2016-05-13 -",
            "s09 2016-05-18 2016-05-18 gfmd-workshop-2016-05-18 -",
            "s10 2016-07-19 2016-07-19 gfmd-workshop-2016-07-19 -",
            "s11 2016-08-25 2016-08-25 colombo-process-5 -",
            "s12 2016-09-19 2016-09-19 un-summit-2016-09-19 New York",
            "s13 2016-10-18 2016-10-18 unga-c2-2016-10-18 -",
            "s14 2016-10-20 2016-10-20 gfmd-fof-2016-10-20 -",
            "s15 2016-12-09 2016-12-09 roundtable-2016-12-09 -",
            "s16 2016-12-10 2016-12-10 gfmd-summit-2016 Dhaka, Bangladesh",
        ]
    );
}

#[test]
fn statement_titles_drop_statement_at() {
    let titles = column(&["statements"], "title");
    assert_eq!(titles[2], "47th Session of the Statistical Commission");
    assert_eq!(
        titles[10],
        "Fifth Ministerial Meeting of the Colombo Process"
    );
    assert_eq!(titles[15], "Ninth GFMD Summit");
    assert!(titles
        .iter()
        .all(|t| !t.starts_with("Statement") && !t.starts_with("the ")));
}

#[test]
fn the_seven_multi_stakeholder_meetings_of_ii1() {
    let args = [
        "events",
        "--kind",
        "multi-stakeholder-meeting",
        "--section",
        "II.1",
    ];
    assert_eq!(
        column(&args, "start"),
        [
            "2016-04-25",
            "2016-06-30",
            "2016-07-13",
            "2016-07-20",
            "2016-09-13",
            "2016-10-18",
            "2016-10-31"
        ]
    );
    assert_eq!(
        column(&args, "location"),
        ["New York", "New York", "New York", "New York", "New York", "New York", "Geneva"]
    );
    let titles = column(&args, "title");
    assert_eq!(
        titles[0],
        "Understanding large movements of refugees and migrants"
    );
    assert_eq!(
        titles[6],
        "The New York Declaration for Refugees and Migrants: Implementation of commitments to counter xenophobia"
    );
    // Annex B.3 adds an eighth, in Geneva in June 2016, known only to the month.
    let all = [
        "events",
        "--kind",
        "multi-stakeholder-meeting",
        "--fields",
        "id,start,end,precision,location",
    ];
    assert!(stdout(&[&all[..], &["-f", "csv"]].concat())
        .contains("msm-geneva-2016-06,2016-06-01,2016-06-30,month,Geneva\n"));
}

#[test]
fn events_known_only_to_the_month_or_year_span_all_of_it() {
    let out = stdout(&["events", "--fields", "id,start,end,precision", "-f", "csv"]);
    for line in [
        "retreat-2016-02,2016-02-01,2016-02-29,month",
        "principals-2015-11,2015-11-01,2015-11-30,month",
        "hrc-34,2017-03-01,2017-03-31,month",
        "gfmd-summit-2015,2015-01-01,2015-12-31,year",
        // Dated by the only GFMD the report names at its place (our inference, noted).
        "gfmd-side-event-istanbul,2015-01-01,2015-12-31,year",
        // The report dates CSW 60 only by the panel and the side event held during it.
        "csw-60,2016-03-01,2016-03-31,month",
    ] {
        assert!(out.contains(&format!("{line}\n")), "missing {line}");
    }
    // Where the report gives no usable date, there is none: a day without a year, an
    // occasion the report never dates, "to be held by 2019".
    for line in [
        "central-asia-study,,,",
        "comms-meeting-proposed,,,",
        "gcm-discussions,,,",
        "gfmd-2015-prep-meetings,,,",
        "gfmd-rt-prep-meetings,,,",
        "gfmd-side-event-local,,,",
        "handover-meetings,,,",
        "hld-3,,,",
        "humanitarian-summit,,,",
        "philippines-exchange,,,",
        "study-visit-mexico,,,",
        "study-visit-moldova,,,",
        "tf-decent-work-2016-02,,,",
    ] {
        assert!(out.contains(&format!("{line}\n")), "missing {line}");
    }
}

#[test]
fn key_meetings_have_their_dates_and_places() {
    let out = stdout(&[
        "events",
        "--fields",
        "id,start,end,kind,location",
        "-f",
        "csv",
    ]);
    for line in [
        "troika-2016-02-26,2016-02-26,2016-02-26,troika-meeting,",
        "troika-2016-07-20,2016-07-20,2016-07-20,troika-meeting,",
        "principals-2016-11-08,2016-11-08,2016-11-08,principals-meeting,",
        "working-level-2016-11-28,2016-11-28,2016-11-28,working-level-meeting,",
        "gfmd-summit-2016,2016-12-10,2016-12-12,gfmd-summit,\"Dhaka, Bangladesh\"",
        "un-summit-2016-09-19,2016-09-19,2016-09-19,summit,New York",
        "mayoral-forum-2016,2016-09-29,2016-09-30,forum,Quezon City",
        "mayoral-forum-2015,2015-11-12,2015-11-13,forum,Quito",
        "labour-academy-2016,2016-12-05,2016-12-09,academy,\"Johannesburg, South Africa\"",
        "retreat-2017-02,2017-02-14,2017-02-15,retreat,outside New York",
    ] {
        assert!(out.contains(&format!("{line}\n")), "missing {line}");
    }
}

#[test]
fn members_are_the_21_entities_of_annex_d() {
    assert_eq!(
        column(&["members"], "acronym"),
        [
            "FAO",
            "ILO",
            "IOM",
            "OHCHR",
            "UN DESA",
            "UN Regional Commissions",
            "UN Women",
            "UNCTAD",
            "UNDP",
            "UNEP",
            "UNESCO",
            "UNFPA",
            "UNHCR",
            "UNICEF",
            "UNIDO",
            "UNITAR",
            "UNODC",
            "UNU",
            "WFP",
            "WHO",
            "World Bank",
        ]
    );
}

#[test]
fn the_run_together_line_of_annex_d_is_split() {
    let out = stdout(&["members", "--fields", "acronym,name", "-f", "csv"]);
    assert!(out.contains(
        "UN Women,United Nations Entity for Gender Equality and the Empowerment of Women\n"
    ));
    assert!(out.contains("UN Regional Commissions,United Nations Regional Commissions\n"));
}

#[test]
fn three_members_were_admitted_in_2016_and_no_other_year_is_given() {
    assert_eq!(
        column(&["members", "--added", "2016"], "acronym"),
        ["UNEP", "UNIDO", "WFP"]
    );
    let added = column(&["members"], "added");
    assert_eq!(added.iter().filter(|a| a.is_empty()).count(), 18);
}

#[test]
fn handover_items_per_chair() {
    assert_eq!(
        column(&["handover", "--chair", "escap"], "id"),
        ["h01", "h02", "h03"]
    );
    assert_eq!(
        column(&["handover", "--chair", "IOM"], "id"),
        ["h04", "h05"]
    );
    for chair in ["ilo", "world bank", "UN Women"] {
        let ids = column(&["handover", "--chair", chair], "id");
        assert_eq!(ids.len(), 14, "{chair}");
        assert_eq!((ids[0].as_str(), ids[13].as_str()), ("h06", "h19"));
    }
    assert_eq!(
        column(&["handover"], "text")[0],
        "Advance the development of the 2016–2018 MAWP"
    );
}

#[test]
fn events_per_section() {
    let sections: Vec<String> = column(&["events"], "section");
    let count = |s: &str| sections.iter().filter(|x| *x == s).count();
    let expected = [
        ("II.1", 8),
        ("II.2", 1),
        ("II.3", 10),
        ("II.4", 8),
        ("II.5", 1),
        ("II.6", 1),
        ("III", 1),
        ("IV", 5),
        ("Annex B.1", 14),
        ("Annex B.2", 1),
        ("Annex B.3", 5),
        ("Annex A", 3),
        ("Annex B.4", 6),
        ("Annex B.5", 5),
        ("Annex C", 4),
        ("Endnote i", 1),
    ];
    for (section, n) in expected {
        assert_eq!(count(section), n, "{section}");
    }
    assert_eq!(
        expected.iter().map(|(_, n)| n).sum::<usize>(),
        sections.len()
    );
    // --section takes a part: "Annex B" is B.1 to B.5; events quoting Annex B in `also`
    // are found too.
    assert_eq!(column(&["events", "--section", "annex b"], "id").len(), 37);
}
