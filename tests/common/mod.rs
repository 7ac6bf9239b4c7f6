//! The one test helper: a `gmg` command in a clean environment, and parsers for its output.
#![allow(dead_code)]

pub mod workbook;

use std::path::PathBuf;

use assert_cmd::Command;

/// `gmg` with no `GMG_DATA`, no colour and no terminal width from the environment.
pub fn gmg() -> Command {
    let mut cmd = Command::cargo_bin("gmg").expect("the gmg binary is built");
    cmd.env_remove("GMG_DATA")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    cmd
}

/// The commands that list a collection, in the order `gmg --help` gives them: the tables
/// of `gmg export`'s database and the sheets of its workbook after `about`.
pub const COLLECTIONS: [&str; 10] = [
    "events",
    "statements",
    "members",
    "handover",
    "groups",
    "deliverables",
    "objectives",
    "accomplishments",
    "proposals",
    "chairs",
];

/// Whether `program ARGS` runs and succeeds; where it does not, the test says that it skips
/// because `what` is missing.
pub fn available(what: &str, program: &str, args: &[&str]) -> bool {
    let ok = std::process::Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("skipped: {what} is not installed");
    }
    ok
}

/// Runs a program other than gmg to its end, expecting success; its standard output.
pub fn run_program(command: &mut std::process::Command) -> Vec<u8> {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?} cannot run: {e}"));
    assert!(
        out.status.success(),
        "{command:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// The path of the gmg binary.
pub fn bin() -> String {
    assert_cmd::cargo::cargo_bin("gmg").display().to_string()
}

/// `gmg` as a plain process (for its standard streams), in a clean environment.
pub fn process() -> std::process::Command {
    let mut cmd = std::process::Command::new(bin());
    cmd.env_remove("GMG_DATA")
        .env_remove("COLUMNS")
        .env("NO_COLOR", "1");
    cmd
}

/// Everything a spawned process wrote to its piped standard error.
pub fn stderr_of(child: &mut std::process::Child) -> String {
    use std::io::Read;
    let mut stderr = String::new();
    if let Some(mut err) = child.stderr.take() {
        err.read_to_string(&mut stderr).expect("stderr is UTF-8");
    }
    stderr
}

/// Runs `gmg ARGS`, expects success, returns stdout.
pub fn stdout(args: &[&str]) -> String {
    let out = gmg().args(args).output().expect("gmg runs");
    assert!(
        out.status.success(),
        "gmg {args:?} failed with {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("output is UTF-8")
}

/// Runs `gmg ARGS`, expects exit `code` and an empty stdout, returns stderr.
pub fn fails(args: &[&str], code: i32) -> String {
    let out = gmg().args(args).output().expect("gmg runs");
    assert_eq!(
        out.status.code(),
        Some(code),
        "gmg {args:?}: stderr {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stdout.is_empty(),
        "gmg {args:?} printed to stdout on error: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr).expect("stderr is UTF-8")
}

/// The links of `gmg show ID`'s card, each as "relation: id".
pub fn links(id: &str) -> Vec<String> {
    json(&["show", id])["links"]
        .as_array()
        .expect("a card has a list of links")
        .iter()
        .map(|l| {
            format!(
                "{}: {}",
                l["relation"].as_str().unwrap(),
                l["id"].as_str().unwrap()
            )
        })
        .collect()
}

/// Chosen fields of a listing as one CSV line per row, for compact assertions.
pub fn rows(args: &[&str], fields: &str) -> Vec<String> {
    let all = [args, &["--fields", fields, "--no-header", "-f", "csv"]].concat();
    stdout(&all).lines().map(str::to_string).collect()
}

/// CSV (or TSV with `delimiter` b'\t') as a header and rows.
pub fn parse_delimited(text: &str, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("a valid row").iter().map(String::from).collect())
        .collect();
    (header, rows)
}

/// One column of `gmg ARGS -f csv`, by name.
pub fn column(args: &[&str], name: &str) -> Vec<String> {
    let mut all = args.to_vec();
    all.extend(["--format", "csv"]);
    let (header, rows) = parse_delimited(&stdout(&all), b',');
    let i = header
        .iter()
        .position(|h| h == name)
        .unwrap_or_else(|| panic!("no column {name} in {header:?}"));
    rows.into_iter().map(|mut r| r.swap_remove(i)).collect()
}

/// `gmg ARGS -f json` parsed.
pub fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    serde_json::from_str(&stdout(&all)).expect("valid JSON")
}

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// A fixture's path as a string argument.
pub fn fixture_arg(name: &str) -> String {
    fixture(name).display().to_string()
}
