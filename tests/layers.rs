//! The code's layers flow one way (STYLE.md, "Layout and layers"): a module imports only
//! modules below it, so an exit code knows no renderer, the arguments know no command, and
//! loading knows no database. Checked over the source text, outside test modules.

use std::fs;
use std::path::Path;

/// The layers, top to bottom; modules of one layer may not import each other, except
/// those of the bottom layer (the model and the small shared modules).
const LAYERS: &[&[&str]] = &[
    &["commands"],
    &["output"],
    &["cli"],
    &["filter", "database"],
    &["dataset"],
    &["record"],
    &["model", "fold", "text", "exit", "suggest", "terminal"],
];

fn layer(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

fn sources(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).unwrap();
        let first = relative.iter().next().unwrap().to_string_lossy();
        let module = first.trim_end_matches(".rs");
        if module == "main" {
            continue;
        }
        let own = layer(module).unwrap_or_else(|| panic!("{module} is in no layer"));
        let text = fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        for (at, _) in code.match_indices("crate::") {
            let name: String = code[at + 7..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let Some(theirs) = layer(&name) else { continue };
            let bottom = LAYERS.len() - 1;
            if name != module && (theirs < own || (theirs == own && own != bottom && own != 3)) {
                upward.push(format!("{} imports {name}", relative.display()));
            }
        }
    }
    upward.sort();
    upward.dedup();
    assert!(
        upward.is_empty(),
        "imports against the layers:\n{}",
        upward.join("\n")
    );
}
