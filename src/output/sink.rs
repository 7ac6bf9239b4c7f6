//! Where output goes, as the Unix tools around gmg would send it:
//!
//! - standard output (a closed pipe ends quietly, see `exit::is_broken_pipe`);
//! - a regular file (or none yet), replaced whole or not at all: written to a temporary file
//!   beside it and renamed over it. A symlink is followed and the file it points to is
//!   replaced, the link kept. An existing file keeps its permission bits; a new one gets the
//!   usual 0666 less the umask. An interrupted run (SIGINT, SIGTERM, SIGHUP) removes its
//!   temporary file;
//! - anything else (a FIFO, a terminal, /dev/stdout, a device) is opened and written
//!   directly, never replaced.

use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use anyhow::Context;
use tempfile::NamedTempFile;

/// An opened destination, ready to be written once.
pub enum Sink {
    Stdout,
    /// A temporary file beside `target`, renamed over it when all is written.
    Replace {
        temp: NamedTempFile,
        target: PathBuf,
        shown: String,
        pending: Pending,
    },
    /// A FIFO, terminal or device, written as it is.
    Direct {
        file: File,
        shown: String,
    },
}

/// The temporary file being written, for the signal handler to remove.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

impl Sink {
    /// Opens `path` (standard output when `None`) for writing: a regular file's temporary
    /// file is created now, before any data is read, so a directory that cannot be written
    /// fails first.
    pub fn open(path: Option<&Path>) -> anyhow::Result<Sink> {
        let Some(path) = path else {
            return Ok(Sink::Stdout);
        };
        let shown = crate::text::path(path);
        let failed = |what: &str| format!("cannot {what} {shown}");
        let target = resolve(path).with_context(|| failed("follow the link"))?;
        let existing = match fs::metadata(&target) {
            Ok(metadata) => Some(metadata),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e).with_context(|| failed("write")),
        };
        if existing.as_ref().is_some_and(|m| m.is_dir()) {
            anyhow::bail!("cannot write {shown}: it is a directory");
        }
        if is_special(path) || existing.as_ref().is_some_and(|m| !m.is_file()) {
            let file = OpenOptions::new()
                .append(true)
                .open(path)
                .with_context(|| failed("open"))?;
            return Ok(Sink::Direct { file, shown });
        }
        let dir = match target.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            anyhow::bail!(
                "cannot write {shown}: there is no directory {}",
                crate::text::path(dir)
            );
        }
        // The signal handler is in place, and waits on this lock, before the temporary file
        // exists: an interrupt at any moment finds it to remove.
        let mut slot = PENDING
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        handle_signals();
        // 0666 is what open(2) is asked for; the kernel takes the umask off it.
        let temp = tempfile::Builder::new()
            .prefix(".gmg-")
            .suffix(".part")
            .permissions(Permissions::from_mode(0o666))
            .tempfile_in(dir)
            .with_context(|| failed("create a temporary file beside"))?;
        *slot = Some(temp.path().to_path_buf());
        drop(slot);
        let pending = Pending;
        if let Some(existing) = existing {
            let mode = existing.permissions().mode() & 0o7777;
            fs::set_permissions(temp.path(), Permissions::from_mode(mode))
                .with_context(|| failed("keep the permissions of"))?;
        }
        Ok(Sink::Replace {
            pending,
            temp,
            target,
            shown,
        })
    }

    /// Runs `write` against the sink; a file being replaced is renamed into place only when
    /// everything succeeded.
    pub fn write(self, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> anyhow::Result<()> {
        match self {
            Sink::Stdout => {
                let stdout = io::stdout();
                let mut out = BufWriter::new(stdout.lock());
                write(&mut out)
                    .and_then(|()| out.flush())
                    .context("cannot write to standard output")
            }
            Sink::Direct { file, shown } => {
                let mut out = BufWriter::new(file);
                write(&mut out)
                    .and_then(|()| out.flush())
                    .with_context(|| format!("cannot write {shown}"))
            }
            Sink::Replace {
                temp,
                target,
                shown,
                pending,
            } => {
                let failed = |what: &str| format!("cannot {what} {shown}");
                let mut out = BufWriter::new(temp);
                write(&mut out)
                    .and_then(|()| out.flush())
                    .with_context(|| failed("write"))?;
                let temp = out
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| failed("write"))?;
                let done = temp
                    .persist(&target)
                    .map_err(|e| e.error)
                    .with_context(|| failed("replace"));
                drop(pending);
                done.map(drop)
            }
        }
    }
}

/// The names of a process's own open files (/dev/stdout, /dev/fd/1, /proc/self/fd/1) are
/// written as they are: following /dev/stdout to the file a shell redirected it to and
/// replacing that file would leave the shell writing to a file that is gone. Any other path,
/// in /dev or not, is a file like any other.
fn is_special(path: &Path) -> bool {
    let path = path.to_string_lossy();
    matches!(path.as_ref(), "/dev/stdin" | "/dev/stdout" | "/dev/stderr")
        || path.starts_with("/dev/fd/")
        || (path.starts_with("/proc/") && path.contains("/fd/"))
}

/// `path` with symlinks of its last part followed, so that the file they lead to is the one
/// replaced and the links stay.
fn resolve(path: &Path) -> io::Result<PathBuf> {
    let mut path = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&path) {
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&path)?;
                path = match path.parent() {
                    Some(parent) if link.is_relative() => parent.join(link),
                    _ => link,
                };
            }
            _ => return Ok(path),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

/// Whether two paths name the same file (device and inode), e.g. `-o` and `--data`.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// The temporary file of a run is pending until it is renamed into place or dropped (which
/// removes it); while it is, the signal handler removes it if the run is interrupted.
pub struct Pending;

impl Drop for Pending {
    fn drop(&mut self) {
        if let Ok(mut pending) = PENDING.lock() {
            *pending = None;
        }
    }
}

/// Removes the pending temporary file on SIGINT, SIGTERM or SIGHUP, then exits as an
/// interrupted command does.
fn handle_signals() {
    // One handler for the run: only one file is ever written.
    let _ = ctrlc::set_handler(|| {
        if let Ok(mut pending) = PENDING.lock() {
            if let Some(path) = pending.take() {
                let _ = fs::remove_file(path);
            }
        }
        // 128 + SIGINT, as a shell reports an interrupted command.
        std::process::exit(130);
    });
}
