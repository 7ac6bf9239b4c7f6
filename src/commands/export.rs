//! `gmg export FILE`: the dataset as a SQLite database file, built in memory and written
//! whole through the same sink as `-o` (a regular file is replaced only when all is written).

use std::io::{self, IsTerminal};
use std::path::Path;

use anyhow::Context;

use crate::cli::ExportArgs;
use crate::dataset::{self, Origin};
use crate::exit::UsageError;
use crate::output::Sink;

pub fn run(data: Option<&Path>, args: &ExportArgs) -> anyhow::Result<()> {
    let to_stdout = args.file.as_os_str() == "-";
    if to_stdout && io::stdout().is_terminal() {
        return Err(UsageError::other(
            "a SQLite database is binary, and standard output is a terminal: give a file name (gmg export gmg.sqlite) or redirect it".to_string(),
        )
        .into());
    }
    let sink = Sink::open((!to_stdout).then_some(args.file.as_path()))?;
    let origin = Origin::from_option(data);
    let loaded = dataset::load(&origin)?;
    let conn = dataset::database(&loaded, &origin, true).context("cannot build the database")?;
    let bytes = conn
        .serialize("main")
        .context("cannot serialise the database")?;
    sink.write(|out| {
        out.write_all(&bytes)?;
        out.flush()
    })
}
