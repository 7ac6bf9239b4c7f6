//! Datasets are RON, read by the ron crate: hand-written documents that use what RON allows
//! load to the same records as the canonical fixture, and broken ones fail with
//! FILE:LINE:COLUMN and what is wrong.

mod common;

use std::path::PathBuf;

use common::{fails, fixture_arg, json, stdout};

fn corpus(kind: &str) -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/ron")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    files
}

/// Every collection of a dataset, every field, as JSON.
fn everything(data: &str) -> Vec<serde_json::Value> {
    ["events", "statements", "members", "handover"]
        .iter()
        .map(|c| json(&["--data", data, c]))
        .collect()
}

#[test]
fn valid_documents_load_to_the_canonical_records() {
    let canonical = everything(&fixture_arg("small.ron"));
    let files = corpus("valid");
    assert_eq!(files.len(), 9, "{files:?}");
    for file in files {
        let path = file.display().to_string();
        assert_eq!(everything(&path), canonical, "{path}");
        assert!(stdout(&["validate", &path]).starts_with("ok: "), "{path}");
    }
}

#[test]
fn invalid_documents_fail_with_a_place_and_a_reason() {
    let expected = [
        (
            "bare-optional-without-implicit-some.ron",
            "5:37: expected an optional value: `Some(...)` or `None`, or the value alone when the file starts with #![enable(implicit_some)], found `\"2016-02-01\"` (in event 1)",
        ),
        (
            "leading-underscore-number.ron",
            "3:67: a number cannot start with `_`",
        ),
        (
            "missing-comma.ron",
            "5:46: expected `,` between values, found `text:` (in handover item 1)",
        ),
        (
            "unclosed-string.ron",
            "5:71: expected `,` between values, found `Annex`; is a string before it missing its closing `\"`? (in member 1)",
        ),
        (
            "unknown-extension.ron",
            "1:11: no RON extension is named `implicit_sum`; the extensions are implicit_some, unwrap_newtypes, unwrap_variant_newtypes and explicit_struct_names",
        ),
        (
            "unknown-field.ron",
            "5:62: unknown field `joined` in Member; the fields are: acronym, name, aliases, added, section, quote, also, note (in member 1)",
        ),
    ];
    let files = corpus("invalid");
    assert_eq!(files.len(), expected.len());
    for (file, (name, problem)) in files.iter().zip(expected) {
        assert!(file.ends_with(name), "{file:?}");
        let path = file.display().to_string();
        let message = format!("error: 1 problem in {path}\n  {path}:{problem}\n");
        assert_eq!(fails(&["validate", &path], 1), message);
        // Queries refuse the file the same way.
        assert_eq!(fails(&["--data", &path, "events"], 1), message);
    }
}
