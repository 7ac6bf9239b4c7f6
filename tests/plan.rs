//! The report's intentions: the Chair's objectives and planned activities, the headline
//! accomplishments, the Annex C proposals and the Chairs, their links, and the
//! follow-through view that counts what carried each objective out.

mod common;

use std::collections::HashMap;

use common::{column, fails, fixture_arg, json, links, rows, stdout};
use serde_json::Value;

#[test]
fn three_objectives_and_the_activities_annex_a_plans_under_the_first() {
    assert_eq!(
        rows(&["objectives"], "id,kind,under"),
        [
            "objective-1,objective,",
            "objective-2,objective,",
            "objective-3,objective,",
            "activity-1-1,activity,objective-1",
            "activity-1-2,activity,objective-1",
            "activity-1-3,activity,objective-1",
            "activity-1-3-gfmd,activity,activity-1-3",
            "activity-1-3-csw,activity,activity-1-3",
            "activity-1-3-cpd,activity,activity-1-3",
            "activity-1-3-whs,activity,activity-1-3",
            "activity-1-3-summit,activity,activity-1-3",
            "activity-1-4,activity,objective-1",
            "activity-1-5,activity,objective-1",
        ]
    );
    assert_eq!(
        column(&["objectives", "--kind", "objective"], "id"),
        ["objective-1", "objective-2", "objective-3"]
    );
    // Where the report lists no activity for an objective, its note says so.
    for id in ["objective-2", "objective-3"] {
        let note = json(&["show", id])["record"]["note"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(note.contains("no planned activities"), "{id}: {note}");
    }
}

#[test]
fn six_accomplishments_one_per_part_of_section_ii() {
    assert_eq!(
        rows(&["accomplishments"], "id,section"),
        [
            "ii-1,II.1",
            "ii-2,II.2",
            "ii-3,II.3",
            "ii-4,II.4",
            "ii-5,II.5",
            "ii-6,II.6"
        ]
    );
    // II.1 names its seven multi-stakeholder meetings, and the report of them.
    assert_eq!(
        rows(&["accomplishments", "--section", "II.1"], "records"),
        [
            "msm-2016-04-25; msm-2016-06-30; msm-2016-07-13; msm-2016-07-20; msm-2016-09-13; \
          msm-2016-10-18; msm-2016-10-31; msm-outcome-report"
        ]
    );
}

#[test]
fn six_entry_points_with_the_declaration_paragraphs_they_answer() {
    assert_eq!(
        rows(&["proposals"], "number,paragraphs,records"),
        [
            "i,90,h15; h09",
            "ii,88,un-progress-report; h17",
            "iii,39; 14,comms-meeting-proposed; h04",
            "iv,,h15; h07",
            "v,40,migration-data-handbook; gender-age-indicators; h11",
            "vi,51,principles-guidelines; hrc-progress-report",
        ]
    );
    assert_eq!(
        column(&["proposals", "--paragraph", "88"], "id"),
        ["entry-point-ii"]
    );
    assert!(column(&["proposals", "--paragraph", "7"], "id").is_empty());
}

#[test]
fn who_chairs_when() {
    let chair = |year: &str| {
        rows(
            &["chairs", "--year", year, "--body", "gmg", "--role", "chair"],
            "entities",
        )
    };
    assert_eq!(chair("2015"), ["World Bank"]);
    assert_eq!(chair("2016"), ["UN Women"]);
    assert_eq!(chair("2017"), ["UNU"]);
    assert_eq!(
        rows(&["chairs", "--body", "gfmd"], "year,entities"),
        ["2016,Bangladesh"]
    );
    assert_eq!(
        rows(&["chairs", "--role", "handover"], "year,entities,records"),
        ["2016,UN Women; UNU,working-level-2016-11-28"]
    );
    assert_eq!(
        column(&["chairs", "--role", "troika"], "entities"),
        ["World Bank", "UN Women", "UNU"]
    );
    // Any spelling of an entity, through the one index.
    assert_eq!(
        column(
            &["chairs", "--entity", "the UN University", "--role", "chair"],
            "id"
        ),
        ["gmg-chair-2017"]
    );
    assert_eq!(
        fails(&["chairs", "--entity", "unuu"], 2)
            .lines()
            .next()
            .unwrap(),
        "error: invalid value 'unuu' for '--entity <NAME>': no entity in the report is called \
         that; did you mean UNU, UNDP, UNEP, UN GA or UNFPA? (gmg members lists the members)"
    );
    // "Who chairs next?" is found by search.
    assert!(column(&["search", "next chair"], "id").contains(&"gmg-troika-unu".to_string()));
}

/// The kind of every record id, from the listings.
fn kinds() -> HashMap<String, &'static str> {
    let mut kinds = HashMap::new();
    for (collection, kind) in [
        ("events", "event"),
        ("statements", "statement"),
        ("deliverables", "deliverable"),
        ("handover", "handover"),
    ] {
        for id in column(&[collection], "id") {
            kinds.insert(id, kind);
        }
    }
    kinds
}

#[test]
fn the_follow_through_counts_exactly_the_links() {
    let kinds = kinds();
    let objectives = json(&["objectives"]);
    let objectives = objectives.as_array().unwrap();
    let handover = json(&["handover"]);
    let plan = json(&["plan"]);
    let plan = plan.as_array().unwrap();
    assert_eq!(plan.len(), objectives.len());
    let ids = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect()
    };
    for row in plan {
        let id = row["id"].as_str().unwrap();
        // The objective and every activity under it, at any depth.
        let mut within = vec![id.to_string()];
        loop {
            let more: Vec<String> = objectives
                .iter()
                .filter(|o| within.contains(&o["under"].as_str().unwrap_or("").to_string()))
                .map(|o| o["id"].as_str().unwrap().to_string())
                .filter(|o| !within.contains(o))
                .collect();
            if more.is_empty() {
                break;
            }
            within.extend(more);
        }
        let mut linked: Vec<String> = Vec::new();
        for o in objectives
            .iter()
            .filter(|o| within.contains(&o["id"].as_str().unwrap().to_string()))
        {
            for r in ids(&o["records"]) {
                if !linked.contains(&r) {
                    linked.push(r);
                }
            }
        }
        let count = |kind: &str| {
            linked
                .iter()
                .filter(|r| kinds.get(*r) == Some(&kind))
                .count()
        };
        for (field, kind) in [
            ("events", "event"),
            ("statements", "statement"),
            ("deliverables", "deliverable"),
        ] {
            assert_eq!(
                row[field].as_u64().unwrap() as usize,
                count(kind),
                "{id} {field}"
            );
        }
        let handed: Vec<String> = handover
            .as_array()
            .unwrap()
            .iter()
            .filter(|h| {
                let h_id = h["id"].as_str().unwrap().to_string();
                linked.contains(&h_id) || ids(&h["deliverables"]).iter().any(|d| linked.contains(d))
            })
            .map(|h| h["id"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(ids(&row["handover"]), handed, "{id}");
    }
    // A planned activity nothing carried out says so plainly.
    let whs = plan.iter().find(|r| r["id"] == "activity-1-3-whs").unwrap();
    assert_eq!(whs["carried"], "nothing recorded");
    let remittances = plan.iter().find(|r| r["id"] == "activity-1-5").unwrap();
    assert_eq!(
        remittances["carried"],
        "1 deliverable; carried forward in h19"
    );
}

#[test]
fn the_follow_through_reads_at_80_columns() {
    let out = common::gmg()
        .env("COLUMNS", "80")
        .args(["plan"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    assert!(text.starts_with("id "), "{text}");
    assert!(text.contains("forward in h19"), "{text}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn cards_link_both_ways() {
    let objective = links("activity-1-3");
    assert!(
        objective.contains(&"planned under: objective-1".to_string()),
        "{objective:?}"
    );
    assert!(
        objective.contains(&"planned under it: activity-1-3-csw".to_string()),
        "{objective:?}"
    );
    assert!(links("h19").contains(&"carries out: activity-1-5".to_string()));
    assert!(links("un-progress-report").contains(&"carries: entry-point-ii".to_string()));
    assert!(links("gmg-chair-2017").contains(&"the entity: UNU".to_string()));
}

#[test]
fn the_database_holds_the_new_collections_and_their_links() {
    let out = stdout(&[
        "sql",
        "select (select count(*) from objectives), (select count(*) from accomplishments), \
         (select count(*) from proposals), (select count(*) from chairs), \
         (select count(*) from record_links), (select count(*) from chair_entities)",
        "-f",
        "csv",
        "--no-header",
    ]);
    let links: usize = ["objectives", "accomplishments", "proposals", "chairs"]
        .iter()
        .map(|c| {
            json(&[c])
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r["records"].as_array().unwrap().len())
                .sum::<usize>()
        })
        .sum();
    assert_eq!(out, format!("13,6,6,11,{links},12\n"));
    assert_eq!(
        stdout(&["sql", "select entities from chairs c join (select chair_id, group_concat(name, '; ') entities from chair_entities group by chair_id) e on e.chair_id = c.id where c.year = 2017 and c.role = 'chair'", "-f", "csv", "--no-header"]),
        "UNU\n"
    );
}

/// The small fixture with `extra` added to its lists.
fn small_with(extra: &str) -> (tempfile::TempDir, String) {
    let small = std::fs::read_to_string(fixture_arg("small.ron")).unwrap();
    let at = small.rfind(')').unwrap();
    let text = format!("{}{extra}\n)\n", &small[..at]);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("d.ron");
    std::fs::write(&path, text).unwrap();
    let shown = path.display().to_string();
    (dir, shown)
}

#[test]
fn links_to_nothing_are_refused_at_load() {
    let (_dir, path) = small_with(
        r#"    objectives: [
        Objective(id: "o1", title: "An objective", records: ["retreat", "nowhere"], section: "III", quote: "Objective 1: Ensuring that both men and women are impacted positively"),
        Objective(id: "a1", under: "o9", title: "An activity", section: "Annex A", quote: "Supporting global and regional policy development"),
    ],
    chairs: [
        Chair(id: "c1", body: "UN", role: "chair", entities: ["UNU"], year: 2017, section: "IV", quote: "UN Women as Chair handed over the role of Chairing the GMG"),
    ],"#,
    );
    let err = fails(&["validate", &path], 1);
    let lines: Vec<&str> = err
        .lines()
        .map(|l| l.split_once(": ").map_or(l, |(_, m)| m))
        .collect();
    assert!(
        err.contains("objective 'o1': records: 'nowhere' is not the id of any record"),
        "{err}"
    );
    assert!(
        err.contains("objective 'a1': under: 'o9' is not the id of another objective"),
        "{err}"
    );
    assert!(err.contains("body 'UN' is not one of: GMG, GFMD"), "{err}");
    assert_eq!(lines.len(), 4, "{err}");
}

#[test]
fn activities_nest_two_levels_at_most() {
    let (_dir, path) = small_with(
        r#"    objectives: [
        Objective(id: "o1", title: "An objective", section: "III", quote: "Objective 1: Ensuring that both men and women are impacted positively"),
        Objective(id: "a1", under: "o1", title: "An activity", section: "Annex A", quote: "Supporting global and regional policy development"),
        Objective(id: "p1", under: "a1", title: "A part", section: "Annex A", quote: "Supporting global and regional policy development"),
        Objective(id: "q1", under: "p1", title: "A part of a part", section: "Annex A", quote: "Supporting global and regional policy development"),
        Objective(id: "s1", under: "s1", title: "Itself", section: "Annex A", quote: "Supporting global and regional policy development"),
    ],"#,
    );
    let err = fails(&["validate", &path], 1);
    assert!(
        err.contains(
            "objective 'q1': under: 'p1' is itself a part of an activity (an activity may have \
             parts, but they have none)"
        ),
        "{err}"
    );
    assert!(
        err.contains("objective 's1': under: 's1' is the objective itself"),
        "{err}"
    );
    assert!(err.starts_with("error: 2 problems in "), "{err}");
}

#[test]
fn a_chair_named_only_by_a_chair_record_is_an_entity() {
    let (_dir, path) = small_with(
        r#"    chairs: [
        Chair(id: "c1", body: "GFMD", role: "chair", entities: ["Germany"], year: 2017, section: "IV", quote: "UN Women as Chair handed over the role of Chairing the GMG"),
    ],"#,
    );
    assert_eq!(
        column(&["chairs", "--entity", "germany", "--data", &path], "id"),
        ["c1"]
    );
}
