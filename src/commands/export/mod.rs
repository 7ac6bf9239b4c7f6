//! `gmg export FILE`: the whole dataset as one file to hand on — a SQLite database, an Excel
//! workbook or a web page — built in memory and written whole through the same sink as `-o`
//! (a regular file is replaced only when all is written).

mod book;
mod html;
mod sqlite;
mod workbook;

use std::io::{self, IsTerminal};
use std::path::Path;

use crate::cli::{ExportArgs, ExportFormat};
use crate::dataset::{self, Origin};
use crate::exit::UsageError;
use crate::output::{same_file, Sink};

pub fn run(data: Option<&Path>, args: &ExportArgs) -> anyhow::Result<()> {
    let format = format(args)?;
    let to_stdout = args.file.as_os_str() == "-";
    if to_stdout && format != ExportFormat::Html && io::stdout().is_terminal() {
        let what = match format {
            ExportFormat::Xlsx => "an Excel workbook",
            _ => "a SQLite database",
        };
        return Err(UsageError::other(format!(
            "{what} is binary, and standard output is a terminal: give a file name (gmg export gmg.{}) or redirect it",
            format.name()
        ))
        .into());
    }
    if args.metadata.is_some() && format != ExportFormat::Sqlite {
        return Err(UsageError::other(format!(
            "'--metadata' describes a database for datasette, and this export is {}: leave out --metadata, or export a .sqlite file",
            format.name()
        ))
        .into());
    }
    if let Some(meta) = args.metadata.as_deref() {
        if !to_stdout && one_file(meta, &args.file) {
            return Err(UsageError::other(format!(
                "'--metadata {}' is the file the database goes to: give the metadata another name (metadata.json)",
                crate::text::path(meta)
            ))
            .into());
        }
    }
    let sink = Sink::open((!to_stdout).then_some(args.file.as_path()))?;
    let meta = args
        .metadata
        .as_deref()
        .map(|m| Sink::open(Some(m)))
        .transpose()?;
    let origin = Origin::from_option(data);
    let loaded = dataset::load(&origin)?;
    match format {
        ExportFormat::Sqlite => sqlite::write(&loaded, &origin, &args.file, sink, meta),
        ExportFormat::Xlsx => workbook::write(&loaded, &origin, sink),
        ExportFormat::Html => html::write(&loaded, &origin, sink),
    }
}

/// Whether two paths name one file: the same file, or (where neither exists yet) the same
/// name in the same directory.
fn one_file(a: &Path, b: &Path) -> bool {
    let place = |p: &Path| {
        let parent = p.parent().filter(|d| !d.as_os_str().is_empty());
        let parent = std::fs::canonicalize(parent.unwrap_or(Path::new("."))).ok()?;
        Some((parent, p.file_name()?.to_owned()))
    };
    same_file(a, b) || matches!((place(a), place(b)), (Some(x), Some(y)) if x == y)
}

/// `--format`, else the format FILE's extension asks for; standard output is a database
/// unless `--format` says otherwise.
fn format(args: &ExportArgs) -> Result<ExportFormat, UsageError> {
    if let Some(format) = args.format {
        return Ok(format);
    }
    if args.file.as_os_str() == "-" {
        return Ok(ExportFormat::Sqlite);
    }
    ExportFormat::from_path(&args.file).ok_or_else(|| {
        UsageError::new(
            "<FILE>",
            &args.file.to_string_lossy(),
            "cannot tell what to write from the extension; use .sqlite (or .db), .xlsx or .html, or give --format (a listing writes .csv, .json or .md with -o)".to_string(),
        )
    })
}
