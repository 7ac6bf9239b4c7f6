//! What each table and column of the database holds, in words: for datasette's metadata
//! (`gmg export FILE --metadata META.json`). A test checks that every table and column of an
//! export has a description here.

/// A table or view, what it holds, and the columns that mean something of their own in it.
pub struct Described {
    pub table: &'static str,
    pub what: &'static str,
    pub columns: &'static [(&'static str, &'static str)],
}

/// Columns that mean the same wherever they are, described once.
const COMMON: &[(&str, &str)] = &[
    (
        "id",
        "The record's id, unique across the dataset (records.id)",
    ),
    ("title", "The record's title"),
    ("kind", "The record's kind, from the dataset's vocabulary"),
    (
        "start_date",
        "The first day (ISO 8601); with date_precision month, the month's first day",
    ),
    (
        "end_date",
        "The last day (ISO 8601); with date_precision month, the month's last day",
    ),
    (
        "due_date",
        "The deadline: the last day of the period the report gives (ISO 8601)",
    ),
    (
        "date_precision",
        "How exactly the report dates the record: day, month or year",
    ),
    ("location", "Where it took place, as the report says"),
    (
        "section",
        "The section of the report the record comes from (II.3, Annex A, …)",
    ),
    ("quote", "The report's words the record rests on, verbatim"),
    (
        "note",
        "An editor's note on the record, where one is needed",
    ),
    (
        "position",
        "The item's place in its list, from 1, in the report's order",
    ),
    ("name", "The item as the report writes it"),
    (
        "member",
        "The member the item names (members.acronym), where it names one",
    ),
    ("event_id", "The event (events.id)"),
    ("group_id", "The working group or task force (groups.id)"),
    ("handover_id", "The handover item (handover.id)"),
    ("deliverable_id", "The deliverable (deliverables.id)"),
    ("record_id", "The record (records.id)"),
    (
        "status",
        "done, in-progress or planned, where the report says",
    ),
];

pub const TABLES: &[Described] = &[
    Described {
        table: "report",
        what: "The report the data is drawn from, and what wrote this database",
        columns: &[
            ("title", "The report's title"),
            ("chair", "The GMG Chair that wrote the report"),
            ("year", "The year of the Chair"),
            ("period_start", "The first day of the period the report covers"),
            ("period_end", "The last day of the period the report covers"),
            ("source", "The report's file"),
            ("dataset", "The dataset the records come from"),
            ("gmg_version", "The version of gmg that wrote this database"),
        ],
    },
    Described {
        table: "records",
        what: "Every record of every collection, by its id",
        columns: &[
            ("kind", "The collection: event, statement, member, handover, group, deliverable, objective, accomplishment, proposal or chair"),
            ("title", "The record's title (a member's name, a handover item's text)"),
        ],
    },
    Described {
        table: "members",
        what: "The members of the Global Migration Group",
        columns: &[
            ("acronym", "The member's acronym, its id (UN Women, IOM)"),
            ("name", "The member's full name"),
            ("added", "The year the member joined, where the report gives it"),
        ],
    },
    Described {
        table: "entities",
        what: "Entities other than members that the records name in several ways (ITC-ILO)",
        columns: &[
            ("acronym", "The entity's acronym"),
            ("name", "The entity's full name"),
        ],
    },
    Described {
        table: "aliases",
        what: "Other spellings the report uses for a member or an entity (UNDESA for UN DESA)",
        columns: &[
            ("entity", "The member's or entity's acronym"),
            ("alias", "The other spelling"),
        ],
    },
    Described {
        table: "groups",
        what: "The GMG's working groups and task forces",
        columns: &[
            ("name", "The group's name"),
            ("kind", "working-group or task-force"),
            ("area", "What the group works on"),
        ],
    },
    Described {
        table: "events",
        what: "Meetings, summits and other events the report names",
        columns: &[
            ("start_date", "The first day (ISO 8601), NULL where the report gives no date; with date_precision month, the month's first day"),
            ("end_date", "The last day (ISO 8601), NULL where the report gives no date"),
            ("kind", "The kind of event (meeting, summit, side-event, …)"),
            ("group_id", "The working group or task force that held it (groups.id)"),
        ],
    },
    Described {
        table: "statements",
        what: "Statements the GMG Chair delivered, each at an event",
        columns: &[
            ("event_id", "The event it was delivered at (events.id)"),
            ("location", "Where it was delivered, where it differs from the event's"),
        ],
    },
    Described {
        table: "handover",
        what: "The items the Chair hands over to the next Chair",
        columns: &[
            ("position", "The item's place in the report's list"),
            ("text", "The item as the report writes it"),
        ],
    },
    Described {
        table: "deliverables",
        what: "Products and activities of the groups and the GMG: publications, tools, meetings",
        columns: &[
            ("kind", "The kind of deliverable (publication, tool, …)"),
            ("group_id", "The working group or task force it belongs to (groups.id)"),
            ("url", "Where it can be found, where the report gives an address"),
        ],
    },
    Described {
        table: "event_organizers",
        what: "The organisers of each event, in the report's order",
        columns: &[],
    },
    Described {
        table: "handover_chairs",
        what: "The Chairs each handover item lists",
        columns: &[],
    },
    Described {
        table: "handover_groups",
        what: "The groups a handover item names",
        columns: &[],
    },
    Described {
        table: "handover_deliverables",
        what: "The deliverables a handover item names",
        columns: &[],
    },
    Described {
        table: "group_chairs",
        what: "The members that co-chair each group",
        columns: &[("member", "The co-chairing member (members.acronym)")],
    },
    Described {
        table: "group_participants",
        what: "The members that take part in each group",
        columns: &[("member", "The member taking part (members.acronym)")],
    },
    Described {
        table: "deliverable_leads",
        what: "The leads of each deliverable, in the report's order",
        columns: &[],
    },
    Described {
        table: "objectives",
        what: "The Chair's objectives, and the activities planned under them (III, Annex A)",
        columns: &[
            ("position", "The place in the report's order"),
            ("kind", "objective or activity"),
            ("under", "The objective (or activity) an activity stands under (objectives.id)"),
        ],
    },
    Described {
        table: "accomplishments",
        what: "The headline accomplishments of section II",
        columns: &[],
    },
    Described {
        table: "proposals",
        what: "Annex C's entry points for the follow-up to the New York Declaration",
        columns: &[
            ("number", "The entry point's number, i to vi"),
            ("text", "What the GMG would do"),
        ],
    },
    Described {
        table: "proposal_paragraphs",
        what: "The paragraphs of the New York Declaration an entry point answers",
        columns: &[
            ("proposal_id", "The entry point (proposals.id)"),
            ("paragraph", "The paragraph's number in the Declaration"),
        ],
    },
    Described {
        table: "chairs",
        what: "Chairs of the GMG and the GFMD, the troika, and the handover between Chairs",
        columns: &[
            ("body", "GMG or GFMD"),
            ("role", "chair, troika or handover"),
            ("year", "The year, where the report gives it"),
        ],
    },
    Described {
        table: "chair_entities",
        what: "The entities each Chair record names",
        columns: &[("chair_id", "The Chair record (chairs.id)")],
    },
    Described {
        table: "record_links",
        what: "What an objective, accomplishment, proposal or Chair links to: the records that carried it out, that its paragraphs name, or that carry it",
        columns: &[
            ("record_id", "The linking record (records.id)"),
            ("target_id", "The record linked to (records.id)"),
        ],
    },
    Described {
        table: "also",
        what: "Other passages of the report that support a record",
        columns: &[
            ("section", "The section of the report the passage is in"),
            ("quote", "The passage, verbatim"),
        ],
    },
    Described {
        table: "search",
        what: "Full text of every record (FTS5): select kind, id from search where search match 'xenophobia'",
        columns: &[
            ("kind", "The record's collection (records.kind)"),
            ("title", "The record's title (a member's name, a handover item's text)"),
            ("body", "Every other text field of the record, other passages included, one a line"),
        ],
    },
    Described {
        table: "statement_events",
        what: "Each statement with its event: where it was delivered, and who organised the occasion",
        columns: &[
            ("id", "The statement (statements.id)"),
            ("title", "The statement's title"),
            ("event_title", "The event's title"),
            ("event_kind", "The event's kind"),
            ("location", "Where the statement was delivered (the statement's, else the event's)"),
            ("organizers", "The event's organisers, separated by '; '"),
        ],
    },
    Described {
        table: "member_roles",
        what: "Each member with every role the dataset gives it",
        columns: &[
            ("member", "The member (members.acronym)"),
            ("role", "co-chairs, takes part in, leads, organised or is a Chair of"),
            ("kind", "The kind of record the role is in: group, deliverable, event or handover"),
            ("title", "That record's title"),
        ],
    },
    Described {
        table: "deliverable_summary",
        what: "Each deliverable with its group's name and its leads",
        columns: &[
            ("id", "The deliverable (deliverables.id)"),
            ("title", "The deliverable's title"),
            ("group_name", "The group's name"),
            ("leads", "The deliverable's leads, separated by '; '"),
        ],
    },
];

/// How a collection's full-text table ends (`events_fts`, see schema.sql).
const FTS: &str = "_fts";

/// What `table` holds; a collection's full-text table is described from its collection.
pub fn table(table: &str) -> Option<String> {
    if let Some(base) = table.strip_suffix(FTS) {
        let base = find(base)?;
        return Some(format!(
            "Full-text index of {} (FTS5, by rowid; datasette's search uses it)",
            base.table
        ));
    }
    find(table).map(|t| t.what.to_string())
}

/// What `column` of `table` holds: the table's own word for it, else the common one.
pub fn column(table: &str, column: &str) -> Option<&'static str> {
    let table = table.strip_suffix(FTS).unwrap_or(table);
    let own = find(table)?.columns.iter().find(|(c, _)| *c == column);
    own.or_else(|| COMMON.iter().find(|(c, _)| *c == column))
        .map(|(_, what)| *what)
}

fn find(table: &str) -> Option<&'static Described> {
    TABLES.iter().find(|t| t.table == table)
}
