//! The synthetic data generator used by the benchmark: deterministic, valid, and the same
//! content as JSON.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::stdout;

/// `cargo test` builds the examples beside the test binaries: target/<profile>/examples.
fn synth(args: &[&str]) -> Vec<u8> {
    let exe = std::env::current_exe().unwrap();
    let profile_dir = exe.parent().and_then(|deps| deps.parent()).unwrap();
    let path: PathBuf = profile_dir.join("examples").join("synth");
    let out = Command::new(&path)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        out.status.success(),
        "synth {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn synthetic_data_is_deterministic_and_valid() {
    let first = synth(&["200"]);
    assert_eq!(first, synth(&["200"]), "the same N gives the same bytes");
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), &first).unwrap();
    let name = file.path().display().to_string();
    assert_eq!(
        stdout(&["validate", &name, "--no-quotes"]),
        format!("ok: {name}: 200 events, 200 statements, 20 members, 20 handover items, 0 groups, 0 deliverables; quotes not checked\n")
    );
    // Spread over several years.
    let years: std::collections::BTreeSet<String> = stdout(&[
        "statements",
        "--data",
        &name,
        "-f",
        "csv",
        "--fields",
        "start",
        "--no-header",
    ])
    .lines()
    .map(|l| l[..4].to_string())
    .collect();
    assert!(years.len() >= 10, "{years:?}");
}

#[test]
fn json_holds_the_same_statements() {
    let json: serde_json::Value = serde_json::from_slice(&synth(&["50", "--json"])).unwrap();
    let file = tempfile::Builder::new().suffix(".ron").tempfile().unwrap();
    std::fs::write(file.path(), synth(&["50"])).unwrap();
    let ours: serde_json::Value = serde_json::from_str(&stdout(&[
        "statements",
        "--data",
        &file.path().display().to_string(),
        "-f",
        "json",
        "--sort",
        "id",
    ]))
    .unwrap();
    let theirs = json["statements"].as_array().unwrap();
    assert_eq!(ours.as_array().unwrap().len(), theirs.len());
    for (a, b) in ours.as_array().unwrap().iter().zip(theirs) {
        for field in ["id", "start", "end", "title", "event", "quote"] {
            assert_eq!(a[field], b[field], "{field}");
        }
    }
}
