//! `gmg sql` in bounded memory: rows go out as SQLite produces them, a closed pipe stops the
//! query, a table holds a bounded number of rows, SQLite has a memory ceiling and no
//! temporary files, blobs are hex, and what a query makes can neither reach a terminal raw
//! nor drop a column.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{bin, fails, gmg, process, stdout};

/// A query without end.
const ENDLESS: &str =
    "with recursive c(x) as (select 1 union all select x+1 from c) select x from c";

/// The numbers 1 to `n`, one a row, in a column `x`.
fn numbers(n: u64) -> String {
    format!("with recursive c(x) as (select 1 union all select x+1 from c where x < {n}) select x from c")
}

/// What gmg says when a query needs more memory than it may have.
const TOO_MUCH: &str = "error: the query needs more than 256 MiB of memory, the most gmg sql \
                        gives one: sort, group or deduplicate fewer rows, or build smaller values\n";

/// Waits for `child` at most `limit`; kills it and fails if it is still running.
fn finishes(child: &mut std::process::Child, limit: Duration, what: &str) -> Option<i32> {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_closed_pipe_stops_a_query_without_end_at_once() {
    for (format, first) in [
        ("csv", "x"),
        ("tsv", "x"),
        ("json", "["),
        ("ndjson", "{\"x\":1}"),
        ("markdown", "| x |"),
    ] {
        // `gmg sql ENDLESS -f FORMAT | head -1`
        let mut child = process()
            .args(["sql", ENDLESS, "-f", format])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line, format!("{first}\n"), "{format}");
        // The reader is gone: the next write fails, and the query stops.
        let code = finishes(&mut child, Duration::from_secs(20), format);
        let stderr = common::stderr_of(&mut child);
        assert_eq!((code, stderr.as_str()), (Some(0), ""), "{format}");
    }
}

#[test]
fn every_row_streams_through_every_format() {
    let query = numbers(20_000);
    let csv = stdout(&["sql", &query, "-f", "csv"]);
    assert_eq!(csv.lines().count(), 20_001);
    assert!(csv.starts_with("x\n1\n2\n"));
    assert!(csv.ends_with("\n19999\n20000\n"));
    let lines = stdout(&["sql", &query, "-f", "ndjson"]);
    assert_eq!(lines.lines().count(), 20_000);
    assert!(lines.ends_with("{\"x\":20000}\n"));
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["sql", &query, "-f", "json"])).unwrap();
    let rows = json.as_array().unwrap();
    assert_eq!(rows.len(), 20_000);
    assert_eq!(rows[19_999], serde_json::json!({"x": 20000}));
    // An empty result is still a JSON array.
    assert_eq!(
        stdout(&["sql", "select 1 as x where 0", "-f", "json"]),
        "[]\n"
    );
    let markdown = stdout(&["sql", &query, "-f", "markdown"]);
    assert_eq!(markdown.lines().count(), 20_002);
    assert!(markdown.ends_with("| 20000 |\n"));
}

#[test]
fn a_table_shows_a_thousand_rows_and_counts_the_rest() {
    let query = numbers(2500);
    let out = gmg().args(["sql", &query]).output().unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), 2 + 1000, "a header, a rule and 1000 rows");
    assert_eq!(lines[2], "1");
    assert_eq!(lines[1001], "1000");
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "note: the table shows the first 1000 rows of 2500; -f csv (or tsv, json, ndjson, \
         markdown) writes every one as it comes, and LIMIT chooses which\n"
    );
    // Exactly a thousand: nothing more to say.
    let out = gmg().args(["sql", &numbers(1000)]).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1002);
    assert!(out.stderr.is_empty());
    // A value too long for any screen is cut in the table (only).
    let out = gmg()
        .args(["sql", "select printf('%.*c', 100000, 'x') as long"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert_eq!(table.lines().nth(2).unwrap().len(), 16384 + '…'.len_utf8());
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        "note: values longer than 16 KiB are cut short (…) in the table; -f csv writes them whole\n"
    );
}

#[test]
fn a_column_null_in_every_row_keeps_its_header() {
    let query = "select 1 as a, null as n union all select 2, null";
    assert_eq!(stdout(&["sql", query]), "a ┆ n\n══╪══\n1 ┆\n2 ┆\n");
    assert_eq!(stdout(&["sql", query, "-f", "csv"]), "a,n\n1,\n2,\n");
    assert_eq!(
        stdout(&["sql", query, "-f", "markdown"]),
        "| a | n |\n|---|---|\n| 1 |  |\n| 2 |  |\n"
    );
    assert_eq!(
        stdout(&["sql", query, "-f", "ndjson"]),
        "{\"a\":1,\"n\":null}\n{\"a\":2,\"n\":null}\n"
    );
}

#[test]
fn sqlite_has_a_memory_ceiling_and_keeps_temporary_storage_in_it() {
    // Sorts and groups in memory, never in files under /var/tmp.
    assert_eq!(
        stdout(&["sql", "pragma temp_store", "-f", "csv"]),
        "temp_store\n2\n"
    );
    // 256 MiB beyond what the embedded database holds (well under 1 MiB).
    let limit: i64 = stdout(&["sql", "pragma hard_heap_limit", "-f", "csv", "--no-header"])
        .trim()
        .parse()
        .unwrap();
    assert!((256 << 20..257 << 20).contains(&limit), "{limit}");
    // A query cannot raise it.
    stdout(&["sql", "pragma hard_heap_limit = 1000000000000"]);
    // One value larger than the ceiling, and a sort of rows without end: a clear error,
    // exit 1, and gmg does not abort.
    assert_eq!(fails(&["sql", "select randomblob(300000000)"], 1), TOO_MUCH);
    assert_eq!(
        fails(&["sql", &format!("{ENDLESS} order by -x"), "-f", "csv"], 1),
        TOO_MUCH
    );
}

#[test]
fn a_failure_midway_leaves_the_file_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("rows.csv");
    std::fs::write(&file, "before").unwrap();
    // 50,000 rows are written, then the query fails.
    let query = "with recursive c(x) as (select 1 union all select x+1 from c where x < 100000) \
                 select case when x < 50000 then x else abs(-9223372036854775808) end as x from c";
    assert_eq!(
        fails(&["sql", query, "-o", file.to_str().unwrap()], 1),
        "error: integer overflow\n"
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "before");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "no temporary file"
    );
    // A query that fails before its first row prints nothing, not even the header.
    for format in ["csv", "tsv", "json", "ndjson", "markdown", "table"] {
        assert_eq!(
            fails(
                &["sql", "select abs(-9223372036854775808) as x", "-f", format],
                1
            ),
            "error: integer overflow\n",
            "{format}"
        );
    }
}

#[test]
fn blobs_are_written_as_hex_literals() {
    let query = "select x'00ff1b' as b, zeroblob(0) as empty";
    assert_eq!(
        stdout(&["sql", query, "-f", "csv"]),
        "b,empty\nx'00ff1b',x''\n"
    );
    assert_eq!(
        stdout(&["sql", query, "-f", "ndjson"]),
        "{\"b\":\"x'00ff1b'\",\"empty\":\"x''\"}\n"
    );
    assert_eq!(
        stdout(&["sql", query]),
        "b         ┆ empty\n══════════╪══════\nx'00ff1b' ┆ x''\n"
    );
    // A large one whole, two hex digits a byte.
    let csv = stdout(&["sql", "select zeroblob(1000000) as b", "-f", "csv"]);
    assert_eq!(csv.len(), "b\n".len() + 2 + 2 * 1_000_000 + 2);
    assert!(csv.starts_with("b\nx'0000"));
    assert!(csv.ends_with("00'\n"));
}

#[test]
fn an_empty_or_comment_only_query_is_a_usage_error() {
    for query in ["-- only a comment", "/* a comment */ ;", ";", "\n--\n;;"] {
        let shown = query.replace('\n', "\\n");
        assert_eq!(
            fails(&["sql", "--", query], 2),
            format!(
                "error: invalid value '{shown}' for '[QUERY]': it holds no statement, only comments \
                 or semicolons; expected a SQL query, such as \"select count(*) from statements\"\n"
            ),
            "{query}"
        );
    }
    // A comment beside a statement is no matter.
    assert_eq!(
        stdout(&[
            "sql",
            "/* the count */ select count(*) as n from events; -- done",
            "-f",
            "csv"
        ])
        .lines()
        .next(),
        Some("n")
    );
}

#[test]
fn sqlite_messages_echo_the_query_cut() {
    let query = format!(
        "select nosuch from events where {}x = 2",
        "x = 1 or ".repeat(100)
    );
    let shown: String = query.chars().take(80).collect();
    assert_eq!(
        fails(&["sql", &query], 1),
        format!("error: no such column: nosuch in {shown}… at offset 7 (gmg sql --schema prints every table and column)\n")
    );
    // What SQLite quotes of the query is cut too.
    let table = "t".repeat(500);
    let shown: String = format!("no such table: {table}").chars().take(80).collect();
    assert_eq!(
        fails(&["sql", &format!("select * from {table}")], 1),
        format!("error: {shown}… (gmg sql --schema prints every table and column)\n")
    );
    // And escaped.
    assert_eq!(
        fails(&["sql", "select nosuch\u{1b}[2J from events"], 1),
        "error: unrecognized token: \"\\u{1b}\" in select nosuch\\u{1b}[2J from events at offset 13\n"
    );
}

/// Text with an escape sequence and a C1 control (CSI) a query builds.
const CONTROLS: &str = "select 'a' || char(27) || '[31mX' || char(155) || 'y' as t";

#[test]
fn control_characters_a_query_makes_are_data_in_a_file() {
    // CSV to a file or a pipe keeps the value as it is: it is data.
    assert_eq!(
        stdout(&["sql", CONTROLS, "-f", "csv"]),
        "t\na\u{1b}[31mX\u{9b}y\n"
    );
    // JSON escapes them, so the same string reads back and nothing raw is written.
    let json = stdout(&["sql", CONTROLS, "-f", "ndjson"]);
    assert_eq!(json, "{\"t\":\"a\\u001b[31mX\\u009by\"}\n");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["t"], "a\u{1b}[31mX\u{9b}y");
    // A table escapes them wherever it goes.
    assert_eq!(
        stdout(&["sql", CONTROLS]),
        "t\n═══════════════════\na\\u{1b}[31mX\\u{9b}y\n"
    );
}

#[test]
fn control_characters_a_query_makes_never_reach_a_terminal_raw() {
    // script(1) gives gmg a terminal for its standard output.
    if Command::new("script")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_err()
    {
        eprintln!("control_characters_…_terminal_raw: skipped, script(1) is not installed");
        return;
    }
    for format in ["table", "csv", "tsv", "json", "ndjson", "markdown"] {
        let out = Command::new("script")
            .args([
                "-qec",
                "\"$GMG\" sql \"$QUERY\" -f \"$FORMAT\"",
                "/dev/null",
            ])
            .env("GMG", bin())
            .env("QUERY", CONTROLS)
            .env("FORMAT", format)
            .env("NO_COLOR", "1")
            .env("COLUMNS", "80")
            .env_remove("GMG_DATA")
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {out:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains('\u{1b}'), "{format}: {text:?}");
        assert!(!text.contains('\u{9b}'), "{format}: {text:?}");
        let escaped = match format {
            "json" | "ndjson" => "a\\u001b[31mX\\u009by",
            "markdown" => "a\\\\u{1b}\\[31mX\\\\u{9b}y",
            _ => "a\\u{1b}[31mX\\u{9b}y",
        };
        assert!(text.contains(escaped), "{format}: {text:?}");
    }
}

#[test]
fn streaming_holds_no_more_than_a_row() {
    if Command::new("/usr/bin/time")
        .args(["-f", "%M", "true"])
        .output()
        .is_err()
    {
        eprintln!("streaming_holds_no_more_than_a_row: skipped, GNU time is not installed");
        return;
    }
    // 500,000 rows to a pipe, and to a table (which keeps 1000 of them).
    for format in ["csv", "json", "table"] {
        let out = Command::new("/usr/bin/time")
            .args(["-f", "%M", &bin(), "sql", &numbers(500_000), "-f", format])
            .env_remove("GMG_DATA")
            .env("NO_COLOR", "1")
            .stdout(Stdio::null())
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {out:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        let peak_kb: u64 = stderr.lines().last().unwrap().trim().parse().unwrap();
        assert!(peak_kb < 64 << 10, "{format}: peak {peak_kb} KB");
    }
}
