//! The working groups, task forces and deliverables of section III and Annex B: what the
//! dataset holds, the filters that find them, their links, and the checks that keep a
//! `--data` file's links honest.

mod common;

use common::{column, fails, fixture, links, rows, stdout};

#[test]
fn five_groups_with_the_co_chairs_the_report_names() {
    assert_eq!(
        rows(&["groups"], "id,kind,chairs"),
        [
            "wg-mainstreaming,working-group,UNDP; IOM",
            "wg-data,working-group,IOM; UN DESA",
            "wg-rights-gender,working-group,OHCHR; UN Women",
            "tf-capacity,task-force,",
            "tf-decent-work,task-force,",
        ]
    );
    assert_eq!(
        rows(&["groups"], "id,area"),
        [
            "wg-mainstreaming,Mainstreaming Migration into National Development Strategies",
            "wg-data,Data and Research",
            "wg-rights-gender,\"Migration, Human Rights and Gender\"",
            "tf-capacity,Capacity Development",
            "tf-decent-work,Migration and Decent Work",
        ]
    );
    // The five agencies B.5 says took part in the Task Force's meeting, then the members
    // B.5 names as doing its work.
    assert_eq!(
        rows(&["groups", "--search", "decent work"], "participants"),
        ["ILO; IOM; UNHCR; UNU; UN Women; World Bank; UNESCO"]
    );
}

#[test]
fn groups_by_chair_participant_and_kind() {
    assert_eq!(
        column(&["groups", "--chair", "un women"], "id"),
        ["wg-rights-gender"]
    );
    assert_eq!(
        column(
            &["groups", "--chair", "United Nations Development Programme"],
            "id"
        ),
        ["wg-mainstreaming"]
    );
    assert_eq!(
        column(&["groups", "--participant", "unhcr"], "id"),
        ["tf-decent-work"]
    );
    // A co-chair takes part too.
    assert_eq!(
        column(&["groups", "--participant", "ohchr"], "id"),
        ["wg-rights-gender"]
    );
    assert_eq!(column(&["groups", "--participant", "iom"], "id").len(), 5);
    assert_eq!(
        column(&["groups", "--kind", "task-force"], "id"),
        ["tf-capacity", "tf-decent-work"]
    );
    assert!(column(&["groups", "--chair", "escap"], "id").is_empty());
}

#[test]
fn deliverables_with_the_due_dates_the_report_gives() {
    assert_eq!(column(&["deliverables"], "id").len(), 65);
    // Only six have a date; they come first, by date. A deadline is the last day of the
    // period the report gives ("before the end of 2016" is due by 2016-12-31).
    assert_eq!(
        rows(&["deliverables", "--limit", "7"], "id,due,precision,status"),
        [
            "gmg-role-document,2016-12-31,year,done",
            "rpi-publications,2016-12-31,month,planned",
            "hrc-progress-report,2017-03-31,month,done",
            "remittances-paper,2017-07-31,day,in-progress",
            "micic-local-output,2017-08-31,month,planned",
            "un-progress-report,2017-09-30,month,planned",
            "msm-outcome-report,,,done",
        ]
    );
    // The date filters apply to the due date with the listings' precision rules: a
    // deliverable due "by third quarter of 2017" is known to the month (September).
    assert_eq!(
        column(&["deliverables", "--year", "2017"], "id"),
        [
            "hrc-progress-report",
            "remittances-paper",
            "micic-local-output",
            "un-progress-report"
        ]
    );
    assert_eq!(
        column(&["deliverables", "--month", "2017-03"], "id"),
        ["hrc-progress-report"]
    );
    assert_eq!(
        column(
            &["deliverables", "--since", "2017-09-15", "--approximate"],
            "id"
        ),
        ["un-progress-report"]
    );
    // In the table, the due date is shown as far as the report gives it.
    let table = stdout(&["deliverables", "--year", "2017", "--fields", "id,due"]);
    assert!(table.contains("un-progress-report  ┆ 2017-09\n"), "{table}");
    assert!(table.contains("hrc-progress-report ┆ 2017-03\n"), "{table}");
}

#[test]
fn deliverables_by_lead_status_kind_and_group() {
    assert_eq!(
        column(&["deliverables", "--lead", "un women"], "id"),
        [
            "remittances-paper",
            "msm-outcome-report",
            "summit-concept-notes",
            "stocktaking-crisis",
            "stocktaking-sea",
            "chair-concept-note"
        ]
    );
    assert_eq!(
        column(
            &[
                "deliverables",
                "--lead",
                "International Labour Organization"
            ],
            "id"
        ),
        column(&["deliverables", "--lead", "ILO"], "id")
    );
    // A lead that is not a member matches by its whole name.
    assert_eq!(
        column(&["deliverables", "--lead", "itc-ilo"], "id"),
        ["jmdi-course"]
    );
    assert_eq!(
        column(&["deliverables", "--lead", "unu"], "id"),
        ["un-progress-report"]
    );
    assert_eq!(
        column(&["deliverables", "--status", "planned"], "id"),
        [
            "rpi-publications",
            "micic-local-output",
            "un-progress-report",
            "migration-data-handbook",
            "data-monitoring-tool"
        ]
    );
    let counts: Vec<usize> = ["done", "in-progress", "planned"]
        .iter()
        .map(|s| column(&["deliverables", "--status", s], "id").len())
        .collect();
    assert_eq!(counts, [36, 15, 5]);
    assert_eq!(
        rows(&["deliverables", "--kind", "principles"], "id,lead"),
        [
            "principles-guidelines,GMG",
            "micic-guidelines,IOM",
            "fair-recruit-principles,ILO",
            "higher-ed-convention,UNESCO"
        ]
    );
    // A group by id or by a part of its name.
    let by_id = column(&["deliverables", "--group", "wg-data"], "id");
    assert_eq!(
        by_id,
        [
            "sdg-indicator-metadata",
            "data-monitoring-tool",
            "migration-data-training"
        ]
    );
    assert_eq!(
        column(&["deliverables", "--group", "Data and Research"], "id"),
        by_id
    );
    assert_eq!(
        fails(&["deliverables", "--group", "wg-nothing"], 2),
        "error: invalid value 'wg-nothing' for '--group <G>': expected the id of a group or a part of its name; the groups are: wg-mainstreaming (GMG Working Group on Mainstreaming Migration into National Development Strategies); wg-data (GMG Working Group on Data and Research); wg-rights-gender (GMG Working Group on Migration, Human Rights and Gender); tf-capacity (GMG Task Force on Capacity Development); tf-decent-work (GMG Task Force on Migration and Decent Work)\n"
    );
}

#[test]
fn events_and_handover_items_link_to_groups_and_deliverables() {
    assert_eq!(
        column(&["events", "--group", "human rights"], "id"),
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
    assert_eq!(
        column(&["timeline", "--group", "wg-rights-gender"], "events")
            .iter()
            .map(|n| n.parse::<usize>().unwrap())
            .sum::<usize>(),
        5
    );
    assert_eq!(
        rows(&["handover", "--search", "remittance"], "id,deliverables"),
        ["h19,remittances-paper"]
    );
    assert_eq!(
        rows(&["handover", "--search", "working groups"], "id,groups"),
        ["h06,wg-mainstreaming; wg-data; wg-rights-gender; tf-capacity; tf-decent-work"]
    );
}

#[test]
fn show_links_members_groups_deliverables_and_handover_items() {
    assert_eq!(
        links("remittances-paper"),
        [
            "the group whose work it is: wg-rights-gender",
            "lead: UN Women",
            "handover item that names it: h19",
            "carries out: activity-1-5"
        ]
    );
    let group = links("wg-data");
    assert_eq!(
        group[..3],
        [
            "co-chair: IOM",
            "co-chair: UN DESA",
            // Undated links follow the dated, by id.
            "deliverable of this group: data-monitoring-tool"
        ]
    );
    // The Expert Group Meeting is only a possible occasion for the group's consultation.
    assert!(!group.iter().any(|l| l.starts_with("event of this group")));
    assert!(group.contains(&"handover item that names this group: h06".to_string()));
    let member = links("un-women");
    assert_eq!(member[0], "co-chaired by this member: wg-rights-gender");
    assert_eq!(member[1], "this member takes part: tf-decent-work");
    assert!(member.contains(&"led by this member: remittances-paper".to_string()));
    assert_eq!(
        links("h12"),
        [
            "Chair this item is listed under: ILO",
            "Chair this item is listed under: UN Women",
            "Chair this item is listed under: World Bank",
            "deliverable this item names: decent-work-undaf-guide",
            "deliverable this item names: undaf-briefs-outline",
            "deliverable this item names: undaf-guidance-note"
        ]
    );
    assert_eq!(
        links("board-meeting-2016"),
        ["the group whose work it is: wg-mainstreaming"]
    );
}

#[test]
fn search_and_the_overview_cover_both_collections() {
    assert_eq!(
        rows(
            &["search", "decent work", "--kind", "group"],
            "kind,id,field"
        ),
        ["group,tf-decent-work,name"]
    );
    assert_eq!(
        rows(
            &["search", "Higher Education", "--kind", "deliverable"],
            "kind,id,start"
        ),
        ["deliverable,higher-ed-convention,"]
    );
    let overview = stdout(&[]);
    assert!(overview.contains("     5 groups           3 working groups, 2 task forces\n"));
    assert!(overview
        .contains("    65 deliverables     36 done, 15 in progress, 5 planned, 9 not stated\n"));
}

/// The small fixture with groups and deliverables added, `from` replaced by `to`.
fn with_groups(from: &str, to: &str) -> tempfile::TempPath {
    let text = std::fs::read_to_string(fixture("small.ron")).unwrap();
    let text = text.replacen(
        "    handover: [",
        r#"    groups: [
        Group(id: "wg-test", name: "GMG Working Group on Data and Research", kind: "working-group", area: "Data and Research", chairs: ["WFP"], participants: ["WFP", "fao"], section: "Annex B.2", quote: "GMG Working Group on Data and Research"),
    ],
    deliverables: [
        Deliverable(id: "d-test", title: "A handbook", kind: "guidance", group: "wg-test", lead: ["Someone else"], status: "planned", due: "2017-03-01", precision: "month", section: "Annex C", quote: "will be released shortly"),
    ],
    handover: ["#,
        1,
    );
    let text = text.replacen(
        "section: \"IV\",",
        "groups: [\"wg-test\"], deliverables: [\"d-test\"], section: \"IV\",",
        1,
    );
    assert!(text.contains(from), "fixture lacks {from:?}");
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), text.replacen(from, to, 1)).unwrap();
    file.into_temp_path()
}

#[test]
fn links_must_resolve_and_chairs_must_be_members() {
    let good = with_groups("", "");
    let name = good.display().to_string();
    assert_eq!(
        stdout(&["validate", &name]),
        format!("ok: {name}: 2 events, 1 statement, 2 members, 1 handover item, 1 group, 1 deliverable; every quote found in the report\n")
    );
    let cases = [
        (
            "chairs: [\"WFP\"]",
            "chairs: [\"ESCAP\"]",
            "52:9: group 'wg-test': chairs: 'ESCAP' is not the id of a member; the members are: WFP, FAO",
        ),
        (
            "group: \"wg-test\"",
            "group: \"wg-none\"",
            "55:9: deliverable 'd-test': group: 'wg-none' is not the id of a group; the groups are: wg-test",
        ),
        (
            "groups: [\"wg-test\"]",
            "groups: [\"wg-tset\"]",
            "58:9: handover item 'h1': groups: 'wg-tset' is not the id of a group; the groups are: wg-test",
        ),
        (
            "deliverables: [\"d-test\"]",
            "deliverables: [\"d-tset\"]",
            "58:9: handover item 'h1': deliverables: 'd-tset' is not the id of a deliverable; the deliverables are: d-test",
        ),
        (
            "status: \"planned\"",
            "status: \"soon\"",
            "55:9: deliverable 'd-test': status 'soon' is not one of: done, in-progress, planned",
        ),
        (
            "due: \"2017-03-01\"",
            "due: \"2017-03-15\"",
            "55:9: deliverable 'd-test': due 2017-03-15 has precision 'month', so it must be the first day of its month",
        ),
        (
            ", precision: \"month\"",
            "",
            "55:9: deliverable 'd-test': due and precision must be given together or not at all",
        ),
        (
            "kind: \"working-group\"",
            "kind: \"committee\"",
            "52:9: group 'wg-test': kind 'committee' is not one of: working-group, task-force",
        ),
        (
            "id: \"d-test\"",
            "id: \"wg-test\"",
            "55:9: deliverable 'wg-test': id is also the id of a group; ids are unique across the dataset",
        ),
    ];
    for (from, to, problem) in cases {
        let path = with_groups(from, to);
        let name = path.display().to_string();
        let stderr = fails(&["validate", &name], 1);
        assert!(
            stderr.lines().any(|l| l == format!("  {name}:{problem}")),
            "{from} -> {to}: expected\n  {problem}\nin\n{stderr}"
        );
    }
}
