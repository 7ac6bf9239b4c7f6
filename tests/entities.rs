//! One entity index for every name: every spelling the report uses resolves, for every entity
//! option; a name that is no entity's, or a place no record has, is a usage error with the
//! nearest names; tips for options of other commands; deadlines at the end of their period.

mod common;

use common::{column, fails, fixture_arg, gmg, json, stdout};

#[test]
fn every_spelling_of_an_entity_resolves_for_every_entity_option() {
    // (command and option, spellings of one entity, the ids it answers)
    let cases: &[(&[&str], &[&str], &[&str])] = &[
        (
            &["groups", "--chair"],
            &[
                "UN DESA",
                "UNDESA",
                "UN-DESA",
                "undesa",
                "DESA",
                "u.n. desa",
            ],
            &["wg-data"],
        ),
        (
            &["groups", "--chair"],
            &[
                "United Nations Department of Economic and Social Affairs",
                "UN Department of Economic and Social Affairs",
            ],
            &["wg-data"],
        ),
        (
            &["groups", "--participant"],
            &[
                "UNU",
                "the UN University",
                "United Nations University",
                "u.n.u.",
            ],
            &["tf-decent-work"],
        ),
        (
            &["deliverables", "--lead"],
            &["UN Women", "un-women", "UNWOMEN", "U.N. Women", "un women"],
            &[
                "chair-concept-note",
                "remittances-paper",
                "summit-concept-notes",
                "msm-outcome-report",
                "stocktaking-crisis",
                "stocktaking-sea",
            ],
        ),
        (
            &["deliverables", "--lead"],
            &[
                "ITC-ILO",
                "itcilo",
                "International Training Centre of the ILO",
            ],
            &["jmdi-course"],
        ),
        (
            &["deliverables", "--lead"],
            &["Kyrgyzstan", "Kyrgyz Republic", "Government of Kyrgyzstan"],
            &["kyrgyzstan-profiles"],
        ),
        (
            &["events", "--organizer"],
            &["World Bank", "worldbank", "world-bank", "THE WORLD BANK"],
            &["gfmd-side-event-local"],
        ),
        (
            &["events", "--organizer"],
            &[
                "ITC-ILO",
                "International Training Centre of the ILO",
                "international training centre of the ilo",
            ],
            &["labour-academy-2016"],
        ),
        (
            &["events", "--organizer"],
            &["Kyrgyz Republic", "kyrgyzstan"],
            &["board-meeting-2016"],
        ),
        (
            &["handover", "--chair"],
            &["ESCAP", "escap", "E.S.C.A.P."],
            &["h01", "h02", "h03"],
        ),
        (
            &["events", "--organizer"],
            &["General Assembly", "UN GA", "UN General Assembly"],
            &["un-summit-2016-09-19", "unga-c2-2016-10-18", "unga-73"],
        ),
    ];
    for (args, spellings, want) in cases {
        for spelling in *spellings {
            let mut all = args.to_vec();
            all.push(spelling);
            let mut got = column(&all, "id");
            got.sort();
            let mut want: Vec<&str> = want.to_vec();
            want.sort();
            assert_eq!(got, want, "gmg {all:?}");
        }
    }
}

#[test]
fn a_name_that_is_no_entity_is_a_usage_error_with_the_nearest_names() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["groups", "--chair", "escpa"],
            "error: invalid value 'escpa' for '--chair <NAME>': no entity in the report is \
             called that; did you mean ESCAP, DESA, UNFPA, CPD or OHCHR? (gmg members lists \
             the members)\n",
        ),
        (
            &["groups", "--chair", "foo"],
            "error: invalid value 'foo' for '--chair <NAME>': no entity in the report is \
             called that; did you mean Food and Agriculture Organisation, FAO, ILO, IOM or \
             WHO? (gmg members lists the members)\n",
        ),
        (
            &["groups", "--participant", "unhrc"],
            "error: invalid value 'unhrc' for '--participant <NAME>': no entity in the report \
             is called that; did you mean UNHCR, UNODC, UNDP, UNEP or UNESCO? (gmg \
             members lists the members)\n",
        ),
        (
            &["deliverables", "--lead", "un wmen"],
            "error: invalid value 'un wmen' for '--lead <NAME>': no entity in the report is \
             called that; did you mean UN Women, UNEP, UNICEF, UNCTAD or UN DESA? (gmg \
             members lists the members)\n",
        ),
        (
            &["events", "--organizer", "wrld bank"],
            "error: invalid value 'wrld bank' for '--organizer <ORG>': no entity in the report \
             is called that; did you mean World Bank, FAO, ILO, UNCTAD or UN DESA? (gmg \
             members lists the members)\n",
        ),
        (
            &["handover", "--chair", "iomm"],
            "error: invalid value 'iomm' for '--chair <NAME>': no entity in the report is \
             called that; did you mean IOM, ILO, GMG, GFMD or FAO? (gmg members lists the \
             members)\n",
        ),
        (
            &["timeline", "--organizer", "ohc"],
            "error: invalid value 'ohc' for '--organizer <ORG>': no entity in the report is \
             called that; did you mean OHCHR, WHO, FAO, ILO or IOM? (gmg members lists the \
             members)\n",
        ),
    ];
    for (args, message) in cases {
        assert_eq!(fails(args, 2), *message, "gmg {args:?}");
    }
}

#[test]
fn a_known_entity_with_no_records_is_an_empty_answer() {
    // ESCAP is a Chair the report names; it co-chairs no group, which is a fact.
    let out = gmg().args(["groups", "--chair", "escap"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "no groups match\n");
}

#[test]
fn a_place_no_record_has_is_a_usage_error_with_the_nearest_places() {
    assert_eq!(
        fails(&["events", "--location", "geneve"], 2),
        "error: invalid value 'geneve' for '--location <TEXT>': no event or statement is in a \
         place called that; known places include Geneva, Manila, Mexico, New York, Turkey\n"
    );
    assert_eq!(
        fails(&["statements", "--location", "nairobi"], 2),
        "error: invalid value 'nairobi' for '--location <TEXT>': no event or statement is in a \
         place called that; known places include New York, Quito, Turkey, Manila, Mexico\n"
    );
    fails(&["timeline", "--location", "geneve"], 2);
    // A part of a place still matches, as before.
    assert_eq!(
        column(&["statements", "--location", "new y"], "id").len(),
        column(&["statements", "--location", "New York"], "id").len()
    );
}

#[test]
fn options_of_other_commands_get_the_equivalent_of_this_one() {
    let members = fails(&["members", "--year", "2016"], 2);
    assert!(
        members.contains("tip: a similar argument exists: '--added'"),
        "{members}"
    );
    assert!(
        members.contains("Usage: gmg members [OPTIONS]"),
        "{members}"
    );
    let events = fails(&["events", "--lead", "iom"], 2);
    assert!(
        events.contains("tip: a similar argument exists: '--organizer'"),
        "{events}"
    );
    let groups = fails(&["groups", "--organizer", "iom"], 2);
    assert!(
        groups.contains("tip: a similar argument exists: '--chair'"),
        "{groups}"
    );
}

#[test]
fn bare_months_and_years_say_which_option_takes_them() {
    assert_eq!(
        fails(&["statements", "march"], 2),
        "error: unexpected argument 'march' found\n\n  tip: months go with --month: 'gmg \
         statements --month march'\n\nUsage: gmg statements [OPTIONS]\n\nFor more \
         information, try '--help'.\n"
    );
    let year = fails(&["events", "2016"], 2);
    assert!(
        year.contains("tip: years go with --year: 'gmg events --year 2016'"),
        "{year}"
    );
    let added = fails(&["members", "2016"], 2);
    assert!(
        added.contains("tip: years of admission go with --added: 'gmg members --added 2016'"),
        "{added}"
    );
}

/// The deadlines of the six deliverables that have one, as `gmg deliverables -f FORMAT`.
const DEADLINES: [(&str, &str, &str); 6] = [
    ("gmg-role-document", "2016-12-31", "year"),
    ("rpi-publications", "2016-12-31", "month"),
    ("hrc-progress-report", "2017-03-31", "month"),
    ("remittances-paper", "2017-07-31", "day"),
    ("micic-local-output", "2017-08-31", "month"),
    ("un-progress-report", "2017-09-30", "month"),
];

#[test]
fn deadlines_are_the_end_of_their_period_in_every_format() {
    let dated = || {
        DEADLINES
            .iter()
            .map(|(id, due, p)| format!("{id},{due},{p}"))
    };
    let csv = stdout(&[
        "deliverables",
        "-f",
        "csv",
        "--fields",
        "id,due,precision",
        "--limit",
        "6",
    ]);
    assert_eq!(
        csv.lines().skip(1).map(String::from).collect::<Vec<_>>(),
        dated().collect::<Vec<_>>()
    );
    let tsv = stdout(&[
        "deliverables",
        "-f",
        "tsv",
        "--fields",
        "id,due",
        "--limit",
        "1",
    ]);
    assert_eq!(tsv, "id\tdue\ngmg-role-document\t2016-12-31\n");
    let json = stdout(&[
        "deliverables",
        "-f",
        "json",
        "--fields",
        "id,due,precision",
        "--limit",
        "1",
    ]);
    assert!(
        json.contains("\"due\": \"2016-12-31\"") && json.contains("\"precision\": \"year\""),
        "{json}"
    );
    let ndjson = stdout(&[
        "deliverables",
        "-f",
        "ndjson",
        "--fields",
        "id,due",
        "--limit",
        "1",
    ]);
    assert_eq!(
        ndjson,
        "{\"id\":\"gmg-role-document\",\"due\":\"2016-12-31\"}\n"
    );
    // Markdown, like CSV, gives the day; the precision is a field of its own.
    let markdown = stdout(&[
        "deliverables",
        "-f",
        "markdown",
        "--fields",
        "id,due",
        "--limit",
        "2",
    ]);
    assert!(
        markdown.contains("| gmg-role-document | 2016-12-31 |"),
        "{markdown}"
    );
    let sql = stdout(&[
        "sql",
        "select id, due_date, date_precision from deliverables where due_date is not null \
         order by due_date, id",
        "-f",
        "csv",
    ]);
    let mut want: Vec<String> = dated().collect();
    want.sort_by_key(|row| row.split(',').nth(1).unwrap_or_default().to_string());
    assert_eq!(
        sql.lines().skip(1).map(String::from).collect::<Vec<_>>(),
        want
    );
    // The filters keep their precision rules: due in 2017, known to the month or day.
    assert_eq!(
        column(&["deliverables", "--month", "2017-09"], "id"),
        ["un-progress-report"]
    );
}

/// A dataset file in a temporary directory.
fn dataset(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    std::fs::write(&path, text).unwrap();
    let shown = path.display().to_string();
    (dir, shown)
}

/// The small fixture with an event organised by `organizer` and members given `aliases`.
fn small_with(organizer: &str, aliases: &str) -> String {
    let small = std::fs::read_to_string(fixture_arg("small.ron")).unwrap();
    small
        .replace(
            "organizers: [\"GMG\"]",
            &format!("organizers: [\"{organizer}\"]"),
        )
        .replace(
            "Member(acronym: \"WFP\", name: \"World Food Programme\",",
            &format!(
                "Member(acronym: \"WFP\", name: \"World Food Programme\", aliases: [{aliases}],"
            ),
        )
}

#[test]
fn the_database_and_the_cards_link_members_by_any_spelling() {
    let (_dir, path) = dataset(&small_with(
        "the World-Food programme",
        "\"Food Programme\"",
    ));
    assert_eq!(
        stdout(&[
            "sql",
            "select event_id, name, member from event_organizers",
            "-f",
            "csv",
            "--data",
            &path
        ]),
        "event_id,name,member\nretreat,the World-Food programme,WFP\n"
    );
    let card = stdout(&["show", "wfp", "--data", &path, "-f", "json"]);
    assert!(card.contains("\"organised by this member\""), "{card}");
    // A declared alias resolves too.
    assert_eq!(
        column(
            &["events", "--organizer", "food programme", "--data", &path],
            "id"
        ),
        ["retreat"]
    );
}

#[test]
fn an_alias_that_names_another_entity_is_refused() {
    let (_dir, path) = dataset(&small_with("GMG", "\"F.A.O.\""));
    let err = fails(&["validate", &path], 1);
    assert!(
        err.contains("entity 'WFP': the name 'F.A.O.' is already a name of 'FAO'"),
        "{err}"
    );
}

#[test]
fn show_finds_a_member_by_any_spelling() {
    for spelling in [
        "UN DESA",
        "un-desa",
        "undesa",
        "DESA",
        "UN Department of Economic and Social Affairs",
    ] {
        let card = json(&["show", spelling]);
        assert_eq!(card["id"], "UN DESA", "{spelling}");
    }
    assert_eq!(json(&["show", "the UN University"])["id"], "UNU");
}
