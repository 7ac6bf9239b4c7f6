//! Exit codes, and the error type that marks a usage error (exit 2) found after parsing.

use std::fmt;
use std::process::ExitCode;

use crate::text::Echo;

/// How `gmg` ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// The command did what was asked (including "nothing matched").
    Success = 0,
    /// A run-time failure: a data file missing, unreadable or invalid; an unknown id.
    Failure = 1,
    /// The command line is wrong: a bad option or value.
    Usage = 2,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

/// The exit code of a run ended by a signal it caught (SIGINT, SIGTERM, SIGHUP): 128 + the
/// signal's number, as a shell reports a command a signal ended (130, 143, 129).
#[cfg_attr(not(unix), allow(dead_code))]
pub const fn after_signal(signal: i32) -> i32 {
    128 + signal
}

/// A usage error that clap could not find by itself (it depends on the collection, e.g. a
/// field name, or on two options together). Reported like clap's own errors and mapped to
/// [`Exit::Usage`].
#[derive(Debug)]
pub struct UsageError(String);

impl UsageError {
    /// A bad value: names the option, the value (escaped and cut) and what is accepted.
    pub fn new(option: &str, value: &str, expected: impl fmt::Display) -> UsageError {
        UsageError(format!(
            "invalid value '{}' for '{option}': {expected}",
            Echo(value)
        ))
    }

    /// Any other usage error, in a sentence that names the options and values at fault.
    pub fn other(message: String) -> UsageError {
        UsageError(message)
    }

    /// Two options, or an option and a value, that do not go together, and why.
    pub fn conflict(first: &str, second: &str, why: impl fmt::Display) -> UsageError {
        UsageError(format!(
            "'{}' cannot be used with '{}': {why}",
            Echo(first),
            Echo(second)
        ))
    }
}

impl fmt::Display for UsageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// The exit code for an error: usage errors are 2, everything else 1.
pub fn code_for(error: &anyhow::Error) -> Exit {
    if error.downcast_ref::<UsageError>().is_some() {
        Exit::Usage
    } else {
        Exit::Failure
    }
}

/// True when the error is a closed pipe on our output, which ends quietly.
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_stable() {
        assert_eq!(Exit::Success as u8, 0);
        assert_eq!(Exit::Failure as u8, 1);
        assert_eq!(Exit::Usage as u8, 2);
    }

    #[test]
    fn a_signal_is_128_plus_its_number() {
        assert_eq!(after_signal(2), 130);
        assert_eq!(after_signal(15), 143);
        assert_eq!(after_signal(1), 129);
    }

    #[test]
    fn usage_errors_map_to_2_and_others_to_1() {
        let usage = anyhow::Error::new(UsageError::new("--fields", "x", "expected one of: id"));
        assert_eq!(code_for(&usage), Exit::Usage);
        assert_eq!(code_for(&anyhow::anyhow!("cannot read")), Exit::Failure);
        assert_eq!(
            usage.to_string(),
            "invalid value 'x' for '--fields': expected one of: id"
        );
    }

    #[test]
    fn broken_pipe_is_found_through_context() {
        let pipe = std::io::Error::from(std::io::ErrorKind::BrokenPipe);
        let error = anyhow::Error::new(pipe).context("writing output");
        assert!(is_broken_pipe(&error));
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
