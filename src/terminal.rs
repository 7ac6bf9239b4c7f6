//! What the terminal is: how wide text may be, on standard output, on standard error, and
//! for help. Shared by every layer that lays out text (tables, messages, help).

use std::io::{self, IsTerminal};

/// A width in columns: `COLUMNS` when it is a positive number; else, on a terminal, the
/// width it reports, or 80 when it reports none or 0 (a serial console, some containers);
/// else `None`, unbounded.
pub fn width_decision(columns: Option<&str>, terminal: bool, reported: Option<u16>) -> Option<u16> {
    let columns = columns.and_then(|c| c.trim().parse::<u16>().ok());
    columns
        .filter(|&c| c > 0)
        .or_else(|| terminal.then(|| reported.filter(|&w| w > 0).unwrap_or(DEFAULT_WIDTH)))
}

/// The width messages on standard error are wrapped to: that of its terminal (`COLUMNS`
/// first, 80 when it reports none), and none when it is not a terminal.
pub fn stderr_width() -> Option<u16> {
    if !io::stderr().is_terminal() {
        return None;
    }
    let reported = terminal_size::terminal_size_of(io::stderr()).map(|(w, _)| w.0);
    width_decision(std::env::var("COLUMNS").ok().as_deref(), true, reported)
}

/// The width help is wrapped to where clap would take 100 columns: a terminal on a standard
/// stream that reports no width (clap skips it), with no `COLUMNS`. `None` leaves it to
/// clap: the first standard stream's terminal, else `COLUMNS`, else 100.
pub fn help_width() -> Option<u16> {
    let on_terminal =
        io::stdout().is_terminal() || io::stderr().is_terminal() || io::stdin().is_terminal();
    let columns = std::env::var("COLUMNS").ok();
    let columns_given = width_decision(columns.as_deref(), false, None).is_some();
    (on_terminal && !columns_given && terminal_size::terminal_size().is_none())
        .then_some(DEFAULT_WIDTH)
}

/// The width of a terminal that does not say.
const DEFAULT_WIDTH: u16 = 80;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_terminal_that_reports_no_width_is_80_columns() {
        assert_eq!(width_decision(None, true, Some(0)), Some(80));
        assert_eq!(width_decision(None, true, None), Some(80));
        assert_eq!(width_decision(Some(""), true, Some(0)), Some(80));
        assert_eq!(width_decision(None, true, Some(132)), Some(132));
        assert_eq!(width_decision(Some("60"), true, Some(132)), Some(60));
        assert_eq!(width_decision(Some("0"), true, Some(100)), Some(100));
        assert_eq!(width_decision(Some("60"), false, None), Some(60));
        assert_eq!(width_decision(Some("wide"), false, None), None);
        assert_eq!(width_decision(None, false, None), None);
    }
}
