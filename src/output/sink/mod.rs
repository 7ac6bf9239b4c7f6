//! Where output goes, as the Unix tools around gmg would send it, and never where the shell's
//! `>` would be refused:
//!
//! - standard output (a closed pipe ends quietly, see `exit::is_broken_pipe`);
//! - the file standard output (or standard error) already is, however `-o` spells it
//!   (`/dev/stdout`, `//dev/stdout`, a link to it, another name of the same file): written
//!   through that stream, never replaced;
//! - anything that is not a regular file (a FIFO, a terminal, a device, a socket), and a file
//!   named through a process's open descriptors (`/dev/fd/N`, `/proc/PID/fd/N`): opened and
//!   written as it is;
//! - a regular file (or none yet), replaced whole or not at all: written to a temporary file
//!   beside it and renamed over it (see `unix.rs` for what is kept and what is refused);
//!   a file with other names (hard links), or in a directory that cannot be written, is
//!   truncated and written in place, as `>` would, once all the output is ready.

#[cfg(not(unix))]
mod portable;
#[cfg(unix)]
mod unix;

#[cfg(not(unix))]
use portable as platform;
#[cfg(unix)]
use unix as platform;

pub use platform::same_file;

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Seek, Write};
use std::path::Path;

use anyhow::Context;
use tempfile::SpooledTempFile;

/// Output for a file written in place is gathered in memory up to this size, then in an
/// unnamed temporary file.
#[cfg_attr(not(unix), allow(dead_code))]
const STAGED_IN_MEMORY: usize = 8 << 20;

/// An opened destination, ready to be written once.
pub enum Sink {
    Stdout,
    /// A stream written as it is (a FIFO, a terminal, a device, the file standard output
    /// is): output goes to it as it is made.
    Direct {
        file: File,
        shown: String,
    },
    /// A regular file that cannot be replaced by a rename but can be written (it has other
    /// names, or its directory is not writable): the output is gathered first, then the file
    /// is truncated and written, so that a failed run leaves it as it was.
    #[cfg_attr(not(unix), allow(dead_code))]
    InPlace {
        file: File,
        staged: SpooledTempFile,
        shown: String,
    },
    /// A temporary file beside the target, put in its place when all is written.
    Replace {
        temp: platform::Temp,
        shown: String,
    },
}

impl Sink {
    /// Opens `path` (standard output when `None`) for writing. Everything that can be
    /// refused is refused now, before any data is read, and a regular file's temporary file
    /// is created now, so that a directory that cannot be written fails first.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Sink> {
        match path {
            None => Ok(Sink::Stdout),
            Some(path) => platform::open(path),
        }
    }

    /// A regular file to be truncated and written once all the output is ready.
    #[cfg_attr(not(unix), allow(dead_code))]
    fn in_place(file: File, shown: String) -> Sink {
        Sink::InPlace {
            file,
            staged: tempfile::spooled_tempfile(STAGED_IN_MEMORY),
            shown,
        }
    }

    /// Whether the output goes to a terminal.
    pub fn is_terminal(&self) -> bool {
        match self {
            Sink::Stdout => io::stdout().is_terminal(),
            Sink::Direct { file, .. } => file.is_terminal(),
            Sink::InPlace { .. } | Sink::Replace { .. } => false,
        }
    }

    /// Runs `write` against the sink; a file being replaced is put into place, and a file
    /// written in place is truncated, only when everything succeeded.
    pub fn write(self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
        let written = |out: &mut dyn Write| -> io::Result<()> {
            let mut out = BufWriter::new(out);
            match write(&mut out) {
                Ok(()) => out.flush(),
                Err(e) => {
                    // What is still buffered is dropped, not written: a query that fails
                    // before its output fills the buffer (8 KiB) prints nothing, not a
                    // header or half a row.
                    drop(out.into_parts());
                    Err(e)
                }
            }
        };
        match self {
            Sink::Stdout => {
                written(&mut io::stdout().lock()).context("cannot write to standard output")
            }
            Sink::Direct { mut file, shown } => {
                written(&mut file).with_context(|| format!("cannot write {shown}"))
            }
            Sink::InPlace {
                mut file,
                mut staged,
                shown,
            } => {
                let failed = || format!("cannot write {shown}");
                written(&mut staged).with_context(failed)?;
                staged.rewind().with_context(failed)?;
                file.set_len(0)
                    .and_then(|()| io::copy(&mut staged, &mut file))
                    .and_then(|_| file.flush())
                    .with_context(failed)
            }
            Sink::Replace { mut temp, shown } => {
                written(temp.file()).with_context(|| format!("cannot write {shown}"))?;
                temp.persist()
                    .with_context(|| format!("cannot replace {shown}"))
            }
        }
    }
}
