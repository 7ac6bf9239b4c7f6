//! The raw types: a dataset file's shape exactly, as serde reads it from RON, nothing checked
//! yet. Shared with the build script, which reads the embedded dataset with them.
//!
//! Their text borrows from the file wherever it can (a string with no escapes is a slice of
//! the file), so reading a large file copies and allocates no string it does not have to.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

use serde::de::{Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// A string as read: a slice of the file's text when it has no escapes, else owned.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Str<'a>(pub Cow<'a, str>);

impl Deref for Str<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl From<&'static str> for Str<'static> {
    fn from(text: &'static str) -> Self {
        Str(Cow::Borrowed(text))
    }
}

impl From<String> for Str<'_> {
    fn from(text: String) -> Self {
        Str(Cow::Owned(text))
    }
}

/// Text read from a file that lives as long as the program becomes the model's text as it
/// is: borrowed stays borrowed.
impl From<Str<'static>> for Cow<'static, str> {
    fn from(text: Str<'static>) -> Self {
        text.0
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct StrVisitor;
        impl<'de> Visitor<'de> for StrVisitor {
            type Value = Str<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Borrowed(text)))
            }
            fn visit_str<E>(self, text: &str) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(text.to_string())))
            }
            fn visit_string<E>(self, text: String) -> Result<Str<'de>, E> {
                Ok(Str(Cow::Owned(text)))
            }
        }
        deserializer.deserialize_str(StrVisitor)
    }
}

impl Serialize for Str<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

/// The whole file, read at once. Loading reads `parse::Parsed` instead, which checks each
/// record as it is read; this form is what the tests write with the ron crate.
#[allow(dead_code)]
#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(
    rename = "Dataset",
    deny_unknown_fields,
    bound(deserialize = "'de: 'a")
)]
pub struct RawDataset<'a> {
    pub report: RawReport<'a>,
    #[serde(default)]
    pub events: Vec<RawEvent<'a>>,
    #[serde(default)]
    pub statements: Vec<RawStatement<'a>>,
    #[serde(default)]
    pub members: Vec<RawMember<'a>>,
    #[serde(default)]
    pub entities: Vec<RawEntity<'a>>,
    #[serde(default)]
    pub handover: Vec<RawHandover<'a>>,
    #[serde(default)]
    pub groups: Vec<RawGroup<'a>>,
    #[serde(default)]
    pub deliverables: Vec<RawDeliverable<'a>>,
    #[serde(default)]
    pub objectives: Vec<RawObjective<'a>>,
    #[serde(default)]
    pub accomplishments: Vec<RawAccomplishment<'a>>,
    #[serde(default)]
    pub proposals: Vec<RawProposal<'a>>,
    #[serde(default)]
    pub chairs: Vec<RawChair<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Report", deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawReport<'a> {
    pub title: Str<'a>,
    pub chair: Str<'a>,
    pub year: i32,
    pub start: Str<'a>,
    pub end: Str<'a>,
    pub source: Str<'a>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Source", deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawSource<'a> {
    pub section: Str<'a>,
    pub quote: Str<'a>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Event", deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawEvent<'a> {
    pub id: Str<'a>,
    #[serde(default)]
    pub start: Option<Str<'a>>,
    #[serde(default)]
    pub end: Option<Str<'a>>,
    #[serde(default)]
    pub precision: Option<Str<'a>>,
    pub title: Str<'a>,
    pub kind: Str<'a>,
    #[serde(default)]
    pub location: Option<Str<'a>>,
    #[serde(default)]
    pub organizers: Vec<Str<'a>>,
    #[serde(default)]
    pub group: Option<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(
    rename = "Statement",
    deny_unknown_fields,
    bound(deserialize = "'de: 'a")
)]
pub struct RawStatement<'a> {
    pub id: Str<'a>,
    pub start: Str<'a>,
    pub end: Str<'a>,
    pub title: Str<'a>,
    pub event: Str<'a>,
    #[serde(default)]
    pub location: Option<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Member", deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawMember<'a> {
    pub acronym: Str<'a>,
    pub name: Str<'a>,
    #[serde(default)]
    pub aliases: Vec<Str<'a>>,
    #[serde(default)]
    pub added: Option<i32>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Entity", deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawEntity<'a> {
    pub acronym: Str<'a>,
    pub name: Str<'a>,
    #[serde(default)]
    pub aliases: Vec<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(
    rename = "Handover",
    deny_unknown_fields,
    bound(deserialize = "'de: 'a")
)]
pub struct RawHandover<'a> {
    pub id: Str<'a>,
    pub chairs: Vec<Str<'a>>,
    pub text: Str<'a>,
    #[serde(default)]
    pub groups: Vec<Str<'a>>,
    #[serde(default)]
    pub deliverables: Vec<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Group", deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawGroup<'a> {
    pub id: Str<'a>,
    pub name: Str<'a>,
    pub kind: Str<'a>,
    pub area: Str<'a>,
    #[serde(default)]
    pub chairs: Vec<Str<'a>>,
    #[serde(default)]
    pub participants: Vec<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(
    rename = "Deliverable",
    deny_unknown_fields,
    bound(deserialize = "'de: 'a")
)]
pub struct RawDeliverable<'a> {
    pub id: Str<'a>,
    pub title: Str<'a>,
    pub kind: Str<'a>,
    #[serde(default)]
    pub group: Option<Str<'a>>,
    #[serde(default)]
    pub lead: Vec<Str<'a>>,
    #[serde(default)]
    pub status: Option<Str<'a>>,
    #[serde(default)]
    pub due: Option<Str<'a>>,
    #[serde(default)]
    pub precision: Option<Str<'a>>,
    #[serde(default)]
    pub url: Option<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(
    rename = "Objective",
    deny_unknown_fields,
    bound(deserialize = "'de: 'a")
)]
pub struct RawObjective<'a> {
    pub id: Str<'a>,
    #[serde(default)]
    pub under: Option<Str<'a>>,
    pub title: Str<'a>,
    #[serde(default)]
    pub records: Vec<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(
    rename = "Accomplishment",
    deny_unknown_fields,
    bound(deserialize = "'de: 'a")
)]
pub struct RawAccomplishment<'a> {
    pub id: Str<'a>,
    pub title: Str<'a>,
    #[serde(default)]
    pub records: Vec<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(
    rename = "Proposal",
    deny_unknown_fields,
    bound(deserialize = "'de: 'a")
)]
pub struct RawProposal<'a> {
    pub id: Str<'a>,
    pub number: Str<'a>,
    pub title: Str<'a>,
    #[serde(default)]
    pub paragraphs: Vec<Str<'a>>,
    pub text: Str<'a>,
    #[serde(default)]
    pub records: Vec<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}

#[derive(Debug, PartialEq, Deserialize, Serialize)]
#[serde(rename = "Chair", deny_unknown_fields, bound(deserialize = "'de: 'a"))]
pub struct RawChair<'a> {
    pub id: Str<'a>,
    pub body: Str<'a>,
    pub role: Str<'a>,
    pub entities: Vec<Str<'a>>,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub records: Vec<Str<'a>>,
    pub section: Str<'a>,
    pub quote: Str<'a>,
    #[serde(default)]
    pub also: Vec<RawSource<'a>>,
    #[serde(default)]
    pub note: Option<Str<'a>>,
}
