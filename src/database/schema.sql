-- The gmg dataset as a SQLite database (`gmg export`, `gmg sql`).
-- Dates are ISO-8601 text (YYYY-MM-DD) with their date_precision: 'day', 'month' (the record
-- spans the month: start_date is its first day, end_date its last) or 'year'. A deadline
-- (due_date) is the last day of the period the report gives: "before the end of 2016" is
-- 2016-12-31 at 'year' precision. Every record has the
-- section of the report it comes from and a verbatim quote; other passages are in `also`.

-- What the data is drawn from, and what wrote this database.
CREATE TABLE report (
    title TEXT NOT NULL,
    chair TEXT NOT NULL,
    year INTEGER NOT NULL,
    period_start TEXT NOT NULL,
    period_end TEXT NOT NULL,
    source TEXT NOT NULL,         -- the report's file
    dataset TEXT NOT NULL,        -- the dataset the records come from
    gmg_version TEXT NOT NULL     -- the gmg that wrote this database
);

-- Every record of every collection, by its id (unique across the dataset).
CREATE TABLE records (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('event', 'statement', 'member', 'handover', 'group', 'deliverable',
        'objective', 'accomplishment', 'proposal', 'chair')),
    title TEXT NOT NULL
);

CREATE TABLE members (
    acronym TEXT PRIMARY KEY REFERENCES records (id),
    name TEXT NOT NULL,
    added INTEGER,                -- the year of admission, where the report gives it
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

-- Entities other than members that the records name in several ways (ITC-ILO).
CREATE TABLE entities (
    acronym TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

-- Other spellings the report uses for a member or an entity ("UNDESA" for UN DESA). gmg's
-- name options also fold case, accents, spaces, hyphens and dots.
CREATE TABLE aliases (
    entity TEXT NOT NULL,         -- a member's or an entity's acronym
    position INTEGER NOT NULL,
    alias TEXT NOT NULL,
    PRIMARY KEY (entity, position)
);

CREATE TABLE groups (
    id TEXT PRIMARY KEY REFERENCES records (id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('working-group', 'task-force')),
    area TEXT NOT NULL,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

CREATE TABLE events (
    id TEXT PRIMARY KEY REFERENCES records (id),
    start_date TEXT,              -- NULL where the report gives no date
    end_date TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    location TEXT,
    group_id TEXT REFERENCES groups (id),
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

CREATE TABLE statements (
    id TEXT PRIMARY KEY REFERENCES records (id),
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    title TEXT NOT NULL,
    event_id TEXT NOT NULL REFERENCES events (id),
    location TEXT,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

CREATE TABLE handover (
    id TEXT PRIMARY KEY REFERENCES records (id),
    position INTEGER NOT NULL UNIQUE,  -- the report's order
    text TEXT NOT NULL,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

CREATE TABLE deliverables (
    id TEXT PRIMARY KEY REFERENCES records (id),
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    group_id TEXT REFERENCES groups (id),
    status TEXT CHECK (status IN ('done', 'in-progress', 'planned')),
    due_date TEXT,
    date_precision TEXT CHECK (date_precision IN ('day', 'month', 'year')),
    url TEXT,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

-- Lists, one row per item in the record's order. `member` is the member an item names,
-- where it names one; `name` is the item as the report writes it.
CREATE TABLE event_organizers (
    event_id TEXT NOT NULL REFERENCES events (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    member TEXT REFERENCES members (acronym),
    PRIMARY KEY (event_id, position)
);

CREATE TABLE handover_chairs (
    handover_id TEXT NOT NULL REFERENCES handover (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    member TEXT REFERENCES members (acronym),
    PRIMARY KEY (handover_id, position)
);

CREATE TABLE handover_groups (
    handover_id TEXT NOT NULL REFERENCES handover (id),
    group_id TEXT NOT NULL REFERENCES groups (id),
    PRIMARY KEY (handover_id, group_id)
);

CREATE TABLE handover_deliverables (
    handover_id TEXT NOT NULL REFERENCES handover (id),
    deliverable_id TEXT NOT NULL REFERENCES deliverables (id),
    PRIMARY KEY (handover_id, deliverable_id)
);

CREATE TABLE group_chairs (
    group_id TEXT NOT NULL REFERENCES groups (id),
    position INTEGER NOT NULL,
    member TEXT NOT NULL REFERENCES members (acronym),
    PRIMARY KEY (group_id, position)
);

CREATE TABLE group_participants (
    group_id TEXT NOT NULL REFERENCES groups (id),
    position INTEGER NOT NULL,
    member TEXT NOT NULL REFERENCES members (acronym),
    PRIMARY KEY (group_id, position)
);

CREATE TABLE deliverable_leads (
    deliverable_id TEXT NOT NULL REFERENCES deliverables (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    member TEXT REFERENCES members (acronym),
    PRIMARY KEY (deliverable_id, position)
);

-- The Chair's objectives, and the activities planned under them (III, Annex A): `under` is
-- the objective (or activity) an activity stands under.
CREATE TABLE objectives (
    id TEXT PRIMARY KEY REFERENCES records (id),
    position INTEGER NOT NULL,    -- report order
    kind TEXT NOT NULL CHECK (kind IN ('objective', 'activity')),
    under TEXT REFERENCES objectives (id),
    title TEXT NOT NULL,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

-- The headline accomplishments of section II.
CREATE TABLE accomplishments (
    id TEXT PRIMARY KEY REFERENCES records (id),
    title TEXT NOT NULL,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

-- Annex C's entry points for the follow-up to the New York Declaration.
CREATE TABLE proposals (
    id TEXT PRIMARY KEY REFERENCES records (id),
    number TEXT NOT NULL,         -- i to vi
    title TEXT NOT NULL,
    text TEXT NOT NULL,           -- what the GMG would do
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

-- The paragraphs of the New York Declaration an entry point answers.
CREATE TABLE proposal_paragraphs (
    proposal_id TEXT NOT NULL REFERENCES proposals (id),
    paragraph INTEGER NOT NULL,
    PRIMARY KEY (proposal_id, paragraph)
);

-- Chairs of the GMG and the GFMD, the troika, and the handover between Chairs.
CREATE TABLE chairs (
    id TEXT PRIMARY KEY REFERENCES records (id),
    body TEXT NOT NULL CHECK (body IN ('GMG', 'GFMD')),
    role TEXT NOT NULL CHECK (role IN ('chair', 'troika', 'handover')),
    year INTEGER,                 -- where the report gives it
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    note TEXT
);

CREATE TABLE chair_entities (
    chair_id TEXT NOT NULL REFERENCES chairs (id),
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    member TEXT REFERENCES members (acronym),
    PRIMARY KEY (chair_id, position)
);

-- What an objective, accomplishment, proposal or Chair links to: the records that carried it
-- out, that its paragraphs name, or that carry it.
CREATE TABLE record_links (
    record_id TEXT NOT NULL REFERENCES records (id),
    position INTEGER NOT NULL,
    target_id TEXT NOT NULL REFERENCES records (id),
    PRIMARY KEY (record_id, position)
);

-- Other passages of the report that support a record.
CREATE TABLE also (
    record_id TEXT NOT NULL REFERENCES records (id),
    position INTEGER NOT NULL,
    section TEXT NOT NULL,
    quote TEXT NOT NULL,
    PRIMARY KEY (record_id, position)
);

-- Full text of every record: `select kind, id from search where search match 'xenophobia'`.
-- `title` is the record's title (a member's name, a handover item's text); `body` every other
-- text field, other passages included.
CREATE VIRTUAL TABLE search USING fts5 (
    kind UNINDEXED,
    id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Full text of each collection, for a search within one: `<table>_fts` indexes the table's
-- text by rowid (its content is the table's, not a copy), in the form datasette detects
-- (`/gmg/events?_search=xenophobia`): `select id, title from events where rowid in (select
-- rowid from events_fts where events_fts match 'xenophobia')`. VACUUM may renumber the rowids:
-- after one, rebuild each (`insert into events_fts (events_fts) values ('rebuild')`).
CREATE VIRTUAL TABLE events_fts USING fts5 (title, kind, location, quote, note, content="events", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE statements_fts USING fts5 (title, location, quote, note, content="statements", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE members_fts USING fts5 (acronym, name, quote, note, content="members", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE handover_fts USING fts5 (text, quote, note, content="handover", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE groups_fts USING fts5 (name, kind, area, quote, note, content="groups", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE deliverables_fts USING fts5 (title, kind, url, quote, note, content="deliverables", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE objectives_fts USING fts5 (title, quote, note, content="objectives", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE accomplishments_fts USING fts5 (title, quote, note, content="accomplishments", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE proposals_fts USING fts5 (number, title, text, quote, note, content="proposals", tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE chairs_fts USING fts5 (body, role, quote, note, content="chairs", tokenize = 'unicode61 remove_diacritics 2');

-- Each statement with its event: where it was delivered, and who organised the occasion.
CREATE VIEW statement_events AS
SELECT
    s.id,
    s.start_date,
    s.end_date,
    s.title,
    s.event_id,
    e.title AS event_title,
    e.kind AS event_kind,
    coalesce(s.location, e.location) AS location,
    (SELECT group_concat(name, '; ') FROM (
        SELECT name FROM event_organizers o WHERE o.event_id = e.id ORDER BY position
    )) AS organizers
FROM statements s JOIN events e ON e.id = s.event_id;

-- Each member with every role the dataset gives it: the groups it co-chairs or takes part in,
-- the deliverables it leads, the events it organised, the handover items listed under it.
CREATE VIEW member_roles AS
SELECT member, 'co-chairs' AS role, 'group' AS kind, g.id AS record_id, g.name AS title
    FROM group_chairs JOIN groups g ON g.id = group_id
UNION ALL
SELECT member, 'takes part in', 'group', g.id, g.name
    FROM group_participants JOIN groups g ON g.id = group_id
UNION ALL
SELECT member, 'leads', 'deliverable', d.id, d.title
    FROM deliverable_leads JOIN deliverables d ON d.id = deliverable_id WHERE member IS NOT NULL
UNION ALL
SELECT member, 'organised', 'event', e.id, e.title
    FROM event_organizers JOIN events e ON e.id = event_id WHERE member IS NOT NULL
UNION ALL
SELECT member, 'is a Chair of', 'handover', h.id, h.text
    FROM handover_chairs JOIN handover h ON h.id = handover_id WHERE member IS NOT NULL;

-- Each deliverable with its group's name and its leads.
CREATE VIEW deliverable_summary AS
SELECT
    d.id,
    d.title,
    d.status,
    d.due_date,
    d.date_precision,
    d.group_id,
    g.name AS group_name,
    (SELECT group_concat(name, '; ') FROM (
        SELECT name FROM deliverable_leads l WHERE l.deliverable_id = d.id ORDER BY position
    )) AS leads
FROM deliverables d LEFT JOIN groups g ON g.id = d.group_id;
