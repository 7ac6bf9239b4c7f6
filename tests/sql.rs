//! The dataset in a database: `gmg export` writes a SQLite file that other programs read
//! with every link intact, and `gmg sql` answers read-only queries in every format.

mod common;

use std::process::{Command, Stdio};

use common::{column, fails, fixture_arg, gmg, stdout, COLLECTIONS};
use rusqlite::Connection;

/// Exports the dataset (embedded, or `data`) into a temporary directory and opens it.
fn exported(data: Option<&str>) -> (tempfile::TempDir, std::path::PathBuf, Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gmg.sqlite");
    let mut args = vec!["export", path.to_str().unwrap()];
    if let Some(data) = data {
        args.extend(["--data", data]);
    }
    stdout(&args);
    let conn = Connection::open(&path).unwrap();
    (dir, path, conn)
}

fn strings(conn: &Connection, query: &str) -> Vec<String> {
    let mut statement = conn.prepare(query).unwrap();
    let rows = statement
        .query_map([], |row| {
            let n = row.as_ref().column_count();
            (0..n)
                .map(|i| {
                    let value: rusqlite::types::Value = row.get(i)?;
                    Ok(match value {
                        rusqlite::types::Value::Null => String::new(),
                        rusqlite::types::Value::Integer(n) => n.to_string(),
                        rusqlite::types::Value::Text(t) => t,
                        other => format!("{other:?}"),
                    })
                })
                .collect::<rusqlite::Result<Vec<_>>>()
                .map(|cells| cells.join("|"))
        })
        .unwrap();
    rows.map(Result::unwrap).collect()
}

#[test]
fn the_export_holds_every_record_and_every_link_resolves() {
    let (_dir, _path, conn) = exported(None);
    for (table, listing) in [
        ("events", "events"),
        ("statements", "statements"),
        ("members", "members"),
        ("handover", "handover"),
        ("groups", "groups"),
        ("deliverables", "deliverables"),
    ] {
        let key = if table == "members" { "acronym" } else { "id" };
        let rows = strings(&conn, &format!("select count(*) from {table}"));
        assert_eq!(rows, [column(&[listing], key).len().to_string()], "{table}");
    }
    assert!(strings(&conn, "PRAGMA foreign_key_check").is_empty());
    assert_eq!(strings(&conn, "PRAGMA integrity_check"), ["ok"]);
    assert_eq!(
        strings(&conn, "select count(*) from records"),
        ["236"],
        "74 + 16 + 21 + 19 + 5 + 65 + 13 + 6 + 6 + 11 records"
    );
    assert_eq!(
        strings(&conn, "select title, chair, year, period_start, period_end, dataset from report"),
        ["Chair's Report to the Global Migration Group|UN Women|2016|2016-01-01|2016-12-31|data/gmg2016.ron (embedded)"]
    );
    assert_eq!(
        strings(&conn, "select gmg_version from report"),
        [env!("CARGO_PKG_VERSION")]
    );
}

#[test]
fn joins_links_and_full_text_search() {
    let (_dir, _path, conn) = exported(None);
    // A statement joined to its event.
    assert_eq!(
        strings(
            &conn,
            "select s.id, e.id, e.location from statements s join events e on e.id = s.event_id where s.id = 's12'"
        ),
        ["s12|un-summit-2016-09-19|New York"]
    );
    assert_eq!(
        strings(
            &conn,
            "select organizers from statement_events where id = 's02'"
        ),
        ["IOM"]
    );
    // List items name members where they name one; others keep their name alone.
    assert_eq!(
        strings(
            &conn,
            "select name, member from handover_chairs where handover_id = 'h01' or handover_id = 'h06' order by handover_id, position"
        ),
        ["ESCAP|", "ILO|ILO", "World Bank|World Bank", "UN Women|UN Women"]
    );
    assert_eq!(
        strings(
            &conn,
            "select kind, id from search where search match 'xenophobia'"
        ),
        [
            "event|msm-2016-10-31",
            "handover|h04",
            "proposal|entry-point-iii"
        ]
    );
    assert_eq!(
        strings(
            &conn,
            "select role, record_id from member_roles where member = 'UN DESA'"
        ),
        ["co-chairs|wg-data", "takes part in|wg-data"]
    );
    assert_eq!(
        strings(
            &conn,
            "select id, due_date, date_precision, group_name, leads from deliverable_summary where status = 'planned' and due_date is not null order by due_date"
        ),
        [
            "rpi-publications|2016-12-31|month|GMG Working Group on Mainstreaming Migration into National Development Strategies|IOM; UNDP",
            "micic-local-output|2017-08-31|month|GMG Task Force on Capacity Development|",
            "un-progress-report|2017-09-30|month||GMG; UNU"
        ]
    );
    assert_eq!(
        strings(
            &conn,
            "select section, quote from also where record_id = 's16'"
        ),
        [
            "II.3|Ninth GFMD Summit (10 December 2016)",
            "II.3|GFMD Summit held in Dhaka, Bangladesh from 10-12 December 2016"
        ]
    );
}

#[test]
fn the_build_time_database_is_the_one_built_from_the_file() {
    let (_a, _pa, embedded) = exported(None);
    let (_b, _pb, built) = exported(Some("data/gmg2016.ron"));
    let tables = strings(
        &embedded,
        "select name from sqlite_master where type = 'table' and name not like 'search%' and name != 'report' order by name",
    );
    assert!(tables.len() > 10, "{tables:?}");
    for table in tables {
        let query = format!("select * from {table} order by 1, 2");
        assert_eq!(
            strings(&embedded, &query),
            strings(&built, &query),
            "{table}"
        );
    }
    let query = "select kind, id, title, body from search order by kind, id";
    assert_eq!(strings(&embedded, query), strings(&built, query));
    assert_eq!(
        strings(&built, "select dataset from report"),
        ["data/gmg2016.ron"]
    );
}

#[test]
fn an_export_replaces_a_file_whole_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gmg.sqlite");
    std::fs::write(&path, "before").unwrap();
    let name = path.display().to_string();
    let stderr = fails(&["export", &name, "--data", &fixture_arg("missing.ron")], 1);
    assert!(stderr.starts_with("error: cannot read "), "{stderr}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "before");
    stdout(&["export", &name]);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    // Standard output, when it is not a terminal.
    let out = gmg().args(["export", "-"]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(out.stdout, bytes);
    // Never over the dataset being read.
    let data = dir.path().join("data.ron");
    std::fs::copy("data/gmg2016.ron", &data).unwrap();
    let data = data.display().to_string();
    assert_eq!(
        fails(&["export", &data, "--data", &data], 2),
        format!("error: '<FILE> {data}' is the dataset being read ('--data {data}'): writing it would destroy the dataset\n")
    );
    // Nor is the metadata written over the dataset, or over the database.
    assert_eq!(
        fails(&["export", &name, "--metadata", &data, "--data", &data], 2),
        format!("error: '--metadata {data}' is the dataset being read ('--data {data}'): writing it would destroy the dataset\n")
    );
    let fresh = dir.path().join("fresh.sqlite").display().to_string();
    let same = dir
        .path()
        .join(".")
        .join("fresh.sqlite")
        .display()
        .to_string();
    assert_eq!(
        fails(&["export", &fresh, "--metadata", &same], 2),
        format!("error: '--metadata {same}' is the file the database goes to: give the metadata another name (metadata.json)\n")
    );
    assert!(!std::path::Path::new(&fresh).exists());
}

#[test]
fn sql_prints_every_format() {
    let query = "select acronym, added from members where added is not null order by acronym";
    assert_eq!(
        stdout(&["sql", query, "-f", "csv"]),
        "acronym,added\nUNEP,2016\nUNIDO,2016\nWFP,2016\n"
    );
    assert_eq!(
        stdout(&["sql", query, "-f", "tsv", "--no-header"]),
        "UNEP\t2016\nUNIDO\t2016\nWFP\t2016\n"
    );
    assert_eq!(
        stdout(&["sql", query, "-f", "ndjson"]),
        "{\"acronym\":\"UNEP\",\"added\":2016}\n{\"acronym\":\"UNIDO\",\"added\":2016}\n{\"acronym\":\"WFP\",\"added\":2016}\n"
    );
    assert_eq!(
        stdout(&[
            "sql",
            "select 1.5 as x, null as n, 'a|b' as t",
            "-f",
            "json"
        ]),
        "[\n  {\n    \"x\": 1.5,\n    \"n\": null,\n    \"t\": \"a|b\"\n  }\n]\n"
    );
    assert_eq!(
        stdout(&["sql", "select 'a|b' as t", "-f", "markdown"]),
        "| t |\n|---|\n| a\\|b |\n"
    );
    assert_eq!(
        stdout(&["sql", query]),
        "acronym ┆ added\n════════╪══════\nUNEP    ┆ 2016\nUNIDO   ┆ 2016\nWFP     ┆ 2016\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("members.csv");
    stdout(&["sql", query, "-o", file.to_str().unwrap()]);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "acronym,added\nUNEP,2016\nUNIDO,2016\nWFP,2016\n"
    );
    // No rows: the header alone, or a note for the reader.
    assert_eq!(
        stdout(&["sql", "select id from events where 0", "-f", "csv"]),
        "id\n"
    );
    let out = gmg()
        .args(["sql", "select id from events where 0"])
        .output()
        .unwrap();
    assert!(out.stdout.is_empty());
    assert_eq!(String::from_utf8(out.stderr).unwrap(), "no rows match\n");
}

#[test]
fn sql_answers_a_join_no_listing_can() {
    // Members with the groups they co-chair and the deliverables they lead: the counts the
    // listings give one member at a time.
    let csv = stdout(&[
        "sql",
        "select m.acronym, (select count(*) from group_chairs c where c.member = m.acronym) as chairs, \
         (select count(*) from deliverable_leads l where l.member = m.acronym) as leads \
         from members m where chairs > 0 order by m.acronym",
        "-f",
        "csv",
    ]);
    let expected: String = ["IOM", "OHCHR", "UN DESA", "UN Women", "UNDP"]
        .iter()
        .map(|m| {
            let chairs = column(&["groups", "--chair", m], "id").len();
            let leads = column(&["deliverables", "--lead", m], "id").len();
            format!("{m},{chairs},{leads}\n")
        })
        .collect();
    assert_eq!(csv, format!("acronym,chairs,leads\n{expected}"));
    assert_eq!(
        csv,
        "acronym,chairs,leads\nIOM,2,16\nOHCHR,1,3\nUN DESA,1,0\nUN Women,1,6\nUNDP,1,9\n"
    );
}

#[test]
fn sql_is_read_only_and_says_what_went_wrong() {
    for write in [
        "delete from events",
        "insert into records values ('x', 'event', 'x')",
        "create table t (x)",
        "drop table events",
    ] {
        assert_eq!(
            fails(&["sql", write], 1),
            "error: attempt to write a readonly database: gmg sql runs read-only queries\n",
            "{write}"
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let attached = dir.path().join("new.db");
    assert_eq!(
        fails(
            &["sql", &format!("attach '{}' as x", attached.display())],
            1
        ),
        "error: too many attached databases - max 0\n"
    );
    assert!(!attached.exists());
    let vacuumed = dir.path().join("copy.db");
    fails(
        &["sql", &format!("vacuum into '{}'", vacuumed.display())],
        1,
    );
    assert!(!vacuumed.exists());
    assert_eq!(
        fails(&["sql", "select * from nosuch"], 1),
        "error: no such table: nosuch (gmg sql --schema prints every table and column)\n"
    );
    assert_eq!(
        fails(&["sql", "select nosuch from events"], 1),
        "error: no such column: nosuch in select nosuch from events at offset 7 (gmg sql --schema prints every table and column)\n"
    );
    assert_eq!(
        fails(&["sql", "selec 1"], 1),
        "error: near \"selec\": syntax error in selec 1 at offset 0\n"
    );
    assert_eq!(
        fails(&["sql", "select 1; select 2"], 1),
        "error: the query holds more than one statement; gmg sql runs one\n"
    );
    assert_eq!(
        fails(&["sql", "select id from events", "--limit", "2"], 2),
        "error: '--limit' does not apply to gmg sql: the query shapes its rows; use LIMIT\n"
    );
    assert_eq!(
        fails(&["sql", "select id from events", "--fields", "id"], 2),
        "error: '--fields' does not apply to gmg sql: the query shapes its rows; use the select list\n"
    );
    assert_eq!(
        fails(&["sql", " "], 2).lines().next().unwrap(),
        "error: invalid value ' ' for '[QUERY]': expected a SQL query, such as \"select count(*) from statements\""
    );
    // A value a query makes up cannot reach the terminal raw.
    assert_eq!(
        stdout(&["sql", "select 'a' || char(27) || '[2J' as t"]),
        "t\n══════════\na\\u{1b}[2J\n"
    );
}

#[test]
fn an_unknown_table_or_column_names_the_nearest_in_the_schema() {
    const SCHEMA: &str = " (gmg sql --schema prints every table and column)\n";
    for (query, expected) in [
        (
            "select id, start from statements",
            "no such column: start in select id, start from statements at offset 11; did you mean start_date?",
        ),
        (
            "select s.start from statements s",
            "no such column: s.start in select s.start from statements s at offset 7; did you mean s.start_date?",
        ),
        (
            "select id, precision from events",
            "no such column: precision in select id, precision from events at offset 11; did you mean date_precision?",
        ),
        (
            "select date from deliverables",
            "no such column: date in select date from deliverables at offset 7; did you mean date_precision or due_date?",
        ),
        (
            "select * from statement",
            "no such table: statement; did you mean statements, statements_fts or statement_events?",
        ),
        (
            "select id from event_fts",
            "no such table: event_fts; did you mean events_fts or events?",
        ),
        (
            "select x from main.evnts",
            "no such table: main.evnts; did you mean main.events?",
        ),
    ] {
        assert_eq!(
            fails(&["sql", query], 1),
            format!("error: {expected}{SCHEMA}"),
            "{query}"
        );
    }
    // With a dataset built for the query, as with the embedded one.
    assert_eq!(
        fails(&["sql", "select start from events", "--data", &fixture_arg("small.ron")], 1),
        format!("error: no such column: start in select start from events at offset 7; did you mean start_date?{SCHEMA}")
    );
}

#[test]
fn sql_help_shows_only_the_options_that_apply() {
    let help = stdout(&["sql", "--help"]);
    for refused in ["--fields", "--sort", "--reverse", "--limit"] {
        assert!(!help.contains(refused), "{refused}");
    }
    for option in [
        "--schema",
        "--format",
        "--output",
        "--no-header",
        "--bom",
        "--csv-safe",
        "--color",
    ] {
        assert!(help.contains(option), "{option}");
    }
    assert!(!stdout(&["sql", "-h"]).contains("--limit"));
    // The listings keep them.
    assert!(stdout(&["events", "--help"]).contains("--limit"));
}

#[test]
fn sql_on_another_dataset_and_the_schema() {
    let small = fixture_arg("small.ron");
    assert_eq!(
        stdout(&[
            "sql",
            "select id from events order by id",
            "-f",
            "csv",
            "--data",
            &small
        ]),
        "id\nidm\nretreat\n"
    );
    assert_eq!(
        stdout(&[
            "sql",
            "select id from search where search match 'retreat'",
            "-f",
            "csv",
            "--data",
            &small
        ]),
        "id\nretreat\n"
    );
    let schema = stdout(&["sql", "--schema"]);
    assert!(schema.starts_with("-- The gmg dataset as a SQLite database"));
    for object in [
        "CREATE TABLE events (",
        "CREATE VIRTUAL TABLE search USING fts5 (",
        "CREATE VIEW statement_events AS",
        "CREATE VIEW member_roles AS",
    ] {
        assert!(schema.contains(object), "{object}");
    }
}

#[test]
fn the_sqlite3_program_opens_the_export() {
    if Command::new("sqlite3")
        .arg("-version")
        .stdout(Stdio::null())
        .status()
        .is_err()
    {
        eprintln!("the_sqlite3_program_opens_the_export: skipped, sqlite3 is not installed");
        return;
    }
    let (_dir, path, _conn) = exported(None);
    let out = Command::new("sqlite3")
        .arg(&path)
        .arg("PRAGMA foreign_key_check; select count(*) from statements; select id from search where search match 'xenophobia' order by id;")
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "16\nentry-point-iii\nh04\nmsm-2016-10-31\n"
    );
}

/// The ids of the rows of `table` whose own full-text index matches `words`.
fn fts_ids(conn: &Connection, table: &str, words: &str) -> Vec<String> {
    strings(
        conn,
        &format!("select id from {table} where rowid in (select rowid from {table}_fts where {table}_fts match '{words}') order by id"),
    )
}

#[test]
fn each_collection_has_a_full_text_table_datasette_finds() {
    let (_dir, path, conn) = exported(None);
    // As datasette's detect_fts looks for it (0.65): a virtual FTS table whose content is
    // the table, named with double quotes.
    for table in COLLECTIONS {
        let found = strings(
            &conn,
            &format!(
                "select name from sqlite_master where rootpage = 0 \
                 and sql like '%VIRTUAL TABLE%USING FTS%content=\"{table}\"%'"
            ),
        );
        assert_eq!(found, [format!("{table}_fts")], "{table}");
        let rows = strings(&conn, &format!("select count(*) from {table}"));
        let indexed = strings(&conn, &format!("select count(*) from {table}_fts"));
        assert_eq!(rows, indexed, "{table}");
    }
    assert_eq!(fts_ids(&conn, "events", "xenophobia"), ["msm-2016-10-31"]);
    assert_eq!(fts_ids(&conn, "statements", "summit"), ["s12", "s16"]);
    // A --data export indexes the same way; gmg sql builds the index when a query names it.
    let small = fixture_arg("small.ron");
    let (_b, _pb, built) = exported(Some(&small));
    assert_eq!(fts_ids(&built, "events", "retreat"), ["retreat"]);
    assert_eq!(
        stdout(&[
            "sql",
            "select id from events where rowid in (select rowid from events_fts where events_fts match 'retreat')",
            "-f",
            "csv",
            "--data",
            &small
        ]),
        "id\nretreat\n"
    );
    // datasette itself, where it is installed (CI installs it).
    let Ok(out) = Command::new("datasette")
        .arg(&path)
        .args([
            "--get",
            "/gmg/events.json?_search=xenophobia&_shape=array&_col=id",
        ])
        .output()
    else {
        eprintln!("each_collection_has_a_full_text_table_datasette_finds: datasette is not installed; checked as it reads the tables");
        return;
    };
    assert!(out.status.success(), "{out:?}");
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows, serde_json::json!([{"id": "msm-2016-10-31"}]));
}

#[test]
fn the_metadata_describes_every_table_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gmg.sqlite");
    let meta = dir.path().join("metadata.json");
    stdout(&[
        "export",
        db.to_str().unwrap(),
        "--metadata",
        meta.to_str().unwrap(),
    ]);
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&meta).unwrap()).unwrap();
    assert_eq!(
        meta["title"],
        "Chair's Report to the Global Migration Group (UN Women, 2016)"
    );
    assert_eq!(
        meta["license"],
        "gmg's code: MIT OR Apache-2.0; the report's text, quoted verbatim, is UN Women's"
    );
    assert!(meta["source"]
        .as_str()
        .unwrap()
        .starts_with("Chair's Report to the Global Migration Group, UN Women (2016)"));
    // Every table and view of the file (but the full-text indexes' own storage), and every
    // column, has a description: a column added without one fails here.
    let conn = Connection::open(&db).unwrap();
    let tables = strings(
        &conn,
        "select name from sqlite_master where type in ('table', 'view') and name not like '%\\_data' escape '\\' \
         and name not like '%\\_idx' escape '\\' and name not like '%\\_docsize' escape '\\' \
         and name not like '%\\_config' escape '\\' and name not like '%\\_content' escape '\\'",
    );
    let described = meta["databases"]["gmg"]["tables"].as_object().unwrap();
    assert_eq!(described.len(), tables.len(), "{tables:?}");
    for table in &tables {
        let entry = &described[table.as_str()];
        let what = entry["description"].as_str().unwrap_or_default();
        assert!(!what.is_empty(), "{table}");
        for column in strings(
            &conn,
            &format!("select name from pragma_table_info('{table}')"),
        ) {
            let what = entry["columns"][column.as_str()]
                .as_str()
                .unwrap_or_default();
            assert!(!what.is_empty(), "{table}.{column}");
        }
    }
    assert_eq!(
        described["events"]["columns"]["date_precision"],
        "How exactly the report dates the record: day, month or year"
    );
    // datasette names the database after the file's stem.
    let other = dir.path().join("other.db");
    stdout(&[
        "export",
        other.to_str().unwrap(),
        "--metadata",
        dir.path().join("m.json").to_str().unwrap(),
    ]);
    let m: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("m.json")).unwrap()).unwrap();
    assert!(m["databases"]["other"]["tables"]["events"].is_object());
}
