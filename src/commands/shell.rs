//! `gmg completions SHELL` and `gmg man`: shell integration generated from the CLI itself.

use std::io::{self, Write};

use crate::cli::{command, CompletionsArgs};

pub fn completions(args: &CompletionsArgs) -> anyhow::Result<()> {
    let mut cmd = command();
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_complete::generate(args.shell, &mut cmd, "gmg", &mut out);
    out.flush()?;
    Ok(())
}

pub fn man() -> anyhow::Result<()> {
    let mut out = io::BufWriter::new(io::stdout().lock());
    clap_mangen::Man::new(command()).render(&mut out)?;
    out.flush()?;
    Ok(())
}
