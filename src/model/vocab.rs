//! The fixed vocabularies of the dataset: event kinds, group kinds, deliverable kinds and
//! statuses. Each is one table (the variant, the name used in data files, output and on the
//! command line, and what it means), from which the type, its names and its help come.

/// Defines a vocabulary from one table.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $ty:ident { $($variant:ident => $name:literal, $what:literal;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
        pub enum $ty {
            $(#[doc = $what] $variant,)*
        }

        impl $ty {
            /// Every value, in the order the vocabulary lists them.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),*];

            /// The kebab-case name used in data files, output and on the command line.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }

            /// What the value means.
            pub fn describe(self) -> &'static str {
                match self {
                    $($ty::$variant => $what,)*
                }
            }

            /// Parses the name used in data files and on the command line.
            pub fn parse(name: &str) -> Option<$ty> {
                $ty::ALL.iter().copied().find(|k| k.as_str() == name)
            }

            /// Every name, for messages.
            pub fn names() -> Vec<&'static str> {
                $ty::ALL.iter().map(|k| k.as_str()).collect()
            }
        }
    };
}

vocabulary! {
    /// The vocabulary of event kinds.
    EventKind {
        MultiStakeholderMeeting => "multi-stakeholder-meeting", "The GMG's multi-stakeholder meetings (the seven of II.1 and the like)";
        PrincipalsMeeting => "principals-meeting", "A meeting of the GMG Principals";
        WorkingLevelMeeting => "working-level-meeting", "A GMG working-level meeting";
        TroikaMeeting => "troika-meeting", "A GFMD-GMG Troika meeting";
        Retreat => "retreat", "A GMG retreat";
        Summit => "summit", "A summit other than the GFMD's";
        GfmdSummit => "gfmd-summit", "A GFMD Summit";
        GfmdWorkshop => "gfmd-workshop", "A GFMD thematic workshop";
        GfmdMeeting => "gfmd-meeting", "Any other GFMD meeting";
        Session => "session", "A session of a commission, committee, council, assembly or governing body";
        SideEvent => "side-event", "A side event";
        Panel => "panel", "A panel or roundtable";
        Dialogue => "dialogue", "A dialogue";
        Conference => "conference", "A conference";
        Meeting => "meeting", "Any other meeting";
        Forum => "forum", "A forum";
        Academy => "academy", "An academy or training course held as an event";
        BoardMeeting => "board-meeting", "A project board meeting";
        Launch => "launch", "The launch of a course, tool or guidelines";
        Presentation => "presentation", "The presentation of a study or report";
        Decision => "decision", "A decision the report dates without naming the meeting that took it";
        Establishment => "establishment", "The establishment of a group";
    }
}

vocabulary! {
    /// What a GMG group is.
    GroupKind {
        WorkingGroup => "working-group", "A GMG Working Group";
        TaskForce => "task-force", "A GMG Task Force";
    }
}

vocabulary! {
    /// The vocabulary of deliverable kinds.
    DeliverableKind {
        Report => "report", "A report: a stocktaking, a progress or outcome report, a document of the GMG's position";
        Paper => "paper", "A background or policy paper";
        ConceptNote => "concept-note", "A concept note";
        Guidance => "guidance", "A guidance note, handbook, key messages or an outline of briefs";
        Principles => "principles", "Principles, guidelines or a convention that set a standard";
        Study => "study", "A study, research, an analysis or a mapping";
        Publication => "publication", "A newsletter or another publication";
        Course => "course", "A course, online or in person";
        Training => "training", "Training given to officials or staff";
        Tool => "tool", "A tool: an inventory, a website, a toolbox and its translations";
        Indicators => "indicators", "Work on indicators and their methodology";
        Plan => "plan", "A work plan or a chairmanship's concept note";
        Outcome => "outcome", "The outcome document or declaration of a meeting";
    }
}

vocabulary! {
    /// How far a deliverable has come, as the report states it.
    Status {
        Done => "done", "The report says it was produced: drafted, prepared, launched, completed";
        InProgress => "in-progress", "The report says it is under way: being drafted, under finalisation";
        Planned => "planned", "The report says it will be produced";
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_round_trips_through_its_name() {
        for kind in EventKind::ALL {
            assert_eq!(EventKind::parse(kind.as_str()), Some(*kind));
        }
        for kind in DeliverableKind::ALL {
            assert_eq!(DeliverableKind::parse(kind.as_str()), Some(*kind));
        }
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(*status));
        }
        assert_eq!(
            EventKind::MultiStakeholderMeeting.as_str(),
            "multi-stakeholder-meeting"
        );
        assert_eq!(EventKind::parse("Summit"), None);
        assert_eq!(Status::parse("in-progress"), Some(Status::InProgress));
    }
}
