//! The raw types: a dataset file's shape exactly, as serde reads it from RON, nothing checked
//! yet. Shared with the build script, which reads the embedded dataset with them.

use serde::{Deserialize, Serialize};

/// The whole file, read at once. Loading reads `parse::Parsed` instead, which checks each
/// record as it is read; this form is what the tests write with the ron crate.
#[allow(dead_code)]
#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Dataset", deny_unknown_fields)]
pub struct RawDataset {
    pub report: RawReport,
    #[serde(default)]
    pub events: Vec<RawEvent>,
    #[serde(default)]
    pub statements: Vec<RawStatement>,
    #[serde(default)]
    pub members: Vec<RawMember>,
    #[serde(default)]
    pub handover: Vec<RawHandover>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Report", deny_unknown_fields)]
pub struct RawReport {
    pub title: String,
    pub chair: String,
    pub year: i32,
    pub start: String,
    pub end: String,
    pub source: String,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct RawSource {
    pub section: String,
    pub quote: String,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Event", deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub precision: Option<String>,
    pub title: String,
    pub kind: String,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub organizers: Vec<String>,
    pub section: String,
    pub quote: String,
    #[serde(default)]
    pub also: Vec<RawSource>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Statement", deny_unknown_fields)]
pub struct RawStatement {
    pub id: String,
    pub start: String,
    pub end: String,
    pub title: String,
    pub event: String,
    #[serde(default)]
    pub location: Option<String>,
    pub section: String,
    pub quote: String,
    #[serde(default)]
    pub also: Vec<RawSource>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Member", deny_unknown_fields)]
pub struct RawMember {
    pub acronym: String,
    pub name: String,
    #[serde(default)]
    pub added: Option<i32>,
    pub section: String,
    pub quote: String,
    #[serde(default)]
    pub also: Vec<RawSource>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Handover", deny_unknown_fields)]
pub struct RawHandover {
    pub id: String,
    pub chairs: Vec<String>,
    pub text: String,
    pub section: String,
    pub quote: String,
    #[serde(default)]
    pub note: Option<String>,
}
