//! The report's intentions and who carries them: the Chair's objectives and planned
//! activities, the headline accomplishments of section II, the Annex C proposals for the
//! follow-up to the New York Declaration, and the Chairs. Each links to the records that
//! carry it out by their ids (`records`), every one checked to exist.

use super::{DateSpan, List, Source, Text};

/// One of the Chair's three objectives, or a planned activity under one: `under` names the
/// objective (or the activity) it belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Objective {
    pub id: Text,
    pub under: Option<Text>,
    pub title: Text,
    /// The records that carried it out, where the report's words support the link.
    pub records: List<Text>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

impl Objective {
    /// "objective" or "activity".
    pub fn kind(&self) -> &'static str {
        if self.under.is_some() {
            "activity"
        } else {
            "objective"
        }
    }
}

/// A headline accomplishment of section II (II.1 to II.6).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accomplishment {
    pub id: Text,
    pub title: Text,
    /// The records its paragraphs name.
    pub records: List<Text>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

/// An entry point of Annex C for the GMG's follow-up to the New York Declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub id: Text,
    /// Its number in Annex C ("i" to "vi").
    pub number: Text,
    pub title: Text,
    /// The paragraphs of the New York Declaration it answers, where the report gives them.
    pub paragraphs: List<Text>,
    /// What the GMG would do.
    pub text: Text,
    /// The deliverables, handover items and events that carry it.
    pub records: List<Text>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

/// Who chairs, or chaired, the GMG or the GFMD; the troika; the handover between Chairs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chair {
    pub id: Text,
    /// "GMG" or "GFMD".
    pub body: Text,
    /// "chair", "troika" or "handover".
    pub role: Text,
    /// The entities, as the records name them (the Chair; the outgoing and incoming
    /// Chairs of a handover).
    pub entities: List<Text>,
    /// The year, where the report gives it, as a span of that year.
    pub span: Option<DateSpan>,
    pub records: List<Text>,
    pub section: Text,
    pub quote: Text,
    pub also: List<Source>,
    pub note: Option<Text>,
}

/// The bodies a Chair may chair, and the roles.
pub const BODIES: [&str; 2] = ["GMG", "GFMD"];
pub const ROLES: [&str; 3] = ["chair", "troika", "handover"];
