//! What gmg says when clap ends the run before any command does: help and the version on
//! standard output, a usage error on standard error, each with its exit code.

use std::process::ExitCode;

use crate::exit::Exit;
use crate::text::Echo;

/// Prints what clap found (help, the version, or a usage error) and gives the exit code.
/// Help and the version go to standard output: a closed pipe ends quietly, any other
/// failure to write is an error (exit 1). A usage error echoes the arguments it names
/// escaped and cut, like every other message (see [`Echo`]).
pub fn clap_error(error: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    use std::io::Write;
    if matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        // Styled on a terminal, unless NO_COLOR; plain into a file or a pipe.
        use std::io::IsTerminal;
        let styled = crate::output::use_color(
            crate::cli::ColorChoice::Auto,
            std::io::stdout().is_terminal(),
        );
        let text = if styled {
            error.render().ansi().to_string()
        } else {
            error.render().to_string()
        };
        let mut out = std::io::stdout().lock();
        let written = write!(out, "{text}").and_then(|()| out.flush());
        return match written {
            Ok(()) => Exit::Success.into(),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Exit::Success.into(),
            Err(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "error: cannot write to standard output: {e}"
                );
                Exit::Failure.into()
            }
        };
    }
    // The values clap echoes are in its context; escape and cut them in place, then drop
    // clap's own styling (stripping alone would delete an escape sequence's bytes from a
    // value, leaving the reader with '' instead of what they typed).
    let mut message = error.render().ansi().to_string();
    for (_, value) in error.context() {
        let values = match value {
            clap::error::ContextValue::String(s) => std::slice::from_ref(s),
            clap::error::ContextValue::Strings(v) => v.as_slice(),
            _ => &[],
        };
        for value in values.iter().filter(|v| !v.is_empty()) {
            let shown = Echo(value).to_string();
            if shown != *value {
                message = message.replace(value.as_str(), &shown);
            }
        }
    }
    let plain = anstream::adapter::strip_str(&message).to_string();
    let plain = crate::text::escape_controls(&plain);
    // Wrapped to a terminal's width, so it does not wrap words mid-way.
    let shown = crate::output::layout::fill(&plain, crate::output::stderr_width());
    let _ = write!(std::io::stderr(), "{shown}");
    ExitCode::from(error.exit_code() as u8)
}
