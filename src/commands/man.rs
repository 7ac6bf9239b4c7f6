//! `gmg man`: the manual, generated from the command line itself so it cannot drift from
//! it. `gmg man` shows one complete page, gmg(1) — formatted by `man -l` on a terminal, as
//! roff into a pipe or a file (or where there is no `man`) — with every command and all its
//! options, the formats, the environment, the exit status and the files. `gmg man --dir
//! DIR` writes that page as gmg.1 and one page per command, gmg-events.1 and so on, so that
//! `man gmg-events` works once DIR is on the manual path. Examples are set without filling,
//! so groff keeps their lines as they are; the notes around them are filled to the page.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::Context;

use clap_mangen::roff::{bold, italic, roman, Roff};
use clap_mangen::Man;

use crate::cli::{ManArgs, EXAMPLES};
use crate::output::Sink;

pub fn run(args: &ManArgs) -> anyhow::Result<()> {
    let cmd = super::command();
    let Some(dir) = &args.dir else {
        if std::io::stdout().is_terminal() && formatted(&cmd)? {
            return Ok(());
        }
        return Sink::open(None)?.write(|out| main_page(&cmd, out));
    };
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!(
            "cannot write the manual into {}: it is not a directory",
            crate::text::path(dir)
        );
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        anyhow::anyhow!(
            "cannot create the directory {}: {e}",
            crate::text::path(dir)
        )
    })?;
    write_page(&dir.join("gmg.1"), |out| main_page(&cmd, out))?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("gmg-{}", sub.get_name());
        write_page(&dir.join(format!("{name}.1")), |out| {
            command_page(sub, &name, out)
        })?;
    }
    Ok(())
}

/// On a terminal, the page as `man -l` formats it (in the reader's pager), from a temporary
/// file; `false` where there is no `man` to run, for the roff to be printed as it is.
fn formatted(cmd: &clap::Command) -> anyhow::Result<bool> {
    let mut file = tempfile::Builder::new()
        .prefix("gmg-")
        .suffix(".1")
        .tempfile()
        .context("cannot write the manual to a temporary file")?;
    main_page(cmd, file.as_file_mut())
        .and_then(|()| file.as_file_mut().flush())
        .context("cannot write the manual to a temporary file")?;
    match std::process::Command::new("man")
        .arg("-l")
        .arg(file.path())
        .status()
    {
        Ok(status) if status.success() => Ok(true),
        Ok(status) => anyhow::bail!(
            "man -l could not show the manual ({status}); `gmg man | cat` prints its roff"
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e).context("cannot run man"),
    }
}

fn write_page(
    path: &Path,
    page: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    Sink::open(Some(path))?.write(page)
}

const FORMATS: [(&str, &str); 7] = [
    ("table", "An aligned table for reading in a terminal (the default), fitted to its width: ids, dates and kinds whole, prose wrapped, the least important columns hidden when the width is short. Piped with no COLUMNS, one line per record."),
    ("csv", "Comma-separated values with a header row, quoted so that text survives a spreadsheet. Lists are joined with \"; \"; null is an empty cell."),
    ("tsv", "Tab-separated values, quoted as csv."),
    ("json", "One array of objects, lists as arrays and null as null."),
    ("ndjson", "One JSON object per line."),
    ("markdown", "A pipe table; line breaks, < > & and every character markdown reads as markup (links, images, emphasis, code) are escaped, so a cell shows its text as it is."),
    ("xlsx", "An Excel workbook of one sheet: header row frozen and filtered, text always as text (never a formula), numbers as numbers, dates as date cells shown to the report's precision. Binary: refused on a terminal; give -o FILE.xlsx or redirect."),
];

const ENVIRONMENT: [(&str, &str); 5] = [
    ("GMG_DATA", "A dataset to load in place of the embedded one, as --data FILE; --data wins. Empty means unset."),
    ("NO_COLOR", "Set and not empty: no colour, unless --color always."),
    ("CLICOLOR_FORCE", "Set, not empty and not 0: colour even into a pipe or a file, unless NO_COLOR or --color never. CLICOLOR=0 turns colour off."),
    ("TERM", "dumb: no colour, unless --color always or CLICOLOR_FORCE."),
    ("COLUMNS", "The width tables fit, in place of the terminal's; tables are fitted to it even when piped. A terminal that reports no width is taken as 80 columns."),
];

const EXIT_STATUS: [(&str, &str); 3] = [
    ("0", "Success, including a query that matched nothing."),
    ("1", "A run-time failure: a dataset that is missing, unreadable or invalid; an id that does not exist; output that cannot be written."),
    ("2", "A usage error: a bad option or value, named in the message with what is accepted."),
];

const FILES: [(&str, &str); 2] = [
    ("data/gmg2016.ron", "The dataset, compiled into gmg: the embedded data. gmg validate checks its source text."),
    ("data/source/gmg-chair-report-2016.md", "The report the dataset is drawn from, also compiled in: quotes are checked against it, show --context prints its passages, and read prints it paragraph by paragraph with the records that quote each."),
];

/// gmg(1): the whole command line in one page.
fn main_page(cmd: &clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    head(&Man::new(cmd.clone()).manual("gmg manual"), out)?;
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    roff.to_writer(out)?;
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        command_section(sub, out)?;
    }
    let mut roff = Roff::new();
    closing_sections(&mut roff, true);
    roff.to_writer(out)
}

/// One command's part of gmg(1): its synopsis, what it does, its options and examples.
fn command_section(sub: &clap::Command, out: &mut dyn Write) -> std::io::Result<()> {
    let mut roff = Roff::new();
    roff.control("SS", [format!("gmg {}", sub.get_name()).as_str()]);
    if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
        roff.text([roman(about.to_string())]);
    }
    roff.to_writer(out)?;
    // clap_mangen writes each group of options under a section heading; within a command's
    // part of the page they are sub-headings.
    let mut options = Vec::new();
    Man::new(sub.clone()).render_options_section(&mut options)?;
    let options = String::from_utf8_lossy(&options);
    for line in options.lines() {
        match line.strip_prefix(".SH ") {
            Some(heading) => {
                let heading = heading.trim_matches('"');
                writeln!(out, ".PP")?;
                writeln!(out, ".B {}", capitalised(heading))?;
            }
            None => writeln!(out, "{line}")?,
        }
    }
    let mut roff = Roff::new();
    unfilled(&mut roff, sub);
    roff.to_writer(out)
}

/// gmg-COMMAND(1): one command's own page.
fn command_page(sub: &clap::Command, name: &str, out: &mut dyn Write) -> std::io::Result<()> {
    let page = sub
        .clone()
        .name(name.to_string())
        .bin_name(format!("gmg {}", sub.get_name()));
    let man = Man::new(page)
        .title(name.to_uppercase())
        .source(format!("gmg {}", env!("CARGO_PKG_VERSION")))
        .manual("gmg manual");
    head(&man, out)?;
    let mut roff = Roff::new();
    if sub.get_after_help().is_some() {
        roff.control("SH", ["EXAMPLES AND NOTES"]);
        unfilled(&mut roff, sub);
    }
    closing_sections(&mut roff, false);
    roff.to_writer(out)
}

/// The head of a page: title, name, synopsis, description and options.
fn head(man: &Man, out: &mut dyn Write) -> std::io::Result<()> {
    man.render_title(out)?;
    man.render_name_section(out)?;
    man.render_synopsis_section(out)?;
    man.render_description_section(out)?;
    man.render_options_section(out)
}

/// A command's examples and notes (its after-help): example lines (indented) set line for
/// line, without filling, so groff does not reflow them; the notes around them filled, so
/// they fit the reader's page.
fn unfilled(roff: &mut Roff, sub: &clap::Command) {
    let Some(after) = sub.get_after_long_help().or_else(|| sub.get_after_help()) else {
        return;
    };
    roff.control("PP", []);
    let mut example = false;
    for line in after.to_string().lines() {
        let indented = line.starts_with("  ");
        if indented != example {
            roff.control(if indented { "nf" } else { "fi" }, []);
            example = indented;
        }
        if line.trim().is_empty() {
            roff.control("PP", []);
        } else {
            roff.text([roman(line.trim_start())]);
        }
    }
    if example {
        roff.control("fi", []);
    }
}

/// FORMATS (gmg(1) only), ENVIRONMENT, EXIT STATUS, FILES, EXAMPLES and SEE ALSO.
fn closing_sections(roff: &mut Roff, main: bool) {
    let list = |roff: &mut Roff, heading: &str, items: &[(&str, &str)]| {
        roff.control("SH", [heading]);
        for (term, what) in items {
            roff.control("TP", []);
            roff.text([bold(*term)]);
            roff.text([roman(*what)]);
        }
    };
    if main {
        list(roff, "FORMATS", &FORMATS);
    }
    list(roff, "ENVIRONMENT", &ENVIRONMENT);
    list(roff, "EXIT STATUS", &EXIT_STATUS);
    list(roff, "FILES", &FILES);
    if main {
        // Each example as the command, unfilled, and what it answers beneath it.
        roff.control("SH", ["EXAMPLES"]);
        for line in EXAMPLES.lines().skip(1) {
            let line = line.trim();
            let (example, what) = line.split_once("   ").unwrap_or((line, ""));
            roff.control("TP", []);
            roff.text([bold(example)]);
            roff.text([roman(what.trim())]);
        }
    }
    roff.control("SH", ["SEE ALSO"]);
    // Every command's page, named from the command itself so none is left out.
    let pages: Vec<String> = if main {
        crate::commands::command()
            .get_subcommands()
            .filter(|c| c.get_name() != "help")
            .map(|c| format!("gmg-{}", c.get_name()))
            .collect()
    } else {
        vec!["gmg".to_string()]
    };
    let mut refs = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            refs.push(roman(", "));
        }
        refs.push(bold(page.as_str()));
        refs.push(roman("(1)"));
    }
    roff.text(refs);
    roff.text([
        italic("README.md"),
        roman(" in the source, for the dataset's format and how it models the report."),
    ]);
}

/// "FILTERS" as "Filters".
fn capitalised(heading: &str) -> String {
    let lower = heading.to_lowercase();
    let mut chars = lower.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
