//! Corrections to the dataset (data/gmg2016.ron), one test per correction. Each fails on the
//! data before the corrections and passes after them.
mod common;
use common::*;
use serde_json::Value;

/// `gmg show ID -f json`: an object {kind, id, record, links}; returns `record`.
fn record(id: &str) -> Value {
    let out = stdout(&["show", id, "-f", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    v["record"].clone()
}

/// The ids of `gmg ARGS -f json` (an array of records).
fn ids(args: &[&str]) -> Vec<String> {
    json(args)
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

// 1
#[test]
fn kyrgyzstan_migration_profiles_are_a_deliverable() {
    let r = record("kyrgyzstan-profiles");
    assert_eq!(r["kind"], "study");
    assert_eq!(r["group"], "wg-mainstreaming");
    assert_eq!(r["status"], "done");
    assert_eq!(r["lead"], serde_json::json!(["Kyrgyzstan"]));
    assert_eq!(r["section"], "Annex B.1");
    assert!(ids(&["deliverables", "--group", "wg-mainstreaming"])
        .contains(&"kyrgyzstan-profiles".to_string()));
}

// 2
#[test]
fn the_central_asia_study_is_a_deliverable_beside_its_presentation() {
    let r = record("central-asia-remit-study");
    assert_eq!(r["kind"], "study");
    assert_eq!(r["group"], "wg-mainstreaming");
    assert_eq!(r["status"], Value::Null);
    assert_eq!(r["lead"], serde_json::json!([]));
    // The presentation stays an event, and its note names the study.
    let out = stdout(&["show", "central-asia-study", "-f", "json"]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["kind"], "event");
    assert_eq!(v["record"]["kind"], "presentation");
    assert!(v["record"]["note"]
        .as_str()
        .unwrap()
        .contains("central-asia-remit-study"));
}

// 3
#[test]
fn the_chair_who_coordinated_the_summit_concept_notes_leads_them() {
    let r = record("summit-concept-notes");
    assert_eq!(r["lead"], serde_json::json!(["UN Women"]));
    assert!(
        ids(&["deliverables", "--lead", "un women"]).contains(&"summit-concept-notes".to_string())
    );
}

// 4
#[test]
fn gfmd_side_events_take_the_year_of_the_only_gfmd_named_at_their_place() {
    let r = record("gfmd-side-event-istanbul");
    assert_eq!(r["start"], "2015-01-01");
    assert_eq!(r["end"], "2015-12-31");
    assert_eq!(r["precision"], "year");
    assert!(ids(&["events", "--year", "2015"]).contains(&"gfmd-side-event-istanbul".to_string()));
    // Both notes state the one rule, and call it an inference.
    let rule = "the only GFMD the report names at the place it gives";
    for id in ["gfmd-side-event-istanbul", "gfmd-2016-ohchr-event"] {
        let note = record(id)["note"].as_str().unwrap().to_string();
        assert!(note.contains(rule), "{id}: {note}");
        assert!(note.contains("our inference"), "{id}: {note}");
    }
}

// 5
#[test]
fn morocco_training_has_no_lead() {
    let r = record("morocco-training");
    assert_eq!(r["lead"], serde_json::json!([]));
    assert!(r["note"].as_str().unwrap().contains("passive"));
}

// 6
#[test]
fn gender_age_indicators_are_in_progress() {
    assert_eq!(record("gender-age-indicators")["status"], "in-progress");
    assert!(ids(&["deliverables", "--status", "in-progress"])
        .contains(&"gender-age-indicators".to_string()));
}

// 7
#[test]
fn micic_local_output_is_not_called_guidance() {
    let r = record("micic-local-output");
    assert_ne!(r["kind"], "guidance");
    assert_eq!(r["kind"], "outcome");
}

// 9
#[test]
fn quito_outcome_quotes_the_outcome_document() {
    let r = record("quito-outcome");
    assert!(r["quote"]
        .as_str()
        .unwrap()
        .contains("quito_outcome_document_en_0.pdf"));
    assert_eq!(
        r["also"],
        serde_json::json!([{"section": "Annex B.4", "quote": "the Quito Forum concentrated on the role of local government in achieving their implementation"}])
    );
}

// 10
#[test]
fn the_expert_group_meeting_does_not_quote_the_consultation_as_its_own() {
    let r = record("egm-migration-sdg-2017");
    // The note says the report does not make the consultation this meeting, so `also` must
    // not quote the consultation passage as support.
    assert!(r["also"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| !s["quote"].as_str().unwrap().contains("first consultation")));
    assert!(r["note"].as_str().unwrap().contains("first consultation"));
}

// 11
#[test]
fn undated_occasions_the_report_names_are_events() {
    for (id, kind) in [
        ("handover-meetings", "meeting"),
        ("comms-meeting-proposed", "meeting"),
        ("study-visit-mexico", "meeting"),
        ("study-visit-moldova", "meeting"),
        ("philippines-exchange", "meeting"),
        ("gfmd-2015-prep-meetings", "gfmd-meeting"),
        ("gfmd-rt-prep-meetings", "gfmd-meeting"),
    ] {
        let out = stdout(&["show", id, "-f", "json"]);
        let v: Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["kind"], "event", "{id}");
        let r = &v["record"];
        assert_eq!(r["kind"], kind, "{id}");
        assert_eq!(r["start"], Value::Null, "{id}");
        assert_eq!(r["end"], Value::Null, "{id}");
        assert_eq!(r["precision"], Value::Null, "{id}");
        assert!(
            r["note"].as_str().unwrap().starts_with("Undated")
                || r["note"].as_str().unwrap().starts_with("Proposed"),
            "{id}"
        );
    }
    // Only the proposed meeting names an organiser: the GMG, which "could hold" it.
    assert_eq!(
        record("comms-meeting-proposed")["organizers"],
        serde_json::json!(["GMG"])
    );
    assert_eq!(
        record("handover-meetings")["organizers"],
        serde_json::json!([])
    );
}

// 12: the flat formats join other passages with "; ", except after a quote that ends a
// sentence, whose own punctuation separates it.
#[test]
fn other_passages_are_joined_without_doubled_punctuation() {
    let out = stdout(&["show", "s12"]);
    assert!(!out.contains(".;"), "{out}");
    assert_eq!(
        column(
            &["statements", "--search", "opening plenary of the 19"],
            "also"
        ),
        [
            "II.2: UN Women's Executive Director as GMG Chair 2016 addressed the Opening Plenary \
          of the 19 September Summit, presenting a joint GMG statement. II.1: the UN Summit for \
          Refugees and Migrants held in New York on 19 September 2016"
        ]
    );
    let csv = stdout(&["statements", "--fields", "id,also", "-f", "csv"]);
    assert!(!csv.contains(".;"), "{csv}");
}

// 13
#[test]
fn a_deadline_is_recorded_to_the_period_the_report_gives() {
    let r = record("un-progress-report");
    // Due by the end of the period: the last day of September 2017.
    assert_eq!(r["due"], "2017-09-30");
    assert_eq!(r["precision"], "month");
    // "by third quarter of 2017" ends in September 2017.
    assert_eq!(
        ids(&["deliverables", "--month", "2017-09"]),
        ["un-progress-report"]
    );
    // The others keep their precision.
    let due: Vec<(String, String, String)> = json(&["deliverables"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["due"].is_null())
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["due"].as_str().unwrap().to_string(),
                d["precision"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let want = [
        ("gmg-role-document", "2016-12-31", "year"),
        ("rpi-publications", "2016-12-31", "month"),
        ("hrc-progress-report", "2017-03-31", "month"),
        ("remittances-paper", "2017-07-31", "day"),
        ("micic-local-output", "2017-08-31", "month"),
        ("un-progress-report", "2017-09-30", "month"),
    ];
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
        .collect();
    assert_eq!(due, want);
    // Every note of a deliverable with a due date says by when it is due.
    for d in json(&["deliverables"]).as_array().unwrap() {
        if !d["due"].is_null() {
            assert!(
                d["note"].as_str().unwrap().contains("due by"),
                "{}",
                d["id"]
            );
        }
    }
}
