//! Prepares the embedded dataset: parses data/gmg2016.ron with the ron crate and the same
//! raw types and checks as the binary (the files below are the binary's own), refuses a
//! dataset with any problem or any quote not found in the report, and writes the checked
//! dataset as postcard bytes that the binary decodes at startup (src/dataset/embedded.rs).
//! data/gmg2016.ron stays the one file people edit.

#[allow(dead_code)]
#[path = "src/model.rs"]
mod model;
#[allow(dead_code)]
#[path = "src/text.rs"]
mod text;

// The dataset files refer to each other as `super::…`: siblings here as in src/dataset/.
#[allow(dead_code)]
#[path = "src/dataset/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "src/dataset/parse.rs"]
mod parse;
#[allow(dead_code)]
#[path = "src/dataset/quote.rs"]
mod quote;
#[allow(dead_code)]
#[path = "src/dataset/raw.rs"]
mod raw;

use std::path::PathBuf;
use std::process::ExitCode;

const DATA: &str = "data/gmg2016.ron";
const REPORT: &str = "data/source/gmg-chair-report-2016.md";
/// Every file whose change changes what is embedded.
const INPUTS: [&str; 8] = [
    DATA,
    REPORT,
    "src/model.rs",
    "src/text.rs",
    "src/dataset/check.rs",
    "src/dataset/parse.rs",
    "src/dataset/quote.rs",
    "src/dataset/raw.rs",
];

fn main() -> ExitCode {
    for input in INPUTS {
        println!("cargo::rerun-if-changed={input}");
    }
    match prepare() {
        Ok(()) => ExitCode::SUCCESS,
        Err(problems) => {
            // Cargo shows a failed build script's stderr: the same list `gmg validate` gives.
            eprintln!("{problems}");
            ExitCode::FAILURE
        }
    }
}

fn prepare() -> Result<(), String> {
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let text = read(DATA)?;
    let report = read(REPORT)?;
    let data = parse::parse(&text, DATA).map_err(|p| p.to_string())?;
    let missing = quote::missing_quotes(&data, &report);
    if !missing.is_empty() {
        let problems = check::Problems {
            origin: DATA.to_string(),
            list: missing,
        };
        return Err(problems.to_string());
    }
    let bytes = postcard::to_allocvec(&data).map_err(|e| format!("encoding {DATA}: {e}"))?;
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?);
    let path = out.join("gmg2016.postcard");
    std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
