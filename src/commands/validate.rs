//! `gmg validate [FILE]`: every check the loader makes, plus every quote against the report.

use std::io::Write;
use std::path::Path;

use anyhow::bail;

use crate::cli::ValidateArgs;
use crate::dataset::{self, Origin, Problems, REPORT};
use crate::output::count;

pub fn run(data: Option<&Path>, args: &ValidateArgs) -> anyhow::Result<()> {
    let origin = Origin::from_option(args.file.as_deref().or(data));
    let name = origin.to_string();
    let text = dataset::read(&origin)?;
    let data = dataset::parse(text, &name)?;
    if !args.no_quotes {
        let list = dataset::missing_quotes(&data, REPORT, text);
        if !list.is_empty() {
            bail!(Problems { origin: name, list });
        }
    }
    let quotes = if args.no_quotes {
        "quotes not checked"
    } else {
        "every quote found in the report"
    };
    let mut counts = vec![
        count(data.events.len(), "event"),
        count(data.statements.len(), "statement"),
        count(data.members.len(), "member"),
        count(data.handover.len(), "handover item"),
        count(data.groups.len(), "group"),
        count(data.deliverables.len(), "deliverable"),
    ];
    // The report's intentions are counted where the dataset has them.
    for (n, noun) in [
        (data.objectives.len(), "objective"),
        (data.accomplishments.len(), "accomplishment"),
        (data.proposals.len(), "proposal"),
        (data.chairs.len(), "chair"),
    ] {
        if n > 0 {
            counts.push(count(n, noun));
        }
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "ok: {name}: {}; {quotes}", counts.join(", "))?;
    out.flush()?;
    Ok(())
}
